//! score.py's `score_doc` and `main`, rule for rule.
//!
//! Predictions are untyped JSON and score.py reads them with Python semantics; the
//! helpers here reproduce those semantics where they decide a score: truthiness
//! (`x or []`), iterating a string yields its characters, entity ids are dictionary
//! keys (so `1`, `1.0` and `true` are the same id, and a missing id is `None`), the
//! last entity with an id wins. Where score.py would crash (a non-object event, a
//! `null` quote text, an unhashable id) the value is treated as absent instead.

use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap};

use serde_json::{Map, Value};

use crate::gold::{Gold, GoldDocument};
use crate::report::{DocumentScore, Metrics, Ratio, Report};
use crate::text::{date_ok, norm, py_list_repr, quote_norm};

type Object = Map<String, Value>;

/// Entity kinds that count as predicted entities.
const KINDS: [&str; 5] = ["person", "organization", "country", "location", "equipment"];

/// Event types whose source and target are interchangeable.
pub const SYMMETRIC: [&str; 4] = ["agree", "meet", "trade", "restore_relations"];

/// score.py's `GROUP`: modalities that count as the same.
pub fn modality_group(modality: &str) -> Option<&'static str> {
    Some(match modality {
        "asserted" | "reported" => "fact",
        "alleged" | "speculative" => "uncertain",
        "planned" => "planned",
        "denied" => "denied",
        _ => return None,
    })
}

/// Python truthiness of a JSON value.
fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64() != Some(0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
    }
}

/// `for i in v or []` in Python: array items, a string's characters, an object's keys;
/// nothing for a falsy value (and for `true` or a number, where Python would crash).
fn py_iter(v: Option<&Value>) -> Vec<Cow<'_, Value>> {
    match v {
        Some(Value::Array(a)) => a.iter().map(Cow::Borrowed).collect(),
        Some(Value::String(s)) => s
            .chars()
            .map(|c| Cow::Owned(Value::String(c.to_string())))
            .collect(),
        Some(Value::Object(o)) => o
            .keys()
            .map(|k| Cow::Owned(Value::String(k.clone())))
            .collect(),
        _ => Vec::new(),
    }
}

/// A string field, or `""` when missing or not a string.
fn str_field<'a>(o: &'a Object, key: &str) -> &'a str {
    o.get(key).and_then(Value::as_str).unwrap_or("")
}

/// A hashable Python value used as a dictionary key.
#[derive(Debug, Clone, Copy)]
enum Key<'a> {
    None,
    Int(i128),
    Float(f64),
    Str(&'a str),
}

impl<'a> Key<'a> {
    /// The key for a value; `None` for arrays and objects, which Python cannot hash.
    fn of(v: Option<&'a Value>) -> Option<Key<'a>> {
        Some(match v {
            None | Some(Value::Null) => Key::None,
            Some(Value::Bool(b)) => Key::Int(i128::from(*b)),
            Some(Value::Number(n)) => {
                if let Some(i) = n.as_i64() {
                    Key::Int(i128::from(i))
                } else if let Some(u) = n.as_u64() {
                    Key::Int(i128::from(u))
                } else {
                    Key::Float(n.as_f64().unwrap_or(f64::NAN))
                }
            }
            Some(Value::String(s)) => Key::Str(s),
            Some(Value::Array(_) | Value::Object(_)) => return None,
        })
    }

    fn same(self, other: Key<'_>) -> bool {
        match (self, other) {
            (Key::None, Key::None) => true,
            (Key::Str(a), Key::Str(b)) => a == b,
            (Key::Int(a), Key::Int(b)) => a == b,
            (Key::Float(a), Key::Float(b)) => a == b,
            // Precision loss past 2^53 is irrelevant for ids.
            #[allow(clippy::cast_precision_loss)]
            (Key::Int(a), Key::Float(b)) | (Key::Float(b), Key::Int(a)) => a as f64 == b,
            _ => false,
        }
    }
}

/// score.py's `by_id = {e.get("id"): e for e in entities}`.
struct ById<'a> {
    entries: Vec<(Key<'a>, &'a Object)>,
}

