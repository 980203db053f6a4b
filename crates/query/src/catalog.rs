//! The catalog: the record loaded once with the indexes every query uses, name
//! resolution, and the cache that reloads it when the store's record changes.

use crate::{Error, Result};
use pw_model::{DocumentMeta, EntityKind, PartialDate};
use pw_record::{Fact, Record, RecordEntity};
use pw_store::{ArticleKey, Store};
use serde::Serialize;
use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, Mutex};

/// A stored article as query results name it.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ArticleRef {
    /// The store's key (`a12`).
    pub key: String,
    /// The article's title, when the input gave one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The outlet (publisher), when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    /// The article's URL, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The file it was read from (`path`, `path#line`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// The publication date, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<PartialDate>,
    /// The article's language (ISO 639-1), when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
}

impl ArticleRef {
    /// The reference of a stored article: its key and metadata.
    pub fn from_meta(key: &str, meta: &DocumentMeta) -> ArticleRef {
        ArticleRef {
            key: key.to_string(),
            title: meta.title.clone(),
            outlet: meta.outlet.clone(),
            url: meta.url.clone(),
            file: meta.file.clone(),
            published: meta.published,
            language: meta.language.clone(),
        }
    }

    /// The file's name without its folders (`000_6b29.txt`, `wh.jsonl#12`).
    pub fn file_name(&self) -> Option<&str> {
        let file = self.file.as_deref()?;
        Some(file.rsplit(['/', '\\']).next().unwrap_or(file))
    }
}

/// A record entity as query results name it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EntityBrief {
    /// The record entity id (`E…`).
    pub id: String,
    /// The canonical name.
    pub name: String,
    /// `None` for an id that the record's entity list does not hold.
    pub kind: Option<EntityKind>,
    /// ISO 3166-1 alpha-3.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Sentences that mention it, in all articles.
    pub mentions: usize,
}

impl EntityBrief {
    pub(crate) fn of(entity: &RecordEntity) -> EntityBrief {
        EntityBrief {
            id: entity.id.clone(),
            name: entity.name.clone(),
            kind: Some(entity.kind),
            country: entity.country.clone(),
            mentions: entity.sightings.len(),
        }
    }

    /// The kind's name, `unknown` when there is none.
    pub fn kind_name(&self) -> &'static str {
        self.kind.map_or("unknown", EntityKind::as_str)
    }
}

/// What a name in a fact filter stands for.
#[derive(Clone, Debug)]
pub(crate) enum Party {
    /// A person, organization, place or equipment: its id on the fact's side, or in a
    /// report's own sources and targets.
    Entity(usize),
    /// A country: any entity of the country on the fact's side.
    Country(String),
}

/// Which side of a fact.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Side {
    Source,
    Target,
}

/// The record with the indexes queries use. Cheap to share (`Arc`), immutable.
pub struct Catalog {
    record: Record,
    version: Option<u64>,
    articles: HashMap<String, ArticleRef>,
    entity_index: HashMap<String, usize>,
    fact_index: HashMap<String, usize>,
    /// Folded canonical names → entities.
    names: HashMap<String, Vec<usize>>,
    /// Folded aliases → entities.
    aliases: HashMap<String, Vec<usize>>,
    /// Words of folded names and aliases (a plural `s` dropped) → entities, sorted.
    words: HashMap<String, Vec<usize>>,
    /// Entity → facts that involve it (on a side or in a report), in record order.
    facts_of_entity: Vec<Vec<usize>>,
    /// Country code → facts with an entity of that country on a side.
    facts_of_country: HashMap<String, Vec<usize>>,
    /// (article key, sentence) → facts reported there.
    facts_of_sentence: HashMap<(String, usize), Vec<usize>>,
}

impl Catalog {
    /// Loads the record and the article metadata from a store.
    pub fn load(store: &dyn Store) -> Result<Catalog> {
        let version = store.record_version()?;
        let record = store.record()?;
        let metas = store.article_metas()?;
        Ok(Catalog::new(record, &metas, version))
    }

