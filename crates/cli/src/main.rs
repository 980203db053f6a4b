//! The `pactwatch` command line: argument parsing and glue between the stages.
//!
//! Exit codes: 0 when every article was processed, 1 when some failed (each named on
//! stderr with its reason), 2 for usage or setup errors. A closed stdout (`| head`)
//! ends the run quietly with 0.

mod bench;
mod bench_queries;
mod budget;
mod entity;
mod export;
mod ingest;
mod output;
mod query;
mod serve;
mod stream;
mod watch;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use pw_extract::Extractor;
use pw_ingest::Options;
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

// mimalloc hands freed pages back to the system, so the server's memory returns to its
// baseline after writes (glibc's arenas kept the peaks of each record rebuild), and its
// thread-local free lists make the allocation-heavy extraction faster.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "pactwatch",
    version,
    about = "A sourced, queryable record of defense pacts, arms deals and military ties from news"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract entities, events and quotes from articles (files or folders).
    Extract {
        /// Text, HTML, RSS/Atom or JSON Lines files, or folders holding them.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Output format: JSON Lines (one object per article) or a readable report.
        #[arg(long, value_enum, default_value_t = Format::Jsonl)]
        format: Format,
        /// Worker threads (default: all cores).
        #[arg(long)]
        threads: Option<usize>,
        /// Seconds one article may take to extract; past it the article is kept without
        /// entities, events or quotes (an `extraction_stopped` diagnostic) and the rest go
        /// on. 0: no limit.
        #[arg(long, default_value_t = budget::DEFAULT_SECONDS, value_name = "SECS")]
        article_timeout: f64,
    },
    /// Extract articles (files or folders) and store them in a database, with search.
    ///
    /// Idempotent: unchanged articles are skipped, changed ones updated; a run that was
    /// interrupted completes when run again.
    Ingest {
        /// Text, HTML, RSS/Atom or JSON Lines files, or folders holding them.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// The database (its search index goes beside it, in `<db>.index/`).
        #[arg(long, default_value = "pactwatch.db")]
        db: PathBuf,
        /// Worker threads for extraction (default: all cores).
        #[arg(long)]
        threads: Option<usize>,
        /// Articles per transaction.
        #[arg(long, default_value_t = 256)]
        batch_size: usize,
        /// Seconds one article may take to extract; past it the article is kept without
        /// entities, events or quotes (an `extraction_stopped` diagnostic) and the rest go
        /// on. 0: no limit.
        #[arg(long, default_value_t = budget::DEFAULT_SECONDS, value_name = "SECS")]
        article_timeout: f64,
    },
    /// Serve the record over HTTP (API under /api/v1/) with a web page to explore it.
    Serve {
        /// The database to serve (made by `pactwatch ingest`).
        #[arg(long, default_value = "pactwatch.db")]
        db: PathBuf,
        /// Address to listen on (loopback unless told otherwise).
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: std::net::SocketAddr,
        /// Token that `POST /api/v1/articles` must carry (Authorization: Bearer);
        /// default: $PACTWATCH_TOKEN. Without one the server takes no writes.
        #[arg(long)]
        token: Option<String>,
        /// Serve the bundled sample articles (ingested into a temp folder on first use).
        #[arg(long, conflicts_with = "db")]
        sample: bool,
        /// No access log on stderr.
        #[arg(long)]
        quiet: bool,
    },
    /// Score extraction output against a gold annotation.
    Eval {
        /// The gold file (see corpus/eval/README.md).
        #[arg(long)]
        gold: PathBuf,
        /// The output of `pactwatch extract` (JSON Lines).
        output: PathBuf,
        /// Print per-document misses and spurious items.
        #[arg(short, long)]
        verbose: bool,
        /// Print the scores as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Measure ingest + extraction throughput over a corpus (files or folders).
    Bench {
        /// Corpus to measure (default: the bundled White House sample).
        paths: Vec<PathBuf>,
        /// Passes over the corpus per measurement; the best is reported.
        #[arg(long, default_value_t = 3)]
        repeat: usize,
    },
    /// Search sentences and articles; also lists matching entities and facts.
    Search {
        /// Words: `drone AND Iran`, `"defense pact"`, `title:word`, `a OR (b -c)`.
        query: String,
        #[command(flatten)]
        filters: query::SearchFlags,
        #[command(flatten)]
        read: query::ReadArgs,
    },
    /// Stored articles in key order: outlet, file or title, date and language.
    Articles {
        /// Only articles in this language (`es`, `en`; tags like `es-AR` work too).
        #[arg(long)]
        language: Option<String>,
        /// At most this many articles.
        #[arg(long, default_value_t = 50)]
        limit: usize,
        #[command(flatten)]
        read: query::ReadArgs,
    },
    /// An entity's profile (`entity NAME`), or a correction (`entity merge A B`,
    /// `entity split a3:e2`).
    #[command(args_conflicts_with_subcommands = true)]
    Entity {
        #[command(subcommand)]
        action: Option<entity::EntityAction>,
        /// A name, alias or id.
        name: Option<String>,
        #[command(flatten)]
        read: query::ReadArgs,
    },
    /// Facts with their sources, corroboration and contradictions.
    Facts {
        #[command(flatten)]
        filters: query::FactFlags,
        #[command(flatten)]
        read: query::ReadArgs,
    },
    /// Dated facts involving X, or between X and Y, in date order.
    Timeline {
        subject: String,
        other: Option<String>,
        #[command(flatten)]
        read: query::ReadArgs,
    },
    /// X's counterparts, fact counts per type and cooperation/conflict balance.
    Relations {
        name: String,
        #[command(flatten)]
        read: query::ReadArgs,
    },
    /// Saved fact queries that report what is new.
    Watch {
        #[command(subcommand)]
        action: watch::WatchAction,
    },
    /// Export the record: jsonl, csv, ftm, gexf, graphml or parquet.
    Export {
        #[arg(long)]
        format: pw_export::Format,
        /// The output file (default: stdout; parquet needs a file or a pipe).
        #[arg(short, long)]
        output: Option<PathBuf>,
        #[arg(long, default_value = "pactwatch.db")]
        db: PathBuf,
    },
    /// Measure query latency (p50, p99) over names and words drawn from a store.
    BenchQueries {
        #[arg(long, default_value = "pactwatch.db")]
        db: PathBuf,
        /// How many names and words to draw.
        #[arg(long, default_value_t = 50)]
        names: usize,
        /// Rounds over them.
        #[arg(long, default_value_t = 5)]
        repeat: usize,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Jsonl,
    Text,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract {
            paths,
            format,
            threads,
            article_timeout,
        } => extract(
            &paths,
            format,
            threads,
            budget::from_seconds(article_timeout),
        ),
        Command::Ingest {
            paths,
            db,
            threads,
            batch_size,
            article_timeout,
        } => ingest::run(
            &paths,
            &db,
            threads,
            batch_size,
            budget::from_seconds(article_timeout),
        ),
        Command::Serve {
            db,
            addr,
            token,
            sample,
            quiet,
        } => serve::run(serve::ServeArgs {
            db,
            addr,
            token,
            sample,
            quiet,
        }),
        Command::Eval {
            gold,
            output,
            verbose,
            json,
        } => eval(&gold, &output, verbose, json),
        Command::Bench { paths, repeat } => bench::run(&paths, repeat).map(|()| true),
        Command::Search {
            query,
            filters,
            read,
        } => query::search(&read, &query, &filters),
        Command::Entity {
            action: Some(action),
            ..
        } => entity::correct(&action),
        Command::Entity {
            action: None,
            name: Some(name),
            read,
        } => entity::profile(&read, &name),
        Command::Entity { .. } => Err(anyhow::anyhow!(
            "entity needs a NAME, or merge A B, or split MENTION"
        )),
        Command::Facts { filters, read } => query::facts(&read, &filters),
        Command::Articles {
            language,
            limit,
            read,
        } => query::articles(&read, language.as_deref(), limit),
        Command::Timeline {
            subject,
            other,
            read,
        } => query::timeline(&read, &subject, other.as_deref()),
        Command::Relations { name, read } => query::relations(&read, &name),
        Command::Watch { action } => watch::run(&action),
        Command::Export { format, output, db } => export::run(&db, format, output.as_ref()),
        Command::BenchQueries { db, names, repeat } => bench_queries::run(&db, names, repeat),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(error) => {
            if error.chain().any(|cause| {
                cause
                    .downcast_ref::<io::Error>()
                    .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
            }) {
                return ExitCode::SUCCESS;
            }
            output::warn(format!("{error:#}"));
            ExitCode::from(2)
        }
    }
}

