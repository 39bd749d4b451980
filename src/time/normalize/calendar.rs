//! Normalizers of dates with a month: full dates, days of a month, weeks of a
//! month, months and holidays.

use std::borrow::Cow;

use super::clocks::clock;
use super::{
    Candidate, Hit, Pick, Val, day_of_month, days_in_month, holiday_val, month, month_and_day,
    of_named_year, pick_of,
};
use crate::annotation::{Span, TimexType};
use crate::time::guards::{
    ends_with_month, is_full_month, may_the_person, next_word, next_word_blocked, preceded_by,
    previous_word,
};
use crate::time::lexicon::{TABLES, key};

/// The candidate for a match of:
/// - `date_dotted`: 5.1.2021 (day first)
/// - `date_dash_month`: 5-Jan-2021
/// - `date_full`: January 24, 2023 [12:26] / Tuesday, Jan. 24 2023 at 3 p.m.
/// - `date_dmy`: 24 January 2023 / the 24th of January, 2023
/// - `date_iso`: 2023-01-24 / 2023-01-24T12:26
/// - `date_slash`: 1/24/2023 (month first, as in American news), or 24/01/2023
///   when the first number cannot be a month
/// - `date_ymd_slash`: 2024/03/14
pub(super) fn full_date(hit: &Hit, mut out: Candidate) -> Option<Candidate> {
    let year = hit.num("year")?;
    let month = match hit.get("month") {
        Some(mm) => month(mm.as_str())?,
        None => hit.num("mon")?,
    };
    let day = hit.num("day")?;
    // "version 1.2.2021": a release number.
    if hit.name == "date_dotted"
        && matches!(
            key(previous_word(hit.text, out.span.start)).as_str(),
            "version" | "v" | "release" | "build" | "firmware" | "update"
        )
    {
        return None;
    }
    // "24/01/2023": a first number over 12 is the day.
    let (month, day) = if hit.name == "date_slash" && month > 12 {
        (day, month)
    } else {
        (month, day)
    };
    chrono::NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)?;
    if !(1000..=2199).contains(&year) {
        return None;
    }
    let date = format!("{year:04}-{month:02}-{day:02}");
    // An ISO timestamp ("2024-11-20T10:15:00Z") keeps hour and minute.
    let iso_clock = hit.num("ih").zip(hit.num("imin"));
    match iso_clock.or_else(|| clock(hit)) {
        Some((h, mi)) => {
            out.kind = TimexType::Time;
            out.val = Val::Fixed(format!("{date}T{h:02}:{mi:02}"));
        }
        None => {
            // A clock that failed to parse must not stay in the span.
            if hit.get("hour").is_some() || hit.get("hour2").is_some() {
                let end = hit.get("year").map(|y| y.end())?;
                out.span.end = end;
            }
            out.val = Val::Fixed(date);
        }
    }
    Some(out)
}

/// The candidate for a match of:
/// - `date_md`: January 24 / Tuesday, Jan. 24
/// - `date_dm`: 24 January / the 24th of January
pub(super) fn month_day(hit: &Hit, mut out: Candidate) -> Option<Candidate> {
    let (month, day) = month_and_day(hit)?;
    // "Dec. 12-14, 2024": the year after the range is this day's too.
    if hit.name == "date_md"
        && let Some(year) = range_year(&hit.text[out.span.end..])
    {
        out.val = day_of_month(Some(year), month, day);
        return Some(out);
    }
    out.val = day_of_month(None, month, day);
    Some(out)
}

/// The candidate for a match of:
/// - `day_range`: the end of a range of days: "14" in "Dec. 12-14" (and "Dec.
///   12-14, 2024", "April 24 and 25")
pub(super) fn day_range(hit: &Hit, mut out: Candidate) -> Option<Candidate> {
    let month = month(hit.get("month")?.as_str())?;
    let first = hit.num("d1")?;
    let last = hit.get("day")?;
    let day = hit.num("day")?;
    if first == 0 || day <= first || day > days_in_month(month) {
        return None;
    }
    // "April 24 and 25 percent" is no range of days.
    if hit.get("year").is_none() && next_word_blocked(&hit.text[last.end()..]) {
        return None;
    }
    let end = hit.get("year").map_or(last.end(), |y| y.end());
    out.span = Span::new(last.start(), end);
    out.val = day_of_month(hit.num("year"), month, day);
    Some(out)
}

