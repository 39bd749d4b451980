//! Plain text and Markdown: the text exactly as read, a title from the first
//! line, and a DCT from a header line or a dateline.

use crate::document::Document;

use super::{IngestOptions, dct};

/// Reads a plain-text (or, with `markdown`, Markdown) article. The text is
/// kept exactly; only the title has its Markdown heading marks removed.
pub(crate) fn read(
    id: &str,
    source: &str,
    text: &str,
    markdown: bool,
    options: &IngestOptions,
) -> Document {
    let mut document = Document::from_text(id, text);
    document.source = source.to_string();
    document.title = title(text, markdown);
    if let Some((date, from)) = dct::resolve(options, None, text) {
        document = document.with_dct(date, from);
    }
    document
}

/// The first non-empty line, trimmed, skipping a leading
/// `date YYYY-MM-DD ...` header line; for Markdown without its `#` marks.
pub(crate) fn title(text: &str, markdown: bool) -> Option<String> {
    let body = match dct::header_line(text) {
        Some(header) => &text[header.end..],
        None => text,
    };
    let line = body.lines().map(str::trim).find(|line| !line.is_empty())?;
    let line = if markdown {
        strip_heading_marks(line)
    } else {
        line
    };
    (!line.is_empty()).then(|| line.to_string())
}

/// `## Title ##` → `Title`; a line without marks is returned as it is.
fn strip_heading_marks(line: &str) -> &str {
    let without = line.trim_start_matches('#');
    let marks = line.len() - without.len();
    if marks == 0 || marks > 6 || !without.starts_with([' ', '\t']) {
        return line;
    }
    without.trim().trim_end_matches('#').trim_end()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::DctSource;
    use chrono::NaiveDate;

    #[test]
    fn title_is_the_first_non_empty_line() {
        assert_eq!(
            title("\n\n  Storm hits coast  \nBody.", false).as_deref(),
            Some("Storm hits coast")
        );
        assert_eq!(title(" \n\t\n", false), None);
    }

    #[test]
    fn header_line_is_skipped_for_the_title() {
        let text = "  date 2023-01-24 example.com > World > Europe\n\nStorm hits coast\nBody.";
        assert_eq!(title(text, false).as_deref(), Some("Storm hits coast"));
    }

    #[test]
    fn markdown_heading_marks_leave_the_title_only() {
        let text = "# Storm hits coast\n\nBody with # sign.";
        assert_eq!(title(text, true).as_deref(), Some("Storm hits coast"));
        assert_eq!(title(text, false).as_deref(), Some("# Storm hits coast"));
        assert_eq!(title("## Two ##\n", true).as_deref(), Some("Two"));
        assert_eq!(title("#hashtag\n", true).as_deref(), Some("#hashtag"));
    }

    #[test]
    fn text_is_kept_exactly_and_header_gives_the_dct() {
        let text = "date 2023-01-24 site\r\nStorm hits coast\r\n\r\nBody.  \n";
        let document = read("a", "in/a.txt", text, false, &IngestOptions::default());
        assert_eq!(document.text, text);
        assert_eq!(document.id, "a");
        assert_eq!(document.source, "in/a.txt");
        assert_eq!(document.title.as_deref(), Some("Storm hits coast"));
        assert_eq!(document.dct, NaiveDate::from_ymd_opt(2023, 1, 24));
        assert_eq!(document.dct_source, Some(DctSource::Header));
    }
}
