//! Full-text search through the store's index, with the entities and facts that match
//! alongside the sentences and articles.

use crate::{ArticleRef, Catalog, EntityBrief, FactBrief, Result};
use pw_model::{EventType, Modality, PartialDate};
use pw_store::{Scope, SearchQuery, Store};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// A search: words in the store's query language (`drone AND Iran`, `"defense pact"`,
/// `title:word`, `a OR (b -c)`; see `pw_store::SearchQuery`) and
/// filters that must all hold for a sentence (or article) to match.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SearchRequest {
    /// The words.
    pub text: String,
    /// An entity named in the sentence (a name or alias as articles write it, or a
    /// record entity id).
    pub entity: Option<String>,
    /// An event type extraction found in the sentence.
    #[serde(rename = "type")]
    pub event_type: Option<EventType>,
    /// ISO alpha-3 country of an entity in the sentence.
    pub country: Option<String>,
    /// Inclusive bounds on the article's publication date.
    pub since: Option<PartialDate>,
    /// Inclusive upper bound on the publication date.
    pub until: Option<PartialDate>,
    /// A modality of an event in the sentence.
    pub modality: Option<Modality>,
    /// At most this many sentences, and as many articles.
    pub limit: usize,
}

impl Default for SearchRequest {
    fn default() -> SearchRequest {
        SearchRequest {
            text: String::new(),
            entity: None,
            event_type: None,
            country: None,
            since: None,
            until: None,
            modality: None,
            limit: 20,
        }
    }
}

impl SearchRequest {
    /// A search for these words, no filters, up to 20 hits.
    pub fn text(text: &str) -> SearchRequest {
        SearchRequest {
            text: text.to_string(),
            ..SearchRequest::default()
        }
    }
}

/// A matching sentence.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SentenceHit {
    /// The article.
    pub article: ArticleRef,
    /// The sentence index in the article.
    pub sentence: usize,
    /// The sentence (or the part around the words).
    pub snippet: String,
    /// Relevance (BM25).
    pub score: f32,
    /// Facts reported in this sentence.
    pub facts: Vec<String>,
}

/// A matching article.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ArticleHit {
    /// The article.
    pub article: ArticleRef,
    /// A fragment around the words.
    pub snippet: String,
    /// Relevance (BM25).
    pub score: f32,
}

/// What a search found.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SearchResults {
    /// Sentences, best first.
    pub sentences: Vec<SentenceHit>,
    /// Articles, best first.
    pub articles: Vec<ArticleHit>,
    /// Entities whose name or an alias holds every word, most mentioned first.
    pub entities: Vec<EntityBrief>,
    /// Facts reported in the matching sentences, earliest first.
    pub facts: Vec<FactBrief>,
}

/// Searches sentences and articles, and finds the entities and facts that match.
pub fn search(
    store: &dyn Store,
    catalog: &Catalog,
    request: &SearchRequest,
) -> Result<SearchResults> {
    let entity = request.entity.as_ref().map(|name| {
        // A record id stands for its canonical name; names go to the index as written.
        catalog
            .entity(name)
            .map_or_else(|| name.clone(), |entity| entity.name.clone())
    });
    let query = SearchQuery {
        text: request.text.clone(),
        entity,
        event_type: request.event_type,
        country: request
            .country
            .as_ref()
            .map(|code| code.to_ascii_uppercase()),
        modality: request.modality,
        published_from: request.since,
        published_to: request.until,
        scope: Scope::Sentences,
        limit: request.limit,
    };
    let mut sentence_hits = store.search(&query)?;
    let mut article_hits = store.search(&SearchQuery {
        scope: Scope::Articles,
        ..query
    })?;
    // Equal scores come in index order, which depends on how ingest batched the
    // articles; order them by article and sentence so the same store answers alike.
    let order = |hit: &pw_store::SearchHit| {
        (
            std::cmp::Reverse((f64::from(hit.score) * 1e4).round() as i64),
            hit.article,
            hit.sentence,
        )
    };
    sentence_hits.sort_by_key(order);
    article_hits.sort_by_key(order);
    let mut fact_positions: BTreeSet<usize> = BTreeSet::new();
    let sentences: Vec<SentenceHit> = sentence_hits
        .into_iter()
        .filter_map(|hit| {
            let sentence = hit.sentence?;
            let key = hit.article.to_string();
            let facts: Vec<usize> = catalog
                .facts_of_sentence(&key, sentence)
                .iter()
                .copied()
                .filter(|&position| {
                    let fact = &catalog.facts_slice()[position];
                    request
                        .event_type
                        .is_none_or(|event_type| fact.event_type == event_type)
                        && request.modality.is_none_or(|modality| {
                            fact.supports
                                .iter()
                                .any(|support| support.modality == modality)
                        })
                })
                .collect();
            fact_positions.extend(&facts);
            Some(SentenceHit {
                article: catalog.article(&key),
                sentence,
                snippet: hit.snippet,
                score: hit.score,
                facts: facts
                    .iter()
                    .map(|&position| catalog.facts_slice()[position].id.clone())
                    .collect(),
            })
        })
        .collect();
    let articles = article_hits
        .into_iter()
        .map(|hit| ArticleHit {
            article: catalog.article(&hit.article.to_string()),
            snippet: hit.snippet,
            score: hit.score,
        })
        .collect();
    let mut positions: Vec<usize> = fact_positions.into_iter().collect();
    crate::facts::sort_by_date(&mut positions, catalog.facts_slice());
    let facts = positions
        .into_iter()
        .map(|position| catalog.fact_brief(&catalog.facts_slice()[position]))
        .collect();
    let entities = catalog
        .entities_with_words(&request.text)
        .into_iter()
        .filter(|entity| {
            request.country.as_ref().is_none_or(|code| {
                entity.country.as_deref() == Some(code.to_ascii_uppercase().as_str())
            })
        })
        .take(request.limit)
        .collect();
    Ok(SearchResults {
        sentences,
        articles,
        entities,
        facts,
    })
}
