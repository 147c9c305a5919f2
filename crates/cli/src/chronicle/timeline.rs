//! `chronik timeline`: a day-by-day chronicle, each event with its
//! sources, for the terminal or as Markdown.

use std::io::{BufWriter, Write};
use std::process::ExitCode;

use anyhow::Result;
use chronik_model::PartialDate;
use chronik_store::{EventRow, Store};

use super::{TimelineArgs, clip};

pub fn run(args: TimelineArgs) -> Result<ExitCode> {
    let store = args.db.open_existing()?;
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    write_timeline(&store, &args.filter.filter(), args.markdown, &mut out)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Writes the timeline of the events matching `filter`.
pub fn write_timeline(
    store: &Store,
    filter: &chronik_store::Filter,
    markdown: bool,
    out: &mut dyn Write,
) -> Result<()> {
    let events = store.events(filter)?;
    if markdown {
        writeln!(out, "# Chronicle\n")?;
        writeln!(
            out,
            "{} events from {} reports. Each line: place — what happened (ACLED type), \
             who, figures, then the reports it rests on.\n",
            events.len(),
            events.iter().map(|e| e.n_reports).sum::<usize>()
        )?;
    }
    let mut heading: Option<String> = None;
    for e in &events {
        let h = day_heading(e.date);
        if heading.as_deref() != Some(h.as_str()) {
            if markdown {
                writeln!(out, "\n## {h}\n")?;
            } else {
                writeln!(out, "{h}")?;
            }
            heading = Some(h);
        }
        if markdown {
            writeln!(out, "{}", markdown_line(e))?;
        } else {
            writeln!(out, "  {}", terminal_line(e))?;
        }
    }
    if events.is_empty() && !markdown {
        writeln!(out, "(no events)")?;
    }
    Ok(())
}

/// "2022-01-05", "2022-01 (day unknown)", "date unknown".
pub fn day_heading(date: Option<PartialDate>) -> String {
    match date {
        Some(d @ PartialDate::Day(..)) => d.to_string(),
        Some(d @ PartialDate::Month(..)) => format!("{d} (day unknown)"),
        Some(d) => format!("{d} (month unknown)"),
        None => "date unknown".to_string(),
    }
}

/// "Almaty, KZ" or "KZ" or "place unknown".
pub fn place(e: &EventRow) -> String {
    match &e.location {
        Some(l) => match (&l.name, &l.country) {
            (Some(n), Some(c)) => format!("{n}, {c}"),
            (Some(n), None) => n.clone(),
            (None, Some(c)) => c.clone(),
            (None, None) => "place unknown".into(),
        },
        None => "place unknown".into(),
    }
}

/// "storming (riot / violent_demonstration)".
pub fn what(e: &EventRow) -> String {
    let mut kinds: Vec<String> = Vec::new();
    for r in &e.reports {
        let k = r.kind.to_string();
        if !kinds.contains(&k) {
            kinds.push(k);
        }
    }
    let also = kinds
        .iter()
        .filter(|k| **k != e.kind.as_str())
        .cloned()
        .collect::<Vec<_>>();
    format!(
        "{}{} ({} / {})",
        e.kind,
        if also.is_empty() {
            String::new()
        } else {
            format!(" + {}", also.join(", "))
        },
        e.event_type,
        e.sub_type
    )
}

/// Report sources: "outlet:doc" for each report, at most five, then "+N".
fn sources(e: &EventRow, max: usize) -> String {
    let mut seen: Vec<String> = Vec::new();
    for r in &e.reports {
        let s = match &r.outlet {
            Some(o) => format!("{o}:{}", r.id),
            None => r.id.clone(),
        };
        if !seen.contains(&s) {
            seen.push(s);
        }
    }
    let n = seen.len();
    let mut shown = seen.into_iter().take(max).collect::<Vec<_>>().join(", ");
    if n > max {
        shown.push_str(&format!(", +{} more", n - max));
    }
    shown
}

fn terminal_line(e: &EventRow) -> String {
    let mut parts = vec![place(e), what(e)];
    if let Some(a) = e.actors() {
        parts.push(a);
    }
    parts.extend(e.figure_labels());
    if e.hedged {
        parts.push("unconfirmed".into());
    }
    format!(
        "{} · {} report{} [{}] {}",
        parts.join(" · "),
        e.n_reports,
        if e.n_reports == 1 { "" } else { "s" },
        sources(e, 5),
        e.event_id
    )
}

fn markdown_line(e: &EventRow) -> String {
    let mut s = format!("- **{}** — {}", place(e), what(e));
    if let Some(a) = e.actors() {
        s.push_str(&format!("; {a}"));
    }
    let f = e.figure_labels();
    if !f.is_empty() {
        s.push_str(&format!("; {}", f.join(", ")));
    }
    if e.hedged {
        s.push_str("; unconfirmed");
    }
    if let Some(r) = e.reports.first() {
        s.push_str(&format!(
            ". “{}”",
            clip(&r.evidence, 160).replace(['[', ']'], "")
        ));
    }
    let mut links: Vec<String> = Vec::new();
    for r in &e.reports {
        let label = match &r.outlet {
            Some(o) => format!("{o} {}", r.id),
            None => r.id.clone(),
        };
        let link = match &r.url {
            Some(u) => format!("[{label}]({u})"),
            None => label,
        };
        if !links.contains(&link) {
            links.push(link);
        }
    }
    s.push_str(&format!(" Sources: {}. `{}`", links.join(", "), e.event_id));
    s
}
