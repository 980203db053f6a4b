//! Direct quotations and their speakers.
//!
//! Quote marks are paired per paragraph (an unclosed quote ends with its paragraph,
//! as news style has it), tolerating the glitches of scraped and machine-translated
//! text: a mark glued between two words is ignored, a stray closing mark outside a
//! quote is ignored, and an "opening" mark right before "said" closes instead.
//!
//! Speakers are found, in order, in the clause after the quote (`..., said Aliaga`,
//! `..., Landau told Infobae`, `..., according to the IRNA report`), in the clause
//! before it (`Aliaga said "..."`, `the DAIA ... warned of the "..."`), from the other
//! quotes of the paragraph, and from the previous paragraph when a quote continues.
//! Pronouns and descriptions ("he added", "said the Bolivian opposition lawmaker",
//! "the Institute wrote", "the report read") resolve to the latest fitting entity.

use crate::doc::{Doc, Lang, PhraseSet, Work, rfind_phrase};
use crate::entities::Resolved;
use crate::names::Draft;
use crate::words::{self, MEDIA_NOUNS, SPEECH_VERBS, TITLE_HEADS};
use pw_model::{EntityKind, Quote, QuoteId, Span};
use std::sync::OnceLock;

#[derive(Clone, Copy, Debug)]
pub(crate) struct QuoteSpan {
    /// Byte offset of the opening mark.
    pub(crate) open: usize,
    /// Byte offset just past the closing mark (or the paragraph end).
    pub(crate) close: usize,
    /// The quoted words.
    pub(crate) content: Span,
}

fn is_quote_mark(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '«' | '»' | '″')
}

/// Pairs quote marks paragraph by paragraph.
pub(crate) fn find_quote_spans(doc: &Doc) -> Vec<QuoteSpan> {
    let mut out = Vec::new();
    for paragraph in &doc.paragraphs {
        let text = paragraph.slice(doc.text);
        let base = paragraph.start;
        if doc.lang == Lang::Es && dialogue(&mut out, base, text) {
            continue;
        }
        let mut open: Option<usize> = None;
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        for (position, &(offset, c)) in chars.iter().enumerate() {
            if !is_quote_mark(c) {
                continue;
            }
            let before = position.checked_sub(1).map(|p| chars[p].1);
            let after = chars.get(position + 1).map(|&(_, c)| c);
            let space_before = before.is_none_or(char::is_whitespace);
            let space_after = after.is_none_or(char::is_whitespace);
            let glued = before.is_some_and(char::is_alphanumeric)
                && after.is_some_and(char::is_alphanumeric);
            match open {
                None => {
                    if space_after && !space_before {
                        continue; // a stray closing mark
                    }
                    let rest = &text[offset + c.len_utf8()..];
                    let rest_lower = rest.trim_start().to_ascii_lowercase();
                    if ["said ", "says ", "he said", "she said", "added ", "told "]
                        .iter()
                        .any(|verb| rest_lower.starts_with(verb))
                    {
                        continue; // a closing mark written as an opening one
                    }
                    if glued && c != '“' && c != '«' {
                        continue;
                    }
                    open = Some(offset);
                }
                Some(start) => {
                    if glued {
                        continue; // "trafficking“We": a glitch inside the quote
                    }
                    push_quote(&mut out, base, text, start, offset + c.len_utf8());
                    open = None;
                }
            }
        }
        if let Some(start) = open {
            push_quote(&mut out, base, text, start, text.len());
        }
    }
    out
}

