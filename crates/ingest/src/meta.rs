//! Article metadata given as JSON: sidecar files and JSON Lines records share the
//! accepted field names.
//!
//! | field     | accepted names (first present wins)                                  |
//! |-----------|----------------------------------------------------------------------|
//! | id        | `id`                                                                 |
//! | url       | `url`, `link`                                                        |
//! | title     | `title`                                                              |
//! | outlet    | `outlet`, `site_name`, `publisher`, `source`                         |
//! | published | `published`, `published_time`, `datePublished`, `pubDate`, `date`    |
//! | language  | `language`, `lang`, `inLanguage`                                     |
//! | text      | `text` (plain text), `html` (a page, cleaned like an HTML file)      |
//!
//! Values may be strings, numbers (ids), objects with a `name`/`title`/`url` (as in
//! `"publisher": {"name": "Reuters"}`) or arrays (the first usable element). A language
//! is a tag (`es`, `es-AR`, `es_MX`, `spa`) or an object with one under `code`,
//! `alternateName`, `identifier`, `@value` or `name` (schema.org's `Language`); a value
//! that is no language tag is ignored and the next name is tried.

use serde::Deserialize;
use serde_json::Value;

/// One JSON object's fields, as far as ingest cares.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct Record {
    text: Option<Value>,
    html: Option<Value>,
    id: Option<Value>,
    url: Option<Value>,
    link: Option<Value>,
    title: Option<Value>,
    outlet: Option<Value>,
    site_name: Option<Value>,
    publisher: Option<Value>,
    source: Option<Value>,
    published: Option<Value>,
    published_time: Option<Value>,
    #[serde(rename = "datePublished")]
    date_published: Option<Value>,
    #[serde(rename = "pubDate")]
    pub_date: Option<Value>,
    date: Option<Value>,
    language: Option<Value>,
    lang: Option<Value>,
    #[serde(rename = "inLanguage")]
    in_language: Option<Value>,
}

/// The article body a record carries.
pub(crate) enum Body {
    Text(String),
    Html(String),
}

/// Metadata fields from any source, before they are merged.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct MetaFields {
    pub id: Option<String>,
    pub url: Option<String>,
    pub title: Option<String>,
    pub outlet: Option<String>,
    /// The raw date value, parsed later so that a bad value can be reported.
    pub published: Option<String>,
    /// The language as an ISO 639-1 code, already normalized.
    pub language: Option<String>,
}

impl MetaFields {
    /// Fills every missing field from `fallback`.
    pub fn or(mut self, fallback: &MetaFields) -> MetaFields {
        for (slot, other) in [
            (&mut self.id, &fallback.id),
            (&mut self.url, &fallback.url),
            (&mut self.title, &fallback.title),
            (&mut self.outlet, &fallback.outlet),
            (&mut self.published, &fallback.published),
            (&mut self.language, &fallback.language),
        ] {
            if slot.is_none() {
                slot.clone_from(other);
            }
        }
        self
    }
}

fn string(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Value::Number(n) => Some(n.to_string()),
        Value::Object(map) => ["name", "title", "url", "@id"]
            .iter()
            .find_map(|key| map.get(*key).and_then(string)),
        Value::Array(items) => items.iter().find_map(string),
        Value::Bool(_) | Value::Null => None,
    }
}

/// A language value: a tag, an object holding one, or an array of those.
fn language(value: &Value) -> Option<String> {
    match value {
        Value::String(tag) => pw_text::language_code(tag),
        Value::Object(map) => ["code", "alternateName", "identifier", "@value", "name"]
            .iter()
            .find_map(|key| map.get(*key).and_then(language)),
        Value::Array(items) => items.iter().find_map(language),
        Value::Number(_) | Value::Bool(_) | Value::Null => None,
    }
}

fn first(values: &[&Option<Value>]) -> Option<String> {
    values
        .iter()
        .find_map(|value| value.as_ref().and_then(string))
}

impl Record {
    pub fn meta(&self) -> MetaFields {
        MetaFields {
            id: first(&[&self.id]),
            url: first(&[&self.url, &self.link]),
            title: first(&[&self.title]),
            outlet: first(&[&self.outlet, &self.site_name, &self.publisher, &self.source]),
            published: first(&[
                &self.published,
                &self.published_time,
                &self.date_published,
                &self.pub_date,
                &self.date,
            ]),
            language: [&self.language, &self.lang, &self.in_language]
                .iter()
                .find_map(|value| value.as_ref().and_then(language)),
        }
    }

