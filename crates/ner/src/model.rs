//! The BIO tag set, first-order Viterbi with BIO constraints, and the model file format.
//!
//! Model file (little endian): `PWNER\x01`, `bits: u8`, `n_tags: u8`, `scale: f32`
//! (weight = stored / scale), `(n_tags + 1) * n_tags` transition weights as `i16` (the last
//! row is the start state), `n_rows: u32`, then per non-empty emission row: the bucket
//! index as a LEB128 delta from the previous row, a `u16` mask of the tags stored, and one
//! `i8` per set bit. Rows are in bucket order, so encoding is deterministic. Weights are
//! quantized so the largest is 127: measured, that costs no accuracy, and `i8` rows keep
//! the table in L2.

use crate::features::{BITS, BUCKETS};
use std::fmt;

/// Tags: `O`, then `B-`/`I-` for PER, ORG, LOC, MISC.
pub(crate) const N_TAGS: usize = 9;
pub(crate) const O: u8 = 0;

/// The most non-empty emission rows a model may have (they are numbered with a `u16`
/// after the shared zero row).
pub(crate) const MAX_ROWS: usize = u16::MAX as usize;

/// The class of a `B-`/`I-` tag: 0 PER, 1 ORG, 2 LOC, 3 MISC.
#[inline]
pub(crate) fn class_of(tag: u8) -> Option<u8> {
    (tag != O).then(|| (tag - 1) / 2)
}

#[inline]
pub(crate) fn is_begin(tag: u8) -> bool {
    tag != O && (tag - 1).is_multiple_of(2)
}

pub(crate) fn begin(class: u8) -> u8 {
    1 + 2 * class
}

pub(crate) fn inside(class: u8) -> u8 {
    2 + 2 * class
}

/// `I-X` may only follow `B-X` or `I-X`; `prev == None` is the start of a region.
#[inline]
pub(crate) fn allowed(prev: Option<u8>, tag: u8) -> bool {
    if tag == O || is_begin(tag) {
        return true;
    }
    prev.is_some_and(|p| p != O && class_of(p) == class_of(tag))
}

pub(crate) type Transitions = [[i32; N_TAGS]; N_TAGS + 1];
pub(crate) const START: usize = N_TAGS;

const NEG: i32 = i32::MIN / 8;

/// `transitions` with the moves BIO forbids set to a large negative score, so that
/// [`viterbi`] needs no test in its inner loop.
pub(crate) fn masked(transitions: &Transitions) -> Transitions {
    let mut out = *transitions;
    for (prev, row) in out.iter_mut().enumerate() {
        let prev = (prev < N_TAGS).then_some(prev as u8);
        for (tag, w) in row.iter_mut().enumerate() {
            if !allowed(prev, tag as u8) {
                *w = NEG;
            }
        }
    }
    out
}

/// Best tag sequence under `emissions` (one row per token) and `transitions` (as
/// [`masked`] returns them), written to `tags`. `back` is scratch.
pub(crate) fn viterbi(
    emissions: &[[i32; N_TAGS]],
    transitions: &Transitions,
    back: &mut Vec<[u8; N_TAGS]>,
    tags: &mut Vec<u8>,
) {
    tags.clear();
    back.clear();
    let n = emissions.len();
    if n == 0 {
        return;
    }
    let mut score = [0i64; N_TAGS];
    for (tag, s) in score.iter_mut().enumerate() {
        *s = i64::from(transitions[START][tag]) + i64::from(emissions[0][tag]);
    }
    back.push([0; N_TAGS]);
    for emission in &emissions[1..] {
        let mut next = [0i64; N_TAGS];
        let mut pointers = [0u8; N_TAGS];
        for tag in 0..N_TAGS {
            // `I-X` can only follow `B-X` or `I-X` (the two tags before it), every other
            // tag any tag: the masked transitions would rule the rest out anyway.
            let candidates = if tag != 0 && tag % 2 == 0 {
                tag - 1..tag + 1
            } else {
                0..N_TAGS
            };
            let mut best = i64::MIN;
            let mut best_prev = 0u8;
            for prev in candidates {
                let s = score[prev] + i64::from(transitions[prev][tag]);
                if s > best {
                    best = s;
                    best_prev = prev as u8;
                }
            }
            next[tag] = best + i64::from(emission[tag]);
            pointers[tag] = best_prev;
        }
        score = next;
        back.push(pointers);
    }
    let mut last = 0u8;
    for tag in 1..N_TAGS {
        if score[tag] > score[usize::from(last)] {
            last = tag as u8;
        }
    }
    tags.resize(n, O);
    tags[n - 1] = last;
    for k in (1..n).rev() {
        last = back[k][usize::from(last)];
        tags[k - 1] = last;
    }
}

