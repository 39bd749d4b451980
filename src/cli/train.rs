//! `chronograph train`: learn a model from labelled data.

use std::path::PathBuf;
use std::time::Instant;

use chronograph::export::write_atomic;
use chronograph::ner::train::{self, Options};

use super::Outcome;
use super::conll;

/// What to train.
#[derive(Debug, clap::Subcommand)]
pub enum TrainCommand {
    /// The name tagger, from CoNLL-format BIO data (word first, label last).
    Ner(NerArgs),
}

/// Arguments of `train ner`.
#[derive(Debug, clap::Args)]
pub struct NerArgs {
    /// Training data (CoNLL columns, BIO labels in the last column).
    #[arg(long, value_name = "FILE")]
    pub train: String,
    /// Development data to report precision, recall and F1 on after each epoch.
    #[arg(long, value_name = "FILE")]
    pub dev: Option<String>,
    /// Where to write the model.
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
    /// Passes over the training data for each model.
    #[arg(long, default_value_t = 10)]
    pub epochs: usize,
    /// Also train every N-th sentence written in capitals (0: never).
    #[arg(long, value_name = "N", default_value_t = 3)]
    pub capitals_every: usize,
    /// Seed of the order in which sentences are visited.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Drop features whose largest absolute weight is below this.
    #[arg(long, default_value_t = 1.0)]
    pub min_weight: f32,
    /// Leave words seen fewer times than this in their usual form out of the
    /// case dictionary (used to truecase sentences written in capitals).
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub case_min_count: u32,
}

/// Runs `train`.
pub fn run(command: TrainCommand) -> anyhow::Result<Outcome> {
    let TrainCommand::Ner(args) = command;
    let started = Instant::now();
    let train_docs = conll::labelled(&args.train, &conll::read(&args.train)?)?;
    if train_docs.iter().all(|d| d.sentences.is_empty()) {
        anyhow::bail!("{}: no sentences to train on", args.train);
    }
    let dev_docs = match &args.dev {
        Some(path) => Some(conll::labelled(path, &conll::read(path)?)?),
        None => None,
    };
    let options = Options {
        epochs: args.epochs,
        capitals_every: args.capitals_every,
        seed: args.seed,
        min_weight: args.min_weight,
        case_min_count: args.case_min_count,
        ..Options::default()
    };
    let model = train::train(&train_docs, dev_docs.as_deref(), &options, &mut |line| {
        eprintln!("{line}");
    });
    let bytes = model.to_bytes();
    write_atomic(&args.output, &bytes)?;
    eprintln!(
        "wrote {} ({} bytes) in {:.1} s",
        args.output.display(),
        bytes.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(Outcome::Complete)
}
