//! One component per file.

pub mod result_panel;
pub mod unit_row;
