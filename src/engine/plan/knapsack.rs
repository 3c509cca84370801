//! Minimum-cost covering: choose how many steps to take from each pool so that the
//! total gain reaches `need` at the least total cost. Pools hold interchangeable steps
//! (same gain, same cost), which is how the planner groups indicator changes.

/// `count` steps, each adding `gain` (a whole number of the planner's gain units) for
/// `cost` effort.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pool {
    pub gain: i128,
    pub cost: u64,
    pub count: u64,
}

/// How many steps to take from each pool (same order as `pools`) to gain at least
/// `need` at minimum total cost; `None` when even every step together falls short.
pub fn cover(pools: &[Pool], need: i128) -> Option<Vec<u64>> {
    let total = total_gain(pools);
    if need <= 0 {
        return Some(vec![0; pools.len()]);
    }
    if total < need {
        return None;
    }
    let first_cost = pools.iter().find(|p| p.count > 0).map_or(1, |p| p.cost);
    if pools.iter().all(|p| p.count == 0 || p.cost == first_cost) {
        Some(largest_gains_first(pools, need))
    } else {
        Some(exact_within(pools, need, need))
    }
}

/// Every step's gain together; saturating, as then it is surely enough (the planners'
/// gains are below 2^64 each, `solve::whole_units`, so this never saturates there).
fn total_gain(pools: &[Pool]) -> i128 {
    pools.iter().fold(0i128, |t, p| t.saturating_add(p.gain.saturating_mul(p.count as i128)))
}

/// Steps of the smallest gain (a 0,01 of a total or a dimension) left to the exact
/// programme, and of the largest (a level step, in a mixed plan): whichever is more.
const EXACT_WINDOW: i128 = 400;
const EXACT_WINDOW_LARGE: i128 = 8;

/// The exact programme's tables at most, in bytes (`table_cells`): 16 MB. An effort of
/// ten million once asked for 57 GB.
const MAX_CELLS: u128 = 1 << 24;

/// `cover` for pools of many grid steps. With one effort throughout, `cover` is fast
/// and exact. With several, its dynamic programme grows with the plan's cost (thousands
/// of hundredths); so the slots with the best gain per effort are first taken (whole,
/// or the last in part) while more than the window (`EXACT_WINDOW` of the smallest steps, or
/// `EXACT_WINDOW_LARGE` of the largest) is still missing, and the exact programme
/// settles the rest. Plans that small are exact (the brute-force tests); larger ones
/// differ from the optimum at most in how that last window is shared. The window is
/// counted in the smallest steps, not the largest: a level step gains a hundred 0,01s'
/// worth, and a window of 400 of those made a 50-unit mixed plan take half a second.
pub fn cover_large(pools: &[Pool], need: i128) -> Option<Vec<u64>> {
    let mut costs = pools.iter().filter(|p| p.count > 0).map(|p| p.cost);
    let first = costs.next();
    if costs.all(|c| Some(c) == first) {
        return cover(pools, need);
    }
    if total_gain(pools) < need {
        return None;
    }
    let gains = || pools.iter().filter(|p| p.count > 0 && p.gain > 0).map(|p| p.gain);
    let window = (EXACT_WINDOW * gains().min().unwrap_or(0)).max(EXACT_WINDOW_LARGE * gains().max().unwrap_or(0));
    Some(exact_within(pools, need, window))
}

/// Best gain per effort first while more than `window` is missing, the exact programme
/// for the rest; the window halves until the programme's table fits `MAX_CELLS`, so the
/// work is bounded by the problem's size whatever the efforts (at a window of 0 the
/// programme only settles the last step). Needs a feasible `need`.
fn exact_within(pools: &[Pool], need: i128, mut window: i128) -> Vec<u64> {
    loop {
        let (whole, rest) = best_ratio_first(pools, need, window);
        let left: Vec<Pool> = pools.iter().zip(&whole).map(|(p, &w)| Pool { count: p.count - w, ..*p }).collect();
        if rest <= 0 {
            return whole;
        }
        if window == 0 || table_cells(&left, rest) <= MAX_CELLS {
            let take = dynamic_programme(&left, rest);
            return take.iter().zip(&whole).map(|(t, w)| t + w).collect();
        }
        window /= 2;
    }
}

