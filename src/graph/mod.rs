//! The knowledge graph over all documents: merging and queries.
//!
//! One `StableDiGraph` holds entity and event nodes. Documents are merged one
//! at a time, in input order, so the result does not depend on which document
//! finished annotating first.

mod merge;
pub mod model;
mod query;

use std::collections::HashMap;

use petgraph::stable_graph::{NodeIndex, StableDiGraph};

pub use model::{DateInfo, DocumentInfo, Edge, EntityNode, EventNode, Node, Provenance, RoleFact};
pub use query::{TimelineFilter, TimelineRow};

use crate::annotation::EntityType;

/// Entities and events of all documents, with the indexes used to merge them.
#[derive(Debug, Default)]
pub struct KnowledgeGraph {
    /// The graph itself: entity and event nodes, participant/place/role edges.
    pub graph: StableDiGraph<Node, Edge>,
    /// The documents merged so far, in input order.
    pub documents: Vec<DocumentInfo>,
    /// (type, lower-cased canonical name) → entity node.
    by_name: HashMap<(EntityType, String), NodeIndex>,
    /// (type, lower-cased alias) → entity nodes that carry that alias.
    by_alias: HashMap<(EntityType, String), Vec<NodeIndex>>,
}

impl KnowledgeGraph {
    /// An empty graph.
    pub fn new() -> Self {
        Self::default()
    }

    /// Entity nodes in insertion order.
    pub fn entities(&self) -> impl Iterator<Item = (NodeIndex, &EntityNode)> {
        self.graph
            .node_indices()
            .filter_map(|i| match &self.graph[i] {
                Node::Entity(entity) => Some((i, entity)),
                Node::Event(_) => None,
            })
    }

    /// Event nodes in insertion order.
    pub fn events(&self) -> impl Iterator<Item = (NodeIndex, &EventNode)> {
        self.graph
            .node_indices()
            .filter_map(|i| match &self.graph[i] {
                Node::Event(event) => Some((i, event)),
                Node::Entity(_) => None,
            })
    }

    /// The entity node at `index`, if it is one.
    pub fn entity(&self, index: NodeIndex) -> Option<&EntityNode> {
        match self.graph.node_weight(index)? {
            Node::Entity(entity) => Some(entity),
            Node::Event(_) => None,
        }
    }

    /// Number of entity nodes.
    pub fn entity_count(&self) -> usize {
        self.entities().count()
    }

    /// Number of event nodes.
    pub fn event_count(&self) -> usize {
        self.events().count()
    }

    /// Finds an entity by canonical name or any alias, case-insensitively.
    /// When several entities carry the alias, the one with most mentions wins.
    pub fn find_entity(&self, name: &str) -> Option<NodeIndex> {
        let wanted = name.trim().to_lowercase();
        self.entities()
            .filter(|(_, e)| {
                e.name.to_lowercase() == wanted
                    || e.aliases.iter().any(|a| a.to_lowercase() == wanted)
            })
            .max_by_key(|(i, e)| {
                (
                    e.name.to_lowercase() == wanted,
                    e.mention_count,
                    std::cmp::Reverse(*i),
                )
            })
            .map(|(i, _)| i)
    }
}
