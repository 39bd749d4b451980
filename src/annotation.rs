//! Stand-off annotation layers over a document's text.
//!
//! Every layer item carries a [`Span`] of *byte* offsets into `Document::text`;
//! exports convert them to Unicode code-point offsets with [`CharIndex`].
//! Layers are filled in order (sentences → tokens → timexes → mentions →
//! entities → events → relations) and a later layer never rewrites an earlier one.

use serde::Serialize;

/// A half-open byte range `[start, end)` into a document's text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    /// First byte of the item.
    pub start: usize,
    /// One past the last byte of the item.
    pub end: usize,
}

impl Span {
    /// Makes a span from byte offsets.
    pub const fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    /// Length in bytes.
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no byte.
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// True when the two spans share at least one byte.
    pub const fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// True when `other` lies entirely inside `self`.
    pub const fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The covered text.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// Maps byte offsets of one text to Unicode code-point offsets.
#[derive(Clone, Debug)]
pub struct CharIndex {
    /// Byte offset of every char start, plus the text length at the end.
    starts: Vec<usize>,
    /// True when the text is pure ASCII and bytes equal code points.
    ascii: bool,
}

impl CharIndex {
    /// Builds the index for `text` (one pass, done once per document).
    pub fn new(text: &str) -> Self {
        if text.is_ascii() {
            return Self {
                starts: Vec::new(),
                ascii: true,
            };
        }
        let mut starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        starts.push(text.len());
        Self {
            starts,
            ascii: false,
        }
    }

    /// The code-point offset of byte offset `byte` (which must be a char boundary).
    pub fn char_offset(&self, byte: usize) -> usize {
        if self.ascii {
            return byte;
        }
        match self.starts.binary_search(&byte) {
            Ok(i) | Err(i) => i,
        }
    }
}

/// A sentence: its span in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Sentence {
    /// Bytes covered by the sentence, trimmed of surrounding white space.
    pub span: Span,
}

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenKind {
    /// Letters, possibly with inner apostrophes, hyphens or dots ("U.S.", "Quds").
    Word,
    /// Digits, possibly with inner separators ("2,000", "12:26", "3.5").
    Number,
    /// Any other single character.
    Punct,
}

/// A token with its span and the sentence it belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Token {
    /// Bytes covered by the token.
    pub span: Span,
    /// What the token is made of.
    pub kind: TokenKind,
    /// Index of the sentence holding the token.
    pub sentence: usize,
}

/// TIMEX3 type of a time expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    /// A calendar date or period ("April 2018", "yesterday", "the 1990s").
    Date,
    /// A time of day ("12:26", "this morning").
    Time,
    /// A length of time ("two days", "a decade").
    Duration,
    /// A recurring time ("every Monday", "weekly").
    Set,
}

impl TimexType {
    /// The TIMEX3 spelling: `DATE`, `TIME`, `DURATION`, `SET`.
    pub const fn as_str(&self) -> &'static str {
        match self {
            Self::Date => "DATE",
            Self::Time => "TIME",
            Self::Duration => "DURATION",
            Self::Set => "SET",
        }
    }
}

/// A time expression with its normalized TIMEX3 value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Timex {
    /// Bytes covered by the expression.
    pub span: Span,
    /// TIMEX3 type.
    pub kind: TimexType,
    /// TIMEX3 value, e.g. `2018-02`, `P2D`, `PRESENT_REF`, `XXXX-02`.
    pub value: String,
    /// TIMEX3 `mod` (e.g. `APPROX`, `START`, `END`), when the text gives one.
    pub modifier: Option<String>,
    /// For a SET, TIMEX3 `quant`: `EVERY` ("every Monday") or `EACH` ("each
    /// year").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quant: Option<String>,
    /// For a SET, TIMEX3 `freq`: how often in each period, as a count and a
    /// unit (`2X` for "twice a week", `4D` for "four days a week").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub freq: Option<String>,
    /// True when the value was computed relative to another time (the DCT or
    /// the time the text was talking about), i.e. TIMEX3 `temporalFunction`.
    pub relative: bool,
    /// Index of the sentence holding the expression.
    pub sentence: usize,
}

