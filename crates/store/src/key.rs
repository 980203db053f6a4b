//! Keys: the article key the store hands out (`a12`), the content hash that tells an
//! unchanged article from a changed one, and the identity that tells which stored
//! article a new version replaces.

use pw_model::DocumentMeta;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use xxhash_rust::xxh3::Xxh3;

/// The store's key of an article, `a` + row id (`a12`): stable across runs, because an
/// updated article keeps its row.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ArticleKey(pub i64);

impl fmt::Display for ArticleKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a{}", self.0)
    }
}

impl FromStr for ArticleKey {
    type Err = String;
    fn from_str(raw: &str) -> Result<ArticleKey, String> {
        raw.strip_prefix('a')
            .and_then(|digits| digits.parse().ok())
            .map(ArticleKey)
            .ok_or_else(|| format!("not an article key: {raw:?}"))
    }
}

impl Serialize for ArticleKey {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for ArticleKey {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer)?
            .parse()
            .map_err(serde::de::Error::custom)
    }
}

/// XXH3-128 of the text with every run of whitespace collapsed to one space and the
/// ends trimmed, as 32 hex digits: re-wrapped or re-indented text is "the same".
pub fn content_hash(text: &str) -> String {
    let mut hasher = Xxh3::new();
    let mut first = true;
    for word in text.split_whitespace() {
        if !first {
            hasher.update(b" ");
        }
        hasher.update(word.as_bytes());
        first = false;
    }
    format!("{:032x}", hasher.digest128())
}

/// Which stored article a document is a version of: `url:<URL>`, else
/// `file:<path>#<id>` when the metadata gives an id, else `file:<path>` (for JSON Lines
/// and feeds, `path#line` or `path#entry`), else `hash:<content hash>`.
///
/// `source_file` replaces the path part of `meta.file` (the CLI passes the absolute
/// path of the input file, so the identity does not depend on the working folder).
pub fn identity_key(meta: &DocumentMeta, source_file: Option<&str>, content_hash: &str) -> String {
    if let Some(url) = meta
        .url
        .as_deref()
        .map(str::trim)
        .filter(|url| !url.is_empty())
    {
        return format!("url:{url}");
    }
    if let Some(file) = meta.file.as_deref() {
        // `meta.file` is `path`, `path#LINE` or `path#N`; keep the suffix, swap the path.
        let (path, suffix) = match file.rfind('#') {
            Some(at) if file[at + 1..].bytes().all(|byte| byte.is_ascii_digit()) => {
                file.split_at(at)
            }
            _ => (file, ""),
        };
        let path = source_file.unwrap_or(path);
        return match meta.id.as_deref().filter(|id| !id.is_empty()) {
            Some(id) => format!("file:{path}#{id}"),
            None => format!("file:{path}{suffix}"),
        };
    }
    format!("hash:{content_hash}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_ignores_whitespace_layout() {
        assert_eq!(content_hash("a  b\n\nc "), content_hash(" a b c"));
        assert_ne!(content_hash("a b c"), content_hash("a b d"));
        assert_eq!(content_hash("x").len(), 32);
    }

    #[test]
    fn identity_prefers_url_then_file_and_id_then_hash() {
        let mut meta = DocumentMeta {
            file: Some("in/a.jsonl#7".into()),
            ..Default::default()
        };
        assert_eq!(identity_key(&meta, None, "h"), "file:in/a.jsonl#7");
        assert_eq!(
            identity_key(&meta, Some("/abs/in/a.jsonl"), "h"),
            "file:/abs/in/a.jsonl#7"
        );
        meta.id = Some("doc-1".into());
        assert_eq!(identity_key(&meta, None, "h"), "file:in/a.jsonl#doc-1");
        meta.url = Some("https://x.test/1".into());
        assert_eq!(identity_key(&meta, None, "h"), "url:https://x.test/1");
        assert_eq!(identity_key(&DocumentMeta::default(), None, "h"), "hash:h");
    }

    #[test]
    fn article_keys_round_trip() {
        assert_eq!("a12".parse::<ArticleKey>(), Ok(ArticleKey(12)));
        assert_eq!(ArticleKey(3).to_string(), "a3");
        assert!("e3".parse::<ArticleKey>().is_err());
    }
}
