//! The event lexicon: trigger words and phrases with their event type and argument
//! frame, compiled into one Aho-Corasick automaton that runs over the lowercased text.
//!
//! Two layers, in this order of precedence:
//! - `data/lexicon/events.tsv`, written by hand (with noun frames and constraints);
//! - `data/lexicon/en/cameo-events.tsv`, compiled from the PETRARCH2 CAMEO verb
//!   dictionary by `scripts/build-cameo-triggers.py` (thousands of verb forms and
//!   verb + object patterns for every PLOVER type).
//!
//! A form the hand-written layer lists is coded by that layer only.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use pw_model::EventType;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::Arc;

/// Where a frame looks for the source and target of an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Frame {
    /// Subject gives to the object or "to X" (sell, supply).
    Give,
    /// Subject receives "from X" (buy, purchase).
    Take,
    /// Subject acts on the object (criticize, expel).
    Act,
    /// Subject together with the object, "with X" or "between X and Y" (sign, meet).
    With,
    /// Subject asks the object, "to X", "from X" or "on X" (demand, call on).
    Ask,
    /// Subject goes to the object or "to X" (visit).
    Go,
    /// Subject only (deny, protest).
    Own,
}

#[derive(Clone, Debug)]
pub(crate) struct TriggerEntry {
    pub(crate) event_type: EventType,
    pub(crate) frame: Frame,
    pub(crate) noun: bool,
    pub(crate) needs_equipment: bool,
    pub(crate) needs_military: bool,
    pub(crate) before: HashSet<String>,
    pub(crate) not_before: Vec<String>,
    pub(crate) after: HashSet<String>,
    /// From the compiled CAMEO layer (verb-only, no noun frames).
    pub(crate) derived: bool,
    /// CAMEO "express intent to ...": coded as the act, modality planned.
    pub(crate) planned: bool,
    /// "launched missiles at X": with a target after "at", "against", "on" or "toward",
    /// the act is an attack (constraint `aimed`).
    pub(crate) aimed: bool,
}

/// A trigger occurrence: byte range in the text and the entries its surface form has.
#[derive(Clone, Debug)]
pub(crate) struct TriggerHit {
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// Shared with the automaton's table: a hit costs no allocation. Compiled entries
    /// that need a word after the trigger are not here but in [`Triggers::after_entries`].
    pub(crate) entries: Arc<[usize]>,
    /// The automaton pattern (the trigger form).
    pub(crate) pattern: usize,
}

pub(crate) struct Triggers {
    automaton: AhoCorasick,
    /// For each automaton pattern, the entries it belongs to.
    pattern_entries: Vec<Arc<[usize]>>,
    /// For each pattern, its compiled entries that need a given word after the trigger,
    /// by that word: a hit looks up the few words after it instead of testing every
    /// entry ("began" has over a hundred CAMEO patterns).
    pattern_after: Vec<HashMap<String, Vec<usize>>>,
    pub(crate) entries: Vec<TriggerEntry>,
}

const EVENTS_TSV: &str = include_str!("../../../data/lexicon/events.tsv");
const CAMEO_TSV: &str = include_str!("../../../data/lexicon/en/cameo-events.tsv");
const SPANISH_TSV: &str = include_str!("../../../data/lexicon/es/events.tsv");

fn split_words(raw: &str) -> Vec<String> {
    raw.split('|')
        .map(str::trim)
        .filter(|word| !word.is_empty())
        .map(str::to_string)
        .collect()
}

impl Triggers {
    pub(crate) fn builtin() -> Triggers {
        // The embedded lexicon is part of the source tree and checked by a unit test,
        // so a parse failure here is a build defect, not an input error.
        Triggers::parse_layers(&[
            ("events.tsv", EVENTS_TSV),
            ("en/cameo-events.tsv", CAMEO_TSV),
        ])
        .expect("the embedded event lexicon is valid")
    }

    /// The Spanish lexicon, `data/lexicon/es/events.tsv` (conjugated from
    /// `data/lexicon/es/event_verbs.tsv` by `scripts/build-es-triggers.py`): one layer,
    /// with noun frames and constraints like the English hand lexicon.
    pub(crate) fn spanish() -> Triggers {
        Triggers::parse_layers(&[("es/events.tsv", SPANISH_TSV)])
            .expect("the embedded Spanish event lexicon is valid")
    }

    /// One layer only (tests).
    #[cfg(test)]
    pub(crate) fn parse(tsv: &str) -> Result<Triggers, String> {
        Triggers::parse_layers(&[("events.tsv", tsv)])
    }

