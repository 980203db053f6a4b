//! The OpenAPI document and the answer for unknown paths.

use crate::error::ApiError;
use axum::Json;
use axum::http::Uri;
use std::sync::OnceLock;
use utoipa::OpenApi;

/// The OpenAPI 3 document of this API (generated from the handlers' annotations).
#[utoipa::path(
    get,
    path = "/api/v1/openapi.json",
    tag = "meta",
    responses((status = 200, description = "The OpenAPI 3 document", content_type = "application/json", body = Object))
)]
pub async fn openapi_json() -> Json<serde_json::Value> {
    static DOCUMENT: OnceLock<serde_json::Value> = OnceLock::new();
    Json(
        DOCUMENT
            .get_or_init(|| {
                serde_json::to_value(crate::openapi::ApiDoc::openapi())
                    .unwrap_or_else(|error| serde_json::json!({ "error": error.to_string() }))
            })
            .clone(),
    )
}

/// Any path no route matches.
pub async fn not_found(uri: Uri) -> ApiError {
    ApiError::not_found(format!("no such path: {}", uri.path()))
}
