//! Candidate regions and hashed features: no `String` per feature, one pass per token.
//!
//! Only "candidate regions" are tagged: maximal runs of tokens with an uppercase letter,
//! joined by connectors (`of`, `the`, `de`, `al`, `and`, `&`, ...) that sit between two
//! such tokens (a lone capitalized function word such as a sentence-initial "The" is no
//! region). The word each side gives features but is not tagged. Lowercase prose outside
//! regions is `O` without a single feature computed. Training cuts the same regions, so
//! the model only ever learns the decisions it is asked to make.
//!
//! Per token (17–19 features): bias; lowercased word, and the words before and after;
//! collapsed shape (`Xx`, `X`, `x-x`, `d`, `X.X.`) of the token and of each neighbour;
//! prefixes of 1–4 characters and the 3-character suffix; the token's flags (capitalized,
//! all capitals, uppercase inside, digit, hyphen, period, punctuation, connector,
//! sentence-initial, known given name) as one value, and the neighbours' main flags; and
//! one feature per gazetteer hit the token is in (kind × begins/inside). Each is a
//! template id mixed with the value hash, mapped to one of [`BUCKETS`] weight rows. The
//! per-token values are hashed once per sentence ([`TokenInfo`]) and combined with the
//! neighbours'.
//!
//! Measured and left out for speed (each cost about as much as a kept feature and moved
//! micro F1 on the held-out sets by less than 0.005): words two away, word bigrams, shape
//! pairs, word × neighbour shape, suffixes of 1, 2 and 4 characters, the neighbours'
//! gazetteer bits, single flag bits.

use crate::GazetteerSpan;
use pw_lexicon::{EntryKind, Lexicon};

/// log2 of the number of weight rows.
pub(crate) const BITS: u32 = 20;
pub(crate) const BUCKETS: usize = 1 << BITS;

const K: u64 = 0x9E37_79B9_7F4A_7C15;

#[inline]
fn step(h: u64, x: u64) -> u64 {
    (h.rotate_left(5) ^ x).wrapping_mul(K)
}

/// Multiplicative hashing of (template, value): the values are already mixed hashes or
/// small integers, and the top bits of one multiply spread both well enough.
#[inline]
fn bucket(template: u64, value: u64) -> u32 {
    ((template.wrapping_mul(0xA076_1D64_78BD_642F) ^ value).wrapping_mul(0xE703_7ED1_A0B4_28DB)
        >> (64 - BITS)) as u32
}

// Flag bits of a token.
const CAP: u16 = 1; // first char uppercase
const ALL_CAPS: u16 = 1 << 1; // two or more letters, all uppercase
const HAS_UPPER: u16 = 1 << 2; // an uppercase letter somewhere ("iPhone", "al-Assad")
const DIGIT: u16 = 1 << 3;
const HYPHEN: u16 = 1 << 4;
const INITIAL: u16 = 1 << 5; // first word of the sentence or after an opening quote/colon
const GIVEN: u16 = 1 << 6; // a known given name
const PUNCT: u16 = 1 << 7; // no letter or digit
const DOT: u16 = 1 << 8; // a period inside ("U.S.", "Gen.")
const CONNECTOR: u16 = 1 << 9;

/// What is hashed once per token of a region's window.
#[derive(Clone, Copy, Default)]
pub(crate) struct TokenInfo {
    lower: u64,
    shape: u64,
    prefix: [u64; 4],
    /// The last three characters, lowercased.
    suffix3: u64,
    /// How many affixes are proper (shorter than the word), at most 4.
    n_affixes: u8,
    flags: u16,
    /// Gazetteer bits: `2 * kind + 0` when a hit of that kind starts here, `+ 1` inside.
    gaz: u32,
}

/// Sentinel values for positions before the first and after the last token.
const BOS: u64 = 0x0B05;
const EOS: u64 = 0x0E05;

/// Lowercase words that may join two capitalized words inside one name.
pub(crate) fn is_connector(word: &str) -> bool {
    pw_lexicon::words::NER_CONNECTORS.contains(word)
}

