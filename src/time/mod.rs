//! Time expressions: recognition and normalization to TIMEX3 values.
//!
//! The engine is split from its resources, in the spirit of HeidelTime:
//! `data/lexicon/time/` holds the word lists and the recognition patterns
//! (`patterns.txt`), compiled once; this module runs them in two passes.
//!
//! 1. [`recognize`] runs every pattern, turns each match into a candidate
//!    ([`normalize`]) whose value is final (`2018-02`, `P2D`) or a
//!    placeholder ("two days later", "in February"), keeps the longest
//!    non-overlapping candidates and widens them with modifiers ("early",
//!    "about").
//! 2. [`anchor`] resolves placeholders in text order against the document
//!    date (DCT) or the last date the text stated, using the tense of the
//!    sentence ([`tense`]) to place "Monday" or "in February".
//!
//! A date followed by a clock time ("JANUARY 24, 2023 12:26") is one TIME
//! expression spanning both, with value `2023-01-24T12:26`.

mod anchor;
pub mod eval;
mod guards;
mod habitual;
mod lexicon;
mod normalize;
mod recognize;
mod tense;
pub mod value;

use chrono::{Datelike, NaiveDate};

use crate::annotation::{Sentence, Span, Timex, TimexType};
use anchor::{Context, Reference};
use tense::Tense;
use value::{Precision, bounds, single_unit_duration};

/// Finds the time expressions of `text` and normalizes them against `dct`.
///
/// Returns them in text order, non-overlapping, each with its byte span,
/// TIMEX3 type, value and mod, whether the value was computed relative to
/// another time, and the index of its sentence in `sentences` (0 when
/// `sentences` is empty, which is read as one sentence holding all the text).
/// Without a DCT, relative expressions stay unresolved (`XXXX-02`,
/// `PAST_REF`).
pub fn tag(text: &str, sentences: &[Sentence], dct: Option<NaiveDate>) -> Vec<Timex> {
    let found = recognize::candidates(text, sentences);
    let mut reference = Reference::default();
    let mut named_days = NamedDays::default();
    let mut sentence_month: Option<(usize, NaiveDate)> = None;
    let mut sentence_year: Option<(usize, i32)> = None;
    let mut out = Vec::with_capacity(found.len());
    let mut found = found.into_iter().peekable();
    while let Some((c, index)) = found.next() {
        // A headline (no closing stop) is no story lead.
        let headline = sentences.get(index).is_some_and(|s| {
            !text[s.span.start..s.span.end]
                .trim_end()
                .ends_with(['.', '!', '?', '"', '”', '\'', '’'])
        });
        named_days.enter(index, headline);
        let tense = if c.val.needs_tense() {
            let sentence = sentences
                .get(index)
                .map_or(Span::new(0, text.len()), |s| s.span);
            let (lead, before, after) = clause(text, sentence, c.span);
            tense::of_context(lead, before, after)
        } else {
            Tense::Unknown
        };
        // "three days after Labor Day": the tense places the day counted
        // from the holiday, so the holiday is placed against the DCT moved
        // back by the count.
        let tense_dct = match c.val {
            normalize::Val::Holiday { .. } => dct.map(|d| d - counted_from(&text[..c.span.start])),
            _ => dct,
        };
        let cx = Context {
            dct: tense_dct,
            reference: &reference,
            nearby_day: named_days.for_clock(dct),
            earlier_day: named_days.earlier_for_clock(dct),
            coming_day: named_days.coming_for_clock(dct),
            story_day: named_days.story_day(dct),
            sentence_month: sentence_month.filter(|(i, _)| *i == index).map(|(_, d)| d),
            sentence_year: sentence_year.filter(|(i, _)| *i == index).map(|(_, y)| y),
            tense,
        };
        let (value, relative) = anchor::resolve(&c.val, &cx);
        // A comparison ("up from $5 million a year ago") does not move the
        // time the text talks about.
        let comparison = c.val.is_comparison();
        // A clock time or part of day borrows its day; nor does one before
        // the day it is of ("He died in hospital at 2.15am the next day").
        let borrowed = matches!(
            c.val,
            normalize::Val::Clock { .. } | normalize::Val::DayPart { .. }
        );
        let day_follows = borrowed
            && found.peek().is_some_and(|(next, _)| {
                matches!(
                    next.val,
                    normalize::Val::FromRef { .. } | normalize::Val::PartOfDay { .. }
                ) && text
                    .get(c.span.end..next.span.start)
                    .is_some_and(|gap| gap.trim().is_empty())
            });
        if matches!(c.kind, TimexType::Date | TimexType::Time) && !comparison && !day_follows {
            reference.update(&value, dct);
        } else if c.kind == TimexType::Duration {
            reference.update_duration(&value);
        }
        if let Some(b) = bounds(&value) {
            // A year that opens its sentence ("In 2021, ...", "Last year,
            // ...") frames it: later months in the sentence are of that year.
            if b.precision == Precision::Year
                && c.kind == TimexType::Date
                && opens_sentence(text, sentences.get(index), c.span)
            {
                sentence_year = Some((index, b.start.year()));
            }
            // A clock time's day is borrowed, not named: it does not pass
            // on to the next sentence ("after midnight. Customers queued
            // from 7 a.m.").
            // A day inside a relative clause ("futures, which expire on
            // Thursday, rose ... by 0630 GMT") is no day for the clocks of
            // the main clause.
            let sentence_start = sentences.get(index).map_or(0, |s| s.span.start);
            if matches!(b.precision, Precision::Day | Precision::Time)
                && !borrowed
                && !in_relative_clause(text, sentence_start, c.span.start)
            {
                // "Thursday's", or "Thursday 's" as tokenized text has it.
                let rest = text[c.span.end..].trim_start_matches(' ');
                let possessive = rest.starts_with("'s") || rest.starts_with("’s");
                // "in the year to April 2": the end of a period, not the
                // day the story happened.
                let boundary = matches!(
                    lexicon::key(guards::previous_word(text, c.span.start)).as_str(),
                    "to" | "through" | "until" | "till" | "since" | "ended" | "ending"
                );
                named_days.record(b.start, possessive || boundary);
            }
            if matches!(
                b.precision,
                Precision::Month | Precision::Day | Precision::Time
            ) {
                sentence_month = b.start.with_day(1).map(|m| (index, m));
            }
        }
        out.push(Timex {
            span: c.span,
            kind: c.kind,
            value,
            modifier: c.modifier.map(str::to_string),
            quant: c.quant.map(str::to_string),
            freq: c.freq,
            relative,
            sentence: index,
        });
    }
    align_joined_months(text, &mut out);
    take_in_positions(text, &mut out);
    holiday_weeks(text, &mut out);
    order_ranges(text, dct, &mut out);
    same_weekday_same_day(text, &mut out);
    join_day_shifts(text, &mut out);
    join_weekday_weeks(text, &mut out);
    join_weekend_of(text, &mut out);
    join_compound_durations(text, &mut out);
    date_clocks_by_next_day(text, sentences, &mut out);
    clocks_follow_moved_days(text, &mut out);
    small_hours_after_night(text, &mut out);
    habitual::undate_habitual_times(text, sentences, &mut out);
    drop_bracketed_restatements(text, &mut out);
    out
}

