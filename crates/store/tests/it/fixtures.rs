//! Test inputs: the five seed articles, extracted once, and a small hand-made record.

use pw_extract::Extractor;
use pw_model::{
    Document, EntityId, EntityKind, EventId, EventType, Modality, PartialDate, Plover, Span,
};
use pw_record::{
    Contradiction, ContradictionKind, EntityRef, Fact, MergeReason, Record, RecordEntity, RoleSeen,
    Sighting, Story, Support,
};
use pw_store::NewArticle;
use std::path::PathBuf;
use std::sync::OnceLock;

pub const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus/seeds");

/// The seed articles as ingest and extraction give them (extracted once per process).
pub fn seeds() -> Vec<NewArticle> {
    static SEEDS_EXTRACTED: OnceLock<Vec<NewArticle>> = OnceLock::new();
    SEEDS_EXTRACTED
        .get_or_init(|| {
            let (files, errors) = pw_ingest::collect_inputs(&[PathBuf::from(SEEDS)]);
            assert!(errors.is_empty(), "{errors:?}");
            let extractor = Extractor::new();
            let options = pw_ingest::Options::default();
            let mut articles = Vec::new();
            for file in files {
                let output = pw_ingest::read_file(&file, &options);
                for document in output.documents {
                    let extraction = extractor.extract(&document);
                    articles.push(NewArticle::new(document, extraction, None));
                }
            }
            assert_eq!(articles.len(), 5, "the seed corpus has five articles");
            articles
        })
        .clone()
}

/// A new version of an article: same identity, other text, extracted again.
pub fn revised(article: &NewArticle, extra: &str) -> NewArticle {
    let mut document: Document = article.document.clone();
    document.text.push_str("\n\n");
    document.text.push_str(extra);
    let extraction = Extractor::new().extract(&document);
    let mut revised = NewArticle::new(document, extraction, None);
    revised.identity = article.identity.clone();
    revised
}

fn day(year: i32, month: u8, day: u8) -> PartialDate {
    PartialDate::Day { year, month, day }
}

fn support(article: &str, modality: Modality, date: PartialDate) -> Support {
    Support {
        article: article.to_string(),
        event: EventId(0),
        story: "S1".to_string(),
        outlet: Some("Bolivar Observer".to_string()),
        url: None,
        file: Some("seed.txt".to_string()),
        published: Some(day(2023, 7, 30)),
        event_type: EventType::Agree,
        modality,
        date: Some(date),
        date_text: Some("July 20".to_string()),
        equipment: vec!["E3".to_string()],
        evidence: "Iran and Bolivia signed a memorandum.".to_string(),
        span: Span::new(0, 37),
        sentence: 0,
        source: vec!["E1".to_string()],
        target: vec!["E2".to_string()],
    }
}

fn entity(id: &str, kind: EntityKind, name: &str, country: Option<&str>) -> RecordEntity {
    let member = EntityRef {
        article: "a1".to_string(),
        entity: EntityId(0),
    };
    RecordEntity {
        id: id.to_string(),
        kind,
        name: name.to_string(),
        aliases: vec![name.to_string()],
        country: country.map(str::to_string),
        roles: vec![RoleSeen {
            role: "minister".to_string(),
            article: "a1".to_string(),
            date: None,
        }],
        members: vec![member.clone()],
        sightings: vec![Sighting {
            article: "a1".to_string(),
            entity: EntityId(0),
            sentence: 2,
            span: Span::new(3, 9),
        }],
        merges: vec![MergeReason {
            a: member.clone(),
            b: member,
            reason: "same name and country".to_string(),
        }],
    }
}

/// A record with three entities, a story and two facts.
pub fn record() -> Record {
    Record {
        entities: vec![
            entity("E1", EntityKind::Country, "Iran", Some("IRN")),
            entity("E2", EntityKind::Country, "Bolivia", Some("BOL")),
            entity("E3", EntityKind::Equipment, "drones", None),
        ],
        stories: vec![Story {
            id: "S1".to_string(),
            articles: vec!["a1".to_string(), "a2".to_string()],
            links: Vec::new(),
        }],
        facts: vec![
            Fact {
                id: "F1".to_string(),
                event_type: EventType::Agree,
                plover: Plover::Agree,
                source: vec!["E1".to_string()],
                target: vec!["E2".to_string()],
                equipment: vec!["E3".to_string()],
                date: Some(day(2023, 7, 20)),
                supports: vec![
                    support("a1", Modality::Asserted, day(2023, 7, 20)),
                    support("a2", Modality::Reported, day(2023, 7, 19)),
                ],
                outlets: 1,
                stories: 1,
                strongest: Modality::Asserted,
                weakest: Modality::Reported,
                first_reported: Some(day(2023, 7, 30)),
                last_reported: Some(day(2023, 7, 30)),
                contradictions: vec![Contradiction {
                    kind: ContradictionKind::Date,
                    detail: "a1 says 2023-07-20, a2 says 2023-07-19".to_string(),
                    supports: vec![0, 1],
                }],
            },
            Fact {
                id: "F2".to_string(),
                event_type: EventType::TransferArms,
                plover: Plover::Aid,
                source: vec!["E1".to_string()],
                target: vec![],
                equipment: vec![],
                date: Some(PartialDate::Year { year: 2022 }),
                supports: vec![support("a2", Modality::Planned, day(2022, 1, 1))],
                outlets: 1,
                stories: 1,
                strongest: Modality::Planned,
                weakest: Modality::Planned,
                first_reported: None,
                last_reported: None,
                contradictions: vec![],
            },
        ],
    }
}
