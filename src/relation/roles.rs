//! Role phrases: who holds which title where.
//!
//! Three general shapes, read token by token around each person mention:
//! - before the name: `[former|then] [ORG] TITLE [and [ORG] TITLE] NAME`
//!   ("Former CIA director and US secretary of state Mike Pompeo",
//!   "Iran nuclear chief Mohsen Fakhrizadeh"), or `TITLE of ORG NAME`;
//! - an apposition after it: `NAME, [the] [former] [ORG] TITLE [of|at ORG]`
//!   ("Yossi Cohen, the head of the Mossad");
//! - a predicate: `NAME was [no longer] [ORG] TITLE [of ORG]`
//!   ("Pompeo was no longer CIA director").

use crate::annotation::{Annotated, EntityType, Relation, RelationKind, Span};
use crate::entity::titles::{TitleMatch, title_at};

/// Token-level view of one document used while reading role phrases.
pub(super) struct Reader<'a> {
    pub text: &'a str,
    pub annotated: &'a Annotated,
    pub mention_of_token: Vec<Option<usize>>,
}

/// Words that mark a role as past.
const PAST_MARKERS: &[&str] = &[
    "former",
    "then",
    "ex",
    "ex-",
    "late",
    "onetime",
    "erstwhile",
];
/// Verbs that link a person to a title.
const LINKING_VERBS: &[&str] = &["is", "was", "became", "remains", "remained", "becomes"];

impl<'a> Reader<'a> {
    /// Makes the reader (builds the token → mention table once).
    pub fn new(text: &'a str, annotated: &'a Annotated) -> Self {
        Self {
            text,
            annotated,
            mention_of_token: annotated.mention_of_token(),
        }
    }