/// The days that `before` counts forward to the expression after it ("three
/// days after ", "a week before " gives -7), or none.
fn counted_from(before: &str) -> chrono::Duration {
    let mut words = before.split_whitespace().rev();
    let (Some(relation), Some(unit), Some(count)) = (words.next(), words.next(), words.next())
    else {
        return chrono::Duration::zero();
    };
    let sign = match relation {
        "after" => 1,
        "before" => -1,
        _ => return chrono::Duration::zero(),
    };
    let per = match unit.trim_end_matches('s') {
        "day" => 1,
        "week" => 7,
        _ => return chrono::Duration::zero(),
    };
    let count = match count.to_ascii_lowercase().as_str() {
        "a" | "one" => Some(1),
        word => word.parse::<i64>().ok().or_else(|| {
            lexicon::TABLES
                .numbers
                .get(word)
                .copied()
                .flatten()
                .map(i64::from)
        }),
    };
    count
        .filter(|n| (1..=60).contains(n))
        .map_or(chrono::Duration::zero(), |n| {
            chrono::Duration::days(sign * per * n)
        })
}

/// True when the expression at `span` opens its sentence as a framing
/// adverbial: at most one word before it ("In 2021,", "During 2019,") and a
/// comma after it, or as the owner of its subject ("Last year's rush was
/// cut short when Wuhan was locked down on Jan. 23").
fn opens_sentence(text: &str, sentence: Option<&Sentence>, span: Span) -> bool {
    let start = sentence.map_or(0, |s| s.span.start);
    let lead = text.get(start..span.start).unwrap_or("").trim();
    let rest = &text[span.end..];
    (lead.split_whitespace().count() <= 1
        && lead.chars().all(char::is_alphabetic)
        && rest.starts_with(','))
        || (lead.is_empty() && (rest.starts_with("'s ") || rest.starts_with("’s ")))
}

/// Takes a position inside a month or year into the expression: "the
/// first day of next month" is that month's first day, "the last day of
/// June" its last; "the final weeks of 2015" is 2015 with `mod` END, "the
/// first days of 2017" with START.
fn take_in_positions(text: &str, timexes: &mut [Timex]) {
    const DAY: [(&str, bool); 3] = [
        ("the first day of ", true),
        ("the last day of ", false),
        ("the final day of ", false),
    ];
    const PART: [(&str, &str); 8] = [
        ("the first days of ", "START"),
        ("the first weeks of ", "START"),
        ("the first months of ", "START"),
        ("the early days of ", "START"),
        ("the last days of ", "END"),
        ("the final days of ", "END"),
        ("the last weeks of ", "END"),
        ("the final weeks of ", "END"),
    ];
    for i in 0..timexes.len() {
        let floor = if i == 0 { 0 } else { timexes[i - 1].span.end };
        let t = &mut timexes[i];
        if t.kind != TimexType::Date || t.modifier.is_some() {
            continue;
        }
        let before = &text[floor..t.span.start];
        let ends = |phrase: &str| {
            before.len() >= phrase.len()
                && before.is_char_boundary(before.len() - phrase.len())
                && before[before.len() - phrase.len()..].eq_ignore_ascii_case(phrase)
        };
        let Some(b) = bounds(&t.value) else { continue };
        let whole = matches!(b.precision, Precision::Month | Precision::Year);
        if let Some((phrase, first)) = DAY.iter().find(|(p, _)| whole && ends(p)) {
            let day = if *first { b.start } else { b.end };
            t.value = day.format("%Y-%m-%d").to_string();
            t.span.start -= phrase.len();
        } else if let Some((phrase, m)) = PART.iter().find(|(p, _)| whole && ends(p)) {
            t.modifier = Some((*m).to_string());
            t.span.start -= phrase.len();
        }
    }
}

/// A holiday before "week" or "weekend" names that week or weekend:
/// "Easter week" is the ISO week holding Easter Sunday (`2000-W16`), "the
/// Labor Day weekend" the weekend nearest the Monday (`2022-W35-WE`); before
/// a part of day, that part of it ("Halloween night": `2018-10-31TNI`).
fn holiday_weeks(text: &str, timexes: &mut [Timex]) {
    for t in timexes.iter_mut() {
        let name = &text[t.span.start..t.span.end];
        if t.kind != TimexType::Date || !lexicon::TABLES.holidays.contains_key(&lexicon::key(name))
        {
            continue;
        }
        let Ok(day) = NaiveDate::parse_from_str(&t.value, "%Y-%m-%d") else {
            continue;
        };
        let after = &text[t.span.end..];
        // "on Halloween night": the holiday's part of day.
        let part = ["morning", "afternoon", "evening", "night"]
            .into_iter()
            .find(|p| {
                after
                    .strip_prefix(' ')
                    .is_some_and(|a| starts_with_word(a, p))
            });
        if let Some(part) = part
            && let Some(code) = lexicon::TABLES.parts_of_day.get(part)
        {
            t.value = format!("{}T{code}", t.value);
            t.span.end += 1 + part.len();
            continue;
        }
        let (word, weekend) = if starts_with_word(after, " weekend") {
            (" weekend", true)
        } else if starts_with_word(after, " week") {
            (" week", false)
        } else {
            continue;
        };
        // The weekend nearest the day: the one before a Monday to
        // Wednesday, the one after a Thursday or Friday.
        let day = if weekend {
            let back = match day.weekday().num_days_from_monday() {
                n @ 0..=2 => i64::from(n) + 1,
                n @ 3..=4 => i64::from(n) - 5,
                _ => 0,
            };
            match day.checked_sub_signed(chrono::TimeDelta::days(back)) {
                Some(d) => d,
                None => continue,
            }
        } else {
            day
        };
        let w = day.iso_week();
        let we = if weekend { "-WE" } else { "" };
        t.value = format!("{:04}-W{:02}{we}", w.year(), w.week());
        t.span.end += word.len();
    }
}

