//! Full-text search with tantivy: one document per sentence and one per article, in a
//! folder beside the database.
//!
//! The index is derived data. Its commit payload records the highest article sequence
//! number (`seq`, see the `articles` table) it holds; whatever the database has beyond
//! that is indexed again on open. Articles reach the index only after their SQLite
//! transaction committed, so the index never runs ahead of the database, and every
//! (re)index first deletes the article's documents, so nothing is ever doubled.

use crate::query::{Expr, TextField};
use crate::{ArticleKey, Error, Result};
use pw_model::{DocumentMeta, EventType, Extraction, Modality, PartialDate};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::ops::Bound;
use std::path::{Path, PathBuf};
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{AllQuery, BooleanQuery, Occur, PhraseQuery, Query, RangeQuery, TermQuery};
use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing,
    TextOptions, Value,
};
use tantivy::snippet::SnippetGenerator;
use tantivy::tokenizer::{LowerCaser, RawTokenizer, TextAnalyzer};
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, TantivyError, Term};

/// Bumped whenever the schema or what is indexed changes; an index of another version is
/// dropped and rebuilt from the database.
const INDEX_SCHEMA: u32 = 1;
const KEYWORD: &str = "pw_keyword";
const WRITER_BUDGET: usize = 64 << 20;
const SNIPPET_CHARS: usize = 200;

/// What a query searches.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Scope {
    /// One hit per matching sentence.
    #[default]
    Sentences,
    /// One hit per matching article (title + text).
    Articles,
}

/// A search: words (the small language of `query.rs`: `drone AND Iran`, `"defense pact"`,
/// `title:sanctions`, `a OR (b -c)`; conjunction by default; bounded in length, words
/// and nesting) and filters that must all hold.
///
/// Filters apply to the sentence (or, for [`Scope::Articles`], the whole article): the
/// entity names (canonical and aliases, case-insensitive), event types, countries (ISO
/// alpha-3) and modalities extraction found there, and the article's publication date.
#[derive(Clone, Debug, PartialEq)]
pub struct SearchQuery {
    pub text: String,
    pub entity: Option<String>,
    pub event_type: Option<EventType>,
    pub country: Option<String>,
    pub modality: Option<Modality>,
    /// Inclusive bounds on the publication date; a month or year covers all its days.
    pub published_from: Option<PartialDate>,
    pub published_to: Option<PartialDate>,
    pub scope: Scope,
    pub limit: usize,
}

impl SearchQuery {
    /// A sentence search for these words, up to 20 hits.
    pub fn text(text: &str) -> SearchQuery {
        SearchQuery {
            text: text.to_string(),
            entity: None,
            event_type: None,
            country: None,
            modality: None,
            published_from: None,
            published_to: None,
            scope: Scope::Sentences,
            limit: 20,
        }
    }
}

/// One match, best first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SearchHit {
    pub article: ArticleKey,
    /// The sentence index (into the extraction's sentences); `None` for article hits.
    pub sentence: Option<usize>,
    /// A fragment of the matching text around the query words.
    pub snippet: String,
    pub score: f32,
}

#[derive(Clone, Copy)]
struct Fields {
    key: Field,
    level: Field,
    sentence: Field,
    text: Field,
    title: Field,
    outlet: Field,
    published: Field,
    entity: Field,
    event_type: Field,
    country: Field,
    modality: Field,
}

fn schema() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let stemmed = TextOptions::default().set_stored().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer("en_stem")
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let keyword = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(KEYWORD)
            .set_index_option(IndexRecordOption::Basic),
    );
    let fields = Fields {
        key: builder.add_text_field("key", STRING | STORED),
        level: builder.add_text_field("level", STRING),
        sentence: builder.add_u64_field("sentence", STORED),
        text: builder.add_text_field("text", stemmed.clone()),
        title: builder.add_text_field("title", stemmed),
        outlet: builder.add_text_field("outlet", keyword.clone()),
        published: builder.add_u64_field("published", INDEXED | FAST),
        entity: builder.add_text_field("entity", keyword),
        event_type: builder.add_text_field("event_type", STRING),
        country: builder.add_text_field("country", STRING),
        modality: builder.add_text_field("modality", STRING),
    };
    (builder.build(), fields)
}

/// The commit payload: which schema, and how far into the database's `seq` the index is.
#[derive(Serialize, Deserialize)]
struct Payload {
    schema: u32,
    seq: i64,
}

pub(crate) struct SearchIndex {
    path: PathBuf,
    index: Index,
    fields: Fields,
    reader: IndexReader,
    writer: Option<IndexWriter>,
    /// The highest `seq` the index holds once the writer's documents are committed.
    seq: i64,
    /// The `seq` of the last commit.
    committed_seq: i64,
}

