//! The trigger lexicon (`data/lexicon/events.txt`): word forms → event type.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::lexicon;

/// What a trigger word form means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Trigger {
    /// Lemma ("assassinate").
    pub lemma: &'static str,
    /// Event type ("killing").
    pub kind: &'static str,
    /// The form is listed as a verb.
    pub verb: bool,
    /// The form is listed as a noun.
    pub noun: bool,
    /// Number of words in the form ("stepped down" has two).
    pub words: usize,
}

/// All forms, keyed by their lower-case spelling ("stepped down" with one space).
static TRIGGERS: LazyLock<HashMap<&'static str, Trigger>> = LazyLock::new(|| {
    let mut map: HashMap<&'static str, Trigger> = HashMap::new();
    for (kind, entry) in lexicon::entries(include_str!("../../data/lexicon/events.txt")) {
        let Some((lemma, forms)) = entry.split_once(':') else {
            continue;
        };
        let (verbs, nouns) = forms.split_once('/').unwrap_or((forms, ""));
        let mut add = |form: &'static str, verb: bool| {
            let words = form.split(' ').count();
            let slot = map.entry(form).or_insert(Trigger {
                lemma: lemma.trim(),
                kind,
                verb: false,
                noun: false,
                words,
            });
            slot.verb |= verb;
            slot.noun |= !verb;
        };
        for (list, verb) in [(verbs, true), (nouns, false)] {
            for form in split_forms(list) {
                add(form, verb);
            }
        }
    }
    map
});

/// Splits a form list: forms are separated by spaces, except that a
/// multi-word form is kept whole when its last word is "down", "up", "off" or
/// "out" (phrasal verbs: "stepped down").
fn split_forms(list: &str) -> Vec<&str> {
    let words: Vec<(usize, &str)> = list
        .split(' ')
        .scan(0usize, |offset, word| {
            let start = *offset;
            *offset += word.len() + 1;
            Some((start, word))
        })
        .filter(|(_, w)| !w.is_empty())
        .collect();
    let mut forms = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let (start, word) = words[i];
        let particle = words
            .get(i + 1)
            .filter(|(_, next)| matches!(*next, "down" | "up" | "off" | "out"));
        if let Some(&(next_start, next)) = particle {
            forms.push(&list[start..next_start + next.len()]);
            i += 2;
        } else {
            forms.push(word);
            i += 1;
        }
    }
    forms
}

/// Looks up a lower-case form ("assassinated", "stepped down").
pub fn lookup(form: &str) -> Option<Trigger> {
    TRIGGERS.get(form).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_map_to_lemma_type_and_part_of_speech() {
        let t = lookup("assassinating").unwrap();
        assert_eq!(
            (t.lemma, t.kind, t.verb, t.noun),
            ("assassinate", "killing", true, false)
        );
        let heist = lookup("heist").unwrap();
        assert!(heist.noun && !heist.verb);
        let attack = lookup("attack").unwrap();
        assert!(attack.noun && attack.verb);
        assert_eq!(
            lookup("stepped down").map(|t| (t.lemma, t.words)),
            Some(("step down", 2))
        );
        assert_eq!(lookup("said"), None);
    }
}