/// The dash of dialogue, in Spanish: a paragraph that opens with a dash is speech up to
/// a dash after a space, which opens the narrator's aside ("—Es un acuerdo histórico
/// —dijo Novillo—. Lo firmaremos."); after the aside's closing dash the speech goes on
/// to the end of the paragraph. False when the paragraph is not dialogue.
fn dialogue(out: &mut Vec<QuoteSpan>, base: usize, text: &str) -> bool {
    const DASHES: [char; 2] = ['\u{2014}', '\u{2013}'];
    let Some(first) = text.chars().next().filter(|c| DASHES.contains(c)) else {
        return false;
    };
    if text[first.len_utf8()..].starts_with(char::is_whitespace) {
        return false; // a list item, not speech
    }
    let aside = text[first.len_utf8()..]
        .char_indices()
        .find(|&(at, c)| {
            DASHES.contains(&c) && text[..first.len_utf8() + at].ends_with(char::is_whitespace)
        })
        .map(|(at, _)| first.len_utf8() + at);
    match aside {
        None => push_quote(out, base, text, 0, text.len()),
        Some(aside) => {
            push_quote(out, base, text, 0, aside);
            // The aside ends at the next dash; the speech resumes after it.
            let after_aside = aside + first.len_utf8();
            if let Some(end) = text[after_aside..].find(DASHES) {
                let resume = after_aside + end;
                let rest = text[resume..].trim_start_matches(DASHES);
                let rest = rest.trim_start_matches(['.', ',', ';', ':']);
                if rest.chars().filter(|c| c.is_alphanumeric()).count() > 12 {
                    push_quote(out, base, text, resume, text.len());
                }
            }
        }
    }
    true
}

fn push_quote(out: &mut Vec<QuoteSpan>, base: usize, text: &str, open: usize, close: usize) {
    let open_len = text[open..].chars().next().map_or(1, char::len_utf8);
    let mut content_start = open + open_len;
    let mut content_end = close;
    if let Some(last) = text[..close].chars().next_back()
        && is_quote_mark(last)
        && close - last.len_utf8() >= content_start
    {
        content_end = close - last.len_utf8();
    }
    let inner = &text[content_start..content_end];
    let trimmed_start = inner.len() - inner.trim_start().len();
    content_start += trimmed_start;
    content_end = content_start + inner.trim().len();
    // ("Guidelines document"): a defined short name, not a quotation.
    let before = text[..open].trim_end();
    let before = before.strip_suffix("the").unwrap_or(before).trim_end();
    let defined_term = before.ends_with('(') && text[close..].trim_start().starts_with(')');
    if defined_term
        || content_end <= content_start
        || text[content_start..content_end]
            .chars()
            .filter(|c| c.is_alphanumeric())
            .count()
            < 2
    {
        return;
    }
    out.push(QuoteSpan {
        open: base + open,
        close: base + close,
        content: Span::new(base + content_start, base + content_end),
    });
}

pub(crate) struct Attribution {
    pub(crate) speaker: Option<usize>,
    pub(crate) cue: Option<&'static str>,
}

