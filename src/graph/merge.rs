//! Merging one annotated document into the knowledge graph.

use std::collections::BTreeSet;

use petgraph::stable_graph::NodeIndex;

use super::KnowledgeGraph;
use super::model::{
    DateInfo, DocumentInfo, Edge, EntityNode, EventNode, Node, Provenance, RoleFact,
};
use crate::annotation::{Annotated, CharIndex, Entity, EntityType, Event, ParticipantRole, Span};
use crate::document::Document;
use crate::time::value::bounds;

/// Per-document context for turning spans into provenance.
struct DocContext<'a> {
    document: &'a Document,
    annotated: &'a Annotated,
    chars: CharIndex,
}

impl DocContext<'_> {
    fn provenance(&self, span: Span, sentence: usize) -> Provenance {
        Provenance {
            document: self.document.id.clone(),
            sentence,
            char_start: self.chars.char_offset(span.start),
            char_end: self.chars.char_offset(span.end),
        }
    }

    fn sentence_text(&self, sentence: usize) -> String {
        let span = self.annotated.sentences[sentence].span;
        fold_whitespace(span.text(&self.document.text))
    }
}

impl KnowledgeGraph {
    /// Merges one annotated document: its entities join the entities already
    /// there (same type and canonical name, or an unambiguous alias), its events
    /// and relations are added with their provenance.
    pub fn add_document(&mut self, document: &Document, annotated: &Annotated) {
        let context = DocContext {
            document,
            annotated,
            chars: CharIndex::new(&document.text),
        };
        self.documents.push(DocumentInfo {
            id: document.id.clone(),
            source: document.source.clone(),
            title: document.title.clone(),
            dct: document.dct.map(|d| d.to_string()),
            url: document.url.clone(),
            sentences: annotated.sentences.len(),
        });
        let nodes: Vec<NodeIndex> = annotated
            .entities
            .iter()
            .map(|entity| self.merge_entity(&context, entity))
            .collect();
        for (number, event) in annotated.events.iter().enumerate() {
            self.add_event(&context, &nodes, number + 1, event);
        }
        for relation in &annotated.relations {
            let person = nodes[relation.subject];
            let organization = relation.object.map(|o| nodes[o]);
            let role = RoleFact {
                title: relation.title.clone(),
                organization: organization
                    .and_then(|o| self.entity(o))
                    .map(|e| e.name.clone()),
                start: relation.start.clone(),
                end: relation.end.clone(),
                former: relation.former,
            };
            let provenance = context.provenance(relation.span, relation.sentence);
            if let Node::Entity(entity) = &mut self.graph[person] {
                entity.roles.push(role.clone());
                entity.role_sources.push((role.clone(), provenance.clone()));
            }
            if let Some(organization) = organization {
                self.graph
                    .add_edge(person, organization, Edge::HoldsRole { role, provenance });
            }
        }
    }

    /// Sorts and de-duplicates the per-entity lists and gives every node its
    /// final id. Call once, after the last document.
    pub fn finish(&mut self) {
        let mut taken = BTreeSet::new();
        let indices: Vec<NodeIndex> = self.graph.node_indices().collect();
        for index in indices {
            if let Node::Entity(entity) = &mut self.graph[index] {
                entity.aliases.sort();
                entity.aliases.dedup();
                entity.documents.sort();
                entity.documents.dedup();
                entity.roles.sort();
                entity.roles.dedup();
                entity.role_sources.sort();
                entity.role_sources.dedup();
                let base = format!(
                    "{}:{}",
                    entity.kind.as_str().to_lowercase(),
                    slug(&entity.name)
                );
                let mut id = base.clone();
                let mut n = 2;
                while !taken.insert(id.clone()) {
                    id = format!("{base}-{n}");
                    n += 1;
                }
                entity.id = id;
            }
        }
    }

