//! A tiny lexer for date finding: words, numbers and punctuation with byte offsets, each
//! word tagged with its date keyword (if any) in the same pass. The keywords are the
//! date words of `data/lexicon/en/` and `data/lexicon/es/`, read through
//! `pw_lexicon::words`; the Spanish and English date words do not collide, so both are
//! read in every text, and each token says whether its keyword is a Spanish word.

use pw_lexicon::words;
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

/// A unit of time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Day,
    Week,
    Month,
    Year,
    Decade,
}

/// What a word means to the date finder. Matching is case-insensitive; English month
/// and weekday names are additionally required to be capitalized by the scanner (Spanish
/// ones are written lowercase).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    None,
    /// Month 1..=12, abbreviated ("Jul", "Sept").
    Month(u8, bool),
    /// Weekday, Monday = 0.
    Weekday(u8),
    Yesterday,
    /// "anteayer": two days before publication.
    DayBeforeYesterday,
    Today,
    Tomorrow,
    Tonight,
    /// "anoche": the night before publication.
    LastNight,
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
    /// "hace": the "ago" that comes before its count ("hace dos semanas").
    AgoBefore,
    /// A part of a period that, with "of" ("de") after it, makes a following year or
    /// month a date: "a fines de 2023", "a principios de julio".
    Phase,
    /// "fin", in "fin de semana" (the weekend).
    End,
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
    /// The keyword is a Spanish word (`data/lexicon/es/`): Spanish grammar applies to it
    /// (lowercase month and weekday names, modifiers after their word).
    pub es: bool,
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
                es: false,
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
            let (key, es) = if ascii {
                keyword(&bytes[start..i])
            } else {
                keyword_unicode(&text[start..i])
            };
            out.push(Tok {
                start,
                end: i,
                kind: Kind::Word,
                key,
                es,
            });
        } else if b < 0x80 {
            out.push(Tok {
                start: i,
                end: i + 1,
                kind: Kind::Punct(b),
                key: Key::None,
                es: false,
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
                    es: false,
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

/// The date keyword of an ASCII word (compared without regard to ASCII case).
#[cfg(test)]
fn key_of(word: &[u8]) -> Key {
    keyword(word).0
}

/// The date keyword of an ASCII word (compared without regard to ASCII case), and
/// whether it is a Spanish word.
fn keyword(word: &[u8]) -> (Key, bool) {
    let keys = keys();
    if word.len() > keys.max_len {
        return (Key::None, false);
    }
    let mut buffer = [0u8; MAX_KEY_LEN];
    let lower = &mut buffer[..word.len()];
    lower.copy_from_slice(word);
    lower.make_ascii_lowercase();
    keys.map.get(&*lower).copied().unwrap_or((Key::None, false))
}

/// The date keyword of a word with letters beyond ASCII ("día", "Próximo"), compared
/// lowercase; only Spanish date words have such letters.
fn keyword_unicode(word: &str) -> (Key, bool) {
    let keys = keys();
    if word.len() > 2 * keys.max_len {
        return (Key::None, false);
    }
    let lower = word.to_lowercase();
    keys.map
        .get(lower.as_bytes())
        .copied()
        .unwrap_or((Key::None, false))
}

/// Date words longer than this are not read (none comes close).
const MAX_KEY_LEN: usize = 32;

/// Every date keyword by its lowercase word (with whether the word is Spanish), and the
/// longest word.
struct Keys {
    map: FxHashMap<&'static [u8], (Key, bool)>,
    max_len: usize,
}

/// The keywords of the language data, read once: month names (`months.txt`, in
/// calendar order), month abbreviations (`month_abbreviations.tsv`), weekday names
/// (`weekdays.txt`, Monday first), other spellings of Spanish names
/// (`es/name_variants.tsv`) and the other date words (`date_words.tsv`). Each list
/// holds the English entries and then the Spanish ones, so a name's place in its
/// language's file is its position modulo 12 (months) or 7 (weekdays). When a word is
/// listed twice, the first reading wins.
fn keys() -> &'static Keys {
    static KEYS: OnceLock<Keys> = OnceLock::new();
    KEYS.get_or_init(|| {
        let months = words::MONTHS
            .list()
            .iter()
            .enumerate()
            .map(|(index, name)| (*name, Key::Month(month_of(index), false)));
        let abbreviations =
            words::MONTH_ABBREVIATIONS
                .pairs()
                .iter()
                .filter_map(|(name, month)| {
                    let month = month
                        .parse::<u8>()
                        .ok()
                        .filter(|month| (1..=12).contains(month))?;
                    Some((*name, Key::Month(month, true)))
                });
        let weekdays = words::WEEKDAYS
            .list()
            .iter()
            .enumerate()
            .map(|(index, name)| (*name, Key::Weekday(weekday_of(index))));
        let variants = words::ES_NAME_VARIANTS
            .pairs()
            .iter()
            .filter_map(|(variant, name)| {
                let position = |list: &[&str]| list.iter().position(|entry| entry == name);
                if let Some(index) = position(words::ES_MONTHS.list()) {
                    Some((*variant, Key::Month(month_of(index), false)))
                } else {
                    let index = position(words::ES_WEEKDAYS.list())?;
                    Some((*variant, Key::Weekday(weekday_of(index))))
                }
            });
        let others = words::DATE_WORDS
            .pairs()
            .iter()
            .filter_map(|(word, meaning)| Some((*word, meaning_key(meaning)?)));
        let mut map = FxHashMap::default();
        for (word, key) in months
            .chain(abbreviations)
            .chain(weekdays)
            .chain(variants)
            .chain(others)
        {
            if word.len() <= MAX_KEY_LEN {
                map.entry(word.as_bytes())
                    .or_insert_with(|| (key, is_spanish(word)));
            }
        }
        let max_len = map.keys().map(|word| word.len()).max().unwrap_or(0);
        Keys { map, max_len }
    })
}

/// The month (1..=12) of the name at `index` of `MONTHS` (English, then Spanish).
fn month_of(index: usize) -> u8 {
    (index % 12 + 1) as u8
}

/// The weekday (Monday = 0) of the name at `index` of `WEEKDAYS` (English, then Spanish).
fn weekday_of(index: usize) -> u8 {
    (index % 7) as u8
}

/// `word` is a date word of a Spanish file (and not of its English counterpart, whose
/// reading wins).
fn is_spanish(word: &str) -> bool {
    words::ES_MONTHS.contains(word)
        || words::ES_WEEKDAYS.contains(word)
        || words::ES_NAME_VARIANTS.get(word).is_some()
        || words::ES_MONTH_ABBREVIATIONS.get(word).is_some()
        || words::ES_DATE_WORDS.get(word).is_some()
}

/// The keyword a meaning of `date_words.tsv` names.
fn meaning_key(meaning: &str) -> Option<Key> {
    use Key::*;
    let unit = |unit, plural| Some(Unit(unit, plural));
    match meaning {
        "yesterday" => Some(Yesterday),
        "day-before-yesterday" => Some(DayBeforeYesterday),
        "last-night" => Some(LastNight),
        "ago-before" => Some(AgoBefore),
        "phase" => Some(Phase),
        "end" => Some(End),
        "today" => Some(Today),
        "tomorrow" => Some(Tomorrow),
        "tonight" => Some(Tonight),
        "last" => Some(Last),
        "this" => Some(This),
        "next" => Some(Next),
        "past" => Some(Past),
        "earlier" => Some(Earlier),
        "day" => unit(self::Unit::Day, false),
        "days" => unit(self::Unit::Day, true),
        "week" => unit(self::Unit::Week, false),
        "weeks" => unit(self::Unit::Week, true),
        "month" => unit(self::Unit::Month, false),
        "months" => unit(self::Unit::Month, true),
        "year" => unit(self::Unit::Year, false),
        "years" => unit(self::Unit::Year, true),
        "decade" => unit(self::Unit::Decade, false),
        "decades" => unit(self::Unit::Decade, true),
        "weekend" => Some(Weekend),
        "ago" => Some(Ago),
        "few" => Some(Few),
        "night" => Some(PartOfDay(true)),
        "part-of-day" => Some(PartOfDay(false)),
        "recently" => Some(Recently),
        "recent" => Some(Recent),
        "coming" => Some(Coming),
        "trigger" => Some(Trigger),
        "since" => Some(Since),
        "from" => Some(From),
        "between" => Some(Between),
        "of" => Some(Of),
        "mid" => Some(Mid),
        "the" => Some(The),
        "determiner" => Some(Det),
        "to" => Some(To),
        "and" => Some(And),
        count => count
            .parse::<u8>()
            .ok()
            .filter(|count| (1..=12).contains(count))
            .map(Count),
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

    #[test]
    fn every_date_word_has_a_known_meaning() {
        for (word, meaning) in words::DATE_WORDS.pairs() {
            assert!(
                meaning_key(meaning).is_some(),
                "{word}: unknown meaning {meaning:?}"
            );
        }
        for (word, month) in words::MONTH_ABBREVIATIONS.pairs() {
            assert!(
                month
                    .parse::<u8>()
                    .is_ok_and(|month| (1..=12).contains(&month)),
                "{word}: {month:?} is not a month"
            );
        }
        // English names, then Spanish ones: a name's month is its position modulo 12.
        assert_eq!(words::MONTHS.list().len(), 24);
        assert_eq!(words::ES_MONTHS.list().len(), 12);
        assert_eq!(words::WEEKDAYS.list().len(), 14);
        assert_eq!(words::ES_WEEKDAYS.list().len(), 7);
        for (variant, name) in words::ES_NAME_VARIANTS.pairs() {
            assert!(
                words::ES_MONTHS.contains(name) || words::ES_WEEKDAYS.contains(name),
                "{variant}: {name:?} is not a Spanish month or weekday name"
            );
        }
    }

    #[test]
    fn keywords_ignore_ascii_case() {
        assert_eq!(key_of(b"Sept"), Key::Month(9, true));
        assert_eq!(key_of(b"MAY"), Key::Month(5, false));
        assert_eq!(key_of(b"Wednesday"), Key::Weekday(2));
        assert_eq!(key_of(b"throughout"), Key::Trigger);
        assert_eq!(key_of(b"an"), Key::Count(1));
        assert_eq!(key_of(b"twelve"), Key::Count(12));
        assert_eq!(key_of(b"evening"), Key::PartOfDay(false));
        assert_eq!(key_of(b"whose"), Key::Det);
        assert_eq!(key_of(b"Novillo"), Key::None);
        assert_eq!(key_of(b"throughoutx"), Key::None);
    }
}
