//! The shipped rulesets load, match methodology.md, round-trip through the engine in
//! exactly their file schema, and every validation rule names the field it concerns.
#![cfg(not(target_arch = "wasm32"))]

use rapor::engine::{Catalog, Ruleset};
use serde_json::{json, Value};

const IDS: [&str; 8] =
    ["ombudsman-2021", "ombudsman-2022", "ombudsman-2023", "ombudsman-2024", "ombudsman-2025", "sakip-2021", "ipp-2022", "ikm-2017"];

#[test]
fn all_eight_ship_and_load() {
    let cat = Catalog::built_in();
    let ids: Vec<&str> = cat.all().iter().map(|r| r.id.as_str()).collect();
    for id in IDS {
        assert!(ids.contains(&id), "{id} missing");
    }
}

#[test]
fn files_round_trip_in_their_own_schema() {
    let cat = Catalog::built_in();
    for id in IDS {
        let file: Value = serde_json::from_str(Catalog::built_in_source(id).unwrap()).unwrap();
        let written = serde_json::to_value(cat.get(id).unwrap()).unwrap();
        assert_eq!(written, file, "{id}");
    }
}

#[test]
fn weights_and_bands_are_the_published_ones() {
    let cat = Catalog::built_in();
    for id in ["ombudsman-2022", "ombudsman-2023", "ombudsman-2024", "ombudsman-2025"] {
        let rs = cat.get(id).unwrap();
        let w: Vec<(String, String)> = rs.dimensions.iter().map(|d| (d.id.clone(), d.weight.to_string())).collect();
        let want = [("input", "21.85"), ("proses", "32.37"), ("output", "24.24"), ("pengaduan", "21.54")];
        assert_eq!(w, want.map(|(a, b)| (a.to_string(), b.to_string())), "{id}");
        let b: Vec<(String, String)> = rs.bands.iter().map(|b| (b.category.clone(), b.min.to_string())).collect();
        let want = [("A", "88"), ("B", "78"), ("C", "54"), ("D", "32"), ("E", "0")];
        assert_eq!(b, want.map(|(a, b)| (a.to_string(), b.to_string())), "{id}");
    }
    let rs = cat.get("ombudsman-2025").unwrap();
    assert_eq!(rs.trust.as_ref().unwrap().weight.to_string(), "30");
    assert_eq!(rs.bands[4].zone, "merah");
    // 2023 instrument: 15 input, 11 proses per product, 5 output, 6 pengaduan indicators.
    let rs = cat.get("ombudsman-2023").unwrap();
    let n: Vec<usize> = rs.dimensions.iter().map(|d| d.indicators.len()).collect();
    assert_eq!(n, [15, 11, 5, 6]);
    assert!(rs.dimensions[1].per_product && !rs.dimensions[0].per_product);
    assert!(rs.deduction && !cat.get("ombudsman-2022").unwrap().deduction);
}

#[test]
fn every_assumption_has_text_in_both_languages_and_a_source() {
    for rs in Catalog::built_in().all() {
        assert!(!rs.assumptions.is_empty(), "{}", rs.id);
        for a in &rs.assumptions {
            assert!(!a.text.is_empty() && !a.text_en.is_empty() && !a.source.is_empty(), "{} {}", rs.id, a.id);
        }
        // What users read of a method exists in both languages.
        for (i, src) in rs.sources.iter().enumerate() {
            assert!(!src.text.is_empty() && !src.text_en.is_empty(), "{} sources[{i}]", rs.id);
            assert_ne!(src.text, src.text_en, "{} sources[{i}] is not translated", rs.id);
        }
    }
}

/// The 2023 file with one change applied, and the error it gives.
fn broken(change: impl FnOnce(&mut Value)) -> String {
    let mut v: Value = serde_json::from_str(Catalog::built_in_source("ombudsman-2023").unwrap()).unwrap();
    change(&mut v);
    Ruleset::from_json(&v.to_string()).unwrap_err().to_string()
}

/// One edit to a ruleset file.
type Change = Box<dyn FnOnce(&mut Value)>;

