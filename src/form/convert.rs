//! From the form's text to an effective ruleset and a scenario, with one error per
//! field that cannot be read. Range checks are the engine's own (`score::in_range`,
//! `score::check_level`), so a field and a JSON file are held to the same rules.

use super::{Form, FormUnit, Mode};
use crate::engine::error::{Expected, InputError, Problem};
use crate::engine::map::SmallMap;
use crate::engine::number::{parse_decimal, NumberError};
use crate::engine::overrides::{apply, Overrides, MAX_CRITERIA};
use crate::engine::scenario::MAX_RESPONDENTS;
use crate::engine::scenario::{planner_setting, Entry, Scenario, Unit, Values, TOTAL};
use crate::engine::score::{check_level, check_points, in_range};
use crate::engine::{evaluate, Outcome, Ruleset};
use rust_decimal::Decimal;

/// A field that cannot be used. `field` is the widget's name for it: "score",
/// "dim-input", "pts-input", "ind-proses.biaya-p1", "trust" (a unit's), "deduction",
/// "weight-input", "scale".
#[derive(Debug, Clone, PartialEq)]
pub struct FieldError {
    pub unit_key: Option<u32>,
    pub field: String,
    pub error: InputError,
}

/// An assumption the user changed: its field, the published value and the current one.
#[derive(Debug, Clone, PartialEq)]
pub struct Changed {
    pub field: String,
    pub published: String,
    pub current: String,
}

/// Everything the view shows, read from the form in one pass.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    /// The ruleset with the user's assumptions applied.
    pub ruleset: std::rc::Rc<Ruleset>,
    pub scenario: Scenario,
    /// `None` when a field cannot be read (the view keeps its last outcome).
    pub outcome: Option<Outcome>,
    pub errors: Vec<FieldError>,
    pub changed: Vec<Changed>,
}

/// The field name of an indicator entry.
pub fn indicator_field(key: &str, product: Option<usize>) -> String {
    match product {
        Some(p) => format!("ind-{key}-p{}", p + 1),
        None => format!("ind-{key}"),
    }
}

fn number(text: &str, at: &str) -> Result<Option<Decimal>, InputError> {
    if thousands_dot(text.trim()) {
        return Err(InputError::new(at, Problem::ThousandsDot(text.trim().to_string())));
    }
    match parse_decimal(text) {
        Ok(v) => Ok(Some(v)),
        Err(NumberError::Empty) => Ok(None),
        Err(e) => Err(InputError::number(at, text, e)),
    }
}

/// "1.000" or "85.400": one dot before exactly three digits and no comma. Pasted from an
/// Indonesian spreadsheet that is a thousands separator; typed by someone else it may be
/// a decimal point. The field asks rather than guess.
fn thousands_dot(t: &str) -> bool {
    let t = t.strip_prefix(['-', '+']).unwrap_or(t);
    match t.split_once('.') {
        Some((whole, frac)) => {
            !whole.is_empty()
                && whole.len() <= 3
                && whole.bytes().all(|b| b.is_ascii_digit())
                && frac.len() == 3
                && frac.bytes().all(|b| b.is_ascii_digit())
        }
        None => false,
    }
}

/// A whole number from `min` to `max` typed in a field (`None` when it is empty).
fn whole(text: &str, field: &str, min: u16, max: u16) -> Result<Option<u16>, InputError> {
    let Some(n) = number(text, field)? else { return Ok(None) };
    let problem = if !n.fract().is_zero() {
        Problem::NotALevel { value: n, min, max }
    } else if n > Decimal::from(max) {
        Problem::AboveMax { value: n, max: Decimal::from(max) }
    } else if n < Decimal::from(min) {
        Problem::BelowMin { value: n, min: Decimal::from(min) }
    } else {
        return Ok(u16::try_from(n.mantissa() / 10i128.pow(n.scale())).ok());
    };
    Err(InputError::new(field, problem))
}

