//! Gazetteer membership for the tagger: which listed phrases (countries,
//! demonyms, places and cities, given names, organizations and their cue
//! words, titles) cover each token of a sentence, with the token's BILOU
//! position in the phrase. Matching ignores case; a name list matches only
//! where the phrase's first word starts with a capital.

use std::sync::LazyLock;

use super::hash::{Fx, KeyMap};
use crate::lexicon;

/// The lists, each a bit in a token's marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum List {
    /// A country's name.
    Country = 0,
    /// A country's other forms: demonyms and short forms.
    CountryForm,
    /// A place from `places.txt` or a city from `geonames.txt`.
    Place,
    /// A region or people adjective ("European", "Sunni").
    Adjective,
    /// A given name.
    FirstName,
    /// A well-known organization.
    Organization,
    /// A word that opens an organization name ("Ministry").
    OrgHead,
    /// A word that ends one ("Bank", "Party").
    OrgTail,
    /// A word that ends an event or work name.
    MiscTail,
    /// A word that ends a place name ("Sea").
    PlaceTail,
    /// An honorific ("Mr").
    Honorific,
    /// An office or rank ("president").
    Office,
}

/// Number of lists.
pub const LIST_COUNT: usize = 12;

impl List {
    /// True for lists of names, matched only when capitalised.
    fn needs_capital(self) -> bool {
        !matches!(self, Self::Honorific | Self::Office)
    }
}

/// Longest phrase looked up, in tokens.
const MAX_LEN: usize = 6;

/// The phrase tables: folded phrase hash → bit set of lists.
pub struct Gazetteer {
    phrases: KeyMap<u16>,
    /// Folded first word of each phrase → the longest phrase starting with it.
    firsts: KeyMap<u8>,
}

/// The hash of a lower-cased word.
pub fn fold_word(word: &str) -> u64 {
    let mut h = Fx::new(7);
    if word.is_ascii() {
        for chunk in word.as_bytes().chunks(8) {
            let mut w = [0u8; 8];
            for (d, s) in w.iter_mut().zip(chunk) {
                *d = s.to_ascii_lowercase();
            }
            h.add(u64::from_le_bytes(w));
        }
    } else {
        for c in word.chars().flat_map(char::to_lowercase) {
            h.add(u64::from(u32::from(c)));
        }
    }
    h.finish()
}

/// Folds the next word's hash into a phrase hash.
fn extend(phrase: u64, word: u64) -> u64 {
    let mut h = Fx::new(phrase);
    h.add(word);
    h.finish()
}

impl Gazetteer {
    fn insert(&mut self, phrase: &str, list: List) {
        let mut h = 0;
        let mut n = 0u8;
        let mut first = None;
        for w in phrase.split_whitespace() {
            let f = fold_word(w);
            first.get_or_insert(f);
            h = extend(h, f);
            n += 1;
        }
        if let Some(first) = first
            && usize::from(n) <= MAX_LEN
        {
            *self.phrases.entry(h).or_default() |= 1 << list as u16;
            let longest = self.firsts.entry(first).or_default();
            *longest = (*longest).max(n);
        }
    }

    /// The marks of each token: bit `4 * list + position` is set when a
    /// phrase of that list covers the token at that BILOU position
    /// (0 begin, 1 inside, 2 last, 3 a one-word phrase). For each start, the
    /// longest phrase of each list wins.
    pub fn marks(&self, words: &[&str], folded: &[u64]) -> Vec<u64> {
        let mut marks = vec![0u64; words.len()];
        for i in 0..words.len() {
            let Some(&longest) = self.firsts.get(&folded[i]) else {
                continue;
            };
            let capital = words[i].chars().next().is_some_and(char::is_uppercase);
            let mut best = [0usize; LIST_COUNT];
            let mut h = 0;
            for len in 1..=usize::from(longest).min(words.len() - i) {
                h = extend(h, folded[i + len - 1]);
                if let Some(&bits) = self.phrases.get(&h) {
                    for (l, b) in best.iter_mut().enumerate() {
                        if bits & (1 << l) != 0 {
                            *b = len;
                        }
                    }
                }
            }
            for (l, &len) in best.iter().enumerate() {
                if len == 0 || (!capital && LISTS[l].needs_capital()) {
                    continue;
                }
                let bit = |pos: usize| 1u64 << (4 * l + pos);
                if len == 1 {
                    marks[i] |= bit(3);
                    continue;
                }
                marks[i] |= bit(0);
                for m in &mut marks[i + 1..i + len - 1] {
                    *m |= bit(1);
                }
                marks[i + len - 1] |= bit(2);
            }
        }
        marks
    }
}

