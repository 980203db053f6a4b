//! `cargo run --release -p pw-ner --example ner-bench [FILE.jsonl]`: speed of the tagger
//! alone on real news (default `corpus/wh/wh-sample.jsonl`, the `text` field of each
//! line). Sentences, tokens and gazetteer hits are prepared first, as the extractor has
//! them; only `Tagger::tag_into` is timed. Prints tokens/s and MB/s of sentence text.

use pw_lexicon::Lexicon;
use pw_ner::{GazetteerSpan, NameSpan, Tagger, gazetteer_spans};
use std::time::Instant;

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "corpus/wh/wh-sample.jsonl".to_owned());
    let data = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let lexicon = Lexicon::builtin();
    let tagger = Tagger::embedded();
    // Per sentence: its words as slices of the article text and its gazetteer spans,
    // which is what the extractor holds.
    let texts: Vec<String> = data
        .lines()
        .map(|line| {
            let value: serde_json::Value = serde_json::from_str(line).expect("json line");
            value["text"].as_str().unwrap_or("").to_owned()
        })
        .collect();
    let mut sentences: Vec<(Vec<&str>, Vec<GazetteerSpan>)> = Vec::new();
    let mut bytes = 0;
    let mut tokens = Vec::new();
    for text in &texts {
        let hits = lexicon.find_all(text);
        for span in pw_text::sentences(text) {
            tokens.clear();
            pw_text::tokenize(text, span, &mut tokens);
            let words = tokens
                .iter()
                .map(|t| &text[t.span.start..t.span.end])
                .collect();
            let mut gazetteer = Vec::new();
            gazetteer_spans(&tokens, &hits, lexicon, &mut gazetteer);
            sentences.push((words, gazetteer));
            bytes += span.end - span.start;
        }
    }
    let n_tokens: usize = sentences.iter().map(|s| s.0.len()).sum();
    let mut out: Vec<NameSpan> = Vec::new();
    let rounds: u32 = std::env::var("ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(10);
    // On a shared machine the fastest pass (by the thread's own CPU time) is the steadiest
    // figure; the median wall time is printed beside it.
    let mut names = 0;
    let mut cpu = Vec::new();
    let mut walls = Vec::new();
    for _ in 0..rounds {
        let cpu_started = thread_cpu_ns();
        let started = Instant::now();
        for (words, gazetteer) in &sentences {
            out.clear();
            tagger.tag_into(words, gazetteer, &mut out);
            names += out.len();
        }
        walls.push(started.elapsed().as_secs_f64());
        if let (Some(a), Some(b)) = (cpu_started, thread_cpu_ns()) {
            cpu.push((b - a) as f64 / 1e9);
        }
    }
    walls.sort_by(f64::total_cmp);
    cpu.sort_by(f64::total_cmp);
    let wall = walls[walls.len() / 2];
    let seconds = cpu.first().copied().unwrap_or(walls[0]);
    println!(
        "{path}: {} sentences, {n_tokens} tokens, {:.2} MB, {} names per pass",
        sentences.len(),
        bytes as f64 / 1e6,
        names / rounds as usize
    );
    println!(
        "tagger alone: {:.1} ms CPU in the fastest pass ({:.1} ms median wall), {:.2} M tokens/s, {:.1} MB/s",
        seconds * 1e3,
        wall * 1e3,
        n_tokens as f64 / seconds / 1e6,
        bytes as f64 / seconds / 1e6
    );
}

/// Nanoseconds this thread has run on a CPU (Linux `/proc/thread-self/schedstat`).
fn thread_cpu_ns() -> Option<u64> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    text.split_whitespace().next()?.parse().ok()
}