/// True when `text` starts with `word` as a whole word.
fn starts_with_word(text: &str, word: &str) -> bool {
    text.len() >= word.len()
        && text.is_char_boundary(word.len())
        && text[..word.len()].eq_ignore_ascii_case(word)
        && !text[word.len()..].starts_with(|c: char| c.is_alphanumeric())
}

/// A month joined to the one before it ("until July or August", "from
/// November to February") takes its year from that one (the next year when
/// it comes earlier in the calendar), instead of being placed on its own.
fn align_joined_months(text: &str, timexes: &mut [Timex]) {
    for i in 1..timexes.len() {
        let (head, tail) = timexes.split_at_mut(i);
        let (first, second) = (&head[i - 1], &mut tail[0]);
        let joined = text
            .get(first.span.end..second.span.start)
            .is_some_and(|gap| matches!(gap, " and " | " or " | " to " | " through " | "-" | "–"));
        let month_of = |value: &str| -> Option<(i32, u32)> {
            let (year, month) = value.split_once('-')?;
            (value.len() == 7).then_some(())?;
            Some((year.parse().ok()?, month.parse().ok()?))
        };
        let (Some((year, month)), Some((_, second_month))) =
            (month_of(&first.value), month_of(&second.value))
        else {
            continue;
        };
        if joined && second.relative && first.kind == second.kind {
            let year = if second_month < month { year + 1 } else { year };
            second.value = format!("{year:04}-{second_month:02}");
        }
    }
}

/// The second weekday of a range ("from Friday to Sunday", "Monday through
/// Thursday") comes after the first: placed before it on its own, it moves
/// a week on; a second day or month without its year ("from July 1 to
/// Dec. 31", "from November to February") moves a year on, and a range of
/// them placed ahead is the one under way when that holds the DCT ("runs
/// from June 1 to Nov. 30" in September).
fn order_ranges(text: &str, dct: Option<NaiveDate>, timexes: &mut [Timex]) {
    for i in 1..timexes.len() {
        let (head, tail) = timexes.split_at_mut(i);
        let (first, second) = (&head[i - 1], &mut tail[0]);
        // "between Monday and Wednesday" is a range as "from ... to" is.
        // So is "next Tuesday and Thursday": the second day is of the
        // first one's week.
        let first_text = &text[first.span.start..first.span.end];
        let week_named = ["next ", "this ", "last ", "coming "]
            .iter()
            .any(|w| first_text.to_ascii_lowercase().starts_with(w));
        // And "for Saturday and Sunday": two weekdays joined by "and" in the
        // order of the week are in that order ("on Tuesday and Monday" is
        // a list, not a span).
        let days_in_order = match (
            lone_weekday(first_text),
            lone_weekday(&text[second.span.start..second.span.end]),
        ) {
            (Some(a), Some(b)) => a < b,
            _ => false,
        };
        let two_weekdays = first.kind == TimexType::Date && days_in_order;
        let between = text[..first.span.start].ends_with("between ");
        let ranged = text
            .get(first.span.end..second.span.start)
            .is_some_and(|gap| {
                range_gap(gap) || ((between || week_named || two_weekdays) && gap == " and ")
            });
        let second_text = &text[second.span.start..second.span.end];
        let named = second.kind == TimexType::Date && lone_weekday(second_text).is_some();
        if !ranged || !second.relative {
            continue;
        }
        if !named {
            // A month or a day of one, its year not written.
            let yearless = !writes_a_year(second_text.as_bytes());
            let period = |value: &str| {
                bounds(value).filter(|b| matches!(b.precision, Precision::Month | Precision::Day))
            };
            let (Some(a), Some(mut b)) = (period(&first.value), period(&second.value)) else {
                continue;
            };
            if !yearless || a.precision != b.precision {
                continue;
            }
            if b.start < a.start
                && let Some(moved) = shift_year(&second.value, 1)
            {
                second.value = moved;
                b = period(&second.value).unwrap_or(b);
            }
            // "The hurricane season runs from June 1 to Nov. 30" in
            // September: the range under way, not next year's.
            let first_yearless = !writes_a_year(&text.as_bytes()[first.span.start..first.span.end]);
            let under_way_a_year_back = |d: NaiveDate| {
                let back = |x: NaiveDate| x.checked_sub_months(chrono::Months::new(12));
                back(a.start).is_some_and(|s| s <= d) && back(b.end).is_some_and(|e| d < e)
            };
            if first_yearless
                && let Some(d) = dct
                && a.start > d
                && under_way_a_year_back(d)
                && let (Some(x), Some(y)) =
                    (shift_year(&first.value, -1), shift_year(&second.value, -1))
            {
                head[i - 1].value = x;
                second.value = y;
            }
            continue;
        }
        let day = |value: &str| NaiveDate::parse_from_str(value.get(..10)?, "%Y-%m-%d").ok();
        let (Some(start), Some(end)) = (day(&first.value), day(&second.value)) else {
            continue;
        };
        // To the first such weekday from the start on (a weekday placed in
        // the past can lie two weeks before a "next Tuesday").
        let weeks_behind = u64::try_from((start - end).num_days() / 7 + 1).unwrap_or(0);
        // "fell twice last week, on Monday and Thursday": when the first day
        // lies before the DCT, it goes back to the second's week.
        let joined_in_past = end < start
            && two_weekdays
            && text.get(first.span.end..second.span.start) == Some(" and ")
            && dct.is_some_and(|d| start < d);
        if joined_in_past {
            if let Some(moved) = start.checked_sub_days(chrono::Days::new(7 * weeks_behind)) {
                let first = &mut head[i - 1];
                first.value = format!("{}{}", moved.format("%Y-%m-%d"), &first.value[10..]);
            }
        } else if end < start
            && let Some(moved) = end.checked_add_days(chrono::Days::new(7 * weeks_behind))
        {
            second.value = format!("{}{}", moved.format("%Y-%m-%d"), &second.value[10..]);
        }
    }
}

/// True when `span_text` holds four digits in a row: a year written out.
fn writes_a_year(span_text: &[u8]) -> bool {
    span_text
        .windows(4)
        .any(|w| w.iter().all(u8::is_ascii_digit))
}

/// `value` (a value that starts with a year) with its year moved by
/// `years`.
fn shift_year(value: &str, years: i32) -> Option<String> {
    let year = value.get(..4)?.parse::<i32>().ok()?;
    Some(format!("{:04}{}", year.checked_add(years)?, &value[4..]))
}

