//! Entities across articles: article entities that name the same real-world entity are
//! joined into one [`RecordEntity`], with the reason of every join.
//!
//! The method is union-find over blocking keys, so the work is near-linear in the number
//! of article entities: every entity emits a few keys (country code, folded name, loose
//! name, folded aliases, acronyms, surname), and only entities sharing a key are compared.
//! Keys are tried from the strongest evidence to the weakest:
//!
//! 1. countries by ISO code;
//! 2. the same folded full name (people: at least two name words);
//! 3. the same loose name (stop words dropped, plural `s` stripped: "Coalition Towards
//!    Reform" = "Coalition Toward Reform"), not for people;
//! 4. a shared name or alias (people: aliases of at least two words);
//! 5. organizations sharing an acronym ("ISC"), when their long names share a word;
//! 6. a surname-only person joins the one person whose full name holds that surname;
//!    when two do, it joins neither.
//!
//! Every join checks the two clusters as wholes, so a chain of weak links cannot join
//! what the evidence separates: kinds must agree; known countries must overlap (except
//! for people with the same full name, whose per-article country is often a guess from
//! context); and all full names of a person must be parts of one fullest name ("Ana
//! Rojas" ⊂ "Ana Rojas Vidal" ⊃ "Rojas Vidal", but "Marco Paz" and "Luisa Paz Ortega"
//! cannot be one person). An entity whose country is unknown joins a block only
//! when exactly one cluster of that block fits it.
//!
//! The user's corrections are applied last, in order, on every build.

use crate::model::{ArticleInput, Correction, Corrections, EntityRef, MergeReason, RecordEntity};
use crate::model::{RoleSeen, Sighting};
use crate::util::{UnionFind, most_common, stable_id};
use pw_lexicon::words::LOOSE_NAME_STOP_WORDS;
use pw_model::{Entity, EntityId, EntityKind};
use pw_text::fold;
use rustc_hash::{FxHashMap, FxHashSet};

/// The resolved entities and where every article entity went.
pub(crate) struct Resolved {
    pub entities: Vec<RecordEntity>,
    /// For each article (input order), for each entity position: the index in `entities`.
    pub by_article: Vec<Vec<usize>>,
}

/// How many cluster representatives of one block a new entity is compared with. Blocks
/// with more distinct clusters than this (a generic name in many countries) stay split
/// beyond it rather than going quadratic.
const MAX_REPRESENTATIVES: usize = 64;

struct Member<'a> {
    article: usize,
    entity: &'a Entity,
    folded: String,
    /// Interned folded name words, in order.
    words: Vec<u32>,
    country: Option<u16>,
}

/// What a cluster must keep to judge a join as a whole.
#[derive(Clone, Default)]
struct Summary {
    kind: Option<EntityKind>,
    countries: Vec<u16>,
    /// Distinct full names of people, as sorted word sets.
    names: Vec<Vec<u32>>,
}

struct Resolver<'a> {
    articles: &'a [ArticleInput<'a>],
    members: Vec<Member<'a>>,
    sets: UnionFind,
    summaries: Vec<Summary>,
    /// Members taken out by a split correction: no automatic join touches them.
    excluded: Vec<bool>,
    reasons: Vec<(usize, usize, String)>,
}

fn is_acronym(word: &str) -> bool {
    pw_text::is_acronym(word) && !word.contains(' ')
}

