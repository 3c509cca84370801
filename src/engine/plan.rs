//! The gap planner: the cheapest set of indicator changes that lifts the rounded pemda
//! score to the lower bound of the target category.
//!
//! Scores are linear in indicator levels, so one level step of indicator i in unit u
//! always adds the same exact amount to the pemda score:
//!     (W_d / ΣW) · max · w_i / den_d(u) · f / n
//! (den_d(u) = Σ max·weight over dimension d, times the unit's products for per-product
//! dimensions; n = units in the aggregate; f = the dimensions' share of a unit's score,
//! 70 % in 2025, where each unit's own Kepercayaan Masyarakat weighs the other 30 %). Steps with the same gain and effort are interchangeable wherever they sit,
//! so they are pooled and handed to an exact covering knapsack (`knapsack::cover`).

use crate::engine::error::{InputError, Problem};
use crate::engine::exact::{gcd, Ratio};
use crate::engine::grade::threshold;
use crate::engine::knapsack::{cover, Pool};
use crate::engine::number::RoundingMode;
use crate::engine::ruleset::{Indicator, Ruleset};
use crate::engine::scenario::{Entry, Scenario, Values};
use crate::engine::score::{evaluate, Level, Outcome};
use rust_decimal::Decimal;
use std::collections::{BTreeMap, HashMap, HashSet};

// Serialize/Deserialize: the widget receives plans from its worker as JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum Objective {
    /// Fewest level steps, each weighted by its indicator's effort.
    #[default]
    Steps,
    /// Fewest entries changed (an entry is one indicator of one unit and product).
    Indicators,
}

impl Objective {
    pub fn parse(s: &str) -> Option<Objective> {
        match s {
            "steps" => Some(Objective::Steps),
            "indicators" => Some(Objective::Indicators),
            _ => None,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Objective::Steps => "steps",
            Objective::Indicators => "indicators",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Status {
    /// A plan reaches the target.
    Planned,
    /// The score already is in the target category or above it.
    AlreadyThere,
    /// The score is in the top category: there is nothing above.
    AtTop,
    /// Even every unlocked entry at its maximum falls short.
    Unreachable,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Planned => "planned",
            Status::AlreadyThere => "already_there",
            Status::AtTop => "at_top",
            Status::Unreachable => "unreachable",
        }
    }
}

/// Raise one entry from `from` to `to`.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Step {
    pub unit_index: usize,
    pub unit: String,
    /// "proses.maklumat"
    pub indicator: String,
    /// 1-based, for per-product indicators only.
    pub product: Option<usize>,
    /// Levels (or, for a mean, the mean to two decimals).
    #[serde(with = "crate::engine::number::serde_str")]
    pub from: Decimal,
    #[serde(with = "crate::engine::number::serde_str")]
    pub to: Decimal,
    /// What this change adds to the pemda score, exact.
    pub gain: Ratio,
    /// `false` when the entry was not filled in (it counted as 0).
    pub entered: bool,
    /// For an unsur entered as answer counts: the counts before and after moving
    /// `respondents` answers to the top answer (`from`/`to` are then 0).
    pub responses: Option<ResponseChange>,
}

/// Respondents answering the top answer (4) instead of a lower one; the sample size
/// stays as it is, as an SKM sample is fixed by the population table.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ResponseChange {
    pub respondents: u32,
    pub before: Vec<u32>,
    pub after: Vec<u32>,
    /// The lowest answer (1 for IKM): `before[0]` counts it.
    pub min: u16,
}

/// For a unit entered as a total or as dimension scores: the points it (or one of its
/// dimensions) would need on its own to reach the target.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Alternative {
    pub unit_index: usize,
    pub unit: String,
    /// `None`: the unit's total; `Some(id)`: that dimension's score.
    pub dimension: Option<String>,
    /// An indicator entered as a mean ("unsur.waktu"): the mean it alone would need is
    /// `to` (then `dimension` is `None`).
    pub indicator: Option<String>,
    #[serde(with = "crate::engine::number::serde_str::opt")]
    pub to: Option<Decimal>,
    #[serde(with = "crate::engine::number::serde_str")]
    pub points: Decimal,
    /// Whether that many points fit under the maximum.
    pub possible: bool,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Plan {
    pub status: Status,
    pub objective: Objective,
    pub target: Option<String>,
    #[serde(with = "crate::engine::number::serde_str::opt")]
    pub threshold: Option<Decimal>,
    #[serde(with = "crate::engine::number::serde_str")]
    pub score_before: Decimal,
    pub category_before: String,
    #[serde(with = "crate::engine::number::serde_str")]
    pub score_after: Decimal,
    pub category_after: String,
    /// Threshold − score shown ("to reach A you need +2,41 points").
    #[serde(with = "crate::engine::number::serde_str::opt")]
    pub points_needed: Option<Decimal>,
    pub cost: u64,
    pub steps: Vec<Step>,
    /// When unreachable: the rounded score with every unlocked entry at its maximum.
    #[serde(with = "crate::engine::number::serde_str::opt")]
    pub best_reachable: Option<Decimal>,
    pub alternatives: Vec<Alternative>,
}

/// One changeable entry: an indicator of a unit (and product), not locked, below its
/// top. Its ladder is the values it can be raised through, in order.
#[derive(Debug, Clone)]
struct Changeable {
    unit_index: usize,
    key: String,
    product: Option<usize>,
    entered: bool,
    kind: Kind,
}

#[derive(Debug, Clone)]
enum Kind {
    /// From `from` up the listed `ladder`: every whole level, SAKIP's letters, or a
    /// mean in steps of 0,01.
    Level { from: Decimal, ladder: Vec<Decimal> },
    /// Answer counts; one ladder step moves one answer, lowest first, to the top answer.
    Responses { counts: Vec<u32>, min: u16 },
}

