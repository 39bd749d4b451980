//! `output/` in the repository is what `chronograph build data/articles`
//! writes: a fresh build must give the same bytes, in every subfolder.
//! Left out of the comparison: what external programs make — the Graphviz
//! renderings `graph.svg` and `graph.png`, and the part of `report.html`
//! between [`GRAPHVIZ_BEGIN`] and [`GRAPHVIZ_END`] (the inlined
//! `graph.svg`) — since another Graphviz version lays them out differently.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use assert_cmd::Command;

/// Files whose content comes from external programs.
const EXTERNAL: &[&str] = &["graph.svg", "graph.png"];
/// Marks the start of the Graphviz picture inlined in `report.html`.
const GRAPHVIZ_BEGIN: &str = "<!-- graphviz:begin -->";
/// Marks its end.
const GRAPHVIZ_END: &str = "<!-- graphviz:end -->";

/// Paths of the files under `dir`, relative to it, with `/` separators.
fn files(dir: &Path) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        let entries = fs::read_dir(&folder)
            .unwrap_or_else(|e| panic!("cannot list {}: {e}", folder.display()));
        for entry in entries.filter_map(Result::ok) {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                continue;
            }
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else if !EXTERNAL.contains(&name.as_str()) {
                let relative = path.strip_prefix(dir).expect("under dir");
                let parts: Vec<_> = relative
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect();
                found.insert(parts.join("/"));
            }
        }
    }
    found
}

/// `text` without what lies between the Graphviz markers (kept: the markers).
fn without_graphviz(text: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(text);
    match (text.find(GRAPHVIZ_BEGIN), text.find(GRAPHVIZ_END)) {
        (Some(begin), Some(end)) if begin < end => {
            format!("{}{}", &text[..begin + GRAPHVIZ_BEGIN.len()], &text[end..]).into_bytes()
        }
        _ => text.into_owned().into_bytes(),
    }
}

#[test]
fn the_graphviz_part_of_the_report_is_ignored_and_nothing_else() {
    let a = b"<p>a</p><!-- graphviz:begin --><svg>one</svg><!-- graphviz:end --><p>b</p>";
    let b = b"<p>a</p><!-- graphviz:begin --><svg>two</svg><!-- graphviz:end --><p>b</p>";
    let c = b"<p>x</p><!-- graphviz:begin --><svg>two</svg><!-- graphviz:end --><p>b</p>";
    assert_eq!(without_graphviz(a), without_graphviz(b));
    assert_ne!(without_graphviz(a), without_graphviz(c));
}

#[test]
fn committed_output_equals_a_fresh_build_of_the_sample_articles() {
    let fresh = tempfile::tempdir().expect("temp dir");
    Command::cargo_bin("chronograph")
        .expect("binary")
        .args(["build", "data/articles", "-o"])
        .arg(fresh.path())
        .assert()
        .success();
    let committed = Path::new("output");
    let names = files(committed);
    assert_eq!(
        names,
        files(fresh.path()),
        "output/ holds other files than a fresh build: run `cargo run --release -- build data/articles` and commit output/"
    );
    assert!(names.contains("neo4j/nodes.csv"), "{names:?}");
    for name in &names {
        let old = fs::read(committed.join(name)).expect("committed file");
        let new = fs::read(fresh.path().join(name)).expect("fresh file");
        assert!(
            without_graphviz(&old) == without_graphviz(&new),
            "output/{name} differs from a fresh build: run `cargo run --release -- build data/articles` and commit output/"
        );
    }
}
