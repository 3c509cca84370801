//! Golden cases for the secondary schemes (methodology.md §4–6): SAKIP, Indeks
//! Pelayanan Publik and IKM. Every expected value is published or worked out by hand in
//! the comment beside it; none comes from the code under test.
#![cfg(not(target_arch = "wasm32"))]

use rapor::engine::plan::{plan, Objective, Status};
use rapor::engine::{evaluate, Catalog, Ruleset, Scenario};
use serde_json::{json, Value};

fn ruleset(id: &str) -> Ruleset {
    Catalog::built_in().get(id).unwrap().clone()
}

/// Scores a scenario given as JSON: (rounded score, category, opini).
fn score(v: Value) -> (String, String, String) {
    let sc = Scenario::from_json(&v).unwrap();
    let rs = rapor::engine::overrides::apply(&ruleset(&sc.ruleset), &sc.assumptions).unwrap();
    let a = evaluate(&rs, &sc).unwrap().aggregate.unwrap();
    (a.rounded.to_string(), a.grade.category, a.grade.opini)
}

fn total(id: &str, s: &str) -> (String, String, String) {
    score(json!({"ruleset": id, "units": [{"name": "Pemda", "score": s}]}))
}

// ---- SAKIP (PermenPANRB 88/2021) ----

#[test]
fn sakip_klungkung_published_b() {
    // Published: Klungkung, "predikat B, nilai 62,72".
    assert_eq!(total("sakip-2021", "62,72"), ("62.72".into(), "B".into(), "Baik".into()));
}

#[test]
fn sakip_lower_bounds_are_exclusive() {
    // "AA >90–100": 90,00 is still A; 90,01 is AA. Likewise at every band edge.
    assert_eq!(total("sakip-2021", "90,00").1, "A");
    assert_eq!(total("sakip-2021", "90,01").1, "AA");
    assert_eq!(total("sakip-2021", "80").1, "BB");
    assert_eq!(total("sakip-2021", "30").1, "D");
    assert_eq!(total("sakip-2021", "30,01").1, "C");
    assert_eq!(total("sakip-2021", "0").1, "D");
}

/// Every criterion of every sub-component at one letter value, except the given ones.
fn sakip_criteria(all: u32, except: &[(&str, u32)]) -> Value {
    let rs = ruleset("sakip-2021");
    let mut m = serde_json::Map::new();
    for r in rs.indicators() {
        let v = except.iter().find(|(d, _)| *d == r.dimension.id).map_or(all, |(_, v)| *v);
        m.insert(r.key(), json!(v));
    }
    json!({"ruleset": "sakip-2021", "units": [{"name": "Pemda", "indicators": m}]})
}

#[test]
fn sakip_from_letters() {
    // All criteria B (70): every sub-component scores 70, so the total is 70,00 — on
    // the exclusive bound of BB, hence B.
    assert_eq!(score(sakip_criteria(70, &[])).0, "70.00");
    assert_eq!(score(sakip_criteria(70, &[])).1, "B");
    // Perencanaan·Keberadaan (weight 6) all A (90), the rest (94) all B (70):
    // 6 × 0,90 + 94 × 0,70 = 5,4 + 65,8 = 71,20 → BB.
    let (s, c, _) = score(sakip_criteria(70, &[("perencanaan-keberadaan", 90)]));
    assert_eq!((s.as_str(), c.as_str()), ("71.20", "BB"));
    // Pemanfaatan of all four components (50 %) at D (30), the rest at AA (100):
    // 50 × 0,30 + 50 × 1,00 = 65,00 → B.
    let pem =
        [("perencanaan-pemanfaatan", 30), ("pengukuran-pemanfaatan", 30), ("pelaporan-pemanfaatan", 30), ("evaluasi-pemanfaatan", 30)];
    assert_eq!(score(sakip_criteria(100, &pem)).0, "65.00");
}

#[test]
fn sakip_rejects_a_value_that_is_no_letter() {
    let mut v = sakip_criteria(70, &[]);
    v["units"][0]["indicators"]["pelaporan-kualitas.k2"] = json!(75);
    let sc = Scenario::from_json(&v).unwrap();
    let e = evaluate(&ruleset("sakip-2021"), &sc).unwrap_err().to_string();
    assert!(e.starts_with("units[0].indicators.pelaporan-kualitas.k2: 75 is not one of the levels"), "{e}");
    assert!(e.contains("AA = 100") && e.contains("D = 30"), "{e}");
}

