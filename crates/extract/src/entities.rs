//! Within-document coreference: mentions become entities. Countries group by ISO
//! code (names and demonyms alike), lexicon entries by canonical name, people by name
//! parts ("Novillo" and "Novillo Aguilar" join "Edmundo Novillo Aguilar"), and
//! organizations by name and by the acronyms they define ("(ISW)").

use crate::doc::Doc;
use crate::names::Draft;
use pw_lexicon::Lexicon;
use pw_model::{Entity, EntityId, EntityKind, Mention};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// A mention tied to its entity, in text order.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Linked {
    pub(crate) draft: usize,
    pub(crate) entity: usize,
}

pub(crate) struct Resolved {
    pub(crate) entities: Vec<Entity>,
    /// For each entity: is it a media organization; for capitals, the country they stand for.
    pub(crate) media: Vec<bool>,
    pub(crate) capital_of: Vec<Option<String>>,
    pub(crate) links: Vec<Linked>,
}

impl Resolved {
    /// The links whose mention starts in `[start, end)` (links are sorted by start).
    pub(crate) fn links_starting_in(
        &self,
        drafts: &[Draft],
        start: usize,
        end: usize,
    ) -> &[Linked] {
        let first = self
            .links
            .partition_point(|link| drafts[link.draft].span.start < start);
        let last = self
            .links
            .partition_point(|link| drafts[link.draft].span.start < end);
        &self.links[first..last.max(first)]
    }

    /// The links whose mention starts before `offset`.
    pub(crate) fn links_before(&self, drafts: &[Draft], offset: usize) -> &[Linked] {
        self.links_starting_in(drafts, 0, offset)
    }

    /// The start of the first mention of each entity of `kind`, sorted: how many
    /// entities of the kind a backward scan from an offset can still meet, so that a
    /// search for "the latest person before" stops once it has seen them all.
    pub(crate) fn first_mention_starts(&self, drafts: &[Draft], kind: EntityKind) -> Vec<usize> {
        let mut first = vec![usize::MAX; self.entities.len()];
        for link in &self.links {
            let start = drafts[link.draft].span.start;
            first[link.entity] = first[link.entity].min(start);
        }
        let mut starts: Vec<usize> = first
            .into_iter()
            .enumerate()
            .filter(|&(entity, start)| start != usize::MAX && self.entities[entity].kind == kind)
            .map(|(_, start)| start)
            .collect();
        starts.sort_unstable();
        starts
    }
}

struct Cluster {
    kind: EntityKind,
    canonical: Option<String>,
    names: Vec<String>,
    aliases: Vec<String>,
    country: Option<String>,
    roles: Vec<String>,
    office: bool,
    media: bool,
    capital_of: Option<String>,
    origin: &'static str,
    drafts: Vec<usize>,
    /// Folded name parts, for people.
    parts: Vec<String>,
    /// For each of `parts`: whether it is a given name (looked up once, not per
    /// comparison).
    parts_given: Vec<bool>,
}

fn push_unique(list: &mut Vec<String>, value: &str) {
    let value = value.trim();
    if !value.is_empty() && !list.iter().any(|existing| existing == value) {
        list.push(value.to_string());
    }
}

