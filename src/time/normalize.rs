//! Turning a rule match into a candidate: its kind and a value that is either
//! final (`2018-02`, `P2D`) or a placeholder to resolve against the document
//! date or the time the text is talking about (see `anchor`).

use regex::{Captures, Match};

use super::guards::{
    acronym_year_blocked, after_quantity, bare_number_context, ends_with_month, ends_with_year,
    generic_day, glued_to_number, next_word, next_word_blocked, plausible_count,
    plausible_reference, preceded_by, previous_word, starts_with_digit_after,
};
use super::lexicon::{Anchor, TABLES, Unit, key};
use crate::annotation::{Span, TimexType};

/// The granularity a relative date is counted in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gran {
    /// Days.
    Day,
    /// ISO weeks.
    Week,
    /// The weekend of an ISO week.
    Weekend,
    /// Months.
    Month,
    /// Quarters.
    Quarter,
    /// Years.
    Year,
    /// Decades.
    Decade,
    /// Centuries.
    Century,
}

/// Which occurrence of a recurring period ("February", "Monday", "summer")
/// is meant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pick {
    /// The latest that started on or before the document date.
    Past,
    /// The same, never the next one however near ("since Jan. 3").
    Before,
    /// The latest that ended before the document date ("last May").
    Last,
    /// The earliest that has not ended by the document date.
    Future,
    /// The earliest that starts after the document date ("next Monday").
    Next,
    /// The one holding the document date, else the one of its year or week.
    This,
    /// The nearest, ties to the past.
    Nearest,
    /// Decided by the tense of the sentence.
    Tense,
}

/// A value, final or still to be resolved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Val {
    /// A final value, not relative to anything.
    Fixed(String),
    /// `PRESENT_REF`, `PAST_REF`, `FUTURE_REF` or a SET value: final, but
    /// relative in TIMEX3 terms.
    Ref(&'static str),
    /// Counted from the document date ("yesterday", "last year", "two days ago").
    FromDct {
        /// Granularity of the result.
        gran: Gran,
        /// Offset in units of `gran`.
        offset: i64,
        /// Part of day code appended to a day ("MO").
        pod: Option<String>,
    },
    /// Counted from the time the text is talking about ("two days later").
    FromRef {
        /// Granularity of the result.
        gran: Gran,
        /// Offset in units of `gran`.
        offset: i64,
    },
    /// The year of the document date, shifted, with a suffix ("-Q1").
    DctYear {
        /// Years to add.
        offset: i64,
        /// Text after the year.
        suffix: String,
    },
    /// A recurring period without its year: `suffix` follows the year
    /// ("-02", "-02-14", "-Q3", "-SU").
    Cyclic {
        /// Text after the year.
        suffix: String,
        /// Which occurrence.
        pick: Pick,
    },
    /// A weekday without its date.
    Weekday {
        /// ISO weekday number, Monday = 1.
        day: u32,
        /// Which occurrence.
        pick: Pick,
        /// Part of day code.
        pod: Option<String>,
        /// True for "the previous Friday", "the following Monday": counted
        /// from the day the text talks about, not from the document date.
        anchored: bool,
    },
    /// "The 1988 period": the quarter the text reports on, in that year
    /// (`1988-Q3`), or the year when no quarter was stated.
    YearPeriod {
        /// The year written.
        year: i32,
    },
    /// A holiday without its year: `rule` from `holidays.txt`.
    Holiday {
        /// `12-25`, `11-4-4`, `easter-2` ...
        rule: &'static str,
        /// Which occurrence.
        pick: Pick,
    },
    /// "A year ago", "a year earlier": the year before the document date
    /// (or the time the text talks about, `from_ref`), or, when the text is
    /// reporting on a quarter, that quarter a year back (`1988-Q3`).
    YearBack {
        /// Counted from the time the text talks about ("earlier").
        from_ref: bool,
    },
    /// A season or month counted from the time the text talks about: "that
    /// fall" (`This`: the one of that year), "the following March" (`Next`),
    /// "the previous winter" (`Last`).
    RefCyclic {
        /// Text after the year ("-FA", "-03").
        suffix: String,
        /// `This`, `Next` or `Last`.
        pick: Pick,
    },
    /// "The week of March 6": the ISO week holding the day.
    WeekOf(Box<Val>),
    /// "On the 15th": a day of the month the text talks about, or of the
    /// DCT's month (or the one the tense points to).
    MonthDay(u32),
    /// A clock time; the date comes from the sentence or the document date.
    Clock {
        /// Hour, 0..=24.
        hour: u32,
        /// Minute.
        minute: u32,
    },
}

impl Val {
    /// True for a comparison with the same period a year back ("a year
    /// ago", "the year-earlier quarter"), which does not move the time the
    /// text talks about.
    pub fn is_comparison(&self) -> bool {
        matches!(
            self,
            Val::YearBack { .. }
                | Val::YearPeriod { .. }
                | Val::FromRef {
                    gran: Gran::Quarter,
                    offset: -4,
                }
        )
    }

    /// True when resolving the value depends on the tense of the sentence.
    pub fn needs_tense(&self) -> bool {
        if let Val::WeekOf(day) = self {
            return day.needs_tense();
        }
        matches!(
            self,
            Val::Cyclic {
                pick: Pick::Tense,
                ..
            } | Val::Weekday {
                pick: Pick::Tense,
                ..
            } | Val::Holiday {
                pick: Pick::Tense,
                ..
            } | Val::RefCyclic {
                pick: Pick::This,
                ..
            } | Val::MonthDay(_)
        )
    }
}

