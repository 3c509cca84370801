//! No input panics: random method files, scenarios, share links and stored forms, with
//! sizes and magnitudes at the limits of `engine::limits` (and just past them), are
//! answered with a result or an error, never a panic, by the scorer, the planner, the
//! risk count, the robust plan and the widget's form (issue 20, item 7).
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use rapor::engine::limits::{MAX_EFFORT, MAX_METHOD_INDICATORS, MAX_SCALE, MAX_UNITS};
use rapor::engine::plan::{plan, Objective};
use rapor::engine::{evaluate, Ruleset, Scenario};
use rapor::form::Form;
use serde_json::{json, Value};

/// Weights and `score_max` at the edges: the smallest and largest allowed, a plain
/// one, and a few just outside (refused, not panicking).
fn magnitude() -> impl Strategy<Value = String> {
    prop_oneof![
        20 => Just("0.000001".to_string()),
        20 => Just("1000".to_string()),
        20 => Just("999.999999".to_string()),
        20 => Just("1".to_string()),
        20 => Just("21.85".to_string()),
        20 => (1u32..=1000).prop_map(|n| n.to_string()),
        1 => Just("1000.000001".to_string()),
        1 => Just("79228162514264337593543950".to_string()),
        1 => Just("0".to_string()),
    ]
}

/// An indicator: min, max, weight, fractional.
type IndicatorShape = (u16, u16, String, bool);
/// A dimension: weight, per product, indicators.
type DimensionShape = (String, bool, Vec<IndicatorShape>);

/// A method's shape: dimensions of indicators, each with its scale and options.
#[derive(Debug, Clone)]
struct Shape {
    dims: Vec<DimensionShape>,
    products: u32,
    places: u32,
    score_max: String,
    bands: Vec<String>,
}

fn shape(max_dims: usize, max_per_dim: usize) -> impl Strategy<Value = Shape> {
    let top = prop_oneof![40 => Just(1u16), 40 => Just(3), 40 => Just(5), 40 => Just(MAX_SCALE), 1 => Just(MAX_SCALE + 1)];
    // Rarely a bad one per indicator: a method has many, and one bad one refuses it.
    let weight =
        prop_oneof![40 => Just("1".to_string()), 40 => Just("0.000001".to_string()), 40 => Just("1000".to_string()), 1 => magnitude()];
    let indicator = (prop_oneof![20 => Just(0u16), 1 => 1u16..=3], top, weight, any::<bool>())
        .prop_map(|(min, top, w, fractional)| (min.min(top - 1), top, w, fractional));
    let dim = (magnitude(), any::<bool>(), proptest::collection::vec(indicator, 1..=max_per_dim));
    (
        proptest::collection::vec(dim, 1..=max_dims),
        prop_oneof![10 => Just(1u32), 10 => Just(2), 10 => Just(10), 1 => Just(11)],
        0u32..=10,
        magnitude(),
        proptest::collection::vec(
            prop_oneof![4 => Just("0.5"), 4 => Just("0.01"), 1 => Just("0.000001"), 1 => Just("1000"), 1 => Just("88")],
            0..3,
        ),
    )
        .prop_map(|(dims, products, places, score_max, bands)| Shape {
            dims,
            products,
            places,
            score_max,
            bands: bands.into_iter().map(String::from).collect(),
        })
}

fn method_json(s: &Shape) -> Value {
    let dims: Vec<Value> = s
        .dims
        .iter()
        .enumerate()
        .map(|(d, (w, per_product, inds))| {
            let inds: Vec<Value> = inds
                .iter()
                .enumerate()
                .map(|(i, (min, max, w, fractional))| {
                    json!({"id": format!("i{i}"), "name": format!("I{i}"), "min": min, "max": max, "weight": w, "fractional": fractional})
                })
                .collect();
            json!({"id": format!("d{d}"), "name": format!("D{d}"), "weight": w, "per_product": per_product, "indicators": inds})
        })
        .collect();
    // Bands top-down from the listed minimums, ending at 0. Mostly ones that fit the
    // method's rounding and top (a band the validator refuses tries nothing deeper).
    let top: rust_decimal::Decimal = s.score_max.parse().unwrap_or_default();
    let mut mins: Vec<rust_decimal::Decimal> = s.bands.iter().filter_map(|b| b.parse().ok()).collect();
    mins.retain(|m: &rust_decimal::Decimal| *m > rust_decimal::Decimal::ZERO && (m.scale() <= s.places || s.bands.len() == 2) && *m <= top);
    mins.sort_unstable_by(|a, b| b.cmp(a));
    mins.dedup();
    mins.push(rust_decimal::Decimal::ZERO);
    let mins: Vec<String> = mins.iter().map(|m| m.to_string()).collect();
    let bands: Vec<Value> = mins
        .iter()
        .enumerate()
        .map(|(b, m)| json!({"category": format!("K{b}"), "opini": "x", "opini_en": "x", "zone": "z", "min": m, "inclusive": true}))
        .collect();
    json!({"id": "uji-batas", "title": "Uji", "scheme": "uji", "years": [2026], "score_max": s.score_max,
        "products": s.products, "aggregation": "mean", "rounding": {"places": s.places, "mode": "half_up"},
        "dimensions": dims, "bands": bands})
}

