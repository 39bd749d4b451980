//! Normalizers of times of day: clock times, hours in words, noon and
//! midnight, with or without their day.

use super::relative::{every_before, shared_plural_pod};
use super::{Candidate, Hit, Pick, Val, month_and_day, pick_of};
use crate::annotation::TimexType;
use crate::time::guards::preceded_by;
use crate::time::lexicon::{TABLES, key};

/// The candidate for a match of:
/// - `clock`: 10:30 a.m. / 3 p.m. / 12:26 / noon
pub(super) fn clock_time(hit: &Hit, mut out: Candidate) -> Option<Candidate> {
    // A bare "20:36" or "1:16" is as often a race time, a score or
    // a verse as a time of day: it needs am/pm, a time zone or a cue
    // word before it ("at 14:00", "until 9:30").
    let marked = ["ampm", "ampm2", "ampm3", "tz", "hour4", "hour5"]
        .iter()
        .any(|g| hit.get(g).is_some());
    let cued = preceded_by(
        hit.text,
        out.span.start,
        &[
            "at",
            "by",
            "from",
            "until",
            "till",
            "to",
            "around",
            "about",
            "before",
            "after",
            "since",
            "between",
            "and",
            "approximately",
            "roughly",
        ],
    );
    if !marked && !cued {
        return None;
    }
    let (hour, minute) = clock(hit)?;
    out.kind = TimexType::Time;
    out.val = Val::Clock { hour, minute };
    Some(out)
}

/// The candidate for a match of:
/// - `oclock`: eight o'clock / 10 o'clock at night; "(at) 4 in the morning"
///   starts at its rarest word, the hour, "in the" and a cue word ("at", "by")
///   before it are read in code
/// - `hour_pod`: the same
pub(super) fn oclock(hit: &Hit, mut out: Candidate) -> Option<Candidate> {
    let hpod = hit.get("hpod");
    let (hour_word, start) = if hit.name == "hour_pod" {
        hour_before_pod(hit.text, out.span.start)?
    } else {
        (hit.get("h")?.as_str(), out.span.start)
    };
    let hour = match hour_word.parse::<u32>() {
        Ok(n) => n,
        Err(_) => (*TABLES.numbers.get(&key(hour_word))?)?,
    };
    if !(1..=12).contains(&hour) {
        return None;
    }
    let later = hpod.as_ref().is_some_and(|p| {
        let p = key(p.as_str());
        p.ends_with("afternoon") || p.ends_with("evening") || (p.ends_with("night") && hour >= 5)
    });
    // "by Friday at 5 o'clock", "in line by 7 o'clock": with no part of
    // the day, an hour of 1 to 7 is of the afternoon or evening, when news
    // happens; an hour of the small hours says "in the morning".
    let bare_afternoon = hpod.is_none() && hit.name == "oclock" && (1..=7).contains(&hour);
    let hour = match (later || bare_afternoon, hour) {
        (true, h) if h < 12 => h + 12,
        (false, 12) if hpod.is_some() => 0,
        (_, h) => h,
    };
    out.span.start = start;
    out.kind = TimexType::Time;
    out.val = Val::Clock { hour, minute: 0 };
    Some(out)
}

/// The candidate for a match of:
/// - `noon`: noon / midday / midnight (12:00 and 24:00)
pub(super) fn noon(hit: &Hit, mut out: Candidate) -> Option<Candidate> {
    let hour = if key(hit.get("w")?.as_str()) == "midnight" {
        24
    } else {
        12
    };
    out.kind = TimexType::Time;
    out.val = Val::Clock { hour, minute: 0 };
    Some(out)
}

/// The candidate for a match of:
/// - `clock_date`: 5 p.m. EST Nov. 9 / 10 a.m. on March 3 / midnight on Dec. 31
///   / 9 a.m. on Friday, Oct. 4, 2019
/// - `noon_date`: the same
pub(super) fn clock_date(hit: &Hit, mut out: Candidate) -> Option<Candidate> {
    let (month, day) = month_and_day(hit)?;
    let (hour, minute) = clock_or_word(hit)?;
    out.kind = TimexType::Time;
    let suffix = format!("-{month:02}-{day:02}T{hour:02}:{minute:02}");
    out.val = match hit.num("year") {
        Some(year) if (1000..=2199).contains(&year) => {
            chrono::NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)?;
            Val::Fixed(format!("{year:04}{suffix}"))
        }
        Some(_) => return None,
        None => Val::Cyclic {
            suffix,
            pick: Pick::Tense,
        },
    };
    Some(out)
}

