//! Sampling risk (issue 9): which samples the Ombudsman may draw, the chance of each
//! category, the worst and best sample, and the weakest links. Every expected value is
//! worked out by hand (or by the hypergeometric formula) in the comment beside it.
#![cfg(not(target_arch = "wasm32"))]

use rapor::engine::exact::Ratio;
use rapor::engine::risk::{risk, Method, Risk, DRAWS};
use rapor::engine::{Catalog, Scenario};
use rapor::text::Lang;
use rust_decimal::Decimal;
use serde_json::{json, Value};

fn run(v: Value, target: Option<&str>) -> Risk {
    let sc = Scenario::from_json(&v).unwrap();
    risk(Catalog::built_in().get(&sc.ruleset).unwrap(), &sc, target).unwrap()
}

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// Two OPD always in the sample and three Puskesmas of which two are drawn.
fn three_puskesmas() -> Value {
    json!({"ruleset": "ombudsman-2024", "sampling": {"puskesmas": 2}, "units": [
        {"name": "Disdukcapil", "score": 90},
        {"name": "DPMPTSP", "score": 80},
        {"name": "Puskesmas A", "score": 90, "sector": "puskesmas"},
        {"name": "Puskesmas B", "score": 70, "sector": "puskesmas"},
        {"name": "Puskesmas C", "score": 50, "sector": "puskesmas"}
    ]})
}

#[test]
fn every_sample_of_a_small_pemda_is_counted() {
    let r = run(three_puskesmas(), None);
    // C(3, 2) = 3 samples, each with Disdukcapil 90 and DPMPTSP 80:
    //   {A, B}: (90 + 80 + 90 + 70) / 4 = 82,50 → B
    //   {A, C}: (90 + 80 + 90 + 50) / 4 = 77,50 → C (B starts at 78)
    //   {B, C}: (90 + 80 + 70 + 50) / 4 = 72,50 → C
    assert_eq!((r.method, r.possible, r.samples), (Method::Exact, 3, 3));
    assert_eq!(r.counts, vec![0, 1, 2, 0, 0]);
    assert_eq!((r.probability(1), r.probability(2)), (d("0.3333"), d("0.6667")));
    assert_eq!((r.worst.score, r.worst.band, r.worst.units.clone()), (d("72.50"), 2, vec![0, 1, 3, 4]));
    assert_eq!((r.best.score, r.best.band, r.best.units.clone()), (d("82.50"), 1, vec![0, 1, 2, 3]));
    // The worst sample is C, so the target is B; one sample of three reaches it.
    assert_eq!((r.target, r.reach), (1, 1));
    // C is in {A, C} and {B, C}, neither reaching B: 0 − 1/3. A and B are each in one
    // of their two samples that reaches B: 1/2 − 1/3 = 1/6.
    let links: Vec<(&str, Ratio)> = r.weakest.iter().map(|l| (l.unit.as_str(), l.delta)).collect();
    let third = Ratio::new(1, 3).unwrap();
    let sixth = Ratio::new(1, 6).unwrap();
    assert_eq!(links, vec![("Puskesmas C", Ratio::ZERO.checked_sub(third).unwrap()), ("Puskesmas A", sixth), ("Puskesmas B", sixth)]);
    // Sorted sums 72,5 / 77,5 / 82,5: the 10th, 50th and 90th percentile (nearest rank
    // below) are the 1st, 2nd and 2nd.
    assert_eq!(r.quantiles, [d("72.50"), d("77.50"), d("77.50")]);
    assert_eq!(r.standard_error(), None);
}

#[test]
fn a_target_can_be_named() {
    // To A (88): no sample reaches it; the best is 82,50.
    let r = run(three_puskesmas(), Some("A"));
    assert_eq!((r.target, r.reach, r.reach_probability()), (0, 0, Decimal::ZERO));
    let e = risk(Catalog::built_in().get("ombudsman-2024").unwrap(), &Scenario::from_json(&three_puskesmas()).unwrap(), Some("AA"))
        .unwrap_err();
    assert_eq!(e.path, "target");
}