#[test]
fn sakip_criteria_count_is_an_assumption_the_user_sets() {
    // Perencanaan·Keberadaan with 2 criteria instead of 5: AA and E average 50, the
    // rest all B (70): 6 × 0,50 + 94 × 0,70 = 3 + 65,8 = 68,80.
    let mut v = sakip_criteria(70, &[]);
    v["assumptions"] = json!({"criteria": {"perencanaan-keberadaan": 2}});
    let m = v["units"][0]["indicators"].as_object_mut().unwrap();
    for j in 3..=5 {
        m.remove(&format!("perencanaan-keberadaan.k{j}"));
    }
    m.insert("perencanaan-keberadaan.k1".into(), json!(100));
    m.insert("perencanaan-keberadaan.k2".into(), json!(0));
    assert_eq!(score(v.clone()).0, "68.80");
    // With 7 criteria, the two new ones take the same letter scale.
    v["assumptions"] = json!({"criteria": {"perencanaan-keberadaan": 7}});
    let m = v["units"][0]["indicators"].as_object_mut().unwrap();
    for j in 3..=7 {
        m.insert(format!("perencanaan-keberadaan.k{j}"), json!(70));
    }
    // (100 + 0 + 5 × 70) / 7 = 450 / 7 = 64,2857…; 6 × 0,642857… = 3,857142… ;
    // + 65,8 = 69,657142… → 69,66.
    assert_eq!(score(v).0, "69.66");
}

#[test]
fn sakip_plan_steps_through_the_letters() {
    // All B (70) = 70,00 → the next predikat is BB (> 70): the smallest step is one
    // criterion B → BB (+10) in a Pemanfaatan sub-component of weight 15:
    // 15 × 10 / 5 criteria / 100 = +0,30 → 70,30.
    let sc = Scenario::from_json(&sakip_criteria(70, &[])).unwrap();
    let p = plan(&ruleset("sakip-2021"), &sc, None, Objective::Steps).unwrap();
    assert_eq!(p.status, Status::Planned);
    assert_eq!(p.steps.len(), 1);
    assert_eq!((p.steps[0].from.to_string(), p.steps[0].to.to_string()), ("70".into(), "80".into()));
    assert_eq!(p.score_after.to_string(), "70.30");
    assert_eq!(p.category_after, "BB");
    // From E (0), the first step is D (30), never a value between letters.
    let sc = Scenario::from_json(&sakip_criteria(0, &[])).unwrap();
    let p = plan(&ruleset("sakip-2021"), &sc, Some("C"), Objective::Steps).unwrap();
    let letters = [0, 30, 50, 60, 70, 80, 90, 100];
    for s in &p.steps {
        assert!(letters.iter().any(|l| s.to.to_string() == l.to_string()), "{:?}", s);
        assert_eq!(s.from.to_string(), "0");
    }
    assert_eq!(p.category_after, "C");
}

// ---- Indeks Pelayanan Publik (PermenPANRB 29/2022) ----

#[test]
fn ipp_band_edges_on_a_0_to_5_scale() {
    assert_eq!(total("ipp-2022", "4,50"), ("4.50".into(), "A-".into(), "Sangat Baik".into()));
    assert_eq!(total("ipp-2022", "4,51"), ("4.51".into(), "A".into(), "Pelayanan Prima".into()));
    assert_eq!(total("ipp-2022", "1").1, "F");
    assert_eq!(total("ipp-2022", "1,01").1, "E");
    // Rounding comes first (half up): 4,505 is 4,51 = A, never a gap between bands.
    assert_eq!(total("ipp-2022", "4,505").0, "4.51");
    assert_eq!(total("ipp-2022", "4,505").1, "A");
    assert_eq!(total("ipp-2022", "4,504").1, "A-");
}

