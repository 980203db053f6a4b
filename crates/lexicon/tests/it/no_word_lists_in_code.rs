//! Word lists belong in `data/lexicon/<language>/`, not in Rust: this test reads every
//! `crates/**/*.rs` and fails, naming file and line, on an array or slice of at least
//! [`MIN_ARRAY`] string literals that are words (or tuples that start with one), and on
//! a chain of at least [`MIN_CHAIN`] string literals joined by `|` (a `matches!` or a
//! `match` arm), unless the site is in [`ALLOWED`]. Test code (`tests/`, `examples/`,
//! `benches/`, unit-test files named `tests.rs`, and everything after a `#[cfg(test)]`
//! line, where unit tests sit by house style) may hold example words.

use std::path::{Path, PathBuf};

/// Arrays with fewer word literals are phrases of code, not lists.
const MIN_ARRAY: usize = 6;
/// `|` chains with fewer literals are a few grammatical alternatives in a rule.
const MIN_CHAIN: usize = 8;

/// Sites that stay in Rust: the file, the start of their literals joined by spaces, and
/// why.
const ALLOWED: &[(&str, &str, &str)] = &[
    (
        "crates/text/src/language.rs",
        "en es pt fr",
        "ISO 639-1 codes of the stop-word profile folders, not words",
    ),
    (
        "crates/ingest/src/html.rs",
        "head title script style",
        "HTML element names, not language",
    ),
    (
        "crates/ingest/src/html.rs",
        "p div h1 h2",
        "HTML element names, not language",
    ),
    (
        "crates/ingest/src/html.rs",
        "comment share sharing social",
        "class and id conventions of page templates, not text of any language",
    ),
    (
        "crates/ingest/src/html.rs",
        "article:published_time",
        "HTML meta names of publication dates",
    ),
    (
        "crates/ingest/src/entities.rs",
        "amp lt gt quot apos",
        "HTML character reference names",
    ),
    (
        "crates/ingest/src/entities.rs",
        "amp lt gt quot nbsp",
        "HTML character reference names accepted without `;`",
    ),
    (
        "crates/ingest/src/lib.rs",
        "readme license licence source",
        "file names of corpus notes, not text",
    ),
    (
        "crates/eval/src/gold.rs",
        "asserted reported alleged",
        "the closed modality vocabulary of the gold format",
    ),
    (
        "crates/extract/src/quotes.rs",
        "said  says  he said",
        "prefixes whose trailing space is part of the match, which a data file would hide",
    ),
    (
        "crates/extract/src/events.rs",
        "on against of to in at",
        "a column of the argument-frame table in events.rs (frames move to data as a table)",
    ),
    (
        "crates/extract/src/events.rs",
        " on against at in of to including",
        "a column of the argument-frame table in events.rs (frames move to data as a table)",
    ),
];

/// A string literal of the scanned source, or one punctuation character.
#[derive(Debug, PartialEq)]
enum Token {
    Str { value: String, line: usize },
    Punct(char),
    Other,
}

/// The tokens that matter for finding lists: string literals (plain, raw and byte),
/// brackets, commas and bars. Comments are skipped, and character literals such as
/// `'"'` are not mistaken for strings.
fn tokens(source: &str) -> Vec<Token> {
    let chars: Vec<char> = source.chars().collect();
    let mut out = Vec::new();
    let mut line = 1;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '\n' {
            line += 1;
            i += 1;
        } else if c.is_whitespace() {
            i += 1;
        } else if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    line += usize::from(chars[i] == '\n');
                    i += 1;
                }
            }
        } else if c == '"' {
            let start_line = line;
            let mut value = String::new();
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    value.push(chars[i]);
                    i += 1;
                }
                line += usize::from(chars[i] == '\n');
                value.push(chars[i]);
                i += 1;
            }
            i += 1;
            out.push(Token::Str {
                value,
                line: start_line,
            });
        } else if c == '\'' {
            // A character literal ('"', '\''), or a lifetime ('a).
            if next == Some('\\') {
                i += 2;
                while i < chars.len() && chars[i] != '\'' {
                    i += 1;
                }
                i += 1;
            } else if chars.get(i + 2) == Some(&'\'') {
                i += 3;
            } else {
                i += 1;
            }
            out.push(Token::Other);
        } else if c.is_alphanumeric() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            let raw = matches!(word.as_str(), "r" | "br");
            if raw && matches!(chars.get(i), Some('"') | Some('#')) {
                let mut hashes = 0;
                while chars.get(i) == Some(&'#') {
                    hashes += 1;
                    i += 1;
                }
                if chars.get(i) != Some(&'"') {
                    out.push(Token::Other);
                    continue;
                }
                i += 1;
                let start_line = line;
                let mut value = String::new();
                while i < chars.len() {
                    if chars[i] == '"' && (1..=hashes).all(|k| chars.get(i + k) == Some(&'#')) {
                        i += 1 + hashes;
                        break;
                    }
                    line += usize::from(chars[i] == '\n');
                    value.push(chars[i]);
                    i += 1;
                }
                out.push(Token::Str {
                    value,
                    line: start_line,
                });
            } else if word != "b" || chars.get(i) != Some(&'"') {
                // `b"..."` is read as a string on the next turn.
                out.push(Token::Other);
            }
        } else if matches!(c, '[' | ']' | '(' | ')' | ',' | '|') {
            out.push(Token::Punct(c));
            i += 1;
        } else {
            out.push(Token::Other);
            i += 1;
        }
    }
    out
}

