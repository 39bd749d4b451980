//! What the knowledge graph holds: documents, entity and event nodes, edges.

use serde::Serialize;

use crate::annotation::{Certainty, DateSource, EntityType, ParticipantRole};

/// Where a fact was read: document, sentence, and code-point offsets.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Provenance {
    /// Document id.
    pub document: String,
    /// Sentence index within the document (0-based).
    pub sentence: usize,
    /// First code point of the item in the document text.
    pub char_start: usize,
    /// One past the last code point of the item.
    pub char_end: usize,
}

/// A document that was merged into the graph.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DocumentInfo {
    /// Document id.
    pub id: String,
    /// Path it was read from.
    pub source: String,
    /// Title, if known.
    pub title: Option<String>,
    /// Publication date (ISO), if known.
    pub dct: Option<String>,
    /// URL, if known.
    pub url: Option<String>,
    /// Number of sentences.
    pub sentences: usize,
}

/// A date as the exports need it: TIMEX3 value, bounding ISO dates, precision.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct DateInfo {
    /// TIMEX3 value (`2018-02`).
    pub value: String,
    /// First ISO day covered (`2018-02-01`), when the value is a calendar date.
    pub start: Option<String>,
    /// Last ISO day covered (`2018-02-28`), when the value is a calendar date.
    pub end: Option<String>,
    /// `day`, `month`, `year`, ... or empty when the value has no bounds.
    pub precision: String,
}

/// A role an entity held, as recorded on the entity.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct RoleFact {
    /// Title, lower-cased ("director").
    pub title: String,
    /// Canonical name of the organization or country, if the text gives one.
    pub organization: Option<String>,
    /// TIMEX3 value of the start, if known.
    pub start: Option<String>,
    /// TIMEX3 value of the end, if known.
    pub end: Option<String>,
    /// True when the text marks it as past ("former", "then").
    pub former: bool,
}

impl RoleFact {
    /// The title for display: "role" when the text named none (a post moved
    /// into, as in "switched to the State Department").
    pub fn title_text(&self) -> &str {
        if self.title.is_empty() {
            "role"
        } else {
            &self.title
        }
    }
}

/// A person, organization, place or other named thing, merged over documents.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EntityNode {
    /// Stable id: `person:mike-pompeo`.
    pub id: String,
    /// Canonical (fullest) name.
    pub name: String,
    /// Entity type.
    pub kind: EntityType,
    /// Every surface form seen, sorted.
    pub aliases: Vec<String>,
    /// Number of mentions over all documents.
    pub mention_count: usize,
    /// Ids of the documents that mention it, sorted.
    pub documents: Vec<String>,
    /// Roles held, sorted and de-duplicated.
    pub roles: Vec<RoleFact>,
    /// Where the text states each role (role, then the phrase's provenance),
    /// sorted and de-duplicated; a role may be stated more than once.
    #[serde(skip)]
    pub role_sources: Vec<(RoleFact, Provenance)>,
    /// Every mention, in document then text order.
    pub mentions: Vec<Provenance>,
}

/// An event from one document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EventNode {
    /// Stable id: `<document>:e<N>`.
    pub id: String,
    /// Event type from the lexicon.
    pub kind: String,
    /// Trigger lemma.
    pub lemma: String,
    /// Trigger as written.
    pub trigger: String,
    /// A short human-readable summary ("assassinate: Israel → Mohsen Fakhrizadeh").
    pub headline: String,
    /// The date, if the text gives or implies one.
    pub date: Option<DateInfo>,
    /// Where the date came from, if dated.
    pub date_source: Option<DateSource>,
    /// How sure the article is.
    pub certainty: Certainty,
    /// The trigger's provenance.
    pub provenance: Provenance,
    /// The sentence holding the trigger, as written (white space folded).
    pub sentence_text: String,
}

/// A node of the knowledge graph.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "node", rename_all = "lowercase")]
pub enum Node {
    /// A person, organization, place or other named thing.
    Entity(EntityNode),
    /// An event.
    Event(EventNode),
}

impl Node {
    /// The node's stable id.
    pub fn id(&self) -> &str {
        match self {
            Self::Entity(entity) => &entity.id,
            Self::Event(event) => &event.id,
        }
    }
}

/// An edge of the knowledge graph.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "relation", rename_all = "snake_case")]
pub enum Edge {
    /// Event → entity taking part in it.
    Participant {
        /// The part it plays.
        role: ParticipantRole,
    },
    /// Event → place where it happened.
    Place,
    /// Person → organization or country where they hold a title.
    HoldsRole {
        /// The role with its period.
        role: RoleFact,
        /// Where the text says so.
        provenance: Provenance,
    },
}

impl Edge {
    /// Snake-case label of the relation: `agent`, `target`, `other`, `place`,
    /// `holds_role`.
    pub fn label(&self) -> &'static str {
        match self {
            Self::Participant { role } => role.as_str(),
            Self::Place => "place",
            Self::HoldsRole { .. } => "holds_role",
        }
    }
}
