//! The aggregate: score, category, opini and zone, announced politely to screen readers.

use crate::engine::number::format_decimal;
use crate::engine::Outcome;
use crate::web::i18n::{t, zone_label, Lang, Text};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ResultPanelProps {
    pub instance: AttrValue,
    pub outcome: Option<Rc<Outcome>>,
    pub lang: Lang,
    pub has_errors: bool,
}

#[component]
pub fn ResultPanel(props: &ResultPanelProps) -> Html {
    let lang = props.lang;
    let heading = format!("{}-result-h", props.instance);
    let aggregate = props.outcome.as_ref().and_then(|o| o.aggregate.as_ref());
    html! {
        <section class="rapor-result" aria-labelledby={heading.clone()}>
            <h2 id={heading}>{ t(lang, Text::Result) }</h2>
            <div aria-live="polite" aria-atomic="true" data-testid="result">
                if let Some(a) = aggregate {
                    <dl class={classes!("rapor-aggregate", format!("zone-{}", a.grade.zone))}>
                        <div class="rapor-kv rapor-kv-score">
                            <dt>{ t(lang, Text::Score) }</dt>
                            <dd data-testid="aggregate-score">{ format_decimal(a.rounded, lang.decimal_comma()) }</dd>
                        </div>
                        <div class="rapor-kv">
                            <dt>{ t(lang, Text::Category) }</dt>
                            <dd data-testid="aggregate-category">{ &a.grade.category }</dd>
                        </div>
                        <div class="rapor-kv">
                            <dt>{ t(lang, Text::Opini) }</dt>
                            <dd data-testid="aggregate-opini">{ if lang == Lang::En && !a.grade.opini_en.is_empty() { &a.grade.opini_en } else { &a.grade.opini } }</dd>
                        </div>
                        <div class="rapor-kv">
                            <dt>{ t(lang, Text::Zone) }</dt>
                            <dd data-testid="aggregate-zone" class={classes!("rapor-zone", format!("zone-{}", a.grade.zone))}>
                                { { let (icon, name) = zone_label(lang, &a.grade.zone); html! { <><span aria-hidden="true" class="rapor-zone-icon">{ icon }</span>{ " " }{ name }</> } } }
                            </dd>
                        </div>
                    </dl>
                } else {
                    <p class="rapor-empty">{ t(lang, Text::NoData) }</p>
                }
                if props.has_errors {
                    <p class="rapor-warning">{ t(lang, Text::FieldErrorsKeepResult) }</p>
                }
                if let Some(o) = props.outcome.as_ref().filter(|o| !o.excluded.is_empty() && o.aggregate.is_some()) {
                    <p class="rapor-note" data-testid="excluded-note">{ t(lang, Text::LeftOut) }{ " " }{ o.excluded.join(", ") }</p>
                }
            </div>
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct MiniResultProps {
    pub outcome: Option<Rc<Outcome>>,
    pub lang: Lang,
}

/// The one-line bar that stays in view on a phone. Hidden from screen readers: the
/// live region above already announces the same result.
#[component]
pub fn MiniResult(props: &MiniResultProps) -> Html {
    let lang = props.lang;
    let Some(a) = props.outcome.as_ref().and_then(|o| o.aggregate.as_ref()) else { return html! {} };
    let (icon, name) = zone_label(lang, &a.grade.zone);
    html! {
        <div class="rapor-mini" aria-hidden="true">
            <span class="rapor-mini-score">{ format_decimal(a.rounded, lang.decimal_comma()) }</span>
            <span>{ t(lang, Text::Category) }{ " " }{ &a.grade.category }</span>
            <span class={classes!("rapor-zone", format!("zone-{}", a.grade.zone))}>{ icon }{ " " }{ name }</span>
        </div>
    }
}
