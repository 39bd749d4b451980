//! Candidate name mentions: maximal runs of capitalised tokens, cut at titles
//! and unlikely connectors, trimmed of words that are not names.

use std::collections::HashSet;

use super::context::Context;
use super::gazetteer::{country_at, country_exact};
use super::lexicons::{FIRST_NAMES, NONAMES, ORG_CUES, PLACES};
use super::titles::title_at;

/// A candidate mention: the tokens of one name and what surrounds it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    /// Token indexes of the name, in order (square brackets left out).
    pub tokens: Vec<usize>,
    /// Sentence of the name.
    pub sentence: usize,
    /// The name as written, its tokens joined by single spaces.
    pub surface: String,
    /// True when the name stands in a headline-like line where most words
    /// are capitalised.
    pub headline: bool,
    /// True for a name in a byline or photo credit ("By JOHN DOE",
    /// "credit: JANE ROE/").
    pub credit: bool,
    /// True for the agency after the slash of a photo credit ("/REUTERS").
    pub credit_agency: bool,
    /// True when the name opens its sentence or a quotation.
    pub initial: bool,
}

impl Candidate {
    /// First token index.
    pub fn first(&self) -> usize {
        self.tokens.first().copied().unwrap_or(0)
    }

    /// Last token index.
    pub fn last(&self) -> usize {
        self.tokens.last().copied().unwrap_or(0)
    }
}

/// Words that introduce a photo or text credit before a colon.
const CREDIT_WORDS: &[&str] = &[
    "credit", "credits", "photo", "photos", "image", "picture", "source",
];

/// Finds the candidate mentions of a document, in text order.
pub fn find(cx: &Context) -> Vec<Candidate> {
    let mut all = Vec::new();
    for s in 0..cx.sentence_starts.len().saturating_sub(1) {
        let (start, end) = cx.sentence_range(s);
        let headline = is_headline(cx, start, end);
        for run in runs(cx, start, end) {
            for part in split_run(cx, &run) {
                if let Some(c) = make(cx, part, s, headline) {
                    all.push(c);
                }
            }
        }
    }
    filter_headlines(cx, all)
}

/// True for a headline-like line: more than 70% of its (at least three)
/// words are capitalised and it does not end like a sentence of prose (with
/// a full stop, question or exclamation mark, or closing quote); a line of
/// at least three words all in capitals counts whatever its ending.
fn is_headline(cx: &Context, start: usize, end: usize) -> bool {
    let words: Vec<usize> = (start..end)
        .filter(|&i| cx.tokens[i].kind == crate::annotation::TokenKind::Word)
        .collect();
    if words.len() < 3 {
        return false;
    }
    if words.iter().all(|&i| cx.is_all_caps(i)) {
        return true;
    }
    let caps = words.iter().filter(|&&i| cx.is_capitalised(i)).count();
    let prose_end = end > start
        && matches!(
            cx.word(end - 1),
            "." | "!" | "?" | "\"" | "”" | "'" | "’" | ")" | "…"
        );
    !prose_end && caps * 10 > words.len() * 7
}

/// True for a token that can be part of a name run.
fn is_name_token(cx: &Context, i: usize) -> bool {
    cx.is_capitalised(i)
}

/// Maximal runs of capitalised tokens in `[start, end)`, with inner square
/// brackets skipped and lower-case connectors kept when the run goes on
/// capitalised after them.
fn runs(cx: &Context, start: usize, end: usize) -> Vec<Vec<usize>> {
    let mut out = Vec::new();
    let mut i = start;
    while i < end {
        if !is_name_token(cx, i) {
            i += 1;
            continue;
        }
        let mut run = vec![i];
        let mut j = i + 1;
        loop {
            if j < end && is_name_token(cx, j) {
                run.push(j);
                j += 1;
                continue;
            }
            // Square brackets of an editor's insertion: "[Yossi] Cohen".
            let mut k = j;
            while k < end && cx.is_bracket(k) {
                k += 1;
            }
            if k > j && k < end && is_name_token(cx, k) {
                j = k;
                continue;
            }
            // Connectors: "of", "of the", "bin", followed by a capital.
            if j < end && (cx.is_org_connector(j) || cx.is_particle(j)) {
                let mut k = j + 1;
                if cx.word(j) == "of" && cx.word(k) == "the" {
                    k += 1;
                }
                if k < end && is_name_token(cx, k) {
                    run.extend(j..k);
                    j = k;
                    continue;
                }
            }
            break;
        }
        i = j.max(i + 1);
        out.push(run);
    }
    out
}

