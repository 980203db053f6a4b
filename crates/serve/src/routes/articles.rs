//! `/api/v1/articles`: list, get one with its highlighted spans, and ingest one.

use crate::error::{ApiError, ApiResult};
use crate::state::{AppState, View};
use axum::Json;
use axum::body::{Body, Bytes};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use pw_model::{Document, Extraction, LanguageSource};
use pw_store::{ArticleFilter, ArticleKey, NewArticle, Page, PutOutcome, Store, StoredArticle};
use serde::{Deserialize, Serialize};
use std::panic::AssertUnwindSafe;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;
use utoipa::{IntoParams, ToSchema};

const DEFAULT_LIMIT: usize = 50;
const MAX_LIMIT: usize = 500;

/// Paging through articles in key order.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListArticlesParams {
    /// Articles after this key (`a12`); the previous page's `next`.
    pub after: Option<String>,
    /// Page size, 1 to 500 (default 50).
    pub limit: Option<usize>,
    /// Only articles in this language: an ISO 639-1 code (`es`) or a tag that names one
    /// (`es-AR`, `spa`). `total` then counts those articles only.
    pub language: Option<String>,
}

/// One article without its text.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ArticleSummary {
    /// The store's key (`a12`).
    pub key: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    /// Publication date as known (`2023-07-20`, `2023-07`, `2023`).
    pub published: Option<String>,
    /// The article's language, ISO 639-1 (`en`, `es`), when known.
    pub language: Option<String>,
    /// How the language was known: `metadata`, `detected` (from the text) or `unknown`.
    pub language_from: String,
    /// Length of the text in bytes.
    pub bytes: usize,
}

/// A page of articles.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ArticleList {
    pub total: u64,
    pub articles: Vec<ArticleSummary>,
    /// The `after` of the next page; absent on the last page.
    pub next: Option<String>,
}

/// A byte span into the article's `text`.
#[derive(Clone, Copy, Debug, Serialize, ToSchema)]
pub struct SpanBody {
    pub start: usize,
    pub end: usize,
}

impl From<pw_model::Span> for SpanBody {
    fn from(span: pw_model::Span) -> SpanBody {
        SpanBody {
            start: span.start,
            end: span.end,
        }
    }
}

/// An entity of the article, with the record entity it was merged into.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ArticleEntity {
    /// The extraction's id within this article (`e3`).
    pub id: String,
    /// The record entity (`E12`), when the record holds it.
    pub record_entity: Option<String>,
    pub name: String,
    /// `person`, `organization`, `country`, `place`, `equipment`...
    pub kind: String,
    pub country: Option<String>,
    pub roles: Vec<String>,
    pub mentions: Vec<SpanBody>,
}

/// An event the article reports, with the fact it supports.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ArticleEvent {
    /// The extraction's id within this article (`v2`).
    pub id: String,
    /// The record fact (`F7`) this report supports, if any.
    pub fact: Option<String>,
    pub event_type: String,
    pub plover: String,
    pub modality: String,
    /// Article entity ids (`e3`).
    pub source: Vec<String>,
    pub target: Vec<String>,
    pub date: Option<String>,
    pub trigger: String,
    pub trigger_span: SpanBody,
    /// The evidence sentence and its span.
    pub evidence: String,
    pub span: SpanBody,
}

/// One highlighted span, for display: an entity mention or an event's evidence.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct Highlight {
    pub start: usize,
    pub end: usize,
    /// `mention` or `evidence`.
    pub kind: String,
    /// The article entity (`e3`) or event (`v2`).
    pub id: String,
    /// The record entity (mentions) or fact (evidence), when known.
    pub record_id: Option<String>,
}

/// An article with its text and everything extraction found in it. Spans are byte
/// offsets into `text` (UTF-8).
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ArticleDetail {
    pub key: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
    /// The article's language, ISO 639-1 (`en`, `es`), when known.
    pub language: Option<String>,
    /// How the language was known: `metadata`, `detected` (from the text) or `unknown`.
    pub language_from: String,
    /// The story (near-duplicate group) the article is in.
    pub story: Option<String>,
    pub text: String,
    pub entities: Vec<ArticleEntity>,
    pub events: Vec<ArticleEvent>,
    /// Mentions and evidence spans, sorted by start.
    pub highlights: Vec<Highlight>,
}

