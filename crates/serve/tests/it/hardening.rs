//! The server against hostile clients, over a real socket where it matters: slow
//! headers, slow bodies, bodies sent without the token, a write past its time, and
//! the security headers and link policy of the page.

use crate::{
    TOKEN, error_code, fresh_app, get, get_ok, post_article, quiet_config, send, shared_app,
};
use axum::http::StatusCode;
use pw_serve::Config;
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// A guard against a test that would hang, never a measurement.
const GUARD: Duration = Duration::from_secs(60);

/// A server on 127.0.0.1 with `config`, over a fresh seed store; its address.
async fn start(config: Config) -> (std::net::SocketAddr, tempfile::TempDir) {
    let (address, _, dir) = start_with_state(config).await;
    (address, dir)
}

/// [`start`], with the server's state to look at.
async fn start_with_state(
    config: Config,
) -> (std::net::SocketAddr, pw_serve::AppState, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let store = crate::seed_store(dir.path());
    let state = pw_serve::AppState::new(store, config).unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(pw_serve::serve(
        listener,
        state.clone(),
        std::future::pending(),
    ));
    (address, state, dir)
}

/// An article whose extraction takes seconds (about 1.5 MB of text), as a POST body.
fn long_article_body(url: &str) -> String {
    let sentence = "Kazakhstan and Qatar signed a defense cooperation agreement in Astana \
                    on Monday, and Russia criticized the deal. ";
    serde_json::json!({ "url": url, "text": sentence.repeat(1_500_000 / sentence.len()) })
        .to_string()
}

