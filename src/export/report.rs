//! `report.html`: one self-contained page (inline CSS and JavaScript, no
//! network) for a person to read what Chronograph found.
//!
//! In order: a summary (counts, the documents), the two pictures inlined
//! (`graph.svg` as Graphviz rendered it, between the comments
//! [`GRAPHVIZ_BEGIN`] and [`GRAPHVIZ_END`], and `timeline.svg`), a table of
//! every event sortable by clicking a column header, the entities with their
//! aliases and roles, and the source sentences. Every event and role links
//! to its source sentence (`#s-<document>-<sentence>`), every participant to
//! its entity. All text from the articles is HTML-escaped.

use std::collections::BTreeMap;

use super::csv::role_text;
use super::markup::escape;
use super::timeline_svg::to_timeline_svg;
use crate::annotation::Annotated;
use crate::document::Document;
use crate::graph::{EntityNode, KnowledgeGraph, Provenance, TimelineFilter, TimelineRow};

/// Comment before the inlined Graphviz picture (whose layout depends on the
/// Graphviz version).
pub const GRAPHVIZ_BEGIN: &str = "<!-- graphviz:begin -->";
/// Comment after it.
pub const GRAPHVIZ_END: &str = "<!-- graphviz:end -->";

/// Source sentences by (document id, sentence index), white space folded.
pub type Sentences = BTreeMap<(String, usize), String>;

/// The sentences the graph's events and relations cite, read from the
/// documents and their sentence layer.
pub fn cited_sentences(
    graph: &KnowledgeGraph,
    documents: &[Document],
    annotated: &[Annotated],
) -> Sentences {
    let mut cited: Vec<&Provenance> = graph.events().map(|(_, e)| &e.provenance).collect();
    cited.extend(
        graph
            .entities()
            .flat_map(|(_, e)| e.role_sources.iter().map(|(_, p)| p)),
    );
    let mut sentences = Sentences::new();
    for provenance in cited {
        let key = (provenance.document.clone(), provenance.sentence);
        if sentences.contains_key(&key) {
            continue;
        }
        let found = documents
            .iter()
            .zip(annotated)
            .find(|(d, _)| d.id == provenance.document)
            .and_then(|(d, a)| {
                let span = a.sentences.get(provenance.sentence)?.span;
                d.text.get(span.start..span.end)
            });
        if let Some(text) = found {
            sentences.insert(key, text.split_whitespace().collect::<Vec<_>>().join(" "));
        }
    }
    sentences
}

/// An HTML id: `prefix` then `text`, white space turned into `_`.
fn anchor(prefix: &str, text: &str) -> String {
    let text: String = text
        .chars()
        .map(|c| if c.is_whitespace() { '_' } else { c })
        .collect();
    format!("{prefix}{text}")
}

/// The anchor of a source sentence: `s-<document>-<index>`.
fn sentence_anchor(document: &str, sentence: usize) -> String {
    anchor("s-", &format!("{document}-{sentence}"))
}

/// The anchor of an entity: `entity-<id>`.
fn entity_anchor(id: &str) -> String {
    anchor("entity-", id)
}

fn source_link(provenance: &Provenance) -> String {
    format!(
        "<a href=\"#{}\">{} §{}</a>",
        escape(&sentence_anchor(&provenance.document, provenance.sentence)),
        escape(&provenance.document),
        provenance.sentence + 1
    )
}

fn entity_link(entity: &EntityNode) -> String {
    format!(
        "<a href=\"#{}\">{}</a>",
        escape(&entity_anchor(&entity.id)),
        escape(&entity.name)
    )
}

/// An SVG document's `<svg>` element and what follows (no XML prolog).
fn svg_element(svg: &str) -> &str {
    svg.find("<svg").map_or("", |start| svg[start..].trim_end())
}

