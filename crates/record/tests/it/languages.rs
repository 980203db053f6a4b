//! One event told in two languages: an English and a Spanish article of the same signing,
//! from two outlets, extracted by the real extractor, make one fact that counts both
//! outlets, and the country each names in its own language is one record entity.
//!
//! The articles are `test_data/languages/*.txt`; the outlet, publication date and
//! language are set here, as ingest would from metadata. The Spanish report comes in two
//! word orders: the object right after the verb ("firmaron un memorando ... el jueves en
//! Teherán"), and the time and place first ("firmaron el jueves en Teherán un
//! memorando"), which Spanish extraction reads with its longer window after a trigger.

use pw_extract::Extractor;
use pw_model::{
    Document, DocumentMeta, EntityId, EntityKind, EventType, Extraction, LanguageSource,
    PartialDate,
};
use pw_record::{ArticleInput, Corrections, Fact, Record, RecordEntity, build};
use std::path::PathBuf;
use std::sync::OnceLock;

const ENGLISH: &str = "en_example_times";
/// The Spanish report, object first.
const OBJECT_FIRST: &str = "es_object_first";
/// The Spanish report, time and place before the object.
const ADJUNCT_FIRST: &str = "es_adjunct_first";

struct Case {
    keys: Vec<&'static str>,
    extractions: Vec<Extraction>,
    record: Record,
}

fn document(file: &str, outlet: &str, language: &str) -> Document {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("test_data/languages")
        .join(format!("{file}.txt"));
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    Document {
        meta: DocumentMeta {
            file: Some(path.display().to_string()),
            outlet: Some(outlet.to_string()),
            published: Some("2023-07-21".parse().expect("a date")),
            language: Some(language.to_string()),
            language_from: LanguageSource::Metadata,
            format: Some("text".to_string()),
            ..DocumentMeta::default()
        },
        text,
        diagnostics: Vec::new(),
    }
}

fn extract(spanish: &'static str) -> Case {
    let documents = [
        document(ENGLISH, "Example Times", "en"),
        document(spanish, "Diario Ejemplo", "es"),
    ];
    let extractor = Extractor::new();
    let extractions: Vec<Extraction> = documents
        .iter()
        .map(|document| extractor.extract(document))
        .collect();
    let keys = vec![ENGLISH, spanish];
    let inputs: Vec<ArticleInput<'_>> = (0..keys.len())
        .map(|index| ArticleInput {
            key: keys[index],
            meta: &documents[index].meta,
            text: &documents[index].text,
            extraction: &extractions[index],
        })
        .collect();
    let record = build(&inputs, &Corrections::default());
    Case {
        keys,
        extractions,
        record,
    }
}

/// The English report and one Spanish report, extracted and recorded once for all tests.
fn case(spanish: &'static str) -> &'static Case {
    static OBJECT: OnceLock<Case> = OnceLock::new();
    static ADJUNCT: OnceLock<Case> = OnceLock::new();
    match spanish {
        OBJECT_FIRST => OBJECT.get_or_init(|| extract(OBJECT_FIRST)),
        ADJUNCT_FIRST => ADJUNCT.get_or_init(|| extract(ADJUNCT_FIRST)),
        other => panic!("no Spanish report {other}"),
    }
}

/// What the extractor and the record made of the two articles, for a failing assertion.
/// What the extractor and the record made of the two articles, for a failing assertion.
fn explain(case: &Case) -> String {
    let mut out = String::new();
    for (key, extraction) in case.keys.iter().zip(&case.extractions) {
        let name = |id: &EntityId| {
            extraction.entity(*id).map_or("?".to_string(), |entity| {
                format!("{} [{:?}]", entity.name, entity.country)
            })
        };
        out.push_str(&format!("{key}: language {}\n", extraction.language));
        for entity in &extraction.entities {
            out.push_str(&format!(
                "{key}: entity {:?} {} {:?} [{:?}]\n",
                entity.id, entity.kind, entity.name, entity.country
            ));
        }
        for event in &extraction.events {
            out.push_str(&format!(
                "{key}: event {} {:?} -> {:?} date {:?} ({:?}) trigger {:?}\n",
                event.event_type,
                event.source.iter().map(name).collect::<Vec<_>>(),
                event.target.iter().map(name).collect::<Vec<_>>(),
                event.date.map(|date| date.to_string()),
                event.date_text,
                event.trigger,
            ));
        }
    }
    for entity in &case.record.entities {
        out.push_str(&format!(
            "record entity {} {} {:?} [{:?}] members {:?}\n",
            entity.id, entity.kind, entity.name, entity.country, entity.members
        ));
    }
    for fact in &case.record.facts {
        out.push_str(&format!(
            "fact {} {} {:?} -> {:?} date {:?} outlets {} articles {:?}\n",
            fact.id,
            fact.event_type,
            fact.source,
            fact.target,
            fact.date.map(|date| date.to_string()),
            fact.outlets,
            fact.supports
                .iter()
                .map(|support| support.article.as_str())
                .collect::<Vec<_>>(),
        ));
    }
    out
}

fn entity<'a>(record: &'a Record, id: &str) -> &'a RecordEntity {
    record
        .entities
        .iter()
        .find(|entity| entity.id == id)
        .expect("a fact names record entities")
}

/// The country codes of a fact's sides, sorted.
fn countries(record: &Record, fact: &Fact) -> Vec<String> {
    let mut codes: Vec<String> = fact
        .source
        .iter()
        .chain(&fact.target)
        .filter_map(|id| entity(record, id).country.clone())
        .collect();
    codes.sort();
    codes.dedup();
    codes
}

