//! Keys given twice in one JSON object. `serde_json` keeps the last one silently, so a
//! file with `"score": 90, …, "score": 10` was read as 10 with no word; a scenario or
//! method file is now refused at the place, as the engine refuses any other problem.
//! A walk over the text with serde's visitor (nothing is kept), before the real reading.

use crate::engine::error::{InputError, Problem};
use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use std::collections::BTreeSet;
use std::fmt;

/// `Ok` when no object in `text` gives a key twice; else the object's place and the key.
/// Text that is not JSON is left to the reader that follows, which words that.
pub fn refuse_duplicate_keys(text: &str) -> Result<(), InputError> {
    let mut found = None;
    let mut de = serde_json::Deserializer::from_str(text);
    let _ = Walk { path: String::new(), found: &mut found }.deserialize(&mut de);
    match found {
        Some((path, key)) => Err(InputError::new(path, Problem::GivenTwice(key))),
        None => Ok(()),
    }
}

/// One value at `path`; the first duplicate found is put in `found`.
struct Walk<'a> {
    path: String,
    found: &'a mut Option<(String, String)>,
}

impl<'de> DeserializeSeed<'de> for Walk<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Walk<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut seen = BTreeSet::new();
        while let Some(key) = map.next_key::<String>()? {
            if !seen.insert(key.clone()) {
                *self.found = Some((self.path.clone(), key));
                return Err(serde::de::Error::custom("duplicate key"));
            }
            let path = if self.path.is_empty() { key } else { format!("{}.{key}", self.path) };
            map.next_value_seed(Walk { path, found: &mut *self.found })?;
        }
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut i = 0;
        while seq.next_element_seed(Walk { path: format!("{}[{i}]", self.path), found: &mut *self.found })?.is_some() {
            i += 1;
        }
        Ok(())
    }

    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_given_twice_is_named_with_its_object() {
        // The review's case: the second "score" (10) silently replaced the first (90).
        let e = refuse_duplicate_keys(r#"{"units": [{"name": "A", "score": 90}, {"name": "B", "score": 90, "score": 10}]}"#).unwrap_err();
        assert_eq!((e.path.as_str(), &e.problem), ("units[1]", &Problem::GivenTwice("score".into())));
        let e = refuse_duplicate_keys(r#"{"ruleset": "a", "ruleset": "b"}"#).unwrap_err();
        assert_eq!(e.path, "");
        let e = refuse_duplicate_keys(r#"{"assumptions": {"weights": {"input": 1, "input": 2}}}"#).unwrap_err();
        assert_eq!(e.path, "assumptions.weights");
    }

    #[test]
    fn the_same_key_in_different_objects_is_fine() {
        assert!(refuse_duplicate_keys(r#"{"a": {"x": 1}, "b": {"x": 1}, "c": [{"x": 1}, {"x": [1, {"x": null}]}]}"#).is_ok());
        // Not JSON: for the reader that follows to word.
        assert!(refuse_duplicate_keys("{").is_ok());
    }
}
