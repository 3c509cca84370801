//! Each unit's score against the category thresholds, and the aggregate, drawn as SVG.
//! Every bar carries its number and category in text, so colour is never the only cue.

use crate::engine::{Grade, Ruleset};
use crate::text::{t, Lang, Text};
use crate::web::state::Shared;
use rust_decimal::Decimal;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChartProps {
    pub state: Shared,
}

// Geometry in SVG user units; decimals like the scores, so no float ever meets a score.
// A narrow canvas: the chart sits in the side column and must stay legible there.
const WIDTH: i64 = 480;
/// Room left of the bars for a unit's name: "Dinas Pendidikan" at the stage's 15px needs
/// about 130 units (130 clipped its first letter), a wide 16 like "Dinas Penanaman…" about 155.
const LABEL: i64 = 170;
/// Longer names are cut to this many characters, the last an "…" (the full names are in
/// the chart's text alternative and in the table).
const NAME_CHARS: usize = 16;
const ROW: i64 = 28;
const TOP: i64 = 40;
/// Room right of the longest bar for its "100,00 A" label.
const VALUE_ROOM: i64 = 74;

fn d(n: i64) -> Decimal {
    Decimal::from(n)
}

/// x position of a score, to one decimal of a user unit.
fn x(score: Decimal, rs: &Ruleset) -> Decimal {
    (d(LABEL) + score / rs.score_max * d(WIDTH - LABEL - VALUE_ROOM)).round_dp(1)
}

fn bar(lang: Lang, rs: &Ruleset, row: usize, name: &str, score: Decimal, grade: &Grade, strong: bool) -> Html {
    let (category, zone) = (&grade.category, &grade.zone);
    let y = d(TOP + row as i64 * ROW);
    let w = (x(score, rs) - d(LABEL)).max(Decimal::ONE);
    let short: String =
        if name.chars().count() > NAME_CHARS { name.chars().take(NAME_CHARS - 1).chain(['…']).collect() } else { name.to_string() };
    html! {
        <g class={classes!("rapor-bar", format!("zone-{zone}"), strong.then_some("rapor-bar-aggregate"))}>
            <text x={(LABEL - 6).to_string()} y={(y + d(16)).to_string()} text-anchor="end">{ short }</text>
            <rect x={LABEL.to_string()} y={(y + d(4)).to_string()} width={w.to_string()} height={(ROW - 9).to_string()} rx="3" />
            <text x={(d(LABEL + 4) + w).to_string()} y={(y + d(16)).to_string()} class="rapor-bar-value">
                { format!("{} {}", lang.num(score), category) }
            </text>
        </g>
    }
}

#[component]
pub fn Chart(p: &ChartProps) -> Html {
    let s = &p.state;
    let lang = s.lang;
    let Some(o) = s.outcome.as_ref() else { return html! {} };
    let Some(a) = o.aggregate.as_ref() else { return html! {} };
    let rs = &s.reading.ruleset;
    let rows = o.units.len() + 1;
    let height = TOP + rows as i64 * ROW + 8;
    let summary = format!(
        "{}: {} {} {}. {}",
        t(lang, Text::Aggregate),
        lang.num(a.rounded),
        t(lang, Text::Category),
        a.grade.category,
        o.units.iter().map(|u| format!("{} {} {}", u.name, lang.num(u.rounded), u.grade.category)).collect::<Vec<_>>().join("; ")
    );
    html! {
        <figure class="rapor-chart" data-testid="chart">
            <svg viewBox={format!("0 0 {WIDTH} {height}")} role="img" aria-label={summary} preserveAspectRatio="xMinYMin meet">
                <title>{ t(lang, Text::Chart) }</title>
                { for rs.bands.iter().filter(|b| !b.min.is_zero()).enumerate().map(|(i, b)| {
                    let bx = x(b.min, rs);
                    // Alternate label heights: neighbouring thresholds (78, 88) sit close.
                    let ty = if i % 2 == 0 { TOP - 22 } else { TOP - 8 };
                    html! {
                        <g class="rapor-threshold">
                            <line x1={bx.to_string()} x2={bx.to_string()} y1={(TOP - 4).to_string()} y2={(height - 4).to_string()} />
                            <text x={bx.to_string()} y={ty.to_string()} text-anchor="middle">{ format!("{} {}", b.category, lang.num(b.min)) }</text>
                        </g>
                    }
                }) }
                { bar(lang, rs, 0, "Pemda", a.rounded, &a.grade, true) }
                { for o.units.iter().enumerate().map(|(i, u)| bar(lang, rs, i + 1, &u.name, u.rounded, &u.grade, false)) }
            </svg>
            <figcaption>{ t(lang, Text::Chart) }</figcaption>
        </figure>
    }
}
