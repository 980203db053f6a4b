//! Integration tests of the `pactwatch` binary: exit codes, bad input in a batch, the
//! report format, and the acceptance floors of extraction on the seed corpus.
//!
//! Hermetic: every input is written at test time under a fresh folder in the system
//! temp folder (removed afterwards), or read from the repository; no network.

mod ingest;
mod query;

use serde_json::Value;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

const BIN: &str = env!("CARGO_BIN_EXE_pactwatch");
const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus/seeds");
const SEEDS_GOLD: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../corpus/eval/seeds.gold.json"
);

const GOOD_ARTICLE: &str = "Iran and Bolivia signed a defense cooperation agreement in \
Tehran on Monday, the Bolivian Defense Minister Edmundo Novillo said.\n\n\
The memorandum covers drones and the training of Bolivian officers, according to IRNA.\n";

const OTHER_ARTICLE: &str = "Russia delivered two Su-35 fighter jets to Algeria last \
month, the Algerian defense ministry said on Tuesday.\n";

/// A fresh folder under the system temp folder, removed on drop.
struct Scratch(PathBuf);

impl Scratch {
    fn new(label: &str) -> Scratch {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |elapsed| elapsed.as_nanos());
        let dir = std::env::temp_dir().join(format!(
            "pactwatch-cli-it-{label}-{}-{}-{nanos}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::create_dir_all(&dir).expect("cannot create a scratch folder");
        Scratch(dir)
    }

    fn path(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }

    fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.path(name);
        std::fs::write(&path, bytes).expect("cannot write a test input");
        path
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn pactwatch<I, S>(args: I) -> Output
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    Command::new(BIN)
        .args(args)
        .output()
        .expect("cannot run the pactwatch binary")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Parses stdout as JSON Lines, one article per line.
fn records(output: &Output) -> Vec<Value> {
    stdout(output)
        .lines()
        .map(|line| serde_json::from_str(line).expect("every stdout line is one JSON object"))
        .collect()
}

fn file_of(record: &Value) -> &str {
    record["document"]["file"]
        .as_str()
        .expect("document.file is a string")
}

fn entity_names(record: &Value) -> Vec<&str> {
    record["entities"]
        .as_array()
        .expect("entities is an array")
        .iter()
        .filter_map(|entity| entity["name"].as_str())
        .collect()
}

fn diagnostic_codes(record: &Value) -> Vec<&str> {
    record["diagnostics"]
        .as_array()
        .expect("diagnostics is an array")
        .iter()
        .filter_map(|diagnostic| diagnostic["code"].as_str())
        .collect()
}

/// Deterministic bytes that are not text: xorshift noise with NULs sprinkled in.
fn junk(len: usize) -> Vec<u8> {
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    (0..len)
        .map(|i| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            if i % 7 == 0 { 0 } else { (state >> 24) as u8 }
        })
        .collect()
}

/// The stderr lines that mention `needle`.
fn lines_naming<'a>(stderr: &'a str, needle: &str) -> Vec<&'a str> {
    stderr
        .lines()
        .filter(|line| line.contains(needle))
        .collect()
}

