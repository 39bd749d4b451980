//! Times of a habit: a clock time, a range of weekdays or a month in a
//! clause that says how often something happens ("open from 9 a.m. to 5
//! p.m. daily", "usually opens at 10 a.m.", "sits four days a week, from
//! Monday to Thursday", "usually peaks in December") is a time of any such
//! day or year, not one of the calendar.

use crate::annotation::{Sentence, Span, Timex, TimexType};

use super::lexicon::{TABLES, key};
use super::value::{Precision, bounds};
use super::{lone_weekday, names_day, range_gap};

/// The most words between a time and the expression or word that makes it
/// habitual.
const NEAR_WORDS: usize = 8;

/// Turns the clock times, weekday ranges and months of habitual clauses
/// into times of any day or year: a clock becomes `XXXX-XX-XXT09:00`, each
/// end of a weekday range a SET (`XXXX-WXX-1`), a month `XXXX-12`. The
/// clause must hold a cue within a few words (a SET other than a rate:
/// "daily", "every day", "on Sundays", not "$5 million per day" or "every
/// 15 minutes"; or a word of `sets.txt` [habitual]: "usually", "on
/// weekdays") and name no day of the calendar (for a month: no year).
pub(super) fn undate_habitual_times(text: &str, sentences: &[Sentence], timexes: &mut [Timex]) {
    let sentence_of = |t: &Timex| {
        sentences
            .get(t.sentence)
            .map_or(Span::new(0, text.len()), |s| s.span)
    };
    undate_weekday_ranges(text, &sentence_of, timexes);
    undate_clocks(text, &sentence_of, timexes);
    undate_months(text, &sentence_of, timexes);
}

/// The sentence span of a timex.
type SentenceOf<'a> = dyn Fn(&Timex) -> Span + 'a;

/// "The court sits four days a week, from Monday to Thursday": both ends
/// of a range of weekdays near a cue of weeks or longer become SETs.
fn undate_weekday_ranges(text: &str, sentence_of: &SentenceOf, timexes: &mut [Timex]) {
    for i in 0..timexes.len().saturating_sub(1) {
        let (first, second) = (&timexes[i], &timexes[i + 1]);
        let weekday_range = first.kind == TimexType::Date
            && second.kind == TimexType::Date
            && first.sentence == second.sentence
            && first.relative
            && second.relative
            && text
                .get(first.span.end..second.span.start)
                .is_some_and(range_gap);
        if !weekday_range {
            continue;
        }
        // A weekday first ("Monday", "Friday night"; not "Palm Sunday").
        let weekday_of = |t: &Timex| {
            let span = &text[t.span.start..t.span.end];
            let first_word = span.split(|c: char| !c.is_alphabetic()).next()?;
            TABLES.weekdays.get(&key(first_word))?;
            lone_weekday(span)
        };
        let (Some(a), Some(b)) = (weekday_of(first), weekday_of(second)) else {
            continue;
        };
        // "searched every day from Friday to Monday": each day of one span
        // of days, so a cue of days does not make the range a habit; nor
        // does any cue in a clause that names a day of the calendar.
        let sentence = sentence_of(first);
        let cued = |at: usize| habitual(text, sentence, timexes, at, Cue::WeeksOrLonger);
        // Hours beside a range of most of a week ("Monday through Friday",
        // "Tuesday through Sunday") are a habit; beside a few days
        // ("Wednesday through Friday") they may be those of one event.
        let most_of_a_week = (i64::from(b) - i64::from(a)).rem_euclid(7) >= 3;
        if !(cued(i) || cued(i + 1) || (most_of_a_week && hours_beside(text, timexes, i)))
            || clause_names_day(text, timexes, i, i..i + 2)
            || clause_names_day(text, timexes, i + 1, i..i + 2)
        {
            continue;
        }
        for (t, day) in [(i, a), (i + 1, b)] {
            timexes[t].kind = TimexType::Set;
            timexes[t].value = format!("XXXX-WXX-{day}");
            timexes[t].relative = false;
        }
    }
}

