//! `graph.gexf`: the flattened graph as GEXF 1.3 for Gephi, valid against
//! the official schema.
//!
//! The graph is `mode="dynamic"` with `timeformat="date"`: an event node and
//! the edges leaving it carry a `<spell>` from the first to the last day of
//! its date, an entity one from the first to the last day of the dated
//! events it takes part in, so Gephi's timeline plays the story. Undated
//! nodes and edges carry no spell (always shown). Attributes are declared
//! once per class with GEXF types (`string`, `integer`, `boolean`); the edge
//! weight is GEXF's own `weight` (statements), the label GEXF's `label`,
//! also given as the edge `kind` so that Gephi keeps two edges between the
//! same nodes (two roles) apart instead of merging them.

use super::flat::{AttrType, Attrs, EDGE_KEYS, FlatGraph, Key, NODE_KEYS, Spell};
use super::markup::escape;

/// GEXF's name of an attribute type.
fn type_name(ty: AttrType) -> &'static str {
    match ty {
        AttrType::String => "string",
        AttrType::Int => "integer",
        AttrType::Bool => "boolean",
    }
}

/// Keys written as `<attvalue>`s: all but those GEXF holds natively.
fn declared(keys: &[Key]) -> impl Iterator<Item = (usize, &Key)> {
    keys.iter()
        .enumerate()
        .filter(|(_, k)| !matches!(k.name, "label" | "weight"))
}

fn attributes_block(out: &mut String, class: &str, keys: &[Key]) {
    out.push_str(&format!(
        "    <attributes class=\"{class}\" mode=\"static\">\n"
    ));
    for (index, key) in declared(keys) {
        out.push_str(&format!(
            "      <attribute id=\"{index}\" title=\"{}\" type=\"{}\"/>\n",
            key.name,
            type_name(key.ty)
        ));
    }
    out.push_str("    </attributes>\n");
}

fn body(out: &mut String, keys: &[Key], attrs: &Attrs, spell: &Option<Spell>) {
    out.push_str("        <attvalues>\n");
    for (index, key) in declared(keys) {
        if let Some(value) = attrs.get(key.name) {
            out.push_str("          <attvalue for=\"");
            out.push_str(&index.to_string());
            out.push_str("\" value=\"");
            value.push_escaped(out);
            out.push_str("\"/>\n");
        }
    }
    out.push_str("        </attvalues>\n");
    if let Some((start, end)) = spell {
        out.push_str(&format!(
            "        <spells>\n          <spell start=\"{start}\" end=\"{end}\"/>\n        </spells>\n"
        ));
    }
}

/// The text of `graph.gexf`.
pub fn to_gexf(flat: &FlatGraph) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n\
         \x20 <meta>\n\
         \x20   <creator>Chronograph</creator>\n\
         \x20   <description>Entities and events read from news articles</description>\n\
         \x20 </meta>\n\
         \x20 <graph mode=\"dynamic\" defaultedgetype=\"directed\" timeformat=\"date\">\n",
    );
    attributes_block(&mut out, "node", &NODE_KEYS);
    attributes_block(&mut out, "edge", &EDGE_KEYS);
    out.push_str(&format!("    <nodes count=\"{}\">\n", flat.nodes.len()));
    for node in &flat.nodes {
        out.push_str(&format!(
            "      <node id=\"{}\" label=\"{}\">\n",
            escape(&node.id),
            escape(node.label())
        ));
        body(&mut out, &NODE_KEYS, &node.attrs, &node.spell);
        out.push_str("      </node>\n");
    }
    out.push_str("    </nodes>\n");
    out.push_str(&format!("    <edges count=\"{}\">\n", flat.edges.len()));
    for edge in &flat.edges {
        let label = edge
            .attrs
            .get("label")
            .map(|v| v.text())
            .unwrap_or_default();
        out.push_str(&format!(
            "      <edge id=\"{}\" source=\"{}\" target=\"{}\" label=\"{label}\" kind=\"{label}\" weight=\"{}\">\n",
            escape(&edge.id),
            escape(&edge.source),
            escape(&edge.target),
            edge.weight(),
            label = escape(&label),
        ));
        body(&mut out, &EDGE_KEYS, &edge.attrs, &edge.spell);
        out.push_str("      </edge>\n");
    }
    out.push_str("    </edges>\n  </graph>\n</gexf>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::flat::flatten;
    use crate::export::test_support::sample_graph;

    #[test]
    fn is_dynamic_with_spells_on_dated_nodes_and_edges_only() {
        let text = to_gexf(&flatten(&sample_graph()));
        assert!(
            text.contains(r#"<graph mode="dynamic" defaultedgetype="directed" timeformat="date">"#)
        );
        assert!(text.contains(r#"<nodes count="12">"#));
        assert!(text.contains(r#"<edges count="8">"#));
        // Two dated events, the five entities they involve, the five edges
        // leaving them.
        assert_eq!(text.matches("<spell ").count(), 2 + 5 + 5);
        assert!(text.contains(r#"<spell start="2018-02-01" end="2018-02-28"/>"#));
        let iran = text.find(r#"<node id="location:iran""#).unwrap();
        let next = text[iran..].find("</node>").unwrap();
        assert!(!text[iran..iran + next].contains("<spell"));
    }

    #[test]
    fn attributes_are_typed_and_values_escaped() {
        let text = to_gexf(&flatten(&sample_graph()));
        assert!(text.contains(r#"title="mentions" type="integer""#));
        assert!(text.contains(r#"title="asserted" type="boolean""#));
        assert!(!text.contains(r#"title="label""#));
        assert!(text.contains(r#"label="Acme &quot;Q\ Ltd""#));
        assert!(text.contains(
            r#"label="director (former, until 2018-04)" kind="director (former, until 2018-04)" weight="1""#
        ));
    }
}