    /// A catalog of a record and its articles' metadata; `version` is what
    /// [`Store::record_version`] said (kept for [`QueryCache`]).
    pub fn new(
        record: Record,
        metas: &[(ArticleKey, DocumentMeta)],
        version: Option<u64>,
    ) -> Catalog {
        let articles: HashMap<String, ArticleRef> = metas
            .iter()
            .map(|(key, meta)| {
                let key = key.to_string();
                let article = ArticleRef::from_meta(&key, meta);
                (key, article)
            })
            .collect();
        let entity_index: HashMap<String, usize> = record
            .entities
            .iter()
            .enumerate()
            .map(|(position, entity)| (entity.id.clone(), position))
            .collect();
        let fact_index = record
            .facts
            .iter()
            .enumerate()
            .map(|(position, fact)| (fact.id.clone(), position))
            .collect();
        let mut names: HashMap<String, Vec<usize>> = HashMap::new();
        let mut aliases: HashMap<String, Vec<usize>> = HashMap::new();
        let mut words: HashMap<String, Vec<usize>> = HashMap::new();
        for (position, entity) in record.entities.iter().enumerate() {
            let name = fold(&entity.name);
            let mut entity_words: BTreeSet<String> = name.split(' ').map(word_key).collect();
            names.entry(name).or_default().push(position);
            let mut seen = BTreeSet::new();
            for alias in &entity.aliases {
                let folded = fold(alias);
                entity_words.extend(folded.split(' ').map(word_key));
                if seen.insert(folded.clone()) {
                    aliases.entry(folded).or_default().push(position);
                }
            }
            for word in entity_words {
                words.entry(word).or_default().push(position);
            }
        }
        let mut facts_of_entity: Vec<Vec<usize>> = vec![Vec::new(); record.entities.len()];
        let mut facts_of_country: HashMap<String, Vec<usize>> = HashMap::new();
        let mut facts_of_sentence: HashMap<(String, usize), Vec<usize>> = HashMap::new();
        for (fact_position, fact) in record.facts.iter().enumerate() {
            let mut involved = BTreeSet::new();
            let mut countries = BTreeSet::new();
            for id in fact.source.iter().chain(&fact.target) {
                if let Some(&entity) = entity_index.get(id) {
                    involved.insert(entity);
                    if let Some(country) = &record.entities[entity].country {
                        countries.insert(country.clone());
                    }
                }
            }
            for support in &fact.supports {
                for id in support.source.iter().chain(&support.target) {
                    if let Some(&entity) = entity_index.get(id) {
                        involved.insert(entity);
                    }
                }
                let sentence = facts_of_sentence
                    .entry((support.article.clone(), support.sentence))
                    .or_default();
                if sentence.last() != Some(&fact_position) {
                    sentence.push(fact_position);
                }
            }
            for entity in involved {
                facts_of_entity[entity].push(fact_position);
            }
            for country in countries {
                facts_of_country
                    .entry(country)
                    .or_default()
                    .push(fact_position);
            }
        }
        Catalog {
            record,
            version,
            articles,
            entity_index,
            fact_index,
            names,
            aliases,
            words,
            facts_of_entity,
            facts_of_country,
            facts_of_sentence,
        }
    }

    /// The record this catalog holds.
    pub fn record(&self) -> &Record {
        &self.record
    }

    /// The store's record version when this catalog was loaded.
    pub fn version(&self) -> Option<u64> {
        self.version
    }

    /// A stored article by key (`a12`); articles of the record missing from the
    /// metadata (a store written meanwhile) get a bare reference.
    pub fn article(&self, key: &str) -> ArticleRef {
        self.articles
            .get(key)
            .cloned()
            .unwrap_or_else(|| ArticleRef {
                key: key.to_string(),
                ..ArticleRef::default()
            })
    }