/// Resolves speakers and builds the output quotes.
pub(crate) fn attribute(
    doc: &Doc,
    drafts: &[Draft],
    resolved: &Resolved,
    spans: &[QuoteSpan],
) -> (Vec<Quote>, Vec<Attribution>) {
    let speaker_finder = SpeakerFinder {
        doc,
        drafts,
        resolved,
        spans,
        first_people: resolved.first_mention_starts(drafts, EntityKind::Person),
        first_organizations: resolved.first_mention_starts(drafts, EntityKind::Organization),
        contents: {
            let mut contents: Vec<(usize, usize)> = spans
                .iter()
                .map(|span| (span.content.start, span.content.end))
                .collect();
            contents.sort_unstable();
            contents
        },
    };
    let mut attributions: Vec<Attribution> = spans
        .iter()
        .enumerate()
        .map(|(index, _)| speaker_finder.direct(index))
        .collect();
    // "..., he added", `"...", agregó`: the speaker of the quote before, when one was
    // named within the last few sentences (else the person named last, as found).
    let mut last_named: Option<(usize, usize)> = None;
    for index in 0..spans.len() {
        let sentence = doc.sentence_at(spans[index].open);
        if attributions[index].cue == Some("added")
            && let Some((previous_sentence, speaker)) = last_named
            && sentence.saturating_sub(previous_sentence) <= CONTINUATION_SENTENCES
        {
            attributions[index].speaker = Some(speaker);
        }
        if let Some(speaker) = attributions[index].speaker {
            last_named = Some((sentence, speaker));
        }
    }
    let paragraphs: Vec<usize> = spans
        .iter()
        .map(|span| doc.paragraph_at(span.open))
        .collect();
    // Quotes come in text order, so a paragraph's quotes are neighbours: the nearest
    // attributed sibling is the latest one before (kept as the loop goes, since it
    // fills attributions in) or the first one after (not filled in yet).
    let in_order = paragraphs.is_sorted();
    let mut next_attributed = vec![None; spans.len()];
    for index in (0..spans.len().saturating_sub(1)).rev() {
        next_attributed[index] = if paragraphs[index + 1] != paragraphs[index] {
            None
        } else if attributions[index + 1].speaker.is_some() {
            Some(index + 1)
        } else {
            next_attributed[index + 1]
        };
    }
    let mut last_attributed: Option<usize> = None;
    // Quotes of a paragraph share a speaker when only some are attributed.
    for index in 0..spans.len() {
        let paragraph = paragraphs[index];
        if last_attributed.is_some_and(|last| paragraphs[last] != paragraph) {
            last_attributed = None;
        }
        if attributions[index].speaker.is_some() {
            last_attributed = Some(index);
            continue;
        }
        let sibling = if in_order {
            Work::add(&doc.work.quote_steps, 2);
            [last_attributed, next_attributed[index]]
                .into_iter()
                .flatten()
                .filter_map(|other| attributions[other].speaker.map(|speaker| (other, speaker)))
                .min_by_key(|(other, _)| {
                    (*other as isize - index as isize).unsigned_abs() * 2
                        + usize::from(*other < index)
                })
        } else {
            Work::add(&doc.work.quote_steps, spans.len());
            (0..spans.len())
                .filter(|&other| other != index && paragraphs[other] == paragraph)
                .filter_map(|other| attributions[other].speaker.map(|speaker| (other, speaker)))
                .min_by_key(|(other, _)| {
                    (*other as isize - index as isize).unsigned_abs() * 2
                        + usize::from(*other < index)
                })
        };
        if let Some((_, speaker)) = sibling {
            attributions[index] = Attribution {
                speaker: Some(speaker),
                cue: Some("paragraph"),
            };
            last_attributed = Some(index);
            continue;
        }
        // A paragraph that is only a quote, after one that introduces it with a colon
        // ("Juuk said the agreement will strengthen relations:"), has that speaker.
        let paragraph_span = doc.paragraphs[paragraph];
        if spans[index].open == paragraph_span.start && paragraph > 0 {
            let previous = doc.paragraphs[paragraph - 1];
            if doc.text[previous.start..previous.end]
                .trim_end()
                .ends_with(':')
            {
                let sentence = doc.sentences[doc.sentence_at(previous.end.saturating_sub(1))];
                let start = sentence.start.max(previous.start);
                if let Some((speaker, _)) =
                    speaker_finder.clause_speaker(start, previous.end, spans[index].open)
                {
                    attributions[index] = Attribution {
                        speaker: Some(speaker),
                        cue: Some("colon"),
                    };
                    continue;
                }
            }
        }
        // A paragraph that opens with a quote continues the previous paragraph's speaker.
        if spans[index].open == paragraph_span.start && index > 0 && paragraph > 0 {
            let previous = index - 1;
            if doc.paragraph_at(spans[previous].open) == paragraph - 1
                && let Some(speaker) = attributions[previous].speaker
            {
                attributions[index] = Attribution {
                    speaker: Some(speaker),
                    cue: Some("continued"),
                };
                last_attributed = Some(index);
            }
        }
    }
    let quotes = spans
        .iter()
        .zip(&attributions)
        .enumerate()
        .map(|(index, (span, attribution))| Quote {
            id: QuoteId(index as u32),
            speaker: attribution
                .speaker
                .map(|entity| resolved.entities[entity].id),
            speaker_cue: attribution.cue.map(str::to_string),
            text: span.content.slice(doc.text).to_string(),
            span: span.content,
            sentence: doc.sentence_at(span.content.start),
        })
        .collect();
    (quotes, attributions)
}

