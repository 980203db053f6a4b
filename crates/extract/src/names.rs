//! Named-entity recognition: compiled gazetteer hits plus rules for names no list
//! holds: titles and roles ("Bolivian Defense Minister Edmundo Novillo"), appositives
//! ("Gustavo Aliaga, a Bolivian opposition lawmaker"), organization heads ("... Ministry",
//! "Institute for ..."), acronym definitions ("(ISW)"), given names and speech verbs.
//!
//! The output is a list of [`Draft`] mentions; `entities.rs` groups them into entities.

use crate::doc::{Class, Doc, Lang};
use crate::words::{
    self, GENERIC_EQUIPMENT, LOCATIVES, NAME_PARTICLES, NOT_NAMES, NOT_ORG_ACRONYMS,
    ORG_CONNECTORS, SINGLE_WORD_ORGS, SPEECH_VERBS, TITLE_HEADS,
};
use pw_lexicon::{EntryKind, GazetteerHit, Lexicon};
use pw_model::{EntityKind, Span};
use rustc_hash::FxHashSet as HashSet;
use std::cell::RefCell;

/// One mention before entities are formed.
#[derive(Clone, Debug, Default)]
pub(crate) struct Draft {
    pub(crate) span: Span,
    pub(crate) kind: Option<EntityKind>,
    /// The name as written (without title or leading country word).
    pub(crate) name: String,
    /// The lexicon's canonical name, when the mention came from the lexicon.
    pub(crate) canonical: Option<String>,
    pub(crate) country: Option<String>,
    pub(crate) role: Option<String>,
    /// The person holds a public office (a country is then expected).
    pub(crate) office: bool,
    /// For a capital city: the country whose government it can stand for.
    pub(crate) capital_of: Option<String>,
    pub(crate) media: bool,
    /// False for demonyms ("Bolivian"): they point at a country without naming it.
    pub(crate) named: bool,
    /// Generic equipment words ("arms", "weapons"): used by events, not listed as entities.
    pub(crate) generic: bool,
    pub(crate) origin: &'static str,
    /// Further surface forms of the same entity seen here ("Argentina's Foreign Ministry").
    pub(crate) aliases: Vec<String>,
    /// An acronym this mention defines ("Institute for the Study of War (ISW)").
    pub(crate) defines: Option<String>,
}

/// A stored page's date line before its dateline: "date 2024-05-17".
fn is_date_marker(line: &str) -> bool {
    line.strip_prefix("date ").is_some_and(|date| {
        date.len() == 10
            && date.bytes().enumerate().all(|(at, byte)| {
                if at == 4 || at == 7 {
                    byte == b'-'
                } else {
                    byte.is_ascii_digit()
                }
            })
    })
}

/// Whether the text at `start` opens a line: only spaces or tabs since the last line
/// break (or the start of the text), or a line "date YYYY-MM-DD" just before. Past the
/// spaces and tabs right before `start`, it looks back at most `MARKER_LINE_MAX` bytes,
/// so the test never walks a whole long line.
fn starts_line(text: &str, start: usize) -> bool {
    const MARKER_LINE_MAX: usize = 64;
    let before = text[..start].trim_end_matches([' ', '\t']);
    if before.is_empty() || before.ends_with('\n') {
        return true;
    }
    let window = before.len().saturating_sub(MARKER_LINE_MAX);
    let line = match before.as_bytes()[window..]
        .iter()
        .rposition(|&byte| byte == b'\n')
    {
        Some(at) => &before[window + at + 1..],
        None if window == 0 => before,
        // A line longer than the window is no date marker.
        None => return false,
    };
    is_date_marker(line.trim_start())
}

/// The least tagger confidence (`pw_ner::NameSpan::score`) that makes a name.
const TAGGER_MIN_SCORE: f32 = 0.6;
/// The same for a name of one word, which is more often an ordinary capitalized word.
const TAGGER_SINGLE_WORD_MIN_SCORE: f32 = 0.75;

fn lower(word: &str) -> String {
    word.trim_end_matches('.').to_lowercase()
}

fn is_cap_word(doc: &Doc, index: usize) -> bool {
    doc.is_word(index) && pw_text::is_capitalized(doc.word(index))
}

/// Punctuation that can sit inside an all-caps heading.
fn is_heading_mark(token: &str) -> bool {
    matches!(token, "’" | "'" | "-" | "," | "&")
}

fn is_possessive(doc: &Doc, index: usize) -> bool {
    index < doc.tokens.len() && doc.is_word(index) && matches!(doc.word(index), "'s" | "’s" | "s")
}

struct Recognizer<'a, 't> {
    doc: &'a Doc<'t>,
    lexicon: &'a Lexicon,
    hits: Vec<GazetteerHit>,
    /// For each token, the gazetteer hit covering it.
    token_hit: Vec<Option<usize>>,
    /// Tokens already taken by a rule-based name.
    taken: Vec<bool>,
    /// Hits suppressed because a longer rule-based name contains them.
    suppressed: Vec<bool>,
    drafts: Vec<Draft>,
    /// Folded words of the person names found so far (lexicon people and person
    /// drafts), and how many drafts have been read into it.
    name_parts: RefCell<(HashSet<String>, usize)>,
    /// Acronyms the document defines by words that are no name ("the American Rescue
    /// Plan (ARP)"): a plan, a law or a programme, not an organization, wherever used.
    plain_acronyms: HashSet<String>,
}

/// The names in `doc`; nothing when `stop` says so (asked every
/// [`STOP_CHECK_SENTENCES`](crate::STOP_CHECK_SENTENCES) sentences; the caller sees the
/// stop and drops the result).
pub(crate) fn recognize(doc: &Doc, lexicon: &Lexicon, stop: &dyn Fn() -> bool) -> Vec<Draft> {
    let stopped = |sentence: usize| sentence.is_multiple_of(crate::STOP_CHECK_SENTENCES) && stop();
    let mut hits = Vec::new();
    lexicon.find_entries(doc.text, &mut hits);
    let mut token_hit = vec![None; doc.tokens.len()];
    for (hit_index, hit) in hits.iter().enumerate() {
        let mut index = doc
            .tokens
            .partition_point(|token| token.span.end <= hit.start);
        while index < doc.tokens.len() && doc.tokens[index].span.start < hit.end {
            token_hit[index] = Some(hit_index);
            index += 1;
        }
    }
    let mut recognizer = Recognizer {
        doc,
        lexicon,
        suppressed: vec![false; hits.len()],
        hits,
        token_hit,
        taken: vec![false; doc.tokens.len()],
        drafts: Vec::new(),
        name_parts: RefCell::new((HashSet::default(), 0)),
        plain_acronyms: HashSet::default(),
    };
    recognizer.index_lexicon_people();
    recognizer.skip_headings();
    recognizer.skip_datelines();
    for sentence in 0..doc.sentences.len() {
        if stopped(sentence) {
            return Vec::new();
        }
        recognizer.organizations(sentence);
    }
    for sentence in 0..doc.sentences.len() {
        if stopped(sentence) {
            return Vec::new();
        }
        recognizer.people(sentence, false);
    }
    for sentence in 0..doc.sentences.len() {
        if stopped(sentence) {
            return Vec::new();
        }
        recognizer.people(sentence, true);
        recognizer.acronyms_and_designations(sentence);
    }
    recognizer.gazetteer_drafts();
    if stop() {
        return Vec::new();
    }
    recognizer.tagger_drafts();
    let mut drafts = recognizer.drafts;
    drafts.sort_by_key(|draft| (draft.span.start, std::cmp::Reverse(draft.span.end)));
    drafts
}

