//! API tests of pw-serve: every endpoint through `Router::oneshot` (no socket), on a
//! store built from the repository's seed articles in a temp folder. Bodies are insta
//! JSON snapshots (`tests/it/snapshots/`; re-bless with `INSTA_UPDATE=always`), with
//! volatile fields redacted.

mod api;
mod errors;
mod hardening;
mod write;

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use pw_extract::Extractor;
use pw_serve::{AppState, Config};
use pw_store::{NewArticle, SqliteStore, Store};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use tower::ServiceExt;

const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus/seeds");

pub const TOKEN: &str = "test-token-7f3a";

/// The seed articles, read and extracted once per test binary (sorted by file name, so
/// keys are a1 = 000 … a5 = 004).
fn seed_articles() -> &'static [NewArticle] {
    static ARTICLES: OnceLock<Vec<NewArticle>> = OnceLock::new();
    ARTICLES.get_or_init(|| {
        let extractor = extractor();
        let mut files: Vec<PathBuf> = std::fs::read_dir(SEEDS)
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.extension().is_some_and(|extension| extension == "txt"))
            .collect();
        files.sort();
        let options = pw_ingest::Options::default();
        files
            .iter()
            .flat_map(|path| {
                let output = pw_ingest::read_file(path, &options);
                assert!(output.errors.is_empty(), "{:?}", output.errors);
                let name = path.file_name().unwrap().to_string_lossy().into_owned();
                output.documents.into_iter().map(move |mut document| {
                    // The file name only: the identity must not depend on the checkout.
                    document.meta.file = Some(name.clone());
                    document
                })
            })
            .map(|document| {
                let extraction = extractor.extract(&document);
                NewArticle::new(document, extraction, None)
            })
            .collect()
    })
}

pub fn extractor() -> &'static Extractor {
    static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();
    EXTRACTOR.get_or_init(Extractor::new)
}

/// A store of the seeds in `dir`, with its record built.
pub fn seed_store(dir: &Path) -> SqliteStore {
    let mut store = SqliteStore::open(dir.join("seeds.db")).unwrap();
    store.put_articles(seed_articles()).unwrap();
    store.flush().unwrap();
    pw_store::rebuild_record(&mut store).unwrap();
    store
}

/// A fresh app over a fresh seed store (for tests that write), with the test token.
pub struct Fresh {
    pub app: Router,
    _dir: tempfile::TempDir,
}

/// A state over a fresh seed store, and the folder that holds it.
pub fn fresh_state() -> (AppState, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let state = AppState::new(seed_store(dir.path()), quiet_config()).unwrap();
    (state, dir)
}

pub fn fresh_app(config: Config) -> Fresh {
    let dir = tempfile::tempdir().unwrap();
    let state = AppState::new(seed_store(dir.path()), config).unwrap();
    Fresh {
        app: pw_serve::router(state),
        _dir: dir,
    }
}

pub fn quiet_config() -> Config {
    Config {
        token: Some(TOKEN.to_string()),
        access_log: false,
        ..Config::default()
    }
}

/// One app shared by the read-only tests.
pub fn shared_app() -> Router {
    static APP: OnceLock<(tempfile::TempDir, Router)> = OnceLock::new();
    APP.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let state = AppState::new(seed_store(dir.path()), quiet_config()).unwrap();
        (dir, pw_serve::router(state))
    })
    .1
    .clone()
}

/// The answer to one request: status, content type and body (JSON when it parses).
pub struct Answer {
    pub status: StatusCode,
    pub content_type: String,
    pub headers: axum::http::HeaderMap,
    pub json: Value,
    pub text: String,
}

pub async fn send(app: &Router, request: Request<Body>) -> Answer {
    let response = app.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .unwrap_or("")
        .to_string();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let json = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
    Answer {
        status,
        content_type,
        headers,
        json,
        text,
    }
}

pub async fn get(app: &Router, uri: &str) -> Answer {
    send(app, Request::get(uri).body(Body::empty()).unwrap()).await
}

/// GET that must answer 200 with JSON.
pub async fn get_ok(app: &Router, uri: &str) -> Value {
    let answer = get(app, uri).await;
    assert_eq!(answer.status, StatusCode::OK, "{uri}: {}", answer.text);
    assert!(answer.content_type.starts_with("application/json"), "{uri}");
    answer.json
}

pub fn post_article(body: impl Into<Body>, token: Option<&str>) -> Request<Body> {
    let mut request =
        Request::post("/api/v1/articles").header(header::CONTENT_TYPE, "application/json");
    if let Some(token) = token {
        request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
    }
    request.body(body.into()).unwrap()
}

/// Asserts the error envelope and returns its code.
pub fn error_code(answer: &Answer) -> &str {
    assert!(
        answer.content_type.starts_with("application/json"),
        "error without JSON: {} {}",
        answer.status,
        answer.text
    );
    let error = &answer.json["error"];
    assert!(error["message"].is_string(), "{}", answer.text);
    error["code"].as_str().unwrap()
}
