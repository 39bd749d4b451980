//! `chronograph build`: the files it writes into `-o DIR` and what a user
//! relies on in them.

mod common;

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use predicates::prelude::*;

use common::{ENTITY_HEADER, EVENT_HEADER, build, fixtures, parse_csv, write};

/// The five files `build` always writes.
const FILES: [&str; 5] = [
    "graph.dot",
    "timeline.csv",
    "events_undated.csv",
    "entities.csv",
    "graph.json",
];

/// A title with a non-ASCII character, so that code-point offsets differ
/// from byte offsets for everything after it.
const CAFE: &str = "date 2021-03-03\nCafé harbor deal\n\nAnna Visser, the head of the Port of Rotterdam, resigned in June 2022.\n\n=SUM(1) Maersk signed a deal with the Port of Rotterdam in May 2019.\n";

fn articles() -> PathBuf {
    fixtures("articles")
}

/// The header line of a CSV file, and its rows as maps from column name to
/// cell.
fn read_csv(path: &Path) -> (String, Vec<HashMap<String, String>>) {
    let text = fs::read_to_string(path).unwrap();
    let header = text.lines().next().unwrap_or_default().to_string();
    (header, parse_csv(&text))
}

#[test]
fn writes_every_file_into_a_folder_it_creates() {
    let root = tempfile::tempdir().unwrap();
    let out = root.path().join("not/yet/there");
    build(&[&articles()], &out, &[])
        .code(0)
        .stderr(
            predicate::str::is_match(
                r"(?m)^2 documents, \d+ entities, \d+ events \(\d+ dated\), 0 skipped",
            )
            .unwrap(),
        )
        .stderr(predicate::str::contains("panicked").not());
    for name in FILES {
        let path = out.join(name);
        assert!(path.is_file(), "{} missing", path.display());
        assert!(fs::metadata(&path).unwrap().len() > 0, "{name} is empty");
    }
    // No temp files of the atomic writes are left behind.
    for entry in fs::read_dir(&out).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        assert!(!name.ends_with(".tmp"), "left over: {name}");
    }
}

#[test]
fn csv_headers_are_exactly_the_documented_columns() {
    let root = tempfile::tempdir().unwrap();
    let out = root.path().join("out");
    build(&[&articles()], &out, &[]).code(0);
    let (header, _) = read_csv(&out.join("timeline.csv"));
    assert_eq!(header, EVENT_HEADER);
    let (header, _) = read_csv(&out.join("events_undated.csv"));
    assert_eq!(header, EVENT_HEADER);
    let (header, _) = read_csv(&out.join("entities.csv"));
    assert_eq!(header, ENTITY_HEADER);
}

#[test]
fn timeline_is_sorted_by_start_and_undated_events_are_apart() {
    let root = tempfile::tempdir().unwrap();
    let input = root.path().join("in");
    fs::create_dir(&input).unwrap();
    // Written out of date order, in two documents.
    write(
        &input,
        "a.txt",
        "date 2023-01-10\nNews\n\nPeter Jansen met Maersk in May 2021.\n\nAnna Visser resigned in March 2019.\n",
    );
    write(
        &input,
        "b.txt",
        "Undated\n\nMaersk signed a deal with Shell on 4 January 2020.\n\nPeter Jansen met Shell.\n",
    );
    let out = root.path().join("out");
    build(&[&input], &out, &[]).code(0);
    let (_, rows) = read_csv(&out.join("timeline.csv"));
    let starts: Vec<&str> = rows.iter().map(|r| r["start"].as_str()).collect();
    // Rows with calendar bounds first, by start day; ISO days sort as text.
    let bounded: Vec<&str> = starts
        .iter()
        .copied()
        .take_while(|s| !s.is_empty())
        .collect();
    assert!(
        starts[bounded.len()..].iter().all(|s| s.is_empty()),
        "{starts:?}"
    );
    let mut sorted = bounded.clone();
    sorted.sort();
    assert_eq!(bounded, sorted);
    for wanted in ["2019-03-01", "2020-01-04", "2021-05-01"] {
        assert!(starts.contains(&wanted), "{wanted} not in {starts:?}");
    }
    for row in &rows {
        assert!(!row["date"].is_empty(), "undated row in timeline: {row:?}");
    }
    let (_, undated) = read_csv(&out.join("events_undated.csv"));
    for row in &undated {
        for column in ["date", "start", "end", "precision"] {
            assert_eq!(row[column], "", "{row:?}");
        }
    }
    // "Peter Jansen met Shell." has no date and b.txt no publication date.
    assert!(
        undated
            .iter()
            .any(|r| r["trigger"] == "met" && r["document"] == "b"),
        "{undated:?}"
    );
}

