//! Truecasing of shouted sentences before tagging: a sentence written all
//! in capitals (a headline, a photo credit) loses the capital letters the
//! tagger relies on, so each of its words is rewritten to the casing it
//! usually has in running text, and the tagger reads that instead.
//!
//! The casing of a word comes, in order, from the same document (how the
//! word is written in its sentences that are not shouted), from the case
//! dictionary learned from training text and stored in the model, then
//! lower case when the word is an inflection (plural, past, gerund, adverb)
//! of a word the dictionary writes in lower case, and otherwise from a
//! default: an unknown word is taken for a name and written in title case
//! (each hyphen-separated part capitalised), except short letter-only words,
//! which are kept in capitals as acronyms. The
//! first word of a truecased sentence is capitalised as a sentence's first
//! word is.

use std::collections::{BTreeMap, HashMap};

/// Least number of words with two or more letters that makes an all-capitals
/// sentence a shouted one (a lone capitalised word, such as a dateline's
/// place, is left alone).
const MIN_SHOUTED_WORDS: usize = 2;

/// Unknown words of at most this many letters, all letters, stay in capitals.
const ACRONYM_LETTERS: usize = 3;

/// Longest form the dictionary stores, in bytes (longer words keep the
/// default form; the model file stores a form's length as u16).
const MAX_FORM_BYTES: usize = 64;

/// True for a word with at least two letters and no lower-case letter.
fn shouted_word(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !word.chars().any(char::is_lowercase)
}

/// True when a sentence is written in capitals: no lower-case letter in any
/// word, and at least [`MIN_SHOUTED_WORDS`] words of two or more letters.
pub fn is_shouted<S: AsRef<str>>(words: &[S]) -> bool {
    let mut count = 0;
    for w in words {
        let w = w.as_ref();
        if w.chars().any(char::is_lowercase) {
            return false;
        }
        count += usize::from(shouted_word(w));
    }
    count >= MIN_SHOUTED_WORDS
}

/// True for a word that starts with a capital followed only by lower-case
/// letters (or none): the form any word takes at a sentence start.
fn is_title(word: &str) -> bool {
    let mut chars = word.chars().filter(|c| c.is_alphabetic());
    chars.next().is_some_and(char::is_uppercase) && chars.all(char::is_lowercase)
}

/// Counts of the forms each word takes in running text, by lower-cased word.
#[derive(Clone, Debug, Default)]
pub struct CaseCounts(HashMap<String, BTreeMap<String, u32>>);

impl CaseCounts {
    /// Counts the forms of a document's words, skipping shouted sentences and
    /// words without letters; a sentence's first word counts only when it is
    /// not in title case (which every word may take there).
    pub fn add_document<S: AsRef<str>>(&mut self, sentences: &[Vec<S>]) {
        for words in sentences.iter().filter(|s| !is_shouted(s)) {
            for (i, w) in words.iter().enumerate() {
                let w = w.as_ref();
                if !w.chars().any(char::is_alphabetic) || (i == 0 && is_title(w)) {
                    continue;
                }
                *self
                    .0
                    .entry(w.to_lowercase())
                    .or_default()
                    .entry(w.to_string())
                    .or_default() += 1;
            }
        }
    }

    /// The most frequent form of a lower-cased word (ties go to the form
    /// with fewer capitals, then the first in byte order).
    pub fn best(&self, lower: &str) -> Option<&str> {
        best_form(self.0.get(lower)?)
    }
}

/// The most frequent of counted forms (ties: fewer capitals, then byte
/// order).
fn best_form(forms: &BTreeMap<String, u32>) -> Option<&str> {
    let capitals = |f: &str| f.chars().filter(|c| c.is_uppercase()).count();
    forms
        .iter()
        .max_by(|a, b| {
            a.1.cmp(b.1)
                .then_with(|| capitals(b.0).cmp(&capitals(a.0)))
                .then_with(|| b.0.cmp(a.0))
        })
        .map(|(f, _)| f.as_str())
}

