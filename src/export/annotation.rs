//! The stand-off JSON of one annotated document (`chronograph annotate`).
//!
//! Every `start`/`end` is a Unicode code-point offset into `text`, so
//! Python's `text[start:end]` returns the item. Indexes (`entity`,
//! `subject`, `object`, `place`, `timex`, `sentence`) point into the arrays of
//! the same object, 0-based. Tokens are left out to keep it small.
//!
//! ```text
//! { "id": "a", "source": "a.txt", "title": "..." | null, "url": "..." | null,
//!   "dct": "2018-05-01" | null,
//!   "text": "...",
//!   "sentences": [ { "start": 0, "end": 82 } ],
//!   "timexes":   [ { "start", "end", "text", "type": "DATE" | "TIME" | "DURATION" | "SET",
//!                    "value": "2018-02", "mod"?: "APPROX", "quant"?: "EVERY", "freq"?: "2X",
//!                    "relative": false, "sentence": 0 } ],
//!   "mentions":  [ { "start", "end", "text",
//!                    "type": "PERSON" | "ORGANIZATION" | "LOCATION" | "MISC",
//!                    "entity": 0, "sentence": 0, "derived": false } ],
//!   "entities":  [ { "id": 0, "name", "type", "aliases": [...], "mentions": [0, 3] } ],
//!   "events":    [ { "start", "end", "trigger", "lemma", "type", "sentence",
//!                    "date": { "value", "source": "stated" | "inherited" | "dct",
//!                              "timex": 0 | null } | null,
//!                    "participants": [ { "entity": 0, "role": "agent" | "target" | "other" } ],
//!                    "place": 3 | null,
//!                    "certainty": "asserted" | "hedged" | "negated" | "future" } ],
//!   "relations": [ { "type": "holds_role", "start", "end", "text", "sentence",
//!                    "subject": 0, "object": 1 | null, "title": "director",
//!                    "valid_from": "2017-01" | null, "valid_until": "2018-04" | null,
//!                    "former": true } ] }
//! ```
//!
//! A relation's `start`/`end` are, like every other item's, the code points
//! of the phrase that states it; the period of the role is `valid_from` /
//! `valid_until` (TIMEX3 values).

use serde::Serialize;
use serde_json::Value;

use crate::annotation::{Annotated, CharIndex, DateSource, Span};
use crate::document::Document;

#[derive(Serialize)]
struct Range {
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct TimexOut<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    value: &'a str,
    #[serde(rename = "mod", skip_serializing_if = "Option::is_none")]
    modifier: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    quant: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    freq: Option<&'a str>,
    relative: bool,
    sentence: usize,
}

#[derive(Serialize)]
struct MentionOut<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    entity: usize,
    sentence: usize,
    derived: bool,
}

#[derive(Serialize)]
struct EntityOut<'a> {
    id: usize,
    name: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    aliases: &'a [String],
    mentions: &'a [usize],
}

#[derive(Serialize)]
struct DateOut<'a> {
    value: &'a str,
    source: &'static str,
    timex: Option<usize>,
}

#[derive(Serialize)]
struct ParticipantOut {
    entity: usize,
    role: &'static str,
}

#[derive(Serialize)]
struct EventOut<'a> {
    start: usize,
    end: usize,
    trigger: &'a str,
    lemma: &'a str,
    #[serde(rename = "type")]
    kind: &'a str,
    sentence: usize,
    date: Option<DateOut<'a>>,
    participants: Vec<ParticipantOut>,
    place: Option<usize>,
    certainty: &'static str,
}

#[derive(Serialize)]
struct RelationOut<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    start: usize,
    end: usize,
    text: &'a str,
    sentence: usize,
    subject: usize,
    object: Option<usize>,
    title: &'a str,
    valid_from: Option<&'a str>,
    valid_until: Option<&'a str>,
    former: bool,
}

#[derive(Serialize)]
struct DocumentOut<'a> {
    id: &'a str,
    source: &'a str,
    title: Option<&'a str>,
    url: Option<&'a str>,
    dct: Option<String>,
    text: &'a str,
    sentences: Vec<Range>,
    timexes: Vec<TimexOut<'a>>,
    mentions: Vec<MentionOut<'a>>,
    entities: Vec<EntityOut<'a>>,
    events: Vec<EventOut<'a>>,
    relations: Vec<RelationOut<'a>>,
}

fn source_str(source: DateSource) -> &'static str {
    match source {
        DateSource::Stated => "stated",
        DateSource::Inherited => "inherited",
        DateSource::Dct => "dct",
    }
}

