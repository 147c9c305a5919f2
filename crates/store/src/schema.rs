//! The versioned schema: an ordered list of migrations, applied in one
//! transaction each; `PRAGMA user_version` holds how many have run.
//!
//! Add a migration by appending to [`MIGRATIONS`]; never edit one that has
//! shipped. A database newer than this binary is refused.

use rusqlite::Connection;

use crate::error::StoreError;

/// Migration `i` brings a database from version `i` to `i + 1`.
pub const MIGRATIONS: &[&str] = &[
    // 1: documents, mentions, figures, entities, events, full-text search.
    r#"
CREATE TABLE documents (
    doc           INTEGER PRIMARY KEY,
    id            TEXT NOT NULL UNIQUE,
    content_hash  TEXT NOT NULL,
    url           TEXT,
    outlet        TEXT,
    date          TEXT,
    lang          TEXT,
    text          TEXT NOT NULL,
    relevant      INTEGER NOT NULL,
    -- The town the report is mainly about (chronik_merge::focus).
    focus_place         TEXT,
    focus_country       TEXT,
    focus_geonames_id   INTEGER,
    focus_admin1        TEXT,
    focus_lat           REAL,
    focus_lon           REAL,
    focus_geo_precision INTEGER
);
CREATE INDEX documents_hash ON documents(content_hash);

-- Reports seen again under another id (same text): stored once.
CREATE TABLE duplicates (
    id      TEXT PRIMARY KEY,
    url     TEXT,
    of_doc  INTEGER NOT NULL REFERENCES documents(doc)
);

CREATE TABLE mentions (
    mention       INTEGER PRIMARY KEY,
    doc           INTEGER NOT NULL REFERENCES documents(doc),
    ordinal       INTEGER NOT NULL,
    kind          TEXT NOT NULL,
    family        TEXT NOT NULL,
    type          TEXT NOT NULL,
    sub_type      TEXT NOT NULL,
    evidence      TEXT NOT NULL,
    span_start    INTEGER NOT NULL,
    span_end      INTEGER NOT NULL,
    date          TEXT,
    place         TEXT,
    country       TEXT,
    geonames_id   INTEGER,
    admin1        TEXT,
    lat           REAL,
    lon           REAL,
    geo_precision INTEGER,
    actor1        TEXT,
    actor2        TEXT,
    hedged        INTEGER NOT NULL,
    source        TEXT,
    block         TEXT NOT NULL,
    -- People the report counts for it (chronik_merge::MentionRecord::count).
    count         INTEGER,
    event_id      TEXT,
    UNIQUE (doc, ordinal)
);
CREATE INDEX mentions_block ON mentions(block);
CREATE INDEX mentions_event ON mentions(event_id);

CREATE TABLE figures (
    figure          INTEGER PRIMARY KEY,
    doc             INTEGER NOT NULL REFERENCES documents(doc),
    ordinal         INTEGER NOT NULL,
    what            TEXT NOT NULL,
    low             INTEGER,
    high            INTEGER,
    qualifier       TEXT NOT NULL,
    evidence        TEXT NOT NULL,
    span_start      INTEGER NOT NULL,
    span_end        INTEGER NOT NULL,
    hedged          INTEGER NOT NULL,
    source          TEXT,
    mention_ordinal INTEGER,
    UNIQUE (doc, ordinal)
);
CREATE INDEX figures_what ON figures(what);

-- Named things: places, countries, sources (who a claim is attributed to)
-- and outlets, each once.
CREATE TABLE entities (
    entity       INTEGER PRIMARY KEY,
    kind         TEXT NOT NULL,
    key          TEXT NOT NULL,
    name         TEXT NOT NULL,
    country      TEXT,
    geonames_id  INTEGER,
    admin1       TEXT,
    lat          REAL,
    lon          REAL,
    UNIQUE (kind, key)
);
CREATE TABLE mention_entities (
    mention  INTEGER NOT NULL REFERENCES mentions(mention),
    entity   INTEGER NOT NULL REFERENCES entities(entity),
    role     TEXT NOT NULL,
    PRIMARY KEY (mention, entity, role)
) WITHOUT ROWID;

-- Merged events: the output of chronik_merge::cluster per block.
CREATE TABLE events (
    event_id      TEXT PRIMARY KEY,
    block         TEXT NOT NULL,
    family        TEXT NOT NULL,
    kind          TEXT NOT NULL,
    type          TEXT NOT NULL,
    sub_type      TEXT NOT NULL,
    date          TEXT,
    day_lo        INTEGER,
    day_hi        INTEGER,
    place         TEXT,
    place_folded  TEXT,
    country       TEXT,
    geonames_id   INTEGER,
    admin1        TEXT,
    lat           REAL,
    lon           REAL,
    geo_precision INTEGER,
    actor1        TEXT,
    actor2        TEXT,
    hedged        INTEGER NOT NULL,
    n_reports     INTEGER NOT NULL,
    n_documents   INTEGER NOT NULL,
    n_sources     INTEGER NOT NULL,
    first_report  TEXT,
    signature     TEXT NOT NULL,
    updated_at    INTEGER NOT NULL
);
CREATE INDEX events_block ON events(block);
CREATE INDEX events_day ON events(day_lo);
CREATE INDEX events_country ON events(country);

-- Full-text index of the reports: `raw` as written, `stem` the same words
-- stemmed by frostem in the report's language (FTS5 cannot stem German or
-- Russian itself). rowid = documents.doc. Contentless: the text is in
-- `documents` already, the index is all search needs.
CREATE VIRTUAL TABLE reports_fts USING fts5(
    raw, stem, content = '', tokenize = 'unicode61 remove_diacritics 2'
);
"#,
];

/// The schema version this binary writes.
pub fn current_version() -> u32 {
    MIGRATIONS.len() as u32
}

/// Brings `conn` to the current version.
pub fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    let version: u32 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if version > current_version() {
        return Err(StoreError::TooNew {
            found: version,
            supported: current_version(),
        });
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(version as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", i as u32 + 1)?;
        tx.commit()?;
    }
    Ok(())
}
