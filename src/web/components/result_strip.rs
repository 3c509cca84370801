//! The result strip: the pemda's score, its category as a large badge (letter, colour
//! and words), the opini or quality, the zone, and how far the next grade is. It stays
//! in view at every width while units are typed, and it is the live region a screen
//! reader announces after each change.

use crate::engine::grade::to_next_band;
use crate::text::{t, to_next, zone_label, Text};
use crate::web::state::Shared;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ResultStripProps {
    pub state: Shared,
}

#[component]
pub fn ResultStrip(p: &ResultStripProps) -> Html {
    let s = &p.state;
    let lang = s.lang;
    let rs = &s.reading.ruleset;
    let aggregate = s.outcome.as_ref().and_then(|o| o.aggregate.as_ref());
    let zone_assumed = rs.zone_is_assumption();
    html! {
        <div class="rapor-strip" data-testid="result-strip" role="region" aria-label={t(lang, Text::StripLabel)}>
            <div class="rapor-strip-live" aria-live="polite" aria-atomic="true">
                if let Some(a) = aggregate {
                    {{
                        let g = &a.grade;
                        let words = if g.quality.is_empty() { lang.pick(&g.opini, &g.opini_en) } else { lang.pick(&g.quality, &g.quality_en) };
                        let next = match to_next_band(rs, a.rounded) {
                            Some((band, points)) => to_next(lang, points, &rs.bands[band].category),
                            None => t(lang, Text::TopGrade).to_string(),
                        };
                        let (icon, zone) = zone_label(lang, &g.zone);
                        html! { <>
                            <span class="rapor-strip-score">
                                <span class="rapor-strip-label">{ t(lang, Text::Score) }</span>
                                <strong data-testid="aggregate-score">{ lang.num(a.rounded) }</strong>
                            </span>
                            <span class={classes!("rapor-strip-badge", (!g.zone.is_empty()).then(|| format!("zone-{}", g.zone)))}>
                                <span class="rapor-strip-label">{ t(lang, Text::Category) }</span>
                                <strong data-testid="aggregate-category">{ &g.category }</strong>
                            </span>
                            <span class="rapor-strip-words">
                                <span class="rapor-strip-label">{ t(lang, if g.quality.is_empty() { Text::Opini } else { Text::Quality }) }</span>
                                <span data-testid={if g.quality.is_empty() { "aggregate-opini" } else { "aggregate-quality" }}>{ words }</span>
                                // 2025 publishes the opini beside its quality category.
                                if !g.quality.is_empty() {
                                    <span class="rapor-strip-opini" data-testid="aggregate-opini">{ lang.pick(&g.opini, &g.opini_en) }</span>
                                }
                            </span>
                            // SAKIP, IPP and IKM grade without zones.
                            if !g.zone.is_empty() {
                                <span class="rapor-strip-zone" title={zone_assumed.then(|| t(lang, Text::ZoneAssumed))}>
                                    <span class="rapor-strip-label">{ t(lang, if zone_assumed { Text::ZoneAssumedShort } else { Text::Zone }) }</span>
                                    <span data-testid="aggregate-zone" class={classes!("rapor-zone", format!("zone-{}", g.zone))}>
                                        <span aria-hidden="true" class="rapor-zone-icon">{ icon }</span>{ " " }{ zone }
                                    </span>
                                </span>
                            }
                            <span class="rapor-strip-next" data-testid="to-next">{ next }</span>
                            if let Some(then) = s.form.baseline.as_ref().and_then(|b| b.score) {
                                <span class="rapor-strip-baseline">
                                    <span class="rapor-strip-label">{ t(lang, Text::ComparedWith) }</span>
                                    <span data-testid="baseline-delta">{ crate::text::change_from(lang, a.rounded, then) }</span>
                                </span>
                            }
                        </> }
                    }}
                } else {
                    <span class="rapor-strip-empty">{ t(lang, Text::NoData) }</span>
                }
            </div>
        </div>
    }
}