const STYLE: &str = "body{font-family:Helvetica,Arial,sans-serif;margin:2em;color:#222;max-width:1300px}\
h1{font-size:1.6em}h2{margin-top:2em;border-bottom:1px solid #ccc}\
table{border-collapse:collapse;width:100%;font-size:.9em}\
th,td{border:1px solid #ddd;padding:4px 6px;text-align:left;vertical-align:top}\
th{background:#f0f0f0}table.sortable th{cursor:pointer}\
th[data-dir=asc]::after{content:' \\25B2'}th[data-dir=desc]::after{content:' \\25BC'}\
tr.hedged td,tr.future td{font-style:italic}tr.negated td{color:#888}\
.picture{overflow:auto;max-height:900px;border:1px solid #ddd}\
.picture svg{max-width:none}p.sentence:target{background:#fff2cc}\
.muted{color:#777}";

const SCRIPT: &str = "document.querySelectorAll('table.sortable th').forEach(function(th,i){\
th.addEventListener('click',function(){var table=th.closest('table');var body=table.tBodies[0];\
var asc=th.dataset.dir!=='asc';table.querySelectorAll('th').forEach(function(h){delete h.dataset.dir;});\
th.dataset.dir=asc?'asc':'desc';var key=function(r){var c=r.cells[i];return c.dataset.sort!==undefined?c.dataset.sort:c.textContent;};\
Array.from(body.rows).sort(function(a,b){return key(a).localeCompare(key(b),undefined,{numeric:true})*(asc?1:-1);})\
.forEach(function(r){body.appendChild(r);});});});";

fn summary(out: &mut String, graph: &KnowledgeGraph, rows: &[TimelineRow]) {
    let dated = rows.iter().filter(|r| r.event.date.is_some()).count();
    let mut by_certainty: BTreeMap<&str, usize> = BTreeMap::new();
    for row in rows {
        *by_certainty
            .entry(row.event.certainty.as_str())
            .or_default() += 1;
    }
    let certainty: Vec<String> = by_certainty
        .iter()
        .map(|(name, count)| format!("{count} {name}"))
        .collect();
    out.push_str(&format!(
        "<h2 id=\"summary\">Summary</h2>\n<p>{} document(s), {} entities, {} events ({} dated; {}).</p>\n",
        graph.documents.len(),
        graph.entity_count(),
        rows.len(),
        dated,
        certainty.join(", ")
    ));
    out.push_str("<table><thead><tr><th>document</th><th>title</th><th>published</th><th>sentences</th></tr></thead><tbody>\n");
    for document in &graph.documents {
        out.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
            escape(&document.id),
            escape(document.title.as_deref().unwrap_or("")),
            escape(document.dct.as_deref().unwrap_or("unknown")),
            document.sentences
        ));
    }
    out.push_str("</tbody></table>\n");
}

fn pictures(out: &mut String, graph: &KnowledgeGraph, graph_svg: Option<&str>) {
    out.push_str("<h2 id=\"graph\">Graph</h2>\n<div class=\"picture\">\n");
    out.push_str(GRAPHVIZ_BEGIN);
    out.push('\n');
    match graph_svg {
        Some(svg) => out.push_str(svg_element(svg)),
        None => out.push_str(
            "<p class=\"muted\">graph.svg was not rendered in this run (Graphviz missing, the graph over --svg-max-nodes, or svg left out of --formats); open graph.dot with Graphviz.</p>",
        ),
    }
    out.push('\n');
    out.push_str(GRAPHVIZ_END);
    out.push_str("\n</div>\n<h2 id=\"timeline\">Timeline</h2>\n<div class=\"picture\">\n");
    out.push_str(svg_element(&to_timeline_svg(graph)));
    out.push_str("\n</div>\n");
}

