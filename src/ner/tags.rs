//! Name types and tags: BIO labels as read from CoNLL files, the BILOU tags
//! the model predicts, conversion between them, and which BILOU tag may
//! follow which.

/// The four CoNLL name types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// A person.
    Per,
    /// An organization.
    Org,
    /// A location.
    Loc,
    /// Any other name (nationalities, events, works).
    Misc,
}

/// Every kind, in tag order.
pub const KINDS: [Kind; 4] = [Kind::Per, Kind::Org, Kind::Loc, Kind::Misc];

impl Kind {
    /// The CoNLL label of the kind ("PER").
    pub fn label(self) -> &'static str {
        match self {
            Self::Per => "PER",
            Self::Org => "ORG",
            Self::Loc => "LOC",
            Self::Misc => "MISC",
        }
    }

    /// The kind of a CoNLL label.
    pub fn parse(label: &str) -> Option<Self> {
        KINDS.into_iter().find(|k| k.label() == label)
    }
}

/// Number of BILOU tags: O and B/I/L/U of each kind.
pub const TAG_COUNT: usize = 17;

/// Position of a token in a name, BILOU style.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Position {
    /// First of several.
    Begin,
    /// Inside.
    Inside,
    /// Last of several.
    Last,
    /// A one-token name.
    Unit,
}

/// A BILOU tag, as its index (0 = O, then B, I, L, U of each kind).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Tag(pub u8);

impl Tag {
    /// Outside any name.
    pub const O: Self = Self(0);

    /// The tag of a position in a name of a kind.
    pub fn new(kind: Kind, position: Position) -> Self {
        let k = KINDS.iter().position(|&x| x == kind).unwrap_or(0) as u8;
        let p = match position {
            Position::Begin => 0,
            Position::Inside => 1,
            Position::Last => 2,
            Position::Unit => 3,
        };
        Self(1 + 4 * k + p)
    }

    /// The tag's index, 0..[`TAG_COUNT`].
    pub fn index(self) -> usize {
        usize::from(self.0)
    }

    /// Kind and position, `None` for O.
    pub fn parts(self) -> Option<(Kind, Position)> {
        let i = self.0.checked_sub(1)?;
        let kind = *KINDS.get(usize::from(i / 4))?;
        let position = match i % 4 {
            0 => Position::Begin,
            1 => Position::Inside,
            2 => Position::Last,
            _ => Position::Unit,
        };
        Some((kind, position))
    }

    /// The kind, `None` for O.
    pub fn kind(self) -> Option<Kind> {
        self.parts().map(|(k, _)| k)
    }

    /// True when a name is open after this tag (B or I).
    fn open(self) -> bool {
        matches!(self.parts(), Some((_, Position::Begin | Position::Inside)))
    }

    /// True when `self` may follow `prev` (`None` = sentence start).
    pub fn may_follow(self, prev: Option<Self>) -> bool {
        let prev_open = prev.and_then(|p| p.open().then(|| p.kind())).flatten();
        match (prev_open, self.parts()) {
            (None, None) => true,
            (None, Some((_, p))) => matches!(p, Position::Begin | Position::Unit),
            (Some(_), None) => false,
            (Some(k), Some((kind, p))) => {
                k == kind && matches!(p, Position::Inside | Position::Last)
            }
        }
    }

    /// True when a sentence may end after this tag.
    pub fn may_end(self) -> bool {
        !self.open()
    }
}

/// A name: tokens `[start, end)` and its type label.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Chunk {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// The type label ("PER").
    pub kind: String,
}

