//! Beside the plan: how a level step weighs against a point (only where units are
//! entered at both levels), and the safety margin a plan ending right at the threshold
//! offers (methodology.md §2b).

use crate::engine::grade::band_of;
use crate::engine::plan::Plan;
use crate::form::Mode;
use crate::text::{plan_margin, plan_uncertain, step_points_note, t, Text};
use crate::web::state::{Action, State};
use rust_decimal::Decimal;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The exchange rate's field, when the plan may raise both indicators and scores.
pub fn step_points(instance: &str, s: &State, ondispatch: &Callback<Action>) -> Html {
    let by_indicator = s.form.units.iter().any(|u| u.mode == Mode::Indicators);
    let by_score = s.form.units.iter().any(|u| u.mode != Mode::Indicators);
    if !(by_indicator && by_score) {
        return html! {};
    }
    let lang = s.lang;
    let error = s.error_for(None, "step_points").map(|e| e.error.field_message(lang));
    let (id, hint, err) =
        (format!("{instance}-step-points"), format!("{instance}-step-points-hint"), format!("{instance}-step-points-err"));
    let described = if error.is_some() { format!("{hint} {err}") } else { hint.clone() };
    let oninput = ondispatch.reform(|e: InputEvent| Action::SetStepPoints(e.target_unchecked_into::<HtmlInputElement>().value()));
    html! {
        <div class="rapor-plan-rate" data-testid="plan-rate">
            <p class="rapor-plan-rate-row">
                <label for={id.clone()}>{ t(lang, Text::StepPoints) }</label>
                <input id={id} type="text" inputmode="decimal" autocomplete="off" size="5" placeholder={lang.num(Decimal::ONE)}
                    data-testid="step-points" value={s.form.step_points.clone()} {oninput}
                    aria-invalid={if error.is_some() { "true" } else { "false" }} aria-describedby={described} />
                <span>{ t(lang, Text::StepPointsUnit) }</span>
            </p>
            <p id={hint} class="rapor-hint">{ step_points_note(lang) }</p>
            if let Some(e) = error {
                <p id={err} class="rapor-field-error" data-testid="field-error" role="alert">{ e }</p>
            }
        </div>
    }
}

/// The note when the plan's result may round below the target, with the margin that
/// settles it; and the margin in use, with a way back.
pub fn margin(s: &State, plan: &Plan, ondispatch: &Callback<Action>) -> Html {
    let lang = s.lang;
    let rs = &s.reading.ruleset;
    let current = s.reading.scenario.margin;
    let uncertain = plan.uncertain_after.map(|low| {
        let category = rs.bands.get(band_of(rs, low)).map_or("", |b| b.category.as_str());
        let more = lang.num(current + Decimal::new(1, 2));
        let target = plan.target.clone().unwrap_or_default();
        html! {
            <p class="rapor-plan-uncertain" data-testid="plan-uncertain">
                <span class="rapor-warn-mark" aria-hidden="true">{ "⚠ " }</span>
                { plan_uncertain(lang, low, category, &target) }{ " " }
                <button type="button" class="rapor-small" data-testid="plan-margin"
                    onclick={ondispatch.reform(move |_: MouseEvent| Action::SetMargin(more.clone()))}>
                    { t(lang, Text::AddMargin) }
                </button>
            </p>
        }
    });
    html! {
        <>
            { for uncertain }
            if !current.is_zero() {
                <p class="rapor-hint" data-testid="plan-margin-on">
                    { plan_margin(lang, &lang.num(current)) }{ " " }
                    <button type="button" class="rapor-small" data-testid="plan-margin-clear"
                        onclick={ondispatch.reform(|_: MouseEvent| Action::SetMargin(String::new()))}>{ t(lang, Text::RemoveMargin) }</button>
                </p>
            }
        </>
    }
}