/// Waits (at most GUARD) until the server has stopped `n` extractions.
async fn until_stopped(state: &pw_serve::AppState, n: u64) {
    let waited = tokio::time::timeout(GUARD, async {
        while state.extractions_stopped() < n {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    })
    .await;
    assert!(
        waited.is_ok(),
        "the extraction was not stopped: {} stopped",
        state.extractions_stopped()
    );
}

/// Everything the server sends until it closes the connection.
async fn read_until_closed(stream: &mut TcpStream) -> String {
    let mut bytes = Vec::new();
    tokio::time::timeout(GUARD, stream.read_to_end(&mut bytes))
        .await
        .expect("the server closed the connection")
        .expect("read from the server");
    String::from_utf8_lossy(&bytes).into_owned()
}

async fn simple_get(address: std::net::SocketAddr, path: &str) -> String {
    let mut stream = TcpStream::connect(address).await.unwrap();
    let request = format!("GET {path} HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).await.unwrap();
    read_until_closed(&mut stream).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_headers_are_cut_off_and_others_are_served() {
    let config = Config {
        header_timeout: Duration::from_millis(300),
        ..quiet_config()
    };
    let (address, _dir) = start(config).await;
    let mut slow = Vec::new();
    for _ in 0..200 {
        let mut stream = TcpStream::connect(address).await.unwrap();
        // On a loaded machine the server may already have cut an early one off.
        let _ = stream
            .write_all(b"GET /api/v1/stats HTTP/1.1\r\nHost: test\r\n")
            .await;
        slow.push(stream);
    }
    // Others are answered while the slow ones hang on.
    for _ in 0..10 {
        let answer = simple_get(address, "/api/v1/stats").await;
        assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    }
    // One more header line now and then does not keep a connection: the header as a
    // whole has its time.
    let _ = slow[0].write_all(b"X-One: 1\r\n").await;
    for stream in &mut slow {
        // Closed with a 408, or reset: either way the server let go.
        let mut bytes = Vec::new();
        let _ = tokio::time::timeout(GUARD, stream.read_to_end(&mut bytes))
            .await
            .expect("the server closed the slow connection");
        let answer = String::from_utf8_lossy(&bytes);
        assert!(
            answer.is_empty() || answer.starts_with("HTTP/1.1 408"),
            "{answer}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_token_is_checked_before_the_body_is_read() {
    let (address, _dir) = start(quiet_config()).await;
    let mut stream = TcpStream::connect(address).await.unwrap();
    // A big body announced and never sent: the answer comes anyway.
    stream
        .write_all(
            b"POST /api/v1/articles HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n\
              Content-Length: 1000000\r\nConnection: close\r\n\r\n",
        )
        .await
        .unwrap();
    let mut head = vec![0u8; 12];
    tokio::time::timeout(GUARD, stream.read_exact(&mut head))
        .await
        .expect("answered without the body")
        .unwrap();
    assert_eq!(&head, b"HTTP/1.1 401");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_slow_body_is_a_408() {
    let config = Config {
        body_timeout: Duration::from_millis(300),
        ..quiet_config()
    };
    let (address, _dir) = start(config).await;
    let mut stream = TcpStream::connect(address).await.unwrap();
    let head = format!(
        "POST /api/v1/articles HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n\
         Authorization: Bearer {TOKEN}\r\nContent-Length: 1000\r\nConnection: close\r\n\r\n{{\"text\""
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    let answer = read_until_closed(&mut stream).await;
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(answer.contains("\"code\":\"timeout\""), "{answer}");
}

#[tokio::test]
async fn a_write_past_its_time_is_a_503_and_stores_nothing() {
    let fresh = fresh_app(Config {
        write_timeout: Duration::ZERO,
        ..quiet_config()
    });
    let before = get_ok(&fresh.app, "/api/v1/articles").await["total"].clone();
    let body = serde_json::json!({
        "url": "https://example.test/late",
        "text": "Kazakhstan and Qatar signed a defense cooperation agreement in Astana on Monday."
    })
    .to_string();
    let answer = send(&fresh.app, post_article(body, Some(TOKEN))).await;
    assert_eq!(
        answer.status,
        StatusCode::SERVICE_UNAVAILABLE,
        "{}",
        answer.text
    );
    assert_eq!(error_code(&answer), "timeout");
    assert!(
        answer.text.contains("nothing was stored"),
        "{}",
        answer.text
    );
    assert_eq!(
        get_ok(&fresh.app, "/api/v1/articles").await["total"],
        before
    );
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let app = shared_app();
    for path in ["/", "/assets/app.js", "/api/v1/stats", "/api/v1/nope"] {
        let answer = get(&app, path).await;
        let header = |name: &str| {
            answer
                .headers
                .get(name)
                .and_then(|value| value.to_str().ok())
                .unwrap_or("")
                .to_string()
        };
        let csp = header("content-security-policy");
        for directive in [
            "default-src 'none'",
            "script-src 'self'",
            "style-src 'self'",
            "frame-ancestors 'none'",
        ] {
            assert!(csp.contains(directive), "{path}: {csp}");
        }
        assert_eq!(header("x-content-type-options"), "nosniff", "{path}");
        assert_eq!(header("x-frame-options"), "DENY", "{path}");
    }
}

#[test]
fn the_page_keeps_to_its_csp_and_links_only_http_urls() {
    let assets = concat!(env!("CARGO_MANIFEST_DIR"), "/assets");
    let html = std::fs::read_to_string(format!("{assets}/index.html")).unwrap();
    let js = std::fs::read_to_string(format!("{assets}/app.js")).unwrap();
    // No inline script or style: the CSP allows neither.
    for (at, _) in html.match_indices("<script") {
        let tag = &html[at..at + html[at..].find('>').unwrap()];
        assert!(tag.contains(" src="), "inline script: {tag}");
    }
    assert!(!html.contains("<style"), "inline style element");
    for source in [&html, &js] {
        assert!(!source.contains("style=\""), "a style attribute");
        assert!(!source.contains(" onclick="), "an inline handler");
    }
    // Article URLs become links through httpUrl only.
    assert!(js.contains("function httpUrl("));
    assert!(!js.contains("href=\"${esc(article.url)}\""));
    assert!(!js.contains("href=\"${article.url}"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_writes_take_turns_and_all_are_stored() {
    let fresh = fresh_app(quiet_config());
    let body = |n: usize| {
        serde_json::json!({
            "url": format!("https://example.test/turn/{n}"),
            "text": format!("Kazakhstan and Qatar signed defense agreement number {n} in Astana on Monday.")
        })
        .to_string()
    };
    let (a, b, c) = tokio::join!(
        send(&fresh.app, post_article(body(1), Some(TOKEN))),
        send(&fresh.app, post_article(body(2), Some(TOKEN))),
        send(&fresh.app, post_article(body(3), Some(TOKEN))),
    );
    for answer in [a, b, c] {
        assert_eq!(answer.status, StatusCode::CREATED, "{}", answer.text);
    }
    assert_eq!(get_ok(&fresh.app, "/api/v1/articles").await["total"], 8);
}

/// A write whose time runs out is answered 503, and its extraction stops there: its
/// work does not go on after the answer.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_timed_out_write_stops_its_extraction() {
    let dir = tempfile::tempdir().unwrap();
    let state = pw_serve::AppState::new(
        crate::seed_store(dir.path()),
        Config {
            write_timeout: Duration::from_millis(200),
            ..quiet_config()
        },
    )
    .unwrap();
    let app = pw_serve::router(state.clone());
    let answer = send(
        &app,
        post_article(long_article_body("https://example.test/slow"), Some(TOKEN)),
    )
    .await;
    assert_eq!(
        answer.status,
        StatusCode::SERVICE_UNAVAILABLE,
        "{}",
        answer.text
    );
    until_stopped(&state, 1).await;
    assert_eq!(get_ok(&app, "/api/v1/articles").await["total"], 5);
}

/// A client that sends a long article and leaves: the server stops the extraction it
/// started for it, stores nothing, and serves the next client.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_write_whose_client_left_stops_its_extraction() {
    let (address, state, _dir) = start_with_state(quiet_config()).await;
    let body = long_article_body("https://example.test/abandoned");
    let mut stream = TcpStream::connect(address).await.unwrap();
    let request = format!(
        "POST /api/v1/articles HTTP/1.1\r\nHost: test\r\nAuthorization: Bearer {TOKEN}\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).await.unwrap();
    stream.flush().await.unwrap();
    // Let the extraction start, then leave.
    tokio::time::sleep(Duration::from_millis(300)).await;
    drop(stream);
    until_stopped(&state, 1).await;
    let answer = simple_get(address, "/api/v1/articles").await;
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(answer.contains("\"total\":5"), "{answer}");
}