/// The names of a BIO (or IOB1) label sequence, read the way conlleval reads
/// them: a name starts at `B-X`, or at `I-X` after anything but `X`.
pub fn chunks<S: AsRef<str>>(labels: &[S]) -> Vec<Chunk> {
    let mut out: Vec<Chunk> = Vec::new();
    let mut open: Option<(usize, &str)> = None;
    for (i, label) in labels.iter().enumerate() {
        let label = label.as_ref();
        let (prefix, kind) = label.split_once('-').unwrap_or((label, ""));
        let continues = prefix == "I" && open.is_some_and(|(_, k)| k == kind);
        if !continues {
            if let Some((start, k)) = open.take() {
                out.push(Chunk {
                    start,
                    end: i,
                    kind: k.to_string(),
                });
            }
            if matches!(prefix, "B" | "I") && !kind.is_empty() {
                open = Some((i, kind));
            }
        }
    }
    if let Some((start, k)) = open {
        out.push(Chunk {
            start,
            end: labels.len(),
            kind: k.to_string(),
        });
    }
    out
}

/// BILOU tags of a BIO label sequence; `Err` names a type that is not one of
/// PER, ORG, LOC, MISC.
pub fn bio_to_bilou<S: AsRef<str>>(labels: &[S]) -> Result<Vec<Tag>, String> {
    let mut tags = vec![Tag::O; labels.len()];
    for chunk in chunks(labels) {
        let kind =
            Kind::parse(&chunk.kind).ok_or_else(|| format!("unknown type {}", chunk.kind))?;
        if chunk.end - chunk.start == 1 {
            tags[chunk.start] = Tag::new(kind, Position::Unit);
            continue;
        }
        tags[chunk.start] = Tag::new(kind, Position::Begin);
        for t in &mut tags[chunk.start + 1..chunk.end - 1] {
            *t = Tag::new(kind, Position::Inside);
        }
        tags[chunk.end - 1] = Tag::new(kind, Position::Last);
    }
    Ok(tags)
}

/// BIO (IOB2) labels of a BILOU tag sequence.
pub fn bilou_to_bio(tags: &[Tag]) -> Vec<String> {
    tags.iter()
        .map(|t| match t.parts() {
            None => "O".to_string(),
            Some((k, Position::Begin | Position::Unit)) => format!("B-{}", k.label()),
            Some((k, _)) => format!("I-{}", k.label()),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bio_bilou_round_trip() {
        let bio = [
            "B-PER", "I-PER", "I-PER", "O", "B-LOC", "B-LOC", "O", "B-ORG",
        ];
        let bilou = bio_to_bilou(&bio).unwrap();
        let names: Vec<_> = bilou.iter().map(|t| t.parts()).collect();
        assert_eq!(names[0], Some((Kind::Per, Position::Begin)));
        assert_eq!(names[1], Some((Kind::Per, Position::Inside)));
        assert_eq!(names[2], Some((Kind::Per, Position::Last)));
        assert_eq!(names[4], Some((Kind::Loc, Position::Unit)));
        assert_eq!(names[7], Some((Kind::Org, Position::Unit)));
        assert_eq!(bilou_to_bio(&bilou), bio);
    }

    #[test]
    fn iob1_is_read_like_conlleval() {
        let c = chunks(&["I-PER", "I-PER", "I-LOC", "O", "I-ORG"]);
        assert_eq!(c.len(), 3);
        assert_eq!((c[0].start, c[0].end, c[0].kind.as_str()), (0, 2, "PER"));
        assert_eq!((c[1].start, c[1].end), (2, 3));
        assert_eq!(c[2].kind, "ORG");
        assert!(bio_to_bilou(&["B-XYZ"]).is_err());
    }

    #[test]
    fn transitions() {
        let b = Tag::new(Kind::Per, Position::Begin);
        let l = Tag::new(Kind::Per, Position::Last);
        let ol = Tag::new(Kind::Org, Position::Last);
        assert!(b.may_follow(None));
        assert!(!l.may_follow(None));
        assert!(l.may_follow(Some(b)));
        assert!(!ol.may_follow(Some(b)));
        assert!(!Tag::O.may_follow(Some(b)));
        assert!(!b.may_end());
        assert!(l.may_end());
    }
}
