//! The graph flattened once into nodes and edges with typed attributes, for
//! the formats that hold a plain attributed graph (GraphML, GEXF, Cytoscape,
//! node-link, Neo4j).
//!
//! Nodes: entities sorted by id, then events in timeline order. Edges: one
//! per (source, target, label) with `weight` = how many statements say it,
//! sorted by source, target and label, ids `e0`, `e1`, ... in that order.
//! Every node carries the attributes of [`NODE_KEYS`] that apply to it, every
//! edge those of [`EDGE_KEYS`]; lists are joined with `"; "`.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use petgraph::stable_graph::NodeIndex;
use petgraph::visit::{EdgeRef, IntoEdgeReferences};

use super::csv::role_text;
use super::dot::edge_label;
use super::json::date_source_str;
use crate::annotation::Certainty;
use crate::graph::{Edge, EntityNode, EventNode, KnowledgeGraph, Node, TimelineFilter};

/// The type of an attribute, as the typed formats declare it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AttrType {
    /// Text.
    String,
    /// A whole number.
    Int,
    /// True or false.
    Bool,
}

/// An attribute: its name, type and meaning.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key {
    /// Attribute name, the same in every format.
    pub name: &'static str,
    /// Its type.
    pub ty: AttrType,
}

const fn key(name: &'static str, ty: AttrType) -> Key {
    Key { name, ty }
}

/// Node attributes, in the order the formats declare them. Entities carry
/// `label`, `kind`, `type`, `aliases`, `mentions`, `documents`, `roles` and,
/// when they take part in a dated event, `first_date`/`last_date` (ISO days);
/// events carry `label` (the headline), `kind`, `type`, the date fields when
/// dated, `certainty`, `asserted`, `trigger`, `lemma`, `document`,
/// `sentence`, `char_start`, `char_end`.
pub const NODE_KEYS: [Key; 22] = [
    key("label", AttrType::String),
    key("kind", AttrType::String),
    key("type", AttrType::String),
    key("aliases", AttrType::String),
    key("mentions", AttrType::Int),
    key("documents", AttrType::String),
    key("roles", AttrType::String),
    key("first_date", AttrType::String),
    key("last_date", AttrType::String),
    key("date", AttrType::String),
    key("start", AttrType::String),
    key("end", AttrType::String),
    key("precision", AttrType::String),
    key("date_source", AttrType::String),
    key("certainty", AttrType::String),
    key("asserted", AttrType::Bool),
    key("trigger", AttrType::String),
    key("lemma", AttrType::String),
    key("document", AttrType::String),
    key("sentence", AttrType::String),
    key("char_start", AttrType::Int),
    key("char_end", AttrType::Int),
];

/// Edge attributes, in order. Every edge: `relation` (`agent`, `target`,
/// `other`, `place`, `holds_role`), `label` (the relation, or a role's
/// title with its period), `weight` (statements), `documents`. Edges from a
/// dated event: `date`, `start`, `end`. Role edges: `title`, `role_start`,
/// `role_end`, `former`.
pub const EDGE_KEYS: [Key; 11] = [
    key("relation", AttrType::String),
    key("label", AttrType::String),
    key("weight", AttrType::Int),
    key("documents", AttrType::String),
    key("date", AttrType::String),
    key("start", AttrType::String),
    key("end", AttrType::String),
    key("title", AttrType::String),
    key("role_start", AttrType::String),
    key("role_end", AttrType::String),
    key("former", AttrType::Bool),
];

/// An attribute value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    /// Text.
    Str(String),
    /// A whole number.
    Int(i64),
    /// True or false.
    Bool(bool),
}

impl Value {
    /// Appends the value as XML-escaped text to `out`.
    pub fn push_escaped(&self, out: &mut String) {
        match self {
            Self::Str(s) => super::markup::escape_into(out, s),
            Self::Int(i) => out.push_str(&i.to_string()),
            Self::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        }
    }

    /// The value as text (`true`/`false` for booleans).
    pub fn text(&self) -> String {
        match self {
            Self::Str(s) => s.clone(),
            Self::Int(i) => i.to_string(),
            Self::Bool(b) => b.to_string(),
        }
    }
}

/// Attributes by name; only those that apply are present.
pub type Attrs = BTreeMap<&'static str, Value>;

/// Serializes as one JSON object: the `extra` text fields, then the
/// attributes (sorted by name) with their JSON types.
pub struct JsonObject<'a> {
    /// Fields before the attributes (`id`, `source`, ...).
    pub extra: &'a [(&'static str, &'a str)],
    /// The attributes.
    pub attrs: &'a Attrs,
}

impl serde::Serialize for Value {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Str(s) => serializer.serialize_str(s),
            Self::Int(i) => serializer.serialize_i64(*i),
            Self::Bool(b) => serializer.serialize_bool(*b),
        }
    }
}

