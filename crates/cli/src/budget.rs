//! The time budget of one article in `extract` and `ingest` (`--article-timeout`):
//! an extraction that runs past it is stopped, and the article goes on without
//! entities, events or quotes, with an `extraction_stopped` diagnostic, while the rest
//! of the batch goes on. `ingest` stores such an article (its text is searchable) and
//! extracts it again on the next run.

use pw_extract::Extractor;
use pw_model::{Diagnostic, Document, Extraction};
use std::time::{Duration, Instant};

/// The default of `--article-timeout`: far above what the longest article the
/// extractor reads takes (16 MiB, a few seconds), so only a fault stops one.
pub(crate) const DEFAULT_SECONDS: f64 = 60.0;

/// The budget `--article-timeout` gives: seconds, 0 for none.
pub(crate) fn from_seconds(seconds: f64) -> Option<Duration> {
    (seconds > 0.0).then(|| Duration::from_secs_f64(seconds))
}

/// Extracts `document` within `budget`. Past it, the document gets the
/// `extraction_stopped` diagnostic and an empty extraction, and the one-line warning
/// for stderr (the diagnostic's message, with the article's file) comes back too.
pub(crate) fn extract(
    extractor: &Extractor,
    document: &mut Document,
    budget: Option<Duration>,
) -> (Extraction, Option<String>) {
    let Some(budget) = budget else {
        return (extractor.extract(document), None);
    };
    // The lexicon and the tagger load once per process, on first need: not part of
    // any one article's time.
    extractor.prepare(document.meta.language.as_deref().unwrap_or("en"));
    let deadline = Instant::now() + budget;
    match extractor.extract_interruptible(document, &|| Instant::now() >= deadline) {
        Ok((extraction, _)) => (extraction, None),
        Err(pw_extract::Stopped) => {
            let message = format!(
                "extraction stopped after {} s (--article-timeout): the article has no \
                 entities, events or quotes",
                budget.as_secs_f64()
            );
            let meta = &document.meta;
            let location = meta
                .file
                .as_deref()
                .or(meta.url.as_deref())
                .unwrap_or("(input)");
            let warning = format!("{location}: {message}");
            document
                .diagnostics
                .push(Diagnostic::warning(pw_store::EXTRACTION_STOPPED, message));
            let extraction = Extraction {
                language: meta.language.clone().unwrap_or_else(|| "en".to_string()),
                ..Extraction::default()
            };
            (extraction, Some(warning))
        }
    }
}