/// One annotated document as stand-off JSON, offsets in code points.
pub fn annotation_json(document: &Document, annotated: &Annotated) -> Value {
    let text = document.text.as_str();
    let chars = CharIndex::new(text);
    let cp = |span: Span| (chars.char_offset(span.start), chars.char_offset(span.end));
    let out = DocumentOut {
        id: &document.id,
        source: &document.source,
        title: document.title.as_deref(),
        url: document.url.as_deref(),
        dct: document.dct.map(|d| d.to_string()),
        text,
        sentences: annotated
            .sentences
            .iter()
            .map(|s| {
                let (start, end) = cp(s.span);
                Range { start, end }
            })
            .collect(),
        timexes: annotated
            .timexes
            .iter()
            .map(|t| {
                let (start, end) = cp(t.span);
                TimexOut {
                    start,
                    end,
                    text: t.span.text(text),
                    kind: t.kind.as_str(),
                    value: &t.value,
                    modifier: t.modifier.as_deref(),
                    quant: t.quant.as_deref(),
                    freq: t.freq.as_deref(),
                    relative: t.relative,
                    sentence: t.sentence,
                }
            })
            .collect(),
        mentions: annotated
            .mentions
            .iter()
            .map(|m| {
                let (start, end) = cp(m.span);
                MentionOut {
                    start,
                    end,
                    text: m.span.text(text),
                    kind: m.kind.as_str(),
                    entity: m.entity,
                    sentence: m.sentence,
                    derived: m.derived,
                }
            })
            .collect(),
        entities: annotated
            .entities
            .iter()
            .enumerate()
            .map(|(id, e)| EntityOut {
                id,
                name: &e.canonical,
                kind: e.kind.as_str(),
                aliases: &e.aliases,
                mentions: &e.mentions,
            })
            .collect(),
        events: annotated
            .events
            .iter()
            .map(|e| {
                let (start, end) = cp(e.trigger);
                EventOut {
                    start,
                    end,
                    trigger: e.trigger.text(text),
                    lemma: &e.lemma,
                    kind: &e.kind,
                    sentence: e.sentence,
                    date: e.date.as_ref().map(|d| DateOut {
                        value: &d.value,
                        source: source_str(d.source),
                        timex: d.timex,
                    }),
                    participants: e
                        .participants
                        .iter()
                        .map(|p| ParticipantOut {
                            entity: p.entity,
                            role: p.role.as_str(),
                        })
                        .collect(),
                    place: e.place,
                    certainty: e.certainty.as_str(),
                }
            })
            .collect(),
        relations: annotated
            .relations
            .iter()
            .map(|r| {
                let (start, end) = cp(r.span);
                RelationOut {
                    kind: r.kind.as_str(),
                    start,
                    end,
                    text: r.span.text(text),
                    sentence: r.sentence,
                    subject: r.subject,
                    object: r.object,
                    title: &r.title,
                    valid_from: r.start.as_deref(),
                    valid_until: r.end.as_deref(),
                    former: r.former,
                }
            })
            .collect(),
    };
    serde_json::to_value(out).expect("annotation JSON has only string keys")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::test_support::{document_a, document_b};

    /// Python's `text[start:end]`.
    fn slice(text: &str, item: &Value) -> String {
        let start = item["start"].as_u64().unwrap() as usize;
        let end = item["end"].as_u64().unwrap() as usize;
        text.chars().skip(start).take(end - start).collect()
    }

    #[test]
    fn offsets_are_code_points_in_a_non_ascii_text() {
        let (document, annotated) = document_b();
        let value = annotation_json(&document, &annotated);
        let text = value["text"].as_str().unwrap();
        assert_eq!(text, document.text);
        assert!(text.starts_with("Café — "));
        let mention = &value["mentions"][0];
        assert_eq!(mention["text"], "Israel");
        assert_eq!(slice(text, mention), "Israel");
        // "Café — On 3 January 2018, " is 26 code points but 29 bytes.
        assert_eq!(mention["start"], 26);
        assert_eq!(mention["type"], "LOCATION");
        assert_eq!(mention["entity"], 0);
        for layer in ["sentences", "timexes", "mentions", "events"] {
            for item in value[layer].as_array().unwrap() {
                let wanted = item
                    .get("text")
                    .or_else(|| item.get("trigger"))
                    .and_then(Value::as_str);
                if let Some(wanted) = wanted {
                    assert_eq!(slice(text, item), wanted, "{layer}");
                }
            }
        }
        assert_eq!(
            slice(text, &value["sentences"][0]),
            "Café — On 3 January 2018, Israel attacked Damascus."
        );
        assert_eq!(slice(text, &value["events"][0]), "attacked");
        assert_eq!(value["timexes"][0]["value"], "2018-01-03");
        assert!(value["timexes"][0].get("mod").is_none());
        assert_eq!(
            value["events"][0]["date"],
            serde_json::json!({"value": "2018-01-03", "source": "stated", "timex": 0})
        );
        assert!(value["events"][1]["date"].is_null());
        assert_eq!(value["events"][1]["certainty"], "negated");
        assert!(value["dct"].is_null());
    }

    #[test]
    fn carries_entities_and_relations() {
        let (document, annotated) = document_a();
        let value = annotation_json(&document, &annotated);
        assert_eq!(value["id"], "a");
        assert_eq!(value["dct"], "2018-05-01");
        assert_eq!(value["title"], "Pompeo meets Netanyahu");
        assert_eq!(
            value["entities"][0],
            serde_json::json!({"id": 0, "name": "Mike Pompeo", "type": "PERSON", "aliases": ["Mike Pompeo"], "mentions": [0]})
        );
        let relation = &value["relations"][0];
        assert_eq!(relation["type"], "holds_role");
        assert_eq!(relation["subject"], 0);
        assert_eq!(relation["object"], 1);
        assert_eq!(relation["valid_until"], "2018-04");
        assert!(relation["valid_from"].is_null());
        assert_eq!(relation["text"], "former CIA director");
        assert_eq!(
            slice(value["text"].as_str().unwrap(), relation),
            "former CIA director"
        );
        assert!(value["relations"][1]["object"].is_null());
        assert_eq!(
            value["events"][0]["participants"][1],
            serde_json::json!({"entity": 2, "role": "other"})
        );
        assert_eq!(value["events"][0]["place"], 3);
    }
}
