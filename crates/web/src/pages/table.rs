//! `GET /events`: the events table with the filters of `chronik events`,
//! sortable by any column (links, no script needed), a page at a time;
//! and the downloads of exactly the filtered set in the formats of
//! `chronik events --format` (CSV, ACLED, GeoJSON, JSON Lines).

use std::cmp::Ordering;
use std::fmt::Write;

use axum::extract::{Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use chronik_store::{EventRow, Format};

use super::{AppState, countries_of, error_page, filter_form, html, notices, status_of};
use crate::charts::plural;
use crate::html::{Layout, Nav, esc, event_href};
use crate::params::FilterExt;
use crate::params::{FilterKey, RawQuery, SortKey, View};

/// Rows per page of the table.
pub const PAGE_ROWS: usize = 200;

fn compare(key: SortKey, a: &EventRow, b: &EventRow) -> Ordering {
    let loc = |e: &EventRow| {
        e.location
            .as_ref()
            .and_then(|l| l.name.clone())
            .unwrap_or_default()
            .to_lowercase()
    };
    let cc = |e: &EventRow| {
        e.location
            .as_ref()
            .and_then(|l| l.country.clone())
            .unwrap_or_default()
    };
    match key {
        // The store's order is by date already.
        SortKey::Date => Ordering::Equal,
        SortKey::Place => loc(a).cmp(&loc(b)),
        SortKey::Country => cc(a).cmp(&cc(b)),
        SortKey::Kind => a.kind.as_str().cmp(b.kind.as_str()),
        SortKey::Type => (a.event_type.as_str(), a.sub_type.as_str())
            .cmp(&(b.event_type.as_str(), b.sub_type.as_str())),
        SortKey::Reports => a.n_reports.cmp(&b.n_reports),
        SortKey::Sources => a.n_sources.cmp(&b.n_sources),
        SortKey::Killed => a.fatalities().cmp(&b.fatalities()),
        SortKey::Id => a.event_id.cmp(&b.event_id),
    }
}

/// The events in the order of the view (stable: ties keep date order).
pub fn sorted<'a>(events: &'a [EventRow], view: &View) -> Vec<&'a EventRow> {
    let mut rows: Vec<&EventRow> = events.iter().collect();
    if view.sort != SortKey::Date {
        rows.sort_by(|a, b| compare(view.sort, a, b));
    }
    if view.desc {
        rows.reverse();
    }
    rows
}

/// `GET /events`.
pub async fn page(State(chronicle): AppState, Query(raw): Query<RawQuery>) -> Response {
    let view = View::parse(&raw);
    let events = match chronicle.events(&view.filter).await {
        Ok(e) => e,
        Err(e) => return error_page(e),
    };
    let everything = match chronicle.events(&FilterKey::default()).await {
        Ok(e) => e,
        Err(e) => return error_page(e),
    };
    let rows = sorted(&events, &view);
    let mut body = String::with_capacity(128 * 1024);
    body.push_str("<h1>Events</h1>");
    notices(&mut body, &view);
    let mut hidden = Vec::new();
    if view.sort != SortKey::Date || view.desc {
        hidden.push(("sort", view.sort.name().to_string()));
        hidden.push(("dir", if view.desc { "desc" } else { "asc" }.to_string()));
    }
    filter_form(
        &mut body,
        "/events",
        &view,
        &countries_of(&everything),
        &hidden,
    );
    table(&mut body, &rows, &view);
    let query = view.filter.query();
    let layout = Layout {
        title: "Events",
        nav: Nav::Events,
        filter_query: &query,
        search: "",
    };
    html(status_of(&view), layout.render(&body))
}

