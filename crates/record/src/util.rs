//! Small deterministic helpers: a fixed 64-bit hash, stable ids, date intervals and a
//! union-find.

use pw_model::PartialDate;

/// FNV-1a over bytes, then a splitmix64 finalizer so that the low bits are well mixed.
/// Fixed constants: the same input gives the same hash on every run and machine.
pub(crate) fn hash_bytes(bytes: &[u8]) -> u64 {
    mix(fnv_step(FNV_OFFSET, bytes))
}

/// The FNV-1a state before any byte.
pub(crate) const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// FNV-1a over `bytes` from `hash`: hashing two pieces one after the other gives the
/// hash of the two joined.
pub(crate) fn fnv_step(mut hash: u64, bytes: &[u8]) -> u64 {
    for &byte in bytes {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

/// The splitmix64 finalizer.
pub(crate) fn mix(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// A stable id: `prefix` and 12 hex digits of the hash of `seed` (the smallest member
/// reference of the thing named), so the id does not move when unrelated input is added.
pub(crate) fn stable_id(prefix: char, seed: &str) -> String {
    format!("{prefix}{:012x}", hash_bytes(seed.as_bytes()) >> 16)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
pub(crate) fn days_from_civil(year: i32, month: u8, day: u8) -> i64 {
    let year = i64::from(year) - i64::from(month <= 2);
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month = i64::from(month);
    let day_of_year =
        (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

fn last_day(year: i32, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

/// How precise a date is; the order is from finest to coarsest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Precision {
    Day,
    Month,
    Year,
}

/// The closed range of days a date covers, with its precision. `None` for a month-day
/// without a year, which cannot be placed on a timeline.
pub(crate) fn interval(date: PartialDate) -> Option<(i64, i64, Precision)> {
    match date {
        PartialDate::Day { year, month, day } => {
            let at = days_from_civil(year, month, day);
            Some((at, at, Precision::Day))
        }
        PartialDate::Month { year, month } => Some((
            days_from_civil(year, month, 1),
            days_from_civil(year, month, last_day(year, month)),
            Precision::Month,
        )),
        PartialDate::Year { year } => Some((
            days_from_civil(year, 1, 1),
            days_from_civil(year, 12, 31),
            Precision::Year,
        )),
        PartialDate::Decade { start } => Some((
            days_from_civil(start, 1, 1),
            days_from_civil(start + 9, 12, 31),
            Precision::Year,
        )),
        PartialDate::MonthDay { .. } => None,
    }
}

/// A chronological sort key: unknown and unplaceable dates last, then by first day,
/// finer precision first.
pub(crate) fn chronological(date: Option<PartialDate>) -> (bool, i64, i64) {
    match date.and_then(interval) {
        Some((start, end, _)) => (false, start, end),
        None => (true, 0, 0),
    }
}

/// The most common value; ties go to the smallest.
pub(crate) fn most_common<T: Ord + Clone>(values: impl Iterator<Item = T>) -> Option<T> {
    let mut values: Vec<T> = values.collect();
    values.sort();
    let mut best: Option<(usize, T)> = None;
    let mut index = 0;
    while index < values.len() {
        let run = values[index..]
            .iter()
            .take_while(|value| **value == values[index])
            .count();
        if best.as_ref().is_none_or(|(count, _)| run > *count) {
            best = Some((run, values[index].clone()));
        }
        index += run;
    }
    best.map(|(_, value)| value)
}

/// Union-find with path halving and union by size.
pub(crate) struct UnionFind {
    parent: Vec<u32>,
    size: Vec<u32>,
}

impl UnionFind {
    pub(crate) fn new(n: usize) -> UnionFind {
        UnionFind {
            parent: (0..n as u32).collect(),
            size: vec![1; n],
        }
    }

    pub(crate) fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] as usize != x {
            let grand = self.parent[self.parent[x] as usize];
            self.parent[x] = grand;
            x = grand as usize;
        }
        x
    }

    /// Joins the sets of `a` and `b`; returns the new root and the absorbed root, or
    /// `None` when they were already one set.
    pub(crate) fn union(&mut self, a: usize, b: usize) -> Option<(usize, usize)> {
        let (mut root_a, mut root_b) = (self.find(a), self.find(b));
        if root_a == root_b {
            return None;
        }
        if self.size[root_a] < self.size[root_b] {
            std::mem::swap(&mut root_a, &mut root_b);
        }
        self.parent[root_b] = root_a as u32;
        self.size[root_a] += self.size[root_b];
        Some((root_a, root_b))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_days() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        assert_eq!(
            days_from_civil(2023, 7, 24) - days_from_civil(2023, 7, 20),
            4
        );
    }

    #[test]
    fn ids_are_stable() {
        assert_eq!(stable_id('E', "a1"), stable_id('E', "a1"));
        assert_ne!(stable_id('E', "a1"), stable_id('E', "a2"));
        assert_eq!(stable_id('S', "x").len(), 13);
    }

    #[test]
    fn union_find_joins() {
        let mut sets = UnionFind::new(4);
        assert!(sets.union(0, 1).is_some());
        assert!(sets.union(1, 0).is_none());
        assert_eq!(sets.find(0), sets.find(1));
        assert_ne!(sets.find(2), sets.find(0));
    }
}
