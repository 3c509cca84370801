//! Autosave in the browser's local storage, one key per widget instance. Damaged data
//! or data from another version is never overwritten: it is copied aside first and the
//! user decides what happens next.

use crate::form::saved::{load, save, SavedError};
use crate::form::Form;
pub use crate::session::Restored;
use gloo::storage::{LocalStorage, Storage};

fn key(instance: &str) -> String {
    format!("rapor:{instance}:form")
}

pub fn restore(instance: &str) -> Restored {
    let Ok(raw) = LocalStorage::raw().get_item(&key(instance)) else { return Restored::Nothing };
    let Some(raw) = raw else { return Restored::Nothing };
    let version = match load(&raw) {
        // A form for a ruleset this build does not ship (a newer version's) cannot be
        // shown either, and must not be overwritten.
        Ok((form, lang)) if super::rulesets::is_listed(&form.ruleset) || form.own_ruleset().is_some() => {
            return Restored::Form(Box::new(form), lang)
        }
        Ok(_) | Err(SavedError::Damaged(_)) => None,
        Err(SavedError::Version(v)) => Some(v),
    };
    let kept_as = format!("rapor:{instance}:kept-aside:{}", js_sys::Date::now() as u64);
    let _ = LocalStorage::raw().set_item(&kept_as, &raw);
    Restored::KeptAside { kept_as, version }
}

/// The ruleset id of the stored form, if it reads: the widget loads that ruleset
/// before it starts.
pub fn stored_ruleset(instance: &str) -> Option<String> {
    let raw = LocalStorage::raw().get_item(&key(instance)).ok()??;
    load(&raw).ok().map(|(form, _)| form.ruleset)
}

/// Saves the form; `false` when the browser refused (private mode, storage full).
pub fn autosave(instance: &str, form: &Form, lang: &str) -> bool {
    LocalStorage::raw().set_item(&key(instance), &save(form, lang)).is_ok()
}

/// The raw text kept aside, for the user to download.
pub fn kept_aside(kept_as: &str) -> Option<String> {
    LocalStorage::raw().get_item(kept_as).ok().flatten()
}
