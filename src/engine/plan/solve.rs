//! Choosing how far to raise each entry: the exact covering knapsack by steps, the
//! fewest indicators, and the tie-break toward touching the fewest units.

use super::*;

/// Expresses every step gain and the need as whole multiples of one common unit, so
/// the knapsack works on integers without losing exactness.
pub(super) fn integer_scale(slots: &[Slot], need: Ratio, inclusive: bool) -> Result<(Vec<i128>, i128), InputError> {
    let gains: Vec<Ratio> = slots.iter().map(|s| s.gain).collect();
    whole_units(&gains, need, inclusive).ok_or_else(too_precise)
}

/// `gains` and `need` as whole multiples of their least common unit: the need to reach
/// (`inclusive`) or to pass (one unit more). Every planner's knapsack starts here.
pub(super) fn whole_units(gains: &[Ratio], need: Ratio, inclusive: bool) -> Option<(Vec<i128>, i128)> {
    let mut l: i128 = need.denom();
    for g in gains {
        l = (l / gcd(l, g.denom())).checked_mul(g.denom())?;
    }
    // Below 2^64 each, so the knapsacks' sums of gain × steps (fewer than 2^40 steps
    // within the limits) fit in 128 bits; beyond, the numbers are too precise.
    let scaled = |r: &Ratio| r.numer().checked_mul(l / r.denom()).filter(|v| v.unsigned_abs() < 1 << 64);
    let whole = gains.iter().map(scaled).collect::<Option<Vec<_>>>()?;
    let n = scaled(&need)?;
    Some((whole, if inclusive { n } else { n + 1 }))
}

/// Units with indicator data up to which ties are broken exactly (2^8 subsets at most).
pub(super) const EXACT_TIE_BREAK_UNITS: usize = 8;

/// The cheapest plan; among plans of that cost, one touching the fewest units. Up to
/// `EXACT_TIE_BREAK_UNITS` units, every set of units is tried in increasing size, so the
/// tie-break is exact for a typical sample; beyond that, the solvers' own preference for
/// units already in the plan decides.
pub(super) fn cheapest_touching_fewest_units(slots: &[Slot], gain: &[i128], need: i128, objective: Objective) -> Option<Vec<u32>> {
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
    crate::engine::order::sort(&mut units);
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
pub(super) fn fractional_cost_exceeds(slots: &[Slot], gain: &[i128], need: i128, cost: u64, keep: &dyn Fn(usize) -> bool) -> bool {
    let mut items: Vec<(i128, i128, i128)> =
        slots.iter().zip(gain).filter(|(s, _)| keep(s.unit_index)).map(|(s, &g)| (g, s.effort as i128, s.room as i128)).collect();
    // g_a / e_a > g_b / e_b  ⇔  g_a · e_b > g_b · e_a
    crate::engine::order::sort_by(&mut items, |a, b| (b.0 * a.1).cmp(&(a.0 * b.1)));
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

pub(super) fn plan_cost(slots: &[Slot], raise: &[u32], objective: Objective) -> u64 {
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
pub(super) fn prefix_form(slots: &[Slot], raise: &[u32]) -> Vec<u32> {
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
pub(super) fn top_up(slots: &[Slot], gain: &[i128], need: i128, mut raise: Vec<u32>) -> Vec<u32> {
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

pub(super) fn touched_units(slots: &[Slot], raise: &[u32]) -> usize {
    let set: HashSet<usize> = slots.iter().zip(raise).filter(|(_, &k)| k > 0).map(|(s, _)| s.unit_index).collect();
    set.len()
}

/// Objective `steps`: pool slots by (gain, effort), cover exactly, then hand each pool's
/// steps to as few units as possible.
pub(super) fn by_steps(slots: &[Slot], gain: &[i128], need: i128) -> Option<Vec<u32>> {
    let (pools, members) = step_pools(slots, gain, 1);
    let take = cover(&pools, need)?;
    Some(share_pools(slots, &members, &take))
}

/// The slots pooled by (gain, effort): each pool's steps are interchangeable. A step
/// costs its effort times `per_effort` (how a level step weighs against a point in a
/// plan over several entry levels).
pub(super) fn step_pools(slots: &[Slot], gain: &[i128], per_effort: u64) -> (Vec<Pool>, Vec<Vec<usize>>) {
    let mut pool_of: SmallMap<(i128, u32), usize> = SmallMap::new();
    let mut pools: Vec<Pool> = Vec::new();
    let mut members: Vec<Vec<usize>> = Vec::new();
    for (i, s) in slots.iter().enumerate() {
        let id = *pool_of.entry((gain[i], s.effort)).or_insert_with(|| {
            pools.push(Pool { gain: gain[i], cost: s.effort as u64 * per_effort, count: 0 });
            members.push(Vec::new());
            pools.len() - 1
        });
        pools[id].count += s.room as u64;
        members[id].push(i);
    }
    (pools, members)
}

/// Each pool's `take` steps handed to its member slots, touching as few units as it can.
pub(super) fn share_pools(slots: &[Slot], members: &[Vec<usize>], take: &[u64]) -> Vec<u32> {
    let mut raise = vec![0u32; slots.len()];
    let mut touched: HashSet<usize> = HashSet::new();
    // Largest allocations first, so they choose the units the smaller ones then join.
    let mut order: Vec<usize> = (0..members.len()).filter(|&p| take[p] > 0).collect();
    crate::engine::order::sort_by_key(&mut order, |&p| std::cmp::Reverse(take[p]));
    for p in order {
        let mut left = take[p];
        let room_in = unit_room(slots, &members[p]);
        let mut ms = members[p].clone();
        // Ties toward fewer units: units already in the plan, then units that can absorb
        // the most of this pool, then the order the user entered them.
        crate::engine::order::sort_by_key(&mut ms, |&i| {
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
    raise
}

pub(super) fn unit_room(slots: &[Slot], members: &[usize]) -> HashMap<usize, u64> {
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
pub(super) fn by_indicators(slots: &[Slot], gain: &[i128], need: i128) -> Option<Vec<u32>> {
    let mut full: SmallMap<usize, (usize, i128)> = SmallMap::new();
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
    crate::engine::order::sort_by_key(&mut order, |&(e, u, f)| (std::cmp::Reverse(f), std::cmp::Reverse(per_unit_gain[&(u, f)]), u, e));
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
    // Counted at once rather than one unit at a time: a total has thousands of 0,01s.
    let mut entry_units: HashMap<usize, u32> = HashMap::new();
    for (s, &k) in slots.iter().zip(&raise) {
        *entry_units.entry(s.entry).or_insert(0) += k;
    }
    let mut order: Vec<usize> = (0..slots.len()).filter(|&i| raise[i] > 0).collect();
    crate::engine::order::sort_by_key(&mut order, |&i| (gain[i], std::cmp::Reverse(i)));
    for i in order {
        let units = entry_units.get_mut(&slots[i].entry).expect("counted above");
        let spare = if gain[i] > 0 { ((got - need) / gain[i]).max(0) } else { 0 };
        let k = (raise[i] as i128).min(spare).min(*units as i128 - 1).max(0) as u32;
        raise[i] -= k;
        *units -= k;
        got -= gain[i] * k as i128;
    }
    Some(raise)
}