#[test]
fn ipp_from_aspects_and_indicators() {
    // Aspect weights 24/25/18/11/10/12. Kebijakan and SDM (49 %) at 5, the rest (51 %)
    // at 4: 0,49 × 5 + 0,51 × 4 = 2,45 + 2,04 = 4,49 → A-.
    let rs = ruleset("ipp-2022");
    let mut m = serde_json::Map::new();
    for r in rs.indicators() {
        m.insert(r.key(), json!(if ["kebijakan", "sdm"].contains(&r.dimension.id.as_str()) { 5 } else { 4 }));
    }
    let (s, c, _) = score(json!({"ruleset": "ipp-2022", "units": [{"name": "DPMPTSP", "indicators": m}]}));
    assert_eq!((s.as_str(), c.as_str()), ("4.49", "A-"));
    // By aspect: 4,6 everywhere except Inovasi (12 %) at 4,1:
    // 0,88 × 4,6 + 0,12 × 4,1 = 4,048 + 0,492 = 4,54 → A.
    let d = json!({"kebijakan": "4,6", "sdm": "4,6", "sarpras": "4,6", "sipp": "4,6", "konsultasi": "4,6", "inovasi": "4,1"});
    let (s, c, _) = score(json!({"ruleset": "ipp-2022", "units": [{"name": "DPMPTSP", "dimensions": d}]}));
    assert_eq!((s.as_str(), c.as_str()), ("4.54", "A"));
}

#[test]
fn ipp_rejects_a_score_above_5() {
    let sc = Scenario::from_json(&json!({"ruleset": "ipp-2022", "units": [{"name": "U", "score": "5,2"}]})).unwrap();
    let e = evaluate(&ruleset("ipp-2022"), &sc).unwrap_err().to_string();
    assert_eq!(e, "units[0].score: 5.2 is above the maximum 5");
}

// ---- IKM (PermenPANRB 14/2017) ----

const UNSUR: [&str; 9] = ["persyaratan", "prosedur", "waktu", "biaya", "produk", "kompetensi", "perilaku", "pengaduan", "sarana"];

/// Per-unsur means: the first eight at `rest`, sarana at `last`.
fn ikm_means(rest: &str, last: &str) -> Value {
    let m: serde_json::Map<String, Value> =
        UNSUR.iter().map(|u| (format!("unsur.{u}"), json!(if *u == "sarana" { last } else { rest }))).collect();
    json!({"ruleset": "ikm-2017", "units": [{"name": "Puskesmas", "indicators": m}]})
}

#[test]
fn ikm_all_answers_3_is_75_c() {
    // 30 respondents, every one answering 3 on every unsur: each mean 3,
    // IKM = 25 × Σ(3 × 1/9) = 25 × 3 = 75,00 → C (65,00–76,60).
    let r: serde_json::Map<String, Value> = UNSUR.iter().map(|u| (u.to_string(), json!([0, 0, 30, 0]))).collect();
    let got = score(json!({"ruleset": "ikm-2017", "units": [{"name": "Disdukcapil", "responses": r}]}));
    assert_eq!(got, ("75.00".into(), "C".into(), "Kurang Baik".into()));
}

#[test]
fn ikm_band_edges() {
    // IKM = 25 × Σ means / 9, so Σ means = IKM × 9 / 25.
    // 88,30 → Σ = 31,788 = 8 × 3,5 + 3,788;  88,31 → Σ = 31,7916 = 8 × 3,5 + 3,7916.
    assert_eq!(score(ikm_means("3,5", "3,788")).0, "88.30");
    assert_eq!(score(ikm_means("3,5", "3,788")).1, "B");
    assert_eq!(score(ikm_means("3,5", "3,7916")).0, "88.31");
    assert_eq!(score(ikm_means("3,5", "3,7916")).1, "A");
    // 65,00 → Σ = 23,4 = 9 × 2,6;  64,99 → Σ = 23,3964 = 8 × 2,6 + 2,5964.
    assert_eq!(score(ikm_means("2,6", "2,6")), ("65.00".into(), "C".into(), "Kurang Baik".into()));
    assert_eq!(score(ikm_means("2,6", "2,5964")), ("64.99".into(), "D".into(), "Tidak Baik".into()));
}

