//! Tests of reading inputs from disk: walking, formats, errors and ids.

use std::fs;
use std::path::Path;

use chrono::NaiveDate;

use super::*;
use crate::document::DctSource;

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    fs::write(&path, bytes).unwrap();
    path.to_string_lossy().into_owned()
}

fn read(inputs: &[String]) -> Ingested {
    read_inputs(inputs, &IngestOptions::default())
}

fn skipped(ingested: &Ingested) -> Vec<(&str, &str)> {
    ingested
        .skipped
        .iter()
        .map(|s| (s.path.as_str(), s.reason.as_str()))
        .collect()
}

#[test]
fn directory_is_walked_in_sorted_path_order_without_hidden_entries() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "b.txt", b"B title\nBody.");
    write(root, "a.md", b"# A title\nBody.");
    write(root, "a/z.txt", b"Z in a.");
    write(root, "c/d/e.html", b"<title>E</title><p>Deep.</p>");
    write(root, ".hidden.txt", b"Hidden.");
    write(root, ".git/config.txt", b"Hidden dir.");
    write(root, "c/.secret/x.txt", b"Hidden dir.");
    let root_input = root.to_string_lossy().into_owned();
    let ingested = read(&[root_input]);
    assert!(ingested.skipped.is_empty(), "{:?}", ingested.skipped);
    let sources: Vec<_> = ingested
        .documents
        .iter()
        .map(|d| d.source.strip_prefix(root.to_str().unwrap()).unwrap())
        .collect();
    assert_eq!(sources, ["/a/z.txt", "/a.md", "/b.txt", "/c/d/e.html"]);
    let ids: Vec<_> = ingested.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["z", "a", "b", "e"]);
    assert_eq!(ingested.documents[1].title.as_deref(), Some("A title"));
    assert_eq!(ingested.documents[3].text, "Deep.");
}

#[test]
fn inputs_keep_the_order_given() {
    let dir = tempfile::tempdir().unwrap();
    let second = write(dir.path(), "second.txt", b"Second.");
    let first = write(dir.path(), "first.txt", b"First.");
    let ingested = read(&[second, first]);
    let ids: Vec<_> = ingested.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["second", "first"]);
}

#[test]
fn unreadable_inputs_are_reported_with_their_paths() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let bad_utf8 = write(root, "latin1.txt", b"Caf\xe9 au lait");
    let nul = write(root, "nul.txt", b"text\0more");
    let empty = write(root, "empty.txt", b"");
    let blank = write(root, "blank.md", b" \n\t\r\n");
    let no_text = write(root, "no_text.tml", b"<TimeML><DOCID>x</DOCID></TimeML>");
    let missing = root.join("missing.txt").to_string_lossy().into_owned();
    let good = write(root, "good.txt", b"Good.");
    let inputs = [
        bad_utf8.clone(),
        nul.clone(),
        missing.clone(),
        empty.clone(),
        blank.clone(),
        no_text.clone(),
        good,
    ];
    let ingested = read(&inputs);
    assert_eq!(ingested.documents.len(), 1);
    assert_eq!(ingested.documents[0].id, "good");
    assert_eq!(
        skipped(&ingested),
        [
            (bad_utf8.as_str(), "not valid UTF-8 (byte 3)"),
            (
                nul.as_str(),
                "binary file (contains NUL bytes or is not UTF-8 text)"
            ),
            (missing.as_str(), "no such file or directory"),
            (empty.as_str(), "empty"),
            (blank.as_str(), "empty"),
            (no_text.as_str(), "no TEXT element"),
        ]
    );
}

#[test]
fn unknown_extensions_in_a_directory_are_sniffed() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "notes", b"Plain notes.\n");
    let image = write(root, "photo.jpg", b"\xff\xd8\xff\xe0JFIF");
    let ingested = read(&[root.to_string_lossy().into_owned()]);
    let ids: Vec<_> = ingested.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["notes"]);
    assert_eq!(
        skipped(&ingested),
        [(
            image.as_str(),
            "binary file (contains NUL bytes or is not UTF-8 text)"
        )]
    );
}

