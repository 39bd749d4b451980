//! Finding a document's creation time (publication date) in its text or
//! metadata: a leading `date 2023-01-24` header line, or a dateline near the
//! top such as `Published: January 24, 2023`.

use std::ops::Range;
use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use crate::document::DctSource;

use super::IngestOptions;

/// How many non-empty lines from the top may hold a dateline.
const DATELINE_MAX_LINES: usize = 15;
/// How far (in bytes) from the top a dateline may start.
const DATELINE_MAX_OFFSET: usize = 1500;

/// Month names and abbreviations, case-insensitive (`Jan`, `Sept.`, `MARCH`).
const MONTH: &str = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?";

/// `January 24, 2023`, `Jan. 24th 2023`.
static MONTH_DAY_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b{MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b"
    ))
    .expect("valid regex")
});

/// `24 January 2023`, `24th of Jan. 2023`.
static DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH},?\s+(\d{{4}})\b"
    ))
    .expect("valid regex")
});

/// `2023-01-24` (also the date part of `2023-01-24T12:26:00Z`).
static ISO_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{4})-(\d{2})-(\d{2})").expect("valid regex"));

/// A leading header line: `date 2023-01-24 ...` (the whole line is metadata).
static HEADER_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\A\s*date:?[ \t]+(\d{4})-(\d{2})-(\d{2})(?:[^\d\n][^\n]*)?(?:\n|\z)")
        .expect("valid regex")
});

/// A line labelled with the publication date.
static PUBLISHED_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[\W_]*(?:(?:first|originally)\s+)?(?:published|posted|released)\b")
        .expect("valid regex")
});

/// A line labelled with a later revision date.
static UPDATED_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[\W_]*(?:last\s+)?(?:updated|modified)\b").expect("valid regex")
});

/// A byline: `By Jane Doe | Jan. 24, 2023`.
static BYLINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^[\W_]*by\s+\S").expect("valid regex"));

/// How a byline's name is separated from its date: `|`, a comma, a dash, `on`.
static BYLINE_SEPARATOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:[|,·•/–—-]|\s-|\bon|\bupdated|\bpublished)\s*$").expect("valid regex")
});

/// An optional weekday before a date standing alone on its line.
static WEEKDAY_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:mon|tue|tues|wed|wednes|thu|thur|thurs|fri|sat|satur|sun)(?:day)?\b\.?,?\s*",
    )
    .expect("valid regex")
});

/// What may follow a date standing alone on its line: a time, a zone.
static TRAILING_TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:[\s,|/·•–—-]*(?:at\s+)?\d{1,2}(?::\d{2}(?::\d{2})?)?\s*(?:am|pm|a\.m\.|p\.m\.)?(?:\s*\(?[a-z]{2,5}\)?)?)?[\s.]*$",
    )
    .expect("valid regex")
});

/// A news-agency dateline with a place first: `NEW YORK, March 3, 2021 (Reuters) -`.
static PLACE_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*\p{Lu}[\p{L} .'’-]{0,40}(?:,\s*\p{L}[\p{L} .]{0,30})?,\s*$")
        .expect("valid regex")
});

/// What follows the date of a place dateline: an agency, then a dash or slash.
static PLACE_SUFFIX: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:\([^)]{1,40}\)\s*)?(?:[-–—/]|$)").expect("valid regex"));

/// Chooses a document's DCT: the `--dct` option, then the format's metadata,
/// then a header line or a dateline in the text.
pub(crate) fn resolve(
    options: &IngestOptions,
    metadata: Option<NaiveDate>,
    text: &str,
) -> Option<(NaiveDate, DctSource)> {
    if let Some(date) = options.dct {
        return Some((date, DctSource::Option));
    }
    if let Some(date) = metadata {
        return Some((date, DctSource::Metadata));
    }
    detect(text)
}

/// Finds the DCT in the text alone: a leading header line, else a dateline.
pub(crate) fn detect(text: &str) -> Option<(NaiveDate, DctSource)> {
    if let Some(date) = header_date(text) {
        return Some((date, DctSource::Header));
    }
    dateline_date(text).map(|date| (date, DctSource::Dateline))
}

/// The byte range of a leading `date YYYY-MM-DD ...` header line (with its
/// line break), whether or not the date is a real calendar date.
pub(crate) fn header_line(text: &str) -> Option<Range<usize>> {
    HEADER_LINE.find(text).map(|found| found.range())
}

/// The date of a leading `date YYYY-MM-DD` header line.
pub(crate) fn header_date(text: &str) -> Option<NaiveDate> {
    let caps = HEADER_LINE.captures(text)?;
    ymd(&caps[1], &caps[2], &caps[3])
}

