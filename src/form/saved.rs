//! The autosave format: the whole form — every text as typed, valid or not — so that a
//! reload loses nothing. Versioned, so a stored form from another version is recognised
//! and kept aside instead of being misread.

use super::Form;
use serde::{Deserialize, Serialize};

/// The version this build writes.
pub const VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
struct Saved {
    rapor: String,
    version: u32,
    lang: String,
    form: Form,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SavedError {
    /// Not readable as a saved form (cut off, edited by hand, another program's data).
    Damaged(String),
    /// A format this build does not read (written by another version of Rapor).
    Version(u32),
}

pub fn save(form: &Form, lang: &str) -> String {
    serde_json::to_string(&Saved { rapor: "form".into(), version: VERSION, lang: lang.into(), form: form.clone() }).unwrap_or_default()
}

/// Only the marks that say which format a text is in; read first, so another version's
/// form is recognised as such rather than reported as damage.
#[derive(Deserialize)]
struct Header {
    rapor: String,
    version: u32,
}

/// The form and its language, or why the text cannot be used. (Typed structs rather
/// than `serde_json::Value`: the widget then carries no general JSON-tree parser.)
pub fn load(text: &str) -> Result<(Form, String), SavedError> {
    let h: Header = serde_json::from_str(text).map_err(|e| SavedError::Damaged(e.to_string()))?;
    if h.rapor != "form" {
        return Err(SavedError::Damaged("not a saved Rapor form".into()));
    }
    if h.version != VERSION {
        return Err(SavedError::Version(h.version));
    }
    let s: Saved = serde_json::from_str(text).map_err(|e| SavedError::Damaged(e.to_string()))?;
    let mut form = s.form;
    // Stored forms obey the limits files do (a hand-edited one once held 20,000 units).
    let too_many = form.units.len() > crate::engine::limits::MAX_UNITS;
    let too_long = |t: &str| t.chars().count() > crate::engine::limits::MAX_NAME;
    let bad_baseline = form.baseline.as_ref().is_some_and(|b| b.check("baseline").is_err());
    if too_many || bad_baseline || too_long(&form.pemda) || form.units.iter().any(|u| too_long(&u.name)) {
        return Err(SavedError::Damaged("beyond Rapor's limits".into()));
    }
    form.repair_keys();
    form.spread_legacy_trust();
    Ok((form, s.lang))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::Mode;

    #[test]
    fn a_form_survives_save_and_load_exactly() {
        let mut f = Form::typical("ombudsman-2023", 2);
        f.pemda = "Kabupaten Bangli".into();
        f.unit_at_mut(0).score = "93,3x".into(); // invalid text is kept too
        f.unit_at_mut(5).mode = Mode::Indicators;
        let k = f.units[5].key;
        f.set_level(k, "proses.biaya", 1, "3".into());
        f.toggle_lock(k, "proses.biaya");
        f.weights.insert("input".into(), "30".into());
        let (back, lang) = load(&save(&f, "en")).unwrap();
        assert_eq!(back, f);
        assert_eq!(lang, "en");
    }

    #[test]
    fn damage_and_other_versions_are_recognised() {
        assert!(matches!(load("{\"rapor\": \"form\", \"version\": 1, \"form\": {"), Err(SavedError::Damaged(_))));
        assert!(matches!(load("[1, 2]"), Err(SavedError::Damaged(_))));
        assert!(matches!(load("{\"rapor\": \"form\", \"version\": 1, \"form\": 7}"), Err(SavedError::Damaged(_))));
        assert_eq!(load("{\"rapor\": \"form\", \"version\": 9, \"form\": {}}"), Err(SavedError::Version(9)));
    }
}
