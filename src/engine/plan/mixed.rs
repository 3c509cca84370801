//! Plans that raise totals or dimension scores, alone or beside indicator levels: one
//! plan over every unit, whatever its entry level.
//!
//! A point of a total or of a dimension (as entered) costs its effort; an indicator
//! level step costs its effort times the scenario's `step_points` (1 unless the user
//! says otherwise). In hundredths of a point both are whole numbers, so one covering
//! knapsack chooses among all of them. The points chosen are then shared out weakest
//! first (`points::shared_out`), the level steps to as few units as can take them
//! (`share_pools`). Objective `indicators` counts changed entries; a raised total or
//! dimension is one entry.

use super::points::{self, PointSlot};
use super::*;
use crate::engine::scenario::DEFAULT_STEP_POINTS;
use knapsack::cover_large;

/// Costs are counted in units of 10^-`COST_PLACES` points (hundredths): the grid of a
/// `step_points` value, and of every shipped method's rounding.
const COST_PLACES: u32 = 2;

/// What the planner may raise, at both levels.
pub(super) struct Raisable<'a> {
    pub entries: &'a [Changeable],
    pub slots: &'a [Slot],
    pub points: &'a [PointSlot],
}

/// The plan for a scenario with at least one total or dimension score to raise.
pub(super) fn plan_mixed(
    rs: &Ruleset,
    sc: &Scenario,
    r: &Raisable,
    need: Ratio,
    inclusive: bool,
    objective: Objective,
    mut result: Plan,
) -> Result<Plan, InputError> {
    let places = rs.rounding.places;
    // One whole unit for every gain and the need: the level steps' gains, then the points'.
    let all: Vec<Ratio> = r.slots.iter().map(|s| s.gain).chain(points::grid_gains(r.points, places).ok_or_else(too_precise)?).collect();
    let (mut gains, need_units) = whole_units(&all, need, inclusive).ok_or_else(too_precise)?;
    let pools = points::grid_pools(r.points, &gains.split_off(r.slots.len()), places);
    let (per_step, per_point) = cost_scale(sc, places);
    let chosen = match objective {
        Objective::Steps => by_steps_and_points(r.slots, &gains, &pools, need_units, per_step, per_point),
        Objective::Indicators => fewest_entries(r, &gains, &pools, need_units),
    };
    let (raise, take, planned) = match chosen {
        Some((raise, take)) => (raise, take, true),
        // Unreachable: everything raised shows the best the units can reach.
        None => (r.slots.iter().map(|s| s.room).collect(), pools.iter().map(|p| p.count).collect(), false),
    };
    let taken = ladder_steps(r.entries, r.slots, &raise);
    let raises = points::shared_out(r.points, &pools, &take, places).ok_or_else(too_precise)?;
    let point_steps = points::point_steps(r.points, &raises);
    let (after, category_after) = apply(rs, &points::raised(sc, &point_steps), r.entries, &taken)?;
    if !planned {
        result.status = Status::Unreachable;
        result.best_reachable = Some(after);
        return Ok(result);
    }
    let mut steps = steps_taken(sc, r.entries, r.slots, &taken)?;
    steps.extend(point_steps);
    // Stable: each unit's indicator steps, then its dimensions, as each part sorted them.
    crate::engine::order::sort_by_key(&mut steps, |s| s.unit_index);
    result.cost = match objective {
        Objective::Steps => plan_cost(r.slots, &raise, objective) * per_step + points::point_cost(r.points, &raises, places) * per_point,
        Objective::Indicators => plan_cost(r.slots, &raise, objective) + raises.len() as u64,
    };
    result.status = Status::Planned;
    result.score_after = after;
    result.category_after = category_after;
    result.steps = steps;
    Ok(result)
}

/// What a level step (per unit of effort) and a grid step of points (per unit of
/// effort) cost, in hundredths of a point.
pub(super) fn cost_scale(sc: &Scenario, places: u32) -> (u64, u64) {
    let hundredths = sc.step_points.unwrap_or(DEFAULT_STEP_POINTS) * Decimal::from(10u64.pow(COST_PLACES));
    // `step_points` is read on the 0,01 grid, from 0,01 to 100.
    let per_step = u64::try_from(hundredths.trunc().mantissa() / 10i128.pow(hundredths.trunc().scale())).unwrap_or(1).max(1);
    // A method rounding to fewer places than hundredths has coarser grid steps.
    let per_point = 10u64.pow(COST_PLACES.saturating_sub(places));
    (per_step, per_point)
}

/// Objective `steps`: level steps and grid steps of points in one exact cover, then
/// shared out (the points' own share is `points::shared_out`).
fn by_steps_and_points(
    slots: &[Slot],
    gains: &[i128],
    points: &[Pool],
    need: i128,
    per_step: u64,
    per_point: u64,
) -> Option<(Vec<u32>, Vec<u64>)> {
    let (mut pools, members) = step_pools(slots, gains, per_step);
    let levels = pools.len();
    pools.extend(points.iter().map(|p| Pool { cost: p.cost * per_point, ..*p }));
    let take = cover_large(&pools, need)?;
    let by_points: i128 = points.iter().zip(&take[levels..]).map(|(p, &k)| p.gain * k as i128).sum();
    let raise = top_up(slots, gains, need - by_points, prefix_form(slots, &share_pools(slots, &members, &take[..levels])));
    Some((raise, take[levels..].to_vec()))
}

/// Objective `indicators`: the fewest entries, a total or a dimension being one entry
/// whose grid steps are its ladder (`by_indicators` on both together).
fn fewest_entries(r: &Raisable, gains: &[i128], points: &[Pool], need: i128) -> Option<(Vec<u32>, Vec<u64>)> {
    let mut slots = r.slots.to_vec();
    let mut all_gains = gains.to_vec();
    for (k, (p, pool)) in r.points.iter().zip(points).enumerate() {
        slots.push(Slot {
            entry: r.entries.len() + k,
            unit_index: p.unit_index,
            gain: Ratio::ZERO,
            room: u32::try_from(pool.count).unwrap_or(u32::MAX),
            effort: 1,
            steps: 1,
        });
        all_gains.push(pool.gain);
    }
    let raise = by_indicators(&slots, &all_gains, need)?;
    let levels = r.slots.len();
    Some((raise[..levels].to_vec(), raise[levels..].iter().map(|&k| u64::from(k)).collect()))
}
