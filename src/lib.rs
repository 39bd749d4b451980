//! Chronograph: news articles in, a knowledge graph with timelines out.
//!
//! The flow runs one way (see `DESIGN.md` of the team):
//! files ─[`ingest`]▶ [`Document`] ─[`pipeline`]▶ [`Annotated`] ─[`graph`]▶
//! [`KnowledgeGraph`] ─[`export`]▶ files.

#![warn(missing_docs)]

pub mod annotation;
pub mod document;
pub mod entity;
pub mod event;
pub mod export;
pub mod graph;
pub mod ingest;
pub mod lexicon;
pub mod ner;
pub mod pipeline;
pub mod relation;
pub mod text;
pub mod time;

pub use annotation::Annotated;
pub use document::Document;
pub use graph::KnowledgeGraph;