impl Form {
    pub fn read(&self, base: &Ruleset) -> Reading {
        let mut errors = Vec::new();
        let (ruleset, changed, overrides) = self.effective_ruleset(base, &mut errors);
        let mut scenario = self.to_scenario(&ruleset, &mut errors);
        scenario.assumptions = overrides;
        let outcome = if errors.is_empty() {
            match evaluate(&ruleset, &scenario) {
                Ok(o) => Some(o),
                Err(e) => {
                    errors.push(FieldError { unit_key: None, field: "scenario".into(), error: e });
                    None
                }
            }
        } else {
            None
        };
        Reading { ruleset: std::rc::Rc::new(ruleset), scenario, outcome, errors, changed }
    }

    /// The published ruleset with the user's weights and scale applied, checked field by
    /// field by the engine's own `overrides::apply`.
    fn effective_ruleset(&self, base: &Ruleset, errors: &mut Vec<FieldError>) -> (Ruleset, Vec<Changed>, Overrides) {
        let mut o = Overrides::default();
        let mut changed = Vec::new();
        let mut err = |field: String, error: InputError| errors.push(FieldError { unit_key: None, field, error });
        for (dim, text) in &self.weights {
            let field = format!("weight-{dim}");
            let Some(published) = base.dimension(dim).map(|d| d.weight) else { continue };
            let one = match number(text, &field) {
                Ok(Some(w)) => Overrides { weights: [(dim.clone(), w)].into_iter().collect(), ..Overrides::default() },
                Ok(None) => {
                    err(field.clone(), InputError::new(field, Problem::NotPositive));
                    continue;
                }
                Err(e) => {
                    err(field, e);
                    continue;
                }
            };
            match apply(base, &one) {
                Ok(_) => {
                    let w = one.weights[dim];
                    if w != published {
                        changed.push(Changed { field, published: published.to_string(), current: w.to_string() });
                    }
                    o.weights.insert(dim.clone(), w);
                }
                Err(e) => err(field.clone(), InputError::new(field, e.problem)),
            }
        }
        let published = base.indicators().next().map_or(0, |r| r.indicator.max);
        // Letters and answer scales are fixed: a scale typed under another method waits.
        let fixed = base.indicators().any(|r| r.indicator.levels_only || r.indicator.fractional);
        let scale = if fixed { "" } else { self.scale_max.as_str() };
        match whole(scale, "scale", 1, 10) {
            Ok(Some(max)) if max != published => {
                changed.push(Changed { field: "scale".into(), published: published.to_string(), current: max.to_string() });
                o.scale_max = Some(max);
            }
            Ok(_) => {}
            Err(e) => err("scale".into(), e),
        }
        for (dim, text) in &self.criteria {
            let field = format!("criteria-{dim}");
            let Some(published) = base.dimension(dim).map(|d| d.indicators.len()) else { continue };
            match whole(text, &field, 1, MAX_CRITERIA) {
                Ok(Some(n)) if usize::from(n) != published => {
                    changed.push(Changed { field, published: published.to_string(), current: n.to_string() });
                    o.criteria.insert(dim.clone(), n);
                }
                Ok(Some(_)) => {}
                // An emptied count is not "published": it is a count not yet typed.
                Ok(None) => {
                    err(field.clone(), InputError::new(field, Problem::NotALevel { value: Decimal::ZERO, min: 1, max: MAX_CRITERIA }))
                }
                Err(e) => err(field, e),
            }
        }
        // Each part was checked alone above, so together they apply.
        let rs = apply(base, &o).unwrap_or_else(|_| base.clone());
        (rs, changed, o)
    }

