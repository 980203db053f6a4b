//! Integration tests for pw-ingest: committed fixtures under `test_data/corpus`, and
//! large or pathological inputs generated at test time under the system temp folder.

use pw_ingest::{
    FileOutput, IngestError, Options, collect_inputs, html_to_text, read_bytes, read_file,
};
use pw_model::{DateSource, Document, PartialDate, Severity};
use std::io::Write;
use std::path::{Path, PathBuf};

fn corpus() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("test_data/corpus")
}

fn fixture(name: &str) -> PathBuf {
    corpus().join(name)
}

fn day(text: &str) -> Option<PartialDate> {
    Some(text.parse().expect("a valid test date"))
}

fn read(name: &str) -> FileOutput {
    read_file(&fixture(name), &Options::default())
}

fn only_document(out: &FileOutput) -> &Document {
    assert!(out.errors.is_empty(), "unexpected errors: {:?}", out.errors);
    assert_eq!(out.documents.len(), 1);
    &out.documents[0]
}

fn has_diagnostic(document: &Document, code: &str) -> bool {
    document.diagnostics.iter().any(|d| d.code == code)
}

/// A scratch folder under the system temp folder, removed on drop.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let path = std::env::temp_dir().join(format!("pw-ingest-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).expect("temp dir is writable");
        Scratch(path)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn html_page_keeps_the_article_and_drops_furniture() {
    let out = read("page.html");
    let document = only_document(&out);
    let text = &document.text;
    assert!(
        text.starts_with("Iran and Bolivia sign defense memorandum\n"),
        "{text}"
    );
    assert!(text.contains(
        "signed a memorandum of understanding in Tehran on Thursday, according to the state agency IRNA."
    ));
    // Entities decoded, runs of spaces and source line breaks collapsed.
    assert!(text.contains("The agreement covers “security and defense cooperation,” the ministry said — without giving details."));
    assert!(text.contains("Argentina’s foreign ministry asked La Paz for an explanation. Opposition lawmakers demanded"));
    // Block elements become paragraph breaks.
    assert!(text.contains("\nSigned: July 20\nPlace: Tehran\n"));
    assert!(
        text.ends_with("We are ready to offer advanced technology, the Iranian minister said.")
    );
    for furniture in [
        "dataLayer",
        "display: none",
        "Skip to content",
        "World",
        "Home",
        "Share on Facebook",
        "Tweet",
        "loadAd",
        "Advertisement",
        "Read more",
        "Related",
        "Venezuela and Iran expand ties",
        "Leave a Reply",
        "Please enter",
        "Post Comment",
        "Most read",
        "Another story",
        "Subscribe",
        "cookies",
        "All rights reserved",
    ] {
        assert!(
            !text.contains(furniture),
            "{furniture:?} survived in:\n{text}"
        );
    }
    assert!(!text.contains("  ") && !text.contains('\u{a0}'));
    let meta = &document.meta;
    assert_eq!(
        meta.title.as_deref(),
        Some("Iran and Bolivia sign defense memorandum")
    );
    assert_eq!(meta.outlet.as_deref(), Some("Andes Defense Review"));
    assert_eq!(
        meta.url.as_deref(),
        Some("https://andes-defense.example/2023/07/20/iran-bolivia-memorandum/")
    );
    // article:published_time beats the dated URL and the <time> element; the day as written.
    assert_eq!(meta.published, day("2023-07-21"));
    assert_eq!(meta.published_from, DateSource::Metadata);
    assert_eq!(meta.format.as_deref(), Some("html"));
    assert!(
        meta.file
            .as_deref()
            .is_some_and(|f| f.ends_with("page.html"))
    );
    assert!(has_diagnostic(document, "boilerplate_removed"));
}

#[test]
fn html_to_text_api() {
    let html = std::fs::read_to_string(fixture("page.html")).expect("fixture is readable");
    let (title, text, diagnostics) = html_to_text(&html);
    assert_eq!(
        title.as_deref(),
        Some("Iran and Bolivia sign defense memorandum")
    );
    assert!(text.contains("IRNA"));
    assert!(diagnostics.iter().all(|d| d.severity != Severity::Error));
    let (title, text, _) = html_to_text("<p>One<br>two &amp; three</p><p>four</p>");
    assert_eq!(title, None);
    assert_eq!(text, "One\ntwo & three\nfour");
}

