//! Engine speed at indicator level (the most work per unit): scoring a typical 7-unit
//! sample and a 500-unit stress case; planning for 7 and 50 units, with unit effort (the
//! greedy path) and with efforts (the dynamic programme); and 50-unit plans on the
//! other schemes' ladders (SAKIP letters, IKM answer counts and means); 50-unit plans in
//! points (totals, dimensions) and mixed (all three levels in one plan); the robust
//! plan by indicator and by totals.
//! `cargo bench --bench engine`.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use rapor::engine::map::SmallMap;
use rapor::engine::plan::{plan, Objective};
use rapor::engine::risk::risk;
use rapor::engine::robust::robust_plan;
use rapor::engine::scenario::Values;
use rapor::engine::{evaluate, Catalog, Entry, Scenario, Unit};
use rust_decimal::Decimal;

/// Every indicator entered, levels cycling 0–3 so units differ.
fn indicator_scenario(units: usize) -> Scenario {
    let cat = Catalog::built_in();
    let rs = cat.get("ombudsman-2023").unwrap();
    let units = (0..units)
        .map(|u| {
            let m: SmallMap<String, Values> = rs
                .indicators()
                .enumerate()
                .map(|(i, r)| {
                    let v = |k: usize| Some(Decimal::from(((u + i + k) % 4) as u16));
                    let vals = if r.dimension.per_product { Values::PerProduct(vec![v(0), v(1)]) } else { Values::One(v(0)) };
                    (r.key(), vals)
                })
                .collect();
            Unit::new(format!("Unit {u}"), Entry::Indicators(m))
        })
        .collect();
    Scenario { ruleset: rs.id.clone(), units, ..Scenario::default() }
}

fn bench(c: &mut Criterion) {
    let cat = Catalog::built_in();
    let rs = cat.get("ombudsman-2023").unwrap();
    for n in [7, 500] {
        let sc = indicator_scenario(n);
        c.bench_function(&format!("score {n} units at indicator level"), |b| b.iter(|| evaluate(rs, black_box(&sc)).unwrap()));
    }
}

fn bench_plan(c: &mut Criterion) {
    let cat = Catalog::built_in();
    let rs = cat.get("ombudsman-2023").unwrap();
    for n in [7, 50] {
        let sc = indicator_scenario(n);
        c.bench_function(&format!("plan {n} units, unit effort"), |b| {
            b.iter(|| plan(rs, black_box(&sc), Some("A"), Objective::Steps).unwrap())
        });
        let mut with_effort = sc.clone();
        for (i, r) in rs.indicators().enumerate() {
            with_effort.effort.insert(r.key(), 1 + (i as u32 * 7) % 10);
        }
        c.bench_function(&format!("plan {n} units, efforts 1-10"), |b| {
            b.iter(|| plan(rs, black_box(&with_effort), Some("A"), Objective::Steps).unwrap())
        });
        c.bench_function(&format!("plan {n} units, objective indicators"), |b| {
            b.iter(|| plan(rs, black_box(&sc), Some("A"), Objective::Indicators).unwrap())
        });
    }
}

/// 50 units of another scheme, every indicator entered by `value(unit, indicator)`.
/// Plans in points: 50 units entered as totals (60–95), and 50 by dimension (scores
/// 55–95), with and without efforts per dimension.
fn bench_plan_points(c: &mut Criterion) {
    let cat = Catalog::built_in();
    let rs = cat.get("ombudsman-2024").unwrap();
    let totals: Vec<Unit> =
        (0..50).map(|u| Unit::new(format!("Unit {u}"), Entry::Score(Decimal::new(6000 + (u as i64 * 713) % 3500, 2)))).collect();
    let sc = Scenario { ruleset: rs.id.clone(), units: totals, ..Scenario::default() };
    c.bench_function("plan 50 units entered as totals", |b| b.iter(|| plan(rs, black_box(&sc), Some("A"), Objective::Steps).unwrap()));
    let dims: Vec<Unit> = (0..50)
        .map(|u| {
            let m = rs.dimensions.iter().enumerate().map(|(i, d)| (d.id.clone(), Decimal::from(55 + ((u + i * 7) % 41) as i64))).collect();
            Unit::new(format!("Unit {u}"), Entry::Dimensions(m))
        })
        .collect();
    let sc = Scenario { ruleset: rs.id.clone(), units: dims, ..Scenario::default() };
    c.bench_function("plan 50 units by dimension", |b| b.iter(|| plan(rs, black_box(&sc), Some("A"), Objective::Steps).unwrap()));
    let mut with_effort = sc.clone();
    for (i, d) in rs.dimensions.iter().enumerate() {
        with_effort.effort.insert(d.id.clone(), 1 + i as u32);
    }
    c.bench_function("plan 50 units by dimension, efforts 1-4", |b| {
        b.iter(|| plan(rs, black_box(&with_effort), Some("A"), Objective::Steps).unwrap())
    });
    // Mixed: 20 units by indicator, 15 as totals, 15 by dimension, in one plan.
    let rs = cat.get("ombudsman-2023").unwrap();
    let mut mixed = indicator_scenario(20);
    mixed.units.extend((20..35).map(|u| Unit::new(format!("Unit {u}"), Entry::Score(Decimal::new(5000 + (u as i64 * 713) % 3500, 2)))));
    mixed.units.extend((35..50).map(|u| {
        let m = rs.dimensions.iter().enumerate().map(|(i, d)| (d.id.clone(), Decimal::from(45 + ((u + i * 7) % 41) as i64))).collect();
        Unit::new(format!("Unit {u}"), Entry::Dimensions(m))
    }));
    c.bench_function("plan 50 units mixed (20 indicators, 15 totals, 15 dimensions)", |b| {
        b.iter(|| plan(rs, black_box(&mixed), Some("A"), Objective::Steps).unwrap())
    });
    c.bench_function("plan 50 units mixed, objective indicators", |b| {
        b.iter(|| plan(rs, black_box(&mixed), Some("A"), Objective::Indicators).unwrap())
    });
}

