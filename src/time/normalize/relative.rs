//! Normalizers of dates counted from the document date or from the time the
//! text talks about: "yesterday", "last week", "two days later", weekdays.

use super::lengths::{duration_value, quant, unit_of_gran};
use super::{Candidate, Gran, Hit, Pick, Val, amount, pick_of, pod, unit};
use crate::annotation::TimexType;
use crate::time::guards::{
    generic_day, next_word, plausible_reference, previous_word, weekday_in_name,
};
use crate::time::lexicon::{Anchor, TABLES, Unit, key};

/// The candidate for a match of:
/// - `day_word`: today / yesterday afternoon / tonight
pub(super) fn day_word(hit: &Hit, mut out: Candidate) -> Option<Candidate> {
    let w = key(hit.get("w")?.as_str());
    let offset = *TABLES.days.get(&w)?;
    if generic_day(hit.text, out.span, &w) {
        return None;
    }
    let mut pod = pod(hit);
    if pod.is_none() && w == "tonight" {
        pod = Some("NI".to_string());
    }
    if pod.is_some() {
        out.kind = TimexType::Time;
    }
    out.val = Val::FromDct {
        gran: Gran::Day,
        offset,
        pod,
    };
    Some(out)
}

/// The candidate for a match of:
/// - `pod_rel`: this morning / last night
pub(super) fn pod_rel(hit: &Hit, mut out: Candidate) -> Option<Candidate> {
    let rel = key(hit.get("rel")?.as_str());
    let offset = if rel.ends_with("last") { -1 } else { 0 };
    out.modifier = if rel.starts_with("early") {
        Some("START")
    } else if rel.starts_with("late") {
        Some("END")
    } else {
        None
    };
    out.kind = TimexType::Time;
    out.val = Val::FromDct {
        gran: Gran::Day,
        offset,
        pod: pod(hit),
    };
    Some(out)
}

/// The candidate for a match of:
/// - `pod_in`: in the morning / by late afternoon / until the evening /
///   through the night: a part of the day the sentence is on (the
///   preposition is left out)
pub(super) fn pod_in(hit: &Hit, mut out: Candidate) -> Option<Candidate> {
    let part = hit.get("part")?;
    let pod = *TABLES.parts_of_day.get(&key(part.as_str()))?;
    // "during the morning session", "the evening rush": a noun's modifier.
    const FOLLOWERS: &[&str] = &[
        "in", "on", "at", "of", "and", "or", "but", "to", "with", "for", "from", "when", "before",
        "after", "while", "as", "until", "that", "which", "by", "so", "than", "then", "again",
        "too", "there", "here", "was", "were", "is", "are", "had", "has", "will", "would", "local",
    ];
    let next = next_word(&hit.text[out.span.end..]);
    if next.starts_with(|c: char| c.is_ascii_lowercase()) && !FOLLOWERS.contains(&next) {
        return None;
    }
    // "late night" is a kind of show or snack; "the night" is one.
    if pod == "NI" && hit.get("the").is_none() {
        return None;
    }
    let modifier = hit.get("mod").or(hit.get("mod2"));
    out.span.start = hit
        .get("the")
        .map_or(modifier.as_ref().map_or(part.start(), |m| m.start()), |t| {
            t.start()
        });
    out.modifier = modifier.and_then(|m| match key(m.as_str()).as_str() {
        "early" => Some("START"),
        "late" => Some("END"),
        _ => None,
    });
    out.kind = TimexType::Time;
    out.val = Val::DayPart { pod };
    Some(out)
}

/// The candidate for a match of:
/// - `pod_mid`: mid-afternoon / mid morning / mid-afternoon yesterday
pub(super) fn pod_mid(hit: &Hit, mut out: Candidate) -> Option<Candidate> {
    let offset = match hit.get("w") {
        Some(w) => *TABLES.days.get(&key(w.as_str()))?,
        None => 0,
    };
    out.kind = TimexType::Time;
    out.modifier = Some("MID");
    out.val = Val::FromDct {
        gran: Gran::Day,
        offset,
        pod: pod(hit),
    };
    Some(out)
}

