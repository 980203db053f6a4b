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

#[tokio::test]
async fn search() {
    let app = shared_app();
    let results = get_ok(&app, "/api/v1/search?q=Novillo").await;
    assert!(!results["sentences"].as_array().unwrap().is_empty());
    assert!(!results["entities"].as_array().unwrap().is_empty());
    insta::assert_json_snapshot!("search", results, {
        ".sentences[].score" => "[score]",
        ".articles[].score" => "[score]",
    });
    let filtered = get_ok(
        &app,
        "/api/v1/search?q=drones&country=IRN&type=transfer_arms",
    )
    .await;
    assert!(filtered["sentences"].is_array());
    assert_eq!(
        get(&app, "/api/v1/search").await.status,
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        get(&app, "/api/v1/search?q=x&type=nonsense").await.status,
        StatusCode::BAD_REQUEST
    );
    // A query the index cannot parse is the client's error, not a 500.
    let unparsable = get(&app, "/api/v1/search?q=title:%22unclosed%20AND").await;
    assert!(!unparsable.status.is_server_error(), "{}", unparsable.text);
}

#[tokio::test]
async fn entities() {
    let app = shared_app();
    let list = get_ok(&app, "/api/v1/entities?q=novillo").await;
    insta::assert_json_snapshot!("list_entities", list);
    let countries = get_ok(&app, "/api/v1/entities?kind=country&limit=3").await;
    assert_eq!(countries["entities"].as_array().unwrap().len(), 3);
    let id = list["entities"][0]["id"].as_str().unwrap();
    let profile = get_ok(&app, &format!("/api/v1/entities/{id}")).await;
    insta::assert_json_snapshot!("get_entity", profile);
    // By name too.
    let bolivia = get_ok(&app, "/api/v1/entities/Bolivia").await;
    assert_eq!(bolivia["entity"]["country"], "BOL");
    assert_eq!(
        get(&app, "/api/v1/entities/Atlantis").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        get(&app, "/api/v1/entities?kind=ship").await.status,
        StatusCode::BAD_REQUEST
    );
}

#[tokio::test]
async fn facts() {
    let app = shared_app();
    let agreements = get_ok(&app, "/api/v1/facts?entity=Bolivia&type=agree").await;
    insta::assert_json_snapshot!("list_facts", agreements);
    let all = get_ok(&app, "/api/v1/facts?limit=1000").await;
    assert!(all["facts"].as_array().unwrap().len() > agreements["facts"].as_array().unwrap().len());
    let dated = get_ok(&app, "/api/v1/facts?since=2023-07&until=2023-07").await;
    for fact in dated["facts"].as_array().unwrap() {
        assert!(
            fact["date"].as_str().unwrap().starts_with("2023-07"),
            "{fact}"
        );
    }
    for bad in ["type=nonsense", "since=July", "modality=sure", "limit=0"] {
        let answer = get(&app, &format!("/api/v1/facts?{bad}")).await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{bad}");
    }
}

/// The memorandum between Iran and Bolivia, reported by four of the seed articles.
#[tokio::test]
async fn get_fact_with_every_report() {
    let app = shared_app();
    let agreements = get_ok(&app, "/api/v1/facts?actor=Iran&target=Bolivia&type=agree").await;
    let memorandum = agreements["facts"]
        .as_array()
        .unwrap()
        .iter()
        .max_by_key(|fact| fact["articles"].as_u64())
        .unwrap();
    assert_eq!(memorandum["articles"], 4);
    let id = memorandum["id"].as_str().unwrap();
    let fact = get_ok(&app, &format!("/api/v1/facts/{id}")).await;
    let supports = fact["supports"].as_array().unwrap();
    let highlights = fact["highlights"].as_array().unwrap();
    assert_eq!(supports.len(), highlights.len());
    // Every highlight names an actor inside its sentence.
    for (support, spans) in supports.iter().zip(highlights) {
        let evidence = support["evidence"].as_str().unwrap();
        for span in spans.as_array().unwrap() {
            let start = span["start"].as_u64().unwrap() as usize;
            let end = span["end"].as_u64().unwrap() as usize;
            assert!(
                evidence
                    .get(start..end)
                    .is_some_and(|text| !text.is_empty())
            );
        }
    }
    insta::assert_json_snapshot!("get_fact", fact);
    assert_eq!(
        get(&app, "/api/v1/facts/Fnope").await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn timeline_relations_graph_stats() {
    let app = shared_app();
    let timeline = get_ok(&app, "/api/v1/timeline?entity=Bolivia&other=Iran").await;
    insta::assert_json_snapshot!("timeline", timeline);
    let relations = get_ok(&app, "/api/v1/relations?entity=Bolivia").await;
    insta::assert_json_snapshot!("relations", relations);
    let graph = get_ok(&app, "/api/v1/graph?actors=Bolivia").await;
    insta::assert_json_snapshot!("graph", graph);
    let cooperation = get_ok(
        &app,
        "/api/v1/graph?actors=Bolivia,Iran&type=agree&since=2023",
    )
    .await;
    for edge in cooperation["edges"].as_array().unwrap() {
        assert_eq!(edge["event_types"], serde_json::json!(["agree"]));
    }
    let stats = get_ok(&app, "/api/v1/stats").await;
    insta::assert_json_snapshot!("stats", stats);
    assert_eq!(stats["articles"], 5);
    assert_eq!(
        get(&app, "/api/v1/timeline").await.status,
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        get(&app, "/api/v1/graph?actors=Atlantis").await.status,
        StatusCode::NOT_FOUND
    );
}