/// A run of ladder steps of one entry with the same gain: the knapsack's unit of choice.
/// Steps of one entry are taken in ladder order; gains never grow along a ladder
/// (`concave_runs`), so the cheapest cover can always be taken as a prefix.
#[derive(Debug, Clone)]
struct Slot {
    entry: usize,
    unit_index: usize,
    /// Gain of one unit of `room`.
    gain: Ratio,
    room: u32,
    /// Effort of one unit of `room`.
    effort: u32,
    /// Ladder steps in one unit of `room` (more than 1 where a rising gain was merged).
    steps: u32,
}

fn too_precise() -> InputError {
    InputError::new("", Problem::TooPrecise)
}

pub fn plan(rs: &Ruleset, sc: &Scenario, target: Option<&str>, objective: Objective) -> Result<Plan, InputError> {
    // Checked as written, so errors name the place the user wrote; the planner then
    // works on indicators named one way (a bare "biaya" is "proses.biaya").
    let outcome = evaluate(rs, sc)?;
    let sc = &*sc.canonical(rs)?;
    let agg = outcome.aggregate.as_ref().ok_or_else(|| InputError::new("units", Problem::NoData))?;
    let current = agg.grade.band;
    let target_band = match target {
        Some(cat) => Some(rs.bands.iter().position(|b| b.category == cat).ok_or_else(|| {
            let known: Vec<&str> = rs.bands.iter().map(|b| b.category.as_str()).collect();
            InputError::new("target", Problem::Invalid(format!("unknown category {cat:?}; this ruleset has {}", known.join(", "))))
        })?),
        None if current == 0 => None,
        None => Some(current - 1),
    };
    let mut result = Plan {
        status: Status::AtTop,
        objective,
        target: target_band.map(|b| rs.bands[b].category.clone()),
        threshold: target_band.map(|b| threshold(rs, b)),
        score_before: agg.rounded,
        category_before: agg.grade.category.clone(),
        score_after: agg.rounded,
        category_after: agg.grade.category.clone(),
        points_needed: None,
        cost: 0,
        steps: Vec::new(),
        best_reachable: None,
        alternatives: Vec::new(),
    };
    let Some(tb) = target_band else { return Ok(result) };
    if tb >= current {
        result.status = Status::AlreadyThere;
        return Ok(result);
    }
    let t = threshold(rs, tb);
    result.points_needed = Some(t - agg.rounded);

    let (floor, inclusive) = lowest_score_rounding_to(t, rs.rounding.places, rs.rounding.mode);
    let need = floor.checked_sub(agg.raw).ok_or_else(too_precise)?;
    // Units' share of the pemda score, per unit.
    let share = units_share(rs, &outcome)?;
    result.alternatives = alternatives(rs, &outcome, need, share, inclusive)?;

    let (entries, slots) = changeables(rs, sc, &outcome, share)?;
    result.alternatives.extend(mean_alternatives(rs, sc, &outcome, need, share, inclusive)?);
    let (unit, need_units) = integer_scale(&slots, need, inclusive)?;
    let Some(raise) = cheapest_touching_fewest_units(&slots, &unit, need_units, objective) else {
        result.status = Status::Unreachable;
        let all: Vec<u32> = slots.iter().map(|s| s.room).collect();
        result.best_reachable = Some(apply(rs, sc, &entries, &ladder_steps(&entries, &slots, &all))?.0);
        return Ok(result);
    };
    let taken = ladder_steps(&entries, &slots, &raise);
    let (after, category_after) = apply(rs, sc, &entries, &taken)?;
    result.status = Status::Planned;
    result.score_after = after;
    result.category_after = category_after;
    result.cost = plan_cost(&slots, &raise, objective);
    result.steps = steps_taken(sc, &entries, &slots, &taken)?;
    Ok(result)
}

/// The steps `taken[e]` ladder rungs of each entry make, in unit order.
fn steps_taken(sc: &Scenario, entries: &[Changeable], slots: &[Slot], taken: &[u32]) -> Result<Vec<Step>, InputError> {
    let mut steps = Vec::new();
    for (idx, (e, &k)) in entries.iter().zip(taken).enumerate().filter(|(_, (_, k))| **k > 0) {
        let gain = entry_gain(slots, idx, k).ok_or_else(too_precise)?;
        let (from, to, responses) = match &e.kind {
            Kind::Level { from, ladder } => (*from, ladder[k as usize - 1], None),
            Kind::Responses { counts, min } => (
                Decimal::ZERO,
                Decimal::ZERO,
                Some(ResponseChange { respondents: k, before: counts.clone(), after: moved_to_top(counts, k), min: *min }),
            ),
        };
        steps.push(Step {
            unit_index: e.unit_index,
            unit: sc.units[e.unit_index].name.clone(),
            indicator: e.key.clone(),
            product: e.product.map(|p| p + 1),
            from,
            to,
            gain,
            entered: e.entered,
            responses,
        });
    }
    steps.sort_by_key(|s| (s.unit_index, s.indicator.clone(), s.product));
    Ok(steps)
}

/// What the planner could raise in a scenario, for plans on part of it (the robust
/// plan): every changeable entry with its runs of equal gain, gains in pemda points
/// for a sample of the given size.
pub struct Lifts {
    entries: Vec<Changeable>,
    slots: Vec<Slot>,
    /// Pemda points per point of one unit's score in such a sample: f / size.
    pub share: Ratio,
}