#[test]
fn html_dates_fall_back_to_url_then_unknown() {
    let page = br#"<html><head><meta property="og:url" content="https://x.example/2024/01/15/story/"></head>
        <body><article><p>Body text.</p></article></body></html>"#;
    let out = read_bytes("story.html", page, None, &Options::default());
    let document = only_document(&out);
    assert_eq!(document.meta.published, day("2024-01-15"));
    assert_eq!(document.meta.published_from, DateSource::Url);
    let out = read_bytes(
        "story.html",
        b"<p>Body on Monday.</p>",
        None,
        &Options::default(),
    );
    let document = only_document(&out);
    assert_eq!(document.meta.published, None);
    assert_eq!(document.meta.published_from, DateSource::Unknown);
}

#[test]
fn rss_feed_entries_become_documents() {
    let out = read("wire.rss");
    assert_eq!(out.documents.len(), 2);
    let first = &out.documents[0];
    assert!(
        first
            .meta
            .file
            .as_deref()
            .is_some_and(|f| f.ends_with("wire.rss#1"))
    );
    assert_eq!(
        first.meta.title.as_deref(),
        Some("Venezuela and Iran agree on drone plant")
    );
    assert_eq!(
        first.meta.outlet.as_deref(),
        Some("Southern Cone Security Wire")
    );
    assert_eq!(
        first.meta.url.as_deref(),
        Some("https://wire.example/news/venezuela-iran-drone-plant")
    );
    // 21:30 -0400 is the next day in UTC; the day written in the feed is kept.
    assert_eq!(first.meta.published, day("2023-05-12"));
    assert_eq!(first.meta.published_from, DateSource::Metadata);
    assert_eq!(first.meta.format.as_deref(), Some("feed"));
    // content:encoded is preferred over the teaser, and cleaned as HTML.
    assert_eq!(
        first.text,
        "Iran and Venezuela signed a deal to build a drone development facility, Infobae reported on Friday.\nThe plant would assemble Mohajer-6 drones."
    );
    let second = &out.documents[1];
    assert!(
        second
            .meta
            .file
            .as_deref()
            .is_some_and(|f| f.ends_with("wire.rss#2"))
    );
    assert_eq!(second.meta.published, day("2023-07-24"));
    assert_eq!(
        second.text,
        "Argentina's foreign ministry summoned Bolivia's ambassador on Monday.\nIt asked for the text of the defense memorandum with Iran."
    );
    assert_eq!(out.errors.len(), 1);
    let message = out.errors[0].to_string();
    assert!(
        message.ends_with("wire.rss#3: entry has no content or summary"),
        "{message}"
    );
}

#[test]
fn atom_feed_entries_become_documents() {
    let out = read("briefs.atom");
    assert!(out.errors.is_empty(), "{:?}", out.errors);
    assert_eq!(out.documents.len(), 2);
    let first = &out.documents[0];
    assert_eq!(
        first.meta.outlet.as_deref(),
        Some("Hemisphere Defense Briefs")
    );
    assert_eq!(first.meta.id.as_deref(), Some("urn:example:briefs:1"));
    assert_eq!(
        first.meta.url.as_deref(),
        Some("https://briefs.example/2025/11/11/us-bolivia/")
    );
    // `published` (23:10 -05:00, the 12th in UTC) wins over `updated`, as written.
    assert_eq!(first.meta.published, day("2025-11-11"));
    assert_eq!(
        first.text,
        "U.S. Deputy Secretary of State Christopher Landau said on Monday that America is willing to help Bolivia."
    );
    let second = &out.documents[1];
    assert!(
        second
            .meta
            .file
            .as_deref()
            .is_some_and(|f| f.ends_with("briefs.atom#2"))
    );
    assert_eq!(second.meta.published, day("2025-10-02"));
    assert_eq!(
        second.text,
        "Defense ministers of the region met in Asunción."
    );
}

