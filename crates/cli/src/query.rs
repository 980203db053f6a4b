//! The read commands: `search`, `facts`, `timeline`, `relations`, through pw-query, and
//! `articles`, straight from the store.
//! Readable text by default, JSON Lines with `--json`; the shared text rendering of
//! facts, articles and entities lives here too.

use anyhow::{Context, Result, anyhow, bail};
use clap::Args;
use pw_query::{
    ArticleRef, Catalog, EntityBrief, FactBrief, FactQuery, FactSummary, SearchRequest,
};
use pw_store::{ArticleFilter, Page, SqliteStore, Store};
use serde::Serialize;
use std::fmt::Write as _;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The options every read command takes.
#[derive(Args, Clone, Debug)]
pub(crate) struct ReadArgs {
    /// The database written by `pactwatch ingest`.
    #[arg(long, default_value = "pactwatch.db")]
    pub(crate) db: PathBuf,
    /// Print JSON Lines instead of text.
    #[arg(long)]
    pub(crate) json: bool,
}

/// Filters on facts, as flags.
#[derive(Args, Clone, Debug, Default)]
pub(crate) struct FactFlags {
    /// Source side: a name, alias, id or ISO alpha-3 country code.
    #[arg(long)]
    pub(crate) actor: Option<String>,
    /// Target side: a name, alias, id or country code.
    #[arg(long)]
    pub(crate) target: Option<String>,
    /// Either side.
    #[arg(long)]
    pub(crate) entity: Option<String>,
    /// Event type (`agree`, `transfer_arms`, ...).
    #[arg(long = "type")]
    pub(crate) event_type: Option<String>,
    /// Facts dated on or after (`2023`, `2023-07`, `2023-07-20`).
    #[arg(long)]
    pub(crate) since: Option<String>,
    /// Facts dated on or before.
    #[arg(long)]
    pub(crate) until: Option<String>,
    /// Some report gives this modality (asserted, reported, alleged, speculative, planned, denied).
    #[arg(long)]
    pub(crate) modality: Option<String>,
    /// At most this many facts.
    #[arg(long)]
    pub(crate) limit: Option<usize>,
}

impl FactFlags {
    /// The query, through the text form so that flags and watches parse alike.
    pub(crate) fn query(&self) -> Result<FactQuery> {
        let mut query = FactQuery {
            actor: self.actor.clone(),
            target: self.target.clone(),
            entity: self.entity.clone(),
            limit: self.limit,
            ..FactQuery::default()
        };
        let mut text = String::new();
        for (key, value) in [
            ("type", &self.event_type),
            ("since", &self.since),
            ("until", &self.until),
            ("modality", &self.modality),
        ] {
            if let Some(value) = value {
                let _ = write!(text, "{key}=\"{value}\" ");
            }
        }
        let parsed: FactQuery = text.parse()?;
        query.event_type = parsed.event_type;
        query.since = parsed.since;
        query.until = parsed.until;
        query.modality = parsed.modality;
        Ok(query)
    }
}

fn exists(db: &Path) -> Result<()> {
    if !db.exists() {
        bail!(
            "no database at {} (create one with `pactwatch ingest --db {} FILES`)",
            db.display(),
            db.display()
        );
    }
    Ok(())
}

/// Opens an existing store for writing (never creates one: a typo in `--db` is an
/// error); refused while another process writes to it.
pub(crate) fn open(db: &Path) -> Result<SqliteStore> {
    exists(db)?;
    SqliteStore::open(db).map_err(store_error)
}

/// Opens an existing store for reading: works beside a running ingest or server.
pub(crate) fn open_reader(db: &Path) -> Result<SqliteStore> {
    exists(db)?;
    SqliteStore::open_reader(db).map_err(store_error)
}

/// The store's own error as the message: it names the path already.
pub(crate) fn store_error(error: pw_store::Error) -> anyhow::Error {
    anyhow::Error::msg(error.to_string())
}

/// Opens the store for reading and loads its catalog.
pub(crate) fn load(db: &Path) -> Result<(SqliteStore, Catalog)> {
    let store = open_reader(db)?;
    let catalog = Catalog::load(&store).with_context(|| format!("cannot read {}", db.display()))?;
    Ok((store, catalog))
}

