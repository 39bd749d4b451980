//! `chronograph eval`: score a component against gold data.

use std::path::PathBuf;

use anyhow::bail;

use chronograph::ner::score::Score;

use super::Outcome;
use super::conll;

/// What to evaluate.
#[derive(Debug, clap::Subcommand)]
pub enum EvalCommand {
    /// The name tagger on CoNLL-format BIO data: conlleval-style precision,
    /// recall and F1 per type and overall (exact span and type).
    Ner(NerArgs),
}

/// Arguments of `eval ner`.
#[derive(Debug, clap::Args)]
pub struct NerArgs {
    /// Gold data (CoNLL columns, BIO labels in the last column), or `-`.
    #[arg(value_name = "FILE")]
    pub file: String,
    /// A model file to use instead of the built-in one.
    #[arg(long, value_name = "FILE")]
    pub model: Option<PathBuf>,
    /// The file already holds predictions in its last column, gold labels in
    /// the one before (the conlleval convention): score them, do not tag.
    #[arg(long)]
    pub predicted: bool,
}

/// Runs `eval`.
pub fn run(command: EvalCommand) -> anyhow::Result<Outcome> {
    let EvalCommand::Ner(args) = command;
    let docs = conll::read(&args.file)?;
    let mut score = Score::default();
    if args.predicted {
        for sentence in docs.iter().flat_map(|d| &d.sentences) {
            let (Some(gold), Some(pred)) =
                (sentence.column_from_end(1), sentence.column_from_end(0))
            else {
                bail!(
                    "{}: sentence \"{}\" needs gold and predicted label columns",
                    args.file,
                    sentence.words().join(" ")
                );
            };
            score.add(&gold, &pred);
        }
    } else {
        let model = conll::model(args.model.as_deref())?;
        let predicted = conll::predict(&model, &docs);
        for (doc, pred) in docs.iter().zip(&predicted) {
            for (sentence, pred) in doc.sentences.iter().zip(pred) {
                let Some(gold) = sentence.column_from_end(0) else {
                    bail!(
                        "{}: sentence \"{}\" has no label column",
                        args.file,
                        sentence.words().join(" ")
                    );
                };
                score.add(&gold, pred);
            }
        }
    }
    print!("{}", score.table());
    Ok(Outcome::Complete)
}
