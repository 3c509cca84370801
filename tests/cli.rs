//! The `rapor` binary as other tools call it: JSON out and exit 0, or exit 2 with one
//! line on stderr naming the place, and nothing on stdout.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::{json, Value};
use std::io::Write;
use std::process::{Command, Stdio};

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn rapor(args: &[&str], stdin: &str) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_rapor"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The tool may exit before reading stdin (a bad option): a broken pipe is fine here.
    let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    let out = child.wait_with_output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

fn score(input: Value) -> Run {
    rapor(&["score", "-"], &input.to_string())
}

fn fails_at(input: Value, want: &str) {
    let r = score(input);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stdout.is_empty(), "partial result on stdout: {}", r.stdout);
    assert_eq!(r.stderr.lines().count(), 1, "one line: {:?}", r.stderr);
    assert!(r.stderr.contains(want), "wanted {want:?} in {:?}", r.stderr);
}

#[test]
fn score_prints_the_documented_fields() {
    let r = score(json!({"ruleset": "ombudsman-2022", "units": [
        {"name": "Disdukcapil", "score": 100}, {"name": "DPMPTSP", "score": "100"},
        {"name": "Dinkes", "score": "80,19"}, {"name": "Puskesmas", "score": 92.92}, {"name": "Dinsos"}
    ]}));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["ruleset"], "ombudsman-2022");
    assert_eq!(v["score"], "93.28");
    assert_eq!(v["score_exact"], "93.2775");
    assert_eq!(v["category"], "A");
    assert_eq!(v["opini"], "Kualitas Tertinggi");
    assert_eq!(v["zone"], "hijau");
    assert_eq!(v["units"][2]["name"], "Dinkes");
    assert_eq!(v["units"][2]["score"], "80.19");
    assert_eq!(v["units"][2]["category"], "B");
    assert_eq!(v["units"][2]["dimensions"], Value::Null);
    assert_eq!(v["excluded"], json!(["Dinsos"]));
}

#[test]
fn score_reads_a_file_and_reports_dimensions() {
    let path = std::env::temp_dir().join(format!("rapor-cli-{}.json", std::process::id()));
    std::fs::write(
        &path,
        json!({"ruleset": "ombudsman-2023", "units": [
            {"name": "DPMPTSP", "dimensions": {"input": "80", "proses": "90", "output": "85", "pengaduan": "70"}}
        ]})
        .to_string(),
    )
    .unwrap();
    let r = rapor(&["score", path.to_str().unwrap()], "");
    std::fs::remove_file(&path).ok();
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["units"][0]["dimensions"]["proses"], "90.00");
    assert_eq!(v["score"], "82.30");
}

#[test]
fn rulesets_and_ruleset() {
    let r = rapor(&["rulesets"], "");
    assert_eq!(r.code, 0);
    let list: Value = serde_json::from_str(&r.stdout).unwrap();
    let ids: Vec<&str> = list.as_array().unwrap().iter().map(|x| x["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        ["ombudsman-2025", "ombudsman-2024", "ombudsman-2023", "ombudsman-2022", "ombudsman-2021", "sakip-2021", "ipp-2022", "ikm-2017"]
    );
    assert!(list[0]["title"].as_str().unwrap().contains("2025"));

    let r = rapor(&["ruleset", "ombudsman-2023"], "");
    assert_eq!(r.code, 0);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["dimensions"][0]["id"], "input");
    assert_eq!(v["dimensions"][1]["per_product"], true);
    assert_eq!(v["dimensions"][1]["weight"], "32.37");
    assert_eq!(v["dimensions"][1]["indicators"][3]["id"], "biaya");
    assert_eq!(v["dimensions"][1]["indicators"][3]["max"], 3);
    assert_eq!(
        v["bands"][1],
        json!({"category": "B", "opini": "Kualitas Tinggi", "opini_en": "High quality", "zone": "hijau", "min": "78", "inclusive": true})
    );

    let r = rapor(&["ruleset", "ombudsman-1999"], "");
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("unknown ruleset \"ombudsman-1999\""));
}

