//! The `rapor` command-line tool: the engine's JSON in, JSON out.
//!
//! Exit 0 with the result on stdout, or exit 2 with one line on stderr naming the place
//! of the problem; never a panic, never a partial result.

use crate::engine::plan::{plan, Objective};
use crate::engine::risk::risk;
use crate::engine::robust::robust_plan;
use crate::engine::{evaluate, Catalog, InputError, Scenario};
use crate::report::json::{plan_json, risk_json, robust_json, score_json};
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

/// The largest scenario or method file read (`engine::limits::MAX_FILE`), and a bound
/// for `--ruleset-file /dev/zero`, which grew without end.
use crate::engine::limits::MAX_FILE;

/// A file's text as the widget reads a picked file (`form::encoding`): a byte-order mark
/// dropped, Windows-1252 where it is not UTF-8.
fn read_source(path: &str, stdin: &mut dyn Read) -> Result<String, String> {
    let name = if path == "-" { "stdin" } else { path };
    let mut bytes = Vec::new();
    let read = if path == "-" {
        stdin.take(MAX_FILE + 1).read_to_end(&mut bytes)
    } else {
        std::fs::File::open(path).and_then(|f| f.take(MAX_FILE + 1).read_to_end(&mut bytes))
    };
    read.map_err(|e| format!("{name}: {e}"))?;
    if bytes.len() as u64 > MAX_FILE {
        return Err(format!("{name}: larger than {} MB; not a Rapor file", MAX_FILE / 1024 / 1024));
    }
    Ok(crate::form::encoding::text_of(&bytes).0)
}

fn pretty(v: &Value) -> String {
    serde_json::to_string_pretty(v).unwrap_or_default()
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
