//! The date an event gets from a weekday in its sentence, against the publication date
//! (2024-03-27, a Wednesday).

use pw_extract::Extractor;
use pw_ingest::{Options, read_bytes};
use pw_model::{Event, PartialDate};

/// The first event of `type_name` coded in `sentence`.
fn first_event(sentence: &str, type_name: &str) -> Event {
    let out = read_bytes("case.txt", sentence.as_bytes(), None, &Options::default());
    let mut document = out.documents[0].clone();
    document.meta.published = Some("2024-03-27".parse().expect("a valid date"));
    let extraction = Extractor::new().extract(&document);
    extraction
        .events
        .iter()
        .find(|event| event.event_type.as_str() == type_name)
        .cloned()
        .unwrap_or_else(|| panic!("{sentence:?} codes no {type_name}: {extraction:?}"))
}

/// The date of the first event of `type_name` coded in `sentence`.
fn event_date(sentence: &str, type_name: &str) -> Option<PartialDate> {
    first_event(sentence, type_name).date
}

fn day(text: &str) -> Option<PartialDate> {
    Some(text.parse().expect("a valid date"))
}

#[test]
fn a_weekday_before_the_verb_dates_a_noun_event() {
    // "signed" governs "an agreement": it does not stand between the noun and its date.
    assert_eq!(
        event_date(
            "Argentina and Denmark on Tuesday signed an agreement.",
            "agree"
        ),
        day("2024-03-26")
    );
}

#[test]
fn a_sentence_initial_weekday_after_a_preposition_is_a_date() {
    assert_eq!(
        event_date(
            "On Tuesday, Argentina signed an agreement with Denmark.",
            "agree"
        ),
        day("2024-03-26")
    );
}

#[test]
fn a_planned_act_takes_the_next_weekday() {
    assert_eq!(
        event_date(
            "Iran will sign an agreement with Russia on Friday.",
            "agree"
        ),
        day("2024-03-29")
    );
    // Said on Monday, about an act to come: the weekday dates the telling.
    assert_eq!(
        event_date(
            "Iran on Monday said it will sign an agreement with Russia.",
            "agree"
        ),
        day("2024-03-25")
    );
    // Done on Friday: the last Friday.
    assert_eq!(
        event_date("Iran signed an agreement with Russia on Friday.", "agree"),
        day("2024-03-22")
    );
}

#[test]
fn an_act_dated_after_publication_is_planned() {
    let event = first_event(
        "Argentina and Denmark sign the final contract in April 2024.",
        "agree",
    );
    assert_eq!(event.date, day("2024-04"));
    assert_eq!(event.modality, pw_model::Modality::Planned);
}
