//! Every read endpoint, snapshotted on the seed store.

use crate::{get, get_ok, shared_app};
use axum::http::StatusCode;

#[tokio::test]
async fn list_articles() {
    let app = shared_app();
    let page = get_ok(&app, "/api/v1/articles").await;
    insta::assert_json_snapshot!("list_articles", page);
    let first = get_ok(&app, "/api/v1/articles?limit=2").await;
    assert_eq!(first["articles"].as_array().unwrap().len(), 2);
    assert_eq!(first["next"], "a2");
    let second = get_ok(&app, "/api/v1/articles?limit=2&after=a2").await;
    assert_eq!(second["articles"][0]["key"], "a3");
}

#[tokio::test]
async fn get_article() {
    let app = shared_app();
    let article = get_ok(&app, "/api/v1/articles/a1").await;
    // Every highlight is a span of the text on character boundaries.
    let text = article["text"].as_str().unwrap();
    for highlight in article["highlights"].as_array().unwrap() {
        let start = highlight["start"].as_u64().unwrap() as usize;
        let end = highlight["end"].as_u64().unwrap() as usize;
        assert!(text.get(start..end).is_some_and(|slice| !slice.is_empty()));
    }
    insta::assert_json_snapshot!("get_article", article, {
        ".text" => "[text]",
    });
    assert_eq!(
        get(&app, "/api/v1/articles/a999").await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn openapi_document() {
    let app = shared_app();
    let document = get_ok(&app, "/api/v1/openapi.json").await;
    assert!(document["openapi"].as_str().unwrap().starts_with("3."));
    insta::assert_json_snapshot!("openapi", document, {
        ".info.version" => "[version]",
    });
}

#[tokio::test]
async fn the_page_and_its_assets() {
    let app = shared_app();
    let page = get(&app, "/").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.content_type.starts_with("text/html"));
    assert!(page.text.contains("/assets/app.js"));
    for (path, kind) in [
        ("/assets/app.js", "text/javascript"),
        ("/assets/app.css", "text/css"),
    ] {
        let asset = get(&app, path).await;
        assert_eq!(asset.status, StatusCode::OK, "{path}");
        assert!(asset.content_type.starts_with(kind), "{path}");
        assert!(!asset.text.is_empty(), "{path}");
    }
    assert_eq!(
        get(&app, "/assets/nope.js").await.status,
        StatusCode::NOT_FOUND
    );
}
