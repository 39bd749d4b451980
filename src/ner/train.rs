//! Training the two-pass tagger with the averaged structured perceptron.
//!
//! The first pass learns from each sentence alone. The second pass also sees
//! first-pass labels; so that those labels are as good (and as wrong) in
//! training as on new text, the training documents' first-pass labels come
//! from 4-fold cross-validation: each quarter is tagged by a first-pass model
//! trained on the other three. Shouted sentences (all in capitals) are
//! truecased with the case dictionary learned from the training text, as in
//! tagging, and every n-th sentence is also trained written in capitals and
//! truecased, as headlines and credits are. Sentences are visited in an
//! order shuffled by a seeded generator, so the same data and seed give the
//! same model.

use super::features::{DocContext, Features, extract};
use super::hash::KeyMap;
use super::model::{Model, TRANS_ROWS, Weights, viterbi};
use super::score::Score;
use super::tags::{TAG_COUNT, Tag, bilou_to_bio};
use super::truecase::{CaseCounts, CaseDictionary, is_shouted};

/// A training or development document: sentences of words with gold tags.
#[derive(Clone, Debug, Default)]
pub struct LabelledDoc {
    /// The words of each sentence.
    pub sentences: Vec<Vec<String>>,
    /// The gold BILOU tags of each sentence.
    pub tags: Vec<Vec<Tag>>,
}

/// Training settings.
#[derive(Clone, Debug)]
pub struct Options {
    /// Passes over the training data, for each model.
    pub epochs: usize,
    /// Also train every n-th sentence in capitals (0: never).
    pub capitals_every: usize,
    /// Cross-validation folds for the second pass's labels.
    pub folds: usize,
    /// Seed of the shuffling.
    pub seed: u64,
    /// Features whose largest absolute weight is below this are dropped.
    pub min_weight: f32,
    /// Words seen fewer times than this in their usual form are left out of
    /// the case dictionary.
    pub case_min_count: u32,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            epochs: 10,
            capitals_every: 3,
            folds: 4,
            seed: 1,
            min_weight: 1.0,
            case_min_count: 1,
        }
    }
}

/// One sentence as feature rows: row numbers per token, and gold tags.
struct Instance {
    rows: Vec<u32>,
    starts: Vec<u32>,
    gold: Vec<Tag>,
    doc: usize,
    /// Index of the sentence in its document.
    sentence: usize,
    /// True for the capitals copy.
    capitals: bool,
}

/// The feature dictionary: key → row number, growing while training data is
/// read.
#[derive(Default)]
struct Dictionary {
    index: KeyMap<u32>,
    keys: Vec<u64>,
}

impl Dictionary {
    /// Rows of the features; new keys are added when `grow`, dropped
    /// otherwise.
    fn instance(&mut self, f: &Features, gold: &[Tag], grow: bool) -> (Vec<u32>, Vec<u32>) {
        let mut rows = Vec::with_capacity(f.keys.len());
        let mut starts = Vec::with_capacity(f.len() + 1);
        for i in 0..f.len() {
            starts.push(rows.len() as u32);
            for &k in f.token(i) {
                let row = match self.index.get(&k) {
                    Some(&r) => Some(r),
                    None if grow => {
                        let r = self.keys.len() as u32;
                        self.index.insert(k, r);
                        self.keys.push(k);
                        Some(r)
                    }
                    None => None,
                };
                rows.extend(row);
            }
        }
        starts.push(rows.len() as u32);
        debug_assert_eq!(gold.len(), f.len());
        (rows, starts)
    }
}

/// The training data and what the features of its instances depend on.
struct Source<'a> {
    docs: &'a [LabelledDoc],
    /// The case dictionary that truecases shouted sentences, as in tagging.
    case: &'a CaseDictionary,
    /// Also train every n-th sentence in capitals (0: never).
    capitals_every: usize,
}

