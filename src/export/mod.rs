//! Exports of the knowledge graph, one module per format.
//!
//! [`write_all`] writes the base files into one folder:
//!
//! | file                 | module        | what                                         |
//! |----------------------|---------------|----------------------------------------------|
//! | `graph.dot`          | [`dot`]       | Graphviz diagram of entities and events      |
//! | `timeline.csv`       | [`csv`]       | dated events, in timeline order              |
//! | `events_undated.csv` | [`csv`]       | events the text gives no date for            |
//! | `entities.csv`       | [`csv`]       | entities with aliases, documents and roles   |
//! | `graph.json`         | [`json`]      | everything, with provenance                  |
//!
//! [`write_formats`] writes the [`Format`]s a user picks (`build --formats`)
//! beside them, flattening the graph once ([`flat`]) for the graph formats:
//!
//! | file                   | module            | for                                    |
//! |------------------------|-------------------|----------------------------------------|
//! | `graph.graphml`        | [`graphml`]       | networkx, yEd, Gephi                   |
//! | `graph.gexf`           | [`gexf`]          | Gephi, with spells for its timeline    |
//! | `cytoscape.json`       | [`cytoscape`]     | Cytoscape.js, Cytoscape desktop        |
//! | `graph.nodelink.json`  | [`nodelink`]      | D3, networkx                           |
//! | `timelinejs.json`      | [`timelinejs`]    | TimelineJS3                            |
//! | `neo4j/*`              | [`neo4j`]         | `neo4j-admin database import`          |
//! | `timeline.svg`         | [`timeline_svg`]  | a browser: the timeline as a picture   |
//! | `report.html`          | [`report`]        | a browser: one self-contained page     |
//!
//! `graph.svg` and `graph.png` are rendered from `graph.dot` by a separate
//! call, [`dot::render`], because they need Graphviz's `dot` program; when
//! that is missing the caller prints [`graphviz_notice`]. [`markup`] escapes
//! text for XML and HTML. The per-document stand-off JSON of `chronograph
//! annotate` is [`annotation::annotation_json`].
//!
//! Every file goes through [`write_atomic`], and every output is byte-for-byte
//! deterministic: no hash-map order, no timestamps.

pub mod annotation;
pub mod csv;
pub mod cytoscape;
pub mod dot;
pub mod flat;
pub mod formats;
pub mod gexf;
pub mod graphml;
pub mod json;
pub mod markup;
pub mod neo4j;
pub mod nodelink;
pub mod report;
pub mod timeline_svg;
pub mod timelinejs;
pub mod timeml;

pub use formats::Format;

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use anyhow::{Context, Result};

use crate::graph::KnowledgeGraph;

/// File name of the Graphviz diagram.
pub const GRAPH_DOT: &str = "graph.dot";
/// File name of the rendered diagram (see [`dot::render_svg`]).
pub const GRAPH_SVG: &str = "graph.svg";
/// File name of the dated-event timeline.
pub const TIMELINE_CSV: &str = "timeline.csv";
/// File name of the undated events.
pub const EVENTS_UNDATED_CSV: &str = "events_undated.csv";
/// File name of the entity table.
pub const ENTITIES_CSV: &str = "entities.csv";
/// File name of the JSON graph.
pub const GRAPH_JSON: &str = "graph.json";

/// File name of the GraphML graph.
pub const GRAPH_GRAPHML: &str = "graph.graphml";
/// File name of the GEXF graph.
pub const GRAPH_GEXF: &str = "graph.gexf";
/// File name of the Cytoscape.js elements.
pub const CYTOSCAPE_JSON: &str = "cytoscape.json";
/// File name of the node-link graph.
pub const GRAPH_NODELINK: &str = "graph.nodelink.json";
/// File name of the TimelineJS3 timeline.
pub const TIMELINEJS_JSON: &str = "timelinejs.json";
/// File name of the timeline picture.
pub const TIMELINE_SVG: &str = "timeline.svg";
/// File name of the HTML report.
pub const REPORT_HTML: &str = "report.html";
/// File name of the PNG rendering of `graph.dot`.
pub const GRAPH_PNG: &str = "graph.png";

/// What the caller prints when [`dot::render_svg`] returns `false`.
pub const SVG_NOTICE: &str =
    "graph.svg not written: install Graphviz (e.g. `apt-get install graphviz`) to render it";

/// What the caller prints when [`dot::render`] returns `false` for `name`
/// (`graph.svg`, `graph.png`).
pub fn graphviz_notice(name: &str) -> String {
    SVG_NOTICE.replacen(GRAPH_SVG, name, 1)
}

/// The files [`write_all`] wrote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Written {
    /// Paths of the files written, in the order written.
    pub files: Vec<PathBuf>,
}

impl Written {
    /// The path of the `graph.dot` written, to hand to [`dot::render_svg`].
    pub fn dot_path(&self) -> Option<&Path> {
        self.files
            .iter()
            .find(|p| p.file_name().is_some_and(|n| n == GRAPH_DOT))
            .map(PathBuf::as_path)
    }
}