/// Values for a unit's indicators that read: whole levels of a 0–1 scale (every scale
/// has them), nothing entered, and with many decimals where a scale is fractional.
fn fitting() -> impl Strategy<Value = Value> {
    prop_oneof![30 => (0u16..=1).prop_map(Value::from), 3 => Just(json!(null)), 1 => Just(json!("0,000001"))]
}

/// Values past a scale's ends, with too many digits, or no number at all: one of them
/// sometimes replaces a fitting value.
fn poison() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(json!(MAX_SCALE + 1)),
        Just(json!("99.999999")),
        Just(json!(-1)),
        Just(json!("1e400")),
        Just(json!("12345678901234567890123456789012345678901")),
    ]
}

/// A scenario for the method: `n_units` units with random entries, efforts and a draw.
fn scenario_json(method: &Value, n_units: usize, seeds: &[Value], efforts: &[u32], draw: u32) -> Value {
    let products = method["products"].as_u64().unwrap_or(1) as usize;
    let mut k = 0usize;
    let mut next = || {
        k += 1;
        seeds[k % seeds.len()].clone()
    };
    let units: Vec<Value> = (0..n_units)
        .map(|u| {
            let mut m = serde_json::Map::new();
            for d in method["dimensions"].as_array().unwrap() {
                for i in d["indicators"].as_array().unwrap() {
                    let key = format!("{}.{}", d["id"].as_str().unwrap(), i["id"].as_str().unwrap());
                    let v = if d["per_product"] == json!(true) { json!((0..products).map(|_| next()).collect::<Vec<_>>()) } else { next() };
                    m.insert(key, v);
                }
            }
            let mut unit = json!({"name": format!("Puskesmas {u}"), "indicators": m});
            if u % 2 == 1 {
                unit["sector"] = json!("puskesmas");
            }
            if u % 7 == 3 {
                unit = json!({"name": format!("OPD {u}"), "score": next()});
            }
            unit
        })
        .collect();
    let first_key = method["dimensions"][0]["indicators"][0]["id"].as_str().map(|i| format!("d0.{i}")).unwrap_or_default();
    let effort: serde_json::Map<String, Value> =
        [(first_key, efforts[0]), ("total".into(), efforts[efforts.len() - 1])].into_iter().map(|(k, e)| (k, json!(e))).collect();
    json!({"ruleset": "uji-batas", "pemda": "Kabupaten Uji", "custom_ruleset": method, "units": units,
        "effort": effort, "sampling": {"puskesmas": draw}})
}

