//! Engine speed at indicator level (the most work per unit): scoring a typical 7-unit
//! sample and a 500-unit stress case; planning for 7 and 50 units, with unit effort (the
//! greedy path) and with efforts (the dynamic programme). `cargo bench --bench engine`.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use rapor::engine::scenario::Values;
use rapor::engine::plan::{plan, Objective};
use rapor::engine::{evaluate, Catalog, Entry, Scenario, Unit};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// Every indicator entered, levels cycling 0–3 so units differ.
fn indicator_scenario(units: usize) -> Scenario {
    let cat = Catalog::built_in();
    let rs = cat.get("ombudsman-2023").unwrap();
    let units = (0..units)
        .map(|u| {
            let m: BTreeMap<String, Values> = rs
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
        c.bench_function(&format!("plan {n} units, unit effort"), |b| b.iter(|| plan(rs, black_box(&sc), Some("A"), Objective::Steps).unwrap()));
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

criterion_group!(benches, bench, bench_plan);
criterion_main!(benches);