impl<'a, 't> Recognizer<'a, 't> {
    fn hit_entry(&self, token: usize) -> Option<&pw_lexicon::Entry> {
        self.token_hit[token].map(|hit| self.lexicon.entry(self.hits[hit].entry))
    }

    /// The country a gazetteer hit on this token names (country or demonym only).
    fn country_of_token(&self, token: usize) -> Option<String> {
        let entry = self.hit_entry(token)?;
        match entry.kind {
            EntryKind::Country | EntryKind::Demonym => entry.country.clone(),
            _ => None,
        }
    }

    fn text_of(&self, first: usize, last: usize) -> String {
        let span = Span::new(
            self.doc.tokens[first].span.start,
            self.doc.tokens[last].span.end,
        );
        span.slice(self.doc.text).to_string()
    }

    /// Capitalized runs joined by organization connectors that contain an organization head.
    fn organizations(&mut self, sentence: usize) {
        let doc = self.doc;
        let (start, end) = doc.sentence_tokens[sentence];
        let mut index = start;
        while index < end {
            if !is_cap_word(doc, index) || self.taken[index] {
                index += 1;
                continue;
            }
            // Extend the run.
            let mut last = index;
            let mut cursor = index + 1;
            while cursor < end {
                if is_cap_word(doc, cursor) || doc.word(cursor) == "&" {
                    last = cursor;
                    cursor += 1;
                    continue;
                }
                let connector = doc.is_word(cursor) && ORG_CONNECTORS.contains(doc.word(cursor));
                let possessive = is_possessive(doc, cursor) && doc.is(last, Class::OrgHead);
                if connector || possessive {
                    // A connector must lead (possibly through "the") to another capitalized word.
                    let mut next = cursor + 1;
                    while next < end
                        && doc.is_word(next)
                        && matches!(doc.structural_word(next), "the" | "of")
                    {
                        next += 1;
                    }
                    if next < end && is_cap_word(doc, next) {
                        cursor = next;
                        continue;
                    }
                }
                break;
            }
            self.organization_run(index, last);
            index = last + 1;
        }
    }

    fn organization_run(&mut self, first: usize, last: usize) {
        let doc = self.doc;
        let is_title = |token: usize| {
            (doc.is(token, Class::TitleHead) || doc.is(token, Class::TitleModifier))
                && !doc.is(token, Class::OrgHead)
        };
        // "Foreign Minister A and Chief of Cabinet B": a title or a given name after "and"
        // starts another name.
        if let Some(and) = (first + 1..last).find(|&token| {
            doc.word(token) == "and"
                && (is_title(token + 1) || self.lexicon.is_given_name(doc.word(token + 1)))
        }) {
            self.organization_run(first, and - 1);
            self.organization_run(and + 1, last);
            return;
        }
        // "U.S. Navy Adm. Craig S. Faller", "Pentagon Press Secretary Air Force Brig. Gen.
        // Pat Ryder": a title inside the run, then a given name, starts a person; only
        // what comes before the title can be an organization.
        if let Some(title) = (first + 1..=last).find(|&token| {
            let mut next = token;
            while next <= last && is_title(next) {
                next += 1;
            }
            next > token && next <= last && self.lexicon.is_given_name(doc.word(next))
        }) {
            self.organization_run(first, title - 1);
            return;
        }
        // A title and a person's name ("Chief of Cabinet Nicolás Posse"): a person.
        if is_title(first)
            && (first..last).any(|token| {
                self.lexicon.is_given_name(doc.word(token)) && is_cap_word(doc, token + 1)
            })
        {
            return;
        }
        // "Administrator of the Agency for ...": the title is a person's role, not part
        // of the organization's name.
        let mut first = first;
        let mut lead = first;
        while lead <= last && is_title(lead) {
            lead += 1;
        }
        if lead > first && lead <= last && doc.word(lead) == "of" {
            first = lead + 1;
            while first <= last && !is_cap_word(doc, first) {
                first += 1;
            }
            if first > last {
                return;
            }
        }
        let has_head = (first..=last).any(|token| {
            doc.is_word(token) && doc.is(token, Class::OrgHead) && is_cap_word(doc, token)
        });
        if !has_head {
            return;
        }
        // Split at "in"/"at"/"on" after a part that already ends in a head:
        // "Defense and Armed Forces Committee in the Chamber of Deputies".
        let mut piece_start = first;
        let mut token = first;
        while token <= last {
            let word = doc.word(token);
            if matches!(word, "in" | "at" | "on" | "and" | "&" | "of")
                && token > piece_start
                && doc.is(token - 1, Class::OrgHead)
            {
                let after_has_head =
                    (token + 1..=last).any(|t| is_cap_word(doc, t) && doc.is(t, Class::OrgHead));
                if word == "in" || word == "at" || word == "on" || after_has_head {
                    self.organization_piece(piece_start, token - 1);
                    piece_start = token + 1;
                    while piece_start <= last && !is_cap_word(doc, piece_start) {
                        piece_start += 1;
                    }
                }
            }
            token += 1;
        }
        if piece_start <= last {
            self.organization_piece(piece_start, last);
        }
    }