#[test]
fn ikm_weight_is_exactly_one_ninth() {
    // All 4: 25 × 4 = 100,00 exactly. With 0,111 for 1/9 it would be 25 × 36 × 0,111
    // = 99,90, and the rounded weights of existing sheets drift like that.
    assert_eq!(score(ikm_means("4", "4")).0, "100.00");
    // A mean from counts is exact too: [0, 1, 5, 4] → (2 + 15 + 16) / 10 = 3,3; with
    // the other eight at 3: 25 × (24 + 3,3) / 9 = 682,5 / 9 = 75,8333… → 75,83.
    let mut r: serde_json::Map<String, Value> = UNSUR.iter().map(|u| (u.to_string(), json!([0, 0, 10, 0]))).collect();
    r.insert("waktu".into(), json!([0, 1, 5, 4]));
    assert_eq!(score(json!({"ruleset": "ikm-2017", "units": [{"name": "U", "responses": r}]})).0, "75.83");
    // Counts whose mean has no finite decimal: [1, 0, 2, 0] → 7/3 = 2,333…; the other
    // eight at 3: 25 × (24 + 7/3) / 9 = 25 × 79/27 = 1975/27 = 73,148… → 73,15.
    let mut r: serde_json::Map<String, Value> = UNSUR.iter().map(|u| (u.to_string(), json!([0, 0, 3, 0]))).collect();
    r.insert("biaya".into(), json!([1, 0, 2, 0]));
    assert_eq!(score(json!({"ruleset": "ikm-2017", "units": [{"name": "U", "responses": r}]})).0, "73.15");
}

#[test]
fn ikm_rejects_bad_counts_and_means() {
    let ikm = ruleset("ikm-2017");
    let bad = |v: Value| match Scenario::from_json(&v) {
        Err(e) => e.to_string(),
        Ok(sc) => evaluate(&ikm, &sc).unwrap_err().to_string(),
    };
    let r = |x: Value| json!({"ruleset": "ikm-2017", "units": [{"name": "U", "responses": {"waktu": x}}]});
    assert_eq!(bad(r(json!([1, 2, 3]))), "units[0].responses.waktu: give 4 counts, how many respondents answered 1 to 4 (got 3)");
    assert!(bad(r(json!([1, -2, 3, 4]))).starts_with("units[0].responses.waktu[1]: \"-2\" is not a number of respondents"));
    assert!(bad(r(json!("3,2"))).starts_with("units[0].responses.waktu: expected a list"));
    assert_eq!(
        bad(json!({"ruleset": "ikm-2017", "units": [{"name": "U", "responses": {"lama": [1, 1, 1, 1]}}]})),
        "units[0].responses.lama: this ruleset has no indicator \"lama\""
    );
    assert_eq!(bad(ikm_means("3", "4,2")), "units[0].indicators.unsur.sarana: 4.2 is above the maximum 4");
    assert_eq!(bad(ikm_means("3", "0,5")), "units[0].indicators.unsur.sarana: 0.5 is below the minimum 1");
    // The same unsur as a mean and as counts.
    let v =
        json!({"ruleset": "ikm-2017", "units": [{"name": "U", "indicators": {"unsur.waktu": 3}, "responses": {"waktu": [0, 0, 1, 0]}}]});
    assert!(bad(v).contains("unsur.waktu is given twice"));
}

