//! Acronyms that are not organizations: a disease code ("COVID-19"), and an acronym the
//! text defines by words that are no name ("the American Rescue Plan (ARP)"), wherever
//! it is used after; one defined by an organization's name stays that organization.

use pw_extract::Extractor;
use pw_model::{Document, EntityKind};

fn organizations(text: &str) -> Vec<String> {
    let document = Document {
        text: text.to_string(),
        ..Document::default()
    };
    let extraction = Extractor::new().extract(&document);
    let mut names: Vec<String> = extraction
        .entities
        .iter()
        .filter(|entity| entity.kind == EntityKind::Organization)
        .map(|entity| entity.name.clone())
        .collect();
    names.sort();
    names
}

#[test]
fn a_disease_code_is_not_an_organization() {
    assert!(organizations("The United States will send COVID-19 vaccines to Ghana.").is_empty());
}

#[test]
fn an_acronym_defined_by_plain_words_is_not_an_organization() {
    assert!(
        organizations(
            "The American Rescue Plan (ARP) gave states money. The ARP also funded schools."
        )
        .is_empty()
    );
}

#[test]
fn an_acronym_defined_by_an_organization_stays_one() {
    assert_eq!(
        organizations(
            "The Congressional Black Caucus (CBC) praised the President. The CBC met on \
             Monday."
        ),
        ["Congressional Black Caucus"]
    );
}
