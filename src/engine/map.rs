//! The engine's and the form's maps: a few to a few dozen entries each, by id.

use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::marker::PhantomData;

/// `litemap`'s map on a sorted vector, built one insert at a time. A BTreeMap per key
/// and value type cost the page's module about 26 KB of wasm; `LiteMap`'s own
/// `collect` and reading sort with a stable sort per type (4 KB each, 24 KB in all),
/// which inserting does not need. Same order, same JSON (an object), and a repeated
/// key keeps the last value, as a BTreeMap did.
#[derive(Clone, PartialEq, Eq)]
pub struct SmallMap<K, V>(litemap::LiteMap<K, V>);

impl<K, V> SmallMap<K, V> {
    pub const fn new() -> SmallMap<K, V> {
        SmallMap(litemap::LiteMap::new())
    }
}

impl<K, V> Default for SmallMap<K, V> {
    fn default() -> SmallMap<K, V> {
        SmallMap::new()
    }
}

impl<K, V> std::ops::Deref for SmallMap<K, V> {
    type Target = litemap::LiteMap<K, V>;
    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

impl<K, V> std::ops::DerefMut for SmallMap<K, V> {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.0
    }
}

impl<K: Ord, V> FromIterator<(K, V)> for SmallMap<K, V> {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(items: I) -> SmallMap<K, V> {
        let mut m = SmallMap::new();
        for (k, v) in items {
            m.0.insert(k, v);
        }
        m
    }
}

impl<'a, K, V> IntoIterator for &'a SmallMap<K, V> {
    type Item = (&'a K, &'a V);
    type IntoIter = <&'a litemap::LiteMap<K, V> as IntoIterator>::IntoIter;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl<K, V> IntoIterator for SmallMap<K, V> {
    type Item = (K, V);
    type IntoIter = <litemap::LiteMap<K, V> as IntoIterator>::IntoIter;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<K: fmt::Debug, V: fmt::Debug> fmt::Debug for SmallMap<K, V> {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.debug_map().entries(self.0.iter()).finish()
    }
}

impl<K: Serialize, V: Serialize> Serialize for SmallMap<K, V> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter())
    }
}

/// The most entries a map is read with. Each insert into a sorted vector moves what
/// follows, so a hostile file or damaged storage with a huge object in random order
/// would take minutes; no map Rapor writes comes near this (a method has at most
/// `limits::MAX_METHOD_INDICATORS` indicators, a form `limits::MAX_UNITS` units).
pub const MAX_ENTRIES: usize = 2_000;

impl<'de, K: Deserialize<'de> + Ord, V: Deserialize<'de>> Deserialize<'de> for SmallMap<K, V> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<SmallMap<K, V>, D::Error> {
        struct Entries<K, V>(PhantomData<(K, V)>);
        impl<'de, K: Deserialize<'de> + Ord, V: Deserialize<'de>> Visitor<'de> for Entries<K, V> {
            type Value = SmallMap<K, V>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a map")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut entries: A) -> Result<SmallMap<K, V>, A::Error> {
                let mut m = SmallMap::new();
                while let Some((k, v)) = entries.next_entry()? {
                    if m.len() == MAX_ENTRIES {
                        return Err(serde::de::Error::invalid_length(MAX_ENTRIES + 1, &format!("at most {MAX_ENTRIES} entries").as_str()));
                    }
                    m.0.insert(k, v);
                }
                Ok(m)
            }
        }
        d.deserialize_map(Entries(PhantomData))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_writes_as_a_btreemap_did() {
        // Sorted by key, the last of a repeated key kept, an object both ways.
        let m: SmallMap<String, u32> = serde_json::from_str(r#"{"b": 1, "a": 2, "b": 3}"#).unwrap();
        assert_eq!(serde_json::to_string(&m).unwrap(), r#"{"a":2,"b":3}"#);
        let c: SmallMap<&str, u32> = [("z", 1), ("y", 2), ("z", 3)].into_iter().collect();
        assert_eq!(c.iter().map(|(k, v)| (*k, *v)).collect::<Vec<_>>(), [("y", 2), ("z", 3)]);
        assert!(serde_json::from_str::<SmallMap<String, u32>>(r#"[["a", 1]]"#).is_err(), "an array is not a map");
        assert_eq!(format!("{c:?}"), r#"{"y": 2, "z": 3}"#);
    }

    #[test]
    fn a_huge_object_is_refused_not_sorted_for_minutes() {
        let object = |n: usize| format!("{{{}}}", (0..n).rev().map(|i| format!("\"k{i}\": {i}")).collect::<Vec<_>>().join(","));
        assert_eq!(serde_json::from_str::<SmallMap<String, u32>>(&object(MAX_ENTRIES)).unwrap().len(), MAX_ENTRIES);
        let e = serde_json::from_str::<SmallMap<String, u32>>(&object(MAX_ENTRIES + 1)).unwrap_err();
        assert!(e.to_string().contains("at most 2000 entries"), "{e}");
    }
}