    /// Finds the node a document's entity merges into, or makes a new one, and
    /// adds the entity's mentions and aliases to it.
    fn merge_entity(&mut self, context: &DocContext, entity: &Entity) -> NodeIndex {
        let key = (entity.kind, name_key(entity.kind, &entity.canonical));
        let index = match self.by_name.get(&key) {
            Some(&index) => index,
            None => self.merge_by_alias(entity).unwrap_or_else(|| {
                let index = self.graph.add_node(Node::Entity(EntityNode {
                    id: String::new(),
                    name: entity.canonical.clone(),
                    kind: entity.kind,
                    aliases: Vec::new(),
                    mention_count: 0,
                    documents: Vec::new(),
                    roles: Vec::new(),
                    role_sources: Vec::new(),
                    mentions: Vec::new(),
                }));
                self.by_name.insert(key, index);
                index
            }),
        };
        let mentions: Vec<Provenance> = entity
            .mentions
            .iter()
            .map(|&m| {
                let mention = &context.annotated.mentions[m];
                context.provenance(mention.span, mention.sentence)
            })
            .collect();
        // A person's surname finds them from another document ("Visser").
        let surname = (entity.kind == EntityType::Person)
            .then(|| entity.canonical.split_whitespace().last())
            .flatten()
            .filter(|_| entity.canonical.split_whitespace().count() > 1);
        for alias in entity.aliases.iter().map(String::as_str).chain(surname) {
            let slot = self
                .by_alias
                .entry((entity.kind, name_key(entity.kind, alias)))
                .or_default();
            if !slot.contains(&index) {
                slot.push(index);
            }
        }
        if let Node::Entity(node) = &mut self.graph[index] {
            node.aliases.extend(entity.aliases.iter().cloned());
            node.mention_count += mentions.len();
            node.documents.push(context.document.id.clone());
            node.mentions.extend(mentions);
        }
        index
    }

    /// An existing entity of the same type that this one is an unambiguous
    /// short or long form of: a one-word name that is an alias of exactly one
    /// entity ("Pompeo"), or a fuller name whose last word is the name of
    /// exactly one one-word entity (which then takes the fuller name).
    fn merge_by_alias(&mut self, entity: &Entity) -> Option<NodeIndex> {
        let name = name_key(entity.kind, &entity.canonical);
        let words: Vec<&str> = name.split_whitespace().collect();
        if words.len() == 1 {
            let owners = self.by_alias.get(&(entity.kind, name.clone()))?;
            return (owners.len() == 1).then(|| owners[0]);
        }
        let last = (*words.last()?).to_string();
        let short = *self.by_name.get(&(entity.kind, last.clone()))?;
        let shared = self
            .by_alias
            .get(&(entity.kind, last))
            .is_some_and(|owners| owners.len() > 1);
        if shared {
            return None;
        }
        let old_key = (
            entity.kind,
            name_key(entity.kind, &self.entity(short)?.name),
        );
        self.by_name.remove(&old_key);
        self.by_name.insert((entity.kind, name), short);
        if let Node::Entity(node) = &mut self.graph[short] {
            node.name = entity.canonical.clone();
        }
        Some(short)
    }

    /// Adds one event node with its participant and place edges.
    fn add_event(
        &mut self,
        context: &DocContext,
        nodes: &[NodeIndex],
        number: usize,
        event: &Event,
    ) {
        let text = &context.document.text;
        let date = event.date.as_ref().map(|d| date_info(&d.value));
        let headline = self.headline(event, nodes, event.trigger.text(text));
        let index = self.graph.add_node(Node::Event(EventNode {
            id: format!("{}:e{number}", context.document.id),
            kind: event.kind.clone(),
            lemma: event.lemma.clone(),
            trigger: event.trigger.text(text).to_string(),
            headline,
            date,
            date_source: event.date.as_ref().map(|d| d.source),
            certainty: event.certainty,
            provenance: context.provenance(event.trigger, event.sentence),
            sentence_text: context.sentence_text(event.sentence),
        }));
        for participant in &event.participants {
            let role = participant.role;
            self.graph
                .add_edge(index, nodes[participant.entity], Edge::Participant { role });
        }
        if let Some(place) = event.place {
            self.graph.add_edge(index, nodes[place], Edge::Place);
        }
    }

    /// "kill: Israel → Qasem Soleimani (Iran)": trigger, agents, targets, place.
    fn headline(&self, event: &Event, nodes: &[NodeIndex], trigger: &str) -> String {
        let names = |role: ParticipantRole| -> Vec<String> {
            event
                .participants
                .iter()
                .filter(|p| p.role == role)
                .filter_map(|p| self.entity(nodes[p.entity]).map(|e| e.name.clone()))
                .collect()
        };
        let agents = names(ParticipantRole::Agent).join(", ");
        let targets = names(ParticipantRole::Target).join(", ");
        let mut headline = trigger.to_lowercase();
        match (agents.is_empty(), targets.is_empty()) {
            (false, false) => headline = format!("{agents} {headline} {targets}"),
            (false, true) => headline = format!("{agents} {headline}"),
            (true, false) => headline = format!("{headline} {targets}"),
            (true, true) => {}
        }
        if let Some(place) = event.place.and_then(|p| self.entity(nodes[p])) {
            headline = format!("{headline} ({})", place.name);
        }
        headline
    }
}

