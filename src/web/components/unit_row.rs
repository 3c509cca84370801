//! One sampled unit as a row of the units grid: its name, how it is entered, its entry
//! cells (a total, or one cell per dimension, plus its own Kepercayaan Masyarakat in
//! 2025), its result, and a menu for the rest (sector, order, duplicate, remove). Unit
//! by indicators opens its sheet under the row. Keys move through the grid as in a
//! spreadsheet (`session::grid`); names, entry levels and menus stay out of the Tab
//! order so Tab walks the numbers.

use super::fields::Shown;
use super::indicator_grid::IndicatorGrid;
use crate::engine::baseline::BaselineUnit;
use crate::engine::scenario::TOTAL;
use crate::engine::{Ruleset, UnitOutcome};
use crate::form::cells::{block, cells, is_block, Cell};
use crate::form::{FormUnit, Mode};
use crate::session::grid::{next_cell, GridKey, GridTarget};
use crate::text::{t, Lang, Text};
use crate::web::state::{Action, RulesetRef};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// How many entry cells a unit entered in `mode` has in its row.
pub fn entry_cells(rs: &Ruleset, mode: Mode) -> usize {
    cells(rs, mode).len()
}

/// Only what this row shows, so an edit to one unit re-renders that unit alone.
#[derive(Properties, PartialEq)]
pub struct UnitRowProps {
    pub instance: AttrValue,
    pub lang: Lang,
    pub unit: Rc<FormUnit>,
    pub ruleset: RulesetRef,
    pub outcome: Option<UnitOutcome>,
    /// Last year's result of the unit of this name, when there is a baseline.
    pub baseline: Option<BaselineUnit>,
    /// This unit's field problems, worded.
    pub errors: Vec<Shown>,
    pub position: usize,
    pub count: usize,
    /// Entry cells of every unit, top to bottom (for Enter and the arrows).
    pub cells: Rc<Vec<usize>>,
    pub ondispatch: Callback<Action>,
}

/// The change from last year: the unit's score, and each dimension both years have.
fn baseline_change(p: &UnitRowProps, o: &UnitOutcome) -> Html {
    let (Some(b), lang) = (&p.baseline, p.lang) else { return html! {} };
    let rs = &p.ruleset.0;
    let dims: Vec<String> = o
        .dimensions
        .iter()
        .filter(|d| d.entered)
        .filter_map(|d| {
            let then = b.dimensions.get(&d.id)?;
            let name = rs.dimensions.iter().find(|x| x.id == d.id).map_or(d.id.as_str(), |x| lang.pick(&x.name, &x.name_en));
            Some(format!("{name} {}", crate::text::change_from(lang, d.rounded, *then)))
        })
        .collect();
    html! { <>
        if let Some(then) = b.score {
            <span class="rapor-hint rapor-row-change" data-testid="unit-baseline-delta">
                <span class="rapor-visually-hidden">{ t(lang, Text::ComparedWith) }{ ": " }</span>
                { crate::text::change_from(lang, o.rounded, then) }
            </span>
        }
        if !dims.is_empty() {
            <span class="rapor-hint rapor-row-change" data-testid="unit-baseline-dims">{ dims.join(" · ") }</span>
        }
    </> }
}

/// One entry cell as the row shows it.
struct RowCell {
    cell: Cell,
    field: String,
    testid: String,
    label: String,
}

