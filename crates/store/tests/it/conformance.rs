//! The conformance suite: what every [`Store`] must do. Each check takes a fresh, empty
//! store as `&mut dyn Store`; `conformance_suite!` turns the list into one test per
//! check for an implementation (a PostgreSQL store adds one line at the bottom).

use crate::fixtures::{record, revised, seeds};
use pw_model::{EventType, LanguageSource, Modality, PartialDate};
use pw_record::{Correction, EntityRef, Record};
use pw_store::{
    ArticleFilter, ArticleKey, Error, FactFilter, Page, PutOutcome, Scope, SearchQuery, Store,
    WatchId,
};

fn put_seeds(store: &mut dyn Store) -> Vec<ArticleKey> {
    let outcomes = store.put_articles(&seeds()).expect("put seeds");
    store.flush().expect("flush");
    outcomes.into_iter().map(PutOutcome::key).collect()
}

pub fn articles_round_trip(store: &mut dyn Store) {
    let seeds = seeds();
    let outcomes = store.put_articles(&seeds).unwrap();
    assert!(
        outcomes
            .iter()
            .all(|outcome| matches!(outcome, PutOutcome::Stored(_)))
    );
    assert_eq!(store.count_articles().unwrap(), 5);
    for (seed, outcome) in seeds.iter().zip(&outcomes) {
        let stored = store
            .article(outcome.key())
            .unwrap()
            .expect("stored article");
        assert_eq!(stored.key, outcome.key());
        assert_eq!(stored.identity, seed.identity);
        assert_eq!(stored.content_hash, seed.content_hash);
        assert_eq!(stored.document, seed.document);
        assert_eq!(
            store.extraction(outcome.key()).unwrap().as_ref(),
            Some(&seed.extraction)
        );
        assert_eq!(
            store.find_identity(&seed.identity).unwrap(),
            Some((outcome.key(), seed.content_hash.clone()))
        );
    }
    let mut identities = store.identities().unwrap();
    identities.sort();
    let mut expected: Vec<(String, String)> = seeds
        .iter()
        .map(|seed| (seed.identity.clone(), seed.content_hash.clone()))
        .collect();
    expected.sort();
    assert_eq!(identities, expected);
}

pub fn articles_keep_their_language_and_list_by_it(store: &mut dyn Store) {
    let mut articles = seeds();
    let mut spanish = articles[0].clone();
    spanish.identity = "url:https://diario.test/pacto".to_string();
    spanish.document.meta.language = Some("es".to_string());
    spanish.document.meta.language_from = LanguageSource::Metadata;
    let mut unknown = articles[1].clone();
    unknown.identity = "url:https://unknown.test/a".to_string();
    unknown.document.meta.language = None;
    unknown.document.meta.language_from = LanguageSource::Unknown;
    articles.push(spanish);
    articles.push(unknown);
    let keys: Vec<ArticleKey> = store
        .put_articles(&articles)
        .unwrap()
        .into_iter()
        .map(PutOutcome::key)
        .collect();
    let stored = store.article(keys[5]).unwrap().unwrap();
    assert_eq!(stored.document.meta.language.as_deref(), Some("es"));
    assert_eq!(stored.document.meta.language_from, LanguageSource::Metadata);
    let stored = store.article(keys[6]).unwrap().unwrap();
    assert_eq!(stored.document.meta.language, None);
    assert_eq!(stored.document.meta.language_from, LanguageSource::Unknown);
    let listed = |language: &str, limit: usize| -> Vec<ArticleKey> {
        store
            .list_articles_where(Page::first(limit), &ArticleFilter::language(language))
            .unwrap()
            .iter()
            .map(|article| article.key)
            .collect()
    };
    assert_eq!(listed("es", 100), [keys[5]]);
    assert_eq!(listed("ES", 100), [keys[5]]);
    assert!(listed("fr", 100).is_empty());
    let english: Vec<ArticleKey> = articles
        .iter()
        .zip(&keys)
        .filter(|(article, _)| article.document.meta.language.as_deref() == Some("en"))
        .map(|(_, key)| *key)
        .collect();
    assert_eq!(listed("en", 100), english);
    if let Some(first) = english.first() {
        assert_eq!(listed("en", 1), [*first]);
    }
    assert_eq!(
        store
            .count_articles_where(&ArticleFilter::language("es"))
            .unwrap(),
        1
    );
    assert_eq!(
        store
            .count_articles_where(&ArticleFilter::default())
            .unwrap(),
        7
    );
    // The unfiltered listing is the plain one.
    assert_eq!(
        store
            .list_articles_where(Page::first(100), &ArticleFilter::default())
            .unwrap(),
        store.list_articles(Page::first(100)).unwrap()
    );
}

