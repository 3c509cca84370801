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
