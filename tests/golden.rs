//! Golden cases: published Ombudsman results, and hand calculations with the arithmetic
//! written out. No expected value here comes from running the engine.
#![cfg(not(target_arch = "wasm32"))]

use rapor::engine::{evaluate, Catalog, Scenario};
use serde_json::json;

struct Got {
    score: String,
    category: String,
    opini: String,
    zone: String,
    units: Vec<String>,
}

fn run(v: serde_json::Value) -> Got {
    let sc = Scenario::from_json(&v).unwrap();
    let cat = Catalog::built_in();
    let o = evaluate(cat.require(&sc.ruleset).unwrap(), &sc).unwrap();
    let a = o.aggregate.unwrap();
    Got {
        score: a.rounded.to_string(),
        category: a.grade.category,
        opini: a.grade.opini,
        zone: a.grade.zone,
        units: o.units.iter().map(|u| u.rounded.to_string()).collect(),
    }
}

fn totals(ruleset: &str, scores: &[&str]) -> Got {
    let units: Vec<_> = scores.iter().enumerate().map(|(i, s)| json!({"name": format!("U{i}"), "score": s})).collect();
    run(json!({"ruleset": ruleset, "units": units}))
}

#[test]
fn magelang_2022_pre_evaluation() {
    // Published unit totals 100, 100, 80.19, 92.92 and pemda total 93.28:
    // (100 + 100 + 80.19 + 92.92) / 4 = 373.11 / 4 = 93.2775 → half-up → 93.28.
    let g = totals("ombudsman-2022", &["100", "100", "80,19", "92.92"]);
    assert_eq!((g.score.as_str(), g.category.as_str(), g.zone.as_str()), ("93.28", "A", "hijau"));
    assert_eq!(g.opini, "Kualitas Tertinggi");
}

#[test]
fn published_pemda_totals_get_their_published_grades() {
    // Bangli 2022: 93,55, predikat A, opini kualitas tertinggi (seed 004).
    let g = totals("ombudsman-2022", &["93,55"]);
    assert_eq!((g.category.as_str(), g.opini.as_str(), g.zone.as_str()), ("A", "Kualitas Tertinggi", "hijau"));
    // Kukar 2022: 82,84, kategori B, Kualitas Tinggi; "88 ke atas" for A (seed 003).
    let g = totals("ombudsman-2022", &["82,84"]);
    assert_eq!((g.category.as_str(), g.opini.as_str(), g.zone.as_str()), ("B", "Kualitas Tinggi", "hijau"));
    // Kendari 58,99 = C kuning (methodology.md §1).
    let g = totals("ombudsman-2023", &["58,99"]);
    assert_eq!((g.category.as_str(), g.zone.as_str()), ("C", "kuning"));
    // Bangli 2021: 71,66, zona kuning (seed 004).
    let g = totals("ombudsman-2021", &["71,66"]);
    assert_eq!((g.score.as_str(), g.zone.as_str()), ("71.66", "kuning"));
    // Klungkung 2017: 46,37, kategori merah (seed 000).
    let g = totals("ombudsman-2021", &["46,37"]);
    assert_eq!((g.score.as_str(), g.zone.as_str()), ("46.37", "merah"));
}

#[test]
fn every_band_edge_on_both_sides() {
    // 2022–2024 bands: A ≥ 88, B ≥ 78, C ≥ 54, D ≥ 32, E below (methodology.md §1).
    for rs in ["ombudsman-2022", "ombudsman-2023", "ombudsman-2024"] {
        for (score, cat, zone) in [
            ("100", "A", "hijau"),
            ("88.00", "A", "hijau"),
            ("87.99", "B", "hijau"),
            ("78.00", "B", "hijau"),
            ("77.99", "C", "kuning"),
            ("54.00", "C", "kuning"),
            ("53.99", "D", "merah"),
            ("32.00", "D", "merah"),
            ("31.99", "E", "merah"),
            ("0", "E", "merah"),
        ] {
            let g = totals(rs, &[score]);
            assert_eq!((g.category.as_str(), g.zone.as_str()), (cat, zone), "{rs} {score}");
        }
    }
    // 2025: same cuts; no source uses a black zone, so E keeps the informal merah.
    assert_eq!(totals("ombudsman-2025", &["31.99"]).zone, "merah");
    assert_eq!(totals("ombudsman-2025", &["32"]).zone, "merah");
    // 2013–2021: hijau ≥ 81, kuning ≥ 51, merah below.
    for (score, zone) in [("81.00", "hijau"), ("80.99", "kuning"), ("51.00", "kuning"), ("50.99", "merah")] {
        assert_eq!(totals("ombudsman-2021", &[score]).zone, zone, "2021 {score}");
    }
}

