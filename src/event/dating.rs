//! Giving an event its date.
//!
//! In order: the first calendar time expression after the trigger in its
//! scope, else the nearest before it in its scope, else the nearest in its
//! clause, else the nearest in its sentence (all `stated`); else the last
//! calendar expression of the previous sentences of the same paragraph
//! (`inherited`: the time the text is talking about); else, for a verb in the
//! present tense ("announces"), the publication date (`dct`); else none.

use std::ops::Range;

use super::clauses::Scope;
use super::{Context, Found};
use crate::annotation::{DateSource, EventDate, TimexType};

/// Paragraph number of every sentence: a blank line starts a new paragraph.
pub(super) fn paragraph_of_sentences(context: &Context) -> Vec<usize> {
    let text = &context.document.text;
    let sentences = &context.annotated.sentences;
    let mut paragraph = 0;
    let mut out = Vec::with_capacity(sentences.len());
    for (i, sentence) in sentences.iter().enumerate() {
        if i > 0 {
            let gap = &text[sentences[i - 1].span.end..sentence.span.start];
            if gap.matches('\n').count() >= 2 {
                paragraph += 1;
            }
        }
        out.push(paragraph);
    }
    out
}

/// The date of a trigger, if the text gives or implies one.
pub(super) fn date(
    context: &Context,
    found: &Found,
    all: &[Found],
    scope: &Scope,
    sentence: usize,
    paragraphs: &[usize],
) -> Option<EventDate> {
    let stated = |timex: usize| EventDate {
        value: context.annotated.timexes[timex].value.clone(),
        source: DateSource::Stated,
        timex: Some(timex),
    };
    if let Some(t) = calendar_timexes(context, scope.right.clone())
        .first()
        .copied()
    {
        return Some(stated(t));
    }
    let sentence_range = context.sentence_tokens[sentence].clone();
    let free = |t: &usize| !fenced_off(context, *t, found, all, sentence_range.clone());
    if let Some(t) = calendar_timexes(context, scope.left.clone())
        .into_iter()
        .rev()
        .find(free)
    {
        return Some(stated(t));
    }
    let at = found.tokens.start;
    if let Some(t) = nearest(context, scope.clause.clone(), at, &free) {
        return Some(stated(t));
    }
    if let Some(t) = nearest(context, sentence_range.clone(), at, &free) {
        return Some(stated(t));
    }
    // A sentence with dates of its own that all belong to other events
    // inherits nothing.
    if !calendar_timexes(context, sentence_range.clone()).is_empty() {
        return None;
    }
    let prose = |s: usize| ends_like_prose(context, s);
    for previous in (0..sentence).rev().take(3) {
        if paragraphs[previous] != paragraphs[sentence] || !prose(sentence) || !prose(previous) {
            break;
        }
        if let Some(t) = calendar_timexes(context, context.sentence_tokens[previous].clone())
            .last()
            .copied()
        {
            return Some(EventDate {
                source: DateSource::Inherited,
                ..stated(t)
            });
        }
    }
    let form = context.word(found.tokens.start);
    let present = found.trigger.verb
        && !found.noun
        && form.ends_with('s')
        && !form.eq_ignore_ascii_case(found.trigger.lemma);
    match (present, context.document.dct) {
        (true, Some(dct)) => Some(EventDate {
            value: dct.to_string(),
            source: DateSource::Dct,
            timex: None,
        }),
        _ => None,
    }
}

/// True when a sentence ends with a full stop, question or exclamation mark
/// (possibly inside closing quotes): prose, not a headline, byline or menu line.
fn ends_like_prose(context: &Context, sentence: usize) -> bool {
    let range = &context.sentence_tokens[sentence];
    (range.start..range.end)
        .rev()
        .take(3)
        .map(|i| context.word(i))
        .find(|w| !matches!(*w, "\"" | "”" | "’" | "'" | ")"))
        .is_some_and(|w| matches!(w, "." | "?" | "!"))
}

/// The calendar time expressions (dates and times with a calendar value, not
/// durations, sets or vague references) in a token range, in order, each once.
fn calendar_timexes(context: &Context, range: Range<usize>) -> Vec<usize> {
    let mut seen: Vec<usize> = range.filter_map(|i| context.timex_of_token[i]).collect();
    seen.dedup();
    seen.retain(|&t| is_calendar(context, t));
    seen
}

fn is_calendar(context: &Context, timex: usize) -> bool {
    let timex = &context.annotated.timexes[timex];
    matches!(timex.kind, TimexType::Date | TimexType::Time)
        && timex
            .value
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit())
}

/// The calendar expression in `range` nearest to token `at` that `allowed`
/// accepts.
fn nearest(
    context: &Context,
    range: Range<usize>,
    at: usize,
    allowed: &impl Fn(&usize) -> bool,
) -> Option<usize> {
    range
        .filter_map(|i| context.timex_of_token[i].map(|t| (i.abs_diff(at), t)))
        .filter(|&(_, t)| is_calendar(context, t) && allowed(&t))
        .min()
        .map(|(_, t)| t)
}

/// True when time expression `timex` sits in a comma-delimited stretch of the
/// sentence that holds another trigger and not this one ("Jobs, born in San
/// Francisco on February 24, 1955, has built ...": the date is the birth's,
/// not the building's). Commas inside time expressions do not count.
fn fenced_off(
    context: &Context,
    timex: usize,
    found: &Found,
    all: &[Found],
    range: Range<usize>,
) -> bool {
    let segment_of = |token: usize| {
        (range.start..token)
            .filter(|&i| context.word(i) == "," && context.timex_of_token[i].is_none())
            .count()
    };
    let span = context.annotated.timexes[timex].span;
    let Some(first) = range
        .clone()
        .find(|&i| context.annotated.tokens[i].span.start >= span.start)
    else {
        return false;
    };
    let segment = segment_of(first);
    if segment == segment_of(found.tokens.start) {
        return false;
    }
    all.iter().any(|other| {
        other.tokens.start != found.tokens.start && segment_of(other.tokens.start) == segment
    })
}