/// One run of steps of a unit: its gain per step (pemda points), how many steps, and
/// the effort of each.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Run {
    pub gain: Ratio,
    pub room: u32,
    pub effort: u32,
}

impl Lifts {
    pub fn new(rs: &Ruleset, sc: &Scenario, size: usize) -> Result<Lifts, InputError> {
        let outcome = evaluate(rs, sc)?;
        outcome.aggregate.as_ref().ok_or_else(|| InputError::new("units", Problem::NoData))?;
        let all = units_share(rs, &outcome)?;
        // The share is f / n for the n units scored here; a sample has `size`.
        let share = all
            .checked_mul(Ratio::int(outcome.units.len() as i64))
            .and_then(|f| f.checked_div(Ratio::int(size as i64)))
            .ok_or_else(too_precise)?;
        let (entries, slots) = changeables(rs, sc, &outcome, share)?;
        Ok(Lifts { entries, slots, share })
    }

    /// The runs of the units in `units`.
    pub fn runs(&self, units: &[usize]) -> Vec<Run> {
        self.slots.iter().filter(|s| units.contains(&s.unit_index)).map(|s| Run { gain: s.gain, room: s.room, effort: s.effort }).collect()
    }

    /// The cheapest steps on `units` adding at least `need` pemda points, and their
    /// cost in effort; `None` when those units cannot add that much.
    pub fn cheapest(&self, sc: &Scenario, units: &[usize], need: Ratio) -> Result<Option<(Vec<Step>, u64)>, InputError> {
        if need <= Ratio::ZERO {
            return Ok(Some((Vec::new(), 0)));
        }
        let idx: Vec<usize> = (0..self.slots.len()).filter(|&i| units.contains(&self.slots[i].unit_index)).collect();
        let sub: Vec<Slot> = idx.iter().map(|&i| self.slots[i].clone()).collect();
        let (gains, n) = integer_scale(&sub, need, true)?;
        let Some(raise) = by_steps(&sub, &gains, n) else { return Ok(None) };
        // In ladder order, and topped up where merged runs fell short (as `plan` does).
        let raise = top_up(&sub, &gains, n, prefix_form(&sub, &raise));
        let mut full = vec![0u32; self.slots.len()];
        for (k, &i) in idx.iter().enumerate() {
            full[i] = raise[k];
        }
        let taken = ladder_steps(&self.entries, &self.slots, &full);
        Ok(Some((steps_taken(sc, &self.entries, &self.slots, &taken)?, plan_cost(&self.slots, &full, Objective::Steps))))
    }
}

/// The pemda score (before clamping) a score needs to reach band `band` when rounded,
/// and whether that value itself counts.
pub fn floor_of(rs: &Ruleset, band: usize) -> (Ratio, bool) {
    lowest_score_rounding_to(threshold(rs, band), rs.rounding.places, rs.rounding.mode)
}

/// What the scenario still needs, in exact pemda points, to reach band `band` (`None`
/// when it is there): for the robust plan's lower bound.
pub fn points_to(rs: &Ruleset, sc: &Scenario, band: usize) -> Result<Option<Ratio>, InputError> {
    let outcome = evaluate(rs, sc)?;
    let agg = outcome.aggregate.as_ref().ok_or_else(|| InputError::new("units", Problem::NoData))?;
    if agg.grade.band <= band {
        return Ok(None);
    }
    let (floor, _) = lowest_score_rounding_to(threshold(rs, band), rs.rounding.places, rs.rounding.mode);
    floor.checked_sub(agg.raw).map(Some).ok_or_else(too_precise)
}

/// Per unit (scenario index), the most pemda points one unit of effort can add to the
/// score of a sample of `size` units that contains it.
pub fn unit_rates(rs: &Ruleset, sc: &Scenario, size: usize) -> Result<BTreeMap<usize, Ratio>, InputError> {
    let lifts = Lifts::new(rs, sc, size)?;
    let mut best: BTreeMap<usize, Ratio> = BTreeMap::new();
    for s in &lifts.slots {
        let rate = s.gain.checked_div(Ratio::int(s.effort.max(1) as i64)).ok_or_else(too_precise)?;
        let b = best.entry(s.unit_index).or_insert(rate);
        *b = (*b).max(rate);
    }
    Ok(best)
}

/// The lowest exact score that rounds to at least `t`, and whether that score itself
/// counts (`true`) or only scores strictly above it do.
fn lowest_score_rounding_to(t: Decimal, places: u32, mode: RoundingMode) -> (Ratio, bool) {
    let t = Ratio::from_decimal(t);
    let ulp = Ratio::new(1, 10i128.pow(places)).expect("10^places > 0");
    let half = Ratio::new(1, 2 * 10i128.pow(places)).expect("> 0");
    match mode {
        RoundingMode::HalfUp => (t.checked_sub(half).unwrap_or(t), true),
        RoundingMode::HalfEven => {
            // The midpoint below t rounds up to t only when t's last digit is even.
            let last_digit_even = t.checked_mul(Ratio::int(10i64.pow(places))).is_none_or(|x| x.numer() % 2 == 0);
            (t.checked_sub(half).unwrap_or(t), last_digit_even)
        }
        RoundingMode::Down => (t, true),
        RoundingMode::Up => (t.checked_sub(ulp).unwrap_or(t), false),
    }
}

/// How much one point of a unit's dimension score moves the pemda score: f / n, where
/// f is the dimensions' share of a unit's score (2025: 70 %; before: all of it).
fn units_share(rs: &Ruleset, outcome: &Outcome) -> Result<Ratio, InputError> {
    let n = Ratio::int(outcome.units.len() as i64);
    let f = match &rs.trust {
        Some(t) => Ratio::int(1).checked_sub(Ratio::from_decimal(t.weight).checked_div(Ratio::int(100)).ok_or_else(too_precise)?),
        None => Some(Ratio::int(1)),
    };
    f.and_then(|f| f.checked_div(n)).ok_or_else(too_precise)
}

