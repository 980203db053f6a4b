//! The matcher: one left-to-right pass over the tokens; at each token that can start (or
//! anchor) a date expression, a bounded look-ahead/look-behind decides.

use crate::calendar::{
    add_months, add_months_days, day_date, days_in_month, from_days, is_valid, to_days, weekday,
};
use crate::lex::{Key, Kind, Tok, Unit};
use crate::{DateKind, DateMention, Span};
use pw_lexicon::words::COUNT_NOUNS;
use pw_model::PartialDate;

/// Calendar years accepted for bare 4-digit numbers.
const YEARS: std::ops::RangeInclusive<u32> = 1900..=2100;

pub struct Scanner<'a> {
    text: &'a str,
    toks: Vec<Tok>,
    /// Publication day number, when the publication date is a day.
    pub_day: Option<i64>,
    out: Vec<DateMention>,
    /// End of the last mention (byte), so that look-behind never overlaps it.
    last_end: usize,
    /// More of the date keywords are Spanish words than English ones ("de", "la", "en"
    /// against "the", "of", "in"): numeric dates are read day first ("05/07/2023").
    spanish_text: bool,
}

/// A match: first and last token index (inclusive), kind, date, range.
/// How far ahead of publication a year-less date may fall.
const NEAR_FUTURE_DAYS: i64 = 60;

struct Hit {
    first: usize,
    last: usize,
    kind: DateKind,
    date: Option<PartialDate>,
    range: Option<(PartialDate, PartialDate)>,
}

impl Hit {
    fn new(first: usize, last: usize, kind: DateKind, date: Option<PartialDate>) -> Hit {
        Hit {
            first,
            last,
            kind,
            date,
            range: None,
        }
    }
    fn with_range(mut self, range: Option<(PartialDate, PartialDate)>) -> Hit {
        self.range = range;
        self
    }
}

impl<'a> Scanner<'a> {
    pub fn new(text: &'a str, toks: Vec<Tok>, published: Option<PartialDate>) -> Scanner<'a> {
        let pub_day = match published {
            Some(PartialDate::Day { year, month, day }) if is_valid(year, month, day) => {
                Some(to_days(year, month, day))
            }
            _ => None,
        };
        let spanish = toks.iter().filter(|t| t.es).count();
        let english = toks.iter().filter(|t| !t.es && t.key != Key::None).count();
        Scanner {
            text,
            toks,
            pub_day,
            out: Vec::new(),
            last_end: 0,
            spanish_text: spanish > english,
        }
    }

    pub fn run(mut self) -> Vec<DateMention> {
        let mut i = 0;
        while i < self.toks.len() {
            match self.at(i) {
                Some(hit) => {
                    let start = self.toks[hit.first].start.max(self.last_end);
                    let end = self.toks[hit.last].end;
                    self.last_end = end;
                    self.out.push(DateMention {
                        span: Span::new(start, end),
                        kind: hit.kind,
                        date: hit.date,
                        range: hit.range,
                    });
                    i = hit.last + 1;
                }
                None => i += 1,
            }
        }
        self.out
    }

    // ---- token helpers -------------------------------------------------------------

    fn tok(&self, i: usize) -> Option<&Tok> {
        self.toks.get(i)
    }

    fn key(&self, i: usize) -> Key {
        self.toks.get(i).map_or(Key::None, |t| t.key)
    }

    /// Token `i` is a Spanish date word.
    fn es(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.es)
    }

    /// The key of token `i` when it is a Spanish date word (Key::None otherwise).
    fn es_key(&self, i: usize) -> Key {
        if self.es(i) { self.key(i) } else { Key::None }
    }

    /// The key of the token before `i` (Key::None at the start).
    fn prev_key(&self, i: usize) -> Key {
        if i == 0 { Key::None } else { self.key(i - 1) }
    }

