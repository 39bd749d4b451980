//! Events from trigger words: type, participants, place, date, certainty.

use crate::annotation::{Annotated, Event};
use crate::document::Document;

/// Finds the events of an annotated document.
pub fn extract(_document: &Document, _annotated: &Annotated) -> Vec<Event> {
    Vec::new()
}
