//! Paragraph and sentence segmentation: one linear byte scan, abbreviation-aware.

use crate::{Span, is_abbreviation, is_sentence_starter};

/// Paragraph spans: text between newlines (a single `\n` separates paragraphs), trimmed
/// of surrounding whitespace (Unicode), empty ones skipped.
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for nl in memchr::memchr_iter(b'\n', text.as_bytes()) {
        push_trimmed(text, start, nl, &mut out);
        start = nl + 1;
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

/// Pushes `text[start..end]` trimmed of whitespace, unless it is empty.
fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let piece = &text[start..end];
    let trimmed_start = piece.trim_start();
    let lead = piece.len() - trimmed_start.len();
    let trimmed = trimmed_start.trim_end();
    if !trimmed.is_empty() {
        out.push(Span::new(start + lead, start + lead + trimmed.len()));
    }
}

/// Sentence spans over the whole text, never crossing a paragraph boundary, trimmed.
///
/// A sentence ends at `.`, `!`, `?` or an ellipsis (`...`, `…`) followed by whitespace,
/// after any closing quotes and brackets (`publishes.”` ends after the `”`). It does not
/// end when the next word starts lowercase, after a decimal point or inside a dotted
/// form (`3.5`, `U.S.`, `a.m.`). After an abbreviation (see [`crate::ABBREVIATIONS`]),
/// an initial (`K.`) or a dotted form, it ends only when the next word is one of the
/// [`crate::SENTENCE_STARTERS`] ("in the U.S. The president"). After an ellipsis it ends
/// only before an uppercase letter or an opening quote.
pub fn sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    for para in paragraphs(text) {
        split_paragraph(text, para, &mut out);
    }
    out
}

/// What kind of terminator run was found.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Stop {
    /// A single period (maybe followed by closing marks).
    Period,
    /// `...` or `…`.
    Ellipsis,
    /// A run containing `!` or `?`.
    Strong,
}

fn split_paragraph(text: &str, para: Span, out: &mut Vec<Span>) {
    let bytes = text.as_bytes();
    let end = para.end;
    let mut sent_start = para.start;
    let mut i = para.start;
    while i < end {
        let b = bytes[i];
        let is_term = matches!(b, b'.' | b'!' | b'?') || (b == 0xE2 && is_ellipsis(bytes, i));
        if !is_term {
            i += 1;
            continue;
        }
        // Consume the whole run of terminators and closing marks.
        let term_start = i;
        let mut stop = match b {
            b'.' if i + 1 < end && bytes[i + 1] == b'.' => Stop::Ellipsis,
            b'.' => Stop::Period,
            b'!' | b'?' => Stop::Strong,
            _ => Stop::Ellipsis,
        };
        let mut q = i;
        let mut quoted = false;
        loop {
            if q >= end {
                break;
            }
            match bytes[q] {
                b'.' => q += 1,
                b'!' | b'?' => {
                    stop = Stop::Strong;
                    q += 1;
                }
                b')' | b']' => q += 1,
                b'"' | b'\'' => {
                    quoted = true;
                    q += 1;
                }
                0xE2 if is_ellipsis(bytes, q) => q += 3,
                0xE2 if is_closing_e2(bytes, q) => {
                    quoted = true;
                    q += 3;
                }
                // » (C2 BB)
                0xC2 if q + 1 < end && bytes[q + 1] == 0xBB => {
                    quoted = true;
                    q += 2;
                }
                _ => break,
            }
        }
        i = q;
        if q >= end {
            break;
        }
        // The run must be followed by whitespace.
        let Some(next_ws) = text[q..end].chars().next() else {
            break;
        };
        if !next_ws.is_whitespace() {
            continue;
        }
        let rest = text[q..end].trim_start();
        let r = end - rest.len();
        let Some(c) = rest.chars().next() else {
            break;
        };
        let breaks = match stop {
            Stop::Strong => !c.is_lowercase(),
            Stop::Ellipsis => c.is_uppercase() || is_opening_quote(c),
            Stop::Period => {
                if !quoted && ends_with_abbreviation(text, para.start, term_start) {
                    is_sentence_starter(leading_word(rest)) || starts_with_bullet(rest)
                } else {
                    !c.is_lowercase()
                }
            }
        };
        if breaks {
            push_trimmed(text, sent_start, q, out);
            sent_start = r;
            i = r;
        }
    }
    push_trimmed(text, sent_start, end, out);
}

