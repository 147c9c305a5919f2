//! `chronik show EVENT_ID`: one event with every report and figure behind
//! it, the evidence highlighted in its sentence.

use std::io::{BufWriter, Write};
use std::process::ExitCode;

use anyhow::{Result, bail};
use chronik_model::{CharSpan, FigureWhat};
use chronik_store::{EventRow, Store};

use super::timeline::{day_heading, place, what};
use super::{ShowArgs, clip};

pub fn run(args: ShowArgs) -> Result<ExitCode> {
    let store = args.db.open_existing()?;
    let Some(e) = store.event(&args.event_id)? else {
        bail!("no event {:?} in {}", args.event_id, args.db.db.display());
    };
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    if args.json {
        serde_json::to_writer_pretty(&mut out, &e)?;
        writeln!(out)?;
    } else {
        write_event(&store, &e, &mut out)?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn write_event(store: &Store, e: &EventRow, out: &mut dyn Write) -> Result<()> {
    writeln!(out, "{}", e.event_id)?;
    writeln!(out, "  when     {}", day_heading(e.date))?;
    writeln!(out, "  where    {}", place(e))?;
    writeln!(out, "  what     {} (family {})", what(e), e.family)?;
    if let Some(a) = e.actors() {
        writeln!(out, "  who      {a}")?;
    }
    let f = e.figure_labels();
    if !f.is_empty() {
        writeln!(out, "  figures  {}", f.join("; "))?;
    }
    writeln!(
        out,
        "  reports  {} mention{} in {} report{} from {} source{}{}",
        e.n_reports,
        if e.n_reports == 1 { "" } else { "s" },
        e.n_documents,
        if e.n_documents == 1 { "" } else { "s" },
        e.n_sources,
        if e.n_sources == 1 { "" } else { "s" },
        if e.hedged { " (all hedged)" } else { "" }
    )?;
    writeln!(out)?;
    for (i, r) in e.reports.iter().enumerate() {
        writeln!(
            out,
            "[{}] {} · {} · {} · {}{}{}",
            i + 1,
            r.id,
            r.outlet.as_deref().unwrap_or("-"),
            r.report_date
                .map(|d| d.to_string())
                .unwrap_or_else(|| "undated".into()),
            r.kind,
            if r.hedged { " · hedged" } else { "" },
            r.source
                .as_deref()
                .map(|s| format!(" · according to {s}"))
                .unwrap_or_default(),
        )?;
        if let Some(url) = &r.url {
            writeln!(out, "    {url}")?;
        }
        let text = store.document_text(&r.id)?.unwrap_or_default();
        writeln!(out, "    {}", in_context(&text, r.span))?;
    }
    if !e.claims.is_empty() {
        writeln!(out, "\nclaims")?;
        for c in &e.claims {
            writeln!(
                out,
                "  {:<13} {:<18} {}{} · {} · {} · “{}”",
                c.what.as_str(),
                c.amount(),
                if c.hedged { "hedged · " } else { "" },
                c.source.as_deref().unwrap_or("outlet's own voice"),
                c.outlet.as_deref().unwrap_or(&c.id),
                c.report_date
                    .map(|d| d.to_string())
                    .unwrap_or_else(|| "undated".into()),
                clip(&c.evidence, 80)
            )?;
        }
        for w in [
            FigureWhat::Killed,
            FigureWhat::Injured,
            FigureWhat::Arrested,
            FigureWhat::Participants,
        ] {
            let r = e.reconciled(w);
            if r.claims > 0 {
                writeln!(
                    out,
                    "  → {w}: lowest credible {}, latest reports {}, range {}–{}{}",
                    r.acled.map(|v| v.to_string()).unwrap_or_else(|| "-".into()),
                    r.latest
                        .map(|v| v.to_string())
                        .unwrap_or_else(|| "-".into()),
                    r.low.map(|v| v.to_string()).unwrap_or_else(|| "?".into()),
                    r.high.map(|v| v.to_string()).unwrap_or_else(|| "?".into()),
                    if r.hedged_only {
                        " (hedged claims only)"
                    } else {
                        ""
                    }
                )?;
            }
        }
    }
    Ok(())
}

/// The sentence around `span` (up to 120 chars each side, cut at line
/// breaks), the evidence in «».
pub fn in_context(text: &str, span: CharSpan) -> String {
    let chars: Vec<char> = text.chars().collect();
    let end = span.end.min(chars.len());
    let start = span.start.min(end);
    let mut lo = start.saturating_sub(120);
    if let Some(p) = chars[lo..start].iter().rposition(|c| *c == '\n') {
        lo += p + 1;
    }
    let mut hi = (end + 120).min(chars.len());
    if let Some(p) = chars[end..hi].iter().position(|c| *c == '\n') {
        hi = end + p;
    }
    let s = |a: usize, b: usize| chars[a..b].iter().collect::<String>();
    let marked = format!("{}«{}»{}", s(lo, start), s(start, end), s(end, hi));
    format!(
        "{}{}{}",
        if lo > 0 { "…" } else { "" },
        marked.split_whitespace().collect::<Vec<_>>().join(" "),
        if hi < chars.len() { "…" } else { "" }
    )
}