    fn to_scenario(&self, rs: &Ruleset, errors: &mut Vec<FieldError>) -> Scenario {
        let deduction = number(&self.deduction, "deduction").and_then(|v| {
            if let Some(v) = v {
                in_range(v, rs.score_max, "deduction")?;
                if !rs.deduction && !v.is_zero() {
                    return Err(InputError::new("deduction", Problem::NotInRuleset("deduction")));
                }
            }
            Ok(v)
        });
        let deduction = deduction.unwrap_or_else(|e| {
            errors.push(FieldError { unit_key: None, field: "deduction".into(), error: e });
            None
        });
        let units = self
            .units
            .iter()
            .enumerate()
            .map(|(i, u)| {
                let mut unit = Unit::new(u.name.clone(), unit_entry(u, i, rs, errors));
                unit.locked = u.locked.iter().filter(|k| rs.indicator(k).is_some() || k.as_str() == TOTAL).cloned().collect();
                // "total" locks what the unit was entered as: by dimension, every dimension.
                if u.mode != Mode::Score && u.locked.contains(TOTAL) {
                    unit.locked.extend(rs.dimensions.iter().map(|d| d.id.clone()));
                }
                unit.sector = super::sector_of(u);
                // A total already holds Kepercayaan Masyarakat; its field is not shown then.
                if rs.trust.is_some() && u.mode != Mode::Score {
                    let at = format!("units[{i}].trust");
                    match number(&u.trust, &at).and_then(|v| v.map(|v| in_range(v, rs.score_max, &at).map(|_| v)).transpose()) {
                        Ok(v) => unit.trust = v,
                        Err(e) => errors.push(FieldError { unit_key: Some(u.key), field: "trust".into(), error: e }),
                    }
                }
                unit
            })
            .collect();
        // How many units of each sector are drawn: a whole number up to the sector's units.
        let mut sampling = SmallMap::new();
        for (sector, n) in self.sectors() {
            let field = format!("sampling-{sector}");
            let text = self.sampling.get(&sector).map_or("", String::as_str);
            match whole(text, &field, 1, u16::try_from(n).unwrap_or(u16::MAX)) {
                Ok(Some(k)) => {
                    sampling.insert(sector, u32::from(k));
                }
                Ok(None) => {}
                Err(e) => errors.push(FieldError { unit_key: None, field, error: e }),
            }
        }
        // The planner's settings, checked as the engine checks a file's.
        let mut setting = |text: &str, field: &str, which: Expected| {
            number(text, field).and_then(|v| v.map(|v| planner_setting(v, field, which)).transpose()).unwrap_or_else(|e| {
                errors.push(FieldError { unit_key: None, field: field.into(), error: e });
                None
            })
        };
        let step_points = setting(&self.step_points, "step_points", Expected::StepPoints);
        let margin = setting(&self.margin, "margin", Expected::Margin).unwrap_or_default();
        Scenario {
            ruleset: rs.id.clone(),
            pemda: self.pemda.clone(),
            units,
            step_points,
            margin,
            sampling,
            deduction: deduction.unwrap_or_default(),
            followed_up: rs.followed_up.is_some().then_some(self.followed_up),
            baseline: self.baseline.clone(),
            ..Scenario::default()
        }
    }
}

/// Respondents per answer: whole numbers, "" for none; `None` while any is unreadable
/// (each gets its message) or nobody answered yet.
fn read_counts(texts: &[String], at: &str, key: &str, err: &mut impl FnMut(String, InputError)) -> Option<Vec<u32>> {
    let mut out = Vec::with_capacity(texts.len());
    let mut ok = true;
    for (j, t) in texts.iter().enumerate() {
        let t = t.trim();
        if t.is_empty() {
            out.push(0);
            continue;
        }
        match t.parse::<u32>() {
            Ok(n) if n <= MAX_RESPONDENTS => out.push(n),
            _ => {
                ok = false;
                let problem = Problem::NotACount { text: t.to_string(), max: MAX_RESPONDENTS };
                err(response_field(key, j), InputError::new(format!("{at}[{j}]"), problem));
            }
        }
    }
    (ok && out.iter().any(|&n| n > 0)).then_some(out)
}

