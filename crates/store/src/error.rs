//! The store's one error type: what failed, with the path of the database or index.
//!
//! Each message is whole in `Display` and says its cause once: a variant that writes
//! its cause into the message does not also expose it as `source()` (an error chain
//! printed as `a: b: c` would repeat it), and the `Io` variant, whose message does not
//! include the cause, does.

use std::path::PathBuf;

/// A store operation that failed. `Display` is one lowercase line naming the path.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}: database error: {cause}")]
    Sqlite {
        path: PathBuf,
        cause: rusqlite::Error,
    },
    #[error("{path}: search index error: {}", describe_index(cause))]
    Index {
        path: PathBuf,
        cause: tantivy::TantivyError,
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
    #[error("{path}: stored {what} is damaged: {cause}")]
    Corrupt {
        path: PathBuf,
        what: String,
        cause: serde_json::Error,
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

/// tantivy's message, with what a writer that died (a full disk, a failed write) means.
fn describe_index(cause: &tantivy::TantivyError) -> String {
    match cause {
        tantivy::TantivyError::ErrorInThread(message) if message.contains("writer was killed") => {
            "the index writer stopped (a full disk or a failed write, most often); the \
             database is intact and the index catches up when the store is opened again"
                .to_string()
        }
        other => other.to_string(),
    }
}

/// `Result` with the store's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;
    use std::error::Error as _;

    /// The error as `anyhow`'s `{:#}` prints it: every message of the chain.
    fn chain(error: &Error) -> String {
        let mut text = error.to_string();
        let mut next = error.source();
        while let Some(cause) = next {
            text.push_str(": ");
            text.push_str(&cause.to_string());
            next = cause.source();
        }
        text
    }

    #[test]
    fn causes_are_said_once() {
        let killed = Error::Index {
            path: "x.db.index".into(),
            cause: tantivy::TantivyError::ErrorInThread("An index writer was killed.".into()),
        };
        let text = chain(&killed);
        assert_eq!(text.matches("writer").count(), 1, "{text}");
        assert!(text.contains("full disk"), "{text}");
        let full = Error::Sqlite {
            path: "x.db".into(),
            cause: rusqlite::Error::SqliteFailure(
                rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_FULL),
                None,
            ),
        };
        let text = chain(&full);
        assert_eq!(text.matches("full").count(), 1, "{text}");
        let io = Error::Io {
            path: "x.db.lock".into(),
            message: "cannot lock the store".into(),
            source: std::io::Error::other("no space left on device"),
        };
        assert_eq!(
            chain(&io),
            "x.db.lock: cannot lock the store: no space left on device"
        );
        let corrupt = Error::Corrupt {
            path: "x.db".into(),
            what: "fact".into(),
            cause: serde_json::from_str::<u8>("x").unwrap_err(),
        };
        let text = chain(&corrupt);
        assert_eq!(text.matches("expected").count(), 1, "{text}");
    }
}
