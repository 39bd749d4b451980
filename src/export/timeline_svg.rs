//! `timeline.svg`: a picture of the timeline drawn by Chronograph itself.
//!
//! One lane per event type (sorted by name), a date axis fitted to the span
//! of the dated events with ticks every 1, 2, 5, 10, ... years or 1, 3, 6
//! months, and each event as a mark from the first to the last day of its
//! date (at least a few pixels wide) with a short label; marks and labels
//! that would overlap go on a new row of the lane. Asserted events are
//! filled; hedged ones hollow with a dashed outline, future ones dotted,
//! negated ones grey and dashed; a legend says so. Each mark's tooltip
//! (`<title>`) holds the headline, date, certainty and document. Events
//! without calendar bounds are not drawn; a note counts them.

use chrono::{Datelike, NaiveDate};

use super::markup::escape;
use crate::annotation::Certainty;
use crate::graph::{EventNode, KnowledgeGraph, TimelineFilter};

const WIDTH: f64 = 1200.0;
const LEFT: f64 = 150.0;
const RIGHT: f64 = 30.0;
const TOP: f64 = 50.0;
const ROW: f64 = 20.0;
const LANE_GAP: f64 = 10.0;
const MARK_HEIGHT: f64 = 12.0;
const MIN_MARK: f64 = 6.0;
/// Estimated width of one label character at font size 11.
const CHAR_WIDTH: f64 = 6.0;
/// Longest label, in characters, before it is cut with `…`.
const LABEL_CHARS: usize = 32;
const PALETTE: [&str; 10] = [
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
    "#bcbd22", "#17becf",
];

/// A dated event placed on the picture.
struct Mark<'a> {
    event: &'a EventNode,
    start: NaiveDate,
    end: NaiveDate,
}