/// The default form of a word the dictionary does not know: capitals kept
/// for a short all-letter word (an acronym), else title case for each
/// hyphen-separated part.
pub fn default_form(word: &str) -> String {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    if letters == word.chars().count() && letters <= ACRONYM_LETTERS {
        return word.to_string();
    }
    let mut out = String::with_capacity(word.len());
    let mut start = true;
    for c in word.chars() {
        if c.is_alphabetic() {
            if start {
                out.extend(c.to_uppercase());
            } else {
                out.extend(c.to_lowercase());
            }
            start = false;
        } else {
            out.push(c);
            start = c == '-';
        }
    }
    out
}

/// The usual form of words, learned from training text and stored in the
/// model: lower-cased word → form, for the words whose usual form is not
/// their default one.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CaseDictionary(BTreeMap<String, String>);

impl CaseDictionary {
    /// The dictionary of counted forms: each word's most frequent form, kept
    /// when it differs from [`default_form`] and was seen at least
    /// `min_count` times.
    pub fn learn(counts: &CaseCounts, min_count: u32) -> Self {
        let mut map = BTreeMap::new();
        for (lower, forms) in &counts.0 {
            let Some(best) = best_form(forms) else {
                continue;
            };
            if best.len() <= MAX_FORM_BYTES
                && forms[best] >= min_count
                && default_form(&lower.to_uppercase()) != best
            {
                map.insert(lower.clone(), best.to_string());
            }
        }
        Self(map)
    }

    /// A dictionary from forms (each stored under its lower-cased word;
    /// forms longer than 64 bytes are left out).
    pub fn from_forms<I: IntoIterator<Item = String>>(forms: I) -> Self {
        Self(
            forms
                .into_iter()
                .filter(|f| f.len() <= MAX_FORM_BYTES)
                .map(|f| (f.to_lowercase(), f))
                .collect(),
        )
    }

    /// The stored forms, in order of their lower-cased words.
    pub fn forms(&self) -> impl Iterator<Item = &str> {
        self.0.values().map(String::as_str)
    }

    /// Number of words stored.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// True when no word is stored.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The form of one word of a shouted sentence: from the document's
    /// counts, else the dictionary, else lower case for an inflection of a
    /// lower-case word, else the default.
    fn form(&self, word: &str, doc: &CaseCounts) -> String {
        if !word.chars().any(char::is_alphabetic) {
            return word.to_string();
        }
        let lower = word.to_lowercase();
        if let Some(form) = doc
            .best(&lower)
            .or_else(|| self.0.get(&lower).map(String::as_str))
        {
            return form.to_string();
        }
        if self.inflects_lower_case(&lower) {
            return lower;
        }
        default_form(word)
    }

    /// True when a lower-cased word is an inflection (plural, third person,
    /// past, gerund, adverb) of a word the dictionary writes in lower case.
    fn inflects_lower_case(&self, lower: &str) -> bool {
        const ENDINGS: [(&str, &str); 9] = [
            ("ies", "y"),
            ("es", ""),
            ("s", ""),
            ("ed", ""),
            ("ed", "e"),
            ("ing", ""),
            ("ing", "e"),
            ("ly", ""),
            ("ers", ""),
        ];
        ENDINGS.iter().any(|(end, add)| {
            lower.strip_suffix(end).is_some_and(|stem| {
                stem.chars().count() >= 3 && {
                    let base = format!("{stem}{add}");
                    self.0
                        .get(&base)
                        .is_some_and(|f| !f.chars().any(char::is_uppercase))
                }
            })
        })
    }

    /// A shouted sentence truecased: every word in its usual form, the first
    /// word with letters capitalised.
    pub fn truecase_sentence<S: AsRef<str>>(&self, words: &[S], doc: &CaseCounts) -> Vec<String> {
        let mut out: Vec<String> = words.iter().map(|w| self.form(w.as_ref(), doc)).collect();
        if let Some(first) = out.iter_mut().find(|w| w.chars().any(char::is_alphabetic)) {
            *first = capitalise(first);
        }
        out
    }

