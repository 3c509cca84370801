//! The planner against an exhaustive search written here: on small random instances,
//! applying the plan reaches the target and no cheaper plan exists.
#![cfg(not(target_arch = "wasm32"))]

use rapor::engine::map::SmallMap;
use rapor::engine::plan::{applied_plan, plan, Objective, Status, StepKind};
use rapor::engine::scenario::Values;
use rapor::engine::{evaluate, Catalog, Entry, Ruleset, Scenario, Unit};
use rust_decimal::Decimal;
use serde_json::json;

/// A small instrument so every combination can be tried: one plain dimension with
/// unequal indicator weights, one per-product dimension, bands every 20 points.
fn tiny() -> Ruleset {
    Ruleset::from_json(
        &json!({
            "id": "tiny", "title": "tiny", "scheme": "test", "years": [2024], "products": 2,
            "dimensions": [
                {"id": "a", "name": "A", "weight": "30", "indicators": [
                    {"id": "x", "name": "x", "max": 2, "weight": "1"},
                    {"id": "y", "name": "y", "max": 3, "weight": "2"}]},
                {"id": "b", "name": "B", "weight": "70", "per_product": true, "indicators": [
                    {"id": "p", "name": "p", "max": 2},
                    {"id": "q", "name": "q", "max": 1}]}
            ],
            "bands": [
                {"category": "A", "opini": "a", "zone": "hijau", "min": "80"},
                {"category": "B", "opini": "b", "zone": "hijau", "min": "60"},
                {"category": "C", "opini": "c", "zone": "kuning", "min": "40"},
                {"category": "D", "opini": "d", "zone": "merah", "min": "20"},
                {"category": "E", "opini": "e", "zone": "merah", "min": "0"}
            ]
        })
        .to_string(),
    )
    .unwrap()
}

struct Rng(u64);
impl Rng {
    fn next(&mut self, m: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) % m
    }
}

/// (unit, key, product, current, max) for every entry of units at indicator level.
type Entry5 = (usize, String, Option<usize>, u16, u16);

fn random_scenario(rng: &mut Rng, rs: &Ruleset) -> Scenario {
    let mut units = Vec::new();
    for u in 0..(1 + rng.next(2)) {
        let mut m = SmallMap::new();
        for r in rs.indicators() {
            let lv = |rng: &mut Rng| Some(Decimal::from(rng.next(r.indicator.max as u64 + 1)));
            let v = if r.dimension.per_product { Values::PerProduct(vec![lv(rng), lv(rng)]) } else { Values::One(lv(rng)) };
            m.insert(r.key(), v);
        }
        let mut unit = Unit::new(format!("U{u}"), Entry::Indicators(m));
        if rng.next(3) == 0 {
            unit.locked.push(["a.x", "a.y", "b.p", "b.q"][rng.next(4) as usize].to_string());
        }
        units.push(unit);
    }
    if rng.next(2) == 0 {
        // Locked: these plans change indicators only (`mixed_plans_…` raises totals too).
        let mut total = Unit::new("Total", Entry::Score(Decimal::new(rng.next(10001) as i64, 2)));
        total.locked.push("total".into());
        units.push(total);
    }
    let mut effort = SmallMap::new();
    if rng.next(2) == 0 {
        for k in ["a.x", "a.y", "b.p", "b.q"] {
            effort.insert(k.to_string(), 1 + rng.next(5) as u32);
        }
    }
    Scenario { ruleset: "tiny".into(), units, effort, ..Scenario::default() }
}

fn entries(rs: &Ruleset, sc: &Scenario) -> Vec<Entry5> {
    let mut out = Vec::new();
    for (ui, u) in sc.units.iter().enumerate() {
        let Entry::Indicators(m) = &u.entry else { continue };
        for r in rs.indicators() {
            if u.locked.contains(&r.key()) {
                continue;
            }
            let level = |x: &Option<Decimal>| x.map_or(0, |d| d.to_string().parse::<u16>().unwrap());
            match &m[&r.key()] {
                Values::One(x) => out.push((ui, r.key(), None, level(x), r.indicator.max)),
                Values::PerProduct(xs) => {
                    for (p, x) in xs.iter().enumerate() {
                        out.push((ui, r.key(), Some(p), level(x), r.indicator.max));
                    }
                }
                Values::Responses(_) => unreachable!("these scenarios have no answer counts"),
            }
        }
    }
    out
}

