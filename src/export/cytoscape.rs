//! `cytoscape.json`: the flattened graph as Cytoscape.js elements, which
//! `cytoscape({elements})` loads as they are and Cytoscape desktop imports
//! (File → Import → Network from File, `.cyjs`/JSON).
//!
//! ```text
//! { "format_version": "1.0", "generated_by": "chronograph",
//!   "target_cytoscapejs_version": "~3", "data": { "name": "chronograph" },
//!   "elements": {
//!     "nodes": [ { "data": { "id": "person:mike-pompeo", "label": ..., <node attributes> },
//!                  "classes": "entity person" } ],
//!     "edges": [ { "data": { "id": "e0", "source": ..., "target": ..., <edge attributes> },
//!                  "classes": "agent" } ] } }
//! ```
//!
//! `classes` (the node kind and lower-cased type, the edge relation) are
//! there for Cytoscape.js style selectors (`node.person`, `edge.agent`).

use anyhow::Result;
use serde::Serialize;

use super::flat::{FlatGraph, JsonObject, pretty_json};

/// A Cytoscape.js class name: lower case, anything but letters, digits,
/// `-` and `_` turned into `-`.
fn class(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect()
}

/// One node or edge.
#[derive(Serialize)]
struct Element<'a> {
    data: JsonObject<'a>,
    classes: String,
}

#[derive(Serialize)]
struct Elements<'a> {
    nodes: Vec<Element<'a>>,
    edges: Vec<Element<'a>>,
}

#[derive(Serialize)]
struct GraphData {
    name: &'static str,
}

/// The document `cytoscape.json` holds.
#[derive(Serialize)]
struct CytoscapeJson<'a> {
    format_version: &'static str,
    generated_by: &'static str,
    target_cytoscapejs_version: &'static str,
    data: GraphData,
    elements: Elements<'a>,
}

/// The bytes of `cytoscape.json`.
pub fn to_cytoscape(flat: &FlatGraph) -> Result<Vec<u8>> {
    let node_ids: Vec<[(&str, &str); 1]> =
        flat.nodes.iter().map(|n| [("id", n.id.as_str())]).collect();
    let edge_ends: Vec<[(&str, &str); 3]> = flat
        .edges
        .iter()
        .map(|e| {
            [
                ("id", e.id.as_str()),
                ("source", e.source.as_str()),
                ("target", e.target.as_str()),
            ]
        })
        .collect();
    let nodes = flat
        .nodes
        .iter()
        .zip(&node_ids)
        .map(|(node, extra)| {
            let text = |name: &str| node.attrs.get(name).map(|v| v.text()).unwrap_or_default();
            Element {
                data: JsonObject {
                    extra,
                    attrs: &node.attrs,
                },
                classes: format!("{} {}", class(&text("kind")), class(&text("type"))),
            }
        })
        .collect();
    let edges = flat
        .edges
        .iter()
        .zip(&edge_ends)
        .map(|(edge, extra)| Element {
            data: JsonObject {
                extra,
                attrs: &edge.attrs,
            },
            classes: class(edge.relation()),
        })
        .collect();
    pretty_json(&CytoscapeJson {
        format_version: "1.0",
        generated_by: "chronograph",
        target_cytoscapejs_version: "~3",
        data: GraphData {
            name: "chronograph",
        },
        elements: Elements { nodes, edges },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::flat::flatten;
    use crate::export::test_support::sample_graph;

    #[test]
    fn elements_hold_ids_sources_targets_and_typed_attributes() {
        let bytes = to_cytoscape(&flatten(&sample_graph())).unwrap();
        let value: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        let nodes = value["elements"]["nodes"].as_array().unwrap();
        let edges = value["elements"]["edges"].as_array().unwrap();
        assert_eq!(nodes.len(), 12);
        assert_eq!(edges.len(), 8);
        let pompeo = nodes
            .iter()
            .find(|n| n["data"]["id"] == "person:mike-pompeo")
            .unwrap();
        assert_eq!(pompeo["data"]["mentions"], 1);
        assert_eq!(pompeo["classes"], "entity person");
        let met = nodes.iter().find(|n| n["data"]["id"] == "a:e1").unwrap();
        assert_eq!(met["data"]["date"], "2018-02");
        assert_eq!(met["data"]["asserted"], true);
        assert_eq!(met["classes"], "event meeting");
        for edge in edges {
            let data = &edge["data"];
            for end in ["source", "target"] {
                assert!(nodes.iter().any(|n| n["data"]["id"] == data[end]), "{data}");
            }
        }
        assert!(edges.iter().any(|e| e["classes"] == "holds_role"));
    }

    #[test]
    fn class_names_are_selector_safe() {
        assert_eq!(class("ORGANIZATION"), "organization");
        assert_eq!(class("a b.c"), "a-b-c");
    }
}