    /// Layers in order of precedence: a form listed by an earlier layer is not taken
    /// from a later one. Every layer after the first is `derived`.
    pub(crate) fn parse_layers(layers: &[(&str, &str)]) -> Result<Triggers, String> {
        let mut entries = Vec::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut pattern_entries: Vec<Vec<usize>> = Vec::new();
        let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
        // Patterns an earlier layer claims: a later layer adds no entry to them.
        let mut claimed = HashSet::default();
        for (layer, &(name, tsv)) in layers.iter().enumerate() {
            let derived = layer > 0;
            let earlier_forms = patterns.len();
            parse_layer(
                name,
                tsv,
                derived,
                earlier_forms,
                &mut entries,
                &mut patterns,
                &mut pattern_entries,
                &mut index,
                &mut claimed,
            )?;
        }
        // Thousands of short patterns: a DFA is the fastest to search.
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&patterns)
            .map_err(|error| format!("event lexicon: {error}"))?;
        let mut pattern_after = Vec::with_capacity(pattern_entries.len());
        let pattern_entries = pattern_entries
            .into_iter()
            .map(|list| {
                let mut by_word: HashMap<String, Vec<usize>> = HashMap::default();
                let mut rest = Vec::new();
                for entry_index in list {
                    let entry: &TriggerEntry = &entries[entry_index];
                    let indexable = entry.derived
                        && !entry.after.is_empty()
                        && entry.before.is_empty()
                        && entry.not_before.is_empty()
                        && !entry.needs_equipment
                        && !entry.needs_military;
                    if indexable {
                        for word in &entry.after {
                            by_word.entry(word.clone()).or_default().push(entry_index);
                        }
                    } else {
                        rest.push(entry_index);
                    }
                }
                pattern_after.push(by_word);
                Arc::from(rest)
            })
            .collect();
        Ok(Triggers {
            automaton,
            pattern_entries,
            pattern_after,
            entries,
        })
    }

    /// The compiled entries of `pattern` that need `word` after the trigger.
    pub(crate) fn after_entries(&self, pattern: usize, word: &str) -> &[usize] {
        self.pattern_after[pattern]
            .get(word)
            .map_or(&[], |entries| entries.as_slice())
    }

    /// Whether `pattern` has compiled entries that need a word after it.
    pub(crate) fn has_after_entries(&self, pattern: usize) -> bool {
        !self.pattern_after[pattern].is_empty()
    }

    /// Trigger hits on word boundaries in `lower` (the ASCII-lowercased text).
    pub(crate) fn find(&self, lower: &str, out: &mut Vec<TriggerHit>) {
        let bytes = lower.as_bytes();
        for found in self.automaton.find_iter(lower) {
            let (start, end) = (found.start(), found.end());
            let boundary_before = start == 0 || !is_word_byte(bytes[start - 1]);
            let boundary_after = end == bytes.len() || !is_word_byte(bytes[end]);
            if boundary_before && boundary_after {
                let pattern = found.pattern().as_usize();
                out.push(TriggerHit {
                    start,
                    end,
                    entries: self.pattern_entries[pattern].clone(),
                    pattern,
                });
            }
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn parse_layer(
    name: &str,
    tsv: &str,
    derived: bool,
    earlier_forms: usize,
    entries: &mut Vec<TriggerEntry>,
    patterns: &mut Vec<String>,
    pattern_entries: &mut Vec<Vec<usize>>,
    index: &mut std::collections::HashMap<String, usize>,
    claimed: &mut HashSet<usize>,
) -> Result<(), String> {
    let mut claims = Vec::new();
    for (line_number, line) in tsv.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let columns: Vec<&str> = line.split('\t').collect();
        if columns.len() < 3 {
            return Err(format!(
                "{name}:{}: expected at least 3 columns",
                line_number + 1
            ));
        }
        let event_type: EventType = columns[0]
            .parse()
            .map_err(|error| format!("{name}:{}: {error}", line_number + 1))?;
        let (noun, frame_name) = match columns[1].strip_prefix("n_") {
            Some(rest) => (true, rest),
            None => (false, columns[1]),
        };
        let frame = match frame_name {
            "give" => Frame::Give,
            "take" => Frame::Take,
            "act" => Frame::Act,
            "with" => Frame::With,
            "ask" => Frame::Ask,
            "go" => Frame::Go,
            "self" => Frame::Own,
            other => {
                return Err(format!(
                    "{name}:{}: unknown frame {other:?}",
                    line_number + 1
                ));
            }
        };
        let mut entry = TriggerEntry {
            event_type,
            frame,
            noun,
            needs_equipment: false,
            needs_military: false,
            before: HashSet::default(),
            not_before: Vec::new(),
            after: HashSet::default(),
            derived,
            planned: false,
            aimed: false,
        };
        // A `shared` entry of the hand layer leaves its forms to the derived layers too
        // ("fired" before "missiles" here, before "barrage" in CAMEO).
        let mut shared = false;
        for constraint in columns.get(3).copied().unwrap_or("").split_whitespace() {
            match constraint.split_once('=') {
                None if constraint == "equipment" => entry.needs_equipment = true,
                None if constraint == "military" => entry.needs_military = true,
                None if constraint == "planned" => entry.planned = true,
                None if constraint == "aimed" => entry.aimed = true,
                None if constraint == "shared" => shared = true,
                Some(("before", words)) => entry.before = split_words(words).into_iter().collect(),
                Some(("not_before", words)) => entry.not_before = split_words(words),
                Some(("after", words)) => entry.after = split_words(words).into_iter().collect(),
                _ => {
                    return Err(format!(
                        "{name}:{}: unknown constraint {constraint:?}",
                        line_number + 1
                    ));
                }
            }
        }
        let entry_index = entries.len();
        entries.push(entry);
        for form in split_words(columns[2]) {
            if let Some(&known) = index.get(&form)
                && known < earlier_forms
                && claimed.contains(&known)
            {
                continue;
            }
            let pattern_index = *index.entry(form.clone()).or_insert_with(|| {
                patterns.push(form);
                pattern_entries.push(Vec::new());
                patterns.len() - 1
            });
            pattern_entries[pattern_index].push(entry_index);
            if !shared {
                claims.push(pattern_index);
            }
        }
    }
    // A layer's claims bind the layers after it, not its own later lines.
    claimed.extend(claims);
    Ok(())
}

/// Bytes that continue a word: ASCII alphanumerics, and any byte of a non-ASCII character.
pub(crate) fn is_word_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte >= 0x80 || byte == b'-'
}

