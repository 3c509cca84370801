//! One sampled unit: its name, how it is entered, the entries, and its own result.

use super::fields::{field_error, Shown};
use super::indicator_grid::IndicatorGrid;
use super::number_field::NumberField;
use crate::engine::{Ruleset, UnitOutcome};
use crate::form::{FormUnit, Mode};
use crate::text::{t, Lang, Text};
use crate::web::state::{Action, RulesetRef};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Only what this card shows, so an edit to one unit re-renders that unit alone.
#[derive(Properties, PartialEq)]
pub struct UnitCardProps {
    pub instance: AttrValue,
    pub lang: Lang,
    pub unit: std::rc::Rc<FormUnit>,
    pub ruleset: RulesetRef,
    pub outcome: Option<UnitOutcome>,
    /// This unit's field errors.
    pub errors: Vec<Shown>,
    pub position: usize,
    pub count: usize,
    pub ondispatch: Callback<Action>,
}

#[component]
pub fn UnitCard(p: &UnitCardProps) -> Html {
    let lang = p.lang;
    let u = &p.unit;
    let key = u.key;
    let rs: &Ruleset = &p.ruleset;
    let id = |x: &str| format!("{}-u{key}-{x}", p.instance);
    let err = |field: &str| field_error(&p.errors, field);
    let d = &p.ondispatch;
    let on_name = d.reform(move |e: InputEvent| Action::Rename(key, e.target_unchecked_into::<HtmlInputElement>().value()));
    let on_mode = d.reform(move |e: Event| {
        Action::SetMode(key, Mode::parse(&e.target_unchecked_into::<HtmlSelectElement>().value()).unwrap_or_default())
    });
    let named = |text: Text| format!("{} {}", t(lang, text), u.name);
    let outcome = p.outcome.as_ref();

    html! {
        <li class="rapor-unit" data-testid="unit">
            <div class="rapor-unit-head">
                <div class="rapor-field rapor-unit-name">
                    <label for={id("name")}>{ t(lang, Text::UnitName) }</label>
                    <input id={id("name")} type="text" data-testid="unit-name" value={u.name.clone()} oninput={on_name} autocomplete="off" />
                </div>
                <div class="rapor-field rapor-unit-mode">
                    <label for={id("mode")}>{ t(lang, Text::UnitMode) }</label>
                    <select id={id("mode")} data-testid="unit-mode" onchange={on_mode}>
                        { for [(Mode::Score, Text::ModeScore), (Mode::Dimensions, Text::ModeDimensions), (Mode::Points, Text::ModePoints), (Mode::Indicators, Text::ModeIndicators)]
                            .into_iter().map(|(m, label)| html! { <option value={m.as_str()} selected={u.mode == m}>{ t(lang, label) }</option> }) }
                    </select>
                </div>
                <div class="rapor-field rapor-unit-sector">
                    <label for={id("sector")}>{ t(lang, Text::Sector) }</label>
                    <input id={id("sector")} type="text" data-testid="unit-sector" value={u.sector.clone()} autocomplete="off"
                        placeholder={t(lang, Text::SectorHint)}
                        oninput={d.reform(move |e: InputEvent| Action::SetSector(key, e.target_unchecked_into::<HtmlInputElement>().value()))} />
                </div>
                <div class="rapor-unit-result" data-testid="unit-result">
                    if let Some(o) = outcome {
                        <span class={classes!("rapor-badge", format!("zone-{}", o.grade.zone))}>
                            { lang.num(o.rounded) }{ " · " }{ &o.grade.category }
                        </span>
                        if !o.range.is_one_value() {
                            <span class="rapor-hint" data-testid="unit-range" title={t(lang, Text::Range)}>
                                { format!("{}–{}", lang.num(o.range.low), lang.num(o.range.high)) }
                                if o.range.category_uncertain { { " ⚠" } }
                            </span>
                        }
                    }
                </div>
                <div class="rapor-unit-actions">
                    <button type="button" class="rapor-icon" aria-label={named(Text::MoveUp)} title={t(lang, Text::MoveUp)}
                        disabled={p.position == 0} onclick={d.reform(move |_: MouseEvent| Action::MoveUnit(key, -1))}>
                        <span aria-hidden="true">{ "↑" }</span></button>
                    <button type="button" class="rapor-icon" aria-label={named(Text::MoveDown)} title={t(lang, Text::MoveDown)}
                        disabled={p.position + 1 == p.count} onclick={d.reform(move |_: MouseEvent| Action::MoveUnit(key, 1))}>
                        <span aria-hidden="true">{ "↓" }</span></button>
                    <button type="button" class="rapor-icon" aria-label={named(Text::Duplicate)} title={t(lang, Text::Duplicate)}
                        data-testid="duplicate-unit" onclick={d.reform(move |_: MouseEvent| Action::Duplicate(key, t(lang, Text::CopySuffix).to_string()))}>
                        <svg aria-hidden="true" width="18" height="18" viewBox="0 0 18 18" fill="none" stroke="currentColor" stroke-width="1.8">
                            <rect x="6" y="6" width="10" height="10" rx="1.5" /><path d="M3 12V3.5A1.5 1.5 0 0 1 4.5 2H12" />
                        </svg></button>
                    <button type="button" class="rapor-icon rapor-remove" aria-label={named(Text::Remove)} title={t(lang, Text::Remove)}
                        data-testid="remove-unit" onclick={d.reform(move |_: MouseEvent| Action::RemoveUnit(key))}>
                        <span aria-hidden="true">{ "×" }</span></button>
                </div>
            </div>
            <div class="rapor-unit-body">
                { match u.mode {
                    Mode::Score => html! {
                        <NumberField id={id("score")} label={t(lang, Text::UnitScore)} value={u.score.clone()}
                            hint={AttrValue::from(if rs.score_max == rust_decimal::Decimal::ONE_HUNDRED { t(lang, Text::ScoreHint).to_string() } else { format!("0–{}", lang.num(rs.score_max)) })} error={err("score")} testid="unit-score" class="rapor-narrow"
                            oninput={d.reform(move |v| Action::SetScore(key, v))} />
                    },
                    Mode::Dimensions => html! {
                        <div class="rapor-dims">
                            { for rs.dimensions.iter().map(|dim| {
                                let field = format!("dim-{}", dim.id);
                                let dim_id = dim.id.clone();
                                html! {
                                    <NumberField id={id(&field)} label={format!("{} ({}%)", lang.pick(&dim.name, &dim.name_en), lang.num(p.ruleset.weight_percent(dim.weight)))}
                                        value={u.dims.get(&dim.id).cloned().unwrap_or_default()} hint={AttrValue::from(format!("0–{}", lang.num(rs.score_max)))}
                                        error={err(&field)} testid={field.clone()}
                                        oninput={d.reform(move |v| Action::SetDim(key, dim_id.clone(), v))} />
                                }
                            }) }
                        </div>
                    },
                    Mode::Points => html! {
                        <div class="rapor-dims">
                            { for rs.dimensions.iter().map(|dim| {
                                let field = format!("pts-{}", dim.id);
                                let dim_id = dim.id.clone();
                                // Each dimension gives up to its weight share of the maximum (Input 21,85).
                                let top = crate::engine::score::points_top(rs, dim).ok()
                                    .and_then(|(_, top)| top.round(2, crate::engine::number::RoundingMode::Down)).unwrap_or_default();
                                html! {
                                    <NumberField id={id(&field)} label={format!("{} ({} {})", lang.pick(&dim.name, &dim.name_en), t(lang, Text::PointsMax), lang.num(top))}
                                        value={u.points.get(&dim.id).cloned().unwrap_or_default()} hint={AttrValue::from(format!("0–{}", lang.num(top)))}
                                        error={err(&field)} testid={field.clone()}
                                        oninput={d.reform(move |v| Action::SetPoints(key, dim_id.clone(), v))} />
                                }
                            }) }
                        </div>
                    },
                    Mode::Indicators => html! {
                        <IndicatorGrid instance={p.instance.clone()} lang={lang} ruleset={p.ruleset.clone()} unit={u.clone()}
                            errors={p.errors.clone()} ondispatch={d.clone()} />
                    },
                } }
                // 2025: a unit's own Kepercayaan Masyarakat; a total already holds it.
                if rs.trust.is_some() && u.mode != Mode::Score {
                    <NumberField id={id("trust")} label={t(lang, Text::Trust)} value={u.trust.clone()}
                        hint={AttrValue::from(t(lang, Text::TrustHelp))} error={err("trust")} testid="trust" class="rapor-narrow"
                        oninput={d.reform(move |v| Action::SetTrust(key, v))} />
                }
                if let Some(o) = outcome.filter(|o| !o.missing.is_empty()) {
                    <p class="rapor-hint">{ format!("{} {}", o.missing.len(), t(lang, Text::MissingCounted)) }</p>
                }
            </div>
        </li>
    }
}
