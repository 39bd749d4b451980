//! Normalizers of lengths of time (DURATION) and of repetitions (SET), and
//! how TIMEX3 spells a length.

use super::{Candidate, Gran, Hit, Val, amount, month, pod, unit};
use crate::annotation::{Span, TimexType};
use crate::time::guards::{after_quantity, next_word, plausible_count, previous_word};
use crate::time::lexicon::{TABLES, Unit, key};

/// The candidate for a match of:
/// - `duration`: the next two days / three years / twenty-four hours / a
///   five-year plan
pub(super) fn length(hit: &Hit, mut out: Candidate) -> Option<Candidate> {
    let num = hit.get("num")?;
    let amount = amount(num.as_str())?;
    let unit = unit(hit.get("unit")?.as_str())?;
    let article = matches!(key(num.as_str()).as_str(), "a" | "an");
    if article && unit == Unit::Second {
        return None;
    }
    // "rise by a quarter", "cut by a quarter": a fraction, not three months.
    if article && unit == Unit::Quarter && key(previous_word(hit.text, out.span.start)) == "by" {
        return None;
    }
    let after = &hit.text[out.span.end..];
    // Ages ("52 years old", "a 6-year-old boy") are left out.
    if after.starts_with("-old") || after.starts_with(" old") {
        return None;
    }
    // Military time: "0600 hours" is six in the morning.
    let digits = num.as_str();
    if unit == Unit::Hour
        && digits.len() == 4
        && digits.starts_with('0')
        && digits.bytes().all(|b| b.is_ascii_digit())
    {
        let hour = digits[..2].parse::<u32>().ok()?;
        let minute = digits[2..].parse::<u32>().ok().filter(|&mi| mi < 60)?;
        out.kind = TimexType::Time;
        out.val = Val::Clock { hour, minute };
        return Some(out);
    }
    if !plausible_count(
        num.as_str(),
        hit.get("unit")?.as_str(),
        hit.text,
        num.end(),
        after,
    ) {
        return None;
    }
    let half = hit.get("half").is_some() || hit.get("half2").is_some();
    let amount = amount.map(|n| if half { n + 0.5 } else { n });
    let value = duration_value(amount, unit);
    if article && hit.get("the").is_none() && after_quantity(&hit.text[..num.start()]) {
        out.kind = TimexType::Set;
        out.val = Val::Fixed(duration_value(Some(1.0), unit));
        return Some(out);
    }
    out.kind = TimexType::Duration;
    out.val = Val::Fixed(value);
    Some(out)
}

/// The candidate for a match of:
/// - `duration_range`: two to three weeks / the next 12 to 18 months / 5-10
///   days: the lower count with `mod` EQUAL_OR_MORE, as TimeBank writes it
pub(super) fn length_range(hit: &Hit, out: Candidate) -> Option<Candidate> {
    let low = amount(hit.get("lo")?.as_str())??;
    let high = amount(hit.get("num")?.as_str())??;
    if low >= high {
        return None;
    }
    let num = hit.get("num")?;
    let unit_word = hit.get("unit")?;
    let unit = unit(unit_word.as_str())?;
    let after = &hit.text[out.span.end..];
    // Ages ("aged 5 to 12 years old") are left out, as lengths leave them.
    if after.starts_with("-old")
        || after.starts_with(" old")
        || !plausible_count(num.as_str(), unit_word.as_str(), hit.text, num.end(), after)
    {
        return None;
    }
    let mut out = out;
    out.kind = TimexType::Duration;
    out.val = Val::Fixed(duration_value(Some(low), unit));
    out.modifier = Some("EQUAL_OR_MORE");
    Some(out)
}

/// The candidate for a match of:
/// - `half`: half an hour / half a century
pub(super) fn half_unit(hit: &Hit, mut out: Candidate) -> Option<Candidate> {
    let unit = unit(hit.get("unit")?.as_str())?;
    out.kind = TimexType::Duration;
    out.val = Val::Fixed(match unit {
        Unit::Hour => "PT30M".to_string(),
        Unit::Minute => "PT30S".to_string(),
        Unit::Day => "PT12H".to_string(),
        Unit::Year => "P6M".to_string(),
        _ => duration_value(Some(0.5), unit),
    });
    Some(out)
}