impl SearchIndex {
    /// Opens the index at `path`, or creates it; an index of another schema version, or
    /// one that cannot be opened, is removed and started over (it is derived data).
    pub(crate) fn open(path: &Path) -> Result<SearchIndex> {
        let (schema, _) = schema();
        let index = match open_existing(path) {
            Some((index, payload)) if payload.schema == INDEX_SCHEMA => Some((index, payload.seq)),
            _ => None,
        };
        let (index, seq) = match index {
            Some(found) => found,
            None => {
                if path.exists() {
                    std::fs::remove_dir_all(path).map_err(|source| Error::Io {
                        path: path.to_path_buf(),
                        message: "cannot remove an outdated search index".to_string(),
                        source,
                    })?;
                }
                std::fs::create_dir_all(path).map_err(|source| Error::Io {
                    path: path.to_path_buf(),
                    message: "cannot create the search index folder".to_string(),
                    source,
                })?;
                let index = Index::create_in_dir(path, schema)
                    .map_err(|source| index_error(path, source))?;
                (index, 0)
            }
        };
        SearchIndex::with_index(path, index, seq)
    }

    fn with_index(path: &Path, index: Index, seq: i64) -> Result<SearchIndex> {
        let (_, fields) = schema();
        index.tokenizers().register(
            KEYWORD,
            TextAnalyzer::builder(RawTokenizer::default())
                .filter(LowerCaser)
                .build(),
        );
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(|source| index_error(path, source))?;
        Ok(SearchIndex {
            path: path.to_path_buf(),
            index,
            fields,
            reader,
            writer: None,
            seq,
            committed_seq: seq,
        })
    }

    /// Opens an index for searching only; `None` when there is none of this schema
    /// version (only a writer creates or replaces one).
    pub(crate) fn open_reader(path: &Path) -> Result<Option<SearchIndex>> {
        let Some((index, payload)) = open_existing(path) else {
            return Ok(None);
        };
        if payload.schema != INDEX_SCHEMA {
            return Ok(None);
        }
        SearchIndex::with_index(path, index, payload.seq).map(Some)
    }

    /// The highest article `seq` the committed index holds.
    pub(crate) fn committed_seq(&self) -> i64 {
        self.committed_seq
    }

    /// The number of article documents (one per indexed article) the committed index
    /// holds.
    pub(crate) fn article_count(&self) -> Result<u64> {
        let searcher = self.reader.searcher();
        let query = TermQuery::new(
            Term::from_field_text(self.fields.level, "article"),
            IndexRecordOption::Basic,
        );
        searcher
            .search(&query, &Count)
            .map(|count| count as u64)
            .map_err(|source| index_error(&self.path, source))
    }

    /// Whether the committed index holds documents of this article.
    pub(crate) fn holds(&self, key: ArticleKey) -> Result<bool> {
        let searcher = self.reader.searcher();
        let query = TermQuery::new(
            Term::from_field_text(self.fields.key, &key.to_string()),
            IndexRecordOption::Basic,
        );
        searcher
            .search(&query, &Count)
            .map(|count| count > 0)
            .map_err(|source| index_error(&self.path, source))
    }

    /// Deletes every document (committed with the next [`SearchIndex::commit`]).
    pub(crate) fn clear(&mut self) -> Result<()> {
        let path = self.path.clone();
        self.writer()?
            .delete_all_documents()
            .map_err(|source| index_error(&path, source))?;
        Ok(())
    }

    fn writer(&mut self) -> Result<&mut IndexWriter> {
        if self.writer.is_none() {
            let writer = self
                .index
                .writer(WRITER_BUDGET)
                .map_err(|source| index_error(&self.path, source))?;
            self.writer = Some(writer);
        }
        // Set just above.
        Ok(self.writer.as_mut().expect("writer was just created"))
    }

    /// Replaces every document of an article by those of this version.
    pub(crate) fn replace(
        &mut self,
        key: ArticleKey,
        seq: i64,
        meta: &DocumentMeta,
        text: &str,
        extraction: &Extraction,
    ) -> Result<()> {
        let fields = self.fields;
        let key_text = key.to_string();
        let documents = documents(&fields, &key_text, meta, text, extraction);
        let path = self.path.clone();
        let writer = self.writer()?;
        writer.delete_term(Term::from_field_text(fields.key, &key_text));
        for document in documents {
            writer
                .add_document(document)
                .map_err(|source| index_error(&path, source))?;
        }
        self.seq = self.seq.max(seq);
        Ok(())
    }

