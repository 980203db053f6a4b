//! `pactwatch bench-queries`: latency of each query type over names and words drawn
//! from the store, p50 and p99 in milliseconds.
//!
//! Names are the most mentioned countries, people and organizations; words come from
//! those names and from the evidence sentences of the best-supported facts. The catalog
//! is loaded once (as a server does with `QueryCache`) and its load time is reported
//! apart; every query then runs `--repeat` times over the whole set.

use crate::query::load;
use anyhow::Result;
use pw_model::EntityKind;
use pw_query::{FactQuery, SearchRequest};
use std::collections::BTreeSet;
use std::path::Path;
use std::time::{Duration, Instant};

pub(crate) fn run(db: &Path, names_wanted: usize, repeat: usize) -> Result<bool> {
    let started = Instant::now();
    let (store, catalog) = load(db)?;
    let load_time = started.elapsed();
    let mut entities: Vec<&pw_record::RecordEntity> = catalog
        .record()
        .entities
        .iter()
        .filter(|entity| {
            matches!(
                entity.kind,
                EntityKind::Country | EntityKind::Person | EntityKind::Organization
            )
        })
        .collect();
    entities.sort_by_key(|entity| std::cmp::Reverse(entity.sightings.len()));
    // Ids, not names: a popular name may be ambiguous, and the bench measures queries.
    let names: Vec<String> = entities
        .iter()
        .take(names_wanted)
        .map(|entity| entity.id.clone())
        .collect();
    let mut facts: Vec<&pw_record::Fact> = catalog.record().facts.iter().collect();
    facts.sort_by_key(|fact| std::cmp::Reverse(fact.supports.len()));
    let mut words: BTreeSet<String> = BTreeSet::new();
    for fact in facts.iter().take(names_wanted) {
        if let Some(support) = fact.supports.first() {
            words.extend(
                support
                    .evidence
                    .split(|c: char| !c.is_alphabetic())
                    .filter(|word| word.len() >= 6)
                    .take(2)
                    .map(str::to_lowercase),
            );
        }
    }
    let words: Vec<String> = words.into_iter().take(names_wanted).collect();
    println!(
        "{}: {} articles, {} entities, {} facts; catalog loaded in {:.0} ms; {} names, {} words, {} rounds",
        db.display(),
        catalog.article_count(),
        catalog.record().entities.len(),
        catalog.record().facts.len(),
        load_time.as_secs_f64() * 1e3,
        names.len(),
        words.len(),
        repeat
    );
    let measure = |label: &str, inputs: &[String], query: &dyn Fn(&str) -> bool| {
        let mut times: Vec<Duration> = Vec::new();
        let mut found = 0usize;
        for _ in 0..repeat.max(1) {
            for input in inputs {
                let start = Instant::now();
                found += usize::from(query(input));
                times.push(start.elapsed());
            }
        }
        times.sort_unstable();
        let at = |quantile: f64| {
            let index = ((times.len() as f64 - 1.0) * quantile).round() as usize;
            times
                .get(index)
                .map_or(0.0, |time| time.as_secs_f64() * 1e3)
        };
        println!(
            "{label:<16} {:>6} queries  p50 {:>8.2} ms  p99 {:>8.2} ms  max {:>8.2} ms  ({} with results)",
            times.len(),
            at(0.5),
            at(0.99),
            at(1.0),
            found
        );
    };
    measure("search", &words, &|word| {
        pw_query::search(&store, &catalog, &SearchRequest::text(word))
            .is_ok_and(|results| !results.sentences.is_empty())
    });
    measure("entity profile", &names, &|name| {
        catalog.entity_profile(name).is_ok()
    });
    measure("facts", &names, &|name| {
        let query = FactQuery {
            entity: Some(name.to_string()),
            ..FactQuery::default()
        };
        catalog.facts(&query).is_ok_and(|facts| !facts.is_empty())
    });
    measure("timeline", &names, &|name| {
        catalog
            .timeline(name, None)
            .is_ok_and(|timeline| !timeline.facts.is_empty())
    });
    measure("relations", &names, &|name| {
        catalog
            .relations(name)
            .is_ok_and(|relations| !relations.counterparts.is_empty())
    });
    Ok(true)
}
