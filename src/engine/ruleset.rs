//! A ruleset: one assessment scheme in one year, as data. The files in `src/rulesets/`
//! are exactly this schema; a user's own file is read and validated the same way.

use crate::engine::error::{InputError, Listing, Problem, Rule, Says};
use crate::engine::limits::{self, Counted};
use crate::engine::number::{serde_str, RoundingMode};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ruleset {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub title_en: String,
    pub scheme: String,
    pub years: Vec<u16>,
    #[serde(default)]
    pub sources: Vec<Source>,
    /// The top of the score range (100 for every Ombudsman method).
    #[serde(with = "serde_str", default = "hundred")]
    pub score_max: Decimal,
    /// Service products observed per unit for per-product dimensions.
    #[serde(default = "two")]
    pub products: usize,
    /// The units a fresh page starts with, in order: the sample this method is usually
    /// assessed on (2025: three OPD; 2022–2024: five OPD and two Puskesmas).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub default_units: Vec<String>,
    pub dimensions: Vec<Dimension>,
    #[serde(default)]
    pub aggregation: Aggregation,
    #[serde(default)]
    pub rounding: Rounding,
    /// Listed from the top category down.
    pub bands: Vec<Band>,
    /// Whether the scheme subtracts a deduction for Ombudsman products not followed up.
    #[serde(default)]
    pub deduction: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trust: Option<Trust>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub followed_up: Option<FollowedUp>,
    #[serde(default)]
    pub assumptions: Vec<Assumption>,
}

