//! Spreadsheet tables: `timeline.csv`, `events_undated.csv`, `entities.csv`.
//!
//! `timeline.csv` holds one row per event that has a date, in the order of
//! [`KnowledgeGraph::timeline`] (by first day, last day, document, position;
//! a date with no calendar bounds, such as `PRESENT_REF`, comes after the
//! bounded ones). `events_undated.csv` holds the events the text gives no
//! date for, with the same columns and `date`, `start`, `end`, `precision`
//! empty: a row never gets an invented date. Columns ([`EVENT_COLUMNS`]):
//!
//! `date,start,end,precision,event_type,headline,participants,location,certainty,document,sentence,char_start,char_end,event_id,trigger`
//!
//! - `date`: TIMEX3 value (`2018-02`); `start`/`end`: the ISO days bounding
//!   it (`2018-02-01`, `2018-02-28`); `precision`: `day`, `month`, `year`...
//! - `participants`: `Name (role); Name (role)`; `location`: the place name.
//! - `certainty`: `asserted`, `hedged`, `negated` or `future`.
//! - `document`: document id; `sentence`: the sentence text, white space
//!   folded; `char_start`/`char_end`: the trigger's code-point offsets.
//! - `event_id`: the event's id in `graph.json`; `trigger`: the trigger word.
//!
//! `entities.csv` ([`ENTITY_COLUMNS`]): `id,name,type,aliases,mentions,documents,roles`,
//! sorted by id; `aliases` and `documents` `; `-joined; `mentions` a count;
//! `roles` `; `-joined like `director of CIA (former, until 2018-04)`.
//!
//! Every text cell starting with `=`, `+`, `-`, `@`, tab or carriage return
//! gets a leading `'` ([`super::neutralize`]) so a spreadsheet does not run
//! it as a formula; numeric columns are plain numbers.

use anyhow::{Context, Result};

use super::dot::role_qualifiers;
use super::neutralize;
use crate::graph::{EntityNode, KnowledgeGraph, RoleFact, TimelineFilter, TimelineRow};

/// Columns of `timeline.csv` and `events_undated.csv`, in order.
pub const EVENT_COLUMNS: [&str; 15] = [
    "date",
    "start",
    "end",
    "precision",
    "event_type",
    "headline",
    "participants",
    "location",
    "certainty",
    "document",
    "sentence",
    "char_start",
    "char_end",
    "event_id",
    "trigger",
];

/// Columns of `entities.csv`, in order.
pub const ENTITY_COLUMNS: [&str; 7] = [
    "id",
    "name",
    "type",
    "aliases",
    "mentions",
    "documents",
    "roles",
];

/// A role as one phrase: "secretary of state of United States (until 2018-04)".
pub fn role_text(role: &RoleFact) -> String {
    let mut text = role.title_text().to_string();
    if let Some(organization) = &role.organization {
        text.push_str(" of ");
        text.push_str(organization);
    }
    let qualifiers = role_qualifiers(role);
    if !qualifiers.is_empty() {
        text.push_str(&format!(" ({qualifiers})"));
    }
    text
}

fn event_record(row: &TimelineRow) -> Vec<String> {
    let event = row.event;
    let date = event.date.as_ref();
    let optional = |s: Option<&String>| s.cloned().unwrap_or_default();
    let participants = row
        .participants
        .iter()
        .map(|(entity, role)| format!("{} ({})", entity.name, role.as_str()))
        .collect::<Vec<_>>()
        .join("; ");
    let text = |s: &str| neutralize(s).into_owned();
    vec![
        text(&date.map(|d| d.value.clone()).unwrap_or_default()),
        optional(date.and_then(|d| d.start.as_ref())),
        optional(date.and_then(|d| d.end.as_ref())),
        text(date.map_or("", |d| d.precision.as_str())),
        text(&event.kind),
        text(&event.headline),
        text(&participants),
        text(row.place.map_or("", |p| p.name.as_str())),
        event.certainty.as_str().to_string(),
        text(&event.provenance.document),
        text(&event.sentence_text),
        event.provenance.char_start.to_string(),
        event.provenance.char_end.to_string(),
        text(&event.id),
        text(&event.trigger),
    ]
}

pub(crate) fn write_table(
    header: &[&str],
    records: impl Iterator<Item = Vec<String>>,
) -> Result<Vec<u8>> {
    let mut writer = ::csv::Writer::from_writer(Vec::new());
    writer.write_record(header).context("cannot write CSV")?;
    for record in records {
        writer.write_record(&record).context("cannot write CSV")?;
    }
    writer.into_inner().context("cannot write CSV")
}

fn events_csv(graph: &KnowledgeGraph, dated: bool) -> Result<Vec<u8>> {
    let mut rows = graph
        .timeline(&TimelineFilter::default())
        .unwrap_or_default();
    rows.retain(|row| row.event.date.is_some() == dated);
    timeline_rows_csv(&rows)
}

/// Timeline rows (e.g. of one entity, from [`KnowledgeGraph::timeline`]) as
/// CSV with the columns of `timeline.csv`.
pub fn timeline_rows_csv(rows: &[TimelineRow]) -> Result<Vec<u8>> {
    write_table(&EVENT_COLUMNS, rows.iter().map(event_record))
}

/// `timeline.csv`: the dated events in timeline order.
pub fn timeline_csv(graph: &KnowledgeGraph) -> Result<Vec<u8>> {
    events_csv(graph, true)
}

/// `events_undated.csv`: the undated events in document order.
pub fn undated_csv(graph: &KnowledgeGraph) -> Result<Vec<u8>> {
    events_csv(graph, false)
}

