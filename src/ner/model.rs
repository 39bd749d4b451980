//! The tagger's weights, Viterbi decoding under the BILOU constraints, and
//! the compact binary model format.
//!
//! Format (little-endian): the magic `CGNER\x01\0\0`, then two weight
//! blocks (first pass, second pass). A block is its feature count `n` (u32),
//! a scale (f32), the transition scores ((17 + 1) × 17 f32, the last row
//! from the sentence start), `n` feature keys (u64, ascending) and `n` rows
//! of 17 weights (i16, multiplied by the scale when loaded).

use std::sync::LazyLock;

use super::features::Features;
use super::hash::KeyMap;
use super::tags::{TAG_COUNT, Tag};

/// The file's first bytes.
const MAGIC: &[u8; 8] = b"CGNER\x01\0\0";

/// Rows of the transition table: one per tag, then the sentence start.
pub const TRANS_ROWS: usize = TAG_COUNT + 1;

/// For each tag, the tags (or the start, as [`TAG_COUNT`]) it may follow.
static PREVIOUS: LazyLock<Vec<Vec<usize>>> = LazyLock::new(|| {
    (0..TAG_COUNT)
        .map(|t| {
            let tag = Tag(t as u8);
            (0..TRANS_ROWS)
                .filter(|&p| tag.may_follow((p < TAG_COUNT).then_some(Tag(p as u8))))
                .collect()
        })
        .collect()
});

/// The best tag sequence for per-token emission scores (`n × 17`) and
/// transition scores (`18 × 17`), among sequences the BILOU rules allow.
pub fn viterbi(emissions: &[f32], transitions: &[f32]) -> Vec<Tag> {
    let n = emissions.len() / TAG_COUNT;
    if n == 0 {
        return Vec::new();
    }
    let mut score = vec![f32::NEG_INFINITY; n * TAG_COUNT];
    let mut back = vec![0u8; n * TAG_COUNT];
    for t in 0..TAG_COUNT {
        if PREVIOUS[t].contains(&TAG_COUNT) {
            score[t] = transitions[TAG_COUNT * TAG_COUNT + t] + emissions[t];
        }
    }
    for i in 1..n {
        let (done, rest) = score.split_at_mut(i * TAG_COUNT);
        let prev = &done[(i - 1) * TAG_COUNT..];
        for t in 0..TAG_COUNT {
            let mut best = f32::NEG_INFINITY;
            let mut arg = 0;
            for &p in &PREVIOUS[t] {
                if p == TAG_COUNT {
                    continue;
                }
                let s = prev[p] + transitions[p * TAG_COUNT + t];
                if s > best {
                    best = s;
                    arg = p;
                }
            }
            rest[t] = best + emissions[i * TAG_COUNT + t];
            back[i * TAG_COUNT + t] = arg as u8;
        }
    }
    let last = &score[(n - 1) * TAG_COUNT..];
    let mut arg = 0;
    for t in 0..TAG_COUNT {
        if Tag(t as u8).may_end() && last[t] > last[arg] {
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

    /// The best tags of a sentence given its features.
    pub fn decode(&self, features: &Features) -> Vec<Tag> {
        let mut em = vec![0f32; features.len() * TAG_COUNT];
        for (i, out) in em.chunks_exact_mut(TAG_COUNT).enumerate() {
            for k in features.token(i) {
                if let Some(&r) = self.index.get(k) {
                    let r = r as usize * TAG_COUNT;
                    for (o, w) in out.iter_mut().zip(&self.rows[r..r + TAG_COUNT]) {
                        *o += w;
                    }
                }
            }
        }
        viterbi(&em, &self.transitions)
    }

    fn write(&self, out: &mut Vec<u8>) {
        let mut order: Vec<usize> = (0..self.keys.len()).collect();
        order.sort_by_key(|&i| self.keys[i]);
        let max = self.rows.iter().fold(0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
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
                out.extend(((w / scale).round() as i16).to_le_bytes());
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

/// Why a model could not be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ModelError {
    /// The data does not start with the model magic.
    #[error("not a Chronograph name-tagger model (bad magic)")]
    Magic,
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
    pub first: Weights,
    /// Second-pass weights.
    pub second: Weights,
}

impl Model {
    /// The model as bytes of the binary format (weights rounded to i16).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        self.first.write(&mut out);
        self.second.write(&mut out);
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
        if !input.0.is_empty() {
            return Err(ModelError::Trailing(input.0.len()));
        }
        Ok(Self { first, second })
    }
}
