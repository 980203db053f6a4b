//! What is specific to [`SqliteStore`]: files, migrations, format checks, and the
//! search index catching up with the database.

use crate::fixtures::seeds;
use pw_model::LanguageSource;
use pw_store::{
    ArticleFilter, Error, Page, SCHEMA_VERSION, Scope, SearchQuery, SqliteStore, Store,
};

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
fn the_language_migration_fills_the_column_from_stored_metadata() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("pactwatch.db");
    {
        let mut store = SqliteStore::open(&path).unwrap();
        store.put_articles(&seeds()).unwrap();
        store.flush().unwrap();
    }
    // Back to schema 3, as a store written before the column existed: its JSON says
    // `es` for article 1 and has no language at all for article 2.
    {
        let connection = rusqlite::Connection::open(&path).unwrap();
        connection
            .execute_batch(
                "DROP INDEX articles_language;
                 ALTER TABLE articles DROP COLUMN language;
                 UPDATE articles SET meta_json = json_set(meta_json, '$.language', 'es') WHERE id = 1;
                 UPDATE articles SET meta_json = json_remove(meta_json, '$.language', '$.language_from') WHERE id = 2;
                 PRAGMA user_version = 3;",
            )
            .unwrap();
    }
    let store = SqliteStore::open(&path).unwrap();
    let spanish = store
        .list_articles_where(Page::first(10), &ArticleFilter::language("es"))
        .unwrap();
    assert_eq!(spanish.len(), 1);
    assert_eq!(spanish[0].key.to_string(), "a1");
    // Metadata without the fields still reads.
    let old = store.article("a2".parse().unwrap()).unwrap().unwrap();
    assert_eq!(old.document.meta.language, None);
    assert_eq!(old.document.meta.language_from, LanguageSource::Unknown);
    let connection = rusqlite::Connection::open(&path).unwrap();
    let version: u32 = connection
        .query_row("PRAGMA user_version", [], |row| row.get(0))
        .unwrap();
    assert_eq!(version, SCHEMA_VERSION);
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

#[test]
fn a_second_writer_is_refused_clearly_and_readers_run_beside() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("pactwatch.db");
    let mut writer = SqliteStore::open(&path).unwrap();
    assert!(writer.is_writer());
    writer.put_articles(&seeds()).unwrap();
    writer.flush().unwrap();
    let error = SqliteStore::open(&path)
        .err()
        .expect("a second writer is refused");
    assert!(matches!(error, Error::Locked { .. }), "{error}");
    let message = error.to_string();
    assert!(
        message.contains("another pactwatch process is writing"),
        "{message}"
    );
    assert_eq!(message.lines().count(), 1);
    // A reader opens beside the writer, sees what it flushed, and cannot write.
    let mut reader = SqliteStore::open_reader(&path).unwrap();
    assert!(!reader.is_writer());
    assert_eq!(reader.count_articles().unwrap(), 5);
    assert!(
        !reader
            .search(&SearchQuery::text("memorandum"))
            .unwrap()
            .is_empty()
    );
    let refused = reader.put_articles(&seeds());
    assert!(
        matches!(refused, Err(Error::ReadOnly { .. })),
        "{refused:?}"
    );
    assert!(matches!(
        reader.add_watch("w", "actor=Iran"),
        Err(Error::ReadOnly { .. })
    ));
    // The lock goes with the writer.
    drop(writer);
    let again = SqliteStore::open(&path).unwrap();
    assert_eq!(again.count_articles().unwrap(), 5);
}

#[test]
fn a_row_the_index_missed_below_its_watermark_is_indexed_at_open() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("pactwatch.db");
    {
        let mut store = SqliteStore::open(&path).unwrap();
        store.put_articles(&seeds()).unwrap();
        store.flush().unwrap();
    }
    // What two writers at once could leave: a committed row whose `seq` is below what
    // the index recorded, so catching up by `seq` alone never sees it.
    {
        let connection = rusqlite::Connection::open(&path).unwrap();
        connection
            .execute(
                "INSERT INTO articles (identity, content_hash, seq, url, file, title, outlet,
                     published, meta_json, text, diagnostics_json, extraction_json)
                 SELECT 'test:missed', 'h', 1, url, file, title, outlet, published, meta_json,
                     text || ' Quokkaboat.', diagnostics_json, extraction_json
                 FROM articles WHERE id = 1",
                [],
            )
            .unwrap();
    }
    let find = |store: &SqliteStore| {
        store
            .search(&SearchQuery {
                scope: Scope::Articles,
                ..SearchQuery::text("quokkaboat")
            })
            .unwrap()
    };
    // A reader sees the index as it was: the row is missing there.
    assert!(find(&SqliteStore::open_reader(&path).unwrap()).is_empty());
    let store = SqliteStore::open(&path).unwrap();
    let hits = find(&store);
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(hits[0].article.to_string(), "a6");
    // Every article has its documents, once.
    let all = store
        .search(&SearchQuery {
            scope: Scope::Articles,
            limit: 100,
            ..SearchQuery::text("")
        })
        .unwrap();
    assert_eq!(all.len(), 6);
}

#[test]
fn processes_opening_a_new_store_at_once_do_not_race_in_the_migration() {
    for round in 0..16 {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join(format!("new-{round}.db"));
        let barrier = std::sync::Arc::new(std::sync::Barrier::new(8));
        let handles: Vec<_> = (0..8)
            .map(|i| {
                let path = path.clone();
                let barrier = barrier.clone();
                std::thread::spawn(move || {
                    barrier.wait();
                    // One writer among readers: each opens its own connection, and each
                    // may be the one that finds the file empty.
                    if i == 0 {
                        SqliteStore::open(&path).map(drop)
                    } else {
                        SqliteStore::open_reader(&path).map(drop)
                    }
                })
            })
            .collect();
        for handle in handles {
            handle.join().unwrap().unwrap();
        }
        let connection = rusqlite::Connection::open(&path).unwrap();
        let version: u32 = connection
            .query_row("PRAGMA user_version", [], |row| row.get(0))
            .unwrap();
        assert_eq!(version, SCHEMA_VERSION);
    }
}
