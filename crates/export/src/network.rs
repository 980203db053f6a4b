//! The actor network behind the GEXF and GraphML exports.
//!
//! Nodes are the record entities that are a source or a target of some fact. Edges are
//! one per (source, target, PLOVER type): the facts of one type between two actors are
//! one relation, and parallel edges of different types stay apart (GEXF `kind`). An
//! edge's weight is its corroboration: the number of distinct stories (near-duplicate
//! groups of articles) that report any of its facts, so a wire story republished by ten
//! outlets counts once.
//!
//! The graph is directed throughout, because NetworkX cannot read mixed graphs: a fact
//! of a symmetric type (agree, meet, trade, restore relations) between A and B gives an
//! edge each way, and an edge whose facts are all symmetric is marked `mutual`. Self
//! loops are dropped. Facts of a symmetric type whose parties are all on one side ("Iran
//! and Russia signed") connect every pair of parties.

use crate::rows::plover_name;
use pw_model::{EntityKind, EventType, PartialDate, Plover};
use pw_record::{Fact, Record};
use std::collections::{BTreeSet, HashMap, HashSet};

/// Whether a PLOVER type is cooperation or conflict (after [`Plover::polarity`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Polarity {
    Cooperation,
    Conflict,
    Neutral,
}

impl Polarity {
    pub fn of(plover: Plover) -> Polarity {
        match plover.polarity() {
            1.. => Polarity::Cooperation,
            ..=-1 => Polarity::Conflict,
            0 => Polarity::Neutral,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Polarity::Cooperation => "cooperation",
            Polarity::Conflict => "conflict",
            Polarity::Neutral => "neutral",
        }
    }
}

/// An actor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Node {
    /// The record entity id.
    pub id: String,
    pub label: String,
    /// `None` for an id the record's entity list does not hold.
    pub kind: Option<EntityKind>,
    /// ISO 3166-1 alpha-3.
    pub country: Option<String>,
    /// How many facts the actor is a source or target of.
    pub facts: usize,
}

/// The relation of one PLOVER type from one actor to another.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edge {
    /// `r0`, `r1`, ... in order of first appearance.
    pub id: String,
    pub source: String,
    pub target: String,
    pub plover: Plover,
    pub polarity: Polarity,
    /// Distinct event types, in order of first appearance.
    pub event_types: Vec<EventType>,
    /// Fact ids, in record order.
    pub facts: Vec<String>,
    /// Every fact is of a symmetric type, so the reverse edge exists too.
    pub mutual: bool,
    /// Distinct stories reporting any of the facts: the edge weight.
    pub stories: usize,
    /// Distinct outlets reporting any of the facts.
    pub outlets: usize,
    /// Supporting reports in all.
    pub supports: usize,
    /// The earliest and latest fact date (ISO day, month or year precision).
    pub first_date: Option<String>,
    pub last_date: Option<String>,
}

/// The actor network of a record.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Network {
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
}

/// An edge while facts are still being added.
struct EdgeBuilder<'a> {
    source: &'a str,
    target: &'a str,
    plover: Plover,
    event_types: Vec<EventType>,
    facts: Vec<&'a str>,
    mutual: bool,
    stories: BTreeSet<&'a str>,
    outlets: BTreeSet<&'a str>,
    unknown_outlet_stories: BTreeSet<&'a str>,
    supports: usize,
    dates: BTreeSet<String>,
}

/// The distinct sources and targets of a fact, sources first.
fn parties(fact: &Fact) -> Vec<&str> {
    let mut parties: Vec<&str> = Vec::new();
    for party in fact.source.iter().chain(&fact.target) {
        if !parties.contains(&party.as_str()) {
            parties.push(party);
        }
    }
    parties
}

/// The pairs (source, target) a fact connects.
fn pairs(fact: &Fact) -> Vec<(&str, &str)> {
    let mut pairs = Vec::new();
    if fact.event_type.is_symmetric() {
        let parties = parties(fact);
        for (position, &first) in parties.iter().enumerate() {
            for &second in &parties[position + 1..] {
                pairs.push((first, second));
                pairs.push((second, first));
            }
        }
    } else {
        for source in &fact.source {
            for target in &fact.target {
                if source != target {
                    pairs.push((source.as_str(), target.as_str()));
                }
            }
        }
    }
    pairs
}

/// Dates that sort as text: ISO day, month or year (not decades or year-less days).
fn sortable_date(date: PartialDate) -> Option<String> {
    matches!(
        date,
        PartialDate::Day { .. } | PartialDate::Month { .. } | PartialDate::Year { .. }
    )
    .then(|| date.to_string())
}

/// The fact's date, or when it has none, the dates its reports give.
fn fact_dates(fact: &Fact) -> Vec<String> {
    match fact.date {
        Some(date) => sortable_date(date).into_iter().collect(),
        None => fact
            .supports
            .iter()
            .filter_map(|support| support.date.and_then(sortable_date))
            .collect(),
    }
}

