//! CoNLL input for the name-tagger commands: reading a column file (or
//! stdin) with its path in errors, and turning it into labelled documents.

use std::io::Read;

use anyhow::{Context, bail};

use chronograph::ner::conll::{self, Document};
use chronograph::ner::tags::bio_to_bilou;
use chronograph::ner::train::LabelledDoc;
use chronograph::ner::{Model, shipped};

/// Reads a CoNLL file, or stdin for `-`.
pub fn read(path: &str) -> anyhow::Result<Vec<Document>> {
    let text = if path == "-" {
        let mut s = String::new();
        std::io::stdin()
            .read_to_string(&mut s)
            .context("cannot read stdin")?;
        s
    } else {
        std::fs::read_to_string(path).with_context(|| format!("cannot read {path}"))?
    };
    conll::read(&text).with_context(|| format!("{path}: not a CoNLL column file"))
}

/// The documents with their gold labels, taken from the last column.
pub fn labelled(path: &str, docs: &[Document]) -> anyhow::Result<Vec<LabelledDoc>> {
    docs.iter()
        .map(|doc| {
            let mut out = LabelledDoc::default();
            for sentence in &doc.sentences {
                let Some(gold) = sentence.column_from_end(0) else {
                    bail!(
                        "{path}: sentence \"{}\" has no label column",
                        sentence.words().join(" ")
                    );
                };
                let tags = bio_to_bilou(&gold).map_err(|e| anyhow::anyhow!("{path}: {e}"))?;
                out.sentences
                    .push(sentence.words().iter().map(|w| w.to_string()).collect());
                out.tags.push(tags);
            }
            Ok(out)
        })
        .collect()
}

/// The model in `path`, or the built-in one.
pub fn model(path: Option<&std::path::Path>) -> anyhow::Result<std::borrow::Cow<'static, Model>> {
    match path {
        Some(p) => {
            let bytes = std::fs::read(p).with_context(|| format!("cannot read {}", p.display()))?;
            let model = Model::from_bytes(&bytes).with_context(|| format!("{}", p.display()))?;
            Ok(std::borrow::Cow::Owned(model))
        }
        None => shipped()
            .map(std::borrow::Cow::Borrowed)
            .context("the built-in name-tagger model is missing (data/models/ner.bin)"),
    }
}

/// The predicted BIO labels of every sentence of every document.
pub fn predict(model: &Model, docs: &[Document]) -> Vec<Vec<Vec<String>>> {
    docs.iter()
        .map(|doc| {
            let words: Vec<Vec<&str>> = doc.sentences.iter().map(|s| s.words()).collect();
            model
                .tag_document(&words)
                .iter()
                .map(|tags| chronograph::ner::tags::bilou_to_bio(tags))
                .collect()
        })
        .collect()
}
