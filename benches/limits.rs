//! Time and memory for the largest input Rapor accepts (`engine::limits`): 200 units,
//! a method of 200 indicators in 10 per-product dimensions with 10 products, 0–100
//! scales, efforts 1–100 and a draw of 10 Puskesmas. Each command runs once (the
//! robust plan takes seconds), with the peak of memory allocated during it.
//! `cargo bench --bench limits`.

use rapor::engine::limits::{MAX_EFFORT, MAX_METHOD_INDICATORS, MAX_SCALE, MAX_UNITS};
use rapor::engine::plan::{plan, Objective};
use rapor::engine::{evaluate, Ruleset, Scenario};
use serde_json::{json, Value};
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

/// The system allocator, counting the bytes in use and their peak.
struct Counting;

static NOW: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = NOW.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        NOW.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

/// The largest method: 10 dimensions × 20 indicators, every dimension per product.
fn largest_method() -> Value {
    let per_dim = MAX_METHOD_INDICATORS / 10;
    let dims: Vec<Value> = (0..10)
        .map(|d| {
            let inds: Vec<Value> = (0..per_dim)
                .map(|i| json!({"id": format!("i{i}"), "name": format!("I{i}"), "min": 0, "max": MAX_SCALE, "weight": "1"}))
                .collect();
            json!({"id": format!("d{d}"), "name": format!("D{d}"), "weight": format!("{}.5", d + 1), "per_product": true, "indicators": inds})
        })
        .collect();
    let bands: Vec<Value> = [("A", "88"), ("B", "78"), ("C", "54"), ("D", "0")]
        .iter()
        .map(|(c, m)| json!({"category": c, "opini": c, "opini_en": c, "zone": "z", "min": m, "inclusive": true}))
        .collect();
    json!({"id": "batas", "title": "Batas", "scheme": "uji", "years": [2026], "score_max": "100", "products": 10,
        "aggregation": "mean", "rounding": {"places": 2, "mode": "half_up"}, "dimensions": dims, "bands": bands})
}

/// 200 units, every indicator of every product entered (levels 0–60 cycling, so units
/// differ), half of them Puskesmas of which 10 are drawn, a third of indicators with efforts.
fn largest_scenario(method: &Value) -> String {
    let units: Vec<Value> = (0..MAX_UNITS)
        .map(|u| {
            let mut m = serde_json::Map::new();
            for (d, dim) in method["dimensions"].as_array().unwrap().iter().enumerate() {
                for i in 0..dim["indicators"].as_array().unwrap().len() {
                    let v: Vec<u32> = (0..10).map(|p| ((u * 7 + d * 5 + i * 3 + p) % 61) as u32).collect();
                    m.insert(format!("d{d}.i{i}"), json!(v));
                }
            }
            let mut unit = json!({"name": format!("Unit {u}"), "indicators": m});
            if u % 2 == 1 {
                unit["sector"] = json!("puskesmas");
            }
            unit
        })
        .collect();
    let effort: serde_json::Map<String, Value> = (0..10)
        .flat_map(|d| (0..20).step_by(3).map(move |i| (format!("d{d}.i{i}"), json!(1 + (d * 20 + i) as u32 % MAX_EFFORT))))
        .collect();
    json!({"ruleset": "batas", "pemda": "Kabupaten Batas", "custom_ruleset": method, "units": units,
        "effort": effort, "sampling": {"puskesmas": 10}})
    .to_string()
}

/// Runs `f` once: seconds and peak megabytes allocated while it ran.
fn measure<T>(name: &str, f: impl FnOnce() -> T) -> T {
    let base = NOW.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let started = Instant::now();
    let out = f();
    let secs = started.elapsed().as_secs_f64();
    let peak = (PEAK.load(Ordering::Relaxed) - base) as f64 / 1e6;
    println!("limits/{name:<18} {secs:>8.2} s {peak:>9.1} MB");
    out
}

fn main() {
    // `cargo test --benches` runs benches as tests with `--test`: nothing to do here.
    if std::env::args().any(|a| a == "--test") {
        return;
    }
    let method = largest_method();
    let text = largest_scenario(&method);
    println!(
        "limits: {MAX_UNITS} units × {MAX_METHOD_INDICATORS} indicators × 10 products, scale 0–{MAX_SCALE}; file {} KB",
        text.len() / 1024
    );
    let rs = measure("read method", || Ruleset::from_json(&method.to_string()).expect("the largest method is allowed"));
    let sc = measure("read scenario", || Scenario::from_json_str(&text).expect("the largest scenario is allowed"));
    measure("score", || evaluate(&rs, &sc).expect("scores"));
    measure("plan (steps)", || plan(&rs, &sc, None, Objective::Steps).expect("plans"));
    measure("plan (indicators)", || plan(&rs, &sc, None, Objective::Indicators).expect("plans"));
    measure("risk", || rapor::engine::risk::risk(&rs, &sc, None).expect("counts"));
    measure("robust plan", || rapor::engine::robust::robust_plan(&rs, &sc, None, Objective::Steps).expect("plans"));
    let form = measure("into the form", || rapor::form::Form::from_scenario(&sc, &rs, true));
    measure("form read", || form.read(&rs));
}
