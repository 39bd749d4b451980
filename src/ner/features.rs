//! Feature extraction: for each token of a sentence, the hashed keys of its
//! observation features. The word, its lower-cased form, shape and short
//! shape, prefixes and suffixes of 1–4 letters, the neighbouring words and
//! shapes at ±1 and ±2, gazetteer membership of the token and its
//! neighbours, and document-level facts; in the second pass also the
//! first-pass labels of the token, its neighbours and the same word
//! elsewhere in the document.

use super::gazetteer::{GAZETTEER, LIST_COUNT, fold_word};
use super::hash::{Fx, KeyMap, key};
use super::tags::{KINDS, Tag};

/// Feature templates; each feature key is hashed with its template.
mod t {
    pub const BIAS: u64 = 1;
    pub const WORD: u64 = 2;
    pub const LOWER: u64 = 3;
    pub const SHAPE: u64 = 4;
    pub const SHORT: u64 = 5;
    pub const PREFIX: u64 = 6;
    pub const SUFFIX: u64 = 7;
    pub const NEIGHBOUR_LOWER: u64 = 8;
    pub const NEIGHBOUR_SHAPE: u64 = 9;
    pub const BIGRAM_BEFORE: u64 = 10;
    pub const BIGRAM_AFTER: u64 = 11;
    pub const SHAPE_TRIGRAM: u64 = 12;
    pub const FIRST: u64 = 13;
    pub const HEADLINE: u64 = 14;
    pub const HYPHEN_PART: u64 = 15;
    pub const HYPHEN_GAZ: u64 = 16;
    pub const GAZ: u64 = 17;
    pub const GAZ_NEIGHBOUR: u64 = 18;
    pub const LOWER_ELSEWHERE: u64 = 19;
    pub const PRIOR: u64 = 20;
    pub const DOC_MAJORITY: u64 = 21;
    pub const DOC_DOMINANT: u64 = 22;
    pub const PRIOR_WORD: u64 = 23;
}

/// Hash standing for "before the sentence" and "after the sentence".
const BOUNDARY: [u64; 2] = [0x5eed_0001, 0x5eed_0002];

/// The keys of every token of a sentence, in one buffer.
#[derive(Clone, Debug, Default)]
pub struct Features {
    /// All keys.
    pub keys: Vec<u64>,
    /// Where each token's keys start; one more entry marks the end.
    pub starts: Vec<usize>,
}

