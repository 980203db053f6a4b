//! Publication dates from metadata values, datelines and dated URLs.
//!
//! Only a calendar day counts ([`PartialDate::Day`]); a month or a year alone is not a
//! publication date, and nothing here guesses. Times and time zones after a date are
//! ignored: the day is the one written (`2025-02-10 23:30-05:00` is 2025-02-10), never
//! converted to UTC.
//!
//! Spanish dates are read too, in every text: `20 de julio de 2023`, `1.º de mayo de
//! 2023`, `lunes, 20 de julio de 2023`, after a Spanish label (`Publicado el 20 de julio
//! de 2023`, `Publicado 02/04/2019 17:39`, numeric dates day first there) or alone on a
//! line (`20 de julio de 2023, 10:15`). The words come from `data/lexicon/es/`.

use pw_lexicon::words;
use pw_model::{PartialDate, days_in_month};

/// Years outside this range are treated as noise (ids, phone numbers), not dates.
const YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;

/// A validated day, or `None` for impossible dates such as 2023-02-30.
pub(crate) fn day(year: i32, month: u32, day: u32) -> Option<PartialDate> {
    if !YEARS.contains(&year) || !(1..=12).contains(&month) {
        return None;
    }
    let month = month as u8;
    if day == 0 || day > u32::from(days_in_month(year, month)) {
        return None;
    }
    Some(PartialDate::Day {
        year,
        month,
        day: day as u8,
    })
}

/// Parses a date value from metadata: ISO 8601 / RFC 3339 (`2025-02-10`,
/// `2025-02-10T12:05:00Z`, `2025-02-10 12:05:00-05:00`, `2025/02/10`), compact
/// `20250210`, RFC 2822 (`Mon, 10 Feb 2025 12:05:00 -0500`) and written dates
/// (`February 10, 2025`, `10 February 2025`, `Feb. 10, 2025`).
///
/// A time after the date must be a possible one: `2023-07-30T25:61:99Z` is refused
/// whole (hours up to 24, minutes up to 59, seconds up to 60, in every `H:M[:S]`).
pub fn parse_date_value(value: &str) -> Option<PartialDate> {
    let value = value.trim();
    let bytes = value.as_bytes();
    if bytes.len() >= 8 && bytes[..8].iter().all(u8::is_ascii_digit) {
        let rest = &bytes[8..];
        if rest.is_empty() || rest[0] == b'T' || rest[0] == b' ' {
            let date = day(
                number(&bytes[..4]) as i32,
                number(&bytes[4..6]),
                number(&bytes[6..8]),
            )?;
            return times_are_possible(rest).then_some(date);
        }
    }
    let (date, end) = date_at_start(value)?;
    times_are_possible(&bytes[end..]).then_some(date)
}

/// Every `H:M` or `H:M:S` group of digits in `rest` is a possible time of day (or
/// zone offset): hours 0..=24, minutes 0..=59, seconds 0..=60 (a leap second).
fn times_are_possible(rest: &[u8]) -> bool {
    let mut at = 0;
    while at < rest.len() {
        if !rest[at].is_ascii_digit() {
            at += 1;
            continue;
        }
        let mut parts = Vec::new();
        let mut end = at;
        loop {
            let start = end;
            while end < rest.len() && rest[end].is_ascii_digit() {
                end += 1;
            }
            parts.push(number(&rest[start..end]));
            if end + 1 < rest.len() && rest[end] == b':' && rest[end + 1].is_ascii_digit() {
                end += 1;
            } else {
                break;
            }
        }
        if parts.len() >= 2 {
            let limits = [24, 59, 60];
            if parts.iter().zip(limits).any(|(&part, limit)| part > limit) || parts.len() > 3 {
                return false;
            }
        }
        at = end.max(at + 1);
    }
    true
}

