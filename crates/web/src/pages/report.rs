//! `GET /report/{id}`: one stored report, its whole text with every
//! mention marked and linked to the event it was merged into.

use std::fmt::Write;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use chronik_model::{CharSpan, Kind};
use chronik_store::{Report, StoreError};

use super::event::{Mark, marked_text};
use super::{AppState, error_page, html, missing};
use crate::html::{Layout, Nav, date_text, esc, event_href, external_link};

struct Found {
    text: String,
    mentions: Vec<(CharSpan, Kind, Option<String>)>,
    /// The report as one of its events lists it (URL, outlet, date).
    meta: Option<Report>,
}

/// `GET /report/{id}`.
pub async fn page(State(chronicle): AppState, Path(id): Path<String>) -> Response {
    let doc_id = id.clone();
    let found = chronicle
        .with_store(move |s| -> Result<Option<Found>, StoreError> {
            let Some(text) = s.document_text(&doc_id)? else {
                return Ok(None);
            };
            let mentions = s.document_mentions(&doc_id)?;
            let mut meta = None;
            if let Some(ev) = mentions.iter().find_map(|(_, _, e)| e.clone())
                && let Some(e) = s.event(&ev)?
            {
                meta = e.reports.into_iter().find(|r| r.id == doc_id);
            }
            Ok(Some(Found {
                text,
                mentions,
                meta,
            }))
        })
        .await;
    let found = match found {
        Ok(Some(f)) => f,
        Ok(None) => return missing("No report with this id."),
        Err(e) => return error_page(e),
    };
    let mut out = String::with_capacity(found.text.len() * 2 + 4096);
    let _ = write!(
        out,
        r#"<h1>Report <span class="doc">{}</span></h1><p class="meta">"#,
        esc(&id)
    );
    match &found.meta {
        Some(m) => {
            match &m.url {
                Some(url) => external_link(&mut out, url, m.outlet.as_deref().unwrap_or(url)),
                None => out.push_str("no URL"),
            }
            let _ = write!(
                out,
                " · {} · {}",
                esc(&date_text(m.report_date)),
                esc(m.lang.as_deref().unwrap_or("?"))
            );
        }
        None => out.push_str("not part of any event"),
    }
    out.push_str("</p>");
    if !found.mentions.is_empty() {
        out.push_str(r#"<h2>Mentions</h2><ol class="mentions">"#);
        for (span, kind, ev) in &found.mentions {
            let words: String = found
                .text
                .chars()
                .skip(span.start)
                .take(span.end.saturating_sub(span.start).min(160))
                .collect();
            match ev {
                Some(ev) => {
                    let _ = write!(
                        out,
                        r#"<li><a href="{}">{kind}</a> “{}”</li>"#,
                        event_href(ev),
                        esc(&words)
                    );
                }
                None => {
                    let _ = write!(out, "<li>{kind} “{}”</li>", esc(&words));
                }
            }
        }
        out.push_str("</ol>");
    }
    let marks: Vec<(CharSpan, Mark)> = found
        .mentions
        .iter()
        .map(|(span, _, ev)| match ev {
            Some(ev) => (*span, Mark::Other(ev.clone())),
            None => (*span, Mark::Evidence),
        })
        .collect();
    let _ = write!(
        out,
        r#"<h2>Text</h2><article class="report"><div class="text">{}</div></article>"#,
        marked_text(&found.text, &marks)
    );
    let layout = Layout {
        title: &format!("Report {id}"),
        nav: Nav::Other,
        filter_query: "",
        search: "",
    };
    html(StatusCode::OK, layout.render(&out))
}
