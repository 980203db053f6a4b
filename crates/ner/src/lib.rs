//! Pactwatch name tagger: finds person, organization and location names that no
//! gazetteer holds.
//!
//! An averaged structured perceptron (first-order Viterbi over BIO tags, transitions
//! learned) with hashed features into one flat weight table (2^20 buckets, `i8` weights,
//! only the non-empty rows kept). It tags only *candidate regions*, runs of tokens with an
//! uppercase letter joined by connectors (`of`, `the`, `de`, `al`, `and`, ...); the rest
//! of a sentence costs one byte scan per word. The model is trained by `scripts/train-ner.sh` from the
//! open sets in `data/ner/` and embedded in the binary, so [`Tagger::embedded`] reads no
//! file.
//!
//! Per sentence the extractor has the words and the gazetteer hits; pass both:
//!
//! ```
//! use pw_lexicon::Lexicon;
//! use pw_ner::{Tagger, gazetteer_spans};
//!
//! let text = "Maria Fernanda Espinosa met officials in Quito.";
//! let mut tokens = Vec::new();
//! pw_text::tokenize(text, pw_text::Span::new(0, text.len()), &mut tokens);
//! let words: Vec<&str> = tokens.iter().map(|t| &text[t.span.start..t.span.end]).collect();
//! let lexicon = Lexicon::builtin();
//! let mut gazetteer = Vec::new();
//! gazetteer_spans(&tokens, &lexicon.find_all(text), lexicon, &mut gazetteer);
//! for name in Tagger::embedded().tag(&words, &gazetteer) {
//!     println!("{:?} {}", name.kind, words[name.start..name.end].join(" "));
//! }
//! ```

mod features;
mod model;

pub mod corpus;
pub mod eval;
pub mod train;

pub use model::ModelError;

use features::RegionFeatures;
use model::{N_TAGS, O, Weights, class_of, is_begin};
use pw_lexicon::{EntryKind, GazetteerHit, Lexicon};
use pw_text::Token;
use std::cell::RefCell;
use std::sync::OnceLock;

/// Margins (in weight units) are divided by this before the logistic, so that scores
/// spread over (0.5, 1) instead of saturating: a mean margin of 8 scores 0.73, 24 scores 0.95.
const MARGIN_SCALE: f32 = 8.0;

/// The committed model, written by `scripts/train-ner.sh`.
const EMBEDDED_MODEL: &[u8] = include_bytes!("../../../data/ner/model.bin");

/// The kinds of name the tagger outputs. It also learns MISC (nationalities, products,
/// events, works), but never reports it: those spans are left to the rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NerKind {
    Person,
    Organization,
    Location,
}

impl NerKind {
    pub const ALL: [NerKind; 3] = [NerKind::Person, NerKind::Organization, NerKind::Location];

    /// `PER`, `ORG`, `LOC`.
    pub fn as_str(self) -> &'static str {
        match self {
            NerKind::Person => "PER",
            NerKind::Organization => "ORG",
            NerKind::Location => "LOC",
        }
    }

    fn from_class(class: u8) -> Option<NerKind> {
        match class {
            0 => Some(NerKind::Person),
            1 => Some(NerKind::Organization),
            2 => Some(NerKind::Location),
            _ => None,
        }
    }
}

/// One name found: tokens `[start, end)` of the sentence.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NameSpan {
    pub start: usize,
    pub end: usize,
    pub kind: NerKind,
    /// A confidence in (0, 1): the logistic of the mean margin, per token, of the span's
    /// tags over the best other tag BIO allows there. Monotone in the model's certainty,
    /// not a calibrated probability.
    pub score: f32,
}

/// A gazetteer hit in token indices: tokens `[start, end)` of the sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GazetteerSpan {
    pub start: usize,
    pub end: usize,
    pub kind: EntryKind,
}

/// Convert byte-offset gazetteer hits (from [`Lexicon::find_entries`]) to token spans of
/// one sentence, appended to `out`. `tokens` are the sentence's tokens (sorted, as
/// [`pw_text::tokenize`] gives them); hits outside the sentence, or whose ends do not fall
/// on token boundaries ("Lebanon" in "Lebanon-based"), are skipped. Hits may be those of
/// the whole document: only the ones inside the sentence are kept.
pub fn gazetteer_spans(
    tokens: &[Token],
    hits: &[GazetteerHit],
    lexicon: &Lexicon,
    out: &mut Vec<GazetteerSpan>,
) {
    let (Some(first), Some(last)) = (tokens.first(), tokens.last()) else {
        return;
    };
    let from = hits.partition_point(|h| h.start < first.span.start);
    for hit in &hits[from..] {
        if hit.start >= last.span.end {
            break;
        }
        let start = tokens.partition_point(|t| t.span.start < hit.start);
        let end = tokens.partition_point(|t| t.span.end <= hit.end);
        if start < end
            && tokens[start].span.start == hit.start
            && tokens[end - 1].span.end == hit.end
        {
            out.push(GazetteerSpan {
                start,
                end,
                kind: lexicon.entry(hit.entry).kind,
            });
        }
    }
}

/// The name tagger. Immutable and `Sync`: share one across threads.
pub struct Tagger {
    weights: Weights,
    lexicon: &'static Lexicon,
}