impl Features {
    /// The keys of token `i`.
    pub fn token(&self, i: usize) -> &[u64] {
        &self.keys[self.starts[i]..self.starts[i + 1]]
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    /// True for an empty sentence.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// How often the first pass gave each label (O and the four kinds) to one
/// word in the document.
#[derive(Clone, Copy, Debug, Default)]
struct Votes([u32; 5]);

/// Document-level facts the features consult.
#[derive(Clone, Debug, Default)]
pub struct DocContext {
    /// Words (folded) that occur in the document starting lower-case.
    lower_seen: KeyMap<()>,
    /// First-pass votes by folded word, once the first pass has run.
    votes: Option<KeyMap<Votes>>,
}

impl DocContext {
    /// The context of a document given as sentences of words.
    pub fn new<S: AsRef<str>>(sentences: &[Vec<S>]) -> Self {
        let mut lower_seen = KeyMap::default();
        for w in sentences.iter().flatten() {
            let w = w.as_ref();
            if w.chars().next().is_some_and(char::is_lowercase) {
                lower_seen.insert(fold_word(w), ());
            }
        }
        Self {
            lower_seen,
            votes: None,
        }
    }

    /// Records the first-pass tags of every sentence (same shape as the
    /// sentences given to [`DocContext::new`]).
    pub fn set_first_pass<S: AsRef<str>>(&mut self, sentences: &[Vec<S>], tags: &[Vec<Tag>]) {
        let mut votes: KeyMap<Votes> = KeyMap::default();
        for (words, tags) in sentences.iter().zip(tags) {
            for (w, tag) in words.iter().zip(tags) {
                let slot = tag
                    .kind()
                    .map_or(0, |k| 1 + KINDS.iter().position(|&x| x == k).unwrap_or(0));
                votes.entry(fold_word(w.as_ref())).or_default().0[slot] += 1;
            }
        }
        self.votes = Some(votes);
    }

    /// True once first-pass tags are recorded.
    pub fn has_first_pass(&self) -> bool {
        self.votes.is_some()
    }
}

/// What one token looks like, hashed.
struct TokenView {
    word: u64,
    folded: u64,
    shape: u64,
    short: u64,
}

/// The long and short shape hashes of a word: letters map to X/x, digits to
/// d, other characters stay; the long shape keeps runs up to four, the short
/// shape collapses every run.
fn shapes(word: &str) -> (u64, u64) {
    let mut long = Fx::new(100);
    let mut short = Fx::new(101);
    let mut prev = None;
    let mut run = 0;
    for c in word.chars() {
        let m = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        if Some(m) == prev {
            run += 1;
        } else {
            run = 1;
            short.add(u64::from(u32::from(m)));
        }
        if run <= 4 {
            long.add(u64::from(u32::from(m)));
        }
        prev = Some(m);
    }
    (long.finish(), short.finish())
}

/// True for a word with at least two letters, all capitals.
fn all_caps(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !word.chars().any(char::is_lowercase)
}

/// Extracts the features of one sentence into `out` (cleared first).
/// `prior` holds the sentence's first-pass tags in the second pass.
pub fn extract(words: &[&str], doc: &DocContext, prior: Option<&[Tag]>, out: &mut Features) {
    let mut base = Features::default();
    extract_base(words, doc, &mut base);
    let Some(prior) = prior else {
        *out = base;
        return;
    };
    let mut second = Features::default();
    extract_second(words, doc, prior, &mut second);
    out.keys.clear();
    out.starts.clear();
    for i in 0..base.len() {
        out.starts.push(out.keys.len());
        out.keys.extend_from_slice(base.token(i));
        out.keys.extend_from_slice(second.token(i));
    }
    out.starts.push(out.keys.len());
}

/// Lower-cases an ASCII word into `buf` (when it fits), else into a string.
fn lower_of<'b>(word: &str, buf: &'b mut [u8; 64], owned: &'b mut String) -> &'b str {
    if word.is_ascii() && word.len() <= buf.len() {
        let b = &mut buf[..word.len()];
        b.copy_from_slice(word.as_bytes());
        b.make_ascii_lowercase();
        std::str::from_utf8(b).unwrap_or("")
    } else {
        *owned = word.to_lowercase();
        owned.as_str()
    }
}

/// Pushes the prefix and suffix features (1–4 characters) of a lower-cased
/// word.
fn push_affixes(k: &mut Vec<u64>, lower: &str) {
    if lower.is_ascii() {
        let b = lower.as_bytes();
        for len in 1..=4.min(b.len()) {
            k.push(affix_key(t::PREFIX, &b[..len]));
            k.push(affix_key(t::SUFFIX, &b[b.len() - len..]));
        }
        return;
    }
    let bounds: Vec<usize> = lower.char_indices().map(|(i, _)| i).collect();
    for len in 1..=4.min(bounds.len()) {
        let pre = &lower[..bounds.get(len).copied().unwrap_or(lower.len())];
        let suf = &lower[bounds[bounds.len() - len]..];
        k.push(affix_key(t::PREFIX, pre.as_bytes()));
        k.push(affix_key(t::SUFFIX, suf.as_bytes()));
    }
}

/// The key of a prefix or suffix feature.
fn affix_key(template: u64, bytes: &[u8]) -> u64 {
    let mut h = Fx::new(template);
    h.add_bytes(bytes);
    h.finish()
}

/// Extracts the first-pass features of one sentence (everything but the
/// first-pass labels) into `out` (cleared first).
pub fn extract_base(words: &[&str], doc: &DocContext, out: &mut Features) {
    out.keys.clear();
    out.starts.clear();
    let n = words.len();
    let views: Vec<TokenView> = words
        .iter()
        .map(|w| {
            let (shape, short) = shapes(w);
            TokenView {
                word: super::hash::hash_str(w),
                folded: fold_word(w),
                shape,
                short,
            }
        })
        .collect();
    let folded: Vec<u64> = views.iter().map(|v| v.folded).collect();
    let marks = GAZETTEER.marks(words, &folded);
    let mut lettered = words
        .iter()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .peekable();
    let headline = lettered.peek().is_some() && {
        let mut count = 0;
        lettered.all(|w| {
            count += 1;
            all_caps(w)
        }) && count >= 2
    };
    let lower_at = |j: isize| -> u64 {
        if j < 0 {
            BOUNDARY[0]
        } else {
            views.get(j as usize).map_or(BOUNDARY[1], |v| v.folded)
        }
    };
    let short_at = |j: isize| -> u64 {
        if j < 0 {
            BOUNDARY[0]
        } else {
            views.get(j as usize).map_or(BOUNDARY[1], |v| v.short)
        }
    };
    let mut buf = [0u8; 64];
    let mut owned = String::new();
    for (i, w) in words.iter().enumerate() {
        out.starts.push(out.keys.len());
        let v = &views[i];
        let k = &mut out.keys;
        let ii = i as isize;
        k.push(key(t::BIAS, &[]));
        k.push(key(t::WORD, &[v.word]));
        k.push(key(t::LOWER, &[v.folded]));
        k.push(key(t::SHAPE, &[v.shape]));
        k.push(key(t::SHORT, &[v.short]));
        push_affixes(k, lower_of(w, &mut buf, &mut owned));
        for (d, off) in [(1u64, -1isize), (2, 1), (3, -2), (4, 2)] {
            k.push(key(t::NEIGHBOUR_LOWER, &[d, lower_at(ii + off)]));
            k.push(key(t::NEIGHBOUR_SHAPE, &[d, short_at(ii + off)]));
        }
        k.push(key(t::BIGRAM_BEFORE, &[lower_at(ii - 1), v.folded]));
        k.push(key(t::BIGRAM_AFTER, &[v.folded, lower_at(ii + 1)]));
        k.push(key(
            t::SHAPE_TRIGRAM,
            &[short_at(ii - 1), v.short, short_at(ii + 1)],
        ));
        if i == 0 {
            k.push(key(t::FIRST, &[v.short]));
        }
        if headline {
            k.push(key(t::HEADLINE, &[v.short]));
            k.push(key(t::HEADLINE, &[v.folded]));
        }
        if let Some((first, rest)) = w.split_once('-') {
            let last = rest.rsplit('-').next().unwrap_or(rest);
            for (d, part) in [(1u64, first), (2, last)] {
                let f = fold_word(part);
                k.push(key(t::HYPHEN_PART, &[d, f]));
                push_bits(k, t::HYPHEN_GAZ, d, GAZETTEER.word_marks(part, f));
            }
        }
        push_bits(k, t::GAZ, 0, marks[i]);
        if i > 0 {
            push_lists(k, 1, marks[i - 1]);
        }
        if i + 1 < n {
            push_lists(k, 2, marks[i + 1]);
        }
        if w.chars().next().is_some_and(char::is_uppercase)
            && doc.lower_seen.contains_key(&v.folded)
        {
            k.push(key(t::LOWER_ELSEWHERE, &[]));
        }
    }
    out.starts.push(out.keys.len());
}

/// Extracts the second-pass-only features of one sentence into `out`
/// (cleared first): the first-pass tags `prior` of the token and its
/// neighbours, and the document's votes for the word.
pub fn extract_second(words: &[&str], doc: &DocContext, prior: &[Tag], out: &mut Features) {
    out.keys.clear();
    out.starts.clear();
    let prior_at = |j: isize| -> u64 {
        if j < 0 {
            BOUNDARY[0]
        } else {
            prior
                .get(j as usize)
                .map_or(BOUNDARY[1], |t| u64::from(t.0) + 1)
        }
    };
    for (i, w) in words.iter().enumerate() {
        out.starts.push(out.keys.len());
        let k = &mut out.keys;
        let ii = i as isize;
        let (_, short) = shapes(w);
        k.push(key(t::PRIOR, &[0, prior_at(ii)]));
        k.push(key(t::PRIOR, &[1, prior_at(ii - 1), prior_at(ii)]));
        k.push(key(t::PRIOR, &[2, prior_at(ii), prior_at(ii + 1)]));
        k.push(key(t::PRIOR_WORD, &[prior_at(ii), short]));
        if let Some(votes) = doc.votes.as_ref().and_then(|m| m.get(&fold_word(w))) {
            push_votes(k, votes);
        }
    }
    out.starts.push(out.keys.len());
}

/// One feature per set gazetteer bit.
fn push_bits(k: &mut Vec<u64>, template: u64, d: u64, bits: u64) {
    let mut b = bits;
    while b != 0 {
        let bit = u64::from(b.trailing_zeros());
        k.push(key(template, &[d, bit]));
        b &= b - 1;
    }
}

/// One feature per list that covers a neighbour, whatever the position.
fn push_lists(k: &mut Vec<u64>, d: u64, bits: u64) {
    for list in 0..LIST_COUNT as u64 {
        if bits >> (4 * list) & 0xf != 0 {
            k.push(key(t::GAZ_NEIGHBOUR, &[d, list]));
        }
    }
}

/// The document-level vote features: the kind most often given to the word
/// elsewhere, and whether names outnumber plain uses.
fn push_votes(k: &mut Vec<u64>, votes: &Votes) {
    let v = votes.0;
    let names: u32 = v[1..].iter().sum();
    if names == 0 {
        k.push(key(t::DOC_MAJORITY, &[0]));
        return;
    }
    let mut best = 1;
    for slot in 2..5 {
        if v[slot] > v[best] {
            best = slot;
        }
    }
    k.push(key(t::DOC_MAJORITY, &[best as u64]));
    let dominant = names >= v[0];
    let unanimous = v[best] == names;
    k.push(key(
        t::DOC_DOMINANT,
        &[best as u64, u64::from(dominant), u64::from(unanimous)],
    ));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_and_context_sensitive() {
        let doc = DocContext::new(&[vec!["Peter", "Blackburn", "said"]]);
        let mut a = Features::default();
        let mut b = Features::default();
        extract(&["Peter", "Blackburn", "said"], &doc, None, &mut a);
        extract(&["Peter", "Blackburn", "said"], &doc, None, &mut b);
        assert_eq!(a.keys, b.keys);
        assert_eq!(a.len(), 3);
        extract(&["Peter", "Smith", "said"], &doc, None, &mut b);
        assert_eq!(a.token(0)[..3], b.token(0)[..3]);
        assert_ne!(a.token(0), b.token(0));
    }

    #[test]
    fn shapes_collapse_runs() {
        assert_eq!(shapes("Peter").1, shapes("Xy").1);
        assert_ne!(shapes("Peter").0, shapes("Xy").0);
        assert_eq!(shapes("Peterson").0, shapes("Peters").0);
    }
}
