//! Entity mentions (people, organizations, places) and alias resolution.
//!
//! The stage runs in four steps, one file each:
//! [`candidates`] finds capitalised runs and cuts them at titles and
//! connectors; typing gives each a type from lexicons and context, summed
//! over the document, with the learned name tagger ([`crate::ner`], run on
//! the document by `tagger`) voting for names no rule types; resolution groups mentions into entities (surnames,
//! given names, acronyms, demonyms). The word lists live in `data/lexicon/`
//! (`titles.txt`, `countries.txt`, `places.txt`, `org_cues.txt`,
//! `first_names.txt`, `nonames.txt`, `say_verbs.txt`) and are compiled in.
//!
//! Names written all in capitals in bylines and credits ("By YONAH JEREMY
//! BOB") get a title-cased canonical ("Yonah Jeremy Bob"); the form as written
//! stays among the aliases. A mention's span runs from its first to its last
//! token, so an editor's bracket inside a name ("[Yossi] Cohen") is inside the
//! span while the alias reads "Yossi Cohen".

mod candidates;
mod context;
pub mod gazetteer;
mod lexicons;
mod resolve;
mod tagger;
pub mod titles;
mod typing;

#[cfg(test)]
mod tests;

use crate::annotation::{Annotated, Entity, Mention};

/// Finds the name mentions of a document whose sentences, tokens and time
/// expressions are already annotated, and groups them into entities.
///
/// Mentions come in text order and do not overlap; each `entity` indexes the
/// returned entities, which come in order of first mention.
pub fn extract(text: &str, annotated: &Annotated) -> (Vec<Mention>, Vec<Entity>) {
    let cx = context::Context::new(text, annotated);
    let found = candidates::find(&cx);
    let typed = typing::assign(&cx, &found);
    resolve::resolve(&cx, &found, &typed)
}
