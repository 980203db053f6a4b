//! [`SqliteStore`]: the embedded store, one SQLite file plus a tantivy index beside it.
//!
//! # Schema and migrations
//!
//! `PRAGMA user_version` is the schema version: the number of [`MIGRATIONS`] applied.
//! Opening a file runs the missing migrations, each in its own transaction together
//! with the `user_version` bump, so a migration is applied whole or not at all. A file
//! whose version is above [`SCHEMA_VERSION`] was written by a newer release and is
//! refused rather than misread. `PRAGMA application_id` marks the file as Pactwatch's,
//! and `store_meta.format_version` ([`FORMAT_VERSION`]) names the layout of the JSON
//! columns, which later releases keep reading.
//!
//! # Crash safety
//!
//! WAL journal, `synchronous = NORMAL`: a committed transaction survives the process
//! being killed at any moment (a power cut may lose the last few, never corrupt the
//! file). Every batch of articles is one transaction, and the record is replaced in
//! one transaction. The search index follows the database (see `search.rs`).
//!
//! # One writer
//!
//! A writer holds an exclusive lock on `<db>.lock` (see [`SqliteStore`]), so the index,
//! whose `seq` watermark assumes one writer, is never fed by two processes. Migrations
//! run in one exclusive transaction that checks the version again inside it.

use crate::search::SearchIndex;
use crate::{
    ArticleFilter, ArticleKey, Error, FactFilter, NewArticle, Page, PutOutcome, Result, SearchHit,
    SearchQuery, Store, StoredArticle, WatchId, WatchQuery,
};
use pw_model::{Diagnostic, Document, DocumentMeta, Extraction};
use pw_record::{Correction, Corrections, Fact, Record, RecordEntity, Story};
use rayon::prelude::*;
use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The layout of the stored JSON (serde forms of `pw-model` and `pw-record` types).
pub const FORMAT_VERSION: u32 = 1;
/// The schema version this release writes: the number of migrations.
pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;
/// `PRAGMA application_id`: "PWat".
const APPLICATION_ID: i32 = 0x5057_6174;