impl serde::Serialize for JsonObject<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.extra.len() + self.attrs.len()))?;
        for (name, value) in self.extra {
            map.serialize_entry(name, value)?;
        }
        for (name, value) in self.attrs {
            map.serialize_entry(name, value)?;
        }
        map.end()
    }
}

/// Pretty-printed JSON with a trailing newline.
pub fn pretty_json(value: &impl serde::Serialize) -> anyhow::Result<Vec<u8>> {
    let mut bytes = serde_json::to_vec_pretty(value)?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// An ISO day span (`start`, `end`), both inclusive.
pub type Spell = (String, String);

/// Whether a node is an entity or an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NodeKind {
    /// A person, organization, place or other named thing.
    Entity,
    /// An event.
    Event,
}

/// A node with its attributes.
#[derive(Clone, Debug)]
pub struct FlatNode {
    /// Stable id (`person:mike-pompeo`, `a:e1`).
    pub id: String,
    /// Entity or event.
    pub kind: NodeKind,
    /// Attributes by name.
    pub attrs: Attrs,
    /// When it is on the timeline: an event's date span; an entity's first
    /// to last dated event. `None` when undated.
    pub spell: Option<Spell>,
}

/// An edge with its attributes.
#[derive(Clone, Debug)]
pub struct FlatEdge {
    /// `e0`, `e1`, ... in edge order.
    pub id: String,
    /// Source node id.
    pub source: String,
    /// Target node id.
    pub target: String,
    /// Attributes by name.
    pub attrs: Attrs,
    /// The date span of the event it leaves, if dated.
    pub spell: Option<Spell>,
}

/// The flattened graph.
#[derive(Clone, Debug, Default)]
pub struct FlatGraph {
    /// Entities sorted by id, then events in timeline order.
    pub nodes: Vec<FlatNode>,
    /// Edges sorted by source, target, label.
    pub edges: Vec<FlatEdge>,
}

impl FlatNode {
    /// The node's label attribute.
    pub fn label(&self) -> &str {
        match self.attrs.get("label") {
            Some(Value::Str(s)) => s,
            _ => "",
        }
    }
}

impl FlatEdge {
    /// The edge's relation attribute (`agent`, ..., `holds_role`).
    pub fn relation(&self) -> &str {
        match self.attrs.get("relation") {
            Some(Value::Str(s)) => s,
            _ => "",
        }
    }

    /// The edge's weight: how many statements say it.
    pub fn weight(&self) -> i64 {
        match self.attrs.get("weight") {
            Some(Value::Int(i)) => *i,
            _ => 0,
        }
    }
}

fn s(text: impl Into<String>) -> Value {
    Value::Str(text.into())
}

/// The date span of an event, when its date has calendar bounds.
pub fn event_spell(event: &EventNode) -> Option<Spell> {
    let date = event.date.as_ref()?;
    Some((date.start.clone()?, date.end.clone()?))
}

fn entity_node(entity: &EntityNode, spell: Option<Spell>) -> FlatNode {
    let mut attrs = Attrs::new();
    attrs.insert("label", s(&entity.name));
    attrs.insert("kind", s("entity"));
    attrs.insert("type", s(entity.kind.as_str()));
    attrs.insert("aliases", s(entity.aliases.join("; ")));
    attrs.insert("mentions", Value::Int(entity.mention_count as i64));
    attrs.insert("documents", s(entity.documents.join("; ")));
    let roles: Vec<String> = entity.roles.iter().map(role_text).collect();
    if !roles.is_empty() {
        attrs.insert("roles", s(roles.join("; ")));
    }
    if let Some((first, last)) = &spell {
        attrs.insert("first_date", s(first));
        attrs.insert("last_date", s(last));
    }
    FlatNode {
        id: entity.id.clone(),
        kind: NodeKind::Entity,
        attrs,
        spell,
    }
}

fn event_node(event: &EventNode) -> FlatNode {
    let mut attrs = Attrs::new();
    attrs.insert("label", s(&event.headline));
    attrs.insert("kind", s("event"));
    attrs.insert("type", s(&event.kind));
    if let Some(date) = &event.date {
        attrs.insert("date", s(&date.value));
        if let Some(start) = &date.start {
            attrs.insert("start", s(start));
        }
        if let Some(end) = &date.end {
            attrs.insert("end", s(end));
        }
        if !date.precision.is_empty() {
            attrs.insert("precision", s(&date.precision));
        }
    }
    if let Some(source) = event.date_source {
        attrs.insert("date_source", s(date_source_str(source)));
    }
    attrs.insert("certainty", s(event.certainty.as_str()));
    attrs.insert(
        "asserted",
        Value::Bool(event.certainty == Certainty::Asserted),
    );
    attrs.insert("trigger", s(&event.trigger));
    attrs.insert("lemma", s(&event.lemma));
    attrs.insert("document", s(&event.provenance.document));
    attrs.insert("sentence", s(&event.sentence_text));
    attrs.insert("char_start", Value::Int(event.provenance.char_start as i64));
    attrs.insert("char_end", Value::Int(event.provenance.char_end as i64));
    FlatNode {
        id: event.id.clone(),
        kind: NodeKind::Event,
        attrs,
        spell: event_spell(event),
    }
}