/// A sentence written in capitals, truecased as the tagger would see it
/// alone (with the dictionary only).
fn capitals_copy(words: &[String], case: &CaseDictionary) -> Vec<String> {
    let upper: Vec<String> = words.iter().map(|w| w.to_uppercase()).collect();
    if is_shouted(&upper) {
        case.truecase_sentence(&upper, &CaseCounts::default())
    } else {
        upper
    }
}

/// Builds the instances of documents for one pass. `priors` gives, per
/// document, the first-pass tags of each sentence and of its capitals copy.
fn instances(
    source: &Source,
    dict: &mut Dictionary,
    grow: bool,
    priors: Option<&Priors>,
) -> Vec<Instance> {
    let capitals_every = source.capitals_every;
    let mut out = Vec::new();
    let mut buf = Features::default();
    let mut counter = 0usize;
    for (d, doc) in source.docs.iter().enumerate() {
        let cased = source.case.truecase_document(&doc.sentences);
        let sentences = cased.as_ref().unwrap_or(&doc.sentences);
        let mut cx = DocContext::new(sentences);
        if let Some(p) = priors {
            let first: Vec<Vec<Tag>> = p[d].iter().map(|(t, _)| t.clone()).collect();
            cx.set_first_pass(sentences, &first);
        }
        for (s, (words, gold)) in sentences.iter().zip(&doc.tags).enumerate() {
            counter += 1;
            let caps = capitals_every > 0 && counter.is_multiple_of(capitals_every);
            let upper = if caps {
                capitals_copy(words, source.case)
            } else {
                Vec::new()
            };
            let variants: [(&[String], bool); 2] = [(words, false), (&upper, true)];
            for (ws, capitals) in variants {
                if capitals && !caps {
                    continue;
                }
                let refs: Vec<&str> = ws.iter().map(String::as_str).collect();
                let prior = priors.and_then(|p| {
                    let (plain, upper) = &p[d][s];
                    if capitals {
                        upper.as_deref()
                    } else {
                        Some(plain.as_slice())
                    }
                });
                if priors.is_some() && prior.is_none() {
                    continue;
                }
                extract(&refs, &cx, prior, &mut buf);
                let (rows, starts) = dict.instance(&buf, gold, grow);
                out.push(Instance {
                    rows,
                    starts,
                    gold: gold.clone(),
                    doc: d,
                    sentence: s,
                    capitals,
                });
            }
        }
    }
    out
}

/// An averaged perceptron over a fixed number of feature rows.
struct Perceptron {
    w: Vec<f32>,
    u: Vec<f64>,
    tw: Vec<f32>,
    tu: Vec<f64>,
    c: f64,
}

impl Perceptron {
    fn new(rows: usize) -> Self {
        Self {
            w: vec![0.0; rows * TAG_COUNT],
            u: vec![0.0; rows * TAG_COUNT],
            tw: vec![0.0; TRANS_ROWS * TAG_COUNT],
            tu: vec![0.0; TRANS_ROWS * TAG_COUNT],
            c: 1.0,
        }
    }

    fn emissions(w: &[f32], inst: &Instance) -> Vec<f32> {
        let n = inst.gold.len();
        let mut em = vec![0f32; n * TAG_COUNT];
        for (i, out) in em.chunks_exact_mut(TAG_COUNT).enumerate() {
            let (a, b) = (inst.starts[i] as usize, inst.starts[i + 1] as usize);
            for &r in &inst.rows[a..b] {
                let r = r as usize * TAG_COUNT;
                for (o, x) in out.iter_mut().zip(&w[r..r + TAG_COUNT]) {
                    *o += x;
                }
            }
        }
        em
    }

    fn decode(w: &[f32], tw: &[f32], inst: &Instance) -> Vec<Tag> {
        viterbi(&Self::emissions(w, inst), tw)
    }

