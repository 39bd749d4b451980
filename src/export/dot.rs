//! `graph.dot`: the knowledge graph as a Graphviz diagram, and its SVG.
//!
//! Entities and events are nodes, shaped and coloured by kind:
//!
//! | node         | shape     | fill                         |
//! |--------------|-----------|------------------------------|
//! | person       | ellipse   | light blue                   |
//! | organization | box       | light green                  |
//! | location     | house     | light orange                 |
//! | misc         | hexagon   | lavender                     |
//! | event        | note      | yellow; hedged dashed, future dotted, negated grey |
//!
//! An event reads "headline", then its date (`2018-02`, or `undated`), then
//! its certainty when it is not asserted. Edges carry their relation: `agent`,
//! `target`, `other`, `place`, or for a role its title ("director (former,
//! until 2018-04)").
//!
//! Order is deterministic: entity nodes sorted by id, then event nodes in
//! timeline order (dated by date, then undated), so `dot` tends to lay events
//! out in time order; edges sorted by (source id, target id, label), exact
//! duplicates dropped. graphviz-rust prints ids as given, so every id and
//! value here is quoted and escaped by [`quote`].

use std::io::ErrorKind;
use std::path::Path;

use anyhow::{Context, Result};
use graphviz_rust::cmd::{CommandArg, Format};
use graphviz_rust::dot_structures::{
    Attribute, Edge as DotEdge, EdgeTy, Graph, GraphAttributes, Id, Node as DotNode, NodeId, Stmt,
    Vertex,
};
use graphviz_rust::printer::{DotPrinter, PrinterContext};
use petgraph::Direction;
use petgraph::visit::{EdgeRef, IntoEdgeReferences};

use super::write_atomic;
use crate::annotation::{Certainty, EntityType};
use crate::graph::{Edge, EntityNode, EventNode, KnowledgeGraph, RoleFact, TimelineFilter};

/// Escapes text for the inside of a DOT quoted string: `\` → `\\`, `"` →
/// `\"`, and every line break (`\n`, `\r\n`, `\r`) → `\n`, the DOT line break.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            c => out.push(c),
        }
    }
    out
}

/// `text` as a quoted, escaped DOT id.
pub fn quote(text: &str) -> Id {
    Id::Escaped(format!("\"{}\"", escape(text)))
}

/// A `key="value"` attribute.
fn attr(key: &str, value: &str) -> Attribute {
    Attribute(Id::Plain(key.to_string()), quote(value))
}

/// Shape and fill colour of an entity node.
fn entity_style(kind: EntityType) -> (&'static str, &'static str) {
    match kind {
        EntityType::Person => ("ellipse", "#cfe2f3"),
        EntityType::Organization => ("box", "#d9ead3"),
        EntityType::Location => ("house", "#fce5cd"),
        EntityType::Misc => ("hexagon", "#e6e0f0"),
    }
}

fn entity_node(entity: &EntityNode) -> DotNode {
    let (shape, fill) = entity_style(entity.kind);
    let tooltip = format!(
        "{} ({}), {} mention(s)",
        entity.name,
        entity.kind.as_str().to_lowercase(),
        entity.mention_count
    );
    DotNode::new(
        NodeId(quote(&entity.id), None),
        vec![
            attr("label", &entity.name),
            attr("shape", shape),
            attr("style", "filled"),
            attr("fillcolor", fill),
            attr("tooltip", &tooltip),
        ],
    )
}

/// The label of an event: headline, date, and certainty unless asserted.
pub fn event_label(event: &EventNode) -> String {
    let date = event.date.as_ref().map_or("undated", |d| d.value.as_str());
    let mut label = format!("{}\n{date}", event.headline);
    if event.certainty != Certainty::Asserted {
        label.push_str(&format!("\n[{}]", event.certainty.as_str()));
    }
    label
}

fn event_node(event: &EventNode) -> DotNode {
    let (style, fill, font) = match event.certainty {
        Certainty::Asserted => ("filled", "#fff2cc", "#000000"),
        Certainty::Hedged => ("filled,dashed", "#fff2cc", "#000000"),
        Certainty::Future => ("filled,dotted", "#fff2cc", "#000000"),
        Certainty::Negated => ("filled,dashed", "#eeeeee", "#777777"),
    };
    let tooltip = format!(
        "{} [{}, chars {}-{}]",
        event.sentence_text,
        event.provenance.document,
        event.provenance.char_start,
        event.provenance.char_end
    );
    DotNode::new(
        NodeId(quote(&event.id), None),
        vec![
            attr("label", &event_label(event)),
            attr("shape", "note"),
            attr("style", style),
            attr("fillcolor", fill),
            attr("fontcolor", font),
            attr("tooltip", &tooltip),
        ],
    )
}