    /// The body: non-blank `text` first, else non-blank `html`, else a blank `text`
    /// or `html` (which then fails as an empty document). The error says what is
    /// wrong: neither field, or one that is not a string (`{"text": 5}`).
    pub fn take_body(&mut self) -> Result<Body, String> {
        let string = |name: &str, value: Option<Value>| match value {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(other) => Err(format!(
                "the {name} field must be a string, not {}",
                kind_of(&other)
            )),
        };
        let text = string("text", self.text.take());
        let html = string("html", self.html.take());
        match (text, html) {
            (Ok(Some(text)), _) if !text.trim().is_empty() => Ok(Body::Text(text)),
            (_, Ok(Some(html))) if !html.trim().is_empty() => Ok(Body::Html(html)),
            (Err(error), _) | (_, Err(error)) => Err(error),
            (Ok(Some(text)), _) => Ok(Body::Text(text)),
            (Ok(None), Ok(Some(html))) => Ok(Body::Html(html)),
            (Ok(None), Ok(None)) => Err("no text or html field".to_string()),
        }
    }
}

/// A JSON value's kind as a message names it: `a number`, `an array`.
pub(crate) fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Reads a sidecar; a bad sidecar is a warning, not a failure of the article.
pub(crate) fn parse_sidecar(bytes: &[u8]) -> Result<MetaFields, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    serde_json::from_slice::<Record>(bytes)
        .map(|record| record.meta())
        .map_err(|error| error.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_names_and_value_shapes() {
        let record: Record = serde_json::from_str(
            r#"{"id": 12, "link": "https://x.test/a", "publisher": {"name": "Reuters"},
                "pubDate": "Mon, 10 Feb 2025 12:05:00 -0500", "date": "2020-01-01",
                "title": ["", "Headline"], "extra": {"nested": [1, 2]}}"#,
        )
        .unwrap();
        let meta = record.meta();
        assert_eq!(meta.id.as_deref(), Some("12"));
        assert_eq!(meta.url.as_deref(), Some("https://x.test/a"));
        assert_eq!(meta.outlet.as_deref(), Some("Reuters"));
        assert_eq!(
            meta.published.as_deref(),
            Some("Mon, 10 Feb 2025 12:05:00 -0500")
        );
        assert_eq!(meta.title.as_deref(), Some("Headline"));
    }

    #[test]
    fn language_fields_and_shapes() {
        let language = |json: &str| {
            serde_json::from_str::<Record>(json)
                .unwrap()
                .meta()
                .language
        };
        assert_eq!(language(r#"{"language": "es-AR"}"#).as_deref(), Some("es"));
        assert_eq!(language(r#"{"lang": "EN"}"#).as_deref(), Some("en"));
        assert_eq!(
            language(
                r#"{"inLanguage": {"@type": "Language", "name": "Spanish", "alternateName": "es"}}"#
            )
            .as_deref(),
            Some("es")
        );
        assert_eq!(
            language(r#"{"inLanguage": ["", "pt-BR"]}"#).as_deref(),
            Some("pt")
        );
        // A malformed tag is ignored and the next field is tried.
        assert_eq!(
            language(r#"{"language": "not a tag!", "lang": "fr"}"#).as_deref(),
            Some("fr")
        );
        assert_eq!(language(r#"{"language": 12}"#), None);
        assert_eq!(language(r#"{"language": "und"}"#), None);
    }

    #[test]
    fn merge_prefers_own_fields() {
        let own = MetaFields {
            title: Some("own".into()),
            ..MetaFields::default()
        };
        let fallback = MetaFields {
            title: Some("fallback".into()),
            outlet: Some("Outlet".into()),
            ..MetaFields::default()
        };
        let merged = own.or(&fallback);
        assert_eq!(merged.title.as_deref(), Some("own"));
        assert_eq!(merged.outlet.as_deref(), Some("Outlet"));
    }

    #[test]
    fn bad_sidecar_is_an_error_string() {
        assert!(parse_sidecar(b"{not json").is_err());
        assert_eq!(
            parse_sidecar(br#"{"url": "u", "published": "2023-07-30", "outlet": "O"}"#)
                .unwrap()
                .published
                .as_deref(),
            Some("2023-07-30")
        );
    }
}