    fn organization_piece(&mut self, first: usize, last: usize) {
        let doc = self.doc;
        // "100 Tactical Unmanned Aerial Systems": a counted thing, not an organization.
        if first > 0
            && doc
                .word(first - 1)
                .bytes()
                .all(|byte| byte.is_ascii_digit() || byte == b',')
            && doc
                .word(first - 1)
                .bytes()
                .any(|byte| byte.is_ascii_digit())
        {
            return;
        }
        let mut first = first;
        // Leading function words and the country it belongs to ("The", "Bolivian", "U.S.").
        let mut country = None;
        let full_first = first;
        let mut country_start = first;
        while first <= last {
            if (doc.is(first, Class::NotName)
                || doc.lang == Lang::Es && doc.lower_word(first) == "the")
                && !doc.is(first, Class::OrgHead)
                && self.token_hit[first].is_none()
            {
                first += 1;
                continue;
            }
            if let Some(code) = self.country_of_token(first) {
                // Only strip it when the rest still names something; a country of
                // several words ("United States") goes whole.
                let hit = self.token_hit[first];
                let mut after = first + 1;
                while after <= last && hit.is_some() && self.token_hit[after] == hit {
                    after += 1;
                }
                if after <= last {
                    country = Some(code);
                    country_start = first;
                    first = after;
                    continue;
                }
            }
            break;
        }
        if first > last {
            return;
        }
        let full_first = if country.is_some() {
            full_first.max(country_start)
        } else {
            first
        };
        // Trailing possessive, connector or numbering ("Council No.") is not part of the name.
        let mut last = last;
        while last > first
            && (!is_cap_word(doc, last) || matches!(doc.word(last), "No." | "No" | "Nos."))
        {
            last -= 1;
        }
        // "the Department of Defense to the Ukrainian (military)": a demonym after a
        // connector starts the next noun phrase.
        if last > first + 1
            && self
                .hit_entry(last)
                .is_some_and(|entry| entry.kind == EntryKind::Demonym)
        {
            let mut before = last - 1;
            if doc.word(before) == "the" && before > first {
                before -= 1;
            }
            if matches!(
                doc.word(before),
                "to" | "for" | "and" | "against" | "toward" | "towards"
            ) {
                last = before;
                while last > first && !is_cap_word(doc, last) {
                    last -= 1;
                }
            }
        }
        if doc.is(last, Class::TitleHead) && !doc.is(last, Class::OrgHead) {
            return;
        }
        let n_words = (first..=last).filter(|&token| doc.is_word(token)).count();
        let head_count = (first..=last)
            .filter(|&token| is_cap_word(doc, token) && doc.is(token, Class::OrgHead))
            .count();
        if head_count == 0 {
            return;
        }
        if n_words == 1 && !SINGLE_WORD_ORGS.contains(lower(doc.word(first)).as_str()) {
            return;
        }
        // A piece the gazetteer already names exactly is left to the gazetteer.
        let span = Span::new(doc.tokens[first].span.start, doc.tokens[last].span.end);
        if let Some(hit) = self.token_hit[first]
            && self.hits[hit].start == span.start
            && self.hits[hit].end >= span.end
        {
            return;
        }
        // Pieces made only of title words are roles, not organizations ("Defense Minister").
        if (first..=last).all(|token| {
            !doc.is_word(token)
                || doc.is(token, Class::TitleHead)
                || doc.is(token, Class::TitleModifier)
        }) && !(first..=last).any(|token| doc.is(token, Class::OrgHead))
        {
            return;
        }
        // "of Bolivia" at the end gives the country; so does a possessive before it.
        if country.is_none() {
            country = self
                .country_of_token(last)
                .or_else(|| self.possessive_country_before(full_first));
        }
        if country.is_none() {
            country = self.based_in_country(last + 1);
        }
        for token in first..=last {
            self.taken[token] = true;
            if let Some(hit) = self.token_hit[token] {
                let entry = self.lexicon.entry(self.hits[hit].entry);
                if !matches!(entry.kind, EntryKind::Country | EntryKind::Demonym) || token != last {
                    self.suppressed[hit] = true;
                }
            }
        }
        let name = self.text_of(first, last);
        let mut aliases = Vec::new();
        if full_first < first {
            aliases.push(self.text_of(full_first, last));
        }
        let defines = self.acronym_after(last);
        let media =
            (first..=last).any(|token| words::MEDIA_NAME_WORDS.contains(&lower(doc.word(token))));
        self.drafts.push(Draft {
            span,
            kind: Some(EntityKind::Organization),
            name,
            country,
            media,
            named: true,
            origin: "organization_head",
            aliases,
            defines,
            ..Draft::default()
        });
    }

    /// "(ISW)" right after a name: the acronym it defines.
    fn acronym_after(&mut self, last: usize) -> Option<String> {
        let doc = self.doc;
        let open = last + 1;
        if open + 2 < doc.tokens.len() && doc.word(open) == "(" && doc.word(open + 2) == ")" {
            let candidate = doc.word(open + 1);
            if pw_text::is_acronym(candidate) {
                self.taken[open + 1] = true;
                if let Some(hit) = self.token_hit[open + 1] {
                    self.suppressed[hit] = true;
                }
                return Some(candidate.to_string());
            }
        }
        None
    }

    fn possessive_country_before(&self, first: usize) -> Option<String> {
        if first >= 2 && is_possessive(self.doc, first - 1) {
            return self.country_of_token(first - 2);
        }
        None
    }

    /// ", based in Washington" after an organization.
    fn based_in_country(&self, after: usize) -> Option<String> {
        let doc = self.doc;
        let window = (after..(after + 5).min(doc.tokens.len())).collect::<Vec<_>>();
        let position = window.iter().position(|&token| {
            doc.is_word(token) && matches!(doc.lower_word(token), "based" | "headquartered")
        })?;
        for &token in &window[position..] {
            if let Some(entry) = self.hit_entry(token)
                && matches!(
                    entry.kind,
                    EntryKind::Country | EntryKind::Capital | EntryKind::City
                )
            {
                return entry.country.clone();
            }
        }
        None
    }

    /// Person names: capitalized runs (with name particles and initials) that a title,
    /// an appositive, a given name or a speech verb marks as a person. With
    /// `single_tokens`, only one-word names are considered: surnames of people found
    /// in the first pass, or a word followed by a speech verb.
    fn people(&mut self, sentence: usize, single_tokens: bool) {
        let doc = self.doc;
        let (start, end) = doc.sentence_tokens[sentence];
        let mut index = start;
        while index < end {
            if !is_cap_word(doc, index) || self.taken[index] || self.blocks_person(index) {
                index += 1;
                continue;
            }
            let mut last = index;
            let mut cursor = index + 1;
            while cursor < end {
                if self.taken[cursor] || self.blocks_person(cursor) {
                    break;
                }
                if is_cap_word(doc, cursor) {
                    last = cursor;
                    cursor += 1;
                    continue;
                }
                let word = doc.word(cursor);
                let joins = (doc.is_word(cursor) && NAME_PARTICLES.contains(word))
                    || (word == "of"
                        && cursor + 1 < end
                        && is_cap_word(doc, cursor + 1)
                        && doc.is(cursor + 1, Class::TitleComplement))
                    || (word == "(" || word == ")")
                        && cursor + 1 < end
                        && is_cap_word(doc, cursor + 1)
                        && (cursor <= index + 4);
                if joins
                    && cursor + 1 < end
                    && is_cap_word(doc, cursor + 1)
                    && !self.taken[cursor + 1]
                    && !self.blocks_person(cursor + 1)
                {
                    cursor += 1;
                    continue;
                }
                break;
            }
            self.person_run(sentence, index, last, single_tokens);
            index = last + 1;
        }
    }