/// Writes `graph.dot`, `timeline.csv`, `events_undated.csv`, `entities.csv`
/// and `graph.json` into `dir` (created if missing), each atomically.
pub fn write_all(graph: &KnowledgeGraph, dir: &Path) -> Result<Written> {
    let outputs: [(&str, Vec<u8>); 5] = [
        (GRAPH_DOT, dot::to_dot(graph).into_bytes()),
        (TIMELINE_CSV, csv::timeline_csv(graph)?),
        (EVENTS_UNDATED_CSV, csv::undated_csv(graph)?),
        (ENTITIES_CSV, csv::entities_csv(graph)?),
        (GRAPH_JSON, json::to_json(graph)?),
    ];
    let mut files = Vec::with_capacity(outputs.len());
    for (name, bytes) in outputs {
        let path = dir.join(name);
        write_atomic(&path, &bytes)?;
        files.push(path);
    }
    Ok(Written { files })
}

/// What the report needs beside the graph.
#[derive(Clone, Copy, Debug, Default)]
pub struct ReportInputs<'a> {
    /// The cited source sentences ([`report::cited_sentences`]).
    pub sentences: Option<&'a report::Sentences>,
    /// The Graphviz rendering of `graph.dot` made in this run, if any.
    pub graph_svg: Option<&'a str>,
}

/// The files of one format that need no external program, as (path
/// relative to the export folder, bytes). Empty for the Graphviz renderings
/// ([`Format::needs_graphviz`]).
pub fn format_files(
    graph: &KnowledgeGraph,
    flat: &flat::FlatGraph,
    format: Format,
    inputs: ReportInputs,
) -> Result<Vec<(&'static str, Vec<u8>)>> {
    Ok(match format {
        Format::Graphml => vec![(GRAPH_GRAPHML, graphml::to_graphml(flat).into_bytes())],
        Format::Gexf => vec![(GRAPH_GEXF, gexf::to_gexf(flat).into_bytes())],
        Format::Cytoscape => vec![(CYTOSCAPE_JSON, cytoscape::to_cytoscape(flat)?)],
        Format::Nodelink => vec![(GRAPH_NODELINK, nodelink::to_nodelink(flat)?)],
        Format::Timelinejs => vec![(TIMELINEJS_JSON, timelinejs::to_timelinejs(graph)?)],
        Format::Neo4j => vec![
            (neo4j::NODES_CSV, neo4j::nodes_csv(flat)?),
            (neo4j::RELATIONSHIPS_CSV, neo4j::relationships_csv(flat)?),
            (neo4j::README, neo4j::readme().into_bytes()),
        ],
        Format::TimelineSvg => vec![(
            TIMELINE_SVG,
            timeline_svg::to_timeline_svg(graph).into_bytes(),
        )],
        Format::Report => {
            let empty = report::Sentences::new();
            let sentences = inputs.sentences.unwrap_or(&empty);
            let html = report::to_report(graph, sentences, inputs.graph_svg);
            vec![(REPORT_HTML, html.into_bytes())]
        }
        Format::Svg | Format::Png => Vec::new(),
    })
}

/// Writes the files of `formats` that need no external program into `dir`,
/// each atomically, flattening the graph once; returns their paths in the
/// order written.
pub fn write_formats(
    graph: &KnowledgeGraph,
    dir: &Path,
    formats: &[Format],
    inputs: ReportInputs,
) -> Result<Vec<PathBuf>> {
    let flat = flat::flatten(graph);
    let mut files = Vec::new();
    for format in formats::normalize(formats) {
        for (name, bytes) in format_files(graph, &flat, format, inputs)? {
            let path = dir.join(name);
            write_atomic(&path, &bytes)?;
            files.push(path);
        }
    }
    Ok(files)
}

/// Tells temp files of one process apart.
static TEMP_COUNTER: AtomicUsize = AtomicUsize::new(0);

/// Writes `bytes` to `path` atomically: into a temp file in the same folder,
/// flushed to disk, then renamed over `path`. A reader never sees a half
/// written file, and a failed write leaves no temp file behind. Creates the
/// folder if missing.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&dir)
        .with_context(|| format!("cannot create output folder {}", dir.display()))?;
    let name = path
        .file_name()
        .with_context(|| format!("cannot write {}: not a file path", path.display()))?
        .to_string_lossy();
    let temp = dir.join(format!(
        ".{name}.{}-{}.tmp",
        std::process::id(),
        TEMP_COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let result = (|| -> std::io::Result<()> {
        let mut file = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        fs::rename(&temp, path)
    })();
    if let Err(error) = result {
        let _ = fs::remove_file(&temp);
        return Err(error).with_context(|| format!("cannot write {}", path.display()));
    }
    Ok(())
}

/// Neutralises spreadsheet formulas: a text cell starting with `=`, `+`, `-`,
/// `@`, tab or carriage return gets a leading `'` (OWASP CSV injection advice).
pub fn neutralize(cell: &str) -> std::borrow::Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}").into(),
        _ => cell.into(),
    }
}

