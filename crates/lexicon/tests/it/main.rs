//! Integration tests of pw-lexicon: the embedded gazetteer, the word-list files, and
//! the check that no word list is written in Rust.

mod builtin;
mod word_lists;
