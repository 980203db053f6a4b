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
    triggers: triggers::Triggers,
    /// The Spanish trigger lexicon, compiled on the first document in Spanish.
    spanish_triggers: std::sync::OnceLock<triggers::Triggers>,
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
            triggers: triggers::Triggers::builtin(),
            spanish_triggers: std::sync::OnceLock::new(),
        }
    }

    /// Loads what extracting a document in `language` (an ISO 639-1 code) needs: the
    /// lexicon, the trigger automaton and the name tagger, each once per process.
    /// Extraction does this on first need; calling it first keeps that one-time cost
    /// out of an extraction with a time budget ([`Extractor::extract_interruptible`]).
    pub fn prepare(&self, language: &str) {
        let _ = Lexicon::for_language(language);
        if doc::Lang::of_code(language) == doc::Lang::Es {
            let _ = self
                .spanish_triggers
                .get_or_init(triggers::Triggers::spanish);
        }
        let _ = pw_ner::Tagger::embedded();
    }

    pub fn extract(&self, document: &Document) -> Extraction {
        self.extract_with_stats(document).0
    }

    /// [`Extractor::extract`], with counts of the work done (for tests and benchmarks
    /// that check the work grows linearly with the input).
    pub fn extract_with_stats(&self, document: &Document) -> (Extraction, WorkStats) {
        match self.extract_interruptible(document, &|| false) {
            Ok(done) => done,
            Err(Stopped) => unreachable!("an extraction that is never asked to stop stopped"),
        }
    }

    /// [`Extractor::extract_with_stats`], ended early when `stop` says so: a server
    /// whose client left or whose request timed out, a batch with a time budget per
    /// article. `stop` is asked between the passes and every
    /// [`STOP_CHECK_SENTENCES`] sentences inside the longer ones, so an extraction
    /// ends within a small fraction of a second of being asked (it is cheap: one
    /// call per pass or per that many sentences). Once `stop` has returned `true` it
    /// must keep doing so.
    pub fn extract_interruptible(
        &self,
        document: &Document,
        stop: &dyn Fn() -> bool,
    ) -> Result<(Extraction, WorkStats), Stopped> {
        let check = || if stop() { Err(Stopped) } else { Ok(()) };
        let (text, cut_at) = within_budget(document.text.as_str(), MAX_ARTICLE_BYTES);
        let (language, language_note) = language_of(document, text);
        if let Some(note) = language_note {
            // English rules over another language give noise, not facts.
            let extraction = Extraction {
                language: language.to_string(),
                diagnostics: vec![note],
                ..Extraction::default()
            };
            return Ok((extraction, WorkStats::default()));
        }
        let lang = doc::Lang::of_code(language);
        let doc = doc::Doc::in_language(text, lang);
        check()?;
        let lexicon = Lexicon::for_language(language);
        let triggers = match lang {
            doc::Lang::En => &self.triggers,
            doc::Lang::Es => self
                .spanish_triggers
                .get_or_init(triggers::Triggers::spanish),
        };
        let drafts = names::recognize(&doc, lexicon, stop);
        check()?;
        let resolved = entities::resolve(&doc, lexicon, &drafts);
        check()?;
        let dates = pw_dates::find_dates(text, document.meta.published);
        let spans = quotes::find_quote_spans(&doc);
        let (quotes, attributions) = quotes::attribute(&doc, &drafts, &resolved, &spans);
        check()?;
        let events = events::extract_events(&events::EventInput {
            doc: &doc,
            drafts: &drafts,
            resolved: &resolved,
            triggers,
            dates: &dates,
            published: document.meta.published,
            quotes: &spans,
            attributions: &attributions,
            stop,
        });
        check()?;
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
        if let Some(cut_at) = cut_at {
            diagnostics.push(Diagnostic::warning(
                "article_cut",
                format!(
                    "the article has {} bytes of text: only the first {cut_at} were read \
                     (the budget is {MAX_ARTICLE_BYTES})",
                    document.text.len()
                ),
            ));
        }
        if doc.sentences_cut > 0 {
            diagnostics.push(Diagnostic::warning(
                "long_sentence_cut",
                format!(
                    "{} sentences of more than {} tokens were cut at clause marks",
                    doc.sentences_cut,
                    doc::MAX_SENTENCE_TOKENS
                ),
            ));
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
        let work = &doc.work;
        let stats = WorkStats {
            tokens: doc.tokens.len() as u64,
            sentences: doc.sentences.len() as u64,
            actor_steps: work.actor_steps.get(),
            draft_steps: work.draft_steps.get(),
            event_steps: work.event_steps.get(),
            date_steps: work.date_steps.get(),
            quote_steps: work.quote_steps.get(),
        };
        let extraction = Extraction {
            language: language.to_string(),
            entities,
            events,
            quotes,
            sentences: doc.sentences,
            diagnostics,
        };
        Ok((extraction, stats))
    }
}

/// How many sentences the longer passes (names, events) go through between two
/// questions to the `stop` of [`Extractor::extract_interruptible`].
pub const STOP_CHECK_SENTENCES: usize = 64;

/// An extraction ended by its `stop` before it finished; it left nothing behind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stopped;

