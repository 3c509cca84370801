//! A unit's indicators, dimension by dimension: one level picker per indicator (one per
//! product where the dimension is observed per product), level descriptions where the
//! ruleset has them, and a lock that keeps the planner away from an indicator. Each row
//! is its own component, so changing one level re-renders one row.

use super::unit_card::field_error;
use crate::form::{indicator_field as field_name, FieldError, FormUnit};
use crate::web::i18n::{t, Lang, Text};
use crate::web::state::{Action, RulesetRef};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct IndicatorGridProps {
    pub instance: AttrValue,
    pub lang: Lang,
    pub ruleset: RulesetRef,
    pub unit: std::rc::Rc<FormUnit>,
    pub errors: Vec<FieldError>,
    pub ondispatch: Callback<Action>,
}

#[component]
pub fn IndicatorGrid(p: &IndicatorGridProps) -> Html {
    let lang = p.lang;
    let u = &p.unit;
    let key = u.key;
    let d = &p.ondispatch;
    html! {
        <div class="rapor-indicators">
            { for p.ruleset.dimensions.iter().enumerate().map(|(di, dim)| {
                let copies = if dim.per_product { u.products } else { 1 };
                html! {
                    <fieldset class="rapor-dim">
                        <legend>{ lang.pick(&dim.name, &dim.name_en) }{ format!(" ({}%)", lang.num(dim.weight)) }</legend>
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
                                let prefix = format!("ind-{ikey}");
                                html! {
                                    <IndicatorRow key={ikey.clone()} lang={lang} unit_key={key} ruleset={p.ruleset.clone()}
                                        dim={di} ind={ii} copies={copies}
                                        values={u.levels.get(&ikey).cloned().unwrap_or_default()}
                                        locked={u.locked.contains(&ikey)}
                                        errors={p.errors.iter().filter(|e| e.field.starts_with(&prefix)).cloned().collect::<Vec<_>>()}
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
    /// The level texts, one per product.
    pub values: Vec<String>,
    pub locked: bool,
    pub errors: Vec<FieldError>,
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
                let error = field_error(&p.errors, &field, lang);
                let label = if dim.per_product { format!("{name}, {} {}", t(lang, Text::Product), c + 1) } else { name.clone() };
                let k2 = ikey.clone();
                let on = p.ondispatch.reform(move |e: Event| Action::SetLevel(key, k2.clone(), c, e.target_unchecked_into::<HtmlSelectElement>().value()));
                html! {
                    <td>
                        <select aria-label={label} data-testid={field.clone()} onchange={on}
                            aria-invalid={if error.is_some() { "true" } else { "false" }}>
                            <option value="" selected={value.is_empty()}>{ t(lang, Text::NotEntered) }</option>
                            { for (ind.min..=ind.max).map(|lv| {
                                let desc = ind.levels.iter().find(|l| l.value == lv).map(|l| lang.pick(&l.text, &l.text_en).to_string());
                                html! {
                                    <option value={lv.to_string()} selected={value == lv.to_string()}>
                                        { match desc { Some(t) => format!("{lv} — {t}"), None => lv.to_string() } }
                                    </option>
                                }
                            }) }
                        </select>
                        if let Some(e) = error { <span class="rapor-field-error" role="alert">{ e }</span> }
                    </td>
                }
            }) }
            <td>
                <input type="checkbox" checked={p.locked} onchange={on_lock}
                    aria-label={format!("{} {name}", t(lang, Text::Lock))} data-testid={format!("lock-{ikey}")} />
            </td>
        </tr>
    }
}