/// The candidate for a match of:
/// - `week_of`: the week of March 6 / the week of Dec. 9, 2024: the ISO week
///   holding that day
pub(super) fn week_of(hit: &Hit, mut out: Candidate) -> Option<Candidate> {
    let (month, day) = month_and_day(hit)?;
    out.val = Val::WeekOf(Box::new(day_of_month(hit.num("year"), month, day)));
    Some(out)
}

/// The candidate for a match of:
/// - `week_nth`: the first week of March / the last week of June 2024: the ISO
///   week holding the month's 4th (or its last day but three), as ISO counts
///   the first week of a year
pub(super) fn week_nth(hit: &Hit, mut out: Candidate) -> Option<Candidate> {
    let month = month(hit.get("month")?.as_str())?;
    let day = match key(hit.get("nth")?.as_str()).as_str() {
        "first" => 4,
        "second" => 11,
        "third" => 18,
        "fourth" => 25,
        _ => days_in_month(month) - 3,
    };
    out.val = Val::WeekOf(Box::new(day_of_month(hit.num("year"), month, day)));
    Some(out)
}

/// The candidate for a match of:
/// - `day_ordinal`: due on the 15th / by the 3rd: a day of the month the text
///   talks about (a cue word before it and no noun after it are checked in
///   code: "the 15th floor")
pub(super) fn day_ordinal(hit: &Hit, mut out: Candidate) -> Option<Candidate> {
    let day = hit.num("day")?;
    // "due on the 15th", "by the 3rd,": a cue word before it, and
    // nothing after it that it could count ("the 15th floor", "the
    // 21st century").
    if day == 0 {
        return None;
    }
    let cued = preceded_by(
        hit.text,
        out.span.start,
        &[
            "on", "by", "until", "till", "before", "after", "since", "from", "through",
        ],
    );
    let after = &hit.text[out.span.end..];
    let ends = after.is_empty()
        || after.starts_with(['.', ',', ';', ':', ')', '!', '?'])
        || after
            .trim_start()
            .get(..12)
            .is_some_and(|s| s.eq_ignore_ascii_case("of the month"))
        || matches!(
            key(next_word(after)).as_str(),
            "and" | "or" | "at" | "when" | "if"
        );
    if !cued || !ends {
        return None;
    }
    out.val = Val::MonthDay(day);
    Some(out)
}

/// The candidate for a match of:
/// - `date_my`: April 2018 / April of 2018 / Sept. 2018
pub(super) fn date_my(hit: &Hit, mut out: Candidate) -> Option<Candidate> {
    let year = hit.num("year")?;
    if !(1000..=2199).contains(&year) {
        return None;
    }
    let month = month(hit.get("month")?.as_str())?;
    out.val = Val::Fixed(format!("{year:04}-{month:02}"));
    Some(out)
}

/// The candidate for a match of:
/// - `month_attr`: the October slaying / a June agreement / December's figures:
///   a month used as an adjective (after an article or possessive, checked in
///   code) or possessive ("May" is left out: Theresa May's)
/// - `month_poss`: the same
pub(super) fn month_attr(hit: &Hit, mut out: Candidate) -> Option<Candidate> {
    let word = hit.get("month")?;
    let month = month(word.as_str())?;
    if month == 5 {
        return None;
    }
    if hit.name == "month_attr"
        && !preceded_by(
            hit.text,
            word.start(),
            // "s": after a possessive ("the Fed's July meeting").
            &["the", "a", "an", "its", "their", "his", "her", "s"],
        )
    {
        return None;
    }
    out.span = Span::new(word.start(), word.end());
    // "the November election": a scheduled event, the next one unless
    // the tense says otherwise.
    let after = &hit.text[word.end()..];
    let noun = key(next_word(after));
    // "the July jobs report", "the June inflation figures": the month the
    // data cover (the noun may come second).
    let second = after
        .trim_start()
        .get(noun.len()..)
        .map(|rest| key(next_word(rest)))
        .unwrap_or_default();
    let data = [&noun, &second]
        .iter()
        .any(|n| TABLES.data_nouns.contains(n));
    // "the June contract": a futures month, under way or ahead.
    let pick = if TABLES.delivery_nouns.contains(&noun) {
        Pick::Future
    } else if data {
        Pick::Reported
    } else if TABLES.scheduled_events.contains(&noun) {
        Pick::TenseAhead
    } else if TABLES.happened_events.contains(&noun) {
        // "the January earthquake": over by the time it is reported.
        Pick::Past
    } else {
        Pick::Tense
    };
    out.val = Val::Cyclic {
        suffix: format!("-{month:02}"),
        pick,
    };
    Some(out)
}