/// The candidate for a match of:
/// - `rel_unit`: last year / this week / next month / the following day / the
///   same day
pub(super) fn rel_unit(hit: &Hit, mut out: Candidate) -> Option<Candidate> {
    let dir = key(hit.get("dir")?.as_str());
    let offset = *TABLES.directions.get(&dir)?;
    let unit = key(hit.get("unit")?.as_str());
    let the = hit.get("the").is_some();
    // "the last decade of the 20th century", "in the last year of his
    // life": a part of another span, not counted from the DCT.
    if the && key(next_word(&hit.text[out.span.end..])) == "of" {
        return None;
    }
    // "the past fortnight", "the next fortnight": two weeks up to or from
    // now, a length (no calendar unit is a fortnight).
    if unit == "fortnight" {
        out.kind = TimexType::Duration;
        out.val = Val::Fixed("P2W".to_string());
        return Some(out);
    }
    let gran = match unit.as_str() {
        "day" => Gran::Day,
        "week" => Gran::Week,
        "weekend" => Gran::Weekend,
        "month" => Gran::Month,
        "quarter" => Gran::Quarter,
        "year" => Gran::Year,
        "decade" => Gran::Decade,
        _ => Gran::Century,
    };
    if (the || dir.starts_with("that")) && TABLES.anchored.contains(&dir) {
        out.val = Val::FromRef { gran, offset };
    } else if the
        && (matches!(gran, Gran::Day | Gran::Century) && matches!(dir.as_str(), "past" | "last")
            || gran == Gran::Decade && dir == "past")
    {
        // "the past century", "the past decade": the length up to now (the
        // ten years before it, not the decade named "the 2000s"); "the last
        // decade" is the decade before this one.
        out.kind = TimexType::Duration;
        out.val = Val::Fixed(duration_value(Some(1.0), unit_of_gran(gran)?));
    } else if the && matches!(dir.as_str(), "past" | "last") {
        // "the past year" names the year before, as "last year" does
        // (TimeML annotates it so), "the" and all.
        out.val = Val::FromDct {
            gran,
            offset,
            pod: None,
        };
    } else if gran == Gran::Day {
        return None;
    } else {
        if the {
            out.span.start = hit.get("dir")?.start();
        }
        out.val = Val::FromDct {
            gran,
            offset,
            pod: None,
        };
    }
    Some(out)
}

/// The candidate for a match of:
/// - `this_time`: this time last year / this time next week: the year (week,
///   month) before or after
pub(super) fn this_time(hit: &Hit, mut out: Candidate) -> Option<Candidate> {
    let offset = if key(hit.get("dir")?.as_str()) == "last" {
        -1
    } else {
        1
    };
    let gran = match key(hit.get("unit")?.as_str()).as_str() {
        "week" => Gran::Week,
        "month" => Gran::Month,
        _ => Gran::Year,
    };
    out.val = Val::FromDct {
        gran,
        offset,
        pod: None,
    };
    Some(out)
}

/// The candidate for a match of:
/// - `ref_pod`: the next morning / that night / the previous evening: the day,
///   counted from the day the text talks about
pub(super) fn ref_pod(hit: &Hit, mut out: Candidate) -> Option<Candidate> {
    let offset = match pick_of(hit.get("rel")?.as_str()) {
        Pick::Next => 1,
        Pick::Last => -1,
        _ => 0,
    };
    let day = Val::FromRef {
        gran: Gran::Day,
        offset,
    };
    let part = hit.get("part").map(|p| key(p.as_str()));
    out.val = match part.and_then(|p| TABLES.parts_of_day.get(&p)) {
        Some(pod) => Val::PartOfDay {
            day: Box::new(day),
            pod,
        },
        None => day,
    };
    Some(out)
}

/// The candidate for a match of:
/// - `ref_unit`: the day before / the year after
pub(super) fn ref_unit(hit: &Hit, mut out: Candidate) -> Option<Candidate> {
    // "65 years to the day after his father": an exact count, no date.
    if key(previous_word(hit.text, out.span.start)) == "to" {
        return None;
    }
    let gran = match key(hit.get("unit")?.as_str()).as_str() {
        "day" => Gran::Day,
        "week" => Gran::Week,
        "month" => Gran::Month,
        _ => Gran::Year,
    };
    let dir = key(hit.get("dir")?.as_str());
    let offset = if matches!(dir.as_str(), "after" | "later") {
        1
    } else {
        -1
    };
    out.val = Val::FromRef { gran, offset };
    Some(out)
}