    fn learn(&mut self, inst: &Instance) {
        let pred = Self::decode(&self.w, &self.tw, inst);
        if pred != inst.gold {
            let c = self.c;
            for (i, (&g, &p)) in inst.gold.iter().zip(&pred).enumerate() {
                if g != p {
                    let (a, b) = (inst.starts[i] as usize, inst.starts[i + 1] as usize);
                    for &r in &inst.rows[a..b] {
                        let r = r as usize * TAG_COUNT;
                        for (t, d) in [(g.index(), 1.0f32), (p.index(), -1.0)] {
                            self.w[r + t] += d;
                            self.u[r + t] += c * f64::from(d);
                        }
                    }
                }
                let gp = if i == 0 {
                    TAG_COUNT
                } else {
                    inst.gold[i - 1].index()
                };
                let pp = if i == 0 {
                    TAG_COUNT
                } else {
                    pred[i - 1].index()
                };
                if (gp, g) != (pp, p) {
                    for (cell, d) in [
                        (gp * TAG_COUNT + g.index(), 1.0f32),
                        (pp * TAG_COUNT + p.index(), -1.0),
                    ] {
                        self.tw[cell] += d;
                        self.tu[cell] += c * f64::from(d);
                    }
                }
            }
        }
        self.c += 1.0;
    }

    /// The averaged weights and transitions.
    fn averaged(&self) -> (Vec<f32>, Vec<f32>) {
        let avg = |w: &[f32], u: &[f64]| -> Vec<f32> {
            w.iter()
                .zip(u)
                .map(|(&w, &u)| (f64::from(w) - u / self.c) as f32)
                .collect()
        };
        (avg(&self.w, &self.u), avg(&self.tw, &self.tu))
    }
}

/// A small seeded generator (xorshift64*) for the visiting order.
struct Shuffler(u64);

