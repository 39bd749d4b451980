//! Typing candidate mentions: evidence from gazetteers, cue words, titles
//! and context, summed over every mention of the same name in the document.
//!
//! Weights (higher is stronger): a listed country → LOCATION (fixed); a
//! byline/credit name → PERSON 10, the agency after a credit's slash →
//! ORGANIZATION 10; a listed organization → ORGANIZATION 10; a listed place
//! → LOCATION 8; a listed people/region adjective ("European") → MISC 8; an honorific before → PERSON 8; a title before → PERSON 6;
//! an organization head/tail word → ORGANIZATION 6; an event/work tail word
//! → MISC 6; a place tail word → LOCATION 5; a given name first → PERSON 5
//! (3 alone); an acronym → ORGANIZATION 4; a verb of saying next to it →
//! PERSON 3; "in/at/near ..." before a short name → LOCATION 2; a capitalised
//! function word inside ("Never Give An Inch") → MISC 2; otherwise two or
//! three words → PERSON 1, one word → PERSON 0.5, four or more → MISC 1.

use std::collections::HashMap;

use super::candidates::{Candidate, is_org_suffix};
use super::context::Context;
use super::gazetteer::country_exact;
use super::lexicons::{FIRST_NAMES, NONAMES, ORG_CUES, PLACES, SAY_VERBS};
use super::titles::title_at;
use crate::annotation::EntityType;

/// Prepositions of place: a short unknown name after one is weakly a place.
const PLACE_PREPOSITIONS: &[&str] = &[
    "in",
    "at",
    "near",
    "outside",
    "inside",
    "across",
    "into",
    "towards",
    "toward",
    "throughout",
];

/// The type of a candidate and what decided it.
#[derive(Clone, Debug, PartialEq)]
pub struct Typed {
    /// The entity type chosen for the name in this document.
    pub kind: EntityType,
    /// For a country form: the country's name.
    pub country: Option<&'static str>,
    /// The listed spelling of a known organization or place.
    pub listed: Option<&'static str>,
    /// True when the evidence for the type is more than the weak defaults
    /// (at least 3 points, or a gazetteer entry).
    pub strong: bool,
}

/// Scores by type: person, organization, location, misc.
type Scores = [f32; 4];

/// Index of a type in [`Scores`].
const fn slot(kind: EntityType) -> usize {
    match kind {
        EntityType::Person => 0,
        EntityType::Organization => 1,
        EntityType::Location => 2,
        EntityType::Misc => 3,
    }
}

/// Types every candidate, consistently over the document: names written the
/// same (ignoring case) get the type with the most summed evidence.
pub fn assign(cx: &Context, candidates: &[Candidate]) -> Vec<Typed> {
    let local: Vec<(Scores, Option<&'static str>, Option<&'static str>)> =
        candidates.iter().map(|c| evidence(cx, c)).collect();
    let mut totals: HashMap<String, Scores> = HashMap::new();
    for (c, (scores, _, _)) in candidates.iter().zip(&local) {
        let total = totals.entry(c.surface.to_lowercase()).or_insert([0.0; 4]);
        for (t, s) in total.iter_mut().zip(scores) {
            *t += s;
        }
    }
    candidates
        .iter()
        .zip(local)
        .map(|(c, (_, country, listed))| {
            if let Some(country) = country {
                return Typed {
                    kind: EntityType::Location,
                    country: Some(country),
                    listed: None,
                    strong: true,
                };
            }
            let scores = totals
                .get(&c.surface.to_lowercase())
                .copied()
                .unwrap_or([0.0; 4]);
            let kind = best(&scores);
            Typed {
                kind,
                country: None,
                listed,
                strong: listed.is_some() || scores[slot(kind)] >= 3.0,
            }
        })
        .collect()
}

/// The type with the highest score; ties go to person, then organization,
/// then location.
fn best(scores: &Scores) -> EntityType {
    let order = [
        EntityType::Person,
        EntityType::Organization,
        EntityType::Location,
        EntityType::Misc,
    ];
    let mut kind = EntityType::Person;
    for k in order {
        if scores[slot(k)] > scores[slot(kind)] {
            kind = k;
        }
    }
    kind
}

