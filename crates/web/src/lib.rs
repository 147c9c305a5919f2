//! chronik-web: the chronicle as a local web page (`chronik serve`).
//!
//! ```text
//! GET /            timeline: events per day by kind, brush → from/to
//! GET /map         country outlines (Natural Earth), events sized by reports
//! GET /events      the table with the filters of `chronik events`, sortable
//! GET /events.csv | .acled.csv | .geojson | .jsonl   exactly the filtered set
//! GET /event/{id}  every report with its text, evidence marked, figures side by side
//! GET /report/{id} one report with all its mentions
//! GET /claims      how each figure developed, per source (SVG chart)
//! GET /search?q=   full-text search over the reports
//! ```
//!
//! Every page is HTML rendered on the server, charts and map as inline
//! SVG; the filter travels in the query string, so every page of a filter
//! is a plain link. The only script is `/static/app.js` (the brush of the
//! timeline); without it the range form does the same.
//!
//! Safety: every piece of stored text is escaped ([`html::esc`]), report
//! URLs are linked only when `http(s)`, and each response carries a strict
//! Content-Security-Policy ([`CSP`]) with no inline script or style. All
//! assets are compiled in. The server binds to 127.0.0.1 unless told
//! otherwise, only reads the database, and fetches nothing.
//!
//! This is the workspace's only async crate (axum on tokio); store queries
//! run on blocking threads ([`Chronicle`]).
#![deny(missing_docs)]

mod assets;
mod charts;
mod data;
pub mod html;
mod pages;
pub mod params;
mod places;
mod world;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use axum::Router;
use axum::http::{HeaderValue, header};
use axum::response::Response;
use axum::routing::get;
use chronik_store::StoreError;

pub use data::Chronicle;

/// The Content-Security-Policy of every response: only this server's own
/// scripts, styles and images; no inline script, no inline style, no
/// plugins, no framing.
pub const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; \
    img-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; \
    form-action 'self'; frame-ancestors 'none'";

/// Why serving failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum WebError {
    /// The store reported an error.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Binding or serving the socket failed (the cause is the source).
    #[error("network")]
    Io(#[from] std::io::Error),
    /// A blocking query task panicked or was cancelled.
    #[error("query task failed: {0}")]
    Task(String),
}

/// How to serve.
#[derive(Debug, Clone)]
pub struct Config {
    /// The chronicle database.
    pub db: PathBuf,
    /// Address to bind (port 0: any free port).
    pub addr: SocketAddr,
}

/// The application: every route, with the security headers.
pub fn router(chronicle: Arc<Chronicle>) -> Router {
    Router::new()
        .route("/", get(pages::timeline::page))
        .route("/map", get(pages::map::page))
        .route("/events", get(pages::table::page))
        .route("/events.csv", get(pages::table::csv))
        .route("/events.acled.csv", get(pages::table::acled))
        .route("/events.geojson", get(pages::table::geojson))
        .route("/events.jsonl", get(pages::table::jsonl))
        .route("/event/{id}", get(pages::event::page))
        .route("/report/{id}", get(pages::report::page))
        .route("/claims", get(pages::claims::page))
        .route("/search", get(pages::search::page))
        .route("/static/{file}", get(assets::get))
        .fallback(pages::not_found)
        .layer(axum::middleware::map_response(security_headers))
        .with_state(chronicle)
}

async fn security_headers(mut res: Response) -> Response {
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    res
}

/// Opens the database, binds, calls `ready` with the bound address, and
/// serves until Ctrl-C or SIGTERM. Builds its own tokio runtime, so the
/// caller stays synchronous.
pub fn serve_blocking(config: Config, ready: impl FnOnce(SocketAddr)) -> Result<(), WebError> {
    let chronicle = Arc::new(Chronicle::open(&config.db)?);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let listener = listen(config.addr)?;
        ready(listener.local_addr()?);
        // Fill the cache of the first page in the background, so the first
        // visitor does not wait for it; a failure shows on that page.
        let warm = Arc::clone(&chronicle);
        tokio::spawn(async move {
            let _ = warm.events(&params::FilterKey::default()).await;
        });
        tokio::task::spawn_blocking(places::warm);
        axum::serve(listener, router(chronicle))
            .with_graceful_shutdown(shutdown())
            .await?;
        Ok(())
    })
}

/// The listening socket, with a backlog for bursts of connections (the
/// default of 128 drops SYNs when hundreds of clients connect at once,
/// which costs them a one-second retransmit).
fn listen(addr: SocketAddr) -> std::io::Result<tokio::net::TcpListener> {
    let socket = if addr.is_ipv4() {
        tokio::net::TcpSocket::new_v4()?
    } else {
        tokio::net::TcpSocket::new_v6()?
    };
    socket.set_reuseaddr(true)?;
    socket.bind(addr)?;
    socket.listen(1024)
}

async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
}
