//! Scores per document and in total, printed as score.py prints them (text, `-v`,
//! `--json`).

use std::collections::HashMap;
use std::fmt;

use serde_json::{Map, Value, json};

use crate::text::py_list_repr;

/// The metric keys, in score.py's order.
pub const KEYS: [&str; 9] = [
    "ent_recall",
    "ent_precision",
    "ev_core_recall",
    "ev_recall",
    "ev_precision",
    "dates",
    "modality",
    "quotes_found",
    "quote_speakers",
];

/// `hit` out of `total`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Ratio {
    /// Successes.
    pub hit: usize,
    /// Trials.
    pub total: usize,
}

impl Ratio {
    /// `hit` out of `total`.
    pub fn new(hit: usize, total: usize) -> Self {
        Ratio { hit, total }
    }

    /// `hit / total`, or 0.0 when `total` is 0 (as score.py's TOTAL line).
    #[allow(clippy::cast_precision_loss)] // counts are far below 2^53
    pub fn value(&self) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            self.hit as f64 / self.total as f64
        }
    }

    fn add(&mut self, other: Ratio) {
        self.hit += other.hit;
        self.total += other.total;
    }

    fn to_json(self) -> Value {
        json!([self.hit, self.total])
    }
}

impl fmt::Display for Ratio {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.hit, self.total)
    }
}

/// The scores of one gold document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocumentScore {
    /// The gold document's file name.
    pub file: String,
    /// The nine metrics of this document.
    pub metrics: Metrics,
    /// `kind:name` of the non-optional gold entities not found.
    pub missed_entities: Vec<String>,
    /// `kind:name` of the predicted entities that match no gold entity.
    pub spurious_entities: Vec<String>,
    /// `type ['SRC']->['TGT']` (plus ` core`) of the gold events not found.
    pub missed_events: Vec<String>,
    /// Gold quotes not found (`"snippet" not found`) or with a wrong speaker
    /// (`"snippet" wrong speaker: got X`). Not in score.py.
    pub missed_quotes: Vec<String>,
    /// `type SRC->TGT: evidence` of the predicted events that find no gold event.
    /// Not in score.py.
    pub spurious_events: Vec<String>,
}

impl DocumentScore {
    /// score.py's `--json` object for this document, plus `missed_quotes` and
    /// `spurious_events`.
    pub fn to_json(&self) -> Value {
        let mut m = Map::new();
        for (k, r) in self.metrics.ratios() {
            m.insert(k.to_string(), r.to_json());
        }
        let lists = [
            ("missed_entities", &self.missed_entities),
            ("spurious_entities", &self.spurious_entities),
            ("missed_events", &self.missed_events),
            ("missed_quotes", &self.missed_quotes),
            ("spurious_events", &self.spurious_events),
        ];
        for (k, v) in lists {
            m.insert(k.to_string(), json!(v));
        }
        Value::Object(m)
    }
}

/// The nine metrics of score.py, for one document or summed over all of them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Metrics {
    /// `ent_recall`: non-optional gold entities found.
    pub entity_recall: Ratio,
    /// `ent_precision`: predicted entities matching any gold entity (optional included).
    pub entity_precision: Ratio,
    /// `ev_core_recall`: core gold events found.
    pub event_core_recall: Ratio,
    /// `ev_recall`: gold events found.
    pub event_recall: Ratio,
    /// `ev_precision`: predicted events that find some gold event.
    pub event_precision: Ratio,
    /// `dates`: found dated gold events with an agreeing predicted date.
    pub dates: Ratio,
    /// `modality`: found gold events with a modality of the same group.
    pub modality: Ratio,
    /// `quotes_found`: gold quotes whose snippet a predicted quote contains.
    pub quotes_found: Ratio,
    /// `quote_speakers`: gold quotes found with a right speaker.
    pub quote_speakers: Ratio,
}

impl Metrics {
    /// Adds another document's metrics.
    pub fn add(&mut self, d: &Metrics) {
        self.entity_recall.add(d.entity_recall);
        self.entity_precision.add(d.entity_precision);
        self.event_core_recall.add(d.event_core_recall);
        self.event_recall.add(d.event_recall);
        self.event_precision.add(d.event_precision);
        self.dates.add(d.dates);
        self.modality.add(d.modality);
        self.quotes_found.add(d.quotes_found);
        self.quote_speakers.add(d.quote_speakers);
    }

    /// The nine metrics under score.py's keys, in its order.
    pub fn ratios(&self) -> [(&'static str, Ratio); 9] {
        [
            (KEYS[0], self.entity_recall),
            (KEYS[1], self.entity_precision),
            (KEYS[2], self.event_core_recall),
            (KEYS[3], self.event_recall),
            (KEYS[4], self.event_precision),
            (KEYS[5], self.dates),
            (KEYS[6], self.modality),
            (KEYS[7], self.quotes_found),
            (KEYS[8], self.quote_speakers),
        ]
    }
}

/// Scores of every gold document and their totals.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    /// One per gold document, in gold order.
    pub documents: Vec<DocumentScore>,
    /// Sums over `documents`.
    pub total: Metrics,
    /// Things score.py passes over silently: gold documents without a prediction,
    /// predictions for no gold document or without a file, repeated predictions.
    /// Not part of [`Report::render`] or [`Report::to_json`].
    pub warnings: Vec<String>,
}