/// A recognised time expression before overlaps are settled and relative
/// values are resolved.
#[derive(Clone, Debug)]
pub struct Candidate {
    /// Bytes covered.
    pub span: Span,
    /// TIMEX3 type.
    pub kind: TimexType,
    /// Value or placeholder.
    pub val: Val,
    /// TIMEX3 mod.
    pub modifier: Option<&'static str>,
    /// Position of the rule in `patterns.txt` (lower wins ties).
    pub priority: usize,
}

/// Turns a match of rule `name` into a candidate, or `None` when the guards
/// of the rule reject it. `base` is the offset of the haystack in `text`.
pub fn candidate(
    name: &str,
    caps: &Captures,
    base: usize,
    text: &str,
    priority: usize,
) -> Option<Candidate> {
    let whole = caps.get(0)?;
    let span = Span::new(base + whole.start(), base + whole.end());
    if span.is_empty() || glued_to_number(text, span) {
        return None;
    }
    let m = Matches { caps, base };
    let mut out = Candidate {
        span,
        kind: TimexType::Date,
        val: Val::Fixed(String::new()),
        modifier: None,
        priority,
    };
    match name {
        "date_full" | "date_dmy" | "date_iso" | "date_slash" | "date_ymd_slash" => {
            let year = m.num("year")?;
            let month = match m.get("month") {
                Some(mm) => month(mm.as_str())?,
                None => m.num("mon")?,
            };
            let day = m.num("day")?;
            // "24/01/2023": a first number over 12 is the day.
            let (month, day) = if name == "date_slash" && month > 12 {
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
            let iso_clock = m.num("ih").zip(m.num("imin"));
            match iso_clock.or_else(|| clock(&m)) {
                Some((h, mi)) => {
                    out.kind = TimexType::Time;
                    out.val = Val::Fixed(format!("{date}T{h:02}:{mi:02}"));
                }
                None => {
                    // A clock that failed to parse must not stay in the span.
                    if m.get("hour").is_some() || m.get("hour2").is_some() {
                        let end = m.get("year").map(|y| y.end())?;
                        out.span.end = end;
                    }
                    out.val = Val::Fixed(date);
                }
            }
        }
        "date_md" | "date_dm" => {
            let month = month(m.get("month")?.as_str())?;
            let day = m.num("day")?;
            if day == 0 || day > days_in_month(month) {
                return None;
            }
            // "Dec. 12-14, 2024": the year after the range is this day's too.
            if name == "date_md"
                && let Some(year) = range_year(&text[out.span.end..])
            {
                out.val = day_of_month(Some(year), month, day);
                return Some(out);
            }
            out.val = day_of_month(None, month, day);
        }
        "day_range" => {
            let month = month(m.get("month")?.as_str())?;
            let first = m.num("d1")?;
            let last = m.get("day")?;
            let day = m.num("day")?;
            if first == 0 || day <= first || day > days_in_month(month) {
                return None;
            }
            // "April 24 and 25 percent" is no range of days.
            if m.get("year").is_none() && next_word_blocked(&text[last.end()..]) {
                return None;
            }
            let end = m.get("year").map_or(last.end(), |y| y.end());
            out.span = Span::new(last.start(), end);
            out.val = day_of_month(m.num("year"), month, day);
        }
        "week_of" => {
            let month = month(m.get("month")?.as_str())?;
            let day = m.num("day")?;
            if day == 0 || day > days_in_month(month) {
                return None;
            }
            out.val = Val::WeekOf(Box::new(day_of_month(m.num("year"), month, day)));
        }
        "week_nth" => {
            let month = month(m.get("month")?.as_str())?;
            let day = match key(m.get("nth")?.as_str()).as_str() {
                "first" => 4,
                "second" => 11,
                "third" => 18,
                "fourth" => 25,
                _ => days_in_month(month) - 3,
            };
            out.val = Val::WeekOf(Box::new(day_of_month(m.num("year"), month, day)));
        }
        "day_ordinal" => {
            let day = m.num("day")?;
            // "due on the 15th", "by the 3rd,": a cue word before it, and
            // nothing after it that it could count ("the 15th floor", "the
            // 21st century").
            if day == 0 {
                return None;
            }
            let cued = preceded_by(
                text,
                out.span.start,
                &[
                    "on", "by", "until", "till", "before", "after", "since", "from", "through",
                ],
            );
            let after = &text[out.span.end..];
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
        }
        "date_my" => {
            let year = m.num("year")?;
            if !(1000..=2199).contains(&year) {
                return None;
            }
            let month = month(m.get("month")?.as_str())?;
            out.val = Val::Fixed(format!("{year:04}-{month:02}"));
        }
        "month_attr" | "month_poss" => {
            let word = m.get("month")?;
            let month = month(word.as_str())?;
            if month == 5 {
                return None;
            }
            if name == "month_attr"
                && !preceded_by(
                    text,
                    word.start(),
                    &["the", "a", "an", "its", "their", "his", "her"],
                )
            {
                return None;
            }
            out.span = Span::new(word.start(), word.end());
            out.val = Val::Cyclic {
                suffix: format!("-{month:02}"),
                pick: Pick::Tense,
            };
        }
        "month_cued" => {
            let month = month(m.get("month")?.as_str())?;
            let cue_match = m.get("cue")?;
            let cue = key(cue_match.as_str());
            if matches!(cue.as_str(), "to" | "and" | "or")
                && !ends_with_month(&text[..cue_match.start()])
            {
                return None;
            }
            let pick = match cue.as_str() {
                "last" | "past" => Pick::Last,
                "next" | "coming" => Pick::Next,
                "this" => Pick::This,
                _ => Pick::Tense,
            };
            if pick == Pick::Tense {
                out.span.start = m.get("month")?.start();
            }
            out.val = Val::Cyclic {
                suffix: format!("-{month:02}"),
                pick,
            };
        }
        "decade" | "decade_words" => {
            if let Some(w) = m.get("decw") {
                let tens = key(w.as_str()).replace("ies", "y");
                let n = TABLES.numbers.get(&tens).copied().flatten()?;
                out.val = Val::Fixed(format!("19{}", n / 10));
                return Some(out);
            }
            out.val = Val::Fixed(match (m.num("dec"), m.num("dec2")) {
                (Some(d), _) if d % 100 == 0 && d != 2000 => format!("{:02}", d / 100),
                (Some(d), _) => format!("{:03}", d / 10),
                (None, Some(d)) if d <= 10 => format!("20{}", d / 10),
                (None, Some(d)) => format!("19{}", d / 10),
                _ => return None,
            });
        }
        "century" => {
            let n = match m.num("ord") {
                Some(n) => n,
                None => *TABLES.ordinals.get(&key(m.get("ordw")?.as_str()))?,
            };
            if !(1..=22).contains(&n) {
                return None;
            }
            out.val = Val::Fixed(format!("{:02}", n - 1));
        }
        "quarter" => {
            let half = key(m.get("qu")?.as_str()) == "half";
            let n = match key(m.get("q")?.as_str()).as_str() {
                "first" | "1st" => 1,
                "second" | "2nd" => 2,
                "third" | "3rd" => 3,
                "fourth" | "4th" => 4,
                _ if half => 2,
                _ => 4,
            };
            if half && n > 2 {
                return None;
            }
            let suffix = format!("-{}{n}", if half { 'H' } else { 'Q' });
            if let Some(year) = m.num("year") {
                out.val = Val::Fixed(format!("{year:04}{suffix}"));
            } else if m.get("back").is_some() {
                out.val = Val::DctYear { offset: -1, suffix };
            } else if let Some(rel) = m.get("rel") {
                let offset = match key(rel.as_str()).as_str() {
                    "last" => -1,
                    "next" => 1,
                    _ => 0,
                };
                out.val = Val::DctYear { offset, suffix };
            } else if half || m.get("q").is_some_and(|q| is_final(q.as_str())) {
                return None;
            } else {
                out.val = Val::Cyclic {
                    suffix,
                    pick: Pick::Tense,
                };
            }
        }
        "quarter_q" => {
            let part = m.get("qh")?.as_str();
            let n = m.num("qn")?;
            if part == "H" && n > 2 {
                return None;
            }
            out.val = Val::Fixed(format!("{:04}-{part}{n}", m.num("year")?));
        }
        "quarter_q_cued" => {
            let part = m.get("qh")?;
            let cued = preceded_by(
                text,
                part.start(),
                &[
                    "in", "for", "during", "the", "its", "their", "of", "since", "by", "from",
                    "than",
                ],
            ) || matches!(
                key(next_word(&text[out.span.end..])).as_str(),
                "profit"
                    | "profits"
                    | "revenue"
                    | "revenues"
                    | "earnings"
                    | "results"
                    | "loss"
                    | "losses"
                    | "income"
                    | "shipments"
                    | "growth"
                    | "gdp"
                    | "guidance"
            );
            if !cued {
                return None;
            }
            let n = m.num("qn")?;
            if part.as_str() == "H" && n > 2 {
                return None;
            }
            let number = m.get("qn")?;
            out.span = Span::new(part.start(), number.end());
            out.val = Val::Cyclic {
                suffix: format!("-{}{n}", part.as_str()),
                pick: Pick::Tense,
            };
        }
        "fiscal_year" => {
            let digits = m.get("year")?.as_str();
            let year = m.num("year")?;
            let year = match digits.len() {
                2 if year < 50 => 2000 + year,
                2 => 1900 + year,
                _ => year,
            };
            out.val = Val::Fixed(format!("{year:04}"));
        }
        "season_year" => {
            let code = TABLES.seasons.get(&key(m.get("season")?.as_str()))?;
            // "the summer of '69": an abbreviated year, as "in '98" reads it.
            let year = match m.num("yy") {
                Some(yy) => abbreviated_year(yy),
                None => m.num("year")?,
            };
            out.val = Val::Fixed(format!("{year:04}-{code}"));
        }
        "holiday" => {
            let rule = *TABLES.holidays.get(&key(m.get("holiday")?.as_str()))?;
            out.val = match m.num("year") {
                Some(year) => Val::Fixed(
                    super::anchor::holiday(i32::try_from(year).ok()?, rule)?
                        .format("%Y-%m-%d")
                        .to_string(),
                ),
                None => Val::Holiday {
                    rule,
                    pick: m.get("rel").map_or(Pick::Tense, |r| pick_of(r.as_str())),
                },
            };
        }
        "season_bare" => {
            let season = m.get("season")?;
            let code = *TABLES.seasons.get(&key(season.as_str()))?;
            let word = season.as_str();
            let after = text[out.span.end..].trim_start();
            let needs_the = matches!(code, "SP" | "FA");
            if (needs_the && m.get("the").is_none())
                || after.starts_with("of ")
                || (needs_the && after.starts_with("in "))
                || word.chars().all(|c| c.is_uppercase())
                // "winter wheat", "summer school": a kind, not a time.
                || TABLES.season_kinds.contains(&key(next_word(after)))
                // "the Winter Olympics", "the Summer Palace": a name.
                || (word.starts_with(|c: char| c.is_uppercase())
                    && after.starts_with(|c: char| c.is_uppercase()))
            {
                return None;
            }
            out.val = Val::Cyclic {
                suffix: format!("-{code}"),
                pick: Pick::Tense,
            };
        }
        "cyclic_ref" => {
            let suffix = match m.get("season") {
                Some(season) => format!("-{}", TABLES.seasons.get(&key(season.as_str()))?),
                None => format!("-{:02}", month(m.get("month")?.as_str())?),
            };
            out.val = Val::RefCyclic {
                suffix,
                pick: pick_of(m.get("rel")?.as_str()),
            };
        }
        "season_rel" => {
            let code = TABLES.seasons.get(&key(m.get("season")?.as_str()))?;
            out.val = Val::Cyclic {
                suffix: format!("-{code}"),
                pick: pick_of(m.get("rel")?.as_str()),
            };
        }
        "year_cued" | "year_event" => {
            let year_match = m.get("year")?;
            let year = m.num("year")?;
            let cue = key(m.get("cue")?.as_str());
            let after = &text[out.span.end..];
            if after.starts_with('%') || starts_with_digit_after(after, [',', '.', '-', '/']) {
                // "2,018" never gets here (no comma in the pattern), but
                // "2018.5", "2018,000", "2018-1" are not years.
                // "2016-2018", "the 1996-97 season", "fiscal 1996/97": the
                // start of a range of years.
                let b = after.as_bytes();
                let short_end = b.len() >= 3
                    && matches!(b[0], b'-' | b'/')
                    && b[1].is_ascii_digit()
                    && b[2].is_ascii_digit()
                    && b.get(3).is_none_or(|c| !c.is_ascii_digit());
                if !after.starts_with("-1") && !after.starts_with("-2") && !short_end {
                    return None;
                }
            }
            // An event name ("CES 2024") is as weak a cue as an article.
            // An acronym names a product as often as an event: "FYI 2000
            // chip" is a model, "CES 2024 in Las Vegas" an event.
            if name == "year_event"
                && m.get("cue")?
                    .as_str()
                    .bytes()
                    .all(|b| b.is_ascii_uppercase())
                && acronym_year_blocked(after)
            {
                return None;
            }
            let strict = name == "year_event"
                || matches!(
                    cue.as_str(),
                    "the"
                        | "of"
                        | "by"
                        | "to"
                        | "and"
                        | "or"
                        | "a"
                        | "that"
                        | "for"
                        | "its"
                        | "their"
                );
            let range = if strict { 1700..=2099 } else { 1000..=2099 };
            if !range.contains(&year) {
                return None;
            }
            if strict && next_word_blocked(after) {
                return None;
            }
            if matches!(cue.as_str(), "to" | "and" | "or") {
                let before = &text[..m.get("cue")?.start()];
                if !ends_with_year(before) {
                    return None;
                }
            }
            // "fiscal 1989" keeps its cue; prepositions and articles do not.
            let from = if cue == "fiscal" {
                m.get("cue")?.start()
            } else {
                year_match.start()
            };
            out.span = Span::new(from, year_match.end());
            out.val = Val::Fixed(format!("{year:04}"));
        }
        "year_abbrev" => {
            let abbr = m.get("abbr")?;
            if next_word_blocked(&text[abbr.end()..]) {
                return None;
            }
            let year = abbreviated_year(m.num("yy")?);
            out.span = Span::new(abbr.start(), abbr.end());
            out.val = Val::Fixed(format!("{year:04}"));
        }
        "year_range" => {
            let from = m.num("from")?;
            // "1996-97": the end year in the start's century, or the next
            // one ("1999-00"), at most ten years on.
            let (end, year) = match m.get("yy") {
                Some(yy) => {
                    let mut year = from / 100 * 100 + m.num("yy")?;
                    if year <= from {
                        year += 100;
                    }
                    if year - from > 10 {
                        return None;
                    }
                    (yy, year)
                }
                None => (m.get("year")?, m.num("year")?),
            };
            // The start must be a year of its own, after a cue word ("from
            // 2016-2018"); "Jobs 1955-2011" is neither.
            let cued = preceded_by(
                text,
                out.span.start,
                &[
                    "in", "from", "between", "since", "during", "of", "the", "for", "through",
                    "fiscal",
                ],
            );
            if !cued || year <= from {
                return None;
            }
            out.span = Span::new(end.start(), end.end());
            out.val = Val::Fixed(format!("{year:04}"));
        }
        "day_word" => {
            let w = key(m.get("w")?.as_str());
            let offset = *TABLES.days.get(&w)?;
            if generic_day(text, out.span, &w) {
                return None;
            }
            let mut pod = pod(&m);
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
        }
        "pod_rel" => {
            let rel = key(m.get("rel")?.as_str());
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
                pod: pod(&m),
            };
        }
        "rel_unit" => {
            let dir = key(m.get("dir")?.as_str());
            let offset = *TABLES.directions.get(&dir)?;
            let unit = key(m.get("unit")?.as_str());
            let the = m.get("the").is_some();
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
                && matches!(gran, Gran::Day | Gran::Century)
                && matches!(dir.as_str(), "past" | "last")
            {
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
                    out.span.start = m.get("dir")?.start();
                }
                out.val = Val::FromDct {
                    gran,
                    offset,
                    pod: None,
                };
            }
        }
        "this_time" => {
            let offset = if key(m.get("dir")?.as_str()) == "last" {
                -1
            } else {
                1
            };
            let gran = match key(m.get("unit")?.as_str()).as_str() {
                "week" => Gran::Week,
                "month" => Gran::Month,
                _ => Gran::Year,
            };
            out.val = Val::FromDct {
                gran,
                offset,
                pod: None,
            };
        }
        "ref_pod" => {
            let offset = match pick_of(m.get("rel")?.as_str()) {
                Pick::Next => 1,
                Pick::Last => -1,
                _ => 0,
            };
            out.val = Val::FromRef {
                gran: Gran::Day,
                offset,
            };
        }
        "ref_unit" => {
            let gran = match key(m.get("unit")?.as_str()).as_str() {
                "day" => Gran::Day,
                "week" => Gran::Week,
                "month" => Gran::Month,
                _ => Gran::Year,
            };
            let dir = key(m.get("dir")?.as_str());
            let offset = if matches!(dir.as_str(), "after" | "later") {
                1
            } else {
                -1
            };
            out.val = Val::FromRef { gran, offset };
        }
        "num_shift" => {
            let amount = amount(m.get("num")?.as_str())?;
            let unit = unit(m.get("unit")?.as_str())?;
            let shift = key(m.get("shift")?.as_str());
            let (sign, anchor) = *TABLES.shifts.get(&shift)?;
            // "the highest in 16 years earlier this month": "earlier"
            // belongs to the date after it, and "16 years" is a length.
            if matches!(shift.as_str(), "earlier" | "later") {
                let rest = text[out.span.end..].trim_start();
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
                    "this" | "that" | "today" | "tonight" | "last" | "next"
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
        }
        "duration" => {
            let num = m.get("num")?;
            let amount = amount(num.as_str())?;
            let unit = unit(m.get("unit")?.as_str())?;
            let article = matches!(key(num.as_str()).as_str(), "a" | "an");
            if article && unit == Unit::Second {
                return None;
            }
            let after = &text[out.span.end..];
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
                m.get("unit")?.as_str(),
                text,
                num.end(),
                after,
            ) {
                return None;
            }
            let half = m.get("half").is_some() || m.get("half2").is_some();
            let amount = amount.map(|n| if half { n + 0.5 } else { n });
            let value = duration_value(amount, unit);
            if article && m.get("the").is_none() && after_quantity(&text[..num.start()]) {
                out.kind = TimexType::Set;
                out.val = Val::Fixed(duration_value(Some(1.0), unit));
                return Some(out);
            }
            out.kind = TimexType::Duration;
            out.val = Val::Fixed(value);
        }
        "half" => {
            let unit = unit(m.get("unit")?.as_str())?;
            out.kind = TimexType::Duration;
            out.val = Val::Fixed(match unit {
                Unit::Hour => "PT30M".to_string(),
                Unit::Minute => "PT30S".to_string(),
                Unit::Day => "PT12H".to_string(),
                Unit::Year => "P6M".to_string(),
                _ => duration_value(Some(0.5), unit),
            });
        }
        "weekday" => {
            let day = *TABLES.weekdays.get(&key(m.get("weekday")?.as_str()))?;
            if m.get("plural").is_some() {
                if m.get("rel").is_some() {
                    return None;
                }
                out.kind = TimexType::Set;
                out.val = Val::Fixed(format!("XXXX-WXX-{day}"));
                return Some(out);
            }
            // "Friday night" stays a DATE (`2000-01-07TNI`): TimeBank and
            // MEANTIME annotate a weekday's part of day so (19 of 25).
            let pod = pod(&m);
            out.val = Val::Weekday {
                day,
                pick: m.get("rel").map_or(Pick::Tense, |r| pick_of(r.as_str())),
                pod,
                anchored: m
                    .get("rel")
                    .is_some_and(|r| key(r.as_str()).starts_with("the ")),
            };
        }
        "clock" => {
            // A bare "20:36" or "1:16" is as often a race time, a score or
            // a verse as a time of day: it needs am/pm, a time zone or a cue
            // word before it ("at 14:00", "until 9:30").
            let marked = ["ampm", "ampm2", "ampm3", "tz", "hour4"]
                .iter()
                .any(|g| m.get(g).is_some());
            let cued = preceded_by(
                text,
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
            let (hour, minute) = clock(&m)?;
            out.kind = TimexType::Time;
            out.val = Val::Clock { hour, minute };
        }
        "oclock" | "hour_pod" => {
            let hpod = m.get("hpod");
            let (hour_word, start) = if name == "hour_pod" {
                hour_before_pod(text, out.span.start)?
            } else {
                (m.get("h")?.as_str(), out.span.start)
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
                p.ends_with("afternoon")
                    || p.ends_with("evening")
                    || (p.ends_with("night") && hour >= 5)
            });
            let hour = match (later, hour) {
                (true, h) if h < 12 => h + 12,
                (false, 12) if hpod.is_some() => 0,
                (_, h) => h,
            };
            out.span.start = start;
            out.kind = TimexType::Time;
            out.val = Val::Clock { hour, minute: 0 };
        }
        "noon" => {
            let hour = if key(m.get("w")?.as_str()) == "midnight" {
                24
            } else {
                12
            };
            out.kind = TimexType::Time;
            out.val = Val::Clock { hour, minute: 0 };
        }
        "set_every" => {
            let every = if m.get("other").is_some() { 2.0 } else { 1.0 };
            out.kind = TimexType::Set;
            if let Some(mm) = m.get("month") {
                out.val = Val::Fixed(format!("XXXX-{:02}", month(mm.as_str())?));
            } else if let Some(w) = m.get("weekday") {
                let day = *TABLES.weekdays.get(&key(w.as_str()))?;
                out.val = Val::Fixed(format!("XXXX-WXX-{day}"));
            } else if let Some(code) = pod(&m) {
                // "every morning": the part of day of any day.
                out.val = Val::Fixed(format!("XXXX-XX-XXT{code}"));
            } else {
                let unit = unit(m.get("unit")?.as_str())?;
                let n = match m.get("num") {
                    Some(num) => amount(num.as_str())?.map(|n| n * every),
                    None => Some(every),
                };
                out.val = Val::Fixed(duration_value(n, unit));
            }
        }
        "set_per" => {
            let unit = unit(m.get("unit")?.as_str())?;
            out.kind = TimexType::Set;
            out.val = Val::Fixed(duration_value(Some(1.0), unit));
        }
        "set_per_unit" => {
            let word = m.get("w")?.as_str();
            let unit = if key(word) == "annum" {
                Unit::Year
            } else {
                unit(word)?
            };
            out.kind = TimexType::Set;
            out.val = Val::Fixed(duration_value(Some(1.0), unit));
        }
        "set_word" => {
            // "the Communist Party daily Granma", "the weekly Der Spiegel",
            // "O Globo daily said": a newspaper, named right after or before.
            let after = &text[out.span.end..];
            // What stands before the previous word: nothing or the end of a
            // sentence makes its capital letter no sign of a name.
            let lead = text[..out.span.start]
                .trim_end()
                .trim_end_matches(|c: char| c.is_alphanumeric())
                .trim_end();
            let named_before = previous_word(text, out.span.start).starts_with(char::is_uppercase)
                && !lead.is_empty()
                && !lead.ends_with(['.', '!', '?', '"', '\n']);
            if (after.starts_with(' ') && next_word(after).starts_with(char::is_uppercase))
                || named_before
            {
                return None;
            }
            out.kind = TimexType::Set;
            out.val = Val::Ref(TABLES.sets.get(&key(m.get("w")?.as_str()))?);
        }
        "ref_word" => {
            if !plausible_reference(text, out.span) {
                return None;
            }
            out.val = Val::Ref(TABLES.references.get(&key(m.get("w")?.as_str()))?);
        }
        "year_bare" => {
            let year = m.num("year")?;
            let after = &text[out.span.end..];
            if after.starts_with('%')
                || starts_with_digit_after(after, [',', '.', '-', '/', ':'])
                || next_word_blocked(after)
                || bare_number_context(text, out.span.start)
            {
                return None;
            }
            out.val = Val::Fixed(format!("{year:04}"));
        }
        "long_adj" => {
            let unit_text = m.get("unit")?.as_str();
            let plural = unit_text.ends_with('s');
            out.kind = TimexType::Duration;
            out.val = Val::Fixed(duration_value((!plural).then_some(1.0), unit(unit_text)?));
        }
        "vague_ahead" => {
            let unit_match = m.get("unit")?;
            if key(previous_word(text, unit_match.start())) != "the" {
                return None;
            }
            let the = text[..unit_match.start()].trim_end().len() - 3;
            out.span = Span::new(the, out.span.end);
            out.kind = TimexType::Duration;
            out.val = Val::Fixed(duration_value(None, unit(unit_match.as_str())?));
        }
        "vague_plural" => {
            out.kind = TimexType::Duration;
            let unit_text = m.get("unit").or_else(|| m.get("unit2"))?.as_str();
            out.val = Val::Fixed(duration_value(None, unit(unit_text)?));
        }
        "bare_plural" => {
            let u = m.get("unit")?;
            let unit = unit(u.as_str())?;
            // "after hours trading" is an idiom; "after hours of talks" a length.
            if key(m.get("cue")?.as_str()) == "after"
                && unit == Unit::Hour
                && matches!(
                    key(next_word(&text[u.end()..])).as_str(),
                    "trading" | "trade" | "session" | "market" | "deals"
                )
            {
                return None;
            }
            out.span = Span::new(u.start(), u.end());
            out.kind = TimexType::Duration;
            out.val = Val::Fixed(duration_value(None, unit));
        }
        "quarter_the" => {
            let adj = m.get("adj").map(|a| key(a.as_str())).unwrap_or_default();
            let period = key(m.get("qu")?.as_str()) == "period";
            out.val = match adj.as_str() {
                "year earlier" | "year ago" | "comparable" | "corresponding" => Val::FromRef {
                    gran: Gran::Quarter,
                    offset: -4,
                },
                "same" if !period => Val::FromRef {
                    gran: Gran::Quarter,
                    offset: 0,
                },
                "latest" | "recent" | "most recent" if period => Val::FromDct {
                    gran: Gran::Quarter,
                    offset: -1,
                    pod: None,
                },
                _ if period => return None,
                "current" => Val::FromDct {
                    gran: Gran::Quarter,
                    offset: 0,
                    pod: None,
                },
                "previous" | "prior" => Val::FromRef {
                    gran: Gran::Quarter,
                    offset: -1,
                },
                // Results are reported for the quarter that just ended.
                _ => Val::FromDct {
                    gran: Gran::Quarter,
                    offset: -1,
                    pod: None,
                },
            };
        }
        "quarter_year" => {
            let half = key(m.get("qu")?.as_str()) == "half";
            let n = match key(m.get("q")?.as_str()).as_str() {
                "first" | "1st" => 1,
                "second" | "2nd" => 2,
                "third" | "3rd" => 3,
                _ => 4,
            };
            if half && n > 2 {
                return None;
            }
            let letter = if half { 'H' } else { 'Q' };
            out.val = Val::Fixed(format!("{:04}-{letter}{n}", m.num("year")?));
        }
        "year_spelled" => {
            let year = spelled_year(m.get("sy")?.as_str())?;
            // "two thousand years" is a length, not the year 2000.
            let after = &text[out.span.end..];
            let word = next_word(after);
            if let Some(&unit) = TABLES.units.get(&key(word)) {
                if m.get("month").is_some() || !after.starts_with(' ') {
                    return None;
                }
                out.span.end += after.len() - after.trim_start().len() + word.len();
                let rest = &text[out.span.end..];
                // Ages are left out, as the duration rule leaves them.
                if rest.starts_with("-old") || rest.starts_with(" old") {
                    return None;
                }
                out.kind = TimexType::Duration;
                out.val = Val::Fixed(duration_value(Some(f64::from(year)), unit));
                return Some(out);
            }
            out.val = Val::Fixed(match m.get("month") {
                Some(mm) => format!("{year:04}-{:02}", month(mm.as_str())?),
                None => format!("{year:04}"),
            });
        }
        "month_rel_year" => {
            let month = month(m.get("month")?.as_str())?;
            let offset = match key(m.get("rel")?.as_str()).as_str() {
                "last" => -1,
                "next" => 1,
                _ => 0,
            };
            out.val = Val::DctYear {
                offset,
                suffix: format!("-{month:02}"),
            };
        }
        "year_period" => {
            out.val = Val::YearPeriod {
                year: i32::try_from(m.num("year")?).ok()?,
            };
        }
        "year_ended" => {
            let after = text[out.span.end..].trim_start();
            if !(after.starts_with("ended ") || after.starts_with("ending ")) {
                return None;
            }
            out.kind = TimexType::Duration;
            out.val = Val::Fixed("P1Y".to_string());
        }
        "year_this" => {
            let after = text[out.span.end..].trim_start();
            // "the year 2000", "the year ended June 30", "the year's end":
            // other rules, or a noun phrase that goes on.
            if after.starts_with(|c: char| c.is_ascii_digit() || c == '\'' || c == '’' || c == '-')
                || after.starts_with("ended ")
                || after.starts_with("ending ")
            {
                return None;
            }
            let next = key(next_word(after));
            if TABLES.numbers.contains_key(&next)
                || matches!(
                    next.as_str(),
                    "since" | "after" | "before" | "to" | "when" | "following" | "ahead"
                )
            {
                return None;
            }
            // "in the year" alone is mostly a length ("in the year since");
            // "earlier in the year" and "in the current year" are not.
            let cue = m.get("cue")?;
            let lead = text[..cue.start()].trim_end();
            let lead_word = lead.rsplit(' ').next().unwrap_or("");
            let relative = matches!(key(lead_word).as_str(), "earlier" | "later");
            if m.get("adj").is_none() && key(cue.as_str()) == "in" && !relative {
                return None;
            }
            let latest = m
                .get("adj")
                .is_some_and(|a| key(a.as_str()).starts_with("latest"));
            let start = if relative {
                lead.len() - lead_word.len()
            } else {
                m.get("the")?.start()
            };
            out.span = Span::new(start, out.span.end);
            out.val = Val::FromDct {
                gran: Gran::Year,
                offset: if latest { -1 } else { 0 },
                pod: None,
            };
        }
        "year_back_adj" => {
            // "the year-earlier third quarter", "the year-ago nine months":
            // part of a longer expression this rule does not read.
            let next = key(next_word(&text[out.span.end..]));
            if TABLES.units.contains_key(&next)
                || TABLES.ordinals.contains_key(&next)
                || TABLES.numbers.contains_key(&next)
            {
                return None;
            }
            // An adjective of the period being reported: a year before now.
            out.val = Val::YearBack { from_ref: false };
        }
        "year_end" | "mid_year" | "full_year" => {
            match name {
                "year_end" => out.modifier = Some("END"),
                "mid_year" => out.modifier = Some("MID"),
                _ => {}
            }
            out.val = Val::FromDct {
                gran: Gran::Year,
                offset: 0,
                pod: None,
            };
        }
        "unit_part" => {
            let gran = match key(m.get("unit")?.as_str()).as_str() {
                "week" => Gran::Week,
                "month" => Gran::Month,
                _ => Gran::Year,
            };
            out.modifier = TABLES
                .date_mods
                .get(&key(m.get("part")?.as_str()))
                .map(|m| m.value)
                .filter(|m| !m.is_empty());
            out.val = Val::FromDct {
                gran,
                offset: 0,
                pod: None,
            };
        }
        "the_weekend" => {
            out.val = Val::FromDct {
                gran: Gran::Weekend,
                offset: -1,
                pod: None,
            };
        }
        "clock_date" | "noon_date" => {
            let month = month(m.get("month")?.as_str())?;
            let day = m.num("day")?;
            if day == 0 || day > days_in_month(month) {
                return None;
            }
            let (hour, minute) = clock_or_word(&m)?;
            out.kind = TimexType::Time;
            let suffix = format!("-{month:02}-{day:02}T{hour:02}:{minute:02}");
            out.val = match m.num("year") {
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
        }
        "clock_day" | "noon_day" | "day_clock" => {
            let day = *TABLES.weekdays.get(&key(m.get("weekday")?.as_str()))?;
            let (hour, minute) = clock_or_word(&m)?;
            out.kind = TimexType::Time;
            out.val = Val::Weekday {
                day,
                pick: Pick::Tense,
                pod: Some(format!("{hour:02}:{minute:02}")),
                anchored: false,
            };
        }
        _ => return None,
    }
    Some(out)
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

/// The year of an abbreviated year ('98, '05): '00–'29 are this century's.
fn abbreviated_year(yy: u32) -> u32 {
    if yy < 30 { 2000 + yy } else { 1900 + yy }
}

/// A day of a month: fixed when the year is written, else placed by tense.
fn day_of_month(year: Option<u32>, month: u32, day: u32) -> Val {
    match year {
        Some(year) => Val::Fixed(format!("{year:04}-{month:02}-{day:02}")),
        None => Val::Cyclic {
            suffix: format!("-{month:02}-{day:02}"),
            pick: Pick::Tense,
        },
    }
}

/// The hour and minute of a clock time or of "noon", "midday" (12:00),
/// "midnight" (24:00, the end of the day).
fn clock_or_word(m: &Matches) -> Option<(u32, u32)> {
    match m.get("w") {
        Some(w) if key(w.as_str()) == "midnight" => Some((24, 0)),
        Some(_) => Some((12, 0)),
        None => clock(m),
    }
}

/// The year a spelled-out year names ("nineteen ninety-six" → 1996).
fn spelled_year(words: &str) -> Option<u32> {
    let k = key(words);
    let mut parts = k.split(' ').filter(|w| *w != "and" && *w != "oh");
    let first = parts.next()?;
    let rest: Vec<&str> = parts.collect();
    let value = |ws: &[&str]| -> Option<u32> {
        ws.iter()
            .map(|w| TABLES.numbers.get(*w).copied().flatten())
            .sum::<Option<u32>>()
    };
    if first == "two" {
        // "two thousand [and] one"
        let tail = rest.get(1..).unwrap_or(&[]);
        return Some(2000 + value(tail)?);
    }
    let century = TABLES.numbers.get(first).copied().flatten()?;
    if rest == ["hundred"] {
        return Some(century * 100);
    }
    let y = century * 100 + value(&rest)?;
    (1000..=2099).contains(&y).then_some(y)
}

/// Captures of one match, with offsets shifted into the whole text.
struct Matches<'c, 'h> {
    caps: &'c Captures<'h>,
    base: usize,
}

/// A named group's text and its offsets in the whole text.
struct Group<'h> {
    text: &'h str,
    start: usize,
    end: usize,
}