#[test]
fn the_category_follows_the_rounded_score() {
    // (87.99 + 88.00) / 2 = 87.995 → 88.00 shown → must be A, not B.
    let g = totals("ombudsman-2023", &["87.99", "88.00"]);
    assert_eq!((g.score.as_str(), g.category.as_str()), ("88.00", "A"));
    // (87.99 + 87.99 + 88.00) / 3 = 87.99333… → 87.99 → B.
    let g = totals("ombudsman-2023", &["87.99", "87.99", "88.00"]);
    assert_eq!((g.score.as_str(), g.category.as_str()), ("87.99", "B"));
}

#[test]
fn dimension_level_unit_by_hand() {
    // DPMPTSP with input 80, proses 90, output 85, pengaduan 70 (weights sum to 100):
    // 21.85·80 + 32.37·90 + 24.24·85 + 21.54·70 = 1748 + 2913.3 + 2060.4 + 1507.8
    // = 8229.5; / 100 = 82.295 → 82.30, B.
    let g = run(json!({"ruleset": "ombudsman-2023", "units": [
        {"name": "DPMPTSP", "dimensions": {"input": "80", "proses": "90", "output": "85", "pengaduan": "70"}}
    ]}));
    assert_eq!((g.score.as_str(), g.category.as_str()), ("82.30", "B"));
}

#[test]
fn a_missing_dimension_counts_as_zero() {
    // Only input 100 entered: 21.85·100 / 100 = 21.85 → E.
    let g = run(json!({"ruleset": "ombudsman-2023", "units": [{"name": "X", "dimensions": {"input": 100}}]}));
    assert_eq!((g.score.as_str(), g.category.as_str()), ("21.85", "E"));
}

fn all(ids: &[&str], dim: &str, v: serde_json::Value) -> serde_json::Map<String, serde_json::Value> {
    ids.iter().map(|i| (format!("{dim}.{i}"), v.clone())).collect()
}

const INPUT: [&str; 15] = [
    "pengetahuan-standar",
    "pengetahuan-tugas",
    "pengetahuan-ombudsman",
    "pengetahuan-maladministrasi",
    "pengetahuan-rekomendasi",
    "pengetahuan-rentan",
    "pengawasan-internal",
    "jumlah-petugas",
    "penjaminan-mutu",
    "keamanan",
    "evaluasi-kinerja",
    "dasar-hukum",
    "sarana-pengguna",
    "sarana-khusus",
    "penyuluhan",
];
const PROSES: [&str; 11] = [
    "persyaratan",
    "prosedur",
    "jangka-waktu",
    "biaya",
    "produk",
    "maklumat",
    "pelayanan-khusus",
    "visi-misi",
    "moto",
    "atribut",
    "pelayanan-terpadu",
];
const OUTPUT: [&str; 5] = ["penundaan-berlarut", "permintaan-imbalan", "penyimpangan-prosedur", "tidak-patut", "tidak-kompeten"];
const PENGADUAN: [&str; 6] =
    ["sarana-pengaduan", "sop-pengaduan", "pengelola-pengaduan", "tindak-lanjut", "publikasi-hasil", "pembinaan-pengelola"];

