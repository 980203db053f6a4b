//! Output of `pactwatch extract`: one JSON object per article, or a readable report,
//! and the progress bar on stderr.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use pw_model::{Diagnostic, Document, DocumentMeta, Entity, EntityId, Event, Extraction, Quote};
use serde::Serialize;
use std::borrow::Cow;
use std::fmt::Write as _;

/// Text for a terminal: control characters (ESC, CR, backspace, C1 codes...) other than
/// line breaks and tabs, and the bidirectional overrides, are written as `\u{1b}`, so
/// an article can neither move the cursor, recolour, retitle the terminal, nor reorder
/// what is shown. Everything the CLI writes as text (stdout and stderr) goes through
/// this; JSON output is escaped by serde already.
pub(crate) fn terminal_safe(text: &str) -> Cow<'_, str> {
    let unsafe_char = |c: char| {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    };
    if !text.chars().any(unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut safe = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if unsafe_char(c) {
            let _ = write!(safe, "\\u{{{:x}}}", u32::from(c));
        } else {
            safe.push(c);
        }
    }
    Cow::Owned(safe)
}

/// One line on stderr, `pactwatch: …`, made terminal-safe.
pub(crate) fn warn(message: impl std::fmt::Display) {
    eprintln!("pactwatch: {}", terminal_safe(&message.to_string()));
}

/// The JSON Lines record of one article (the form of corpus/eval/README.md).
#[derive(Serialize)]
struct Record<'a> {
    document: &'a DocumentMeta,
    /// The language the article was read in (ISO 639-1).
    language: &'a str,
    /// The article text as extracted (page furniture removed, bytes repaired): every
    /// `span` in the record is a byte range into it.
    text: &'a str,
    entities: &'a [Entity],
    events: &'a [Event],
    quotes: &'a [Quote],
    diagnostics: Vec<&'a Diagnostic>,
}

pub(crate) fn json_line(document: &Document, extraction: &Extraction) -> String {
    let record = Record {
        document: &document.meta,
        language: &extraction.language,
        text: &document.text,
        entities: &extraction.entities,
        events: &extraction.events,
        quotes: &extraction.quotes,
        diagnostics: document
            .diagnostics
            .iter()
            .chain(&extraction.diagnostics)
            .collect(),
    };
    // Serializing plain data with string keys cannot fail.
    let mut line = serde_json::to_string(&record).expect("extraction serializes to JSON");
    line.push('\n');
    line
}

fn name_of(extraction: &Extraction, id: EntityId) -> &str {
    extraction
        .entity(id)
        .map_or("?", |entity| entity.name.as_str())
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

/// A readable report: entities with roles, events as `SOURCE -type-> TARGET [date, modality] "evidence"`,
/// quotes with speakers.
pub(crate) fn text_report(document: &Document, extraction: &Extraction) -> String {
    let meta = &document.meta;
    let mut out = String::new();
    let _ = writeln!(out, "== {}", meta.file.as_deref().unwrap_or("(unnamed)"));
    if let Some(title) = &meta.title {
        let _ = writeln!(out, "   title: {title}");
    }
    let published = meta.published.map_or_else(
        || "unknown".to_string(),
        |date| format!("{date} (from {:?})", meta.published_from).to_lowercase(),
    );
    let _ = writeln!(out, "   published: {published}");
    let _ = writeln!(out, "   language: {}", extraction.language);
    if let Some(outlet) = &meta.outlet {
        let _ = writeln!(out, "   outlet: {outlet}");
    }
    if let Some(language) = &meta.language {
        let from = format!("{:?}", meta.language_from).to_lowercase();
        let _ = writeln!(out, "   language: {language} (from {from})");
    }
    if let Some(url) = &meta.url {
        let _ = writeln!(out, "   url: {url}");
    }
    let _ = writeln!(out, "Entities ({}):", extraction.entities.len());
    for entity in &extraction.entities {
        let _ = write!(out, "  {:<12} {}", entity.kind.as_str(), entity.name);
        if let Some(country) = &entity.country {
            let _ = write!(out, " [{country}]");
        }
        if !entity.roles.is_empty() {
            let _ = write!(out, " — {}", entity.roles.join("; "));
        }
        let others: Vec<&str> = entity
            .aliases
            .iter()
            .map(String::as_str)
            .filter(|alias| *alias != entity.name)
            .collect();
        if !others.is_empty() {
            let _ = write!(out, " (aka {})", others.join(", "));
        }
        let _ = writeln!(out, " ×{}", entity.mentions.len());
    }
    let _ = writeln!(out, "Events ({}):", extraction.events.len());
    for event in &extraction.events {
        let date = match (&event.date, &event.date_text) {
            (Some(date), _) => date.to_string(),
            (None, Some(text)) => format!("\"{text}\" unresolved"),
            (None, None) => "undated".to_string(),
        };
        let _ = write!(
            out,
            "  {} -{}-> {} [{date}, {}]",
            names_of(extraction, &event.source),
            event.event_type,
            names_of(extraction, &event.target),
            event.modality
        );
        if !event.equipment.is_empty() {
            let _ = write!(
                out,
                " equipment: {}",
                names_of(extraction, &event.equipment)
            );
        }
        if let Some(source) = event.attributed_to {
            let _ = write!(out, " per {}", name_of(extraction, source));
        }
        let _ = writeln!(out, "\n      \"{}\"", event.evidence.replace('\n', " "));
    }
    let _ = writeln!(out, "Quotes ({}):", extraction.quotes.len());
    for quote in &extraction.quotes {
        let speaker = quote
            .speaker
            .map_or("(unattributed)", |id| name_of(extraction, id));
        let _ = writeln!(out, "  {speaker}: “{}”", quote.text.replace('\n', " "));
    }
    let diagnostics: Vec<&Diagnostic> = document
        .diagnostics
        .iter()
        .chain(&extraction.diagnostics)
        .collect();
    if !diagnostics.is_empty() {
        let _ = writeln!(out, "Diagnostics:");
        for diagnostic in diagnostics {
            let _ = writeln!(
                out,
                "  {:?} {}: {}",
                diagnostic.severity, diagnostic.code, diagnostic.message
            );
        }
    }
    out.push('\n');
    out
}

/// A progress bar on stderr, shown only when stderr is a terminal and the job is big.
pub(crate) fn progress(total: u64) -> ProgressBar {
    if total < 20 {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
    if let Ok(style) =
        ProgressStyle::with_template("{bar:40} {pos}/{len} files {per_sec} eta {eta}")
    {
        bar.set_style(style);
    }
    bar
}

#[cfg(test)]
mod tests {
    use super::terminal_safe;

    #[test]
    fn control_characters_are_escaped_for_terminals() {
        assert_eq!(terminal_safe("plain\ttext\n"), "plain\ttext\n");
        assert_eq!(
            terminal_safe("a\u{1b}]0;owned\u{7}b\u{1b}[2Jc\rd\u{9b}e\u{202e}f"),
            "a\\u{1b}]0;owned\\u{7}b\\u{1b}[2Jc\\u{d}d\\u{9b}e\\u{202e}f"
        );
    }
}
