//! `chronograph timeline`: events in date order, filtered by entity and
//! date range, as a table, CSV or JSON.

mod common;

use std::collections::HashMap;
use std::fs;
use std::path::Path;

use predicates::prelude::*;
use serde_json::Value;

use common::{EVENT_HEADER, build, chronograph, parse_csv};

/// Dated events in March 2017, April 2018, May 2019 and June 2022 (written
/// out of order); "Visser" is Anna Visser's surname in the same article.
const DATED: &str = "date 2021-03-03\nNews\n\nAnna Visser, the head of the Port of Rotterdam, resigned in June 2022.\n\nPeter Jansen met Maersk in April 2018.\n\nMaersk signed a deal with Shell in May 2019.\n\nVisser met Shell in March 2017.\n";

/// No publication date: "yesterday" stays unresolved, the event undated.
const UNDATED: &str = "Undated\n\nPeter Jansen met Shell yesterday.\n";

fn corpus() -> tempfile::TempDir {
    common::corpus(&[("a.txt", DATED), ("b.txt", UNDATED)])
}

fn run(dir: &Path, args: &[&str]) -> String {
    common::run("timeline", dir, args)
}

fn csv_rows(dir: &Path, args: &[&str]) -> Vec<HashMap<String, String>> {
    let mut all = vec!["--format", "csv"];
    all.extend_from_slice(args);
    let text = run(dir, &all);
    assert_eq!(text.lines().next(), Some(EVENT_HEADER));
    parse_csv(&text)
}

fn triggers_and_dates(rows: &[HashMap<String, String>]) -> Vec<(String, String)> {
    rows.iter()
        .map(|r| (r["trigger"].clone(), r["date"].clone()))
        .collect()
}

fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn csv_lists_dated_events_in_order_then_undated_ones() {
    let root = corpus();
    let rows = csv_rows(root.path(), &[]);
    assert_eq!(
        triggers_and_dates(&rows),
        pairs(&[
            ("met", "2017-03"),
            ("met", "2018-04"),
            ("signed", "2019-05"),
            ("resigned", "2022-06"),
            ("met", ""),
        ])
    );
    let undated = &rows[4];
    assert_eq!(undated["document"], "b");
    assert_eq!(undated["sentence"], "Peter Jansen met Shell yesterday.");
}

#[test]
fn entity_filter_keeps_only_that_entitys_events_by_name_or_alias() {
    let root = corpus();
    let expected = pairs(&[("met", "2017-03"), ("resigned", "2022-06")]);
    for name in ["Anna Visser", "Visser"] {
        let rows = csv_rows(root.path(), &["--entity", name]);
        assert_eq!(triggers_and_dates(&rows), expected, "--entity {name}");
        for row in &rows {
            assert!(
                row["participants"].contains("Anna Visser ("),
                "--entity {name}: {row:?}"
            );
        }
    }
    let rows = csv_rows(root.path(), &["--entity", "Peter Jansen"]);
    assert_eq!(
        triggers_and_dates(&rows),
        pairs(&[("met", "2018-04"), ("met", "")])
    );
}

