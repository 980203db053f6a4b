//! The record: what many articles say together. Input is the per-article extractions
//! ([`ArticleInput`]); output is a [`Record`]: entities merged across articles (with the
//! reason of every merge), stories (near-duplicate articles) and facts (events from
//! different articles that describe the same real-world event), each fact with its
//! supporting reports, corroboration counts and contradictions.
//!
//! The record is derived data: it is rebuilt from the stored extractions and the user's
//! [`Corrections`], so a correction survives re-ingest.
//!
//! ```no_run
//! # fn demo(articles: &[pw_record::ArticleInput<'_>]) {
//! let record = pw_record::build(articles, &pw_record::Corrections::default());
//! for fact in &record.facts {
//!     println!("{} {:?} {} reports", fact.id, fact.event_type, fact.supports.len());
//! }
//! # }
//! ```
//!
//! The build is pure and deterministic: the same articles (in any order) and corrections
//! give the same record. Ids derive from the smallest member of what they name
//! (article key, entity or event id), so they survive adding unrelated articles.

mod entities;
mod facts;
mod model;
mod stories;
#[cfg(test)]
mod testkit;
mod util;

pub use facts::DAY_TOLERANCE;
pub use model::*;
pub use stories::{
    CAST_CONTAINMENT, CAST_MAX_DAYS, CAST_MAX_POSTING, CAST_MIN_SHARED, TEXT_THRESHOLD,
};

/// Builds the record of `articles`: entities first, then stories (which use the
/// entities), then facts (which use both). Article keys must be unique.
pub fn build(articles: &[ArticleInput<'_>], corrections: &Corrections) -> Record {
    let mut order: Vec<usize> = (0..articles.len()).collect();
    order.sort_by(|&a, &b| articles[a].key.cmp(articles[b].key));
    let resolved = entities::resolve(articles, &order, corrections);
    let cast: Vec<Vec<usize>> = resolved
        .by_article
        .iter()
        .map(|records| {
            let mut cast: Vec<usize> = records
                .iter()
                .copied()
                .filter(|&record| stories::in_cast(resolved.entities[record].kind))
                .collect();
            cast.sort_unstable();
            cast.dedup();
            cast
        })
        .collect();
    let (stories, story_of) = stories::group(articles, &order, &cast);
    let facts = facts::build(articles, &order, &resolved, &stories, &story_of);
    Record {
        entities: resolved.entities,
        stories,
        facts,
    }
}
