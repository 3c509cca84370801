//! The top of the widget: method picker, units, result.

use super::catalog;
use super::components::result_panel::{MiniResult, ResultPanel};
use super::components::unit_row::UnitRow;
use super::i18n::{t, Lang, Text};
use super::state::{Action, State, DEFAULT_RULESET};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    /// Prefix for element ids, unique per widget on a page.
    #[prop_or(AttrValue::Static("rapor"))]
    pub instance: AttrValue,
    #[prop_or(AttrValue::Static(DEFAULT_RULESET))]
    pub ruleset: AttrValue,
    #[prop_or_default]
    pub english: bool,
}

impl Default for AppProps {
    fn default() -> Self {
        AppProps { instance: AttrValue::Static("rapor"), ruleset: AttrValue::Static(DEFAULT_RULESET), english: false }
    }
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let state = {
        let (ruleset, lang) = (props.ruleset.clone(), if props.english { Lang::En } else { Lang::Id });
        use_reducer(move || State::new(&ruleset, lang))
    };
    let lang = state.lang;
    let dispatch = {
        let state = state.clone();
        Callback::from(move |a: Action| state.dispatch(a))
    };
    let on_ruleset = dispatch.reform(|e: Event| Action::SetRuleset(e.target_unchecked_into::<HtmlSelectElement>().value()));
    let on_lang = dispatch.reform(|_: MouseEvent| Action::ToggleLang);
    let on_add = dispatch.reform(|_: MouseEvent| Action::AddUnit);
    let id = |s: &str| format!("{}-{s}", props.instance);
    let rs_id = id("ruleset");

    html! {
        <div class="rapor" lang={lang.code()}>
            <header class="rapor-header">
                <div>
                    <h1 class="rapor-title">{ t(lang, Text::AppTitle) }</h1>
                    <p class="rapor-subtitle">{ t(lang, Text::AppSubtitle) }</p>
                </div>
                <button type="button" class="rapor-lang" data-testid="lang-toggle" onclick={on_lang}
                    lang={lang.other().code()}>{ t(lang, Text::SwitchLanguage) }</button>
            </header>
            <div class="rapor-field">
                <label for={rs_id.clone()}>{ t(lang, Text::Ruleset) }</label>
                <select id={rs_id} data-testid="ruleset-select" onchange={on_ruleset}>
                    { for catalog().all().iter().map(|r| html! {
                        <option value={r.id.clone()} selected={r.id == state.form.ruleset}>
                            { if lang == Lang::En && !r.title_en.is_empty() { &r.title_en } else { &r.title } }
                        </option>
                    }) }
                </select>
            </div>
            <div class="rapor-body">
                <section class="rapor-units" aria-labelledby={id("units-h")}>
                    <h2 id={id("units-h")}>{ t(lang, Text::Units) }</h2>
                    <ul class="rapor-unit-list">
                        { for state.form.units.iter().map(|u| {
                            let outcome = state.outcome.as_ref().and_then(|o| o.units.iter().find(|x| x.index == state.form.units.iter().position(|f| f.key == u.key).unwrap_or(usize::MAX)).cloned());
                            html! {
                                <UnitRow key={u.key} instance={props.instance.clone()} unit={u.clone()} lang={lang}
                                    error={state.error_for(u.key, "score").map(|e| e.error.message(lang == Lang::Id))}
                                    outcome={outcome} ondispatch={dispatch.clone()} />
                            }
                        }) }
                    </ul>
                    <button type="button" class="rapor-add" data-testid="add-unit" onclick={on_add}>
                        <span aria-hidden="true">{ "+ " }</span>{ t(lang, Text::AddUnit) }
                    </button>
                </section>
                <ResultPanel outcome={state.outcome.clone()} lang={lang} has_errors={!state.errors.is_empty()} instance={props.instance.clone()} />
            </div>
            <MiniResult outcome={state.outcome.clone()} lang={lang} />
        </div>
    }
}