/// Cuts a run into name parts: at titles, at connectors that do not belong
/// to an organization or place name, and trims words that are not names.
fn split_run(cx: &Context, run: &[usize]) -> Vec<Vec<usize>> {
    let mut parts = Vec::new();
    for part in split_titles(cx, run)
        .into_iter()
        .flat_map(|p| split_glued(cx, &p))
    {
        for part in split_connectors(cx, &part) {
            let part = trim(cx, part);
            for part in split_demonym(cx, part) {
                if !part.is_empty() {
                    parts.push(part);
                }
            }
        }
    }
    parts
}

/// Removes titles from a run, cutting it there: "Mossad Director Yossi
/// Cohen" → "Mossad", "Yossi Cohen". A title word is kept as part of the name
/// when the name ends in an organization or place word ("General Assembly",
/// "Justice Department"), when it follows a connector ("Office of the
/// Director"), or when it ends a run that starts with a given name ("Martin
/// Luther King").
fn split_titles(cx: &Context, run: &[usize]) -> Vec<Vec<usize>> {
    let mut parts = Vec::new();
    let mut cur: Vec<usize> = Vec::new();
    let mut p = 0;
    while p < run.len() {
        let idx = run[p];
        if let Some(m) = title_at(cx.text, cx.tokens, idx) {
            let title_end = idx + m.tokens;
            let mut q = p;
            while q < run.len() && run[q] < title_end {
                q += 1;
            }
            let rest = &run[q..];
            let after_connector = p > 0 && cx.is_org_connector(run[p - 1]);
            let accept = if after_connector {
                false
            } else if rest.is_empty() {
                !cur.first()
                    .is_some_and(|&f| FIRST_NAMES.contains(cx.word(f)))
            } else {
                !ends_in_org_or_place(cx, &run[p..])
            };
            if accept {
                if !cur.is_empty() {
                    parts.push(std::mem::take(&mut cur));
                }
                p = q.max(p + 1);
                continue;
            }
        }
        cur.push(idx);
        p += 1;
    }
    if !cur.is_empty() {
        parts.push(cur);
    }
    parts
}

/// Legal-form suffixes that close a company name ("Apple Inc.", "Siemens
/// AG"): a capitalised word after one starts another name.
const ORG_SUFFIXES: &[&str] = &[
    "Inc.", "Inc", "Corp.", "Corp", "Ltd.", "Ltd", "Co.", "LLC", "L.L.C.", "plc", "PLC", "AG",
    "GmbH", "S.A.", "N.V.", "B.V.", "SpA", "S.p.A.", "AB", "ASA", "Oyj", "Pty", "LLP",
];

/// True for a legal-form suffix token (see [`ORG_SUFFIXES`]).
pub fn is_org_suffix(word: &str) -> bool {
    ORG_SUFFIXES.contains(&word)
}

/// Cuts a run where two names are glued: after a legal-form suffix when
/// capitalised words follow ("Apple Inc. Steve Jobs" → "Apple Inc.", "Steve
/// Jobs"), and where a listed organization, place or country, or a name
/// ending in an organization word, ends and a given name followed by another
/// name word starts ("Apple Steve Jobs", "Acme Corporation John Smith").
fn split_glued(cx: &Context, part: &[usize]) -> Vec<Vec<usize>> {
    let mut parts = Vec::new();
    let mut from = 0;
    for p in 1..part.len() {
        let (prev, cur) = (part[p - 1], part[p]);
        if cur != prev + 1 || !cx.is_capitalised(cur) {
            continue;
        }
        let after_suffix = is_org_suffix(cx.word(prev)) && p - from >= 2;
        let name_starts = p + 1 < part.len()
            && part[p + 1] == cur + 1
            && cx.is_capitalised(cur + 1)
            && FIRST_NAMES.contains(cx.word(cur))
            && !is_listed(cx, cur, cur + 2)
            && (p - from >= 2 && ORG_CUES.tail.contains(cx.word(prev))
                || (from..p).any(|a| part[a] + (p - a) == cur && is_listed(cx, part[a], cur)));
        if after_suffix || name_starts {
            parts.push(part[from..p].to_vec());
            from = p;
        }
    }
    parts.push(part[from..].to_vec());
    parts
}

