//! Event coding: trigger words and phrases from the event lexicon, their arguments
//! from the argument frame (subject, object, "with", "to", "from", "by", "between X and
//! Y", possessives), equipment, place, date and modality from the clause around them.
//!
//! Everything is per sentence except two document-level passes: an event that names
//! only one side borrows the other from the nearest related event that names both
//! ("the pact includes the sale of arms"), and an agreement with no date of its own
//! takes the date of an anaphoric mention ("the agreement sealed July 20").

use crate::doc::{Class, Doc, Lang, PhraseSet, Work};
use crate::entities::Resolved;
use crate::names::Draft;
use crate::quotes::{Attribution, QuoteSpan};
use crate::triggers::{Frame, TriggerEntry, TriggerHit, Triggers};
use crate::words::{
    self, AID_CONTEXT, FRAME_PREPOSITIONS as PREPOSITIONS, LIGHT_VERBS, MILITARY_CONTEXT,
    MODALITY_CUES, NEGATIONS, NOUN_PHRASE_FILLERS, RECEIVER_VERBS, STATE_NOUNS,
};
use pw_dates::{DateKind, DateMention};
use pw_model::{EntityKind, Event, EventId, EventType, Modality, PartialDate, Span};
use std::cell::OnceCell;
use std::sync::OnceLock;

/// An actor candidate in a sentence.
#[derive(Clone, Copy, Debug)]
struct Actor {
    start: usize,
    end: usize,
    entity: usize,
    /// The preposition governing the mention ("with", "to", "by", ...), if any.
    prep: Option<&'static str>,
    possessive: bool,
    /// A demonym ("Iranian"): it can mark the maker of equipment.
    demonym: bool,
    /// "the government", "prosecutors": the state of the latest country named.
    state: bool,
    /// The quote holding the mention, if any.
    quote: Option<usize>,
    /// Right after a verb ("visited Tehran", "had Bolivia sign"): an object, not a subject.
    object: bool,
    /// Only usable as a place ("to La Paz", "in Maracay").
    place_only: bool,
}

/// A candidate event before dates and document-level filling.
#[derive(Clone, Debug)]
struct Draft2 {
    event_type: EventType,
    sentence: usize,
    trigger: Span,
    noun: bool,
    source: Vec<usize>,
    target: Vec<usize>,
    equipment: Vec<usize>,
    location: Vec<usize>,
    modality: Modality,
    attributed_to: Option<usize>,
    date: Option<PartialDate>,
    date_text: Option<String>,
    /// The verb a noun trigger is the object of ("signed" in "on Tuesday signed an
    /// agreement"): one event with the noun, so it does not bar the noun's dates.
    governor: Option<Span>,
}

pub(crate) struct EventInput<'a, 't> {
    pub(crate) doc: &'a Doc<'t>,
    pub(crate) drafts: &'a [Draft],
    pub(crate) resolved: &'a Resolved,
    pub(crate) triggers: &'a Triggers,
    pub(crate) dates: &'a [DateMention],
    /// The publication date the dates were resolved against.
    pub(crate) published: Option<PartialDate>,
    pub(crate) quotes: &'a [QuoteSpan],
    pub(crate) attributions: &'a [Attribution],
    /// Asked every [`STOP_CHECK_SENTENCES`](crate::STOP_CHECK_SENTENCES) sentences;
    /// when it says stop, no more events are coded (the caller drops the result).
    pub(crate) stop: &'a dyn Fn() -> bool,
}

/// Lookups by offset built once per document, so no rule scans the document's list of
/// quotes, dates or drafts for each trigger or actor.
struct Index {
    /// Quote contents in order and disjoint (what `quotes::find_quote_spans` gives):
    /// the quote holding an offset is found by binary search. Otherwise every lookup
    /// scans, which gives the same answers.
    quotes_disjoint: bool,
    /// Dates in order of their start: a sentence's dates are found by binary search.
    dates_sorted: bool,
    /// For each sentence, whether an equipment draft lies inside it.
    equipment: Vec<bool>,
    /// The first country entity of each country code.
    country_of_code: rustc_hash::FxHashMap<String, usize>,
    /// The start of each person's first mention, sorted.
    first_people: Vec<usize>,
    /// The mentions of people, `(start, end, entity)` in order of start.
    person_links: Vec<(usize, usize, usize)>,
}

impl Index {
    fn new(input: &EventInput) -> Index {
        let doc = input.doc;
        let quotes_disjoint = input.quotes.windows(2).all(|pair| {
            pair[0].content.start <= pair[0].content.end
                && pair[0].content.end <= pair[1].content.start
        });
        let dates_sorted = input
            .dates
            .windows(2)
            .all(|pair| pair[0].span.start <= pair[1].span.start);
        let mut equipment = vec![false; doc.sentences.len()];
        Work::add(&doc.work.draft_steps, input.drafts.len());
        for draft in input.drafts {
            if draft.kind == Some(EntityKind::Equipment) && !doc.sentences.is_empty() {
                let sentence = doc.sentence_at(draft.span.start);
                if doc.sentences[sentence].contains(draft.span) {
                    equipment[sentence] = true;
                }
            }
        }
        let mut country_of_code = rustc_hash::FxHashMap::default();
        for (index, entity) in input.resolved.entities.iter().enumerate() {
            if entity.kind == EntityKind::Country
                && let Some(code) = &entity.country
            {
                country_of_code.entry(code.clone()).or_insert(index);
            }
        }
        Index {
            quotes_disjoint,
            dates_sorted,
            equipment,
            country_of_code,
            first_people: input
                .resolved
                .first_mention_starts(input.drafts, EntityKind::Person),
            person_links: input
                .resolved
                .links
                .iter()
                .filter(|link| entity_kind(input, link.entity) == EntityKind::Person)
                .map(|link| {
                    let span = input.drafts[link.draft].span;
                    (span.start, span.end, link.entity)
                })
                .collect(),
        }
    }

    /// How many people are mentioned before `offset`.
    fn people_before(&self, offset: usize) -> usize {
        self.first_people.partition_point(|&start| start < offset)
    }

    /// The index of the (first) quote whose content holds `start..end`.
    fn quote_holding(&self, input: &EventInput, start: usize, end: usize) -> Option<usize> {
        let holds = |quote: &QuoteSpan| quote.content.start <= start && end <= quote.content.end;
        if self.quotes_disjoint {
            Work::add(&input.doc.work.quote_steps, 1);
            let index = input
                .quotes
                .partition_point(|quote| quote.content.start <= start)
                .checked_sub(1)?;
            return holds(&input.quotes[index]).then_some(index);
        }
        Work::add(&input.doc.work.quote_steps, input.quotes.len());
        input.quotes.iter().position(holds)
    }

    /// The range of quotes that may overlap `span` (all of them unless disjoint).
    fn quotes_near(&self, input: &EventInput, span: Span) -> std::ops::Range<usize> {
        if !self.quotes_disjoint {
            Work::add(&input.doc.work.quote_steps, input.quotes.len());
            return 0..input.quotes.len();
        }
        let first = input
            .quotes
            .partition_point(|quote| quote.content.end <= span.start);
        let last = input
            .quotes
            .partition_point(|quote| quote.content.start < span.end)
            .max(first);
        Work::add(&input.doc.work.quote_steps, last - first + 1);
        first..last
    }

    /// The dates inside a sentence, in the order of `input.dates`.
    fn dates_in<'a>(&self, input: &'a EventInput, span: Span) -> Vec<&'a DateMention> {
        let candidates = if self.dates_sorted {
            let first = input
                .dates
                .partition_point(|date| date.span.start < span.start);
            let last = input
                .dates
                .partition_point(|date| date.span.start < span.end)
                .max(first);
            &input.dates[first..last]
        } else {
            input.dates
        };
        Work::add(&input.doc.work.date_steps, candidates.len());
        candidates
            .iter()
            .filter(|date| span.contains(date.span))
            .collect()
    }
}

/// Where the marks that rules test between two offsets stand in one sentence, so "is
/// there a dash, a parenthesis, a comma or a clause boundary between a and b" is two
/// binary searches instead of a scan of the text between them.
struct Marks {
    dashes: Vec<usize>,
    opening_parens: Vec<usize>,
    closing_parens: Vec<usize>,
    commas: Vec<usize>,
    semicolons: Vec<usize>,
    /// `,` or a dash followed by a clause opener ("which", "as"): the mark's offset and
    /// the end of the opener.
    clause_openers: Vec<(usize, usize)>,
}

impl Marks {
    fn new(doc: &Doc, span: Span) -> Marks {
        let mut marks = Marks {
            dashes: Vec::new(),
            opening_parens: Vec::new(),
            closing_parens: Vec::new(),
            commas: Vec::new(),
            semicolons: Vec::new(),
            clause_openers: Vec::new(),
        };
        let lower = &doc.lower[span.start..span.end];
        for (at, c) in lower.char_indices() {
            let offset = span.start + at;
            match c {
                '—' | '–' => marks.dashes.push(offset),
                '(' => marks.opening_parens.push(offset),
                ')' => marks.closing_parens.push(offset),
                ',' => marks.commas.push(offset),
                ';' => marks.semicolons.push(offset),
                _ => continue,
            }
            if matches!(c, ',' | '—' | '–') {
                let rest_full = &lower[at + c.len_utf8()..];
                let rest = rest_full.trim_start();
                let word = rest
                    .split(|c: char| !c.is_ascii_alphabetic())
                    .next()
                    .unwrap_or("");
                if words::CLAUSE_OPENERS.contains(word) {
                    let word_end = span.end - rest.len() + word.len();
                    marks.clause_openers.push((offset, word_end));
                }
            }
        }
        marks
    }

    /// How many of the marks at `positions` lie in `start..end`.
    fn count(positions: &[usize], start: usize, end: usize) -> usize {
        positions
            .partition_point(|&at| at < end)
            .saturating_sub(positions.partition_point(|&at| at < start))
    }

    fn has_comma(&self, start: usize, end: usize) -> bool {
        Marks::count(&self.commas, start, end) > 0
    }

    /// [`inside_parenthetical`] of the text `sentence_start..mention_start` and
    /// `mention_end..before`.
    fn inside_parenthetical(
        &self,
        sentence_start: usize,
        mention_start: usize,
        mention_end: usize,
        before: usize,
    ) -> bool {
        let odd = |start, end| Marks::count(&self.dashes, start, end) % 2 == 1;
        let opened_dash = odd(sentence_start, mention_start) && odd(mention_end, before);
        let opened_paren = Marks::count(&self.opening_parens, sentence_start, mention_start)
            > Marks::count(&self.closing_parens, sentence_start, mention_start)
            && Marks::count(&self.closing_parens, mention_end, before) > 0;
        opened_dash || opened_paren
    }

