//! `pactwatch ingest`: extract articles and store them, then rebuild the record.
//!
//! Files are read in parallel, then articles are extracted on all cores and sent, in
//! input order and each as soon as it and all before it are done (`stream::ordered`),
//! over a bounded channel to ONE writer thread that owns the store and commits small
//! batches (every 500 ms, or at `--batch-size` articles), each batch one transaction. An article whose identity is stored
//! with the same content hash is skipped before extraction; a changed one is updated in
//! place. Because every batch commits whole and the search index catches up with the
//! database on open, a run killed at any moment can simply be run again.
//!
//! An article in a language extraction does not read (not `pw_text::SUPPORTED`) is
//! stored with its text, metadata and language but no extraction, and named on stderr
//! (`…: language fr is not supported: stored, events not extracted`); the summary
//! counts them.

use anyhow::{Context, Result, anyhow};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use pw_extract::Extractor;
use pw_ingest::Options;
use pw_model::{Document, Extraction};
use pw_store::{NewArticle, PutOutcome, SqliteStore, Store};
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::io::IsTerminal;
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::sync::{OnceLock, mpsc};
use std::time::{Duration, Instant};

/// Commit at least this often, so a killed run loses little work.
const COMMIT_EVERY: Duration = Duration::from_millis(500);
/// Or once a batch holds this much text.
const BATCH_BYTES: usize = 16 << 20;

/// What the writer is sent, one message per article.
enum Message {
    Put(Box<NewArticle>),
    Skipped {
        bytes: usize,
    },
    /// Extraction failed on this article (already reported on stderr).
    Failed,
}

#[derive(Default)]
struct Tally {
    stored: u64,
    updated: u64,
    skipped: u64,
    failed: u64,
    bytes: u64,
}

/// One article read from the input: the document and the identity keys it will be
/// stored under.
struct Pending {
    document: Document,
    identity: String,
    content_hash: String,
}

/// Ingests every article under `paths` into the store at `db`; returns whether all of
/// them succeeded.
pub(crate) fn run(
    paths: &[PathBuf],
    db: &Path,
    threads: Option<usize>,
    batch_size: usize,
    budget: Option<std::time::Duration>,
) -> Result<bool> {
    let started = Instant::now();
    if let Some(threads) = threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build_global()
            .context("cannot start worker threads")?;
    }
    let store = SqliteStore::open(db).map_err(crate::query::store_error)?;
    let known: HashMap<String, String> = store
        .identities()
        .context("cannot read the stored articles")?
        .into_iter()
        .collect();

    let (files, missing) = pw_ingest::collect_inputs(paths);
    let mut failed_inputs = 0u64;
    for error in &missing {
        crate::output::warn(error);
        failed_inputs += 1;
    }
    let options = Options::default();
    let file_outputs: Vec<(PathBuf, pw_ingest::FileOutput)> = files
        .par_iter()
        .map(|path| (path.clone(), pw_ingest::read_file(path, &options)))
        .collect();
    let mut pending = Vec::new();
    let mut unsupported = 0u64;
    for (path, output) in file_outputs {
        for error in &output.errors {
            crate::output::warn(error);
            failed_inputs += 1;
        }
        // The identity uses the absolute path, so `a.txt` and `./a.txt` are one article.
        let absolute = std::path::absolute(&path).unwrap_or(path);
        let source_file = absolute.display().to_string();
        for document in output.documents {
            let content_hash = pw_store::content_hash(&document.text);
            let identity =
                pw_store::identity_key(&document.meta, Some(&source_file), &content_hash);
            if let Some(language) = unsupported_language(&document)
                && known.get(&identity) != Some(&content_hash)
            {
                let location = document.meta.file.as_deref().unwrap_or(&identity);
                crate::output::warn(format!(
                    "{location}: language {language} is not supported: stored, events not extracted"
                ));
                unsupported += 1;
            }
            pending.push(Pending {
                document,
                identity,
                content_hash,
            });
        }
    }
    // When the input holds several versions of one article, the last one counts;
    // storing each in turn would make every run update it again.
    let mut seen = HashSet::new();
    let mut superseded = 0u64;
    let mut latest: Vec<Pending> = Vec::with_capacity(pending.len());
    for article in pending.into_iter().rev() {
        if seen.insert(article.identity.clone()) {
            latest.push(article);
        } else {
            superseded += 1;
        }
    }
    latest.reverse();

    let progress = progress_bar(latest.len() as u64);
    let (sender, receiver) = mpsc::sync_channel::<Message>(batch_size.max(1) * 4);
    let writer_progress = progress.clone();
    let writer = std::thread::Builder::new()
        .name("pactwatch-writer".to_string())
        .spawn(move || write_all(store, &receiver, batch_size.max(1), &writer_progress))
        .context("cannot start the writer thread")?;

    // Built on first need: a run that skips everything never compiles the lexicon.
    let extractor = OnceLock::new();
    let extract_progress = progress.clone();
    // Articles reach the writer in input order: article keys follow the order of the
    // input, so the same command on the same files builds the same store (and the same
    // record ids).
    // Articles whose extraction ran past `budget`: stored without events, with a
    // diagnostic, and extracted again on the next run.
    let stopped = std::sync::atomic::AtomicU64::new(0);
    let extract = |mut article: Pending| -> Message {
        let bytes = article.document.text.len();
        if known.get(&article.identity) == Some(&article.content_hash) {
            Message::Skipped { bytes }
        } else {
            // Extraction is meant never to fail; should it panic on one article all the
            // same, that article is reported and the batch goes on.
            let extracted = std::panic::catch_unwind(AssertUnwindSafe(|| {
                if unsupported_language(&article.document).is_some() {
                    return Extraction::default();
                }
                let extractor = extractor.get_or_init(Extractor::new);
                let (extraction, stopped_warning) =
                    crate::budget::extract(extractor, &mut article.document, budget);
                if let Some(warning) = stopped_warning {
                    stopped.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    extract_progress.suspend(|| crate::output::warn(warning));
                }
                extraction
            }));
            match extracted {
                Ok(extraction) => Message::Put(Box::new(NewArticle {
                    identity: article.identity,
                    content_hash: article.content_hash,
                    document: article.document,
                    extraction,
                })),
                Err(_) => {
                    let location = article
                        .document
                        .meta
                        .file
                        .as_deref()
                        .unwrap_or(&article.identity);
                    extract_progress.suspend(|| {
                        crate::output::warn(format!(
                            "{location}: extraction failed (internal error)"
                        ))
                    });
                    Message::Failed
                }
            }
        }
    };
    // Each article goes to the writer as soon as it and all before it are extracted:
    // a slow one holds back at most REORDER_WINDOW finished ones, never a whole chunk.
    // A closed channel means the writer stopped on an error, reported below.
    let _ = crate::stream::ordered(
        latest.into_iter(),
        rayon::current_num_threads(),
        crate::REORDER_WINDOW,
        extract,
        |message| sender.send(message),
    );
    drop(sender);
    let (mut store, mut tally) = writer
        .join()
        .map_err(|_| anyhow!("the writer thread panicked"))??;
    tally.skipped += superseded;
    tally.failed += failed_inputs;
    store
        .flush()
        .with_context(|| format!("cannot commit the search index of {}", db.display()))?;
    progress.finish_and_clear();
    if store.record_is_stale().context("cannot read the store")? {
        pw_store::rebuild_record(&mut store)
            .with_context(|| format!("cannot rebuild the record in {}", db.display()))?;
    }
    let elapsed = started.elapsed().as_secs_f64();
    let articles = tally.stored + tally.updated + tally.skipped + tally.failed;
    let mut notes = String::new();
    if unsupported > 0 {
        notes.push_str(&format!(
            " ({unsupported} in languages not supported, events not extracted)"
        ));
    }
    let stopped = stopped.load(std::sync::atomic::Ordering::Relaxed);
    if stopped > 0 {
        notes.push_str(&format!(
            " ({stopped} past --article-timeout, stored without events: run again to retry)"
        ));
    }
    println!(
        "{articles} articles: {} stored, {} updated, {} skipped, {} failed{notes} in {elapsed:.1} s ({:.0} articles/s, {:.1} MB/s)",
        tally.stored,
        tally.updated,
        tally.skipped,
        tally.failed,
        articles as f64 / elapsed.max(1e-9),
        tally.bytes as f64 / 1e6 / elapsed.max(1e-9),
    );
    Ok(tally.failed == 0)
}

