//! Guards: checks on the text around a match that tell a time expression
//! from a number, a name or an age that only looks like one.

use super::lexicon::{TABLES, key};
use super::normalize::month;
use crate::annotation::Span;

/// False for a number and unit that do not read as a length of time:
/// "1988 quarter" (a singular unit after a number of 1000 or more, unless
/// hyphenated), "a quarter of" (unless the count is vague or "straight":
/// "several quarters of losses"), "three-quarters".
pub(super) fn plausible_count(
    num: &str,
    unit_text: &str,
    text: &str,
    num_end: usize,
    after: &str,
) -> bool {
    let unit_key = key(unit_text);
    let hyphenated = text[num_end..].starts_with('-');
    let singular = !unit_key.ends_with('s') || unit_key == "hrs" || unit_key == "yrs";
    // "five year low" reads as a length; "1988 quarter" does not.
    let big_digits = num
        .replace(',', "")
        .parse::<f64>()
        .is_ok_and(|n| n >= 1000.0);
    if singular && big_digits && !hyphenated {
        return false;
    }
    // "three quarters of the voters" is a share; "several quarters of
    // losses", "three straight quarters of growth" are lengths of time.
    let counted_in_time = matches!(key(num).as_str(), "several" | "few" | "a few" | "many")
        || ["straight ", "consecutive ", "successive "]
            .iter()
            .any(|w| {
                text[num_end..]
                    .trim_start_matches(['-', ' '])
                    .starts_with(w)
            });
    // "a quarter point", "a quarter-point cut", "a quarter percentage
    // point": a share of a rate.
    let rate_share = matches!(
        key(next_word(after.trim_start_matches('-'))).as_str(),
        "point" | "points" | "percentage" | "basis"
    );
    if unit_key.starts_with("quarter")
        && (hyphenated || rate_share || (after.trim_start().starts_with("of ") && !counted_in_time))
    {
        return false;
    }
    true
}

/// True when a quarter or half without a year is a period of play or a
/// share of a longer span, not part of a calendar year: "scored 12 points
/// in the fourth quarter", "the last quarter of the century". `sentence`
/// is the text of the sentence holding the expression.
pub(super) fn game_period(covered: &str, after: &str, sentence: &str) -> bool {
    let phrase = key(covered);
    let part_of_year = phrase
        .split(' ')
        .any(|w| matches!(w, "quarter" | "quarters" | "half"));
    if !part_of_year || covered.bytes().filter(u8::is_ascii_digit).count() >= 2 {
        return false;
    }
    let head = after
        .char_indices()
        .nth(24)
        .map_or(after, |(i, _)| &after[..i]);
    let next = key(head.trim_start());
    if TABLES
        .game_period_after
        .iter()
        .any(|p| next.starts_with(p.as_str()))
    {
        return true;
    }
    if has_score(sentence) {
        return true;
    }
    let words: Vec<String> = sentence
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    TABLES.game_words.iter().any(|cue| {
        words
            .windows(cue.len())
            .any(|w| w.iter().zip(cue).all(|(a, b)| a == b))
    })
}

/// True for "today" or "tomorrow" naming an age rather than a day:
/// "today's youth", "today's personal computers" (a noun of
/// `relative.txt` [generic] in the next two words), "the people of
/// tomorrow". `word` is the expression, keyed.
pub(super) fn generic_day(text: &str, span: Span, word: &str) -> bool {
    let after = &text[span.end..];
    match word {
        "today" => {
            let Some(rest) = after
                .strip_prefix("'s ")
                .or_else(|| after.strip_prefix("’s "))
            else {
                return false;
            };
            // The first word is a prefix of the trimmed rest, so the slice
            // after it starts on a character boundary.
            let rest = rest.trim_start();
            let first = next_word(rest);
            let second = next_word(&rest[first.len()..]);
            [first, second]
                .iter()
                .any(|w| !w.is_empty() && TABLES.generic_today.contains(&key(w)))
        }
        // "the people of tomorrow", but not "the end of tomorrow" or "the
        // evening of tomorrow's vote".
        "tomorrow" => {
            let of = text[..span.start].trim_end();
            let Some(before_of) = of.strip_suffix("of") else {
                return false;
            };
            key(previous_word(text, span.start)) == "of"
                && !preceded_by(
                    text,
                    before_of.len(),
                    &[
                        "end",
                        "start",
                        "beginning",
                        "middle",
                        "rest",
                        "morning",
                        "afternoon",
                        "evening",
                        "night",
                    ],
                )
                && !after.starts_with(['\'', '’'])
        }
        _ => false,
    }
}

