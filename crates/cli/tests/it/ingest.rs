//! `pactwatch ingest`: idempotency, updates, bad input, a run killed midway, and search
//! over what was stored. Databases live in scratch folders; inputs are the repository's
//! corpus or written at test time.

use super::{GOOD_ARTICLE, OTHER_ARTICLE, Scratch, pactwatch, stderr, stdout};
use pw_store::{Scope, SearchQuery, SqliteStore, Store};
use rusqlite::{Connection, OpenFlags};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus/seeds");
const WH_SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../corpus/wh/wh-sample.jsonl"
);

fn ingest(db: &Path, inputs: &[&str]) -> std::process::Output {
    let mut args = vec!["ingest".to_string(), "--db".to_string()];
    args.push(db.display().to_string());
    args.extend(inputs.iter().map(|input| input.to_string()));
    pactwatch(args)
}

/// The summary line's counts: (stored, updated, skipped, failed).
fn counts(output: &std::process::Output) -> (u64, u64, u64, u64) {
    let out = stdout(output);
    let line = out
        .lines()
        .find(|line| line.contains(" stored, "))
        .unwrap_or_else(|| panic!("no summary line in {out:?}; stderr: {}", stderr(output)));
    let number = |label: &str| -> u64 {
        let before = line.split(label).next().expect("label in the summary");
        before
            .rsplit(|c: char| !c.is_ascii_digit())
            .find(|word| !word.is_empty())
            .and_then(|digits| digits.parse().ok())
            .unwrap_or_else(|| panic!("no count before {label:?} in {line:?}"))
    };
    (
        number(" stored"),
        number(" updated"),
        number(" skipped"),
        number(" failed"),
    )
}

/// Identity and content hash of every stored article, sorted: what "the same store"
/// means, whatever keys the rows got.
fn stored_articles(db: &Path) -> Vec<(String, String)> {
    let connection = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .expect("open the database");
    let mut statement = connection
        .prepare("SELECT identity, content_hash FROM articles ORDER BY identity")
        .unwrap();
    statement
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

/// The number of stored articles, as another process sees it mid-run (None while the
/// database does not exist yet).
fn count_while_running(db: &Path) -> Option<u64> {
    let connection = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY).ok()?;
    connection
        .query_row("SELECT count(*) FROM articles", [], |row| {
            row.get::<_, i64>(0)
        })
        .ok()
        .and_then(|count| u64::try_from(count).ok())
}

#[test]
fn ingest_twice_stores_then_skips() {
    let scratch = Scratch::new("ingest-twice");
    let db = scratch.path("pactwatch.db");
    let first = ingest(&db, &[SEEDS]);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    assert_eq!(counts(&first), (5, 0, 0, 0));
    assert!(db.is_file());
    assert!(scratch.path("pactwatch.db.index").is_dir());
    let second = ingest(&db, &[SEEDS]);
    assert_eq!(second.status.code(), Some(0), "{}", stderr(&second));
    assert_eq!(counts(&second), (0, 0, 5, 0));
    assert_eq!(stored_articles(&db).len(), 5);
    let store = SqliteStore::open(&db).unwrap();
    assert!(
        !store.record_is_stale().unwrap(),
        "ingest rebuilds the record"
    );
}