/// The evidence of one candidate in its own context: scores, the country it
/// is a form of, and the listed spelling of a known organization or place.
fn evidence(cx: &Context, c: &Candidate) -> (Scores, Option<&'static str>, Option<&'static str>) {
    let mut s: Scores = [0.0; 4];
    let (first, last) = (c.first(), c.last());
    let n = c.tokens.len();
    let contiguous = c.tokens.windows(2).all(|w| w[1] == w[0] + 1);
    let exact = |start: usize| contiguous.then_some((start, last + 1));
    if let Some((a, b)) = exact(first)
        && !c.credit
        && let Some(country) = country_exact(cx.text, cx.tokens, a, b)
    {
        return (s, Some(country), None);
    }
    let mut listed = None;
    if c.credit {
        s[0] += 10.0;
    }
    if c.credit_agency {
        s[1] += 10.0;
    }
    if let Some((a, b)) = exact(first) {
        if let Some(name) = ORG_CUES.known.exact(cx.text, cx.tokens, a, b) {
            s[1] += 10.0;
            listed = Some(*name);
        } else if let Some(name) = PLACES.names.exact(cx.text, cx.tokens, a, b) {
            s[2] += 8.0;
            listed = Some(*name);
        } else if PLACES.adjectives.exact(cx.text, cx.tokens, a, b).is_some() {
            s[3] += 8.0;
        }
    }
    let before = title_before(cx, first);
    match before {
        Some(true) => s[0] += 8.0,
        Some(false) => s[0] += 6.0,
        None => {}
    }
    let last_word = cx.word(last);
    let org_head = n > 1
        && c.tokens
            .iter()
            .take(n - 1)
            .any(|&i| ORG_CUES.head.contains(cx.word(i)))
        && c.tokens.iter().any(|&i| cx.word(i) == "of");
    if (n > 1 && (ORG_CUES.tail.contains(last_word) || is_org_suffix(last_word)))
        || org_head
        || (n == 1 && is_known_tail_name(last_word))
    {
        s[1] += 6.0;
    }
    if n > 1 && ORG_CUES.misc_tail.contains(last_word) {
        s[3] += 6.0;
    }
    if n > 1 && PLACES.tail.contains(last_word) {
        s[2] += 5.0;
    }
    if FIRST_NAMES.contains(cx.word(first)) && !c.credit_agency {
        s[0] += if n > 1 { 5.0 } else { 3.0 };
    }
    if n == 1 && cx.is_acronym(first) && !c.credit {
        s[1] += 4.0;
    }
    let next = cx.word(last + 1);
    let next = if matches!(next, "'s" | "’s") {
        ""
    } else {
        next
    };
    let prev = first.checked_sub(1).map_or("", |p| cx.word(p));
    if SAY_VERBS.contains(next) || SAY_VERBS.contains(prev) {
        s[0] += 3.0;
    }
    if n <= 2 && PLACE_PREPOSITIONS.contains(&prev) {
        s[2] += 2.0;
    }
    if n > 1
        && c.tokens[1..]
            .iter()
            .any(|&i| NONAMES.word(cx.word(i)) == Some(&"function"))
    {
        s[3] += 2.0;
    }
    match n {
        1 => s[0] += 0.5,
        2 | 3 => s[0] += 1.0,
        _ => s[3] += 1.0,
    }
    (s, None, listed)
}

/// True for a single word that is itself a news agency-like tail name
/// ("Reuters"), listed among both tails and known organizations.
fn is_known_tail_name(word: &str) -> bool {
    ORG_CUES.tail.contains(word) && ORG_CUES.known.contains(word)
}

/// Whether a title ends right before token `first` (square brackets
/// skipped): `Some(true)` for an honorific, `Some(false)` for an office,
/// `None` when there is none.
pub fn title_before(cx: &Context, first: usize) -> Option<bool> {
    let mut q = first;
    while q > 0 && cx.is_bracket(q - 1) {
        q -= 1;
    }
    for len in 1..=4 {
        let Some(k) = q.checked_sub(len) else { break };
        if cx.tokens[k].sentence != cx.tokens.get(first)?.sentence {
            break;
        }
        if let Some(m) = title_at(cx.text, cx.tokens, k)
            && m.tokens == len
        {
            return Some(m.honorific);
        }
    }
    None
}
