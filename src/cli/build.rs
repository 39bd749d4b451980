//! `chronograph build`: read articles, write every output file into a folder.

use std::path::PathBuf;

use anyhow::Context;

use chronograph::export;

use super::Outcome;
use super::common::{InputArgs, load, summary};

/// Arguments of `build`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Inputs, DCT and threads.
    #[command(flatten)]
    pub input: InputArgs,
    /// Folder to write into (created if missing).
    #[arg(
        short = 'o',
        long = "out",
        value_name = "DIR",
        default_value = "output"
    )]
    pub out: PathBuf,
}

/// Runs `build`.
pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let loaded = load(&args.input)?;
    let written = export::write_all(&loaded.graph, &args.out)
        .with_context(|| format!("writing into {}", args.out.display()))?;
    let dot = args.out.join("graph.dot");
    let svg = args.out.join("graph.svg");
    match export::dot::render_svg(&dot, &svg) {
        Ok(true) => {}
        Ok(false) => eprintln!("chronograph: {}", export::SVG_NOTICE),
        Err(error) => eprintln!("chronograph: graph.svg not written: {error:#}"),
    }
    eprintln!("{}", summary(&loaded));
    eprintln!(
        "wrote {} files into {}",
        written.files.len(),
        args.out.display()
    );
    Ok(loaded.outcome())
}
