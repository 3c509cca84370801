//! What the widget's fields hold, as text, and the edits a user can make to them.
//!
//! Pure like the engine (no yew), so the rules that decide what a field's text means —
//! and which message it gets when it means nothing — are tested on the host. The Yew
//! view only renders a `Form` and sends it edits. Every unit keeps the text of all three
//! input levels, so switching a unit's level back and forth never loses what was typed.

pub mod book;
pub mod cells;
mod convert;
pub mod encoding;
mod import;
mod keys;
pub mod saved;
pub mod table;
pub mod workbook;

pub use convert::{indicator_field, response_field, Changed, FieldError, Reading};
pub use keys::Keys;

use crate::engine::map::SmallMap;
use crate::engine::plan::{Step, StepKind};
use crate::engine::Ruleset;
use serde::{Deserialize, Serialize};
use std::rc::Rc;

/// The 2022–2024 sample (five OPD and two Puskesmas, as `ombudsman-2024.json` lists
/// it), which the form's tests start from.
#[cfg(test)]
pub(crate) const TYPICAL_UNITS: [&str; 7] =
    ["Disdukcapil", "DPMPTSP", "Dinas Kesehatan", "Dinas Pendidikan", "Dinas Sosial", "Puskesmas 1", "Puskesmas 2"];

/// At most this many service products per unit.
pub const MAX_PRODUCTS: usize = 10;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    #[default]
    Score,
    /// Dimension scores, each 0–100.
    Dimensions,
    /// Dimensions as weighted points, as Ombudsman's unit reports print them.
    Points,
    Indicators,
}

