//! The Yew widget: a thin view over `form` and `engine`.

mod answers;
mod app;
mod components;
mod early;
mod files;
mod frame;
mod props;
pub mod rulesets;
mod state;
mod storage;
mod workers;

pub use app::{App, AppProps};

/// Runs when the module loads. On Rapor's own page (`<main data-rapor-standalone>`) it
/// mounts the widget with the query string's settings
/// (`index.html?ruleset=ombudsman-2021&lang=en`); on a host page it waits for
/// `embed.js` to call `mount` for each `[data-rapor]` element.
pub fn start() {
    std::panic::set_hook(Box::new(on_panic));
    if let Ok(Some(root)) = gloo::utils::document().query_selector("[data-rapor-standalone]") {
        ROOTS.with(|r| r.borrow_mut().push(root.clone()));
        let build = gloo::utils::document()
            .query_selector("meta[name=\"rapor-build\"]")
            .ok()
            .flatten()
            .and_then(|m| m.get_attribute("content"))
            .unwrap_or_default();
        workers::set_assets("./", &build);
        early::claim();
        // The engine's worker first: it instantiates the module while the widget starts.
        workers::warm(crate::protocol::Op::Plan);
        yew::Renderer::<App>::with_root_and_props(early::mount_point(&root), frame::props_from_query()).render();
        // A visitor who only looks gets no plan: the offline cache starts after a while.
        gloo::timers::callback::Timeout::new(SETTLE_AFTER_MS, settled).forget();
    }
}

thread_local! {
    /// Where the widgets are mounted, for `on_panic`.
    static ROOTS: std::cell::RefCell<Vec<web_sys::Element>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// No input can make the widget panic (limits and checked arithmetic come first, and
/// `tests/hostile.rs` tries); should a bug do it anyway, every widget on the page says
/// so instead of freezing without a word. The work autosaved so far stays.
fn on_panic(info: &std::panic::PanicHookInfo) {
    gloo::console::error!(info.to_string());
    ROOTS.with(|roots| {
        for root in roots.borrow().iter() {
            if let Ok(note) = gloo::utils::document().create_element("p") {
                let _ = note.set_attribute("role", "alert");
                let _ = note.set_attribute("class", "rapor-alert");
                let _ = note.set_attribute("data-testid", "stopped");
                note.set_text_content(Some(
                    "Rapor berhenti karena kesalahan internal; muat ulang halaman (pekerjaan yang tersimpan tetap ada). \
                     Rapor stopped on an internal error; reload the page (saved work is kept).",
                ));
                let _ = root.prepend_with_node_1(&note);
            }
        }
    });
}

/// How long after start-up the offline cache may start without a first plan.
const SETTLE_AFTER_MS: u32 = 8_000;

thread_local! {
    static SETTLED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Tells the page (its `sw-register.js`) once that the first result and plan are on
/// screen, so the service worker may now keep the files for offline use: it fetches
/// nothing before, and the plan's own download never competes with it.
pub fn settled() {
    if SETTLED.with(|s| s.replace(true)) {
        return;
    }
    if let Ok(event) = web_sys::Event::new("rapor-settled") {
        let _ = gloo::utils::window().dispatch_event(&event);
    }
}

/// Mounts one widget (for `embed.js`, through the `mount` that `rapor-web` exports — an
/// export here would end up in every binary, the workers too): `settings` holds the
/// element's `data-*` attributes (or `<rapor-kalkulator>`'s attributes), `assets` the
/// address of the build folder, `build` its id. Returns a function that takes the widget
/// down again (the element does, when it leaves the page or its settings change).
pub fn mount(root: web_sys::Element, settings: js_sys::Object, assets: String, build: String) -> wasm_bindgen::JsValue {
    workers::set_assets(&assets, &build);
    ROOTS.with(|r| r.borrow_mut().push(root.clone()));
    let handle = yew::Renderer::<App>::with_root_and_props(root.clone(), frame::props_from_object(&settings)).render();
    wasm_bindgen::closure::Closure::once_into_js(move || {
        handle.destroy();
        ROOTS.with(|r| r.borrow_mut().retain(|x| x != &root));
    })
}
