//! Units from a table, as people keep them in a spreadsheet: a CSV file from Indonesian
//! Excel (`;` and a decimal comma) or English Excel (`,` and a decimal point). The
//! header row is found by its labels, not its position ("Nama unit", "Nilai total", a
//! column per dimension by name or id), every number is checked first, and a problem is
//! named by its cell ("C5") so the user finds it in the spreadsheet.

use crate::engine::baseline::{Baseline, BaselineUnit};
use crate::engine::error::{InputError, Problem, Says};
use crate::engine::map::SmallMap;
use crate::engine::number::{parse_decimal, NumberError};
use crate::engine::scenario::{Entry, Scenario, Unit};
use crate::engine::Ruleset;

/// The cells of a CSV text, row by row: the separator (`;`, `,` or a tab) is the one
/// that splits the header row into the most cells; quotes as RFC 4180 has them; a
/// byte-order mark dropped.
pub fn csv_rows(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let header = text.lines().find(|l| is_header(&split(l, ';')) || is_header(&split(l, ',')) || is_header(&split(l, '\t')));
    let sep = [';', ',', '\t'].into_iter().max_by_key(|&s| header.map_or(0, |h| split(h, s).len())).unwrap_or(';');
    let mut rows = Vec::new();
    let (mut row, mut cell, mut quoted, mut chars) = (Vec::new(), String::new(), false, text.chars().peekable());
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                cell.push('"');
                chars.next();
            }
            ('"', true) => quoted = false,
            ('"', false) if cell.is_empty() => quoted = true,
            ('\r', false) => {}
            ('\n', false) => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (c, false) if c == sep => row.push(std::mem::take(&mut cell)),
            (c, _) => cell.push(c),
        }
    }
    if !cell.is_empty() || !row.is_empty() {
        row.push(cell);
        rows.push(row);
    }
    rows
}

/// A line split on `sep` outside quotes (only to choose the separator).
fn split(line: &str, sep: char) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            c if c == sep && !quoted => out.push(String::new()),
            c => out.last_mut().expect("one cell at least").push(c),
        }
    }
    out
}

/// The labels of the unit's name column, in the widget's two languages (as its own
/// exports write them) and as people write them.
const NAME_LABELS: [&str; 5] = ["nama unit", "unit", "nama", "unit name", "name"];
/// The labels of a unit's total.
const TOTAL_LABELS: [&str; 5] = ["nilai total", "nilai", "total", "score", "total score"];

pub(crate) fn label(cell: &str) -> String {
    cell.trim().trim_start_matches('\'').to_ascii_lowercase()
}

pub(crate) fn is_header(cells: &[String]) -> bool {
    cells.iter().any(|c| NAME_LABELS.contains(&label(c).as_str()))
}

/// A spreadsheet's name of a cell: column letters and row number ("C5").
pub fn cell_name(row: usize, col: usize) -> String {
    let mut letters = String::new();
    let mut n = col + 1;
    while n > 0 {
        letters.insert(0, (b'A' + ((n - 1) % 26) as u8) as char);
        n = (n - 1) / 26;
    }
    format!("{letters}{}", row + 1)
}

/// What a column holds.
#[derive(Debug, Clone, PartialEq)]
enum Column {
    Name,
    Total,
    Dimension(String),
    Trust,
    Sector,
    /// Last year's score of the unit, typed beside this year's (the baseline).
    Baseline,
}