/// True when the name's last word is an organization or place tail word,
/// or the whole is a known organization.
fn ends_in_org_or_place(cx: &Context, part: &[usize]) -> bool {
    let (Some(&first), Some(&last)) = (part.first(), part.last()) else {
        return false;
    };
    let w = cx.word(last);
    ORG_CUES.tail.contains(w)
        || PLACES.tail.contains(w)
        || ORG_CUES
            .known
            .exact(cx.text, cx.tokens, first, last + 1)
            .is_some()
}

/// Cuts at "of", "for", "and", "&", "the", "on" unless they follow an
/// organization or place head word ("Ministry of Defense", "Gulf of
/// Mexico"), or the whole run is a listed name ("Bosnia and Herzegovina").
fn split_connectors(cx: &Context, part: &[usize]) -> Vec<Vec<usize>> {
    if !part.iter().any(|&i| cx.is_org_connector(i)) {
        return vec![part.to_vec()];
    }
    if let (Some(&f), Some(&l)) = (part.first(), part.last())
        && is_listed(cx, f, l + 1)
    {
        return vec![part.to_vec()];
    }
    let mut parts = Vec::new();
    let mut cur: Vec<usize> = Vec::new();
    let mut headed = false;
    let mut p = 0;
    while p < part.len() {
        let i = part[p];
        if cx.is_org_connector(i) {
            let prev_head = cur.last().is_some_and(|&h| {
                ORG_CUES.head.contains(cx.word(h)) || PLACES.head.contains(cx.word(h))
            });
            let w = cx.word(i);
            let keep = match w {
                "of" | "for" | "on" => prev_head,
                "the" => cur.last().is_some_and(|&h| cx.word(h) == "of") && headed,
                _ => headed,
            };
            if keep {
                if w != "the" {
                    headed = true;
                }
                cur.push(i);
                p += 1;
                continue;
            }
            if !cur.is_empty() {
                parts.push(std::mem::take(&mut cur));
            }
            headed = false;
            p += 1;
            continue;
        }
        cur.push(i);
        p += 1;
    }
    if !cur.is_empty() {
        parts.push(cur);
    }
    parts
}

/// True when tokens `[start, end)` are exactly a country, place or known
/// organization.
fn is_listed(cx: &Context, start: usize, end: usize) -> bool {
    country_exact(cx.text, cx.tokens, start, end).is_some()
        || PLACES.names.exact(cx.text, cx.tokens, start, end).is_some()
        || ORG_CUES
            .known
            .exact(cx.text, cx.tokens, start, end)
            .is_some()
}

/// Drops leading words that are not names (listed non-names, "the", a
/// sentence-initial word seen in lower case elsewhere) and trailing
/// connectors.
fn trim(cx: &Context, mut part: Vec<usize>) -> Vec<usize> {
    while let Some(&first) = part.first() {
        let w = cx.word(first);
        let listed = is_listed(cx, first, first + 1);
        let initial = cx.is_sentence_initial(first);
        let drop = !cx.is_capitalised(first)
            || (cx.is_noname(first)
                && (initial || cx.is_strippable_anywhere(first))
                && !listed
                && !is_listed(cx, first, part.last().map_or(first, |l| l + 1)))
            || (initial
                && !listed
                && !(FIRST_NAMES.contains(w) && part.len() > 1)
                && cx.occurs_lower(w));
        if !drop {
            break;
        }
        part.remove(0);
    }
    while part.last().is_some_and(|&l| !cx.is_capitalised(l)) {
        part.pop();
    }
    part
}

/// Cuts a leading demonym or country off a name that is not an organization:
/// "Israeli Netanyahu" → "Israeli", "Netanyahu"; "Iranian Foreign Ministry"
/// stays whole.
fn split_demonym(cx: &Context, part: Vec<usize>) -> Vec<Vec<usize>> {
    let (Some(&first), Some(&last)) = (part.first(), part.last()) else {
        return vec![part];
    };
    if part.len() < 2 || is_listed(cx, first, last + 1) || ends_in_org_or_place(cx, &part) {
        return vec![part];
    }
    match country_at(cx.text, cx.tokens, first, last + 1) {
        Some((n, _)) if n < part.len() && part[n - 1] == first + n - 1 => {
            let rest = part[n..].to_vec();
            let rest = trim(cx, rest);
            vec![part[..n].to_vec(), rest]
        }
        _ => vec![part],
    }
}