#[test]
fn bad_inputs_fail_one_by_one_and_good_articles_come_out() {
    let scratch = Scratch::new("batch");
    scratch.write("a_good.txt", GOOD_ARTICLE);
    scratch.write("b_empty.txt", "");
    scratch.write("c_junk.dat", junk(4096));
    // Good text with invalid UTF-8 (a lone continuation byte, a truncated sequence and
    // 0xFF) between valid multi-byte characters.
    let mut invalid = "The \u{201c}Bolivian\u{201d} government said Iran will supply \
drones \u{2014} "
        .as_bytes()
        .to_vec();
    invalid.extend_from_slice(b"\x80 caf\xC3 \xFF ");
    invalid.extend_from_slice("according to the Defense Minister.\n".as_bytes());
    scratch.write("d_bad_utf8.txt", &invalid);
    // 50 MB of text: over the per-article limit of 16 MiB (but under the file limit).
    let paragraph = "Iran and Bolivia discussed drones in La Paz on Monday. ";
    let mut big = String::with_capacity(50 << 20);
    while big.len() < 50_000_000 {
        big.push_str(paragraph);
    }
    scratch.write("e_big.txt", &big);
    // 100,000 nested <div>s around one paragraph.
    let depth = 100_000;
    let mut html = String::from("<html><head><title>Deep</title></head><body>");
    html.push_str(&"<div>".repeat(depth));
    html.push_str("<p>Iran and Bolivia signed a defense memorandum on drones.</p>");
    html.push_str(&"</div>".repeat(depth));
    html.push_str("</body></html>");
    scratch.write("f_nested.html", &html);
    let good_line = |text: &str| serde_json::json!({ "title": "t", "text": text }).to_string();
    scratch.write(
        "g_lines.jsonl",
        format!(
            "{}\n{{\"text\": \"broken, no closing\n{}\n",
            good_line(GOOD_ARTICLE),
            good_line(OTHER_ARTICLE)
        ),
    );
    let missing = scratch.path("h_missing.txt");

    let output = pactwatch([
        "extract".as_ref(),
        scratch.0.as_os_str(),
        missing.as_os_str(),
    ]);
    let err = stderr(&output);
    assert_eq!(
        output.status.code(),
        Some(1),
        "some inputs fail, so exit 1; stderr:\n{err}"
    );

    // Each failing input is named on exactly one stderr line, with its reason.
    for (needle, reason) in [
        ("b_empty.txt", "empty document"),
        ("c_junk.dat", "binary content"),
        ("e_big.txt", "over the limit"),
        ("g_lines.jsonl:2", "invalid json"),
        ("h_missing.txt", "no such file or directory"),
    ] {
        let lines = lines_naming(&err, needle);
        assert_eq!(
            lines.len(),
            1,
            "{needle} should be named on exactly one stderr line; stderr:\n{err}"
        );
        assert!(
            lines[0].contains(reason),
            "{needle}: expected the reason {reason:?}, got {:?}",
            lines[0]
        );
    }
    let big_line = lines_naming(&err, "e_big.txt")[0];
    assert!(
        big_line.contains(&format!("article is 47.7 MiB ({} bytes)", big.len()))
            && big_line.contains("over the limit of 16.0 MiB"),
        "the 50 MB file is refused as an over-long article: {big_line:?}"
    );
    for good in [
        "a_good.txt",
        "d_bad_utf8.txt",
        "f_nested.html",
        "g_lines.jsonl:1",
        "g_lines.jsonl:3",
    ] {
        assert!(
            lines_naming(&err, good).is_empty(),
            "{good} is fine but named on stderr:\n{err}"
        );
    }
    assert_eq!(
        err.lines().count(),
        5,
        "one stderr line per failing input:\n{err}"
    );

    // The good articles are on stdout, in input order.
    let records = records(&output);
    let files: Vec<String> = records
        .iter()
        .map(|record| {
            Path::new(file_of(record))
                .file_name()
                .expect("a file name")
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    assert_eq!(
        files,
        [
            "a_good.txt",
            "d_bad_utf8.txt",
            "f_nested.html",
            "g_lines.jsonl#1",
            "g_lines.jsonl#3"
        ],
        "the good articles, in input order"
    );
    let by_name = |name: &str| {
        records
            .iter()
            .find(|record| file_of(record).ends_with(name))
            .expect("record present")
    };

    let good = by_name("a_good.txt");
    let names = entity_names(good);
    assert!(
        names.contains(&"Iran") && names.contains(&"Bolivia"),
        "{names:?}"
    );
    assert!(
        !good["events"].as_array().expect("events").is_empty(),
        "the good article has events"
    );

    let repaired = by_name("d_bad_utf8.txt");
    assert!(
        diagnostic_codes(repaired).contains(&"invalid_utf8"),
        "invalid UTF-8 is repaired with a diagnostic: {}",
        repaired["diagnostics"]
    );
    assert!(
        entity_names(repaired).contains(&"Iran"),
        "the repaired text is still extracted: {:?}",
        entity_names(repaired)
    );

    let nested = by_name("f_nested.html");
    let names = entity_names(nested);
    assert!(
        names.contains(&"Iran") && names.contains(&"Bolivia"),
        "the text inside 100,000 nested divs is extracted: {names:?}"
    );

    let second = by_name("g_lines.jsonl#3");
    let names = entity_names(second);
    assert!(
        names.contains(&"Russia") && names.contains(&"Algeria"),
        "{names:?}"
    );
}

#[test]
fn all_good_input_exits_zero_with_one_json_line_per_article() {
    let scratch = Scratch::new("good");
    let first = scratch.write("one.txt", GOOD_ARTICLE);
    scratch.write(
        "one.meta.json",
        r#"{"url": "https://example.org/2023/07/24/pact", "published": "2023-07-24", "outlet": "Example News"}"#,
    );
    let second = scratch.write("two.txt", OTHER_ARTICLE);
    let output = pactwatch(["extract".as_ref(), first.as_os_str(), second.as_os_str()]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "stderr:\n{}",
        stderr(&output)
    );
    assert!(
        stderr(&output).is_empty(),
        "nothing on stderr: {}",
        stderr(&output)
    );
    let records = records(&output);
    assert_eq!(records.len(), 2);
    let meta = &records[0]["document"];
    assert_eq!(meta["published"], "2023-07-24");
    assert_eq!(meta["published_from"], "metadata");
    assert_eq!(meta["outlet"], "Example News");
    assert_eq!(meta["url"], "https://example.org/2023/07/24/pact");
    for record in &records {
        for key in ["entities", "events", "quotes", "diagnostics"] {
            assert!(record[key].is_array(), "{key} is an array in {record}");
        }
    }
}

#[test]
fn unknown_flag_is_a_usage_error() {
    let output = pactwatch(["extract", "--no-such-flag", SEEDS]);
    assert_eq!(
        output.status.code(),
        Some(2),
        "stderr:\n{}",
        stderr(&output)
    );
    assert!(
        stderr(&output).contains("--no-such-flag"),
        "{}",
        stderr(&output)
    );
    assert!(output.stdout.is_empty());
}

#[test]
fn unknown_command_and_missing_arguments_are_usage_errors() {
    for args in [
        &["frobnicate"][..],
        &["extract"][..],
        &["eval", "out.jsonl"][..],
    ] {
        let output = pactwatch(args);
        assert_eq!(
            output.status.code(),
            Some(2),
            "pactwatch {args:?}: stderr:\n{}",
            stderr(&output)
        );
    }
}

#[test]
fn unknown_format_is_a_usage_error() {
    let output = pactwatch(["extract", "--format", "yaml", SEEDS]);
    assert_eq!(
        output.status.code(),
        Some(2),
        "stderr:\n{}",
        stderr(&output)
    );
}

#[test]
fn missing_path_is_a_failed_input() {
    let scratch = Scratch::new("missing");
    let missing = scratch.path("nowhere.txt");
    let output = pactwatch(["extract".as_ref(), missing.as_os_str()]);
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "stderr:\n{err}");
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    assert!(
        err.contains("nowhere.txt") && err.contains("no such file or directory"),
        "{err}"
    );
    assert!(output.stdout.is_empty());
}

#[test]
fn a_named_pipe_beside_good_files_is_skipped_not_waited_on() {
    let scratch = Scratch::new("fifo");
    scratch.write("a.txt", GOOD_ARTICLE);
    scratch.write("c.txt", OTHER_ARTICLE);
    let pipe = scratch.path("b.txt");
    let made = Command::new("mkfifo")
        .arg(&pipe)
        .status()
        .is_ok_and(|status| status.success());
    if !made {
        eprintln!("no mkfifo here; skipped");
        return;
    }
    for inputs in [
        vec![scratch.0.clone()],
        vec![scratch.path("a.txt"), pipe.clone(), scratch.path("c.txt")],
    ] {
        let mut args = vec![std::ffi::OsString::from("extract")];
        args.extend(inputs.iter().map(|path| path.clone().into_os_string()));
        let output = pactwatch(&args);
        let err = stderr(&output);
        assert_eq!(output.status.code(), Some(1), "{err}");
        let named = lines_naming(&err, "b.txt");
        assert_eq!(named.len(), 1, "{err}");
        assert!(
            named[0].contains("not a regular file (a named pipe)"),
            "{err}"
        );
        assert_eq!(records(&output).len(), 2, "the two good articles");
    }
}

/// Issue 9: a folder with a named pipe and an article too slow for its time budget
/// beside 5 good ones gives the 5 good ones, fully extracted; the slow one comes out
/// (and is stored) without events, with a diagnostic and one line naming it, and
/// `ingest` extracts it again on the next run.
#[test]
fn a_fifo_and_a_slow_article_beside_five_good_ones_give_the_five() {
    let scratch = Scratch::new("slow-article");
    for i in 0..5 {
        scratch.write(
            &format!("good{i}.txt"),
            format!("Report {i}. {GOOD_ARTICLE}"),
        );
    }
    // About 8 MB of sentences: seconds of work in a release build too, far past the
    // budget of 0.5 s, which a short article takes a few milliseconds of.
    scratch.write(
        "slow.txt",
        OTHER_ARTICLE.repeat(8_000_000 / OTHER_ARTICLE.len()),
    );
    let has_pipe = Command::new("mkfifo")
        .arg(scratch.path("pipe.txt"))
        .status()
        .is_ok_and(|status| status.success());
    let folder = scratch.0.clone().into_os_string();
    let output = pactwatch([
        "extract".as_ref(),
        "--article-timeout".as_ref(),
        "0.5".as_ref(),
        folder.as_os_str(),
    ]);
    let err = stderr(&output);
    assert_eq!(
        output.status.code(),
        Some(if has_pipe { 1 } else { 0 }),
        "{err}"
    );
    let records = records(&output);
    assert_eq!(records.len(), 6, "{err}");
    for record in &records {
        let events = record["events"].as_array().expect("events").len();
        if file_of(record).ends_with("slow.txt") {
            assert_eq!(events, 0);
            assert!(
                diagnostic_codes(record).contains(&"extraction_stopped"),
                "{record}"
            );
        } else {
            assert!(events > 0, "a good article is extracted: {record}");
            assert!(!diagnostic_codes(record).contains(&"extraction_stopped"));
        }
    }
    let named = lines_naming(&err, "slow.txt");
    assert_eq!(named.len(), 1, "{err}");
    assert!(named[0].contains("extraction stopped after 0.5 s"), "{err}");

    let store_folder = Scratch::new("slow-article-store");
    let db = store_folder.path("slow.db").into_os_string();
    // The summary line, then stderr (for the failure message).
    let ingest = || {
        let output = pactwatch([
            "ingest".as_ref(),
            "--db".as_ref(),
            db.as_os_str(),
            "--article-timeout".as_ref(),
            "0.5".as_ref(),
            folder.as_os_str(),
        ]);
        format!("{}\n{}", stdout(&output), stderr(&output))
    };
    let first = ingest();
    assert!(first.contains("6 stored"), "{first}");
    assert!(first.contains("1 past --article-timeout"), "{first}");
    // The next run extracts the stopped article again (and skips the good ones).
    let second = ingest();
    assert!(second.contains("1 updated, 5 skipped"), "{second}");
}

#[test]
fn an_empty_folder_is_named_and_exits_1() {
    let scratch = Scratch::new("empty-folder");
    let empty = scratch.path("empty");
    std::fs::create_dir_all(&empty).unwrap();
    for command in ["extract", "ingest"] {
        let mut args = vec![std::ffi::OsString::from(command)];
        if command == "ingest" {
            args.push("--db".into());
            args.push(scratch.path("x.db").into_os_string());
        }
        args.push(empty.clone().into_os_string());
        let output = pactwatch(&args);
        let err = stderr(&output);
        assert_eq!(output.status.code(), Some(1), "{command}: {err}");
        assert_eq!(
            lines_naming(&err, "no files to read in this folder").len(),
            1,
            "{err}"
        );
    }
}

#[test]
fn many_inputs_come_out_in_input_order() {
    let scratch = Scratch::new("order");
    let mut expected = Vec::new();
    let mut lines = String::new();
    for line in 1..=120 {
        let _ = writeln!(
            lines,
            "{{\"text\": \"Report {line}. Iran and Bolivia signed a pact in Tehran.\"}}"
        );
    }
    for i in 0..60 {
        // Uneven sizes, so articles finish out of order on several threads.
        let name = format!("f{i:03}.txt");
        let text = GOOD_ARTICLE.repeat(1 + (i * 37) % 23);
        let path = scratch.write(&name, text);
        expected.push(path.display().to_string());
        if i == 30 {
            let jsonl = scratch.write("f030b.jsonl", &lines);
            for line in 1..=120 {
                expected.push(format!("{}#{line}", jsonl.display()));
            }
        }
    }
    let output = pactwatch([
        "extract".as_ref(),
        "--threads".as_ref(),
        "4".as_ref(),
        scratch.0.as_os_str(),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let files: Vec<String> = records(&output)
        .iter()
        .map(|record| file_of(record).to_string())
        .collect();
    assert_eq!(files, expected);
}

#[test]
fn eval_of_a_missing_file_is_a_setup_error() {
    let scratch = Scratch::new("eval-missing");
    let missing = scratch.path("absent.jsonl");
    let output = pactwatch([
        "eval".as_ref(),
        "--gold".as_ref(),
        SEEDS_GOLD.as_ref(),
        missing.as_os_str(),
    ]);
    assert_eq!(
        output.status.code(),
        Some(2),
        "stderr:\n{}",
        stderr(&output)
    );
    assert!(stderr(&output).contains("absent.jsonl"));
}

#[test]
fn text_format_prints_the_report_sections() {
    let scratch = Scratch::new("text");
    let article = scratch.write("pact.txt", GOOD_ARTICLE);
    let output = pactwatch([
        "extract".as_ref(),
        "--format".as_ref(),
        "text".as_ref(),
        article.as_os_str(),
    ]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "stderr:\n{}",
        stderr(&output)
    );
    let report = stdout(&output);
    assert!(report.starts_with("== "), "{report}");
    assert!(report.contains("pact.txt"), "{report}");
    for section in ["Entities (", "Events (", "Quotes ("] {
        assert!(
            report.contains(section),
            "no {section:?} section:\n{report}"
        );
    }
    assert!(
        report.contains("Iran") && report.contains("Bolivia"),
        "{report}"
    );
    assert!(
        serde_json::from_str::<Value>(report.lines().next().unwrap_or("")).is_err(),
        "text, not JSON"
    );
}

/// Scores `pactwatch extract corpus/seeds` against the gold annotation and asserts
/// the acceptance floors.
#[test]
fn seeds_meet_the_acceptance_floors() {
    let floors = [
        ("ent_recall", "entity recall", 0.90),
        ("ent_precision", "entity precision", 0.85),
        ("ev_core_recall", "core event recall", 0.80),
        ("ev_recall", "full event recall", 0.65),
        ("ev_precision", "event precision", 0.60),
        ("dates", "dates", 0.90),
        ("modality", "modality", 0.80),
        ("quotes_found", "quotes found", 0.90),
        ("quote_speakers", "speakers right", 0.90),
    ];
    assert_floors("seeds", SEEDS_GOLD, &[SEEDS.into()], &floors);
}

/// The English and Spanish parts of the development set (`corpus/dev`, blind gold split
/// by `scripts/split-dev.py`) hold what was measured on 2026-12-02, less a small margin.
/// These are regression floors: the acceptance floors of unseen press (issues 8 and 10)
/// are higher and not met yet.
#[test]
fn development_set_does_not_fall_below_its_measured_scores() {
    let dev = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus/dev/texts");
    for (part, floors) in [
        (
            "dev-tune-en",
            [
                ("ent_recall", "entity recall", 0.86),
                ("ent_precision", "entity precision", 0.80),
                ("ev_core_recall", "core event recall", 0.32),
                ("ev_recall", "full event recall", 0.22),
                ("ev_precision", "event precision", 0.37),
                ("quote_speakers", "speakers right", 0.77),
            ],
        ),
        (
            "dev-heldout-en",
            [
                ("ent_recall", "entity recall", 0.70),
                ("ent_precision", "entity precision", 0.63),
                ("ev_core_recall", "core event recall", 0.49),
                ("ev_recall", "full event recall", 0.39),
                ("ev_precision", "event precision", 0.39),
                ("quote_speakers", "speakers right", 0.53),
            ],
        ),
        (
            "dev-tune-es",
            [
                ("ent_recall", "entity recall", 0.78),
                ("ent_precision", "entity precision", 0.76),
                ("ev_core_recall", "core event recall", 0.10),
                ("ev_recall", "full event recall", 0.25),
                ("ev_precision", "event precision", 0.36),
                ("quote_speakers", "speakers right", 0.30),
            ],
        ),
        (
            "dev-heldout-es",
            [
                ("ent_recall", "entity recall", 0.70),
                ("ent_precision", "entity precision", 0.77),
                ("ev_core_recall", "core event recall", 0.30),
                ("ev_recall", "full event recall", 0.22),
                ("ev_precision", "event precision", 0.50),
                ("quote_speakers", "speakers right", 0.45),
            ],
        ),
    ] {
        let gold = format!(
            "{}/../../corpus/eval/{part}.gold.json",
            env!("CARGO_MANIFEST_DIR")
        );
        let documents: Value = serde_json::from_str(
            &std::fs::read_to_string(&gold).expect("the development gold is readable"),
        )
        .expect("the development gold is JSON");
        let inputs: Vec<std::ffi::OsString> = documents["documents"]
            .as_array()
            .expect("documents")
            .iter()
            .map(|doc| format!("{dev}/{}", doc["file"].as_str().expect("file")).into())
            .collect();
        assert_floors(part, &gold, &inputs, &floors);
    }
}

/// Extracts `inputs`, scores them against `gold` with `pactwatch eval --json` and
/// asserts every floor, printing the table.
fn assert_floors(
    name: &str,
    gold: &str,
    inputs: &[std::ffi::OsString],
    floors: &[(&str, &str, f64)],
) {
    let scratch = Scratch::new(&format!("floors-{name}"));
    let mut args: Vec<std::ffi::OsString> = vec!["extract".into()];
    args.extend(inputs.iter().cloned());
    let extracted = pactwatch(&args);
    assert!(
        extracted.status.code().is_some_and(|code| code <= 1),
        "extract crashed: {:?}\n{}",
        extracted.status,
        stderr(&extracted)
    );
    let predictions = scratch.write("predictions.jsonl", &extracted.stdout);
    let scored = pactwatch([
        "eval".as_ref(),
        "--gold".as_ref(),
        gold.as_ref(),
        predictions.as_os_str(),
        "--json".as_ref(),
    ]);
    assert_eq!(
        scored.status.code(),
        Some(0),
        "eval failed: {}",
        stderr(&scored)
    );
    let report: Value = serde_json::from_slice(&scored.stdout).expect("eval --json prints JSON");
    let total = &report["total"];
    let ratio = |key: &str| -> (u64, u64, f64) {
        let pair = total[key]
            .as_array()
            .unwrap_or_else(|| panic!("total.{key} is [hit, total]: {total}"));
        let hit = pair[0].as_u64().expect("a count");
        let all = pair[1].as_u64().expect("a count");
        let value = if all == 0 {
            1.0
        } else {
            hit as f64 / all as f64
        };
        (hit, all, value)
    };
    let mut table = String::new();
    let mut below = Vec::new();
    for &(key, label, floor) in floors {
        let (hit, all, value) = ratio(key);
        let ok = value >= floor;
        let _ = writeln!(
            table,
            "  {label:<18} {hit:>4}/{all:<4} = {value:.3}  (floor {floor:.2}){}",
            if ok { "" } else { "  BELOW" }
        );
        if !ok {
            below.push(label);
        }
    }
    assert!(
        below.is_empty(),
        "{name}: below the floors: {below:?}\n{table}"
    );
    println!("{name}\n{table}");
}