/// What `POST /api/v1/articles` did.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct IngestResult {
    pub key: String,
    /// `stored` (new), `updated` (same identity, new text) or `unchanged`.
    pub outcome: String,
    pub entities: usize,
    pub events: usize,
    /// Facts of the rebuilt record this article supports.
    pub facts: Vec<String>,
}

fn summary(article: &StoredArticle) -> ArticleSummary {
    let meta = &article.document.meta;
    ArticleSummary {
        key: article.key.to_string(),
        title: meta.title.clone(),
        outlet: meta.outlet.clone(),
        url: meta.url.clone(),
        published: meta.published.map(|date| date.to_string()),
        language: meta.language.clone(),
        language_from: language_source(meta.language_from).to_string(),
        bytes: article.document.text.len(),
    }
}

/// The name `language_from` has in JSON.
fn language_source(source: LanguageSource) -> &'static str {
    match source {
        LanguageSource::Metadata => "metadata",
        LanguageSource::Detected => "detected",
        LanguageSource::Unknown => "unknown",
    }
}

pub(crate) fn parse_key(raw: &str) -> ApiResult<ArticleKey> {
    raw.parse::<ArticleKey>()
        .map_err(|_| ApiError::not_found(format!("no article {raw:?} (keys look like a12)")))
}

/// List articles, in key order; `language` keeps those in one language.
#[utoipa::path(
    get,
    path = "/api/v1/articles",
    tag = "articles",
    params(ListArticlesParams),
    responses(
        (status = 200, description = "A page of articles", body = ArticleList),
        (status = 400, description = "Bad parameters", body = crate::error::ErrorBody),
    )
)]
pub async fn list_articles(
    State(state): State<AppState>,
    Query(params): Query<ListArticlesParams>,
) -> ApiResult<Json<ArticleList>> {
    let limit = params.limit.unwrap_or(DEFAULT_LIMIT);
    if !(1..=MAX_LIMIT).contains(&limit) {
        return Err(ApiError::bad_request(format!(
            "limit must be 1 to {MAX_LIMIT}, not {limit}"
        )));
    }
    let after =
        match params.after.as_deref() {
            None | Some("") => None,
            Some(raw) => Some(raw.parse::<ArticleKey>().map_err(|_| {
                ApiError::bad_request(format!("after: not an article key: {raw:?}"))
            })?),
        };
    let filter = match params.language.as_deref().map(str::trim) {
        None | Some("") => ArticleFilter::default(),
        Some(raw) => ArticleFilter::language(&pw_text::language_code(raw).ok_or_else(|| {
            ApiError::bad_request(format!(
                "language: not a language code (like es or en): {raw:?}"
            ))
        })?),
    };
    let list = state
        .with_reader(move |_, store| {
            let total = store.count_articles_where(&filter)?;
            // One more than asked tells whether there is a next page.
            let mut page = store.list_articles_where(
                Page {
                    after,
                    limit: limit + 1,
                },
                &filter,
            )?;
            let next = if page.len() > limit {
                page.truncate(limit);
                page.last().map(|article| article.key.to_string())
            } else {
                None
            };
            Ok(ArticleList {
                total,
                articles: page.iter().map(summary).collect(),
                next,
            })
        })
        .await?;
    Ok(Json(list))
}

