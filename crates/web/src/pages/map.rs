//! `GET /map`: the filtered events on country outlines (Natural Earth via
//! world-atlas, compiled in; no tiles, nothing fetched). Each event is a
//! circle at its place — or its country's centre when only the country is
//! known — with an area in proportion to its reports, linking to the
//! event. The view zooms to the events; countries with events are shaded.

use std::collections::{BTreeMap, HashSet};
use std::fmt::Write;

use axum::extract::{Query, State};
use axum::response::Response;
use chronik_store::EventRow;
use chronik_store::countries::country;

use super::{AppState, countries_of, error_page, filter_form, html, notices, place, status_of};
use crate::charts::plural;
use crate::html::{Layout, Nav, esc, event_href};
use crate::params::FilterExt;
use crate::params::{FilterKey, RawQuery, View};
use crate::places::coordinates;
use crate::world::{HEIGHT, WIDTH, outlines, project};

/// Rendered width the circle sizes are made for (CSS px).
const RENDER_WIDTH: f64 = 960.0;
/// Latitudes shown when the map shows the whole world: 84 N … 60 S.
const WORLD_TOP: f64 = 60.0;
const WORLD_BOTTOM: f64 = 1500.0;

/// `GET /map`.
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
    let mut body = String::with_capacity(96 * 1024);
    body.push_str("<h1>Map</h1>");
    notices(&mut body, &view);
    filter_form(&mut body, "/map", &view, &countries_of(&everything), &[]);
    render(&mut body, &events, &view.filter.query());
    let query = view.filter.query();
    let layout = Layout {
        title: "Map",
        nav: Nav::Map,
        filter_query: &query,
        search: "",
    };
    html(status_of(&view), layout.render(&body))
}

/// Events, reports, and the position of the first dot of one place.
type PlaceDots = (usize, usize, f64, f64);

struct Dot<'a> {
    x: f64,
    y: f64,
    event: &'a EventRow,
}