/// First and last day of the dated events each entity takes part in (as
/// participant or place).
fn entity_spells(graph: &KnowledgeGraph) -> HashMap<NodeIndex, Spell> {
    let mut spells: HashMap<NodeIndex, Spell> = HashMap::new();
    for edge in graph.graph.edge_references() {
        let Node::Event(event) = &graph.graph[edge.source()] else {
            continue;
        };
        let Some((start, end)) = event_spell(event) else {
            continue;
        };
        spells
            .entry(edge.target())
            .and_modify(|(first, last)| {
                if start < *first {
                    first.clone_from(&start);
                }
                if end > *last {
                    last.clone_from(&end);
                }
            })
            .or_insert((start, end));
    }
    spells
}

/// What an edge of the knowledge graph says, before statements are counted.
struct Statement<'a> {
    source: &'a str,
    target: &'a str,
    label: String,
    edge: &'a Edge,
    document: &'a str,
    event: Option<&'a EventNode>,
}

/// Flattens `graph` (see the module doc for order and attributes).
pub fn flatten(graph: &KnowledgeGraph) -> FlatGraph {
    let spells = entity_spells(graph);
    let mut entities: Vec<(NodeIndex, &EntityNode)> = graph.entities().collect();
    entities.sort_by(|a, b| a.1.id.cmp(&b.1.id));
    let mut nodes: Vec<FlatNode> = entities
        .into_iter()
        .map(|(index, e)| entity_node(e, spells.get(&index).cloned()))
        .collect();
    let timeline = graph
        .timeline(&TimelineFilter::default())
        .unwrap_or_default();
    nodes.extend(timeline.iter().map(|row| event_node(row.event)));

    let mut statements: Vec<Statement> = graph
        .graph
        .edge_references()
        .map(|e| {
            let source = &graph.graph[e.source()];
            let event = match source {
                Node::Event(event) => Some(event),
                Node::Entity(_) => None,
            };
            let document = match (e.weight(), event) {
                (Edge::HoldsRole { provenance, .. }, _) => provenance.document.as_str(),
                (_, Some(event)) => event.provenance.document.as_str(),
                (_, None) => "",
            };
            Statement {
                source: source.id(),
                target: graph.graph[e.target()].id(),
                label: edge_label(e.weight()),
                edge: e.weight(),
                document,
                event,
            }
        })
        .collect();
    statements.sort_by(|a, b| (a.source, a.target, &a.label).cmp(&(b.source, b.target, &b.label)));

    let mut edges: Vec<FlatEdge> = Vec::new();
    let mut documents: Vec<BTreeSet<&str>> = Vec::new();
    let mut last: Option<(&str, &str, &str)> = None;
    for statement in &statements {
        let same = last == Some((statement.source, statement.target, &statement.label));
        if same {
            let edge = edges
                .last_mut()
                .expect("an edge for the previous statement");
            let weight = edge.weight() + 1;
            edge.attrs.insert("weight", Value::Int(weight));
        } else {
            edges.push(flat_edge(edges.len(), statement));
            documents.push(BTreeSet::new());
        }
        if let Some(docs) = documents.last_mut()
            && !statement.document.is_empty()
        {
            docs.insert(statement.document);
        }
        last = Some((statement.source, statement.target, &statement.label));
    }
    for (edge, docs) in edges.iter_mut().zip(documents) {
        let docs: Vec<&str> = docs.into_iter().collect();
        edge.attrs.insert("documents", s(docs.join("; ")));
    }
    FlatGraph { nodes, edges }
}