#[test]
fn an_event_row_has_its_date_participants_provenance_and_code_point_offsets() {
    let root = tempfile::tempdir().unwrap();
    let input = write(root.path(), "cafe.txt", CAFE);
    let out = root.path().join("out");
    build(&[&input], &out, &[]).code(0);
    let (_, rows) = read_csv(&out.join("timeline.csv"));
    let row = rows
        .iter()
        .find(|r| r["trigger"] == "resigned")
        .unwrap_or_else(|| panic!("no 'resigned' event: {rows:?}"));
    assert_eq!(row["date"], "2022-06");
    assert_eq!(row["start"], "2022-06-01");
    assert_eq!(row["end"], "2022-06-30");
    assert_eq!(row["precision"], "month");
    assert!(
        row["participants"]
            .split("; ")
            .any(|p| p == "Anna Visser (agent)"),
        "{row:?}"
    );
    assert_eq!(row["document"], "cafe");
    assert_eq!(
        row["sentence"],
        "Anna Visser, the head of the Port of Rotterdam, resigned in June 2022."
    );
    assert_eq!(row["certainty"], "asserted");
    // Offsets count code points: "é" is two bytes but one code point.
    let byte = CAFE.find("resigned").unwrap();
    let expected_start = CAFE[..byte].chars().count();
    assert_eq!(expected_start + 1, byte);
    let start: usize = row["char_start"].parse().unwrap();
    let end: usize = row["char_end"].parse().unwrap();
    assert_eq!(start, expected_start);
    assert_eq!(end, expected_start + "resigned".len());
    let slice: String = CAFE.chars().skip(start).take(end - start).collect();
    assert_eq!(slice, "resigned");
}

#[test]
fn cells_starting_with_a_formula_are_neutralised() {
    let root = tempfile::tempdir().unwrap();
    let input = write(root.path(), "cafe.txt", CAFE);
    let out = root.path().join("out");
    build(&[&input], &out, &[]).code(0);
    let (_, rows) = read_csv(&out.join("timeline.csv"));
    let signed = rows
        .iter()
        .find(|r| r["trigger"] == "signed")
        .unwrap_or_else(|| panic!("no 'signed' event: {rows:?}"));
    assert_eq!(
        signed["sentence"],
        "'=SUM(1) Maersk signed a deal with the Port of Rotterdam in May 2019."
    );
    // No cell of any table may start like a formula.
    for name in ["timeline.csv", "events_undated.csv", "entities.csv"] {
        let (_, rows) = read_csv(&out.join(name));
        for row in &rows {
            for (column, cell) in row {
                assert!(
                    !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                    "{name} {column}: {cell:?}"
                );
            }
        }
    }
}

#[test]
fn graph_json_has_a_schema_version_and_provenance_in_known_documents() {
    let root = tempfile::tempdir().unwrap();
    let out = root.path().join("out");
    build(&[&articles()], &out, &[]).code(0);
    let json: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(out.join("graph.json")).unwrap()).unwrap();
    assert_eq!(json["schema_version"], "1.0");
    let documents: Vec<&str> = json["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    // Ids are the file stems, in (sorted) input order.
    assert_eq!(documents, ["harbor-deal", "harbor-followup"]);
    let events = json["events"].as_array().unwrap();
    assert!(!events.is_empty());
    for event in events {
        let document = event["provenance"]["document"].as_str().unwrap();
        assert!(documents.contains(&document), "{event}");
    }
    let entities = json["entities"].as_array().unwrap();
    let ids: Vec<&str> = entities.iter().map(|e| e["id"].as_str().unwrap()).collect();
    for event in events {
        for participant in event["participants"].as_array().unwrap() {
            let id = participant["entity"].as_str().unwrap();
            assert!(ids.contains(&id), "unknown participant {id}");
        }
    }
    for entity in entities {
        for mention in entity["mentions"].as_array().unwrap() {
            let document = mention["document"].as_str().unwrap();
            assert!(documents.contains(&document), "{entity}");
        }
    }
    // The dated resignation of the follow-up article is there.
    assert!(events.iter().any(|e| e["trigger"] == "resigned"
        && e["provenance"]["document"] == "harbor-followup"
        && e["date"]["value"] == "2022-06-09"));
}

