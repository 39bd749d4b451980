//! The tagger's weights, Viterbi decoding under the BILOU constraints, and
//! the compact binary model format.
//!
//! Format (little-endian): the magic `CGNER\x02\0\0`, then two weight
//! blocks (first pass, second pass), then the case dictionary: its word
//! count (u32) and each form as its byte length (u16) and UTF-8 bytes, in
//! order of the lower-cased words. A block is its feature count `n` (u32),
//! a scale (f32), the transition scores ((17 + 1) × 17 f32, the last row
//! from the sentence start), `n` feature keys (u64, ascending) and `n` rows
//! of 17 weights (i16, multiplied by the scale when loaded).

use std::sync::LazyLock;

use super::features::Features;
use super::hash::KeyMap;
use super::tags::{TAG_COUNT, Tag};
use super::truecase::CaseDictionary;

/// The file's first bytes.
const MAGIC: &[u8; 8] = b"CGNER\x02\0\0";

/// Rows of the transition table: one per tag, then the sentence start.
pub const TRANS_ROWS: usize = TAG_COUNT + 1;

/// Which tags may follow which: for each tag, whether it may open a
/// sentence, and the tags it may follow (at most 9: O and every L and U).
struct Previous {
    at_start: [bool; TAG_COUNT],
    count: [usize; TAG_COUNT],
    tags: [[usize; 9]; TAG_COUNT],
}

static PREVIOUS: LazyLock<Previous> = LazyLock::new(|| {
    let mut p = Previous {
        at_start: [false; TAG_COUNT],
        count: [0; TAG_COUNT],
        tags: [[0; 9]; TAG_COUNT],
    };
    for t in 0..TAG_COUNT {
        let tag = Tag(t as u8);
        p.at_start[t] = tag.may_follow(None);
        for q in 0..TAG_COUNT {
            if tag.may_follow(Some(Tag(q as u8))) {
                p.tags[t][p.count[t]] = q;
                p.count[t] += 1;
            }
        }
    }
    p
});

/// The best tag sequence for per-token emission scores (`n × 17`) and
/// transition scores (`18 × 17`), among sequences the BILOU rules allow.
pub fn viterbi(emissions: &[f32], transitions: &[f32]) -> Vec<Tag> {
    let n = emissions.len() / TAG_COUNT;
    if n == 0 {
        return Vec::new();
    }
    let previous = &*PREVIOUS;
    let mut back = vec![0u8; n * TAG_COUNT];
    let mut prev = [f32::NEG_INFINITY; TAG_COUNT];
    for t in 0..TAG_COUNT {
        if previous.at_start[t] {
            prev[t] = transitions[TAG_COUNT * TAG_COUNT + t] + emissions[t];
        }
    }
    for i in 1..n {
        let mut next = [f32::NEG_INFINITY; TAG_COUNT];
        for t in 0..TAG_COUNT {
            let mut best = f32::NEG_INFINITY;
            let mut arg = 0;
            for &p in &previous.tags[t][..previous.count[t]] {
                let s = prev[p] + transitions[p * TAG_COUNT + t];
                if s > best {
                    best = s;
                    arg = p;
                }
            }
            next[t] = best + emissions[i * TAG_COUNT + t];
            back[i * TAG_COUNT + t] = arg as u8;
        }
        prev = next;
    }
    let mut arg = 0;
    for t in 0..TAG_COUNT {
        if Tag(t as u8).may_end() && prev[t] > prev[arg] {
            arg = t;
        }
    }
    let mut tags = vec![Tag::O; n];
    for i in (0..n).rev() {
        tags[i] = Tag(arg as u8);
        arg = usize::from(back[i * TAG_COUNT + arg]);
    }
    tags
}

/// The weights of one pass: a row of 17 scores per known feature key, and
/// the transition scores.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Weights {
    /// Feature key → row number.
    index: KeyMap<u32>,
    /// The keys, by row number.
    keys: Vec<u64>,
    /// Rows of 17 scores.
    rows: Vec<f32>,
    /// `18 × 17` transition scores.
    transitions: Vec<f32>,
}

impl Weights {
    /// Builds weights from keys, their rows (`keys.len() × 17`) and the
    /// transition scores.
    pub fn new(keys: Vec<u64>, rows: Vec<f32>, transitions: Vec<f32>) -> Self {
        let index = keys
            .iter()
            .enumerate()
            .map(|(i, &k)| (k, i as u32))
            .collect();
        Self {
            index,
            keys,
            rows,
            transitions,
        }
    }

