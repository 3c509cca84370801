//! A unit's entry cells as the units grid shows them — a total, or one cell per
//! dimension (score or points), and the unit's own Kepercayaan Masyarakat where the
//! method scores it per unit — and a block pasted from a spreadsheet filling them; and
//! the level pickers of a unit's indicator sheet, in order, for a pasted column.

use super::{Form, FormUnit, Mode};
use crate::engine::Ruleset;

/// One entry cell of a unit's row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    Score,
    /// A dimension's 0–100 score.
    Dimension(String),
    /// A dimension's weighted points.
    Points(String),
    Trust,
}

impl Cell {
    /// The form's name for the field (what its problems carry): "score", "dim-proses".
    pub fn field(&self) -> String {
        match self {
            Cell::Score => "score".into(),
            Cell::Dimension(d) => format!("dim-{d}"),
            Cell::Points(d) => format!("pts-{d}"),
            Cell::Trust => "trust".into(),
        }
    }

    pub fn text<'a>(&self, u: &'a FormUnit) -> &'a str {
        match self {
            Cell::Score => &u.score,
            Cell::Dimension(d) => u.dims.get(d).map_or("", String::as_str),
            Cell::Points(d) => u.points.get(d).map_or("", String::as_str),
            Cell::Trust => &u.trust,
        }
    }

    pub fn set(&self, u: &mut FormUnit, text: String) {
        match self {
            Cell::Score => u.score = text,
            Cell::Dimension(d) => {
                u.dims.insert(d.clone(), text);
            }
            Cell::Points(d) => {
                u.points.insert(d.clone(), text);
            }
            Cell::Trust => u.trust = text,
        }
    }
}

/// The cells of a unit entered in `mode`, in the order Tab walks them. A unit entered
/// by indicators keeps those in its sheet; only its trust (2025) sits in the row.
pub fn cells(rs: &Ruleset, mode: Mode) -> Vec<Cell> {
    let mut out: Vec<Cell> = match mode {
        Mode::Score => return vec![Cell::Score],
        Mode::Dimensions => rs.dimensions.iter().map(|d| Cell::Dimension(d.id.clone())).collect(),
        Mode::Points => rs.dimensions.iter().map(|d| Cell::Points(d.id.clone())).collect(),
        Mode::Indicators => Vec::new(),
    };
    // A total already holds Kepercayaan Masyarakat; every other level takes it apart.
    if rs.trust.is_some() {
        out.push(Cell::Trust);
    }
    out
}

/// A block copied from Excel or LibreOffice: rows on line breaks, cells on tabs, each
/// cell trimmed; the line break a spreadsheet puts after the last row is dropped.
pub fn block(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_suffix('\n').unwrap_or(text);
    let text = text.strip_suffix('\r').unwrap_or(text);
    text.split('\n').map(|line| line.strip_suffix('\r').unwrap_or(line).split('\t').map(|c| c.trim().to_string()).collect()).collect()
}

/// Whether pasted text is a block (more than one cell) rather than one value.
pub fn is_block(text: &str) -> bool {
    let t = text.trim_end_matches(['\r', '\n']);
    t.contains('\t') || t.contains('\n')
}

/// The level pickers of a unit's indicator sheet in the order it shows them: each
/// indicator of each dimension, once per observed product where the dimension is
/// observed per product. `(indicator key, product)`.
pub fn level_cells(rs: &Ruleset, products: usize) -> Vec<(String, usize)> {
    rs.dimensions
        .iter()
        .flat_map(|d| {
            let copies = if d.per_product { products } else { 1 };
            d.indicators.iter().flat_map(move |i| (0..copies).map(move |p| (format!("{}.{}", d.id, i.id), p)))
        })
        .collect()
}

impl Form {
    /// A column pasted into a unit's indicator sheet at picker `from` (`level_cells`):
    /// one level per line, down the sheet; cells past its end are left out. Each lands
    /// as typed, so a level off the scale is flagged at its picker.
    pub fn paste_levels(&mut self, rs: &Ruleset, key: u32, from: usize, column: &[String]) {
        let Some(products) = self.unit(key).map(|u| u.products) else { return };
        for ((indicator, product), text) in level_cells(rs, products).into_iter().skip(from).zip(column) {
            self.set_level(key, &indicator, product, text.clone());
        }
    }

    /// Sets one cell of unit `key` (the one way typing and pasting change a cell).
    pub fn set_cell(&mut self, key: u32, cell: &Cell, text: String) {
        if let Some(u) = self.unit_mut(key) {
            cell.set(u, text);
        }
    }

    /// Fills the grid from unit `row`'s cell `col` down and across, as a spreadsheet
    /// does: one block row per unit, adding units (named `Unit n`, entered like the
    /// first) when the block is longer; cells past a row's end are left out. Every cell
    /// lands as typed text, so a bad one is flagged in place and the rest still counts.
    /// Returns how many units were added.
    pub fn paste(&mut self, rs: &Ruleset, row: usize, col: usize, block: &[Vec<String>]) -> usize {
        let Some(mode) = self.units.get(row).map(|u| u.mode) else { return 0 };
        let mut added = 0;
        for (i, values) in block.iter().enumerate() {
            let r = row + i;
            if r == crate::engine::limits::MAX_UNITS {
                break; // the rest of a longer block is left out, as past a row's end
            }
            if r == self.units.len() {
                let n = r + 1;
                let key = self.add_unit(&format!("Unit {n}"), rs.products);
                if let Some(u) = self.unit_mut(key) {
                    u.mode = mode;
                }
                added += 1;
            }
            let u = self.unit_at_mut(r);
            let row_cells = cells(rs, u.mode);
            for (cell, text) in row_cells.iter().skip(col).zip(values) {
                cell.set(u, text.clone());
            }
        }
        added
    }
}