/// Every file under `dir` (relative path, bytes), sorted, but the PNG
/// rendering.
fn read_outputs(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        for entry in fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else if path.file_name().is_some_and(|n| n != "graph.png") {
                let name = path.strip_prefix(dir).unwrap().display().to_string();
                found.push((name, fs::read(&path).unwrap()));
            }
        }
    }
    found.sort();
    found
}

fn assert_same_outputs(one: &Path, two: &Path) {
    let first = read_outputs(one);
    let second = read_outputs(two);
    assert_eq!(
        first.iter().map(|(n, _)| n).collect::<Vec<_>>(),
        second.iter().map(|(n, _)| n).collect::<Vec<_>>()
    );
    for ((name, a), (_, b)) in first.iter().zip(&second) {
        assert!(a == b, "{name} differs between the two runs");
    }
}

/// Several documents, more than the progress-bar threshold, with shared entities.
fn corpus(dir: &Path) {
    let people = ["Anna Visser", "Peter Jansen", "Maria Lopez", "John Smith"];
    for i in 0..8 {
        let who = people[i % people.len()];
        let other = people[(i + 1) % people.len()];
        write(
            dir,
            &format!("doc{i}.txt"),
            &format!(
                "date 2021-0{m}-1{i}\nStory {i}\n\n{who} met {other} in Berlin in May 2020.\n\n{other} resigned yesterday, Reuters said.\n",
                m = 1 + i % 9,
            ),
        );
    }
}

#[test]
fn the_same_run_twice_gives_identical_files() {
    let root = tempfile::tempdir().unwrap();
    let input = root.path().join("in");
    fs::create_dir(&input).unwrap();
    corpus(&input);
    let (one, two) = (root.path().join("one"), root.path().join("two"));
    build(&[&input, &articles()], &one, &[]).code(0);
    build(&[&input, &articles()], &two, &[]).code(0);
    assert_same_outputs(&one, &two);
}

#[test]
fn the_number_of_jobs_does_not_change_the_output() {
    let root = tempfile::tempdir().unwrap();
    let input = root.path().join("in");
    fs::create_dir(&input).unwrap();
    corpus(&input);
    let (one, two) = (root.path().join("one"), root.path().join("two"));
    build(&[&input, &articles()], &one, &["--jobs", "1"]).code(0);
    build(&[&input, &articles()], &two, &["--jobs", "2"]).code(0);
    assert_same_outputs(&one, &two);
}

#[test]
fn dct_overrides_the_publication_date_of_every_document() {
    let root = tempfile::tempdir().unwrap();
    let input = root.path().join("in");
    fs::create_dir(&input).unwrap();
    write(
        &input,
        "dated.txt",
        "date 2021-03-03\nNews\n\nPeter Jansen met Maersk yesterday.\n",
    );
    write(
        &input,
        "undated.txt",
        "News\n\nAnna Visser met Shell yesterday.\n",
    );
    let out = root.path().join("out");
    build(&[&input], &out, &["--dct", "2020-03-01"]).code(0);
    let json: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(out.join("graph.json")).unwrap()).unwrap();
    for document in json["documents"].as_array().unwrap() {
        assert_eq!(document["dct"], "2020-03-01", "{document}");
    }
    // "yesterday" is read against the given date (2020 is a leap year).
    let (_, rows) = read_csv(&out.join("timeline.csv"));
    let met: Vec<_> = rows.iter().filter(|r| r["trigger"] == "met").collect();
    assert_eq!(met.len(), 2, "{rows:?}");
    for row in met {
        assert_eq!(row["date"], "2020-02-29", "{row:?}");
    }
    // Without --dct the dated document keeps its own date.
    let plain = root.path().join("plain");
    build(&[&input], &plain, &[]).code(0);
    let (_, rows) = read_csv(&plain.join("timeline.csv"));
    assert!(
        rows.iter()
            .any(|r| r["trigger"] == "met" && r["date"] == "2021-03-02"),
        "{rows:?}"
    );
}

