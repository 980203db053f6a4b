//! Hand-made articles for unit tests.

use crate::{ArticleInput, Corrections, Record, RecordEntity, build};
use pw_model::{
    DocumentMeta, Entity, EntityId, EntityKind, Event, EventId, EventType, Extraction, Mention,
    Modality, Span,
};

pub(crate) struct Article {
    pub key: String,
    pub meta: DocumentMeta,
    pub text: String,
    pub extraction: Extraction,
}

pub(crate) fn article(key: &str, published: Option<&str>, outlet: Option<&str>) -> Article {
    Article {
        key: key.to_string(),
        meta: DocumentMeta {
            published: published.map(|date| date.parse().expect("a test date")),
            outlet: outlet.map(str::to_string),
            ..DocumentMeta::default()
        },
        text: format!("article {key}"),
        extraction: Extraction::default(),
    }
}

impl Article {
    pub fn entity(
        &mut self,
        kind: EntityKind,
        name: &str,
        aliases: &[&str],
        country: Option<&str>,
    ) -> EntityId {
        let id = EntityId(self.extraction.entities.len() as u32);
        let mut all: Vec<String> = vec![name.to_string()];
        all.extend(aliases.iter().map(|alias| alias.to_string()));
        self.extraction.entities.push(Entity {
            id,
            kind,
            name: name.to_string(),
            aliases: all,
            country: country.map(str::to_string),
            roles: Vec::new(),
            source: "test".to_string(),
            mentions: vec![Mention {
                span: Span::new(0, 1),
                text: name.to_string(),
                sentence: 0,
                named: true,
            }],
        });
        id
    }

    pub fn country(&mut self, name: &str, code: &str) -> EntityId {
        self.entity(EntityKind::Country, name, &[], Some(code))
    }

    pub fn event(
        &mut self,
        event_type: EventType,
        source: &[EntityId],
        target: &[EntityId],
        equipment: &[EntityId],
        date: Option<&str>,
        modality: Modality,
    ) -> EventId {
        let id = EventId(self.extraction.events.len() as u32);
        self.extraction.events.push(Event {
            id,
            event_type,
            plover: event_type.plover(),
            source: source.to_vec(),
            target: target.to_vec(),
            equipment: equipment.to_vec(),
            location: Vec::new(),
            date: date.map(|date| date.parse().expect("a test date")),
            date_text: date.map(str::to_string),
            modality,
            attributed_to: None,
            trigger: "trigger".to_string(),
            trigger_span: Span::new(0, 1),
            evidence: "evidence".to_string(),
            span: Span::new(0, 1),
            sentence: 0,
        });
        id
    }

    pub fn input(&self) -> ArticleInput<'_> {
        ArticleInput {
            key: &self.key,
            meta: &self.meta,
            text: &self.text,
            extraction: &self.extraction,
        }
    }
}

pub(crate) fn build_all(articles: &[Article], corrections: &Corrections) -> Record {
    let inputs: Vec<ArticleInput<'_>> = articles.iter().map(Article::input).collect();
    build(&inputs, corrections)
}

/// The record entity holding an article entity.
pub(crate) fn entity_of<'a>(record: &'a Record, article: &str, id: EntityId) -> &'a RecordEntity {
    record
        .entities
        .iter()
        .find(|entity| {
            entity
                .members
                .iter()
                .any(|member| member.article == article && member.entity == id)
        })
        .expect("every article entity is in one record entity")
}

pub(crate) fn same(record: &Record, a: (&str, EntityId), b: (&str, EntityId)) -> bool {
    entity_of(record, a.0, a.1).id == entity_of(record, b.0, b.1).id
}
