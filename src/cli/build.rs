//! `chronograph build`: read articles, write every output file into a folder.

use std::path::PathBuf;

use anyhow::Context;

use chronograph::export::{self, Format};

use super::Outcome;
use super::common::{InputArgs, Loaded, load, summary};

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
    /// Render graph.svg and graph.png only up to this many nodes
    /// (Graphviz's layout of a large graph takes minutes); 0 never renders.
    #[arg(long, value_name = "N", default_value_t = 600)]
    pub svg_max_nodes: usize,
    /// Formats to write beside graph.dot, the CSV tables and graph.json,
    /// comma-separated; svg and png need Graphviz.
    #[arg(
        long,
        value_name = "LIST",
        value_delimiter = ',',
        default_values_t = Format::ALL
    )]
    pub formats: Vec<Format>,
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
    let mut count = written.files.len();
    let mut graph_svg = None;
    for format in [Format::Svg, Format::Png] {
        if args.formats.contains(&format) && render(&args, &dot, format, &loaded) {
            count += 1;
            // The report inlines graph.svg only when this run rendered it.
            if format == Format::Svg {
                graph_svg = std::fs::read_to_string(args.out.join(export::GRAPH_SVG)).ok();
            }
        }
    }
    let sentences =
        export::report::cited_sentences(&loaded.graph, &loaded.documents, &loaded.annotated);
    let inputs = export::ReportInputs {
        sentences: Some(&sentences),
        graph_svg: graph_svg.as_deref(),
    };
    let files = export::write_formats(&loaded.graph, &args.out, &args.formats, inputs)
        .with_context(|| format!("writing into {}", args.out.display()))?;
    count += files.len();
    eprintln!("{}", summary(&loaded));
    eprintln!("wrote {count} files into {}", args.out.display());
    Ok(loaded.outcome())
}

/// Renders graph.dot as `format` (svg or png) with Graphviz; prints why not
/// when it cannot. True when the file was written.
fn render(args: &Args, dot: &std::path::Path, format: Format, loaded: &Loaded) -> bool {
    let name = match format {
        Format::Png => export::GRAPH_PNG,
        _ => export::GRAPH_SVG,
    };
    let path = args.out.join(name);
    let nodes = loaded.graph.graph.node_count();
    if nodes > args.svg_max_nodes {
        // A stale picture of an earlier run must not pass for this one.
        let _ = std::fs::remove_file(&path);
        eprintln!(
            "chronograph: {name} not rendered: the graph has {nodes} nodes (more than --svg-max-nodes {}); render graph.dot with `dot -T{format}` or `sfdp -T{format}` if you need it",
            args.svg_max_nodes
        );
        return false;
    }
    match export::dot::render(dot, &path, format) {
        Ok(true) => true,
        Ok(false) => {
            eprintln!("chronograph: {}", export::graphviz_notice(name));
            false
        }
        Err(error) => {
            eprintln!("chronograph: {name} not written: {error:#}");
            false
        }
    }
}