    /// [`crosses_clause`] of the text `start..end`.
    fn crosses_clause(&self, start: usize, end: usize) -> bool {
        if Marks::count(&self.semicolons, start, end) > 0 {
            return true;
        }
        // Openers end in the order of their marks: the first mark at or after `start`
        // has the earliest opener end.
        let first = self.clause_openers.partition_point(|&(at, _)| at < start);
        self.clause_openers
            .get(first)
            .is_some_and(|&(at, word_end)| at < end && word_end <= end)
    }
}

/// What the rules ask of a sentence as a whole, computed at most once for all its
/// triggers, each part when a rule first asks for it.
struct SentenceFacts<'a, 'i> {
    input: &'a EventInput<'a, 'i>,
    sentence: usize,
    equipment: bool,
    marks: OnceCell<Marks>,
    title_case: OnceCell<bool>,
    aid: OnceCell<bool>,
    /// The military context words of the sentence (indices into `MILITARY_CONTEXT`).
    military_words: OnceCell<Vec<usize>>,
    /// A reporting cue ("said", "according to") written lowercase in the sentence.
    reported: OnceCell<bool>,
    speaker: OnceCell<Option<usize>>,
}

impl<'a, 'i> SentenceFacts<'a, 'i> {
    fn new(input: &'a EventInput<'a, 'i>, index: &Index, sentence: usize) -> Self {
        SentenceFacts {
            input,
            sentence,
            equipment: index.equipment[sentence],
            marks: OnceCell::new(),
            title_case: OnceCell::new(),
            aid: OnceCell::new(),
            military_words: OnceCell::new(),
            reported: OnceCell::new(),
            speaker: OnceCell::new(),
        }
    }

    fn clause(&self) -> &'a str {
        let doc = self.input.doc;
        doc.sentences[self.sentence].slice(&doc.lower)
    }

    fn marks(&self) -> &Marks {
        self.marks.get_or_init(|| {
            let doc = self.input.doc;
            Marks::new(doc, doc.sentences[self.sentence])
        })
    }

    fn title_case(&self) -> bool {
        *self
            .title_case
            .get_or_init(|| is_title_case(self.input.doc, self.sentence))
    }

    fn aid(&self) -> bool {
        *self.aid.get_or_init(|| cue_sets().aid.any(self.clause()))
    }

    fn reported(&self) -> bool {
        *self.reported.get_or_init(|| {
            let doc = self.input.doc;
            let start = doc.sentences[self.sentence].start;
            let cues = cue_sets();
            cues.modality.matches(self.clause()).any(|(cue, at)| {
                cues.modality_of[cue] == Modality::Reported && doc.is_lowercase_word_at(start + at)
            })
        })
    }

    /// A military word in the sentence that is not part of the trigger itself ("military
    /// cooperation" is not military context for its own trigger "military cooperation").
    fn military_context(&self, trigger: &str) -> bool {
        self.military_words
            .get_or_init(|| {
                cue_sets()
                    .military
                    .matches(self.clause())
                    .map(|(word, _)| word)
                    .collect()
            })
            .iter()
            .any(|&word| !trigger.contains(MILITARY_CONTEXT.list()[word]))
    }
}

pub(crate) fn extract_events(input: &EventInput) -> Vec<Event> {
    let doc = input.doc;
    let mut hits = Vec::new();
    input.triggers.find(&doc.lower, &mut hits);
    let mut candidates: Vec<Draft2> = Vec::new();
    // Triggers that produced an event or are verbs: they claim nearby dates.
    let mut claimants: Vec<(usize, Span)> = Vec::new();
    // Dated agreement mentions without actors: "the agreement sealed July 20".
    let mut anaphoric_agreement_dates: Vec<(usize, PartialDate, String)> = Vec::new();
    let index = Index::new(input);
    let mut hit_index = 0;
    for sentence in 0..doc.sentences.len() {
        if sentence.is_multiple_of(crate::STOP_CHECK_SENTENCES) && (input.stop)() {
            return Vec::new();
        }
        let sentence_span = doc.sentences[sentence];
        let actors = sentence_actors(input, &index, sentence);
        while hit_index < hits.len() && hits[hit_index].start < sentence_span.start {
            hit_index += 1;
        }
        let first_hit = hit_index;
        while hit_index < hits.len() && hits[hit_index].end <= sentence_span.end {
            hit_index += 1;
        }
        if first_hit == hit_index {
            continue;
        }
        // Built at the first hit that needs it (most hits of CAMEO verbs are skipped).
        let facts_cell = OnceCell::new();
        // A photo caption or page label ("FILE - In this Feb. 13, 2012, file photo, ...",
        // "BREAKING VIDEO: Video shows ...") reports no event.
        if is_labelled_caption(doc, sentence) {
            continue;
        }
        for hit in &hits[first_hit..hit_index] {
            // A month name is not a trigger ("announced March 27").
            if pw_text::is_capitalized(&doc.text[hit.start..hit.end])
                && pw_lexicon::words::MONTHS.contains(&doc.lower[hit.start..hit.end])
            {
                continue;
            }
            // A compiled CAMEO verb codes nothing in a sentence without actors, and it
            // claims no date: skip it before any work.
            if actors.is_empty()
                && hit
                    .entries
                    .iter()
                    .all(|&entry| input.triggers.entries[entry].derived)
            {
                continue;
            }
            let facts = facts_cell.get_or_init(|| SentenceFacts::new(input, &index, sentence));
            let Some((entry, noun)) = choose_entry(input, facts, hit, sentence) else {
                // A verb that codes nothing still owns the dates next to it ("sealed July 20").
                let first = doc.token_from(hit.start);
                let after_determiner = first > 0
                    && matches!(
                        doc.lower_word(first - 1),
                        "the" | "a" | "an" | "its" | "their" | "his" | "her"
                    );
                // A compiled CAMEO verb that codes nothing here is most often not an
                // event verb of this sentence: it claims no date.
                if !after_determiner
                    && hit.entries.iter().any(|&entry| {
                        let entry = &input.triggers.entries[entry];
                        !entry.noun && !entry.derived
                    })
                {
                    claimants.push((sentence, Span::new(hit.start, hit.end)));
                }
                continue;
            };
            let entry = &input.triggers.entries[entry];
            if !noun {
                claimants.push((sentence, Span::new(hit.start, hit.end)));
            }
            if let Some(candidate) =
                code_event(input, &index, facts, sentence, hit, entry, noun, &actors)
            {
                if noun {
                    claimants.push((sentence, Span::new(hit.start, hit.end)));
                }
                candidates.push(candidate);
            } else if entry.event_type == EventType::Agree
                && let Some(date) =
                    nearest_date(input, &index, sentence, Span::new(hit.start, hit.end), &[])
                && let Some(resolved) = date.date
            {
                anaphoric_agreement_dates.push((
                    hit.start,
                    resolved,
                    date.span.slice(doc.text).to_string(),
                ));
            }
        }
    }
    // Dates. Claimants are in sentence order: a candidate's are one slice of them.
    for candidate in candidates.iter_mut() {
        let first = claimants.partition_point(|(sentence, _)| *sentence < candidate.sentence);
        let last = claimants.partition_point(|(sentence, _)| *sentence <= candidate.sentence);
        Work::add(&doc.work.date_steps, last - first + 1);
        let others: Vec<Span> = claimants[first..last]
            .iter()
            .filter(|(_, span)| *span != candidate.trigger && Some(*span) != candidate.governor)
            .map(|(_, span)| *span)
            .collect();
        if let Some(date) = nearest_date(
            input,
            &index,
            candidate.sentence,
            candidate.trigger,
            &others,
        ) {
            candidate.date = match date.date {
                // "will sign the pact on Friday": the next Friday, not the last. A
                // weekday before the trigger most often dates the telling ("Landau on
                // Monday said that America is willing to help"), so it stays.
                Some(day)
                    if date.kind == DateKind::Weekday
                        && candidate.modality == Modality::Planned
                        && date.span.start >= candidate.trigger.end
                        && Some(day) != input.published =>
                {
                    Some(pw_dates::one_week_later(day))
                }
                resolved => resolved,
            };
            candidate.date_text = Some(date.span.slice(doc.text).to_string());
            // "The contract will be signed next month", "the summit in 2027": an act
            // dated after the publication has not happened yet.
            if matches!(candidate.modality, Modality::Asserted | Modality::Reported)
                && let (Some(date), Some(published)) = (candidate.date, input.published)
                && after_publication(date, published)
            {
                candidate.modality = Modality::Planned;
            }
        }
    }
    for candidate in candidates.iter_mut() {
        if candidate.event_type == EventType::Agree
            && candidate.date.is_none()
            && candidate.date_text.is_none()
        {
            // In order of offset: the nearest is one of the two around the trigger (the
            // earlier on a tie, as a scan would find it).
            let at = candidate.trigger.start;
            let next = anaphoric_agreement_dates.partition_point(|(offset, _, _)| *offset < at);
            Work::add(&doc.work.date_steps, 1);
            let nearest = anaphoric_agreement_dates[next.saturating_sub(1)..]
                .iter()
                .take(2)
                .min_by_key(|(offset, _, _)| offset.abs_diff(at));
            if let Some((_, date, text)) = nearest {
                candidate.date = Some(*date);
                candidate.date_text = Some(text.clone());
            }
        }
    }
    let mut candidates = merge_same_sentence(candidates, doc);
    fill_missing_sides(&mut candidates, input);
    // "China and Russia launched a joint exercise", "Peru and Ecuador will cooperate":
    // cooperation by two countries or more with no one else named is mutual, each
    // party on both sides.
    for candidate in candidates.iter_mut() {
        if matches!(
            candidate.event_type,
            EventType::Cooperate | EventType::CooperateMilitary
        ) && candidate.target.is_empty()
        {
            let mut countries: Vec<&String> = candidate
                .source
                .iter()
                .filter_map(|&entity| input.resolved.entities[entity].country.as_ref())
                .collect();
            countries.sort();
            countries.dedup();
            if countries.len() >= 2 {
                candidate.target = candidate.source.clone();
            }
        }
    }
    candidates.retain(|candidate| complete_enough(candidate, input));
    candidates
        .into_iter()
        .enumerate()
        .map(|(index, candidate)| {
            let sentence_span = doc.sentences[candidate.sentence];
            let id_of = |list: &[usize]| {
                list.iter()
                    .map(|&entity| input.resolved.entities[entity].id)
                    .collect::<Vec<_>>()
            };
            Event {
                id: EventId(index as u32),
                event_type: candidate.event_type,
                plover: candidate.event_type.plover(),
                source: id_of(&candidate.source),
                target: id_of(&candidate.target),
                equipment: id_of(&candidate.equipment),
                location: id_of(&candidate.location),
                date: candidate.date,
                date_text: candidate.date_text,
                modality: candidate.modality,
                attributed_to: candidate
                    .attributed_to
                    .map(|entity| input.resolved.entities[entity].id),
                trigger: candidate.trigger.slice(doc.text).to_string(),
                trigger_span: candidate.trigger,
                evidence: sentence_span.slice(doc.text).to_string(),
                span: sentence_span,
                sentence: candidate.sentence,
            }
        })
        .collect()
}