fn events_table(out: &mut String, rows: &[TimelineRow]) {
    out.push_str(
        "<h2 id=\"events\">Events</h2>\n<p class=\"muted\">Click a column header to sort.</p>\n\
         <table class=\"sortable\" id=\"event-table\"><thead><tr><th>date</th><th>type</th><th>headline</th>\
         <th>participants</th><th>place</th><th>certainty</th><th>source</th></tr></thead><tbody>\n",
    );
    for (position, row) in rows.iter().enumerate() {
        let event = row.event;
        let (date, sort) = match &event.date {
            // Undated rows sort after every date, in timeline order.
            Some(date) => (
                date.value.clone(),
                format!("{} {position:05}", date.start.as_deref().unwrap_or("~")),
            ),
            None => ("undated".to_string(), format!("~ {position:05}")),
        };
        let participants: Vec<String> = row
            .participants
            .iter()
            .map(|(entity, role)| format!("{} ({})", entity_link(entity), role.as_str()))
            .collect();
        out.push_str(&format!(
            "<tr id=\"{id}\" class=\"{certainty}\"><td data-sort=\"{sort}\">{date}</td><td>{kind}</td><td>{headline}</td>\
             <td>{participants}</td><td>{place}</td><td>{certainty}</td><td>{source}</td></tr>\n",
            id = escape(&format!("event-{}", event.id)),
            certainty = event.certainty.as_str(),
            sort = escape(&sort),
            date = escape(&date),
            kind = escape(&event.kind),
            headline = escape(&event.headline),
            participants = participants.join("; "),
            place = row.place.map(entity_link).unwrap_or_default(),
            source = source_link(&event.provenance),
        ));
    }
    out.push_str("</tbody></table>\n");
}

fn entities_table(out: &mut String, graph: &KnowledgeGraph) {
    let mut entities: Vec<&EntityNode> = graph.entities().map(|(_, e)| e).collect();
    entities.sort_by(|a, b| a.id.cmp(&b.id));
    out.push_str(
        "<h2 id=\"entities\">Entities</h2>\n<table class=\"sortable\" id=\"entity-table\"><thead><tr>\
         <th>name</th><th>type</th><th>aliases</th><th>mentions</th><th>roles</th><th>documents</th></tr></thead><tbody>\n",
    );
    for entity in entities {
        let roles: Vec<String> = entity
            .roles
            .iter()
            .map(|role| {
                let links: Vec<String> = entity
                    .role_sources
                    .iter()
                    .filter(|(r, _)| r == role)
                    .map(|(_, provenance)| source_link(provenance))
                    .collect();
                if links.is_empty() {
                    escape(&role_text(role))
                } else {
                    format!("{} [{}]", escape(&role_text(role)), links.join(", "))
                }
            })
            .collect();
        out.push_str(&format!(
            "<tr id=\"{}\"><td>{}</td><td>{}</td><td>{}</td><td data-sort=\"{:06}\">{}</td><td>{}</td><td>{}</td></tr>\n",
            escape(&entity_anchor(&entity.id)),
            escape(&entity.name),
            entity.kind.as_str(),
            escape(&entity.aliases.join("; ")),
            entity.mention_count,
            entity.mention_count,
            roles.join("<br>"),
            escape(&entity.documents.join("; ")),
        ));
    }
    out.push_str("</tbody></table>\n");
}

fn sources(out: &mut String, graph: &KnowledgeGraph, sentences: &Sentences) {
    out.push_str("<h2 id=\"sources\">Source sentences</h2>\n");
    for document in &graph.documents {
        let cited: Vec<_> = sentences
            .range((document.id.clone(), 0)..=(document.id.clone(), usize::MAX))
            .collect();
        if cited.is_empty() {
            continue;
        }
        out.push_str(&format!(
            "<h3>{}</h3>\n<p class=\"muted\">{}{}</p>\n",
            escape(document.title.as_deref().unwrap_or(&document.id)),
            escape(&document.source),
            document
                .dct
                .as_deref()
                .map(|d| format!(", published {}", escape(d)))
                .unwrap_or_default()
        ));
        for ((doc, index), text) in cited {
            out.push_str(&format!(
                "<p class=\"sentence\" id=\"{}\"><span class=\"muted\">§{}</span> {}</p>\n",
                escape(&sentence_anchor(doc, *index)),
                index + 1,
                escape(text)
            ));
        }
    }
}