#[test]
fn a_users_ruleset_file_is_accepted() {
    let mut v: Value = serde_json::from_str(rapor::engine::Catalog::built_in_source("ombudsman-2023").unwrap()).unwrap();
    v["id"] = json!("latihan");
    v["bands"][0]["min"] = json!("95");
    let path = std::env::temp_dir().join(format!("rapor-rs-{}.json", std::process::id()));
    std::fs::write(&path, v.to_string()).unwrap();
    let input = json!({"ruleset": "latihan", "units": [{"name": "A", "score": 93}]}).to_string();
    let r = rapor(&["--ruleset-file", path.to_str().unwrap(), "score", "-"], &input);
    std::fs::remove_file(&path).ok();
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("\"category\": \"B\""));
}

#[test]
fn bad_input_exits_2_naming_the_place() {
    let per_product = json!({"ruleset": "ombudsman-2023", "units": [
        {"name": "A", "score": 90}, {"name": "B", "score": 80},
        {"name": "C", "indicators": {"proses.biaya": [4, 2]}}
    ]});
    fails_at(per_product, "units[2].indicators.proses.biaya[0]: 4 is above the maximum 3");
    fails_at(json!({"ruleset": "ombudsman-2023", "units": [{"name": "A", "score": "abc"}]}), "units[0].score: \"abc\" is not a number");
    fails_at(
        json!({"ruleset": "ombudsman-2023", "units": [{"name": "A", "score": "101"}]}),
        "units[0].score: 101 is above the maximum 100",
    );
    fails_at(json!({"ruleset": "ombudsman-2023", "units": [{"name": "A", "score": -1}]}), "units[0].score: -1 is below the minimum 0");
    fails_at(json!({"ruleset": "ombudsman-2023", "units": [{"name": "A", "score": "1.234,5"}]}), "more than one decimal separator");
    fails_at(
        json!({"ruleset": "ombudsman-2023", "units": [{"name": "A", "score": "93.1234567"}]}),
        "units[0].score: use at most 6 decimals",
    );
    fails_at(json!({"ruleset": "ombudsman-2023", "units": [{"name": "A", "score": true}]}), "units[0].score: expected a number");
    fails_at(json!({"ruleset": "ombudsman-1999", "units": []}), "ruleset: unknown ruleset");
    fails_at(json!({"units": []}), "ruleset: missing");
    fails_at(json!({"ruleset": "ombudsman-2023"}), "units: missing");
    fails_at(json!({"ruleset": "ombudsman-2023", "units": {}}), "units: expected a list");
    fails_at(json!({"ruleset": "ombudsman-2023", "units": [{"name": "A"}]}), "units: no unit has any data yet");
    fails_at(json!({"ruleset": "ombudsman-2023", "units": [{"name": "A", "scroe": 3}]}), "units[0].scroe: unknown field");
    fails_at(
        json!({"ruleset": "ombudsman-2023", "units": [{"name": "A", "score": 90, "dimensions": {"input": 3}}]}),
        "units[0]: give only one of",
    );
    fails_at(
        json!({"ruleset": "ombudsman-2023", "units": [{"name": "A", "dimensions": {"inptu": 3}}]}),
        "units[0].dimensions.inptu: this ruleset has no dimension",
    );
    fails_at(
        json!({"ruleset": "ombudsman-2023", "units": [{"name": "A", "indicators": {"proses.bayar": [1, 1]}}]}),
        "units[0].indicators.proses.bayar: this ruleset has no indicator",
    );
    fails_at(
        json!({"ruleset": "ombudsman-2023", "units": [{"name": "A", "indicators": {"proses.biaya": 2}}]}),
        "units[0].indicators.proses.biaya: expected one value per product (2), got 1",
    );
    fails_at(
        json!({"ruleset": "ombudsman-2023", "units": [{"name": "A", "indicators": {"input.keamanan": [1, 2]}}]}),
        "units[0].indicators.input.keamanan: expected a single value",
    );
    fails_at(
        json!({"ruleset": "ombudsman-2023", "units": [{"name": "A", "indicators": {"proses.biaya": [1, 2], "proses.moto": [1, 2, 3]}}]}),
        "units[0].indicators.proses.moto: expected one value per product (2), got 3",
    );
    fails_at(
        json!({"ruleset": "ombudsman-2023", "units": [{"name": "A", "indicators": {"input.keamanan": "1,5"}}]}),
        "units[0].indicators.input.keamanan: 1,5 is not a level".replace("1,5", "1.5").as_str(),
    );
    fails_at(
        json!({"ruleset": "ombudsman-2023", "units": [{"name": "A", "score": 9, "locked": ["input.x"]}]}),
        "units[0].locked[0]: this ruleset has no indicator",
    );
    fails_at(
        json!({"ruleset": "ombudsman-2022", "units": [{"name": "A", "score": 90}], "deduction": 1}),
        "deduction: this ruleset has no deduction",
    );
    fails_at(
        json!({"ruleset": "ombudsman-2023", "units": [{"name": "A", "score": 90}], "trust": 50}),
        "trust: this ruleset has no Kepercayaan Masyarakat",
    );
    fails_at(
        json!({"ruleset": "ombudsman-2025", "units": [{"name": "A", "score": 90}], "trust": 500}),
        "trust: 500 is above the maximum 100",
    );
    fails_at(
        json!({"ruleset": "ombudsman-2023", "units": [{"name": "A", "score": 90}], "effort": {"proses.biaya": 0}}),
        "effort.proses.biaya: expected a positive whole number",
    );
    fails_at(
        json!({"ruleset": "ombudsman-2023", "units": [{"name": "A", "score": 90}], "followed_up": "ya"}),
        "followed_up: expected true or false",
    );
    fails_at(json!([1, 2]), "expected an object");
    let r = rapor(&["score", "-"], "{\"ruleset\": ");
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("line 1 column") && r.stderr.contains("not valid JSON"), "{}", r.stderr);
    let r = rapor(&["score", "/nonexistent/x.json"], "");
    assert_eq!((r.code, r.stdout.as_str()), (2, ""));
    let r = rapor(&["frobnicate"], "");
    assert_eq!(r.code, 2);
}