fn with_levels(sc: &Scenario, es: &[Entry5], levels: &[u16]) -> Scenario {
    let mut out = sc.clone();
    for (e, l) in es.iter().zip(levels) {
        let Entry::Indicators(m) = &mut out.units[e.0].entry else { unreachable!() };
        match (m.get_mut(&e.1).unwrap(), e.2) {
            (Values::One(x), None) => *x = Some(Decimal::from(*l)),
            (Values::PerProduct(xs), Some(p)) => xs[p] = Some(Decimal::from(*l)),
            _ => unreachable!(),
        }
    }
    out
}

/// The next combination of levels, as an odometer counts (from each entry's current
/// level to its maximum); `false` after the last.
fn next_levels(levels: &mut [u16], es: &[Entry5]) -> bool {
    for (l, e) in levels.iter_mut().zip(es) {
        if *l < e.4 {
            *l += 1;
            return true;
        }
        *l = e.3;
    }
    false
}

/// The cheapest cost over every combination of levels that reaches `threshold`, and the
/// fewest units any plan of that cost touches.
fn exhaustive(rs: &Ruleset, sc: &Scenario, es: &[Entry5], threshold: Decimal, objective: Objective) -> Option<(u64, usize)> {
    let mut levels: Vec<u16> = es.iter().map(|e| e.3).collect();
    let mut best: Option<(u64, usize)> = None;
    loop {
        let o = evaluate(rs, &with_levels(sc, es, &levels)).unwrap();
        if o.aggregate.unwrap().rounded >= threshold {
            let cost: u64 = es
                .iter()
                .zip(&levels)
                .map(|(e, l)| match objective {
                    Objective::Steps => (l - e.3) as u64 * *sc.effort.get(&e.1).unwrap_or(&1) as u64,
                    Objective::Indicators => (*l > e.3) as u64,
                })
                .sum();
            let mut units: Vec<usize> = es.iter().zip(&levels).filter(|(e, l)| **l > e.3).map(|(e, _)| e.0).collect();
            units.dedup();
            units.sort_unstable();
            units.dedup();
            best = Some(best.map_or((cost, units.len()), |b| b.min((cost, units.len()))));
        }
        if !next_levels(&mut levels, es) {
            return best;
        }
    }
}

#[test]
fn plans_are_optimal_against_exhaustive_search() {
    let rs = tiny();
    let mut rng = Rng(7);
    let mut checked = [0; 4];
    for _ in 0..400 {
        let sc = random_scenario(&mut rng, &rs);
        let es = entries(&rs, &sc);
        let combos: u64 = es.iter().map(|e| (e.4 - e.3 + 1) as u64).product();
        if combos > 4000 {
            continue;
        }
        for objective in [Objective::Steps, Objective::Indicators] {
            let p = plan(&rs, &sc, None, objective).unwrap();
            match p.status {
                Status::AtTop => {
                    checked[0] += 1;
                    assert_eq!(p.category_before, "A");
                }
                Status::Planned => {
                    checked[1] += 1;
                    let t = p.threshold.unwrap();
                    let want = exhaustive(&rs, &sc, &es, t, objective).expect("planner found a plan the search did not");
                    assert_eq!(p.cost, want.0, "not the cheapest ({objective:?}): {:?}", p.steps);
                    let mut units: Vec<usize> = p.steps.iter().map(|s| s.unit_index).collect();
                    units.sort_unstable();
                    units.dedup();
                    assert_eq!(units.len(), want.1, "a plan of the same cost touches fewer units: {:?}", p.steps);
                    let after = evaluate(&rs, &applied_plan(&sc, &p, &rs)).unwrap().aggregate.unwrap();
                    assert!(after.rounded >= t, "plan does not reach {t}");
                    assert_eq!(after.rounded, p.score_after);
                    for s in &p.steps {
                        assert!(!sc.units[s.unit_index].locked.contains(&s.indicator), "locked entry changed");
                        assert!(s.to > s.from);
                    }
                }
                Status::Unreachable => {
                    checked[2] += 1;
                    assert_eq!(exhaustive(&rs, &sc, &es, p.threshold.unwrap(), objective), None);
                    let all_max: Vec<u16> = es.iter().map(|e| e.4).collect();
                    let best = evaluate(&rs, &with_levels(&sc, &es, &all_max)).unwrap().aggregate.unwrap().rounded;
                    assert_eq!(p.best_reachable, Some(best));
                }
                Status::AlreadyThere => checked[3] += 1,
            }
        }
    }
    // The random instances must exercise the interesting outcomes.
    assert!(checked[1] > 100 && checked[0] > 5 && checked[2] > 5, "{checked:?}");
}