/// Legal-form endings that do not change which organization is meant.
const LEGAL_FORMS: &[&str] = &[
    "inc.",
    "inc",
    "corp.",
    "corp",
    "corporation",
    "ltd.",
    "ltd",
    "llc",
    "plc",
    "co.",
    "gmbh",
    "ag",
];

/// The key two names must share to be one entity: lower case, and for an
/// organization without a leading "the" or a trailing legal form
/// ("Apple Inc." and "Apple" are one company).
pub fn name_key(kind: EntityType, name: &str) -> String {
    let mut key = name.trim().to_lowercase();
    if kind == EntityType::Organization {
        if let Some(rest) = key.strip_prefix("the ") {
            key = rest.to_string();
        }
        for form in LEGAL_FORMS {
            if let Some(rest) = key
                .strip_suffix(form)
                .filter(|r| r.ends_with(' ') || r.ends_with(','))
            {
                key = rest.trim_end_matches([' ', ',']).to_string();
                break;
            }
        }
    }
    key
}

/// The date information exports need for a TIMEX3 value.
pub fn date_info(value: &str) -> DateInfo {
    match bounds(value) {
        Some(b) => DateInfo {
            value: value.to_string(),
            start: Some(b.start.to_string()),
            end: Some(b.end.to_string()),
            precision: b.precision.as_str().to_string(),
        },
        None => DateInfo {
            value: value.to_string(),
            start: None,
            end: None,
            precision: String::new(),
        },
    }
}

/// Lower-case ASCII slug of a name: "Mike Pompeo" → "mike-pompeo".
pub fn slug(name: &str) -> String {
    let mut slug = String::with_capacity(name.len());
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    slug
}

