//! The time budget of one article in `extract` and `ingest` (`--article-timeout`):
//! an extraction that runs past it is stopped, and the article goes on without
//! entities, events or quotes, with an `extraction_stopped` diagnostic, while the rest
//! of the batch goes on. `ingest` stores such an article (its text is searchable) and
//! extracts it again on the next run.

use pw_extract::Extractor;
use pw_model::{Diagnostic, Document, Extraction};
use std::time::{Duration, Instant};

/// The diagnostic code of an article whose extraction ran past its budget (the store
/// looks for it to extract the article again on the next ingest).
pub(crate) const STOPPED: &str = pw_store::EXTRACTION_STOPPED;

/// The default of `--article-timeout`: far above what the longest article the
/// extractor reads takes (16 MiB, a few seconds), so only a fault stops one.
pub(crate) const DEFAULT_SECONDS: f64 = 60.0;

/// The budget `--article-timeout` gives: seconds, 0 for none.
pub(crate) fn from_seconds(seconds: f64) -> Option<Duration> {
    (seconds > 0.0).then(|| Duration::from_secs_f64(seconds))
}

/// Extracts `document` within `budget`; past it, the document gets the
/// `extraction_stopped` diagnostic and an empty extraction, and `true` comes back.
pub(crate) fn extract(
    extractor: &Extractor,
    document: &mut Document,
    budget: Option<Duration>,
) -> (Extraction, bool) {
    let Some(budget) = budget else {
        return (extractor.extract(document), false);
    };
    // The lexicon and the tagger load once per process, on first need: not part of
    // any one article's time.
    extractor.prepare(document.meta.language.as_deref().unwrap_or("en"));
    let deadline = Instant::now() + budget;
    match extractor.extract_interruptible(document, &|| Instant::now() >= deadline) {
        Ok((extraction, _)) => (extraction, false),
        Err(pw_extract::Stopped) => {
            document.diagnostics.push(Diagnostic::warning(
                STOPPED,
                format!(
                    "extraction took longer than {} s (--article-timeout) and was \
                     stopped: the article has no entities, events or quotes",
                    budget.as_secs_f64()
                ),
            ));
            let extraction = Extraction {
                language: document
                    .meta
                    .language
                    .clone()
                    .unwrap_or_else(|| "en".to_string()),
                ..Extraction::default()
            };
            (extraction, true)
        }
    }
}
