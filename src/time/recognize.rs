//! The first pass: every rule of `patterns.txt` runs over the text, each
//! match becomes a candidate, and the longest candidates win overlaps.

use std::collections::BTreeMap;

use super::guards::{game_period, preceded_by, previous_word};
use super::lexicon::{DATE_MODIFIER, DURATION_MODIFIER, RULES, TABLES, key, needles_present};
use super::normalize::{Candidate, candidate};
use crate::annotation::{Sentence, Span, TimexType};

/// The candidates of `text`, non-overlapping, in text order, each with the
/// index of its sentence. A match that runs across a sentence boundary is
/// looked for again inside each sentence it touches.
pub fn candidates(text: &str, sentences: &[Sentence]) -> Vec<(Candidate, usize)> {
    let whole = [Sentence {
        span: Span::new(0, text.len()),
    }];
    let sentences = if sentences.is_empty() {
        &whole[..]
    } else {
        sentences
    };
    let mut found: Vec<(Candidate, usize)> = Vec::new();
    // A rule whose words (needles.txt) are all absent cannot match.
    let present = needles_present(text);
    for (priority, rule) in RULES.iter().enumerate() {
        if !rule.needles.is_empty() && !rule.needles.iter().any(|&i| present.get(i) == Some(&true))
        {
            continue;
        }
        let mut crossing: Vec<usize> = Vec::new();
        for caps in rule.regex.captures_iter(text) {
            let Some(m) = caps.get(0) else { continue };
            let span = Span::new(m.start(), m.end());
            match sentence_of(sentences, span) {
                Ok(index) => {
                    if let Some(c) = candidate(rule.name, &caps, 0, text, priority) {
                        found.push((c, index));
                    }
                }
                Err(touched) => crossing.extend(touched),
            }
        }
        crossing.dedup();
        for index in crossing {
            let s = sentences[index].span;
            let Some(slice) = text.get(s.start..s.end) else {
                continue;
            };
            for caps in rule.regex.captures_iter(slice) {
                if let Some(c) = candidate(rule.name, &caps, s.start, text, priority) {
                    found.push((c, index));
                }
            }
        }
    }
    select(text, sentences, found)
}

/// The sentence holding `span`, or the sentences it touches when it runs
/// across a boundary.
fn sentence_of(sentences: &[Sentence], span: Span) -> Result<usize, Vec<usize>> {
    let first = sentences.partition_point(|s| s.span.end <= span.start);
    let Some(s) = sentences.get(first) else {
        return Err(Vec::new());
    };
    if s.span.start <= span.start && span.end <= s.span.end {
        return Ok(first);
    }
    let last = sentences.partition_point(|s| s.span.start < span.end);
    Err((first..last).collect())
}

/// Keeps the longest candidates that do not overlap, then widens each with
/// the modifier words before it ("early", "about").
fn select(
    text: &str,
    sentences: &[Sentence],
    mut found: Vec<(Candidate, usize)>,
) -> Vec<(Candidate, usize)> {
    found.sort_by(|(a, _), (b, _)| {
        b.span
            .len()
            .cmp(&a.span.len())
            .then(a.priority.cmp(&b.priority))
            .then(a.span.start.cmp(&b.span.start))
    });
    let mut kept: BTreeMap<usize, (Candidate, usize)> = BTreeMap::new();
    for (c, index) in found {
        let clash = kept
            .range(..c.span.end)
            .next_back()
            .is_some_and(|(_, (k, _))| k.span.end > c.span.start);
        if !clash {
            kept.insert(c.span.start, (c, index));
        }
    }
    let mut out: Vec<(Candidate, usize)> = kept
        .into_values()
        .filter(|(c, index)| {
            let sentence = sentences
                .get(*index)
                .map_or(Span::new(0, text.len()), |s| s.span);
            // A length with a half in it ("an hour and a half") is no
            // period of play, even beside a score.
            let length_not_in_quarters = c.kind == TimexType::Duration
                && !text.as_bytes()[c.span.start..c.span.end]
                    .windows(7)
                    .any(|w| w.eq_ignore_ascii_case(b"quarter"));
            !title_case_name(text, c.span, sentence.start)
                && (length_not_in_quarters || !game_period_in(text, c.span, sentence))
        })
        .collect();
    let mut previous_end = 0;
    for (c, index) in &mut out {
        drop_article_of_adjective(text, c);
        let floor = previous_end.max(sentences.get(*index).map_or(0, |s| s.span.start));
        widen(text, c, floor);
        previous_end = c.span.end;
    }
    out
}