/// Migrations in order; never edit one that shipped, append a new one.
const MIGRATIONS: &[&str] = &[
    // 1: articles, the record, corrections, watch queries.
    r#"
    CREATE TABLE store_meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    ) STRICT;
    INSERT INTO store_meta (key, value) VALUES ('format_version', '1'), ('record_stale', '0');

    CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        identity TEXT NOT NULL UNIQUE,
        content_hash TEXT NOT NULL,
        -- Raised on every insert or update; the search index records how far it got.
        seq INTEGER NOT NULL,
        url TEXT,
        file TEXT,
        title TEXT,
        outlet TEXT,
        published TEXT,
        meta_json TEXT NOT NULL,
        text TEXT NOT NULL,
        diagnostics_json TEXT NOT NULL,
        extraction_json TEXT NOT NULL
    ) STRICT;
    CREATE INDEX articles_seq ON articles (seq);
    CREATE INDEX articles_content_hash ON articles (content_hash);
    CREATE INDEX articles_published ON articles (published);

    CREATE TABLE record_entities (
        id TEXT PRIMARY KEY,
        position INTEGER NOT NULL,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        country TEXT,
        json TEXT NOT NULL
    ) STRICT;
    CREATE INDEX record_entities_name ON record_entities (name COLLATE NOCASE);
    CREATE INDEX record_entities_kind ON record_entities (kind);
    CREATE INDEX record_entities_country ON record_entities (country);

    CREATE TABLE record_stories (
        id TEXT PRIMARY KEY,
        position INTEGER NOT NULL,
        json TEXT NOT NULL
    ) STRICT;

    CREATE TABLE record_facts (
        id TEXT PRIMARY KEY,
        position INTEGER NOT NULL,
        event_type TEXT NOT NULL,
        plover TEXT NOT NULL,
        date TEXT,
        strongest TEXT NOT NULL,
        weakest TEXT NOT NULL,
        json TEXT NOT NULL
    ) STRICT;
    CREATE INDEX record_facts_event_type ON record_facts (event_type);
    CREATE INDEX record_facts_date ON record_facts (date);

    -- One row per entity on a side of a fact, with the entity's country.
    CREATE TABLE record_fact_parties (
        fact_id TEXT NOT NULL REFERENCES record_facts (id) ON DELETE CASCADE,
        side TEXT NOT NULL CHECK (side IN ('source', 'target')),
        entity_id TEXT NOT NULL,
        country TEXT
    ) STRICT;
    CREATE INDEX record_fact_parties_fact ON record_fact_parties (fact_id);
    CREATE INDEX record_fact_parties_entity ON record_fact_parties (entity_id);
    CREATE INDEX record_fact_parties_country ON record_fact_parties (country);

    -- Every modality some report of the fact gives.
    CREATE TABLE record_fact_modalities (
        fact_id TEXT NOT NULL REFERENCES record_facts (id) ON DELETE CASCADE,
        modality TEXT NOT NULL,
        PRIMARY KEY (fact_id, modality)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX record_fact_modalities_modality ON record_fact_modalities (modality);

    CREATE TABLE corrections (
        id INTEGER PRIMARY KEY,
        json TEXT NOT NULL
    ) STRICT;

    CREATE TABLE watches (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        query TEXT NOT NULL,
        last_run TEXT
    ) STRICT;
    "#,
    // 2: what each watch query has seen; the record's version for readers' caches.
    r#"
    CREATE TABLE watch_seen (
        watch_id INTEGER NOT NULL REFERENCES watches (id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        PRIMARY KEY (watch_id, key)
    ) STRICT, WITHOUT ROWID;
    INSERT OR IGNORE INTO store_meta (key, value) VALUES ('record_version', '0');
    "#,
    // 3: the record is read back in order of position; without an index SQLite sorted
    // ~90 MB of JSON in temporary files on every load.
    r#"
    CREATE INDEX record_entities_position ON record_entities (position);
    CREATE INDEX record_stories_position ON record_stories (position);
    CREATE INDEX record_facts_position ON record_facts (position);
    "#,
    // 4: the article's language (ISO 639-1) as a column, for listing by language; rows
    // stored before take it from their metadata JSON, which carries it when ingest knew.
    r#"
    ALTER TABLE articles ADD COLUMN language TEXT;
    UPDATE articles SET language = json_extract(meta_json, '$.language')
        WHERE json_valid(meta_json) AND json_type(meta_json, '$.language') = 'text';
    CREATE INDEX articles_language ON articles (language);
    "#,
];

/// The SQLite implementation of [`Store`].
///
/// One writer per store: [`SqliteStore::open`] takes an exclusive advisory lock on
/// `<db>.lock` for as long as the store lives (the system drops it when the process
/// ends, however it ends), and a second writer gets [`Error::Locked`]. Readers
/// ([`SqliteStore::open_reader`]) take no lock and may run beside the writer; they never
/// write the database or the index.
pub struct SqliteStore {
    path: PathBuf,
    connection: Connection,
    /// `None` for a reader that found no usable index (a store no writer opened yet).
    index: Option<SearchIndex>,
    /// The writer's lock; `None` for a reader.
    lock: Option<std::fs::File>,
}

impl SqliteStore {
    /// Opens (or creates) the database at `path` for writing, with its index at
    /// `<path>.index/`: takes the writer's lock, migrates the schema, and brings the
    /// index up to date with the database (every article the index misses is indexed
    /// again, see [`SqliteStore::repair_index`]).
    pub fn open(path: impl AsRef<Path>) -> Result<SqliteStore> {
        let path = path.as_ref().to_path_buf();
        let lock = take_lock(&path)?;
        let connection = connect_and_migrate(&path)?;
        let index = SearchIndex::open(&index_path(&path))?;
        let mut store = SqliteStore {
            path,
            connection,
            index: Some(index),
            lock: Some(lock),
        };
        store.catch_up_index()?;
        store.repair_index()?;
        Ok(store)
    }

    /// Opens the database at `path` for reading only: no lock, so it works while a
    /// writer runs; the search index is used as the writer last committed it. Every
    /// write through it is [`Error::ReadOnly`]. A database of an older schema is
    /// migrated (in one exclusive transaction, so a writer opening at the same moment
    /// cannot race it).
    pub fn open_reader(path: impl AsRef<Path>) -> Result<SqliteStore> {
        let path = path.as_ref().to_path_buf();
        let connection = connect_and_migrate(&path)?;
        let index = SearchIndex::open_reader(&index_path(&path))?;
        Ok(SqliteStore {
            path,
            connection,
            index,
            lock: None,
        })
    }

    /// Whether this store may write (it holds the writer's lock).
    pub fn is_writer(&self) -> bool {
        self.lock.is_some()
    }

    fn writable(&self) -> Result<()> {
        if self.is_writer() {
            Ok(())
        } else {
            Err(Error::ReadOnly {
                path: self.path.clone(),
            })
        }
    }

    fn index(&self) -> Result<&SearchIndex> {
        self.index.as_ref().ok_or_else(|| Error::NoIndex {
            path: index_path(&self.path),
        })
    }

    fn index_mut(&mut self) -> Result<&mut SearchIndex> {
        let path = index_path(&self.path);
        self.index.as_mut().ok_or(Error::NoIndex { path })
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The folder of the search index.
    pub fn index_path(&self) -> PathBuf {
        index_path(&self.path)
    }

    fn error(&self, source: rusqlite::Error) -> Error {
        sqlite_error(&self.path, source)
    }

    fn corrupt(&self, what: &str, source: serde_json::Error) -> Error {
        Error::Corrupt {
            path: self.path.clone(),
            what: what.to_string(),
            cause: source,
        }
    }

    fn parse<T: DeserializeOwned>(&self, what: &str, json: &str) -> Result<T> {
        serde_json::from_str(json).map_err(|source| self.corrupt(what, source))
    }

    /// Indexes every article above the index's committed `seq` (after a crash, or when
    /// the index was removed), then commits.
    fn catch_up_index(&mut self) -> Result<()> {
        let since = self.index()?.committed_seq();
        let latest: i64 = self
            .connection
            .query_row("SELECT coalesce(max(seq), 0) FROM articles", [], |row| {
                row.get(0)
            })
            .map_err(|source| self.error(source))?;
        if latest <= since {
            return Ok(());
        }
        self.index_rows("WHERE seq > ?1 ORDER BY seq", since)?;
        self.index_mut()?.commit()
    }

    /// The repair that runs at every writer's open: when the index does not hold one
    /// article document per stored article (a row below the index's `seq` that never
    /// reached it, as two writers at once could leave before the lock existed), the
    /// missing articles are indexed; if the counts still differ the index is rebuilt
    /// from the database. Counting is two cheap queries, so this always runs.
    pub fn repair_index(&mut self) -> Result<()> {
        self.writable()?;
        let stored = self.count_articles()?;
        if self.index()?.article_count()? == stored {
            return Ok(());
        }
        let ids: Vec<i64> = {
            let mut statement = self
                .connection
                .prepare("SELECT id FROM articles ORDER BY id")
                .map_err(|source| self.error(source))?;
            let rows = statement
                .query_map([], |row| row.get(0))
                .map_err(|source| self.error(source))?;
            rows.collect::<rusqlite::Result<_>>()
                .map_err(|source| self.error(source))?
        };
        for id in ids {
            if !self.index()?.holds(ArticleKey(id))? {
                self.index_rows("WHERE id = ?1", id)?;
            }
        }
        self.index_mut()?.commit()?;
        if self.index()?.article_count()? != stored {
            // Documents of articles the database does not have: start over.
            self.index_mut()?.clear()?;
            self.index_rows("WHERE id > ?1 ORDER BY id", 0)?;
            self.index_mut()?.commit()?;
        }
        Ok(())
    }

    /// (Re)indexes the articles `condition` selects (`?1` = `value`); not committed.
    fn index_rows(&mut self, condition: &str, value: i64) -> Result<()> {
        let path = self.path.clone();
        let Some(index) = self.index.as_mut() else {
            return Err(Error::NoIndex {
                path: index_path(&path),
            });
        };
        let mut statement = self
            .connection
            .prepare(&format!(
                "SELECT id, seq, meta_json, text, extraction_json FROM articles {condition}"
            ))
            .map_err(|source| sqlite_error(&path, source))?;
        let mut rows = statement
            .query([value])
            .map_err(|source| sqlite_error(&path, source))?;
        while let Some(row) = rows.next().map_err(|source| sqlite_error(&path, source))? {
            let read = || -> rusqlite::Result<(i64, i64, String, String, String)> {
                Ok((
                    row.get(0)?,
                    row.get(1)?,
                    row.get(2)?,
                    row.get(3)?,
                    row.get(4)?,
                ))
            };
            let (id, seq, meta_json, text, extraction_json) =
                read().map_err(|source| sqlite_error(&path, source))?;
            let meta: DocumentMeta =
                serde_json::from_str(&meta_json).map_err(|source| Error::Corrupt {
                    path: path.clone(),
                    what: format!("metadata of a{id}"),
                    cause: source,
                })?;
            let extraction: Extraction =
                serde_json::from_str(&extraction_json).map_err(|source| Error::Corrupt {
                    path: path.clone(),
                    what: format!("extraction of a{id}"),
                    cause: source,
                })?;
            index.replace(ArticleKey(id), seq, &meta, &text, &extraction)?;
        }
        Ok(())
    }

    fn set_record_stale(
        transaction: &rusqlite::Transaction<'_>,
        stale: bool,
    ) -> rusqlite::Result<()> {
        transaction.execute(
            "UPDATE store_meta SET value = ?1 WHERE key = 'record_stale'",
            [if stale { "1" } else { "0" }],
        )?;
        Ok(())
    }

    fn json_column<T: DeserializeOwned + Send>(&self, sql: &str, what: &str) -> Result<Vec<T>> {
        let mut statement = self
            .connection
            .prepare_cached(sql)
            .map_err(|source| self.error(source))?;
        let rows = statement
            .query_map([], |row| row.get::<_, String>(0))
            .map_err(|source| self.error(source))?;
        let texts = rows
            .collect::<rusqlite::Result<Vec<String>>>()
            .map_err(|source| self.error(source))?;
        // Parsing is most of the time of loading a large record: spread it over cores.
        texts
            .par_iter()
            .map(|json| serde_json::from_str(json))
            .collect::<std::result::Result<Vec<T>, _>>()
            .map_err(|source| self.corrupt(what, source))
    }
}

fn index_path(database: &Path) -> PathBuf {
    let mut name = database.as_os_str().to_owned();
    name.push(".index");
    PathBuf::from(name)
}

fn sqlite_error(path: &Path, source: rusqlite::Error) -> Error {
    Error::Sqlite {
        path: path.to_path_buf(),
        cause: source,
    }
}

/// `<db>.lock`, locked exclusively (advisory; released when the file is closed, which
/// the system does when the process ends however it ends).
fn take_lock(database: &Path) -> Result<std::fs::File> {
    let mut name = database.as_os_str().to_owned();
    name.push(".lock");
    let lock_path = PathBuf::from(name);
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_path)
        .map_err(|source| Error::Io {
            path: lock_path.clone(),
            message: "cannot create the store's lock file".to_string(),
            source,
        })?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(std::fs::TryLockError::WouldBlock) => Err(Error::Locked {
            path: database.to_path_buf(),
        }),
        Err(std::fs::TryLockError::Error(source)) => Err(Error::Io {
            path: lock_path,
            message: "cannot lock the store".to_string(),
            source,
        }),
    }
}