#[test]
fn each_validation_rule_names_its_field() {
    let cases: Vec<(Change, &str)> = vec![
        (Box::new(|v| v["dimensions"][1]["weight"] = json!("0")), "dimensions[1].weight: must be positive"),
        (Box::new(|v| v["dimensions"][2]["weight"] = json!("-3")), "dimensions[2].weight: must be positive"),
        (Box::new(|v| v["dimensions"][0]["indicators"][2]["weight"] = json!(0)), "dimensions[0].indicators[2].weight: must be positive"),
        (Box::new(|v| v["dimensions"][3]["id"] = json!("input")), "dimensions[3].id: \"input\" is used twice"),
        (
            Box::new(|v| v["dimensions"][1]["indicators"][4]["id"] = json!("biaya")),
            "dimensions[1].indicators[4].id: \"biaya\" is used twice",
        ),
        (Box::new(|v| v["dimensions"][0]["indicators"][0]["max"] = json!(0)), "dimensions[0].indicators[0].max: must be above min"),
        (Box::new(|v| v["bands"][1]["min"] = json!("90")), "bands[1].min: bands must be listed from the top down"),
        (Box::new(|v| v["bands"][4]["min"] = json!("5")), "bands[4].min: the lowest band must start at 0"),
        (Box::new(|v| v["bands"][0]["min"] = json!("88.005")), "bands[0].min: 88.005 has more decimals than the rounding precision"),
        (Box::new(|v| v["bands"][2]["category"] = json!("A")), "bands[2].category: \"A\" is used twice"),
        (Box::new(|v| v["bands"][0]["min"] = json!("120")), "bands[0].min: 120 is outside 0–100"),
        (Box::new(|v| v["id"] = json!("Ombudsman 2023")), "id: "),
        (Box::new(|v| v["assumptions"][1]["id"] = v["assumptions"][0]["id"].clone()), "assumptions[1].id: "),
        (Box::new(|v| v["dimensions"][0]["weigth"] = json!("1")), "unknown field `weigth`"),
        (Box::new(|v| v["dimensions"][0]["weight"] = json!("lots")), "\"lots\" is not a number"),
        (Box::new(|v| v["years"] = json!([])), "years: must list at least one year"),
        (Box::new(|v| v["score_max"] = json!("0")), "score_max: must be positive"),
        (Box::new(|v| v["products"] = json!(0)), "products: must be 1 to 10 (got 0)"),
        (Box::new(|v| v["rounding"]["places"] = json!(11)), "rounding.places: must be 10 or fewer"),
        (Box::new(|v| v["dimensions"] = json!([])), "dimensions: must list at least one dimension"),
        (Box::new(|v| v["dimensions"][2]["id"] = json!("Output")), "dimensions[2].id: \"Output\" must be lowercase"),
        (Box::new(|v| v["dimensions"][2]["indicators"] = json!([])), "dimensions[2].indicators: must list at least one indicator"),
        (Box::new(|v| v["dimensions"][2]["indicators"][0]["id"] = json!("")), "dimensions[2].indicators[0].id: \"\" must be lowercase"),
        (
            Box::new(|v| v["dimensions"][0]["indicators"][0]["levels"] = json!([{"value": 4, "text": "x"}])),
            "dimensions[0].indicators[0].levels[0].value: 4 is outside the scale 0–3",
        ),
        (
            Box::new(|v| v["dimensions"][0]["indicators"][0]["levels"] = json!([{"value": 1, "text": "x"}, {"value": 1, "text": "y"}])),
            "dimensions[0].indicators[0].levels[1].value: 1 is described twice",
        ),
        (
            Box::new(|v| {
                v["dimensions"][0]["indicators"][0]["levels_only"] = json!(true);
                v["dimensions"][0]["indicators"][0]["fractional"] = json!(true);
            }),
            "dimensions[0].indicators[0].fractional: cannot be true with levels_only",
        ),
        (
            Box::new(|v| {
                v["dimensions"][0]["indicators"][0]["levels_only"] = json!(true);
                v["dimensions"][0]["indicators"][0]["levels"] = json!([{"value": 0, "text": "x"}, {"value": 2, "text": "y"}]);
            }),
            "dimensions[0].indicators[0].levels: levels_only needs a level at 3",
        ),
        (Box::new(|v| v["bands"] = json!([])), "bands: must list at least one band"),
        (Box::new(|v| v["bands"][1]["category"] = json!("")), "bands[1].category: must not be empty"),
        (Box::new(|v| v["trust"] = json!({"weight": "100"})), "trust.weight: must be between 0 and 100 percent (got 100)"),
        (Box::new(|v| v.as_object_mut().unwrap().remove("bands").map(|_| ()).unwrap()), "missing field `bands`"),
        (Box::new(|v| v["dimensions"][0]["indicators"][0]["max"] = json!("three")), "expected u16"),
    ];
    for (change, want) in cases {
        let got = broken(change);
        assert!(got.contains(want), "wanted {want:?} in {got:?}");
    }
}

#[test]
fn a_user_file_replaces_or_adds_a_ruleset() {
    let mut v: Value = serde_json::from_str(Catalog::built_in_source("ombudsman-2023").unwrap()).unwrap();
    v["id"] = json!("pemda-uji");
    v["bands"][0]["min"] = json!("90");
    let mut cat = Catalog::built_in();
    cat.add_json(&v.to_string()).unwrap();
    assert_eq!(cat.get("pemda-uji").unwrap().bands[0].min.to_string(), "90");
    assert!(cat.add_json("{").is_err());
}

/// One list of shipped methods: the build hook copies every file of `src/rulesets/` into
/// the widget, so each must be in the catalog (which validates it) under its own name.
#[test]
fn every_file_in_src_rulesets_is_in_the_catalog_and_validated() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/rulesets");
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".json"))
        .map(|n| n.trim_end_matches(".json").to_string())
        .collect();
    files.sort();
    let cat = Catalog::built_in();
    let mut ids: Vec<String> = cat.all().iter().map(|r| r.id.clone()).collect();
    ids.sort();
    assert_eq!(files, ids, "src/rulesets/ and Catalog::built_in() must list the same methods");
    for id in &ids {
        let file = std::fs::read_to_string(format!("{dir}/{id}.json")).unwrap();
        assert_eq!(Ruleset::from_json(&file).unwrap().id, *id, "{id}.json holds another id");
    }
}
