//! Giving an event its date.
//!
//! In order: a calendar expression that owns a noun trigger ("Monday's
//! announcement"); the first calendar time expression after the trigger in its
//! scope (unless it lies past a comma and the trigger's own comma-delimited
//! stretch has one before it: "In 1998 Apple introduced the iMac, in 2001 the
//! iPod"), else the nearest before it in its scope, else the nearest in its
//! clause, else the nearest in its sentence (all `stated`); else the last
//! calendar expression of the previous sentences of the same paragraph
//! (`inherited`: the time the text is talking about); else, for a verb in the
//! present tense ("announces"), the publication date (`dct`); else none.
//!
//! A year, decade or century used as a modifier of a noun ("the fabled 11th
//! century temple", "its 1990s headquarters") dates only an event named in
//! that noun phrase ("the 2018 heist"), never the other events of the
//! sentence.

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
    let sentence_range = context.sentence_tokens[sentence].clone();
    let dates_this = |t: &usize| {
        attributive_phrase(context, *t, sentence_range.clone())
            .is_none_or(|phrase| phrase.contains(&found.tokens.start))
    };
    // "Monday's email announcement marked the third time ... that he took
    // leave": a date that owns another noun trigger dates that one only.
    let owned_elsewhere = |t: &usize| {
        all.iter().any(|other| {
            other.tokens.start != found.tokens.start
                && sentence_range.contains(&other.tokens.start)
                && possessive_date(context, other, sentence_range.clone()) == Some(*t)
        })
    };
    let free = |t: &usize| {
        dates_this(t)
            && !fenced_off(context, *t, found, all, sentence_range.clone())
            && !owned_elsewhere(t)
    };
    if let Some(t) = possessive_date(context, found, sentence_range.clone()) {
        return Some(stated(t));
    }
    if let Some(t) = calendar_timexes(context, scope.right.clone())
        .into_iter()
        .find(dates_this)
    {
        // "In 1998 Apple introduced the iMac, in 2001 the iPod ...": a date
        // past a comma belongs to the gapped clause after it when the
        // trigger's own stretch has a date before it.
        let own = segment_of(context, found.tokens.start, sentence_range.clone());
        let in_own = |t: &usize| {
            timex_start(context, *t, sentence_range.clone())
                .is_some_and(|i| segment_of(context, i, sentence_range.clone()) == own)
        };
        if !in_own(&t)
            && let Some(left) = calendar_timexes(context, scope.left.clone())
                .into_iter()
                .rev()
                .find(|l| free(l) && in_own(l))
        {
            return Some(stated(left));
        }
        return Some(stated(t));
    }
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

/// Words that cannot be the noun an attributive date modifies: articles,
/// pronouns, prepositions, conjunctions, auxiliaries and the verbs a date is
/// often the subject of ("2018 saw ...").
const NOT_MODIFIED: &[&str] = &[
    "a", "about", "across", "after", "along", "amid", "among", "against", "also", "an", "and",
    "are", "as", "at", "be", "been", "before", "brought", "but", "by", "can", "could", "did", "do",
    "does", "during", "for", "from", "had", "has", "have", "he", "her", "his", "i", "in", "into",
    "is", "it", "its", "may", "might", "not", "of", "on", "or", "over", "saw", "she", "should",
    "since", "than", "that", "the", "their", "then", "there", "these", "they", "this", "those",
    "through", "to", "toward", "towards", "under", "until", "upon", "was", "we", "were", "when",
    "which", "while", "who", "will", "with", "within", "without", "would", "you",
];

/// Words after which a date is a time adverbial, not a noun's modifier.
const ADVERBIAL_BEFORE: &[&str] = &[
    "after",
    "and",
    "around",
    "as",
    "at",
    "before",
    "between",
    "by",
    "during",
    "from",
    "in",
    "into",
    "of",
    "on",
    "or",
    "over",
    "since",
    "than",
    "through",
    "throughout",
    "to",
    "until",
    "up",
    ",",
    "(",
    ";",
    ":",
    "-",
    "--",
    "—",
    "–",
];

