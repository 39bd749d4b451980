//! TimeML (`.tml`): the character data of the `TEXT` element (tags removed,
//! entities decoded, nothing else changed), the `CREATION_TIME` as DCT, the
//! `TITLE` and the `DOCID`.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use crate::annotation::Span;
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
static ATTRIBUTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"([A-Za-z_:][-\w.:]*)\s*=\s*(?:"([^"]*)"|'([^']*)')"#).expect("valid regex")
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

/// A `TIMEX3` annotated inside the `TEXT` of a TimeML file (gold data).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextTimex {
    /// Byte span into the document text (the character data of `TEXT`, as
    /// [`read`] gives it), so it lines up with the tagger's spans.
    pub span: Span,
    /// `tid`, empty when missing.
    pub tid: String,
    /// `type` as written (`DATE`, `TIME`, `DURATION`, `SET`).
    pub kind: String,
    /// `value` as written.
    pub value: String,
    /// `mod`, when given.
    pub modifier: Option<String>,
}

/// The `TIMEX3` elements inside `TEXT`, in text order, with spans into the
/// text [`read`] returns. The document's creation time
/// (`functionInDocument="CREATION_TIME"`) is left out wherever it stands.
/// Fails like [`read`] when there is no `TEXT` element.
pub fn text_timexes(xml: &str) -> Result<Vec<TextTimex>, ReadError> {
    let content = text_element(xml).ok_or(ReadError::NoTextElement)?;
    let mut found = Vec::new();
    let mut open: Option<(TextTimex, bool)> = None;
    scan(content, |tag, offset| {
        if let Some(attributes) = tag.strip_prefix("<TIMEX3") {
            let attribute = |name: &str| attribute(attributes, name);
            let creation = attribute("functionInDocument").as_deref() == Some("CREATION_TIME");
            let timex = TextTimex {
                span: Span::new(offset, offset),
                tid: attribute("tid").unwrap_or_default(),
                kind: attribute("type").unwrap_or_default(),
                value: attribute("value").unwrap_or_default(),
                modifier: attribute("mod").filter(|m| !m.is_empty()),
            };
            if attributes.trim_end().ends_with('/') {
                if !creation {
                    found.push(timex);
                }
            } else {
                open = Some((timex, creation));
            }
        } else if tag.starts_with("</TIMEX3")
            && let Some((mut timex, creation)) = open.take()
        {
            timex.span.end = offset;
            if !creation {
                found.push(timex);
            }
        }
    });
    Ok(found)
}

/// The decoded value of attribute `name` in the inside of a start tag.
fn attribute(attributes: &str, name: &str) -> Option<String> {
    ATTRIBUTE.captures_iter(attributes).find_map(|caps| {
        (&caps[1] == name).then(|| {
            let value = caps
                .get(2)
                .or_else(|| caps.get(3))
                .map_or("", |m| m.as_str());
            character_data(value)
        })
    })
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
    scan(xml, |_, _| {})
}

/// [`character_data`], calling `on_tag(tag, offset)` for every tag met
/// (`<TIMEX3 tid="t1">`, `</TIMEX3>`) with the byte length of the character
/// data before it, which is where the tag sits in the text.
fn scan(xml: &str, mut on_tag: impl FnMut(&str, usize)) -> String {
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
            match rest.find('>') {
                Some(end) => {
                    on_tag(&rest[..=end], out.len());
                    rest = &rest[end + 1..];
                }
                None => rest = "",
            }
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
    fn text_timexes_point_into_the_text_without_the_creation_time() {
        let document = read("stem", "a.tml", FIXTURE, &IngestOptions::default()).unwrap();
        let timexes = text_timexes(FIXTURE).unwrap();
        assert_eq!(timexes.len(), 1);
        let t = &timexes[0];
        assert_eq!(t.span.text(&document.text), "Wednesday");
        assert_eq!((t.tid.as_str(), t.kind.as_str()), ("t1", "DATE"));
        assert_eq!(
            (t.value.as_str(), t.modifier.as_deref()),
            ("1998-01-07", None)
        );
        let xml = "<TimeML><TEXT>A&amp;B <TIMEX3 tid='t0' functionInDocument='CREATION_TIME' \
                   value='2000'>today</TIMEX3> and <TIMEX3 tid=\"t2\" type=\"DURATION\" \
                   value=\"P1D\" mod=\"LESS_THAN\">a day</TIMEX3></TEXT></TimeML>";
        let document = read("s", "s.tml", xml, &IngestOptions::default()).unwrap();
        let timexes = text_timexes(xml).unwrap();
        assert_eq!(timexes.len(), 1);
        assert_eq!(timexes[0].span.text(&document.text), "a day");
        assert_eq!(timexes[0].modifier.as_deref(), Some("LESS_THAN"));
        assert_eq!(text_timexes("<TimeML/>"), Err(ReadError::NoTextElement));
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
