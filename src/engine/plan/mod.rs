//! The gap planner: the cheapest set of changes that lifts the rounded pemda score to
//! the lower bound of the target category, whatever level each unit was entered at:
//! indicator levels, dimension scores or unit totals (`mixed`, `points`).
//!
//! Scores are linear in indicator levels, so one level step of indicator i in unit u
//! always adds the same exact amount to the pemda score:
//!     (W_d / ΣW) · max · w_i / den_d(u) · f / n
//! (den_d(u) = Σ max·weight over dimension d, times the unit's products for per-product
//! dimensions; n = units in the aggregate; f = the dimensions' share of a unit's score,
//! 70 % in 2025, where each unit's own Kepercayaan Masyarakat weighs the other 30 %).
//! Steps with the same gain and effort are interchangeable wherever they sit, so they
//! are pooled and handed to an exact covering knapsack (`knapsack::cover`); a point of
//! a total or a dimension is such a step too, on the grid of 0,01.

use crate::engine::error::{InputError, Problem, Says};
use crate::engine::exact::{gcd, Ratio};
use crate::engine::grade::threshold;
use crate::engine::map::SmallMap;
use crate::engine::number::RoundingMode;
use crate::engine::ruleset::{Indicator, Ruleset};
use crate::engine::scenario::{Entry, Scenario, Values};
use crate::engine::score::{evaluate, Level, Outcome};
use knapsack::{cover, Pool};
use rust_decimal::Decimal;
use std::collections::{HashMap, HashSet};

mod alternatives;
mod apply;
mod entries;
pub mod knapsack;
mod mixed;
pub mod points;
pub mod robust;
mod solve;

// The parts see each other through here (each starts with `use super::*`).
use alternatives::*;
pub use apply::applied_plan;
use apply::*;
use entries::*;
pub use entries::{unit_rates, Lifts, Run};
use solve::*;

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

/// What a plan's `cost` counts: level steps × effort (a plan of indicators only),
/// hundredths of a point × effort (a plan that raises totals or dimensions, where a
/// level step weighs `step_points`), or changed entries (objective `indicators`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CostUnit {
    #[default]
    Steps,
    Hundredths,
    Indicators,
}

impl CostUnit {
    pub fn as_str(self) -> &'static str {
        match self {
            CostUnit::Steps => "steps",
            CostUnit::Hundredths => "hundredths",
            CostUnit::Indicators => "indicators",
        }
    }
    pub fn parse(s: &str) -> Option<CostUnit> {
        [CostUnit::Steps, CostUnit::Hundredths, CostUnit::Indicators].into_iter().find(|k| k.as_str() == s)
    }
    /// The unit of a plan by `objective`, in points or not.
    pub fn of(objective: Objective, in_points: bool) -> CostUnit {
        match (objective, in_points) {
            (Objective::Indicators, _) => CostUnit::Indicators,
            (Objective::Steps, true) => CostUnit::Hundredths,
            (Objective::Steps, false) => CostUnit::Steps,
        }
    }
}

/// What a step raises: an indicator's level, a dimension's score (or weighted points,
/// as the unit was entered), or a unit's total.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StepKind {
    #[default]
    Indicator,
    Dimension,
    Unit,
}

impl StepKind {
    pub fn as_str(self) -> &'static str {
        match self {
            StepKind::Indicator => "indicator",
            StepKind::Dimension => "dimension",
            StepKind::Unit => "unit",
        }
    }
    pub fn parse(s: &str) -> Option<StepKind> {
        [StepKind::Indicator, StepKind::Dimension, StepKind::Unit].into_iter().find(|k| k.as_str() == s)
    }
}

/// Raise one entry from `from` to `to`.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Step {
    #[serde(default)]
    pub kind: StepKind,
    pub unit_index: usize,
    pub unit: String,
    /// "proses.maklumat"; empty for a dimension's or a unit's step.
    #[serde(default)]
    pub indicator: String,
    /// The dimension a `dimension` step raises ("proses").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dimension: Option<String>,
    /// 1-based, for per-product indicators only.
    pub product: Option<usize>,
    /// Levels (or, for a mean, the mean to two decimals); for a dimension, its score
    /// or weighted points as the unit was entered; for a unit, its total.
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
    #[serde(default)]
    pub cost_unit: CostUnit,
    pub steps: Vec<Step>,
    /// When the plan ends where rounded entries (§2b) leave its category uncertain:
    /// the lowest final figure its result may stand for, below the target.
    #[serde(default, with = "crate::engine::number::serde_str::opt")]
    pub uncertain_after: Option<Decimal>,
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
    Level { from: Decimal, ladder: entries::Ladder },
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
    let mut p = plan_with(rs, sc, target, objective, false)?;
    if p.status == Status::Planned {
        // Scored as the user will see it once applied: its range may dip below. Only
        // here, not in each of the robust plan's rounds, which never report it.
        let o = evaluate(rs, &applied_plan(&*sc.canonical(rs)?, &p, rs))?;
        if let (Some(a), Some(t)) = (o.aggregate, &p.target) {
            let below = crate::engine::grade::band_of(rs, a.range.low) > rs.bands.iter().position(|b| &b.category == t).unwrap_or(0);
            p.uncertain_after = below.then_some(a.range.low);
        }
    }
    Ok(p)
}

