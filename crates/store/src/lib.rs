//! chronik-store: the chronicle in an embedded SQLite database.
//!
//! ```text
//! [(Document, DocResult)] ──Store::write_batch──▶ documents, mentions, figures, entities,
//!                                                 reports_fts, events (merged per block)
//! Store::events(&Filter) ──▶ [EventRow { reports, claims }] ──export::write──▶ jsonl | json
//!                                                                  | csv | acled | geojson
//! Store::claims / Store::event / Store::search
//! ```
//!
//! - **Schema**: versioned migrations ([`schema`]), `PRAGMA user_version`.
//! - **Writes**: one transaction per batch, WAL journal; the same report
//!   twice is stored once (by id, and by content hash); every block of
//!   mentions that receives a new one is re-clustered with
//!   [`chronik_merge::cluster()`] so the stored events are always those of
//!   one run over every stored report ([`mod@write`]). A process killed in the
//!   middle of a batch leaves the previous batches and nothing of the
//!   interrupted one; running the same ingest again completes it.
//! - **Reads**: events with filters, one event with every report and
//!   claim, claims per episode, full-text search with stemming
//!   ([`search`]).
//! - **Exports**: EVENTS.md §7 JSON Lines, ACLED's 31-column CSV, GeoJSON
//!   ([`export`]).
//!
//! The store never reads the clock: callers pass the time to stamp
//! changed events with ([`WriteOptions::now`]).
#![deny(missing_docs)]

pub mod countries;
mod error;
pub mod export;
mod query;
pub mod schema;
pub mod search;
pub mod write;

use std::path::Path;

use chronik_model::{DocResult, Document, FigureWhat, PartialDate};
use rusqlite::{Connection, OpenFlags, TransactionBehavior};
use serde::Serialize;

pub use error::StoreError;
pub use export::{ACLED_COLUMNS, Format};
pub use query::{ClaimRow, EpisodeClaims, EventRow, Filter, Report, WhatClaims};
pub use search::Stemmers;
pub use write::{BatchStats, Prepared, WriteOptions, WriteStage, content_hash};

/// The chronicle database.
pub struct Store {
    conn: Connection,
    stemmers: Stemmers,
    cache: write::BlockCache,
}

/// How many rows each table holds.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Stored reports.
    pub documents: usize,
    /// Reports seen again under another id.
    pub duplicates: usize,
    /// Event mentions.
    pub mentions: usize,
    /// Figures.
    pub figures: usize,
    /// Merged events.
    pub events: usize,
    /// Places, countries, sources and outlets.
    pub entities: usize,
}

/// See [`Store::merge_checks`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct MergeChecks {
    /// Events merging more than one kind family.
    pub cross_family: usize,
    /// Events of local happenings (street events, see
    /// [`chronik_merge::Family::is_local`]) merging more than one named
    /// place. Acts of a state merge per country by design.
    pub cross_place: usize,
    /// Events merging more than one kind (same family).
    pub cross_kind: usize,
    /// Events told by more than one report.
    pub multi_document: usize,
}

/// One search result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    /// Document id.
    pub id: String,
    /// URL.
    pub url: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Report date.
    pub date: Option<PartialDate>,
    /// Language.
    pub lang: Option<String>,
    /// Words around the first match, matches in «».
    pub snippet: String,
    /// Events the report's mentions belong to.
    pub events: Vec<String>,
}

