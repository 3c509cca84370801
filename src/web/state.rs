//! The Yew side of the session: `use_reducer` needs `Reducible`, which is all this adds
//! to `session::State` (the logic, host-tested, lives there).

pub use crate::session::*;
use std::rc::Rc;
use yew::Reducible;

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        State::reduce(self, action)
    }
}