#[test]
fn json_lines_good_lines_survive_bad_ones() {
    let out = read("articles.jsonl");
    let ids: Vec<_> = out
        .documents
        .iter()
        .filter_map(|d| d.meta.id.as_deref())
        .collect();
    assert_eq!(ids, ["a1", "a5", "a6", "a8"]);
    let files: Vec<_> = out
        .documents
        .iter()
        .map(|d| {
            d.meta
                .file
                .as_deref()
                .and_then(|f| f.rsplit('/').next())
                .unwrap_or("")
        })
        .collect();
    assert_eq!(
        files,
        [
            "articles.jsonl#1",
            "articles.jsonl#5",
            "articles.jsonl#6",
            "articles.jsonl#8"
        ]
    );

    let a1 = &out.documents[0];
    assert_eq!(
        a1.text,
        "Iran and Bolivia signed a memorandum of understanding.\n\nThe deal covers defense."
    );
    assert_eq!(a1.meta.outlet.as_deref(), Some("Example News"));
    assert_eq!(a1.meta.title.as_deref(), Some("Iran and Bolivia sign pact"));
    assert_eq!(a1.meta.published, day("2023-07-20"));
    assert_eq!(a1.meta.format.as_deref(), Some("jsonl"));
    assert!(has_diagnostic(a1, "boilerplate_removed"));

    let a5 = &out.documents[1];
    assert_eq!(
        a5.text,
        "Venezuela's defense minister met his Iranian counterpart."
    );
    assert_eq!(a5.meta.title.as_deref(), Some("HTML record"));
    assert_eq!(a5.meta.outlet.as_deref(), Some("Wire Service"));
    assert_eq!(a5.meta.url.as_deref(), Some("https://news.example/a5"));
    assert_eq!(a5.meta.published, day("2025-02-10"));

    let a6 = &out.documents[2];
    assert_eq!(a6.meta.published, day("2025-02-10"));
    assert_eq!(a6.meta.outlet.as_deref(), Some("WH"));

    let a8 = &out.documents[3];
    assert_eq!(a8.meta.published, day("2022-05-06"));
    assert_eq!(a8.meta.published_from, DateSource::Url);

    let errors: Vec<String> = out.errors.iter().map(ToString::to_string).collect();
    assert_eq!(errors.len(), 3, "{errors:?}");
    assert!(
        errors[0].contains("articles.jsonl:2: invalid json: "),
        "{}",
        errors[0]
    );
    assert!(
        errors[1].ends_with("articles.jsonl:3: no text or html field"),
        "{}",
        errors[1]
    );
    assert!(
        errors[2].ends_with("articles.jsonl:7: empty document"),
        "{}",
        errors[2]
    );
    assert!(out.errors.iter().all(|e| !e.to_string().contains('\n')));
}

#[test]
fn sidecar_gives_metadata_and_furniture_goes() {
    let out = read("sub/000_story.txt");
    let document = only_document(&out);
    assert_eq!(
        document.text,
        "Bolivia facing questions over defense pact with Iran\n\n\
         Opposition lawmakers in La Paz demanded details of the deal signed last week.\n\n\
         The Argentine government demanded answers Monday.\n\n\
         Source: Times of Israel"
    );
    let meta = &document.meta;
    assert_eq!(meta.published, day("2023-07-30"));
    assert_eq!(meta.published_from, DateSource::Metadata);
    assert_eq!(meta.outlet.as_deref(), Some("Example Observer"));
    assert_eq!(meta.title.as_deref(), Some("Bolivia facing questions"));
    assert_eq!(
        meta.url.as_deref(),
        Some("https://observer.example/2023/07/30/bolivia-pact/")
    );
    let removed: Vec<_> = document
        .diagnostics
        .iter()
        .filter(|d| d.code == "boilerplate_removed")
        .collect();
    assert_eq!(removed.len(), 1);
    assert_eq!(
        removed[0].message,
        "removed 4 boilerplate lines (comment form 2, breadcrumb 1, category tags 1)"
    );

    // Without the sidecar, the attribution line names the outlet and no date is guessed.
    let bytes = std::fs::read(fixture("sub/000_story.txt")).expect("fixture is readable");
    let out = read_bytes("000_story.txt", &bytes, None, &Options::default());
    let document = only_document(&out);
    assert_eq!(document.meta.outlet.as_deref(), Some("Times of Israel"));
    assert_eq!(document.meta.published, None);
    assert_eq!(document.meta.published_from, DateSource::Unknown);
}

#[test]
fn bad_sidecar_is_a_warning() {
    let out = read_bytes("a.txt", b"Some text.", Some(b"{oops"), &Options::default());
    let document = only_document(&out);
    assert!(has_diagnostic(document, "sidecar_invalid"));
}

