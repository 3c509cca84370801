//! The JSON of scores, plans and sampling risk, as the `rapor` tool prints it and the
//! `rapor-io` worker sends it to the widget: one writer for both.

use crate::engine::number::exact_string;
use crate::engine::plan::{Plan, StepKind};
use crate::engine::risk::{Risk, Sample};
use crate::engine::robust::RobustPlan;
use crate::engine::score::{Outcome, UnitOutcome};
use crate::engine::{InputError, Scenario};
use serde_json::{json, Value};

/// Gains are shown to 4 decimals: a single step often moves the pemda score by less
/// than 0.01, and 2 decimals would show it as 0.
fn gain_text(r: crate::engine::exact::Ratio) -> String {
    r.round(4, crate::engine::number::RoundingMode::HalfUp).map(|d| d.to_string()).unwrap_or_default()
}

/// A level as a JSON number: whole levels as integers (as before), a mean such as
/// 3.47 as a decimal number (it already has at most two decimals; this is output only).
pub fn level_json(d: rust_decimal::Decimal) -> Value {
    use rust_decimal::prelude::ToPrimitive;
    match (d.fract().is_zero(), d.to_i64(), d.to_f64()) {
        (true, Some(n), _) => n.into(),
        (_, _, Some(f)) => f.into(),
        _ => d.to_string().into(),
    }
}

/// The `plan` result.
pub fn plan_json(p: &Plan) -> Value {
    let steps: Vec<Value> = p
        .steps
        .iter()
        .map(|s| {
            let mut v = match &s.responses {
                // Answer counts: how many respondents answer the top answer instead.
                Some(r) => json!({
                    "unit": s.unit,
                    "indicator": s.indicator,
                    "respondents": r.respondents,
                    "answer": r.min as usize + r.after.len() - 1,
                    "responses_before": r.before,
                    "responses_after": r.after,
                    "gain": gain_text(s.gain),
                }),
                None if s.kind == StepKind::Indicator => {
                    json!({"unit": s.unit, "indicator": s.indicator, "from": level_json(s.from), "to": level_json(s.to), "gain": gain_text(s.gain)})
                }
                // A total or a dimension score, in the unit's entry scale.
                None => json!({"unit": s.unit, "from": s.from.to_string(), "to": s.to.to_string(), "gain": gain_text(s.gain)}),
            };
            v["kind"] = s.kind.as_str().into();
            if let Some(d) = &s.dimension {
                v["dimension"] = d.as_str().into();
            }
            if let Some(n) = s.product {
                v["product"] = n.into();
            }
            if !s.entered {
                v["entered"] = false.into();
            }
            v
        })
        .collect();
    let alternatives: Vec<Value> = p
        .alternatives
        .iter()
        .map(|a| {
            let kind = match (&a.dimension, &a.indicator) {
                (Some(_), _) => "dimension",
                (None, Some(_)) => "indicator_mean",
                (None, None) => "unit_total",
            };
            let mut v = json!({
                "unit": a.unit,
                "kind": kind,
                "dimension": a.dimension,
                "points_needed": a.points.to_string(),
                "possible": a.possible,
            });
            if let (Some(i), Some(to)) = (&a.indicator, a.to) {
                v["indicator"] = i.clone().into();
                v["mean_needed"] = to.to_string().into();
            }
            v
        })
        .collect();
    let mut v = json!({
        "status": p.status.as_str(),
        "reachable": matches!(p.status, crate::engine::plan::Status::Planned | crate::engine::plan::Status::AlreadyThere),
        "objective": p.objective.as_str(),
        "target": p.target,
        "threshold": p.threshold.map(|t| t.to_string()),
        "score_before": p.score_before.to_string(),
        "category_before": p.category_before,
        "score_after": p.score_after.to_string(),
        "category_after": p.category_after,
        "points_needed": p.points_needed.map(|d| d.to_string()),
        "cost": p.cost,
        "cost_unit": p.cost_unit.as_str(),
        "steps": steps,
        "alternatives": alternatives,
    });
    if let Some(u) = p.uncertain_after {
        v["uncertain_after"] = u.to_string().into();
    }
    if let Some(b) = p.best_reachable {
        v["best_reachable"] = b.to_string().into();
    }
    v
}

/// A sample: its score, category and units by name.
fn sample_json(rs: &crate::engine::Ruleset, sc: &Scenario, s: &Sample) -> Value {
    json!({
        "score": s.score.to_string(),
        "category": rs.bands[s.band].category,
        "units": s.units.iter().map(|&i| sc.units[i].name.clone()).collect::<Vec<_>>(),
    })
}