/// One article: its text, entities and events, and the spans to highlight.
#[utoipa::path(
    get,
    path = "/api/v1/articles/{key}",
    tag = "articles",
    params(("key" = String, Path, description = "Article key, e.g. `a3`")),
    responses(
        (status = 200, description = "The article", body = ArticleDetail),
        (status = 404, description = "No such article", body = crate::error::ErrorBody),
    )
)]
pub async fn get_article(
    State(state): State<AppState>,
    Path(raw_key): Path<String>,
) -> ApiResult<Json<ArticleDetail>> {
    let key = parse_key(&raw_key)?;
    let (article, extraction) = state
        .with_reader(move |_, store| {
            let Some(article) = store.article(key)? else {
                return Ok(None);
            };
            let extraction = store.extraction(key)?.unwrap_or_default();
            Ok(Some((article, extraction)))
        })
        .await?
        .ok_or_else(|| ApiError::not_found(format!("no article {raw_key:?}")))?;
    Ok(Json(detail(&state.view(), article, &extraction)))
}

fn detail(view: &View, article: StoredArticle, extraction: &Extraction) -> ArticleDetail {
    let key = article.key.to_string();
    let entities: Vec<ArticleEntity> = extraction
        .entities
        .iter()
        .map(|entity| ArticleEntity {
            id: entity.id.to_string(),
            record_entity: view
                .entity_of_member
                .get(&(key.clone(), entity.id))
                .cloned(),
            name: entity.name.clone(),
            kind: entity.kind.to_string(),
            country: entity.country.clone(),
            roles: entity.roles.clone(),
            mentions: entity
                .mentions
                .iter()
                .map(|mention| mention.span.into())
                .collect(),
        })
        .collect();
    let events: Vec<ArticleEvent> = extraction
        .events
        .iter()
        .map(|event| ArticleEvent {
            id: event.id.to_string(),
            fact: view.fact_of_event.get(&(key.clone(), event.id)).cloned(),
            event_type: event.event_type.to_string(),
            plover: format!("{:?}", event.plover),
            modality: event.modality.to_string(),
            source: event.source.iter().map(ToString::to_string).collect(),
            target: event.target.iter().map(ToString::to_string).collect(),
            date: event.date.map(|date| date.to_string()),
            trigger: event.trigger.clone(),
            trigger_span: event.trigger_span.into(),
            evidence: event.evidence.clone(),
            span: event.span.into(),
        })
        .collect();
    let mut highlights: Vec<Highlight> = Vec::new();
    for entity in &entities {
        for mention in &entity.mentions {
            highlights.push(Highlight {
                start: mention.start,
                end: mention.end,
                kind: "mention".to_string(),
                id: entity.id.clone(),
                record_id: entity.record_entity.clone(),
            });
        }
    }
    for event in &events {
        highlights.push(Highlight {
            start: event.span.start,
            end: event.span.end,
            kind: "evidence".to_string(),
            id: event.id.clone(),
            record_id: event.fact.clone(),
        });
    }
    // Evidence (a sentence) before the mentions inside it at the same start.
    highlights.sort_by(|a, b| {
        (a.start, std::cmp::Reverse(a.end), &a.kind).cmp(&(
            b.start,
            std::cmp::Reverse(b.end),
            &b.kind,
        ))
    });
    let story = view
        .catalog
        .record()
        .stories
        .iter()
        .find(|story| story.articles.contains(&key))
        .map(|story| story.id.clone());
    let meta = article.document.meta;
    ArticleDetail {
        key,
        title: meta.title,
        outlet: meta.outlet,
        url: meta.url,
        published: meta.published.map(|date| date.to_string()),
        language: meta.language,
        language_from: language_source(meta.language_from).to_string(),
        story,
        text: article.document.text,
        entities,
        events,
        highlights,
    }
}

