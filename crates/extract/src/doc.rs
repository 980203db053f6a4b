//! Per-document analysis shared by every extraction step: paragraphs, sentences,
//! tokens (with the sentence each belongs to) and a lowercase copy of the text with
//! the same byte offsets.

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use pw_model::Span;
use pw_text::{Token, TokenKind};

/// The languages the rules read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Lang {
    En,
    Es,
}

impl Lang {
    /// The language of an ISO 639-1 code, English for any code the rules do not read.
    pub(crate) fn of_code(code: &str) -> Lang {
        match code {
            "es" => Lang::Es,
            _ => Lang::En,
        }
    }
}

/// Spanish function words and the English words the rules read for them
/// (`data/lexicon/es/function_words.tsv`), hashed once.
fn spanish_function_words() -> &'static rustc_hash::FxHashMap<&'static str, &'static str> {
    static MAP: std::sync::OnceLock<rustc_hash::FxHashMap<&'static str, &'static str>> =
        std::sync::OnceLock::new();
    MAP.get_or_init(|| {
        pw_lexicon::words::ES_FUNCTION_WORDS
            .pairs()
            .iter()
            .copied()
            .collect()
    })
}

pub(crate) struct Doc<'t> {
    pub(crate) text: &'t str,
    pub(crate) lang: Lang,
    /// For a document in Spanish, the English structural word each token is read as
    /// ("con" → "with"), by token; empty for English.
    canon: Vec<Option<&'static str>>,
    /// ASCII-lowercased copy: same length and offsets as `text`.
    pub(crate) lower: String,
    pub(crate) paragraphs: Vec<Span>,
    pub(crate) sentences: Vec<Span>,
    pub(crate) tokens: Vec<Token>,
    /// The text of each token: the rules read words far more often than there are
    /// tokens, and a slice here costs no boundary checks.
    words: Vec<&'t str>,
    /// For each sentence, the range of its tokens in `tokens`.
    pub(crate) sentence_tokens: Vec<(usize, usize)>,
    /// For each sentence, the offset of the first alphanumeric character at or after its
    /// start (the text's length when there is none).
    first_alphanumeric: Vec<usize>,
    /// How many sentences of pw-text were cut because they ran over
    /// [`MAX_SENTENCE_TOKENS`].
    pub(crate) sentences_cut: usize,
    /// Inner-loop steps of the rules, for [`crate::WorkStats`].
    pub(crate) work: Work,
    /// For each token, which [`Class`] lists it is in, as far as the rules have asked:
    /// two bits a class (asked, and the answer).
    classes: Vec<std::cell::Cell<u16>>,
}

/// The word lists the name and event rules ask about the same token many times (every
/// candidate name, title and actor around it): [`Doc::is`] looks a token up in each at
/// most once.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Class {
    TitleHead,
    TitleModifier,
    TitleComplement,
    OfficeHead,
    OrgHead,
    NotName,
    StateNoun,
}

impl Class {
    fn list(self) -> &'static pw_lexicon::words::WordList {
        use crate::words;
        match self {
            Class::TitleHead => &words::TITLE_HEADS,
            Class::TitleModifier => &words::TITLE_MODIFIERS,
            Class::TitleComplement => &words::TITLE_COMPLEMENTS,
            Class::OfficeHead => &words::OFFICE_HEADS,
            Class::OrgHead => &words::ORG_HEADS,
            Class::NotName => &words::NOT_NAMES,
            Class::StateNoun => &words::STATE_NOUNS,
        }
    }
}

/// The most tokens one sentence may have. Every rule looks at a sentence as a whole
/// (its actors for each trigger, its clause for each cue), so the work of a sentence
/// grows with the square of its length; a longer run (a table, a menu, a list scraped
/// without periods) is cut into pieces of at most this many tokens, at the last clause
/// mark (`,` `;` `:` a dash) or line break in the second half of the piece, else after
/// the last token that fits. News sentences have 20 to 40 tokens; the longest in the
/// development set has under 200.
pub(crate) const MAX_SENTENCE_TOKENS: usize = 400;

/// Counters of the rules' inner-loop steps (actors compared, drafts and events scanned,
/// dates and quotes looked at). Interior mutability keeps them out of every signature:
/// a `Doc` lives on one thread for one extraction.
#[derive(Default)]
pub(crate) struct Work {
    pub(crate) actor_steps: std::cell::Cell<u64>,
    pub(crate) draft_steps: std::cell::Cell<u64>,
    pub(crate) event_steps: std::cell::Cell<u64>,
    pub(crate) date_steps: std::cell::Cell<u64>,
    pub(crate) quote_steps: std::cell::Cell<u64>,
}