impl Gazetteer {
    /// The marks of one word alone (its one-word phrases), given its folded
    /// hash.
    pub fn word_marks(&self, word: &str, folded: u64) -> u64 {
        let capital = word.chars().next().is_some_and(char::is_uppercase);
        let Some(&bits) = self.phrases.get(&extend(0, folded)) else {
            return 0;
        };
        let mut marks = 0;
        for (l, list) in LISTS.iter().enumerate() {
            if bits & (1 << l) != 0 && (capital || !list.needs_capital()) {
                marks |= 1 << (4 * l + 3);
            }
        }
        marks
    }
}

/// Every list, by its number.
const LISTS: [List; LIST_COUNT] = [
    List::Country,
    List::CountryForm,
    List::Place,
    List::Adjective,
    List::FirstName,
    List::Organization,
    List::OrgHead,
    List::OrgTail,
    List::MiscTail,
    List::PlaceTail,
    List::Honorific,
    List::Office,
];

/// The gazetteer built from the project's word lists, loaded once.
pub static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| {
    let mut g = Gazetteer {
        phrases: KeyMap::default(),
        firsts: KeyMap::default(),
    };
    for (_, entry) in lexicon::entries(include_str!("../../data/lexicon/countries.txt")) {
        let mut forms = entry.split('|').map(str::trim).filter(|f| !f.is_empty());
        if let Some(name) = forms.next() {
            g.insert(name, List::Country);
        }
        for form in forms {
            g.insert(form, List::CountryForm);
        }
    }
    for (section, entry) in lexicon::entries(include_str!("../../data/lexicon/places.txt")) {
        let list = match section {
            "tail" => List::PlaceTail,
            "head" => continue,
            "adjective" => List::Adjective,
            _ => List::Place,
        };
        g.insert(entry, list);
    }
    for (_, entry) in lexicon::entries(include_str!("../../data/lexicon/geonames.txt")) {
        g.insert(entry, List::Place);
    }
    for (_, entry) in lexicon::entries(include_str!("../../data/lexicon/first_names.txt")) {
        g.insert(entry, List::FirstName);
    }
    for (section, entry) in lexicon::entries(include_str!("../../data/lexicon/org_cues.txt")) {
        let list = match section {
            "head" => List::OrgHead,
            "tail" => List::OrgTail,
            "known" => List::Organization,
            "misc_tail" => List::MiscTail,
            _ => continue,
        };
        g.insert(entry, list);
    }
    for (section, entry) in lexicon::entries(include_str!("../../data/lexicon/titles.txt")) {
        let list = if section == "honorific" {
            List::Honorific
        } else {
            List::Office
        };
        g.insert(entry, list);
    }
    g
});

#[cfg(test)]
mod tests {
    use super::*;

    fn marks(words: &[&str]) -> Vec<u64> {
        let folded: Vec<u64> = words.iter().map(|w| fold_word(w)).collect();
        GAZETTEER.marks(words, &folded)
    }

    fn has(mark: u64, list: List, pos: usize) -> bool {
        mark & (1 << (4 * list as usize + pos)) != 0
    }

    #[test]
    fn phrases_positions_and_case() {
        let m = marks(&["in", "New", "York", "and", "FRANCE", ",", "said", "france"]);
        assert!(has(m[1], List::Place, 0));
        assert!(has(m[2], List::Place, 2));
        assert!(has(m[4], List::Country, 3));
        assert!(!has(m[7], List::Country, 3));
        let m = marks(&["Mr", "Yossi", "Cohen"]);
        assert!(has(m[0], List::Honorific, 3));
        assert!(has(m[1], List::FirstName, 3));
    }
}
