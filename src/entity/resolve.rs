//! Alias resolution within one document: grouping typed mentions into
//! entities.
//!
//! Rules, in order:
//! - Country forms ("Israel", "Israeli", "U.S.") join the country's entity.
//! - Names written the same (ignoring case) with the same type are one entity.
//! - A one-word name that is not firmly typed otherwise joins a person whose
//!   full name ends with it (the surname: "Pompeo" → "Mike Pompeo"). When
//!   several full names share that surname ("Yossi Cohen", "Amir Cohen"),
//!   the mention goes to the one whose full name was mentioned most recently
//!   before it in running text (bylines and photo credits do not count);
//!   when none precedes it in running text, to the one mentioned most often.
//!   The full names themselves are never merged.
//! - Otherwise it joins the only person whose full name starts with it
//!   ("Yossi" → "Yossi Cohen"); with two or more such persons it stays apart.
//! - A one-word all-caps name joins the organization whose capitalised words
//!   it abbreviates ("IRGC" → "Islamic Revolutionary Guard Corps").

use std::collections::HashMap;

use super::candidates::Candidate;
use super::context::Context;
use super::lexicons::eq_fold;
use super::typing::Typed;
use crate::annotation::{Entity, EntityType, Mention, Span};

/// Groups typed candidates into mentions and entities (see module docs).
pub fn resolve(
    cx: &Context,
    candidates: &[Candidate],
    typed: &[Typed],
) -> (Vec<Mention>, Vec<Entity>) {
    let n = candidates.len();
    // Group key of each candidate before alias linking.
    let keys: Vec<(EntityType, String)> = candidates
        .iter()
        .zip(typed)
        .map(|(c, t)| match t.country {
            Some(country) => (EntityType::Location, country.to_lowercase()),
            None => (t.kind, c.surface.to_lowercase()),
        })
        .collect();
    let mut kinds: Vec<EntityType> = typed.iter().map(|t| t.kind).collect();
    // Full person names: persons of two or more words.
    let full: Vec<usize> = (0..n)
        .filter(|&i| kinds[i] == EntityType::Person && candidates[i].tokens.len() >= 2)
        .collect();
    let mut target: Vec<(EntityType, String)> = keys.clone();
    for i in 0..n {
        let c = &candidates[i];
        if c.tokens.len() != 1 || typed[i].country.is_some() {
            continue;
        }
        let firm_other = typed[i].kind != EntityType::Person && typed[i].strong;
        if firm_other {
            continue;
        }
        let word = c.surface.as_str();
        if let Some(j) = pick_surname(cx, candidates, &keys, &full, i, word) {
            target[i] = keys[j].clone();
            kinds[i] = EntityType::Person;
            continue;
        }
        // Unique given name.
        let mut owners: Vec<&(EntityType, String)> = full
            .iter()
            .filter(|&&j| first_word(&candidates[j].surface).is_some_and(|f| eq_fold(f, word)))
            .map(|&j| &keys[j])
            .collect();
        owners.sort();
        owners.dedup();
        if let [only] = owners.as_slice() {
            target[i] = (*only).clone();
            kinds[i] = EntityType::Person;
        }
    }
    link_acronyms(candidates, typed, &keys, &mut target, &mut kinds);
    let keep: Vec<bool> = (0..n)
        .map(|i| !is_lone_initial_word(cx, candidates, typed, &keys, &target, i))
        .collect();
    build(cx, candidates, typed, &target, &kinds, &keep)
}