fn catalog_rs(id: &str) -> Ruleset {
    Catalog::built_in().get(id).unwrap().clone()
}

#[test]
fn already_at_the_top_says_so() {
    let sc = Scenario::from_json(&json!({"ruleset": "ombudsman-2023", "units": [{"name": "A", "score": "93,55"}]})).unwrap();
    let p = plan(&catalog_rs("ombudsman-2023"), &sc, None, Objective::Steps).unwrap();
    assert_eq!((p.status, p.target.as_deref(), p.steps.len()), (Status::AtTop, None, 0));
}

#[test]
fn a_named_target_at_or_below_the_current_category_needs_nothing() {
    let sc = Scenario::from_json(&json!({"ruleset": "ombudsman-2023", "units": [{"name": "A", "score": "82,84"}]})).unwrap();
    let p = plan(&catalog_rs("ombudsman-2023"), &sc, Some("C"), Objective::Steps).unwrap();
    assert_eq!(p.status, Status::AlreadyThere);
    let e = plan(&catalog_rs("ombudsman-2023"), &sc, Some("Z"), Objective::Steps).unwrap_err();
    assert!(e.to_string().starts_with("target: unknown category \"Z\""), "{e}");
}

#[test]
fn a_total_is_planned_in_points() {
    // Kukar 2022: 82,84 (B). With one unit at 82.84, A (88) needs 88 − 0.005 − 82.84 =
    // 5.155 unit points, so 5.16 on the grid of 0,01 (5.15 falls short): 82.84 → 88.00.
    let sc = Scenario::from_json(&json!({"ruleset": "ombudsman-2022", "units": [{"name": "Kukar", "score": "82,84"}]})).unwrap();
    let p = plan(&catalog_rs("ombudsman-2022"), &sc, None, Objective::Steps).unwrap();
    assert_eq!(p.status, Status::Planned);
    assert_eq!(p.points_needed.unwrap().to_string(), "5.16");
    assert_eq!(p.steps.len(), 1);
    let s = &p.steps[0];
    assert_eq!((s.kind, s.unit.as_str(), s.from.to_string(), s.to.to_string()), (StepKind::Unit, "Kukar", "82.84".into(), "88.00".into()));
    assert_eq!((p.score_after.to_string().as_str(), p.category_after.as_str()), ("88.00", "A"));
    assert_eq!(p.alternatives.len(), 1);
    assert_eq!((p.alternatives[0].points.to_string().as_str(), p.alternatives[0].possible), ("5.16", true));
    // Locked, the total cannot move: unreachable, and the best is where it stands.
    let sc =
        Scenario::from_json(&json!({"ruleset": "ombudsman-2022", "units": [{"name": "Kukar", "score": "82,84", "locked": ["total"]}]}))
            .unwrap();
    let p = plan(&catalog_rs("ombudsman-2022"), &sc, None, Objective::Steps).unwrap();
    assert_eq!(p.status, Status::Unreachable);
    assert_eq!(p.best_reachable.unwrap().to_string(), "82.84");
}