/// False for "Now," opening a sentence (a discourse marker) and for
/// "previously" before a participle ("previously announced", an adjective).
pub(super) fn plausible_reference(text: &str, span: Span) -> bool {
    let word = key(&text[span.start..span.end]);
    let after = &text[span.end..];
    if word == "now" && after.starts_with(',') {
        let before = text[..span.start].trim_end();
        if before.is_empty() || before.ends_with(['.', '"', '\'', '\n', '!', '?']) {
            return false;
        }
    }
    // "the past four presidential elections", "the past 18 months" (the
    // duration rule's): a count after it makes "the past" an adjective.
    if word == "the past" || word == "the future" {
        let next = next_word(after);
        let counted = after.trim_start().starts_with(|c: char| c.is_ascii_digit())
            || (!next.is_empty() && TABLES.numbers.contains_key(&key(next)));
        if counted {
            return false;
        }
    }
    if word == "previously" {
        let next: String = after
            .trim_start()
            .chars()
            .take_while(char::is_ascii_alphabetic)
            .collect();
        if next.len() > 3 && next.ends_with("ed") {
            return false;
        }
    }
    true
}

/// True when the word before a bare four-digit number makes it a quantity
/// or a name ("about 1990", "Route 2018", "$1990"): a listed word or any
/// capitalized word other than a month.
pub(super) fn bare_number_context(text: &str, start: usize) -> bool {
    let before = &text[..start];
    if before.ends_with(['$', '#', '£', '€', '-', '/', '.', ',']) {
        return true;
    }
    let trimmed = before.trim_end();
    let word_start = trimmed
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric() || *c == '.')
        .last()
        .map_or(trimmed.len(), |(i, _)| i);
    let word = &trimmed[word_start..];
    if word.is_empty() {
        return false;
    }
    // A number right before it: a table row ("St Pauli 3 1 1 4 1860
    // Munich"), not a year.
    if word.bytes().all(|b| b.is_ascii_digit()) {
        return true;
    }
    if TABLES
        .blocked_before_year
        .contains(&key(word.trim_end_matches('.')))
    {
        return true;
    }
    // "Route 2018", "Unit 1984"; cue words ("In 2018") are handled by
    // the year_cued rule.
    word.starts_with(|c: char| c.is_uppercase()) && month(word).is_none()
}

/// True when the match is part of a bigger number ("2,000 years" must not
/// yield "000 years"; "1.5" must not yield "5").
pub(super) fn glued_to_number(text: &str, span: Span) -> bool {
    let before = &text.as_bytes()[..span.start];
    let first = text.as_bytes().get(span.start).copied().unwrap_or(b' ');
    if first.is_ascii_digit() {
        match before {
            [.., b] if b.is_ascii_digit() => return true,
            [.., d, b',' | b'.' | b'/' | b':'] if d.is_ascii_digit() => return true,
            [.., b'$' | b'#'] => return true,
            [.., d, b'-'] if d.is_ascii_digit() => return true,
            _ => {}
        }
    }
    false
}

/// True when `s` starts with one of `seps` followed by a digit.
pub(super) fn starts_with_digit_after<const N: usize>(s: &str, seps: [char; N]) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| seps.contains(&c))
        && chars.next().is_some_and(|c| c.is_ascii_digit())
}

/// True when the word after a number shows it is a count ("people").
pub(super) fn next_word_blocked(after: &str) -> bool {
    let word = next_word(after).to_ascii_lowercase();
    !word.is_empty() && TABLES.blocked_after_year.contains(&word)
}