pub fn missing_things_are_none(store: &mut dyn Store) {
    assert_eq!(store.count_articles().unwrap(), 0);
    assert!(store.article(ArticleKey(999)).unwrap().is_none());
    assert!(store.extraction(ArticleKey(999)).unwrap().is_none());
    assert!(store.find_identity("url:nowhere").unwrap().is_none());
    assert_eq!(store.record().unwrap(), Record::default());
    assert!(store.corrections().unwrap().items.is_empty());
    assert!(store.watches().unwrap().is_empty());
    assert!(store.search(&SearchQuery::text("Iran")).unwrap().is_empty());
}

pub fn listing_pages_in_key_order(store: &mut dyn Store) {
    let keys = put_seeds(store);
    let mut listed = Vec::new();
    let mut page = Page::first(2);
    loop {
        let articles = store.list_articles(page).unwrap();
        assert!(articles.len() <= 2);
        let Some(last) = articles.last() else { break };
        page.after = Some(last.key);
        listed.extend(articles.iter().map(|article| article.key));
    }
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(listed, sorted);
}

pub fn putting_the_same_articles_again_changes_nothing(store: &mut dyn Store) {
    let keys = put_seeds(store);
    let again = store.put_articles(&seeds()).unwrap();
    assert_eq!(
        again,
        keys.iter()
            .map(|&key| PutOutcome::Unchanged(key))
            .collect::<Vec<_>>()
    );
    assert_eq!(store.count_articles().unwrap(), 5);
}

/// An article stored after its extraction was stopped (`--article-timeout`) is never
/// "unchanged": ingest sees no content hash for it and the same text with a full
/// extraction replaces it, so the next run extracts it again.
pub fn an_article_whose_extraction_stopped_is_replaced_by_the_same_text(store: &mut dyn Store) {
    let seeds = seeds();
    let mut stopped = seeds[2].clone();
    stopped.extraction = pw_model::Extraction::default();
    stopped
        .document
        .diagnostics
        .push(pw_model::Diagnostic::warning(
            pw_store::EXTRACTION_STOPPED,
            "extraction took longer than 1 s (--article-timeout) and was stopped",
        ));
    let key = match store.put_articles(std::slice::from_ref(&stopped)).unwrap()[..] {
        [PutOutcome::Stored(key)] => key,
        ref other => panic!("stored once: {other:?}"),
    };
    let hashes = |store: &dyn Store| -> std::collections::HashMap<String, String> {
        store.identities().unwrap().into_iter().collect()
    };
    assert_eq!(
        hashes(store)[&stopped.identity],
        "",
        "no hash: extract it again"
    );
    assert_eq!(
        store.put_articles(std::slice::from_ref(&stopped)).unwrap(),
        vec![PutOutcome::Updated(key)],
        "a stopped extraction is never unchanged"
    );
    assert_eq!(
        store.put_articles(&seeds[2..3]).unwrap(),
        vec![PutOutcome::Updated(key)]
    );
    assert_eq!(
        store.extraction(key).unwrap(),
        Some(seeds[2].extraction.clone())
    );
    assert_eq!(hashes(store)[&seeds[2].identity], seeds[2].content_hash);
    assert_eq!(
        store.put_articles(&seeds[2..3]).unwrap(),
        vec![PutOutcome::Unchanged(key)]
    );
}

pub fn a_changed_article_is_updated_in_place(store: &mut dyn Store) {
    let keys = put_seeds(store);
    let seeds = seeds();
    let newer = revised(
        &seeds[1],
        "Officials said the zeppelinette programme is delayed.",
    );
    let outcome = store.put_articles(std::slice::from_ref(&newer)).unwrap();
    assert_eq!(outcome, vec![PutOutcome::Updated(keys[1])]);
    store.flush().unwrap();
    assert_eq!(store.count_articles().unwrap(), 5);
    let stored = store.article(keys[1]).unwrap().unwrap();
    assert_eq!(stored.document.text, newer.document.text);
    assert_eq!(stored.content_hash, newer.content_hash);
    assert_eq!(
        store.extraction(keys[1]).unwrap(),
        Some(newer.extraction.clone())
    );
    // The search index follows: the new word is found, once, in the same article.
    let hits = store.search(&SearchQuery::text("zeppelinette")).unwrap();
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(hits[0].article, keys[1]);
    let articles = store
        .search(&SearchQuery {
            scope: Scope::Articles,
            ..SearchQuery::text("zeppelinette")
        })
        .unwrap();
    assert_eq!(articles.len(), 1, "{articles:?}");
    // Whitespace alone is no change.
    let mut rewrapped = newer.clone();
    rewrapped.document.text = newer.document.text.replace(' ', "  ");
    rewrapped.content_hash = pw_store::content_hash(&rewrapped.document.text);
    assert_eq!(
        store.put_articles(&[rewrapped]).unwrap(),
        vec![PutOutcome::Unchanged(keys[1])]
    );
}

