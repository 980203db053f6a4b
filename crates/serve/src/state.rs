//! Shared state: the store behind a mutex (SQLite connections are not `Sync`; every
//! use runs on a blocking thread), and the record cached in memory with the lookups
//! the handlers need, replaced whole after every write.

use crate::error::{ApiError, ApiResult};
use pw_extract::Extractor;
use pw_model::{EntityId, EventId, Span};
use pw_query::{Catalog, EntityBrief};
use pw_store::{SqliteStore, Store};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock, PoisonError, RwLock};
use std::time::Duration;

/// How the server is set up.
#[derive(Clone, Debug)]
pub struct Config {
    /// Writes (`POST /api/v1/articles`) need `Authorization: Bearer <token>`; without a
    /// token they are refused.
    pub token: Option<String>,
    /// Largest request body, in bytes (larger: 413).
    pub body_limit: usize,
    /// Time limit of a read request (over it: 503).
    pub read_timeout: Duration,
    /// Time limit of a write's extraction (over it: 503, and nothing is stored).
    /// Storing, indexing and the record rebuild, once begun, always finish and answer.
    pub write_timeout: Duration,
    /// A connection must send a request's whole header within this time, or it is
    /// closed (slow clients).
    pub header_timeout: Duration,
    /// A write's body must arrive within this time (over it: 408).
    pub body_timeout: Duration,
    /// One line per request on stderr.
    pub access_log: bool,
    /// Called on the threads that extracted and stored a write, once they are done
    /// with it: a write rebuilds the record (the whole store passes through memory),
    /// and an allocator that keeps freed pages per thread can hand them back to the
    /// system here (the `pactwatch` binary calls mimalloc's `mi_collect`), so the
    /// server's memory returns to its baseline after each write.
    pub release_memory: Option<fn()>,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            token: None,
            body_limit: 2 << 20,
            read_timeout: Duration::from_secs(10),
            write_timeout: Duration::from_secs(120),
            header_timeout: Duration::from_secs(10),
            body_timeout: Duration::from_secs(30),
            access_log: true,
            release_memory: None,
        }
    }
}

/// The record (in a `pw-query` catalog) and the lookups the handlers add, immutable
/// once made: readers clone the `Arc` and never wait for a writer.
pub struct View {
    pub catalog: Arc<Catalog>,
    /// (article key, article entity id) → record entity id.
    pub entity_of_member: HashMap<(String, EntityId), String>,
    /// (article key, article event id) → fact id.
    pub fact_of_event: HashMap<(String, EventId), String>,
    /// (article key, sentence) → the record entities sighted there, with their spans.
    sightings: HashMap<(String, usize), Vec<(String, Span)>>,
    /// Every entity, most mentioned first.
    by_mentions: Vec<EntityBrief>,
}

impl View {
    pub fn new(catalog: Catalog) -> View {
        let record = catalog.record();
        let mut entity_of_member = HashMap::new();
        let mut sightings: HashMap<(String, usize), Vec<(String, Span)>> = HashMap::new();
        for entity in &record.entities {
            for member in &entity.members {
                entity_of_member.insert((member.article.clone(), member.entity), entity.id.clone());
            }
            for sighting in &entity.sightings {
                sightings
                    .entry((sighting.article.clone(), sighting.sentence))
                    .or_default()
                    .push((entity.id.clone(), sighting.span));
            }
        }
        let fact_of_event = record
            .facts
            .iter()
            .flat_map(|fact| {
                fact.supports
                    .iter()
                    .map(|support| ((support.article.clone(), support.event), fact.id.clone()))
            })
            .collect();
        let mut by_mentions: Vec<EntityBrief> = record
            .entities
            .iter()
            .map(|entity| catalog.brief(&entity.id))
            .collect();
        by_mentions.sort_by(|a, b| b.mentions.cmp(&a.mentions).then_with(|| a.id.cmp(&b.id)));
        View {
            catalog: Arc::new(catalog),
            entity_of_member,
            fact_of_event,
            sightings,
            by_mentions,
        }
    }

    /// The record entities sighted in one sentence of an article.
    pub fn sightings_in(&self, article: &str, sentence: usize) -> &[(String, Span)] {
        self.sightings
            .get(&(article.to_string(), sentence))
            .map_or(&[], Vec::as_slice)
    }

    /// Every entity, most mentioned first.
    pub fn entities_by_mentions(&self) -> Vec<EntityBrief> {
        self.by_mentions.clone()
    }
}

/// What every handler gets; cheap to clone.
#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

struct Inner {
    config: Config,
    db: PathBuf,
    /// The store that writes: a write holds it from storing to the record rebuild.
    store: Mutex<SqliteStore>,
    /// Stores that only read (search, articles), one per core, so that reads run in
    /// parallel and never wait for a write; reopened after each write, because each
    /// holds its own view of the search index.
    readers: Vec<Mutex<SqliteStore>>,
    next_reader: AtomicUsize,
    view: RwLock<Arc<View>>,
    /// Built on the first write: a read-only server never compiles the lexicon.
    extractor: OnceLock<Extractor>,
    /// One write extracts at a time: a write waiting here whose client leaves (or whose
    /// time runs out) is dropped before its extraction starts, so abandoned writes do
    /// not pile up CPU work.
    extracting: Arc<tokio::sync::Semaphore>,
    /// Extractions stopped before they finished (their client left or their time ran
    /// out): their work ended there, and nothing of them was stored.
    extractions_stopped: AtomicU64,
}

