//! `chronik search`: full-text search over the stored reports.

use std::io::{BufWriter, Write};
use std::process::ExitCode;

use anyhow::Result;

use super::SearchArgs;

pub fn run(args: SearchArgs) -> Result<ExitCode> {
    let store = args.db.open_existing()?;
    let query = args.query.join(" ");
    let hits = store.search(&query, args.limit)?;
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    for h in &hits {
        if args.json {
            serde_json::to_writer(&mut out, h)?;
            writeln!(out)?;
            continue;
        }
        writeln!(
            out,
            "{}  {}  {}  {}",
            h.id,
            h.date
                .map(|d| d.to_string())
                .unwrap_or_else(|| "????-??-??".into()),
            h.outlet.as_deref().unwrap_or("-"),
            if h.events.is_empty() {
                String::new()
            } else {
                format!("events: {}", h.events.join(" "))
            }
        )?;
        writeln!(out, "    {}", h.snippet)?;
    }
    if !args.json {
        writeln!(
            out,
            "{} report{}",
            hits.len(),
            if hits.len() == 1 { "" } else { "s" }
        )?;
    }
    out.flush()?;
    Ok(if hits.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