/// The weekday a relative expression names by itself ("Wednesday", "2:15
/// p.m. Wednesday", "Tuesday night"), none when it also names a month or a
/// direction ("next Wednesday", "Wednesday, May 3").
pub(super) fn lone_weekday(span_text: &str) -> Option<u32> {
    let mut day = None;
    let mut capitalized_before = false;
    for (written, word) in span_text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(|w| (w, lexicon::key(w)))
    {
        // "Palm Sunday", "Easter Sunday", "Super Tuesday": a holiday.
        if capitalized_before && lexicon::TABLES.weekdays.contains_key(&word) {
            return None;
        }
        capitalized_before = written.starts_with(|c: char| c.is_ascii_uppercase())
            && !lexicon::TABLES.weekdays.contains_key(&word);
        if lexicon::TABLES.months.contains_key(&word)
            || matches!(word.as_str(), "next" | "last" | "this" | "past" | "coming")
        {
            return None;
        }
        if let Some(d) = lexicon::TABLES.weekdays.get(&word) {
            if day.is_some() {
                return None;
            }
            day = Some(*d);
        }
    }
    day
}

/// The same weekday named twice in a sentence is one day: "Policymakers
/// meet Tuesday and Wednesday, and Bernanke holds a press conference at
/// 2:15 p.m. Wednesday" (the second takes the first's date).
fn same_weekday_same_day(text: &str, timexes: &mut [Timex]) {
    let days: Vec<Option<u32>> = timexes
        .iter()
        .map(|t| {
            t.relative
                .then(|| lone_weekday(&text[t.span.start..t.span.end]))
                .flatten()
        })
        .collect();
    for i in 1..timexes.len() {
        let Some(day) = days[i] else {
            continue;
        };
        let sentence = timexes[i].sentence;
        let earlier = (0..i)
            .rev()
            .find(|&j| timexes[j].sentence == sentence && days[j] == Some(day));
        if let Some(j) = earlier
            && timexes[j].value.len() >= 10
            && timexes[i].value.len() >= 10
            && bounds(&timexes[j].value[..10]).is_some()
        {
            let date = timexes[j].value[..10].to_string();
            timexes[i].value.replace_range(..10, &date);
        }
    }
}

/// True for the words between the two ends of a range: "to", "through",
/// "until", "till" or a dash.
pub(super) fn range_gap(gap: &str) -> bool {
    matches!(
        gap,
        " to " | " through " | " until " | " till " | "-" | "–" | " - " | " – "
    )
}

/// The days named sentence by sentence, for a clock time without a day of
/// its own: the last day named in its sentence, else the one day named in
/// the sentence before ("on Monday evening. The blaze broke out at 6:50
/// p.m."), unless that sentence named several, used it as a possessive
/// ("down from Thursday's settlement price. Prices fell near midday") or as
/// the end of a period ("in the year to April 2").
#[derive(Default)]
struct NamedDays {
    /// Index of the sentence being read.
    sentence: usize,
    /// The last day named in it.
    last: Option<NaiveDate>,
    /// How many days it named.
    count: usize,
    /// True when one of them was a possessive ("Thursday's") or the end of
    /// a period ("to April 2"): a day the story is not on.
    aside: bool,
    /// The one plain day named in the sentence right before.
    previous: Option<NaiveDate>,
    /// The one plain day named in the first sentence that named any, and
    /// whether that sentence is over.
    lead: Option<NaiveDate>,
    /// True once a sentence has named a day.
    lead_read: bool,
    /// True when the sentence being read is a headline.
    headline: bool,
}

/// True when the text from the last comma before `at` (in its sentence)
/// opens a relative clause: ", which expire on Thursday", ", who arrives on
/// Monday".
fn in_relative_clause(text: &str, sentence_start: usize, at: usize) -> bool {
    let Some(lead) = text.get(sentence_start..at) else {
        return false;
    };
    lead.rfind(',').is_some_and(|comma| {
        let clause = lead[comma + 1..].trim_start();
        let first = clause.split_whitespace().next().unwrap_or("");
        matches!(
            first.to_ascii_lowercase().as_str(),
            "which" | "who" | "whose" | "where"
        )
    })
}

/// True when `day` lies in the week up to the DCT (or there is no DCT).
fn recent(day: NaiveDate, dct: Option<NaiveDate>) -> bool {
    dct.is_none_or(|t| day <= t && (t - day).num_days() <= 7)
}

impl NamedDays {
    /// Moves on to sentence `index`, a headline when `headline`.
    fn enter(&mut self, index: usize, headline: bool) {
        if index == self.sentence {
            self.headline = headline;
            return;
        }
        let sole = self.count == 1 && !self.aside && index == self.sentence + 1;
        let (lead, lead_read) = if self.lead_read || self.count == 0 || self.headline {
            (self.lead, self.lead_read)
        } else {
            (self.last.filter(|_| self.count == 1 && !self.aside), true)
        };
        *self = NamedDays {
            sentence: index,
            previous: self.last.filter(|_| sole),
            lead,
            lead_read,
            headline,
            ..NamedDays::default()
        };
    }

    /// Records a day named in the current sentence; the same day named
    /// twice ("on Tuesday night ... Fourth of July fireworks") counts once.
    fn record(&mut self, day: NaiveDate, aside: bool) {
        if self.last != Some(day) {
            self.count += 1;
        }
        self.last = Some(day);
        self.aside |= aside;
    }

    /// The day a clock time without one takes: one from the sentence
    /// before only when it lies in the week up to the DCT (not "The law was
    /// passed on June 12, 2009. Polls close at 8 p.m.").
    fn for_clock(&self, dct: Option<NaiveDate>) -> Option<NaiveDate> {
        self.last.or(self.previous.filter(|d| recent(*d, dct)))
    }

    /// The one plain day the sentence before named further back than the
    /// week up to the DCT but within three months, for a clock in a
    /// past-tense sentence ("The fire broke out on Aug. 3. Crews arrived at
    /// 9 p.m."). An older day is background, not the story's day ("65 years
    /// to the day after ... Nov. 29, 1947. Abbas spoke at 3 p.m.").
    fn earlier_for_clock(&self, dct: Option<NaiveDate>) -> Option<NaiveDate> {
        self.previous.filter(|d| {
            dct.is_some_and(|t| *d < t && (t - *d).num_days() <= 92) && !recent(*d, dct)
        })
    }

