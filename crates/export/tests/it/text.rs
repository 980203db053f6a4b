//! JSON Lines and FollowTheMoney.

use crate::fixture::{AWKWARD_NAME, export_text, record};
use pw_export::Format;
use pw_record::{Fact, RecordEntity};
use serde_json::Value;
use std::collections::HashSet;

fn lines(format: Format) -> Vec<Value> {
    export_text(format)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

#[test]
fn jsonl_tags_every_line_and_round_trips_the_record() {
    let lines = lines(Format::Jsonl);
    let count = |kind: &str| lines.iter().filter(|line| line["type"] == kind).count();
    assert_eq!(count("article"), 3);
    assert_eq!(count("entity"), 5);
    assert_eq!(count("story"), 3);
    assert_eq!(count("fact"), 2);
    assert_eq!(lines.len(), 13);

    let record = record();
    let entities: Vec<RecordEntity> = lines
        .iter()
        .filter(|line| line["type"] == "entity")
        .map(|line| serde_json::from_value(line.clone()).unwrap())
        .collect();
    assert_eq!(entities, record.entities);
    let facts: Vec<Fact> = lines
        .iter()
        .filter(|line| line["type"] == "fact")
        .map(|line| serde_json::from_value(line.clone()).unwrap())
        .collect();
    assert_eq!(facts, record.facts);
}

/// The FtM schemata this export may use.
const SCHEMATA: &[&str] = &["Person", "Organization", "PublicBody", "Article", "Event"];

#[test]
fn ftm_entities_use_valid_schemata_and_resolve_their_references() {
    let lines = lines(Format::Ftm);
    let ids: HashSet<&str> = lines
        .iter()
        .map(|line| line["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), lines.len(), "ids are unique");
    for line in &lines {
        let schema = line["schema"].as_str().unwrap();
        assert!(SCHEMATA.contains(&schema), "{schema}");
        let properties = line["properties"].as_object().unwrap();
        for values in properties.values() {
            assert!(values.as_array().is_some_and(|values| !values.is_empty()));
        }
        for property in ["involved", "organizer", "proof"] {
            for reference in properties
                .get(property)
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                assert!(ids.contains(reference.as_str().unwrap()), "{reference}");
            }
        }
    }

    let by_id = |id: &str| lines.iter().find(|line| line["id"] == id).unwrap();
    // Equipment has no legal-entity schema; four entities, three articles, two facts.
    assert_eq!(lines.len(), 4 + 3 + 2);
    let person = by_id("pw-E3");
    assert_eq!(person["schema"], "Person");
    assert_eq!(person["properties"]["name"][0], AWKWARD_NAME);
    assert_eq!(person["properties"]["alias"][0], "Ali");
    assert_eq!(person["properties"]["country"][0], "ir");
    assert_eq!(person["properties"]["position"][0], "Defense Minister");
    let russia = by_id("pw-E1");
    assert_eq!(russia["schema"], "PublicBody");
    assert_eq!(russia["properties"]["country"][0], "ru");
    assert_eq!(by_id("pw-E4")["schema"], "Organization");

    let transfer = by_id("pw-F1");
    assert_eq!(transfer["schema"], "Event");
    assert_eq!(transfer["properties"]["date"][0], "2023-07-20");
    assert_eq!(transfer["properties"]["organizer"][0], "pw-E1");
    assert_eq!(
        transfer["properties"]["involved"].as_array().unwrap().len(),
        2
    );
    assert_eq!(transfer["properties"]["proof"].as_array().unwrap().len(), 2);
    assert!(
        transfer["properties"]["keywords"]
            .as_array()
            .unwrap()
            .contains(&Value::from("Su-35"))
    );
    // A symmetric fact has no organizer.
    assert!(by_id("pw-F2")["properties"].get("organizer").is_none());
    assert_eq!(by_id("pw-article-a2")["schema"], "Article");
}
