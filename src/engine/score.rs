//! Scoring, per methodology.md:
//! - dimension score = max · Σ(value·weight) / Σ(max·weight), per-product values
//!   averaged over the unit's products first (max is the ruleset's `score_max`, 100);
//! - unit score = Σ (dimension weight / Σ dimension weights) · dimension score;
//! - pemda score = mean of unit scores (2025: 70 % that mean + 30 % trust) − deduction;
//! - computed as exact fractions and rounded once, at the very end, by the ruleset's rule.

use crate::engine::error::{InputError, Problem};
use crate::engine::exact::Ratio;
use crate::engine::grade::{grade, Grade};
use crate::engine::ruleset::{Dimension, Indicator, Ruleset};
use crate::engine::scenario::{Entry, Scenario, Values};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// Entered scores may carry at most this many decimals; more would only be noise and
/// would make the exact fractions needlessly large.
pub const MAX_DECIMALS: u32 = 6;

/// How a unit was entered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Score,
    Dimensions,
    Indicators,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Score => "score",
            Level::Dimensions => "dimensions",
            Level::Indicators => "indicators",
        }
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
    /// The plain mean of unit scores, before trust and deduction.
    pub mean: Ratio,
    pub trust_included: bool,
    pub deduction: Decimal,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub ruleset: String,
    /// `None` when no unit has data yet.
    pub aggregate: Option<Aggregate>,
    pub units: Vec<UnitOutcome>,
    /// Names of units left out of the aggregate for lack of data.
    pub excluded: Vec<String>,
}

fn too_precise() -> InputError {
    InputError::new("", Problem::TooPrecise)
}

