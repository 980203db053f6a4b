//! Facts: events from different articles that describe the same real-world event.
//!
//! Events are grouped by a key, then split by date:
//!
//! - **Family**: the PLOVER type (so "signed a memorandum" and "closed a deal" are one
//!   family, Agree; the elections and inaugurations outside PLOVER by their own type).
//! - **Actors at country level**: every source and target is mapped to its record entity
//!   and then to the entity's country when it has one, so "a defense minister of country A
//!   → country B" and "A → B" are the same dyad; entities without a country stand for
//!   themselves. Symmetric types ([`EventType::is_symmetric`]) and arms transfers (whose
//!   direction depends on the verb: "sell to" vs "buy from") use the unordered set of
//!   actors; the others keep (sources, targets) in order. Events with neither source nor
//!   target are left out of facts.
//! - **Dates**: within a key, day-precise reports within [`DAY_TOLERANCE`] days of the
//!   first of a run are one fact; then month-, year- and decade-precise reports join the
//!   one fact whose days they cover (or start their own when none or several fit);
//!   undated reports join the only fact of their key, or when there are several, the most
//!   recent one that began before the article was published, else an undated fact.
//!
//! Equipment does not split facts: reports naming different equipment for one event are
//! a contradiction, as are different dates and a denial against any other status.

use crate::entities::Resolved;
use crate::model::{ArticleInput, Contradiction, ContradictionKind, Fact, Story, Support};
use crate::util::{Precision, chronological, interval, most_common, stable_id};
use pw_model::{EntityId, EntityKind, Event, EventType, Modality, PartialDate, Plover};
use rustc_hash::FxHashMap;

/// Day-precise reports this many days apart may be one event ("July 20" vs "Monday,
/// July 24" for a signing reported late).
pub const DAY_TOLERANCE: i64 = 7;

/// At most this many contradictions of one kind are listed per fact.
const MAX_CONTRADICTIONS: usize = 8;

struct Item<'a> {
    article: usize,
    event: &'a Event,
    sources: Vec<usize>,
    targets: Vec<usize>,
    /// Actor keys, sorted and deduplicated: (sources, targets), or (all, empty) when the
    /// type is undirected.
    orientation: (Vec<usize>, Vec<usize>),
    equipment: Vec<usize>,
    interval: Option<(i64, i64, Precision)>,
}

#[derive(Default)]
struct Cluster {
    span: Option<(i64, i64)>,
    items: Vec<usize>,
}

fn undirected(event_type: EventType) -> bool {
    event_type.is_symmetric() || event_type == EventType::TransferArms
}

fn family(event_type: EventType) -> String {
    match event_type.plover() {
        Plover::None => event_type.as_str().to_string(),
        plover => format!("{plover:?}"),
    }
}

