//! `timelinejs.json`: the dated events in TimelineJS3's JSON format, for
//! `new TL.Timeline(element, data)` or the TimelineJS web embed.
//!
//! ```text
//! { "title": { "text": { "headline": "Chronograph timeline", "text": "<p>...</p>" } },
//!   "events": [ { "start_date": { "year": 2018, "month": 2 },
//!                 "end_date": {...}?, "display_date": "2018-Q1"?,
//!                 "text": { "headline": "...", "text": "<p>sentence</p><p>source</p>" },
//!                 "group": "meeting", "unique_id": "a:e1" } ] }
//! ```
//!
//! Only events with calendar bounds are on it (TimelineJS needs a year);
//! undated ones are left out, never given a date. A date is only as precise
//! as the text: a day gives year, month and day, a month year and month, a
//! year only the year; a span (a quarter, a decade) gets an `end_date` and
//! its TIMEX3 value as `display_date`. Headline and text are HTML-escaped:
//! TimelineJS renders them as HTML.

use anyhow::Result;
use chrono::{Datelike, NaiveDate};
use serde_json::{Value as Json, json};

use super::flat::pretty_json;
use super::markup::escape;
use crate::annotation::Certainty;
use crate::graph::{DocumentInfo, KnowledgeGraph, TimelineFilter, TimelineRow};

/// How finely a date span is given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Grain {
    Day,
    Month,
    Year,
}

fn month_end(day: NaiveDate) -> bool {
    day.succ_opt()
        .is_none_or(|next| next.month() != day.month())
}

/// The coarsest grain whose boundaries `start` and `end` fall on.
fn grain(start: NaiveDate, end: NaiveDate) -> Grain {
    if start.ordinal() == 1 && end.succ_opt().is_none_or(|n| n.year() != end.year()) {
        Grain::Year
    } else if start.day() == 1 && month_end(end) {
        Grain::Month
    } else {
        Grain::Day
    }
}

fn date_object(day: NaiveDate, grain: Grain) -> Json {
    match grain {
        Grain::Year => json!({ "year": day.year() }),
        Grain::Month => json!({ "year": day.year(), "month": day.month() }),
        Grain::Day => json!({ "year": day.year(), "month": day.month(), "day": day.day() }),
    }
}

/// `start_date`, `end_date` (when the span is more than one unit) and
/// `display_date` (when the value is not a plain day, month or year).
fn dates(row: &TimelineRow) -> Option<serde_json::Map<String, Json>> {
    let date = row.event.date.as_ref()?;
    let parse = |s: &Option<String>| s.as_deref().and_then(|s| s.parse::<NaiveDate>().ok());
    let (start, end) = (parse(&date.start)?, parse(&date.end)?);
    let grain = grain(start, end);
    let mut fields = serde_json::Map::new();
    fields.insert("start_date".into(), date_object(start, grain));
    let same_unit = match grain {
        Grain::Year => start.year() == end.year(),
        Grain::Month => (start.year(), start.month()) == (end.year(), end.month()),
        Grain::Day => start == end,
    };
    if !same_unit {
        fields.insert("end_date".into(), date_object(end, grain));
    }
    if !matches!(date.precision.as_str(), "day" | "month" | "year") {
        fields.insert("display_date".into(), date.value.clone().into());
    }
    Some(fields)
}

/// The slide text: the sentence, the certainty when not asserted, the source.
fn slide_text(row: &TimelineRow, document: Option<&DocumentInfo>) -> String {
    let event = row.event;
    let mut text = format!("<p>{}</p>", escape(&event.sentence_text));
    if event.certainty != Certainty::Asserted {
        text.push_str(&format!("<p><em>{}</em></p>", event.certainty.as_str()));
    }
    let source = match document.and_then(|d| d.title.as_deref()) {
        Some(title) => format!("{} ({})", escape(title), escape(&event.provenance.document)),
        None => escape(&event.provenance.document),
    };
    text.push_str(&format!("<p>Source: {source}</p>"));
    text
}

