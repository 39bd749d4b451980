//! Runs the annotation layers over one document, in order.

use crate::annotation::Annotated;
use crate::document::Document;
use crate::{entity, event, relation, text, time};

/// Annotates one document: sentences → tokens → time expressions → mentions →
/// entities → events → relations. Documents are independent; call this from
/// many threads at once.
pub fn annotate(document: &Document) -> Annotated {
    let text = document.text.as_str();
    let (sentences, tokens) = text::split(text);
    let mut annotated = Annotated {
        sentences,
        tokens,
        ..Annotated::default()
    };
    annotated.timexes = time::tag(text, &annotated.sentences, document.dct);
    let (mentions, entities) = entity::extract(text, &annotated);
    annotated.mentions = mentions;
    annotated.entities = entities;
    annotated.events = event::extract(document, &annotated);
    annotated.relations = relation::extract(document, &annotated);
    annotated
}
