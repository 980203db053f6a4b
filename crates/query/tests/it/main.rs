//! pw-query over the seed articles: extracted, stored in a temporary SQLite store, the
//! record rebuilt, then every query checked against what the seeds say.

use pw_extract::Extractor;
use pw_query::{Catalog, Error, FactQuery, GraphQuery, QueryCache, SearchRequest};
use pw_store::{NewArticle, SqliteStore, Store};
use std::path::Path;

const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus/seeds");

/// The seeds stored in file-name order (so article keys are `a1` = 000 ... `a5` = 004).
fn seed_store(folder: &Path) -> SqliteStore {
    let mut store = SqliteStore::open(folder.join("pactwatch.db")).expect("open the store");
    let (mut files, missing) = pw_ingest::collect_inputs(&[SEEDS.into()]);
    assert!(missing.is_empty());
    files.sort();
    let extractor = Extractor::new();
    let mut articles = Vec::new();
    for file in files {
        let output = pw_ingest::read_file(&file, &pw_ingest::Options::default());
        for document in output.documents {
            let extraction = extractor.extract(&document);
            articles.push(NewArticle::new(document, extraction, None));
        }
    }
    store.put_articles(&articles).expect("store the seeds");
    store.flush().expect("flush");
    pw_store::rebuild_record(&mut store).expect("rebuild the record");
    store
}

fn file_stem(file: Option<&str>) -> String {
    let name = file
        .unwrap_or_default()
        .rsplit('/')
        .next()
        .unwrap_or_default();
    name.get(..3).unwrap_or(name).to_string()
}

#[test]
fn queries_over_the_seeds() {
    let folder = tempfile::tempdir().unwrap();
    let store = seed_store(folder.path());
    let catalog = Catalog::load(&store).unwrap();

    // Names: any case, diacritics or not, an alias, an id.
    assert_eq!(catalog.resolve("iran").unwrap().name, "Iran");
    assert_eq!(catalog.resolve("BOLIVIA").unwrap().name, "Bolivia");
    assert_eq!(catalog.resolve("Luis Arcé").unwrap().name, "Luis Arce");
    assert!(matches!(
        catalog.resolve("Atlantis"),
        Err(Error::NotFound { .. })
    ));
    let novillo = catalog.resolve("edmundo novillo aguilar").unwrap();
    assert_eq!(catalog.resolve("Novillo").unwrap().id, novillo.id);
    assert_eq!(catalog.resolve(&novillo.id).unwrap().id, novillo.id);

    // Iran → Bolivia: the July 2023 memorandum (4 articles) and the drone transfer.
    let query: FactQuery = "actor=Iran target=Bolivia".parse().unwrap();
    let facts = catalog.facts(&query).unwrap();
    let memorandum = facts
        .iter()
        .find(|fact| {
            fact.event_type.as_str() == "agree"
                && fact.date.map(|d| d.to_string()).as_deref() == Some("2023-07-20")
        })
        .expect("the memorandum");
    let mut stems: Vec<String> = memorandum
        .supports
        .iter()
        .map(|report| file_stem(report.article.file.as_deref()))
        .collect();
    stems.dedup();
    stems.sort();
    stems.dedup();
    assert_eq!(stems, ["000", "001", "003", "004"]);
    assert_eq!(memorandum.articles, 4);
    let drones = facts
        .iter()
        .find(|fact| fact.event_type.as_str() == "transfer_arms")
        .expect("the drone transfer");
    assert_eq!(
        drones.modality.describe(),
        "speculative to asserted, also planned"
    );
    assert!(!drones.contradictions.is_empty());
    assert_eq!(catalog.fact(&drones.id).unwrap(), *drones);

    // Timeline, relations, graph.
    let timeline = catalog.timeline("Iran", Some("Bolivia")).unwrap();
    assert!(timeline.facts.iter().any(|fact| fact.id == memorandum.id));
    let dates: Vec<_> = timeline
        .facts
        .iter()
        .map(|fact| fact.date.unwrap().to_string())
        .collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted, "timeline in date order");
    let relations = catalog.relations("Bolivia").unwrap();
    let iran = relations
        .counterparts
        .iter()
        .find(|counterpart| counterpart.entity.name == "Iran")
        .expect("Iran is a counterpart of Bolivia");
    assert!(iran.cooperation >= 2 && iran.balance > 0.0, "{iran:?}");
    let graph = catalog.graph(&GraphQuery::default()).unwrap();
    let network = pw_export::Network::build(catalog.record());
    assert_eq!(graph.nodes.len(), network.nodes.len());
    assert_eq!(graph.edges.len(), network.edges.len());
    let pair = catalog
        .graph(&GraphQuery {
            actors: vec!["Iran".into()],
            facts: "target=Bolivia".parse().unwrap(),
        })
        .unwrap();
    assert!(pair.edges.iter().all(|edge| edge.weight >= 1));
    assert!(pair.edges.len() < graph.edges.len());

    // Profile, search, stats, JSON.
    let profile = catalog.entity_profile(&novillo.id).unwrap();
    assert_eq!(profile.members.len(), 3);
    assert!(
        profile
            .members
            .iter()
            .all(|member| member.reference.starts_with('a'))
    );
    assert!(
        profile
            .roles
            .iter()
            .any(|role| role.role == "Defense Minister")
    );
    let results = pw_query::search(&store, &catalog, &SearchRequest::text("drones")).unwrap();
    assert!(!results.sentences.is_empty());
    assert!(results.entities.iter().any(|entity| entity.name == "drone"));
    assert!(results.facts.iter().any(|fact| fact.id == drones.id));
    let stats = catalog.stats();
    assert_eq!(stats.articles, 5);
    assert_eq!(stats.facts, catalog.record().facts.len());
    serde_json::to_string(&profile).unwrap();
    serde_json::to_string(&results).unwrap();
    serde_json::to_string(&timeline).unwrap();
    serde_json::to_string(&relations).unwrap();
    serde_json::to_string(&graph).unwrap();
    serde_json::to_string(&stats).unwrap();
}

#[test]
fn the_cache_reloads_when_the_record_changes() {
    let folder = tempfile::tempdir().unwrap();
    let mut store = seed_store(folder.path());
    let cache = QueryCache::new();
    let first = cache.catalog(&store).unwrap();
    let again = cache.catalog(&store).unwrap();
    assert!(std::sync::Arc::ptr_eq(&first, &again));
    pw_store::rebuild_record(&mut store).unwrap();
    let rebuilt = cache.catalog(&store).unwrap();
    assert!(!std::sync::Arc::ptr_eq(&first, &rebuilt));
}

#[test]
fn watches_report_only_new_facts() {
    let folder = tempfile::tempdir().unwrap();
    let mut store = seed_store(folder.path());
    let catalog = Catalog::load(&store).unwrap();
    let id = pw_query::add_watch(&mut store, "iran", "actor=Iran").unwrap();
    assert!(pw_query::add_watch(&mut store, "bad", "type=nonsense").is_err());
    let first = pw_query::watch(&mut store, &catalog, id, "run 1").unwrap();
    assert!(!first.new_facts.is_empty());
    assert_eq!(first.new_facts.len(), first.matching);
    let second = pw_query::watch(&mut store, &catalog, id, "run 2").unwrap();
    assert!(second.new_facts.is_empty());
    assert_eq!(second.previous_run.as_deref(), Some("run 1"));
}
