//! The summary as rows of text: what CSV (and the Excel export) write; and the texts of
//! plan steps and of the sampling risk. Pure, so they are checked on the host.

pub mod json;
pub mod risk;
pub mod template;
pub mod xlsx;

use crate::engine::Outcome;
use crate::text::report::{answers_change, sheet, Sheet};
use crate::text::Lang;

/// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`, not ending
/// with `'` (a name ending so made the whole export fail). The number keeps it unique.
pub fn sheet_name(i: usize, name: &str) -> String {
    let clean: String = name.chars().map(|c| if "[]:*?/\\".contains(c) { ' ' } else { c }).collect();
    let name: String = format!("{} {}", i + 1, clean.trim()).chars().take(31).collect();
    name.trim_end_matches(['\'', ' ']).to_string()
}

/// Excel's limit for the text of a cell, in characters.
const CELL_MAX: usize = 32_767;

/// A user's text as a cell holds it: cut at Excel's limit, with `…` marking the cut (a
/// longer name made the whole export fail).
pub fn fit(text: &str) -> String {
    if text.chars().count() <= CELL_MAX {
        return text.to_string();
    }
    text.chars().take(CELL_MAX - 1).chain(['…']).collect()
}

/// The longest pemda part of a download's name, in characters.
const SLUG_MAX: usize = 60;

/// The pemda's name as part of a download's name: ASCII letters and digits in lower
/// case, anything else as one `-` between words, whole words up to 60 characters (a
/// 40,000-character name made a 40,000-character file name, which systems refuse).
/// ASCII only: full Unicode lowercasing would add its tables to every page load.
pub fn file_slug(pemda: &str) -> String {
    let lowered: String = pemda.chars().map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '-' }).collect();
    let mut slug = String::new();
    for word in lowered.split('-').filter(|w| !w.is_empty()) {
        let room = SLUG_MAX - slug.len() - usize::from(!slug.is_empty());
        if word.len() > room {
            // A first word longer than the whole allowance is cut; later ones are left out.
            if slug.is_empty() {
                slug.push_str(&word[..SLUG_MAX]);
            }
            break;
        }
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(word);
    }
    slug
}

/// Header plus one row for the pemda and one per unit: name, score, category, opini,
/// the service-quality category where the method publishes one (2025), zone.
pub fn summary_rows(o: &Outcome, lang: Lang) -> Vec<Vec<String>> {
    let pick = |id: &str, en: &str| lang.pick(id, en).to_string();
    let quality = o.aggregate.as_ref().is_some_and(|a| !a.grade.quality.is_empty());
    let mut header: Vec<String> =
        [Sheet::Unit, Sheet::Score, Sheet::Category, Sheet::Opinion, Sheet::Zone].map(|s| sheet(lang, s).to_string()).to_vec();
    if quality {
        header.insert(4, sheet(lang, Sheet::Quality).to_string());
    }
    let row = |name: String, score, g: &crate::engine::Grade, opini: String| {
        let mut r = vec![name, lang.num(score), g.category.clone(), opini, g.zone.clone()];
        if quality {
            r.insert(4, pick(&g.quality, &g.quality_en));
        }
        r
    };
    let mut rows = vec![header];
    if let Some(a) = &o.aggregate {
        rows.push(row(sheet(lang, Sheet::PemdaAggregate).to_string(), a.rounded, &a.grade, pick(&a.grade.opini, &a.grade.opini_en)));
    }
    for u in &o.units {
        rows.push(row(u.name.clone(), u.rounded, &u.grade, String::new()));
    }
    rows
}

/// The ruleset's name of "proses.biaya" in the chosen language.
pub fn indicator_name(rs: &crate::engine::Ruleset, key: &str, lang: Lang) -> String {
    rs.indicator(key).map_or_else(|| key.to_string(), |r| lang.pick(&r.indicator.name, &r.indicator.name_en).to_string())
}

/// What a plan step raises, by name: an indicator ("Maklumat pelayanan"), a dimension
/// ("Proses") or the unit's total ("Nilai total").
pub fn step_name(rs: &crate::engine::Ruleset, st: &crate::engine::plan::Step, lang: Lang) -> String {
    use crate::engine::plan::StepKind;
    match st.kind {
        StepKind::Indicator => indicator_name(rs, &st.indicator, lang),
        StepKind::Dimension => {
            let id = st.dimension.as_deref().unwrap_or_default();
            rs.dimension(id).map_or_else(|| id.to_string(), |d| lang.pick(&d.name, &d.name_en).to_string())
        }
        StepKind::Unit => crate::text::t(lang, crate::text::Text::UnitScore).to_string(),
    }
}

/// What a plan step changes: "2 → 3", "C → B" for letter grades, or for answer counts
/// "12 responden menjawab 4 (0/5/20/3 → 0/0/13/15)".
pub fn step_change(rs: &crate::engine::Ruleset, st: &crate::engine::plan::Step, lang: Lang) -> String {
    if let Some(r) = &st.responses {
        let top = usize::from(r.min) + r.before.len().saturating_sub(1);
        let list = |v: &[u32]| v.iter().map(u32::to_string).collect::<Vec<_>>().join("/");
        return answers_change(lang, r.respondents, top, &list(&r.before), &list(&r.after));
    }
    let levels = rs.indicator(&st.indicator).filter(|r| r.indicator.levels_only).map(|r| &r.indicator.levels);
    let show = |v: rust_decimal::Decimal| {
        levels.and_then(|ls| ls.iter().find(|l| rust_decimal::Decimal::from(l.value) == v)).map_or_else(|| lang.num(v), |l| l.label.clone())
    };
    format!("{} → {}", show(st.from), show(st.to))
}

