//! `chronograph entities`: each entity once, with its aliases, as a table,
//! CSV or JSON.

mod common;

use std::path::Path;

use serde_json::Value;

use common::{ENTITY_HEADER, chronograph, parse_csv};

/// Anna Visser is named in full once and by surname twice.
const ONE: &str = "date 2021-03-03\nNews\n\nAnna Visser, the head of the Port of Rotterdam, resigned in June 2022.\n\nVisser met Peter Jansen in Berlin in April 2018.\n\nLater Visser praised the deal.\n";

/// Anna Visser again, in a second document.
const TWO: &str = "date 2022-07-01\nMore news\n\nAnna Visser joined Maersk in July 2022.\n";

fn corpus() -> tempfile::TempDir {
    common::corpus(&[("one.txt", ONE), ("two.txt", TWO)])
}

fn run(dir: &Path, format: &str) -> String {
    common::run("entities", dir, &["--format", format])
}

#[test]
fn csv_has_one_row_per_entity_with_its_aliases() {
    let root = corpus();
    let text = run(root.path(), "csv");
    assert_eq!(text.lines().next(), Some(ENTITY_HEADER));
    let rows = parse_csv(&text);
    let visser: Vec<_> = rows
        .iter()
        .filter(|r| r["name"].contains("Visser") || r["aliases"].contains("Visser"))
        .collect();
    assert_eq!(visser.len(), 1, "{visser:?}");
    let visser = visser[0];
    assert_eq!(visser["name"], "Anna Visser");
    assert_eq!(visser["type"], "PERSON");
    let aliases: Vec<&str> = visser["aliases"].split("; ").collect();
    assert!(
        aliases.contains(&"Anna Visser") && aliases.contains(&"Visser"),
        "{aliases:?}"
    );
    let mentions: usize = visser["mentions"].parse().unwrap();
    assert!(mentions >= 4, "{visser:?}");
    assert_eq!(visser["documents"], "one; two");
    // Rows are sorted by id.
    let ids: Vec<&str> = rows.iter().map(|r| r["id"].as_str()).collect();
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids, sorted);
    assert!(
        rows.iter()
            .any(|r| r["name"] == "Peter Jansen" && r["type"] == "PERSON")
    );
}

#[test]
fn json_is_an_array_with_each_entity_once() {
    let root = corpus();
    let json: Value = serde_json::from_str(&run(root.path(), "json")).unwrap();
    let entities = json.as_array().expect("a JSON array");
    let visser: Vec<_> = entities
        .iter()
        .filter(|e| e["name"] == "Anna Visser" || e["name"] == "Visser")
        .collect();
    assert_eq!(visser.len(), 1, "{visser:?}");
    let visser = visser[0];
    assert_eq!(visser["type"], "PERSON");
    let aliases: Vec<&str> = visser["aliases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a.as_str().unwrap())
        .collect();
    assert!(
        aliases.contains(&"Anna Visser") && aliases.contains(&"Visser"),
        "{aliases:?}"
    );
    assert_eq!(visser["documents"], serde_json::json!(["one", "two"]));
    // Every mention points at a document and at its name in the text.
    for mention in visser["mentions"].as_array().unwrap() {
        let text = match mention["document"].as_str().unwrap() {
            "one" => ONE,
            "two" => TWO,
            other => panic!("unknown document {other}"),
        };
        let start = mention["char_start"].as_u64().unwrap() as usize;
        let end = mention["char_end"].as_u64().unwrap() as usize;
        let slice: String = text.chars().skip(start).take(end - start).collect();
        assert!(aliases.contains(&slice.as_str()), "{slice:?}");
    }
}

#[test]
fn the_table_has_a_header_and_one_line_per_entity() {
    let root = corpus();
    let text = run(root.path(), "table");
    let lines: Vec<&str> = text.lines().collect();
    let header: Vec<&str> = lines[0].split_whitespace().collect();
    assert_eq!(header, ["name", "type", "mentions", "aliases", "roles"]);
    let visser: Vec<&&str> = lines
        .iter()
        .filter(|l| l.starts_with("Anna Visser ") || l.starts_with("Visser "))
        .collect();
    assert_eq!(visser.len(), 1, "{text}");
    assert!(visser[0].contains("PERSON"), "{text}");
    assert!(visser[0].contains("Anna Visser; Visser"), "{text}");
    // The default format is the table.
    let output = chronograph()
        .arg("entities")
        .arg(root.path())
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    assert_eq!(String::from_utf8(output).unwrap(), text);
    // The same entities in every format.
    let json: Value = serde_json::from_str(&run(root.path(), "json")).unwrap();
    assert_eq!(lines.len() - 1, json.as_array().unwrap().len());
}

#[test]
fn entities_are_read_from_stdin_by_default() {
    let output = chronograph()
        .args(["entities", "--format", "csv"])
        .write_stdin(TWO)
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(output).unwrap();
    assert!(
        text.lines()
            .any(|l| l.starts_with("person:anna-visser,Anna Visser,PERSON,")
                && l.contains(",stdin,")),
        "{text}"
    );
}
