//! Training: the averaged structured perceptron over candidate regions.
//!
//! Deterministic by construction: features are hashed, the example order of each epoch is
//! a Fisher–Yates shuffle driven by SplitMix64 from a fixed seed, weights and their
//! running sums are integers (`i32`, `i64`), and the model is written in bucket order. The
//! same data and configuration give the same bytes.

use crate::corpus::Sentence;
use crate::features::{self, BUCKETS, RegionFeatures};
use crate::model::{self, N_TAGS, START, Transitions, begin, class_of, is_begin};
use pw_lexicon::Lexicon;

/// Training settings. The defaults are what `scripts/train-ner.sh` uses.
#[derive(Clone, Debug)]
pub struct Config {
    pub epochs: usize,
    pub seed: u64,
    /// Quantized weights (the largest is 127) with a smaller magnitude are dropped.
    pub prune: i8,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            epochs: 10,
            seed: 0x5eed_0008,
            prune: 2,
        }
    }
}

/// One region of one sentence: the feature buckets of each token and the gold tags.
struct Example {
    /// Range in `Examples::offsets` of this region's tokens (one more offset than tokens).
    first: usize,
    len: usize,
    /// Range in `Examples::gold`.
    gold: usize,
}

#[derive(Default)]
struct Examples {
    buckets: Vec<u32>,
    offsets: Vec<usize>,
    gold: Vec<u8>,
    list: Vec<Example>,
}

impl Examples {
    fn token(&self, example: &Example, k: usize) -> &[u32] {
        let at = example.first + k;
        &self.buckets[self.offsets[at]..self.offsets[at + 1]]
    }

    fn gold(&self, example: &Example) -> &[u8] {
        &self.gold[example.gold..example.gold + example.len]
    }
}

fn collect(sentences: &[Sentence], lexicon: &Lexicon) -> Examples {
    let mut examples = Examples::default();
    let mut regions = Vec::new();
    let mut gaz = Vec::new();
    let mut region_features = RegionFeatures::default();
    for sentence in sentences {
        let words = sentence.words();
        let spans = crate::corpus::sentence_gazetteer(&words, lexicon);
        features::regions(&words, &mut regions);
        features::gazetteer_bits(words.len(), &spans, &mut gaz);
        region_features.start_sentence(words.len());
        for &(start, end) in &regions {
            region_features.compute(&words, &gaz, (start, end), lexicon);
            let first = examples.offsets.len();
            for k in 0..end - start {
                examples.offsets.push(examples.buckets.len());
                examples.buckets.extend_from_slice(region_features.token(k));
            }
            examples.offsets.push(examples.buckets.len());
            let gold_at = examples.gold.len();
            let tags = &sentence.tags[start..end];
            // A name cut by the region's edge starts inside it.
            for (k, &tag) in tags.iter().enumerate() {
                let fixed = match class_of(tag) {
                    Some(c) if k == 0 && !is_begin(tag) => begin(c),
                    _ => tag,
                };
                examples.gold.push(fixed);
            }
            examples.list.push(Example {
                first,
                len: end - start,
                gold: gold_at,
            });
        }
    }
    examples
}

struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

/// What training reports per epoch.
#[derive(Clone, Copy, Debug)]
pub struct EpochStats {
    pub epoch: usize,
    pub token_errors: usize,
    pub tokens: usize,
}

