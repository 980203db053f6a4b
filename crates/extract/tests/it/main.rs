//! Golden tests for extraction: every `test_data/<case>.txt` (with its optional
//! `<case>.meta.json` sidecar) is read through pw-ingest, extracted, and dumped in a
//! stable, readable form that must equal `test_data/<case>.expect`.
//!
//! After an intended change to extraction, re-bless the goldens and review the diff:
//!
//! ```sh
//! UPDATE_EXPECT=1 cargo test -p pw-extract --test it
//! git diff crates/extract/test_data
//! ```

mod acronyms;
mod clauses;
mod event_dates;
mod linear;
mod plover;
mod spanish;
mod speakers;
mod stop;

use pw_extract::Extractor;
use pw_ingest::{Options, read_bytes};
use pw_model::{Document, EntityId, Extraction};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn test_data() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("test_data")
}

/// The case names: every `<case>.txt` in test_data, sorted.
fn cases() -> Vec<String> {
    let mut cases: Vec<String> = std::fs::read_dir(test_data())
        .expect("test_data is readable")
        .map(|entry| entry.expect("test_data entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .map(|path| {
            path.file_stem()
                .expect("a file name")
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    cases.sort();
    cases
}

/// The document of one case, made by the real ingest code (format detection,
/// cleaning, sidecar metadata, publication date).
fn document(case: &str) -> Document {
    let dir = test_data();
    let name = format!("{case}.txt");
    let bytes = std::fs::read(dir.join(&name)).expect("case text is readable");
    let sidecar = read_optional(&dir.join(format!("{case}.meta.json")));
    let out = read_bytes(&name, &bytes, sidecar.as_deref(), &Options::default());
    assert!(
        out.errors.is_empty(),
        "{case}: ingest failed: {:?}",
        out.errors
    );
    assert_eq!(out.documents.len(), 1, "{case}: expected one document");
    out.documents.into_iter().next().expect("one document")
}

fn read_optional(path: &Path) -> Option<Vec<u8>> {
    match std::fs::read(path) {
        Ok(bytes) => Some(bytes),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => None,
        Err(error) => panic!("cannot read {}: {error}", path.display()),
    }
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn name_of(extraction: &Extraction, id: EntityId) -> String {
    extraction
        .entity(id)
        .map_or_else(|| format!("?{id}"), |entity| entity.name.clone())
}

fn names_of(extraction: &Extraction, ids: &[EntityId]) -> String {
    if ids.is_empty() {
        return "-".to_string();
    }
    ids.iter()
        .map(|&id| name_of(extraction, id))
        .collect::<Vec<_>>()
        .join(" + ")
}

/// The stable, readable dump compared against `<case>.expect`. Byte spans and mention
/// counts are left out on purpose: they churn with every cleaning tweak and say little
/// a reviewer can check by eye.
fn dump(document: &Document, extraction: &Extraction) -> String {
    let meta = &document.meta;
    let mut out = String::new();
    let published = meta.published.map_or_else(
        || "unknown".to_string(),
        |date| format!("{date} ({:?})", meta.published_from).to_lowercase(),
    );
    let _ = writeln!(out, "published: {published}");
    let _ = writeln!(out, "language: {}", extraction.language);
    if let Some(outlet) = &meta.outlet {
        let _ = writeln!(out, "outlet: {outlet}");
    }

    let _ = writeln!(out, "\nentities ({}):", extraction.entities.len());
    for entity in &extraction.entities {
        let _ = write!(out, "  {} {}", entity.kind, entity.name);
        if let Some(country) = &entity.country {
            let _ = write!(out, " [{country}]");
        }
        if !entity.roles.is_empty() {
            let _ = write!(out, " roles: {}", entity.roles.join("; "));
        }
        let aliases: Vec<&str> = entity
            .aliases
            .iter()
            .map(String::as_str)
            .filter(|alias| *alias != entity.name)
            .collect();
        if !aliases.is_empty() {
            let _ = write!(out, " aka: {}", aliases.join(" | "));
        }
        out.push('\n');
    }

    let _ = writeln!(out, "\nevents ({}):", extraction.events.len());
    for event in &extraction.events {
        let date = match (&event.date, &event.date_text) {
            (Some(date), Some(text)) => format!("{date} \"{text}\""),
            (Some(date), None) => date.to_string(),
            (None, Some(text)) => format!("\"{text}\" unresolved"),
            (None, None) => "undated".to_string(),
        };
        let _ = write!(
            out,
            "  {} -{}-> {} [{date}, {}",
            names_of(extraction, &event.source),
            event.event_type,
            names_of(extraction, &event.target),
            event.modality,
        );
        if let Some(source) = event.attributed_to {
            let _ = write!(out, ", per {}", name_of(extraction, source));
        }
        out.push(']');
        if !event.equipment.is_empty() {
            let _ = write!(
                out,
                " equipment: {}",
                names_of(extraction, &event.equipment)
            );
        }
        if !event.location.is_empty() {
            let _ = write!(out, " at: {}", names_of(extraction, &event.location));
        }
        let _ = writeln!(
            out,
            "\n      / {} / {}",
            one_line(&event.trigger),
            one_line(&event.evidence)
        );
    }

    let _ = writeln!(out, "\nquotes ({}):", extraction.quotes.len());
    for quote in &extraction.quotes {
        let speaker = quote.speaker.map_or_else(
            || "(unattributed)".to_string(),
            |id| name_of(extraction, id),
        );
        let _ = writeln!(
            out,
            "  {speaker}: \u{201c}{}\u{201d}",
            one_line(&quote.text)
        );
    }
    out
}

/// A line diff (longest common subsequence): `-` expected, `+` actual, unchanged lines
/// as context only next to changes.
fn diff(expected: &str, actual: &str) -> String {
    let old: Vec<&str> = expected.lines().collect();
    let new: Vec<&str> = actual.lines().collect();
    let (n, m) = (old.len(), new.len());
    let mut lcs = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if old[i] == new[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let mut rows: Vec<(char, &str)> = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && old[i] == new[j] {
            rows.push((' ', old[i]));
            i += 1;
            j += 1;
        } else if j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j]) {
            rows.push(('+', new[j]));
            j += 1;
        } else {
            rows.push(('-', old[i]));
            i += 1;
        }
    }
    let near_change = |k: usize| {
        rows[k.saturating_sub(1)..(k + 2).min(rows.len())]
            .iter()
            .any(|(mark, _)| *mark != ' ')
    };
    let mut out = String::new();
    let mut skipped = false;
    for (k, (mark, line)) in rows.iter().enumerate() {
        if *mark == ' ' && !near_change(k) {
            if !skipped {
                out.push_str("  ...\n");
                skipped = true;
            }
            continue;
        }
        skipped = false;
        let _ = writeln!(out, "{mark} {line}");
    }
    out
}

fn updating() -> bool {
    std::env::var_os("UPDATE_EXPECT").is_some_and(|value| !value.is_empty() && value != "0")
}

#[test]
fn goldens() {
    let extractor = Extractor::new();
    let cases = cases();
    assert!(
        cases.len() >= 11,
        "expected the seed and White House cases in {}",
        test_data().display()
    );
    let mut failures = Vec::new();
    for case in &cases {
        let document = document(case);
        let actual = dump(&document, &extractor.extract(&document));
        let expect_path = test_data().join(format!("{case}.expect"));
        if updating() {
            std::fs::write(&expect_path, &actual).expect("cannot write .expect");
            continue;
        }
        let expected = match std::fs::read_to_string(&expect_path) {
            Ok(expected) => expected,
            Err(error) => {
                failures.push(format!(
                    "case {case}: cannot read {}: {error} (run with UPDATE_EXPECT=1 to create it)",
                    expect_path.display()
                ));
                continue;
            }
        };
        if expected != actual {
            failures.push(format!(
                "case {case}: extraction differs from {} (- expected, + actual):\n{}",
                expect_path.display(),
                diff(&expected, &actual)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} golden cases differ; if the change is intended, re-bless with \
         UPDATE_EXPECT=1 cargo test -p pw-extract --test it\n\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn every_expect_has_a_case() {
    let cases = cases();
    let orphans: Vec<String> = std::fs::read_dir(test_data())
        .expect("test_data is readable")
        .map(|entry| entry.expect("test_data entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "expect"))
        .filter_map(|path| {
            let stem = path.file_stem()?.to_string_lossy().into_owned();
            (!cases.contains(&stem)).then_some(stem)
        })
        .collect();
    assert!(
        orphans.is_empty(),
        ".expect files without a .txt: {orphans:?}"
    );
}

#[test]
fn extraction_is_deterministic() {
    let extractor = Extractor::new();
    for case in cases() {
        let document = document(&case);
        let first = extractor.extract(&document);
        let second = Extractor::new().extract(&document);
        assert!(first == second, "case {case}: two extractions differ");
    }
}

#[test]
fn spans_index_the_document_text() {
    let extractor = Extractor::new();
    for case in cases() {
        let document = document(&case);
        let text = document.text.as_str();
        let extraction = extractor.extract(&document);
        for entity in &extraction.entities {
            for mention in &entity.mentions {
                assert_eq!(
                    text.get(mention.span.start..mention.span.end),
                    Some(mention.text.as_str()),
                    "case {case}: mention {:?} of {} does not slice to its text",
                    mention.span,
                    entity.name
                );
            }
        }
        for event in &extraction.events {
            assert_eq!(
                event.span.slice(text),
                event.evidence,
                "case {case}: event evidence is not its span"
            );
            assert!(
                event.span.contains(event.trigger_span),
                "case {case}: trigger {:?} lies outside its sentence",
                event.trigger
            );
        }
        for quote in &extraction.quotes {
            assert!(
                text.get(quote.span.start..quote.span.end).is_some(),
                "case {case}: quote span {:?} is not a span of the text",
                quote.span
            );
        }
    }
}