/// Ingest one article (a JSON object as on a JSON Lines line: `text` or `html`, and
/// optionally `id`, `url`, `title`, `outlet`, `published`): extract, store, index and
/// rebuild the record, so it is queryable when the response arrives. Needs
/// `Authorization: Bearer <token>`.
#[utoipa::path(
    post,
    path = "/api/v1/articles",
    tag = "articles",
    request_body(content = Object, description = "One article, as a JSON Lines line", content_type = "application/json"),
    security(("bearer" = [])),
    responses(
        (status = 201, description = "A new article was stored", body = IngestResult),
        (status = 200, description = "An article with this identity was updated, or was already stored unchanged", body = IngestResult),
        (status = 400, description = "Not a JSON object", body = crate::error::ErrorBody),
        (status = 401, description = "Missing or wrong token", body = crate::error::ErrorBody),
        (status = 403, description = "The server takes no writes (started without a token)", body = crate::error::ErrorBody),
        (status = 408, description = "The body did not arrive in time", body = crate::error::ErrorBody),
        (status = 413, description = "Body over the size limit", body = crate::error::ErrorBody),
        (status = 422, description = "The article has no usable text", body = crate::error::ErrorBody),
        (status = 503, description = "Extraction took longer than the write timeout; nothing was stored", body = crate::error::ErrorBody),
    )
)]
pub async fn create_article(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Body,
) -> ApiResult<(StatusCode, Json<IngestResult>)> {
    // Before a byte of the body is read: a client without the token costs nothing.
    crate::auth::require_token(state.config().token.as_deref(), &headers)?;
    let started = Instant::now();
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .unwrap_or("");
    if !content_type.is_empty() && !content_type.starts_with("application/json") {
        return Err(ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            "send the article as application/json",
        ));
    }
    let body = read_body(body, state.config()).await?;
    let document = parse_article(&body)?;
    drop(body);
    // Extraction is CPU work without the store: done before taking the lock, so reads
    // wait only for storing and the rebuild. It has `write_timeout`; past it the answer
    // is 503 and nothing is stored. The extraction stops as soon as its request is
    // dropped (the client left, or the time ran out): the guard below is dropped with
    // the request's future and tells the extraction thread, which also watches the
    // clock itself.
    let write_timeout = state.config().write_timeout;
    let deadline = started + write_timeout;
    let extract_state = state.clone();
    // One extraction at a time; waiting for the turn counts against the time limit, and
    // a request dropped while it waits never starts its extraction.
    let extracting = async move {
        let abandoned = StopOnDrop::default();
        let stop = Arc::clone(&abandoned.0);
        let turn = extract_state.extraction_turn().await;
        let outcome = tokio::task::spawn_blocking(move || {
            let extraction = std::panic::catch_unwind(AssertUnwindSafe(|| {
                extract_state
                    .extractor()
                    .extract_interruptible(&document, &|| {
                        stop.load(Ordering::Relaxed) || Instant::now() >= deadline
                    })
                    .map(|(extraction, _)| extraction)
            }));
            if matches!(extraction, Ok(Err(pw_extract::Stopped))) {
                extract_state.count_stopped_extraction();
            }
            drop(turn);
            extract_state.release_memory();
            (document, extraction)
        })
        .await;
        drop(abandoned);
        outcome
    };
    let too_slow = || {
        ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "timeout",
            format!(
                "extraction took longer than {} s; nothing was stored",
                write_timeout.as_secs_f64()
            ),
        )
    };
    let (document, extraction) = tokio::time::timeout(write_timeout, extracting)
        .await
        .map_err(|_| too_slow())?
        .map_err(|error| ApiError::internal(format!("extraction task failed: {error}")))?;
    let extraction = extraction
        .map_err(|_| ApiError::internal("extraction panicked"))?
        .map_err(|_| too_slow())?;
    // The same limit, checked once more at the last moment before storing; from here on
    // the write always finishes and answers what it stored.
    if started.elapsed() >= write_timeout {
        return Err(too_slow());
    }
    let n_entities = extraction.entities.len();
    let n_events = extraction.events.len();
    let article = NewArticle::new(document, extraction, None);
    let put = state
        .with_store(move |state, store| {
            let stored = store_and_reload(state, store, &article);
            // A rebuild that failed half way freed as much as one that finished.
            state.release_memory();
            stored
        })
        .await?;
    let key = put.key().to_string();
    let view = state.view();
    let facts = view
        .catalog
        .record()
        .facts
        .iter()
        .filter(|fact| fact.supports.iter().any(|support| support.article == key))
        .map(|fact| fact.id.clone())
        .collect();
    let (status, outcome_name) = match put {
        PutOutcome::Stored(_) => (StatusCode::CREATED, "stored"),
        PutOutcome::Updated(_) => (StatusCode::OK, "updated"),
        PutOutcome::Unchanged(_) => (StatusCode::OK, "unchanged"),
    };
    Ok((
        status,
        Json(IngestResult {
            key,
            outcome: outcome_name.to_string(),
            entities: n_entities,
            events: n_events,
            facts,
        }),
    ))
}

