//! Bad input of every kind answers in the envelope with the right status, and never
//! panics the server or shows its internals.

use crate::{error_code, get, send, shared_app};
use axum::body::Body;
use axum::http::{Request, StatusCode};

#[tokio::test]
async fn unknown_paths_methods_and_parameters() {
    let app = shared_app();
    let cases: &[(&str, StatusCode, &str)] = &[
        ("/api/v1/nope", StatusCode::NOT_FOUND, "not_found"),
        ("/api/v1/articles/zz", StatusCode::NOT_FOUND, "not_found"),
        ("/api/v1/articles/a-1", StatusCode::NOT_FOUND, "not_found"),
        (
            "/api/v1/articles/a99999999999999999999999",
            StatusCode::NOT_FOUND,
            "not_found",
        ),
        (
            "/api/v1/articles?limit=abc",
            StatusCode::BAD_REQUEST,
            "bad_request",
        ),
        (
            "/api/v1/articles?limit=0",
            StatusCode::BAD_REQUEST,
            "bad_request",
        ),
        (
            "/api/v1/articles?limit=100000",
            StatusCode::BAD_REQUEST,
            "bad_request",
        ),
        (
            "/api/v1/articles?after=x",
            StatusCode::BAD_REQUEST,
            "bad_request",
        ),
    ];
    for &(uri, status, code) in cases {
        let answer = get(&app, uri).await;
        assert_eq!(answer.status, status, "{uri}: {}", answer.text);
        assert_eq!(error_code(&answer), code, "{uri}");
    }
    let delete = send(
        &app,
        Request::delete("/api/v1/articles")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(delete.status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(error_code(&delete), "method_not_allowed");
    assert!(delete.headers.contains_key("allow"));
}

async fn boom() -> &'static str {
    panic!("secret detail")
}

#[tokio::test]
async fn a_panicking_handler_is_a_500_envelope() {
    use axum::routing::get as route_get;
    // The same layers as the real router, around a handler that panics.
    let app = pw_serve::router_with(
        crate::fresh_state().0,
        axum::Router::new().route("/boom", route_get(boom)),
    );
    let answer = get(&app, "/boom").await;
    assert_eq!(answer.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(error_code(&answer), "internal");
    assert!(!answer.text.contains("secret"));
}

#[tokio::test]
async fn a_slow_request_times_out_in_the_envelope() {
    use axum::routing::get as route_get;
    let config = pw_serve::Config {
        read_timeout: std::time::Duration::from_millis(50),
        ..crate::quiet_config()
    };
    let dir = tempfile::tempdir().unwrap();
    let state = pw_serve::AppState::new(crate::seed_store(dir.path()), config).unwrap();
    let app = pw_serve::router_with(
        state,
        axum::Router::new().route(
            "/slow",
            route_get(|| async {
                tokio::time::sleep(std::time::Duration::from_secs(5)).await;
                "late"
            }),
        ),
    );
    let answer = get(&app, "/slow").await;
    assert_eq!(answer.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(error_code(&answer), "timeout");
}

/// Percent-encodes a query value (the tests only need the characters used here).
fn encode(value: &str) -> String {
    let mut out = String::new();
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => out.push(byte as char),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

#[tokio::test]
async fn hostile_search_queries_are_400s_and_the_server_goes_on() {
    let app = shared_app();
    let nested = format!("{}drone{}", "(".repeat(2_200), ")".repeat(2_200));
    let deep_but_short = format!("{}drone{}", "(".repeat(40), ")".repeat(40));
    let cases: &[(&str, &str)] = &[
        (&nested, "too long"),
        (&deep_but_short, "too deeply"),
        ("q:*", "unknown field"),
        ("text:*", "wildcards"),
        ("drone AND", "both sides"),
        ("(drone", "not closed"),
        ("\"defense pact", "not closed"),
        ("!!!", "no words"),
    ];
    for (query, expected) in cases {
        let uri = format!("/api/v1/search?q={}", encode(query));
        let answer = get(&app, &uri).await;
        assert_eq!(
            answer.status,
            StatusCode::BAD_REQUEST,
            "{query}: {}",
            answer.text
        );
        assert_eq!(error_code(&answer), "bad_request");
        let message = answer.json["error"]["message"].as_str().unwrap();
        assert!(message.contains(expected), "{query}: {message}");
        assert!(
            message.len() < 300,
            "the message quotes a short query: {message}"
        );
    }
    // The same server answers the next request.
    let answer = get(&app, "/api/v1/search?q=memorandum").await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.text);
    assert!(!answer.json["sentences"].as_array().unwrap().is_empty());
    let answer = get(
        &app,
        &format!("/api/v1/search?q={}", encode("(memorandum OR drone) -zzz")),
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.text);
    assert!(!answer.json["sentences"].as_array().unwrap().is_empty());
}
