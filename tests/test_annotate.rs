//! `chronograph annotate`: the stand-off JSON of one document, offsets in
//! Unicode code points.

mod common;

use std::fs;
use std::path::Path;

use predicates::prelude::*;
use serde_json::Value;

use common::{chronograph, stdout};

/// "Café" in the title: everything after it has code-point offsets one less
/// than its byte offsets.
const TEXT: &str = "date 2021-03-03\nCafé harbor deal\n\nAnna Visser, the head of the Port of Rotterdam, resigned in June 2022.\n\nVisser met Maersk in April 2018.\n";

fn annotate_file(path: &Path, extra: &[&str]) -> Value {
    let output = stdout(chronograph().arg("annotate").arg(path).args(extra));
    serde_json::from_slice(&output).unwrap()
}

fn annotate_stdin(text: &str, extra: &[&str]) -> Value {
    let output = stdout(
        chronograph()
            .args(["annotate", "-"])
            .args(extra)
            .write_stdin(text),
    );
    serde_json::from_slice(&output).unwrap()
}

/// `text[start..end]` in code points.
fn slice(text: &str, item: &Value) -> String {
    let start = item["start"].as_u64().unwrap() as usize;
    let end = item["end"].as_u64().unwrap() as usize;
    assert!(start <= end, "{item}");
    assert!(end <= text.chars().count(), "{item} past the end");
    text.chars().skip(start).take(end - start).collect()
}

/// The code-point offset of the first occurrence of `needle` in `text`.
fn code_point_offset(text: &str, needle: &str) -> usize {
    text[..text.find(needle).unwrap()].chars().count()
}

fn array<'a>(json: &'a Value, key: &str) -> &'a Vec<Value> {
    json[key]
        .as_array()
        .unwrap_or_else(|| panic!("{key} is not an array: {json}"))
}

#[test]
fn a_document_has_every_layer() {
    let root = tempfile::tempdir().unwrap();
    let path = root.path().join("harbor.txt");
    fs::write(&path, TEXT).unwrap();
    let json = annotate_file(&path, &[]);
    assert_eq!(json["id"], "harbor");
    assert_eq!(json["dct"], "2021-03-03");
    assert_eq!(json["text"], TEXT);
    assert_eq!(json["title"], "Café harbor deal");
    for key in [
        "sentences",
        "timexes",
        "mentions",
        "entities",
        "events",
        "relations",
    ] {
        array(&json, key);
    }
    // Sentences are ordered, do not overlap and stay inside the text.
    let sentences = array(&json, "sentences");
    assert!(sentences.len() >= 3, "{sentences:?}");
    let mut previous_end = 0;
    for sentence in sentences {
        slice(TEXT, sentence);
        let start = sentence["start"].as_u64().unwrap();
        assert!(start >= previous_end, "{sentences:?}");
        previous_end = sentence["end"].as_u64().unwrap();
    }
    assert!(
        sentences
            .iter()
            .any(|s| slice(TEXT, s) == "Visser met Maersk in April 2018."),
        "{sentences:?}"
    );
}

#[test]
fn timexes_have_values_types_and_code_point_offsets() {
    let json = annotate_stdin(TEXT, &[]);
    let timexes = array(&json, "timexes");
    for timex in timexes {
        assert_eq!(slice(TEXT, timex), timex["text"].as_str().unwrap());
    }
    let april = timexes
        .iter()
        .find(|t| t["text"] == "April 2018")
        .unwrap_or_else(|| panic!("no 'April 2018': {timexes:?}"));
    assert_eq!(april["value"], "2018-04");
    assert_eq!(april["type"], "DATE");
    assert_eq!(april["relative"], false);
    assert_eq!(
        april["start"].as_u64().unwrap() as usize,
        code_point_offset(TEXT, "April 2018")
    );
    let june = timexes.iter().find(|t| t["text"] == "June 2022").unwrap();
    assert_eq!(june["value"], "2022-06");
}

