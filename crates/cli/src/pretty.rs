//! `chronik extract --pretty`: a human view of one document's results, each
//! event with its sentence and the evidence highlighted.

use std::io::Write;

use anyhow::Result;
use chronik_extract::when::DateChoice;
use chronik_model::{DocResult, Document};

const BOLD: &str = "\x1b[1m";
const MARK: &str = "\x1b[1;33m";
const DIM: &str = "\x1b[2m";
const RESET: &str = "\x1b[0m";

pub fn write_doc(
    out: &mut impl Write,
    doc: &Document,
    r: &DocResult,
    notes: &[DateChoice],
    color: bool,
) -> Result<()> {
    let (b, m, d, z) = if color {
        (BOLD, MARK, DIM, RESET)
    } else {
        ("", "", "", "")
    };
    let date = doc.date.map_or("no date".to_string(), |x| x.to_string());
    writeln!(
        out,
        "{b}== {}{z} [{}] {date}  {} event(s), {} figure(s){}",
        r.id,
        r.lang.as_deref().unwrap_or("?"),
        r.events.len(),
        r.figures.len(),
        if r.relevant { "" } else { " — not relevant" }
    )?;
    let chars: Vec<char> = doc.text.chars().collect();
    for (i, e) in r.events.iter().enumerate() {
        let loc = e
            .location
            .as_ref()
            .map_or("—".to_string(), |l| match (&l.name, &l.country) {
                (Some(n), Some(c)) => format!("{n}, {c}"),
                (None, Some(c)) => c.clone(),
                (Some(n), None) => n.clone(),
                (None, None) => "—".to_string(),
            });
        writeln!(
            out,
            "  {b}{}{z} {}/{}  date {}  place {loc}  actors {} → {}{}{}",
            e.kind,
            e.event_type(),
            e.sub_type,
            e.date.map_or("—".to_string(), |x| x.to_string()),
            e.actor1.map_or("—", |a| a.as_str()),
            e.actor2.map_or("—", |a| a.as_str()),
            if e.hedged { "  hedged" } else { "" },
            e.source
                .as_ref()
                .map_or(String::new(), |s| format!("  source {s:?}")),
        )?;
        let (s, t) = context(&chars, e.span.start, e.span.end);
        let before: String = chars[s..e.span.start.min(chars.len())].iter().collect();
        let ev: String = chars[e.span.start.min(chars.len())..e.span.end.min(chars.len())]
            .iter()
            .collect();
        let after: String = chars[e.span.end.min(chars.len())..t].iter().collect();
        writeln!(
            out,
            "    {d}{}{z}{m}{}{z}{d}{}{z}",
            one_line(&before),
            one_line(&ev),
            one_line(&after)
        )?;
        if let Some(n) = notes.get(i) {
            match &n.expression {
                Some(x) => writeln!(out, "    {d}when: \"{}\" → {}{z}", one_line(x), n.reasoning)?,
                None => writeln!(out, "    {d}when: {}{z}", n.reasoning)?,
            }
        }
    }
    for f in &r.figures {
        let bounds = match (f.low, f.high) {
            (Some(l), Some(h)) if l == h => format!("{l}"),
            (Some(l), Some(h)) => format!("{l}–{h}"),
            (Some(l), None) => format!("≥{l}"),
            (None, Some(h)) => format!("≤{h}"),
            (None, None) => "?".into(),
        };
        writeln!(
            out,
            "  {b}figure{z} {} {bounds} ({}){}{}  {m}{}{z}",
            f.what,
            f.qualifier,
            if f.hedged { " hedged" } else { "" },
            f.source
                .as_ref()
                .map_or(String::new(), |s| format!(" source {s:?}")),
            one_line(&f.evidence)
        )?;
    }
    writeln!(out)?;
    Ok(())
}

/// Up to 60 chars of context on each side, within the line.
fn context(chars: &[char], start: usize, end: usize) -> (usize, usize) {
    let mut s = start.min(chars.len());
    while s > 0 && start - s < 60 && chars[s - 1] != '\n' {
        s -= 1;
    }
    let mut t = end.min(chars.len());
    while t < chars.len() && t - end < 60 && chars[t] != '\n' {
        t += 1;
    }
    (s, t)
}

fn one_line(s: &str) -> String {
    s.replace(['\n', '\r'], " ")
}
