//! The widget's settings as Yew properties: from the page's query string, an embed's
//! `data-*` attributes (`frame`), or a test.

use super::state::DEFAULT_RULESET;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    /// Prefix for element ids, unique per widget on a page.
    #[prop_or(AttrValue::Static("rapor"))]
    pub instance: AttrValue,
    #[prop_or(AttrValue::Static(DEFAULT_RULESET))]
    pub ruleset: AttrValue,
    #[prop_or_default]
    pub english: bool,
    /// Unit names a fresh page starts with (the typical sample when empty).
    #[prop_or_default]
    pub units: Vec<String>,
    #[prop_or_default]
    pub compact: bool,
    /// Theme colours as CSS custom properties (validated by `settings`).
    #[prop_or_default]
    pub style: AttrValue,
    /// The storage name another widget on the page already has: nothing is saved.
    #[prop_or_default]
    pub taken: Option<AttrValue>,
    /// Leaves a share link in the address to another widget on the page.
    #[prop_or_default]
    pub no_links: bool,
    /// The settings' language wins over the saved work's (an element's changed `lang`).
    pub lang_wins: bool,
}

impl Default for AppProps {
    fn default() -> Self {
        AppProps {
            instance: AttrValue::Static("rapor"),
            ruleset: AttrValue::Static(DEFAULT_RULESET),
            english: false,
            units: Vec::new(),
            compact: false,
            style: AttrValue::Static(""),
            taken: None,
            no_links: false,
            lang_wins: false,
        }
    }
}