/// True for a one-word name that opens its sentence, has only weak evidence
/// for its type, joins no other entity, and never occurs in the document
/// except at a sentence start: most likely a capitalised common word
/// ("Talks were held..."). The same goes for such a word anywhere when it
/// also occurs in lower case in the document ("an announcement -
/// Podcasting" beside "podcasting"). A possessive after it ("Pompeo's")
/// keeps it.
fn is_lone_initial_word(
    cx: &Context,
    candidates: &[Candidate],
    typed: &[Typed],
    keys: &[(EntityType, String)],
    target: &[(EntityType, String)],
    i: usize,
) -> bool {
    let c = &candidates[i];
    c.tokens.len() == 1
        && !typed[i].strong
        && target[i] == keys[i]
        && !matches!(cx.word(c.last() + 1), "'s" | "’s")
        && (cx.occurs_lower(&c.surface)
            || c.initial
                && !candidates
                    .iter()
                    .any(|o| !o.initial && o.surface.eq_ignore_ascii_case(&c.surface)))
}

/// The candidate index of the full name a one-word surname mention refers
/// to, by the rule in the module docs.
fn pick_surname(
    _cx: &Context,
    candidates: &[Candidate],
    keys: &[(EntityType, String)],
    full: &[usize],
    i: usize,
    word: &str,
) -> Option<usize> {
    let owners: Vec<usize> = full
        .iter()
        .copied()
        .filter(|&j| last_word(&candidates[j].surface).is_some_and(|l| eq_fold(l, word)))
        .collect();
    if owners.is_empty() {
        return None;
    }
    let here = candidates[i].first();
    // Nearest preceding full mention in running text.
    if let Some(&j) = owners
        .iter()
        .filter(|&&j| candidates[j].first() < here && !candidates[j].credit)
        .max_by_key(|&&j| candidates[j].first())
    {
        return Some(j);
    }
    // Otherwise the full name mentioned most often (first seen on a tie).
    let mut counts: Vec<(usize, usize)> = Vec::new();
    for &j in &owners {
        let count = owners.iter().filter(|&&k| keys[k] == keys[j]).count();
        counts.push((count, j));
    }
    counts
        .iter()
        .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)))
        .map(|&(_, j)| j)
}

/// Links one-word all-caps organization names to the organization whose
/// capitalised words they abbreviate.
fn link_acronyms(
    candidates: &[Candidate],
    typed: &[Typed],
    keys: &[(EntityType, String)],
    target: &mut [(EntityType, String)],
    kinds: &mut [EntityType],
) {
    let mut initials: HashMap<String, Vec<usize>> = HashMap::new();
    for (j, c) in candidates.iter().enumerate() {
        if typed[j].kind != EntityType::Organization || c.tokens.len() < 2 {
            continue;
        }
        let letters: String = c
            .surface
            .split(' ')
            .filter_map(|w| w.chars().next())
            .filter(|ch| ch.is_uppercase())
            .collect();
        if letters.chars().count() >= 2 {
            initials.entry(letters).or_default().push(j);
        }
    }
    for (i, c) in candidates.iter().enumerate() {
        if c.tokens.len() != 1 || typed[i].country.is_some() {
            continue;
        }
        let word: String = c.surface.chars().filter(|ch| ch.is_alphabetic()).collect();
        if word.chars().count() < 2 || word.chars().any(char::is_lowercase) {
            continue;
        }
        if let Some(owners) = initials.get(&word) {
            let mut distinct: Vec<&(EntityType, String)> =
                owners.iter().map(|&j| &keys[j]).collect();
            distinct.sort();
            distinct.dedup();
            if let [only] = distinct.as_slice() {
                target[i] = (*only).clone();
                kinds[i] = EntityType::Organization;
            }
        }
    }
}

