//! Tokenization: words, numbers and punctuation with byte offsets.

use super::abbreviations::lookup;
use crate::annotation::{Span, Token, TokenKind};

/// Cuts `text` into tokens (sentence indexes are left at 0).
///
/// - A word is letters and digits, with inner hyphens and apostrophes
///   ("twenty-four", "O'Brien"); a possessive `'s` is its own token.
/// - A word keeps a following full stop when it is a listed abbreviation
///   ("Mr.", "Jan."), a single capital (an initial), or an initialism
///   ("U.S.", "U.N.").
/// - A number is digits with inner `.,:` between digits ("2,000", "12:26"),
///   and may end in letters ("1990s", "24th") or one capital ("3G", "4K").
/// - Anything else that is not white space is a one-character token.
pub fn tokenize(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let (end, kind) = if c.is_alphabetic() {
            (word_end(text, start), TokenKind::Word)
        } else if c.is_ascii_digit() {
            (number_end(bytes, start), TokenKind::Number)
        } else if matches!(c, '\'' | '’') && is_possessive(&text[start + c.len_utf8()..]) {
            (start + c.len_utf8() + 1, TokenKind::Punct)
        } else {
            (start + c.len_utf8(), TokenKind::Punct)
        };
        let end = if kind == TokenKind::Word {
            with_abbreviation_stop(text, start, end)
        } else {
            end
        };
        tokens.push(Token {
            span: Span::new(start, end),
            kind,
            sentence: 0,
        });
        while chars.peek().is_some_and(|&(i, _)| i < end) {
            chars.next();
        }
    }
    tokens
}

/// End of the word starting at `start`.
fn word_end(text: &str, start: usize) -> usize {
    let mut end = start;
    let mut iter = text[start..].char_indices().peekable();
    while let Some((offset, c)) = iter.next() {
        let at = start + offset;
        if c.is_alphanumeric() {
            end = at + c.len_utf8();
            continue;
        }
        let joiner = matches!(c, '-' | '\'' | '’' | '‑');
        let next = iter.peek().map(|&(_, n)| n);
        let next_is_letter = next.is_some_and(char::is_alphanumeric);
        if !joiner || !next_is_letter || end != at {
            break;
        }
        if matches!(c, '\'' | '’') && is_possessive(&text[at + c.len_utf8()..]) {
            break;
        }
        end = at + c.len_utf8();
    }
    end
}

/// True when the text right after an apostrophe is a possessive or clitic
/// `s` (followed by a non-letter).
fn is_possessive(rest: &str) -> bool {
    let mut chars = rest.chars();
    matches!(chars.next(), Some('s' | 'S')) && !chars.next().is_some_and(char::is_alphanumeric)
}

/// End of the number starting at `start`.
fn number_end(bytes: &[u8], start: usize) -> usize {
    let mut end = start;
    while end < bytes.len() {
        let b = bytes[end];
        let inner_separator = matches!(b, b'.' | b',' | b':')
            && bytes.get(end + 1).is_some_and(u8::is_ascii_digit)
            && end > start;
        if !(b.is_ascii_digit() || inner_separator) {
            break;
        }
        end += 1;
    }
    // A single capital glued to the number names a generation or format:
    // "3G", "4K", "3D".
    if end > start
        && bytes.get(end).is_some_and(u8::is_ascii_uppercase)
        && !bytes.get(end + 1).is_some_and(u8::is_ascii_alphanumeric)
    {
        return end + 1;
    }
    // Ordinal and plural endings: "24th", "1990s".
    let mut letters = end;
    while letters < bytes.len() && bytes[letters].is_ascii_lowercase() && letters - end < 2 {
        letters += 1;
    }
    let suffix = std::str::from_utf8(&bytes[end..letters]).unwrap_or("");
    let followed_by_letter = bytes.get(letters).is_some_and(u8::is_ascii_alphabetic);
    if !followed_by_letter && matches!(suffix, "s" | "st" | "nd" | "rd" | "th") {
        letters
    } else {
        end
    }
}

/// Extends a word over a following full stop when the word is an
/// abbreviation, an initial, or an initialism; returns the new end.
fn with_abbreviation_stop(text: &str, start: usize, end: usize) -> usize {
    let bytes = text.as_bytes();
    if bytes.get(end) != Some(&b'.') {
        return end;
    }
    let word = &text[start..end];
    // Initialism: letter groups of one or two joined by full stops ("U.S.", "Ph.D.").
    let mut stop = end;
    let mut groups = 1;
    while bytes.get(stop) == Some(&b'.') {
        let group_start = stop + 1;
        let mut group_end = group_start;
        while group_end < bytes.len() && bytes[group_end].is_ascii_alphabetic() {
            group_end += 1;
        }
        let group_len = group_end - group_start;
        if (1..=2).contains(&group_len) && bytes.get(group_end) == Some(&b'.') {
            stop = group_end;
            groups += 1;
        } else {
            break;
        }
    }
    if groups > 1 {
        return stop + 1;
    }
    let single_capital = word.len() == 1 && word.chars().all(|c| c.is_uppercase());
    if single_capital || lookup(word).is_some() {
        end + 1
    } else {
        end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.span.text(text)).collect()
    }

    #[test]
    fn splits_words_numbers_and_punctuation() {
        assert_eq!(
            words("On Jan. 24, 2023, at 12:26 he paid $2,000."),
            vec![
                "On", "Jan.", "24", ",", "2023", ",", "at", "12:26", "he", "paid", "$", "2,000",
                "."
            ]
        );
    }

    #[test]
    fn keeps_initialisms_initials_and_titles() {
        assert_eq!(
            words("Mr. John F. Kennedy of the U.S. left."),
            vec![
                "Mr.", "John", "F.", "Kennedy", "of", "the", "U.S.", "left", "."
            ]
        );
    }

    #[test]
    fn splits_possessives_but_keeps_inner_apostrophes_and_hyphens() {
        assert_eq!(
            words("Iran's O'Brien twenty-four don't"),
            vec!["Iran", "'s", "O'Brien", "twenty-four", "don't"]
        );
        assert_eq!(words("Iran’s"), vec!["Iran", "’s"]);
    }

    #[test]
    fn numbers_take_ordinal_and_plural_endings() {
        assert_eq!(
            words("the 1990s on the 24th"),
            vec!["the", "1990s", "on", "the", "24th"]
        );
        assert_eq!(words("3.5m"), vec!["3.5", "m"]);
        assert_eq!(
            words("the 3G iPhone at 6PM"),
            vec!["the", "3G", "iPhone", "at", "6", "PM"]
        );
    }

    #[test]
    fn brackets_and_quotes_are_own_tokens() {
        assert_eq!(words("\"[Mossad]\""), vec!["\"", "[", "Mossad", "]", "\""]);
    }

    #[test]
    fn multibyte_text_keeps_char_boundaries() {
        assert_eq!(words("Café — naïve…"), vec!["Café", "—", "naïve", "…"]);
    }
}