/// Whole steps, best gain per cost first, while more than `window` is missing: the
/// steps taken and what is still missing.
fn best_ratio_first(pools: &[Pool], need: i128, window: i128) -> (Vec<u64>, i128) {
    let mut order: Vec<usize> = (0..pools.len()).filter(|&i| pools[i].count > 0 && pools[i].cost > 0).collect();
    // Best gain per cost first: a / c > b / d ⇔ a·d > b·c.
    crate::engine::order::sort_by(&mut order, |&a, &b| {
        (pools[b].gain * pools[a].cost as i128).cmp(&(pools[a].gain * pools[b].cost as i128))
    });
    let mut whole = vec![0u64; pools.len()];
    let mut rest = need;
    for i in order {
        if rest <= window {
            break;
        }
        // As many steps as leave at least the window (a pool may cover it all alone).
        let k = ((rest - window) / pools[i].gain).min(pools[i].count as i128);
        whole[i] = k as u64;
        rest -= pools[i].gain * k;
    }
    (whole, rest)
}

/// The bytes of `dynamic_programme`'s tables for these pools: a flag per bundle and a
/// 16-byte gain per cost in the range.
fn table_cells(pools: &[Pool], need: i128) -> u128 {
    let g = pools.iter().filter(|p| p.count > 0).fold(0u64, |g, p| gcd(g, p.cost)).max(1);
    let width = (greedy_by_ratio_cost(pools, need) / g) as u128 + 1;
    let bundles: u128 = pools.iter().map(|p| (u64::BITS - p.count.leading_zeros()) as u128).sum();
    (bundles + 16) * width
}

/// When every step costs the same, the cheapest cover is the fewest steps, and the k
/// steps that gain most are the k largest gains: any other choice of k steps gains no
/// more. So taking the largest gains until `need` is met is exact.
fn largest_gains_first(pools: &[Pool], need: i128) -> Vec<u64> {
    let mut order: Vec<usize> = (0..pools.len()).collect();
    crate::engine::order::sort_by(&mut order, |&a, &b| pools[b].gain.cmp(&pools[a].gain));
    let mut take = vec![0; pools.len()];
    let mut got = 0i128;
    for i in order {
        let p = pools[i];
        if got >= need || p.gain <= 0 {
            break;
        }
        let missing = need - got;
        let k = (((missing + p.gain - 1) / p.gain) as u64).min(p.count);
        take[i] = k;
        got += p.gain * k as i128;
    }
    take
}

/// With different costs, taking the best gain per cost first is not exact (a cheaper
/// step can overshoot less; see the tests), so: an exact 0/1 knapsack over cost,
/// `best[c]` = most gain for total cost ≤ c, with each pool split into 1, 2, 4, … step
/// bundles. The cost range is bounded by a feasible greedy plan, which keeps the table
/// small: the optimum never costs more than a plan we already have.
fn dynamic_programme(pools: &[Pool], need: i128) -> Vec<u64> {
    // Common factor of the costs: a smaller table, the same answer.
    let g = pools.iter().filter(|p| p.count > 0).fold(0u64, |g, p| gcd(g, p.cost)).max(1);
    let bound = (greedy_by_ratio_cost(pools, need) / g) as usize;

    // Bundles: (pool, steps, gain, cost).
    let mut bundles: Vec<(usize, u64, i128, usize)> = Vec::new();
    for (i, p) in pools.iter().enumerate() {
        let (mut left, mut size) = (p.count, 1u64);
        while left > 0 {
            let s = size.min(left);
            let c = (p.cost / g * s) as usize;
            if c <= bound {
                bundles.push((i, s, p.gain * s as i128, c));
            }
            left -= s;
            size *= 2;
        }
    }
    let width = bound + 1;
    let mut best = vec![0i128; width];
    // took[b * width + c]: bundle b improved best[c] when it was considered.
    let mut took = vec![false; bundles.len() * width];
    for (b, &(_, _, gain, cost)) in bundles.iter().enumerate() {
        for c in (cost..width).rev() {
            let with = best[c - cost] + gain;
            if with > best[c] {
                best[c] = with;
                took[b * width + c] = true;
            }
        }
    }
    let mut c = best.iter().position(|&x| x >= need).expect("the greedy bound is feasible");
    let mut take = vec![0; pools.len()];
    for b in (0..bundles.len()).rev() {
        if took[b * width + c] {
            let (pool, steps, _, cost) = bundles[b];
            take[pool] += steps;
            c -= cost;
        }
    }
    take
}