/// CSV as spreadsheets in each language read it: Indonesian Excel expects `;` between
/// fields because `,` is its decimal separator. A byte-order mark makes Excel read UTF-8.
pub fn csv(rows: &[Vec<String>], lang: Lang) -> String {
    let sep = lang.either(';', ',');
    let mut out = String::from('\u{feff}');
    for row in rows {
        let cells: Vec<String> = row
            .iter()
            .map(|c| no_formula(c))
            .map(|c| if c.contains([sep, '"', '\n', '\r']) { format!("\"{}\"", c.replace('"', "\"\"")) } else { c })
            .collect();
        out.push_str(&cells.join(&sep.to_string()));
        out.push_str("\r\n");
    }
    out
}

/// A cell that a spreadsheet would run as a formula — one that begins with `=`, `+`,
/// `-`, `@`, a tab or a carriage return, as a unit or pemda name may — gets a leading
/// `'`, as OWASP recommends for CSV, so it stays text. A plain number ("-1,5") is left
/// as it is.
fn no_formula(cell: &str) -> String {
    let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let digits =
        cell.strip_prefix(['-', '+']).is_some_and(|r| !r.is_empty() && r.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.'));
    if risky && !digits {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn odd_or_long_names_still_export_to_excel() {
        // A name ending in ' and one over 32,767 characters made the whole .xlsx fail.
        assert_eq!(super::sheet_name(0, "Puskesmas 'Sehat'"), "1 Puskesmas 'Sehat");
        assert_eq!(super::sheet_name(2, "a/b [c]"), "3 a b  c");
        let long = super::sheet_name(9, &format!("{}'", "x".repeat(28)));
        assert_eq!(long, format!("10 {}", "x".repeat(28)));
        assert!(long.chars().count() <= 31);
        assert_eq!(super::fit("Dinas Sosial"), "Dinas Sosial");
        let cut = super::fit(&"é".repeat(40_000));
        assert_eq!(cut.chars().count(), 32_767);
        assert!(cut.ends_with("é…"));
    }

    #[test]
    fn a_download_name_takes_whole_words_of_the_pemda_up_to_60_characters() {
        assert_eq!(super::file_slug("Kota Contoh"), "kota-contoh");
        assert_eq!(super::file_slug("  Kab. Bangli / Bali!! "), "kab-bangli-bali");
        assert_eq!(super::file_slug("Kabupaten Pangkajene dan Kepulauan"), "kabupaten-pangkajene-dan-kepulauan");
        assert_eq!(super::file_slug("Kota Bau-Bau <script>"), "kota-bau-bau-script");
        assert_eq!(super::file_slug("Dinas Ğüñ"), "dinas");
        assert_eq!(super::file_slug(""), "");
        // The review's 40,000-character name.
        let long = "Pemerintah Kabupaten ".repeat(2000);
        let slug = super::file_slug(&long);
        assert!(slug.len() <= 60 && slug.starts_with("pemerintah-kabupaten-"), "{slug}");
        assert!(!slug.ends_with('-'));
        // 60 characters exactly: "pemerintah-kabupaten-" × 2 = 42, + "pemerintah" = 52, + "-kabupaten" = 62 > 60.
        assert_eq!(slug, "pemerintah-kabupaten-pemerintah-kabupaten-pemerintah");
        assert_eq!(super::file_slug(&"x".repeat(100)), "x".repeat(60));
    }

    use super::*;
    use crate::engine::{evaluate, Catalog, Scenario};

    #[test]
    fn csv_formula_injection_is_neutralised() {
        let rows = vec![vec![
            "=HYPERLINK(\"http://x\",\"klik\")".to_string(),
            "+1+1".into(),
            "@SUM(A1)".into(),
            "\tDinkes".into(),
            "-1,5".into(),
            "Dinas Sosial".into(),
        ]];
        let line = csv(&rows, Lang::Id);
        let cells = line.trim_start_matches('\u{feff}').trim_end();
        assert_eq!(cells, "\"'=HYPERLINK(\"\"http://x\"\",\"\"klik\"\")\";'+1+1;'@SUM(A1);'\tDinkes;-1,5;Dinas Sosial");
    }
    use serde_json::json;

    #[test]
    fn magelang_summary_in_both_conventions() {
        let sc = Scenario::from_json(&json!({"ruleset": "ombudsman-2022", "units": [
            {"name": "Disdukcapil", "score": 100}, {"name": "DPMPTSP", "score": 100},
            {"name": "Dinkes; Kota", "score": "80,19"}, {"name": "Puskesmas", "score": "92,92"}]}))
        .unwrap();
        let o = evaluate(Catalog::built_in().get("ombudsman-2022").unwrap(), &sc).unwrap();
        let id = csv(&summary_rows(&o, Lang::Id), Lang::Id);
        let lines: Vec<&str> = id.trim_start_matches('\u{feff}').lines().collect();
        assert_eq!(lines[0], "Unit;Nilai;Kategori;Opini;Zona");
        assert_eq!(lines[1], "Pemda (agregat);93,28;A;Kualitas Tertinggi;hijau");
        assert_eq!(lines[4], "\"Dinkes; Kota\";80,19;B;;hijau");
        let en = csv(&summary_rows(&o, Lang::En), Lang::En);
        assert!(en.contains("Pemda (aggregate),93.28,A,Highest quality,hijau\r\n"));
    }
}