struct SpeakerFinder<'a, 't> {
    doc: &'a Doc<'t>,
    drafts: &'a [Draft],
    resolved: &'a Resolved,
    spans: &'a [QuoteSpan],
    /// The start of the first mention of each person, and of each organization, sorted:
    /// how many of them a backward scan from an offset can still meet.
    first_people: Vec<usize>,
    first_organizations: Vec<usize>,
    /// The quotes' contents as (start, end), sorted by start.
    contents: Vec<(usize, usize)>,
}

/// How many sentences back a continuation verb ("he added") looks for the speaker of
/// the quote before.
const CONTINUATION_SENTENCES: usize = 3;

/// A mention of an entity inside a byte range, with its kind.
#[derive(Clone, Copy)]
struct Hit {
    start: usize,
    end: usize,
    entity: usize,
    kind: EntityKind,
}

impl SpeakerFinder<'_, '_> {
    fn mentions(&self, start: usize, end: usize) -> Vec<Hit> {
        self.resolved
            .links_starting_in(self.drafts, start, end)
            .iter()
            .filter_map(|link| {
                let draft = &self.drafts[link.draft];
                (draft.span.start >= start
                    && draft.span.end <= end
                    && !self.inside_quote(draft.span.start))
                .then(|| Hit {
                    start: draft.span.start,
                    end: draft.span.end,
                    entity: link.entity,
                    kind: self.resolved.entities[link.entity].kind,
                })
            })
            .collect()
    }

    fn inside_quote(&self, offset: usize) -> bool {
        // Contents do not nest: the one starting last at or before `offset` is the
        // only one that can hold it.
        let after = self.contents.partition_point(|&(start, _)| start <= offset);
        after > 0 && offset < self.contents[after - 1].1
    }

    /// A mention right after a preposition ("in Colombia", "de la Cancillería", "of the
    /// agency"), over determiners: not the subject of a speech verb after it.
    fn governed(&self, clause_start: usize, at: usize) -> bool {
        let lower = self.doc.lower_slice(clause_start, at);
        for word in lower
            .split(|c: char| !c.is_alphanumeric() && c != '\'')
            .filter(|w| !w.is_empty())
            .rev()
            .take(3)
        {
            let word = self.doc.canon(word);
            if word != "and" && words::FRAME_PREPOSITIONS.contains(word) {
                return true;
            }
            if !words::ACTOR_LEAD_WORDS.contains(word) {
                return false;
            }
        }
        false
    }

    /// Whether the speech verb of the clause from `close` to `end` introduces the quote
    /// that opens at `end` (`" fueron las incautadas en Colombia y agregó que "`, `"...
    /// and added that "`: a verb joined by "and" with only "that" after it) rather than
    /// attributing the one that closed at `close`.
    fn introduces_next(&self, close: usize, end: usize) -> bool {
        let (original, lower) = self.doc.slices(close, end);
        let Some((at, len)) = speech_verb(original, lower) else {
            return false;
        };
        lower[at + len..]
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .all(|w| self.doc.canon(w) == "that")
            && lower[..at]
                .split(|c: char| !c.is_alphanumeric())
                .rfind(|w| !w.is_empty())
                .is_some_and(|w| self.doc.canon(w) == "and")
    }

