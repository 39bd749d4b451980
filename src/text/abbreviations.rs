//! The abbreviation list: words that keep their full stop.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use crate::lexicon;

/// Kind of abbreviation, from the section of the list it is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Abbreviation {
    /// An honorific or rank that stands before a name ("Mr.", "Gen.").
    Title,
    /// Any other ("Jan.", "Inc.", "etc.").
    Other,
}

const LIST: &str = include_str!("../../data/lexicon/abbreviations.txt");

static ABBREVIATIONS: LazyLock<HashMap<&'static str, Abbreviation>> = LazyLock::new(|| {
    lexicon::entries(LIST)
        .filter(|(section, _)| *section != "opener")
        .map(|(section, word)| {
            let kind = if section == "title" {
                Abbreviation::Title
            } else {
                Abbreviation::Other
            };
            (word, kind)
        })
        .collect()
});

/// Words that open a sentence when they follow an abbreviation.
static OPENERS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    lexicon::entries(LIST)
        .filter(|(section, _)| *section == "opener")
        .map(|(_, word)| word)
        .collect()
});

/// True when `word`, after an abbreviation or initialism other than a title,
/// shows that a new sentence has begun ("7:30 p.m. More than ...").
pub fn opens_sentence(word: &str) -> bool {
    OPENERS.contains(word)
}

/// Looks up a word with or without its final full stop.
pub fn lookup(word: &str) -> Option<Abbreviation> {
    let word = word.strip_suffix('.').unwrap_or(word);
    ABBREVIATIONS.get(word).copied()
}

/// True for an honorific or rank written before a name ("Mr.", "Dr", "Gen.").
pub fn is_title_abbreviation(word: &str) -> bool {
    lookup(word) == Some(Abbreviation::Title)
}
