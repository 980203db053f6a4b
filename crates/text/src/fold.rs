//! Matching keys and capitalization tests.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Matching key: NFKD, combining marks stripped, lowercased (Unicode), every run of
/// non-alphanumeric chars turned into one space, trimmed.
/// `fold("Padrino López") == fold("Padrino Lopez") == "padrino lopez"`; `"U.S."` → `"u s"`.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// [`fold`], appending to `out` (which is not cleared).
pub fn fold_into(s: &str, out: &mut String) {
    let floor = out.len();
    let mut gap = false;
    let mut push = |c: char, out: &mut String| {
        if c.is_alphanumeric() {
            if gap && out.len() > floor {
                out.push(' ');
            }
            gap = false;
            out.push(c);
        } else if !is_combining_mark(c) {
            gap = true;
        }
    };
    if s.is_ascii() {
        for b in s.bytes() {
            push(char::from(b.to_ascii_lowercase()), out);
        }
        return;
    }
    for c in s.nfkd() {
        if is_combining_mark(c) {
            continue;
        }
        if c.is_lowercase() || !c.is_alphabetic() {
            push(c, out);
        } else {
            // Lowercasing may yield combining marks ('İ' → "i̇"); push drops them.
            for l in c.to_lowercase() {
                push(l, out);
            }
        }
    }
}

/// First char is uppercase (Unicode).
pub fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// All letters uppercase and at least 2 letters ("ISW", "IRGC", "U.S." → true).
pub fn is_acronym(word: &str) -> bool {
    let mut letters = 0;
    for c in word.chars() {
        if c.is_alphabetic() {
            if !c.is_uppercase() {
                return false;
            }
            letters += 1;
        }
    }
    letters >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_accents_case_and_punctuation() {
        assert_eq!(fold("Padrino López"), "padrino lopez");
        assert_eq!(fold("Padrino Lopez"), "padrino lopez");
        assert_eq!(fold("U.S."), "u s");
        assert_eq!(fold("  Mohajer-6 (drone)!! "), "mohajer 6 drone");
        assert_eq!(fold("Nicolás Maduro’s"), "nicolas maduro s");
        assert_eq!(fold("ÇAĞLAR İstanbul"), "caglar istanbul");
        assert_eq!(fold("ﬁnance Ⅳ"), "finance iv");
        assert_eq!(fold("Москва"), "москва");
        assert_eq!(fold("..."), "");
        assert_eq!(fold(""), "");
    }

    #[test]
    fn fold_into_appends_without_leading_space() {
        let mut out = String::from("x|");
        fold_into(" Évo  Morales ", &mut out);
        assert_eq!(out, "x|evo morales");
    }

    #[test]
    fn capitalization() {
        assert!(is_capitalized("Iran"));
        assert!(is_capitalized("Édgar"));
        assert!(!is_capitalized("iran"));
        assert!(!is_capitalized(""));
        assert!(!is_capitalized("2023"));
        for w in ["ISW", "IRGC", "U.S.", "ANSU-600"] {
            assert!(is_acronym(w), "{w}");
        }
        for w in ["Iran", "I", "A.", "", "123", "IRGC’s"] {
            assert!(!is_acronym(w), "{w}");
        }
    }
}