    /// The one plain day the story's lead named (the first sentence that
    /// named a day, not a headline), when it is one or two days before the
    /// DCT: the day a past-tense clock with no day nearby is on. A lead
    /// further back is as often the start of a story that has moved on to
    /// the DCT ("approved the reforms on Wednesday ... Customers queued from
    /// 7 a.m." on Monday).
    fn story_day(&self, dct: Option<NaiveDate>) -> Option<NaiveDate> {
        self.lead
            .filter(|d| dct.is_some_and(|t| *d < t && (t - *d).num_days() <= 2))
    }

    /// The one plain day the sentence before named in the week ahead of the
    /// DCT, for a clock in a forward-looking sentence ("The strike begins on
    /// Monday. Workers will walk out at 5 a.m.").
    fn coming_for_clock(&self, dct: Option<NaiveDate>) -> Option<NaiveDate> {
        self.previous
            .filter(|d| dct.is_some_and(|t| *d > t && (*d - t).num_days() <= 7))
    }
}

/// A clock time takes its day from a day named right after it, with only
/// what `names_clock_day` allows between ("10:35 a.m. (0735 GMT) Friday",
/// "at 4 in the morning (4 a.m. EDT Thursday)"), and the first clock of a
/// range the day of the second. Without one it keeps the day of its
/// sentence or the DCT.
fn date_clocks_by_next_day(text: &str, sentences: &[Sentence], timexes: &mut [Timex]) {
    // From the end, so a day passes back through a bracketed clock ("6.30
    // a.m. (2030 GMT) on Tuesday").
    for i in (1..timexes.len()).rev() {
        let (head, tail) = timexes.split_at_mut(i);
        let (clock, next) = (&mut head[i - 1], &mut tail[0]);
        // "from 9 a.m. Monday to 5 p.m.", "from 10 p.m. Saturday to 6
        // a.m.": a second end without a day of its own is on the first's
        // day, or the morning after.
        if clock.kind == TimexType::Time
            && next.kind == TimexType::Time
            && clock.sentence == next.sentence
            && clock.value.len() == 16
            && next.value.len() == 16
            && names_day(&text[clock.span.start..clock.span.end])
            && !names_day(&text[next.span.start..next.span.end])
            && text
                .get(clock.span.end..next.span.start)
                .is_some_and(range_gap)
            && let Ok(day) = NaiveDate::parse_from_str(&clock.value[..10], "%Y-%m-%d")
        {
            let day = if clock.value[11..] > next.value[11..] {
                day.succ_opt().unwrap_or(day)
            } else {
                day
            };
            next.value
                .replace_range(..10, &day.format("%Y-%m-%d").to_string());
            continue;
        }
        let close = text
            .get(clock.span.end..next.span.start)
            .is_some_and(names_clock_day);
        // "from 7 a.m. to 8 p.m. on Sunday": the first end of a range of
        // clocks takes the day of the second, unless it names its own.
        let clock_range = next.kind == TimexType::Time
            && next.value.len() == 16
            && text
                .get(clock.span.end..next.span.start)
                .is_some_and(|gap| range_gap(gap) || gap == " and ")
            && !names_day(&text[clock.span.start..clock.span.end]);
        let day = next
            .value
            .get(..10)
            .filter(|d| bounds(d).is_some_and(|b| b.precision == Precision::Day))
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        // A part of a day ("by late evening on Election Day") takes it too.
        let day_part = clock.value.len() == 13
            && !clock_range
            && !names_day(&text[clock.span.start..clock.span.end]);
        if clock.kind == TimexType::Time
            && clock.relative
            && clock.sentence == next.sentence
            && (close || clock_range)
            && (clock.value.len() == 16 || day_part)
            && let Some(mut day) = day
        {
            if clock_range && clock.value[11..] > next.value[11..] {
                // "The bridge will be closed from 10 p.m. to 6 a.m.": both
                // ends took the same day, and ahead the range runs into the
                // next morning.
                let same_day = clock.value[..10] == next.value[..10];
                if same_day
                    && !names_day(&text[next.span.start..next.span.end])
                    && looks_ahead(text, sentences, clock)
                    && let Some(after) = day.succ_opt()
                {
                    next.value
                        .replace_range(..10, &after.format("%Y-%m-%d").to_string());
                    continue;
                }
                // "from 10 p.m. to 6 a.m. on Sunday": the night before.
                day = day.pred_opt().unwrap_or(day);
            } else if close && next.value.ends_with("TNI") && in_small_hours(&clock.value) {
                // "until 1am tonight": the small hours after that night.
                day = day.succ_opt().unwrap_or(day);
            }
            clock
                .value
                .replace_range(..10, &day.format("%Y-%m-%d").to_string());
        }
    }
}

/// A clock time without a day of its own took the last day named before
/// it in its sentence; when a later pass moved that day by whole weeks
/// ("next Tuesday and Thursday evenings at 7 p.m.": Thursday goes to next
/// week), the clock goes with it.
fn clocks_follow_moved_days(text: &str, timexes: &mut [Timex]) {
    let date_of = |value: &str| NaiveDate::parse_from_str(value.get(..10)?, "%Y-%m-%d").ok();
    for i in 1..timexes.len() {
        let clock = &timexes[i];
        if clock.kind != TimexType::Time
            || !clock.relative
            || clock.value.len() != 16
            || names_day(&text[clock.span.start..clock.span.end])
        {
            continue;
        }
        let day = timexes[..i]
            .iter()
            .rev()
            .take_while(|t| t.sentence == clock.sentence)
            .find(|t| t.kind == TimexType::Date && t.value.len() >= 10)
            .and_then(|t| date_of(&t.value));
        if let (Some(day), Some(own)) = (day, date_of(&clock.value)) {
            let apart = (day - own).num_days();
            if apart != 0 && apart % 7 == 0 {
                let clock = &mut timexes[i];
                clock
                    .value
                    .replace_range(..10, &day.format("%Y-%m-%d").to_string());
            }
        }
    }
}

/// True when `value` is a clock time on a day (`2024-03-12T02:15`) before
/// 6 a.m.
fn in_small_hours(value: &str) -> bool {
    value.len() == 16 && value[11..13] < *"06"
}

