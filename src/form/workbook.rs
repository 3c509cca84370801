//! An Excel workbook (.xlsx) as sheets of text rows, for `table` to read as it reads a
//! CSV file. Read with `calamine`, a maintained reader (the format's zip, shared
//! strings and cell types have many corners), cell by cell rather than as one dense
//! range, so a workbook with a single far-away cell (XFD1048576) costs nothing.
//! Built into the `rapor-xlsx` worker only, never the page's first load.

use crate::engine::error::{InputError, Problem, Says};
use calamine::{Data, Reader, Xlsx};
use std::io::Cursor;

/// One sheet: its name, and its cells as text, row by row from A1 (a number as Excel
/// holds it, "80.19"; text as typed, "80,19").
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub name: String,
    pub rows: Vec<Vec<String>>,
}

/// Cells beyond these are not read: far more than any template (200 units, 2 000
/// indicator rows), and a bound on what a hostile workbook can make the worker hold.
const MAX_ROWS: u32 = 5_000;
const MAX_COLUMNS: u32 = 512;

/// The sheets of an .xlsx file, in the workbook's order. A file that is not a workbook
/// (or a damaged one) is refused with what the reader said.
pub fn sheets(bytes: &[u8]) -> Result<Vec<Sheet>, InputError> {
    let unreadable = |e: calamine::XlsxError| InputError::new("", Problem::Says(Says::NotAWorkbook(e.to_string())));
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(unreadable)?;
    let mut out = Vec::new();
    for name in book.sheet_names() {
        let mut rows: Vec<Vec<String>> = Vec::new();
        let mut cells = book.worksheet_cells_reader(&name).map_err(unreadable)?;
        while let Some(cell) = cells.next_cell().map_err(unreadable)? {
            let (r, c) = cell.get_position();
            if r >= MAX_ROWS || c >= MAX_COLUMNS {
                continue;
            }
            let text = match Data::from(cell.get_value().clone()) {
                Data::Empty => continue,
                Data::String(s) => s,
                // The number Excel holds, in the shortest form that reads back exactly.
                Data::Float(f) => f.to_string(),
                other => other.to_string(),
            };
            let (r, c) = (r as usize, c as usize);
            if rows.len() <= r {
                rows.resize(r + 1, Vec::new());
            }
            if rows[r].len() <= c {
                rows[r].resize(c + 1, String::new());
            }
            rows[r][c] = text;
        }
        out.push(Sheet { name, rows });
    }
    Ok(out)
}