pub fn one_batch_may_hold_two_versions(store: &mut dyn Store) {
    let seeds = seeds();
    let newer = revised(&seeds[0], "A later paragraph.");
    let outcomes = store.put_articles(&[seeds[0].clone(), newer]).unwrap();
    let key = outcomes[0].key();
    assert_eq!(
        outcomes,
        vec![PutOutcome::Stored(key), PutOutcome::Updated(key)]
    );
    assert_eq!(store.count_articles().unwrap(), 1);
}

pub fn the_record_is_replaced_whole(store: &mut dyn Store) {
    put_seeds(store);
    assert!(
        store.record_is_stale().unwrap(),
        "new articles make the record stale"
    );
    let record = record();
    let before = store.record_version().unwrap();
    store.put_record(&record).unwrap();
    assert!(!store.record_is_stale().unwrap());
    let after = store.record_version().unwrap();
    assert!(
        before.is_none() || after != before,
        "putting a record changes its version: {before:?} {after:?}"
    );
    assert_eq!(store.record().unwrap(), record);
    let mut smaller = record.clone();
    smaller.facts.truncate(1);
    smaller.entities.truncate(2);
    store.put_record(&smaller).unwrap();
    assert_eq!(store.record().unwrap(), smaller);
    assert_eq!(store.facts(&FactFilter::default()).unwrap(), smaller.facts);
    store.put_record(&Record::default()).unwrap();
    assert_eq!(store.record().unwrap(), Record::default());
    store.put_articles(&seeds()).unwrap();
    assert!(
        !store.record_is_stale().unwrap(),
        "unchanged articles leave it fresh"
    );
}

pub fn facts_filter_on_their_columns(store: &mut dyn Store) {
    let record = record();
    store.put_record(&record).unwrap();
    let ids = |filter: FactFilter| -> Vec<String> {
        store
            .facts(&filter)
            .unwrap()
            .into_iter()
            .map(|fact| fact.id)
            .collect()
    };
    assert_eq!(ids(FactFilter::default()), ["F1", "F2"]);
    let by_type = FactFilter {
        event_type: Some(EventType::TransferArms),
        ..FactFilter::default()
    };
    assert_eq!(ids(by_type), ["F2"]);
    let by_target = FactFilter {
        entity: Some("E2".into()),
        ..FactFilter::default()
    };
    assert_eq!(ids(by_target), ["F1"]);
    let by_country = FactFilter {
        country: Some("irn".into()),
        ..FactFilter::default()
    };
    assert_eq!(ids(by_country), ["F1", "F2"]);
    let by_country = FactFilter {
        country: Some("BOL".into()),
        ..FactFilter::default()
    };
    assert_eq!(ids(by_country), ["F1"]);
    let by_modality = FactFilter {
        modality: Some(Modality::Reported),
        ..FactFilter::default()
    };
    assert_eq!(ids(by_modality), ["F1"]);
    let in_2023 = FactFilter {
        date_from: Some(PartialDate::Year { year: 2023 }),
        date_to: Some(PartialDate::Year { year: 2023 }),
        ..FactFilter::default()
    };
    assert_eq!(ids(in_2023), ["F1"]);
    let until_june_2023 = FactFilter {
        date_to: Some(PartialDate::Month {
            year: 2023,
            month: 6,
        }),
        ..FactFilter::default()
    };
    assert_eq!(ids(until_june_2023), ["F2"]);
    let nothing = FactFilter {
        event_type: Some(EventType::Agree),
        modality: Some(Modality::Planned),
        ..FactFilter::default()
    };
    assert!(ids(nothing).is_empty());
}

pub fn corrections_keep_their_order(store: &mut dyn Store) {
    store.put_record(&Record::default()).unwrap();
    let first = Correction::Merge {
        a: EntityRef {
            article: "a1".into(),
            entity: pw_model::EntityId(1),
        },
        b: EntityRef {
            article: "a2".into(),
            entity: pw_model::EntityId(4),
        },
    };
    let second = Correction::Split {
        mention: EntityRef {
            article: "a3".into(),
            entity: pw_model::EntityId(0),
        },
    };
    let one = store.add_correction(&first).unwrap();
    let two = store.add_correction(&second).unwrap();
    assert!(two > one);
    assert_eq!(store.corrections().unwrap().items, vec![first, second]);
    assert!(
        store.record_is_stale().unwrap(),
        "a correction makes the record stale"
    );
}

