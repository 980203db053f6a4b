//! The Aho-Corasick matcher with word-boundary filtering.

use aho_corasick::{
    AhoCorasick, AhoCorasickKind, Anchored, BuildError, Input, MatchKind, StartKind,
};

/// Build the automaton: leftmost-longest, case-sensitive, with anchored searches enabled
/// (used to fall back to shorter candidates). A contiguous NFA keeps memory low for
/// 100k+ patterns (a DFA would be several times larger for little gain).
pub(crate) fn build<'a, I>(patterns: I) -> Result<AhoCorasick, BuildError>
where
    I: IntoIterator<Item = &'a str>,
{
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .start_kind(StartKind::Both)
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .build(patterns)
}

#[inline]
fn char_before(text: &str, at: usize) -> Option<char> {
    text.get(..at).and_then(|s| s.chars().next_back())
}

#[inline]
fn char_after(text: &str, at: usize) -> Option<char> {
    text.get(at..).and_then(|s| s.chars().next())
}

#[inline]
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// The hit `[start, end)` starts at a word boundary.
#[inline]
fn starts_word(text: &str, start: usize) -> bool {
    !char_before(text, start).is_some_and(is_word_char)
}

/// The hit ends at a word boundary (a possessive `'s` after it is fine: the apostrophe
/// is not alphanumeric).
#[inline]
fn ends_word(text: &str, end: usize) -> bool {
    !char_after(text, end).is_some_and(is_word_char)
}

/// The first position after `from` where a word can start: just past the current run
/// of word characters (and at least one character further).
fn next_word_start(text: &str, from: usize) -> usize {
    let rest = match text.get(from..) {
        Some(r) => r,
        None => return text.len(),
    };
    let mut chars = rest.char_indices();
    // always advance at least one character
    let mut pos = match chars.next() {
        Some((_, c)) => from + c.len_utf8(),
        None => return text.len(),
    };
    for (i, c) in chars {
        if !is_word_char(c) {
            return from + i;
        }
        pos = from + i + c.len_utf8();
    }
    pos
}

/// Run the automaton over `text` and report `(start, end, pattern)` for every hit on
/// word boundaries, in increasing order of `start`, without overlaps.
pub(crate) fn find(ac: &AhoCorasick, text: &str, mut emit: impl FnMut(usize, usize, u32)) {
    let len = text.len();
    let mut pos = 0;
    while pos < len {
        let m = match ac.try_find(Input::new(text).range(pos..len)) {
            Ok(Some(m)) => m,
            // Ok(None): no more candidates. Err is impossible: the automaton supports
            // unanchored leftmost searches by construction.
            _ => break,
        };
        let start = m.start();
        if !starts_word(text, start) {
            // A hit must start a word; skip to the end of the word that contains `start`.
            pos = next_word_start(text, start);
            continue;
        }
        let mut end = m.end();
        let mut pattern = m.pattern().as_u32();
        loop {
            if ends_word(text, end) {
                emit(start, end, pattern);
                pos = end;
                break;
            }
            // Try the longest shorter candidate that starts at `start`.
            let shorter = if end > start + 1 {
                ac.try_find(
                    Input::new(text)
                        .range(start..end - 1)
                        .anchored(Anchored::Yes),
                )
                .ok()
                .flatten()
            } else {
                None
            };
            match shorter {
                Some(s) => {
                    end = s.end();
                    pattern = s.pattern().as_u32();
                }
                None => {
                    pos = next_word_start(text, start);
                    break;
                }
            }
        }
    }
}
