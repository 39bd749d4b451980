//! Helpers shared by the CLI tests (`test_*.rs`): the `chronograph` command,
//! a subcommand's stdout, CSV text as rows, a temporary corpus.
//!
//! Each test file is its own crate and uses only some of these, hence the
//! `#[allow(dead_code)]` on the items not every file uses.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;

/// The header of `timeline.csv` and `events_undated.csv`, as documented.
#[allow(dead_code)]
pub const EVENT_HEADER: &str = "date,start,end,precision,event_type,headline,participants,location,certainty,document,sentence,char_start,char_end,event_id,trigger";

/// The header of `entities.csv`, as documented.
#[allow(dead_code)]
pub const ENTITY_HEADER: &str = "id,name,type,aliases,mentions,documents,roles";

/// The binary under test.
pub fn chronograph() -> Command {
    Command::cargo_bin("chronograph").unwrap()
}

/// `tests/fixtures/NAME`.
#[allow(dead_code)]
pub fn fixtures(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Writes `text` to `dir/name` and returns that path.
#[allow(dead_code)]
pub fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    fs::write(&path, text).unwrap();
    path
}

/// A temporary folder holding one file per `(name, text)`.
#[allow(dead_code)]
pub fn corpus(files: &[(&str, &str)]) -> tempfile::TempDir {
    let root = tempfile::tempdir().unwrap();
    for (name, text) in files {
        write(root.path(), name, text);
    }
    root
}

/// Runs `command`, asserts it exits 0 without a panic on stderr, and returns
/// its stdout.
#[allow(dead_code)]
pub fn stdout(command: &mut Command) -> Vec<u8> {
    command
        .assert()
        .code(0)
        .stderr(predicate::str::contains("panicked").not())
        .get_output()
        .stdout
        .clone()
}

/// `chronograph SUBCOMMAND PATH ARGS...`: its stdout, after asserting exit
/// code 0 and no panic.
#[allow(dead_code)]
pub fn run(subcommand: &str, path: &Path, args: &[&str]) -> String {
    String::from_utf8(stdout(chronograph().arg(subcommand).arg(path).args(args))).unwrap()
}

/// `chronograph build INPUTS... -o OUT EXTRA...`, not yet asserted on.
#[allow(dead_code)]
pub fn build(inputs: &[&Path], out: &Path, extra: &[&str]) -> assert_cmd::assert::Assert {
    chronograph()
        .arg("build")
        .args(inputs)
        .arg("-o")
        .arg(out)
        .args(extra)
        .assert()
}

/// Rows of CSV text as maps from column name to cell.
#[allow(dead_code)]
pub fn parse_csv(text: &str) -> Vec<HashMap<String, String>> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let names: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    reader
        .records()
        .map(|record| {
            let record = record.unwrap();
            names
                .iter()
                .cloned()
                .zip(record.iter().map(String::from))
                .collect()
        })
        .collect()
}