fn scheme_scenario(id: &str, value: impl Fn(usize, usize) -> serde_json::Value, field: &str) -> Scenario {
    let cat = Catalog::built_in();
    let rs = cat.get(id).unwrap();
    let units: Vec<serde_json::Value> = (0..50)
        .map(|u| {
            let m: serde_json::Map<String, serde_json::Value> = rs.indicators().enumerate().map(|(i, r)| (r.key(), value(u, i))).collect();
            serde_json::json!({"name": format!("Unit {u}"), field: m})
        })
        .collect();
    Scenario::from_json(&serde_json::json!({"ruleset": id, "units": units})).unwrap()
}

fn bench_schemes(c: &mut Criterion) {
    let cat = Catalog::built_in();
    const LETTERS: [u16; 5] = [30, 50, 60, 70, 80];
    let sakip = scheme_scenario("sakip-2021", |u, i| LETTERS[(u + i) % 5].into(), "indicators");
    let rs = cat.get("sakip-2021").unwrap();
    c.bench_function("plan 50 units, SAKIP letters to AA", |b| {
        b.iter(|| plan(rs, black_box(&sakip), Some("AA"), Objective::Steps).unwrap())
    });
    let rs = cat.get("ikm-2017").unwrap();
    let counts = scheme_scenario("ikm-2017", |u, i| serde_json::json!([u % 3, 5 + i, 60 - (u % 20), 20 + u % 7]), "responses");
    c.bench_function("plan 50 units, IKM answer counts to A", |b| {
        b.iter(|| plan(rs, black_box(&counts), Some("A"), Objective::Steps).unwrap())
    });
    let means = scheme_scenario("ikm-2017", |u, i| format!("3.{}", (u * 7 + i * 3) % 100).into(), "indicators");
    c.bench_function("plan 50 units, IKM means to A", |b| b.iter(|| plan(rs, black_box(&means), Some("A"), Objective::Steps).unwrap()));
}

/// Sampling risk: 5 OPD always drawn and `n` Puskesmas of which `k` are, at indicator
/// level.
fn risk_scenario(n: usize, k: u32) -> Scenario {
    let mut sc = indicator_scenario(5 + n);
    for u in &mut sc.units[5..] {
        u.sector = Some("puskesmas".into());
    }
    sc.sampling.insert("puskesmas".into(), k);
    sc
}

fn bench_risk(c: &mut Criterion) {
    let cat = Catalog::built_in();
    let rs = cat.get("ombudsman-2023").unwrap();
    // 66 samples; 658 008 (enumerated); C(50, 5) = 2 118 760 (drawn).
    for (n, k) in [(12, 2), (40, 5), (50, 5)] {
        let sc = risk_scenario(n, k);
        c.bench_function(&format!("risk {n} Puskesmas, {k} drawn"), |b| b.iter(|| risk(rs, black_box(&sc), None).unwrap()));
    }
    // The robust plan for 12 Puskesmas, two drawn (the exact search), to A.
    let sc = risk_scenario(12, 2);
    c.bench_function("robust plan 12 Puskesmas, 2 drawn", |b| {
        b.iter(|| robust_plan(rs, black_box(&sc), Some("A"), Objective::Steps).unwrap())
    });
    // The same, every unit entered as a total (60–95): rounds of plans in points.
    let mut totals = sc.clone();
    for (u, unit) in totals.units.iter_mut().enumerate() {
        unit.entry = Entry::Score(Decimal::new(6000 + (u as i64 * 713) % 3500, 2));
    }
    c.bench_function("robust plan 12 Puskesmas as totals, 2 drawn", |b| {
        b.iter(|| robust_plan(rs, black_box(&totals), Some("A"), Objective::Steps).unwrap())
    });
}

criterion_group!(benches, bench, bench_plan, bench_plan_points, bench_schemes, bench_risk);
criterion_main!(benches);