    /// Tokens a person name cannot contain: gazetteer hits other than people.
    fn blocks_person(&self, token: usize) -> bool {
        let Some(hit) = self.token_hit[token] else {
            return false;
        };
        if self.suppressed[hit] {
            return false;
        }
        let entry = self.lexicon.entry(self.hits[hit].entry);
        match entry.kind {
            EntryKind::Person => false,
            // A one-word place or organization inside a name is a surname or a given
            // name ("Gustavo Aliaga", "Alex Saab", "Sen. Leonardo Loza").
            EntryKind::City | EntryKind::Region | EntryKind::Organization => {
                let hit_span = &self.hits[hit];
                let one_word = !self.doc.text[hit_span.start..hit_span.end].contains(' ');
                if !one_word {
                    return true;
                }
                let doc = self.doc;
                let previous_is_name = token > 0
                    && is_cap_word(doc, token - 1)
                    && (self.lexicon.is_given_name(doc.word(token - 1))
                        || doc.is(token - 1, Class::TitleHead));
                let next_is_name = token + 1 < doc.tokens.len()
                    && is_cap_word(doc, token + 1)
                    && self.token_hit[token + 1].is_none()
                    && self.lexicon.is_given_name(doc.word(token));
                let known = self.is_known_name_part(doc.word(token));
                !(previous_is_name || next_is_name || known)
            }
            _ => true,
        }
    }

    fn person_run(&mut self, sentence: usize, first: usize, last: usize, single_tokens: bool) {
        let doc = self.doc;
        // Lexicon people are taken as they are.
        if self.token_hit[first].is_some()
            && self
                .hit_entry(first)
                .is_some_and(|entry| entry.kind == EntryKind::Person)
        {
            return;
        }
        // Strip the leading title words: "Defense Minister", "Sen.", "Deputy Secretary of State".
        let mut name_first = first;
        let mut saw_title_head = false;
        while name_first <= last {
            let word = doc.word(name_first);
            let is_title_word =
                doc.is(name_first, Class::TitleHead) || doc.is(name_first, Class::TitleModifier);
            let is_complement = saw_title_head
                && (word == "of"
                    || word == "("
                    || word == ")"
                    || doc.is(name_first, Class::TitleComplement));
            if is_title_word || is_complement || word == "(" || word == ")" {
                if doc.is(name_first, Class::TitleHead) {
                    saw_title_head = true;
                }
                name_first += 1;
                continue;
            }
            if doc.is(name_first, Class::NotName) && !self.lexicon.is_given_name(word) {
                name_first += 1;
                continue;
            }
            break;
        }
        let mut name_last = last;
        // A trailing abbreviation such as "Vda." closes the name without joining it.
        while name_last > name_first
            && (doc.word(name_last).ends_with('.') && doc.word(name_last).len() > 2
                || !is_cap_word(doc, name_last))
        {
            name_last -= 1;
        }
        if name_first > name_last {
            return;
        }
        let n_words = (name_first..=name_last)
            .filter(|&token| doc.is_word(token))
            .count();
        if (n_words == 1) != single_tokens {
            return;
        }
        if (name_first..=name_last)
            .any(|token| doc.is(token, Class::OrgHead) && is_cap_word(doc, token))
        {
            return;
        }
        let title = self.title_before(sentence, name_first);
        let appositive = self.appositive_after(name_last);
        let given = self.lexicon.is_given_name(doc.word(name_first));
        let speech = self.speech_near(name_first, name_last);
        let name = self.text_of(name_first, name_last);
        let known_person = single_tokens && self.is_known_name_part(&name);
        let facility = self.facility_after(name_last);
        let is_acronym_name = n_words == 1 && pw_text::is_acronym(&name);
        let verb_after = name_last + 1 < doc.tokens.len()
            && doc.is_word(name_last + 1)
            && SPEECH_VERBS.contains(doc.lower_word(name_last + 1));
        let is_person = if is_acronym_name {
            false
        } else if single_tokens {
            known_person
                || (title.is_some() && !NOT_NAMES.contains_folded(&name))
                || (verb_after && !NOT_NAMES.contains_folded(&name))
        } else {
            title.is_some() || appositive.is_some() || given || speech
        };
        if !is_person {
            if let Some(facility_end) = facility
                && (!single_tokens || !NOT_NAMES.contains_folded(&name))
            {
                {
                    let span = Span::new(doc.tokens[name_first].span.start, facility_end);
                    let full = span.slice(doc.text).to_string();
                    for token in name_first..=name_last {
                        self.taken[token] = true;
                    }
                    self.drafts.push(Draft {
                        span,
                        kind: Some(EntityKind::Location),
                        aliases: vec![name.clone()],
                        name: full,
                        named: true,
                        origin: "facility",
                        ..Draft::default()
                    });
                }
            }
            return;
        }
        if n_words == 1 && NOT_NAMES.contains_folded(&name) {
            return;
        }
        for token in name_first..=name_last {
            self.taken[token] = true;
            if let Some(hit) = self.token_hit[token] {
                self.suppressed[hit] = true;
            }
        }
        let (mut role, mut country, mut office) = match &title {
            Some(title) => (
                Some(title.role.clone()),
                title.country.clone(),
                title.office,
            ),
            None => (None, None, false),
        };
        if let Some(appositive) = appositive {
            if role.is_none() {
                role = Some(appositive.role);
                office |= appositive.office;
            }
            if country.is_none() {
                country = appositive.country;
            }
        }
        // A lexicon person inside the name gives its canonical name, country and role.
        let mut canonical = None;
        for token in name_first..=name_last {
            if let Some(entry) = self.hit_entry(token)
                && entry.kind == EntryKind::Person
            {
                canonical = Some(entry.canonical.clone());
                if country.is_none() {
                    country = entry.country.clone();
                }
                if role.is_none() && !entry.extra.is_empty() {
                    role = Some(entry.extra.clone());
                }
                office = true;
                break;
            }
        }
        let span = Span::new(
            doc.tokens[name_first].span.start,
            doc.tokens[name_last].span.end,
        );
        self.drafts.push(Draft {
            span,
            canonical,
            kind: Some(EntityKind::Person),
            name,
            country,
            role,
            office,
            named: true,
            origin: if title.is_some() {
                "title"
            } else if given {
                "given_name"
            } else {
                "context"
            },
            ..Draft::default()
        });
    }