/// The language of a document when it is known and extraction does not read it.
fn unsupported_language(document: &Document) -> Option<&str> {
    document
        .meta
        .language
        .as_deref()
        .filter(|language| !pw_text::is_supported(language))
}

/// The writer thread: batches articles into transactions until the channel closes.
fn write_all(
    mut store: SqliteStore,
    receiver: &mpsc::Receiver<Message>,
    batch_size: usize,
    progress: &ProgressBar,
) -> Result<(SqliteStore, Tally)> {
    let started = Instant::now();
    let mut tally = Tally::default();
    let mut batch: Vec<NewArticle> = Vec::with_capacity(batch_size);
    let mut batch_bytes = 0usize;
    let mut last_commit = Instant::now();
    loop {
        let message = match receiver.recv_timeout(COMMIT_EVERY) {
            Ok(message) => Some(message),
            Err(mpsc::RecvTimeoutError::Timeout) => None,
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
        };
        match message {
            Some(Message::Put(article)) => {
                batch_bytes += article.document.text.len();
                batch.push(*article);
            }
            Some(Message::Failed) => {
                tally.failed += 1;
                progress.inc(1);
            }
            Some(Message::Skipped { bytes }) => {
                tally.skipped += 1;
                tally.bytes += bytes as u64;
                progress.inc(1);
            }
            None => {}
        }
        if batch.len() >= batch_size
            || batch_bytes >= BATCH_BYTES
            || (!batch.is_empty() && last_commit.elapsed() >= COMMIT_EVERY)
        {
            commit(&mut store, &mut batch, &mut tally, progress)?;
            batch_bytes = 0;
            last_commit = Instant::now();
            let seconds = started.elapsed().as_secs_f64().max(1e-9);
            progress.set_message(format!("{:.1} MB/s", tally.bytes as f64 / 1e6 / seconds));
        }
    }
    commit(&mut store, &mut batch, &mut tally, progress)?;
    Ok((store, tally))
}

fn commit(
    store: &mut SqliteStore,
    batch: &mut Vec<NewArticle>,
    tally: &mut Tally,
    progress: &ProgressBar,
) -> Result<()> {
    if batch.is_empty() {
        return Ok(());
    }
    let outcomes = store
        .put_articles(batch)
        .with_context(|| format!("cannot store articles in {}", store.path().display()))?;
    for (outcome, article) in outcomes.iter().zip(batch.iter()) {
        match outcome {
            PutOutcome::Stored(_) => tally.stored += 1,
            PutOutcome::Updated(_) => tally.updated += 1,
            PutOutcome::Unchanged(_) => tally.skipped += 1,
        }
        tally.bytes += article.document.text.len() as u64;
    }
    progress.inc(outcomes.len() as u64);
    batch.clear();
    Ok(())
}

/// Articles done of all, MB/s of article text, and ETA; on stderr, only on a terminal.
fn progress_bar(total: u64) -> ProgressBar {
    if total < 20 || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} articles {msg} eta {eta}")
    {
        bar.set_style(style);
    }
    bar
}
