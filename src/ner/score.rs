//! conlleval-style scoring: a name counts as correct only when its span and
//! type both match the gold name exactly; precision, recall and F1 per type
//! and overall, plus token accuracy.

use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;

use super::tags::{Chunk, chunks};

/// Counts of one type (or all): gold names, found names, correct names.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Names in the gold labels.
    pub gold: usize,
    /// Names predicted.
    pub found: usize,
    /// Predicted names whose span and type match a gold name.
    pub correct: usize,
}

impl Counts {
    /// Precision in percent (0 when nothing was found).
    pub fn precision(&self) -> f64 {
        percent(self.correct, self.found)
    }

    /// Recall in percent (0 when there is no gold name).
    pub fn recall(&self) -> f64 {
        percent(self.correct, self.gold)
    }

    /// F1 in percent.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn percent(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

/// Scores accumulated over sentences.
#[derive(Clone, Debug, Default)]
pub struct Score {
    /// All types together.
    pub overall: Counts,
    /// By type label.
    pub by_type: BTreeMap<String, Counts>,
    /// Tokens scored.
    pub tokens: usize,
    /// Tokens whose predicted label equals the gold label.
    pub tokens_correct: usize,
}

impl Score {
    /// Adds one sentence's gold and predicted BIO labels (same length).
    pub fn add<G: AsRef<str>, P: AsRef<str>>(&mut self, gold: &[G], predicted: &[P]) {
        self.tokens += gold.len();
        self.tokens_correct += gold
            .iter()
            .zip(predicted)
            .filter(|(g, p)| g.as_ref() == p.as_ref())
            .count();
        let gold_chunks = chunks(gold);
        let found: HashSet<Chunk> = chunks(predicted).into_iter().collect();
        for c in &gold_chunks {
            self.by_type.entry(c.kind.clone()).or_default().gold += 1;
        }
        for c in &found {
            self.by_type.entry(c.kind.clone()).or_default().found += 1;
        }
        for c in gold_chunks.iter().filter(|c| found.contains(c)) {
            self.by_type.entry(c.kind.clone()).or_default().correct += 1;
            self.overall.correct += 1;
        }
        self.overall.gold += gold_chunks.len();
        self.overall.found += found.len();
    }

    /// Token accuracy in percent.
    pub fn accuracy(&self) -> f64 {
        percent(self.tokens_correct, self.tokens)
    }

    /// The report in conlleval's layout.
    pub fn table(&self) -> String {
        let o = &self.overall;
        let mut out = format!(
            "processed {} tokens with {} phrases; found: {} phrases; correct: {}.\n",
            self.tokens, o.gold, o.found, o.correct
        );
        let _ = writeln!(
            out,
            "accuracy: {:6.2}%; precision: {:6.2}%; recall: {:6.2}%; FB1: {:6.2}",
            self.accuracy(),
            o.precision(),
            o.recall(),
            o.f1()
        );
        for (kind, c) in &self.by_type {
            let _ = writeln!(
                out,
                "{kind:>17}: precision: {:6.2}%; recall: {:6.2}%; FB1: {:6.2}  {}",
                c.precision(),
                c.recall(),
                c.f1(),
                c.found
            );
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_span_and_type() {
        let mut s = Score::default();
        s.add(
            &["B-PER", "I-PER", "O", "B-LOC", "B-ORG"],
            &["B-PER", "O", "O", "B-LOC", "B-LOC"],
        );
        assert_eq!(
            s.overall,
            Counts {
                gold: 3,
                found: 3,
                correct: 1
            }
        );
        assert_eq!(s.by_type["LOC"].found, 2);
        assert_eq!(s.by_type["LOC"].correct, 1);
        assert_eq!(s.by_type["ORG"].gold, 1);
        assert!((s.overall.f1() - 100.0 / 3.0).abs() < 1e-9);
        assert_eq!(s.tokens_correct, 3);
        assert!(s.table().contains("FB1:  33.33"));
    }
}
