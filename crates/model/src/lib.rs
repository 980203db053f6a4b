//! The Pactwatch data model: what ingest produces ([`Document`]) and what extraction
//! produces ([`Extraction`]). No IO, no async, no clock: plain data with serde.
//!
//! Every byte span ([`Span`]) points into [`Document::text`], the normalized article
//! text that ingest produced, so every entity mention, event and quote can be traced
//! back to its sentence.

use serde::{Deserialize, Serialize};
use std::fmt;

mod date;
mod ontology;

pub use date::{PartialDate, days_in_month};
pub use ontology::{EntityKind, EventType, Modality, Plover};

/// A half-open byte range `[start, end)` into a document's text.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }
    pub const fn len(&self) -> usize {
        self.end - self.start
    }
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    /// True when `other` lies entirely inside `self`.
    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub const fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    /// The text this span covers; empty when the span does not fit `text`.
    #[inline]
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

macro_rules! id_newtype {
    ($(#[$doc:meta])* $name:ident, $prefix:literal) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(pub u32);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!($prefix, "{}"), self.0)
            }
        }

        impl Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let raw = String::deserialize(deserializer)?;
                raw.strip_prefix($prefix)
                    .and_then(|digits| digits.parse().ok())
                    .map($name)
                    .ok_or_else(|| serde::de::Error::custom(concat!("expected an id like ", $prefix, "0")))
            }
        }
    };
}

id_newtype!(
    /// An entity within one extraction (`e0`, `e1`, ...), stable for the same input.
    EntityId,
    "e"
);
id_newtype!(
    /// An event within one extraction (`v0`, `v1`, ...).
    EventId,
    "v"
);
id_newtype!(
    /// A quote within one extraction (`q0`, `q1`, ...).
    QuoteId,
    "q"
);

/// Where the publication date of a document came from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateSource {
    /// Given by metadata: a sidecar, a JSON Lines field, an HTML meta tag or a feed.
    Metadata,
    /// A dateline in the text itself (`date 2025-11-11`, `July 24, 2023 —`).
    Dateline,
    /// A dated URL path (`/2023/07/30/`).
    Url,
    #[default]
    Unknown,
}

/// How the language of a document was known.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LanguageSource {
    /// Named by metadata: a sidecar, a JSON Lines field, an HTML attribute or meta tag,
    /// JSON-LD `inLanguage`, a feed's `<language>` or `xml:lang`.
    Metadata,
    /// Detected from the text's function words.
    Detected,
    #[default]
    Unknown,
}

/// Metadata of one article. Every field is optional because the wild rarely gives all.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DocumentMeta {
    /// The file the article came from (for JSON Lines and feeds: `file#line` or `file#entry`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    /// Publication date (`YYYY-MM-DD`), only when some evidence gives the day.
    pub published: Option<PartialDate>,
    pub published_from: DateSource,
    /// The article's language, ISO 639-1 (`en`, `es`), when metadata names it or the
    /// text tells it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// How [`DocumentMeta::language`] was known.
    #[serde(default)]
    pub language_from: LanguageSource,
    /// The input format: `text`, `html`, `jsonl`, `feed`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
}

/// How serious a diagnostic is. `Error` means the article could not be produced.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

/// Something worth telling a user about one document: repaired bytes, dropped
/// boilerplate, an unresolvable date. Never fatal on its own.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// A short machine-readable code such as `invalid_utf8` or `boilerplate_removed`.
    pub code: String,
    pub message: String,
}

impl Diagnostic {
    pub fn new(severity: Severity, code: &str, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity,
            code: code.to_string(),
            message: message.into(),
        }
    }
    pub fn info(code: &str, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(Severity::Info, code, message)
    }
    pub fn warning(code: &str, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(Severity::Warning, code, message)
    }
}

/// One article as ingest hands it to extraction: clean text plus metadata.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub meta: DocumentMeta,
    /// The article body: UTF-8, page furniture removed, paragraphs separated by `\n`.
    pub text: String,
    pub diagnostics: Vec<Diagnostic>,
}