/// The weights a tagger runs on: the non-empty emission rows packed in bucket order, a
/// `u16` row number per bucket (2 MB; 0 is an all-zero row, which the many pruned buckets
/// rare words hash to share), and the transitions. The packed rows take a few hundred KB
/// instead of a dense 9 MB table. (A bitmap with running counts instead of the index is 8
/// times smaller but costs a popcount per feature, which the baseline x86-64 target does
/// in software: measured, 16% more instructions and slower.)
pub(crate) struct Weights {
    index: Vec<u16>,
    rows: Vec<Row>,
    /// Masked (see [`masked`]).
    pub(crate) transitions: Transitions,
    pub(crate) scale: f32,
}

/// A model file that cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ModelError(pub String);

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "bad ner model: {}", self.0)
    }
}

impl std::error::Error for ModelError {}

const MAGIC: &[u8; 6] = b"PWNER\x01";

/// One emission row padded to 16 lanes, so that summing a token's rows is one aligned
/// 16-byte load and a widening add per feature.
#[derive(Clone, Copy, Default)]
#[repr(align(16))]
struct Row([i8; 16]);

impl Weights {
    /// Emission scores of one token from its feature buckets.
    #[inline]
    pub(crate) fn emission(&self, buckets: &[u32]) -> [i32; N_TAGS] {
        // i16 lanes cannot overflow: a token has fewer than 64 features of at most 127.
        let mut sum = [0i16; 16];
        for &b in buckets {
            let index = self.index[b as usize];
            for (s, &w) in sum.iter_mut().zip(&self.rows[index as usize].0) {
                *s += i16::from(w);
            }
        }
        let mut out = [0i32; N_TAGS];
        for (o, &s) in out.iter_mut().zip(&sum) {
            *o = i32::from(s);
        }
        out
    }

    pub(crate) fn decode(bytes: &[u8]) -> Result<Weights, ModelError> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(MAGIC.len())? != MAGIC {
            return Err(ModelError("wrong magic".into()));
        }
        let bits = r.u8()?;
        let n_tags = r.u8()?;
        if u32::from(bits) != BITS || usize::from(n_tags) != N_TAGS {
            return Err(ModelError(format!(
                "model has {bits} bits and {n_tags} tags, this build expects {BITS} and {N_TAGS}"
            )));
        }
        let scale = f32::from_le_bytes(r.array()?);
        let mut transitions = [[0i32; N_TAGS]; N_TAGS + 1];
        for row in transitions.iter_mut() {
            for w in row.iter_mut() {
                *w = i32::from(i16::from_le_bytes(r.array()?));
            }
        }
        let n_rows = u32::from_le_bytes(r.array()?) as usize;
        let mut index = vec![0u16; BUCKETS];
        let mut rows = Vec::with_capacity(n_rows + 1);
        rows.push(Row::default());
        let mut bucket = 0usize;
        for k in 0..n_rows {
            let delta = r.leb128()?;
            if k > 0 && delta == 0 {
                return Err(ModelError("rows out of order".into()));
            }
            bucket = if k == 0 { delta } else { bucket + delta };
            if bucket >= BUCKETS {
                return Err(ModelError(format!("row {bucket} out of range")));
            }
            let mask = u16::from_le_bytes(r.array()?);
            let mut row = Row::default();
            for (tag, w) in row.0.iter_mut().take(N_TAGS).enumerate() {
                if mask & (1 << tag) != 0 {
                    *w = i8::from_le_bytes(r.array()?);
                }
            }
            index[bucket] =
                u16::try_from(rows.len()).map_err(|_| ModelError("more than 65535 rows".into()))?;
            rows.push(row);
        }
        if r.at != bytes.len() {
            return Err(ModelError("trailing bytes".into()));
        }
        Ok(Weights {
            index,
            rows,
            transitions: masked(&transitions),
            scale,
        })
    }
}

