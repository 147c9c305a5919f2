//! `GET /claims`: how each figure developed over time, per source. For
//! every episode (a country's run of events, `chronik claims`) and every
//! kind of count, a chart — report date across, the number up, one line
//! per claimant — then the claims themselves and the reconciled numbers.
//! The country and the date range of the filter choose the episodes; the
//! other filters keep the episodes with a claim about a matching event.

use std::collections::{BTreeMap, HashSet};
use std::fmt::Write;

use axum::extract::{Query, State};
use axum::response::Response;
use chronik_merge::Reconciled;
use chronik_merge::when::bounds;
use chronik_model::FigureWhat;
use chronik_store::countries::country;
use chronik_store::{ClaimRow, EpisodeClaims, WhatClaims};

use super::{AppState, countries_of, error_page, filter_form, html, notices, status_of};
use crate::charts::{Point, claims_svg, plural, series_colour, swatch};
use crate::html::{Layout, Nav, date_text, enc, esc, event_href, report_href};
use crate::params::FilterExt;
use crate::params::{FilterKey, RawQuery, View};

/// Most episodes drawn on one page.
const EPISODES_MAX: usize = 60;

/// `GET /claims`.
pub async fn page(State(chronicle): AppState, Query(raw): Query<RawQuery>) -> Response {
    let view = View::parse(&raw);
    let episodes = match chronicle
        .claims(view.what, view.filter.country.clone())
        .await
    {
        Ok(e) => e,
        Err(e) => return error_page(e),
    };
    let everything = match chronicle.events(&FilterKey::default()).await {
        Ok(e) => e,
        Err(e) => return error_page(e),
    };
    // Kind, place, actor …: keep episodes with a claim about a matching event.
    let narrowing = FilterKey {
        from: None,
        to: None,
        country: None,
        ..view.filter.clone()
    };
    let wanted: Option<HashSet<String>> = if narrowing.is_empty() {
        None
    } else {
        match chronicle.events(&view.filter).await {
            Ok(evs) => Some(evs.iter().map(|e| e.event_id.clone()).collect()),
            Err(e) => return error_page(e),
        }
    };
    let shown: Vec<&EpisodeClaims> = episodes
        .iter()
        .filter(|ep| in_range(ep, &view.filter))
        .filter(|ep| match &wanted {
            None => true,
            Some(ids) => ep.whats.iter().any(|w| {
                w.claims
                    .iter()
                    .any(|c| c.event_id.as_ref().is_some_and(|id| ids.contains(id)))
            }),
        })
        .collect();

    let mut out = String::with_capacity(128 * 1024);
    out.push_str("<h1>Claims</h1>");
    notices(&mut out, &view);
    let hidden: Vec<(&str, String)> = view
        .what
        .map(|w| ("what", w.as_str().to_string()))
        .into_iter()
        .collect();
    filter_form(
        &mut out,
        "/claims",
        &view,
        &countries_of(&everything),
        &hidden,
    );
    what_links(&mut out, &view);
    let claims: usize = shown
        .iter()
        .flat_map(|ep| &ep.whats)
        .map(|w| w.claims.len())
        .sum();
    let _ = write!(
        out,
        r#"<p class="count"><strong>{}</strong> claim{} in {} episode{}.</p>"#,
        claims,
        plural(claims),
        shown.len(),
        plural(shown.len())
    );
    for ep in shown.iter().take(EPISODES_MAX) {
        episode(&mut out, ep);
    }
    if shown.len() > EPISODES_MAX {
        let _ = write!(
            out,
            r#"<p class="muted">The first {EPISODES_MAX} of {} episodes; narrow by country, date or kind of figure.</p>"#,
            shown.len()
        );
    }
    let query = view.filter.query();
    let layout = Layout {
        title: "Claims",
        nav: Nav::Claims,
        filter_query: &query,
        search: "",
    };
    html(status_of(&view), layout.render(&out))
}

fn in_range(ep: &EpisodeClaims, f: &FilterKey) -> bool {
    if f.from.is_none() && f.to.is_none() {
        return true;
    }
    let (Some(a), Some(b)) = (ep.from, ep.to) else {
        return false;
    };
    let (lo, hi) = (bounds(a).0, bounds(b).1);
    f.from.is_none_or(|d| hi >= bounds(d).0) && f.to.is_none_or(|d| lo <= bounds(d).1)
}

