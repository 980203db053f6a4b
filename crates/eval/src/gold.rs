//! The gold annotation file (`corpus/eval/seeds.gold.json`; format in
//! `corpus/eval/README.md`) and the JSON Lines prediction file, parsed.
//!
//! Gold fields that score.py indexes directly (`file`, `entities`, `events`, `quotes`,
//! an entity's `kind` and `name`, an event's `type`, `source`, `target` and `core`, a
//! quote's `speaker` and `text`) are required; the rest default when missing or null.

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

use crate::EvalError;

/// Modalities the gold may use (score.py's `GROUP` keys).
pub const MODALITIES: [&str; 6] = [
    "asserted",
    "reported",
    "alleged",
    "speculative",
    "planned",
    "denied",
];

/// The whole gold file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Gold {
    /// Format version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<Value>,
    /// Free-text description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub about: Option<String>,
    /// One entry per annotated article.
    pub documents: Vec<GoldDocument>,
    /// What a store merging documents must find (not scored by score.py).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub across_documents: Option<Value>,
}

/// One annotated article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoldDocument {
    /// The article's file name; predictions are matched on their basename.
    pub file: String,
    /// `YYYY-MM-DD` where known.
    #[serde(default)]
    pub published: Option<String>,
    /// Where the publication date comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published_note: Option<String>,
    /// Entities a careful analyst would pull out.
    pub entities: Vec<GoldEntity>,
    /// Events: who did what to whom.
    pub events: Vec<GoldEvent>,
    /// Quotes with their speakers.
    pub quotes: Vec<GoldQuote>,
    /// Page furniture lines (not scored).
    #[serde(
        default,
        deserialize_with = "null_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub boilerplate: Vec<String>,
}

/// A gold entity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoldEntity {
    /// `person`, `organization`, `country`, `location` or `equipment`.
    pub kind: String,
    /// Canonical name.
    pub name: String,
    /// Other names; any of them (or the name) matches.
    #[serde(default, deserialize_with = "null_default")]
    pub aliases: Vec<String>,
    /// ISO 3166-1 alpha-3 code of the entity's country.
    #[serde(default)]
    pub country: Option<String>,
    /// Offices and roles.
    #[serde(
        default,
        deserialize_with = "null_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub roles: Vec<String>,
    /// Neither rewarded nor penalised.
    #[serde(default, deserialize_with = "null_default")]
    pub optional: bool,
}

/// A gold event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoldEvent {
    /// Event type (`agree`, `transfer_arms`, ...).
    #[serde(rename = "type")]
    pub kind: String,
    /// ISO alpha-3 codes of the source actors' countries (empty: unconstrained).
    pub source: Vec<String>,
    /// ISO alpha-3 codes of the target actors' countries (empty: unconstrained).
    pub target: Vec<String>,
    /// `YYYY-MM-DD`, `YYYY-MM`, `YYYY` or `--MM-DD`.
    #[serde(default)]
    pub date: Option<String>,
    /// Equipment names (gold equipment entity names or aliases).
    #[serde(default, deserialize_with = "null_default")]
    pub equipment: Vec<String>,
    /// One of [`MODALITIES`].
    #[serde(default)]
    pub modality: Option<String>,
    /// Whether a system must find it (core recall).
    pub core: bool,
    /// The sentence that supports it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
    /// Annotator's note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A gold quote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoldQuote {
    /// Any of these names is the right speaker.
    pub speaker: Vec<String>,
    /// A snippet of the quoted words.
    pub text: String,
}

fn null_default<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Default + Deserialize<'de>,
{
    Ok(Option::<T>::deserialize(d)?.unwrap_or_default())
}

/// Parses a gold file. Fails on JSON that lacks a field score.py indexes directly, and
/// on an event modality outside [`MODALITIES`] (score.py would crash on it).
pub fn parse_gold(json: &str) -> Result<Gold, EvalError> {
    let gold: Gold = serde_json::from_str(json.trim_start_matches('\u{feff}'))?;
    for doc in &gold.documents {
        for (i, ev) in doc.events.iter().enumerate() {
            if let Some(m) = ev.modality.as_deref()
                && !m.is_empty()
                && !MODALITIES.contains(&m)
            {
                return Err(EvalError::Invalid(format!(
                    "{}: event {} ({}) has unknown modality {m:?}",
                    doc.file,
                    i + 1,
                    ev.kind
                )));
            }
        }
    }
    Ok(gold)
}

/// Splits text into lines as Python's text mode does (`\n`, `\r\n` and `\r` all end a line).
fn universal_lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        match rest.find(['\n', '\r']) {
            Some(i) => {
                let line = &rest[..i];
                let skip = if rest[i..].starts_with("\r\n") { 2 } else { 1 };
                rest = &rest[i + skip..];
                Some(line)
            }
            None => {
                let line = rest;
                rest = "";
                Some(line)
            }
        }
    })
}

/// Parses JSON Lines output: one JSON object per non-blank line. Lines that do not
/// parse, or parse to something other than an object, are skipped and reported as
/// `line N: why` (score.py would stop at the first of them).
pub fn parse_predictions(jsonl: &str) -> (Vec<Value>, Vec<String>) {
    let mut values = Vec::new();
    let mut errors = Vec::new();
    let text = jsonl.strip_prefix('\u{feff}').unwrap_or(jsonl);
    for (n, line) in universal_lines(text).enumerate() {
        let line = line.trim_matches(crate::text::is_space);
        if line.is_empty() {
            continue;
        }
        match serde_json::from_str::<Value>(line) {
            Ok(v @ Value::Object(_)) => values.push(v),
            Ok(v) => errors.push(format!(
                "line {}: not a JSON object but {}",
                n + 1,
                json_kind(&v)
            )),
            Err(e) => errors.push(format!("line {}: {e}", n + 1)),
        }
    }
    (values, errors)
}

/// A JSON value's kind, with an article, for messages.
pub(crate) fn json_kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_split_like_python() {
        let lines: Vec<&str> = universal_lines("a\nb\r\nc\rd\n\ne").collect();
        assert_eq!(lines, ["a", "b", "c", "d", "", "e"]);
        assert_eq!(universal_lines("").count(), 0);
        assert_eq!(universal_lines("x\n").collect::<Vec<_>>(), ["x"]);
    }

    #[test]
    fn predictions_report_bad_lines_and_keep_going() {
        let (v, e) = parse_predictions("{\"a\":1}\n\n  \n{broken\n[1]\r\n{\"b\":2}\n");
        assert_eq!(v.len(), 2);
        assert_eq!(e.len(), 2);
        assert!(e[0].starts_with("line 4: "), "{e:?}");
        assert_eq!(e[1], "line 5: not a JSON object but an array");
    }

    #[test]
    fn gold_rejects_unknown_modality_and_missing_fields() {
        let ok = r#"{"documents":[{"file":"a","entities":[],"quotes":[],
            "events":[{"type":"agree","source":[],"target":[],"core":true,"modality":"planned"}]}]}"#;
        assert!(parse_gold(ok).is_ok());
        let bad = ok.replace("planned", "maybe");
        assert!(matches!(parse_gold(&bad), Err(EvalError::Invalid(_))));
        let missing = ok.replace(r#""core":true,"#, "");
        assert!(matches!(parse_gold(&missing), Err(EvalError::Json(_))));
    }
}
