//! Normalizers of quarters, halves and seasons.

use super::{
    Candidate, Gran, Hit, Pick, Val, is_final, month, of_named_year, pick_of, start_of_the,
    written_year,
};
use crate::annotation::Span;
use crate::time::guards::{may_the_person, next_word, preceded_by};
use crate::time::lexicon::{TABLES, key};

/// The candidate for a match of:
/// - `quarter`: the first quarter of 2018 / the second half of last year / the
///   third quarter / the year-earlier third quarter
pub(super) fn quarter(hit: &Hit, mut out: Candidate) -> Option<Candidate> {
    let (letter, n) = part_of_year(hit)?;
    let half = letter == 'H';
    let suffix = format!("-{letter}{n}");
    if let Some(year) = hit.num("year") {
        out.val = Val::Fixed(format!("{year:04}{suffix}"));
    } else if hit.get("back").is_some() {
        out.val = Val::DctYear { offset: -1, suffix };
    } else if let Some(rel) = hit.get("rel") {
        let offset = match key(rel.as_str()).as_str() {
            "last" => -1,
            "next" => 1,
            _ => 0,
        };
        out.val = Val::DctYear { offset, suffix };
    } else if hit.get("q").is_some_and(|q| is_final(q.as_str())) {
        return None;
    } else if half {
        // "profit for the first half": the half of the year the tense
        // places; "a second half", "the 2nd half" (as sport writes it) or
        // "the second half of the decade" is no half of a year (a game's
        // is left out by the game guard).
        let the = hit.text[out.span.start..]
            .get(..4)
            .is_some_and(|t| t.eq_ignore_ascii_case("the "));
        let in_words = hit
            .get("q")
            .is_some_and(|q| q.as_str().starts_with(|c: char| c.is_alphabetic()));
        if !the
            || !in_words
            || key(next_word(&hit.text[out.span.end..])) == "of"
            || !near_reporting_word(hit.text, out.span)
        {
            return None;
        }
        out.val = Val::Cyclic {
            suffix,
            pick: Pick::Tense,
        };
    } else {
        out.val = Val::Cyclic {
            suffix,
            pick: Pick::Tense,
        };
    }
    Some(out)
}

/// The candidate for a match of:
/// - `quarter_q`: Q1 2018 / H2 2024 / Q3 FY2024
pub(super) fn quarter_q(hit: &Hit, mut out: Candidate) -> Option<Candidate> {
    let part = hit.get("qh")?.as_str();
    let n = hit.num("qn")?;
    if part == "H" && n > 2 {
        return None;
    }
    let year = written_year(hit)?;
    out.val = Val::Fixed(format!("{year:04}-{part}{n}"));
    Some(out)
}

