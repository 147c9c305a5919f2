//! `chronik claims`: how each figure developed over time and who claimed
//! what, per episode, with the consolidated numbers.

use std::io::{BufWriter, Write};
use std::process::ExitCode;

use anyhow::Result;
use chronik_merge::Reconciled;

use super::{ClaimsArgs, clip};

pub fn run(args: ClaimsArgs) -> Result<ExitCode> {
    let store = args.db.open_existing()?;
    let episodes = store.claims(args.what, args.country.as_deref())?;
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    if args.json {
        serde_json::to_writer_pretty(&mut out, &episodes)?;
        writeln!(out)?;
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    for ep in &episodes {
        let span = match (ep.from, ep.to) {
            (Some(a), Some(b)) if a == b => a.to_string(),
            (Some(a), Some(b)) => format!("{a} – {b}"),
            _ => "undated".into(),
        };
        writeln!(
            out,
            "episode {} · {} · {} · {} events",
            ep.id,
            if ep.country.is_empty() {
                "country unknown"
            } else {
                &ep.country
            },
            span,
            ep.n_events
        )?;
        for w in &ep.whats {
            writeln!(
                out,
                "  {} — {} claim{}",
                w.what,
                w.claims.len(),
                if w.claims.len() == 1 { "" } else { "s" }
            )?;
            if w.episode.claims > 0 {
                writeln!(out, "    whole episode: {}", summary(&w.episode))?;
            }
            for (event, r) in &w.per_event {
                writeln!(out, "    event {event}: {}", summary(r))?;
            }
            for c in &w.claims {
                writeln!(
                    out,
                    "    {:<10} {:<18} {:<24} {:<22} {} “{}”",
                    c.report_date
                        .map(|d| d.to_string())
                        .unwrap_or_else(|| "undated".into()),
                    c.amount(),
                    clip(
                        &format!(
                            "{}{}",
                            if c.hedged { "hedged, " } else { "" },
                            c.source.as_deref().unwrap_or("own voice")
                        ),
                        24
                    ),
                    clip(
                        &format!("{} {}", c.outlet.as_deref().unwrap_or("-"), c.id),
                        22
                    ),
                    if c.episode_wide {
                        "episode".to_string()
                    } else {
                        c.event_id.clone().unwrap_or_default()
                    },
                    clip(&c.evidence, 70)
                )?;
            }
        }
        writeln!(out)?;
    }
    if episodes.is_empty() {
        writeln!(out, "(no claims)")?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn summary(r: &Reconciled) -> String {
    let n = |v: Option<u64>| v.map(|v| v.to_string()).unwrap_or_else(|| "-".into());
    format!(
        "lowest credible (ACLED) {}, latest reports {}, range {}–{}{}{}",
        n(r.acled),
        n(r.latest),
        n(r.low),
        n(r.high),
        if r.conflicting { ", conflicting" } else { "" },
        if r.hedged_only { ", hedged only" } else { "" }
    )
}
