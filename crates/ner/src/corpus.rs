//! The labelled sets in `data/ner/`: reading, the label mapping, and the fixed split into
//! training and held-out sentences (see `data/ner/README.md`). Used by the `ner-train` and
//! `ner-eval` binaries; the tagger itself never reads these files.

use crate::model::{O, begin, inside};
use crate::{GazetteerSpan, for_each_span, gazetteer_spans};
use pw_lexicon::Lexicon;
use pw_text::{Span, Token, TokenKind};
use std::fs;
use std::io;
use std::path::Path;

/// Gold class of a span: 0 PER, 1 ORG, 2 LOC, 3 MISC.
pub type Class = u8;
pub const PER: Class = 0;
pub const ORG: Class = 1;
pub const LOC: Class = 2;
pub const MISC: Class = 3;

/// One labelled sentence: its words and one BIO tag per word.
#[derive(Clone, Debug)]
pub struct Sentence {
    pub words: Vec<String>,
    pub(crate) tags: Vec<u8>,
}

impl Sentence {
    /// Gold spans `(start, end, class)`, MISC included.
    pub fn spans(&self) -> Vec<(usize, usize, Class)> {
        let mut out = Vec::new();
        for_each_span(&self.tags, |s, e, c| out.push((s, e, c)));
        out
    }

    pub fn words(&self) -> Vec<&str> {
        self.words.iter().map(String::as_str).collect()
    }
}

/// One set, split.
#[derive(Debug)]
pub struct Corpus {
    pub name: &'static str,
    pub train: Vec<Sentence>,
    pub heldout: Vec<Sentence>,
}

/// The sets, in a fixed order: wikigold, gum, wnut17, btc, re3d.
pub fn load(root: &Path) -> io::Result<Vec<Corpus>> {
    let read = |rel: &str| {
        fs::read_to_string(root.join(rel))
            .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", root.join(rel).display())))
    };
    let mut sets = Vec::new();

    // wikigold: every 10th article held out.
    let mut train = Vec::new();
    let mut heldout = Vec::new();
    for (doc, sentences) in documents(&read("wikigold/wikigold.conll")?, Set::Wikigold)
        .into_iter()
        .enumerate()
    {
        if doc % 10 == 9 {
            heldout.extend(sentences);
        } else {
            train.extend(sentences);
        }
    }
    sets.push(Corpus {
        name: "wikigold",
        train,
        heldout,
    });

    sets.push(Corpus {
        name: "gum",
        train: flat(documents(&read("gum/train.conll")?, Set::Gum)),
        heldout: flat(documents(&read("gum/test.conll")?, Set::Gum)),
    });

    let mut train = flat(documents(&read("wnut17/train.conll")?, Set::Wnut));
    train.extend(flat(documents(&read("wnut17/dev.conll")?, Set::Wnut)));
    sets.push(Corpus {
        name: "wnut17",
        train,
        heldout: flat(documents(&read("wnut17/test.conll")?, Set::Wnut)),
    });

    // BTC: tweets are independent; every 10th of each section held out.
    let (mut train, mut heldout) = (Vec::new(), Vec::new());
    for file in sorted_files(&root.join("btc"))? {
        let text = read(&format!("btc/{file}"))?;
        for (i, sentence) in flat(documents(&text, Set::Btc)).into_iter().enumerate() {
            if i % 10 == 9 {
                heldout.push(sentence);
            } else {
                train.push(sentence);
            }
        }
    }
    sets.push(Corpus {
        name: "btc",
        train,
        heldout,
    });

    // re3d: every 10th document over all sources (in file order) held out.
    let (mut train, mut heldout) = (Vec::new(), Vec::new());
    let mut doc = 0;
    for file in sorted_files(&root.join("re3d"))? {
        let text = read(&format!("re3d/{file}"))?;
        for sentences in documents(&text, Set::Re3d) {
            if doc % 10 == 9 {
                heldout.extend(sentences);
            } else {
                train.extend(sentences);
            }
            doc += 1;
        }
    }
    sets.push(Corpus {
        name: "re3d",
        train,
        heldout,
    });
    Ok(sets)
}

fn sorted_files(dir: &Path) -> io::Result<Vec<String>> {
    let mut names: Vec<String> = fs::read_dir(dir)?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".conll"))
        .collect();
    names.sort();
    Ok(names)
}