    /// All-caps headings ("REVERSING THE REMOVAL OF THE HOUTHIS FROM THE LIST:") are not
    /// names: a run of three or more all-caps words that holds an all-caps function word
    /// is taken before any rule sees it.
    fn skip_headings(&mut self) {
        let doc = self.doc;
        let is_shouted = |index: usize| doc.is_shouted(index);
        let mut index = 0;
        while index < doc.tokens.len() {
            if !is_shouted(index) {
                index += 1;
                continue;
            }
            let mut end = index;
            let mut words = 0;
            let mut function_word = false;
            // Possessive "’S" and punctuation inside the heading do not end it.
            while end < doc.tokens.len()
                && (is_shouted(end) || !doc.is_word(end) && is_heading_mark(doc.word(end)))
            {
                if is_shouted(end) {
                    words += 1;
                    function_word |= words::SHOUTED_FUNCTION_WORDS.contains(doc.word(end));
                }
                end += 1;
            }
            if words >= 3 && function_word {
                for token in index..end {
                    self.taken[token] = true;
                }
            }
            index = end.max(index + 1);
        }
    }

    /// Datelines and page labels that open a line or a sentence are not names:
    /// "WASHINGTON –", "SEOUL, Nov. 17 (UPI) --", "MIAMI (Sept. 26, 2021) --",
    /// "BREAKING VIDEO:", "FILE -". One to four all-caps words followed by a dash,
    /// a comma, an opening parenthesis or a colon; the place of a dateline is where the
    /// report was filed, not an actor.
    fn skip_datelines(&mut self) {
        let doc = self.doc;
        // Two letters at least: "A" opening a line is no dateline.
        let is_shouted = |index: usize| doc.is_word(index) && pw_text::is_acronym(doc.word(index));
        for sentence in 0..doc.sentences.len() {
            let (first, last) = doc.sentence_tokens[sentence];
            let mut index = first;
            while index < last {
                // Shouted words are rare: the line test only runs for them.
                if !is_shouted(index)
                    || index != first && !starts_line(doc.text, doc.tokens[index].span.start)
                {
                    index += 1;
                    continue;
                }
                let mut end = index;
                while end < last && end - index < 4 && is_shouted(end) {
                    end += 1;
                }
                let label =
                    (index..end).all(|token| words::NEWS_LABELS.contains(doc.lower_word(token)));
                let next = if end < last { doc.word(end) } else { "" };
                let dateline_mark = matches!(next, "(" | "," | "–" | "—" | "-" | "--" | ":");
                // "NATO (" and "IRNA," open sentences too: a dateline needs a place
                // word of some length or a label.
                let long = doc.word(index).chars().count() >= 5 || end - index > 1;
                if dateline_mark && (label || long && next != ":") {
                    for token in index..end {
                        self.taken[token] = true;
                    }
                }
                index = end.max(index + 1);
            }
        }
    }

    fn index_lexicon_people(&mut self) {
        let mut parts = HashSet::default();
        for hit in &self.hits {
            let entry = self.lexicon.entry(hit.entry);
            if entry.kind == EntryKind::Person {
                let folded = pw_text::fold(&entry.canonical);
                parts.extend(folded.split(' ').map(str::to_string));
            }
        }
        self.name_parts.get_mut().0 = parts;
    }

    /// True when `name` (one word) is a part of a person name found earlier.
    fn is_known_name_part(&self, name: &str) -> bool {
        let mut name_parts = self.name_parts.borrow_mut();
        let (parts, indexed) = &mut *name_parts;
        for draft in &self.drafts[*indexed..] {
            if draft.kind == Some(EntityKind::Person) {
                let folded = pw_text::fold(&draft.name);
                parts.extend(folded.split(' ').map(str::to_string));
            }
        }
        *indexed = self.drafts.len();
        parts.contains(pw_text::fold(name).as_str())
    }

    /// A speech verb right after the name, or "said"/"according to" right before it.
    fn speech_near(&self, first: usize, last: usize) -> bool {
        let doc = self.doc;
        let after = last + 1;
        if after < doc.tokens.len()
            && doc.is_word(after)
            && SPEECH_VERBS.contains(doc.lower_word(after))
        {
            return true;
        }
        if first >= 1
            && doc.is_word(first - 1)
            && matches!(
                doc.lower_word(first - 1),
                "said" | "says" | "added" | "wrote" | "told" | "continued"
            )
        {
            return true;
        }
        false
    }

    /// "El Libertador air base": a lowercase facility noun right after a name.
    fn facility_after(&self, last: usize) -> Option<usize> {
        let doc = self.doc;
        let after = last + 1;
        if after >= doc.tokens.len() {
            return None;
        }
        let rest = doc.lower_slice(
            doc.tokens[after].span.start,
            (doc.tokens[after].span.start + 24).min(doc.text.len()),
        );
        for noun in words::FACILITY_NOUNS.list() {
            if rest.starts_with(noun)
                && rest[noun.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric())
                && doc.text[doc.tokens[after].span.start..].starts_with(|c: char| c.is_lowercase())
            {
                return Some(doc.tokens[after].span.start + noun.len());
            }
        }
        None
    }

