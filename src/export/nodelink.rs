//! `graph.nodelink.json`: the flattened graph in the node-link layout that
//! D3 force layouts and networkx's `node_link_graph(data, edges="links")`
//! read.
//!
//! ```text
//! { "directed": true, "multigraph": true, "graph": { "name": "chronograph" },
//!   "nodes": [ { "id": "person:mike-pompeo", <node attributes> } ],
//!   "links": [ { "source": ..., "target": ..., "key": "e0", <edge attributes> } ] }
//! ```
//!
//! `multigraph` is true because two nodes may be joined by edges with
//! different labels (two roles); `key` tells them apart.

use anyhow::Result;
use serde::Serialize;

use super::flat::{FlatGraph, JsonObject, pretty_json};

#[derive(Serialize)]
struct GraphData {
    name: &'static str,
}

/// The document `graph.nodelink.json` holds.
#[derive(Serialize)]
struct NodeLinkJson<'a> {
    directed: bool,
    multigraph: bool,
    graph: GraphData,
    nodes: Vec<JsonObject<'a>>,
    links: Vec<JsonObject<'a>>,
}

/// The bytes of `graph.nodelink.json`.
pub fn to_nodelink(flat: &FlatGraph) -> Result<Vec<u8>> {
    let node_ids: Vec<[(&str, &str); 1]> =
        flat.nodes.iter().map(|n| [("id", n.id.as_str())]).collect();
    let link_ends: Vec<[(&str, &str); 3]> = flat
        .edges
        .iter()
        .map(|e| {
            [
                ("source", e.source.as_str()),
                ("target", e.target.as_str()),
                ("key", e.id.as_str()),
            ]
        })
        .collect();
    pretty_json(&NodeLinkJson {
        directed: true,
        multigraph: true,
        graph: GraphData {
            name: "chronograph",
        },
        nodes: flat
            .nodes
            .iter()
            .zip(&node_ids)
            .map(|(node, extra)| JsonObject {
                extra,
                attrs: &node.attrs,
            })
            .collect(),
        links: flat
            .edges
            .iter()
            .zip(&link_ends)
            .map(|(edge, extra)| JsonObject {
                extra,
                attrs: &edge.attrs,
            })
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::flat::flatten;
    use crate::export::test_support::sample_graph;

    #[test]
    fn nodes_and_links_with_keys() {
        let bytes = to_nodelink(&flatten(&sample_graph())).unwrap();
        let value: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(value["directed"], true);
        assert_eq!(value["multigraph"], true);
        assert_eq!(value["nodes"].as_array().unwrap().len(), 12);
        let links = value["links"].as_array().unwrap();
        assert_eq!(links.len(), 8);
        let role = links
            .iter()
            .find(|l| l["relation"] == "holds_role")
            .unwrap();
        assert_eq!(role["source"], "person:mike-pompeo");
        assert_eq!(role["target"], "organization:cia");
        assert_eq!(role["weight"], 1);
        assert_eq!(role["former"], true);
        assert!(role["key"].as_str().unwrap().starts_with('e'));
    }
}
