//! Pactwatch extraction: document text to entities, events and quotes, each traced to
//! its sentence.
//!
//! Extraction of one document is a pure function of (text, metadata, lexicon): no IO,
//! no clock, no randomness. It never fails on messy text; it returns what it found
//! plus diagnostics.
//!
//! The passes, each linear in the text:
//! 1. [`doc`]: paragraphs, sentences and tokens (pw-text), a lowercase copy;
//! 2. [`names`]: gazetteer hits (one automaton) and rule-based names;
//! 3. [`entities`]: mentions grouped into entities within the document;
//! 4. dates (pw-dates), resolved against the publication date;
//! 5. [`quotes`]: quotations and their speakers;
//! 6. [`events`]: triggers from the event lexicon (one automaton) and their arguments.

mod doc;
mod entities;
mod events;
mod names;
mod quotes;
mod triggers;
mod words;

use pw_lexicon::Lexicon;
use pw_model::{Diagnostic, Document, Extraction};

/// Turns documents into extractions. Cheap to share between threads.
pub struct Extractor {
    lexicon: &'static Lexicon,
    triggers: triggers::Triggers,
}

impl Default for Extractor {
    fn default() -> Extractor {
        Extractor::new()
    }
}

impl Extractor {
    /// An extractor over the lexicons built into the binary.
    pub fn new() -> Extractor {
        Extractor {
            lexicon: Lexicon::builtin(),
            triggers: triggers::Triggers::builtin(),
        }
    }

    pub fn extract(&self, document: &Document) -> Extraction {
        let text = document.text.as_str();
        let doc = doc::Doc::new(text);
        let drafts = names::recognize(&doc, self.lexicon);
        let resolved = entities::resolve(&doc, self.lexicon, &drafts);
        let dates = pw_dates::find_dates(text, document.meta.published);
        let spans = quotes::find_quote_spans(&doc);
        let (quotes, attributions) = quotes::attribute(&doc, &drafts, &resolved, &spans);
        let events = events::extract_events(&events::EventInput {
            doc: &doc,
            drafts: &drafts,
            resolved: &resolved,
            triggers: &self.triggers,
            dates: &dates,
            quotes: &spans,
            attributions: &attributions,
        });
        let mut diagnostics = Vec::new();
        if document.meta.published.is_none() {
            let unresolved = dates
                .iter()
                .filter(|date| date.date.is_none() && date.range.is_none())
                .count();
            if unresolved > 0 {
                diagnostics.push(Diagnostic::info(
                    "unresolved_dates",
                    format!("{unresolved} relative dates left unresolved: no publication date"),
                ));
            }
        }
        if text.trim().is_empty() {
            diagnostics.push(Diagnostic::warning(
                "empty_text",
                "the document has no text",
            ));
        }
        let mut entities = resolved.entities;
        let mut events = events;
        let mut quotes = quotes;
        drop_unused_equipment_classes(&mut entities, &mut events, &mut quotes);
        Extraction {
            entities,
            events,
            quotes,
            sentences: doc.sentences,
            diagnostics,
        }
    }
}

/// A class of equipment named in passing ("aircraft", "missiles") is an entity only when
/// an event is about it; named systems ("F-16", "Mohajer-6") always are. The remaining
/// entities keep their order and are renumbered (an id is its position).
fn drop_unused_equipment_classes(
    entities: &mut Vec<pw_model::Entity>,
    events: &mut [pw_model::Event],
    quotes: &mut [pw_model::Quote],
) {
    use pw_model::{EntityId, EntityKind};
    let used: rustc_hash::FxHashSet<EntityId> = events
        .iter()
        .flat_map(|event| event.equipment.iter().copied())
        .collect();
    let is_class = |entity: &pw_model::Entity| {
        entity.kind == EntityKind::Equipment
            && entity.name.chars().next().is_some_and(char::is_lowercase)
    };
    if !entities
        .iter()
        .any(|entity| is_class(entity) && !used.contains(&entity.id))
    {
        return;
    }
    let mut new_id: Vec<Option<EntityId>> = Vec::with_capacity(entities.len());
    let mut kept = Vec::with_capacity(entities.len());
    for mut entity in entities.drain(..) {
        if is_class(&entity) && !used.contains(&entity.id) {
            new_id.push(None);
            continue;
        }
        let id = EntityId(kept.len() as u32);
        new_id.push(Some(id));
        entity.id = id;
        kept.push(entity);
    }
    *entities = kept;
    let map = |id: EntityId| new_id.get(id.0 as usize).copied().flatten();
    let map_all = |ids: &mut Vec<EntityId>| *ids = ids.iter().filter_map(|&id| map(id)).collect();
    for event in events.iter_mut() {
        map_all(&mut event.source);
        map_all(&mut event.target);
        map_all(&mut event.equipment);
        map_all(&mut event.location);
        event.attributed_to = event.attributed_to.and_then(map);
    }
    for quote in quotes.iter_mut() {
        quote.speaker = quote.speaker.and_then(map);
    }
}
