//! Pactwatch ingest: files, HTML, feeds and JSON Lines into documents.
//!
//! Every input becomes zero or more [`Document`]s (clean UTF-8 text plus metadata) and
//! zero or more [`IngestError`]s; one bad file, line or entry never stops the others.
//!
//! # Formats
//!
//! Chosen by extension, else by sniffing the first kilobyte ([`detect_format`]):
//! plain text (`.txt`, and whatever is not recognised as something else), HTML
//! (`.html`, `.htm`; [`html_to_text`]), feeds (`.xml`, `.rss`, `.atom`; one document
//! per entry, `meta.file` = `path#N`), and JSON Lines (`.jsonl`, `.ndjson`; one article
//! per line, streamed, `meta.file` = `path#LINE`). Field names for JSON Lines and for
//! `<stem>.meta.json` sidecars are listed in [`meta`].
//!
//! # Text
//!
//! Bytes are decoded (BOMs, UTF-16, repair of invalid UTF-8, refusal of binary), then
//! every format goes through the general text pass [`clean_text`], which also drops
//! page furniture lines (rules in [`clean`]).
//!
//! # Publication date
//!
//! First from metadata (sidecar, JSON field, HTML meta/JSON-LD/`<time>`, feed), else a
//! dateline near the start of the text ([`dateline`]), else a dated URL path
//! ([`url_date`]), else unknown; [`DocumentMeta::published_from`] says which. Only a
//! calendar day counts, and nothing is guessed.
//!
//! # Outlet
//!
//! From metadata (or `og:site_name`, or the feed title), else from an attribution line
//! among the last three lines (`Source: Times of Israel`), which stays in the text,
//! else from a wire dateline (`WASHINGTON (Reuters) —`).
//!
//! # Language
//!
//! [`DocumentMeta::language`] is an ISO 639-1 code. First from metadata (sidecar or
//! JSON Lines `language`/`lang`/`inLanguage`, HTML `<html lang>`, `og:locale`,
//! content-language and `language` meta tags, JSON-LD `inLanguage`, the feed's
//! `<language>` or `xml:lang`), else detected from the text's function words
//! ([`pw_text::detect_language`]), else unknown; [`DocumentMeta::language_from`] says
//! which. A malformed tag is ignored. Articles in languages extraction does not read
//! ([`pw_text::is_supported`]) are produced all the same.

pub mod clean;
mod dates;
mod decode;
mod entities;
mod feed;
mod html;
mod language;
pub mod meta;

pub use clean::clean_text;
pub use dates::{dateline, parse_date_value, url_date};
pub use html::{HtmlPage, parse_page};

use meta::{Body, MetaFields, Record};
use pw_model::{DateSource, Diagnostic, Document, DocumentMeta};
use std::fmt;
use std::fs::File;
use std::io::{BufRead, BufReader, Cursor, Read};
use std::path::{Path, PathBuf};

/// Size limits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// Largest file read whole (text, HTML, feeds). JSON Lines files are streamed
    /// line by line and have no file limit, only the per-line one.
    pub max_file_bytes: u64,
    /// Largest single article: a text file, one JSON Lines line, the text of a page.
    pub max_article_bytes: usize,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            max_file_bytes: 64 << 20,
            max_article_bytes: 16 << 20,
        }
    }
}

/// What one file gave: its documents and what went wrong with the rest.
#[derive(Debug, Default)]
pub struct FileOutput {
    pub documents: Vec<Document>,
    pub errors: Vec<IngestError>,
}

/// A byte count, shown as `70.0 MiB (73400320 bytes)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bytes(pub u64);

impl fmt::Display for Bytes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mib = self.0 as f64 / f64::from(1u32 << 20);
        if mib >= 1.0 {
            write!(f, "{mib:.1} MiB ({} bytes)", self.0)
        } else {
            write!(f, "{} bytes", self.0)
        }
    }
}

