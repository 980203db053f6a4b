//! `pactwatch serve`: the record over HTTP and the web page (see `pw-serve`).
//!
//! `--sample` serves the bundled seed articles: they are embedded in the binary, written
//! to a folder in the system temp folder and ingested there (idempotent: a second start
//! skips them all), so the command works from any folder.

use anyhow::{Context, Result, bail};
use pw_store::{SqliteStore, Store};
use std::net::SocketAddr;
use std::path::PathBuf;

/// The seed corpus (`corpus/seeds`), embedded: (file name, bytes).
const SAMPLE: &[(&str, &[u8])] = &[
    (
        "000_6b293579ac34e6d2.txt",
        include_bytes!("../../../corpus/seeds/000_6b293579ac34e6d2.txt"),
    ),
    (
        "000_6b293579ac34e6d2.meta.json",
        include_bytes!("../../../corpus/seeds/000_6b293579ac34e6d2.meta.json"),
    ),
    (
        "001_77dce583d1c1aa2f.txt",
        include_bytes!("../../../corpus/seeds/001_77dce583d1c1aa2f.txt"),
    ),
    (
        "002_4d7d0a4397d190e1.txt",
        include_bytes!("../../../corpus/seeds/002_4d7d0a4397d190e1.txt"),
    ),
    (
        "003_684a47f051cb24f6.txt",
        include_bytes!("../../../corpus/seeds/003_684a47f051cb24f6.txt"),
    ),
    (
        "004_d614e4c1e9a83542.txt",
        include_bytes!("../../../corpus/seeds/004_d614e4c1e9a83542.txt"),
    ),
];

/// What `pactwatch serve` was asked.
pub(crate) struct ServeArgs {
    pub db: PathBuf,
    pub addr: SocketAddr,
    pub token: Option<String>,
    pub sample: bool,
    pub quiet: bool,
}

pub(crate) fn run(args: ServeArgs) -> Result<bool> {
    let db = if args.sample {
        sample_db()?
    } else {
        if !args.db.exists() {
            bail!(
                "no database at {}: create one with `pactwatch ingest --db {} PATH...`, or serve the bundled sample with --sample",
                args.db.display(),
                args.db.display()
            );
        }
        args.db
    };
    let token = args
        .token
        .or_else(|| std::env::var("PACTWATCH_TOKEN").ok())
        .filter(|token| !token.is_empty());
    if !args.addr.ip().is_loopback() && token.is_none() {
        eprintln!(
            "pactwatch: note: serving on {} (not loopback); writes stay off without a token",
            args.addr
        );
    }
    let store = SqliteStore::open(&db).map_err(crate::query::store_error)?;
    let n_articles = store.count_articles().context("cannot read the store")?;
    let config = pw_serve::Config {
        token: token.clone(),
        access_log: !args.quiet,
        release_memory: Some(release_memory),
        ..pw_serve::Config::default()
    };
    let state = pw_serve::AppState::new(store, config)
        .with_context(|| format!("cannot load the record of {}", db.display()))?;
    let view = state.view();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(args.addr)
            .await
            .with_context(|| format!("cannot listen on {}", args.addr))?;
        let local = listener.local_addr().context("cannot read the bound address")?;
        eprintln!(
            "pactwatch: serving {} ({n_articles} articles, {} entities, {} facts) on http://{local}/ (writes {})",
            db.display(),
            view.catalog.record().entities.len(),
            view.catalog.record().facts.len(),
            if token.is_some() { "on, with the token" } else { "off" },
        );
        drop(view);
        pw_serve::serve(listener, state, async {
            // Without a signal handler the server runs until killed; both end it.
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
        .context("the server stopped")
    })?;
    Ok(true)
}

/// Writes the embedded seeds to a temp folder and ingests them into a database beside
/// them (skipped when they are stored already); returns the database path.
fn sample_db() -> Result<PathBuf> {
    let folder = std::env::temp_dir().join("pactwatch-sample");
    let seeds = folder.join("seeds");
    std::fs::create_dir_all(&seeds)
        .with_context(|| format!("cannot create {}", seeds.display()))?;
    for (name, bytes) in SAMPLE {
        let path = seeds.join(name);
        if std::fs::read(&path).ok().as_deref() != Some(*bytes) {
            std::fs::write(&path, bytes)
                .with_context(|| format!("cannot write {}", path.display()))?;
        }
    }
    let db = folder.join("sample.db");
    let budget = crate::budget::from_seconds(crate::budget::DEFAULT_SECONDS);
    if !crate::ingest::run(&[seeds], &db, None, 256, budget)? {
        bail!("cannot ingest the sample into {}", db.display());
    }
    Ok(db)
}

/// Hands the calling thread's freed pages back to the system (the binary's allocator is
/// mimalloc, see main.rs), so that a write's record rebuild leaves no resident peak.
fn release_memory() {
    // SAFETY: `mi_collect` takes no pointers; it frees and purges the calling thread's
    // empty pages and may be called at any time from any thread.
    unsafe { libmimalloc_sys::mi_collect(true) }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_sample_is_the_seed_corpus() {
        let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/seeds");
        let mut names: Vec<String> = std::fs::read_dir(&folder)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|name| name != "README.md")
            .collect();
        names.sort();
        let embedded: Vec<&str> = super::SAMPLE.iter().map(|(name, _)| *name).collect();
        let mut embedded_sorted = embedded.clone();
        embedded_sorted.sort();
        assert_eq!(names, embedded_sorted);
    }
}
