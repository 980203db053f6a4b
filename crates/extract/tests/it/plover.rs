//! One plain sentence per PLOVER type (`test_data/plover_types.tsv`) is coded with its
//! type, source and target.

use pw_extract::Extractor;
use pw_ingest::{Options, read_bytes};
use pw_model::{EntityId, Extraction};

fn countries(extraction: &Extraction, ids: &[EntityId]) -> Vec<String> {
    let mut codes: Vec<String> = ids
        .iter()
        .filter_map(|&id| {
            extraction
                .entity(id)
                .and_then(|entity| entity.country.clone())
        })
        .collect();
    codes.sort();
    codes.dedup();
    codes
}

fn expected(field: &str) -> Vec<String> {
    let mut codes: Vec<String> = field
        .split(',')
        .filter(|code| !code.is_empty())
        .map(str::to_string)
        .collect();
    codes.sort();
    codes
}

/// Codes every sentence of a table and returns the PLOVER types seen, or panics with
/// every sentence that did not give its event.
fn code_table(table: &str, language: Option<&str>) -> Vec<String> {
    let extractor = Extractor::new();
    let mut seen = Vec::new();
    let mut failures = Vec::new();
    for line in table
        .lines()
        .filter(|line| !line.starts_with('#') && !line.is_empty())
    {
        let columns: Vec<&str> = line.split('\t').collect();
        let (plover, event_type, sentence) = (columns[0], columns[1], columns[2]);
        let (source, target) = (
            expected(columns[3]),
            expected(columns.get(4).unwrap_or(&"")),
        );
        let out = read_bytes("case.txt", sentence.as_bytes(), None, &Options::default());
        let mut document = out.documents[0].clone();
        document.meta.language = language.map(str::to_string);
        let extraction = extractor.extract(&document);
        let found = extraction.events.iter().find(|event| {
            event.event_type.as_str() == event_type
                && countries(&extraction, &event.source) == source
                && countries(&extraction, &event.target) == target
        });
        let coded: Vec<String> = extraction
            .events
            .iter()
            .map(|event| {
                format!(
                    "{} {:?}->{:?}",
                    event.event_type.as_str(),
                    countries(&extraction, &event.source),
                    countries(&extraction, &event.target)
                )
            })
            .collect();
        match found {
            Some(event) => {
                assert_eq!(format!("{:?}", event.plover).to_uppercase(), plover);
                seen.push(plover.to_string());
            }
            None => failures.push(format!(
                "{plover}: {sentence:?} should give {event_type} {source:?}->{target:?}, got {coded:?}"
            )),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    seen.sort();
    seen.dedup();
    seen
}

#[test]
fn every_plover_type_codes_a_plain_sentence() {
    let seen = code_table(include_str!("../../test_data/plover_types.tsv"), None);
    assert_eq!(seen.len(), 16, "one sentence per PLOVER type");
}

#[test]
fn every_plover_type_codes_plain_spanish_sentences() {
    let seen = code_table(
        include_str!("../../test_data/plover_types_es.tsv"),
        Some("es"),
    );
    assert_eq!(seen.len(), 16, "sentences for every PLOVER type");
}
