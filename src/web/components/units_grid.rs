//! The units grid: a heading with what the numbers are, one row per sampled unit
//! (`unit_row`), the button that adds one, and the keys that move through it.

use super::fields::shown;
use super::unit_row::{entry_cells, UnitRow};
use crate::text::{t, Text};
use crate::web::state::{Action, ByPtr, Shared};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct UnitsGridProps {
    pub instance: AttrValue,
    pub state: Shared,
    pub ondispatch: Callback<Action>,
}

#[component]
pub fn UnitsGrid(p: &UnitsGridProps) -> Html {
    let s = &p.state;
    let lang = s.lang;
    let heading = format!("{}-units-h", p.instance);
    let count = s.form.units.len();
    let cells = Rc::new(s.form.units.iter().map(|u| entry_cells(&s.reading.ruleset, u.mode)).collect::<Vec<_>>());
    html! {
        <section class="rapor-units" aria-labelledby={heading.clone()}>
            <div class="rapor-units-head">
                <h2 id={heading}>{ t(lang, Text::Units) }</h2>
                <p class="rapor-hint">{ t(lang, Text::ScoreHint) }</p>
            </div>
            <ol class="rapor-grid">
                { for s.form.units.iter().enumerate().map(|(i, u)| html! {
                    <UnitRow key={u.key} instance={p.instance.clone()} lang={lang} unit={u.clone()}
                        ruleset={ByPtr(s.reading.ruleset.clone())}
                        outcome={s.outcome.as_ref().and_then(|o| o.units.iter().find(|x| x.index == i).cloned())}
                        baseline={s.form.baseline.as_ref().and_then(|b| b.unit(&u.name)).cloned()}
                        errors={shown(&s.reading.errors, Some(u.key), lang)}
                        position={i} count={count} cells={cells.clone()} ondispatch={p.ondispatch.clone()} />
                }) }
            </ol>
            <button type="button" class="rapor-add" data-testid="add-unit" onclick={p.ondispatch.reform(|_: MouseEvent| Action::AddUnit)}
                disabled={p.state.form.units.len() >= crate::engine::limits::MAX_UNITS}>
                <span aria-hidden="true">{ "+ " }</span>{ t(lang, Text::AddUnit) }
            </button>
            <p class="rapor-hint rapor-grid-keys">{ t(lang, Text::GridKeys) }</p>
        </section>
    }
}