fn entity_kind(input: &EventInput, entity: usize) -> EntityKind {
    input.resolved.entities[entity].kind
}

/// The actors of one sentence: entity mentions that can act (countries, people,
/// organizations, capitals; other places only as places), "the government" standing
/// for the latest country, and "we"/"us" inside a quote standing for its speaker.
fn sentence_actors(input: &EventInput, index: &Index, sentence: usize) -> Vec<Actor> {
    let doc = input.doc;
    let span = doc.sentences[sentence];
    let mut actors = Vec::new();
    for link in input
        .resolved
        .links_starting_in(input.drafts, span.start, span.end)
    {
        let draft = &input.drafts[link.draft];
        if !span.contains(draft.span) {
            continue;
        }
        let kind = entity_kind(input, link.entity);
        let place_only = match kind {
            EntityKind::Equipment => continue,
            EntityKind::Location => input.resolved.capital_of[link.entity].is_none(),
            _ => false,
        };
        actors.push(actor_at(
            doc,
            draft.span.start,
            draft.span.end,
            link.entity,
            place_only,
        ));
    }
    // "the government", "the authorities": the latest country named before, in this sentence or the previous one.
    let (first_token, last_token) = doc.sentence_tokens[sentence];
    for token in first_token + 1..last_token {
        if !doc.is_word(token) || !STATE_NOUNS.contains(doc.lower_word(token)) {
            continue;
        }
        let noun = doc.tokens[token].span;
        let the = doc.tokens[token - 1].span;
        if doc.lower_word(token - 1) != "the"
            || the.end + 1 != noun.start
            || doc.lower[noun.end..span.end].starts_with(" of")
        {
            continue;
        }
        let offset = noun.start;
        // Skip "the Bolivian government" (the demonym is the actor already).
        let country = input
            .resolved
            .links_starting_in(input.drafts, offset.saturating_sub(400), offset)
            .iter()
            .rev()
            .filter(|link| input.drafts[link.draft].span.end <= offset)
            .find(|link| entity_kind(input, link.entity) == EntityKind::Country);
        if let Some(link) = country {
            let mut actor = actor_at(doc, offset, noun.end, link.entity, false);
            actor.state = true;
            actors.push(actor);
        }
    }
    // "The National Security Advisor", "the minister": the latest person named before
    // who holds that title.
    for token in first_token + 1..last_token {
        if !doc.is_word(token) || !doc.is(token, Class::TitleHead) {
            continue;
        }
        let mut start = token;
        while start > first_token
            && doc.is_word(start - 1)
            && doc.is(start - 1, Class::TitleModifier)
        {
            start -= 1;
        }
        let named_after = token + 1 < last_token
            && doc.is_word(token + 1)
            && pw_text::is_capitalized(doc.word(token + 1));
        if start == first_token || doc.lower_word(start - 1) != "the" || named_after {
            continue;
        }
        let title_span = Span::new(doc.tokens[start].span.start, doc.tokens[token].span.end);
        if actors
            .iter()
            .any(|actor| actor.start < title_span.end && title_span.start < actor.end)
        {
            continue;
        }
        let title = title_span.slice(doc.text);
        // Only people can hold the title: the scan goes back over their mentions and
        // stops once it has seen every person named before.
        let reachable = index.people_before(title_span.start);
        let mut seen = rustc_hash::FxHashSet::default();
        let before = index
            .person_links
            .partition_point(|&(start, _, _)| start < title_span.start);
        let holder = index.person_links[..before]
            .iter()
            .rev()
            .map(|&(_, _, entity)| entity)
            .take_while(|&entity| {
                Work::add(&doc.work.draft_steps, 1);
                if seen.len() >= reachable {
                    return false;
                }
                seen.insert(entity);
                true
            })
            .find(|&entity| {
                let entity = &input.resolved.entities[entity];
                entity.kind == EntityKind::Person
                    && entity.roles.iter().any(|role| {
                        role.eq_ignore_ascii_case(title)
                            || role
                                .to_ascii_lowercase()
                                .starts_with(&title.to_ascii_lowercase())
                    })
            });
        if let Some(entity) = holder {
            actors.push(actor_at(
                doc,
                title_span.start,
                title_span.end,
                entity,
                false,
            ));
        }
    }
    // Unnamed groups ("protesters", "police", "officials"; the Phoenix agents) with no
    // country of their own: the latest country named before them in the sentence.
    for token in first_token..last_token {
        if !doc.is_word(token)
            || pw_text::is_capitalized(doc.word(token)) && token > first_token
            || pw_lexicon::agents::agent_code(doc.lower_word(token)).is_none()
        {
            continue;
        }
        let token_span = doc.tokens[token].span;
        let has_own_country = actors
            .iter()
            .any(|actor| actor.end <= token_span.start && token_span.start - actor.end <= 12);
        if has_own_country {
            continue;
        }
        let country = input
            .resolved
            .links_starting_in(input.drafts, span.start, token_span.start)
            .iter()
            .rev()
            .filter(|link| {
                span.contains(input.drafts[link.draft].span)
                    && input.drafts[link.draft].span.end <= token_span.start
            })
            .find(|link| entity_kind(input, link.entity) == EntityKind::Country);
        if let Some(link) = country {
            let mut actor = actor_at(doc, token_span.start, token_span.end, link.entity, false);
            actor.state = true;
            actors.push(actor);
        }
    }
    // "the two countries", "both sides", "ambos países": the two countries named last
    // before them.
    for token in first_token + 1..last_token {
        if !doc.is_word(token)
            || !words::PAIR_NOUNS.contains(doc.lower_word(token))
            || !words::PAIR_QUANTIFIERS.contains(doc.lower_word(token - 1))
        {
            continue;
        }
        let pair_span = Span::new(doc.tokens[token - 1].span.start, doc.tokens[token].span.end);
        if actors
            .iter()
            .any(|actor| actor.start < pair_span.end && pair_span.start < actor.end)
        {
            continue;
        }
        let mut pair: Vec<usize> = Vec::with_capacity(2);
        for link in input
            .resolved
            .links_starting_in(
                input.drafts,
                pair_span.start.saturating_sub(PAIR_REACH),
                pair_span.start,
            )
            .iter()
            .rev()
        {
            Work::add(&doc.work.draft_steps, 1);
            if input.drafts[link.draft].span.end <= pair_span.start
                && entity_kind(input, link.entity) == EntityKind::Country
                && !pair.contains(&link.entity)
            {
                pair.push(link.entity);
                if pair.len() == 2 {
                    break;
                }
            }
        }
        if pair.len() == 2 {
            for entity in pair.into_iter().rev() {
                actors.push(actor_at(doc, pair_span.start, pair_span.end, entity, false));
            }
        }
    }
    // "his visit to Brazil", "where he met": a possessive or personal pronoun outside
    // quotes stands for the latest person named before it.
    let quotes = index.quotes_near(input, span);
    for token in first_token..last_token {
        if !doc.is_word(token) {
            continue;
        }
        let word = doc.lower_word(token);
        let possessive = words::PERSON_POSSESSIVES.contains(word);
        if !possessive && !words::PERSON_PRONOUNS.contains(word) {
            continue;
        }
        let token_span = doc.tokens[token].span;
        if actors
            .iter()
            .any(|actor| actor.start <= token_span.start && token_span.end <= actor.end)
            || (!possessive
                && input.quotes[quotes.clone()]
                    .iter()
                    .any(|quote| quote.content.contains(token_span)))
        {
            continue;
        }
        // A personal pronoun counts as a subject only ("where he met", "he added,
        // before accusing"), and not before a capitalized word ("He Iranian minister").
        if !possessive
            && (!subject_position(doc, token, first_token)
                || token + 1 < last_token
                    && doc.is_word(token + 1)
                    && pw_text::is_capitalized(doc.word(token + 1)))
        {
            continue;
        }
        let before = index
            .person_links
            .partition_point(|&(start, _, _)| start < token_span.start);
        let person = index.person_links[..before]
            .iter()
            .rev()
            .inspect(|_| Work::add(&doc.work.draft_steps, 1))
            .find(|&&(_, end, _)| end <= token_span.start)
            .map(|&(_, _, entity)| entity);
        if let Some(entity) = person {
            let mut actor = actor_at(doc, token_span.start, token_span.end, entity, false);
            actor.possessive = possessive;
            actors.push(actor);
        }
    }
    // "we", "us", "our country" inside a quote: its speaker.
    for quote_index in index.quotes_near(input, span) {
        let quote = &input.quotes[quote_index];
        if !span.overlaps(quote.content) {
            continue;
        }
        let Some(speaker) = input.attributions[quote_index].speaker else {
            continue;
        };
        let start = quote.content.start.max(span.start);
        let end = quote.content.end.min(span.end);
        let first = doc.token_from(start);
        let last = doc.token_until(end);
        for token in first..last {
            if doc.is_word(token) && matches!(doc.lower_word(token), "we" | "us" | "our") {
                let entity = country_entity_of(input, index, speaker).unwrap_or(speaker);
                let token_span = doc.tokens[token].span;
                actors.push(actor_at(
                    doc,
                    token_span.start,
                    token_span.end,
                    entity,
                    false,
                ));
            }
        }
    }
    actors.sort_by_key(|actor| actor.start);
    for actor in actors.iter_mut() {
        actor.quote = index.quote_holding(input, actor.start, actor.end);
    }
    actors
}

/// The country entity of a person or organization, when the document names that country.
fn country_entity_of(input: &EventInput, index: &Index, entity: usize) -> Option<usize> {
    let code = input.resolved.entities[entity].country.as_ref()?;
    index.country_of_code.get(code).copied()
}