/// Period and status of a role: "former, since 2017-01, until 2018-04";
/// empty when the text says nothing of it.
pub fn role_qualifiers(role: &RoleFact) -> String {
    let mut parts = Vec::new();
    if role.former {
        parts.push("former".to_string());
    }
    if let Some(start) = &role.start {
        parts.push(format!("since {start}"));
    }
    if let Some(end) = &role.end {
        parts.push(format!("until {end}"));
    }
    parts.join(", ")
}

/// An edge's label: its relation, or for a role the title and qualifiers.
pub fn edge_label(edge: &Edge) -> String {
    match edge {
        Edge::HoldsRole { role, .. } => {
            let qualifiers = role_qualifiers(role);
            if qualifiers.is_empty() {
                role.title_text().to_string()
            } else {
                format!("{} ({qualifiers})", role.title_text())
            }
        }
        other => other.label().to_string(),
    }
}

/// Colour and style of an edge.
fn edge_style(edge: &Edge) -> (&'static str, &'static str) {
    match edge {
        Edge::Participant { role } => match role.as_str() {
            "agent" => ("#1c4587", "solid"),
            "target" => ("#990000", "solid"),
            _ => ("#666666", "solid"),
        },
        Edge::Place => ("#b45f06", "dotted"),
        Edge::HoldsRole { .. } => ("#38761d", "dashed"),
    }
}

/// The diagram as a graphviz-rust graph.
pub fn dot_graph(graph: &KnowledgeGraph) -> Graph {
    let mut stmts: Vec<Stmt> = Vec::new();
    // An entity no event or role links to says nothing in a diagram: it is
    // left out (and counted in the title); the other files keep it.
    let mut entities: Vec<&EntityNode> = graph
        .entities()
        .filter(|(index, _)| {
            graph
                .graph
                .edges_directed(*index, Direction::Incoming)
                .next()
                .is_some()
                || graph
                    .graph
                    .edges_directed(*index, Direction::Outgoing)
                    .next()
                    .is_some()
        })
        .map(|(_, e)| e)
        .collect();
    let unlinked = graph.entity_count() - entities.len();
    let mut title = format!(
        "Chronograph: {} document(s), {} entities, {} events",
        graph.documents.len(),
        graph.entity_count(),
        graph.event_count()
    );
    if unlinked > 0 {
        title.push_str(&format!(" ({unlinked} entities without links not drawn)"));
    }
    stmts.push(Stmt::GAttribute(GraphAttributes::Graph(vec![
        attr("label", &title),
        attr("labelloc", "t"),
        attr("rankdir", "LR"),
        // Lay the connected parts out side by side in rows, not one tall
        // column.
        attr("pack", "true"),
        attr("packmode", "array_c8"),
        attr("fontname", "Helvetica"),
    ])));
    stmts.push(Stmt::GAttribute(GraphAttributes::Node(vec![
        attr("fontname", "Helvetica"),
        attr("fontsize", "10"),
    ])));
    stmts.push(Stmt::GAttribute(GraphAttributes::Edge(vec![
        attr("fontname", "Helvetica"),
        attr("fontsize", "9"),
    ])));

    entities.sort_by(|a, b| a.id.cmp(&b.id));
    stmts.extend(entities.into_iter().map(|e| Stmt::Node(entity_node(e))));
    let timeline = graph
        .timeline(&TimelineFilter::default())
        .unwrap_or_default();
    stmts.extend(timeline.iter().map(|row| Stmt::Node(event_node(row.event))));

    let mut edges: Vec<(&str, &str, String, &Edge)> = graph
        .graph
        .edge_references()
        .map(|e| {
            let source = graph.graph[e.source()].id();
            let target = graph.graph[e.target()].id();
            (source, target, edge_label(e.weight()), e.weight())
        })
        .collect();
    edges.sort_by(|a, b| (a.0, a.1, &a.2).cmp(&(b.0, b.1, &b.2)));
    edges.dedup_by(|a, b| (a.0, a.1, &a.2) == (b.0, b.1, &b.2));
    for (source, target, label, edge) in edges {
        let (color, style) = edge_style(edge);
        stmts.push(Stmt::Edge(DotEdge {
            ty: EdgeTy::Pair(
                Vertex::N(NodeId(quote(source), None)),
                Vertex::N(NodeId(quote(target), None)),
            ),
            attributes: vec![
                attr("label", &label),
                attr("color", color),
                attr("fontcolor", color),
                attr("style", style),
            ],
        }));
    }
    Graph::DiGraph {
        id: quote("chronograph"),
        strict: false,
        stmts,
    }
}

