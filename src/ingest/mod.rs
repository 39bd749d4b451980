//! Reading input files into documents.
//!
//! An input is a file, a directory (read recursively in sorted path order,
//! hidden entries skipped) or `-` for standard input. The format comes from
//! the extension ([`Format`]). Nothing in the input makes this panic: what
//! cannot be read is reported as [`Skipped`] and the rest is read.
//!
//! One file a job: [`walk`](self) finds files, `text`, `html`, `jsonl` and
//! `timeml` read one format each, `dct` finds the publication date.

mod dct;
mod html;
mod jsonl;
mod text;
mod timeml;
mod walk;

pub use timeml::{TextTimex, text_timexes};

use std::collections::HashSet;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Serialize;

use crate::document::Document;

/// Something that was not read: a file, a directory, or one line of a
/// JSON-lines file (`data/x.jsonl:3`), with the reason.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Skipped {
    /// The path as given or walked, with `:LINE` for a JSON-lines record.
    pub path: String,
    /// Why it was not read, for a person (`empty`, `not valid UTF-8 (byte 3)`).
    pub reason: String,
}

/// What reading the inputs gave: the documents in input order, and what
/// was skipped.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Ingested {
    /// Documents in input order, with unique ids.
    pub documents: Vec<Document>,
    /// Files and records that were not read, in input order.
    pub skipped: Vec<Skipped>,
}

impl Ingested {
    fn append(&mut self, mut other: Ingested) {
        self.documents.append(&mut other.documents);
        self.skipped.append(&mut other.skipped);
    }

    fn skip(&mut self, path: &str, reason: impl ToString) {
        self.skipped.push(Skipped {
            path: path.to_string(),
            reason: reason.to_string(),
        });
    }
}

/// Options for reading.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct IngestOptions {
    /// The publication date given on the command line (`--dct`); it
    /// overrides whatever the documents say.
    pub dct: Option<NaiveDate>,
}

/// An input format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Plain text, read exactly; the first line is the title.
    Text,
    /// Markdown: read exactly like text, but `#` marks are taken off the title.
    Markdown,
    /// HTML: the visible text, the `<title>`, dates from `<meta>`/`<time>`.
    Html,
    /// One JSON object a line, each an article with a `text` field.
    JsonLines,
    /// TimeML: the character data of the `TEXT` element.
    TimeMl,
}

impl Format {
    /// The format a file extension (without the dot, any case) names, if any.
    pub fn from_extension(extension: &str) -> Option<Format> {
        let format = match extension.to_ascii_lowercase().as_str() {
            "txt" | "text" => Format::Text,
            "md" | "markdown" => Format::Markdown,
            "html" | "htm" | "xhtml" => Format::Html,
            "jsonl" | "ndjson" => Format::JsonLines,
            "tml" | "timeml" => Format::TimeMl,
            _ => return None,
        };
        Some(format)
    }

    /// The format of a path from its extension, plain text when unknown.
    pub fn of_path(path: &Path) -> Format {
        known_format(path).unwrap_or(Format::Text)
    }
}

fn known_format(path: &Path) -> Option<Format> {
    path.extension()
        .and_then(|extension| extension.to_str())
        .and_then(Format::from_extension)
}

/// Why a whole file (or stdin) was not read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ReadError {
    /// The path does not exist.
    #[error("no such file or directory")]
    NotFound,
    /// The file or directory may not be read.
    #[error("permission denied")]
    PermissionDenied,
    /// Any other I/O failure, with the system's message.
    #[error("cannot read: {0}")]
    Io(String),
    /// The bytes are not UTF-8; the offset of the first bad byte.
    #[error("not valid UTF-8 (byte {0})")]
    NotUtf8(usize),
    /// The file holds NUL bytes, or (for an unknown extension) is not text.
    #[error("binary file (contains NUL bytes or is not UTF-8 text)")]
    Binary,
    /// Nothing but white space.
    #[error("empty")]
    Empty,
    /// An HTML page with nothing a reader would see.
    #[error("no visible text")]
    NoVisibleText,
    /// A TimeML file without a `TEXT` element.
    #[error("no TEXT element")]
    NoTextElement,
}

impl From<io::Error> for ReadError {
    fn from(error: io::Error) -> Self {
        match error.kind() {
            io::ErrorKind::NotFound => ReadError::NotFound,
            io::ErrorKind::PermissionDenied => ReadError::PermissionDenied,
            _ => ReadError::Io(error.to_string()),
        }
    }
}

/// Reads every input in order: files, directories (recursively, sorted,
/// hidden entries skipped; unknown extensions read as text only if they are
/// UTF-8 without NUL bytes) and `-` for standard input (plain text, id
/// `stdin`). Ids are made unique in input order by appending `-2`, `-3` ...
pub fn read_inputs(inputs: &[String], options: &IngestOptions) -> Ingested {
    let mut ingested = Ingested::default();
    for input in inputs {
        if input == "-" {
            let mut bytes = Vec::new();
            match io::stdin().lock().read_to_end(&mut bytes) {
                Ok(_) => ingested.append(read_bytes(
                    "stdin",
                    "-",
                    &bytes,
                    Format::Text,
                    false,
                    options,
                )),
                Err(error) => ingested.skip(input, ReadError::from(error)),
            }
            continue;
        }
        let path = Path::new(input);
        match path.metadata() {
            Err(error) => ingested.skip(input, ReadError::from(error)),
            Ok(metadata) if metadata.is_dir() => {
                for file in walk::files(path) {
                    let file = match file {
                        Ok(file) => file,
                        Err(skipped) => {
                            ingested.skipped.push(skipped);
                            continue;
                        }
                    };
                    let format = known_format(&file);
                    let sniffed = format.is_none();
                    let source = file.to_string_lossy();
                    ingested.append(read_file(
                        &file,
                        &source,
                        format.unwrap_or(Format::Text),
                        sniffed,
                        options,
                    ));
                }
            }
            Ok(_) => ingested.append(read_file(
                path,
                input,
                Format::of_path(path),
                false,
                options,
            )),
        }
    }
    make_ids_unique(&mut ingested.documents);
    ingested
}

