//! Counts over the whole record.

use crate::{Catalog, Polarity, TypeCount};
use pw_model::EntityKind;
use serde::Serialize;
use std::collections::BTreeMap;

/// Entities of one kind.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct KindCount {
    /// The kind.
    pub kind: EntityKind,
    /// How many entities.
    pub entities: usize,
}

/// What the record holds.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Stats {
    /// Stored articles.
    pub articles: usize,
    /// Stories (groups of near-duplicate articles).
    pub stories: usize,
    /// Record entities.
    pub entities: usize,
    /// Entities per kind.
    pub entities_by_kind: Vec<KindCount>,
    /// Facts.
    pub facts: usize,
    /// Facts per event type, most first.
    pub facts_by_type: Vec<TypeCount>,
    /// Supporting reports of all facts.
    pub reports: usize,
    /// Facts reported by two or more stories.
    pub corroborated_facts: usize,
    /// Facts whose reports disagree.
    pub contradicted_facts: usize,
    /// The store's record version the catalog was loaded at.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub record_version: Option<u64>,
}

impl Catalog {
    /// Counts over the record.
    pub fn stats(&self) -> Stats {
        let record = self.record();
        let mut kinds: BTreeMap<EntityKind, usize> = BTreeMap::new();
        for entity in &record.entities {
            *kinds.entry(entity.kind).or_default() += 1;
        }
        let mut types = BTreeMap::new();
        for fact in &record.facts {
            *types.entry(fact.event_type).or_insert(0usize) += 1;
        }
        let mut facts_by_type: Vec<TypeCount> = types
            .into_iter()
            .map(|(event_type, facts)| TypeCount {
                event_type,
                plover: event_type.plover(),
                polarity: Polarity::of(event_type.plover()),
                facts,
            })
            .collect();
        facts_by_type.sort_by_key(|count| std::cmp::Reverse(count.facts));
        Stats {
            articles: self.article_count(),
            stories: record.stories.len(),
            entities: record.entities.len(),
            entities_by_kind: kinds
                .into_iter()
                .map(|(kind, entities)| KindCount { kind, entities })
                .collect(),
            facts: record.facts.len(),
            facts_by_type,
            reports: record.facts.iter().map(|fact| fact.supports.len()).sum(),
            corroborated_facts: record.facts.iter().filter(|fact| fact.stories >= 2).count(),
            contradicted_facts: record
                .facts
                .iter()
                .filter(|fact| !fact.contradictions.is_empty())
                .count(),
            record_version: self.version(),
        }
    }
}
