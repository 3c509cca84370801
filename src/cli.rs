//! The `rapor` command-line tool: the engine's JSON in, JSON out.
//!
//! Exit 0 with the result on stdout, or exit 2 with one line on stderr naming the place
//! of the problem; never a panic, never a partial result.

use crate::engine::number::exact_string;
use crate::engine::plan::{plan, Objective, Plan};
use crate::engine::risk::{risk, Risk, Sample};
use crate::engine::robust::{robust_plan, RobustPlan};
use crate::engine::score::{Outcome, UnitOutcome};
use crate::engine::{evaluate, Catalog, InputError, Scenario};
use serde_json::{json, Value};
use std::io::{Read, Write};

const USAGE: &str = "usage: rapor [--ruleset-file FILE]... COMMAND
commands:
  rulesets            list the rulesets: [{\"id\", \"title\"}]
  ruleset ID          print one ruleset in the data-file schema
  score FILE|-        score a scenario (JSON file, or - for standard input)
  plan FILE|- [--target CATEGORY] [--objective steps|indicators] [--robust]
                      the cheapest indicator changes that reach the next (or named) category;
                      --robust: such that every sample the Ombudsman may draw reaches it
  risk FILE|- [--target CATEGORY]
                      over every sample the Ombudsman may draw (units' \"sector\",
                      the scenario's \"sampling\"): each category's chance, the worst and
                      best sample, the units that most lower the chance of the target";

/// Runs the tool; returns the exit code.
pub fn run(args: &[String], stdin: &mut dyn Read, stdout: &mut dyn Write, stderr: &mut dyn Write) -> i32 {
    match dispatch(args, stdin) {
        Ok(out) => {
            let _ = writeln!(stdout, "{out}");
            0
        }
        Err(msg) => {
            let _ = writeln!(stderr, "rapor: {}", msg.replace('\n', " "));
            2
        }
    }
}

fn dispatch(args: &[String], stdin: &mut dyn Read) -> Result<String, String> {
    let mut catalog = Catalog::built_in();
    let mut rest = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "--ruleset-file" {
            let path = it.next().ok_or("--ruleset-file needs a FILE")?;
            let text = read_source(path, stdin)?;
            catalog.add_json(&text).map_err(|e| format!("{path}: {e}"))?;
        } else if a == "-h" || a == "--help" {
            return Ok(USAGE.to_string());
        } else {
            rest.push(a.as_str());
        }
    }
    match rest.as_slice() {
        ["rulesets"] => {
            let list: Vec<Value> = catalog.all().iter().map(|r| json!({"id": r.id, "title": r.title})).collect();
            Ok(pretty(&Value::Array(list)))
        }
        ["ruleset", id] => {
            let rs = catalog.require(id).map_err(|e| e.to_string())?;
            serde_json::to_string_pretty(rs).map_err(|e| e.to_string())
        }
        ["score", file] => {
            let text = read_source(file, stdin)?;
            let scenario = Scenario::from_json_str(&text).map_err(|e| located(file, e))?;
            let rs = effective(&catalog, &scenario).map_err(|e| located(file, e))?;
            let outcome = evaluate(&rs, &scenario).map_err(|e| located(file, e))?;
            score_json(&outcome).map(|v| pretty(&v)).map_err(|e| located(file, e))
        }
        ["plan", file, opts @ ..] => {
            let robust = opts.contains(&"--robust");
            let opts: Vec<&str> = opts.iter().copied().filter(|o| *o != "--robust").collect();
            let (target, objective) = plan_options(&opts)?;
            let text = read_source(file, stdin)?;
            let scenario = Scenario::from_json_str(&text).map_err(|e| located(file, e))?;
            let rs = effective(&catalog, &scenario).map_err(|e| located(file, e))?;
            if robust {
                let r = robust_plan(&rs, &scenario, target.as_deref(), objective).map_err(|e| located(file, e))?;
                return Ok(pretty(&robust_json(&rs, &scenario, &r)));
            }
            let p = plan(&rs, &scenario, target.as_deref(), objective).map_err(|e| located(file, e))?;
            Ok(pretty(&plan_json(&p)))
        }
        ["risk", file, opts @ ..] => {
            let target = match opts {
                [] => None,
                ["--target", t] => Some(*t),
                _ => return Err(format!("risk: unknown options {opts:?}; use --target CATEGORY")),
            };
            let text = read_source(file, stdin)?;
            let scenario = Scenario::from_json_str(&text).map_err(|e| located(file, e))?;
            let rs = effective(&catalog, &scenario).map_err(|e| located(file, e))?;
            let r = risk(&rs, &scenario, target).map_err(|e| located(file, e))?;
            Ok(pretty(&risk_json(&rs, &scenario, &r)))
        }
        _ => Err(format!("unknown command; {}", USAGE.replace('\n', " "))),
    }
}

/// The scenario's ruleset with its changed assumptions applied: the one it carries
/// (`custom_ruleset`), else the catalog's (built in, or from `--ruleset-file`).
fn effective(catalog: &Catalog, sc: &Scenario) -> Result<crate::engine::Ruleset, InputError> {
    let base = match &sc.custom_ruleset {
        Some(rs) => rs,
        None => catalog.require(&sc.ruleset)?,
    };
    crate::engine::overrides::apply(base, &sc.assumptions)
}

fn located(file: &str, e: InputError) -> String {
    let name = if file == "-" { "stdin" } else { file };
    format!("{name}: {e}")
}

fn read_source(path: &str, stdin: &mut dyn Read) -> Result<String, String> {
    let mut text = String::new();
    if path == "-" {
        stdin.read_to_string(&mut text).map_err(|e| format!("stdin: {e}"))?;
    } else {
        text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    }
    Ok(text)
}

fn pretty(v: &Value) -> String {
    serde_json::to_string_pretty(v).unwrap_or_default()
}

/// The `score` result. Scores are strings so they keep their two decimals ("93.28").
pub fn score_json(o: &Outcome) -> Result<Value, InputError> {
    let a = o.aggregate.as_ref().ok_or_else(|| InputError::new("units", crate::engine::Problem::NoData))?;
    Ok(json!({
        "ruleset": o.ruleset,
        "score": a.rounded.to_string(),
        "score_exact": exact_string(a.exact.to_decimal()),
        "category": a.grade.category,
        "opini": a.grade.opini,
        "zone": a.grade.zone,
        "mean_of_units": exact_string(a.mean.to_decimal()),
        "trust_included": a.trust_included,
        "deduction": a.deduction.to_string(),
        "units": o.units.iter().map(unit_json).collect::<Vec<_>>(),
        "excluded": o.excluded,
    }))
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
        "category": u.grade.category,
        "zone": u.grade.zone,
        "dimensions": dimensions,
        "missing": u.missing,
    })
}