    /// Commits what was added, recording `seq`, and makes it searchable.
    pub(crate) fn commit(&mut self) -> Result<()> {
        let Some(writer) = self.writer.as_mut() else {
            return Ok(());
        };
        let payload = Payload {
            schema: INDEX_SCHEMA,
            seq: self.seq,
        };
        // A two-field struct always serializes.
        let payload = serde_json::to_string(&payload).expect("payload serializes");
        let mut prepared = writer
            .prepare_commit()
            .map_err(|source| index_error(&self.path, source))?;
        prepared.set_payload(&payload);
        prepared
            .commit()
            .map_err(|source| index_error(&self.path, source))?;
        self.committed_seq = self.seq;
        self.reader
            .reload()
            .map_err(|source| index_error(&self.path, source))
    }

    pub(crate) fn search(&self, query: &SearchQuery) -> Result<Vec<SearchHit>> {
        let fields = &self.fields;
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let level = match query.scope {
            Scope::Sentences => "sentence",
            Scope::Articles => "article",
        };
        clauses.push((Occur::Must, term_query(fields.level, level)));
        let words = query.text.trim();
        let text_query: Box<dyn Query> = if words.is_empty() {
            Box::new(AllQuery)
        } else {
            let refused = |reason: String| Error::Query {
                query: crate::query::quoted(words),
                reason,
            };
            let expr = crate::query::parse(words).map_err(|refusal| refused(refusal.0))?;
            self.build(&expr)?.ok_or_else(|| {
                refused("the query has no words that can be searched for".to_string())
            })?
        };
        clauses.push((Occur::Must, text_query.box_clone()));
        if let Some(entity) = &query.entity {
            clauses.push((
                Occur::Must,
                term_query(fields.entity, &entity.to_lowercase()),
            ));
        }
        if let Some(event_type) = query.event_type {
            clauses.push((
                Occur::Must,
                term_query(fields.event_type, event_type.as_str()),
            ));
        }
        if let Some(country) = &query.country {
            clauses.push((
                Occur::Must,
                term_query(fields.country, &country.to_uppercase()),
            ));
        }
        if let Some(modality) = query.modality {
            clauses.push((Occur::Must, term_query(fields.modality, modality.as_str())));
        }
        let from = query
            .published_from
            .and_then(|date| day_range(date).map(|(low, _)| low));
        let to = query
            .published_to
            .and_then(|date| day_range(date).map(|(_, high)| high));
        if from.is_some() || to.is_some() {
            let bound = |day: Option<u64>, default: u64| {
                Bound::Included(Term::from_field_u64(
                    fields.published,
                    day.unwrap_or(default),
                ))
            };
            clauses.push((
                Occur::Must,
                Box::new(RangeQuery::new(bound(from, 1), bound(to, u64::MAX))),
            ));
        }
        let combined = BooleanQuery::new(clauses);
        let searcher = self.reader.searcher();
        let top = searcher
            .search(
                &combined,
                &TopDocs::with_limit(query.limit.max(1)).order_by_score(),
            )
            .map_err(|source| index_error(&self.path, source))?;
        let mut snippets = SnippetGenerator::create(&searcher, &*text_query, fields.text)
            .map_err(|source| index_error(&self.path, source))?;
        snippets.set_max_num_chars(SNIPPET_CHARS);
        let mut hits = Vec::with_capacity(top.len());
        for (score, address) in top {
            let document: TantivyDocument = searcher
                .doc(address)
                .map_err(|source| index_error(&self.path, source))?;
            let Some(article) = document
                .get_first(fields.key)
                .and_then(|value| value.as_str())
                .and_then(|key| key.parse().ok())
            else {
                continue;
            };
            let sentence = document
                .get_first(fields.sentence)
                .and_then(|value| value.as_u64())
                .map(|index| index as usize);
            let snippet = snippets.snippet_from_doc(&document);
            let snippet = if snippet.is_empty() {
                let text = document
                    .get_first(fields.text)
                    .and_then(|value| value.as_str())
                    .unwrap_or("");
                head(text, SNIPPET_CHARS).to_string()
            } else {
                snippet.fragment().to_string()
            };
            hits.push(SearchHit {
                article,
                sentence: if query.scope == Scope::Sentences {
                    sentence
                } else {
                    None
                },
                snippet,
                score,
            });
        }
        Ok(hits)
    }
}

