//! The method in force (Opini Ombudsman 2025–2026, methodology.md §2), honest rounding
//! of published figures (§2b) and one way to name an indicator. Every expected value is
//! a published result or a hand calculation written out beside it.
#![cfg(not(target_arch = "wasm32"))]

use rapor::engine::plan::{plan, Objective};
use rapor::engine::risk::risk;
use rapor::engine::robust::robust_plan;
use rapor::engine::{evaluate, Catalog, Ruleset, Scenario};
use rapor::report::json::score_json;
use serde_json::{json, Value};

fn rs(id: &str) -> Ruleset {
    Catalog::built_in().get(id).unwrap().clone()
}

/// The `rapor score` JSON of a scenario.
fn score(v: Value) -> Value {
    let sc = Scenario::from_json(&v).unwrap();
    score_json(&evaluate(&rs(&sc.ruleset), &sc).unwrap()).unwrap()
}

fn score_err(v: Value) -> String {
    let sc = Scenario::from_json(&v).unwrap();
    evaluate(&rs(&sc.ruleset), &sc).unwrap_err().to_string()
}

fn dims(x: u32) -> Value {
    json!({"input": x, "proses": x, "output": x, "pengaduan": x})
}

#[test]
fn is_the_method_of_2025_and_2026_without_a_black_zone() {
    let r = rs("ombudsman-2025");
    assert_eq!(r.years, [2025, 2026]);
    // No source uses a black zone (§2): the word is in no shipped file, style or text
    // (spelled in parts here, so that this check is not itself an occurrence).
    let black = ["hi", "tam"].concat();
    for id in ["ombudsman-2025", "ombudsman-2024", "ombudsman-2023", "ombudsman-2022", "ombudsman-2021"] {
        assert!(!Catalog::built_in_source(id).unwrap().to_lowercase().contains(&black), "{id}");
    }
    for (name, text) in [
        ("styles/main.css", include_str!("../styles/main.css")),
        ("src/text.rs", include_str!("../src/text.rs")),
        ("README.md", include_str!("../README.md")),
    ] {
        assert!(!text.to_lowercase().contains(&black), "{name}");
    }
    // The colour shown for 2025 is the informal 2022–2024 zone, marked as an assumption.
    assert_eq!(r.bands.iter().map(|b| b.zone.as_str()).collect::<Vec<_>>(), ["hijau", "hijau", "kuning", "merah", "merah"]);
    assert!(r.zone_is_assumption());
    assert!(!rs("ombudsman-2024").zone_is_assumption());
}

#[test]
fn both_published_labels_at_every_edge() {
    // Opini and kategori kualitas pelayanan, §2: Sangat Baik ≥ 88, Baik ≥ 78, Cukup ≥ 54,
    // Kurang below ("kategori Baik atau Opini Kualitas Tinggi"); below 32 no separate
    // word is published [A: Kurang].
    for (total, cat, opini, quality) in [
        ("88.00", "A", "Kualitas Tertinggi", "Sangat Baik"),
        ("87.99", "B", "Kualitas Tinggi", "Baik"),
        ("78.00", "B", "Kualitas Tinggi", "Baik"),
        ("77.99", "C", "Kualitas Sedang", "Cukup"),
        ("54.00", "C", "Kualitas Sedang", "Cukup"),
        ("53.99", "D", "Kualitas Rendah", "Kurang"),
        ("32.00", "D", "Kualitas Rendah", "Kurang"),
        ("31.99", "E", "Kualitas Terendah", "Kurang"),
    ] {
        let g = score(json!({"ruleset": "ombudsman-2025", "units": [{"name": "A", "score": total}]}));
        assert_eq!(
            (g["category"].as_str(), g["opini"].as_str(), g["quality"].as_str()),
            (Some(cat), Some(opini), Some(quality)),
            "{total}"
        );
        assert_eq!(g["units"][0]["quality"], quality, "{total}");
    }
    // Published: "nilai 65,98 dengan kategori kualitas pelayanan Cukup"; the national
    // mean "74,64 dengan kategori cukup"; 57,61 = Opini Kualitas Sedang Tanpa Maladministrasi.
    for total in ["65,98", "74,64"] {
        assert_eq!(score(json!({"ruleset": "ombudsman-2025", "units": [{"name": "A", "score": total}]}))["quality"], "Cukup");
    }
    let g = score(json!({"ruleset": "ombudsman-2025", "units": [{"name": "A", "score": "57,61"}], "followed_up": true}));
    assert_eq!((g["opini"].as_str(), g["quality"].as_str()), (Some("Kualitas Sedang Tanpa Maladministrasi"), Some("Cukup")));
    // Methods without the second label say so with null.
    assert_eq!(score(json!({"ruleset": "ombudsman-2023", "units": [{"name": "A", "score": 90}]}))["quality"], Value::Null);
}

