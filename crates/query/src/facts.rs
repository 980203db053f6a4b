//! Facts: the filter ([`FactQuery`], with its `key=value` text form), and the views of
//! a fact with its reports ([`FactSummary`]) or without ([`FactBrief`]).

use crate::catalog::{Party, Side, date_key, within};
use crate::{ArticleRef, Catalog, EntityBrief, Error, Polarity, Result};
use pw_model::{EventType, Modality, PartialDate, Plover};
use pw_record::{ContradictionKind, Fact};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::fmt;
use std::str::FromStr;

/// Which facts: every field set must hold.
///
/// `actor` and `target` take a name, alias or id ([`Catalog::resolve`]) or an ISO
/// alpha-3 country code. A country matches any entity of the country on that side; a
/// person or organization also matches when a report names it on that side (facts are
/// kept at country level). Symmetric types (meet, agree, ...) ignore direction.
///
/// The text form (for watches and URLs) is space-separated `key=value` pairs, values
/// with spaces in double quotes: `actor=Iran target="Bolivia" type=transfer_arms
/// since=2023 until=2023-12 modality=alleged entity=Novillo limit=20`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct FactQuery {
    /// On the source side.
    pub actor: Option<String>,
    /// On the target side.
    pub target: Option<String>,
    /// On either side.
    pub entity: Option<String>,
    /// The fact's event type.
    #[serde(rename = "type")]
    pub event_type: Option<EventType>,
    /// Inclusive lower bound on the fact's date, at the bound's precision.
    pub since: Option<PartialDate>,
    /// Inclusive upper bound on the fact's date, at the bound's precision.
    pub until: Option<PartialDate>,
    /// Some report gives this modality.
    pub modality: Option<Modality>,
    /// At most this many facts (the earliest first).
    pub limit: Option<usize>,
}

impl FromStr for FactQuery {
    type Err = Error;

    fn from_str(text: &str) -> Result<FactQuery> {
        let mut query = FactQuery::default();
        for (key, value) in pairs(text)? {
            let bad = |what: &str| Error::Invalid(format!("{key}={value:?}: {what}"));
            match key.as_str() {
                "actor" | "source" => query.actor = Some(value),
                "target" => query.target = Some(value),
                "entity" => query.entity = Some(value),
                "type" => query.event_type = Some(parse_event_type(&value)?),
                "since" => query.since = Some(value.parse().map_err(|_| bad("not a date"))?),
                "until" => query.until = Some(value.parse().map_err(|_| bad("not a date"))?),
                "modality" => query.modality = Some(parse_modality(&value)?),
                "limit" => query.limit = Some(value.parse().map_err(|_| bad("not a number"))?),
                _ => {
                    return Err(Error::Invalid(format!(
                        "unknown filter {key:?} (actor, target, entity, type, since, until, modality, limit)"
                    )));
                }
            }
        }
        Ok(query)
    }
}

impl fmt::Display for FactQuery {
    /// The text form, which parses back to the same query.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts: Vec<String> = Vec::new();
        let mut push = |key: &str, value: String| {
            if value.contains(' ') || value.is_empty() {
                parts.push(format!("{key}=\"{value}\""));
            } else {
                parts.push(format!("{key}={value}"));
            }
        };
        if let Some(actor) = &self.actor {
            push("actor", actor.clone());
        }
        if let Some(target) = &self.target {
            push("target", target.clone());
        }
        if let Some(entity) = &self.entity {
            push("entity", entity.clone());
        }
        if let Some(event_type) = self.event_type {
            push("type", event_type.as_str().to_string());
        }
        if let Some(since) = self.since {
            push("since", since.to_string());
        }
        if let Some(until) = self.until {
            push("until", until.to_string());
        }
        if let Some(modality) = self.modality {
            push("modality", modality.as_str().to_string());
        }
        if let Some(limit) = self.limit {
            push("limit", limit.to_string());
        }
        f.write_str(&parts.join(" "))
    }
}

/// `key=value` pairs, values optionally in double quotes.
fn pairs(text: &str) -> Result<Vec<(String, String)>> {
    let mut pairs = Vec::new();
    let mut rest = text.trim_start();
    while !rest.is_empty() {
        let Some(equals) = rest.find('=') else {
            return Err(Error::Invalid(format!(
                "expected key=value, found {rest:?}"
            )));
        };
        let key = rest[..equals].trim().to_ascii_lowercase();
        if key.is_empty() || key.contains(char::is_whitespace) {
            return Err(Error::Invalid(format!(
                "expected key=value, found {rest:?}"
            )));
        }
        rest = &rest[equals + 1..];
        let value;
        if let Some(quoted) = rest.strip_prefix('"') {
            let Some(end) = quoted.find('"') else {
                return Err(Error::Invalid(format!("unclosed quote in {text:?}")));
            };
            value = quoted[..end].to_string();
            rest = &quoted[end + 1..];
        } else {
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            value = rest[..end].to_string();
            rest = &rest[end..];
        }
        pairs.push((key, value));
        rest = rest.trim_start();
    }
    Ok(pairs)
}