#[component]
pub fn UnitRow(p: &UnitRowProps) -> Html {
    let lang = p.lang;
    let u = &p.unit;
    let key = u.key;
    let row = p.position;
    let id = |x: &str| format!("{}-u{key}-{x}", p.instance);
    let d = &p.ondispatch;
    let named = |text: Text| format!("{} {}", t(lang, text), u.name);
    let cells = row_cells(p);
    // The row menu's controls are built when it is first opened: closed, it is half the
    // elements of a row, and building the page is most of a phone's wait for it.
    let menu_open = use_state(|| false);
    let keys = {
        let all = p.cells.clone();
        Callback::from(move |(e, col): (KeyboardEvent, usize)| on_key(&e, &all, row, col))
    };

    html! {
        <li class={classes!("rapor-row", (u.mode == Mode::Indicators).then_some("rapor-row-open"))} data-testid="unit">
            <div class="rapor-row-main">
                <span class="rapor-row-n" aria-hidden="true">{ row + 1 }</span>
                <input id={id("name")} class="rapor-row-name" type="text" data-testid="unit-name" data-name-row={row.to_string()}
                    aria-label={format!("{} {}", t(lang, Text::UnitName), row + 1)} value={u.name.clone()} tabindex="-1" autocomplete="off" maxlength={crate::engine::limits::MAX_NAME.to_string()}
                    oninput={d.reform(move |e: InputEvent| Action::Rename(key, e.target_unchecked_into::<HtmlInputElement>().value()))}
                    onkeydown={Callback::from(move |e: KeyboardEvent| leave_name(&e, row))} />
                <select id={id("mode")} class="rapor-row-mode" data-testid="unit-mode" tabindex="-1" aria-label={named(Text::UnitMode)}
                    data-mode-row={row.to_string()} onkeydown={Callback::from(move |e: KeyboardEvent| leave_mode(&e, row))}
                    onchange={d.reform(move |e: Event| Action::SetMode(key, Mode::parse(&e.target_unchecked_into::<HtmlSelectElement>().value()).unwrap_or_default()))}>
                    { for [(Mode::Score, Text::ModeScore), (Mode::Dimensions, Text::ModeDimensions), (Mode::Points, Text::ModePoints), (Mode::Indicators, Text::ModeIndicators)]
                        .into_iter().map(|(m, label)| html! { <option value={m.as_str()} selected={u.mode == m}>{ t(lang, label) }</option> }) }
                </select>
                <div class="rapor-row-cells">
                    { for cells.iter().enumerate().map(|(col, c)| {
                        let error = p.errors.iter().find(|e| e.field == c.field);
                        let cell_id = id(&c.field);
                        let keys = keys.clone();
                        let cell = c.cell.clone();
                        let oninput = d.reform(move |e: InputEvent| edit(&cell, key, e.target_unchecked_into::<HtmlInputElement>().value()));
                        let onpaste = d.reform(move |e: Event| paste(&e, key, col));
                        html! {
                            <div class="rapor-cell">
                                // A lone total needs no label over every row: the grid's heading
                                // says what the numbers are; screen readers still get it.
                                <label for={cell_id.clone()} class={(c.cell == Cell::Score).then_some("rapor-visually-hidden")}>{ &c.label }</label>
                                <input id={cell_id.clone()} type="text" inputmode="decimal" autocomplete="off" data-testid={c.testid.clone()}
                                    data-row={row.to_string()} data-col={col.to_string()} value={c.cell.text(u).to_string()}
                                    aria-invalid={if error.is_some() { "true" } else { "false" }}
                                    aria-describedby={error.map(|_| format!("{cell_id}-err"))}
                                    {oninput} {onpaste}
                                    onkeydown={move |e: KeyboardEvent| keys.emit((e, col))} />
                            </div>
                        }
                    }) }
                </div>
                <div class="rapor-row-result" data-testid="unit-result">
                    if let Some(o) = &p.outcome {
                        <span class={classes!("rapor-badge", format!("zone-{}", o.grade.zone))}>
                            { lang.num(o.rounded) }{ " · " }{ &o.grade.category }
                        </span>
                        if !o.range.is_one_value() {
                            <span class="rapor-hint" data-testid="unit-range" title={t(lang, Text::Range)}>
                                { format!("{}–{}", lang.num(o.range.low), lang.num(o.range.high)) }
                                if o.range.category_uncertain { { " ⚠" } }
                            </span>
                        }
                        { baseline_change(p, o) }
                    }
                </div>
                { row_menu(p, &menu_open) }
            </div>
            if !p.errors.is_empty() {
                <div class="rapor-row-errors">
                    { for p.errors.iter().filter(|e| cells.iter().any(|c| c.field == e.field)).map(|e| html! {
                        <p id={format!("{}-err", id(&e.field))} class="rapor-field-error" data-testid="field-error" role="alert">
                            { cells.iter().find(|c| c.field == e.field).map(|c| format!("{}: ", c.label)) }{ &e.message }
                        </p>
                    }) }
                </div>
            }
            if u.mode == Mode::Indicators {
                <div class="rapor-row-sheet">
                    <IndicatorGrid instance={p.instance.clone()} lang={lang} ruleset={p.ruleset.clone()} unit={u.clone()}
                        errors={p.errors.clone()} dimensions={p.outcome.as_ref().map(|o| o.dimensions.clone()).unwrap_or_default()}
                        ondispatch={d.clone()} />
                </div>
            }
            if let Some(o) = p.outcome.as_ref().filter(|o| !o.missing.is_empty()) {
                <p class="rapor-hint rapor-row-note">{ format!("{} {}", o.missing.len(), t(lang, Text::MissingCounted)) }</p>
            }
        </li>
    }
}

