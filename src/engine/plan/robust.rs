//! The robust plan: the cheapest indicator changes after which *every* sample the
//! Ombudsman may draw reaches the target, not just the units entered today.
//!
//! Every sample has the same size, so a sample reaches the target exactly when its sum
//! of unit scores does, and the worst sample (the weakest candidates of every sector)
//! decides. The plan is built in rounds: the cheapest plan (`plan::plan`) that lifts
//! today's worst sample to the target is applied, and the next worst sample follows,
//! until none falls short. That is an upper bound on the cost. Any robust plan must
//! also lift each of those worst samples on its own, so the dearest of their own
//! cheapest plans is a lower bound; when the two meet, the plan is exact.
//!
//! Where every sector draws one or two units and the problem is small enough
//! (`EXACT_WORK`), `exact_search` finds the cheapest robust plan outright.

use crate::engine::error::{InputError, Problem, Says};
use crate::engine::exact::Ratio;
use crate::engine::map::SmallMap;
use crate::engine::plan::{
    applied_plan, floor_of, plan_with, points_to, unit_rates, CostUnit, Lifts, Objective, Plan, ResponseChange, Run, Status, Step,
};
use crate::engine::risk::{all_samples, target_band, worst_sample, Sample};
use crate::engine::ruleset::Ruleset;
use crate::engine::scenario::{Entry, Scenario};

/// Rounds before giving up (each lifts at least one sample; real pemdas need a few).
pub const MAX_ROUNDS: usize = 500;

#[derive(Debug, Clone, PartialEq)]
pub struct RobustPlan {
    /// As a plan: `score_before`/`after` are the worst sample's, `cost` the upper bound.
    pub plan: Plan,
    /// No robust plan costs less than this.
    pub lower_bound: u64,
    /// `cost == lower_bound`: no cheaper robust plan exists.
    pub exact: bool,
    pub worst_before: Sample,
    pub worst_after: Sample,
    pub rounds: usize,
}

/// The scenario with only the units of one sample, every one of them drawn.
fn sample_only(sc: &Scenario, units: &[usize]) -> Scenario {
    let mut s = sc.clone();
    s.units = units.iter().map(|&i| sc.units[i].clone()).collect();
    s.sampling.clear();
    s
}

pub fn robust_plan(rs: &Ruleset, sc: &Scenario, target: Option<&str>, objective: Objective) -> Result<RobustPlan, InputError> {
    let sc = &*crate::engine::score::canonical(rs, sc)?;
    let worst_before = worst_sample(rs, sc)?;
    let target = target_band(rs, target, worst_before.band)?;
    let category = rs.bands[target].category.clone();
    // Units entered as totals or by dimension are raised in points: every round's cost
    // is then counted in hundredths of a point, and the exact search and the averaging
    // bound, which count level steps, stand aside.
    let in_points = has_points(sc);
    if worst_before.band > target && objective == Objective::Steps && !in_points {
        if let Some(exact) = exact_plan(rs, sc, target, &worst_before)? {
            return Ok(exact);
        }
    }
    let mut current = sc.clone();
    let mut steps: Vec<Step> = Vec::new();
    let (mut cost, mut lower_bound, mut rounds) = (0u64, 0u64, 0usize);
    let mut worst = worst_before.clone();
    let mut status = if worst.band <= target { Status::AlreadyThere } else { Status::Planned };
    while worst.band > target {
        if rounds == MAX_ROUNDS {
            return Err(InputError::new("sampling", Problem::Says(Says::NoRobustPlan(MAX_ROUNDS as u64))));
        }
        rounds += 1;
        let lift = plan_with(rs, &sample_only(&current, &worst.units), Some(&category), objective, in_points)?;
        if lift.status == Status::Unreachable {
            status = Status::Unreachable;
            break;
        }
        // The same sample from today's scores: a robust plan must lift it too.
        let alone = plan_with(rs, &sample_only(sc, &worst.units), Some(&category), objective, in_points)?;
        lower_bound = lower_bound.max(alone.cost);
        cost += lift.cost;
        let mapped: Vec<Step> = lift.steps.iter().map(|s| Step { unit_index: worst.units[s.unit_index], ..s.clone() }).collect();
        current = applied_plan(&current, &Plan { steps: mapped.clone(), ..lift }, rs);
        steps.extend(mapped);
        worst = worst_sample(rs, &current)?;
    }
    if objective == Objective::Steps && status == Status::Planned && !in_points {
        lower_bound = lower_bound.max(spread_bound(rs, sc, target, worst_before.units.len())?);
    }
    let steps = merged(steps);
    if objective == Objective::Indicators {
        // Entries changed, however many rounds raised each.
        cost = steps.len() as u64;
    }
    let exact = status != Status::Unreachable && cost == lower_bound;
    let plan = as_plan(rs, target, &worst_before, &worst, status, objective, (cost, CostUnit::of(objective, in_points)), steps);
    Ok(RobustPlan { plan, lower_bound, exact, worst_before, worst_after: worst, rounds })
}