pub(crate) fn resolve(doc: &Doc, lexicon: &Lexicon, drafts: &[Draft]) -> Resolved {
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut by_key: HashMap<(EntityKind, String), usize> = HashMap::default();
    let mut acronyms: HashMap<String, usize> = HashMap::default();
    let mut draft_cluster: Vec<Option<usize>> = vec![None; drafts.len()];

    for (draft_index, draft) in drafts.iter().enumerate() {
        let Some(kind) = draft.kind else { continue };
        if draft.generic {
            continue;
        }
        let folded_name = pw_text::fold(&draft.name);
        // 1. An acronym defined earlier in the document.
        let mut cluster = acronyms
            .get(draft.name.as_str())
            .copied()
            .filter(|&c| clusters[c].kind == kind || kind == EntityKind::Organization);
        // 2. The same key.
        let key = match kind {
            EntityKind::Country => (
                kind,
                draft.country.clone().unwrap_or_else(|| folded_name.clone()),
            ),
            _ => (
                kind,
                draft
                    .canonical
                    .as_deref()
                    .map(pw_text::fold)
                    .unwrap_or_else(|| folded_name.clone()),
            ),
        };
        if cluster.is_none() {
            cluster = by_key.get(&key).copied();
        }
        // 3. People: name parts.
        if cluster.is_none() && kind == EntityKind::Person {
            let parts: Vec<String> = folded_name.split(' ').map(str::to_string).collect();
            let parts_given: Vec<bool> = parts
                .iter()
                .map(|part| is_given_part(lexicon, part))
                .collect();
            cluster = clusters
                .iter()
                .enumerate()
                .rev()
                .find(|(_, existing)| {
                    existing.kind == EntityKind::Person
                        && (parts.iter().all(|part| existing.parts.contains(part))
                            || (parts.len() >= 2
                                && existing.parts.iter().all(|part| parts.contains(part)))
                            || shares_surname(
                                (&parts, &parts_given),
                                (&existing.parts, &existing.parts_given),
                            ))
                })
                .map(|(index, _)| index);
        }
        // 4. Organizations: one name inside the other after an acronym ("Institute" + "ISW").
        let cluster_index = match cluster {
            Some(index) => index,
            None => {
                clusters.push(Cluster {
                    kind,
                    canonical: None,
                    names: Vec::new(),
                    aliases: Vec::new(),
                    country: None,
                    roles: Vec::new(),
                    office: false,
                    media: false,
                    capital_of: None,
                    origin: draft.origin,
                    drafts: Vec::new(),
                    parts: Vec::new(),
                    parts_given: Vec::new(),
                });
                clusters.len() - 1
            }
        };
        by_key.entry(key).or_insert(cluster_index);
        let target = &mut clusters[cluster_index];
        if target.canonical.is_none() {
            target.canonical = draft.canonical.clone();
        }
        if draft.named {
            push_unique(&mut target.names, &draft.name);
        }
        push_unique(&mut target.aliases, &draft.name);
        for alias in &draft.aliases {
            push_unique(&mut target.aliases, alias);
        }
        if let Some(canonical) = &draft.canonical {
            push_unique(&mut target.aliases, canonical);
        }
        if target.country.is_none() {
            target.country = draft.country.clone();
        }
        if let Some(role) = &draft.role {
            push_unique(&mut target.roles, role);
        }
        target.office |= draft.office;
        target.media |= draft.media;
        if target.capital_of.is_none() {
            target.capital_of = draft.capital_of.clone();
        }
        for part in folded_name.split(' ') {
            if !part.is_empty() && !target.parts.iter().any(|existing| existing == part) {
                target.parts.push(part.to_string());
                // Parts are compared for people only.
                let given = target.kind == EntityKind::Person && is_given_part(lexicon, part);
                target.parts_given.push(given);
            }
        }
        target.drafts.push(draft_index);
        draft_cluster[draft_index] = Some(cluster_index);
        if let Some(acronym) = &draft.defines {
            acronyms.insert(acronym.clone(), cluster_index);
            push_unique(&mut clusters[cluster_index].aliases, acronym);
        }
    }

    // "ANSU-100 (Mohajer-2)": a name in parentheses right after another of the same kind.
    for (draft_index, draft) in drafts.iter().enumerate() {
        let Some(outer) = draft_cluster[draft_index] else {
            continue;
        };
        let after = doc.text.get(draft.span.end..).unwrap_or("");
        let Some(rest) = after.strip_prefix(" (").or_else(|| after.strip_prefix('(')) else {
            continue;
        };
        let inner_start = draft.span.end + (after.len() - rest.len());
        let Some((inner_index, inner)) = drafts
            .iter()
            .enumerate()
            .find(|(_, other)| other.span.start == inner_start)
        else {
            continue;
        };
        if inner.kind != draft.kind
            || doc
                .text
                .get(inner.span.end..)
                .is_none_or(|tail| !tail.starts_with(')'))
        {
            continue;
        }
        if let Some(inner_cluster) = draft_cluster[inner_index]
            && inner_cluster != outer
            && matches!(draft.kind, Some(EntityKind::Equipment))
        {
            merge_clusters(&mut clusters, &mut draft_cluster, outer, inner_cluster);
        }
    }

    // Countries for people and organizations that the text does not tie to one.
    let mut country_counts: HashMap<String, usize> = HashMap::default();
    for cluster in &clusters {
        if cluster.kind == EntityKind::Country
            && let Some(code) = &cluster.country
        {
            *country_counts.entry(code.clone()).or_default() += cluster.drafts.len();
        }
    }
    // A person the lexicon knows by a surname no one else there bears, when the given
    // name, if any, agrees in its first two letters: "President Biden" takes the
    // lexicon's country, and "Joseph R. Biden" its name "Joe Biden" as the canonical one
    // (as for names the lexicon matched directly), so every article names them alike;
    // the text's form stays an alias.
    for cluster in clusters.iter_mut() {
        if cluster.kind != EntityKind::Person
            || cluster.origin == "lexicon"
            || cluster.drafts.is_empty()
        {
            continue;
        }
        let Some(entry) = lexicon_person_by_surname(lexicon, cluster) else {
            continue;
        };
        if cluster.country.is_none() {
            cluster.country = entry.country.clone();
        } else if cluster.country != entry.country {
            continue;
        }
        if cluster.names.iter().any(|name| name.contains(' ')) {
            push_unique(&mut cluster.aliases, &entry.canonical);
            if cluster.canonical.is_none() {
                cluster.canonical = Some(entry.canonical.clone());
            }
        }
    }
    let top_country = country_counts
        .iter()
        .max_by_key(|(code, count)| (**count, std::cmp::Reverse((*code).clone())))
        .map(|(code, _)| code.clone());
    // Where person mentions end: "Zelenskyy of Ukraine" ties Ukraine to him.
    let person_ends: HashSet<usize> = drafts
        .iter()
        .filter(|draft| draft.kind == Some(EntityKind::Person))
        .map(|draft| draft.span.end)
        .collect();
    for cluster in clusters.iter_mut() {
        if cluster.country.is_some()
            || cluster.drafts.is_empty()
            // A lexicon organization or place with no country is international ("United
            // Nations", "G7", "Red Sea"): the sentence's countries are not its own.
            || (cluster.origin == "lexicon" && cluster.kind != EntityKind::Person)
            || !matches!(
                cluster.kind,
                EntityKind::Person | EntityKind::Organization | EntityKind::Location
            )
        {
            continue;
        }
        // "UN Security Council Resolution", "NATO Summit": a body of an international
        // organization belongs to no one country.
        if cluster.kind == EntityKind::Organization && starts_international(lexicon, cluster) {
            continue;
        }
        // The only country named in the sentence of the first mention.
        let first = &drafts[cluster.drafts[0]];
        // "U.S. Navy Adm. Craig S. Faller", "Bolivian Defense Minister Novillo": the
        // country or organization right before a person's title is the person's.
        if cluster.kind == EntityKind::Person
            && let Some(code) = country_before_title(doc, drafts, first)
        {
            cluster.country = Some(code);
            continue;
        }
        let sentence = doc.sentences[doc.sentence_at(first.span.start)];
        let mut codes: Vec<&String> = drafts
            .iter()
            .filter(|other| {
                other.kind == Some(EntityKind::Country)
                    && sentence.contains(other.span)
                    && !belongs_to_person(doc, &person_ends, other)
            })
            .filter_map(|other| other.country.as_ref())
            .collect();
        codes.dedup();
        if cluster.kind == EntityKind::Location {
            if codes.len() == 1 {
                cluster.country = Some(codes[0].clone());
            }
            continue;
        }
        // People and organizations: the first country named in the sentence of the first
        // mention, else the latest country named before it.
        if let Some(code) = codes.first() {
            cluster.country = Some((*code).clone());
        } else {
            cluster.country = drafts
                .iter()
                .filter(|other| {
                    other.kind == Some(EntityKind::Country) && other.span.end <= first.span.start
                })
                .filter_map(|other| other.country.clone())
                .next_back()
                .or_else(|| top_country.clone().filter(|_| cluster.office));
        }
    }

    // Entities in order of first mention.
    let mut order: Vec<usize> = (0..clusters.len())
        .filter(|&index| !clusters[index].drafts.is_empty())
        .collect();
    order.sort_by_key(|&index| drafts[clusters[index].drafts[0]].span.start);
    let mut entities = Vec::with_capacity(order.len());
    let mut media = Vec::with_capacity(order.len());
    let mut capital_of = Vec::with_capacity(order.len());
    let mut new_index = vec![usize::MAX; clusters.len()];
    for (position, &cluster_index) in order.iter().enumerate() {
        new_index[cluster_index] = position;
        let cluster = &clusters[cluster_index];
        let name = canonical_name(cluster, lexicon);
        let mut aliases = cluster.aliases.clone();
        if cluster.kind == EntityKind::Person {
            add_short_form(&mut aliases, &cluster.names);
        }
        aliases.sort();
        aliases.dedup();
        let mut mentions: Vec<Mention> = cluster
            .drafts
            .iter()
            .map(|&draft_index| {
                let draft = &drafts[draft_index];
                Mention {
                    span: draft.span,
                    text: draft.span.slice(doc.text).to_string(),
                    sentence: doc.sentence_at(draft.span.start),
                    named: draft.named,
                }
            })
            .collect();
        mentions.sort_by_key(|mention| mention.span);
        mentions.dedup_by_key(|mention| mention.span);
        entities.push(Entity {
            id: EntityId(position as u32),
            kind: cluster.kind,
            name,
            aliases,
            country: cluster.country.clone(),
            roles: cluster.roles.clone(),
            source: cluster.origin.to_string(),
            mentions,
        });
        media.push(cluster.media);
        capital_of.push(cluster.capital_of.clone());
    }
    let mut links: Vec<Linked> = draft_cluster
        .iter()
        .enumerate()
        .filter_map(|(draft, cluster)| {
            cluster.map(|cluster| Linked {
                draft,
                entity: new_index[cluster],
            })
        })
        .filter(|link| link.entity != usize::MAX)
        .collect();
    links.sort_by_key(|link| drafts[link.draft].span.start);
    Resolved {
        entities,
        media,
        capital_of,
        links,
    }
}

