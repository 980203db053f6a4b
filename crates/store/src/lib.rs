//! Pactwatch store: articles, their extractions, the derived record, the user's
//! corrections and saved watch queries, plus full-text search, behind one [`Store`]
//! trait.
//!
//! [`SqliteStore`] is the embedded implementation: one SQLite file (WAL, versioned
//! migrations through `PRAGMA user_version`) and a tantivy index in a folder beside it
//! (`pactwatch.db.index/`). SQLite is the source of truth; the index is derived and
//! catches up with the database whenever the store is opened, so a store killed at any
//! moment opens cleanly (see [`SqliteStore`] for how).
//!
//! ```no_run
//! use pw_store::{NewArticle, SearchQuery, SqliteStore, Store};
//! # fn main() -> pw_store::Result<()> {
//! let mut store = SqliteStore::open("pactwatch.db")?;
//! let document = pw_model::Document { text: "Iran and Bolivia signed a pact.".into(), ..Default::default() };
//! let extraction = pw_model::Extraction::default();
//! store.put_articles(&[NewArticle::new(document, extraction, None)])?;
//! store.flush()?;
//! for hit in store.search(&SearchQuery::text("pact"))? {
//!     println!("{} {:?} {}", hit.article, hit.sentence, hit.snippet);
//! }
//! # Ok(())
//! # }
//! ```

mod error;
mod key;
mod query;
mod record;
mod search;
mod sqlite;

pub use error::{Error, Result};
pub use key::{ArticleKey, content_hash, identity_key};
pub use query::{FIELDS, MAX_DEPTH, MAX_QUERY_BYTES, MAX_WORDS};
pub use record::rebuild_record;
pub use search::{Scope, SearchHit, SearchQuery};
pub use sqlite::{FORMAT_VERSION, SCHEMA_VERSION, SqliteStore};

/// The code of the document diagnostic that marks an article whose extraction was
/// stopped before it finished (`--article-timeout`). Such an article is stored, but it
/// is never "unchanged": [`Store::identities`] gives it no content hash and
/// [`Store::put_articles`] replaces it, so the next ingest extracts it again.
pub const EXTRACTION_STOPPED: &str = "extraction_stopped";

use pw_model::{Document, DocumentMeta, EventType, Extraction, Modality, PartialDate};
use pw_record::{Correction, Corrections, Fact, Record};
use serde::{Deserialize, Serialize};

/// An article to store: the document ingest produced and its extraction, with the two
/// keys that make ingest idempotent.
#[derive(Clone, Debug)]
pub struct NewArticle {
    /// What makes two versions "the same article": URL, else file + id, else content
    /// hash (see [`identity_key`]).
    pub identity: String,
    /// Hash of the whitespace-normalized text (see [`content_hash`]).
    pub content_hash: String,
    pub document: Document,
    pub extraction: Extraction,
}

impl NewArticle {
    /// Computes both keys from the document; `source_file` overrides the file part of the
    /// identity (the CLI passes an absolute path so `./a.txt` and `a.txt` agree).
    pub fn new(document: Document, extraction: Extraction, source_file: Option<&str>) -> Self {
        let content_hash = content_hash(&document.text);
        let identity = identity_key(&document.meta, source_file, &content_hash);
        NewArticle {
            identity,
            content_hash,
            document,
            extraction,
        }
    }
}

/// What storing one article did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PutOutcome {
    /// A new article.
    Stored(ArticleKey),
    /// The identity was known and the text changed: replaced in place, same key.
    Updated(ArticleKey),
    /// The identity was known with the same content hash: nothing written.
    Unchanged(ArticleKey),
}

impl PutOutcome {
    pub fn key(self) -> ArticleKey {
        match self {
            PutOutcome::Stored(key) | PutOutcome::Updated(key) | PutOutcome::Unchanged(key) => key,
        }
    }
}

/// One stored article (without its extraction, see [`Store::extraction`]).
#[derive(Clone, Debug, PartialEq)]
pub struct StoredArticle {
    pub key: ArticleKey,
    pub identity: String,
    pub content_hash: String,
    pub document: Document,
}

/// A page of [`Store::list_articles`]: articles whose key is after `after`, in key order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Page {
    pub after: Option<ArticleKey>,
    pub limit: usize,
}

impl Page {
    pub fn first(limit: usize) -> Page {
        Page { after: None, limit }
    }
}

/// Filters over stored articles ([`Store::list_articles_where`]); every field set must
/// hold.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ArticleFilter {
    /// The article's language, ISO 639-1 (`es`; compared ignoring case). Articles whose
    /// language is unknown match no language.
    pub language: Option<String>,
}

impl ArticleFilter {
    /// Only articles in `language`.
    pub fn language(language: &str) -> ArticleFilter {
        ArticleFilter {
            language: Some(language.to_string()),
        }
    }

    /// Whether an article with this metadata passes.
    pub fn matches(&self, meta: &DocumentMeta) -> bool {
        self.language.as_deref().is_none_or(|wanted| {
            meta.language
                .as_deref()
                .is_some_and(|language| language.eq_ignore_ascii_case(wanted))
        })
    }
}