/// Type of a named entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum EntityType {
    /// A person.
    Person,
    /// A company, agency, ministry, armed force, party, newspaper...
    Organization,
    /// A country, city, region or facility.
    Location,
    /// A named thing of another kind (a book title, an event name...).
    Misc,
}

impl EntityType {
    /// The upper-case label used in exports: `PERSON`, `ORGANIZATION`, ...
    pub const fn as_str(&self) -> &'static str {
        match self {
            Self::Person => "PERSON",
            Self::Organization => "ORGANIZATION",
            Self::Location => "LOCATION",
            Self::Misc => "MISC",
        }
    }
}

/// One occurrence of a name in the text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Mention {
    /// Bytes covered by the name (no title, no possessive `'s`).
    pub span: Span,
    /// Entity type.
    pub kind: EntityType,
    /// Index into [`Annotated::entities`] once aliases are resolved.
    pub entity: usize,
    /// Index of the sentence holding the mention.
    pub sentence: usize,
    /// For a demonym or adjective ("Israeli", "Iranian"): true; the entity is
    /// the country it points to.
    pub derived: bool,
}

/// An entity of one document: the mentions that name the same thing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Entity {
    /// The fullest name seen ("Mike Pompeo").
    pub canonical: String,
    /// Entity type.
    pub kind: EntityType,
    /// Every distinct surface form seen, canonical included, sorted.
    pub aliases: Vec<String>,
    /// Indexes into [`Annotated::mentions`], in text order.
    pub mentions: Vec<usize>,
}

/// Role of a participant in an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ParticipantRole {
    /// Who did it.
    Agent,
    /// Who or what it was done to.
    Target,
    /// Anyone else involved.
    Other,
}

impl ParticipantRole {
    /// Lower-case label used in exports.
    pub const fn as_str(&self) -> &'static str {
        match self {
            Self::Agent => "agent",
            Self::Target => "target",
            Self::Other => "other",
        }
    }
}

/// How sure the article is that an event happened (or will).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Certainty {
    /// Stated as fact.
    Asserted,
    /// Hedged: "may have", "implies", "reportedly", asked as a question.
    Hedged,
    /// Said not to have happened.
    Negated,
    /// Planned or expected, not yet happened.
    Future,
}

impl Certainty {
    /// Lower-case label used in exports.
    pub const fn as_str(&self) -> &'static str {
        match self {
            Self::Asserted => "asserted",
            Self::Hedged => "hedged",
            Self::Negated => "negated",
            Self::Future => "future",
        }
    }
}

/// Where an event's date came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DateSource {
    /// A time expression in the event's own clause or sentence.
    Stated,
    /// A date the sentence inherits from the text around it.
    Inherited,
    /// The document's publication date.
    Dct,
}

/// The date given to an event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EventDate {
    /// TIMEX3 value (`2018-02`, `2020-11-27`, `2018`).
    pub value: String,
    /// Where the date came from.
    pub source: DateSource,
    /// Index into [`Annotated::timexes`] of the expression it came from, if any.
    pub timex: Option<usize>,
}

/// An entity taking part in an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Participant {
    /// Index into [`Annotated::entities`].
    pub entity: usize,
    /// What part it plays.
    pub role: ParticipantRole,
}

/// An event found from a trigger word.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Event {
    /// Bytes covered by the trigger word.
    pub trigger: Span,
    /// Lemma of the trigger as listed in the lexicon ("assassinate").
    pub lemma: String,
    /// Event type from the lexicon ("attack", "killing", "movement" ...).
    pub kind: String,
    /// Index of the sentence holding the trigger.
    pub sentence: usize,
    /// The date, when the text gives or implies one.
    pub date: Option<EventDate>,
    /// Entities taking part, each once.
    pub participants: Vec<Participant>,
    /// Index into [`Annotated::entities`] of the place, if any.
    pub place: Option<usize>,
    /// How sure the article is.
    pub certainty: Certainty,
}