/// "Novillo Aguilar" and "Edmundo Novillo": two multi-word names sharing a word that is
/// not a given name (a surname), whose first words do not name two different people.
/// Two names share a surname: a part of more than two letters that is no given name is
/// in both, and their first parts are not two different given names. Each side is its
/// folded parts and whether each part is a given name.
fn shares_surname(
    (parts, parts_given): (&[String], &[bool]),
    (existing, existing_given): (&[String], &[bool]),
) -> bool {
    if parts.len() < 2 || existing.len() < 2 {
        return false;
    }
    if parts[0] != existing[0] && parts_given[0] && existing_given[0] {
        return false;
    }
    parts
        .iter()
        .zip(parts_given)
        .any(|(part, &given)| part.len() > 2 && !given && existing.contains(part))
}

/// Whether a folded name part is a given name.
fn is_given_part(lexicon: &Lexicon, part: &str) -> bool {
    lexicon.is_given_name(&capitalize(part))
}

fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// "Edmundo Novillo Aguilar" mentioned also as "Novillo": the document shows that the
/// second word is the surname, so "Edmundo Novillo" is a name of the same person.
fn add_short_form(aliases: &mut Vec<String>, names: &[String]) {
    let mut extra = Vec::new();
    for name in names {
        let words: Vec<&str> = name.split_whitespace().collect();
        if words.len() >= 3
            && names
                .iter()
                .any(|other| other == words[1] || other.starts_with(&format!("{} ", words[1])))
        {
            extra.push(format!("{} {}", words[0], words[1]));
        }
    }
    for alias in extra {
        if !aliases.contains(&alias) {
            aliases.push(alias);
        }
    }
    aliases.sort();
}