#[test]
fn nested_indicator_form_is_the_same_as_flat() {
    let flat =
        score(json!({"ruleset": "ombudsman-2023", "units": [{"name": "A", "indicators": {"proses.biaya": [3, 2], "input.keamanan": 3}}]}));
    let nested = score(
        json!({"ruleset": "ombudsman-2023", "units": [{"name": "A", "indicators": {"proses": {"biaya": [3, 2]}, "input": {"keamanan": 3}}}]}),
    );
    assert_eq!(flat.code, 0);
    assert_eq!(flat.stdout, nested.stdout);
    let v: Value = serde_json::from_str(&flat.stdout).unwrap();
    // Missing indicators are reported: 14 of 15 input, 10 of 11 proses × 2, all output and pengaduan.
    assert_eq!(v["units"][0]["missing"].as_array().unwrap().len(), 14 + 20 + 5 + 6);
    assert!(v["units"][0]["missing"].as_array().unwrap().contains(&json!("proses.moto#2")));
}

#[test]
fn plan_prints_the_documented_fields() {
    // One unit at indicator level, all entries at 2 of 3, except proses at 3:
    // input 2/3, proses 1, output 2/3, pengaduan 2/3 →
    // 100·(21.85·2/3 + 32.37 + 24.24·2/3 + 21.54·2/3) / 100 = 32.37 + 67.63·2/3 = 77.456… → 77.46 C.
    let rs = rapor::engine::Catalog::built_in();
    let rs = rs.get("ombudsman-2023").unwrap();
    let mut ind = serde_json::Map::new();
    for r in rs.indicators() {
        let v = if r.dimension.per_product { json!([3, 3]) } else { json!(2) };
        ind.insert(r.key(), v);
    }
    let input = json!({"ruleset": "ombudsman-2023", "units": [{"name": "Puskesmas", "indicators": ind}]});
    let r = rapor(&["plan", "-"], &input.to_string());
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["score_before"], "77.46");
    assert_eq!((v["status"].as_str(), v["reachable"].as_bool(), v["target"].as_str()), (Some("planned"), Some(true), Some("B")));
    assert_eq!(v["threshold"], "78");
    // Output steps gain most: 24.24 / (5·3) = 1.616 unit points each, vs input 21.85/45 = 0.4856
    // and pengaduan 21.54/18 = 1.1967. 77.456… needs ≥ 77.995: one output step (+1.616) suffices.
    assert_eq!(v["cost"], 1);
    let step = &v["steps"][0];
    assert_eq!((step["unit"].as_str(), step["from"].as_u64(), step["to"].as_u64()), (Some("Puskesmas"), Some(2), Some(3)));
    assert!(step["indicator"].as_str().unwrap().starts_with("output."));
    assert_eq!(step["gain"], "1.6160");
    assert!(step.get("product").is_none());
    assert_eq!(v["score_after"], "79.07");

    let r = rapor(&["plan", "-", "--target", "A", "--objective", "indicators"], &input.to_string());
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["target"], "A");
    assert_eq!(v["objective"], "indicators");
    let after: rust_decimal::Decimal = v["score_after"].as_str().unwrap().parse().unwrap();
    assert!(after >= rust_decimal::Decimal::from(88), "{after}");

    let r = rapor(&["plan", "-", "--objective", "cheapest"], &input.to_string());
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("--objective"));
    let r = rapor(&["plan", "-", "--target", "Z"], &input.to_string());
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("target: unknown category \"Z\""), "{}", r.stderr);
}

