//! Every page through the router in process (`tower::ServiceExt::oneshot`,
//! no socket): status, the security headers, and that hostile article
//! text (`web-tests/fixtures/hostile.jsonl`) comes out as text — on every
//! page. The database is built from the bundled examples plus that
//! fixture, as the browser test does.

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use chronik_extract::Extractor;
use chronik_ingest::{Item, ReadOptions, read_paths};
use chronik_model::Kind;
use chronik_store::{Filter, Format, Store, WriteOptions};
use chronik_web::{CSP, Chronicle, router};
use tower::ServiceExt;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The fixture database, built once per test binary.
fn db() -> &'static Path {
    static DB: OnceLock<PathBuf> = OnceLock::new();
    DB.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("chronik-web-test-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("chronik.db");
        let r = repo();
        let inputs = [
            r.join("examples/articles.jsonl"),
            r.join("examples/seed"),
            r.join("web-tests/fixtures/hostile.jsonl"),
        ];
        let extractor = Extractor::new().unwrap();
        let batch: Vec<_> = read_paths(&inputs, ReadOptions::default())
            .filter_map(|item| match item {
                Item::Doc(_, d) => Some(d),
                Item::Warning(_) => None,
            })
            .map(|d| {
                let r = extractor.extract(&d);
                (d, r)
            })
            .collect();
        assert!(batch.len() >= 13, "{} documents", batch.len());
        let mut store = Store::open(&path).unwrap();
        store
            .write_batch(
                &batch,
                &WriteOptions {
                    now: 1_700_000_000,
                    hook: None,
                },
            )
            .unwrap();
        path
    })
}

const HOSTILE_DOC: &str = "xss-<script>alert('id')</script>";

/// The event a mention of `kind` in the first hostile article was merged
/// into.
fn hostile_event(kind: Kind) -> String {
    let store = Store::open_read_only(db()).unwrap();
    let mentions = store.document_mentions(HOSTILE_DOC).unwrap();
    mentions
        .iter()
        .find_map(|(_, k, ev)| ev.clone().filter(|_| *k == kind))
        .unwrap_or_else(|| panic!("the hostile article has a {kind} event"))
}

struct Got {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: String,
}