/// Every command the CLI and the worker run, on a scenario that reads; then the same
/// scenario through the widget's form. Each answers Ok or Err; a panic fails the test.
fn run_everything(text: &str, robust: bool) -> bool {
    let Ok(sc) = Scenario::from_json_str(text) else { return false };
    let base: Ruleset = (**sc.custom_ruleset.as_ref().expect("carried")).clone();
    let scored = evaluate(&base, &sc).is_ok();
    for objective in [Objective::Steps, Objective::Indicators] {
        let _ = plan(&base, &sc, None, objective);
    }
    let _ = rapor::engine::risk::risk(&base, &sc, None);
    if robust {
        let _ = rapor::engine::robust::robust_plan(&base, &sc, None, Objective::Steps);
    }
    let form = Form::from_scenario(&sc, &base, true);
    let saved = rapor::form::saved::save(&form, "id");
    if let Ok((back, _)) = rapor::form::saved::load(&saved) {
        let _ = back.read(&base);
    }
    // The same scenario as a share link, and that link with one character changed.
    let link = rapor::share::encode(text);
    if let Ok(json) = rapor::share::decode(&link) {
        let _ = Scenario::from_json_str(&json);
    }
    let mut damaged: Vec<char> = link.chars().collect();
    let at = damaged.len() / 2;
    damaged[at] = if damaged[at] == 'A' { 'B' } else { 'A' };
    let _ = rapor::share::decode(&damaged.into_iter().collect::<String>());
    scored
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(150))]

    /// Methods up to the dimension and indicator limits with magnitudes at the edges,
    /// scenarios of a few units: the arithmetic at its extremes.
    #[test]
    fn no_method_or_scenario_at_the_edges_panics(
        s in shape(6, 8),
        n_units in 1usize..=8,
        seeds in proptest::collection::vec(fitting(), 1..12),
        poisoned in proptest::option::weighted(0.1, poison()),
        efforts in proptest::collection::vec(prop_oneof![Just(1u32), Just(MAX_EFFORT), Just(MAX_EFFORT + 1), 2u32..50], 1..3),
        draw in 1u32..=4,
    ) {
        let method = method_json(&s);
        let _ = Ruleset::from_json(&method.to_string());
        let mut seeds = seeds;
        seeds.extend(poisoned);
        run_everything(&scenario_json(&method, n_units, &seeds, &efforts, draw).to_string(), true);
    }

    /// Stored forms changed by hand (any field set to any text, units added past the
    /// limit) load as a form or are refused as damaged; a loaded one reads.
    #[test]
    fn no_stored_form_panics(field in "[a-z_]{1,12}", text in ".{0,40}", extra in 0usize..=3) {
        let base = rapor::engine::Catalog::built_in().get("ombudsman-2023").unwrap().clone();
        let form = Form::named("ombudsman-2023", 2, &base.default_units);
        let mut v: Value = serde_json::from_str(&rapor::form::saved::save(&form, "id")).unwrap();
        v["form"][field.as_str()] = json!(text);
        v["form"]["units"][0][field.as_str()] = json!(text);
        let one = v["form"]["units"][0].clone();
        for _ in 0..extra * (MAX_UNITS / 2) {
            v["form"]["units"].as_array_mut().unwrap().push(one.clone());
        }
        if let Ok((f, _)) = rapor::form::saved::load(&v.to_string()) {
            prop_assert!(f.units.len() <= MAX_UNITS);
            let _ = f.read(&base);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2))]

    /// The sizes at the limits: the most units and indicators, ten products, 0–100
    /// scales. (Few cases: each is the largest problem Rapor accepts; the robust plan's
    /// rounds are measured in `benches/limits.rs` rather than repeated here.)
    #[test]
    fn the_largest_allowed_problem_does_not_panic(
        seeds in proptest::collection::vec(prop_oneof![9 => (0u16..=MAX_SCALE).prop_map(Value::from), 1 => Just(json!(null))], 5..20),
        effort in prop_oneof![Just(1u32), Just(MAX_EFFORT)],
    ) {
        let per_dim = MAX_METHOD_INDICATORS / 10;
        let s = Shape {
            dims: (0..10).map(|d| (format!("{}.5", d + 1), d % 2 == 0, (0..per_dim).map(|_| (0, MAX_SCALE, "1".to_string(), false)).collect())).collect(),
            products: 10,
            places: 2,
            score_max: "100".into(),
            bands: vec!["88".into(), "54".into()],
        };
        let method = method_json(&s);
        prop_assert!(Ruleset::from_json(&method.to_string()).is_ok(), "the largest allowed method is allowed");
        let text = scenario_json(&method, MAX_UNITS, &seeds, &[effort, 2], 10).to_string();
        prop_assert!(text.len() < rapor::engine::limits::MAX_FILE as usize, "and fits in a file");
        prop_assert!(run_everything(&text, false), "the largest allowed scenario scores");
    }
}

#[test]
fn one_unit_past_the_limit_is_refused_by_name() {
    let units: Vec<Value> = (0..=MAX_UNITS).map(|i| json!({"name": format!("U{i}"), "score": 60})).collect();
    let e = Scenario::from_json_str(&json!({"ruleset": "ombudsman-2023", "units": units}).to_string()).unwrap_err();
    assert_eq!(e.path, "units");
    assert_eq!(e.message(rapor::text::Lang::Id), format!("paling banyak {MAX_UNITS} unit (tertulis {})", MAX_UNITS + 1));
}

#[test]
fn enough_random_scenarios_reach_the_planner() {
    // The generators above must reach the deep paths: at least a fifth of the cases
    // score, so the planner, risk and robust plan see real work.
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig::with_cases(100));
    let strat = (shape(4, 6), 1usize..=6, proptest::collection::vec(fitting(), 1..12), 1u32..=3);
    let scored = std::cell::Cell::new(0);
    runner
        .run(&strat, |(s, n, seeds, draw)| {
            let method = method_json(&s);
            if run_everything(&scenario_json(&method, n, &seeds, &[1, 2], draw).to_string(), true) {
                scored.set(scored.get() + 1);
            }
            Ok(())
        })
        .unwrap();
    assert!(scored.get() >= 30, "only {} of 100 random scenarios scored", scored.get());
}
