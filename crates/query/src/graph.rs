//! The actor network of a query: entities as nodes, facts aggregated per pair and
//! PLOVER type as edges. The same network `pw-export` writes as GEXF and GraphML, so
//! the counts agree.

use crate::{Catalog, FactQuery, Polarity, Result};
use pw_model::{EntityKind, EventType, Plover};
use pw_record::{Record, RecordEntity};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// Which facts make the graph.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct GraphQuery {
    /// Keep facts that involve any of these (names, aliases, ids or country codes);
    /// empty: every fact.
    pub actors: Vec<String>,
    /// Further filters on the facts.
    pub facts: FactQuery,
}

/// An actor.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GraphNode {
    /// The record entity id.
    pub id: String,
    /// Its name.
    pub label: String,
    /// `None` for an id the entity list does not hold.
    pub kind: Option<EntityKind>,
    /// ISO 3166-1 alpha-3.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Facts of the graph it is a party to.
    pub facts: usize,
}

/// The facts of one PLOVER type from one actor to another.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GraphEdge {
    /// `r0`, `r1`, ... in order of first appearance.
    pub id: String,
    /// The source node id.
    pub source: String,
    /// The target node id.
    pub target: String,
    /// The PLOVER type.
    pub plover: Plover,
    /// Its polarity.
    pub polarity: Polarity,
    /// The event types of its facts.
    pub event_types: Vec<EventType>,
    /// Every fact is of a symmetric type: the reverse edge exists too.
    pub mutual: bool,
    /// Distinct stories reporting its facts: the corroboration, used as weight.
    pub weight: usize,
    /// Distinct outlets.
    pub outlets: usize,
    /// Supporting reports.
    pub reports: usize,
    /// The earliest fact date (ISO day, month or year).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_date: Option<String>,
    /// The latest fact date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_date: Option<String>,
    /// The facts, in record order.
    pub facts: Vec<String>,
}

/// Nodes and edges.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Graph {
    /// Actors that are a source or target of a fact of the graph.
    pub nodes: Vec<GraphNode>,
    /// Relations.
    pub edges: Vec<GraphEdge>,
}

impl Catalog {
    /// The network of the facts a query selects.
    pub fn graph(&self, query: &GraphQuery) -> Result<Graph> {
        let mut positions: BTreeSet<usize> = BTreeSet::new();
        if query.actors.is_empty() {
            positions.extend(self.select(&query.facts)?);
        } else {
            for actor in &query.actors {
                let filter = FactQuery {
                    entity: Some(actor.clone()),
                    ..query.facts.clone()
                };
                positions.extend(self.select(&filter)?);
            }
        }
        let facts = self.facts_slice();
        let mut ids: BTreeSet<&str> = BTreeSet::new();
        for &position in &positions {
            let fact = &facts[position];
            ids.extend(fact.source.iter().chain(&fact.target).map(String::as_str));
        }
        // The network needs only names, kinds and countries: light copies of the
        // entities involved, in record order.
        let entities: Vec<RecordEntity> = self
            .entities()
            .iter()
            .filter(|entity| ids.contains(entity.id.as_str()))
            .map(|entity| RecordEntity {
                id: entity.id.clone(),
                kind: entity.kind,
                name: entity.name.clone(),
                aliases: Vec::new(),
                country: entity.country.clone(),
                roles: Vec::new(),
                members: Vec::new(),
                sightings: Vec::new(),
                merges: Vec::new(),
            })
            .collect();
        let record = Record {
            entities,
            stories: Vec::new(),
            facts: positions
                .iter()
                .map(|&position| facts[position].clone())
                .collect(),
        };
        let network = pw_export::Network::build(&record);
        Ok(Graph {
            nodes: network
                .nodes
                .into_iter()
                .map(|node| GraphNode {
                    id: node.id,
                    label: node.label,
                    kind: node.kind,
                    country: node.country,
                    facts: node.facts,
                })
                .collect(),
            edges: network
                .edges
                .into_iter()
                .map(|edge| GraphEdge {
                    id: edge.id,
                    source: edge.source,
                    target: edge.target,
                    plover: edge.plover,
                    polarity: Polarity::of(edge.plover),
                    event_types: edge.event_types,
                    mutual: edge.mutual,
                    weight: edge.stories,
                    outlets: edge.outlets,
                    reports: edge.supports,
                    first_date: edge.first_date,
                    last_date: edge.last_date,
                    facts: edge.facts,
                })
                .collect(),
        })
    }
}