/// Opens the store for writing and loads its catalog.
pub(crate) fn load_writer(db: &Path) -> Result<(SqliteStore, Catalog)> {
    let store = open(db)?;
    let catalog = Catalog::load(&store).with_context(|| format!("cannot read {}", db.display()))?;
    Ok((store, catalog))
}

/// Writes text to stdout, made terminal-safe.
pub(crate) fn emit(text: &str) -> Result<()> {
    emit_json(&crate::output::terminal_safe(text))
}

/// Writes JSON lines to stdout as they are (serde escapes control characters).
pub(crate) fn emit_json(text: &str) -> Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(text.as_bytes())
        .context("cannot write output")?;
    out.flush().context("cannot write output")
}

/// One JSON line per item.
pub(crate) fn json_lines<T: Serialize>(items: impl IntoIterator<Item = T>) -> Result<String> {
    let mut text = String::new();
    for item in items {
        text.push_str(&serde_json::to_string(&item)?);
        text.push('\n');
    }
    Ok(text)
}

/// `Name (kind, COUNTRY)`.
pub(crate) fn entity_label(entity: &EntityBrief) -> String {
    match &entity.country {
        Some(country) if entity.kind_name() != "country" => {
            format!("{} ({}, {country})", entity.name, entity.kind_name())
        }
        _ => format!("{} ({})", entity.name, entity.kind_name()),
    }
}