impl SearchIndex {
    /// The tantivy query of a parsed query; `None` when no word of it gives a token
    /// (punctuation only). The parse bounded the depth, so this recursion is bounded.
    fn build(&self, expr: &Expr) -> Result<Option<Box<dyn Query>>> {
        Ok(match expr {
            Expr::Words { field, text } => {
                let fields = match field {
                    None => vec![self.fields.text, self.fields.title],
                    Some(TextField::Text) => vec![self.fields.text],
                    Some(TextField::Title) => vec![self.fields.title],
                };
                let mut each: Vec<(Occur, Box<dyn Query>)> = Vec::new();
                for field in fields {
                    if let Some(query) = self.words_query(field, text)? {
                        each.push((Occur::Should, query));
                    }
                }
                match each.len() {
                    0 => None,
                    1 => each.pop().map(|(_, query)| query),
                    _ => Some(Box::new(BooleanQuery::new(each))),
                }
            }
            Expr::Not(inner) => self.build(inner)?.map(|inner| -> Box<dyn Query> {
                Box::new(BooleanQuery::new(vec![
                    (Occur::Must, Box::new(AllQuery) as Box<dyn Query>),
                    (Occur::MustNot, inner),
                ]))
            }),
            Expr::And(all) => {
                let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
                for item in all {
                    let (occur, item) = match item {
                        Expr::Not(inner) => (Occur::MustNot, &**inner),
                        item => (Occur::Must, item),
                    };
                    if let Some(query) = self.build(item)? {
                        clauses.push((occur, query));
                    }
                }
                if clauses.is_empty() {
                    None
                } else {
                    // Only exclusions: they exclude from everything.
                    if clauses.iter().all(|(occur, _)| *occur == Occur::MustNot) {
                        clauses.push((Occur::Must, Box::new(AllQuery)));
                    }
                    Some(Box::new(BooleanQuery::new(clauses)))
                }
            }
            Expr::Or(any) => {
                let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
                for item in any {
                    if let Some(query) = self.build(item)? {
                        clauses.push((Occur::Should, query));
                    }
                }
                if clauses.is_empty() {
                    None
                } else {
                    Some(Box::new(BooleanQuery::new(clauses)))
                }
            }
        })
    }

    /// A word or phrase through the field's analyzer: one token is a term, several a
    /// phrase (as tantivy's own parser does), none is nothing.
    fn words_query(&self, field: Field, text: &str) -> Result<Option<Box<dyn Query>>> {
        let mut analyzer = self
            .index
            .tokenizer_for_field(field)
            .map_err(|source| index_error(&self.path, source))?;
        let mut terms: Vec<(usize, Term)> = Vec::new();
        let mut stream = analyzer.token_stream(text);
        while stream.advance() {
            let token = stream.token();
            terms.push((token.position, Term::from_field_text(field, &token.text)));
        }
        Ok(match terms.len() {
            0 => None,
            1 => terms.pop().map(|(_, term)| -> Box<dyn Query> {
                Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs))
            }),
            _ => Some(Box::new(PhraseQuery::new_with_offset(terms))),
        })
    }
}

impl Drop for SearchIndex {
    fn drop(&mut self) {
        // Uncommitted documents are not lost for good: they are above the committed
        // `seq`, so the next open indexes them again. Committing here just saves that.
        if self.seq > self.committed_seq {
            let _ = self.commit();
        }
    }
}

fn open_existing(path: &Path) -> Option<(Index, Payload)> {
    if !path.join("meta.json").is_file() {
        return None;
    }
    let index = Index::open_in_dir(path).ok()?;
    let metas = index.load_metas().ok()?;
    let payload = match metas.payload.as_deref() {
        Some(raw) => serde_json::from_str(raw).ok()?,
        // Created but never committed.
        None => Payload {
            schema: INDEX_SCHEMA,
            seq: 0,
        },
    };
    let (schema, _) = schema();
    if index.schema() != schema {
        return None;
    }
    Some((index, payload))
}

fn index_error(path: &Path, source: TantivyError) -> Error {
    Error::Index {
        path: path.to_path_buf(),
        cause: source,
    }
}

fn term_query(field: Field, text: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, text),
        IndexRecordOption::Basic,
    ))
}

/// The first `max` characters of `text`, cut at a character boundary.
fn head(text: &str, max: usize) -> &str {
    match text.char_indices().nth(max) {
        Some((at, _)) => &text[..at],
        None => text,
    }
}

