//! The fuzz targets on stable: a fixed seed and a fixed number of mutated inputs per
//! target, so CI runs the same inputs every time. `PW_FUZZ_ITERATIONS` raises the
//! count for a longer local run (the seed stays fixed unless `PW_FUZZ_SEED` is set).

use pw_fuzz::{Rng, Target, mutate};

fn iterations() -> usize {
    std::env::var("PW_FUZZ_ITERATIONS")
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(150)
}

fn seed() -> u64 {
    std::env::var("PW_FUZZ_SEED")
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(0x005E_ED0F_FAC7)
}

fn run(target: Target) {
    let mut rng = Rng::new(seed() ^ target as u64);
    let mut corpus = target.seeds();
    for input in &corpus {
        target.run(input);
    }
    for _ in 0..iterations() {
        let parent = &corpus[rng.below(corpus.len())];
        let child = mutate(&mut rng, parent, 16 << 10);
        target.run(&child);
        // Keep some children as parents, so mutations pile up; bounded.
        if rng.below(4) == 0 && corpus.len() < 64 {
            corpus.push(child);
        }
    }
}

#[test]
fn ingest_text() {
    run(Target::IngestText);
}

#[test]
fn ingest_html() {
    run(Target::IngestHtml);
}

#[test]
fn ingest_feed() {
    run(Target::IngestFeed);
}

#[test]
fn ingest_json_lines() {
    run(Target::IngestJsonLines);
}

#[test]
fn query_language() {
    run(Target::Query);
    pw_fuzz::remove_query_store();
}

#[test]
fn api_bodies() {
    run(Target::ApiBody);
}