/// Encode quantized weights: `emission` is `BUCKETS × N_TAGS`, zeros are not stored.
pub(crate) fn encode(
    emission: &[i8],
    transitions: &[[i16; N_TAGS]; N_TAGS + 1],
    scale: f32,
) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    out.push(BITS as u8);
    out.push(N_TAGS as u8);
    out.extend_from_slice(&scale.to_le_bytes());
    for row in transitions {
        for w in row {
            out.extend_from_slice(&w.to_le_bytes());
        }
    }
    let rows: Vec<usize> = (0..BUCKETS)
        .filter(|&b| {
            emission[b * N_TAGS..(b + 1) * N_TAGS]
                .iter()
                .any(|&w| w != 0)
        })
        .collect();
    out.extend_from_slice(&(rows.len() as u32).to_le_bytes());
    let mut previous = 0usize;
    for (k, &b) in rows.iter().enumerate() {
        let delta = if k == 0 { b } else { b - previous };
        previous = b;
        let mut v = delta;
        loop {
            let byte = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                out.push(byte);
                break;
            }
            out.push(byte | 0x80);
        }
        let row = &emission[b * N_TAGS..(b + 1) * N_TAGS];
        let mask: u16 = row
            .iter()
            .enumerate()
            .filter(|(_, w)| **w != 0)
            .fold(0, |m, (tag, _)| m | (1 << tag));
        out.extend_from_slice(&mask.to_le_bytes());
        for &w in row.iter().filter(|w| **w != 0) {
            out.extend_from_slice(&w.to_le_bytes());
        }
    }
    out
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let end = self
            .at
            .checked_add(n)
            .filter(|&e| e <= self.bytes.len())
            .ok_or_else(|| ModelError("truncated".into()))?;
        let s = &self.bytes[self.at..end];
        self.at = end;
        Ok(s)
    }

    fn u8(&mut self) -> Result<u8, ModelError> {
        Ok(self.take(1)?[0])
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], ModelError> {
        let mut a = [0u8; N];
        a.copy_from_slice(self.take(N)?);
        Ok(a)
    }

    fn leb128(&mut self) -> Result<usize, ModelError> {
        let mut v = 0usize;
        for shift in (0..35).step_by(7) {
            let byte = self.u8()?;
            v |= usize::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(ModelError("bad varint".into()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn viterbi_respects_bio() {
        // Emissions prefer I-PER at the start, which is not allowed: B-PER wins.
        let mut e = [[0i32; N_TAGS]; 2];
        e[0][usize::from(inside(0))] = 10;
        e[0][usize::from(begin(0))] = 5;
        e[1][usize::from(inside(0))] = 10;
        let t = masked(&[[0i32; N_TAGS]; N_TAGS + 1]);
        let (mut back, mut tags) = (Vec::new(), Vec::new());
        viterbi(&e, &t, &mut back, &mut tags);
        assert_eq!(tags, vec![begin(0), inside(0)]);
    }

    #[test]
    fn codec_round_trips() {
        let mut emission = vec![0i8; BUCKETS * N_TAGS];
        emission[5 * N_TAGS + 2] = -7;
        emission[300_000 * N_TAGS] = 123;
        let mut transitions = [[0i16; N_TAGS]; N_TAGS + 1];
        transitions[START][1] = 9;
        let bytes = encode(&emission, &transitions, 2.5);
        let weights = Weights::decode(&bytes).unwrap();
        assert_eq!(weights.rows.len(), 3);
        let mut expected = [0i32; N_TAGS];
        expected[2] = -7;
        assert_eq!(weights.emission(&[5, 6]), expected);
        expected = [0; N_TAGS];
        expected[0] = 123;
        assert_eq!(weights.emission(&[300_000]), expected);
        assert_eq!(weights.transitions[START][1], 9);
        assert!(
            weights.transitions[START][2] < -1_000_000,
            "I- cannot start"
        );
        assert_eq!(weights.scale, 2.5);
        assert!(Weights::decode(&bytes[..bytes.len() - 1]).is_err());
    }
}