#[test]
fn plan_unreachable_gives_best_reachable() {
    // A's total is locked: only B can rise.
    let input = json!({"ruleset": "ombudsman-2023", "units": [{"name": "A", "score": "50", "locked": ["total"]}, {"name": "B", "indicators": {"input.keamanan": 0}, "locked": []}]});
    let r = rapor(&["plan", "-", "--target", "A"], &input.to_string());
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!((v["status"].as_str(), v["reachable"].as_bool()), (Some("unreachable"), Some(false)));
    // B at its maximum scores 100: (50 + 100) / 2 = 75.00, still short of A.
    assert_eq!(v["best_reachable"], "75.00");
    assert_eq!(v["alternatives"][0]["kind"], "unit_total");
    // Unlocked, A's total takes part: (100 + 100) / 2 = 100 is the best; A is reachable.
    let input =
        json!({"ruleset": "ombudsman-2023", "units": [{"name": "A", "score": "50"}, {"name": "B", "indicators": {"input.keamanan": 0}}]});
    let v: Value = serde_json::from_str(&rapor(&["plan", "-", "--target", "A"], &input.to_string()).stdout).unwrap();
    assert_eq!((v["status"].as_str(), v["cost_unit"].as_str()), (Some("planned"), Some("hundredths")));
    assert!(v["steps"].as_array().unwrap().iter().any(|s| s["kind"] == "unit" && s["unit"] == "A"), "{v}");
}