/// An uppercase letter anywhere in `word`. One byte scan: only words with a non-ASCII
/// byte are decoded.
#[inline]
pub(crate) fn has_upper(word: &str) -> bool {
    // Bytes that end the scan: ASCII capitals and the first byte of any non-ASCII char.
    const STOP: [bool; 256] = {
        let mut table = [false; 256];
        let mut b = 0;
        while b < 256 {
            table[b] = matches!(b, 0x41..=0x5a | 0x80..);
            b += 1;
        }
        table
    };
    match word.bytes().find(|&b| STOP[usize::from(b)]) {
        None => false,
        Some(b) if b < 0x80 => true,
        Some(_) => word.chars().any(char::is_uppercase),
    }
}

/// Capitalized function words that, alone, never start a name: a run of just one of them
/// ("The" opening a sentence) is not a region.
fn is_lone_function_word(word: &str) -> bool {
    pw_lexicon::words::NER_LONE_FUNCTION_WORDS.contains(word)
}

/// Candidate regions of a sentence as token ranges `[start, end)`, sorted and disjoint:
/// maximal runs of tokens with an uppercase letter, with connectors between two of them.
/// The neighbours outside a region give features but are not tagged.
pub(crate) fn regions(words: &[&str], out: &mut Vec<(usize, usize)>) {
    out.clear();
    let n = words.len();
    let mut i = 0;
    while i < n {
        if !has_upper(words[i]) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        loop {
            let mut j = end;
            while j < n && is_connector(words[j]) {
                j += 1;
            }
            if j < n && has_upper(words[j]) {
                end = j + 1;
            } else {
                break;
            }
        }
        if end - start > 1 || !is_lone_function_word(words[start]) {
            out.push((start, end));
        }
        i = end;
    }
}

/// Gazetteer bits per token of the sentence (see [`TokenInfo::gaz`]).
pub(crate) fn gazetteer_bits(n: usize, spans: &[GazetteerSpan], out: &mut Vec<u32>) {
    out.clear();
    out.resize(n, 0);
    for span in spans {
        let kind = kind_index(span.kind);
        let end = span.end.min(n);
        for (i, bits) in out.iter_mut().enumerate().take(end).skip(span.start) {
            *bits |= 1 << (2 * kind + u32::from(i != span.start));
        }
    }
}

fn kind_index(kind: EntryKind) -> u32 {
    EntryKind::ALL
        .iter()
        .position(|&k| k == kind)
        .map_or(0, |p| p as u32)
}

fn is_opener(word: &str) -> bool {
    matches!(
        word,
        "\"" | "“" | "‘" | "'" | "(" | "[" | ":" | "-" | "–" | "—" | "«" | "•" | "*" | "|"
    )
}

