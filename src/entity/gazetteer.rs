//! Countries with their demonyms and short forms (`data/lexicon/countries.txt`).
//!
//! Lookups are case-insensitive for capitalised input only, so that the
//! pronoun "us" is never the United States while "US", "ISRAELI" and
//! "Israeli" all are countries.

use std::sync::LazyLock;

use super::lexicons::PhraseTable;
use crate::annotation::Token;
use crate::lexicon;

/// Every form of every country (name, demonyms, short forms) → country name.
static COUNTRIES: LazyLock<PhraseTable<&'static str>> = LazyLock::new(|| {
    let mut table = PhraseTable::default();
    for (_, entry) in lexicon::entries(include_str!("../../data/lexicon/countries.txt")) {
        let mut forms = entry.split('|').map(str::trim).filter(|f| !f.is_empty());
        let Some(name) = forms.next() else { continue };
        table.insert(name, name);
        for form in forms {
            table.insert(form, name);
        }
    }
    table
});

/// The country a word or phrase names or describes ("Israeli" → "Israel",
/// "U.S." → "United States", "Saudi Arabia" → "Saudi Arabia"); `None` for
/// anything else, and for input that does not start with a capital.
pub fn country_of(word: &str) -> Option<&'static str> {
    if !word.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    COUNTRIES.phrase(word).copied()
}

/// The longest country form starting at token `i` and ending before token
/// `end`: how many tokens it covers and the country name. The first token
/// must start with a capital.
pub fn country_at(
    text: &str,
    tokens: &[Token],
    i: usize,
    end: usize,
) -> Option<(usize, &'static str)> {
    let first = tokens.get(i)?.span.text(text);
    if !first.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    COUNTRIES
        .longest_at(text, tokens, i, end)
        .map(|(n, name)| (n, *name))
}

/// The country named by exactly the tokens `[i, end)`, if they are one form.
pub fn country_exact(text: &str, tokens: &[Token], i: usize, end: usize) -> Option<&'static str> {
    let first = tokens.get(i)?.span.text(text);
    if !first.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    COUNTRIES.exact(text, tokens, i, end).copied()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    #[test]
    fn names_demonyms_and_short_forms() {
        assert_eq!(country_of("Israeli"), Some("Israel"));
        assert_eq!(country_of("Israelis"), Some("Israel"));
        assert_eq!(country_of("Iranian"), Some("Iran"));
        assert_eq!(country_of("US"), Some("United States"));
        assert_eq!(country_of("U.S."), Some("United States"));
        assert_eq!(country_of("American"), Some("United States"));
        assert_eq!(country_of("UK"), Some("United Kingdom"));
        assert_eq!(country_of("ISRAEL"), Some("Israel"));
        assert_eq!(country_of("Saudi Arabia"), Some("Saudi Arabia"));
        assert_eq!(country_of("France"), Some("France"));
    }

    #[test]
    fn non_countries_and_lower_case() {
        assert_eq!(country_of("us"), None);
        assert_eq!(country_of("Tehran"), None);
        assert_eq!(country_of(""), None);
        assert_eq!(country_of("Pompeo"), None);
    }

    #[test]
    fn multi_token_forms_match_longest() {
        let text = "the Papua New Guinea coast";
        let tokens = tokenize(text);
        assert_eq!(
            country_at(text, &tokens, 1, tokens.len()),
            Some((3, "Papua New Guinea"))
        );
        assert_eq!(country_at(text, &tokens, 0, tokens.len()), None);
        assert_eq!(country_exact(text, &tokens, 3, 4), Some("Guinea"));
    }
}
