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
    let has = |cue: &String| {
        // "'ll" is glued to the word before it.
        if cue.starts_with('\'') {
            return padded.contains(&format!("{cue} "));
        }
        padded.contains(&format!(" {cue} "))
    };
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
