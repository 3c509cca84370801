//! Scoring, per methodology.md:
//! - dimension score = max · Σ(value·weight) / Σ(max·weight), per-product values
//!   averaged over the unit's products first (max is the ruleset's `score_max`, 100);
//! - unit score = Σ (dimension weight / Σ dimension weights) · dimension score
//!   (2025: 70 % of that + 30 % the unit's own Kepercayaan Masyarakat);
//! - pemda score = mean of unit scores − deduction;
//! - computed as exact fractions and rounded once, at the very end, by the ruleset's rule.
//!
//! Beside the exact result, the range of final figures the entries allow when every
//! typed total, dimension score or dimension point is itself a rounded figure
//! (methodology.md §2b): "93,34" may stand for anything from 93,335 up to 93,345.

use crate::engine::error::{Expected, InputError, Problem, Says};
use crate::engine::exact::Ratio;
use crate::engine::grade::{band_of, grade, Grade};
use crate::engine::map::SmallMap;
use crate::engine::ruleset::{Dimension, Indicator, Ruleset};
use crate::engine::scenario::{names_total_or_dimension, Entry, Scenario, Unit, Values};
use rust_decimal::Decimal;

/// Entered scores may carry at most this many decimals; more would only be noise and
/// would make the exact fractions needlessly large.
pub const MAX_DECIMALS: u32 = 6;

/// How a unit was entered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Score,
    Dimensions,
    /// Dimensions as weighted points (Input out of 21,85).
    Points,
    Indicators,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Score => "score",
            Level::Dimensions => "dimensions",
            Level::Points => "dimension_points",
            Level::Indicators => "indicators",
        }
    }
}

/// The lowest and highest final figure a set of rounded entries allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Range {
    pub low: Decimal,
    pub high: Decimal,
    /// `low` and `high` fall in different categories: the grade depends on digits the
    /// published figures do not show.
    pub category_uncertain: bool,
}