#[test]
fn a_changed_article_is_updated_and_whitespace_is_no_change() {
    let scratch = Scratch::new("ingest-update");
    let db = scratch.path("pactwatch.db");
    let article = scratch.write("a.txt", GOOD_ARTICLE);
    scratch.write("b.txt", OTHER_ARTICLE);
    let folder = scratch.0.display().to_string();
    let first = ingest(
        &db,
        &[
            &article.display().to_string(),
            &scratch.path("b.txt").display().to_string(),
        ],
    );
    assert_eq!(counts(&first), (2, 0, 0, 0), "{}", stderr(&first));
    let before = stored_articles(&db);

    std::fs::write(&article, GOOD_ARTICLE.replace(' ', "  ")).unwrap();
    let rewrapped = ingest(&db, &[&article.display().to_string()]);
    assert_eq!(counts(&rewrapped), (0, 0, 1, 0), "{}", stderr(&rewrapped));

    let changed = format!("{GOOD_ARTICLE}\nThe deal also covers patrol boats.\n");
    std::fs::write(&article, changed).unwrap();
    // Named through another path: the identity is the absolute path.
    let relative = ingest(
        &db,
        &[
            &format!("{folder}/./a.txt"),
            &scratch.path("b.txt").display().to_string(),
        ],
    );
    assert_eq!(counts(&relative), (0, 1, 1, 0), "{}", stderr(&relative));
    let after = stored_articles(&db);
    assert_eq!(after.len(), 2);
    assert_ne!(before, after);
    let store = SqliteStore::open(&db).unwrap();
    let hits = store.search(&SearchQuery::text("patrol boats")).unwrap();
    assert_eq!(hits.len(), 1, "{hits:?}");
}