fn entity_record(entity: &EntityNode) -> Vec<String> {
    let text = |s: &str| neutralize(s).into_owned();
    let roles: Vec<String> = entity.roles.iter().map(role_text).collect();
    vec![
        text(&entity.id),
        text(&entity.name),
        entity.kind.as_str().to_string(),
        text(&entity.aliases.join("; ")),
        entity.mention_count.to_string(),
        text(&entity.documents.join("; ")),
        text(&roles.join("; ")),
    ]
}

/// `entities.csv`: every entity, sorted by id.
pub fn entities_csv(graph: &KnowledgeGraph) -> Result<Vec<u8>> {
    let mut entities: Vec<&EntityNode> = graph.entities().map(|(_, e)| e).collect();
    entities.sort_by(|a, b| a.id.cmp(&b.id));
    write_table(&ENTITY_COLUMNS, entities.into_iter().map(entity_record))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::test_support::{TEXT_B, csv_table as read, sample_graph, span};

    #[test]
    fn timeline_has_the_columns_in_order_and_dated_rows_by_start() {
        let (header, rows) = read(&timeline_csv(&sample_graph()).unwrap());
        assert_eq!(header, EVENT_COLUMNS);
        assert_eq!(
            header[..13].join(","),
            "date,start,end,precision,event_type,headline,participants,location,certainty,document,sentence,char_start,char_end"
        );
        assert_eq!(rows.len(), 2);
        // 2018-01-03 (document b) comes before 2018-02 (document a).
        assert_eq!(
            rows[0][..5],
            ["2018-01-03", "2018-01-03", "2018-01-03", "day", "attack"]
        );
        assert_eq!(
            rows[1],
            [
                "2018-02",
                "2018-02-01",
                "2018-02-28",
                "month",
                "meeting",
                "Mike Pompeo met (Jerusalem)",
                "Mike Pompeo (agent); Netanyahu (other)",
                "Jerusalem",
                "asserted",
                "a",
                "Mike Pompeo, the former CIA director, met Netanyahu in Jerusalem in February 2018.",
                "38",
                "41",
                "a:e1",
                "met",
            ]
        );
    }

    #[test]
    fn trigger_offsets_are_code_points() {
        let (_, rows) = read(&timeline_csv(&sample_graph()).unwrap());
        let bytes = span(TEXT_B, "attacked");
        let start: usize = rows[0][11].parse().unwrap();
        let end: usize = rows[0][12].parse().unwrap();
        // "Café —" holds two multi-byte characters before the trigger.
        assert_eq!(start, bytes.start - 3);
        let chars: String = TEXT_B.chars().skip(start).take(end - start).collect();
        assert_eq!(chars, "attacked");
    }

    #[test]
    fn undated_events_have_empty_dates_and_formulas_are_neutralised() {
        let (header, rows) = read(&undated_csv(&sample_graph()).unwrap());
        assert_eq!(header, EVENT_COLUMNS);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0][..4], ["", "", "", ""]);
        assert_eq!(rows[0][13], "a:e2");
        assert_eq!(rows[0][8], "hedged");
        assert_eq!(rows[1][13], "b:e2");
        assert_eq!(rows[1][8], "negated");
        // White space folded, formula neutralised.
        assert_eq!(
            rows[1][10],
            "'=SUM(A1), Acme \"Q\\ Ltd said, was no strike."
        );
    }

    #[test]
    fn entities_have_aliases_documents_and_roles() {
        let (header, rows) = read(&entities_csv(&sample_graph()).unwrap());
        assert_eq!(header, ENTITY_COLUMNS);
        let ids: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
        let mut sorted = ids.clone();
        sorted.sort();
        assert_eq!(ids, sorted);
        assert_eq!(rows.len(), 8);
        let pompeo = rows.iter().find(|r| r[0] == "person:mike-pompeo").unwrap();
        assert_eq!(
            pompeo,
            &[
                "person:mike-pompeo",
                "Mike Pompeo",
                "PERSON",
                "Mike Pompeo",
                "1",
                "a",
                "director of CIA (former, until 2018-04)",
            ]
        );
        let netanyahu = rows.iter().find(|r| r[0] == "person:netanyahu").unwrap();
        assert_eq!(netanyahu[6], "prime minister (since 2009)");
    }

    #[test]
    fn a_formula_name_is_neutralised_in_every_table() {
        let mut graph = sample_graph();
        let index = graph.find_entity("Israel").unwrap();
        if let crate::graph::Node::Entity(e) = &mut graph.graph[index] {
            e.name = "=SUM(A1)".into();
        }
        let (_, rows) = read(&entities_csv(&graph).unwrap());
        assert!(rows.iter().any(|r| r[1] == "'=SUM(A1)"));
        let (_, rows) = read(&timeline_csv(&graph).unwrap());
        assert!(rows[0][6].starts_with("'=SUM(A1) (agent)"), "{:?}", rows[0]);
    }

    #[test]
    fn a_date_without_calendar_bounds_stays_on_the_timeline_after_the_bounded_ones() {
        let mut graph = sample_graph();
        let (index, _) = graph.events().find(|(_, e)| e.id == "a:e2").unwrap();
        if let crate::graph::Node::Event(e) = &mut graph.graph[index] {
            e.date = Some(crate::graph::DateInfo {
                value: "PRESENT_REF".into(),
                start: None,
                end: None,
                precision: String::new(),
            });
        }
        let (_, rows) = read(&timeline_csv(&graph).unwrap());
        let ids: Vec<&str> = rows.iter().map(|r| r[13].as_str()).collect();
        assert_eq!(ids, ["b:e1", "a:e1", "a:e2"]);
        assert_eq!(rows[2][..4], ["PRESENT_REF", "", "", ""]);
        let (_, rows) = read(&undated_csv(&graph).unwrap());
        assert_eq!(rows.len(), 1);
    }
}