fn merge_clusters(
    clusters: &mut [Cluster],
    draft_cluster: &mut [Option<usize>],
    into: usize,
    from: usize,
) {
    let moved = std::mem::take(&mut clusters[from].drafts);
    let names = std::mem::take(&mut clusters[from].names);
    let aliases = std::mem::take(&mut clusters[from].aliases);
    let canonical = clusters[from].canonical.take();
    let target = &mut clusters[into];
    for draft in &moved {
        draft_cluster[*draft] = Some(into);
    }
    target.drafts.extend(moved);
    for name in names {
        push_unique(&mut target.names, &name);
    }
    for alias in aliases {
        push_unique(&mut target.aliases, &alias);
    }
    // A lexicon canonical name beats a name only seen in the text.
    if let Some(canonical) = canonical {
        push_unique(&mut target.aliases, &canonical);
        target.canonical = Some(canonical);
    }
    target.drafts.sort_unstable();
}

/// The lexicon's name for countries and lexicon entries; otherwise the fullest name
/// seen (most words; acronyms only when nothing else names the entity).
fn canonical_name(cluster: &Cluster, lexicon: &Lexicon) -> String {
    if cluster.kind == EntityKind::Country
        && let Some(code) = &cluster.country
        && let Some(country) = lexicon.country(code)
    {
        return country.name.clone();
    }
    if let Some(canonical) = &cluster.canonical {
        return canonical.clone();
    }
    cluster
        .names
        .iter()
        .max_by_key(|name| {
            (
                !pw_text::is_acronym(name),
                name.split_whitespace().count(),
                name.len(),
            )
        })
        .or(cluster.aliases.first())
        .cloned()
        .unwrap_or_default()
}

