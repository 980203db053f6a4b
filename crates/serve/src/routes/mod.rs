//! Handlers, one module per resource; each handler is `verb_noun`.

pub mod articles;
pub mod assets;
pub mod meta;

use crate::state::AppState;
use axum::Router;

/// The read endpoints over the record (entities, facts, search, timeline, relations,
/// graph, stats).
pub(crate) fn query_routes() -> Router<AppState> {
    Router::new()
}
