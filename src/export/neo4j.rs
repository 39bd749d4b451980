//! `neo4j/`: the flattened graph as the CSV files `neo4j-admin database
//! import full` reads, and a `README` with the command.
//!
//! `nodes.csv`: `id:ID`, `:LABEL` (`Entity;Person`, `Event;Meeting`), then
//! one column per node attribute ([`super::flat::NODE_KEYS`]; `label` is called `name`)
//! with its Neo4j type: `mentions:int`, `asserted:boolean`, ISO days as
//! `start:date`, `end:date`, `first_date:date`, `last_date:date`; the rest
//! strings. `relationships.csv`: `:START_ID`, `:END_ID`, `:TYPE` (`AGENT`,
//! `TARGET`, `OTHER`, `PLACE`, `HOLDS_ROLE`), then the edge attributes
//! ([`EDGE_KEYS`]) likewise (`weight:int`, `former:boolean`,
//! `start:date`...). An empty cell sets no property. Text cells that a
//! spreadsheet would run as a formula get a leading `'`
//! ([`super::neutralize`]).

use anyhow::Result;

use super::csv::write_table;
use super::flat::{AttrType, Attrs, EDGE_KEYS, FlatGraph, Key, NodeKind, Value};
use super::neutralize;

/// Node file, relative to the export folder.
pub const NODES_CSV: &str = "neo4j/nodes.csv";
/// Relationship file, relative to the export folder.
pub const RELATIONSHIPS_CSV: &str = "neo4j/relationships.csv";
/// Instructions, relative to the export folder.
pub const README: &str = "neo4j/README";

/// The import command, run inside the `neo4j/` folder.
pub const IMPORT_COMMAND: &str =
    "neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv neo4j";

/// Attributes holding ISO days, typed `date`.
const DATES: [&str; 4] = ["start", "end", "first_date", "last_date"];

/// The column header of an attribute: `name:type`. A node's `label` is
/// its `name` (Cypher's usual property for it).
fn header(key: &Key, node: bool) -> String {
    let name = if node && key.name == "label" {
        "name"
    } else {
        key.name
    };
    match key.ty {
        AttrType::String if DATES.contains(&key.name) => format!("{name}:date"),
        AttrType::String => name.to_string(),
        AttrType::Int => format!("{name}:int"),
        AttrType::Bool => format!("{name}:boolean"),
    }
}

fn cell(value: Option<&Value>) -> String {
    match value {
        Some(Value::Str(text)) => neutralize(text).into_owned(),
        Some(other) => other.text(),
        None => String::new(),
    }
}

fn cells(keys: &[&Key], attrs: &Attrs) -> impl Iterator<Item = String> {
    keys.iter().map(|key| cell(attrs.get(key.name)))
}

/// A Neo4j label from a type name: `ORGANIZATION` → `Organization`,
/// `legal act` → `LegalAct`.
fn label(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|word| {
            let lower = word.to_lowercase();
            let mut chars = lower.chars();
            chars
                .next()
                .map(|first| first.to_uppercase().chain(chars).collect::<String>())
                .unwrap_or_default()
        })
        .collect()
}

/// The bytes of `neo4j/nodes.csv`.
pub fn nodes_csv(flat: &FlatGraph) -> Result<Vec<u8>> {
    let keys: Vec<&Key> = super::flat::NODE_KEYS
        .iter()
        .filter(|k| k.name != "kind")
        .collect();
    let mut head = vec!["id:ID".to_string(), ":LABEL".to_string()];
    head.extend(keys.iter().map(|k| header(k, true)));
    let head: Vec<&str> = head.iter().map(String::as_str).collect();
    let records = flat.nodes.iter().map(|node| {
        let kind = match node.kind {
            NodeKind::Entity => "Entity",
            NodeKind::Event => "Event",
        };
        let ty = node.attrs.get("type").map(Value::text).unwrap_or_default();
        let labels = match label(&ty) {
            sub if sub.is_empty() => kind.to_string(),
            sub => format!("{kind};{sub}"),
        };
        let mut record = vec![neutralize(&node.id).into_owned(), labels];
        record.extend(cells(&keys, &node.attrs));
        record
    });
    write_table(&head, records)
}

