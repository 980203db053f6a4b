//! The fuzz targets on stable: a fixed seed and a fixed number of mutated inputs per
//! target, so CI runs the same inputs every time. `PW_FUZZ_ITERATIONS` raises the
//! count for a longer local run (the seed stays fixed unless `PW_FUZZ_SEED` is set);
//! `PW_FUZZ_SECONDS` runs each target for that long instead (a measurement, not a
//! test: the count reached depends on the machine). Each target prints the inputs it
//! tried to stderr (`--nocapture` shows them).

use pw_fuzz::{Rng, Target, mutate};
use std::time::{Duration, Instant};

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

/// The time bound of a long run, if one is asked for.
fn seconds() -> Option<Duration> {
    std::env::var("PW_FUZZ_SECONDS")
        .ok()
        .and_then(|value| value.parse().ok())
        .map(Duration::from_secs_f64)
}

fn run(target: Target) {
    let mut rng = Rng::new(seed() ^ target as u64);
    let mut corpus = target.seeds();
    for input in &corpus {
        target.run(input);
    }
    let bound = seconds();
    let started = Instant::now();
    let limit = corpus.len() + iterations();
    let mut tried = corpus.len();
    loop {
        let done = match bound {
            Some(bound) => started.elapsed() >= bound,
            None => tried >= limit,
        };
        if done {
            break;
        }
        tried += 1;
        let parent = &corpus[rng.below(corpus.len())];
        let child = mutate(&mut rng, parent, 16 << 10);
        target.run(&child);
        // Keep some children as parents, so mutations pile up; bounded.
        if rng.below(4) == 0 && corpus.len() < 64 {
            corpus.push(child);
        }
    }
    eprintln!(
        "fuzz {target:?}: {tried} inputs in {:.1} s, no invariant broken",
        started.elapsed().as_secs_f64()
    );
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
