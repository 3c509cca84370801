//! Sampling risk: how many units of each sector the Ombudsman draws, the chance of each
//! category over every possible sample (as bars, with the numbers written out), the
//! worst and best sample, the weakest links, and the plan that holds whatever the
//! sample. Shown once a unit has a sector; worked out and worded by the `rapor-io`
//! worker (`report::risk`).

use super::number_field::NumberField;
use crate::text::{t, Text};
use crate::web::state::{Action, Shared};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RiskPanelProps {
    pub instance: AttrValue,
    pub state: Shared,
    pub ondispatch: Callback<Action>,
}

#[component]
pub fn RiskPanel(p: &RiskPanelProps) -> Html {
    let s = &p.state;
    let lang = s.lang;
    let sectors = s.form.sectors();
    if sectors.is_empty() {
        return html! {};
    }
    let id = |x: &str| format!("{}-{x}", p.instance);
    // Older than the reading: dimmed until the worker answers.
    let stale = s.risk_for != s.generation;
    html! {
        <section class={classes!("rapor-risk", stale.then_some("rapor-stale"))} aria-labelledby={id("risk-h")} data-testid="risk" aria-busy={stale.to_string()}>
            <h2 id={id("risk-h")}>{ t(lang, Text::SampleRisk) }</h2>
            <p class="rapor-hint">{ t(lang, Text::SampleRiskHelp) }</p>
            { for sectors.iter().map(|(sector, n)| {
                let field = format!("sampling-{sector}");
                let key = sector.clone();
                html! {
                    <NumberField id={id(&field)} label={format!("{} {sector} ({n})", t(lang, Text::Drawn))} class="rapor-narrow"
                        value={s.form.sampling.get(sector).cloned().unwrap_or_default()} testid={field.clone()}
                        error={s.error_for(None, &field).map(|e| e.error.field_message(lang))}
                        oninput={p.ondispatch.reform(move |v| Action::SetSampling(key.clone(), v))} />
                }
            }) }
            { match &s.risk {
                None => html! { <p data-testid="risk-pending">{ t(lang, Text::PlanPending) }</p> },
                Some(Err(why)) => html! { <p class="rapor-error" data-testid="risk-error">{ why }</p> },
                Some(Ok(r)) => html! {
                    <>
                        <p class="rapor-plan-need" data-testid="risk-reach" aria-live="polite">{ &r.reach }</p>
                        <ul class="rapor-risk-bars">
                            { for r.bars.iter().map(|crate::session::Bar { category, zone, width, label }| html! {
                                <li data-testid={format!("risk-prob-{category}")}>
                                    <span class="rapor-risk-cat">{ category }</span>
                                    <span class={classes!("rapor-risk-bar", format!("zone-{zone}"))} aria-hidden="true" style={format!("width:{width}%")}></span>
                                    <span class="rapor-num">{ label }</span>
                                </li>
                            }) }
                        </ul>
                        <p data-testid="risk-worst">{ &r.worst }</p>
                        <p data-testid="risk-best">{ &r.best }</p>
                        if !r.weakest.is_empty() {
                            <p>{ t(lang, Text::WeakestLinks) }</p>
                            <ol data-testid="risk-weakest">{ for r.weakest.iter().map(|w| html! { <li>{ w }</li> }) }</ol>
                        }
                        <div data-testid="risk-robust">
                            <h3>{ t(lang, Text::RobustPlan) }</h3>
                            { for r.robust.iter().take(2).map(|l| html! { <p>{ l }</p> }) }
                            <ul>{ for r.robust.iter().skip(2).map(|l| html! { <li>{ l }</li> }) }</ul>
                        </div>
                    </>
                },
            } }
        </section>
    }
}
