//! Turning a rule match into a candidate: its kind and a value that is either
//! final (`2018-02`, `P2D`) or a placeholder to resolve against the document
//! date or the time the text is talking about (see `anchor`). Each rule of
//! `data/lexicon/time/patterns.txt` has a normalizer of the same name, kept
//! with its family: dates with a month (`calendar`), years, decades and
//! centuries (`years`), quarters, halves and seasons (`periods`), dates
//! counted from another (`relative`), times of day (`clocks`), and lengths
//! and repetitions (`lengths`).

mod calendar;
mod clocks;
mod lengths;
mod periods;
mod relative;
mod years;

use std::borrow::Cow;

use regex::{Captures, Match};

use super::guards::{glued_to_number, previous_word};
use super::lexicon::{TABLES, Unit, key};
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
    /// The nearest, ties to the past, or the next one when the sentence
    /// looks forward: a weekday naming a scheduled event after "before" or
    /// "for" ("a final push before Tuesday's election", "tickets for
    /// Sunday's game"), which a past verb does not place.
    Closest,
    /// Decided by the tense of the sentence.
    Tense,
    /// Decided by the tense, and without a cue the next one (or one ended
    /// in the last two months): a month naming a scheduled event ("the
    /// November election"); a weekday owning one ("in Sunday's debate")
    /// is then the nearest.
    TenseAhead,
    /// The latest that started at most four months before the document
    /// date, else the next one, whatever the tense: the month data are for
    /// ("inflation figures for April").
    Reported,
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
        /// `12-25`, `11-4-4`, `easter-2` ... (built for "the first Tuesday
        /// in November": `11-1-2`).
        rule: Cow<'static, str>,
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
    /// "For the year", "the full year" in results reporting: the DCT's
    /// year, or the year just ended when early in a year the text reports
    /// on a quarter or half of it ("fourth-quarter profit ... for the full
    /// year" in February).
    ReportingYear,
    /// "The weekend": the one just past, or the one ahead when the sentence
    /// looks forward ("by the weekend"). `set_for` ("warnings for the
    /// weekend") names the weekend something is set for: the closest one.
    TheWeekend {
        /// True after "for".
        set_for: bool,
    },
    /// "The week of March 6": the ISO week holding the day.
    WeekOf(Box<Val>),
    /// "That night", "the next morning": the day of `day` with a part of
    /// day code (`NI`, `MO` ...).
    PartOfDay {
        /// The day.
        day: Box<Val>,
        /// Part of day code.
        pod: &'static str,
    },
    /// "On the 15th": a day of the month the text talks about, or of the
    /// DCT's month (or the one the tense points to).
    MonthDay(u32),
    /// "The second Thursday of the month": the n-th weekday of the month
    /// named earlier in the sentence, or of the DCT's month.
    NthWeekday {
        /// `1` to `5`, or `L` for the last.
        nth: String,
        /// ISO weekday number, Monday = 1.
        day: u32,
    },
    /// A part of a day with no day of its own ("in the morning", "by late
    /// afternoon"): the day comes from the sentence or the document date,
    /// as for a clock time.
    DayPart {
        /// Part of day code (`MO`, `AF`, `EV`, `NI`).
        pod: &'static str,
    },
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
        if let Val::WeekOf(day) | Val::PartOfDay { day, .. } = self {
            return day.needs_tense();
        }
        matches!(
            self,
            Val::Cyclic {
                pick: Pick::Tense | Pick::TenseAhead,
                ..
            } | Val::Weekday {
                pick: Pick::Tense | Pick::TenseAhead | Pick::Closest,
                ..
            } | Val::Holiday {
                pick: Pick::Tense,
                ..
            } | Val::RefCyclic {
                pick: Pick::This,
                ..
            } | Val::MonthDay(_)
                | Val::TheWeekend { .. }
                | Val::ReportingYear
                | Val::Clock { .. }
                | Val::DayPart { .. }
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
    /// TIMEX3 quant of a SET (`EVERY`, `EACH`).
    pub quant: Option<&'static str>,
    /// TIMEX3 freq of a SET (`2X`, `4D`).
    pub freq: Option<String>,
    /// Position of the rule in `patterns.txt` (lower wins ties).
    pub priority: usize,
}

