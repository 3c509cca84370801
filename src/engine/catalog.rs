//! The rulesets that ship inside the binary, plus any the user loads from a file.

use crate::engine::error::{InputError, Problem};
use crate::engine::ruleset::Ruleset;

/// The shipped files, newest method first (the order the widget's picker shows).
const BUILT_IN: &[(&str, &str)] = &[
    ("ombudsman-2025", include_str!("../rulesets/ombudsman-2025.json")),
    ("ombudsman-2024", include_str!("../rulesets/ombudsman-2024.json")),
    ("ombudsman-2023", include_str!("../rulesets/ombudsman-2023.json")),
    ("ombudsman-2022", include_str!("../rulesets/ombudsman-2022.json")),
    ("ombudsman-2021", include_str!("../rulesets/ombudsman-2021.json")),
    ("sakip-2021", include_str!("../rulesets/sakip-2021.json")),
    ("ipp-2022", include_str!("../rulesets/ipp-2022.json")),
    ("ikm-2017", include_str!("../rulesets/ikm-2017.json")),
];

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

    /// Adds (or replaces, by id) a ruleset read from the user's file.
    pub fn add_json(&mut self, text: &str) -> Result<&Ruleset, InputError> {
        let rs = Ruleset::from_json(text)?;
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
