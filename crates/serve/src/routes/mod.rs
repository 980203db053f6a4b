//! Handlers, one module per resource; each handler is `verb_noun`.

pub mod articles;
pub mod assets;
pub mod meta;
pub mod record;

use crate::state::AppState;
use axum::Router;
use axum::routing::get;

/// The read endpoints over the record (entities, facts, search, timeline, relations,
/// graph, stats).
pub(crate) fn query_routes() -> Router<AppState> {
    Router::new()
        .route("/api/v1/entities", get(record::list_entities))
        .route("/api/v1/entities/{id}", get(record::get_entity))
        .route("/api/v1/facts", get(record::list_facts))
        .route("/api/v1/facts/{id}", get(record::get_fact))
        .route("/api/v1/search", get(record::search))
        .route("/api/v1/timeline", get(record::get_timeline))
        .route("/api/v1/relations", get(record::get_relations))
        .route("/api/v1/graph", get(record::get_graph))
        .route("/api/v1/stats", get(record::get_stats))
}