/// A literal that reads as a word or phrase of some language: letters (with digits,
/// spaces, hyphens, apostrophes, periods or `&`), at least one letter.
fn is_word(value: &str) -> bool {
    value.chars().count() <= 40
        && value.chars().any(char::is_alphabetic)
        && value
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '\'' | '’' | '.' | '&'))
}

/// A list found in code: first line, and its literals.
#[derive(Debug)]
struct Site {
    line: usize,
    literals: Vec<String>,
}

/// Enough word literals, and few others.
fn wordy(literals: &[String], min: usize) -> bool {
    let words = literals.iter().filter(|value| is_word(value)).count();
    words >= min && words * 4 >= literals.len() * 3
}

/// The word lists in `source`: arrays of literals (or of tuples starting with one), and
/// `|` chains of literals.
fn word_lists(source: &str) -> Vec<Site> {
    let tokens = tokens(source);
    let mut sites = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if tokens[i] == Token::Punct('[')
            && let Some((literals, line)) = array_at(&tokens, i + 1)
            && wordy(&literals, MIN_ARRAY)
        {
            sites.push(Site { line, literals });
        }
        if let Token::Str { line, .. } = tokens[i] {
            let mut literals = Vec::new();
            let mut j = i;
            while let Some(Token::Str { value, .. }) = tokens.get(j) {
                literals.push(value.clone());
                if tokens.get(j + 1) == Some(&Token::Punct('|')) {
                    j += 2;
                } else {
                    break;
                }
            }
            if literals.len() > 1 {
                if wordy(&literals, MIN_CHAIN) {
                    sites.push(Site { line, literals });
                }
                i = j + 1;
                continue;
            }
        }
        i += 1;
    }
    sites
}

/// The literals of the array whose elements start at `tokens[at]`, when every element
/// is a literal or a parenthesized tuple that starts with one.
fn array_at(tokens: &[Token], mut at: usize) -> Option<(Vec<String>, usize)> {
    let mut literals = Vec::new();
    let mut first_line = None;
    loop {
        match tokens.get(at)? {
            Token::Punct(']') => break,
            Token::Str { value, line } => {
                literals.push(value.clone());
                first_line.get_or_insert(*line);
                at += 1;
            }
            Token::Punct('(') => {
                let Token::Str { value, line } = tokens.get(at + 1)? else {
                    return None;
                };
                literals.push(value.clone());
                first_line.get_or_insert(*line);
                let mut depth = 0;
                loop {
                    match tokens.get(at)? {
                        Token::Punct('(') | Token::Punct('[') => depth += 1,
                        Token::Punct(')') | Token::Punct(']') => depth -= 1,
                        _ => {}
                    }
                    at += 1;
                    if depth == 0 {
                        break;
                    }
                }
            }
            _ => return None,
        }
        match tokens.get(at)? {
            Token::Punct(',') => at += 1,
            Token::Punct(']') => break,
            _ => return None,
        }
    }
    Some((literals, first_line?))
}