/// The candidate for a match of:
/// - `month_cued`: in February / last May / mid-March (the month alone needs a
///   cue word; "to", "and", "or" only count right after another month: "March
///   to May")
pub(super) fn month_cued(hit: &Hit, mut out: Candidate) -> Option<Candidate> {
    let month_match = hit.get("month")?;
    let month = month(month_match.as_str())?;
    if month == 5 && may_the_person(hit.text, month_match.start(), month_match.end()) {
        return None;
    }
    let cue_match = hit.get("cue")?;
    let cue = key(cue_match.as_str());
    // "March to May": "to", "and", "or" join months; "the three months to
    // June", "the year to March" end a reporting period (British style).
    let ends_period = cue == "to"
        && matches!(
            key(previous_word(hit.text, cue_match.start())).as_str(),
            "months" | "month" | "year" | "weeks" | "quarter" | "half" | "period"
        );
    // "March, May and June": a comma joins months as "and" does.
    if matches!(cue.as_str(), "to" | "and" | "or" | ",")
        && !ends_with_month(&hit.text[..cue_match.start()])
        && !ends_period
    {
        return None;
    }
    // "crude futures for May", "for November delivery": a delivery month,
    // under way or ahead.
    let delivery = cue == "for"
        && (TABLES
            .delivery_nouns
            .contains(&key(next_word(&hit.text[month_match.end()..])))
            || TABLES
                .delivery_before
                .contains(&key(previous_word(hit.text, cue_match.start()))));
    // "inflation figures for April": the month the data cover.
    let reported = cue == "for"
        && TABLES
            .data_nouns
            .contains(&key(previous_word(hit.text, cue_match.start())));
    let pick = match cue.as_str() {
        _ if delivery => Pick::Future,
        _ if reported => Pick::Reported,
        "last" | "past" => Pick::Last,
        "next" | "coming" => Pick::Next,
        "this" => Pick::This,
        _ => Pick::Tense,
    };
    if matches!(pick, Pick::Tense | Pick::Future | Pick::Reported) {
        out.span.start = month_match.start();
        // "in November and December 2022": the year after the range is
        // this month's too.
        match month_range_year(&hit.text[out.span.end..]) {
            Some(RangeYear::Written(year)) => {
                out.val = Val::Fixed(format!("{year:04}-{month:02}"));
                return Some(out);
            }
            Some(RangeYear::FromDct(offset)) => {
                out.val = Val::DctYear {
                    offset,
                    suffix: format!("-{month:02}"),
                };
                return Some(out);
            }
            None => {}
        }
    }
    out.val = Val::Cyclic {
        suffix: format!("-{month:02}"),
        pick,
    };
    Some(out)
}

/// The candidate for a match of:
/// - `month_of_year`: June 3 of that year / March of last year / May 5 of this
///   year
pub(super) fn month_of_year(hit: &Hit, mut out: Candidate) -> Option<Candidate> {
    let word = hit.get("month")?;
    let month = month(word.as_str())?;
    let suffix = match hit.num("day") {
        Some(day) => {
            // A day the month has in some year (February 29 included).
            chrono::NaiveDate::from_ymd_opt(2000, month, day)?;
            format!("-{month:02}-{day:02}")
        }
        None => format!("-{month:02}"),
    };
    out.val = of_named_year(hit.get("rel")?.as_str(), suffix);
    Some(out)
}

