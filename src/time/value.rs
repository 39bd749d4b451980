//! TIMEX3 date values as calendar intervals: `2018-02` → February 2018.

use chrono::{Datelike, NaiveDate, Weekday};

/// How fine a date value is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    /// A time of day on a known date (`2018-02-14T10:30`, `2023-01-24TMO`).
    Time,
    /// A calendar day.
    Day,
    /// An ISO week (or its weekend).
    Week,
    /// A calendar month.
    Month,
    /// A season of three months.
    Season,
    /// A quarter of a year.
    Quarter,
    /// A half of a year.
    Half,
    /// A calendar year.
    Year,
    /// A decade (`199` is the 1990s).
    Decade,
    /// A century (`20` is 2000–2099).
    Century,
}

impl Precision {
    /// Lower-case name used in exports: `"day"`, `"month"`, ...
    pub const fn as_str(&self) -> &'static str {
        match self {
            Self::Time => "time",
            Self::Day => "day",
            Self::Week => "week",
            Self::Month => "month",
            Self::Season => "season",
            Self::Quarter => "quarter",
            Self::Half => "half",
            Self::Year => "year",
            Self::Decade => "decade",
            Self::Century => "century",
        }
    }
}

/// The first and last day (both inclusive) covered by a date value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bounds {
    /// First day covered.
    pub start: NaiveDate,
    /// Last day covered.
    pub end: NaiveDate,
    /// How fine the value is.
    pub precision: Precision,
}

/// A duration counted in one unit, as whole units ("P9M", "PT24H"): the
/// count, the unit letter and whether it is in the time part (after "T").
/// `None` for anything else ("PXY", "P1Y6M", "P1.5W").
pub fn single_unit_duration(value: &str) -> Option<(u64, char, bool)> {
    let rest = value.strip_prefix('P')?;
    let (rest, time) = match rest.strip_prefix('T') {
        Some(r) => (r, true),
        None => (rest, false),
    };
    let (at, unit) = rest.char_indices().last()?;
    Some((rest[..at].parse().ok()?, unit, time))
}

/// Maps a TIMEX3 date value to the days bounding it.
///
/// Handles `2018-02-14T10:30`, `2020-11-27`, `2018-W07`, `2018-W07-WE`,
/// `2018-02`, `2018-SU`, `2018-Q1`, `2018-H1`, `2018`, `199` (decade) and
/// `20` (century). Returns `None` for durations (`P2D`), references
/// (`PRESENT_REF`), values with unknown parts (`XXXX-02`) and anything else.
pub fn bounds(value: &str) -> Option<Bounds> {
    if !value.is_ascii() || value.contains('X') {
        return None;
    }
    let (date, time) = match value.split_once('T') {
        Some((d, t)) if !t.is_empty() => (d, Some(t)),
        Some(_) => return None,
        None => (value, None),
    };
    let mut parts = date.split('-');
    let head = parts.next()?;
    if !head.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let rest: Vec<&str> = parts.collect();
    let out = match (head.len(), rest.as_slice()) {
        (2, []) => {
            let c: i32 = head.parse().ok()?;
            span(c * 100, 1, 1, c * 100 + 99, 12, 31, Precision::Century)
        }
        (3, []) => {
            let d: i32 = head.parse().ok()?;
            span(d * 10, 1, 1, d * 10 + 9, 12, 31, Precision::Decade)
        }
        (4, []) => {
            let y: i32 = head.parse().ok()?;
            span(y, 1, 1, y, 12, 31, Precision::Year)
        }
        (4, [second, tail @ ..]) => {
            let y: i32 = head.parse().ok()?;
            period(y, second, tail)?
        }
        _ => return None,
    };
    match time {
        None => Some(out),
        Some(t) if out.precision == Precision::Day && valid_time(t) => Some(Bounds {
            precision: Precision::Time,
            ..out
        }),
        Some(_) => None,
    }
}

/// The part of a value after the year: month, week, season, quarter, half.
fn period(y: i32, second: &str, tail: &[&str]) -> Option<Bounds> {
    match (second.as_bytes(), tail) {
        ([b'W', d, ..], _) if d.is_ascii_digit() => {
            let w: u32 = second[1..].parse().ok()?;
            let monday = NaiveDate::from_isoywd_opt(y, w, Weekday::Mon)?;
            match tail {
                [] => Some(Bounds {
                    start: monday,
                    end: monday + chrono::Days::new(6),
                    precision: Precision::Week,
                }),
                ["WE"] => Some(Bounds {
                    start: monday + chrono::Days::new(5),
                    end: monday + chrono::Days::new(6),
                    precision: Precision::Week,
                }),
                [d] if d.len() == 1 => {
                    let n: u64 = d.parse().ok()?;
                    if !(1..=7).contains(&n) {
                        return None;
                    }
                    let day = monday + chrono::Days::new(n - 1);
                    Some(Bounds {
                        start: day,
                        end: day,
                        precision: Precision::Day,
                    })
                }
                _ => None,
            }
        }
        ([b'Q', q], []) => {
            let q = u32::from(q.checked_sub(b'0')?);
            if !(1..=4).contains(&q) {
                return None;
            }
            let m = 3 * q - 2;
            Some(Bounds {
                start: NaiveDate::from_ymd_opt(y, m, 1)?,
                end: month_end(y, m + 2)?,
                precision: Precision::Quarter,
            })
        }
        ([b'H', h], []) => match h {
            b'1' => span(y, 1, 1, y, 6, 30, Precision::Half),
            b'2' => span(y, 7, 1, y, 12, 31, Precision::Half),
            _ => return None,
        }
        .into(),
        (b"SP", []) => span(y, 3, 1, y, 5, 31, Precision::Season).into(),
        (b"SU", []) => span(y, 6, 1, y, 8, 31, Precision::Season).into(),
        (b"FA", []) => span(y, 9, 1, y, 11, 30, Precision::Season).into(),
        (b"WI", []) => Some(Bounds {
            start: NaiveDate::from_ymd_opt(y, 12, 1)?,
            end: month_end(y + 1, 2)?,
            precision: Precision::Season,
        }),
        (m, _) if m.len() == 2 && m.iter().all(u8::is_ascii_digit) => {
            let m: u32 = second.parse().ok()?;
            match tail {
                [] => Some(Bounds {
                    start: NaiveDate::from_ymd_opt(y, m, 1)?,
                    end: month_end(y, m)?,
                    precision: Precision::Month,
                }),
                [d] if d.len() == 2 => {
                    let day = NaiveDate::from_ymd_opt(y, m, d.parse().ok()?)?;
                    Some(Bounds {
                        start: day,
                        end: day,
                        precision: Precision::Day,
                    })
                }
                _ => None,
            }
        }
        _ => None,
    }
}

