//! The methods a session can offer: the list of shipped rulesets (`rulesets.json`) and
//! those loaded so far. Held by the state, so the reducer reads no global and the host
//! tests give it whatever methods they need; the view fetches files and hands them in.

use crate::engine::Ruleset;
use serde::Deserialize;
use std::rc::Rc;

/// One entry of `rulesets.json`: enough for the picker.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Listed {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub title_en: String,
}

/// Cheap to clone: the state is cloned on every edit.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Library {
    index: Rc<Vec<Listed>>,
    loaded: Rc<Vec<Rc<Ruleset>>>,
}

impl Library {
    pub fn new(index: Vec<Listed>, loaded: Vec<Rc<Ruleset>>) -> Library {
        Library { index: Rc::new(index), loaded: Rc::new(loaded) }
    }

    pub fn listed(&self) -> &[Listed] {
        &self.index
    }

    pub fn is_listed(&self, id: &str) -> bool {
        self.index.iter().any(|l| l.id == id)
    }

    pub fn get(&self, id: &str) -> Option<Rc<Ruleset>> {
        self.loaded.iter().find(|r| r.id == id).cloned()
    }

    /// The first ruleset loaded (the page always starts with one).
    pub fn first_loaded(&self) -> Option<Rc<Ruleset>> {
        self.loaded.first().cloned()
    }

    /// With `rs` loaded too.
    pub fn with(&self, rs: Rc<Ruleset>) -> Library {
        if self.get(&rs.id).is_some() {
            return self.clone();
        }
        let mut loaded = (*self.loaded).clone();
        loaded.push(rs);
        Library { index: self.index.clone(), loaded: Rc::new(loaded) }
    }
}