/// A date as `yyyymmdd` bounds: a day is itself, a month or year all its days.
fn day_range(date: PartialDate) -> Option<(u64, u64)> {
    let number = |year: i32, month: u8, day: u8| -> Option<u64> {
        let year = u64::try_from(year).ok()?;
        Some(year * 10_000 + u64::from(month) * 100 + u64::from(day))
    };
    match date {
        PartialDate::Day { year, month, day } => {
            let day = number(year, month, day)?;
            Some((day, day))
        }
        PartialDate::Month { year, month } => {
            Some((number(year, month, 1)?, number(year, month, 31)?))
        }
        PartialDate::Year { year } => Some((number(year, 1, 1)?, number(year, 12, 31)?)),
        PartialDate::Decade { start } => Some((number(start, 1, 1)?, number(start + 9, 12, 31)?)),
        PartialDate::MonthDay { .. } => None,
    }
}

/// The article document and one document per sentence.
fn documents(
    fields: &Fields,
    key: &str,
    meta: &DocumentMeta,
    text: &str,
    extraction: &Extraction,
) -> Vec<TantivyDocument> {
    let sentence_count = extraction.sentences.len();
    let mut per_sentence: Vec<Labels> = vec![Labels::default(); sentence_count];
    let mut whole = Labels::default();
    for entity in &extraction.entities {
        for mention in &entity.mentions {
            if let Some(labels) = per_sentence.get_mut(mention.sentence) {
                labels.add_entity(entity);
            }
        }
        whole.add_entity(entity);
    }
    for event in &extraction.events {
        let countries = event
            .source
            .iter()
            .chain(&event.target)
            .filter_map(|&id| extraction.entity(id))
            .filter_map(|entity| entity.country.clone());
        let countries: Vec<String> = countries.collect();
        for labels in per_sentence
            .get_mut(event.sentence)
            .into_iter()
            .chain([&mut whole])
        {
            labels.event_types.insert(event.event_type.as_str());
            labels.modalities.insert(event.modality.as_str());
            labels.countries.extend(countries.iter().cloned());
        }
    }
    let published = meta.published.and_then(day_range).map(|(day, _)| day);
    let common = |document: &mut TantivyDocument, level: &str| {
        document.add_text(fields.key, key);
        document.add_text(fields.level, level);
        if let Some(outlet) = &meta.outlet {
            document.add_text(fields.outlet, outlet);
        }
        if let Some(day) = published {
            document.add_u64(fields.published, day);
        }
    };
    let mut documents = Vec::with_capacity(sentence_count + 1);
    let mut article = TantivyDocument::default();
    common(&mut article, "article");
    article.add_text(fields.text, text);
    if let Some(title) = &meta.title {
        article.add_text(fields.title, title);
    }
    whole.write(fields, &mut article);
    documents.push(article);
    for (index, (span, labels)) in extraction.sentences.iter().zip(&per_sentence).enumerate() {
        let sentence_text = span.slice(text);
        if sentence_text.trim().is_empty() {
            continue;
        }
        let mut document = TantivyDocument::default();
        common(&mut document, "sentence");
        document.add_u64(fields.sentence, index as u64);
        document.add_text(fields.text, sentence_text);
        labels.write(fields, &mut document);
        documents.push(document);
    }
    documents
}

/// The filter values of one sentence or article, deduplicated.
#[derive(Clone, Default)]
struct Labels {
    entities: BTreeSet<String>,
    event_types: BTreeSet<&'static str>,
    countries: BTreeSet<String>,
    modalities: BTreeSet<&'static str>,
}

impl Labels {
    fn add_entity(&mut self, entity: &pw_model::Entity) {
        self.entities.insert(entity.name.clone());
        self.entities.extend(entity.aliases.iter().cloned());
        if let Some(country) = &entity.country {
            self.countries.insert(country.clone());
        }
    }

    fn write(&self, fields: &Fields, document: &mut TantivyDocument) {
        for entity in &self.entities {
            document.add_text(fields.entity, entity);
        }
        for event_type in &self.event_types {
            document.add_text(fields.event_type, event_type);
        }
        for country in &self.countries {
            document.add_text(fields.country, country);
        }
        for modality in &self.modalities {
            document.add_text(fields.modality, modality);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_become_day_ranges() {
        let day = PartialDate::Day {
            year: 2023,
            month: 7,
            day: 20,
        };
        assert_eq!(day_range(day), Some((20230720, 20230720)));
        assert_eq!(
            day_range(PartialDate::Year { year: 2023 }),
            Some((20230101, 20231231))
        );
        assert_eq!(day_range(PartialDate::MonthDay { month: 7, day: 1 }), None);
    }

    #[test]
    fn head_cuts_at_characters() {
        assert_eq!(head("héllo", 2), "hé");
        assert_eq!(head("ab", 5), "ab");
    }
}
