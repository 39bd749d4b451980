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
//! function word inside ("Never Give An Inch") → MISC 2; a brand in camel
//! case opening a longer name ("iPod Nano") → MISC 2; and by default two
//! or three words → PERSON 1, one word → PERSON 0.5, four or more → MISC 1.
//! Names no rule types get the learned tagger's vote (see [`assign`]).

use std::collections::{HashMap, HashSet};

use super::candidates::{Candidate, is_org_suffix};
use super::context::{Context, is_camel_name};
use super::gazetteer::country_exact;
use super::lexicons::{FIRST_NAMES, NONAMES, ORG_CUES, PLACES, SAY_VERBS};
use super::tagger::name_type;
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

/// Words right after a name (or its possessive) that mark it as an
/// organization: "Maersk shares", "Acme's board", "Norvex spokesman",
/// "Microsoft CEO".
const ORG_AFTER: &[&str] = &[
    "shares",
    "stock",
    "stake",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "board",
    "subsidiary",
    "subsidiaries",
    "profit",
    "profits",
    "earnings",
    "revenue",
    "revenues",
    "headquarters",
    "employees",
    "shareholders",
    "stockholders",
    "executives",
    "chief",
    "CEO",
    "chairman",
    "chairwoman",
    "plant",
    "factory",
    "factories",
    "brand",
    "products",
    "customers",
    "stores",
    "manager",
    "coach",
];

/// Verbs after a name that a company is the subject of ("Maersk acquired",
/// "Acme has launched"); weak, since people do these things too.
const ORG_VERBS: &[&str] = &[
    "launched",
    "launches",
    "unveiled",
    "unveils",
    "acquired",
    "acquires",
    "posted",
    "shipped",
    "ships",
    "merged",
    "manufactures",
    "manufactured",
    "produces",
    "reported",
    "reports",
    "released",
    "releases",
    "announced",
    "announces",
    "sold",
    "sells",
    "bought",
    "buys",
    "employs",
    "recalled",
    "listed",
    "traded",
];

/// Words that open an auxiliary before a verb ("has launched").
const AUXILIARIES: &[&str] = &[
    "has", "have", "had", "will", "would", "also", "today", "recently", "which", "that", "was",
    "is", "were", "been", ",",
];

/// Two words before a name that make it a company: "shares of Acme",
/// "a stake in Acme".
fn org_before(prev2: &str, prev: &str) -> bool {
    matches!(prev, "in" | "of")
        && matches!(
            prev2,
            "shares" | "stake" | "stakes" | "stock" | "subsidiary" | "unit" | "division"
        )
}

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

/// Weight of the learned tagger's vote for a mention's type.
const TAGGER_VOTE: f32 = 2.0;

/// Types every candidate, consistently over the document: names written the
/// same (ignoring case) get the type with the most summed evidence.
///
/// The learned tagger votes ([`TAGGER_VOTE`] a mention) only for names that
/// no rule types: no mention of the name is a country or a listed name, has
/// any evidence beyond the defaults by length, or is lent a type by
/// coordination. Its votes choose the type but never make it "strong", so a
/// one-word name the tagger alone calls an organization can still be a
/// person's surname.
pub fn assign(cx: &Context, candidates: &[Candidate]) -> Vec<Typed> {
    let local: Vec<(Scores, Option<&'static str>, Option<&'static str>)> =
        candidates.iter().map(|c| evidence(cx, c)).collect();
    let mut totals: HashMap<String, Scores> = HashMap::new();
    let mut ruled: HashSet<String> = HashSet::new();
    for (c, (scores, country, listed)) in candidates.iter().zip(&local) {
        let key = c.surface.to_lowercase();
        let defaults = default_scores(c.tokens.len());
        if country.is_some()
            || listed.is_some()
            || scores.iter().zip(&defaults).any(|(a, b)| a != b)
        {
            ruled.insert(key.clone());
        }
        let total = totals.entry(key).or_insert([0.0; 4]);
        for (t, s) in total.iter_mut().zip(scores) {
            *t += s;
        }
    }
    ruled.extend(coordination(cx, candidates, &local, &mut totals));
    let mut votes: HashMap<String, Scores> = HashMap::new();
    for c in candidates {
        let key = c.surface.to_lowercase();
        if ruled.contains(&key) {
            continue;
        }
        if let Some(kind) = name_type(&cx.tagged, &c.tokens) {
            votes.entry(key).or_insert([0.0; 4])[slot(kind)] += TAGGER_VOTE;
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
            let key = c.surface.to_lowercase();
            let rules = totals.get(&key).copied().unwrap_or([0.0; 4]);
            let mut scores = rules;
            if let Some(v) = votes.get(&key) {
                for (s, v) in scores.iter_mut().zip(v) {
                    *s += v;
                }
            }
            let kind = best(&scores);
            Typed {
                kind,
                country: None,
                listed,
                strong: listed.is_some() || rules[slot(kind)] >= 3.0,
            }
        })
        .collect()
}

