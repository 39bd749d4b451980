//! Normalizers of years, spelled and abbreviated years, ranges of years,
//! decades, centuries and the current year.

use super::lengths::duration_value;
use super::{Candidate, Gran, Hit, Val, abbreviated_year, month, start_of_the};
use crate::annotation::{Span, TimexType};
use crate::time::guards::{
    acronym_year_blocked, bare_number_context, ends_with_year, is_full_month, next_word,
    next_word_blocked, preceded_by, previous_word, starts_with_digit_after,
};
use crate::time::lexicon::{TABLES, key};

/// The candidate for a match of:
/// - `decade`: 1990s / the '90s / the 1800s
/// - `decade_words`: the nineties (words need "the": "in his forties" is an
///   age)
pub(super) fn decade(hit: &Hit, mut out: Candidate) -> Option<Candidate> {
    if let Some(w) = hit.get("decw") {
        let tens = key(w.as_str()).replace("ies", "y");
        let n = TABLES.numbers.get(&tens).copied().flatten()?;
        out.val = Val::Fixed(format!("19{}", n / 10));
        return Some(out);
    }
    let the = start_of_the(hit.text, out.span.start);
    // "2020's election" is the year's: a decade of this century with an
    // apostrophe and no "the" is a possessive ("the 2020's" stays a decade).
    if let Some(dec) = hit.get("dec")
        && dec.as_str().starts_with("20")
        && hit.text[dec.end()..].starts_with(['\'', '’'])
        && the.is_none()
    {
        out.span = Span::new(dec.start(), dec.end());
        out.val = Val::Fixed(dec.as_str().to_string());
        return Some(out);
    }
    if let Some(start) = the {
        out.span.start = start;
    }
    out.val = Val::Fixed(match (hit.num("dec"), hit.num("dec2")) {
        (Some(d), _) if d % 100 == 0 && d != 2000 => format!("{:02}", d / 100),
        (Some(d), _) => format!("{:03}", d / 10),
        (None, Some(d)) if d <= 10 => format!("20{}", d / 10),
        (None, Some(d)) => format!("19{}", d / 10),
        _ => return None,
    });
    Some(out)
}

/// The candidate for a match of:
/// - `century`: the 19th century / the twentieth century
pub(super) fn century(hit: &Hit, mut out: Candidate) -> Option<Candidate> {
    let n = match hit.num("ord") {
        Some(n) => n,
        None => *TABLES.ordinals.get(&key(hit.get("ordw")?.as_str()))?,
    };
    if !(1..=22).contains(&n) {
        return None;
    }
    out.val = Val::Fixed(format!("{:02}", n - 1));
    Some(out)
}

/// The candidate for a match of:
/// - `fiscal_year`: FY2024 / FY 2024 / FY24: a fiscal year, named by the
///   calendar year it ends in
pub(super) fn fiscal_year(hit: &Hit, mut out: Candidate) -> Option<Candidate> {
    let digits = hit.get("year")?.as_str();
    let year = hit.num("year")?;
    let year = match digits.len() {
        2 if year < 50 => 2000 + year,
        2 => 1900 + year,
        _ => year,
    };
    out.val = Val::Fixed(format!("{year:04}"));
    Some(out)
}

/// The candidate for a match of:
/// - `year_cued`: in 2018 / the 2018 election / mid-2019 (a bare year needs a
///   cue word)
/// - `year_event`: WWDC 2005 / CES 2024 / Euro 2024 / the Winter Olympics 2026:
///   the year of an event named by an acronym or an event word
pub(super) fn year_cued(hit: &Hit, mut out: Candidate) -> Option<Candidate> {
    let year_match = hit.get("year")?;
    let year = hit.num("year")?;
    let cue = key(hit.get("cue")?.as_str());
    let after = &hit.text[out.span.end..];
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
    if hit.name == "year_event"
        && hit
            .get("cue")?
            .as_str()
            .bytes()
            .all(|b| b.is_ascii_uppercase())
        && acronym_year_blocked(after)
    {
        return None;
    }
    let strict = hit.name == "year_event"
        || matches!(
            cue.as_str(),
            "the" | "of" | "by" | "to" | "and" | "or" | "a" | "that" | "for" | "its" | "their"
        );
    let range = if strict { 1700..=2099 } else { 1000..=2099 };
    if !range.contains(&year) {
        return None;
    }
    // "after 1300 trades", "in 1400 boxes": an old year before a plural
    // noun is a count.
    let next = next_word(after);
    if year < 1700
        && after.starts_with(' ')
        && next.len() > 3
        && next.ends_with('s')
        && next.starts_with(|c: char| c.is_ascii_lowercase())
    {
        return None;
    }
    if strict && next_word_blocked(after) {
        return None;
    }
    if matches!(cue.as_str(), "to" | "and" | "or") {
        let before = &hit.text[..hit.get("cue")?.start()];
        // "dates back to 1989", "goes back to 2001", "records dating to
        // 1850": a time.
        let back = cue == "to"
            && matches!(
                key(previous_word(hit.text, hit.get("cue")?.start())).as_str(),
                "back" | "dating" | "dates" | "date" | "dated"
            );
        if !ends_with_year(before) && !back {
            return None;
        }
    }
    // "fiscal 1989" and "fiscal year 2023" keep their cue; prepositions
    // and articles do not.
    let cue_start = hit.get("cue")?.start();
    let from = if cue == "fiscal" {
        cue_start
    } else if cue == "year" && key(previous_word(hit.text, cue_start)) == "fiscal" {
        hit.text[..cue_start].trim_end().len() - "fiscal".len()
    } else {
        year_match.start()
    };
    out.span = Span::new(from, year_match.end());
    out.val = Val::Fixed(format!("{year:04}"));
    Some(out)
}

