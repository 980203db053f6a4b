//! The profile of one entity: names, roles over time, the article entities merged into
//! it (with the references corrections take) and the facts that involve it.

use crate::catalog::date_key;
use crate::{ArticleRef, Catalog, EntityBrief, FactBrief, Result};
use pw_model::PartialDate;
use serde::Serialize;
use std::collections::BTreeMap;

/// A role an entity was given, with when and where.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RoleView {
    /// "Defense Minister".
    pub role: String,
    /// The earliest date of an article giving it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first: Option<PartialDate>,
    /// The latest date of an article giving it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last: Option<PartialDate>,
    /// The articles that give it.
    pub articles: Vec<ArticleRef>,
}

/// One article's entity merged into the record entity.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MemberView {
    /// `article:entity` (`a3:e2`): what `entity split` and `entity merge` take.
    pub reference: String,
    /// The article.
    pub article: ArticleRef,
    /// Sentences of the article that mention it.
    pub mentions: usize,
}

/// Why two article entities were put together.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MergeView {
    /// One side (`a4:e4`).
    pub a: String,
    /// The other side.
    pub b: String,
    /// "shared name or alias \"Edmundo Novillo\"", "user merge".
    pub reason: String,
}

/// Another entity on the other side of facts, with how many.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CounterpartBrief {
    /// The counterpart.
    pub entity: EntityBrief,
    /// Facts shared.
    pub facts: usize,
}

/// Everything the record knows about one entity.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EntityProfile {
    /// Id, name, kind, country and mention count.
    pub entity: EntityBrief,
    /// Every name it goes by.
    pub aliases: Vec<String>,
    /// Roles, earliest first.
    pub roles: Vec<RoleView>,
    /// Distinct articles that mention it.
    pub articles: usize,
    /// The article entities merged here.
    pub members: Vec<MemberView>,
    /// Why they were merged.
    pub merges: Vec<MergeView>,
    /// The entities it has facts with, most facts first.
    pub counterparts: Vec<CounterpartBrief>,
    /// The facts that involve it, earliest first.
    pub facts: Vec<FactBrief>,
}

impl Catalog {
    /// The profile of the entity a name or id means.
    pub fn entity_profile(&self, name_or_id: &str) -> Result<EntityProfile> {
        let entity = self.resolve(name_or_id)?;
        let mut roles: BTreeMap<String, (Vec<Option<PartialDate>>, Vec<String>)> = BTreeMap::new();
        for seen in &entity.roles {
            let (dates, articles) = roles.entry(seen.role.clone()).or_default();
            let date = seen.date.or_else(|| self.article(&seen.article).published);
            dates.push(date);
            if !articles.contains(&seen.article) {
                articles.push(seen.article.clone());
            }
        }
        let mut roles: Vec<RoleView> = roles
            .into_iter()
            .map(|(role, (dates, articles))| {
                let mut known: Vec<PartialDate> = dates.into_iter().flatten().collect();
                known.sort_by_key(|date| date_key(*date));
                RoleView {
                    role,
                    first: known.first().copied(),
                    last: known.last().copied(),
                    articles: articles.iter().map(|key| self.article(key)).collect(),
                }
            })
            .collect();
        roles.sort_by_key(|role| {
            let key = role.first.and_then(date_key);
            (key.is_none(), key)
        });
        let members = entity
            .members
            .iter()
            .map(|member| MemberView {
                reference: format!("{}:{}", member.article, member.entity),
                article: self.article(&member.article),
                mentions: entity
                    .sightings
                    .iter()
                    .filter(|sighting| {
                        sighting.article == member.article && sighting.entity == member.entity
                    })
                    .count(),
            })
            .collect();
        let merges = entity
            .merges
            .iter()
            .map(|merge| MergeView {
                a: format!("{}:{}", merge.a.article, merge.a.entity),
                b: format!("{}:{}", merge.b.article, merge.b.entity),
                reason: merge.reason.clone(),
            })
            .collect();
        let mut articles: Vec<&str> = entity
            .sightings
            .iter()
            .map(|sighting| sighting.article.as_str())
            .collect();
        articles.sort_unstable();
        articles.dedup();
        let relations = self.relations(&entity.id)?;
        let counterparts = relations
            .counterparts
            .into_iter()
            .map(|counterpart| CounterpartBrief {
                entity: counterpart.entity,
                facts: counterpart.facts,
            })
            .collect();
        let party = self.party(&entity.id)?;
        let facts = self
            .involving(&party)
            .into_iter()
            .map(|position| self.fact_brief(&self.facts_slice()[position]))
            .collect();
        Ok(EntityProfile {
            entity: EntityBrief::of(entity),
            aliases: entity.aliases.clone(),
            roles,
            articles: articles.len(),
            members,
            merges,
            counterparts,
            facts,
        })
    }
}
