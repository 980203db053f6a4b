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
///
/// Connections are HTTP/1.1 through hyper with a timer, so a client that does not
/// send a request's whole header within [`Config::header_timeout`] is disconnected (one
/// header line every few seconds no longer holds a connection forever).
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let header_timeout = state.config().header_timeout;
    let app = router(state);
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                // Out of file descriptors and the like: wait a moment, go on.
                Err(_) => {
                    tokio::time::sleep(std::time::Duration::from_millis(20)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let service = hyper_util::service::TowerToHyperService::new(app.clone());
        let mut builder = hyper::server::conn::http1::Builder::new();
        builder
            .timer(hyper_util::rt::TokioTimer::new())
            .header_read_timeout(header_timeout);
        let connection = builder.serve_connection(hyper_util::rt::TokioIo::new(stream), service);
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            // A client that left or timed out: nothing to report.
            let _ = connection.await;
        });
    }
    graceful.shutdown().await;
    Ok(())
}