impl Work {
    pub(crate) fn add(counter: &std::cell::Cell<u64>, steps: usize) {
        counter.set(counter.get() + steps as u64);
    }
}

impl<'t> Doc<'t> {
    /// An English document (tests).
    #[cfg(test)]
    pub(crate) fn new(text: &'t str) -> Doc<'t> {
        Doc::in_language(text, Lang::En)
    }

    pub(crate) fn in_language(text: &'t str, lang: Lang) -> Doc<'t> {
        let lower = text.to_ascii_lowercase();
        let paragraphs = pw_text::paragraphs(text);
        let found = pw_text::sentences(text);
        let mut tokens = Vec::with_capacity(text.len() / 5);
        let mut sentences = Vec::with_capacity(found.len());
        let mut sentence_tokens = Vec::with_capacity(found.len());
        let mut sentences_cut = 0;
        for sentence in &found {
            let first = tokens.len();
            pw_text::tokenize(text, *sentence, &mut tokens);
            let last = tokens.len();
            let (mut piece_first, mut piece_start) = (first, sentence.start);
            if last - first > MAX_SENTENCE_TOKENS {
                sentences_cut += 1;
            }
            while last - piece_first > MAX_SENTENCE_TOKENS {
                let limit = piece_first + MAX_SENTENCE_TOKENS;
                let cut = (piece_first + MAX_SENTENCE_TOKENS / 2..limit)
                    .rev()
                    .find(|&index| clause_break_after(text, &tokens, index))
                    .unwrap_or(limit - 1);
                sentences.push(Span::new(piece_start, tokens[cut].span.end));
                sentence_tokens.push((piece_first, cut + 1));
                piece_first = cut + 1;
                piece_start = tokens[piece_first].span.start;
            }
            sentences.push(Span::new(piece_start, sentence.end));
            sentence_tokens.push((piece_first, last));
        }
        let first_alphanumeric = first_alphanumeric_from(text, &sentences);
        let canon = match lang {
            Lang::En => Vec::new(),
            Lang::Es => {
                let map = spanish_function_words();
                tokens
                    .iter()
                    .map(|token| map.get(token.span.slice(&lower)).copied())
                    .collect()
            }
        };
        let tokens_len = tokens.len();
        let words = tokens.iter().map(|token| token.span.slice(text)).collect();
        Doc {
            text,
            lang,
            canon,
            lower,
            paragraphs,
            sentences,
            tokens,
            words,
            sentence_tokens,
            first_alphanumeric,
            sentences_cut,
            work: Work::default(),
            classes: vec![std::cell::Cell::new(0); tokens_len],
        }
    }

    pub(crate) fn word(&self, index: usize) -> &'t str {
        self.words[index]
    }

    /// Whether the word at `index` is in the list of `class`, in any case and with or
    /// without a trailing period (`WordList::contains_folded`), looked up once a token.
    pub(crate) fn is(&self, index: usize, class: Class) -> bool {
        let asked = 1u16 << (2 * class as u16);
        let yes = asked << 1;
        let cell = &self.classes[index];
        let bits = cell.get();
        if bits & asked != 0 {
            return bits & yes != 0;
        }
        let answer = class.list().contains_folded(self.word(index));
        cell.set(bits | asked | if answer { yes } else { 0 });
        answer
    }

    /// The word at `index` in lowercase, as the rules read it: in a Spanish document a
    /// function word reads as its English counterpart ("con" as "with").
    pub(crate) fn lower_word(&self, index: usize) -> &str {
        if let Some(Some(canon)) = self.canon.get(index) {
            return canon;
        }
        self.tokens[index].span.slice(&self.lower)
    }

    /// The word at `index` as written in English, as written in Spanish read as the
    /// rules read it ("de la" as "of the").
    pub(crate) fn structural_word(&self, index: usize) -> &str {
        match self.lang {
            Lang::En => self.word(index),
            Lang::Es => self.lower_word(index),
        }
    }

    /// A lowercase word read as the rules read it (see [`Doc::lower_word`]).
    pub(crate) fn canon<'w>(&self, word: &'w str) -> &'w str {
        match self.lang {
            Lang::En => word,
            Lang::Es => spanish_function_words().get(word).copied().unwrap_or(word),
        }
    }

    /// An all-caps word ("WASHINGTON", "FILE", "U.S."): letters, none lowercase.
    pub(crate) fn is_shouted(&self, index: usize) -> bool {
        let word = self.word(index);
        self.is_word(index)
            && word.chars().any(char::is_alphabetic)
            && !word.chars().any(char::is_lowercase)
    }

    pub(crate) fn is_word(&self, index: usize) -> bool {
        matches!(self.tokens[index].kind, TokenKind::Word)
    }

    /// The sentence holding byte `offset` (the last sentence starting at or before it).
    pub(crate) fn sentence_at(&self, offset: usize) -> usize {
        self.sentences
            .partition_point(|sentence| sentence.start <= offset)
            .saturating_sub(1)
    }

    pub(crate) fn paragraph_at(&self, offset: usize) -> usize {
        self.paragraphs
            .partition_point(|paragraph| paragraph.start <= offset)
            .saturating_sub(1)
    }

    /// Index of the first token starting at or after `offset`.
    pub(crate) fn token_from(&self, offset: usize) -> usize {
        self.tokens
            .partition_point(|token| token.span.start < offset)
    }

    /// Index one past the last token ending at or before `offset`.
    pub(crate) fn token_until(&self, offset: usize) -> usize {
        self.tokens
            .partition_point(|token| token.span.end <= offset)
    }

    pub(crate) fn sentence_of_token(&self, index: usize) -> usize {
        self.sentence_tokens
            .partition_point(|&(_, end)| end <= index)
    }

    /// True when the word at `offset` is written in lowercase, or starts its sentence:
    /// a cue word ("states", "may", "will") that is capitalized mid-sentence is part of a
    /// name or a date ("United States", "in May"), not a cue.
    pub(crate) fn is_lowercase_word_at(&self, offset: usize) -> bool {
        let Some(&byte) = self.text.as_bytes().get(offset) else {
            return false;
        };
        if !byte.is_ascii_uppercase() {
            return true;
        }
        // Only punctuation before it in the sentence: an opening quote, a dash.
        offset <= self.first_alphanumeric[self.sentence_at(offset)]
            || offset < self.sentences[self.sentence_at(offset)].start
    }

    /// The original and the lowercase text between two byte offsets (clamped to char
    /// boundaries as [`Doc::lower_slice`] does).
    pub(crate) fn slices(&self, start: usize, end: usize) -> (&str, &str) {
        let lower = self.lower_slice(start, end);
        let at = lower.as_ptr() as usize - self.lower.as_ptr() as usize;
        (&self.text[at..at + lower.len()], lower)
    }

    /// The lowercase text between two byte offsets (clamped to char boundaries).
    pub(crate) fn lower_slice(&self, start: usize, end: usize) -> &str {
        let mut start = start.min(self.lower.len());
        let mut end = end.min(self.lower.len()).max(start);
        while !self.lower.is_char_boundary(start) {
            start -= 1;
        }
        while !self.lower.is_char_boundary(end) {
            end += 1;
        }
        &self.lower[start..end]
    }
}

