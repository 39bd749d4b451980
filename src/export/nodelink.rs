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
use serde_json::{Value as Json, json};

use super::flat::{FlatGraph, json_object, pretty_json};

/// The document `graph.nodelink.json` holds.
pub fn nodelink_value(flat: &FlatGraph) -> Json {
    let nodes: Vec<Json> = flat
        .nodes
        .iter()
        .map(|node| Json::Object(json_object(&[("id", node.id.clone().into())], &node.attrs)))
        .collect();
    let links: Vec<Json> = flat
        .edges
        .iter()
        .map(|edge| {
            let extra = [
                ("source", edge.source.clone().into()),
                ("target", edge.target.clone().into()),
                ("key", edge.id.clone().into()),
            ];
            Json::Object(json_object(&extra, &edge.attrs))
        })
        .collect();
    json!({
        "directed": true,
        "multigraph": true,
        "graph": { "name": "chronograph" },
        "nodes": nodes,
        "links": links,
    })
}

/// The bytes of `graph.nodelink.json`.
pub fn to_nodelink(flat: &FlatGraph) -> Result<Vec<u8>> {
    pretty_json(&nodelink_value(flat))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::flat::flatten;
    use crate::export::test_support::sample_graph;

    #[test]
    fn nodes_and_links_with_keys() {
        let value = nodelink_value(&flatten(&sample_graph()));
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