/// What one point of a weight-1 indicator of dimension `d` adds to the pemda score:
/// (W_d / ΣW) · max / den · share, where den = Σ max · weight over the dimension, times
/// `copies` (the unit's products, for per-product dimensions).
fn point_gain(rs: &Ruleset, d: &crate::engine::ruleset::Dimension, copies: usize, share: Ratio) -> Result<Ratio, InputError> {
    let den: Decimal = d.indicators.iter().map(|i| Decimal::from(i.max) * i.weight * Decimal::from(copies)).sum();
    Ratio::from_decimal(d.weight)
        .checked_div(Ratio::from_decimal(rs.dimension_weight_total()))
        .and_then(|x| x.checked_mul(Ratio::from_decimal(rs.score_max)))
        .and_then(|x| x.checked_div(Ratio::from_decimal(den)))
        .and_then(|x| x.checked_mul(share))
        .ok_or_else(too_precise)
}

/// Every entry the planner may raise, and its ladder cut into runs of equal gain.
fn changeables(rs: &Ruleset, sc: &Scenario, outcome: &Outcome, share: Ratio) -> Result<(Vec<Changeable>, Vec<Slot>), InputError> {
    let mut entries = Vec::new();
    let mut slots = Vec::new();
    for u in outcome.units.iter().filter(|u| u.level == Level::Indicators) {
        let unit = &sc.units[u.index];
        let Entry::Indicators(values) = &unit.entry else { continue };
        let locked: HashSet<&str> = unit.locked.iter().map(String::as_str).collect();
        for d in &rs.dimensions {
            let copies = if d.per_product { u.products } else { 1 };
            let per_weight = point_gain(rs, d, copies, share)?;
            for i in &d.indicators {
                let key = format!("{}.{}", d.id, i.id);
                if locked.contains(key.as_str()) {
                    continue;
                }
                let per_point = per_weight.checked_mul(Ratio::from_decimal(i.weight)).ok_or_else(too_precise)?;
                let effort = sc.effort.get(&key).copied().unwrap_or(1);
                let value = values.get(&key).or_else(|| values.get(&i.id).filter(|_| rs.resolve(&i.id).is_some()));
                for p in 0..copies {
                    let (kind, entered, point_gains) = match value {
                        Some(Values::Responses(counts)) => {
                            let Some(ladder) = response_ladder(counts, i.min, i.max) else { continue };
                            (Kind::Responses { counts: counts.clone(), min: i.min }, true, ladder)
                        }
                        other => {
                            let current = match other {
                                Some(Values::One(x)) => *x,
                                Some(Values::PerProduct(xs)) => xs.get(p).copied().flatten(),
                                _ => None,
                            };
                            // Not entered counts as 0 (the first step then reaches min).
                            let from = current.unwrap_or(Decimal::ZERO);
                            let ladder = ladder(i, from);
                            let mut prev = from;
                            let gains = ladder
                                .iter()
                                .map(|&v| {
                                    let g = Ratio::from_decimal(v - prev);
                                    prev = v;
                                    g
                                })
                                .collect();
                            (Kind::Level { from, ladder }, current.is_some(), gains)
                        }
                    };
                    if point_gains.is_empty() {
                        continue;
                    }
                    let entry = entries.len();
                    for (steps, points) in concave_runs(point_gains) {
                        let (gain, count) = points;
                        slots.push(Slot {
                            entry,
                            unit_index: u.index,
                            gain: gain.checked_mul(per_point).ok_or_else(too_precise)?,
                            room: count,
                            effort: effort.saturating_mul(steps),
                            steps,
                        });
                    }
                    entries.push(Changeable { unit_index: u.index, key: key.clone(), product: d.per_product.then_some(p), entered, kind });
                }
            }
        }
    }
    Ok((entries, slots))
}

/// The values above `from` an indicator can be raised through, in order: its listed
/// levels (`levels_only`), its whole levels, or for a mean every 0,01 up to the top.
fn ladder(i: &Indicator, from: Decimal) -> Vec<Decimal> {
    let min = Decimal::from(i.min);
    let mut out: Vec<Decimal> = if i.levels_only {
        let mut v: Vec<Decimal> = i.levels.iter().map(|l| Decimal::from(l.value)).filter(|&v| v > from).collect();
        v.sort_unstable();
        v
    } else {
        let step = if i.fractional { Decimal::new(1, 2) } else { Decimal::ONE };
        // The first value above `from` on the step grid, and never below the scale.
        let mut v = ((from / step).floor() + Decimal::ONE) * step;
        if v < min {
            v = min;
        }
        let max = Decimal::from(i.max);
        let mut out = Vec::new();
        while v <= max {
            out.push(v);
            v += step;
        }
        out
    };
    out.dedup();
    out
}

/// Points each successive answer moved to the top adds to an unsur's mean: the lowest
/// answers first, (top − answer) / respondents each. `None` when nobody answered.
fn response_ladder(counts: &[u32], min: u16, max: u16) -> Option<Vec<Ratio>> {
    let total: i64 = counts.iter().map(|&n| n as i64).sum();
    if total == 0 {
        return None;
    }
    let mut out = Vec::new();
    for (j, &n) in counts.iter().enumerate() {
        let answer = min as i64 + j as i64;
        if answer < max as i64 {
            let g = Ratio::new((max as i64 - answer) as i128, total as i128)?;
            out.extend(std::iter::repeat_n(g, n as usize));
        }
    }
    Some(out)
}