#[test]
fn the_secondary_schemes_by_id() {
    // methodology.md §4–6; the values are worked out in tests/schemes.rs.
    let r = score(json!({"ruleset": "sakip-2021", "units": [{"name": "Klungkung", "score": "62,72"}]}));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!((v["score"].as_str(), v["category"].as_str()), (Some("62.72"), Some("B")));
    let r = score(json!({"ruleset": "ipp-2022", "units": [{"name": "U", "score": "4,51"}]}));
    assert!(r.stdout.contains("\"category\": \"A\""), "{}", r.stdout);
    let counts: serde_json::Map<String, Value> =
        ["persyaratan", "prosedur", "waktu", "biaya", "produk", "kompetensi", "perilaku", "pengaduan", "sarana"]
            .iter()
            .map(|u| (u.to_string(), json!([0, 0, 30, 0])))
            .collect();
    let ikm = json!({"ruleset": "ikm-2017", "units": [{"name": "U", "responses": counts}]});
    let v: Value = serde_json::from_str(&score(ikm.clone()).stdout).unwrap();
    assert_eq!((v["score"].as_str(), v["category"].as_str()), (Some("75.00"), Some("C")));
    // The plan names respondents, and the file it came from reads back.
    let r = rapor(&["plan", "-"], &ikm.to_string());
    let p: Value = serde_json::from_str(&r.stdout).unwrap();
    let moved: u64 = p["steps"].as_array().unwrap().iter().map(|s| s["respondents"].as_u64().unwrap()).sum();
    assert_eq!(moved, 18);
    assert_eq!(p["steps"][0]["answer"], 4);
    assert_eq!(p["category_after"], "B");
}

#[test]
fn a_broken_ruleset_file_is_named_with_its_problem() {
    let mut v: Value = serde_json::from_str(rapor::engine::Catalog::built_in_source("ipp-2022").unwrap()).unwrap();
    v["id"] = json!("ipp-2026");
    v["bands"][3]["min"] = json!("3.515");
    let path = std::env::temp_dir().join(format!("rapor-bad-{}.json", std::process::id()));
    std::fs::write(&path, v.to_string()).unwrap();
    let r = rapor(&["--ruleset-file", path.to_str().unwrap(), "rulesets"], "");
    std::fs::remove_file(&path).ok();
    assert_eq!(r.code, 2);
    assert!(r.stdout.is_empty());
    assert!(r.stderr.contains("bands[3].min: 3.515 has more decimals than the rounding precision (2 places)"), "{}", r.stderr);
}

#[test]
fn plan_uses_the_ruleset_a_scenario_carries() {
    // A user's method with SAKIP's letters and one sub-component: all B (70) → next
    // predikat BB (> 70): one criterion B → BB (+10 of 5 criteria = +2,00) → 72,00.
    let mut rs: Value = serde_json::from_str(rapor::engine::Catalog::built_in_source("sakip-2021").unwrap()).unwrap();
    rs["id"] = json!("sakip-uji");
    let first = rs["dimensions"][0].clone();
    rs["dimensions"] = json!([first]);
    let m: serde_json::Map<String, Value> = (1..=5).map(|j| (format!("perencanaan-keberadaan.k{j}"), json!(70))).collect();
    let sc = json!({"ruleset": "sakip-uji", "custom_ruleset": rs, "units": [{"name": "Pemda", "indicators": m}]});
    let r = rapor(&["plan", "-"], &sc.to_string());
    assert_eq!(r.code, 0, "{}", r.stderr);
    let p: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!((p["score_before"].as_str(), p["score_after"].as_str()), (Some("70.00"), Some("72.00")));
    assert_eq!((p["steps"][0]["from"].as_u64(), p["steps"][0]["to"].as_u64()), (Some(70), Some(80)));
}

