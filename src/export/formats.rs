//! The export formats a user can pick with `build --formats`.

use std::fmt;
use std::str::FromStr;

/// One export format beside the base outputs (`graph.dot`, the CSV tables,
/// `graph.json`), which `build` always writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Format {
    /// `graph.graphml` (networkx, yEd, Gephi).
    Graphml,
    /// `graph.gexf`, GEXF 1.3 with spells (Gephi).
    Gexf,
    /// `cytoscape.json` (Cytoscape.js, Cytoscape desktop).
    Cytoscape,
    /// `graph.nodelink.json` (D3, networkx `node_link_graph`).
    Nodelink,
    /// `timelinejs.json` (TimelineJS3).
    Timelinejs,
    /// `neo4j/nodes.csv`, `neo4j/relationships.csv`, `neo4j/README`.
    Neo4j,
    /// `timeline.svg`, drawn by Chronograph.
    TimelineSvg,
    /// `report.html`, one self-contained page.
    Report,
    /// `graph.svg`, rendered from `graph.dot` by Graphviz.
    Svg,
    /// `graph.png`, rendered from `graph.dot` by Graphviz.
    Png,
}

impl Format {
    /// Every format, in the order `build` writes them.
    pub const ALL: [Format; 10] = [
        Self::Graphml,
        Self::Gexf,
        Self::Cytoscape,
        Self::Nodelink,
        Self::Timelinejs,
        Self::Neo4j,
        Self::TimelineSvg,
        Self::Svg,
        Self::Png,
        Self::Report,
    ];

    /// The name used on the command line.
    pub const fn name(self) -> &'static str {
        match self {
            Self::Graphml => "graphml",
            Self::Gexf => "gexf",
            Self::Cytoscape => "cytoscape",
            Self::Nodelink => "nodelink",
            Self::Timelinejs => "timelinejs",
            Self::Neo4j => "neo4j",
            Self::TimelineSvg => "timeline-svg",
            Self::Report => "report",
            Self::Svg => "svg",
            Self::Png => "png",
        }
    }

    /// True for the formats Graphviz's `dot` renders.
    pub const fn needs_graphviz(self) -> bool {
        matches!(self, Self::Svg | Self::Png)
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The names [`Format::from_str`] accepts, comma-separated, for messages.
pub fn names() -> String {
    Format::ALL.map(Format::name).join(", ")
}

impl FromStr for Format {
    type Err = String;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        let wanted = name.trim().to_ascii_lowercase();
        Format::ALL
            .into_iter()
            .find(|f| f.name() == wanted)
            .ok_or_else(|| format!("unknown format '{name}' (known: {})", names()))
    }
}

/// `list` without duplicates, in the order of [`Format::ALL`].
pub fn normalize(list: &[Format]) -> Vec<Format> {
    Format::ALL
        .into_iter()
        .filter(|f| list.contains(f))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_parses_back() {
        for format in Format::ALL {
            assert_eq!(format.name().parse::<Format>(), Ok(format));
        }
        assert_eq!(" GEXF ".parse::<Format>(), Ok(Format::Gexf));
    }

    #[test]
    fn an_unknown_name_lists_the_known_ones() {
        let error = "pdf".parse::<Format>().unwrap_err();
        assert!(error.contains("'pdf'"), "{error}");
        assert!(error.contains("graphml, gexf"), "{error}");
    }

    #[test]
    fn normalize_orders_and_deduplicates() {
        assert_eq!(
            normalize(&[Format::Report, Format::Gexf, Format::Report]),
            vec![Format::Gexf, Format::Report]
        );
    }
}