/// The candidate for a match of:
/// - `set_every`: every Monday / every two weeks / each year / every other
///   month / each spring
pub(super) fn set_every(hit: &Hit, mut out: Candidate) -> Option<Candidate> {
    let every = if hit.get("other").is_some() { 2.0 } else { 1.0 };
    out.kind = TimexType::Set;
    out.quant = quant(hit.get("q")?.as_str());
    if let Some(mm) = hit.get("month") {
        out.val = Val::Fixed(format!("XXXX-{:02}", month(mm.as_str())?));
    } else if let Some(w) = hit.get("weekday") {
        let day = *TABLES.weekdays.get(&key(w.as_str()))?;
        out.val = Val::Fixed(format!("XXXX-WXX-{day}"));
    } else if let Some(name) = hit.get("holiday") {
        // "every Christmas": a fixed day's month and day; a moving feast
        // has none to give.
        let rule = *TABLES.holidays.get(&key(name.as_str()))?;
        out.val = Val::Fixed(if rule.len() == 5 && rule.as_bytes()[2] == b'-' {
            format!("XXXX-{rule}")
        } else {
            "XXXX-XX-XX".to_string()
        });
    } else if hit.get("weekend").is_some() {
        out.val = Val::Fixed("XXXX-WXX-WE".to_string());
    } else if let Some(season) = hit.get("season") {
        let code = TABLES.seasons.get(&key(season.as_str()))?;
        out.val = Val::Fixed(format!("XXXX-{code}"));
    } else if let Some(code) = pod(hit) {
        // "every morning": the part of day of any day.
        out.val = Val::Fixed(format!("XXXX-XX-XXT{code}"));
    } else {
        let unit = unit(hit.get("unit")?.as_str())?;
        let n = match hit.get("num") {
            Some(num) => amount(num.as_str())?.map(|n| n * every),
            None => Some(every),
        };
        out.val = Val::Fixed(duration_value(n, unit));
    }
    Some(out)
}

/// The candidate for a match of:
/// - `set_per`: once a week / twice a year / three times a month / $5 a day
pub(super) fn set_per(hit: &Hit, mut out: Candidate) -> Option<Candidate> {
    let unit = unit(hit.get("unit")?.as_str())?;
    out.kind = TimexType::Set;
    out.val = Val::Fixed(duration_value(Some(1.0), unit));
    out.freq = count_of_times(hit.get("cnt")?.as_str(), hit);
    Some(out)
}

/// TIMEX3 `freq` for "once", "twice", "thrice" or "N times": `1X`, `2X` ...
fn count_of_times(cnt: &str, hit: &Hit) -> Option<String> {
    let count = match key(cnt).as_str() {
        "once" => Some(1.0),
        "twice" => Some(2.0),
        "thrice" => Some(3.0),
        _ => hit.get("num").and_then(|n| amount(n.as_str()).flatten()),
    };
    count.and_then(|n| freq(n, 'X'))
}

/// The candidate for a match of:
/// - `set_count_per`: four days a week / 24 hours a day / two to three days a
///   week: a SET of the larger unit, the count of the smaller its `freq`
///   (none for a range)
pub(super) fn set_count_per(hit: &Hit, mut out: Candidate) -> Option<Candidate> {
    let count = amount(hit.get("num")?.as_str())??;
    let counted = unit(hit.get("unit")?.as_str())?;
    let per = unit(hit.get("per")?.as_str())?;
    // "two years a month" is no count of the smaller in the larger.
    if counted >= per {
        return None;
    }
    out.kind = TimexType::Set;
    out.val = Val::Fixed(duration_value(Some(1.0), per));
    out.quant = quant(hit.get("q")?.as_str());
    // TimeML's freq has a letter for seconds, hours, days, weeks and years
    // only (minutes and months would read alike): the others go without.
    let letter = match counted {
        Unit::Second => Some('S'),
        Unit::Hour => Some('H'),
        Unit::Day => Some('D'),
        Unit::Week => Some('W'),
        _ => None,
    };
    // A range ("two to three days a week") has no one count.
    if hit.get("lo").is_none() {
        out.freq = letter.and_then(|l| freq(count, l));
    }
    Some(out)
}

