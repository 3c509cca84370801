//! Autosave in the browser's local storage, one key per widget instance. Damaged data
//! or data from another version is never overwritten: it is copied aside first and the
//! user decides what happens next. Storage may be missing altogether: with cookies
//! blocked (a cross-site iframe in Incognito) even asking for it throws, and the widget
//! then works unsaved and says so.

use crate::form::saved::{load, save, SavedError};
use crate::form::Form;
pub use crate::session::Restored;

/// The page's local storage, or `None` where the browser blocks it. Not gloo's
/// `LocalStorage::raw()`: it panics on the `SecurityError`, and the widget never started.
fn store() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

thread_local! {
    /// Widgets that save nothing: their storage name is another widget's (`never_save`).
    static UNSAVED: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// This widget reads and writes nothing in storage (its name is taken on the page).
pub fn never_save(instance: &str) {
    UNSAVED.with(|u| u.borrow_mut().push(instance.to_string()));
}

/// The storage for `instance`'s own keys: none where it saves nothing.
fn store_for(instance: &str) -> Option<web_sys::Storage> {
    if UNSAVED.with(|u| u.borrow().iter().any(|i| i == instance)) {
        return None;
    }
    store()
}

pub fn key(instance: &str) -> String {
    format!("rapor:{instance}:form")
}

thread_local! {
    /// Instances whose stored form carries a method the worker refused (`refuse_stored`).
    static REFUSED: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The user's own method in the stored form, as JSON, for the worker to check before
/// the widget starts: the page does not carry the validator (it stays out of the first
/// load), and a stored method with no bands once blanked the page on every load.
pub fn stored_own_ruleset(instance: &str) -> Option<String> {
    let raw = store_for(instance)?.get_item(&key(instance)).ok()??;
    let (form, _) = load(&raw).ok()?;
    form.own_ruleset().and_then(|rs| serde_json::to_string(&**rs).ok())
}

/// The stored form's method was refused: `restore` keeps the form aside as damaged.
pub fn refuse_stored(instance: &str) {
    REFUSED.with(|r| r.borrow_mut().push(instance.to_string()));
}

pub fn restore(instance: &str) -> Restored {
    let Some(raw) = store_for(instance).and_then(|s| s.get_item(&key(instance)).ok().flatten()) else { return Restored::Nothing };
    let refused = REFUSED.with(|r| r.borrow().iter().any(|i| i == instance));
    let version = match load(&raw) {
        Ok(_) if refused => None,
        // A form for a ruleset this build does not ship (a newer version's) cannot be
        // shown either, and must not be overwritten.
        Ok((form, lang)) if super::rulesets::is_listed(&form.ruleset) || form.own_ruleset().is_some() => {
            return Restored::Form(Box::new(form), lang)
        }
        Ok(_) | Err(SavedError::Damaged(_)) => None,
        Err(SavedError::Version(v)) => Some(v),
    };
    // One copy of the same data, however often the page is reloaded (each reload added
    // another full copy until storage was full).
    let prefix = format!("rapor:{instance}:kept-aside:");
    if let Some(kept_as) = kept_copies(&prefix).into_iter().find(|(_, text)| *text == raw).map(|(k, _)| k) {
        return Restored::KeptAside { kept_as, version, held: None };
    }
    let kept_as = format!("{prefix}{}", js_sys::Date::now() as u64);
    let copied = store().is_some_and(|s| s.set_item(&kept_as, &raw).is_ok());
    // Refused (storage full): the text stays in this page, to be downloaded first.
    Restored::KeptAside { kept_as, version, held: (!copied).then_some(raw) }
}

/// The kept-aside copies under `prefix`: key and text.
fn kept_copies(prefix: &str) -> Vec<(String, String)> {
    let Some(s) = store() else { return Vec::new() };
    let keys: Vec<String> =
        (0..s.length().unwrap_or(0)).filter_map(|i| s.key(i).ok().flatten()).filter(|k| k.starts_with(prefix)).collect();
    keys.into_iter().filter_map(|k| s.get_item(&k).ok().flatten().map(|t| (k, t))).collect()
}

/// The ruleset id of the stored form, if it reads: the widget loads that ruleset
/// before it starts.
/// With it, whether the form carries a method of the user's own (which the worker
/// checks first, `stored_own_ruleset`).
pub fn stored_ruleset(instance: &str) -> Option<(String, bool)> {
    let raw = store_for(instance)?.get_item(&key(instance)).ok()??;
    load(&raw).ok().map(|(form, _)| {
        let own = form.own_ruleset().is_some();
        (form.ruleset, own)
    })
}

/// Saves the form; `false` when the browser refused (private mode, storage full).
pub fn autosave(instance: &str, form: &Form, lang: &str) -> bool {
    store_for(instance).is_some_and(|s| s.set_item(&key(instance), &save(form, lang)).is_ok())
}

/// The raw text kept aside, for the user to download.
pub fn kept_aside(kept_as: &str) -> Option<String> {
    store()?.get_item(kept_as).ok().flatten()
}