    /// A title before a name: "Bolivian Defense Minister", "then-Iranian defense minister",
    /// "Iran's ambassador to Caracas,", "the commander in chief of the Nicaraguan army".
    fn title_before(&self, sentence: usize, name_first: usize) -> Option<Title> {
        let doc = self.doc;
        let sentence_start = doc.sentence_tokens[sentence].0;
        let mut country = None;
        let mut role_first = None;
        let mut role_last = None;
        let mut office = false;
        // The word right before the name must belong to a title ("Minister", "Sen.",
        // "Bolivian", "Caracas,"), not be an article or a verb.
        let mut check = name_first;
        while check > sentence_start && matches!(doc.word(check - 1), "(" | ")") {
            check -= 1;
        }
        if check == sentence_start {
            return None;
        }
        let previous = doc.word(check - 1);
        let previous_fits = doc.is(check - 1, Class::TitleHead)
            || doc.is(check - 1, Class::TitleModifier)
            || doc.is(check - 1, Class::TitleComplement)
            || doc.is(check - 1, Class::OrgHead)
            || self.token_hit[check - 1].is_some()
            || previous == ",";
        if !previous_fits || previous == "the" {
            return None;
        }
        let mut index = name_first;
        let mut steps = 0;
        while index > sentence_start && steps < 12 {
            index -= 1;
            steps += 1;
            let word = doc.word(index);
            // "President A of X and President B": what precedes "and" is another name's.
            if word == "and" && role_first.is_some() {
                break;
            }
            if let Some(code) = self.country_of_token(index) {
                if country.is_none() {
                    country = Some(code);
                }
                continue;
            }
            if self
                .hit_entry(index)
                .is_some_and(|entry| matches!(entry.kind, EntryKind::Capital | EntryKind::City))
            {
                continue;
            }
            if doc.is(index, Class::TitleHead) {
                role_first = Some(index);
                role_last.get_or_insert(index);
                office |= doc.is(index, Class::OfficeHead);
                continue;
            }
            if doc.is(index, Class::TitleModifier) || doc.is(index, Class::TitleComplement) {
                if role_first.is_some() || index + 1 < name_first {
                    role_first = Some(index).filter(|_| role_first.is_some()).or(role_first);
                }
                continue;
            }
            if words::TITLE_CONTINUATIONS.contains(word) || doc.is(index, Class::OrgHead) {
                // A comma may only follow a complete title: "Iran's ambassador to Caracas, Hojat Soltani".
                continue;
            }
            if word.contains('-')
                && word
                    .split('-')
                    .any(|part| words::TITLE_MODIFIERS.contains_folded(part))
            {
                continue;
            }
            break;
        }
        let role_first = role_first?;
        let role_last = role_last.unwrap_or(role_first);
        // Extend the role to the words that belong to it right after the head ("of State").
        let mut end = role_last;
        while end + 1 < name_first {
            let word = doc.word(end + 1);
            if word == "," || word == "(" || word == ")" {
                break;
            }
            if self.country_of_token(end + 1).is_some() && end + 2 >= name_first {
                break;
            }
            end += 1;
        }
        let mut start = role_first;
        // Include modifiers right before the head ("Deputy Secretary", "Defense Minister").
        while start > sentence_start {
            let word = doc.word(start - 1);
            if (doc.is(start - 1, Class::TitleModifier) || word == "(")
                && self.country_of_token(start - 1).is_none()
                && !matches!(
                    lower(word).as_str(),
                    "former" | "late" | "then" | "current" | "new" | "outgoing" | "the"
                )
            {
                start -= 1;
            } else {
                break;
            }
        }
        let raw = Span::new(doc.tokens[start].span.start, doc.tokens[end].span.end).slice(doc.text);
        let role = clean_role(raw);
        if role.is_empty() {
            return None;
        }
        Some(Title {
            role,
            country,
            office,
        })
    }

    /// ", a Bolivian opposition lawmaker who is ..." or ", who is secretary of ..." after a name.
    fn appositive_after(&self, name_last: usize) -> Option<Title> {
        let doc = self.doc;
        let mut index = name_last + 1;
        if index >= doc.tokens.len() {
            return None;
        }
        let comma = doc.word(index) == ",";
        let copula = doc.is_word(index) && matches!(doc.lower_word(index), "is" | "was");
        if !comma && !copula {
            return None;
        }
        index += 1;
        let sentence_end = doc.sentence_tokens[doc.sentence_of_token(name_last)].1;
        let mut country = None;
        let mut steps = 0;
        while index < sentence_end && steps < 8 {
            if let Some(code) = self.country_of_token(index) {
                country.get_or_insert(code);
            } else if doc.is(index, Class::TitleHead) {
                // ", the Venezuelan Defense Minister Vladimir Padrino": the title introduces
                // another person, not an appositive of this one.
                let mut next = index + 1;
                while next < sentence_end
                    && (doc.is(next, Class::TitleHead) || doc.is(next, Class::TitleModifier))
                {
                    next += 1;
                }
                if next < sentence_end && is_cap_word(doc, next) {
                    return None;
                }
                let raw = doc.tokens[index].span.slice(doc.text);
                let mut role = clean_role(raw);
                // "secretary of the Defense and Armed Forces Committee": keep the "of" part.
                if index + 1 < sentence_end && doc.word(index + 1) == "of" {
                    let mut end = index + 1;
                    while end + 1 < sentence_end
                        && (is_cap_word(doc, end + 1) || ORG_CONNECTORS.contains(doc.word(end + 1)))
                    {
                        end += 1;
                    }
                    role = clean_role(
                        Span::new(doc.tokens[index].span.start, doc.tokens[end].span.end)
                            .slice(doc.text),
                    );
                }
                return Some(Title {
                    office: doc.is(index, Class::OfficeHead),
                    role,
                    country,
                });
            } else if !(doc.is_word(index)
                && (words::TITLE_GAP_WORDS.contains(doc.lower_word(index))
                    || doc.is(index, Class::TitleModifier)))
            {
                return None;
            }
            index += 1;
            steps += 1;
        }
        None
    }

    /// Unknown acronyms (organizations) and weapon designations ("ANSU-600").
    fn acronyms_and_designations(&mut self, sentence: usize) {
        let doc = self.doc;
        let (start, end) = doc.sentence_tokens[sentence];
        for index in start..end {
            if self.taken[index]
                || self.token_hit[index].is_some_and(|hit| !self.suppressed[hit])
                || !doc.is_word(index)
            {
                continue;
            }
            let word = doc.word(index);
            let span = doc.tokens[index].span;
            if is_designation(word) {
                self.taken[index] = true;
                self.drafts.push(Draft {
                    span,
                    kind: Some(EntityKind::Equipment),
                    name: word.to_string(),
                    named: true,
                    origin: "designation",
                    ..Draft::default()
                });
                continue;
            }
            let letters = word.chars().filter(|c| c.is_alphabetic()).count();
            // "COVID-19": the letters before a dash name what it is.
            let head = word.split('-').next().unwrap_or(word);
            if pw_text::is_acronym(word)
                && letters >= 3
                && !word.contains('.')
                && !NOT_ORG_ACRONYMS.contains(word)
                && !NOT_ORG_ACRONYMS.contains(head)
                && !self.plain_acronyms.contains(word)
            {
                if self.defined_by_plain_words(index, word) {
                    self.plain_acronyms.insert(word.to_string());
                    continue;
                }
                self.taken[index] = true;
                self.drafts.push(Draft {
                    span,
                    kind: Some(EntityKind::Organization),
                    name: word.to_string(),
                    named: true,
                    origin: "acronym",
                    ..Draft::default()
                });
            }
        }
    }