/// The text of `report.html`. `graph_svg` is the Graphviz rendering of
/// `graph.dot`, when there is one; `sentences` the cited sentences
/// ([`cited_sentences`]).
pub fn to_report(graph: &KnowledgeGraph, sentences: &Sentences, graph_svg: Option<&str>) -> String {
    let rows = graph
        .timeline(&TimelineFilter::default())
        .unwrap_or_default();
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>Chronograph report</title>\n<style>{STYLE}</style>\n</head>\n<body>\n\
         <h1>Chronograph report</h1>\n\
         <p><a href=\"#summary\">Summary</a> · <a href=\"#graph\">Graph</a> · <a href=\"#timeline\">Timeline</a> · \
         <a href=\"#events\">Events</a> · <a href=\"#entities\">Entities</a> · <a href=\"#sources\">Source sentences</a></p>\n"
    );
    summary(&mut out, graph, &rows);
    pictures(&mut out, graph, graph_svg);
    events_table(&mut out, &rows);
    entities_table(&mut out, graph);
    sources(&mut out, graph, sentences);
    out.push_str(&format!("<script>{SCRIPT}</script>\n</body>\n</html>\n"));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::test_support::{document_a, document_b, event_mut, sample_graph};

    fn sample_sentences(graph: &KnowledgeGraph) -> Sentences {
        let (a, la) = document_a();
        let (b, lb) = document_b();
        cited_sentences(graph, &[a, b], &[la, lb])
    }

    #[test]
    fn cites_the_sentences_of_events_and_roles() {
        let graph = sample_graph();
        let sentences = sample_sentences(&graph);
        let keys: Vec<(&str, usize)> = sentences.keys().map(|(d, i)| (d.as_str(), *i)).collect();
        assert_eq!(keys, [("a", 0), ("a", 1), ("b", 0), ("b", 1)]);
        // White space folded.
        assert_eq!(
            sentences[&("b".to_string(), 1)],
            "=SUM(A1), Acme \"Q\\ Ltd said, was no strike."
        );
    }

    #[test]
    fn the_page_holds_every_event_linked_to_its_sentence() {
        let graph = sample_graph();
        let html = to_report(&graph, &sample_sentences(&graph), None);
        assert_eq!(html.matches("<tr id=\"event-").count(), 4);
        assert!(html.contains("<a href=\"#s-a-0\">a §1</a>"));
        assert!(html.contains("<p class=\"sentence\" id=\"s-a-0\">"));
        assert!(html.contains("<p class=\"sentence\" id=\"s-b-1\">"));
        // Participants link to their entity rows.
        assert!(html.contains("<a href=\"#entity-person:mike-pompeo\">Mike Pompeo</a> (agent)"));
        assert!(html.contains("<tr id=\"entity-person:mike-pompeo\">"));
        // Roles link to the sentence that states them, with or without an
        // organization.
        assert!(html.contains("prime minister (since 2009) [<a href=\"#s-a-0\">a §1</a>]"));
        assert!(
            html.contains("director of CIA (former, until 2018-04) [<a href=\"#s-a-0\">a §1</a>]")
        );
        assert!(html.contains("<td data-sort=\"~ 00002\">undated</td>"));
    }

    #[test]
    fn self_contained_with_both_pictures_and_the_graphviz_part_marked() {
        let graph = sample_graph();
        let svg = "<?xml version=\"1.0\"?>\n<!DOCTYPE svg>\n<svg id=\"g\"><text>G</text></svg>\n";
        let html = to_report(&graph, &sample_sentences(&graph), Some(svg));
        let begin = html.find(GRAPHVIZ_BEGIN).unwrap();
        let end = html.find(GRAPHVIZ_END).unwrap();
        assert_eq!(
            html[begin + GRAPHVIZ_BEGIN.len()..end].trim(),
            "<svg id=\"g\"><text>G</text></svg>"
        );
        assert!(html.contains("<title>Chronograph timeline</title>"));
        assert!(!html.contains("<?xml"));
        for external in ["src=\"http", "href=\"http", "<link", "@import", "url("] {
            assert!(!html.contains(external), "{external}");
        }
        let without = to_report(&graph, &sample_sentences(&graph), None);
        assert!(without.contains("graph.svg was not rendered"));
    }

    #[test]
    fn article_text_is_escaped() {
        let mut graph = sample_graph();
        event_mut(&mut graph, "a:e1").headline = "<script>alert(1)</script>".into();
        let mut sentences = sample_sentences(&graph);
        sentences.insert(("a".into(), 0), "<img src=x onerror=alert(1)> & co".into());
        let html = to_report(&graph, &sentences, None);
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(html.contains("&lt;img src=x onerror=alert(1)&gt; &amp; co"));
        assert_eq!(
            html.matches("<script>").count(),
            1,
            "only the page's own script"
        );
    }
}
