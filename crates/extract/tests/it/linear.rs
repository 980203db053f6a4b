//! Issue 9, item 2: extraction work grows linearly with the input. The checks count
//! the rules' inner-loop steps (`Extractor::extract_with_stats`), not the clock, for
//! inputs of size n and 4n: one sentence without a period (it took cubic time: the
//! subject search scanned the sentence for dashes for every actor left of every
//! trigger) and an article of short sentences (it took quadratic time: equipment,
//! merging, dates, quote siblings and borrowed sides scanned the whole document).
//! The README's table times the same inputs at 10 KB to 15 MB (`examples/scale.rs`).

use pw_extract::{Extractor, WorkStats};
use pw_model::{Document, DocumentMeta, Extraction};

const SENTENCE_UNIT: &str = "Iran and Bolivia signed a pact, Russia criticized Argentina, ";
const ARTICLE_UNIT: &str = "Iran and Bolivia signed a defense pact on March 3, 2023. \
Russia criticized Argentina. Venezuela bought Iranian drones from Iran. \
His visit to Caracas followed. \
\"We will build partnerships with Bolivia,\" the minister said.\n";

fn repeated(unit: &str, bytes: usize) -> Document {
    Document {
        meta: DocumentMeta::default(),
        text: unit.repeat(bytes.div_ceil(unit.len())),
        diagnostics: Vec::new(),
    }
}

fn extract(unit: &str, bytes: usize) -> (Extraction, WorkStats) {
    Extractor::new().extract_with_stats(&repeated(unit, bytes))
}

/// The work for 4n bytes is at most 4.5 times the work for n bytes, step by step.
fn assert_linear(small: &WorkStats, large: &WorkStats) {
    let steps = |stats: &WorkStats| {
        [
            ("total", stats.total()),
            ("actor", stats.actor_steps),
            ("draft", stats.draft_steps),
            ("event", stats.event_steps),
            ("date", stats.date_steps),
            ("quote", stats.quote_steps),
        ]
    };
    assert!(
        small.total() > 1000,
        "the small input does some work: {small:?}"
    );
    for ((name, small_steps), (_, large_steps)) in steps(small).into_iter().zip(steps(large)) {
        assert!(
            large_steps as f64 <= 4.5 * small_steps.max(1) as f64,
            "{name} steps grow faster than the input: {small_steps} -> {large_steps}\n\
             {small:?}\n{large:?}"
        );
    }
}

#[test]
fn one_long_sentence_costs_linear_work() {
    let (small_extraction, small) = extract(SENTENCE_UNIT, 64_000);
    let (large_extraction, large) = extract(SENTENCE_UNIT, 256_000);
    assert_linear(&small, &large);
    // The events are still found, in proportion.
    assert!(small_extraction.events.len() > 50);
    assert!(large_extraction.events.len() >= 3 * small_extraction.events.len());
    // The sentence was cut, and the extraction says so.
    assert!(
        large_extraction
            .diagnostics
            .iter()
            .any(|diagnostic| diagnostic.code == "long_sentence_cut"),
        "{:?}",
        large_extraction.diagnostics
    );
    assert!(large.sentences > 1);
}

#[test]
fn a_long_article_costs_linear_work() {
    let (small_extraction, small) = extract(ARTICLE_UNIT, 250_000);
    let (large_extraction, large) = extract(ARTICLE_UNIT, 1_000_000);
    assert_linear(&small, &large);
    assert!(small_extraction.events.len() > 1000);
    assert!(large_extraction.events.len() >= 3 * small_extraction.events.len());
    assert!(small_extraction.quotes.len() > 500);
    // Short sentences are never cut.
    assert!(
        !large_extraction
            .diagnostics
            .iter()
            .any(|diagnostic| diagnostic.code == "long_sentence_cut")
    );
}

#[test]
fn long_sentences_are_cut_at_clause_marks() {
    let document = repeated(SENTENCE_UNIT, 20_000);
    let extraction = Extractor::new().extract(&document);
    assert!(extraction.sentences.len() > 1);
    for sentence in &extraction.sentences {
        let text = sentence.slice(&document.text);
        let mut tokens = Vec::new();
        pw_text::tokenize(&document.text, *sentence, &mut tokens);
        assert!(
            tokens.len() <= WorkStats::MAX_SENTENCE_TOKENS,
            "{}",
            tokens.len()
        );
        // Every piece but the last ends at a comma (the unit has one every few words).
        assert!(
            text.ends_with(',') || sentence.end == document.text.trim_end().len(),
            "{text:?}"
        );
    }
}
