//! The result's details under the strip: the range a rounded entry allows, the notes
//! (trust, errors, units left out, changed assumptions) and, with a what-if scenario,
//! now and the what-if side by side.

use crate::engine::score::Aggregate;
use crate::text::{left_out_units, t, trust_spread_note, zone_label, Lang, Text};
use crate::web::state::Shared;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ResultPanelProps {
    pub instance: AttrValue,
    pub state: Shared,
}

/// One column of results. `prefix` names its test hooks: "now" or "whatif" (the strip
/// carries the "aggregate-…" ones, once on the page).
/// `zone_assumed`: the method publishes no zones (2025), the colour is an assumption.
fn aggregate_block(lang: Lang, a: &Aggregate, prefix: &str, caption: Option<&str>, zone_assumed: bool) -> Html {
    let (icon, zone) = zone_label(lang, &a.grade.zone);
    let hook = |x: &str| format!("{prefix}-{x}");
    let range = (!a.range.is_one_value()).then(|| format!("{}–{}", lang.num(a.range.low), lang.num(a.range.high)));
    html! {
        <div class="rapor-aggregate-col">
            if let Some(c) = caption { <p class="rapor-caption">{ c }</p> }
            <dl class="rapor-aggregate">
                <div class="rapor-kv rapor-kv-score">
                    <dt>{ t(lang, Text::Score) }</dt>
                    <dd data-testid={hook("score")}>{ lang.num(a.rounded) }</dd>
                </div>
                if let Some(r) = range {
                    <div class="rapor-kv rapor-kv-range">
                        <dt>{ t(lang, Text::Range) }</dt>
                        <dd data-testid={hook("range")}>
                            { r }
                            if a.range.category_uncertain { <span class="rapor-warn-mark">{ " ⚠" }</span> }
                        </dd>
                    </div>
                }
                <div class="rapor-kv">
                    <dt>{ t(lang, Text::Category) }</dt>
                    <dd data-testid={hook("category")}>{ &a.grade.category }</dd>
                </div>
                <div class="rapor-kv">
                    <dt>{ t(lang, Text::Opini) }</dt>
                    <dd data-testid={hook("opini")}>{ lang.pick(&a.grade.opini, &a.grade.opini_en) }</dd>
                </div>
                // 2025 publishes a second label beside the opini.
                if !a.grade.quality.is_empty() {
                    <div class="rapor-kv">
                        <dt>{ t(lang, Text::Quality) }</dt>
                        <dd data-testid={hook("quality")}>{ lang.pick(&a.grade.quality, &a.grade.quality_en) }</dd>
                    </div>
                }
                // SAKIP, IPP and IKM grade without zones.
                if !a.grade.zone.is_empty() {
                    <div class="rapor-kv rapor-kv-zone">
                        <dt>{ t(lang, if zone_assumed { Text::ZoneAssumed } else { Text::Zone }) }</dt>
                        <dd data-testid={hook("zone")} class={classes!("rapor-zone", format!("zone-{}", a.grade.zone))}>
                            <span aria-hidden="true" class="rapor-zone-icon">{ icon }</span>{ " " }{ zone }
                        </dd>
                    </div>
                }
            </dl>
        </div>
    }
}

#[component]
pub fn ResultPanel(p: &ResultPanelProps) -> Html {
    let s = &p.state;
    let lang = s.lang;
    let heading = format!("{}-result-h", p.instance);
    let outcome = s.outcome.as_ref();
    let aggregate = outcome.and_then(|o| o.aggregate.as_ref());
    let whatif = s.whatif.as_ref().and_then(|o| o.aggregate.as_ref());
    let trust_missing = s.reading.ruleset.trust.is_some() && aggregate.is_some_and(|a| !a.trust_included);
    let zone_assumed = s.reading.ruleset.zone_is_assumption();
    let excluded = outcome.filter(|o| !o.excluded.is_empty() && o.aggregate.is_some());
    // The strip says the result; with nothing more to say (no what-if, no range, no
    // note) this panel is left out rather than shown as an empty box under its heading.
    let more = whatif.is_some()
        || aggregate.is_some_and(|a| !a.range.is_one_value())
        || s.trust_spread.is_some()
        || trust_missing
        || !s.reading.errors.is_empty()
        || excluded.is_some()
        || !s.reading.changed.is_empty();
    if aggregate.is_some() && !more {
        return html! {};
    }
    html! {
        <section class="rapor-result" aria-labelledby={heading.clone()}>
            <h2 id={heading}>{ t(lang, Text::Result) }</h2>
            // The strip above is the live region; this panel holds what needs more room.
            <div data-testid="result">
                if let Some(a) = aggregate {
                    if let Some(w) = whatif {
                        <div class="rapor-compare rapor-compare-2">
                            { aggregate_block(lang, a, "now", Some(t(lang, Text::Now)), zone_assumed) }
                            { aggregate_block(lang, w, "whatif", Some(t(lang, Text::WhatIf)), zone_assumed) }
                        </div>
                    }
                    if !a.range.is_one_value() {
                        <p class="rapor-range">
                            { t(lang, Text::Range) }{ ": " }
                            <span data-testid="aggregate-range">{ format!("{}–{}", lang.num(a.range.low), lang.num(a.range.high)) }</span>
                            if a.range.category_uncertain { <span class="rapor-warn-mark">{ " ⚠" }</span> }
                        </p>
                    }
                    if a.range.category_uncertain {
                        <p class="rapor-warning" data-testid="range-note">{ t(lang, Text::RangeUncertain) }</p>
                    } else if !a.range.is_one_value() {
                        <p class="rapor-note">{ t(lang, Text::RangeNote) }</p>
                    }
                } else {
                    <p class="rapor-empty">{ t(lang, Text::NoData) }</p>
                }
                if let Some(v) = &s.trust_spread {
                    <p class="rapor-note" data-testid="trust-spread-note">{ trust_spread_note(lang, v, s.form.units.iter().any(|u| u.mode != crate::form::Mode::Score)) }</p>
                }
                if trust_missing {
                    <p class="rapor-note" data-testid="trust-note">{ t(lang, Text::TrustNotIncluded) }</p>
                }
                if !s.reading.errors.is_empty() {
                    <p class="rapor-warning" data-testid="errors-note">{ t(lang, Text::FieldErrorsKeepResult) }</p>
                }
                if let Some(o) = excluded {
                    <p class="rapor-note" data-testid="excluded-note">
                        { left_out_units(lang, o.excluded.len()) }{ " " }{ o.excluded.join(", ") }
                    </p>
                }
                if !s.reading.changed.is_empty() {
                    <p class="rapor-note rapor-changed" data-testid="changed-note">
                        { t(lang, Text::Assumptions) }{ ": " }{ t(lang, Text::ChangedFromPublished) }
                    </p>
                }
            </div>
        </section>
    }
}