/// The candidate for a match of:
/// - `num_shift`: two days ago / a year later / three weeks from now
pub(super) fn num_shift(hit: &Hit, mut out: Candidate) -> Option<Candidate> {
    let amount = amount(hit.get("num")?.as_str())?;
    let unit = unit(hit.get("unit")?.as_str())?;
    let shift = key(hit.get("shift")?.as_str());
    let (sign, anchor) = *TABLES.shifts.get(&shift)?;
    // "the highest in 16 years earlier this month": "earlier"
    // belongs to the date after it, and "16 years" is a length; so is
    // "three months" in "three months earlier than planned".
    if matches!(shift.as_str(), "earlier" | "later") {
        let rest = hit.text[out.span.end..].trim_start();
        let next = key(next_word(rest));
        let in_the = rest
            .get(..7)
            .is_some_and(|s| s.eq_ignore_ascii_case("in the "))
            && matches!(
                key(next_word(&rest[7..])).as_str(),
                "day" | "week" | "month" | "year" | "morning" | "afternoon" | "evening"
            );
        if matches!(
            next.as_str(),
            "this" | "that" | "today" | "tonight" | "last" | "next" | "than"
        ) || in_the
        {
            return None;
        }
    }
    let Some(n) = amount else {
        out.val = Val::Ref(if sign < 0 { "PAST_REF" } else { "FUTURE_REF" });
        return Some(out);
    };
    if n.fract() != 0.0 || n > 100_000.0 {
        return None;
    }
    let n = n as i64 * sign;
    let (gran, offset) = match unit {
        Unit::Day => (Gran::Day, n),
        Unit::Week => (Gran::Week, n),
        Unit::Fortnight => (Gran::Week, 2 * n),
        Unit::Month => (Gran::Month, n),
        Unit::Quarter => (Gran::Quarter, n),
        Unit::Year => (Gran::Year, n),
        Unit::Decade => (Gran::Year, 10 * n),
        Unit::Century => (Gran::Year, 100 * n),
        // "three hours ago" is the day it falls on; "an hour later"
        // is left to the duration rule, as TimeBank annotates it.
        Unit::Second | Unit::Minute | Unit::Hour if anchor == Anchor::Reference => {
            return None;
        }
        Unit::Second | Unit::Minute | Unit::Hour => {
            let per_day = match unit {
                Unit::Hour => 24,
                Unit::Minute => 24 * 60,
                _ => 24 * 60 * 60,
            };
            (Gran::Day, n / per_day)
        }
    };
    out.val = match anchor {
        _ if unit == Unit::Year && n == -1 => Val::YearBack {
            from_ref: anchor == Anchor::Reference,
        },
        Anchor::Dct => Val::FromDct {
            gran,
            offset,
            pod: None,
        },
        Anchor::Reference => Val::FromRef { gran, offset },
    };
    Some(out)
}

