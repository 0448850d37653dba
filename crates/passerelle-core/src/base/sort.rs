//! One stable sort for every type.
//!
//! `slice::sort_by` is generic over the item and the comparison: each
//! call site puts its own copy of the sorting algorithm (about 5 KB) in
//! the WebAssembly module. [`sort_by`] works out the order on positions,
//! comparing through a reference to the comparison, so the algorithm is
//! in the module once; then it moves the items into that order.
//!
//! For the same reason, maps and sets are built by insertion, not by
//! `collect`: collecting into a `BTreeMap` or `BTreeSet` sorts, with a copy
//! of the sort for each iterator type.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, stably: equal items keep their order.
pub(crate) fn sort_by<T>(items: &mut Vec<T>, mut compare: impl FnMut(&T, &T) -> Ordering) {
    let mut order: Vec<usize> = (0..items.len()).collect();
    sort_positions(&mut order, &mut |a, b| compare(&items[a], &items[b]));
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    // Each position is in `order` once: every slot is taken once.
    items.extend(order.iter().filter_map(|&at| slots.get_mut(at)?.take()));
}

/// Sorts `items` by the key `key` gives, stably.
pub(crate) fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Positions sorted by `compare`: the one instance of the algorithm.
#[inline(never)]
fn sort_positions(order: &mut [usize], compare: &mut dyn FnMut(usize, usize) -> Ordering) {
    order.sort_by(|&a, &b| compare(a, b));
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn sorts_as_the_standard_library_does(items in proptest::collection::vec((0u8..5, any::<u16>()), 0..200)) {
            let mut ours = items.clone();
            sort_by_key(&mut ours, |item| item.0);
            let mut theirs = items;
            theirs.sort_by_key(|item| item.0);
            prop_assert_eq!(ours, theirs);
        }
    }
}
