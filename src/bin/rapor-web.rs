//! Trunk's entry point: mounts the widget. On the host it does nothing, so
//! `cargo build` and `cargo test` stay free of yew.

#[cfg(target_arch = "wasm32")]
fn main() {
    rapor::web::start();
}

/// Called by `embed.js` for each `[data-rapor]` element and `<rapor-kalkulator>`; the
/// answer takes the widget down.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn mount(root: web_sys::Element, settings: js_sys::Object, assets: String, build: String) -> wasm_bindgen::JsValue {
    rapor::web::mount(root, settings, assets, build)
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("rapor-web is the browser widget: build it with `trunk build`");
}