#[test]
fn a_deduction_caps_what_raising_the_units_can_reach() {
    // Totals 80 and 82, a deduction of 15: (80 + 82) / 2 − 15 = 66,00 C.
    let sc = |target: &str| {
        let sc = Scenario::from_json(&json!({"ruleset": "ombudsman-2024", "deduction": "15", "units": [
            {"name": "Dinkes", "score": "80"}, {"name": "Dinsos", "score": "82"}]}))
        .unwrap();
        plan(&catalog_rs("ombudsman-2024"), &sc, Some(target), Objective::Steps).unwrap()
    };
    // A (88) cannot be reached: both at 100 give 100 − 15 = 85,00, the best reachable.
    let p = sc("A");
    assert_eq!((p.status, p.best_reachable.map(|b| b.to_string())), (Status::Unreachable, Some("85.00".into())));
    // B (78) needs a mean of 92,995: the sum 185,99, +23,99 points. Weakest first: 80
    // joins 82, then both rise to 92,99 and the last 0,01 goes to the lower start:
    // (93,00 + 92,99) / 2 − 15 = 77,995, rounded 78,00 B.
    let p = sc("B");
    let to: Vec<String> = p.steps.iter().map(|s| format!("{} {} → {}", s.unit, s.from, s.to)).collect();
    assert_eq!(to, ["Dinkes 80 → 93.00", "Dinsos 82 → 92.99"]);
    assert_eq!((p.cost, p.score_after.to_string()), (2399, "78.00".to_string()));
    // Typed to two decimals, 93,00 and 92,99 may stand for as little as 92,995 and
    // 92,985 (§2b): (92,995 + 92,985) / 2 − 15 = 77,99, C. The plan says so.
    assert_eq!(p.uncertain_after.map(|u| u.to_string()), Some("77.99".into()));
    // A margin of 0,01 aims at 78,01: the sum 186,01, +24,01: both to 93,00 and the
    // last 0,01 to the lower start, 93,01. Lowest: (93,005 + 92,995) / 2 − 15 = 78,00.
    let sc = Scenario::from_json(&json!({"ruleset": "ombudsman-2024", "deduction": "15", "margin": "0,01", "units": [
        {"name": "Dinkes", "score": "80"}, {"name": "Dinsos", "score": "82"}]}))
    .unwrap();
    let p = plan(&catalog_rs("ombudsman-2024"), &sc, Some("B"), Objective::Steps).unwrap();
    let to: Vec<String> = p.steps.iter().map(|s| format!("{} {} → {}", s.unit, s.from, s.to)).collect();
    assert_eq!(to, ["Dinkes 80 → 93.01", "Dinsos 82 → 93.00"]);
    assert_eq!(
        (p.score_after.to_string(), p.uncertain_after, p.points_needed.unwrap().to_string()),
        ("78.01".into(), None, "12.01".into())
    );
}

#[test]
fn locked_totals_and_dimensions_stay_where_they_are() {
    // Five units by dimension at 80 (as in `dimensions_are_raised_heaviest_first`), Proses
    // locked in all of them: the plan must do without the heaviest dimension.
    let unit = |i: usize| json!({"name": format!("U{i}"), "dimensions": {"input": 80, "proses": 80, "output": 80, "pengaduan": 80}, "locked": ["proses"]});
    let sc = Scenario::from_json(&json!({"ruleset": "ombudsman-2024", "units": (0..5).map(unit).collect::<Vec<_>>()})).unwrap();
    let p = plan(&catalog_rs("ombudsman-2024"), &sc, None, Objective::Steps).unwrap();
    assert_eq!((p.status, p.category_after.as_str()), (Status::Planned, "A"));
    assert!(p.steps.iter().all(|s| s.dimension.as_deref() != Some("proses")), "{:?}", p.steps);
    // Output next (0,2424 a point): five at 100 give 5 · 20 · 0,2424 = 24,24 of the
    // 39,975 needed; Input (0,2185) then gives the rest.
    let output: Vec<String> = p.steps.iter().filter(|s| s.dimension.as_deref() == Some("output")).map(|s| s.to.to_string()).collect();
    assert_eq!(output, ["100.00"; 5]);
    // Every total locked and no other unit: nothing can move.
    let sc = Scenario::from_json(&json!({"ruleset": "ombudsman-2024", "units": [
        {"name": "A", "score": "70", "locked": ["total"]}, {"name": "B", "dimensions": {"input": 70, "proses": 70, "output": 70, "pengaduan": 70},
         "locked": ["input", "proses", "output", "pengaduan"]}]}))
    .unwrap();
    let p = plan(&catalog_rs("ombudsman-2024"), &sc, None, Objective::Steps).unwrap();
    assert_eq!((p.status, p.best_reachable.map(|b| b.to_string())), (Status::Unreachable, Some("70.00".into())));
}

