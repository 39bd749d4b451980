//! Reading the word lists in `data/lexicon/`, which are compiled into the binary.
//!
//! Format shared by every list: one entry a line, `#` starts a comment, blank
//! lines are skipped, and a `[name]` line starts a section.

/// Iterates the entries of a list, as `(section, entry)`, with the section
/// empty before the first `[name]` line. Entries are trimmed.
pub fn entries(source: &str) -> impl Iterator<Item = (&str, &str)> {
    let mut section = "";
    source.lines().filter_map(move |line| {
        let line = match line.find('#') {
            Some(i) => &line[..i],
            None => line,
        }
        .trim();
        if line.is_empty() {
            return None;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = name.trim();
            return None;
        }
        Some((section, line))
    })
}

/// Splits a `key<TAB or |>value` entry into its two trimmed halves.
pub fn pair(entry: &str) -> Option<(&str, &str)> {
    let (key, value) = entry.split_once(['\t', '|'])?;
    Some((key.trim(), value.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_skip_comments_and_track_sections() {
        let src = "# head\na\n[x]\nb # note\n\n[y]\nc|d\n";
        let got: Vec<_> = entries(src).collect();
        assert_eq!(got, vec![("", "a"), ("x", "b"), ("y", "c|d")]);
        assert_eq!(pair("c|d"), Some(("c", "d")));
        assert_eq!(pair("cd"), None);
    }
}