#[test]
fn dateline_and_url_dates() {
    let out = read("sub/dateline.txt");
    let document = only_document(&out);
    assert!(
        document
            .text
            .starts_with("date 2025-11-11 U.S. Deputy Secretary of State")
    );
    assert!(!document.text.contains('\r'));
    assert_eq!(document.meta.published, day("2025-11-11"));
    assert_eq!(document.meta.published_from, DateSource::Dateline);

    let out = read("sub/urldated.txt");
    let document = only_document(&out);
    assert_eq!(
        document.text,
        "Iran and Venezuela signed a deal, the outlet reported on Friday."
    );
    assert_eq!(document.meta.published, day("2021-03-04"));
    assert_eq!(document.meta.published_from, DateSource::Url);
}

#[test]
fn invalid_utf8_is_repaired_with_a_warning() {
    let out = read("latin1.txt");
    let document = only_document(&out);
    assert_eq!(
        document.text,
        "Café owners in Asunción said the “deal” was signed."
    );
    let warning = document
        .diagnostics
        .iter()
        .find(|d| d.code == "invalid_utf8")
        .expect("a repair warning");
    assert_eq!(warning.severity, Severity::Warning);
    assert!(
        warning
            .message
            .starts_with("repaired 4 invalid byte sequences")
    );

    // Mostly valid UTF-8 with a few broken bytes: replaced, counted.
    let out = read_bytes(
        "m.txt",
        b"Asunci\xc3\xb3n \xff and \xc3 end",
        None,
        &Options::default(),
    );
    let document = only_document(&out);
    assert_eq!(document.text, "Asunción \u{fffd} and \u{fffd} end");
    assert!(
        document
            .diagnostics
            .iter()
            .any(|d| d.message == "repaired 2 invalid byte sequences")
    );

    // Invalid bytes inside a JSON Lines record.
    let out = read_bytes(
        "m.jsonl",
        b"{\"text\": \"Caf\xe9 text\"}\n",
        None,
        &Options::default(),
    );
    let document = only_document(&out);
    assert_eq!(document.text, "Caf\u{fffd} text");
    assert!(has_diagnostic(document, "invalid_utf8"));
}

#[test]
fn utf16_with_bom_is_decoded() {
    let mut bytes = vec![0xff, 0xfe];
    bytes.extend(
        "Iran – Bolivia\r\nSecond line"
            .encode_utf16()
            .flat_map(u16::to_le_bytes),
    );
    let out = read_bytes("u16.txt", &bytes, None, &Options::default());
    assert_eq!(only_document(&out).text, "Iran – Bolivia\nSecond line");
}

#[test]
fn binary_and_empty_files_are_errors_naming_the_file() {
    let path = fixture("junk.bin");
    let out = read_file(&path, &Options::default());
    assert!(out.documents.is_empty());
    assert_eq!(out.errors.len(), 1);
    assert_eq!(
        out.errors[0].to_string(),
        format!("{}: binary content, not text", path.display())
    );
    assert!(matches!(out.errors[0], IngestError::Binary { .. }));

    let path = fixture("empty.txt");
    let out = read_file(&path, &Options::default());
    assert_eq!(
        out.errors[0].to_string(),
        format!("{}: empty document", path.display())
    );

    let out = read_bytes(
        "only-furniture.txt",
        b"Read more: x\nShare\n",
        None,
        &Options::default(),
    );
    assert_eq!(
        out.errors[0].to_string(),
        "only-furniture.txt: empty document"
    );

    let missing = fixture("missing.txt");
    let out = read_file(&missing, &Options::default());
    assert_eq!(
        out.errors[0].to_string(),
        format!("{}: no such file or directory", missing.display())
    );
}

#[test]
fn collect_inputs_walks_sorted_and_skips_hidden_sidecars_and_notes() {
    let missing = corpus().join("nope");
    let (files, errors) = collect_inputs(&[corpus(), missing.clone(), fixture("page.html")]);
    let names: Vec<String> = files
        .iter()
        .map(|f| f.strip_prefix(corpus()).unwrap_or(f).display().to_string())
        .collect();
    let page = fixture("page.html").display().to_string();
    assert_eq!(
        names,
        [
            "articles.jsonl",
            "briefs.atom",
            "empty.txt",
            "junk.bin",
            "latin1.txt",
            "page.html",
            "sub/000_story.txt",
            "sub/dateline.txt",
            "sub/urldated.txt",
            "wire.rss",
            "page.html",
        ]
    );
    assert_ne!(page, "");
    assert_eq!(errors.len(), 1);
    assert_eq!(
        errors[0].to_string(),
        format!("{}: no such file or directory", missing.display())
    );
}

