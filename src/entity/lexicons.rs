//! The word lists of the entity stage, compiled into the binary and loaded
//! once: a case-insensitive phrase table and the lists built on it.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::annotation::Token;
use crate::lexicon;

/// A table of phrases (sequences of words) matched case-insensitively against
/// tokens, longest phrase first. Lookups do not allocate.
#[derive(Debug)]
pub struct PhraseTable<V> {
    /// Phrases by the folded hash of their first word.
    by_first: HashMap<u64, Vec<(Vec<&'static str>, V)>>,
    /// Number of words of the longest phrase.
    longest: usize,
}

impl<V> Default for PhraseTable<V> {
    fn default() -> Self {
        Self {
            by_first: HashMap::new(),
            longest: 0,
        }
    }
}

impl<V> PhraseTable<V> {
    /// Adds a phrase (words separated by white space) with its value; the
    /// first value given for a phrase wins.
    pub fn insert(&mut self, phrase: &'static str, value: V) {
        let words: Vec<&'static str> = phrase.split_whitespace().collect();
        let Some(first) = words.first() else { return };
        let list = self.by_first.entry(fold_hash(first)).or_default();
        if list.iter().any(|(w, _)| same_words(w, &words)) {
            return;
        }
        self.longest = self.longest.max(words.len());
        list.push((words, value));
    }

    /// The value of a single word, if it is a one-word phrase.
    pub fn word(&self, word: &str) -> Option<&V> {
        self.by_first
            .get(&fold_hash(word))?
            .iter()
            .find(|(w, _)| w.len() == 1 && eq_fold(w[0], word))
            .map(|(_, v)| v)
    }

    /// True when the single word is a one-word phrase of the table.
    pub fn contains(&self, word: &str) -> bool {
        self.word(word).is_some()
    }

    /// The longest phrase matching the tokens from `i` (at most up to token
    /// `end`, exclusive): how many tokens it covers and its value.
    pub fn longest_at(
        &self,
        text: &str,
        tokens: &[Token],
        i: usize,
        end: usize,
    ) -> Option<(usize, &V)> {
        let end = end.min(tokens.len());
        if i >= end {
            return None;
        }
        let first = tokens[i].span.text(text);
        let list = self.by_first.get(&fold_hash(first))?;
        let mut best: Option<(usize, &V)> = None;
        for (words, value) in list {
            let n = words.len();
            if i + n > end || best.is_some_and(|(b, _)| b >= n) {
                continue;
            }
            let all = words
                .iter()
                .zip(&tokens[i..i + n])
                .all(|(w, t)| eq_fold(w, t.span.text(text)));
            if all {
                best = Some((n, value));
            }
        }
        best
    }

    /// The value of the phrase that is exactly the tokens `[i, end)`.
    pub fn exact(&self, text: &str, tokens: &[Token], i: usize, end: usize) -> Option<&V> {
        let first = tokens.get(i)?.span.text(text);
        let n = end.checked_sub(i)?;
        self.by_first
            .get(&fold_hash(first))?
            .iter()
            .find_map(|(words, value)| {
                (words.len() == n
                    && words
                        .iter()
                        .zip(&tokens[i..end])
                        .all(|(w, t)| eq_fold(w, t.span.text(text))))
                .then_some(value)
            })
    }

    /// The value of a phrase given as a string of space-separated words.
    pub fn phrase(&self, phrase: &str) -> Option<&V> {
        let first = phrase.split_whitespace().next()?;
        self.by_first
            .get(&fold_hash(first))?
            .iter()
            .find_map(|(words, value)| {
                let mut given = phrase.split_whitespace();
                let same = words
                    .iter()
                    .all(|w| given.next().is_some_and(|g| eq_fold(w, g)))
                    && given.next().is_none();
                same.then_some(value)
            })
    }
}

/// Compares two words ignoring case (full Unicode folding to lower case).
pub fn eq_fold(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        return a.eq_ignore_ascii_case(b);
    }
    a.chars()
        .flat_map(char::to_lowercase)
        .eq(b.chars().flat_map(char::to_lowercase))
}

/// True when two word lists are equal ignoring case.
fn same_words(a: &[&str], b: &[&str]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| eq_fold(x, y))
}