/// Why a file, a JSON Lines line or a feed entry gave no document. `location` is the
/// path, `path:LINE` for a JSON Lines line, or `path#N` for a feed entry; `Display` is
/// one lower-case line that starts with it.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum IngestError {
    #[error("{location}: no such file or directory")]
    NotFound { location: String },
    #[error("{location}: cannot read: {reason}")]
    Read { location: String, reason: String },
    #[error("{location}: binary content, not text")]
    Binary { location: String },
    #[error("{location}: empty document")]
    Empty { location: String },
    #[error("{location}: {what} is {}, over the limit of {}", Bytes(*.size), Bytes(*.limit))]
    TooLarge {
        location: String,
        what: &'static str,
        size: u64,
        limit: u64,
    },
    #[error("{location}: {reason}")]
    Invalid { location: String, reason: String },
    /// A folder (and its subfolders) without a single file to read.
    #[error("{location}: no files to read in this folder")]
    EmptyFolder { location: String },
    /// A FIFO, socket or device: never opened (reading one can block forever).
    #[error("{location}: skipped, not a regular file ({kind})")]
    NotRegular {
        location: String,
        kind: &'static str,
    },
}

impl IngestError {
    /// The path, `path:LINE` or `path#N` the error is about.
    pub fn location(&self) -> &str {
        match self {
            IngestError::NotFound { location }
            | IngestError::Read { location, .. }
            | IngestError::Binary { location }
            | IngestError::Empty { location }
            | IngestError::TooLarge { location, .. }
            | IngestError::Invalid { location, .. }
            | IngestError::EmptyFolder { location }
            | IngestError::NotRegular { location, .. } => location,
        }
    }
}

/// Input formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Html,
    Feed,
    JsonLines,
}

impl Format {
    /// The name recorded in [`DocumentMeta::format`].
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "html",
            Format::Feed => "feed",
            Format::JsonLines => "jsonl",
        }
    }
}

fn format_from_name(name: &str) -> Option<Format> {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let (_, extension) = base.rsplit_once('.')?;
    match extension.to_ascii_lowercase().as_str() {
        "txt" | "text" => Some(Format::Text),
        "html" | "htm" | "xhtml" | "shtml" => Some(Format::Html),
        "xml" | "rss" | "atom" | "rdf" => Some(Format::Feed),
        "jsonl" | "ndjson" => Some(Format::JsonLines),
        _ => None,
    }
}

fn contains_ignore_case(haystack: &[u8], needle: &[u8]) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window.eq_ignore_ascii_case(needle))
}

/// The format of a file from its name (extension) and, when that says nothing, its
/// first kilobyte: `<rss`/`<feed`/`<rdf:RDF` is a feed, HTML tags are HTML, a first
/// line that is a JSON object is JSON Lines, anything else is text.
pub fn detect_format(name: &str, head: &[u8]) -> Format {
    if let Some(format) = format_from_name(name) {
        return format;
    }
    let head = &head[..head.len().min(1024)];
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(head.len());
    let head = &head[start..];
    match head.first() {
        Some(b'<') => {
            if [&b"<rss"[..], b"<feed", b"<rdf:rdf"]
                .iter()
                .any(|tag| contains_ignore_case(head, tag))
            {
                Format::Feed
            } else if [
                &b"<html"[..],
                b"<!doctype html",
                b"<head",
                b"<body",
                b"<div",
                b"<p>",
                b"<p ",
                b"<article",
            ]
            .iter()
            .any(|tag| contains_ignore_case(head, tag))
            {
                Format::Html
            } else {
                Format::Text
            }
        }
        Some(b'{') => {
            let line = head.split(|&b| b == b'\n').next().unwrap_or(head);
            if serde_json::from_slice::<serde_json::Map<String, serde_json::Value>>(line).is_ok() {
                Format::JsonLines
            } else {
                Format::Text
            }
        }
        _ => Format::Text,
    }
}

/// `dir/x.meta.json` for `dir/x.txt`.
pub fn sidecar_path(path: &Path) -> PathBuf {
    let stem = path.file_stem().unwrap_or_default().to_string_lossy();
    path.with_file_name(format!("{stem}.meta.json"))
}

/// Sidecars, and the notes a corpus folder keeps beside its articles (README, LICENSE,
/// SOURCE files): not articles when a folder is walked.
fn is_sidecar(path: &Path) -> bool {
    path.file_name().is_some_and(|name| {
        let name = name.to_string_lossy().to_ascii_lowercase();
        name.ends_with(".meta.json")
            || [
                "readme", "license", "licence", "source", "sources", "copying", "notice",
            ]
            .iter()
            .any(|note| name == *note || name.starts_with(&format!("{note}.")))
    })
}

fn is_hidden(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|name| name.to_string_lossy().starts_with('.'))
}

