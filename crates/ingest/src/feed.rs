//! RSS and Atom feeds (and JSON Feed) through feed-rs: one document per entry, with
//! the entry's title, link and date, and the feed's title as the outlet. The language
//! is the entry's `xml:lang` (Atom), else the feed's (`xml:lang` on an Atom `<feed>`,
//! the RSS channel's `<language>`, a JSON Feed's `language`).
//!
//! Entry dates keep the calendar day *as written* in the feed: feed-rs is given a
//! timestamp parser that maps `Mon, 10 Feb 2025 22:00:00 -0500` to 2025-02-10 (not to
//! the UTC day, 2025-02-11). An entry without `published` falls back to `updated`.
//!
//! Entry ids: the feed's own (`<guid>`, `<id>`); else, with a link, feed-rs's hash of
//! link and title (the URL is the identity then anyway); else a hash of the feed's link,
//! the entry's title, date and whitespace-normalized content (`item-<32 hex>`), never
//! feed-rs's random UUID, so the same entry read twice is the same article.

use crate::meta::{Body, MetaFields};
use chrono::{DateTime, Datelike, Utc};
use pw_model::PartialDate;

/// One entry, ready to be assembled into a document.
pub(crate) struct Entry {
    pub meta: MetaFields,
    pub body: Option<Body>,
}

fn midnight(date: PartialDate) -> Option<DateTime<Utc>> {
    match date {
        PartialDate::Day { year, month, day } => {
            chrono::NaiveDate::from_ymd_opt(year, u32::from(month), u32::from(day))
                .and_then(|d| d.and_hms_opt(0, 0, 0))
                .map(|t| t.and_utc())
        }
        _ => None,
    }
}

/// Parses a feed; the error is feed-rs's reason, in lower case.
pub(crate) fn parse(bytes: &[u8]) -> Result<(Option<String>, Vec<Entry>), String> {
    let parser = feed_rs::parser::Builder::new()
        .sanitize_content(false)
        .timestamp_parser(|value| crate::dates::parse_date_value(value).and_then(midnight))
        // No random ids: entries without id or link get `item_id` below.
        .id_generator(|links, title, uri| {
            if links.is_empty() {
                String::new()
            } else {
                feed_rs::parser::generate_id(links, title, uri)
            }
        })
        .build();
    let feed = parser.parse(bytes).map_err(|error| {
        // One short line: the parser's message can quote the input, line breaks included.
        let message = error
            .to_string()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let message = match message.char_indices().nth(200) {
            Some((at, _)) => format!("{}…", &message[..at]),
            None => message,
        };
        let mut chars = message.chars();
        match chars.next() {
            Some(first) => first.to_lowercase().chain(chars).collect(),
            None => "unreadable feed".to_string(),
        }
    })?;
    let outlet = feed
        .title
        .as_ref()
        .map(|t| crate::clean_inline(&t.content))
        .filter(|t| !t.is_empty());
    let feed_link = feed.links.first().map(|link| link.href.clone());
    let feed_language = feed.language.as_deref().and_then(pw_text::language_code);
    let entries = feed
        .entries
        .into_iter()
        .map(|entry| {
            let url = entry
                .links
                .iter()
                .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
                .or(entry.links.first())
                .map(|l| l.href.clone());
            let published = entry.published.or(entry.updated).map(|t| {
                let date = t.date_naive();
                format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
            });
            let body = entry
                .content
                .as_ref()
                .and_then(|c| {
                    c.body
                        .as_ref()
                        .map(|b| (b.clone(), c.content_type.as_str().contains("html")))
                })
                .or_else(|| {
                    entry
                        .summary
                        .as_ref()
                        .map(|s| (s.content.clone(), s.content_type.as_str().contains("html")))
                })
                .filter(|(body, _)| !body.trim().is_empty())
                .map(|(body, html)| {
                    // Declared HTML without tags or references is plain text: keep
                    // its line breaks rather than folding them as HTML would.
                    if looks_like_markup(&body) || (html && body.contains('&')) {
                        Body::Html(body)
                    } else {
                        Body::Text(body)
                    }
                });
            let title = entry
                .title
                .as_ref()
                .map(|t| crate::clean_inline(&t.content))
                .filter(|t| !t.is_empty());
            let id = if entry.id.is_empty() {
                item_id(
                    feed_link.as_deref(),
                    title.as_deref(),
                    published.as_deref(),
                    body.as_ref(),
                )
            } else {
                entry.id
            };
            Entry {
                meta: MetaFields {
                    id: Some(id),
                    url,
                    title,
                    outlet: None,
                    published,
                    language: entry
                        .language
                        .as_deref()
                        .and_then(pw_text::language_code)
                        .or_else(|| feed_language.clone()),
                },
                body,
            }
        })
        .collect();
    Ok((outlet, entries))
}

