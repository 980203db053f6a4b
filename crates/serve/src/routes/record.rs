//! The read endpoints over the record, each a thin wrapper over `pw-query`: entities,
//! facts, search, timeline, relations, graph and stats.

use crate::error::{ApiError, ApiResult};
use crate::state::{AppState, View};
use axum::Json;
use axum::extract::{Path, Query, State};
use pw_query::{
    EntityBrief, EntityProfile, FactBrief, FactQuery, FactSummary, Graph, GraphQuery, Relations,
    SearchRequest, SearchResults, Stats, Timeline,
};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

const MAX_LIMIT: usize = 1_000;

impl From<pw_query::Error> for ApiError {
    fn from(error: pw_query::Error) -> ApiError {
        match error {
            pw_query::Error::Store(error) => error.into(),
            error @ pw_query::Error::NotFound { .. } => ApiError::not_found(error.to_string()),
            error @ pw_query::Error::Ambiguous { .. } => ApiError::new(
                axum::http::StatusCode::CONFLICT,
                "ambiguous",
                format!("{error}; ask by id"),
            ),
            pw_query::Error::Invalid(message) => ApiError::bad_request(message),
        }
    }
}

/// A closed-vocabulary value (`type=agree`, `modality=alleged`, `since=2023-07`) from
/// its serde name, with an error that names the parameter.
fn parse<T: DeserializeOwned>(name: &str, raw: Option<&str>) -> ApiResult<Option<T>> {
    let Some(raw) = raw.map(str::trim).filter(|raw| !raw.is_empty()) else {
        return Ok(None);
    };
    serde_json::from_value(serde_json::Value::String(raw.to_string()))
        .map(Some)
        .map_err(|_| ApiError::bad_request(format!("{name}: {raw:?} is not a valid value")))
}

fn non_empty(raw: Option<String>) -> Option<String> {
    raw.map(|value| value.trim().to_string())
        .filter(|value| !value.is_empty())
}

fn limit(raw: Option<usize>, default: usize) -> ApiResult<usize> {
    let limit = raw.unwrap_or(default);
    if (1..=MAX_LIMIT).contains(&limit) {
        Ok(limit)
    } else {
        Err(ApiError::bad_request(format!(
            "limit must be 1 to {MAX_LIMIT}, not {limit}"
        )))
    }
}

/// Filters on facts, shared by `/facts` and `/graph`.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FactParams {
    /// On the source side: a name, alias, id (`E12`) or ISO alpha-3 country.
    pub actor: Option<String>,
    /// On the target side.
    pub target: Option<String>,
    /// On either side.
    pub entity: Option<String>,
    /// Event type (`agree`, `transfer_arms`, `meet`...).
    #[serde(rename = "type")]
    #[param(rename = "type")]
    pub event_type: Option<String>,
    /// Inclusive lower bound on the fact's date (`2023`, `2023-07`, `2023-07-20`).
    pub since: Option<String>,
    /// Inclusive upper bound on the fact's date.
    pub until: Option<String>,
    /// Some report gives this modality (`asserted`, `reported`, `alleged`,
    /// `speculative`, `planned`, `denied`).
    pub modality: Option<String>,
    /// At most this many facts, earliest first (1 to 1000, default 100).
    pub limit: Option<usize>,
}

impl FactParams {
    fn query(self, default_limit: Option<usize>) -> ApiResult<FactQuery> {
        Ok(FactQuery {
            actor: non_empty(self.actor),
            target: non_empty(self.target),
            entity: non_empty(self.entity),
            event_type: parse("type", self.event_type.as_deref())?,
            since: parse("since", self.since.as_deref())?,
            until: parse("until", self.until.as_deref())?,
            modality: parse("modality", self.modality.as_deref())?,
            limit: match (self.limit, default_limit) {
                (None, None) => None,
                (given, default) => Some(limit(given, default.unwrap_or(100))?),
            },
        })
    }
}

/// A list of facts.
#[derive(Debug, Serialize, ToSchema)]
pub struct FactList {
    #[schema(value_type = Vec<Object>)]
    pub facts: Vec<FactBrief>,
}

