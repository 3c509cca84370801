//! Small helpers the unit card, the indicator sheet and the plan share.

use crate::engine::Ruleset;
use crate::form::FieldError;
use crate::text::Lang;

/// A field's problem as a card shows it: the field and its message, worded once by the
/// parent. Cards compare their props on every keystroke; comparing two strings keeps the
/// engine's whole `Problem` (its clone and equality) out of the page.
#[derive(Debug, Clone, PartialEq)]
pub struct Shown {
    pub field: String,
    pub message: String,
}

/// The problems of one unit (`Some(key)`) or of the pemda-level fields (`None`), worded.
pub fn shown(errors: &[FieldError], unit: Option<u32>, lang: Lang) -> Vec<Shown> {
    errors.iter().filter(|e| e.unit_key == unit).map(|e| Shown { field: e.field.clone(), message: e.error.field_message(lang) }).collect()
}

/// The message of `field`'s error, if it has one.
pub fn field_error(errors: &[Shown], field: &str) -> Option<String> {
    errors.iter().find(|e| e.field == field).map(|e| e.message.clone())
}

/// For the plan and tables: the ruleset's name of "proses.biaya" in `lang`.
pub fn indicator_name(rs: &Ruleset, key: &str, lang: Lang) -> String {
    crate::report::indicator_name(rs, key, lang)
}
