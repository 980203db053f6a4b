//! The Aho-Corasick matcher with word-boundary filtering.

use aho_corasick::{
    AhoCorasick, AhoCorasickKind, Anchored, BuildError, Input, MatchKind, StartKind,
};

/// The gazetteer automaton, searched only where a word can start.
pub(crate) struct Matcher {
    automaton: AhoCorasick,
    /// The first two bytes of some pattern, as bits of a 65,536-bit table (a one-byte
    /// pattern sets every pair it starts): the only places an anchored search can
    /// succeed. Most lowercase words start no pattern and are passed over without a
    /// search.
    first_pairs: Box<[u64; 1024]>,
}

/// The word and bit of the pair `(first, second)` in [`Matcher::first_pairs`].
#[inline]
fn pair_bit(first: u8, second: u8) -> (usize, u64) {
    let pair = usize::from(first) << 8 | usize::from(second);
    (pair >> 6, 1 << (pair & 63))
}

impl Matcher {
    /// Whether some pattern may start at `pos` (in bounds; a byte past the end counts as
    /// any byte, for one-byte patterns).
    #[inline]
    fn may_start(&self, bytes: &[u8], pos: usize) -> bool {
        let second = bytes.get(pos + 1).copied().unwrap_or(0);
        let (word, bit) = pair_bit(bytes[pos], second);
        self.first_pairs[word] & bit != 0
    }
}

/// Build the matcher: leftmost-longest, case-sensitive, anchored. A contiguous NFA keeps
/// memory low for 100k+ patterns (a DFA would be several times larger).
pub(crate) fn build<'a, I>(patterns: I) -> Result<Matcher, BuildError>
where
    I: IntoIterator<Item = &'a str>,
{
    let mut first_pairs = Box::new([0u64; 1024]);
    let patterns: Vec<&str> = patterns.into_iter().collect();
    for pattern in &patterns {
        match *pattern.as_bytes() {
            [] => {}
            [first] => {
                for second in 0..=u8::MAX {
                    let (word, bit) = pair_bit(first, second);
                    first_pairs[word] |= bit;
                }
            }
            [first, second, ..] => {
                let (word, bit) = pair_bit(first, second);
                first_pairs[word] |= bit;
            }
        }
    }
    let automaton = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .start_kind(StartKind::Anchored)
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .build(patterns)?;
    Ok(Matcher {
        automaton,
        first_pairs,
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
#[inline(always)]
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
        if after_word || !matcher.may_start(bytes, pos) {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn hits(patterns: &[&str], text: &str) -> Vec<String> {
        let matcher = build(patterns.iter().copied()).unwrap();
        let mut found = Vec::new();
        find(&matcher, text, |start, end, _| {
            found.push(text[start..end].to_string())
        });
        found
    }

    #[test]
    fn word_starts_only_with_the_first_two_bytes_filter() {
        let patterns = ["X", "al-Assad", "Bolivia", "Antonio José de Sucre"];
        // A one-byte pattern matches before any byte and at the end of the text.
        assert_eq!(hits(&patterns, "X marks; X"), ["X", "X"]);
        // Not inside a word, not where only the first byte fits ("Bol", "alone").
        assert_eq!(hits(&patterns, "Bolivian Bol alone al-Assad"), ["al-Assad"]);
        assert_eq!(
            hits(&patterns, "the Antonio José de Sucre drone and Bolivia."),
            ["Antonio José de Sucre", "Bolivia"]
        );
    }
}
