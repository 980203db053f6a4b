//! `POST /api/v1/articles`: refused without the token, with a wrong one, on a server
//! without one, and over the size limit; accepted with it, and searchable at once.

use crate::{TOKEN, error_code, fresh_app, get, get_ok, post_article, quiet_config, send};
use axum::http::StatusCode;
use pw_serve::Config;
use serde_json::json;

fn article() -> String {
    json!({
        "url": "https://example.test/2024/03/pact",
        "title": "Kazakhstan and Qatar sign a defense pact",
        "outlet": "Example Wire",
        "published": "2024-03-05",
        "text": "Kazakhstan and Qatar signed a defense cooperation agreement in Astana on Monday, \
                 the Kazakh Defense Minister Ruslan Zhaksylykov said.\n\n\
                 The agreement covers the training of officers, according to the ministry."
    })
    .to_string()
}

#[tokio::test]
async fn refused_without_a_token_or_with_a_wrong_one() {
    let fresh = fresh_app(quiet_config());
    let missing = send(&fresh.app, post_article(article(), None)).await;
    assert_eq!(missing.status, StatusCode::UNAUTHORIZED);
    assert_eq!(error_code(&missing), "unauthorized");
    assert!(missing.headers.contains_key("www-authenticate"));
    let wrong = send(&fresh.app, post_article(article(), Some("not-the-token"))).await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    // Nothing was stored.
    let list = get_ok(&fresh.app, "/api/v1/articles").await;
    assert_eq!(list["total"], 5);
}

#[tokio::test]
async fn refused_when_the_server_has_no_token() {
    let fresh = fresh_app(Config {
        token: None,
        ..quiet_config()
    });
    let answer = send(&fresh.app, post_article(article(), Some(TOKEN))).await;
    assert_eq!(answer.status, StatusCode::FORBIDDEN);
    assert_eq!(error_code(&answer), "forbidden");
}