/// Whether a long sentence may be cut after token `index`: the token is a clause mark,
/// or a line break follows it.
fn clause_break_after(text: &str, tokens: &[Token], index: usize) -> bool {
    let token = tokens[index].span;
    if matches!(token.slice(text), "," | ";" | ":" | "—" | "–") {
        return true;
    }
    tokens
        .get(index + 1)
        .is_some_and(|next| text[token.end..next.span.start].contains('\n'))
}

/// For each sentence, the offset of the first alphanumeric character at or after its
/// start (the text's length when there is none). Sentences are in text order, so the
/// scans move forward only and read each byte at most once; ASCII is tested without
/// decoding.
fn first_alphanumeric_from(text: &str, sentences: &[Span]) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(sentences.len());
    // The first alphanumeric character at or after the last scan's start.
    let mut found = None;
    for sentence in sentences {
        let at = match found {
            Some(at) if at >= sentence.start => at,
            _ => {
                let mut at = sentence.start;
                while at < bytes.len() {
                    let byte = bytes[at];
                    if byte.is_ascii() {
                        if byte.is_ascii_alphanumeric() {
                            break;
                        }
                        at += 1;
                        continue;
                    }
                    match text.get(at..).and_then(|rest| rest.chars().next()) {
                        Some(c) if c.is_alphanumeric() => break,
                        Some(c) => at += c.len_utf8(),
                        None => at += 1,
                    }
                }
                found = Some(at);
                at
            }
        };
        out.push(at);
    }
    out
}

/// A fixed set of lowercase phrases matched as whole words in one pass (an Aho-Corasick
/// automaton), for the cue lists that are tested against every trigger's clause.
pub(crate) struct PhraseSet {
    automaton: AhoCorasick,
}

