//! `chronograph eval timex GOLD_DIR`: TempEval-3 scores per folder and
//! overall, misses written with `--errors`, bad files skipped with exit 2.

mod common;

use std::fs;

use predicates::prelude::*;

use common::{chronograph, write};

const DCT: &str = r#"<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" functionInDocument="CREATION_TIME">January 8, 1998</TIMEX3></DCT>"#;

/// A TimeML file with the DCT above and `body` as the content of `TEXT`.
fn tml(body: &str) -> String {
    format!("<?xml version=\"1.0\" ?>\n<TimeML>\n{DCT}\n<TEXT>{body}</TEXT>\n</TimeML>\n")
}

/// Folder `a`: one file the tagger gets right (Thursday's "Wednesday" in a
/// past sentence is the day before; "two days" is P2D). Folder `b`: a file
/// whose gold has no expression, so the tagger's "1997" is spurious. A file
/// without `TEXT` is skipped; a non-TimeML file is ignored.
fn gold_corpus() -> tempfile::TempDir {
    let root = tempfile::tempdir().unwrap();
    fs::create_dir_all(root.path().join("a")).unwrap();
    fs::create_dir_all(root.path().join("b")).unwrap();
    write(
        &root.path().join("a"),
        "x.tml",
        &tml(
            "\nStocks fell on <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1998-01-07\">Wednesday</TIMEX3> \
             after rising for <TIMEX3 tid=\"t2\" type=\"DURATION\" value=\"P2D\">two days</TIMEX3>.\n",
        ),
    );
    write(
        &root.path().join("b"),
        "y.tml",
        &tml("\nHe left in 1997.\n"),
    );
    write(
        &root.path().join("b"),
        "bad.tml",
        "<TimeML><DOCID>x</DOCID></TimeML>",
    );
    write(root.path(), "README.txt", "not a TimeML file");
    root
}

/// The cells of the table row starting with `name`.
fn row(table: &str, name: &str) -> Vec<String> {
    table
        .lines()
        .map(|line| {
            line.split_whitespace()
                .map(String::from)
                .collect::<Vec<_>>()
        })
        .find(|cells| cells.first().map(String::as_str) == Some(name))
        .unwrap_or_else(|| panic!("no row {name} in\n{table}"))
}

#[test]
fn scores_per_folder_and_overall_and_skips_bad_files() {
    let root = gold_corpus();
    let errors = root.path().join("out/errors.txt");
    let output = chronograph()
        .args(["eval", "timex"])
        .arg(root.path())
        .arg("--errors")
        .arg(&errors)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("bad.tml: no TEXT element"))
        .get_output()
        .stdout
        .clone();
    let table = String::from_utf8(output).unwrap();
    // folder docs gold system strictP strictR strictF1 relaxedP relaxedR
    // relaxedF1 typeAcc valueAcc valueF1
    assert_eq!(
        row(&table, "a"),
        [
            "a", "1", "2", "2", "1.0000", "1.0000", "1.0000", "1.0000", "1.0000", "1.0000",
            "1.0000", "1.0000", "1.0000"
        ]
    );
    assert_eq!(row(&table, "b")[..4], ["b", "1", "0", "1"]);
    assert_eq!(row(&table, "b")[4], "0.0000");
    // Overall: 2 gold, 3 system, 2 right: P 2/3, R 1, F1 0.8.
    assert_eq!(
        row(&table, "overall"),
        [
            "overall", "2", "2", "3", "0.6667", "1.0000", "0.8000", "0.6667", "1.0000", "0.8000",
            "1.0000", "1.0000", "0.8000"
        ]
    );
    let misses = fs::read_to_string(&errors).unwrap();
    assert_eq!(misses.lines().count(), 1, "{misses}");
    assert!(
        misses.contains("SPURIOUS\tsystem \"1997\" DATE 1997"),
        "{misses}"
    );
    assert!(misses.contains("He left in [[1997]]."), "{misses}");
}

#[test]
fn a_missing_folder_is_an_error() {
    chronograph()
        .args(["eval", "timex", "/no/such/folder"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("/no/such/folder: not a folder"));
}