#[test]
fn a_batch_with_bad_files_still_yields_the_good_articles() {
    let (files, _) = collect_inputs(&[corpus()]);
    let mut documents = Vec::new();
    let mut errors = Vec::new();
    for file in &files {
        let out = read_file(file, &Options::default());
        documents.extend(out.documents);
        errors.extend(out.errors);
    }
    // 4 JSON Lines + 2 Atom + 1 latin-1 + 1 HTML + 3 in sub/ (its README is a note,
    // not an article) + 2 RSS.
    assert_eq!(documents.len(), 13);
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(messages.len(), 6, "{messages:#?}");
    for error in &errors {
        let location = error.location();
        assert!(location.contains("test_data/corpus/"), "{location}");
        assert!(error.to_string().starts_with(location));
    }
    for document in &documents {
        assert!(!document.text.is_empty());
        assert!(!document.text.contains('\r'));
        assert!(!document.text.ends_with(char::is_whitespace));
    }
}

#[test]
fn size_limits_name_the_size_and_the_limit() {
    let scratch = Scratch::new("limits");
    let path = scratch.0.join("big.txt");
    std::fs::write(&path, "word ".repeat(400)).expect("temp file is writable");
    let small = Options {
        max_file_bytes: 1000,
        max_article_bytes: 500,
    };
    let out = read_file(&path, &small);
    assert_eq!(
        out.errors[0].to_string(),
        format!(
            "{}: file is 2000 bytes, over the limit of 1000 bytes",
            path.display()
        )
    );
    let out = read_file(
        &path,
        &Options {
            max_file_bytes: 4000,
            ..small.clone()
        },
    );
    assert_eq!(
        out.errors[0].to_string(),
        format!(
            "{}: article is 2000 bytes, over the limit of 500 bytes",
            path.display()
        )
    );
    // A JSON Lines line over the article limit fails alone.
    let jsonl = scratch.0.join("lines.jsonl");
    let long = format!("{{\"text\": \"{}\"}}\n", "x".repeat(800));
    std::fs::write(
        &jsonl,
        format!("{{\"text\": \"short one\"}}\n{long}{{\"text\": \"short two\"}}\n"),
    )
    .expect("temp file is writable");
    let out = read_file(&jsonl, &small);
    assert_eq!(out.documents.len(), 2);
    assert_eq!(out.documents[1].text, "short two");
    assert_eq!(
        out.documents[1].meta.file,
        Some(format!("{}#3", jsonl.display()))
    );
    assert_eq!(
        out.errors[0].to_string(),
        format!(
            "{}:2: line is 812 bytes, over the limit of 500 bytes",
            jsonl.display()
        )
    );
}

fn write_big_jsonl(path: &Path, target_bytes: usize) -> usize {
    let file = std::fs::File::create(path).expect("temp file is writable");
    let mut writer = std::io::BufWriter::new(file);
    let paragraph = "The defense ministers of Iran and Bolivia signed a memorandum of understanding in Tehran, \
                     officials said on Monday, amid questions from Argentina about drones. ";
    let mut written = 0;
    let mut lines = 0;
    while written < target_bytes {
        lines += 1;
        let line = format!(
            "{{\"id\": \"doc-{lines}\", \"url\": \"https://news.example/2024/03/{:02}/story-{lines}\", \"outlet\": \"Example\", \"text\": \"{}\"}}\n",
            lines % 28 + 1,
            paragraph.repeat(12)
        );
        written += line.len();
        writer
            .write_all(line.as_bytes())
            .expect("temp file is writable");
    }
    writer.flush().expect("temp file is writable");
    lines
}