    /// Whether the acronym at `index` is defined in parentheses right after capitalized
    /// words whose initials spell it and that no rule or list took for a name ("the
    /// American Rescue Plan (ARP)", "the CHIPS and Science Act (CSA)").
    fn defined_by_plain_words(&self, index: usize, acronym: &str) -> bool {
        let doc = self.doc;
        if index < 2
            || index + 1 >= doc.tokens.len()
            || doc.word(index - 1) != "("
            || doc.word(index + 1) != ")"
        {
            return false;
        }
        let (sentence_start, _) = doc.sentence_tokens[doc.sentence_of_token(index)];
        let wanted: Vec<char> = acronym
            .chars()
            .filter(|c| c.is_alphabetic())
            .map(|c| c.to_ascii_lowercase())
            .collect();
        let mut initials: Vec<char> = Vec::new();
        let mut cursor = index - 1;
        while cursor > sentence_start && initials.len() < wanted.len() {
            cursor -= 1;
            let word = doc.word(cursor);
            // A rule's name, or a known name ending right before the parenthesis, is
            // what the acronym stands for; a place or demonym inside the words is not
            // ("the American Rescue Plan").
            let head = cursor == index - 2;
            let known = self.token_hit[cursor].is_some_and(|hit| !self.suppressed[hit]);
            if self.taken[cursor]
                || (head
                    && (known
                        || doc.is(cursor, Class::OrgHead)
                        || doc.is(cursor, Class::OfficeHead)))
            {
                return false;
            }
            if pw_text::is_capitalized(word) {
                initials.extend(word.chars().next().map(|c| c.to_ascii_lowercase()));
            } else if !ORG_CONNECTORS.contains_folded(word) {
                return false;
            }
        }
        initials.reverse();
        initials == wanted
    }

    /// Names no list and no rule knows, from the trained tagger (`pw-ner`): a span the
    /// tagger finds with some confidence becomes a draft when no rule, gazetteer hit or
    /// heading already holds any of its tokens. Rules win where they are sure; the
    /// tagger fills recall.
    fn tagger_drafts(&mut self) {
        let doc = self.doc;
        let tagger = pw_ner::Tagger::embedded();
        let mut held = self.taken.clone();
        for draft in &self.drafts {
            let mut index = doc
                .tokens
                .partition_point(|token| token.span.end <= draft.span.start);
            while index < doc.tokens.len() && doc.tokens[index].span.start < draft.span.end {
                held[index] = true;
                index += 1;
            }
        }
        for (index, hit) in self.token_hit.iter().enumerate() {
            if hit.is_some_and(|hit| !self.suppressed[hit]) {
                held[index] = true;
            }
        }
        if !self.plain_acronyms.is_empty() {
            for (index, held) in held.iter_mut().enumerate() {
                if self.plain_acronyms.contains(doc.word(index)) {
                    *held = true;
                }
            }
        }
        let mut gazetteer = Vec::new();
        let mut words: Vec<&str> = Vec::new();
        let mut names = Vec::new();
        for sentence in 0..doc.sentences.len() {
            let (first, last) = doc.sentence_tokens[sentence];
            let tokens = &doc.tokens[first..last];
            // Lowercase prose holds no name the tagger would find.
            if !(first..last).any(|index| !held[index] && is_cap_word(doc, index)) {
                continue;
            }
            gazetteer.clear();
            pw_ner::gazetteer_spans(tokens, &self.hits, self.lexicon, &mut gazetteer);
            words.clear();
            words.extend((first..last).map(|index| doc.word(index)));
            names.clear();
            // A name overlapping a held token is dropped below, so a region whose
            // every token is held is not tagged at all.
            let unheld = |start: usize, end: usize| (first + start..first + end).any(|i| !held[i]);
            tagger.tag_regions_into(&words, &gazetteer, unheld, &mut names);
            for name in &names {
                let (start, end) = (first + name.start, first + name.end);
                if name.score < TAGGER_MIN_SCORE || (start..end).any(|index| held[index]) {
                    continue;
                }
                // A lone capitalized word at the start of a sentence is too often an
                // ordinary word ("Officials", "Thousands").
                if end - start == 1 && start == first {
                    continue;
                }
                // Titles alone ("Deputy Minister of Defence", "Chiefs of Staff"), common
                // capitalized words ("Down"), and handles or link codes ("AE1ODLtD5c")
                // are not names.
                let words_of = || (start..end).map(|index| doc.word(index));
                let all_title_or_common = (start..end).all(|index| {
                    let word = doc.word(index);
                    let singular = word.strip_suffix('s').unwrap_or(word);
                    doc.is(index, Class::TitleHead)
                        || TITLE_HEADS.contains_folded(singular)
                        || doc.is(index, Class::TitleModifier)
                        || doc.is(index, Class::TitleComplement)
                        || ORG_CONNECTORS.contains(word)
                        || doc.is(index, Class::NotName)
                });
                let odd_word = words_of().any(|word| {
                    word.chars().any(|c| c.is_ascii_digit())
                        && word.chars().any(char::is_alphabetic)
                });
                // One word alone needs more confidence; one that looks like a demonym
                // ("European", "Middle Eastern") is not a place.
                let single = end - start == 1;
                let place_or_person =
                    name.kind == pw_ner::NerKind::Location || name.kind == pw_ner::NerKind::Person;
                let last_word = doc.lower_word(end - 1);
                let demonym_shape = place_or_person
                    && words::DEMONYM_SUFFIXES
                        .list()
                        .iter()
                        .any(|suffix| last_word.ends_with(suffix));
                if all_title_or_common
                    || odd_word
                    || demonym_shape
                    || single && name.score < TAGGER_SINGLE_WORD_MIN_SCORE
                {
                    continue;
                }
                let span = Span::new(doc.tokens[start].span.start, doc.tokens[end - 1].span.end);
                let kind = match name.kind {
                    pw_ner::NerKind::Person => EntityKind::Person,
                    pw_ner::NerKind::Organization => EntityKind::Organization,
                    pw_ner::NerKind::Location => EntityKind::Location,
                };
                self.drafts.push(Draft {
                    span,
                    kind: Some(kind),
                    name: span.slice(doc.text).to_string(),
                    named: true,
                    origin: "tagger",
                    ..Draft::default()
                });
                for flag in &mut held[start..end] {
                    *flag = true;
                }
            }
        }
    }

