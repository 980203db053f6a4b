//! Folding of surface forms for accent- and case-insensitive lookup.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Letters that NFD does not decompose into an ASCII base letter, and typographic
/// variants that should compare equal to their ASCII forms. Kept in sync with
/// `_SPECIAL_FOLD` in `scripts/build-lexicon.py`.
fn special(c: char) -> Option<&'static str> {
    Some(match c {
        'ø' | 'Ø' => "o",
        'ł' | 'Ł' => "l",
        'ß' => "ss",
        'đ' | 'Đ' | 'ð' | 'Ð' => "d",
        'ı' => "i",
        'æ' | 'Æ' => "ae",
        'œ' | 'Œ' => "oe",
        'þ' | 'Þ' => "th",
        'ʻ' | 'ʼ' | '’' | '‘' | '`' | 'ʿ' | 'ʾ' => "'",
        '‐' | '‑' | '–' => "-",
        _ => return None,
    })
}

/// Remove diacritics (`Chávez` → `Chavez`), map a few special letters and typographic
/// apostrophes/dashes to ASCII. Case is kept.
pub fn strip_diacritics(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    if s.is_ascii() {
        out.push_str(s);
        return out;
    }
    for c in s.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        match special(c) {
            Some(r) => out.push_str(r),
            None => out.push(c),
        }
    }
    out
}

/// The folded key of a surface form: diacritics stripped, then lower-cased.
/// `fold("Nicolás Maduro") == "nicolas maduro"`.
pub fn fold(s: &str) -> String {
    strip_diacritics(s).to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_accents_case_and_apostrophes() {
        assert_eq!(fold("Chávez"), "chavez");
        assert_eq!(fold("Türkiye"), "turkiye");
        assert_eq!(fold("Côte d’Ivoire"), "cote d'ivoire");
        assert_eq!(fold("Łódź"), "lodz");
        assert_eq!(strip_diacritics("López"), "López".replace('ó', "o"));
        assert_eq!(fold("plain"), "plain");
    }
}
