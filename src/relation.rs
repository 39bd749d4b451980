//! Relations between entities: roles held, with their validity periods.

use crate::annotation::{Annotated, Relation};
use crate::document::Document;

/// Finds the relations of an annotated document.
pub fn extract(_document: &Document, _annotated: &Annotated) -> Vec<Relation> {
    Vec::new()
}