/// An event type by its name (`transfer_arms`; `transfer-arms` and any case too).
pub(crate) fn parse_event_type(text: &str) -> Result<EventType> {
    let normal = text.trim().to_ascii_lowercase().replace(['-', ' '], "_");
    normal.parse().map_err(|_| {
        Error::Invalid(format!(
            "unknown event type {text:?} (one of: {})",
            EventType::ALL
                .iter()
                .map(|event_type| event_type.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ))
    })
}

/// A modality by its name (`asserted`, `reported`, `alleged`, `speculative`, `planned`,
/// `denied`).
pub(crate) fn parse_modality(text: &str) -> Result<Modality> {
    const ALL: [Modality; 6] = [
        Modality::Asserted,
        Modality::Reported,
        Modality::Alleged,
        Modality::Speculative,
        Modality::Planned,
        Modality::Denied,
    ];
    let normal = text.trim().to_ascii_lowercase();
    ALL.into_iter()
        .find(|modality| modality.as_str() == normal)
        .ok_or_else(|| {
            Error::Invalid(format!(
                "unknown modality {text:?} (asserted, reported, alleged, speculative, planned, denied)"
            ))
        })
}

/// How certain the reports of a fact are.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ModalityRange {
    /// The most certain modality any report gives (in [`Modality`]'s order).
    pub strongest: Modality,
    /// The least certain.
    pub weakest: Modality,
    /// The least certain of asserted, reported, alleged and speculative given; `None`
    /// when every report is planned or denied.
    pub low: Option<Modality>,
    /// The most certain of those.
    pub high: Option<Modality>,
    /// Some report says it is planned (will happen).
    pub planned: bool,
    /// Some report denies it.
    pub denied: bool,
}

impl ModalityRange {
    fn of(fact: &Fact) -> ModalityRange {
        let modalities: BTreeSet<Modality> = fact
            .supports
            .iter()
            .map(|support| support.modality)
            .collect();
        let certain = modalities
            .iter()
            .copied()
            .filter(|modality| *modality <= Modality::Speculative);
        ModalityRange {
            strongest: fact.strongest,
            weakest: fact.weakest,
            low: certain.clone().max(),
            high: certain.min(),
            planned: modalities.contains(&Modality::Planned),
            denied: modalities.contains(&Modality::Denied),
        }
    }

    /// Plain words: `speculative to asserted, also planned`.
    pub fn describe(&self) -> String {
        let mut text = match (self.low, self.high) {
            (Some(low), Some(high)) if low == high => low.as_str().to_string(),
            (Some(low), Some(high)) => format!("{low} to {high}"),
            _ => String::new(),
        };
        for (flag, word) in [(self.planned, "planned"), (self.denied, "denied")] {
            if flag {
                if text.is_empty() {
                    text.push_str(word);
                } else {
                    text.push_str(", also ");
                    text.push_str(word);
                }
            }
        }
        text
    }
}

/// What reports of a fact disagree on.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ContradictionView {
    /// Date, equipment or status (denied against the rest).
    pub kind: ContradictionKind,
    /// Plain words: "reports disagree on the date: a2 says 2023-07-20, a3 says 2023-07-24".
    pub text: String,
    /// The article keys on either side.
    pub articles: Vec<String>,
}

/// One article's report of a fact.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    /// `article:event` (`a2:v3`), unique per report.
    pub reference: String,
    /// The article.
    pub article: ArticleRef,
    /// The story (near-duplicate articles) the article belongs to.
    pub story: String,
    /// The event type this report gives.
    pub event_type: EventType,
    /// How certain this report is.
    pub modality: Modality,
    /// The date this report gives.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<PartialDate>,
    /// The words the date came from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_text: Option<String>,
    /// The sentence index in the article.
    pub sentence: usize,
    /// The sentence.
    pub evidence: String,
    /// The report's own sources (people and organizations, not only countries).
    pub source: Vec<EntityBrief>,
    /// The report's own targets.
    pub target: Vec<EntityBrief>,
    /// The equipment this report names.
    pub equipment: Vec<EntityBrief>,
}

