//! One component per file.

pub mod chart;
pub mod fields;
pub mod indicator_grid;
pub mod keep_share;
pub mod notice_bar;
pub mod number_field;
pub mod offline;
pub mod plan_options;
pub mod plan_panel;
pub mod result_panel;
pub mod result_strip;
pub mod risk_panel;
pub mod ruleset_panel;
pub mod unit_row;
pub mod unit_table;
pub mod units_grid;

/// Today's date for a report or a workbook, in the page's language (`Lang::date`).
pub fn today(lang: crate::text::Lang) -> String {
    let now = js_sys::Date::new_0();
    lang.date(now.get_full_year() as i32, now.get_month() + 1, now.get_date())
}