    fn word(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| &self.text[t.start..t.end])
    }

    fn is_punct(&self, i: usize, c: u8) -> bool {
        matches!(self.tok(i), Some(Tok { kind: Kind::Punct(p), .. }) if *p == c)
    }

    /// Token `j` starts exactly where token `i` ends.
    fn adjacent(&self, i: usize, j: usize) -> bool {
        match (self.tok(i), self.tok(j)) {
            (Some(a), Some(b)) => a.end == b.start,
            _ => false,
        }
    }

    fn capitalized(&self, i: usize) -> bool {
        self.word(i)
            .as_bytes()
            .first()
            .is_some_and(u8::is_ascii_uppercase)
    }

    /// The word is all uppercase ("TODAY").
    fn shouted(&self, i: usize) -> bool {
        let w = self.word(i);
        w.len() > 1 && w.bytes().all(|b| b.is_ascii_uppercase())
    }

    /// A capitalized word, not a date keyword, right before `i`: "Fox News Sunday",
    /// "ABC This Week", "Black Friday" are names, not dates.
    fn name_before(&self, i: usize) -> bool {
        i > 0
            && self
                .tok(i - 1)
                .is_some_and(|t| t.kind == Kind::Word && t.key == Key::None)
            && self.capitalized(i - 1)
            // A sentence-initial preposition is not a name: "On Tuesday, ...".
            && !pw_lexicon::words::FRAME_PREPOSITIONS.contains_folded(self.word(i - 1))
    }

    /// A plain number: (value, digit count, attached letters).
    fn num(&self, i: usize) -> Option<(u32, u8, &'a str)> {
        match self.tok(i)? {
            Tok {
                kind:
                    Kind::Num {
                        val,
                        digits,
                        digits_end,
                    },
                end,
                ..
            } => Some((*val, *digits, &self.text[*digits_end..*end])),
            _ => None,
        }
    }

    /// A 4-digit year (1000..=2100) without attached letters.
    fn year_at(&self, i: usize) -> Option<i32> {
        match self.num(i)? {
            (v, 4, "") if (1000..=2100).contains(&v) => Some(v as i32),
            _ => None,
        }
    }

    /// A day of month (1..=31, "20" or "20th").
    fn day_at(&self, i: usize) -> Option<u8> {
        let (v, digits, suffix) = self.num(i)?;
        let ordinal = matches!(
            suffix.to_ascii_lowercase().as_str(),
            "" | "st" | "nd" | "rd" | "th"
        );
        // "20:30" is a time, "20,000" a number (but "20,2023" is a day and a year).
        let glued = self.adjacent(i, i + 1) && self.adjacent(i + 1, i + 2);
        let followed = glued
            && match self.num(i + 2) {
                Some((_, d, _)) if self.is_punct(i + 1, b',') => d == 3,
                Some(_) => self.is_punct(i + 1, b':'),
                None => false,
            };
        (digits <= 2 && (1..=31).contains(&v) && ordinal && !followed).then_some(v as u8)
    }

    /// A capitalized month name at `i` (or a Spanish one in any case): (month, whether
    /// abbreviated, index of its last token incl. a dot).
    fn month_at(&self, i: usize) -> Option<(u8, bool, usize)> {
        match self.key(i) {
            Key::Month(m, abbr) if self.calendar_name(i) => {
                let last = if abbr && self.is_punct(i + 1, b'.') && self.adjacent(i, i + 1) {
                    i + 1
                } else {
                    i
                };
                Some((m, abbr, last))
            }
            _ => None,
        }
    }

    /// Token `i` (a month or weekday name) is written as one: English names capitalized,
    /// Spanish names lowercase, or capitalized where a date is plain: after a Spanish
    /// date word or a day ("de Julio", "2 Abr."), before a day ("Lunes 24", "Lunes, 24 de julio") or before
    /// "de" and a year ("Julio de 2023"). A capitalized name alone is a person's or a
    /// place's ("Julio César", "Domingo said", "Santo Domingo").
    fn calendar_name(&self, i: usize) -> bool {
        if !self.es(i) {
            return self.capitalized(i);
        }
        if !self.capitalized(i) {
            return true;
        }
        let after_date_word = i > 0 && (self.es(i - 1) || self.day_at(i - 1).is_some());
        let before_day = self.day_at(i + 1).is_some()
            || (self.is_punct(i + 1, b',') && self.day_at(i + 2).is_some());
        let before_year = self.es_key(i + 1) == Key::Of && self.year_at(i + 2).is_some();
        after_date_word || before_day || before_year
    }

    /// Token `i` (a Spanish month name alone) follows a Spanish word that makes it a
    /// date: "en julio", "desde julio", "a fines de julio", "el mes de julio". A bare
    /// "de" does not ("Plaza de Mayo", "Cinco de Mayo").
    fn es_triggered(&self, i: usize) -> bool {
        match self.es_key(i.wrapping_sub(1)) {
            Key::Trigger | Key::Since | Key::Between => true,
            Key::Of => matches!(
                self.es_key(i.wrapping_sub(2)),
                Key::Phase | Key::Unit(Unit::Month, false)
            ),
            _ => false,
        }
    }

    /// `'s` after token `i`.
    fn possessive_after(&self, i: usize) -> bool {
        self.is_punct(i + 1, b'\'')
            && self.adjacent(i, i + 1)
            && self.adjacent(i + 1, i + 2)
            && self.word(i + 2) == "s"
    }

    /// Token `i` is preceded by a word that makes a year or month a date: a trigger
    /// preposition, "since", "from", "of" (when allowed), or "mid-".
    fn triggered(&self, i: usize, allow_of: bool) -> bool {
        if i == 0 {
            return false;
        }
        match self.key(i - 1) {
            Key::Trigger | Key::Since | Key::From | Key::Between | Key::Mid => true,
            Key::Of => allow_of,
            _ => {
                i >= 2
                    && self.is_punct(i - 1, b'-')
                    && self.adjacent(i - 1, i)
                    && self.key(i - 2) == Key::Mid
            }
        }
    }

    // ---- publication-relative helpers -------------------------------------------------

    fn pub_ymd(&self) -> Option<(i32, u8, u8)> {
        self.pub_day.map(from_days)
    }

    /// The year of month/day `m`/`d` nearest to publication: the latest one not after
    /// it, unless the coming one is nearer and at most [`NEAR_FUTURE_DAYS`] ahead (an
    /// announcement of "a meeting on December 12" published December 10).
    fn resolve_month_day(&self, m: u8, d: u8) -> PartialDate {
        let Some(pub_day) = self.pub_day else {
            return PartialDate::MonthDay { month: m, day: d };
        };
        let (py, _, _) = from_days(pub_day);
        let mut best: Option<(i64, i32)> = None;
        // Feb 29 may be up to eight years back.
        for year in (py - 8..=py + 1).rev() {
            if !is_valid(year, m, d) {
                continue;
            }
            let delta = to_days(year, m, d) - pub_day;
            if delta > NEAR_FUTURE_DAYS {
                continue;
            }
            if best.is_none_or(|(best_delta, _)| delta.abs() < best_delta.abs()) {
                best = Some((delta, year));
            }
        }
        match best {
            Some((_, year)) => PartialDate::Day {
                year,
                month: m,
                day: d,
            },
            None => PartialDate::MonthDay { month: m, day: d },
        }
    }

    /// Month/day `m`/`d` in the nearest year on one side of publication: the first after
    /// it ("el próximo 20 de julio", `after`) or the latest not after it ("el pasado 20
    /// de julio"). Without a publication day it stays year-less.
    fn resolve_month_day_beside(&self, m: u8, d: u8, after: bool) -> PartialDate {
        let Some(pub_day) = self.pub_day else {
            return PartialDate::MonthDay { month: m, day: d };
        };
        let (py, _, _) = from_days(pub_day);
        let fits = |year: i32| is_valid(year, m, d) && (to_days(year, m, d) > pub_day) == after;
        let year = if after {
            (py..=py + 8).find(|&year| fits(year))
        } else {
            (py - 8..=py).rev().find(|&year| fits(year))
        };
        year.map_or(PartialDate::MonthDay { month: m, day: d }, |year| {
            PartialDate::Day {
                year,
                month: m,
                day: d,
            }
        })
    }

    /// A year-less day resolved to the nearest year in which it falls on weekday `w`
    /// ("Tuesday, December 12"), when one is within a year of the first guess.
    fn align_weekday(&self, date: PartialDate, w: u8) -> PartialDate {
        let PartialDate::Day { year, month, day } = date else {
            return date;
        };
        if weekday(to_days(year, month, day)) == w {
            return date;
        }
        for candidate in [year + 1, year - 1] {
            if is_valid(candidate, month, day) && weekday(to_days(candidate, month, day)) == w {
                return PartialDate::Day {
                    year: candidate,
                    month,
                    day,
                };
            }
        }
        date
    }

    /// Month `m` relative to publication: `shift` -1 = "last", 0 = most recent not
    /// after, 1 = "next".
    fn resolve_month(&self, m: u8, shift: i8) -> Option<PartialDate> {
        let (py, pm, _) = self.pub_ymd()?;
        let year = match shift {
            -1 => {
                // "last March" in July is this year's; "last February" in March and
                // "last July" in July are a year back (the month just gone would be
                // "last month").
                let back = (i32::from(pm) - i32::from(m)).rem_euclid(12);
                let back = if back <= 1 { back + 12 } else { back };
                add_months(py, pm, -back).0
            }
            1 if m > pm => py,
            1 => py + 1,
            _ if m <= pm => py,
            _ => py - 1,
        };
        Some(PartialDate::Month { year, month: m })
    }

    fn days(&self, delta: i64) -> Option<PartialDate> {
        self.pub_day.map(|z| day_date(z + delta))
    }

    fn day_range(&self, a: i64, b: i64) -> Option<(PartialDate, PartialDate)> {
        self.pub_day.map(|z| (day_date(z + a), day_date(z + b)))
    }

    // ---- matchers --------------------------------------------------------------------

    fn at(&self, i: usize) -> Option<Hit> {
        let t = self.tok(i)?;
        match t.kind {
            Kind::Num { .. } => self.number(i),
            Kind::Punct(_) => None,
            Kind::Word => match t.key {
                Key::Month(..) => self.month(i),
                Key::DayBeforeYesterday => Some(Hit::new(i, i, DateKind::Relative, self.days(-2))),
                Key::LastNight => Some(Hit::new(i, i, DateKind::Relative, self.days(-1))),
                Key::AgoBefore => self.ago_before(i),
                Key::End => self.fin_de_semana(i),
                Key::Unit(Unit::Year, true) if t.es => self.decade_of_years(i),
                Key::Unit(Unit::Decade, false) if t.es && self.es_key(i + 1) == Key::Of => {
                    self.decade_of(i)
                }
                // "mañana" is tomorrow, "esta mañana" this morning, "pasado mañana" the
                // day after tomorrow, "la mañana" a morning.
                Key::Tomorrow if t.es => match self.es_key(i.wrapping_sub(1)) {
                    Key::This => Some(Hit::new(i - 1, i, DateKind::Relative, self.days(0))),
                    Key::Last => Some(Hit::new(i - 1, i, DateKind::Relative, self.days(2))),
                    Key::The | Key::Of => None,
                    _ => Some(Hit::new(i, i, DateKind::Relative, self.days(1))),
                },
                Key::Weekday(w) => self.weekday(i, w),
                // "USA TODAY" is a newspaper.
                Key::Yesterday | Key::Today | Key::Tonight | Key::Tomorrow
                    if self.shouted(i) && i > 0 && self.capitalized(i - 1) =>
                {
                    None
                }
                Key::Yesterday => Some(Hit::new(i, i, DateKind::Relative, self.days(-1))),
                Key::Today | Key::Tonight => Some(Hit::new(i, i, DateKind::Relative, self.days(0))),
                Key::Tomorrow => Some(Hit::new(i, i, DateKind::Relative, self.days(1))),
                Key::Unit(unit, false) => self.unit(i, unit),
                Key::Weekend => self.weekend(i),
                Key::Count(n) => self.counted(i, i, u32::from(n)),
                Key::Few => self.few(i),
                Key::PartOfDay(night) => self.part_of_day(i, night),
                Key::Recently => Some(Hit::new(i, i, DateKind::Vague, None)),
                Key::Recent | Key::Coming => match self.key(i + 1) {
                    Key::Unit(_, true) => Some(Hit::new(i, i + 1, DateKind::Vague, None)),
                    _ => None,
                },
                _ => None,
            },
        }
    }

    /// Anything starting with a number: ISO and slashed dates, decades, year ranges,
    /// "20 July [2023]", "3 days ago", "past 10 years", and bare years after a trigger.
    fn number(&self, i: usize) -> Option<Hit> {
        let (val, digits, suffix) = self.num(i)?;
        // ISO 2023-07-20.
        if digits == 4
            && suffix.is_empty()
            && let Some(hit) = self.iso(i, val)
        {
            return Some(hit);
        }
        // 07/20/2023 (US order; day first when the first part exceeds 12).
        if digits <= 2 && self.is_punct(i + 1, b'/') && self.is_punct(i + 3, b'/') {
            let chain = (i..i + 4).all(|k| self.adjacent(k, k + 1));
            if let (true, Some((b, bd, "")), Some(y)) =
                (chain, self.num(i + 2), self.year_at(i + 4))
            {
                // Spanish writes the day first ("05/07/2023" is 5 July).
                let day_first = val > 12 || (self.spanish_text && b <= 12);
                let (m, d) = if day_first { (b, val) } else { (val, b) };
                if bd <= 2 && m <= 12 && is_valid(y, m as u8, d as u8) {
                    let date = PartialDate::Day {
                        year: y,
                        month: m as u8,
                        day: d as u8,
                    };
                    return Some(Hit::new(i, i + 4, DateKind::Absolute, Some(date)));
                }
            }
        }
        // Decades: 1990s, 1990's.
        if digits == 4 && val % 10 == 0 && (1000..=2100).contains(&val) {
            let last = if suffix == "s" {
                Some(i)
            } else if suffix.is_empty() && self.possessive_after(i) {
                Some(i + 2)
            } else {
                None
            };
            if let Some(last) = last {
                let start = val as i32;
                return Some(
                    Hit::new(
                        i,
                        last,
                        DateKind::Absolute,
                        Some(PartialDate::Decade { start }),
                    )
                    .with_range(Some((
                        PartialDate::Year { year: start },
                        PartialDate::Year { year: start + 9 },
                    ))),
                );
            }
        }
        // Counted units: "3 days ago", "past 10 years".
        if digits <= 3
            && suffix.is_empty()
            && val > 0
            && let Some(hit) = self.counted(i, i, val)
        {
            return Some(hit);
        }
        // "20 de julio [de 2023]", "1.º de mayo", "el pasado 20 de julio".
        if digits <= 2
            && let Some(hit) = self.es_day(i)
        {
            return Some(hit);
        }
        // "20 July [2023]", "20th of July".
        if let Some(d) = self.day_at(i) {
            let j = if self.key(i + 1) == Key::Of {
                i + 2
            } else {
                i + 1
            };
            if let Some((m, _, mlast)) = self.month_at(j) {
                let (year, last) = match self.year_at(mlast + 1) {
                    Some(y) => (Some(y), mlast + 1),
                    None => (None, mlast),
                };
                return self.day_hit(i, last, year, m, d);
            }
        }
        let year = self.year_at(i)?;
        if !YEARS.contains(&(year as u32)) || self.glued_number(i) {
            return None;
        }
        // Year ranges: 2006-2019, from 2006 to 2019, between 2006 and 2019.
        let joiner = match self.prev_key(i) {
            Key::From => Some(Key::To),
            Key::Between => Some(Key::And),
            _ => None,
        };
        let dash = self.is_punct(i + 1, b'-');
        if (dash || (joiner.is_some() && joiner == Some(self.key(i + 1))))
            && let Some(y2) = self.year_at(i + 2)
            && y2 > year
            && y2 - year <= 200
            && !self.glued_number(i + 2)
        {
            return Some(
                Hit::new(i, i + 2, DateKind::Absolute, None).with_range(Some((
                    PartialDate::Year { year },
                    PartialDate::Year { year: y2 },
                ))),
            );
        }
        // "2023-13-45", "2023-24": not a year.
        if self.is_punct(i + 1, b'-')
            && self.adjacent(i, i + 1)
            && self.adjacent(i + 1, i + 2)
            && self.num(i + 2).is_some()
        {
            return None;
        }
        let counted = self
            .tok(i + 1)
            .is_some_and(|t| t.kind == Kind::Word && COUNT_NOUNS.contains(self.word(i + 1)));
        if counted {
            return None;
        }
        let date = Some(PartialDate::Year { year });
        // "en el 2023", "desde el 2020": the Spanish article between the trigger and the
        // year.
        let mut lead = i;
        if lead >= 2 && self.es_key(lead - 1) == Key::The {
            lead -= 1;
        }
        // "el año 2019": a year named as one.
        let named = i >= 1 && self.es_key(i - 1) == Key::Unit(Unit::Year, false);
        if self.prev_key(lead) == Key::Since {
            let range = self
                .pub_ymd()
                .map(|(py, _, _)| (PartialDate::Year { year }, PartialDate::Year { year: py }));
            return Some(Hit::new(i, i, DateKind::Absolute, date).with_range(range));
        }
        let parenthesized = i > 0
            && self.is_punct(i - 1, b'(')
            && self.is_punct(i + 1, b')')
            && self.adjacent(i - 1, i)
            && self.adjacent(i, i + 1);
        // A year as a modifier: "the 1994 bombing", "a 2019 agreement".
        let modifier = matches!(
            self.prev_key(i),
            Key::The | Key::Det | Key::This | Key::Count(1)
        ) && !(self.es(i - 1) && self.prev_key(i) == Key::Count(1))
            && self.tok(i + 1).is_some_and(|t| {
                t.kind == Kind::Word && self.word(i + 1).as_bytes()[0].is_ascii_lowercase()
            });
        if self.triggered(lead, true) || parenthesized || modifier || named {
            return Some(Hit::new(i, i, DateKind::Absolute, date));
        }
        None
    }

    /// Token `i` (a number) is glued to other number parts: "$2023", "1,2023", "2023.5",
    /// "2023,000".
    fn glued_number(&self, i: usize) -> bool {
        let before = i > 0
            && self.adjacent(i - 1, i)
            && matches!(
                self.tok(i - 1).map(|t| t.kind),
                Some(Kind::Punct(b'$' | b'.' | b',' | b'/'))
            );
        let after = (self.is_punct(i + 1, b',') || self.is_punct(i + 1, b'.'))
            && self.adjacent(i, i + 1)
            && self.adjacent(i + 1, i + 2)
            && self.num(i + 2).is_some();
        before || after
    }

    fn iso(&self, i: usize, year: u32) -> Option<Hit> {
        if !(self.is_punct(i + 1, b'-') && self.is_punct(i + 3, b'-')) {
            return None;
        }
        if !(i..i + 4).all(|k| self.adjacent(k, k + 1)) {
            return None;
        }
        let (m, 2, "") = self.num(i + 2)? else {
            return None;
        };
        let (d, 1..=2, "") = self.num(i + 4)? else {
            return None;
        };
        let (y, m, d) = (year as i32, u8::try_from(m).ok()?, u8::try_from(d).ok()?);
        is_valid(y, m, d).then(|| {
            let date = PartialDate::Day {
                year: y,
                month: m,
                day: d,
            };
            Hit::new(i, i + 4, DateKind::Absolute, Some(date))
        })
    }

    /// A day-precision absolute date from token `first` to `last`.
    fn day_hit(&self, first: usize, last: usize, year: Option<i32>, m: u8, d: u8) -> Option<Hit> {
        if d > days_in_month(year.unwrap_or(2000), m) {
            return None;
        }
        let date = match year {
            Some(year) => PartialDate::Day {
                year,
                month: m,
                day: d,
            },
            None => self.resolve_month_day(m, d),
        };
        Some(Hit::new(first, last, DateKind::Absolute, Some(date)))
    }

    /// A month name: "July 20[, 2023]", "Jul. 20", "December 2023", "in March",
    /// "August's", "last March".
    fn month(&self, i: usize) -> Option<Hit> {
        let (m, abbr, mlast) = self.month_at(i)?;
        let j = mlast + 1;
        let es = self.es(i);
        // A capitalized Spanish month before a number is not read month first ("Mayo 5").
        if (!es || !self.capitalized(i))
            && let Some(d) = self.day_at(j)
        {
            // "July 20-22": keep the first day, the range when the year is known.
            let mut last = j;
            let mut to_day = None;
            if self.is_punct(j + 1, b'-')
                && let Some(d2) = self.day_at(j + 2)
                && d2 > d
            {
                to_day = Some(d2);
                last = j + 2;
            }
            let k = if self.is_punct(last + 1, b',') || (es && self.es_key(last + 1) == Key::Of) {
                last + 2
            } else {
                last + 1
            };
            let year = self.year_at(k);
            if year.is_some() {
                last = k;
            }
            let mut hit = self.day_hit(i, last, year, m, d)?;
            if let (Some(d2), Some(PartialDate::Day { year, month, .. })) = (to_day, hit.date)
                && is_valid(year, month, d2)
            {
                hit.range = Some((
                    PartialDate::Day {
                        year,
                        month,
                        day: d,
                    },
                    PartialDate::Day {
                        year,
                        month,
                        day: d2,
                    },
                ));
            }
            return Some(hit);
        }
        // "julio de 2023", "julio del 2023".
        let k = if self.is_punct(j, b',') || (es && self.es_key(j) == Key::Of) {
            j + 1
        } else {
            j
        };
        if let Some(year) = self.year_at(k)
            && !self.glued_number(k)
        {
            let date = PartialDate::Month { year, month: m };
            return Some(Hit::new(i, k, DateKind::Absolute, Some(date)));
        }
        // "December of last year", "July this year".
        let k = if self.key(j) == Key::Of { j + 1 } else { j };
        let delta = match self.key(k) {
            Key::Last => Some(-1),
            Key::This => Some(0),
            Key::Next => Some(1),
            _ => None,
        };
        // "julio del año pasado": the Spanish modifier after "year".
        let (delta, year_at) = match delta {
            None if es => (self.es_year_modifier(k + 1), k),
            delta => (delta, k + 1),
        };
        if let Some(delta) = delta
            && self.key(year_at) == Key::Unit(Unit::Year, false)
        {
            let last = year_at.max(k + 1);
            let date = self.pub_ymd().map(|(py, _, _)| PartialDate::Month {
                year: py + delta,
                month: m,
            });
            return Some(Hit::new(i, last, DateKind::Relative, date));
        }
        if abbr {
            return None;
        }
        if es {
            return self.es_month_alone(i, m);
        }
        // A month alone: needs a trigger before it or a possessive after it. "May" is
        // a modal verb and a surname, so it takes neither "of" nor the possessive.
        let may = m == 5;
        let (first, shift) = match self.prev_key(i) {
            Key::Last => (i - 1, -1),
            Key::Next => (i - 1, 1),
            Key::This => (i - 1, 0),
            _ if self.triggered(i, !may) || (!may && self.possessive_after(i)) => (i, 0),
            _ => return None,
        };
        let kind = if first == i {
            DateKind::Absolute
        } else {
            DateKind::Relative
        };
        Some(Hit::new(first, i, kind, self.resolve_month(m, shift)))
    }

    /// A weekday: "Monday", "on Friday", "last Monday", "next Monday",
    /// "Monday, July 24, 2023" (absolute, the weekday inside the span).
    fn weekday(&self, i: usize, w: u8) -> Option<Hit> {
        if !self.calendar_name(i) {
            return None;
        }
        let j = if self.is_punct(i + 1, b',') {
            i + 2
        } else {
            i + 1
        };
        if (matches!(self.key(j), Key::Month(..)) || self.day_at(j).is_some())
            && let Some(hit) = self.at(j)
            && hit.kind == DateKind::Absolute
            && matches!(
                hit.date,
                Some(PartialDate::Day { .. } | PartialDate::MonthDay { .. })
            )
        {
            let has_year = (j..=hit.last).any(|k| matches!(self.num(k), Some((_, 4, _))));
            let date = match hit.date {
                Some(date) if !has_year => Some(self.align_weekday(date, w)),
                date => date,
            };
            return Some(Hit {
                first: i,
                date,
                ..hit
            });
        }
        // Names: "Fox News Sunday", "Black Friday", "Sunday Morning Futures",
        // "Monday Night Football".
        let titled_next = matches!(self.key(i + 1), Key::PartOfDay(_)) && self.capitalized(i + 1);
        if self.name_before(i) || titled_next {
            return None;
        }
        let z = self.pub_day;
        let back = |strict: bool| {
            z.map(|z| {
                let mut delta = i64::from((weekday(z) + 7 - w) % 7);
                if strict && delta == 0 {
                    delta = 7;
                }
                day_date(z - delta)
            })
        };
        let ahead = || {
            z.map(|z| {
                let mut delta = i64::from((w + 7 - weekday(z)) % 7);
                if delta == 0 {
                    delta = 7;
                }
                day_date(z + delta)
            })
        };
        // "el lunes pasado", "el lunes próximo".
        if self.es(i) && !matches!(self.prev_key(i), Key::Last | Key::Next) {
            match self.es_key(i + 1) {
                Key::Last => return Some(Hit::new(i, i + 1, DateKind::Relative, back(true))),
                Key::Next => return Some(Hit::new(i, i + 1, DateKind::Relative, ahead())),
                _ => {}
            }
        }
        match self.prev_key(i) {
            Key::Last => Some(Hit::new(i - 1, i, DateKind::Relative, back(true))),
            Key::Next => Some(Hit::new(i - 1, i, DateKind::Relative, ahead())),
            Key::This => Some(Hit::new(i - 1, i, DateKind::Weekday, back(false))),
            _ => Some(Hit::new(i, i, DateKind::Weekday, back(false))),
        }
    }

    /// "last/this/next/past week|month|year|decade", "earlier/later this month".
    /// Spanish "la semana pasada", "el mes próximo": the modifier after the unit.
    fn unit(&self, i: usize, unit: Unit) -> Option<Hit> {
        let modifiers = |key| matches!(key, Key::Last | Key::This | Key::Next | Key::Past);
        let before = self.prev_key(i);
        let (modifier, first, last) = if modifiers(before) {
            // "ABC This Week" is a show; "Last Week" opening a headline is a date.
            if self.capitalized(i) && i >= 2 && self.capitalized(i - 1) && self.name_before(i - 1) {
                return None;
            }
            let first = if before == Key::This && i >= 2 && self.key(i - 2) == Key::Earlier {
                i - 2
            } else {
                i - 1
            };
            (before, first, i)
        } else if let Some(after) = self.es_unit_modifier(i) {
            (after, i, i + 1)
        } else {
            return None;
        };
        let hit =
            |date, range| Some(Hit::new(first, last, DateKind::Relative, date).with_range(range));
        let z = self.pub_day;
        let ymd = self.pub_ymd();
        match unit {
            Unit::Day => None,
            Unit::Week => {
                let monday = z.map(|z| -i64::from(weekday(z)));
                let range = match modifier {
                    Key::Past => self.day_range(-7, 0),
                    Key::Last => monday.and_then(|m| self.day_range(m - 7, m - 1)),
                    Key::Next => monday.and_then(|m| self.day_range(m + 7, m + 13)),
                    _ => monday.and_then(|m| self.day_range(m, m + 6)),
                };
                hit(None, range)
            }
            Unit::Month => {
                if modifier == Key::Past {
                    let range = z.map(|z| (day_date(add_months_days(z, -1)), day_date(z)));
                    return hit(None, range);
                }
                let delta = match modifier {
                    Key::Last => -1,
                    Key::Next => 1,
                    _ => 0,
                };
                let date = ymd.map(|(y, m, _)| {
                    let (year, month) = add_months(y, m, delta);
                    PartialDate::Month { year, month }
                });
                hit(date, None)
            }
            Unit::Year => {
                if modifier == Key::Past {
                    let range = z.map(|z| (day_date(add_months_days(z, -12)), day_date(z)));
                    return hit(None, range);
                }
                let delta = match modifier {
                    Key::Last => -1,
                    Key::Next => 1,
                    _ => 0,
                };
                hit(
                    ymd.map(|(y, _, _)| PartialDate::Year { year: y + delta }),
                    None,
                )
            }
            Unit::Decade => match modifier {
                Key::Past | Key::Last => hit(
                    None,
                    ymd.map(|(y, _, _)| {
                        (
                            PartialDate::Year { year: y - 10 },
                            PartialDate::Year { year: y },
                        )
                    }),
                ),
                Key::This => hit(
                    ymd.map(|(y, _, _)| PartialDate::Decade {
                        start: y.div_euclid(10) * 10,
                    }),
                    None,
                ),
                _ => None,
            },
        }
    }

    /// "over the weekend", "last weekend", "this weekend", "next weekend".
    fn weekend(&self, i: usize) -> Option<Hit> {
        let modifier = self.prev_key(i);
        if !matches!(
            modifier,
            Key::The | Key::Last | Key::This | Key::Next | Key::Past
        ) {
            return None;
        }
        let first = if modifier == Key::The { i } else { i - 1 };
        Some(Hit::new(first, i, DateKind::Relative, None).with_range(self.weekend_range(modifier)))
    }

    /// "el fin de semana", "este fin de semana", "el pasado fin de semana", "el fin de
    /// semana pasado", "el próximo fin de semana".
    fn fin_de_semana(&self, i: usize) -> Option<Hit> {
        if !(self.es_key(i + 1) == Key::Of && self.es_key(i + 2) == Key::Unit(Unit::Week, false)) {
            return None;
        }
        let (first, last, modifier) = match (self.prev_key(i), self.es_key(i + 3)) {
            (_, after @ (Key::Last | Key::Next)) => (i, i + 3, after),
            (Key::The, _) => (i, i + 2, Key::The),
            (before @ (Key::Last | Key::This | Key::Next | Key::Past), _) => (i - 1, i + 2, before),
            _ => return None,
        };
        Some(
            Hit::new(first, last, DateKind::Relative, None)
                .with_range(self.weekend_range(modifier)),
        )
    }

    /// The weekend a modifier of "weekend" names: the most recent one on or before
    /// publication, the one before it ("last" on a weekend day), or the next one.
    fn weekend_range(&self, modifier: Key) -> Option<(PartialDate, PartialDate)> {
        self.pub_day.map(|z| {
            let wd = i64::from(weekday(z));
            // Saturday of the most recent weekend, on or before publication.
            let mut sat = if wd >= 5 { z - (wd - 5) } else { z - wd - 2 };
            match modifier {
                Key::Last if wd >= 5 => sat -= 7,
                // The first weekend after publication.
                Key::Next => sat = if wd < 5 { z + 5 - wd } else { z + 12 - wd },
                _ => {}
            }
            (day_date(sat), day_date(sat + 1))
        })
    }

    /// "N days/weeks/months/years ago" and "past/last N days/.../years" where the count
    /// (a number or a number word) is token `i`.
    fn counted(&self, first: usize, i: usize, n: u32) -> Option<Hit> {
        let Key::Unit(unit, plural) = self.key(i + 1) else {
            return None;
        };
        // "a week", "two weeks"; not "two week" (a modifier: "a two week visit").
        if plural == (n == 1) {
            return None;
        }
        let n = i64::from(n);
        let z = self.pub_day;
        if self.key(i + 2) == Key::Ago {
            return Some(Hit::new(
                first,
                i + 2,
                DateKind::Relative,
                self.ago(unit, n),
            ));
        }
        if first == 0 || !matches!(self.key(first - 1), Key::Past | Key::Last) || !plural {
            return None;
        }
        let range = z.map(|z| {
            let from = match unit {
                Unit::Day => z - n,
                Unit::Week => z - 7 * n,
                Unit::Month => add_months_days(z, -(n as i32)),
                Unit::Year => add_months_days(z, -12 * n as i32),
                Unit::Decade => add_months_days(z, -120 * n as i32),
            };
            (day_date(from), day_date(z))
        });
        Some(Hit::new(first - 1, i + 1, DateKind::Relative, None).with_range(range))
    }

    /// `n` units before publication, at the unit's precision.
    fn ago(&self, unit: Unit, n: i64) -> Option<PartialDate> {
        let z = self.pub_day;
        match unit {
            Unit::Day => z.map(|z| day_date(z - n)),
            Unit::Week => z.map(|z| day_date(z - 7 * n)),
            Unit::Month => self.pub_ymd().map(|(y, m, _)| {
                let (year, month) = add_months(y, m, -(n as i32));
                PartialDate::Month { year, month }
            }),
            Unit::Year => self
                .pub_ymd()
                .map(|(y, _, _)| PartialDate::Year { year: y - n as i32 }),
            Unit::Decade => self.pub_ymd().map(|(y, _, _)| PartialDate::Year {
                year: y - 10 * n as i32,
            }),
        }
    }

    /// "a few days ago", "several weeks ago", "the past few years" (vague).
    fn few(&self, i: usize) -> Option<Hit> {
        let Key::Unit(_, true) = self.key(i + 1) else {
            return None;
        };
        let mut first = if i > 0 && self.key(i - 1) == Key::Count(1) {
            i - 1
        } else {
            i
        };
        if self.key(i + 2) == Key::Ago {
            return Some(Hit::new(first, i + 2, DateKind::Vague, None));
        }
        if first > 0 && matches!(self.key(first - 1), Key::Past | Key::Last) {
            first -= 1;
            return Some(Hit::new(first, i + 1, DateKind::Vague, None));
        }
        None
    }

    // ---- Spanish -------------------------------------------------------------------

    /// The year shift of a Spanish "last"/"next" at `k` that follows its word ("el año
    /// pasado", "el lunes próximo").
    fn es_year_modifier(&self, k: usize) -> Option<i32> {
        match self.es_key(k) {
            Key::Last => Some(-1),
            Key::Next => Some(1),
            _ => None,
        }
    }

    /// The Spanish "last"/"next" after the unit at `i` ("la semana pasada").
    fn es_unit_modifier(&self, i: usize) -> Option<Key> {
        if !self.es(i) {
            return None;
        }
        match self.es_key(i + 1) {
            key @ (Key::Last | Key::Next) => Some(key),
            _ => None,
        }
    }

    /// A Spanish month name alone: "en julio", "a fines de julio", "el pasado julio",
    /// "julio pasado", "el próximo julio", "este julio".
    fn es_month_alone(&self, i: usize, m: u8) -> Option<Hit> {
        let (first, last, shift) = match (self.es_key(i.wrapping_sub(1)), self.es_key(i + 1)) {
            (Key::Last, _) => (i - 1, i, -1),
            (Key::Next, _) => (i - 1, i, 1),
            (Key::This, _) => (i - 1, i, 0),
            (_, Key::Last) => (i, i + 1, -1),
            (_, Key::Next) => (i, i + 1, 1),
            _ if self.es_triggered(i) => (i, i, 0),
            _ => return None,
        };
        let kind = if (first, last) == (i, i) {
            DateKind::Absolute
        } else {
            DateKind::Relative
        };
        Some(Hit::new(first, last, kind, self.resolve_month(m, shift)))
    }

    /// Token `i` is an ordinal mark after a day number ("1º", "1°").
    fn ordinal_mark(&self, i: usize) -> bool {
        matches!(self.word(i), "º" | "°")
    }

    /// A Spanish day and month: "20 de julio", "20 de julio de 2023", "1.º de mayo",
    /// "1º de mayo", "18 de mayo de este año", "el pasado 20 de julio", "20 de julio
    /// pasado" (the last two the latest such day not after publication).
    fn es_day(&self, i: usize) -> Option<Hit> {
        let (d, _, suffix) = self.num(i)?;
        if !(1..=31).contains(&d) || !(suffix.is_empty() || (d == 1 && suffix == "o")) {
            return None;
        }
        let mut k = i + 1;
        if self.is_punct(k, b'.')
            && self.adjacent(i, k)
            && self.adjacent(k, k + 1)
            && self.ordinal_mark(k + 1)
        {
            k += 2;
        } else if self.adjacent(i, k) && self.ordinal_mark(k) {
            k += 1;
        }
        if self.es_key(k) != Key::Of || !self.es(k + 1) {
            return None;
        }
        let (m, _, mlast) = self.month_at(k + 1)?;
        let d = d as u8;
        let mut last = mlast;
        let mut kind = DateKind::Absolute;
        // The year: "de 2023", "del 2023", "de este año", "del año pasado".
        let mut year = None;
        if self.es_key(mlast + 1) == Key::Of {
            let y = mlast + 2;
            if let Some(found) = self.year_at(y).filter(|_| !self.glued_number(y)) {
                year = Some(Some(found));
                last = y;
            } else {
                let shift = match self.key(y) {
                    Key::This => Some((0, y + 1)),
                    Key::Last | Key::Next if self.es(y) => {
                        Some((if self.key(y) == Key::Last { -1 } else { 1 }, y + 1))
                    }
                    Key::Unit(Unit::Year, false) => self.es_year_modifier(y + 1).map(|s| (s, y)),
                    _ => None,
                };
                if let Some((shift, unit_at)) = shift
                    && self.key(unit_at) == Key::Unit(Unit::Year, false)
                {
                    year = Some(self.pub_ymd().map(|(py, _, _)| py + shift));
                    last = unit_at.max(y + 1);
                    kind = DateKind::Relative;
                }
            }
        }
        if d > days_in_month(year.flatten().unwrap_or(2000), m) {
            return None;
        }
        // "el pasado 20 de julio", "el 20 de julio próximo".
        let mut first = i;
        let mut shift = Key::None;
        if year.is_none() {
            let before = self.es_key(i.wrapping_sub(1));
            let after = self.es_key(last + 1);
            if matches!(before, Key::Last | Key::Next) {
                first = i - 1;
                shift = before;
            } else if matches!(after, Key::Last | Key::Next) {
                last += 1;
                shift = after;
            }
        }
        let date = match year {
            Some(Some(year)) => PartialDate::Day {
                year,
                month: m,
                day: d,
            },
            Some(None) => PartialDate::MonthDay { month: m, day: d },
            None if shift == Key::Last => self.resolve_month_day_beside(m, d, false),
            None if shift == Key::Next => self.resolve_month_day_beside(m, d, true),
            None => self.resolve_month_day(m, d),
        };
        Some(Hit::new(first, last, kind, Some(date)))
    }

    /// "hace tres días", "hace dos semanas", "hace un año" (a count and a unit after
    /// "hace"), and the vague "hace unos días".
    fn ago_before(&self, i: usize) -> Option<Hit> {
        let count = match (self.key(i + 1), self.num(i + 1)) {
            (Key::Count(n), _) => Some(i64::from(n)),
            (Key::Few, _) => None,
            (_, Some((n, digits, ""))) if digits <= 3 && n > 0 => Some(i64::from(n)),
            _ => return None,
        };
        let Key::Unit(unit, plural) = self.key(i + 2) else {
            return None;
        };
        match count {
            None if plural => Some(Hit::new(i, i + 2, DateKind::Vague, None)),
            Some(n) if plural != (n == 1) => {
                Some(Hit::new(i, i + 2, DateKind::Relative, self.ago(unit, n)))
            }
            _ => None,
        }
    }

    /// The decade of a number at `i` after Spanish "años" or "década de": "90" (the
    /// 1990s), "1990", "2000"; not "2020" of "los años 2020 y 2021".
    fn decade_number(&self, i: usize, two_digits: bool) -> Option<i32> {
        let (v, digits, suffix) = self.num(i)?;
        if !(suffix.is_empty() || suffix == "s") || v % 10 != 0 || self.glued_number(i) {
            return None;
        }
        let listed = self.key(i + 1) == Key::And
            || (self.is_punct(i + 1, b',') && self.num(i + 2).is_some());
        match digits {
            2 if two_digits && (10..=90).contains(&v) => Some(1900 + v as i32),
            4 if (1000..=2100).contains(&v) && !listed => Some(v as i32),
            _ => None,
        }
    }

    fn decade_hit(&self, first: usize, last: usize, start: i32) -> Hit {
        Hit::new(
            first,
            last,
            DateKind::Absolute,
            Some(PartialDate::Decade { start }),
        )
        .with_range(Some((
            PartialDate::Year { year: start },
            PartialDate::Year { year: start + 9 },
        )))
    }

    /// "los años 90", "los años 2000".
    fn decade_of_years(&self, i: usize) -> Option<Hit> {
        if self.es_key(i.wrapping_sub(1)) != Key::The {
            return None;
        }
        let start = self.decade_number(i + 1, true)?;
        Some(self.decade_hit(i, i + 1, start))
    }

    /// "la década de 1990", "la década de los 90"; else "la década pasada" and the like.
    fn decade_of(&self, i: usize) -> Option<Hit> {
        let k = if self.es_key(i + 2) == Key::The {
            i + 3
        } else {
            i + 2
        };
        match self.decade_number(k, k == i + 3) {
            Some(start) => Some(self.decade_hit(i, k, start)),
            None => self.unit(i, Unit::Decade),
        }
    }

    /// "last night", "this morning/afternoon/evening".
    fn part_of_day(&self, i: usize, night: bool) -> Option<Hit> {
        match self.prev_key(i) {
            Key::Last if night => Some(Hit::new(i - 1, i, DateKind::Relative, self.days(-1))),
            Key::This if !night || self.es(i) => {
                Some(Hit::new(i - 1, i, DateKind::Relative, self.days(0)))
            }
            _ => None,
        }
    }
}
