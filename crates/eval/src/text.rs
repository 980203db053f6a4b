//! String helpers of score.py, reproduced character for character: `norm` (names),
//! `quote_norm` (quote snippets), `date_ok` (date agreement) and Python's `repr` of
//! strings and lists of strings (for the verbose report).
//!
//! The character classes (`str.casefold`, `re`'s `\w` and `\s`, `str.isprintable`)
//! come from tables generated from the Python that runs score.py (see
//! `tools/gen_tables.py`); NFKD and canonical combining classes come from
//! `unicode-normalization`.

use std::cmp::Ordering;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::canonical_combining_class;

use crate::tables;

fn in_ranges(table: &[(u32, u32)], c: char) -> bool {
    let cp = c as u32;
    table
        .binary_search_by(|&(lo, hi)| {
            if hi < cp {
                Ordering::Less
            } else if lo > cp {
                Ordering::Greater
            } else {
                Ordering::Equal
            }
        })
        .is_ok()
}

/// `re`'s `\w`: a Unicode alphanumeric character (`str.isalnum`) or `_`.
pub(crate) fn is_word(c: char) -> bool {
    in_ranges(tables::WORD, c)
}

/// `re`'s `\s` and `str.isspace` (which, unlike `char::is_whitespace`, include U+001C..U+001F).
pub(crate) fn is_space(c: char) -> bool {
    in_ranges(tables::SPACE, c)
}

/// `str.isprintable` for one character.
fn is_printable(c: char) -> bool {
    !in_ranges(tables::NONPRINTABLE, c)
}

/// Appends Python's `str.casefold()` of `c` (full case folding: `ß` → `ss`, `ς` → `σ`).
fn push_casefold(out: &mut String, c: char) {
    match tables::CASEFOLD.binary_search_by_key(&(c as u32), |&(k, _)| k) {
        Ok(i) => out.push_str(tables::CASEFOLD[i].1),
        Err(_) => out.push(c),
    }
}

/// Python's `str.casefold()`.
pub fn casefold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_casefold(&mut out, c);
    }
    out
}

/// score.py's `norm`: NFKD, drop combining marks, casefold, turn every run of
/// non-word characters and underscores into one space, strip.
///
/// `norm("Padrino López") == "padrino lopez"`, `norm("U.S.") == "u s"`.
pub fn norm(s: &str) -> String {
    let mut folded = String::with_capacity(s.len());
    for c in s.nfkd() {
        if canonical_combining_class(c) == 0 {
            push_casefold(&mut folded, c);
        }
    }
    let mut out = String::with_capacity(folded.len());
    let mut gap = false;
    for c in folded.chars() {
        if is_word(c) && c != '_' {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.push(c);
        } else {
            gap = true;
        }
    }
    out
}

/// score.py's `quote_norm`: curly quotes to straight ones, runs of white space to one
/// space, strip, casefold.
pub fn quote_norm(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut gap = false;
    for c in s.chars() {
        let c = match c {
            '\u{201c}' | '\u{201d}' => '"',
            '\u{2018}' | '\u{2019}' => '\'',
            c => c,
        };
        if is_space(c) {
            gap = true;
            continue;
        }
        if gap && !out.is_empty() {
            out.push(' ');
        }
        gap = false;
        push_casefold(&mut out, c);
    }
    out
}

/// score.py's `date_ok`: the predicted date equals the gold one or is more precise and
/// agrees with it (`2023-07-20` for `2023`; `2021-06-24` for `--06-24`). An empty
/// prediction is never right.
pub fn date_ok(gold: &str, pred: &str) -> bool {
    if pred.is_empty() {
        return false;
    }
    if gold.starts_with("--") {
        // Python: pred == gold or (len(pred) == 10 and pred[4:] == gold[1:])
        return pred == gold
            || (pred.chars().count() == 10 && pred.chars().skip(4).eq(gold.chars().skip(1)));
    }
    pred.starts_with(gold)
}

/// Python's `repr` of a string (`'abc'`, `"it's"`, `'a\\nb'`).
pub fn py_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            c if c.is_ascii() || is_printable(c) => out.push(c),
            c if (c as u32) <= 0xff => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if (c as u32) <= 0xffff => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push_str(&format!("\\U{:08x}", c as u32)),
        }
    }
    out.push(quote);
    out
}