/// The record entities holding an article's country entities of country `code`.
fn holding_country<'a>(case: &'a Case, article: &str, code: &str) -> Vec<&'a RecordEntity> {
    let index = case
        .keys
        .iter()
        .position(|key| *key == article)
        .expect("a known article");
    let ids: Vec<EntityId> = case.extractions[index]
        .entities
        .iter()
        .filter(|entity| {
            entity.kind == EntityKind::Country && entity.country.as_deref() == Some(code)
        })
        .map(|entity| entity.id)
        .collect();
    assert!(
        !ids.is_empty(),
        "{article} names the country {code}\n{}",
        explain(case)
    );
    let mut held: Vec<&RecordEntity> = case
        .record
        .entities
        .iter()
        .filter(|entity| {
            entity
                .members
                .iter()
                .any(|member| member.article == article && ids.contains(&member.entity))
        })
        .collect();
    held.sort_by(|a, b| a.id.cmp(&b.id));
    held.dedup_by(|a, b| a.id == b.id);
    held
}

fn read_in_their_languages(spanish: &'static str) {
    let case = case(spanish);
    assert_eq!(case.extractions[0].language, "en", "{}", explain(case));
    assert_eq!(case.extractions[1].language, "es", "{}", explain(case));
}

fn one_country_in_two_languages_is_one_record_entity(spanish: &'static str) {
    let case = case(spanish);
    for code in ["IRN", "BOL"] {
        let english = holding_country(case, ENGLISH, code);
        let in_spanish = holding_country(case, spanish, code);
        assert_eq!(english.len(), 1, "{code} in English\n{}", explain(case));
        assert_eq!(in_spanish.len(), 1, "{code} in Spanish\n{}", explain(case));
        assert_eq!(
            english[0].id,
            in_spanish[0].id,
            "{code}: one record entity across the languages\n{}",
            explain(case)
        );
    }
    let iran = holding_country(case, spanish, "IRN")[0];
    assert_eq!(iran.name, "Iran", "the canonical name\n{}", explain(case));
    assert!(
        iran.members.iter().any(|member| member.article == ENGLISH)
            && iran.members.iter().any(|member| member.article == spanish),
        "Iran and Irán are one entity\n{}",
        explain(case)
    );
}

fn one_signing_in_two_languages_is_one_fact_with_both_outlets(spanish: &'static str) {
    let case = case(spanish);
    let record = &case.record;
    let agreements: Vec<&Fact> = record
        .facts
        .iter()
        .filter(|fact| {
            fact.event_type == EventType::Agree
                && countries(record, fact) == ["BOL".to_string(), "IRN".to_string()]
        })
        .collect();
    assert_eq!(
        agreements.len(),
        1,
        "one agree fact between Bolivia and Iran\n{}",
        explain(case)
    );
    let fact = agreements[0];
    let mut supported_by: Vec<&str> = fact
        .supports
        .iter()
        .map(|support| support.article.as_str())
        .collect();
    supported_by.sort_unstable();
    supported_by.dedup();
    let mut both = [ENGLISH, spanish];
    both.sort_unstable();
    assert_eq!(supported_by, both, "both articles\n{}", explain(case));
    let mut outlets: Vec<&str> = fact
        .supports
        .iter()
        .filter_map(|support| support.outlet.as_deref())
        .collect();
    outlets.sort_unstable();
    outlets.dedup();
    assert_eq!(
        outlets,
        ["Diario Ejemplo", "Example Times"],
        "{}",
        explain(case)
    );
    assert_eq!(
        fact.outlets,
        2,
        "each outlet counted once\n{}",
        explain(case)
    );
    assert_eq!(fact.stories, 2, "two stories\n{}", explain(case));
    let thursday: PartialDate = "2023-07-20".parse().expect("a date");
    assert_eq!(
        fact.date,
        Some(thursday),
        "the Thursday before publication\n{}",
        explain(case)
    );
    for support in &fact.supports {
        assert_eq!(
            support.date,
            Some(thursday),
            "{} dates the signing\n{}",
            support.article,
            explain(case)
        );
    }
    assert!(
        fact.contradictions.is_empty(),
        "{:?}\n{}",
        fact.contradictions,
        explain(case)
    );
}

#[test]
fn dump_for_review() {
    // Not an assertion: `cargo test -p pw-record --test it languages -- --nocapture`.
    for spanish in [OBJECT_FIRST, ADJUNCT_FIRST] {
        println!("{}", explain(case(spanish)));
    }
}

#[test]
fn each_article_is_read_in_its_language() {
    read_in_their_languages(OBJECT_FIRST);
    read_in_their_languages(ADJUNCT_FIRST);
}

#[test]
fn iran_and_its_spanish_name_iran_are_one_record_entity() {
    one_country_in_two_languages_is_one_record_entity(OBJECT_FIRST);
    one_country_in_two_languages_is_one_record_entity(ADJUNCT_FIRST);
}

#[test]
fn one_signing_told_in_english_and_spanish_is_one_fact_with_both_outlets() {
    one_signing_in_two_languages_is_one_fact_with_both_outlets(OBJECT_FIRST);
}

#[test]
fn one_signing_with_time_and_place_before_the_object_is_one_fact_with_both_outlets() {
    one_signing_in_two_languages_is_one_fact_with_both_outlets(ADJUNCT_FIRST);
}