/// Train on `sentences` and return the model bytes (the format [`crate::Tagger::from_bytes`]
/// reads). `report` is called after each epoch.
pub fn train(
    sentences: &[Sentence],
    lexicon: &Lexicon,
    config: &Config,
    mut report: impl FnMut(EpochStats),
) -> Vec<u8> {
    let examples = collect(sentences, lexicon);
    let mut weights = vec![0i32; BUCKETS * N_TAGS];
    let mut sums = vec![0i64; BUCKETS * N_TAGS];
    let mut transitions: Transitions = [[0; N_TAGS]; N_TAGS + 1];
    let mut transition_sums = [[0i64; N_TAGS]; N_TAGS + 1];
    let mut clock: i64 = 1;
    let mut order: Vec<usize> = (0..examples.list.len()).collect();
    let mut rng = SplitMix64(config.seed);
    let mut emissions = Vec::new();
    let mut back = Vec::new();
    let mut predicted = Vec::new();
    for epoch in 0..config.epochs {
        for i in (1..order.len()).rev() {
            let j = (rng.next() % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        let mut token_errors = 0;
        let mut tokens = 0;
        for &index in &order {
            let example = &examples.list[index];
            emissions.clear();
            for k in 0..example.len {
                let mut sum = [0i32; N_TAGS];
                for &b in examples.token(example, k) {
                    let row = &weights[b as usize * N_TAGS..b as usize * N_TAGS + N_TAGS];
                    for (s, &w) in sum.iter_mut().zip(row) {
                        *s += w;
                    }
                }
                emissions.push(sum);
            }
            model::viterbi(
                &emissions,
                &model::masked(&transitions),
                &mut back,
                &mut predicted,
            );
            let gold = examples.gold(example);
            tokens += gold.len();
            if predicted.as_slice() != gold {
                for k in 0..example.len {
                    let (g, p) = (usize::from(gold[k]), usize::from(predicted[k]));
                    if g != p {
                        token_errors += 1;
                        for &b in examples.token(example, k) {
                            let row = b as usize * N_TAGS;
                            weights[row + g] += 1;
                            sums[row + g] += clock;
                            weights[row + p] -= 1;
                            sums[row + p] -= clock;
                        }
                    }
                    let gold_prev = if k == 0 {
                        START
                    } else {
                        usize::from(gold[k - 1])
                    };
                    let pred_prev = if k == 0 {
                        START
                    } else {
                        usize::from(predicted[k - 1])
                    };
                    if (gold_prev, g) != (pred_prev, p) {
                        transitions[gold_prev][g] += 1;
                        transition_sums[gold_prev][g] += clock;
                        transitions[pred_prev][p] -= 1;
                        transition_sums[pred_prev][p] -= clock;
                    }
                }
            }
            clock += 1;
        }
        report(EpochStats {
            epoch,
            token_errors,
            tokens,
        });
    }
    // The average over all steps of w is w - sums / clock (sums weigh each update by the
    // step it happened at).
    let average = |w: i32, s: i64| f64::from(w) - s as f64 / clock as f64;
    let mut max_abs = 0f64;
    for (&w, &s) in weights.iter().zip(&sums) {
        max_abs = max_abs.max(average(w, s).abs());
    }
    for (row, sum_row) in transitions.iter().zip(&transition_sums) {
        for (&w, &s) in row.iter().zip(sum_row) {
            max_abs = max_abs.max(average(w, s).abs());
        }
    }
    let scale = if max_abs > 0.0 { 127.0 / max_abs } else { 1.0 };
    let quantize = |w: i32, s: i64, prune: i8| {
        let q = (average(w, s) * scale).round().clamp(-127.0, 127.0) as i8;
        if q.abs() < prune { 0 } else { q }
    };
    // The tagger numbers rows with a u16: prune harder until they fit.
    let mut prune = config.prune;
    let emission = loop {
        let emission: Vec<i8> = weights
            .iter()
            .zip(&sums)
            .map(|(&w, &s)| quantize(w, s, prune))
            .collect();
        let rows = emission
            .chunks_exact(N_TAGS)
            .filter(|row| row.iter().any(|&w| w != 0))
            .count();
        if rows <= model::MAX_ROWS || prune == i8::MAX {
            break emission;
        }
        prune += 1;
    };
    let mut quantized_transitions = [[0i16; N_TAGS]; N_TAGS + 1];
    for (q_row, (row, sum_row)) in quantized_transitions
        .iter_mut()
        .zip(transitions.iter().zip(&transition_sums))
    {
        for (q, (&w, &s)) in q_row.iter_mut().zip(row.iter().zip(sum_row)) {
            *q = i16::from(quantize(w, s, 0));
        }
    }
    model::encode(&emission, &quantized_transitions, scale as f32)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Tagger;
    use crate::model::{begin, inside};

    fn sentence(text: &str, tags: &[u8]) -> Sentence {
        Sentence {
            words: text.split(' ').map(str::to_owned).collect(),
            tags: tags.to_vec(),
        }
    }

    #[test]
    fn training_is_deterministic_and_learns() {
        let o = 0;
        let (bp, ip, bl) = (begin(0), inside(0), begin(2));
        let sentences = [
            sentence("Anna Berg visited Oslo .", &[bp, ip, o, bl, o]),
            sentence("Karl Dahl left Bergen today .", &[bp, ip, o, bl, o, o]),
            sentence("The talks in Oslo ended .", &[o, o, o, bl, o, o]),
            sentence("Nina Holm met Karl Dahl .", &[bp, ip, o, bp, ip, o]),
        ];
        let lexicon: &'static Lexicon =
            Box::leak(Box::new(Lexicon::from_sources("", "", "").unwrap()));
        let config = Config {
            epochs: 5,
            ..Config::default()
        };
        let a = train(&sentences, lexicon, &config, |_| {});
        let b = train(&sentences, lexicon, &config, |_| {});
        assert_eq!(a, b, "same data and seed, same bytes");
        let tagger = Tagger::from_bytes(&a, lexicon).unwrap();
        let words = ["Anna", "Berg", "visited", "Bergen", "."];
        let spans: Vec<_> = tagger
            .tag(&words, &[])
            .iter()
            .map(|s| (s.start, s.end, s.kind))
            .collect();
        use crate::NerKind::*;
        assert_eq!(spans, vec![(0, 2, Person), (3, 4, Location)]);
    }
}