/// Builds a candidate from a part, or `None` when it is not a name
/// (a lone initial, a time expression, only non-name words).
fn make(cx: &Context, part: Vec<usize>, sentence: usize, headline: bool) -> Option<Candidate> {
    let first = *part.first()?;
    if part.iter().any(|&i| cx.in_timex(i)) {
        return None;
    }
    let letters: usize = part
        .iter()
        .map(|&i| cx.word(i).chars().filter(|c| c.is_alphabetic()).count())
        .sum();
    if letters < 2 {
        return None;
    }
    if part.iter().all(|&i| NONAMES.contains(cx.word(i)))
        && !is_listed(cx, first, first + part.len())
    {
        return None;
    }
    let surface = part
        .iter()
        .map(|&i| cx.word(i))
        .collect::<Vec<_>>()
        .join(" ");
    let (credit, credit_agency) = credit_cues(cx, &part, sentence);
    let initial = cx.is_sentence_initial(first);
    Some(Candidate {
        initial,
        tokens: part,
        sentence,
        surface,
        headline,
        credit,
        credit_agency,
    })
}

/// Byline and photo-credit cues of a part: `(person, agency)`.
fn credit_cues(cx: &Context, part: &[usize], sentence: usize) -> (bool, bool) {
    let (Some(&first), Some(&last)) = (part.first(), part.last()) else {
        return (false, false);
    };
    let (start, end) = cx.sentence_range(sentence);
    let all_caps = part
        .iter()
        .all(|&i| cx.is_all_caps(i) || !cx.is_capitalised(i));
    let prev = |k: usize| {
        first
            .checked_sub(k)
            .filter(|&j| j >= start)
            .map(|j| cx.word(j))
    };
    // "By YONAH JEREMY BOB" at the start of a line.
    if prev(1).is_some_and(|w| w.eq_ignore_ascii_case("by"))
        && first - 1 == start
        && (all_caps || last + 1 == end)
    {
        return (true, false);
    }
    // "(photo credit: AMIR COHEN/REUTERS)".
    if prev(1) == Some(":")
        && prev(2).is_some_and(|w| CREDIT_WORDS.iter().any(|c| w.eq_ignore_ascii_case(c)))
    {
        return (true, false);
    }
    if prev(1) == Some("/") {
        let window = first.saturating_sub(8).max(start);
        let in_credit = (window..first).any(|j| {
            let w = cx.word(j);
            CREDIT_WORDS.iter().any(|c| w.eq_ignore_ascii_case(c))
        });
        if in_credit {
            return (false, true);
        }
    }
    (false, false)
}

/// In headline-like lines, keeps only names that are known: listed
/// countries, places and organizations, acronyms, credits, and names seen
/// outside headlines in the same document. An unknown run is searched for
/// known pieces ("Israel News Israel" → "Israel", "Israel").
fn filter_headlines(cx: &Context, all: Vec<Candidate>) -> Vec<Candidate> {
    let seen: HashSet<String> = all
        .iter()
        .filter(|c| !c.headline)
        .map(|c| c.surface.to_lowercase())
        .collect();
    let known = |tokens: &[usize]| -> bool {
        let (Some(&f), Some(&l)) = (tokens.first(), tokens.last()) else {
            return false;
        };
        if tokens.len() == 1 && cx.is_acronym(f) {
            return true;
        }
        if is_listed(cx, f, l + 1) {
            return true;
        }
        let surface = tokens
            .iter()
            .map(|&i| cx.word(i))
            .collect::<Vec<_>>()
            .join(" ");
        seen.contains(&surface.to_lowercase())
    };
    let mut out = Vec::with_capacity(all.len());
    for c in all {
        if !c.headline || c.credit || c.credit_agency || known(&c.tokens) {
            out.push(c);
            continue;
        }
        // Longest known pieces, left to right.
        let mut p = 0;
        while p < c.tokens.len() {
            let mut found = None;
            for q in (p + 1..=c.tokens.len()).rev() {
                let piece = &c.tokens[p..q];
                let contiguous = piece.windows(2).all(|w| w[1] == w[0] + 1);
                if contiguous && cx.is_capitalised(piece[0]) && known(piece) {
                    found = Some(q);
                    break;
                }
            }
            match found {
                Some(q) => {
                    let tokens = c.tokens[p..q].to_vec();
                    let surface = tokens
                        .iter()
                        .map(|&i| cx.word(i))
                        .collect::<Vec<_>>()
                        .join(" ");
                    out.push(Candidate {
                        tokens,
                        surface,
                        ..c.clone()
                    });
                    p = q;
                }
                None => p += 1,
            }
        }
    }
    out
}