    fn direct(&self, index: usize) -> Attribution {
        let doc = self.doc;
        let span = self.spans[index];
        let paragraph = doc.paragraphs[doc.paragraph_at(span.open)];
        // After: up to the next quote or the end of the sentence that holds the closing mark.
        let next_open = self
            .spans
            .get(index + 1)
            .map_or(paragraph.end, |next| next.open.min(paragraph.end));
        let after_end = {
            let sentence =
                doc.sentences[doc.sentence_at(span.close.min(doc.text.len().saturating_sub(1)))];
            let mut end = sentence.end.max(span.close).min(next_open);
            if end <= span.close {
                end = next_open;
            }
            end
        };
        let next_quote_opens_at_end = self
            .spans
            .get(index + 1)
            .is_some_and(|next| next.open == after_end);
        if after_end > span.close
            && !(next_quote_opens_at_end && self.introduces_next(span.close, after_end))
            && let Some(found) = self.clause_speaker(span.close, after_end, span.open)
        {
            return Attribution {
                speaker: Some(found.0),
                cue: Some(found.1),
            };
        }
        // Before: from the sentence start (or the previous quote) to the opening mark.
        let previous_close = index
            .checked_sub(1)
            .map(|previous| self.spans[previous].close)
            .filter(|&close| close > paragraph.start && close <= span.open);
        let sentence_start = doc.sentences[doc.sentence_at(span.open)].start;
        let before_start = previous_close
            .unwrap_or(sentence_start)
            .max(paragraph.start)
            .min(span.open);
        if span.open > before_start
            && let Some(found) = self.clause_speaker(before_start, span.open, span.open)
        {
            return Attribution {
                speaker: Some(found.0),
                cue: Some(if found.1 == "after" {
                    "before"
                } else {
                    found.1
                }),
            };
        }
        Attribution {
            speaker: None,
            cue: None,
        }
    }

    /// The speaker named in a clause holding a speech verb, if any.
    fn clause_speaker(
        &self,
        start: usize,
        end: usize,
        quote_open: usize,
    ) -> Option<(usize, &'static str)> {
        let (original, lower) = self.doc.slices(start, end);
        let (verb_at, verb_len) = speech_verb(original, lower)?;
        let verb_start = start + verb_at;
        let verb_end = verb_start + verb_len;
        let pronoun_cue = if words::CONTINUATION_VERBS.contains(&lower[verb_at..verb_at + verb_len])
        {
            "added"
        } else {
            "pronoun"
        };
        // A pronoun right before the verb: "he said".
        let before_words: Vec<&str> = lower[..verb_at]
            .split(|c: char| !c.is_alphanumeric() && c != '\'')
            .filter(|w| !w.is_empty())
            .map(|w| self.doc.canon(w))
            .collect();
        if let Some(&last) = before_words.last()
            && (words::PERSON_PRONOUNS.contains(last) || words::GROUP_PRONOUNS.contains(last))
        {
            let person = words::PERSON_PRONOUNS.contains(last);
            // "he said, Novillo Aguilar": a name right after still wins.
            let after = self.mentions(verb_end, end);
            if let Some(hit) = after.iter().find(|hit| hit.kind == EntityKind::Person) {
                return Some((hit.entity, "after"));
            }
            return self
                .latest(
                    quote_open,
                    if person {
                        EntityKind::Person
                    } else {
                        EntityKind::Organization
                    },
                )
                .map(|entity| (entity, pronoun_cue));
        }
        // A description right before the verb: "the report read", "the Institute wrote".
        if let Some(entity) = self.description(&before_words, quote_open) {
            return Some((entity, "description"));
        }
        // A description right after it: "said the Bolivian opposition lawmaker".
        let after_lower = self.doc.lower_slice(verb_end, end);
        let after_words: Vec<&str> = after_lower
            .split(|c: char| !c.is_alphanumeric() && c != '\'')
            .filter(|w| !w.is_empty())
            .map(|w| self.doc.canon(w))
            .take(6)
            .collect();
        if after_words
            .first()
            .is_some_and(|w| *w == "the" || *w == "his" || *w == "her")
        {
            let phrase: Vec<&str> = after_words
                .iter()
                .copied()
                .take_while(|w| {
                    !matches!(*w, "in" | "on" | "at" | "to" | "during" | "who" | "that")
                })
                .collect();
            if let Some(entity) = self.description(&phrase, quote_open) {
                return Some((entity, "description"));
            }
        }
        // A medium or an addressee is not the speaker: "wrote on the social media site
        // X", "said on Twitter", "told Reuters", "in an interview with CNN".
        let before: Vec<Hit> = self
            .mentions(start, verb_start)
            .into_iter()
            .filter(|hit| !self.is_medium_or_addressee(start, hit.start))
            .filter(|hit| !self.governed(start, hit.start))
            .collect();
        let after: Vec<Hit> = self
            .mentions(verb_end, end)
            .into_iter()
            .filter(|hit| !self.is_medium_or_addressee(verb_start, hit.start))
            .collect();
        // "said Novillo Aguilar": a person right after the verb.
        if let Some(hit) = after.first()
            && hit.kind == EntityKind::Person
            && self.doc.text[verb_end..hit.end.min(end)]
                .split_whitespace()
                .count()
                <= 4
        {
            return Some((hit.entity, "after"));
        }
        // Spanish drops the subject pronoun: `"...", dijo al comentar ...`, `Agregó que
        // "..."`: a speech verb with no name before it and none right after it speaks
        // for the person named last.
        if self.doc.lang == Lang::Es
            && before.is_empty()
            && !after_words
                .first()
                .is_some_and(|w| matches!(*w, "the" | "a" | "its"))
            && !after.first().is_some_and(|hit| {
                self.doc.text[verb_end..hit.start.min(end)]
                    .split_whitespace()
                    .count()
                    <= 2
            })
        {
            return self
                .latest(quote_open, EntityKind::Person)
                .map(|entity| (entity, pronoun_cue));
        }
        if !before.is_empty() {
            // Skip an appositive that ends at the verb: "Aliaga, a lawmaker ... Committee, told".
            let mut candidates = before.clone();
            if self.doc.text[before[0].end..verb_start]
                .trim_end()
                .ends_with(',')
                && let Some(comma) = self.doc.text[before[0].end..verb_start].find(',')
            {
                let limit = before[0].end + comma;
                candidates.retain(|hit| hit.end <= limit);
            }
            for kind in [
                EntityKind::Person,
                EntityKind::Organization,
                EntityKind::Country,
            ] {
                if let Some(hit) = candidates.iter().rev().find(|hit| hit.kind == kind) {
                    return Some((hit.entity, "after"));
                }
            }
        }
        for kind in [
            EntityKind::Person,
            EntityKind::Organization,
            EntityKind::Country,
        ] {
            if let Some(hit) = after.iter().find(|hit| hit.kind == kind) {
                return Some((hit.entity, "after"));
            }
        }
        None
    }

