//! `ner-eval DATA_DIR [--model FILE] [--dump FILE] [--spacy FILE]`: span-level P/R/F1 of
//! PER, ORG, LOC and their micro-average on each held-out split of DATA_DIR (`data/ner`).
//!
//! `--dump FILE` writes the held-out sentences as `set<TAB>index<TAB>words joined by
//! spaces`, for another tagger to read; `--spacy FILE` reads that tagger's answers as
//! `set<TAB>index<TAB>start:end:KIND ...` (token indices, KIND one of PER/ORG/LOC) and
//! prints both side by side. Without `--model` the embedded model is scored.

use pw_lexicon::Lexicon;
use pw_ner::corpus::{self, Class, LOC, ORG, PER};
use pw_ner::eval::Counts;
use pw_ner::{NerKind, Tagger};
use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("ner-eval: {e}");
            ExitCode::FAILURE
        }
    }
}

fn class_of(kind: NerKind) -> Class {
    match kind {
        NerKind::Person => PER,
        NerKind::Organization => ORG,
        NerKind::Location => LOC,
    }
}

fn run() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let data = args
        .next()
        .ok_or("usage: ner-eval DATA_DIR [--model FILE] [--dump FILE] [--spacy FILE]")?;
    let (mut model, mut dump, mut spacy) = (None, None, None);
    while let Some(flag) = args.next() {
        let value = args.next().ok_or(format!("{flag} needs a value"))?;
        match flag.as_str() {
            "--model" => model = Some(value),
            "--dump" => dump = Some(value),
            "--spacy" => spacy = Some(value),
            _ => return Err(format!("unknown flag {flag}")),
        }
    }
    let lexicon = Lexicon::builtin();
    let owned;
    let tagger = match &model {
        Some(path) => {
            let bytes = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
            owned = Tagger::from_bytes(&bytes, lexicon).map_err(|e| format!("{path}: {e}"))?;
            &owned
        }
        None => Tagger::embedded(),
    };
    let sets = corpus::load(&PathBuf::from(&data)).map_err(|e| e.to_string())?;
    if let Some(path) = &dump {
        let mut out = String::new();
        for set in &sets {
            for (i, sentence) in set.heldout.iter().enumerate() {
                let _ = writeln!(out, "{}\t{i}\t{}", set.name, sentence.words.join(" "));
            }
        }
        std::fs::write(path, out).map_err(|e| format!("{path}: {e}"))?;
    }
    let other = match &spacy {
        Some(path) => Some(read_answers(path)?),
        None => None,
    };
    let mut rows = Vec::new();
    let mut total = (Counts::default(), Counts::default());
    for set in &sets {
        let mut ours = Counts::default();
        let mut theirs = Counts::default();
        for (i, sentence) in set.heldout.iter().enumerate() {
            let words = sentence.words();
            let gold = sentence.spans();
            let gazetteer = corpus::sentence_gazetteer(&words, lexicon);
            let predicted: Vec<(usize, usize, Class)> = tagger
                .tag(&words, &gazetteer)
                .into_iter()
                .map(|s| (s.start, s.end, class_of(s.kind)))
                .collect();
            ours.add(&gold, &predicted);
            if let Some(answers) = &other {
                let empty = Vec::new();
                let spans = answers.get(&(set.name.to_owned(), i)).unwrap_or(&empty);
                theirs.add(&gold, spans);
            }
        }
        total.0.merge(&ours);
        total.1.merge(&theirs);
        rows.push((set.name, ours, theirs));
    }
    rows.push(("total", total.0, total.1));
    print_table(&rows, other.is_some());
    Ok(())
}

type Answers = HashMap<(String, usize), Vec<(usize, usize, Class)>>;

fn read_answers(path: &str) -> Result<Answers, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let mut answers = Answers::new();
    for (n, line) in text.lines().enumerate() {
        let bad = || format!("{path}:{}: bad line", n + 1);
        let mut fields = line.split('\t');
        let set = fields.next().ok_or_else(bad)?;
        let index: usize = fields.next().ok_or_else(bad)?.parse().map_err(|_| bad())?;
        let mut spans = Vec::new();
        for item in fields.next().unwrap_or("").split_whitespace() {
            let mut parts = item.split(':');
            let (Some(s), Some(e), Some(k)) = (parts.next(), parts.next(), parts.next()) else {
                return Err(bad());
            };
            let class = match k {
                "PER" => PER,
                "ORG" => ORG,
                "LOC" => LOC,
                _ => return Err(bad()),
            };
            spans.push((
                s.parse().map_err(|_| bad())?,
                e.parse().map_err(|_| bad())?,
                class,
            ));
        }
        answers.insert((set.to_owned(), index), spans);
    }
    Ok(answers)
}

fn print_table(rows: &[(&str, Counts, Counts)], with_spacy: bool) {
    if with_spacy {
        println!(
            "| set | class | gold | spaCy P | spaCy R | spaCy F1 | pw-ner P | pw-ner R | pw-ner F1 |"
        );
        println!("|---|---|---:|---:|---:|---:|---:|---:|---:|");
    } else {
        println!("| set | class | gold | P | R | F1 |");
        println!("|---|---|---:|---:|---:|---:|");
    }
    for (name, ours, theirs) in rows {
        for (label, class) in [
            ("PER", Some(PER)),
            ("ORG", Some(ORG)),
            ("LOC", Some(LOC)),
            ("micro", None),
        ] {
            let gold = match class {
                Some(c) => ours.tp[usize::from(c)] + ours.fn_[usize::from(c)],
                None => ours.gold(),
            };
            let o = ours.prf(class);
            let mut line = format!("| {name} | {label} | {gold} |");
            if with_spacy {
                let t = theirs.prf(class);
                let _ = write!(
                    line,
                    " {:.3} | {:.3} | {:.3} |",
                    t.precision, t.recall, t.f1
                );
            }
            let _ = write!(
                line,
                " {:.3} | {:.3} | {:.3} |",
                o.precision, o.recall, o.f1
            );
            println!("{line}");
        }
    }
}