/// True when a range of clock times stands right beside the range of
/// weekdays at `i` and `i + 1`: the hours of those days ("open 8:30 a.m.
/// to 4:30 p.m. Monday through Friday", "Monday to Friday, from 9 a.m. to 5
/// p.m.").
fn hours_beside(text: &str, timexes: &[Timex], i: usize) -> bool {
    let clock_range = |a: usize| {
        let (Some(x), Some(y)) = (timexes.get(a), timexes.get(a + 1)) else {
            return false;
        };
        x.kind == TimexType::Time
            && y.kind == TimexType::Time
            && x.sentence == y.sentence
            && text
                .get(x.span.end..y.span.start)
                .is_some_and(|gap| range_gap(gap) || gap == " and ")
    };
    // At most "from" or "between" and a comma between the two ranges.
    let beside = |a: &Timex, b: &Timex| {
        a.sentence == b.sentence
            && text.get(a.span.end..b.span.start).is_some_and(|gap| {
                let words: Vec<&str> = gap
                    .split(|c: char| c.is_whitespace() || c == ',')
                    .filter(|w| !w.is_empty())
                    .collect();
                gap.len() <= 12
                    && words
                        .iter()
                        .all(|w| matches!(key(w).as_str(), "from" | "between"))
            })
    };
    (i >= 2 && clock_range(i - 2) && beside(&timexes[i - 1], &timexes[i]))
        || (clock_range(i + 2) && beside(&timexes[i + 1], &timexes[i + 2]))
}

/// "open from 9 a.m. to 5 p.m. daily", "usually opens at 10 a.m.": clock
/// times near a cue of days or longer, and the clocks of a range or list
/// with one of them ("twice a day, at 8 a.m. and 8 p.m.", "the usual hours
/// of 8:30 a.m. to 1:30 p.m. every day", "at 7am, noon and 6pm daily").
fn undate_clocks(text: &str, sentence_of: &SentenceOf, timexes: &mut [Timex]) {
    // A clock time or a part of day alone ("in the morning", not "this
    // morning") that took a day.
    let dated_clock = |t: &Timex| {
        let span = &text[t.span.start..t.span.end];
        t.kind == TimexType::Time
            && t.relative
            && (t.value.len() == 16 || (t.value.len() == 13 && day_part_alone(span)))
            && !names_day(span)
    };
    let joined = |a: &Timex, b: &Timex| {
        text.get(a.span.end..b.span.start)
            .is_some_and(|gap| range_gap(gap) || joins_list(gap))
    };
    for i in 0..timexes.len() {
        let t = &timexes[i];
        let after_undated =
            i > 0 && is_undated_clock(&timexes[i - 1]) && joined(&timexes[i - 1], t);
        if dated_clock(t)
            && !clause_names_day(text, timexes, i, i..i + 1)
            && (after_undated || habitual(text, sentence_of(t), timexes, i, Cue::DaysOrLonger))
        {
            undate_clock(&mut timexes[i]);
        }
    }
    for i in (0..timexes.len().saturating_sub(1)).rev() {
        if dated_clock(&timexes[i])
            && is_undated_clock(&timexes[i + 1])
            && joined(&timexes[i], &timexes[i + 1])
        {
            undate_clock(&mut timexes[i]);
        }
    }
}

/// True for a clock time of any day (`XXXX-XX-XXT09:00`).
fn is_undated_clock(t: &Timex) -> bool {
    t.kind == TimexType::Time && t.value.starts_with("XXXX-XX-XXT")
}

/// Makes a clock time one of any day.
fn undate_clock(t: &mut Timex) {
    t.value = format!("XXXX-XX-XX{}", &t.value[10..]);
    t.relative = false;
}

/// "Norovirus activity usually peaks between December and February",
/// "held every year in June": months named alone near a [habitual] word or
/// a SET of years, and a month joined to one ("in July and August"), in a
/// clause that writes no year.
fn undate_months(text: &str, sentence_of: &SentenceOf, timexes: &mut [Timex]) {
    for i in 0..timexes.len() {
        let Some(month) = bare_month(text, &timexes[i]) else {
            continue;
        };
        let joined = i > 0
            && timexes[i - 1].value.starts_with("XXXX-")
            && TABLES.months.contains_key(&key(
                &text[timexes[i - 1].span.start..timexes[i - 1].span.end]
            ))
            && text
                .get(timexes[i - 1].span.end..timexes[i].span.start)
                .is_some_and(|gap| range_gap(gap) || joins_list(gap));
        if (joined || habitual(text, sentence_of(&timexes[i]), timexes, i, Cue::Years))
            && !clause_names_year(text, timexes, i)
        {
            timexes[i].value = format!("XXXX-{month:02}");
            timexes[i].relative = false;
        }
    }
}