/// Whether a unit with data is entered as a total or by dimension.
fn has_points(sc: &Scenario) -> bool {
    sc.units.iter().any(|u| matches!(u.entry, Entry::Score(_) | Entry::Dimensions(_) | Entry::Points(_)) && u.has_data())
}

/// The robust plan in the planner's terms: its scores are the worst sample's.
#[allow(clippy::too_many_arguments)]
fn as_plan(
    rs: &Ruleset,
    target: usize,
    before: &Sample,
    after: &Sample,
    status: Status,
    objective: Objective,
    cost: (u64, CostUnit),
    steps: Vec<Step>,
) -> Plan {
    let threshold = crate::engine::grade::threshold(rs, target);
    Plan {
        status,
        objective,
        target: Some(rs.bands[target].category.clone()),
        threshold: Some(threshold),
        score_before: before.score,
        category_before: rs.bands[before.band].category.clone(),
        score_after: after.score,
        category_after: rs.bands[after.band].category.clone(),
        points_needed: Some(threshold - before.score).filter(|p| p.is_sign_positive()),
        cost: cost.0,
        cost_unit: cost.1,
        uncertain_after: None,
        steps,
        best_reachable: (status == Status::Unreachable).then_some(after.score),
        alternatives: Vec::new(),
    }
}

/// The exact search's plan, checked: after it, the worst sample reaches the target.
fn exact_plan(rs: &Ruleset, sc: &Scenario, target: usize, worst_before: &Sample) -> Result<Option<RobustPlan>, InputError> {
    let Some((steps, cost)) = exact_search(rs, sc, target, worst_before.units.len())? else { return Ok(None) };
    let steps = merged(steps);
    // Scored after it: every sample must reach the target (the rounds take over if not).
    let probe = as_plan(rs, target, worst_before, worst_before, Status::Planned, Objective::Steps, (cost, CostUnit::Steps), steps);
    let after = worst_sample(rs, &applied_plan(sc, &probe, rs))?;
    if after.band > target {
        return Ok(None);
    }
    let plan = Plan { score_after: after.score, category_after: rs.bands[after.band].category.clone(), ..probe };
    Ok(Some(RobustPlan { plan, lower_bound: cost, exact: true, worst_before: worst_before.clone(), worst_after: after, rounds: 0 }))
}

/// Samples the averaging bound looks at, at most (each is scored once).
pub const SPREAD_LIMIT: u128 = 2_000;

/// A bound from all samples at once: a unit of effort on unit u adds at most ρ_u to
/// every sample containing u, and u is in d_u of the samples still short of the target,
/// so a robust plan's cost is at least Σ (what each sample lacks) / max (ρ_u · d_u).
/// (With two of three Puskesmas drawn this is what the hand calculation does.)
fn spread_bound(rs: &Ruleset, sc: &Scenario, band: usize, size: usize) -> Result<u64, InputError> {
    let Some(samples) = all_samples(rs, sc, SPREAD_LIMIT)? else { return Ok(0) };
    let rates = unit_rates(rs, sc, size)?;
    let mut lacking = Ratio::ZERO;
    let mut short_in: SmallMap<usize, i64> = SmallMap::new();
    for units in &samples {
        if let Some(need) = points_to(rs, &sample_only(sc, units), band)? {
            lacking = lacking.checked_add(need).ok_or_else(too_precise)?;
            for &u in units {
                *short_in.entry(u).or_default() += 1;
            }
        }
    }
    let most = short_in.iter().filter_map(|(u, &d)| rates.get(u).and_then(|r| r.checked_mul(Ratio::int(d)))).max().unwrap_or(Ratio::ZERO);
    if most == Ratio::ZERO {
        return Ok(0);
    }
    // The least whole cost at or above lacking / most.
    let q = lacking.checked_div(most).ok_or_else(too_precise)?;
    let whole = q.round(0, crate::engine::number::RoundingMode::Up).ok_or_else(too_precise)?;
    Ok(u64::try_from(whole.mantissa()).unwrap_or(0))
}