/// Bounds from two (year, month, day) triples that are known to be valid.
fn span(y1: i32, m1: u32, d1: u32, y2: i32, m2: u32, d2: u32, precision: Precision) -> Bounds {
    let min = NaiveDate::MIN;
    Bounds {
        start: NaiveDate::from_ymd_opt(y1, m1, d1).unwrap_or(min),
        end: NaiveDate::from_ymd_opt(y2, m2, d2).unwrap_or(min),
        precision,
    }
}

/// The last day of a month.
fn month_end(y: i32, m: u32) -> Option<NaiveDate> {
    let first = NaiveDate::from_ymd_opt(y, m, 1)?;
    let next = first.checked_add_months(chrono::Months::new(1))?;
    next.pred_opt().filter(|d| d.month() == m)
}

/// True for `HH:MM`, `HH:MM:SS` or a part of day (`MO`, `AF`, `EV`, `NI`).
fn valid_time(t: &str) -> bool {
    if matches!(t, "MO" | "AF" | "EV" | "NI" | "DT") {
        return true;
    }
    let mut fields = t.split(':');
    let ok = |f: Option<&str>, max: u32| {
        f.is_some_and(|f| f.len() == 2 && f.parse::<u32>().is_ok_and(|n| n <= max))
    };
    ok(fields.next(), 24) && ok(fields.next(), 59) && fields.next().is_none_or(|s| ok(Some(s), 60))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(value: &str, start: &str, end: &str, precision: Precision) {
        let b = bounds(value).unwrap_or_else(|| panic!("no bounds for {value}"));
        assert_eq!(b.start.to_string(), start, "{value}");
        assert_eq!(b.end.to_string(), end, "{value}");
        assert_eq!(b.precision, precision, "{value}");
    }

    #[test]
    fn bounds_of_every_granularity() {
        check("2018-02", "2018-02-01", "2018-02-28", Precision::Month);
        check("2020-02", "2020-02-01", "2020-02-29", Precision::Month);
        check("2018-12", "2018-12-01", "2018-12-31", Precision::Month);
        check("2018", "2018-01-01", "2018-12-31", Precision::Year);
        check("199", "1990-01-01", "1999-12-31", Precision::Decade);
        check("20", "2000-01-01", "2099-12-31", Precision::Century);
        check("2018-Q1", "2018-01-01", "2018-03-31", Precision::Quarter);
        check("2018-Q4", "2018-10-01", "2018-12-31", Precision::Quarter);
        check("2018-W07", "2018-02-12", "2018-02-18", Precision::Week);
        check("2023-W03-WE", "2023-01-21", "2023-01-22", Precision::Week);
        check("2018-SU", "2018-06-01", "2018-08-31", Precision::Season);
        check("2018-SP", "2018-03-01", "2018-05-31", Precision::Season);
        check("2018-FA", "2018-09-01", "2018-11-30", Precision::Season);
        check("2019-WI", "2019-12-01", "2020-02-29", Precision::Season);
        check("2018-H1", "2018-01-01", "2018-06-30", Precision::Half);
        check("2018-H2", "2018-07-01", "2018-12-31", Precision::Half);
        check(
            "2018-02-14T10:30",
            "2018-02-14",
            "2018-02-14",
            Precision::Time,
        );
        check("2023-01-24TMO", "2023-01-24", "2023-01-24", Precision::Time);
        check("2020-11-27", "2020-11-27", "2020-11-27", Precision::Day);
        assert_eq!(Precision::Day.as_str(), "day");
    }

    #[test]
    fn no_bounds_for_non_dates() {
        for v in [
            "P2D",
            "PT24H",
            "PRESENT_REF",
            "PAST_REF",
            "XXXX-02",
            "XXXX",
            "2018-13",
            "2018-02-30",
            "2018-Q5",
            "2018-W60",
            "",
            "T10:30",
            "2018-02-14T25:00",
            "2018-XX",
            "99999999999999999999",
            "2018-02-14T",
            "é",
            "2018-W07-9",
            "1",
        ] {
            assert_eq!(bounds(v), None, "{v}");
        }
    }
}