#[test]
fn risk_prints_the_documented_fields() {
    // Disdukcapil 90 and DPMPTSP 80 always drawn; two of three Puskesmas (90, 70, 50):
    // {A, B} 82,50 B; {A, C} 77,50 C; {B, C} 72,50 C (hand-computed in tests/risk.rs).
    let input = json!({"ruleset": "ombudsman-2024", "sampling": {"puskesmas": 2}, "units": [
        {"name": "Disdukcapil", "score": 90}, {"name": "DPMPTSP", "score": 80},
        {"name": "Puskesmas A", "score": 90, "sector": "puskesmas"},
        {"name": "Puskesmas B", "score": 70, "sector": "puskesmas"},
        {"name": "Puskesmas C", "score": 50, "sector": "puskesmas"}]});
    let r = rapor(&["risk", "-"], &input.to_string());
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["method"], "exact");
    assert_eq!(v["samples"], 3);
    assert_eq!(v["probabilities"], json!({"A": 0, "B": 0.3333, "C": 0.6667, "D": 0, "E": 0}));
    assert_eq!(v["worst"], json!({"score": "72.50", "category": "C", "units": ["Disdukcapil", "DPMPTSP", "Puskesmas B", "Puskesmas C"]}));
    assert_eq!(v["best"]["score"], "82.50");
    assert_eq!((v["target"].as_str(), v["reach_probability"].as_f64()), (Some("B"), Some(0.3333)));
    assert_eq!(v["weakest"][0]["unit"], "Puskesmas C");
    assert_eq!(v["weakest"][0]["delta"], -0.3333);
    assert!(v.get("standard_error").is_none(), "exact: no standard error");
    let r = rapor(&["risk", "-", "--target", "A"], &input.to_string());
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!((v["target"].as_str(), v["reach_probability"].as_f64()), (Some("A"), Some(0.0)));
    let r = rapor(&["risk", "-", "--target"], &input.to_string());
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("--target CATEGORY"), "{}", r.stderr);
    let mut too_many = input.clone();
    too_many["sampling"]["puskesmas"] = 4.into();
    let r = rapor(&["risk", "-"], &too_many.to_string());
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("stdin: sampling.puskesmas:"), "{}", r.stderr);
}

#[test]
fn a_robust_plan_states_how_sure_its_cost_is() {
    // tests/data/robust-ikm.json: two of three Puskesmas drawn (IKM 87,50, 87,50, 75,00);
    // the cheapest robust plan costs 537 steps (hand-computed in tests/risk.rs).
    let r = rapor(&["plan", "tests/data/robust-ikm.json", "--robust"], "");
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!((v["robust"].as_bool(), v["status"].as_str(), v["target"].as_str()), (Some(true), Some("planned"), Some("A")));
    // One sector, two drawn: found exactly.
    assert_eq!((v["cost"].as_u64(), v["lower_bound"].as_u64(), v["gap"].as_u64()), (Some(537), Some(537), Some(0)));
    assert_eq!(v["bound"], "exact");
    assert_eq!(v["worst_before"]["score"], "81.25");
    assert_eq!(v["worst_after"]["category"], "A");
}

#[test]
fn every_command_takes_what_score_takes() {
    // A bare indicator id ("biaya") in indicators, locked and effort: score accepted it
    // before; plan used to fail with "proses.biaya is given twice".
    let sc = json!({"ruleset": "ombudsman-2023", "effort": {"maklumat": 2}, "units": [
        {"name": "Puskesmas A", "indicators": {"biaya": [2, 2], "keamanan": 1}, "locked": ["biaya"], "sector": "puskesmas"},
        {"name": "Puskesmas B", "score": 70, "sector": "puskesmas"}
    ], "sampling": {"puskesmas": 1}});
    let text = sc.to_string();
    for args in [vec!["score", "-"], vec!["plan", "-"], vec!["plan", "-", "--robust"], vec!["risk", "-"]] {
        let r = rapor(&args, &text);
        assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
    }
    let plan: Value = serde_json::from_str(&rapor(&["plan", "-"], &text).stdout).unwrap();
    assert!(plan["steps"].as_array().unwrap().iter().all(|s| s["indicator"] != "proses.biaya"), "the lock holds: {plan}");
    // The 2025 score JSON carries both labels and the range.
    let r = score(json!({"ruleset": "ombudsman-2025", "units": [{"name": "A", "score": "87,99"}, {"name": "B", "score": "88,00"}]}));
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!((v["score"].as_str(), v["quality"].as_str()), (Some("88.00"), Some("Sangat Baik")));
    assert_eq!(
        (v["score_low"].as_str(), v["score_high"].as_str(), v["category_uncertain"].as_bool()),
        (Some("87.99"), Some("88.00"), Some(true))
    );
}

