//! Stories: near-duplicate articles, such as one wire story republished by several
//! outlets under different headers.
//!
//! Two signals join articles, both through union-find so a story is a connected group:
//!
//! - **Text.** MinHash over word 5-gram shingles of the folded text (128 hash functions,
//!   multiply-add over a fixed FNV hash of each shingle), LSH with 32 bands of 4 rows to
//!   find candidates, and a join when the estimated Jaccard similarity is at least
//!   [`TEXT_THRESHOLD`]. Near-linear in the number of articles.
//! - **Cast.** A translation or heavy rewrite of one story shares few word 5-grams but
//!   names the same people and organizations. Two articles join when the smaller one's
//!   people and organizations (record entities) are at least [`CAST_CONTAINMENT`] contained
//!   in the other's, with at least [`CAST_MIN_SHARED`] shared, and their publication dates
//!   (when both are known) are at most [`CAST_MAX_DAYS`] apart. Entities named in more
//!   than [`CAST_MAX_POSTING`] articles are not used to find candidates.
//!
//! Every article is in exactly one story; a story's id derives from its smallest article
//! key, so it is stable as articles are added.

use crate::model::{ArticleInput, Story, StoryLink};
use crate::util::{FNV_OFFSET, UnionFind, fnv_step, interval, mix, stable_id};
use pw_model::EntityKind;
use rustc_hash::FxHashMap;

/// Estimated Jaccard similarity of shingle sets from which two texts are one story.
pub const TEXT_THRESHOLD: f64 = 0.5;
/// Share of the smaller article's cast that the other must name.
pub const CAST_CONTAINMENT: f64 = 0.8;
/// Shared people and organizations needed for a cast join.
pub const CAST_MIN_SHARED: usize = 5;
/// Publication dates further apart than this are never one story by cast.
pub const CAST_MAX_DAYS: i64 = 14;
/// Entities in more articles than this do not propose cast candidates.
pub const CAST_MAX_POSTING: usize = 200;

const SHINGLE_WORDS: usize = 5;
const HASHES: usize = 128;
const BANDS: usize = 32;
const ROWS: usize = HASHES / BANDS;
/// Candidates compared per article within one LSH bucket.
const MAX_BUCKET_COMPARISONS: usize = 32;

/// The MinHash signature of a text; `None` when the text has no words.
pub(crate) fn signature(text: &str) -> Option<Vec<u64>> {
    let folded = pw_text::fold(text);
    let words: Vec<&str> = folded.split(' ').filter(|word| !word.is_empty()).collect();
    if words.is_empty() {
        return None;
    }
    let width = SHINGLE_WORDS.min(words.len());
    // The hash of the words of a window joined by spaces, without joining them.
    let mut shingles: Vec<u64> = words
        .windows(width)
        .map(|window| {
            let mut hash = FNV_OFFSET;
            for (at, word) in window.iter().enumerate() {
                if at > 0 {
                    hash = fnv_step(hash, b" ");
                }
                hash = fnv_step(hash, word.as_bytes());
            }
            mix(hash)
        })
        .collect();
    shingles.sort_unstable();
    shingles.dedup();
    // Fixed, odd multipliers and offsets derived from the index.
    let (multipliers, offsets) = permutations();
    let mut signature = vec![u64::MAX; HASHES];
    for &shingle in &shingles {
        for ((slot, &multiplier), &offset) in signature.iter_mut().zip(multipliers).zip(offsets) {
            *slot = (*slot).min(shingle.wrapping_mul(multiplier).wrapping_add(offset));
        }
    }
    Some(signature)
}

/// The multipliers and offsets of the signature's hash functions, made once.
fn permutations() -> &'static ([u64; HASHES], [u64; HASHES]) {
    static PERMUTATIONS: std::sync::OnceLock<([u64; HASHES], [u64; HASHES])> =
        std::sync::OnceLock::new();
    PERMUTATIONS.get_or_init(|| {
        let multipliers = std::array::from_fn(|index| mix(index as u64 * 2 + 1) | 1);
        let offsets = std::array::from_fn(|index| mix(index as u64 * 2 + 2));
        (multipliers, offsets)
    })
}