/// FNV-1a hash of a word folded to lower case.
fn fold_hash(word: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for c in word.chars().flat_map(char::to_lowercase) {
        let mut buf = [0u8; 4];
        for b in c.encode_utf8(&mut buf).bytes() {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}

/// Builds a table from a list where every entry is a phrase whose value is
/// its section name.
fn sectioned(source: &'static str) -> PhraseTable<&'static str> {
    let mut table = PhraseTable::default();
    for (section, entry) in lexicon::entries(source) {
        table.insert(entry, section);
    }
    table
}

/// Organization cue word lists.
#[derive(Debug, Default)]
pub struct OrgCues {
    /// Words that start an organization name ("Ministry").
    pub head: PhraseTable<()>,
    /// Words that end one ("Department", "Force", "Post").
    pub tail: PhraseTable<()>,
    /// Well-known organizations; the value is the canonical spelling.
    pub known: PhraseTable<&'static str>,
    /// Words that end an event or work name ("Conference").
    pub misc_tail: PhraseTable<()>,
    /// Well-known products, software and models ("iPhone", "Mac OS X").
    pub product: PhraseTable<()>,
}

/// Place lists.
#[derive(Debug, Default)]
pub struct Places {
    /// Place names; the value is the canonical spelling.
    pub names: PhraseTable<&'static str>,
    /// Words that end a place name ("Sea", "Street").
    pub tail: PhraseTable<()>,
    /// Words that start one before "of" ("Gulf").
    pub head: PhraseTable<()>,
    /// Adjectives of regions, peoples and religions ("European", "Sunni").
    pub adjectives: PhraseTable<()>,
}

/// Organization cues from `data/lexicon/org_cues.txt`.
pub static ORG_CUES: LazyLock<OrgCues> = LazyLock::new(|| {
    let mut cues = OrgCues::default();
    for (section, entry) in lexicon::entries(include_str!("../../data/lexicon/org_cues.txt")) {
        match section {
            "head" => cues.head.insert(entry, ()),
            "tail" => cues.tail.insert(entry, ()),
            "known" => cues.known.insert(entry, entry),
            "misc_tail" => cues.misc_tail.insert(entry, ()),
            "product" => cues.product.insert(entry, ()),
            _ => {}
        }
    }
    cues
});

/// Places from `data/lexicon/places.txt`.
pub static PLACES: LazyLock<Places> = LazyLock::new(|| {
    let mut places = Places::default();
    for (section, entry) in lexicon::entries(include_str!("../../data/lexicon/places.txt")) {
        match section {
            "tail" => places.tail.insert(entry, ()),
            "head" => places.head.insert(entry, ()),
            "adjective" => places.adjectives.insert(entry, ()),
            _ => places.names.insert(entry, entry),
        }
    }
    places
});

/// Given names from `data/lexicon/first_names.txt`.
pub static FIRST_NAMES: LazyLock<PhraseTable<&'static str>> =
    LazyLock::new(|| sectioned(include_str!("../../data/lexicon/first_names.txt")));

/// Words that are not names from `data/lexicon/nonames.txt`; the value is the
/// section (`function`, `month`, `weekday`).
pub static NONAMES: LazyLock<PhraseTable<&'static str>> =
    LazyLock::new(|| sectioned(include_str!("../../data/lexicon/nonames.txt")));

/// Verbs of saying from `data/lexicon/say_verbs.txt`.
pub static SAY_VERBS: LazyLock<PhraseTable<&'static str>> =
    LazyLock::new(|| sectioned(include_str!("../../data/lexicon/say_verbs.txt")));

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    #[test]
    fn phrase_table_finds_the_longest_match_ignoring_case() {
        let mut table = PhraseTable::default();
        table.insert("secretary", 1);
        table.insert("secretary of state", 2);
        let text = "US Secretary of State Mike";
        let tokens = tokenize(text);
        assert_eq!(
            table.longest_at(text, &tokens, 1, tokens.len()),
            Some((3, &2))
        );
        assert_eq!(table.longest_at(text, &tokens, 1, 3), Some((1, &1)));
        assert_eq!(table.longest_at(text, &tokens, 0, tokens.len()), None);
        assert_eq!(table.exact(text, &tokens, 1, 4), Some(&2));
        assert_eq!(table.phrase("SECRETARY of state"), Some(&2));
        assert_eq!(table.word("Secretary"), Some(&1));
    }

    #[test]
    fn lists_load() {
        assert!(ORG_CUES.tail.contains("Department"));
        assert!(ORG_CUES.known.contains("CIA"));
        assert!(PLACES.names.phrase("tel aviv").is_some());
        assert!(FIRST_NAMES.contains("YOSSI"));
        assert_eq!(NONAMES.word("friday"), Some(&"weekday"));
        assert!(SAY_VERBS.contains("writes"));
    }

    #[test]
    fn unicode_folding() {
        assert!(eq_fold("CÔTE", "côte"));
        assert!(!eq_fold("Iran", "Iraq"));
    }
}