/// Folds runs of white space (including line breaks) into single spaces.
pub fn fold_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotation::{Certainty, EntityType, Mention, Participant, Sentence};

    fn doc(id: &str, text: &str, names: &[(&str, EntityType, &[&str])]) -> (Document, Annotated) {
        let document = Document::from_text(id, text);
        let mut annotated = Annotated {
            sentences: vec![Sentence {
                span: Span::new(0, text.len()),
            }],
            ..Annotated::default()
        };
        for (canonical, kind, aliases) in names {
            let start = text.find(canonical).unwrap_or(0);
            annotated.mentions.push(Mention {
                span: Span::new(start, start + canonical.len()),
                kind: *kind,
                entity: annotated.entities.len(),
                sentence: 0,
                derived: false,
            });
            annotated.entities.push(Entity {
                canonical: canonical.to_string(),
                kind: *kind,
                aliases: aliases.iter().map(|a| a.to_string()).collect(),
                mentions: vec![annotated.mentions.len() - 1],
            });
        }
        (document, annotated)
    }

    #[test]
    fn merges_same_name_and_unambiguous_surname_across_documents() {
        let mut graph = KnowledgeGraph::new();
        let (d1, a1) = doc(
            "a",
            "Mike Pompeo spoke.",
            &[(
                "Mike Pompeo",
                EntityType::Person,
                &["Mike Pompeo", "Pompeo"],
            )],
        );
        let (d2, a2) = doc(
            "b",
            "Pompeo left.",
            &[("Pompeo", EntityType::Person, &["Pompeo"])],
        );
        let (d3, a3) = doc(
            "c",
            "Mike Pompeo again.",
            &[("Mike Pompeo", EntityType::Person, &["Mike Pompeo"])],
        );
        graph.add_document(&d1, &a1);
        graph.add_document(&d2, &a2);
        graph.add_document(&d3, &a3);
        graph.finish();
        let entities: Vec<_> = graph.entities().map(|(_, e)| e).collect();
        assert_eq!(entities.len(), 1);
        assert_eq!(entities[0].id, "person:mike-pompeo");
        assert_eq!(entities[0].mention_count, 3);
        assert_eq!(entities[0].documents, vec!["a", "b", "c"]);
    }

    #[test]
    fn a_surname_alone_in_another_document_finds_the_full_name() {
        let mut graph = KnowledgeGraph::new();
        let (d1, a1) = doc(
            "a",
            "Anna Visser spoke.",
            &[("Anna Visser", EntityType::Person, &["Anna Visser"])],
        );
        let (d2, a2) = doc(
            "b",
            "Visser left.",
            &[("Visser", EntityType::Person, &["Visser"])],
        );
        graph.add_document(&d1, &a1);
        graph.add_document(&d2, &a2);
        graph.finish();
        let entities: Vec<_> = graph.entities().map(|(_, e)| e).collect();
        assert_eq!(entities.len(), 1);
        assert_eq!(entities[0].aliases, vec!["Anna Visser", "Visser"]);
    }

    #[test]
    fn does_not_merge_a_surname_two_people_share() {
        let mut graph = KnowledgeGraph::new();
        let (d1, a1) = doc(
            "a",
            "Yossi Cohen and Amir Cohen.",
            &[
                ("Yossi Cohen", EntityType::Person, &["Cohen", "Yossi Cohen"]),
                ("Amir Cohen", EntityType::Person, &["Amir Cohen", "Cohen"]),
            ],
        );
        let (d2, a2) = doc(
            "b",
            "Cohen said.",
            &[("Cohen", EntityType::Person, &["Cohen"])],
        );
        graph.add_document(&d1, &a1);
        graph.add_document(&d2, &a2);
        graph.finish();
        let names: Vec<_> = graph.entities().map(|(_, e)| e.name.clone()).collect();
        assert_eq!(names, vec!["Yossi Cohen", "Amir Cohen", "Cohen"]);
    }

    #[test]
    fn a_fuller_name_upgrades_a_one_word_entity() {
        let mut graph = KnowledgeGraph::new();
        let (d1, a1) = doc(
            "a",
            "Pompeo left.",
            &[("Pompeo", EntityType::Person, &["Pompeo"])],
        );
        let (d2, a2) = doc(
            "b",
            "Mike Pompeo spoke.",
            &[("Mike Pompeo", EntityType::Person, &["Mike Pompeo"])],
        );
        graph.add_document(&d1, &a1);
        graph.add_document(&d2, &a2);
        graph.finish();
        assert_eq!(graph.entity_count(), 1);
        assert_eq!(
            graph
                .find_entity("pompeo")
                .and_then(|i| graph.entity(i))
                .map(|e| e.name.as_str()),
            Some("Mike Pompeo")
        );
    }

    #[test]
    fn events_get_headlines_and_participant_edges() {
        let text = "Israel killed Soleimani.";
        let (document, mut annotated) = doc(
            "d",
            text,
            &[
                ("Israel", EntityType::Location, &["Israel"]),
                ("Soleimani", EntityType::Person, &["Soleimani"]),
            ],
        );
        annotated.events.push(Event {
            trigger: Span::new(7, 13),
            lemma: "kill".into(),
            kind: "killing".into(),
            sentence: 0,
            date: None,
            participants: vec![
                Participant {
                    entity: 0,
                    role: ParticipantRole::Agent,
                },
                Participant {
                    entity: 1,
                    role: ParticipantRole::Target,
                },
            ],
            place: None,
            certainty: Certainty::Asserted,
        });
        let mut graph = KnowledgeGraph::new();
        graph.add_document(&document, &annotated);
        graph.finish();
        let (index, event) = graph.events().next().unwrap();
        assert_eq!(event.headline, "Israel killed Soleimani");
        assert_eq!(event.id, "d:e1");
        assert_eq!(graph.graph.edges(index).count(), 2);
    }

    #[test]
    fn organizations_match_without_their_legal_form() {
        assert_eq!(name_key(EntityType::Organization, "Apple Inc."), "apple");
        assert_eq!(
            name_key(EntityType::Organization, "The Walt Disney Co."),
            "walt disney"
        );
        assert_eq!(
            name_key(EntityType::Organization, "Incorporated"),
            "incorporated"
        );
        assert_eq!(name_key(EntityType::Person, "Bob Inc"), "bob inc");
    }

    #[test]
    fn slugs_are_ascii_dashed() {
        assert_eq!(slug("IRGC Quds Force"), "irgc-quds-force");
        assert_eq!(
            slug("  Ministry of Defense (Israel) "),
            "ministry-of-defense-israel"
        );
    }
}