/// The `plan --robust` result: the plan's fields (its scores are the worst sample's),
/// and how sure its cost is: `"bound": "exact"` when no cheaper robust plan exists,
/// else `"upper_bound"` with the `lower_bound` and the `gap` between them.
pub fn robust_json(rs: &crate::engine::Ruleset, sc: &Scenario, r: &RobustPlan) -> Value {
    let mut v = plan_json(&r.plan);
    let sample = |s: &Sample| sample_json(rs, sc, s);
    v["robust"] = true.into();
    // No robust plan at all: nothing to bound.
    let unreachable = r.plan.status == crate::engine::plan::Status::Unreachable;
    v["bound"] = if unreachable {
        "none"
    } else if r.exact {
        "exact"
    } else {
        "upper_bound"
    }
    .into();
    v["lower_bound"] = r.lower_bound.into();
    v["gap"] = r.plan.cost.saturating_sub(r.lower_bound).into();
    v["worst_before"] = sample(&r.worst_before);
    v["worst_after"] = sample(&r.worst_after);
    v["rounds"] = r.rounds.into();
    v
}

/// The `risk` result. Probabilities and deltas are numbers to four decimals; scores are
/// strings, as everywhere.
pub fn risk_json(rs: &crate::engine::Ruleset, sc: &Scenario, r: &Risk) -> Value {
    let sample = |s: &Sample| sample_json(rs, sc, s);
    let probabilities: serde_json::Map<String, Value> =
        rs.bands.iter().enumerate().map(|(b, band)| (band.category.clone(), level_json(r.probability(b)))).collect();
    let four = |x: crate::engine::exact::Ratio| x.round(4, crate::engine::number::RoundingMode::HalfUp).map_or(Value::Null, level_json);
    let weakest: Vec<Value> = r
        .weakest
        .iter()
        .map(|l| json!({"unit": l.unit, "sector": l.sector, "delta": four(l.delta), "samples_with": l.drawn, "reaching_with": l.hits}))
        .collect();
    let mut v = json!({
        "method": r.method.as_str(),
        "samples": r.samples,
        "possible_samples": u64::try_from(r.possible).map_or_else(|_| Value::from(r.possible.to_string()), Value::from),
        "probabilities": probabilities,
        "target": rs.bands[r.target].category,
        "reach_probability": level_json(r.reach_probability()),
        "worst": sample(&r.worst),
        "best": sample(&r.best),
        "quantiles": {"p10": r.quantiles[0].to_string(), "p50": r.quantiles[1].to_string(), "p90": r.quantiles[2].to_string()},
        "weakest": weakest,
    });
    if let Some(se) = r.standard_error() {
        // Rounded to 6 decimals: a statistic of the draws, not a score.
        v["standard_error"] = ((se * 1e6).round() / 1e6).into();
        v["seed"] = crate::engine::risk::SEED.into();
    }
    v
}

/// The `score` result. Scores are strings so they keep their two decimals ("93.28").
/// `score_low`/`score_high`: the lowest and highest final figure the entries allow if
/// each typed total, dimension score or dimension point is itself a rounded figure.
pub fn score_json(o: &Outcome) -> Result<Value, InputError> {
    let a = o.aggregate.as_ref().ok_or_else(|| InputError::new("units", crate::engine::Problem::NoData))?;
    let mut v = json!({
        "ruleset": o.ruleset,
        "score": a.rounded.to_string(),
        "score_exact": exact_string(a.exact.to_decimal()),
        "score_low": a.range.low.to_string(),
        "score_high": a.range.high.to_string(),
        "category_uncertain": a.range.category_uncertain,
        "category": a.grade.category,
        "opini": a.grade.opini,
        "quality": label(&a.grade.quality),
        "zone": a.grade.zone,
        "mean_of_units": exact_string(a.mean.to_decimal()),
        "trust_included": a.trust_included,
        "deduction": a.deduction.to_string(),
        "units": o.units.iter().map(unit_json).collect::<Vec<_>>(),
        "excluded": o.excluded,
    });
    if let Some(t) = o.trust_spread {
        // Totals already hold their trust: when every unit is one, the value is unused.
        let used = !o.units.iter().all(|u| u.level == crate::engine::score::Level::Score);
        let note = crate::text::report::cli_trust_note(&t.to_string(), used);
        v["notes"] = json!([note]);
    }
    Ok(v)
}

/// A label the method may not have (the quality category before 2025): `null` then.
fn label(text: &str) -> Value {
    if text.is_empty() {
        Value::Null
    } else {
        text.into()
    }
}

fn unit_json(u: &UnitOutcome) -> Value {
    let dimensions = if u.dimensions.is_empty() {
        Value::Null
    } else {
        u.dimensions.iter().map(|d| (d.id.clone(), Value::from(d.rounded.to_string()))).collect::<serde_json::Map<_, _>>().into()
    };
    json!({
        "name": u.name,
        "level": u.level.as_str(),
        "score": u.rounded.to_string(),
        "score_exact": exact_string(u.exact.to_decimal()),
        "score_low": u.range.low.to_string(),
        "score_high": u.range.high.to_string(),
        "category_uncertain": u.range.category_uncertain,
        "category": u.grade.category,
        "opini": u.grade.opini,
        "quality": label(&u.grade.quality),
        "zone": u.grade.zone,
        "dimensions": dimensions,
        "missing": u.missing,
    })
}
