//! A tiny lexer for date finding: words, numbers and punctuation with byte offsets, each
//! word tagged with its date keyword (if any) in the same pass.

/// A unit of time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Day,
    Week,
    Month,
    Year,
    Decade,
}

/// What a word means to the date finder. Matching is ASCII case-insensitive; month and
/// weekday names are additionally required to be capitalized by the scanner.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    None,
    /// Month 1..=12, abbreviated ("Jul", "Sept").
    Month(u8, bool),
    /// Weekday, Monday = 0.
    Weekday(u8),
    Yesterday,
    Today,
    Tomorrow,
    Tonight,
    Last,
    This,
    Next,
    Past,
    /// "earlier" / "later" (before "this week/month/year").
    Earlier,
    /// A unit, plural or not.
    Unit(Unit, bool),
    Weekend,
    Ago,
    /// Number words and the article "a"/"an" (= 1).
    Count(u8),
    /// "few", "several", "couple".
    Few,
    /// "night" (true) or "morning/afternoon/evening" (false).
    PartOfDay(bool),
    Recently,
    Recent,
    Coming,
    /// Prepositions and qualifiers that make a following year or month a date: in, since,
    /// until, by, during, early, late, before, after, through, ...
    Trigger,
    Since,
    From,
    Between,
    Of,
    Mid,
    The,
    /// Possessive determiners and demonstratives: its, his, her, their, our, that, whose.
    Det,
    To,
    And,
}

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Word,
    /// Digits (value saturating at u32::MAX, digit count) and where attached letters
    /// ("1990s", "20th") start.
    Num {
        val: u32,
        digits: u8,
        digits_end: usize,
    },
    /// One punctuation char: ASCII as itself, dashes as `-`, curly apostrophes as `'`,
    /// anything else as 0.
    Punct(u8),
}

#[derive(Clone, Copy, Debug)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    pub key: Key,
}

/// Tokens of `text`, whitespace dropped.
pub fn lex(text: &str) -> Vec<Tok> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(text.len() / 5);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            i += 1;
        } else if b.is_ascii_digit() {
            let start = i;
            let mut val: u32 = 0;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                val = val
                    .saturating_mul(10)
                    .saturating_add(u32::from(bytes[i] - b'0'));
                i += 1;
            }
            let digits_end = i;
            while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
                i += 1;
            }
            let digits = (digits_end - start).min(255) as u8;
            out.push(Tok {
                start,
                end: i,
                kind: Kind::Num {
                    val,
                    digits,
                    digits_end,
                },
                key: Key::None,
            });
        } else if b.is_ascii_alphabetic() || (b >= 0x80 && starts_alpha(text, i)) {
            let start = i;
            let mut ascii = true;
            while i < bytes.len() {
                let c = bytes[i];
                if c.is_ascii_alphanumeric() {
                    i += 1;
                } else if c >= 0x80 && starts_alpha(text, i) {
                    ascii = false;
                    i += utf8_len(c);
                } else {
                    break;
                }
            }
            let key = if ascii {
                key_of(&bytes[start..i])
            } else {
                Key::None
            };
            out.push(Tok {
                start,
                end: i,
                kind: Kind::Word,
                key,
            });
        } else if b < 0x80 {
            out.push(Tok {
                start: i,
                end: i + 1,
                kind: Kind::Punct(b),
                key: Key::None,
            });
            i += 1;
        } else {
            let len = utf8_len(b);
            let c = text.get(i..).and_then(|s| s.chars().next()).unwrap_or(' ');
            if !c.is_whitespace() {
                let p = match c {
                    '‐' | '‑' | '‒' | '–' | '—' | '−' => b'-',
                    '’' | '‘' => b'\'',
                    _ => 0,
                };
                out.push(Tok {
                    start: i,
                    end: i + len,
                    kind: Kind::Punct(p),
                    key: Key::None,
                });
            }
            i += len;
        }
    }
    out
}

fn utf8_len(lead: u8) -> usize {
    match lead {
        0xF0..=0xFF => 4,
        0xE0..=0xEF => 3,
        0xC0..=0xDF => 2,
        _ => 1,
    }
}

fn starts_alpha(text: &str, i: usize) -> bool {
    text.get(i..)
        .and_then(|s| s.chars().next())
        .is_some_and(char::is_alphanumeric)
}

