//! How the keyboard moves through the units grid, as a spreadsheet user expects: Enter
//! (or ↓) to the same cell of the next unit, Shift+Enter (or ↑) back up; Tab walks the
//! entry cells only (the view keeps names, entry levels and row menus out of the Tab
//! order); ← at the start of a row's first cell reaches the unit's name, and → at the
//! end of its last cell the row's menu. Pure, so the host tests it.

/// A key the grid acts on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GridKey {
    Enter,
    ShiftEnter,
    Up,
    Down,
    Left,
    Right,
}

impl GridKey {
    /// From a `KeyboardEvent`'s `key` and Shift; `None` for keys the grid leaves alone.
    pub fn parse(key: &str, shift: bool) -> Option<GridKey> {
        Some(match (key, shift) {
            ("Enter", false) => GridKey::Enter,
            ("Enter", true) => GridKey::ShiftEnter,
            ("ArrowUp", _) => GridKey::Up,
            ("ArrowDown", _) => GridKey::Down,
            ("ArrowLeft", _) => GridKey::Left,
            ("ArrowRight", _) => GridKey::Right,
            _ => return None,
        })
    }
}

/// Where the focus goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GridTarget {
    /// Entry cell `col` of unit `row`.
    Cell { row: usize, col: usize },
    /// The name of unit `row`.
    Name(usize),
    /// The menu of unit `row`.
    Menu(usize),
    /// Below the last unit: the "add a unit" button.
    AddUnit,
}

/// The focus after `key` in cell `col` of unit `row`. `cells[r]` is how many entry cells
/// unit `r` has (0 for a unit whose entries are in its indicator sheet); `at_start` and
/// `at_end`: the caret is at that end of the text, so ← and → move the caret until
/// then. `None`: the key keeps its usual meaning.
pub fn next_cell(cells: &[usize], row: usize, col: usize, key: GridKey, at_start: bool, at_end: bool) -> Option<GridTarget> {
    // The nearest unit in `rows` with cells, at the same column or its last one.
    let land = |mut rows: Box<dyn Iterator<Item = usize>>| {
        rows.find(|&r| cells[r] > 0).map(|r| GridTarget::Cell { row: r, col: col.min(cells[r] - 1) })
    };
    match key {
        GridKey::Enter | GridKey::Down => land(Box::new(row + 1..cells.len())).or(Some(GridTarget::AddUnit)),
        GridKey::ShiftEnter | GridKey::Up => land(Box::new((0..row).rev())),
        GridKey::Left if at_start => Some(if col == 0 { GridTarget::Name(row) } else { GridTarget::Cell { row, col: col - 1 } }),
        GridKey::Right if at_end => {
            Some(if col + 1 >= cells[row] { GridTarget::Menu(row) } else { GridTarget::Cell { row, col: col + 1 } })
        }
        GridKey::Left | GridKey::Right => None,
    }
}
