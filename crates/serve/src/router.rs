//! The routes and the layers around them.

use crate::middleware::{access_log, error_envelope, panic_response, security_headers};
use crate::routes::{articles, assets, meta};
use crate::state::AppState;
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::StatusCode;
use axum::routing::get;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;

/// The whole application: the API under `/api/v1/`, the web page at `/`.
///
/// Layers, outermost first: access log → security headers → error envelope → catch
/// panic → body limit → (reads) timeout → handler. Reads time out after
/// `read_timeout` (503 in the envelope); the write checks the token before reading its
/// body, gives the body `body_timeout` (408) and the extraction `write_timeout` (503,
/// nothing stored), and once it stores, always answers.
pub fn router(state: AppState) -> Router {
    router_with(state, Router::new())
}

/// [`router`] with `extra` routes among the reads (same layers): for tests of the
/// layers themselves.
#[doc(hidden)]
pub fn router_with(state: AppState, extra: Router<AppState>) -> Router {
    let config = state.config().clone();
    let reads = Router::new()
        .route("/api/v1/articles/{key}", get(articles::get_article))
        .route("/api/v1/openapi.json", get(meta::openapi_json))
        .merge(crate::routes::query_routes())
        .merge(extra)
        .layer(TimeoutLayer::with_status_code(
            StatusCode::SERVICE_UNAVAILABLE,
            config.read_timeout,
        ));
    // The list and the write share a path. The write keeps its own time limits (body,
    // extraction) inside the handler, so that a write answered 503 is never stored.
    let articles_route = Router::new().route(
        "/api/v1/articles",
        get(articles::list_articles)
            .layer(TimeoutLayer::with_status_code(
                StatusCode::SERVICE_UNAVAILABLE,
                config.read_timeout,
            ))
            .post(articles::create_article),
    );
    let pages = Router::new()
        .route("/", get(assets::index))
        .route("/assets/{name}", get(assets::asset));
    let mut app = Router::new()
        .merge(reads)
        .merge(articles_route)
        .merge(pages)
        .fallback(meta::not_found)
        .layer(DefaultBodyLimit::max(config.body_limit))
        .layer(RequestBodyLimitLayer::new(config.body_limit))
        .layer(CatchPanicLayer::custom(panic_response))
        .layer(axum::middleware::from_fn(error_envelope))
        .layer(axum::middleware::from_fn(security_headers));
    if config.access_log {
        app = app.layer(axum::middleware::from_fn(access_log));
    }
    app.with_state(state)
}