impl Network {
    pub fn build(record: &Record) -> Network {
        let mut builders: Vec<EdgeBuilder<'_>> = Vec::new();
        let mut edge_index: HashMap<(&str, &str, Plover), usize> = HashMap::new();
        let mut fact_counts: HashMap<&str, usize> = HashMap::new();
        for fact in &record.facts {
            for party in parties(fact) {
                *fact_counts.entry(party).or_default() += 1;
            }
            for (source, target) in pairs(fact) {
                let position = *edge_index
                    .entry((source, target, fact.plover))
                    .or_insert_with(|| {
                        builders.push(EdgeBuilder {
                            source,
                            target,
                            plover: fact.plover,
                            event_types: Vec::new(),
                            facts: Vec::new(),
                            mutual: true,
                            stories: BTreeSet::new(),
                            outlets: BTreeSet::new(),
                            unknown_outlet_stories: BTreeSet::new(),
                            supports: 0,
                            dates: BTreeSet::new(),
                        });
                        builders.len() - 1
                    });
                let builder = &mut builders[position];
                if !builder.event_types.contains(&fact.event_type) {
                    builder.event_types.push(fact.event_type);
                }
                builder.facts.push(&fact.id);
                builder.mutual &= fact.event_type.is_symmetric();
                for support in &fact.supports {
                    builder.stories.insert(&support.story);
                    // As the record counts them: an article with no known outlet
                    // counts once per story.
                    match &support.outlet {
                        Some(outlet) => builder.outlets.insert(outlet),
                        None => builder.unknown_outlet_stories.insert(&support.story),
                    };
                }
                builder.supports += fact.supports.len();
                builder.dates.extend(fact_dates(fact));
            }
        }

        let mut nodes: Vec<Node> = record
            .entities
            .iter()
            .filter_map(|entity| {
                let facts = *fact_counts.get(entity.id.as_str())?;
                Some(Node {
                    id: entity.id.clone(),
                    label: entity.name.clone(),
                    kind: Some(entity.kind),
                    country: entity.country.clone(),
                    facts,
                })
            })
            .collect();
        // Ids no entity holds still get a node, so that every edge has both ends.
        let known: HashSet<&str> = record
            .entities
            .iter()
            .map(|entity| entity.id.as_str())
            .collect();
        let mut unknown: Vec<(&str, usize)> = fact_counts
            .iter()
            .filter(|(id, _)| !known.contains(**id))
            .map(|(id, count)| (*id, *count))
            .collect();
        unknown.sort_unstable();
        nodes.extend(unknown.into_iter().map(|(id, facts)| Node {
            id: id.to_string(),
            label: id.to_string(),
            kind: None,
            country: None,
            facts,
        }));

        let edges = builders
            .into_iter()
            .enumerate()
            .map(|(position, builder)| Edge {
                id: format!("r{position}"),
                source: builder.source.to_string(),
                target: builder.target.to_string(),
                plover: builder.plover,
                polarity: Polarity::of(builder.plover),
                event_types: builder.event_types,
                facts: builder.facts.iter().map(|id| id.to_string()).collect(),
                mutual: builder.mutual,
                stories: builder.stories.len(),
                outlets: builder.outlets.len() + builder.unknown_outlet_stories.len(),
                supports: builder.supports,
                first_date: builder.dates.first().cloned(),
                last_date: builder.dates.last().cloned(),
            })
            .collect();
        Network { nodes, edges }
    }
}

impl Edge {
    /// The PLOVER name, as the edge `kind` and `plover` attribute.
    pub fn plover_name(&self) -> &'static str {
        plover_name(self.plover)
    }

    /// Event types joined with `;`.
    pub fn event_types_text(&self) -> String {
        self.event_types
            .iter()
            .map(|event_type| event_type.as_str())
            .collect::<Vec<_>>()
            .join(";")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn polarity_follows_plover() {
        assert_eq!(Polarity::of(Plover::Aid), Polarity::Cooperation);
        assert_eq!(Polarity::of(Plover::Concede), Polarity::Cooperation);
        assert_eq!(Polarity::of(Plover::Coerce), Polarity::Conflict);
        assert_eq!(Polarity::of(Plover::Request), Polarity::Neutral);
    }

    fn fact(event_type: EventType, source: &[&str], target: &[&str]) -> Fact {
        Fact {
            id: "F0".to_string(),
            event_type,
            plover: event_type.plover(),
            source: source.iter().map(|id| id.to_string()).collect(),
            target: target.iter().map(|id| id.to_string()).collect(),
            equipment: Vec::new(),
            date: None,
            supports: Vec::new(),
            outlets: 0,
            stories: 0,
            strongest: pw_model::Modality::Asserted,
            weakest: pw_model::Modality::Asserted,
            first_reported: None,
            last_reported: None,
            contradictions: Vec::new(),
        }
    }

    #[test]
    fn symmetric_facts_connect_every_pair_both_ways() {
        let trilateral = fact(EventType::Agree, &["A", "B"], &["C"]);
        assert_eq!(
            pairs(&trilateral),
            [
                ("A", "B"),
                ("B", "A"),
                ("A", "C"),
                ("C", "A"),
                ("B", "C"),
                ("C", "B")
            ]
        );
        let directed = fact(EventType::TransferArms, &["A", "B"], &["B", "C"]);
        assert_eq!(pairs(&directed), [("A", "B"), ("A", "C"), ("B", "C")]);
    }

    #[test]
    fn ids_outside_the_entity_list_still_get_nodes() {
        let record = Record {
            facts: vec![fact(EventType::Attack, &["X"], &["Y"])],
            ..Record::default()
        };
        let network = Network::build(&record);
        let ids: Vec<&str> = network.nodes.iter().map(|node| node.id.as_str()).collect();
        assert_eq!(ids, ["X", "Y"]);
        assert_eq!(network.edges.len(), 1);
        assert_eq!(network.edges[0].polarity, Polarity::Conflict);
        assert_eq!(network.edges[0].stories, 0);
    }

    #[test]
    fn dates_sort_only_at_iso_precisions() {
        assert_eq!(
            sortable_date(PartialDate::Month {
                year: 2023,
                month: 7
            }),
            Some("2023-07".to_string())
        );
        assert_eq!(sortable_date(PartialDate::Decade { start: 1990 }), None);
    }
}
