//! `GET /event/{id}`: one event in full. Its facts and ACLED row; every
//! figure claimed for it side by side (number, who claims it, outlet,
//! report date, the words), reconciled to the ACLED number; and every
//! report with its whole text, the event's evidence and figures marked and
//! the report's other mentions linking to their events.

use std::fmt::Write;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use chronik_model::{CharSpan, FigureWhat};
use chronik_store::EventRow;
use chronik_store::export::{ACLED_COLUMNS, acled_row};

use super::{AppState, error_page, html, missing, place};
use crate::charts::plural;
use crate::data::{DocText, EventPage};
use crate::html::{Layout, Nav, date_text, esc, event_href, external_link, report_href};

/// What a marked stretch of article text is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mark {
    /// Evidence of the event shown.
    Evidence,
    /// A figure counted for the event shown.
    Figure,
    /// A mention of another event (its id).
    Other(String),
}

/// The whole `text` as HTML, escaped, with `marks` (char spans) as
/// `<mark>` and links. Overlapping marks split the text where any of them
/// starts or ends; spans outside the text are clipped.
pub fn marked_text(text: &str, marks: &[(CharSpan, Mark)]) -> String {
    let bytes: Vec<usize> = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()))
        .collect();
    let n = bytes.len() - 1;
    let mut cuts: Vec<usize> = vec![0, n];
    for (s, _) in marks {
        cuts.push(s.start.min(n));
        cuts.push(s.end.min(n));
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = String::with_capacity(text.len() + marks.len() * 64);
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        let piece = esc(&text[bytes[a]..bytes[b]]);
        let covering = |m: &Mark| {
            marks
                .iter()
                .any(|(s, k)| k == m && s.start <= a && b <= s.end)
        };
        let evidence = covering(&Mark::Evidence);
        let figure = covering(&Mark::Figure);
        let other = marks.iter().find_map(|(s, k)| match k {
            Mark::Other(id) if s.start <= a && b <= s.end => Some(id),
            _ => None,
        });
        let class = match (evidence, figure) {
            (true, true) => Some("ev fig"),
            (true, false) => Some("ev"),
            (false, true) => Some("fig"),
            (false, false) => None,
        };
        match (other.filter(|_| !evidence), class) {
            (Some(id), class) => {
                let _ = write!(
                    out,
                    r#"<a class="other" href="{}" title="another event">"#,
                    event_href(id)
                );
                match class {
                    Some(c) => {
                        let _ = write!(out, r#"<mark class="{c}">{piece}</mark>"#);
                    }
                    None => {
                        let _ = write!(out, "{piece}");
                    }
                }
                out.push_str("</a>");
            }
            (None, Some(c)) => {
                let _ = write!(out, r#"<mark class="{c}">{piece}</mark>"#);
            }
            (None, None) => {
                let _ = write!(out, "{piece}");
            }
        }
    }
    out
}

/// `GET /event/{id}`.
pub async fn page(State(chronicle): AppState, Path(id): Path<String>) -> Response {
    let found = match chronicle.event_page(&id).await {
        Ok(found) => found,
        Err(err) => return error_page(err),
    };
    let Some(EventPage { event: e, docs }) = found.as_ref() else {
        return missing("No event with this id.");
    };
    let title = format!("{} in {}", e.kind, place(e));
    let layout = Layout {
        title: &title,
        nav: Nav::Other,
        filter_query: "",
        search: "",
    };
    html(StatusCode::OK, layout.render(&render(e, docs)))
}

fn render(e: &EventRow, docs: &[DocText]) -> String {
    let mut out = String::with_capacity(64 * 1024);
    let _ = write!(
        out,
        r#"<h1>{kind} in {place} <span class="muted">{date}</span></h1><dl class="facts">"#,
        kind = e.kind,
        place = esc(&place(e)),
        date = esc(&date_text(e.date)),
    );
    let mut fact = |k: &str, v: &str| {
        let _ = write!(out, "<dt>{}</dt><dd>{}</dd>", esc(k), esc(v));
    };
    fact("when", &date_text(e.date));
    fact("where", &place(e));
    if let Some(a) = e.location.as_ref().and_then(|l| l.admin1.as_deref()) {
        fact("region", a);
    }
    fact(
        "what",
        &format!(
            "{} ({} / {}), family {}",
            e.kind, e.event_type, e.sub_type, e.family
        ),
    );
    if let Some(a) = e.actors() {
        fact("who", &a);
    }
    fact(
        "reports",
        &format!(
            "{} mention{} in {} report{} from {} source{}{}",
            e.n_reports,
            plural(e.n_reports),
            e.n_documents,
            plural(e.n_documents),
            e.n_sources,
            plural(e.n_sources),
            if e.hedged {
                " — every report hedges it"
            } else {
                ""
            }
        ),
    );
    fact("event id", &e.event_id);
    let acled = acled_row(e);
    fact("ACLED event_id_cnty", &acled[0]);
    out.push_str("</dl>");

    figures_section(&mut out, e, docs);
    acled_section(&mut out, &acled);
    reports_section(&mut out, e, docs);
    out
}

fn doc_anchor(docs: &[DocText], id: &str) -> String {
    let i = docs.iter().position(|d| d.id == id).unwrap_or(0);
    format!("#report-{}", i + 1)
}

fn figures_section(out: &mut String, e: &EventRow, docs: &[DocText]) {
    let _ = write!(
        out,
        r#"<section id="figures"><h2>Figures <span class="muted">(ACLED fatalities: <strong class="acled-number">{}</strong>)</span></h2>"#,
        e.fatalities()
    );
    if e.claims.is_empty() {
        out.push_str(r#"<p class="empty">No report gives a number for this event.</p></section>"#);
        return;
    }
    for what in FigureWhat::ALL {
        let claims: Vec<_> = e.claims.iter().filter(|c| c.what == *what).collect();
        if claims.is_empty() {
            continue;
        }
        let r = e.reconciled(*what);
        let n = |v: Option<u64>| v.map(|v| v.to_string()).unwrap_or_else(|| "–".into());
        let _ = write!(
            out,
            r#"<div class="what"><h3>{what}{conflict}</h3><p class="reconciled">lowest credible (ACLED): <strong>{acled}</strong> · latest reports: {latest} · claimed range {low}–{high}{hedged}</p>"#,
            conflict = if r.conflicting {
                r#" <span class="conflict">conflicting</span>"#
            } else {
                ""
            },
            acled = n(r.acled),
            latest = n(r.latest),
            low = n(r.low),
            high = n(r.high),
            hedged = if r.hedged_only {
                " · only hedged claims"
            } else {
                ""
            },
        );
        out.push_str(r#"<div class="claims-side">"#);
        for c in claims {
            let _ = write!(
                out,
                r#"<div class="claim{hedged}"><div class="amount">{amount}</div><div class="by">{by}</div><div class="meta">{date} · <a href="{anchor}">{outlet}</a>{h}</div><blockquote>{evidence}</blockquote></div>"#,
                hedged = if c.hedged { " hedged" } else { "" },
                amount = esc(&c.amount()),
                by = esc(c.source.as_deref().unwrap_or("the outlet itself")),
                date = esc(&date_text(c.report_date)),
                anchor = esc(&doc_anchor(docs, &c.id)),
                outlet = esc(c.outlet.as_deref().unwrap_or(&c.id)),
                h = if c.hedged { " · hedged" } else { "" },
                evidence = esc(&c.evidence),
            );
        }
        out.push_str("</div></div>");
    }
    out.push_str("</section>");
}

fn acled_section(out: &mut String, row: &[String; 31]) {
    out.push_str(r#"<section id="acled"><h2>ACLED row</h2><details><summary>All 31 columns as exported</summary><table class="data kv"><tbody>"#);
    for (k, v) in ACLED_COLUMNS.iter().zip(row) {
        let _ = write!(out, "<tr><th>{k}</th><td>{}</td></tr>", esc(v));
    }
    out.push_str("</tbody></table></details></section>");
}

fn reports_section(out: &mut String, e: &EventRow, docs: &[DocText]) {
    let _ = write!(
        out,
        r#"<section id="reports"><h2>Reports <span class="muted">({} document{}; <mark class="ev">evidence</mark> <mark class="fig">figure</mark> <span class="other">other event</span>)</span></h2>"#,
        docs.len(),
        plural(docs.len())
    );
    for (i, d) in docs.iter().enumerate() {
        let mine: Vec<_> = e.reports.iter().filter(|r| r.id == d.id).collect();
        let Some(first) = mine.first() else { continue };
        let _ = write!(
            out,
            r#"<article class="report" id="report-{n}"><header><a class="doc" href="{href}">{id}</a> · "#,
            n = i + 1,
            href = report_href(&d.id),
            id = esc(&d.id),
        );
        match &first.url {
            Some(url) => external_link(out, url, first.outlet.as_deref().unwrap_or(url)),
            None => out.push_str("no URL"),
        }
        let _ = write!(
            out,
            " · {} · {}",
            esc(&date_text(first.report_date)),
            esc(first.lang.as_deref().unwrap_or("?"))
        );
        for r in &mine {
            let _ = write!(out, r#" · <span class="kind">{}</span>"#, r.kind);
            if r.hedged {
                out.push_str(r#" <span class="hedged">hedged</span>"#);
            }
            if let Some(src) = &r.source {
                let _ = write!(out, " according to {}", esc(src));
            }
        }
        out.push_str("</header>");
        let mut marks: Vec<(CharSpan, Mark)> = Vec::new();
        for r in &mine {
            marks.push((r.span, Mark::Evidence));
        }
        for c in e.claims.iter().filter(|c| c.id == d.id) {
            marks.push((c.span, Mark::Figure));
        }
        for (span, _, ev) in &d.mentions {
            if let Some(ev) = ev
                && *ev != e.event_id
            {
                marks.push((*span, Mark::Other(ev.clone())));
            }
        }
        let _ = write!(
            out,
            r#"<div class="text">{}</div></article>"#,
            marked_text(&d.text, &marks)
        );
    }
    out.push_str("</section>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_marks_escape_and_nest() {
        let text = "Ab <b>12 dead</b> in Алматы.";
        let marks = vec![
            (CharSpan::new(3, 17), Mark::Evidence),
            (CharSpan::new(6, 13), Mark::Figure),
            (CharSpan::new(21, 27), Mark::Other("ev-1".into())),
        ];
        let got = marked_text(text, &marks);
        assert_eq!(
            got,
            "Ab <mark class=\"ev\">&lt;b&gt;</mark><mark class=\"ev fig\">12 dead</mark>\
             <mark class=\"ev\">&lt;/b&gt;</mark> in \
             <a class=\"other\" href=\"/event/ev-1\" title=\"another event\">Алматы</a>."
        );
    }

    #[test]
    fn event_marks_out_of_range_are_clipped() {
        let got = marked_text("short", &[(CharSpan::new(2, 99), Mark::Evidence)]);
        assert_eq!(got, "sh<mark class=\"ev\">ort</mark>");
        assert_eq!(marked_text("", &[(CharSpan::new(0, 3), Mark::Figure)]), "");
    }
}