    fn gazetteer_drafts(&mut self) {
        for (hit_index, hit) in self.hits.iter().enumerate() {
            if self.suppressed[hit_index] {
                continue;
            }
            let entry = self.lexicon.entry(hit.entry);
            let span = Span::new(hit.start, hit.end);
            let surface = span.slice(self.doc.text).to_string();
            let mut draft = Draft {
                span,
                name: surface.clone(),
                canonical: Some(entry.canonical.clone()),
                country: entry.country.clone(),
                named: true,
                origin: "lexicon",
                ..Draft::default()
            };
            match entry.kind {
                EntryKind::Country => draft.kind = Some(EntityKind::Country),
                EntryKind::Demonym => {
                    draft.kind = Some(EntityKind::Country);
                    draft.named = false;
                }
                EntryKind::Capital => {
                    // A capital is a place after a locative word ("in Tehran", "visited
                    // Moscow"); otherwise it stands for its government ("Tehran looking
                    // to expand", "condemn Moscow") and is a mention of the country.
                    if is_locative(self.doc, hit.start) {
                        draft.kind = Some(EntityKind::Location);
                        draft.capital_of = entry.country.clone();
                    } else {
                        draft.kind = Some(EntityKind::Country);
                        draft.canonical = None;
                    }
                }
                EntryKind::City | EntryKind::Region => draft.kind = Some(EntityKind::Location),
                EntryKind::Organization => {
                    draft.kind = Some(EntityKind::Organization);
                    draft.media = entry.extra.contains("media");
                }
                EntryKind::Person => {
                    draft.kind = Some(EntityKind::Person);
                    if !entry.extra.is_empty() {
                        draft.role = Some(entry.extra.clone());
                    }
                    draft.office = true;
                }
                EntryKind::Equipment => draft.kind = Some(EntityKind::Equipment),
                EntryKind::EquipmentClass => {
                    // "a priority of mine": the pronoun, not a landmine.
                    if surface == "mine" && self.doc.lower[..hit.start].trim_end().ends_with(" of")
                    {
                        continue;
                    }
                    draft.kind = Some(EntityKind::Equipment);
                    draft.generic =
                        GENERIC_EQUIPMENT.contains(entry.canonical.to_lowercase().as_str());
                }
            }
            if draft.kind == Some(EntityKind::Organization) {
                let last_token = self.doc.token_until(hit.end).saturating_sub(1);
                draft.defines = acronym_in_parentheses(self.doc, last_token);
            }
            self.drafts.push(draft);
        }
    }
}

fn is_locative(doc: &Doc, start: usize) -> bool {
    let first = doc.token_from(start);
    let sentence_start =
        doc.sentence_tokens[doc.sentence_of_token(first.min(doc.tokens.len().saturating_sub(1)))].0;
    (first.saturating_sub(3).max(sentence_start)..first)
        .any(|index| LOCATIVES.contains(doc.lower_word(index)))
}

fn acronym_in_parentheses(doc: &Doc, last: usize) -> Option<String> {
    let open = last + 1;
    if open + 2 < doc.tokens.len()
        && doc.word(open) == "("
        && doc.word(open + 2) == ")"
        && pw_text::is_acronym(doc.word(open + 1))
    {
        return Some(doc.word(open + 1).to_string());
    }
    None
}

struct Title {
    role: String,
    country: Option<String>,
    office: bool,
}

/// "(Bolivian Defense) Minister" → "Defense Minister"; "Sen." → "Senator".
fn clean_role(raw: &str) -> String {
    let mut words_out: Vec<String> = Vec::new();
    for word in raw.split(|c: char| c.is_whitespace() || c == '(' || c == ')' || c == ',') {
        if word.is_empty() {
            continue;
        }
        let expanded = match word {
            "Sen." | "Sen" => "Senator",
            "Gen." => "General",
            "Adm." => "Admiral",
            "Col." => "Colonel",
            "Lt." => "Lieutenant",
            "Gov." => "Governor",
            "Rep." => "Representative",
            "Capt." => "Captain",
            "Maj." => "Major",
            other => other,
        };
        words_out.push(expanded.to_string());
    }
    // Drop leading words that are not part of a role.
    while words_out
        .first()
        .is_some_and(|word| words::ROLE_LEADING_DROPS.contains(&word.to_lowercase()))
    {
        words_out.remove(0);
    }
    while words_out.last().is_some_and(|word| {
        matches!(
            word.to_lowercase().as_str(),
            "the" | "of" | "to" | "and" | "in"
        )
    }) {
        words_out.pop();
    }
    words_out.join(" ")
}

/// "ANSU-600", "Mohajer-6", "S-400", "F-16", "Su-35": letters, a hyphen, digits.
fn is_designation(word: &str) -> bool {
    let Some((head, tail)) = word.split_once('-') else {
        return false;
    };
    if head.is_empty() || tail.is_empty() || head.len() > 12 {
        return false;
    }
    if words::NOT_DESIGNATION_PREFIXES.contains(&head.to_ascii_uppercase()) {
        return false;
    }
    head.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && head.chars().all(|c| c.is_ascii_alphabetic())
        && tail.chars().next().is_some_and(|c| c.is_ascii_digit())
        && tail.chars().all(|c| c.is_ascii_alphanumeric())
        && !tail.chars().all(|c| c.is_ascii_digit()) | (tail.len() <= 4)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_starts_after_a_break_or_a_date_marker_line_only() {
        let at = |text: &str, word: &str| starts_line(text, text.find(word).expect(word));
        assert!(at("LA PAZ (AP)", "LA"));
        assert!(at("Intro.\n  \tLA PAZ (AP)", "LA"));
        assert!(at("date 2024-03-05 LA PAZ (AP)", "LA"));
        assert!(at("Intro.\ndate 2024-03-05 LA PAZ (AP)", "LA"));
        assert!(!at("Officials in LA PAZ said", "LA"));
        assert!(!at("Intro.\nsee date 2024-03-05 LA PAZ", "LA"));
        // A line longer than the look-back is no date marker, however it ends.
        let long = format!("{} date 2024-03-05 LA PAZ", "x".repeat(100));
        assert!(!at(&long, "LA"));
    }

    #[test]
    fn designations_have_letters_hyphen_digits() {
        for word in [
            "ANSU-600",
            "Mohajer-6",
            "S-400",
            "F-16",
            "Su-35",
            "Shahed-136",
        ] {
            assert!(is_designation(word), "{word}");
        }
        for word in ["COVID-19", "Lebanon-based", "20-year", "G-20", "anti-U.S."] {
            assert!(!is_designation(word), "{word}");
        }
    }

    #[test]
    fn roles_are_cleaned() {
        assert_eq!(
            clean_role("(Bolivian Defense) Minister"),
            "Bolivian Defense Minister"
        );
        assert_eq!(clean_role("Sen."), "Senator");
        assert_eq!(
            clean_role("the former Deputy Secretary of State"),
            "Deputy Secretary of State"
        );
    }
}
