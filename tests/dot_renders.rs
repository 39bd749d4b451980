//! Graphviz's `dot` reads the committed `output/graph.dot` (and renders it),
//! when `dot` is installed; otherwise the test says why it skipped.

use std::process::Command;

#[test]
fn dot_parses_and_renders_the_sample_graph() {
    let Ok(version) = Command::new("dot").arg("-V").output() else {
        eprintln!("skipped: Graphviz `dot` is not installed (apt-get install graphviz)");
        return;
    };
    assert!(version.status.success());
    let rendered = Command::new("dot")
        .args(["-Tsvg", "output/graph.dot"])
        .output()
        .expect("run dot");
    assert!(
        rendered.status.success(),
        "dot rejected output/graph.dot: {}",
        String::from_utf8_lossy(&rendered.stderr)
    );
    let svg = String::from_utf8_lossy(&rendered.stdout);
    assert!(svg.contains("<svg"), "no SVG from dot");
    // The graph holds the sample's people: their labels reach the picture.
    for name in ["Mike Pompeo", "Yossi Cohen", "Mossad"] {
        assert!(svg.contains(name), "{name} missing from the rendered graph");
    }
}
