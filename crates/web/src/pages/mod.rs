//! The pages. Each handler: parse the query into a [`View`], fetch from
//! the [`Chronicle`], write HTML with the [`Layout`]. Shared pieces — the
//! filter form, one line per event, responses and errors — live here.

pub mod claims;
pub mod event;
pub mod map;
pub mod report;
pub mod search;
pub mod table;
pub mod timeline;

use std::fmt::Write;
use std::sync::Arc;

use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use chronik_merge::Family;
use chronik_model::{ActorRole, EventType, Kind, SubType};
use chronik_store::EventRow;
use chronik_store::countries::country;

use crate::charts::plural;
use crate::html::{Layout, Nav, esc, event_href};
use crate::params::View;
use crate::{Chronicle, WebError};

/// The shared state of every handler.
pub type AppState = State<Arc<Chronicle>>;

/// An HTML response.
pub fn html(status: StatusCode, body: String) -> Response {
    (
        status,
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/html; charset=utf-8"),
            ),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
        ],
        body,
    )
        .into_response()
}

/// 200, or 400 when some parameters were invalid (the page still shows
/// what the valid ones select).
pub fn status_of(view: &View) -> StatusCode {
    if view.errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::BAD_REQUEST
    }
}

/// The page of an error.
pub fn error_page(e: WebError) -> Response {
    let mut message = e.to_string();
    let mut source = std::error::Error::source(&e);
    while let Some(cause) = source {
        message.push_str(": ");
        message.push_str(&cause.to_string());
        source = cause.source();
    }
    let body = format!(
        "<h1>Something went wrong</h1><p class=\"error\">{}</p>",
        esc(&message)
    );
    let layout = Layout {
        title: "Error",
        nav: Nav::Other,
        filter_query: "",
        search: "",
    };
    html(StatusCode::INTERNAL_SERVER_ERROR, layout.render(&body))
}

/// A 404 page naming what was not found.
pub fn missing(what: &str) -> Response {
    let body = format!(
        "<h1>Not found</h1><p>{}</p><p><a href=\"/\">Back to the timeline</a></p>",
        esc(what)
    );
    let layout = Layout {
        title: "Not found",
        nav: Nav::Other,
        filter_query: "",
        search: "",
    };
    html(StatusCode::NOT_FOUND, layout.render(&body))
}

/// Any other path.
pub async fn not_found(uri: axum::http::Uri) -> Response {
    missing(&format!("There is no page at {}.", uri.path()))
}