/// What a file that is neither a regular file nor a folder is, for messages.
fn special_kind(kind: std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a named pipe";
        }
        if kind.is_socket() {
            return "a socket";
        }
        if kind.is_block_device() || kind.is_char_device() {
            return "a device";
        }
    }
    let _ = kind;
    "a special file"
}

/// Expand files and folders (recursively, sorted, skipping hidden files and
/// `*.meta.json` sidecars) into the list of input files. A path that does not exist
/// is an error item, and so is a FIFO, socket or device, named or inside a folder
/// ([`IngestError::NotRegular`]: only regular files are ever opened). Files named
/// explicitly are kept as given; symbolic links to folders are not followed inside
/// folders (no cycles).
pub fn collect_inputs(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<IngestError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        let location = path.display().to_string();
        match std::fs::metadata(path) {
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                errors.push(IngestError::NotFound { location });
            }
            Err(error) => errors.push(IngestError::Read {
                location,
                reason: io_reason(&error),
            }),
            Ok(meta) if meta.is_dir() => {
                let mut found = Vec::new();
                let mut pending = vec![path.clone()];
                while let Some(dir) = pending.pop() {
                    let entries = match std::fs::read_dir(&dir) {
                        Ok(entries) => entries,
                        Err(error) => {
                            errors.push(IngestError::Read {
                                location: dir.display().to_string(),
                                reason: io_reason(&error),
                            });
                            continue;
                        }
                    };
                    for entry in entries.flatten() {
                        let child = entry.path();
                        if is_hidden(&child) {
                            continue;
                        }
                        let Ok(kind) = entry.file_type() else {
                            continue;
                        };
                        if kind.is_dir() {
                            pending.push(child);
                            continue;
                        }
                        if is_sidecar(&child) {
                            continue;
                        }
                        // Links are followed to files only, never to folders (no cycles).
                        let target = if kind.is_symlink() {
                            match std::fs::metadata(&child) {
                                Ok(meta) if meta.is_dir() => continue,
                                Ok(meta) => meta.file_type(),
                                // A dangling link: reading it will say so.
                                Err(_) => {
                                    found.push(child);
                                    continue;
                                }
                            }
                        } else {
                            kind
                        };
                        if target.is_file() {
                            found.push(child);
                        } else {
                            errors.push(IngestError::NotRegular {
                                location: child.display().to_string(),
                                kind: special_kind(target),
                            });
                        }
                    }
                }
                if found.is_empty() {
                    errors.push(IngestError::EmptyFolder { location });
                }
                found.sort();
                files.extend(found);
            }
            Ok(meta) if meta.is_file() => files.push(path.clone()),
            Ok(meta) => errors.push(IngestError::NotRegular {
                location,
                kind: special_kind(meta.file_type()),
            }),
        }
    }
    (files, errors)
}

fn io_reason(error: &std::io::Error) -> String {
    let message = error.to_string();
    let message = message.split(" (os error").next().unwrap_or(&message);
    let mut chars = message.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => "i/o error".to_string(),
    }
}

/// Read one file into documents (reads its sidecar if present).
pub fn read_file(path: &Path, options: &Options) -> FileOutput {
    let name = path.display().to_string();
    let mut out = FileOutput::default();
    let metadata = match std::fs::metadata(path) {
        Ok(metadata) => metadata,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            out.errors.push(IngestError::NotFound { location: name });
            return out;
        }
        Err(error) => {
            out.errors.push(IngestError::Read {
                location: name,
                reason: io_reason(&error),
            });
            return out;
        }
    };
    if metadata.is_dir() {
        out.errors.push(IngestError::Invalid {
            location: name,
            reason: "is a directory".to_string(),
        });
        return out;
    }
    if !metadata.is_file() {
        // Opening a FIFO for reading waits for a writer, maybe forever.
        out.errors.push(IngestError::NotRegular {
            location: name,
            kind: special_kind(metadata.file_type()),
        });
        return out;
    }
    let sidecar_file = sidecar_path(path);
    let sidecar = if sidecar_file != path && sidecar_file.is_file() {
        match std::fs::read(&sidecar_file) {
            Ok(bytes) => Some(bytes),
            Err(error) => {
                out.errors.push(IngestError::Read {
                    location: sidecar_file.display().to_string(),
                    reason: io_reason(&error),
                });
                None
            }
        }
    } else {
        None
    };
    let (given, sidecar_diagnostics) =
        sidecar_meta(&sidecar_file.display().to_string(), sidecar.as_deref());
    if format_from_name(&name) == Some(Format::JsonLines) {
        match File::open(path) {
            Ok(file) => read_jsonl(
                &name,
                BufReader::with_capacity(1 << 16, file),
                &given,
                &sidecar_diagnostics,
                options,
                &mut out,
            ),
            Err(error) => out.errors.push(IngestError::Read {
                location: name,
                reason: io_reason(&error),
            }),
        }
        return out;
    }
    if metadata.len() > options.max_file_bytes {
        out.errors.push(IngestError::TooLarge {
            location: name,
            what: "file",
            size: metadata.len(),
            limit: options.max_file_bytes,
        });
        return out;
    }
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    // Read at most one byte past the limit, in case the file grew since `metadata`.
    let read = File::open(path).and_then(|file| {
        file.take(options.max_file_bytes + 1)
            .read_to_end(&mut bytes)
    });
    if let Err(error) = read {
        out.errors.push(IngestError::Read {
            location: name,
            reason: io_reason(&error),
        });
        return out;
    }
    read_loaded(
        &name,
        &bytes,
        &given,
        &sidecar_diagnostics,
        options,
        &mut out,
    );
    out
}

