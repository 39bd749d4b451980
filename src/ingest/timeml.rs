//! TimeML (`.tml`): the character data of the `TEXT` element (tags removed,
//! entities decoded, nothing else changed), the `CREATION_TIME` as DCT, the
//! `TITLE` and the `DOCID`.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use crate::document::Document;

use super::{IngestOptions, ReadError, dct};

static TEXT_OPEN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"<TEXT(?:\s[^>]*)?>").expect("valid regex"));
static TEXT_CLOSE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"</TEXT\s*>").expect("valid regex"));
static DOCID: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?s)<DOCID(?:\s[^>]*)?>(.*?)</DOCID\s*>").expect("valid regex"));
static TITLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?s)<TITLE(?:\s[^>]*)?>(.*?)</TITLE\s*>").expect("valid regex"));
static TIMEX3_TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"<TIMEX3\s[^>]*>").expect("valid regex"));
static CREATION_TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"\sfunctionInDocument\s*=\s*["']CREATION_TIME["']"#).expect("valid regex")
});
static VALUE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"\svalue\s*=\s*(?:"([^"]*)"|'([^']*)')"#).expect("valid regex"));

/// Reads a TimeML document. `stem` is the id when there is no `DOCID`.
pub(crate) fn read(
    stem: &str,
    source: &str,
    xml: &str,
    options: &IngestOptions,
) -> Result<Document, ReadError> {
    let text = character_data(text_element(xml).ok_or(ReadError::NoTextElement)?);
    if text.trim().is_empty() {
        return Err(ReadError::Empty);
    }
    let id = DOCID
        .captures(xml)
        .map(|caps| collapse(&character_data(&caps[1])))
        .filter(|id| !id.is_empty())
        .unwrap_or_else(|| stem.to_string());
    let mut document = Document::from_text(id, text);
    document.source = source.to_string();
    document.title = TITLE
        .captures(xml)
        .map(|caps| collapse(&character_data(&caps[1])))
        .filter(|title| !title.is_empty());
    if let Some((date, from)) = dct::resolve(options, creation_time(xml), &document.text) {
        document = document.with_dct(date, from);
    }
    Ok(document)
}

/// The raw content of the `TEXT` element (between its tags).
fn text_element(xml: &str) -> Option<&str> {
    let open = TEXT_OPEN.find(xml)?;
    let close = TEXT_CLOSE.find_at(xml, open.end())?;
    Some(&xml[open.end()..close.start()])
}

/// The date part of the `value` of the `TIMEX3` marked `CREATION_TIME`.
fn creation_time(xml: &str) -> Option<NaiveDate> {
    TIMEX3_TAG
        .find_iter(xml)
        .map(|tag| tag.as_str())
        .filter(|tag| CREATION_TIME.is_match(tag))
        .find_map(|tag| {
            let caps = VALUE.captures(tag)?;
            let value = caps.get(1).or_else(|| caps.get(2))?.as_str();
            dct::parse_date_value(value)
        })
}

/// XML character data: tags, comments and processing instructions removed,
/// CDATA sections kept as they are, entity and character references decoded.
/// Everything else, white space included, is kept exactly.
fn character_data(xml: &str) -> String {
    let mut out = String::with_capacity(xml.len());
    let mut rest = xml;
    while let Some(i) = rest.find(['<', '&']) {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        if let Some(after) = rest.strip_prefix("<![CDATA[") {
            let end = after.find("]]>").unwrap_or(after.len());
            out.push_str(&after[..end]);
            rest = after.get(end + 3..).unwrap_or("");
        } else if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |end| &after[end + 3..]);
        } else if rest.starts_with('<') {
            rest = rest.find('>').map_or("", |end| &rest[end + 1..]);
        } else {
            match decode_reference(rest) {
                Some((decoded, length)) => {
                    out.push(decoded);
                    rest = &rest[length..];
                }
                None => {
                    out.push('&');
                    rest = &rest[1..];
                }
            }
        }
    }
    out.push_str(rest);
    out
}