/// Facts that match every filter given (as `pactwatch facts` filters them).
#[utoipa::path(
    get,
    path = "/api/v1/facts",
    tag = "facts",
    params(FactParams),
    responses(
        (status = 200, description = "Facts, earliest first (pw-query FactBrief: id, event_type, polarity, source, target, date, reports, articles, stories, outlets, modality)", body = FactList),
        (status = 400, description = "A bad filter", body = crate::error::ErrorBody),
        (status = 404, description = "A name that matches no entity", body = crate::error::ErrorBody),
    )
)]
pub async fn list_facts(
    State(state): State<AppState>,
    Query(params): Query<FactParams>,
) -> ApiResult<Json<FactList>> {
    let query = params.query(Some(100))?;
    let facts = state.view().catalog.fact_briefs(&query)?;
    Ok(Json(FactList { facts }))
}

/// A span of a report's sentence that names one of the fact's actors; byte offsets
/// into `evidence`.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ActorSpan {
    pub start: usize,
    pub end: usize,
    /// The record entity (`E12`).
    pub entity: String,
    pub name: String,
}

/// A fact with every supporting report, and for each report the spans of its sentence
/// that name the actors (`highlights[i]` belongs to `supports[i]`).
#[derive(Debug, Serialize, ToSchema)]
pub struct FactDetail {
    #[serde(flatten)]
    #[schema(value_type = Object)]
    pub fact: FactSummary,
    pub highlights: Vec<Vec<ActorSpan>>,
}

/// One fact with every supporting report: article, outlet, dates, modality, the
/// sentence with its actors, and the contradictions between reports.
#[utoipa::path(
    get,
    path = "/api/v1/facts/{id}",
    tag = "facts",
    params(("id" = String, Path, description = "Fact id, e.g. `F3a9c…`")),
    responses(
        (status = 200, description = "The fact (pw-query FactSummary) with actor highlights", body = FactDetail),
        (status = 404, description = "No such fact", body = crate::error::ErrorBody),
    )
)]
pub async fn get_fact(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> ApiResult<Json<FactDetail>> {
    let view = state.view();
    let fact = view.catalog.fact(&id)?;
    let highlights = actor_highlights(&view, &id);
    Ok(Json(FactDetail { fact, highlights }))
}

/// For each report of the fact, the sightings of its actors inside the report's
/// sentence, relative to the sentence (a local adapter: `pw-query`'s reports carry the
/// sentence but not where the actors are in it).
fn actor_highlights(view: &View, id: &str) -> Vec<Vec<ActorSpan>> {
    let Some(fact) = view.catalog.fact_by_id(id) else {
        return Vec::new();
    };
    fact.supports
        .iter()
        .map(|support| {
            let actors: Vec<&String> = support
                .source
                .iter()
                .chain(&support.target)
                .chain(&fact.source)
                .chain(&fact.target)
                .collect();
            let mut spans: Vec<ActorSpan> = view
                .sightings_in(&support.article, support.sentence)
                .iter()
                .filter(|(entity, _)| actors.contains(&entity))
                .filter(|(_, span)| {
                    support.span.start <= span.start && span.end <= support.span.end
                })
                .map(|(entity, span)| ActorSpan {
                    start: span.start - support.span.start,
                    end: span.end - support.span.start,
                    entity: entity.clone(),
                    name: view
                        .catalog
                        .entity(entity)
                        .map_or_else(|| entity.clone(), |record| record.name.clone()),
                })
                .collect();
            spans.sort_by_key(|span| (span.start, std::cmp::Reverse(span.end)));
            let mut end = 0;
            spans.retain(|span| {
                let keep = span.start >= end;
                if keep {
                    end = span.end;
                }
                keep
            });
            spans
        })
        .collect()
}

/// Entity search.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EntityParams {
    /// Words of a name or alias (case and accents ignored); empty: every entity.
    pub q: Option<String>,
    /// `person`, `organization`, `country`, `location` or `equipment`.
    pub kind: Option<String>,
    /// At most this many (1 to 1000, default 50).
    pub limit: Option<usize>,
}