impl Mode {
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Score => "score",
            Mode::Dimensions => "dimensions",
            Mode::Points => "points",
            Mode::Indicators => "indicators",
        }
    }
    pub fn parse(s: &str) -> Option<Mode> {
        match s {
            "score" => Some(Mode::Score),
            "dimensions" => Some(Mode::Dimensions),
            "points" => Some(Mode::Points),
            "indicators" => Some(Mode::Indicators),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct FormUnit {
    /// Stable across reorders and renames, so Yew keeps each row's focus and caret.
    pub key: u32,
    pub name: String,
    pub mode: Mode,
    pub score: String,
    /// Dimension id → text of its 0–100 score.
    pub dims: SmallMap<String, String>,
    /// Dimension id → text of its weighted points.
    pub points: SmallMap<String, String>,
    /// Dimension id → [the text a switch between scores and points wrote, the text it
    /// came from], kept where the conversion had to round, so switching back while the
    /// field is untouched gives back exactly what was typed. (A list, not a pair: the
    /// map type `levels` already has, which keeps the widget's first load smaller.)
    pub converted: SmallMap<String, Vec<String>>,
    /// Kepercayaan Masyarakat (2025), as typed; a total already holds it.
    pub trust: String,
    /// "proses.biaya" → one text per product ("" = not entered); one text for indicators
    /// that are not per product.
    pub levels: SmallMap<String, Vec<String>>,
    /// "unsur.waktu" → respondents per answer, lowest first, as text. An indicator
    /// listed here is entered by answer counts instead of by its value in `levels`.
    pub responses: SmallMap<String, Vec<String>>,
    /// Indicators switched back to entry by mean: their counts stay in `responses`
    /// (switching back and forth loses nothing) but are not read.
    pub by_mean: Keys,
    pub products: usize,
    pub locked: Keys,
    /// The kind of unit when the Ombudsman draws some units of a kind ("puskesmas");
    /// empty: always in the sample.
    pub sector: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Form {
    pub ruleset: String,
    /// The pemda's name, for reports and files.
    #[serde(default)]
    pub pemda: String,
    /// Behind `Rc`s, changed copy-on-write: the widget clones the form on every edit,
    /// and an unchanged unit then costs a pointer, compares by pointer, and its card
    /// does not re-render.
    pub units: Vec<Rc<FormUnit>>,
    pub deduction: String,
    /// A pemda-level Kepercayaan Masyarakat from work saved before it moved to the
    /// units: read once by `saved::load`, which gives it to the units. Never written.
    #[serde(default, rename = "trust", skip_serializing)]
    legacy_trust: String,
    /// Set when a pemda-level trust was just given to the units (the text given), so
    /// the widget tells the user once: carried from the worker that read an old file or
    /// link, and taken out by the widget before anything is saved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trust_spread: Option<String>,
    pub followed_up: bool,
    /// Dimension weights the user changed (dimension id → text); absent = published.
    pub weights: SmallMap<String, String>,
    /// The top of every indicator's scale, when the user changed it ("" = published).
    pub scale_max: String,
    /// Criteria per dimension the user set (dimension id → text); absent = published.
    #[serde(default)]
    pub criteria: SmallMap<String, String>,
    /// Sector → how many of its units are drawn, as typed; absent or "": all of them.
    #[serde(default)]
    pub sampling: SmallMap<String, String>,
    /// What an indicator level step weighs against a point in a plan over units entered
    /// at different levels, as typed ("" = 1 point).
    #[serde(default)]
    pub step_points: String,
    /// The safety margin the plan aims above the threshold, as typed ("" = none).
    #[serde(default)]
    pub margin: String,
    /// A ruleset the user loaded from a file (next year's method, say), kept with the
    /// work so a reload, an export or a link carries it. In use while `ruleset` is its id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_ruleset: Option<Rc<Ruleset>>,
    /// Last year's result, shown beside this year's; kept with the work and cleared by
    /// the user (`engine::baseline`).
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::engine::baseline::as_rows")]
    pub baseline: Option<crate::engine::baseline::Baseline>,
    #[serde(default)]
    next_key: u32,
}

impl FormUnit {
    /// Whether anything was entered in the unit (its name aside).
    pub fn has_entries(&self) -> bool {
        let filled = |t: &String| !t.trim().is_empty();
        filled(&self.score)
            || filled(&self.trust)
            || self.dims.values().any(filled)
            || self.points.values().any(filled)
            || self.levels.values().flatten().any(filled)
            || self.responses.values().flatten().any(filled)
    }
}

impl Form {
    /// Whether the form holds work: anything entered in a unit.
    pub fn has_entries(&self) -> bool {
        self.units.iter().any(|u| u.has_entries())
    }

    /// A fresh form for a method: the given unit names, or the method's own sample.
    pub fn for_method(rs: &Ruleset, names: &[String]) -> Form {
        let names = if names.is_empty() { rs.starting_units() } else { names.to_vec() };
        Form::named(&rs.id, rs.products, &names)
    }

    /// A form with these units, all empty.
    pub fn named(ruleset: &str, products: usize, names: &[String]) -> Form {
        let mut f = Form {
            ruleset: ruleset.to_string(),
            pemda: String::new(),
            units: Vec::new(),
            deduction: String::new(),
            legacy_trust: String::new(),
            trust_spread: None,
            followed_up: false,
            weights: SmallMap::new(),
            scale_max: String::new(),
            criteria: SmallMap::new(),
            sampling: SmallMap::new(),
            step_points: String::new(),
            margin: String::new(),
            custom_ruleset: None,
            baseline: None,
            next_key: 0,
        };
        for name in names {
            f.add_unit(name, products);
        }
        f
    }

    /// The 2022–2024 sample, for tests.
    #[cfg(test)]
    pub(crate) fn typical(ruleset: &str, products: usize) -> Form {
        Form::named(ruleset, products, &TYPICAL_UNITS.map(String::from))
    }

    /// Whether the units are still exactly the sample `rs` starts with, untouched (no
    /// entry, no other name, level, sector or lock): only then may another method's
    /// sample replace them.
    pub fn is_untouched_sample(&self, rs: &Ruleset) -> bool {
        let names = rs.starting_units();
        self.units.len() == names.len()
            && self
                .units
                .iter()
                .zip(&names)
                .all(|(u, name)| **u == FormUnit { key: u.key, name: name.clone(), products: rs.products, ..FormUnit::default() })
    }

    /// Gives a pemda-level Kepercayaan Masyarakat read from older saved work to every
    /// unit that has none and is not entered as a total; remembers it in `trust_spread`.
    pub fn spread_legacy_trust(&mut self) {
        let t = std::mem::take(&mut self.legacy_trust);
        if t.trim().is_empty() {
            return;
        }
        for i in 0..self.units.len() {
            if self.units[i].trust.trim().is_empty() && self.units[i].mode != Mode::Score {
                self.unit_at_mut(i).trust = t.clone();
            }
        }
        self.trust_spread = Some(t);
    }

    /// Switches a unit's entry level. Between dimension scores and weighted points the
    /// typed values are converted (score × weight share = points) exactly where they can
    /// be, to 6 decimals where they cannot, and switching back restores what was typed.
    pub fn set_mode(&mut self, key: u32, mode: Mode, rs: &Ruleset, comma: bool) {
        let Some(u) = self.unit_mut(key) else { return };
        match (u.mode, mode) {
            (Mode::Dimensions, Mode::Points) => convert_dims(u, rs, true, comma),
            (Mode::Points, Mode::Dimensions) => convert_dims(u, rs, false, comma),
            _ => {}
        }
        u.mode = mode;
    }

    /// Adds a unit (none beyond `engine::limits::MAX_UNITS`: the key is then unused).
    /// The fields the widget shows for these units under `rs`: one per total or
    /// dimension, one per indicator (per product where the dimension is per product).
    pub fn shown_fields(&self, rs: &Ruleset) -> usize {
        self.units
            .iter()
            .map(|u| match u.mode {
                Mode::Score => 1,
                Mode::Dimensions | Mode::Points => rs.dimensions.len(),
                Mode::Indicators => rs.dimensions.iter().map(|d| d.indicators.len() * if d.per_product { u.products } else { 1 }).sum(),
            })
            .sum()
    }

    /// The names of `incoming`'s units that the form already has (compared trimmed).
    pub fn clashes(&self, incoming: &Form) -> Vec<String> {
        incoming.units.iter().filter(|u| self.units.iter().any(|v| v.name.trim() == u.name.trim())).map(|u| u.name.clone()).collect()
    }

    /// Adds `incoming`'s units after the form's: a unit of a name the form has replaces
    /// it in place when `replace`, else comes in beside it as "Name (2)". Never past
    /// `engine::limits::MAX_UNITS`. Returns (added, replaced).
    pub fn merge(&mut self, incoming: &Form, replace: bool) -> (usize, usize) {
        let (mut added, mut replaced) = (0, 0);
        for u in &incoming.units {
            let same = self.units.iter().position(|v| v.name.trim() == u.name.trim());
            match same {
                Some(i) if replace => {
                    self.units[i] = Rc::new(FormUnit { key: self.units[i].key, ..(**u).clone() });
                    replaced += 1;
                }
                _ if self.units.len() >= crate::engine::limits::MAX_UNITS => break,
                _ => {
                    let mut name = u.name.clone();
                    let mut n = 2;
                    while self.units.iter().any(|v| v.name.trim() == name.trim()) {
                        name = format!("{} ({n})", u.name.trim());
                        n += 1;
                    }
                    let key = self.next_key;
                    self.next_key += 1;
                    self.units.push(Rc::new(FormUnit { key, name, ..(**u).clone() }));
                    added += 1;
                }
            }
        }
        (added, replaced)
    }

    pub fn add_unit(&mut self, name: &str, products: usize) -> u32 {
        let key = self.next_key;
        self.next_key += 1;
        self.units.push(Rc::new(FormUnit { key, name: name.to_string(), products, ..FormUnit::default() }));
        key
    }

    pub fn unit(&self, key: u32) -> Option<&FormUnit> {
        self.units.iter().find(|u| u.key == key).map(|u| &**u)
    }

    pub fn unit_mut(&mut self, key: u32) -> Option<&mut FormUnit> {
        self.units.iter_mut().find(|u| u.key == key).map(Rc::make_mut)
    }

    /// The unit at `i`, for editing.
    pub fn unit_at_mut(&mut self, i: usize) -> &mut FormUnit {
        Rc::make_mut(&mut self.units[i])
    }

    pub fn remove_unit(&mut self, key: u32) {
        self.units.retain(|u| u.key != key);
    }

    /// Moves a unit one place up (`-1`) or down (`1`).
    pub fn move_unit(&mut self, key: u32, by: isize) {
        if let Some(i) = self.units.iter().position(|u| u.key == key) {
            let j = i as isize + by;
            if j >= 0 && (j as usize) < self.units.len() {
                self.units.swap(i, j as usize);
            }
        }
    }

    /// A copy right below the original, with everything entered, under a new key.
    pub fn duplicate_unit(&mut self, key: u32, suffix: &str) -> Option<u32> {
        let i = self.units.iter().position(|u| u.key == key)?;
        let mut copy = (*self.units[i]).clone();
        copy.key = self.next_key;
        self.next_key += 1;
        copy.name = format!("{} {suffix}", copy.name);
        self.units.insert(i + 1, Rc::new(copy));
        Some(self.next_key - 1)
    }

    pub fn set_level(&mut self, key: u32, indicator: &str, product: usize, text: String) {
        if let Some(u) = self.unit_mut(key) {
            set_slot(&mut u.levels, indicator, product, text);
        }
    }

    /// One more observed product, up to `MAX_PRODUCTS`.
    pub fn add_product(&mut self, key: u32) {
        if let Some(u) = self.unit_mut(key) {
            u.products = (u.products + 1).min(MAX_PRODUCTS);
        }
    }

    /// One product fewer (never below 1); the last product's entries go with it.
    pub fn remove_product(&mut self, key: u32, rs: &Ruleset) {
        if let Some(u) = self.unit_mut(key) {
            if u.products > 1 {
                u.products -= 1;
                for r in rs.indicators().filter(|r| r.dimension.per_product) {
                    if let Some(v) = u.levels.get_mut(&r.key()) {
                        v.truncate(u.products);
                    }
                }
            }
        }
    }

    pub fn toggle_lock(&mut self, key: u32, indicator: &str) {
        if let Some(u) = self.unit_mut(key) {
            if !u.locked.remove(indicator) {
                u.locked.insert(indicator.to_string());
            }
        }
    }

    /// Switches an indicator between entry by answer counts (`answers` fields, one per
    /// answer) and entry by its mean; what was typed in either stays.
    pub fn set_by_counts(&mut self, key: u32, indicator: &str, answers: usize, on: bool) {
        if let Some(u) = self.unit_mut(key) {
            if on {
                u.by_mean.remove(indicator);
                u.responses.entry(indicator.to_string()).or_insert_with(|| vec![String::new(); answers]);
            } else if u.responses.contains_key(indicator) {
                u.by_mean.insert(indicator.to_string());
            }
        }
    }

    /// Whether an indicator of a unit is entered by answer counts.
    pub fn by_counts(u: &FormUnit, indicator: &str) -> bool {
        u.responses.contains_key(indicator) && !u.by_mean.contains(indicator)
    }

    /// The count of respondents giving answer `j` (0 = the lowest answer).
    pub fn set_count(&mut self, key: u32, indicator: &str, j: usize, text: String) {
        if let Some(u) = self.unit_mut(key) {
            set_slot(&mut u.responses, indicator, j, text);
        }
    }

    /// Applies planner steps (what-if): each entry goes up to the step's level, or takes
    /// the step's answer counts.
    pub fn apply_steps(&mut self, steps: &[Step]) {
        for s in steps {
            let Some(key) = self.units.get(s.unit_index).map(|u| u.key) else { continue };
            // A total or a dimension takes the step's value, written with a decimal
            // comma (which every field reads, and which is never taken for thousands).
            let text = || s.to.to_string().replace('.', ",");
            match (s.kind, &s.dimension) {
                (StepKind::Unit, _) => {
                    self.set_cell(key, &cells::Cell::Score, text());
                    continue;
                }
                (StepKind::Dimension, Some(d)) => {
                    let points = self.unit(key).is_some_and(|u| u.mode == Mode::Points);
                    let cell = if points { cells::Cell::Points(d.clone()) } else { cells::Cell::Dimension(d.clone()) };
                    self.set_cell(key, &cell, text());
                    continue;
                }
                _ => {}
            }
            match &s.responses {
                Some(r) => {
                    if let Some(u) = self.unit_mut(key) {
                        u.responses.insert(s.indicator.clone(), r.after.iter().map(u32::to_string).collect());
                        u.by_mean.remove(&s.indicator);
                    }
                }
                None => self.set_level(key, &s.indicator, s.product.map_or(0, |p| p - 1), s.to.to_string()),
            }
        }
    }

    /// After loading: unit keys must be unique and below `next_key`, whatever the file said.
    pub fn repair_keys(&mut self) {
        // A list, not a set: a form holds at most `limits::MAX_UNITS` units (checked first).
        let mut seen: Vec<u32> = Vec::with_capacity(self.units.len());
        let after = |seen: &[u32]| seen.iter().max().map_or(0, |m| m + 1);
        for i in 0..self.units.len() {
            let k = self.units[i].key;
            if k >= self.next_key || seen.contains(&k) {
                let fresh = self.next_key.max(after(&seen));
                self.unit_at_mut(i).key = fresh;
                seen.push(fresh);
                self.next_key = fresh + 1;
            } else {
                seen.push(k);
            }
        }
        self.next_key = self.next_key.max(after(&seen));
    }

    /// The sectors units are drawn from, as the convert step names them (trimmed,
    /// lower case), each with its number of units, in order of first appearance.
    pub fn sectors(&self) -> Vec<(String, usize)> {
        let mut out: Vec<(String, usize)> = Vec::new();
        for s in self.units.iter().filter_map(|u| sector_of(u)) {
            match out.iter_mut().find(|(name, _)| *name == s) {
                Some((_, n)) => *n += 1,
                None => out.push((s, 1)),
            }
        }
        out
    }

    /// The user's own ruleset, while it is the one in use.
    pub fn own_ruleset(&self) -> Option<&Rc<Ruleset>> {
        self.custom_ruleset.as_ref().filter(|r| r.id == self.ruleset)
    }

    /// Whether any assumption differs from the published ruleset.
    pub fn has_changed_assumptions(&self) -> bool {
        !self.weights.is_empty() || !self.scale_max.trim().is_empty() || !self.criteria.is_empty()
    }

    pub fn reset_assumptions(&mut self) {
        self.weights.clear();
        self.scale_max.clear();
        self.criteria.clear();
    }
}

/// Converts a unit's dimension texts between scores (0–100) and weighted points.
fn convert_dims(u: &mut FormUnit, rs: &Ruleset, to_points: bool, comma: bool) {
    use crate::engine::exact::Ratio;
    use crate::engine::number::{format_decimal, parse_decimal, RoundingMode};
    let total = Ratio::from_decimal(rs.dimension_weight_total());
    let (from, mut to) = if to_points { (u.dims.clone(), SmallMap::new()) } else { (u.points.clone(), SmallMap::new()) };
    for d in &rs.dimensions {
        let Some(text) = from.get(&d.id).filter(|t| !t.trim().is_empty()) else { continue };
        // Switched back untouched: what was typed before, exactly.
        if let Some([written, typed]) = u.converted.get(&d.id).map(Vec::as_slice) {
            if written == text {
                to.insert(d.id.clone(), typed.clone());
                forget(&mut u.converted, &d.id);
                continue;
            }
        }
        let share = Ratio::from_decimal(d.weight).checked_div(total);
        let converted = parse_decimal(text).ok().zip(share).and_then(|(v, share)| {
            let v = Ratio::from_decimal(v);
            let x = if to_points { v.checked_mul(share) } else { v.checked_div(share) }?;
            let shown = x.round(6, RoundingMode::HalfUp)?.normalize();
            Some((format_decimal(shown, comma), Ratio::from_decimal(shown) == x))
        });
        match converted {
            Some((out, exact)) => {
                if exact {
                    forget(&mut u.converted, &d.id);
                } else {
                    u.converted.insert(d.id.clone(), vec![out.clone(), text.clone()]);
                }
                to.insert(d.id.clone(), out);
            }
            // Not a number: carried over as typed, so its message shows in the new mode.
            None => {
                to.insert(d.id.clone(), text.clone());
            }
        }
    }
    if to_points {
        u.points = to;
    } else {
        u.dims = to;
    }
}

/// Drops a remembered conversion: emptied, which reads as none (`convert_dims` takes
/// only a pair), as saved forms have always held it.
fn forget(converted: &mut SmallMap<String, Vec<String>>, dim: &str) {
    if let Some(v) = converted.get_mut(dim) {
        v.clear();
    }
}

/// A unit's sector as the scenario gets it: trimmed and in lower case, so "Puskesmas"
/// and "puskesmas " are one sector.
pub fn sector_of(u: &FormUnit) -> Option<String> {
    let s = u.sector.trim();
    (!s.is_empty()).then(|| s.to_ascii_lowercase())
}

/// Text `i` of an indicator's list (levels per product, counts per answer), growing
/// the list with empty texts as needed.
fn set_slot(lists: &mut SmallMap<String, Vec<String>>, indicator: &str, i: usize, text: String) {
    let slots = lists.entry(indicator.to_string()).or_default();
    if slots.len() <= i {
        slots.resize(i + 1, String::new());
    }
    slots[i] = text;
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
        let f = Form::typical("ombudsman-2023", 2);
        assert_eq!(f.units.iter().map(|u| u.name.as_str()).collect::<Vec<_>>(), TYPICAL_UNITS);
        assert!(f.units.iter().all(|u| u.mode == Mode::Score && u.score.is_empty()));
        let r = f.read(&rs());
        assert!(r.outcome.unwrap().aggregate.is_none());
    }

    #[test]
    fn reorder_duplicate_and_remove_keep_keys() {
        let mut f = Form::typical("ombudsman-2023", 2);
        let k1 = f.units[1].key;
        f.unit_at_mut(1).score = "80".into();
        f.move_unit(k1, -1);
        assert_eq!(f.units[0].key, k1);
        f.move_unit(k1, -1);
        assert_eq!(f.units[0].key, k1, "the first unit cannot move up");
        let copy = f.duplicate_unit(k1, "(salinan)").unwrap();
        assert_eq!(f.units[1].key, copy);
        assert_eq!((f.units[1].name.as_str(), f.units[1].score.as_str()), ("DPMPTSP (salinan)", "80"));
        f.remove_unit(k1);
        assert_eq!(f.units[0].key, copy);
        assert_eq!(f.units.len(), 7);
    }

    #[test]
    fn products_grow_and_shrink_with_their_entries() {
        let rs = rs();
        let mut f = Form::typical("ombudsman-2023", 2);
        let k = f.units[5].key;
        f.add_product(k);
        f.set_level(k, "proses.biaya", 2, "3".into());
        assert_eq!(f.unit(k).unwrap().products, 3);
        f.remove_product(k, &rs);
        assert_eq!(f.unit(k).unwrap().levels.get("proses.biaya").unwrap().len(), 2);
        f.remove_product(k, &rs);
        f.remove_product(k, &rs);
        assert_eq!(f.unit(k).unwrap().products, 1);
    }

    #[test]
    fn a_fresh_form_takes_its_methods_sample() {
        let cat = Catalog::built_in();
        let f = Form::for_method(cat.get("ombudsman-2025").unwrap(), &[]);
        assert_eq!(f.units.iter().map(|u| u.name.as_str()).collect::<Vec<_>>(), ["Dinas Kesehatan", "Dinas Pendidikan", "Dinas Sosial"]);
        assert!(f.is_untouched_sample(cat.get("ombudsman-2025").unwrap()));
        let f = Form::for_method(cat.get("ombudsman-2024").unwrap(), &["RSUD Bangli".to_string()]);
        assert_eq!(f.units.len(), 1);
        let rs24 = cat.get("ombudsman-2024").unwrap();
        let mut f = Form::for_method(rs24, &[]);
        assert_eq!(f.units.len(), 7);
        assert!(f.is_untouched_sample(rs24));
        assert!(!f.is_untouched_sample(cat.get("ombudsman-2025").unwrap()));
        // A level picked is a touch, though nothing is entered yet.
        f.unit_at_mut(0).mode = Mode::Indicators;
        assert!(!f.is_untouched_sample(rs24));
        f.unit_at_mut(0).mode = Mode::Score;
        f.unit_at_mut(3).trust = "70".into();
        assert!(!f.is_untouched_sample(rs24));
    }

    #[test]
    fn scores_and_weighted_points_convert_without_loss() {
        // 2023 weights: Input 21,85 %. 80 → 80 · 0,2185 = 17,48 exactly, and back.
        let rs = rs();
        let mut f = Form::typical("ombudsman-2023", 2);
        let k = f.units[0].key;
        f.set_mode(k, Mode::Dimensions, &rs, true);
        f.unit_mut(k).unwrap().dims.insert("input".into(), "80".into());
        // 8,72 points typed would be 8,72 / 0,2185 = 39,9084668… : shown to 6 decimals.
        f.unit_mut(k).unwrap().dims.insert("proses".into(), "x".into());
        f.set_mode(k, Mode::Points, &rs, true);
        let u = f.unit(k).unwrap();
        assert_eq!((u.points.get("input").unwrap().as_str(), u.points.get("proses").unwrap().as_str()), ("17,48", "x"));
        f.unit_mut(k).unwrap().points.insert("input".into(), "8,72".into());
        f.set_mode(k, Mode::Dimensions, &rs, true);
        assert_eq!(f.unit(k).unwrap().dims.get("input").unwrap(), "39,908467");
        // Back to points untouched: exactly what was typed, not 8,7200000…
        f.set_mode(k, Mode::Points, &rs, true);
        assert_eq!(f.unit(k).unwrap().points.get("input").unwrap(), "8,72");
        // Both read to the same unit score: 8,72 + … in points; the score path agrees.
        let r = f.read(&rs);
        assert_eq!(r.errors.len(), 1, "the unreadable proses stays flagged: {:?}", r.errors);
        assert_eq!(r.errors[0].field, "pts-proses");
    }

    #[test]
    fn old_saved_work_with_pemda_trust_gives_it_to_the_units_once() {
        // Saved before trust moved to the units: "trust": "60" at pemda level; unit 0 a
        // total (holds its trust already), unit 1 by dimension.
        let text = r#"{"rapor":"form","version":1,"lang":"id","form":{"ruleset":"ombudsman-2025","units":[
            {"key":0,"name":"Dinas Kesehatan","mode":"score","score":"80"},
            {"key":1,"name":"Dinas Sosial","mode":"dimensions","dims":{"input":"80","proses":"80","output":"80","pengaduan":"80"}}],
            "deduction":"","trust":"60","followed_up":false,"weights":{},"scale_max":"","next_key":2}}"#;
        let (mut f, _) = saved::load(text).unwrap();
        assert_eq!(f.trust_spread.as_deref(), Some("60"));
        assert_eq!((f.units[0].trust.as_str(), f.units[1].trust.as_str()), ("", "60"));
        let cat = Catalog::built_in();
        // 80 and 0,7·80 + 0,3·60 = 74 → (80 + 74) / 2 = 77,00.
        let a = f.read(cat.get("ombudsman-2025").unwrap()).outcome.unwrap().aggregate.unwrap();
        assert_eq!(a.rounded.to_string(), "77.00");
        // Saved again (the widget takes the note out first), the pemda trust is gone.
        f.trust_spread = None;
        let again = saved::save(&f, "id");
        assert!(!again.contains("\"trust\":\"60\",\"followed_up\""));
        let (back, _) = saved::load(&again).unwrap();
        assert_eq!(back.trust_spread, None);
        assert_eq!(back.units[1].trust, "60");
    }
}