async fn get(uri: &str) -> Got {
    let app = router(Arc::new(Chronicle::open(db()).unwrap()));
    let res = app
        .oneshot(Request::get(uri).body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = res.status();
    let headers = res.headers().clone();
    let bytes = axum::body::to_bytes(res.into_body(), 64 << 20)
        .await
        .unwrap();
    Got {
        status,
        headers,
        body: String::from_utf8(bytes.to_vec()).unwrap(),
    }
}

/// Headers every response carries.
fn assert_secure(uri: &str, got: &Got) {
    assert_eq!(
        got.headers.get(header::CONTENT_SECURITY_POLICY).unwrap(),
        CSP,
        "{uri}"
    );
    assert_eq!(
        got.headers.get(header::X_CONTENT_TYPE_OPTIONS).unwrap(),
        "nosniff",
        "{uri}"
    );
    assert!(CSP.contains("script-src 'self'") && !CSP.contains("unsafe"));
}

/// An HTML page: secure headers, one script (ours, by URL), no inline
/// style, and nothing of the hostile markup as markup.
fn assert_safe_page(uri: &str, got: &Got) {
    assert_secure(uri, got);
    let b = &got.body;
    assert!(
        got.headers
            .get(header::CONTENT_TYPE)
            .unwrap()
            .to_str()
            .unwrap()
            .starts_with("text/html"),
        "{uri}"
    );
    assert_eq!(
        b.matches("<script").count(),
        1,
        "{uri}: only the app.js tag may be a script"
    );
    assert!(
        b.contains(r#"<script src="/static/app.js" defer></script>"#),
        "{uri}"
    );
    for bad in [
        "<img",
        "<svg onload",
        "<b>health",
        "</textarea>",
        "'onmouseover='",
        " style=",
        "href=\"javascript",
        "<iframe",
    ] {
        assert!(!b.contains(bad), "{uri}: found {bad:?} unescaped");
    }
}

#[tokio::test]
async fn router_pages_are_ok_and_secure() {
    let ev = hostile_event(Kind::Demonstration);
    let killing = hostile_event(Kind::Killing);
    let pages = [
        "/".to_string(),
        "/?from=2022-01-01&to=2022-01-31".to_string(),
        "/?country=KZ&kind=unrest".to_string(),
        "/map".to_string(),
        "/map?country=KZ".to_string(),
        "/events".to_string(),
        "/events?sort=killed&dir=desc".to_string(),
        "/events?country=KZ&from=2022-01-06&to=2022-01-06".to_string(),
        format!("/event/{ev}"),
        format!("/event/{killing}"),
        format!("/report/{}", chronik_web::html::enc(HOSTILE_DOC)),
        "/claims".to_string(),
        "/claims?what=killed&country=KZ".to_string(),
        "/search?q=alert".to_string(),
        "/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E".to_string(),
        "/search".to_string(),
    ];
    for uri in &pages {
        let got = get(uri).await;
        assert_eq!(got.status, StatusCode::OK, "{uri}: {}", got.body);
        assert_safe_page(uri, &got);
    }
}

#[tokio::test]
async fn router_hostile_text_shows_as_text() {
    let ev = hostile_event(Kind::Demonstration);
    // The article text, escaped, with its evidence marked (the evidence
    // starts inside the tag, so the tag is split by a <mark>).
    let got = get(&format!("/event/{ev}")).await;
    let b = &got.body;
    assert!(
        b.contains("alert(&#39;xss-text&#39;)&lt;/script&gt;"),
        "{b}"
    );
    assert!(b.contains("&quot;&gt;&lt;img src=x onerror=alert(&#39;xss-img&#39;)&gt;"));
    assert!(b.contains("&lt;/textarea&gt;&lt;svg onload=alert(&#39;xss-svg&#39;)&gt;"));
    assert!(
        b.contains("&amp;amp; &amp;lt;script&amp;gt;"),
        "entities stay literal"
    );
    assert!(b.contains(r#"<mark class="ev">"#));
    assert!(b.contains(r#"<mark class="fig">"#) || b.contains(r#"<mark class="ev fig">"#));
    // The document id and the javascript: URL are text, not links.
    assert!(b.contains("xss-&lt;script&gt;alert(&#39;id&#39;)&lt;/script&gt;"));
    assert!(b.contains(r#"<span class="ext-unsafe">javascript:alert(&#39;xss-url&#39;)</span>"#));
    // A quote in an http URL cannot leave the attribute.
    assert!(!b.contains(r#"href="https://example.org/">"#));

    // The killing: the conflicting figures of both articles side by side,
    // each with its (escaped) source and date, and the ACLED number.
    let killing = get(&format!("/event/{}", hostile_event(Kind::Killing))).await;
    let k = &killing.body;
    assert!(k.contains("b&gt;health ministry&lt;/b"), "source escaped");
    assert!(
        k.contains(r#"<span class="conflict">conflicting</span>"#),
        "12 vs 15 killed"
    );
    assert!(
        k.contains(r#"<div class="amount">at least 12</div>"#),
        "{k}"
    );
    assert!(k.contains(r#"<div class="amount">15</div>"#));
    assert!(k.contains("2022-01-06") && k.contains("2022-01-07"));
    assert!(k.contains(r#"class="acled-number">12<"#), "lowest credible");

    let search = get("/search?q=onerror").await;
    assert!(
        search.body.contains("<mark>onerror</mark>"),
        "{}",
        search.body
    );
    assert!(search.body.contains("&lt;img src=x"));
    let report = get(&format!("/report/{}", chronik_web::html::enc(HOSTILE_DOC))).await;
    assert!(
        report
            .body
            .contains("alert(&#39;xss-text&#39;)&lt;/script&gt;")
    );
}

#[tokio::test]
async fn router_downloads_are_exactly_the_filtered_set() {
    let store = Store::open_read_only(db()).unwrap();
    let filter = Filter {
        country: Some("KZ".into()),
        from: Some("2022-01".parse().unwrap()),
        ..Filter::default()
    };
    let events = store.events(&filter).unwrap();
    assert!(!events.is_empty());
    for (path, format) in [
        ("/events.csv", Format::Csv),
        ("/events.acled.csv", Format::Acled),
        ("/events.geojson", Format::Geojson),
        ("/events.jsonl", Format::Jsonl),
    ] {
        let uri = format!("{path}?country=kz&from=2022-01");
        let got = get(&uri).await;
        assert_eq!(got.status, StatusCode::OK, "{uri}");
        assert_secure(&uri, &got);
        assert!(
            got.headers
                .get(header::CONTENT_DISPOSITION)
                .unwrap()
                .to_str()
                .unwrap()
                .starts_with("attachment"),
            "{uri}"
        );
        let mut want = Vec::new();
        chronik_store::export::write(format, &events, &mut want).unwrap();
        assert_eq!(got.body, String::from_utf8(want).unwrap(), "{uri}");
    }
    // The table says the same number.
    let page = get("/events?country=KZ&from=2022-01").await;
    assert!(
        page.body
            .contains(&format!("<strong>{}</strong> event", events.len())),
        "count"
    );
}

#[tokio::test]
async fn router_timeline_has_brush_and_range_links() {
    let got = get("/?from=2022-01-01&to=2022-01-31").await;
    let b = &got.body;
    assert!(b.contains(r#"data-brush="1""#));
    assert!(
        b.contains(r#"data-from="2022-01-06" data-to="2022-01-06""#),
        "day bars"
    );
    assert!(b.contains(r#"class="selected""#));
    // Navigation carries the range to the other pages.
    assert!(b.contains(r#"href="/map?from=2022-01-01&amp;to=2022-01-31""#));
    assert!(b.contains(r#"href="/events?from=2022-01-01&amp;to=2022-01-31""#));
}

#[tokio::test]
async fn router_errors_and_assets() {
    let cases = [
        ("/event/ev-0000000000000000", StatusCode::NOT_FOUND),
        ("/report/nope", StatusCode::NOT_FOUND),
        ("/no/such/page", StatusCode::NOT_FOUND),
        ("/?from=yesterday", StatusCode::BAD_REQUEST),
        ("/events?country=%3Cscript%3E", StatusCode::BAD_REQUEST),
        ("/events.csv?from=never", StatusCode::BAD_REQUEST),
    ];
    for (uri, want) in cases {
        let got = get(uri).await;
        assert_eq!(got.status, want, "{uri}");
        assert_secure(uri, &got);
        assert!(!got.body.contains("<script>"), "{uri}");
    }
    let bad = get("/events?country=%3Cscript%3E").await;
    assert!(
        bad.body
            .contains("&quot;&lt;script&gt;&quot; is not an ISO")
    );

    for (uri, mime) in [
        ("/static/app.css", "text/css"),
        ("/static/app.js", "text/javascript"),
        ("/static/favicon.svg", "image/svg+xml"),
    ] {
        let got = get(uri).await;
        assert_eq!(got.status, StatusCode::OK, "{uri}");
        assert_secure(uri, &got);
        assert!(
            got.headers
                .get(header::CONTENT_TYPE)
                .unwrap()
                .to_str()
                .unwrap()
                .starts_with(mime)
        );
    }
    assert_eq!(
        get("/static/../Cargo.toml").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(get("/static/nope.js").await.status, StatusCode::NOT_FOUND);
}