/// The country of a country, demonym or organization mention that ends right before a
/// person's mention with only title words between ("U.S. Navy Adm. Craig S. Faller").
/// `drafts` are sorted by start.
fn country_before_title(doc: &Doc, drafts: &[Draft], person: &Draft) -> Option<String> {
    let at = drafts.partition_point(|draft| draft.span.start < person.span.start);
    let before = drafts[..at].iter().rev().take(4).find(|draft| {
        draft.span.end <= person.span.start
            && matches!(
                draft.kind,
                Some(EntityKind::Country) | Some(EntityKind::Organization)
            )
    })?;
    let gap = &doc.text[before.span.end..person.span.start];
    let only_titles = gap.len() <= 48
        && !gap.trim().is_empty()
        && gap.split_whitespace().all(|word| {
            crate::words::TITLE_HEADS.contains_folded(word)
                || crate::words::TITLE_MODIFIERS.contains_folded(word)
        });
    if only_titles {
        before.country.clone()
    } else {
        None
    }
}

/// A country that belongs to another person's name: "President Zelenskyy of Ukraine".
fn belongs_to_person(doc: &Doc, person_ends: &HashSet<usize>, country: &Draft) -> bool {
    let before = doc.text[..country.span.start].trim_end();
    let Some(before_of) = before.strip_suffix(" of") else {
        return false;
    };
    let before_of = before_of.trim_end_matches([' ', ',']);
    person_ends.contains(&before_of.len())
}

/// The one lexicon person with this cluster's surname, when the cluster's given name, if
/// it has one, starts with the same two letters ("Joseph R. Biden" = "Joe Biden", but
/// not "Jill Biden").
fn lexicon_person_by_surname<'l>(
    lexicon: &'l Lexicon,
    cluster: &Cluster,
) -> Option<&'l pw_lexicon::Entry> {
    let name = cluster
        .names
        .iter()
        .max_by_key(|name| name.split_whitespace().count())?;
    let words: Vec<&str> = name.split_whitespace().collect();
    let surname = words.last()?;
    let entry = lexicon.person_by_surname(surname)?;
    if words.len() > 1 {
        let prefix =
            |word: &str| -> String { word.chars().take(2).collect::<String>().to_lowercase() };
        let known = entry.canonical.split_whitespace().next()?;
        if words[0].chars().count() < 2 || prefix(words[0]) != prefix(known) {
            return None;
        }
    }
    Some(entry)
}

/// The cluster's name starts with an international organization of the lexicon.
fn starts_international(lexicon: &Lexicon, cluster: &Cluster) -> bool {
    cluster.names.iter().any(|name| {
        // Prefixes of up to four words, each ending before a space.
        name.match_indices(' ')
            .take(4)
            .any(|(end, _)| lexicon.is_international_org(&name[..end]))
    })
}