/// Five units by dimension (2024 weights: Input 21,85, Proses 32,37, Output 24,24,
/// Pengaduan 21,54 of 100), each at 80 in every dimension: 80,00, B. A needs the mean to
/// gain 87,995 − 80 = 7,995, so the dimension points must add 5 × 7,995 = 39,975 in
/// weighted terms. Proses weighs most (0,3237 a point): 39,975 / 0,3237 = 123,49…
/// points, but each Proses can rise only 20 (all five: 100 points, 32,37); the rest,
/// 7,605, goes to Output (0,2424 a point): 31,37… → 31,38 points, spread over the five
/// Output scores from the lowest (all equal: 6,28 or 6,27 each).
#[test]
fn dimensions_are_raised_heaviest_first() {
    let unit = |i: usize| json!({"name": format!("U{i}"), "dimensions": {"input": 80, "proses": 80, "output": 80, "pengaduan": 80}});
    let sc = Scenario::from_json(&json!({"ruleset": "ombudsman-2024", "units": (0..5).map(unit).collect::<Vec<_>>()})).unwrap();
    let p = plan(&catalog_rs("ombudsman-2024"), &sc, None, Objective::Steps).unwrap();
    assert_eq!(p.status, Status::Planned);
    assert_eq!((p.score_after.to_string().as_str(), p.category_after.as_str()), ("88.00", "A"));
    let proses: Vec<String> = p.steps.iter().filter(|s| s.dimension.as_deref() == Some("proses")).map(|s| s.to.to_string()).collect();
    assert_eq!(proses, ["100.00", "100.00", "100.00", "100.00", "100.00"]);
    let output: Decimal = p.steps.iter().filter(|s| s.dimension.as_deref() == Some("output")).map(|s| s.to - s.from).sum();
    assert_eq!(output.to_string(), "31.38");
    assert!(p.steps.iter().all(|s| s.kind == StepKind::Dimension));
    assert_eq!(p.steps.len(), 10);
}

#[test]
fn locked_entries_are_never_changed() {
    // Two entries could help; the cheaper one is locked, so the plan must use the other.
    let rs = tiny();
    let mut m = SmallMap::new();
    m.insert("a.x".to_string(), Values::One(Some(Decimal::ZERO)));
    m.insert("a.y".to_string(), Values::One(Some(Decimal::from(3))));
    m.insert("b.p".to_string(), Values::PerProduct(vec![Some(Decimal::from(2)), Some(Decimal::from(2))]));
    m.insert("b.q".to_string(), Values::PerProduct(vec![Some(Decimal::ONE), Some(Decimal::ZERO)]));
    let mut u = Unit::new("U", Entry::Indicators(m));
    u.locked = vec!["b.q".into()];
    let sc = Scenario { ruleset: "tiny".into(), units: vec![u], ..Scenario::default() };
    // a: (0·1 + 3·2) / (2·1 + 3·2) = 6/8 → 30 · 6/8 = 22.5.
    // b: (2 + 2 + 1 + 0) / ((2 + 1) · 2 products) = 5/6 → 70 · 5/6 = 58.33…; total 80.83 → A.
    let p = plan(&rs, &sc, None, Objective::Steps).unwrap();
    assert_eq!(p.status, Status::AtTop);
    // Drop b.p to force a plan below A, with b.q locked.
    let mut sc2 = sc.clone();
    if let Entry::Indicators(m) = &mut sc2.units[0].entry {
        m.insert("b.p".into(), Values::PerProduct(vec![Some(Decimal::ONE), Some(Decimal::ONE)]));
    }
    let p = plan(&rs, &sc2, None, Objective::Steps).unwrap();
    assert_eq!(p.status, Status::Planned);
    assert!(p.steps.iter().all(|s| s.indicator != "b.q"), "{:?}", p.steps);
}

