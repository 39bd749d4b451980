//! Who takes part in an event, in what role, and where it happened.
//!
//! Candidates are the entity mentions in the trigger's scope. A location
//! after a place preposition ("in", "at", "near", "from" ...) is the place. For
//! a verb, the nearest other candidate before the trigger is the agent (the
//! target in a passive), the first after it the target, and "by X" the agent
//! of a passive. For a noun, a possessor ("Israel's", "the US's") or "by X" is
//! the agent and "of X" / "against X" the target. The organization or country
//! in a title phrase ("Iran nuclear chief Mohsen Fakhrizadeh") is not taken for
//! the target: the person is. Everything else in scope takes part as `other`.
//! With no agent in scope, a subject pronoun ("he", "she") takes the nearest
//! person mentioned before it, and a definite noun phrase ("those agents") the
//! organization that modified the same noun earlier ("Mossad agents").

use super::clauses::Scope;
use super::{Context, Found};
use crate::annotation::{EntityType, Participant, ParticipantRole};

/// Prepositions that introduce a place.
const PLACE_PREPOSITIONS: &[&str] = &[
    "in",
    "at",
    "near",
    "from",
    "outside",
    "inside",
    "across",
    "into",
    "within",
    "throughout",
    "around",
    "toward",
    "towards",
    "over",
    "off",
];
/// Auxiliaries that make a past participle passive.
const PASSIVE_AUXILIARIES: &[&str] = &["was", "were", "been", "being", "is", "are", "be", "got"];

/// A mention in scope with what the surrounding words say of it.
#[derive(Clone, Copy, Debug)]
struct Candidate {
    mention: usize,
    entity: usize,
    first_token: usize,
    last_token: usize,
    kind: EntityType,
    /// After a place preposition.
    after_place_word: bool,
    /// The organization or country of a title phrase.
    title_modifier: bool,
    /// For a title modifier, the person holding the title.
    title_holder: Option<usize>,
    /// The word before the mention and its determiners ("by" in "by the US").
    word_before: Option<usize>,
}

impl Candidate {
    /// The entity an argument slot takes: the person for a title phrase.
    fn argument(&self) -> usize {
        self.title_holder.unwrap_or(self.entity)
    }

    /// True when the word before the mention (and its determiners) is one of `words`.
    fn after_word(&self, context: &Context, words: &[&str]) -> bool {
        self.word_before.is_some_and(|i| context.is(i, words))
    }
}

/// Participants (each entity once) and place of the trigger.
pub(super) fn assign(
    context: &Context,
    found: &Found,
    scope: &Scope,
    sentence: usize,
) -> (Vec<Participant>, Option<usize>) {
    let left = candidates(context, scope.left.clone());
    let right = candidates(context, scope.right.clone());

    let is_place = |c: &Candidate| c.after_place_word && c.kind == EntityType::Location;
    let actor = |c: &&Candidate| !c.after_place_word && !c.title_modifier;

    let (agent, target) = if found.noun {
        // Possessor: "X's heist", within three tokens before the trigger.
        let possessor = left
            .iter()
            .rev()
            .find(|c| {
                c.last_token + 4 >= found.tokens.start
                    && context.is(c.last_token + 1, &["'s", "’s"])
            })
            .map(|c| c.entity);
        let after = |words: &[&str]| {
            right
                .iter()
                .find(|c| {
                    c.first_token <= found.tokens.end + 3
                        && (found.tokens.end..c.first_token).any(|i| context.is(i, words))
                })
                .map(Candidate::argument)
        };
        let agent = after(&["by"])
            .or(possessor)
            .or_else(|| resolve_subject(context, scope, sentence));
        (agent, after(&["of", "against", "on"]))
    } else {
        let passive = (found.tokens.start.saturating_sub(2)..found.tokens.start)
            .any(|i| i >= scope.left.start && context.is(i, PASSIVE_AUXILIARIES))
            && context.word(found.tokens.start).ends_with("ed");
        let before = left.iter().rev().find(actor).map(|c| c.entity);
        let before = before.or_else(|| resolve_subject(context, scope, sentence));
        let after = right
            .iter()
            .find(|c| actor(c) && !c.after_word(context, &["by"]));
        // A saying verb after a quote takes its subject after it:
        // '"...," writes Pompeo.'
        let inverted = before.is_none()
            && found.tokens.start > 0
            && context.is(found.tokens.start - 1, &[",", "\"", "”", "'", "’"]);
        if inverted {
            return finish(after.map(|c| c.entity), None, &left, &right, is_place);
        }
        if passive {
            let by = right
                .iter()
                .find(|c| c.after_word(context, &["by"]))
                .map(|c| c.entity);
            (by, before)
        } else {
            (before, after.map(|c| c.entity))
        }
    };
    finish(agent, target, &left, &right, is_place)
}

