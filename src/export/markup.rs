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
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if allowed(c) => out.push(c),
            _ => {}
        }
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
    fn drops_characters_xml_forbids_and_keeps_the_rest() {
        assert_eq!(escape("a\u{0}b\u{1b}c\u{ffff}"), "abc");
        assert_eq!(escape("Café — ü"), "Café — ü");
    }
}