/// The candidate for a match of:
/// - `day_of_each_month`: the 15th of each month / the 1st of every month
pub(super) fn day_of_each_month(hit: &Hit, mut out: Candidate) -> Option<Candidate> {
    let day = hit.num("day").filter(|d| (1..=31).contains(d))?;
    out.kind = TimexType::Set;
    out.val = Val::Fixed(format!("XXXX-XX-{day:02}"));
    out.quant = quant(hit.get("q")?.as_str());
    Some(out)
}

/// TIMEX3 `quant` for the word before a SET's unit: "every" → `EVERY`,
/// "each" → `EACH`; "a", "per" give none.
pub(super) fn quant(word: &str) -> Option<&'static str> {
    match key(word).as_str() {
        "every" => Some("EVERY"),
        "each" => Some("EACH"),
        _ => None,
    }
}

/// TIMEX3 `freq`: a whole count and a unit letter (`2X`, `4D`); none for a
/// count that is not a small whole number.
fn freq(count: f64, letter: char) -> Option<String> {
    (count.fract() == 0.0 && (1.0..=1000.0).contains(&count))
        .then(|| format!("{}{letter}", count as u32))
}

/// The candidate for a match of:
/// - `set_per_unit`: $5 million per year / 3% per annum (not "per second",
///   "miles per hour": rates)
pub(super) fn set_per_unit(hit: &Hit, mut out: Candidate) -> Option<Candidate> {
    let word = hit.get("w")?.as_str();
    let unit = if key(word) == "annum" {
        Unit::Year
    } else {
        unit(word)?
    };
    out.kind = TimexType::Set;
    out.val = Val::Fixed(duration_value(Some(1.0), unit));
    Some(out)
}

/// The candidate for a match of:
/// - `set_word`: annually / weekly / daily / three times daily / twice
///   weekly
pub(super) fn set_word(hit: &Hit, mut out: Candidate) -> Option<Candidate> {
    // "the Communist Party daily Granma", "the weekly Der Spiegel",
    // "O Globo daily said": a newspaper, named right after or before.
    let after = &hit.text[out.span.end..];
    // What stands before the previous word: nothing or the end of a
    // sentence makes its capital letter no sign of a name.
    let lead = hit.text[..out.span.start]
        .trim_end()
        .trim_end_matches(|c: char| c.is_alphanumeric())
        .trim_end();
    let named_before = previous_word(hit.text, out.span.start).starts_with(char::is_uppercase)
        && !lead.is_empty()
        && !lead.ends_with(['.', '!', '?', '"', '\n']);
    if (after.starts_with(' ') && next_word(after).starts_with(char::is_uppercase)) || named_before
    {
        return None;
    }
    out.kind = TimexType::Set;
    out.val = Val::Ref(TABLES.sets.get(&key(hit.get("w")?.as_str()))?);
    out.freq = hit.get("cnt").and_then(|c| count_of_times(c.as_str(), hit));
    Some(out)
}

/// The candidate for a match of:
/// - `weekends`: on weekends / during weekends / at weekends: every weekend
pub(super) fn weekends(hit: &Hit, mut out: Candidate) -> Option<Candidate> {
    if !matches!(
        key(previous_word(hit.text, out.span.start)).as_str(),
        "on" | "at" | "during" | "most" | "some"
    ) {
        return None;
    }
    out.kind = TimexType::Set;
    out.val = Val::Fixed("XXXX-WXX-WE".to_string());
    Some(out)
}

