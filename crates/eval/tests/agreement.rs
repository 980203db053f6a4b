//! Agreement with the reference scorer `corpus/eval/score.py` on a small, deliberately
//! imperfect fixture (`test_data/gold.json`, `test_data/pred.jsonl`): missed and
//! spurious entities, a wrong date and modality, spurious events, a duplicate
//! prediction, a prediction keyed by `path`, a gold document without prediction, and
//! Python quirks (aliases given as a string, a source given as a string, numeric and
//! missing entity ids, `7` vs `7.0`).
//!
//! The expected files were produced once, by hand, with `test_data/regen_expected.sh`,
//! which runs `python3 corpus/eval/score.py gold.json PRED --json` (and without
//! `--json`, and with `-v`) on pred.jsonl minus its two lines that are not JSON
//! objects (score.py would stop at them; pw-eval reports and skips them). No Python
//! runs at test time.

use pw_eval::{parse_gold, parse_predictions, score};
use serde_json::Value;

const GOLD: &str = include_str!("../test_data/gold.json");
const PRED: &str = include_str!("../test_data/pred.jsonl");
const EXPECTED_JSON: &str = include_str!("../test_data/expected.json");
const EXPECTED_TEXT: &str = include_str!("../test_data/expected.txt");
const EXPECTED_VERBOSE: &str = include_str!("../test_data/expected_verbose.txt");

/// Keys per document that score.py's `--json` has (pw-eval adds two more).
const PY_DOC_KEYS: [&str; 12] = [
    "ent_recall",
    "ent_precision",
    "ev_core_recall",
    "ev_recall",
    "ev_precision",
    "dates",
    "modality",
    "quotes_found",
    "quote_speakers",
    "missed_entities",
    "spurious_entities",
    "missed_events",
];

fn report() -> pw_eval::Report {
    let gold = parse_gold(GOLD).expect("fixture gold parses");
    let (preds, errors) = parse_predictions(PRED);
    assert_eq!(preds.len(), 5);
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(errors[0].starts_with("line 2: "), "{errors:?}");
    assert_eq!(errors[1], "line 3: not a JSON object but an array");
    score(&gold, &preds)
}

#[test]
fn json_agrees_with_score_py() {
    let expected: Value = serde_json::from_str(EXPECTED_JSON).unwrap();
    let got = report().to_json();
    assert_eq!(got["total"], expected["total"]);
    let exp_docs = expected["documents"].as_object().unwrap();
    let got_docs = got["documents"].as_object().unwrap();
    assert_eq!(
        got_docs.keys().collect::<Vec<_>>(),
        exp_docs.keys().collect::<Vec<_>>()
    );
    for (file, exp) in exp_docs {
        let exp = exp.as_object().unwrap();
        assert_eq!(exp.len(), PY_DOC_KEYS.len());
        for key in PY_DOC_KEYS {
            assert_eq!(got_docs[file][key], exp[key], "{file} {key}");
        }
        assert!(got_docs[file]["missed_quotes"].is_array());
        assert!(got_docs[file]["spurious_events"].is_array());
    }
}

#[test]
fn text_agrees_with_score_py() {
    let r = report();
    assert_eq!(r.render(false), EXPECTED_TEXT);
    // `-v`: score.py's lines, plus pw-eval's missed quotes and spurious events lines.
    let verbose = r.render(true);
    let python_lines: String = verbose
        .lines()
        .filter(|l| !l.starts_with("   missed quotes:") && !l.starts_with("   spurious events:"))
        .map(|l| format!("{l}\n"))
        .collect();
    assert_eq!(python_lines, EXPECTED_VERBOSE);
}

#[test]
fn extra_lists_and_warnings() {
    let r = report();
    let a = &r.documents[0];
    assert_eq!(a.file, "a.txt");
    assert_eq!(
        a.missed_quotes,
        [
            "\"never said by anyone\" not found",
            "\"strasse\" wrong speaker: got NOVILLO, nobody",
        ]
    );
    assert_eq!(
        a.spurious_events,
        [
            "meet VEN->?: Venezuela will meet.",
            "attack USA->IRN: The US struck Iran.",
            "criticize BOL->?: Bolivia deplored it.",
        ]
    );
    let c = &r.documents[2];
    assert_eq!(c.spurious_events, ["restore_relations ?->IRN,VEN: "]);
    assert_eq!(c.missed_quotes, Vec::<String>::new());
    assert_eq!(
        r.warnings,
        [
            "prediction 3: a second one for c.txt (the first was 2); the later one counts",
            "prediction 5: no document.file, path or source; ignored",
            "b.txt: no prediction for this document; scored as empty",
            "zzz.txt: predicted but not in the gold; not scored",
        ]
    );
}

#[test]
fn malformed_parts_are_skipped_not_fatal() {
    let gold = parse_gold(GOLD).unwrap();
    let preds: Vec<Value> = serde_json::from_str(
        r#"[42, {"document": {"file": "a.txt"}, "entities": "nope",
             "events": ["oops", null, {"type": "agree", "source": 5, "target": [["BOL"]]}],
             "quotes": [null, {"speaker": ["x"], "text": null}]},
            {"document": null}]"#,
    )
    .unwrap();
    let r = score(&gold, &preds);
    let a = &r.documents[0];
    assert_eq!(a.metrics.entity_precision.total, 0);
    assert_eq!(a.metrics.event_precision.hit, 0);
    assert_eq!(a.metrics.event_precision.total, 3);
    assert_eq!(a.metrics.quotes_found.hit, 0);
    assert_eq!(a.spurious_events[0], "(not a JSON object)");
    assert!(r.warnings[0].starts_with("prediction 1: not a JSON object"));
}
