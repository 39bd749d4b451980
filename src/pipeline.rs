//! Runs the annotation layers over one document, in order.

use crate::annotation::Annotated;
use crate::document::Document;
use crate::{entity, event, relation, text, time};

/// Annotates one document: sentences → tokens → time expressions → mentions →
/// entities → role phrases → events → relations (roles bounded in time by the
/// events). Documents are independent; call this from many threads at once.
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
    let mut roles = relation::roles(text, &annotated);
    annotated.events = event::extract(document, &annotated, &roles);
    relation::date_roles(&mut roles, &annotated);
    annotated.relations = roles;
    annotated
}

/// Annotates every document in parallel (on `jobs` threads, or rayon's
/// default when `None`), calling `on_done` after each. The result is in the
/// order of `documents`, whatever the order the threads finish in.
pub fn annotate_all(
    documents: &[Document],
    jobs: Option<usize>,
    on_done: impl Fn() + Sync,
) -> Result<Vec<Annotated>, rayon::ThreadPoolBuildError> {
    use rayon::prelude::*;
    let run = || {
        documents
            .par_iter()
            .map(|document| {
                let annotated = annotate(document);
                on_done();
                annotated
            })
            .collect()
    };
    match jobs {
        Some(threads) => {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads.max(1))
                .build()?;
            Ok(pool.install(run))
        }
        None => Ok(run()),
    }
}

/// Merges annotated documents into one knowledge graph, in the order given.
pub fn build_graph(documents: &[Document], annotated: &[Annotated]) -> crate::KnowledgeGraph {
    let mut graph = crate::KnowledgeGraph::new();
    for (document, layers) in documents.iter().zip(annotated) {
        graph.add_document(document, layers);
    }
    graph.finish();
    graph
}
