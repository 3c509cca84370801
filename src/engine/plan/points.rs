//! Plans in points, for units entered as totals or by dimension (`mixed` joins them
//! to indicator level steps). A point of a total or of a dimension always adds the
//! same exact amount to the pemda score; on the entry's grid (0,01) that makes every
//! slot a pool of equal knapsack steps, and the exact covering knapsack the indicator
//! planner uses finds the cheapest raise. Slots that are interchangeable are raised
//! together to one common level, the weakest first ("naikkan Dinas Sosial dan
//! Puskesmas 2 ke 84,20").

use super::knapsack::{cover_large, Pool};
use super::{too_precise, Step, StepKind};
use crate::engine::error::InputError;
use crate::engine::exact::Ratio;
use crate::engine::number::RoundingMode;
use crate::engine::ruleset::Ruleset;
use crate::engine::scenario::{Entry, Scenario, TOTAL};
use crate::engine::score::{points_top, Outcome};
use rust_decimal::Decimal;

/// A total or a dimension score that can be raised.
#[derive(Debug, Clone, PartialEq)]
pub struct PointSlot {
    pub unit_index: usize,
    pub unit: String,
    /// `None`: the unit's total.
    pub dimension: Option<String>,
    pub from: Decimal,
    pub max: Decimal,
    /// What one point adds to the exact pemda score.
    pub gain: Ratio,
    /// What one point costs (a dimension's `effort`; 1 for a total).
    pub effort: u32,
}

/// Raise `slot` from `from` to `to`.
#[derive(Debug, Clone, PartialEq)]
pub struct PointStep {
    pub slot: usize,
    pub from: Decimal,
    pub to: Decimal,
    /// What the raise adds to the exact pemda score.
    pub gain: Ratio,
}

/// The cheapest raises (points × effort) on the grid of `places` decimals that add at
/// least `need` to the exact pemda score (more than `need` when `inclusive` is false),
/// or `None` when every slot at its maximum falls short.
///
/// Each grid step of a slot is one knapsack step (same gain, same effort along the
/// slot), so the covering knapsack counts the steps per slot (`cover_large`: exact for
/// one effort and for small plans; on a grid the best gain per effort first is not
/// always cheapest, as a step of a cheaper slot may overshoot less). Slots of equal gain
/// and effort are interchangeable; their steps are shared out by `water_fill`, which
/// raises the weakest to one common level.
pub fn cover_points(slots: &[PointSlot], need: Ratio, inclusive: bool, places: u32) -> Option<Vec<PointStep>> {
    let (gains, need_units) = super::solve::whole_units(&grid_gains(slots, places)?, need, inclusive)?;
    let pools = grid_pools(slots, &gains, places);
    let take = cover_large(&pools, need_units)?;
    shared_out(slots, &pools, &take, places)
}

/// What one grid step (0,01) of each slot adds to the exact pemda score.
pub(super) fn grid_gains(slots: &[PointSlot], places: u32) -> Option<Vec<Ratio>> {
    let ulp = Ratio::from_decimal(Decimal::new(1, places));
    slots.iter().map(|s| s.gain.checked_mul(ulp)).collect()
}

/// One knapsack pool per slot: its grid steps, each of the slot's gain in whole units
/// (`whole_units` of `grid_gains`) and its effort.
pub(super) fn grid_pools(slots: &[PointSlot], gains: &[i128], places: u32) -> Vec<Pool> {
    slots
        .iter()
        .zip(gains)
        .map(|(s, &gain)| {
            let count = grid_steps(s.max - s.from, places);
            Pool { gain, cost: u64::from(s.effort), count: if s.effort == 0 { 0 } else { count } }
        })
        .collect()
}

