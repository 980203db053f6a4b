//! Measure `Lexicon::builtin()` load time and `find_entries` throughput.
//!
//! `cargo run --release -p pw-lexicon --example lexicon_bench -- PATH.jsonl [MAX_MB]`
//! reads the `text` field of each JSON line (e.g. the White House statements corpus).

use pw_lexicon::{EntryKind, Lexicon};
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .ok_or("usage: lexicon_bench PATH.jsonl [MAX_MB]")?;
    let max_mb: usize = args.next().map(|s| s.parse()).transpose()?.unwrap_or(8);
    let raw = std::fs::read_to_string(&path)?;
    let mut texts = Vec::new();
    let mut total = 0;
    for line in raw.lines() {
        let v: serde_json::Value = serde_json::from_str(line)?;
        if let Some(t) = v.get("text").and_then(|t| t.as_str()) {
            total += t.len();
            texts.push(t.to_owned());
        }
        if total >= max_mb << 20 {
            break;
        }
    }

    let t0 = Instant::now();
    let lex = Lexicon::builtin();
    let load = t0.elapsed();
    println!(
        "builtin() load: {:.1} ms, {} entries",
        load.as_secs_f64() * 1e3,
        lex.len()
    );
    for k in EntryKind::ALL {
        println!("  {:<16} {}", k.as_str(), lex.count(k));
    }

    let mut out = Vec::new();
    let mut best = f64::MAX;
    for _ in 0..3 {
        out.clear();
        let t = Instant::now();
        for text in &texts {
            lex.find_entries(text, &mut out);
        }
        best = best.min(t.elapsed().as_secs_f64());
    }
    let mb = total as f64 / (1 << 20) as f64;
    println!(
        "find_entries: {:.1} MB in {:.1} ms = {:.0} MB/s, {} hits ({} docs)",
        mb,
        best * 1e3,
        mb / best,
        out.len(),
        texts.len()
    );
    let mut by_kind = std::collections::BTreeMap::new();
    for h in &out {
        *by_kind
            .entry(lex.entry(h.entry).kind.as_str())
            .or_insert(0usize) += 1;
    }
    println!("hits by kind: {by_kind:?}");
    Ok(())
}
