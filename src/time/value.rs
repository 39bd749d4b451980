//! TIMEX3 values: their precision and the calendar dates bounding them.
//! (Placeholder: the time stage replaces this file.)

use chrono::NaiveDate;

/// How precise a date value is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    /// A time of day.
    Time,
    /// A day.
    Day,
    /// A month.
    Month,
    /// A year.
    Year,
}

impl Precision {
    /// Lower-case label.
    pub const fn as_str(&self) -> &'static str {
        match self {
            Self::Time => "time",
            Self::Day => "day",
            Self::Month => "month",
            Self::Year => "year",
        }
    }
}

/// The first and last day a date value covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bounds {
    /// First day covered.
    pub start: NaiveDate,
    /// Last day covered.
    pub end: NaiveDate,
    /// Precision of the value.
    pub precision: Precision,
}

/// Bounds of a TIMEX3 date value, or None for durations and references.
pub fn bounds(value: &str) -> Option<Bounds> {
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
    let parts: Vec<&str> = value.split('-').collect();
    let year: i32 = parts.first()?.parse().ok()?;
    match parts.len() {
        1 => Some(Bounds {
            start: day(year, 1, 1)?,
            end: day(year, 12, 31)?,
            precision: Precision::Year,
        }),
        2 => {
            let month: u32 = parts[1].parse().ok()?;
            let start = day(year, month, 1)?;
            let next = if month == 12 {
                day(year + 1, 1, 1)?
            } else {
                day(year, month + 1, 1)?
            };
            Some(Bounds {
                start,
                end: next.pred_opt()?,
                precision: Precision::Month,
            })
        }
        _ => {
            let month: u32 = parts[1].parse().ok()?;
            let d: u32 = parts[2].get(..2)?.parse().ok()?;
            let date = day(year, month, d)?;
            Some(Bounds {
                start: date,
                end: date,
                precision: Precision::Day,
            })
        }
    }
}