/// `k` answers moved from the lowest to the top answer.
fn moved_to_top(counts: &[u32], k: u32) -> Vec<u32> {
    let mut out = counts.to_vec();
    let top = out.len() - 1;
    let mut left = k;
    for n in out.iter_mut().take(top) {
        let m = (*n).min(left);
        *n -= m;
        left -= m;
    }
    out[top] += k - left;
    out
}

/// Cuts a ladder's step gains into runs `(steps per unit, (gain per unit, units))` whose
/// gains never rise, merging a rising step into the one before (pool adjacent
/// violators), so taking units in order is also taking the best units first.
fn concave_runs(gains: Vec<Ratio>) -> Vec<(u32, (Ratio, u32))> {
    // Segments as (total gain, steps), averages non-increasing.
    let mut segs: Vec<(Ratio, u32)> = Vec::new();
    for g in gains {
        let mut cur = (g, 1u32);
        while let Some(&(tg, ts)) = segs.last() {
            // cur average > top average ⇔ cur.g · ts > tg · cur.s
            let rises = cur.0.checked_mul(Ratio::int(ts as i64)).zip(tg.checked_mul(Ratio::int(cur.1 as i64))).is_some_and(|(a, b)| a > b);
            if !rises {
                break;
            }
            // Too large to add exactly: left unmerged, `top_up` still reaches the need.
            let Some(sum) = cur.0.checked_add(tg) else { break };
            segs.pop();
            cur = (sum, cur.1 + ts);
        }
        segs.push(cur);
    }
    let mut runs: Vec<(u32, (Ratio, u32))> = Vec::new();
    for (g, steps) in segs {
        match runs.last_mut() {
            Some((s, (rg, n))) if *s == steps && *rg == g => *n += 1,
            _ => runs.push((steps, (g, 1))),
        }
    }
    runs
}

/// Ladder steps per entry from units of room per slot, taken in ladder order: the
/// cover's units become the entry's first steps (same count and cost, gain at least).
fn ladder_steps(entries: &[Changeable], slots: &[Slot], raise: &[u32]) -> Vec<u32> {
    let mut out = vec![0u32; entries.len()];
    for (s, &k) in slots.iter().zip(raise) {
        out[s.entry] += k * s.steps;
    }
    out
}

/// The exact gain of entry `idx`'s first `taken` ladder steps.
fn entry_gain(slots: &[Slot], idx: usize, taken: u32) -> Option<Ratio> {
    let mut left = taken;
    let mut total = Ratio::ZERO;
    for s in slots.iter().filter(|s| s.entry == idx) {
        let units = (left / s.steps).min(s.room);
        total = total.checked_add(s.gain.checked_mul(Ratio::int(units as i64))?)?;
        left -= units * s.steps;
        if left == 0 {
            break;
        }
    }
    Some(total)
}

/// Expresses every step gain and the need as whole multiples of one common unit, so
/// the knapsack works on integers without losing exactness.
fn integer_scale(slots: &[Slot], need: Ratio, inclusive: bool) -> Result<(Vec<i128>, i128), InputError> {
    let mut l: i128 = need.denom();
    for s in slots {
        let g = gcd(l, s.gain.denom());
        l = (l / g).checked_mul(s.gain.denom()).ok_or_else(too_precise)?;
    }
    let scaled = |r: Ratio| r.numer().checked_mul(l / r.denom()).ok_or_else(too_precise);
    let gains = slots.iter().map(|s| scaled(s.gain)).collect::<Result<Vec<_>, _>>()?;
    let n = scaled(need)?;
    // need is exact in these units: reach it (inclusive) or pass it (exclusive).
    Ok((gains, if inclusive { n } else { n + 1 }))
}

/// Units with indicator data up to which ties are broken exactly (2^8 subsets at most).
const EXACT_TIE_BREAK_UNITS: usize = 8;

/// The cheapest plan; among plans of that cost, one touching the fewest units. Up to
/// `EXACT_TIE_BREAK_UNITS` units, every set of units is tried in increasing size, so the
/// tie-break is exact for a typical sample; beyond that, the solvers' own preference for
/// units already in the plan decides.
fn cheapest_touching_fewest_units(slots: &[Slot], gain: &[i128], need: i128, objective: Objective) -> Option<Vec<u32>> {
    let solve = |keep: &dyn Fn(usize) -> bool| {
        let idx: Vec<usize> = (0..slots.len()).filter(|&i| keep(slots[i].unit_index)).collect();
        let sub: Vec<Slot> = idx.iter().map(|&i| slots[i].clone()).collect();
        let g: Vec<i128> = idx.iter().map(|&i| gain[i]).collect();
        let r = match objective {
            Objective::Steps => by_steps(&sub, &g, need),
            Objective::Indicators => by_indicators(&sub, &g, need),
        }?;
        let mut full = vec![0u32; slots.len()];
        for (k, &i) in idx.iter().enumerate() {
            full[i] = r[k];
        }
        Some(top_up(slots, gain, need, prefix_form(slots, &full)))
    };
    let best = solve(&|_| true)?;
    let cost = plan_cost(slots, &best, objective);
    let mut units: Vec<usize> = slots.iter().map(|s| s.unit_index).collect();
    units.sort_unstable();
    units.dedup();
    let touched = touched_units(slots, &best);
    if units.len() > EXACT_TIE_BREAK_UNITS || touched <= 1 {
        return Some(best);
    }
    // What each unit could add at most: a set of units that cannot reach the need even
    // with everything raised is skipped without solving.
    let most: Vec<i128> =
        units.iter().map(|&u| slots.iter().zip(gain).filter(|(s, _)| s.unit_index == u).map(|(s, g)| g * s.room as i128).sum()).collect();
    for size in 1..touched {
        for mask in 0u32..(1 << units.len()) {
            if mask.count_ones() as usize != size {
                continue;
            }
            let reach: i128 = (0..units.len()).filter(|p| mask & (1 << p) != 0).map(|p| most[p]).sum();
            if reach < need {
                continue;
            }
            let keep = |u: usize| units.iter().position(|&x| x == u).is_some_and(|p| mask & (1 << p) != 0);
            if objective == Objective::Steps && fractional_cost_exceeds(slots, gain, need, cost, &keep) {
                continue;
            }
            if let Some(r) = solve(&keep) {
                if plan_cost(slots, &r, objective) == cost {
                    return Some(r);
                }
            }
        }
    }
    Some(best)
}