#[test]
fn fifty_megabyte_files() {
    let scratch = Scratch::new("big");
    let path = scratch.0.join("big.jsonl");
    let lines = write_big_jsonl(&path, 50 << 20);
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    assert!(size >= 50 << 20);
    // Streams past the per-article limit (and would past the file limit too).
    let options = Options {
        max_file_bytes: 1 << 20,
        ..Options::default()
    };
    let out = read_file(&path, &options);
    assert!(out.errors.is_empty(), "{:?}", out.errors.first());
    assert_eq!(out.documents.len(), lines);
    let last = out.documents.last().expect("documents");
    assert_eq!(last.meta.id, Some(format!("doc-{lines}")));
    assert_eq!(last.meta.published_from, DateSource::Url);

    // A 50 MB plain-text file is one article over the 16 MiB default limit.
    let text = scratch.0.join("big.txt");
    std::fs::write(&text, "Iran and Bolivia. ".repeat((50 << 20) / 18 + 1))
        .expect("temp file is writable");
    let out = read_file(&text, &Options::default());
    let message = out.errors[0].to_string();
    assert!(
        message.contains("big.txt: article is 50.0 MiB ("),
        "{message}"
    );
    assert!(
        message.ends_with("over the limit of 16.0 MiB (16777216 bytes)"),
        "{message}"
    );
    // With a larger limit it is read.
    let out = read_file(
        &text,
        &Options {
            max_file_bytes: 64 << 20,
            max_article_bytes: 64 << 20,
        },
    );
    assert_eq!(out.documents.len(), 1);
    assert!(out.documents[0].text.len() >= 50 << 20);
}

#[test]
fn deeply_nested_and_malformed_html_does_not_crash() {
    let depth = 100_000;
    let mut html = String::with_capacity(depth * 12);
    html.push_str("<html><body>");
    for _ in 0..depth {
        html.push_str("<div>");
    }
    html.push_str("Deep text.");
    for _ in 0..depth {
        html.push_str("</div>");
    }
    html.push_str("<p>After.</p></body></html>");
    let (_, text, _) = html_to_text(&html);
    assert_eq!(text, "Deep text.\nAfter.");

    // Deeply nested furniture: all of it goes, what follows stays.
    let mut html = String::from("<p>Before.</p>");
    for _ in 0..depth {
        html.push_str("<div class=\"share-box\">Share");
    }
    for _ in 0..depth {
        html.push_str("</div>");
    }
    html.push_str("<p>After.</p>");
    let (_, text, _) = html_to_text(&html);
    assert_eq!(text, "Before.\nAfter.");

    // Never closed, with furniture classes, stray end tags and broken markup.
    let mut html = String::from("<p>Start.");
    for i in 0..depth {
        html.push_str(if i % 2 == 0 {
            "<div><span><b>"
        } else {
            "</i></table><td><p class=x"
        });
    }
    html.push_str(">End.");
    let out = read_bytes("broken.html", html.as_bytes(), None, &Options::default());
    let document = only_document(&out);
    assert!(document.text.starts_with("Start."));
    assert!(document.text.ends_with("End."));
}

/// Makes a named pipe with the system's `mkfifo`; false where there is none.
fn mkfifo(path: &Path) -> bool {
    std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .is_ok_and(|status| status.success())
}

#[test]
fn a_named_pipe_is_skipped_with_a_message_never_opened() {
    let scratch = Scratch::new("fifo");
    let folder = scratch.0.join("in");
    std::fs::create_dir_all(&folder).unwrap();
    for name in ["a.txt", "c.txt"] {
        std::fs::write(folder.join(name), "Iran and Bolivia signed a pact.\n").unwrap();
    }
    let pipe = folder.join("b.txt");
    if !mkfifo(&pipe) {
        eprintln!("no mkfifo here; skipped");
        return;
    }
    // Inside a folder: the two files, and one message naming the pipe.
    let (files, errors) = collect_inputs(std::slice::from_ref(&folder));
    assert_eq!(files, [folder.join("a.txt"), folder.join("c.txt")]);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(
        errors[0].to_string(),
        format!(
            "{}: skipped, not a regular file (a named pipe)",
            pipe.display()
        )
    );
    // Named on the command line: the same.
    let (files, errors) = collect_inputs(std::slice::from_ref(&pipe));
    assert!(files.is_empty());
    assert!(
        matches!(errors[..], [IngestError::NotRegular { .. }]),
        "{errors:?}"
    );
    // Read directly (a pipe made after the folder was walked): refused, not opened,
    // so this returns instead of waiting for a writer.
    let out = read_file(&pipe, &Options::default());
    assert!(out.documents.is_empty());
    assert!(
        matches!(out.errors[..], [IngestError::NotRegular { .. }]),
        "{:?}",
        out.errors
    );
    // A link to the pipe is a pipe too.
    #[cfg(unix)]
    {
        let link = folder.join("d.txt");
        std::os::unix::fs::symlink(&pipe, &link).unwrap();
        let (files, errors) = collect_inputs(std::slice::from_ref(&folder));
        assert_eq!(files.len(), 2, "{files:?}");
        assert_eq!(errors.len(), 2, "{errors:?}");
    }
}