/// Builds the facts. `story_of` gives each article's index into `stories`.
pub(crate) fn build(
    articles: &[ArticleInput<'_>],
    order: &[usize],
    resolved: &Resolved,
    stories: &[Story],
    story_of: &[usize],
) -> Vec<Fact> {
    let entities = &resolved.entities;
    // Actor keys: one per country code, else one per record entity.
    let mut actor_of_country: FxHashMap<&str, usize> = FxHashMap::default();
    let mut representative: Vec<usize> = Vec::new();
    let mut actor: Vec<usize> = Vec::with_capacity(entities.len());
    for (index, entity) in entities.iter().enumerate() {
        let key = match entity.country.as_deref() {
            Some(code) => *actor_of_country.entry(code).or_insert_with(|| {
                representative.push(index);
                representative.len() - 1
            }),
            None => {
                representative.push(index);
                representative.len() - 1
            }
        };
        actor.push(key);
        // A country entity is the best representative of its code.
        if entity.kind == EntityKind::Country
            && entities[representative[key]].kind != EntityKind::Country
        {
            representative[key] = index;
        }
    }

    let record_of = |article: usize, id: EntityId| -> Option<usize> {
        let extraction = articles[article].extraction;
        let position = match extraction.entities.get(id.0 as usize) {
            Some(entity) if entity.id == id => id.0 as usize,
            _ => extraction
                .entities
                .iter()
                .position(|entity| entity.id == id)?,
        };
        resolved.by_article[article].get(position).copied()
    };
    let keys_of = |records: &[usize]| -> Vec<usize> {
        let mut keys: Vec<usize> = records.iter().map(|&record| actor[record]).collect();
        keys.sort_unstable();
        keys.dedup();
        keys
    };

    let mut items: Vec<Item<'_>> = Vec::new();
    let mut group_index: FxHashMap<(String, Vec<usize>, Vec<usize>), usize> = FxHashMap::default();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for &article in order {
        for event in &articles[article].extraction.events {
            let records = |ids: &[EntityId]| -> Vec<usize> {
                ids.iter()
                    .filter_map(|&id| record_of(article, id))
                    .collect()
            };
            let (sources, targets) = (records(&event.source), records(&event.target));
            if sources.is_empty() && targets.is_empty() {
                continue;
            }
            let orientation = if undirected(event.event_type) {
                let all: Vec<usize> = sources.iter().chain(&targets).copied().collect();
                (keys_of(&all), Vec::new())
            } else {
                (keys_of(&sources), keys_of(&targets))
            };
            let key = (
                family(event.event_type),
                orientation.0.clone(),
                orientation.1.clone(),
            );
            let next = groups.len();
            let group = *group_index.entry(key).or_insert(next);
            if group == next {
                groups.push(Vec::new());
            }
            groups[group].push(items.len());
            let mut equipment = records(&event.equipment);
            equipment.sort_unstable();
            equipment.dedup();
            // Keep the event's own direction for display, even when the key is unordered.
            let orientation = (keys_of(&sources), keys_of(&targets));
            items.push(Item {
                article,
                event,
                sources,
                targets,
                orientation,
                equipment,
                interval: event.date.and_then(interval),
            });
        }
    }

    let mut facts = Vec::new();
    for group in &groups {
        for cluster in split_by_date(articles, &items, group) {
            facts.push(make_fact(
                articles,
                entities,
                &representative,
                &items,
                &cluster.items,
                stories,
                story_of,
            ));
        }
    }
    facts.sort_by(|a, b| {
        chronological(a.date)
            .cmp(&chronological(b.date))
            .then_with(|| a.id.cmp(&b.id))
    });
    facts
}

fn overlaps(a: (i64, i64), b: (i64, i64)) -> bool {
    a.0 <= b.1 && b.0 <= a.1
}

fn split_by_date(
    articles: &[ArticleInput<'_>],
    items: &[Item<'_>],
    group: &[usize],
) -> Vec<Cluster> {
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut days: Vec<(i64, usize)> = Vec::new();
    let mut coarse: Vec<(Precision, i64, i64, usize)> = Vec::new();
    let mut undated: Vec<usize> = Vec::new();
    for &item in group {
        match items[item].interval {
            Some((day, _, Precision::Day)) => days.push((day, item)),
            Some((start, end, precision)) => coarse.push((precision, start, end, item)),
            None => undated.push(item),
        }
    }
    days.sort_unstable();
    let mut anchor = i64::MIN;
    for (day, item) in days {
        if clusters.is_empty() || day - anchor > DAY_TOLERANCE {
            anchor = day;
            clusters.push(Cluster {
                span: Some((day, day)),
                items: Vec::new(),
            });
        }
        let cluster = clusters.last_mut().expect("a cluster was just ensured");
        if let Some(span) = &mut cluster.span {
            span.1 = day;
        }
        cluster.items.push(item);
    }
    coarse.sort_unstable();
    for (_, start, end, item) in coarse {
        let fitting: Vec<usize> = (0..clusters.len())
            .filter(|&index| {
                clusters[index]
                    .span
                    .is_some_and(|span| overlaps(span, (start, end)))
            })
            .collect();
        match fitting.as_slice() {
            [only] => clusters[*only].items.push(item),
            _ => clusters.push(Cluster {
                span: Some((start, end)),
                items: vec![item],
            }),
        }
    }
    let mut undated_cluster: Option<usize> = None;
    let dated = clusters.len();
    for item in undated {
        let chosen = if dated == 1 {
            Some(0)
        } else if dated > 1 {
            let published = articles[items[item].article]
                .meta
                .published
                .and_then(interval)
                .map(|(day, _, _)| day);
            published.and_then(|published| {
                (0..dated)
                    .filter(|&index| clusters[index].span.is_some_and(|span| span.0 <= published))
                    .max_by_key(|&index| clusters[index].span.map(|span| span.0))
            })
        } else {
            None
        };
        let index = match chosen {
            Some(index) => index,
            None => *undated_cluster.get_or_insert_with(|| {
                clusters.push(Cluster::default());
                clusters.len() - 1
            }),
        };
        clusters[index].items.push(item);
    }
    clusters
}

fn name_list(entities: &[crate::model::RecordEntity], ids: &[usize]) -> String {
    ids.iter()
        .map(|&index| entities[index].name.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

fn make_fact(
    articles: &[ArticleInput<'_>],
    entities: &[crate::model::RecordEntity],
    representative: &[usize],
    items: &[Item<'_>],
    members: &[usize],
    stories: &[Story],
    story_of: &[usize],
) -> Fact {
    let mut members = members.to_vec();
    members.sort_by(|&a, &b| {
        articles[items[a].article]
            .key
            .cmp(articles[items[b].article].key)
            .then_with(|| items[a].event.id.cmp(&items[b].event.id))
    });
    let supports: Vec<Support> = members
        .iter()
        .map(|&index| {
            let item = &items[index];
            let article = &articles[item.article];
            let event = item.event;
            let ids = |records: &[usize]| -> Vec<String> {
                records
                    .iter()
                    .map(|&record| entities[record].id.clone())
                    .collect()
            };
            Support {
                article: article.key.to_string(),
                event: event.id,
                story: stories[story_of[item.article]].id.clone(),
                outlet: article.meta.outlet.clone(),
                url: article.meta.url.clone(),
                file: article.meta.file.clone(),
                published: article.meta.published,
                event_type: event.event_type,
                modality: event.modality,
                date: event.date,
                date_text: event.date_text.clone(),
                equipment: ids(&item.equipment),
                evidence: event.evidence.clone(),
                span: event.span,
                sentence: event.sentence,
                source: ids(&item.sources),
                target: ids(&item.targets),
            }
        })
        .collect();
    let first = &supports[0];
    let id = stable_id('F', &format!("{}\u{0}{}", first.article, first.event));
    let event_type = most_common(supports.iter().map(|support| support.event_type))
        .unwrap_or(EventType::Cooperate);
    let orientation = most_common(
        members
            .iter()
            .map(|&index| items[index].orientation.clone()),
    )
    .unwrap_or_default();
    let to_ids = |keys: &[usize]| -> Vec<String> {
        keys.iter()
            .map(|&key| entities[representative[key]].id.clone())
            .collect()
    };
    let mut equipment: Vec<usize> = members
        .iter()
        .flat_map(|&index| items[index].equipment.iter().copied())
        .collect();
    equipment.sort_unstable();
    equipment.dedup();
    let date = fact_date(supports.iter().filter_map(|support| support.date));
    let mut outlets: Vec<&str> = Vec::new();
    let mut story_ids: Vec<&str> = Vec::new();
    let mut unknown_outlet_stories: Vec<&str> = Vec::new();
    for support in &supports {
        if !story_ids.contains(&support.story.as_str()) {
            story_ids.push(&support.story);
        }
        match &support.outlet {
            Some(outlet) if !outlets.contains(&outlet.as_str()) => outlets.push(outlet),
            Some(_) => {}
            None if !unknown_outlet_stories.contains(&support.story.as_str()) => {
                unknown_outlet_stories.push(&support.story)
            }
            None => {}
        }
    }
    let modalities = supports.iter().map(|support| support.modality);
    let strongest = modalities.clone().min().unwrap_or(Modality::Asserted);
    let weakest = modalities.max().unwrap_or(Modality::Asserted);
    let published: Vec<PartialDate> = supports
        .iter()
        .filter_map(|support| support.published)
        .collect();
    let first_reported = published
        .iter()
        .copied()
        .min_by_key(|&date| chronological(Some(date)));
    let last_reported = published
        .iter()
        .copied()
        .max_by_key(|&date| chronological(Some(date)));
    let mut contradictions = date_contradictions(&supports);
    contradictions.extend(equipment_contradictions(
        &supports, entities, items, &members,
    ));
    contradictions.extend(status_contradictions(&supports));
    Fact {
        id,
        event_type,
        plover: event_type.plover(),
        source: to_ids(&orientation.0),
        target: to_ids(&orientation.1),
        equipment: equipment
            .iter()
            .map(|&index| entities[index].id.clone())
            .collect(),
        date,
        outlets: outlets.len() + unknown_outlet_stories.len(),
        stories: story_ids.len(),
        strongest,
        weakest,
        first_reported,
        last_reported,
        contradictions,
        supports,
    }
}

/// The date most reports give; ties go to the finer date, then the earlier.
fn fact_date(dates: impl Iterator<Item = PartialDate>) -> Option<PartialDate> {
    let mut counts: Vec<(PartialDate, usize)> = Vec::new();
    for date in dates {
        match counts.iter_mut().find(|(seen, _)| *seen == date) {
            Some(entry) => entry.1 += 1,
            None => counts.push((date, 1)),
        }
    }
    let precision =
        |date: PartialDate| interval(date).map_or(Precision::Year, |(_, _, precision)| precision);
    counts
        .into_iter()
        .min_by(|a, b| {
            b.1.cmp(&a.1)
                .then_with(|| precision(a.0).cmp(&precision(b.0)))
                .then_with(|| chronological(Some(a.0)).cmp(&chronological(Some(b.0))))
        })
        .map(|(date, _)| date)
}

/// Two dates that cannot be the same day: disjoint ranges, or different month-days.
fn dates_disagree(left: PartialDate, right: PartialDate) -> bool {
    let month_day = |date: PartialDate| match date {
        PartialDate::Day { month, day, .. } | PartialDate::MonthDay { month, day } => {
            Some((month, day))
        }
        _ => None,
    };
    match (interval(left), interval(right)) {
        (Some((a0, a1, _)), Some((b0, b1, _))) => !overlaps((a0, a1), (b0, b1)),
        _ => match (left, right) {
            (PartialDate::MonthDay { .. }, _) | (_, PartialDate::MonthDay { .. }) => {
                matches!((month_day(left), month_day(right)), (Some(a), Some(b)) if a != b)
            }
            _ => false,
        },
    }
}

/// Support indices grouped by a value, in first-seen order.
fn grouped<T: PartialEq>(values: impl Iterator<Item = (usize, T)>) -> Vec<(T, Vec<usize>)> {
    let mut groups: Vec<(T, Vec<usize>)> = Vec::new();
    for (index, value) in values {
        match groups.iter_mut().find(|(seen, _)| *seen == value) {
            Some(entry) => entry.1.push(index),
            None => groups.push((value, vec![index])),
        }
    }
    groups
}

fn articles_of(supports: &[Support], indices: &[usize]) -> String {
    let mut keys: Vec<&str> = indices
        .iter()
        .map(|&index| supports[index].article.as_str())
        .collect();
    keys.dedup();
    keys.join(", ")
}

fn says(supports: &[Support], indices: &[usize], what: &str) -> String {
    let verb = if articles_of(supports, indices).contains(", ") {
        "say"
    } else {
        "says"
    };
    format!("{} {verb} {what}", articles_of(supports, indices))
}

/// Two sides of a disagreement come from different reports: some article is on one
/// side only and some on the other only. One article that gives two dates (the signing
/// and a later mention) or names two systems does not contradict itself.
fn independent_sides(supports: &[Support], left: &[usize], right: &[usize]) -> bool {
    let articles = |indices: &[usize]| -> Vec<&str> {
        indices
            .iter()
            .map(|&index| supports[index].article.as_str())
            .collect()
    };
    let (left, right) = (articles(left), articles(right));
    left.iter().any(|article| !right.contains(article))
        && right.iter().any(|article| !left.contains(article))
}

fn date_contradictions(supports: &[Support]) -> Vec<Contradiction> {
    let groups = grouped(
        supports
            .iter()
            .enumerate()
            .filter_map(|(index, support)| support.date.map(|date| (index, date))),
    );
    let mut out = Vec::new();
    for (i, (left, left_indices)) in groups.iter().enumerate() {
        for (right, right_indices) in &groups[i + 1..] {
            if out.len() < MAX_CONTRADICTIONS
                && dates_disagree(*left, *right)
                && independent_sides(supports, left_indices, right_indices)
            {
                out.push(Contradiction {
                    kind: ContradictionKind::Date,
                    detail: format!(
                        "{}, {}",
                        says(supports, left_indices, &left.to_string()),
                        says(supports, right_indices, &right.to_string())
                    ),
                    supports: left_indices.iter().chain(right_indices).copied().collect(),
                });
            }
        }
    }
    out
}

fn equipment_contradictions(
    supports: &[Support],
    entities: &[crate::model::RecordEntity],
    items: &[Item<'_>],
    members: &[usize],
) -> Vec<Contradiction> {
    let groups = grouped(
        members
            .iter()
            .enumerate()
            .filter(|&(_, &item)| !items[item].equipment.is_empty())
            .map(|(index, &item)| (index, items[item].equipment.clone())),
    );
    let mut out = Vec::new();
    for (i, (left, left_indices)) in groups.iter().enumerate() {
        for (right, right_indices) in &groups[i + 1..] {
            let disjoint = !left.iter().any(|entity| right.contains(entity));
            if out.len() < MAX_CONTRADICTIONS
                && disjoint
                && independent_sides(supports, left_indices, right_indices)
            {
                out.push(Contradiction {
                    kind: ContradictionKind::Equipment,
                    detail: format!(
                        "{}, {}",
                        says(supports, left_indices, &name_list(entities, left)),
                        says(supports, right_indices, &name_list(entities, right))
                    ),
                    supports: left_indices.iter().chain(right_indices).copied().collect(),
                });
            }
        }
    }
    out
}

fn status_contradictions(supports: &[Support]) -> Vec<Contradiction> {
    let (denied, other): (Vec<usize>, Vec<usize>) =
        (0..supports.len()).partition(|&index| supports[index].modality == Modality::Denied);
    if denied.is_empty() || other.is_empty() {
        return Vec::new();
    }
    let statuses = grouped(other.iter().map(|&index| (index, supports[index].modality)));
    let others = statuses
        .iter()
        .map(|(modality, indices)| says(supports, indices, modality.as_str()))
        .collect::<Vec<_>>()
        .join(", ");
    vec![Contradiction {
        kind: ContradictionKind::Status,
        detail: format!("{}, {others}", says(supports, &denied, "denied")),
        supports: denied.iter().chain(&other).copied().collect(),
    }]
}

#[cfg(test)]
mod tests {
    use crate::testkit::{Article, article, build_all, entity_of};
    use crate::{ContradictionKind, Corrections, Fact, Record};
    use pw_model::EntityKind::{Equipment, Person};
    use pw_model::EventType::{Agree, Deny, TransferArms};
    use pw_model::Modality::{Alleged, Asserted, Denied, Speculative};
    use pw_model::{EntityId, EventType, Modality};

    /// An article whose `kind` event runs from a country to another.
    fn report(
        key: &str,
        event_type: EventType,
        date: Option<&str>,
        modality: Modality,
        equipment: &[&str],
    ) -> Article {
        let mut item = article(key, Some("2023-07-30"), Some(&format!("outlet {key}")));
        let from = item.country("Alpha", "AAA");
        let to = item.country("Beta", "BBB");
        let equipment: Vec<EntityId> = equipment
            .iter()
            .map(|name| item.entity(Equipment, name, &[], None))
            .collect();
        item.event(event_type, &[from], &[to], &equipment, date, modality);
        item
    }

    fn only_fact(record: &Record) -> &Fact {
        assert_eq!(record.facts.len(), 1, "{:#?}", record.facts);
        &record.facts[0]
    }

    fn kinds(fact: &Fact) -> Vec<ContradictionKind> {
        fact.contradictions
            .iter()
            .map(|contradiction| contradiction.kind)
            .collect()
    }

    #[test]
    fn reports_a_day_apart_are_one_fact_with_a_date_contradiction() {
        let record = build_all(
            &[
                report("a", Agree, Some("2023-07-19"), Asserted, &[]),
                report("b", Agree, Some("2023-07-20"), Asserted, &[]),
                report("c", Agree, Some("2023"), Asserted, &[]),
                report("d", Agree, None, Alleged, &[]),
            ],
            &Corrections::default(),
        );
        let fact = only_fact(&record);
        assert_eq!(fact.supports.len(), 4);
        assert_eq!(kinds(fact), [ContradictionKind::Date]);
        assert_eq!(
            fact.contradictions[0].detail,
            "a says 2023-07-19, b says 2023-07-20"
        );
        assert_eq!(fact.outlets, 4);
        assert_eq!(fact.strongest, Asserted);
        assert_eq!(fact.weakest, Alleged);
    }

    #[test]
    fn one_article_with_two_dates_does_not_contradict_itself() {
        let mut first = report("a", Agree, Some("2023-07-20"), Asserted, &[]);
        let (from, to) = (EntityId(0), EntityId(1));
        first.event(Agree, &[from], &[to], &[], Some("2023-07-24"), Asserted);
        let second = report("b", Agree, Some("2023-07-20"), Asserted, &[]);
        let record = build_all(&[first, second], &Corrections::default());
        let fact = only_fact(&record);
        assert_eq!(fact.supports.len(), 3);
        assert!(fact.contradictions.is_empty(), "{:?}", fact.contradictions);
    }

    #[test]
    fn reports_years_apart_are_different_facts() {
        let record = build_all(
            &[
                report("a", Agree, Some("2011-05-02"), Asserted, &[]),
                report("b", Agree, Some("2023-07-20"), Asserted, &[]),
            ],
            &Corrections::default(),
        );
        assert_eq!(record.facts.len(), 2);
        assert_eq!(record.facts[0].date.unwrap().to_string(), "2011-05-02");
    }

    #[test]
    fn drones_against_missiles_is_an_equipment_contradiction() {
        let record = build_all(
            &[
                report("a", TransferArms, None, Alleged, &["drone"]),
                report("b", TransferArms, None, Alleged, &["missile"]),
                report("c", TransferArms, None, Speculative, &["drone"]),
            ],
            &Corrections::default(),
        );
        let fact = only_fact(&record);
        assert_eq!(kinds(fact), [ContradictionKind::Equipment]);
        assert_eq!(
            fact.contradictions[0].detail,
            "a, c say drone, b says missile"
        );
        assert_eq!(fact.equipment.len(), 2);
    }

    #[test]
    fn a_denial_against_an_assertion_is_a_status_contradiction() {
        let record = build_all(
            &[
                report("a", TransferArms, None, Asserted, &[]),
                report("b", TransferArms, None, Denied, &[]),
            ],
            &Corrections::default(),
        );
        let fact = only_fact(&record);
        assert_eq!(kinds(fact), [ContradictionKind::Status]);
        assert_eq!(
            fact.contradictions[0].detail,
            "b says denied, a says asserted"
        );
        assert_eq!(fact.weakest, Denied);
    }

    #[test]
    fn people_stand_for_their_country_and_symmetric_types_ignore_direction() {
        let mut a = article("a", None, None);
        let minister = a.entity(Person, "Ana Rojas", &[], Some("AAA"));
        let beta = a.country("Beta", "BBB");
        a.event(
            Agree,
            &[minister],
            &[beta],
            &[],
            Some("2023-07-20"),
            Asserted,
        );
        let mut b = article("b", None, None);
        let beta_b = b.country("Beta", "BBB");
        let alpha_b = b.country("Alpha", "AAA");
        b.event(Agree, &[beta_b, alpha_b], &[], &[], None, Asserted);
        // A different type family on the same dyad is another fact.
        b.event(Deny, &[beta_b], &[alpha_b], &[], None, Asserted);
        // Events with no actor are left out.
        b.event(Agree, &[], &[], &[], None, Asserted);
        let record = build_all(&[a, b], &Corrections::default());
        assert_eq!(record.facts.len(), 2);
        let agreement = record
            .facts
            .iter()
            .find(|fact| fact.event_type == Agree)
            .expect("an agreement fact");
        assert_eq!(agreement.supports.len(), 2);
        let alpha = entity_of(&record, "b", alpha_b).id.clone();
        assert!(agreement.source.contains(&alpha) || agreement.target.contains(&alpha));
        assert_eq!(
            agreement.supports[0].source,
            [entity_of(&record, "a", minister).id.clone()]
        );
    }

    #[test]
    fn a_republished_story_counts_once() {
        let body = "the same wire copy about the signing of the pact by two ministers in the capital this week with many details";
        let mut items: Vec<Article> = ["a", "b", "c"]
            .iter()
            .map(|key| report(key, Agree, Some("2023-07-20"), Asserted, &[]))
            .collect();
        items[0].text = body.to_string();
        items[1].text = format!("Other header\n{body}");
        let record = build_all(&items, &Corrections::default());
        let fact = only_fact(&record);
        assert_eq!(fact.stories, 2);
        assert_eq!(fact.outlets, 3);
        assert_eq!(fact.first_reported.unwrap().to_string(), "2023-07-30");
    }
}