/// The candidate for a match of:
/// - `year_abbrev`: in '98 / since '05 / the summer of '69 (an abbreviated year
///   needs a cue word; '00-'29 are read as 2000-2029, '30-'99 as 1930-1999)
pub(super) fn year_abbrev(hit: &Hit, mut out: Candidate) -> Option<Candidate> {
    let abbr = hit.get("abbr")?;
    if next_word_blocked(&hit.text[abbr.end()..]) {
        return None;
    }
    let year = abbreviated_year(hit.num("yy")?);
    out.span = Span::new(abbr.start(), abbr.end());
    out.val = Val::Fixed(format!("{year:04}"));
    Some(out)
}

/// The candidate for a match of:
/// - `year_range`: the end of a range of years: "2018" in "from 2016-2018",
///   "97" in "the 1996-97 season" or "fiscal 1996/97" (the start is a year of
///   its own, after the same cue word, which the engine checks; "Jobs
///   1955-2011" is neither)
pub(super) fn year_range(hit: &Hit, mut out: Candidate) -> Option<Candidate> {
    let from = hit.num("from")?;
    // "1996-97": the end year in the start's century, or the next
    // one ("1999-00"), at most ten years on.
    let (end, year) = match hit.get("yy") {
        Some(yy) => {
            let mut year = from / 100 * 100 + hit.num("yy")?;
            if year <= from {
                year += 100;
            }
            if year - from > 10 {
                return None;
            }
            (yy, year)
        }
        None => (hit.get("year")?, hit.num("year")?),
    };
    // The start must be a year of its own, after a cue word ("from
    // 2016-2018"); "Jobs 1955-2011" is neither.
    let cued = preceded_by(
        hit.text,
        out.span.start,
        &[
            "in", "from", "between", "since", "during", "of", "the", "for", "through", "fiscal",
        ],
    );
    if !cued || year <= from {
        return None;
    }
    out.span = Span::new(end.start(), end.end());
    out.val = Val::Fixed(format!("{year:04}"));
    Some(out)
}

/// The candidate for a match of:
/// - `year_bare`: a 1996 law / the company's 1989 results (a bare year, with
///   guards)
pub(super) fn year_bare(hit: &Hit, mut out: Candidate) -> Option<Candidate> {
    let year = hit.num("year")?;
    let after = &hit.text[out.span.end..];
    // "2015's harvest": a possessive year is a year whatever stands before.
    let possessive = after.starts_with("'s ") || after.starts_with("’s ");
    if after.starts_with('%')
        || starts_with_digit_after(after, [',', '.', '-', '/', ':'])
        || next_word_blocked(after)
        || (!possessive && bare_number_context(hit.text, out.span.start))
    {
        return None;
    }
    out.val = Val::Fixed(format!("{year:04}"));
    Some(out)
}

