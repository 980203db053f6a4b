//! What is specific to [`SqliteStore`]: files, migrations, format checks, and the
//! search index catching up with the database.

use crate::fixtures::seeds;
use pw_store::{Error, SCHEMA_VERSION, Scope, SearchQuery, SqliteStore, Store};

#[test]
fn a_store_reopens_with_its_data_and_schema_version() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("pactwatch.db");
    {
        let mut store = SqliteStore::open(&path).unwrap();
        store.put_articles(&seeds()).unwrap();
        store.flush().unwrap();
    }
    assert!(path.is_file());
    assert!(folder.path().join("pactwatch.db.index").is_dir());
    let store = SqliteStore::open(&path).unwrap();
    assert_eq!(store.count_articles().unwrap(), 5);
    assert!(
        !store
            .search(&SearchQuery::text("memorandum"))
            .unwrap()
            .is_empty()
    );
    let connection = rusqlite::Connection::open(&path).unwrap();
    let version: u32 = connection
        .query_row("PRAGMA user_version", [], |row| row.get(0))
        .unwrap();
    assert_eq!(version, SCHEMA_VERSION);
    let mode: String = connection
        .query_row("PRAGMA journal_mode", [], |row| row.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
}

#[test]
fn a_lost_or_stale_index_is_rebuilt_from_the_database() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("pactwatch.db");
    {
        let mut store = SqliteStore::open(&path).unwrap();
        store.put_articles(&seeds()).unwrap();
        store.flush().unwrap();
    }
    std::fs::remove_dir_all(folder.path().join("pactwatch.db.index")).unwrap();
    let store = SqliteStore::open(&path).unwrap();
    let hits = store.search(&SearchQuery::text("memorandum")).unwrap();
    assert!(!hits.is_empty());
    drop(store);
    // Articles written to the database behind the index's back (as when a process dies
    // between the database commit and the index commit) are indexed on open.
    {
        let connection = rusqlite::Connection::open(&path).unwrap();
        connection
            .execute(
                "UPDATE articles SET text = text || ' Quokkaboat.', seq = seq + 100 WHERE id = 1",
                [],
            )
            .unwrap();
    }
    let store = SqliteStore::open(&path).unwrap();
    // (The sentence spans are the old ones, so only the article document has the word.)
    let hits = store
        .search(&SearchQuery {
            scope: Scope::Articles,
            ..SearchQuery::text("quokkaboat")
        })
        .unwrap();
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(hits[0].article.to_string(), "a1");
}

#[test]
fn a_newer_schema_is_refused() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("pactwatch.db");
    drop(SqliteStore::open(&path).unwrap());
    {
        let connection = rusqlite::Connection::open(&path).unwrap();
        connection
            .execute_batch(&format!("PRAGMA user_version = {}", SCHEMA_VERSION + 1))
            .unwrap();
    }
    let error = SqliteStore::open(&path).err().expect("refused");
    assert!(matches!(error, Error::Format { .. }), "{error}");
    assert!(error.to_string().contains("newer pactwatch"), "{error}");
}

#[test]
fn another_database_is_refused() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("other.db");
    {
        let connection = rusqlite::Connection::open(&path).unwrap();
        connection.execute_batch("CREATE TABLE t (x)").unwrap();
    }
    let error = SqliteStore::open(&path).err().expect("refused");
    assert!(
        error.to_string().contains("not a pactwatch database"),
        "{error}"
    );
}
