//! Titles and offices (placeholder until the entity stage lands).

use crate::annotation::Token;

/// A title found at a token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TitleMatch {
    /// How many tokens the title covers.
    pub tokens: usize,
    /// Lower-cased canonical title.
    pub title: String,
}

const TITLES: &[&str] = &[
    "secretary of state", "prime minister", "chief executive officer", "director", "chief",
    "head", "president", "minister", "founder", "co-founder", "chairman", "ceo", "leader",
];

/// The longest title starting at token `i`.
pub fn title_at(text: &str, tokens: &[Token], i: usize) -> Option<TitleMatch> {
    TITLES.iter().find_map(|title| {
        let words: Vec<&str> = title.split(' ').collect();
        let ok = words.iter().enumerate().all(|(k, w)| {
            tokens.get(i + k).is_some_and(|t| t.span.text(text).eq_ignore_ascii_case(w))
        });
        ok.then(|| TitleMatch { tokens: words.len(), title: (*title).to_string() })
    })
}
