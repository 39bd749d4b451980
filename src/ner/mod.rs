//! The learned name tagger: a two-pass averaged perceptron over BILOU tags
//! with Viterbi decoding, trained on CoNLL-format data.
//!
//! One job a file: [`conll`] reads and writes column files, [`tags`] holds
//! the BIO and BILOU tags, [`score`] scores like conlleval, [`hash`] gives the
//! fixed feature hash, [`gazetteer`] and [`features`] turn sentences into
//! feature keys, [`truecase`] rewrites sentences written in capitals to
//! their usual casing, [`model`] holds the weights, decodes and reads and writes
//! the binary format, and [`train`] learns the weights.
//!
//! The model shipped in `data/models/ner.bin` is built into the binary
//! ([`shipped`]).

pub mod conll;
pub mod features;
pub mod gazetteer;
pub mod hash;
pub mod model;
pub mod score;
pub mod tags;
pub mod train;
pub mod truecase;

use std::sync::LazyLock;

pub use model::{Model, ModelError};
pub use tags::{Kind, Tag};

use features::{DocContext, Features, extract_base, extract_second};

impl Model {
    /// Tags a document given as sentences of words: sentences written in
    /// capitals are truecased first ([`truecase`]), then the first pass tags
    /// each sentence and the second pass adds what the first found elsewhere
    /// in the document. Returns one BILOU tag per word.
    pub fn tag_document<S: AsRef<str>>(&self, sentences: &[Vec<S>]) -> Vec<Vec<Tag>> {
        match self.case_dictionary().truecase_document(sentences) {
            Some(cased) => self.tag_cased(&cased),
            None => self.tag_cased(sentences),
        }
    }

    /// Tags a document whose shouted sentences are already truecased.
    fn tag_cased<S: AsRef<str>>(&self, sentences: &[Vec<S>]) -> Vec<Vec<Tag>> {
        let mut doc = DocContext::new(sentences);
        let mut buf = Features::default();
        let mut words: Vec<&str> = Vec::new();
        let mut base = Vec::with_capacity(sentences.len());
        let mut first = Vec::with_capacity(sentences.len());
        for sentence in sentences {
            words.clear();
            words.extend(sentence.iter().map(AsRef::as_ref));
            extract_base(&words, &doc, &mut buf);
            let resolved = self.resolve(&buf);
            first.push(self.decode(0, &resolved, None));
            base.push(resolved);
        }
        doc.set_first_pass(sentences, &first);
        sentences
            .iter()
            .zip(&first)
            .zip(&base)
            .map(|((sentence, prior), resolved)| {
                words.clear();
                words.extend(sentence.iter().map(AsRef::as_ref));
                extract_second(&words, &doc, prior, &mut buf);
                let extra = self.resolve(&buf);
                self.decode(1, resolved, Some(&extra))
            })
            .collect()
    }
}

/// The model file built into the binary.
static SHIPPED_BYTES: &[u8] = include_bytes!("../../data/models/ner.bin");

/// The built-in model, read once; `None` if it cannot be read.
static SHIPPED: LazyLock<Option<Model>> = LazyLock::new(|| Model::from_bytes(SHIPPED_BYTES).ok());

/// The model shipped in `data/models/ner.bin`, built into the binary.
pub fn shipped() -> Option<&'static Model> {
    SHIPPED.as_ref()
}