/// The raises for `take[i]` grid steps of each pool (`grid_pools`): among
/// interchangeable slots (same gain and effort) the steps go to the lowest first.
pub(super) fn shared_out(slots: &[PointSlot], pools: &[Pool], take: &[u64], places: u32) -> Option<Vec<PointStep>> {
    let ulp = Decimal::new(1, places);
    let rooms: Vec<u64> = slots.iter().map(|s| grid_steps(s.max - s.from, places)).collect();
    let mut given = vec![0u64; slots.len()];
    let mut done = vec![false; slots.len()];
    for i in 0..slots.len() {
        if done[i] {
            continue;
        }
        let group: Vec<usize> =
            (i..slots.len()).filter(|&j| !done[j] && pools[j].gain == pools[i].gain && pools[j].cost == pools[i].cost).collect();
        for &j in &group {
            done[j] = true;
        }
        let steps: u64 = group.iter().map(|&j| take[j]).sum();
        water_fill(slots, &rooms, &group, steps, places, &mut given);
    }
    let mut out = Vec::new();
    for (i, s) in slots.iter().enumerate() {
        if given[i] > 0 {
            let by = ulp * Decimal::from(given[i]);
            out.push(PointStep { slot: i, from: s.from, to: s.from + by, gain: s.gain.checked_mul(Ratio::from_decimal(by))? });
        }
    }
    Some(out)
}