fn too_precise() -> InputError {
    InputError::new("", Problem::TooPrecise)
}

/// One step per entry: from its first level to its last, respondents added up.
fn merged(steps: Vec<Step>) -> Vec<Step> {
    let mut out: Vec<Step> = Vec::new();
    // Where each entry's step is in `out` (a search of `out` per step was quadratic).
    let mut at: std::collections::HashMap<_, usize> = std::collections::HashMap::new();
    for s in steps {
        let id = (s.unit_index, s.kind, s.indicator.clone(), s.dimension.clone(), s.product);
        match at.get(&id).map(|&i| &mut out[i]) {
            Some(m) => {
                m.to = s.to;
                m.gain = m.gain.checked_add(s.gain).unwrap_or(m.gain);
                if let (Some(a), Some(b)) = (&mut m.responses, &s.responses) {
                    *a = ResponseChange { respondents: a.respondents + b.respondents, after: b.after.clone(), ..a.clone() };
                }
            }
            None => {
                at.insert(id, out.len());
                out.push(s);
            }
        }
    }
    crate::engine::order::sort_by(&mut out, |a, b| {
        (a.unit_index, &a.indicator, &a.dimension, a.product).cmp(&(b.unit_index, &b.indicator, &b.dimension, b.product))
    });
    out
}

/// Work (frontier entries × candidates × steps of one unit) up to which the exact
/// search runs.
pub const EXACT_WORK: u64 = 200_000_000;

/// The most gain (in whole units of the common denominator) each effort up to the
/// runs' total buys: a bounded knapsack, `best[c]` for effort at most `c`.
fn frontier(runs: &[Run], scale: &dyn Fn(Ratio) -> Option<i128>) -> Option<Vec<i128>> {
    let total: u64 = runs.iter().map(|r| r.effort as u64 * r.room as u64).sum();
    let mut best = vec![0i128; total as usize + 1];
    for r in runs {
        let g = scale(r.gain)?;
        // Binary pieces of the run's room: any count of its steps is a sum of pieces.
        let (mut left, mut piece) = (r.room, 1u32);
        while left > 0 {
            let m = piece.min(left);
            left -= m;
            piece *= 2;
            let (cost, gain) = (r.effort as usize * m as usize, g.checked_mul(m as i128)?);
            for c in (cost..best.len()).rev() {
                best[c] = best[c].max(best[c - cost].checked_add(gain)?);
            }
        }
    }
    Some(best)
}

/// The least effort whose frontier gain reaches `need` (0 when nothing is needed).
fn least(best: &[i128], need: i128) -> Option<usize> {
    if need <= 0 {
        return Some(0);
    }
    let c = best.partition_point(|&g| g < need);
    (c < best.len()).then_some(c)
}

/// A sector's best use of each budget: `value[b]` is the most its drawn units' scores
/// can sum to in the worst sample for effort at most `b` (λ, plus the low unit's score
/// counted at most λ when two are drawn), and `how[b]` the choice behind it.
struct SectorFrontier {
    value: Vec<i128>,
    how: Vec<Choice>,
}

/// λ, and for two drawn the low candidate with its effort.
#[derive(Clone, Copy)]
struct Choice {
    lambda: i128,
    low: Option<(usize, usize)>,
}

/// A candidate: its scenario index, its score now and its frontier (scaled).
struct Candidate {
    unit: usize,
    now: i128,
    best: Vec<i128>,
}

