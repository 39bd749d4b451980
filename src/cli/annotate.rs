//! `chronograph annotate`: print one document's annotation layers as JSON,
//! or tag a CoNLL column file with the name tagger.

use std::io::Write;

use chrono::NaiveDate;

use chronograph::export;
use chronograph::ingest::{self, IngestOptions};
use chronograph::pipeline;

use super::Outcome;
use super::conll;

/// Output formats of `annotate`.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Format {
    /// The stand-off JSON layers (offsets in Unicode code points).
    Json,
    /// CoNLL columns with the predicted BIO name tag as one more column
    /// (needs `--input conll`).
    Conll,
}

/// Input formats of `annotate`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Input {
    /// An article (text, HTML, TimeML, JSON lines), read like `build` reads it.
    Article,
    /// A CoNLL column file: one token a line, word first, blank line between
    /// sentences, `-DOCSTART-` between documents.
    Conll,
}

/// Arguments of `annotate`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The file to annotate, or `-` for stdin.
    #[arg(value_name = "FILE")]
    pub file: String,
    /// Publication date (YYYY-MM-DD), overriding what the document says.
    #[arg(long, value_name = "DATE")]
    pub dct: Option<NaiveDate>,
    /// Input format.
    #[arg(long, value_enum, default_value = "article")]
    pub input: Input,
    /// Output format.
    #[arg(long, value_enum, default_value = "json")]
    pub format: Format,
}

/// Runs `annotate`: one pretty JSON object for a single document; for a
/// JSON-lines file with several records, one compact object per line.
pub fn run(args: Args) -> anyhow::Result<Outcome> {
    match (args.input, args.format) {
        (Input::Conll, Format::Conll) => return conll_tags(&args.file),
        (Input::Conll, _) => anyhow::bail!("--input conll needs --format conll"),
        (_, Format::Conll) => anyhow::bail!("--format conll needs --input conll"),
        _ => {}
    }
    let ingested = ingest::read_inputs(
        std::slice::from_ref(&args.file),
        &IngestOptions { dct: args.dct },
    );
    for skipped in &ingested.skipped {
        eprintln!("chronograph: skipped {}: {}", skipped.path, skipped.reason);
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let several = ingested.documents.len() > 1;
    for document in &ingested.documents {
        let annotated = pipeline::annotate(document);
        let value = match args.format {
            Format::Json | Format::Conll => {
                export::annotation::annotation_json(document, &annotated)
            }
        };
        if several {
            serde_json::to_writer(&mut out, &value)?;
        } else {
            serde_json::to_writer_pretty(&mut out, &value)?;
        }
        writeln!(out)?;
    }
    out.flush()?;
    Ok(
        if ingested.skipped.is_empty() && !ingested.documents.is_empty() {
            Outcome::Complete
        } else {
            Outcome::Skipped
        },
    )
}

/// Writes the CoNLL file back with the built-in tagger's BIO tag appended to
/// every token line.
fn conll_tags(path: &str) -> anyhow::Result<Outcome> {
    let mut docs = conll::read(path)?;
    let model = conll::model(None)?;
    let predicted = conll::predict(&model, &docs);
    for (doc, tags) in docs.iter_mut().zip(predicted) {
        for (sentence, tags) in doc.sentences.iter_mut().zip(tags) {
            for (row, tag) in sentence.rows.iter_mut().zip(tags) {
                row.push(tag);
            }
        }
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    out.write_all(chronograph::ner::conll::write(&docs).as_bytes())?;
    out.flush()?;
    Ok(Outcome::Complete)
}
