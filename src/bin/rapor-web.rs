//! Trunk's entry point: mounts the widget. On the host it does nothing, so
//! `cargo build` and `cargo test` stay free of yew.

#[cfg(target_arch = "wasm32")]
fn main() {
    rapor::web::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("rapor-web is the browser widget: build it with `trunk build`");
}
