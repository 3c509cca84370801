//! The sampling risk in words, as the widget's panel shows it: written here, by the
//! `rapor-io` worker, so the widget only places the lines (and its first load stays
//! small), and checked on the host like the other reports.

use super::{step_change, step_name};
use crate::engine::exact::Ratio;
use crate::engine::number::RoundingMode;
use crate::engine::plan::Status;
use crate::engine::risk::{Method, Risk, Sample};
use crate::engine::robust::RobustPlan;
use crate::engine::{Ruleset, Scenario};
use crate::text::{report as words, Lang};
use serde::Serialize;

/// One category's bar: its width in percent and the probability written out.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bar {
    pub category: String,
    pub zone: String,
    pub width: u32,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RiskText {
    pub reach: String,
    pub bars: Vec<Bar>,
    pub worst: String,
    pub best: String,
    /// Candidates that lower the chance of the target, the weakest first (at most 5).
    pub weakest: Vec<String>,
    /// The robust plan: what it achieves, how sure its cost is, then one line per step.
    pub robust: Vec<String>,
}

/// `r × 100` to one decimal with the language's separator: "33,3".
fn percent(r: Ratio, lang: Lang) -> String {
    let p = r.checked_mul(Ratio::int(100)).and_then(|x| x.round(1, RoundingMode::HalfUp)).unwrap_or_default();
    lang.num(p).replace('-', "−")
}

fn share(k: u64, n: u64) -> Ratio {
    Ratio::new(k as i128, n.max(1) as i128).unwrap_or(Ratio::ZERO)
}

pub fn risk_text(rs: &Ruleset, sc: &Scenario, r: &Risk, robust: Result<&RobustPlan, String>, lang: Lang) -> RiskText {
    let target = &rs.bands[r.target].category;
    let how = match r.method {
        Method::Exact => words::risk_exact(lang, r.samples),
        Method::MonteCarlo => {
            // The estimate's own error in percent, to a tenth: the f64 is the sampling's
            // arithmetic, written through a decimal so the module carries no float
            // formatting (about 20 KB of wasm) for this one figure.
            let tenths = (r.standard_error().unwrap_or(0.0) * 1000.0).round() as i64;
            let error = lang.num(rust_decimal::Decimal::new(tenths, 1));
            words::risk_random(lang, r.samples, &r.possible.to_string(), &error)
        }
    };
    let reach = words::risk_reach(lang, target, &percent(share(r.reach, r.samples), lang), &how);
    let bars = rs
        .bands
        .iter()
        .enumerate()
        .map(|(b, band)| {
            let p = share(r.counts[b], r.samples);
            let width = p.checked_mul(Ratio::int(100)).and_then(|x| x.round(0, RoundingMode::HalfUp)).map_or(0, |w| w.mantissa() as u32);
            Bar { category: band.category.clone(), zone: band.zone.clone(), width, label: format!("{} %", percent(p, lang)) }
        })
        .collect();
    let sample = |worst: bool, s: &Sample| {
        let units: Vec<&str> = s.units.iter().map(|&i| sc.units[i].name.as_str()).collect();
        words::risk_sample(lang, worst, &lang.num(s.score), &rs.bands[s.band].category, &units.join(", "))
    };
    let weakest = r
        .weakest
        .iter()
        .filter(|l| l.delta.is_negative())
        .take(5)
        .map(|l| words::risk_weakest(lang, &l.unit, &percent(l.delta, lang)))
        .collect();
    RiskText { reach, bars, worst: sample(true, &r.worst), best: sample(false, &r.best), weakest, robust: robust_lines(rs, robust, lang) }
}

