//! Scoring time expressions against gold annotations, TempEval-3 style
//! (SemEval-2013 Task 1, Task A).
//!
//! System and gold expressions are paired one to one: first those with the
//! very same span, then, among the rest, the pairs that overlap most (ties
//! broken by text order). From the pairs:
//!
//! - **strict** precision/recall/F1 count the pairs with the same span;
//! - **relaxed** precision/recall/F1 count every pair (spans that overlap);
//! - **type accuracy** and **value accuracy** are the share of relaxed pairs
//!   whose TIMEX3 `type` / `value` are equal (as strings);
//! - **value F1** counts a pair only when its value is right:
//!   P = right values / system expressions, R = right values / gold
//!   expressions, which equals relaxed F1 × value accuracy.

use crate::annotation::Span;

/// One expression to score, from the system or from the gold data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mark<'a> {
    /// Byte span into the document text (both sides index the same text).
    pub span: Span,
    /// TIMEX3 `type`.
    pub kind: &'a str,
    /// TIMEX3 `value`.
    pub value: &'a str,
}

/// A system expression paired with a gold one (indexes into the slices
/// given to [`score`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pair {
    /// Index of the system expression.
    pub system: usize,
    /// Index of the gold expression.
    pub gold: usize,
}

/// The counts every measure is computed from; they add up over documents.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Gold expressions.
    pub gold: usize,
    /// System expressions.
    pub system: usize,
    /// Pairs with the same span.
    pub strict: usize,
    /// All pairs (overlapping spans).
    pub relaxed: usize,
    /// Pairs with the same type.
    pub type_correct: usize,
    /// Pairs with the same value.
    pub value_correct: usize,
}

/// Precision, recall and F1, each between 0 and 1 (0 when undefined).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Prf {
    /// Correct / system.
    pub precision: f64,
    /// Correct / gold.
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
}

