//! A small record: two countries, a person whose name needs escaping everywhere, an
//! organization in no fact, and equipment; an arms transfer reported twice and a
//! symmetric agreement reported once. One report of the transfer codes it as a sibling
//! type (military cooperation).

use pw_export::ExportArticle;
use pw_model::{EntityKind, EventId, EventType, Modality, PartialDate, Span};
use pw_record::{Fact, Record, RecordEntity, RoleSeen, Story, Support};

/// A name with markup characters, quotes, a comma and a line break.
pub const AWKWARD_NAME: &str = "Ali \"the <Fox>\" & Sons, Jr.\nsecond line";
/// An evidence sentence with the same trouble.
pub const AWKWARD_SENTENCE: &str =
    "\"We will deliver,\" he said, adding <more> & more;\nthe Su-35s arrive \"soon\".";

fn day(year: i32, month: u8, day: u8) -> Option<PartialDate> {
    Some(PartialDate::Day { year, month, day })
}

fn entity(id: &str, kind: EntityKind, name: &str, country: Option<&str>) -> RecordEntity {
    RecordEntity {
        id: id.to_string(),
        kind,
        name: name.to_string(),
        aliases: vec![name.to_string()],
        country: country.map(str::to_string),
        roles: Vec::new(),
        members: Vec::new(),
        sightings: Vec::new(),
        merges: Vec::new(),
    }
}

fn support(article: &str, story: &str, outlet: &str, evidence: &str) -> Support {
    Support {
        article: article.to_string(),
        event: EventId(0),
        story: story.to_string(),
        outlet: Some(outlet.to_string()),
        url: Some(format!("https://example.org/{article}")),
        file: None,
        published: day(2023, 7, 21),
        event_type: EventType::TransferArms,
        modality: Modality::Asserted,
        date: day(2023, 7, 20),
        date_text: Some("Thursday".to_string()),
        equipment: vec!["E5".to_string()],
        evidence: evidence.to_string(),
        span: Span::new(0, evidence.len()),
        sentence: 3,
        source: Vec::new(),
        target: Vec::new(),
    }
}

pub fn record() -> Record {
    let mut person = entity("E3", EntityKind::Person, AWKWARD_NAME, Some("IRN"));
    person.aliases.push("Ali".to_string());
    person.roles.push(RoleSeen {
        role: "Defense Minister".to_string(),
        article: "a3".to_string(),
        date: day(2023, 8, 1),
    });
    let mut sibling_report = support("a2", "S2", "AP, \"Inc.\"", AWKWARD_SENTENCE);
    sibling_report.event_type = EventType::CooperateMilitary;
    let transfer = Fact {
        id: "F1".to_string(),
        event_type: EventType::TransferArms,
        plover: EventType::TransferArms.plover(),
        source: vec!["E1".to_string()],
        target: vec!["E2".to_string()],
        equipment: vec!["E5".to_string()],
        date: day(2023, 7, 20),
        supports: vec![
            support(
                "a1",
                "S1",
                "Reuters",
                "Russia delivered Su-35 jets to Iran.",
            ),
            sibling_report,
        ],
        outlets: 2,
        stories: 2,
        strongest: Modality::Asserted,
        weakest: Modality::Asserted,
        first_reported: day(2023, 7, 21),
        last_reported: day(2023, 7, 21),
        contradictions: Vec::new(),
    };
    let mut agreement_support = support(
        "a3",
        "S3",
        "IRNA",
        "The minister signed a pact with Russia.",
    );
    agreement_support.event_type = EventType::Agree;
    agreement_support.equipment.clear();
    agreement_support.date = Some(PartialDate::Month {
        year: 2023,
        month: 8,
    });
    agreement_support.modality = Modality::Reported;
    let agreement = Fact {
        id: "F2".to_string(),
        event_type: EventType::Agree,
        plover: EventType::Agree.plover(),
        source: vec!["E3".to_string()],
        target: vec!["E1".to_string()],
        equipment: Vec::new(),
        date: Some(PartialDate::Month {
            year: 2023,
            month: 8,
        }),
        supports: vec![agreement_support],
        outlets: 1,
        stories: 1,
        strongest: Modality::Reported,
        weakest: Modality::Reported,
        first_reported: day(2023, 8, 2),
        last_reported: day(2023, 8, 2),
        contradictions: Vec::new(),
    };
    Record {
        entities: vec![
            entity("E1", EntityKind::Country, "Russia", Some("RUS")),
            entity("E2", EntityKind::Country, "Iran", Some("IRN")),
            person,
            entity(
                "E4",
                EntityKind::Organization,
                "Rosoboronexport",
                Some("RUS"),
            ),
            entity("E5", EntityKind::Equipment, "Su-35", Some("RUS")),
        ],
        stories: vec![
            Story {
                id: "S1".to_string(),
                articles: vec!["a1".to_string()],
                links: Vec::new(),
            },
            Story {
                id: "S2".to_string(),
                articles: vec!["a2".to_string()],
                links: Vec::new(),
            },
            Story {
                id: "S3".to_string(),
                articles: vec!["a3".to_string()],
                links: Vec::new(),
            },
        ],
        facts: vec![transfer, agreement],
    }
}

pub fn articles() -> Vec<ExportArticle> {
    ["a1", "a2", "a3"]
        .iter()
        .map(|key| ExportArticle {
            key: key.to_string(),
            url: Some(format!("https://example.org/{key}")),
            file: Some(format!("corpus/{key}.html")),
            outlet: None,
            title: Some(format!("Title of {key} <&\">")),
            published: day(2023, 7, 21),
        })
        .collect()
}

/// The export as bytes.
pub fn export(format: pw_export::Format) -> Vec<u8> {
    let mut out = Vec::new();
    pw_export::write(format, &record(), &articles(), &mut out).unwrap();
    out
}

/// The export as text.
pub fn export_text(format: pw_export::Format) -> String {
    String::from_utf8(export(format)).unwrap()
}