/// A list bullet ("- ", "• ", "* ", "– ") starts `s`: an inline list item is a new sentence.
fn starts_with_bullet(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some('-' | '–' | '—' | '•' | '*'))
        && chars.next().is_some_and(char::is_whitespace)
}

/// `…` (E2 80 A6) at `i`.
fn is_ellipsis(bytes: &[u8], i: usize) -> bool {
    bytes.get(i..i + 3) == Some(&[0xE2, 0x80, 0xA6])
}

/// A closing quote at `i`: ” (E2 80 9D), ’ (E2 80 99), › (E2 80 BA).
fn is_closing_e2(bytes: &[u8], i: usize) -> bool {
    matches!(bytes.get(i..i + 3), Some([0xE2, 0x80, 0x9D | 0x99 | 0xBA]))
}

fn is_opening_quote(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '«' | '„' | '(' | '[')
}

/// The alphabetic run at the start of `s`.
fn leading_word(s: &str) -> &str {
    let end = s
        .char_indices()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(s.len(), |(i, _)| i);
    &s[..end]
}

/// True when the word just before the period at `dot` is an abbreviation, an initial
/// or a dotted form ("U.S", "a.m", "e.g").
fn ends_with_abbreviation(text: &str, floor: usize, dot: usize) -> bool {
    let before = &text[floor..dot];
    let start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace() || matches!(c, '(' | '[' | '"' | '“' | '‘' | '«'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &before[start..];
    if word.is_empty() {
        return false;
    }
    // The last piece of hyphenated forms: "anti-U.S" → "U.S", "ex-Gen" → "Gen".
    let piece = word.rsplit(['-', '/']).next().unwrap_or(word);
    if piece.contains('.') {
        return true;
    }
    let mut chars = piece.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return c.is_uppercase();
    }
    is_abbreviation(piece)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(text: &str) -> Vec<&str> {
        sentences(text).iter().map(|s| s.slice(text)).collect()
    }

    #[test]
    fn paragraphs_split_on_newlines_and_trim() {
        let text = "  First para.  \n\n\tSecond one\r\n   \nThird";
        let got: Vec<&str> = paragraphs(text).iter().map(|s| s.slice(text)).collect();
        assert_eq!(got, ["First para.", "Second one", "Third"]);
        assert!(paragraphs("").is_empty());
        assert!(paragraphs("\n \n").is_empty());
    }

    #[test]
    fn spanish_marks_and_abbreviations() {
        let text = "El Gral. Pérez y la Sra. Ruiz viajaron a EE. UU. con el Dr. Arce. ¿Qué firmaron? \
                    ¡Nada, dijo! «Es un acuerdo», afirmó el Tte. Cnel. Rojas. EE. UU. lo negó.";
        assert_eq!(
            sents(text),
            [
                "El Gral. Pérez y la Sra. Ruiz viajaron a EE. UU. con el Dr. Arce.",
                "¿Qué firmaron?",
                "¡Nada, dijo!",
                "«Es un acuerdo», afirmó el Tte. Cnel. Rojas.",
                "EE. UU. lo negó."
            ]
        );
    }

    #[test]
    fn abbreviations_do_not_split() {
        let text = "U.S. Deputy Secretary of State Christopher Landau on Monday said it. Sen. Leonardo Loza and Dr. Gladys Ruiz Vda. from Pecci spoke.";
        assert_eq!(
            sents(text),
            [
                "U.S. Deputy Secretary of State Christopher Landau on Monday said it.",
                "Sen. Leonardo Loza and Dr. Gladys Ruiz Vda. from Pecci spoke."
            ]
        );
    }

    #[test]
    fn initials_places_dates_numbers() {
        let text = "Christian K. Caruzo wrote from St. Petersburg on Jan. 5 at 9 a.m. about Resolution No. 3 and a 3.5 percent rise. Gen. Smith agreed.";
        assert_eq!(
            sents(text),
            [
                "Christian K. Caruzo wrote from St. Petersburg on Jan. 5 at 9 a.m. about Resolution No. 3 and a 3.5 percent rise.",
                "Gen. Smith agreed."
            ]
        );
    }

    #[test]
    fn abbreviation_before_function_word_splits() {
        let text = "The deal worried officials in the U.S. The president said nothing.";
        assert_eq!(
            sents(text),
            [
                "The deal worried officials in the U.S.",
                "The president said nothing."
            ]
        );
    }

    #[test]
    fn titles_and_company_suffixes() {
        let text = "Mr. and Mrs. Smith met Ms. Ruiz, Prof. Diaz, Lt. Col. Perez, Adm. Cole, Gov. Arce and Rep. Lee. Acme Inc. and Foo Corp. vs. Bar Ltd. and Baz Co. sued, e.g. over drones, i.e. the Mohajer-6, etc. and approx. 20 more.";
        assert_eq!(sents(text).len(), 2, "{:?}", sents(text));
    }

    #[test]
    fn quotes_close_sentences() {
        let text = "“It is what he publishes.” Others disagree. He said: “We build drones. Others say we do not.” Then he left.";
        assert_eq!(
            sents(text),
            [
                "“It is what he publishes.”",
                "Others disagree.",
                "He said: “We build drones.",
                "Others say we do not.”",
                "Then he left."
            ]
        );
        let straight = "\"It is done.\" She left. 'Fine.' He stayed.";
        assert_eq!(
            sents(straight),
            ["\"It is done.\"", "She left.", "'Fine.'", "He stayed."]
        );
    }

    #[test]
    fn quote_followed_by_lowercase_continues() {
        let text = "“Is it over?” he asked. “Yes!” she said.";
        assert_eq!(sents(text), ["“Is it over?” he asked.", "“Yes!” she said."]);
    }

    #[test]
    fn ellipses() {
        let text = "They were collected in work tables (…). Our meetings are based on this… and more. He waited... Then he spoke.";
        assert_eq!(
            sents(text),
            [
                "They were collected in work tables (…).",
                "Our meetings are based on this… and more.",
                "He waited...",
                "Then he spoke."
            ]
        );
    }

    #[test]
    fn never_crosses_paragraphs_and_offsets_are_absolute() {
        let text = "Headline without stop\nBody one. Body two.\n\n  Last";
        let spans = sentences(text);
        let got: Vec<&str> = spans.iter().map(|s| s.slice(text)).collect();
        assert_eq!(
            got,
            ["Headline without stop", "Body one.", "Body two.", "Last"]
        );
        assert_eq!(spans[1].start, 22);
    }

    #[test]
    fn inline_bullets_after_abbreviations() {
        assert_eq!(
            sents("Nissan may move to the U.S. -   Lear is considering it."),
            ["Nissan may move to the U.S.", "-   Lear is considering it."]
        );
    }

    #[test]
    fn question_and_exclamation() {
        assert_eq!(sents("Why? Because! Fine."), ["Why?", "Because!", "Fine."]);
        assert_eq!(sents("Trailing space.   "), ["Trailing space."]);
        assert!(sents("").is_empty());
    }

    #[test]
    fn urls_and_decimals_do_not_split() {
        assert_eq!(
            sents("See example.com for 3.5 million. Next."),
            ["See example.com for 3.5 million.", "Next."]
        );
    }
}