#[test]
fn efforts_change_the_plan() {
    // Same instrument; make per-product steps expensive and the plan moves to dimension a.
    let rs = tiny();
    let mut m = SmallMap::new();
    m.insert("a.x".to_string(), Values::One(Some(Decimal::ZERO)));
    m.insert("a.y".to_string(), Values::One(Some(Decimal::ZERO)));
    m.insert("b.p".to_string(), Values::PerProduct(vec![Some(Decimal::ONE), Some(Decimal::ONE)]));
    m.insert("b.q".to_string(), Values::PerProduct(vec![Some(Decimal::ZERO), Some(Decimal::ZERO)]));
    let sc = Scenario { ruleset: "tiny".into(), units: vec![Unit::new("U", Entry::Indicators(m))], ..Scenario::default() };
    let cheap = plan(&rs, &sc, None, Objective::Steps).unwrap();
    assert!(cheap.steps.iter().any(|s| s.indicator.starts_with("b.")));
    let mut costly = sc.clone();
    costly.effort.insert("b.p".into(), 50);
    costly.effort.insert("b.q".into(), 50);
    let p = plan(&rs, &costly, None, Objective::Steps).unwrap();
    assert!(p.steps.iter().all(|s| s.indicator.starts_with("a.")), "{:?}", p.steps);
}

/// Letters as in SAKIP, and one user scale whose gains rise (0, 10, 100).
fn lettered(levels: &[u16]) -> Ruleset {
    let lv: Vec<serde_json::Value> = levels.iter().map(|v| json!({"value": v, "text": v.to_string()})).collect();
    let max = *levels.last().unwrap();
    Ruleset::from_json(
        &json!({
            "id": "letters", "title": "t", "scheme": "test", "years": [2024], "products": 1,
            "dimensions": [{"id": "d", "name": "D", "weight": "1", "indicators": [
                {"id": "a", "name": "a", "max": max, "levels": lv, "levels_only": true},
                {"id": "b", "name": "b", "max": max, "levels": lv, "levels_only": true},
                {"id": "c", "name": "c", "max": max, "levels": lv, "levels_only": true}]}],
            "bands": [
                {"category": "AA", "opini": "", "zone": "", "min": "90", "inclusive": false},
                {"category": "BB", "opini": "", "zone": "", "min": "70", "inclusive": false},
                {"category": "B", "opini": "", "zone": "", "min": "60", "inclusive": false},
                {"category": "C", "opini": "", "zone": "", "min": "30", "inclusive": false},
                {"category": "D", "opini": "", "zone": "", "min": "0"}
            ]
        })
        .to_string(),
    )
    .unwrap()
}

/// Every way to raise six criteria (two units of three) along the ladder: the lowest
/// number of letter steps whose rounded mean clears `t` (exclusive bound).
fn fewest_letter_steps(levels: &[u16], start: &[usize; 6], t: Decimal) -> Option<u32> {
    let n = levels.len();
    let mut best: Option<u32> = None;
    let mut idx = *start;
    loop {
        let sum: u32 = idx.iter().map(|&i| levels[i] as u32).sum();
        // Pemda = mean of two unit means of three = sum / 6, rounded half up to 2 places.
        let score = (Decimal::from(sum) / Decimal::from(6)).round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
        if score > t {
            let cost: u32 = idx.iter().zip(start).map(|(a, b)| (a - b) as u32).sum();
            best = Some(best.map_or(cost, |b: u32| b.min(cost)));
        }
        // Next combination with idx[k] ≥ start[k].
        let mut k = 0;
        loop {
            if k == 6 {
                return best;
            }
            idx[k] += 1;
            if idx[k] < n {
                break;
            }
            idx[k] = start[k];
            k += 1;
        }
    }
}