/// [`connect`] and [`migrate`], again while SQLite answers busy: where waiting could
/// deadlock (several connections switching a new file to WAL at once) it answers at
/// once instead of waiting, so processes opening a new store together try again, for
/// up to about 10 s.
fn connect_and_migrate(path: &Path) -> Result<Connection> {
    let busy = |error: &Error| {
        matches!(error, Error::Sqlite { cause: rusqlite::Error::SqliteFailure(failure, _), .. }
            if matches!(failure.code, rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked))
    };
    let mut tries = 0;
    loop {
        let attempt = connect(path).and_then(|connection| {
            migrate(path, &connection)?;
            Ok(connection)
        });
        match attempt {
            Err(error) if busy(&error) && tries < 500 => {
                tries += 1;
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            other => return other,
        }
    }
}

fn connect(path: &Path) -> Result<Connection> {
    let connection = Connection::open(path).map_err(|source| sqlite_error(path, source))?;
    configure(&connection).map_err(|source| sqlite_error(path, source))?;
    Ok(connection)
}

fn configure(connection: &Connection) -> rusqlite::Result<()> {
    connection.busy_timeout(std::time::Duration::from_secs(10))?;
    // `journal_mode` answers with the mode it set; WAL persists in the file.
    let _mode: String = connection.query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))?;
    connection.execute_batch(
        "PRAGMA synchronous = NORMAL;
         PRAGMA foreign_keys = ON;
         PRAGMA temp_store = MEMORY;",
    )?;
    Ok(())
}

