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

use crate::engine::error::{InputError, Problem};
use crate::engine::exact::Ratio;
use crate::engine::plan::{applied_plan, plan, points_to, unit_rates, Objective, Plan, ResponseChange, Status, Step};
use crate::engine::risk::{all_samples, target_band, worst_sample, Sample};
use std::collections::BTreeMap;
use crate::engine::ruleset::Ruleset;
use crate::engine::scenario::Scenario;

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
    let worst_before = worst_sample(rs, sc)?;
    let target = target_band(rs, target, worst_before.band)?;
    let category = rs.bands[target].category.clone();
    let mut current = sc.clone();
    let mut steps: Vec<Step> = Vec::new();
    let (mut cost, mut lower_bound, mut rounds) = (0u64, 0u64, 0usize);
    let mut worst = worst_before.clone();
    let mut status = if worst.band <= target { Status::AlreadyThere } else { Status::Planned };
    while worst.band > target {
        if rounds == MAX_ROUNDS {
            return Err(InputError::new("sampling", Problem::Invalid(format!("no robust plan found in {MAX_ROUNDS} rounds"))));
        }
        rounds += 1;
        let lift = plan(rs, &sample_only(&current, &worst.units), Some(&category), objective)?;
        if lift.status == Status::Unreachable {
            status = Status::Unreachable;
            break;
        }
        // The same sample from today's scores: a robust plan must lift it too.
        let alone = plan(rs, &sample_only(sc, &worst.units), Some(&category), objective)?;
        lower_bound = lower_bound.max(alone.cost);
        cost += lift.cost;
        let mapped: Vec<Step> = lift.steps.iter().map(|s| Step { unit_index: worst.units[s.unit_index], ..s.clone() }).collect();
        current = applied_plan(&current, &Plan { steps: mapped.clone(), ..lift }, rs);
        steps.extend(mapped);
        worst = worst_sample(rs, &current)?;
    }
    if objective == Objective::Steps && status == Status::Planned {
        lower_bound = lower_bound.max(spread_bound(rs, sc, target, worst_before.units.len())?);
    }
    let steps = merged(steps);
    if objective == Objective::Indicators {
        // Entries changed, however many rounds raised each.
        cost = steps.len() as u64;
    }
    let exact = status != Status::Unreachable && cost == lower_bound;
    let plan = Plan {
        status,
        objective,
        target: Some(category),
        threshold: Some(crate::engine::grade::threshold(rs, target)),
        score_before: worst_before.score,
        category_before: rs.bands[worst_before.band].category.clone(),
        score_after: worst.score,
        category_after: rs.bands[worst.band].category.clone(),
        points_needed: Some(crate::engine::grade::threshold(rs, target) - worst_before.score).filter(|p| p.is_sign_positive()),
        cost,
        steps,
        best_reachable: (status == Status::Unreachable).then_some(worst.score),
        alternatives: Vec::new(),
    };
    Ok(RobustPlan { plan, lower_bound, exact, worst_before, worst_after: worst, rounds })
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
    let mut short_in: BTreeMap<usize, i64> = BTreeMap::new();
    for units in &samples {
        if let Some(need) = points_to(rs, &sample_only(sc, units), band)? {
            lacking = lacking.checked_add(need).ok_or_else(too_precise)?;
            for &u in units {
                *short_in.entry(u).or_default() += 1;
            }
        }
    }
    let most = short_in
        .iter()
        .filter_map(|(u, &d)| rates.get(u).and_then(|r| r.checked_mul(Ratio::int(d))))
        .max()
        .unwrap_or(Ratio::ZERO);
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
    for s in steps {
        match out.iter_mut().find(|m| m.unit_index == s.unit_index && m.indicator == s.indicator && m.product == s.product) {
            Some(m) => {
                m.to = s.to;
                m.gain = m.gain.checked_add(s.gain).unwrap_or(m.gain);
                if let (Some(a), Some(b)) = (&mut m.responses, &s.responses) {
                    *a = ResponseChange { respondents: a.respondents + b.respondents, after: b.after.clone(), ..a.clone() };
                }
            }
            None => out.push(s),
        }
    }
    out.sort_by_key(|s| (s.unit_index, s.indicator.clone(), s.product));
    out
}
