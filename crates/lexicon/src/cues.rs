//! Small English cue lists read from `data/lexicon/en/` (one lowercase word a line,
//! `#` comments), embedded at build time.

use rustc_hash::FxHashSet as HashSet;
use std::sync::OnceLock;

const NEWS_LABELS: &str = include_str!("../../../data/lexicon/en/news-labels.txt");

fn parse(text: &'static str) -> HashSet<&'static str> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .collect()
}

/// A label news pages put before a headline or caption ("BREAKING", "FILE", "VIDEO"),
/// given in lowercase.
pub fn is_news_label(lowercase: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| parse(NEWS_LABELS)).contains(lowercase)
}

#[cfg(test)]
mod tests {
    #[test]
    fn labels() {
        assert!(super::is_news_label("breaking"));
        assert!(!super::is_news_label("washington"));
    }
}