    /// The number of articles the catalog knows.
    pub fn article_count(&self) -> usize {
        self.articles.len()
    }

    /// A record entity by id.
    pub fn entity(&self, id: &str) -> Option<&RecordEntity> {
        self.entity_index
            .get(id)
            .map(|&position| &self.record.entities[position])
    }

    /// A fact by id.
    pub fn fact_by_id(&self, id: &str) -> Option<&Fact> {
        self.fact_index
            .get(id)
            .map(|&position| &self.record.facts[position])
    }

    /// The brief of an entity id; ids outside the entity list get a bare brief.
    pub fn brief(&self, id: &str) -> EntityBrief {
        match self.entity(id) {
            Some(entity) => EntityBrief::of(entity),
            None => EntityBrief {
                id: id.to_string(),
                name: id.to_string(),
                kind: None,
                country: None,
                mentions: 0,
            },
        }
    }

    /// Every entity the name could mean, most sighted first: an exact id, else entities
    /// whose canonical name or an alias is the name, else all of whose name words are
    /// among the name's (folded: case and diacritics ignored). Empty when nothing fits.
    pub fn candidates(&self, name: &str) -> Vec<EntityBrief> {
        self.candidate_positions(name)
            .into_iter()
            .map(|position| EntityBrief::of(&self.record.entities[position]))
            .collect()
    }

    fn candidate_positions(&self, name: &str) -> Vec<usize> {
        let name = name.trim();
        if let Some(&position) = self.entity_index.get(name) {
            return vec![position];
        }
        let folded = fold(name);
        if folded.is_empty() {
            return Vec::new();
        }
        // Canonical names and aliases together: a bare surname is often the canonical
        // name of many small entities and an alias of the one everybody means.
        let mut found: Vec<usize> = self
            .names
            .get(&folded)
            .into_iter()
            .chain(self.aliases.get(&folded))
            .flatten()
            .copied()
            .collect();
        if found.is_empty() {
            found = self.with_words(&folded);
        }
        found.sort_by_key(|&position| {
            let entity = &self.record.entities[position];
            (std::cmp::Reverse(entity.sightings.len()), entity.id.clone())
        });
        // Sorted by sightings, then id: the same entity twice is adjacent.
        found.dedup();
        found
    }

    /// Entities with every word of the folded text among the words of their names and
    /// aliases.
    fn with_words(&self, folded: &str) -> Vec<usize> {
        let mut lists: Vec<&Vec<usize>> = Vec::new();
        for word in folded.split(' ').filter(|word| !word.is_empty()) {
            match self.words.get(&word_key(word)) {
                Some(list) => lists.push(list),
                None => return Vec::new(),
            }
        }
        lists.sort_by_key(|list| list.len());
        let Some((first, rest)) = lists.split_first() else {
            return Vec::new();
        };
        first
            .iter()
            .copied()
            .filter(|position| rest.iter().all(|list| list.binary_search(position).is_ok()))
            .collect()
    }

    /// Entities whose names hold every word of a search text (query syntax words such
    /// as `AND` and field prefixes left out), most mentioned first.
    pub fn entities_with_words(&self, text: &str) -> Vec<EntityBrief> {
        let words: Vec<&str> = text
            .split_whitespace()
            .filter(|word| !matches!(*word, "AND" | "OR" | "NOT"))
            .map(|word| word.rsplit(':').next().unwrap_or(word))
            .collect();
        let mut found = self.with_words(&fold(&words.join(" ")));
        found.sort_by_key(|&position| {
            let entity = &self.record.entities[position];
            (std::cmp::Reverse(entity.sightings.len()), entity.id.clone())
        });
        found
            .into_iter()
            .map(|position| EntityBrief::of(&self.record.entities[position]))
            .collect()
    }