/// True when `gap`, the text between two times, joins them in a list: a
/// comma, "and" or "or".
fn joins_list(gap: &str) -> bool {
    matches!(gap, ", " | ", and " | " and " | " or " | ", or ")
}

/// True when the clause of timex `i` names a day: a DATE of a day or a
/// clock time with its own day ("on Tuesday", "Sunday at 10 a.m."), other
/// than the timexes at the indices `except`, in its sentence with no comma
/// or semicolon between ("Starting Monday, lanes will close nightly from 9
/// p.m." has none in the clause of the clock).
fn clause_names_day(
    text: &str,
    timexes: &[Timex],
    i: usize,
    except: std::ops::Range<usize>,
) -> bool {
    let t = &timexes[i];
    timexes.iter().enumerate().any(|(j, u)| {
        let day = bounds(&u.value).is_some_and(|b| b.precision == Precision::Day);
        u.sentence == t.sentence
            && !except.contains(&j)
            && same_clause(text, t, u)
            && ((u.kind == TimexType::Date && day)
                || (u.kind == TimexType::Time && names_day(&text[u.span.start..u.span.end])))
    })
}

/// True when the clause of timex `i` writes a year or a relative date of
/// its own ("this year", "in 2019") besides the bare months.
fn clause_names_year(text: &str, timexes: &[Timex], i: usize) -> bool {
    let t = &timexes[i];
    timexes.iter().enumerate().any(|(j, u)| {
        j != i
            && u.sentence == t.sentence
            && u.kind == TimexType::Date
            && bare_month(text, u).is_none()
            && bounds(&u.value).is_some()
            && same_clause(text, t, u)
    })
}

/// True when no comma or semicolon stands between timexes `a` and `b`.
fn same_clause(text: &str, a: &Timex, b: &Timex) -> bool {
    let (first, second) = if a.span.start <= b.span.start {
        (a, b)
    } else {
        (b, a)
    };
    text.get(first.span.end..second.span.start)
        .is_none_or(|gap| !gap.contains([',', ';']))
}

/// The month a timex names by its name alone ("December"), if it does.
fn bare_month(text: &str, t: &Timex) -> Option<u32> {
    (t.kind == TimexType::Date && t.relative && t.value.len() == 7)
        .then(|| {
            TABLES
                .months
                .get(&key(&text[t.span.start..t.span.end]))
                .copied()
        })
        .flatten()
}

/// The SETs that can make a time habitual.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Cue {
    /// Any SET of days or longer ("daily", "each night", "on Sundays").
    DaysOrLonger,
    /// A SET of weeks or longer ("four days a week", "weekly"): over a
    /// range of weekdays, one of days means each day of it.
    WeeksOrLonger,
    /// A SET of years ("annually", "every year", "each spring"), for months.
    Years,
}

impl Cue {
    /// True when a SET of `value` is such a cue.
    fn admits(self, value: &str) -> bool {
        let days = value == "P1D" || value.starts_with("XXXX-XX-XX");
        match self {
            Cue::Years => {
                value == "P1Y"
                    || (value.starts_with("XXXX") && !days && !value.starts_with("XXXX-WXX"))
            }
            _ => !value.starts_with("PT") && (self == Cue::DaysOrLonger || !days),
        }
    }
}

