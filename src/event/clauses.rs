//! Cutting a sentence into clauses and giving each trigger its scope.

use std::ops::Range;

use super::{Context, Found};

/// Tokens that close one clause and open the next.
const BREAKS: &[&str] = &[";", ":", "(", ")", "—", "–", "-", "?", "!", "\"", "“", "”"];
/// Words that open a subordinate or relative clause.
pub(super) const SUBORDINATORS: &[&str] = &[
    "after", "before", "when", "while", "because", "although", "though", "whereas", "where",
    "which", "who", "whom", "whose", "since", "until", "unless", "if", "whether", "whenever",
];
/// Coordinators that open a clause after a comma or before a trigger.
const COORDINATORS: &[&str] = &["and", "but", "or", "yet"];

/// A clause number for every token of the sentence `range` (indexed from
/// `range.start`).
pub(super) fn clause_ids(context: &Context, range: Range<usize>, found: &[Found]) -> Vec<usize> {
    let mut ids = Vec::with_capacity(range.len());
    let mut clause = 0;
    let mut trigger_at = found.iter().map(|f| f.tokens.start).peekable();
    for i in range.clone() {
        while trigger_at.next_if(|&t| t < i).is_some() {}
        let next_is_trigger = trigger_at.peek() == Some(&(i + 1));
        let after_comma = i > range.start && context.word(i - 1) == ",";
        let opens = context.is(i, SUBORDINATORS)
            || (context.is(i, COORDINATORS) && (after_comma || next_is_trigger));
        if BREAKS.contains(&context.word(i)) {
            clause += 1;
            ids.push(clause);
            clause += 1;
            continue;
        }
        if opens && i > range.start {
            clause += 1;
        }
        ids.push(clause);
    }
    ids
}

/// The scope of trigger `k`: from the previous trigger of its clause (or the
/// clause start) to the next trigger (or the clause end), as token ranges
/// `(left, right)` excluding the trigger itself.
pub(super) struct Scope {
    /// Tokens before the trigger within its scope.
    pub left: Range<usize>,
    /// Tokens after the trigger within its scope.
    pub right: Range<usize>,
    /// The whole clause holding the trigger.
    pub clause: Range<usize>,
}

/// Computes the [`Scope`] of trigger `k` among `found` in sentence `range`.
pub(super) fn scope(range: Range<usize>, clause_of: &[usize], found: &[Found], k: usize) -> Scope {
    let base = range.start;
    let trigger = &found[k];
    let clause = clause_of[trigger.tokens.start - base];
    let mut clause_start = trigger.tokens.start;
    while clause_start > base && clause_of[clause_start - 1 - base] == clause {
        clause_start -= 1;
    }
    let mut clause_end = trigger.tokens.end;
    while clause_end < range.end && clause_of[clause_end - base] == clause {
        clause_end += 1;
    }
    let left_start = k
        .checked_sub(1)
        .map(|p| found[p].tokens.end)
        .filter(|&end| end > clause_start)
        .unwrap_or(clause_start);
    let right_end = found
        .get(k + 1)
        .map(|n| n.tokens.start)
        .filter(|&start| start < clause_end)
        .unwrap_or(clause_end);
    Scope {
        left: left_start..trigger.tokens.start,
        right: trigger.tokens.end..right_end,
        clause: clause_start..clause_end,
    }
}
