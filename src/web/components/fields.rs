//! Small helpers the unit card, the indicator sheet and the plan share.

use crate::engine::Ruleset;
use crate::form::FieldError;
use crate::text::Lang;

/// The message of `field`'s error, if it has one.
pub fn field_error(errors: &[FieldError], field: &str, lang: Lang) -> Option<String> {
    errors.iter().find(|e| e.field == field).map(|e| e.error.field_message(lang))
}

/// For the plan and tables: the ruleset's name of "proses.biaya" in `lang`.
pub fn indicator_name(rs: &Ruleset, key: &str, lang: Lang) -> String {
    crate::report::indicator_name(rs, key, lang)
}
