//! Input that cannot be read: each file or record is named on stderr with
//! its reason, the rest is still processed, and the exit code is 2. Nothing
//! makes the program panic.

mod common;

use std::fs;
use std::path::Path;

use predicates::prelude::*;
use serde_json::Value;

use common::{build, chronograph, fixtures, stdout};

/// The `skipped PATH: REASON` line the program prints for `path`.
fn skipped(path: &Path, reason: &str) -> String {
    format!("chronograph: skipped {}: {reason}", path.display())
}

/// Byte offset of the first byte that is not ASCII (the first invalid UTF-8
/// byte of a Latin-1 file).
fn first_non_ascii(path: &Path) -> usize {
    fs::read(path)
        .unwrap()
        .iter()
        .position(|b| !b.is_ascii())
        .unwrap()
}

#[test]
fn every_bad_input_is_named_and_the_good_ones_are_still_built() {
    let bad = fixtures("bad");
    let articles = fixtures("articles");
    let root = tempfile::tempdir().unwrap();
    let missing = root.path().join("no-such-file.txt");
    let out = root.path().join("out");
    let assert = build(&[&bad, &articles, &missing], &out, &[]).code(2);
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    let latin1 = bad.join("latin1.txt");
    let jsonl = format!("{}:2", bad.join("records.jsonl").display());
    for expected in [
        skipped(&missing, "no such file or directory"),
        skipped(&bad.join("blob.dat"), "binary file"),
        skipped(&bad.join("empty.txt"), "empty"),
        skipped(
            &latin1,
            &format!("not valid UTF-8 (byte {})", first_non_ascii(&latin1)),
        ),
        format!("chronograph: skipped {jsonl}: malformed JSON"),
    ] {
        assert!(stderr.contains(&expected), "{expected:?} not in:\n{stderr}");
    }
    // The good records of the JSON-lines file are not named.
    let jsonl_path = bad.join("records.jsonl").display().to_string();
    for line in [1, 3] {
        assert!(
            !stderr.contains(&format!("{jsonl_path}:{line}:")),
            "{stderr}"
        );
    }
    assert!(stderr.contains(", 5 skipped"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");

    // The good documents are in the output.
    let json: Value =
        serde_json::from_str(&fs::read_to_string(out.join("graph.json")).unwrap()).unwrap();
    let documents: Vec<&str> = json["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        documents,
        ["ok-1", "ok-2", "harbor-deal", "harbor-followup"]
    );
    let entities = fs::read_to_string(out.join("entities.csv")).unwrap();
    for name in ["Angela Merkel", "Emmanuel Macron", "Anna Visser"] {
        assert!(entities.contains(&format!(",{name},PERSON,")), "{entities}");
    }
    let timeline = fs::read_to_string(out.join("timeline.csv")).unwrap();
    // "Angela Merkel met Emmanuel Macron in Paris on April 30, 2020."
    assert!(
        timeline
            .lines()
            .any(|l| l.starts_with("2020-04-30,") && l.contains(",ok-1,") && l.contains(",met")),
        "{timeline}"
    );
}

#[test]
fn timeline_entities_and_annotate_report_skips_with_exit_2() {
    let bad = fixtures("bad");
    for subcommand in ["timeline", "entities"] {
        let assert = chronograph()
            .arg(subcommand)
            .arg(bad.join("records.jsonl"))
            .arg(bad.join("empty.txt"))
            .assert()
            .code(2)
            .stderr(predicate::str::contains(skipped(
                &bad.join("empty.txt"),
                "empty",
            )))
            .stderr(predicate::str::contains(format!(
                "{}:2: malformed JSON",
                bad.join("records.jsonl").display()
            )))
            .stderr(predicate::str::contains("panicked").not());
        let stdout = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
        // The good record "Angela Merkel met Emmanuel Macron" is listed.
        assert!(stdout.contains("Angela Merkel"), "{subcommand}: {stdout}");
    }
    // annotate prints the good records and names the bad line.
    let assert = chronograph()
        .arg("annotate")
        .arg(bad.join("records.jsonl"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("records.jsonl:2: malformed JSON"))
        .stderr(predicate::str::contains("panicked").not());
    let stdout = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    let ids: Vec<String> = stdout
        .lines()
        .map(|l| {
            let value: Value = serde_json::from_str(l).unwrap();
            value["id"].as_str().unwrap().to_string()
        })
        .collect();
    assert_eq!(ids, ["ok-1", "ok-2"]);
}

#[test]
fn a_folder_with_a_binary_and_a_non_utf8_file_keeps_the_good_article() {
    let root = tempfile::tempdir().unwrap();
    let input = root.path().join("in");
    fs::create_dir(&input).unwrap();
    fs::write(
        input.join("good.txt"),
        "date 2021-03-03\nNews\n\nPeter Jansen met Maersk in April 2018.\n",
    )
    .unwrap();
    // A picture: NUL bytes, unknown extension.
    fs::write(input.join("photo.jpg"), b"\xff\xd8\xff\xe0\0\x10JFIF\0\x01").unwrap();
    // Windows-1252 text with a known extension: "Caf\xe9".
    fs::write(input.join("cafe.txt"), b"News\n\nCaf\xe9 opened.\n").unwrap();
    // Windows-1252 text with an unknown extension is sniffed as binary.
    fs::write(input.join("notes.log"), b"Caf\xe9\n").unwrap();
    let out = root.path().join("out");
    let assert = build(&[&input], &out, &[])
        .code(2)
        .stderr(predicate::str::contains(skipped(
            &input.join("photo.jpg"),
            "binary file",
        )))
        .stderr(predicate::str::contains(skipped(
            &input.join("cafe.txt"),
            "not valid UTF-8 (byte 9)",
        )))
        .stderr(predicate::str::contains(skipped(
            &input.join("notes.log"),
            "binary file",
        )))
        .stderr(predicate::str::contains("panicked").not());
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(!stderr.contains("good.txt"), "{stderr}");
    let timeline = fs::read_to_string(out.join("timeline.csv")).unwrap();
    assert!(
        timeline
            .lines()
            .any(|l| l.starts_with("2018-04,") && l.contains("Peter Jansen (agent)")),
        "{timeline}"
    );
}

#[test]
fn all_good_input_exits_0_without_skips() {
    let root = tempfile::tempdir().unwrap();
    build(&[&fixtures("articles")], root.path(), &[])
        .code(0)
        .stderr(predicate::str::contains("skipped ").not())
        .stderr(predicate::str::contains(", 0 skipped"));
    for subcommand in ["timeline", "entities"] {
        chronograph()
            .arg(subcommand)
            .arg(fixtures("articles"))
            .assert()
            .code(0)
            .stderr(predicate::str::contains("skipped").not());
    }
}

#[test]
fn empty_or_undecodable_stdin_is_skipped_with_exit_2() {
    for (input, reason) in [
        (b"".to_vec(), "empty"),
        (b" \n\t\n".to_vec(), "empty"),
        (b"Caf\xe9 news\n".to_vec(), "not valid UTF-8 (byte 3)"),
        (b"a\0b".to_vec(), "binary file"),
    ] {
        chronograph()
            .args(["annotate", "-"])
            .write_stdin(input)
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains(format!(
                "chronograph: skipped -: {reason}"
            )))
            .stderr(predicate::str::contains("panicked").not());
    }
}

/// A deterministic mix of code points from many scripts and classes.
fn random_unicode(seed: u64, len: usize) -> String {
    const RANGES: [(u32, u32); 10] = [
        (0x01, 0x1f),       // control characters (no NUL)
        (0x20, 0x7e),       // ASCII
        (0xa0, 0xff),       // Latin-1
        (0x300, 0x36f),     // combining marks
        (0x590, 0x6ff),     // Hebrew, Arabic
        (0x2000, 0x206f),   // spaces, zero-width, bidi controls, separators
        (0x3000, 0x30ff),   // CJK punctuation, kana
        (0x4e00, 0x4fff),   // CJK ideographs
        (0xfff0, 0xfffd),   // specials
        (0x1f300, 0x1f6ff), // emoji
    ];
    let mut state = seed;
    let mut next = || {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) as u32
    };
    let mut text = String::new();
    while text.chars().count() < len {
        let (low, high) = RANGES[next() as usize % RANGES.len()];
        if let Some(c) = char::from_u32(low + next() % (high - low + 1)) {
            text.push(c);
        }
    }
    // At least one letter, so it is never all white space.
    text.push('x');
    text
}

#[test]
fn hostile_text_on_stdin_gives_valid_json() {
    let numbers: Vec<String> = (0..5000)
        .map(|n| (n * 7919 % 100_000).to_string())
        .collect();
    let mut inputs = vec![
        "!!!???...,,,;;;:::---((()))[[[]]]\"\"\"'''".to_string(),
        ". . . . .\n\n\n?!\n".to_string(),
        numbers.join(" "),
        "2018-13-45 32/13/2020 February 30, 2021 99:99 -5 BC 0000-00-00 on the 0th".to_string(),
        "In April 2018 in April 2018 in April 2018 yesterday today tomorrow last week".to_string(),
        "Mr. Dr. St. U.S. A. B. C. met met met resigned said said.".to_string(),
        "line one\r\nline two\rline three\u{2028}line four\u{2029}".to_string(),
        "\u{feff}Café naïve – “quoted” — ‘x’ … Zoë Ångström met Łukasz in Kraków.".to_string(),
        "a".repeat(20_000),
        "=SUM(1) +1 -1 @x\t\r".to_string(),
    ];
    for seed in 1..=5 {
        inputs.push(random_unicode(seed, 3000));
    }
    for (i, input) in inputs.iter().enumerate() {
        let output = stdout(
            chronograph()
                .args(["annotate", "-", "--dct", "2020-01-01"])
                .write_stdin(input.as_str()),
        );
        let json: Value =
            serde_json::from_slice(&output).unwrap_or_else(|e| panic!("input {i}: not JSON ({e})"));
        let text = json["text"].as_str().unwrap();
        assert_eq!(
            text,
            input.strip_prefix('\u{feff}').unwrap_or(input),
            "input {i}"
        );
        // Every offset stays inside the text and on the item's text.
        let length = text.chars().count();
        for key in ["sentences", "timexes", "mentions", "events", "relations"] {
            for item in json[key].as_array().unwrap() {
                let start = item["start"].as_u64().unwrap() as usize;
                let end = item["end"].as_u64().unwrap() as usize;
                assert!(start <= end && end <= length, "input {i} {key}: {item}");
                let slice: String = text.chars().skip(start).take(end - start).collect();
                let own = match key {
                    "events" => item["trigger"].as_str(),
                    _ => item["text"].as_str(),
                };
                if let Some(own) = own {
                    assert_eq!(slice, own, "input {i} {key}");
                }
            }
        }
    }
}

#[test]
fn an_invalid_flag_value_is_a_usage_error_not_a_panic() {
    chronograph()
        .args(["annotate", "-", "--dct", "2021-02-30"])
        .write_stdin("Text.")
        .assert()
        .failure()
        .stderr(predicate::str::contains("--dct"))
        .stderr(predicate::str::contains("panicked").not());
    chronograph()
        .args(["timeline", "--from", "yesterday", "-"])
        .write_stdin("Text.")
        .assert()
        .failure()
        .stderr(predicate::str::contains("panicked").not());
}