/// The candidate for a match of:
/// - `weekday`: Monday / last Friday / Tuesday morning / Mondays
pub(super) fn weekday(hit: &Hit, mut out: Candidate) -> Option<Candidate> {
    let word = hit.get("weekday")?;
    let day = *TABLES.weekdays.get(&key(word.as_str()))?;
    if weekday_in_name(hit.text, word.start(), word.end())
        || names_a_weekday_of(hit.text, out.span.start)
    {
        return None;
    }
    let every = every_before(hit.text, out.span.start);
    let joined_every = after_every_weekday(hit.text, out.span.start);
    // "next Tuesday and Thursday evenings": two evenings, not a habit.
    let habit_of_pod = hit.get("pods").is_some()
        && (joined_every || !after_dated_weekday(hit.text, out.span.start));
    // "on Friday and Saturday nights": the nights of both weekdays.
    let shared_pods = (hit.get("rel").is_none() && hit.get("pod").is_none())
        .then(|| shared_plural_pod(&hit.text[word.end()..]))
        .flatten();
    if let Some(code) = shared_pods {
        out.kind = TimexType::Set;
        out.val = Val::Fixed(format!("XXXX-WXX-{day}T{code}"));
        return Some(out);
    }
    if hit.get("plural").is_some() || habit_of_pod || every.is_some() || joined_every {
        if hit.get("rel").is_some() {
            return None;
        }
        // "every Saturday morning", "Tuesday nights": that part of every
        // such day.
        let pod = pod(hit).map_or(String::new(), |p| format!("T{p}"));
        if let Some((start, q)) = every {
            out.span.start = start;
            out.quant = Some(q);
        }
        out.kind = TimexType::Set;
        out.val = Val::Fixed(format!("XXXX-WXX-{day}{pod}"));
        return Some(out);
    }
    // "Friday night" stays a DATE (`2000-01-07TNI`): TimeBank and
    // MEANTIME annotate a weekday's part of day so (19 of 25).
    let pod = pod(hit);
    // "a final push before Tuesday's election", "tickets for Sunday's
    // game": a past verb does not place the event; "won Sunday's election"
    // does.
    let before = key(previous_word(hit.text, out.span.start));
    // "announced a victory parade for Tuesday morning", "suspended classes
    // for Thursday": the day something is set for.
    let possessive = after_possessive(&hit.text[word.end()..]).is_some();
    let set_for = before == "for" && !possessive;
    let scheduled =
        hit.get("rel").is_none() && (set_for || owns_scheduled_event(&hit.text[word.end()..]));
    out.val = Val::Weekday {
        day,
        pick: match hit.get("rel") {
            Some(r) => pick_of(r.as_str()),
            None if scheduled && matches!(before.as_str(), "before" | "for") => Pick::Closest,
            None if scheduled => Pick::TenseAhead,
            None => Pick::Tense,
        },
        pod,
        anchored: hit
            .get("rel")
            .is_some_and(|r| key(r.as_str()).starts_with("the ")),
    };
    Some(out)
}

/// The text after the "'s" that `after` starts with, if it does.
fn after_possessive(after: &str) -> Option<&str> {
    after
        .strip_prefix("'s")
        .or_else(|| after.strip_prefix("’s"))
}

/// True when `after` (the text after a weekday) makes it the owner of a
/// scheduled event: "'s" and a noun of `relative.txt` [scheduled] or [data]
/// as one of the next three words ("Tuesday's election", "Sunday's home
/// game", "Friday's U.S. jobs report").
fn owns_scheduled_event(after: &str) -> bool {
    let Some(rest) = after_possessive(after) else {
        return false;
    };
    rest.split_whitespace()
        .take(3)
        .map(|w| key(w.trim_matches(|c: char| !c.is_alphanumeric())))
        .any(|w| TABLES.scheduled_events.contains(&w) || TABLES.data_nouns.contains(&w))
}

/// True when "a Sunday" says which weekday a date falls on ("March 3 was a
/// Sunday", "Sept. 10, a Thursday", "falls on a Wednesday"), not a day of
/// its own.
fn names_a_weekday_of(text: &str, start: usize) -> bool {
    if key(previous_word(text, start)) != "a" {
        return false;
    }
    let before_a = text[..start].trim_end();
    let before_a = before_a[..before_a.len() - 1].trim_end();
    before_a.ends_with(',')
        || matches!(
            key(previous_word(text, before_a.len() + 1)).as_str(),
            "was" | "is" | "be" | "been" | "falls" | "fell" | "fall"
        )
        || before_a.to_ascii_lowercase().ends_with("falls on")
        || before_a.to_ascii_lowercase().ends_with("fell on")
        || before_a.to_ascii_lowercase().ends_with("fall on")
}

