//! Integration tests of pw-lexicon: the embedded gazetteer, the word-list files, and
//! the check that no word list is written in Rust.

mod builtin;
mod no_word_lists_in_code;
mod word_lists;
