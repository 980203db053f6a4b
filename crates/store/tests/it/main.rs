//! Integration tests of pw-store: the conformance suite every [`Store`] implementation
//! must pass (run here against [`SqliteStore`] in a temp folder), and what is specific
//! to SQLite (migrations, format checks, the index catching up).
//!
//! Hermetic: inputs are the seed articles of the repository; stores live in fresh
//! temp folders.

mod conformance;
mod fixtures;
mod sqlite;
