//! Print the most frequent gazetteer hits per kind in a JSON-lines corpus (quality review).
//!
//! `cargo run --release -p pw-lexicon --example lexicon_hits -- PATH.jsonl [KIND] [N]`

use pw_lexicon::Lexicon;
use std::collections::HashMap;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .ok_or("usage: lexicon_hits PATH.jsonl [KIND] [N]")?;
    let kind = args.next();
    let n: usize = args.next().map(|s| s.parse()).transpose()?.unwrap_or(60);
    let lex = Lexicon::builtin();
    let mut counts: HashMap<(String, &str), usize> = HashMap::new();
    let mut out = Vec::new();
    for line in std::fs::read_to_string(&path)?.lines() {
        let v: serde_json::Value = serde_json::from_str(line)?;
        let Some(text) = v.get("text").and_then(|t| t.as_str()) else {
            continue;
        };
        out.clear();
        lex.find_entries(text, &mut out);
        for h in &out {
            let e = lex.entry(h.entry);
            if kind.as_deref().is_none_or(|k| k == e.kind.as_str()) {
                *counts
                    .entry((text[h.start..h.end].to_owned(), e.kind.as_str()))
                    .or_default() += 1;
            }
        }
    }
    let mut v: Vec<_> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    for ((s, k), c) in v.into_iter().take(n) {
        let id = lex.lookup(&s).map(|id| lex.entry(id));
        println!(
            "{c:>6} {k:<14} {s} -> {}",
            id.map(|e| format!(
                "{} [{}] {}",
                e.canonical,
                e.country.as_deref().unwrap_or(""),
                e.extra
            ))
            .unwrap_or_default()
        );
    }
    Ok(())
}
