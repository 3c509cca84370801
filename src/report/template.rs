//! The import template: the two sheets `form::book` reads back. The units sheet has a
//! header row "Nama unit", "Nilai total", one column per dimension (0–100), then
//! Kepercayaan masyarakat where the method has it, Sektor, and Nilai tahun lalu (last
//! year's score, read as the baseline); the indicator sheet has
//! the indicators as rows (per product where the dimension is) and the units as
//! columns, each cell limited by data validation to the indicator's allowed values,
//! and the level descriptions as a note on the indicator's name. `download-template`
//! gives these sheets alone, for the method's default sample; the Excel export adds
//! them, filled, so an exported workbook imports back to the same results.

use crate::engine::baseline::Baseline;
use crate::engine::scenario::{Entry, Unit, Values};
use crate::engine::Ruleset;
use crate::text::report::{sheet as word, Sheet};
use crate::text::Lang;
use rust_decimal::Decimal;
use rust_xlsxwriter::{DataValidation, DataValidationRule, Format, Note, Workbook, Worksheet, XlsxError};

/// Excel holds doubles; this is the file format's boundary, after all exact work.
pub(crate) fn num(d: Decimal) -> f64 {
    d.to_string().parse().unwrap_or(0.0)
}

/// The row of the header on both sheets (0-based): a title and a how-to above it.
const HEADER: u32 = 3;

/// The template for `rs` with these units (their entries filled in), as a workbook.
pub fn template(rs: &Ruleset, units: &[Unit], lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    add_sheets(&mut book, rs, units, None, lang)?;
    book.save_to_buffer()
}

/// The two template sheets, added to `book`; last year's unit scores from `baseline`.
pub fn add_sheets(book: &mut Workbook, rs: &Ruleset, units: &[Unit], baseline: Option<&Baseline>, lang: Lang) -> Result<(), XlsxError> {
    units_sheet(book.add_worksheet(), rs, units, baseline, lang)?;
    indicator_sheet(book.add_worksheet(), rs, units, lang)?;
    Ok(())
}

fn heading(sheet: &mut Worksheet, rs: &Ruleset, lang: Lang, how_to: Sheet) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold();
    sheet.write_string_with_format(0, 0, format!("Rapor — {}", lang.pick(&rs.title, &rs.title_en)), &bold)?;
    sheet.write_string(1, 0, word(lang, how_to))?;
    Ok(())
}

fn units_sheet(sheet: &mut Worksheet, rs: &Ruleset, units: &[Unit], baseline: Option<&Baseline>, lang: Lang) -> Result<(), XlsxError> {
    let w = |s: Sheet| word(lang, s);
    sheet.set_name(w(Sheet::TemplateUnits))?;
    heading(sheet, rs, lang, Sheet::UnitsHowTo)?;
    let bold = Format::new().set_bold().set_text_wrap();
    let mut header: Vec<String> = vec![w(Sheet::UnitName).into(), w(Sheet::TotalScore).into()];
    header.extend(rs.dimensions.iter().map(|d| lang.pick(&d.name, &d.name_en).to_string()));
    let trust_col = rs.trust.as_ref().map(|_| {
        header.push(w(Sheet::Trust).into());
        header.len() - 1
    });
    header.push(w(Sheet::Sector).into());
    let sector_col = header.len() - 1;
    // Last year's official score of the unit, when the user has it: the baseline.
    header.push(w(Sheet::LastYear).into());
    let last_col = header.len() - 1;
    for (c, h) in header.iter().enumerate() {
        sheet.write_string_with_format(HEADER, c as u16, h, &bold)?;
    }
    sheet.set_column_width(0, 28)?;
    sheet.set_column_range_width(1, last_col as u16, 14)?;
    sheet.set_freeze_panes(HEADER + 1, 1)?;
    let max = num(rs.score_max);
    let range = format!("0–{}", rs.score_max.normalize());
    let score = DataValidation::new().allow_decimal_number(DataValidationRule::Between(0.0, max)).set_error_message(match lang {
        Lang::Id => format!("Nilai {range}"),
        Lang::En => format!("A score {range}"),
    })?;
    let last = HEADER + units.len().max(1) as u32 + 20;
    sheet.add_data_validation(HEADER + 1, 1, last, (sector_col - 1) as u16, &score)?;
    sheet.add_data_validation(HEADER + 1, last_col as u16, last, last_col as u16, &score)?;
    for (i, u) in units.iter().enumerate() {
        let r = HEADER + 1 + i as u32;
        sheet.write_string(r, 0, crate::report::fit(&u.name))?;
        match &u.entry {
            Entry::Score(d) => {
                sheet.write_number(r, 1, num(*d))?;
            }
            Entry::Dimensions(m) => {
                for (j, d) in rs.dimensions.iter().enumerate() {
                    if let Some(x) = m.get(&d.id) {
                        sheet.write_number(r, 2 + j as u16, num(*x))?;
                    }
                }
            }
            _ => {}
        }
        if let (Some(c), Some(t)) = (trust_col, u.trust) {
            sheet.write_number(r, c as u16, num(t))?;
        }
        if let Some(s) = &u.sector {
            sheet.write_string(r, sector_col as u16, s)?;
        }
        if let Some(x) = baseline.and_then(|b| b.unit(&u.name)).and_then(|b| b.score) {
            sheet.write_number(r, last_col as u16, num(x))?;
        }
    }
    Ok(())
}

