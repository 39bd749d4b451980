//! The abbreviation list: words that keep their full stop.

use std::collections::HashMap;
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

static ABBREVIATIONS: LazyLock<HashMap<&'static str, Abbreviation>> = LazyLock::new(|| {
    lexicon::entries(include_str!("../../data/lexicon/abbreviations.txt"))
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

/// Looks up a word with or without its final full stop.
pub fn lookup(word: &str) -> Option<Abbreviation> {
    let word = word.strip_suffix('.').unwrap_or(word);
    ABBREVIATIONS.get(word).copied()
}

/// True for an honorific or rank written before a name ("Mr.", "Dr", "Gen.").
pub fn is_title_abbreviation(word: &str) -> bool {
    lookup(word) == Some(Abbreviation::Title)
}