/// Lends weakly typed one-word names the type of a firmly typed organization
/// or place they are listed with ("at IBM and Compaq", "Acme, Norvex and
/// Vardon"): each such pairing adds 2 to that type. Returns the names
/// (lower-cased) that were lent a type.
fn coordination(
    cx: &Context,
    candidates: &[Candidate],
    local: &[(Scores, Option<&'static str>, Option<&'static str>)],
    totals: &mut HashMap<String, Scores>,
) -> Vec<String> {
    let firm = |j: usize| -> Option<usize> {
        let (_, country, listed) = &local[j];
        if country.is_some() {
            return Some(2);
        }
        let scores = totals.get(&candidates[j].surface.to_lowercase())?;
        let kind = slot(best(scores));
        (matches!(kind, 1 | 2) && (listed.is_some() || scores[kind] >= 3.0)).then_some(kind)
    };
    let mut lent: Vec<(String, usize)> = Vec::new();
    for i in 0..candidates.len() {
        let c = &candidates[i];
        if c.tokens.len() != 1 || local[i].1.is_some() {
            continue;
        }
        let Some(scores) = totals.get(&c.surface.to_lowercase()) else {
            continue;
        };
        if scores.iter().any(|&v| v >= 3.0) {
            continue;
        }
        let joined = |a: &Candidate, b: &Candidate| {
            b.first() == a.last() + 2 && matches!(cx.word(a.last() + 1), "and" | "or" | "," | "&")
        };
        let mut kind = None;
        if i > 0 && joined(&candidates[i - 1], c) {
            kind = firm(i - 1);
        }
        if kind.is_none() && i + 1 < candidates.len() && joined(c, &candidates[i + 1]) {
            kind = firm(i + 1);
        }
        if let Some(k) = kind {
            lent.push((c.surface.to_lowercase(), k));
        }
    }
    for (key, k) in &lent {
        if let Some(t) = totals.get_mut(key) {
            t[*k] += 2.0;
        }
    }
    lent.into_iter().map(|(key, _)| key).collect()
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
    if let Some((a, b)) = exact(first) {
        if ORG_CUES.product.exact(cx.text, cx.tokens, a, b).is_some() {
            s[3] += 10.0;
        } else if (a + 1..b).any(|k| ORG_CUES.product.exact(cx.text, cx.tokens, k, b).is_some()) {
            s[3] += 6.0;
        }
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
    let possessive = matches!(cx.word(last + 1), "'s" | "’s");
    if (SAY_VERBS.contains(next) && !ORG_VERBS.contains(&next))
        || (SAY_VERBS.contains(prev) && !possessive)
    {
        s[0] += 3.0;
    }
    let after = if matches!(cx.word(last + 1), "'s" | "’s") {
        last + 2
    } else {
        last + 1
    };
    if ORG_AFTER.contains(&cx.word(after))
        && cx
            .tokens
            .get(after)
            .is_some_and(|t| t.sentence == c.sentence)
    {
        s[1] += 2.0;
    }
    let mut verb = last + 1;
    while verb < last + 4 && AUXILIARIES.contains(&cx.word(verb)) {
        verb += 1;
    }
    if n == 1 && ORG_VERBS.contains(&cx.word(verb)) {
        s[1] += 1.5;
    }
    let prev2 = first.checked_sub(2).map_or("", |p| cx.word(p));
    if org_before(prev2, prev) {
        s[1] += 3.0;
    }
    // "chairman of Genentech", "chief executive officer of Acme".
    if prev == "of"
        && first >= 2
        && (1..=4).any(|len| {
            first.checked_sub(1 + len).is_some_and(|k| {
                title_at(cx.text, cx.tokens, k).is_some_and(|m| m.tokens == len && !m.honorific)
            })
        })
    {
        s[1] += 3.0;
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
    if n > 1 && is_camel_name(cx.word(first)) {
        s[3] += 2.0;
    }
    for (s, d) in s.iter_mut().zip(default_scores(n)) {
        *s += d;
    }
    (s, None, listed)
}

/// The weak default evidence of a name of `n` words: one word → PERSON 0.5,
/// two or three → PERSON 1, four or more → MISC 1.
fn default_scores(n: usize) -> Scores {
    match n {
        1 => [0.5, 0.0, 0.0, 0.0],
        2 | 3 => [1.0, 0.0, 0.0, 0.0],
        _ => [0.0, 0.0, 0.0, 1.0],
    }
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