#[test]
fn an_unknown_entity_is_a_fatal_error() {
    let root = corpus();
    chronograph()
        .arg("timeline")
        .arg(root.path())
        .args(["--entity", "Nobody Atall"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains("chronograph: error:"))
        .stderr(predicate::str::contains("Nobody Atall"))
        .stderr(predicate::str::contains("panicked").not());
}

#[test]
fn from_and_to_keep_overlapping_events_and_drop_undated_ones() {
    let root = corpus();
    // Overlap, not containment: April 2018 ends on the 30th, June 2022
    // starts on the 1st.
    let rows = csv_rows(root.path(), &["--from", "2018-04-30", "--to", "2022-06-01"]);
    assert_eq!(
        triggers_and_dates(&rows),
        pairs(&[
            ("met", "2018-04"),
            ("signed", "2019-05"),
            ("resigned", "2022-06")
        ])
    );
    // Just outside on both sides.
    let rows = csv_rows(root.path(), &["--from", "2018-05-01", "--to", "2022-05-31"]);
    assert_eq!(triggers_and_dates(&rows), pairs(&[("signed", "2019-05")]));
    // One bound only: still no undated event.
    let rows = csv_rows(root.path(), &["--from", "2019-01-01"]);
    assert_eq!(
        triggers_and_dates(&rows),
        pairs(&[("signed", "2019-05"), ("resigned", "2022-06")])
    );
    let rows = csv_rows(root.path(), &["--to", "2017-12-31"]);
    assert_eq!(triggers_and_dates(&rows), pairs(&[("met", "2017-03")]));
    // Combined with an entity.
    let rows = csv_rows(root.path(), &["--entity", "Visser", "--from", "2020-01-01"]);
    assert_eq!(triggers_and_dates(&rows), pairs(&[("resigned", "2022-06")]));
}

#[test]
fn csv_has_the_header_of_timeline_csv() {
    let root = corpus();
    let out = tempfile::tempdir().unwrap();
    build(&[root.path()], out.path(), &[]).code(0);
    let built = fs::read_to_string(out.path().join("timeline.csv")).unwrap();
    let printed = run(root.path(), &["--format", "csv"]);
    assert_eq!(printed.lines().next(), built.lines().next());
    assert_eq!(printed.lines().next(), Some(EVENT_HEADER));
    // The dated rows are those of timeline.csv, in the same order.
    let dated: Vec<&str> = printed
        .lines()
        .skip(1)
        .filter(|l| !l.starts_with(','))
        .collect();
    assert_eq!(dated, built.lines().skip(1).collect::<Vec<_>>());
}

#[test]
fn json_is_an_array_of_events() {
    let root = corpus();
    let json: Value = serde_json::from_str(&run(root.path(), &["--format", "json"])).unwrap();
    let events = json.as_array().expect("a JSON array");
    assert_eq!(events.len(), 5);
    let resigned = events.iter().find(|e| e["trigger"] == "resigned").unwrap();
    assert_eq!(resigned["date"]["value"], "2022-06");
    assert_eq!(resigned["date"]["start"], "2022-06-01");
    assert_eq!(resigned["date"]["end"], "2022-06-30");
    assert_eq!(resigned["document"], "a");
    assert!(
        resigned["participants"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["name"] == "Anna Visser" && p["role"] == "agent"),
        "{resigned}"
    );
    let start = resigned["char_start"].as_u64().unwrap() as usize;
    let end = resigned["char_end"].as_u64().unwrap() as usize;
    let slice: String = DATED.chars().skip(start).take(end - start).collect();
    assert_eq!(slice, "resigned");
    assert_eq!(events[4]["date"], Value::Null);
    // An empty selection is an empty array, not nothing.
    let json: Value = serde_json::from_str(&run(
        root.path(),
        &["--format", "json", "--from", "2030-01-01"],
    ))
    .unwrap();
    assert_eq!(json, Value::Array(vec![]));
}

#[test]
fn the_default_table_has_a_header_line_and_one_line_per_event() {
    let root = corpus();
    let text = run(root.path(), &[]);
    let lines: Vec<&str> = text.lines().collect();
    let header: Vec<&str> = lines[0].split_whitespace().collect();
    assert_eq!(
        header,
        [
            "date",
            "type",
            "event",
            "participants",
            "certainty",
            "document"
        ]
    );
    assert_eq!(lines.len(), 6, "{text}");
    assert!(lines[1].starts_with("2017-03 "), "{text}");
    assert!(lines[4].starts_with("2022-06 ") && lines[4].contains("Anna Visser"));
    // The undated event is last, its date shown as "-".
    assert!(lines[5].starts_with("- "), "{text}");
    // A filter that selects nothing still prints the header.
    let text = run(root.path(), &["--to", "1990-01-01"]);
    assert_eq!(text.lines().count(), 1, "{text}");
    assert!(text.starts_with("date "));
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let root = tempfile::tempdir().unwrap();
    // Enough distinct events (about 190 KB of table) to overflow a pipe
    // buffer (64 KiB) after `head` has gone.
    let mut text = String::from("Title\n\n");
    for year in 1200..3200 {
        text.push_str(&format!("Peter Jansen met Maersk in April {year}.\n\n"));
    }
    fs::write(root.path().join("big.txt"), text).unwrap();
    let bin = assert_cmd::cargo::cargo_bin("chronograph");
    for (format, first_line) in [("table", "date "), ("csv", "date,"), ("json", "[")] {
        let output = std::process::Command::new("bash")
            .arg("-c")
            .arg(r#"set -o pipefail; "$0" timeline "$1" --format "$2" | head -1"#)
            .arg(&bin)
            .arg(root.path().join("big.txt"))
            .arg(format)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            output.status.success(),
            "{format}: {:?}: {stderr}",
            output.status
        );
        assert_eq!(stderr, "", "{format}: stderr");
        assert!(
            String::from_utf8_lossy(&output.stdout).starts_with(first_line),
            "{format}"
        );
    }
}