    fn word(&self, i: usize) -> &'a str {
        self.annotated
            .tokens
            .get(i)
            .map_or("", |t| t.span.text(self.text))
    }

    fn is(&self, i: usize, words: &[&str]) -> bool {
        let word = self.word(i);
        words.iter().any(|w| w.eq_ignore_ascii_case(word))
    }

    fn is_bracket(&self, i: usize) -> bool {
        matches!(self.word(i), "[" | "]")
    }

    /// The mention at token `i`, if it names an organization or a place.
    fn affiliation_at(&self, i: usize) -> Option<usize> {
        let m = self.mention_of_token.get(i).copied().flatten()?;
        let mention = &self.annotated.mentions[m];
        matches!(
            mention.kind,
            EntityType::Organization | EntityType::Location | EntityType::Misc
        )
        .then_some(m)
    }

    /// First token of mention `m`.
    fn first_token(&self, m: usize, around: usize) -> usize {
        let mut i = around;
        while i > 0 && self.mention_of_token[i - 1] == Some(m) {
            i -= 1;
        }
        i
    }

    /// The longest title that ends right before token `end` (within `floor..end`).
    fn title_ending_at(&self, floor: usize, end: usize) -> Option<(usize, TitleMatch)> {
        let tokens = &self.annotated.tokens;
        (end.saturating_sub(5).max(floor)..end).find_map(|start| {
            let found = title_at(self.text, tokens, start)?;
            (start + found.tokens == end && self.mention_of_token[start].is_none())
                .then_some((start, found))
        })
    }

    /// The title starting at token `i`, unless it is part of a name.
    fn title_starting_at(&self, i: usize) -> Option<TitleMatch> {
        if self.mention_of_token.get(i).copied().flatten().is_some() {
            return None;
        }
        title_at(self.text, &self.annotated.tokens, i)
    }

    /// Every role phrase of the document, in text order, de-duplicated.
    pub fn roles(&self) -> Vec<Relation> {
        let ranges = self.annotated.sentence_token_ranges();
        let mut relations: Vec<Relation> = Vec::new();
        let mut t = 0;
        while t < self.annotated.tokens.len() {
            let Some(m) = self.mention_of_token[t] else {
                t += 1;
                continue;
            };
            let mut last = t;
            while self.mention_of_token.get(last + 1) == Some(&Some(m)) {
                last += 1;
            }
            let mention = &self.annotated.mentions[m];
            if mention.kind == EntityType::Person {
                let range = &ranges[mention.sentence];
                let mut found = self.before_name(range.start, t, m);
                found.extend(self.after_name(range.end, last, m));
                for relation in found {
                    let duplicate = relations.iter().any(|r| {
                        r.subject == relation.subject
                            && r.object == relation.object
                            && r.title == relation.title
                            && r.sentence == relation.sentence
                    });
                    if !duplicate {
                        relations.push(relation);
                    }
                }
            }
            t = last + 1;
        }
        relations
    }

    fn relation(
        &self,
        m: usize,
        title: String,
        object: Option<usize>,
        former: bool,
        tokens: (usize, usize),
    ) -> Relation {
        let mention = &self.annotated.mentions[m];
        let span = Span::new(
            self.annotated.tokens[tokens.0].span.start,
            self.annotated.tokens[tokens.1].span.end,
        );
        Relation {
            kind: RelationKind::HoldsRole,
            subject: mention.entity,
            object: object.map(|o| self.annotated.mentions[o].entity),
            title,
            start: None,
            end: None,
            former,
            span,
            sentence: mention.sentence,
        }
    }

    /// `[former] [ORG] TITLE [and [ORG] TITLE] NAME` and `TITLE of ORG NAME`.
    fn before_name(&self, floor: usize, name_start: usize, m: usize) -> Vec<Relation> {
        let mut j = name_start;
        while j > floor && self.is_bracket(j - 1) {
            j -= 1;
        }
        let mut found: Vec<(String, Option<usize>, usize)> = Vec::new();
        // TITLE of ORG NAME
        if let Some((start, title, org)) = self.title_of_organization(floor, j) {
            found.push((title.title, Some(org), start));
            j = start;
        }
        if found.is_empty() {
            while let Some((start, title)) = self.title_ending_at(floor, j) {
                let mut k = start;
                while k > floor && self.is_bracket(k - 1) {
                    k -= 1;
                }
                let mut object = None;
                // Up to two lower-case modifiers between the organization and the
                // title ("Iran nuclear chief").
                for skip in 0..3 {
                    if k < floor + skip + 1 {
                        break;
                    }
                    let at = k - skip - 1;
                    if let Some(org) = self.affiliation_at(at) {
                        object = Some(org);
                        k = self.first_token(org, at);
                        while k > floor && self.is_bracket(k - 1) {
                            k -= 1;
                        }
                        break;
                    }
                    let word = self.word(at);
                    if !word.chars().all(|c| c.is_lowercase())
                        || self.is(at, &["the", "a", "an", "and", "of"])
                    {
                        break;
                    }
                }
                found.push((title.title, object, k));
                j = k;
                if j > floor + 1 && self.is(j - 1, &["and"]) {
                    j -= 1;
                    continue;
                }
                break;
            }
        }
        let former = j > floor && self.is(j - 1, PAST_MARKERS);
        let phrase_start = if former { j - 1 } else { j };
        let name_last = self.last_token_of(m, name_start);
        found
            .into_iter()
            .map(|(title, object, _)| {
                self.relation(m, title, object, former, (phrase_start, name_last))
            })
            .collect()
    }

    /// `TITLE of ORG` ending right before token `end`.
    fn title_of_organization(
        &self,
        floor: usize,
        end: usize,
    ) -> Option<(usize, TitleMatch, usize)> {
        if end < floor + 3 {
            return None;
        }
        let org = self.affiliation_at(end - 1)?;
        let org_start = self.first_token(org, end - 1);
        if org_start <= floor || !self.is(org_start - 1, &["of"]) {
            return None;
        }
        let (start, title) = self.title_ending_at(floor, org_start - 1)?;
        Some((start, title, org))
    }

    fn last_token_of(&self, m: usize, from: usize) -> usize {
        let mut i = from;
        while self.mention_of_token.get(i + 1) == Some(&Some(m)) {
            i += 1;
        }
        i
    }

    /// `NAME, [the] [former] [ORG] TITLE [of|at [the] ORG]` and
    /// `NAME was [no longer] [ORG] TITLE [of ORG]`.
    fn after_name(&self, ceiling: usize, name_last: usize, m: usize) -> Option<Relation> {
        let mut j = name_last + 1;
        let mut former = false;
        if self.is(j, &[","]) {
            j += 1;
        } else if self.is(j, LINKING_VERBS) {
            j += 1;
            if self.is(j, &["no"]) && self.is(j + 1, &["longer"]) {
                former = true;
                j += 2;
            }
            while self.is(j, &["still", "now", "also"]) {
                j += 1;
            }
        } else {
            return None;
        }
        while self.is(j, &["the", "a", "an"]) {
            j += 1;
        }
        if self.is(j, PAST_MARKERS) {
            former = true;
            j += 1;
        }
        let mut object = None;
        if let Some(org) = self.affiliation_at(j) {
            object = Some(org);
            while self.mention_of_token.get(j) == Some(&Some(org)) {
                j += 1;
            }
        }
        let title = self.title_starting_at(j)?;
        let mut end = j + title.tokens - 1;
        if object.is_none() && self.is(end + 1, &["of", "at", "for"]) {
            let mut k = end + 2;
            while self.is(k, &["the"]) {
                k += 1;
            }
            if let Some(org) = self.affiliation_at(k) {
                object = Some(org);
                end = self.last_token_of(org, k);
            }
        }
        if end >= ceiling {
            return None;
        }
        let start = self.first_token(m, name_last);
        Some(self.relation(m, title.title, object, former, (start, end)))
    }
}