fn sector_frontier(cands: &[Candidate], k: usize) -> SectorFrontier {
    let budget: usize = cands.iter().map(|c| c.best.len() - 1).sum();
    let mut value = vec![i128::MIN; budget + 1];
    let mut how = vec![Choice { lambda: 0, low: None }; budget + 1];
    let mut lambdas: Vec<i128> = cands.iter().flat_map(|c| c.best.iter().map(move |g| c.now + g)).collect();
    crate::engine::order::sort(&mut lambdas);
    lambdas.dedup();
    let mut note = |cost: usize, v: i128, choice: Choice| {
        if cost < value.len() && v > value[cost] {
            value[cost] = v;
            how[cost] = choice;
        }
    };
    for &lambda in &lambdas {
        let high: Vec<Option<usize>> = cands.iter().map(|c| least(&c.best, lambda - c.now)).collect();
        if k == 1 {
            if let Some(h) = high.iter().copied().sum::<Option<usize>>() {
                note(h, lambda, Choice { lambda, low: None });
            }
            continue;
        }
        for (l, c) in cands.iter().enumerate() {
            if c.now > lambda {
                continue;
            }
            let Some(h) = high.iter().enumerate().filter(|(i, _)| *i != l).map(|(_, h)| *h).sum::<Option<usize>>() else { continue };
            for (cl, g) in c.best.iter().enumerate() {
                note(h + cl, lambda + (c.now + g).min(lambda), Choice { lambda, low: Some((l, cl)) });
                if c.now + g >= lambda {
                    break;
                }
            }
        }
    }
    // Effort at most b: carry the best of smaller budgets forward.
    for b in 1..value.len() {
        if value[b - 1] > value[b] {
            value[b] = value[b - 1];
            how[b] = how[b - 1];
        }
    }
    SectorFrontier { value, how }
}

