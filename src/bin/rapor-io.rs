//! The `rapor-io` web worker: JSON export and import, share links and CSV, and the
//! sampling risk, loaded by the widget on first use (see `rapor::worker`).

#[cfg(target_arch = "wasm32")]
fn main() {
    rapor::worker::serve::serve(|op, form, lang, text, _| {
        rapor::worker::handle(&rapor::worker::Request { op, form, lang, text }).map(wasm_bindgen::JsValue::from)
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("rapor-io is the widget's web worker: built by `trunk build`");
}