/// Brings the schema up to date. Everything, the check of the version included, runs
/// in one `BEGIN IMMEDIATE` transaction: two processes opening a new store at the same
/// moment take turns, and the second finds the work done.
fn migrate(path: &Path, connection: &Connection) -> Result<()> {
    let sqlite = |source| sqlite_error(path, source);
    let versions = |connection: &Connection| -> rusqlite::Result<(i32, u32)> {
        Ok((
            connection.query_row("PRAGMA application_id", [], |row| row.get(0))?,
            connection.query_row("PRAGMA user_version", [], |row| row.get(0))?,
        ))
    };
    // Up to date: nothing to write, no lock to take.
    if versions(connection).map_err(sqlite)? == (APPLICATION_ID, SCHEMA_VERSION) {
        return Ok(());
    }
    connection
        .execute_batch("BEGIN IMMEDIATE")
        .map_err(sqlite)?;
    let result = migrate_locked(path, connection, versions);
    let end = if result.is_ok() { "COMMIT" } else { "ROLLBACK" };
    match (result, connection.execute_batch(end)) {
        (Ok(()), Ok(())) => Ok(()),
        (Ok(()), Err(source)) => {
            let _ = connection.execute_batch("ROLLBACK");
            Err(sqlite(source))
        }
        (Err(error), _) => Err(error),
    }
}

fn migrate_locked(
    path: &Path,
    connection: &Connection,
    versions: impl Fn(&Connection) -> rusqlite::Result<(i32, u32)>,
) -> Result<()> {
    let format_error = |message: String| Error::Format {
        path: path.to_path_buf(),
        message,
    };
    let sqlite = |source| sqlite_error(path, source);
    let (application_id, version) = versions(connection).map_err(sqlite)?;
    if version == 0 {
        let tables: i64 = connection
            .query_row("SELECT count(*) FROM sqlite_schema", [], |row| row.get(0))
            .map_err(sqlite)?;
        if tables > 0 && application_id != APPLICATION_ID {
            return Err(format_error("not a pactwatch database".to_string()));
        }
    } else if application_id != APPLICATION_ID {
        return Err(format_error("not a pactwatch database".to_string()));
    }
    if version > SCHEMA_VERSION {
        return Err(format_error(format!(
            "written by a newer pactwatch (schema version {version}); this release reads up to {SCHEMA_VERSION}"
        )));
    }
    for (done, migration) in MIGRATIONS.iter().enumerate().skip(version as usize) {
        let next = done + 1;
        connection
            .execute_batch(&format!(
                "{migration}
                 PRAGMA application_id = {APPLICATION_ID};
                 PRAGMA user_version = {next};"
            ))
            .map_err(sqlite)?;
    }
    Ok(())
}

fn to_json<T: Serialize + ?Sized>(value: &T) -> String {
    // Plain data with string keys always serializes.
    serde_json::to_string(value).expect("stored values serialize to JSON")
}

/// The content hash of an article, or '' when its extraction was stopped (its document
/// diagnostics hold `"code":"extraction_stopped"`, see [`crate::EXTRACTION_STOPPED`]),
/// so that no content hash equals it and the next ingest extracts it again. The
/// diagnostics column is small: the check reads no extraction.
const HASH_UNLESS_STOPPED: &str = "CASE WHEN instr(diagnostics_json, \
     '\"code\":\"extraction_stopped\"') > 0 THEN '' ELSE content_hash END";