/// Units read from `rows` under `rs`, with where each number came from; a problem is
/// named by its cell. Rows before the header (a title) and after it without a name are
/// skipped, as is the pemda's aggregate row of the widget's own export.
pub fn scenario_from_rows(rows: &[Vec<String>], rs: &Ruleset) -> Result<Scenario, InputError> {
    let Some(h) = rows.iter().position(|r| is_header(r)) else {
        return Err(InputError::new("", Problem::Says(Says::NoHeaderRow)));
    };
    let columns: Vec<Option<Column>> = rows[h].iter().map(|c| column(c, rs)).collect();
    let at = |r: usize, c: usize| cell_name(r, c);
    let mut units = Vec::new();
    let mut baseline = Vec::new();
    for (r, row) in rows.iter().enumerate().skip(h + 1) {
        let cell = |c: usize| row.get(c).map(|s| s.trim()).unwrap_or("");
        let Some(name_col) = columns.iter().position(|c| c == &Some(Column::Name)) else { break };
        let name = cell(name_col).trim_start_matches('\'').to_string();
        if name.is_empty() || AGGREGATE_LABELS.contains(&name.to_ascii_lowercase().as_str()) {
            continue;
        }
        let number = |c: usize| -> Result<Option<rust_decimal::Decimal>, InputError> {
            let t = cell(c);
            match parse_decimal(t) {
                Ok(d) => Ok(Some(d)),
                Err(NumberError::Empty) => Ok(None),
                Err(e) => Err(InputError::number(at(r, c), t, e)),
            }
        };
        let mut unit = Unit::new(name, Entry::Empty);
        let mut dims = SmallMap::new();
        for (c, col) in columns.iter().enumerate() {
            match col {
                Some(Column::Total) => {
                    if let Some(d) = number(c)? {
                        unit.entry = Entry::Score(d);
                    }
                }
                Some(Column::Dimension(id)) => {
                    if let Some(d) = number(c)? {
                        dims.insert(id.clone(), d);
                    }
                }
                Some(Column::Trust) => unit.trust = number(c)?,
                Some(Column::Sector) => unit.sector = Some(cell(c).to_string()).filter(|s| !s.is_empty()),
                Some(Column::Baseline) => {
                    if let Some(d) = number(c)? {
                        crate::engine::baseline::check_score(d, &at(r, c))?;
                        baseline.push(BaselineUnit { name: unit.name.clone(), score: Some(d), ..BaselineUnit::default() });
                    }
                }
                _ => {}
            }
        }
        if !dims.is_empty() {
            if matches!(unit.entry, Entry::Score(_)) {
                return Err(InputError::new(at(r, name_col), Problem::MixedLevels));
            }
            unit.entry = Entry::Dimensions(dims);
        }
        if matches!(unit.entry, Entry::Score(_)) && unit.trust.is_some() {
            // A total already holds Kepercayaan Masyarakat (the scorer says so by place).
            let c = columns.iter().position(|c| c == &Some(Column::Trust)).unwrap_or(name_col);
            return Err(InputError::new(at(r, c), Problem::TrustInTotal));
        }
        units.push((r, unit));
    }
    crate::engine::limits::count("units", crate::engine::limits::Counted::Units, units.len())?;
    let mut sc = Scenario { ruleset: rs.id.clone(), ..Scenario::default() };
    // Each value checked against its range now, so the message names its cell.
    for (r, u) in &units {
        let one = Scenario { ruleset: rs.id.clone(), units: vec![u.clone()], ..Scenario::default() };
        if let Err(e) = crate::engine::evaluate(rs, &one) {
            if !matches!(e.problem, Problem::NoData) {
                let c = match e.path.rsplit('.').next() {
                    Some("score") => columns.iter().position(|c| c == &Some(Column::Total)),
                    Some("trust") => columns.iter().position(|c| c == &Some(Column::Trust)),
                    Some(id) => columns.iter().position(|c| c == &Some(Column::Dimension(id.to_string()))),
                    None => None,
                };
                return Err(InputError { path: at(*r, c.unwrap_or(0)), ..e });
            }
        }
    }
    sc.units = units.into_iter().map(|(_, u)| u).collect();
    // Last year's pemda score is worked out from these by whoever reads the table
    // (`worker`), under the method in force.
    sc.baseline = (!baseline.is_empty()).then(|| Baseline { units: baseline, ..Baseline::default() });
    Ok(sc)
}

/// The labels of last year's score beside this year's.
pub(crate) const BASELINE_LABELS: [&str; 6] =
    ["nilai tahun lalu", "tahun lalu", "pembanding", "last year", "last year's score", "baseline"];

/// The aggregate row the widget's CSV export writes above the units (`text::report`).
const AGGREGATE_LABELS: [&str; 2] = ["pemda (agregat)", "pemda (aggregate)"];

