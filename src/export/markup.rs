//! Escaping text for XML (GraphML, GEXF, SVG) and HTML.

/// Escapes `text` for XML or HTML content and attribute values: `&`, `<`,
/// `>`, `"` and `'` become entities, tab and line breaks become character
/// references (so attribute values keep them), and control characters XML
/// 1.0 forbids are dropped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    escape_into(&mut out, text);
    out
}

/// [`escape`], appending to `out`.
pub fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match (reference(c), c) {
            (Some(escaped), _) => out.push_str(escaped),
            (None, '\t') => out.push_str("&#9;"),
            (None, '\n') => out.push_str("&#10;"),
            (None, c) if allowed(c) => out.push(c),
            _ => {}
        }
    }
}

/// Escapes `text` for XML character data that must keep the text character
/// for character (TimeML's `TEXT`, whose offsets count characters): as
/// [`escape`], but tab and line feed stay as they are and characters XML 1.0
/// forbids become U+FFFD, one for one.
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match (reference(c), c) {
            (Some(escaped), _) => out.push_str(escaped),
            (None, c) if c == '\t' || c == '\n' || allowed(c) => out.push(c),
            _ => out.push('\u{fffd}'),
        }
    }
    out
}

/// The entity or character reference for a character that markup or
/// quoting needs escaped (a carriage return too: XML line-end handling would
/// turn it into a line feed).
fn reference(c: char) -> Option<&'static str> {
    match c {
        '&' => Some("&amp;"),
        '<' => Some("&lt;"),
        '>' => Some("&gt;"),
        '"' => Some("&quot;"),
        '\'' => Some("&#39;"),
        '\r' => Some("&#13;"),
        _ => None,
    }
}

/// True for the characters XML 1.0 allows (tab and line breaks aside).
fn allowed(c: char) -> bool {
    !matches!(c, '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_quotes_and_line_breaks() {
        assert_eq!(
            escape(r#"<a href="x">Tom & 'Jerry'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;"
        );
        assert_eq!(escape("one\ntwo\r\tthree"), "one&#10;two&#13;&#9;three");
    }

    #[test]
    fn text_escape_keeps_line_breaks_and_the_character_count() {
        assert_eq!(
            escape_text("a<b> & \"c\" 'd'\r\n\te\u{1}"),
            "a&lt;b&gt; &amp; &quot;c&quot; &#39;d&#39;&#13;\n\te\u{fffd}"
        );
    }

    #[test]
    fn drops_characters_xml_forbids_and_keeps_the_rest() {
        assert_eq!(escape("a\u{0}b\u{1b}c\u{ffff}"), "abc");
        assert_eq!(escape("Café — ü"), "Café — ü");
    }
}