/// "Shelling went on through Monday night until 5 a.m.", "Tuesday night,
/// at about 2 a.m.": a clock time of the small hours (before 6 a.m.) that
/// took the day of a night named before it in its sentence is on the
/// morning after.
fn small_hours_after_night(text: &str, timexes: &mut [Timex]) {
    for i in 1..timexes.len() {
        let clock = &timexes[i];
        let small_hours = clock.kind == TimexType::Time
            && in_small_hours(&clock.value)
            && !names_day(&text[clock.span.start..clock.span.end]);
        if !small_hours {
            continue;
        }
        // Past the evening clocks of the same night ("Tuesday night at 11
        // p.m. ... until 3 a.m.").
        let night = timexes[..i]
            .iter()
            .rev()
            .take_while(|t| t.sentence == clock.sentence)
            .filter(|t| {
                !(t.kind == TimexType::Time
                    && t.value.len() == 16
                    && t.value[..10] == clock.value[..10]
                    && t.value[11..13] >= *"18")
            })
            .find(|t| t.value.len() >= 10 && bounds(&t.value).is_some());
        let Some(night) = night.filter(|t| t.value.len() == 13 && t.value.ends_with("TNI")) else {
            continue;
        };
        if night.value[..10] != clock.value[..10] {
            continue;
        }
        if let Some(morning) = NaiveDate::parse_from_str(&night.value[..10], "%Y-%m-%d")
            .ok()
            .and_then(|d| d.succ_opt())
        {
            timexes[i]
                .value
                .replace_range(..10, &morning.format("%Y-%m-%d").to_string());
        }
    }
}

/// True when the tense around `timex` looks ahead.
fn looks_ahead(text: &str, sentences: &[Sentence], timex: &Timex) -> bool {
    let sentence = sentences
        .get(timex.sentence)
        .map_or(Span::new(0, text.len()), |s| s.span);
    let (lead, before, after) = clause(text, sentence, timex.span);
    tense::of_context(lead, before, after) == Tense::Future
}

/// True when `gap`, the text between a clock time and a day, lets the day
/// be the clock's: a time zone or brackets, "on" at the end ("6.30 a.m.
/// (2030 GMT) on Tuesday", "5 p.m. Eastern on Thursday"; not across a
/// quote: "after 9 p.m. "By Tuesday ..."), or a noun the clock names the
/// time of ("the midnight deadline on Tuesday", "a 10 a.m. meeting on
/// Friday").
fn names_clock_day(gap: &str) -> bool {
    let noun_on = gap
        .strip_prefix(' ')
        .and_then(|g| g.strip_suffix(" on "))
        .is_some_and(|noun| {
            !noun.is_empty()
                && noun.bytes().all(|b| b.is_ascii_lowercase())
                && !matches!(noun, "and" | "or" | "but" | "then")
        });
    let gap = gap.trim_end();
    let gap = gap.strip_suffix(" on").unwrap_or(gap);
    let zone_word = |w: &str| {
        w.chars().all(|c| c.is_ascii_uppercase())
            || matches!(
                w,
                "Eastern" | "Central" | "Mountain" | "Pacific" | "Atlantic" | "local" | "time"
            )
    };
    noun_on
        || (gap.len() <= 16
            && !gap.contains(['"', '“', '”'])
            && gap
                .split(|c: char| !c.is_alphabetic())
                .filter(|w| !w.is_empty())
                .all(zone_word))
}

/// True when `span_text` names a day of its own: a weekday, a month or
/// "today", "tomorrow", "yesterday", "tonight".
pub(super) fn names_day(span_text: &str) -> bool {
    span_text
        .split(|c: char| !c.is_alphabetic())
        .map(lexicon::key)
        .any(|w| {
            lexicon::TABLES.weekdays.contains_key(&w)
                || lexicon::TABLES.months.contains_key(&w)
                || matches!(w.as_str(), "today" | "tomorrow" | "yesterday" | "tonight")
        })
}

/// Drops a clock time in brackets right after another one: the same moment
/// in another zone ("10:35 a.m. (0735 GMT) Friday"), as TimeBank leaves it;
/// one with a day of its own stays.
fn drop_bracketed_restatements(text: &str, timexes: &mut Vec<Timex>) {
    let mut i = 1;
    while i < timexes.len() {
        let (first, second) = (&timexes[i - 1], &timexes[i]);
        // A day of its own makes it more than a restatement ("at 4 in the
        // morning (4 a.m. EDT Thursday)").
        let own_day = text[second.span.start..second.span.end]
            .split(|c: char| !c.is_alphabetic())
            .any(|w| lexicon::TABLES.weekdays.contains_key(&lexicon::key(w)));
        let bracketed = first.kind == TimexType::Time
            && second.kind == TimexType::Time
            && !own_day
            && text.get(first.span.end..second.span.start) == Some(" (")
            && text[second.span.end..].starts_with(')');
        if bracketed {
            timexes.remove(i);
        } else {
            i += 1;
        }
    }
}

/// Joins a duration with a smaller one right after it into one expression:
/// "2 hours 15 minutes" is `PT2H15M`, "three years and two months"
/// `P3Y2M`. Weeks do not mix with other units in TIMEX3, so they stay apart.
fn join_compound_durations(text: &str, timexes: &mut Vec<Timex>) {
    let mut i = 1;
    while i < timexes.len() {
        let (first, second) = (&timexes[i - 1], &timexes[i]);
        let gap = &text[first.span.end..second.span.start];
        let joined = (first.kind == TimexType::Duration
            && second.kind == TimexType::Duration
            && second.modifier.is_none()
            && matches!(gap, " " | " and " | ", "))
        .then(|| compound_duration(&first.value, &second.value))
        .flatten();
        if let Some(value) = joined {
            let end = second.span.end;
            let first = &mut timexes[i - 1];
            first.span = Span::new(first.span.start, end);
            first.value = value;
            timexes.remove(i);
        } else {
            i += 1;
        }
    }
}