#[test]
fn mentions_entities_and_events_point_into_the_text() {
    let json = annotate_stdin(TEXT, &[]);
    let mentions = array(&json, "mentions");
    let entities = array(&json, "entities");
    for mention in mentions {
        assert_eq!(slice(TEXT, mention), mention["text"].as_str().unwrap());
        let entity = mention["entity"].as_u64().unwrap() as usize;
        assert!(entity < entities.len(), "{mention}");
        assert!(
            ["PERSON", "ORGANIZATION", "LOCATION", "MISC"]
                .contains(&mention["type"].as_str().unwrap()),
            "{mention}"
        );
    }
    let anna = mentions
        .iter()
        .find(|m| m["text"] == "Anna Visser")
        .unwrap_or_else(|| panic!("no 'Anna Visser': {mentions:?}"));
    assert_eq!(anna["type"], "PERSON");
    assert_eq!(
        anna["start"].as_u64().unwrap() as usize,
        code_point_offset(TEXT, "Anna Visser")
    );
    // "Visser" in the next paragraph is the same entity.
    let visser = mentions.iter().find(|m| m["text"] == "Visser").unwrap();
    assert_eq!(visser["entity"], anna["entity"]);
    let entity = &entities[anna["entity"].as_u64().unwrap() as usize];
    assert_eq!(entity["name"], "Anna Visser");
    assert_eq!(entity["type"], "PERSON");
    let aliases: Vec<&str> = array(entity, "aliases")
        .iter()
        .map(|a| a.as_str().unwrap())
        .collect();
    assert!(aliases.contains(&"Anna Visser") && aliases.contains(&"Visser"));

    let events = array(&json, "events");
    for event in events {
        assert_eq!(slice(TEXT, event), event["trigger"].as_str().unwrap());
    }
    let resigned = events
        .iter()
        .find(|e| e["trigger"] == "resigned")
        .unwrap_or_else(|| panic!("no 'resigned': {events:?}"));
    assert_eq!(
        resigned["start"].as_u64().unwrap() as usize,
        code_point_offset(TEXT, "resigned")
    );
    assert_eq!(resigned["date"]["value"], "2022-06");
    assert_eq!(resigned["date"]["source"], "stated");
    assert!(
        array(resigned, "participants")
            .iter()
            .any(|p| p["entity"] == anna["entity"] && p["role"] == "agent"),
        "{resigned}"
    );
    for relation in array(&json, "relations") {
        assert_eq!(slice(TEXT, relation), relation["text"].as_str().unwrap());
    }
}

#[test]
fn dct_changes_how_yesterday_is_resolved() {
    let text = "The mayor spoke yesterday.\n";
    for (dct, expected) in [("2020-03-01", "2020-02-29"), ("2021-01-01", "2020-12-31")] {
        let json = annotate_stdin(text, &["--dct", dct]);
        assert_eq!(json["dct"], dct);
        let timexes = array(&json, "timexes");
        let yesterday = timexes
            .iter()
            .find(|t| t["text"] == "yesterday")
            .unwrap_or_else(|| panic!("no 'yesterday': {timexes:?}"));
        assert_eq!(yesterday["value"], expected, "with --dct {dct}");
        assert_eq!(yesterday["type"], "DATE");
    }
}

#[test]
fn dct_overrides_the_date_the_document_gives() {
    let json = annotate_stdin(
        "date 2021-03-03\nNews\n\nThe mayor spoke yesterday.\n",
        &["--dct", "2019-07-01"],
    );
    assert_eq!(json["dct"], "2019-07-01");
    let timexes = array(&json, "timexes");
    assert!(
        timexes
            .iter()
            .any(|t| t["text"] == "yesterday" && t["value"] == "2019-06-30"),
        "{timexes:?}"
    );
}

#[test]
fn stdin_is_read_with_dash() {
    let text = "Crowds gathered.\n\nPeter Jansen met Maersk in Berlin.\n";
    let json = annotate_stdin(text, &[]);
    assert_eq!(json["id"], "stdin");
    assert_eq!(json["text"], text);
    assert_eq!(json["dct"], Value::Null);
    assert!(
        array(&json, "mentions")
            .iter()
            .any(|m| m["text"] == "Peter Jansen" && m["type"] == "PERSON")
    );
}

#[test]
fn a_json_lines_file_gives_one_compact_object_per_record() {
    let root = tempfile::tempdir().unwrap();
    let path = root.path().join("feed.jsonl");
    fs::write(
        &path,
        concat!(
            r#"{"id": "one", "date": "2020-05-01", "text": "Angela Merkel met Emmanuel Macron in Paris."}"#,
            "\n",
            r#"{"id": "two", "text": "Reuters reported the deal."}"#,
            "\n"
        ),
    )
    .unwrap();
    let output = chronograph()
        .arg("annotate")
        .arg(&path)
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(output).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    let first: Value = serde_json::from_str(lines[0]).unwrap();
    let second: Value = serde_json::from_str(lines[1]).unwrap();
    assert_eq!(first["id"], "one");
    assert_eq!(first["dct"], "2020-05-01");
    assert_eq!(second["id"], "two");
    assert_eq!(second["text"], "Reuters reported the deal.");
}

#[test]
fn a_missing_file_is_reported_and_exits_2() {
    let root = tempfile::tempdir().unwrap();
    let path = root.path().join("nowhere.txt");
    chronograph()
        .arg("annotate")
        .arg(&path)
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(format!(
            "skipped {}: no such file or directory",
            path.display()
        )))
        .stderr(predicate::str::contains("panicked").not());
}

#[test]
fn sets_carry_quant_and_freq_only_where_the_text_gives_them() {
    let json = annotate_stdin(
        "The board meets every Monday and nurses work four days a week.\n",
        &["--dct", "2023-01-24"],
    );
    let timexes = array(&json, "timexes");
    let find = |text: &str| {
        timexes
            .iter()
            .find(|t| t["text"] == text)
            .unwrap_or_else(|| panic!("no '{text}': {timexes:?}"))
    };
    let monday = find("every Monday");
    assert_eq!(monday["type"], "SET");
    assert_eq!(monday["quant"], "EVERY");
    assert!(monday.get("freq").is_none(), "{monday}");
    let days = find("four days a week");
    assert_eq!(days["value"], "P1W");
    assert_eq!(days["freq"], "4D");
    assert!(days.get("quant").is_none(), "{days}");
}
