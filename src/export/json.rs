//! `graph.json`: the whole knowledge graph with provenance.
//!
//! The schema (version `1.0`); every offset is in Unicode code points of the
//! document text, so Python's `text[char_start:char_end]` is the item:
//!
//! ```text
//! {
//!   "schema_version": "1.0",
//!   "generator": "chronograph 0.1.0",
//!   "documents": [            // in input order
//!     { "id": "a", "source": "articles/a.txt", "title": "..." | null,
//!       "dct": "2018-05-01" | null, "url": "..." | null, "sentences": 12 }
//!   ],
//!   "entities": [             // sorted by id
//!     { "id": "person:mike-pompeo", "name": "Mike Pompeo",
//!       "type": "PERSON" | "ORGANIZATION" | "LOCATION" | "MISC",
//!       "aliases": ["Mike Pompeo", "Pompeo"], "mention_count": 3,
//!       "documents": ["a", "b"],
//!       "roles": [ { "title": "director", "organization": "CIA" | null,
//!                    "start": "2017-01" | null, "end": "2018-04" | null,
//!                    "former": true } ],
//!       "mentions": [ { "document": "a", "sentence": 0,
//!                       "char_start": 0, "char_end": 11 } ] }
//!   ],
//!   "events": [               // timeline order: dated by date, then undated
//!     { "id": "a:e1", "type": "meeting", "lemma": "meet", "trigger": "met",
//!       "headline": "Mike Pompeo met (Jerusalem)",
//!       "date": { "value": "2018-02", "start": "2018-02-01" | null,
//!                 "end": "2018-02-28" | null, "precision": "month" } | null,
//!       "date_source": "stated" | "inherited" | "dct" | null,
//!       "certainty": "asserted" | "hedged" | "negated" | "future",
//!       "provenance": { "document": "a", "sentence": 0,
//!                       "char_start": 38, "char_end": 41 },
//!       "sentence": "Mike Pompeo, the former CIA director, met ...",
//!       "participants": [ { "entity": "person:mike-pompeo", "role": "agent" | "target" | "other" } ],
//!       "place": "location:jerusalem" | null }
//!   ],
//!   "relations": [            // sorted by source, target, title, period, provenance
//!     { "type": "holds_role", "source": "person:mike-pompeo",
//!       "target": "organization:cia", "title": "director",
//!       "start": null, "end": "2018-04", "former": true,
//!       "provenance": { "document": "a", "sentence": 0,
//!                       "char_start": 17, "char_end": 36 } }
//!   ]
//! }
//! ```
//!
//! `sentence` in a provenance is the 0-based sentence index in its document;
//! `start`/`end` of a role or relation are TIMEX3 values. A role whose
//! organization the text does not name appears on the entity only, not as a
//! relation. The file is pretty-printed with a trailing newline.

use anyhow::{Context, Result};
use petgraph::visit::{EdgeRef, IntoEdgeReferences};
use serde::{Deserialize, Serialize};

use crate::graph::{
    DateInfo, DocumentInfo, Edge, EntityNode, KnowledgeGraph, Provenance, RoleFact, TimelineFilter,
    TimelineRow,
};

/// Version of the `graph.json` schema.
pub const SCHEMA_VERSION: &str = "1.0";

/// The whole `graph.json` document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GraphJson {
    /// Always [`SCHEMA_VERSION`].
    pub schema_version: String,
    /// `chronograph <version>`.
    pub generator: String,
    /// The documents, in input order.
    pub documents: Vec<DocumentJson>,
    /// The entities, sorted by id.
    pub entities: Vec<EntityJson>,
    /// The events, in timeline order.
    pub events: Vec<EventJson>,
    /// Relations between entities, sorted.
    pub relations: Vec<RelationJson>,
}

/// A document merged into the graph.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentJson {
    /// Document id.
    pub id: String,
    /// Path it was read from.
    pub source: String,
    /// Title, if known.
    pub title: Option<String>,
    /// Publication date (ISO), if known.
    pub dct: Option<String>,
    /// URL, if known.
    pub url: Option<String>,
    /// Number of sentences.
    pub sentences: usize,
}

/// Where a fact was read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProvenanceJson {
    /// Document id.
    pub document: String,
    /// 0-based sentence index in the document.
    pub sentence: usize,
    /// First code point.
    pub char_start: usize,
    /// One past the last code point.
    pub char_end: usize,
}

/// A role an entity held.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleJson {
    /// Title, lower-cased.
    pub title: String,
    /// Name of the organization or country, if the text gives one.
    pub organization: Option<String>,
    /// TIMEX3 value of the start, if known.
    pub start: Option<String>,
    /// TIMEX3 value of the end, if known.
    pub end: Option<String>,
    /// True when the text marks the role as past.
    pub former: bool,
}

/// An entity.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityJson {
    /// Stable id (`person:mike-pompeo`).
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// `PERSON`, `ORGANIZATION`, `LOCATION` or `MISC`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Every surface form seen, sorted.
    pub aliases: Vec<String>,
    /// Number of mentions.
    pub mention_count: usize,
    /// Ids of the documents mentioning it, sorted.
    pub documents: Vec<String>,
    /// Roles held.
    pub roles: Vec<RoleJson>,
    /// Every mention.
    pub mentions: Vec<ProvenanceJson>,
}