/// The TIMEX3 value of two whole durations one after the other, the
/// second a single unit smaller than any of the first ("P3Y" and "P2M":
/// `P3Y2M`; "PT2H14M" and "PT4S": `PT2H14M4S`), or `None`.
fn compound_duration(first: &str, second: &str) -> Option<String> {
    /// Units from largest to smallest, as (letter, in the time part).
    const ORDER: [(char, bool); 6] = [
        ('Y', false),
        ('M', false),
        ('D', false),
        ('H', true),
        ('M', true),
        ('S', true),
    ];
    let rank_of = |unit: char, time: bool| ORDER.iter().position(|&u| u == (unit, time));
    // The parts of the first value, largest unit first ("PT2H14M": 2 H, 14 M).
    let mut parts: Vec<(String, usize)> = Vec::new();
    let mut time = false;
    let mut number = String::new();
    for c in first.strip_prefix('P')?.chars() {
        match c {
            'T' if number.is_empty() => time = true,
            '0'..='9' => number.push(c),
            _ => {
                let rank = rank_of(c, time)?;
                parts.push((std::mem::take(&mut number), rank));
            }
        }
    }
    // The smallest unit may have a fraction: "41 minutes and 5.79 seconds".
    let (b, unit, in_time) = match single_unit_duration(second) {
        Some((n, unit, in_time)) => (n.to_string(), unit, in_time),
        None => {
            let seconds = second.strip_prefix("PT")?.strip_suffix('S')?;
            let (whole, fraction) = seconds.split_once('.')?;
            let digits = |s: &str| !s.is_empty() && s.bytes().all(|c| c.is_ascii_digit());
            if !digits(whole) || !digits(fraction) {
                return None;
            }
            (seconds.to_string(), 'S', true)
        }
    };
    let rank_b = rank_of(unit, in_time)?;
    if !number.is_empty() || parts.last().is_none_or(|&(_, rank)| rank >= rank_b) {
        return None;
    }
    parts.push((b, rank_b));
    let (mut date, mut time) = (String::new(), String::new());
    for (n, rank) in parts {
        let (letter, in_time) = ORDER[rank];
        let part = if in_time { &mut time } else { &mut date };
        part.push_str(&format!("{n}{letter}"));
    }
    let t = if time.is_empty() { "" } else { "T" };
    Some(format!("P{date}{t}{time}"))
}

/// Joins a weekday with the week named right after it into one date:
/// "Wednesday last week" and "Wednesday of last week" are the Wednesday of
/// last week, "Monday next week" the Monday of next week.
fn join_weekday_weeks(text: &str, timexes: &mut Vec<Timex>) {
    let mut i = 1;
    while i < timexes.len() {
        let (day, week) = (&timexes[i - 1], &timexes[i]);
        let number = lexicon::TABLES
            .weekdays
            .get(&lexicon::key(&text[day.span.start..day.span.end]))
            .copied();
        let week_word = text[week.span.start..week.span.end].to_ascii_lowercase();
        let joined = matches!(text.get(day.span.end..week.span.start), Some(" " | " of "))
            && matches!(week_word.as_str(), "last week" | "next week" | "this week");
        let date = number.filter(|_| joined).and_then(|n| {
            let (year, w) = week.value.split_once("-W")?;
            let weekday = chrono::Weekday::try_from(u8::try_from(n.checked_sub(1)?).ok()?).ok()?;
            NaiveDate::from_isoywd_opt(year.parse().ok()?, w.parse().ok()?, weekday)
        });
        if let Some(date) = date {
            let end = week.span.end;
            let first = &mut timexes[i - 1];
            first.span = Span::new(first.span.start, end);
            first.value = date.format("%Y-%m-%d").to_string();
            timexes.remove(i);
        } else {
            i += 1;
        }
    }
}

/// Joins "the weekend" with the day after "of" into the weekend of that
/// day's week: "the weekend of March 16-17" is `2024-W11-WE` (the end of a
/// range of days right after is part of it).
fn join_weekend_of(text: &str, timexes: &mut Vec<Timex>) {
    let mut i = 1;
    while i < timexes.len() {
        let (weekend, date) = (&timexes[i - 1], &timexes[i]);
        let joined = text[weekend.span.start..weekend.span.end].eq_ignore_ascii_case("the weekend")
            && text.get(weekend.span.end..date.span.start) == Some(" of ");
        let day = joined
            .then(|| NaiveDate::parse_from_str(date.value.get(..10)?, "%Y-%m-%d").ok())
            .flatten();
        let Some(day) = day else {
            i += 1;
            continue;
        };
        let w = day.iso_week();
        let mut end = date.span.end;
        timexes.remove(i);
        // "March 16-17": the range's last day belongs to the same weekend.
        if let Some(next) = timexes.get(i)
            && matches!(text.get(end..next.span.start), Some("-" | "–"))
        {
            end = next.span.end;
            timexes.remove(i);
        }
        let first = &mut timexes[i - 1];
        first.span = Span::new(first.span.start, end);
        first.value = format!("{:04}-W{:02}-WE", w.year(), w.week());
        i += 1;
    }
}

/// Joins "the day after" or "the day before" with the day-level date right
/// after it into one expression: "the day after Christmas" is
/// `2023-12-26`, not a day counted from the time the text talked about
/// plus a second expression.
fn join_day_shifts(text: &str, timexes: &mut Vec<Timex>) {
    let mut i = 1;
    while i < timexes.len() {
        let (shift, date) = (&timexes[i - 1], &timexes[i]);
        let phrase = &text[shift.span.start..shift.span.end];
        let offset = if phrase.eq_ignore_ascii_case("the day after") {
            1
        } else if phrase.eq_ignore_ascii_case("the day before") {
            -1
        } else {
            0
        };
        let adjacent =
            text[shift.span.end..date.span.start] == *" " && shift.sentence == date.sentence;
        let day = bounds(&date.value)
            .filter(|b| b.precision == Precision::Day && date.kind == TimexType::Date)
            .and_then(|b| b.start.checked_add_signed(chrono::Duration::days(offset)));
        if offset != 0
            && adjacent
            && let Some(day) = day
        {
            let end = date.span.end;
            let shift = &mut timexes[i - 1];
            shift.span = Span::new(shift.span.start, end);
            shift.value = day.format("%Y-%m-%d").to_string();
            shift.relative = true;
            timexes.remove(i);
        }
        i += 1;
    }
}