fn token_info(words: &[&str], i: usize, gaz: u32, lexicon: &Lexicon) -> TokenInfo {
    let word = words[i];
    let mut info = TokenInfo {
        gaz,
        ..TokenInfo::default()
    };
    let mut shape = Shape::default();
    let mut lower = 0x1u64;
    let mut n_chars = 0usize;
    let mut letters = 0usize;
    let mut uppers = 0usize;
    let mut alnum = false;
    let mut classify = |position: usize, c: char, info: &mut TokenInfo| -> u8 {
        let class = if c.is_ascii_lowercase() || (!c.is_ascii() && c.is_lowercase()) {
            letters += 1;
            b'x'
        } else if c.is_ascii_uppercase() || (!c.is_ascii() && c.is_uppercase()) {
            uppers += 1;
            letters += 1;
            b'X'
        } else if c.is_ascii_digit() || (!c.is_ascii() && c.is_numeric()) {
            info.flags |= DIGIT;
            b'd'
        } else if !c.is_ascii() && c.is_alphabetic() {
            letters += 1;
            b'x'
        } else {
            match c {
                '-' | '\u{2010}' | '\u{2011}' => info.flags |= HYPHEN,
                '.' => info.flags |= DOT,
                _ => {}
            }
            // Punctuation keeps its identity in the shape ("x-x", "X.X.").
            if c.is_ascii() { c as u8 } else { b'?' }
        };
        alnum |= matches!(class, b'X' | b'x' | b'd');
        if position == 0 && class == b'X' {
            info.flags |= CAP;
        }
        class
    };
    if word.is_ascii() {
        for (position, &b) in word.as_bytes().iter().enumerate() {
            let class = classify(position, char::from(b), &mut info);
            shape.push(class);
            lower = step(lower, u64::from(b.to_ascii_lowercase()));
            if position < 4 {
                info.prefix[position] = lower;
            }
        }
        n_chars = word.len();
        let mut suffix = 0x3u64;
        for &b in word.as_bytes().iter().rev().take(3) {
            suffix = step(suffix, u64::from(b.to_ascii_lowercase()));
        }
        info.suffix3 = suffix;
    } else {
        for (position, c) in word.chars().enumerate() {
            let class = classify(position, c, &mut info);
            shape.push(class);
            for lc in c.to_lowercase() {
                lower = step(lower, u64::from(lc));
            }
            if position < 4 {
                info.prefix[position] = lower;
            }
            n_chars += 1;
        }
        let mut suffix = 0x3u64;
        for c in word.chars().rev().take(3) {
            for lc in c.to_lowercase() {
                suffix = step(suffix, u64::from(lc));
            }
        }
        info.suffix3 = suffix;
    }
    info.n_affixes = n_chars.saturating_sub(1).min(4) as u8;
    info.lower = lower;
    info.shape = shape.hash;
    if uppers > 0 {
        info.flags |= HAS_UPPER;
    }
    if letters >= 2 && uppers == letters {
        info.flags |= ALL_CAPS;
    }
    if !alnum {
        info.flags |= PUNCT;
    }
    if i == 0 || is_opener(words[i - 1]) {
        info.flags |= INITIAL;
    }
    if info.flags & CAP == 0 && is_connector(word) {
        info.flags |= CONNECTOR;
    }
    // Title case only ("Maria", not "MARIA" or "I"): the lexicon's lookup of capitals
    // builds a title-cased copy, and news in capitals is rarely a name.
    if info.flags & (CAP | ALL_CAPS) == CAP && letters >= 2 && lexicon.is_given_name(word) {
        info.flags |= GIVEN;
    }
    info
}

/// The collapsed word shape ("Xx", "X.X.", "x-x", "d"), hashed as it is built.
struct Shape {
    hash: u64,
    last: u8,
}

impl Default for Shape {
    fn default() -> Shape {
        Shape { hash: 0x2, last: 0 }
    }
}

impl Shape {
    #[inline]
    fn push(&mut self, class: u8) {
        if class != self.last {
            self.hash = step(self.hash, u64::from(class));
            self.last = class;
        }
    }
}

// Feature templates. The numbers are part of the model format: changing one means
// retraining.
const T_BIAS: u64 = 1;
const T_W0: u64 = 2;
const T_WM1: u64 = 3;
const T_WP1: u64 = 4;
const T_SH0: u64 = 7;
const T_SHM1: u64 = 8;
const T_SHP1: u64 = 9;
const T_PREFIX: u64 = 12; // + k, k < 4
const T_SUFFIX3: u64 = 18;
const T_FLAGS: u64 = 20;
const T_FLAGS_M1: u64 = 22;
const T_FLAGS_P1: u64 = 23;
const T_GAZ: u64 = 26;

/// The features of one region: `offsets[k]..offsets[k + 1]` index the buckets of the
/// region's token `k` in `buckets`.
#[derive(Default)]
pub(crate) struct RegionFeatures {
    /// Per token of the sentence, computed when a region's window first needs it.
    infos: Vec<TokenInfo>,
    have: Vec<bool>,
    pub(crate) buckets: Vec<u32>,
    pub(crate) offsets: Vec<usize>,
}

impl RegionFeatures {
    pub(crate) fn token(&self, k: usize) -> &[u32] {
        &self.buckets[self.offsets[k]..self.offsets[k + 1]]
    }

    /// Start a sentence of `n` tokens: forget the previous one's token values.
    pub(crate) fn start_sentence(&mut self, n: usize) {
        self.have.clear();
        self.have.resize(n, false);
        self.infos.resize(n, TokenInfo::default());
    }

