//! A labelled text field for a number, with its hint and, when the text cannot be
//! used, `aria-invalid` and the message right beside it.

use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NumberFieldProps {
    pub id: AttrValue,
    pub label: AttrValue,
    pub value: AttrValue,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    #[prop_or_default]
    pub error: Option<String>,
    #[prop_or_default]
    pub testid: Option<AttrValue>,
    /// Extra text after the label, e.g. "changed from the published value".
    #[prop_or_default]
    pub note: Option<AttrValue>,
    #[prop_or_default]
    pub class: Classes,
    pub oninput: Callback<String>,
}

#[component]
pub fn NumberField(p: &NumberFieldProps) -> Html {
    let hint_id = format!("{}-hint", p.id);
    let err_id = format!("{}-err", p.id);
    let mut described = Vec::new();
    if p.hint.is_some() {
        described.push(hint_id.clone());
    }
    if p.error.is_some() {
        described.push(err_id.clone());
    }
    let oninput = p.oninput.reform(|e: InputEvent| e.target_unchecked_into::<HtmlInputElement>().value());
    html! {
        <div class={classes!("rapor-field", p.class.clone())}>
            <label for={p.id.clone()}>
                { p.label.clone() }
                if let Some(n) = &p.note { <span class="rapor-changed">{ " · " }{ n.clone() }</span> }
            </label>
            <input id={p.id.clone()} type="text" inputmode="decimal" autocomplete="off"
                data-testid={p.testid.clone()} value={p.value.clone()} {oninput}
                aria-invalid={if p.error.is_some() { "true" } else { "false" }}
                aria-describedby={(!described.is_empty()).then(|| described.join(" "))} />
            if let Some(h) = &p.hint { <span id={hint_id} class="rapor-hint">{ h.clone() }</span> }
            if let Some(e) = &p.error {
                <span id={err_id} class="rapor-field-error" data-testid="field-error" role="alert">{ e.clone() }</span>
            }
        </div>
    }
}
