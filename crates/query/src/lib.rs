//! Pactwatch queries: the read side of the record, for the command line and the server.
//!
//! A [`Catalog`] is the record loaded once from a [`Store`] with the indexes queries
//! need (entity names and aliases folded, facts by entity and country, reports by
//! sentence, article metadata). Every query is a method on it, or a function taking it
//! with the store ([`search`], [`watch`]), and returns plain data that derives serde's
//! `Serialize`, so the server can send it as JSON as it is.
//!
//! [`QueryCache`] keeps one catalog per store and reloads it only when the store's
//! [`Store::record_version`] changes: a server holds one and calls
//! [`QueryCache::catalog`] per request.
//!
//! Names are resolved the same way everywhere ([`Catalog::resolve`]): an exact record
//! entity id (`E…`), then a case- and diacritic-insensitive canonical name, then an
//! alias, then all words of the name; among several matches a country wins, then the
//! entity with clearly the most sightings (twice the next); otherwise the name is
//! [`Error::Ambiguous`] and the error carries the candidates.
//!
//! ```no_run
//! use pw_query::{Catalog, FactQuery};
//! # fn main() -> pw_query::Result<()> {
//! let store = pw_store::SqliteStore::open("pactwatch.db")?;
//! let catalog = Catalog::load(&store)?;
//! let query: FactQuery = "actor=Iran target=Bolivia type=transfer_arms".parse()?;
//! for fact in catalog.facts(&query)? {
//!     println!("{} {} reports, {} outlets", fact.id, fact.reports, fact.outlets);
//! }
//! # Ok(())
//! # }
//! ```

#![deny(missing_docs)]

mod catalog;
mod facts;
mod graph;
mod profile;
mod relations;
mod search;
mod stats;
mod timeline;
mod watch;

pub use catalog::{ArticleRef, Catalog, EntityBrief, QueryCache};
pub use facts::{ContradictionView, FactBrief, FactQuery, FactSummary, ModalityRange, Report};
pub use graph::{Graph, GraphEdge, GraphNode, GraphQuery};
pub use profile::{CounterpartBrief, EntityProfile, MemberView, MergeView, RoleView};
pub use relations::{Counterpart, Relations, TypeCount};
pub use search::{ArticleHit, SearchRequest, SearchResults, SentenceHit, search};
pub use stats::{KindCount, Stats};
pub use timeline::Timeline;
pub use watch::{WatchRun, add_watch, watch};

use pw_model::Plover;
use pw_store::Store;
use serde::Serialize;

/// What a query can fail with. `Display` is one lowercase line.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Reading the store failed.
    #[error(transparent)]
    Store(#[from] pw_store::Error),
    /// No entity, fact or watch has this name or id.
    #[error("no {what} matches {name:?}")]
    NotFound {
        /// `entity`, `fact` or `watch`.
        what: &'static str,
        /// The name or id asked for.
        name: String,
    },
    /// The name fits several entities equally well; pick one by id.
    #[error("{name:?} is ambiguous: {}", describe_candidates(candidates))]
    Ambiguous {
        /// The name asked for.
        name: String,
        /// The entities it fits, most sighted first.
        candidates: Vec<EntityBrief>,
    },
    /// A malformed filter or query (`type=nonsense`, `since=July`).
    #[error("{0}")]
    Invalid(String),
}

fn describe_candidates(candidates: &[EntityBrief]) -> String {
    candidates
        .iter()
        .map(|candidate| {
            format!(
                "{} ({}, {})",
                candidate.name,
                candidate.id,
                candidate.kind_name()
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// `Result` with the query [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Whether a relation is cooperation or conflict, after [`Plover::polarity`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Polarity {
    /// Agree, consult, support, concede, cooperate, aid.
    Cooperation,
    /// Retreat, request, or no PLOVER type.
    Neutral,
    /// Accuse, reject, threaten, protest, sanction, mobilize, coerce, assault.
    Conflict,
}

impl Polarity {
    /// The polarity of a PLOVER type.
    pub fn of(plover: Plover) -> Polarity {
        match plover.polarity() {
            1.. => Polarity::Cooperation,
            ..=-1 => Polarity::Conflict,
            0 => Polarity::Neutral,
        }
    }

    /// `cooperation`, `neutral` or `conflict`.
    pub fn as_str(self) -> &'static str {
        match self {
            Polarity::Cooperation => "cooperation",
            Polarity::Neutral => "neutral",
            Polarity::Conflict => "conflict",
        }
    }
}

/// Loads the catalog of a store; the same as [`Catalog::load`].
pub fn load(store: &dyn Store) -> Result<Catalog> {
    Catalog::load(store)
}