pub fn watch_queries(store: &mut dyn Store) {
    let drones = store.add_watch("drones", "drone AND Iran").unwrap();
    let pacts = store.add_watch("pacts", "\"defense pact\"").unwrap();
    assert_ne!(drones, pacts);
    store
        .set_watch_last_run(pacts, "2026-11-23T10:00:00Z")
        .unwrap();
    let watches = store.watches().unwrap();
    assert_eq!(watches.len(), 2);
    assert_eq!(watches[0].name, "drones");
    assert_eq!(watches[0].query, "drone AND Iran");
    assert_eq!(watches[0].last_run, None);
    assert_eq!(watches[1].last_run.as_deref(), Some("2026-11-23T10:00:00Z"));
    let missing = store.set_watch_last_run(WatchId(999), "2026-11-23T10:00:00Z");
    assert!(
        matches!(missing, Err(Error::NoSuchWatch(999))),
        "{missing:?}"
    );
    assert!(store.watch_seen(drones).unwrap().is_empty());
    let first = ["a1:v0".to_string(), "a2:v1".to_string()];
    store.add_watch_seen(drones, &first, "run 1").unwrap();
    store
        .add_watch_seen(drones, &["a2:v1".to_string(), "a3:v0".to_string()], "run 2")
        .unwrap();
    assert_eq!(
        store.watch_seen(drones).unwrap(),
        ["a1:v0", "a2:v1", "a3:v0"]
    );
    assert!(store.watch_seen(pacts).unwrap().is_empty());
    assert_eq!(
        store.watches().unwrap()[0].last_run.as_deref(),
        Some("run 2")
    );
    assert!(matches!(
        store.add_watch_seen(WatchId(999), &first, "run 3"),
        Err(Error::NoSuchWatch(999))
    ));
}

pub fn article_metas_follow_the_articles(store: &mut dyn Store) {
    let keys = put_seeds(store);
    let metas = store.article_metas().unwrap();
    assert_eq!(metas.len(), keys.len());
    for (key, meta) in &metas {
        let article = store.article(*key).unwrap().unwrap();
        assert_eq!(&article.document.meta, meta);
    }
}

pub fn search_finds_sentences_by_word_and_filter(store: &mut dyn Store) {
    let keys = put_seeds(store);
    let seeds = seeds();
    // By a word: the memorandum of seed 001.
    let hits = store.search(&SearchQuery::text("memorandum")).unwrap();
    assert!(!hits.is_empty());
    let hit = hits
        .iter()
        .find(|hit| hit.article == keys[1])
        .expect("seed 001 mentions the memorandum");
    let sentence = hit.sentence.expect("a sentence hit");
    let span = seeds[1].extraction.sentences[sentence];
    assert!(span.slice(&seeds[1].document.text).contains("memorandum"));
    assert!(hit.snippet.to_lowercase().contains("memorandum"), "{hit:?}");
    assert!(hit.score > 0.0);
    // Stemming: "signing" finds "signed".
    assert!(
        !store
            .search(&SearchQuery::text("signing"))
            .unwrap()
            .is_empty()
    );
    // By filter: an agreement sentence with Bolivia's country code, no words at all.
    let agreements = store
        .search(&SearchQuery {
            event_type: Some(EventType::Agree),
            country: Some("bol".into()),
            limit: 100,
            ..SearchQuery::text("")
        })
        .unwrap();
    assert!(!agreements.is_empty());
    for hit in &agreements {
        let index = keys.iter().position(|&key| key == hit.article).unwrap();
        let extraction = &seeds[index].extraction;
        let sentence = hit.sentence.unwrap();
        assert!(
            extraction
                .events
                .iter()
                .any(|event| event.sentence == sentence && event.event_type == EventType::Agree),
            "{hit:?}"
        );
    }
    // By entity (case-insensitive) together with a word.
    let novillo = store
        .search(&SearchQuery {
            entity: Some("bolivia".into()),
            ..SearchQuery::text("Novillo")
        })
        .unwrap();
    assert!(!novillo.is_empty());
    assert!(
        novillo.iter().all(|hit| hit.snippet.contains("Novillo")),
        "{novillo:?}"
    );
    // A filter nothing matches.
    let none = store
        .search(&SearchQuery {
            entity: Some("Atlantis".into()),
            ..SearchQuery::text("Iran")
        })
        .unwrap();
    assert!(none.is_empty());
}