/// An event's date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateJson {
    /// TIMEX3 value.
    pub value: String,
    /// First ISO day covered, when the value is a calendar date.
    pub start: Option<String>,
    /// Last ISO day covered, when the value is a calendar date.
    pub end: Option<String>,
    /// `day`, `month`, `year`... or empty.
    pub precision: String,
}

/// An entity taking part in an event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParticipantJson {
    /// Entity id.
    pub entity: String,
    /// `agent`, `target` or `other`.
    pub role: String,
}

/// An event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventJson {
    /// Stable id (`<document>:e<N>`).
    pub id: String,
    /// Event type.
    #[serde(rename = "type")]
    pub kind: String,
    /// Trigger lemma.
    pub lemma: String,
    /// Trigger as written.
    pub trigger: String,
    /// Short summary.
    pub headline: String,
    /// The date, or null when the text gives none.
    pub date: Option<DateJson>,
    /// `stated`, `inherited`, `dct`, or null when undated.
    pub date_source: Option<String>,
    /// `asserted`, `hedged`, `negated` or `future`.
    pub certainty: String,
    /// The trigger's provenance.
    pub provenance: ProvenanceJson,
    /// The sentence text, white space folded.
    pub sentence: String,
    /// Participants with their roles.
    pub participants: Vec<ParticipantJson>,
    /// Entity id of the place, or null.
    pub place: Option<String>,
}

/// A relation between two entities.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct RelationJson {
    /// `holds_role`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Entity id of the person.
    pub source: String,
    /// Entity id of the organization or country.
    pub target: String,
    /// The title.
    pub title: String,
    /// TIMEX3 value of the start, if known.
    pub start: Option<String>,
    /// TIMEX3 value of the end, if known.
    pub end: Option<String>,
    /// True when the text marks the role as past.
    pub former: bool,
    /// Where the text says so.
    pub provenance: ProvenanceJson,
}

impl PartialOrd for ProvenanceJson {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for ProvenanceJson {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (
            &self.document,
            self.sentence,
            self.char_start,
            self.char_end,
        )
            .cmp(&(
                &other.document,
                other.sentence,
                other.char_start,
                other.char_end,
            ))
    }
}

impl From<&Provenance> for ProvenanceJson {
    fn from(p: &Provenance) -> Self {
        Self {
            document: p.document.clone(),
            sentence: p.sentence,
            char_start: p.char_start,
            char_end: p.char_end,
        }
    }
}

impl From<&DocumentInfo> for DocumentJson {
    fn from(d: &DocumentInfo) -> Self {
        Self {
            id: d.id.clone(),
            source: d.source.clone(),
            title: d.title.clone(),
            dct: d.dct.clone(),
            url: d.url.clone(),
            sentences: d.sentences,
        }
    }
}

impl From<&RoleFact> for RoleJson {
    fn from(r: &RoleFact) -> Self {
        Self {
            title: r.title.clone(),
            organization: r.organization.clone(),
            start: r.start.clone(),
            end: r.end.clone(),
            former: r.former,
        }
    }
}

impl From<&DateInfo> for DateJson {
    fn from(d: &DateInfo) -> Self {
        Self {
            value: d.value.clone(),
            start: d.start.clone(),
            end: d.end.clone(),
            precision: d.precision.clone(),
        }
    }
}

impl From<&EntityNode> for EntityJson {
    fn from(e: &EntityNode) -> Self {
        Self {
            id: e.id.clone(),
            name: e.name.clone(),
            kind: e.kind.as_str().to_string(),
            aliases: e.aliases.clone(),
            mention_count: e.mention_count,
            documents: e.documents.clone(),
            roles: e.roles.iter().map(RoleJson::from).collect(),
            mentions: e.mentions.iter().map(ProvenanceJson::from).collect(),
        }
    }
}

impl From<&TimelineRow<'_>> for EventJson {
    fn from(row: &TimelineRow) -> Self {
        let e = row.event;
        Self {
            id: e.id.clone(),
            kind: e.kind.clone(),
            lemma: e.lemma.clone(),
            trigger: e.trigger.clone(),
            headline: e.headline.clone(),
            date: e.date.as_ref().map(DateJson::from),
            date_source: e.date_source.map(|s| date_source_str(s).to_string()),
            certainty: e.certainty.as_str().to_string(),
            provenance: (&e.provenance).into(),
            sentence: e.sentence_text.clone(),
            participants: row
                .participants
                .iter()
                .map(|(entity, role)| ParticipantJson {
                    entity: entity.id.clone(),
                    role: role.as_str().to_string(),
                })
                .collect(),
            place: row.place.map(|p| p.id.clone()),
        }
    }
}

pub(crate) fn date_source_str(source: crate::annotation::DateSource) -> &'static str {
    use crate::annotation::DateSource;
    match source {
        DateSource::Stated => "stated",
        DateSource::Inherited => "inherited",
        DateSource::Dct => "dct",
    }
}

