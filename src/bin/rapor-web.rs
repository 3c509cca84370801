//! Trunk's entry point: mounts the widget. The same module also runs in the engine's web
//! worker (`scripts/rapor-worker.js` calls `worker_start`): the plan, off the page's
//! thread, so a visit downloads the engine once. On the host
//! it does nothing, so `cargo build` and `cargo test` stay free of yew.

#[cfg(target_arch = "wasm32")]
fn main() {
    // Instantiated in the engine's worker there is no window: `worker_start` follows.
    if web_sys::window().is_some() {
        rapor::web::start();
    }
}

/// Called by `embed.js` for each `[data-rapor]` element and `<rapor-kalkulator>`; the
/// answer takes the widget down.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn mount(root: web_sys::Element, settings: js_sys::Object, assets: String, build: String) -> wasm_bindgen::JsValue {
    rapor::web::mount(root, settings, assets, build)
}

/// Called by `rapor-worker.js` once this module is instantiated in the worker it
/// started: the page's requests are answered from here on (`rapor::worker`).
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn worker_start() {
    rapor::worker::serve::serve(|op, form, lang, text, _| {
        rapor::worker::compute(&rapor::worker::Request { op, form, lang, text }).map(wasm_bindgen::JsValue::from)
    });
}

/// Called by `rapor-worker.js` right after `worker_start`, with the method file Rapor's
/// early screen fetched, when no request waits yet (`rapor::worker::warm`).
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn worker_warm(method: String) {
    rapor::worker::warm(&method);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("rapor-web is the browser widget: build it with `trunk build`");
}