fn flat(docs: Vec<Vec<Sentence>>) -> Vec<Sentence> {
    docs.into_iter().flatten().collect()
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Set {
    Wikigold,
    Gum,
    Wnut,
    Btc,
    Re3d,
}

/// The label mapping table of `data/ner/README.md`.
fn map_label(set: Set, label: &str) -> Option<Class> {
    match (set, label) {
        (Set::Wikigold | Set::Btc, "PER") => Some(PER),
        (Set::Wikigold | Set::Btc, "ORG") => Some(ORG),
        (Set::Wikigold | Set::Btc, "LOC") => Some(LOC),
        (Set::Wikigold | Set::Btc, "MISC") => Some(MISC),
        (Set::Gum, "person") => Some(PER),
        (Set::Gum, "organization") => Some(ORG),
        (Set::Gum, "place") => Some(LOC),
        (Set::Wnut, "person") => Some(PER),
        (Set::Wnut, "corporation" | "group") => Some(ORG),
        (Set::Wnut, "location") => Some(LOC),
        (Set::Wnut, "product" | "creative-work") => Some(MISC),
        (Set::Re3d, "Person") => Some(PER),
        (Set::Re3d, "Organisation") => Some(ORG),
        (Set::Re3d, "Location") => Some(LOC),
        (Set::Re3d, "Nationality" | "Weapon" | "MilitaryPlatform") => Some(MISC),
        _ => None,
    }
}

/// Documents of a `token<TAB>label` file; `-DOCSTART-` lines separate documents.
fn documents(text: &str, set: Set) -> Vec<Vec<Sentence>> {
    let mut docs = vec![Vec::new()];
    for block in text.split("\n\n") {
        let mut words = Vec::new();
        let mut labels = Vec::new();
        for line in block.lines() {
            let (word, label) = line.split_once('\t').unwrap_or((line, "O"));
            if word == "-DOCSTART-" {
                if docs.last().is_some_and(|d| !d.is_empty()) {
                    docs.push(Vec::new());
                }
                continue;
            }
            if !word.is_empty() {
                words.push(word.to_owned());
                labels.push(label.to_owned());
            }
        }
        if !words.is_empty() {
            let tags = tags_of(set, &words, &labels);
            if let Some(doc) = docs.last_mut() {
                doc.push(Sentence { words, tags });
            }
        }
    }
    docs.retain(|d| !d.is_empty());
    docs
}

/// BIO tags from the set's labels: a span starts at `B-` or at an `I-` of another type
/// than the open one (wikigold is IO). GUM and re3d also label common nouns and
/// pronouns ("these hotels", "he"); only their proper names are kept (see [`proper`]).
fn tags_of(set: Set, words: &[String], labels: &[String]) -> Vec<u8> {
    let mut spans: Vec<(usize, usize, Option<Class>)> = Vec::new();
    let mut open: Option<(usize, &str)> = None;
    for (i, label) in labels.iter().enumerate() {
        let (prefix, kind) = match label.split_once('-') {
            Some((p @ ("B" | "I"), k)) => (p, k),
            _ => ("O", ""),
        };
        if let Some((start, open_kind)) = open
            && (prefix != "I" || kind != open_kind)
        {
            spans.push((start, i, map_label(set, open_kind)));
            open = None;
        }
        if prefix != "O" && open.is_none() {
            open = Some((i, kind));
        }
    }
    if let Some((start, kind)) = open {
        spans.push((start, labels.len(), map_label(set, kind)));
    }
    let mut tags = vec![O; words.len()];
    for (start, end, class) in spans {
        let Some(class) = class else { continue };
        let parts = if matches!(set, Set::Gum | Set::Re3d) {
            proper(words, start, end)
        } else {
            vec![(start, end)]
        };
        for (s, e) in parts {
            tags[s] = begin(class);
            for t in &mut tags[s + 1..e] {
                *t = inside(class);
            }
        }
    }
    tags
}

fn is_capitalized(word: &str) -> bool {
    word.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// A possessive or punctuation at the end of a mention ("Chicago 's", "Italy .").
fn is_trailing_mark(word: &str) -> bool {
    matches!(word, "'s" | "’s" | "'") || !word.chars().any(char::is_alphanumeric)
}

/// The proper-name parts of a labelled mention `words[start..end]`: leading determiners
/// and lowercase words and trailing possessives and punctuation are trimmed; a mention
/// with a lowercase content word left ("the Chicago mayor", "these hotels") or a pronoun
/// is not a name; commas split lists ("Levico Terme , Trento , Italy").
fn proper(words: &[String], start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut s = start;
    let mut e = end;
    while s < e
        && (!is_capitalized(&words[s])
            || pw_lexicon::words::NER_DETERMINERS.contains(words[s].as_str()))
    {
        s += 1;
    }
    while e > s && is_trailing_mark(&words[e - 1]) {
        e -= 1;
    }
    if s == e || pw_lexicon::words::NER_PRONOUNS.contains(words[s].as_str()) {
        return out;
    }
    let inner_ok = words[s..e].iter().all(|w| {
        is_capitalized(w)
            || crate::features::is_connector(w)
            || matches!(w.as_str(), "," | "-" | "." | "&" | "'" | "/")
    });
    if !inner_ok {
        return out;
    }
    let mut part_start = s;
    for i in s..=e {
        if i == e || words[i] == "," {
            let mut ps = part_start;
            let mut pe = i;
            while ps < pe && !is_capitalized(&words[ps]) {
                ps += 1;
            }
            while pe > ps && !is_capitalized(&words[pe - 1]) {
                pe -= 1;
            }
            if ps < pe {
                out.push((ps, pe));
            }
            part_start = i + 1;
        }
    }
    out
}

/// The gazetteer hits of a tokenized sentence, found the way the extractor finds them:
/// the words joined by single spaces, searched with the lexicon's automaton.
pub fn sentence_gazetteer(words: &[&str], lexicon: &Lexicon) -> Vec<GazetteerSpan> {
    let mut text = String::new();
    let mut tokens = Vec::with_capacity(words.len());
    for word in words {
        if !text.is_empty() {
            text.push(' ');
        }
        let start = text.len();
        text.push_str(word);
        tokens.push(Token {
            span: Span::new(start, text.len()),
            kind: TokenKind::Word,
        });
    }
    let mut out = Vec::new();
    gazetteer_spans(&tokens, &lexicon.find_all(&text), lexicon, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentence(set: Set, text: &str) -> Vec<(usize, usize, Class)> {
        let mut words = Vec::new();
        let mut labels = Vec::new();
        for pair in text.split(' ') {
            let (w, l) = pair.split_once('/').unwrap();
            words.push(w.to_owned());
            labels.push(l.to_owned());
        }
        let tags = tags_of(set, &words, &labels);
        Sentence { words, tags }.spans()
    }

    #[test]
    fn io_labels_make_spans() {
        let spans = sentence(
            Set::Wikigold,
            "band/O The/I-ORG Mad/I-ORG Capsule/I-ORG in/O Japan/I-LOC Tokyo/I-LOC",
        );
        assert_eq!(spans, vec![(1, 4, ORG), (5, 7, LOC)]);
    }

    #[test]
    fn gum_keeps_only_proper_names() {
        let spans = sentence(
            Set::Gum,
            "These/B-place hotels/I-place near/O the/B-place United/I-place States/I-place \
             he/B-person Levico/B-place Terme/I-place ,/I-place Italy/I-place",
        );
        assert_eq!(spans, vec![(4, 6, LOC), (7, 9, LOC), (10, 11, LOC)]);
        let spans = sentence(Set::Gum, "the/B-person Chicago/I-person mayor/I-person");
        assert_eq!(spans, vec![]);
    }

    #[test]
    fn wnut_and_re3d_mapping() {
        let spans = sentence(
            Set::Wnut,
            "Apple/B-corporation iPhone/B-product Coldplay/B-group",
        );
        assert_eq!(spans, vec![(0, 1, ORG), (1, 2, MISC), (2, 3, ORG)]);
        let spans = sentence(
            Set::Re3d,
            "Syrian/B-Nationality forces/O 2014/B-Temporal Raqqa/B-Location",
        );
        assert_eq!(spans, vec![(0, 1, MISC), (3, 4, LOC)]);
    }
}