    /// Hash the features of `words[start..end]` (one token of context each side). Call
    /// [`RegionFeatures::start_sentence`] first; regions of one sentence share the
    /// values of tokens between them.
    pub(crate) fn compute(
        &mut self,
        words: &[&str],
        gaz: &[u32],
        (start, end): (usize, usize),
        lexicon: &Lexicon,
    ) {
        let lo = start.saturating_sub(1);
        let hi = (end + 1).min(words.len());
        for (i, &bits) in gaz.iter().enumerate().take(hi).skip(lo) {
            if !self.have[i] {
                self.infos[i] = token_info(words, i, bits, lexicon);
                self.have[i] = true;
            }
        }
        self.buckets.clear();
        self.offsets.clear();
        self.offsets.push(0);
        for i in start..end {
            self.push_token(i, lo, hi);
            self.offsets.push(self.buckets.len());
        }
    }

    fn push_token(&mut self, k: usize, lo: usize, hi: usize) {
        let infos = &self.infos;
        let at = |d: isize| -> Option<&TokenInfo> {
            let i = k.checked_add_signed(d).filter(|&i| i >= lo && i < hi)?;
            Some(&infos[i])
        };
        let word = |d: isize| at(d).map_or(if d < 0 { BOS } else { EOS }, |t| t.lower);
        let shape = |d: isize| at(d).map_or(if d < 0 { BOS } else { EOS }, |t| t.shape);
        let this = &infos[k];
        let out = &mut self.buckets;
        let mut push = |template: u64, value: u64| out.push(bucket(template, value));

        push(T_BIAS, 0);
        push(T_W0, this.lower);
        push(T_WM1, word(-1));
        push(T_WP1, word(1));
        push(T_SH0, this.shape);
        push(T_SHM1, shape(-1));
        push(T_SHP1, shape(1));
        for a in 0..usize::from(this.n_affixes) {
            push(T_PREFIX + a as u64, this.prefix[a]);
        }
        // Of the suffixes only the three-letter one ("-ski", "-ova", "-stan") earned its
        // cost when measured; see crates/ner/README.md.
        if this.n_affixes >= 3 {
            push(T_SUFFIX3, this.suffix3);
        }
        push(T_FLAGS, u64::from(this.flags));
        let neighbour_flags = CAP | ALL_CAPS | GIVEN | PUNCT | CONNECTOR | INITIAL;
        push(
            T_FLAGS_M1,
            at(-1).map_or(0xFFFF, |t| u64::from(t.flags & neighbour_flags)),
        );
        push(
            T_FLAGS_P1,
            at(1).map_or(0xFFFF, |t| u64::from(t.flags & neighbour_flags)),
        );
        let mut bits = this.gaz;
        while bits != 0 {
            push(T_GAZ, u64::from(bits.trailing_zeros()));
            bits &= bits - 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn regions_of(sentence: &str) -> Vec<(usize, usize)> {
        let words: Vec<&str> = sentence.split(' ').collect();
        let mut out = Vec::new();
        regions(&words, &mut out);
        out
    }

    #[test]
    fn regions_join_connectors_and_add_context() {
        // "officials of the Inter-American Development Bank in Quito ."
        let r = regions_of("officials of the Inter-American Development Bank in Quito .");
        assert_eq!(r, vec![(3, 8)]);
        assert_eq!(regions_of("no names here at all"), vec![]);
        // A connector at the end does not extend the run.
        assert_eq!(regions_of("he met Putin and then left"), vec![(2, 3)]);
        assert_eq!(regions_of("Bank"), vec![(0, 1)]);
        // A lone capitalized function word is no region; in a run it is.
        assert_eq!(regions_of("The talks ended"), vec![]);
        assert_eq!(regions_of("The White House said"), vec![(0, 3)]);
    }

    #[test]
    fn features_are_deterministic_and_distinct() {
        let lexicon = Lexicon::from_sources("", "", "").unwrap();
        let words = ["He", "met", "Ana", "Lopez", "."];
        let gaz = vec![0; words.len()];
        let mut a = RegionFeatures::default();
        a.start_sentence(words.len());
        a.compute(&words, &gaz, (1, 5), &lexicon);
        let mut b = RegionFeatures::default();
        b.start_sentence(words.len());
        b.compute(&words, &gaz, (1, 5), &lexicon);
        assert_eq!(a.buckets, b.buckets);
        assert_eq!(a.offsets.len(), 5);
        assert_ne!(
            a.token(1)[1],
            a.token(2)[1],
            "different words, different buckets"
        );
    }
}