/// The date of a metadata value: an ISO date or datetime
/// (`2023-01-24`, `2023-01-24T12:26:00Z`), or a written date
/// (`January 24, 2023`).
pub(crate) fn parse_date_value(value: &str) -> Option<NaiveDate> {
    let value = value.trim();
    if let Some(caps) = ISO_DATE.captures(value)
        && caps.get(0).is_some_and(|m| m.start() == 0)
        && !value[caps[0].len()..].starts_with(|c: char| c.is_ascii_digit())
    {
        return ymd(&caps[1], &caps[2], &caps[3]);
    }
    find_date(value).map(|(date, _)| date)
}

/// Finds a publication dateline near the top of the text. A `Published`
/// label wins; then a byline, a date alone on its line, or a place dateline
/// with a year, whichever comes first; an `Updated` date only when nothing
/// else is there.
pub(crate) fn dateline_date(text: &str) -> Option<NaiveDate> {
    let mut other = None;
    let mut updated = None;
    for line in top_lines(text) {
        if PUBLISHED_LABEL.is_match(line) {
            if let Some((date, _)) = find_date(line) {
                return Some(date);
            }
        } else if UPDATED_LABEL.is_match(line) {
            if updated.is_none() {
                updated = find_date(line).map(|(date, _)| date);
            }
        } else if other.is_none() {
            other = other_dateline(line);
        }
    }
    other.or(updated)
}

/// The non-empty lines where a dateline may stand.
fn top_lines(text: &str) -> impl Iterator<Item = &str> {
    let mut offset = 0;
    text.split('\n')
        .map(move |line| {
            let start = offset;
            offset += line.len() + 1;
            (start, line.trim())
        })
        .take_while(|(start, _)| *start < DATELINE_MAX_OFFSET)
        .filter(|(_, line)| !line.is_empty())
        .take(DATELINE_MAX_LINES)
        .map(|(_, line)| line)
}

/// A dateline that is not labelled: a byline with a date, a date alone on
/// its line (perhaps with a weekday and a time), or `PLACE, DATE (Agency) -`.
fn other_dateline(line: &str) -> Option<NaiveDate> {
    let (date, range) = find_date(line)?;
    let before = &line[..range.start];
    let after = &line[range.end..];
    if BYLINE.is_match(line) && BYLINE_SEPARATOR.is_match(before) && TRAILING_TIME.is_match(after) {
        return Some(date);
    }
    let before_is_weekday = before.is_empty()
        || WEEKDAY_PREFIX
            .find(before)
            .is_some_and(|m| m.end() == before.len());
    if before_is_weekday && TRAILING_TIME.is_match(after) {
        return Some(date);
    }
    if PLACE_PREFIX.is_match(before) && PLACE_SUFFIX.is_match(after) {
        return Some(date);
    }
    None
}

/// The first full date (with a year) in `s`, and where it stands.
fn find_date(s: &str) -> Option<(NaiveDate, Range<usize>)> {
    let month_first = MONTH_DAY_YEAR.captures_iter(s).find_map(|caps| {
        let date = month_day_year(&caps[1], &caps[2], &caps[3])?;
        Some((date, caps.get(0)?.range()))
    });
    let day_first = DAY_MONTH_YEAR.captures_iter(s).find_map(|caps| {
        let date = month_day_year(&caps[2], &caps[1], &caps[3])?;
        Some((date, caps.get(0)?.range()))
    });
    let iso = ISO_DATE.captures_iter(s).find_map(|caps| {
        let range = caps.get(0)?.range();
        if s[range.end..].starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        Some((ymd(&caps[1], &caps[2], &caps[3])?, range))
    });
    [month_first, day_first, iso]
        .into_iter()
        .flatten()
        .min_by_key(|(_, range)| range.start)
}

/// A date from a month name, a day and a year, if it exists.
fn month_day_year(month: &str, day: &str, year: &str) -> Option<NaiveDate> {
    let month = month_number(month)?;
    NaiveDate::from_ymd_opt(year.parse().ok()?, month, day.parse().ok()?)
}

/// A date from numeric year, month and day, if it exists.
fn ymd(year: &str, month: &str, day: &str) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
}