/// The id of an entry that has neither id nor link: XXH3-128 over the feed's link, the
/// title, the date and the content with runs of whitespace collapsed, each part
/// length-prefixed so that no two different entries share an input.
fn item_id(
    feed_link: Option<&str>,
    title: Option<&str>,
    published: Option<&str>,
    body: Option<&Body>,
) -> String {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    let mut part = |value: Option<&str>| {
        let value = value.unwrap_or("");
        hasher.update(&(value.len() as u64).to_le_bytes());
        hasher.update(value.as_bytes());
    };
    part(feed_link);
    part(title);
    part(published);
    let content = body.map(|body| match body {
        Body::Text(text) | Body::Html(text) => {
            text.split_whitespace().collect::<Vec<_>>().join(" ")
        }
    });
    part(content.as_deref());
    format!("item-{:032x}", hasher.digest128())
}

/// Text that carries tags (`<p>`, `<br/>`, `</a>`) and so is HTML, whatever its type says.
fn looks_like_markup(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr_iter(b'<', bytes).any(|at| {
        bytes
            .get(at + 1)
            .is_some_and(|b| b.is_ascii_alphabetic() || *b == b'/' || *b == b'!')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rss_dates_keep_the_written_day() {
        let rss = br#"<?xml version="1.0"?><rss version="2.0"><channel><title>Wire &amp; Co</title>
            <item><title>Late story</title><link>https://wire.test/late</link>
            <pubDate>Mon, 10 Feb 2025 22:30:00 -0500</pubDate>
            <description>Plain summary.</description></item></channel></rss>"#;
        let (outlet, entries) = parse(rss).unwrap();
        assert_eq!(outlet.as_deref(), Some("Wire & Co"));
        assert_eq!(entries[0].meta.published.as_deref(), Some("2025-02-10"));
        assert_eq!(
            entries[0].meta.url.as_deref(),
            Some("https://wire.test/late")
        );
        assert!(matches!(&entries[0].body, Some(Body::Text(t)) if t == "Plain summary."));
    }

    #[test]
    fn languages_of_rss_channels_and_atom_entries() {
        let rss = br#"<?xml version="1.0"?><rss version="2.0"><channel><title>Diario</title>
            <language>es-ar</language>
            <item><title>Pacto</title><description>Texto.</description></item></channel></rss>"#;
        let (_, entries) = parse(rss).unwrap();
        assert_eq!(entries[0].meta.language.as_deref(), Some("es"));
        let atom = br#"<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
            <title>Wire</title><id>urn:w</id><updated>2025-02-10T00:00:00Z</updated>
            <entry><id>urn:1</id><title>Un</title><updated>2025-02-10T00:00:00Z</updated><content type="text" xml:lang="fr">Texte.</content></entry>
            <entry><id>urn:2</id><title>Two</title><updated>2025-02-10T00:00:00Z</updated><summary>Text.</summary></entry>
            </feed>"#;
        let (_, entries) = parse(atom).unwrap();
        let languages: Vec<_> = entries.iter().map(|e| e.meta.language.as_deref()).collect();
        assert_eq!(languages, [Some("fr"), Some("en")]);
        let bad = br#"<?xml version="1.0"?><rss version="2.0"><channel><title>X</title>
            <language>??</language><item><title>A</title><description>B.</description></item></channel></rss>"#;
        let (_, entries) = parse(bad).unwrap();
        assert_eq!(entries[0].meta.language, None);
    }

    #[test]
    fn entries_without_guid_or_link_get_the_same_id_every_time() {
        let rss = br#"<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
            <item><title>One</title><pubDate>Mon, 10 Feb 2025 10:00:00 +0000</pubDate>
            <description>First   story.</description></item>
            <item><title>Two</title><description>Second story.</description></item>
            <item><title>Two</title><description>Second story, changed.</description></item>
            </channel></rss>"#;
        let ids = |bytes: &[u8]| -> Vec<String> {
            let (_, entries) = parse(bytes).unwrap();
            entries
                .into_iter()
                .map(|entry| entry.meta.id.unwrap())
                .collect()
        };
        let first = ids(rss);
        assert_eq!(first, ids(rss));
        assert!(
            first
                .iter()
                .all(|id| id.starts_with("item-") && id.len() == 37),
            "{first:?}"
        );
        assert_ne!(first[1], first[2], "the content is part of the id");
        assert_ne!(first[0], first[1]);
    }

    #[test]
    fn not_a_feed() {
        let error = parse(b"<html><body>hi</body></html>").err().unwrap();
        assert!(error.starts_with(char::is_lowercase), "{error}");
        // Found by the fuzz target: the parser quotes the input, line breaks and all.
        let broken = format!(
            "<rss version=\"2.0\"><channel><item><description>{}\n\nmore</descriptiXon>",
            "word ".repeat(100)
        );
        let error = parse(broken.as_bytes()).err().unwrap();
        assert!(!error.contains('\n'), "{error}");
        assert!(error.chars().count() <= 201, "{error}");
    }
}
