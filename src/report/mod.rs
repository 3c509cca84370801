//! The summary as rows of text: what CSV (and the Excel export) write; and the texts of
//! plan steps and of the sampling risk. Pure, so they are checked on the host.

pub mod json;
pub mod risk;
#[cfg(target_arch = "wasm32")]
pub mod xlsx;

use crate::engine::number::format_decimal;
use crate::engine::Outcome;

/// Header plus one row for the pemda and one per unit: name, score, category, opini,
/// the service-quality category where the method publishes one (2025), zone.
pub fn summary_rows(o: &Outcome, indonesian: bool) -> Vec<Vec<String>> {
    let pick = |id: &str, en: &str| if indonesian || en.is_empty() { id.to_string() } else { en.to_string() };
    let quality = o.aggregate.as_ref().is_some_and(|a| !a.grade.quality.is_empty());
    let mut header: Vec<String> = if indonesian {
        vec!["Unit".into(), "Nilai".into(), "Kategori".into(), "Opini".into(), "Zona".into()]
    } else {
        vec!["Unit".into(), "Score".into(), "Category".into(), "Opinion".into(), "Zone".into()]
    };
    if quality {
        header.insert(4, pick("Kualitas pelayanan", "Service quality"));
    }
    let row = |name: String, score, g: &crate::engine::Grade, opini: String| {
        let mut r = vec![name, format_decimal(score, indonesian), g.category.clone(), opini, g.zone.clone()];
        if quality {
            r.insert(4, pick(&g.quality, &g.quality_en));
        }
        r
    };
    let mut rows = vec![header];
    if let Some(a) = &o.aggregate {
        rows.push(row(pick("Pemda (agregat)", "Pemda (aggregate)"), a.rounded, &a.grade, pick(&a.grade.opini, &a.grade.opini_en)));
    }
    for u in &o.units {
        rows.push(row(u.name.clone(), u.rounded, &u.grade, String::new()));
    }
    rows
}

/// The ruleset's name of "proses.biaya" in the chosen language.
pub fn indicator_name(rs: &crate::engine::Ruleset, key: &str, indonesian: bool) -> String {
    rs.indicator(key).map_or_else(
        || key.to_string(),
        |r| {
            let i = r.indicator;
            if indonesian || i.name_en.is_empty() {
                i.name.clone()
            } else {
                i.name_en.clone()
            }
        },
    )
}

/// What a plan step changes: "2 → 3", "C → B" for letter grades, or for answer counts
/// "12 responden menjawab 4 (0/5/20/3 → 0/0/13/15)".
pub fn step_change(rs: &crate::engine::Ruleset, st: &crate::engine::plan::Step, indonesian: bool) -> String {
    if let Some(r) = &st.responses {
        let top = usize::from(r.min) + r.before.len().saturating_sub(1);
        let list = |v: &[u32]| v.iter().map(u32::to_string).collect::<Vec<_>>().join("/");
        let who = if indonesian { "responden menjawab" } else { "respondents answering" };
        return format!("{} {who} {top} ({} → {})", r.respondents, list(&r.before), list(&r.after));
    }
    let levels = rs.indicator(&st.indicator).filter(|r| r.indicator.levels_only).map(|r| &r.indicator.levels);
    let show = |v: rust_decimal::Decimal| {
        levels
            .and_then(|ls| ls.iter().find(|l| rust_decimal::Decimal::from(l.value) == v))
            .map_or_else(|| format_decimal(v, indonesian), |l| l.label.clone())
    };
    format!("{} → {}", show(st.from), show(st.to))
}

/// CSV as spreadsheets in each language read it: Indonesian Excel expects `;` between
/// fields because `,` is its decimal separator. A byte-order mark makes Excel read UTF-8.
pub fn csv(rows: &[Vec<String>], indonesian: bool) -> String {
    let sep = if indonesian { ';' } else { ',' };
    let mut out = String::from('\u{feff}');
    for row in rows {
        let cells: Vec<String> = row
            .iter()
            .map(|c| if c.contains([sep, '"', '\n', '\r']) { format!("\"{}\"", c.replace('"', "\"\"")) } else { c.clone() })
            .collect();
        out.push_str(&cells.join(&sep.to_string()));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{evaluate, Catalog, Scenario};
    use serde_json::json;

    #[test]
    fn magelang_summary_in_both_conventions() {
        let sc = Scenario::from_json(&json!({"ruleset": "ombudsman-2022", "units": [
            {"name": "Disdukcapil", "score": 100}, {"name": "DPMPTSP", "score": 100},
            {"name": "Dinkes; Kota", "score": "80,19"}, {"name": "Puskesmas", "score": "92,92"}]}))
        .unwrap();
        let o = evaluate(Catalog::built_in().get("ombudsman-2022").unwrap(), &sc).unwrap();
        let id = csv(&summary_rows(&o, true), true);
        let lines: Vec<&str> = id.trim_start_matches('\u{feff}').lines().collect();
        assert_eq!(lines[0], "Unit;Nilai;Kategori;Opini;Zona");
        assert_eq!(lines[1], "Pemda (agregat);93,28;A;Kualitas Tertinggi;hijau");
        assert_eq!(lines[4], "\"Dinkes; Kota\";80,19;B;;hijau");
        let en = csv(&summary_rows(&o, false), false);
        assert!(en.contains("Pemda (aggregate),93.28,A,Highest quality,hijau\r\n"));
    }
}