/// The share of equal positions: an estimate of the Jaccard similarity.
pub(crate) fn estimate(left: &[u64], right: &[u64]) -> f64 {
    let equal = left.iter().zip(right).filter(|(a, b)| a == b).count();
    equal as f64 / left.len().max(1) as f64
}

/// Groups the articles into stories. `cast` gives, per article, its sorted, deduplicated
/// record entity indices of people and organizations. Returns the stories (sorted by
/// id) and each article's story index.
pub(crate) fn group(
    articles: &[ArticleInput<'_>],
    order: &[usize],
    cast: &[Vec<usize>],
) -> (Vec<Story>, Vec<usize>) {
    let n = articles.len();
    let mut sets = UnionFind::new(n);
    let mut links: Vec<StoryLink> = Vec::new();
    let signatures: Vec<Option<Vec<u64>>> = articles
        .iter()
        .map(|article| signature(article.text))
        .collect();

    // Text: LSH buckets, in key order so that results do not depend on input order.
    let mut buckets: FxHashMap<(usize, u64), Vec<usize>> = FxHashMap::default();
    let mut bucket_order: Vec<(usize, u64)> = Vec::new();
    for &article in order {
        let Some(signature) = &signatures[article] else {
            continue;
        };
        for band in 0..BANDS {
            let rows = &signature[band * ROWS..(band + 1) * ROWS];
            let mut key = band as u64;
            for &row in rows {
                key = mix(key ^ row);
            }
            let bucket = buckets.entry((band, key)).or_default();
            if bucket.is_empty() {
                bucket_order.push((band, key));
            }
            bucket.push(article);
        }
    }
    for bucket_key in &bucket_order {
        let bucket = &buckets[bucket_key];
        for (position, &article) in bucket.iter().enumerate().skip(1) {
            for &other in bucket[..position].iter().rev().take(MAX_BUCKET_COMPARISONS) {
                if sets.find(article) == sets.find(other) {
                    break;
                }
                let (Some(left), Some(right)) = (&signatures[other], &signatures[article]) else {
                    continue;
                };
                let similarity = estimate(left, right);
                if similarity >= TEXT_THRESHOLD {
                    sets.union(other, article);
                    links.push(StoryLink {
                        a: articles[other].key.to_string(),
                        b: articles[article].key.to_string(),
                        reason: format!("text: estimated Jaccard {similarity:.2} of word 5-grams"),
                    });
                    break;
                }
            }
        }
    }

    // Cast: an inverted index over people and organizations.
    let mut posting: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    for &article in order {
        for &entity in &cast[article] {
            posting.entry(entity).or_default().push(article);
        }
    }
    for &article in order {
        let mut shared: FxHashMap<usize, usize> = FxHashMap::default();
        for entity in &cast[article] {
            let list = &posting[entity];
            if list.len() > CAST_MAX_POSTING {
                continue;
            }
            for &other in list {
                if other != article {
                    *shared.entry(other).or_default() += 1;
                }
            }
        }
        let mut candidates: Vec<(usize, usize)> = shared.into_iter().collect();
        candidates.sort_unstable_by_key(|&(other, _)| articles[other].key);
        for (other, _) in candidates {
            if articles[other].key >= articles[article].key
                || sets.find(other) == sets.find(article)
            {
                continue;
            }
            // Count over the whole cast, frequent entities included.
            let common = count_common(&cast[article], &cast[other]);
            let smaller = cast[article].len().min(cast[other].len()).max(1);
            let containment = common as f64 / smaller as f64;
            if common < CAST_MIN_SHARED || containment < CAST_CONTAINMENT {
                continue;
            }
            let dates = (
                articles[article].meta.published,
                articles[other].meta.published,
            );
            if let (Some(left), Some(right)) = dates
                && let (Some((left, _, _)), Some((right, _, _))) = (interval(left), interval(right))
                && (left - right).abs() > CAST_MAX_DAYS
            {
                continue;
            }
            sets.union(other, article);
            links.push(StoryLink {
                a: articles[other].key.to_string(),
                b: articles[article].key.to_string(),
                reason: format!(
                    "cast: {common} of {smaller} people and organizations in common ({:.0}%)",
                    containment * 100.0
                ),
            });
        }
    }

    let mut members: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    for &article in order {
        members.entry(sets.find(article)).or_default().push(article);
    }
    let mut stories: Vec<(Story, Vec<usize>)> = members
        .into_values()
        .map(|group| {
            let keys: Vec<String> = group
                .iter()
                .map(|&article| articles[article].key.to_string())
                .collect();
            let id = stable_id('S', &keys[0]);
            let story_links = links
                .iter()
                .filter(|link| keys.contains(&link.a))
                .cloned()
                .collect();
            (
                Story {
                    id,
                    articles: keys,
                    links: story_links,
                },
                group,
            )
        })
        .collect();
    stories.sort_by(|a, b| a.0.id.cmp(&b.0.id));
    let mut story_of = vec![0; n];
    for (index, (_, group)) in stories.iter().enumerate() {
        for &article in group {
            story_of[article] = index;
        }
    }
    (
        stories.into_iter().map(|(story, _)| story).collect(),
        story_of,
    )
}

fn count_common(left: &[usize], right: &[usize]) -> usize {
    let (mut i, mut j, mut common) = (0, 0, 0);
    while i < left.len() && j < right.len() {
        match left[i].cmp(&right[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    common
}

/// Whether record entities of this kind make an article's cast.
pub(crate) fn in_cast(kind: EntityKind) -> bool {
    matches!(kind, EntityKind::Person | EntityKind::Organization)
}

#[cfg(test)]
mod tests {
    use super::{estimate, signature};
    use crate::Corrections;
    use crate::testkit::{article, build_all};

    /// A deterministic pseudo-text of `n` words drawn by `seed`.
    fn text(seed: u64, n: usize) -> String {
        const WORDS: &[&str] = &[
            "minister",
            "signed",
            "agreement",
            "border",
            "drones",
            "talks",
            "capital",
            "officials",
            "defense",
            "security",
            "said",
            "week",
            "report",
            "government",
            "opposition",
            "deal",
            "training",
            "equipment",
            "visit",
            "cooperation",
            "region",
            "army",
            "navy",
            "budget",
            "president",
            "senate",
            "treaty",
            "envoy",
            "summit",
        ];
        let mut state = seed;
        (0..n)
            .map(|_| {
                state = crate::util::mix(state.wrapping_add(0x9e37_79b9_7f4a_7c15));
                WORDS[(state % WORDS.len() as u64) as usize]
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn identical_texts_estimate_one() {
        let body = text(1, 300);
        let (left, right) = (signature(&body).unwrap(), signature(&body).unwrap());
        assert_eq!(estimate(&left, &right), 1.0);
        assert!(signature("").is_none());
    }

    #[test]
    fn a_republished_article_with_another_header_is_one_story() {
        let body = text(7, 400);
        let mut original = article("a", Some("2024-03-01"), Some("Wire"));
        original.text = format!("Home » Defense\nOriginal headline here\n\n{body}");
        let mut copy = article("b", Some("2024-03-02"), Some("Daily"));
        copy.text = format!(
            "Menu Politics World\nA different headline for the same wire story\nBy Staff\n\n{body}\nShare this article"
        );
        let mut other = article("c", Some("2024-03-02"), Some("Daily"));
        other.text = text(8, 400);
        let record = build_all(&[original, copy, other], &Corrections::default());
        assert_eq!(record.stories.len(), 2);
        let joined = record
            .stories
            .iter()
            .find(|story| story.articles.len() == 2)
            .expect("a and b are one story");
        assert_eq!(joined.articles, ["a", "b"]);
        assert!(joined.links[0].reason.starts_with("text"));
    }

    #[test]
    fn different_articles_are_different_stories() {
        let articles: Vec<_> = (0..6)
            .map(|index| {
                let mut item = article(&format!("k{index}"), None, None);
                item.text = text(100 + index, 300);
                item
            })
            .collect();
        let record = build_all(&articles, &Corrections::default());
        assert_eq!(record.stories.len(), 6);
        assert!(record.stories.iter().all(|story| story.articles.len() == 1));
    }
}
