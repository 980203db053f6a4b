//! Checks of the word-list files under `data/lexicon/<language>/`: every file is
//! registered in `pw_lexicon::words`, opens with a comment saying what the list is for
//! and how it is matched, and holds no duplicate, empty or padded entries; entries are
//! lowercase where the lookups lowercase the text.

use pw_lexicon::words::{Case, TABLES, all_pair_lists, all_word_lists};
use std::collections::BTreeSet;
use std::path::Path;

/// The problems of one list file: `source` is its text, `columns` 1 for `.txt` and 2
/// for `.tsv`.
fn problems(path: &str, source: &str, case: Case, columns: usize) -> Vec<String> {
    let mut problems = Vec::new();
    let mut lines = source.lines().enumerate().peekable();
    let mut header = Vec::new();
    while let Some((_, line)) = lines.next_if(|(_, line)| line.starts_with('#')) {
        header.push(line);
    }
    if header.is_empty() {
        problems.push(format!("{path}: no header comment (what the list is for)"));
    } else if !header.iter().any(|line| line.contains("Matched")) {
        problems.push(format!(
            "{path}: the header does not say how entries are matched"
        ));
    }
    if !source.ends_with('\n') {
        problems.push(format!("{path}: no newline at the end"));
    }
    let mut seen = BTreeSet::new();
    for (index, line) in lines {
        let at = format!("{path}:{}", index + 1);
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if line.contains('\r') {
            problems.push(format!("{at}: carriage return"));
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() != columns {
            problems.push(format!(
                "{at}: {} tab-separated fields, expected {columns}: {line:?}",
                fields.len()
            ));
            continue;
        }
        for field in &fields {
            if field.trim().is_empty() {
                problems.push(format!("{at}: empty entry"));
            } else if field.trim() != *field {
                problems.push(format!("{at}: spaces around {field:?}"));
            }
        }
        let key = fields[0];
        if case == Case::Lower && key.to_lowercase() != key {
            problems.push(format!(
                "{at}: {key:?} is not lowercase (the list is matched lowercase)"
            ));
        }
        if !seen.insert(key) {
            problems.push(format!("{at}: duplicate {key:?}"));
        }
    }
    problems
}

#[test]
fn every_list_file_is_well_formed() {
    let mut all = Vec::new();
    for list in all_word_lists() {
        all.extend(problems(list.path(), list.source(), list.case(), 1));
        assert!(!list.list().is_empty(), "{} is empty", list.path());
    }
    for list in all_pair_lists() {
        all.extend(problems(list.path(), list.source(), list.case(), 2));
        assert!(!list.pairs().is_empty(), "{} is empty", list.path());
    }
    assert!(all.is_empty(), "word-list files:\n{}", all.join("\n"));
}

#[test]
fn every_file_is_registered_and_every_registered_file_exists() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/lexicon");
    let mut on_disk = BTreeSet::new();
    for language in std::fs::read_dir(&root).expect("data/lexicon") {
        let language = language.expect("entry");
        if !language.file_type().expect("type").is_dir() {
            continue;
        }
        for file in std::fs::read_dir(language.path()).expect("language folder") {
            let file = file.expect("entry");
            on_disk.insert(format!(
                "{}/{}",
                language.file_name().to_string_lossy(),
                file.file_name().to_string_lossy()
            ));
        }
    }
    let registered: BTreeSet<String> = all_word_lists()
        .map(|list| list.path().to_string())
        .chain(all_pair_lists().map(|list| list.path().to_string()))
        .collect();
    let on_disk: BTreeSet<String> = on_disk
        .into_iter()
        .filter(|path| !TABLES.contains(&path.as_str()))
        .collect();
    let unregistered: Vec<&String> = on_disk.difference(&registered).collect();
    let missing: Vec<&String> = registered.difference(&on_disk).collect();
    assert!(
        unregistered.is_empty(),
        "files no list in pw_lexicon::words reads (add them there): {unregistered:?}"
    );
    assert!(missing.is_empty(), "registered but absent: {missing:?}");
    for path in &registered {
        let suffix = if all_pair_lists().any(|list| list.path() == path) {
            ".tsv"
        } else {
            ".txt"
        };
        assert!(path.ends_with(suffix), "{path} should end in {suffix}");
    }
}

#[test]
fn the_check_finds_each_kind_of_problem() {
    let bad = "sen\nSen\n\nminister \nsen\n";
    let found = problems("en/bad.txt", bad, Case::Lower, 1);
    let text = found.join("\n");
    assert!(text.contains("no header comment"), "{text}");
    assert!(
        text.contains("en/bad.txt:2: \"Sen\" is not lowercase"),
        "{text}"
    );
    assert!(text.contains("en/bad.txt:4: spaces around"), "{text}");
    assert!(text.contains("en/bad.txt:5: duplicate \"sen\""), "{text}");
    let pairs = "# Cues.\n# Matched: lowercase.\nmay\tspeculative\nmight\n\t\n";
    let text = problems("en/bad.tsv", pairs, Case::Lower, 2).join("\n");
    assert!(
        text.contains("en/bad.tsv:4: 1 tab-separated fields"),
        "{text}"
    );
    assert!(text.contains("en/bad.tsv:5: empty entry"), "{text}");
    assert!(
        problems(
            "en/ok.txt",
            "# A list.\n# Matched: exactly.\n\nMr\n",
            Case::Exact,
            1
        )
        .is_empty()
    );
}
