//! The plan: what to raise, in which unit, to reach the next category; each step or the
//! whole plan can be applied as a what-if scenario beside the baseline.

use super::fields::indicator_name;
use super::plan_options;
use crate::engine::number::RoundingMode;
use crate::engine::plan::StepKind;
use crate::engine::plan::{Plan, Status};
use crate::report::{step_change, step_name};
use crate::text::{
    changes_count, need_sentence, plan_summary, plan_summary_mixed, plan_summary_points, raise_to, t, unreachable_sentence, Lang, Text,
};
use crate::web::state::{Action, Shared, State};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PlanPanelProps {
    pub instance: AttrValue,
    pub state: Shared,
    pub ondispatch: Callback<Action>,
}

fn alternatives(lang: Lang, s: &State, plan: &Plan) -> Html {
    if plan.alternatives.is_empty() {
        return html! {};
    }
    let rs = &s.reading.ruleset;
    // Every unit takes part in the plan, whatever its entry level: these are the other
    // ways, one unit or dimension alone.
    html! {
        <div class="rapor-alternatives" data-testid="plan-alternatives">
            <p>{ t(lang, Text::AlternativesIntro) }</p>
            if plan.alternatives.iter().any(|a| a.possible) {
                <ul>
                    { for plan.alternatives.iter().filter(|a| a.possible).map(|a| {
                        let what = match (&a.dimension, &a.indicator, a.to) {
                            (Some(d), _, _) => rs.dimension(d).map_or(d.clone(), |d| lang.pick(&d.name, &d.name_en).to_string()),
                            // An unsur's mean: the mean it needs says more than the rise.
                            (None, Some(k), Some(to)) => {
                                let text = format!("{}: {}, {} {}", a.unit, indicator_name(rs, k, lang), t(lang, Text::MeanNeeded), lang.num(to));
                                return html! { <li>{ format!("{text} (+{})", lang.num(a.points)) }</li> };
                            }
                            _ => t(lang, Text::UnitScore).to_string(),
                        };
                        html! { <li>{ format!("{}: +{} ({what})", a.unit, lang.num(a.points)) }</li> }
                    }) }
                </ul>
            } else {
                <p>{ t(lang, Text::NoSingleFix) }</p>
            }
        </div>
    }
}

/// The plan in one line: totals and dimensions are raised in points, indicators in
/// level steps.
fn summary(lang: Lang, plan: &Plan) -> String {
    let indicators = plan.steps.iter().filter(|st| st.kind == StepKind::Indicator).count();
    let points = plan.steps.iter().filter(|st| st.kind != StepKind::Indicator).map(|st| st.to - st.from).sum();
    let (n, after, category) = (plan.steps.len(), plan.score_after, &plan.category_after);
    if indicators == n {
        plan_summary(lang, n, plan.cost, after, category)
    } else if indicators == 0 {
        plan_summary_points(lang, n, points, after, category)
    } else {
        plan_summary_mixed(lang, n, indicators, points, after, category)
    }
}

/// Where every step raises the same thing (each unit's total, or one dimension) the
/// plan is one level for all: said in one sentence above the steps.
fn level_sentence(lang: Lang, rs: &crate::engine::Ruleset, plan: &Plan) -> Option<Html> {
    let first = plan.steps.first()?;
    let same = |st: &crate::engine::plan::Step| st.kind == first.kind && st.dimension == first.dimension;
    if first.kind == StepKind::Indicator || plan.steps.len() < 2 || !plan.steps.iter().all(same) {
        return None;
    }
    let low = plan.steps.iter().map(|st| st.to).min()?;
    let high = plan.steps.iter().map(|st| st.to).max()?;
    let level = if low == high { lang.num(low) } else { format!("{}–{}", lang.num(low), lang.num(high)) };
    let units: Vec<String> = plan.steps.iter().map(|st| st.unit.clone()).collect();
    Some(html! { <p data-testid="plan-level">{ raise_to(lang, &step_name(rs, first, lang), &units, &level) }</p> })
}

