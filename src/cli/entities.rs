//! `chronograph entities`: list the people, organizations and places found.

use std::io::Write;

use chronograph::export;

use super::Outcome;
use super::common::{InputArgs, load};
use super::table::{Table, TableFormat};

/// Arguments of `entities`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Inputs, DCT and threads.
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: TableFormat,
}

/// Runs `entities`: sorted by type, then mentions (most first), then name.
pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let loaded = load(&args.input)?;
    let mut entities: Vec<_> = loaded.graph.entities().map(|(_, e)| e).collect();
    entities.sort_by(|a, b| {
        (a.kind, std::cmp::Reverse(a.mention_count), &a.name).cmp(&(
            b.kind,
            std::cmp::Reverse(b.mention_count),
            &b.name,
        ))
    });
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match args.format {
        TableFormat::Csv => out.write_all(&export::csv::entities_csv(&loaded.graph)?)?,
        TableFormat::Json => {
            serde_json::to_writer_pretty(
                &mut out,
                &export::json::graph_json(&loaded.graph).entities,
            )?;
            writeln!(out)?;
        }
        TableFormat::Table => {
            let mut table = Table::new(&["name", "type", "mentions", "aliases", "roles"]);
            for entity in entities {
                table.push(vec![
                    entity.name.clone(),
                    entity.kind.as_str().into(),
                    entity.mention_count.to_string(),
                    entity.aliases.join("; "),
                    entity
                        .roles
                        .iter()
                        .map(export::csv::role_text)
                        .collect::<Vec<_>>()
                        .join("; "),
                ]);
            }
            table.write(&mut out)?;
        }
    }
    out.flush()?;
    Ok(loaded.outcome())
}