impl std::fmt::Display for Stopped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the extraction was stopped before it finished")
    }
}

impl std::error::Error for Stopped {}

/// The language a document is read in: the one its metadata names (ingest fills it in,
/// from metadata or the text), else the one its text shows (stop-word profiles), else
/// English; with a diagnostic when the rules do not read that language (the document
/// is then not extracted: English rules over French give noise, not facts).
fn language_of<'d>(document: &'d Document, text: &str) -> (&'d str, Option<Diagnostic>) {
    let declared = document.meta.language.as_deref();
    let language = declared
        .or_else(|| pw_text::detect_language(text))
        .unwrap_or("en");
    let note = (!pw_text::is_supported(language)).then(|| {
        Diagnostic::warning(
            "language_not_supported",
            format!(
                "the article is in {language} ({}): only English and Spanish are read, so \
                 nothing was extracted",
                match (declared, document.meta.language_from) {
                    (Some(_), pw_model::LanguageSource::Metadata) => "from its metadata",
                    _ => "detected",
                }
            ),
        )
    });
    (language, note)
}

/// The most bytes of one article's text that extraction reads. A longer text (a dump,
/// a concatenation gone wrong) is cut at the last line break before the budget (or
/// the last character boundary when no line break is in its last quarter), with an
/// `article_cut` diagnostic; spans still index `Document::text`.
pub const MAX_ARTICLE_BYTES: usize = 16 << 20;

fn within_budget(text: &str, budget: usize) -> (&str, Option<usize>) {
    if text.len() <= budget {
        return (text, None);
    }
    let mut cut = budget;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    if let Some(line_end) = text[..cut].rfind('\n')
        && line_end >= cut - cut / 4
    {
        cut = line_end;
    }
    (&text[..cut], Some(cut))
}

/// Counts of the inner-loop steps of one extraction, from
/// [`Extractor::extract_with_stats`]. The steps are the places where the work could
/// grow faster than the text: actors compared per trigger, drafts and events scanned,
/// dates and quotes looked at. Every one is bounded per sentence (sentences are cut
/// at [`MAX_SENTENCE_TOKENS`](crate::WorkStats::MAX_SENTENCE_TOKENS) tokens) or looked
/// up by offset, so the total grows linearly with the text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WorkStats {
    pub tokens: u64,
    pub sentences: u64,
    pub actor_steps: u64,
    pub draft_steps: u64,
    pub event_steps: u64,
    pub date_steps: u64,
    pub quote_steps: u64,
}

impl WorkStats {
    /// The most tokens one sentence may have before it is cut at a clause mark.
    pub const MAX_SENTENCE_TOKENS: usize = doc::MAX_SENTENCE_TOKENS;

    /// All steps together.
    pub fn total(&self) -> u64 {
        self.actor_steps + self.draft_steps + self.event_steps + self.date_steps + self.quote_steps
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_articles_are_cut_at_a_line_break() {
        assert_eq!(within_budget("short", 10), ("short", None));
        let text = "first line\nsecond line\nthird line";
        assert_eq!(
            within_budget(text, 25),
            ("first line\nsecond line", Some(22))
        );
        assert_eq!(within_budget(text, 30).1, Some(30));
        // No line break near the budget: the last character boundary before it.
        assert_eq!(within_budget("ab\u{e9}cdefgh", 3), ("ab", Some(2)));
    }

    fn document(text: &str, language: Option<&str>) -> Document {
        let mut document = Document {
            text: text.to_string(),
            ..Document::default()
        };
        document.meta.language = language.map(str::to_string);
        document
    }

    #[test]
    fn the_language_comes_from_metadata_else_from_the_text() {
        let extractor = Extractor::new();
        let spanish = "El ministro de Defensa de Bolivia firmó un memorando con Irán.";
        assert_eq!(extractor.extract(&document(spanish, None)).language, "es");
        assert_eq!(
            extractor
                .extract(&document("Iran and Bolivia signed it.", None))
                .language,
            "en"
        );
        // Metadata wins over the text; too little text to tell is English.
        assert_eq!(
            extractor.extract(&document(spanish, Some("en"))).language,
            "en"
        );
        assert_eq!(extractor.extract(&document("Irán", None)).language, "en");
        // The Spanish lexicon reads "Irán" as Iran.
        let read = extractor.extract(&document(spanish, None));
        assert!(
            read.entities
                .iter()
                .any(|entity| entity.country.as_deref() == Some("IRN"))
        );
    }

    #[test]
    fn a_language_the_rules_do_not_read_is_not_extracted() {
        let french = "Le ministre de la Défense a signé un accord avec le gouvernement \
                      iranien, et il est parti pour Paris.";
        let extraction = Extractor::new().extract(&document(french, None));
        assert_eq!(extraction.language, "fr");
        assert!(extraction.entities.is_empty() && extraction.events.is_empty());
        assert_eq!(extraction.diagnostics[0].code, "language_not_supported");
    }

    #[test]
    fn a_cut_article_says_so() {
        let (text, cut) = within_budget("x\n", 1);
        assert_eq!((text, cut), ("x", Some(1)));
    }
}