fn hundred() -> Decimal {
    Decimal::ONE_HUNDRED
}
fn two() -> usize {
    2
}
fn one() -> Decimal {
    Decimal::ONE
}
fn yes() -> bool {
    true
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// In Bahasa Indonesia, as the widget shows it by default.
    pub text: String,
    #[serde(default)]
    pub text_en: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dimension {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub name_en: String,
    #[serde(with = "serde_str")]
    pub weight: Decimal,
    #[serde(default)]
    pub per_product: bool,
    pub indicators: Vec<Indicator>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub name_en: String,
    #[serde(default)]
    pub min: u16,
    pub max: u16,
    #[serde(with = "serde_str", default = "one")]
    pub weight: Decimal,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub levels: Vec<Level>,
    /// Only the listed levels are values (SAKIP's letters: AA = 100, A = 90, … E = 0),
    /// and the planner steps from one listed level to the next.
    #[serde(default, skip_serializing_if = "is_false")]
    pub levels_only: bool,
    /// Any number on the scale, not only whole levels (IKM's per-unsur mean, "3,25").
    #[serde(default, skip_serializing_if = "is_false")]
    pub fractional: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// The description of one level of an indicator's scale.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Level {
    pub value: u16,
    /// A short name for the level where the scheme has one ("AA", "BB").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label: String,
    pub text: String,
    #[serde(default)]
    pub text_en: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Aggregation {
    /// The pemda score is the plain mean of its unit scores.
    #[default]
    Mean,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rounding {
    pub places: u32,
    #[serde(default)]
    pub mode: RoundingMode,
}

impl Default for Rounding {
    fn default() -> Self {
        Rounding { places: 2, mode: RoundingMode::HalfUp }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Band {
    pub category: String,
    pub opini: String,
    #[serde(default)]
    pub opini_en: String,
    /// The second published label (2025: *kategori kualitas pelayanan*, "Baik").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub quality: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub quality_en: String,
    pub zone: String,
    /// The lower bound, compared with the rounded score.
    #[serde(with = "serde_str")]
    pub min: Decimal,
    /// `true`: the score may equal `min`; `false`: it must exceed it (SAKIP's "> 90").
    #[serde(default = "yes")]
    pub inclusive: bool,
}

/// Kepercayaan Masyarakat (2025): each unit's own survey score, worth `weight` percent
/// of that unit's score (the dimensions share the rest).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Trust {
    #[serde(with = "serde_str")]
    pub weight: Decimal,
}

/// Text added to the opini when Ombudsman products were followed up (2025).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FollowedUp {
    pub suffix: String,
    #[serde(default)]
    pub suffix_en: String,
}

/// Something the sources leave open, which the widget shows and lets the user change.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assumption {
    pub id: String,
    pub text: String,
    #[serde(default)]
    pub text_en: String,
    pub source: String,
    /// Which part of the ruleset the assumption sets, when it is a number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

/// Where one indicator sits, for code that walks every indicator of a ruleset.
#[derive(Debug, Clone, Copy)]
pub struct IndicatorRef<'a> {
    pub dimension: &'a Dimension,
    pub indicator: &'a Indicator,
}

impl IndicatorRef<'_> {
    /// "proses.biaya": unique in the ruleset and the key users write in scenarios.
    pub fn key(&self) -> String {
        format!("{}.{}", self.dimension.id, self.indicator.id)
    }
}

impl Ruleset {
    /// Reads and validates a ruleset; the error names the offending field.
    pub fn from_json(text: &str) -> Result<Ruleset, InputError> {
        crate::engine::duplicates::refuse_duplicate_keys(text)?;
        let rs = Ruleset::from_checked_json(text)?;
        rs.validate()?;
        Ok(rs)
    }

    /// Reads a ruleset that was validated before: a file of the build (the test suite
    /// validates every one) or one the `rapor-io` worker checked. The widget reads
    /// rulesets only this way, which keeps the validator out of its first load.
    pub fn from_checked_json(text: &str) -> Result<Ruleset, InputError> {
        serde_json::from_str(text).map_err(|e| {
            InputError::new(
                format!("line {} column {}", e.line(), e.column()),
                Problem::Says(Says::Unreadable(strip_position(&e.to_string()))),
            )
        })
    }

    /// A ruleset inside another document (a scenario's `custom_ruleset`).
    pub fn from_value(v: &serde_json::Value) -> Result<Ruleset, InputError> {
        let rs =
            Ruleset::deserialize(v).map_err(|e| InputError::new("", Problem::Says(Says::Unreadable(strip_position(&e.to_string())))))?;
        rs.validate()?;
        Ok(rs)
    }

    pub fn dimension(&self, id: &str) -> Option<&Dimension> {
        self.dimensions.iter().find(|d| d.id == id)
    }

    pub fn indicators(&self) -> impl Iterator<Item = IndicatorRef<'_>> {
        self.dimensions.iter().flat_map(|d| d.indicators.iter().map(move |i| IndicatorRef { dimension: d, indicator: i }))
    }

    /// Finds "unsur.waktu", or "waktu" alone when no other dimension has an indicator
    /// of that id (how answer counts name an IKM unsur).
    pub fn resolve(&self, key: &str) -> Option<IndicatorRef<'_>> {
        self.lookup(key).ok()
    }

    /// Like `resolve`, but says why a key names no indicator: the one way every field
    /// that names an indicator (`indicators`, `responses`, `locked`, `effort`) reads it.
    pub fn lookup(&self, key: &str) -> Result<IndicatorRef<'_>, Problem> {
        if key.contains('.') {
            return self.indicator(key).ok_or_else(|| Problem::UnknownIndicator(key.to_string()));
        }
        let found: Vec<IndicatorRef<'_>> = self.indicators().filter(|r| r.indicator.id == key).collect();
        match found.as_slice() {
            [one] => Ok(*one),
            [] => Err(Problem::UnknownIndicator(key.to_string())),
            many => Err(Problem::AmbiguousIndicator { id: key.to_string(), candidates: many.iter().map(IndicatorRef::key).collect() }),
        }
    }

    /// Whether the zones are only the informal colours of an earlier method (2025: the
    /// Ombudsman no longer publishes zones), which the widget then marks as an assumption.
    pub fn zone_is_assumption(&self) -> bool {
        self.assumptions.iter().any(|a| a.field.as_deref() == Some("bands.zone"))
    }

    /// The sample a fresh page starts with: the method's own, else one unnamed unit.
    pub fn starting_units(&self) -> Vec<String> {
        if self.default_units.is_empty() {
            vec!["Unit 1".to_string()]
        } else {
            self.default_units.clone()
        }
    }

    /// Finds "proses.biaya".
    pub fn indicator(&self, key: &str) -> Option<IndicatorRef<'_>> {
        let (d, i) = key.split_once('.')?;
        let dimension = self.dimension(d)?;
        let indicator = dimension.indicators.iter().find(|x| x.id == i)?;
        Some(IndicatorRef { dimension, indicator })
    }

    pub fn dimension_weight_total(&self) -> Decimal {
        self.dimensions.iter().map(|d| d.weight).sum()
    }

    /// A dimension's share of the total weight in percent, to two decimals: the
    /// Ombudsman's weights already sum to 100, IKM's nine unsur weigh 1 each of 9.
    pub fn weight_percent(&self, weight: Decimal) -> Decimal {
        let total = self.dimension_weight_total();
        if total.is_zero() {
            return Decimal::ZERO;
        }
        (weight * Decimal::ONE_HUNDRED / total).round_dp(2).normalize()
    }

    /// Checks the rules every scheme must obey, so that a bad file fails on load
    /// rather than giving a wrong grade later.
    pub fn validate(&self) -> Result<(), InputError> {
        let bad = |path: String, rule: Rule| Err(InputError::new(path, Problem::Rule(rule)));
        if self.id.is_empty() || !self.id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') {
            return bad("id".into(), Rule::NotAnId(self.id.clone()));
        }
        if self.years.is_empty() {
            return bad("years".into(), Rule::NoneListed(Listing::Year));
        }
        if self.score_max <= Decimal::ZERO {
            return bad("score_max".into(), Rule::NotPositive(None));
        }
        limits::weight("score_max", self.score_max)?;
        if self.products == 0 || self.products > 10 {
            return bad("products".into(), Rule::Products(self.products));
        }
        if self.default_units.len() > 100 {
            return bad("default_units".into(), Rule::TooManyUnits(self.default_units.len()));
        }
        for (ui, name) in self.default_units.iter().enumerate() {
            if name.trim().is_empty() || name.chars().count() > 200 {
                return bad(format!("default_units[{ui}]"), Rule::UnitName);
            }
        }
        if self.rounding.places > 10 {
            return bad("rounding.places".into(), Rule::RoundingPlaces);
        }
        if self.dimensions.is_empty() {
            return bad("dimensions".into(), Rule::NoneListed(Listing::Dimension));
        }
        limits::count("dimensions", Counted::Dimensions, self.dimensions.len())?;
        let mut dim_ids = HashSet::new();
        for (di, d) in self.dimensions.iter().enumerate() {
            let at = format!("dimensions[{di}]");
            if !valid_id(&d.id) {
                return bad(format!("{at}.id"), Rule::NotAnId(d.id.clone()));
            }
            if !dim_ids.insert(d.id.as_str()) {
                return bad(format!("{at}.id"), Rule::UsedTwice(d.id.clone()));
            }
            if d.weight <= Decimal::ZERO {
                return bad(format!("{at}.weight"), Rule::NotPositive(Some(d.weight)));
            }
            limits::weight(&format!("{at}.weight"), d.weight)?;
            if d.indicators.is_empty() {
                return bad(format!("{at}.indicators"), Rule::NoneListed(Listing::Indicator));
            }
            limits::count(&format!("{at}.indicators"), Counted::Indicators, d.indicators.len())?;
            let mut ind_ids = HashSet::new();
            for (ii, i) in d.indicators.iter().enumerate() {
                let at = format!("{at}.indicators[{ii}]");
                if !valid_id(&i.id) {
                    return bad(format!("{at}.id"), Rule::NotAnId(i.id.clone()));
                }
                if !ind_ids.insert(i.id.as_str()) {
                    return bad(format!("{at}.id"), Rule::UsedTwiceIn(i.id.clone(), d.id.clone()));
                }
                if i.weight <= Decimal::ZERO {
                    return bad(format!("{at}.weight"), Rule::NotPositive(Some(i.weight)));
                }
                limits::weight(&format!("{at}.weight"), i.weight)?;
                if i.max <= i.min {
                    return bad(format!("{at}.max"), Rule::MaxNotAboveMin { min: i.min, max: i.max });
                }
                if i.max > limits::MAX_SCALE {
                    let (value, max) = (Decimal::from(i.max), Decimal::from(limits::MAX_SCALE));
                    return Err(InputError::new(format!("{at}.max"), Problem::AboveMax { value, max }));
                }
                let mut seen = HashSet::new();
                for (li, l) in i.levels.iter().enumerate() {
                    if l.value < i.min || l.value > i.max {
                        return bad(format!("{at}.levels[{li}].value"), Rule::LevelOutside { value: l.value, min: i.min, max: i.max });
                    }
                    if !seen.insert(l.value) {
                        return bad(format!("{at}.levels[{li}].value"), Rule::DescribedTwice(l.value));
                    }
                }
                if i.levels_only {
                    if i.fractional {
                        return bad(format!("{at}.fractional"), Rule::LevelsOnlyFractional);
                    }
                    // Both ends must be values, or the scale's top could never be reached
                    // and a not-entered criterion (counted at min) would be no level.
                    for end in [i.min, i.max] {
                        if !seen.contains(&end) {
                            return bad(format!("{at}.levels"), Rule::LevelsOnlyEnd { end, min: i.min, max: i.max });
                        }
                    }
                }
            }
        }
        let all: usize = self.dimensions.iter().map(|d| d.indicators.len()).sum();
        limits::count("dimensions", Counted::MethodIndicators, all)?;
        self.validate_bands()?;
        if let Some(t) = &self.trust {
            if t.weight <= Decimal::ZERO || t.weight >= Decimal::ONE_HUNDRED {
                return bad("trust.weight".into(), Rule::TrustWeight(t.weight));
            }
        }
        let mut ids = HashSet::new();
        for (ai, a) in self.assumptions.iter().enumerate() {
            if !ids.insert(a.id.as_str()) {
                return bad(format!("assumptions[{ai}].id"), Rule::UsedTwice(a.id.clone()));
            }
        }
        Ok(())
    }

    /// Bands are only lower bounds, listed top-down, so they cannot overlap; what can go
    /// wrong is order, a bottom that leaves low scores unclassified, and a bound finer
    /// than the rounding (88.005 with 2 places would leave a gap nobody can hit).
    fn validate_bands(&self) -> Result<(), InputError> {
        let bad = |path: String, rule: Rule| Err(InputError::new(path, Problem::Rule(rule)));
        if self.bands.is_empty() {
            return bad("bands".into(), Rule::NoneListed(Listing::Band));
        }
        let mut cats = HashSet::new();
        for (bi, b) in self.bands.iter().enumerate() {
            let at = format!("bands[{bi}]");
            if b.category.is_empty() {
                return bad(format!("{at}.category"), Rule::EmptyCategory);
            }
            if !cats.insert(b.category.as_str()) {
                return bad(format!("{at}.category"), Rule::UsedTwice(b.category.clone()));
            }
            if b.min.normalize().scale() > self.rounding.places {
                return bad(format!("{at}.min"), Rule::FinerThanRounding { min: b.min, places: self.rounding.places });
            }
            if b.min < Decimal::ZERO || b.min > self.score_max {
                return bad(format!("{at}.min"), Rule::BandOutside { min: b.min, max: self.score_max });
            }
            if bi > 0 && b.min >= self.bands[bi - 1].min {
                return bad(format!("{at}.min"), Rule::NotTopDown { min: b.min, above: self.bands[bi - 1].min });
            }
        }
        let last = self.bands.len() - 1;
        let bottom = &self.bands[last];
        if !bottom.min.is_zero() || !bottom.inclusive {
            return bad(format!("bands[{last}].min"), Rule::BottomBand);
        }
        Ok(())
    }
}

fn valid_id(id: &str) -> bool {
    !id.is_empty() && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// serde_json appends " at line L column C"; the path already says where.
fn strip_position(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg.to_string(),
    }
}
