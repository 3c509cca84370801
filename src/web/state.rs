//! The widget's one state and the edits it accepts (`use_reducer`).

use super::catalog;
use super::i18n::Lang;
use crate::engine::Outcome;
use crate::form::{FieldError, Form};
use std::rc::Rc;
use yew::Reducible;

pub const DEFAULT_RULESET: &str = "ombudsman-2024";

#[derive(Debug, Clone, PartialEq)]
pub struct State {
    pub form: Form,
    pub lang: Lang,
    /// The last outcome computed from valid fields: a typo never blanks the result.
    pub outcome: Option<Rc<Outcome>>,
    pub errors: Vec<FieldError>,
}

pub enum Action {
    SetRuleset(String),
    ToggleLang,
    AddUnit,
    RemoveUnit(u32),
    Rename(u32, String),
    SetScore(u32, String),
}

impl State {
    pub fn new(ruleset: &str, lang: Lang) -> State {
        let id = if catalog().get(ruleset).is_some() { ruleset } else { DEFAULT_RULESET };
        let mut s = State { form: Form::typical(id), lang, outcome: None, errors: Vec::new() };
        s.recompute();
        s
    }

    fn recompute(&mut self) {
        let Some(rs) = catalog().get(&self.form.ruleset) else { return };
        match self.form.evaluate(rs) {
            Ok(o) => {
                self.outcome = Some(Rc::new(o));
                self.errors.clear();
            }
            Err(e) => self.errors = e,
        }
    }

    pub fn error_for(&self, unit_key: u32, field: &str) -> Option<&FieldError> {
        self.errors.iter().find(|e| e.unit_key == unit_key && e.field == field)
    }
}

impl Reducible for State {
    type Action = Action;

    // Always returns a new Rc: since Yew 0.23 returning `self` would skip the render.
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::ToggleLang => {
                s.lang = s.lang.other();
                return Rc::new(s);
            }
            Action::SetRuleset(id) => {
                if catalog().get(&id).is_some() {
                    s.form.ruleset = id;
                }
            }
            Action::AddUnit => {
                let n = s.form.units.len() + 1;
                s.form.add_unit(&format!("Unit {n}"));
            }
            Action::RemoveUnit(k) => s.form.remove_unit(k),
            Action::Rename(k, name) => {
                if let Some(u) = s.form.unit_mut(k) {
                    u.name = name;
                }
            }
            Action::SetScore(k, text) => {
                if let Some(u) = s.form.unit_mut(k) {
                    u.score = text;
                }
            }
        }
        s.recompute();
        Rc::new(s)
    }
}