    /// Number of features with weights.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// True when there are no feature weights.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// The factor that maps i16 weights back to scores: the largest absolute
    /// weight over 32767.
    fn scale(&self) -> f32 {
        let max = self.rows.iter().fold(0f32, |m, w| m.max(w.abs()));
        if max > 0.0 { max / 32767.0 } else { 1.0 }
    }

    fn write(&self, out: &mut Vec<u8>) {
        let mut order: Vec<usize> = (0..self.keys.len()).collect();
        order.sort_by_key(|&i| self.keys[i]);
        let scale = self.scale();
        out.extend((order.len() as u32).to_le_bytes());
        out.extend(scale.to_le_bytes());
        for t in &self.transitions {
            out.extend(t.to_le_bytes());
        }
        for &i in &order {
            out.extend(self.keys[i].to_le_bytes());
        }
        for &i in &order {
            for w in &self.rows[i * TAG_COUNT..(i + 1) * TAG_COUNT] {
                out.extend(quantize(*w, scale).to_le_bytes());
            }
        }
    }

    fn read(input: &mut Reader) -> Result<Self, ModelError> {
        let n = input.u32()? as usize;
        let scale = input.f32()?;
        let transitions = (0..TRANS_ROWS * TAG_COUNT)
            .map(|_| input.f32())
            .collect::<Result<Vec<_>, _>>()?;
        let keys = (0..n).map(|_| input.u64()).collect::<Result<Vec<_>, _>>()?;
        let bytes = input.take(n * TAG_COUNT * 2)?;
        let rows = bytes
            .chunks_exact(2)
            .map(|b| f32::from(i16::from_le_bytes([b[0], b[1]])) * scale)
            .collect();
        Ok(Self::new(keys, rows, transitions))
    }
}

/// A weight as the i16 multiple of `scale` nearest to it.
fn quantize(w: f32, scale: f32) -> i16 {
    (w / scale).round().clamp(-32767.0, 32767.0) as i16
}

/// Why a model could not be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ModelError {
    /// The data does not start with the model magic.
    #[error("not a Chronograph name-tagger model (bad magic)")]
    Magic,
    /// A case-dictionary form is not UTF-8.
    #[error("model data holds a word that is not UTF-8")]
    Utf8,
    /// The data ends early.
    #[error("model data is truncated")]
    Truncated,
    /// Bytes are left after the model.
    #[error("model data has {0} trailing bytes")]
    Trailing(usize),
}

/// A cursor over model bytes.
struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        if self.0.len() < n {
            return Err(ModelError::Truncated);
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Ok(head)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], ModelError> {
        let mut a = [0u8; N];
        a.copy_from_slice(self.take(N)?);
        Ok(a)
    }

    fn u16(&mut self) -> Result<u16, ModelError> {
        self.array().map(u16::from_le_bytes)
    }

    fn u32(&mut self) -> Result<u32, ModelError> {
        self.array().map(u32::from_le_bytes)
    }

    fn u64(&mut self) -> Result<u64, ModelError> {
        self.array().map(u64::from_le_bytes)
    }

    fn f32(&mut self) -> Result<f32, ModelError> {
        self.array().map(f32::from_le_bytes)
    }
}

/// A two-pass tagger: the first pass tags each sentence alone; the second
/// sees the first pass's labels of the whole document.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Model {
    /// First-pass weights.
    first: Weights,
    /// Second-pass weights.
    second: Weights,
    /// Both passes' rows under one index, so that a feature is looked up
    /// once for both.
    joint: Joint,
    /// The usual forms of words, for truecasing shouted sentences.
    case: CaseDictionary,
}

/// The union of both passes' features: key → row, and each pass's rows
/// (zero where a pass has no weight for the feature) as i16 with a scale,
/// exactly as the model file stores them: half the memory to read per
/// token.
#[derive(Clone, Debug, Default, PartialEq)]
struct Joint {
    index: KeyMap<u32>,
    rows: [Vec<i16>; 2],
    scales: [f32; 2],
}