    /// The one entity a name means (see the crate docs for the rules).
    pub fn resolve(&self, name: &str) -> Result<&RecordEntity> {
        let found = self.candidate_positions(name);
        let chosen = match found.as_slice() {
            [] => None,
            [only] => Some(*only),
            several => {
                let entities = &self.record.entities;
                let countries: Vec<usize> = several
                    .iter()
                    .copied()
                    .filter(|&position| entities[position].kind == EntityKind::Country)
                    .collect();
                if let [country] = countries.as_slice() {
                    Some(*country)
                } else {
                    // Sorted by sightings: the first wins when clearly ahead.
                    let first = entities[several[0]].sightings.len();
                    let second = entities[several[1]].sightings.len();
                    (first >= 2 * second.max(1)).then_some(several[0])
                }
            }
        };
        match chosen {
            Some(position) => Ok(&self.record.entities[position]),
            None if found.is_empty() => Err(Error::NotFound {
                what: "entity",
                name: name.to_string(),
            }),
            None => Err(Error::Ambiguous {
                name: name.to_string(),
                candidates: found
                    .into_iter()
                    .take(crate::MAX_CANDIDATES)
                    .map(|position| EntityBrief::of(&self.record.entities[position]))
                    .collect(),
            }),
        }
    }

    /// A name in a fact filter: an entity, or a country (by its entity, or by its ISO
    /// alpha-3 code when no entity has that name).
    pub(crate) fn party(&self, name: &str) -> Result<Party> {
        match self.resolve(name) {
            Ok(entity) => {
                let position = self.entity_index[&entity.id];
                Ok(match (&entity.kind, &entity.country) {
                    (EntityKind::Country, Some(code)) => Party::Country(code.clone()),
                    _ => Party::Entity(position),
                })
            }
            Err(Error::NotFound { .. })
                if name.len() == 3 && name.bytes().all(|byte| byte.is_ascii_alphabetic()) =>
            {
                let code = name.to_ascii_uppercase();
                if self.facts_of_country.contains_key(&code) {
                    Ok(Party::Country(code))
                } else {
                    Err(Error::NotFound {
                        what: "entity",
                        name: name.to_string(),
                    })
                }
            }
            Err(error) => Err(error),
        }
    }

    /// Facts that may involve the party (a superset; [`Catalog::on_side`] decides).
    pub(crate) fn facts_of_party(&self, party: &Party) -> &[usize] {
        match party {
            Party::Entity(position) => &self.facts_of_entity[*position],
            Party::Country(code) => self
                .facts_of_country
                .get(code)
                .map_or(&[][..], Vec::as_slice),
        }
    }

    /// Facts reported in this sentence of this article.
    pub(crate) fn facts_of_sentence(&self, article: &str, sentence: usize) -> &[usize] {
        self.facts_of_sentence
            .get(&(article.to_string(), sentence))
            .map_or(&[][..], Vec::as_slice)
    }

    /// Whether the party is on this side of the fact: a country through any entity of
    /// the country there, an entity by its id there or in a report's own side.
    pub(crate) fn on_side(&self, party: &Party, fact: &Fact, side: Side) -> bool {
        let ids = match side {
            Side::Source => &fact.source,
            Side::Target => &fact.target,
        };
        match party {
            Party::Country(code) => ids.iter().any(|id| {
                self.entity(id)
                    .is_some_and(|entity| entity.country.as_deref() == Some(code))
            }),
            Party::Entity(position) => {
                let id = &self.record.entities[*position].id;
                ids.contains(id)
                    || fact.supports.iter().any(|support| match side {
                        Side::Source => support.source.contains(id),
                        Side::Target => support.target.contains(id),
                    })
            }
        }
    }

    /// Whether the party is on either side of the fact.
    pub(crate) fn involves(&self, party: &Party, fact: &Fact) -> bool {
        self.on_side(party, fact, Side::Source) || self.on_side(party, fact, Side::Target)
    }

