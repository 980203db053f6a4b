//! The Aho-Corasick matcher with word-boundary filtering.

use aho_corasick::{
    AhoCorasick, AhoCorasickKind, Anchored, BuildError, Input, MatchKind, StartKind,
};

/// The gazetteer automaton, searched only where a word can start.
pub(crate) struct Matcher {
    automaton: AhoCorasick,
    /// Bytes some pattern starts with: the only places an anchored search can succeed.
    first_bytes: [bool; 256],
}

/// Build the matcher: leftmost-longest, case-sensitive, anchored. A contiguous NFA keeps
/// memory low for 100k+ patterns (a DFA would be several times larger).
pub(crate) fn build<'a, I>(patterns: I) -> Result<Matcher, BuildError>
where
    I: IntoIterator<Item = &'a str>,
{
    let mut first_bytes = [false; 256];
    let patterns: Vec<&str> = patterns.into_iter().collect();
    for pattern in &patterns {
        if let Some(&byte) = pattern.as_bytes().first() {
            first_bytes[usize::from(byte)] = true;
        }
    }
    let automaton = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .start_kind(StartKind::Anchored)
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .build(patterns)?;
    Ok(Matcher {
        automaton,
        first_bytes,
    })
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

/// The hit ends at a word boundary (a possessive `'s` after it is fine: the apostrophe
/// is not alphanumeric).
#[inline]
fn ends_word(text: &str, end: usize) -> bool {
    !char_after(text, end).is_some_and(is_word_char)
}

/// The position after the character at `pos` (a character boundary), and whether that
/// character is a word character; ASCII without decoding.
#[inline]
fn step(text: &str, pos: usize) -> (usize, bool) {
    let byte = text.as_bytes()[pos];
    if byte.is_ascii() {
        return (pos + 1, byte.is_ascii_alphanumeric());
    }
    match char_after(text, pos) {
        Some(c) => (pos + c.len_utf8(), is_word_char(c)),
        None => (text.len(), false),
    }
}

/// Run the matcher over `text` and report `(start, end, pattern)` for every hit on
/// word boundaries, in increasing order of `start`, without overlaps. At each word start
/// the longest pattern that ends on a word boundary wins.
///
/// The automaton is only run anchored at word starts: most positions are skipped with a
/// table lookup, and a search stops as soon as no pattern continues the text, so the
/// cost is a few transitions per word rather than one per byte with failure links.
pub(crate) fn find(matcher: &Matcher, text: &str, mut emit: impl FnMut(usize, usize, u32)) {
    let bytes = text.as_bytes();
    let len = bytes.len();
    let mut pos = 0;
    // Whether the character before `pos` is a word character.
    let mut after_word = false;
    while pos < len {
        let byte = bytes[pos];
        if after_word || !matcher.first_bytes[usize::from(byte)] {
            (pos, after_word) = step(text, pos);
            continue;
        }
        let mut end = len;
        let mut emitted = false;
        while end > pos {
            let found = matcher
                .automaton
                .try_find(Input::new(text).range(pos..end).anchored(Anchored::Yes))
                .ok()
                .flatten();
            let Some(found) = found else { break };
            if ends_word(text, found.end()) {
                emit(pos, found.end(), found.pattern().as_u32());
                pos = found.end();
                emitted = true;
                break;
            }
            // Try the longest shorter candidate that starts here.
            end = found.end() - 1;
        }
        if emitted {
            after_word = char_before(text, pos).is_some_and(is_word_char);
        } else {
            (pos, after_word) = step(text, pos);
        }
    }
}