#[cfg(test)]
mod tests {
    use super::*;
    use pw_model::Plover;

    #[test]
    fn builtin_lexicon_parses_and_covers_every_type() {
        let triggers = Triggers::builtin();
        for &event_type in EventType::ALL {
            assert!(
                triggers
                    .entries
                    .iter()
                    .any(|entry| entry.event_type == event_type),
                "no trigger for {event_type}"
            );
        }
    }

    #[test]
    fn every_plover_type_has_triggers_from_the_cameo_dictionary() {
        let triggers = Triggers::builtin();
        for plover in Plover::ALL {
            let of_type = |entry: &usize| {
                let entry = &triggers.entries[*entry];
                entry.derived && entry.event_type.plover() == plover
            };
            let forms: usize = triggers
                .pattern_entries
                .iter()
                .zip(&triggers.pattern_after)
                .filter(|(entries, after)| {
                    entries.iter().any(of_type) || after.values().flatten().any(of_type)
                })
                .count();
            assert!(forms >= 20, "{plover:?}: only {forms} CAMEO trigger forms");
        }
    }

    #[test]
    fn the_hand_lexicon_wins_for_its_forms() {
        let triggers = Triggers::builtin();
        let mut hits = Vec::new();
        triggers.find("they signed it", &mut hits);
        assert_eq!(hits.len(), 1);
        assert!(
            hits[0]
                .entries
                .iter()
                .all(|&entry| !triggers.entries[entry].derived)
        );
    }

    #[test]
    fn a_shared_hand_entry_leaves_its_forms_to_the_later_layers() {
        let hand = "mobilize\tself\tfired|launched\tafter=missiles shared aimed\n\
                    attack\tact\tbombed\n";
        let derived = "attack\tact\tfired\tafter=barrage\n\
                       attack\tact\tfired\tafter=bullets\n\
                       accuse\tact\tbombed\tafter=claims\n";
        let triggers =
            Triggers::parse_layers(&[("hand", hand), ("derived", derived)]).expect("parses");
        let mut hits = Vec::new();
        triggers.find("they fired and bombed", &mut hits);
        // Both derived lines of "fired" stay (a layer does not bar its own later lines),
        // indexed by their object word, beside the shared hand entry, marked aimed.
        assert_eq!(hits[0].entries.len(), 1);
        assert!(triggers.entries[hits[0].entries[0]].aimed);
        assert_eq!(triggers.after_entries(hits[0].pattern, "barrage").len(), 1);
        assert_eq!(triggers.after_entries(hits[0].pattern, "bullets").len(), 1);
        // "bombed" is claimed by the hand layer: the derived line adds nothing.
        assert!(!triggers.has_after_entries(hits[1].pattern));
        assert_eq!(hits[1].entries.len(), 1);
    }

    #[test]
    fn finds_whole_words_only() {
        let triggers = Triggers::parse(EVENTS_TSV).expect("the hand lexicon parses");
        let mut hits = Vec::new();
        triggers.find(
            "iran signed a memorandum of understanding; the signatory reassigned",
            &mut hits,
        );
        let texts: Vec<&str> = hits
            .iter()
            .map(|hit| {
                &"iran signed a memorandum of understanding; the signatory reassigned"
                    [hit.start..hit.end]
            })
            .collect();
        assert_eq!(texts, ["signed", "memorandum of understanding"]);
    }

    #[test]
    fn rejects_bad_lines() {
        assert!(Triggers::parse("agree\twith").is_err());
        assert!(Triggers::parse("nonsense\twith\tsign").is_err());
        assert!(Triggers::parse("agree\tfly\tsign").is_err());
        assert!(Triggers::parse("agree\twith\tsign\tweird=1").is_err());
    }
}