    /// Whether an entity id stands for the party (the party itself, or an entity of
    /// the party's country).
    pub(crate) fn is_party(&self, party: &Party, id: &str) -> bool {
        match party {
            Party::Entity(position) => self.record.entities[*position].id == id,
            Party::Country(code) => self
                .entity(id)
                .is_some_and(|entity| entity.country.as_deref() == Some(code)),
        }
    }

    /// All facts in record order (positions).
    pub(crate) fn facts_slice(&self) -> &[Fact] {
        &self.record.facts
    }

    /// Every entity (for search).
    pub(crate) fn entities(&self) -> &[RecordEntity] {
        &self.record.entities
    }
}

/// One catalog per store, reloaded when the store's record version changes (or on
/// every call for a store that has no version). Safe to share between threads.
#[derive(Default)]
pub struct QueryCache {
    cached: Mutex<Option<Arc<Catalog>>>,
}

impl QueryCache {
    /// An empty cache.
    pub fn new() -> QueryCache {
        QueryCache::default()
    }

    /// The catalog of the store's current record: the cached one when the store's
    /// [`Store::record_version`] is unchanged, else freshly loaded.
    pub fn catalog(&self, store: &dyn Store) -> Result<Arc<Catalog>> {
        let version = store.record_version()?;
        {
            // A poisoned lock only means another query panicked; the catalog is intact.
            let cached = self
                .cached
                .lock()
                .unwrap_or_else(|poison| poison.into_inner());
            if let Some(catalog) = cached.as_ref()
                && version.is_some()
                && catalog.version() == version
            {
                return Ok(Arc::clone(catalog));
            }
        }
        let catalog = Arc::new(Catalog::load(store)?);
        let mut cached = self
            .cached
            .lock()
            .unwrap_or_else(|poison| poison.into_inner());
        *cached = Some(Arc::clone(&catalog));
        Ok(catalog)
    }

    /// Forgets the cached catalog.
    pub fn clear(&self) {
        let mut cached = self
            .cached
            .lock()
            .unwrap_or_else(|poison| poison.into_inner());
        *cached = None;
    }
}

/// A word as the word index keys it: a plural `s` dropped from words of four letters
/// or more (`drones` finds `drone`).
fn word_key(word: &str) -> String {
    match word.strip_suffix('s') {
        Some(stem) if stem.len() >= 3 && !stem.ends_with('s') => stem.to_string(),
        _ => word.to_string(),
    }
}

/// Case- and diacritic-insensitive form for matching names.
pub(crate) fn fold(text: &str) -> String {
    pw_text::fold(text)
}

/// A sort key for dates: (year, month, day), coarser dates first within their span;
/// `None` for dates without a year.
pub(crate) fn date_key(date: PartialDate) -> Option<(i32, u8, u8)> {
    match date {
        PartialDate::Day { year, month, day } => Some((year, month, day)),
        PartialDate::Month { year, month } => Some((year, month, 0)),
        PartialDate::Year { year } => Some((year, 0, 0)),
        PartialDate::Decade { start } => Some((start, 0, 0)),
        PartialDate::MonthDay { .. } => None,
    }
}

/// Whether a fact's date lies within the bounds, compared on the bound's precision
/// (`2023` takes in `2023-07-20`). Facts without a year-precise date never match a
/// bound.
pub(crate) fn within(
    date: Option<PartialDate>,
    since: Option<PartialDate>,
    until: Option<PartialDate>,
) -> bool {
    if since.is_none() && until.is_none() {
        return true;
    }
    let Some(date) = date.filter(|date| date.year().is_some()) else {
        return false;
    };
    let text = date.to_string();
    let prefix = |bound: &str| text.get(..bound.len()).unwrap_or(&text).to_string();
    if let Some(since) = since {
        let since = since.to_string();
        if prefix(&since) < since {
            return false;
        }
    }
    if let Some(until) = until {
        let until = until.to_string();
        if prefix(&until) > until {
            return false;
        }
    }
    true
}