/// True when the word after "CES 2024" makes the acronym a product name:
/// a lower-case word other than a preposition, conjunction or verb of
/// taking place ("FYI 2000 chip", not "CES 2024 in Las Vegas", "WWDC 2005
/// opened").
pub(super) fn acronym_year_blocked(after: &str) -> bool {
    const EVENT_FOLLOWERS: &[&str] = &[
        "in", "on", "at", "and", "or", "but", "from", "to", "with", "for", "before", "after",
        "when", "where", "which", "that", "as", "was", "were", "is", "are", "has", "had", "will",
        "opens", "opened", "begins", "began", "starts", "started", "ends", "ended", "kicks",
        "kicked",
    ];
    let word = next_word(after);
    word.starts_with(|c: char| c.is_lowercase()) && !EVENT_FOLLOWERS.contains(&word)
}

/// True when `sentence` holds a game score: two numbers of at most three
/// digits joined by a hyphen or dash, neither glued to anything else
/// ("won 110-98", "a 2–1 win"; not "1996-97", "7-1/2").
fn has_score(sentence: &str) -> bool {
    sentence.split_whitespace().any(|token| {
        let token = token.trim_end_matches([',', '.', ';', ':', ')', '!', '?']);
        let token = token.trim_start_matches('(');
        let mut parts = token.split(['-', '–']);
        let (Some(a), Some(b), None) = (parts.next(), parts.next(), parts.next()) else {
            return false;
        };
        let score = |p: &str| (1..=3).contains(&p.len()) && p.bytes().all(|c| c.is_ascii_digit());
        score(a) && score(b)
    })
}

/// True when "May" between `may_start` and `may_end` is the person, not
/// the month: a verb of saying follows it after "of", "with", "and" or
/// "to" ("Allies of May said"; not "which in May said"), or the
/// text names someone May ("Theresa May", "Mrs May"), a word that can open
/// a clause about the person stands before it and a lower-case word that
/// could not follow the month comes after it ("Since May took office",
/// "the deal that May negotiated"; not "since May due to").
pub(super) fn may_the_person(text: &str, may_start: usize, may_end: usize) -> bool {
    let after = &text[may_end..];
    let word = next_word(after);
    if !after.starts_with(' ') || !word.starts_with(|c: char| c.is_ascii_lowercase()) {
        return false;
    }
    let cue = key(previous_word(text, may_start));
    // "Allies of May said", "Trump and May said"; not "which in May said".
    if TABLES.may_said_after.iter().any(|w| w == word)
        && matches!(cue.as_str(), "of" | "with" | "and" | "to")
    {
        return true;
    }
    TABLES.may_person_cue_before.contains(&cue)
        && !TABLES.may_month_after.iter().any(|w| w == word)
        && names_someone_may(text)
}

/// True when the text names someone May: a capitalized word that is no
/// cue word, weekday or month right before "May", and no number after it.
fn names_someone_may(text: &str) -> bool {
    text.match_indices("May").any(|(at, _)| {
        let before = previous_word(text, at);
        let after = &text[at + 3..];
        let k = key(before);
        before.starts_with(|c: char| c.is_ascii_uppercase())
            && after.starts_with([' ', ',', '.', '\'', '’'])
            && !after.trim_start().starts_with(|c: char| c.is_ascii_digit())
            && !TABLES.may_not_a_name_before.contains(&k)
            && !TABLES.weekdays.contains_key(&k)
            && month(before).is_none()
    })
}