/// The words around an expression that tell its tense: up to 80 bytes
/// before it and 40 after (120 after a phrase that opens the sentence and
/// ends at a comma), inside its sentence and its clause (long
/// sentences mix tenses; a semicolon ends a clause), and the lead, up to
/// 240 bytes of the sentence before those 80 (none after a semicolon).
/// Returns (lead, before, after).
fn clause(text: &str, sentence: Span, span: Span) -> (&str, &str, &str) {
    let floor = |at: usize| {
        let mut at = at.max(sentence.start).min(span.start);
        while at < span.start && !text.is_char_boundary(at) {
            at += 1;
        }
        at
    };
    // Back to the start of a word, so that no word is cut in two ("wo" in
    // the lead, "uld" before the expression).
    let word_start = |at: usize| {
        let lower = sentence.start.min(at);
        text[lower..at]
            .rfind(char::is_whitespace)
            .map_or(lower, |i| lower + i + 1)
    };
    // Back over the auxiliaries the first word in reach leans on ("will be
    // | held at the county health department every Saturday ... through
    // the end of May": "held" after "be" is no past cue).
    let mut start = word_start(floor(span.start.saturating_sub(80)));
    for _ in 0..3 {
        let previous = word_start(text[..start].trim_end().len());
        let auxiliary = matches!(
            text[previous..start].trim_end(),
            "be" | "been"
                | "being"
                | "is"
                | "are"
                | "was"
                | "were"
                | "will"
                | "would"
                | "has"
                | "have"
                | "had"
        );
        if previous < sentence.start || previous >= start || !auxiliary {
            break;
        }
        start = previous;
    }
    let lead_start = word_start(floor(start.saturating_sub(240))).min(start);
    // "Starting Monday, two southbound lanes between Third Street and U.S.
    // 35 will close": an opening phrase takes the tense of the clause it
    // opens, which may lie further on (not one that a subordinate clause
    // follows: "On Friday, when Albright set aside ...").
    let opening = text[sentence.start.min(span.start)..span.start]
        .split_whitespace()
        .count()
        <= 2
        && text[span.end..].starts_with(',')
        && !matches!(
            lexicon::key(guards::next_word(&text[span.end + 1..])).as_str(),
            "when" | "while" | "as" | "after" | "before" | "which" | "who" | "where" | "if"
        );
    let reach = if opening { 120 } else { 40 };
    let mut end = (span.end + reach).min(sentence.end).min(text.len());
    while end > span.end && !text.is_char_boundary(end) {
        end -= 1;
    }
    let lead = text.get(lead_start..start).unwrap_or("");
    let before = text.get(start..span.start).unwrap_or("");
    let after = text.get(span.end..end).unwrap_or("");
    // A semicolon joins two clauses, each with its own tense ("unveiled
    // it in September; it goes on sale Friday").
    let (lead, before) = match before.rsplit_once(';') {
        Some((_, b)) => ("", b),
        None => (lead.rsplit_once(';').map_or(lead, |(_, l)| l), before),
    };
    let after = after.split_once(';').map_or(after, |(a, _)| a);
    // Words after a later comma are another clause or an aside ("on
    // Wednesday and a schedule, drawn up Monday, on Thursday"); a comma
    // right after the expression is kept for the tense reader to see.
    let after = match after.trim_start().starts_with(',') {
        true => after,
        false => after.split_once(',').map_or(after, |(a, _)| a),
    };
    (lead, before, after)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag_text(text: &str, dct: Option<NaiveDate>) -> Vec<Timex> {
        let (sentences, _) = crate::text::split(text);
        tag(text, &sentences, dct)
    }

    #[test]
    fn compound_durations_join_largest_unit_first() {
        assert_eq!(
            compound_duration("PT2H", "PT15M").as_deref(),
            Some("PT2H15M")
        );
        assert_eq!(compound_duration("P3Y", "P2M").as_deref(), Some("P3Y2M"));
        assert_eq!(
            compound_duration("P1D", "PT12H").as_deref(),
            Some("P1DT12H")
        );
        // Smaller first, weeks, or vague amounts stay apart.
        assert_eq!(compound_duration("PT15M", "PT2H"), None);
        assert_eq!(compound_duration("P2W", "P3D"), None);
        assert_eq!(compound_duration("PXY", "P2M"), None);
        // A third part joins a compound already made.
        assert_eq!(
            compound_duration("PT2H14M", "PT4S").as_deref(),
            Some("PT2H14M4S")
        );
        assert_eq!(compound_duration("P3Y2M", "P1Y"), None);
        assert_eq!(compound_duration("P1.5W", "P2D"), None);
        // Seconds, the smallest unit, may have a fraction; no other part may.
        assert_eq!(
            compound_duration("PT1H41M", "PT5.79S").as_deref(),
            Some("PT1H41M5.79S")
        );
        assert_eq!(compound_duration("PT1H", "PT1.5M"), None);
        assert_eq!(compound_duration("PT1M", "PT.5S"), None);
    }

    #[test]
    fn fields_are_filled_in_text_order() {
        let dct = NaiveDate::from_ymd_opt(2023, 1, 24);
        let text = "He left in April 2018. He came back yesterday, early 2019 said.";
        let got = tag_text(text, dct);
        let rows: Vec<_> = got
            .iter()
            .map(|t| {
                (
                    t.span.text(text),
                    t.value.as_str(),
                    t.modifier.as_deref(),
                    t.relative,
                    t.sentence,
                )
            })
            .collect();
        assert_eq!(
            rows,
            vec![
                ("April 2018", "2018-04", None, false, 0),
                ("yesterday", "2023-01-23", None, true, 1),
                ("early 2019", "2019", Some("START"), false, 1),
            ]
        );
        for pair in got.windows(2) {
            assert!(pair[0].span.end <= pair[1].span.start);
        }
    }

    #[test]
    fn without_sentences_the_text_is_one_sentence() {
        let got = tag("It ended on Monday, two days ago.", &[], None);
        let values: Vec<_> = got.iter().map(|t| (t.value.as_str(), t.sentence)).collect();
        assert_eq!(values, vec![("XXXX-WXX-1", 0), ("PAST_REF", 0)]);
    }

    #[test]
    fn relative_dates_follow_the_story() {
        let dct = NaiveDate::from_ymd_opt(2023, 1, 24);
        let text = "The raid came on March 3, 2021. Three weeks later, the cell was gone. \
                    The following year, trials began.";
        let values: Vec<_> = tag_text(text, dct).into_iter().map(|t| t.value).collect();
        assert_eq!(values, vec!["2021-03-03", "2021-W12", "2022"]);
    }

    #[test]
    fn a_past_clock_takes_the_day_of_the_lead_not_of_a_headline() {
        let dct = NaiveDate::from_ymd_opt(2015, 8, 25);
        let value_of = |text: &str| {
            tag_text(text, dct)
                .into_iter()
                .find(|t| t.value.ends_with("T09:30"))
                .map(|t| t.value)
        };
        let lead = "Stocks plunged on Monday. Traders were stunned.\n\n\
                    The selling began at 9:30 a.m.";
        assert_eq!(value_of(lead).as_deref(), Some("2015-08-24T09:30"));
        let headline = "Wall Street rebounds after Monday rout\n\n\
                        Stocks rose sharply. Traders were relieved.\n\n\
                        The buying began at 9:30 a.m.";
        assert_eq!(value_of(headline).as_deref(), Some("2015-08-25T09:30"));
    }
}