#[cfg(test)]
pub(crate) mod test_support;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn write_atomic_creates_the_folder_and_leaves_no_temp_file() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("out").join("deeper");
        let path = dir.join("a.txt");
        write_atomic(&path, b"one").unwrap();
        write_atomic(&path, b"two").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        let names: Vec<_> = fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        assert_eq!(names, vec!["a.txt"]);
    }

    #[test]
    fn write_atomic_names_the_path_on_error_and_cleans_up() {
        let root = tempfile::tempdir().unwrap();
        // A folder where the file should be: the rename fails.
        let path = root.path().join("taken");
        fs::create_dir_all(path.join("x")).unwrap();
        let error = write_atomic(&path, b"data").unwrap_err();
        assert!(format!("{error:#}").contains("taken"), "{error:#}");
        let names: Vec<_> = fs::read_dir(root.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        assert_eq!(names, vec!["taken"]);
    }

    #[test]
    fn formulas_are_neutralised() {
        assert_eq!(neutralize("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(neutralize("+1"), "'+1");
        assert_eq!(neutralize("-2"), "'-2");
        assert_eq!(neutralize("@cmd"), "'@cmd");
        assert_eq!(neutralize("\tx"), "'\tx");
        assert_eq!(neutralize("\rx"), "'\rx");
        assert_eq!(neutralize("Iran"), "Iran");
        assert_eq!(neutralize(""), "");
        assert_eq!(neutralize("a=b"), "a=b");
    }

    #[test]
    fn write_all_writes_five_files_deterministically() {
        let graph = test_support::sample_graph();
        let root = tempfile::tempdir().unwrap();
        let first = write_all(&graph, &root.path().join("one")).unwrap();
        let second = write_all(&graph, &root.path().join("two")).unwrap();
        let names: Vec<_> = first
            .files
            .iter()
            .map(|p| p.file_name().unwrap().to_str().unwrap())
            .collect();
        assert_eq!(
            names,
            vec![
                GRAPH_DOT,
                TIMELINE_CSV,
                EVENTS_UNDATED_CSV,
                ENTITIES_CSV,
                GRAPH_JSON
            ]
        );
        assert_eq!(
            first.dot_path(),
            Some(root.path().join("one/graph.dot").as_path())
        );
        for (a, b) in first.files.iter().zip(&second.files) {
            assert_eq!(
                fs::read(a).unwrap(),
                fs::read(b).unwrap(),
                "{}",
                a.display()
            );
        }
    }

    #[test]
    fn an_empty_graph_gives_headers_and_an_empty_diagram() {
        let mut graph = KnowledgeGraph::new();
        graph.finish();
        let root = tempfile::tempdir().unwrap();
        write_all(&graph, root.path()).unwrap();
        let read = |name: &str| fs::read_to_string(root.path().join(name)).unwrap();
        assert_eq!(
            read(TIMELINE_CSV),
            format!("{}\n", csv::EVENT_COLUMNS.join(","))
        );
        assert_eq!(read(EVENTS_UNDATED_CSV), read(TIMELINE_CSV));
        assert_eq!(
            read(ENTITIES_CSV),
            "id,name,type,aliases,mentions,documents,roles\n"
        );
        assert!(graphviz_rust::parse(&read(GRAPH_DOT)).is_ok());
        let json: serde_json::Value = serde_json::from_str(&read(GRAPH_JSON)).unwrap();
        assert_eq!(json["events"], serde_json::json!([]));
    }

    /// The sample graph's outputs, hand-checked once, kept in
    /// `tests/fixtures/export/sample/`. After an intended change, rewrite
    /// them with `CHRONOGRAPH_UPDATE_FIXTURES=1 cargo test --lib export`
    /// and review the diff.
    #[test]
    fn outputs_match_the_fixtures() {
        let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/export/sample");
        let graph = test_support::sample_graph();
        let root = tempfile::tempdir().unwrap();
        let mut files = write_all(&graph, root.path()).unwrap().files;
        let (a, layers_a) = test_support::document_a();
        let (b, layers_b) = test_support::document_b();
        let sentences = report::cited_sentences(&graph, &[a, b], &[layers_a, layers_b]);
        let inputs = ReportInputs {
            sentences: Some(&sentences),
            graph_svg: None,
        };
        files.extend(write_formats(&graph, root.path(), &Format::ALL, inputs).unwrap());
        let update = std::env::var_os("CHRONOGRAPH_UPDATE_FIXTURES").is_some();
        for path in &files {
            let name = path.strip_prefix(root.path()).unwrap();
            // The generator names the version; keep the fixture version-free.
            let actual = fs::read_to_string(path).unwrap().replace(
                concat!("\"chronograph ", env!("CARGO_PKG_VERSION"), "\""),
                "\"chronograph VERSION\"",
            );
            let fixture = fixtures.join(name);
            if update {
                write_atomic(&fixture, actual.as_bytes()).unwrap();
                continue;
            }
            let expected = fs::read_to_string(&fixture)
                .unwrap_or_else(|e| panic!("{}: {e}", fixture.display()));
            assert_eq!(
                actual,
                expected,
                "{} differs from its fixture",
                name.display()
            );
        }
    }
}
