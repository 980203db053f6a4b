//! English speakers that need more than the clause of the quote: "he added" carries on
//! the speaker before, a name inside a quote is not who speaks next, and a place after
//! a preposition is not a speaker.

use pw_extract::Extractor;
use pw_model::{Document, Extraction};

fn speakers(text: &str) -> Vec<(String, String)> {
    let document = Document {
        text: text.to_string(),
        ..Document::default()
    };
    let extraction: Extraction = Extractor::new().extract(&document);
    extraction
        .quotes
        .iter()
        .map(|quote| {
            (
                quote.text.chars().take(12).collect(),
                quote
                    .speaker
                    .and_then(|id| extraction.entity(id))
                    .map_or_else(String::new, |entity| entity.name.clone()),
            )
        })
        .collect()
}

#[test]
fn he_added_is_the_speaker_before() {
    assert_eq!(
        speakers(
            "Foreign Minister Sergey Lavrov spoke in Geneva on Friday.\n\nLavrov said: \"We \
             will not accept what Antony Blinken proposed.\"\n\n\"The talks were useful,\" he \
             added."
        ),
        [
            ("We will not ".to_string(), "Sergey Lavrov".to_string()),
            ("The talks we".to_string(), "Sergey Lavrov".to_string()),
        ]
    );
}

#[test]
fn a_place_after_a_preposition_is_not_the_speaker() {
    assert_eq!(
        speakers("Thousands of protesters gathered in Venezuela and said \"we want peace\"."),
        [("we want peac".to_string(), String::new())]
    );
}
