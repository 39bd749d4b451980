//! Events from trigger words: type, participants, place, date, certainty.
//!
//! For each sentence: find the trigger words of `data/lexicon/events.txt`
//! (outside names and time expressions), cut the sentence into clauses, and
//! give each trigger a *scope*: the stretch of its clause from the previous
//! trigger to the next one. Participants, place and date are read from the
//! scope (see [`participants`], [`dating`]); certainty from the cue words before
//! the trigger in its clause and from the sentence being a question
//! ([`certainty`]). An event stated twice in a document (same trigger lemma,
//! date, participants and place, as in a repeated photo caption) is kept once,
//! and a telling that another says more about gives way to it (a headline's
//! present-tense "Jobs dies" to a dated "Jobs died yesterday"; "the
//! assassination" to "the US assassinated Soleimani" of the same date).

mod certainty;
mod clauses;
mod dating;
mod participants;
mod triggers;

use std::ops::Range;

use crate::annotation::{
    Annotated, Certainty, DateSource, Event, Participant, ParticipantRole, Relation, TokenKind,
};
use crate::document::Document;

use triggers::Trigger;

/// One trigger found in a sentence, with the token range it covers.
#[derive(Clone, Debug)]
pub(crate) struct Found {
    /// Tokens of the trigger word(s).
    pub tokens: Range<usize>,
    /// What the lexicon says of it.
    pub trigger: Trigger,
    /// Read as a noun (nominalisation) rather than a verb.
    pub noun: bool,
}

/// Token-level tables of one document shared by the event steps.
pub(crate) struct Context<'a> {
    pub document: &'a Document,
    pub annotated: &'a Annotated,
    pub roles: &'a [Relation],
    pub mention_of_token: Vec<Option<usize>>,
    pub timex_of_token: Vec<Option<usize>>,
    pub sentence_tokens: Vec<Range<usize>>,
}

impl Context<'_> {
    /// Text of token `i` (empty past the end).
    pub fn word(&self, i: usize) -> &str {
        self.annotated
            .tokens
            .get(i)
            .map_or("", |t| t.span.text(&self.document.text))
    }

    /// True when token `i` is one of `words` (ASCII case-insensitive).
    pub fn is(&self, i: usize, words: &[&str]) -> bool {
        let word = self.word(i);
        words.iter().any(|w| w.eq_ignore_ascii_case(word))
    }
}

/// Finds the events of an annotated document whose mentions, entities and
/// role phrases (`roles`) are known.
pub fn extract(document: &Document, annotated: &Annotated, roles: &[Relation]) -> Vec<Event> {
    let context = Context {
        document,
        annotated,
        roles,
        mention_of_token: annotated.mention_of_token(),
        timex_of_token: annotated.timex_of_token(),
        sentence_tokens: annotated.sentence_token_ranges(),
    };
    let paragraphs = dating::paragraph_of_sentences(&context);
    let mut events: Vec<Event> = Vec::new();
    let mut lower = String::new();
    for (sentence, range) in context.sentence_tokens.iter().enumerate() {
        let found = find_triggers(&context, range.clone(), &mut lower);
        if found.is_empty() {
            continue;
        }
        let clause_of = clauses::clause_ids(&context, range.clone(), &found);
        let question = context.word(range.end.saturating_sub(1)) == "?"
            || (range.end >= 2 && context.word(range.end - 2) == "?");
        let mut local: Vec<Event> = Vec::with_capacity(found.len());
        for (k, trigger) in found.iter().enumerate() {
            let scope = clauses::scope(range.clone(), &clause_of, &found, k);
            let (mut participants, place) =
                participants::assign(&context, trigger, &scope, sentence);
            if trigger.trigger.kind == "movement" {
                add_posts_left(&mut participants, roles, sentence);
            }
            let date = dating::date(&context, trigger, &found, &scope, sentence, &paragraphs);
            let certainty =
                certainty::certainty(&context, trigger, &scope, &clause_of, range.start, question);
            let first = &annotated.tokens[trigger.tokens.start];
            let last = &annotated.tokens[trigger.tokens.end - 1];
            let mut event = Event {
                trigger: crate::annotation::Span::new(first.span.start, last.span.end),
                lemma: trigger.trigger.lemma.to_string(),
                kind: trigger.trigger.kind.to_string(),
                sentence,
                date,
                participants,
                place,
                certainty,
            };
            let same_clause = k > 0
                && clause_of[found[k - 1].tokens.start - range.start]
                    == clause_of[trigger.tokens.start - range.start];
            let infinitive = trigger.tokens.start > range.start
                && context.is(trigger.tokens.start - 1, &["to"])
                && !trigger.noun;
            if let (true, true, Some(governing)) = (same_clause, infinitive, local.last()) {
                share_subject(&mut event, governing);
            }
            local.push(event);
        }
        for event in local {
            let repeated = events.iter().any(|e| {
                e.lemma == event.lemma
                    && e.date.as_ref().map(|d| &d.value) == event.date.as_ref().map(|d| &d.value)
                    && e.participants == event.participants
                    && e.place == event.place
                    && e.certainty == event.certainty
            });
            if !repeated {
                events.push(event);
            }
        }
    }
    drop_retellings(events)
}