/// Decodes the reference at the start of `s` (`&amp;`, `&#8217;`, `&#x2019;`),
/// giving the character and the length of the reference.
fn decode_reference(s: &str) -> Option<(char, usize)> {
    let end = s.bytes().take(12).position(|byte| byte == b';')?;
    let name = &s[1..end];
    let decoded = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        _ => {
            let number = name.strip_prefix('#')?;
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse().ok()?,
            };
            char::from_u32(code)?
        }
    };
    Some((decoded, end + 1))
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::DctSource;

    const FIXTURE: &str = r#"<?xml version="1.0" ?>
<TimeML>
<DOCID>wsj_0001</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08T10:00" temporalFunction="false" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
<TITLE>Markets &amp; money</TITLE>
<TEXT>
Stocks <EVENT eid="e1" class="OCCURRENCE">fell</EVENT> on <TIMEX3 tid="t1" type="DATE" value="1998-01-07" functionInDocument="NONE">Wednesday</TIMEX3>, AT&amp;T said &lt;again&gt;.
<!-- a note -->Caf&#233; &#x2019;98.
</TEXT>
<TLINK lid="l1" relType="BEFORE" eventInstanceID="ei1" relatedToTime="t0" />
</TimeML>
"#;

    #[test]
    fn text_is_the_character_data_of_text() {
        let document = read("stem", "a.tml", FIXTURE, &IngestOptions::default()).unwrap();
        assert_eq!(
            document.text,
            "\nStocks fell on Wednesday, AT&T said <again>.\nCaf\u{e9} \u{2019}98.\n"
        );
        assert_eq!(document.id, "wsj_0001");
        assert_eq!(document.source, "a.tml");
        assert_eq!(document.title.as_deref(), Some("Markets & money"));
        assert_eq!(document.dct, NaiveDate::from_ymd_opt(1998, 1, 8));
        assert_eq!(document.dct_source, Some(DctSource::Metadata));
    }

    #[test]
    fn offsets_of_annotated_spans_point_into_the_text() {
        // The character data before each tag is the prefix of the text, so an
        // annotation's offset is the length of the character data before it.
        let text_content = text_element(FIXTURE).unwrap();
        let document = read("stem", "a.tml", FIXTURE, &IngestOptions::default()).unwrap();
        // Checked by hand: "\nStocks " is 8 bytes, "fell on " 8 more.
        assert_eq!(&document.text[8..12], "fell");
        assert_eq!(&document.text[16..25], "Wednesday");
        for (tag, word) in [("<EVENT ", "fell"), ("<TIMEX3 ", "Wednesday")] {
            let at = text_content.find(tag).unwrap();
            let start = character_data(&text_content[..at]).len();
            assert_eq!(&document.text[start..start + word.len()], word);
        }
    }

    #[test]
    fn without_docid_the_stem_is_the_id_and_without_title_none() {
        let xml = "<TimeML><TEXT>Hello.</TEXT></TimeML>";
        let document = read("stem", "s.tml", xml, &IngestOptions::default()).unwrap();
        assert_eq!(document.id, "stem");
        assert_eq!(document.title, None);
        assert_eq!(document.dct, None);
    }

    #[test]
    fn missing_text_element_is_an_error() {
        let xml = "<TimeML><DOCID>x</DOCID></TimeML>";
        assert_eq!(
            read("s", "s.tml", xml, &IngestOptions::default()),
            Err(ReadError::NoTextElement)
        );
        let unclosed = "<TimeML><TEXT>Hello.</TimeML>";
        assert_eq!(
            read("s", "s.tml", unclosed, &IngestOptions::default()),
            Err(ReadError::NoTextElement)
        );
    }

    #[test]
    fn unknown_entities_and_stray_ampersands_are_kept() {
        assert_eq!(character_data("a & b &foo; &#xZZ;"), "a & b &foo; &#xZZ;");
    }
}
