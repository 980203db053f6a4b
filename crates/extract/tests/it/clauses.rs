//! What an event takes from the clause around its trigger beyond the names in it: a
//! personal pronoun stands for the person named before it, "the two countries" for the
//! two named last, a date at the sentence start is not a preposition over the subject,
//! a subject-only act has no passive, and a modality cue inside a speaker's quote does
//! not reach a trigger outside it.

use pw_extract::Extractor;
use pw_model::{Document, Event, Extraction};

fn extract(text: &str) -> Extraction {
    let document = Document {
        text: text.to_string(),
        ..Document::default()
    };
    Extractor::new().extract(&document)
}

fn first_of<'a>(extraction: &'a Extraction, type_name: &str) -> &'a Event {
    extraction
        .events
        .iter()
        .find(|event| event.event_type.as_str() == type_name)
        .unwrap_or_else(|| panic!("no {type_name} event: {extraction:?}"))
}

/// The modality of the first event of `type_name` coded in `text`.
fn modality(text: &str, type_name: &str) -> String {
    first_of(&extract(text), type_name).modality.to_string()
}

fn names(extraction: &Extraction, event: &Event) -> Vec<String> {
    let mut names: Vec<String> = event
        .source
        .iter()
        .chain(&event.target)
        .filter_map(|&id| extraction.entity(id))
        .map(|entity| entity.name.clone())
        .collect();
    names.sort();
    names
}

#[test]
fn a_subject_pronoun_is_the_person_named_before() {
    let extraction = extract(
        "U.S. Navy Adm. Craig Faller wrapped up a trip to Colombia on Friday. In Bogota, he \
         met with Colombian Defense Minister Diego Molano.",
    );
    let meet = first_of(&extraction, "meet");
    let names = names(&extraction, meet);
    assert!(
        names.contains(&"Craig Faller".to_string()) && names.contains(&"Diego Molano".to_string()),
        "{names:?}"
    );
}

#[test]
fn a_pronoun_inside_a_quote_is_not_resolved() {
    // "he" in the quote is someone the speaker talks about, not Craig Faller.
    let extraction = extract(
        "U.S. Navy Adm. Craig Faller spoke on Friday. \"If he met Maduro, Venezuela would \
         gain,\" Faller said.",
    );
    assert!(
        extraction
            .events
            .iter()
            .filter(|event| event.event_type.as_str() == "meet")
            .all(|event| !names(&extraction, event).contains(&"Craig Faller".to_string())),
        "{:?}",
        extraction.events
    );
}

#[test]
fn a_cue_in_a_quote_does_not_reach_past_it() {
    // Told by Trump ("said"), and not planned for all the "will" inside the quote.
    assert_eq!(
        modality(
            "President Donald Trump spoke on Tuesday. \"We strongly responded, and always will,\" \
             Trump said, before accusing Iran of orchestrating the attack.",
            "accuse"
        ),
        "reported"
    );
}

#[test]
fn a_quoted_term_with_no_speaker_keeps_the_cue_before_it() {
    assert_eq!(
        modality(
            "The opposition urged \"millions\" of Venezuelans to protest against the government \
             on Thursday.",
            "protest"
        ),
        "planned"
    );
}

#[test]
fn a_date_at_the_sentence_start_does_not_hide_the_subject() {
    // Neither "In March" as a preposition over the subject nor "week" as a verb with the
    // subject for its object.
    for text in [
        "In March Germany signed an agreement with Ukraine.",
        "Last week Germany signed an agreement with Ukraine.",
        "On Tuesday the Germans signed an agreement with Ukraine.",
    ] {
        let extraction = extract(text);
        let agree = first_of(&extraction, "agree");
        assert_eq!(names(&extraction, agree), ["Germany", "Ukraine"], "{text}");
    }
}

#[test]
fn the_two_countries_are_the_two_named_last() {
    let extraction = extract(
        "Colombia and Peru signed a defense agreement on Monday. Both countries will hold \
         joint military exercises next year.",
    );
    let exercises = first_of(&extraction, "cooperate_military");
    assert_eq!(names(&extraction, exercises), ["Colombia", "Peru"]);
}

#[test]
fn ambos_paises_are_the_two_named_last() {
    // The language is detected from the text.
    let extraction = extract(
        "Bolivia y Perú firmaron un acuerdo de defensa el lunes. Ambos países realizarán \
         ejercicios militares conjuntos el próximo año.",
    );
    assert_eq!(extraction.language, "es");
    let exercises = first_of(&extraction, "mobilize");
    let names = names(&extraction, exercises);
    assert!(
        !names.is_empty() && names.iter().all(|name| name == "Bolivia" || name == "Peru"),
        "{names:?}"
    );
}

#[test]
fn protesters_who_are_gathered_are_not_the_target() {
    // "are gathered" is a state, not a passive: the demonstrators stay the source.
    let extraction = extract(
        "Thousands of Iraqi demonstrators are gathered outside the U.S. Embassy in Baghdad \
         in a mass protest against recent U.S. airstrikes.",
    );
    let protest = first_of(&extraction, "protest");
    let country = |ids: &[pw_model::EntityId]| -> Vec<String> {
        ids.iter()
            .filter_map(|&id| extraction.entity(id))
            .filter_map(|entity| entity.country.clone())
            .collect()
    };
    assert_eq!(country(&protest.source), ["IRQ"]);
    assert_eq!(country(&protest.target), ["USA"]);
}

#[test]
fn a_possessive_reaches_over_adjectives_to_its_noun() {
    let extraction = extract(
        "Venezuelan President Nicolás Maduro spoke on Monday. The opposition called protests \
         ahead of his planned inauguration on Friday.",
    );
    let inauguration = first_of(&extraction, "inaugurate");
    assert_eq!(names(&extraction, inauguration), ["Nicolás Maduro"]);
}

#[test]
fn a_cue_right_before_a_noun_trigger_speaks_for_it() {
    // "claimed" is further back: the inauguration is planned, not alleged.
    assert_eq!(
        modality(
            "Venezuelan President Nicolás Maduro claimed the individuals had plotted violent \
             actions ahead of his planned inauguration on Friday.",
            "inaugurate"
        ),
        "planned"
    );
}

#[test]
fn a_military_object_of_the_dictionary_needs_a_military_sentence() {
    // CAMEO's "continue * {&MILITARY ACTION}" is an attack only where the sentence is
    // military; "continue to take action" on schools is none.
    let civil = extract(
        "The administration of the United States will continue to take action to ensure \
         that schools are safe.",
    );
    assert!(
        civil
            .events
            .iter()
            .all(|event| event.event_type.as_str() != "attack"),
        "{:?}",
        civil.events
    );
    let military = extract(
        "The United States will continue to take military action against the rebels in \
         Yemen.",
    );
    first_of(&military, "attack");
}
