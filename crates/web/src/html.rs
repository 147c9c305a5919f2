//! Writing HTML safely: every piece of data goes through [`esc`] (text and
//! double-quoted attribute values) or [`enc`] (URL components), links to
//! reports only when they are `http(s)`, and every page shares one layout.
//!
//! There are no templates and no inline scripts or styles: the page is
//! built with `write!` into a `String`, the CSS and JS are static files
//! (`/static/…`), and the Content-Security-Policy forbids anything else.

use std::fmt::{self, Write};

use chronik_model::PartialDate;

/// Text made safe for HTML element content and double- or single-quoted
/// attribute values.
pub struct Esc<'a>(pub &'a str);

/// Escapes `s` for HTML (see [`Esc`]).
pub fn esc(s: &str) -> Esc<'_> {
    Esc(s)
}

impl fmt::Display for Esc<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut last = 0;
        for (i, b) in self.0.bytes().enumerate() {
            let rep = match b {
                b'&' => "&amp;",
                b'<' => "&lt;",
                b'>' => "&gt;",
                b'"' => "&quot;",
                b'\'' => "&#39;",
                _ => continue,
            };
            f.write_str(&self.0[last..i])?;
            f.write_str(rep)?;
            last = i + 1;
        }
        f.write_str(&self.0[last..])
    }
}

/// Percent-encodes `s` for a URL path segment or query value: everything
/// but ASCII letters, digits and `-._~`.
pub fn enc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// The URL of a report when it may be linked: `http://` or `https://`
/// only (never `javascript:` or `data:`).
pub fn safe_url(url: &str) -> Option<&str> {
    let u = url.trim();
    let lower = u.get(..8).unwrap_or(u).to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://")).then_some(u)
}

/// `<a href=…>` to a report's URL (escaped), or the URL as plain text
/// when it is not `http(s)`.
pub fn external_link(out: &mut String, url: &str, label: &str) {
    match safe_url(url) {
        Some(u) => {
            let _ = write!(
                out,
                r#"<a class="ext" href="{}" rel="noopener noreferrer">{}</a>"#,
                esc(u),
                esc(label)
            );
        }
        None => {
            let _ = write!(out, r#"<span class="ext-unsafe">{}</span>"#, esc(url));
        }
    }
}

/// Link to an event page.
pub fn event_href(id: &str) -> String {
    format!("/event/{}", enc(id))
}

/// Link to a report page.
pub fn report_href(id: &str) -> String {
    format!("/report/{}", enc(id))
}

/// "2022-01-05", or "undated".
pub fn date_text(d: Option<PartialDate>) -> String {
    d.map(|d| d.to_string())
        .unwrap_or_else(|| "undated".to_string())
}

/// Which page of the navigation is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nav {
    /// The timeline (home).
    Timeline,
    /// The map.
    Map,
    /// The events table.
    Events,
    /// The claims page.
    Claims,
    /// Search results.
    Search,
    /// Any other page (event, report, errors).
    Other,
}

/// The shared layout. `filter_query` (already URL-encoded, without `?`)
/// is carried by the navigation links so a filter applies everywhere;
/// `search` is the query shown in the search box.
pub struct Layout<'a> {
    /// Page title (plain text).
    pub title: &'a str,
    /// The page in the navigation.
    pub nav: Nav,
    /// Filter carried by the navigation links.
    pub filter_query: &'a str,
    /// Text of the search box.
    pub search: &'a str,
}

impl Layout<'_> {
    /// The whole document around `body` (HTML).
    pub fn render(&self, body: &str) -> String {
        let mut out = String::with_capacity(body.len() + 2048);
        let q = if self.filter_query.is_empty() {
            String::new()
        } else {
            format!("?{}", self.filter_query)
        };
        let _ = write!(
            out,
            r#"<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} · chronik</title>
<link rel="stylesheet" href="/static/app.css">
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
<script src="/static/app.js" defer></script>
</head>
<body>
<header class="top">
<a class="brand" href="/">chronik</a>
<nav>"#,
            title = esc(self.title)
        );
        for (nav, path, label) in [
            (Nav::Timeline, "/", "Timeline"),
            (Nav::Map, "/map", "Map"),
            (Nav::Events, "/events", "Events"),
            (Nav::Claims, "/claims", "Claims"),
        ] {
            let current = if nav == self.nav {
                r#" aria-current="page""#
            } else {
                ""
            };
            let _ = write!(
                out,
                r#"<a href="{path}{q}"{current}>{label}</a>"#,
                q = esc(&q)
            );
        }
        let _ = write!(
            out,
            r#"</nav>
<form class="search" method="get" action="/search" role="search">
<input type="search" name="q" value="{search}" placeholder="Search the reports" aria-label="Search the reports">
<button type="submit">Search</button>
</form>
</header>
<main>
{body}
</main>
<footer>chronik · every figure with its source · map: Natural Earth (public domain) via world-atlas</footer>
</body>
</html>
"#,
            search = esc(self.search),
        );
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_escapes_markup_and_quotes() {
        let cases = [
            (
                "<script>alert(1)</script>",
                "&lt;script&gt;alert(1)&lt;/script&gt;",
            ),
            (
                r#""><img src=x onerror=alert(1)>"#,
                "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;",
            ),
            ("'a' & b", "&#39;a&#39; &amp; b"),
            ("Алматы «цитата»", "Алматы «цитата»"),
            ("", ""),
        ];
        for (input, want) in cases {
            assert_eq!(esc(input).to_string(), want, "{input}");
        }
    }

    #[test]
    fn html_encodes_url_components() {
        assert_eq!(enc("ev-1a2B"), "ev-1a2B");
        assert_eq!(enc("a b/<&>\"'"), "a%20b%2F%3C%26%3E%22%27");
        assert_eq!(enc("Алматы"), "%D0%90%D0%BB%D0%BC%D0%B0%D1%82%D1%8B");
    }

    #[test]
    fn html_links_only_http_urls() {
        assert_eq!(
            safe_url("https://example.org/a"),
            Some("https://example.org/a")
        );
        assert_eq!(safe_url(" HTTP://x.kz "), Some("HTTP://x.kz"));
        assert_eq!(safe_url("javascript:alert(1)"), None);
        assert_eq!(safe_url("data:text/html,<b>"), None);
        assert_eq!(safe_url("//evil.example"), None);
        let mut out = String::new();
        external_link(&mut out, "javascript:alert(1)", "x");
        assert!(!out.contains("href"), "{out}");
    }
}
