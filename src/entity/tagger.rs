//! The learned name tagger's reading of a document, for the typing step: the
//! type the tagger gives each token (`None` outside names), from the model
//! built into the binary.

use crate::annotation::{EntityType, Token};
use crate::ner::{self, Kind};

/// The graph's type for a tagger kind.
pub fn entity_type(kind: Kind) -> EntityType {
    match kind {
        Kind::Per => EntityType::Person,
        Kind::Org => EntityType::Organization,
        Kind::Loc => EntityType::Location,
        Kind::Misc => EntityType::Misc,
    }
}

/// The tagger's type of every token of a document (all `None` when no model
/// is built in).
pub fn token_types(text: &str, tokens: &[Token]) -> Vec<Option<EntityType>> {
    let Some(model) = ner::shipped() else {
        return vec![None; tokens.len()];
    };
    let mut sentences: Vec<Vec<&str>> = Vec::new();
    let mut current = usize::MAX;
    for token in tokens {
        if token.sentence != current || sentences.is_empty() {
            sentences.push(Vec::new());
            current = token.sentence;
        }
        if let Some(s) = sentences.last_mut() {
            s.push(token.span.text(text));
        }
    }
    model
        .tag_document(&sentences)
        .into_iter()
        .flatten()
        .map(|tag| tag.kind().map(entity_type))
        .collect()
}

/// The type the tagger gives most of the tokens of a name (ties go to the
/// earlier type in person, organization, location, misc order); `None` when
/// it tags none of them.
pub fn name_type(types: &[Option<EntityType>], name: &[usize]) -> Option<EntityType> {
    let order = [
        EntityType::Person,
        EntityType::Organization,
        EntityType::Location,
        EntityType::Misc,
    ];
    let count = |k: EntityType| {
        name.iter()
            .filter(|&&i| types.get(i).copied().flatten() == Some(k))
            .count()
    };
    let mut best: Option<(EntityType, usize)> = None;
    for k in order {
        let c = count(k);
        if c > 0 && best.is_none_or(|(_, b)| c > b) {
            best = Some((k, c));
        }
    }
    best.map(|(k, _)| k)
}