    /// True when the mention at `at` is governed by "on", "via", "to", "told" or
    /// "with" through at most a few medium words ("on the social media site X", "told
    /// the Argentine network Infobae", "in an interview with CNN").
    fn is_medium_or_addressee(&self, clause_start: usize, at: usize) -> bool {
        let lower = self.doc.lower_slice(clause_start, at);
        for (steps, word) in lower
            .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-')
            .filter(|w| !w.is_empty())
            .rev()
            .enumerate()
        {
            if steps >= 6 {
                break;
            }
            if words::MEDIUM_PREPOSITIONS.contains(word) {
                return true;
            }
            if !(words::ACTOR_LEAD_WORDS.contains(word)
                || MEDIA_NOUNS.contains(word)
                || words::MEDIUM_WORDS.contains(word))
            {
                return false;
            }
        }
        false
    }

    /// "the (Iranian) minister", "the Bolivian opposition lawmaker", "the report", "the Institute".
    fn description(&self, phrase_words: &[&str], quote_open: usize) -> Option<usize> {
        // Spanish puts the head first and its modifiers after ("el canciller venezolano",
        // "el ministro de Defensa"): read it in the English order.
        let reordered;
        let phrase_words = match self.doc.lang {
            Lang::En => phrase_words,
            Lang::Es => {
                reordered = spanish_head_last(phrase_words);
                &reordered
            }
        };
        let head = *phrase_words.last()?;
        let determiner_at = phrase_words
            .iter()
            .rposition(|w| matches!(*w, "the" | "his" | "her" | "its"))?;
        if determiner_at + 1 >= phrase_words.len() || phrase_words.len() - determiner_at > 5 {
            return None;
        }
        let modifiers = &phrase_words[determiner_at + 1..phrase_words.len() - 1];
        if TITLE_HEADS.contains(head) {
            let wanted_country = modifiers.iter().find_map(|word| self.demonym_country(word));
            let people = self.previous_entities(quote_open, EntityKind::Person);
            let with_role = people.iter().copied().find(|&entity| {
                let person = &self.resolved.entities[entity];
                person
                    .roles
                    .iter()
                    .any(|role| role.to_lowercase().contains(head))
                    && wanted_country
                        .as_ref()
                        .is_none_or(|code| person.country.as_ref() == Some(code))
            });
            return with_role
                .or_else(|| {
                    people.iter().copied().find(|&entity| {
                        wanted_country.as_ref().is_some_and(|code| {
                            self.resolved.entities[entity].country.as_ref() == Some(code)
                        })
                    })
                })
                .or_else(|| people.first().copied());
        }
        if MEDIA_NOUNS.contains(head) {
            let orgs = self.previous_entities(quote_open, EntityKind::Organization);
            return orgs
                .iter()
                .copied()
                .find(|&entity| self.resolved.media[entity])
                .or_else(|| orgs.first().copied());
        }
        if words::ORG_HEADS.contains_folded(head) {
            let orgs = self.previous_entities(quote_open, EntityKind::Organization);
            return orgs.iter().copied().find(|&entity| {
                let organization = &self.resolved.entities[entity];
                organization
                    .aliases
                    .iter()
                    .chain(std::iter::once(&organization.name))
                    .any(|name| {
                        name.to_lowercase()
                            .split_whitespace()
                            .any(|part| part == head)
                    })
            });
        }
        None
    }

