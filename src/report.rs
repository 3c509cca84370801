//! The summary as rows of text: what CSV (and the Excel export) write. Pure, so the
//! exported numbers are checked on the host.

use crate::engine::Outcome;
use crate::engine::number::format_decimal;

/// Header plus one row for the pemda and one per unit: name, score, category, opini, zone.
pub fn summary_rows(o: &Outcome, indonesian: bool) -> Vec<Vec<String>> {
    let pick = |id: &str, en: &str| if indonesian || en.is_empty() { id.to_string() } else { en.to_string() };
    let mut rows = vec![if indonesian {
        vec!["Unit".into(), "Nilai".into(), "Kategori".into(), "Opini".into(), "Zona".into()]
    } else {
        vec!["Unit".into(), "Score".into(), "Category".into(), "Opinion".into(), "Zone".into()]
    }];
    if let Some(a) = &o.aggregate {
        rows.push(vec![
            pick("Pemda (agregat)", "Pemda (aggregate)"),
            format_decimal(a.rounded, indonesian),
            a.grade.category.clone(),
            pick(&a.grade.opini, &a.grade.opini_en),
            a.grade.zone.clone(),
        ]);
    }
    for u in &o.units {
        rows.push(vec![u.name.clone(), format_decimal(u.rounded, indonesian), u.grade.category.clone(), String::new(), u.grade.zone.clone()]);
    }
    rows
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