fn robust_lines(rs: &Ruleset, robust: Result<&RobustPlan, String>, lang: Lang) -> Vec<String> {
    let r = match robust {
        Ok(r) => r,
        Err(why) => return vec![why],
    };
    let p = &r.plan;
    let target = p.target.clone().unwrap_or_default();
    match p.status {
        Status::Unreachable => vec![words::robust_unreachable(lang, &target, &lang.num(r.worst_after.score))],
        Status::AlreadyThere | Status::AtTop => vec![words::robust_already(lang, &target)],
        Status::Planned => {
            let cost = |c: u64| words::cost_words(lang, c, p.cost_unit);
            let summary = words::robust_summary(lang, p.steps.len(), &cost(p.cost), &lang.num(p.score_after), &p.category_after);
            let dearer = (!r.exact).then(|| cost(p.cost - r.lower_bound));
            let mut lines = vec![summary, words::robust_cost(lang, dearer.as_deref(), &cost(r.lower_bound))];
            lines.extend(p.steps.iter().map(|s| format!("{}, {}: {}", s.unit, step_name(rs, s, lang), step_change(rs, s, lang))));
            lines
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::risk::risk;
    use crate::engine::Catalog;
    use serde_json::json;

    #[test]
    fn the_panel_reads_like_the_hand_calculation() {
        // Two OPD (90, 80) always drawn, two of three Puskesmas (90, 70, 50): {A, B} 82,50
        // B; {A, C} 77,50 C; {B, C} 72,50 C (tests/risk.rs).
        let sc = Scenario::from_json(&json!({"ruleset": "ombudsman-2024", "sampling": {"puskesmas": 2}, "units": [
            {"name": "Disdukcapil", "score": 90}, {"name": "DPMPTSP", "score": 80},
            {"name": "Puskesmas A", "score": 90, "sector": "puskesmas"},
            {"name": "Puskesmas B", "score": 70, "sector": "puskesmas"},
            {"name": "Puskesmas C", "score": 50, "sector": "puskesmas"}]}))
        .unwrap();
        let rs = Catalog::built_in().get("ombudsman-2024").unwrap().clone();
        let r = risk(&rs, &sc, None).unwrap();
        let t = risk_text(&rs, &sc, &r, Err("-".into()), Lang::Id);
        assert_eq!(t.reach, "Peluang mencapai B: 33,3 % (3 kemungkinan sampel, dihitung semua).");
        assert_eq!((t.bars[1].width, t.bars[1].label.as_str(), t.bars[2].label.as_str()), (33, "33,3 %", "66,7 %"));
        assert_eq!(t.worst, "Sampel terburuk: 72,50 C — Disdukcapil, DPMPTSP, Puskesmas B, Puskesmas C");
        // C in the sample: 0 − 1/3 = −33,3 points.
        assert_eq!(t.weakest, vec!["Puskesmas C: −33,3 poin persen"]);
        let en = risk_text(&rs, &sc, &r, Err("-".into()), Lang::En);
        assert_eq!(en.reach, "Chance of reaching B: 33.3 % (all 3 possible samples counted).");
    }

    #[test]
    fn drawn_samples_give_their_standard_error_to_a_tenth() {
        let sc = Scenario::from_json(&json!({"ruleset": "ombudsman-2024", "sampling": {"puskesmas": 1}, "units": [
            {"name": "Puskesmas A", "score": 90, "sector": "puskesmas"},
            {"name": "Puskesmas B", "score": 70, "sector": "puskesmas"}]}))
        .unwrap();
        let rs = Catalog::built_in().get("ombudsman-2024").unwrap().clone();
        let mut r = risk(&rs, &sc, None).unwrap();
        // As if drawn: 1 000 draws, 1/8 in each of two bands, the rest in a third; the
        // target reached in half of them. Largest error √(0,5 · 0,5 / 1 000) = 0,01581…
        // → 1,6 % (the bands' √(0,75 · 0,25 / 1 000) = 0,01369… and 0,01046… are smaller).
        r.method = Method::MonteCarlo;
        r.samples = 1000;
        r.counts = vec![0; rs.bands.len()];
        (r.counts[0], r.counts[1], r.counts[2]) = (125, 125, 750);
        r.reach = 500;
        assert!(risk_text(&rs, &sc, &r, Err("-".into()), Lang::Id)
            .reach
            .contains("1000 sampel acak dari 2 kemungkinan, galat baku ±1,6 %"));
        assert!(risk_text(&rs, &sc, &r, Err("-".into()), Lang::En)
            .reach
            .contains("1000 random samples of 2 possible, standard error ±1.6 %"));
    }
}