    fn demonym_country(&self, word: &str) -> Option<String> {
        self.drafts
            .iter()
            .find(|draft| {
                draft.kind == Some(EntityKind::Country) && draft.name.eq_ignore_ascii_case(word)
            })
            .and_then(|draft| draft.country.clone())
    }

    /// Entities of a kind mentioned before `offset`, latest first, without repeats.
    fn previous_entities(&self, offset: usize, kind: EntityKind) -> Vec<usize> {
        // The scan stops once it has met every entity of the kind mentioned before
        // `offset` (without that, each call on a long document would read all of it).
        let first = match kind {
            EntityKind::Person => Some(&self.first_people),
            EntityKind::Organization => Some(&self.first_organizations),
            _ => None,
        };
        let reachable = first.map_or(usize::MAX, |starts| {
            starts.partition_point(|&start| start < offset)
        });
        // A name inside a quote is someone the speaker talks about, not a speaker: it
        // counts as met (so the scan still stops) but is not returned.
        let mut out = Vec::new();
        let mut quoted: Vec<usize> = Vec::new();
        for link in self.resolved.links_before(self.drafts, offset).iter().rev() {
            if out.len() + quoted.len() >= reachable {
                break;
            }
            Work::add(&self.doc.work.draft_steps, 1);
            let draft = &self.drafts[link.draft];
            if draft.span.start < offset
                && self.resolved.entities[link.entity].kind == kind
                && !out.contains(&link.entity)
            {
                if self.inside_quote(draft.span.start) {
                    if !quoted.contains(&link.entity) {
                        quoted.push(link.entity);
                    }
                } else {
                    quoted.retain(|&entity| entity != link.entity);
                    out.push(link.entity);
                }
            }
        }
        out
    }

    fn latest(&self, offset: usize, kind: EntityKind) -> Option<usize> {
        self.previous_entities(offset, kind).first().copied()
    }
}