fn actor_at(doc: &Doc, start: usize, end: usize, entity: usize, place_only: bool) -> Actor {
    // The governing preposition: up to four words back over determiners and modifiers.
    let mut prep = None;
    let mut first = doc.token_from(start);
    let sentence_start =
        doc.sentence_tokens[doc.sentence_of_token(first.min(doc.tokens.len().saturating_sub(1)))].0;
    if doc.lang == Lang::Es {
        first = spanish_phrase_start(doc, first, sentence_start);
    }
    let mut index = first;
    let mut steps = 0;
    while index > sentence_start && steps < 5 {
        index -= 1;
        steps += 1;
        let word = doc.lower_word(index);
        if let Some(found) = PREPOSITIONS.list().iter().find(|prep| **prep == word) {
            prep = Some(*found);
            break;
        }
        let capitalized = pw_text::is_capitalized(doc.word(index));
        // "In March Germany signed": the preposition governs the month, not the actor.
        if pw_lexicon::words::MONTHS.contains(word) || pw_lexicon::words::WEEKDAYS.contains(word) {
            break;
        }
        if !(words::ACTOR_LEAD_WORDS.contains(word)
            || capitalized
            || doc.is(index, Class::TitleModifier)
            || doc.is(index, Class::TitleHead)
            || doc.is(index, Class::StateNoun)
            || words::ACTOR_GROUP_WORDS.contains(word))
        {
            break;
        }
    }
    // "by members of the Bolivian opposition": the preposition before the group counts.
    if prep == Some("of") && index >= 2 {
        let head = doc.lower_word(index - 1);
        // "by the police of Panama", "por la policía de Panamá": over a determiner too.
        let outer_at = if index >= 3
            && index - 2 > sentence_start
            && matches!(
                doc.lower_word(index - 2),
                "the" | "its" | "his" | "her" | "their"
            ) {
            index - 3
        } else {
            index - 2
        };
        if words::PARTITIVE_HEADS.contains(head)
            && let Some(outer) = PREPOSITIONS
                .list()
                .iter()
                .find(|prep| **prep == doc.lower_word(outer_at))
            && *outer != "of"
            && *outer != "and"
        {
            prep = Some(*outer);
        }
    }
    // "Iran's ambassador to Caracas": "according to X" stays marked as attribution.
    if prep == Some("to") && index > 0 && doc.lower_word(index - 1) == "according" {
        prep = Some("according");
    }
    // The word right before the mention's noun phrase: a lowercase word that is not a
    // preposition, conjunction or determiner is a verb, so the mention is its object.
    let object = {
        let mut before = first;
        while before > sentence_start
            && matches!(doc.lower_word(before - 1), "the" | "a" | "an" | "then-")
        {
            before -= 1;
        }
        // "met on Wednesday the US Secretary": a day between verb and object.
        if before >= sentence_start + 2
            && pw_lexicon::words::WEEKDAYS.contains(doc.lower_word(before - 1))
            && doc.lower_word(before - 2) == "on"
        {
            before -= 2;
        }
        before > sentence_start && {
            let word = doc.word(before - 1);
            let lower = doc.lower_word(before - 1);
            doc.is_word(before - 1)
                && word.chars().next().is_some_and(char::is_lowercase)
                && !PREPOSITIONS.contains(lower)
                && !words::NOT_VERBS_BEFORE_OBJECT.contains(lower)
                // "Last week the United States sold": a date word is no verb.
                && pw_lexicon::words::DATE_WORDS.get(lower).is_none()
        }
    };
    // "the government of Bolivia": the country is the head of the phrase, no preposition.
    if prep == Some("of")
        && index >= 1
        && (doc.is(index - 1, Class::StateNoun)
            || matches!(
                doc.lower_word(index - 1),
                "governments" | "regimes" | "people" | "president" | "leaders"
            ))
        && !(index >= 2 && PREPOSITIONS.contains(doc.lower_word(index - 2)))
    {
        prep = None;
    }
    let after = doc.token_from(end);
    let possessive = after < doc.tokens.len() && matches!(doc.word(after), "'s" | "’s");
    Actor {
        start,
        end,
        entity,
        prep,
        possessive,
        demonym: false,
        state: false,
        quote: None,
        object,
        place_only,
    }
}

/// Picks the lexicon entry that fits a trigger hit: verb or noun, with its constraints.
fn choose_entry(
    input: &EventInput,
    facts: &SentenceFacts,
    hit: &TriggerHit,
    sentence: usize,
) -> Option<(usize, bool)> {
    let doc = input.doc;
    let first_token = doc.token_from(hit.start);
    let previous = first_token
        .checked_sub(1)
        .filter(|&index| index >= doc.sentence_tokens[sentence].0);
    let previous_word = previous.map(|index| doc.lower_word(index)).unwrap_or("");
    let last_token = doc.token_until(hit.end).saturating_sub(1);
    let next_word = if last_token + 1 < doc.sentence_tokens[sentence].1 {
        doc.lower_word(last_token + 1)
    } else {
        ""
    };
    let looks_like_noun = words::NOUN_TRIGGER_LEFT_WORDS.contains(previous_word)
        || previous.is_some_and(|index| {
            pw_text::is_capitalized(doc.word(index)) && index > doc.sentence_tokens[sentence].0
        })
        || matches!(next_word, "of" | "by" | "between");
    let has_verb = input.triggers.has_after_entries(hit.pattern)
        || hit
            .entries
            .iter()
            .any(|&entry| !input.triggers.entries[entry].noun);
    let has_noun = hit
        .entries
        .iter()
        .any(|&entry| input.triggers.entries[entry].noun);
    let want_noun = if has_verb && has_noun {
        looks_like_noun
    } else {
        has_noun
    };
    let sentence_span = doc.sentences[sentence];
    let window_before = doc.lower_slice(
        hit.start.saturating_sub(48).max(sentence_span.start),
        hit.start,
    );
    // Spanish puts the time and place between a verb and its object ("firmaron el
    // jueves en Teherán un memorando"): its window after the trigger is longer.
    let (after_bytes, after_count) = match doc.lang {
        Lang::En => (48, 4),
        Lang::Es => (80, 7),
    };
    let window_after = doc.lower_slice(hit.end, (hit.end + after_bytes).min(sentence_span.end));
    // A verb-only entry compiled from CAMEO does not fire on a noun use ("the march")
    // nor on a capitalized word ("March 28", "Grand Cross"): a verb is lowercase.
    let all_derived = hit
        .entries
        .iter()
        .all(|&entry| input.triggers.entries[entry].derived);
    // In a title-case headline every word is capitalized, the verbs too.
    let capitalized = pw_text::is_capitalized(&doc.text[hit.start..hit.end]) && !facts.title_case();
    if all_derived && (looks_like_noun && !has_noun || capitalized) {
        return None;
    }
    fn trim(word: &str) -> &str {
        word.trim_matches(|c: char| !c.is_alphanumeric() && c != '.')
    }
    let mut before_words: [&str; 4] = [""; 4];
    for (slot, word) in before_words
        .iter_mut()
        .zip(window_before.split_whitespace().rev())
    {
        *slot = trim(word);
    }
    let mut after_words: [&str; 7] = [""; 7];
    for (slot, word) in after_words[..after_count]
        .iter_mut()
        .zip(window_after.split_whitespace())
    {
        *slot = trim(word);
    }
    // The entries to test: the form's own, and the compiled patterns that need one of
    // the words after it, in lexicon order (the first of equals wins).
    let candidates: std::borrow::Cow<[usize]> = if input.triggers.has_after_entries(hit.pattern) {
        let mut candidates = hit.entries.to_vec();
        for word in after_words.iter().filter(|word| !word.is_empty()) {
            candidates.extend_from_slice(input.triggers.after_entries(hit.pattern, word));
        }
        candidates.sort_unstable();
        candidates.dedup();
        candidates.into()
    } else {
        (&hit.entries[..]).into()
    };
    let mut best: Option<(usize, bool, u8)> = None;
    for &entry_index in candidates.iter() {
        let entry = &input.triggers.entries[entry_index];
        if entry.noun != want_noun {
            continue;
        }
        if !entry.before.is_empty()
            && !before_words
                .iter()
                .any(|word| !word.is_empty() && entry.before.contains(*word))
        {
            continue;
        }
        if entry
            .not_before
            .iter()
            .any(|word| !before_words[0].is_empty() && before_words[0] == word.as_str())
        {
            continue;
        }
        if !entry.after.is_empty()
            && !after_words
                .iter()
                .any(|word| !word.is_empty() && entry.after.contains(*word))
        {
            continue;
        }
        // A compiled verb + object pattern is more specific than the bare verb.
        let mut specificity =
            u8::from(entry.derived && !(entry.after.is_empty() && entry.before.is_empty()));
        if entry.needs_equipment {
            if !facts.equipment {
                continue;
            }
            specificity = 3;
        }
        if entry.needs_military {
            let trigger_text = &doc.lower[hit.start..hit.end];
            if !facts.military_context(trigger_text) {
                continue;
            }
            specificity = specificity.max(2);
        }
        if best.is_none_or(|(_, _, best_specificity)| specificity > best_specificity) {
            best = Some((entry_index, entry.noun, specificity));
        }
    }
    best.map(|(entry, noun, _)| (entry, noun))
}

/// A sentence opened by an all-caps page label and a dash or colon ("FILE -",
/// "BREAKING VIDEO:", "PHOTO:"): a caption or a teaser, not a report.
fn is_labelled_caption(doc: &Doc, sentence: usize) -> bool {
    let (first, last) = doc.sentence_tokens[sentence];
    let mut index = first;
    while index < last && index - first < 3 {
        if !doc.is_shouted(index) || !words::NEWS_LABELS.contains(doc.lower_word(index)) {
            break;
        }
        index += 1;
    }
    index > first && index < last && matches!(doc.word(index), "-" | "–" | "—" | ":" | "--")
}

/// A title-case line ("US Airlifts 54,000 Pounds of Supplies to Gaza"): at least two
/// thirds of its words of more than three letters are capitalized.
fn is_title_case(doc: &Doc, sentence: usize) -> bool {
    let (first, last) = doc.sentence_tokens[sentence];
    let (mut long, mut capitalized) = (0, 0);
    for index in first..last {
        let word = doc.word(index);
        if doc.is_word(index) && word.chars().filter(|c| c.is_alphabetic()).count() > 3 {
            long += 1;
            capitalized += usize::from(pw_text::is_capitalized(word));
        }
    }
    long >= 3 && capitalized * 3 >= long * 2
}

fn is_passive(doc: &Doc, trigger_start: usize, sentence: usize) -> bool {
    let first = doc.token_from(trigger_start);
    // "is attacking", "are imposing": progressive, not passive.
    if doc.lower_word(first).ends_with("ing") {
        return false;
    }
    let sentence_start = doc.sentence_tokens[sentence].0;
    let mut index = first;
    let mut steps = 0;
    while index > sentence_start && steps < 3 {
        index -= 1;
        steps += 1;
        let word = doc.lower_word(index);
        if words::PASSIVE_AUXILIARIES.contains(word) {
            return true;
        }
        if !word.ends_with("ly") && !words::PASSIVE_ADVERBS.contains(word) {
            return false;
        }
    }
    false
}