/// Folded name with stop words dropped and a plural `s` stripped from longer words.
fn loose(folded: &str) -> String {
    let mut out = String::with_capacity(folded.len());
    for word in folded.split(' ') {
        if LOOSE_NAME_STOP_WORDS.contains(word) {
            continue;
        }
        let word = match word.strip_suffix('s') {
            Some(stem) if stem.len() >= 3 && !stem.ends_with('s') => stem,
            _ => word,
        };
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// True when every element of `small` is in `large` (both sorted).
fn is_subset(small: &[u32], large: &[u32]) -> bool {
    let mut rest = large.iter();
    small.iter().all(|word| rest.any(|other| other == word))
}

/// All names are parts of one fullest name.
fn one_fullest_name(names: &[&Vec<u32>]) -> bool {
    let Some(fullest) = names.iter().max_by_key(|name| name.len()) else {
        return true;
    };
    names.iter().all(|name| is_subset(name, fullest))
}

impl<'a> Resolver<'a> {
    fn new(articles: &'a [ArticleInput<'a>], order: &[usize]) -> Resolver<'a> {
        let mut words: FxHashMap<String, u32> = FxHashMap::default();
        let mut countries: FxHashMap<&str, u16> = FxHashMap::default();
        let mut members = Vec::new();
        for &article in order {
            for entity in &articles[article].extraction.entities {
                let folded = fold(&entity.name);
                let name_words = folded
                    .split(' ')
                    .filter(|word| !word.is_empty())
                    .map(|word| {
                        let next = words.len() as u32;
                        *words.entry(word.to_string()).or_insert(next)
                    })
                    .collect();
                let country = entity.country.as_deref().map(|code| {
                    let next = countries.len() as u16;
                    *countries.entry(code).or_insert(next)
                });
                members.push(Member {
                    article,
                    entity,
                    folded,
                    words: name_words,
                    country,
                });
            }
        }
        let summaries = members
            .iter()
            .map(|member| {
                let mut names = Vec::new();
                if member.entity.kind == EntityKind::Person && !member.words.is_empty() {
                    let mut set = member.words.clone();
                    set.sort_unstable();
                    set.dedup();
                    names.push(set);
                }
                Summary {
                    kind: Some(member.entity.kind),
                    countries: member.country.into_iter().collect(),
                    names,
                }
            })
            .collect();
        let n = members.len();
        Resolver {
            articles,
            members,
            sets: UnionFind::new(n),
            summaries,
            excluded: vec![false; n],
            reasons: Vec::new(),
        }
    }

    fn reference(&self, member: usize) -> EntityRef {
        let member = &self.members[member];
        EntityRef {
            article: self.articles[member.article].key.to_string(),
            entity: member.entity.id,
        }
    }

    fn has_country(&mut self, member: usize) -> bool {
        let root = self.sets.find(member);
        !self.summaries[root].countries.is_empty()
    }

    /// Whether the clusters of `a` and `b` may be one entity. `strong` evidence (the same
    /// full name of a person) overrides a country disagreement.
    fn compatible(&mut self, a: usize, b: usize, strong: bool) -> bool {
        let (root_a, root_b) = (self.sets.find(a), self.sets.find(b));
        if root_a == root_b {
            return true;
        }
        let (left, right) = (&self.summaries[root_a], &self.summaries[root_b]);
        if left.kind != right.kind {
            return false;
        }
        if !strong
            && !left.countries.is_empty()
            && !right.countries.is_empty()
            && !left
                .countries
                .iter()
                .any(|code| right.countries.contains(code))
        {
            return false;
        }
        if left.kind == Some(EntityKind::Person) {
            let names: Vec<&Vec<u32>> = left.names.iter().chain(&right.names).collect();
            if !one_fullest_name(&names) {
                return false;
            }
        }
        true
    }

    fn join(&mut self, a: usize, b: usize, reason: String) -> bool {
        let Some((root, absorbed)) = self.sets.union(a, b) else {
            return false;
        };
        let absorbed = std::mem::take(&mut self.summaries[absorbed]);
        let summary = &mut self.summaries[root];
        for code in absorbed.countries {
            if !summary.countries.contains(&code) {
                summary.countries.push(code);
            }
        }
        for name in absorbed.names {
            if !summary.names.contains(&name) {
                summary.names.push(name);
            }
        }
        self.reasons.push((a, b, reason));
        true
    }

    /// Joins the members of one block: known-country clusters first (each joins the first
    /// representative it fits, or becomes one), then unknown-country ones, which join
    /// only a single fitting cluster.
    fn merge_block(
        &mut self,
        block: &[usize],
        strong: bool,
        fits: &dyn Fn(&Resolver<'a>, usize, usize) -> bool,
        reason: &dyn Fn(&Resolver<'a>, usize, usize) -> String,
    ) {
        let block: Vec<usize> = block
            .iter()
            .copied()
            .filter(|&member| !self.excluded[member])
            .collect();
        if block.len() < 2 {
            return;
        }
        let (mut known, mut unknown) = (Vec::new(), Vec::new());
        for &member in &block {
            if strong || self.has_country(member) {
                known.push(member);
            } else {
                unknown.push(member);
            }
        }
        if known.is_empty() {
            // Nothing pins a country: the unknowns are judged among themselves.
            std::mem::swap(&mut known, &mut unknown);
        }
        let mut representatives: Vec<usize> = Vec::new();
        for &member in &known {
            let mut placed = false;
            for &representative in representatives.iter().take(MAX_REPRESENTATIVES) {
                if self.sets.find(representative) == self.sets.find(member) {
                    placed = true;
                    break;
                }
                if self.compatible(member, representative, strong)
                    && fits(self, member, representative)
                {
                    let why = reason(self, member, representative);
                    self.join(member, representative, why);
                    placed = true;
                    break;
                }
            }
            if !placed {
                representatives.push(member);
            }
        }
        for &member in &unknown {
            let mut fitting: Option<usize> = None;
            let mut ambiguous = false;
            for &representative in representatives.iter().take(MAX_REPRESENTATIVES) {
                if !(self.compatible(member, representative, strong)
                    && fits(self, member, representative))
                {
                    continue;
                }
                let root = self.sets.find(representative);
                match fitting {
                    Some(other) if self.sets.find(other) != root => ambiguous = true,
                    Some(_) => {}
                    None => fitting = Some(representative),
                }
            }
            if let (Some(representative), false) = (fitting, ambiguous) {
                let why = reason(self, member, representative);
                self.join(member, representative, why);
            }
        }
    }

    /// Groups members by key, in first-seen order (deterministic), and merges each block.
    fn merge_by_key(
        &mut self,
        keys: &dyn Fn(&Member<'a>) -> Vec<String>,
        strong: &dyn Fn(&Member<'a>) -> bool,
        fits: &dyn Fn(&Resolver<'a>, usize, usize) -> bool,
        reason: &dyn Fn(&Resolver<'a>, usize, usize) -> String,
    ) {
        let mut index: FxHashMap<String, usize> = FxHashMap::default();
        let mut blocks: Vec<Vec<usize>> = Vec::new();
        for (member_index, member) in self.members.iter().enumerate() {
            for key in keys(member) {
                let next = blocks.len();
                let block = *index.entry(key).or_insert(next);
                if block == next {
                    blocks.push(Vec::new());
                }
                if blocks[block].last() != Some(&member_index) {
                    blocks[block].push(member_index);
                }
            }
        }
        for block in blocks {
            let strong = block.iter().all(|&member| strong(&self.members[member]));
            self.merge_block(&block, strong, fits, reason);
        }
    }

    fn resolve(&mut self) {
        let always = |_: &Resolver<'a>, _: usize, _: usize| true;
        let never_strong = |_: &Member<'a>| false;

        // 1. Countries by code.
        self.merge_by_key(
            &|member| match (member.entity.kind, &member.entity.country) {
                (EntityKind::Country, Some(code)) => vec![format!("country {code}")],
                (EntityKind::Country, None) => vec![format!("country name {}", member.folded)],
                _ => Vec::new(),
            },
            &|_| true,
            &always,
            &|resolver, a, _| match &resolver.members[a].entity.country {
                Some(code) => format!("same country ({code})"),
                None => "same country name".to_string(),
            },
        );

        // 2. The same full name.
        self.merge_by_key(
            &|member| {
                let kind = member.entity.kind;
                if kind == EntityKind::Country
                    || member.folded.is_empty()
                    || (kind == EntityKind::Person && member.words.len() < 2)
                {
                    return Vec::new();
                }
                vec![format!("{kind} {}", member.folded)]
            },
            &|member| member.entity.kind == EntityKind::Person,
            &always,
            &|resolver, a, _| {
                let member = &resolver.members[a];
                match member.entity.kind {
                    EntityKind::Person => format!("same full name \"{}\"", member.entity.name),
                    _ => format!(
                        "same name \"{}\" and no country disagreement",
                        member.entity.name
                    ),
                }
            },
        );

        // 3. The same loose name (spelling variants), not for people.
        self.merge_by_key(
            &|member| {
                let kind = member.entity.kind;
                if matches!(kind, EntityKind::Country | EntityKind::Person) {
                    return Vec::new();
                }
                let key = loose(&member.folded);
                if key.is_empty() {
                    return Vec::new();
                }
                vec![format!("{kind} {key}")]
            },
            &never_strong,
            &always,
            &|resolver, a, b| {
                format!(
                    "same name up to spelling: \"{}\" / \"{}\"",
                    resolver.members[a].entity.name, resolver.members[b].entity.name
                )
            },
        );

        // 4. A shared name or alias.
        self.merge_by_key(
            &|member| {
                let kind = member.entity.kind;
                if kind == EntityKind::Country {
                    return Vec::new();
                }
                let mut keys = Vec::new();
                for surface in std::iter::once(&member.entity.name).chain(&member.entity.aliases) {
                    if kind == EntityKind::Organization && is_acronym(surface) {
                        continue;
                    }
                    let folded = fold(surface);
                    if folded.is_empty() || (kind == EntityKind::Person && !folded.contains(' ')) {
                        continue;
                    }
                    let key = format!("{kind} {folded}");
                    if !keys.contains(&key) {
                        keys.push(key);
                    }
                }
                keys
            },
            &never_strong,
            &always,
            &|resolver, a, b| {
                let (left, right) = (&resolver.members[a], &resolver.members[b]);
                let shared = shared_surface(left.entity, right.entity).unwrap_or_default();
                format!("shared name or alias \"{shared}\"")
            },
        );

        // 5. Organizations sharing an acronym.
        self.merge_by_key(
            &|member| {
                if member.entity.kind != EntityKind::Organization {
                    return Vec::new();
                }
                std::iter::once(&member.entity.name)
                    .chain(&member.entity.aliases)
                    .filter(|surface| is_acronym(surface))
                    .map(|surface| format!("acronym {}", fold(surface).replace(' ', "")))
                    .collect::<FxHashSet<_>>()
                    .into_iter()
                    .collect::<std::collections::BTreeSet<_>>()
                    .into_iter()
                    .collect()
            },
            &never_strong,
            &|resolver, a, b| long_names_agree(&resolver.members[a], &resolver.members[b]),
            &|resolver, a, b| {
                let acronym =
                    shared_acronym(resolver.members[a].entity, resolver.members[b].entity)
                        .unwrap_or_default();
                format!("acronym {acronym} in both")
            },
        );

        // 6. Surname-only people.
        self.merge_surnames();
    }

    fn merge_surnames(&mut self) {
        let mut by_surname: FxHashMap<u32, Vec<usize>> = FxHashMap::default();
        for (index, member) in self.members.iter().enumerate() {
            if member.entity.kind == EntityKind::Person
                && member.words.len() >= 2
                && !self.excluded[index]
            {
                for &word in &member.words[1..] {
                    let list = by_surname.entry(word).or_default();
                    if list.last() != Some(&index) {
                        list.push(index);
                    }
                }
            }
        }
        // One member per cluster is enough to stand for it.
        for list in by_surname.values_mut() {
            let mut roots = FxHashSet::default();
            list.retain(|&member| roots.insert(self.sets.find(member)));
        }
        let mut alone: FxHashMap<(u32, u16), usize> = FxHashMap::default();
        for index in 0..self.members.len() {
            let member = &self.members[index];
            if member.entity.kind != EntityKind::Person
                || member.words.len() != 1
                || self.excluded[index]
            {
                continue;
            }
            let surname = member.words[0];
            let candidates = by_surname.get(&surname).cloned().unwrap_or_default();
            let mut roots: Vec<(usize, usize)> = Vec::new();
            for candidate in candidates {
                if self.compatible(index, candidate, false) {
                    let root = self.sets.find(candidate);
                    if !roots.iter().any(|&(seen, _)| seen == root) {
                        roots.push((root, candidate));
                    }
                }
            }
            let name = self.members[index].entity.name.clone();
            match roots.as_slice() {
                [(_, candidate)] => {
                    let full = self.members[*candidate].entity.name.clone();
                    self.join(
                        index,
                        *candidate,
                        format!("surname \"{name}\" fits only one person: \"{full}\""),
                    );
                }
                [] => {
                    // No full name anywhere: join others of that single name and country.
                    if let Some(country) = self.members[index].country {
                        match alone.get(&(surname, country)) {
                            Some(&other) => {
                                self.join(
                                    index,
                                    other,
                                    format!("same single name \"{name}\" and country"),
                                );
                            }
                            None => {
                                alone.insert((surname, country), index);
                            }
                        }
                    }
                }
                _ => {}
            }
        }
    }
}

/// A name or alias two entities share, folded.
fn shared_surface(left: &Entity, right: &Entity) -> Option<String> {
    let right_surfaces: FxHashSet<String> = std::iter::once(&right.name)
        .chain(&right.aliases)
        .map(|surface| fold(surface))
        .collect();
    std::iter::once(&left.name)
        .chain(&left.aliases)
        .find(|surface| right_surfaces.contains(&fold(surface)))
        .cloned()
}

/// The acronyms of an entity: (matching key, as written).
fn acronyms(entity: &Entity) -> Vec<(String, &str)> {
    std::iter::once(&entity.name)
        .chain(&entity.aliases)
        .filter(|surface| is_acronym(surface))
        .map(|surface| (fold(surface).replace(' ', ""), surface.as_str()))
        .collect()
}

fn shared_acronym(left: &Entity, right: &Entity) -> Option<String> {
    let right = acronyms(right);
    acronyms(left)
        .into_iter()
        .find(|(key, _)| right.iter().any(|(other, _)| other == key))
        .map(|(_, written)| written.to_string())
}

/// Two organizations tied by an acronym: either one is known by the acronym alone, or
/// their long names share a content word (which keeps "Missile Defense Agency (MDA)"
/// apart from "Media Development Authority (MDA)").
fn long_names_agree(left: &Member<'_>, right: &Member<'_>) -> bool {
    let content = |member: &Member<'_>| -> FxHashSet<String> {
        loose(&member.folded)
            .split(' ')
            .filter(|word| word.len() >= 3)
            .map(str::to_string)
            .collect()
    };
    if is_acronym(&left.entity.name) || is_acronym(&right.entity.name) {
        return true;
    }
    let left_words = content(left);
    content(right).iter().any(|word| left_words.contains(word))
}

/// Joins, splits and merges by the user, in order, over the automatic clusters.
fn apply_corrections(
    resolver: &mut Resolver<'_>,
    corrections: &Corrections,
    lookup: &FxHashMap<(&str, EntityId), usize>,
) -> Vec<usize> {
    let n = resolver.members.len();
    let mut label: Vec<usize> = (0..n).map(|member| resolver.sets.find(member)).collect();
    let mut groups: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    for (member, &group) in label.iter().enumerate() {
        groups.entry(group).or_default().push(member);
    }
    let mut next_label = n;
    let find = |reference: &EntityRef| {
        lookup
            .get(&(reference.article.as_str(), reference.entity))
            .copied()
    };
    for correction in &corrections.items {
        match correction {
            Correction::Merge { a, b } => {
                let (Some(a), Some(b)) = (find(a), find(b)) else {
                    continue;
                };
                let (keep, gone) = (label[a], label[b]);
                if keep == gone {
                    continue;
                }
                let moved = groups.remove(&gone).unwrap_or_default();
                for &member in &moved {
                    label[member] = keep;
                }
                groups.entry(keep).or_default().extend(moved);
                resolver.reasons.push((a, b, "user merge".to_string()));
            }
            Correction::Split { mention } => {
                let Some(member) = find(mention) else {
                    continue;
                };
                if let Some(group) = groups.get_mut(&label[member]) {
                    group.retain(|&other| other != member);
                }
                label[member] = next_label;
                groups.insert(next_label, vec![member]);
                next_label += 1;
            }
        }
    }
    label
}

/// Resolves the entities of all articles. `order` lists article indices sorted by key.
pub(crate) fn resolve(
    articles: &[ArticleInput<'_>],
    order: &[usize],
    corrections: &Corrections,
) -> Resolved {
    let mut resolver = Resolver::new(articles, order);
    let mut lookup: FxHashMap<(&str, EntityId), usize> = FxHashMap::default();
    for (index, member) in resolver.members.iter().enumerate() {
        lookup.insert((articles[member.article].key, member.entity.id), index);
    }
    for correction in &corrections.items {
        if let Correction::Split { mention } = correction
            && let Some(&member) = lookup.get(&(mention.article.as_str(), mention.entity))
        {
            resolver.excluded[member] = true;
        }
    }
    resolver.resolve();
    let label = apply_corrections(&mut resolver, corrections, &lookup);
    assemble(&resolver, &label)
}

fn assemble(resolver: &Resolver<'_>, label: &[usize]) -> Resolved {
    let articles = resolver.articles;
    // Members are in article-key order, so the first member of a group is its smallest.
    let mut group_of_label: FxHashMap<usize, usize> = FxHashMap::default();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (member, &group_label) in label.iter().enumerate() {
        let next = groups.len();
        let group = *group_of_label.entry(group_label).or_insert(next);
        if group == next {
            groups.push(Vec::new());
        }
        groups[group].push(member);
    }
    let mut reasons_of: Vec<Vec<MergeReason>> = vec![Vec::new(); groups.len()];
    for (a, b, reason) in &resolver.reasons {
        let group = group_of_label[&label[*a]];
        if group_of_label[&label[*b]] == group {
            reasons_of[group].push(MergeReason {
                a: resolver.reference(*a),
                b: resolver.reference(*b),
                reason: reason.clone(),
            });
        }
    }
    let mut entities = Vec::with_capacity(groups.len());
    let mut ids_seen: FxHashSet<String> = FxHashSet::default();
    for (group, merges) in groups.iter().zip(reasons_of) {
        let members: Vec<&Member<'_>> = group
            .iter()
            .map(|&member| &resolver.members[member])
            .collect();
        let first = resolver.reference(group[0]);
        let mut id = stable_id('E', &format!("{}\u{0}{}", first.article, first.entity));
        while !ids_seen.insert(id.clone()) {
            id.push('x');
        }
        let kind = most_common(members.iter().map(|member| member.entity.kind))
            .unwrap_or(EntityKind::Organization);
        let name = choose_name(&members, kind);
        let mut aliases: Vec<String> = members
            .iter()
            .flat_map(|member| std::iter::once(&member.entity.name).chain(&member.entity.aliases))
            .cloned()
            .collect();
        aliases.sort();
        aliases.dedup();
        let country = most_common(
            members
                .iter()
                .filter_map(|member| member.entity.country.clone()),
        );
        let mut roles: Vec<RoleSeen> = Vec::new();
        let mut sightings = Vec::new();
        for member in &members {
            let article = &articles[member.article];
            for role in &member.entity.roles {
                if !roles
                    .iter()
                    .any(|seen| &seen.role == role && seen.article == article.key)
                {
                    roles.push(RoleSeen {
                        role: role.clone(),
                        article: article.key.to_string(),
                        date: article.meta.published,
                    });
                }
            }
            for mention in &member.entity.mentions {
                sightings.push(Sighting {
                    article: article.key.to_string(),
                    entity: member.entity.id,
                    sentence: mention.sentence,
                    span: mention.span,
                });
            }
        }
        entities.push(RecordEntity {
            id,
            kind,
            name,
            aliases,
            country,
            roles,
            members: group
                .iter()
                .map(|&member| resolver.reference(member))
                .collect(),
            sightings,
            merges,
        });
    }
    let mut by_article: Vec<Vec<usize>> = articles
        .iter()
        .map(|article| vec![usize::MAX; article.extraction.entities.len()])
        .collect();
    // Position of each member within its article: members were pushed in entity order.
    let mut position_in_article: Vec<usize> = vec![0; articles.len()];
    let sort_keys: Vec<(String, &str)> = entities
        .iter()
        .map(|entity| (fold(&entity.name), entity.id.as_str()))
        .collect();
    let mut order: Vec<usize> = (0..entities.len()).collect();
    order.sort_by(|&a, &b| sort_keys[a].cmp(&sort_keys[b]));
    let mut new_index = vec![0; entities.len()];
    for (rank, &old) in order.iter().enumerate() {
        new_index[old] = rank;
    }
    for (member, &group_label) in label.iter().enumerate() {
        let article = resolver.members[member].article;
        let position = position_in_article[article];
        position_in_article[article] += 1;
        by_article[article][position] = new_index[group_of_label[&group_label]];
    }
    let mut slots: Vec<Option<RecordEntity>> = entities.into_iter().map(Some).collect();
    let entities = order
        .iter()
        .map(|&old| slots[old].take().expect("each entity is taken once"))
        .collect();
    Resolved {
        entities,
        by_article,
    }
}

/// People: the fullest name (most words), then the most common. Others: the most common
/// name, then the longest.
fn choose_name(members: &[&Member<'_>], kind: EntityKind) -> String {
    let mut counts: Vec<(&str, usize, usize)> = Vec::new();
    for member in members {
        let name = member.entity.name.as_str();
        match counts.iter_mut().find(|(seen, _, _)| *seen == name) {
            Some(entry) => entry.1 += 1,
            None => counts.push((name, 1, member.words.len())),
        }
    }
    counts.sort_by(|a, b| {
        let by_count = b.1.cmp(&a.1).then_with(|| b.0.len().cmp(&a.0.len()));
        let order = if kind == EntityKind::Person {
            b.2.cmp(&a.2).then(by_count)
        } else {
            by_count
        };
        order.then_with(|| a.0.cmp(b.0))
    });
    counts
        .first()
        .map(|(name, _, _)| name.to_string())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use crate::testkit::{article, build_all, entity_of, same};
    use crate::{Correction, Corrections, EntityRef};
    use pw_model::EntityKind::{Equipment, Organization, Person};

    #[test]
    fn name_variants_of_one_person_merge() {
        let mut a = article("a", None, None);
        let short = a.entity(Person, "Ana Rojas", &["Rojas"], Some("AAA"));
        let mut b = article("b", None, None);
        let full = b.entity(
            Person,
            "Ana Rojas Vidal",
            &["Ana Rojas", "Rojas"],
            Some("AAA"),
        );
        let mut c = article("c", None, None);
        let tail = c.entity(Person, "Rojas Vidal", &["Ana Rojas", "Rojas"], Some("AAA"));
        let record = build_all(&[a, b, c], &Corrections::default());
        assert!(same(&record, ("a", short), ("b", full)));
        assert!(same(&record, ("a", short), ("c", tail)));
        let entity = entity_of(&record, "a", short);
        assert_eq!(entity.name, "Ana Rojas Vidal");
        assert_eq!(entity.merges.len(), 2);
        assert!(entity.merges.iter().all(|merge| !merge.reason.is_empty()));
    }

    #[test]
    fn two_people_called_paz_stay_apart() {
        let mut a = article("a", None, None);
        let marco = a.entity(Person, "Marco Paz", &["Paz"], Some("AAA"));
        let mut b = article("b", None, None);
        let luisa = b.entity(Person, "Luisa Paz Ortega", &["Paz"], Some("AAA"));
        let mut c = article("c", None, None);
        let bare = c.entity(Person, "Paz", &[], Some("AAA"));
        let record = build_all(&[a, b, c], &Corrections::default());
        assert!(!same(&record, ("a", marco), ("b", luisa)));
        // The bare surname fits both, so it joins neither.
        assert!(!same(&record, ("c", bare), ("a", marco)));
        assert!(!same(&record, ("c", bare), ("b", luisa)));
    }

    #[test]
    fn a_surname_joins_the_only_person_it_fits() {
        let mut a = article("a", None, None);
        let marco = a.entity(Person, "Marco Paz", &["Paz"], Some("AAA"));
        let mut b = article("b", None, None);
        let bare = b.entity(Person, "Paz", &[], None);
        let mut c = article("c", None, None);
        let other = c.entity(Person, "Elena Paz", &[], Some("CCC"));
        let mut d = article("d", None, None);
        let other_bare = d.entity(Person, "Paz", &[], Some("CCC"));
        let record = build_all(&[a, b, c, d], &Corrections::default());
        // Unknown country: two candidates, so it stays alone.
        assert!(!same(&record, ("b", bare), ("a", marco)));
        // A known country leaves one candidate.
        assert!(same(&record, ("d", other_bare), ("c", other)));
        assert!(!same(&record, ("a", marco), ("c", other)));
    }

    #[test]
    fn ministries_of_different_countries_stay_apart() {
        let mut a = article("a", None, None);
        let first_country = a.entity(Organization, "Ministry of Defense", &[], Some("AAA"));
        let mut b = article("b", None, None);
        let second_country = b.entity(Organization, "Ministry of Defense", &[], Some("BBB"));
        let mut c = article("c", None, None);
        let first_again = c.entity(Organization, "Ministry of Defense", &[], Some("AAA"));
        let mut d = article("d", None, None);
        let unknown = d.entity(Organization, "Ministry of Defense", &[], None);
        let record = build_all(&[a, b, c, d], &Corrections::default());
        assert!(!same(&record, ("a", first_country), ("b", second_country)));
        assert!(same(&record, ("a", first_country), ("c", first_again)));
        assert!(!same(&record, ("d", unknown), ("a", first_country)));
        assert!(!same(&record, ("d", unknown), ("b", second_country)));
    }

    #[test]
    fn a_person_and_an_organization_of_one_name_stay_apart() {
        let mut a = article("a", None, None);
        let person = a.entity(Person, "Jordan Hill", &[], Some("USA"));
        let mut b = article("b", None, None);
        let company = b.entity(Organization, "Jordan Hill", &[], Some("USA"));
        let record = build_all(&[a, b], &Corrections::default());
        assert!(!same(&record, ("a", person), ("b", company)));
    }

    #[test]
    fn a_shared_acronym_ties_a_garbled_translation() {
        let mut a = article("a", None, None);
        let institute = a.entity(
            Organization,
            "Institute for the Study of Conflict",
            &["ISC"],
            Some("USA"),
        );
        let agency = a.entity(
            Organization,
            "Missile Defense Agency",
            &["MDA"],
            Some("USA"),
        );
        let mut b = article("b", None, None);
        let garbled = b.entity(
            Organization,
            "Institute for Conflict Studies",
            &["ISC"],
            None,
        );
        let authority = b.entity(
            Organization,
            "Media Development Authority",
            &["MDA"],
            Some("USA"),
        );
        let record = build_all(&[a, b], &Corrections::default());
        assert!(same(&record, ("a", institute), ("b", garbled)));
        let merged = entity_of(&record, "a", institute);
        assert!(
            merged.merges[0].reason.contains("ISC"),
            "{:?}",
            merged.merges
        );
        assert!(!same(&record, ("a", agency), ("b", authority)));
    }

    #[test]
    fn lexicon_aliases_tie_equipment() {
        let mut a = article("a", None, None);
        let canonical = a.entity(Equipment, "Falcon-7", &["FX-700"], Some("BBB"));
        let mut b = article("b", None, None);
        let local = b.entity(Equipment, "FX-700", &[], None);
        let record = build_all(&[a, b], &Corrections::default());
        assert!(same(&record, ("a", canonical), ("b", local)));
    }

    fn reference(article: &str, entity: pw_model::EntityId) -> EntityRef {
        EntityRef {
            article: article.to_string(),
            entity,
        }
    }

    #[test]
    fn corrections_survive_a_rebuild() {
        let make = |with_extra: bool| {
            let mut a = article("a", None, None);
            let first = a.entity(Person, "Ana Rojas", &[], Some("AAA"));
            let mut b = article("b", None, None);
            let second = b.entity(Person, "Ana Rojas", &[], Some("AAA"));
            let other = b.entity(Organization, "Rojas Foundation", &[], Some("AAA"));
            let mut articles = vec![a, b];
            if with_extra {
                let mut c = article("c", None, None);
                c.entity(Person, "Ana Rojas", &[], Some("AAA"));
                articles.push(c);
            }
            (articles, first, second, other)
        };
        let (articles, first, second, other) = make(false);
        let automatic = build_all(&articles, &Corrections::default());
        assert!(same(&automatic, ("a", first), ("b", second)));
        let corrections = Corrections {
            items: vec![
                Correction::Split {
                    mention: reference("b", second),
                },
                Correction::Merge {
                    a: reference("b", other),
                    b: reference("a", first),
                },
            ],
        };
        for with_extra in [false, true] {
            let (articles, first, second, other) = make(with_extra);
            let record = build_all(&articles, &corrections);
            assert!(!same(&record, ("a", first), ("b", second)), "split holds");
            assert!(same(&record, ("a", first), ("b", other)), "merge holds");
            assert_eq!(entity_of(&record, "b", second).members.len(), 1);
            let merged = entity_of(&record, "a", first);
            assert!(
                merged
                    .merges
                    .iter()
                    .any(|merge| merge.reason == "user merge")
            );
            if with_extra {
                // Re-ingest brought a new article: it still joins by name.
                assert_eq!(merged.members.len(), 3);
            }
        }
    }
}