impl<'h> Group<'h> {
    fn as_str(&self) -> &'h str {
        self.text
    }
    fn start(&self) -> usize {
        self.start
    }
    fn end(&self) -> usize {
        self.end
    }
}

impl<'h> Matches<'_, 'h> {
    fn get(&self, name: &str) -> Option<Group<'h>> {
        let g: Match<'h> = self.caps.name(name)?;
        Some(Group {
            text: g.as_str(),
            start: self.base + g.start(),
            end: self.base + g.end(),
        })
    }

    fn num(&self, name: &str) -> Option<u32> {
        self.get(name)?.as_str().parse().ok()
    }
}

pub(super) fn month(word: &str) -> Option<u32> {
    TABLES
        .months
        .get(&key(word.strip_suffix('.').unwrap_or(word)))
        .copied()
}

const fn days_in_month(month: u32) -> u32 {
    match month {
        2 => 29,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn is_final(word: &str) -> bool {
    matches!(key(word).as_str(), "final" | "last")
}

fn pick_of(rel: &str) -> Pick {
    match key(rel).trim_start_matches("the ") {
        "last" | "past" | "this past" | "previous" | "preceding" => Pick::Last,
        "next" | "coming" | "this coming" | "following" => Pick::Next,
        _ => Pick::This,
    }
}

fn pod(m: &Matches) -> Option<String> {
    m.get("pod")
        .and_then(|p| TABLES.parts_of_day.get(&key(p.as_str())))
        .map(|p| p.to_string())
}

fn unit(word: &str) -> Option<Unit> {
    TABLES.units.get(&key(word)).copied()
}

/// The value of a number: `Some(Some(n))`, `Some(None)` for "several",
/// `None` when it is not a number.
fn amount(word: &str) -> Option<Option<f64>> {
    if word.starts_with(|c: char| c.is_ascii_digit()) {
        // "2,000": thousands separated by commas.
        let plain;
        let word = if word.contains(',') {
            plain = word.replace(',', "");
            plain.as_str()
        } else {
            word
        };
        // "5 1/2": five and a half.
        let (whole, half) = match word.strip_suffix("1/2") {
            Some(rest) => (rest.trim_end(), 0.5),
            None => (word, 0.0),
        };
        return whole
            .parse::<f64>()
            .ok()
            .map(|n| n + half)
            .filter(|n| n.is_finite())
            .map(Some);
    }
    TABLES.numbers.get(&key(word)).map(|n| n.map(f64::from))
}

fn unit_of_gran(gran: Gran) -> Option<Unit> {
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
pub fn duration_value(amount: Option<f64>, unit: Unit) -> String {
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
                let s = format!("{n:.2}");
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

/// Hour and minute from the clock groups, 12-hour times converted.
fn clock(m: &Matches) -> Option<(u32, u32)> {
    // "4.45pm", British style, needs its am/pm or a time zone ("10.15
    // GMT"); else it is a number.
    let (hour, minute, ampm) = if let Some(h) = m.num("hour") {
        (h, m.num("min")?, m.get("ampm"))
    } else if let Some(h) = m.num("hour3") {
        (h, m.num("min3")?, m.get("ampm3"))
    } else if let Some(h) = m.num("hour4") {
        (h, m.num("min4")?, None)
    } else {
        (m.num("hour2")?, 0, m.get("ampm2"))
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

/// The year after a range of days that `after` starts with: 2024 in
/// "-14, 2024" or " and 14, 2024" (after "Dec. 12").
fn range_year(after: &str) -> Option<u32> {
    let after = after.trim_start();
    let rest = after
        .strip_prefix(['-', '–'])
        .or_else(|| after.strip_prefix("and "))
        .or_else(|| after.strip_prefix("or "))?
        .trim_start();
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=2).contains(&digits) {
        return None;
    }
    let rest = rest[digits..].strip_prefix(',').unwrap_or(&rest[digits..]);
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
    }

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
        assert_eq!(duration_value(Some(2.0), Unit::Fortnight), "P4W");
        // Quarters keep their own unit, as TimeBank and HeidelTime write them.
        assert_eq!(duration_value(Some(2.0), Unit::Quarter), "P2Q");
        assert_eq!(duration_value(None, Unit::Quarter), "PXQ");
    }
}
