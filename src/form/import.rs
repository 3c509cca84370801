//! A scenario (from a file or a share link) back into the form's fields.

use super::{Form, FormUnit, Mode};
use crate::engine::number::format_decimal;
use crate::engine::scenario::{Entry, Scenario, Values};
use crate::engine::Ruleset;
use rust_decimal::Decimal;
use std::rc::Rc;

impl Form {
    /// The fields that describe `sc`; numbers are written with a decimal comma when
    /// `comma` (Indonesian). `base` is the scenario's published ruleset.
    pub fn from_scenario(sc: &Scenario, base: &Ruleset, comma: bool) -> Form {
        let text = |d: Decimal| format_decimal(d.normalize(), comma);
        // Scores keep the decimals they were given: "80,10" stands for a figure rounded
        // to two decimals, and the range shown depends on it.
        let typed = |d: Decimal| format_decimal(d, comma);
        let mut f = Form::named(&sc.ruleset, base.products, &[]);
        f.pemda = sc.pemda.clone();
        f.deduction = if sc.deduction.is_zero() { String::new() } else { text(sc.deduction) };
        // Read from an older file or link: the units already hold it; tell the user once.
        f.trust_spread = sc.trust_spread.map(text);
        f.followed_up = sc.followed_up.unwrap_or(false);
        f.weights = sc.assumptions.weights.iter().map(|(k, v)| (k.clone(), text(*v))).collect();
        f.scale_max = sc.assumptions.scale_max.map(|m| m.to_string()).unwrap_or_default();
        f.sampling = sc.sampling.iter().map(|(k, n)| (k.clone(), n.to_string())).collect();
        f.step_points = sc.step_points.map(text).unwrap_or_default();
        f.margin = if sc.margin.is_zero() { String::new() } else { text(sc.margin) };
        f.custom_ruleset = sc.custom_ruleset.as_ref().map(|rs| Rc::new((**rs).clone()));
        f.baseline = sc.baseline.clone();
        f.criteria = sc.assumptions.criteria.iter().map(|(k, n)| (k.clone(), n.to_string())).collect();
        for u in &sc.units {
            let key = f.add_unit(&u.name, base.products);
            let fu: &mut FormUnit = Rc::make_mut(f.units.last_mut().expect("just added"));
            debug_assert_eq!(fu.key, key);
            fu.locked = u.locked.iter().cloned().collect();
            fu.sector = u.sector.clone().unwrap_or_default();
            fu.trust = u.trust.map(text).unwrap_or_default();
            match &u.entry {
                Entry::Empty => {}
                Entry::Score(s) => fu.score = typed(*s),
                Entry::Dimensions(m) => {
                    fu.mode = Mode::Dimensions;
                    fu.dims = m.iter().map(|(k, v)| (k.clone(), typed(*v))).collect();
                }
                Entry::Points(m) => {
                    fu.mode = Mode::Points;
                    fu.points = m.iter().map(|(k, v)| (k.clone(), typed(*v))).collect();
                }
                Entry::Indicators(m) => {
                    fu.mode = Mode::Indicators;
                    for (k, v) in m {
                        let k = base.resolve(k).map_or_else(|| k.clone(), |r| r.key());
                        let texts: Vec<String> = match v {
                            Values::Responses(n) => {
                                fu.responses.insert(k, n.iter().map(u32::to_string).collect());
                                continue;
                            }
                            Values::One(x) => vec![x.map(text).unwrap_or_default()],
                            Values::PerProduct(xs) => {
                                fu.products = xs.len();
                                xs.iter().map(|x| x.map(text).unwrap_or_default()).collect()
                            }
                        };
                        fu.levels.insert(k, texts);
                    }
                }
            }
        }
        f
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::{Catalog, Scenario};
    use crate::form::Form;
    use serde_json::json;

    #[test]
    fn a_scenario_reads_back_into_the_same_results() {
        let cat = Catalog::built_in();
        let sc = Scenario::from_json(&json!({
            "ruleset": "ombudsman-2023", "pemda": "Kota Contoh", "deduction": "1,5",
            "assumptions": {"weights": {"input": "25"}},
            "units": [
                {"name": "Disdukcapil", "score": "93,34"},
                {"name": "DPMPTSP", "dimensions": {"input": 80, "proses": "90,5"}},
                {"name": "Puskesmas", "indicators": {"proses.biaya": [3, null, 1], "input.keamanan": 2}, "locked": ["proses.biaya"]},
                {"name": "Kosong"}
            ]
        }))
        .unwrap();
        let base = cat.get("ombudsman-2023").unwrap();
        let f = Form::from_scenario(&sc, base, true);
        assert_eq!(f.units[0].score, "93,34");
        assert_eq!(f.units[2].products, 3);
        assert!(f.units[2].locked.contains("proses.biaya"));
        let r = f.read(base);
        assert!(r.errors.is_empty(), "{:?}", r.errors);
        // The same scenario, read back from the fields, gives the same JSON.
        assert_eq!(r.scenario.to_json(), sc.to_json());
    }

    #[test]
    fn criteria_answer_counts_and_sampling_read_back() {
        let cat = Catalog::built_in();
        for (id, v) in [
            (
                "sakip-2021",
                json!({"ruleset": "sakip-2021", "assumptions": {"criteria": {"perencanaan-keberadaan": 3}},
                "units": [{"name": "Pemda", "indicators": {"perencanaan-keberadaan.k3": 70, "perencanaan-kualitas.k1": 100}}]}),
            ),
            (
                "ombudsman-2024",
                json!({"ruleset": "ombudsman-2024", "sampling": {"puskesmas": 1},
                "units": [{"name": "Dukcapil", "score": 90}, {"name": "PKM A", "score": 80, "sector": "puskesmas"}, {"name": "PKM B", "score": 70, "sector": "puskesmas"}]}),
            ),
            (
                "ikm-2017",
                json!({"ruleset": "ikm-2017",
                "units": [{"name": "Dukcapil", "indicators": {"unsur.waktu": "3,25"}, "responses": {"unsur.biaya": [0, 1, 2, 5]}}]}),
            ),
        ] {
            let sc = Scenario::from_json(&v).unwrap();
            let base = cat.get(id).unwrap();
            let f = Form::from_scenario(&sc, base, true);
            let r = f.read(base);
            assert!(r.errors.is_empty(), "{id}: {:?}", r.errors);
            assert_eq!(r.scenario.to_json(), sc.to_json(), "{id}");
        }
    }
}