impl Store {
    /// Opens (creating if needed) the database at `path`, in WAL mode, and
    /// brings its schema up to date.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        Store::setup(Connection::open(path)?, true)
    }

    /// Opens an existing database; never creates one.
    pub fn open_existing(path: &Path) -> Result<Store, StoreError> {
        if !path.exists() {
            return Err(StoreError::Missing(path.display().to_string()));
        }
        Store::open(path)
    }

    /// Opens an existing database read-only (a second connection beside a
    /// writer, e.g. to skip known reports before extracting them).
    pub fn open_read_only(path: &Path) -> Result<Store, StoreError> {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        Ok(Store {
            conn,
            stemmers: Stemmers::default(),
            cache: write::BlockCache::default(),
        })
    }

    /// A fresh database in memory (tests, evaluation).
    pub fn in_memory() -> Result<Store, StoreError> {
        Store::setup(Connection::open_in_memory()?, false)
    }

    fn setup(mut conn: Connection, file: bool) -> Result<Store, StoreError> {
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        if file {
            // WAL: readers never block the writer, and a crash leaves the
            // last committed batch. NORMAL sync is safe against process
            // crashes (only a power loss may drop the latest commits).
            conn.pragma_update(None, "journal_mode", "WAL")?;
            conn.pragma_update(None, "synchronous", "NORMAL")?;
        }
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.pragma_update(None, "cache_size", -32_000)?;
        conn.pragma_update(None, "temp_store", "MEMORY")?;
        schema::migrate(&mut conn)?;
        Ok(Store {
            conn,
            stemmers: Stemmers::default(),
            cache: write::BlockCache::default(),
        })
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<u32, StoreError> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    /// Writes one batch of extracted reports in one transaction (see
    /// [`mod@write`]). On error — or if a hook panics — nothing of the batch
    /// is kept.
    pub fn write_batch(
        &mut self,
        batch: &[(Document, DocResult)],
        opts: &WriteOptions<'_>,
    ) -> Result<BatchStats, StoreError> {
        let prepared: Vec<Prepared> = batch
            .iter()
            .map(|(d, r)| Prepared::new(d.clone(), r.clone(), &self.stemmers))
            .collect();
        self.write_prepared(&prepared, opts)
    }

    /// [`Store::write_batch`] for reports prepared beforehand
    /// ([`Prepared::new`], e.g. on worker threads).
    pub fn write_prepared(
        &mut self,
        batch: &[Prepared],
        opts: &WriteOptions<'_>,
    ) -> Result<BatchStats, StoreError> {
        // The block cache is taken out for the batch and put back only
        // after the commit: a failed or interrupted batch drops it.
        let mut cache = std::mem::take(&mut self.cache);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let version: i64 = tx.query_row("PRAGMA data_version", [], |r| r.get(0))?;
        if cache.data_version != Some(version) {
            // Another connection wrote since our last commit (or this is
            // the first batch): start from the database.
            cache = write::BlockCache::default();
        }
        let stats = write::write_batch(&tx, batch, opts, &mut cache)?;
        tx.commit()?;
        cache.data_version = Some(
            self.conn
                .query_row("PRAGMA data_version", [], |r| r.get(0))?,
        );
        self.cache = cache;
        Ok(stats)
    }

    /// True when a report with this id is stored (or recorded as a
    /// duplicate).
    pub fn contains_document(&self, id: &str) -> Result<bool, StoreError> {
        Ok(self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM documents WHERE id = ?1)
                 OR EXISTS (SELECT 1 FROM duplicates WHERE id = ?1)",
            [id],
            |r| r.get(0),
        )?)
    }

    /// Row counts.
    pub fn counts(&self) -> Result<Counts, StoreError> {
        let n = |table: &str| -> Result<usize, StoreError> {
            Ok(self
                .conn
                .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| {
                    r.get::<_, i64>(0)
                })? as usize)
        };
        Ok(Counts {
            documents: n("documents")?,
            duplicates: n("duplicates")?,
            mentions: n("mentions")?,
            figures: n("figures")?,
            events: n("events")?,
            entities: n("entities")?,
        })
    }

    /// `PRAGMA integrity_check`: "ok" when the file is sound.
    pub fn integrity_check(&self) -> Result<String, StoreError> {
        let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
        let lines: Vec<String> = stmt
            .query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        Ok(lines.join("\n"))
    }

    /// Events matching `filter`, with their reports and claims.
    pub fn events(&self, filter: &Filter) -> Result<Vec<EventRow>, StoreError> {
        query::events(&self.conn, filter)
    }

    /// One event by id, by a unique prefix of it, or by its ACLED
    /// `event_id_cnty`.
    pub fn event(&self, id: &str) -> Result<Option<EventRow>, StoreError> {
        let id = id.trim();
        if let Some(found) = query::event(&self.conn, id)? {
            return Ok(Some(found));
        }
        // ACLED form: ISO3 letters, then the 16 hex digits.
        if id.len() == 19 && id[..3].chars().all(|c| c.is_ascii_uppercase()) {
            return query::event(&self.conn, &format!("ev-{}", &id[3..]));
        }
        Ok(None)
    }

    /// Claims per episode; `what` and `country` narrow.
    pub fn claims(
        &self,
        what: Option<FigureWhat>,
        country: Option<&str>,
    ) -> Result<Vec<EpisodeClaims>, StoreError> {
        query::claims(&self.conn, what, country)
    }

    /// The text of a stored report.
    pub fn document_text(&self, id: &str) -> Result<Option<String>, StoreError> {
        use rusqlite::OptionalExtension;
        Ok(self
            .conn
            .query_row("SELECT text FROM documents WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()?)
    }

    /// The mentions of a stored report, in text order: (span, kind, event).
    pub fn document_mentions(
        &self,
        id: &str,
    ) -> Result<Vec<(chronik_model::CharSpan, chronik_model::Kind, Option<String>)>, StoreError>
    {
        let mut stmt = self.conn.prepare_cached(
            "SELECT m.span_start, m.span_end, m.kind, m.event_id
             FROM mentions m JOIN documents d ON d.doc = m.doc
             WHERE d.id = ?1 ORDER BY m.ordinal",
        )?;
        let rows: Vec<(i64, i64, String, Option<String>)> = stmt
            .query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
            .collect::<Result<_, _>>()?;
        rows.into_iter()
            .map(|(s, e, k, ev)| {
                Ok((
                    chronik_model::CharSpan::new(s as usize, e as usize),
                    query::parse_enum(&k)?,
                    ev,
                ))
            })
            .collect()
    }

    /// Sanity counts over merged events: how many merge mentions of more
    /// than one kind family (must be 0), local happenings in more than one
    /// named place (must be 0: different cities never merge), and more
    /// than one kind (allowed within a family: riot + crowd_control).
    pub fn merge_checks(&self) -> Result<MergeChecks, StoreError> {
        let n = |filter: &str, having: &str| -> Result<usize, StoreError> {
            Ok(self.conn.query_row(
                &format!(
                    "SELECT count(*) FROM (SELECT event_id FROM mentions
                     WHERE event_id IS NOT NULL {filter} GROUP BY event_id HAVING {having})"
                ),
                [],
                |r| r.get::<_, i64>(0),
            )? as usize)
        };
        let local: Vec<String> = chronik_merge::Family::ALL
            .iter()
            .filter(|f| f.is_local())
            .map(|f| format!("'{}'", f.as_str()))
            .collect();
        let local = format!("AND family IN ({})", local.join(", "));
        Ok(MergeChecks {
            cross_family: n("", "count(DISTINCT family) > 1")?,
            cross_place: n(
                &local,
                "count(DISTINCT coalesce(CAST(geonames_id AS TEXT), lower(place))) > 1",
            )?,
            cross_kind: n("", "count(DISTINCT kind) > 1")?,
            multi_document: n("", "count(DISTINCT doc) > 1")?,
        })
    }

    /// Full-text search over the reports (see [`search`]), best first.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<Hit>, StoreError> {
        let Some(expr) = search::fts_query(&self.stemmers, query) else {
            return Ok(Vec::new());
        };
        let mut stmt = self.conn.prepare(
            "SELECT d.doc, d.id, d.url, d.outlet, d.date, d.lang, d.text
             FROM reports_fts JOIN documents d ON d.doc = reports_fts.rowid
             WHERE reports_fts MATCH ?1
             ORDER BY bm25(reports_fts), d.id
             LIMIT ?2",
        )?;
        type Row = (i64, String, Option<String>, Option<String>, Option<String>);
        let rows: Vec<(Row, Option<String>, String)> = stmt
            .query_map(rusqlite::params![expr, limit as i64], |r| {
                Ok((
                    (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?),
                    r.get(5)?,
                    r.get(6)?,
                ))
            })?
            .collect::<Result<_, _>>()?;
        let mut events_of = self.conn.prepare(
            "SELECT DISTINCT event_id FROM mentions WHERE doc = ?1 AND event_id IS NOT NULL
             ORDER BY event_id",
        )?;
        let mut hits = Vec::new();
        for ((doc, id, url, outlet, date), lang, text) in rows {
            let events: Vec<String> = events_of
                .query_map([doc], |r| r.get(0))?
                .collect::<Result<_, _>>()?;
            hits.push(Hit {
                snippet: search::snippet(&self.stemmers, &text, lang.as_deref(), query),
                id,
                url,
                outlet,
                date: date.as_deref().and_then(|d| PartialDate::parse(d).ok()),
                lang,
                events,
            });
        }
        Ok(hits)
    }

    /// Every content row as sorted text lines, keyed by natural keys (ids,
    /// ordinals) rather than row ids: two databases holding the same
    /// chronicle dump the same. `events.updated_at` is left out.
    pub fn dump(&self) -> Result<String, StoreError> {
        let queries = [
            "SELECT 'document', id, content_hash, url, outlet, date, lang, relevant, focus_place,
                focus_country, focus_geonames_id FROM documents",
            "SELECT 'duplicate', u.id, u.url, d.id FROM duplicates u JOIN documents d ON d.doc = u.of_doc",
            "SELECT 'mention', d.id, m.ordinal, m.kind, m.family, m.type, m.sub_type, m.evidence,
                m.span_start, m.span_end, m.date, m.place, m.country, m.geonames_id, m.admin1,
                m.lat, m.lon, m.geo_precision, m.actor1, m.actor2, m.hedged, m.source, m.block,
                m.count, m.event_id
             FROM mentions m JOIN documents d ON d.doc = m.doc",
            "SELECT 'figure', d.id, f.ordinal, f.what, f.low, f.high, f.qualifier, f.evidence,
                f.span_start, f.span_end, f.hedged, f.source, f.mention_ordinal
             FROM figures f JOIN documents d ON d.doc = f.doc",
            "SELECT 'entity', kind, key, name, country, geonames_id, admin1, lat, lon FROM entities",
            "SELECT 'mention_entity', d.id, m.ordinal, e.kind, e.key, me.role
             FROM mention_entities me JOIN mentions m ON m.mention = me.mention
             JOIN documents d ON d.doc = m.doc JOIN entities e ON e.entity = me.entity",
            "SELECT 'event', event_id, block, family, kind, type, sub_type, date, day_lo, day_hi,
                place, place_folded, country, geonames_id, admin1, lat, lon, geo_precision,
                actor1, actor2, hedged, n_reports, n_documents, n_sources, first_report
             FROM events",
            "SELECT 'fts', d.id FROM reports_fts f JOIN documents d ON d.doc = f.rowid",
        ];
        let mut lines: Vec<String> = Vec::new();
        for q in queries {
            let mut stmt = self.conn.prepare(q)?;
            let n = stmt.column_count();
            let rows = stmt.query_map([], |r| {
                let mut cols = Vec::with_capacity(n);
                for i in 0..n {
                    let v: rusqlite::types::Value = r.get(i)?;
                    cols.push(format!("{v:?}"));
                }
                Ok(cols.join("\t"))
            })?;
            for row in rows {
                lines.push(row?);
            }
        }
        lines.sort();
        Ok(lines.join("\n"))
    }
}
