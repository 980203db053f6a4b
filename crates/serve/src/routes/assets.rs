//! The web page: HTML, CSS and JavaScript embedded at compile time, no build step.

use crate::error::ApiError;
use axum::extract::Path;
use axum::http::{HeaderValue, header};
use axum::response::{Html, IntoResponse, Response};

const INDEX_HTML: &str = include_str!("../../assets/index.html");
const APP_JS: &str = include_str!("../../assets/app.js");
const APP_CSS: &str = include_str!("../../assets/app.css");

/// The page; every view is reached through its URL hash (`#/entity/E12`).
pub async fn index() -> Html<&'static str> {
    Html(INDEX_HTML)
}

/// `/assets/app.js` and `/assets/app.css`.
pub async fn asset(Path(name): Path<String>) -> Result<Response, ApiError> {
    let (body, content_type) = match name.as_str() {
        "app.js" => (APP_JS, "text/javascript; charset=utf-8"),
        "app.css" => (APP_CSS, "text/css; charset=utf-8"),
        _ => return Err(ApiError::not_found(format!("no asset {name:?}"))),
    };
    let mut response = body.into_response();
    response
        .headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    // The assets change only with the binary; a short cache keeps reloads cheap.
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("max-age=300"),
    );
    Ok(response)
}