#[test]
fn trust_belongs_to_each_unit() {
    // Unit A by dimension 90 with trust 70: 0.7·90 + 0.3·70 = 63 + 21 = 84.
    // Unit B a published total 80,00 that already holds its trust: 80.
    // Pemda = plain mean (84 + 80) / 2 = 82.00 → B, Baik; never trust again on top.
    let g = score(json!({"ruleset": "ombudsman-2025", "units": [
        {"name": "Dinas Pendidikan", "dimensions": dims(90), "trust": 70},
        {"name": "Dinas Sosial", "score": "80,00"}
    ]}));
    assert_eq!(g["units"][0]["score"], "84.00");
    assert_eq!(g["units"][1]["score"], "80.00");
    assert_eq!((g["score"].as_str(), g["category"].as_str(), g["quality"].as_str()), (Some("82.00"), Some("B"), Some("Baik")));
    assert_eq!(g["trust_included"], true);
    // By indicators: every indicator at 2 of 3 → dimensions 66,66…; trust 100:
    // 0.7·(200/3) + 30 = 46.666… + 30 = 76.666… → 76.67, C.
    let r = rs("ombudsman-2025");
    let ind: serde_json::Map<String, Value> = r.indicators().map(|i| (i.key(), json!(2))).collect();
    let g = score(json!({"ruleset": "ombudsman-2025", "units": [{"name": "A", "indicators": ind, "trust": 100}]}));
    assert_eq!((g["score"].as_str(), g["category"].as_str()), (Some("76.67"), Some("C")));
    // Without a unit's trust it counts 0 and is reported: 0.7·80 = 56.00.
    let g = score(json!({"ruleset": "ombudsman-2025", "units": [{"name": "A", "dimensions": dims(80)}]}));
    assert_eq!(g["score"], "56.00");
    assert_eq!(g["units"][0]["missing"], json!(["trust"]));
    assert_eq!(g["trust_included"], false);
    // A total already holds it, and a method without it refuses it, at the place.
    assert!(score_err(json!({"ruleset": "ombudsman-2025", "units": [{"name": "A", "score": 80, "trust": 60}]}))
        .starts_with("units[0].trust: a unit entered as a total already includes"));
    assert_eq!(
        score_err(json!({"ruleset": "ombudsman-2023", "units": [{"name": "A", "dimensions": dims(80), "trust": 60}]})),
        "units[0].trust: this ruleset has no Kepercayaan Masyarakat (trust)"
    );
    assert_eq!(
        score_err(json!({"ruleset": "ombudsman-2025", "units": [{"name": "A", "dimensions": dims(80), "trust": "100,5"}]})),
        "units[0].trust: 100.5 is above the maximum 100"
    );
}

