//! The rulesets that ship inside the binary, plus any the user loads from a file.

use crate::engine::error::{InputError, Problem, Says};
use crate::engine::ruleset::Ruleset;

/// The shipped rulesets, newest method first (the order the widget's picker shows): their
/// ids, and their files compiled in. One list, so an id is never without its file.
macro_rules! shipped {
    ($($id:literal),* $(,)?) => {
        /// The ids of the shipped methods, which a user's own method may never take: the
        /// widget's picker and every file name them as the official ones.
        pub const BUILT_IN_IDS: &[&str] = &[$($id),*];
        const BUILT_IN: &[(&str, &str)] = &[$(($id, include_str!(concat!("../rulesets/", $id, ".json")))),*];
    };
}
shipped!["ombudsman-2025", "ombudsman-2024", "ombudsman-2023", "ombudsman-2022", "ombudsman-2021", "sakip-2021", "ipp-2022", "ikm-2017"];

/// A user's own method under a shipped id is refused at its `id`: it would stand in the
/// picker, in files and in links as the official method.
pub fn check_own_id(rs: &Ruleset) -> Result<(), InputError> {
    if BUILT_IN_IDS.contains(&rs.id.as_str()) {
        return Err(InputError::new("id", Problem::Says(Says::BuiltInId(rs.id.clone()))));
    }
    Ok(())
}

#[derive(Debug, Clone)]
pub struct Catalog {
    rulesets: Vec<Ruleset>,
}

impl Catalog {
    /// The shipped rulesets. They are validated like any user file; a broken one is a
    /// bug caught by the tests, so it panics here with the file and field named.
    pub fn built_in() -> Catalog {
        let rulesets = BUILT_IN
            .iter()
            .map(|(name, text)| match Ruleset::from_json(text) {
                Ok(rs) => rs,
                Err(e) => panic!("built-in ruleset {name}: {e}"),
            })
            .collect();
        Catalog { rulesets }
    }

    /// Adds (or replaces, by id) a ruleset read from the user's file; a shipped id is refused.
    pub fn add_json(&mut self, text: &str) -> Result<&Ruleset, InputError> {
        let rs = Ruleset::from_json(text)?;
        check_own_id(&rs)?;
        let pos = match self.rulesets.iter().position(|r| r.id == rs.id) {
            Some(i) => {
                self.rulesets[i] = rs;
                i
            }
            None => {
                self.rulesets.push(rs);
                self.rulesets.len() - 1
            }
        };
        Ok(&self.rulesets[pos])
    }

    pub fn get(&self, id: &str) -> Option<&Ruleset> {
        self.rulesets.iter().find(|r| r.id == id)
    }

    pub fn require(&self, id: &str) -> Result<&Ruleset, InputError> {
        self.get(id).ok_or_else(|| InputError::new("ruleset", Problem::UnknownRuleset(id.to_string())))
    }

    pub fn all(&self) -> &[Ruleset] {
        &self.rulesets
    }

    /// The raw text of a shipped file, for tests that compare it with what the engine writes.
    pub fn built_in_source(id: &str) -> Option<&'static str> {
        BUILT_IN.iter().find(|(n, _)| *n == id).map(|(_, t)| *t)
    }
}
