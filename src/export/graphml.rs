//! `graph.graphml`: the flattened graph as GraphML, for networkx
//! (`read_graphml`), yEd and Gephi.
//!
//! One `<key>` per attribute of [`NODE_KEYS`] and [`EDGE_KEYS`], typed
//! `string`, `int` or `boolean`, with ids `n_<name>` and `e_<name>`; a
//! node or edge holds a `<data>` only for the attributes that apply to it.
//! Edges are directed and keep their id (`e0`, ...); two edges between the
//! same nodes with different labels are both kept (a multigraph).

use super::flat::{AttrType, Attrs, EDGE_KEYS, FlatGraph, Key, NODE_KEYS};
use super::markup::escape;

/// GraphML's name of an attribute type.
fn type_name(ty: AttrType) -> &'static str {
    match ty {
        AttrType::String => "string",
        AttrType::Int => "int",
        AttrType::Bool => "boolean",
    }
}

fn key_lines(out: &mut String, class: &str, prefix: &str, keys: &[Key]) {
    for key in keys {
        out.push_str(&format!(
            "  <key id=\"{prefix}_{name}\" for=\"{class}\" attr.name=\"{name}\" attr.type=\"{ty}\"/>\n",
            name = key.name,
            ty = type_name(key.ty)
        ));
    }
}

fn data_lines(out: &mut String, prefix: &str, keys: &[Key], attrs: &Attrs) {
    for key in keys {
        if let Some(value) = attrs.get(key.name) {
            out.push_str("      <data key=\"");
            out.push_str(prefix);
            out.push('_');
            out.push_str(key.name);
            out.push_str("\">");
            value.push_escaped(out);
            out.push_str("</data>\n");
        }
    }
}

/// The text of `graph.graphml`.
pub fn to_graphml(flat: &FlatGraph) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
    );
    key_lines(&mut out, "node", "n", &NODE_KEYS);
    key_lines(&mut out, "edge", "e", &EDGE_KEYS);
    out.push_str("  <graph id=\"chronograph\" edgedefault=\"directed\">\n");
    for node in &flat.nodes {
        out.push_str(&format!("    <node id=\"{}\">\n", escape(&node.id)));
        data_lines(&mut out, "n", &NODE_KEYS, &node.attrs);
        out.push_str("    </node>\n");
    }
    for edge in &flat.edges {
        out.push_str(&format!(
            "    <edge id=\"{}\" source=\"{}\" target=\"{}\">\n",
            escape(&edge.id),
            escape(&edge.source),
            escape(&edge.target)
        ));
        data_lines(&mut out, "e", &EDGE_KEYS, &edge.attrs);
        out.push_str("    </edge>\n");
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::flat::flatten;
    use crate::export::test_support::sample_graph;

    #[test]
    fn declares_typed_keys_and_holds_every_node_and_edge() {
        let text = to_graphml(&flatten(&sample_graph()));
        assert!(
            text.contains(
                r#"<key id="n_mentions" for="node" attr.name="mentions" attr.type="int"/>"#
            )
        );
        assert!(text.contains(
            r#"<key id="n_asserted" for="node" attr.name="asserted" attr.type="boolean"/>"#
        ));
        assert!(
            text.contains(r#"<key id="e_weight" for="edge" attr.name="weight" attr.type="int"/>"#)
        );
        assert_eq!(text.matches("<node id=").count(), 12);
        assert_eq!(text.matches("<edge id=").count(), 8);
        assert!(text.ends_with("</graphml>\n"));
    }

    #[test]
    fn text_is_escaped() {
        let text = to_graphml(&flatten(&sample_graph()));
        assert!(
            text.contains(r#"<data key="n_label">Acme &quot;Q\ Ltd</data>"#),
            "{text}"
        );
        assert!(!text.contains("Acme \"Q"));
    }
}
