//! Pactwatch server: the record over HTTP and a web page to explore it.
//!
//! [`router`] builds the axum application over an [`AppState`] (an open
//! [`pw_store::SqliteStore`] and the record cached in memory); [`serve`] runs it on a
//! listener until shutdown. Reads under `/api/v1/` answer from the cached record (and,
//! for articles and full-text search, the store on a blocking thread); the one write,
//! `POST /api/v1/articles`, needs a bearer token and replaces the cache when done.
//!
//! ```no_run
//! # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
//! let store = pw_store::SqliteStore::open("pactwatch.db")?;
//! let state = pw_serve::AppState::new(store, pw_serve::Config::default())?;
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:8080").await?;
//! pw_serve::serve(listener, state, std::future::pending()).await?;
//! # Ok(())
//! # }
//! ```

mod auth;
pub mod error;
mod middleware;
pub mod openapi;
mod router;
pub mod routes;
mod state;

pub use error::{ApiError, ApiResult};
pub use router::{router, router_with};
pub use state::{AppState, Config, View};

use std::future::Future;

/// Serves the application on `listener` until `shutdown` completes, then lets requests
/// in flight finish.
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, router(state))
        .with_graceful_shutdown(shutdown)
        .await
}