impl Joint {
    fn new(passes: [&Weights; 2]) -> Self {
        let mut index: KeyMap<u32> = KeyMap::default();
        let mut keys: Vec<u64> = passes.iter().flat_map(|w| w.keys.iter().copied()).collect();
        keys.sort_unstable();
        keys.dedup();
        for (i, &k) in keys.iter().enumerate() {
            index.insert(k, i as u32);
        }
        let scales = passes.map(Weights::scale);
        let rows = passes.map(|w| {
            let scale = w.scale();
            let mut rows = vec![0i16; keys.len() * TAG_COUNT];
            for (r, k) in w.keys.iter().enumerate() {
                let j = index[k] as usize * TAG_COUNT;
                for (q, x) in rows[j..j + TAG_COUNT]
                    .iter_mut()
                    .zip(&w.rows[r * TAG_COUNT..(r + 1) * TAG_COUNT])
                {
                    *q = quantize(*x, scale);
                }
            }
            rows
        });
        Self {
            index,
            rows,
            scales,
        }
    }
}

/// A sentence's features resolved to joint rows: the rows of each token.
#[derive(Clone, Debug, Default)]
pub struct Resolved {
    rows: Vec<u32>,
    starts: Vec<usize>,
}

impl Model {
    /// A model from the weights of its two passes and its case dictionary.
    pub fn new(first: Weights, second: Weights, case: CaseDictionary) -> Self {
        let joint = Joint::new([&first, &second]);
        Self {
            first,
            second,
            joint,
            case,
        }
    }

    /// The case dictionary used to truecase shouted sentences.
    pub fn case_dictionary(&self) -> &CaseDictionary {
        &self.case
    }

    /// The rows of a sentence's features (features without weights dropped).
    pub fn resolve(&self, features: &Features) -> Resolved {
        let mut out = Resolved {
            rows: Vec::with_capacity(features.keys.len()),
            starts: Vec::with_capacity(features.len() + 1),
        };
        for i in 0..features.len() {
            out.starts.push(out.rows.len());
            out.rows.extend(
                features
                    .token(i)
                    .iter()
                    .filter_map(|k| self.joint.index.get(k).copied()),
            );
        }
        out.starts.push(out.rows.len());
        out
    }

    /// Decodes a sentence with pass 0 (first) or 1 (second), from its
    /// resolved base features and, in the second pass, its resolved
    /// second-pass features.
    pub fn decode(&self, pass: usize, base: &Resolved, extra: Option<&Resolved>) -> Vec<Tag> {
        let table = &self.joint.rows[pass];
        let scale = self.joint.scales[pass];
        let n = base.starts.len().saturating_sub(1);
        let mut em = vec![0f32; n * TAG_COUNT];
        for (i, out) in em.chunks_exact_mut(TAG_COUNT).enumerate() {
            let own = &base.rows[base.starts[i]..base.starts[i + 1]];
            let more = extra.map_or(&[][..], |e| &e.rows[e.starts[i]..e.starts[i + 1]]);
            let mut sums = [0i32; TAG_COUNT];
            for &r in own.iter().chain(more) {
                let r = r as usize * TAG_COUNT;
                for (o, &w) in sums.iter_mut().zip(&table[r..r + TAG_COUNT]) {
                    *o += i32::from(w);
                }
            }
            for (o, s) in out.iter_mut().zip(sums) {
                *o = s as f32 * scale;
            }
        }
        let transitions = if pass == 0 {
            &self.first.transitions
        } else {
            &self.second.transitions
        };
        viterbi(&em, transitions)
    }

    /// Number of features with weights in the first and second pass.
    pub fn feature_counts(&self) -> (usize, usize) {
        (self.first.len(), self.second.len())
    }

    /// The model as bytes of the binary format (weights rounded to i16).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        self.first.write(&mut out);
        self.second.write(&mut out);
        out.extend((self.case.len() as u32).to_le_bytes());
        for form in self.case.forms() {
            out.extend((form.len() as u16).to_le_bytes());
            out.extend(form.as_bytes());
        }
        out
    }

    /// Reads a model from bytes of the binary format.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, ModelError> {
        let mut input = Reader(bytes);
        if input.take(MAGIC.len()).ok() != Some(MAGIC.as_slice()) {
            return Err(ModelError::Magic);
        }
        let first = Weights::read(&mut input)?;
        let second = Weights::read(&mut input)?;
        let n = input.u32()? as usize;
        let mut forms = Vec::with_capacity(n.min(input.0.len() / 2));
        for _ in 0..n {
            let len = usize::from(input.u16()?);
            let bytes = input.take(len)?;
            forms.push(String::from_utf8(bytes.to_vec()).map_err(|_| ModelError::Utf8)?);
        }
        if !input.0.is_empty() {
            return Err(ModelError::Trailing(input.0.len()));
        }
        Ok(Self::new(first, second, CaseDictionary::from_forms(forms)))
    }
}