/// The candidate for a match of:
/// - `year_spelled`: nineteen ninety-six / January nineteen ninety-seven / the
///   year two thousand
pub(super) fn year_spelled(hit: &Hit, mut out: Candidate) -> Option<Candidate> {
    let year = spelled_year(hit.get("sy")?.as_str())?;
    // "two thousand years" is a length, not the year 2000.
    let after = &hit.text[out.span.end..];
    let word = next_word(after);
    if let Some(&unit) = TABLES.units.get(&key(word)) {
        if hit.get("month").is_some() || !after.starts_with(' ') {
            return None;
        }
        out.span.end += after.len() - after.trim_start().len() + word.len();
        let rest = &hit.text[out.span.end..];
        // Ages are left out, as the duration rule leaves them.
        if rest.starts_with("-old") || rest.starts_with(" old") {
            return None;
        }
        out.kind = TimexType::Duration;
        out.val = Val::Fixed(duration_value(Some(f64::from(year)), unit));
        return Some(out);
    }
    out.val = Val::Fixed(match hit.get("month") {
        Some(mm) => format!("{year:04}-{:02}", month(mm.as_str())?),
        None => format!("{year:04}"),
    });
    Some(out)
}

/// The candidate for a match of:
/// - `year_period`: the 1988 period / the 1988 quarter: in results reporting,
///   that year's quarter
pub(super) fn year_period(hit: &Hit, mut out: Candidate) -> Option<Candidate> {
    out.val = Val::YearPeriod {
        year: i32::try_from(hit.num("year")?).ok()?,
    };
    Some(out)
}

/// The candidate for a match of:
/// - `year_ended`: the year ended Sept. 30 / the fiscal year ending June 30: a
///   reporting year, a duration
pub(super) fn year_ended(hit: &Hit, mut out: Candidate) -> Option<Candidate> {
    let after = hit.text[out.span.end..].trim_start();
    // "the year to March": a reporting year ending then, as British news
    // writes it.
    let to_month = after
        .strip_prefix("to ")
        .is_some_and(|rest| is_full_month(next_word(rest)));
    if !(after.starts_with("ended ") || after.starts_with("ending ") || to_month) {
        return None;
    }
    out.kind = TimexType::Duration;
    out.val = Val::Fixed("P1Y".to_string());
    Some(out)
}

/// The candidate for a match of:
/// - `year_this`: for the year / the first nine months of the year / in the
///   current fiscal year: the year of the document (the latest fiscal year: the
///   one before); lower case only ("Player of the Year" is a title), "in" only
///   with an adjective ("in the year since" is a length)
pub(super) fn year_this(hit: &Hit, mut out: Candidate) -> Option<Candidate> {
    let after = hit.text[out.span.end..].trim_start();
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
    let cue = hit.get("cue")?;
    let lead = hit.text[..cue.start()].trim_end();
    let lead_word = lead.rsplit(' ').next().unwrap_or("");
    let relative = matches!(key(lead_word).as_str(), "earlier" | "later");
    if hit.get("adj").is_none() && key(cue.as_str()) == "in" && !relative {
        return None;
    }
    let latest = hit
        .get("adj")
        .is_some_and(|a| key(a.as_str()).starts_with("latest"));
    let start = if relative {
        lead.len() - lead_word.len()
    } else {
        hit.get("the")?.start()
    };
    out.span = Span::new(start, out.span.end);
    out.val = if latest {
        Val::FromDct {
            gran: Gran::Year,
            offset: -1,
            pod: None,
        }
    } else {
        Val::ReportingYear
    };
    Some(out)
}

/// The candidate for a match of:
/// - `year_back_adj`: a year-earlier loss / the year-ago quarter's profit: the
///   period reported, a year back
pub(super) fn year_back_adj(hit: &Hit, mut out: Candidate) -> Option<Candidate> {
    // "the year-earlier third quarter", "the year-ago nine months":
    // part of a longer expression this rule does not read.
    let next = key(next_word(&hit.text[out.span.end..]));
    if TABLES.units.contains_key(&next)
        || TABLES.ordinals.contains_key(&next)
        || TABLES.numbers.contains_key(&next)
    {
        return None;
    }
    // An adjective of the period being reported: a year before now.
    out.val = Val::YearBack { from_ref: false };
    Some(out)
}

/// The candidate for a match of:
/// - `year_end`: year-end / the year's end (the end of the current year) / the
///   full year
/// - `mid_year`: by mid-year / midyear (the middle of the current year)
/// - `full_year`: the same
pub(super) fn year_part(hit: &Hit, mut out: Candidate) -> Option<Candidate> {
    match hit.name {
        "year_end" => out.modifier = Some("END"),
        "mid_year" => out.modifier = Some("MID"),
        _ => {}
    }
    out.val = if hit.name == "full_year" {
        Val::ReportingYear
    } else {
        Val::FromDct {
            gran: Gran::Year,
            offset: 0,
            pod: None,
        }
    };
    Some(out)
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