#[test]
fn ikm_plan_by_respondents_answering_4() {
    // Nine unsur, 30 respondents each answering 3: IKM 75,00 (C). B starts at 76,61,
    // which rounds from 76,605. One answer moved from 3 to 4 adds 1/30 to a mean, so
    // 25 × (1/30) / 9 = 5/54 = 0,0926 to the IKM. Need 76,605 − 75 = 1,605:
    // 17 answers give 1,574 (short), 18 give 1,6667 → 76,67.
    let r: serde_json::Map<String, Value> = UNSUR.iter().map(|u| (u.to_string(), json!([0, 0, 30, 0]))).collect();
    let sc = Scenario::from_json(&json!({"ruleset": "ikm-2017", "units": [{"name": "U", "responses": r}]})).unwrap();
    let p = plan(&ruleset("ikm-2017"), &sc, None, Objective::Steps).unwrap();
    assert_eq!(p.status, Status::Planned);
    let moved: u32 = p.steps.iter().map(|s| s.responses.as_ref().unwrap().respondents).sum();
    assert_eq!(moved, 18);
    assert_eq!(p.score_after.to_string(), "76.67");
    assert_eq!(p.category_after, "B");
    for s in &p.steps {
        let c = s.responses.as_ref().unwrap();
        assert_eq!(c.before.iter().sum::<u32>(), c.after.iter().sum::<u32>(), "the sample size stays");
        assert_eq!(c.after[3], c.respondents);
    }
    // Low answers first: moving a 1 to 4 is worth three times a 3 to 4.
    let mut r = r.clone();
    r.insert("waktu".into(), json!([5, 0, 25, 0]));
    let sc = Scenario::from_json(&json!({"ruleset": "ikm-2017", "units": [{"name": "U", "responses": r}]})).unwrap();
    let p = plan(&ruleset("ikm-2017"), &sc, Some("C"), Objective::Steps).unwrap();
    // Before: waktu mean (5 + 75) / 30 = 8/3; Σ = 24 + 8/3 = 80/3; IKM = 25 × 80/27 =
    // 74,07 (C already) — so ask for B: need 76,605 − 74,074… = 2,5309…; a 1→4 move
    // adds 3/30 × 25/9 = 0,2778, so 5 of them give 1,3889, then 3→4 moves at 0,0926:
    // 13 more give 1,2037 → 2,5926 ≥ 2,5309 (12 would give 2,5 < 2,5309).
    assert_eq!(p.status, Status::AlreadyThere);
    let p = plan(&ruleset("ikm-2017"), &sc, Some("B"), Objective::Steps).unwrap();
    let moved: u32 = p.steps.iter().map(|s| s.responses.as_ref().unwrap().respondents).sum();
    assert_eq!(moved, 18);
    let w = p.steps.iter().find(|s| s.indicator == "unsur.waktu").unwrap().responses.clone().unwrap();
    assert_eq!(w.after[0], 0, "every 1 moved first");
}

#[test]
fn ikm_plan_for_means_names_the_mean_each_unsur_needs() {
    // Eight unsur at 3, sarana at 2: Σ = 26, IKM = 25 × 26 / 9 = 72,22 (C). For B
    // (76,605): Σ must reach 76,605 × 9 / 25 = 27,5778, i.e. +1,5778 on one unsur.
    // Sarana alone: 2 + 1,5778 = 3,5778 → 3,58 (possible). Persyaratan alone: 3 +
    // 1,5778 = 4,58 (over 4: not possible).
    let sc = Scenario::from_json(&ikm_means("3", "2")).unwrap();
    let p = plan(&ruleset("ikm-2017"), &sc, None, Objective::Steps).unwrap();
    assert_eq!(p.status, Status::Planned);
    let alt = |k: &str| p.alternatives.iter().find(|a| a.indicator.as_deref() == Some(k)).unwrap().clone();
    assert_eq!(alt("unsur.sarana").to.unwrap().to_string(), "3.58");
    assert!(alt("unsur.sarana").possible);
    assert!(!alt("unsur.persyaratan").possible);
    // The plan itself raises means in steps of 0,01, the weakest unsur first, and
    // reaches B; 158 hundredths (1,58) are the fewest: 157 give Σ 27,57 → 76,58.
    assert_eq!(p.category_after, "B");
    assert_eq!(p.cost, 158);
    assert_eq!(p.steps[0].indicator, "unsur.sarana");
}

// ---- A user's own ruleset ----

