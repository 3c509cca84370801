//! A unit's set of indicator keys (locked, entered by mean), kept sorted in a vector.

use serde::{Deserialize, Deserializer, Serialize};

/// The order and the JSON (an array) a `BTreeSet<String>` gave, in a few lines instead
/// of a B-tree's code in the page's module: a unit holds a handful of keys at most.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Keys(Vec<String>);

impl Keys {
    fn find(&self, key: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|k| k.as_str().cmp(key))
    }

    pub fn contains(&self, key: &str) -> bool {
        self.find(key).is_ok()
    }

    /// Whether it was not there yet.
    pub fn insert(&mut self, key: String) -> bool {
        match self.find(&key) {
            Ok(_) => false,
            Err(at) => {
                self.0.insert(at, key);
                true
            }
        }
    }

    /// Whether it was there.
    pub fn remove(&mut self, key: &str) -> bool {
        self.find(key).map(|at| self.0.remove(at)).is_ok()
    }

    pub fn iter(&self) -> std::slice::Iter<'_, String> {
        self.0.iter()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl FromIterator<String> for Keys {
    /// Sorted, each key once, whatever the order given (a stored form, a file).
    fn from_iter<I: IntoIterator<Item = String>>(keys: I) -> Keys {
        let mut v: Vec<String> = keys.into_iter().collect();
        v.sort_unstable();
        v.dedup();
        Keys(v)
    }
}

impl<'de> Deserialize<'de> for Keys {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Keys, D::Error> {
        Vec::<String>::deserialize(d).map(Keys::from_iter)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_stay_sorted_and_single_as_a_set_kept_them() {
        let mut k: Keys = ["proses.biaya", "input.sdm", "proses.biaya"].map(String::from).into_iter().collect();
        assert_eq!(serde_json::to_string(&k).unwrap(), r#"["input.sdm","proses.biaya"]"#);
        assert!(k.insert("output.produk".into()));
        assert!(!k.insert("input.sdm".into()));
        assert!(k.contains("output.produk") && !k.contains("output"));
        assert!(k.remove("input.sdm") && !k.remove("input.sdm"));
        let back: Keys = serde_json::from_str(r#"["z", "a", "z"]"#).unwrap();
        assert_eq!(back.iter().collect::<Vec<_>>(), ["a", "z"]);
        assert!(serde_json::from_str::<Keys>(r#"{"a": 1}"#).is_err());
    }
}
