//! A unit's indicators, dimension by dimension: one level picker per indicator (one per
//! product where the dimension is observed per product), level descriptions where the
//! ruleset has them, and a lock that keeps the planner away from an indicator. Each row
//! is its own component, so changing one level re-renders one row.

use super::fields::{field_error, Shown};
use crate::engine::number::RoundingMode;
use crate::engine::ruleset::Indicator;
use crate::engine::score::responses_mean;
use crate::form::{indicator_field as field_name, response_field, Form, FormUnit};
use crate::text::{t, Lang, Text};
use crate::web::state::{Action, RulesetRef};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct IndicatorGridProps {
    pub instance: AttrValue,
    pub lang: Lang,
    pub ruleset: RulesetRef,
    pub unit: std::rc::Rc<FormUnit>,
    pub errors: Vec<Shown>,
    /// The unit's dimensions as scored now, for each dimension's live subtotal.
    #[prop_or_default]
    pub dimensions: Vec<crate::engine::score::DimensionOutcome>,
    pub ondispatch: Callback<Action>,
}

#[component]
pub fn IndicatorGrid(p: &IndicatorGridProps) -> Html {
    let lang = p.lang;
    let u = &p.unit;
    let key = u.key;
    let d = &p.ondispatch;
    // Where the scale or the weights of the indicators are themselves assumptions, the
    // sheet says which, in the method's own words.
    let rubric: Vec<&str> = p
        .ruleset
        .assumptions
        .iter()
        .filter(|a| a.field.as_deref().is_some_and(|f| f.starts_with("indicators")))
        .map(|a| lang.pick(&a.text, &a.text_en))
        .collect();
    let onpaste = d.reform(move |e: Event| paste_levels(&e, key));
    html! {
        <div class="rapor-indicators" {onpaste}>
            <p class="rapor-hint rapor-sheet-keys">{ t(lang, Text::SheetKeys) }</p>
            if !rubric.is_empty() {
                <div class="rapor-note rapor-rubric" data-testid="rubric-assumed">
                    <strong>{ t(lang, Text::Assumptions) }{ ": " }</strong>
                    { for rubric.iter().map(|text| html! { <span>{ *text }{ " " }</span> }) }
                </div>
            }
            { for p.ruleset.dimensions.iter().enumerate().map(|(di, dim)| {
                let copies = if dim.per_product { u.products } else { 1 };
                // This dimension's first picker in the sheet's order (`form::cells::level_cells`).
                let first = p.ruleset.dimensions[..di].iter().map(|d| d.indicators.len() * if d.per_product { u.products } else { 1 }).sum::<usize>();
                html! {
                    <fieldset class="rapor-dim">
                        <legend>
                            { lang.pick(&dim.name, &dim.name_en) }{ format!(" ({}%)", lang.num(p.ruleset.weight_percent(dim.weight))) }
                            // Live: the dimension's score as its levels are set.
                            if let Some(o) = p.dimensions.iter().find(|o| o.id == dim.id && o.entered) {
                                <span class="rapor-subtotal" data-testid={format!("subtotal-{}", dim.id)}>{ " · " }{ lang.num(o.rounded) }</span>
                            }
                        </legend>
                        if dim.per_product {
                            <div class="rapor-products">
                                <span>{ format!("{}: {}", t(lang, Text::Product), u.products) }</span>
                                <button type="button" data-testid="add-product" onclick={d.reform(move |_: MouseEvent| Action::AddProduct(key))}
                                    disabled={u.products >= crate::form::MAX_PRODUCTS}>{ "+ " }{ t(lang, Text::AddProduct) }</button>
                                <button type="button" data-testid="remove-product" onclick={d.reform(move |_: MouseEvent| Action::RemoveProduct(key))}
                                    disabled={u.products <= 1}>{ "− " }{ t(lang, Text::RemoveProduct) }</button>
                            </div>
                        }
                        <table class="rapor-ind-table">
                            <thead><tr>
                                <th scope="col">{ t(lang, Text::ModeIndicators) }</th>
                                { for (0..copies).map(|c| html! {
                                    <th scope="col">{ if dim.per_product { format!("{} {}", t(lang, Text::Product), c + 1) } else { t(lang, Text::Score).to_string() } }</th>
                                }) }
                                <th scope="col">{ t(lang, Text::Lock) }</th>
                            </tr></thead>
                            <tbody>
                            { for dim.indicators.iter().enumerate().map(|(ii, ind)| {
                                let ikey = format!("{}.{}", dim.id, ind.id);
                                let (prefix, counts_prefix) = (format!("ind-{ikey}"), format!("resp:{ikey}:"));
                                html! {
                                    <IndicatorRow key={ikey.clone()} lang={lang} unit_key={key} ruleset={p.ruleset.clone()}
                                        dim={di} ind={ii} copies={copies} first={first + ii * copies}
                                        values={u.levels.get(&ikey).cloned().unwrap_or_default()}
                                        counts={u.responses.get(&ikey).cloned().unwrap_or_default()}
                                        by_counts={Form::by_counts(u, &ikey)}
                                        locked={u.locked.contains(&ikey)}
                                        errors={p.errors.iter().filter(|e| e.field.starts_with(&prefix) || e.field.starts_with(&counts_prefix)).cloned().collect::<Vec<_>>()}
                                        ondispatch={d.clone()} />
                                }
                            }) }
                            </tbody>
                        </table>
                    </fieldset>
                }
            }) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct IndicatorRowProps {
    pub lang: Lang,
    pub unit_key: u32,
    pub ruleset: RulesetRef,
    /// Positions of the dimension and the indicator in the ruleset.
    pub dim: usize,
    pub ind: usize,
    pub copies: usize,
    /// The position of this indicator's first picker in the sheet (for a pasted column).
    pub first: usize,
    /// The level texts, one per product.
    pub values: Vec<String>,
    /// Respondents per answer, lowest first, and whether they are what counts.
    pub counts: Vec<String>,
    pub by_counts: bool,
    pub locked: bool,
    pub errors: Vec<Shown>,
    pub ondispatch: Callback<Action>,
}

#[component]
pub fn IndicatorRow(p: &IndicatorRowProps) -> Html {
    let lang = p.lang;
    let key = p.unit_key;
    let dim = &p.ruleset.dimensions[p.dim];
    let ind = &dim.indicators[p.ind];
    let ikey = format!("{}.{}", dim.id, ind.id);
    let name = lang.pick(&ind.name, &ind.name_en).to_string();
    let lock_key = ikey.clone();
    let on_lock = p.ondispatch.reform(move |_: Event| Action::ToggleLock(key, lock_key.clone()));
    html! {
        <tr>
            <th scope="row">{ &name }</th>
            { for (0..p.copies).map(|c| {
                let product = dim.per_product.then_some(c);
                let field = field_name(&ikey, product);
                let value = p.values.get(c).cloned().unwrap_or_default();
                let error = field_error(&p.errors, &field);
                let label = if dim.per_product { format!("{name}, {} {}", t(lang, Text::Product), c + 1) } else { name.clone() };
                let k2 = ikey.clone();
                let invalid = if error.is_some() { "true" } else { "false" };
                // A mean (IKM) is typed, or given as answer counts; levels are picked.
                let entry = if ind.fractional && p.by_counts && product.is_none() {
                    counts_entry(p, ind, &ikey, &name)
                } else if ind.fractional {
                    let on = p.ondispatch.reform(move |e: InputEvent| Action::SetLevel(key, k2.clone(), c, e.target_unchecked_into::<HtmlInputElement>().value()));
                    html! {
                        <input type="text" inputmode="decimal" autocomplete="off" class="rapor-mean" aria-label={label} data-testid={field.clone()}
                            data-level={(p.first + c).to_string()}
                            value={value} oninput={on} aria-invalid={invalid} placeholder={format!("{}–{}", ind.min, ind.max)} />
                    }
                } else {
                    let on = p.ondispatch.reform(move |e: Event| Action::SetLevel(key, k2.clone(), c, e.target_unchecked_into::<HtmlSelectElement>().value()));
                    let keys = {
                        let (k4, range, letters) = (ikey.clone(), ind.min..=ind.max, ind.levels_only);
                        p.ondispatch.reform(move |e: KeyboardEvent| level_key(&e, key, &k4, c, range.clone(), letters))
                    };
                    html! {
                        <select aria-label={label} data-testid={field.clone()} onchange={on} onkeydown={keys} aria-invalid={invalid}
                            data-level={(p.first + c).to_string()} aria-keyshortcuts="0 1 2 3 4 5 6 7 8 9 L">
                            <option value="" selected={value.is_empty()}>{ t(lang, Text::NotEntered) }</option>
                            { for level_options(ind, lang).into_iter().map(|(lv, text)| html! {
                                <option value={lv.to_string()} selected={value == lv.to_string()}>{ text }</option>
                            }) }
                        </select>
                    }
                };
                let toggle = (ind.fractional && product.is_none()).then(|| {
                    let (k3, answers, on) = (ikey.clone(), usize::from(ind.max - ind.min) + 1, !p.by_counts);
                    html! {
                        <label class="rapor-check rapor-counts-toggle">
                            <input type="checkbox" checked={p.by_counts} data-testid={format!("counts-{ikey}")}
                                onchange={p.ondispatch.reform(move |_: Event| Action::SetByCounts(key, k3.clone(), answers, on))} />
                            { t(lang, Text::ByCounts) }
                        </label>
                    }
                });
                let count_errors = p.errors.iter().filter(|e| e.field.starts_with("resp:")).map(|e| e.message.clone());
                html! {
                    <td>
                        { entry }
                        if let Some(e) = error { <span class="rapor-field-error" role="alert">{ e }</span> }
                        if p.by_counts { { for count_errors.map(|e| html! { <span class="rapor-field-error" role="alert">{ e }</span> }) } }
                        { toggle.unwrap_or_default() }
                    </td>
                }
            }) }
            <td>
                // One click, or L on the indicator's level: out of the Tab path, which
                // walks the levels only.
                <input type="checkbox" checked={p.locked} onchange={on_lock} tabindex="-1"
                    aria-label={format!("{} {name}", t(lang, Text::Lock))} data-testid={format!("lock-{ikey}")} />
            </td>
        </tr>
    }
}

/// A level picker's keys: a digit sets that level and moves on to the next picker of
/// the sheet (a unit's 48 indicators in 48 keys), Delete clears it, Enter moves on, L
/// locks or unlocks the indicator. Letter grades (SAKIP) keep the list box's own keys.
fn level_key(e: &KeyboardEvent, key: u32, ikey: &str, product: usize, range: std::ops::RangeInclusive<u16>, letters: bool) -> Action {
    let k = e.key();
    if e.ctrl_key() || e.meta_key() || e.alt_key() {
        return Action::Noop;
    }
    let action = match k.as_str() {
        "l" | "L" => Action::ToggleLock(key, ikey.to_string()),
        "Delete" | "Backspace" => Action::SetLevel(key, ikey.to_string(), product, String::new()),
        "Enter" => Action::Noop,
        d if !letters && d.len() == 1 && d.parse::<u16>().is_ok_and(|v| range.contains(&v)) => {
            Action::SetLevel(key, ikey.to_string(), product, d.to_string())
        }
        _ => return Action::Noop,
    };
    e.prevent_default();
    // The list box shows the new level at once (the render that follows agrees).
    if let Action::SetLevel(_, _, _, v) = &action {
        e.target_unchecked_into::<HtmlSelectElement>().set_value(v);
    }
    if !matches!(action, Action::ToggleLock(..)) && !matches!(k.as_str(), "Delete" | "Backspace") {
        next_level(e);
    }
    action
}

/// A column pasted on a level picker (or a mean) fills the sheet down from it
/// (`Form::paste_levels`); one value pastes as usual.
fn paste_levels(e: &Event, key: u32) -> Action {
    use wasm_bindgen::JsCast;
    let from = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.get_attribute("data-level"))
        .and_then(|v| v.parse().ok());
    let text = e.dyn_ref::<web_sys::ClipboardEvent>().and_then(|c| c.clipboard_data()).and_then(|d| d.get_data("text/plain").ok());
    match (from, text) {
        (Some(from), Some(text)) if crate::form::cells::is_block(&text) => {
            e.prevent_default();
            // One level per line: the first cell of each row (a recap's column).
            let column = crate::form::cells::block(&text).into_iter().map(|row| row.into_iter().next().unwrap_or_default()).collect();
            Action::PasteLevels { unit: key, from, column }
        }
        _ => Action::Noop,
    }
}

/// Focuses the next level picker of the same sheet.
fn next_level(e: &KeyboardEvent) {
    use wasm_bindgen::JsCast;
    let el: web_sys::Element = e.target_unchecked_into();
    let Some(sheet) = el.closest(".rapor-indicators").ok().flatten() else { return };
    let Ok(all) = sheet.query_selector_all("[data-level]") else { return };
    let found = (0..all.length()).find(|&i| all.item(i).is_some_and(|n| n.is_same_node(Some(&el))));
    if let Some(next) = found.and_then(|i| all.item(i + 1)).and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = next.focus();
    }
}

/// The choices of a level picker: every whole level (with its description where the
/// ruleset has one), or only the listed levels for letter grades (SAKIP: E 0 … AA 100).
fn level_options(ind: &Indicator, lang: Lang) -> Vec<(u16, String)> {
    let text = |lv: u16| ind.levels.iter().find(|l| l.value == lv).map(|l| lang.pick(&l.text, &l.text_en).to_string());
    if ind.levels_only {
        return ind.levels.iter().map(|l| (l.value, text(l.value).unwrap_or_else(|| l.label.clone()))).collect();
    }
    (ind.min..=ind.max).map(|lv| (lv, text(lv).map_or_else(|| lv.to_string(), |t| format!("{lv} — {t}")))).collect()
}

/// One count field per answer (lowest first) and, once they read, the mean they give.
fn counts_entry(p: &IndicatorRowProps, ind: &Indicator, ikey: &str, name: &str) -> Html {
    let (lang, key) = (p.lang, p.unit_key);
    let answers = usize::from(ind.max - ind.min) + 1;
    let read: Option<Vec<u32>> = (0..answers)
        .map(|j| p.counts.get(j).map_or("", |t| t.trim()))
        .map(|t| if t.is_empty() { Some(0) } else { t.parse().ok() })
        .collect();
    // Shown to two decimals; the score uses the exact mean.
    let mean = read.and_then(|n| {
        let m = responses_mean(&n, ind.min)?.round(2, RoundingMode::HalfUp)?;
        Some((m, n.iter().map(|&x| u64::from(x)).sum::<u64>()))
    });
    html! {
        <div class="rapor-counts" role="group" aria-label={format!("{name}: {}", t(lang, Text::ByCounts))}>
            { for (0..answers).map(|j| {
                let answer = ind.min as usize + j;
                let field = response_field(ikey, j);
                let invalid = p.errors.iter().any(|e| e.field == field);
                let k = ikey.to_string();
                html! {
                    <label class="rapor-count">
                        <span aria-hidden="true">{ answer }</span>
                        <input type="text" inputmode="numeric" autocomplete="off" data-testid={format!("resp-{ikey}-{answer}")}
                            aria-label={format!("{name}, {} {} {answer}", t(lang, Text::Respondents), t(lang, Text::Answered))}
                            aria-invalid={if invalid { "true" } else { "false" }}
                            value={p.counts.get(j).cloned().unwrap_or_default()}
                            oninput={p.ondispatch.reform(move |e: InputEvent| Action::SetCount(key, k.clone(), j, e.target_unchecked_into::<HtmlInputElement>().value()))} />
                    </label>
                }
            }) }
            if let Some((m, n)) = mean {
                <span class="rapor-hint" data-testid={format!("mean-{ikey}")}>{ format!("{} {} · n = {n}", t(lang, Text::Mean), lang.num(m)) }</span>
            }
        </div>
    }
}
