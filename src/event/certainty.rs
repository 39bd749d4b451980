//! How sure the article is of an event.
//!
//! - negated: "not", "never", "no", "n't", "without" in the three words before
//!   the trigger;
//! - future: "will", "shall", "'ll", "plans to", "expected to", "set to" ...
//!   in the three words before it;
//! - hedged: a hedge word ("may", "might", "could", "reportedly", "allegedly",
//!   "implies", "if" ...) before the trigger in its clause, or the sentence is a
//!   question and the trigger is not in a subordinate clause ("after ...");
//! - asserted otherwise.

use super::clauses::{SUBORDINATORS, Scope};
use super::{Context, Found};
use crate::annotation::Certainty;

const NEGATIONS: &[&str] = &[
    "not", "never", "no", "n't", "without", "neither", "nor", "didn't", "wasn't", "cannot",
];
const FUTURE: &[&str] = &[
    "will",
    "shall",
    "'ll",
    "going",
    "plans",
    "planned",
    "planning",
    "expected",
    "set",
    "scheduled",
    "intends",
    "aims",
];
const HEDGES: &[&str] = &[
    "may",
    "might",
    "could",
    "would",
    "possibly",
    "perhaps",
    "probably",
    "reportedly",
    "allegedly",
    "apparently",
    "likely",
    "unlikely",
    "suspected",
    "believed",
    "rumored",
    "rumoured",
    "unconfirmed",
    "implies",
    "implied",
    "suggests",
    "suggested",
    "appears",
    "appeared",
    "seems",
    "seemed",
    "if",
    "whether",
    "purportedly",
    "presumably",
    "supposedly",
    "claimed",
    "alleged",
];

/// The certainty of a trigger.
pub(super) fn certainty(
    context: &Context,
    found: &Found,
    scope: &Scope,
    clause_of: &[usize],
    sentence_start: usize,
    question: bool,
) -> Certainty {
    let at = found.tokens.start;
    let near = at.saturating_sub(3).max(scope.clause.start)..at;
    if near.clone().any(|i| context.is(i, NEGATIONS)) {
        return Certainty::Negated;
    }
    if near.clone().any(|i| context.is(i, FUTURE)) {
        return Certainty::Future;
    }
    if (scope.clause.start..at).any(|i| context.is(i, HEDGES)) {
        return Certainty::Hedged;
    }
    if question {
        let trigger_clause = clause_of[at - sentence_start];
        let subordinate = (sentence_start..at).any(|i| {
            clause_of[i - sentence_start] <= trigger_clause && context.is(i, SUBORDINATORS)
        });
        if !subordinate {
            return Certainty::Hedged;
        }
    }
    Certainty::Asserted
}
