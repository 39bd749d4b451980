//! The exports in the committed `output/` (kept equal to a fresh build by
//! `golden_output.rs`) loaded by the programs users open them with:
//! networkx reads GraphML, GEXF and node-link; `xmllint` validates the GEXF
//! against the official GEXF 1.3 schema; Cytoscape.js loads
//! `cytoscape.json` in Node; headless Chromium opens `report.html` and
//! renders `timelinejs.json` with TimelineJS3. The npm packages are looked
//! for in `<target dir>/consumers/node_modules`, where `.ci/run` installs
//! them.
//!
//! Expected counts and facts come from `graph.json`, not from the format
//! under test. A consumer missing on this machine makes its test print why
//! it skipped; `.ci/run` installs them all.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

const OUTPUT: &str = "output";

fn manifest(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn graph_json() -> Value {
    let text = std::fs::read_to_string(manifest("output/graph.json")).expect("output/graph.json");
    serde_json::from_str(&text).expect("graph.json parses")
}

/// Runs `program args`; `None` (after printing why) when it is not installed.
fn run(program: &str, args: &[&str]) -> Option<Output> {
    match Command::new(program).args(args).output() {
        Ok(output) => Some(output),
        Err(error) => {
            eprintln!("skipped: `{program}` cannot be run ({error})");
            None
        }
    }
}

/// What every format must agree on, read from graph.json.
struct Expected {
    nodes: usize,
    /// Distinct (source, target, label) statements: the edges of the exports.
    edges: usize,
    /// The first dated event on the timeline, and the ids it points to.
    event: Value,
    event_targets: BTreeSet<String>,
    /// An entity taking part in that event.
    entity: Value,
}

fn expected() -> Expected {
    let graph = graph_json();
    let entities = graph["entities"].as_array().unwrap();
    let events = graph["events"].as_array().unwrap();
    let mut edges = BTreeSet::new();
    for event in events {
        let id = event["id"].as_str().unwrap();
        for p in event["participants"].as_array().unwrap() {
            edges.insert((
                id.to_string(),
                p["entity"].to_string(),
                p["role"].to_string(),
            ));
        }
        if let Some(place) = event["place"].as_str() {
            edges.insert((id.to_string(), place.to_string(), "place".to_string()));
        }
    }
    for r in graph["relations"].as_array().unwrap() {
        let period = (r["start"].clone(), r["end"].clone(), r["former"].clone());
        edges.insert((
            r["source"].to_string(),
            r["target"].to_string(),
            format!("{} {period:?}", r["title"]),
        ));
    }
    let event = events
        .iter()
        .find(|e| {
            !e["date"]["start"].is_null() && !e["participants"].as_array().unwrap().is_empty()
        })
        .expect("a dated event with participants")
        .clone();
    let mut event_targets: BTreeSet<String> = event["participants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["entity"].as_str().unwrap().to_string())
        .collect();
    if let Some(place) = event["place"].as_str() {
        event_targets.insert(place.to_string());
    }
    let first = event["participants"][0]["entity"].as_str().unwrap();
    let entity = entities.iter().find(|e| e["id"] == first).unwrap().clone();
    Expected {
        nodes: entities.len() + events.len(),
        edges: edges.len(),
        event,
        event_targets,
        entity,
    }
}

#[test]
fn networkx_reads_graphml_gexf_and_node_link() {
    let script = manifest("tests/consumers/networkx_check.py");
    let expected = expected();
    let event_id = expected.event["id"].as_str().unwrap();
    let entity_id = expected.entity["id"].as_str().unwrap();
    let Some(probe) = run("python3", &["-c", "import networkx"]) else {
        return;
    };
    if !probe.status.success() {
        eprintln!("skipped: python3 has no networkx (pip install networkx)");
        return;
    }
    let output = run(
        "python3",
        &[
            script.to_str().unwrap(),
            &manifest(OUTPUT).to_string_lossy(),
            event_id,
            entity_id,
        ],
    )
    .unwrap();
    assert!(
        output.status.success(),
        "networkx failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let read: Value = serde_json::from_slice(&output.stdout).unwrap();
    let date = &expected.event["date"];
    let spell = serde_json::json!([[date["start"], date["end"]]]);
    for format in ["graphml", "gexf", "nodelink"] {
        let got = &read[format];
        assert_eq!(got["class"], "MultiDiGraph", "{format}");
        assert_eq!(got["nodes"], expected.nodes, "{format}");
        assert_eq!(got["edges"], expected.edges, "{format}");
        assert_eq!(
            got["event"]["label"], expected.event["headline"],
            "{format}"
        );
        assert_eq!(got["event"]["type"], expected.event["type"], "{format}");
        assert_eq!(got["event"]["date"], date["value"], "{format}");
        assert_eq!(got["event"]["start"], date["start"], "{format}");
        assert_eq!(
            got["event"]["asserted"],
            expected.event["certainty"] == "asserted",
            "{format}"
        );
        assert_eq!(
            got["event"]["char_start"], expected.event["provenance"]["char_start"],
            "{format}"
        );
        assert_eq!(got["entity"]["label"], expected.entity["name"], "{format}");
        assert_eq!(got["entity"]["type"], expected.entity["type"], "{format}");
        assert_eq!(
            got["entity"]["mentions"], expected.entity["mention_count"],
            "{format}"
        );
        let targets: BTreeSet<String> = got["event_out_edges"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t.as_str().unwrap().to_string())
            .collect();
        assert_eq!(targets, expected.event_targets, "{format}");
        // The entity's span covers the event's date.
        let first = got["entity"]["first_date"].as_str().unwrap();
        let last = got["entity"]["last_date"].as_str().unwrap();
        assert!(
            first <= date["start"].as_str().unwrap(),
            "{format}: {first}"
        );
        assert!(last >= date["end"].as_str().unwrap(), "{format}: {last}");
    }
    // Typed keys come back typed; GEXF's native weight is a float.
    assert_eq!(read["graphml"]["weight_types"], serde_json::json!(["int"]));
    assert_eq!(read["gexf"]["weight_types"], serde_json::json!(["float"]));
    // GEXF spells: the event at its date, the entity over its events.
    assert_eq!(read["gexf"]["event_spells"], spell);
    let entity_spell = &read["gexf"]["entity_spells"][0];
    assert_eq!(entity_spell[0], read["gexf"]["entity"]["first_date"]);
    assert_eq!(entity_spell[1], read["gexf"]["entity"]["last_date"]);
}

/// `xmllint --schema tests/fixtures/gexf-1.3/gexf.xsd FILE`.
fn validate_gexf(file: &Path) -> Option<Output> {
    let schema = manifest("tests/fixtures/gexf-1.3/gexf.xsd");
    run(
        "xmllint",
        &[
            "--noout",
            "--schema",
            schema.to_str().unwrap(),
            file.to_str().unwrap(),
        ],
    )
}

#[test]
fn xmllint_validates_the_gexf_against_the_gexf_1_3_schema() {
    let gexf = manifest("output/graph.gexf");
    let Some(output) = validate_gexf(&gexf) else {
        return;
    };
    assert!(
        output.status.success(),
        "graph.gexf is not valid GEXF 1.3: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    // The check can fail: a spell with a month where a date belongs is refused.
    let text = std::fs::read_to_string(&gexf).unwrap();
    let start = expected().event["date"]["start"]
        .as_str()
        .unwrap()
        .to_string();
    let needle = format!("<spell start=\"{start}\"");
    assert!(text.contains(&needle), "no spell at {start}");
    let broken = text.replacen(&needle, "<spell start=\"February 2018\"", 1);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.gexf");
    std::fs::write(&path, broken).unwrap();
    let output = validate_gexf(&path).unwrap();
    assert!(!output.status.success(), "a broken GEXF passed the schema");
}

/// `<target dir>/consumers/node_modules`, where `.ci/run` installs the npm
/// consumers (the test binary lives in `<target dir>/<profile>/deps/`).
fn node_modules() -> PathBuf {
    let exe = std::env::current_exe().expect("test binary path");
    exe.ancestors()
        .nth(3)
        .expect("target dir")
        .join("consumers/node_modules")
}

/// The npm package `name` under [`node_modules`], or `None` after saying why.
fn npm_package(name: &str) -> Option<PathBuf> {
    let path = node_modules().join(name);
    if path.is_dir() {
        Some(path)
    } else {
        eprintln!(
            "skipped: npm package {name} is not in {} (.ci/run installs it)",
            node_modules().display()
        );
        None
    }
}

#[test]
fn cytoscape_loads_the_elements_in_node() {
    let expected = expected();
    let event_id = expected.event["id"].as_str().unwrap();
    if npm_package("cytoscape").is_none() {
        return;
    }
    let script = manifest("tests/consumers/cytoscape_check.js");
    let json = manifest("output/cytoscape.json");
    let Some(output) = run(
        "node",
        &[
            script.to_str().unwrap(),
            node_modules().to_str().unwrap(),
            json.to_str().unwrap(),
            event_id,
        ],
    ) else {
        return;
    };
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success() && !stderr.contains("Error"),
        "cytoscape failed: {stderr}"
    );
    let read: Value = serde_json::from_slice(&output.stdout).unwrap();
    let events = graph_json()["events"].as_array().unwrap().len();
    assert_eq!(read["nodes"], expected.nodes);
    assert_eq!(read["edges"], expected.edges);
    assert_eq!(read["events"], events);
    assert_eq!(read["event"]["label"], expected.event["headline"]);
    assert_eq!(read["event"]["date"], expected.event["date"]["value"]);
    assert_eq!(read["event"]["certainty"], expected.event["certainty"]);
    let targets: BTreeSet<String> = read["event_targets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t.as_str().unwrap().to_string())
        .collect();
    assert_eq!(targets, expected.event_targets);
}

/// Opens `page` in headless Chromium; returns the DOM after load and the
/// console messages (`None`, after saying why, without Chromium).
fn chromium(page: &Path) -> Option<(String, Vec<String>)> {
    let output = run(
        "chromium",
        &[
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-first-run",
            "--enable-logging=stderr",
            "--v=0",
            "--virtual-time-budget=5000",
            "--dump-dom",
            page.to_str().unwrap(),
        ],
    )?;
    assert!(
        output.status.success(),
        "chromium failed on {}",
        page.display()
    );
    let console = String::from_utf8_lossy(&output.stderr)
        .lines()
        .filter(|line| line.contains(":CONSOLE"))
        .map(String::from)
        .collect();
    Some((
        String::from_utf8_lossy(&output.stdout).into_owned(),
        console,
    ))
}

/// The text of the `<td>` cells in column `column` of the table rows whose
/// id starts with `row_prefix`, in DOM order.
fn column_cells(dom: &str, row_prefix: &str, column: usize) -> Vec<String> {
    dom.split(&format!("<tr id=\"{row_prefix}"))
        .skip(1)
        .map(|row| {
            let row = &row[..row.find("</tr>").unwrap_or(row.len())];
            let cell = row.split("<td").nth(column + 1).unwrap_or("");
            let start = cell.find('>').map_or(0, |i| i + 1);
            let end = cell.find("</td>").unwrap_or(cell.len());
            cell[start..end].to_string()
        })
        .collect()
}

#[test]
fn chromium_opens_the_report_without_errors_and_sorts_its_event_table() {
    let report = manifest("output/report.html");
    let Some((dom, console)) = chromium(&report) else {
        return;
    };
    assert!(console.is_empty(), "console messages: {console:?}");
    let events = graph_json()["events"].as_array().unwrap().len();
    assert!(dom.contains("id=\"event-table\""));
    assert_eq!(column_cells(&dom, "event-", 1).len(), events);
    // Clicking the "type" header sorts the rows by type.
    let html = std::fs::read_to_string(&report).unwrap();
    let clicked = html.replace(
        "</body>",
        "<script>document.querySelectorAll('#event-table th')[1].click();</script></body>",
    );
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("report.html");
    std::fs::write(&page, clicked).unwrap();
    let (dom, console) = chromium(&page).unwrap();
    assert!(console.is_empty(), "console messages: {console:?}");
    let types = column_cells(&dom, "event-", 1);
    assert_eq!(types.len(), events);
    let mut sorted = types.clone();
    sorted.sort();
    assert_eq!(types, sorted);
    assert_ne!(
        types,
        column_cells(&std::fs::read_to_string(&report).unwrap(), "event-", 1)
    );
}

#[test]
fn timelinejs_renders_the_timeline_in_chromium() {
    let Some(package) = npm_package("@knight-lab/timelinejs") else {
        return;
    };
    let data = std::fs::read_to_string(manifest("output/timelinejs.json")).unwrap();
    let dist = package.join("dist");
    let page = format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\">\
         <link rel=\"stylesheet\" href=\"file://{css}\"><script src=\"file://{js}\"></script></head>\
         <body><div id=\"timeline\" style=\"width:1000px;height:600px\"></div>\
         <script>new TL.Timeline('timeline', {data});</script></body></html>",
        css = dist.join("css/timeline.css").display(),
        js = dist.join("js/timeline.js").display(),
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("timeline.html");
    std::fs::write(&path, page).unwrap();
    let Some((dom, console)) = chromium(&path) else {
        return;
    };
    assert!(console.is_empty(), "console messages: {console:?}");
    let json: Value = serde_json::from_str(&data).unwrap();
    let events = json["events"].as_array().unwrap();
    let dated = graph_json()["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| !e["date"]["start"].is_null())
        .count();
    assert_eq!(events.len(), dated);
    // One slide per event, and one for the title.
    assert_eq!(dom.matches("class=\"tl-slide ").count(), dated + 1, "{dom}");
    let first = events[0]["text"]["headline"].as_str().unwrap();
    assert!(dom.contains(&format!(">{first}</h2>")), "{first}");
}

#[test]
fn graphviz_lays_out_graph_dot_with_every_linked_node_and_edge() {
    let dot = manifest("output/graph.dot");
    let Some(output) = run("dot", &["-Tjson0", dot.to_str().unwrap()]) else {
        return;
    };
    assert!(
        output.status.success(),
        "dot rejected graph.dot: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let laid_out: Value = serde_json::from_slice(&output.stdout).expect("dot -Tjson0 output");
    let graph = graph_json();
    let mut linked = BTreeSet::new();
    for event in graph["events"].as_array().unwrap() {
        for p in event["participants"].as_array().unwrap() {
            linked.insert(p["entity"].as_str().unwrap().to_string());
        }
        if let Some(place) = event["place"].as_str() {
            linked.insert(place.to_string());
        }
    }
    for r in graph["relations"].as_array().unwrap() {
        linked.insert(r["source"].as_str().unwrap().to_string());
        linked.insert(r["target"].as_str().unwrap().to_string());
    }
    let entities = graph["entities"].as_array().unwrap().len();
    let events = graph["events"].as_array().unwrap().len();
    let expected = expected();
    assert_eq!(
        laid_out["objects"].as_array().unwrap().len(),
        linked.len() + events
    );
    assert_eq!(laid_out["edges"].as_array().unwrap().len(), expected.edges);
    let title = laid_out["label"].as_str().unwrap();
    assert!(
        title.contains(&format!(
            "{entities} entities, {events} events ({} entities without links not drawn)",
            entities - linked.len()
        )),
        "{title}"
    );
    let names: Vec<&str> = laid_out["objects"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|o| o["name"].as_str())
        .collect();
    assert!(names.contains(&expected.entity["id"].as_str().unwrap()));
}

#[test]
fn the_xml_files_are_well_formed() {
    for name in ["graph.graphml", "graph.gexf", "timeline.svg"] {
        let path = manifest(OUTPUT).join(name);
        let Some(output) = run("xmllint", &["--noout", path.to_str().unwrap()]) else {
            return;
        };
        assert!(
            output.status.success(),
            "{name} is not well-formed XML: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
}

/// Rows of a CSV file: the header, then the records.
fn csv_rows(path: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::Reader::from_path(path).expect("CSV file");
    let header = reader.headers().unwrap().iter().map(String::from).collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    (header, rows)
}

/// Neo4j is not installed by CI (a JVM server); its import rules are checked
/// instead: typed headers, unique node ids, relationships between known
/// nodes, values of the declared types, counts as in graph.json.
#[test]
fn the_neo4j_files_follow_the_import_format() {
    let (node_header, nodes) = csv_rows(&manifest("output/neo4j/nodes.csv"));
    let (rel_header, relationships) = csv_rows(&manifest("output/neo4j/relationships.csv"));
    assert_eq!(node_header[..2], ["id:ID", ":LABEL"]);
    assert_eq!(rel_header[..3], [":START_ID", ":END_ID", ":TYPE"]);
    let expected = expected();
    assert_eq!(nodes.len(), expected.nodes);
    assert_eq!(relationships.len(), expected.edges);
    let ids: BTreeSet<&str> = nodes.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(ids.len(), nodes.len(), "node ids are not unique");
    for row in &relationships {
        assert!(
            ids.contains(row[0].as_str()) && ids.contains(row[1].as_str()),
            "{row:?}"
        );
        assert!(["AGENT", "TARGET", "OTHER", "PLACE", "HOLDS_ROLE"].contains(&row[2].as_str()));
    }
    let check = |header: &[String], rows: &[Vec<String>]| {
        for (column, name) in header.iter().enumerate() {
            let ty = name.rsplit_once(':').map_or("string", |(_, ty)| ty);
            for row in rows {
                let cell = &row[column];
                let ok = cell.is_empty()
                    || match ty {
                        "int" => cell.parse::<i64>().is_ok(),
                        "boolean" => cell == "true" || cell == "false",
                        "date" => chrono::NaiveDate::parse_from_str(cell, "%Y-%m-%d").is_ok(),
                        _ => true,
                    };
                assert!(ok, "{name}: {cell:?} is not a {ty}");
            }
        }
    };
    check(&node_header, &nodes);
    check(&rel_header, &relationships);
    let event = nodes
        .iter()
        .find(|r| r[0] == expected.event["id"].as_str().unwrap())
        .unwrap();
    let column = |name: &str| node_header.iter().position(|h| h == name).unwrap();
    assert!(event[1].starts_with("Event;"));
    assert_eq!(
        event[column("start:date")],
        expected.event["date"]["start"].as_str().unwrap()
    );
    let readme = std::fs::read_to_string(manifest("output/neo4j/README")).unwrap();
    assert!(readme.contains(
        "neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv"
    ));
}