#[allow(clippy::too_many_arguments)]
fn code_event(
    input: &EventInput,
    index: &Index,
    facts: &SentenceFacts,
    sentence: usize,
    hit: &TriggerHit,
    entry: &TriggerEntry,
    noun: bool,
    actors: &[Actor],
) -> Option<Draft2> {
    let doc = input.doc;
    let sentence_span = doc.sentences[sentence];
    let trigger = Span::new(hit.start, hit.end);
    let trigger_quote = index.quote_holding(input, hit.start, hit.end);
    let marks = facts.marks();
    let work = &doc.work;
    Work::add(&work.actor_steps, 2 * actors.len());
    let left: Vec<&Actor> = actors
        .iter()
        .filter(|actor| actor.end <= hit.start && actor.quote == trigger_quote)
        .filter(|actor| !is_compound_modifier(doc, actor))
        .collect();
    let right: Vec<&Actor> = actors
        .iter()
        .filter(|actor| actor.start >= hit.end && actor.quote == trigger_quote)
        .filter(|actor| !is_compound_modifier(doc, actor))
        .collect();
    let mut source: Vec<usize> = Vec::new();
    let mut target: Vec<usize> = Vec::new();
    let add = |list: &mut Vec<usize>, actor: &Actor| {
        if !list.contains(&actor.entity) {
            list.push(actor.entity);
        }
    };

    // The subject: the nearest actor before the trigger that no preposition governs,
    // with the actors coordinated with it ("the United States and Argentina").
    let subject = |before: usize| -> Vec<&Actor> {
        let mut found = Vec::new();
        let sentence_start = doc.sentences[sentence].start;
        Work::add(&work.actor_steps, left.len());
        let candidates: Vec<&&Actor> = left
            .iter()
            .filter(|actor| actor.end <= before && !actor.place_only && !actor.object)
            // "The announcement—which includes a package for Ukraine—will provide":
            // a name inside a parenthetical is not the verb's subject.
            .filter(|actor| {
                !marks.inside_parenthetical(sentence_start, actor.start, actor.end, before)
            })
            .collect();
        if let Some(position) = candidates.iter().rposition(|actor| {
            matches!(actor.prep, None | Some("of")) || (actor.prep == Some("and"))
        }) {
            found.push(*candidates[position]);
            let mut position = position;
            // Walk back over coordinated actors ("the United States and Argentina") and
            // over the head an "of" actor belongs to ("Luis Petri of Argentina and Troels
            // Lund Poulsen of Denmark signed": Denmark's head is Poulsen, whose "and"
            // joins Argentina, whose head is Petri).
            while position > 0 {
                let current = candidates[position];
                let previous = candidates[position - 1];
                let Some(between) = doc.text.get(previous.end..current.start) else {
                    break;
                };
                let linked = match current.prep {
                    Some("and") => between.len() <= 10 && !between.contains(','),
                    Some("of") => between.trim().eq_ignore_ascii_case("of"),
                    _ => false,
                };
                if !linked {
                    break;
                }
                position -= 1;
                found.push(previous);
            }
        }
        found
    };

    // "between X and Y": an "and" actor after the first "between" actor.
    let first_between_end = actors
        .iter()
        .filter(|other| other.prep == Some("between"))
        .map(|other| other.end)
        .min();
    Work::add(&work.actor_steps, 2 * actors.len());
    let between: Vec<&Actor> = actors
        .iter()
        .filter(|actor| {
            actor.prep == Some("between")
                || actor.prep == Some("and")
                    && first_between_end.is_some_and(|end| end <= actor.start)
        })
        .collect();
    let right_with = |preps: &[&str]| -> Vec<&Actor> {
        Work::add(&work.actor_steps, right.len());
        right
            .iter()
            .copied()
            .filter(|actor| {
                actor.prep.is_some_and(|prep| preps.contains(&prep))
                    || (actor.prep.is_none()
                        && preps.contains(&"")
                        && !marks.has_comma(hit.end, actor.start))
            })
            // A noun's arguments follow it in its own clause: "assistance for Ukraine,
            // as Ukrainians defend their freedom from Russian aggression" has no giver.
            .filter(|actor| !noun || !marks.crosses_clause(hit.end, actor.start))
            .collect()
    };

    let mut governor = None;
    if noun {
        // Possessive or premodifier right before the noun: "Maduro's visit", "the Iran-Bolivia drone agreement".
        let noun_phrase_start = noun_phrase_start(doc, hit.start, sentence);
        let premodifiers: Vec<&Actor> = left
            .iter()
            .copied()
            .filter(|actor| actor.start >= noun_phrase_start)
            .collect();
        let light = light_verb_before(doc, noun_phrase_start, sentence);
        governor = light.map(|at| doc.tokens[doc.token_from(at)].span);
        let by = right_with(&["by"]);
        let from = right_with(&["from"]);
        let of = right_with(&["of"]);
        match entry.frame {
            Frame::With => {
                for actor in premodifiers.iter().chain(between.iter()) {
                    add(&mut source, actor);
                }
                for actor in right_with(&["with", "to"]).iter().take(2) {
                    add(&mut target, actor);
                }
            }
            Frame::Give => {
                for actor in premodifiers
                    .iter()
                    .chain(by.iter().take(1))
                    .chain(from.iter().take(1))
                {
                    add(&mut source, actor);
                }
                for actor in right_with(&["to", "for"]).iter().take(1) {
                    add(&mut target, actor);
                }
            }
            Frame::Take => {
                for actor in premodifiers.iter().chain(by.iter().take(1)) {
                    add(&mut target, actor);
                }
                // Spanish buys "a X" (from X): "la compra de drones a Irán".
                let sellers = match doc.lang {
                    Lang::En => from.clone(),
                    Lang::Es => right_with(&["from", "to"]),
                };
                for actor in sellers.iter().take(1) {
                    add(&mut source, actor);
                }
            }
            Frame::Go => {
                for actor in premodifiers
                    .iter()
                    .chain(by.iter().take(1))
                    .chain(of.iter().take(1))
                {
                    add(&mut source, actor);
                }
                for actor in right_with(&["to", "in"])
                    .iter()
                    .filter(|actor| !source.contains(&actor.entity))
                    .take(1)
                {
                    add(&mut target, actor);
                }
            }
            Frame::Act | Frame::Ask => {
                for actor in premodifiers
                    .iter()
                    .filter(|actor| actor.possessive)
                    .chain(by.iter().take(1))
                    .chain(from.iter().take(1))
                {
                    add(&mut source, actor);
                }
                for actor in right_with(&["on", "against", "of", "to", "in", "at"])
                    .iter()
                    .filter(|actor| !source.contains(&actor.entity))
                    .take(1)
                {
                    add(&mut target, actor);
                }
            }
            Frame::Own => {
                for actor in premodifiers
                    .iter()
                    .chain(by.iter().take(1))
                    .chain(right_with(&["in", "of"]).iter().take(1))
                {
                    add(&mut source, actor);
                }
            }
        }
        // "X signed a deal", "X voiced criticism"; "the agreement drew criticism from Y".
        if let Some(light_at) = light {
            let receiver = RECEIVER_VERBS.contains(doc.lower_word(doc.token_from(light_at)));
            let subject_actors = subject(light_at);
            if receiver {
                std::mem::swap(&mut source, &mut target);
                for actor in &from {
                    add(&mut source, actor);
                }
                if target.is_empty() {
                    // The receiving subject may be the noun phrase before the verb: "The Iran-Bolivia ... agreement drew".
                    let before_light: Vec<&Actor> = left
                        .iter()
                        .copied()
                        .filter(|actor| actor.end <= light_at)
                        .collect();
                    let phrase_start = before_light.first().map_or(light_at, |actor| actor.start);
                    for actor in before_light.iter().filter(|actor| {
                        actor.start >= phrase_start && matches!(actor.prep, None | Some("of"))
                    }) {
                        add(&mut target, actor);
                    }
                }
            } else if source.is_empty()
                || entry.frame == Frame::With && source.len() + target.len() < 2
            {
                for actor in subject_actors {
                    if entry.frame == Frame::Take {
                        add(&mut target, actor);
                    } else {
                        add(&mut source, actor);
                    }
                }
            }
        }
        // "Venezuelan gold in exchange for Iranian oil": the parties stand right by the noun.
        if entry.frame == Frame::With && source.is_empty() && target.is_empty() {
            for actor in left.iter().filter(|actor| hit.start - actor.end <= 24) {
                add(&mut source, actor);
            }
            for actor in right.iter().filter(|actor| actor.start - hit.end <= 24) {
                add(&mut target, actor);
            }
        }
        if light.is_none() && entry.frame == Frame::With && source.is_empty() && !target.is_empty()
        {
            for actor in subject(noun_phrase_start) {
                if noun_phrase_start - actor.end <= 48 {
                    add(&mut source, actor);
                }
            }
        }
        if source.is_empty() && target.is_empty() && entry.event_type != EventType::TransferArms {
            return None;
        }
    } else {
        // A subject-only act has no passive: "protesters are gathered outside" is a state,
        // whatever frame the verb has elsewhere.
        let passive = entry.frame != Frame::Own
            && !matches!(entry.event_type, EventType::Protest | EventType::Mobilize)
            && is_passive(doc, hit.start, sentence);
        let subject_actors = subject(hit.start);
        let by = right_with(&["by"]);
        Work::add(&work.actor_steps, right.len());
        let direct: Vec<&Actor> = right
            .iter()
            .copied()
            .filter(|actor| {
                (actor.prep.is_none() && !marks.has_comma(hit.end, actor.start))
                    || actor.prep == Some("of") && !actor.place_only
            })
            .collect();
        let (mut agents, mut patients): (Vec<&Actor>, Vec<&Actor>) = if passive {
            (by.clone(), subject_actors.clone())
        } else {
            (subject_actors.clone(), Vec::new())
        };
        match entry.frame {
            Frame::Give => {
                if !passive {
                    patients.extend(right_with(&["to", "for", "with"]).into_iter().take(1));
                    if patients.is_empty() {
                        patients.extend(
                            direct
                                .iter()
                                .copied()
                                .filter(|actor| !actor.place_only)
                                .take(1),
                        );
                    }
                }
            }
            Frame::Take => {
                // The subject receives: it is the target; "from X" is the source.
                // Spanish buys "a X" or "de X": "Bolivia compró drones a Irán".
                let givers = match doc.lang {
                    Lang::En => right_with(&["from"]),
                    Lang::Es => right_with(&["from", "to", "of"]),
                };
                let receivers = agents.clone();
                patients = receivers;
                agents = givers.into_iter().take(1).collect();
            }
            Frame::Act | Frame::Ask => {
                if !passive {
                    let preps: &[&str] = if entry.frame == Frame::Ask {
                        &["", "to", "from", "on", "of"]
                    } else {
                        &["", "on", "against", "at", "in", "of", "to", "including"]
                    };
                    patients.extend(
                        right_with(preps)
                            .into_iter()
                            .filter(|actor| {
                                !actor.place_only || entry.event_type == EventType::Attack
                            })
                            .take(1),
                    );
                } else if patients.is_empty() {
                    patients.extend(
                        right
                            .iter()
                            .copied()
                            .filter(|actor| {
                                actor.prep != Some("by") && actor.prep != Some("according")
                            })
                            .take(1),
                    );
                }
            }
            Frame::With => {
                for actor in &between {
                    agents.push(actor);
                }
                if !passive {
                    patients.extend(
                        right_with(&["with", "", "to"])
                            .into_iter()
                            .filter(|actor| !actor.place_only)
                            .take(2),
                    );
                }
            }
            Frame::Go => {
                if !passive {
                    patients.extend(right_with(&["", "to", "in"]).into_iter().take(1));
                }
            }
            Frame::Own => {}
        }
        for actor in agents {
            add(&mut source, actor);
        }
        for actor in patients {
            if !source.contains(&actor.entity) || actor.state {
                add(&mut target, actor);
            }
        }
        if source.is_empty() && target.is_empty() {
            return None;
        }
    }

    let mut event_type = entry.event_type;
    if entry.aimed
        && let Some(aimed_at) = right_with(&["at", "against", "on", "toward", "towards"])
            .into_iter()
            .find(|actor| !source.contains(&actor.entity))
    {
        event_type = EventType::Attack;
        if !target.contains(&aimed_at.entity) {
            target.push(aimed_at.entity);
        }
    }
    let trigger_lower = &doc.lower[hit.start..hit.end];
    if matches!(event_type, EventType::Cooperate | EventType::Support) && facts.aid() {
        event_type = EventType::Aid;
    } else if event_type == EventType::Cooperate && facts.military_context(trigger_lower) {
        event_type = EventType::CooperateMilitary;
    }

    // Equipment in the sentence, and its maker ("Iranian-made drones") as the supplier.
    let mut equipment = Vec::new();
    if matches!(
        event_type,
        EventType::TransferArms
            | EventType::CooperateMilitary
            | EventType::Attack
            | EventType::Seize
            | EventType::Agree
            | EventType::Trade
            | EventType::Aid
            | EventType::Mobilize
    ) {
        for link in
            input
                .resolved
                .links_starting_in(input.drafts, sentence_span.start, sentence_span.end)
        {
            let draft = &input.drafts[link.draft];
            if sentence_span.contains(draft.span)
                && entity_kind(input, link.entity) == EntityKind::Equipment
                && !equipment.contains(&link.entity)
            {
                equipment.push(link.entity);
                // "donated two C-130H Hercules aircraft to Colombia": weapons given
                // are an arms transfer, whatever the verb.
                if event_type == EventType::Aid
                    && !noun
                    && draft.span.start >= hit.end
                    && draft.span.start - hit.end <= 40
                    && !actors
                        .iter()
                        .any(|actor| actor.start >= hit.end && actor.end <= draft.span.start)
                {
                    event_type = EventType::TransferArms;
                }
                if event_type == EventType::TransferArms
                    && let Some(maker) = maker_before(input, actors, draft.span.start)
                    && !source.contains(&maker.entity)
                {
                    target.retain(|&entity| entity != maker.entity);
                    source.insert(0, maker.entity);
                    source.truncate(1);
                }
            }
        }
    }
    if source.len() > 1 && !event_type.is_symmetric() {
        // Directed events keep coordinated subjects, but not a subject and its own title's demonym.
        source.dedup();
    }
    let state_targets: Vec<usize> = actors
        .iter()
        .filter(|actor| actor.state && actor.start >= hit.end)
        .map(|actor| actor.entity)
        .collect();
    target.retain(|entity| !source.contains(entity) || state_targets.contains(entity));

    if source.is_empty() && target.is_empty() {
        return None;
    }
    let location = actors
        .iter()
        .filter(|actor| {
            actor.start >= hit.end
                && matches!(actor.prep, Some("in") | Some("at"))
                && entity_kind(input, actor.entity) == EntityKind::Location
        })
        .map(|actor| actor.entity)
        .take(1)
        .collect();

    let (mut modality, attributed_to) = modality_of(
        input, index, facts, sentence, trigger, event_type, noun, actors,
    );
    if entry.planned && matches!(modality, Modality::Asserted | Modality::Reported) {
        modality = Modality::Planned;
    }
    Some(Draft2 {
        event_type,
        sentence,
        trigger,
        noun,
        source,
        target,
        equipment,
        location,
        modality,
        attributed_to,
        date: None,
        date_text: None,
        governor,
    })
}

