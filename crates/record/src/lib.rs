//! The record: what many articles say together. Input is the per-article extractions
//! ([`ArticleInput`]); output is a [`Record`]: entities merged across articles (with the
//! reason of every merge), stories (near-duplicate articles) and facts (events from
//! different articles that describe the same real-world event), each fact with its
//! supporting reports, corroboration counts and contradictions.
//!
//! The record is derived data: it is rebuilt from the stored extractions and the user's
//! [`Corrections`], so a correction survives re-ingest.

mod model;

pub use model::*;