/// Whether even fractional steps (best gain per effort first, the last one in part)
/// cost more than `cost` using only the kept units' slots. That relaxation never costs
/// more than a real plan, so when it exceeds `cost` no plan of those units can tie.
fn fractional_cost_exceeds(slots: &[Slot], gain: &[i128], need: i128, cost: u64, keep: &dyn Fn(usize) -> bool) -> bool {
    let mut items: Vec<(i128, i128, i128)> =
        slots.iter().zip(gain).filter(|(s, _)| keep(s.unit_index)).map(|(s, &g)| (g, s.effort as i128, s.room as i128)).collect();
    // g_a / e_a > g_b / e_b  ⇔  g_a · e_b > g_b · e_a
    items.sort_by(|a, b| (b.0 * a.1).cmp(&(a.0 * b.1)));
    let (mut got, mut spent) = (0i128, 0i128);
    for (g, e, room) in items {
        let left = need - got;
        if left <= 0 {
            break;
        }
        if g * room >= left {
            // spent + left · e / g > cost  ⇔  spent · g + left · e > cost · g
            return spent * g + left * e > cost as i128 * g;
        }
        got += g * room;
        spent += e * room;
    }
    got < need || spent > cost as i128
}

fn plan_cost(slots: &[Slot], raise: &[u32], objective: Objective) -> u64 {
    match objective {
        Objective::Steps => slots.iter().zip(raise).map(|(s, &k)| s.effort as u64 * k as u64).sum(),
        Objective::Indicators => {
            let entries: HashSet<usize> = slots.iter().zip(raise).filter(|(_, &k)| k > 0).map(|(s, _)| s.entry).collect();
            entries.len() as u64
        }
    }
}

/// The same number of units per entry, taken from the entry's first runs: runs come
/// in ladder order, so this is a change people can make (no letter skipped), and with
/// gains that never rise along a ladder it gains at least as much for the same cost.
fn prefix_form(slots: &[Slot], raise: &[u32]) -> Vec<u32> {
    let mut per_entry: HashMap<usize, u32> = HashMap::new();
    for (s, &k) in slots.iter().zip(raise) {
        *per_entry.entry(s.entry).or_insert(0) += k;
    }
    slots
        .iter()
        .map(|s| {
            let left = per_entry.get_mut(&s.entry).expect("counted above");
            let k = (*left).min(s.room);
            *left -= k;
            k
        })
        .collect()
}

/// Where a ladder's gains rise (a user's scale like 0, 10, 100: merged into one run of
/// several steps), taking units in ladder order can fall short of what the cover
/// counted; then the next unit with the best gain per effort is added until the need
/// is met. Never happens for the shipped rulesets, whose ladders never rise.
fn top_up(slots: &[Slot], gain: &[i128], need: i128, mut raise: Vec<u32>) -> Vec<u32> {
    let mut got: i128 = slots.iter().zip(&raise).enumerate().map(|(i, (_, &k))| gain[i] * k as i128).sum();
    while got < need {
        // The next unit of each entry: its first slot with room left.
        let mut best: Option<usize> = None;
        let mut seen = HashSet::new();
        for (i, s) in slots.iter().enumerate() {
            if raise[i] < s.room && seen.insert(s.entry) {
                // gain_i / effort_i > gain_b / effort_b
                if best.is_none_or(|b| gain[i] * slots[b].effort as i128 > gain[b] * s.effort as i128) {
                    best = Some(i);
                }
            }
        }
        let Some(i) = best else { break };
        raise[i] += 1;
        got += gain[i];
    }
    raise
}

fn touched_units(slots: &[Slot], raise: &[u32]) -> usize {
    let set: HashSet<usize> = slots.iter().zip(raise).filter(|(_, &k)| k > 0).map(|(s, _)| s.unit_index).collect();
    set.len()
}

