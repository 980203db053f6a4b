//! Rebuilding the derived record from what the store holds.

use crate::{Page, Result, Store};
use pw_record::ArticleInput;

const PAGE: usize = 1_000;

/// Loads every article, its extraction and the user's corrections, builds the record
/// and replaces the stored one (in one transaction). Returns the number of articles it
/// was built from.
pub fn rebuild_record<S: Store + ?Sized>(store: &mut S) -> Result<usize> {
    let corrections = store.corrections()?;
    let mut articles = Vec::new();
    let mut after = None;
    loop {
        let page = store.list_articles(Page { after, limit: PAGE })?;
        let Some(last) = page.last() else {
            break;
        };
        after = Some(last.key);
        for article in page {
            // An article without an extraction cannot happen (both are one row); an
            // empty extraction keeps the rebuild going if it ever does.
            let extraction = store.extraction(article.key)?.unwrap_or_default();
            articles.push((article.key.to_string(), article, extraction));
        }
    }
    let inputs: Vec<ArticleInput<'_>> = articles
        .iter()
        .map(|(key, article, extraction)| ArticleInput {
            key,
            meta: &article.document.meta,
            text: &article.document.text,
            extraction,
        })
        .collect();
    let record = pw_record::build(&inputs, &corrections);
    store.put_record(&record)?;
    Ok(inputs.len())
}