#[test]
fn a_scenario_carries_its_own_ruleset() {
    // Next year's method, say: the 2024 file with A from 90.
    let mut rs: Value = serde_json::from_str(Catalog::built_in_source("ombudsman-2024").unwrap()).unwrap();
    rs["id"] = json!("ombudsman-2026-uji");
    rs["bands"][0]["min"] = json!("90");
    let v = json!({"ruleset": "ombudsman-2026-uji", "custom_ruleset": rs, "units": [{"name": "U", "score": "89"}]});
    let sc = Scenario::from_json(&v).unwrap();
    let custom = sc.custom_ruleset.as_deref().unwrap();
    assert_eq!(evaluate(custom, &sc).unwrap().aggregate.unwrap().grade.category, "B");
    // It survives the round trip through the file schema.
    let again = Scenario::from_json(&sc.to_json()).unwrap();
    assert_eq!(again, sc);
    // A broken one is refused at its place, and the id must match.
    let mut bad = v.clone();
    bad["custom_ruleset"]["bands"][0]["min"] = json!("70");
    let e = Scenario::from_json(&bad).unwrap_err().to_string();
    assert!(e.starts_with("custom_ruleset.bands[1].min: bands must be listed from the top down"), "{e}");
    let mut bad = v;
    bad["ruleset"] = json!("ombudsman-2024");
    assert!(Scenario::from_json(&bad)
        .unwrap_err()
        .to_string()
        .starts_with("ruleset: \"ombudsman-2024\" is not the id of the custom_ruleset"));
}

#[test]
fn weights_and_bands_match_methodology() {
    // §4: component weight × (20 / 30 / 50 %).
    let w: Vec<String> = ruleset("sakip-2021").dimensions.iter().map(|d| d.weight.normalize().to_string()).collect();
    assert_eq!(w, ["6", "9", "15", "6", "9", "15", "3", "4.5", "7.5", "5", "7.5", "12.5"]);
    let b: Vec<(String, String, bool)> =
        ruleset("sakip-2021").bands.iter().map(|b| (b.category.clone(), b.min.to_string(), b.inclusive)).collect();
    let want = [
        ("AA", "90", false),
        ("A", "80", false),
        ("BB", "70", false),
        ("B", "60", false),
        ("CC", "50", false),
        ("C", "30", false),
        ("D", "0", true),
    ];
    assert_eq!(b, want.map(|(a, m, i)| (a.to_string(), m.to_string(), i)));
    let letters: Vec<(String, u16)> =
        ruleset("sakip-2021").dimensions[0].indicators[0].levels.iter().map(|l| (l.label.clone(), l.value)).collect();
    let want = [("E", 0), ("D", 30), ("C", 50), ("CC", 60), ("B", 70), ("BB", 80), ("A", 90), ("AA", 100)];
    assert_eq!(letters, want.map(|(l, v)| (l.to_string(), v)));
    // §5.
    let w: Vec<String> = ruleset("ipp-2022").dimensions.iter().map(|d| d.weight.to_string()).collect();
    assert_eq!(w, ["24", "25", "18", "11", "10", "12"]);
    let b: Vec<String> = ruleset("ipp-2022").bands.iter().map(|b| format!("{} {}", b.category, b.min)).collect();
    assert_eq!(b, ["A 4.51", "A- 4.01", "B 3.51", "B- 3.01", "C 2.51", "C- 2.01", "D 1.51", "E 1.01", "F 0"]);
    // §6.
    let ikm = ruleset("ikm-2017");
    assert_eq!(ikm.dimensions[0].indicators.len(), 9);
    assert!(ikm.dimensions[0].indicators.iter().all(|i| i.weight.to_string() == "1" && i.min == 1 && i.max == 4 && i.fractional));
    let b: Vec<String> = ikm.bands.iter().map(|b| format!("{} {}", b.category, b.min)).collect();
    assert_eq!(b, ["A 88.31", "B 76.61", "C 65", "D 0"]);
}

#[test]
fn dimension_shares_are_percent_of_the_total_weight() {
    use rust_decimal::Decimal;
    let d = |s: &str| s.parse::<Decimal>().unwrap();
    // Ombudsman weights sum to 100, so the share is the weight: Input 21,85 %.
    let om = ruleset("ombudsman-2024");
    assert_eq!(om.weight_percent(om.dimensions[0].weight), d("21.85"));
    // IKM has one dimension of weight 1: all of it, 100 %.
    let ikm = ruleset("ikm-2017");
    assert_eq!(ikm.weight_percent(ikm.dimensions[0].weight), d("100"));
    // SAKIP Perencanaan–Keberadaan: 6 of 100.
    let sakip = ruleset("sakip-2021");
    assert_eq!(sakip.weight_percent(sakip.dimensions[0].weight), d("6"));
}