/// True when the expression ends in a word written in lower case in
/// running text (a unit, "noon", "today") but here in Title Case in the
/// middle of a sentence: the name of a show or film ("This Week", "60
/// Minutes", "High Noon"), not a time. Holidays ("Election Day") are kept.
fn title_case_name(text: &str, span: Span, sentence_start: usize) -> bool {
    let Some(covered) = text.get(span.start..span.end) else {
        return false;
    };
    let last = covered.rsplit([' ', '-']).next().unwrap_or("");
    let mut chars = last.chars();
    let title_case = chars.next().is_some_and(char::is_uppercase) && chars.all(char::is_lowercase);
    let common = {
        let word = key(last);
        TABLES.units.contains_key(&word)
            || matches!(
                word.as_str(),
                "noon" | "midnight" | "today" | "tonight" | "tomorrow"
            )
    };
    let opening = text
        .get(sentence_start.min(span.start)..span.start)
        .unwrap_or("")
        .trim_matches(|c: char| c.is_whitespace() || "\"'`‘’“”(".contains(c));
    if !(title_case && common && !opening.is_empty()) {
        return false;
    }
    // Holidays are names that end in "Day" and are times all the same.
    let phrase = key(covered);
    !TABLES.holidays.keys().any(|h| phrase.ends_with(h.as_str()))
}

/// True when the candidate is a quarter or half of a game or a century,
/// not of a year (see [`game_period`]).
fn game_period_in(text: &str, span: Span, sentence: Span) -> bool {
    let (Some(covered), Some(after), Some(words)) = (
        text.get(span.start..span.end),
        text.get(span.end..sentence.end.max(span.end)),
        text.get(sentence.start.min(span.start)..sentence.end.max(span.end)),
    ) else {
        return false;
    };
    game_period(covered, after, words)
}

/// "the [30-day] period", "the [third-quarter] loss": an expression used as
/// a hyphenated adjective leaves the article out (the article belongs to
/// the noun after it), as TimeBank marks them.
fn drop_article_of_adjective(text: &str, c: &mut Candidate) {
    let Some(covered) = text.get(c.span.start..c.span.end) else {
        return;
    };
    let last = covered.rsplit(' ').next().unwrap_or("");
    let adjective = last.contains('-') && !last.ends_with('s') && last.len() < covered.len();
    if adjective && starts_with_the(text, c.span) {
        c.span.start += 4;
    }
}

/// Takes in a modifier standing right before the candidate, not before `floor`.
fn widen(text: &str, c: &mut Candidate, floor: usize) {
    // "nearly four years ago": a length counted back, its modifier inside
    // the span, as TimeBank writes it.
    let ago = c.kind == TimexType::Date
        && text[c.span.start..c.span.end]
            .to_ascii_lowercase()
            .ends_with(" ago");
    let (regex, table) = match c.kind {
        TimexType::Date if ago => (DURATION_MODIFIER.as_ref(), &TABLES.duration_mods),
        TimexType::Date | TimexType::Time => (DATE_MODIFIER.as_ref(), &TABLES.date_mods),
        // "over the past three years": "over" is not a modifier there.
        TimexType::Duration if starts_with_the(text, c.span) => return,
        TimexType::Duration => (DURATION_MODIFIER.as_ref(), &TABLES.duration_mods),
        TimexType::Set => return,
    };
    let Some(regex) = regex else { return };
    let mut from = c.span.start.saturating_sub(40).max(floor);
    while from < c.span.start && !text.is_char_boundary(from) {
        from += 1;
    }
    let Some(window) = text.get(from..c.span.start) else {
        return;
    };
    let Some(caps) = regex.captures(window) else {
        return;
    };
    let Some(phrase) = caps.name("p") else { return };
    let Some(modifier) = table.get(&key(phrase.as_str())) else {
        return;
    };
    // "phased in over three years", "held over two days": "over" spans the
    // length; "for over three years", "took over an hour", "the first win
    // in over a month", "just over a week": it exceeds it.
    let over_at = from + phrase.start();
    if key(phrase.as_str()) == "over" && !exceeds(text, over_at) {
        return;
    }
    if modifier.inside || ago {
        c.span.start = from + phrase.start();
    }
    if !modifier.value.is_empty() && c.modifier.is_none() {
        c.modifier = Some(modifier.value);
    }
}

/// True when "over" at `at` means "more than": after "for", "after",
/// "than", "of", "just", "well", a verb of spending time ("spent over",
/// "took over") or "in" that is no particle ("in over a month", not
/// "phased in over three years").
fn exceeds(text: &str, at: usize) -> bool {
    let before = previous_word(text, at);
    let in_not_particle = key(before) == "in" && {
        let start = text[..at].trim_end().len() - before.len();
        !previous_word(text, start).ends_with("ed")
    };
    in_not_particle
        || preceded_by(
            text,
            at,
            &[
                "for", "after", "than", "of", "just", "well", "spent", "took", "taken", "lasted",
                "lasting", "lasts", "waited", "lived", "served", "worked",
            ],
        )
}

/// True when the covered text starts with the word "the".
fn starts_with_the(text: &str, span: Span) -> bool {
    text.get(span.start..span.end)
        .and_then(|t| t.get(..4))
        .is_some_and(|t| t.eq_ignore_ascii_case("the "))
}