/// The part of the world to show: the dots with a margin, at least 30 by
/// 15 degrees, about twice as wide as high, inside the world.
fn view_box(dots: &[Dot<'_>]) -> (f64, f64, f64, f64) {
    if dots.is_empty() {
        return (0.0, WORLD_TOP, WIDTH, WORLD_BOTTOM - WORLD_TOP);
    }
    let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for d in dots {
        x0 = x0.min(d.x);
        x1 = x1.max(d.x);
        y0 = y0.min(d.y);
        y1 = y1.max(d.y);
    }
    let margin = 60.0;
    let (cx, cy) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
    let mut w = (x1 - x0 + 2.0 * margin).max(300.0);
    let mut h = (y1 - y0 + 2.0 * margin).max(150.0);
    w = w.max(2.0 * h);
    h = h.max(w / 2.0);
    w = w.min(WIDTH);
    h = h.min(HEIGHT);
    let x = (cx - w / 2.0).clamp(0.0, WIDTH - w);
    let y = (cy - h / 2.0).clamp(0.0, HEIGHT - h);
    (x, y, w, h)
}

fn render(out: &mut String, events: &[EventRow], query: &str) {
    let mut dots: Vec<Dot<'_>> = events
        .iter()
        .filter_map(|e| {
            let (lat, lon) = coordinates(e)?;
            let (x, y) = project(lat, lon);
            Some(Dot { x, y, event: e })
        })
        .collect();
    let unplaced = events.len() - dots.len();
    // Big circles first, so small ones stay clickable on top.
    dots.sort_by(|a, b| {
        b.event
            .n_reports
            .cmp(&a.event.n_reports)
            .then_with(|| a.event.event_id.cmp(&b.event.event_id))
    });
    let active: HashSet<u16> = events
        .iter()
        .filter_map(|e| country(e.location.as_ref()?.country.as_deref()?))
        .map(|c| c.numeric)
        .collect();
    let (vx, vy, vw, vh) = view_box(&dots);
    let unit = vw / RENDER_WIDTH;
    let _ = write!(
        out,
        r#"<section class="panel"><svg class="map" viewBox="{vx:.1} {vy:.1} {vw:.1} {vh:.1}" role="img" aria-label="Map of {n} event{s}"><rect class="sea" x="0" y="0" width="{WIDTH}" height="{HEIGHT}"/><g class="land">"#,
        n = events.len(),
        s = plural(events.len()),
    );
    for o in outlines() {
        let class = if o.numeric.is_some_and(|n| active.contains(&n)) {
            "country active"
        } else {
            "country"
        };
        let _ = write!(
            out,
            r#"<path class="{class}" d="{}"><title>{}</title></path>"#,
            o.path,
            esc(o.name)
        );
    }
    out.push_str(r#"</g><g class="dots">"#);
    for d in &dots {
        let e = d.event;
        let r = (2.5 + 2.5 * (e.n_reports as f64).sqrt()) * unit;
        let tip = format!(
            "{} · {} · {} · {} report{}",
            place(e),
            e.date
                .map(|d| d.to_string())
                .unwrap_or_else(|| "undated".into()),
            e.kind,
            e.n_reports,
            plural(e.n_reports)
        );
        let _ = write!(
            out,
            r#"<a href="{href}"><circle class="event" cx="{x:.1}" cy="{y:.1}" r="{r:.2}" stroke-width="{sw:.2}"><title>{tip}</title></circle></a>"#,
            href = event_href(&e.event_id),
            x = d.x,
            y = d.y,
            sw = unit,
            tip = esc(&tip),
        );
    }
    out.push_str("</g>");
    // Names of the places with the most reports.
    // (place, country) → (events, reports, x, y of the first).
    let mut places: BTreeMap<(String, String), PlaceDots> = BTreeMap::new();
    for d in &dots {
        let loc = d.event.location.as_ref();
        let name = loc
            .and_then(|l| l.name.clone())
            .or_else(|| loc.and_then(|l| l.country.clone()))
            .unwrap_or_default();
        let c = loc.and_then(|l| l.country.clone()).unwrap_or_default();
        let p = places.entry((name, c)).or_insert((0, 0, d.x, d.y));
        p.0 += 1;
        p.1 += d.event.n_reports;
    }
    let mut ranked: Vec<(&(String, String), &PlaceDots)> = places.iter().collect();
    ranked.sort_by(|a, b| b.1.1.cmp(&a.1.1).then_with(|| a.0.cmp(b.0)));
    out.push_str(r#"<g class="labels">"#);
    for ((name, _), (_, _, x, y)) in ranked.iter().take(12) {
        let _ = write!(
            out,
            r#"<text x="{tx:.1}" y="{ty:.1}" font-size="{fs:.2}">{}</text>"#,
            esc(name),
            tx = x + 6.0 * unit,
            ty = y - 6.0 * unit,
            fs = 12.0 * unit,
        );
    }
    out.push_str("</g></svg>");
    let _ = write!(
        out,
        r#"<p class="muted">{} event{} on the map; circle area grows with the number of reports{}. Towns without stored coordinates are placed by their GeoNames id (GeoNames, CC BY 4.0); events known only by country sit at its centre. Outlines: Natural Earth 1:110m (public domain).</p></section>"#,
        dots.len(),
        plural(dots.len()),
        if unplaced > 0 {
            format!("; {unplaced} without a known place")
        } else {
            String::new()
        }
    );
    // The places as a table, each a link to its events.
    let _ = write!(
        out,
        r#"<section><h2>Places</h2><table class="data"><thead><tr><th>Place</th><th>Country</th><th class="num">Events</th><th class="num">Reports</th></tr></thead><tbody>"#
    );
    for ((name, c), (n, reports, _, _)) in &ranked {
        let mut f = FilterKey::default();
        if name != c {
            f.place = Some(name.clone());
        }
        f.country = Some(c.clone()).filter(|c| !c.is_empty());
        let mut q = f.query();
        if !query.is_empty() {
            // Keep the other narrowing (dates, kind …) of the current view.
            q = merge_query(query, &q);
        }
        let _ = write!(
            out,
            r#"<tr><td><a href="/events?{q}">{name}</a></td><td>{c}</td><td class="num">{n}</td><td class="num">{reports}</td></tr>"#,
            q = esc(&q),
            name = esc(name),
            c = esc(c),
        );
    }
    out.push_str("</tbody></table></section>");
}

/// `base` with the keys of `over` replaced by its values.
fn merge_query(base: &str, over: &str) -> String {
    let keys: Vec<&str> = over
        .split('&')
        .filter_map(|p| p.split('=').next())
        .collect();
    let mut parts: Vec<&str> = base
        .split('&')
        .filter(|p| !p.is_empty())
        .filter(|p| !keys.contains(&p.split('=').next().unwrap_or("")))
        .collect();
    parts.extend(over.split('&').filter(|p| !p.is_empty()));
    parts.join("&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn map_merge_query_replaces_keys() {
        assert_eq!(
            merge_query("from=2022&place=A&kind=riot", "place=B&country=KZ"),
            "from=2022&kind=riot&place=B&country=KZ"
        );
        assert_eq!(merge_query("", "place=B"), "place=B");
    }
}