fn indicator_sheet(sheet: &mut Worksheet, rs: &Ruleset, units: &[Unit], lang: Lang) -> Result<(), XlsxError> {
    let w = |s: Sheet| word(lang, s);
    sheet.set_name(w(Sheet::TemplateIndicators))?;
    heading(sheet, rs, lang, Sheet::IndicatorsHowTo)?;
    let bold = Format::new().set_bold().set_text_wrap();
    let fixed = [w(Sheet::Key), w(Sheet::Dimension), w(Sheet::Indicator), w(Sheet::Product), w(Sheet::Allowed)];
    for (c, h) in fixed.iter().enumerate() {
        sheet.write_string_with_format(HEADER, c as u16, *h, &bold)?;
    }
    const FIRST: u16 = 5;
    for (i, u) in units.iter().enumerate() {
        sheet.write_string_with_format(HEADER, FIRST + i as u16, crate::report::fit(&u.name), &bold)?;
    }
    sheet.set_column_width(0, 30)?;
    sheet.set_column_width(1, 14)?;
    sheet.set_column_width(2, 44)?;
    sheet.set_column_range_width(FIRST, FIRST + units.len().max(1) as u16 - 1, 16)?;
    sheet.set_freeze_panes(HEADER + 1, FIRST)?;
    let mut r = HEADER;
    for ind in rs.indicators() {
        let (dim, i) = (ind.dimension, ind.indicator);
        let copies = if dim.per_product { rs.products.max(1) } else { 1 };
        let allowed: Vec<String> = if i.levels_only {
            i.levels.iter().map(|l| l.value.to_string()).collect()
        } else {
            (i.min..=i.max).map(|v| v.to_string()).collect()
        };
        let shown = if i.fractional { format!("{}–{}", i.min, i.max) } else { allowed.join(", ") };
        let rule = if i.fractional || allowed.len() > 12 {
            DataValidation::new().allow_decimal_number(DataValidationRule::Between(i.min as f64, i.max as f64))
        } else {
            DataValidation::new().allow_list_strings(&allowed)?
        }
        .set_error_message(shown.clone())?;
        let described: Vec<String> = i
            .levels
            .iter()
            .map(|l| {
                let name = if l.label.is_empty() { l.value.to_string() } else { format!("{} ({})", l.value, l.label) };
                format!("{name}: {}", lang.pick(&l.text, &l.text_en))
            })
            .collect();
        for p in 0..copies {
            r += 1;
            sheet.write_string(r, 0, ind.key())?;
            sheet.write_string(r, 1, lang.pick(&dim.name, &dim.name_en))?;
            sheet.write_string(r, 2, lang.pick(&i.name, &i.name_en))?;
            if dim.per_product {
                sheet.write_number(r, 3, (p + 1) as f64)?;
            }
            sheet.write_string(r, 4, &shown)?;
            if !described.is_empty() {
                sheet.insert_note(r, 2, &Note::new(described.join("\n")).set_author("Rapor").set_width(420).set_height(200))?;
            }
            if !units.is_empty() {
                sheet.add_data_validation(r, FIRST, r, FIRST + units.len() as u16 - 1, &rule)?;
            }
            for (j, u) in units.iter().enumerate() {
                let Entry::Indicators(m) = &u.entry else { continue };
                let value = match m.get(&ind.key()) {
                    Some(Values::One(x)) => *x,
                    Some(Values::PerProduct(xs)) => xs.get(p).copied().flatten(),
                    _ => None,
                };
                if let Some(x) = value {
                    sheet.write_number(r, FIRST + j as u16, num(x))?;
                }
            }
        }
    }
    Ok(())
}