fn plan_options(opts: &[&str]) -> Result<(Option<String>, Objective), String> {
    let (mut target, mut objective) = (None, Objective::Steps);
    let mut it = opts.iter();
    while let Some(o) = it.next() {
        match *o {
            "--target" => target = Some(it.next().ok_or("--target needs a CATEGORY")?.to_string()),
            "--objective" => {
                let v = it.next().ok_or("--objective needs steps or indicators")?;
                objective = Objective::parse(v).ok_or_else(|| format!("--objective: {v:?} is not steps or indicators"))?;
            }
            other => return Err(format!("plan: unknown option {other:?}")),
        }
    }
    Ok((target, objective))
}

/// Gains are shown to 4 decimals: a single step often moves the pemda score by less
/// than 0.01, and 2 decimals would show it as 0.
fn gain_text(r: crate::engine::exact::Ratio) -> String {
    r.round(4, crate::engine::number::RoundingMode::HalfUp).map(|d| d.to_string()).unwrap_or_default()
}

/// A level as a JSON number: whole levels as integers (as before), a mean such as
/// 3.47 as a decimal number (it already has at most two decimals; this is output only).
fn level_json(d: rust_decimal::Decimal) -> Value {
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
                None => json!({"unit": s.unit, "indicator": s.indicator, "from": level_json(s.from), "to": level_json(s.to), "gain": gain_text(s.gain)}),
            };
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
        "steps": steps,
        "alternatives": alternatives,
    });
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
    v["bound"] = if r.exact { "exact" } else { "upper_bound" }.into();
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
    let probabilities: serde_json::Map<String, Value> = rs.bands.iter().enumerate().map(|(b, band)| (band.category.clone(), level_json(r.probability(b)))).collect();
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

