//! Watches: saved fact queries that report, on each run, the facts they had not seen.
//!
//! A watch remembers the reports (`article:event`) of the facts it matched. On the
//! next run a fact is new when none of its reports was seen, so a fact that gains a
//! report is not news again, and fact ids changing as articles arrive does not matter.
//! The caller passes the time of the run (`at`): nothing here reads a clock.

use crate::{Catalog, Error, FactQuery, FactSummary, Result};
use pw_store::{Store, WatchId};
use serde::Serialize;
use std::collections::HashSet;

/// What one run of a watch found.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct WatchRun {
    /// The watch.
    pub id: WatchId,
    /// Its name.
    pub name: String,
    /// Its query (the [`FactQuery`] text form).
    pub query: String,
    /// When it ran before, as the caller wrote it then.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub previous_run: Option<String>,
    /// When it ran now.
    pub at: String,
    /// Facts the query matches now.
    pub matching: usize,
    /// Those not seen in an earlier run, earliest first.
    pub new_facts: Vec<FactSummary>,
}

/// Saves a watch after checking that its query parses.
pub fn add_watch(store: &mut dyn Store, name: &str, query: &str) -> Result<WatchId> {
    query.parse::<FactQuery>()?;
    Ok(store.add_watch(name, query)?)
}

/// Runs a watch at time `at`: reports the facts new since its last run and remembers
/// them. A name in the query that matches no entity yet matches no fact (yet).
pub fn watch(store: &mut dyn Store, catalog: &Catalog, id: WatchId, at: &str) -> Result<WatchRun> {
    let saved = store
        .watches()?
        .into_iter()
        .find(|watch| watch.id == id)
        .ok_or_else(|| Error::NotFound {
            what: "watch",
            name: id.0.to_string(),
        })?;
    let query: FactQuery = saved.query.parse()?;
    let facts = match catalog.facts(&query) {
        Ok(facts) => facts,
        Err(Error::NotFound { .. }) => Vec::new(),
        Err(error) => return Err(error),
    };
    let seen: HashSet<String> = store.watch_seen(id)?.into_iter().collect();
    let mut keys = Vec::new();
    let mut new_facts = Vec::new();
    let matching = facts.len();
    for fact in facts {
        let is_new = !fact
            .supports
            .iter()
            .any(|report| seen.contains(&report.reference));
        keys.extend(
            fact.supports
                .iter()
                .map(|report| report.reference.clone())
                .filter(|reference| !seen.contains(reference)),
        );
        if is_new {
            new_facts.push(fact);
        }
    }
    store.add_watch_seen(id, &keys, at)?;
    Ok(WatchRun {
        id,
        name: saved.name,
        query: saved.query,
        previous_run: saved.last_run,
        at: at.to_string(),
        matching,
        new_facts,
    })
}