/// "Iranian-made drones", "Iranian drones", "Russian S-400": the country just before equipment.
/// A mention between `before` and `after` sits inside a dash pair or parentheses that
/// close before the verb.
/// The rules' definition, which [`Marks::inside_parenthetical`] answers by binary
/// search (the tests check that both agree).
#[cfg(test)]
fn inside_parenthetical(before: &str, after: &str) -> bool {
    let dashes = |text: &str| text.matches(['—', '–']).count();
    let opened_dash = dashes(before) % 2 == 1 && dashes(after) % 2 == 1;
    let opened_paren =
        before.matches('(').count() > before.matches(')').count() && after.contains(')');
    opened_dash || opened_paren
}

/// Text between a nominal trigger and a candidate argument that starts a new clause: a
/// comma or dash followed by a subordinating word, or a semicolon.
/// The rules' definition, which [`Marks::crosses_clause`] answers by binary search.
#[cfg(test)]
fn crosses_clause(between: &str) -> bool {
    if between.contains(';') {
        return true;
    }
    between.match_indices([',', '—', '–']).any(|(at, mark)| {
        let rest = between[at + mark.len()..].trim_start();
        let word = rest
            .split(|c: char| !c.is_ascii_alphabetic())
            .next()
            .unwrap_or("");
        words::CLAUSE_OPENERS.contains(word)
    })
}

/// "Iranian-backed", "U.S.-led", "Russia-based": the name modifies the noun after it
/// and is not an argument of the clause's verb (the maker of equipment is found apart).
/// Spanish puts a demonym after its noun ("la policía rusa", "un periodista
/// estadounidense"): the actor's phrase starts at the noun, so the preposition and the
/// subject or object test are read from there. A mention that is not a lowercase word
/// (a name), or a run of lowercase words not closed by a determiner, a preposition, a
/// capitalized word or the sentence start, keeps its own start.
fn spanish_phrase_start(doc: &Doc, first: usize, sentence_start: usize) -> usize {
    if first >= doc.tokens.len() || !doc.word(first).starts_with(|c: char| c.is_lowercase()) {
        return first;
    }
    let closes = |index: usize| {
        let word = doc.lower_word(index);
        PREPOSITIONS.contains(word)
            || matches!(word, "the" | "a" | "its")
            || !doc.is_word(index)
            || !doc.word(index).starts_with(|c: char| c.is_lowercase())
    };
    let mut start = first;
    while start > sentence_start && first - start < 2 && !closes(start - 1) {
        start -= 1;
    }
    if start < first && (start == sentence_start || closes(start - 1)) {
        start
    } else {
        first
    }
}

fn is_compound_modifier(doc: &Doc, actor: &Actor) -> bool {
    let Some(rest) = doc.lower.get(actor.end..) else {
        return false;
    };
    let Some(rest) = rest.strip_prefix('-') else {
        return false;
    };
    let word_len = rest
        .bytes()
        .take_while(|byte| byte.is_ascii_lowercase())
        .count();
    let word = &rest[..word_len];
    (word.len() > 3 && word.ends_with("ed"))
        || matches!(word, "made" | "built" | "held" | "run" | "owned")
}

fn maker_before<'a>(
    input: &EventInput,
    actors: &'a [Actor],
    equipment_start: usize,
) -> Option<&'a Actor> {
    actors.iter().rev().find(|actor| {
        actor.end <= equipment_start
            && actor.demonym
            && equipment_start - actor.end <= 12
            && entity_kind(input, actor.entity) == EntityKind::Country
            && input.doc.text[actor.end..equipment_start]
                .chars()
                .all(|c| c.is_whitespace() || c == '-' || c.is_alphabetic())
            && {
                let between = input.doc.lower[actor.end..equipment_start]
                    .trim_matches(|c: char| c == '-' || c.is_whitespace());
                between.is_empty()
                    || between == "made"
                    || between == "built"
                    || between == "produced"
                    || between == "designed"
            }
    })
}

/// Where the noun phrase of a nominal trigger starts (over determiners, adjectives, names).
fn noun_phrase_start(doc: &Doc, trigger_start: usize, sentence: usize) -> usize {
    let sentence_start = doc.sentence_tokens[sentence].0;
    let mut index = doc.token_from(trigger_start);
    // Spanish names no party before the noun ("el memorando", "un acuerdo"): the phrase
    // starts at its determiner, and the parties come after ("entre X e Y", "de X").
    if doc.lang == Lang::Es {
        if index > sentence_start && matches!(doc.lower_word(index - 1), "the" | "a" | "its") {
            index -= 1;
        }
        return doc
            .tokens
            .get(index)
            .map_or(trigger_start, |token| token.span.start);
    }
    let mut steps = 0;
    while index > sentence_start && steps < 6 {
        let previous = index - 1;
        let word = doc.lower_word(previous);
        let fits = NOUN_PHRASE_FILLERS.contains(word)
            || pw_text::is_capitalized(doc.word(previous))
            || matches!(word, "'s" | "’s" | "-" | "military" | "drone")
            || word.contains('-');
        if !fits {
            // "Russia’s brutal invasion", "Russia’s unprovoked and unjustified invasion":
            // adjectives between a possessive and its noun.
            let mut back = previous;
            let mut adjectives = 0;
            while back > sentence_start
                && adjectives < 4
                && (doc.lower_word(back) == "and"
                    || doc.word(back) == ","
                    || doc.is_word(back)
                        && doc
                            .word(back)
                            .bytes()
                            .all(|b| b.is_ascii_lowercase() || b == b'-'))
            {
                back -= 1;
                adjectives += 1;
            }
            if back < previous && matches!(doc.lower_word(back), "'s" | "’s") {
                index = back;
                steps += adjectives;
                continue;
            }
            // "his planned inauguration", "their first joint exercise": up to three
            // adjectives after a possessive pronoun.
            if let Some(owner) = (previous.saturating_sub(3).max(sentence_start)..previous)
                .rev()
                .take_while(|&at| {
                    doc.is_word(at)
                        && doc
                            .word(at)
                            .bytes()
                            .all(|b| b.is_ascii_lowercase() || b == b'-')
                })
                .find(|&at| {
                    let word = doc.lower_word(at);
                    words::PERSON_POSSESSIVES.contains(word) || matches!(word, "its" | "their")
                })
            {
                index = owner;
            }
            break;
        }
        index = previous;
        steps += 1;
    }
    doc.tokens
        .get(index)
        .map_or(trigger_start, |token| token.span.start)
}