/// The bytes of `neo4j/relationships.csv`.
pub fn relationships_csv(flat: &FlatGraph) -> Result<Vec<u8>> {
    let keys: Vec<&Key> = EDGE_KEYS.iter().filter(|k| k.name != "relation").collect();
    let mut head = vec![
        ":START_ID".to_string(),
        ":END_ID".to_string(),
        ":TYPE".to_string(),
    ];
    head.extend(keys.iter().map(|k| header(k, false)));
    let head: Vec<&str> = head.iter().map(String::as_str).collect();
    let records = flat.edges.iter().map(|edge| {
        let mut record = vec![
            neutralize(&edge.source).into_owned(),
            neutralize(&edge.target).into_owned(),
            edge.relation().to_uppercase(),
        ];
        record.extend(cells(&keys, &edge.attrs));
        record
    });
    write_table(&head, records)
}

/// The text of `neo4j/README`.
pub fn readme() -> String {
    format!(
        "Chronograph graph for Neo4j 5 (bulk import).\n\
         \n\
         With the Neo4j server stopped, run in this folder:\n\
         \n\
         \x20   {IMPORT_COMMAND}\n\
         \n\
         (add --overwrite-destination to replace an existing database), start Neo4j, then e.g.\n\
         \n\
         \x20   MATCH (e:Event)-[r]->(p:Entity) RETURN e.name, e.start, type(r), p.name ORDER BY e.start\n\
         \n\
         nodes.csv holds entities (label Entity plus Person, Organization, Location or Misc) and\n\
         events (label Event plus the event type); relationships.csv the AGENT, TARGET, OTHER,\n\
         PLACE and HOLDS_ROLE edges. Dates are typed date, counts int, flags boolean.\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::flat::flatten;
    use crate::export::test_support::{csv_table, sample_graph};

    /// The header and the records, as one list of rows.
    fn rows(bytes: &[u8]) -> Vec<Vec<String>> {
        let (header, mut rows) = csv_table(bytes);
        rows.insert(0, header);
        rows
    }

    #[test]
    fn nodes_have_ids_labels_and_typed_columns() {
        let rows = rows(&nodes_csv(&flatten(&sample_graph())).unwrap());
        let head = &rows[0];
        assert_eq!(head[..4], ["id:ID", ":LABEL", "name", "type"]);
        for column in [
            "mentions:int",
            "asserted:boolean",
            "start:date",
            "first_date:date",
        ] {
            assert!(head.contains(&column.to_string()), "{column} in {head:?}");
        }
        assert_eq!(rows.len(), 1 + 12);
        let column = |name: &str| head.iter().position(|h| h == name).unwrap();
        let met = rows.iter().find(|r| r[0] == "a:e1").unwrap();
        assert_eq!(met[1], "Event;Meeting");
        assert_eq!(met[column("start:date")], "2018-02-01");
        assert_eq!(met[column("asserted:boolean")], "true");
        let pompeo = rows.iter().find(|r| r[0] == "person:mike-pompeo").unwrap();
        assert_eq!(pompeo[1], "Entity;Person");
        assert_eq!(pompeo[column("mentions:int")], "1");
        assert_eq!(pompeo[column("start:date")], "");
        // The formula-like sentence is neutralised.
        let strike = rows.iter().find(|r| r[0] == "b:e2").unwrap();
        assert!(strike[column("sentence")].starts_with("'=SUM(A1)"));
    }

    #[test]
    fn relationships_point_at_node_ids_with_a_type() {
        let flat = flatten(&sample_graph());
        let rows = rows(&relationships_csv(&flat).unwrap());
        assert_eq!(
            rows[0][..5],
            [":START_ID", ":END_ID", ":TYPE", "label", "weight:int"]
        );
        assert_eq!(rows.len(), 1 + 8);
        let role = rows.iter().find(|r| r[2] == "HOLDS_ROLE").unwrap();
        assert_eq!(role[..2], ["person:mike-pompeo", "organization:cia"]);
        let nodes = rows_ids(&flat);
        for row in &rows[1..] {
            assert!(
                nodes.contains(&row[0]) && nodes.contains(&row[1]),
                "{row:?}"
            );
        }
    }

    fn rows_ids(flat: &FlatGraph) -> Vec<String> {
        flat.nodes.iter().map(|n| n.id.clone()).collect()
    }

    #[test]
    fn labels_are_camel_case() {
        assert_eq!(label("ORGANIZATION"), "Organization");
        assert_eq!(label("legal act"), "LegalAct");
        assert_eq!(label(""), "");
    }

    #[test]
    fn the_readme_gives_the_import_command() {
        assert!(readme().contains(
            "neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv"
        ));
    }
}