impl Prf {
    fn of(correct: usize, system: usize, gold: usize) -> Self {
        let precision = ratio(correct, system);
        let recall = ratio(correct, gold);
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        Self {
            precision,
            recall,
            f1,
        }
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

impl Counts {
    /// Adds the counts of another document or folder.
    pub fn add(&mut self, other: &Counts) {
        self.gold += other.gold;
        self.system += other.system;
        self.strict += other.strict;
        self.relaxed += other.relaxed;
        self.type_correct += other.type_correct;
        self.value_correct += other.value_correct;
    }

    /// Strict-match precision/recall/F1 (same span).
    pub fn strict(&self) -> Prf {
        Prf::of(self.strict, self.system, self.gold)
    }

    /// Relaxed-match precision/recall/F1 (overlapping spans).
    pub fn relaxed(&self) -> Prf {
        Prf::of(self.relaxed, self.system, self.gold)
    }

    /// Share of relaxed matches with the right type.
    pub fn type_accuracy(&self) -> f64 {
        ratio(self.type_correct, self.relaxed)
    }

    /// Share of relaxed matches with the right value.
    pub fn value_accuracy(&self) -> f64 {
        ratio(self.value_correct, self.relaxed)
    }

    /// Precision/recall/F1 counting only matches with the right value.
    pub fn value(&self) -> Prf {
        Prf::of(self.value_correct, self.system, self.gold)
    }
}

/// Pairs system and gold expressions one to one: same spans first, then the
/// largest overlaps. Each side is used at most once; the result is sorted by
/// gold index.
pub fn pair(system: &[Span], gold: &[Span]) -> Vec<Pair> {
    let mut system_used = vec![false; system.len()];
    let mut gold_used = vec![false; gold.len()];
    let mut pairs = Vec::new();
    for (g, gold_span) in gold.iter().enumerate() {
        if let Some(s) = (0..system.len()).find(|&s| !system_used[s] && system[s] == *gold_span) {
            system_used[s] = true;
            gold_used[g] = true;
            pairs.push(Pair { system: s, gold: g });
        }
    }
    let mut overlaps = Vec::new();
    for (g, gold_span) in gold.iter().enumerate().filter(|(g, _)| !gold_used[*g]) {
        for (s, system_span) in system.iter().enumerate().filter(|(s, _)| !system_used[*s]) {
            let shared = gold_span
                .end
                .min(system_span.end)
                .saturating_sub(gold_span.start.max(system_span.start));
            if shared > 0 {
                overlaps.push((std::cmp::Reverse(shared), g, s));
            }
        }
    }
    overlaps.sort_unstable();
    for (_, g, s) in overlaps {
        if !gold_used[g] && !system_used[s] {
            gold_used[g] = true;
            system_used[s] = true;
            pairs.push(Pair { system: s, gold: g });
        }
    }
    pairs.sort_unstable_by_key(|p| (p.gold, p.system));
    pairs
}

/// Scores one document: its counts and the pairs they come from.
pub fn score(system: &[Mark], gold: &[Mark]) -> (Counts, Vec<Pair>) {
    let system_spans: Vec<Span> = system.iter().map(|m| m.span).collect();
    let gold_spans: Vec<Span> = gold.iter().map(|m| m.span).collect();
    let pairs = pair(&system_spans, &gold_spans);
    let mut counts = Counts {
        gold: gold.len(),
        system: system.len(),
        ..Counts::default()
    };
    for p in &pairs {
        let (s, g) = (&system[p.system], &gold[p.gold]);
        counts.relaxed += 1;
        counts.strict += usize::from(s.span == g.span);
        counts.type_correct += usize::from(s.kind == g.kind);
        counts.value_correct += usize::from(s.value == g.value);
    }
    (counts, pairs)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(start: usize, end: usize, kind: &'static str, value: &'static str) -> Mark<'static> {
        Mark {
            span: Span::new(start, end),
            kind,
            value,
        }
    }

    #[test]
    fn exact_spans_pair_before_larger_overlaps() {
        // System [0,10) overlaps gold [2,10) more than gold [0,4), but gold
        // [2,10) has an exact twin, which pairs first.
        let system = [Span::new(0, 10), Span::new(2, 10)];
        let gold = [Span::new(0, 4), Span::new(2, 10)];
        assert_eq!(
            pair(&system, &gold),
            vec![Pair { system: 0, gold: 0 }, Pair { system: 1, gold: 1 }]
        );
    }

    #[test]
    fn each_side_is_used_once_and_the_largest_overlap_wins() {
        let system = [Span::new(0, 20)];
        let gold = [Span::new(0, 3), Span::new(5, 15)];
        assert_eq!(pair(&system, &gold), vec![Pair { system: 0, gold: 1 }]);
        assert!(pair(&[Span::new(0, 3)], &[Span::new(3, 6)]).is_empty());
    }

    #[test]
    fn measures_follow_tempeval3() {
        // Gold: 4 expressions, system: 5. Pairs: one exact with the right
        // type and value, one overlapping with a wrong value, one
        // overlapping with a wrong type; one gold missed, two spurious.
        let gold = [
            mark(0, 5, "DATE", "2018"),
            mark(10, 20, "DATE", "2018-02"),
            mark(30, 35, "DURATION", "P2D"),
            mark(50, 55, "DATE", "2019"),
        ];
        let system = [
            mark(0, 5, "DATE", "2018"),
            mark(12, 20, "DATE", "2018-03"),
            mark(30, 40, "DATE", "P2D"),
            mark(60, 65, "DATE", "2020"),
            mark(70, 75, "TIME", "2020-01-01T10:00"),
        ];
        let (counts, pairs) = score(&system, &gold);
        assert_eq!(pairs.len(), 3);
        assert_eq!(
            counts,
            Counts {
                gold: 4,
                system: 5,
                strict: 1,
                relaxed: 3,
                type_correct: 2,
                value_correct: 2,
            }
        );
        let close = |a: f64, b: f64| (a - b).abs() < 1e-9;
        assert!(close(counts.strict().precision, 0.2));
        assert!(close(counts.strict().recall, 0.25));
        assert!(close(counts.relaxed().precision, 0.6));
        assert!(close(counts.relaxed().recall, 0.75));
        assert!(close(counts.relaxed().f1, 2.0 * 0.6 * 0.75 / 1.35));
        assert!(close(counts.type_accuracy(), 2.0 / 3.0));
        assert!(close(counts.value_accuracy(), 2.0 / 3.0));
        // Value F1 = relaxed F1 × value accuracy.
        assert!(close(
            counts.value().f1,
            counts.relaxed().f1 * counts.value_accuracy()
        ));
    }

    #[test]
    fn empty_sides_score_zero_without_dividing_by_zero() {
        let (counts, _) = score(&[], &[]);
        assert_eq!(counts.relaxed().f1, 0.0);
        assert_eq!(counts.value_accuracy(), 0.0);
        let mut total = counts;
        total.add(&Counts {
            gold: 2,
            system: 1,
            strict: 1,
            relaxed: 1,
            type_correct: 1,
            value_correct: 0,
        });
        assert_eq!(total.gold, 2);
        assert_eq!(total.value().f1, 0.0);
    }
}
