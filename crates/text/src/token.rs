//! Word-level tokenizer with absolute byte offsets: one linear char scan.

use crate::{Span, is_abbreviation};
use unicode_normalization::char::is_combining_mark;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters and digits, with internal hyphens/apostrophes and dotted abbreviations.
    Word,
    /// Digits with internal `,` or `.` and an optional leading currency sign.
    Number,
    /// Punctuation: `. , ; : ! ? ( ) [ ] - – — …` and the like.
    Punct,
    /// Quote marks: `“ ” " ‘ ’ ' « » „ ‹ ›` when not inside a word.
    Quote,
    /// Anything else that is not whitespace: `% & + = @ #`, other currency signs, emoji.
    Symbol,
}

/// One token: its absolute byte span and kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

/// Tokens of `text[span]` with absolute byte offsets, appended to `out`; no whitespace
/// tokens. Words keep internal hyphens and apostrophes ("Lebanon-based", "Mohajer-6",
/// "O'Brien", "20-year") and dotted abbreviations/initials ("U.S.", "K.", "Gen."); a
/// trailing possessive "’s"/"'s" is a separate Word; numbers with `,`/`.` inside are one
/// Number ("$350", "1,725", "3.5"). A span that does not fit `text` yields nothing.
pub fn tokenize(text: &str, span: Span, out: &mut Vec<Token>) {
    let Some(s) = text.get(span.start..span.end) else {
        return;
    };
    let base = span.start;
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // ASCII fast paths.
        if b < 0x80 {
            if b.is_ascii_whitespace() {
                i += 1;
                continue;
            }
            if b.is_ascii_digit() || (b == b'$' && next_is_digit(s, i + 1)) {
                i = number_or_word(s, i, base, out);
                continue;
            }
            if b.is_ascii_alphabetic() {
                i = word(s, i, base, out);
                continue;
            }
            let (len, kind) = match b {
                b'.' => (
                    bytes[i..].iter().take_while(|&&x| x == b'.').count(),
                    TokenKind::Punct,
                ),
                b'"' | b'\'' => (1, TokenKind::Quote),
                b',' | b';' | b':' | b'!' | b'?' | b'(' | b')' | b'[' | b']' | b'{' | b'}'
                | b'-' | b'/' => (1, TokenKind::Punct),
                _ => (1, TokenKind::Symbol),
            };
            push(out, base, i, i + len, kind);
            i += len;
            continue;
        }
        // The caller gives a &str and `i` is always on a char boundary here.
        let Some(c) = s[i..].chars().next() else {
            break;
        };
        if c.is_whitespace() {
            i += c.len_utf8();
        } else if is_currency(c) && next_is_digit(s, i + c.len_utf8()) {
            i = number_or_word(s, i, base, out);
        } else if c.is_numeric() || c.is_alphabetic() || is_combining_mark(c) {
            i = word(s, i, base, out);
        } else {
            let kind = if is_quote(c) {
                TokenKind::Quote
            } else if is_punct(c) {
                TokenKind::Punct
            } else {
                TokenKind::Symbol
            };
            push(out, base, i, i + c.len_utf8(), kind);
            i += c.len_utf8();
        }
    }
}

fn push(out: &mut Vec<Token>, base: usize, start: usize, end: usize, kind: TokenKind) {
    out.push(Token {
        span: Span::new(base + start, base + end),
        kind,
    });
}

fn next_is_digit(s: &str, i: usize) -> bool {
    s.as_bytes().get(i).is_some_and(u8::is_ascii_digit)
}

fn is_currency(c: char) -> bool {
    matches!(c, '€' | '£' | '¥' | '₽' | '₹' | '₩' | '₺' | '₴')
}

fn is_quote(c: char) -> bool {
    matches!(
        c,
        '“' | '”' | '‘' | '’' | '«' | '»' | '„' | '‟' | '‹' | '›' | '‚' | '″' | '′'
    )
}

fn is_punct(c: char) -> bool {
    matches!(c, '¡' | '¿' | '§' | '¶' | '·' | '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}' | '\u{3000}'..='\u{303F}')
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

/// The char at byte `i`, if any.
fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..).and_then(|rest| rest.chars().next())
}

/// A number starting at `i` (digits, or a currency sign then digits). If letters follow
/// without a break ("1990s", "20-year", "6th") and no currency sign led, it is a word.
fn number_or_word(s: &str, i: usize, base: usize, out: &mut Vec<Token>) -> usize {
    let bytes = s.as_bytes();
    let currency = !bytes[i].is_ascii_digit();
    let mut j = i + char_at(s, i).map_or(1, char::len_utf8);
    loop {
        while j < bytes.len() && bytes[j].is_ascii_digit() {
            j += 1;
        }
        if j + 1 < bytes.len() && matches!(bytes[j], b',' | b'.') && bytes[j + 1].is_ascii_digit() {
            j += 1;
            continue;
        }
        break;
    }
    if !currency {
        let joins = match char_at(s, j) {
            Some('-' | '\u{2010}') => char_at(s, j + 1).is_some_and(is_word_char),
            Some(c) => is_word_char(c),
            None => false,
        };
        if joins {
            return word(s, i, base, out);
        }
    }
    push(out, base, i, j, TokenKind::Number);
    j
}