/// The column a header cell names, under `rs`: the unit's name, its total, a dimension
/// (by id, or by name in either language), Kepercayaan Masyarakat, the sector.
fn column(cell: &str, rs: &Ruleset) -> Option<Column> {
    let l = label(cell);
    if NAME_LABELS.contains(&l.as_str()) {
        return Some(Column::Name);
    }
    if TOTAL_LABELS.contains(&l.as_str()) {
        return Some(Column::Total);
    }
    if ["kepercayaan masyarakat", "trust", "public trust"].contains(&l.as_str()) {
        return Some(Column::Trust);
    }
    if ["sektor", "sector"].contains(&l.as_str()) {
        return Some(Column::Sector);
    }
    if BASELINE_LABELS.contains(&l.as_str()) {
        return Some(Column::Baseline);
    }
    rs.dimensions
        .iter()
        .find(|d| d.id == l || d.name.to_ascii_lowercase() == l || d.name_en.to_ascii_lowercase() == l)
        .map(|d| Column::Dimension(d.id.clone()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Catalog;

    fn rs(id: &str) -> Ruleset {
        Catalog::built_in().get(id).unwrap().clone()
    }

    #[test]
    fn both_excel_dialects_read_the_same_units() {
        // Kota Magelang 2022 (pre-evaluation): 100, 100, 80,19, 92,92 → 93,28 A.
        let id = "\u{feff}Rekap Magelang 2022;;\r\nNama unit;Nilai total\r\nDisdukcapil;100\r\nDPMPTSP;100\r\nDinas Kesehatan;80,19\r\nPuskesmas;92,92\r\n";
        let en = "Unit name,Total\nDisdukcapil,100\nDPMPTSP,100\nDinas Kesehatan,80.19\nPuskesmas,\"92,92\"\n";
        for text in [id, en] {
            let sc = scenario_from_rows(&csv_rows(text), &rs("ombudsman-2022")).unwrap();
            assert_eq!(sc.units.len(), 4);
            let o = crate::engine::evaluate(&rs("ombudsman-2022"), &sc).unwrap();
            let a = o.aggregate.unwrap();
            assert_eq!((a.rounded.to_string(), a.grade.category), ("93.28".into(), "A".into()));
        }
    }

    #[test]
    fn dimension_columns_by_name_and_a_problem_named_by_its_cell() {
        // DPMPTSP by dimension: 21,85·80 + 32,37·90 + 24,24·85 + 21,54·70 = 82,295 → 82,30.
        let text = "Nama unit;Input;Proses;Output;Pengaduan\nDPMPTSP;80;90;85;70\n";
        let sc = scenario_from_rows(&csv_rows(text), &rs("ombudsman-2023")).unwrap();
        let o = crate::engine::evaluate(&rs("ombudsman-2023"), &sc).unwrap();
        assert_eq!(o.aggregate.unwrap().rounded.to_string(), "82.30");
        // Row 3, column D: the Output of the second unit, above 100.
        let text = "Nama unit;Input;Proses;Output;Pengaduan\nDPMPTSP;80;90;85;70\nDinsos;80;90;185;70\n";
        let e = scenario_from_rows(&csv_rows(text), &rs("ombudsman-2023")).unwrap_err();
        assert_eq!(e.path, "D3");
        assert_eq!(e.message(crate::text::Lang::Id), "185 melebihi nilai maksimum 100");
        let e = scenario_from_rows(&csv_rows("Nama unit;Nilai total\nA;8x\n"), &rs("ombudsman-2023")).unwrap_err();
        assert_eq!((e.path.as_str(), e.message(crate::text::Lang::Id)), ("B2", "\"8x\" bukan angka".to_string()));
    }

    #[test]
    fn a_table_without_a_name_column_is_refused() {
        let e = scenario_from_rows(&csv_rows("a;b\n1;2\n"), &rs("ombudsman-2023")).unwrap_err();
        assert_eq!(e.problem, Problem::Says(Says::NoHeaderRow));
    }

    #[test]
    fn the_widgets_own_csv_export_reads_back() {
        // The summary export: its aggregate row is skipped, the units' totals read.
        let text = "\u{feff}Unit;Nilai;Kategori;Opini;Zona\r\nPemda (agregat);90,10;A;Kualitas Tertinggi;hijau\r\nDisdukcapil;100;A;;hijau\r\nDinsos;80,2;B;;hijau\r\n";
        let sc = scenario_from_rows(&csv_rows(text), &rs("ombudsman-2024")).unwrap();
        assert_eq!(sc.units.iter().map(|u| u.name.as_str()).collect::<Vec<_>>(), ["Disdukcapil", "Dinsos"]);
    }

    #[test]
    fn cells_are_named_as_a_spreadsheet_names_them() {
        assert_eq!(
            (cell_name(0, 0), cell_name(4, 2), cell_name(9, 25), cell_name(1, 26), cell_name(2, 27)),
            ("A1".into(), "C5".into(), "Z10".into(), "AA2".into(), "AB3".into())
        );
    }
}
