//! `chronograph timeline`: print the events in date order.

use std::io::Write;

use anyhow::bail;
use chrono::NaiveDate;
use serde_json::json;

use chronograph::export;
use chronograph::graph::{TimelineFilter, TimelineRow};

use super::Outcome;
use super::common::{InputArgs, load};
use super::table::{Table, TableFormat};

/// Arguments of `timeline`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Inputs, DCT and threads.
    #[command(flatten)]
    pub input: InputArgs,
    /// Only events this entity takes part in (canonical name or any alias).
    #[arg(long, value_name = "NAME")]
    pub entity: Option<String>,
    /// Only events that end on or after this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub from: Option<NaiveDate>,
    /// Only events that start on or before this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub to: Option<NaiveDate>,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: TableFormat,
}

/// Runs `timeline`: dated events in date order, then the undated ones.
pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let loaded = load(&args.input)?;
    let filter = TimelineFilter {
        entity: args.entity.clone(),
        from: args.from,
        to: args.to,
    };
    let Some(rows) = loaded.graph.timeline(&filter) else {
        bail!(
            "no entity named {:?} (see `chronograph entities`)",
            args.entity.unwrap_or_default()
        );
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match args.format {
        TableFormat::Csv => out.write_all(&export::csv::timeline_rows_csv(&rows)?)?,
        TableFormat::Json => {
            let values: Vec<_> = rows.iter().map(row_json).collect();
            serde_json::to_writer_pretty(&mut out, &values)?;
            writeln!(out)?;
        }
        TableFormat::Table => {
            let mut table = Table::new(&[
                "date",
                "type",
                "event",
                "participants",
                "certainty",
                "document",
            ]);
            for row in &rows {
                table.push(vec![
                    row.event
                        .date
                        .as_ref()
                        .map_or("-".into(), |d| d.value.clone()),
                    row.event.kind.clone(),
                    row.event.headline.clone(),
                    participants_text(row),
                    row.event.certainty.as_str().into(),
                    row.event.provenance.document.clone(),
                ]);
            }
            table.write(&mut out)?;
        }
    }
    out.flush()?;
    Ok(loaded.outcome())
}

fn participants_text(row: &TimelineRow) -> String {
    row.participants
        .iter()
        .map(|(entity, role)| format!("{} ({})", entity.name, role.as_str()))
        .collect::<Vec<_>>()
        .join("; ")
}

fn row_json(row: &TimelineRow) -> serde_json::Value {
    let event = row.event;
    json!({
        "id": event.id,
        "date": event.date,
        "date_source": event.date_source,
        "event_type": event.kind,
        "trigger": event.trigger,
        "headline": event.headline,
        "participants": row.participants.iter().map(|(e, role)| json!({"entity": e.id, "name": e.name, "role": role})).collect::<Vec<_>>(),
        "location": row.place.map(|p| p.name.clone()),
        "certainty": event.certainty,
        "document": event.provenance.document,
        "sentence": event.sentence_text,
        "char_start": event.provenance.char_start,
        "char_end": event.provenance.char_end,
    })
}
