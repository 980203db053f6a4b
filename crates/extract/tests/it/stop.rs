//! Issue 9, item 7: an extraction can be stopped (a server whose client left or whose
//! request timed out, a batch with a time budget per article), and one that is never
//! stopped gives what `extract` gives.

use pw_extract::{Extractor, STOP_CHECK_SENTENCES, Stopped};
use pw_model::{Document, DocumentMeta};
use std::cell::Cell;

const SENTENCE: &str = "Iran and Bolivia signed a defense pact on March 3, 2023. \
Russia criticized Argentina. \"We will build partnerships,\" the minister said.\n";

fn article(sentences: usize) -> Document {
    Document {
        meta: DocumentMeta::default(),
        text: SENTENCE.repeat(sentences.div_ceil(3)),
        diagnostics: Vec::new(),
    }
}

#[test]
fn an_extraction_never_asked_to_stop_is_the_plain_one() {
    let extractor = Extractor::new();
    let document = article(30);
    let asked = Cell::new(0usize);
    let (extraction, stats) = extractor
        .extract_interruptible(&document, &|| {
            asked.set(asked.get() + 1);
            false
        })
        .expect("never stopped");
    assert_eq!(extraction, extractor.extract(&document));
    assert_eq!(stats, extractor.extract_with_stats(&document).1);
    assert!(!extraction.events.is_empty(), "the article has events");
    assert!(
        asked.get() >= 5,
        "asked between the passes: {}",
        asked.get()
    );
}

#[test]
fn a_stop_ends_the_extraction() {
    let extractor = Extractor::new();
    let document = article(30);
    assert_eq!(
        extractor.extract_interruptible(&document, &|| true),
        Err(Stopped)
    );
}

/// Stopped part way through a long article, the extraction ends within a few checks:
/// `stop` is asked every STOP_CHECK_SENTENCES sentences inside the passes, so the
/// number of questions grows with the article and ends soon after the first yes.
#[test]
fn a_long_article_is_asked_inside_its_passes_and_stops_soon() {
    let extractor = Extractor::new();
    let sentences = STOP_CHECK_SENTENCES * 40;
    let document = article(sentences);
    let asked = Cell::new(0usize);
    extractor
        .extract_interruptible(&document, &|| {
            asked.set(asked.get() + 1);
            false
        })
        .expect("never stopped");
    let all_questions = asked.get();
    assert!(
        all_questions >= 40,
        "asked inside the passes, not only between them: {all_questions}"
    );
    // Yes from the tenth question on: the extraction asks at most once more.
    let asked = Cell::new(0usize);
    let stopped = extractor.extract_interruptible(&document, &|| {
        asked.set(asked.get() + 1);
        asked.get() >= 10
    });
    assert_eq!(stopped, Err(Stopped));
    assert!(asked.get() <= 11, "went on after the stop: {}", asked.get());
}