pub(crate) fn names(entities: &[EntityBrief]) -> String {
    if entities.is_empty() {
        return "?".to_string();
    }
    entities
        .iter()
        .map(|entity| entity.name.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// `a2 Bolivar Observer, 000_6b29.txt, 2023-07-30, en`: key, outlet, title or file name,
/// date, language.
pub(crate) fn article_label(article: &ArticleRef) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(outlet) = &article.outlet {
        parts.push(outlet.clone());
    }
    if let Some(file) = article.file_name() {
        parts.push(file.to_string());
    } else if let Some(title) = &article.title {
        parts.push(title.clone());
    } else if let Some(url) = &article.url {
        parts.push(url.clone());
    }
    if let Some(published) = article.published {
        parts.push(published.to_string());
    }
    if let Some(language) = &article.language {
        parts.push(language.clone());
    }
    if parts.is_empty() {
        article.key.clone()
    } else {
        format!("{} {}", article.key, parts.join(", "))
    }
}

/// `1 fact`, `2 facts`.
pub(crate) fn count(n: usize, word: &str) -> String {
    match (n, word) {
        (1, _) => format!("1 {word}"),
        (_, "story") => format!("{n} stories"),
        (_, "entity") => format!("{n} entities"),
        _ => format!("{n} {word}s"),
    }
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn arrow(symmetric: bool) -> &'static str {
    if symmetric { "↔" } else { "→" }
}

/// `F…  agree  Iran → Bolivia  2023-07-20`.
fn fact_heading(
    id: &str,
    event_type: pw_model::EventType,
    source: &[EntityBrief],
    target: &[EntityBrief],
    date: Option<pw_model::PartialDate>,
) -> String {
    format!(
        "{id}  {}  {} {} {}  {}",
        event_type.as_str(),
        names(source),
        arrow(event_type.is_symmetric()),
        names(target),
        date.map_or_else(|| "undated".to_string(), |date| date.to_string())
    )
}

/// A one-line fact for lists.
pub(crate) fn fact_line(fact: &FactBrief) -> String {
    format!(
        "{}  ({}, {}, {})",
        fact_heading(
            &fact.id,
            fact.event_type,
            &fact.source,
            &fact.target,
            fact.date
        ),
        count(fact.articles, "article"),
        count(fact.stories, "story"),
        fact.modality.describe()
    )
}

/// A fact with its corroboration, contradictions and supporting articles.
pub(crate) fn fact_block(fact: &FactSummary) -> String {
    let mut text = fact_heading(
        &fact.id,
        fact.event_type,
        &fact.source,
        &fact.target,
        fact.date,
    );
    text.push('\n');
    let _ = writeln!(
        text,
        "  {}, {}, {}, {}; modality: {}",
        count(fact.articles, "article"),
        count(fact.outlets, "outlet"),
        count(fact.stories, "story"),
        count(fact.reports, "report"),
        fact.modality.describe()
    );
    if !fact.equipment.is_empty() {
        let _ = writeln!(text, "  equipment: {}", names(&fact.equipment));
    }
    if fact.first_reported.is_some() || fact.last_reported.is_some() {
        let show = |date: Option<pw_model::PartialDate>| {
            date.map_or_else(|| "?".to_string(), |date| date.to_string())
        };
        let _ = writeln!(
            text,
            "  first reported {}, last reported {}",
            show(fact.first_reported),
            show(fact.last_reported)
        );
    }
    for contradiction in &fact.contradictions {
        let _ = writeln!(text, "  ! {}", contradiction.text);
    }
    for report in &fact.supports {
        let _ = writeln!(
            text,
            "  - {} [{}, {}]: \"{}\"",
            article_label(&report.article),
            report.modality,
            report.reference,
            one_line(&report.evidence)
        );
    }
    text
}

/// `pactwatch facts`.
pub(crate) fn facts(args: &ReadArgs, flags: &FactFlags) -> Result<bool> {
    let (_store, catalog) = load(&args.db)?;
    let facts = catalog.facts(&flags.query()?)?;
    if args.json {
        return emit_json(&json_lines(&facts)?).map(|()| true);
    }
    let mut text = format!("{}\n", count(facts.len(), "fact"));
    for fact in &facts {
        text.push('\n');
        text.push_str(&fact_block(fact));
    }
    emit(&text).map(|()| true)
}

/// `pactwatch timeline X [Y]`.
pub(crate) fn timeline(args: &ReadArgs, subject: &str, other: Option<&str>) -> Result<bool> {
    let (_store, catalog) = load(&args.db)?;
    let timeline = catalog.timeline(subject, other)?;
    if args.json {
        return emit_json(&json_lines([&timeline])?).map(|()| true);
    }
    let who = match &timeline.other {
        Some(other) => format!("{} and {}", timeline.subject.name, other.name),
        None => timeline.subject.name.clone(),
    };
    let mut text = format!(
        "{who}: {} ({} undated left out)\n",
        count(timeline.facts.len(), "dated fact"),
        timeline.undated
    );
    for fact in &timeline.facts {
        let date = fact.date.map(|date| date.to_string()).unwrap_or_default();
        let _ = writeln!(
            text,
            "{date:<10}  {}  {} {} {}  ({}, {}, {})  {}",
            fact.event_type.as_str(),
            names(&fact.source),
            arrow(fact.event_type.is_symmetric()),
            names(&fact.target),
            count(fact.articles, "article"),
            count(fact.stories, "story"),
            fact.modality.describe(),
            fact.id
        );
        if let Some(report) = fact.supports.first() {
            let _ = writeln!(text, "            \"{}\"", one_line(&report.evidence));
        }
    }
    emit(&text).map(|()| true)
}

/// `pactwatch relations X`.
pub(crate) fn relations(args: &ReadArgs, name: &str) -> Result<bool> {
    let (_store, catalog) = load(&args.db)?;
    let relations = catalog.relations(name)?;
    if args.json {
        return emit_json(&json_lines([&relations])?).map(|()| true);
    }
    let mut text = format!(
        "{}: {} with {}; cooperation {}, conflict {}, neutral {}; balance {:+.2}\n",
        entity_label(&relations.entity),
        count(relations.facts, "fact"),
        count(relations.counterparts.len(), "counterpart"),
        relations.cooperation,
        relations.conflict,
        relations.neutral,
        relations.balance
    );
    for counterpart in &relations.counterparts {
        let types = counterpart
            .by_type
            .iter()
            .map(|count| format!("{} {}", count.event_type.as_str(), count.facts))
            .collect::<Vec<_>>()
            .join(", ");
        let span = match (counterpart.first_date, counterpart.last_date) {
            (Some(first), Some(last)) if first == last => format!("  {first}"),
            (Some(first), Some(last)) => format!("  {first} .. {last}"),
            _ => String::new(),
        };
        let _ = writeln!(
            text,
            "  {}  {}  balance {:+.2}  ({types}){span}",
            entity_label(&counterpart.entity),
            count(counterpart.facts, "fact"),
            counterpart.balance
        );
    }
    emit(&text).map(|()| true)
}

/// `pactwatch search`.
pub(crate) fn search(args: &ReadArgs, text_query: &str, flags: &SearchFlags) -> Result<bool> {
    let (store, catalog) = load(&args.db)?;
    let mut request = SearchRequest::text(text_query);
    // Filters through the fact query's parser, so names and formats agree.
    let parsed = FactFlags {
        event_type: flags.event_type.clone(),
        since: flags.since.clone(),
        until: flags.until.clone(),
        modality: flags.modality.clone(),
        ..FactFlags::default()
    }
    .query()?;
    request.entity = flags.entity.clone();
    request.country = flags.country.clone();
    request.event_type = parsed.event_type;
    request.since = parsed.since;
    request.until = parsed.until;
    request.modality = parsed.modality;
    request.limit = flags.limit;
    let results = pw_query::search(&store, &catalog, &request)?;
    if args.json {
        return emit_json(&json_lines([&results])?).map(|()| true);
    }
    let mut text = format!("{}\n", count(results.sentences.len(), "sentence"));
    for hit in &results.sentences {
        let facts = if hit.facts.is_empty() {
            String::new()
        } else {
            format!("  facts: {}", hit.facts.join(", "))
        };
        let _ = writeln!(
            text,
            "  {} sentence {}{facts}\n    {}",
            article_label(&hit.article),
            hit.sentence,
            one_line(&hit.snippet)
        );
    }
    let _ = writeln!(text, "{}", count(results.articles.len(), "article"));
    for hit in &results.articles {
        let _ = writeln!(text, "  {}", article_label(&hit.article));
    }
    let _ = writeln!(text, "{}", count(results.entities.len(), "entity"));
    for entity in &results.entities {
        let _ = writeln!(
            text,
            "  {}  {} mentions  {}",
            entity_label(entity),
            entity.mentions,
            entity.id
        );
    }
    let _ = writeln!(text, "{}", count(results.facts.len(), "fact"));
    for fact in &results.facts {
        let _ = writeln!(text, "  {}", fact_line(fact));
    }
    emit(&text).map(|()| true)
}

/// One line of `pactwatch articles --json`.
#[derive(Serialize)]
struct ArticleLine<'a> {
    key: String,
    #[serde(flatten)]
    meta: &'a pw_model::DocumentMeta,
}