#[test]
fn an_own_method_may_not_take_a_built_in_id() {
    // A file under the id "ombudsman-2023" stood in for the official method. Refused at its
    // `id`, from a --ruleset-file and inside a scenario alike.
    let own = rapor::engine::Catalog::built_in_source("ombudsman-2023").unwrap();
    let path = std::env::temp_dir().join(format!("rapor-own-id-{}.json", std::process::id()));
    std::fs::write(&path, own).unwrap();
    let r = rapor(&["--ruleset-file", path.to_str().unwrap(), "rulesets"], "");
    std::fs::remove_file(&path).ok();
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("id: \"ombudsman-2023\" is the id of a built-in method"), "{}", r.stderr);
    let v: Value = serde_json::from_str(own).unwrap();
    fails_at(
        json!({"ruleset": "ombudsman-2023", "custom_ruleset": v, "units": [{"name": "A", "score": 90}]}),
        "custom_ruleset.id: \"ombudsman-2023\" is the id of a built-in method; give your method an id of its own, e.g. \"ombudsman-2023-pemda\"",
    );
}

#[test]
fn a_byte_order_mark_and_a_latin1_file_read_as_the_widget_reads_them() {
    // The CLI refused a UTF-8 file with a byte-order mark that the widget took; a file
    // saved as Latin-1 (Windows-1252) read as replacement characters.
    let path = std::env::temp_dir().join(format!("rapor-enc-{}.json", std::process::id()));
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend(json!({"ruleset": "ombudsman-2023", "units": [{"name": "A", "score": 90}]}).to_string().bytes());
    std::fs::write(&path, bom).unwrap();
    let r = rapor(&["score", path.to_str().unwrap()], "");
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("90.00"), "{}", r.stdout);
    let latin1 = b"{\"ruleset\": \"ombudsman-2023\", \"units\": [{\"name\": \"Puskesmas P\xE9ngkep\", \"score\": 90}]}";
    std::fs::write(&path, latin1).unwrap();
    let r = rapor(&["score", path.to_str().unwrap()], "");
    std::fs::remove_file(&path).ok();
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("Puskesmas Péngkep"), "{}", r.stdout);
}

#[test]
fn a_key_given_twice_is_refused_at_its_place() {
    // `"score": 90, "score": 10` was read as 10 without a word.
    let input = r#"{"ruleset": "ombudsman-2023", "units": [{"name": "A", "score": 90, "score": 10}]}"#;
    let r = rapor(&["score", "-"], input);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("units[0]: score is given twice"), "{}", r.stderr);
}

#[test]
fn an_endless_file_is_refused_not_read_forever() {
    // `--ruleset-file /dev/zero` grew without bound.
    let r = rapor(&["--ruleset-file", "/dev/zero", "rulesets"], "");
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("/dev/zero: larger than 16 MB; not a Rapor file"), "{}", r.stderr);
}

/// Ombudsman 2023's method under a user's id, changed by `edit`, carried in a scenario
/// of one unit entered by dimension (every dimension at 50).
fn own_method(edit: impl FnOnce(&mut Value)) -> Value {
    let mut rs: Value = serde_json::from_str(rapor::engine::Catalog::built_in_source("ombudsman-2023").unwrap()).unwrap();
    rs["id"] = json!("uji-batas");
    edit(&mut rs);
    let dims: serde_json::Map<String, Value> =
        ["input", "proses", "output", "pengaduan"].iter().map(|d| (d.to_string(), json!(50))).collect();
    json!({"ruleset": "uji-batas", "custom_ruleset": rs, "units": [{"name": "A", "dimensions": dims}]})
}

#[test]
fn weights_near_the_decimal_maximum_exit_2_naming_the_weight() {
    // A weight of 79 228 162 514 264 337 593 543 950 aborted the tool (exit 134).
    for cmd in ["score", "plan", "risk"] {
        let sc = own_method(|rs| rs["dimensions"][1]["weight"] = json!("79228162514264337593543950"));
        let r = rapor(&[cmd, "-"], &sc.to_string());
        assert_eq!(r.code, 2, "{cmd}: {}", r.stderr);
        assert!(
            r.stderr.contains("custom_ruleset.dimensions[1].weight: 79228162514264337593543950 is above the maximum 1000"),
            "{}",
            r.stderr
        );
    }
}