#[test]
fn letter_ladders_match_exhaustive_search() {
    let mut rng = Rng(8);
    for levels in [&[0u16, 30, 50, 60, 70, 80, 90, 100][..], &[0, 10, 100]] {
        let rs = lettered(levels);
        for _ in 0..150 {
            let start: [usize; 6] = std::array::from_fn(|_| rng.next(levels.len() as u64) as usize);
            let unit = |u: usize| {
                let m: SmallMap<String, Values> = ["a", "b", "c"]
                    .iter()
                    .enumerate()
                    .map(|(j, k)| (format!("d.{k}"), Values::One(Some(Decimal::from(levels[start[u * 3 + j]])))))
                    .collect();
                Unit::new(format!("U{u}"), Entry::Indicators(m))
            };
            let sc = Scenario { ruleset: "letters".into(), units: vec![unit(0), unit(1)], ..Scenario::default() };
            let band = rng.next(4) as usize;
            let target = rs.bands[band].category.clone();
            let t = rs.bands[band].min;
            let p = plan(&rs, &sc, Some(&target), Objective::Steps).unwrap();
            let best = fewest_letter_steps(levels, &start, t);
            match p.status {
                Status::AlreadyThere => assert_eq!(best, Some(0)),
                Status::Unreachable => assert_eq!(best, None, "{levels:?} {start:?} → {target}"),
                Status::Planned => {
                    // Every step lands on a listed level.
                    assert!(p.steps.iter().all(|s| levels.iter().any(|&l| Decimal::from(l) == s.to)));
                    let after = evaluate(&rs, &applied_plan(&sc, &p, &rs)).unwrap().aggregate.unwrap();
                    assert!(after.grade.band <= band, "{levels:?} {start:?}: plan misses {target}");
                    let steps: u32 = p
                        .steps
                        .iter()
                        .map(|s| {
                            let pos = |v: Decimal| levels.iter().position(|&l| Decimal::from(l) == v).unwrap() as u32;
                            pos(s.to) - pos(s.from)
                        })
                        .sum();
                    assert_eq!(steps as u64, p.cost);
                    if levels.len() == 8 {
                        // Gains never rise along SAKIP's letters: the plan is the cheapest.
                        assert_eq!(Some(steps), best, "{start:?} → {target}");
                    } else {
                        // A rising scale is planned by whole merged runs: it reaches the
                        // target and is never cheaper than the optimum.
                        assert!(Some(steps) >= best);
                    }
                }
                Status::AtTop => unreachable!(),
            }
        }
    }
}

/// The cheapest mixed plan by exhaustive search: every combination of indicator levels,
/// each completed by the fewest 0,01s of the unit total `total` that reach `threshold`
/// (found by bisection: the score never falls as the total rises). A level step costs
/// its effort × `per_step` hundredths, a 0,01 of the total one; for objective
/// `indicators` each changed entry, the total included, counts 1.
fn exhaustive_mixed(
    rs: &Ruleset,
    sc: &Scenario,
    es: &[Entry5],
    total: usize,
    threshold: Decimal,
    (per_step, objective): (u64, Objective),
) -> Option<u64> {
    let Entry::Score(from) = sc.units[total].entry else { unreachable!() };
    let room = ((Decimal::ONE_HUNDRED - from) * Decimal::ONE_HUNDRED).normalize().to_string().parse::<u64>().unwrap();
    let mut levels: Vec<u16> = es.iter().map(|e| e.3).collect();
    let mut best: Option<u64> = None;
    loop {
        let at = with_levels(sc, es, &levels);
        let reaches = |k: u64| {
            let mut s = at.clone();
            s.units[total].entry = Entry::Score(from + Decimal::new(k as i64, 2));
            evaluate(rs, &s).unwrap().aggregate.unwrap().rounded >= threshold
        };
        if reaches(room) {
            let (mut lo, mut hi) = (0u64, room);
            while lo < hi {
                let mid = (lo + hi) / 2;
                if reaches(mid) {
                    hi = mid
                } else {
                    lo = mid + 1
                }
            }
            let cost = match objective {
                Objective::Steps => {
                    let steps: u64 =
                        es.iter().zip(&levels).map(|(e, l)| (l - e.3) as u64 * *sc.effort.get(&e.1).unwrap_or(&1) as u64).sum();
                    steps * per_step + lo
                }
                Objective::Indicators => es.iter().zip(&levels).filter(|(e, l)| **l > e.3).count() as u64 + u64::from(lo > 0),
            };
            best = Some(best.map_or(cost, |b| b.min(cost)));
        }
        if !next_levels(&mut levels, es) {
            return best;
        }
    }
}

