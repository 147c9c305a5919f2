//! `GET /search?q=…`: full-text search over the reports (the store's FTS5
//! index, stemmed for German, English and Russian, `"quoted words"` as a
//! phrase). Each hit shows the words around the first match with every
//! matching word marked, and links to the report and its events.

use std::fmt::Write;

use axum::extract::{Query, State};
use axum::response::Response;
use chronik_store::{Hit, Stemmers, StoreError};

use super::{AppState, error_page, html, notices, status_of};
use crate::charts::plural;
use crate::html::{Layout, Nav, date_text, esc, event_href, report_href};
use crate::params::{RawQuery, View};

/// Most reports listed.
const HITS_MAX: usize = 50;
/// Words shown before and after the first match.
const BEFORE: usize = 12;
const AFTER: usize = 28;

/// `GET /search`.
pub async fn page(State(chronicle): AppState, Query(raw): Query<RawQuery>) -> Response {
    let view = View::parse(&raw);
    let q = view.q.clone();
    let found = if q.is_empty() {
        Ok(Vec::new())
    } else {
        chronicle
            .with_store(move |s| -> Result<Vec<(Hit, String)>, StoreError> {
                let stemmers = Stemmers::default();
                let hits = s.search(&q, HITS_MAX)?;
                let mut out = Vec::with_capacity(hits.len());
                for h in hits {
                    let text = s.document_text(&h.id)?.unwrap_or_default();
                    let snippet = snippet_html(&stemmers, &text, h.lang.as_deref(), &q);
                    out.push((h, snippet));
                }
                Ok(out)
            })
            .await
    };
    let hits = match found {
        Ok(h) => h,
        Err(e) => return error_page(e),
    };
    let mut out = String::with_capacity(32 * 1024);
    out.push_str("<h1>Search</h1>");
    notices(&mut out, &view);
    if view.q.is_empty() {
        out.push_str(
            r#"<p>Type words into the search box: they are found in any inflection (German, English, Russian); "quoted words" as a phrase.</p>"#,
        );
    } else {
        let _ = write!(
            out,
            r#"<p class="count"><strong>{}</strong> report{} for “{}”{}</p><ol class="hits">"#,
            hits.len(),
            plural(hits.len()),
            esc(&view.q),
            if hits.len() == HITS_MAX {
                " (the best matches)"
            } else {
                ""
            }
        );
        for (h, snippet) in &hits {
            let _ = write!(
                out,
                r#"<li class="hit"><div><a class="doc" href="{href}">{id}</a> · {outlet} · {date} · {lang}</div><p class="snippet">{snippet}</p>"#,
                href = report_href(&h.id),
                id = esc(&h.id),
                outlet = esc(h.outlet.as_deref().unwrap_or("no outlet")),
                date = esc(&date_text(h.date)),
                lang = esc(h.lang.as_deref().unwrap_or("?")),
            );
            if !h.events.is_empty() {
                out.push_str(r#"<div class="muted">events: "#);
                for ev in &h.events {
                    let _ = write!(out, r#"<a href="{}">{}</a> "#, event_href(ev), esc(ev));
                }
                out.push_str("</div>");
            }
            out.push_str("</li>");
        }
        out.push_str("</ol>");
    }
    let layout = Layout {
        title: "Search",
        nav: Nav::Search,
        filter_query: "",
        search: &view.q,
    };
    html(status_of(&view), layout.render(&out))
}

/// The words around the first word of `text` matching `query` (as written
/// or by stem, as the index matches), escaped, every match in `<mark>`.
pub fn snippet_html(stemmers: &Stemmers, text: &str, lang: Option<&str>, query: &str) -> String {
    let spans = chronik_store::search::match_words(stemmers, text, lang, query);
    let first = spans.iter().position(|s| s.2).unwrap_or(0);
    let lo = first.saturating_sub(BEFORE);
    let hi = (first + AFTER).min(spans.len());
    if lo >= hi {
        return String::new();
    }
    let flat = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let gap = |s: &str| {
        // Keep one space where the text had whitespace.
        let f = flat(s);
        match (
            s.starts_with(char::is_whitespace),
            s.ends_with(char::is_whitespace),
        ) {
            _ if f.is_empty() && !s.is_empty() => " ".to_string(),
            (a, b) => format!(
                "{}{f}{}",
                if a { " " } else { "" },
                if b { " " } else { "" }
            ),
        }
    };
    let mut out = String::new();
    if lo > 0 {
        out.push('…');
    }
    // From the start of the text when the window starts at its first word.
    let mut pos = if lo == 0 { 0 } else { spans[lo].0 };
    for (k, &(s, e, hit)) in spans[lo..hi].iter().enumerate() {
        let before = &text[pos..s];
        let before = if k == 0 { before.trim_start() } else { before };
        let _ = write!(out, "{}", esc(&gap(before)));
        if hit {
            let _ = write!(out, "<mark>{}</mark>", esc(&text[s..e]));
        } else {
            let _ = write!(out, "{}", esc(&text[s..e]));
        }
        pos = e;
    }
    if hi < spans.len() {
        out.push('…');
    } else {
        let _ = write!(out, "{}", esc(text[pos..].trim_end()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_snippet_marks_matches_and_escapes() {
        let s = Stemmers::default();
        let got = snippet_html(
            &s,
            "In Almaty <script>x</script> protestierten Tausende.\n\nDie Polizei griff ein.",
            Some("de"),
            "Polizei",
        );
        assert_eq!(
            got,
            "In Almaty &lt;script&gt;x&lt;/script&gt; protestierten Tausende. Die <mark>Polizei</mark> griff ein."
        );
        // A guillemet in the text stays text.
        let got = snippet_html(&s, "«Полиция» задержала людей", Some("ru"), "задержали");
        assert_eq!(got, "«Полиция» <mark>задержала</mark> людей");
    }
}
