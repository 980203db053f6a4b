//! Integration tests of pw-lexicon: the embedded gazetteer, the Spanish lexicon, the
//! word-list files, and the check that no word list is written in Rust.

mod builtin;
mod no_word_lists_in_code;
mod spanish;
mod word_lists;