#[test]
fn bad_inputs_fail_one_by_one_and_the_rest_is_stored() {
    let scratch = Scratch::new("ingest-bad");
    let db = scratch.path("pactwatch.db");
    let good = scratch.write("good.txt", GOOD_ARTICLE);
    let empty = scratch.write("empty.txt", "");
    let missing = scratch.path("missing.txt");
    let output = ingest(
        &db,
        &[
            &good.display().to_string(),
            &empty.display().to_string(),
            &missing.display().to_string(),
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    let errors = stderr(&output);
    assert!(errors.contains("empty.txt: empty document"), "{errors}");
    assert!(
        errors.contains("missing.txt: no such file or directory"),
        "{errors}"
    );
    assert_eq!(counts(&output), (1, 0, 0, 2));
    assert_eq!(stored_articles(&db).len(), 1);
}

#[test]
fn an_unusable_database_is_a_setup_error() {
    let scratch = Scratch::new("ingest-baddb");
    let db = scratch.write("not-a.db", b"this is not a database, just text long enough to be read as a header........................................");
    let output = ingest(&db, &[SEEDS]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(stderr(&output).contains("not-a.db"), "{}", stderr(&output));
}

#[test]
fn an_ingest_killed_midway_completes_when_run_again() {
    let scratch = Scratch::new("ingest-kill");
    let killed_db = scratch.path("killed.db");
    let clean_db = scratch.path("clean.db");
    // One thread and small batches: slow enough to be caught midway, with commits.
    let args = |db: &Path| {
        vec![
            "ingest".to_string(),
            "--threads".to_string(),
            "1".to_string(),
            "--batch-size".to_string(),
            "8".to_string(),
            "--db".to_string(),
            db.display().to_string(),
            WH_SAMPLE.to_string(),
        ]
    };
    let mut child = Command::new(super::BIN)
        .args(args(&killed_db))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start pactwatch ingest");
    let deadline = Instant::now() + Duration::from_secs(120);
    let mut seen = 0;
    while Instant::now() < deadline {
        seen = count_while_running(&killed_db).unwrap_or(0);
        if seen >= 16 || child.try_wait().unwrap().is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().expect("kill pactwatch"); // SIGKILL: no cleanup runs
    child.wait().unwrap();
    let at_kill = count_while_running(&killed_db).unwrap_or(0);
    assert!(seen >= 16, "the run committed nothing in time");
    assert!(at_kill < 495, "the run finished before it could be killed");

    let resumed = Command::new(super::BIN)
        .args(args(&killed_db))
        .output()
        .unwrap();
    let clean = Command::new(super::BIN)
        .args(args(&clean_db))
        .output()
        .unwrap();
    // Exit codes agree (an article extraction cannot handle fails in both runs alike).
    assert_eq!(
        resumed.status.code(),
        clean.status.code(),
        "{}",
        stderr(&resumed)
    );
    let (stored, updated, skipped, failed) = counts(&resumed);
    let (clean_stored, _, _, clean_failed) = counts(&clean);
    assert_eq!(updated, 0);
    assert!(
        skipped >= at_kill,
        "what was committed before the kill is skipped"
    );
    assert_eq!(
        stored + skipped,
        clean_stored,
        "nothing lost, nothing doubled"
    );
    assert_eq!(failed, clean_failed);
    assert_eq!(stored_articles(&killed_db), stored_articles(&clean_db));

    // The search index caught up too: the same hits in both stores.
    let hits = |db: &Path, scope: Scope| -> Vec<String> {
        let store = SqliteStore::open(db).unwrap();
        let hits = store
            .search(&SearchQuery {
                scope,
                limit: 100_000,
                ..SearchQuery::text("president")
            })
            .unwrap();
        let mut found: Vec<String> = hits
            .iter()
            .map(|hit| {
                let article = store.article(hit.article).unwrap().unwrap();
                format!("{} {:?}", article.identity, hit.sentence)
            })
            .collect();
        found.sort();
        found
    };
    for scope in [Scope::Sentences, Scope::Articles] {
        let killed = hits(&killed_db, scope);
        assert!(!killed.is_empty());
        assert_eq!(killed, hits(&clean_db, scope), "{scope:?}");
    }
}

#[test]
fn search_finds_a_seed_sentence_by_word_and_by_filter() {
    let scratch = Scratch::new("ingest-search");
    let db = scratch.path("pactwatch.db");
    let output = ingest(&db, &[SEEDS]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let store = SqliteStore::open(&db).unwrap();
    let by_word = store.search(&SearchQuery::text("memorandum")).unwrap();
    assert!(
        by_word
            .iter()
            .any(|hit| hit.snippet.contains("memorandum of understanding")),
        "{by_word:?}"
    );
    let by_filter = store
        .search(&SearchQuery {
            entity: Some("Edmundo Novillo".into()),
            country: Some("BOL".into()),
            ..SearchQuery::text("")
        })
        .unwrap();
    assert!(!by_filter.is_empty());
    for hit in &by_filter {
        let article = store.article(hit.article).unwrap().unwrap();
        let extraction = store.extraction(hit.article).unwrap().unwrap();
        let sentence = hit.sentence.expect("a sentence hit");
        let text = extraction.sentences[sentence].slice(&article.document.text);
        assert!(text.contains("Novillo"), "{text}");
    }
}

#[test]
fn a_feed_without_guids_or_links_is_stored_once_over_three_runs() {
    let scratch = Scratch::new("feed-no-guid");
    let db = scratch.path("pactwatch.db");
    let feed = scratch.write(
        "wire.rss",
        r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
        <item><title>Pact</title><pubDate>Mon, 10 Feb 2025 10:00:00 +0000</pubDate>
        <description>Iran and Bolivia signed a defense memorandum in Tehran.</description></item>
        <item><title>Jets</title>
        <description>Russia delivered two Su-35 fighter jets to Algeria.</description></item>
        </channel></rss>"#,
    );
    let feed = feed.display().to_string();
    for run in 0..3 {
        let output = ingest(&db, &[&feed]);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        let expected = if run == 0 { (2, 0, 0, 0) } else { (0, 0, 2, 0) };
        assert_eq!(counts(&output), expected, "run {run}");
    }
    assert_eq!(stored_articles(&db).len(), 2);
    // And `extract` says the same thing every time.
    let first = stdout(&pactwatch(["extract", feed.as_str()]));
    assert_eq!(first, stdout(&pactwatch(["extract", feed.as_str()])));
    assert!(first.contains("\"id\":\"item-"), "{first}");
}

#[test]
fn a_second_writer_is_refused_in_one_line_while_readers_go_on() {
    let scratch = Scratch::new("second-writer");
    let db = scratch.path("pactwatch.db");
    let article = scratch.write("good.txt", GOOD_ARTICLE);
    let article = article.display().to_string();
    let first = ingest(&db, &[&article]);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    // This test process is the writer now.
    let writer = SqliteStore::open(&db).unwrap();
    let other = scratch.write("other.txt", OTHER_ARTICLE);
    let second = ingest(&db, &[&other.display().to_string()]);
    let message = stderr(&second);
    assert_eq!(second.status.code(), Some(2), "{message}");
    assert_eq!(message.lines().count(), 1, "{message}");
    assert!(
        message.contains("another pactwatch process is writing"),
        "{message}"
    );
    let search = pactwatch([
        "search".as_ref(),
        "memorandum".as_ref(),
        "--db".as_ref(),
        db.as_os_str(),
    ]);
    assert!(search.status.success(), "{}", stderr(&search));
    assert!(stdout(&search).contains("memorandum"));
    drop(writer);
    let third = ingest(&db, &[&other.display().to_string()]);
    assert_eq!(third.status.code(), Some(0), "{}", stderr(&third));
    assert_eq!(counts(&third).0, 1);
}

#[test]
fn languages_are_stored_and_an_unsupported_one_is_named() {
    let scratch = Scratch::new("ingest-languages");
    let db = scratch.path("pactwatch.db");
    let spanish = scratch.write(
        "es.txt",
        "El ministro de Defensa de Bolivia firmó un memorando de entendimiento con Irán, \
         según la agencia estatal. El acuerdo incluye la compra de drones para la policía.",
    );
    let french = scratch.write(
        "fr.txt",
        "Le ministre de la Défense de la Bolivie a signé un accord avec le gouvernement iranien \
         dans la capitale, et il est parti pour Paris avec les drones.",
    );
    let english = scratch.write("en.txt", GOOD_ARTICLE);
    let inputs: Vec<String> = [&spanish, &french, &english]
        .iter()
        .map(|path| path.display().to_string())
        .collect();
    let inputs: Vec<&str> = inputs.iter().map(String::as_str).collect();
    let first = ingest(&db, &inputs);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    assert_eq!(counts(&first), (3, 0, 0, 0));
    let notices: Vec<String> = stderr(&first)
        .lines()
        .filter(|line| line.contains("not supported"))
        .map(str::to_string)
        .collect();
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert!(
        notices[0].ends_with("fr.txt: language fr is not supported: stored, events not extracted"),
        "{notices:?}"
    );
    assert!(
        stdout(&first).contains("(1 in languages not supported, events not extracted)"),
        "{}",
        stdout(&first)
    );
    // Stored with its language, and no events.
    let store = SqliteStore::open_reader(&db).unwrap();
    let articles = store.list_articles(pw_store::Page::first(10)).unwrap();
    let languages: Vec<_> = articles
        .iter()
        .map(|article| article.document.meta.language.as_deref())
        .collect();
    assert_eq!(languages, [Some("es"), Some("fr"), Some("en")]);
    let french_key = articles[1].key;
    assert!(
        store
            .extraction(french_key)
            .unwrap()
            .unwrap()
            .events
            .is_empty()
    );
    drop(store);

    let listed = stdout(&pactwatch([
        "articles",
        "--language",
        "es",
        "--db",
        &db.display().to_string(),
    ]));
    assert!(listed.starts_with("1 article in es\n"), "{listed}");
    assert!(
        listed.contains("es.txt") && listed.trim_end().ends_with(", es"),
        "{listed}"
    );
    let all = stdout(&pactwatch(["articles", "--db", &db.display().to_string()]));
    assert!(all.starts_with("3 articles\n"), "{all}");
    let json = stdout(&pactwatch([
        "articles",
        "--json",
        "--language",
        "FR",
        "--db",
        &db.display().to_string(),
    ]));
    let line: serde_json::Value = serde_json::from_str(json.trim()).unwrap();
    assert_eq!(line["language"], "fr");
    assert_eq!(line["language_from"], "detected");
    let bad = pactwatch([
        "articles",
        "--language",
        "e5",
        "--db",
        &db.display().to_string(),
    ]);
    assert!(!bad.status.success());

    // A second run skips them all, and names nothing again.
    let second = ingest(&db, &inputs);
    assert_eq!(counts(&second), (0, 0, 3, 0));
    assert!(
        !stderr(&second).contains("not supported"),
        "{}",
        stderr(&second)
    );
}