/// `text` cut to `max` characters, with `…` when cut.
pub fn short(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut cut: String = text.chars().take(max.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

/// A tick every `step` months from the first multiple of it at or after
/// `from` to `to`.
fn ticks(from: NaiveDate, to: NaiveDate) -> Vec<NaiveDate> {
    let months = (to.year() - from.year()) * 12 + to.month() as i32 - from.month() as i32;
    let step = [1, 3, 6, 12, 24, 60, 120, 240, 600, 1200]
        .into_iter()
        .find(|step| months / step <= 10)
        .unwrap_or_else(|| (months / 10 / 1200 + 1) * 1200);
    let mut index = from.year() * 12 + from.month0() as i32;
    index += (step - index.rem_euclid(step)) % step;
    let mut out = Vec::new();
    while let Some(day) =
        NaiveDate::from_ymd_opt(index.div_euclid(12), index.rem_euclid(12) as u32 + 1, 1)
    {
        if day > to {
            break;
        }
        if day >= from {
            out.push(day);
        }
        index += step;
    }
    out
}

fn tick_label(day: NaiveDate, ticks: &[NaiveDate]) -> String {
    if ticks.iter().all(|t| t.month() == 1) {
        day.year().to_string()
    } else {
        day.format("%Y-%m").to_string()
    }
}

/// Fill, stroke, dash pattern and fill opacity of a mark.
fn mark_style(certainty: Certainty, color: &str) -> (String, String, &'static str) {
    match certainty {
        Certainty::Asserted => (color.to_string(), color.to_string(), ""),
        Certainty::Hedged => (
            "#ffffff".into(),
            color.to_string(),
            " stroke-dasharray=\"4 2\"",
        ),
        Certainty::Future => (
            "#ffffff".into(),
            color.to_string(),
            " stroke-dasharray=\"1 2\"",
        ),
        Certainty::Negated => (
            "#eeeeee".into(),
            "#999999".into(),
            " stroke-dasharray=\"4 2\"",
        ),
    }
}

/// The text of `timeline.svg`.
pub fn to_timeline_svg(graph: &KnowledgeGraph) -> String {
    let rows = graph
        .timeline(&TimelineFilter::default())
        .unwrap_or_default();
    let parse = |s: &Option<String>| s.as_deref().and_then(|s| s.parse::<NaiveDate>().ok());
    let marks: Vec<Mark> = rows
        .iter()
        .filter_map(|row| {
            let date = row.event.date.as_ref()?;
            Some(Mark {
                event: row.event,
                start: parse(&date.start)?,
                end: parse(&date.end)?,
            })
        })
        .collect();
    let hidden = rows.len() - marks.len();
    let mut lanes: Vec<&str> = marks.iter().map(|m| m.event.kind.as_str()).collect();
    lanes.sort();
    lanes.dedup();

    let (first, last) = match (
        marks.iter().map(|m| m.start).min(),
        marks.iter().map(|m| m.end).max(),
    ) {
        (Some(first), Some(last)) => (first, last),
        _ => {
            let day = NaiveDate::from_ymd_opt(2000, 1, 1).expect("a valid day");
            (day, day)
        }
    };
    // Pad the span by 3% on each side (at least 15 days).
    let span = (last - first).num_days().max(1);
    let pad = chrono::Duration::days((span * 3 / 100).max(15));
    let (from, to) = (first - pad, last + pad);
    let days = (to - from).num_days().max(1) as f64;
    let plot = WIDTH - LEFT - RIGHT;
    let x = |day: NaiveDate| LEFT + plot * (day - from).num_days() as f64 / days;

    let mut body = String::new();
    let mut y = TOP + 20.0;
    for (lane_index, lane) in lanes.iter().enumerate() {
        let color = PALETTE[lane_index % PALETTE.len()];
        // Greedy rows: a mark goes on the first row whose last label ends
        // before it.
        let mut row_ends: Vec<f64> = Vec::new();
        let mut placed = String::new();
        for mark in marks.iter().filter(|m| m.event.kind == *lane) {
            let x0 = x(mark.start);
            let width = (x(mark.end + chrono::Duration::days(1)) - x0).max(MIN_MARK);
            let label = short(&mark.event.headline, LABEL_CHARS);
            let text_width = CHAR_WIDTH * label.chars().count() as f64;
            // The label goes right of the mark, or left of it near the edge.
            let on_left = x0 + width + 4.0 + text_width > WIDTH - 5.0;
            let (left, right, tx, anchor) = if on_left {
                (
                    x0 - 4.0 - text_width,
                    x0 + width,
                    x0 - 4.0,
                    " text-anchor=\"end\"",
                )
            } else {
                (x0, x0 + width + 4.0 + text_width, x0 + width + 4.0, "")
            };
            let row = match row_ends.iter().position(|end| *end + 6.0 <= left) {
                Some(row) => {
                    row_ends[row] = right;
                    row
                }
                None => {
                    row_ends.push(right);
                    row_ends.len() - 1
                }
            };
            let top = y + ROW * row as f64;
            let (fill, stroke, dash) = mark_style(mark.event.certainty, color);
            let date = mark.event.date.as_ref().map_or("", |d| d.value.as_str());
            placed.push_str(&format!(
                "  <g class=\"event {certainty}\"><title>{title}</title>\
                 <rect x=\"{x0:.1}\" y=\"{top:.1}\" width=\"{width:.1}\" height=\"{MARK_HEIGHT}\" rx=\"2\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"1.5\"{dash}/>\
                 <text x=\"{tx:.1}\" y=\"{ty:.1}\"{anchor}>{label}</text></g>\n",
                certainty = mark.event.certainty.as_str(),
                title = escape(&format!(
                    "{} — {date} ({}) — {}",
                    mark.event.headline,
                    mark.event.certainty.as_str(),
                    mark.event.provenance.document
                )),
                ty = top + MARK_HEIGHT - 2.0,
                label = escape(&label),
            ));
        }
        let height = ROW * row_ends.len().max(1) as f64;
        body.push_str(&format!(
            "  <rect x=\"0\" y=\"{:.1}\" width=\"{WIDTH}\" height=\"{:.1}\" fill=\"{}\"/>\n",
            y - 4.0,
            height + 4.0,
            if lane_index % 2 == 0 {
                "#f7f7f7"
            } else {
                "#ffffff"
            }
        ));
        body.push_str(&format!(
            "  <text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" font-weight=\"bold\" fill=\"{color}\">{}</text>\n",
            LEFT - 10.0,
            y + MARK_HEIGHT - 2.0,
            escape(lane)
        ));
        body.push_str(&placed);
        y += height + LANE_GAP;
    }

    // Axis with ticks and grid lines.
    let axis_y = y + 5.0;
    let mut axis = format!(
        "  <line x1=\"{LEFT}\" y1=\"{axis_y:.1}\" x2=\"{:.1}\" y2=\"{axis_y:.1}\" stroke=\"#333333\"/>\n",
        WIDTH - RIGHT
    );
    let tick_days = ticks(from, to);
    for day in &tick_days {
        let tx = x(*day);
        axis.push_str(&format!(
            "  <line x1=\"{tx:.1}\" y1=\"{TOP:.1}\" x2=\"{tx:.1}\" y2=\"{axis_y:.1}\" stroke=\"#dddddd\"/>\n\
             \x20 <text x=\"{tx:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>\n",
            axis_y + 16.0,
            tick_label(*day, &tick_days)
        ));
    }

    // Legend and note.
    let legend_y = axis_y + 40.0;
    let mut legend = String::new();
    for (i, certainty) in [
        Certainty::Asserted,
        Certainty::Hedged,
        Certainty::Future,
        Certainty::Negated,
    ]
    .into_iter()
    .enumerate()
    {
        let lx = LEFT + 130.0 * i as f64;
        let (fill, stroke, dash) = mark_style(certainty, "#555555");
        legend.push_str(&format!(
            "  <rect x=\"{lx:.1}\" y=\"{:.1}\" width=\"24\" height=\"{MARK_HEIGHT}\" rx=\"2\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"1.5\"{dash}/>\
             <text x=\"{:.1}\" y=\"{:.1}\">{}</text>\n",
            legend_y - MARK_HEIGHT + 2.0,
            lx + 30.0,
            legend_y,
            certainty.as_str()
        ));
    }
    let note = format!(
        "{} dated events in {} lanes (one per event type); {hidden} event(s) without a calendar date not shown. Hover a mark for its headline and source.",
        marks.len(),
        lanes.len()
    );
    let height = legend_y + 30.0;
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{height:.0}\" viewBox=\"0 0 {WIDTH} {height:.0}\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"11\">\n\
         \x20 <title>Chronograph timeline</title>\n\
         \x20 <rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n\
         \x20 <text x=\"{LEFT}\" y=\"28\" font-size=\"16\" font-weight=\"bold\">Timeline: {first} to {last}</text>\n\
         {body}{axis}{legend}\
         \x20 <text x=\"{LEFT}\" y=\"{:.1}\" fill=\"#555555\">{}</text>\n\
         </svg>\n",
        legend_y + 20.0,
        escape(&note),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::test_support::{event_mut, sample_graph};

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn ticks_fit_the_span() {
        assert_eq!(
            ticks(day("2017-12-15"), day("2018-03-10")),
            [day("2018-01-01"), day("2018-02-01"), day("2018-03-01")]
        );
        let decades = ticks(day("1953-01-01"), day("2024-06-01"));
        assert_eq!(decades.first(), Some(&day("1960-01-01")));
        assert_eq!(decades.last(), Some(&day("2020-01-01")));
        assert_eq!(decades.len(), 7);
        assert_eq!(tick_label(decades[0], &decades), "1960");
        // Thousands of years: still about ten ticks.
        let ages = ticks(day("0001-01-01"), day("9000-01-01"));
        assert!((5..=12).contains(&ages.len()), "{ages:?}");
    }

    #[test]
    fn labels_are_cut_short() {
        assert_eq!(
            short("Israel attacked Damascus", 32),
            "Israel attacked Damascus"
        );
        assert_eq!(short("abcdefghij", 5), "abcd…");
    }

    #[test]
    fn one_lane_per_type_and_hedged_drawn_apart() {
        let svg = to_timeline_svg(&sample_graph());
        // attack and meeting lanes; two dated marks, two undated not drawn.
        assert!(svg.contains(">attack</text>"), "{svg}");
        assert!(svg.contains(">meeting</text>"));
        assert_eq!(svg.matches("<g class=\"event ").count(), 2);
        assert!(svg.contains("2 event(s) without a calendar date not shown"));
        assert!(svg.contains("Timeline: 2018-01-03 to 2018-02-28"));
        // The legend shows the four styles; hedged is hollow and dashed.
        assert!(svg.contains("fill=\"#ffffff\" stroke=\"#555555\" stroke-width=\"1.5\" stroke-dasharray=\"4 2\"/><text x=\"310.0\""));
        assert!(svg.ends_with("</svg>\n"));
    }

    #[test]
    fn text_is_escaped() {
        let mut graph = sample_graph();
        event_mut(&mut graph, "a:e1").headline = "<b>\"Tom & Jerry\"</b>".into();
        let svg = to_timeline_svg(&graph);
        assert!(svg.contains("&lt;b&gt;&quot;Tom &amp; Jerry&quot;&lt;/b&gt;"));
        assert!(!svg.contains("<b>"));
    }
}