#[component]
pub fn PlanPanel(p: &PlanPanelProps) -> Html {
    let s = &p.state;
    let lang = s.lang;
    let heading = format!("{}-plan-h", p.instance);
    let failed = s.plan_failed.as_ref().map(|why| {
        html! {
            <p class="rapor-error" role="alert" data-testid="plan-failed">{ format!("{} {why}", t(lang, Text::PlanFailed)) }</p>
        }
    });
    // Nothing entered yet: the plan waits for data, as the result does (the worker would
    // only answer that no unit has data).
    if s.outcome.as_ref().is_none_or(|o| o.aggregate.is_none()) {
        return html! {
            <section class="rapor-plan" aria-labelledby={heading.clone()} data-testid="plan" aria-busy="false">
                <h2 id={heading}>{ t(lang, Text::Plan) }</h2>
                <p class="rapor-hint" data-testid="plan-empty">{ t(lang, Text::PlanNeedsData) }</p>
            </section>
        };
    }
    let Some(plan) = s.plan.as_ref() else {
        return html! {
            <section class="rapor-plan" aria-labelledby={heading.clone()} data-testid="plan" aria-busy={s.plan_due.to_string()}>
                <h2 id={heading}>{ t(lang, Text::Plan) }</h2>
                if let Some(f) = failed { { f } } else if s.plan_due {
                    <p data-testid="plan-pending">{ t(lang, Text::PlanPending) }</p>
                }
            </section>
        };
    };
    // An older reading's plan stays in view, dimmed, until the worker answers; its
    // steps cannot be applied meanwhile.
    let stale = s.plan_due;
    let rs = &s.reading.ruleset;
    let d = &p.ondispatch;
    let target = plan.target.clone().unwrap_or_default();
    let gain = |g: crate::engine::exact::Ratio| g.round(4, RoundingMode::HalfUp).map(|x| lang.num(x)).unwrap_or_default();

    // Steps grouped by unit, in the units' order.
    let mut groups: Vec<(usize, String, Vec<usize>)> = Vec::new();
    for (i, step) in plan.steps.iter().enumerate() {
        match groups.iter_mut().find(|g| g.0 == step.unit_index) {
            Some(g) => g.2.push(i),
            None => groups.push((step.unit_index, step.unit.clone(), vec![i])),
        }
    }

    html! {
        <section class={classes!("rapor-plan", stale.then_some("rapor-stale"))} aria-labelledby={heading.clone()} data-testid="plan" aria-busy={stale.to_string()}>
            <h2 id={heading}>{ t(lang, Text::Plan) }</h2>
            if let Some(f) = failed { { f } }
            { match plan.status {
                Status::AtTop | Status::AlreadyThere => html! { <p data-testid="plan-status">{ t(lang, Text::AtTop) }</p> },
                Status::Unreachable => html! {
                    <p data-testid="plan-status">{ unreachable_sentence(lang, &target, plan.best_reachable.unwrap_or_default()) }</p>
                },
                Status::Planned => html! {
                    <>
                        <p class="rapor-plan-need" data-testid="plan-status">
                            { need_sentence(lang, &target, plan.points_needed.unwrap_or_default()) }
                        </p>
                        <p>{ summary(lang, plan) }</p>
                        { for level_sentence(lang, rs, plan) }
                        { plan_options::step_points(&p.instance, s, d) }
                        { for groups.iter().map(|(_, unit, steps)| {
                            let total = steps.iter().try_fold(crate::engine::exact::Ratio::ZERO, |acc, &i| acc.checked_add(plan.steps[i].gain));
                            html! {
                            <div class="rapor-plan-unit">
                                <h3>{ unit }<span class="rapor-plan-unit-total">
                                    { format!(" · {} · +{}", changes_count(lang, steps.len()), total.map(gain).unwrap_or_default()) }
                                </span></h3>
                                <ul>
                                    { for steps.iter().map(|&i| {
                                        let st = &plan.steps[i];
                                        let applied = s.is_applied(st);
                                        let name = step_name(rs, st, lang);
                                        let product = st.product.map(|n| format!(" ({} {n})", t(lang, Text::Product))).unwrap_or_default();
                                        html! {
                                            <li data-testid="plan-step" class={classes!(applied.then_some("rapor-applied"))}>
                                                <span>{ format!("{name}{product}: {}", step_change(rs, st, lang)) }</span>
                                                <span class="rapor-num">{ format!(" +{}", gain(st.gain)) }</span>
                                                if applied {
                                                    <span class="rapor-tag">{ " ✔ " }{ t(lang, Text::Applied) }</span>
                                                } else {
                                                    <button type="button" class="rapor-small" data-testid="apply-step" disabled={stale}
                                                        aria-label={format!("{} {name}{product}, {unit}", t(lang, Text::ApplyStep))}
                                                        onclick={d.reform(move |_: MouseEvent| Action::ApplyStep(i))}>{ t(lang, Text::ApplyStep) }</button>
                                                }
                                            </li>
                                        }
                                    }) }
                                </ul>
                            </div>
                        }}) }
                        { plan_options::margin(s, plan, d) }
                        <div class="rapor-plan-actions">
                            <button type="button" class="rapor-primary" data-testid="apply-plan" disabled={stale} onclick={d.reform(|_: MouseEvent| Action::ApplyPlan)}>
                                { t(lang, Text::ApplyPlan) }
                            </button>
                        </div>
                    </>
                },
            } }
            if !s.applied.is_empty() {
                <button type="button" data-testid="clear-whatif" onclick={d.reform(|_: MouseEvent| Action::ClearWhatIf)}>{ t(lang, Text::ClearWhatIf) }</button>
            }
            { alternatives(lang, s, plan) }
        </section>
    }
}
