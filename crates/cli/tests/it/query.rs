//! The read commands over the seed articles: golden text outputs, the Iran–Bolivia
//! facts, corrections that survive re-ingest, watches that report only new facts, and
//! exports read back.
//!
//! The seeds are ingested one file at a time, in name order, so the article keys
//! (`a1` = 000 ... `a5` = 004) and with them every record id are the same on every
//! run. Re-bless the goldens after an intended change and review the diff:
//!
//! ```sh
//! UPDATE_EXPECT=1 cargo test -p pactwatch --test it query::
//! git diff crates/cli/tests/golden
//! ```

use super::{GOOD_ARTICLE, OTHER_ARTICLE, Scratch, pactwatch, stderr, stdout};
use serde_json::Value;
use std::path::{Path, PathBuf};

const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus/seeds");
const GOLDEN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden");

/// A database of the five seeds, ingested in name order.
fn seed_db(scratch: &Scratch) -> PathBuf {
    let db = scratch.path("seeds.db");
    let mut files: Vec<PathBuf> = std::fs::read_dir(SEEDS)
        .expect("the seeds folder")
        .map(|entry| entry.expect("a seeds entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 5);
    for file in files {
        let output = pactwatch([
            "ingest".as_ref(),
            "--db".as_ref(),
            db.as_os_str(),
            file.as_os_str(),
        ]);
        assert!(output.status.success(), "{}", stderr(&output));
    }
    db
}

/// Runs `pactwatch ARGS --db DB`; the command must succeed.
fn run(db: &Path, args: &[&str]) -> String {
    let mut all: Vec<String> = args.iter().map(|arg| arg.to_string()).collect();
    all.push("--db".to_string());
    all.push(db.display().to_string());
    let output = pactwatch(&all);
    assert!(
        output.status.success(),
        "pactwatch {all:?} failed: {}",
        stderr(&output)
    );
    stdout(&output)
}

fn json_lines(text: &str) -> Vec<Value> {
    text.lines()
        .map(|line| serde_json::from_str(line).expect("a JSON line"))
        .collect()
}

fn updating() -> bool {
    std::env::var_os("UPDATE_EXPECT").is_some_and(|value| !value.is_empty() && value != "0")
}

/// Compares with `tests/golden/<name>.txt`, or writes it under UPDATE_EXPECT=1.
fn golden(name: &str, actual: &str, failures: &mut Vec<String>) {
    let path = Path::new(GOLDEN).join(format!("{name}.txt"));
    if updating() {
        std::fs::create_dir_all(GOLDEN).expect("create the golden folder");
        std::fs::write(&path, actual).expect("write a golden file");
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    if expected != actual {
        failures.push(format!(
            "{name}: output differs from {} (UPDATE_EXPECT=1 to re-bless)\n--- actual\n{actual}",
            path.display()
        ));
    }
}

/// The three-digit seed number of a report's article file.
fn seed_number(report: &Value) -> String {
    let file = report["article"]["file"].as_str().unwrap_or_default();
    let name = file.rsplit('/').next().unwrap_or_default();
    name.get(..3).unwrap_or(name).to_string()
}

#[test]
fn read_commands_on_the_seeds() {
    let scratch = Scratch::new("query-goldens");
    let db = seed_db(&scratch);
    let mut failures = Vec::new();
    let cases: [(&str, &[&str]); 6] = [
        (
            "facts_iran_bolivia",
            &["facts", "--actor", "Iran", "--target", "Bolivia"],
        ),
        ("entity_novillo", &["entity", "Novillo"]),
        ("timeline_iran_bolivia", &["timeline", "Iran", "Bolivia"]),
        ("relations_bolivia", &["relations", "Bolivia"]),
        ("search_drones", &["search", "drones"]),
        (
            "facts_transfers_2023",
            &[
                "facts",
                "--type",
                "transfer_arms",
                "--since",
                "2023",
                "--until",
                "2023-12",
            ],
        ),
    ];
    for (name, args) in cases {
        golden(name, &run(&db, args), &mut failures);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));

    // The July 2023 memorandum: four articles, 000, 001, 003 and 004.
    let facts = json_lines(&run(
        &db,
        &["facts", "--actor", "Iran", "--target", "Bolivia", "--json"],
    ));
    let memorandum = facts
        .iter()
        .find(|fact| fact["event_type"] == "agree" && fact["date"] == "2023-07-20")
        .expect("the memorandum of July 2023");
    let mut seeds: Vec<String> = memorandum["supports"]
        .as_array()
        .unwrap()
        .iter()
        .map(seed_number)
        .collect();
    seeds.sort();
    seeds.dedup();
    assert_eq!(seeds, ["000", "001", "003", "004"]);
    assert_eq!(memorandum["articles"], 4);
    // The drone transfer, from speculative to asserted.
    let transfer = facts
        .iter()
        .find(|fact| fact["event_type"] == "transfer_arms")
        .expect("the drone transfer");
    assert_eq!(transfer["modality"]["low"], "speculative");
    assert_eq!(transfer["modality"]["high"], "asserted");
    assert!(
        transfer["equipment"]
            .as_array()
            .unwrap()
            .iter()
            .any(|equipment| equipment["name"] == "drone")
    );
    let text = run(&db, &["facts", "--actor", "Iran", "--target", "Bolivia"]);
    assert!(text.contains("modality: speculative to asserted"), "{text}");
    assert!(text.contains("reports disagree on the equipment"), "{text}");

    // Bad names and filters are errors, exit 2.
    let missing = pactwatch(["entity", "Atlantis", "--db", db.to_str().unwrap()]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        stderr(&missing).contains("no entity matches"),
        "{}",
        stderr(&missing)
    );
    let bad_type = pactwatch(["facts", "--type", "nonsense", "--db", db.to_str().unwrap()]);
    assert_eq!(bad_type.status.code(), Some(2));
    let no_db = pactwatch(["facts", "--db", scratch.path("none.db").to_str().unwrap()]);
    assert_eq!(no_db.status.code(), Some(2));
    assert!(
        !scratch.path("none.db").exists(),
        "a read command never creates a database"
    );

    exports_read_back(&scratch, &db);
}

/// Each export format read back, with counts that agree with pw-query.
fn exports_read_back(scratch: &Scratch, db: &Path) {
    let store = pw_store::SqliteStore::open(db).expect("open the seeds store");
    let catalog = pw_query::Catalog::load(&store).expect("load the catalog");
    drop(store);
    let graph = catalog.graph(&pw_query::GraphQuery::default()).unwrap();
    let reports: usize = catalog
        .record()
        .facts
        .iter()
        .map(|fact| fact.supports.len())
        .sum();
    let export = |format: &str| -> PathBuf {
        let path = scratch.path(&format!("export.{format}"));
        run(
            db,
            &["export", "--format", format, "-o", path.to_str().unwrap()],
        );
        path
    };

    let mut csv = csv::Reader::from_path(export("csv")).expect("read the csv");
    let headers = csv.headers().unwrap().clone();
    assert_eq!(&headers[0], "fact_id");
    let rows: Vec<csv::StringRecord> = csv.records().collect::<Result<_, _>>().expect("csv rows");
    let rows = rows.len();
    assert_eq!(rows, reports, "one csv row per supporting report");

    for format in ["gexf", "graphml"] {
        let text = std::fs::read_to_string(export(format)).unwrap();
        let document = roxmltree::Document::parse(&text).expect("well-formed XML");
        let count = |tag: &str| {
            document
                .descendants()
                .filter(|node| node.tag_name().name() == tag)
                .count()
        };
        assert_eq!(count("node"), graph.nodes.len(), "{format} nodes");
        assert_eq!(count("edge"), graph.edges.len(), "{format} edges");
    }

    let file = std::fs::File::open(export("parquet")).unwrap();
    let reader = parquet::file::reader::SerializedFileReader::new(file).expect("a parquet file");
    use parquet::file::reader::FileReader as _;
    let rows = reader.metadata().file_metadata().num_rows();
    assert_eq!(
        rows as usize, reports,
        "one parquet row per supporting report"
    );

    let jsonl = run(db, &["export", "--format", "jsonl"]);
    let facts = json_lines(&jsonl)
        .iter()
        .filter(|line| line["type"] == "fact")
        .count();
    assert_eq!(facts, catalog.record().facts.len());
}

/// The members (mention references) of the entity a name means.
fn members(db: &Path, name: &str) -> Vec<String> {
    let profile = &json_lines(&run(db, &["entity", name, "--json"]))[0];
    profile["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|member| member["reference"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn corrections_survive_reingest() {
    let scratch = Scratch::new("query-corrections");
    let db = seed_db(&scratch);
    let together = members(&db, "Edmundo Novillo Aguilar");
    assert_eq!(together, ["a1:e10", "a2:e4", "a3:e2"]);

    // Split the mention of 001 off: it was what held the three together, so the
    // surname is now ambiguous, and the error names the candidates.
    let split = run(&db, &["entity", "split", "a2:e4"]);
    assert!(split.starts_with("split;"), "{split}");
    let apart = |db: &Path| {
        assert_eq!(members(db, "Edmundo Novillo Aguilar"), ["a2:e4"]);
        let ambiguous = pactwatch(["entity", "Novillo", "--db", db.to_str().unwrap()]);
        assert_eq!(ambiguous.status.code(), Some(2));
        assert!(
            stderr(&ambiguous).contains("is ambiguous"),
            "{}",
            stderr(&ambiguous)
        );
    };
    apart(&db);

    // Re-ingesting the seeds and a new article (which rebuilds the record) keeps it.
    let new_article = scratch.write("new.txt", GOOD_ARTICLE);
    let reingest = pactwatch([
        "ingest".as_ref(),
        "--db".as_ref(),
        db.as_os_str(),
        SEEDS.as_ref(),
        new_article.as_os_str(),
    ]);
    assert!(reingest.status.success(), "{}", stderr(&reingest));
    assert!(
        stdout(&reingest).contains("1 stored"),
        "{}",
        stdout(&reingest)
    );
    apart(&db);

    // Merge it back by reference; the merge reason says the user did it, and it too
    // survives an ingest.
    run(&db, &["entity", "merge", "a2:e4", "a1:e10"]);
    let other_article = scratch.write("other.txt", OTHER_ARTICLE);
    run(&db, &["ingest", other_article.to_str().unwrap()]);
    let merged = members(&db, "Edmundo Novillo Aguilar");
    assert!(
        merged.contains(&"a2:e4".to_string()) && merged.contains(&"a1:e10".to_string()),
        "{merged:?}"
    );
    let profile = run(&db, &["entity", "Edmundo Novillo Aguilar"]);
    assert!(profile.contains("user merge"), "{profile}");

    // A reference the record does not hold is refused.
    let unknown = pactwatch(["entity", "split", "a9:e99", "--db", db.to_str().unwrap()]);
    assert_eq!(unknown.status.code(), Some(2));
}

#[test]
fn watch_runs_report_only_new_facts() {
    let scratch = Scratch::new("query-watch");
    let db = seed_db(&scratch);
    let saved = run(&db, &["watch", "add", "russia", "entity=Russia"]);
    assert!(saved.contains("saved"), "{saved}");
    let refused = pactwatch([
        "watch",
        "add",
        "bad",
        "type=nonsense",
        "--db",
        db.to_str().unwrap(),
    ]);
    assert_eq!(refused.status.code(), Some(2));

    let first = &json_lines(&run(&db, &["watch", "run", "--at", "run-1", "--json"]))[0];
    let first_new = first["new_facts"].as_array().unwrap().len();
    assert!(first_new > 0);
    assert_eq!(first["matching"].as_u64(), Some(first_new as u64));

    let second = &json_lines(&run(&db, &["watch", "run", "--at", "run-2", "--json"]))[0];
    assert_eq!(second["new_facts"].as_array().unwrap().len(), 0);
    assert_eq!(second["previous_run"], "run-1");

    // A new article about Russia: only its fact is new.
    let article = scratch.write("russia.txt", OTHER_ARTICLE);
    run(&db, &["ingest", article.to_str().unwrap()]);
    let third = &json_lines(&run(
        &db,
        &["watch", "run", "russia", "--at", "run-3", "--json"],
    ))[0];
    let new_facts = third["new_facts"].as_array().unwrap();
    assert!(!new_facts.is_empty(), "{third}");
    for fact in new_facts {
        let reports = fact["supports"].as_array().unwrap();
        assert!(
            reports
                .iter()
                .all(|report| report["article"]["key"] == "a6"),
            "only the new article's facts are new: {fact}"
        );
    }
    let list = run(&db, &["watch", "list"]);
    assert!(
        list.contains("russia  entity=Russia  (last run: run-3)"),
        "{list}"
    );
}

#[test]
fn a_bad_search_query_is_one_line_and_exit_2() {
    let scratch = Scratch::new("bad-query");
    let db = scratch.path("one.db");
    let article = scratch.write("good.txt", GOOD_ARTICLE);
    let output = pactwatch([
        "ingest".as_ref(),
        "--db".as_ref(),
        db.as_os_str(),
        article.as_os_str(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let nested = format!("{}drone{}", "(".repeat(50_000), ")".repeat(50_000));
    let deep = format!("{}drone{}", "(".repeat(30), ")".repeat(30));
    for query in [nested.as_str(), deep.as_str(), "q:*", "text:*", "drone AND"] {
        let output = pactwatch([
            "search".as_ref(),
            query.as_ref(),
            "--db".as_ref(),
            db.as_os_str(),
        ]);
        assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
        let message = stderr(&output);
        assert_eq!(message.lines().count(), 1, "{message}");
        assert!(message.contains("invalid search query"), "{message}");
        assert!(message.len() < 300, "{message}");
    }
    let found = run(&db, &["search", "memorandum OR zzz"]);
    assert!(found.contains("memorandum"), "{found}");
}

#[test]
fn escape_sequences_in_articles_never_reach_the_terminal() {
    let scratch = Scratch::new("escapes");
    let db = scratch.path("esc.db");
    let hostile = "Iran and Bolivia signed a defense memorandum \u{1b}]0;owned\u{7}in \
        Tehran\u{1b}[2J on Monday, the Bolivian Defense Minister Edmundo Novillo said.\r\u{9b}31m\n";
    let article = scratch.write("hostile\u{1b}[31m.txt", hostile);
    let output = pactwatch([
        "ingest".as_ref(),
        "--db".as_ref(),
        db.as_os_str(),
        article.as_os_str(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let clean = |what: &str, text: &str| {
        assert!(
            !text
                .chars()
                .any(|c| c.is_control() && c != '\n' && c != '\t'),
            "{what}: {text:?}"
        );
    };
    clean("ingest stdout", &stdout(&output));
    let search = run(&db, &["search", "memorandum"]);
    assert!(search.contains("\\u{1b}"), "{search}");
    clean("search", &search);
    clean("facts", &run(&db, &["facts", "--entity", "Bolivia"]));
    clean("entity", &run(&db, &["entity", "Bolivia"]));
    let report = pactwatch([
        "extract".as_ref(),
        "--format".as_ref(),
        "text".as_ref(),
        article.as_os_str(),
    ]);
    clean("extract --format text", &stdout(&report));
    assert!(
        stdout(&report).contains("hostile\\u{1b}[31m.txt"),
        "{}",
        stdout(&report)
    );
    // A failure message naming the file is escaped too.
    let missing = scratch.path("gone\u{1b}[2J.txt");
    let failed = pactwatch(["extract".as_ref(), missing.as_os_str()]);
    clean("stderr", &stderr(&failed));
}
