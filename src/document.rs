//! A document as read: its text, metadata and publication date (DCT).

use chrono::NaiveDate;
use serde::Serialize;

/// Where a document's creation time (publication date) came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DctSource {
    /// Given on the command line (`--dct`).
    Option,
    /// A `date` field of a JSON-lines record or a TimeML `CREATION_TIME`.
    Metadata,
    /// A leading `date 2023-01-24` header line.
    Header,
    /// A `Published: January 24, 2023` style dateline near the top.
    Dateline,
}

/// One article: its identity, metadata, and text exactly as read
/// (after markup is stripped, if any).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Document {
    /// Stable identifier: the file stem, a JSON-lines record's `id` (else
    /// `stem-LINE`), a TimeML `DOCID`, or `stdin`; unique within a run.
    pub id: String,
    /// The path it was read from (`-` for stdin).
    pub source: String,
    /// Title, when the format gives one (HTML `<title>`, JSONL `title`, or the
    /// first heading-like line of plain text).
    pub title: Option<String>,
    /// URL, when the format gives one.
    pub url: Option<String>,
    /// Publication date (document creation time), if known.
    pub dct: Option<NaiveDate>,
    /// Where the DCT came from, if known.
    pub dct_source: Option<DctSource>,
    /// The text the annotation layers point into.
    pub text: String,
}

impl Document {
    /// A document from plain text with no metadata (used by tests and stdin).
    pub fn from_text(id: impl Into<String>, text: impl Into<String>) -> Self {
        let id = id.into();
        Self {
            source: id.clone(),
            id,
            title: None,
            url: None,
            dct: None,
            dct_source: None,
            text: text.into(),
        }
    }

    /// Sets the DCT (builder style).
    pub fn with_dct(mut self, dct: NaiveDate, source: DctSource) -> Self {
        self.dct = Some(dct);
        self.dct_source = Some(source);
        self
    }
}