/// The graph in the `graph.json` schema.
pub fn graph_json(graph: &KnowledgeGraph) -> GraphJson {
    let mut entities: Vec<EntityJson> = graph.entities().map(|(_, e)| e.into()).collect();
    entities.sort_by(|a, b| a.id.cmp(&b.id));
    let events = graph
        .timeline(&TimelineFilter::default())
        .unwrap_or_default()
        .iter()
        .map(EventJson::from)
        .collect();
    let mut relations: Vec<RelationJson> = graph
        .graph
        .edge_references()
        .filter_map(|edge| match edge.weight() {
            Edge::HoldsRole { role, provenance } => Some(RelationJson {
                kind: "holds_role".to_string(),
                source: graph.graph[edge.source()].id().to_string(),
                target: graph.graph[edge.target()].id().to_string(),
                title: role.title.clone(),
                start: role.start.clone(),
                end: role.end.clone(),
                former: role.former,
                provenance: ProvenanceJson::from(provenance),
            }),
            _ => None,
        })
        .collect();
    relations.sort();
    relations.dedup();
    GraphJson {
        schema_version: SCHEMA_VERSION.to_string(),
        generator: format!("chronograph {}", env!("CARGO_PKG_VERSION")),
        documents: graph.documents.iter().map(DocumentJson::from).collect(),
        entities,
        events,
        relations,
    }
}

/// The bytes of `graph.json`: pretty-printed, with a trailing newline.
pub fn to_json(graph: &KnowledgeGraph) -> Result<Vec<u8>> {
    let mut bytes =
        serde_json::to_vec_pretty(&graph_json(graph)).context("cannot serialize graph.json")?;
    bytes.push(b'\n');
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::test_support::{ACME, TEXT_A, sample_graph};

    #[test]
    fn round_trips_through_serde_json() {
        let graph = sample_graph();
        let bytes = to_json(&graph).unwrap();
        assert_eq!(bytes.last(), Some(&b'\n'));
        let parsed: GraphJson = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(parsed, graph_json(&graph));
        let value: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(value["schema_version"], "1.0");
        assert_eq!(value["generator"], "chronograph 0.1.0");
        // A name with a quote and a backslash survives.
        assert!(parsed.entities.iter().any(|e| e.name == ACME));
    }

    #[test]
    fn has_the_expected_shape_and_order() {
        let value = serde_json::to_value(graph_json(&sample_graph())).unwrap();
        let documents: Vec<_> = value["documents"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["id"].as_str().unwrap())
            .collect();
        assert_eq!(documents, ["a", "b"]);
        assert_eq!(value["documents"][0]["dct"], "2018-05-01");
        let events: Vec<_> = value["events"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["id"].as_str().unwrap())
            .collect();
        assert_eq!(events, ["b:e1", "a:e1", "a:e2", "b:e2"]);
        let met = &value["events"][1];
        assert_eq!(met["type"], "meeting");
        assert_eq!(
            met["date"],
            serde_json::json!({"value": "2018-02", "start": "2018-02-01", "end": "2018-02-28", "precision": "month"})
        );
        assert_eq!(met["date_source"], "stated");
        assert_eq!(met["place"], "location:jerusalem");
        assert_eq!(
            met["participants"][0],
            serde_json::json!({"entity": "person:mike-pompeo", "role": "agent"})
        );
        let start = met["provenance"]["char_start"].as_u64().unwrap() as usize;
        let end = met["provenance"]["char_end"].as_u64().unwrap() as usize;
        assert_eq!(&TEXT_A[start..end], "met");
        assert!(value["events"][2]["date"].is_null());
        assert!(value["events"][2]["date_source"].is_null());
        assert_eq!(value["events"][3]["certainty"], "negated");

        let entities = value["entities"].as_array().unwrap();
        assert_eq!(entities.len(), 8);
        assert!(
            entities
                .windows(2)
                .all(|w| w[0]["id"].as_str() < w[1]["id"].as_str())
        );
        let pompeo = entities
            .iter()
            .find(|e| e["id"] == "person:mike-pompeo")
            .unwrap();
        assert_eq!(pompeo["type"], "PERSON");
        assert_eq!(pompeo["mention_count"], 1);
        assert_eq!(
            pompeo["mentions"][0],
            serde_json::json!({"document": "a", "sentence": 0, "char_start": 0, "char_end": 11})
        );
        assert_eq!(
            pompeo["roles"][0],
            serde_json::json!({"title": "director", "organization": "CIA", "start": null, "end": "2018-04", "former": true})
        );

        // Only the role with an organization becomes a relation.
        assert_eq!(
            value["relations"],
            serde_json::json!([{
                "type": "holds_role",
                "source": "person:mike-pompeo",
                "target": "organization:cia",
                "title": "director",
                "start": null,
                "end": "2018-04",
                "former": true,
                "provenance": {"document": "a", "sentence": 0, "char_start": 17, "char_end": 36}
            }])
        );
    }
}
