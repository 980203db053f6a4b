use pw_extract::Extractor;
use pw_ingest::{Options, read_file};
use pw_model::{Document, Extraction, Modality};
use pw_record::{ArticleInput, Corrections, Fact, Record, build};
use serde_json::Value;
use std::path::PathBuf;
use std::sync::OnceLock;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

struct Seeds {
    names: Vec<String>,
    documents: Vec<Document>,
    extractions: Vec<Extraction>,
}

/// The seeds, read by the real ingest and extracted once for all tests.
fn seeds() -> &'static Seeds {
    static SEEDS: OnceLock<Seeds> = OnceLock::new();
    SEEDS.get_or_init(|| {
        let dir = repo().join("corpus/seeds");
        let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
            .expect("corpus/seeds is readable")
            .map(|entry| entry.expect("seed entry").path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
            .collect();
        paths.sort();
        assert_eq!(paths.len(), 5, "five seed articles");
        let extractor = Extractor::new();
        let (mut names, mut documents, mut extractions) = (Vec::new(), Vec::new(), Vec::new());
        for path in paths {
            let out = read_file(&path, &Options::default());
            assert!(
                out.errors.is_empty(),
                "{}: {:?}",
                path.display(),
                out.errors
            );
            let document = out.documents.into_iter().next().expect("one document");
            extractions.push(extractor.extract(&document));
            documents.push(document);
            names.push(path.file_name().unwrap().to_string_lossy().into_owned());
        }
        Seeds {
            names,
            documents,
            extractions,
        }
    })
}

fn inputs(seeds: &Seeds) -> Vec<ArticleInput<'_>> {
    (0..seeds.names.len())
        .map(|index| ArticleInput {
            key: &seeds.names[index],
            meta: &seeds.documents[index].meta,
            text: &seeds.documents[index].text,
            extraction: &seeds.extractions[index],
        })
        .collect()
}

fn record() -> &'static Record {
    static RECORD: OnceLock<Record> = OnceLock::new();
    RECORD.get_or_init(|| build(&inputs(seeds()), &Corrections::default()))
}

fn gold() -> Value {
    let text = std::fs::read_to_string(repo().join("corpus/eval/seeds.gold.json"))
        .expect("gold is readable");
    serde_json::from_str(&text).expect("gold is JSON")
}

fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .expect("an array")
        .iter()
        .map(|item| item.as_str().expect("a string").to_string())
        .collect()
}

fn fold(text: &str) -> String {
    text.to_lowercase()
}

#[test]
fn dump_for_review() {
    // Not an assertion: `cargo test -p pw-record --test it dump -- --nocapture` shows
    // the record of the seeds.
    let record = record();
    for story in &record.stories {
        println!("story {} {:?} {:?}", story.id, story.articles, story.links);
    }
    for entity in &record.entities {
        if entity.members.len() > 1 {
            let articles: Vec<&str> = entity.members.iter().map(|m| &m.article[..3]).collect();
            println!(
                "entity {} {} {} [{:?}] {:?} reasons: {:?}",
                entity.id,
                entity.kind,
                entity.name,
                entity.country,
                articles,
                entity.merges.iter().map(|m| &m.reason).collect::<Vec<_>>()
            );
        }
    }
    let name = |id: &String| {
        record
            .entities
            .iter()
            .find(|entity| &entity.id == id)
            .map_or("?", |entity| entity.name.as_str())
    };
    for fact in &record.facts {
        let articles: Vec<&str> = fact.supports.iter().map(|s| &s.article[..3]).collect();
        println!(
            "fact {} {} {:?} -> {:?} {:?} date {:?} {}..{} outlets {} stories {} {:?}",
            fact.id,
            fact.event_type,
            fact.source.iter().map(name).collect::<Vec<_>>(),
            fact.target.iter().map(name).collect::<Vec<_>>(),
            fact.equipment.iter().map(name).collect::<Vec<_>>(),
            fact.date.map(|d| d.to_string()),
            fact.strongest,
            fact.weakest,
            fact.outlets,
            fact.stories,
            articles,
        );
        for contradiction in &fact.contradictions {
            println!("    {:?}: {}", contradiction.kind, contradiction.detail);
        }
    }
}

fn story_of<'a>(record: &'a Record, article: &str) -> &'a str {
    let stories: Vec<&str> = record
        .stories
        .iter()
        .filter(|story| story.articles.iter().any(|key| key == article))
        .map(|story| story.id.as_str())
        .collect();
    assert_eq!(stories.len(), 1, "{article} is in exactly one story");
    stories[0]
}

