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

/// Reads the cues of `tense.txt` in a sentence: a future cue wins, then a
/// past cue or a word ending in "-ed".
pub fn of_sentence(sentence: &str) -> Tense {
    let mut padded = String::with_capacity(sentence.len() + 2);
    padded.push(' ');
    for c in sentence.chars() {
        let c = if c == '’' { '\'' } else { c };
        if c.is_alphanumeric() || c == '\'' {
            padded.extend(c.to_lowercase());
        } else {
            padded.push(' ');
        }
    }
    padded.push(' ');
    let has = |cue: &String| has_phrase(&padded, cue);
    if TABLES.future.iter().any(has) {
        return Tense::Future;
    }
    if TABLES.past.iter().any(has)
        || padded
            .split(' ')
            .any(|w| w.len() >= 5 && w.ends_with("ed") && !w.contains('\''))
    {
        return Tense::Past;
    }
    Tense::Unknown
}

/// True when `phrase` occurs in `padded` (lower-case words between single
/// spaces) as whole words; a phrase starting with an apostrophe ("'ll") may
/// be glued to the word before it.
fn has_phrase(padded: &str, phrase: &str) -> bool {
    let bytes = padded.as_bytes();
    padded.match_indices(phrase).any(|(i, _)| {
        let end = i + phrase.len();
        let before_ok = phrase.starts_with('\'') || (i > 0 && bytes[i - 1] == b' ');
        before_ok && bytes.get(end) == Some(&b' ')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn future_cues_win() {
        assert_eq!(of_sentence("They will meet on Monday."), Tense::Future);
        assert_eq!(of_sentence("He said they’ll meet."), Tense::Future);
        assert_eq!(of_sentence("He resigned on Monday."), Tense::Past);
        assert_eq!(of_sentence("The talks are on Monday."), Tense::Unknown);
    }
}