/// Scores a scenario under `rs`, checking every entry against the ruleset.
pub fn evaluate(rs: &Ruleset, sc: &Scenario) -> Result<Outcome, InputError> {
    check_pemda_fields(rs, sc)?;
    let mut units = Vec::new();
    let mut excluded = Vec::new();
    for (i, u) in sc.units.iter().enumerate() {
        let at = format!("units[{i}]");
        check_locked(rs, &u.locked, &at)?;
        match unit_score(rs, &u.entry, &at)? {
            None => excluded.push(u.name.clone()),
            Some(s) => {
                let rounded = s.exact.round(rs.rounding.places, rs.rounding.mode).ok_or_else(too_precise)?;
                units.push(UnitOutcome {
                    index: i,
                    name: u.name.clone(),
                    level: s.level,
                    exact: s.exact,
                    rounded,
                    grade: grade(rs, rounded, None),
                    dimensions: s.dimensions,
                    missing: s.missing,
                    products: s.products,
                });
            }
        }
    }
    let aggregate = aggregate(rs, sc, units.iter().map(|u| u.exact))?;
    Ok(Outcome { ruleset: rs.id.clone(), aggregate, units, excluded })
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

/// The pemda score from the mean of its unit scores (trust, deduction, rounding, grade):
/// the sampling analysis scores each possible sample from its mean alone.
pub fn aggregate_of_mean(rs: &Ruleset, sc: &Scenario, mean: Ratio) -> Result<Aggregate, InputError> {
    let (weighted, trust_included) = match (&rs.trust, sc.trust) {
        (Some(t), Some(trust)) => {
            let w = Ratio::from_decimal(t.weight).checked_div(Ratio::int(100)).ok_or_else(too_precise)?;
            let rest = Ratio::int(1).checked_sub(w).ok_or_else(too_precise)?;
            let combined = mean.checked_mul(rest).and_then(|a| Ratio::from_decimal(trust).checked_mul(w).and_then(|b| a.checked_add(b)));
            (combined.ok_or_else(too_precise)?, true)
        }
        _ => (mean, false),
    };
    let raw = weighted.checked_sub(Ratio::from_decimal(sc.deduction)).ok_or_else(too_precise)?;
    // A deduction larger than the score cannot push it below the scale.
    let exact = if raw.is_negative() { Ratio::ZERO } else { raw };
    let rounded = exact.round(rs.rounding.places, rs.rounding.mode).ok_or_else(too_precise)?;
    let g = grade(rs, rounded, sc.followed_up);
    Ok(Aggregate { exact, raw, rounded, grade: g, mean, trust_included, deduction: sc.deduction })
}

fn check_pemda_fields(rs: &Ruleset, sc: &Scenario) -> Result<(), InputError> {
    in_range(sc.deduction, rs.score_max, "deduction")?;
    if !rs.deduction && !sc.deduction.is_zero() {
        return Err(InputError::new("deduction", Problem::NotInRuleset("deduction")));
    }
    if let Some(t) = sc.trust {
        in_range(t, rs.score_max, "trust")?;
        if rs.trust.is_none() {
            return Err(InputError::new("trust", Problem::NotInRuleset("Kepercayaan Masyarakat (trust)")));
        }
    }
    for key in sc.effort.keys() {
        if rs.indicator(key).is_none() {
            return Err(InputError::new(format!("effort.{key}"), Problem::UnknownIndicator(key.clone())));
        }
    }
    Ok(())
}

fn check_locked(rs: &Ruleset, locked: &[String], at: &str) -> Result<(), InputError> {
    for (j, key) in locked.iter().enumerate() {
        if rs.indicator(key).is_none() {
            return Err(InputError::new(format!("{at}.locked[{j}]"), Problem::UnknownIndicator(key.clone())));
        }
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
    dimensions: Vec<DimensionOutcome>,
    missing: Vec<String>,
    products: usize,
}

fn unit_score(rs: &Ruleset, entry: &Entry, at: &str) -> Result<Option<UnitScore>, InputError> {
    match entry {
        Entry::Empty => Ok(None),
        Entry::Score(s) => {
            in_range(*s, rs.score_max, &format!("{at}.score"))?;
            let exact = Ratio::from_decimal(*s);
            Ok(Some(UnitScore { level: Level::Score, exact, dimensions: Vec::new(), missing: Vec::new(), products: rs.products }))
        }
        Entry::Dimensions(m) if m.is_empty() => Ok(None),
        Entry::Dimensions(m) => {
            for (k, v) in m {
                let path = format!("{at}.dimensions.{k}");
                if rs.dimension(k).is_none() {
                    return Err(InputError::new(path, Problem::UnknownDimension(k.clone())));
                }
                in_range(*v, rs.score_max, &path)?;
            }
            let scores: Vec<(Ratio, bool)> =
                rs.dimensions.iter().map(|d| m.get(&d.id).map_or((Ratio::ZERO, false), |v| (Ratio::from_decimal(*v), true))).collect();
            let missing = rs.dimensions.iter().zip(&scores).filter(|(_, s)| !s.1).map(|(d, _)| d.id.clone()).collect();
            combine(rs, Level::Dimensions, scores, missing, rs.products).map(Some)
        }
        Entry::Indicators(m) => indicator_unit(rs, m, at),
    }
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
    Ok(UnitScore { level, exact, dimensions, missing, products })
}

fn indicator_unit(rs: &Ruleset, m: &BTreeMap<String, Values>, at: &str) -> Result<Option<UnitScore>, InputError> {
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
        let r = rs.resolve(k).ok_or_else(|| InputError::new(path.clone(), Problem::UnknownIndicator(k.clone())))?;
        bare |= !k.contains('.');
        if !seen.insert(r.key()) {
            return Err(InputError::new(path, Problem::Invalid(format!("{} is given twice", r.key()))));
        }
        let levels: &[Option<Decimal>] = match v {
            Values::One(x) if !r.dimension.per_product => std::slice::from_ref(x),
            Values::PerProduct(xs) if r.dimension.per_product => xs,
            Values::Responses(n) => {
                check_responses(n, r.indicator, &path, r.dimension.per_product)?;
                continue;
            }
            Values::One(_) => return Err(InputError::new(path, Problem::ProductCount { expected: products, got: 1 })),
            Values::PerProduct(_) => {
                return Err(InputError::new(path, Problem::Expected("a single value (this indicator is not per product)")))
            }
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
        full = m.iter().filter_map(|(k, v)| Some((rs.resolve(k)?.key(), v.clone()))).collect::<BTreeMap<_, _>>();
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
        return Err(InputError::new(at, Problem::Invalid("this indicator is not scored from respondents' answers".into())));
    }
    if n.len() != answers {
        return Err(InputError::new(
            at,
            Problem::Invalid(format!("give {answers} counts, how many respondents answered {} to {} (got {})", i.min, i.max, n.len())),
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
fn product_count(rs: &Ruleset, m: &BTreeMap<String, Values>, at: &str) -> Result<usize, InputError> {
    let mut count: Option<usize> = None;
    for (k, v) in m {
        if let Values::PerProduct(xs) = v {
            let path = format!("{at}.indicators.{k}");
            if xs.is_empty() || xs.len() > 10 {
                return Err(InputError::new(path, Problem::Invalid(format!("give 1 to 10 products (got {})", xs.len()))));
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
    m: &BTreeMap<String, Values>,
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
