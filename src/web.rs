//! The Yew widget: a thin view over `form` and `engine`.

mod app;
mod components;
mod files;
mod frame;
mod io;
pub mod i18n;
mod state;
mod storage;

pub use app::{App, AppProps};

use crate::engine::Catalog;
use std::sync::OnceLock;

/// The shipped rulesets, parsed once per page.
pub fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(Catalog::built_in)
}

/// Mounts the widget on the page's `#rapor` element (or the body), with the settings of
/// the address's query string: `index.html?ruleset=ombudsman-2021&lang=en`.
pub fn start() {
    let props = frame::props_from_query();
    let doc = gloo::utils::document();
    match doc.get_element_by_id("rapor") {
        Some(root) => yew::Renderer::<App>::with_root_and_props(root, props).render(),
        None => yew::Renderer::<App>::with_props(props).render(),
    };
}