impl<'a> ById<'a> {
    fn new(entities: &[&'a Object]) -> Self {
        let entries = entities
            .iter()
            .filter_map(|e| Key::of(e.get("id")).map(|k| (k, *e)))
            .collect();
        ById { entries }
    }

    /// The last entity whose id equals `key` (a later duplicate overwrites in Python).
    fn get(&self, key: Key<'_>) -> Option<&'a Object> {
        self.entries
            .iter()
            .rev()
            .find(|(k, _)| k.same(key))
            .map(|(_, e)| *e)
    }
}

/// score.py's `names(e)` for a predicted entity: normalised name and aliases, minus `""`.
fn pred_names(e: &Object) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    out.insert(norm(str_field(e, "name")));
    for a in py_iter(e.get("aliases")) {
        out.insert(norm(a.as_str().unwrap_or("")));
    }
    out.remove("");
    out
}

fn gold_names(name: &str, aliases: &[String]) -> BTreeSet<String> {
    let mut out: BTreeSet<String> = aliases.iter().map(|a| norm(a)).collect();
    out.insert(norm(name));
    out.remove("");
    out
}

/// Whether `s` is three ASCII capitals (`re.fullmatch(r"[A-Z]{3}", s)`).
fn is_iso3(s: &str) -> bool {
    s.len() == 3 && s.bytes().all(|b| b.is_ascii_uppercase())
}

/// A predicted event with what matching needs computed once.
struct PredEvent<'a> {
    obj: Option<&'a Object>,
    kind: Option<&'a str>,
    source: BTreeSet<String>,
    target: BTreeSet<String>,
    equipment: BTreeSet<String>,
}

struct Context<'a> {
    by_id: ById<'a>,
    /// `gold_equip`: normalised gold equipment name → its names.
    gold_equip: HashMap<String, BTreeSet<String>>,
}

impl<'a> Context<'a> {
    /// score.py's `countries(ids)`.
    fn countries(&self, ids: Option<&Value>) -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        for i in py_iter(ids) {
            let Some(s) = i.as_str() else { continue };
            match self.by_id.get(Key::Str(s)) {
                None => {
                    if is_iso3(s) {
                        out.insert(s.to_string());
                    }
                }
                Some(e) => {
                    // A truthy non-string country cannot equal a gold code; leave it out.
                    if let Some(c) = e.get("country").and_then(Value::as_str)
                        && !c.is_empty()
                    {
                        out.insert(c.to_string());
                    }
                }
            }
        }
        out
    }

    /// score.py's `equip_names(ids)`.
    fn equip_names(&self, ids: Option<&Value>) -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        for i in py_iter(ids) {
            let Some(key) = Key::of(Some(&i)) else {
                continue;
            };
            match self.by_id.get(key) {
                Some(e) if !e.is_empty() => out.extend(pred_names(e)),
                _ => {
                    if let Some(s) = i.as_str() {
                        out.insert(norm(s));
                    }
                }
            }
        }
        out
    }

    fn pred_event(&self, v: &'a Value) -> PredEvent<'a> {
        let obj = v.as_object();
        let get = |k: &str| obj.and_then(|o| o.get(k));
        PredEvent {
            obj,
            kind: get("type").and_then(Value::as_str),
            source: self.countries(get("source")),
            target: self.countries(get("target")),
            equipment: self.equip_names(get("equipment")),
        }
    }

    /// score.py's `ev_match(pe, ge)`.
    fn ev_match(&self, pe: &PredEvent<'_>, ge: &crate::gold::GoldEvent) -> bool {
        if pe.obj.is_none() || pe.kind != Some(ge.kind.as_str()) {
            return false;
        }
        if SYMMETRIC.contains(&ge.kind.as_str()) {
            let covered = |c: &String| pe.source.contains(c) || pe.target.contains(c);
            if !ge.source.iter().chain(&ge.target).all(covered) {
                return false;
            }
        } else {
            if !ge.source.is_empty() && !ge.source.iter().any(|c| pe.source.contains(c)) {
                return false;
            }
            if !ge.target.is_empty() && !ge.target.iter().any(|c| pe.target.contains(c)) {
                return false;
            }
        }
        if !ge.equipment.is_empty() {
            let any = ge.equipment.iter().any(|x| {
                let nx = norm(x);
                match self.gold_equip.get(&nx) {
                    Some(names) => !names.is_disjoint(&pe.equipment),
                    None => pe.equipment.contains(&nx),
                }
            });
            if !any {
                return false;
            }
        }
        true
    }
}

