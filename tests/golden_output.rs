//! `output/` in the repository is what `chronograph build data/articles`
//! writes: a fresh build must give the same bytes (the rendered `graph.svg`,
//! an external program's output, is left out of the comparison).

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use assert_cmd::Command;

/// Files whose content comes from external programs.
const EXTERNAL: &[&str] = &["graph.svg"];

fn files(dir: &Path) -> BTreeSet<String> {
    fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| !EXTERNAL.contains(&name.as_str()) && !name.starts_with('.'))
        .collect()
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
    for name in &names {
        let old = fs::read(committed.join(name)).expect("committed file");
        let new = fs::read(fresh.path().join(name)).expect("fresh file");
        assert!(
            old == new,
            "output/{name} differs from a fresh build: run `cargo run --release -- build data/articles` and commit output/"
        );
    }
}
