//! The widget's side of `rapor-early.js`, the first screen Rapor's own page shows while
//! the module downloads: the files it already fetched are taken from it instead of
//! asked for again, and its fields are taken over — what was typed, the focus, the caret.

use js_sys::{Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlElement, HtmlInputElement};

/// `window.raporEarly`, when the early script ran.
fn early() -> Option<JsValue> {
    Reflect::get(&gloo::utils::window(), &"raporEarly".into()).ok().filter(|v| v.is_object())
}

/// Called as the widget starts on Rapor's own page: should the early script not have
/// run yet (the module came first, as on a fast connection), it now does nothing at all
/// — no second fetch of the methods, no screen over the widget.
pub fn claim() {
    if early().is_none() {
        let mark = js_sys::Object::new();
        let _ = Reflect::set(&mark, &"files".into(), &js_sys::Object::new());
        let _ = Reflect::set(&mark, &"gone".into(), &JsValue::TRUE);
        let _ = Reflect::set(&gloo::utils::window(), &"raporEarly".into(), &mark);
    }
}

/// `raporEarly[list][file]`, taken out of the list: each of the early script's files is
/// handed over once.
fn take(list: &str, file: &str) -> Option<JsValue> {
    let list = Reflect::get(&early()?, &list.into()).ok().filter(|v| v.is_object())?;
    let value = Reflect::get(&list, &file.into()).ok().filter(|v| !v.is_undefined())?;
    let _ = Reflect::delete_property(list.unchecked_ref::<js_sys::Object>(), &file.into());
    Some(value)
}

/// The early script's fetch of `file` (a build file's bare name), taken once: should it
/// fail, or the widget ask again (its "try again"), the widget fetches it itself.
pub fn fetched(file: &str) -> Option<Promise> {
    take("files", file)?.dyn_into::<Promise>().ok()
}

/// The text of `file` when the early script's fetch of it has arrived already, taken
/// once (its promise with it): the widget then starts without waiting on a promise.
pub fn text(file: &str) -> Option<String> {
    let text = take("texts", file)?.as_string()?;
    // Its promise goes with it: the widget never waits on it, nor fetches the file again.
    let _ = take("files", file);
    Some(text)
}

/// The engine's worker the early script started (its glue already imported, or on its
/// way), taken once; `None` when there is none or its script failed to load. Either
/// way the script starts none after this: the widget has its engine worker.
pub fn worker() -> Option<web_sys::Worker> {
    let e = early()?;
    let w = Reflect::get(&e, &"worker".into()).ok().and_then(|w| w.dyn_into::<web_sys::Worker>().ok());
    let _ = Reflect::set(&e, &"worker".into(), &JsValue::NULL);
    w
}

/// Where the widget mounts on Rapor's own page: `root` itself, or, while the early screen
/// is on it, a new element after the screen. Yew empties the element it mounts into, and
/// the screen must stay, with its focus and caret, until the widget can take it over.
/// (Taking the screen out and putting it back lost the focus, and giving it back cost the
/// browser a layout of the page: about 15 ms on a slow phone, before the first plan.)
pub fn mount_point(root: &Element) -> Element {
    let beside = root.query_selector("[data-rapor-early]").ok().flatten().and_then(|_| {
        let el = gloo::utils::document().create_element("div").ok()?;
        root.append_child(&el).ok()?;
        Some(el)
    });
    beside.unwrap_or_else(|| root.clone())
}

/// What was typed on the early screen.
pub struct Typed {
    /// The method the screen showed.
    pub ruleset: String,
    /// Each unit's total as typed, top to bottom.
    pub totals: Vec<String>,
}

thread_local! {
    /// The early screen's focused field (its row) and selection, until the widget's own
    /// field of that row is on the page to take them.
    static FOCUS: std::cell::Cell<Option<(usize, u32, u32)>> = const { std::cell::Cell::new(None) };
    /// The totals `read` found, while the screen stays on the page (`release`).
    static READ: std::cell::RefCell<Option<Vec<String>>> = const { std::cell::RefCell::new(None) };
}

/// The early screen's totals, top to bottom; with `focus`, where its focus and caret are
/// (for `refocus`).
fn totals(screen: &Element, focus: bool) -> Vec<String> {
    let active = gloo::utils::document().active_element();
    let mut totals = Vec::new();
    let Ok(fields) = screen.query_selector_all("input[data-early-row]") else { return totals };
    for i in 0..fields.length() {
        let Some(input) = fields.item(i).and_then(|n| n.dyn_into::<HtmlInputElement>().ok()) else { continue };
        if focus && active.as_ref().is_some_and(|a| a == input.unchecked_ref::<Element>()) {
            let end = input.value().encode_utf16().count() as u32;
            let start = input.selection_start().ok().flatten().unwrap_or(end);
            FOCUS.with(|f| f.set(Some((totals.len(), start, input.selection_end().ok().flatten().unwrap_or(end)))));
        }
        totals.push(input.value());
    }
    totals
}

fn screen() -> Option<Element> {
    gloo::utils::document().query_selector("[data-rapor-early]").ok()?
}

/// What was typed on the early screen, read as the widget starts; `None` when it was
/// never shown. The screen stays, and takes keystrokes, until `release`: the widget
/// may wait for its first plan before it shows (`app::Widget`). Either way the early
/// script shows nothing after this.
pub fn read() -> Option<Typed> {
    if let Some(e) = early() {
        let _ = Reflect::set(&e, &"gone".into(), &JsValue::TRUE);
    }
    let screen = screen()?;
    let typed = Typed { ruleset: screen.get_attribute("data-rapor-early").unwrap_or_default(), totals: totals(&screen, false) };
    READ.with(|r| *r.borrow_mut() = Some(typed.totals.clone()));
    Some(typed)
}

/// Whether the early screen is still up after `read`, waiting for `release`.
pub fn reading() -> bool {
    READ.with(|r| r.borrow().is_some())
}

/// Takes the early screen off the page (the widget draws its own fields in this same
/// task) and returns each total typed there since `read`, by row: the widget takes those
/// as edits. Nothing when the screen is gone already.
pub fn release() -> Vec<(usize, String)> {
    let Some(before) = READ.with(|r| r.borrow_mut().take()) else { return Vec::new() };
    let Some(screen) = screen() else { return Vec::new() };
    let now = totals(&screen, true);
    screen.remove();
    now.into_iter().enumerate().filter(|(row, total)| before.get(*row) != Some(total)).collect()
}

/// Puts the focus and caret where they were on the early screen, in the widget's own
/// field of that row.
pub fn refocus(root: &Element) {
    let Some((row, start, end)) = FOCUS.with(|f| f.take()) else { return };
    let selector = format!("[data-row=\"{row}\"][data-col=\"0\"]");
    if let Some(input) = root.query_selector(&selector).ok().flatten().and_then(|e| e.dyn_into::<HtmlInputElement>().ok()) {
        let _ = input.unchecked_ref::<HtmlElement>().focus();
        let _ = input.set_selection_range(start, end);
    }
}