/// A bound on a partial date, compared on the prefix the bound gives: `2023` takes in
/// `2023-07-20`. Dates without a year (`--07-20`) or a decade (`202X`) never match.
const DATE_KNOWN: &str = "date GLOB '[0-9][0-9][0-9][0-9]*' AND date NOT GLOB '*X*'";

/// An article row serialized before the transaction opens (the writer's work is SQL).
struct Row<'a> {
    article: &'a NewArticle,
    meta_json: String,
    diagnostics_json: String,
    extraction_json: String,
    published: Option<String>,
}

impl Store for SqliteStore {
    fn put_articles(&mut self, articles: &[NewArticle]) -> Result<Vec<PutOutcome>> {
        self.writable()?;
        let rows: Vec<Row<'_>> = articles
            .iter()
            .map(|article| Row {
                article,
                meta_json: to_json(&article.document.meta),
                diagnostics_json: to_json(&article.document.diagnostics),
                extraction_json: to_json(&article.extraction),
                published: article.document.meta.published.map(|date| date.to_string()),
            })
            .collect();
        let path = self.path.clone();
        let sqlite = |source| sqlite_error(&path, source);
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(sqlite)?;
        let mut seq: i64 = transaction
            .query_row("SELECT coalesce(max(seq), 0) FROM articles", [], |row| {
                row.get(0)
            })
            .map_err(sqlite)?;
        let mut outcomes = Vec::with_capacity(rows.len());
        let mut changed = Vec::new();
        {
            let mut find = transaction
                .prepare_cached(&format!(
                    "SELECT id, {HASH_UNLESS_STOPPED} FROM articles WHERE identity = ?1"
                ))
                .map_err(sqlite)?;
            // One statement stores a new article or replaces a known one in place (same
            // id, so the same key).
            let mut upsert = transaction
                .prepare_cached(
                    "INSERT INTO articles (identity, content_hash, seq, url, file, title, outlet,
                         published, meta_json, text, diagnostics_json, extraction_json, language)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
                     ON CONFLICT (identity) DO UPDATE SET content_hash = excluded.content_hash,
                         seq = excluded.seq, url = excluded.url, file = excluded.file,
                         title = excluded.title, outlet = excluded.outlet,
                         published = excluded.published, meta_json = excluded.meta_json,
                         text = excluded.text, diagnostics_json = excluded.diagnostics_json,
                         extraction_json = excluded.extraction_json,
                         language = excluded.language
                     RETURNING id",
                )
                .map_err(sqlite)?;
            for (position, row) in rows.iter().enumerate() {
                let article = row.article;
                let meta = &article.document.meta;
                let known: Option<(i64, String)> = find
                    .query_row([&article.identity], |found| {
                        Ok((found.get(0)?, found.get(1)?))
                    })
                    .optional()
                    .map_err(sqlite)?;
                let outcome = match known {
                    Some((id, hash)) if hash == article.content_hash => {
                        PutOutcome::Unchanged(ArticleKey(id))
                    }
                    _ => {
                        seq += 1;
                        let id: i64 = upsert
                            .query_row(
                                params![
                                    article.identity,
                                    article.content_hash,
                                    seq,
                                    meta.url,
                                    meta.file,
                                    meta.title,
                                    meta.outlet,
                                    row.published,
                                    row.meta_json,
                                    article.document.text,
                                    row.diagnostics_json,
                                    row.extraction_json,
                                    meta.language,
                                ],
                                |found| found.get(0),
                            )
                            .map_err(sqlite)?;
                        changed.push((position, id, seq));
                        if known.is_some() {
                            PutOutcome::Updated(ArticleKey(id))
                        } else {
                            PutOutcome::Stored(ArticleKey(id))
                        }
                    }
                };
                outcomes.push(outcome);
            }
        }
        if !changed.is_empty() {
            SqliteStore::set_record_stale(&transaction, true).map_err(sqlite)?;
        }
        transaction.commit().map_err(sqlite)?;
        // Only committed rows reach the index (it must never run ahead of the database).
        let index = self.index_mut()?;
        for (position, id, seq) in changed {
            let article = &articles[position];
            index.replace(
                ArticleKey(id),
                seq,
                &article.document.meta,
                &article.document.text,
                &article.extraction,
            )?;
        }
        Ok(outcomes)
    }

    fn article(&self, key: ArticleKey) -> Result<Option<StoredArticle>> {
        let row: Option<(String, String, String, String, String)> = self
            .connection
            .prepare_cached(
                "SELECT identity, content_hash, meta_json, text, diagnostics_json
                 FROM articles WHERE id = ?1",
            )
            .and_then(|mut statement| {
                statement
                    .query_row([key.0], |row| {
                        Ok((
                            row.get(0)?,
                            row.get(1)?,
                            row.get(2)?,
                            row.get(3)?,
                            row.get(4)?,
                        ))
                    })
                    .optional()
            })
            .map_err(|source| self.error(source))?;
        let Some((identity, content_hash, meta_json, text, diagnostics_json)) = row else {
            return Ok(None);
        };
        Ok(Some(StoredArticle {
            key,
            identity,
            content_hash,
            document: Document {
                meta: self.parse(&format!("metadata of {key}"), &meta_json)?,
                text,
                diagnostics: self.parse::<Vec<Diagnostic>>(
                    &format!("diagnostics of {key}"),
                    &diagnostics_json,
                )?,
            },
        }))
    }

    fn find_identity(&self, identity: &str) -> Result<Option<(ArticleKey, String)>> {
        self.connection
            .prepare_cached("SELECT id, content_hash FROM articles WHERE identity = ?1")
            .and_then(|mut statement| {
                statement
                    .query_row([identity], |row| Ok((ArticleKey(row.get(0)?), row.get(1)?)))
                    .optional()
            })
            .map_err(|source| self.error(source))
    }

    fn identities(&self) -> Result<Vec<(String, String)>> {
        let mut statement = self
            .connection
            .prepare_cached(&format!(
                "SELECT identity, {HASH_UNLESS_STOPPED} FROM articles"
            ))
            .map_err(|source| self.error(source))?;
        let rows = statement
            .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))
            .map_err(|source| self.error(source))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|source| self.error(source))
    }

    fn list_articles(&self, page: Page) -> Result<Vec<StoredArticle>> {
        self.list_articles_where(page, &ArticleFilter::default())
    }

    fn list_articles_where(
        &self,
        page: Page,
        filter: &ArticleFilter,
    ) -> Result<Vec<StoredArticle>> {
        let after = page.after.map_or(0, |key| key.0);
        let limit = i64::try_from(page.limit).unwrap_or(i64::MAX);
        let language = filter.language.as_deref().map(str::to_lowercase);
        let mut statement = self
            .connection
            .prepare_cached(
                "SELECT id, identity, content_hash, meta_json, text, diagnostics_json
                 FROM articles WHERE id > ?1 AND (?3 IS NULL OR language = ?3)
                 ORDER BY id LIMIT ?2",
            )
            .map_err(|source| self.error(source))?;
        let rows = statement
            .query_map(params![after, limit, language], |row| {
                Ok((
                    ArticleKey(row.get(0)?),
                    row.get::<_, String>(1)?,
                    row.get::<_, String>(2)?,
                    row.get::<_, String>(3)?,
                    row.get::<_, String>(4)?,
                    row.get::<_, String>(5)?,
                ))
            })
            .map_err(|source| self.error(source))?;
        let mut articles = Vec::new();
        for row in rows {
            let (key, identity, content_hash, meta_json, text, diagnostics_json) =
                row.map_err(|source| self.error(source))?;
            articles.push(StoredArticle {
                key,
                identity,
                content_hash,
                document: Document {
                    meta: self.parse(&format!("metadata of {key}"), &meta_json)?,
                    text,
                    diagnostics: self.parse(&format!("diagnostics of {key}"), &diagnostics_json)?,
                },
            });
        }
        Ok(articles)
    }

    fn count_articles(&self) -> Result<u64> {
        self.connection
            .query_row("SELECT count(*) FROM articles", [], |row| {
                row.get::<_, i64>(0)
            })
            .map(|count| u64::try_from(count).unwrap_or(0))
            .map_err(|source| self.error(source))
    }

    fn count_articles_where(&self, filter: &ArticleFilter) -> Result<u64> {
        let language = filter.language.as_deref().map(str::to_lowercase);
        self.connection
            .prepare_cached("SELECT count(*) FROM articles WHERE ?1 IS NULL OR language = ?1")
            .and_then(|mut statement| statement.query_row([language], |row| row.get::<_, i64>(0)))
            .map(|count| u64::try_from(count).unwrap_or(0))
            .map_err(|source| self.error(source))
    }

    fn extraction(&self, key: ArticleKey) -> Result<Option<Extraction>> {
        let json: Option<String> = self
            .connection
            .prepare_cached("SELECT extraction_json FROM articles WHERE id = ?1")
            .and_then(|mut statement| statement.query_row([key.0], |row| row.get(0)).optional())
            .map_err(|source| self.error(source))?;
        json.map(|json| self.parse(&format!("extraction of {key}"), &json))
            .transpose()
    }

    fn put_record(&mut self, record: &Record) -> Result<()> {
        self.writable()?;
        let path = self.path.clone();
        let sqlite = |source| sqlite_error(&path, source);
        let countries: HashMap<&str, Option<&str>> = record
            .entities
            .iter()
            .map(|entity| (entity.id.as_str(), entity.country.as_deref()))
            .collect();
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(sqlite)?;
        transaction
            .execute_batch(
                "DELETE FROM record_fact_modalities;
                 DELETE FROM record_fact_parties;
                 DELETE FROM record_facts;
                 DELETE FROM record_stories;
                 DELETE FROM record_entities;",
            )
            .map_err(sqlite)?;
        {
            let mut entity_row = transaction
                .prepare_cached(
                    "INSERT INTO record_entities (id, position, name, kind, country, json)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                )
                .map_err(sqlite)?;
            for (position, entity) in record.entities.iter().enumerate() {
                entity_row
                    .execute(params![
                        entity.id,
                        position as i64,
                        entity.name,
                        entity.kind.as_str(),
                        entity.country,
                        to_json(entity),
                    ])
                    .map_err(sqlite)?;
            }
            let mut story_row = transaction
                .prepare_cached(
                    "INSERT INTO record_stories (id, position, json) VALUES (?1, ?2, ?3)",
                )
                .map_err(sqlite)?;
            for (position, story) in record.stories.iter().enumerate() {
                story_row
                    .execute(params![story.id, position as i64, to_json(story)])
                    .map_err(sqlite)?;
            }
            let mut fact_row = transaction
                .prepare_cached(
                    "INSERT INTO record_facts (id, position, event_type, plover, date, strongest,
                         weakest, json)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                )
                .map_err(sqlite)?;
            let mut party_row = transaction
                .prepare_cached(
                    "INSERT INTO record_fact_parties (fact_id, side, entity_id, country)
                     VALUES (?1, ?2, ?3, ?4)",
                )
                .map_err(sqlite)?;
            let mut modality_row = transaction
                .prepare_cached(
                    "INSERT OR IGNORE INTO record_fact_modalities (fact_id, modality)
                     VALUES (?1, ?2)",
                )
                .map_err(sqlite)?;
            for (position, fact) in record.facts.iter().enumerate() {
                fact_row
                    .execute(params![
                        fact.id,
                        position as i64,
                        fact.event_type.as_str(),
                        to_json(&fact.plover).trim_matches('"'),
                        fact.date.map(|date| date.to_string()),
                        fact.strongest.as_str(),
                        fact.weakest.as_str(),
                        to_json(fact),
                    ])
                    .map_err(sqlite)?;
                let sides = [("source", &fact.source), ("target", &fact.target)];
                for (side, entities) in sides {
                    for entity in entities {
                        let country = countries.get(entity.as_str()).copied().flatten();
                        party_row
                            .execute(params![fact.id, side, entity, country])
                            .map_err(sqlite)?;
                    }
                }
                let modalities = fact
                    .supports
                    .iter()
                    .map(|support| support.modality)
                    .chain([fact.strongest, fact.weakest]);
                for modality in modalities {
                    modality_row
                        .execute(params![fact.id, modality.as_str()])
                        .map_err(sqlite)?;
                }
            }
        }
        SqliteStore::set_record_stale(&transaction, false).map_err(sqlite)?;
        transaction
            .execute(
                "UPDATE store_meta SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)
                 WHERE key = 'record_version'",
                [],
            )
            .map_err(sqlite)?;
        transaction.commit().map_err(sqlite)
    }

    fn record_version(&self) -> Result<Option<u64>> {
        self.connection
            .query_row(
                "SELECT value FROM store_meta WHERE key = 'record_version'",
                [],
                |row| row.get::<_, String>(0),
            )
            .optional()
            .map(|value| value.and_then(|value| value.parse().ok()))
            .map_err(|source| self.error(source))
    }

    fn article_metas(&self) -> Result<Vec<(ArticleKey, DocumentMeta)>> {
        let mut statement = self
            .connection
            .prepare_cached("SELECT id, meta_json FROM articles ORDER BY id")
            .map_err(|source| self.error(source))?;
        let rows = statement
            .query_map([], |row| {
                Ok((ArticleKey(row.get(0)?), row.get::<_, String>(1)?))
            })
            .map_err(|source| self.error(source))?;
        let mut metas = Vec::new();
        for row in rows {
            let (key, json) = row.map_err(|source| self.error(source))?;
            metas.push((key, self.parse(&format!("metadata of {key}"), &json)?));
        }
        Ok(metas)
    }

    fn record(&self) -> Result<Record> {
        let entities: Vec<RecordEntity> = self.json_column(
            "SELECT json FROM record_entities ORDER BY position",
            "record entity",
        )?;
        let stories: Vec<Story> =
            self.json_column("SELECT json FROM record_stories ORDER BY position", "story")?;
        let facts: Vec<Fact> =
            self.json_column("SELECT json FROM record_facts ORDER BY position", "fact")?;
        Ok(Record {
            entities,
            stories,
            facts,
        })
    }

    fn record_is_stale(&self) -> Result<bool> {
        self.connection
            .query_row(
                "SELECT value FROM store_meta WHERE key = 'record_stale'",
                [],
                |row| row.get::<_, String>(0),
            )
            .map(|value| value == "1")
            .map_err(|source| self.error(source))
    }

    fn facts(&self, filter: &FactFilter) -> Result<Vec<Fact>> {
        let mut conditions: Vec<String> = Vec::new();
        let mut values: Vec<String> = Vec::new();
        let mut bind = |value: String| {
            values.push(value);
            format!("?{}", values.len())
        };
        if let Some(event_type) = filter.event_type {
            conditions.push(format!("event_type = {}", bind(event_type.as_str().into())));
        }
        if let Some(entity) = &filter.entity {
            conditions.push(format!(
                "id IN (SELECT fact_id FROM record_fact_parties WHERE entity_id = {})",
                bind(entity.clone())
            ));
        }
        if let Some(country) = &filter.country {
            conditions.push(format!(
                "id IN (SELECT fact_id FROM record_fact_parties WHERE country = {})",
                bind(country.to_uppercase())
            ));
        }
        if let Some(modality) = filter.modality {
            conditions.push(format!(
                "id IN (SELECT fact_id FROM record_fact_modalities WHERE modality = {})",
                bind(modality.as_str().into())
            ));
        }
        if let Some(from) = filter.date_from {
            let from = from.to_string();
            let width = from.len();
            conditions.push(format!(
                "{DATE_KNOWN} AND substr(date, 1, {width}) >= {}",
                bind(from)
            ));
        }
        if let Some(to) = filter.date_to {
            let to = to.to_string();
            let width = to.len();
            conditions.push(format!(
                "{DATE_KNOWN} AND substr(date, 1, {width}) <= {}",
                bind(to)
            ));
        }
        let condition = if conditions.is_empty() {
            "1".to_string()
        } else {
            conditions.join(" AND ")
        };
        let sql = format!("SELECT json FROM record_facts WHERE {condition} ORDER BY position");
        let mut statement = self
            .connection
            .prepare(&sql)
            .map_err(|source| self.error(source))?;
        let rows = statement
            .query_map(rusqlite::params_from_iter(values.iter()), |row| {
                row.get::<_, String>(0)
            })
            .map_err(|source| self.error(source))?;
        let mut facts = Vec::new();
        for json in rows {
            let json = json.map_err(|source| self.error(source))?;
            facts.push(self.parse("fact", &json)?);
        }
        Ok(facts)
    }

    fn add_correction(&mut self, correction: &Correction) -> Result<u64> {
        self.writable()?;
        let path = self.path.clone();
        let sqlite = |source| sqlite_error(&path, source);
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(sqlite)?;
        transaction
            .execute(
                "INSERT INTO corrections (json) VALUES (?1)",
                [to_json(correction)],
            )
            .map_err(sqlite)?;
        let id = transaction.last_insert_rowid();
        SqliteStore::set_record_stale(&transaction, true).map_err(sqlite)?;
        transaction.commit().map_err(sqlite)?;
        Ok(u64::try_from(id).unwrap_or(0))
    }

    fn corrections(&self) -> Result<Corrections> {
        let items: Vec<Correction> =
            self.json_column("SELECT json FROM corrections ORDER BY id", "correction")?;
        Ok(Corrections { items })
    }

    fn add_watch(&mut self, name: &str, query: &str) -> Result<WatchId> {
        self.writable()?;
        self.connection
            .execute(
                "INSERT INTO watches (name, query) VALUES (?1, ?2)",
                [name, query],
            )
            .map_err(|source| self.error(source))?;
        Ok(WatchId(self.connection.last_insert_rowid()))
    }

    fn watches(&self) -> Result<Vec<WatchQuery>> {
        let mut statement = self
            .connection
            .prepare_cached("SELECT id, name, query, last_run FROM watches ORDER BY id")
            .map_err(|source| self.error(source))?;
        let rows = statement
            .query_map([], |row| {
                Ok(WatchQuery {
                    id: WatchId(row.get(0)?),
                    name: row.get(1)?,
                    query: row.get(2)?,
                    last_run: row.get(3)?,
                })
            })
            .map_err(|source| self.error(source))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|source| self.error(source))
    }

    fn set_watch_last_run(&mut self, id: WatchId, at: &str) -> Result<()> {
        self.writable()?;
        let changed = self
            .connection
            .execute(
                "UPDATE watches SET last_run = ?2 WHERE id = ?1",
                params![id.0, at],
            )
            .map_err(|source| self.error(source))?;
        if changed == 0 {
            return Err(Error::NoSuchWatch(id.0));
        }
        Ok(())
    }

    fn watch_seen(&self, id: WatchId) -> Result<Vec<String>> {
        let mut statement = self
            .connection
            .prepare_cached("SELECT key FROM watch_seen WHERE watch_id = ?1 ORDER BY key")
            .map_err(|source| self.error(source))?;
        let rows = statement
            .query_map([id.0], |row| row.get(0))
            .map_err(|source| self.error(source))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|source| self.error(source))
    }

    fn add_watch_seen(&mut self, id: WatchId, keys: &[String], at: &str) -> Result<()> {
        self.writable()?;
        let path = self.path.clone();
        let sqlite = |source| sqlite_error(&path, source);
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(sqlite)?;
        let changed = transaction
            .execute(
                "UPDATE watches SET last_run = ?2 WHERE id = ?1",
                params![id.0, at],
            )
            .map_err(sqlite)?;
        if changed == 0 {
            return Err(Error::NoSuchWatch(id.0));
        }
        {
            let mut insert = transaction
                .prepare_cached("INSERT OR IGNORE INTO watch_seen (watch_id, key) VALUES (?1, ?2)")
                .map_err(sqlite)?;
            for key in keys {
                insert.execute(params![id.0, key]).map_err(sqlite)?;
            }
        }
        transaction.commit().map_err(sqlite)
    }

    fn search(&self, query: &SearchQuery) -> Result<Vec<SearchHit>> {
        self.index()?.search(query)
    }

    fn flush(&mut self) -> Result<()> {
        match self.index.as_mut() {
            Some(index) if self.lock.is_some() => index.commit(),
            // A reader has nothing to flush.
            _ => Ok(()),
        }
    }
}
