//! The flat event table shared by the CSV and Parquet exports: one row per supporting
//! report of a fact ([`pw_record::Support`]), like a GDELT or ACLED event row, so that
//! one `read_csv` gives an analyst everything without joins.
//!
//! Multi-valued cells (several sources, targets, equipment) are joined with `;` (as GDELT
//! does), in the fact's order; country cells list distinct codes.

use crate::ExportArticle;
use crate::network::Polarity;
use pw_model::{PartialDate, Plover};
use pw_record::{Fact, Record, RecordEntity, Support};
use std::collections::HashMap;

/// The separator inside multi-valued cells.
pub const LIST_SEPARATOR: &str = ";";

/// The type of a column's values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnKind {
    /// UTF-8 text (Parquet `BYTE_ARRAY (STRING)`).
    Text,
    /// A count (Parquet `INT64`).
    Int,
}

/// One column of the event table.
#[derive(Clone, Copy)]
pub struct ColumnSpec {
    pub name: &'static str,
    pub kind: ColumnKind,
    /// True when the cell may be empty (null in Parquet, an empty field in CSV).
    pub nullable: bool,
    get: fn(&EventRow) -> Cell<'_>,
}

impl ColumnSpec {
    pub(crate) fn get<'r>(&self, row: &'r EventRow) -> Cell<'r> {
        (self.get)(row)
    }
}

/// A cell of the event table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Cell<'a> {
    Text(Option<&'a str>),
    Int(i64),
}

/// One supporting report of a fact, flattened. Empty lists are `None`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EventRow {
    pub fact_id: String,
    /// The fact's type (and its PLOVER type and polarity).
    pub event_type: String,
    pub plover: String,
    pub polarity: String,
    /// The type this report gives, which may be a sibling of the fact's.
    pub report_event_type: String,
    pub source_names: Option<String>,
    pub source_ids: Option<String>,
    pub source_countries: Option<String>,
    pub target_names: Option<String>,
    pub target_ids: Option<String>,
    pub target_countries: Option<String>,
    pub equipment_names: Option<String>,
    pub equipment_ids: Option<String>,
    /// The date this report gives.
    pub date: Option<String>,
    pub date_text: Option<String>,
    /// The date most reports give.
    pub fact_date: Option<String>,
    pub modality: String,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub file: Option<String>,
    pub published: Option<String>,
    pub title: Option<String>,
    pub article: String,
    pub story: String,
    /// The evidence sentence.
    pub sentence: String,
    pub sentence_index: i64,
    pub fact_supports: i64,
    pub fact_stories: i64,
    pub fact_outlets: i64,
    pub fact_contradictions: i64,
}

macro_rules! text {
    ($name:literal, $field:ident) => {
        ColumnSpec {
            name: $name,
            kind: ColumnKind::Text,
            nullable: false,
            get: |row| Cell::Text(Some(&row.$field)),
        }
    };
}

macro_rules! optional_text {
    ($name:literal, $field:ident) => {
        ColumnSpec {
            name: $name,
            kind: ColumnKind::Text,
            nullable: true,
            get: |row| Cell::Text(row.$field.as_deref()),
        }
    };
}

macro_rules! int {
    ($name:literal, $field:ident) => {
        ColumnSpec {
            name: $name,
            kind: ColumnKind::Int,
            nullable: false,
            get: |row| Cell::Int(row.$field),
        }
    };
}

/// The columns of the CSV and Parquet exports, in order.
pub const COLUMNS: &[ColumnSpec] = &[
    text!("fact_id", fact_id),
    text!("event_type", event_type),
    text!("plover", plover),
    text!("polarity", polarity),
    text!("report_event_type", report_event_type),
    optional_text!("source_names", source_names),
    optional_text!("source_ids", source_ids),
    optional_text!("source_countries", source_countries),
    optional_text!("target_names", target_names),
    optional_text!("target_ids", target_ids),
    optional_text!("target_countries", target_countries),
    optional_text!("equipment_names", equipment_names),
    optional_text!("equipment_ids", equipment_ids),
    optional_text!("date", date),
    optional_text!("date_text", date_text),
    optional_text!("fact_date", fact_date),
    text!("modality", modality),
    optional_text!("outlet", outlet),
    optional_text!("url", url),
    optional_text!("file", file),
    optional_text!("published", published),
    optional_text!("title", title),
    text!("article", article),
    text!("story", story),
    text!("sentence", sentence),
    int!("sentence_index", sentence_index),
    int!("fact_supports", fact_supports),
    int!("fact_stories", fact_stories),
    int!("fact_outlets", fact_outlets),
    int!("fact_contradictions", fact_contradictions),
];

/// The PLOVER name as PLOVER writes it (`AGREE`).
pub(crate) fn plover_name(plover: Plover) -> &'static str {
    match plover {
        Plover::Agree => "AGREE",
        Plover::Consult => "CONSULT",
        Plover::Support => "SUPPORT",
        Plover::Concede => "CONCEDE",
        Plover::Cooperate => "COOPERATE",
        Plover::Aid => "AID",
        Plover::Retreat => "RETREAT",
        Plover::Request => "REQUEST",
        Plover::Accuse => "ACCUSE",
        Plover::Reject => "REJECT",
        Plover::Threaten => "THREATEN",
        Plover::Protest => "PROTEST",
        Plover::Sanction => "SANCTION",
        Plover::Mobilize => "MOBILIZE",
        Plover::Coerce => "COERCE",
        Plover::Assault => "ASSAULT",
        Plover::None => "NONE",
    }
}