/// `plan`; with `in_hundredths` a plan of level steps only counts its cost in
/// hundredths of a point too (`mixed::cost_scale`), as a plan raising totals or
/// dimensions does: the robust plan adds up plans of different samples.
pub(super) fn plan_with(
    rs: &Ruleset,
    sc: &Scenario,
    target: Option<&str>,
    objective: Objective,
    in_hundredths: bool,
) -> Result<Plan, InputError> {
    // Checked as written, so errors name the place the user wrote; the planner then
    // works on indicators named one way (a bare "biaya" is "proses.biaya").
    let outcome = evaluate(rs, sc)?;
    let sc = &*sc.canonical(rs)?;
    let agg = outcome.aggregate.as_ref().ok_or_else(|| InputError::new("units", Problem::NoData))?;
    let current = agg.grade.band;
    let target_band = match target {
        Some(cat) => Some(rs.bands.iter().position(|b| b.category == cat).ok_or_else(|| {
            let known: Vec<&str> = rs.bands.iter().map(|b| b.category.as_str()).collect();
            InputError::new("target", Problem::Says(Says::UnknownTarget { given: cat.to_string(), known: known.join(", ") }))
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
        cost_unit: CostUnit::of(objective, in_hundredths),
        uncertain_after: None,
        steps: Vec::new(),
        best_reachable: None,
        alternatives: Vec::new(),
    };
    let Some(tb) = target_band else { return Ok(result) };
    if tb >= current {
        result.status = Status::AlreadyThere;
        return Ok(result);
    }
    // The plan aims the user's safety margin above the threshold.
    let t = threshold(rs, tb) + sc.margin;
    result.points_needed = Some(t - agg.rounded);

    let (floor, inclusive) = lowest_score_rounding_to(t, rs.rounding.places, rs.rounding.mode);
    let need = floor.checked_sub(agg.raw).ok_or_else(too_precise)?;
    // Units' share of the pemda score, per unit.
    let share = units_share(rs, &outcome)?;
    result.alternatives = alternatives(rs, &outcome, need, share, inclusive)?;

    let (entries, slots) = changeables(rs, sc, &outcome, share)?;
    result.alternatives.extend(mean_alternatives(rs, sc, &outcome, need, share, inclusive)?);
    // Units entered as totals or by dimension: one plan over every level (`mixed`).
    let point_slots = points::point_slots(rs, sc, &outcome, share)?;
    if !point_slots.is_empty() {
        let r = mixed::Raisable { entries: &entries, slots: &slots, points: &point_slots };
        result.cost_unit = CostUnit::of(objective, true);
        return mixed::plan_mixed(rs, sc, &r, need, inclusive, objective, result);
    }
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
    if in_hundredths && objective == Objective::Steps {
        result.cost *= mixed::cost_scale(sc, rs.rounding.places).0;
    }
    result.steps = steps_taken(sc, &entries, &slots, &taken)?;
    Ok(result)
}

/// The steps `taken[e]` ladder rungs of each entry make, in unit order.
fn steps_taken(sc: &Scenario, entries: &[Changeable], slots: &[Slot], taken: &[u32]) -> Result<Vec<Step>, InputError> {
    let mut steps = Vec::new();
    // Each entry's slots, found once (a scan per entry made a large plan quadratic).
    let mut of_entry: Vec<Vec<&Slot>> = vec![Vec::new(); entries.len()];
    for s in slots {
        of_entry[s.entry].push(s);
    }
    for (idx, (e, &k)) in entries.iter().zip(taken).enumerate().filter(|(_, (_, k))| **k > 0) {
        let gain = entry_gain(&of_entry[idx], k).ok_or_else(too_precise)?;
        let (from, to, responses) = match &e.kind {
            Kind::Level { from, ladder } => (*from, ladder.at(k as usize - 1), None),
            Kind::Responses { counts, min } => (
                Decimal::ZERO,
                Decimal::ZERO,
                Some(ResponseChange { respondents: k, before: counts.clone(), after: moved_to_top(counts, k), min: *min }),
            ),
        };
        steps.push(Step {
            kind: StepKind::Indicator,
            unit_index: e.unit_index,
            unit: sc.units[e.unit_index].name.clone(),
            indicator: e.key.clone(),
            dimension: None,
            product: e.product.map(|p| p + 1),
            from,
            to,
            gain,
            entered: e.entered,
            responses,
        });
    }
    crate::engine::order::sort_by_key(&mut steps, |s| (s.unit_index, s.indicator.clone(), s.product));
    Ok(steps)
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