fn what_links(out: &mut String, view: &View) {
    let q = view.filter.query();
    out.push_str(r#"<p class="pills">Figures: "#);
    let options = std::iter::once(None).chain(FigureWhat::ALL.iter().copied().map(Some));
    for w in options {
        let label = w.map(|w| w.as_str()).unwrap_or("all");
        let mut href = format!("/claims?{q}");
        if let Some(w) = w {
            if !q.is_empty() {
                href.push('&');
            }
            let _ = write!(href, "what={}", enc(w.as_str()));
        }
        if w == view.what {
            let _ = write!(
                out,
                r#"<span class="pill" aria-current="true">{label}</span> "#
            );
        } else {
            let _ = write!(out, r#"<a class="pill" href="{}">{label}</a> "#, esc(&href));
        }
    }
    out.push_str("</p>");
}

/// Who claims a figure: the attributed source, else the outlet itself.
fn claimant(c: &ClaimRow) -> String {
    match (&c.source, &c.outlet) {
        (Some(s), Some(o)) => format!("{s} (in {o})"),
        (Some(s), None) => s.clone(),
        (None, Some(o)) => o.clone(),
        (None, None) => c.id.clone(),
    }
}

fn summary(r: &Reconciled) -> String {
    let n = |v: Option<u64>| v.map(|v| v.to_string()).unwrap_or_else(|| "–".into());
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

fn episode(out: &mut String, ep: &EpisodeClaims) {
    let span = match (ep.from, ep.to) {
        (Some(a), Some(b)) if a == b => a.to_string(),
        (Some(a), Some(b)) => format!("{a} – {b}"),
        _ => "undated".into(),
    };
    let name = country(&ep.country)
        .map(|c| c.name.clone())
        .unwrap_or_else(|| {
            if ep.country.is_empty() {
                "country unknown".into()
            } else {
                ep.country.clone()
            }
        });
    let _ = write!(
        out,
        r#"<section class="episode panel"><h2>{name} <span class="muted">{span} · {n} event{s} · episode {id}</span></h2>"#,
        name = esc(&name),
        span = esc(&span),
        n = ep.n_events,
        s = plural(ep.n_events),
        id = esc(&ep.id),
    );
    for w in &ep.whats {
        what_block(out, w);
    }
    out.push_str("</section>");
}

fn what_block(out: &mut String, w: &WhatClaims) {
    let _ = write!(
        out,
        r#"<div class="what"><h3>{} <span class="muted">{} claim{}</span></h3>"#,
        w.what,
        w.claims.len(),
        plural(w.claims.len())
    );
    // Series per claimant, in order of first claim.
    let mut order: Vec<String> = Vec::new();
    let mut series: BTreeMap<String, Vec<Point>> = BTreeMap::new();
    let mut undated = 0;
    for c in &w.claims {
        let (Some(date), Some(low)) = (c.report_date, c.low.or(c.high)) else {
            undated += 1;
            continue;
        };
        let who = claimant(c);
        if !order.contains(&who) {
            order.push(who.clone());
        }
        series.entry(who.clone()).or_default().push(Point {
            date,
            low,
            high: c.high.unwrap_or(low).max(low),
            hedged: c.hedged,
            tip: format!(
                "{}: {} — {}{}",
                date,
                c.amount(),
                who,
                if c.hedged { " (hedged)" } else { "" }
            ),
        });
    }
    let ordered: Vec<(String, Vec<Point>)> = order
        .iter()
        .filter_map(|k| series.remove(k).map(|v| (k.clone(), v)))
        .collect();
    if !ordered.is_empty() {
        out.push_str(&claims_svg(
            &ordered,
            &format!("{} claimed over time, per source", w.what),
        ));
        out.push_str(r#"<ul class="legend">"#);
        for (i, (name, _)) in ordered.iter().enumerate() {
            out.push_str("<li>");
            swatch(out, series_colour(i));
            let _ = write!(out, "{}</li>", esc(name));
        }
        out.push_str(r#"<li class="muted">hollow: hedged</li></ul>"#);
    }
    if undated > 0 {
        let _ = write!(
            out,
            r#"<p class="muted">{undated} claim{} without a report date or number not drawn.</p>"#,
            plural(undated)
        );
    }
    out.push_str(r#"<ul class="reconciled">"#);
    if w.episode.claims > 0 {
        let _ = write!(out, "<li>whole episode: {}</li>", esc(&summary(&w.episode)));
    }
    for (ev, r) in &w.per_event {
        let _ = write!(
            out,
            r#"<li>event <a href="{}">{}</a>: {}</li>"#,
            event_href(ev),
            esc(ev),
            esc(&summary(r))
        );
    }
    out.push_str("</ul>");
    out.push_str(r#"<table class="data claims"><thead><tr><th>Report date</th><th>Figure</th><th>Claimed by</th><th>Report</th><th>Event</th><th>Words</th></tr></thead><tbody>"#);
    for c in &w.claims {
        let event = match &c.event_id {
            Some(ev) if !c.episode_wide => {
                format!(r#"<a href="{}">{}</a>"#, event_href(ev), esc(ev))
            }
            _ => "whole episode".to_string(),
        };
        let _ = write!(
            out,
            r#"<tr class="{cls}"><td>{date}</td><td class="num">{amount}</td><td>{by}{h}</td><td><a href="{rhref}">{outlet}</a></td><td>{event}</td><td>{evidence}</td></tr>"#,
            cls = if c.hedged { "hedged" } else { "" },
            date = esc(&date_text(c.report_date)),
            amount = esc(&c.amount()),
            by = esc(c.source.as_deref().unwrap_or("the outlet itself")),
            h = if c.hedged { " (hedged)" } else { "" },
            rhref = esc(&report_href(&c.id)),
            outlet = esc(c.outlet.as_deref().unwrap_or(&c.id)),
            evidence = esc(&c.evidence),
        );
    }
    out.push_str("</tbody></table></div>");
}
