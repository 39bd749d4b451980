//! The tense of a sentence, as evidence for placing "Monday" or "in
//! February" before or after the document date.

use super::lexicon::TABLES;

/// Which way a sentence looks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tense {
    /// Reports what happened.
    Past,
    /// Tells what will or is planned to happen.
    Future,
    /// No cue either way.
    Unknown,
}

/// Reads the cues of `tense.txt` around an expression: the cue nearest to
/// it decides (a word before it and a word after it at the same distance:
/// the one before wins; at the same place, a future cue wins). A
/// lower-case word ending in "-ed" (not "-eed", not after "be") counts as a
/// past cue; a
/// reporting verb only before the expression.
pub fn of_context(before: &str, after: &str) -> Tense {
    let before = words(before);
    let after = words(after);
    let deadline = before.len().checked_sub(1).is_some_and(|last| {
        let word = &before[last].text;
        TABLES
            .deadline
            .iter()
            .any(|d| d.len() == 1 && d[0] == *word)
    });
    if deadline {
        return Tense::Future;
    }
    for distance in 0..before.len().max(after.len()) {
        if distance < before.len() {
            let upto = &before[..before.len() - distance];
            let report = TABLES.report.iter().any(|r| ends_with(upto, r));
            let passive = upto.len() >= 2 && upto[upto.len() - 2].text == "be";
            let word = &upto[upto.len() - 1];
            if let Some(tense) = cue(|phrase| ends_with(upto, phrase), word, passive) {
                return tense;
            }
            if report {
                return Tense::Past;
            }
        }
        if distance < after.len() {
            let from = &after[distance..];
            let starts = |phrase: &[String]| {
                from.len() >= phrase.len() && from.iter().zip(phrase).all(|(w, p)| w.text == *p)
            };
            let passive = distance > 0 && after[distance - 1].text == "be";
            if let Some(tense) = cue(starts, &from[0], passive) {
                return tense;
            }
        }
    }
    Tense::Unknown
}

/// True when the words `upto` end with `phrase`.
fn ends_with(upto: &[Word], phrase: &[String]) -> bool {
    upto.len() >= phrase.len()
        && upto[upto.len() - phrase.len()..]
            .iter()
            .zip(phrase)
            .all(|(w, p)| w.text == *p)
}

/// The tense of the cue at one place: `matches` tells whether a phrase
/// (as words) stands there, `word` is the word at that place, `passive`
/// that it follows "be" ("will be published": its "-ed" is no past cue).
fn cue(matches: impl Fn(&[String]) -> bool, word: &Word, passive: bool) -> Option<Tense> {
    let found = |cues: &[Vec<String>]| cues.iter().any(|cue| matches(cue));
    let past_form = !passive
        && word.lower
        && word.text.len() >= 5
        && word.text.ends_with("ed")
        && !word.text.ends_with("eed");
    if found(&TABLES.future) {
        Some(Tense::Future)
    } else if found(&TABLES.past) || past_form {
        Some(Tense::Past)
    } else {
        None
    }
}

/// A word of the context, lower-cased.
struct Word {
    /// The word in lower case.
    text: String,
    /// True when it was written all in lower case (not a name).
    lower: bool,
}

/// The words of `text` ("'ll" split off as a word of its own).
fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut lower = true;
    let mut push = |word: &mut String, lower: &mut bool| {
        if !word.is_empty() {
            out.push(Word {
                text: std::mem::take(word),
                lower: *lower,
            });
        }
        *lower = true;
    };
    for c in text.chars() {
        let c = if c == '’' { '\'' } else { c };
        if c.is_alphanumeric() || c == '\'' {
            if c == '\'' {
                push(&mut word, &mut lower);
            }
            lower &= !c.is_uppercase();
            word.extend(c.to_lowercase());
        } else {
            push(&mut word, &mut lower);
        }
    }
    push(&mut word, &mut lower);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_nearest_cue_decides() {
        assert_eq!(of_context("They will meet on ", "."), Tense::Future);
        assert_eq!(of_context("He said they’ll meet ", "."), Tense::Future);
        assert_eq!(of_context("He resigned on ", "."), Tense::Past);
        assert_eq!(of_context("The talks are on ", "."), Tense::Unknown);
        // "said" is nearer than "will"; "will" nearer than "said".
        assert_eq!(
            of_context("Officials who will vote said ", " that it failed."),
            Tense::Past
        );
        assert_eq!(
            of_context("He said the board will meet ", "."),
            Tense::Future
        );
        // Before wins a tie with after.
        assert_eq!(of_context("It closed ", " and will reopen"), Tense::Past);
        // A reporting verb after the expression, or a name in "-ed", is no cue.
        assert_eq!(
            of_context("He will leave at ", ", Castro said."),
            Tense::Future
        );
        assert_eq!(
            of_context("He will fly to the United States ", "."),
            Tense::Future
        );
    }

    #[test]
    fn words_split_on_anything_but_letters_digits_and_apostrophes() {
        let got: Vec<(String, bool)> = words("They’ll go, e.g. now")
            .into_iter()
            .map(|w| (w.text, w.lower))
            .collect();
        let expected = [
            ("they", false),
            ("'ll", true),
            ("go", true),
            ("e", true),
            ("g", true),
            ("now", true),
        ];
        assert_eq!(got, expected.map(|(w, l)| (w.to_string(), l)));
    }
}
