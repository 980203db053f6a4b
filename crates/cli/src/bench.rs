//! `pactwatch bench`: ingest + extraction throughput over a real corpus, on one thread
//! and on all cores, in MB/s and articles/s.

use anyhow::{Context, Result, bail};
use pw_extract::Extractor;
use pw_ingest::Options;
use pw_model::Document;
use rayon::prelude::*;
use std::path::PathBuf;
use std::time::Instant;

/// The bundled sample: White House briefing-room documents (see corpus/wh/SOURCE.md).
const DEFAULT_CORPUS: &str = "corpus/wh/wh-sample.jsonl";

pub(crate) fn run(paths: &[PathBuf], repeat: usize) -> Result<()> {
    let paths = if paths.is_empty() {
        vec![PathBuf::from(DEFAULT_CORPUS)]
    } else {
        paths.to_vec()
    };
    let (files, missing) = pw_ingest::collect_inputs(&paths);
    if let Some(error) = missing.first() {
        bail!("{error}");
    }
    // Read the files into memory first: the benchmark measures parsing, not the disk.
    let mut inputs = Vec::new();
    for file in &files {
        let bytes =
            std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
        inputs.push((file.display().to_string(), bytes));
    }
    let total_bytes: usize = inputs.iter().map(|(_, bytes)| bytes.len()).sum();
    let extractor = Extractor::new();
    let options = Options::default();
    let ingest = |(name, bytes): &(String, Vec<u8>)| -> Vec<Document> {
        pw_ingest::read_bytes(name, bytes, None, &options).documents
    };
    let documents: Vec<Document> = inputs.iter().flat_map(ingest).collect();
    if documents.is_empty() {
        bail!("no articles in the benchmark corpus");
    }
    let text_bytes: usize = documents.iter().map(|document| document.text.len()).sum();
    println!(
        "corpus: {} files, {} articles, {:.1} MB input, {:.1} MB article text",
        inputs.len(),
        documents.len(),
        total_bytes as f64 / 1e6,
        text_bytes as f64 / 1e6
    );
    let repeat = repeat.max(1);
    let report = |label: &str, seconds: f64, n_events: usize| {
        println!(
            "{label:<28} {:>7.2} s  {:>7.1} MB/s  {:>8.0} articles/s  ({n_events} events)",
            seconds,
            total_bytes as f64 / 1e6 / seconds,
            documents.len() as f64 / seconds,
        );
    };
    let best = |work: &dyn Fn() -> usize| -> (f64, usize) {
        let mut best = f64::INFINITY;
        let mut count = 0;
        for _ in 0..repeat {
            let start = Instant::now();
            count = work();
            best = best.min(start.elapsed().as_secs_f64());
        }
        (best, count)
    };
    let (seconds, count) = best(&|| {
        inputs
            .iter()
            .flat_map(ingest)
            .map(|document| extractor.extract(&document).events.len())
            .sum()
    });
    report("ingest+extract, 1 thread", seconds, count);
    let threads = rayon::current_num_threads();
    // Articles, not files, are the unit of parallel work: a JSON Lines file holds many.
    let (seconds, count) = best(&|| {
        let batch: Vec<Document> = inputs.par_iter().flat_map_iter(ingest).collect();
        batch
            .par_iter()
            .map(|document| extractor.extract(document).events.len())
            .sum()
    });
    report(
        &format!("ingest+extract, {threads} threads"),
        seconds,
        count,
    );
    let (seconds, count) = best(&|| {
        documents
            .iter()
            .map(|document| extractor.extract(document).entities.len())
            .sum()
    });
    report("extract only, 1 thread", seconds, count);
    Ok(())
}