/// Every file below `directory` (recursively, sorted by path, hidden entries
/// left out), or why a path could not be listed: the folder walk that
/// [`read_inputs`] uses, for callers that read files their own way.
pub fn list_files(directory: &Path) -> Vec<Result<PathBuf, Skipped>> {
    walk::files(directory)
}

/// A TimeML file read for scoring: the document (its text and DCT, as
/// [`read_inputs`] would read it) and the `TIMEX3`s annotated in its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoldTimeMl {
    /// The document, tags removed.
    pub document: Document,
    /// The annotated time expressions, creation time left out.
    pub timexes: Vec<TextTimex>,
}

/// Reads one TimeML file with its `TIMEX3` annotations (see [`GoldTimeMl`]).
pub fn read_timeml_gold(path: &Path) -> Result<GoldTimeMl, ReadError> {
    let bytes = std::fs::read(path)?;
    let xml = decode(&bytes, false)?;
    let source = path.to_string_lossy();
    let document = timeml::read(&stem(path), &source, xml, &IngestOptions::default())?;
    let timexes = timeml::text_timexes(xml)?;
    Ok(GoldTimeMl { document, timexes })
}

/// Reads one file; whatever fails becomes a [`Skipped`] for `source`.
fn read_file(
    path: &Path,
    source: &str,
    format: Format,
    sniffed: bool,
    options: &IngestOptions,
) -> Ingested {
    match std::fs::read(path) {
        Ok(bytes) => read_bytes(&stem(path), source, &bytes, format, sniffed, options),
        Err(error) => {
            let mut ingested = Ingested::default();
            ingested.skip(source, ReadError::from(error));
            ingested
        }
    }
}

/// Decodes and reads the bytes of one source; a failure becomes a
/// [`Skipped`]. With `sniffed`, bytes that are not UTF-8 count as binary.
fn read_bytes(
    stem: &str,
    source: &str,
    bytes: &[u8],
    format: Format,
    sniffed: bool,
    options: &IngestOptions,
) -> Ingested {
    let result =
        decode(bytes, sniffed).and_then(|text| read_text(stem, source, text, format, options));
    result.unwrap_or_else(|error| {
        let mut ingested = Ingested::default();
        ingested.skip(source, error);
        ingested
    })
}

/// The text of a file's bytes, without a leading UTF-8 byte-order mark.
fn decode(bytes: &[u8], sniffed: bool) -> Result<&str, ReadError> {
    if bytes.contains(&0) {
        return Err(ReadError::Binary);
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(_) if sniffed => return Err(ReadError::Binary),
        Err(error) => return Err(ReadError::NotUtf8(error.valid_up_to())),
    };
    Ok(text.strip_prefix('\u{feff}').unwrap_or(text))
}

/// Reads the text of one source in `format`. Pure: for stdin and tests.
///
/// `id` is the document id (the file stem); a JSON-lines record uses its own
/// `id`, else `id-LINE`, and TimeML its `DOCID`. A leading byte-order mark
/// is removed. Fails when the whole source is unusable (empty, a TimeML file
/// without `TEXT`); a bad JSON line is reported in [`Ingested::skipped`].
pub fn read_text(
    id: &str,
    source: &str,
    text: &str,
    format: Format,
    options: &IngestOptions,
) -> Result<Ingested, ReadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ReadError::Empty);
    }
    let mut ingested = match format {
        Format::Text => single(text::read(id, source, text, false, options)),
        Format::Markdown => single(text::read(id, source, text, true, options)),
        Format::Html => single(html::read(id, source, text, options)?),
        Format::TimeMl => single(timeml::read(id, source, text, options)?),
        Format::JsonLines => jsonl::read(id, source, text, options),
    };
    make_ids_unique(&mut ingested.documents);
    Ok(ingested)
}

fn single(document: Document) -> Ingested {
    Ingested {
        documents: vec![document],
        skipped: Vec::new(),
    }
}

/// The file name without its extension (`document` if there is none).
fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .filter(|stem| !stem.is_empty())
        .unwrap_or_else(|| "document".to_string())
}

/// Makes ids unique in order: a repeated id gets `-2`, `-3` ... (the first
/// suffix not yet taken).
fn make_ids_unique(documents: &mut [Document]) {
    let mut taken = HashSet::new();
    for document in documents {
        if taken.insert(document.id.clone()) {
            continue;
        }
        let unique = (2..)
            .map(|n| format!("{}-{n}", document.id))
            .find(|candidate| !taken.contains(candidate))
            .unwrap_or_default();
        taken.insert(unique.clone());
        document.id = unique;
    }
}

#[cfg(test)]
mod tests;
