//! Titles, offices, honorifics and ranks (`data/lexicon/titles.txt`):
//! cues for a following person name, and the phrases the relation stage
//! reads as roles.

use std::sync::LazyLock;

use super::lexicons::PhraseTable;
use crate::annotation::Token;
use crate::lexicon;
use crate::text::abbreviations::is_title_abbreviation;

/// A title found at a token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TitleMatch {
    /// How many tokens the title covers.
    pub tokens: usize,
    /// The title, lower-cased and as listed ("secretary of state").
    pub title: String,
    /// True for a courtesy title or honorific ("Mr.", "Dr.", "Sheikh").
    pub honorific: bool,
}

/// Kind of a listed title.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Honorific,
    Office,
}

/// Every listed title → its kind.
static TITLES: LazyLock<PhraseTable<(&'static str, Kind)>> = LazyLock::new(|| {
    let mut table = PhraseTable::default();
    for (section, entry) in lexicon::entries(include_str!("../../data/lexicon/titles.txt")) {
        let kind = if section == "honorific" {
            Kind::Honorific
        } else {
            Kind::Office
        };
        table.insert(entry, (entry, kind));
    }
    table
});

/// The longest title or office phrase starting at token `i`, matched
/// case-insensitively ("Prime minister", "secretary of state", "CEO",
/// "Mr."). Abbreviated titles of the tokenizer's list ("Gen.", "Lt.") count
/// too. `None` when no title starts there or `i` is out of range.
pub fn title_at(text: &str, tokens: &[Token], i: usize) -> Option<TitleMatch> {
    let token = tokens.get(i)?;
    if let Some((n, (title, kind))) = TITLES.longest_at(text, tokens, i, tokens.len()) {
        return Some(TitleMatch {
            tokens: n,
            title: title.to_lowercase(),
            honorific: *kind == Kind::Honorific,
        });
    }
    let word = token.span.text(text);
    if word.ends_with('.') && is_title_abbreviation(word) {
        return Some(TitleMatch {
            tokens: 1,
            title: word.to_lowercase(),
            honorific: true,
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn title(text: &str, i: usize) -> Option<(usize, String)> {
        let tokens = tokenize(text);
        title_at(text, &tokens, i).map(|m| (m.tokens, m.title))
    }

    #[test]
    fn longest_title_wins() {
        assert_eq!(
            title("US secretary of state Mike Pompeo", 1),
            Some((3, "secretary of state".into()))
        );
        assert_eq!(
            title("Israeli Prime minister Benjamin Netanyahu", 1),
            Some((2, "prime minister".into()))
        );
        assert_eq!(title("the CEO said", 1), Some((1, "ceo".into())));
        assert_eq!(
            title("Minister of Defense Benny Gantz", 0),
            Some((3, "minister of defense".into()))
        );
    }

    #[test]
    fn honorifics_and_abbreviations() {
        let text = "Mr. Pompeo met Gen. Smith";
        let tokens = tokenize(text);
        let mr = title_at(text, &tokens, 0).unwrap();
        assert!(mr.honorific);
        assert_eq!(mr.title, "mr.");
        assert_eq!(title_at(text, &tokens, 3).map(|m| m.tokens), Some(1));
        assert_eq!(title_at(text, &tokens, 1), None);
        assert_eq!(title_at(text, &tokens, 99), None);
    }

    #[test]
    fn nouns_that_are_not_titles() {
        assert_eq!(title("the heist of the century", 1), None);
        assert_eq!(title("Mossad agents", 0), None);
    }
}