/// A light verb right before a noun phrase ("signed a deal"): its byte offset.
fn light_verb_before(doc: &Doc, phrase_start: usize, sentence: usize) -> Option<usize> {
    let sentence_start = doc.sentence_tokens[sentence].0;
    let index = doc.token_from(phrase_start);
    let mut cursor = index;
    let mut steps = 0;
    while cursor > sentence_start && steps < 3 {
        cursor -= 1;
        steps += 1;
        let word = doc.lower_word(cursor);
        if LIGHT_VERBS.contains(word) || RECEIVER_VERBS.contains(word) {
            return Some(doc.tokens[cursor].span.start);
        }
        if !(word.ends_with("ly")
            || matches!(
                word,
                "immediately" | "also" | "has" | "have" | "had" | "to" | "not"
            ))
        {
            return None;
        }
    }
    None
}

/// The cue lists of `words`, compiled once.
struct CueSets {
    modality: PhraseSet,
    modality_of: Vec<Modality>,
    negation: PhraseSet,
    military: PhraseSet,
    aid: PhraseSet,
}

fn cue_sets() -> &'static CueSets {
    static SETS: OnceLock<CueSets> = OnceLock::new();
    SETS.get_or_init(|| CueSets {
        modality: PhraseSet::new(MODALITY_CUES.pairs().iter().map(|(cue, _)| *cue)),
        modality_of: MODALITY_CUES
            .pairs()
            .iter()
            .map(|(_, name)| match *name {
                "speculative" => Modality::Speculative,
                "alleged" => Modality::Alleged,
                "planned" => Modality::Planned,
                _ => Modality::Reported,
            })
            .collect(),
        negation: PhraseSet::new(NEGATIONS.list().iter().copied()),
        military: PhraseSet::new(MILITARY_CONTEXT.list().iter().copied()),
        aid: PhraseSet::new(AID_CONTEXT.list().iter().copied()),
    })
}

#[allow(clippy::too_many_arguments)]
fn modality_of(
    input: &EventInput,
    index: &Index,
    facts: &SentenceFacts,
    sentence: usize,
    trigger: Span,
    event_type: EventType,
    noun: bool,
    actors: &[Actor],
) -> (Modality, Option<usize>) {
    let doc = input.doc;
    let sentence_span = doc.sentences[sentence];
    let first = doc.token_from(trigger.start);
    let window_first = first
        .saturating_sub(14)
        .max(doc.sentence_tokens[sentence].0);
    // A cue in a speaker's quote speaks for the quote, not for the words around it:
    // `"... and always will," he added, before accusing Iran` is not planned. (A quoted
    // term with no speaker, `urged "millions" to protest`, is part of the sentence.)
    let inside_quote = index.quote_holding(input, trigger.start, trigger.end);
    let spoken = |quote_index: &usize| input.attributions[*quote_index].speaker.is_some();
    let quote_edge = match inside_quote.filter(spoken) {
        Some(quote_index) => input.quotes[quote_index].content.start,
        None => index
            .quotes_near(input, sentence_span)
            .filter(spoken)
            .map(|quote_index| input.quotes[quote_index].content.end)
            .filter(|&end| end <= trigger.start)
            .max()
            .unwrap_or(0),
    };
    let window_start = doc
        .tokens
        .get(window_first)
        .map_or(sentence_span.start, |token| token.span.start)
        .max(quote_edge)
        .min(trigger.start);
    let window = doc.lower_slice(window_start, trigger.start);
    let near = doc.lower_slice(
        doc.tokens
            .get(first.saturating_sub(3).max(doc.sentence_tokens[sentence].0))
            .map_or(trigger.start, |t| t.span.start)
            .max(quote_edge)
            .min(trigger.start),
        trigger.start,
    );
    let rank = |modality: Modality| match modality {
        Modality::Denied => 5,
        Modality::Speculative => 4,
        Modality::Alleged => 3,
        Modality::Planned => 2,
        Modality::Reported => 1,
        Modality::Asserted => 0,
    };
    // The strongest cue in the window; but a cue right before a noun trigger ("his
    // planned inauguration", "a suspected attack") speaks for it over any cue further
    // back and anything after but a negation ("Maduro claimed ... ahead of his planned
    // inauguration" is planned, not alleged). Before a verb, an auxiliary ("will offer")
    // does not outweigh "assumed that".
    let cues = cue_sets();
    let mut adjacent = None;
    let mut strongest = Modality::Asserted;
    for (cue, at) in cues.modality.matches(window) {
        let candidate = cues.modality_of[cue];
        if candidate == Modality::Reported || !doc.is_lowercase_word_at(window_start + at) {
            continue;
        }
        if noun && adjacent.is_none() && !window[at..].trim_end().contains(char::is_whitespace) {
            adjacent = Some(candidate);
        }
        if rank(candidate) > rank(strongest) {
            strongest = candidate;
        }
    }
    let mut modality = adjacent.unwrap_or(strongest);
    let mut consider = |candidate: Modality| {
        if adjacent.is_some() && candidate != Modality::Denied {
            return;
        }
        if rank(candidate) > rank(modality) {
            modality = candidate;
        }
    };
    let after_trigger = doc.lower_slice(trigger.end, (trigger.end + 24).min(sentence_span.end));
    if after_trigger.trim_start().starts_with("allegedly")
        || after_trigger.trim_start().starts_with("reportedly")
    {
        consider(Modality::Alleged);
    }
    if !matches!(event_type, EventType::Deny | EventType::Reject)
        && (cues.negation.any(near) || near.ends_with("n't "))
    {
        consider(Modality::Denied);
    }
    // Attribution: "according to X", a speech verb in the sentence, or a quote around it.
    let mut attributed_to = None;
    if let Some(quote_index) = inside_quote {
        attributed_to = input.attributions[quote_index].speaker;
        consider(Modality::Reported);
    }
    if let Some(actor) = actors.iter().find(|actor| actor.prep == Some("according")) {
        attributed_to.get_or_insert(actor.entity);
        consider(Modality::Reported);
    }
    if facts.reported() {
        consider(Modality::Reported);
        if attributed_to.is_none() {
            attributed_to = *facts
                .speaker
                .get_or_init(|| speaker_of_sentence(input, sentence, actors));
        }
    }
    (modality, attributed_to)
}

/// The subject of a speech verb in the sentence ("Infobae stated", "X said").
fn speaker_of_sentence(input: &EventInput, sentence: usize, actors: &[Actor]) -> Option<usize> {
    let doc = input.doc;
    let (first, last) = doc.sentence_tokens[sentence];
    for token in first..last {
        if doc.is_word(token)
            && words::SPEECH_VERBS.contains(doc.lower_word(token))
            && doc.is_lowercase_word_at(doc.tokens[token].span.start)
        {
            let verb_start = doc.tokens[token].span.start;
            let verb_end = doc.tokens[token].span.end;
            if let Some(actor) = actors.iter().rev().find(|actor| {
                actor.end <= verb_start && actor.prep.is_none() && verb_start - actor.end < 40
            }) {
                return Some(actor.entity);
            }
            if let Some(actor) = actors
                .iter()
                .find(|actor| actor.start >= verb_end && actor.start - verb_end < 6)
            {
                return Some(actor.entity);
            }
        }
    }
    None
}

/// The date of an event: a date at the head of the sentence ("In 2022, ...") applies to
/// every event in it; otherwise the nearest date in the sentence that no other trigger
/// stands between.
fn nearest_date<'a>(
    input: &'a EventInput,
    index: &Index,
    sentence: usize,
    trigger: Span,
    others: &[Span],
) -> Option<&'a DateMention> {
    let doc = input.doc;
    let sentence_span = doc.sentences[sentence];
    let in_sentence = index.dates_in(input, sentence_span);
    Work::add(&doc.work.date_steps, in_sentence.len() * (others.len() + 1));
    let mut best: Option<(&DateMention, usize)> = None;
    for date in &in_sentence {
        let blocked = others.iter().any(|other| {
            (date.span.end <= other.start && other.end <= trigger.start)
                || (trigger.end <= other.start && other.end <= date.span.start)
        });
        if blocked {
            continue;
        }
        let distance = if date.span.end <= trigger.start {
            trigger.start - date.span.end
        } else {
            date.span.start.saturating_sub(trigger.end)
        };
        if best.is_none_or(|(_, best_distance)| distance < best_distance) {
            best = Some((date, distance));
        }
    }
    if let Some((date, _)) = best {
        return Some(date);
    }
    // A sentence-initial date adverbial scopes over the whole sentence.
    in_sentence
        .into_iter()
        .find(|date| date.span.start <= sentence_span.start + 12)
}

/// How far back, in bytes, "the two countries" looks for the countries it stands for.
const PAIR_REACH: usize = 1500;

/// Whether the word at `token` opens a clause: first in its sentence, after
/// punctuation, or after a clause opener or "and" (Spanish "y" reads as "and"):
/// "where he met", `," he added`.
fn subject_position(doc: &Doc, token: usize, sentence_first: usize) -> bool {
    token == sentence_first
        || !doc.is_word(token - 1)
        || doc.lower_word(token - 1) == "and"
        || words::CLAUSE_OPENERS.contains(doc.lower_word(token - 1))
}

/// Whether `date` lies after the publication day, at the date's own precision (a month
/// after the publication month, a year after its year).
fn after_publication(date: PartialDate, published: PartialDate) -> bool {
    let PartialDate::Day {
        year: published_year,
        month: published_month,
        day: published_day,
    } = published
    else {
        return false;
    };
    match date {
        PartialDate::Day { year, month, day } => {
            (year, month, day) > (published_year, published_month, published_day)
        }
        PartialDate::Month { year, month } => (year, month) > (published_year, published_month),
        PartialDate::Year { year } => year > published_year,
        _ => false,
    }
}

