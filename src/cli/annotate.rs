//! `chronograph annotate`: print one document's annotation layers as JSON.

use std::io::Write;

use chrono::NaiveDate;

use chronograph::export;
use chronograph::ingest::{self, IngestOptions};
use chronograph::pipeline;

use super::Outcome;

/// Output formats of `annotate`.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Format {
    /// The stand-off JSON layers (offsets in Unicode code points).
    Json,
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
    /// Output format.
    #[arg(long, value_enum, default_value = "json")]
    pub format: Format,
}

/// Runs `annotate`: one pretty JSON object for a single document; for a
/// JSON-lines file with several records, one compact object per line.
pub fn run(args: Args) -> anyhow::Result<Outcome> {
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
            Format::Json => export::annotation::annotation_json(document, &annotated),
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