impl Report {
    /// Documents as score.py's `report` dict holds them: one per file name, at the
    /// place of its first occurrence, with the scores of its last (the gold should
    /// not repeat a file, but totals count every entry, as in score.py).
    fn unique_documents(&self) -> Vec<&DocumentScore> {
        let mut order: Vec<&str> = Vec::new();
        let mut last: HashMap<&str, &DocumentScore> = HashMap::new();
        for d in &self.documents {
            if last.insert(d.file.as_str(), d).is_none() {
                order.push(d.file.as_str());
            }
        }
        order.iter().filter_map(|f| last.get(f).copied()).collect()
    }

    /// The text score.py prints: `FILE ent_recall=a/b ...` per document and
    /// `TOTAL ent_recall=0.93 ...`. `verbose` adds score.py `-v`'s missed entities,
    /// spurious entities (first 40) and missed events lines, and then this crate's
    /// missed quotes and spurious events lines. Every line ends with `\n`.
    pub fn render(&self, verbose: bool) -> String {
        let mut out = String::new();
        for d in self.unique_documents() {
            let metrics: Vec<String> = d
                .metrics
                .ratios()
                .iter()
                .map(|(k, r)| format!("{k}={r}"))
                .collect();
            out.push_str(&format!("{} {}\n", d.file, metrics.join(" ")));
            if verbose {
                let spurious = &d.spurious_entities[..d.spurious_entities.len().min(40)];
                out.push_str(&format!(
                    "   missed entities: {}\n",
                    py_list_repr(&d.missed_entities)
                ));
                out.push_str(&format!(
                    "   spurious entities: {}\n",
                    py_list_repr(spurious)
                ));
                out.push_str(&format!(
                    "   missed events: {}\n",
                    py_list_repr(&d.missed_events)
                ));
                out.push_str(&format!(
                    "   missed quotes: {}\n",
                    py_list_repr(&d.missed_quotes)
                ));
                out.push_str(&format!(
                    "   spurious events: {}\n",
                    py_list_repr(&d.spurious_events)
                ));
            }
        }
        // score.py's `total` dict is empty when the gold has no documents.
        let metrics: Vec<String> = if self.documents.is_empty() {
            Vec::new()
        } else {
            self.total
                .ratios()
                .iter()
                .map(|(k, r)| format!("{k}={:.2}", r.value()))
                .collect()
        };
        out.push_str(&format!("TOTAL {}\n", metrics.join(" ")));
        out
    }

    /// score.py's `--json` object: `{"documents": {FILE: {KEY: [hit, total], ...,
    /// "missed_entities": [...], "spurious_entities": [...], "missed_events": [...]}},
    /// "total": {KEY: [hit, total]}}`; each document also carries `missed_quotes` and
    /// `spurious_events`. (Keys come out sorted: serde_json's map is ordered by key.)
    pub fn to_json(&self) -> Value {
        let mut docs = Map::new();
        for d in self.unique_documents() {
            docs.insert(d.file.clone(), d.to_json());
        }
        let mut total = Map::new();
        if !self.documents.is_empty() {
            for (k, r) in self.total.ratios() {
                total.insert(k.to_string(), r.to_json());
            }
        }
        json!({"documents": docs, "total": total})
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratio_value_is_zero_without_trials() {
        assert_eq!(Ratio::new(0, 0).value(), 0.0);
        assert_eq!(Ratio::new(1, 4).value(), 0.25);
        assert_eq!(Ratio::new(3, 7).to_string(), "3/7");
    }

    #[test]
    fn empty_report_renders_like_score_py() {
        let r = Report::default();
        assert_eq!(r.render(true), "TOTAL \n");
        assert_eq!(r.to_json(), json!({"documents": {}, "total": {}}));
    }

    #[test]
    fn totals_round_half_even_like_python() {
        let mut r = Report::default();
        let d = DocumentScore {
            file: "a".into(),
            metrics: Metrics {
                entity_recall: Ratio::new(1, 8),
                entity_precision: Ratio::new(5, 8),
                ..Metrics::default()
            },
            ..DocumentScore::default()
        };
        r.total.add(&d.metrics);
        r.documents.push(d);
        let text = r.render(false);
        assert!(text.starts_with("a ent_recall=1/8 ent_precision=5/8 ev_core_recall=0/0"));
        assert!(text.ends_with(
            "TOTAL ent_recall=0.12 ent_precision=0.62 ev_core_recall=0.00 ev_recall=0.00 \
             ev_precision=0.00 dates=0.00 modality=0.00 quotes_found=0.00 quote_speakers=0.00\n"
        ));
    }
}
