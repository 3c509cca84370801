//! What the widget's fields hold, as text, and how it becomes a scenario.
//!
//! Pure like the engine (no yew), so the rules that decide what a field's text means —
//! and which message it gets when it means nothing — are tested on the host. The Yew
//! view only renders a `Form` and sends it edits.

use crate::engine::number::parse_decimal;
use crate::engine::{evaluate, Entry, InputError, Outcome, Problem, Ruleset, Scenario, Unit};

/// The sample a kabupaten/kota usually gets: 5 OPD and 2 Puskesmas (methodology.md §1).
pub const TYPICAL_UNITS: [&str; 7] =
    ["Disdukcapil", "DPMPTSP", "Dinas Kesehatan", "Dinas Pendidikan", "Dinas Sosial", "Puskesmas 1", "Puskesmas 2"];

#[derive(Debug, Clone, PartialEq)]
pub struct FormUnit {
    /// Stable across reorders and renames, so Yew keeps each row's focus and caret.
    pub key: u32,
    pub name: String,
    pub score: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Form {
    pub ruleset: String,
    pub units: Vec<FormUnit>,
    next_key: u32,
}

/// A field whose text cannot be used, with the unit it belongs to.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldError {
    pub unit_key: u32,
    pub field: &'static str,
    pub error: InputError,
}

impl Form {
    pub fn typical(ruleset: &str) -> Form {
        let mut f = Form { ruleset: ruleset.to_string(), units: Vec::new(), next_key: 0 };
        for name in TYPICAL_UNITS {
            f.add_unit(name);
        }
        f
    }

    pub fn add_unit(&mut self, name: &str) -> u32 {
        let key = self.next_key;
        self.next_key += 1;
        self.units.push(FormUnit { key, name: name.to_string(), score: String::new() });
        key
    }

    pub fn remove_unit(&mut self, key: u32) {
        self.units.retain(|u| u.key != key);
    }

    pub fn unit_mut(&mut self, key: u32) -> Option<&mut FormUnit> {
        self.units.iter_mut().find(|u| u.key == key)
    }

    /// The scenario the fields describe, and every field that could not be read. A bad
    /// field leaves its unit out of the scenario rather than guessing a value.
    pub fn to_scenario(&self, rs: &Ruleset) -> (Scenario, Vec<FieldError>) {
        let mut errors = Vec::new();
        let mut units = Vec::new();
        for (i, u) in self.units.iter().enumerate() {
            let entry = match parse_decimal(&u.score) {
                Ok(v) if v < rust_decimal::Decimal::ZERO => {
                    errors.push(field_error(u.key, "score", i, Problem::BelowMin { value: v, min: 0.into() }));
                    Entry::Empty
                }
                Ok(v) if v > rs.score_max => {
                    errors.push(field_error(u.key, "score", i, Problem::AboveMax { value: v, max: rs.score_max }));
                    Entry::Empty
                }
                Ok(v) => Entry::Score(v),
                Err(crate::engine::number::NumberError::Empty) => Entry::Empty,
                Err(e) => {
                    errors.push(FieldError {
                        unit_key: u.key,
                        field: "score",
                        error: InputError::number(format!("units[{i}].score"), &u.score, e),
                    });
                    Entry::Empty
                }
            };
            units.push(Unit::new(u.name.clone(), entry));
        }
        let scenario = Scenario { ruleset: rs.id.clone(), units, ..Scenario::default() };
        (scenario, errors)
    }

    /// Scores the form. `Err` carries the field errors; the caller keeps showing the
    /// last good outcome meanwhile.
    pub fn evaluate(&self, rs: &Ruleset) -> Result<Outcome, Vec<FieldError>> {
        let (scenario, errors) = self.to_scenario(rs);
        if !errors.is_empty() {
            return Err(errors);
        }
        evaluate(rs, &scenario).map_err(|e| vec![FieldError { unit_key: u32::MAX, field: "scenario", error: e }])
    }
}

fn field_error(unit_key: u32, field: &'static str, i: usize, problem: Problem) -> FieldError {
    FieldError { unit_key, field, error: InputError::new(format!("units[{i}].{field}"), problem) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Catalog;

    fn rs() -> Ruleset {
        Catalog::built_in().get("ombudsman-2023").unwrap().clone()
    }

    #[test]
    fn starts_with_the_typical_sample_all_empty() {
        let f = Form::typical("ombudsman-2023");
        assert_eq!(f.units.iter().map(|u| u.name.as_str()).collect::<Vec<_>>(), TYPICAL_UNITS);
        let o = f.evaluate(&rs()).unwrap();
        assert!(o.aggregate.is_none());
        assert_eq!(o.excluded.len(), 7);
    }

    #[test]
    fn comma_scores_are_read_and_bad_ones_named() {
        let mut f = Form::typical("ombudsman-2023");
        f.units[0].score = "93,34".into();
        let o = f.evaluate(&rs()).unwrap();
        assert_eq!(o.aggregate.unwrap().rounded.to_string(), "93.34");

        f.units[1].score = "abc".into();
        f.units[2].score = "101".into();
        let errs = f.evaluate(&rs()).unwrap_err();
        assert_eq!(errs.len(), 2);
        assert_eq!(errs[0].unit_key, f.units[1].key);
        assert_eq!(errs[0].error.message(true), "\"abc\" bukan angka");
        assert_eq!(errs[1].error.to_string(), "units[2].score: 101 is above the maximum 100");
    }

    #[test]
    fn keys_survive_removal() {
        let mut f = Form::typical("ombudsman-2023");
        let k = f.units[3].key;
        f.remove_unit(f.units[0].key);
        assert_eq!(f.units[2].key, k);
        let new = f.add_unit("Puskesmas 3");
        assert!(f.units.iter().filter(|u| u.key == new).count() == 1);
    }
}