/// Objective `steps`: pool slots by (gain, effort), cover exactly, then hand each pool's
/// steps to as few units as possible.
fn by_steps(slots: &[Slot], gain: &[i128], need: i128) -> Option<Vec<u32>> {
    let mut pool_of: BTreeMap<(i128, u32), usize> = BTreeMap::new();
    let mut pools: Vec<Pool> = Vec::new();
    let mut members: Vec<Vec<usize>> = Vec::new();
    for (i, s) in slots.iter().enumerate() {
        let id = *pool_of.entry((gain[i], s.effort)).or_insert_with(|| {
            pools.push(Pool { gain: gain[i], cost: s.effort as u64, count: 0 });
            members.push(Vec::new());
            pools.len() - 1
        });
        pools[id].count += s.room as u64;
        members[id].push(i);
    }
    let take = cover(&pools, need)?;
    let mut raise = vec![0u32; slots.len()];
    let mut touched: HashSet<usize> = HashSet::new();
    // Largest allocations first, so they choose the units the smaller ones then join.
    let mut order: Vec<usize> = (0..pools.len()).filter(|&p| take[p] > 0).collect();
    order.sort_by_key(|&p| std::cmp::Reverse(take[p]));
    for p in order {
        let mut left = take[p];
        let room_in = unit_room(slots, &members[p]);
        let mut ms = members[p].clone();
        // Ties toward fewer units: units already in the plan, then units that can absorb
        // the most of this pool, then the order the user entered them.
        ms.sort_by_key(|&i| {
            let u = slots[i].unit_index;
            // …and within a unit, the entries with most room (the weakest) first.
            (!touched.contains(&u), std::cmp::Reverse(room_in[&u]), u, std::cmp::Reverse(slots[i].room), i)
        });
        for i in ms {
            if left == 0 {
                break;
            }
            let k = (slots[i].room as u64).min(left);
            raise[i] = k as u32;
            left -= k;
            touched.insert(slots[i].unit_index);
        }
    }
    Some(raise)
}

fn unit_room(slots: &[Slot], members: &[usize]) -> HashMap<usize, u64> {
    let mut m = HashMap::new();
    for &i in members {
        *m.entry(slots[i].unit_index).or_insert(0) += slots[i].room as u64;
    }
    m
}

/// Objective `indicators`: each changed entry costs 1 whatever its steps, so the fewest
/// entries are the ones with the largest full gain (raised to the top) — exact by the
/// same argument as equal-cost steps. Then give back the steps not needed, from the
/// top of each ladder (its smallest gains) first, which keeps the fewest steps.
fn by_indicators(slots: &[Slot], gain: &[i128], need: i128) -> Option<Vec<u32>> {
    let mut full: BTreeMap<usize, (usize, i128)> = BTreeMap::new();
    for (i, s) in slots.iter().enumerate() {
        full.entry(s.entry).or_insert((s.unit_index, 0)).1 += gain[i] * s.room as i128;
    }
    if full.values().map(|f| f.1).sum::<i128>() < need {
        return None;
    }
    // Largest full gain first. Among equal gains (common: indicators weigh equally),
    // units with more such entries first and each unit's entries together, so the plan
    // touches as few units as it can.
    let mut per_unit_gain: HashMap<(usize, i128), usize> = HashMap::new();
    for &(u, f) in full.values() {
        *per_unit_gain.entry((u, f)).or_insert(0) += 1;
    }
    let mut order: Vec<(usize, usize, i128)> = full.iter().map(|(&e, &(u, f))| (e, u, f)).collect();
    order.sort_by_key(|&(e, u, f)| (std::cmp::Reverse(f), std::cmp::Reverse(per_unit_gain[&(u, f)]), u, e));
    let mut chosen = HashSet::new();
    let mut got = 0i128;
    for (e, _, f) in order {
        if got >= need {
            break;
        }
        chosen.insert(e);
        got += f;
    }
    let mut raise: Vec<u32> = slots.iter().map(|s| if chosen.contains(&s.entry) { s.room } else { 0 }).collect();
    // Give back surplus units, smallest gains first (the last runs of a ladder); each
    // chosen entry keeps at least one unit.
    let mut order: Vec<usize> = (0..slots.len()).filter(|&i| raise[i] > 0).collect();
    order.sort_by_key(|&i| (gain[i], std::cmp::Reverse(i)));
    for i in order {
        let e = slots[i].entry;
        while raise[i] > 0 && got - gain[i] >= need {
            let entry_units: u32 = slots.iter().zip(&raise).filter(|(s, _)| s.entry == e).map(|(_, &k)| k).sum();
            if entry_units <= 1 {
                break;
            }
            raise[i] -= 1;
            got -= gain[i];
        }
    }
    Some(raise)
}

/// The scenario with `taken[e]` ladder steps applied to each entry, scored: the
/// planner's result always comes from the same `evaluate` the user sees.
fn apply(rs: &Ruleset, sc: &Scenario, entries: &[Changeable], taken: &[u32]) -> Result<(Decimal, String), InputError> {
    let mut changed = sc.clone();
    for (e, &k) in entries.iter().zip(taken).filter(|(_, k)| **k > 0) {
        match &e.kind {
            Kind::Level { ladder, .. } => set_level(&mut changed, e.unit_index, &e.key, e.product, ladder[k as usize - 1], rs.products),
            Kind::Responses { counts, .. } => set_responses(&mut changed, e.unit_index, &e.key, moved_to_top(counts, k)),
        }
    }
    let o = evaluate(rs, &changed)?;
    let a = o.aggregate.ok_or_else(|| InputError::new("units", Problem::NoData))?;
    Ok((a.rounded, a.grade.category))
}

/// A copy of the scenario with the plan applied.
pub fn applied_plan(sc: &Scenario, plan: &Plan, rs: &Ruleset) -> Scenario {
    let mut out = sc.clone();
    for s in &plan.steps {
        match &s.responses {
            Some(r) => set_responses(&mut out, s.unit_index, &s.indicator, r.after.clone()),
            None => set_level(&mut out, s.unit_index, &s.indicator, s.product.map(|p| p - 1), s.to, rs.products),
        }
    }
    out
}

fn set_level(sc: &mut Scenario, unit: usize, key: &str, product: Option<usize>, level: Decimal, default_products: usize) {
    let Entry::Indicators(values) = &mut sc.units[unit].entry else { return };
    let products =
        values.values().find_map(|v| if let Values::PerProduct(xs) = v { Some(xs.len()) } else { None }).unwrap_or(default_products);
    let v = Some(level);
    match product {
        None => {
            values.insert(key.to_string(), Values::One(v));
        }
        Some(p) => {
            let e = values.entry(key.to_string()).or_insert_with(|| Values::PerProduct(vec![None; products]));
            if let Values::PerProduct(xs) = e {
                if p < xs.len() {
                    xs[p] = v;
                }
            }
        }
    }
}