#[test]
fn an_old_file_with_pemda_trust_still_opens() {
    // Written before trust moved to the units: "trust": 60 at pemda level. It goes to
    // every unit without one that is not a total: B by dimension 80 → 0.7·80 + 0.3·60
    // = 74; A, a total 80, keeps 80; C has its own 90 → 0.7·80 + 0.3·90 = 83.
    // Pemda = (80 + 74 + 83) / 3 = 237 / 3 = 79.00 → B. The user is told once.
    let old = json!({"ruleset": "ombudsman-2025", "trust": 60, "units": [
        {"name": "A", "score": 80},
        {"name": "B", "dimensions": dims(80)},
        {"name": "C", "dimensions": dims(80), "trust": 90}
    ]});
    let g = score(old.clone());
    assert_eq!(
        g["units"].as_array().unwrap().iter().map(|u| u["score"].as_str().unwrap()).collect::<Vec<_>>(),
        ["80.00", "74.00", "83.00"]
    );
    assert_eq!(g["score"], "79.00");
    assert!(g["notes"][0].as_str().unwrap().contains("Kepercayaan Masyarakat 60 was given to every unit"));
    // Written back, the trust sits on the units and the note does not come again.
    let sc = Scenario::from_json(&old).unwrap();
    let again = sc.to_json();
    assert!(again.get("trust").is_none());
    assert_eq!(again["units"][1]["trust"], "60");
    assert!(again["units"][0].get("trust").is_none());
    assert!(score(again).get("notes").is_none());
    // A file of totals only: they hold their trust already, and the value is unused.
    let g = score(
        json!({"ruleset": "ombudsman-2025", "trust": 60, "units": [{"name": "A", "score": "80,25"}, {"name": "B", "score": "76,40"}, {"name": "C", "score": "70,10"}]}),
    );
    // (80.25 + 76.40 + 70.10) / 3 = 226.75 / 3 = 75.583… → 75.58 (before: 0.7 · 75.583… + 0.3 · 60 = 70.91).
    assert_eq!(g["score"], "75.58");
    assert!(g["notes"][0].as_str().unwrap().contains("60 was not used"));
    // Pemda-level trust under a method without it is still refused where it stands.
    let e =
        Scenario::from_json(&json!({"ruleset": "ombudsman-2023", "trust": 50, "units": [{"name": "A", "dimensions": dims(80)}]})).unwrap();
    assert_eq!(evaluate(&rs("ombudsman-2023"), &e).unwrap_err().to_string(), "trust: this ruleset has no Kepercayaan Masyarakat (trust)");
}

#[test]
fn the_default_sample_belongs_to_the_method() {
    // 2025: every published pemda result came from three units (Kota Batu and others).
    assert_eq!(rs("ombudsman-2025").default_units, ["Dinas Kesehatan", "Dinas Pendidikan", "Dinas Sosial"]);
    assert!(rs("ombudsman-2025").assumptions.iter().any(|a| a.field.as_deref() == Some("default_units") && a.text.contains("RSUD")));
    // 2022–2024: five OPD and two Puskesmas.
    for id in ["ombudsman-2022", "ombudsman-2023", "ombudsman-2024"] {
        assert_eq!(rs(id).default_units.len(), 7, "{id}");
        assert_eq!(rs(id).default_units[5], "Puskesmas 1", "{id}");
    }
    // A user's file without one starts from a single unit.
    let mut own = rs("ombudsman-2025");
    own.default_units.clear();
    assert_eq!(own.starting_units(), ["Unit 1"]);
}

#[test]
fn dimensions_as_published_weighted_points() {
    // 2023 unit report style: Input 17,48 of 21,85 (= 80 % · 21,85), Proses 25,896 of
    // 32,37, Output 19,392 of 24,24, Pengaduan 17,232 of 21,54: the points add up to
    // the unit score, 17.48 + 25.896 + 19.392 + 17.232 = 80.00 → B.
    let pts = json!({"input": "17,48", "proses": "25,896", "output": "19,392", "pengaduan": "17,232"});
    let g = score(json!({"ruleset": "ombudsman-2023", "units": [{"name": "A", "dimension_points": pts.clone()}]}));
    assert_eq!((g["score"].as_str(), g["units"][0]["level"].as_str()), (Some("80.00"), Some("dimension_points")));
    // …the same as the dimension scores 80 (each point ÷ its weight share = 80).
    assert_eq!(g["units"][0]["dimensions"]["input"], "80.00");
    // 2025: the points make the dimensions' part; 0.7·80 + 0.3·100 = 86.00 → B.
    let g = score(json!({"ruleset": "ombudsman-2025", "units": [{"name": "A", "dimension_points": pts, "trust": 100}]}));
    assert_eq!(g["score"], "86.00");
    // Each is 0 up to its weight share of 100, named at its place with the maximum.
    assert_eq!(
        score_err(json!({"ruleset": "ombudsman-2023", "units": [{"name": "A", "dimension_points": {"input": "21,86"}}]})),
        "units[0].dimension_points.input: 21.86 is above the maximum 21.85"
    );
    assert_eq!(
        score_err(json!({"ruleset": "ombudsman-2023", "units": [{"name": "A", "dimension_points": {"proses": "-1"}}]})),
        "units[0].dimension_points.proses: -1 is below the minimum 0"
    );
    let e =
        Scenario::from_json(&json!({"ruleset": "ombudsman-2023", "units": [{"name": "A", "score": 80, "dimension_points": {"input": 1}}]}));
    assert_eq!(e.unwrap_err().to_string(), "units[0]: give only one of score, dimensions, dimension_points or indicators");
}

