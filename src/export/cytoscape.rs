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
use serde_json::{Value as Json, json};

use super::flat::{FlatGraph, json_object, pretty_json};

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

/// The document `cytoscape.json` holds.
pub fn cytoscape_value(flat: &FlatGraph) -> Json {
    let nodes: Vec<Json> = flat
        .nodes
        .iter()
        .map(|node| {
            let kind = node.attrs.get("kind").map(|v| v.text()).unwrap_or_default();
            let ty = node.attrs.get("type").map(|v| v.text()).unwrap_or_default();
            json!({
                "data": json_object(&[("id", node.id.clone().into())], &node.attrs),
                "classes": format!("{} {}", class(&kind), class(&ty)),
            })
        })
        .collect();
    let edges: Vec<Json> = flat
        .edges
        .iter()
        .map(|edge| {
            let extra = [
                ("id", edge.id.clone().into()),
                ("source", edge.source.clone().into()),
                ("target", edge.target.clone().into()),
            ];
            json!({
                "data": json_object(&extra, &edge.attrs),
                "classes": class(edge.relation()),
            })
        })
        .collect();
    json!({
        "format_version": "1.0",
        "generated_by": "chronograph",
        "target_cytoscapejs_version": "~3",
        "data": { "name": "chronograph" },
        "elements": { "nodes": nodes, "edges": edges },
    })
}

/// The bytes of `cytoscape.json`.
pub fn to_cytoscape(flat: &FlatGraph) -> Result<Vec<u8>> {
    pretty_json(&cytoscape_value(flat))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::flat::flatten;
    use crate::export::test_support::sample_graph;

    #[test]
    fn elements_hold_ids_sources_targets_and_typed_attributes() {
        let value = cytoscape_value(&flatten(&sample_graph()));
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
