//! `chronik events`: merged events with filters, as a table or exported.

use std::io::{BufWriter, Write};
use std::process::ExitCode;

use anyhow::Result;
use chronik_store::{EventRow, Format};

use super::timeline::place;
use super::{EventsArgs, EventsFormat, clip};

pub fn run(args: EventsArgs) -> Result<ExitCode> {
    let store = args.db.open_existing()?;
    let events = store.events(&args.filter.filter())?;
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let format = match args.format {
        EventsFormat::Table => {
            write_table(&events, &mut out)?;
            out.flush()?;
            return Ok(ExitCode::SUCCESS);
        }
        EventsFormat::Json => Format::Json,
        EventsFormat::Jsonl => Format::Jsonl,
        EventsFormat::Csv => Format::Csv,
        EventsFormat::Acled => Format::Acled,
        EventsFormat::Geojson => Format::Geojson,
    };
    chronik_store::export::write(format, &events, &mut out)?;
    Ok(ExitCode::SUCCESS)
}

fn write_table(events: &[EventRow], out: &mut dyn Write) -> Result<()> {
    let rows: Vec<[String; 8]> = events
        .iter()
        .map(|e| {
            [
                e.date.map(|d| d.to_string()).unwrap_or_else(|| "?".into()),
                clip(&place(e), 24),
                e.kind.to_string(),
                e.sub_type.to_string(),
                clip(&e.actors().unwrap_or_default(), 28),
                format!("{}/{}", e.n_reports, e.n_sources),
                e.fatalities().to_string(),
                e.event_id.clone(),
            ]
        })
        .collect();
    let header = [
        "date",
        "place",
        "kind",
        "sub_type",
        "actors",
        "reports/sources",
        "killed",
        "event_id",
    ];
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for r in &rows {
        for (w, c) in widths.iter_mut().zip(r) {
            *w = (*w).max(c.chars().count());
        }
    }
    let line = |cells: Vec<&str>| -> String {
        cells
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c:<w$}", w = *w))
            .collect::<Vec<_>>()
            .join("  ")
            .trim_end()
            .to_string()
    };
    writeln!(out, "{}", line(header.to_vec()))?;
    for r in &rows {
        writeln!(out, "{}", line(r.iter().map(String::as_str).collect()))?;
    }
    writeln!(out, "{} events", rows.len())?;
    Ok(())
}