/// Puts agent, target, place and the other candidates together, each entity once.
fn finish(
    agent: Option<usize>,
    target: Option<usize>,
    left: &[Candidate],
    right: &[Candidate],
    is_place: impl Fn(&Candidate) -> bool,
) -> (Vec<Participant>, Option<usize>) {
    let place = right
        .iter()
        .chain(left.iter().rev())
        .find(|c| is_place(c))
        .map(|c| c.entity);
    let mut participants: Vec<Participant> = Vec::new();
    let mut add = |entity: usize, role: ParticipantRole| {
        if Some(entity) != place && !participants.iter().any(|p| p.entity == entity) {
            participants.push(Participant { entity, role });
        }
    };
    if let Some(agent) = agent {
        add(agent, ParticipantRole::Agent);
    }
    if let Some(target) = target {
        add(target, ParticipantRole::Target);
    }
    for c in left.iter().rev().chain(right.iter()) {
        add(c.entity, ParticipantRole::Other);
    }
    (participants, place)
}

/// The candidate mentions in a token range, each mention once.
fn candidates(context: &Context, range: std::ops::Range<usize>) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = Vec::new();
    for i in range {
        let Some(m) = context.mention_of_token[i] else {
            continue;
        };
        if let Some(last) = out.last_mut().filter(|c| c.mention == m) {
            last.last_token = i;
            continue;
        }
        let mention = &context.annotated.mentions[m];
        let mut before = i;
        while before > 0 && context.is(before - 1, &["the", "[", "a", "an"]) {
            before -= 1;
        }
        // "in Tel Aviv, Israel": a place after a place and a comma is a place too.
        let apposed_place = before > 1
            && context.is(before - 1, &[","])
            && out
                .last()
                .is_some_and(|c| c.after_place_word && c.last_token + 2 == i);
        let mut last = i;
        while context.mention_of_token.get(last + 1) == Some(&Some(m)) {
            last += 1;
        }
        let possessor = context.is(last + 1, &["'s", "’s"]);
        let after_place_word =
            !possessor && (after_place_preposition(context, before) || apposed_place);
        let holder = context.roles.iter().find(|r| {
            r.object == Some(mention.entity)
                && r.span.contains(&mention.span)
                && r.subject != mention.entity
        });
        let title_modifier = holder.is_some();
        out.push(Candidate {
            mention: m,
            entity: mention.entity,
            first_token: i,
            last_token: i,
            kind: mention.kind,
            after_place_word,
            title_modifier,
            title_holder: holder.map(|r| r.subject),
            word_before: before.checked_sub(1),
        });
    }
    out
}

/// True when a place preposition stands before token `i`, directly or across
/// a few lower-case words ("in southern Turkey", "near the heart of Tehran").
fn after_place_preposition(context: &Context, i: usize) -> bool {
    for back in 1..=4 {
        let Some(j) = i.checked_sub(back) else {
            return false;
        };
        if context.is(j, PLACE_PREPOSITIONS) {
            return true;
        }
        let word = context.word(j);
        let other_preposition = context.is(
            j,
            &[
                "to", "for", "with", "by", "on", "about", "than", "as", "into",
            ],
        );
        if word.is_empty() || !word.chars().all(|c| c.is_lowercase()) || other_preposition {
            return false;
        }
    }
    false
}

/// With no named agent in scope: a subject pronoun or a definite noun phrase
/// before the trigger, resolved to an entity mentioned earlier.
fn resolve_subject(context: &Context, scope: &Scope, sentence: usize) -> Option<usize> {
    for i in scope.left.clone().rev() {
        if context.is(i, &["he", "she", "him", "her"]) {
            return nearest_person_before(context, i, sentence);
        }
        if context.is(i, &["those", "these", "the"]) {
            let noun = context.word(i + 1);
            if noun.is_empty() || !noun.chars().all(|c| c.is_lowercase()) {
                continue;
            }
            // "those agents" ← "Mossad agents" earlier in this or the two
            // previous sentences.
            let floor = context.sentence_tokens[sentence.saturating_sub(2)].start;
            for j in (floor + 1..i).rev() {
                if context.word(j) != noun {
                    continue;
                }
                let Some(m) = context.mention_of_token[j - 1] else {
                    continue;
                };
                let mention = &context.annotated.mentions[m];
                if mention.kind == EntityType::Organization {
                    return Some(mention.entity);
                }
            }
        }
    }
    None
}

/// How many sentences back a subject pronoun looks for the person it means.
const PRONOUN_REACH: usize = 4;

/// The nearest person mentioned before token `i` in this or the
/// [`PRONOUN_REACH`] previous sentences.
fn nearest_person_before(context: &Context, i: usize, sentence: usize) -> Option<usize> {
    let floor = context.sentence_tokens[sentence.saturating_sub(PRONOUN_REACH)].start;
    (floor..i).rev().find_map(|j| {
        let m = context.mention_of_token[j]?;
        let mention = &context.annotated.mentions[m];
        (mention.kind == EntityType::Person).then_some(mention.entity)
    })
}