/// Python's `repr` of a list of strings (`['a', 'b']`).
pub fn py_list_repr<S: AsRef<str>>(items: &[S]) -> String {
    let parts: Vec<String> = items.iter().map(|s| py_repr(s.as_ref())).collect();
    format!("[{}]", parts.join(", "))
}

/// The Unicode version of the Python whose character classes the tables reproduce.
pub fn unicode_version() -> &'static str {
    tables::UNICODE_VERSION
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn norm_folds_accents_case_and_punctuation() {
        assert_eq!(norm("Padrino López"), "padrino lopez");
        assert_eq!(norm("padrino lopez"), "padrino lopez");
        assert_eq!(norm("U.S."), "u s");
        assert_eq!(norm("  Lebanon-based "), "lebanon based");
        assert_eq!(norm("__a__b__"), "a b");
        assert_eq!(norm("Straße"), "strasse");
        assert_eq!(norm("STRASSE"), "strasse");
        assert_eq!(norm("ΣΊΣΥΦΟΣ"), "σισυφοσ");
        assert_eq!(norm("ﬁnal"), "final");
        assert_eq!(norm("Mohajer-6"), "mohajer 6");
        assert_eq!(norm("Ñandú №5"), "nandu no5");
        assert_eq!(norm("İstanbul"), "istanbul");
        assert_eq!(norm("Al‑Qaeda’s"), "al qaeda s");
        assert_eq!(norm("中国 外交部"), "中国 外交部");
        assert_eq!(norm(""), "");
        assert_eq!(norm("--"), "");
        assert_eq!(norm("a\u{1c}b"), "a b");
    }

    #[test]
    fn quote_norm_straightens_quotes_and_collapses_space() {
        assert_eq!(
            quote_norm("  \u{201c}We\u{2019}re  ready,\u{201d}\n he said\t"),
            "\"we're ready,\" he said"
        );
        assert_eq!(quote_norm("\u{2018}Groß\u{2019}"), "'gross'");
        assert_eq!(quote_norm("a\u{a0}\u{2009}b"), "a b");
        assert_eq!(quote_norm(" \t\n"), "");
        // Only white space is collapsed; punctuation stays.
        assert_eq!(quote_norm("A -- B"), "a -- b");
    }

    #[test]
    fn date_ok_follows_score_py() {
        assert!(date_ok("2023-07-20", "2023-07-20"));
        assert!(!date_ok("2023-07-20", "2023-07-21"));
        assert!(!date_ok("2023-07-20", "2023-07"));
        assert!(date_ok("2023", "2023-07-20"));
        assert!(date_ok("2023-07", "2023-07-20"));
        assert!(!date_ok("2023", ""));
        assert!(!date_ok("2023-07", "2024-07-01"));
        assert!(date_ok("--06-24", "2021-06-24"));
        assert!(date_ok("--06-24", "--06-24"));
        assert!(!date_ok("--06-24", "2021-06-25"));
        assert!(!date_ok("--06-24", "06-24"));
        assert!(!date_ok("--06-24", "2021-06-24T00"));
        // Python's prefix rule, quirks included.
        assert!(date_ok("2023", "2023x"));
    }

    #[test]
    fn casefold_is_full_folding() {
        assert_eq!(casefold("Straße ẞ"), "strasse ss");
        assert_eq!(casefold("ὈΔΥΣΣΕΎΣ"), "ὀδυσσεύσ");
        assert_eq!(casefold("µ"), "μ");
    }

    #[test]
    fn py_repr_matches_python() {
        assert_eq!(py_repr("abc"), "'abc'");
        assert_eq!(py_repr("it's"), "\"it's\"");
        assert_eq!(py_repr("it's \"x\""), "'it\\'s \"x\"'");
        assert_eq!(py_repr("a\\b\nc"), "'a\\\\b\\nc'");
        assert_eq!(py_repr("López"), "'López'");
        assert_eq!(py_repr("a\u{a0}b\u{200b}"), "'a\\xa0b\\u200b'");
        assert_eq!(py_repr("\u{1}"), "'\\x01'");
        assert_eq!(py_list_repr(&["BOL", "IRN"]), "['BOL', 'IRN']");
        assert_eq!(py_list_repr::<&str>(&[]), "[]");
    }
}
