//! Reading and writing CoNLL column files: one token a line with its
//! columns separated by white space (the word first, the gold label last),
//! a blank line after each sentence, and `-DOCSTART-` lines between
//! documents. Writing what was read gives the same text back for files in
//! that canonical form.

use std::fmt::Write as _;

/// One sentence: for each token, its columns.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sentence {
    /// The columns of each token, the word first.
    pub rows: Vec<Vec<String>>,
}

impl Sentence {
    /// The words (first column).
    pub fn words(&self) -> Vec<&str> {
        self.rows
            .iter()
            .map(|r| r.first().map_or("", String::as_str))
            .collect()
    }

    /// The column `from_end` places before the last (0 = the last column),
    /// for every token; `None` when a row has too few columns (a word alone
    /// has no label).
    pub fn column_from_end(&self, from_end: usize) -> Option<Vec<&str>> {
        self.rows
            .iter()
            .map(|r| {
                let n = r.len();
                (n >= 2 + from_end).then(|| r[n - 1 - from_end].as_str())
            })
            .collect()
    }
}

/// One document: the `-DOCSTART-` line that opened it (if any) and its
/// sentences.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Document {
    /// The `-DOCSTART-` line as written, or `None` for text before the first.
    pub header: Option<String>,
    /// The sentences.
    pub sentences: Vec<Sentence>,
}

/// Why a CoNLL text could not be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("line {line}: {reason}")]
pub struct ConllError {
    /// The 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub reason: String,
}

/// Reads a CoNLL text into documents. Every token of a sentence must have
/// the same number of columns.
pub fn read(text: &str) -> Result<Vec<Document>, ConllError> {
    let mut docs: Vec<Document> = Vec::new();
    let mut current = Document::default();
    let mut sentence = Sentence::default();
    let mut width = 0;
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !sentence.rows.is_empty() {
                current.sentences.push(std::mem::take(&mut sentence));
            }
            continue;
        }
        if line.starts_with("-DOCSTART-") {
            if !sentence.rows.is_empty() {
                current.sentences.push(std::mem::take(&mut sentence));
            }
            if current.header.is_some() || !current.sentences.is_empty() {
                docs.push(std::mem::take(&mut current));
            }
            current.header = Some(line.to_string());
            continue;
        }
        let row: Vec<String> = line.split_whitespace().map(str::to_string).collect();
        if sentence.rows.is_empty() {
            width = row.len();
        } else if row.len() != width {
            return Err(ConllError {
                line: n + 1,
                reason: format!(
                    "{} columns where the sentence's first token has {width}",
                    row.len()
                ),
            });
        }
        sentence.rows.push(row);
    }
    if !sentence.rows.is_empty() {
        current.sentences.push(sentence);
    }
    if current.header.is_some() || !current.sentences.is_empty() {
        docs.push(current);
    }
    Ok(docs)
}

/// Writes documents in the canonical form: the header line and a blank line,
/// then each sentence's rows (columns joined by one space) and a blank line.
pub fn write(docs: &[Document]) -> String {
    let mut out = String::new();
    for doc in docs {
        if let Some(header) = &doc.header {
            let _ = writeln!(out, "{header}\n");
        }
        for sentence in &doc.sentences {
            for row in &sentence.rows {
                out.push_str(&row.join(" "));
                out.push('\n');
            }
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "-DOCSTART- -X- O O\n\nEU NNP B-ORG\nrejects VBZ O\n\nPeter NNP B-PER\nBlackburn NNP I-PER\n\n-DOCSTART- -X- O O\n\nBRUSSELS NNP B-LOC\n\n";

    #[test]
    fn round_trip() {
        let docs = read(SAMPLE).unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].sentences.len(), 2);
        assert_eq!(docs[0].sentences[1].words(), ["Peter", "Blackburn"]);
        assert_eq!(
            docs[0].sentences[1].column_from_end(0).unwrap(),
            ["B-PER", "I-PER"]
        );
        assert_eq!(write(&docs), SAMPLE);
    }

    #[test]
    fn ragged_rows_are_an_error_with_the_line() {
        let err = read("a B-PER\nb\n").unwrap_err();
        assert_eq!(err.line, 2);
    }

    #[test]
    fn text_without_docstart_is_one_document() {
        let docs = read("a O\n\n\n\nb O\n").unwrap();
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].header, None);
        assert_eq!(docs[0].sentences.len(), 2);
        assert_eq!(docs[0].sentences[0].column_from_end(1), None);
    }
}