/// The candidate for a match of:
/// - `holiday`: Christmas / last Thanksgiving / Easter 1998 (holidays.txt)
pub(super) fn holiday(hit: &Hit, mut out: Candidate) -> Option<Candidate> {
    let name = hit.get("holiday")?;
    let rule = *TABLES.holidays.get(&key(name.as_str()))?;
    // "its hottest May day": the month's day, not May Day; "on election
    // day", "the country's independence day": the day of the election or
    // independence the text talks about, not the US holidays.
    if matches!(
        key(name.as_str()).as_str(),
        "may day" | "election day" | "independence day"
    ) && !name.as_str().ends_with("Day")
    {
        return None;
    }
    // "Orthodox Easter", "Greek Orthodox faithful marked Easter", "Orthodox
    // Christians ... celebrate Christmas": the Julian calendar's feasts.
    let before = key(previous_word(hit.text, out.span.start));
    let western = matches!(before.as_str(), "western" | "catholic" | "protestant");
    let rule = if !western && orthodox_sentence(&hit.text[..out.span.start]) {
        let rule = orthodox_rule(rule)?;
        // "Orthodox Easter" is the feast's name.
        if before == "orthodox" {
            out.span.start = hit.text[..out.span.start].trim_end().len() - "orthodox".len();
        }
        rule
    } else {
        Cow::Borrowed(rule)
    };
    // "Lunar New Year's Eve", "Chinese New Year": another calendar's.
    if matches!(
        key(previous_word(hit.text, out.span.start)).as_str(),
        "lunar" | "chinese" | "jewish" | "islamic" | "persian" | "ethiopian"
    ) {
        return None;
    }
    let pick = hit.get("rel").map_or(Pick::Tense, |r| pick_of(r.as_str()));
    out.val = holiday_val(rule, hit.num("year"), pick)?;
    Some(out)
}

/// True when the sentence up to a holiday's name (`before`, the text up to
/// it) says "Orthodox".
fn orthodox_sentence(before: &str) -> bool {
    let start = before.rfind(['.', '!', '?', '\n']).map_or(0, |i| i + 1);
    before[start..].contains("Orthodox") || before[start..].ends_with("orthodox ")
}

/// The Orthodox rule for a holiday's rule of `holidays.txt`: the feasts of
/// Easter move to Orthodox Easter, Christmas (Eve) to January 7 (6); other
/// holidays have none.
fn orthodox_rule(rule: &'static str) -> Option<Cow<'static, str>> {
    match rule {
        "12-25" => Some(Cow::Borrowed("01-07")),
        "12-24" => Some(Cow::Borrowed("01-06")),
        _ => rule
            .strip_prefix("easter")
            .map(|shift| Cow::Owned(format!("orthodox{shift}"))),
    }
}

/// The candidate for a match of:
/// - `weekday_nth`: the first Tuesday in November / the last Friday of March
///   2019 / the second Thursday of the month / the second Monday of each
///   month (a SET)
pub(super) fn weekday_nth(hit: &Hit, mut out: Candidate) -> Option<Candidate> {
    let day = *TABLES.weekdays.get(&key(hit.get("weekday")?.as_str()))?;
    // "first" ... "fifth" by ordinals.txt; "last", "final": `L`.
    let nth = TABLES
        .ordinals
        .get(&key(hit.get("nth")?.as_str()))
        .map_or_else(|| "L".to_string(), u32::to_string);
    let Some(word) = hit.get("month") else {
        // "the second Thursday of the month": of the month the sentence
        // names, or this one.
        let quant = match key(hit.get("each")?.as_str()).as_str() {
            "each" => "EACH",
            "every" => "EVERY",
            _ => {
                out.val = Val::NthWeekday { nth, day };
                return Some(out);
            }
        };
        // "of each month", "of every month": every month's.
        out.kind = TimexType::Set;
        out.val = Val::Fixed("P1M".to_string());
        out.quant = Some(quant);
        return Some(out);
    };
    let rule = format!("{:02}-{nth}-{day}", month(word.as_str())?);
    out.val = holiday_val(Cow::Owned(rule), hit.num("year"), Pick::Tense)?;
    Some(out)
}

/// The candidate for a match of:
/// - `month_rel_year`: June last year / January this year / March next year
pub(super) fn month_rel_year(hit: &Hit, mut out: Candidate) -> Option<Candidate> {
    let word = hit.get("month")?;
    let month = month(word.as_str())?;
    let day = hit.num("day").or_else(|| hit.num("day2"));
    // "Mar last year": a short form only next to a day; a day the month
    // has ("May 25"), else the month alone from its name on.
    let day = day.filter(|d| (1..=days_in_month(month)).contains(d));
    if day.is_none() {
        if !is_full_month(word.as_str()) {
            return None;
        }
        out.span.start = word.start();
    }
    let offset = match key(hit.get("rel")?.as_str()).as_str() {
        "last" => -1,
        "next" => 1,
        _ => 0,
    };
    let suffix = match day {
        Some(day) => format!("-{month:02}-{day:02}"),
        None => format!("-{month:02}"),
    };
    out.val = Val::DctYear { offset, suffix };
    Some(out)
}

/// The year after a range of days that `after` starts with: 2024 in
/// "-14, 2024" or " and 14, 2024" (after "Dec. 12").
fn range_year(after: &str) -> Option<u32> {
    let rest = range_end(after, &["and", "or"])?;
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=2).contains(&digits) {
        return None;
    }
    year_after(&rest[digits..])
}

