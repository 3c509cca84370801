//! Each unit's score and category, and what each dimension contributes to it.

use crate::engine::exact::Ratio;
use crate::engine::number::RoundingMode;
use crate::text::{t, Text};
use crate::web::state::Shared;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct UnitTableProps {
    pub state: Shared,
}

#[component]
pub fn UnitTable(p: &UnitTableProps) -> Html {
    let s = &p.state;
    let lang = s.lang;
    let Some(o) = s.outcome.as_ref().filter(|o| !o.units.is_empty()) else { return html! {} };
    let rs = &s.reading.ruleset;
    let points = |r: Ratio| r.round(2, RoundingMode::HalfUp).map(|d| lang.num(d)).unwrap_or_default();
    // 2025 publishes a second label per unit beside its category.
    let quality = rs.bands.iter().any(|b| !b.quality.is_empty());
    html! {
        // Focusable and named: on a phone the table scrolls sideways, and keyboard users
        // must be able to scroll it too.
        <section class="rapor-unit-table" tabindex="0" aria-label={t(lang, Text::UnitResults)}>
            <table data-testid="unit-table">
                <caption>{ t(lang, Text::UnitResults) }{ " · " }{ t(lang, Text::Contributions) }</caption>
                <thead><tr>
                    <th scope="col">{ t(lang, Text::Unit) }</th>
                    <th scope="col">{ t(lang, Text::Score) }</th>
                    <th scope="col">{ t(lang, Text::Category) }</th>
                    if quality { <th scope="col">{ t(lang, Text::Quality) }</th> }
                    { for rs.dimensions.iter().map(|d| html! { <th scope="col">{ lang.pick(&d.name, &d.name_en) }</th> }) }
                </tr></thead>
                <tbody>
                    { for o.units.iter().map(|u| html! {
                        <tr>
                            <th scope="row">{ &u.name }</th>
                            <td class="rapor-num">{ lang.num(u.rounded) }</td>
                            <td>{ &u.grade.category }</td>
                            if quality { <td data-testid="unit-quality">{ lang.pick(&u.grade.quality, &u.grade.quality_en) }</td> }
                            { for rs.dimensions.iter().enumerate().map(|(i, _)| html! {
                                <td class="rapor-num">{ u.dimensions.get(i).map_or_else(|| "—".to_string(), |d| points(d.contribution)) }</td>
                            }) }
                        </tr>
                    }) }
                </tbody>
            </table>
        </section>
    }
}