#[test]
fn twelve_puskesmas_two_drawn_match_the_hypergeometric_counts() {
    // Disdukcapil 100 always in; 12 Puskesmas, 3 of them at 40 and 9 at 100, two drawn:
    // C(12, 2) = 66 samples. Both good: 100 → A, C(9, 2) = 36; one weak: (100 + 100 +
    // 40) / 3 = 80 → B, 9 × 3 = 27; both weak: 60 → C, C(3, 2) = 3.
    let mut units = vec![json!({"name": "Disdukcapil", "score": 100})];
    for i in 0..12 {
        units.push(json!({"name": format!("Puskesmas {}", i + 1), "score": if i < 3 { 40 } else { 100 }, "sector": "puskesmas"}));
    }
    let r = run(json!({"ruleset": "ombudsman-2024", "sampling": {"puskesmas": 2}, "units": units}), None);
    assert_eq!((r.possible, r.counts.clone()), (66, vec![36, 27, 3, 0, 0]));
    // Target B (one above the worst, C): 63 of 66.
    assert_eq!((r.target, r.reach, r.reach_probability()), (1, 63, d("0.9545")));
    // A weak Puskesmas is in 11 samples; 9 of them (a good partner) reach B: 9/11 −
    // 63/66 = −9/66. A good one is in 11, all reaching B: 1 − 63/66 = 3/66.
    assert_eq!(r.weakest[0].delta, Ratio::new(-9, 66).unwrap());
    assert_eq!((r.weakest[0].drawn, r.weakest[0].hits), (11, 9));
    assert_eq!(r.weakest.iter().filter(|l| l.delta == Ratio::new(-9, 66).unwrap()).count(), 3);
    assert_eq!(r.weakest.last().unwrap().delta, Ratio::new(3, 66).unwrap());
    assert_eq!((r.worst.score, r.best.score), (d("60.00"), d("100.00")));
}

#[test]
fn beyond_a_million_samples_they_are_drawn_with_a_fixed_seed() {
    // 50 Puskesmas (10 at 40, 40 at 100), 5 drawn: C(50, 5) = 2 118 760 samples. With b
    // weak ones drawn the mean is 100 − 12b: A (≥ 88) exactly when b ≤ 1, with
    // probability (C(40, 5) + 10 · C(40, 4)) / C(50, 5) = 1 571 908 / 2 118 760 = 0,74190.
    let units: Vec<Value> = (0..50)
        .map(|i| json!({"name": format!("Puskesmas {}", i + 1), "score": if i < 10 { 40 } else { 100 }, "sector": "puskesmas"}))
        .collect();
    let v = json!({"ruleset": "ombudsman-2024", "sampling": {"puskesmas": 5}, "units": units});
    let r = run(v.clone(), Some("A"));
    assert_eq!((r.method, r.possible, r.samples), (Method::MonteCarlo, 2_118_760, DRAWS));
    let p = r.reach as f64 / r.samples as f64;
    let se = r.standard_error().unwrap();
    // √(0,7419 · 0,2581 / 200 000) ≈ 0,00098; the largest of the categories' is near it.
    assert!(se > 0.0009 && se < 0.0012, "{se}");
    assert!((p - 0.741_900).abs() < 4.0 * se, "{p} vs 0.741900 ± {se}");
    // Worst and best are exact even here: five at 40 → 40,00 D; five at 100 → A.
    assert_eq!((r.worst.score, r.best.score), (d("40.00"), d("100.00")));
    // The same seed, the same figures.
    assert_eq!(run(v, Some("A")), r);
}

#[test]
fn sampling_must_fit_the_units() {
    let cat = Catalog::built_in();
    let rs = cat.get("ombudsman-2024").unwrap();
    let check = |sampling: Value, path: &str, says: &str| {
        let mut v = three_puskesmas();
        v["sampling"] = sampling;
        let e = risk(rs, &Scenario::from_json(&v).unwrap(), None).unwrap_err();
        assert_eq!(e.path, path);
        assert!(e.message(Lang::En).contains(says), "{}", e.message(Lang::En));
    };
    check(json!({"puskesmas": 4}), "sampling.puskesmas", "4 of \"puskesmas\" are drawn but only 3 of its 3 units have scores");
    check(json!({"rsud": 1}), "sampling.rsud", "no unit has the sector \"rsud\"");
    let e = Scenario::from_json(&json!({"ruleset": "ombudsman-2024", "sampling": {"puskesmas": 0}, "units": []})).unwrap_err();
    assert_eq!(e.path, "sampling.puskesmas");
    let e = Scenario::from_json(&json!({"ruleset": "ombudsman-2024", "units": [{"name": "A", "sector": 3}]})).unwrap_err();
    assert_eq!(e.path, "units[0].sector");
}