    /// A document with its shouted sentences truecased (the others as they
    /// are), or `None` when it has none.
    pub fn truecase_document<S: AsRef<str>>(
        &self,
        sentences: &[Vec<S>],
    ) -> Option<Vec<Vec<String>>> {
        if !sentences.iter().any(|s| is_shouted(s)) {
            return None;
        }
        let mut doc = CaseCounts::default();
        doc.add_document(sentences);
        Some(
            sentences
                .iter()
                .map(|s| {
                    if is_shouted(s) {
                        self.truecase_sentence(s, &doc)
                    } else {
                        s.iter().map(|w| w.as_ref().to_string()).collect()
                    }
                })
                .collect(),
        )
    }
}

/// A word with its first letter in capitals.
fn capitalise(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut done = false;
    for c in word.chars() {
        if !done && c.is_alphabetic() {
            out.extend(c.to_uppercase());
            done = true;
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(text: &[&str]) -> CaseCounts {
        let sentences: Vec<Vec<&str>> = text.iter().map(|s| s.split(' ').collect()).collect();
        let mut c = CaseCounts::default();
        c.add_document(&sentences);
        c
    }

    #[test]
    fn shouted_sentences_need_two_capitalised_words_and_no_lower_case() {
        assert!(is_shouted(&["PUTIN", "SAYS", "NO", "."]));
        assert!(is_shouted(&["PHOTO", ":", "JOHN", "SMITH"]));
        assert!(!is_shouted(&["LONDON", "1996-08-30"]));
        assert!(!is_shouted(&["NATO", "and", "the", "UN"]));
        assert!(!is_shouted::<&str>(&[]));
    }

    #[test]
    fn the_dictionary_keeps_usual_forms_that_differ_from_the_default() {
        let c = counts(&[
            "The talks in Geneva were held by NATO and the iPhone team .",
            "Talks with the U.S. went on , the talks said .",
            "THE TALKS ARE SHOUTED .",
        ]);
        assert_eq!(c.best("talks"), Some("talks"));
        assert_eq!(c.best("the"), Some("the"));
        let d = CaseDictionary::learn(&c, 1);
        assert_eq!(
            d.forms().collect::<Vec<_>>(),
            [
                "and", "by", "held", "in", "iPhone", "NATO", "on", "said", "talks", "team", "the",
                "U.S.", "went", "were", "with"
            ]
        );
        // Title-case words (Geneva) and short acronyms (NATO is four letters,
        // so it is kept) follow the default.
        let d = CaseDictionary::learn(&counts(&["and NATO and EU"]), 1);
        assert_eq!(d.forms().collect::<Vec<_>>(), ["and", "NATO"]);
        let d = CaseDictionary::learn(&c, 2);
        assert_eq!(d.forms().collect::<Vec<_>>(), ["talks", "the"]);
    }

    #[test]
    fn a_shouted_sentence_takes_document_then_dictionary_then_default_forms() {
        let dict =
            CaseDictionary::from_forms(["says", "will", "not", "talks", "U.S."].map(String::from));
        let doc = counts(&["Talks on the Kurdish issue , said Mr Erdogan ."]);
        let words = "PUTIN SAYS U.S. WILL NOT ATTEND KURDISH TALKS , BBC - ANGLO-IRISH".split(' ');
        let words: Vec<&str> = words.collect();
        assert_eq!(
            dict.truecase_sentence(&words, &doc).join(" "),
            "Putin says U.S. will not Attend Kurdish talks , BBC - Anglo-Irish"
        );
        let first = dict.truecase_sentence(&["SAYS", "PUTIN"], &CaseCounts::default());
        assert_eq!(first, ["Says", "Putin"]);
    }

    #[test]
    fn only_shouted_sentences_of_a_document_are_rewritten() {
        let dict = CaseDictionary::from_forms(["wins".to_string()]);
        let doc = vec![
            vec!["JAPAN", "WINS", "IN", "ASIA"],
            vec!["Japan", "beat", "Syria", "in", "Asia", "."],
        ];
        let cased = dict.truecase_document(&doc).unwrap();
        assert_eq!(cased[0], ["Japan", "wins", "in", "Asia"]);
        assert_eq!(cased[1], doc[1]);
        assert_eq!(dict.truecase_document(&doc[1..]), None);
    }
}