/// The text of `graph.dot`, ending with a newline.
pub fn to_dot(graph: &KnowledgeGraph) -> String {
    let mut text = dot_graph(graph).print(&mut PrinterContext::default());
    text.push('\n');
    text
}

/// True when Graphviz's `dot` program is on `PATH`.
pub fn dot_available() -> bool {
    let Some(path) = std::env::var_os("PATH") else {
        return false;
    };
    std::env::split_paths(&path).any(|dir| {
        ["dot", "dot.exe"]
            .iter()
            .any(|name| dir.join(name).is_file())
    })
}

/// Renders `dot_path` to SVG at `svg_path` with Graphviz's `dot`, atomically.
/// Returns `Ok(false)`, writing nothing, when `dot` is not installed: the
/// caller then prints [`super::SVG_NOTICE`]. Fails when `dot` is there but
/// cannot render, or a file cannot be read or written.
pub fn render_svg(dot_path: &Path, svg_path: &Path) -> Result<bool> {
    render(dot_path, svg_path, super::Format::Svg)
}

/// Renders `dot_path` as `format` ([`super::Format::Svg`] or
/// [`super::Format::Png`]; anything else is SVG) at `path`, atomically,
/// like [`render_svg`].
pub fn render(dot_path: &Path, path: &Path, format: super::Format) -> Result<bool> {
    if !dot_available() {
        return Ok(false);
    }
    let dot = std::fs::read_to_string(dot_path)
        .with_context(|| format!("cannot read {}", dot_path.display()))?;
    let format = match format {
        super::Format::Png => Format::Png,
        _ => Format::Svg,
    };
    let svg = match graphviz_rust::exec_dot(dot, vec![CommandArg::Format(format)]) {
        Ok(svg) => svg,
        Err(error) if error.kind() == ErrorKind::NotFound => return Ok(false),
        Err(error) => {
            return Err(error)
                .with_context(|| format!("Graphviz dot could not render {}", dot_path.display()));
        }
    };
    write_atomic(path, &svg)?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::test_support::{ACME, sample_graph};

    fn id_text(id: &Id) -> String {
        match id {
            Id::Html(s) | Id::Escaped(s) | Id::Plain(s) | Id::Anonymous(s) => s.clone(),
        }
    }

    #[test]
    fn escapes_quotes_backslashes_and_line_breaks() {
        assert_eq!(escape(r#"Acme "Q\ Ltd"#), r#"Acme \"Q\\ Ltd"#);
        assert_eq!(escape("one\ntwo\r\nthree\rfour"), r"one\ntwo\nthree\nfour");
        assert_eq!(escape(r"ends with \"), r"ends with \\");
        assert_eq!(escape("<b>fine</b>"), "<b>fine</b>");
        assert_eq!(id_text(&quote("a\"b")), r#""a\"b""#);
    }

    #[test]
    fn output_parses_back_with_the_expected_nodes_and_edges() {
        let graph = sample_graph();
        let text = to_dot(&graph);
        let parsed = graphviz_rust::parse(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
        let Graph::DiGraph { stmts, .. } = parsed else {
            panic!("not a digraph");
        };
        let nodes: Vec<String> = stmts
            .iter()
            .filter_map(|s| match s {
                Stmt::Node(n) => Some(id_text(&n.id.0)),
                _ => None,
            })
            .collect();
        // 8 entities sorted by id, then 4 events in timeline order.
        assert_eq!(
            nodes,
            vec![
                "\"location:damascus\"",
                "\"location:iran\"",
                "\"location:israel\"",
                "\"location:jerusalem\"",
                "\"organization:acme-q-ltd\"",
                "\"organization:cia\"",
                "\"person:mike-pompeo\"",
                "\"person:netanyahu\"",
                "\"b:e1\"",
                "\"a:e1\"",
                "\"a:e2\"",
                "\"b:e2\"",
            ]
        );
        let edges: Vec<(String, String)> = stmts
            .iter()
            .filter_map(|s| match s {
                Stmt::Edge(DotEdge {
                    ty: EdgeTy::Pair(Vertex::N(a), Vertex::N(b)),
                    ..
                }) => Some((id_text(&a.0), id_text(&b.0))),
                _ => None,
            })
            .collect();
        // a:e1 → Pompeo, Netanyahu, Jerusalem; a:e2 → Iran; b:e1 → Israel,
        // Damascus; b:e2 → Acme; Pompeo → CIA.
        assert_eq!(edges.len(), 8);
        let mut sorted = edges.clone();
        sorted.sort();
        assert_eq!(edges, sorted);
        assert!(text.contains(&format!("label=\"{}\"", escape(ACME))));
        assert!(text.contains(r#"label="director (former, until 2018-04)""#));
        assert!(text.contains(r#"label="Mike Pompeo met (Jerusalem)\n2018-02""#));
        assert!(text.contains(r#"\nundated\n[hedged]""#));
        assert!(text.ends_with("}\n"));
    }

    #[test]
    fn an_entity_without_links_is_left_out_and_counted_in_the_title() {
        let mut graph = sample_graph();
        let mut lonely = graph
            .entity(graph.find_entity("Iran").unwrap())
            .unwrap()
            .clone();
        lonely.id = "location:atlantis".into();
        lonely.name = "Atlantis".into();
        graph.graph.add_node(crate::graph::Node::Entity(lonely));
        let text = to_dot(&graph);
        assert!(!text.contains("Atlantis"), "{text}");
        assert!(text.contains(
            "Chronograph: 2 document(s), 9 entities, 4 events (1 entities without links not drawn)"
        ));
        assert!(text.contains(r#"pack="true""#));
        // The graph's other files keep it.
        assert!(
            crate::export::flat::flatten(&graph)
                .nodes
                .iter()
                .any(|n| n.id == "location:atlantis")
        );
    }

    #[test]
    fn renders_svg_when_graphviz_is_installed() {
        let root = tempfile::tempdir().unwrap();
        let dot_path = root.path().join("graph.dot");
        let svg_path = root.path().join("graph.svg");
        write_atomic(&dot_path, to_dot(&sample_graph()).as_bytes()).unwrap();
        let rendered = render_svg(&dot_path, &svg_path).unwrap();
        if !dot_available() {
            assert!(!rendered);
            assert!(!svg_path.exists());
            eprintln!("skipped SVG rendering check: Graphviz `dot` is not on PATH");
            return;
        }
        assert!(rendered);
        let svg = std::fs::read_to_string(&svg_path).unwrap();
        assert!(svg.contains("<svg"), "{svg}");
        assert!(svg.contains("Netanyahu"));
    }

    #[test]
    fn a_name_with_a_line_break_quote_and_backslash_stays_one_label() {
        let mut graph = sample_graph();
        let index = graph.find_entity("CIA").unwrap();
        if let crate::graph::Node::Entity(e) = &mut graph.graph[index] {
            e.name = "Central \"Intelligence\"\r\nAgency \\N\\".into();
        }
        let text = to_dot(&graph);
        assert!(
            text.contains(r#"label="Central \"Intelligence\"\nAgency \\N\\""#),
            "{text}"
        );
        let Graph::DiGraph { stmts, .. } = graphviz_rust::parse(&text).unwrap() else {
            panic!("not a digraph");
        };
        let label = stmts
            .iter()
            .find_map(|s| match s {
                Stmt::Node(n) if id_text(&n.id.0) == "\"organization:cia\"" => Some(
                    n.attributes
                        .iter()
                        .find(|a| id_text(&a.0) == "label")
                        .map(|a| id_text(&a.1))
                        .unwrap(),
                ),
                _ => None,
            })
            .unwrap();
        assert_eq!(label, r#""Central \"Intelligence\"\nAgency \\N\\""#);
        if dot_available() {
            let svg = graphviz_rust::exec_dot(text, vec![CommandArg::Format(Format::Svg)]).unwrap();
            let svg = String::from_utf8(svg).unwrap();
            // Two text lines, the quotes and the literal backslashes kept.
            assert!(
                svg.contains("&quot;Intelligence&quot;") || svg.contains("\"Intelligence\""),
                "{svg}"
            );
            assert!(svg.contains(">Agency \\N\\<"), "{svg}");
        }
    }
}