/// Gives `steps` grid steps to the slots of `group` as water fills a basin: the lowest
/// rise first, to one common level, each within its room; the steps a level cannot
/// share evenly go to the slots that started lowest. Found by bisection on the level,
/// not step by step, so fifty units cost no more than seven.
fn water_fill(slots: &[PointSlot], rooms: &[u64], group: &[usize], steps: u64, places: u32, given: &mut [u64]) {
    if steps == 0 {
        return;
    }
    // Levels in grid steps; `from` scaled (it may lie between grid points).
    let scale = Decimal::from(10i64.pow(places));
    let start: Vec<Decimal> = group.iter().map(|&j| slots[j].from * scale).collect();
    let at = |level: i64, k: usize| -> u64 {
        let rise = (Decimal::from(level) - start[k]).floor();
        if rise <= Decimal::ZERO {
            0
        } else {
            u64::try_from(rise.mantissa() / 10i128.pow(rise.scale())).unwrap_or(u64::MAX).min(rooms[group[k]])
        }
    };
    let total = |level: i64| -> u64 { (0..group.len()).map(|k| at(level, k)).sum() };
    let whole = |d: Decimal| i64::try_from(d.floor().mantissa() / 10i128.pow(d.floor().scale())).unwrap_or(0);
    let mut lo = start.iter().map(|&d| whole(d)).min().unwrap_or(0);
    // Every slot full: its start plus its room (one more for a start between grid points).
    let mut hi = (0..group.len()).map(|k| whole(start[k]) + rooms[group[k]] as i64 + 1).max().unwrap_or(lo);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if total(mid) >= steps {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    // Everyone up to the level below; the rest, one each, to those that started lowest.
    let mut left = steps - total(lo - 1);
    let mut order: Vec<usize> = (0..group.len()).collect();
    crate::engine::order::sort_by(&mut order, |&a, &b| slots[group[a]].from.cmp(&slots[group[b]].from).then(a.cmp(&b)));
    for k in order {
        let (below, here) = (at(lo - 1, k), at(lo, k));
        given[group[k]] = below;
        if left > 0 && here > below {
            given[group[k]] = here;
            left -= 1;
        }
    }
}

/// Whole grid steps in `room` (0 when there is none).
pub(super) fn grid_steps(room: Decimal, places: u32) -> u64 {
    let steps = (room * Decimal::from(10i64.pow(places))).floor();
    u64::try_from(steps.mantissa() / 10i128.pow(steps.scale())).unwrap_or(0)
}

/// The totals and dimension scores the planner may raise: every unit entered as a
/// total or by dimension (0–100 scores or weighted points, as entered), unless its
/// `locked` names "total" or the dimension. `share` is what one point of a unit's
/// dimension score adds to the pemda score (`units_share`).
pub(super) fn point_slots(rs: &Ruleset, sc: &Scenario, outcome: &Outcome, share: Ratio) -> Result<Vec<PointSlot>, InputError> {
    let n = Ratio::int(outcome.units.len() as i64);
    let one_nth = Ratio::int(1).checked_div(n).ok_or_else(too_precise)?;
    let total_w = Ratio::from_decimal(rs.dimension_weight_total());
    let mut out = Vec::new();
    for u in &outcome.units {
        let unit = &sc.units[u.index];
        let locked = |k: &str| unit.locked.iter().any(|l| l == k);
        match &unit.entry {
            Entry::Score(v) if !locked(TOTAL) => out.push(PointSlot {
                unit_index: u.index,
                unit: unit.name.clone(),
                dimension: None,
                from: *v,
                max: rs.score_max,
                gain: one_nth,
                effort: sc.effort.get(TOTAL).copied().unwrap_or(1),
            }),
            Entry::Dimensions(m) | Entry::Points(m) => {
                let points = matches!(unit.entry, Entry::Points(_));
                for d in rs.dimensions.iter().filter(|d| !locked(&d.id)) {
                    let weight_share = Ratio::from_decimal(d.weight).checked_div(total_w).ok_or_else(too_precise)?;
                    // A weighted point adds one point to the unit's dimension score; a
                    // point of a 0–100 score adds its weight share of one.
                    let (gain, max) = if points {
                        let top = points_top(rs, d)?.1.round(rs.rounding.places, RoundingMode::Down).ok_or_else(too_precise)?;
                        (share, top)
                    } else {
                        (share.checked_mul(weight_share).ok_or_else(too_precise)?, rs.score_max)
                    };
                    out.push(PointSlot {
                        unit_index: u.index,
                        unit: unit.name.clone(),
                        dimension: Some(d.id.clone()),
                        from: m.get(&d.id).copied().unwrap_or(Decimal::ZERO),
                        max,
                        gain,
                        effort: sc.effort.get(&d.id).copied().unwrap_or(1),
                    });
                }
            }
            _ => {}
        }
    }
    Ok(out)
}

/// The scenario with the raises made, for the score after and for a what-if.
pub(super) fn raised(sc: &Scenario, steps: &[Step]) -> Scenario {
    let mut out = sc.clone();
    for s in steps {
        let Some(u) = out.units.get_mut(s.unit_index) else { continue };
        match (&mut u.entry, s.kind, &s.dimension) {
            (Entry::Score(v), StepKind::Unit, _) => *v = s.to,
            (Entry::Dimensions(m) | Entry::Points(m), StepKind::Dimension, Some(d)) => {
                m.insert(d.clone(), s.to);
            }
            _ => {}
        }
    }
    out
}

/// The plan's steps for `raises` of `slots`, in unit order.
pub(super) fn point_steps(slots: &[PointSlot], raises: &[PointStep]) -> Vec<Step> {
    let mut steps: Vec<Step> = raises
        .iter()
        .map(|r| {
            let s = &slots[r.slot];
            Step {
                kind: if s.dimension.is_some() { StepKind::Dimension } else { StepKind::Unit },
                unit_index: s.unit_index,
                unit: s.unit.clone(),
                indicator: String::new(),
                dimension: s.dimension.clone(),
                product: None,
                from: r.from,
                to: r.to,
                gain: r.gain,
                entered: true,
                responses: None,
            }
        })
        .collect();
    crate::engine::order::sort_by(&mut steps, |a, b| (a.unit_index, &a.dimension).cmp(&(b.unit_index, &b.dimension)));
    steps
}

/// Points in all, in grid steps × effort: the plan's cost.
pub(super) fn point_cost(slots: &[PointSlot], raises: &[PointStep], places: u32) -> u64 {
    raises.iter().map(|r| grid_steps(r.to - r.from, places) * u64::from(slots[r.slot].effort)).sum()
}
