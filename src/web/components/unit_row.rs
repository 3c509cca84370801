//! One sampled unit: its name and total score, with its own result beside it.

use crate::engine::number::format_decimal;
use crate::engine::UnitOutcome;
use crate::form::FormUnit;
use crate::web::i18n::{t, Lang, Text};
use crate::web::state::Action;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct UnitRowProps {
    pub instance: AttrValue,
    pub unit: FormUnit,
    pub lang: Lang,
    pub error: Option<String>,
    pub outcome: Option<UnitOutcome>,
    pub ondispatch: Callback<Action>,
}

#[component]
pub fn UnitRow(props: &UnitRowProps) -> Html {
    let key = props.unit.key;
    let lang = props.lang;
    let id = |s: &str| format!("{}-u{key}-{s}", props.instance);
    let on_name = props.ondispatch.reform(move |e: InputEvent| Action::Rename(key, e.target_unchecked_into::<HtmlInputElement>().value()));
    let on_score = props.ondispatch.reform(move |e: InputEvent| Action::SetScore(key, e.target_unchecked_into::<HtmlInputElement>().value()));
    let on_remove = props.ondispatch.reform(move |_: MouseEvent| Action::RemoveUnit(key));
    let err_id = id("score-err");
    let hint_id = id("score-hint");
    let described = if props.error.is_some() { format!("{hint_id} {err_id}") } else { hint_id.clone() };
    let remove_label = format!("{} {}", t(lang, Text::Remove), props.unit.name);

    html! {
        <li class="rapor-unit" data-testid="unit">
            <div class="rapor-field rapor-unit-name">
                <label for={id("name")}>{ t(lang, Text::UnitName) }</label>
                <input id={id("name")} type="text" data-testid="unit-name" value={props.unit.name.clone()} oninput={on_name} autocomplete="off" />
            </div>
            <div class="rapor-field rapor-unit-score">
                <label for={id("score")}>{ t(lang, Text::UnitScore) }</label>
                <input id={id("score")} type="text" inputmode="decimal" data-testid="unit-score"
                    value={props.unit.score.clone()} oninput={on_score} autocomplete="off"
                    aria-invalid={if props.error.is_some() { "true" } else { "false" }}
                    aria-describedby={described} />
                <span id={hint_id} class="rapor-hint">{ t(lang, Text::ScoreHint) }</span>
                if let Some(e) = &props.error {
                    <span id={err_id} class="rapor-field-error" data-testid="field-error">{ e.clone() }</span>
                }
            </div>
            <div class="rapor-unit-result" data-testid="unit-result">
                if let Some(o) = &props.outcome {
                    <span class={classes!("rapor-badge", format!("zone-{}", o.grade.zone))}>
                        { format_decimal(o.rounded, lang.decimal_comma()) }{ " · " }{ &o.grade.category }
                    </span>
                }
            </div>
            <button type="button" class="rapor-remove" aria-label={remove_label} onclick={on_remove}>
                <span aria-hidden="true">{ "×" }</span>
            </button>
        </li>
    }
}
