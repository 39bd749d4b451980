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
    /// Render graph.svg only up to this many nodes (Graphviz's layout of a
    /// large graph takes minutes); 0 never renders.
    #[arg(long, value_name = "N", default_value_t = 600)]
    pub svg_max_nodes: usize,
}

/// Runs `build`.
pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let loaded = load(&args.input)?;
    let written = export::write_all(&loaded.graph, &args.out)
        .with_context(|| format!("writing into {}", args.out.display()))?;
    let dot = written
        .dot_path()
        .context("graph.dot was not written")?
        .to_path_buf();
    let svg = args.out.join(export::GRAPH_SVG);
    let nodes = loaded.graph.graph.node_count();
    if nodes > args.svg_max_nodes {
        // A stale picture of an earlier run must not pass for this one.
        let _ = std::fs::remove_file(&svg);
        eprintln!(
            "chronograph: graph.svg not rendered: the graph has {nodes} nodes (more than --svg-max-nodes {}); render graph.dot with `dot -Tsvg` or `sfdp -Tsvg` if you need it",
            args.svg_max_nodes
        );
    } else {
        match export::dot::render_svg(&dot, &svg) {
            Ok(true) => {}
            Ok(false) => eprintln!("chronograph: {}", export::SVG_NOTICE),
            Err(error) => eprintln!("chronograph: graph.svg not written: {error:#}"),
        }
    }
    eprintln!("{}", summary(&loaded));
    eprintln!(
        "wrote {} files into {}",
        written.files.len(),
        args.out.display()
    );
    Ok(loaded.outcome())
}