#[test]
fn the_summary_counts_skipped_inputs_and_missing_publication_dates() {
    let root = tempfile::tempdir().unwrap();
    let input = write(root.path(), "a.txt", "News\n\nPeter Jansen met Maersk.\n");
    let missing = root.path().join("missing.txt");
    build(&[&input, &missing], &root.path().join("out"), &[])
        .code(2)
        .stderr(predicate::str::contains("1 documents, "))
        .stderr(predicate::str::contains(", 1 skipped"))
        .stderr(predicate::str::contains("use --dct"));
}

#[test]
fn graph_svg_is_rendered_when_graphviz_is_installed() {
    let has_dot = std::process::Command::new("which")
        .arg("dot")
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false);
    let root = tempfile::tempdir().unwrap();
    let out = root.path().join("out");
    let assert = build(&[&articles()], &out, &[]).code(0);
    let svg = out.join("graph.svg");
    if !has_dot {
        eprintln!("skipping the graph.svg check: Graphviz `dot` is not on PATH");
        assert.stderr(predicate::str::contains("graph.svg not written"));
        return;
    }
    let text = fs::read_to_string(&svg).unwrap();
    assert!(
        text.starts_with("<?xml") || text.starts_with("<svg"),
        "{}",
        &text[..text.len().min(80)]
    );
    assert!(text.contains("Anna Visser"));
}

#[test]
fn formats_chooses_the_extra_files() {
    let root = tempfile::tempdir().unwrap();
    let out = root.path().join("out");
    build(&[&articles()], &out, &["--formats", "gexf,neo4j"]).code(0);
    for name in FILES.iter().chain(&[
        "graph.gexf",
        "neo4j/nodes.csv",
        "neo4j/relationships.csv",
        "neo4j/README",
    ]) {
        assert!(out.join(name).is_file(), "{name} missing");
    }
    for name in [
        "graph.graphml",
        "cytoscape.json",
        "timelinejs.json",
        "graph.svg",
        "graph.png",
    ] {
        assert!(
            !out.join(name).exists(),
            "{name} written though not asked for"
        );
    }
}

#[test]
fn every_format_is_written_by_default() {
    let root = tempfile::tempdir().unwrap();
    let out = root.path().join("out");
    build(&[&articles()], &out, &[]).code(0);
    for name in [
        "graph.graphml",
        "graph.gexf",
        "cytoscape.json",
        "graph.nodelink.json",
        "timelinejs.json",
        "neo4j/nodes.csv",
        "neo4j/relationships.csv",
        "neo4j/README",
        "timeline.svg",
        "report.html",
    ] {
        assert!(out.join(name).is_file(), "{name} missing");
    }
    let has_dot = std::process::Command::new("dot").arg("-V").output().is_ok();
    if !has_dot {
        eprintln!("skipping the graph.png check: Graphviz `dot` is not on PATH");
        return;
    }
    let png = fs::read(out.join("graph.png")).unwrap();
    assert!(
        png.starts_with(b"\x89PNG\r\n\x1a\n"),
        "graph.png is not a PNG"
    );
    let report = fs::read_to_string(out.join("report.html")).unwrap();
    let svg = fs::read_to_string(out.join("graph.svg")).unwrap();
    let inlined = &svg[svg.find("<svg").unwrap()..];
    assert!(
        report.contains(inlined.trim_end()),
        "graph.svg is not inlined in the report"
    );
}

#[test]
fn an_unknown_format_is_refused_with_the_known_ones() {
    let root = tempfile::tempdir().unwrap();
    let out = root.path().join("out");
    build(&[&articles()], &out, &["--formats", "gexf,pdf"])
        .code(2)
        .stderr(predicate::str::contains("unknown format 'pdf'"))
        .stderr(predicate::str::contains("graphml, gexf, cytoscape"));
    assert!(
        !out.exists(),
        "nothing is written when the command line is wrong"
    );
}

#[test]
fn an_output_path_that_is_a_file_is_a_fatal_error() {
    let root = tempfile::tempdir().unwrap();
    let blocker = write(root.path(), "taken", "x");
    build(&[&articles()], &blocker, &[])
        .code(1)
        .stderr(predicate::str::contains("chronograph: error:"))
        .stderr(predicate::str::contains("taken"))
        .stderr(predicate::str::contains("panicked").not());
}