/// Stores a written article, flushes the index, rebuilds the record if it is stale and
/// reloads the readers and the view.
fn store_and_reload(
    state: &AppState,
    store: &mut pw_store::SqliteStore,
    article: &NewArticle,
) -> ApiResult<PutOutcome> {
    let put = store
        .put_articles(std::slice::from_ref(article))?
        .into_iter()
        .next()
        .ok_or_else(|| ApiError::internal("the store returned no outcome"))?;
    store.flush()?;
    if store.record_is_stale()? {
        pw_store::rebuild_record(store)?;
    }
    state.reload(store)?;
    Ok(put)
}

/// Set when dropped: the request future that owns it was dropped (its client left,
/// or its time ran out), so the extraction it started should stop.
#[derive(Default)]
struct StopOnDrop(Arc<AtomicBool>);

impl Drop for StopOnDrop {
    fn drop(&mut self) {
        self.0.store(true, Ordering::Relaxed);
    }
}

/// Reads the whole body within `body_timeout` (408) and `body_limit` (413).
async fn read_body(body: Body, config: &crate::Config) -> ApiResult<Bytes> {
    match tokio::time::timeout(
        config.body_timeout,
        axum::body::to_bytes(body, config.body_limit),
    )
    .await
    {
        Err(_) => Err(ApiError::new(
            StatusCode::REQUEST_TIMEOUT,
            "timeout",
            format!(
                "the body did not arrive within {} s",
                config.body_timeout.as_secs_f64()
            ),
        )),
        Ok(Ok(bytes)) => Ok(bytes),
        Ok(Err(error)) => {
            let too_large = std::error::Error::source(&error)
                .is_some_and(|cause| cause.is::<http_body_util::LengthLimitError>())
                || error.to_string().contains("length limit");
            if too_large {
                Err(ApiError::new(
                    StatusCode::PAYLOAD_TOO_LARGE,
                    "payload_too_large",
                    format!("the body is over the limit of {} bytes", config.body_limit),
                ))
            } else {
                Err(ApiError::bad_request(format!(
                    "cannot read the body: {error}"
                )))
            }
        }
    }
}

/// The request body → one document, through the same JSON Lines reader `ingest` uses
/// (public for the fuzz targets of `pw-fuzz`).
pub fn parse_article(body: &[u8]) -> ApiResult<Document> {
    let value: serde_json::Value = serde_json::from_slice(body)
        .map_err(|error| ApiError::bad_request(format!("body is not JSON: {error}")))?;
    if !value.is_object() {
        return Err(ApiError::bad_request(
            "body must be one JSON object (an article as on a JSON Lines line)",
        ));
    }
    // Compact form: one line, whatever the client's layout.
    let line = serde_json::to_vec(&value).map_err(ApiError::internal)?;
    let options = pw_ingest::Options {
        max_file_bytes: line.len() as u64 + 1,
        max_article_bytes: line.len() + 1,
    };
    let mut output = pw_ingest::read_bytes("request.jsonl", &line, None, &options);
    if let Some(error) = output.errors.first() {
        // Ingest errors start with the location ("request.jsonl:1: …"); the client
        // sent one object, so the reason alone is the message.
        let message = error.to_string();
        let reason = message
            .split_once(": ")
            .map_or(message.as_str(), |(_, reason)| reason);
        return Err(ApiError::unprocessable(reason.to_string()));
    }
    let mut document = output
        .documents
        .pop()
        .ok_or_else(|| ApiError::unprocessable("the article has no text"))?;
    // Identity: the URL, else the client's id, else the content (see identity_key);
    // a request is not a file.
    document.meta.file = document.meta.id.as_ref().map(|_| "api".to_string());
    Ok(document)
}
