//! Pactwatch language layer: paragraphs, sentences, tokens and folding with byte offsets.
//!
//! Everything here is a linear scan over bytes/chars of the normalized article text: no
//! regex, no allocation per character. Every span is an absolute byte range into the
//! text that was passed in, so results can be traced back to the document.

mod fold;
mod segment;
mod token;

pub use fold::{fold, fold_into, is_acronym, is_capitalized};
pub use pw_model::Span;
pub use segment::{paragraphs, sentences};
pub use token::{Token, TokenKind, tokenize};

/// Abbreviations that take a period without ending a sentence, written as they appear
/// before the period (case-sensitive). Titles and ranks (Mr, Sen, Gen, Adm, ...),
/// Spanish/Portuguese titles common in Latin American news (Sra, Vda, Lic, Ing),
/// month abbreviations (Jan, Sept, ...), company suffixes (Inc, Corp, Ltd, Co) and Latin
/// shorthands (vs, etc, approx, cf). Single letters ("K.") and dotted forms ("U.S.",
/// "a.m.", "e.g.") are recognised by shape and need not be listed.
pub const ABBREVIATIONS: &[&str] = &[
    // Titles and honorifics.
    "Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Rev", "Hon", "Sr", "Jr", "Sra", "Srta", "Vda", "Lic",
    "Ing", "Messrs", "Mme", "Mlle", "St", "Ste", "Pres", "Gov", "Sen", "Rep", "Amb", "Atty",
    "Supt", "Sec", "Dep", "Insp", // Military ranks.
    "Gen", "Lt", "Col", "Maj", "Capt", "Cpt", "Cmdr", "Cdr", "Adm", "Brig", "Sgt", "Cpl", "Pvt",
    "Lieut", "Comdr", // Months (May has no abbreviation).
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    // Organisations and places.
    "Inc", "Corp", "Ltd", "Co", "Bros", "Dept", "Univ", "Assn", "Ave", "Blvd", "Rd", "Mt", "Ft",
    // Numbers and references.
    "No", "Nos", "Nr", "Vol", "Vols", "Fig", "pp", "para", // Latin and other shorthands.
    "vs", "etc", "approx", "cf", "al", "ca", "est", "viz", "Vs", "Etc", "Approx",
];

/// Capitalized words that, after an abbreviation's period, show that a new sentence has
/// begun ("... in the U.S. The president ..."). Kept small on purpose: a name after an
/// abbreviation ("Gen. Smith") must not end the sentence.
pub const SENTENCE_STARTERS: &[&str] = &[
    "The",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "In",
    "On",
    "At",
    "But",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "His",
    "Her",
    "Their",
    "Its",
    "Our",
    "A",
    "An",
    "And",
    "As",
    "After",
    "Before",
    "When",
    "While",
    "However",
    "Meanwhile",
    "If",
    "Since",
    "Although",
    "According",
    "For",
    "Last",
    "Earlier",
    "Later",
    "Then",
    "Some",
    "Many",
    "Both",
    "Yet",
    "So",
    "Such",
    "What",
    "Why",
    "How",
    "Who",
    "Officials",
    "Still",
    "Also",
    "Today",
    "Yesterday",
];

pub(crate) fn is_abbreviation(word: &str) -> bool {
    ABBREVIATIONS.contains(&word)
}

pub(crate) fn is_sentence_starter(word: &str) -> bool {
    SENTENCE_STARTERS.contains(&word)
}