/// The part of a file that is not unit tests: everything before a `#[cfg(test)]` line
/// that opens an inline module (`mod tests {`). A `#[cfg(test)]` on anything else
/// (`mod testkit;`, a helper) does not end the scan.
fn without_unit_tests(source: &str) -> &str {
    let mut at = 0;
    while let Some(found) = source[at..].find("\n#[cfg(test)]\n") {
        let start = at + found;
        let next = &source[start + "\n#[cfg(test)]\n".len()..];
        let next_line = next.lines().next().unwrap_or("");
        if next_line.starts_with("mod ") && next_line.trim_end().ends_with('{') {
            return &source[..start];
        }
        at = start + 1;
    }
    source
}

fn rust_files(folder: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(folder)
        .expect("readable folder")
        .map(|entry| entry.expect("entry").path())
        .collect();
    entries.sort();
    for path in entries {
        let name = path
            .file_name()
            .map(|name| name.to_string_lossy().to_string());
        if path.is_dir() {
            if !matches!(
                name.as_deref(),
                Some("tests" | "examples" | "benches" | "target")
            ) {
                rust_files(&path, out);
            }
        } else if path.extension().is_some_and(|extension| extension == "rs")
            && name.as_deref() != Some("tests.rs")
        {
            out.push(path);
        }
    }
}

#[test]
fn no_word_list_is_written_in_rust() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files = Vec::new();
    rust_files(&root.join("crates"), &mut files);
    assert!(files.len() > 50, "found only {} .rs files", files.len());
    let mut found = Vec::new();
    let mut used = vec![false; ALLOWED.len()];
    for file in &files {
        let path = file
            .strip_prefix(&root)
            .expect("under the root")
            .to_string_lossy()
            .replace('\\', "/");
        let source = std::fs::read_to_string(file).expect("readable source");
        for site in word_lists(without_unit_tests(&source)) {
            let joined = site.literals.join(" ");
            if let Some(index) = ALLOWED
                .iter()
                .position(|(file, start, _)| *file == path && joined.starts_with(start))
            {
                used[index] = true;
                continue;
            }
            found.push(format!(
                "{path}:{}: a word list of {} literals ({})",
                site.line,
                site.literals.len(),
                site.literals
                    .iter()
                    .take(4)
                    .map(|value| format!("{value:?}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
    }
    assert!(
        found.is_empty(),
        "word lists in Rust; put them in data/lexicon/en/ and read them through \
         pw_lexicon::words (or add the site to ALLOWED with a reason):\n{}",
        found.join("\n")
    );
    for ((file, start, _), used) in ALLOWED.iter().zip(&used) {
        assert!(used, "ALLOWED entry matches nothing: {file} {start:?}");
    }
}

#[test]
fn the_scanner_finds_new_lists_and_ignores_code() {
    let fixture = r##"
//! A module.
// const IN_A_COMMENT: &[&str] = &["a", "b", "c", "d", "e", "f"];
const HEDGES: &[&str] = &[
    "maybe", "perhaps", "possibly", "probably", "likely", "reportedly",
];
static PAIRS: &[(&str, u8)] = &[("one", 1), ("two", 2), ("three", 3), ("four", 4), ("five", 5), ("six", 6)];
fn f(word: &str, c: char) -> bool {
    let _quote = c == '"' && c != '\'';
    let _short = ["a", "b", "c"];
    let _columns = ["ent_recall", "ev_recall", "ent_precision", "a_b", "c_d", "e_f"];
    let _raw = r#"["x", "y", "z", "u", "v", "w"]"#;
    matches!(word, "in" | "at" | "on" | "of")
        || matches!(
            word,
            "was" | "were" | "been" | "being" | "is" | "are" | "be" | "got" | "get"
        )
}
#[cfg(test)]
mod testkit;
const AFTER_A_TEST_HELPER: &[&str] = &["uno", "dos", "tres", "cuatro", "cinco", "seis"];
#[cfg(test)]
mod tests {
    const EXAMPLES: &[&str] = &["one", "two", "three", "four", "five", "six"];
}
"##;
    let sites = word_lists(without_unit_tests(fixture));
    let lines: Vec<usize> = sites.iter().map(|site| site.line).collect();
    assert_eq!(lines, [5, 7, 16, 21], "{sites:?}");
    assert_eq!(sites[0].literals[0], "maybe");
    assert_eq!(sites[1].literals.len(), 6);
    assert_eq!(sites[2].literals.len(), 9);
}