/// Kind of a relation between two entities.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RelationKind {
    /// A person holds a title in an organization or country.
    HoldsRole,
}

impl RelationKind {
    /// Snake-case label used in exports.
    pub const fn as_str(&self) -> &'static str {
        match self {
            Self::HoldsRole => "holds_role",
        }
    }
}

/// A relation between two entities, with its validity period where known.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Relation {
    /// Kind of relation.
    pub kind: RelationKind,
    /// Index into [`Annotated::entities`] of the subject (the person).
    pub subject: usize,
    /// Index into [`Annotated::entities`] of the object (organization or
    /// country), when the title names one.
    pub object: Option<usize>,
    /// The title as written, lower-cased ("director", "secretary of state").
    pub title: String,
    /// TIMEX3 value of when the role started, if the text says.
    pub start: Option<String>,
    /// TIMEX3 value of when the role ended, if the text says.
    pub end: Option<String>,
    /// True when the text marks the role as past ("former", "then").
    pub former: bool,
    /// Bytes covered by the phrase that gives the relation.
    pub span: Span,
    /// Index of the sentence holding it.
    pub sentence: usize,
}

/// All annotation layers of one document.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Annotated {
    /// Sentences in text order.
    pub sentences: Vec<Sentence>,
    /// Tokens in text order.
    pub tokens: Vec<Token>,
    /// Time expressions in text order.
    pub timexes: Vec<Timex>,
    /// Entity mentions in text order.
    pub mentions: Vec<Mention>,
    /// Entities of this document, in order of first mention.
    pub entities: Vec<Entity>,
    /// Events in text order.
    pub events: Vec<Event>,
    /// Relations in text order.
    pub relations: Vec<Relation>,
}

impl Annotated {
    /// For every token, the index of the mention covering it, if any.
    pub fn mention_of_token(&self) -> Vec<Option<usize>> {
        cover_table(&self.tokens, self.mentions.iter().map(|m| m.span))
    }

    /// For every sentence, the range of its tokens.
    pub fn sentence_token_ranges(&self) -> Vec<std::ops::Range<usize>> {
        let mut ranges = vec![0..0; self.sentences.len()];
        let mut start = 0;
        for (i, token) in self.tokens.iter().enumerate() {
            let last = self
                .tokens
                .get(i + 1)
                .is_none_or(|next| next.sentence != token.sentence);
            if last {
                if let Some(range) = ranges.get_mut(token.sentence) {
                    *range = start..i + 1;
                }
                start = i + 1;
            }
        }
        ranges
    }

    /// For every token, the index of the time expression covering it, if any.
    pub fn timex_of_token(&self) -> Vec<Option<usize>> {
        cover_table(&self.tokens, self.timexes.iter().map(|x| x.span))
    }
}

/// For every token, the index of the span (from a sorted, non-overlapping
/// sequence) that covers it.
fn cover_table(tokens: &[Token], spans: impl Iterator<Item = Span>) -> Vec<Option<usize>> {
    let mut table = vec![None; tokens.len()];
    let mut t = 0;
    for (index, span) in spans.enumerate() {
        while t < tokens.len() && tokens[t].span.end <= span.start {
            t += 1;
        }
        let mut u = t;
        while u < tokens.len() && tokens[u].span.start < span.end {
            table[u] = Some(index);
            u += 1;
        }
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_index_counts_code_points_not_bytes() {
        let text = "é ab — c";
        let index = CharIndex::new(text);
        let c = text.find('c').unwrap();
        assert_eq!(index.char_offset(c), 7);
        assert_eq!(index.char_offset(0), 0);
        assert_eq!(index.char_offset(text.len()), text.chars().count());
    }

    #[test]
    fn spans_overlap_and_contain() {
        let a = Span::new(0, 5);
        assert!(a.overlaps(&Span::new(4, 9)));
        assert!(!a.overlaps(&Span::new(5, 9)));
        assert!(a.contains(&Span::new(1, 5)));
        assert!(!a.contains(&Span::new(1, 6)));
    }
}