/// The same from bytes already in memory (name is used for format detection and
/// messages); sidecar optional.
pub fn read_bytes(
    name: &str,
    bytes: &[u8],
    sidecar: Option<&[u8]>,
    options: &Options,
) -> FileOutput {
    let mut out = FileOutput::default();
    let (given, sidecar_diagnostics) = sidecar_meta("sidecar", sidecar);
    read_loaded(name, bytes, &given, &sidecar_diagnostics, options, &mut out);
    out
}

fn sidecar_meta(name: &str, sidecar: Option<&[u8]>) -> (MetaFields, Vec<Diagnostic>) {
    match sidecar.map(meta::parse_sidecar) {
        None => (MetaFields::default(), Vec::new()),
        Some(Ok(fields)) => (fields, Vec::new()),
        Some(Err(reason)) => (
            MetaFields::default(),
            vec![Diagnostic::warning(
                "sidecar_invalid",
                format!("{name}: ignored, not valid json: {reason}"),
            )],
        ),
    }
}

fn read_loaded(
    name: &str,
    bytes: &[u8],
    given: &MetaFields,
    sidecar_diagnostics: &[Diagnostic],
    options: &Options,
    out: &mut FileOutput,
) {
    let format = detect_format(name, bytes);
    if format == Format::JsonLines {
        read_jsonl(
            name,
            Cursor::new(bytes),
            given,
            sidecar_diagnostics,
            options,
            out,
        );
        return;
    }
    let too_large = |what, size: usize, limit: u64| IngestError::TooLarge {
        location: name.to_string(),
        what,
        size: size as u64,
        limit,
    };
    if bytes.len() as u64 > options.max_file_bytes {
        out.errors
            .push(too_large("file", bytes.len(), options.max_file_bytes));
        return;
    }
    if format == Format::Text && bytes.len() > options.max_article_bytes {
        out.errors.push(too_large(
            "article",
            bytes.len(),
            options.max_article_bytes as u64,
        ));
        return;
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        out.errors.push(IngestError::Empty {
            location: name.to_string(),
        });
        return;
    }
    if format == Format::Feed {
        read_feed(name, bytes, given, sidecar_diagnostics, options, out);
        return;
    }
    let (text, mut diagnostics) = match decode::decode(bytes) {
        Ok(decoded) => decoded,
        Err(decode::DecodeError::Binary) => {
            out.errors.push(IngestError::Binary {
                location: name.to_string(),
            });
            return;
        }
    };
    diagnostics.extend_from_slice(sidecar_diagnostics);
    let body = match format {
        Format::Html => Body::Html(text.into_owned()),
        _ => Body::Text(text.into_owned()),
    };
    let result = assemble(
        name.to_string(),
        format,
        body,
        given.clone(),
        diagnostics,
        options,
    );
    match result {
        Ok(document) => out.documents.push(document),
        Err(failure) => out.errors.push(failure.at(name.to_string())),
    }
}

/// Why one article could not be made, before it is given a location.
enum Failure {
    Empty,
    TooLarge(usize, usize),
}