/// The field id of answer `j`'s count for an indicator ("resp:unsur.waktu:2").
pub fn response_field(key: &str, j: usize) -> String {
    format!("resp:{key}:{j}")
}

/// A unit's numbers per dimension (scores or weighted points), each checked by `check`;
/// an unreadable one is reported at its field ("dim-input", "pts-input") and left out.
fn dimension_numbers(
    rs: &Ruleset,
    texts: &SmallMap<String, String>,
    at: &str,
    field: &str,
    err: &mut impl FnMut(String, InputError),
    check: impl Fn(Decimal, &crate::engine::ruleset::Dimension, &str) -> Result<(), InputError>,
) -> SmallMap<String, Decimal> {
    let mut m = SmallMap::new();
    for d in &rs.dimensions {
        let at = format!("{at}.{}", d.id);
        let text = texts.get(&d.id).map_or("", String::as_str);
        match number(text, &at).and_then(|v| v.map(|v| check(v, d, &at).map(|_| v)).transpose()) {
            Ok(Some(v)) => {
                m.insert(d.id.clone(), v);
            }
            Ok(None) => {}
            Err(e) => err(format!("{field}-{}", d.id), e),
        }
    }
    m
}

/// A unit's entry at its current level; a field that cannot be read is reported and
/// left out (never guessed).
fn unit_entry(u: &FormUnit, i: usize, rs: &Ruleset, errors: &mut Vec<FieldError>) -> Entry {
    let mut err = |field: String, error: InputError| errors.push(FieldError { unit_key: Some(u.key), field, error });
    match u.mode {
        Mode::Score => {
            let at = format!("units[{i}].score");
            match number(&u.score, &at).and_then(|v| v.map(|v| in_range(v, rs.score_max, &at).map(|_| v)).transpose()) {
                Ok(Some(v)) => Entry::Score(v),
                Ok(None) => Entry::Empty,
                Err(e) => {
                    err("score".into(), e);
                    Entry::Empty
                }
            }
        }
        Mode::Dimensions => {
            let m = dimension_numbers(rs, &u.dims, &format!("units[{i}].dimensions"), "dim", &mut err, |v, _, at| {
                in_range(v, rs.score_max, at)
            });
            if m.is_empty() {
                Entry::Empty
            } else {
                Entry::Dimensions(m)
            }
        }
        Mode::Points => {
            let m = dimension_numbers(rs, &u.points, &format!("units[{i}].dimension_points"), "pts", &mut err, |v, d, at| {
                check_points(v, rs, d, at)
            });
            if m.is_empty() {
                Entry::Empty
            } else {
                Entry::Points(m)
            }
        }
        Mode::Indicators => {
            let mut m = SmallMap::new();
            for r in rs.indicators() {
                let key = r.key();
                if let Some(counts) = u.responses.get(&key).filter(|_| !u.by_mean.contains(&key)) {
                    if let Some(n) = read_counts(counts, &format!("units[{i}].responses.{}", r.indicator.id), &key, &mut err) {
                        m.insert(key, Values::Responses(n));
                    }
                    continue;
                }
                let copies = if r.dimension.per_product { u.products } else { 1 };
                let texts = u.levels.get(&key);
                let mut values = Vec::with_capacity(copies);
                for p in 0..copies {
                    let text = texts.and_then(|t| t.get(p)).map_or("", String::as_str);
                    let at = format!("units[{i}].indicators.{key}");
                    let field = indicator_field(&key, r.dimension.per_product.then_some(p));
                    let v = number(text, &at).and_then(|v| v.map(|v| check_level(v, r.indicator, &at).map(|_| v)).transpose());
                    match v {
                        Ok(v) => values.push(v),
                        Err(e) => {
                            err(field, e);
                            values.push(None);
                        }
                    }
                }
                if values.iter().any(Option::is_some) {
                    let v = if r.dimension.per_product { Values::PerProduct(values) } else { Values::One(values[0]) };
                    m.insert(key, v);
                }
            }
            if m.is_empty() {
                Entry::Empty
            } else {
                Entry::Indicators(m)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Form, Mode};
    use crate::engine::scenario::TOTAL;
    use crate::engine::Catalog;
    use rust_decimal::Decimal;

    fn base(id: &str) -> crate::engine::Ruleset {
        Catalog::built_in().get(id).unwrap().clone()
    }

    #[test]
    fn comma_scores_are_read_and_bad_ones_named_per_field() {
        let mut f = Form::typical("ombudsman-2023", 2);
        f.unit_at_mut(0).score = "93,34".into();
        let r = f.read(&base("ombudsman-2023"));
        assert_eq!(r.outcome.unwrap().aggregate.unwrap().rounded.to_string(), "93.34");

        f.unit_at_mut(1).score = "abc".into();
        f.unit_at_mut(2).score = "101".into();
        let r = f.read(&base("ombudsman-2023"));
        assert!(r.outcome.is_none());
        assert_eq!(r.errors.len(), 2);
        assert_eq!((r.errors[0].unit_key, r.errors[0].field.as_str()), (Some(f.units[1].key), "score"));
        assert_eq!(r.errors[0].error.message(crate::text::Lang::Id), "\"abc\" bukan angka");
        assert_eq!(r.errors[1].error.message(crate::text::Lang::En), "101 is above the maximum 100");
    }

    #[test]
    fn each_level_reads_its_own_fields() {
        let rs = base("ombudsman-2023");
        let mut f = Form::typical("ombudsman-2023", 2);
        // Dimensions: 80, 90, 85, 70 → 82.295 → 82.30 (hand-computed in tests/golden.rs).
        f.unit_at_mut(1).mode = Mode::Dimensions;
        for (d, v) in [("input", "80"), ("proses", "90"), ("output", "85"), ("pengaduan", "70")] {
            f.unit_at_mut(1).dims.insert(d.into(), v.into());
        }
        // The score typed earlier stays in the form but no longer counts.
        f.unit_at_mut(1).score = "10".into();
        let r = f.read(&rs);
        assert_eq!(r.outcome.unwrap().units[0].rounded.to_string(), "82.30");

        f.unit_at_mut(1).dims.insert("proses".into(), "9x".into());
        let r = f.read(&rs);
        assert_eq!(r.errors[0].field, "dim-proses");

        let k = f.units[5].key;
        f.unit_at_mut(1).dims.insert("proses".into(), "90".into());
        f.unit_mut(k).unwrap().mode = Mode::Indicators;
        f.set_level(k, "proses.biaya", 1, "3".into());
        f.set_level(k, "input.keamanan", 0, "4".into());
        let r = f.read(&rs);
        assert_eq!((r.errors[0].field.as_str(), r.errors[0].unit_key), ("ind-input.keamanan", Some(k)));
        f.set_level(k, "input.keamanan", 0, "3".into());
        let r = f.read(&rs);
        let u = &r.outcome.unwrap().units[1];
        // input 3/45 of 21.85 + proses 3/66 of 32.37: 1.4566… + 1.4713… = 2.928 → 2.93.
        assert_eq!(u.rounded.to_string(), "2.93");
    }

    #[test]
    fn changed_assumptions_are_applied_and_listed() {
        let rs = base("ombudsman-2023");
        let mut f = Form::typical("ombudsman-2023", 2);
        f.unit_at_mut(0).mode = Mode::Dimensions;
        f.unit_at_mut(0).dims.insert("input".into(), "100".into());
        // Input weighed 50 instead of 21.85: 50·100 / (50 + 32.37 + 24.24 + 21.54)
        // = 5000 / 128.15 = 39.0168… → 39.02.
        f.weights.insert("input".into(), "50".into());
        let r = f.read(&rs);
        assert_eq!(r.changed.len(), 1);
        assert_eq!((r.changed[0].published.as_str(), r.changed[0].current.as_str()), ("21.85", "50"));
        assert_eq!(r.outcome.unwrap().aggregate.unwrap().rounded.to_string(), "39.02");
        f.weights.insert("input".into(), "0".into());
        assert_eq!(f.read(&rs).errors[0].field, "weight-input");
        f.reset_assumptions();
        assert!(f.read(&rs).changed.is_empty());

        f.scale_max = "5".into();
        let r = f.read(&rs);
        assert!(r.ruleset.indicators().all(|i| i.indicator.max == 5));
        assert_eq!(r.changed[0].field, "scale");
    }

    #[test]
    fn plan_settings_and_unit_locks_reach_the_scenario() {
        let rs = base("ombudsman-2023");
        let mut f = Form::typical("ombudsman-2023", 2);
        f.unit_at_mut(0).score = "80".into();
        f.unit_at_mut(1).mode = Mode::Dimensions;
        f.unit_at_mut(1).dims.insert("input".into(), "70".into());
        f.unit_at_mut(1).locked.insert(TOTAL.into());
        (f.step_points, f.margin) = ("0,5".into(), "0,01".into());
        let r = f.read(&rs);
        assert!(r.errors.is_empty(), "{:?}", r.errors);
        assert_eq!((r.scenario.step_points, r.scenario.margin), (Some(Decimal::new(5, 1)), Decimal::new(1, 2)));
        // A unit by dimension locked as a whole: each of its dimensions.
        assert!(rs.dimensions.iter().all(|d| r.scenario.units[1].locked.contains(&d.id)));
        // Saved and read back, the settings stay as typed.
        let back = Form::from_scenario(&r.scenario, &rs, true);
        assert_eq!((back.step_points.as_str(), back.margin.as_str()), ("0,5", "0,01"));
        // Off the grid or out of range: the field says so.
        (f.step_points, f.margin) = ("0".into(), "0,001".into());
        let fields: Vec<String> = f.read(&rs).errors.iter().map(|e| e.field.clone()).collect();
        assert_eq!(fields, ["step_points", "margin"]);
    }

    #[test]
    fn deduction_and_trust_only_where_the_ruleset_has_them() {
        let mut f = Form::typical("ombudsman-2022", 2);
        f.unit_at_mut(0).score = "90".into();
        f.deduction = "2".into();
        assert_eq!(f.read(&base("ombudsman-2022")).errors[0].field, "deduction");
        let r = f.read(&base("ombudsman-2023"));
        assert_eq!(r.outcome.unwrap().aggregate.unwrap().rounded.to_string(), "88.00");
        f.deduction.clear();
        f.followed_up = true;
        // A total already holds Kepercayaan Masyarakat: a trust typed while the unit was
        // entered otherwise is not read, and the total counts as it is.
        f.unit_at_mut(0).trust = "60".into();
        let a = f.read(&base("ombudsman-2025")).outcome.unwrap().aggregate.unwrap();
        assert_eq!(a.rounded.to_string(), "90.00");
        // By dimension: 0.7 · 90 + 0.3 · 60 = 63 + 18 = 81.00, B, followed up.
        let u = f.unit_at_mut(0);
        u.mode = Mode::Dimensions;
        u.dims = ["input", "proses", "output", "pengaduan"].map(|d| (d.to_string(), "90".to_string())).into_iter().collect();
        let r = f.read(&base("ombudsman-2025"));
        let a = r.outcome.unwrap().aggregate.unwrap();
        assert_eq!((a.rounded.to_string().as_str(), a.grade.opini.as_str()), ("81.00", "Kualitas Tinggi Tanpa Maladministrasi"));
        assert_eq!(a.grade.quality, "Baik");
        // Under a method without it, the unit's trust is not read.
        assert!(f.read(&base("ombudsman-2023")).errors.is_empty());
        f.unit_at_mut(0).trust = "1,2,3".into();
        assert_eq!(f.read(&base("ombudsman-2025")).errors[0].field, "trust");
    }

    /// One unit, entered by indicator, under ruleset `id`.
    fn one_unit(id: &str) -> (crate::engine::Ruleset, Form, u32) {
        let mut f = Form::typical(id, 1);
        f.units.truncate(1);
        let k = f.units[0].key;
        f.unit_mut(k).unwrap().mode = Mode::Indicators;
        (base(id), f, k)
    }

    #[test]
    fn criteria_counts_are_read_whole_and_listed() {
        let (rs, mut f, k) = one_unit("ipp-2022");
        f.set_level(k, "kebijakan.i1", 0, "5".into());
        // Kebijakan (24 of 100) with 3 indicators, only i1 = 5 of 5: 24 % × 5 × 1/3 = 0,40.
        assert_eq!(f.read(&rs).outcome.unwrap().aggregate.unwrap().rounded.to_string(), "0.40");
        // With one indicator it is the whole aspect: 24 % × 5 = 1,20.
        f.criteria.insert("kebijakan".into(), "1".into());
        let r = f.read(&rs);
        assert_eq!(r.outcome.unwrap().aggregate.unwrap().rounded.to_string(), "1.20");
        assert_eq!(r.changed[0], super::Changed { field: "criteria-kebijakan".into(), published: "3".into(), current: "1".into() });
        assert!(f.has_changed_assumptions());
        for bad in ["0", "2,5", "51", "", "x"] {
            f.criteria.insert("kebijakan".into(), bad.into());
            let r = f.read(&rs);
            assert_eq!(r.errors.len(), 1, "{bad:?}");
            assert_eq!(r.errors[0].field, "criteria-kebijakan", "{bad:?}");
        }
        f.reset_assumptions();
        assert!(f.criteria.is_empty());
    }

    #[test]
    fn answer_counts_and_means_switch_without_losing_either() {
        let (rs, mut f, k) = one_unit("ikm-2017");
        for r in rs.indicators() {
            f.set_level(k, &r.key(), 0, "3".into());
        }
        // All nine unsur at 3: 25 × 3 = 75,00.
        assert_eq!(f.read(&rs).outcome.unwrap().aggregate.unwrap().rounded.to_string(), "75.00");
        f.set_by_counts(k, "unsur.waktu", 4, true);
        assert_eq!(f.unit(k).unwrap().responses.get("unsur.waktu").unwrap(), &vec![""; 4]);
        // 2 answers of 2 and 2 of 4: mean 3, the same 75,00.
        f.set_count(k, "unsur.waktu", 1, "2".into());
        f.set_count(k, "unsur.waktu", 3, "2".into());
        assert_eq!(f.read(&rs).outcome.unwrap().aggregate.unwrap().rounded.to_string(), "75.00");
        // 4 answers of 4: waktu 4, so 25 × (8 × 3 + 4) / 9 = 77,777… → 77,78.
        f.set_count(k, "unsur.waktu", 1, "".into());
        assert_eq!(f.read(&rs).outcome.unwrap().aggregate.unwrap().rounded.to_string(), "77.78");
        f.set_count(k, "unsur.waktu", 2, "x".into());
        let r = f.read(&rs);
        assert_eq!((r.errors[0].field.as_str(), r.errors[0].error.path.as_str()), ("resp:unsur.waktu:2", "units[0].responses.waktu[2]"));
        f.set_count(k, "unsur.waktu", 2, "".into());
        // Back to the mean "3": the counts stay, unread.
        f.set_by_counts(k, "unsur.waktu", 4, false);
        assert_eq!(f.read(&rs).outcome.unwrap().aggregate.unwrap().rounded.to_string(), "75.00");
        assert_eq!(f.unit(k).unwrap().responses.get("unsur.waktu").unwrap(), &["", "", "", "2"]);
        f.set_by_counts(k, "unsur.waktu", 4, true);
        assert_eq!(f.read(&rs).outcome.unwrap().aggregate.unwrap().rounded.to_string(), "77.78");
    }
}