/// Per-thread buffers, so tagging allocates only the returned spans.
#[derive(Default)]
struct Scratch {
    regions: Vec<(usize, usize)>,
    gaz: Vec<u32>,
    features: RegionFeatures,
    emissions: Vec<[i32; N_TAGS]>,
    back: Vec<[u8; N_TAGS]>,
    tags: Vec<u8>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

impl Tagger {
    /// The model embedded in the binary, with the built-in lexicon it was trained with.
    /// Decoded once on first use (a few milliseconds; about 2.5 MB of weights).
    pub fn embedded() -> &'static Tagger {
        static EMBEDDED: OnceLock<Tagger> = OnceLock::new();
        EMBEDDED.get_or_init(
            || match Tagger::from_bytes(EMBEDDED_MODEL, Lexicon::builtin()) {
                Ok(tagger) => tagger,
                // The file is written by ner-train and decoded by this crate's tests, so a
                // failure is a build defect, not a runtime state.
                Err(e) => panic!("embedded ner model: {e}"),
            },
        )
    }

    /// A tagger from model bytes (as `ner-train` writes them). `lexicon` gives the
    /// given-name feature and must be the one the model was trained with.
    pub fn from_bytes(bytes: &[u8], lexicon: &'static Lexicon) -> Result<Tagger, ModelError> {
        Ok(Tagger {
            weights: Weights::decode(bytes)?,
            lexicon,
        })
    }

    /// Names in one sentence. `words` are its tokens' texts; `gazetteer` its gazetteer
    /// hits in token indices (see [`gazetteer_spans`]; an empty slice works, with lower
    /// recall on known names). Spans are sorted and disjoint.
    pub fn tag(&self, words: &[&str], gazetteer: &[GazetteerSpan]) -> Vec<NameSpan> {
        let mut out = Vec::new();
        self.tag_into(words, gazetteer, &mut out);
        out
    }

    /// [`Tagger::tag`], appending to `out`.
    pub fn tag_into(&self, words: &[&str], gazetteer: &[GazetteerSpan], out: &mut Vec<NameSpan>) {
        self.tag_regions_into(words, gazetteer, |_, _| true, out);
    }

    /// [`Tagger::tag_into`] over only the regions (runs of capitalized words and their
    /// connectors, token indices `start..end`) that `wanted` keeps. Regions are tagged
    /// independently, so the names found in a kept region are the ones
    /// [`Tagger::tag_into`] finds there; a caller that would discard every name inside
    /// a region saves its cost.
    pub fn tag_regions_into(
        &self,
        words: &[&str],
        gazetteer: &[GazetteerSpan],
        wanted: impl Fn(usize, usize) -> bool,
        out: &mut Vec<NameSpan>,
    ) {
        SCRATCH.with(|scratch| {
            let scratch = &mut *scratch.borrow_mut();
            self.tag_with(
                words,
                gazetteer,
                &wanted,
                scratch,
                |start, end, class, score| {
                    if let Some(kind) = NerKind::from_class(class) {
                        out.push(NameSpan {
                            start,
                            end,
                            kind,
                            score,
                        });
                    }
                },
            );
        });
    }

    /// Tag every region; `emit(start, end, class, score)` for each span, MISC included.
    fn tag_with(
        &self,
        words: &[&str],
        gazetteer: &[GazetteerSpan],
        wanted: &dyn Fn(usize, usize) -> bool,
        scratch: &mut Scratch,
        mut emit: impl FnMut(usize, usize, u8, f32),
    ) {
        features::regions(words, &mut scratch.regions);
        scratch.regions.retain(|&(start, end)| wanted(start, end));
        if scratch.regions.is_empty() {
            return;
        }
        features::gazetteer_bits(words.len(), gazetteer, &mut scratch.gaz);
        scratch.features.start_sentence(words.len());
        for &region in &scratch.regions {
            scratch
                .features
                .compute(words, &scratch.gaz, region, self.lexicon);
            scratch.emissions.clear();
            for k in 0..region.1 - region.0 {
                scratch
                    .emissions
                    .push(self.weights.emission(scratch.features.token(k)));
            }
            model::viterbi(
                &scratch.emissions,
                &self.weights.transitions,
                &mut scratch.back,
                &mut scratch.tags,
            );
            for_each_span(&scratch.tags, |start, end, class| {
                let tags = &scratch.tags;
                let margin: f32 = (start..end)
                    .map(|k| {
                        let previous = k.checked_sub(1).map(|p| tags[p]);
                        margin(&scratch.emissions[k], previous, tags[k])
                    })
                    .sum::<f32>()
                    / (end - start) as f32
                    / self.weights.scale;
                let score = 1.0 / (1.0 + (-margin / MARGIN_SCALE).exp());
                emit(region.0 + start, region.0 + end, class, score);
            });
        }
    }
}

/// How far the chosen tag's emission is above the best other tag that BIO allows after
/// `previous` (the tags BIO forbids are never learned against, so they must not count).
fn margin(emission: &[i32; N_TAGS], previous: Option<u8>, tag: u8) -> f32 {
    let chosen = emission[usize::from(tag)];
    let best_other = (0..N_TAGS as u8)
        .filter(|&t| t != tag && model::allowed(previous, t))
        .map(|t| emission[usize::from(t)])
        .max()
        .unwrap_or(chosen);
    (chosen - best_other) as f32
}

/// Spans of a BIO tag sequence: `f(start, end, class)`.
pub(crate) fn for_each_span(tags: &[u8], mut f: impl FnMut(usize, usize, u8)) {
    let mut open: Option<(usize, u8)> = None;
    for (i, &tag) in tags.iter().enumerate() {
        let class = class_of(tag);
        if let Some((start, c)) = open
            && (tag == O || is_begin(tag) || class != Some(c))
        {
            f(start, i, c);
            open = None;
        }
        if let Some(c) = class
            && open.is_none()
        {
            open = Some((i, c));
        }
    }
    if let Some((start, c)) = open {
        f(start, tags.len(), c);
    }
}

#[cfg(test)]
mod tests;