#[tokio::test]
async fn oversized_bodies_are_413() {
    let fresh = fresh_app(Config {
        body_limit: 4 << 10,
        ..quiet_config()
    });
    let big = json!({ "text": "Iran and Bolivia signed a pact. ".repeat(200) }).to_string();
    assert!(big.len() > 4 << 10);
    let answer = send(&fresh.app, post_article(big, Some(TOKEN))).await;
    assert_eq!(answer.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(error_code(&answer), "payload_too_large");
    // The default limit is 2 MiB.
    let fresh = fresh_app(quiet_config());
    let big = vec![b' '; (2 << 20) + 1];
    let answer = send(&fresh.app, post_article(big, Some(TOKEN))).await;
    assert_eq!(answer.status, StatusCode::PAYLOAD_TOO_LARGE);
}

#[tokio::test]
async fn bad_bodies_are_4xx() {
    let fresh = fresh_app(quiet_config());
    let cases: &[(&str, StatusCode)] = &[
        ("", StatusCode::BAD_REQUEST),
        ("not json", StatusCode::BAD_REQUEST),
        ("[1, 2]", StatusCode::BAD_REQUEST),
        ("\"text\"", StatusCode::BAD_REQUEST),
        ("{}", StatusCode::UNPROCESSABLE_ENTITY),
        ("{\"text\": \"   \"}", StatusCode::UNPROCESSABLE_ENTITY),
        ("{\"text\": 12}", StatusCode::UNPROCESSABLE_ENTITY),
    ];
    for &(body, status) in cases {
        let answer = send(&fresh.app, post_article(body, Some(TOKEN))).await;
        assert_eq!(answer.status, status, "{body:?}: {}", answer.text);
        error_code(&answer);
    }
    let mut request = post_article(article(), Some(TOKEN));
    request
        .headers_mut()
        .insert("content-type", "text/plain".parse().unwrap());
    let answer = send(&fresh.app, request).await;
    assert_eq!(answer.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
}

#[tokio::test]
async fn accepted_with_the_token_and_queryable_at_once() {
    let fresh = fresh_app(quiet_config());
    let answer = send(&fresh.app, post_article(article(), Some(TOKEN))).await;
    assert_eq!(answer.status, StatusCode::CREATED, "{}", answer.text);
    insta::assert_json_snapshot!("create_article", answer.json);
    let key = answer.json["key"].as_str().unwrap().to_string();
    assert_eq!(key, "a6");
    let stored = get_ok(&fresh.app, &format!("/api/v1/articles/{key}")).await;
    assert_eq!(stored["outlet"], "Example Wire");
    assert_eq!(stored["published"], "2024-03-05");
    let list = get_ok(&fresh.app, "/api/v1/articles").await;
    assert_eq!(list["total"], 6);
    // The same article again changes nothing.
    let again = send(&fresh.app, post_article(article(), Some(TOKEN))).await;
    assert_eq!(again.status, StatusCode::OK);
    assert_eq!(again.json["outcome"], "unchanged");
    assert_eq!(again.json["key"], key.as_str());
}

#[tokio::test]
async fn a_new_article_is_searchable_at_once() {
    let fresh = fresh_app(quiet_config());
    let before = get_ok(&fresh.app, "/api/v1/search?q=Zhaksylykov").await;
    assert!(before["sentences"].as_array().unwrap().is_empty());
    let answer = send(&fresh.app, post_article(article(), Some(TOKEN))).await;
    assert_eq!(answer.status, StatusCode::CREATED, "{}", answer.text);
    let after = get_ok(&fresh.app, "/api/v1/search?q=Zhaksylykov").await;
    let sentences = after["sentences"].as_array().unwrap();
    assert!(!sentences.is_empty(), "{after}");
    assert_eq!(sentences[0]["article"]["key"], "a6");
    // And in the record: the new countries and their fact.
    let stats = get_ok(&fresh.app, "/api/v1/stats").await;
    assert_eq!(stats["articles"], 6);
    let facts = get_ok(&fresh.app, "/api/v1/facts?entity=Qatar").await;
    assert!(!facts["facts"].as_array().unwrap().is_empty(), "{facts}");
}

#[tokio::test]
async fn articles_carry_their_language_and_list_by_it() {
    let fresh = fresh_app(quiet_config());
    let spanish = json!({
        "url": "https://diario.test/2024/03/pacto",
        "title": "Bolivia e Irán firman un memorando",
        "language": "es-BO",
        "text": "El ministro de Defensa de Bolivia firmó un memorando de entendimiento con Irán, \
                 según la agencia. El acuerdo incluye la compra de drones para la policía."
    })
    .to_string();
    let answer = send(&fresh.app, post_article(spanish, Some(TOKEN))).await;
    assert_eq!(answer.status, StatusCode::CREATED, "{}", answer.text);
    let key = answer.json["key"].as_str().unwrap().to_string();
    let article = get_ok(&fresh.app, &format!("/api/v1/articles/{key}")).await;
    assert_eq!(article["language"], "es");
    assert_eq!(article["language_from"], "metadata");
    // The seeds say nothing of their language: it is detected.
    let seed = get_ok(&fresh.app, "/api/v1/articles/a1").await;
    assert_eq!(seed["language"], "en");
    assert_eq!(seed["language_from"], "detected");

    let list = get_ok(&fresh.app, "/api/v1/articles?language=es").await;
    assert_eq!(list["total"], 1);
    assert_eq!(list["articles"][0]["key"], key.as_str());
    assert_eq!(list["articles"][0]["language"], "es");
    assert_eq!(list["articles"][0]["language_from"], "metadata");
    // A tag that names the language works as well as its code.
    let list = get_ok(&fresh.app, "/api/v1/articles?language=spa").await;
    assert_eq!(list["total"], 1);
    let english = get_ok(&fresh.app, "/api/v1/articles?language=en&limit=2").await;
    assert_eq!(english["total"], 5);
    assert_eq!(english["next"], "a2");
    assert!(
        english["articles"]
            .as_array()
            .unwrap()
            .iter()
            .all(|article| article["language"] == "en")
    );
    let none = get_ok(&fresh.app, "/api/v1/articles?language=fr").await;
    assert_eq!(none["total"], 0);
    assert!(none["next"].is_null());
    let bad = get(&fresh.app, "/api/v1/articles?language=e5").await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
}

static RELEASED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

fn count_release() {
    RELEASED.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
}

#[tokio::test]
async fn a_write_hands_its_memory_back_on_both_threads_and_a_refused_one_has_none() {
    let fresh = fresh_app(Config {
        release_memory: Some(count_release),
        ..quiet_config()
    });
    let refused = send(&fresh.app, post_article(article(), None)).await;
    assert_eq!(refused.status, StatusCode::UNAUTHORIZED);
    assert_eq!(RELEASED.load(std::sync::atomic::Ordering::SeqCst), 0);
    let stored = send(&fresh.app, post_article(article(), Some(TOKEN))).await;
    assert_eq!(stored.status, StatusCode::CREATED, "{}", stored.text);
    // Once after the extraction, once after storing and the record rebuild.
    assert_eq!(RELEASED.load(std::sync::atomic::Ordering::SeqCst), 2);
}
