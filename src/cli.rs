//! The `rapor` command-line tool: the engine's JSON in, JSON out.
//!
//! Exit 0 with the result on stdout, or exit 2 with one line on stderr naming the place
//! of the problem; never a panic, never a partial result.

use crate::engine::number::exact_string;
use crate::engine::plan::{plan, Objective};
use crate::engine::risk::risk;
use crate::engine::robust::robust_plan;
use crate::engine::score::{Outcome, UnitOutcome};
use crate::engine::{evaluate, Catalog, InputError, Scenario};
use crate::output::{plan_json, risk_json, robust_json};
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
        v["notes"] = json!([format!(
            "trust: the pemda-level Kepercayaan Masyarakat {t} was given to every unit without one that is not entered as a total; the 2025 method scores it per unit (units[].trust)"
        )]);
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