/// True when timex `i` stands in a habitual clause: a SET that is not a
/// rate, or a [habitual] word, within `NEAR_WORDS` words on either side in
/// its sentence (`sentence`), with no clause break between (see `near`).
fn habitual(text: &str, sentence: Span, timexes: &[Timex], i: usize, cue: Cue) -> bool {
    let t = &timexes[i];
    let set_near = timexes.iter().any(|s| {
        let set = s.kind == TimexType::Set
            && !key(&text[s.span.start..s.span.end]).starts_with("per ")
            && cue.admits(&s.value);
        let throughout = cue == Cue::DaysOrLonger && throughout_period(text, s);
        if !(set || throughout) || s.sentence != t.sentence {
            return false;
        }
        let (gap, opens) = if s.span.end <= t.span.start {
            // Only a preposition, if anything, before the SET.
            let opens = text[sentence.start.min(s.span.start)..s.span.start]
                .split_whitespace()
                .count()
                <= 1;
            (&text[s.span.end..t.span.start], opens)
        } else if t.span.end <= s.span.start {
            (&text[t.span.end..s.span.start], false)
        } else {
            return false;
        };
        // "came into force at midnight and will remain in place throughout
        // January": the period of another verb.
        near(gap, opens) && !(throughout && (gap.contains(" and ") || gap.contains(" but ")))
    });
    let before = &text[sentence.start.min(t.span.start)..t.span.start];
    let after = &text[t.span.end..sentence.end.max(t.span.end)];
    // Not a word of manner after a progressive ("trains were running
    // normally this morning"; but "Trading usually begins at 9:30 a.m.").
    let progressive = |clause: &[&str], k: usize| {
        k >= 2
            && key(clause[k - 1]).ends_with("ing")
            && matches!(
                key(clause[k - 2]).as_str(),
                "is" | "are" | "was" | "were" | "be" | "been" | "am"
            )
    };
    let cue_in = |clause: &[&str], words: &[String]| {
        clause
            .iter()
            .enumerate()
            .any(|(k, w)| words.contains(&key(w)) && !progressive(clause, k))
    };
    let mut clause_before: Vec<&str> = clause_words_before(before).collect();
    clause_before.reverse();
    let clause_after: Vec<&str> = clause_words_after(after).collect();
    let cue_word = |words: &[String]| cue_in(&clause_before, words) || cue_in(&clause_after, words);
    set_near
        || cue_word(&TABLES.habitual)
        || (cue == Cue::DaysOrLonger
            && in_clock_range(text, timexes, i)
            && cue_word(&TABLES.habitual_hours))
        || (cue == Cue::DaysOrLonger
            && on_days_of_a_kind_near(&clause_before, &clause_after, before))
}

/// True when `span` names a part of a day and no day ("the morning",
/// "late afternoon"; not "this morning" or "Friday night").
fn day_part_alone(span: &str) -> bool {
    span.split_whitespace().all(|w| {
        matches!(
            key(w).as_str(),
            "the" | "early" | "late" | "morning" | "afternoon" | "evening"
        )
    })
}

/// True when timex `i` is a clock time that ends or starts a range of
/// clock times ("from 10 p.m. to 6 a.m.", "between 10 p.m. and 6 a.m.").
fn in_clock_range(text: &str, timexes: &[Timex], i: usize) -> bool {
    let joined = |a: &Timex, b: &Timex| {
        a.kind == TimexType::Time
            && b.kind == TimexType::Time
            && text
                .get(a.span.end..b.span.start)
                .is_some_and(|gap| range_gap(gap) || gap == " and ")
    };
    (i > 0 && joined(&timexes[i - 1], &timexes[i]))
        || timexes
            .get(i + 1)
            .is_some_and(|next| joined(&timexes[i], next))
}

/// True when `t` is a period longer than a day that something lasts
/// "throughout": the clock times of its clause are of each day of it ("open
/// from 10 a.m. to 8 p.m. throughout August").
fn throughout_period(text: &str, t: &Timex) -> bool {
    t.kind == TimexType::Date
        && bounds(&t.value).is_some_and(|b| b.precision > Precision::Day)
        && text[..t.span.start]
            .trim_end()
            .rsplit(char::is_whitespace)
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case("throughout"))
}

/// True when the clause around a time (its words before and after it, in
/// text order), or the phrase that opens its sentence (`before` is the
/// sentence up to the time), says "on match days" or the like (see
/// `on_days_of_a_kind`): a cue for clock times, not for weekdays or months
/// ("runs on Tuesday nights in July").
fn on_days_of_a_kind_near(clause_before: &[&str], clause_after: &[&str], before: &str) -> bool {
    on_days_of_a_kind(clause_before.iter().copied())
        || on_days_of_a_kind(clause_after.iter().copied())
        || opening_phrase(before).is_some_and(|phrase| on_days_of_a_kind(phrase.split_whitespace()))
}