#[test]
fn json_lines_of_the_wrong_shape_say_what_is_wrong() {
    let lines = concat!(
        "{\"text\": 5}\n",
        "\"just a string\"\n",
        "[1, 2]\n",
        "{\"html\": [\"<p>x</p>\"]}\n",
        "{\"title\": \"no body\"}\n",
        "{\"text\": 5, \"html\": \"<p>Iran and Bolivia signed a pact.</p>\"}\n",
        "{not json\n",
    );
    let out = read_bytes("in.jsonl", lines.as_bytes(), None, &Options::default());
    let messages: Vec<String> = out.errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        [
            "in.jsonl:1: the text field must be a string, not a number",
            "in.jsonl:2: a JSON Lines line must be a JSON object with a text or html field, not a string",
            "in.jsonl:3: a JSON Lines line must be a JSON object with a text or html field, not an array",
            "in.jsonl:4: the html field must be a string, not an array",
            "in.jsonl:5: no text or html field",
        ]
        .into_iter()
        .map(String::from)
        .chain([messages[5].clone()])
        .collect::<Vec<_>>()
    );
    assert!(
        messages[5].starts_with("in.jsonl:7: invalid json: "),
        "{messages:?}"
    );
    // A usable html beside a bad text is still read.
    assert_eq!(out.documents.len(), 1);
}

#[test]
fn text_of_only_unicode_spaces_is_empty() {
    for text in [
        "\u{3000}\u{2003}\u{00A0}\n\u{2009}",
        "\u{FEFF}\u{200B} \u{2060}",
    ] {
        let out = read_bytes("spaces.txt", text.as_bytes(), None, &Options::default());
        assert!(out.documents.is_empty(), "{text:?}: {:?}", out.documents);
        assert!(
            matches!(out.errors[..], [IngestError::Empty { .. }]),
            "{:?}",
            out.errors
        );
        let line = format!("{{\"text\": {}}}\n", serde_json::to_string(text).unwrap());
        let out = read_bytes("in.jsonl", line.as_bytes(), None, &Options::default());
        assert!(
            matches!(out.errors[..], [IngestError::Empty { .. }]),
            "{:?}",
            out.errors
        );
    }
}

#[test]
fn an_impossible_metadata_date_is_refused_with_a_warning() {
    let line = "{\"text\": \"Iran and Bolivia signed a pact.\", \"published\": \"2023-07-30T25:61:99Z\"}\n";
    let out = read_bytes("in.jsonl", line.as_bytes(), None, &Options::default());
    let document = only_document(&out);
    assert_eq!(document.meta.published, None);
    assert!(
        has_diagnostic(document, "unparsed_date"),
        "{:?}",
        document.diagnostics
    );
}

#[test]
fn utf32_text_is_decoded_with_a_warning() {
    let bytes: Vec<u8> = std::iter::once('\u{FEFF}')
        .chain("Iran and Bolivia signed a pact.\n".chars())
        .flat_map(|c| u32::from(c).to_le_bytes())
        .collect();
    let out = read_bytes("wide.txt", &bytes, None, &Options::default());
    let document = only_document(&out);
    assert_eq!(document.text, "Iran and Bolivia signed a pact.");
    assert!(
        has_diagnostic(document, "utf32"),
        "{:?}",
        document.diagnostics
    );
}

#[test]
fn an_empty_folder_is_an_error_naming_it() {
    let scratch = Scratch::new("empty-folder");
    let empty = scratch.0.join("empty");
    std::fs::create_dir_all(empty.join("sub")).unwrap();
    std::fs::write(empty.join(".hidden"), "x").unwrap();
    let (files, errors) = collect_inputs(std::slice::from_ref(&empty));
    assert!(files.is_empty());
    assert_eq!(
        errors.iter().map(ToString::to_string).collect::<Vec<_>>(),
        [format!(
            "{}: no files to read in this folder",
            empty.display()
        )]
    );
}
