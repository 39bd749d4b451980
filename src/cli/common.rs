//! What the subcommands share: reading inputs, annotating, merging, reporting.

use chrono::NaiveDate;
use indicatif::{ProgressBar, ProgressStyle};

use chronograph::ingest::{self, IngestOptions};
use chronograph::{Annotated, Document, KnowledgeGraph, pipeline};

use super::Outcome;

/// Above this many documents a progress bar is shown on stderr.
const PROGRESS_THRESHOLD: usize = 5;

/// Arguments shared by the subcommands that read many inputs.
#[derive(Debug, clap::Args)]
pub struct InputArgs {
    /// Files or folders to read (folders recursively, in sorted order), or `-` for stdin.
    #[arg(value_name = "INPUT", default_value = "-")]
    pub inputs: Vec<String>,
    /// Publication date to use for every document (YYYY-MM-DD), overriding what they say.
    #[arg(long, value_name = "DATE")]
    pub dct: Option<NaiveDate>,
    /// Number of threads (default: one per core). Output does not depend on it.
    #[arg(long, value_name = "N")]
    pub jobs: Option<usize>,
}

/// Documents read, their annotations, the merged graph and what was skipped.
pub struct Loaded {
    /// Documents in input order.
    pub documents: Vec<Document>,
    /// Their annotation layers, in the same order.
    pub annotated: Vec<Annotated>,
    /// The merged graph.
    pub graph: KnowledgeGraph,
    /// How many inputs (files or records) were skipped.
    pub skipped: usize,
}

impl Loaded {
    /// Complete when nothing was skipped.
    pub fn outcome(&self) -> Outcome {
        if self.skipped == 0 {
            Outcome::Complete
        } else {
            Outcome::Skipped
        }
    }
}

/// Reads, annotates and merges the inputs; reports skipped input on stderr.
pub fn load(args: &InputArgs) -> anyhow::Result<Loaded> {
    let ingested = ingest::read_inputs(&args.inputs, &IngestOptions { dct: args.dct });
    for skipped in &ingested.skipped {
        eprintln!("chronograph: skipped {}: {}", skipped.path, skipped.reason);
    }
    let documents = ingested.documents;
    let bar = if documents.len() > PROGRESS_THRESHOLD {
        let bar = ProgressBar::new(documents.len() as u64);
        if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} documents {elapsed}")
        {
            bar.set_style(style);
        }
        bar
    } else {
        ProgressBar::hidden()
    };
    let annotated = pipeline::annotate_all(&documents, args.jobs, || bar.inc(1))?;
    bar.finish_and_clear();
    let graph = pipeline::build_graph(&documents, &annotated);
    Ok(Loaded {
        documents,
        annotated,
        graph,
        skipped: ingested.skipped.len(),
    })
}

/// The one-line summary printed at the end of a run.
pub fn summary(loaded: &Loaded) -> String {
    let dated = loaded
        .graph
        .events()
        .filter(|(_, e)| e.date.is_some())
        .count();
    let undated_docs = loaded.documents.iter().filter(|d| d.dct.is_none()).count();
    let mut line = format!(
        "{} documents, {} entities, {} events ({} dated), {} skipped",
        loaded.documents.len(),
        loaded.graph.entity_count(),
        loaded.graph.event_count(),
        dated,
        loaded.skipped,
    );
    if undated_docs > 0 {
        let (noun, verb) = if undated_docs == 1 {
            ("document", "has")
        } else {
            ("documents", "have")
        };
        line.push_str(&format!(
            "; {undated_docs} {noun} {verb} no publication date (relative dates left unresolved; use --dct)"
        ));
    }
    line
}