/// The date keyword of an ASCII word.
fn key_of(word: &[u8]) -> Key {
    if word.len() > 10 {
        return Key::None;
    }
    let mut buf = [0u8; 10];
    let lower = &mut buf[..word.len()];
    lower.copy_from_slice(word);
    lower.make_ascii_lowercase();
    use Key::*;
    match &*lower {
        b"january" => Month(1, false),
        b"february" => Month(2, false),
        b"march" => Month(3, false),
        b"april" => Month(4, false),
        b"may" => Month(5, false),
        b"june" => Month(6, false),
        b"july" => Month(7, false),
        b"august" => Month(8, false),
        b"september" => Month(9, false),
        b"october" => Month(10, false),
        b"november" => Month(11, false),
        b"december" => Month(12, false),
        b"jan" => Month(1, true),
        b"feb" => Month(2, true),
        b"mar" => Month(3, true),
        b"apr" => Month(4, true),
        b"jun" => Month(6, true),
        b"jul" => Month(7, true),
        b"aug" => Month(8, true),
        b"sep" | b"sept" => Month(9, true),
        b"oct" => Month(10, true),
        b"nov" => Month(11, true),
        b"dec" => Month(12, true),
        b"monday" => Weekday(0),
        b"tuesday" => Weekday(1),
        b"wednesday" => Weekday(2),
        b"thursday" => Weekday(3),
        b"friday" => Weekday(4),
        b"saturday" => Weekday(5),
        b"sunday" => Weekday(6),
        b"yesterday" => Yesterday,
        b"today" => Today,
        b"tomorrow" => Tomorrow,
        b"tonight" => Tonight,
        b"last" | b"previous" => Last,
        b"this" => This,
        b"next" => Next,
        b"past" => Past,
        b"earlier" | b"later" => Earlier,
        b"day" => Unit(self::Unit::Day, false),
        b"days" => Unit(self::Unit::Day, true),
        b"week" => Unit(self::Unit::Week, false),
        b"weeks" => Unit(self::Unit::Week, true),
        b"month" => Unit(self::Unit::Month, false),
        b"months" => Unit(self::Unit::Month, true),
        b"year" => Unit(self::Unit::Year, false),
        b"years" => Unit(self::Unit::Year, true),
        b"decade" => Unit(self::Unit::Decade, false),
        b"decades" => Unit(self::Unit::Decade, true),
        b"weekend" => Weekend,
        b"ago" => Ago,
        b"a" | b"an" | b"one" => Count(1),
        b"two" => Count(2),
        b"three" => Count(3),
        b"four" => Count(4),
        b"five" => Count(5),
        b"six" => Count(6),
        b"seven" => Count(7),
        b"eight" => Count(8),
        b"nine" => Count(9),
        b"ten" => Count(10),
        b"eleven" => Count(11),
        b"twelve" => Count(12),
        b"few" | b"several" | b"couple" => Few,
        b"night" => PartOfDay(true),
        b"morning" | b"afternoon" | b"evening" => PartOfDay(false),
        b"recently" => Recently,
        b"recent" => Recent,
        b"coming" => Coming,
        b"in" | b"until" | b"till" | b"by" | b"during" | b"early" | b"late" | b"before"
        | b"after" | b"through" | b"throughout" | b"circa" => Trigger,
        b"since" => Since,
        b"from" => From,
        b"between" => Between,
        b"of" => Of,
        b"mid" => Mid,
        b"the" => The,
        b"its" | b"his" | b"her" | b"their" | b"our" | b"that" | b"whose" => Det,
        b"to" => To,
        b"and" => And,
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexes_words_numbers_and_punct() {
        let text = "On Jul. 20, 2023 the 1990s–Chávez’s 20th";
        let toks = lex(text);
        let got: Vec<&str> = toks.iter().map(|t| &text[t.start..t.end]).collect();
        assert_eq!(
            got,
            [
                "On", "Jul", ".", "20", ",", "2023", "the", "1990s", "–", "Chávez", "’", "s",
                "20th"
            ]
        );
        assert_eq!(toks[1].key, Key::Month(7, true));
        assert_eq!(toks[8].kind, Kind::Punct(b'-'));
        assert_eq!(toks[10].kind, Kind::Punct(b'\''));
        assert!(matches!(
            toks[7].kind,
            Kind::Num {
                val: 1990,
                digits: 4,
                ..
            }
        ));
    }
}