impl Failure {
    fn at(self, location: String) -> IngestError {
        match self {
            Failure::Empty => IngestError::Empty { location },
            Failure::TooLarge(size, limit) => IngestError::TooLarge {
                location,
                what: "article",
                size: size as u64,
                limit: limit as u64,
            },
        }
    }
}

/// Collapses white space and drops tags from a short inline value (a title).
pub(crate) fn clean_inline(value: &str) -> String {
    let value = if value.contains('<') {
        parse_page(value).text.replace('\n', " ")
    } else {
        entities::decode_all(value)
    };
    value.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The longest prefix of `text` of at most `max` bytes that ends on a char boundary.
pub(crate) fn prefix(text: &str, max: usize) -> &str {
    let mut end = text.len().min(max);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Cleans a body and resolves metadata into a document. `file` is what
/// `meta.file` records.
fn assemble(
    file: String,
    format: Format,
    body: Body,
    given: MetaFields,
    mut diagnostics: Vec<Diagnostic>,
    options: &Options,
) -> Result<Document, Failure> {
    let mut page_dates = Vec::new();
    let mut page_languages = Vec::new();
    let mut site_name = None;
    let (text, title, url) = match body {
        Body::Text(raw) => {
            let (text, clean_diagnostics) = clean_text(&raw);
            diagnostics.extend(clean_diagnostics);
            (text, given.title.clone(), given.url.clone())
        }
        Body::Html(raw) => {
            let page = parse_page(&raw);
            diagnostics.extend(page.diagnostics);
            page_dates = page.published;
            page_languages = page.languages;
            site_name = page.site_name;
            (
                page.text,
                given.title.clone().or(page.title),
                given.url.clone().or(page.url),
            )
        }
    };
    // Unicode spaces (U+3000, U+00A0...) and invisible format characters are no text.
    if text.chars().all(|c| {
        c.is_whitespace() || matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}')
    }) {
        return Err(Failure::Empty);
    }
    if text.len() > options.max_article_bytes {
        return Err(Failure::TooLarge(text.len(), options.max_article_bytes));
    }
    let mut published = None;
    let mut published_from = DateSource::Unknown;
    for value in given.published.iter().chain(&page_dates) {
        if let Some(date) = parse_date_value(value) {
            published = Some(date);
            published_from = DateSource::Metadata;
            break;
        }
        diagnostics.push(Diagnostic::warning(
            "unparsed_date",
            format!(
                "metadata date {:?} is not a valid calendar day (and time); ignored",
                prefix(value, 80)
            ),
        ));
    }
    if published.is_none() {
        if let Some(date) = dateline(&text) {
            published = Some(date);
            published_from = DateSource::Dateline;
        } else if let Some(date) = url.as_deref().and_then(url_date) {
            published = Some(date);
            published_from = DateSource::Url;
        }
    }
    let outlet = given
        .outlet
        .clone()
        .or(site_name)
        .or_else(|| clean::source_line_outlet(&text))
        .or_else(|| clean::wire_outlet(&text));
    let (language, language_from) = language::resolve(
        given
            .language
            .as_deref()
            .into_iter()
            .chain(page_languages.iter().map(String::as_str)),
        &text,
    );
    Ok(Document {
        meta: DocumentMeta {
            file: Some(file),
            id: given.id,
            url,
            title,
            outlet,
            published,
            published_from,
            language,
            language_from,
            format: Some(format.name().to_string()),
        },
        text,
        diagnostics,
    })
}

fn read_feed(
    name: &str,
    bytes: &[u8],
    given: &MetaFields,
    sidecar_diagnostics: &[Diagnostic],
    options: &Options,
    out: &mut FileOutput,
) {
    let (outlet, entries) = match feed::parse(bytes) {
        Ok(parsed) => parsed,
        Err(reason) => {
            let error = if decode::decode(bytes).is_err() {
                IngestError::Binary {
                    location: name.to_string(),
                }
            } else {
                IngestError::Invalid {
                    location: name.to_string(),
                    reason: format!("not a readable feed: {reason}"),
                }
            };
            out.errors.push(error);
            return;
        }
    };
    if entries.is_empty() {
        out.errors.push(IngestError::Invalid {
            location: name.to_string(),
            reason: "feed has no entries".to_string(),
        });
    }
    let feed_meta = MetaFields {
        outlet,
        ..MetaFields::default()
    }
    .or(given);
    for (index, entry) in entries.into_iter().enumerate() {
        let location = format!("{name}#{}", index + 1);
        let Some(body) = entry.body else {
            out.errors.push(IngestError::Invalid {
                location,
                reason: "entry has no content or summary".to_string(),
            });
            continue;
        };
        let meta = entry.meta.or(&feed_meta);
        match assemble(
            location.clone(),
            Format::Feed,
            body,
            meta,
            sidecar_diagnostics.to_vec(),
            options,
        ) {
            Ok(document) => out.documents.push(document),
            Err(failure) => out.errors.push(failure.at(location)),
        }
    }
}

/// Streams JSON Lines: each line is read with a bound of `max_article_bytes`, so a
/// file of any size works in bounded memory. Blank lines are skipped.
fn read_jsonl<R: BufRead>(
    name: &str,
    mut reader: R,
    given: &MetaFields,
    sidecar_diagnostics: &[Diagnostic],
    options: &Options,
    out: &mut FileOutput,
) {
    let limit = options.max_article_bytes as u64;
    let mut buffer = Vec::new();
    let mut line_number = 0u64;
    loop {
        buffer.clear();
        line_number += 1;
        let location = || format!("{name}:{line_number}");
        match (&mut reader).take(limit + 1).read_until(b'\n', &mut buffer) {
            Ok(0) => break,
            Ok(_) => {}
            Err(error) => {
                out.errors.push(IngestError::Read {
                    location: location(),
                    reason: io_reason(&error),
                });
                break;
            }
        }
        if buffer.len() as u64 > limit && buffer.last() != Some(&b'\n') {
            // The size of the line without its line break.
            let size = buffer.len() as u64 + skip_line(&mut reader);
            out.errors.push(IngestError::TooLarge {
                location: location(),
                what: "line",
                size,
                limit,
            });
            continue;
        }
        let line = buffer.trim_ascii();
        if line.is_empty() {
            continue;
        }
        let mut diagnostics = sidecar_diagnostics.to_vec();
        let text = match std::str::from_utf8(line) {
            Ok(text) => std::borrow::Cow::Borrowed(text),
            Err(_) => {
                let invalid = line
                    .utf8_chunks()
                    .filter(|c| !c.invalid().is_empty())
                    .count();
                diagnostics.push(Diagnostic::warning(
                    "invalid_utf8",
                    format!("repaired {invalid} invalid byte sequences"),
                ));
                String::from_utf8_lossy(line)
            }
        };
        // Only an object is a record (serde would also take an array, field by field).
        let parsed = if line.first() == Some(&b'{') {
            serde_json::from_str(&text)
        } else {
            serde_json::from_str::<serde_json::Value>(&text)
                .and_then(|value| Err(serde::de::Error::custom(meta::kind_of(&value))))
        };
        let mut record: Record = match parsed {
            Ok(record) => record,
            Err(error) => {
                // Valid JSON of another shape says so, instead of serde's "expected
                // struct Record".
                let reason = match serde_json::from_str::<serde_json::Value>(&text) {
                    Ok(value) => format!(
                        "a JSON Lines line must be a JSON object with a text or html field, not {}",
                        meta::kind_of(&value)
                    ),
                    Err(_) => format!("invalid json: {error}"),
                };
                out.errors.push(IngestError::Invalid {
                    location: location(),
                    reason,
                });
                continue;
            }
        };
        let body = match record.take_body() {
            Ok(body) => body,
            Err(reason) => {
                out.errors.push(IngestError::Invalid {
                    location: location(),
                    reason,
                });
                continue;
            }
        };
        let meta = record.meta().or(given);
        let file = format!("{name}#{line_number}");
        match assemble(file, Format::JsonLines, body, meta, diagnostics, options) {
            Ok(document) => out.documents.push(document),
            Err(failure) => out.errors.push(failure.at(location())),
        }
    }
}

/// Consumes the rest of an over-long line and its line break; returns how many bytes
/// of the line were skipped (not counting the line break).
fn skip_line<R: BufRead>(reader: &mut R) -> u64 {
    let mut skipped = 0u64;
    loop {
        let (used, line_end) = match reader.fill_buf() {
            Ok([]) | Err(_) => return skipped,
            Ok(available) => match memchr::memchr(b'\n', available) {
                Some(at) => (at + 1, Some(at)),
                None => (available.len(), None),
            },
        };
        reader.consume(used);
        if let Some(at) = line_end {
            return skipped + at as u64;
        }
        skipped += used as u64;
    }
}

/// Clean one HTML page into (title, text, diagnostics).
pub fn html_to_text(html: &str) -> (Option<String>, String, Vec<Diagnostic>) {
    let page = parse_page(html);
    (page.title, page.text, page.diagnostics)
}

#[cfg(test)]
mod tests {
    use super::*;
    use pw_model::LanguageSource;

    #[test]
    fn detects_formats() {
        assert_eq!(detect_format("a.txt", b"<html>"), Format::Text);
        assert_eq!(detect_format("a.HTM", b""), Format::Html);
        assert_eq!(
            detect_format("dir.v2/a", b"  <?xml version='1.0'?><rss version='2.0'>"),
            Format::Feed
        );
        assert_eq!(
            detect_format(
                "a",
                b"<?xml version='1.0'?>\n<feed xmlns='http://www.w3.org/2005/Atom'>"
            ),
            Format::Feed
        );
        assert_eq!(
            detect_format("a.dat", b"<!DOCTYPE html><html>"),
            Format::Html
        );
        assert_eq!(
            detect_format("a", b"{\"text\": \"x\"}\n{\"text\": \"y\"}"),
            Format::JsonLines
        );
        assert_eq!(detect_format("a", b"{not json"), Format::Text);
        assert_eq!(detect_format("a", b"Plain words <b>"), Format::Text);
    }

    #[test]
    fn error_messages_are_one_line_and_name_the_place() {
        let error = IngestError::TooLarge {
            location: "x/big.txt".into(),
            what: "file",
            size: 70 << 20,
            limit: 64 << 20,
        };
        assert_eq!(
            error.to_string(),
            "x/big.txt: file is 70.0 MiB (73400320 bytes), over the limit of 64.0 MiB (67108864 bytes)"
        );
        assert_eq!(error.location(), "x/big.txt");
        assert_eq!(
            IngestError::Binary {
                location: "corpus/x.bin".into()
            }
            .to_string(),
            "corpus/x.bin: binary content, not text"
        );
    }

    #[test]
    fn text_document_with_dateline_and_source() {
        let out = read_bytes(
            "003.txt",
            b" date 2025-11-11 U.S. official spoke on Monday.\r\n\r\nSource: Example Wire\r\n",
            None,
            &Options::default(),
        );
        let document = &out.documents[0];
        assert_eq!(
            document.text,
            "date 2025-11-11 U.S. official spoke on Monday.\n\nSource: Example Wire"
        );
        assert_eq!(document.meta.published, Some("2025-11-11".parse().unwrap()));
        assert_eq!(document.meta.published_from, DateSource::Dateline);
        assert_eq!(document.meta.outlet.as_deref(), Some("Example Wire"));
        assert_eq!(document.meta.format.as_deref(), Some("text"));
    }

    #[test]
    fn metadata_date_beats_dateline_and_bad_value_is_reported() {
        let sidecar = br#"{"published": "2023-07-30", "url": "https://x.test/2020/01/01/a"}"#;
        let out = read_bytes(
            "a.txt",
            b"2025-11-11\nBody.",
            Some(sidecar),
            &Options::default(),
        );
        assert_eq!(out.documents[0].meta.published_from, DateSource::Metadata);
        let sidecar = br#"{"published": "last week", "url": "https://x.test/2020/01/02/a"}"#;
        let out = read_bytes("a.txt", b"Body.", Some(sidecar), &Options::default());
        let document = &out.documents[0];
        assert_eq!(document.meta.published_from, DateSource::Url);
        assert_eq!(document.meta.published, Some("2020-01-02".parse().unwrap()));
        assert_eq!(document.diagnostics[0].code, "unparsed_date");
    }

    fn language_of(
        name: &str,
        bytes: &[u8],
        sidecar: Option<&[u8]>,
    ) -> (Option<String>, LanguageSource) {
        let out = read_bytes(name, bytes, sidecar, &Options::default());
        assert!(out.errors.is_empty(), "{:?}", out.errors);
        let meta = &out.documents[0].meta;
        (meta.language.clone(), meta.language_from)
    }

    const ENGLISH: &str =
        "The minister said that the government of Bolivia and the people of Iran would sign it.";

    #[test]
    fn language_from_each_metadata_source() {
        let metadata = |code: &str| (Some(code.to_string()), LanguageSource::Metadata);
        let line = format!("{{\"text\": \"{ENGLISH}\", \"language\": \"es-AR\"}}\n");
        assert_eq!(
            language_of("a.jsonl", line.as_bytes(), None),
            metadata("es")
        );
        let line = format!("{{\"text\": \"{ENGLISH}\", \"inLanguage\": \"spa\"}}\n");
        assert_eq!(
            language_of("a.jsonl", line.as_bytes(), None),
            metadata("es")
        );
        let html = format!("<html lang=\"es-MX\"><body><p>{ENGLISH}</p></body></html>");
        assert_eq!(language_of("a.html", html.as_bytes(), None), metadata("es"));
        let html = format!(
            "<html><head><meta property=\"og:locale\" content=\"pt_BR\"></head><body><p>{ENGLISH}</p></body></html>"
        );
        assert_eq!(language_of("a.html", html.as_bytes(), None), metadata("pt"));
        let html = format!(
            "<html><head><meta http-equiv=\"Content-Language\" content=\"es, en\"></head><body><p>{ENGLISH}</p></body></html>"
        );
        assert_eq!(language_of("a.html", html.as_bytes(), None), metadata("es"));
        let html = format!(
            "<html lang=\"??\"><head><meta name=\"language\" content=\"fr\"></head><body><p>{ENGLISH}</p></body></html>"
        );
        assert_eq!(language_of("a.html", html.as_bytes(), None), metadata("fr"));
        let html = format!(
            "<html><head><script type=\"application/ld+json\">{{\"@type\": \"NewsArticle\", \"inLanguage\": \"es-ES\"}}</script></head><body><p>{ENGLISH}</p></body></html>"
        );
        assert_eq!(language_of("a.html", html.as_bytes(), None), metadata("es"));
        let rss = format!(
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Diario</title><language>es-ar</language><item><title>Pacto</title><description>{ENGLISH}</description></item></channel></rss>"
        );
        assert_eq!(language_of("a.rss", rss.as_bytes(), None), metadata("es"));
        let sidecar = br#"{"language": "ES"}"#;
        assert_eq!(
            language_of("a.txt", ENGLISH.as_bytes(), Some(sidecar)),
            metadata("es")
        );
        // A JSON Lines field beats the sidecar; the sidecar fills in for a line without one.
        let lines =
            format!("{{\"text\": \"{ENGLISH}\", \"lang\": \"en\"}}\n{{\"text\": \"{ENGLISH}\"}}\n");
        let out = read_bytes(
            "a.jsonl",
            lines.as_bytes(),
            Some(br#"{"language": "es"}"#),
            &Options::default(),
        );
        let languages: Vec<_> = out
            .documents
            .iter()
            .map(|d| d.meta.language.as_deref())
            .collect();
        assert_eq!(languages, [Some("en"), Some("es")]);
    }

    #[test]
    fn language_detected_without_metadata() {
        let spanish = "El ministro de Defensa de Bolivia firmó un memorando de entendimiento con Irán, según la agencia.";
        assert_eq!(
            language_of("a.txt", spanish.as_bytes(), None),
            (Some("es".to_string()), LanguageSource::Detected)
        );
        let french = "Le ministre a signé un accord avec le gouvernement iranien dans la capitale, et il est parti pour Paris.";
        let out = read_bytes("a.txt", french.as_bytes(), None, &Options::default());
        assert_eq!(
            out.documents.len(),
            1,
            "an unsupported language is still ingested"
        );
        let meta = &out.documents[0].meta;
        assert_eq!(meta.language.as_deref(), Some("fr"));
        assert_eq!(meta.language_from, LanguageSource::Detected);
        // A malformed tag is ignored: the text decides.
        let sidecar = br#"{"language": "no such language!"}"#;
        assert_eq!(
            language_of("a.txt", spanish.as_bytes(), Some(sidecar)),
            (Some("es".to_string()), LanguageSource::Detected)
        );
        assert_eq!(
            language_of("a.txt", b"Iran Bolivia drones", None),
            (None, LanguageSource::Unknown)
        );
    }

    #[test]
    fn prefix_respects_char_boundaries() {
        assert_eq!(prefix("aé", 2), "a");
        assert_eq!(prefix("abc", 10), "abc");
    }
}