/// `score_low`, `score_high` and `category_uncertain` of the pemda, as text.
fn range(v: Value) -> (String, String, String, bool) {
    let g = score(v);
    let s = |k: &str| g[k].as_str().unwrap().to_string();
    (s("score_low"), s("score"), s("score_high"), g["category_uncertain"].as_bool().unwrap())
}

fn totals(id: &str, scores: &[&str]) -> Value {
    let units: Vec<Value> = scores.iter().enumerate().map(|(i, s)| json!({"name": format!("U{i}"), "score": s})).collect();
    json!({"ruleset": id, "units": units})
}

#[test]
fn published_figures_give_the_range_they_allow() {
    // Magelang 2022: 100, 100, 80,19, 92,92. 80,19 stands for [80.185, 80.195), 92,92 for
    // [92.915, 92.925); the sum lies in [373.1, 373.12), the mean in [93.275, 93.28):
    // every figure rounds to 93.28. One value, as published.
    assert_eq!(range(totals("ombudsman-2022", &["100", "100", "80,19", "92,92"])), ("93.28".into(), "93.28".into(), "93.28".into(), false));
    // 93,27 and 93,28: mean in [(93.265 + 93.275)/2, (93.275 + 93.285)/2) = [93.27, 93.28)
    // → figures 93.27 to 93.28 (93.2799… rounds to 93.28).
    assert_eq!(range(totals("ombudsman-2023", &["93,27", "93,28"])), ("93.27".into(), "93.28".into(), "93.28".into(), false));
    // 87,99 and 88,00: exact mean 87.995 → 88.00 A, but the entries allow [87.99, 88.00):
    // 87.99 (B) to 88.00 (A) — the grade depends on unpublished digits.
    assert_eq!(range(totals("ombudsman-2023", &["87,99", "88,00"])), ("87.99".into(), "88.00".into(), "88.00".into(), true));
    // One decimal typed: 85,5 is [85.45, 85.55) → 85.45 to 85.55.
    assert_eq!(range(totals("ombudsman-2023", &["85,5"])), ("85.45".into(), "85.50".into(), "85.55".into(), false));
    // At the top of the scale: 100,0 is [99.95, 100], and 100 itself is reached.
    assert_eq!(range(totals("ombudsman-2023", &["100,0"])), ("99.95".into(), "100.00".into(), "100.00".into(), false));
    // Dimension scores 80,5 / 90 / 85 / 70 (2023 weights): exact 0.2185·80.5 + 0.3237·90 +
    // 0.2424·85 + 0.2154·70 = 17.58925 + 29.133 + 20.604 + 15.078 = 82.40425 → 82.40;
    // only 80,5 is rounded (±0.05 · 0.2185 = ±0.010925): [82.393325, 82.415175) → 82.39–82.42.
    let v = json!({"ruleset": "ombudsman-2023", "units": [{"name": "A", "dimensions": {"input": "80,5", "proses": 90, "output": 85, "pengaduan": 70}}]});
    assert_eq!(range(v.clone()), ("82.39".into(), "82.40".into(), "82.42".into(), false));
    let g = score(v);
    assert_eq!((g["units"][0]["score_low"].as_str(), g["units"][0]["score_high"].as_str()), (Some("82.39"), Some("82.42")));
    // Weighted points: 17,48 stands for [17.475, 17.485) of Input; the others are whole,
    // exact, and add 25 + 19 + 18 = 62, so the unit lies in [79.475, 79.485): 79.48 only.
    let v = json!({"ruleset": "ombudsman-2023", "units": [{"name": "A", "dimension_points": {"input": "17,48", "proses": 25, "output": 19, "pengaduan": 18}}]});
    assert_eq!(range(v), ("79.48".into(), "79.48".into(), "79.48".into(), false));
    // Whole numbers and indicator levels are exact: one value.
    assert_eq!(range(totals("ombudsman-2023", &["80", "91"])), ("85.50".into(), "85.50".into(), "85.50".into(), false));
    // A deduction (2023, user-entered, exact) moves the whole range: 87,99 and 88,00 less 1
    // → [86.99, 87.00) → 86.99 to 87.00, both B.
    let mut v = totals("ombudsman-2023", &["87,99", "88,00"]);
    v["deduction"] = json!("1");
    assert_eq!(range(v), ("86.99".into(), "87.00".into(), "87.00".into(), false));
}

