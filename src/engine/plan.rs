//! The gap planner: the cheapest set of indicator changes that lifts the rounded pemda
//! score to the lower bound of the target category.
//!
//! Scores are linear in indicator levels, so one level step of indicator i in unit u
//! always adds the same exact amount to the pemda score:
//!     (W_d / ΣW) · max · w_i / den_d(u) · f / n
//! (den_d(u) = Σ max·weight over dimension d, times the unit's products for per-product
//! dimensions; n = units in the aggregate; f = the units' share, 70 % when 2025 trust is
//! included). Steps with the same gain and effort are interchangeable wherever they sit,
//! so they are pooled and handed to an exact covering knapsack (`knapsack::cover`).

use crate::engine::error::{InputError, Problem};
use crate::engine::exact::{gcd, Ratio};
use crate::engine::grade::threshold;
use crate::engine::knapsack::{cover, Pool};
use crate::engine::number::RoundingMode;
use crate::engine::ruleset::Ruleset;
use crate::engine::scenario::{Entry, Scenario, Values};
use crate::engine::score::{evaluate, Level, Outcome};
use rust_decimal::Decimal;
use std::collections::{BTreeMap, HashMap, HashSet};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub unit_index: usize,
    pub unit: String,
    /// "proses.maklumat"
    pub indicator: String,
    /// 1-based, for per-product indicators only.
    pub product: Option<usize>,
    pub from: u16,
    pub to: u16,
    /// What this change adds to the pemda score, exact.
    pub gain: Ratio,
    /// `false` when the entry was not filled in (it counted as 0).
    pub entered: bool,
}

/// For a unit entered as a total or as dimension scores: the points it (or one of its
/// dimensions) would need on its own to reach the target.
#[derive(Debug, Clone, PartialEq)]
pub struct Alternative {
    pub unit_index: usize,
    pub unit: String,
    /// `None`: the unit's total; `Some(id)`: that dimension's score.
    pub dimension: Option<String>,
    pub points: Decimal,
    /// Whether that many points fit under the maximum.
    pub possible: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub status: Status,
    pub objective: Objective,
    pub target: Option<String>,
    pub threshold: Option<Decimal>,
    pub score_before: Decimal,
    pub category_before: String,
    pub score_after: Decimal,
    pub category_after: String,
    /// Threshold − score shown ("to reach A you need +2,41 points").
    pub points_needed: Option<Decimal>,
    pub cost: u64,
    pub steps: Vec<Step>,
    /// When unreachable: the rounded score with every unlocked entry at its maximum.
    pub best_reachable: Option<Decimal>,
    pub alternatives: Vec<Alternative>,
}

/// One changeable entry: an indicator of a unit (and product), not locked, below its max.
#[derive(Debug, Clone)]
struct Slot {
    unit_index: usize,
    key: String,
    product: Option<usize>,
    from: u16,
    room: u16,
    gain: Ratio,
    effort: u32,
    entered: bool,
}

fn too_precise() -> InputError {
    InputError::new("", Problem::TooPrecise)
}