/// True when the weekday between `start` and `end` is part of a name
/// ("the Sunday Times", "the Mail on Sunday", "Monday Night Football").
pub(super) fn weekday_in_name(text: &str, start: usize, end: usize) -> bool {
    let after = &text[end..];
    let before = text[..start].trim_end();
    let glued = |rest: &str| rest.chars().next().is_none_or(|c| !c.is_alphanumeric());
    TABLES.weekday_name_after.iter().any(|name| {
        after
            .strip_prefix(' ')
            .and_then(|a| a.strip_prefix(name))
            .is_some_and(glued)
    }) || TABLES.weekday_name_before.iter().any(|name| {
        before.ends_with(name)
            && before[..before.len() - name.len()]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// True when the word right before `at` is one of `words` (lower case):
/// the cue words many rules check ("at 14:00", "in Q3", "from 2016-2018").
pub(super) fn preceded_by(text: &str, at: usize, words: &[&str]) -> bool {
    words.contains(&key(previous_word(text, at)).as_str())
}

/// The word that ends just before `at`, past blanks ("" when no blank or no
/// word stands there): "the" for "March" in "the March accession".
pub(super) fn previous_word(text: &str, at: usize) -> &str {
    let before = text[..at].trim_end();
    if before.len() == at {
        return "";
    }
    &before[before
        .trim_end_matches(|c: char| c.is_ascii_alphabetic())
        .len()..]
}

/// The run of letters that `after` starts with, past blanks ("" when it
/// starts with anything else).
pub(super) fn next_word(after: &str) -> &str {
    let after = after.trim_start();
    &after[..after
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(after.len())]
}

/// True when `before` ends with a four-digit year and blanks ("2018 ").
pub(super) fn ends_with_year(before: &str) -> bool {
    let trimmed = before.trim_end().as_bytes();
    let n = trimmed.len();
    n >= 4
        && trimmed[n - 4..].iter().all(u8::is_ascii_digit)
        && (n == 4 || !trimmed[n - 5].is_ascii_digit())
}

/// True when the text before "a day" is a quantity ("$5 a day", "twice a
/// week", "four flights a week"): one of the two words before it, in the
/// same clause, is a number, an amount or "times". A preposition right
/// before it makes a length ("paid 500 dollars. Within a year").
pub(super) fn after_quantity(before: &str) -> bool {
    let mut words = before
        .split(|c: char| c.is_whitespace())
        .rev()
        .filter(|w| !w.is_empty());
    let nearest = words.next().unwrap_or("");
    if matches!(
        key(nearest).as_str(),
        "within" | "in" | "for" | "after" | "over" | "than" | "about" | "nearly" | "almost"
    ) {
        return false;
    }
    // A word that closes a sentence or clause is no part of the quantity.
    let closes = |w: &str| w.ends_with(['.', '!', '?', ';', ':', ',']);
    std::iter::once(nearest)
        .chain(words.take(1))
        .take_while(|w| !closes(w))
        .any(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '%');
            let k = key(w);
            w.ends_with(|c: char| c.is_ascii_digit() || c == '%')
                || TABLES.numbers.get(&k).is_some_and(Option::is_some)
                    && !matches!(k.as_str(), "a" | "an")
                || matches!(
                    k.as_str(),
                    "million"
                        | "billion"
                        | "trillion"
                        | "percent"
                        | "cent"
                        | "cents"
                        | "dollars"
                        | "times"
                )
        })
}

/// True when `before` ends with a full month name and blanks ("March ").
pub(super) fn ends_with_month(before: &str) -> bool {
    let trimmed = before.trim_end();
    let word_start = trimmed
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_alphabetic())
        .last()
        .map_or(trimmed.len(), |(i, _)| i);
    is_full_month(&trimmed[word_start..])
}

/// True when `word` is a month's full name in Title Case or capitals
/// ("May", "March"; not "Mar", not "march").
pub(super) fn is_full_month(word: &str) -> bool {
    (word.len() > 3 || word == "May" || word == "MAY")
        && word.starts_with(|c: char| c.is_ascii_uppercase())
        && month(word).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_inside_numbers_are_not_times() {
        let text = "2,000 years and 1.5 days and mid-1990s";
        assert!(glued_to_number(text, Span::new(2, 11)));
        assert!(glued_to_number(text, Span::new(18, 24)));
        assert!(!glued_to_number(text, Span::new(33, 38)));
    }

    #[test]
    fn bare_years_need_a_plain_context() {
        assert!(bare_number_context("Route ", 6));
        assert!(bare_number_context("about ", 6));
        assert!(bare_number_context("$", 1));
        assert!(!bare_number_context("a ", 2));
        assert!(!bare_number_context("company's ", 10));
        assert!(!bare_number_context("in May ", 7));
        assert!(next_word_blocked(" people said"));
        assert!(!next_word_blocked(" election"));
        assert!(ends_with_year("from 2018 "));
        assert!(!ends_with_year("from 12018 "));
    }
}
