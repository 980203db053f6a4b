//! Scale: synthetic articles shaped like real ones (a few countries, people, some known
//! by surname only, organizations with acronyms, equipment, events, 400-word texts, some
//! republished), to keep the build near-linear. The full size is ignored in debug runs:
//!
//! ```sh
//! cargo test -p pw-record --release --test it scale -- --ignored --nocapture
//! ```

use pw_model::{
    DocumentMeta, Entity, EntityId, EntityKind, Event, EventId, EventType, Extraction, Mention,
    Modality, PartialDate, Span,
};
use pw_record::{ArticleInput, Corrections, build};
use std::time::Instant;

struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut x = self.0;
        x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        x ^ (x >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn syllables(mut n: usize) -> String {
    const PARTS: &[&str] = &[
        "ka", "lo", "mi", "ra", "ten", "vo", "su", "der", "an", "es", "ul", "bri",
    ];
    let mut word = String::new();
    loop {
        word.push_str(PARTS[n % PARTS.len()]);
        n /= PARTS.len();
        if n == 0 {
            break;
        }
    }
    word
}

fn capital(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

struct Owned {
    key: String,
    meta: DocumentMeta,
    text: String,
    extraction: Extraction,
}

fn entity(
    extraction: &mut Extraction,
    kind: EntityKind,
    name: String,
    aliases: Vec<String>,
    country: Option<String>,
) -> EntityId {
    let id = EntityId(extraction.entities.len() as u32);
    let mut all = vec![name.clone()];
    all.extend(aliases);
    extraction.entities.push(Entity {
        id,
        kind,
        name,
        aliases: all,
        country,
        roles: Vec::new(),
        source: "synthetic".to_string(),
        mentions: vec![
            Mention {
                span: Span::new(0, 1),
                text: String::new(),
                sentence: 0,
                named: true,
            };
            2
        ],
    });
    id
}

fn corpus(n_articles: usize) -> Vec<Owned> {
    let mut random = Random(42);
    let vocabulary: Vec<String> = (0..3000).map(syllables).collect();
    let mut articles: Vec<Owned> = Vec::with_capacity(n_articles);
    for index in 0..n_articles {
        let mut extraction = Extraction::default();
        let day = random.below(5 * 365) as i64;
        let year = 2020 + (day / 365) as i32;
        let month = 1 + ((day % 365) / 31).min(11) as u8;
        let published = PartialDate::Day {
            year,
            month,
            day: 1 + (day % 28) as u8,
        };
        let mut actors = Vec::new();
        for _ in 0..3 {
            let code = format!("C{:03}", random.below(200));
            actors.push(entity(
                &mut extraction,
                EntityKind::Country,
                capital(&syllables(random.below(200) + 500)),
                vec![],
                Some(code),
            ));
        }
        for _ in 0..8 {
            let person = random.below(20_000);
            let country = Some(format!("C{:03}", person % 200));
            let first = capital(&syllables(person % 300));
            let last = capital(&syllables(person / 7 + 1000));
            let id = if random.below(5) == 0 {
                entity(&mut extraction, EntityKind::Person, last, vec![], country)
            } else {
                entity(
                    &mut extraction,
                    EntityKind::Person,
                    format!("{first} {last}"),
                    vec![last],
                    country,
                )
            };
            actors.push(id);
        }
        for _ in 0..5 {
            let org = random.below(5000);
            let words: Vec<String> = (0..3)
                .map(|k| capital(&syllables(org * 3 + k + 4000)))
                .collect();
            let acronym: String = words
                .iter()
                .filter_map(|word| word.chars().next())
                .collect();
            let country = (!org.is_multiple_of(3)).then(|| format!("C{:03}", org % 200));
            actors.push(entity(
                &mut extraction,
                EntityKind::Organization,
                words.join(" "),
                vec![acronym],
                country,
            ));
        }
        for _ in 0..2 {
            let place = random.below(500);
            entity(
                &mut extraction,
                EntityKind::Location,
                capital(&syllables(place + 9000)),
                vec![],
                Some(format!("C{:03}", place % 200)),
            );
        }
        let equipment = entity(
            &mut extraction,
            EntityKind::Equipment,
            syllables(random.below(50) + 700),
            vec![],
            None,
        );
        for event in 0..10 {
            let event_type = EventType::ALL[random.below(EventType::ALL.len())];
            let source = actors[random.below(actors.len())];
            let target = actors[random.below(actors.len())];
            let date = match random.below(4) {
                0 => None,
                1 => Some(PartialDate::Year { year }),
                _ => Some(published),
            };
            extraction.events.push(Event {
                id: EventId(event),
                event_type,
                plover: event_type.plover(),
                source: vec![source],
                target: vec![target],
                equipment: if random.below(3) == 0 {
                    vec![equipment]
                } else {
                    vec![]
                },
                location: vec![],
                date,
                date_text: None,
                modality: [
                    Modality::Asserted,
                    Modality::Reported,
                    Modality::Alleged,
                    Modality::Denied,
                ][random.below(4)],
                attributed_to: None,
                trigger: "t".to_string(),
                trigger_span: Span::new(0, 1),
                evidence: "evidence".to_string(),
                span: Span::new(0, 1),
                sentence: 0,
            });
        }
        // One article in twenty republishes an earlier one under another header.
        let text = if index > 0 && random.below(20) == 0 {
            let original = random.below(index);
            format!("Another header {index}\n{}", articles[original].text)
        } else {
            (0..400)
                .map(|_| vocabulary[random.below(vocabulary.len())].as_str())
                .collect::<Vec<_>>()
                .join(" ")
        };
        articles.push(Owned {
            key: format!("a{index:05}"),
            meta: DocumentMeta {
                published: Some(published),
                outlet: Some(format!("outlet {}", random.below(300))),
                ..DocumentMeta::default()
            },
            text,
            extraction,
        });
    }
    articles
}

fn run(n_articles: usize) {
    let articles = corpus(n_articles);
    let inputs: Vec<ArticleInput<'_>> = articles
        .iter()
        .map(|article| ArticleInput {
            key: &article.key,
            meta: &article.meta,
            text: &article.text,
            extraction: &article.extraction,
        })
        .collect();
    let n_entities: usize = articles
        .iter()
        .map(|article| article.extraction.entities.len())
        .sum();
    let started = Instant::now();
    let record = build(&inputs, &Corrections::default());
    let elapsed = started.elapsed();
    println!(
        "{n_articles} articles, {n_entities} article entities -> {} entities, {} stories, {} facts in {:.2?}",
        record.entities.len(),
        record.stories.len(),
        record.facts.len(),
        elapsed
    );
    let in_stories: usize = record
        .stories
        .iter()
        .map(|story| story.articles.len())
        .sum();
    assert_eq!(in_stories, n_articles);
    assert!(
        record.stories.len() < n_articles,
        "republished copies were found"
    );
    assert!(record.entities.len() < n_entities);
}

#[test]
fn scale_small() {
    run(400);
}

#[test]
#[ignore = "release-mode timing; see the module docs"]
fn scale_8000_articles() {
    run(8000);
}