impl Range {
    pub fn is_one_value(&self) -> bool {
        self.low == self.high
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct DimensionOutcome {
    pub id: String,
    /// Exact score on the 0–max scale.
    pub exact: Ratio,
    pub rounded: Decimal,
    /// What the dimension adds to the unit score (weight share × score), exact.
    pub contribution: Ratio,
    /// `false` when nothing in this dimension was entered (it then counts as 0).
    pub entered: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct UnitOutcome {
    /// Position in `scenario.units`.
    pub index: usize,
    pub name: String,
    pub level: Level,
    pub exact: Ratio,
    pub rounded: Decimal,
    pub grade: Grade,
    pub range: Range,
    /// Empty when the unit was entered as a total.
    pub dimensions: Vec<DimensionOutcome>,
    /// What was not yet entered and so counted as 0: dimension ids, indicator keys, or
    /// "proses.biaya#2" for product 2 of a per-product indicator.
    pub missing: Vec<String>,
    /// Products observed in this unit (for per-product indicators).
    pub products: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Aggregate {
    pub exact: Ratio,
    /// `exact` before clamping at 0: what a change of unit scores moves linearly.
    pub raw: Ratio,
    pub rounded: Decimal,
    pub grade: Grade,
    /// The plain mean of unit scores, before the deduction.
    pub mean: Ratio,
    /// The method has Kepercayaan Masyarakat and every unit not entered as a total has
    /// its own.
    pub trust_included: bool,
    pub deduction: Decimal,
    pub range: Range,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub ruleset: String,
    /// `None` when no unit has data yet.
    pub aggregate: Option<Aggregate>,
    pub units: Vec<UnitOutcome>,
    /// Names of units left out of the aggregate for lack of data.
    pub excluded: Vec<String>,
    /// A pemda-level Kepercayaan Masyarakat from an older file that was given to the
    /// units (see `Scenario::trust_spread`), to tell the user once.
    pub trust_spread: Option<Decimal>,
}

impl Outcome {
    /// These results as a baseline (`engine::baseline`) called `label`.
    pub fn as_baseline(&self, label: &str) -> crate::engine::baseline::Baseline {
        crate::engine::baseline::Baseline {
            label: label.to_string(),
            score: self.aggregate.as_ref().map(|a| a.rounded),
            units: self
                .units
                .iter()
                .map(|u| crate::engine::baseline::BaselineUnit {
                    name: u.name.clone(),
                    score: Some(u.rounded),
                    dimensions: {
                        let mut m = SmallMap::new();
                        for d in u.dimensions.iter().filter(|d| d.entered && u.level != Level::Score) {
                            m.insert(d.id.clone(), d.rounded);
                        }
                        m
                    },
                })
                .collect(),
        }
    }
}

fn too_precise() -> InputError {
    InputError::new("", Problem::TooPrecise)
}

/// Scores a scenario under `rs`, checking every entry against the ruleset.
/// Indicators may be named by their bare id anywhere (`Scenario::canonical`); errors
/// name the place as the user wrote it.
pub fn evaluate(rs: &Ruleset, sc: &Scenario) -> Result<Outcome, InputError> {
    check_pemda_fields(rs, sc)?;
    let mut units = Vec::new();
    let mut excluded = Vec::new();
    // Sums of the units' lowest and highest exact scores, for the pemda's range.
    let (mut low_sum, mut high_sum, mut open) = (Ratio::ZERO, Ratio::ZERO, false);
    let mut trust_missing = false;
    for (i, u) in sc.units.iter().enumerate() {
        let at = format!("units[{i}]");
        check_locked(rs, &u.locked, &at)?;
        match unit_score(rs, u, &at)? {
            None => excluded.push(u.name.clone()),
            Some(s) => {
                let rounded = round(rs, s.exact)?;
                let grade = grade(rs, rounded, None);
                let range = range(rs, s.low, s.high, s.open)?;
                low_sum = low_sum.checked_add(s.low).ok_or_else(too_precise)?;
                high_sum = high_sum.checked_add(s.high).ok_or_else(too_precise)?;
                open |= s.open;
                trust_missing |= s.missing.iter().any(|m| m == "trust");
                units.push(UnitOutcome {
                    index: i,
                    name: u.name.clone(),
                    level: s.level,
                    exact: s.exact,
                    rounded,
                    grade,
                    range,
                    dimensions: s.dimensions,
                    missing: s.missing,
                    products: s.products,
                });
            }
        }
    }
    let mut aggregate = aggregate(rs, sc, units.iter().map(|u| u.exact))?;
    if let Some(a) = &mut aggregate {
        let n = Ratio::int(units.len() as i64);
        let deduction = Ratio::from_decimal(sc.deduction);
        let pemda = |sum: Ratio| sum.checked_div(n).and_then(|m| m.checked_sub(deduction)).ok_or_else(too_precise);
        let (low, high) = (pemda(low_sum)?, pemda(high_sum)?);
        // A deduction that takes the score below 0 leaves 0, which is then reached.
        let open = open && !high.is_negative() && high != Ratio::ZERO;
        a.range = range(rs, low.max(Ratio::ZERO), high.max(Ratio::ZERO), open)?;
        a.trust_included = rs.trust.is_some() && !trust_missing;
    }
    Ok(Outcome { ruleset: rs.id.clone(), aggregate, units, excluded, trust_spread: sc.trust_spread })
}

/// The scenario with every indicator named one way (`Scenario::canonical`), for the
/// commands that work on it further. Only when a name had to change is the scenario
/// first scored as written, so that a problem is named where the user wrote it; an
/// already-canonical scenario (the widget's, every keystroke) is not scored twice.
pub fn canonical<'a>(rs: &Ruleset, sc: &'a Scenario) -> Result<std::borrow::Cow<'a, Scenario>, InputError> {
    let c = sc.canonical(rs)?;
    if matches!(c, std::borrow::Cow::Owned(_)) {
        evaluate(rs, sc)?;
    }
    Ok(c)
}

fn round(rs: &Ruleset, x: Ratio) -> Result<Decimal, InputError> {
    x.round(rs.rounding.places, rs.rounding.mode).ok_or_else(too_precise)
}

/// The final figures of the lowest exact score and of the highest (`open`: a supremum
/// the entries never reach, so the figure just below it).
fn range(rs: &Ruleset, low: Ratio, high: Ratio, open: bool) -> Result<Range, InputError> {
    let low = round(rs, low)?;
    let high = if open { round_below(rs, high)? } else { round(rs, high)? };
    let category_uncertain = band_of(rs, low) != band_of(rs, high);
    Ok(Range { low, high, category_uncertain })
}

/// The largest final figure of a value strictly below `x`. Rounding is a step function
/// that jumps only on the grid of half a unit in the last place; off that grid, values
/// just below `x` round as `x` does, and on it, as `x` less a quarter unit does.
fn round_below(rs: &Ruleset, x: Ratio) -> Result<Decimal, InputError> {
    let places = rs.rounding.places;
    let unit = 10i64.checked_pow(places).ok_or_else(too_precise)?;
    let on_grid = x.checked_mul(Ratio::int(2 * unit)).ok_or_else(too_precise)?.denom() == 1;
    if !on_grid {
        return round(rs, x);
    }
    let quarter = Ratio::new(1, 4 * unit as i128).ok_or_else(too_precise)?;
    round(rs, x.checked_sub(quarter).ok_or_else(too_precise)?)
}

/// What a typed figure may stand for if it was rounded half-up to the decimals typed:
/// [v − h, v + h) with h half a unit in its last place, within [0, max]. Whole
/// numbers are exact. Returns the low end, the high end and whether the high end is
/// only approached (open) rather than reached.
pub fn typed_range(v: Decimal, max: Ratio) -> (Ratio, Ratio, bool) {
    let exact = Ratio::from_decimal(v);
    if v.scale() == 0 {
        return (exact, exact, false);
    }
    let half = Ratio::new(5, 10i128.pow(v.scale() + 1)).unwrap_or(Ratio::ZERO);
    let low = exact.checked_sub(half).map_or(exact, |l| l.max(Ratio::ZERO));
    match exact.checked_add(half) {
        Some(h) if h <= max => (low, h, true),
        _ => (low, max, false),
    }
}

/// The pemda score from exact unit scores: shared by `evaluate` and the planner, which
/// must agree to the last digit on where a grade begins. `Ok(None)`: no unit has data.
pub fn aggregate(rs: &Ruleset, sc: &Scenario, unit_scores: impl Iterator<Item = Ratio>) -> Result<Option<Aggregate>, InputError> {
    let mut sum = Ratio::ZERO;
    let mut n = 0i64;
    for x in unit_scores {
        sum = sum.checked_add(x).ok_or_else(too_precise)?;
        n += 1;
    }
    if n == 0 {
        return Ok(None);
    }
    let mean = sum.checked_div(Ratio::int(n)).ok_or_else(too_precise)?;
    aggregate_of_mean(rs, sc, mean).map(Some)
}

/// The pemda score from the mean of its unit scores (deduction, rounding, grade): the
/// sampling analysis scores each possible sample from its mean alone. The range is the
/// score itself; `evaluate` widens it from the entries.
pub fn aggregate_of_mean(rs: &Ruleset, sc: &Scenario, mean: Ratio) -> Result<Aggregate, InputError> {
    let raw = mean.checked_sub(Ratio::from_decimal(sc.deduction)).ok_or_else(too_precise)?;
    // A deduction larger than the score cannot push it below the scale.
    let exact = if raw.is_negative() { Ratio::ZERO } else { raw };
    let rounded = round(rs, exact)?;
    let g = grade(rs, rounded, sc.followed_up);
    let range = Range { low: rounded, high: rounded, category_uncertain: false };
    Ok(Aggregate { exact, raw, rounded, grade: g, mean, trust_included: false, deduction: sc.deduction, range })
}

fn check_pemda_fields(rs: &Ruleset, sc: &Scenario) -> Result<(), InputError> {
    in_range(sc.deduction, rs.score_max, "deduction")?;
    if !rs.deduction && !sc.deduction.is_zero() {
        return Err(InputError::new("deduction", Problem::NotInRuleset("deduction")));
    }
    if let Some(t) = sc.trust_spread {
        in_range(t, rs.score_max, "trust")?;
        if rs.trust.is_none() {
            return Err(InputError::new("trust", Problem::NotInRuleset("Kepercayaan Masyarakat (trust)")));
        }
    }
    for key in sc.effort.keys().filter(|k| !names_total_or_dimension(rs, k)) {
        rs.lookup(key).map_err(|p| InputError::new(format!("effort.{key}"), p))?;
    }
    Ok(())
}

fn check_locked(rs: &Ruleset, locked: &[String], at: &str) -> Result<(), InputError> {
    for (j, key) in locked.iter().enumerate().filter(|(_, k)| !names_total_or_dimension(rs, k)) {
        rs.lookup(key).map_err(|p| InputError::new(format!("{at}.locked[{j}]"), p))?;
    }
    Ok(())
}

/// A score, deduction or trust value: 0 to the scale's top, with few enough decimals.
pub fn in_range(v: Decimal, max: Decimal, at: &str) -> Result<(), InputError> {
    if v < Decimal::ZERO {
        return Err(InputError::new(at, Problem::BelowMin { value: v, min: Decimal::ZERO }));
    }
    if v > max {
        return Err(InputError::new(at, Problem::AboveMax { value: v, max }));
    }
    if v.normalize().scale() > MAX_DECIMALS {
        return Err(InputError::new(at, Problem::TooManyDecimals { max: MAX_DECIMALS }));
    }
    Ok(())
}

struct UnitScore {
    level: Level,
    exact: Ratio,
    /// The lowest and highest exact score the typed figures allow (`open`: the high end
    /// is approached, not reached).
    low: Ratio,
    high: Ratio,
    open: bool,
    dimensions: Vec<DimensionOutcome>,
    missing: Vec<String>,
    products: usize,
}

fn unit_score(rs: &Ruleset, u: &Unit, at: &str) -> Result<Option<UnitScore>, InputError> {
    if let Some(t) = u.trust {
        let path = format!("{at}.trust");
        if rs.trust.is_none() {
            return Err(InputError::new(path, Problem::NotInRuleset("Kepercayaan Masyarakat (trust)")));
        }
        if matches!(u.entry, Entry::Score(_)) {
            return Err(InputError::new(path, Problem::TrustInTotal));
        }
        in_range(t, rs.score_max, &path)?;
    }
    let max = Ratio::from_decimal(rs.score_max);
    let mut s = match &u.entry {
        Entry::Empty => return Ok(None),
        Entry::Score(s) => {
            in_range(*s, rs.score_max, &format!("{at}.score"))?;
            let exact = Ratio::from_decimal(*s);
            let (low, high, open) = typed_range(*s, max);
            // A total already holds Kepercayaan Masyarakat: nothing is added to it.
            return Ok(Some(UnitScore {
                level: Level::Score,
                exact,
                low,
                high,
                open,
                dimensions: Vec::new(),
                missing: Vec::new(),
                products: rs.products,
            }));
        }
        Entry::Dimensions(m) | Entry::Points(m) if m.is_empty() => return Ok(None),
        Entry::Dimensions(m) => {
            // Per dimension, in the ruleset's order: (score, lowest, highest, open).
            // (Vectors rather than maps keyed by id: each new map type costs the
            // widget's first load kilobytes of tree code.)
            let mut typed = vec![None; rs.dimensions.len()];
            for (k, v) in m {
                let path = format!("{at}.dimensions.{k}");
                let i = dimension_index(rs, k, &path)?;
                in_range(*v, rs.score_max, &path)?;
                let (lo, hi, open) = typed_range(*v, max);
                typed[i] = Some((Ratio::from_decimal(*v), lo, hi, open));
            }
            by_dimension(rs, Level::Dimensions, &typed)?
        }
        Entry::Points(m) => {
            let mut typed = vec![None; rs.dimensions.len()];
            for (k, v) in m {
                let path = format!("{at}.dimension_points.{k}");
                let i = dimension_index(rs, k, &path)?;
                let d = &rs.dimensions[i];
                let (share, top) = points_top(rs, d)?;
                check_points(*v, rs, d, &path)?;
                // Points → the dimension's score: divide by its weight share.
                let (lo, hi, open) = typed_range(*v, top);
                let score = |p: Ratio| p.checked_div(share).ok_or_else(too_precise);
                typed[i] = Some((score(Ratio::from_decimal(*v))?, score(lo)?, score(hi)?, open));
            }
            by_dimension(rs, Level::Points, &typed)?
        }
        Entry::Indicators(m) => match indicator_unit(rs, m, at)? {
            Some(s) => s,
            None => return Ok(None),
        },
    };
    if let Some(t) = &rs.trust {
        // 2025: the dimensions weigh (100 − w) %, the unit's own Kepercayaan Masyarakat w %.
        let w = Ratio::from_decimal(t.weight).checked_div(Ratio::int(100)).ok_or_else(too_precise)?;
        let rest = Ratio::int(1).checked_sub(w).ok_or_else(too_precise)?;
        let trust = match u.trust {
            Some(v) => Ratio::from_decimal(v),
            None => {
                s.missing.push("trust".to_string());
                Ratio::ZERO
            }
        };
        let part = w.checked_mul(trust).ok_or_else(too_precise)?;
        let mix = |x: Ratio| x.checked_mul(rest).and_then(|x| x.checked_add(part)).ok_or_else(too_precise);
        s.exact = mix(s.exact)?;
        s.low = mix(s.low)?;
        s.high = mix(s.high)?;
    }
    Ok(Some(s))
}

/// A dimension's share of the total weight, and the most weighted points it can give
/// (that share of the score's maximum: Input 21,85 of 100).
pub fn points_top(rs: &Ruleset, d: &Dimension) -> Result<(Ratio, Ratio), InputError> {
    let share = Ratio::from_decimal(d.weight).checked_div(Ratio::from_decimal(rs.dimension_weight_total())).ok_or_else(too_precise)?;
    let top = Ratio::from_decimal(rs.score_max).checked_mul(share).ok_or_else(too_precise)?;
    Ok((share, top))
}

/// A dimension's weighted points: 0 up to its share of the maximum, with few enough
/// decimals; the error gives the allowed maximum.
pub fn check_points(v: Decimal, rs: &Ruleset, d: &Dimension, at: &str) -> Result<(), InputError> {
    let (_, top) = points_top(rs, d)?;
    if Ratio::from_decimal(v) > top {
        let shown = top.round(MAX_DECIMALS, crate::engine::number::RoundingMode::Down).ok_or_else(too_precise)?.normalize();
        return Err(InputError::new(at, Problem::AboveMax { value: v, max: shown }));
    }
    in_range(v, rs.score_max, at)
}

/// A unit entered by dimension scores: each typed score and what it may stand for.
/// Where dimension `id` sits in the ruleset, or an error at `path`.
fn dimension_index(rs: &Ruleset, id: &str, path: &str) -> Result<usize, InputError> {
    rs.dimensions.iter().position(|d| d.id == id).ok_or_else(|| InputError::new(path, Problem::UnknownDimension(id.to_string())))
}

/// A unit entered by dimension (scores or points): per dimension in the ruleset's
/// order, its score and the lowest and highest score its typed figure allows.
fn by_dimension(rs: &Ruleset, level: Level, typed: &[Option<(Ratio, Ratio, Ratio, bool)>]) -> Result<UnitScore, InputError> {
    let exact: Vec<(Ratio, bool)> = typed.iter().map(|t| t.map_or((Ratio::ZERO, false), |t| (t.0, true))).collect();
    let missing = rs.dimensions.iter().zip(typed).filter(|(_, t)| t.is_none()).map(|(d, _)| d.id.clone()).collect();
    let end = |pick: fn(&(Ratio, Ratio, Ratio, bool)) -> Ratio| -> Vec<Ratio> {
        typed.iter().map(|t| t.as_ref().map_or(Ratio::ZERO, pick)).collect()
    };
    let low = weighted(rs, &end(|t| t.1))?;
    let high = weighted(rs, &end(|t| t.2))?;
    let open = typed.iter().flatten().any(|t| t.3);
    let mut s = combine(rs, level, exact, missing, rs.products)?;
    s.low = low;
    s.high = high;
    s.open = open;
    Ok(s)
}

/// Σ (weight / Σ weights) · score over the dimensions, in the ruleset's order.
fn weighted(rs: &Ruleset, scores: &[Ratio]) -> Result<Ratio, InputError> {
    let total_w = Ratio::from_decimal(rs.dimension_weight_total());
    let mut sum = Ratio::ZERO;
    for (d, s) in rs.dimensions.iter().zip(scores) {
        let c = Ratio::from_decimal(d.weight).checked_mul(*s).and_then(|x| x.checked_div(total_w)).ok_or_else(too_precise)?;
        sum = sum.checked_add(c).ok_or_else(too_precise)?;
    }
    Ok(sum)
}

/// Weighs dimension scores into a unit score.
fn combine(rs: &Ruleset, level: Level, scores: Vec<(Ratio, bool)>, missing: Vec<String>, products: usize) -> Result<UnitScore, InputError> {
    let total_w = Ratio::from_decimal(rs.dimension_weight_total());
    let mut exact = Ratio::ZERO;
    let mut dimensions = Vec::with_capacity(scores.len());
    for (d, (s, entered)) in rs.dimensions.iter().zip(scores) {
        let contribution = Ratio::from_decimal(d.weight).checked_mul(s).and_then(|x| x.checked_div(total_w)).ok_or_else(too_precise)?;
        exact = exact.checked_add(contribution).ok_or_else(too_precise)?;
        let rounded = s.round(rs.rounding.places, rs.rounding.mode).ok_or_else(too_precise)?;
        dimensions.push(DimensionOutcome { id: d.id.clone(), exact: s, rounded, contribution, entered });
    }
    Ok(UnitScore { level, exact, low: exact, high: exact, open: false, dimensions, missing, products })
}

fn indicator_unit(rs: &Ruleset, m: &SmallMap<String, Values>, at: &str) -> Result<Option<UnitScore>, InputError> {
    if !m.values().any(Values::any_entered) {
        return Ok(None);
    }
    let products = product_count(rs, m, at)?;
    let mut bare = false;
    let mut seen = std::collections::HashSet::new();
    for (k, v) in m {
        // Where the user wrote it: answer counts sit under "responses".
        let field = if matches!(v, Values::Responses(_)) { "responses" } else { "indicators" };
        let path = format!("{at}.{field}.{k}");
        let r = rs.lookup(k).map_err(|p| InputError::new(path.clone(), p))?;
        bare |= !k.contains('.');
        if !seen.insert(r.key()) {
            // A pair ("biaya" and "proses.biaya") is named at the bare one.
            let bare_key = if k.contains('.') { r.indicator.id.clone() } else { k.clone() };
            let field = if matches!(m.get(&bare_key), Some(Values::Responses(_))) { "responses" } else { "indicators" };
            return Err(InputError::new(format!("{at}.{field}.{bare_key}"), Problem::GivenTwice(r.key())));
        }
        let levels: &[Option<Decimal>] = match v {
            Values::One(x) if !r.dimension.per_product => std::slice::from_ref(x),
            Values::PerProduct(xs) if r.dimension.per_product => xs,
            Values::Responses(n) => {
                check_responses(n, r.indicator, &path, r.dimension.per_product)?;
                continue;
            }
            Values::One(_) => return Err(InputError::new(path, Problem::ProductCount { expected: products, got: 1 })),
            Values::PerProduct(_) => return Err(InputError::new(path, Problem::Expected(Expected::SingleValue))),
        };
        for (p, x) in levels.iter().enumerate() {
            if let Some(x) = x {
                let at = if r.dimension.per_product { format!("{path}[{p}]") } else { path.clone() };
                check_level(*x, r.indicator, &at)?;
            }
        }
    }
    // Answer counts may name an unsur by its id alone ("waktu"); score on full keys.
    let full;
    let m = if bare {
        full = m.iter().filter_map(|(k, v)| Some((rs.resolve(k)?.key(), v.clone()))).collect::<SmallMap<_, _>>();
        &full
    } else {
        m
    };
    let mut missing = Vec::new();
    let scores = rs
        .dimensions
        .iter()
        .map(|d| dimension_from_indicators(rs, d, m, products, &mut missing).ok_or_else(too_precise))
        .collect::<Result<Vec<_>, _>>()?;
    combine(rs, Level::Indicators, scores, missing, products).map(Some)
}

/// One count per answer of the scale (4 for IKM's 1–4), at least one respondent.
fn check_responses(n: &[u32], i: &Indicator, at: &str, per_product: bool) -> Result<(), InputError> {
    let answers = (i.max - i.min + 1) as usize;
    if per_product || i.levels_only {
        return Err(InputError::new(at, Problem::Says(Says::NotFromAnswers)));
    }
    if n.len() != answers {
        return Err(InputError::new(
            at,
            Problem::Says(Says::CountsPerAnswer { answers: answers as u64, min: i.min, max: i.max, got: n.len() as u64 }),
        ));
    }
    Ok(())
}

/// The mean answer from counts per answer, exact (`None`: nobody answered).
pub fn responses_mean(n: &[u32], min: u16) -> Option<Ratio> {
    let total: i128 = n.iter().map(|&k| k as i128).sum();
    if total == 0 {
        return None;
    }
    let sum: i128 = n.iter().enumerate().map(|(j, &k)| (min as i128 + j as i128) * k as i128).sum();
    Ratio::new(sum, total)
}

/// All per-product lists of a unit must agree on the number of products.
fn product_count(rs: &Ruleset, m: &SmallMap<String, Values>, at: &str) -> Result<usize, InputError> {
    let mut count: Option<usize> = None;
    for (k, v) in m {
        if let Values::PerProduct(xs) = v {
            let path = format!("{at}.indicators.{k}");
            if xs.is_empty() || xs.len() > 10 {
                return Err(InputError::new(path, Problem::Says(Says::ProductsPerList(xs.len() as u64))));
            }
            match count {
                None => count = Some(xs.len()),
                Some(c) if c != xs.len() => return Err(InputError::new(path, Problem::ProductCount { expected: c, got: xs.len() })),
                Some(_) => {}
            }
        }
    }
    Ok(count.unwrap_or(rs.products))
}

/// A value of an indicator: on its scale; a whole level, or one of the listed levels
/// (`levels_only`), or any number with few enough decimals (`fractional`).
pub fn check_level(x: Decimal, i: &Indicator, at: &str) -> Result<(), InputError> {
    let (min, max) = (i.min, i.max);
    if x > Decimal::from(max) {
        return Err(InputError::new(at, Problem::AboveMax { value: x, max: Decimal::from(max) }));
    }
    if x < Decimal::from(min) {
        return Err(InputError::new(at, Problem::BelowMin { value: x, min: Decimal::from(min) }));
    }
    if i.fractional {
        if x.normalize().scale() > MAX_DECIMALS {
            return Err(InputError::new(at, Problem::TooManyDecimals { max: MAX_DECIMALS }));
        }
        return Ok(());
    }
    if !x.fract().is_zero() {
        return Err(InputError::new(at, Problem::NotALevel { value: x, min, max }));
    }
    if i.levels_only && !i.levels.iter().any(|l| Decimal::from(l.value) == x) {
        let listed = i.levels.iter().map(|l| if l.label.is_empty() { l.value.to_string() } else { format!("{} = {}", l.label, l.value) });
        return Err(InputError::new(at, Problem::NotListed { value: x, levels: listed.collect::<Vec<_>>().join(", ") }));
    }
    Ok(())
}

/// One dimension's score from its indicators. Per-product values are summed over
/// products and the denominator multiplied by the product count: the same as averaging
/// first, with one exact division.
fn dimension_from_indicators(
    rs: &Ruleset,
    d: &Dimension,
    m: &SmallMap<String, Values>,
    products: usize,
    missing: &mut Vec<String>,
) -> Option<(Ratio, bool)> {
    let copies = if d.per_product { products } else { 1 };
    let mut num = Decimal::ZERO;
    // Means of answer counts (3,2571…) are kept apart as exact fractions; plain
    // decimals stay on the fast path.
    let mut num_exact = Ratio::ZERO;
    let mut den = Decimal::ZERO;
    let mut entered = false;
    for i in &d.indicators {
        let key = format!("{}.{}", d.id, i.id);
        den += Decimal::from(i.max) * i.weight * Decimal::from(copies);
        let mut take = |x: &Option<Decimal>, missing_key: String| match x {
            Some(x) => {
                num += *x * i.weight;
                entered = true;
            }
            None => missing.push(missing_key),
        };
        match m.get(&key) {
            None if d.per_product => missing.extend((1..=copies).map(|p| format!("{key}#{p}"))),
            None => missing.push(key),
            Some(Values::One(x)) => take(x, key),
            Some(Values::PerProduct(xs)) => {
                for (p, x) in xs.iter().enumerate() {
                    take(x, format!("{key}#{}", p + 1));
                }
            }
            Some(Values::Responses(n)) => match responses_mean(n, i.min) {
                Some(mean) => {
                    num_exact = num_exact.checked_add(mean.checked_mul(Ratio::from_decimal(i.weight))?)?;
                    entered = true;
                }
                None => missing.push(key),
            },
        }
    }
    let num = Ratio::from_decimal(num).checked_add(num_exact)?;
    let score = Ratio::from_decimal(rs.score_max).checked_mul(num)?.checked_div(Ratio::from_decimal(den))?;
    Some((score, entered))
}