/// Filters over the record's facts; every field set must hold.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FactFilter {
    pub event_type: Option<EventType>,
    /// A record entity id (`E…`) on either side.
    pub entity: Option<String>,
    /// ISO alpha-3 country of an entity on either side.
    pub country: Option<String>,
    /// Facts reported at least once with this modality.
    pub modality: Option<Modality>,
    /// Inclusive bounds on the fact's date as written (`2023`, `2023-07`, `2023-07-20`).
    pub date_from: Option<PartialDate>,
    pub date_to: Option<PartialDate>,
}

/// A saved query that a watcher runs again and again.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WatchQuery {
    pub id: WatchId,
    pub name: String,
    /// The query, as the caller wrote it (opaque to the store).
    pub query: String,
    /// When it last ran, as the caller's clock wrote it (the store has no clock).
    pub last_run: Option<String>,
}

/// The id of a saved watch query.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct WatchId(pub i64);

/// Storage for everything Pactwatch keeps. One conformance suite (`tests/it`) runs
/// against every implementation.
///
/// Writes are atomic per call: a batch of articles, a record, a correction is either all
/// stored or not at all.
pub trait Store {
    /// Stores a batch in one transaction; per article: new, updated (same identity,
    /// other content) or unchanged (same identity and content hash).
    fn put_articles(&mut self, articles: &[NewArticle]) -> Result<Vec<PutOutcome>>;
    fn article(&self, key: ArticleKey) -> Result<Option<StoredArticle>>;
    /// The key and content hash of the article with this identity.
    fn find_identity(&self, identity: &str) -> Result<Option<(ArticleKey, String)>>;
    /// Every identity with its content hash: what ingest checks before extracting (an
    /// article whose extraction was stopped, [`EXTRACTION_STOPPED`], has an empty hash).
    fn identities(&self) -> Result<Vec<(String, String)>>;
    fn list_articles(&self, page: Page) -> Result<Vec<StoredArticle>>;
    fn count_articles(&self) -> Result<u64>;
    /// [`Store::list_articles`], only the articles that pass `filter`: up to
    /// `page.limit` of them with keys after `page.after`, in key order.
    fn list_articles_where(
        &self,
        page: Page,
        filter: &ArticleFilter,
    ) -> Result<Vec<StoredArticle>> {
        let mut found = Vec::new();
        let mut after = page.after;
        while found.len() < page.limit {
            let batch = self.list_articles(Page {
                after,
                limit: page.limit.max(100),
            })?;
            let Some(last) = batch.last() else {
                break;
            };
            after = Some(last.key);
            found.extend(
                batch
                    .into_iter()
                    .filter(|article| filter.matches(&article.document.meta)),
            );
        }
        found.truncate(page.limit);
        Ok(found)
    }
    /// How many articles pass `filter`.
    fn count_articles_where(&self, filter: &ArticleFilter) -> Result<u64> {
        if *filter == ArticleFilter::default() {
            return self.count_articles();
        }
        Ok(self
            .article_metas()?
            .iter()
            .filter(|(_, meta)| filter.matches(meta))
            .count() as u64)
    }
    fn extraction(&self, key: ArticleKey) -> Result<Option<Extraction>>;

    /// Replaces the whole record atomically and marks it fresh.
    fn put_record(&mut self, record: &Record) -> Result<()>;
    fn record(&self) -> Result<Record>;
    /// True when articles or corrections changed since the record was last put.
    fn record_is_stale(&self) -> Result<bool>;
    fn facts(&self, filter: &FactFilter) -> Result<Vec<Fact>>;

    /// Appends a correction (marks the record stale); returns its position.
    fn add_correction(&mut self, correction: &Correction) -> Result<u64>;
    fn corrections(&self) -> Result<Corrections>;

    fn add_watch(&mut self, name: &str, query: &str) -> Result<WatchId>;
    fn watches(&self) -> Result<Vec<WatchQuery>>;
    fn set_watch_last_run(&mut self, id: WatchId, at: &str) -> Result<()>;
    /// The keys a watch has seen in earlier runs (opaque to the store; `pw-query` keeps
    /// one per supporting report, `a12:v3`).
    fn watch_seen(&self, id: WatchId) -> Result<Vec<String>>;
    /// Adds keys to what a watch has seen and sets its last run, in one transaction.
    fn add_watch_seen(&mut self, id: WatchId, keys: &[String], at: &str) -> Result<()>;

    /// A number that changes whenever the record is replaced ([`Store::put_record`]), so
    /// readers can cache what they derive from the record. `None`: the store cannot
    /// tell, and readers must not cache.
    fn record_version(&self) -> Result<Option<u64>> {
        Ok(None)
    }
    /// The metadata of every article, in key order, without text or extraction.
    fn article_metas(&self) -> Result<Vec<(ArticleKey, DocumentMeta)>> {
        let mut metas = Vec::new();
        let mut after = None;
        loop {
            let page = self.list_articles(Page {
                after,
                limit: 1_000,
            })?;
            let Some(last) = page.last() else {
                break;
            };
            after = Some(last.key);
            metas.extend(
                page.into_iter()
                    .map(|article| (article.key, article.document.meta)),
            );
        }
        Ok(metas)
    }

    /// Full-text search over sentences or articles. Sees every article stored before
    /// the last [`Store::flush`].
    fn search(&self, query: &SearchQuery) -> Result<Vec<SearchHit>>;
    /// Makes everything written so far durable and searchable.
    fn flush(&mut self) -> Result<()>;
}