/// Lookups the exports share: entities by id, articles by key.
pub(crate) struct Index<'a> {
    entities: HashMap<&'a str, &'a RecordEntity>,
    articles: HashMap<&'a str, &'a ExportArticle>,
}

impl<'a> Index<'a> {
    pub(crate) fn new(record: &'a Record, articles: &'a [ExportArticle]) -> Index<'a> {
        Index {
            entities: record
                .entities
                .iter()
                .map(|entity| (entity.id.as_str(), entity))
                .collect(),
            articles: articles
                .iter()
                .map(|article| (article.key.as_str(), article))
                .collect(),
        }
    }

    pub(crate) fn entity(&self, id: &str) -> Option<&'a RecordEntity> {
        self.entities.get(id).copied()
    }

    pub(crate) fn article(&self, key: &str) -> Option<&'a ExportArticle> {
        self.articles.get(key).copied()
    }

    /// The entity's name, or its id when the record does not hold it.
    fn name<'s>(&self, id: &'s str) -> &'s str
    where
        'a: 's,
    {
        self.entity(id).map_or(id, |entity| entity.name.as_str())
    }

    fn names(&self, ids: &[String]) -> Option<String> {
        join(ids.iter().map(|id| self.name(id)))
    }

    /// Distinct alpha-3 country codes of the entities (a country's own code).
    fn countries(&self, ids: &[String]) -> Option<String> {
        let mut codes: Vec<&str> = Vec::new();
        for id in ids {
            if let Some(code) = self.entity(id).and_then(|entity| entity.country.as_deref())
                && !codes.contains(&code)
            {
                codes.push(code);
            }
        }
        join(codes.into_iter())
    }
}

/// Joins with [`LIST_SEPARATOR`]; `None` for no items.
pub(crate) fn join<'s>(items: impl Iterator<Item = &'s str>) -> Option<String> {
    let joined = items.collect::<Vec<_>>().join(LIST_SEPARATOR);
    (!joined.is_empty()).then_some(joined)
}

fn date_string(date: Option<PartialDate>) -> Option<String> {
    date.map(|date| date.to_string())
}

impl EventRow {
    fn new(index: &Index<'_>, fact: &Fact, support: &Support) -> EventRow {
        let article = index.article(&support.article);
        let from_article =
            |field: fn(&ExportArticle) -> Option<&String>| article.and_then(field).cloned();
        EventRow {
            fact_id: fact.id.clone(),
            event_type: fact.event_type.as_str().to_string(),
            plover: plover_name(fact.plover).to_string(),
            polarity: Polarity::of(fact.plover).as_str().to_string(),
            report_event_type: support.event_type.as_str().to_string(),
            source_names: index.names(&fact.source),
            source_ids: join(fact.source.iter().map(String::as_str)),
            source_countries: index.countries(&fact.source),
            target_names: index.names(&fact.target),
            target_ids: join(fact.target.iter().map(String::as_str)),
            target_countries: index.countries(&fact.target),
            equipment_names: index.names(&support.equipment),
            equipment_ids: join(support.equipment.iter().map(String::as_str)),
            date: date_string(support.date),
            date_text: support.date_text.clone(),
            fact_date: date_string(fact.date),
            modality: support.modality.as_str().to_string(),
            outlet: support
                .outlet
                .clone()
                .or_else(|| from_article(|article| article.outlet.as_ref())),
            url: support
                .url
                .clone()
                .or_else(|| from_article(|article| article.url.as_ref())),
            file: support
                .file
                .clone()
                .or_else(|| from_article(|article| article.file.as_ref())),
            published: date_string(
                support
                    .published
                    .or_else(|| article.and_then(|article| article.published)),
            ),
            title: from_article(|article| article.title.as_ref()),
            article: support.article.clone(),
            story: support.story.clone(),
            sentence: support.evidence.clone(),
            sentence_index: count(support.sentence),
            fact_supports: count(fact.supports.len()),
            fact_stories: count(fact.stories),
            fact_outlets: count(fact.outlets),
            fact_contradictions: count(fact.contradictions.len()),
        }
    }
}

fn count(value: usize) -> i64 {
    i64::try_from(value).unwrap_or(i64::MAX)
}

/// The event table of a record: facts in record order, each fact's supports in order.
pub(crate) fn event_rows(record: &Record, articles: &[ExportArticle]) -> Vec<EventRow> {
    let index = Index::new(record, articles);
    record
        .facts
        .iter()
        .flat_map(|fact| {
            fact.supports
                .iter()
                .map(|support| EventRow::new(&index, fact, support))
                .collect::<Vec<_>>()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_names_are_unique_and_accessors_match_kinds() {
        let row = EventRow::default();
        for (position, column) in COLUMNS.iter().enumerate() {
            assert!(
                COLUMNS[..position]
                    .iter()
                    .all(|earlier| earlier.name != column.name),
                "{} twice",
                column.name
            );
            match (column.kind, column.get(&row)) {
                (ColumnKind::Text, Cell::Text(_)) | (ColumnKind::Int, Cell::Int(_)) => {}
                _ => panic!("{} has the wrong kind", column.name),
            }
        }
    }
}