#[test]
fn mixed_plans_are_optimal_against_exhaustive_search() {
    // Units by indicator beside a unit entered as a total, which the plan may raise; a
    // level step weighs 0,5, 1 or 2,5 points (`step_points`).
    let rs = tiny();
    let mut rng = Rng(11);
    let mut checked = [0; 3];
    for round in 0..100 {
        let mut sc = random_scenario(&mut rng, &rs);
        // The locked total `random_scenario` may add gives way to one the plan may raise.
        sc.units.retain(|u| !matches!(u.entry, Entry::Score(_)));
        sc.units.push(Unit::new("Total", Entry::Score(Decimal::new(rng.next(10001) as i64, 2))));
        let total = sc.units.len() - 1;
        let (points, per_step) = [(Decimal::new(5, 1), 50), (Decimal::ONE, 100), (Decimal::new(25, 1), 250)][round % 3];
        sc.step_points = Some(points);
        let es = entries(&rs, &sc);
        let combos: u64 = es.iter().map(|e| (e.4 - e.3 + 1) as u64).product();
        if combos > 300 {
            continue;
        }
        for objective in [Objective::Steps, Objective::Indicators] {
            let p = plan(&rs, &sc, None, objective).unwrap();
            let want = p.threshold.and_then(|t| exhaustive_mixed(&rs, &sc, &es, total, t, (per_step, objective)));
            match p.status {
                Status::Planned => {
                    checked[0] += 1;
                    let t = p.threshold.unwrap();
                    assert_eq!(Some(p.cost), want, "not the cheapest ({objective:?}) at {points} points a step: {:?}", p.steps);
                    let after = evaluate(&rs, &applied_plan(&sc, &p, &rs)).unwrap().aggregate.unwrap();
                    assert!(after.rounded >= t, "plan does not reach {t}");
                    assert_eq!(after.rounded, p.score_after);
                    if p.steps.iter().any(|s| s.kind == StepKind::Unit) && p.steps.iter().any(|s| s.kind == StepKind::Indicator) {
                        checked[2] += 1;
                    }
                }
                Status::Unreachable => {
                    checked[1] += 1;
                    assert_eq!(want, None);
                }
                _ => {}
            }
        }
    }
    // Plans that raise both levels at once must be among them.
    assert!(checked[0] > 60 && checked[2] > 5, "{checked:?}");
}

#[test]
fn a_level_step_is_weighed_against_points_by_step_points() {
    // U by indicator: a = (x·1 + y·2) / (2·1 + 3·2) · 100 = (0 + 6) / 8 · 100 = 75, b at
    // its top, 100: U = 0,3 · 75 + 0,7 · 100 = 92,5. T entered as a total, 60. Pemda
    // (92,5 + 60) / 2 = 76,25 B; A needs 79,995 unrounded, so +7,49 unit points.
    // A level step of x adds 0,3 · 1/8 · 100 = 3,75 to U (two steps at most, 7,5).
    // Costs in hundredths: x twice = 2 · 100 · step_points; T + 7,49 = 749;
    // x once and T + 3,74 = 100 · step_points + 374.
    let rs = tiny();
    let sc = |points: &str| {
        Scenario::from_json(&json!({"ruleset": "tiny", "step_points": points, "units": [
            {"name": "U", "indicators": {"a.x": 0, "a.y": 3, "b.p": [2, 2], "b.q": [1, 1]}},
            {"name": "T", "score": "60"}]}))
        .unwrap()
    };
    // 1 point a step: x twice, 200 < 474 < 749; (100 + 60) / 2 = 80,00 A.
    let p = plan(&rs, &sc("1"), None, Objective::Steps).unwrap();
    assert_eq!((p.cost, p.steps.len(), p.steps[0].indicator.as_str()), (200, 1, "a.x"));
    assert_eq!((p.steps[0].from, p.steps[0].to, p.score_after), (Decimal::ZERO, Decimal::TWO, Decimal::new(8000, 2)));
    // 5 points a step: 1000 and 874 both exceed 749, so T alone to 67,49:
    // (92,5 + 67,49) / 2 = 79,995, which rounds to 80,00 A.
    let p = plan(&rs, &sc("5"), None, Objective::Steps).unwrap();
    assert_eq!((p.cost, p.steps.len(), p.steps[0].kind), (749, 1, StepKind::Unit));
    assert_eq!((p.steps[0].to, p.score_after.to_string()), (Decimal::new(6749, 2), "80.00".to_string()));
    // Out of range or off the 0,01 grid: named at the field.
    for bad in ["0", "0,005", "101", "satu"] {
        let e = Scenario::from_json(&json!({"ruleset": "tiny", "step_points": bad, "units": []})).unwrap_err();
        assert_eq!(e.path, "step_points", "{bad}");
    }
}
