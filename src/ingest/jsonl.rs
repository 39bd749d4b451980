//! JSON lines: one article an object, `{"text": ..., "id", "title", "date", "url"}`.
//! A malformed line is reported and the others are read.

use serde_json::{Map, Value};

use crate::document::Document;

use super::{IngestOptions, Ingested, Skipped, dct, text};

/// Reads every line of a JSON-lines file. Blank lines are skipped silently;
/// a malformed line becomes a [`Skipped`] named `source:LINE` (1-based).
/// A record's id is its `id` field, else `stem-LINE`.
pub(crate) fn read(stem: &str, source: &str, content: &str, options: &IngestOptions) -> Ingested {
    let mut ingested = Ingested::default();
    for (index, line) in content.split('\n').enumerate() {
        let number = index + 1;
        if line.trim().is_empty() {
            continue;
        }
        match record(line, stem, number, source, options) {
            Ok(document) => ingested.documents.push(document),
            Err(reason) => ingested.skipped.push(Skipped {
                path: format!("{source}:{number}"),
                reason,
            }),
        }
    }
    ingested
}

/// One record as a document, or why it is not one.
fn record(
    line: &str,
    stem: &str,
    number: usize,
    source: &str,
    options: &IngestOptions,
) -> Result<Document, String> {
    let value: Value =
        serde_json::from_str(line).map_err(|error| format!("malformed JSON: {error}"))?;
    let Value::Object(fields) = value else {
        return Err("not a JSON object".to_string());
    };
    let body = match fields.get("text") {
        Some(Value::String(body)) => body,
        Some(_) => return Err("field \"text\" is not a string".to_string()),
        None => return Err("missing field \"text\"".to_string()),
    };
    if body.trim().is_empty() {
        return Err("empty text".to_string());
    }
    let id = match fields.get("id") {
        Some(Value::String(id)) if !id.trim().is_empty() => id.trim().to_string(),
        Some(Value::Number(id)) => id.to_string(),
        _ => format!("{stem}-{number}"),
    };
    let mut document = Document::from_text(id, body.as_str());
    document.source = source.to_string();
    document.title = string_field(&fields, "title").or_else(|| text::title(body, false));
    document.url = string_field(&fields, "url");
    let date = string_field(&fields, "date").and_then(|date| dct::parse_date_value(&date));
    if let Some((date, from)) = dct::resolve(options, date, body) {
        document = document.with_dct(date, from);
    }
    Ok(document)
}

/// A non-empty string field, trimmed.
fn string_field(fields: &Map<String, Value>, name: &str) -> Option<String> {
    let value = fields.get(name)?.as_str()?.trim();
    (!value.is_empty()).then(|| value.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::DctSource;
    use chrono::NaiveDate;

    #[test]
    fn good_records_with_and_without_fields() {
        let content = concat!(
            r#"{"id": "a1", "title": "Storm", "date": "2023-01-24T10:00:00Z", "url": "http://x/a", "text": "Storm hits.\n\nMore."}"#,
            "\n\n",
            r#"{"text": "Headline line\nPublished: March 3, 2021\n\nBody."}"#,
            "\n",
        );
        let ingested = read("news", "in/news.jsonl", content, &IngestOptions::default());
        assert!(ingested.skipped.is_empty(), "{:?}", ingested.skipped);
        let [first, second] = &ingested.documents[..] else {
            panic!("two documents expected: {:?}", ingested.documents);
        };
        assert_eq!(first.id, "a1");
        assert_eq!(first.source, "in/news.jsonl");
        assert_eq!(first.title.as_deref(), Some("Storm"));
        assert_eq!(first.url.as_deref(), Some("http://x/a"));
        assert_eq!(first.text, "Storm hits.\n\nMore.");
        assert_eq!(first.dct, NaiveDate::from_ymd_opt(2023, 1, 24));
        assert_eq!(first.dct_source, Some(DctSource::Metadata));
        assert_eq!(second.id, "news-3");
        assert_eq!(second.title.as_deref(), Some("Headline line"));
        assert_eq!(second.dct, NaiveDate::from_ymd_opt(2021, 3, 3));
        assert_eq!(second.dct_source, Some(DctSource::Dateline));
    }

    #[test]
    fn malformed_lines_are_reported_with_their_line_numbers() {
        let content = [
            r#"{"text": "Good one."}"#,
            r#"{"text": "broken"#,
            r#"["not", "an", "object"]"#,
            r#"{"title": "no text"}"#,
            r#"{"text": 42}"#,
            r#"{"text": "   "}"#,
            "",
            r#"{"id": 7, "text": "Good two."}"#,
        ]
        .join("\n");
        let ingested = read("f", "data/f.jsonl", &content, &IngestOptions::default());
        let ids: Vec<_> = ingested.documents.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["f-1", "7"]);
        let skipped: Vec<_> = ingested
            .skipped
            .iter()
            .map(|s| (s.path.as_str(), s.reason.as_str()))
            .collect();
        assert_eq!(skipped.len(), 5);
        assert_eq!(skipped[0].0, "data/f.jsonl:2");
        assert!(
            skipped[0].1.starts_with("malformed JSON"),
            "{}",
            skipped[0].1
        );
        assert_eq!(skipped[1], ("data/f.jsonl:3", "not a JSON object"));
        assert_eq!(skipped[2], ("data/f.jsonl:4", "missing field \"text\""));
        assert_eq!(
            skipped[3],
            ("data/f.jsonl:5", "field \"text\" is not a string")
        );
        assert_eq!(skipped[4], ("data/f.jsonl:6", "empty text"));
    }

    #[test]
    fn crlf_line_endings_are_accepted() {
        let content = "{\"text\": \"One.\"}\r\n{\"text\": \"Two.\"}\r\n";
        let ingested = read("f", "f.jsonl", content, &IngestOptions::default());
        assert_eq!(ingested.documents.len(), 2);
        assert!(ingested.skipped.is_empty());
    }
}