/// A word starting at `i`; returns the byte after it (and after a possessive "’s").
fn word(s: &str, i: usize, base: usize, out: &mut Vec<Token>) -> usize {
    let mut j = i;
    // Start of the current dot-separated segment, for "U.S" / "a.m".
    let mut seg_start = i;
    let mut dotted = false;
    let mut possessive: Option<usize> = None;
    loop {
        while let Some(&b) = s.as_bytes().get(j) {
            if b < 0x80 {
                if !b.is_ascii_alphanumeric() {
                    break;
                }
                j += 1;
            } else {
                match char_at(s, j) {
                    Some(c) if is_word_char(c) => j += c.len_utf8(),
                    _ => break,
                }
            }
        }
        let Some(c) = char_at(s, j) else { break };
        let after = j + c.len_utf8();
        match c {
            '-' | '\u{2010}' if char_at(s, after).is_some_and(is_word_char) => {
                j = after;
                seg_start = j;
            }
            '\'' | '’' if char_at(s, after).is_some_and(char::is_alphabetic) => {
                let s_end = after + 1;
                let is_s = matches!(s.as_bytes().get(after), Some(b's' | b'S'));
                if is_s && !char_at(s, s_end).is_some_and(is_word_char) {
                    possessive = Some(s_end);
                    break;
                }
                j = after;
            }
            '.' if char_at(s, after).is_some_and(char::is_alphabetic)
                && single_char(&s[seg_start..j]) =>
            {
                dotted = true;
                j = after;
                seg_start = j;
            }
            _ => break,
        }
    }
    if possessive.is_none()
        && s.as_bytes().get(j) == Some(&b'.')
        && s.as_bytes().get(j + 1) != Some(&b'.')
    {
        let w = &s[i..j];
        let initial = single_char(w) && w.chars().next().is_some_and(char::is_uppercase);
        if dotted || initial || is_abbreviation(w) {
            j += 1;
        }
    }
    push(out, base, i, j, TokenKind::Word);
    if let Some(end) = possessive {
        push(out, base, j, end, TokenKind::Word);
        return end;
    }
    j
}

fn single_char(w: &str) -> bool {
    let mut chars = w.chars();
    chars.next().is_some() && chars.next().is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<(&str, TokenKind)> {
        let mut out = Vec::new();
        tokenize(text, Span::new(0, text.len()), &mut out);
        out.iter().map(|t| (t.span.slice(text), t.kind)).collect()
    }

    fn words(text: &str) -> Vec<&str> {
        toks(text).into_iter().map(|(w, _)| w).collect()
    }

    #[test]
    fn hyphens_apostrophes_and_possessives() {
        assert_eq!(
            words("Lebanon-based Mohajer-6 ANSU-600 O'Brien’s 20-year Iran’s Bolivia's"),
            [
                "Lebanon-based",
                "Mohajer-6",
                "ANSU-600",
                "O'Brien",
                "’s",
                "20-year",
                "Iran",
                "’s",
                "Bolivia",
                "'s"
            ]
        );
        assert_eq!(words("don't it's"), ["don't", "it", "'s"]);
    }

    #[test]
    fn dotted_abbreviations_and_initials() {
        assert_eq!(
            words("U.S. officials, Christian K. Caruzo, Gen. Smith at 9 a.m. on Jan. 5, e.g. now"),
            [
                "U.S.",
                "officials",
                ",",
                "Christian",
                "K.",
                "Caruzo",
                ",",
                "Gen.",
                "Smith",
                "at",
                "9",
                "a.m.",
                "on",
                "Jan.",
                "5",
                ",",
                "e.g.",
                "now"
            ]
        );
        assert_eq!(words("anti-U.S. stance."), ["anti-U.S.", "stance", "."]);
        assert_eq!(words("the end."), ["the", "end", "."]);
    }

    #[test]
    fn numbers() {
        assert_eq!(
            toks("$350 million, 1,725 troops, 3.5% and €20"),
            [
                ("$350", TokenKind::Number),
                ("million", TokenKind::Word),
                (",", TokenKind::Punct),
                ("1,725", TokenKind::Number),
                ("troops", TokenKind::Word),
                (",", TokenKind::Punct),
                ("3.5", TokenKind::Number),
                ("%", TokenKind::Symbol),
                ("and", TokenKind::Word),
                ("€20", TokenKind::Number),
            ]
        );
        assert_eq!(
            words("in 2022. The 1990s"),
            ["in", "2022", ".", "The", "1990s"]
        );
    }

    #[test]
    fn quotes_and_punct() {
        assert_eq!(
            toks("“Yes,” he said: ‘no’ «sí» \"ok\"…"),
            [
                ("“", TokenKind::Quote),
                ("Yes", TokenKind::Word),
                (",", TokenKind::Punct),
                ("”", TokenKind::Quote),
                ("he", TokenKind::Word),
                ("said", TokenKind::Word),
                (":", TokenKind::Punct),
                ("‘", TokenKind::Quote),
                ("no", TokenKind::Word),
                ("’", TokenKind::Quote),
                ("«", TokenKind::Quote),
                ("sí", TokenKind::Word),
                ("»", TokenKind::Quote),
                ("\"", TokenKind::Quote),
                ("ok", TokenKind::Word),
                ("\"", TokenKind::Quote),
                ("…", TokenKind::Punct),
            ]
        );
        assert_eq!(words("wait... — now"), ["wait", "...", "—", "now"]);
    }

    #[test]
    fn absolute_offsets_and_bad_spans() {
        let text = "Intro. Padrino López said";
        let mut out = Vec::new();
        tokenize(text, Span::new(7, text.len()), &mut out);
        assert_eq!(out[0].span, Span::new(7, 14));
        assert_eq!(out[1].span.slice(text), "López");
        let mut none = Vec::new();
        tokenize(text, Span::new(0, 999), &mut none);
        tokenize(text, Span::new(17, 18), &mut none); // inside "ó"
        assert!(none.is_empty());
    }
}