/// Entities, most mentioned first.
#[derive(Debug, Serialize, ToSchema)]
pub struct EntityList {
    /// Entities that match, before the limit.
    pub total: usize,
    #[schema(value_type = Vec<Object>)]
    pub entities: Vec<EntityBrief>,
}

/// Entities whose name or an alias holds every word of `q`, most mentioned first.
#[utoipa::path(
    get,
    path = "/api/v1/entities",
    tag = "entities",
    params(EntityParams),
    responses(
        (status = 200, description = "Entities (pw-query EntityBrief: id, name, kind, country, mentions)", body = EntityList),
        (status = 400, description = "A bad parameter", body = crate::error::ErrorBody),
    )
)]
pub async fn list_entities(
    State(state): State<AppState>,
    Query(params): Query<EntityParams>,
) -> ApiResult<Json<EntityList>> {
    let limit = limit(params.limit, 50)?;
    let kind: Option<pw_model::EntityKind> = parse("kind", params.kind.as_deref())?;
    let view = state.view();
    let mut entities = match non_empty(params.q) {
        Some(words) => view.catalog.entities_with_words(&words),
        None => view.entities_by_mentions(),
    };
    if let Some(kind) = kind {
        entities.retain(|entity| entity.kind == Some(kind));
    }
    let total = entities.len();
    entities.truncate(limit);
    Ok(Json(EntityList { total, entities }))
}

/// Everything the record knows about one entity: names, roles over time, country,
/// counterparts, facts, and why its mentions were merged.
#[utoipa::path(
    get,
    path = "/api/v1/entities/{id}",
    tag = "entities",
    params(("id" = String, Path, description = "Entity id (`E12`), or a name or alias")),
    responses(
        (status = 200, description = "The profile (pw-query EntityProfile)", body = Object),
        (status = 404, description = "No such entity", body = crate::error::ErrorBody),
        (status = 409, description = "The name fits several entities", body = crate::error::ErrorBody),
    )
)]
pub async fn get_entity(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> ApiResult<Json<EntityProfile>> {
    Ok(Json(state.view().catalog.entity_profile(&id)?))
}

/// A full-text search with filters.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SearchParams {
    /// Words: `drone AND Iran`, `"defense pact"`, `title:word`, `a OR (b -c)` (at most
    /// 1,000 bytes and 8 levels of parentheses; a mistake is a 400 with a message).
    pub q: Option<String>,
    /// An entity named in the sentence (name, alias or id).
    pub entity: Option<String>,
    /// An event type found in the sentence.
    #[serde(rename = "type")]
    #[param(rename = "type")]
    pub event_type: Option<String>,
    /// ISO alpha-3 country of an entity in the sentence.
    pub country: Option<String>,
    /// A modality of an event in the sentence.
    pub modality: Option<String>,
    /// Inclusive bounds on the publication date.
    pub since: Option<String>,
    pub until: Option<String>,
    /// At most this many sentences, and as many articles (1 to 1000, default 20).
    pub limit: Option<usize>,
}

/// Matching sentences and articles, with the entities and facts that match.
#[utoipa::path(
    get,
    path = "/api/v1/search",
    tag = "search",
    params(SearchParams),
    responses(
        (status = 200, description = "pw-query SearchResults: sentences, articles, entities, facts", body = Object),
        (status = 400, description = "A bad query or filter", body = crate::error::ErrorBody),
    )
)]
pub async fn search(
    State(state): State<AppState>,
    Query(params): Query<SearchParams>,
) -> ApiResult<Json<SearchResults>> {
    let request = SearchRequest {
        text: params.q.unwrap_or_default().trim().to_string(),
        entity: non_empty(params.entity),
        event_type: parse("type", params.event_type.as_deref())?,
        country: non_empty(params.country),
        since: parse("since", params.since.as_deref())?,
        until: parse("until", params.until.as_deref())?,
        modality: parse("modality", params.modality.as_deref())?,
        limit: limit(params.limit, 20)?,
    };
    if request.text.is_empty() && request.entity.is_none() && request.country.is_none() {
        return Err(ApiError::bad_request(
            "give words (q), an entity or a country to search for",
        ));
    }
    let results = state
        .with_reader(move |view, store| Ok(pw_query::search(store, &view.catalog, &request)?))
        .await?;
    Ok(Json(results))
}