/// The predictions' list under `key`; anything but an array counts as empty.
fn list<'a>(pd: Option<&'a Object>, key: &str) -> &'a [Value] {
    pd.and_then(|m| m.get(key))
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

/// Scores one gold document against its prediction (`None`: no prediction, scored as
/// empty).
pub fn score_document(gd: &GoldDocument, pd: Option<&Object>) -> DocumentScore {
    let all_entities: Vec<&Object> = list(pd, "entities")
        .iter()
        .filter_map(Value::as_object)
        .collect();
    let pents: Vec<&Object> = all_entities
        .iter()
        .copied()
        .filter(|e| {
            e.get("kind")
                .and_then(Value::as_str)
                .is_some_and(|k| KINDS.contains(&k))
        })
        .collect();
    let pent_names: Vec<BTreeSet<String>> = pents.iter().map(|e| pred_names(e)).collect();
    let gent_names: Vec<BTreeSet<String>> = gd
        .entities
        .iter()
        .map(|g| gold_names(&g.name, &g.aliases))
        .collect();
    let matches = |p: usize, g: usize| {
        pents[p].get("kind").and_then(Value::as_str) == Some(gd.entities[g].kind.as_str())
            && !pent_names[p].is_disjoint(&gent_names[g])
    };

    let mut req_total = 0;
    let mut req_found = 0;
    let mut missed_entities = Vec::new();
    for (g, ge) in gd.entities.iter().enumerate() {
        if ge.optional {
            continue;
        }
        req_total += 1;
        if (0..pents.len()).any(|p| matches(p, g)) {
            req_found += 1;
        } else {
            missed_entities.push(format!("{}:{}", ge.kind, ge.name));
        }
    }
    let mut good_pred = 0;
    let mut spurious_entities = Vec::new();
    for (p, pe) in pents.iter().enumerate() {
        if (0..gd.entities.len()).any(|g| matches(p, g)) {
            good_pred += 1;
        } else {
            let name = match pe.get("name") {
                Some(Value::String(s)) => s.clone(),
                None | Some(Value::Null) => String::new(),
                Some(other) => other.to_string(),
            };
            spurious_entities.push(format!("{}:{name}", str_field(pe, "kind")));
        }
    }

    let mut gold_equip = HashMap::new();
    for (g, ge) in gd.entities.iter().enumerate() {
        if ge.kind == "equipment" {
            gold_equip.insert(norm(&ge.name), gent_names[g].clone());
        }
    }
    let ctx = Context {
        by_id: ById::new(&all_entities),
        gold_equip,
    };
    let pevs: Vec<PredEvent<'_>> = list(pd, "events")
        .iter()
        .map(|v| ctx.pred_event(v))
        .collect();

    let mut ev_found = 0;
    let mut core_total = 0;
    let mut core_found = 0;
    let (mut date_n, mut date_hit, mut mod_n, mut mod_hit) = (0, 0, 0, 0);
    let mut missed_events = Vec::new();
    let mut good_ev = vec![false; pevs.len()];
    for ge in &gd.events {
        if ge.core {
            core_total += 1;
        }
        let cands: Vec<usize> = (0..pevs.len())
            .filter(|&p| ctx.ev_match(&pevs[p], ge))
            .collect();
        if cands.is_empty() {
            missed_events.push(format!(
                "{} {}->{}{}",
                ge.kind,
                py_list_repr(&ge.source),
                py_list_repr(&ge.target),
                if ge.core { " core" } else { "" }
            ));
            continue;
        }
        for &p in &cands {
            good_ev[p] = true;
        }
        ev_found += 1;
        if ge.core {
            core_found += 1;
        }
        let field = |p: usize, key: &str| pevs[p].obj.and_then(|o| o.get(key));
        if let Some(gdate) = ge.date.as_deref().filter(|d| !d.is_empty()) {
            date_n += 1;
            let ok = cands.iter().any(|&p| {
                field(p, "date")
                    .and_then(Value::as_str)
                    .is_some_and(|d| date_ok(gdate, d))
            });
            if ok {
                date_hit += 1;
            }
        }
        if let Some(gmod) = ge.modality.as_deref().filter(|m| !m.is_empty()) {
            mod_n += 1;
            let group = modality_group(gmod);
            let ok = cands.iter().any(|&p| {
                field(p, "modality")
                    .and_then(Value::as_str)
                    .and_then(modality_group)
                    == group
            });
            if ok {
                mod_hit += 1;
            }
        }
    }
    let spurious_events = pevs
        .iter()
        .zip(&good_ev)
        .filter(|(_, good)| !**good)
        .map(|(pe, _)| describe_event(pe))
        .collect();

    let pq: Vec<&Object> = list(pd, "quotes")
        .iter()
        .filter_map(Value::as_object)
        .collect();
    let pq_text: Vec<String> = pq
        .iter()
        .map(|q| quote_norm(str_field(q, "text")))
        .collect();
    let (mut q_found, mut q_spk) = (0, 0);
    let mut missed_quotes = Vec::new();
    for gq in &gd.quotes {
        let snip = quote_norm(&gq.text);
        let hits: Vec<usize> = (0..pq.len())
            .filter(|&p| pq_text[p].contains(&snip))
            .collect();
        if hits.is_empty() {
            missed_quotes.push(format!("\"{}\" not found", gq.text));
            continue;
        }
        q_found += 1;
        let gsp: BTreeSet<String> = gq.speaker.iter().map(|s| norm(s)).collect();
        let mut ok = false;
        let mut got = Vec::new();
        for &p in &hits {
            let speaker = pq[p].get("speaker");
            let entity = speaker
                .and_then(Value::as_str)
                .and_then(|s| ctx.by_id.get(Key::Str(s)))
                .filter(|e| !e.is_empty());
            let spn = match entity {
                Some(e) => {
                    got.push(str_field(e, "name").to_string());
                    pred_names(e)
                }
                None => {
                    let s = speaker.and_then(Value::as_str).unwrap_or("");
                    got.push(if s.is_empty() {
                        "nobody".into()
                    } else {
                        s.into()
                    });
                    BTreeSet::from([norm(s)])
                }
            };
            if !spn.is_disjoint(&gsp) {
                ok = true;
            }
        }
        if ok {
            q_spk += 1;
        } else {
            missed_quotes.push(format!(
                "\"{}\" wrong speaker: got {}",
                gq.text,
                got.join(", ")
            ));
        }
    }

    let n_quotes = gd.quotes.len();
    DocumentScore {
        file: gd.file.clone(),
        metrics: Metrics {
            entity_recall: Ratio::new(req_found, req_total),
            entity_precision: Ratio::new(good_pred, pents.len()),
            event_core_recall: Ratio::new(core_found, core_total),
            event_recall: Ratio::new(ev_found, gd.events.len()),
            event_precision: Ratio::new(good_ev.iter().filter(|g| **g).count(), pevs.len()),
            dates: Ratio::new(date_hit, date_n),
            modality: Ratio::new(mod_hit, mod_n),
            quotes_found: Ratio::new(q_found, n_quotes),
            quote_speakers: Ratio::new(q_spk, n_quotes),
        },
        missed_entities,
        spurious_entities,
        missed_events,
        missed_quotes,
        spurious_events,
    }
}

