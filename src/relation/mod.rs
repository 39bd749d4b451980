//! Relations between entities: roles held, with their validity periods.
//!
//! Two passes: [`roles`] reads role phrases once mentions are known (the event
//! stage uses them to tell a title's organization from an event's target);
//! [`date_roles`] then bounds those roles in time with the movement,
//! appointment and departure events of the document ("switched to the State
//! Department in April 2018" ends the roles held before and starts the next).

mod periods;
mod roles;

use crate::annotation::{Annotated, Relation};

pub use periods::date_roles;

/// Every role phrase of an annotated document (mentions must be filled).
pub fn roles(text: &str, annotated: &Annotated) -> Vec<Relation> {
    roles::Reader::new(text, annotated).roles()
}