/// The cost of a feasible plan: best gain per cost first, whole steps.
fn greedy_by_ratio_cost(pools: &[Pool], need: i128) -> u64 {
    let mut order: Vec<usize> = (0..pools.len()).filter(|&i| pools[i].count > 0).collect();
    // gain_a / cost_a > gain_b / cost_b  ⇔  gain_a · cost_b > gain_b · cost_a
    crate::engine::order::sort_by(&mut order, |&a, &b| {
        (pools[b].gain * pools[a].cost as i128).cmp(&(pools[a].gain * pools[b].cost as i128))
    });
    let (mut got, mut cost) = (0i128, 0u64);
    for i in order {
        let p = pools[i];
        if got >= need {
            break;
        }
        let k = (((need - got + p.gain - 1) / p.gain) as u64).min(p.count);
        got += p.gain * k as i128;
        cost += p.cost * k;
    }
    cost
}

fn gcd(a: u64, b: u64) -> u64 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cost(pools: &[Pool], take: &[u64]) -> u64 {
        pools.iter().zip(take).map(|(p, k)| p.cost * k).sum()
    }

    fn gain(pools: &[Pool], take: &[u64]) -> i128 {
        pools.iter().zip(take).map(|(p, k)| p.gain * *k as i128).sum()
    }

    #[test]
    fn greedy_by_gain_per_effort_is_not_optimal_but_the_programme_is() {
        // Need 10. A: gain 9 for 6 (1.5 per effort), B: gain 2 for 2 (1.0), C: gain 10 for 7 (≈1.43).
        // Best ratio first takes A (9, cost 6), then still needs 1 and takes the next best
        // ratio, C (cost 7): 13 in all. The optimum is C alone: cost 7.
        let pools = [Pool { gain: 9, cost: 6, count: 1 }, Pool { gain: 2, cost: 2, count: 1 }, Pool { gain: 10, cost: 7, count: 1 }];
        assert_eq!(greedy_by_ratio_cost(&pools, 10), 13);
        let take = cover(&pools, 10).unwrap();
        assert_eq!(take, vec![0, 0, 1]);
        assert_eq!(cost(&pools, &take), 7);
    }

    #[test]
    fn equal_costs_take_the_largest_gains() {
        let pools = [Pool { gain: 3, cost: 1, count: 5 }, Pool { gain: 7, cost: 1, count: 2 }, Pool { gain: 1, cost: 1, count: 9 }];
        // 7 + 7 + 3 = 17 ≥ 16 with 3 steps; no 2 steps reach 16.
        let take = cover(&pools, 16).unwrap();
        assert_eq!(take, vec![1, 2, 0]);
    }

    #[test]
    fn impossible_and_trivial() {
        let pools = [Pool { gain: 3, cost: 2, count: 2 }];
        assert_eq!(cover(&pools, 7), None);
        assert_eq!(cover(&pools, 0), Some(vec![0]));
        assert_eq!(cover(&[], 1), None);
    }

    /// Every combination of counts, for small pools.
    fn brute(pools: &[Pool], need: i128) -> Option<u64> {
        let mut best = None;
        let mut take = vec![0u64; pools.len()];
        loop {
            if gain(pools, &take) >= need {
                let c = cost(pools, &take);
                best = Some(best.map_or(c, |b: u64| b.min(c)));
            }
            let mut i = 0;
            loop {
                if i == pools.len() {
                    return best;
                }
                if take[i] < pools[i].count {
                    take[i] += 1;
                    break;
                }
                take[i] = 0;
                i += 1;
            }
        }
    }

    #[test]
    fn matches_exhaustive_search_on_random_pools() {
        // A small linear congruential generator keeps the test deterministic.
        let mut seed = 0x2545F4914F6CDD1Du64;
        let mut next = |m: u64| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) % m
        };
        for _ in 0..500 {
            let n = 1 + next(4) as usize;
            let pools: Vec<Pool> = (0..n).map(|_| Pool { gain: 1 + next(12) as i128, cost: 1 + next(6), count: next(4) }).collect();
            let need = next(40) as i128;
            let want = brute(&pools, need);
            let got = cover(&pools, need);
            assert_eq!(got.as_ref().map(|t| cost(&pools, t)), want, "{pools:?} need {need}");
            if let Some(t) = got {
                assert!(gain(&pools, &t) >= need);
                assert!(t.iter().zip(&pools).all(|(k, p)| *k <= p.count));
            }
        }
    }
}
