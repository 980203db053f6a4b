//! Timelines: the dated facts involving one entity, or between two, in date order.

use crate::catalog::date_key;
use crate::{Catalog, EntityBrief, FactSummary, Result};
use serde::Serialize;

/// Dated facts in date order.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Timeline {
    /// The first entity.
    pub subject: EntityBrief,
    /// The second entity, when the timeline is of a pair.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub other: Option<EntityBrief>,
    /// Facts with a date, earliest first (decades at their first year).
    pub facts: Vec<FactSummary>,
    /// Facts that match but have no usable date, left out.
    pub undated: usize,
}

impl Catalog {
    /// The dated facts that involve `subject`, or, with `other`, that have one of them
    /// on each side (either way round).
    pub fn timeline(&self, subject: &str, other: Option<&str>) -> Result<Timeline> {
        let subject_entity = self.resolve(subject)?;
        let subject_party = self.party(&subject_entity.id)?;
        let other_entity = other.map(|name| self.resolve(name)).transpose()?;
        let other_party = other_entity
            .map(|entity| self.party(&entity.id))
            .transpose()?;
        let facts = self.facts_slice();
        let mut undated = 0;
        let mut dated = Vec::new();
        for position in self.involving(&subject_party) {
            if let Some(other_party) = &other_party
                && !self
                    .counterparts_in(&subject_party, position)
                    .iter()
                    .any(|id| self.is_party(other_party, id))
            {
                continue;
            }
            if facts[position].date.and_then(date_key).is_some() {
                dated.push(self.fact_summary(&facts[position]));
            } else {
                undated += 1;
            }
        }
        Ok(Timeline {
            subject: EntityBrief::of(subject_entity),
            other: other_entity.map(EntityBrief::of),
            facts: dated,
            undated,
        })
    }
}