pub fn search_by_date_and_by_article(store: &mut dyn Store) {
    let keys = put_seeds(store);
    let published = |key: ArticleKey| store.article(key).unwrap().unwrap().document.meta.published;
    let dated: Vec<ArticleKey> = keys
        .iter()
        .copied()
        .filter(|&key| published(key).is_some())
        .collect();
    assert!(!dated.is_empty(), "some seed has a publication date");
    let first = published(dated[0]).unwrap();
    let hits = store
        .search(&SearchQuery {
            published_from: Some(first),
            published_to: Some(first),
            limit: 1000,
            ..SearchQuery::text("Iran OR Bolivia OR Russia")
        })
        .unwrap();
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|hit| published(hit.article) == Some(first)));
    let articles = store
        .search(&SearchQuery {
            scope: Scope::Articles,
            limit: 10,
            ..SearchQuery::text("Iran")
        })
        .unwrap();
    assert!(articles.len() >= 3, "{articles:?}");
    assert!(articles.iter().all(|hit| hit.sentence.is_none()));
    let mut distinct: Vec<ArticleKey> = articles.iter().map(|hit| hit.article).collect();
    distinct.dedup();
    assert_eq!(distinct.len(), articles.len(), "one hit per article");
    // Query syntax errors are errors, not panics.
    let bad = store.search(&SearchQuery::text("title:("));
    assert!(matches!(bad, Err(Error::Query { .. })), "{bad:?}");
}

pub fn search_query_language_is_bounded(store: &mut dyn Store) {
    put_seeds(store);
    let count = |text: &str| {
        store
            .search(&SearchQuery {
                limit: 1000,
                ..SearchQuery::text(text)
            })
            .unwrap_or_else(|error| panic!("{text}: {error}"))
            .len()
    };
    let memorandum = count("memorandum");
    assert!(memorandum > 0);
    assert_eq!(count("(((memorandum)))"), memorandum);
    assert_eq!(count("memorandum OR zzzqqq"), memorandum);
    assert_eq!(count("memorandum zzzqqq"), 0, "conjunction by default");
    assert_eq!(count("memorandum -memorandum"), 0);
    assert_eq!(count("NOT zzzqqq memorandum"), memorandum);
    assert!(
        count("-memorandum") > 0,
        "a pure exclusion excludes from everything"
    );
    assert!(count("\"memorandum of understanding\"") <= memorandum);
    assert!(count("text:memorandum") > 0);
    // Hostile or mistaken queries are `Error::Query` with a short message, never a panic
    // or a stack overflow.
    for text in [
        format!("{}a{}", "(".repeat(2_200), ")".repeat(2_200)),
        format!("{}a{}", "(".repeat(100), ")".repeat(100)),
        "q:*".to_string(),
        "text:*".to_string(),
        "drone AND".to_string(),
        "\"open".to_string(),
        "x ".repeat(400),
    ] {
        match store.search(&SearchQuery::text(&text)) {
            Err(error @ Error::Query { .. }) => {
                assert!(error.to_string().len() < 300, "{error}")
            }
            other => panic!("{text}: {other:?}"),
        }
    }
}

/// One test per check for a store implementation: `conformance_suite!(name, open)`,
/// where `open` is an expression giving `(guard, store)`; the guard (a temp folder,
/// a database) lives as long as the test.
macro_rules! conformance_suite {
    ($backend:ident, $open:expr) => {
        mod $backend {
            #[allow(unused_imports)]
            use super::*;
            conformance_suite!(@tests $open;
                articles_round_trip,
                articles_keep_their_language_and_list_by_it,
                missing_things_are_none,
                listing_pages_in_key_order,
                putting_the_same_articles_again_changes_nothing,
                a_changed_article_is_updated_in_place,
                an_article_whose_extraction_stopped_is_replaced_by_the_same_text,
                one_batch_may_hold_two_versions,
                the_record_is_replaced_whole,
                facts_filter_on_their_columns,
                corrections_keep_their_order,
                watch_queries,
                article_metas_follow_the_articles,
                search_finds_sentences_by_word_and_filter,
                search_by_date_and_by_article,
                search_query_language_is_bounded,
            );
        }
    };
    (@tests $open:expr; $($check:ident),* $(,)?) => {
        $(
            #[test]
            fn $check() {
                let (_guard, mut store) = $open;
                super::$check(&mut store);
            }
        )*
    };
}

conformance_suite!(sqlite, {
    let folder = tempfile::tempdir().expect("temp folder");
    let store = pw_store::SqliteStore::open(folder.path().join("pactwatch.db")).expect("open");
    (folder, store)
});