fn number(digits: &[u8]) -> u32 {
    digits.iter().fold(0u32, |acc, d| {
        acc.saturating_mul(10).saturating_add(u32::from(d - b'0'))
    })
}

/// The end of a run of 1..=`max` ASCII digits starting at `at`.
fn digits_at(bytes: &[u8], at: usize, max: usize) -> Option<usize> {
    let len = bytes[at.min(bytes.len())..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    (1..=max).contains(&len).then_some(at + len)
}

fn spaces(bytes: &[u8], mut at: usize) -> usize {
    while at < bytes.len() && (bytes[at] == b' ' || bytes[at] == b'\t') {
        at += 1;
    }
    at
}

/// The month named by an English or Spanish word (`months.txt` of `data/lexicon/en/`
/// and `data/lexicon/es/`, English names first, so a name's month is its position
/// modulo 12): full names, three-letter forms, `Sept`, and the other spellings of
/// `es/name_variants.tsv` (`setiembre`).
pub(crate) fn month_number(word: &str) -> Option<u32> {
    if word.len() < 3 || word.len() > 10 {
        return None;
    }
    let lower = word.to_ascii_lowercase();
    if lower == "sept" {
        return Some(9);
    }
    let lower = words::ES_NAME_VARIANTS
        .get(&lower)
        .filter(|name| words::ES_MONTHS.contains(name))
        .map_or(lower.as_str(), |name| name);
    words::MONTHS
        .list()
        .iter()
        .position(|name| *name == lower || (lower.len() == 3 && name.starts_with(lower)))
        .map(|index| (index % 12) as u32 + 1)
}

/// An English weekday name or its three- or four-letter prefix (`Mon`, `Tues`).
fn is_weekday(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    words::WEEKDAYS.list()[..words::WEEKDAYS.list().len() - words::ES_WEEKDAYS.list().len()]
        .iter()
        .any(|name| *name == lower || ((3..=4).contains(&lower.len()) && name.starts_with(&lower)))
}

/// A whole Spanish weekday name in any case (`lunes`, `Miércoles`, `sabado`); Spanish
/// prefixes are not read (`Mar` is March, not `martes`).
fn is_spanish_weekday(word: &str) -> bool {
    let lower = word.to_lowercase();
    words::ES_WEEKDAYS.contains(&lower)
        || words::ES_NAME_VARIANTS
            .get(&lower)
            .is_some_and(|name| words::ES_WEEKDAYS.contains(name))
}

/// A Spanish word for "of" (`de`, `del`, from `es/date_words.tsv`) at `at`, and the
/// start of the next word after it.
fn spanish_of(text: &str, at: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let end = alpha_at(bytes, at)?;
    if words::ES_DATE_WORDS.get(&text[at..end].to_ascii_lowercase()) != Some("of") {
        return None;
    }
    let after = spaces(bytes, end);
    (after > end).then_some(after)
}

/// The end of a word of letters (any script) at `at`.
fn letters_at(text: &str, at: usize) -> Option<usize> {
    let len: usize = text
        .get(at..)?
        .chars()
        .take_while(|c| c.is_alphabetic())
        .map(char::len_utf8)
        .sum();
    (len > 0).then_some(at + len)
}

fn alpha_at(bytes: &[u8], at: usize) -> Option<usize> {
    let len = bytes[at.min(bytes.len())..]
        .iter()
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    (len > 0).then_some(at + len)
}

/// A date at the very start of `text`, and the byte length it covers. Accepts ISO
/// (`2025-11-11`, `2025/11/11`) and written forms with an optional weekday
/// (`Monday, July 24, 2023`, `Jul. 24, 2023`, `24 July 2023`, `Mon, 10 Feb 2025`).
pub(crate) fn date_at_start(text: &str) -> Option<(PartialDate, usize)> {
    date_at_start_read(text).map(|(date, len, _)| (date, len))
}

/// [`date_at_start`], and whether the date was written the Spanish way (`20 de julio de
/// 2023`, a Spanish weekday).
fn date_at_start_read(text: &str) -> Option<(PartialDate, usize, bool)> {
    let bytes = text.as_bytes();
    if let Some((date, len)) = iso_at(bytes, 0) {
        return Some((date, len, false));
    }
    let mut at = 0;
    let mut spanish = false;
    let weekday_end = match alpha_at(bytes, 0) {
        Some(end) if is_weekday(&text[..end]) => Some(end),
        _ => {
            let end = letters_at(text, 0).filter(|&end| is_spanish_weekday(&text[..end]));
            spanish = end.is_some();
            end
        }
    };
    if let Some(end) = weekday_end {
        at = end;
        if bytes.get(at) == Some(&b'.') {
            at += 1;
        }
        if bytes.get(at) == Some(&b',') {
            at += 1;
        }
        let after = spaces(bytes, at);
        if after == at {
            return None;
        }
        at = after;
    }
    if let Some((date, end)) = month_first(text, at) {
        return Some((date, end, spanish));
    }
    let (date, end, spanish_day) = day_first(text, at)?;
    Some((date, end, spanish || spanish_day))
}

/// `YYYY-MM-DD` or `YYYY/MM/DD` at `at`, not followed by another digit.
fn iso_at(bytes: &[u8], at: usize) -> Option<(PartialDate, usize)> {
    let year_end = digits_at(bytes, at, 4).filter(|end| end - at == 4)?;
    let separator = *bytes.get(year_end)?;
    if separator != b'-' && separator != b'/' {
        return None;
    }
    let month_end = digits_at(bytes, year_end + 1, 2)?;
    if bytes.get(month_end) != Some(&separator) {
        return None;
    }
    let day_end = digits_at(bytes, month_end + 1, 2)?;
    let date = day(
        number(&bytes[at..year_end]) as i32,
        number(&bytes[year_end + 1..month_end]),
        number(&bytes[month_end + 1..day_end]),
    )?;
    Some((date, day_end - at))
}

/// Skips an ordinal suffix (`st`, `nd`, `rd`, `th`) after a day number.
fn ordinal(bytes: &[u8], at: usize) -> usize {
    match bytes.get(at..at + 2) {
        Some(suffix)
            if [b"st", b"nd", b"rd", b"th"]
                .iter()
                .any(|s| suffix.eq_ignore_ascii_case(*s))
                && !bytes.get(at + 2).is_some_and(u8::is_ascii_alphabetic) =>
        {
            at + 2
        }
        _ => at,
    }
}

fn year_at(bytes: &[u8], at: usize) -> Option<(i32, usize)> {
    let end = digits_at(bytes, at, 4).filter(|end| end - at == 4)?;
    Some((number(&bytes[at..end]) as i32, end))
}

/// `July 24, 2023`, `Jul. 24 2023`, `July 24th, 2023`.
fn month_first(text: &str, at: usize) -> Option<(PartialDate, usize)> {
    let bytes = text.as_bytes();
    let word_end = alpha_at(bytes, at)?;
    let month = month_number(&text[at..word_end])?;
    let mut i = word_end;
    if bytes.get(i) == Some(&b'.') {
        i += 1;
    }
    let after = spaces(bytes, i);
    if after == i {
        return None;
    }
    let day_end = digits_at(bytes, after, 2)?;
    let day_number = number(&bytes[after..day_end]);
    i = ordinal(bytes, day_end);
    if bytes.get(i) == Some(&b',') {
        i += 1;
    }
    let after = spaces(bytes, i);
    if after == i {
        return None;
    }
    let (year, end) = year_at(bytes, after)?;
    Some((day(year, month, day_number)?, end))
}

/// `24 July 2023`, `10 Feb 2025`, `24th July, 2023`, and Spanish `20 de julio de 2023`,
/// `1.º de mayo de 2023`, `2 abr. 2019` (with whether a Spanish "de" was read).
fn day_first(text: &str, at: usize) -> Option<(PartialDate, usize, bool)> {
    let bytes = text.as_bytes();
    let day_end = digits_at(bytes, at, 2)?;
    let day_number = number(&bytes[at..day_end]);
    let i = spanish_ordinal(text, ordinal(bytes, day_end));
    let word_start = spaces(bytes, i);
    if word_start == i {
        return None;
    }
    let mut spanish = false;
    let word_start = match spanish_of(text, word_start) {
        Some(next) => {
            spanish = true;
            next
        }
        None => word_start,
    };
    let word_end = alpha_at(bytes, word_start)?;
    let month = month_number(&text[word_start..word_end])?;
    let mut i = word_end;
    if bytes.get(i) == Some(&b'.') {
        i += 1;
    }
    if bytes.get(i) == Some(&b',') {
        i += 1;
    }
    let after = spaces(bytes, i);
    if after == i {
        return None;
    }
    let after = match spanish_of(text, after) {
        Some(next) if spanish => next,
        _ => after,
    };
    let (year, end) = year_at(bytes, after)?;
    Some((day(year, month, day_number)?, end, spanish))
}

/// Skips a Spanish ordinal mark after a day number (`1.º`, `1º`, `1°`).
fn spanish_ordinal(text: &str, at: usize) -> usize {
    let rest = text.get(at..).unwrap_or("");
    let marked = rest.strip_prefix('.').unwrap_or(rest);
    match marked.chars().next() {
        Some(mark @ ('º' | '°')) => text.len() - marked.len() + mark.len_utf8(),
        _ => at,
    }
}

/// `DD/MM/YYYY` at the start of `text`, day first (after a Spanish label).
fn day_first_numeric(text: &str) -> Option<(PartialDate, usize)> {
    let bytes = text.as_bytes();
    let day_end = digits_at(bytes, 0, 2)?;
    if bytes.get(day_end) != Some(&b'/') {
        return None;
    }
    let month_end = digits_at(bytes, day_end + 1, 2)?;
    if bytes.get(month_end) != Some(&b'/') {
        return None;
    }
    let (year, end) = year_at(bytes, month_end + 1)?;
    if bytes.get(end).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let date = day(
        year,
        number(&bytes[day_end + 1..month_end]),
        number(&bytes[..day_end]),
    )?;
    Some((date, end))
}

/// How far into the text a dateline may start.
const DATELINE_WINDOW: usize = 200;

/// A dateline near the start of the text: a line that starts (within the first 200
/// bytes) with a labelled date (`date 2025-11-11`, `Published: July 24, 2023`), with a
/// bare date standing alone or followed by a dash (`July 24, 2023 —`), with an ISO
/// date, or with a place in capitals and a date (`WASHINGTON, July 24, 2023 —`).
/// A date inside a sentence ("On July 24, 2023, Iran ...") is not a dateline.
pub fn dateline(text: &str) -> Option<PartialDate> {
    let mut start = 0;
    while start < text.len() && start < DATELINE_WINDOW {
        let end =
            memchr::memchr(b'\n', &text.as_bytes()[start..]).map_or(text.len(), |i| start + i);
        let line = text[start..end].trim();
        if let Some(date) = dateline_in_line(line) {
            return Some(date);
        }
        start = end + 1;
    }
    None
}

fn dateline_in_line(line: &str) -> Option<PartialDate> {
    if line.is_empty() {
        return None;
    }
    for label in words::DATE_LABELS.list() {
        if line.len() > label.len()
            && line.as_bytes()[..label.len()].eq_ignore_ascii_case(label.as_bytes())
        {
            let rest = &line[label.len()..];
            // The label must be a whole word: `date 2025`, `Date: 2025`, not `dated2025`.
            let rest = rest.strip_prefix(':').unwrap_or(rest);
            if !rest.starts_with([' ', '\t']) && !rest.starts_with(|c: char| c.is_ascii_digit()) {
                continue;
            }
            let rest = rest.trim_start();
            let rest = rest.strip_prefix("on ").unwrap_or(rest);
            if let Some((date, _)) = date_at_start(rest) {
                return Some(date);
            }
            // Spanish writes numeric dates day first: `Publicado 02/04/2019 17:39`.
            if words::ES_DATE_LABELS.contains(label)
                && let Some((date, end)) = day_first_numeric(rest)
                && times_are_possible(&rest.as_bytes()[end..])
            {
                return Some(date);
            }
        }
    }
    if let Some(found) = standalone_date(line, true) {
        return Some(found);
    }
    // `WASHINGTON, July 24, 2023 —` or `KYIV — 24 July 2023 —`.
    let place_len = line
        .bytes()
        .take_while(|b| b.is_ascii_uppercase() || matches!(b, b' ' | b'.' | b'\'' | b'-'))
        .count();
    if place_len >= 2
        && line.as_bytes()[..place_len]
            .iter()
            .filter(|b| b.is_ascii_uppercase())
            .count()
            >= 2
    {
        let rest = line[place_len..].trim_start();
        let rest = rest
            .strip_prefix(',')
            .or_else(|| rest.strip_prefix('—'))
            .or_else(|| rest.strip_prefix('–'))?
            .trim_start();
        return standalone_date(rest, false);
    }
    None
}

/// A date at the start of `line` that is alone on the line, followed by a dash, a bar
/// or a time (`July 24, 2023 10:05`). ISO dates may also be followed by text when
/// `iso_any` is set: `2025-11-11 U.S. Deputy ...` is a dateline, prose never starts so.
fn standalone_date(line: &str, iso_any: bool) -> Option<PartialDate> {
    let (date, len, spanish) = date_at_start_read(line)?;
    let rest = line[len..].trim_start();
    // Spanish datelines put a comma before the time: `20 de julio de 2023, 10:15`.
    let rest = match rest.strip_prefix(',') {
        Some(time) if spanish && time.trim_start().starts_with(|c: char| c.is_ascii_digit()) => {
            time.trim_start()
        }
        _ => rest,
    };
    let iso = !spanish
        && line.as_bytes()[0].is_ascii_digit()
        && line.as_bytes().get(4).is_some_and(|b| !b.is_ascii_digit());
    let ok = rest.is_empty()
        || rest.starts_with(['—', '–', '-', '|', '·', '•'])
        || (rest.len() >= 3
            && rest.as_bytes()[0].is_ascii_digit()
            && rest.as_bytes()[1..3].contains(&b':'))
        || (iso && iso_any && len < line.len() && line.as_bytes()[len].is_ascii_whitespace());
    ok.then_some(date)
}

/// A day in the path of a URL: `/2023/07/30/`, `/2023-07-30/`, `/20230730/` (each also
/// at the end of the path or before a slug: `/2023-07-30-title`). Month-only paths
/// (`/2023/07/`) give no day and are ignored.
pub fn url_date(url: &str) -> Option<PartialDate> {
    let bytes = url.as_bytes();
    // Skip the scheme and host: dates are looked for in the path only.
    let path_start = url.find("://").map_or(0, |i| {
        url[i + 3..].find('/').map_or(url.len(), |j| i + 3 + j)
    });
    let path_end = url[path_start..]
        .find(['?', '#'])
        .map_or(url.len(), |i| path_start + i);
    let boundary = |at: usize| at >= path_end || !bytes[at].is_ascii_digit();
    let mut at = path_start;
    while let Some(offset) = memchr::memchr(b'/', &bytes[at..path_end]) {
        let start = at + offset + 1;
        at = start;
        if start + 8 > path_end {
            break;
        }
        let run = bytes[start..path_end]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        if run == 8 {
            let end = start + 8;
            if boundary(end)
                && let Some(date) = day(
                    number(&bytes[start..start + 4]) as i32,
                    number(&bytes[start + 4..start + 6]),
                    number(&bytes[start + 6..end]),
                )
            {
                return Some(date);
            }
            continue;
        }
        let Some((year, year_end)) = year_at(bytes, start) else {
            continue;
        };
        match bytes.get(year_end) {
            Some(b'/') => {
                let Some(month_end) = digits_at(bytes, year_end + 1, 2) else {
                    continue;
                };
                if bytes.get(month_end) != Some(&b'/') {
                    continue;
                }
                let Some(day_end) = digits_at(bytes, month_end + 1, 2) else {
                    continue;
                };
                if day_end < path_end && bytes[day_end] != b'/' {
                    continue;
                }
                if let Some(date) = day(
                    year,
                    number(&bytes[year_end + 1..month_end]),
                    number(&bytes[month_end + 1..day_end]),
                ) {
                    return Some(date);
                }
            }
            Some(b'-') => {
                if let Some((date, len)) = iso_at(&bytes[..path_end], start)
                    && boundary(start + len)
                {
                    return Some(date);
                }
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> PartialDate {
        text.parse().unwrap()
    }

    #[test]
    fn metadata_values() {
        for (value, expected) in [
            ("2025-02-10", "2025-02-10"),
            ("2025-02-10 12:05:00-05:00", "2025-02-10"),
            ("2025-02-10T23:59:00-05:00", "2025-02-10"),
            ("2025-02-10T12:05:00Z", "2025-02-10"),
            ("Mon, 10 Feb 2025 12:05:00 -0500", "2025-02-10"),
            ("Monday, February 10, 2025", "2025-02-10"),
            ("10 February 2025", "2025-02-10"),
            ("Feb. 10, 2025", "2025-02-10"),
            ("Sept 3rd, 2024", "2024-09-03"),
            ("20250210", "2025-02-10"),
            ("2025/02/10", "2025-02-10"),
            (" 2024-02-29 ", "2024-02-29"),
            ("2025-02-10T12:05:00.250+05:30", "2025-02-10"),
            ("2016-12-31T23:59:60Z", "2016-12-31"),
        ] {
            assert_eq!(parse_date_value(value), Some(d(expected)), "{value}");
        }
        for value in [
            "",
            "2023-02-29",
            "2025-13-01",
            "yesterday",
            "2025",
            "2025-02",
            "Monday",
            "1 Foo 2020",
            "2023-07-30T25:61:99Z",
            "2023-07-30T12:61:00Z",
            "2023-07-30 10:00:99",
            "20230730T25:00",
            "Mon, 10 Feb 2025 25:05:00 -0500",
        ] {
            assert_eq!(parse_date_value(value), None, "{value}");
        }
    }

    #[test]
    fn datelines() {
        for (text, expected) in [
            ("date 2025-11-11 U.S. Deputy Secretary said", "2025-11-11"),
            ("Date: 2025-11-11\nText", "2025-11-11"),
            ("2025-11-11\nText", "2025-11-11"),
            ("Headline here\nJuly 24, 2023\nBody", "2023-07-24"),
            ("Jul. 24, 2023 — Iran and Bolivia signed", "2023-07-24"),
            ("24 July 2023\nBody", "2023-07-24"),
            ("Published on July 24, 2023 by staff", "2023-07-24"),
            ("WASHINGTON, July 24, 2023 — The Pentagon", "2023-07-24"),
            ("July 24, 2023 10:05 AM\nBody", "2023-07-24"),
        ] {
            assert_eq!(dateline(text), Some(d(expected)), "{text}");
        }
        for text in [
            "On July 24, 2023, Iran signed a deal.",
            "July 24, 2023 was a day like any other.",
            "Iran and Bolivia signed a deal.\nThe date 2023 is not a day.",
            "",
        ] {
            assert_eq!(dateline(text), None, "{text}");
        }
        // Too far into the text to be a dateline.
        let late = format!("{}\n2023-07-24\n", "x".repeat(300));
        assert_eq!(dateline(&late), None);
    }

    #[test]
    fn spanish_dates() {
        for (value, expected) in [
            ("20 de julio de 2023", "2023-07-20"),
            ("20 de julio del 2023", "2023-07-20"),
            ("1.º de mayo de 2023", "2023-05-01"),
            ("1º de mayo de 2023", "2023-05-01"),
            ("lunes, 24 de julio de 2023", "2023-07-24"),
            ("Miércoles 26 de julio de 2023", "2023-07-26"),
            ("sabado 29 de julio de 2023", "2023-07-29"),
            ("3 de setiembre de 2024", "2024-09-03"),
            ("3 de septiembre de 2024", "2024-09-03"),
            ("2 abr. 2019", "2019-04-02"),
            ("15 ene 2024", "2024-01-15"),
            ("20 de julio de 2023 10:15", "2023-07-20"),
        ] {
            assert_eq!(parse_date_value(value), Some(d(expected)), "{value}");
        }
        for value in [
            "20 de julio",
            "31 de junio de 2023",
            "julio de 2023",
            "20 of July 2023",
            "lun 24 de julio de 2023",
        ] {
            assert_eq!(parse_date_value(value), None, "{value}");
        }
        // English three-letter forms are unchanged by the Spanish names.
        assert_eq!(parse_date_value("Mar 10, 2025"), Some(d("2025-03-10")));
        assert_eq!(parse_date_value("Jun 3, 2025"), Some(d("2025-06-03")));
    }

    #[test]
    fn spanish_datelines() {
        for (text, expected) in [
            ("Publicado el 20 de julio de 2023\nTexto", "2023-07-20"),
            ("Publicado: 20 de julio de 2023", "2023-07-20"),
            ("Publicada el lunes, 24 de julio de 2023", "2023-07-24"),
            (
                "Publicado 02/04/2019 17:39\n\nRusia abre un centro",
                "2019-04-02",
            ),
            ("Fecha de publicación: 05/07/2023", "2023-07-05"),
            ("Titular\n20 de julio de 2023, 10:15\nTexto", "2023-07-20"),
            ("20 de julio de 2023 — El ministro", "2023-07-20"),
            ("CARACAS, 20 de julio de 2023 — El ministro", "2023-07-20"),
        ] {
            assert_eq!(dateline(text), Some(d(expected)), "{text}");
        }
        for text in [
            "El 20 de julio de 2023 se firmó el acuerdo.",
            "20 de julio de 2023 fue un día como otro.",
            "Publicado 02/04/2019 25:39",
            "Fechas: 02/04/2019",
            // English datelines keep the month first and no comma before the time.
            "July 24, 2023, 10:05\nBody",
            "Published 02/04/2019",
        ] {
            assert_eq!(dateline(text), None, "{text}");
        }
    }

    #[test]
    fn url_dates() {
        for (url, expected) in [
            (
                "https://bolivarobserver.com/2023/07/30/bolivia-pact/",
                "2023-07-30",
            ),
            ("https://example.com/news/2023-07-30/pact", "2023-07-30"),
            (
                "https://example.com/news/2023-07-30-pact.html",
                "2023-07-30",
            ),
            ("https://example.com/a/20230730/pact", "2023-07-30"),
            ("/2023/7/3", "2023-07-03"),
        ] {
            assert_eq!(url_date(url), Some(d(expected)), "{url}");
        }
        for url in [
            "https://www.whitehouse.gov/articles/2025/02/cfpb/",
            "https://example.com/id/202307301234/",
            "https://example.com/2023/02/30/",
            "https://2023-07-30.example.com/",
            "https://example.com/page?date=2023-07-30",
            "https://example.com/",
        ] {
            assert_eq!(url_date(url), None, "{url}");
        }
    }
}
