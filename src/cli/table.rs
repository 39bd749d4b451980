//! Plain-text tables for the terminal, and the format choice they share.

use std::io::{self, Write};

/// Output formats of the listing subcommands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum TableFormat {
    /// Aligned columns for reading in a terminal.
    Table,
    /// CSV with a header row (formula-like cells neutralised).
    Csv,
    /// A JSON array.
    Json,
}

/// Widest a column may be before its cells are cut with "…".
const MAX_WIDTH: usize = 60;

/// A table of text cells with a header.
pub struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Table {
    /// An empty table with these column names.
    pub fn new(header: &[&str]) -> Self {
        Self {
            header: header.iter().map(|h| h.to_string()).collect(),
            rows: Vec::new(),
        }
    }

    /// Adds a row (one cell per column).
    pub fn push(&mut self, row: Vec<String>) {
        self.rows.push(row);
    }

    /// Writes the table with columns padded to their widest cell.
    pub fn write(&self, out: &mut impl Write) -> io::Result<()> {
        let cells = |row: &[String]| -> Vec<String> { row.iter().map(|c| fit(c)).collect() };
        let all: Vec<Vec<String>> = std::iter::once(cells(&self.header))
            .chain(self.rows.iter().map(|r| cells(r)))
            .collect();
        let widths: Vec<usize> = (0..self.header.len())
            .map(|i| {
                all.iter()
                    .map(|r| r.get(i).map_or(0, |c| c.chars().count()))
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        for row in &all {
            let mut line = String::new();
            for (i, cell) in row.iter().enumerate() {
                if i + 1 == row.len() {
                    line.push_str(cell);
                } else {
                    let pad = widths[i] - cell.chars().count();
                    line.push_str(cell);
                    line.extend(std::iter::repeat_n(' ', pad + 2));
                }
            }
            writeln!(out, "{}", line.trim_end())?;
        }
        Ok(())
    }
}

/// One line, at most [`MAX_WIDTH`] characters.
fn fit(cell: &str) -> String {
    let one_line: String = cell.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= MAX_WIDTH {
        one_line
    } else {
        let cut: String = one_line.chars().take(MAX_WIDTH - 1).collect();
        format!("{cut}…")
    }
}