#[test]
fn the_robust_plan_lifts_every_sample() {
    use rapor::engine::plan::{Objective, Status};
    use rapor::engine::robust::robust_plan;
    // IKM, two of three Puskesmas drawn: A and B at 3,5 on every unsur (IKM 87,50), C at
    // 3 (75,00). Samples {A, B} 87,50, {A, C} and {B, C} 81,25: all B, so the target is
    // A (88,31, i.e. a pair of IKMs summing to at least 2 × 88,305 = 176,61).
    // One +0,01 on one unsur raises a unit's IKM by 25 × 0,01 / 9 = 1/36; with s steps
    // per unit: s_A + s_B ≥ 36 × 1,61 = 57,96 → 58; s_A + s_C ≥ 36 × 14,11 = 507,96 →
    // 508; s_B + s_C ≥ 508. Adding all three: 2 Σ s ≥ 1074, so Σ s ≥ 537, met by
    // s_A = s_B = 29, s_C = 479: the cheapest robust plan costs 537 steps.
    let sc = Scenario::from_json(&serde_json::from_str::<Value>(&std::fs::read_to_string("tests/data/robust-ikm.json").unwrap()).unwrap())
        .unwrap();
    let rs = Catalog::built_in().get("ikm-2017").unwrap().clone();
    let r = robust_plan(&rs, &sc, None, Objective::Steps).unwrap();
    assert_eq!(r.plan.status, Status::Planned);
    assert_eq!(r.plan.target.as_deref(), Some("A"));
    assert_eq!((r.worst_before.score, r.worst_after.band), (d("81.25"), 0));
    // One sector, two drawn: the exact search finds that optimum, 29 + 29 + 479 steps.
    assert_eq!((r.plan.cost, r.lower_bound, r.exact), (537, 537, true));
    let steps_of = |unit: &str| -> i64 {
        r.plan.steps.iter().filter(|s| s.unit == unit).map(|s| ((s.to - s.from) * Decimal::ONE_HUNDRED).trunc().mantissa() as i64).sum()
    };
    assert_eq!((steps_of("Puskesmas A"), steps_of("Puskesmas B"), steps_of("Puskesmas C")), (29, 29, 479));
    // After the plan every sample reaches A.
    let after = rapor::engine::plan::applied_plan(&sc, &r.plan, &rs);
    let check = risk(&rs, &after, Some("A")).unwrap();
    assert_eq!(check.reach, check.samples);
}

#[test]
fn with_every_unit_drawn_the_robust_plan_is_the_plan() {
    use rapor::engine::plan::{plan, Objective};
    use rapor::engine::robust::robust_plan;
    // Draw all three: one sample, so the robust plan is the ordinary plan, and exact.
    let mut sc =
        Scenario::from_json(&serde_json::from_str::<Value>(&std::fs::read_to_string("tests/data/robust-ikm.json").unwrap()).unwrap())
            .unwrap();
    sc.sampling.insert("puskesmas".into(), 3);
    let rs = Catalog::built_in().get("ikm-2017").unwrap().clone();
    let r = robust_plan(&rs, &sc, Some("A"), Objective::Steps).unwrap();
    let p = plan(&rs, &sc, Some("A"), Objective::Steps).unwrap();
    assert_eq!((r.plan.cost, r.lower_bound, r.exact, r.rounds), (p.cost, p.cost, true, 1));
    // (87,5 + 87,5 + 75) / 3 = 83,33; 88,305 × 3 = 264,915 − 250 = 14,915 → × 36 = 536,94 → 537.
    assert_eq!(p.cost, 537);
}

#[test]
fn beyond_the_exact_search_the_rounds_give_bounds() {
    use rapor::engine::plan::{Objective, Status};
    use rapor::engine::robust::robust_plan;
    // Three of four Puskesmas drawn (the exact search covers one or two per sector): the
    // three above and a fourth at 3,5 everywhere (87,50). Every sample has 3 units.
    let mut v: Value = serde_json::from_str(&std::fs::read_to_string("tests/data/robust-ikm.json").unwrap()).unwrap();
    let mut d = v["units"][0].clone();
    d["name"] = "Puskesmas D".into();
    v["units"].as_array_mut().unwrap().push(d);
    v["sampling"]["puskesmas"] = 3.into();
    let sc = Scenario::from_json(&v).unwrap();
    let rs = Catalog::built_in().get("ikm-2017").unwrap().clone();
    let r = robust_plan(&rs, &sc, Some("A"), Objective::Steps).unwrap();
    assert_eq!(r.plan.status, Status::Planned);
    assert!(r.rounds >= 1 && r.lower_bound <= r.plan.cost);
    assert_eq!(r.exact, r.lower_bound == r.plan.cost);
    let after = rapor::engine::plan::applied_plan(&sc, &r.plan, &rs);
    let check = risk(&rs, &after, Some("A")).unwrap();
    assert_eq!(check.reach, check.samples, "every sample reaches A");
}

/// A fixed sequence of small numbers for the brute-force cases (Knuth's LCG).
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

/// Nine unsur all at `hundredths` / 100, for the brute-force comparisons.
fn ikm_unit(name: &str, sector: &str, hundredths: u64) -> Value {
    let names = [
        "unsur.persyaratan",
        "unsur.prosedur",
        "unsur.waktu",
        "unsur.biaya",
        "unsur.produk",
        "unsur.kompetensi",
        "unsur.perilaku",
        "unsur.pengaduan",
        "unsur.sarana",
    ];
    let m = format!("{}.{:02}", hundredths / 100, hundredths % 100);
    let ind: serde_json::Map<String, Value> = names.iter().map(|n| (n.to_string(), Value::from(m.clone()))).collect();
    json!({"name": name, "sector": sector, "indicators": ind})
}