/// The year after a range of months that `after` starts with: 2016 in
/// " and May 2016", " to March, 2017", "-June 2024" (after "March"), or
/// one counted from the DCT's: " and May last year".
fn month_range_year(after: &str) -> Option<RangeYear> {
    let rest = range_end(after, &["and", "or", "to", "through", "until"])?;
    let word = rest
        .split(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or("");
    if !is_full_month(word) {
        return None;
    }
    let tail = &rest[word.len()..];
    if let Some(year) = year_after(tail) {
        return Some(RangeYear::Written(year));
    }
    let tail = tail.trim_start().to_ascii_lowercase();
    let offset = [("last year", -1), ("this year", 0), ("next year", 1)]
        .iter()
        .find(|(phrase, _)| tail.starts_with(phrase))?
        .1;
    Some(RangeYear::FromDct(offset))
}

/// The year a range of months ends with.
#[derive(Debug, PartialEq, Eq)]
enum RangeYear {
    /// Written out: "between March and May 2016".
    Written(u32),
    /// Counted from the DCT's: "between March and May last year" (-1).
    FromDct(i64),
}

/// What follows the dash or the joining word (one of `words`) that
/// `after` starts with, blanks trimmed.
fn range_end<'a>(after: &'a str, words: &[&str]) -> Option<&'a str> {
    let after = after.trim_start();
    if let Some(rest) = after.strip_prefix(['-', '–']) {
        return Some(rest.trim_start());
    }
    let word = after.split(' ').next()?;
    (words.contains(&word) && after.len() > word.len()).then(|| after[word.len()..].trim_start())
}

/// The year `rest` starts with after a comma or a blank (", 2024", " 2024"),
/// when nothing alphanumeric is glued to it.
fn year_after(rest: &str) -> Option<u32> {
    let rest = rest.strip_prefix(',').unwrap_or(rest);
    let rest = rest.strip_prefix(' ')?;
    let year = rest.get(..4)?;
    let ends = rest[4..]
        .chars()
        .next()
        .is_none_or(|c| !c.is_ascii_alphanumeric());
    (year.bytes().all(|b| b.is_ascii_digit()) && ends)
        .then(|| year.parse().ok())
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_year_after_a_range_of_days_is_found() {
        assert_eq!(range_year("-14, 2024 in Paris"), Some(2024));
        assert_eq!(range_year("–14 2024."), Some(2024));
        assert_eq!(range_year("-14."), None);
        assert_eq!(range_year(", 2024"), None);
        assert_eq!(range_year("-14, 20245"), None);
        assert_eq!(range_year(" and 14, 2024"), Some(2024));
        assert_eq!(range_year(" and 14 percent"), None);
    }

    #[test]
    fn a_year_after_a_range_of_months_is_found() {
        let written = |y| Some(RangeYear::Written(y));
        assert_eq!(month_range_year(" and May 2016."), written(2016));
        assert_eq!(month_range_year(" to March, 2017"), written(2017));
        assert_eq!(month_range_year("-June 2024"), written(2024));
        assert_eq!(
            month_range_year(" and May last year"),
            Some(RangeYear::FromDct(-1))
        );
        assert_eq!(month_range_year(" through Sept. 2024"), None);
        assert_eq!(month_range_year(" and may 2016"), None);
        assert_eq!(month_range_year(" and Mayor 2016"), None);
        assert_eq!(month_range_year(" and June"), None);
        assert_eq!(month_range_year(" and June 20"), None);
    }
}