/// The tokens of the noun phrase a year, decade or century modifies (a full
/// date such as "the Aug. 7 blasts" is left alone: the events around it
/// usually happened on it), when
/// the expression is attributive: a lower-case word that can be a noun right
/// after it ("11th century temple complex", "1998 report"), and no
/// preposition or punctuation right before it (then it is an adverbial: "in
/// 2018 sales rose"). At most four words, up to the first word that cannot
/// be part of the phrase.
fn attributive_phrase(
    context: &Context,
    timex: usize,
    sentence: Range<usize>,
) -> Option<Range<usize>> {
    let mut tokens = sentence
        .clone()
        .filter(|&i| context.timex_of_token[i] == Some(timex));
    let first = tokens.next()?;
    let last = tokens.next_back().unwrap_or(first);
    let head = context.word(last);
    let digits = head.trim_start_matches('\'').trim_end_matches('s');
    let year_like = (digits.len() == 4 || (head.starts_with('\'') && digits.len() == 2))
        && digits.chars().all(|c| c.is_ascii_digit())
        || head.eq_ignore_ascii_case("century");
    if !year_like || first == sentence.start || context.is(first - 1, ADVERBIAL_BEFORE) {
        return None;
    }
    let noun_like = |i: usize| {
        let word = context.word(i);
        i < sentence.end
            && context.timex_of_token[i].is_none()
            && word.starts_with(|c: char| c.is_ascii_lowercase())
            && word.chars().all(|c| c.is_ascii_alphabetic() || c == '-')
            && !word.ends_with("ed")
            && !word.ends_with("ly")
            && !context.is(i, NOT_MODIFIED)
    };
    let start = last + 1;
    let end = (start..start + 4).take_while(|&i| noun_like(i)).last()? + 1;
    Some(start..end)
}

/// The calendar expression that owns a noun trigger through a possessive:
/// "Monday's announcement", "last week's email announcement" (up to three
/// lower-case words between the "'s" and the trigger).
fn possessive_date(context: &Context, found: &Found, sentence: Range<usize>) -> Option<usize> {
    if !found.noun {
        return None;
    }
    let start = found.tokens.start;
    let lower = |i: usize| {
        context
            .word(i)
            .starts_with(|c: char| c.is_ascii_lowercase())
    };
    let gap = (0..=3)
        .take_while(|&k| {
            k == 0
                || start
                    .checked_sub(k)
                    .is_some_and(|i| i >= sentence.start && lower(i))
        })
        .last()?;
    (0..=gap).find_map(|k| {
        let mark = start.checked_sub(k + 1)?;
        let owner = mark.checked_sub(1)?;
        if owner < sentence.start || !matches!(context.word(mark), "'s" | "’s" | "'S") {
            return None;
        }
        context.timex_of_token[owner].filter(|&t| is_calendar(context, t))
    })
}

/// The comma-delimited stretch of the sentence (`range`) token `token` is
/// in, counted from 0; commas inside time expressions do not count.
fn segment_of(context: &Context, token: usize, range: Range<usize>) -> usize {
    (range.start..token)
        .filter(|&i| context.word(i) == "," && context.timex_of_token[i].is_none())
        .count()
}

/// The first token of time expression `timex` within `range`.
fn timex_start(context: &Context, timex: usize, range: Range<usize>) -> Option<usize> {
    let span = context.annotated.timexes[timex].span;
    range
        .into_iter()
        .find(|&i| context.annotated.tokens[i].span.start >= span.start)
}

/// True when time expression `timex` sits in a comma-delimited stretch of the
/// sentence that holds another trigger and not this one ("Jobs, born in San
/// Francisco on February 24, 1955, has built ...": the date is the birth's,
/// not the building's).
fn fenced_off(
    context: &Context,
    timex: usize,
    found: &Found,
    all: &[Found],
    range: Range<usize>,
) -> bool {
    let Some(first) = timex_start(context, timex, range.clone()) else {
        return false;
    };
    let segment = segment_of(context, first, range.clone());
    if segment == segment_of(context, found.tokens.start, range.clone()) {
        return false;
    }
    all.iter().any(|other| {
        other.tokens.start != found.tokens.start
            && segment_of(context, other.tokens.start, range.clone()) == segment
    })
}