impl PhraseSet {
    pub(crate) fn new<'a>(phrases: impl IntoIterator<Item = &'a str>) -> PhraseSet {
        let automaton = AhoCorasick::builder()
            .kind(Some(AhoCorasickKind::DFA))
            .build(phrases)
            .expect("word lists are small and valid");
        PhraseSet { automaton }
    }

    /// `(phrase index, start)` of every whole-word occurrence in `haystack`, overlaps
    /// included, in order of their end.
    pub(crate) fn matches<'h>(
        &'h self,
        haystack: &'h str,
    ) -> impl Iterator<Item = (usize, usize)> + 'h {
        let bytes = haystack.as_bytes();
        self.automaton
            .find_overlapping_iter(haystack)
            .filter(move |found| {
                let (start, end) = (found.start(), found.end());
                (start == 0 || !bytes[start - 1].is_ascii_alphanumeric())
                    && (end == bytes.len() || !bytes[end].is_ascii_alphanumeric())
            })
            .map(|found| (found.pattern().as_usize(), found.start()))
    }

    /// True when any phrase occurs in `haystack` as whole words.
    pub(crate) fn any(&self, haystack: &str) -> bool {
        self.matches(haystack).next().is_some()
    }
}

/// Byte offset of the last whole-word occurrence of `needle` in `haystack`.
pub(crate) fn rfind_phrase(haystack: &str, needle: &str) -> Option<usize> {
    let bytes = haystack.as_bytes();
    let mut until = haystack.len();
    while let Some(start) = haystack[..until].rfind(needle) {
        let end = start + needle.len();
        let before_ok = start == 0 || !bytes[start - 1].is_ascii_alphanumeric();
        let after_ok = end == bytes.len() || !bytes[end].is_ascii_alphanumeric();
        if before_ok && after_ok {
            return Some(start);
        }
        if start == 0 {
            break;
        }
        until = start + needle.len() - 1;
        while !haystack.is_char_boundary(until) {
            until -= 1;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_match_whole_words() {
        let set = PhraseSet::new(["will", "said", "no longer"]);
        assert!(set.any("they will give us drones"));
        assert!(!set.any("goodwill is rare"));
        let found: Vec<_> = set.matches("unsaid, said it no longer").collect();
        assert_eq!(found, [(1, 8), (2, 16)]);
        assert_eq!(rfind_phrase("said it said", "said"), Some(8));
    }

    #[test]
    fn first_alphanumeric_skips_marks_and_empty_sentences() {
        let text = "«¡Éxito!» dijo. -- ... Iran signed.";
        let sentences = [Span::new(0, 19), Span::new(20, 26), Span::new(27, 39)];
        let found = first_alphanumeric_from(text, &sentences);
        assert_eq!(&text[found[0]..found[0] + 2], "É");
        // A sentence of marks only reads on to the next one's first word.
        assert_eq!(found[1], text.find("Iran").unwrap());
        assert_eq!(found[2], text.find("Iran").unwrap());
        assert_eq!(first_alphanumeric_from("...", &[Span::new(0, 3)]), [3]);
    }

    #[test]
    fn word_classes_answer_as_the_lists_do_and_twice_the_same() {
        let doc = Doc::new("Defense Minister Novillo visited the MINISTRY of Defense.");
        let index = |word: &str| {
            (0..doc.tokens.len())
                .find(|&t| doc.word(t) == word)
                .unwrap()
        };
        for _ in 0..2 {
            assert!(doc.is(index("Minister"), Class::TitleHead));
            assert!(doc.is(index("Defense"), Class::TitleModifier));
            assert!(!doc.is(index("Minister"), Class::OrgHead));
            assert!(doc.is(index("MINISTRY"), Class::OrgHead));
            assert!(!doc.is(index("MINISTRY"), Class::TitleHead));
            assert!(!doc.is(index("Novillo"), Class::NotName));
            assert!(doc.is(index("the"), Class::NotName));
        }
        assert_eq!(doc.word(index("visited")), "visited");
    }

    #[test]
    fn tokens_know_their_sentences() {
        let doc = Doc::new("Iran signed. Bolivia agreed.\nNew paragraph here.");
        assert_eq!(doc.sentences.len(), 3);
        let index = doc.token_from(doc.text.find("Bolivia").unwrap());
        assert_eq!(doc.word(index), "Bolivia");
        assert_eq!(doc.sentence_of_token(index), 1);
        assert_eq!(doc.sentence_at(doc.text.find("New").unwrap()), 2);
    }
}