/// One occurrence of an entity in the text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// Byte range in `Document::text` (the cleaned text that the extract output carries
    /// as `text`): `&text[span.start..span.end] == self.text`.
    pub span: Span,
    /// The mention as written.
    #[serde(default)]
    pub text: String,
    /// The index of the sentence holding the mention.
    pub sentence: usize,
    /// True when the mention names the entity (not a pronoun, demonym or description).
    pub named: bool,
}

/// A real-world thing the article talks about.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub id: EntityId,
    pub kind: EntityKind,
    /// The canonical name: the fullest name the article or the lexicon gives.
    pub name: String,
    /// Every surface form seen in the text that names this entity (deduplicated).
    pub aliases: Vec<String>,
    /// ISO 3166-1 alpha-3 code of the country the entity belongs to.
    pub country: Option<String>,
    /// Roles and titles the text gives a person ("Defense Minister", "lawmaker").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<String>,
    /// Where the recognition came from (`lexicon`, `title`, `appositive`, `acronym`, ...).
    pub source: String,
    pub mentions: Vec<Mention>,
}

/// A coded event: who did what to whom, when, how certainly, and the sentence that says so.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub id: EventId,
    #[serde(rename = "type")]
    pub event_type: EventType,
    pub plover: Plover,
    pub source: Vec<EntityId>,
    pub target: Vec<EntityId>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub equipment: Vec<EntityId>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub location: Vec<EntityId>,
    /// Resolved date (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`, `--MM-DD`, `199X`), if any.
    pub date: Option<PartialDate>,
    /// The text the date came from ("Monday", "July 20", "in 2023").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_text: Option<String>,
    pub modality: Modality,
    /// Who the article attributes the claim to ("according to IRNA").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attributed_to: Option<EntityId>,
    /// The trigger word or phrase.
    pub trigger: String,
    pub trigger_span: Span,
    /// The evidence sentence and its span.
    pub evidence: String,
    pub span: Span,
    pub sentence: usize,
}

/// A direct quotation and who said it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub id: QuoteId,
    pub speaker: Option<EntityId>,
    /// How the speaker was found (`after`, `before`, `paragraph`, `pronoun`, `description`, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker_cue: Option<String>,
    pub text: String,
    pub span: Span,
    pub sentence: usize,
}

/// Everything extraction found in one document.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Extraction {
    /// The language the document was read in (ISO 639-1: `en`, `es`; another code when
    /// the article is in a language the rules do not read, with a diagnostic).
    #[serde(default)]
    pub language: String,
    pub entities: Vec<Entity>,
    pub events: Vec<Event>,
    pub quotes: Vec<Quote>,
    /// Sentence spans, in order; `sentence` fields index into this.
    pub sentences: Vec<Span>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Extraction {
    pub fn entity(&self, id: EntityId) -> Option<&Entity> {
        self.entities
            .get(id.0 as usize)
            .filter(|entity| entity.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_through_json() {
        let id = EntityId(12);
        let json = serde_json::to_string(&id).unwrap();
        assert_eq!(json, "\"e12\"");
        assert_eq!(serde_json::from_str::<EntityId>(&json).unwrap(), id);
        assert!(serde_json::from_str::<EntityId>("\"v12\"").is_err());
    }

    #[test]
    fn meta_without_language_still_parses() {
        let meta: DocumentMeta =
            serde_json::from_str(r#"{"published": null, "published_from": "unknown"}"#).unwrap();
        assert_eq!(meta.language, None);
        assert_eq!(meta.language_from, LanguageSource::Unknown);
        let meta = DocumentMeta {
            language: Some("es".into()),
            language_from: LanguageSource::Detected,
            ..DocumentMeta::default()
        };
        let json = serde_json::to_string(&meta).unwrap();
        assert!(
            json.contains(r#""language":"es","language_from":"detected""#),
            "{json}"
        );
        assert_eq!(serde_json::from_str::<DocumentMeta>(&json).unwrap(), meta);
    }

    #[test]
    fn span_helpers() {
        let span = Span::new(2, 5);
        assert_eq!(span.slice("abcdefg"), "cde");
        assert_eq!(Span::new(5, 99).slice("abc"), "");
        assert!(span.contains(Span::new(3, 4)));
        assert!(span.overlaps(Span::new(4, 8)));
        assert!(!span.overlaps(Span::new(5, 8)));
    }
}