/// The document `timelinejs.json` holds.
pub fn timelinejs_value(graph: &KnowledgeGraph) -> Json {
    let rows = graph
        .timeline(&TimelineFilter::default())
        .unwrap_or_default();
    let events: Vec<Json> = rows
        .iter()
        .filter_map(|row| {
            let mut event = dates(row)?;
            let document = graph
                .documents
                .iter()
                .find(|d| d.id == row.event.provenance.document);
            event.insert(
                "text".into(),
                json!({
                    "headline": escape(&row.event.headline),
                    "text": slide_text(row, document),
                }),
            );
            event.insert("group".into(), row.event.kind.clone().into());
            event.insert("unique_id".into(), row.event.id.clone().into());
            Some(Json::Object(event))
        })
        .collect();
    let intro = format!(
        "<p>{} dated events from {} document(s), read by Chronograph.</p>",
        events.len(),
        graph.documents.len()
    );
    json!({
        "title": { "text": { "headline": "Chronograph timeline", "text": intro } },
        "events": events,
    })
}

/// The bytes of `timelinejs.json`.
pub fn to_timelinejs(graph: &KnowledgeGraph) -> Result<Vec<u8>> {
    pretty_json(&timelinejs_value(graph))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::test_support::{event_mut, sample_graph};
    use crate::graph::DateInfo;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn grains_follow_the_bounds() {
        assert_eq!(grain(day("2018-01-03"), day("2018-01-03")), Grain::Day);
        assert_eq!(grain(day("2018-02-01"), day("2018-02-28")), Grain::Month);
        assert_eq!(grain(day("2018-01-01"), day("2018-03-31")), Grain::Month);
        assert_eq!(grain(day("2018-01-01"), day("2018-12-31")), Grain::Year);
        assert_eq!(grain(day("1990-01-01"), day("1999-12-31")), Grain::Year);
        assert_eq!(grain(day("2018-01-29"), day("2018-02-04")), Grain::Day);
    }

    #[test]
    fn dated_events_only_as_precise_as_their_dates() {
        let value = timelinejs_value(&sample_graph());
        let events = value["events"].as_array().unwrap();
        // The two undated events are left out.
        assert_eq!(events.len(), 2);
        assert_eq!(events[0]["unique_id"], "b:e1");
        assert_eq!(
            events[0]["start_date"],
            json!({"year": 2018, "month": 1, "day": 3})
        );
        assert_eq!(events[1]["start_date"], json!({"year": 2018, "month": 2}));
        assert!(events[1].get("end_date").is_none());
        assert!(events[1].get("display_date").is_none());
        assert_eq!(events[1]["group"], "meeting");
        assert_eq!(
            events[1]["text"]["text"],
            "<p>Mike Pompeo, the former CIA director, met Netanyahu in Jerusalem in February 2018.</p><p>Source: Pompeo meets Netanyahu (a)</p>"
        );
    }

    #[test]
    fn a_quarter_gets_an_end_date_and_its_value_shown() {
        let mut graph = sample_graph();
        let event = event_mut(&mut graph, "a:e1");
        event.date = Some(DateInfo {
            value: "2018-Q1".into(),
            start: Some("2018-01-01".into()),
            end: Some("2018-03-31".into()),
            precision: "quarter".into(),
        });
        event.sentence_text = "<script>alert('x')</script> & more".into();
        let value = timelinejs_value(&graph);
        let event = value["events"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["unique_id"] == "a:e1")
            .unwrap()
            .clone();
        assert_eq!(event["start_date"], json!({"year": 2018, "month": 1}));
        assert_eq!(event["end_date"], json!({"year": 2018, "month": 3}));
        assert_eq!(event["display_date"], "2018-Q1");
        let text = event["text"]["text"].as_str().unwrap();
        assert!(
            text.starts_with("<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more</p>"),
            "{text}"
        );
    }
}