/// A fact with its corroboration, its contradictions and every report.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FactSummary {
    /// The fact id (`F…`).
    pub id: String,
    /// The event type most reports give.
    pub event_type: EventType,
    /// Its PLOVER type.
    pub plover: Plover,
    /// Cooperation or conflict.
    pub polarity: Polarity,
    /// Who acts (country level).
    pub source: Vec<EntityBrief>,
    /// Who it is done to or with.
    pub target: Vec<EntityBrief>,
    /// Equipment any report names.
    pub equipment: Vec<EntityBrief>,
    /// The date most reports give.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<PartialDate>,
    /// Supporting reports.
    pub reports: usize,
    /// Distinct articles reporting it.
    pub articles: usize,
    /// Distinct outlets reporting it.
    pub outlets: usize,
    /// Distinct stories (independent reporting) reporting it: the corroboration.
    pub stories: usize,
    /// How certain the reports are.
    pub modality: ModalityRange,
    /// The earliest publication date of a report.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_reported: Option<PartialDate>,
    /// The latest publication date of a report.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_reported: Option<PartialDate>,
    /// What the reports disagree on.
    pub contradictions: Vec<ContradictionView>,
    /// Every report, in record order.
    pub supports: Vec<Report>,
}

/// A fact in a list: who, what, when, how well supported.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FactBrief {
    /// The fact id (`F…`).
    pub id: String,
    /// The event type most reports give.
    pub event_type: EventType,
    /// Cooperation or conflict.
    pub polarity: Polarity,
    /// Who acts (country level).
    pub source: Vec<EntityBrief>,
    /// Who it is done to or with.
    pub target: Vec<EntityBrief>,
    /// The date most reports give.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<PartialDate>,
    /// Supporting reports.
    pub reports: usize,
    /// Distinct articles.
    pub articles: usize,
    /// Distinct stories.
    pub stories: usize,
    /// Distinct outlets.
    pub outlets: usize,
    /// How certain the reports are.
    pub modality: ModalityRange,
}

fn distinct_articles(fact: &Fact) -> usize {
    fact.supports
        .iter()
        .map(|support| support.article.as_str())
        .collect::<BTreeSet<_>>()
        .len()
}

impl Catalog {
    pub(crate) fn briefs(&self, ids: &[String]) -> Vec<EntityBrief> {
        ids.iter().map(|id| self.brief(id)).collect()
    }

    /// The list view of a fact.
    pub fn fact_brief(&self, fact: &Fact) -> FactBrief {
        FactBrief {
            id: fact.id.clone(),
            event_type: fact.event_type,
            polarity: Polarity::of(fact.plover),
            source: self.briefs(&fact.source),
            target: self.briefs(&fact.target),
            date: fact.date,
            reports: fact.supports.len(),
            articles: distinct_articles(fact),
            stories: fact.stories,
            outlets: fact.outlets,
            modality: ModalityRange::of(fact),
        }
    }

    /// The full view of a fact.
    pub fn fact_summary(&self, fact: &Fact) -> FactSummary {
        let supports = fact
            .supports
            .iter()
            .map(|support| Report {
                reference: format!("{}:{}", support.article, support.event),
                article: self.article(&support.article),
                story: support.story.clone(),
                event_type: support.event_type,
                modality: support.modality,
                date: support.date,
                date_text: support.date_text.clone(),
                sentence: support.sentence,
                evidence: support.evidence.clone(),
                source: self.briefs(&support.source),
                target: self.briefs(&support.target),
                equipment: self.briefs(&support.equipment),
            })
            .collect();
        let contradictions = fact
            .contradictions
            .iter()
            .map(|contradiction| {
                let what = match contradiction.kind {
                    ContradictionKind::Date => "the date",
                    ContradictionKind::Equipment => "the equipment",
                    ContradictionKind::Status => "whether it happened",
                };
                let articles: BTreeSet<String> = contradiction
                    .supports
                    .iter()
                    .filter_map(|&index| fact.supports.get(index))
                    .map(|support| support.article.clone())
                    .collect();
                ContradictionView {
                    kind: contradiction.kind,
                    text: format!("reports disagree on {what}: {}", contradiction.detail),
                    articles: articles.into_iter().collect(),
                }
            })
            .collect();
        FactSummary {
            id: fact.id.clone(),
            event_type: fact.event_type,
            plover: fact.plover,
            polarity: Polarity::of(fact.plover),
            source: self.briefs(&fact.source),
            target: self.briefs(&fact.target),
            equipment: self.briefs(&fact.equipment),
            date: fact.date,
            reports: fact.supports.len(),
            articles: distinct_articles(fact),
            outlets: fact.outlets,
            stories: fact.stories,
            modality: ModalityRange::of(fact),
            first_reported: fact.first_reported,
            last_reported: fact.last_reported,
            contradictions,
            supports,
        }
    }

