//! Span-level scoring: a predicted span counts only when its tokens and its class equal a
//! gold span's. Used by `ner-eval` for pw-ner and for spaCy alike.

use crate::corpus::{Class, LOC, MISC, ORG, PER};

/// True positives, false positives and false negatives per class (PER, ORG, LOC).
#[derive(Clone, Copy, Debug, Default)]
pub struct Counts {
    pub tp: [u64; 3],
    pub fp: [u64; 3],
    pub fn_: [u64; 3],
}

/// Precision, recall, F1.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Counts {
    /// Add one sentence. MISC spans on either side are ignored.
    pub fn add(&mut self, gold: &[(usize, usize, Class)], predicted: &[(usize, usize, Class)]) {
        let keep = |s: &&(usize, usize, Class)| s.2 != MISC;
        for p in predicted.iter().filter(keep) {
            if gold.contains(p) {
                self.tp[usize::from(p.2)] += 1;
            } else {
                self.fp[usize::from(p.2)] += 1;
            }
        }
        for g in gold.iter().filter(keep) {
            if !predicted.contains(g) {
                self.fn_[usize::from(g.2)] += 1;
            }
        }
    }

    pub fn merge(&mut self, other: &Counts) {
        for c in 0..3 {
            self.tp[c] += other.tp[c];
            self.fp[c] += other.fp[c];
            self.fn_[c] += other.fn_[c];
        }
    }

    /// Scores of one class, or the micro-average over PER, ORG and LOC (`None`).
    pub fn prf(&self, class: Option<Class>) -> Prf {
        let classes: &[Class] = match class {
            Some(ref c) => std::slice::from_ref(c),
            None => &[PER, ORG, LOC],
        };
        let sum = |a: &[u64; 3]| classes.iter().map(|&c| a[usize::from(c)]).sum::<u64>() as f64;
        let (tp, fp, fn_) = (sum(&self.tp), sum(&self.fp), sum(&self.fn_));
        let precision = if tp + fp > 0.0 { tp / (tp + fp) } else { 0.0 };
        let recall = if tp + fn_ > 0.0 { tp / (tp + fn_) } else { 0.0 };
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        Prf {
            precision,
            recall,
            f1,
        }
    }

    /// Gold spans of PER, ORG and LOC.
    pub fn gold(&self) -> u64 {
        self.tp.iter().chain(&self.fn_).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_spans_only() {
        let mut counts = Counts::default();
        counts.add(
            &[(0, 2, PER), (4, 5, LOC), (6, 7, MISC)],
            &[(0, 2, PER), (4, 5, ORG), (6, 7, MISC)],
        );
        assert_eq!(counts.tp, [1, 0, 0]);
        assert_eq!(counts.fp, [0, 1, 0]);
        assert_eq!(counts.fn_, [0, 0, 1]);
        let micro = counts.prf(None);
        assert_eq!(micro.precision, 0.5);
        assert_eq!(micro.recall, 0.5);
    }
}
