//! The sampling risk in words, as the widget's panel shows it: written here, by the
//! `rapor-io` worker, so the widget only places the lines (and its first load stays
//! small), and checked on the host like the other reports.

use super::{indicator_name, step_change};
use crate::engine::exact::Ratio;
use crate::engine::number::{format_decimal, RoundingMode};
use crate::engine::plan::Status;
use crate::engine::risk::{Method, Risk, Sample};
use crate::engine::robust::RobustPlan;
use crate::engine::{Ruleset, Scenario};
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
fn percent(r: Ratio, indonesian: bool) -> String {
    let p = r.checked_mul(Ratio::int(100)).and_then(|x| x.round(1, RoundingMode::HalfUp)).unwrap_or_default();
    format_decimal(p, indonesian).replace('-', "−")
}

fn share(k: u64, n: u64) -> Ratio {
    Ratio::new(k as i128, n.max(1) as i128).unwrap_or(Ratio::ZERO)
}

pub fn risk_text(rs: &Ruleset, sc: &Scenario, r: &Risk, robust: Result<&RobustPlan, String>, indonesian: bool) -> RiskText {
    let id = indonesian;
    let target = &rs.bands[r.target].category;
    let how = match (r.method, id) {
        (Method::Exact, true) => format!("{} kemungkinan sampel, dihitung semua", r.samples),
        (Method::Exact, false) => format!("all {} possible samples counted", r.samples),
        (Method::MonteCarlo, _) => {
            let se = format!("{:.1}", r.standard_error().unwrap_or(0.0) * 100.0);
            let se = if id { se.replace('.', ",") } else { se };
            if id {
                format!("{} sampel acak dari {} kemungkinan, galat baku ±{se} %", r.samples, r.possible)
            } else {
                format!("{} random samples of {} possible, standard error ±{se} %", r.samples, r.possible)
            }
        }
    };
    let reach = percent(share(r.reach, r.samples), id);
    let reach = if id {
        format!("Peluang mencapai {target}: {reach} % ({how}).")
    } else {
        format!("Chance of reaching {target}: {reach} % ({how}).")
    };
    let bars = rs
        .bands
        .iter()
        .enumerate()
        .map(|(b, band)| {
            let p = share(r.counts[b], r.samples);
            let width = p.checked_mul(Ratio::int(100)).and_then(|x| x.round(0, RoundingMode::HalfUp)).map_or(0, |w| w.mantissa() as u32);
            Bar { category: band.category.clone(), zone: band.zone.clone(), width, label: format!("{} %", percent(p, id)) }
        })
        .collect();
    let sample = |label: (&str, &str), s: &Sample| {
        let units: Vec<&str> = s.units.iter().map(|&i| sc.units[i].name.as_str()).collect();
        format!(
            "{}: {} {} — {}",
            if id { label.0 } else { label.1 },
            format_decimal(s.score, id),
            rs.bands[s.band].category,
            units.join(", ")
        )
    };
    let weakest = r
        .weakest
        .iter()
        .filter(|l| l.delta.is_negative())
        .take(5)
        .map(|l| format!("{}: {} {}", l.unit, percent(l.delta, id), if id { "poin persen" } else { "percentage points" }))
        .collect();
    RiskText {
        reach,
        bars,
        worst: sample(("Sampel terburuk", "Worst sample"), &r.worst),
        best: sample(("Sampel terbaik", "Best sample"), &r.best),
        weakest,
        robust: robust_lines(rs, robust, id),
    }
}

fn robust_lines(rs: &Ruleset, robust: Result<&RobustPlan, String>, id: bool) -> Vec<String> {
    let r = match robust {
        Ok(r) => r,
        Err(why) => return vec![why],
    };
    let p = &r.plan;
    let target = p.target.clone().unwrap_or_default();
    match p.status {
        Status::Unreachable => vec![if id {
            format!(
                "Tidak ada perubahan indikator yang membuat setiap sampel mencapai {target}; sampel terburuk paling tinggi {}.",
                format_decimal(r.worst_after.score, id)
            )
        } else {
            format!(
                "No indicator changes make every sample reach {target}; the worst sample gets at most {}.",
                format_decimal(r.worst_after.score, id)
            )
        }],
        Status::AlreadyThere | Status::AtTop => {
            vec![if id { format!("Setiap sampel sudah mencapai {target}.") } else { format!("Every sample already reaches {target}.") }]
        }
        Status::Planned => {
            let after = format_decimal(p.score_after, id);
            let mut lines = vec![if id {
                format!("{} perubahan ({} langkah) → sampel terburuk {after}, kategori {}.", p.steps.len(), p.cost, p.category_after)
            } else {
                format!("{} changes ({} steps) → worst sample {after}, category {}.", p.steps.len(), p.cost, p.category_after)
            }];
            lines.push(match (r.exact, id) {
                (true, true) => "Tidak ada rencana tangguh yang lebih murah.".to_string(),
                (true, false) => "No robust plan costs less.".to_string(),
                (false, true) => format!(
                    "Paling banyak {} langkah lebih mahal daripada yang termurah (batas bawah {}).",
                    p.cost - r.lower_bound,
                    r.lower_bound
                ),
                (false, false) => {
                    format!("At most {} steps dearer than the cheapest (lower bound {}).", p.cost - r.lower_bound, r.lower_bound)
                }
            });
            lines.extend(
                p.steps.iter().map(|s| format!("{}, {}: {}", s.unit, indicator_name(rs, &s.indicator, id), step_change(rs, s, id))),
            );
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
        let t = risk_text(&rs, &sc, &r, Err("-".into()), true);
        assert_eq!(t.reach, "Peluang mencapai B: 33,3 % (3 kemungkinan sampel, dihitung semua).");
        assert_eq!((t.bars[1].width, t.bars[1].label.as_str(), t.bars[2].label.as_str()), (33, "33,3 %", "66,7 %"));
        assert_eq!(t.worst, "Sampel terburuk: 72,50 C — Disdukcapil, DPMPTSP, Puskesmas B, Puskesmas C");
        // C in the sample: 0 − 1/3 = −33,3 points.
        assert_eq!(t.weakest, vec!["Puskesmas C: −33,3 poin persen"]);
        let en = risk_text(&rs, &sc, &r, Err("-".into()), false);
        assert_eq!(en.reach, "Chance of reaching B: 33.3 % (all 3 possible samples counted).");
    }
}