/// The part of day a plural after the next weekday gives to both ("Friday
/// and Saturday nights": `NI`), when `after`, the text after a weekday, is
/// "and" or "or", a weekday and such a plural.
pub(super) fn shared_plural_pod(after: &str) -> Option<&'static str> {
    let mut words = after.split_whitespace();
    if !matches!(words.next()?, "and" | "or") {
        return None;
    }
    TABLES.weekdays.get(&key(words.next()?))?;
    let plural = words
        .next()?
        .trim_end_matches(|c: char| !c.is_ascii_alphabetic());
    TABLES
        .parts_of_day
        .get(&key(plural.strip_suffix('s')?))
        .copied()
}

/// True when "and" or "or" joins the weekday at `start` to a weekday of
/// one week before it ("next Tuesday and Thursday evenings"; not "on Monday
/// and Tuesday nights", a schedule).
fn after_dated_weekday(text: &str, start: usize) -> bool {
    let link = previous_word(text, start);
    if !matches!(key(link).as_str(), "and" | "or") {
        return false;
    }
    let at = text[..start].trim_end().len() - link.len();
    let day = previous_word(text, at);
    if !TABLES.weekdays.contains_key(&key(day)) {
        return false;
    }
    let at = text[..at].trim_end().len() - day.len();
    matches!(
        key(previous_word(text, at)).as_str(),
        "next" | "last" | "this" | "coming" | "past"
    )
}

/// Where "every" or "each" right before `start` begins, and the TIMEX3
/// quant it gives ("every Saturday morning", "each Friday at 3 p.m.").
pub(super) fn every_before(text: &str, start: usize) -> Option<(usize, &'static str)> {
    let word = previous_word(text, start);
    let quant = quant(word)?;
    Some((text[..start].trim_end().len() - word.len(), quant))
}

/// True when a weekday is joined to an "every" before it: "Friday" in
/// "every Tuesday and Friday", "each Monday, Wednesday or Friday".
fn after_every_weekday(text: &str, start: usize) -> bool {
    let mut rest = &text[..start];
    // Up to three weekdays back, past "and", "or" and commas.
    for _ in 0..3 {
        let t = rest.trim_end();
        let t = t.strip_suffix(',').unwrap_or(t).trim_end();
        let t = match t.strip_suffix(" and").or_else(|| t.strip_suffix(" or")) {
            Some(b) => b.trim_end().trim_end_matches(',').trim_end(),
            None => t,
        };
        if t.len() == rest.trim_end().len() {
            return false;
        }
        let word_start = t.trim_end_matches(|c: char| c.is_ascii_alphabetic()).len();
        if !TABLES.weekdays.contains_key(&key(&t[word_start..])) {
            return false;
        }
        if matches!(
            key(previous_word(text, word_start)).as_str(),
            "every" | "each"
        ) {
            return true;
        }
        rest = &t[..word_start];
    }
    false
}

/// The candidate for a match of:
/// - `ref_word`: now / recently / the past / the future
pub(super) fn ref_word(hit: &Hit, mut out: Candidate) -> Option<Candidate> {
    if !plausible_reference(hit.text, out.span) {
        return None;
    }
    out.val = Val::Ref(TABLES.references.get(&key(hit.get("w")?.as_str()))?);
    Some(out)
}

/// The candidate for a match of:
/// - `unit_part`: the end of the year / the beginning of this month / the
///   end of the decade
pub(super) fn unit_part(hit: &Hit, mut out: Candidate) -> Option<Candidate> {
    let gran = match key(hit.get("unit")?.as_str()).as_str() {
        "week" => Gran::Week,
        "month" => Gran::Month,
        "decade" => Gran::Decade,
        "century" => Gran::Century,
        _ => Gran::Year,
    };
    out.modifier = TABLES
        .date_mods
        .get(&key(hit.get("part")?.as_str()))
        .map(|m| m.value)
        .filter(|m| !m.is_empty());
    out.val = Val::FromDct {
        gran,
        offset: 0,
        pod: None,
    };
    Some(out)
}

/// The candidate for a match of:
/// - `the_weekend`: over the weekend
pub(super) fn the_weekend(hit: &Hit, mut out: Candidate) -> Option<Candidate> {
    out.val = Val::TheWeekend {
        set_for: key(previous_word(hit.text, out.span.start)) == "for",
    };
    Some(out)
}