pub fn plan(rs: &Ruleset, sc: &Scenario, target: Option<&str>, objective: Objective) -> Result<Plan, InputError> {
    let outcome = evaluate(rs, sc)?;
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
    let share = units_share(rs, &outcome, agg.trust_included)?;
    result.alternatives = alternatives(rs, &outcome, need, share, inclusive)?;

    let slots = slots(rs, sc, &outcome, share)?;
    let (unit, need_units) = integer_scale(&slots, need, inclusive)?;
    let Some(raise) = cheapest_touching_fewest_units(&slots, &unit, need_units, objective) else {
        result.status = Status::Unreachable;
        let all: Vec<u16> = slots.iter().map(|s| s.room).collect();
        result.best_reachable = Some(apply(rs, sc, &slots, &all)?.0);
        return Ok(result);
    };
    let (after, category_after) = apply(rs, sc, &slots, &raise)?;
    result.status = Status::Planned;
    result.score_after = after;
    result.category_after = category_after;
    result.cost = plan_cost(&slots, &raise, objective);
    for (s, k) in slots.iter().zip(&raise).filter(|(_, k)| **k > 0) {
        result.steps.push(Step {
            unit_index: s.unit_index,
            unit: sc.units[s.unit_index].name.clone(),
            indicator: s.key.clone(),
            product: s.product.map(|p| p + 1),
            from: s.from,
            to: s.from + k,
            gain: s.gain.checked_mul(Ratio::int(*k as i64)).ok_or_else(too_precise)?,
            entered: s.entered,
        });
    }
    result.steps.sort_by_key(|s| (s.unit_index, s.indicator.clone(), s.product));
    Ok(result)
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

/// How much one point of one unit's score moves the pemda score: f / n.
fn units_share(rs: &Ruleset, outcome: &Outcome, trust_included: bool) -> Result<Ratio, InputError> {
    let n = Ratio::int(outcome.units.len() as i64);
    let f = match (&rs.trust, trust_included) {
        (Some(t), true) => Ratio::int(1).checked_sub(Ratio::from_decimal(t.weight).checked_div(Ratio::int(100)).ok_or_else(too_precise)?),
        _ => Some(Ratio::int(1)),
    };
    f.and_then(|f| f.checked_div(n)).ok_or_else(too_precise)
}

fn slots(rs: &Ruleset, sc: &Scenario, outcome: &Outcome, share: Ratio) -> Result<Vec<Slot>, InputError> {
    let total_w = Ratio::from_decimal(rs.dimension_weight_total());
    let score_max = Ratio::from_decimal(rs.score_max);
    let mut out = Vec::new();
    for u in outcome.units.iter().filter(|u| u.level == Level::Indicators) {
        let unit = &sc.units[u.index];
        let Entry::Indicators(values) = &unit.entry else { continue };
        let locked: HashSet<&str> = unit.locked.iter().map(String::as_str).collect();
        for d in &rs.dimensions {
            let copies = if d.per_product { u.products } else { 1 };
            let den: Decimal = d.indicators.iter().map(|i| Decimal::from(i.max) * i.weight * Decimal::from(copies)).sum();
            // (W_d / ΣW) · max / den · share: the gain of one step of weight 1.
            let per_weight = Ratio::from_decimal(d.weight)
                .checked_div(total_w)
                .and_then(|x| x.checked_mul(score_max))
                .and_then(|x| x.checked_div(Ratio::from_decimal(den)))
                .and_then(|x| x.checked_mul(share))
                .ok_or_else(too_precise)?;
            for i in &d.indicators {
                let key = format!("{}.{}", d.id, i.id);
                if locked.contains(key.as_str()) {
                    continue;
                }
                let gain = per_weight.checked_mul(Ratio::from_decimal(i.weight)).ok_or_else(too_precise)?;
                let effort = sc.effort.get(&key).copied().unwrap_or(1);
                for p in 0..copies {
                    let current = match values.get(&key) {
                        Some(Values::One(x)) => *x,
                        Some(Values::PerProduct(xs)) => xs.get(p).copied().flatten(),
                        None => None,
                    };
                    // Levels were checked by `evaluate`: whole numbers within the scale.
                    let from = current.map_or(0, |x| u16::try_from(x.mantissa() / 10i128.pow(x.scale())).unwrap_or(0));
                    let from = from.max(i.min);
                    if from < i.max {
                        out.push(Slot {
                            unit_index: u.index,
                            key: key.clone(),
                            product: d.per_product.then_some(p),
                            from,
                            room: i.max - from,
                            gain,
                            effort,
                            entered: current.is_some(),
                        });
                    }
                }
            }
        }
    }
    Ok(out)
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
fn cheapest_touching_fewest_units(slots: &[Slot], gain: &[i128], need: i128, objective: Objective) -> Option<Vec<u16>> {
    let solve = |keep: &dyn Fn(usize) -> bool| {
        let idx: Vec<usize> = (0..slots.len()).filter(|&i| keep(slots[i].unit_index)).collect();
        let sub: Vec<Slot> = idx.iter().map(|&i| slots[i].clone()).collect();
        let g: Vec<i128> = idx.iter().map(|&i| gain[i]).collect();
        let r = match objective {
            Objective::Steps => by_steps(&sub, &g, need),
            Objective::Indicators => by_indicators(&sub, &g, need),
        }?;
        let mut full = vec![0u16; slots.len()];
        for (k, &i) in idx.iter().enumerate() {
            full[i] = r[k];
        }
        Some(full)
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
    let most: Vec<i128> = units
        .iter()
        .map(|&u| slots.iter().zip(gain).filter(|(s, _)| s.unit_index == u).map(|(s, g)| g * s.room as i128).sum())
        .collect();
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
    let mut items: Vec<(i128, i128, i128)> = slots
        .iter()
        .zip(gain)
        .filter(|(s, _)| keep(s.unit_index))
        .map(|(s, &g)| (g, s.effort as i128, s.room as i128))
        .collect();
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

fn plan_cost(slots: &[Slot], raise: &[u16], objective: Objective) -> u64 {
    slots
        .iter()
        .zip(raise)
        .map(|(s, &k)| match objective {
            Objective::Steps => s.effort as u64 * k as u64,
            Objective::Indicators => (k > 0) as u64,
        })
        .sum()
}

fn touched_units(slots: &[Slot], raise: &[u16]) -> usize {
    let set: HashSet<usize> = slots.iter().zip(raise).filter(|(_, &k)| k > 0).map(|(s, _)| s.unit_index).collect();
    set.len()
}

/// Objective `steps`: pool slots by (gain, effort), cover exactly, then hand each pool's
/// steps to as few units as possible.
fn by_steps(slots: &[Slot], gain: &[i128], need: i128) -> Option<Vec<u16>> {
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
    let mut raise = vec![0u16; slots.len()];
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
            (!touched.contains(&u), std::cmp::Reverse(room_in[&u]), u, i)
        });
        for i in ms {
            if left == 0 {
                break;
            }
            let k = (slots[i].room as u64).min(left);
            raise[i] = k as u16;
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
/// entries are the ones with the largest full gain (raised to the maximum) — exact by
/// the same argument as equal-cost steps. Then give back the steps not needed,
/// smallest gains first, which keeps the fewest steps for that set of entries.
fn by_indicators(slots: &[Slot], gain: &[i128], need: i128) -> Option<Vec<u16>> {
    let full = |i: usize| gain[i] * slots[i].room as i128;
    if slots.iter().enumerate().map(|(i, _)| full(i)).sum::<i128>() < need {
        return None;
    }
    // Largest full gain first. Among equal gains (common: indicators weigh equally),
    // units with more such entries first and each unit's entries together, so the plan
    // touches as few units as it can.
    let mut per_unit_gain: HashMap<(usize, i128), usize> = HashMap::new();
    for (i, s) in slots.iter().enumerate() {
        *per_unit_gain.entry((s.unit_index, full(i))).or_insert(0) += 1;
    }
    let mut order: Vec<usize> = (0..slots.len()).collect();
    order.sort_by_key(|&i| {
        let u = slots[i].unit_index;
        (std::cmp::Reverse(full(i)), std::cmp::Reverse(per_unit_gain[&(u, full(i))]), u, i)
    });
    let mut raise = vec![0u16; slots.len()];
    let mut got = 0i128;
    for i in order {
        if got >= need {
            break;
        }
        raise[i] = slots[i].room;
        got += full(i);
    }
    // Give back surplus steps, smallest gains first; each chosen entry keeps ≥ 1 step.
    let mut chosen: Vec<usize> = (0..slots.len()).filter(|&i| raise[i] > 0).collect();
    chosen.sort_by_key(|&i| gain[i]);
    for i in chosen {
        while raise[i] > 1 && got - gain[i] >= need {
            raise[i] -= 1;
            got -= gain[i];
        }
    }
    Some(raise)
}

/// The scenario with `raise[i]` steps applied to each slot, scored: the planner's
/// result always comes from the same `evaluate` the user sees.
fn apply(rs: &Ruleset, sc: &Scenario, slots: &[Slot], raise: &[u16]) -> Result<(Decimal, String), InputError> {
    let changed = applied(sc, slots, raise, rs.products);
    let o = evaluate(rs, &changed)?;
    let a = o.aggregate.ok_or_else(|| InputError::new("units", Problem::NoData))?;
    Ok((a.rounded, a.grade.category))
}

/// A copy of the scenario with the plan applied.
pub fn applied_plan(sc: &Scenario, plan: &Plan, rs: &Ruleset) -> Scenario {
    let mut out = sc.clone();
    for s in &plan.steps {
        set_level(&mut out, s.unit_index, &s.indicator, s.product.map(|p| p - 1), s.to, rs.products);
    }
    out
}

fn applied(sc: &Scenario, slots: &[Slot], raise: &[u16], default_products: usize) -> Scenario {
    let mut out = sc.clone();
    for (s, k) in slots.iter().zip(raise).filter(|(_, k)| **k > 0) {
        set_level(&mut out, s.unit_index, &s.key, s.product, s.from + k, default_products);
    }
    out
}

fn set_level(sc: &mut Scenario, unit: usize, key: &str, product: Option<usize>, level: u16, default_products: usize) {
    let Entry::Indicators(values) = &mut sc.units[unit].entry else { return };
    let products = values
        .values()
        .find_map(|v| if let Values::PerProduct(xs) = v { Some(xs.len()) } else { None })
        .unwrap_or(default_products);
    let v = Some(Decimal::from(level));
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

/// Points a unit entered as a total (or one dimension of a unit entered by dimension)
/// would need on its own, rounded up to the ruleset's precision.
fn alternatives(rs: &Ruleset, outcome: &Outcome, need: Ratio, share: Ratio, inclusive: bool) -> Result<Vec<Alternative>, InputError> {
    let unit_need = need.checked_div(share).ok_or_else(too_precise)?;
    let up = |r: Ratio| {
        let d = r.round(rs.rounding.places, RoundingMode::Up).ok_or_else(too_precise)?;
        // For an exclusive bound, landing exactly on it is not enough.
        Ok::<_, InputError>(if !inclusive && Ratio::from_decimal(d) == r { d + Decimal::new(1, rs.rounding.places) } else { d })
    };
    let total_w = Ratio::from_decimal(rs.dimension_weight_total());
    let max = rs.score_max;
    let mut out = Vec::new();
    for u in &outcome.units {
        match u.level {
            Level::Score => {
                let points = up(unit_need)?;
                let possible = Ratio::from_decimal(max).checked_sub(u.exact).is_some_and(|room| room >= unit_need);
                out.push(Alternative { unit_index: u.index, unit: u.name.clone(), dimension: None, points, possible });
            }
            Level::Dimensions => {
                for (d, dim) in rs.dimensions.iter().zip(&u.dimensions) {
                    let dn = unit_need.checked_mul(total_w).and_then(|x| x.checked_div(Ratio::from_decimal(d.weight))).ok_or_else(too_precise)?;
                    let points = up(dn)?;
                    let possible = Ratio::from_decimal(max).checked_sub(dim.exact).is_some_and(|room| room >= dn);
                    out.push(Alternative { unit_index: u.index, unit: u.name.clone(), dimension: Some(d.id.clone()), points, possible });
                }
            }
            Level::Indicators => {}
        }
    }
    Ok(out)
}
