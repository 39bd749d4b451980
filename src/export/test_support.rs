//! A small hand-made graph the export tests share.
//!
//! Document `a` (ASCII):
//! "Mike Pompeo, the former CIA director, met Netanyahu in Jerusalem in
//! February 2018. Iran may have helped."
//! - a:e1 `met` (meeting), 2018-02 stated, Pompeo agent, Netanyahu other,
//!   place Jerusalem, asserted.
//! - a:e2 `helped` (support), undated, Iran agent, hedged.
//! - Pompeo holds_role director of CIA, former, until 2018-04;
//!   Netanyahu prime minister since 2009 (no organization: no edge).
//!
//! Document `b` (non-ASCII, a formula-like sentence, a name with a quote and
//! a backslash):
//! "Café — On 3 January 2018, Israel attacked Damascus.\n=SUM(A1), Acme \"Q\\
//! Ltd said, was no\n  strike."
//! - b:e1 `attacked` (attack), 2018-01-03 stated, Israel agent, Damascus
//!   target, asserted.
//! - b:e2 `strike` (attack), undated, Acme other, negated.

use crate::annotation::{
    Annotated, Certainty, DateSource, Entity, EntityType, Event, EventDate, Mention, Participant,
    ParticipantRole, Relation, RelationKind, Sentence, Span, Timex, TimexType,
};
use crate::document::{DctSource, Document};
use crate::graph::{EventNode, KnowledgeGraph, Node};

pub const TEXT_A: &str = "Mike Pompeo, the former CIA director, met Netanyahu in Jerusalem in February 2018. Iran may have helped.";
pub const TEXT_B: &str = "Café — On 3 January 2018, Israel attacked Damascus.\n=SUM(A1), Acme \"Q\\ Ltd said, was no\n  strike.";
pub const ACME: &str = "Acme \"Q\\ Ltd";

/// Byte span of the first occurrence of `needle` in `text`.
pub fn span(text: &str, needle: &str) -> Span {
    let start = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in text"));
    Span::new(start, start + needle.len())
}

/// Builds documents entity by entity: each entity gets one mention per name.
struct Builder {
    text: &'static str,
    annotated: Annotated,
}

impl Builder {
    fn new(text: &'static str, sentences: &[&str]) -> Self {
        let annotated = Annotated {
            sentences: sentences
                .iter()
                .map(|s| Sentence {
                    span: span(text, s),
                })
                .collect(),
            ..Annotated::default()
        };
        Self { text, annotated }
    }

    fn sentence_of(&self, span: Span) -> usize {
        self.annotated
            .sentences
            .iter()
            .position(|s| s.span.contains(&span))
            .expect("span inside a sentence")
    }

    /// Adds an entity with one mention for each of `names` (the first is
    /// canonical); returns its index.
    fn entity(&mut self, kind: EntityType, names: &[&str]) -> usize {
        let index = self.annotated.entities.len();
        let mut mentions = Vec::new();
        for name in names {
            let span = span(self.text, name);
            mentions.push(self.annotated.mentions.len());
            self.annotated.mentions.push(Mention {
                span,
                kind,
                entity: index,
                sentence: self.sentence_of(span),
                derived: false,
            });
        }
        let mut aliases: Vec<String> = names.iter().map(|n| n.to_string()).collect();
        aliases.sort();
        aliases.dedup();
        self.annotated.entities.push(Entity {
            canonical: names[0].to_string(),
            kind,
            aliases,
            mentions,
        });
        index
    }

    #[allow(clippy::too_many_arguments)]
    fn event(
        &mut self,
        trigger: &str,
        lemma: &str,
        kind: &str,
        date: Option<(&str, Option<usize>)>,
        participants: &[(usize, ParticipantRole)],
        place: Option<usize>,
        certainty: Certainty,
    ) {
        let trigger = span(self.text, trigger);
        self.annotated.events.push(Event {
            trigger,
            lemma: lemma.into(),
            kind: kind.into(),
            sentence: self.sentence_of(trigger),
            date: date.map(|(value, timex)| EventDate {
                value: value.into(),
                source: DateSource::Stated,
                timex,
            }),
            participants: participants
                .iter()
                .map(|&(entity, role)| Participant { entity, role })
                .collect(),
            place,
            certainty,
        });
    }

    fn timex(&mut self, text: &str, value: &str) -> usize {
        let span = span(self.text, text);
        self.annotated.timexes.push(Timex {
            span,
            kind: TimexType::Date,
            value: value.into(),
            modifier: None,
            quant: None,
            freq: None,
            relative: false,
            sentence: self.sentence_of(span),
        });
        self.annotated.timexes.len() - 1
    }
}