#[test]
fn indicator_level_unit_by_hand_stays_exact() {
    // Input all 3 → 100. Proses: product 1 all 3, product 2 all 2 → 100·55/66 = 83.33….
    // Output all 2 → 66.66…. Pengaduan all 1 → 33.33….
    // Unit = 21.85·1 + 32.37·(5/6) + 24.24·(2/3) + 21.54·(1/3)
    //      = 21.85 + 26.975 + 16.16 + 7.18 = 72.165 → half-up → 72.17 (C).
    // Floating or 28-digit decimal division gives 72.16499…, which would round to 72.16.
    let mut ind = all(&INPUT, "input", json!(3));
    ind.extend(all(&PROSES, "proses", json!([3, 2])));
    ind.extend(all(&OUTPUT, "output", json!(2)));
    ind.extend(all(&PENGADUAN, "pengaduan", json!(1)));
    let g = run(json!({"ruleset": "ombudsman-2023", "units": [{"name": "Puskesmas Kintamani", "indicators": ind}]}));
    assert_eq!((g.score.as_str(), g.category.as_str()), ("72.17", "C"));
}

#[test]
fn three_products_average_before_weighting() {
    // Only proses entered, three products at 3, 3, 0 for every indicator:
    // proses = 100·(6·11)/(9·11) = 66.66…; unit = 32.37·(2/3) = 21.58 (E).
    let ind = all(&PROSES, "proses", json!([3, 3, 0]));
    let g = run(json!({"ruleset": "ombudsman-2024", "units": [{"name": "Dinkes", "indicators": ind}]}));
    assert_eq!(g.score, "21.58");
}

#[test]
fn deduction_and_trust_by_hand() {
    // 2023 with a user-entered deduction of 2.5: 90 − 2.5 = 87.50 → B.
    let g = run(json!({"ruleset": "ombudsman-2023", "units": [{"name": "A", "score": 90}], "deduction": "2,5"}));
    assert_eq!((g.score.as_str(), g.category.as_str()), ("87.50", "B"));
    // 2025, a unit by dimension with its own trust: 0.70·80 + 0.30·60 = 56 + 18 = 74.00
    // → C; followed up → "Tanpa Maladministrasi".
    let dims = json!({"input": 80, "proses": 80, "output": 80, "pengaduan": 80});
    let g = run(json!({"ruleset": "ombudsman-2025", "units": [{"name": "A", "dimensions": dims, "trust": 60}], "followed_up": true}));
    assert_eq!((g.score.as_str(), g.category.as_str(), g.opini.as_str()), ("74.00", "C", "Kualitas Sedang Tanpa Maladministrasi"));
    // A total already holds its trust: 80 stays 80.00 → B.
    let g = run(json!({"ruleset": "ombudsman-2025", "units": [{"name": "A", "score": 80}], "followed_up": true}));
    assert_eq!((g.score.as_str(), g.category.as_str()), ("80.00", "B"));
    // 2025 published example: 57,61 = Kualitas Sedang Tanpa Maladministrasi (methodology.md §2).
    let g = run(json!({"ruleset": "ombudsman-2025", "units": [{"name": "A", "score": "57,61"}], "followed_up": true}));
    assert_eq!(g.opini, "Kualitas Sedang Tanpa Maladministrasi");
    // Without trust the pemda score is the plain mean.
    let g = run(json!({"ruleset": "ombudsman-2025", "units": [{"name": "A", "score": 80}], "followed_up": false}));
    assert_eq!((g.score.as_str(), g.opini.as_str()), ("80.00", "Kualitas Tinggi"));
}

#[test]
fn legacy_attributes_present_or_absent() {
    // 2021: 14 attributes per product, present = 1. Two products, 10 + 12 of 14 present:
    // 100·22/28 = 78.571… → 78.57 → kuning.
    let ids = [
        "persyaratan",
        "prosedur",
        "jangka-waktu",
        "biaya",
        "produk",
        "maklumat",
        "sistem-informasi",
        "sarana-prasarana",
        "sarana-khusus",
        "pengelolaan-pengaduan",
        "visi-misi",
        "moto",
        "atribut",
        "pelayanan-terpadu",
    ];
    let ind: serde_json::Map<_, _> = ids
        .iter()
        .enumerate()
        .map(|(k, i)| (format!("standar.{i}"), json!([if k < 10 { 1 } else { 0 }, if k < 12 { 1 } else { 0 }])))
        .collect();
    let g = run(json!({"ruleset": "ombudsman-2021", "units": [{"name": "Disdukcapil", "indicators": ind}]}));
    assert_eq!((g.score.as_str(), g.zone.as_str()), ("78.57", "kuning"));
    assert_eq!(g.units, vec!["78.57"]);
}
