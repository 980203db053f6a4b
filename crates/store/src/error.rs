//! The store's one error type: what failed, with the path of the database or index.

use std::path::PathBuf;

/// A store operation that failed. `Display` is one lowercase line naming the path.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}: database error: {source}")]
    Sqlite {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
    #[error("{path}: search index error: {source}")]
    Index {
        path: PathBuf,
        #[source]
        source: tantivy::TantivyError,
    },
    #[error("{path}: {message}")]
    Io {
        path: PathBuf,
        message: String,
        #[source]
        source: std::io::Error,
    },
    /// The database was written by a newer release, or is not a Pactwatch database.
    #[error("{path}: {message}")]
    Format { path: PathBuf, message: String },
    /// A stored JSON column that does not parse: the file was edited or is damaged.
    #[error("{path}: stored {what} is damaged: {source}")]
    Corrupt {
        path: PathBuf,
        what: String,
        #[source]
        source: serde_json::Error,
    },
    /// Another process holds the store's writer lock.
    #[error(
        "{path}: another pactwatch process is writing to this store (ingest, serve or a correction); wait for it to finish or stop it, then try again"
    )]
    Locked { path: PathBuf },
    /// A write through a store opened with [`crate::SqliteStore::open_reader`].
    #[error("{path}: opened for reading only")]
    ReadOnly { path: PathBuf },
    /// A reader found no usable search index (no writer has opened the store since it
    /// was created or upgraded).
    #[error("{path}: no search index yet; `pactwatch ingest` builds it")]
    NoIndex { path: PathBuf },
    #[error("invalid search query {query:?}: {reason}")]
    Query { query: String, reason: String },
    #[error("no watch query with id {0}")]
    NoSuchWatch(i64),
}

/// `Result` with the store's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
