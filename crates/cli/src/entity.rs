//! `pactwatch entity`: an entity's profile, and the corrections of entity resolution
//! (`merge`, `split`), which the store keeps and every rebuild of the record replays,
//! so they survive re-ingest.
//!
//! A mention is named `ARTICLE:ENTITY`, the store's article key and the extraction's
//! entity id (`a3:e2`); the profile lists them under "mentions by article".

use crate::query::{
    ReadArgs, article_label, count, emit, entity_label, fact_line, json_lines, load,
};
use anyhow::{Context, Result, anyhow, bail};
use clap::Subcommand;
use pw_model::EntityId;
use pw_query::Catalog;
use pw_record::{Correction, EntityRef};
use pw_store::Store;
use std::fmt::Write as _;

/// Corrections.
#[derive(Subcommand, Clone, Debug)]
pub(crate) enum EntityAction {
    /// Two entities are one: each named by a mention (`a3:e2`), a name or an id.
    Merge {
        a: String,
        b: String,
        #[command(flatten)]
        read: ReadArgs,
    },
    /// A mention (`a3:e2`) does not belong with the rest of its entity.
    Split {
        mention: String,
        #[command(flatten)]
        read: ReadArgs,
    },
}

/// Parses `a3:e2`.
fn parse_mention(text: &str) -> Option<EntityRef> {
    let (article, entity) = text.trim().split_once(':')?;
    let digits = entity.strip_prefix('e')?;
    if !article.starts_with('a') || article[1..].parse::<u64>().is_err() {
        return None;
    }
    Some(EntityRef {
        article: article.to_string(),
        entity: EntityId(digits.parse().ok()?),
    })
}

/// A mention the record knows, named by its reference, or the first mention of the
/// entity a name or id means.
fn mention_of(catalog: &Catalog, text: &str) -> Result<EntityRef> {
    if let Some(mention) = parse_mention(text) {
        let known = catalog
            .record()
            .entities
            .iter()
            .any(|entity| entity.members.contains(&mention));
        if !known {
            bail!(
                "no mention {text} in the record (see `pactwatch entity NAME` for the references)"
            );
        }
        return Ok(mention);
    }
    let entity = catalog.resolve(text)?;
    entity
        .members
        .first()
        .cloned()
        .ok_or_else(|| anyhow!("{} has no mentions", entity.name))
}

fn owner<'a>(catalog: &'a Catalog, mention: &EntityRef) -> Option<&'a pw_record::RecordEntity> {
    catalog
        .record()
        .entities
        .iter()
        .find(|entity| entity.members.contains(mention))
}

/// `pactwatch entity merge|split`.
pub(crate) fn correct(action: &EntityAction) -> Result<bool> {
    let (read, correction) = match action {
        EntityAction::Merge { a, b, read } => {
            let (_store, catalog) = load(&read.db)?;
            let a = mention_of(&catalog, a)?;
            let b = mention_of(&catalog, b)?;
            (read, Correction::Merge { a, b })
        }
        EntityAction::Split { mention, read } => {
            let (_store, catalog) = load(&read.db)?;
            let Some(mention) = parse_mention(mention) else {
                bail!("{mention:?} is not a mention reference like a3:e2");
            };
            mention_of(&catalog, &format!("{}:{}", mention.article, mention.entity))?;
            (read, Correction::Split { mention })
        }
    };
    let mut store = crate::query::open(&read.db)?;
    store
        .add_correction(&correction)
        .with_context(|| format!("cannot store the correction in {}", read.db.display()))?;
    pw_store::rebuild_record(&mut store)
        .with_context(|| format!("cannot rebuild the record in {}", read.db.display()))?;
    let catalog = Catalog::load(&store)?;
    let mentions: Vec<&EntityRef> = match &correction {
        Correction::Merge { a, b } => vec![a, b],
        Correction::Split { mention } => vec![mention],
    };
    let mut entities: Vec<pw_query::EntityBrief> = Vec::new();
    for mention in mentions {
        if let Some(entity) = owner(&catalog, mention)
            && !entities.iter().any(|known| known.id == entity.id)
        {
            entities.push(catalog.brief(&entity.id));
        }
    }
    if read.json {
        return crate::query::emit_json(&json_lines([serde_json::json!({
            "correction": correction,
            "entities": entities,
        })])?)
        .map(|()| true);
    }
    let verb = match correction {
        Correction::Merge { .. } => "merged",
        Correction::Split { .. } => "split",
    };
    let mut text = format!("{verb}; the record now has:\n");
    for entity in &entities {
        let _ = writeln!(text, "  {}  {}", entity_label(entity), entity.id);
    }
    emit(&text).map(|()| true)
}

/// `pactwatch entity NAME`.
pub(crate) fn profile(read: &ReadArgs, name: &str) -> Result<bool> {
    let (_store, catalog) = load(&read.db)?;
    let profile = catalog.entity_profile(name)?;
    if read.json {
        return crate::query::emit_json(&json_lines([&profile])?).map(|()| true);
    }
    let mut text = format!("{}  {}\n", entity_label(&profile.entity), profile.entity.id);
    let _ = writeln!(text, "aliases: {}", profile.aliases.join(", "));
    let _ = writeln!(
        text,
        "mentioned in {} of {}",
        count(profile.entity.mentions, "sentence"),
        count(profile.articles, "article")
    );
    if !profile.roles.is_empty() {
        let _ = writeln!(text, "roles:");
        for role in &profile.roles {
            let when = match (role.first, role.last) {
                (Some(first), Some(last)) if first == last => format!("{first}"),
                (Some(first), Some(last)) => format!("{first} .. {last}"),
                _ => "undated".to_string(),
            };
            // A head of state has a role in hundreds of articles: name a few.
            const SHOWN: usize = 6;
            let mut articles = role
                .articles
                .iter()
                .take(SHOWN)
                .map(|article| article.key.as_str())
                .collect::<Vec<_>>()
                .join(", ");
            if role.articles.len() > SHOWN {
                let _ = write!(articles, " and {} more", role.articles.len() - SHOWN);
            }
            let _ = writeln!(text, "  {}  {when}  in {articles}", role.role);
        }
    }
    let _ = writeln!(
        text,
        "mentions by article (for `entity split` and `entity merge`):"
    );
    for member in &profile.members {
        let _ = writeln!(
            text,
            "  {}  {}  {}",
            member.reference,
            count(member.mentions, "sentence"),
            article_label(&member.article)
        );
    }
    if !profile.merges.is_empty() {
        let _ = writeln!(text, "merged because:");
        for merge in &profile.merges {
            let _ = writeln!(text, "  {} + {}: {}", merge.a, merge.b, merge.reason);
        }
    }
    if !profile.counterparts.is_empty() {
        let _ = writeln!(text, "counterparts:");
        for counterpart in &profile.counterparts {
            let _ = writeln!(
                text,
                "  {}  {}",
                entity_label(&counterpart.entity),
                count(counterpart.facts, "fact")
            );
        }
    }
    let _ = writeln!(text, "{}:", count(profile.facts.len(), "fact"));
    for fact in &profile.facts {
        let _ = writeln!(text, "  {}", fact_line(fact));
    }
    emit(&text).map(|()| true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mention_references_parse() {
        let mention = parse_mention("a3:e12").unwrap();
        assert_eq!(mention.article, "a3");
        assert_eq!(mention.entity, EntityId(12));
        assert!(parse_mention("Iran").is_none());
        assert!(parse_mention("a3:v2").is_none());
        assert!(parse_mention("x3:e2").is_none());
    }
}
