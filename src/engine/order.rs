//! One sort for the whole engine. Each `sort_by` with a comparator of its own is a
//! separate copy of the standard library's sort in the wasm module — about 4 KB each,
//! and the planner alone had over a dozen, all of them in the page's first download
//! since the page's module also runs the plan. Sorting through here compiles the sort
//! once, over positions, and each caller adds only a small step that moves the items.

use std::cmp::Ordering;

/// Sorts `v` by `cmp`, stably: as `slice::sort_by` does, equal items keep their order.
pub fn sort_by<T>(v: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    let order = positions(v.len(), &|a, b| cmp(&v[a], &v[b]));
    let mut slots: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(order.into_iter().filter_map(|i| slots[i].take()));
}

/// Sorts `v` by a key, stably (`slice::sort_by_key`).
pub fn sort_by_key<T, K: Ord>(v: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)))
}

/// Sorts `v` in its own order (`slice::sort`).
pub fn sort<T: Ord>(v: &mut Vec<T>) {
    sort_by(v, T::cmp)
}

/// The positions `0..n` in the order `cmp` gives them, ties in position order: the one
/// instance of the standard library's stable sort.
#[inline(never)]
fn positions(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| cmp(a, b));
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_as_the_standard_library_does() {
        // Stable: the two 1s and the two 3s keep the order they came in (by letter).
        let mut v = vec![(3, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (3, 'e')];
        sort_by_key(&mut v, |p| p.0);
        assert_eq!(v, vec![(1, 'b'), (1, 'd'), (2, 'c'), (3, 'a'), (3, 'e')]);
        sort_by(&mut v, |a, b| b.0.cmp(&a.0));
        assert_eq!(v, vec![(3, 'a'), (3, 'e'), (2, 'c'), (1, 'b'), (1, 'd')]);
        let mut w = vec![5, 1, 4, 1, 3];
        sort(&mut w);
        assert_eq!(w, vec![1, 1, 3, 4, 5]);
        let mut empty: Vec<u8> = Vec::new();
        sort(&mut empty);
        assert!(empty.is_empty());
    }
}