/// Replaces an unsur's answer counts, under whichever key (full or bare) it was given.
fn set_responses(sc: &mut Scenario, unit: usize, key: &str, counts: Vec<u32>) {
    let Entry::Indicators(values) = &mut sc.units[unit].entry else { return };
    let bare = key.split_once('.').map_or(key, |(_, i)| i);
    let k = if values.contains_key(key) { key } else { bare };
    values.insert(k.to_string(), Values::Responses(counts));
}

/// Points a unit entered as a total (or one dimension of a unit entered by dimension,
/// in its entry scale: a 0–100 score or weighted points) would need on its own,
/// rounded up to the ruleset's precision. `share` is what one point of a unit's
/// dimension score adds to the pemda score; a total adds 1 / n.
fn alternatives(rs: &Ruleset, outcome: &Outcome, need: Ratio, share: Ratio, inclusive: bool) -> Result<Vec<Alternative>, InputError> {
    let dim_need = need.checked_div(share).ok_or_else(too_precise)?;
    let total_need = need.checked_mul(Ratio::int(outcome.units.len() as i64)).ok_or_else(too_precise)?;
    let up = |r: Ratio| {
        let d = r.round(rs.rounding.places, RoundingMode::Up).ok_or_else(too_precise)?;
        // For an exclusive bound, landing exactly on it is not enough.
        Ok::<_, InputError>(if !inclusive && Ratio::from_decimal(d) == r { d + Decimal::new(1, rs.rounding.places) } else { d })
    };
    let total_w = Ratio::from_decimal(rs.dimension_weight_total());
    let max = Ratio::from_decimal(rs.score_max);
    let mut out = Vec::new();
    for u in &outcome.units {
        match u.level {
            Level::Score => {
                let points = up(total_need)?;
                let possible = max.checked_sub(u.exact).is_some_and(|room| room >= total_need);
                out.push(Alternative {
                    unit_index: u.index,
                    unit: u.name.clone(),
                    dimension: None,
                    indicator: None,
                    to: None,
                    points,
                    possible,
                });
            }
            Level::Dimensions | Level::Points => {
                for (d, dim) in rs.dimensions.iter().zip(&u.dimensions) {
                    let weight_share = Ratio::from_decimal(d.weight).checked_div(total_w).ok_or_else(too_precise)?;
                    // A dimension point adds one point to the unit's dimension score; a
                    // point of a 0–100 dimension score adds its weight share of one.
                    let (dn, room) = if u.level == Level::Points {
                        (dim_need, max.checked_mul(weight_share).and_then(|top| top.checked_sub(dim.contribution)))
                    } else {
                        (dim_need.checked_div(weight_share).ok_or_else(too_precise)?, max.checked_sub(dim.exact))
                    };
                    let points = up(dn)?;
                    let possible = room.is_some_and(|room| room >= dn);
                    out.push(Alternative {
                        unit_index: u.index,
                        unit: u.name.clone(),
                        dimension: Some(d.id.clone()),
                        indicator: None,
                        to: None,
                        points,
                        possible,
                    });
                }
            }
            Level::Indicators => {}
        }
    }
    Ok(out)
}

/// For indicators entered as a mean (IKM's per-unsur averages): the mean each would
/// need on its own to reach the target, rounded up to 2 decimals, and whether it fits
/// under the top answer.
fn mean_alternatives(
    rs: &Ruleset,
    sc: &Scenario,
    outcome: &Outcome,
    need: Ratio,
    share: Ratio,
    inclusive: bool,
) -> Result<Vec<Alternative>, InputError> {
    let mut out = Vec::new();
    for u in outcome.units.iter().filter(|u| u.level == Level::Indicators) {
        let Entry::Indicators(values) = &sc.units[u.index].entry else { continue };
        let locked: HashSet<&str> = sc.units[u.index].locked.iter().map(String::as_str).collect();
        for d in rs.dimensions.iter().filter(|d| !d.per_product) {
            for i in d.indicators.iter().filter(|i| i.fractional) {
                let key = format!("{}.{}", d.id, i.id);
                if locked.contains(key.as_str()) {
                    continue;
                }
                let current = match values.get(&key).or_else(|| values.get(&i.id)) {
                    Some(Values::One(Some(x))) => Ratio::from_decimal(*x),
                    Some(Values::Responses(_)) => continue,
                    _ => Ratio::ZERO,
                };
                let per_point = point_gain(rs, d, 1, share)?.checked_mul(Ratio::from_decimal(i.weight)).ok_or_else(too_precise)?;
                let rise = need.checked_div(per_point).ok_or_else(too_precise)?;
                let to_exact = current.checked_add(rise).ok_or_else(too_precise)?;
                let mut to = to_exact.round(2, RoundingMode::Up).ok_or_else(too_precise)?;
                if !inclusive && Ratio::from_decimal(to) == to_exact {
                    to += Decimal::new(1, 2);
                }
                let points = to - current.round(2, RoundingMode::Down).ok_or_else(too_precise)?;
                let possible = to <= Decimal::from(i.max);
                out.push(Alternative {
                    unit_index: u.index,
                    unit: u.name.clone(),
                    dimension: None,
                    indicator: Some(key),
                    to: Some(to),
                    points,
                    possible,
                });
            }
        }
    }
    Ok(out)
}
