//! `GET /`: the timeline. An overview chart over every date of the
//! filtered events (bars per day, month or year, stacked by kind), a
//! detail chart per day of the selected range, and the chronicle of the
//! selection day by day. Dragging over a chart (the brush, `app.js`) or
//! the From/To fields select the range; the range then filters every other
//! page through the navigation links.

use std::fmt::Write;

use axum::extract::{Query, State};
use axum::response::Response;
use chronik_merge::when::bounds;
use chronik_model::{Kind, PartialDate};
use chronik_store::EventRow;

use super::{
    AppState, countries_of, error_page, event_item, filter_form, html, notices, status_of,
};
use crate::charts::{self, Unit, bins, kind_colour, plural, swatch, timeline_svg};
use crate::html::{Layout, Nav, esc};
use crate::params::FilterExt;
use crate::params::{FilterKey, RawQuery, View};

/// Most events listed below the charts.
const LIST_MAX: usize = 400;

/// `GET /`.
pub async fn page(State(chronicle): AppState, Query(raw): Query<RawQuery>) -> Response {
    let view = View::parse(&raw);
    let overview = match chronicle.events(&view.filter.without_dates()).await {
        Ok(e) => e,
        Err(e) => return error_page(e),
    };
    let selection = match chronicle.events(&view.filter).await {
        Ok(e) => e,
        Err(e) => return error_page(e),
    };
    let everything = match chronicle.events(&FilterKey::default()).await {
        Ok(e) => e,
        Err(e) => return error_page(e),
    };
    let body = render(&view, &overview, &selection, &countries_of(&everything));
    let query = view.filter.query();
    let layout = Layout {
        title: "Timeline",
        nav: Nav::Timeline,
        filter_query: &query,
        search: "",
    };
    html(status_of(&view), layout.render(&body))
}

/// First and last day of any dated event.
fn extent(events: &[EventRow]) -> Option<(i64, i64)> {
    let days = events.iter().filter_map(|e| e.date).map(bounds);
    days.fold(None, |acc, (lo, hi)| match acc {
        None => Some((lo, hi)),
        Some((a, b)) => Some((a.min(lo), b.max(hi))),
    })
}

/// A chart of `events` over `lo..=hi`; returns the SVG and how many dated
/// events were too imprecise for its bars.
fn chart(
    events: &[EventRow],
    (lo, hi): (i64, i64),
    view: &View,
    label: &str,
) -> (String, Unit, usize) {
    let unit = Unit::for_range(lo, hi);
    let mut bars = bins(lo, hi, unit);
    let mut imprecise = 0;
    for e in events {
        if let Some(d) = e.date
            && !charts::place(&mut bars, d, e.kind)
        {
            imprecise += 1;
        }
    }
    let selected = match (view.filter.from, view.filter.to) {
        (None, None) => None,
        (from, to) => Some((
            from.map_or(i64::MIN, |d| bounds(d).0),
            to.map_or(i64::MAX, |d| bounds(d).1),
        )),
    };
    let href = |from: PartialDate, to: PartialDate| {
        let mut f = view.filter.clone();
        f.from = Some(from);
        f.to = Some(to);
        format!("/?{}", f.query())
    };
    (
        timeline_svg(&bars, unit, selected, &href, label),
        unit,
        imprecise,
    )
}

fn legend(out: &mut String, events: &[EventRow]) {
    let mut kinds: Vec<Kind> = events.iter().map(|e| e.kind).collect();
    kinds.sort();
    kinds.dedup();
    out.push_str(r#"<ul class="legend">"#);
    for k in kinds {
        out.push_str("<li>");
        swatch(out, kind_colour(k));
        let _ = write!(out, "{k}</li>");
    }
    out.push_str("</ul>");
}

fn render(
    view: &View,
    overview: &[EventRow],
    selection: &[EventRow],
    countries: &[String],
) -> String {
    let mut out = String::with_capacity(64 * 1024);
    out.push_str("<h1>Timeline</h1>");
    notices(&mut out, view);
    filter_form(&mut out, "/", view, countries, &[]);
    let undated = overview.iter().filter(|e| e.date.is_none()).count();
    let Some(full) = extent(overview) else {
        out.push_str(r#"<p class="empty">No dated events match this filter.</p>"#);
        return out;
    };
    let (svg, unit, imprecise) = chart(overview, full, view, "Events over the whole range");
    let _ = write!(
        out,
        r#"<section class="panel"><h2>All dates <span class="muted">(bars per {unit}; drag across the bars to choose a range)</span></h2>{svg}"#,
        unit = unit.name()
    );
    legend(&mut out, overview);
    let mut notes = Vec::new();
    if imprecise > 0 {
        notes.push(format!(
            "{imprecise} event{} dated less precisely than a {} not in the bars",
            plural(imprecise),
            unit.name()
        ));
    }
    if undated > 0 {
        notes.push(format!(
            "{undated} event{} without a date not on the timeline",
            plural(undated)
        ));
    }
    if !notes.is_empty() {
        let _ = write!(out, r#"<p class="muted">{}.</p>"#, esc(&notes.join("; ")));
    }
    out.push_str("</section>");

    let (from, to) = (view.filter.from, view.filter.to);
    if from.is_some() || to.is_some() {
        let lo = from.map_or(full.0, |d| bounds(d).0);
        let hi = to.map_or(full.1, |d| bounds(d).1);
        if lo <= hi {
            let (svg, unit, imprecise) =
                chart(selection, (lo, hi), view, "Events in the selected range");
            let mut all = view.filter.clone();
            all.from = None;
            all.to = None;
            let q = all.query();
            let _ = write!(
                out,
                r#"<section class="panel"><h2>Selected range <span class="muted">(bars per {unit})</span> <a class="reset" href="/{sep}{q}">show all dates</a></h2>{svg}"#,
                unit = unit.name(),
                sep = if q.is_empty() { "" } else { "?" },
                q = esc(&q),
            );
            if imprecise > 0 {
                let _ = write!(
                    out,
                    r#"<p class="muted">{imprecise} event{} dated less precisely than a {} not in the bars.</p>"#,
                    plural(imprecise),
                    unit.name()
                );
            }
            out.push_str("</section>");
        }
    }
    chronicle_list(&mut out, selection, &view.filter.query());
    out
}

/// The selection day by day.
fn chronicle_list(out: &mut String, events: &[EventRow], query: &str) {
    let _ = write!(
        out,
        r#"<section class="chronicle"><h2>Chronicle <span class="muted">({} event{})</span></h2>"#,
        events.len(),
        plural(events.len())
    );
    let mut heading: Option<String> = None;
    for e in events.iter().take(LIST_MAX) {
        let h = match e.date {
            Some(d @ PartialDate::Day(..)) => d.to_string(),
            Some(d @ PartialDate::Month(..)) => format!("{d} (day unknown)"),
            Some(d) => format!("{d} (month unknown)"),
            None => "date unknown".to_string(),
        };
        if heading.as_deref() != Some(h.as_str()) {
            if heading.is_some() {
                out.push_str("</ul>");
            }
            let _ = write!(out, r#"<h3>{}</h3><ul class="events">"#, esc(&h));
            heading = Some(h);
        }
        event_item(out, e);
    }
    if heading.is_some() {
        out.push_str("</ul>");
    }
    if events.len() > LIST_MAX {
        let _ = write!(
            out,
            r#"<p class="muted">The first {LIST_MAX} of {} events; choose a range or see the <a href="/events?{}">table</a>.</p>"#,
            events.len(),
            esc(query)
        );
    }
    out.push_str("</section>");
}