/// The cheapest robust plan, exactly, when every sector draws one or two units.
///
/// Let y be the units' scores after the plan, in pemda points of a sample. Every
/// sample reaches the target when the fixed units' total plus, per sector, the sum of
/// its `k` smallest y reaches T. With λ a sector's k-th smallest y, its other
/// candidates must reach λ, and (for k = 2) its lowest one, counted at most λ, adds the
/// rest. Each unit's cost for a gain is read from its frontier (the most gain each
/// effort buys), and λ need only be tried where some candidate's score can land. That
/// gives each sector its best worst-case sum for every budget; budgets are then shared
/// between the sectors and the fixed units (a max-plus convolution) and the least total
/// that reaches T is the optimum. `None` when a sector draws more, or it is too large.
fn exact_search(rs: &Ruleset, sc: &Scenario, target: usize, size: usize) -> Result<Option<(Vec<Step>, u64)>, InputError> {
    let layout = crate::engine::risk::layout(rs, sc)?;
    if layout.sectors.is_empty() || layout.sectors.iter().any(|d| d.draw > 2) {
        return Ok(None);
    }
    let lifts = Lifts::new(rs, sc, size)?;
    let outcome = crate::engine::evaluate(rs, sc)?;
    let x = |u: usize| outcome.units.iter().find(|o| o.index == u).map(|o| o.exact);
    let p = |u: usize| x(u).and_then(|v| v.checked_mul(lifts.share));
    // The constant part of a sample's pemda score: raw = c0 + Σ share · x over it.
    let worst = worst_sample(rs, sc)?;
    let mut sum = Ratio::ZERO;
    for &u in &worst.units {
        sum = sum.checked_add(p(u).ok_or_else(too_precise)?).ok_or_else(too_precise)?;
    }
    let mean = worst.units.iter().try_fold(Ratio::ZERO, |a, &u| x(u).and_then(|v| a.checked_add(v)));
    let mean = mean.and_then(|m| m.checked_div(Ratio::int(size as i64))).ok_or_else(too_precise)?;
    let raw = crate::engine::score::aggregate_of_mean(rs, sc, mean)?.raw;
    let c0 = raw.checked_sub(sum).ok_or_else(too_precise)?;
    let (floor, inclusive) = floor_of(rs, target);
    let t = floor.checked_sub(c0).ok_or_else(too_precise)?;
    // One denominator for every gain, score and the target.
    let fixed = &layout.fixed;
    let units: Vec<usize> = fixed.iter().chain(layout.sectors.iter().flat_map(|d| d.candidates.iter())).copied().collect();
    let mut all: Vec<Ratio> = vec![t];
    for &u in &units {
        all.push(p(u).ok_or_else(too_precise)?);
    }
    all.extend(lifts.runs(&units).iter().map(|r| r.gain));
    let mut den: i128 = 1;
    for r in &all {
        den = (den / crate::engine::exact::gcd(den, r.denom())).checked_mul(r.denom()).ok_or_else(too_precise)?;
    }
    let scale = |r: Ratio| r.numer().checked_mul(den / r.denom());
    let t = scale(t).ok_or_else(too_precise)? + if inclusive { 0 } else { 1 };
    let pf: i128 = fixed.iter().map(|&u| p(u).and_then(scale)).sum::<Option<i128>>().ok_or_else(too_precise)?;
    let best_f = frontier(&lifts.runs(fixed), &scale).ok_or_else(too_precise)?;
    let mut sectors: Vec<(Vec<Candidate>, usize)> = Vec::new();
    let mut work: u64 = 0;
    for d in &layout.sectors {
        let cands: Vec<Candidate> = d
            .candidates
            .iter()
            .map(|&u| Some(Candidate { unit: u, now: p(u).and_then(scale)?, best: frontier(&lifts.runs(&[u]), &scale)? }))
            .collect::<Option<_>>()
            .ok_or_else(too_precise)?;
        let levels: u64 = cands.iter().map(|c| c.best.len() as u64).sum();
        let widest = cands.iter().map(|c| c.best.len() as u64).max().unwrap_or(1);
        work += levels * cands.len() as u64 * widest;
        sectors.push((cands, d.draw));
    }
    let budgets: u64 = best_f.len() as u64 + sectors.iter().map(|(c, _)| c.iter().map(|x| x.best.len() as u64).sum::<u64>()).sum::<u64>();
    work += budgets * budgets * sectors.len() as u64;
    if work > EXACT_WORK {
        return Ok(None);
    }
    let fronts: Vec<SectorFrontier> = sectors.iter().map(|(c, k)| sector_frontier(c, *k)).collect();
    // total[b]: the most the worst sample can sum to for effort at most b, fixed units
    // first, then one sector at a time; split[j][b] is the effort given to sector j.
    let mut total: Vec<i128> = best_f.iter().map(|g| pf + g).collect();
    let mut split: Vec<Vec<usize>> = Vec::new();
    for f in &fronts {
        let len = total.len() + f.value.len() - 1;
        let mut next = vec![i128::MIN; len];
        let mut pick = vec![0usize; len];
        for (a, &ta) in total.iter().enumerate() {
            for (b, &vb) in f.value.iter().enumerate() {
                if vb != i128::MIN && ta + vb > next[a + b] {
                    next[a + b] = ta + vb;
                    pick[a + b] = b;
                }
            }
        }
        total = next;
        split.push(pick);
    }
    let Some(budget) = total.iter().position(|&v| v >= t) else { return Ok(None) };
    // Back through the splits: each sector's effort and choice, then the fixed units'.
    let mut left = budget;
    let mut gains: Vec<(Vec<usize>, i128)> = Vec::new();
    for (j, f) in fronts.iter().enumerate().rev() {
        let b = split[j][left];
        left -= b;
        let choice = f.how[b];
        let (cands, _) = &sectors[j];
        for (i, c) in cands.iter().enumerate() {
            let g = match choice.low {
                Some((l, cl)) if l == i => c.best[cl],
                _ => c.best[least(&c.best, choice.lambda - c.now).unwrap_or(0)],
            };
            gains.push((vec![c.unit], g));
        }
    }
    gains.push((fixed.clone(), best_f[left]));
    // The plan itself: each unit's cheapest steps to its gain, the fixed units' together.
    let mut steps = Vec::new();
    let mut spent = 0u64;
    for (units, g) in gains.iter().filter(|(_, g)| *g > 0) {
        let need = Ratio::new(*g, den).ok_or_else(too_precise)?;
        let Some((s, c)) = lifts.cheapest(sc, units, need)? else { return Ok(None) };
        steps.extend(s);
        spent += c;
    }
    // Each unit's cheapest steps cost what its frontier said, or less: never more.
    Ok((spent <= budget as u64).then_some((steps, spent)))
}