/// How many finished articles `extract` and `ingest` hold back behind a slower one.
const REORDER_WINDOW: usize = 64;

/// What `extract` works on and prints, in input order: a file's errors, then its
/// articles one by one.
enum Unit<T> {
    Errors(Vec<pw_ingest::IngestError>),
    Article(T),
}

/// Extracts every article under `paths`; returns whether all of them succeeded.
///
/// Files are read in order as workers need the next article, articles are extracted
/// on all cores, and each is printed (and flushed) as soon as it and every article
/// before it are done (`stream::ordered`), so one slow article holds back at most
/// [`REORDER_WINDOW`] finished ones and never the whole run.
fn extract(
    paths: &[PathBuf],
    format: Format,
    threads: Option<usize>,
    budget: Option<std::time::Duration>,
) -> Result<bool> {
    if let Some(threads) = threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build_global()
            .context("cannot start worker threads")?;
    }
    let (files, missing) = pw_ingest::collect_inputs(paths);
    let mut ok = true;
    for error in &missing {
        output::warn(error);
        ok = false;
    }
    let extractor = Extractor::new();
    let options = Options::default();
    let progress = output::progress(files.len() as u64);
    let units = files.iter().flat_map(|path| {
        let file_output = pw_ingest::read_file(path, &options);
        progress.inc(1);
        std::iter::once(Unit::Errors(file_output.errors))
            .chain(file_output.documents.into_iter().map(Unit::Article))
    });
    let render = |unit: Unit<pw_model::Document>| -> Unit<String> {
        match unit {
            Unit::Errors(errors) => Unit::Errors(errors),
            Unit::Article(mut document) => {
                let (extraction, stopped) = budget::extract(&extractor, &mut document, budget);
                if let Some(warning) = stopped {
                    progress.suspend(|| output::warn(warning));
                }
                Unit::Article(match format {
                    Format::Jsonl => output::json_line(&document, &extraction),
                    Format::Text => {
                        output::terminal_safe(&output::text_report(&document, &extraction))
                            .into_owned()
                    }
                })
            }
        }
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let written = stream::ordered(
        units,
        rayon::current_num_threads(),
        REORDER_WINDOW,
        render,
        |unit| -> Result<()> {
            match unit {
                Unit::Errors(errors) => {
                    for error in errors {
                        progress.suspend(|| output::warn(error));
                        ok = false;
                    }
                }
                Unit::Article(item) => {
                    out.write_all(item.as_bytes())
                        .and_then(|()| out.flush())
                        .context("cannot write output")?;
                }
            }
            Ok(())
        },
    );
    progress.finish_and_clear();
    written?;
    out.flush().context("cannot write output")?;
    Ok(ok)
}

fn eval(gold: &PathBuf, output: &PathBuf, verbose: bool, json: bool) -> Result<bool> {
    let gold_text =
        std::fs::read_to_string(gold).with_context(|| format!("cannot read {}", gold.display()))?;
    let gold = pw_eval::parse_gold(&gold_text)
        .with_context(|| format!("{} is not a gold file", gold.display()))?;
    let output_text = std::fs::read_to_string(output)
        .with_context(|| format!("cannot read {}", output.display()))?;
    let (predictions, line_errors) = pw_eval::parse_predictions(&output_text);
    for error in &line_errors {
        output::warn(format!("{}: {error}", output.display()));
    }
    let report = pw_eval::score(&gold, &predictions);
    for warning in &report.warnings {
        output::warn(warning);
    }
    let mut stdout = io::stdout().lock();
    if json {
        writeln!(
            stdout,
            "{}",
            serde_json::to_string_pretty(&report.to_json())?
        )?;
    } else {
        write!(stdout, "{}", report.render(verbose))?;
    }
    Ok(line_errors.is_empty())
}
