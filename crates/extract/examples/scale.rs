//! Extraction time against input size: one sentence without a period, and articles of
//! short sentences, built by repetition (`cargo run --release -p pw-extract --example
//! scale -- [sentence|article] KB...`). Used for the README's benchmark table.

use pw_model::{Document, DocumentMeta};
use std::time::Instant;

const SENTENCE_UNIT: &str = "Iran and Bolivia signed a pact, Russia criticized Argentina, ";
const ARTICLE_UNIT: &str = "Iran and Bolivia signed a defense pact on March 3, 2023. \
Russia criticized Argentina. Venezuela bought Iranian drones from Iran. \
His visit to Caracas followed. \
\"We will build partnerships with Bolivia,\" the minister said.\n";

fn build(unit: &str, bytes: usize) -> String {
    let mut text = String::with_capacity(bytes + unit.len());
    while text.len() < bytes {
        text.push_str(unit);
    }
    text
}

fn main() {
    let mut args = std::env::args().skip(1);
    let shape = args.next().unwrap_or_else(|| "sentence".to_string());
    let sizes: Vec<usize> = args.filter_map(|arg| arg.parse().ok()).collect();
    let unit = if shape == "article" {
        ARTICLE_UNIT
    } else {
        SENTENCE_UNIT
    };
    let extractor = pw_extract::Extractor::new();
    println!("| input | size | seconds | MB/s | events | work steps |");
    println!("|---|---:|---:|---:|---:|---:|");
    for kb in sizes {
        let document = Document {
            meta: DocumentMeta::default(),
            text: build(unit, kb * 1000),
            diagnostics: Vec::new(),
        };
        let started = Instant::now();
        let (extraction, stats) = extractor.extract_with_stats(&document);
        let seconds = started.elapsed().as_secs_f64();
        println!(
            "| {shape} | {kb} KB | {seconds:.3} | {:.2} | {} | {} |",
            document.text.len() as f64 / 1e6 / seconds,
            extraction.events.len(),
            stats.total()
        );
    }
}
