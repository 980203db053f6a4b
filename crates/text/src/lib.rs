//! Pactwatch language layer: paragraphs, sentences, tokens and folding with byte offsets.
//!
//! Everything here is a linear scan over bytes/chars of the normalized article text: no
//! regex, no allocation per character. Every span is an absolute byte range into the
//! text that was passed in, so results can be traced back to the document.

mod fold;
mod language;
mod segment;
mod token;

pub use fold::{fold, fold_into, is_acronym, is_capitalized};
pub use language::{SUPPORTED, detect_language, is_supported, language_code};
pub use pw_model::Span;
pub use segment::{paragraphs, sentences};
pub use token::{Token, TokenKind, tokenize};

/// An abbreviation that takes a period without ending a sentence ("Gen", "Inc"), as
/// written before the period (`data/lexicon/en/abbreviations.txt`).
pub(crate) fn is_abbreviation(word: &str) -> bool {
    pw_lexicon::words::ABBREVIATIONS.contains(word)
}

/// A capitalized word that, after an abbreviation's period, begins a new sentence
/// (`data/lexicon/en/sentence_starters.txt`).
pub(crate) fn is_sentence_starter(word: &str) -> bool {
    pw_lexicon::words::SENTENCE_STARTERS.contains(word)
}
