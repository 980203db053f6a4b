//! FollowTheMoney entities (<https://followthemoney.tech>), one JSON object per line, as
//! `ftm` and Aleph import them: `{"id", "schema", "properties": {name: [values]}}`.
//!
//! Schema choices (FtM has no schema for a state as an actor):
//! - person → `Person` (roles as `position`), organization → `Organization`;
//! - country → `PublicBody` with topic `gov.national`: a country acting in the news is
//!   its government, and `Event.involved` only accepts legal entities;
//! - locations and equipment are not legal entities and get no entity of their own;
//!   equipment names go into the fact's `keywords`;
//! - article → `Article` (title, publishedAt, publisher, sourceUrl, fileName);
//! - fact → `Event`: `organizer` = the sources of a directed fact, `involved` = every
//!   party, `proof` = the supporting articles, `summary` = the first evidence sentence.
//!
//! Countries are lowercase ISO 3166-1 alpha-2; dates only where FtM's date type accepts
//! them (day, month or year precision). Ids are the record's, prefixed with `pw-`.

use crate::countries::alpha2;
use crate::rows::{Index, plover_name};
use crate::{ExportArticle, ExportError};
use pw_model::{EntityKind, PartialDate};
use pw_record::{Fact, Record, RecordEntity};
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::Write;

#[derive(Serialize)]
struct FtmEntity {
    id: String,
    schema: &'static str,
    properties: BTreeMap<&'static str, Vec<String>>,
}

impl FtmEntity {
    fn new(id: String, schema: &'static str) -> FtmEntity {
        FtmEntity {
            id,
            schema,
            properties: BTreeMap::new(),
        }
    }

    /// Adds values, skipping empty ones and ones already there.
    fn add<S: AsRef<str>>(&mut self, property: &'static str, values: impl IntoIterator<Item = S>) {
        for value in values {
            let value = value.as_ref().trim();
            if value.is_empty() {
                continue;
            }
            let slot = self.properties.entry(property).or_default();
            if !slot.iter().any(|existing| existing == value) {
                slot.push(value.to_string());
            }
        }
        if self
            .properties
            .get(property)
            .is_some_and(|values| values.is_empty())
        {
            self.properties.remove(property);
        }
    }
}

fn entity_id(id: &str) -> String {
    format!("pw-{id}")
}

fn article_id(key: &str) -> String {
    format!("pw-article-{key}")
}

/// The FtM schema of a record entity, or `None` when it has no legal-entity schema.
fn schema_of(kind: EntityKind) -> Option<&'static str> {
    match kind {
        EntityKind::Person => Some("Person"),
        EntityKind::Organization => Some("Organization"),
        EntityKind::Country => Some("PublicBody"),
        EntityKind::Location | EntityKind::Equipment => None,
    }
}

fn ftm_country(alpha3: Option<&str>) -> Option<String> {
    alpha3
        .and_then(alpha2)
        .map(|code| code.to_ascii_lowercase())
}

/// A date FtM's date type accepts.
fn ftm_date(date: Option<PartialDate>) -> Option<String> {
    date.filter(|date| {
        matches!(
            date,
            PartialDate::Day { .. } | PartialDate::Month { .. } | PartialDate::Year { .. }
        )
    })
    .map(|date| date.to_string())
}

fn entity(record_entity: &RecordEntity) -> Option<FtmEntity> {
    let schema = schema_of(record_entity.kind)?;
    let mut ftm = FtmEntity::new(entity_id(&record_entity.id), schema);
    ftm.add("name", [&record_entity.name]);
    ftm.add(
        "alias",
        record_entity
            .aliases
            .iter()
            .filter(|alias| **alias != record_entity.name),
    );
    ftm.add("country", ftm_country(record_entity.country.as_deref()));
    match record_entity.kind {
        EntityKind::Person => {
            ftm.add(
                "position",
                record_entity.roles.iter().map(|role| &role.role),
            );
        }
        EntityKind::Country => ftm.add("topics", ["gov.national"]),
        _ => {}
    }
    Some(ftm)
}

fn article(article: &ExportArticle) -> FtmEntity {
    let mut ftm = FtmEntity::new(article_id(&article.key), "Article");
    ftm.add("title", &article.title);
    ftm.add("publishedAt", ftm_date(article.published));
    ftm.add("publisher", &article.outlet);
    ftm.add("sourceUrl", &article.url);
    ftm.add("fileName", &article.file);
    ftm
}

fn event(index: &Index<'_>, fact: &Fact, articles_known: &dyn Fn(&str) -> bool) -> FtmEntity {
    let mut ftm = FtmEntity::new(entity_id(&fact.id), "Event");
    let legal = |id: &&String| {
        index
            .entity(id)
            .is_some_and(|entity| schema_of(entity.kind).is_some())
    };
    let name_of = |id: &String| {
        index
            .entity(id)
            .map_or(id.clone(), |entity| entity.name.clone())
    };
    let sources: Vec<String> = fact.source.iter().map(name_of).collect();
    let targets: Vec<String> = fact.target.iter().map(name_of).collect();
    let mut name = format!("{}: {}", fact.event_type, sources.join(", "));
    if !targets.is_empty() {
        name.push_str(" → ");
        name.push_str(&targets.join(", "));
    }
    ftm.add("name", [name]);
    ftm.add("date", ftm_date(fact.date));
    ftm.add(
        "summary",
        fact.supports.first().map(|support| &support.evidence),
    );
    if !fact.event_type.is_symmetric() {
        ftm.add(
            "organizer",
            fact.source.iter().filter(legal).map(|id| entity_id(id)),
        );
    }
    ftm.add(
        "involved",
        fact.source
            .iter()
            .chain(&fact.target)
            .filter(legal)
            .map(|id| entity_id(id)),
    );
    ftm.add(
        "country",
        fact.source
            .iter()
            .chain(&fact.target)
            .filter_map(|id| ftm_country(index.entity(id)?.country.as_deref())),
    );
    ftm.add(
        "keywords",
        [
            fact.event_type.as_str().to_string(),
            plover_name(fact.plover).to_string(),
        ]
        .into_iter()
        .chain(fact.equipment.iter().map(name_of)),
    );
    ftm.add(
        "sourceUrl",
        fact.supports
            .iter()
            .filter_map(|support| support.url.as_ref()),
    );
    ftm.add(
        "publisher",
        fact.supports
            .iter()
            .filter_map(|support| support.outlet.as_ref()),
    );
    ftm.add(
        "proof",
        fact.supports
            .iter()
            .filter(|support| articles_known(&support.article))
            .map(|support| article_id(&support.article)),
    );
    ftm.add(
        "notes",
        [format!(
            "{} reports in {} stories from {} outlets; modality {} to {}",
            fact.supports.len(),
            fact.stories,
            fact.outlets,
            fact.strongest,
            fact.weakest
        )],
    );
    ftm
}

fn line(out: &mut dyn Write, entity: &FtmEntity) -> Result<(), ExportError> {
    serde_json::to_writer(&mut *out, entity)?;
    out.write_all(b"\n")?;
    Ok(())
}

pub(crate) fn write(
    record: &Record,
    articles: &[ExportArticle],
    out: &mut dyn Write,
) -> Result<(), ExportError> {
    let index = Index::new(record, articles);
    for record_entity in &record.entities {
        if let Some(ftm) = entity(record_entity) {
            line(out, &ftm)?;
        }
    }
    for export_article in articles {
        line(out, &article(export_article))?;
    }
    let articles_known = |key: &str| index.article(key).is_some();
    for fact in &record.facts {
        line(out, &event(&index, fact, &articles_known))?;
    }
    Ok(())
}
