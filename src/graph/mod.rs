//! The knowledge graph over all documents.

/// The knowledge graph (placeholder until the graph stage lands).
#[derive(Debug, Default)]
pub struct KnowledgeGraph;