/// Two codings of one event in one sentence (a verb and its object noun) become one.
fn merge_same_sentence(candidates: Vec<Draft2>, doc: &Doc) -> Vec<Draft2> {
    let mut out: Vec<Draft2> = Vec::new();
    // Candidates come in sentence order: only those of the current sentence can merge.
    let mut sentence_first = 0;
    for candidate in candidates {
        if out
            .get(sentence_first)
            .is_some_and(|first| first.sentence != candidate.sentence)
        {
            sentence_first = out.len();
        }
        Work::add(&doc.work.event_steps, out.len() - sentence_first + 1);
        let related = out[sentence_first..].iter_mut().find(|existing| {
            existing.sentence == candidate.sentence
                && existing.event_type == candidate.event_type
                && (existing.source.iter().any(|entity| {
                    candidate.source.contains(entity) || candidate.target.contains(entity)
                }) || existing.target.iter().any(|entity| {
                    candidate.target.contains(entity) || candidate.source.contains(entity)
                }) || existing.source.is_empty() && existing.target.is_empty()
                    || candidate.source.is_empty() && candidate.target.is_empty()
                    // Two halves of one event: "An American airstrike in Somalia
                    // killed ..." gives USA -> ? from one trigger and ? -> SOM from
                    // the other.
                    || existing.target.is_empty() && candidate.source.is_empty()
                    || existing.source.is_empty() && candidate.target.is_empty())
        });
        match related {
            Some(existing) => {
                // Keep the verb's trigger; take what the other adds.
                if existing.noun && !candidate.noun {
                    existing.trigger = candidate.trigger;
                    existing.noun = false;
                }
                for entity in candidate.source {
                    if !existing.source.contains(&entity) && !existing.target.contains(&entity) {
                        existing.source.push(entity);
                    }
                }
                for entity in candidate.target {
                    if !existing.target.contains(&entity) && !existing.source.contains(&entity) {
                        existing.target.push(entity);
                    }
                }
                for entity in candidate.equipment {
                    if !existing.equipment.contains(&entity) {
                        existing.equipment.push(entity);
                    }
                }
                if existing.date.is_none() && candidate.date.is_some() {
                    existing.date = candidate.date;
                    existing.date_text = candidate.date_text;
                }
                if existing.modality == Modality::Asserted {
                    existing.modality = candidate.modality;
                }
            }
            None => out.push(candidate),
        }
    }
    out
}

/// Whether an event names enough actors to be worth reporting: both parties of a
/// joint act (from two countries), both sides of a directed act, or the actor of acts
/// that need no target (denials, protests, elections, praise, attacks on the unnamed).
fn complete_enough(candidate: &Draft2, input: &EventInput) -> bool {
    let entities = &input.resolved.entities;
    if candidate.event_type.is_symmetric() {
        let mut countries: Vec<Option<&String>> = candidate
            .source
            .iter()
            .chain(&candidate.target)
            .map(|&entity| entities[entity].country.as_ref())
            .collect();
        countries.sort();
        countries.dedup();
        return countries.len() >= 2;
    }
    let one_sided = matches!(
        candidate.event_type,
        EventType::Deny
            | EventType::Protest
            | EventType::Mobilize
            | EventType::Withdraw
            | EventType::Elect
            | EventType::Inaugurate
            | EventType::Praise
            | EventType::Attack
            | EventType::Threaten
    );
    if one_sided {
        return !candidate.source.is_empty() || !candidate.target.is_empty();
    }
    !candidate.source.is_empty() && !candidate.target.is_empty()
}

/// Related types for borrowing a missing side: arms transfers, military cooperation and
/// the agreements that carry them.
fn family(event_type: EventType) -> u8 {
    match event_type {
        EventType::TransferArms
        | EventType::CooperateMilitary
        | EventType::Cooperate
        | EventType::Agree
        | EventType::Aid => 1,
        _ => 0,
    }
}

/// The donor nearest by sentence among `donors` (indices into `snapshot`, in order of
/// index and so of sentence), other than `index`; the earlier one on a tie, as a scan
/// with `min_by_key` finds it.
fn nearest_donor(
    snapshot: &[Draft2],
    donors: &[usize],
    index: usize,
    sentence: usize,
) -> Option<usize> {
    let sentence_of = |donor: usize| snapshot[donor].sentence;
    let position = donors.partition_point(|&donor| sentence_of(donor) < sentence);
    let after = donors[position..]
        .iter()
        .copied()
        .find(|&donor| donor != index);
    let before = position.checked_sub(1).map(|last| {
        let nearest_sentence = sentence_of(donors[last]);
        donors[donors.partition_point(|&donor| sentence_of(donor) < nearest_sentence)]
    });
    match (before, after) {
        (Some(before), Some(after))
            if sentence_of(after) - sentence < sentence - sentence_of(before) =>
        {
            Some(after)
        }
        (Some(before), _) => Some(before),
        (None, after) => after,
    }
}

fn fill_missing_sides(candidates: &mut [Draft2], input: &EventInput) {
    let snapshot: Vec<Draft2> = candidates.to_vec();
    let can_give = |donor: &Draft2| {
        family(donor.event_type) == 1 && (donor.source.len() + donor.target.len()) >= 2
    };
    // The donors by type, and all of them, in order: each lookup is a binary search.
    let in_order = snapshot
        .windows(2)
        .all(|pair| pair[0].sentence <= pair[1].sentence);
    let mut all_donors: Vec<usize> = Vec::new();
    let mut donors_by_type: rustc_hash::FxHashMap<EventType, Vec<usize>> = Default::default();
    for (index, donor) in snapshot.iter().enumerate() {
        if can_give(donor) {
            all_donors.push(index);
            donors_by_type
                .entry(donor.event_type)
                .or_default()
                .push(index);
        }
    }
    let no_donors = Vec::new();
    for (index, candidate) in candidates.iter_mut().enumerate() {
        if candidate.event_type.is_symmetric() || family(candidate.event_type) == 0 {
            continue;
        }
        if !candidate.source.is_empty() && !candidate.target.is_empty() {
            continue;
        }
        let unnamed = candidate.source.is_empty() && candidate.target.is_empty();
        let donor = if in_order {
            Work::add(&input.doc.work.event_steps, 1);
            let of_type = |event_type| donors_by_type.get(&event_type).unwrap_or(&no_donors);
            // A donor of the same type wins at any distance; then the nearest agreement
            // (or, for an event with no side, the nearest donor of any type).
            nearest_donor(
                &snapshot,
                of_type(candidate.event_type),
                index,
                candidate.sentence,
            )
            .or_else(|| {
                let others = if unnamed {
                    &all_donors
                } else {
                    of_type(EventType::Agree)
                };
                nearest_donor(&snapshot, others, index, candidate.sentence)
            })
            .map(|donor| (donor, &snapshot[donor]))
        } else {
            Work::add(&input.doc.work.event_steps, snapshot.len());
            snapshot
                .iter()
                .enumerate()
                .filter(|(other, donor)| {
                    *other != index
                        && family(donor.event_type) == 1
                        && (donor.source.len() + donor.target.len()) >= 2
                        && (donor.event_type == candidate.event_type
                            || donor.event_type == EventType::Agree
                            || candidate.source.is_empty() && candidate.target.is_empty())
                })
                .min_by_key(|(_, donor)| {
                    (
                        donor.event_type != candidate.event_type,
                        donor.sentence.abs_diff(candidate.sentence),
                    )
                })
        };
        let Some((_, donor)) = donor else { continue };
        let mut parties: Vec<usize> = donor.source.iter().chain(&donor.target).copied().collect();
        parties.dedup();
        let country_of = |entity: usize| input.resolved.entities[entity].country.clone();
        if candidate.source.is_empty() && candidate.target.is_empty() {
            if donor.event_type == candidate.event_type || donor.event_type != EventType::Agree {
                candidate.source = donor.source.clone();
                candidate.target = donor.target.clone();
            } else if parties.len() >= 2 {
                candidate.source = vec![parties[0]];
                candidate.target = vec![parties[1]];
            }
        } else if candidate.target.is_empty() {
            let known: Vec<Option<String>> = candidate
                .source
                .iter()
                .map(|&entity| country_of(entity))
                .collect();
            if let Some(&other) = parties
                .iter()
                .find(|&&entity| !known.contains(&country_of(entity)))
            {
                candidate.target.push(other);
            }
        } else {
            let known: Vec<Option<String>> = candidate
                .target
                .iter()
                .map(|&entity| country_of(entity))
                .collect();
            if let Some(&other) = parties
                .iter()
                .find(|&&entity| !known.contains(&country_of(entity)))
            {
                candidate.source.push(other);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clause_boundaries_after_a_noun() {
        assert!(crosses_clause(
            " for ukraine, as the ukrainian people defend their freedom from "
        ));
        assert!(crosses_clause(" with iran, which "));
        assert!(crosses_clause(" with iran; "));
        assert!(!crosses_clause(" with iran, russia and "));
        assert!(!crosses_clause(" of drones to "));
    }

    #[test]
    fn parenthetical_asides() {
        assert!(inside_parenthetical(
            "Today’s announcement—which includes a package for the ",
            " military—will provide "
        ));
        assert!(inside_parenthetical("The agency (led by ", ") said "));
        assert!(!inside_parenthetical("The agency of ", " said "));
        assert!(!inside_parenthetical("A—B—and ", " said "));
    }

    #[test]
    fn marks_agree_with_the_text_scans() {
        let text = "The agency (led by Iran, which—as the pact—says; so) and the deal, as \
                    reported, with Bolivia—which (not) signed—said, while Peru; then";
        let doc = Doc::new(text);
        let span = Span::new(0, text.len());
        let marks = Marks::new(&doc, span);
        let boundaries: Vec<usize> = (0..=text.len())
            .filter(|&at| text.is_char_boundary(at))
            .collect();
        for &start in &boundaries {
            for &end in boundaries.iter().filter(|&&end| end >= start) {
                // Ranges end where a word starts (an actor's start), as the rules use them.
                let at_word = end == text.len() || doc.tokens.iter().any(|t| t.span.start == end);
                if at_word {
                    assert_eq!(
                        marks.crosses_clause(start, end),
                        crosses_clause(&doc.lower[start..end]),
                        "{:?}",
                        &text[start..end]
                    );
                }
                assert_eq!(marks.has_comma(start, end), text[start..end].contains(','));
                for &before in boundaries.iter().filter(|&&before| before >= end) {
                    assert_eq!(
                        marks.inside_parenthetical(0, start, end, before),
                        inside_parenthetical(&text[..start], &text[end..before]),
                    );
                }
            }
        }
    }

    #[test]
    fn compound_modifiers_are_not_arguments() {
        let doc = Doc::new("the Iranian-backed Houthis and U.S.-made jets and Iran-Iraq ties");
        let actor = |name: &str| Actor {
            start: doc.text.find(name).unwrap(),
            end: doc.text.find(name).unwrap() + name.len(),
            entity: 0,
            prep: None,
            possessive: false,
            demonym: false,
            state: false,
            quote: None,
            object: false,
            place_only: false,
        };
        assert!(is_compound_modifier(&doc, &actor("Iranian")));
        assert!(is_compound_modifier(&doc, &actor("U.S.")));
        assert!(!is_compound_modifier(&doc, &actor("Iran")));
    }
}