/// Makes the mentions and entities from the grouping keys.
fn build(
    cx: &Context,
    candidates: &[Candidate],
    typed: &[Typed],
    target: &[(EntityType, String)],
    kinds: &[EntityType],
    keep: &[bool],
) -> (Vec<Mention>, Vec<Entity>) {
    let mut index: HashMap<&(EntityType, String), usize> = HashMap::new();
    let mut entities: Vec<Entity> = Vec::new();
    let mut mentions = Vec::with_capacity(candidates.len());
    let mut best_len: Vec<(usize, usize, bool)> = Vec::new();
    for (m, c) in candidates.iter().enumerate() {
        if !keep[m] {
            continue;
        }
        let key = &target[m];
        let e = *index.entry(key).or_insert_with(|| {
            entities.push(Entity {
                canonical: String::new(),
                kind: key.0,
                aliases: Vec::new(),
                mentions: Vec::new(),
            });
            best_len.push((0, 0, false));
            entities.len() - 1
        });
        let t = &typed[m];
        let derived = t
            .country
            .is_some_and(|country| !eq_fold(country, &c.surface));
        let span = Span::new(
            cx.tokens[c.first()].span.start,
            cx.tokens[c.last()].span.end,
        );
        let mention_index = mentions.len();
        mentions.push(Mention {
            span,
            kind: kinds[m],
            entity: e,
            sentence: c.sentence,
            derived,
        });
        let entity = &mut entities[e];
        entity.mentions.push(mention_index);
        entity.aliases.push(c.surface.clone());
        // Canonical: the country, the listed spelling, or the fullest name,
        // preferring a form not written all in capitals.
        let display = t
            .country
            .map(str::to_string)
            .or_else(|| t.listed.map(str::to_string))
            .unwrap_or_else(|| display_form(c));
        let mixed = !is_shouting(&c.surface) || t.country.is_some() || t.listed.is_some();
        let rank = (c.tokens.len(), usize::from(mixed), display.len());
        let current = best_len[e];
        let better = entity.canonical.is_empty()
            || (rank.0, rank.1) > (current.0, usize::from(current.2))
            || ((rank.0, rank.1) == (current.0, usize::from(current.2)) && rank.2 > current.1);
        if t.country.is_some() {
            entity.canonical = display;
            best_len[e] = (usize::MAX, 0, true);
        } else if better && current.0 != usize::MAX {
            entity.canonical = display;
            best_len[e] = (rank.0, rank.2, mixed);
        }
    }
    for entity in &mut entities {
        entity.aliases.push(entity.canonical.clone());
        entity.aliases.sort();
        entity.aliases.dedup();
    }
    (mentions, entities)
}

/// The form a candidate shows as canonical: names written all in capitals
/// (bylines, credits, shouting headlines) are title-cased, except short
/// acronyms.
fn display_form(c: &Candidate) -> String {
    if is_shouting(&c.surface) && (c.tokens.len() > 1 || c.credit) {
        title_case(&c.surface)
    } else {
        c.surface.clone()
    }
}

/// True when the surface has no lower-case letter and at least two letters.
fn is_shouting(surface: &str) -> bool {
    surface.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !surface.chars().any(char::is_lowercase)
}

/// "YONAH JEREMY BOB" → "Yonah Jeremy Bob"; letters after a hyphen or an
/// apostrophe following a single letter start upper case ("O'BRIEN" →
/// "O'Brien", "AL-ASSAD" → "Al-Assad").
pub fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut start = true;
    let mut run = 0;
    for ch in s.chars() {
        if ch.is_alphabetic() {
            if start {
                out.extend(ch.to_uppercase());
            } else {
                out.extend(ch.to_lowercase());
            }
            start = false;
            run += 1;
        } else {
            out.push(ch);
            start = ch == ' ' || ch == '-' || ((ch == '\'' || ch == '’') && run == 1);
            run = 0;
        }
    }
    out
}

/// First space-separated word.
fn first_word(s: &str) -> Option<&str> {
    s.split(' ').next()
}

/// Last space-separated word.
fn last_word(s: &str) -> Option<&str> {
    s.rsplit(' ').next()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_case_handles_hyphens_and_apostrophes() {
        assert_eq!(title_case("YONAH JEREMY BOB"), "Yonah Jeremy Bob");
        assert_eq!(title_case("O'BRIEN"), "O'Brien");
        assert_eq!(title_case("AL-ASSAD"), "Al-Assad");
    }

    #[test]
    fn shouting_needs_two_letters_and_no_lower_case() {
        assert!(is_shouting("AMIR COHEN"));
        assert!(!is_shouting("Amir Cohen"));
        assert!(!is_shouting("A"));
    }
}