/// Drops the tellings of an event that another telling in the same document
/// says more about, with the same trigger lemma and certainty:
/// - a telling dated only by the publication date because its verb is in
///   the present tense ("Steve Jobs dies aged 56", a headline) when another
///   has a date of its own and every agent and target of the first takes
///   part in it ("Jobs died on Wednesday");
/// - a telling with the same date as another but fewer participants and no
///   other place ("the assassination" after "the US assassinated Soleimani
///   in January 2020", both in January 2020).
fn drop_retellings(events: Vec<Event>) -> Vec<Event> {
    let source = |event: &Event| event.date.as_ref().map(|d| d.source);
    let present_retold = |event: &Event, other: &Event| {
        let mut core = event
            .participants
            .iter()
            .filter(|p| p.role != ParticipantRole::Other)
            .peekable();
        source(event) == Some(DateSource::Dct)
            && source(other).is_some_and(|s| s != DateSource::Dct)
            && core.peek().is_some()
            && core.all(|c| other.participants.iter().any(|p| p.entity == c.entity))
    };
    let barer = |event: &Event, other: &Event| {
        event.date.is_some()
            && event.date.as_ref().map(|d| &d.value) == other.date.as_ref().map(|d| &d.value)
            && event.participants.len() < other.participants.len()
            && event
                .participants
                .iter()
                .all(|p| other.participants.contains(p))
            && (event.place.is_none() || event.place == other.place)
    };
    let retold = |event: &Event| {
        events.iter().any(|other| {
            other.lemma == event.lemma
                && other.certainty == event.certainty
                && (present_retold(event, other) || barer(event, other))
        })
    };
    let keep: Vec<bool> = events.iter().map(|e| !retold(e)).collect();
    events
        .into_iter()
        .zip(keep)
        .filter_map(|(event, keep)| keep.then_some(event))
        .collect()
}

/// A verb in the infinitive after another ("will travel to Beijing to meet
/// Xi") has the governing verb's agent, and is as sure as it: the agent it
/// found on its own becomes `other`.
fn share_subject(event: &mut Event, governing: &Event) {
    let Some(agent) = governing
        .participants
        .iter()
        .find(|p| p.role == ParticipantRole::Agent)
        .map(|p| p.entity)
    else {
        return;
    };
    for participant in &mut event.participants {
        if participant.role == ParticipantRole::Agent {
            participant.role = ParticipantRole::Other;
        }
    }
    event.participants.retain(|p| p.entity != agent);
    event.participants.insert(
        0,
        Participant {
            entity: agent,
            role: ParticipantRole::Agent,
        },
    );
    if governing.certainty != Certainty::Asserted {
        event.certainty = governing.certainty;
    }
}

/// A person who moves ("he switched to the State Department") leaves the
/// posts the same sentence gives them ("no longer CIA director"): those
/// organizations take part as `other`.
fn add_posts_left(participants: &mut Vec<Participant>, roles: &[Relation], sentence: usize) {
    let Some(agent) = participants
        .iter()
        .find(|p| p.role == ParticipantRole::Agent)
        .map(|p| p.entity)
    else {
        return;
    };
    for role in roles
        .iter()
        .filter(|r| r.subject == agent && r.sentence == sentence)
    {
        let Some(organization) = role.object else {
            continue;
        };
        if !participants.iter().any(|p| p.entity == organization) {
            participants.push(Participant {
                entity: organization,
                role: ParticipantRole::Other,
            });
        }
    }
}

/// Trigger words of one sentence, in order, outside names and time expressions.
fn find_triggers(context: &Context, range: Range<usize>, lower: &mut String) -> Vec<Found> {
    let mut found = Vec::new();
    let mut i = range.start;
    while i < range.end {
        let token = &context.annotated.tokens[i];
        let inside = context.mention_of_token[i].is_some() || context.timex_of_token[i].is_some();
        if token.kind != TokenKind::Word || inside {
            i += 1;
            continue;
        }
        lower.clear();
        lower.extend(context.word(i).chars().flat_map(char::to_lowercase));
        // A phrasal form first ("stepped down"), then the single word.
        let single_len = lower.len();
        let mut hit = None;
        if i + 1 < range.end {
            lower.push(' ');
            lower.extend(context.word(i + 1).chars().flat_map(char::to_lowercase));
            hit = triggers::lookup(lower).map(|t| (t, 2));
            lower.truncate(single_len);
        }
        let hit = hit.or_else(|| triggers::lookup(lower).map(|t| (t, 1)));
        // A label such as "Published:" or "Updated:" is not an event.
        let label = hit.is_some_and(|(_, words)| context.word(i + words) == ":");
        let Some((trigger, words)) = hit.filter(|_| !label) else {
            i += 1;
            continue;
        };
        let noun = reads_as_noun(context, i, &trigger, range.start);
        found.push(Found {
            tokens: i..i + words,
            trigger,
            noun,
        });
        i += words;
    }
    found
}

/// Decides between noun and verb for a form the lexicon lists as both: a
/// determiner or possessive before it, or "of" after it, make it a noun.
fn reads_as_noun(context: &Context, i: usize, trigger: &Trigger, floor: usize) -> bool {
    if !trigger.verb {
        return true;
    }
    if !trigger.noun {
        return false;
    }
    const DETERMINERS: &[&str] = &[
        "the", "a", "an", "its", "his", "her", "their", "our", "this", "that", "these", "those",
        "'s", "’s", "any", "no", "every", "each", "major", "new", "first", "last",
    ];
    let after_of = context.is(i + 1, &["of", "against", "on", "by"]);
    let before = i > floor && context.is(i - 1, DETERMINERS);
    before || after_of
}