/// Document `a` and its layers.
pub fn document_a() -> (Document, Annotated) {
    let mut b = Builder::new(
        TEXT_A,
        &[
            "Mike Pompeo, the former CIA director, met Netanyahu in Jerusalem in February 2018.",
            "Iran may have helped.",
        ],
    );
    let pompeo = b.entity(EntityType::Person, &["Mike Pompeo"]);
    let cia = b.entity(EntityType::Organization, &["CIA"]);
    let netanyahu = b.entity(EntityType::Person, &["Netanyahu"]);
    let jerusalem = b.entity(EntityType::Location, &["Jerusalem"]);
    let iran = b.entity(EntityType::Location, &["Iran"]);
    let february = b.timex("February 2018", "2018-02");
    b.event(
        "met",
        "meet",
        "meeting",
        Some(("2018-02", Some(february))),
        &[
            (pompeo, ParticipantRole::Agent),
            (netanyahu, ParticipantRole::Other),
        ],
        Some(jerusalem),
        Certainty::Asserted,
    );
    b.event(
        "helped",
        "help",
        "support",
        None,
        &[(iran, ParticipantRole::Agent)],
        None,
        Certainty::Hedged,
    );
    b.annotated.relations.push(Relation {
        kind: RelationKind::HoldsRole,
        subject: pompeo,
        object: Some(cia),
        title: "director".into(),
        start: None,
        end: Some("2018-04".into()),
        former: true,
        span: span(TEXT_A, "former CIA director"),
        sentence: 0,
    });
    b.annotated.relations.push(Relation {
        kind: RelationKind::HoldsRole,
        subject: netanyahu,
        object: None,
        title: "prime minister".into(),
        start: Some("2009".into()),
        end: None,
        former: false,
        span: span(TEXT_A, "Netanyahu"),
        sentence: 0,
    });
    let mut document = Document::from_text("a", TEXT_A).with_dct(
        chrono::NaiveDate::from_ymd_opt(2018, 5, 1).unwrap(),
        DctSource::Header,
    );
    document.title = Some("Pompeo meets Netanyahu".into());
    (document, b.annotated)
}

/// Document `b` and its layers.
pub fn document_b() -> (Document, Annotated) {
    let mut b = Builder::new(
        TEXT_B,
        &[
            "Café — On 3 January 2018, Israel attacked Damascus.",
            "=SUM(A1), Acme \"Q\\ Ltd said, was no\n  strike.",
        ],
    );
    let israel = b.entity(EntityType::Location, &["Israel"]);
    let damascus = b.entity(EntityType::Location, &["Damascus"]);
    let acme = b.entity(EntityType::Organization, &[ACME]);
    let day = b.timex("3 January 2018", "2018-01-03");
    b.event(
        "attacked",
        "attack",
        "attack",
        Some(("2018-01-03", Some(day))),
        &[
            (israel, ParticipantRole::Agent),
            (damascus, ParticipantRole::Target),
        ],
        None,
        Certainty::Asserted,
    );
    b.event(
        "strike",
        "strike",
        "attack",
        None,
        &[(acme, ParticipantRole::Other)],
        None,
        Certainty::Negated,
    );
    (Document::from_text("b", TEXT_B), b.annotated)
}

/// The graph of documents `a` and `b`, finished.
pub fn sample_graph() -> KnowledgeGraph {
    let mut graph = KnowledgeGraph::new();
    let (document, annotated) = document_a();
    graph.add_document(&document, &annotated);
    let (document, annotated) = document_b();
    graph.add_document(&document, &annotated);
    graph.finish();
    graph
}

/// The event `id` of `graph`, to change in a test.
pub fn event_mut<'a>(graph: &'a mut KnowledgeGraph, id: &str) -> &'a mut EventNode {
    let (index, _) = graph
        .events()
        .find(|(_, e)| e.id == id)
        .unwrap_or_else(|| panic!("no event {id}"));
    match &mut graph.graph[index] {
        Node::Event(event) => event,
        Node::Entity(_) => unreachable!("events() yields events"),
    }
}

/// CSV bytes as (header, records).
pub fn csv_table(bytes: &[u8]) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = ::csv::Reader::from_reader(bytes);
    let header = reader.headers().unwrap().iter().map(String::from).collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    (header, rows)
}