/// The candidate for a match of:
/// - `quarter_q_cued`: in Q3 / for the Q4 period / during H1: a quarter or half
///   of a year the tense places (checked in code: the word before must be a
///   preposition or determiner, or the word after a figure reported: "Q3
///   profit", "Q2 earnings"; not "sales" or "deliveries", which follow car
///   models: "Audi Q3 sales")
pub(super) fn quarter_q_cued(hit: &Hit, mut out: Candidate) -> Option<Candidate> {
    let part = hit.get("qh")?;
    let cued = preceded_by(
        hit.text,
        part.start(),
        &[
            "in", "for", "during", "the", "its", "their", "of", "since", "by", "from", "than",
        ],
    ) || matches!(
        key(next_word(&hit.text[out.span.end..])).as_str(),
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
    let n = hit.num("qn")?;
    if part.as_str() == "H" && n > 2 {
        return None;
    }
    let number = hit.get("qn")?;
    out.span = Span::new(part.start(), number.end());
    out.val = Val::Cyclic {
        suffix: format!("-{}{n}", part.as_str()),
        pick: Pick::Tense,
    };
    Some(out)
}

/// The candidate for a match of:
/// - `season_year`: summer 2018 / the fall of 2018
pub(super) fn season_year(hit: &Hit, mut out: Candidate) -> Option<Candidate> {
    let code = TABLES.seasons.get(&key(hit.get("season")?.as_str()))?;
    // "the summer of '69": an abbreviated year, as "in '98" reads it.
    let year = written_year(hit)?;
    out.val = Val::Fixed(format!("{year:04}-{code}"));
    Some(out)
}

/// The candidate for a match of:
/// - `season_of_year`: the spring of that year / the summer of last year / the
///   fall of the same year
pub(super) fn season_of_year(hit: &Hit, mut out: Candidate) -> Option<Candidate> {
    out.span.start = start_of_the(hit.text, out.span.start)?;
    let suffix = format!(
        "-{}",
        TABLES.seasons.get(&key(hit.get("season")?.as_str()))?
    );
    out.val = of_named_year(hit.get("rel")?.as_str(), suffix);
    Some(out)
}

/// The candidate for a match of:
/// - `season_bare`: the summer / over the winter / the fall (not "the fall of
///   the city"); "summer" and "winter" need no "the", "spring" and "fall" do
pub(super) fn season_bare(hit: &Hit, mut out: Candidate) -> Option<Candidate> {
    let season = hit.get("season")?;
    let code = *TABLES.seasons.get(&key(season.as_str()))?;
    let word = season.as_str();
    let after = hit.text[out.span.end..].trim_start();
    let needs_the = matches!(code, "SP" | "FA");
    if (needs_the && hit.get("the").is_none())
        || after.starts_with("of ")
        || (needs_the && after.starts_with("in "))
        || word.chars().all(|c| c.is_uppercase())
        // "winter wheat", "summer school": a kind, not a time.
        || TABLES.season_kinds.contains(&key(next_word(after)))
        || names_event(hit.text, season.start(), season.end())
    {
        return None;
    }
    out.val = Val::Cyclic {
        suffix: format!("-{code}"),
        pick: Pick::Tense,
    };
    Some(out)
}

/// The candidate for a match of:
/// - `cyclic_ref`: this spring / last winter that fall / the same summer / the
///   following spring / that January / the following March: counted from the
///   time the text talks about
pub(super) fn cyclic_ref(hit: &Hit, mut out: Candidate) -> Option<Candidate> {
    let suffix = match hit.get("season") {
        Some(season) if names_event(hit.text, season.start(), season.end()) => return None,
        Some(season) => format!("-{}", TABLES.seasons.get(&key(season.as_str()))?),
        None => {
            let word = hit.get("month")?;
            let month = month(word.as_str())?;
            // "the deal that May negotiated": the person.
            if month == 5 && may_the_person(hit.text, word.start(), word.end()) {
                return None;
            }
            format!("-{month:02}")
        }
    };
    out.val = Val::RefCyclic {
        suffix,
        pick: pick_of(hit.get("rel")?.as_str()),
    };
    Some(out)
}

/// The candidate for a match of:
/// - `season_rel`: last summer / this spring / next winter
pub(super) fn season_rel(hit: &Hit, mut out: Candidate) -> Option<Candidate> {
    let season = hit.get("season")?;
    let code = TABLES.seasons.get(&key(season.as_str()))?;
    if names_event(hit.text, season.start(), season.end()) {
        return None;
    }
    out.val = Val::Cyclic {
        suffix: format!("-{code}"),
        pick: pick_of(hit.get("rel")?.as_str()),
    };
    Some(out)
}

/// The candidate for a match of:
/// - `quarter_the`: the quarter / the latest quarter / the year-earlier period
pub(super) fn quarter_the(hit: &Hit, mut out: Candidate) -> Option<Candidate> {
    let adj = hit.get("adj").map(|a| key(a.as_str())).unwrap_or_default();
    let period = key(hit.get("qu")?.as_str()) == "period";
    let same = matches!(adj.as_str(), "" | "same" | "comparable" | "corresponding");
    // "the same quarter last year", "the quarter a year ago": the quarter
    // reported on, a year back; "the same quarter of 2019": that quarter
    // in 2019.
    if same && hit.get("back").is_some() {
        out.val = Val::YearBack { from_ref: false };
        return Some(out);
    }
    if let Some(year) = hit.num("year") {
        if !same {
            return None;
        }
        out.val = Val::YearPeriod {
            year: i32::try_from(year).ok()?,
        };
        return Some(out);
    }
    if hit.get("back").is_some() {
        return None;
    }
    out.val = match adj.as_str() {
        "year earlier" | "year ago" | "prior year" | "comparable" | "corresponding" => {
            Val::FromRef {
                gran: Gran::Quarter,
                offset: -4,
            }
        }
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
    Some(out)
}

/// The candidate for a match of:
/// - `quarter_year`: the 1988 third quarter
pub(super) fn quarter_year(hit: &Hit, mut out: Candidate) -> Option<Candidate> {
    let (letter, n) = part_of_year(hit)?;
    out.val = Val::Fixed(format!("{:04}-{letter}{n}", hit.num("year")?));
    Some(out)
}

/// The candidate for a match of:
/// - `quarter_month`: the March quarter / the July-September quarter / the
///   April-June period: the quarter ending with that month
pub(super) fn quarter_month(hit: &Hit, mut out: Candidate) -> Option<Candidate> {
    let last = month(hit.get("month")?.as_str())?;
    if last % 3 != 0 {
        return None;
    }
    // "July-September": the first month, before a dash.
    let before = hit.text[..out.span.start].trim_end();
    let first = before
        .strip_suffix(['-', '–'])
        .map(|b| b.trim_end())
        .map(|b| {
            (
                b,
                &b[b.trim_end_matches(|c: char| c.is_ascii_alphabetic()).len()..],
            )
        });
    match first {
        Some((b, word)) if !word.is_empty() => {
            if month(word)? + 2 != last {
                return None;
            }
            out.span.start = b.len() - word.len();
            // A range of months is a quarter with or without "the" ("a
            // strong July-September quarter").
            if let Some(the) = start_of_the(hit.text, out.span.start) {
                out.span.start = the;
            }
        }
        _ if key(hit.get("qu")?.as_str()) == "period" => return None,
        _ => out.span.start = start_of_the(hit.text, out.span.start)?,
    }
    out.val = Val::Cyclic {
        suffix: format!("-Q{}", last / 3),
        pick: Pick::Tense,
    };
    Some(out)
}

/// The quarter or half a match names, as its TIMEX3 letter and number
/// (`('Q', 3)` for "third quarter", `('H', 2)` for "the last half"); `None`
/// for a third or fourth half.
fn part_of_year(hit: &Hit) -> Option<(char, u32)> {
    let half = key(hit.get("qu")?.as_str()) == "half";
    let n = match key(hit.get("q")?.as_str()).as_str() {
        "first" | "1st" => 1,
        "second" | "2nd" => 2,
        "third" | "3rd" => 3,
        "fourth" | "4th" => 4,
        // "the final quarter", "the last half".
        _ if half => 2,
        _ => 4,
    };
    match (half, n) {
        (true, 3..) => None,
        (true, _) => Some(('H', n)),
        (false, _) => Some(('Q', n)),
    }
}

/// True when the season word between `start` and `end` is capitalized and
/// a capitalized word follows it: part of a name ("the Winter Olympics",
/// "the next Summer Games", "the Summer Palace").
fn names_event(text: &str, start: usize, end: usize) -> bool {
    text[start..].starts_with(|c: char| c.is_uppercase())
        && next_word(&text[end..]).starts_with(|c: char| c.is_uppercase())
}

/// True when a word of results reporting ("profit", "sales", "growth")
/// stands within 120 bytes of `span`, in its sentence: "the first half" alone is a half of
/// the year only there (not "dominated the first half").
fn near_reporting_word(text: &str, span: Span) -> bool {
    let mut start = span.start.saturating_sub(120);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    let mut end = (span.end + 120).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    // Within the sentence: from the last full stop before the span to the
    // first after it.
    let before = &text[start..span.start];
    let before = before.rfind(". ").map_or(before, |i| &before[i + 2..]);
    let after = &text[span.end..end];
    let after = after.find(". ").map_or(after, |i| &after[..i]);
    [before, after].iter().any(|part| {
        part.split(|c: char| !c.is_alphanumeric())
            .any(|w| TABLES.reporting_words.contains(&key(w)))
    })
}
