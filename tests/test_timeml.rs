//! `chronograph annotate --format timeml`: TimeML 1.2 valid against the
//! TimeML schema (checked with `xmllint` when it is installed), the text
//! character for character, the DCT kept, relative expressions anchored to
//! it; a folder in gives a folder out with `--out-dir`.

mod common;

use std::fs;
use std::path::Path;
use std::process::Command as Process;

use predicates::prelude::*;

use chronograph::ingest::{self, Format, IngestOptions};
use common::{chronograph, fixtures, stdout, write};

/// Validates `path` against the TimeML schema with `xmllint`; returns false
/// (after saying why) when `xmllint` is not installed.
fn validate(path: &Path) -> bool {
    if Process::new("xmllint").arg("--version").output().is_err() {
        eprintln!("skipping schema validation: xmllint not found (apt-get install libxml2-utils)");
        return false;
    }
    let output = Process::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(fixtures("timeml/tml.xsd"))
        .arg(path)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{} is not valid TimeML:\n{}",
        path.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    true
}

/// The document text and DCT a TimeML string reads back as.
fn read_back(xml: &str) -> chronograph::Document {
    let ingested =
        ingest::read_text("x", "x.tml", xml, Format::TimeMl, &IngestOptions::default()).unwrap();
    ingested.documents.into_iter().next().unwrap()
}

/// `(text, type, value)` of the TIMEX3s in a TimeML string.
fn tags(xml: &str) -> Vec<(String, String, String)> {
    let text = read_back(xml).text;
    ingest::text_timexes(xml)
        .unwrap()
        .into_iter()
        .map(|t| (t.span.text(&text).to_string(), t.kind, t.value))
        .collect()
}

#[test]
fn timeml_input_comes_back_valid_with_our_tags_and_the_same_text() {
    let input = fixtures("timeml/sample.tml");
    let xml = String::from_utf8(stdout(
        chronograph()
            .arg("annotate")
            .arg(&input)
            .args(["--format", "timeml"]),
    ))
    .unwrap();
    let original = read_back(&fs::read_to_string(&input).unwrap());
    let again = read_back(&xml);
    assert_eq!(again.text, original.text);
    assert!(again.text.contains("AT&T") && again.text.contains("<again>"));
    assert!(again.text.contains("Caf\u{e9}"));
    assert_eq!(again.id, "sample_0001");
    // The DCT keeps its date (the clock time of the input is dropped).
    assert!(xml.contains(
        r#"<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" temporalFunction="false" functionInDocument="CREATION_TIME">1998-01-08</TIMEX3></DCT>"#
    ));
    // The input's own tags are gone; ours are in (checked against the text:
    // Thursday 8 January 1998, "Wednesday" in a past sentence is the 7th).
    assert!(!xml.contains("<EVENT") && !xml.contains("TLINK"));
    let expected = [
        ("Wednesday", "DATE", "1998-01-07"),
        ("December 1997", "DATE", "1997-12"),
        ("three years", "DURATION", "P3Y"),
        ("next year", "DATE", "1999"),
    ];
    let expected: Vec<_> = expected
        .iter()
        .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
        .collect();
    assert_eq!(tags(&xml), expected);
    assert!(xml.contains(r#"tid="t1" type="DATE" value="1998-01-07" temporalFunction="true" functionInDocument="NONE" anchorTimeID="t0">Wednesday</TIMEX3>"#), "{xml}");
    assert!(xml.contains(
        r#"value="1997-12" temporalFunction="false" functionInDocument="NONE">December 1997<"#
    ));
    let dir = tempfile::tempdir().unwrap();
    validate(&write(dir.path(), "out.tml", &xml));
}

#[test]
fn plain_text_with_dct_and_awkward_characters_round_trips() {
    let text = "Fish & chips <cheap> \"today\"\r\nPrices rose 5% yesterday.\r\n\tEnd.";
    let xml = String::from_utf8(stdout(
        chronograph()
            .args(["annotate", "-", "--format", "timeml", "--dct", "2023-01-24"])
            .write_stdin(text),
    ))
    .unwrap();
    assert_eq!(read_back(&xml).text, text);
    assert!(
        xml.contains("&#13;\n"),
        "carriage returns survive XML parsing"
    );
    assert!(xml.contains(
        r#"value="2023-01-24" temporalFunction="false" functionInDocument="CREATION_TIME""#
    ));
    assert!(xml.contains(r#"value="2023-01-23" temporalFunction="true" functionInDocument="NONE" anchorTimeID="t0">yesterday</TIMEX3>"#), "{xml}");
    let dir = tempfile::tempdir().unwrap();
    validate(&write(dir.path(), "out.tml", &xml));
}

#[test]
fn repeated_times_carry_quant_and_freq_and_stay_valid() {
    let text =
        "The board meets every Monday. Nurses work four days a week; doses come twice a day.";
    let xml = String::from_utf8(stdout(
        chronograph()
            .args(["annotate", "-", "--format", "timeml", "--dct", "2023-01-24"])
            .write_stdin(text),
    ))
    .unwrap();
    for tag in [
        r#"type="SET" value="XXXX-WXX-1" temporalFunction="false" functionInDocument="NONE" quant="EVERY">every Monday</TIMEX3>"#,
        r#"type="SET" value="P1W" temporalFunction="false" functionInDocument="NONE" freq="4D">four days a week</TIMEX3>"#,
        r#"type="SET" value="P1D" temporalFunction="false" functionInDocument="NONE" freq="2X">twice a day</TIMEX3>"#,
    ] {
        assert!(xml.contains(tag), "{tag} not in {xml}");
    }
    let dir = tempfile::tempdir().unwrap();
    validate(&write(dir.path(), "out.tml", &xml));
}

#[test]
fn a_folder_gives_one_tml_per_input_with_out_dir_and_an_error_without() {
    let input = tempfile::tempdir().unwrap();
    fs::create_dir_all(input.path().join("sub")).unwrap();
    fs::copy(
        fixtures("timeml/sample.tml"),
        input.path().join("sub/a.tml"),
    )
    .unwrap();
    write(
        input.path(),
        "b.txt",
        "Budget talks\n\nThe talks ended in March 2019.\n",
    );
    let out = tempfile::tempdir().unwrap();
    let status = chronograph()
        .arg("annotate")
        .arg(input.path())
        .args(["--format", "timeml", "--out-dir"])
        .arg(out.path())
        .assert()
        .code(0)
        .get_output()
        .status;
    assert!(status.success());
    let a = out.path().join("sub/a.tml");
    let b = out.path().join("b.tml");
    let b_xml = fs::read_to_string(&b).unwrap();
    assert_eq!(
        read_back(&b_xml).text,
        "Budget talks\n\nThe talks ended in March 2019.\n"
    );
    assert_eq!(
        tags(&b_xml),
        [(
            "March 2019".to_string(),
            "DATE".to_string(),
            "2019-03".to_string()
        )]
    );
    assert!(!b_xml.contains("<DCT>"), "no DCT in the text, none given");
    validate(&a);
    validate(&b);
    let leftovers: Vec<_> = fs::read_dir(out.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty());

    chronograph()
        .arg("annotate")
        .arg(input.path())
        .args(["--format", "timeml"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("2 documents").and(predicate::str::contains("--out-dir")));
}