fn flat_edge(index: usize, statement: &Statement) -> FlatEdge {
    let mut attrs = Attrs::new();
    attrs.insert("relation", s(statement.edge.label()));
    attrs.insert("label", s(&statement.label));
    attrs.insert("weight", Value::Int(1));
    let spell = statement.event.and_then(event_spell);
    if let Some(date) = statement.event.and_then(|e| e.date.as_ref()) {
        attrs.insert("date", s(&date.value));
        if let Some((start, end)) = &spell {
            attrs.insert("start", s(start));
            attrs.insert("end", s(end));
        }
    }
    if let Edge::HoldsRole { role, .. } = statement.edge {
        attrs.insert("title", s(role.title_text()));
        if let Some(start) = &role.start {
            attrs.insert("role_start", s(start));
        }
        if let Some(end) = &role.end {
            attrs.insert("role_end", s(end));
        }
        attrs.insert("former", Value::Bool(role.former));
    }
    FlatEdge {
        id: format!("e{index}"),
        source: statement.source.to_string(),
        target: statement.target.to_string(),
        attrs,
        spell,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::test_support::sample_graph;

    fn node<'a>(flat: &'a FlatGraph, id: &str) -> &'a FlatNode {
        flat.nodes.iter().find(|n| n.id == id).unwrap()
    }

    #[test]
    fn nodes_are_entities_by_id_then_events_in_timeline_order() {
        let flat = flatten(&sample_graph());
        let ids: Vec<&str> = flat.nodes.iter().map(|n| n.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "location:damascus",
                "location:iran",
                "location:israel",
                "location:jerusalem",
                "organization:acme-q-ltd",
                "organization:cia",
                "person:mike-pompeo",
                "person:netanyahu",
                "b:e1",
                "a:e1",
                "a:e2",
                "b:e2",
            ]
        );
    }

    #[test]
    fn attributes_are_typed_and_only_present_where_they_apply() {
        let flat = flatten(&sample_graph());
        let pompeo = node(&flat, "person:mike-pompeo");
        assert_eq!(pompeo.attrs["mentions"], Value::Int(1));
        assert_eq!(
            pompeo.attrs["roles"],
            s("director of CIA (former, until 2018-04)")
        );
        assert!(!pompeo.attrs.contains_key("certainty"));
        let met = node(&flat, "a:e1");
        assert_eq!(met.attrs["date"], s("2018-02"));
        assert_eq!(met.attrs["precision"], s("month"));
        assert_eq!(met.attrs["asserted"], Value::Bool(true));
        assert_eq!(met.attrs["char_start"], Value::Int(38));
        let helped = node(&flat, "a:e2");
        assert_eq!(helped.attrs["asserted"], Value::Bool(false));
        assert!(!helped.attrs.contains_key("date"));
        assert_eq!(helped.spell, None);
        for n in &flat.nodes {
            for name in n.attrs.keys() {
                assert!(NODE_KEYS.iter().any(|k| k.name == *name), "{name}");
            }
        }
    }

    #[test]
    fn spells_follow_event_dates_and_span_an_entitys_events() {
        let flat = flatten(&sample_graph());
        let spell = |a: &str, b: &str| Some((a.to_string(), b.to_string()));
        assert_eq!(node(&flat, "a:e1").spell, spell("2018-02-01", "2018-02-28"));
        assert_eq!(node(&flat, "b:e1").spell, spell("2018-01-03", "2018-01-03"));
        assert_eq!(
            node(&flat, "person:mike-pompeo").spell,
            spell("2018-02-01", "2018-02-28")
        );
        assert_eq!(
            node(&flat, "person:mike-pompeo").attrs["first_date"],
            s("2018-02-01")
        );
        // Iran takes part in an undated event only; CIA in none.
        assert_eq!(node(&flat, "location:iran").spell, None);
        assert_eq!(node(&flat, "organization:cia").spell, None);
    }

    #[test]
    fn repeated_statements_become_one_edge_with_a_weight() {
        let mut graph = sample_graph();
        let pompeo = graph.find_entity("Mike Pompeo").unwrap();
        let cia = graph.find_entity("CIA").unwrap();
        let existing = graph.graph.find_edge(pompeo, cia).unwrap();
        let mut again = graph.graph[existing].clone();
        if let Edge::HoldsRole { provenance, .. } = &mut again {
            provenance.document = "b".into();
        }
        graph.graph.add_edge(pompeo, cia, again);
        let flat = flatten(&graph);
        assert_eq!(flat.edges.len(), 8);
        let role = flat
            .edges
            .iter()
            .find(|e| e.relation() == "holds_role")
            .unwrap();
        assert_eq!(role.weight(), 2);
        assert_eq!(role.attrs["documents"], s("a; b"));
        assert_eq!(role.attrs["former"], Value::Bool(true));
        assert_eq!(role.attrs["role_end"], s("2018-04"));
        assert_eq!(role.spell, None);
        let ids: Vec<&str> = flat.edges.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["e0", "e1", "e2", "e3", "e4", "e5", "e6", "e7"]);
    }

    #[test]
    fn edges_from_a_dated_event_carry_its_date() {
        let flat = flatten(&sample_graph());
        let edge = flat
            .edges
            .iter()
            .find(|e| e.source == "b:e1" && e.target == "location:damascus")
            .unwrap();
        assert_eq!(edge.relation(), "target");
        assert_eq!(edge.attrs["date"], s("2018-01-03"));
        assert_eq!(
            edge.spell,
            Some(("2018-01-03".to_string(), "2018-01-03".to_string()))
        );
        assert_eq!(edge.attrs["documents"], s("b"));
    }
}