    /// The facts a query selects, earliest first (undated last, then in record order).
    pub fn facts(&self, query: &FactQuery) -> Result<Vec<FactSummary>> {
        Ok(self
            .select(query)?
            .into_iter()
            .map(|position| self.fact_summary(&self.facts_slice()[position]))
            .collect())
    }

    /// Like [`Catalog::facts`], in the list view.
    pub fn fact_briefs(&self, query: &FactQuery) -> Result<Vec<FactBrief>> {
        Ok(self
            .select(query)?
            .into_iter()
            .map(|position| self.fact_brief(&self.facts_slice()[position]))
            .collect())
    }

    /// One fact with every report.
    pub fn fact(&self, id: &str) -> Result<FactSummary> {
        self.fact_by_id(id)
            .map(|fact| self.fact_summary(fact))
            .ok_or_else(|| Error::NotFound {
                what: "fact",
                name: id.to_string(),
            })
    }

    /// Positions of the facts a query selects, in date order.
    pub(crate) fn select(&self, query: &FactQuery) -> Result<Vec<usize>> {
        let actor = query
            .actor
            .as_deref()
            .map(|name| self.party(name))
            .transpose()?;
        let target = query
            .target
            .as_deref()
            .map(|name| self.party(name))
            .transpose()?;
        let entity = query
            .entity
            .as_deref()
            .map(|name| self.party(name))
            .transpose()?;
        // Start from the smallest candidate list a party gives.
        let candidates: Vec<usize> = [&actor, &target, &entity]
            .into_iter()
            .flatten()
            .map(|party| self.facts_of_party(party))
            .min_by_key(|facts| facts.len())
            .map_or_else(
                || (0..self.facts_slice().len()).collect(),
                <[usize]>::to_vec,
            );
        let facts = self.facts_slice();
        let mut selected: Vec<usize> = candidates
            .into_iter()
            .filter(|&position| {
                let fact = &facts[position];
                query
                    .event_type
                    .is_none_or(|event_type| fact.event_type == event_type)
                    && query.modality.is_none_or(|modality| {
                        fact.supports
                            .iter()
                            .any(|support| support.modality == modality)
                    })
                    && within(fact.date, query.since, query.until)
                    && entity
                        .as_ref()
                        .is_none_or(|party| self.involves(party, fact))
                    && self.directed(actor.as_ref(), target.as_ref(), fact)
            })
            .collect();
        sort_by_date(&mut selected, facts);
        if let Some(limit) = query.limit {
            selected.truncate(limit);
        }
        Ok(selected)
    }

    /// Actor on the source side and target on the target side; either way round for
    /// symmetric types.
    fn directed(&self, actor: Option<&Party>, target: Option<&Party>, fact: &Fact) -> bool {
        let holds = |source_side: Side, target_side: Side| {
            actor.is_none_or(|party| self.on_side(party, fact, source_side))
                && target.is_none_or(|party| self.on_side(party, fact, target_side))
        };
        holds(Side::Source, Side::Target)
            || (fact.event_type.is_symmetric() && holds(Side::Target, Side::Source))
    }
}

/// Sorts fact positions by date, undated last, stable in record order.
pub(crate) fn sort_by_date(positions: &mut [usize], facts: &[Fact]) {
    positions.sort_by_key(|&position| {
        let key = facts[position].date.and_then(date_key);
        (key.is_none(), key, position)
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_text_form_round_trips() {
        let query: FactQuery =
            "actor=Iran target=\"Bolivia\" type=transfer_arms since=2023 modality=alleged limit=5"
                .parse()
                .unwrap();
        assert_eq!(query.actor.as_deref(), Some("Iran"));
        assert_eq!(query.target.as_deref(), Some("Bolivia"));
        assert_eq!(query.event_type, Some(EventType::TransferArms));
        assert_eq!(query.since, Some(PartialDate::Year { year: 2023 }));
        assert_eq!(query.modality, Some(Modality::Alleged));
        assert_eq!(query.limit, Some(5));
        assert_eq!(query.to_string().parse::<FactQuery>().unwrap(), query);
        let spaced: FactQuery = "entity=\"Edmundo Novillo\"".parse().unwrap();
        assert_eq!(spaced.entity.as_deref(), Some("Edmundo Novillo"));
        assert_eq!(spaced.to_string(), "entity=\"Edmundo Novillo\"");
    }

    #[test]
    fn bad_filters_are_errors() {
        assert!("type=nonsense".parse::<FactQuery>().is_err());
        assert!("since=July".parse::<FactQuery>().is_err());
        assert!("colour=red".parse::<FactQuery>().is_err());
        assert!("Iran".parse::<FactQuery>().is_err());
        assert!("actor=\"Iran".parse::<FactQuery>().is_err());
        assert_eq!("".parse::<FactQuery>().unwrap(), FactQuery::default());
    }
}
