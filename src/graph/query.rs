//! Queries over the knowledge graph: the timeline, optionally of one entity.

use chrono::NaiveDate;
use petgraph::Direction;
use petgraph::stable_graph::NodeIndex;
use petgraph::visit::EdgeRef;

use super::KnowledgeGraph;
use super::model::{Edge, EntityNode, EventNode};
use crate::annotation::ParticipantRole;

/// Which events a timeline shows.
#[derive(Clone, Debug, Default)]
pub struct TimelineFilter {
    /// Only events this entity (canonical name or alias) takes part in.
    pub entity: Option<String>,
    /// Only events that end on or after this day (undated events are dropped).
    pub from: Option<NaiveDate>,
    /// Only events that start on or before this day (undated events are dropped).
    pub to: Option<NaiveDate>,
}

/// One event on a timeline with the names it involves.
#[derive(Clone, Debug)]
pub struct TimelineRow<'a> {
    /// The event.
    pub event: &'a EventNode,
    /// Participants with their roles, in the order they were added.
    pub participants: Vec<(&'a EntityNode, ParticipantRole)>,
    /// The place, if any.
    pub place: Option<&'a EntityNode>,
}

impl KnowledgeGraph {
    /// The events, dated ones first sorted by date (start, then end, then
    /// document and position), undated ones after in document order.
    /// `None` when the filter names an entity the graph does not hold.
    pub fn timeline(&self, filter: &TimelineFilter) -> Option<Vec<TimelineRow<'_>>> {
        let focus: Option<NodeIndex> = match &filter.entity {
            Some(name) => Some(self.find_entity(name)?),
            None => None,
        };
        let mut rows: Vec<TimelineRow> = self
            .events()
            .filter(|(index, _)| focus.is_none_or(|f| self.graph.contains_edge(*index, f)))
            .map(|(index, event)| self.row(index, event))
            .filter(|row| in_range(row.event, filter))
            .collect();
        rows.sort_by(|a, b| sort_key(a.event).cmp(&sort_key(b.event)));
        Some(rows)
    }

    fn row<'a>(&'a self, index: NodeIndex, event: &'a EventNode) -> TimelineRow<'a> {
        let mut participants = Vec::new();
        let mut place = None;
        let mut edges: Vec<_> = self
            .graph
            .edges_directed(index, Direction::Outgoing)
            .collect();
        edges.sort_by_key(|e| e.id());
        for edge in edges {
            let Some(entity) = self.entity(edge.target()) else {
                continue;
            };
            match edge.weight() {
                Edge::Participant { role } => participants.push((entity, *role)),
                Edge::Place => place = Some(entity),
                Edge::HoldsRole { .. } => {}
            }
        }
        TimelineRow {
            event,
            participants,
            place,
        }
    }
}

/// Dated before undated; then by start, end, document order, position.
fn sort_key(event: &EventNode) -> (bool, Option<&str>, Option<&str>, &str, usize) {
    let date = event.date.as_ref();
    let start = date.and_then(|d| d.start.as_deref());
    let end = date.and_then(|d| d.end.as_deref());
    (
        start.is_none(),
        start,
        end,
        event.provenance.document.as_str(),
        event.provenance.char_start,
    )
}

fn in_range(event: &EventNode, filter: &TimelineFilter) -> bool {
    if filter.from.is_none() && filter.to.is_none() {
        return true;
    }
    let Some(date) = &event.date else {
        return false;
    };
    let parse = |s: &Option<String>| s.as_deref().and_then(|s| s.parse::<NaiveDate>().ok());
    let (Some(start), Some(end)) = (parse(&date.start), parse(&date.end)) else {
        return false;
    };
    filter.from.is_none_or(|from| end >= from) && filter.to.is_none_or(|to| start <= to)
}