/// The row's entry cells (`form::cells`) with their labels and test hooks.
fn row_cells(p: &UnitRowProps) -> Vec<RowCell> {
    let (lang, u, rs) = (p.lang, &p.unit, &*p.ruleset);
    let dim = |id: &str| rs.dimension(id).map_or_else(|| id.to_string(), |d| lang.pick(&d.name, &d.name_en).to_string());
    cells(rs, u.mode)
        .into_iter()
        .map(|cell| {
            let label = match &cell {
                Cell::Score => t(lang, Text::UnitScore).to_string(),
                Cell::Dimension(id) => {
                    format!("{} {}%", dim(id), rs.dimension(id).map_or_else(String::new, |d| lang.num(rs.weight_percent(d.weight))))
                }
                // Each dimension gives up to its weight share of the maximum (Input 21,85).
                Cell::Points(id) => {
                    let top = rs
                        .dimension(id)
                        .and_then(|d| crate::engine::score::points_top(rs, d).ok())
                        .and_then(|(_, top)| top.round(2, crate::engine::number::RoundingMode::Down))
                        .unwrap_or_default();
                    format!("{} ≤ {}", dim(id), lang.num(top))
                }
                Cell::Trust => t(lang, Text::TrustShort).to_string(),
            };
            let field = cell.field();
            let testid = match cell {
                Cell::Score => "unit-score".to_string(),
                _ => field.clone(),
            };
            RowCell { cell, field, testid, label }
        })
        .collect()
}

/// Typing into a cell, as the action that sets it.
fn edit(cell: &Cell, key: u32, text: String) -> Action {
    match cell {
        Cell::Score => Action::SetScore(key, text),
        Cell::Dimension(d) => Action::SetDim(key, d.clone(), text),
        Cell::Points(d) => Action::SetPoints(key, d.clone(), text),
        Cell::Trust => Action::SetTrust(key, text),
    }
}

/// Sector, order, duplicate and remove: out of the typing path, one key (→ at the end
/// of the row) or one click away.
fn row_menu(p: &UnitRowProps, open: &UseStateHandle<bool>) -> Html {
    let (lang, u, d) = (p.lang, &p.unit, &p.ondispatch);
    let key = u.key;
    let named = |text: Text| format!("{} {}", t(lang, text), u.name);
    let sector_id = format!("{}-u{key}-sector", p.instance);
    let lock_id = format!("{}-u{key}-lock", p.instance);
    html! {
        <details class="rapor-row-menu" data-testid="unit-menu" ontoggle={
            let open = open.clone();
            Callback::from(move |e: Event| open.set(e.target_unchecked_into::<Element>().has_attribute("open")))
        }>
            // Built on the click that opens it, not on the toggle that follows: a Tab
            // pressed at once after Enter must find the controls already there.
            <summary tabindex="-1" data-menu-row={p.position.to_string()} aria-label={named(Text::UnitMenu)} title={t(lang, Text::UnitMenu)}
                onclick={ let open = open.clone(); Callback::from(move |_: MouseEvent| open.set(true)) }>
                <span aria-hidden="true">{ "⋯" }</span>
            </summary>
            if **open {
            <div class="rapor-row-menu-body">
                <div class="rapor-field">
                    <label for={sector_id.clone()}>{ t(lang, Text::Sector) }</label>
                    <input id={sector_id} type="text" data-testid="unit-sector" value={u.sector.clone()} autocomplete="off"
                        placeholder={t(lang, Text::SectorHint)}
                        oninput={d.reform(move |e: InputEvent| Action::SetSector(key, e.target_unchecked_into::<HtmlInputElement>().value()))} />
                </div>
                // Indicators lock one by one in their sheet; a total or dimensions at once.
                if u.mode != Mode::Indicators {
                    <div class="rapor-check">
                        <input type="checkbox" id={lock_id.clone()} data-testid="lock-unit" checked={u.locked.contains(TOTAL)}
                            onchange={d.reform(move |_: Event| Action::ToggleLock(key, TOTAL.to_string()))} />
                        <label for={lock_id}>{ t(lang, Text::LockUnit) }</label>
                    </div>
                }
                <div class="rapor-row-menu-actions">
                    <button type="button" aria-label={named(Text::MoveUp)} disabled={p.position == 0}
                        onclick={d.reform(move |e: MouseEvent| {
                            close_menu(&e);
                            Action::MoveUnit(key, -1)
                        })}>{ "↑ " }{ t(lang, Text::MoveUp) }</button>
                    <button type="button" aria-label={named(Text::MoveDown)} disabled={p.position + 1 == p.count}
                        onclick={d.reform(move |e: MouseEvent| {
                            close_menu(&e);
                            Action::MoveUnit(key, 1)
                        })}>{ "↓ " }{ t(lang, Text::MoveDown) }</button>
                    <button type="button" aria-label={named(Text::Duplicate)} data-testid="duplicate-unit"
                        onclick={d.reform(move |e: MouseEvent| {
                            close_menu(&e);
                            Action::Duplicate(key, t(lang, Text::CopySuffix).to_string())
                        })}>{ t(lang, Text::Duplicate) }</button>
                    <button type="button" class="rapor-remove" aria-label={named(Text::Remove)} data-testid="remove-unit"
                        onclick={d.reform(move |e: MouseEvent| {
                            close_menu(&e);
                            Action::RemoveUnit(key)
                        })}>{ "× " }{ t(lang, Text::Remove) }</button>
                </div>
            </div>
            }
        </details>
    }
}