/// A timeline of one entity, or of a pair.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TimelineParams {
    /// The entity (name, alias or id).
    pub entity: String,
    /// A second entity: only facts with one of them on each side.
    pub other: Option<String>,
}

/// Dated facts involving an entity (or between two), earliest first, with reports.
#[utoipa::path(
    get,
    path = "/api/v1/timeline",
    tag = "facts",
    params(TimelineParams),
    responses(
        (status = 200, description = "pw-query Timeline: subject, other, facts, undated", body = Object),
        (status = 400, description = "No entity given", body = crate::error::ErrorBody),
        (status = 404, description = "No such entity", body = crate::error::ErrorBody),
    )
)]
pub async fn get_timeline(
    State(state): State<AppState>,
    Query(params): Query<TimelineParams>,
) -> ApiResult<Json<Timeline>> {
    let other = non_empty(params.other);
    Ok(Json(
        state
            .view()
            .catalog
            .timeline(params.entity.trim(), other.as_deref())?,
    ))
}

/// Whose relations.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RelationsParams {
    /// The entity (name, alias or id).
    pub entity: String,
}

/// An entity's counterparts with fact counts per type and a cooperation/conflict
/// balance.
#[utoipa::path(
    get,
    path = "/api/v1/relations",
    tag = "facts",
    params(RelationsParams),
    responses(
        (status = 200, description = "pw-query Relations", body = Object),
        (status = 404, description = "No such entity", body = crate::error::ErrorBody),
    )
)]
pub async fn get_relations(
    State(state): State<AppState>,
    Query(params): Query<RelationsParams>,
) -> ApiResult<Json<Relations>> {
    Ok(Json(state.view().catalog.relations(params.entity.trim())?))
}

/// The graph around some actors, with fact filters.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct GraphParams {
    /// Comma-separated actors (names, aliases, ids or country codes); empty: every fact.
    pub actors: Option<String>,
    /// Event type of the facts.
    #[serde(rename = "type")]
    #[param(rename = "type")]
    pub event_type: Option<String>,
    /// Inclusive bounds on the facts' dates.
    pub since: Option<String>,
    pub until: Option<String>,
    /// Some report gives this modality.
    pub modality: Option<String>,
}

/// Actors as nodes and facts as edges (one per actor pair and PLOVER type, with
/// polarity and weight = independent stories) for the facts around the actors.
#[utoipa::path(
    get,
    path = "/api/v1/graph",
    tag = "facts",
    params(GraphParams),
    responses(
        (status = 200, description = "pw-query Graph: nodes (id, label, kind, country, facts) and edges (id, source, target, plover, polarity, event_types, mutual, weight, outlets, reports, first_date, last_date, facts)", body = Object),
        (status = 400, description = "A bad filter", body = crate::error::ErrorBody),
        (status = 404, description = "An actor that matches nothing", body = crate::error::ErrorBody),
    )
)]
pub async fn get_graph(
    State(state): State<AppState>,
    Query(params): Query<GraphParams>,
) -> ApiResult<Json<Graph>> {
    let actors = params
        .actors
        .unwrap_or_default()
        .split(',')
        .map(str::trim)
        .filter(|actor| !actor.is_empty())
        .map(str::to_string)
        .collect();
    let facts = FactParams {
        event_type: params.event_type,
        since: params.since,
        until: params.until,
        modality: params.modality,
        ..FactParams::default()
    }
    .query(None)?;
    Ok(Json(
        state.view().catalog.graph(&GraphQuery { actors, facts })?,
    ))
}

/// Counts over the whole record.
#[utoipa::path(
    get,
    path = "/api/v1/stats",
    tag = "facts",
    responses((status = 200, description = "pw-query Stats", body = Object))
)]
pub async fn get_stats(State(state): State<AppState>) -> Json<Stats> {
    Json(state.view().catalog.stats())
}