#[test]
fn same_story_pairs_are_exactly_the_gold_ones() {
    let record = record();
    let gold = gold();
    let pairs: Vec<Vec<String>> = gold["across_documents"]["same_story"]
        .as_array()
        .expect("same_story")
        .iter()
        .map(strings)
        .collect();
    let names = &seeds().names;
    assert_eq!(
        record
            .stories
            .iter()
            .map(|story| story.articles.len())
            .sum::<usize>(),
        names.len(),
        "every article in exactly one story"
    );
    for (i, left) in names.iter().enumerate() {
        for right in &names[i + 1..] {
            let gold_pair = pairs
                .iter()
                .any(|pair| pair.contains(left) && pair.contains(right));
            let same = story_of(record, left) == story_of(record, right);
            assert_eq!(same, gold_pair, "{left} and {right}: same story?");
        }
    }
}

/// The record entities whose name or aliases fold to `name`.
fn entities_named<'a>(record: &'a Record, name: &str) -> Vec<&'a pw_record::RecordEntity> {
    record
        .entities
        .iter()
        .filter(|entity| {
            std::iter::once(&entity.name)
                .chain(&entity.aliases)
                .any(|surface| fold(surface) == fold(name))
        })
        .collect()
}

#[test]
fn same_entity_is_one_record_entity_seen_in_the_gold_documents() {
    let record = record();
    let gold = gold();
    for item in gold["across_documents"]["same_entity"]
        .as_array()
        .expect("same_entity")
    {
        let name = item["name"].as_str().expect("a name");
        let documents = strings(&item["documents"]);
        let found = entities_named(record, name);
        assert_eq!(
            found.len(),
            1,
            "{name}: one record entity, found {found:#?}"
        );
        let entity = found[0];
        let mut seen: Vec<&str> = entity
            .sightings
            .iter()
            .map(|sighting| sighting.article.as_str())
            .collect();
        seen.sort_unstable();
        seen.dedup();
        for document in &documents {
            assert!(
                seen.contains(&document.as_str()),
                "{name}: not seen in {document}; seen in {seen:?}"
            );
        }
        assert_eq!(
            entity.merges.len() + 1,
            entity.members.len(),
            "{name}: every merge has a reason"
        );
    }
}

fn facts_with_supports<'a>(record: &'a Record, documents: &[String]) -> Vec<&'a Fact> {
    record
        .facts
        .iter()
        .filter(|fact| {
            documents.iter().all(|document| {
                fact.supports
                    .iter()
                    .any(|support| &support.article == document)
            })
        })
        .collect()
}

#[test]
fn same_event_is_one_fact_supported_by_the_gold_documents() {
    let record = record();
    let gold = gold();
    for item in gold["across_documents"]["same_event"]
        .as_array()
        .expect("same_event")
    {
        let documents = strings(&item["documents"]);
        let agreements: Vec<&Fact> = facts_with_supports(record, &documents)
            .into_iter()
            .filter(|fact| fact.plover == pw_model::Plover::Agree)
            .collect();
        assert_eq!(
            agreements.len(),
            1,
            "{}: one agreement fact supported by {documents:?}",
            item["event"]
        );
        let fact = agreements[0];
        assert_eq!(
            fact.date.map(|date| date.to_string()).as_deref(),
            Some("2023-07-20")
        );
        assert!(fact.stories >= 3, "000 and 001 are one story: {fact:#?}");
        assert!(
            fact.supports
                .iter()
                .all(|support| documents.contains(&support.article)),
            "no other article supports it"
        );
    }
}

#[test]
fn the_drone_transfer_ranges_from_speculative_to_asserted() {
    let record = record();
    let drone = entities_named(record, "drone");
    assert_eq!(drone.len(), 1);
    let drone = &drone[0].id;
    let documents: Vec<String> = seeds()
        .names
        .iter()
        .filter(|name| !name.starts_with("002"))
        .cloned()
        .collect();
    let transfers: Vec<&Fact> = facts_with_supports(record, &documents)
        .into_iter()
        .filter(|fact| fact.plover == pw_model::Plover::Aid && fact.equipment.contains(drone))
        .collect();
    assert_eq!(transfers.len(), 1, "one drone transfer fact");
    let fact = transfers[0];
    let modalities = |prefix: &str| -> Vec<Modality> {
        fact.supports
            .iter()
            .filter(|support| support.article.starts_with(prefix))
            .map(|support| support.modality)
            .collect()
    };
    for prefix in ["000", "001"] {
        assert!(
            modalities(prefix).contains(&Modality::Speculative),
            "{prefix}"
        );
    }
    for prefix in ["003", "004"] {
        assert!(modalities(prefix).contains(&Modality::Asserted), "{prefix}");
    }
    assert_eq!(fact.strongest, Modality::Asserted);
    assert!(fact.weakest >= Modality::Speculative);
    assert!(
        fact.contradictions
            .iter()
            .any(|contradiction| contradiction.kind == pw_record::ContradictionKind::Equipment),
        "drones vs missiles"
    );
}

#[test]
fn the_build_does_not_depend_on_input_order() {
    let seeds = seeds();
    let mut inputs = inputs(seeds);
    inputs.reverse();
    assert_eq!(&build(&inputs, &Corrections::default()), record());
}