/// A block pasted from a spreadsheet fills the grid from this cell (`Form::paste`);
/// one value pastes as usual. `Noop` leaves the browser's own paste alone.
fn paste(e: &Event, key: u32, col: usize) -> Action {
    let text = e.dyn_ref::<web_sys::ClipboardEvent>().and_then(|c| c.clipboard_data()).and_then(|d| d.get_data("text/plain").ok());
    match text {
        Some(text) if is_block(&text) => {
            e.prevent_default();
            Action::Paste { unit: key, col, block: block(&text) }
        }
        _ => Action::Noop,
    }
}

/// Closes the row menu a click came from: an action is done with it, and an open menu
/// would cover the rows below.
fn close_menu(e: &MouseEvent) {
    let el: Element = e.target_unchecked_into();
    if let Some(menu) = el.closest("details").ok().flatten() {
        let _ = menu.remove_attribute("open");
    }
}

/// Enter, Shift+Enter and the arrows in an entry cell (`session::grid`).
fn on_key(e: &KeyboardEvent, cells: &[usize], row: usize, col: usize) {
    let Some(key) = GridKey::parse(&e.key(), e.shift_key()) else { return };
    let input: HtmlInputElement = e.target_unchecked_into();
    let len = input.value().encode_utf16().count() as u32;
    let (start, end) = (input.selection_start().ok().flatten().unwrap_or(0), input.selection_end().ok().flatten().unwrap_or(len));
    // All of it selected (as after Enter): the arrows leave the cell at once.
    let all = start == 0 && end == len;
    let Some(target) = next_cell(cells, row, col, key, all || end == 0, all || start == len) else { return };
    let selector = match target {
        GridTarget::Cell { row, col } => format!("[data-row=\"{row}\"][data-col=\"{col}\"]"),
        // The row's head: its entry level first, its name one more ← away.
        GridTarget::Name(row) => format!("[data-mode-row=\"{row}\"]"),
        GridTarget::Menu(row) => format!("[data-menu-row=\"{row}\"]"),
        GridTarget::AddUnit => "[data-testid=\"add-unit\"]".into(),
    };
    if focus_in_widget(&input, &selector) {
        e.prevent_default();
    }
}

/// → at the end of a unit's name goes to its entry level.
fn leave_name(e: &KeyboardEvent, row: usize) {
    if e.key() != "ArrowRight" {
        return;
    }
    let input: HtmlInputElement = e.target_unchecked_into();
    let len = input.value().encode_utf16().count() as u32;
    if input.selection_end().ok().flatten() == Some(len) && focus_in_widget(&input, &format!("[data-mode-row=\"{row}\"]")) {
        e.prevent_default();
    }
}

/// ← and → on the entry level go to the name and to the first entry cell (↑ and ↓
/// keep choosing the level, as in any list box).
fn leave_mode(e: &KeyboardEvent, row: usize) {
    let selector = match e.key().as_str() {
        "ArrowLeft" => format!("[data-name-row=\"{row}\"]"),
        "ArrowRight" => format!("[data-row=\"{row}\"][data-col=\"0\"]"),
        _ => return,
    };
    let el: Element = e.target_unchecked_into();
    if focus_in_widget(&el, &selector) {
        e.prevent_default();
    }
}

/// Focuses the first element matching `selector` in the widget around `from` (two
/// widgets on one page never steal each other's focus) and selects a cell's text, so
/// typing replaces it as in a spreadsheet.
fn focus_in_widget(from: &Element, selector: &str) -> bool {
    let Some(el) = from.closest(".rapor").ok().flatten().and_then(|root| root.query_selector(selector).ok().flatten()) else {
        return false;
    };
    let Ok(el) = el.dyn_into::<HtmlElement>() else { return false };
    let _ = el.focus();
    if let Some(input) = el.dyn_ref::<HtmlInputElement>() {
        input.select();
    }
    true
}