/// A rule's normalizer: the candidate for one match, or `None` when the
/// rule's guards reject it.
type Normalizer = fn(&Hit, Candidate) -> Option<Candidate>;

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
    let normalize: Normalizer = match name {
        "date_full" | "date_dmy" | "date_iso" | "date_slash" | "date_ymd_slash" | "date_dotted"
        | "date_dash_month" => calendar::full_date,
        "date_md" | "date_dm" => calendar::month_day,
        "day_range" => calendar::day_range,
        "week_of" => calendar::week_of,
        "week_nth" => calendar::week_nth,
        "day_ordinal" => calendar::day_ordinal,
        "date_my" => calendar::date_my,
        "month_attr" | "month_poss" => calendar::month_attr,
        "month_cued" => calendar::month_cued,
        "decade" | "decade_words" => years::decade,
        "century" => years::century,
        "quarter" => periods::quarter,
        "quarter_q" | "quarter_short" => periods::quarter_q,
        "quarter_q_cued" => periods::quarter_q_cued,
        "fiscal_year" => years::fiscal_year,
        "season_year" => periods::season_year,
        "holiday" => calendar::holiday,
        "weekday_nth" => calendar::weekday_nth,
        "season_bare" => periods::season_bare,
        "cyclic_ref" => periods::cyclic_ref,
        "season_rel" => periods::season_rel,
        "year_cued" | "year_event" => years::year_cued,
        "year_abbrev" => years::year_abbrev,
        "year_range" => years::year_range,
        "day_word" => relative::day_word,
        "pod_rel" => relative::pod_rel,
        "pod_mid" => relative::pod_mid,
        "pod_in" => relative::pod_in,
        "rel_unit" => relative::rel_unit,
        "this_time" => relative::this_time,
        "ref_pod" => relative::ref_pod,
        "ref_unit" => relative::ref_unit,
        "num_shift" => relative::num_shift,
        "duration" => lengths::length,
        "duration_range" => lengths::length_range,
        "half" => lengths::half_unit,
        "quarter_century" => lengths::quarter_century,
        "weekday" => relative::weekday,
        "clock" => clocks::clock_time,
        "oclock" | "hour_pod" => clocks::oclock,
        "noon" => clocks::noon,
        "set_every" => lengths::set_every,
        "set_per" => lengths::set_per,
        "set_count_per" => lengths::set_count_per,
        "day_of_each_month" => lengths::day_of_each_month,
        "set_per_unit" => lengths::set_per_unit,
        "set_word" => lengths::set_word,
        "weekends" => lengths::weekends,
        "ref_word" => relative::ref_word,
        "year_bare" => years::year_bare,
        "long_adj" => lengths::long_adj,
        "vague_ahead" => lengths::vague_ahead,
        "vague_plural" => lengths::vague_plural,
        "bare_plural" => lengths::bare_plural,
        "quarter_the" => periods::quarter_the,
        "quarter_year" => periods::quarter_year,
        "quarter_month" => periods::quarter_month,
        "season_of_year" => periods::season_of_year,
        "month_of_year" => calendar::month_of_year,
        "year_spelled" => years::year_spelled,
        "month_rel_year" => calendar::month_rel_year,
        "year_period" => years::year_period,
        "year_ended" => years::year_ended,
        "year_this" => years::year_this,
        "year_back_adj" => years::year_back_adj,
        "year_end" | "mid_year" | "full_year" => years::year_part,
        "unit_part" => relative::unit_part,
        "the_weekend" => relative::the_weekend,
        "clock_date" | "noon_date" => clocks::clock_date,
        "clock_day" | "noon_day" | "day_clock" => clocks::clock_day,
        _ => return None,
    };
    let hit = Hit {
        name,
        caps,
        base,
        text,
    };
    normalize(
        &hit,
        Candidate {
            span,
            kind: TimexType::Date,
            val: Val::Fixed(String::new()),
            modifier: None,
            quant: None,
            freq: None,
            priority,
        },
    )
}

/// One match of a rule: the rule's name, its captures (their offsets
/// shifted into the whole text by `base`) and the whole text.
struct Hit<'a, 'h> {
    name: &'a str,
    caps: &'a Captures<'h>,
    base: usize,
    text: &'a str,
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

impl<'h> Hit<'_, 'h> {
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

/// Where the word "the" right before `at` starts, if it stands there (the
/// rules that start at their rarest word leave it out of the match).
fn start_of_the(text: &str, at: usize) -> Option<usize> {
    let word = previous_word(text, at);
    let before = text[..at].trim_end();
    (word.eq_ignore_ascii_case("the") && before.ends_with(word)).then(|| before.len() - 3)
}

/// The month and day of a match's `month` and `day` groups, when that day
/// exists in that month (in some year: February 29 counts).
fn month_and_day(hit: &Hit) -> Option<(u32, u32)> {
    let month = month(hit.get("month")?.as_str())?;
    let day = hit.num("day")?;
    (1..=days_in_month(month))
        .contains(&day)
        .then_some((month, day))
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

/// The value of a month, day or season of a year named after it: "of last
/// year", "of next year", "of this year" count from the DCT; "of that year",
/// "of the same year" are the year the text talks about. `suffix` follows the
/// year ("-06-03", "-SU").
fn of_named_year(rel: &str, suffix: String) -> Val {
    match key(rel).as_str() {
        "last" => Val::DctYear { offset: -1, suffix },
        "next" => Val::DctYear { offset: 1, suffix },
        "this" => Val::DctYear { offset: 0, suffix },
        _ => Val::RefCyclic {
            suffix,
            pick: Pick::This,
        },
    }
}

/// A holiday rule's value: the day itself when a year is written ("Easter
/// 1998"), else the rule, placed by `pick` against the DCT.
fn holiday_val(rule: Cow<'static, str>, year: Option<u32>, pick: Pick) -> Option<Val> {
    Some(match year {
        Some(year) => Val::Fixed(
            crate::time::anchor::holiday(i32::try_from(year).ok()?, &rule)?
                .format("%Y-%m-%d")
                .to_string(),
        ),
        None => Val::Holiday { rule, pick },
    })
}

fn pick_of(rel: &str) -> Pick {
    match key(rel).trim_start_matches("the ") {
        "last" | "past" | "this past" | "previous" | "preceding" => Pick::Last,
        "next" | "coming" | "this coming" | "following" => Pick::Next,
        _ => Pick::This,
    }
}

fn pod(hit: &Hit) -> Option<String> {
    hit.get("pod")
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

/// The year a match writes: its `yy` group as an abbreviated year ("'69",
/// "4Q23"), else its `year` group.
fn written_year(hit: &Hit) -> Option<u32> {
    match hit.num("yy") {
        Some(yy) => Some(abbreviated_year(yy)),
        None => hit.num("year"),
    }
}

/// The year of an abbreviated year ('98, '05): '00–'29 are this century's.
fn abbreviated_year(yy: u32) -> u32 {
    if yy < 30 { 2000 + yy } else { 1900 + yy }
}