/// The number (1-12) of a month name or abbreviation.
fn month_number(name: &str) -> Option<u32> {
    let prefix: String = name.chars().take(3).collect::<String>().to_lowercase();
    let number = match prefix.as_str() {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some(number)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn published_label_forms() {
        let cases = [
            "Published: JANUARY 24, 2023 12:26",
            "Published on 24 January 2023",
            "Published 24th of Jan. 2023, 9:00 GMT",
            "First published on Tue 24 Jan 2023 08.00 GMT",
            "Posted: jan 24, 2023",
        ];
        for line in cases {
            let text = format!("Some Headline\n{line}\n\nBody text here.");
            assert_eq!(dateline_date(&text), date(2023, 1, 24), "{line}");
        }
    }

    #[test]
    fn published_beats_updated_and_updated_is_a_fallback() {
        let both = "Title\nUpdated: Feb. 2, 2023\nPublished: Jan. 24, 2023\n\nBody.";
        assert_eq!(dateline_date(both), date(2023, 1, 24));
        let only_updated = "Title\nLast updated: February 2, 2023 at 10:00\n\nBody.";
        assert_eq!(dateline_date(only_updated), date(2023, 2, 2));
        let alone_and_updated = "Title\nUpdated: Feb. 2, 2023\nJanuary 24, 2023\n\nBody.";
        assert_eq!(dateline_date(alone_and_updated), date(2023, 1, 24));
    }

    #[test]
    fn byline_alone_and_iso_forms() {
        assert_eq!(
            dateline_date("Title\nBy Jane Doe | Jan. 24, 2023\n\nBody."),
            date(2023, 1, 24)
        );
        assert_eq!(
            dateline_date("Title\n\nJanuary 24, 2023\n\nBody."),
            date(2023, 1, 24)
        );
        assert_eq!(
            dateline_date("Title\nTuesday, Sept. 5, 2023 at 3:15 p.m. EDT\nBody."),
            date(2023, 9, 5)
        );
        assert_eq!(
            dateline_date("Title\n  2023-01-24  \nBody."),
            date(2023, 1, 24)
        );
    }

    #[test]
    fn a_sentence_starting_with_by_is_not_a_byline() {
        let text = "Title\nBy March 3, 2021 the plant had closed.\n\nMore.";
        assert_eq!(dateline_date(text), None);
        let byline = "Title\nBy Jane Doe, Reuters · Published on March 3, 2021 10:00 AM ET\n";
        assert_eq!(dateline_date(byline), date(2021, 3, 3));
        let comma = "Title\nBy Jane Doe, March 3, 2021\n";
        assert_eq!(dateline_date(comma), date(2021, 3, 3));
    }

    #[test]
    fn place_dateline_needs_a_year() {
        let with_year = "Title\nWASHINGTON, Jan 24, 2023 (Reuters) - The Senate voted.";
        assert_eq!(dateline_date(with_year), date(2023, 1, 24));
        let pr = "Title\nNEW YORK, March 3, 2021 /PRNewswire/ -- Acme said.";
        assert_eq!(dateline_date(pr), date(2021, 3, 3));
        let no_year = "Title\nWASHINGTON, Jan 24 (Reuters) - The Senate voted on 2023 plans.";
        assert_eq!(dateline_date(no_year), None);
    }

    #[test]
    fn dates_inside_sentences_or_deep_in_the_text_are_not_datelines() {
        let in_sentence = "Title\nThe meeting on January 24, 2023 was long.\n\nMore.";
        assert_eq!(dateline_date(in_sentence), None);
        let mut deep = String::from("Title\n");
        for i in 0..20 {
            deep.push_str(&format!("Paragraph {i} of the story goes on.\n\n"));
        }
        deep.push_str("January 24, 2023\n");
        assert_eq!(dateline_date(&deep), None);
        let far = format!("Title\n{}\nPublished: January 24, 2023\n", "x".repeat(2000));
        assert_eq!(dateline_date(&far), None);
    }

    #[test]
    fn impossible_dates_are_ignored() {
        assert_eq!(dateline_date("Title\nFebruary 30, 2023\nBody."), None);
        assert_eq!(dateline_date("Title\n2023-13-01\nBody."), None);
    }

    #[test]
    fn header_line_gives_the_date_and_its_extent() {
        let text = "  date 2023-01-24 | example.com | World\nHeadline\n";
        assert_eq!(header_date(text), date(2023, 1, 24));
        assert_eq!(header_line(text), Some(0..40));
        assert_eq!(
            detect(text),
            Some((
                NaiveDate::from_ymd_opt(2023, 1, 24).unwrap(),
                DctSource::Header
            ))
        );
        assert_eq!(header_date("Headline\ndate 2023-01-24\n"), None);
        assert_eq!(header_date("dated 2023-01-24\n"), None);
    }

    #[test]
    fn date_values_from_metadata() {
        assert_eq!(parse_date_value("2023-01-24"), date(2023, 1, 24));
        assert_eq!(
            parse_date_value("2023-01-24T23:30:00-05:00"),
            date(2023, 1, 24)
        );
        assert_eq!(parse_date_value(" January 24, 2023 "), date(2023, 1, 24));
        assert_eq!(parse_date_value("yesterday"), None);
        assert_eq!(parse_date_value("2023-01-245"), None);
    }

    #[test]
    fn option_beats_metadata_beats_text() {
        let text = "date 2023-01-24\nTitle\n";
        let given = NaiveDate::from_ymd_opt(2020, 5, 1).unwrap();
        let meta = NaiveDate::from_ymd_opt(2021, 6, 2).unwrap();
        let with_option = IngestOptions { dct: Some(given) };
        assert_eq!(
            resolve(&with_option, Some(meta), text),
            Some((given, DctSource::Option))
        );
        let none = IngestOptions::default();
        assert_eq!(
            resolve(&none, Some(meta), text),
            Some((meta, DctSource::Metadata))
        );
        assert_eq!(
            resolve(&none, None, text).map(|(_, s)| s),
            Some(DctSource::Header)
        );
    }
}