#[test]
fn two_sectors_one_drawn_each_match_a_brute_force() {
    use rapor::engine::plan::Objective;
    use rapor::engine::robust::robust_plan;
    // Two Puskesmas and two OPD, one of each drawn: a sample is one of each, and reaches
    // A when its two IKMs sum to 2 · 36 · 88,305 = 6357,96 → 6358 in units of 1/36 (see
    // the brute force below). Means 3,50–3,53 stand at 3150–3177, so no unit needs more
    // than 6358 − 2 · 3150 = 58 steps: the brute force tries 0–60 for each.
    let mut seed = Lcg(11);
    for case in 0..3 {
        let h: Vec<u64> = (0..4).map(|_| 350 + seed.below(4)).collect();
        let units: Vec<Value> = (0..4).map(|i| ikm_unit(&format!("U{i}"), if i < 2 { "puskesmas" } else { "opd" }, h[i])).collect();
        let sc = Scenario::from_json(&json!({"ruleset": "ikm-2017", "sampling": {"puskesmas": 1, "opd": 1}, "units": units})).unwrap();
        let rs = Catalog::built_in().get("ikm-2017").unwrap().clone();
        let at: Vec<i64> = h.iter().map(|&x| 9 * x as i64).collect();
        let mut best: Option<i64> = None;
        for a in 0..=60 {
            for b in 0..=60 {
                for c in 0..=60 {
                    for d in 0..=60 {
                        let low = (at[0] + a).min(at[1] + b) + (at[2] + c).min(at[3] + d);
                        if low >= 6358 && best.is_none_or(|x| a + b + c + d < x) {
                            best = Some(a + b + c + d);
                        }
                    }
                }
            }
        }
        let r = robust_plan(&rs, &sc, Some("A"), Objective::Steps).unwrap();
        assert_eq!(Some(r.plan.cost as i64), best, "case {case}: means {h:?}");
        assert!(r.exact && r.rounds == 0, "case {case}");
    }
}

#[test]
fn the_exact_robust_plan_matches_a_brute_force() {
    use rapor::engine::plan::Objective;
    use rapor::engine::robust::robust_plan;
    // IKM with every unsur of a unit at the same mean m: its IKM is 25 m, and one +0,01
    // anywhere adds 1/36. In units of 1/36 a unit stands at 900 m and can climb to 3600
    // (all 4). A sample of k reaches A (88,31, so 88,305 before rounding) when its units'
    // sum reaches k · 36 · 88,305 = k · 3178,98. With means 3,46–3,52 (3114–3168) no unit
    // ever needs more than 6358 − 2 · 3114 = 130 steps, so the brute force tries 0–140
    // steps per unit and keeps the cheapest that lifts every sample.
    let mut seed = Lcg(7);
    for case in 0..8 {
        let k = 1 + (case % 2) as usize;
        let hundredths: Vec<u64> = (0..3).map(|_| 346 + seed.below(7)).collect();
        let units: Vec<Value> = hundredths.iter().enumerate().map(|(i, &h)| ikm_unit(&format!("Puskesmas {i}"), "puskesmas", h)).collect();
        let sc = Scenario::from_json(&json!({"ruleset": "ikm-2017", "sampling": {"puskesmas": k}, "units": units})).unwrap();
        let rs = Catalog::built_in().get("ikm-2017").unwrap().clone();
        let at: Vec<i64> = hundredths.iter().map(|&h| 9 * h as i64).collect();
        let need = if k == 2 { 6358 } else { 3179 };
        let mut best: Option<i64> = None;
        for a in 0..=140 {
            for b in 0..=140 {
                for c in 0..=140 {
                    let y = [at[0] + a, at[1] + b, at[2] + c];
                    let mut s = y;
                    s.sort_unstable();
                    let lowest: i64 = s[..k].iter().sum();
                    if lowest >= need && best.is_none_or(|x| a + b + c < x) {
                        best = Some(a + b + c);
                    }
                }
            }
        }
        let worst_already = {
            let mut s = at.clone();
            s.sort_unstable();
            s[..k].iter().sum::<i64>() >= need
        };
        let r = robust_plan(&rs, &sc, Some("A"), Objective::Steps).unwrap();
        if worst_already {
            assert!(r.plan.steps.is_empty(), "case {case}");
            continue;
        }
        assert_eq!(Some(r.plan.cost as i64), best, "case {case}: means {hundredths:?}, k = {k}");
        assert!(r.exact, "case {case}");
    }
}