#[test]
fn an_indicator_scale_of_65535_is_refused_before_planning() {
    // `max: 65535` froze the tab for a minute while the planner walked every level.
    let sc = own_method(|rs| rs["dimensions"][0]["indicators"][0]["max"] = json!(65535));
    let r = rapor(&["plan", "-"], &sc.to_string());
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("custom_ruleset.dimensions[0].indicators[0].max: 65535 is above the maximum 100"), "{}", r.stderr);
}

#[test]
fn an_effort_of_ten_million_is_refused_before_planning() {
    // `effort` 1e7 made the planner's table ask for 57 GB.
    let sc = json!({"ruleset": "ombudsman-2023", "effort": {"total": 10_000_000, "proses": 2},
        "units": [{"name": "A", "score": 50}, {"name": "B", "dimensions": {"proses": 40}}]});
    let r = rapor(&["plan", "-"], &sc.to_string());
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("effort.total: 10000000 is above the maximum 100"), "{}", r.stderr);
}

#[test]
fn twenty_thousand_units_are_refused_before_any_work() {
    // 20 000 units from a 104 KB link froze the widget for 24 s.
    let units: Vec<Value> = (0..20_000).map(|i| json!({"name": format!("U{i}"), "score": 60})).collect();
    let r = rapor(&["plan", "-"], &json!({"ruleset": "ombudsman-2024", "units": units}).to_string());
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("units: at most 200 units (got 20000)"), "{}", r.stderr);
}

#[test]
fn a_hundred_thousand_indicators_are_refused_before_any_work() {
    // 100 000 indicators took 19 s to score and 2 minutes to plan.
    let sc = own_method(|rs| {
        let proto = rs["dimensions"][0]["indicators"][0].clone();
        let many: Vec<Value> = (0..100_000)
            .map(|k| {
                let mut i = proto.clone();
                i["id"] = json!(format!("i{k}"));
                i
            })
            .collect();
        rs["dimensions"][0]["indicators"] = json!(many);
    });
    let started = std::time::Instant::now();
    let r = rapor(&["score", "-"], &sc.to_string());
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("custom_ruleset.dimensions[0].indicators: at most 100 indicators in one dimension (got 100000)"),
        "{}",
        r.stderr
    );
    // Not a timing test: only that the refusal comes before the quadratic work (which
    // took minutes), with a margin no machine misses.
    assert!(started.elapsed().as_secs() < 60);
}

#[test]
fn number_errors_quote_the_number_as_written() {
    // The review's cases: 2^64 was quoted as the float "1.8446744073709552e+19", and 40
    // decimals were "not a number".
    let r = rapor(&["score", "-"], r#"{"ruleset": "ombudsman-2023", "units": [{"name": "A", "score": 18446744073709551616}]}"#);
    assert_eq!(r.code, 2);
    // JSON numbers arrive as floats (keeping their text costs 29 KB of downloads): the
    // value in plain digits, never the float's exponent form.
    assert!(r.stderr.contains("units[0].score: 18446744073709552000 is above the maximum 100"), "{}", r.stderr);
    let forty = "0.1234567890123456789012345678901234567890";
    let r = rapor(&["score", "-"], &format!(r#"{{"ruleset": "ombudsman-2023", "units": [{{"name": "A", "score": "{forty}"}}]}}"#));
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains(&format!("units[0].score: {forty} has more digits than Rapor computes exactly (28 at most)")),
        "{}",
        r.stderr
    );
    let r = rapor(&["score", "-"], &format!(r#"{{"ruleset": "ombudsman-2023", "units": [{{"name": "A", "score": {forty}}}]}}"#));
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("units[0].score: use at most 6 decimals"), "{}", r.stderr);
    // JSON's exponent form is a number like any other: 7.9e1 is 79.
    let r = rapor(&["score", "-"], r#"{"ruleset": "ombudsman-2023", "units": [{"name": "A", "score": 7.9e1}]}"#);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("\"score\": \"79.00\""), "{}", r.stdout);
}