/// `pactwatch articles`: stored articles in key order, optionally in one language.
pub(crate) fn articles(args: &ReadArgs, language: Option<&str>, limit: usize) -> Result<bool> {
    let filter = match language.map(str::trim) {
        None | Some("") => ArticleFilter::default(),
        Some(raw) => {
            ArticleFilter::language(&pw_text::language_code(raw).ok_or_else(|| {
                anyhow!("--language: not a language code (like es or en): {raw:?}")
            })?)
        }
    };
    let store = open_reader(&args.db)?;
    let total = store.count_articles_where(&filter).map_err(store_error)?;
    let articles = store
        .list_articles_where(Page::first(limit), &filter)
        .map_err(store_error)?;
    if args.json {
        return emit_json(&json_lines(articles.iter().map(|article| ArticleLine {
            key: article.key.to_string(),
            meta: &article.document.meta,
        }))?)
        .map(|()| true);
    }
    let mut text = count(total as usize, "article");
    if let Some(language) = &filter.language {
        let _ = write!(text, " in {language}");
    }
    if articles.len() < total as usize {
        let _ = write!(text, " (the first {})", articles.len());
    }
    text.push('\n');
    for article in &articles {
        let label = article_label(&ArticleRef::from_meta(
            &article.key.to_string(),
            &article.document.meta,
        ));
        let _ = writeln!(text, "  {label}");
    }
    emit(&text).map(|()| true)
}

/// Filters of `pactwatch search`.
#[derive(Args, Clone, Debug)]
pub(crate) struct SearchFlags {
    /// An entity named in the sentence (as articles write it, or a record id).
    #[arg(long)]
    pub(crate) entity: Option<String>,
    /// An event type found in the sentence.
    #[arg(long = "type")]
    pub(crate) event_type: Option<String>,
    /// ISO alpha-3 country of an entity in the sentence.
    #[arg(long)]
    pub(crate) country: Option<String>,
    /// Articles published on or after.
    #[arg(long)]
    pub(crate) since: Option<String>,
    /// Articles published on or before.
    #[arg(long)]
    pub(crate) until: Option<String>,
    /// A modality of an event in the sentence.
    #[arg(long)]
    pub(crate) modality: Option<String>,
    /// At most this many sentences (and articles).
    #[arg(long, default_value_t = 20)]
    pub(crate) limit: usize,
}