/// `type SRC->TGT: evidence` for a predicted event that matched no gold event.
fn describe_event(pe: &PredEvent<'_>) -> String {
    let Some(obj) = pe.obj else {
        return "(not a JSON object)".to_string();
    };
    let side = |s: &BTreeSet<String>| {
        if s.is_empty() {
            "?".to_string()
        } else {
            s.iter().cloned().collect::<Vec<_>>().join(",")
        }
    };
    let mut evidence: String = str_field(obj, "evidence").chars().take(160).collect();
    if evidence.len() < str_field(obj, "evidence").len() {
        evidence.push('…');
    }
    format!(
        "{} {}->{}: {evidence}",
        pe.kind.unwrap_or("?"),
        side(&pe.source),
        side(&pe.target)
    )
}

/// The basename of `document.file` (or `.path`, or `.source`: the first truthy one).
pub fn prediction_file(prediction: &Value) -> Option<String> {
    let doc = prediction.get("document").and_then(Value::as_object)?;
    let value = ["file", "path", "source"]
        .iter()
        .filter_map(|k| doc.get(*k))
        .find(|v| truthy(v))?;
    let path = value.as_str()?;
    path.rsplit('/').next().map(str::to_string)
}

/// Scores predictions (one JSON object per document) against the gold, as score.py's
/// `main` does: predictions are keyed by the basename of their document's file (a
/// later one for the same file replaces an earlier one), and a gold document without
/// a prediction scores as empty.
pub fn score(gold: &Gold, predictions: &[Value]) -> Report {
    let mut warnings = Vec::new();
    let mut preds: HashMap<String, (usize, &Object)> = HashMap::new();
    for (i, p) in predictions.iter().enumerate() {
        let Some(obj) = p.as_object() else {
            warnings.push(format!(
                "prediction {}: not a JSON object but {}; ignored",
                i + 1,
                crate::gold::json_kind(p)
            ));
            continue;
        };
        let file = prediction_file(p).unwrap_or_default();
        if file.is_empty() {
            warnings.push(format!(
                "prediction {}: no document.file, path or source; ignored",
                i + 1
            ));
            continue;
        }
        if let Some((earlier, _)) = preds.insert(file.clone(), (i, obj)) {
            warnings.push(format!(
                "prediction {}: a second one for {file} (the first was {}); the later one counts",
                i + 1,
                earlier + 1
            ));
        }
    }
    let mut documents = Vec::with_capacity(gold.documents.len());
    let mut total = Metrics::default();
    for gd in &gold.documents {
        let pd = preds.get(&gd.file).map(|(_, o)| *o);
        if pd.is_none() {
            warnings.push(format!(
                "{}: no prediction for this document; scored as empty",
                gd.file
            ));
        }
        let s = score_document(gd, pd);
        total.add(&s.metrics);
        documents.push(s);
    }
    let mut unknown: Vec<&String> = preds
        .keys()
        .filter(|f| !gold.documents.iter().any(|g| &g.file == *f))
        .collect();
    unknown.sort();
    for f in unknown {
        warnings.push(format!("{f}: predicted but not in the gold; not scored"));
    }
    Report {
        documents,
        total,
        warnings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn python_iteration_and_truthiness() {
        assert_eq!(py_iter(Some(&json!("BOL"))).len(), 3);
        assert_eq!(py_iter(Some(&json!({"a": 1, "b": 2}))).len(), 2);
        assert!(py_iter(Some(&json!(7))).is_empty());
        assert!(py_iter(None).is_empty());
        assert!(!truthy(&json!(0.0)) && truthy(&json!(-1)) && !truthy(&json!({})));
    }

    #[test]
    fn ids_compare_like_python_dict_keys() {
        let a = json!({"id": 1, "name": "a"});
        let b = json!({"id": "1", "name": "b"});
        let c = json!({"name": "c"});
        let d = json!({"id": 1.0, "name": "d"});
        let ents: Vec<&Object> = [&a, &b, &c, &d]
            .iter()
            .filter_map(|v| v.as_object())
            .collect();
        let by_id = ById::new(&ents);
        let name = |k: Key<'_>| by_id.get(k).map(|e| str_field(e, "name").to_string());
        assert_eq!(name(Key::Int(1)).as_deref(), Some("d"));
        assert_eq!(
            name(Key::Int(1)),
            name(Key::of(Some(&json!(true))).unwrap())
        );
        assert_eq!(name(Key::Str("1")).as_deref(), Some("b"));
        assert_eq!(name(Key::None).as_deref(), Some("c"));
        assert!(Key::of(Some(&json!([1]))).is_none());
    }

    #[test]
    fn prediction_file_is_a_basename() {
        let p = json!({"document": {"file": "", "path": "/a/b/000_x.txt"}});
        assert_eq!(prediction_file(&p).as_deref(), Some("000_x.txt"));
        assert_eq!(prediction_file(&json!({"document": {}})), None);
        assert_eq!(prediction_file(&json!({"document": {"source": 3}})), None);
    }
}
