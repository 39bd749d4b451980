//! Sentence splitting and tokenization, with byte offsets.
//!
//! Tokens come first (so that "U.S." and "Mr." stay whole), then sentences are
//! cut between tokens: after a full stop, question or exclamation mark (and any
//! closing quotes or brackets) that is followed by a capital, a digit or an
//! opening quote; at a blank line; and at a line break unless the next line
//! goes on in lower case. Abbreviations from `data/lexicon/abbreviations.txt`
//! do not end a sentence.

pub mod abbreviations;
mod tokenize;

pub use tokenize::tokenize;

use crate::annotation::{Sentence, Span, Token, TokenKind};

/// Splits `text` into sentences and tokens; every token knows its sentence.
pub fn split(text: &str) -> (Vec<Sentence>, Vec<Token>) {
    let mut tokens = tokenize(text);
    let mut sentences = Vec::new();
    let mut first = 0;
    for i in 0..tokens.len() {
        let last_of_sentence = i + 1 == tokens.len() || ends_sentence(text, &tokens, i);
        if last_of_sentence {
            let span = Span::new(tokens[first].span.start, tokens[i].span.end);
            let index = sentences.len();
            for token in &mut tokens[first..=i] {
                token.sentence = index;
            }
            sentences.push(Sentence { span });
            first = i + 1;
        }
    }
    (sentences, tokens)
}

/// True when a sentence ends after token `i` (which is not the last token).
fn ends_sentence(text: &str, tokens: &[Token], i: usize) -> bool {
    let token = tokens[i];
    let next = tokens[i + 1];
    let gap = &text[token.span.end..next.span.start];
    if gap.matches('\n').count() >= 2 {
        return true;
    }
    let next_text = next.span.text(text);
    let next_char = next_text.chars().next().unwrap_or(' ');
    if gap.contains('\n') {
        // A line break ends a sentence unless the next line goes on in lower case
        // or this line stops on a word that cannot end one. A Markdown heading
        // is always a line of its own.
        let continues = next_char.is_lowercase() || is_closing(next_char);
        let line_start = text[..token.span.end].rfind('\n').map_or(0, |i| i + 1);
        let heading = text[line_start..].trim_start().starts_with('#');
        return heading || (!continues && !ends_with_joiner(token.span.text(text)));
    }
    let token_text = token.span.text(text);
    // Closing quotes and brackets after a terminator belong to the sentence
    // they close; the boundary comes after them.
    if is_closing_token(token_text) && i > 0 {
        let mut j = i;
        while j > 0 && is_closing_token(tokens[j].span.text(text)) {
            j -= 1;
        }
        if is_terminator_token(tokens[j].span.text(text)) && starts_sentence(next_text) {
            return !is_closing_token(next_text);
        }
        return false;
    }
    if token.kind == TokenKind::Word && token_text.ends_with('.') {
        // The tokenizer keeps the full stop only on abbreviations and
        // initialisms ("Mr.", "U.S."): inside a line they end a sentence only
        // before a function word that opens one ("closed at 7:30 p.m. More
        // than ..."), never after a title (the safer error for names).
        return !abbreviations::is_title_abbreviation(token_text)
            && abbreviations::opens_sentence(next_text);
    }
    if is_terminator_token(token_text) {
        if is_closing_token(next_text) {
            return false;
        }
        return starts_sentence(next_text);
    }
    false
}

/// True for a token that ends a sentence: `.`, `!`, `?`, `…`.
fn is_terminator_token(token: &str) -> bool {
    matches!(token, "." | "!" | "?" | "…")
}

/// True for a closing quote or bracket.
fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»')
}

/// True for a token made of one closing quote or bracket.
fn is_closing_token(token: &str) -> bool {
    let mut chars = token.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if is_closing(c))
}

/// True when a token can open a sentence.
fn starts_sentence(token: &str) -> bool {
    token
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "\"'“‘([«".contains(c))
}

/// True for a line ending that asks for more ("and", ",", "-").
fn ends_with_joiner(token: &str) -> bool {
    matches!(token, "," | "-" | "–" | ":" | ";") || matches!(token, "and" | "or" | "of" | "the")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        let (sentences, _) = split(text);
        sentences.iter().map(|s| s.span.text(text)).collect()
    }

    #[test]
    fn splits_on_full_stops_before_capitals() {
        assert_eq!(
            sentences("The talks ended. Both sides left. "),
            vec!["The talks ended.", "Both sides left."]
        );
    }

    #[test]
    fn keeps_abbreviations_and_initialisms_inside() {
        assert_eq!(
            sentences("Mr. Smith met Gen. Lee in the U.S. on Jan. 5. They spoke."),
            vec![
                "Mr. Smith met Gen. Lee in the U.S. on Jan. 5.",
                "They spoke."
            ]
        );
    }

    #[test]
    fn an_abbreviation_ends_a_sentence_before_a_function_word() {
        assert_eq!(
            sentences(
                "Polls close at 7:30 p.m. More than a million voted in the U.S. The count is on."
            ),
            vec![
                "Polls close at 7:30 p.m.",
                "More than a million voted in the U.S.",
                "The count is on."
            ]
        );
        // Not after a title, nor before a name.
        assert_eq!(
            sentences("He met Dr. The Hague's mayor at 9 a.m. Tuesday in Washington."),
            vec!["He met Dr. The Hague's mayor at 9 a.m. Tuesday in Washington."]
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        assert_eq!(
            sentences("He said, \"We are ready.\" Then he left."),
            vec!["He said, \"We are ready.\"", "Then he left."]
        );
        assert_eq!(
            sentences("Can I help?\" she asked."),
            vec!["Can I help?\" she asked."]
        );
    }

    #[test]
    fn lines_without_punctuation_are_sentences() {
        assert_eq!(
            sentences("Headline about a deal\nBy JOHN DOE\nThe deal was signed."),
            vec![
                "Headline about a deal",
                "By JOHN DOE",
                "The deal was signed."
            ]
        );
    }

    #[test]
    fn a_markdown_heading_is_its_own_sentence() {
        assert_eq!(
            sentences(
                "# Harbor chief leaves
date 2022-06-10

Text."
            ),
            vec!["# Harbor chief leaves", "date 2022-06-10", "Text."]
        );
    }

    #[test]
    fn a_wrapped_line_continues_in_lower_case() {
        assert_eq!(
            sentences("The minister said the plan\nwould go ahead. It did."),
            vec!["The minister said the plan\nwould go ahead.", "It did."]
        );
    }

    #[test]
    fn lower_case_after_full_stop_does_not_split() {
        assert_eq!(
            sentences("It cost 3.5 billion. ok then"),
            vec!["It cost 3.5 billion. ok then"]
        );
    }

    #[test]
    fn tokens_know_their_sentence() {
        let text = "One. Two three.";
        let (_, tokens) = split(text);
        let sentence_of: Vec<usize> = tokens.iter().map(|t| t.sentence).collect();
        assert_eq!(sentence_of, vec![0, 0, 1, 1, 1]);
    }
}
