//! TimeML 1.2 of one document with Chronograph's time expressions
//! (`chronograph annotate --format timeml`), for TempEval-3 tools.
//!
//! ```text
//! <?xml version="1.0" encoding="UTF-8"?>
//! <TimeML xmlns:xsi="..." xsi:noNamespaceSchemaLocation="...">
//! <DOCID>id</DOCID>
//! <DCT><TIMEX3 tid="t0" type="DATE" value="2018-02-14" temporalFunction="false" functionInDocument="CREATION_TIME">2018-02-14</TIMEX3></DCT>
//! <TEXT>the text, with <TIMEX3 tid="t1" type="DATE" value="2018-02-13" temporalFunction="true" functionInDocument="NONE" anchorTimeID="t0">yesterday</TIMEX3> tagged</TEXT>
//! </TimeML>
//! ```
//!
//! The character data of `TEXT` is the document text character for
//! character: `&`, `<` and `>` are escaped, and a carriage return is written
//! `&#13;` so that XML line-end handling does not turn it into a line feed.
//! Characters XML 1.0 cannot carry at all (control characters other than
//! tab, line feed and carriage return, U+FFFE, U+FFFF) become U+FFFD.
//! Expressions are numbered `t1`, `t2` ... in text order; a relative one
//! (`temporalFunction="true"`) is anchored to the DCT `t0` when there is one.
//! Without a DCT the `DCT` element is left out.

use super::markup::escape_text as escape;
use crate::annotation::Timex;
use crate::document::Document;

/// Where TimeBank files point for their schema.
const SCHEMA_LOCATION: &str = "http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd";

/// The document as TimeML 1.2 with `timexes` (in text order, not
/// overlapping, byte spans into `document.text`) tagged inside `TEXT`.
pub fn to_timeml(document: &Document, timexes: &[Timex]) -> String {
    let text = document.text.as_str();
    let mut out = String::with_capacity(text.len() + 200 * timexes.len() + 400);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&format!(
        "<TimeML xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:noNamespaceSchemaLocation=\"{SCHEMA_LOCATION}\">\n"
    ));
    out.push_str(&format!("<DOCID>{}</DOCID>\n", escape(&document.id)));
    if let Some(dct) = document.dct {
        let value = dct.format("%Y-%m-%d").to_string();
        out.push_str(&format!(
            "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"{value}\" temporalFunction=\"false\" \
             functionInDocument=\"CREATION_TIME\">{value}</TIMEX3></DCT>\n"
        ));
    }
    out.push_str("<TEXT>");
    let mut at = 0;
    for (n, timex) in timexes.iter().enumerate() {
        let span = timex.span;
        if span.start < at || span.end > text.len() || span.is_empty() {
            continue;
        }
        out.push_str(&escape(&text[at..span.start]));
        out.push_str(&open_tag(n + 1, timex, document.dct.is_some()));
        out.push_str(&escape(&text[span.start..span.end]));
        out.push_str("</TIMEX3>");
        at = span.end;
    }
    out.push_str(&escape(&text[at..]));
    out.push_str("</TEXT>\n</TimeML>\n");
    out
}

/// `<TIMEX3 tid="tN" ...>` for one expression.
fn open_tag(number: usize, timex: &Timex, has_dct: bool) -> String {
    let mut tag = format!(
        "<TIMEX3 tid=\"t{number}\" type=\"{}\" value=\"{}\" temporalFunction=\"{}\" \
         functionInDocument=\"NONE\"",
        timex.kind.as_str(),
        escape(&timex.value),
        timex.relative
    );
    if let Some(modifier) = &timex.modifier {
        tag.push_str(&format!(" mod=\"{}\"", escape(modifier)));
    }
    if let Some(quant) = &timex.quant {
        tag.push_str(&format!(" quant=\"{}\"", escape(quant)));
    }
    if let Some(freq) = &timex.freq {
        tag.push_str(&format!(" freq=\"{}\"", escape(freq)));
    }
    if timex.relative && has_dct {
        tag.push_str(" anchorTimeID=\"t0\"");
    }
    tag.push('>');
    tag
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::annotation::{Span, TimexType};

    fn timex(start: usize, end: usize, value: &str, relative: bool) -> Timex {
        Timex {
            span: Span::new(start, end),
            kind: TimexType::Date,
            value: value.to_string(),
            modifier: None,
            quant: None,
            freq: None,
            relative,
            sentence: 0,
        }
    }

    #[test]
    fn tags_expressions_in_text_order_and_anchors_relative_ones() {
        let mut document = Document::from_text(
            "a&b".to_string(),
            "Q&A: <b> 2018 and yesterday.".to_string(),
        );
        document.dct = NaiveDate::from_ymd_opt(2023, 1, 24);
        let mut early = timex(9, 13, "2018", false);
        early.modifier = Some("START".to_string());
        let timexes = [early, timex(18, 27, "2023-01-23", true)];
        let xml = to_timeml(&document, &timexes);
        assert!(xml.contains("<DOCID>a&amp;b</DOCID>"), "{xml}");
        assert!(xml.contains(
            "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2023-01-24\" temporalFunction=\"false\" \
             functionInDocument=\"CREATION_TIME\">2023-01-24</TIMEX3></DCT>"
        ));
        assert!(xml.contains(
            "<TEXT>Q&amp;A: &lt;b&gt; <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2018\" \
             temporalFunction=\"false\" functionInDocument=\"NONE\" mod=\"START\">2018</TIMEX3> and \
             <TIMEX3 tid=\"t2\" type=\"DATE\" value=\"2023-01-23\" temporalFunction=\"true\" \
             functionInDocument=\"NONE\" anchorTimeID=\"t0\">yesterday</TIMEX3>.</TEXT>"
        ), "{xml}");
    }

    #[test]
    fn without_dct_there_is_no_dct_element_and_no_anchor() {
        let document = Document::from_text("d".to_string(), "yesterday".to_string());
        let xml = to_timeml(&document, &[timex(0, 9, "PAST_REF", true)]);
        assert!(!xml.contains("<DCT>"));
        assert!(!xml.contains("anchorTimeID"));
        assert!(xml.contains("temporalFunction=\"true\""));
    }
}
