//! Token-level helpers shared by the entity stage: what a token looks like
//! and the document-wide facts the rules consult.

use std::collections::HashSet;

use super::lexicons::{NONAMES, ORG_CUES};
use super::tagger;
use crate::annotation::{Annotated, EntityType, Span, Token, TokenKind};

/// Lower-case connectors allowed inside a name before "of"-style
/// continuations ("Ministry of Defense", "Bank of the Philippines").
const ORG_CONNECTORS: &[&str] = &["of", "for", "and", "the", "&", "on"];

/// Name particles kept inside a person's name ("Osama bin Laden").
const PARTICLES: &[&str] = &[
    "de", "al", "bin", "ibn", "van", "von", "da", "del", "della", "du", "la", "le", "der", "den",
    "dos", "das", "el", "ben", "abu", "di", "ter",
];

/// The document as the entity rules see it.
pub struct Context<'a> {
    /// The document text.
    pub text: &'a str,
    /// Its tokens.
    pub tokens: &'a [Token],
    /// Spans of its time expressions.
    pub timexes: Vec<Span>,
    /// Every word that occurs starting with a lower-case letter.
    pub lower_words: HashSet<&'a str>,
    /// First token index of each sentence, plus the token count at the end.
    pub sentence_starts: Vec<usize>,
    /// The learned tagger's type of each token (`None` outside names).
    pub tagged: Vec<Option<EntityType>>,
}

