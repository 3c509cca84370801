//! The rulesets the widget can offer, fetched as data files of the build
//! (`rulesets.json` lists them, `ruleset-<id>.json` holds one) rather than compiled in:
//! a new method is a new file, and the first load carries only the method in use.
//! Each is kept for the page's lifetime. They are read without the validator (the test
//! suite validates every file the build ships), which keeps it out of the first load.

use crate::engine::Ruleset;
pub use crate::session::Listed;
use crate::session::{Library, DEFAULT_RULESET};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

thread_local! {
    static INDEX: RefCell<Rc<Vec<Listed>>> = RefCell::new(Rc::new(Vec::new()));
    static LOADED: RefCell<Vec<Rc<Ruleset>>> = const { RefCell::new(Vec::new()) };
    /// Each loaded method's file as fetched: the engine's worker is handed it with each
    /// request, so it needs no method compiled in and fetches nothing.
    static SOURCES: RefCell<Vec<(String, Rc<str>)>> = const { RefCell::new(Vec::new()) };
}

/// The file of the loaded method `id`, as fetched.
pub fn source(id: &str) -> Option<Rc<str>> {
    SOURCES.with(|s| s.borrow().iter().find(|(i, _)| i == id).map(|(_, t)| t.clone()))
}

pub fn listed() -> Rc<Vec<Listed>> {
    INDEX.with(|i| i.borrow().clone())
}

pub fn is_listed(id: &str) -> bool {
    INDEX.with(|i| i.borrow().iter().any(|l| l.id == id))
}

/// `id` when the list has it, else the default method, which the widget opens instead.
pub fn listed_or_default(id: &str) -> &str {
    if is_listed(id) {
        id
    } else {
        DEFAULT_RULESET
    }
}

pub fn get(id: &str) -> Option<Rc<Ruleset>> {
    LOADED.with(|l| l.borrow().iter().find(|r| r.id == id).cloned())
}

/// What is listed and fetched so far, for a session to start from.
pub fn library() -> Library {
    Library::new(listed().to_vec(), LOADED.with(|l| l.borrow().clone()))
}

/// Sets the list and the loaded rulesets directly (component tests, which have no
/// build folder to fetch from).
pub fn install(index: Vec<Listed>, rulesets: Vec<Ruleset>) {
    INDEX.with(|i| *i.borrow_mut() = Rc::new(index));
    for rs in &rulesets {
        let text: Rc<str> = serde_json::to_string(rs).unwrap_or_default().into();
        SOURCES.with(|s| s.borrow_mut().push((rs.id.clone(), text)));
    }
    LOADED.with(|l| l.borrow_mut().extend(rulesets.into_iter().map(Rc::new)));
}

async fn fetch_text(file: &str) -> Result<String, String> {
    // Rapor's own page fetched it already, before the module arrived.
    if let Some(early) = super::early::fetched(file) {
        if let Some(text) = JsFuture::from(early).await.ok().and_then(|t| t.as_string()) {
            return Ok(text);
        }
    }
    let url = super::workers::asset(file);
    let window = gloo::utils::window();
    let response = JsFuture::from(window.fetch_with_str(&url)).await.map_err(|_| format!("{url}: no connection"))?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| format!("{url}: no response"))?;
    if !response.ok() {
        return Err(format!("{url}: HTTP {}", response.status()));
    }
    let text =
        JsFuture::from(response.text().map_err(|_| format!("{url}: unreadable"))?).await.map_err(|_| format!("{url}: unreadable"))?;
    text.as_string().ok_or_else(|| format!("{url}: not text"))
}

/// Fetches the list once.
pub async fn load_index() -> Result<(), String> {
    if !listed().is_empty() {
        return Ok(());
    }
    set_index(&fetch_text("rulesets.json").await?)
}

fn set_index(text: &str) -> Result<(), String> {
    let index: Vec<Listed> = serde_json::from_str(text).map_err(|e| format!("rulesets.json: {e}"))?;
    INDEX.with(|i| *i.borrow_mut() = Rc::new(index));
    Ok(())
}

/// The ruleset `id`, fetched and validated on first use.
pub async fn load(id: &str) -> Result<Rc<Ruleset>, String> {
    if let Some(rs) = get(id) {
        return Ok(rs);
    }
    if !is_listed(id) {
        return Err(format!("{id}: not in rulesets.json"));
    }
    add(id, fetch_text(&format!("ruleset-{id}.json")).await?)
}

fn add(id: &str, text: String) -> Result<Rc<Ruleset>, String> {
    let rs =
        Rc::new(Ruleset::from_checked_json(&text).map_err(|e| format!("ruleset-{id}.json: {}", e.field_message(crate::text::Lang::En)))?);
    LOADED.with(|l| l.borrow_mut().push(rs.clone()));
    SOURCES.with(|s| s.borrow_mut().push((id.to_string(), text.into())));
    Ok(rs)
}

/// Takes the list and the rulesets `ids` (an unlisted one meaning the default) when Rapor's
/// own page has them already, so the widget starts in its first render. What is missing
/// or unreadable is left to `load_index` and `load`, which fetch it and say what is wrong.
pub fn take_early(ids: &[String]) {
    if listed().is_empty() {
        match super::early::text("rulesets.json") {
            Some(text) if set_index(&text).is_ok() => {}
            _ => return,
        }
    }
    for id in ids {
        let id = listed_or_default(id);
        if get(id).is_none() {
            if let Some(text) = super::early::text(&format!("ruleset-{id}.json")) {
                let _ = add(id, text);
            }
        }
    }
}