impl Shuffler {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn shuffle(&mut self, order: &mut [usize]) {
        for i in (1..order.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
    }
}

/// F1 of instances (plain ones only) tagged with given weights.
fn f1(w: &[f32], tw: &[f32], dev: &[Instance]) -> Score {
    let mut score = Score::default();
    for inst in dev.iter().filter(|i| !i.capitals) {
        let pred = Perceptron::decode(w, tw, inst);
        score.add(&bilou_to_bio(&inst.gold), &bilou_to_bio(&pred));
    }
    score
}

/// Trains one pass on the chosen instances, reporting dev F1 after each
/// epoch through `log` (when `dev` is given and `name` is not empty).
fn train_pass(
    rows: usize,
    train: &[&Instance],
    dev: Option<&[Instance]>,
    options: &Options,
    name: &str,
    log: &mut dyn FnMut(&str),
) -> (Vec<f32>, Vec<f32>) {
    let mut p = Perceptron::new(rows);
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut rng = Shuffler(options.seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
    for epoch in 1..=options.epochs {
        rng.shuffle(&mut order);
        for &i in &order {
            p.learn(train[i]);
        }
        if let Some(dev) = dev.filter(|_| !name.is_empty()) {
            let (w, tw) = p.averaged();
            let s = f1(&w, &tw, dev);
            log(&format!(
                "{name} epoch {epoch}: dev precision {:.2} recall {:.2} F1 {:.2}",
                s.overall.precision(),
                s.overall.recall(),
                s.overall.f1()
            ));
        }
    }
    p.averaged()
}

/// Keeps the features whose largest absolute weight reaches `min`.
fn prune(dict: &Dictionary, w: &[f32], tw: Vec<f32>, min: f32) -> Weights {
    let mut keys = Vec::new();
    let mut rows = Vec::new();
    for (i, &k) in dict.keys.iter().enumerate().take(w.len() / TAG_COUNT) {
        let row = &w[i * TAG_COUNT..(i + 1) * TAG_COUNT];
        let big = row.iter().fold(0f32, |m, x| m.max(x.abs()));
        if big > 0.0 && big >= min {
            keys.push(k);
            rows.extend_from_slice(row);
        }
    }
    Weights::new(keys, rows, tw)
}

/// First-pass tags of documents' instances, by document and sentence, plain
/// and capitals copy.
type Priors = Vec<Vec<(Vec<Tag>, Option<Vec<Tag>>)>>;

fn collect_priors(
    docs: &[LabelledDoc],
    insts: &[Instance],
    tagged: impl Fn(&Instance) -> Option<Vec<Tag>>,
) -> Priors {
    let mut priors: Priors = docs
        .iter()
        .map(|d| {
            d.tags
                .iter()
                .map(|t| (vec![Tag::O; t.len()], None))
                .collect()
        })
        .collect();
    for inst in insts {
        if let Some(tags) = tagged(inst) {
            let slot = &mut priors[inst.doc][inst.sentence];
            if inst.capitals {
                slot.1 = Some(tags);
            } else {
                slot.0 = tags;
            }
        }
    }
    priors
}

/// Trains a model on `train`, printing dev scores per epoch through `log`
/// when `dev` is given.
pub fn train(
    train: &[LabelledDoc],
    dev: Option<&[LabelledDoc]>,
    options: &Options,
    log: &mut dyn FnMut(&str),
) -> Model {
    let mut counts = CaseCounts::default();
    for doc in train {
        counts.add_document(&doc.sentences);
    }
    let case = CaseDictionary::learn(&counts, options.case_min_count);
    log(&format!("case dictionary: {} words", case.len()));
    let train_source = Source {
        docs: train,
        case: &case,
        capitals_every: options.capitals_every,
    };
    let dev_source = dev.map(|docs| Source {
        docs,
        case: &case,
        capitals_every: 0,
    });
    let mut dict = Dictionary::default();
    let first_train = instances(&train_source, &mut dict, true, None);
    let first_dev = dev_source
        .as_ref()
        .map(|d| instances(d, &mut dict, false, None));
    log(&format!(
        "first pass: {} sentences (with capitals copies), {} features",
        first_train.len(),
        dict.keys.len()
    ));
    let rows = dict.keys.len();
    let all: Vec<&Instance> = first_train.iter().collect();
    let (w1, tw1) = train_pass(rows, &all, first_dev.as_deref(), options, "first pass", log);

    // Cross-validated first-pass labels of the training documents.
    let folds = options.folds.max(2);
    let mut fold_tags: Vec<Option<Vec<Tag>>> = (0..first_train.len()).map(|_| None).collect();
    for f in 0..folds {
        let part: Vec<&Instance> = first_train.iter().filter(|i| i.doc % folds != f).collect();
        let (w, tw) = train_pass(rows, &part, None, options, "", log);
        for (k, inst) in first_train.iter().enumerate() {
            if inst.doc % folds == f {
                fold_tags[k] = Some(Perceptron::decode(&w, &tw, inst));
            }
        }
        log(&format!(
            "cross-validation fold {} of {folds} tagged",
            f + 1
        ));
    }
    let by_position: std::collections::HashMap<(usize, usize, bool), usize> = first_train
        .iter()
        .enumerate()
        .map(|(k, i)| ((i.doc, i.sentence, i.capitals), k))
        .collect();
    let train_priors = collect_priors(train, &first_train, |inst| {
        fold_tags[by_position[&(inst.doc, inst.sentence, inst.capitals)]].clone()
    });
    drop(first_train);
    let second_train = instances(&train_source, &mut dict, true, Some(&train_priors));
    let second_dev = match (&dev_source, &first_dev) {
        (Some(d), Some(fd)) => {
            let priors =
                collect_priors(d.docs, fd, |inst| Some(Perceptron::decode(&w1, &tw1, inst)));
            Some(instances(d, &mut dict, false, Some(&priors)))
        }
        _ => None,
    };
    log(&format!(
        "second pass: {} sentences, {} features",
        second_train.len(),
        dict.keys.len()
    ));
    let all: Vec<&Instance> = second_train.iter().collect();
    let (w2, tw2) = train_pass(
        dict.keys.len(),
        &all,
        second_dev.as_deref(),
        options,
        "second pass",
        log,
    );
    let first = prune(&dict, &w1, tw1, options.min_weight);
    let second = prune(&dict, &w2, tw2, options.min_weight);
    log(&format!(
        "kept {} first-pass and {} second-pass features",
        first.len(),
        second.len()
    ));
    Model::new(first, second, case)
}