impl<'a> Context<'a> {
    /// Builds the context of one annotated document.
    pub fn new(text: &'a str, annotated: &'a Annotated) -> Self {
        let tokens = annotated.tokens.as_slice();
        let lower_words = tokens
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| t.span.text(text))
            .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
            .collect();
        let mut sentence_starts = vec![0; annotated.sentences.len() + 1];
        let mut seen = vec![false; annotated.sentences.len()];
        for (i, token) in tokens.iter().enumerate() {
            if let Some(flag) = seen.get_mut(token.sentence)
                && !*flag
            {
                *flag = true;
                sentence_starts[token.sentence] = i;
            }
        }
        // Sentences without tokens (none in practice) and the end marker.
        let count = annotated.sentences.len();
        sentence_starts[count] = tokens.len();
        for s in (0..count).rev() {
            if !seen[s] {
                sentence_starts[s] = sentence_starts[s + 1];
            }
        }
        Self {
            text,
            tokens,
            timexes: annotated.timexes.iter().map(|t| t.span).collect(),
            lower_words,
            sentence_starts,
            tagged: tagger::token_types(text, tokens),
        }
    }

    /// The text of token `i` ("" when out of range).
    pub fn word(&self, i: usize) -> &'a str {
        self.tokens.get(i).map_or("", |t| t.span.text(self.text))
    }

    /// The token range `[start, end)` of sentence `s`.
    pub fn sentence_range(&self, s: usize) -> (usize, usize) {
        let start = self.sentence_starts.get(s).copied().unwrap_or(0);
        let end = self.sentence_starts.get(s + 1).copied().unwrap_or(start);
        (start, end)
    }

    /// True for a word token that starts with a capital letter, or is a
    /// brand written in camel case ("iPhone", see [`is_camel_name`]).
    pub fn is_capitalised(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| {
            let word = t.span.text(self.text);
            t.kind == TokenKind::Word
                && (word.chars().next().is_some_and(char::is_uppercase) || is_camel_name(word))
        })
    }

    /// True for a word token written all in capitals with at least two
    /// letters ("CIA", "U.S.", "REUTERS").
    pub fn is_all_caps(&self, i: usize) -> bool {
        let w = self.word(i);
        self.is_capitalised(i)
            && w.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !w.chars().any(char::is_lowercase)
    }

    /// True for an all-caps token of 2–5 letters that stands among words that
    /// are not all caps (so "NEWS" in "WORLD NEWS" is not an acronym) in a
    /// line that is not all caps, or that is a known organization.
    pub fn is_acronym(&self, i: usize) -> bool {
        if !self.is_all_caps(i) {
            return false;
        }
        let w = self.word(i);
        if ORG_CUES.known.contains(w) {
            return true;
        }
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        if letters > 5 {
            return false;
        }
        let Some(token) = self.tokens.get(i) else {
            return false;
        };
        if self.shouting_sentence(token.sentence) {
            return false;
        }
        let neighbour_caps = |j: usize| {
            self.tokens
                .get(j)
                .is_some_and(|t| t.sentence == token.sentence)
                && self.is_all_caps(j)
        };
        !(neighbour_caps(i + 1) || (i > 0 && neighbour_caps(i - 1)))
    }

    /// True when every word of sentence `s` (at least two) is written all in
    /// capitals.
    pub fn shouting_sentence(&self, s: usize) -> bool {
        let (start, end) = self.sentence_range(s);
        let mut words = (start..end)
            .filter(|&j| self.tokens[j].kind == TokenKind::Word)
            .peekable();
        words.peek().is_some()
            && (start..end)
                .filter(|&j| self.tokens[j].kind == TokenKind::Word)
                .count()
                >= 2
            && words
                .all(|j| self.is_all_caps(j) || self.word(j).chars().all(|c| !c.is_alphabetic()))
    }

    /// True for a square bracket token (an editor's insertion mark).
    pub fn is_bracket(&self, i: usize) -> bool {
        matches!(self.word(i), "[" | "]")
    }

    /// True for a lower-case connector allowed inside an organization or
    /// place name.
    pub fn is_org_connector(&self, i: usize) -> bool {
        ORG_CONNECTORS.contains(&self.word(i))
    }

    /// True for a lower-case name particle ("bin", "van", "al").
    pub fn is_particle(&self, i: usize) -> bool {
        PARTICLES.contains(&self.word(i))
    }

    /// True for a word listed in `nonames.txt`.
    pub fn is_noname(&self, i: usize) -> bool {
        NONAMES.contains(self.word(i))
    }

    /// True for a listed non-name that is dropped from the start of a name
    /// wherever it stands, not only at a sentence start: articles, months,
    /// weekdays, modifiers of titles and common abbreviations ("The", "May",
    /// "Former", "GB").
    pub fn is_strippable_anywhere(&self, i: usize) -> bool {
        let w = self.word(i);
        matches!(
            NONAMES.word(w),
            Some(&("month" | "weekday" | "modifier" | "common"))
        ) || ["the", "a", "an"].iter().any(|a| w.eq_ignore_ascii_case(a))
    }

    /// True when token `i` overlaps a time expression.
    pub fn in_timex(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| self.timexes.iter().any(|x| x.overlaps(&t.span)))
    }

    /// True when the word occurs elsewhere in the document in lower case.
    pub fn occurs_lower(&self, word: &str) -> bool {
        if self.lower_words.contains(word) {
            return true;
        }
        let lower = word.to_lowercase();
        self.lower_words.contains(lower.as_str())
    }

    /// True when token `i` opens its sentence or a quotation: only
    /// punctuation stands between it and the sentence start or an opening
    /// quote.
    pub fn is_sentence_initial(&self, i: usize) -> bool {
        let Some(token) = self.tokens.get(i) else {
            return false;
        };
        let (start, _) = self.sentence_range(token.sentence);
        let mut j = i;
        while j > start {
            j -= 1;
            let w = self.word(j);
            if matches!(w, "\"" | "“" | "'" | "‘" | "(" | "«" | ":") {
                return true;
            }
            if self.tokens[j].kind != TokenKind::Punct || matches!(w, "," | ";") {
                return false;
            }
        }
        true
    }
}

/// True for a name written in camel case with a lower-case start, as brands
/// are ("iPhone", "eBay", "iOS"): one or two lower-case letters, then a
/// capital, at least three letters in all, and not a listed unit or common
/// abbreviation ("kWh", "mRNA").
pub(super) fn is_camel_name(word: &str) -> bool {
    let lower = word.chars().take_while(char::is_ascii_lowercase).count();
    let after = word[lower..].chars().next();
    (1..=2).contains(&lower)
        && after.is_some_and(|c| c.is_ascii_uppercase())
        && word.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && NONAMES.word(word).is_none()
}