/// The phrase before the first comma of a sentence, when the text before a
/// time (`before`, from the sentence start) has one ("On school days, the
/// bus leaves at 7:15 a.m.").
fn opening_phrase(before: &str) -> Option<&str> {
    before.split_once(',').map(|(phrase, _)| phrase)
}

/// True when `words` (in text order) hold "on" and then, within two words
/// that neither count nor pick out days, a plural of days: "on match
/// days", "on school nights", "on days when the tide is high"; not "on the
/// days before the vote" or "on two days".
fn on_days_of_a_kind<'a>(words: impl Iterator<Item = &'a str>) -> bool {
    const PICKERS: &[&str] = &[
        "the",
        "those",
        "these",
        "both",
        "two",
        "three",
        "four",
        "five",
        "several",
        "some",
        "many",
        "few",
        "most",
        "all",
        "such",
        "certain",
        "consecutive",
        "successive",
        "separate",
        "different",
        "following",
        "previous",
        "first",
        "last",
        "other",
        "same",
        "his",
        "her",
        "their",
        "its",
        "our",
        "my",
        "your",
    ];
    let words: Vec<&str> = words
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .collect();
    words.iter().enumerate().any(|(on, w)| {
        w.eq_ignore_ascii_case("on")
            && words[on + 1..].iter().take(3).enumerate().any(|(k, day)| {
                matches!(
                    key(day).as_str(),
                    "days" | "nights" | "mornings" | "afternoons" | "evenings"
                ) && words[on + 1..on + 1 + k].iter().all(|between| {
                    between.chars().all(|c| c.is_ascii_alphabetic() || c == '-')
                        && !PICKERS.contains(&key(between).as_str())
                })
            })
    })
}

/// True when `gap`, the text between a time and a SET, holds at most
/// `NEAR_WORDS` words and no clause break. A comma may open the gap when
/// the SET opens the sentence (`set_opens`: "Every day, the ferry leaves
/// at 7 a.m.") or only a preposition follows it ("twice a day, at 8
/// a.m."); not in "who visited the bar every Friday, was arrested at 11
/// p.m.".
fn near(gap: &str, set_opens: bool) -> bool {
    let gap = match gap.strip_prefix(',') {
        Some(rest) if set_opens || rest.split_whitespace().count() <= 1 => rest,
        _ => gap,
    };
    !gap.contains([',', ';', ':', '"', '“', '”', '(', ')'])
        && gap.split_whitespace().count() <= NEAR_WORDS
}

/// The words of `before`, the sentence up to a time, back to the nearest
/// clause break, at most `NEAR_WORDS`.
fn clause_words_before(before: &str) -> impl Iterator<Item = &str> {
    let cut = before
        .rfind([',', ';', ':', '"', '“', '”'])
        .map_or(0, |i| i + 1);
    before[cut..]
        .split_whitespace()
        .rev()
        .take(NEAR_WORDS)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
}

/// The words of `after`, the sentence from a time on, up to the nearest
/// clause break, at most `NEAR_WORDS`.
fn clause_words_after(after: &str) -> impl Iterator<Item = &str> {
    let cut = after
        .find([',', ';', ':', '"', '“', '”'])
        .unwrap_or(after.len());
    after[..cut]
        .split_whitespace()
        .take(NEAR_WORDS)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::on_days_of_a_kind;

    fn cued(clause: &str) -> bool {
        on_days_of_a_kind(clause.split_whitespace())
    }

    #[test]
    fn days_of_a_kind_are_a_habit() {
        assert!(cued("the metro will run until 3 a.m. on match days"));
        assert!(cued("On school nights"));
        assert!(cued("on days when the tide is high"));
        assert!(cued("on home game days"));
    }

    #[test]
    fn counted_or_picked_days_are_not() {
        assert!(!cued("on the days before the vote"));
        assert!(!cued("on two days last week"));
        assert!(!cued("on consecutive nights"));
        assert!(!cued("on match day"));
        assert!(!cued("match days on the calendar"));
    }
}
