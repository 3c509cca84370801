//! The units of a workbook laid out as Rapor's template (`report::template`): a units
//! sheet read as a CSV table is (`table`), and an indicator sheet — indicators as rows,
//! units as columns — whose levels become the units' indicator entries. Sheets are found
//! by name, else by their header rows; a problem is named by sheet and cell
//! ("Indikator!F5"), and nothing is taken unless everything reads.

use super::table::{cell_name, is_header, label, scenario_from_rows};
use super::workbook::Sheet;
use crate::engine::error::{InputError, Problem, Says};
use crate::engine::map::SmallMap;
use crate::engine::number::{parse_decimal, NumberError};
use crate::engine::scenario::{Entry, Scenario, Unit, Values};
use crate::engine::score::check_level;
use crate::engine::Ruleset;
use crate::text::report::{sheet as word, Sheet as Word};
use crate::text::Lang;
use rust_decimal::Decimal;

/// A sheet's name in both languages, as the template writes it, compared as labels.
fn named(sheet: &Sheet, w: Word) -> bool {
    let l = label(&sheet.name);
    [Lang::Id, Lang::En].iter().any(|&lang| label(word(lang, w)) == l)
}

/// Where a problem is: "Unit!C5", or "'1 Dinas Sosial'!C5" as Excel quotes a name
/// with spaces.
fn at(sheet: &Sheet, path: &str) -> String {
    let quoted = if sheet.name.chars().all(|c| c.is_alphanumeric() || c == '_') {
        sheet.name.clone()
    } else {
        format!("'{}'", sheet.name.replace('\'', "''"))
    };
    if path.is_empty() {
        quoted
    } else {
        format!("{quoted}!{path}")
    }
}

/// The labels of the indicator sheet's header row; a header cell that is none of
/// these names a unit.
const KEY_LABELS: [&str; 3] = ["kode", "key", "kunci"];
const PRODUCT_LABELS: [&str; 2] = ["produk", "product"];
fn is_indicator_header(row: &[String]) -> bool {
    row.iter().any(|c| KEY_LABELS.contains(&label(c).as_str()))
}
fn is_described(cell: &str) -> bool {
    let known = [Word::Dimension, Word::Indicator, Word::Allowed, Word::Max];
    let l = label(cell);
    l.is_empty() || known.iter().any(|&w| [Lang::Id, Lang::En].iter().any(|&lang| label(word(lang, w)) == l))
}

/// The units a workbook holds, under `rs`.
pub fn scenario_from_sheets(sheets: &[Sheet], rs: &Ruleset) -> Result<Scenario, InputError> {
    let levels_sheet = sheets
        .iter()
        .find(|s| named(s, Word::TemplateIndicators))
        .or_else(|| sheets.iter().find(|s| s.rows.iter().any(|r| is_indicator_header(r))));
    let units_sheet = sheets
        .iter()
        .find(|s| named(s, Word::TemplateUnits))
        .or_else(|| sheets.iter().find(|s| s.rows.iter().any(|r| is_header(r)) && Some(*s) != levels_sheet));
    let mut sc = match units_sheet {
        Some(s) => scenario_from_rows(&s.rows, rs).map_err(|e| InputError { path: at(s, &e.path), ..e })?,
        None if levels_sheet.is_some() => Scenario { ruleset: rs.id.clone(), ..Scenario::default() },
        None => return Err(InputError::new("", Problem::Says(Says::NoHeaderRow))),
    };
    if let Some(s) = levels_sheet {
        add_levels(&mut sc, s, rs)?;
    }
    crate::engine::limits::count("units", crate::engine::limits::Counted::Units, sc.units.len())?;
    Ok(sc)
}

/// The indicator sheet's levels given to its units (by name; a unit only there is
/// added). A unit entered by total or dimension on the units sheet may not also have
/// levels.
fn add_levels(sc: &mut Scenario, sheet: &Sheet, rs: &Ruleset) -> Result<(), InputError> {
    let Some(h) = sheet.rows.iter().position(|r| is_indicator_header(r)) else { return Ok(()) };
    let header = &sheet.rows[h];
    let key_col = header.iter().position(|c| KEY_LABELS.contains(&label(c).as_str())).unwrap_or(0);
    let product_col = header.iter().position(|c| PRODUCT_LABELS.contains(&label(c).as_str()));
    let unit_cols: Vec<(usize, String)> = header
        .iter()
        .enumerate()
        .filter(|&(c, t)| c != key_col && Some(c) != product_col && !is_described(t))
        .map(|(c, t)| (c, t.trim().trim_start_matches('\'').to_string()))
        .collect();
    // Unit column → "dimension.indicator" → one value per product (or one).
    let mut levels: Vec<SmallMap<String, Vec<Option<Decimal>>>> = vec![SmallMap::new(); unit_cols.len()];
    // Unit column → the first cell with a value (where a clash is pointed at).
    let mut first: Vec<Option<String>> = vec![None; unit_cols.len()];
    for (r, row) in sheet.rows.iter().enumerate().skip(h + 1) {
        let cell = |c: usize| row.get(c).map(|s| s.trim()).unwrap_or("");
        let key = cell(key_col);
        if key.is_empty() {
            continue;
        }
        let place = |c: usize| at(sheet, &cell_name(r, c));
        let found = rs.lookup(key).map_err(|p| InputError::new(place(key_col), p))?;
        let copies = if found.dimension.per_product { rs.products.max(1) } else { 1 };
        let product = match product_col.map(cell).filter(|t| !t.is_empty()) {
            None => 1,
            Some(t) => match t.parse::<usize>() {
                Ok(p) if (1..=copies).contains(&p) => p,
                _ => return Err(InputError::new(place(product_col.unwrap_or(0)), Problem::Says(Says::ProductsPerList(copies as u64)))),
            },
        };
        for (i, &(c, _)) in unit_cols.iter().enumerate() {
            let t = cell(c);
            let x = match parse_decimal(t) {
                Ok(x) => x,
                Err(NumberError::Empty) => continue,
                Err(e) => return Err(InputError::number(place(c), t, e)),
            };
            check_level(x, found.indicator, &place(c))?;
            first[i].get_or_insert_with(|| place(c));
            levels[i].entry(found.key()).or_insert_with(|| vec![None; copies])[product - 1] = Some(x);
        }
    }
    for (i, (_, name)) in unit_cols.iter().enumerate() {
        if levels[i].is_empty() {
            continue;
        }
        let entry = Entry::Indicators(
            std::mem::take(&mut levels[i])
                .into_iter()
                .map(|(k, v)| {
                    let per_product = rs.resolve(&k).is_some_and(|r| r.dimension.per_product);
                    (k, if per_product { Values::PerProduct(v) } else { Values::One(v[0]) })
                })
                .collect(),
        );
        match sc.units.iter_mut().find(|u| u.name == *name) {
            Some(u) if !matches!(u.entry, Entry::Empty) => {
                return Err(InputError::new(first[i].clone().unwrap_or_default(), Problem::MixedLevels));
            }
            Some(u) => u.entry = entry,
            None => sc.units.push(Unit::new(name.clone(), entry)),
        }
    }
    Ok(())
}
