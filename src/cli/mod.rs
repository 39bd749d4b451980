//! Subcommands, one file each: its clap arguments and its `run`.

mod annotate;
mod build;
mod common;
mod conll;
mod entities;
mod eval;
mod table;
mod timeline;
mod train;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Turns news articles into a knowledge graph with timelines.
#[derive(Debug, Parser)]
#[command(name = "chronograph", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read articles and write the graph, timeline and entity files into a folder.
    Build(build::Args),
    /// Print one document's annotation layers as JSON, write documents as
    /// TimeML, or tag a CoNLL column file.
    Annotate(annotate::Args),
    /// Print the timeline of events, optionally of one entity and a date range.
    Timeline(timeline::Args),
    /// Print the entities found in the articles.
    Entities(entities::Args),
    /// Train a model (the name tagger) from labelled data.
    #[command(subcommand)]
    Train(train::TrainCommand),
    /// Score an extractor against gold data (`eval ner FILE`, `eval timex GOLD_DIR`).
    #[command(subcommand)]
    Eval(eval::EvalCommand),
}

/// How a run ended, for the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Everything was read.
    Complete,
    /// Some input was skipped (reported on stderr).
    Skipped,
}

impl Outcome {
    /// 0 when everything was read, 2 when something was skipped.
    pub fn exit_code(self) -> ExitCode {
        match self {
            Self::Complete => ExitCode::SUCCESS,
            Self::Skipped => ExitCode::from(2),
        }
    }
}

/// Runs the chosen subcommand.
pub fn run(cli: Cli) -> anyhow::Result<Outcome> {
    match cli.command {
        Command::Build(args) => build::run(args),
        Command::Annotate(args) => annotate::run(args),
        Command::Timeline(args) => timeline::run(args),
        Command::Entities(args) => entities::run(args),
        Command::Train(command) => train::run(command),
        Command::Eval(command) => eval::run(command),
    }
}

/// True when the error is a closed output pipe (`chronograph ... | head`),
/// which ends the program quietly.
pub fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        let io = cause
            .downcast_ref::<std::io::Error>()
            .map(std::io::Error::kind);
        let json = cause
            .downcast_ref::<serde_json::Error>()
            .and_then(serde_json::Error::io_error_kind);
        let csv = cause
            .downcast_ref::<csv::Error>()
            .and_then(|e| match e.kind() {
                csv::ErrorKind::Io(io) => Some(io.kind()),
                _ => None,
            });
        [io, json, csv].contains(&Some(std::io::ErrorKind::BrokenPipe))
    })
}
