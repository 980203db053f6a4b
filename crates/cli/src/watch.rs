//! `pactwatch watch`: saved fact queries (`actor=Iran type=transfer_arms`) and their
//! runs, each reporting the facts that are new since the last one.
//!
//! `--at` names the run (a timestamp, a counter); without it the run is stamped with
//! the system clock in UTC. What counts as new does not depend on it: the store
//! remembers the reports each watch has seen.

use crate::query::{ReadArgs, emit, fact_block, json_lines, open};
use anyhow::{Result, bail};
use clap::Subcommand;
use pw_store::Store;
use std::fmt::Write as _;

/// Watch commands.
#[derive(Subcommand, Clone, Debug)]
pub(crate) enum WatchAction {
    /// Save a query over facts, as `key=value` filters: actor, target, entity, type,
    /// since, until, modality (`actor=Iran type=transfer_arms`).
    Add {
        name: String,
        query: String,
        #[command(flatten)]
        read: ReadArgs,
    },
    /// List saved watches.
    List {
        #[command(flatten)]
        read: ReadArgs,
    },
    /// Run every watch (or the one named) and report facts new since its last run.
    Run {
        /// Only this watch.
        name: Option<String>,
        /// The time (or any label) to record as this run's (default: now, UTC).
        #[arg(long)]
        at: Option<String>,
        #[command(flatten)]
        read: ReadArgs,
    },
}

pub(crate) fn run(action: &WatchAction) -> Result<bool> {
    match action {
        WatchAction::Add { name, query, read } => {
            let mut store = open(&read.db)?;
            let id = pw_query::add_watch(&mut store, name, query)?;
            if read.json {
                crate::query::emit_json(&json_lines([
                    serde_json::json!({"id": id, "name": name, "query": query}),
                ])?)?;
            } else {
                emit(&format!("watch {} saved: {name}: {query}\n", id.0))?;
            }
            Ok(true)
        }
        WatchAction::List { read } => {
            let store = crate::query::open_reader(&read.db)?;
            let watches = store.watches()?;
            if read.json {
                return crate::query::emit_json(&json_lines(&watches)?).map(|()| true);
            }
            let mut text = String::new();
            for watch in &watches {
                let _ = writeln!(
                    text,
                    "{}  {}  {}  (last run: {})",
                    watch.id.0,
                    watch.name,
                    watch.query,
                    watch.last_run.as_deref().unwrap_or("never")
                );
            }
            emit(&text).map(|()| true)
        }
        WatchAction::Run { name, at, read } => {
            let (mut store, catalog) = crate::query::load_writer(&read.db)?;
            let at = at.clone().unwrap_or_else(now);
            let watches: Vec<_> = store
                .watches()?
                .into_iter()
                .filter(|watch| name.as_ref().is_none_or(|name| &watch.name == name))
                .collect();
            if let Some(name) = name
                && watches.is_empty()
            {
                bail!("no watch named {name:?}");
            }
            let mut text = String::new();
            for watch in watches {
                let report = pw_query::watch(&mut store, &catalog, watch.id, &at)?;
                if read.json {
                    text.push_str(&json_lines([&report])?);
                    continue;
                }
                let _ = writeln!(
                    text,
                    "watch {} ({}): {} new of {} matching facts (last run: {})",
                    report.name,
                    report.query,
                    report.new_facts.len(),
                    report.matching,
                    report.previous_run.as_deref().unwrap_or("never")
                );
                for fact in &report.new_facts {
                    text.push('\n');
                    text.push_str(&fact_block(fact));
                }
            }
            emit(&text).map(|()| true)
        }
    }
}

/// Now, UTC, as `2026-11-23T10:00:00Z`.
fn now() -> String {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs()) as i64;
    let (days, rest) = (seconds.div_euclid(86_400), seconds.rem_euclid(86_400));
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_index + 2) / 5 + 1;
    let month = if month_index < 10 {
        month_index + 3
    } else {
        month_index - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rest / 3_600,
        rest % 3_600 / 60,
        rest % 60
    )
}