impl AppState {
    /// Takes over an open store: rebuilds the record if it is stale, then caches it.
    pub fn new(mut store: SqliteStore, config: Config) -> pw_store::Result<AppState> {
        if store.record_is_stale()? {
            pw_store::rebuild_record(&mut store)?;
        }
        let view = Arc::new(View::new(load_catalog(&store)?));
        // Readers take no lock and never write; opened after the writer, which brought
        // the search index up to date.
        let n_readers = std::thread::available_parallelism().map_or(2, |n| n.get().clamp(2, 8));
        let readers = (0..n_readers)
            .map(|_| SqliteStore::open_reader(store.path()).map(Mutex::new))
            .collect::<pw_store::Result<Vec<_>>>()?;
        Ok(AppState {
            inner: Arc::new(Inner {
                config,
                db: store.path().to_path_buf(),
                store: Mutex::new(store),
                readers,
                next_reader: AtomicUsize::new(0),
                view: RwLock::new(view),
                extractor: OnceLock::new(),
                extracting: Arc::new(tokio::sync::Semaphore::new(1)),
                extractions_stopped: AtomicU64::new(0),
            }),
        })
    }

    pub fn config(&self) -> &Config {
        &self.inner.config
    }

    /// The database file this server serves.
    pub fn db(&self) -> &std::path::Path {
        &self.inner.db
    }

    /// The cached record and its lookups.
    pub fn view(&self) -> Arc<View> {
        // A poisoned lock still holds a whole `Arc` (replaced in one assignment).
        Arc::clone(
            &self
                .inner
                .view
                .read()
                .unwrap_or_else(PoisonError::into_inner),
        )
    }

    pub(crate) fn set_view(&self, view: View) {
        *self
            .inner
            .view
            .write()
            .unwrap_or_else(PoisonError::into_inner) = Arc::new(view);
    }

    /// The turn to extract (held until the extraction ends, even if its request was
    /// abandoned meanwhile).
    pub(crate) async fn extraction_turn(&self) -> tokio::sync::OwnedSemaphorePermit {
        Arc::clone(&self.inner.extracting)
            .acquire_owned()
            .await
            // The semaphore is never closed.
            .expect("the extraction semaphore is open")
    }

    /// How many write requests had their extraction stopped before it finished,
    /// because the client left or the write timeout passed.
    pub fn extractions_stopped(&self) -> u64 {
        self.inner.extractions_stopped.load(Ordering::Relaxed)
    }

    pub(crate) fn count_stopped_extraction(&self) {
        self.inner
            .extractions_stopped
            .fetch_add(1, Ordering::Relaxed);
    }

    /// Hands the calling thread's freed memory back to the system, if the server was
    /// given a way to ([`Config::release_memory`]).
    pub(crate) fn release_memory(&self) {
        if let Some(release) = self.inner.config.release_memory {
            release();
        }
    }

    pub(crate) fn extractor(&self) -> &Extractor {
        self.inner.extractor.get_or_init(Extractor::new)
    }

    /// After a write (called with the writing store): reopens the reading stores so
    /// they see it, and replaces the cached view with one of the new record.
    pub(crate) fn reload(&self, store: &SqliteStore) -> ApiResult<()> {
        for reader in &self.inner.readers {
            let fresh = SqliteStore::open_reader(store.path())?;
            *reader.lock().unwrap_or_else(PoisonError::into_inner) = fresh;
        }
        self.set_view(View::new(load_catalog(store)?));
        Ok(())
    }

    /// Runs `work` with one of the reading stores on a blocking thread.
    pub async fn with_reader<T, F>(&self, work: F) -> ApiResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&View, &SqliteStore) -> ApiResult<T> + Send + 'static,
    {
        let state = self.clone();
        tokio::task::spawn_blocking(move || {
            let readers = &state.inner.readers;
            let first = state.inner.next_reader.fetch_add(1, Ordering::Relaxed);
            // A free reader if there is one, else wait for the next in turn.
            let store = (0..readers.len())
                .find_map(|offset| readers[(first + offset) % readers.len()].try_lock().ok())
                .unwrap_or_else(|| {
                    readers[first % readers.len()]
                        .lock()
                        .unwrap_or_else(PoisonError::into_inner)
                });
            // The view is taken after the store, so it is never older than the index.
            work(&state.view(), &store)
        })
        .await
        .map_err(|error| ApiError::internal(format!("store task failed: {error}")))?
    }

    /// Runs `work` with the store on a blocking thread. A panic in `work` becomes a 500.
    pub async fn with_store<T, F>(&self, work: F) -> ApiResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&AppState, &mut SqliteStore) -> ApiResult<T> + Send + 'static,
    {
        let state = self.clone();
        tokio::task::spawn_blocking(move || {
            // Every store write is one transaction, so a panic cannot leave it half
            // written: a poisoned lock is safe to take over.
            let mut store = state
                .inner
                .store
                .lock()
                .unwrap_or_else(PoisonError::into_inner);
            work(&state, &mut store)
        })
        .await
        .map_err(|error| ApiError::internal(format!("store task failed: {error}")))?
    }
}

/// The catalog of the store's record, with the store's own errors.
fn load_catalog(store: &SqliteStore) -> pw_store::Result<Catalog> {
    match Catalog::load(store) {
        Ok(catalog) => Ok(catalog),
        Err(pw_query::Error::Store(error)) => Err(error),
        // Loading reads the store and nothing else; no other error can come of it.
        Err(other) => Err(pw_store::Error::Format {
            path: store.path().to_path_buf(),
            message: other.to_string(),
        }),
    }
}