fn table(out: &mut String, rows: &[&EventRow], view: &View) {
    let fq = view.filter.query();
    let amp = if fq.is_empty() { "" } else { "&" };
    let dl = |path: &str| {
        format!(
            "{path}{}{}",
            if view.table_query().is_empty() {
                ""
            } else {
                "?"
            },
            view.table_query()
        )
    };
    let _ = write!(
        out,
        r#"<p class="count"><strong>{n}</strong> event{s}. Download exactly these: <a class="download" href="{csv}" download>CSV</a> · <a class="download" href="{acled}" download>ACLED CSV</a> · <a class="download" href="{geo}" download>GeoJSON</a> · <a class="download" href="{jsonl}" download>JSON Lines</a></p>"#,
        n = rows.len(),
        s = plural(rows.len()),
        csv = esc(&dl("/events.csv")),
        acled = esc(&dl("/events.acled.csv")),
        geo = esc(&dl("/events.geojson")),
        jsonl = esc(&dl("/events.jsonl")),
    );
    if rows.is_empty() {
        out.push_str(r#"<p class="empty">No events match this filter.</p>"#);
        return;
    }
    out.push_str(r#"<table class="data events" id="events-table"><thead><tr>"#);
    for (key, name, heading) in SortKey::ALL {
        // The current column toggles its direction; others start ascending
        // (numbers descending: most reports first).
        let numeric = matches!(key, SortKey::Reports | SortKey::Sources | SortKey::Killed);
        let desc = if key == view.sort {
            !view.desc
        } else {
            numeric
        };
        let href = format!(
            "/events?{fq}{amp}sort={name}&dir={}",
            if desc { "desc" } else { "asc" }
        );
        let aria = if key == view.sort {
            if view.desc {
                r#" aria-sort="descending""#
            } else {
                r#" aria-sort="ascending""#
            }
        } else {
            ""
        };
        let class = if numeric { r#" class="num""# } else { "" };
        let _ = write!(
            out,
            r#"<th{class}{aria}><a href="{}">{heading}</a></th>"#,
            esc(&href)
        );
    }
    out.push_str("<th>Actors</th></tr></thead><tbody>");
    let start = (view.page * PAGE_ROWS).min(rows.len());
    let end = (start + PAGE_ROWS).min(rows.len());
    for e in &rows[start..end] {
        let loc = e.location.as_ref();
        let _ = write!(
            out,
            r#"<tr><td>{date}</td><td>{place}</td><td>{cc}</td><td>{kind}</td><td>{ty} / {sub}</td><td class="num">{reports}</td><td class="num">{sources}</td><td class="num">{killed}</td><td><a href="{href}">{id}</a></td><td>{actors}</td></tr>"#,
            date = e.date.map(|d| d.to_string()).unwrap_or_default(),
            place = esc(loc.and_then(|l| l.name.as_deref()).unwrap_or("")),
            cc = esc(loc.and_then(|l| l.country.as_deref()).unwrap_or("")),
            kind = e.kind,
            ty = e.event_type,
            sub = e.sub_type,
            reports = e.n_reports,
            sources = e.n_sources,
            killed = e.fatalities(),
            href = event_href(&e.event_id),
            id = esc(&e.event_id),
            actors = esc(&e.actors().unwrap_or_default()),
        );
    }
    out.push_str("</tbody></table>");
    if rows.len() > PAGE_ROWS {
        let pages = rows.len().div_ceil(PAGE_ROWS);
        let tq = view.table_query();
        out.push_str(r#"<nav class="pager" aria-label="Pages">"#);
        for p in 1..=pages {
            if p == view.page + 1 {
                let _ = write!(out, r#"<span aria-current="page">{p}</span> "#);
            } else {
                let sep = if tq.is_empty() { "" } else { "&" };
                let _ = write!(
                    out,
                    r#"<a href="/events?{}">{p}</a> "#,
                    esc(&format!("{tq}{sep}page={p}"))
                );
            }
        }
        let _ = write!(
            out,
            r#"<span class="muted">rows {}–{} of {}</span></nav>"#,
            start + 1,
            end,
            rows.len()
        );
    }
}

async fn download(
    chronicle: AppState,
    raw: RawQuery,
    format: Format,
    mime: &'static str,
    file: &'static str,
) -> Response {
    let State(chronicle) = chronicle;
    let view = View::parse(&raw);
    if !view.errors.is_empty() {
        return (StatusCode::BAD_REQUEST, view.errors.join("\n")).into_response();
    }
    let events = match chronicle.events(&view.filter).await {
        Ok(e) => e,
        Err(e) => return error_page(e),
    };
    let rows: Vec<EventRow> = sorted(&events, &view).into_iter().cloned().collect();
    let mut buf = Vec::with_capacity(rows.len() * 512);
    if let Err(e) = chronik_store::export::write(format, &rows, &mut buf) {
        return error_page(e.into());
    }
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(mime)),
            (header::CONTENT_DISPOSITION, HeaderValue::from_static(file)),
        ],
        buf,
    )
        .into_response()
}

/// `GET /events.csv`.
pub async fn csv(state: AppState, Query(raw): Query<RawQuery>) -> Response {
    download(
        state,
        raw,
        Format::Csv,
        "text/csv; charset=utf-8",
        r#"attachment; filename="chronik-events.csv""#,
    )
    .await
}

/// `GET /events.acled.csv`.
pub async fn acled(state: AppState, Query(raw): Query<RawQuery>) -> Response {
    download(
        state,
        raw,
        Format::Acled,
        "text/csv; charset=utf-8",
        r#"attachment; filename="chronik-events-acled.csv""#,
    )
    .await
}

/// `GET /events.geojson`.
pub async fn geojson(state: AppState, Query(raw): Query<RawQuery>) -> Response {
    download(
        state,
        raw,
        Format::Geojson,
        "application/geo+json",
        r#"attachment; filename="chronik-events.geojson""#,
    )
    .await
}

/// `GET /events.jsonl`.
pub async fn jsonl(state: AppState, Query(raw): Query<RawQuery>) -> Response {
    download(
        state,
        raw,
        Format::Jsonl,
        "application/jsonl; charset=utf-8",
        r#"attachment; filename="chronik-events.jsonl""#,
    )
    .await
}
