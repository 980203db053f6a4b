//! Relations of one entity: its counterparts with fact counts per type and a
//! cooperation/conflict balance from PLOVER polarity.

use crate::catalog::{Party, Side, date_key};
use crate::{Catalog, EntityBrief, Polarity, Result};
use pw_model::{EventType, PartialDate, Plover};
use serde::Serialize;
use std::collections::BTreeMap;

/// Facts of one event type.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TypeCount {
    /// The event type.
    pub event_type: EventType,
    /// Its PLOVER type.
    pub plover: Plover,
    /// Its polarity.
    pub polarity: Polarity,
    /// How many facts.
    pub facts: usize,
}

/// Another entity on the other side of facts with the subject.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Counterpart {
    /// The counterpart.
    pub entity: EntityBrief,
    /// Facts shared.
    pub facts: usize,
    /// Facts per event type, most first.
    pub by_type: Vec<TypeCount>,
    /// Facts of a cooperative PLOVER type.
    pub cooperation: usize,
    /// Facts of a conflictual PLOVER type.
    pub conflict: usize,
    /// Facts of neither.
    pub neutral: usize,
    /// (cooperation − conflict) / facts, from −1 (all conflict) to 1 (all cooperation).
    pub balance: f64,
    /// The earliest fact date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_date: Option<PartialDate>,
    /// The latest fact date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_date: Option<PartialDate>,
    /// The facts, earliest first.
    pub fact_ids: Vec<String>,
}

/// An entity's relations.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Relations {
    /// The subject.
    pub entity: EntityBrief,
    /// Facts that involve it with a counterpart.
    pub facts: usize,
    /// Of those, cooperative.
    pub cooperation: usize,
    /// Conflictual.
    pub conflict: usize,
    /// Neither.
    pub neutral: usize,
    /// (cooperation − conflict) / facts.
    pub balance: f64,
    /// Counterparts, most facts first.
    pub counterparts: Vec<Counterpart>,
}

#[derive(Default)]
struct Tally {
    facts: Vec<usize>,
    by_type: BTreeMap<EventType, usize>,
    cooperation: usize,
    conflict: usize,
    neutral: usize,
}

impl Tally {
    fn add(&mut self, position: usize, event_type: EventType) {
        self.facts.push(position);
        *self.by_type.entry(event_type).or_default() += 1;
        match Polarity::of(event_type.plover()) {
            Polarity::Cooperation => self.cooperation += 1,
            Polarity::Conflict => self.conflict += 1,
            Polarity::Neutral => self.neutral += 1,
        }
    }

    fn balance(&self) -> f64 {
        let total = self.cooperation + self.conflict + self.neutral;
        if total == 0 {
            return 0.0;
        }
        let balance = (self.cooperation as f64 - self.conflict as f64) / total as f64;
        // Two decimals are all a reader (and a golden file) needs.
        (balance * 100.0).round() / 100.0
    }
}

impl Catalog {
    /// Facts that involve the party, in date order.
    pub(crate) fn involving(&self, party: &Party) -> Vec<usize> {
        let facts = self.facts_slice();
        let mut positions: Vec<usize> = self
            .facts_of_party(party)
            .iter()
            .copied()
            .filter(|&position| self.involves(party, &facts[position]))
            .collect();
        crate::facts::sort_by_date(&mut positions, facts);
        positions
    }

    /// The entities on the other side of the fact from the party (for symmetric types,
    /// every other party).
    pub(crate) fn counterparts_in(&self, party: &Party, position: usize) -> Vec<String> {
        let fact = &self.facts_slice()[position];
        let mut others: Vec<String> = Vec::new();
        let mut push = |ids: &[String]| {
            for id in ids {
                if !self.is_party(party, id) && !others.contains(id) {
                    others.push(id.clone());
                }
            }
        };
        let on_source = self.on_side(party, fact, Side::Source);
        let on_target = self.on_side(party, fact, Side::Target);
        if on_source != on_target {
            // The other side only: a person's own country is no counterpart.
            push(if on_source {
                &fact.target
            } else {
                &fact.source
            });
        } else {
            push(&fact.source);
            push(&fact.target);
        }
        others
    }

    /// The counterparts of the entity a name means, with a cooperation/conflict
    /// balance per counterpart and overall.
    pub fn relations(&self, name_or_id: &str) -> Result<Relations> {
        let entity = self.resolve(name_or_id)?;
        let party = self.party(&entity.id)?;
        let facts = self.facts_slice();
        let mut overall = Tally::default();
        let mut tallies: BTreeMap<String, Tally> = BTreeMap::new();
        for position in self.involving(&party) {
            let others = self.counterparts_in(&party, position);
            if others.is_empty() {
                continue;
            }
            let event_type = facts[position].event_type;
            overall.add(position, event_type);
            for other in others {
                tallies.entry(other).or_default().add(position, event_type);
            }
        }
        let mut counterparts: Vec<Counterpart> = tallies
            .into_iter()
            .map(|(id, tally)| {
                let mut by_type: Vec<TypeCount> = tally
                    .by_type
                    .iter()
                    .map(|(&event_type, &count)| TypeCount {
                        event_type,
                        plover: event_type.plover(),
                        polarity: Polarity::of(event_type.plover()),
                        facts: count,
                    })
                    .collect();
                by_type.sort_by_key(|count| std::cmp::Reverse(count.facts));
                let dates: Vec<PartialDate> = tally
                    .facts
                    .iter()
                    .filter_map(|&position| facts[position].date)
                    .filter(|date| date_key(*date).is_some())
                    .collect();
                Counterpart {
                    entity: self.brief(&id),
                    facts: tally.facts.len(),
                    by_type,
                    cooperation: tally.cooperation,
                    conflict: tally.conflict,
                    neutral: tally.neutral,
                    balance: tally.balance(),
                    first_date: dates.first().copied(),
                    last_date: dates.last().copied(),
                    fact_ids: tally
                        .facts
                        .iter()
                        .map(|&position| facts[position].id.clone())
                        .collect(),
                }
            })
            .collect();
        counterparts.sort_by(|a, b| {
            b.facts
                .cmp(&a.facts)
                .then_with(|| a.entity.name.cmp(&b.entity.name))
        });
        Ok(Relations {
            entity: EntityBrief::of(entity),
            facts: overall.facts.len(),
            cooperation: overall.cooperation,
            conflict: overall.conflict,
            neutral: overall.neutral,
            balance: overall.balance(),
            counterparts,
        })
    }
}