/// The first speech verb in a clause (`lower` is its lowercase copy): (offset, length).
/// A capitalized verb is part of a name ("United States"), unless it opens the clause.
/// A Spanish description in the English order: the determiner, the words between it and
/// the head noun, the modifiers after the head up to a preposition, and the head last
/// (`el canciller venezolano` → `el venezolano canciller`). Words are read as the rules
/// read them (`el` as `the`, `de` as `of`).
fn spanish_head_last<'w>(phrase_words: &[&'w str]) -> Vec<&'w str> {
    let Some(determiner_at) = phrase_words
        .iter()
        .rposition(|w| matches!(*w, "the" | "its"))
    else {
        return phrase_words.to_vec();
    };
    let is_head = |w: &str| {
        TITLE_HEADS.contains(w) || MEDIA_NOUNS.contains(w) || words::ORG_HEADS.contains_folded(w)
    };
    let Some(head_at) = (determiner_at + 1..phrase_words.len()).find(|&i| is_head(phrase_words[i]))
    else {
        return phrase_words.to_vec();
    };
    let mut out: Vec<&str> = phrase_words[..head_at].to_vec();
    out.extend(
        phrase_words[head_at + 1..]
            .iter()
            .take_while(|w| !words::FRAME_PREPOSITIONS.contains(w))
            .copied(),
    );
    out.push(phrase_words[head_at]);
    out
}

fn speech_verb(original: &str, lower: &str) -> Option<(usize, usize)> {
    static VERBS: OnceLock<PhraseSet> = OnceLock::new();
    let verbs = VERBS.get_or_init(|| {
        PhraseSet::new(std::iter::once("according to").chain(SPEECH_VERBS.list().iter().copied()))
    });
    // The earliest; at one offset, "according to" and then the list's order win.
    let best = verbs
        .matches(lower)
        .filter(|&(_, at)| at == 0 || !original.as_bytes()[at].is_ascii_uppercase())
        .min_by_key(|&(verb, at)| (at, verb));
    if let Some((verb, at)) = best {
        let len = if verb == 0 {
            "according to".len()
        } else {
            SPEECH_VERBS.list()[verb - 1].len()
        };
        return Some((at, len));
    }
    if rfind_phrase(lower, ":").is_some() {
        return lower.rfind(':').map(|at| (at, 1));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes_of(text: &str) -> Vec<String> {
        let doc = Doc::new(text);
        find_quote_spans(&doc)
            .iter()
            .map(|span| span.content.slice(text).to_string())
            .collect()
    }

    #[test]
    fn pairs_curly_and_straight_quotes() {
        assert_eq!(
            quotes_of("He said “we agree” and \"they refuse.\""),
            ["we agree", "they refuse."]
        );
    }

    #[test]
    fn a_defined_short_name_is_not_a_quote() {
        assert_eq!(
            quotes_of(
                "the Guidelines (“Guidelines document”) of the US (the “United States”) say “we agree”"
            ),
            ["we agree"]
        );
    }

    #[test]
    fn unclosed_quote_ends_with_the_paragraph() {
        assert_eq!(
            quotes_of("“We will go on.\nNext paragraph."),
            ["We will go on."]
        );
    }

    #[test]
    fn tolerates_glued_and_misdirected_marks() {
        assert_eq!(
            quotes_of("“Given the needs of trafficking“We will build it,” Ashtiani said."),
            ["Given the needs of trafficking“We will build it,"]
        );
        assert_eq!(
            quotes_of("“It is our vision, “said the minister in statements."),
            ["It is our vision,"]
        );
        assert_eq!(
            quotes_of("“A complicated country.” on the stage” Gustavo Aliaga said."),
            ["A complicated country."]
        );
    }

    #[test]
    fn finds_the_speech_verb() {
        let verb = |clause: &str| speech_verb(clause, &clause.to_ascii_lowercase());
        assert_eq!(verb(", said Loza, who is"), Some((2, 4)));
        assert_eq!(verb(" according to the IRNA report."), Some((1, 12)));
        assert_eq!(verb(" on the stage"), None);
        assert_eq!(verb(" the United States said"), Some((19, 4)));
    }
}