/// The candidate for a match of:
/// - `clock_day`: noon Thursday / 3 p.m. on Friday / midnight Friday / 9 a.m.
///   next Monday
/// - `noon_day`: the same
/// - `day_clock`: Friday at 3 p.m. / Monday 10:30 / next Friday at 3 p.m.
pub(super) fn clock_day(hit: &Hit, mut out: Candidate) -> Option<Candidate> {
    let weekday = hit.get("weekday")?;
    let day = *TABLES.weekdays.get(&key(weekday.as_str()))?;
    // "until 2:15 a.m. on Friday and Saturday nights": the clock of a habit
    // and the nights, each on its own.
    if shared_plural_pod(&hit.text[weekday.end()..]).is_some() {
        return None;
    }
    // "open 8:30 a.m. to 4:30 p.m. Monday through Friday": the weekday
    // starts a range of days, not the clock's day.
    if starts_weekday_range(&hit.text[weekday.end()..]) {
        return None;
    }
    let (hour, minute) = clock_or_word(hit)?;
    // "every Sunday at 10 a.m.": that time of every such day.
    if hit.get("rel").is_none()
        && let Some((start, quant)) = every_before(hit.text, out.span.start)
    {
        out.span.start = start;
        out.quant = Some(quant);
        out.kind = TimexType::Set;
        out.val = Val::Fixed(format!("XXXX-WXX-{day}T{hour:02}:{minute:02}"));
        return Some(out);
    }
    out.kind = TimexType::Time;
    out.val = Val::Weekday {
        day,
        pick: hit.get("rel").map_or(Pick::Tense, |r| pick_of(r.as_str())),
        pod: Some(format!("{hour:02}:{minute:02}")),
        anchored: false,
    };
    Some(out)
}

/// True when `after`, the text after a weekday, goes on to the weekday
/// that ends a range ("through Friday", "to Friday", "-Friday").
fn starts_weekday_range(after: &str) -> bool {
    let rest = after
        .strip_prefix(" through ")
        .or_else(|| after.strip_prefix(" to "))
        .or_else(|| after.strip_prefix(" thru "))
        .or_else(|| after.strip_prefix('-'))
        .or_else(|| after.strip_prefix('–'))
        .or_else(|| after.strip_prefix(" - "))
        .or_else(|| after.strip_prefix(" – "));
    rest.is_some_and(|rest| {
        let word = rest
            .split(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        TABLES.weekdays.contains_key(&key(word))
    })
}

/// The hour and where it starts in "at 4 in the morning", "by ten at
/// night", for the part of day at `pod_start`: an hour word or number (1 to
/// 12) right before "in the" or "at", after a cue word ("at", "by",
/// "until" ...); without the cue, "scored 2 in the afternoon" is a count.
fn hour_before_pod(text: &str, pod_start: usize) -> Option<(&str, usize)> {
    let before = text[..pod_start].trim_end();
    let lower = before.to_ascii_lowercase();
    let link = if lower.ends_with(" in the") {
        " in the".len()
    } else if lower.ends_with(" at") {
        " at".len()
    } else {
        return None;
    };
    let before = &before[..before.len() - link];
    let hour = before.rsplit(' ').next()?;
    if hour.is_empty() || !hour.chars().all(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    let start = before.len() - hour.len();
    let cued = preceded_by(
        text,
        start,
        &[
            "at", "by", "until", "till", "before", "after", "around", "about", "from",
        ],
    );
    cued.then_some((hour, start))
}

/// The hour and minute of a clock time or of "noon", "midday" (12:00),
/// "midnight" (24:00, the end of the day).
fn clock_or_word(hit: &Hit) -> Option<(u32, u32)> {
    match hit.get("w") {
        Some(w) if key(w.as_str()) == "midnight" => Some((24, 0)),
        Some(_) => Some((12, 0)),
        None => clock(hit),
    }
}

/// Hour and minute from the clock groups, 12-hour times converted.
pub(super) fn clock(hit: &Hit) -> Option<(u32, u32)> {
    // "4.45pm", British style, needs its am/pm or a time zone ("10.15
    // GMT"); else it is a number.
    let (hour, minute, ampm) = if let Some(h) = hit.num("hour") {
        (h, hit.num("min")?, hit.get("ampm"))
    } else if let Some(h) = hit.num("hour3") {
        (h, hit.num("min3")?, hit.get("ampm3"))
    } else if let Some(h) = hit.num("hour4") {
        (h, hit.num("min4")?, None)
    } else if let Some(h) = hit.num("hour5") {
        // Wire-service style: "0546 GMT", "1300 GMT".
        (h, hit.num("min5")?, None)
    } else {
        (hit.num("hour2")?, 0, hit.get("ampm2"))
    };
    let hour = match ampm.map(|a| a.as_str().to_ascii_lowercase()) {
        Some(a) => {
            if !(1..=12).contains(&hour) {
                return None;
            }
            match (a.starts_with('p'), hour) {
                (true, 12) => 12,
                (true, h) => h + 12,
                (false, 12) => 0,
                (false, h) => h,
            }
        }
        None => hour,
    };
    (hour <= 23 && minute <= 59).then_some((hour, minute))
}