#[test]
fn an_indicator_is_named_one_way_everywhere() {
    // "biaya" alone is proses.biaya in 2023 (no other dimension has it).
    let sc = |ind: Value, locked: Value, effort: Value| {
        Scenario::from_json(&json!({"ruleset": "ombudsman-2023", "effort": effort, "units": [
            {"name": "A", "indicators": ind, "locked": locked},
            {"name": "B", "score": 70}
        ]}))
        .unwrap()
    };
    let r = rs("ombudsman-2023");
    let bare = sc(json!({"biaya": [2, 2], "keamanan": 1}), json!(["biaya"]), json!({"maklumat": 3}));
    let full = sc(json!({"proses.biaya": [2, 2], "input.keamanan": 1}), json!(["proses.biaya"]), json!({"proses.maklumat": 3}));
    // Every command accepts both and answers the same.
    assert_eq!(evaluate(&r, &bare).unwrap(), evaluate(&r, &full).unwrap());
    let (p, q) = (plan(&r, &bare, None, Objective::Steps).unwrap(), plan(&r, &full, None, Objective::Steps).unwrap());
    assert_eq!(p, q);
    // The lock holds under a bare name: no step touches proses.biaya.
    assert!(!p.steps.is_empty() && p.steps.iter().all(|s| s.indicator != "proses.biaya"));
    let (mut bare_s, mut full_s) = (bare.clone(), full.clone());
    for s in [&mut bare_s, &mut full_s] {
        s.units[0].sector = Some("opd".into());
        s.units[1].sector = Some("opd".into());
        s.sampling.insert("opd".into(), 1);
    }
    assert_eq!(
        robust_plan(&r, &bare_s, None, Objective::Steps).unwrap().plan,
        robust_plan(&r, &full_s, None, Objective::Steps).unwrap().plan
    );
    assert_eq!(risk(&r, &bare_s, None).unwrap().reach_probability(), risk(&r, &full_s, None).unwrap().reach_probability());
    // Both names of one indicator: named twice, at the place.
    let twice = sc(json!({"biaya": [2, 2], "proses.biaya": [1, 1]}), json!([]), json!({}));
    assert_eq!(evaluate(&r, &twice).unwrap_err().to_string(), "units[0].indicators.biaya: proses.biaya is given twice");
    // An unknown bare id, in effort and in locked.
    assert_eq!(
        evaluate(&r, &sc(json!({"biaya": [2, 2]}), json!([]), json!({"tarif": 2}))).unwrap_err().to_string(),
        "effort.tarif: this ruleset has no indicator \"tarif\""
    );
    assert_eq!(
        evaluate(&r, &sc(json!({"biaya": [2, 2]}), json!(["tarif"]), json!({}))).unwrap_err().to_string(),
        "units[0].locked[0]: this ruleset has no indicator \"tarif\""
    );
    // An id two dimensions share is ambiguous: the error names both.
    let mut two = r.clone();
    two.dimensions[2].indicators[0].id = "biaya".into();
    let e = evaluate(&two, &sc(json!({"biaya": [2, 2]}), json!([]), json!({}))).unwrap_err().to_string();
    assert_eq!(e, "units[0].indicators.biaya: \"biaya\" is ambiguous: write proses.biaya or output.biaya");
}

/// The result strip's "+3,87 lagi ke A": the next band's threshold minus the rounded
/// score. By hand: A starts at 88 (inclusive), so 84,13 needs 88 − 84,13 = 3,87; SAKIP's
/// AA needs more than 90, so at two decimals 90,01 − 89,50 = 0,51; the top band has none.
#[test]
fn the_distance_to_the_next_band() {
    use rapor::engine::grade::to_next_band;
    use rust_decimal::Decimal;
    let c = rapor::engine::Catalog::built_in();
    let rs = c.get("ombudsman-2025").unwrap();
    assert_eq!(to_next_band(rs, Decimal::new(8413, 2)), Some((0, Decimal::new(387, 2))));
    assert_eq!(to_next_band(rs, Decimal::new(7799, 2)), Some((1, Decimal::new(1, 2))));
    assert_eq!(to_next_band(rs, Decimal::new(88, 0)), None);
    let sakip = c.get("sakip-2021").unwrap();
    assert_eq!(to_next_band(sakip, Decimal::new(8950, 2)), Some((0, Decimal::new(51, 2))));
    assert_eq!(to_next_band(sakip, Decimal::new(90, 0)), Some((0, Decimal::new(1, 2))));
}