/// The candidate for a match of:
/// - `quarter_century`: a quarter century / a quarter-century / a quarter of a
///   century: 25 years
pub(super) fn quarter_century(hit: &Hit, mut out: Candidate) -> Option<Candidate> {
    // "a quarter", with the article, is part of the length.
    if key(previous_word(hit.text, out.span.start)) == "a" {
        out.span.start = hit.text[..out.span.start].trim_end().len() - 1;
    }
    out.kind = TimexType::Duration;
    out.val = Val::Fixed("P25Y".to_string());
    Some(out)
}

/// The candidate for a match of:
/// - `long_adj`: a day-long meeting / a decades-long feud / a yearlong fight:
///   the length the adjective names (plural: of unknown size)
pub(super) fn long_adj(hit: &Hit, mut out: Candidate) -> Option<Candidate> {
    let unit_text = hit.get("unit")?.as_str();
    let plural = unit_text.ends_with('s');
    out.kind = TimexType::Duration;
    out.val = Val::Fixed(duration_value((!plural).then_some(1.0), unit(unit_text)?));
    Some(out)
}

/// The candidate for a match of:
/// - `vague_ahead`: the days ahead / the months ahead: a length of unknown size
pub(super) fn vague_ahead(hit: &Hit, mut out: Candidate) -> Option<Candidate> {
    let unit_match = hit.get("unit")?;
    if key(previous_word(hit.text, unit_match.start())) != "the" {
        return None;
    }
    let the = hit.text[..unit_match.start()].trim_end().len() - 3;
    out.span = Span::new(the, out.span.end);
    out.kind = TimexType::Duration;
    out.val = Val::Fixed(duration_value(None, unit(unit_match.as_str())?));
    Some(out)
}

/// The candidate for a match of:
/// - `vague_plural`: recent months / the coming years / the weeks ahead ("the"
///   checked in code): lengths of unknown size ("recent years" is PAST_REF, in
///   references.txt)
pub(super) fn vague_plural(hit: &Hit, mut out: Candidate) -> Option<Candidate> {
    out.kind = TimexType::Duration;
    let unit_text = hit.get("unit").or_else(|| hit.get("unit2"))?.as_str();
    out.val = Val::Fixed(duration_value(None, unit(unit_text)?));
    Some(out)
}

/// The candidate for a match of:
/// - `bare_plural`: for years / within weeks
pub(super) fn bare_plural(hit: &Hit, mut out: Candidate) -> Option<Candidate> {
    let u = hit.get("unit")?;
    let unit = unit(u.as_str())?;
    // "after hours trading" is an idiom; "after hours of talks" a length.
    if key(hit.get("cue")?.as_str()) == "after"
        && unit == Unit::Hour
        && matches!(
            key(next_word(&hit.text[u.end()..])).as_str(),
            "trading" | "trade" | "session" | "market" | "deals"
        )
    {
        return None;
    }
    out.span = Span::new(u.start(), u.end());
    out.kind = TimexType::Duration;
    out.val = Val::Fixed(duration_value(None, unit));
    Some(out)
}

pub(super) fn unit_of_gran(gran: Gran) -> Option<Unit> {
    Some(match gran {
        Gran::Day => Unit::Day,
        Gran::Week | Gran::Weekend => Unit::Week,
        Gran::Month => Unit::Month,
        Gran::Quarter => Unit::Quarter,
        Gran::Year => Unit::Year,
        Gran::Decade => Unit::Decade,
        Gran::Century => Unit::Century,
    })
}

