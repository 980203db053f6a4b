//! Types of the record. Ids are strings stable for the same input: articles are keyed by
//! the store (`a12`), record entities `E…`, stories `S…`, facts `F…`.

use pw_model::{
    DocumentMeta, EntityId, EntityKind, EventId, EventType, Extraction, Modality, PartialDate,
    Plover, Span,
};
use serde::{Deserialize, Serialize};

/// One stored article as the record builder sees it.
#[derive(Clone, Copy, Debug)]
pub struct ArticleInput<'a> {
    /// The store's key for the article (stable across runs).
    pub key: &'a str,
    pub meta: &'a DocumentMeta,
    pub text: &'a str,
    pub extraction: &'a Extraction,
}

/// A user's correction of entity resolution, applied on every rebuild.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum Correction {
    /// These two record entities (named by any of their mentions, see [`EntityRef`]) are one.
    Merge { a: EntityRef, b: EntityRef },
    /// This mention does not belong with the others of its record entity.
    Split { mention: EntityRef },
}

/// The user's corrections, in the order they were made.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Corrections {
    pub items: Vec<Correction>,
}

/// An entity of one article: the article key and the extraction's entity id.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct EntityRef {
    pub article: String,
    pub entity: EntityId,
}

/// A role an article gives a person, with the article's date.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RoleSeen {
    pub role: String,
    pub article: String,
    pub date: Option<PartialDate>,
}

/// Why two article entities were put together.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MergeReason {
    pub a: EntityRef,
    pub b: EntityRef,
    /// Human-readable: "same name and country", "acronym ISC in both", "shared name or
    /// alias \"FX-700\"" (a lexicon alias), "user merge".
    pub reason: String,
}

/// A sentence that mentions an entity.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Sighting {
    pub article: String,
    pub entity: EntityId,
    pub sentence: usize,
    pub span: Span,
}

/// One real-world entity across articles.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RecordEntity {
    pub id: String,
    pub kind: EntityKind,
    pub name: String,
    pub aliases: Vec<String>,
    pub country: Option<String>,
    pub roles: Vec<RoleSeen>,
    /// The article entities merged here.
    pub members: Vec<EntityRef>,
    pub sightings: Vec<Sighting>,
    pub merges: Vec<MergeReason>,
}

/// Near-duplicate articles (the same wire story republished).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Story {
    pub id: String,
    pub articles: Vec<String>,
    /// Why articles were put together (empty for a single article).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<StoryLink>,
}

/// Why two articles are one story.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoryLink {
    pub a: String,
    pub b: String,
    /// "text: estimated Jaccard 0.93 of word 5-grams", "cast: 10 of 10 people and
    /// organizations in common (100%)".
    pub reason: String,
}

/// One article's report of a fact.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Support {
    pub article: String,
    pub event: EventId,
    pub story: String,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub file: Option<String>,
    pub published: Option<PartialDate>,
    pub event_type: EventType,
    pub modality: Modality,
    pub date: Option<PartialDate>,
    pub date_text: Option<String>,
    /// Record entity ids of the equipment this report names.
    pub equipment: Vec<String>,
    pub evidence: String,
    pub span: Span,
    pub sentence: usize,
    /// Record entity ids of this report's own sources and targets (the fact's are at
    /// country level).
    #[serde(default)]
    pub source: Vec<String>,
    #[serde(default)]
    pub target: Vec<String>,
}

/// What supporting reports disagree on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContradictionKind {
    Date,
    Equipment,
    Status,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Contradiction {
    pub kind: ContradictionKind,
    /// Plain words: "000 says 2023-07-20, 003 says 2023-07-19".
    pub detail: String,
    /// Indices into the fact's `supports` on each side.
    pub supports: Vec<usize>,
}

/// Events from different articles that describe the same real-world event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Fact {
    pub id: String,
    pub event_type: EventType,
    pub plover: Plover,
    /// Record entity ids.
    pub source: Vec<String>,
    pub target: Vec<String>,
    pub equipment: Vec<String>,
    /// The event's date as most reports give it.
    pub date: Option<PartialDate>,
    pub supports: Vec<Support>,
    pub outlets: usize,
    pub stories: usize,
    pub strongest: Modality,
    pub weakest: Modality,
    pub first_reported: Option<PartialDate>,
    pub last_reported: Option<PartialDate>,
    pub contradictions: Vec<Contradiction>,
}

/// Everything derived across articles.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Record {
    pub entities: Vec<RecordEntity>,
    pub stories: Vec<Story>,
    pub facts: Vec<Fact>,
}