/// The list of parameter errors, if any.
pub fn notices(out: &mut String, view: &View) {
    if view.errors.is_empty() {
        return;
    }
    out.push_str(r#"<div class="notice" role="alert"><p>Ignored:</p><ul>"#);
    for e in &view.errors {
        let _ = write!(out, "<li>{}</li>", esc(e));
    }
    out.push_str("</ul></div>");
}

fn option(out: &mut String, value: &str, label: &str, selected: Option<&str>) {
    let sel = if selected == Some(value) {
        " selected"
    } else {
        ""
    };
    let _ = write!(
        out,
        r#"<option value="{}"{sel}>{}</option>"#,
        esc(value),
        esc(label)
    );
}

/// The filter form of `chronik events`, sent to `action`. `countries`
/// lists the countries present (ISO alpha-2); `hidden` are extra fields
/// kept as they are (the sort of the table).
pub fn filter_form(
    out: &mut String,
    action: &str,
    view: &View,
    countries: &[String],
    hidden: &[(&str, String)],
) {
    let f = &view.filter;
    let text = |d: Option<String>| d.unwrap_or_default();
    let _ = write!(
        out,
        r#"<form class="filters" method="get" action="{action}" id="filters">
<label>From <input name="from" value="{from}" placeholder="YYYY-MM-DD" size="10" pattern="\d{{4}}(-\d{{2}}(-\d{{2}})?)?"></label>
<label>To <input name="to" value="{to}" placeholder="YYYY-MM-DD" size="10" pattern="\d{{4}}(-\d{{2}}(-\d{{2}})?)?"></label>
<label>Country <select name="country"><option value="">any</option>"#,
        action = esc(action),
        from = esc(&text(f.from.map(|d| d.to_string()))),
        to = esc(&text(f.to.map(|d| d.to_string()))),
    );
    let mut list: Vec<&String> = countries.iter().collect();
    if let Some(c) = &f.country
        && !countries.contains(c)
    {
        list.push(c);
    }
    for c in list {
        let name = country(c).map(|k| k.name.as_str()).unwrap_or("");
        option(out, c, &format!("{c} {name}"), f.country.as_deref());
    }
    let _ = write!(
        out,
        r#"</select></label>
<label>Place <input name="place" value="{place}" size="12"></label>
<label>Kind <select name="kind"><option value="">any</option><optgroup label="kind families">"#,
        place = esc(&text(f.place.clone()))
    );
    let kind = f.kind.as_deref();
    for fam in Family::ALL {
        option(out, fam.as_str(), fam.as_str(), kind);
    }
    out.push_str(r#"</optgroup><optgroup label="kinds">"#);
    for k in Kind::ALL {
        option(out, k.as_str(), k.as_str(), kind);
    }
    out.push_str(r#"</optgroup></select></label><label>Type <select name="type"><option value="">any</option><optgroup label="ACLED types">"#);
    let ty = f.event_type.as_deref();
    for t in EventType::ALL {
        option(out, t.as_str(), t.as_str(), ty);
    }
    out.push_str(r#"</optgroup><optgroup label="ACLED sub-types">"#);
    for s in SubType::ALL {
        option(out, s.as_str(), s.as_str(), ty);
    }
    out.push_str(r#"</optgroup></select></label><label>Actor <select name="actor"><option value="">any</option>"#);
    for a in ActorRole::ALL {
        option(out, a.as_str(), a.as_str(), f.actor.as_deref());
    }
    let _ = write!(
        out,
        r#"</select></label>
<label>Min. sources <input type="number" name="min_sources" min="1" value="{ms}" size="3"></label>
<label>Limit <input type="number" name="limit" min="1" value="{lim}" size="4"></label>"#,
        ms = text(f.min_sources.map(|n| n.to_string())),
        lim = text(f.limit.map(|n| n.to_string())),
    );
    for (name, value) in hidden {
        let _ = write!(
            out,
            r#"<input type="hidden" name="{}" value="{}">"#,
            esc(name),
            esc(value)
        );
    }
    let _ = write!(
        out,
        r#"<button type="submit">Apply</button> <a class="reset" href="{}">Reset</a></form>"#,
        esc(action)
    );
}

/// Countries of `events`, sorted, each once.
pub fn countries_of(events: &[EventRow]) -> Vec<String> {
    let mut out: Vec<String> = events
        .iter()
        .filter_map(|e| e.location.as_ref()?.country.clone())
        .collect();
    out.sort();
    out.dedup();
    out
}

/// "Almaty, KZ", "KZ", or "place unknown".
pub fn place(e: &EventRow) -> String {
    match e.location.as_ref().map(|l| (&l.name, &l.country)) {
        Some((Some(n), Some(c))) => format!("{n}, {c}"),
        Some((Some(n), None)) => n.clone(),
        Some((None, Some(c))) => c.clone(),
        _ => "place unknown".into(),
    }
}

/// One event as a list item: place (a link to the event), what, who,
/// figures, how many reports.
pub fn event_item(out: &mut String, e: &EventRow) {
    let _ = write!(
        out,
        r#"<li><a href="{href}">{place}</a> — {kind} <span class="muted">({ty} / {sub})</span>"#,
        href = event_href(&e.event_id),
        place = esc(&place(e)),
        kind = e.kind,
        ty = e.event_type,
        sub = e.sub_type,
    );
    if let Some(a) = e.actors() {
        let _ = write!(out, " · {}", esc(&a));
    }
    for f in e.figure_labels() {
        let _ = write!(out, " · {}", esc(&f));
    }
    if e.hedged {
        out.push_str(r#" · <span class="hedged">unconfirmed</span>"#);
    }
    let _ = write!(
        out,
        r#" · <span class="muted">{} report{} from {} source{}</span></li>"#,
        e.n_reports,
        plural(e.n_reports),
        e.n_sources,
        plural(e.n_sources)
    );
}
