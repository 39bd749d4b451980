//! Bounding roles in time with the events that start or end them.

use crate::annotation::{Annotated, EntityType, Event, ParticipantRole, Relation, RelationKind};

/// Event types that move a person from one post to another.
const MOVES: &[&str] = &["movement", "appointment"];
/// Event types that end a post.
const DEPARTURES: &[&str] = &["departure"];

/// Sets `start`/`end` of `relations` from the dated movement, appointment and
/// departure events in `annotated.events`, and adds the role a person moves
/// into when the text names no title for it (title left empty).
pub fn date_roles(relations: &mut Vec<Relation>, annotated: &Annotated) {
    for event in &annotated.events {
        let Some(date) = &event.date else { continue };
        let Some(person) = agent_person(event, annotated) else {
            continue;
        };
        let target = event
            .participants
            .iter()
            .find(|p| p.role == ParticipantRole::Target)
            .map(|p| p.entity)
            .filter(|&e| annotated.entities[e].kind == EntityType::Organization);
        let near = |r: &Relation| r.sentence + 1 >= event.sentence && r.sentence <= event.sentence;
        if MOVES.contains(&event.kind.as_str()) {
            for relation in relations.iter_mut() {
                if relation.subject != person {
                    continue;
                }
                if target.is_some() && relation.object == target {
                    relation.start.get_or_insert_with(|| date.value.clone());
                } else if near(relation) && relation.end.is_none() && target.is_some() {
                    relation.end = Some(date.value.clone());
                }
            }
            let has_target_role = relations
                .iter()
                .any(|r| r.subject == person && target.is_some() && r.object == target);
            if let (Some(target), false) = (target, has_target_role) {
                relations.push(Relation {
                    kind: RelationKind::HoldsRole,
                    subject: person,
                    object: Some(target),
                    title: String::new(),
                    start: Some(date.value.clone()),
                    end: None,
                    former: false,
                    span: event.trigger,
                    sentence: event.sentence,
                });
            }
        } else if DEPARTURES.contains(&event.kind.as_str()) {
            for relation in relations.iter_mut() {
                let matches_target = target.is_none_or(|t| relation.object == Some(t));
                if relation.subject == person
                    && matches_target
                    && relation.end.is_none()
                    && near(relation)
                {
                    relation.end = Some(date.value.clone());
                }
            }
        }
    }
    share_periods(relations);
    relations.sort_by_key(|r| (r.span.start, r.span.end));
}

/// The same role stated in several sentences shares the period any of them
/// was given.
fn share_periods(relations: &mut [Relation]) {
    for i in 0..relations.len() {
        for j in 0..relations.len() {
            let same = relations[i].subject == relations[j].subject
                && relations[i].object == relations[j].object
                && relations[i].title == relations[j].title;
            if i == j || !same {
                continue;
            }
            if relations[i].start.is_none() {
                relations[i].start = relations[j].start.clone();
            }
            if relations[i].end.is_none() {
                relations[i].end = relations[j].end.clone();
            }
        }
    }
}

/// The person who is the event's agent, if any.
fn agent_person(event: &Event, annotated: &Annotated) -> Option<usize> {
    event
        .participants
        .iter()
        .find(|p| {
            p.role == ParticipantRole::Agent
                && annotated.entities[p.entity].kind == EntityType::Person
        })
        .map(|p| p.entity)
}
