//! The Excel workbook: a summary sheet, one sheet per unit, and the plan. Numbers are
//! stored as numbers (two decimals shown; step gains four), so they can be summed and
//! charted in Excel; then the import template's two sheets, filled. Built only into the
//! `rapor-xlsx` worker (rust_xlsxwriter is large).

use super::{fit, sheet_name};
use crate::engine::exact::Ratio;
use crate::engine::number::RoundingMode;
use crate::engine::plan::{Plan, Status};
use crate::engine::score::Level;
use crate::engine::{Outcome, Ruleset};
use crate::form::{Form, Mode, Reading};
use crate::text::report::{sheet as word, Sheet};
use crate::text::Lang;
use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use super::template::num;

fn ratio(r: Ratio, places: u32) -> f64 {
    r.round(places, RoundingMode::HalfUp).map(num).unwrap_or(0.0)
}

/// A label and its value on the next row.
fn pair(sheet: &mut Worksheet, row: &mut u32, label: &str, value: &str) -> Result<(), XlsxError> {
    sheet.write_string(*row, 0, label)?;
    sheet.write_string(*row, 1, fit(value))?;
    *row += 1;
    Ok(())
}

pub fn workbook(
    form: &Form,
    reading: &Reading,
    outcome: &Outcome,
    plan: Option<&Plan>,
    base: &Ruleset,
    lang: Lang,
    date: &str,
) -> Result<Vec<u8>, XlsxError> {
    let w = |s: Sheet| word(lang, s);
    let pick = |id: &str, en: &str| lang.pick(id, en).to_string();
    let bold = Format::new().set_bold();
    let two = Format::new().set_num_format("0.00");
    let four = Format::new().set_num_format("0.0000");
    let rs = &reading.ruleset;
    let mut book = Workbook::new();

    // Summary.
    let sheet = book.add_worksheet();
    sheet.set_name(w(Sheet::Summary))?;
    sheet.set_column_width(0, 28)?;
    sheet.set_column_width(1, 40)?;
    sheet.write_string_with_format(0, 0, "Rapor", &bold)?;
    let mut row = 1;
    pair(sheet, &mut row, w(Sheet::Pemda), &form.pemda)?;
    pair(sheet, &mut row, w(Sheet::Date), date)?;
    pair(sheet, &mut row, w(Sheet::Method), &pick(&base.title, &base.title_en))?;
    if let Some(a) = &outcome.aggregate {
        sheet.write_string(row, 0, w(Sheet::Score))?;
        sheet.write_number_with_format(row, 1, num(a.rounded), &two)?;
        row += 1;
        pair(sheet, &mut row, w(Sheet::Category), &a.grade.category)?;
        pair(sheet, &mut row, w(Sheet::Opinion), &pick(&a.grade.opini, &a.grade.opini_en))?;
        pair(sheet, &mut row, w(Sheet::Zone), &a.grade.zone)?;
    }
    let changed: Vec<String> = reading.changed.iter().map(|c| format!("{}: {} → {}", c.field, c.published, c.current)).collect();
    pair(sheet, &mut row, w(Sheet::ChangedAssumptions), &if changed.is_empty() { "—".to_string() } else { changed.join("; ") })?;
    if !outcome.excluded.is_empty() {
        pair(sheet, &mut row, w(Sheet::LeftOut), &outcome.excluded.join(", "))?;
    }
    row += 1;
    let header: Vec<String> = [w(Sheet::Unit), w(Sheet::Score), w(Sheet::Category), w(Sheet::Zone)]
        .iter()
        .map(|s| s.to_string())
        .chain(rs.dimensions.iter().map(|d| pick(&d.name, &d.name_en)))
        .collect();
    for (c, h) in header.iter().enumerate() {
        sheet.write_string_with_format(row, c as u16, h.as_str(), &bold)?;
    }
    for u in &outcome.units {
        row += 1;
        sheet.write_string(row, 0, fit(&u.name))?;
        sheet.write_number_with_format(row, 1, num(u.rounded), &two)?;
        sheet.write_string(row, 2, &u.grade.category)?;
        sheet.write_string(row, 3, &u.grade.zone)?;
        for (i, d) in u.dimensions.iter().enumerate() {
            sheet.write_number_with_format(row, 4 + i as u16, ratio(d.contribution, 2), &two)?;
        }
    }

    // One sheet per unit with data.
    for u in &outcome.units {
        let sheet = book.add_worksheet();
        sheet.set_name(sheet_name(u.index, &u.name))?;
        sheet.set_column_width(0, 24)?;
        sheet.set_column_width(1, 48)?;
        sheet.write_string_with_format(0, 0, fit(&u.name), &bold)?;
        sheet.write_string(1, 0, w(Sheet::Score))?;
        sheet.write_number_with_format(1, 1, num(u.rounded), &two)?;
        sheet.write_string(2, 0, w(Sheet::Category))?;
        sheet.write_string(2, 1, &u.grade.category)?;
        let mut row = 4;
        if u.level != Level::Score {
            for (c, h) in [w(Sheet::Dimension), w(Sheet::DimensionScore), w(Sheet::Contribution)].iter().enumerate() {
                sheet.write_string_with_format(row, c as u16, *h, &bold)?;
            }
            for (d, dim) in rs.dimensions.iter().zip(&u.dimensions) {
                row += 1;
                sheet.write_string(row, 0, pick(&d.name, &d.name_en))?;
                sheet.write_number_with_format(row, 1, num(dim.rounded), &two)?;
                sheet.write_number_with_format(row, 2, ratio(dim.contribution, 2), &two)?;
            }
            row += 2;
        }
        let fu = &form.units[u.index];
        if fu.mode == Mode::Indicators {
            for (c, h) in [w(Sheet::Dimension), w(Sheet::Indicator), w(Sheet::Product), w(Sheet::Level), w(Sheet::Max)].iter().enumerate() {
                sheet.write_string_with_format(row, c as u16, *h, &bold)?;
            }
            for r in rs.indicators() {
                let texts = fu.levels.get(&r.key());
                let copies = if r.dimension.per_product { fu.products } else { 1 };
                for p in 0..copies {
                    row += 1;
                    sheet.write_string(row, 0, pick(&r.dimension.name, &r.dimension.name_en))?;
                    sheet.write_string(row, 1, pick(&r.indicator.name, &r.indicator.name_en))?;
                    if r.dimension.per_product {
                        sheet.write_number(row, 2, (p + 1) as f64)?;
                    }
                    match texts.and_then(|t| t.get(p)).and_then(|t| t.trim().parse::<f64>().ok()) {
                        Some(level) => sheet.write_number(row, 3, level)?,
                        None => sheet.write_string(row, 3, "—")?,
                    };
                    sheet.write_number(row, 4, r.indicator.max as f64)?;
                }
            }
        }
    }

    // The plan.
    if let Some(plan) = plan {
        let sheet = book.add_worksheet();
        sheet.set_name(w(Sheet::Plan))?;
        sheet.set_column_width(0, 24)?;
        sheet.set_column_width(1, 44)?;
        let status = match plan.status {
            Status::Planned => w(Sheet::Planned),
            Status::AlreadyThere | Status::AtTop => w(Sheet::AtTop),
            Status::Unreachable => w(Sheet::Unreachable),
        };
        sheet.write_string(0, 0, w(Sheet::Status))?;
        sheet.write_string(0, 1, status)?;
        sheet.write_string(1, 0, w(Sheet::Target))?;
        sheet.write_string(1, 1, plan.target.clone().unwrap_or_default())?;
        sheet.write_string(2, 0, w(Sheet::ScoreNow))?;
        sheet.write_number_with_format(2, 1, num(plan.score_before), &two)?;
        if let Some(t) = plan.threshold {
            sheet.write_string(3, 0, w(Sheet::Threshold))?;
            sheet.write_number_with_format(3, 1, num(t), &two)?;
        }
        if let Some(n) = plan.points_needed {
            sheet.write_string(4, 0, w(Sheet::PointsNeeded))?;
            sheet.write_number_with_format(4, 1, num(n), &two)?;
        }
        sheet.write_string(5, 0, w(Sheet::ScoreAfter))?;
        sheet.write_number_with_format(5, 1, num(plan.best_reachable.unwrap_or(plan.score_after)), &two)?;
        let mut row = 7;
        for (c, h) in
            [w(Sheet::Unit), w(Sheet::Indicator), w(Sheet::Product), w(Sheet::From), w(Sheet::To), w(Sheet::Gain)].iter().enumerate()
        {
            sheet.write_string_with_format(row, c as u16, *h, &bold)?;
        }
        for s in &plan.steps {
            row += 1;
            let name = super::step_name(rs, s, lang);
            sheet.write_string(row, 0, fit(&s.unit))?;
            sheet.write_string(row, 1, name)?;
            if let Some(p) = s.product {
                sheet.write_number(row, 2, p as f64)?;
            }
            match &s.responses {
                // Answer counts per answer, lowest first: "0/0/30/0" → "0/0/12/18".
                Some(r) => {
                    let counts = |c: &[u32]| c.iter().map(u32::to_string).collect::<Vec<_>>().join("/");
                    sheet.write_string(row, 3, counts(&r.before))?;
                    sheet.write_string(row, 4, counts(&r.after))?;
                }
                None => {
                    sheet.write_number(row, 3, num(s.from))?;
                    sheet.write_number(row, 4, num(s.to))?;
                }
            }
            sheet.write_number_with_format(row, 5, ratio(s.gain, 4), &four)?;
        }
    }
    // The import template's sheets, filled: the workbook imports back (`form::book`).
    let mut entered = form.clone();
    for u in &form.units {
        if u.mode == Mode::Points {
            // Dimension scores, exactly where they can be (as the widget's switch does).
            entered.set_mode(u.key, Mode::Dimensions, base, false);
        }
    }
    super::template::add_sheets(&mut book, base, &entered.read(base).scenario.units, form.baseline.as_ref(), lang)?;
    book.save_to_buffer()
}