#[test]
fn unreadable_file_is_reported() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let locked = write(dir.path(), "locked.txt", b"Secret.");
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    if fs::read(&locked).is_ok() {
        // Running as root: permissions do not stop reading; nothing to test.
        return;
    }
    let ingested = read(std::slice::from_ref(&locked));
    assert_eq!(skipped(&ingested), [(locked.as_str(), "permission denied")]);
}

#[test]
fn byte_order_mark_is_removed() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "bom.txt", "\u{feff}Title\nBody.".as_bytes());
    let ingested = read(&[path]);
    assert_eq!(ingested.documents[0].text, "Title\nBody.");
    assert_eq!(ingested.documents[0].title.as_deref(), Some("Title"));
}

#[test]
fn repeated_ids_get_numbered_suffixes() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let a = write(root, "x/story.txt", b"One.");
    let b = write(root, "y/story.md", b"Two.");
    let c = write(root, "story-2.txt", b"Three.");
    let d = write(root, "z/story.html", b"<p>Four.</p>");
    let ingested = read(&[a, b, c, d]);
    let ids: Vec<_> = ingested.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["story", "story-2", "story-2-2", "story-3"]);
}

#[test]
fn dct_option_overrides_every_source() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "a.txt", b"date 2023-01-24\nTitle\nBody.");
    let given = NaiveDate::from_ymd_opt(2001, 9, 11).unwrap();
    let ingested = read_inputs(&[path], &IngestOptions { dct: Some(given) });
    let document = &ingested.documents[0];
    assert_eq!(document.dct, Some(given));
    assert_eq!(document.dct_source, Some(DctSource::Option));
}

#[test]
fn formats_come_from_extensions() {
    assert_eq!(Format::of_path(Path::new("a.TXT")), Format::Text);
    assert_eq!(Format::of_path(Path::new("a.md")), Format::Markdown);
    assert_eq!(Format::of_path(Path::new("a.htm")), Format::Html);
    assert_eq!(Format::of_path(Path::new("a.html")), Format::Html);
    assert_eq!(Format::of_path(Path::new("a.jsonl")), Format::JsonLines);
    assert_eq!(Format::of_path(Path::new("a.tml")), Format::TimeMl);
    assert_eq!(Format::of_path(Path::new("README")), Format::Text);
    assert_eq!(Format::of_path(Path::new("a.csv")), Format::Text);
}

#[test]
fn read_text_is_pure_and_reports_empty_sources() {
    let options = IngestOptions::default();
    let ingested = read_text("stdin", "-", "Title\n\nBody.", Format::Text, &options).unwrap();
    assert_eq!(ingested.documents.len(), 1);
    assert_eq!(ingested.documents[0].id, "stdin");
    assert_eq!(ingested.documents[0].source, "-");
    assert_eq!(
        read_text("stdin", "-", "  \n", Format::Text, &options),
        Err(ReadError::Empty)
    );
    let jsonl = "{\"id\": \"a\", \"text\": \"One.\"}\n{\"id\": \"a\", \"text\": \"Two.\"}";
    let ingested = read_text("f", "f.jsonl", jsonl, Format::JsonLines, &options).unwrap();
    let ids: Vec<_> = ingested.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["a", "a-2"]);
}

#[test]
fn jsonl_file_reports_bad_lines_with_the_walked_path() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "feed.jsonl",
        b"{\"text\": \"One.\"}\nnot json\n\n{\"text\": \"Three.\"}\n",
    );
    let ingested = read(std::slice::from_ref(&path));
    let ids: Vec<_> = ingested.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["feed-1", "feed-4"]);
    assert_eq!(ingested.skipped.len(), 1);
    assert_eq!(ingested.skipped[0].path, format!("{path}:2"));
}
