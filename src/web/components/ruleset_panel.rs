//! The method picker, its sources and assumptions, and the numbers a user may change:
//! dimension weights, the indicator scale and the deduction.

use super::number_field::NumberField;
use crate::text::{t, Text};
use crate::web::files::read_chosen;
use crate::web::state::{Action, Shared};
use crate::web::workers::ask_then;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RulesetPanelProps {
    pub instance: AttrValue,
    pub state: Shared,
    pub ondispatch: Callback<Action>,
}

#[component]
pub fn RulesetPanel(p: &RulesetPanelProps) -> Html {
    let s = &p.state;
    let lang = s.lang;
    let base = s.base();
    let id = |x: &str| format!("{}-{x}", p.instance);
    let err = |field: &str| s.error_for(None, field).map(|e| e.error.field_message(lang));
    let changed = |field: &str| s.reading.changed.iter().find(|c| c.field == field);
    let note = |field: &str| {
        changed(field).map(|c| {
            AttrValue::from(format!(
                "{} ({} {})",
                t(lang, Text::ChangedFromPublished),
                t(lang, Text::Published),
                lang.num(crate::engine::number::parse_decimal(&c.published).unwrap_or_default())
            ))
        })
    };
    let on_ruleset = p.ondispatch.reform(|e: Event| Action::SetRuleset(e.target_unchecked_into::<HtmlSelectElement>().value()));
    let on_followed = p.ondispatch.reform(|e: Event| Action::SetFollowedUp(e.target_unchecked_into::<HtmlInputElement>().checked()));
    let on_reset = p.ondispatch.reform(|_: MouseEvent| Action::ResetAssumptions);
    let own = s.form.custom_ruleset.clone();
    let on_file = {
        let (d, reader) = (p.ondispatch.clone(), use_mut_ref(|| None));
        Callback::from(move |e: Event| {
            let d = d.clone();
            // Checked by the worker first; only a valid ruleset comes back.
            read_chosen(&e, &reader, crate::protocol::Op::CheckRuleset, &d.clone(), move |file, text| {
                let (d2, name) = (d.clone(), file.clone());
                ask_then(crate::protocol::Op::CheckRuleset, "", lang.code(), &text, Some(file), d, move |text| {
                    d2.emit(Action::LoadOwnRuleset { file: name, text })
                });
            });
        })
    };
    let published_scale = base.indicators().next().map_or(0, |r| r.indicator.max);
    // Letters (SAKIP) and answers (IKM) have a fixed scale; criteria counts are editable
    // where the ruleset says its lists are an assumption.
    let fixed_scale = base.indicators().any(|r| r.indicator.levels_only || r.indicator.fractional);
    let criteria = base.assumptions.iter().any(|a| a.field.as_deref() == Some("criteria"));
    let settings_error = s.reading.errors.iter().any(|e| e.unit_key.is_none());
    // The sources and the assumptions are built when first opened: folded, they would be
    // a sixth of the page, and building the page is most of a phone's wait for its first
    // field. (The fields above them stay, so the method in force can always be read.)
    let sources_open = use_state(|| false);
    let assumptions_open = use_state(|| false);
    let toggled = |open: &UseStateHandle<bool>| {
        let open = open.clone();
        Callback::from(move |e: Event| open.set(e.target_unchecked_into::<web_sys::Element>().has_attribute("open")))
    };
    // Built on the click that opens them, before the toggle that follows: a Tab pressed
    // at once after Enter finds the fields there.
    let opening = |open: &UseStateHandle<bool>| {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(true))
    };

    html! {
        <section class="rapor-ruleset" aria-labelledby={id("rs-h")}>
            <h2 id={id("rs-h")} class="rapor-visually-hidden">{ t(lang, Text::Ruleset) }</h2>
            // Folded: a page opens on the units, and the line says what is in force (and
            // when one of these fields has a problem). Never opened or closed by a render,
            // so it stays as the user left it.
            <details class="rapor-settings" data-testid="settings">
            <summary data-testid="settings-summary">
                <span class="rapor-settings-title">{ t(lang, Text::MethodAndAssumptions) }</span>
                <span class="rapor-settings-line">
                    { lang.pick(&base.title, &base.title_en).to_string() }
                    if !s.form.pemda.trim().is_empty() { { " · " }{ s.form.pemda.trim().to_string() } }
                    if !s.form.deduction.trim().is_empty() { { " · " }{ t(lang, Text::Deduction) }{ " " }{ s.form.deduction.trim().to_string() } }
                    if !s.reading.changed.is_empty() {
                        <span class="rapor-changed">{ " · " }{ t(lang, Text::Assumptions) }{ ": " }{ t(lang, Text::ChangedFromPublished) }</span>
                    }
                    if settings_error { <span class="rapor-field-error">{ " · ⚠ " }{ t(lang, Text::CheckSettings) }</span> }
                </span>
            </summary>
            <div class="rapor-settings-body">
            <div class="rapor-field rapor-pemda-name">
                <label for={id("pemda")}>{ t(lang, Text::PemdaName) }</label>
                <input id={id("pemda")} type="text" data-testid="pemda-name" value={s.form.pemda.clone()} autocomplete="off" maxlength={crate::engine::limits::MAX_NAME.to_string()}
                    oninput={p.ondispatch.reform(|e: InputEvent| Action::SetPemda(e.target_unchecked_into::<HtmlInputElement>().value()))} />
            </div>
            <div class="rapor-field">
                <label for={id("ruleset")}>{ t(lang, Text::Ruleset) }</label>
                <select id={id("ruleset")} data-testid="ruleset-select" onchange={on_ruleset}>
                    // The user's own method takes the place of a listed one with its id.
                    { for s.library.listed().iter().filter(|r| own.as_ref().is_none_or(|o| o.id != r.id)).map(|r| html! {
                        <option value={r.id.clone()} selected={r.id == s.form.ruleset}>{ lang.pick(&r.title, &r.title_en) }</option>
                    }) }
                    if let Some(o) = &own {
                        <option value={o.id.clone()} selected={o.id == s.form.ruleset}>
                            { format!("{} ({})", lang.pick(&o.title, &o.title_en), t(lang, Text::OwnRulesetMark)) }
                        </option>
                    }
                </select>
            </div>
            <div class="rapor-own-ruleset">
                <label class="rapor-file-button" for={id("ruleset-file")}>
                    { t(lang, Text::OwnRulesetFile) }
                    <input id={id("ruleset-file")} type="file" accept=".json,application/json" class="rapor-visually-hidden"
                        data-testid="ruleset-file" aria-describedby={id("ruleset-file-help")} onchange={on_file} />
                </label>
                if own.is_some() {
                    <button type="button" data-testid="ruleset-file-remove" onclick={p.ondispatch.reform(|_: MouseEvent| Action::RemoveOwnRuleset)}>
                        { t(lang, Text::RemoveOwnRuleset) }
                    </button>
                }
                <span id={id("ruleset-file-help")} class="rapor-hint">{ t(lang, Text::OwnRulesetHelp) }</span>
            </div>
            <div class="rapor-pemda-fields">
                if base.deduction {
                    <NumberField id={id("deduction")} label={t(lang, Text::Deduction)} value={s.form.deduction.clone()}
                        hint={AttrValue::from(t(lang, Text::DeductionHelp))} error={err("deduction")} testid="deduction"
                        oninput={p.ondispatch.reform(Action::SetDeduction)} />
                }
                if base.followed_up.is_some() {
                    <div class="rapor-check">
                        <input type="checkbox" id={id("followed")} checked={s.form.followed_up} onchange={on_followed} data-testid="followed-up" />
                        <label for={id("followed")}>{ t(lang, Text::FollowedUp) }</label>
                    </div>
                }
            </div>
            <details class="rapor-details" ontoggle={toggled(&sources_open)}>
                <summary onclick={opening(&sources_open)}>{ t(lang, Text::Sources) }</summary>
                if *sources_open {
                    <ul>{ for base.sources.iter().map(|src| html! { <li>{ lang.pick(&src.text, &src.text_en) }</li> }) }</ul>
                }
            </details>
            <details class="rapor-details" data-testid="assumptions" open={s.form.has_changed_assumptions()} ontoggle={toggled(&assumptions_open)}>
                <summary onclick={opening(&assumptions_open)}>
                    { t(lang, Text::Assumptions) }{ format!(" ({})", base.assumptions.len()) }
                    if !s.reading.changed.is_empty() { <span class="rapor-changed">{ " · " }{ t(lang, Text::ChangedFromPublished) }</span> }
                </summary>
                if *assumptions_open || s.form.has_changed_assumptions() {
                <p class="rapor-hint">{ t(lang, Text::AssumptionsHelp) }</p>
                <ul class="rapor-assumptions">
                    { for base.assumptions.iter().map(|a| html! {
                        <li>{ lang.pick(&a.text, &a.text_en) }<span class="rapor-source">{ " — " }{ &a.source }</span></li>
                    }) }
                </ul>
                <div class="rapor-assumption-edits">
                    { for base.dimensions.iter().map(|d| {
                        let field = format!("weight-{}", d.id);
                        let value = s.form.weights.get(&d.id).cloned().unwrap_or_else(|| lang.num(d.weight));
                        let dim = d.id.clone();
                        html! {
                            <NumberField id={id(&field)} label={format!("{} {}", t(lang, Text::DimensionWeight), lang.pick(&d.name, &d.name_en))}
                                value={value} error={err(&field)} note={note(&field)} testid={field.clone()}
                                oninput={p.ondispatch.reform(move |v| Action::SetWeight(dim.clone(), v))} />
                        }
                    }) }
                    if criteria {
                        { for base.dimensions.iter().map(|d| {
                            let field = format!("criteria-{}", d.id);
                            let value = s.form.criteria.get(&d.id).cloned().unwrap_or_else(|| d.indicators.len().to_string());
                            let dim = d.id.clone();
                            html! {
                                <NumberField id={id(&field)} label={format!("{} {}", t(lang, Text::Criteria), lang.pick(&d.name, &d.name_en))}
                                    value={value} error={err(&field)} note={note(&field)} testid={field.clone()} class="rapor-narrow"
                                    oninput={p.ondispatch.reform(move |v| Action::SetCriteria(dim.clone(), v))} />
                            }
                        }) }
                    }
                    if !fixed_scale {
                        <NumberField id={id("scale")} label={t(lang, Text::IndicatorScale)}
                            value={if s.form.scale_max.is_empty() { published_scale.to_string() } else { s.form.scale_max.clone() }}
                            error={err("scale")} note={note("scale")} testid="scale" oninput={p.ondispatch.reform(Action::SetScale)} />
                    }
                </div>
                if s.form.has_changed_assumptions() {
                    <button type="button" data-testid="reset-assumptions" onclick={on_reset}>{ t(lang, Text::ResetAssumptions) }</button>
                }
                }
            </details>
            </div>
            </details>
        </section>
    }
}
