//! Tests of the embedded model on plain sentences.

use super::*;

fn tag(sentence: &str) -> Vec<(String, NerKind)> {
    let words: Vec<&str> = sentence.split(' ').collect();
    let gazetteer = corpus::sentence_gazetteer(&words, Lexicon::builtin());
    Tagger::embedded()
        .tag(&words, &gazetteer)
        .into_iter()
        .map(|s| (words[s.start..s.end].join(" "), s.kind))
        .collect()
}

fn names(list: &[(&str, NerKind)]) -> Vec<(String, NerKind)> {
    list.iter().map(|&(s, k)| (s.to_owned(), k)).collect()
}

#[test]
fn a_kept_region_gets_the_names_it_gets_when_every_region_is_tagged() {
    let sentence = "Tomasz Kowalczyk , a spokesman for Polska Grupa Zbrojeniowa , said the contract with Hanwha Aerospace was final .";
    let words: Vec<&str> = sentence.split(' ').collect();
    let gazetteer = corpus::sentence_gazetteer(&words, Lexicon::builtin());
    let tagger = Tagger::embedded();
    let all = tagger.tag(&words, &gazetteer);
    assert_eq!(all.len(), 3);
    // Keep every region but the one of the first name.
    let first_end = all[0].end;
    let mut kept = Vec::new();
    tagger.tag_regions_into(&words, &gazetteer, |start, _| start >= first_end, &mut kept);
    assert_eq!(kept, all[1..]);
    let mut none = Vec::new();
    tagger.tag_regions_into(&words, &gazetteer, |_, _| false, &mut none);
    assert!(none.is_empty());
}

#[test]
fn embedded_model_tags_plain_sentences() {
    use NerKind::*;
    assert_eq!(
        tag(
            "Maria Fernanda Espinosa met officials of the Inter-American Development Bank in Quito ."
        ),
        names(&[
            ("Maria Fernanda Espinosa", Person),
            ("Inter-American Development Bank", Organization),
            ("Quito", Location),
        ])
    );
    assert_eq!(
        tag(
            "Tomasz Kowalczyk , a spokesman for Polska Grupa Zbrojeniowa , said the contract with Hanwha Aerospace was final ."
        ),
        names(&[
            ("Tomasz Kowalczyk", Person),
            ("Polska Grupa Zbrojeniowa", Organization),
            ("Hanwha Aerospace", Organization),
        ])
    );
    assert_eq!(
        tag(
            "Reports from the Stockholm International Peace Research Institute show that Iran supplied drones to Russia ."
        ),
        names(&[
            (
                "Stockholm International Peace Research Institute",
                Organization
            ),
            ("Iran", Location),
            ("Russia", Location),
        ])
    );
}

#[test]
fn lowercase_prose_has_no_names() {
    assert_eq!(
        tag("the minister said the talks would resume next week ."),
        vec![]
    );
}

#[test]
fn spans_are_sorted_disjoint_and_scored() {
    let words: Vec<&str> =
        "Gen. Tomas Ruiz of the Colombian army spoke with Reuters in Bogota on Friday ."
            .split(' ')
            .collect();
    let spans = Tagger::embedded().tag(&words, &[]);
    for pair in spans.windows(2) {
        assert!(pair[0].end <= pair[1].start);
    }
    for span in &spans {
        assert!(span.start < span.end && span.end <= words.len());
        assert!(span.score > 0.0 && span.score < 1.0);
    }
}

#[test]
fn gazetteer_spans_align_to_tokens() {
    let lexicon = Lexicon::from_sources(
        "Quito\tcapital\tQuito\tECU\t\nLebanon\tcountry\tLebanon\tLBN\t\n",
        "",
        "",
    )
    .unwrap();
    let text = "Lebanon-based envoys flew to Quito.";
    let mut tokens = Vec::new();
    pw_text::tokenize(text, pw_text::Span::new(0, text.len()), &mut tokens);
    let mut out = Vec::new();
    gazetteer_spans(&tokens, &lexicon.find_all(text), &lexicon, &mut out);
    assert_eq!(
        out,
        vec![GazetteerSpan {
            start: 4,
            end: 5,
            kind: EntryKind::Capital
        }]
    );
}

#[test]
fn spans_of_bio_tags() {
    let mut spans = Vec::new();
    for_each_span(&[1, 2, 0, 3, 5, 6, 2], |s, e, c| spans.push((s, e, c)));
    // B-PER I-PER O B-ORG B-LOC I-LOC I-PER(stray, opens its own span)
    assert_eq!(spans, vec![(0, 2, 0), (3, 4, 1), (4, 6, 2), (6, 7, 0)]);
}