/// A TIMEX3 duration: `P2D`, `PT24H`, `P10Y` (a decade), `PXM` (unknown),
/// `PXY` (decades), `PXC` (centuries, as TimeBank writes them).
pub(super) fn duration_value(amount: Option<f64>, unit: Unit) -> String {
    let (factor, letter, time) = match unit {
        Unit::Second => (1.0, 'S', true),
        Unit::Minute => (1.0, 'M', true),
        Unit::Hour => (1.0, 'H', true),
        Unit::Day => (1.0, 'D', false),
        Unit::Week => (1.0, 'W', false),
        Unit::Fortnight => (2.0, 'W', false),
        Unit::Month => (1.0, 'M', false),
        Unit::Quarter => (1.0, 'Q', false),
        Unit::Year => (1.0, 'Y', false),
        Unit::Decade => (10.0, 'Y', false),
        Unit::Century => (100.0, 'Y', false),
    };
    let t = if time { "T" } else { "" };
    match amount {
        // "decades" in years, as known counts are ("two decades": P20Y) and
        // as TimeBank and MEANTIME write it.
        None if unit == Unit::Decade => "PXY".to_string(),
        None if unit == Unit::Century => "PXC".to_string(),
        None => format!("P{t}X{letter}"),
        Some(n) => {
            let n = n * factor;
            if n.fract() == 0.0 && n < 1e15 {
                format!("P{t}{}{letter}", n as u64)
            } else if let Some(split) = split_fraction(n, letter, time) {
                split
            } else {
                let s = format!("{n:.3}");
                let s = s.trim_end_matches('0').trim_end_matches('.');
                format!("P{t}{s}{letter}")
            }
        }
    }
}

/// A fractional amount written with the next smaller unit, as TIMEX3
/// values are ("a minute and a half" `PT1M30S`, "half a year" `P6M`,
/// "5 1/2 hours" `PT5H30M`), when that comes out whole.
fn split_fraction(n: f64, letter: char, time: bool) -> Option<String> {
    let (per, smaller, smaller_time) = match (letter, time) {
        ('Y', false) => (12.0, 'M', false),
        ('D', false) => (24.0, 'H', true),
        ('H', true) => (60.0, 'M', true),
        ('M', true) => (60.0, 'S', true),
        _ => return None,
    };
    let whole = n.trunc();
    let part = (n.fract() * per * 1000.0).round() / 1000.0;
    if part.fract() != 0.0 || !(0.0..1e12).contains(&whole) {
        return None;
    }
    let (whole, part) = (whole as u64, part as u64);
    let t = if time { "T" } else { "" };
    let head = if whole > 0 {
        format!("{whole}{letter}")
    } else {
        String::new()
    };
    // A time part after a date part needs its own "T" ("P1DT12H").
    let t_part = if smaller_time && !time { "T" } else { "" };
    Some(format!("P{t}{head}{t_part}{part}{smaller}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::lexicon::Unit;

    #[test]
    fn durations_are_spelled_like_timex3() {
        assert_eq!(duration_value(Some(24.0), Unit::Hour), "PT24H");
        assert_eq!(duration_value(Some(1.0), Unit::Decade), "P10Y");
        assert_eq!(duration_value(None, Unit::Month), "PXM");
        assert_eq!(duration_value(Some(1.5), Unit::Year), "P1Y6M");
        assert_eq!(duration_value(Some(0.5), Unit::Year), "P6M");
        assert_eq!(duration_value(Some(1.5), Unit::Minute), "PT1M30S");
        assert_eq!(duration_value(Some(5.5), Unit::Hour), "PT5H30M");
        assert_eq!(duration_value(Some(1.5), Unit::Day), "P1DT12H");
        // No whole smaller unit: the decimal stays.
        assert_eq!(duration_value(Some(1.5), Unit::Week), "P1.5W");
        assert_eq!(duration_value(Some(1.25), Unit::Month), "P1.25M");
        // A race time keeps its thousandths.
        assert_eq!(duration_value(Some(13.353), Unit::Second), "PT13.353S");
        assert_eq!(duration_value(Some(2.0), Unit::Fortnight), "P4W");
        // Quarters keep their own unit, as TimeBank and HeidelTime write them.
        assert_eq!(duration_value(Some(2.0), Unit::Quarter), "P2Q");
        assert_eq!(duration_value(None, Unit::Quarter), "PXQ");
    }
}
