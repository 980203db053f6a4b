//! The OpenAPI document, assembled from the handlers' `#[utoipa::path]` annotations.

use crate::error::{ErrorBody, ErrorDetail};
use crate::routes::{articles, record};
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::{Modify, OpenApi};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Pactwatch",
        description = "A sourced, queryable record of defense pacts, arms deals and military ties from news. Every error is `{\"error\":{\"code\":…,\"message\":…}}`.",
        license(name = "MIT OR Apache-2.0"),
    ),
    paths(
        articles::list_articles,
        articles::get_article,
        articles::create_article,
        record::search,
        record::list_entities,
        record::get_entity,
        record::list_facts,
        record::get_fact,
        record::get_timeline,
        record::get_relations,
        record::get_graph,
        record::get_stats,
        crate::routes::meta::openapi_json,
    ),
    components(schemas(
        ErrorBody,
        ErrorDetail,
        articles::ArticleList,
        articles::ArticleSummary,
        articles::ArticleDetail,
        articles::ArticleEntity,
        articles::ArticleEvent,
        articles::Highlight,
        articles::SpanBody,
        articles::IngestResult,
        record::FactList,
        record::FactDetail,
        record::ActorSpan,
        record::EntityList,
    )),
    modifiers(&BearerToken),
    tags(
        (name = "articles", description = "Stored articles, and ingest of one"),
        (name = "search", description = "Full-text search with the matching entities and facts"),
        (name = "entities", description = "People, organizations, countries, places, equipment"),
        (name = "facts", description = "Facts with their reports; timeline, relations, graph, stats"),
        (name = "meta", description = "This document"),
    )
)]
pub struct ApiDoc;

/// Declares the bearer token the write endpoint needs.
struct BearerToken;

impl Modify for BearerToken {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(Http::new(HttpAuthScheme::Bearer)),
        );
    }
}
