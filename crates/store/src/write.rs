//! Writing a batch of extracted reports: one transaction per batch.
//!
//! Inside the transaction, in order:
//! 1. each report is stored unless known — by id (the same id again is the
//!    same report) or by content hash (the same text under another id is
//!    recorded in `duplicates` and not stored twice); an id seen before
//!    with *different* text keeps the first version and is reported as a
//!    conflict;
//! 2. its text goes into the full-text index, its mentions and figures
//!    into their tables (each figure linked to the mention it counts for),
//!    places, countries, sources and outlets into `entities`;
//! 3. every block (kind family × country) that received a mention is
//!    re-clustered from *all* its stored mentions with
//!    [`chronik_merge::cluster()`], and only the events that changed are
//!    written.
//!
//! Re-clustering a block costs time in proportion to its size. The single
//! writer keeps the blocks it has loaded (`BlockCache`, bounded, dropped
//! when a batch fails or another connection writes), so a batch reads only
//! the mentions it adds. Blocks are per family and country, with no time
//! bucket, because undated reports must be able to join dated events; a
//! chronicle spanning years of one country's news would want a time bucket
//! in the block key.
//!
//! Because step 3 is a function of the stored set of mentions, the
//! database after any sequence of batches — in any order, interrupted and
//! resumed, or repeated — equals the database after one run over the same
//! reports (apart from `events.updated_at`, the time an event last
//! changed).

use std::collections::{BTreeSet, HashMap, HashSet};

use chronik_merge::{
    Family, MentionRecord, Place, block_key, cluster, fnv1a64, focus, fold, link_figures, stable_id,
};
use chronik_model::{DocResult, Document, FigureWhat, Kind, Location, PartialDate};
use rusqlite::{OptionalExtension, Transaction, params};

use crate::countries::outlet;
use crate::error::StoreError;
use crate::query::{parse_date, parse_enum};
use crate::search::Stemmers;

/// Points inside a batch's transaction where a [`WriteOptions::hook`] is
/// called (for tests that interrupt a write).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WriteStage {
    /// Reports, mentions and figures are written, events not yet.
    ReportsWritten,
    /// Events are written; the commit comes next.
    EventsWritten,
}

/// How to write a batch.
#[derive(Clone, Copy, Default)]
pub struct WriteOptions<'a> {
    /// Unix seconds stored as `updated_at` of events that change (the
    /// store never reads the clock itself).
    pub now: i64,
    /// Called at each [`WriteStage`] inside the transaction; a test hook
    /// that may panic or end the process to simulate a crash.
    pub hook: Option<&'a dyn Fn(WriteStage)>,
}

/// What a batch did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BatchStats {
    /// Reports in the batch.
    pub documents: usize,
    /// Reports stored now.
    pub new: usize,
    /// Reports already stored under the same id (skipped).
    pub known: usize,
    /// Reports whose text is already stored under another id.
    pub duplicates: usize,
    /// Ids already stored with a different text (the first text is kept).
    pub conflicts: Vec<String>,
    /// Mentions stored.
    pub mentions: usize,
    /// Figures stored.
    pub figures: usize,
    /// Blocks re-clustered.
    pub blocks: usize,
    /// Events written (new or changed).
    pub events_written: usize,
    /// Events that disappeared (merged into others).
    pub events_removed: usize,
}

impl BatchStats {
    /// Adds another batch's numbers.
    pub fn add(&mut self, other: &BatchStats) {
        self.documents += other.documents;
        self.new += other.new;
        self.known += other.known;
        self.duplicates += other.duplicates;
        self.conflicts.extend(other.conflicts.iter().cloned());
        self.mentions += other.mentions;
        self.figures += other.figures;
        self.blocks += other.blocks;
        self.events_written += other.events_written;
        self.events_removed += other.events_removed;
    }
}

/// 128 bits of content hash as 32 hex digits.
pub fn content_hash(text: &str) -> String {
    let a = fnv1a64(text.as_bytes());
    let mut salted = Vec::with_capacity(text.len() + 1);
    salted.push(0x9e);
    salted.extend_from_slice(text.as_bytes());
    format!("{a:016x}{:016x}", fnv1a64(&salted))
}

/// A report ready to store: everything computed that needs no database
/// (content hash, stemmed text, focus town, kind families, figure links),
/// so that callers can prepare reports on worker threads while the single
/// writer stores the previous batch.
#[derive(Debug, Clone)]
pub struct Prepared {
    /// The report.
    pub doc: Document,
    /// Its extraction result.
    pub result: DocResult,
    hash: String,
    stem: String,
    lang: Option<String>,
    focus: Option<Location>,
    families: Vec<Family>,
    counts: Vec<Option<u64>>,
    links: Vec<Option<usize>>,
}

impl Prepared {
    /// Prepares one report.
    pub fn new(doc: Document, result: DocResult, stemmers: &Stemmers) -> Prepared {
        let lang = doc.lang.clone().or_else(|| result.lang.clone());
        let links = link_figures(
            &doc.text,
            &result
                .events
                .iter()
                .map(|m| (m.span, m.kind))
                .collect::<Vec<_>>(),
            &result
                .figures
                .iter()
                .map(|f| (f.span, f.what))
                .collect::<Vec<_>>(),
        );
        Prepared {
            hash: content_hash(&doc.text),
            stem: stemmers.stem_text(&doc.text, lang.as_deref()),
            focus: focus(result.events.iter().map(|m| m.location.as_ref())),
            families: result
                .events
                .iter()
                .map(|m| Family::of(m.kind, &m.evidence))
                .collect(),
            counts: result
                .events
                .iter()
                .enumerate()
                .map(|(i, m)| {
                    result
                        .figures
                        .iter()
                        .zip(&links)
                        .filter(|(f, link)| **link == Some(i) && counts_for(f.what, m.kind))
                        .filter_map(|(f, _)| f.low)
                        .max()
                })
                .collect(),
            lang,
            links,
            doc,
            result,
        }
    }
}

/// True when a figure of `what` counts the people of a mention of `kind`
/// (the dead of a killing, the detained of an arrest).
fn counts_for(what: FigureWhat, kind: Kind) -> bool {
    matches!(
        (what, kind),
        (FigureWhat::Killed, Kind::Killing | Kind::Shooting) | (FigureWhat::Arrested, Kind::Arrest)
    )
}

pub(crate) fn write_batch(
    tx: &Transaction<'_>,
    batch: &[Prepared],
    opts: &WriteOptions<'_>,
    cache: &mut BlockCache,
) -> Result<BatchStats, StoreError> {
    let mut stats = BatchStats {
        documents: batch.len(),
        ..BatchStats::default()
    };
    let mut blocks: BTreeSet<String> = BTreeSet::new();
    let mut entities = EntityCache::default();
    let mut by_id = tx.prepare_cached("SELECT content_hash FROM documents WHERE id = ?1")?;
    let mut dup_by_id = tx.prepare_cached("SELECT 1 FROM duplicates WHERE id = ?1")?;
    let mut by_hash = tx.prepare_cached("SELECT doc FROM documents WHERE content_hash = ?1")?;
    let mut add_dup =
        tx.prepare_cached("INSERT INTO duplicates (id, url, of_doc) VALUES (?1, ?2, ?3)")?;
    for p in batch {
        let doc = &p.doc;
        let hash = &p.hash;
        let known: Option<String> = by_id.query_row([&doc.id], |r| r.get(0)).optional()?;
        if let Some(h) = known {
            if &h == hash {
                stats.known += 1;
            } else {
                stats.conflicts.push(doc.id.clone());
            }
            continue;
        }
        let dup_known: bool = dup_by_id
            .query_row([&doc.id], |_| Ok(()))
            .optional()?
            .is_some();
        if dup_known {
            stats.known += 1;
            continue;
        }
        let same_text: Option<i64> = by_hash.query_row([hash], |r| r.get(0)).optional()?;
        if let Some(of) = same_text {
            add_dup.execute(params![doc.id, doc.url, of])?;
            stats.duplicates += 1;
            continue;
        }
        let (m, f) = insert_report(tx, p, &mut entities, &mut blocks)?;
        stats.new += 1;
        stats.mentions += m;
        stats.figures += f;
    }
    if let Some(hook) = opts.hook {
        hook(WriteStage::ReportsWritten);
    }
    for block in &blocks {
        let (written, removed) = recluster(tx, block, opts.now, cache)?;
        stats.events_written += written;
        stats.events_removed += removed;
    }
    stats.blocks = blocks.len();
    if let Some(hook) = opts.hook {
        hook(WriteStage::EventsWritten);
    }
    Ok(stats)
}

/// Entity ids seen in this batch.
#[derive(Default)]
struct EntityCache(HashMap<(&'static str, String), i64>);

impl EntityCache {
    #[allow(clippy::too_many_arguments)]
    fn get(
        &mut self,
        tx: &Transaction<'_>,
        kind: &'static str,
        key: String,
        name: &str,
        location: Option<&Location>,
    ) -> Result<i64, StoreError> {
        if let Some(&id) = self.0.get(&(kind, key.clone())) {
            return Ok(id);
        }
        tx.prepare_cached(
            "INSERT INTO entities (kind, key, name, country, geonames_id, admin1, lat, lon)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (kind, key) DO NOTHING",
        )?
        .execute(params![
            kind,
            key,
            name,
            location.and_then(|l| l.country.as_deref()),
            location.and_then(|l| l.geonames_id).map(|g| g as i64),
            location.and_then(|l| l.admin1.as_deref()),
            location.and_then(|l| l.lat),
            location.and_then(|l| l.lon),
        ])?;
        let id: i64 = tx
            .prepare_cached("SELECT entity FROM entities WHERE kind = ?1 AND key = ?2")?
            .query_row(params![kind, key], |r| r.get(0))?;
        self.0.insert((kind, key), id);
        Ok(id)
    }
}

fn insert_report(
    tx: &Transaction<'_>,
    p: &Prepared,
    entities: &mut EntityCache,
    blocks: &mut BTreeSet<String>,
) -> Result<(usize, usize), StoreError> {
    let (doc, result, hash) = (&p.doc, &p.result, &p.hash);
    let lang = &p.lang;
    let outlet = doc.url.as_deref().and_then(outlet);
    let f = p.focus.as_ref();
    tx.prepare_cached(
        "INSERT INTO documents (id, content_hash, url, outlet, date, lang, text, relevant,
            focus_place, focus_country, focus_geonames_id, focus_admin1, focus_lat, focus_lon,
            focus_geo_precision)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
    )?
    .execute(params![
        doc.id,
        hash,
        doc.url,
        outlet,
        doc.date.map(|d| d.to_string()),
        lang,
        doc.text,
        result.relevant,
        f.and_then(|l| l.name.as_deref()),
        f.and_then(|l| l.country.as_deref()),
        f.and_then(|l| l.geonames_id).map(|g| g as i64),
        f.and_then(|l| l.admin1.as_deref()),
        f.and_then(|l| l.lat),
        f.and_then(|l| l.lon),
        f.and_then(|l| l.geo_precision).map(i64::from),
    ])?;
    let rowid = tx.last_insert_rowid();
    tx.prepare_cached("INSERT INTO reports_fts (rowid, raw, stem) VALUES (?1, ?2, ?3)")?
        .execute(params![rowid, doc.text, p.stem])?;
    if let Some(o) = &outlet {
        entities.get(tx, "outlet", o.clone(), o, None)?;
    }
    let links = &p.links;
    let mut insert_mention = tx.prepare_cached(
        "INSERT INTO mentions (doc, ordinal, kind, family, type, sub_type, evidence, span_start,
            span_end, date, place, country, geonames_id, admin1, lat, lon, geo_precision, actor1,
            actor2, hedged, source, block, count)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,
            ?19, ?20, ?21, ?22, ?23)",
    )?;
    let mut link_entity = tx.prepare_cached(
        "INSERT OR IGNORE INTO mention_entities (mention, entity, role) VALUES (?1, ?2, ?3)",
    )?;
    for (i, m) in result.events.iter().enumerate() {
        let family = p.families[i];
        let block = block_key(family, m.location.as_ref());
        let loc = m.location.as_ref();
        insert_mention.execute(params![
            rowid,
            i as i64,
            m.kind.as_str(),
            family.as_str(),
            m.event_type().as_str(),
            m.sub_type.as_str(),
            m.evidence,
            m.span.start as i64,
            m.span.end as i64,
            m.date.map(|d| d.to_string()),
            loc.and_then(|l| l.name.as_deref()),
            loc.and_then(|l| l.country.as_deref()),
            loc.and_then(|l| l.geonames_id).map(|g| g as i64),
            loc.and_then(|l| l.admin1.as_deref()),
            loc.and_then(|l| l.lat),
            loc.and_then(|l| l.lon),
            loc.and_then(|l| l.geo_precision).map(i64::from),
            m.actor1.map(|a| a.as_str()),
            m.actor2.map(|a| a.as_str()),
            m.hedged,
            m.source,
            block,
            p.counts[i].map(|c| c as i64),
        ])?;
        let mention = tx.last_insert_rowid();
        blocks.insert(block);
        if let Some(l) = loc
            && let Some(key) = Place::of(Some(l)).key()
        {
            let kind = if l.name.is_some() { "place" } else { "country" };
            let name = l.name.as_deref().or(l.country.as_deref()).unwrap_or("");
            let id = entities.get(tx, kind, key, name, Some(l))?;
            link_entity.execute(params![mention, id, kind])?;
        }
        if let Some(s) = m.source.as_deref().filter(|s| !s.trim().is_empty()) {
            let id = entities.get(tx, "source", fold(s), s.trim(), None)?;
            link_entity.execute(params![mention, id, "source"])?;
        }
    }
    let mut insert_figure = tx.prepare_cached(
        "INSERT INTO figures (doc, ordinal, what, low, high, qualifier, evidence, span_start,
            span_end, hedged, source, mention_ordinal)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?;
    for (i, f) in result.figures.iter().enumerate() {
        insert_figure.execute(params![
            rowid,
            i as i64,
            f.what.as_str(),
            f.low.map(|v| v as i64),
            f.high.map(|v| v as i64),
            f.qualifier.as_str(),
            f.evidence,
            f.span.start as i64,
            f.span.end as i64,
            f.hedged,
            f.source,
            links[i].map(|m| m as i64),
        ])?;
        if let Some(s) = f.source.as_deref().filter(|s| !s.trim().is_empty()) {
            entities.get(tx, "source", fold(s), s.trim(), None)?;
        }
    }
    Ok((result.events.len(), result.figures.len()))
}

/// A stored mention's row id, current event and report outlet, beside
/// its [`MentionRecord`].
#[derive(Debug, Clone)]
struct Meta {
    mention: i64,
    event_id: Option<String>,
    outlet_or_doc: String,
}

/// The stored mentions of one block, as merging sees them.
#[derive(Debug, Clone, Default)]
pub(crate) struct Block {
    meta: Vec<Meta>,
    records: Vec<MentionRecord>,
}

/// Most mention records [`BlockCache`] keeps (about 100 MB).
const CACHE_LIMIT: usize = 250_000;

/// Blocks loaded by earlier batches, kept by the store's single writer so
/// that a batch loads only the mentions it adds instead of whole blocks.
/// Valid only while no other connection writes (the store checks `PRAGMA
/// data_version`) and only after a commit (a failed batch drops it).
#[derive(Debug, Default)]
pub(crate) struct BlockCache {
    blocks: HashMap<String, Block>,
    records: usize,
    /// `PRAGMA data_version` after our last commit.
    pub(crate) data_version: Option<i64>,
}

impl BlockCache {
    fn take(&mut self, block: &str) -> Option<Block> {
        let b = self.blocks.remove(block)?;
        self.records -= b.records.len();
        Some(b)
    }

    fn put(&mut self, block: &str, b: Block) {
        self.records += b.records.len();
        self.blocks.insert(block.to_string(), b);
        if self.records > CACHE_LIMIT {
            self.blocks.clear();
            self.records = 0;
        }
    }
}

/// Appends the mentions of `block` with a row id above `after` to `out`.
fn load_block(
    tx: &Transaction<'_>,
    block: &str,
    after: i64,
    out: &mut Block,
) -> Result<(), StoreError> {
    let mut stmt = tx.prepare_cached(
        "SELECT m.mention, d.id, m.ordinal, m.span_start, m.span_end, m.kind, m.family,
                m.sub_type, m.date, d.date, m.place, m.country, m.geonames_id, m.admin1, m.lat,
                m.lon, m.geo_precision, m.actor1, m.actor2, m.hedged, m.event_id, d.outlet,
                d.focus_place, d.focus_country, d.focus_geonames_id, d.focus_admin1, d.focus_lat,
                d.focus_lon, d.focus_geo_precision, m.count
         FROM mentions m JOIN documents d ON d.doc = m.doc
         WHERE m.block = ?1 AND m.mention > ?2
         ORDER BY m.mention",
    )?;
    let rows = stmt.query_map(params![block, after], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, i64>(2)?,
            r.get::<_, i64>(3)?,
            r.get::<_, i64>(4)?,
            r.get::<_, String>(5)?,
            r.get::<_, String>(6)?,
            r.get::<_, String>(7)?,
            r.get::<_, Option<String>>(8)?,
            r.get::<_, Option<String>>(9)?,
            location_from_row(r, 10)?,
            r.get::<_, Option<String>>(17)?,
            r.get::<_, Option<String>>(18)?,
            r.get::<_, bool>(19)?,
            r.get::<_, Option<String>>(20)?,
            r.get::<_, Option<String>>(21)?,
            location_from_row(r, 22)?,
            r.get::<_, Option<i64>>(29)?,
        ))
    })?;
    for row in rows {
        let (
            mention,
            doc,
            ordinal,
            start,
            end,
            kind,
            family,
            sub_type,
            date,
            report_date,
            location,
            actor1,
            actor2,
            hedged,
            event_id,
            outlet,
            context,
            count,
        ) = row?;
        out.meta.push(Meta {
            mention,
            event_id,
            outlet_or_doc: outlet.unwrap_or_else(|| format!("doc:{doc}")),
        });
        out.records.push(MentionRecord {
            doc,
            ordinal: ordinal as u32,
            span: chronik_model::CharSpan::new(start as usize, end as usize),
            kind: parse_enum(&kind)?,
            sub_type: parse_enum(&sub_type)?,
            family: family.parse().map_err(StoreError::Corrupt)?,
            date: parse_date(date.as_deref())?,
            report_date: parse_date(report_date.as_deref())?,
            location,
            context,
            actor1: actor1.as_deref().map(parse_enum).transpose()?,
            actor2: actor2.as_deref().map(parse_enum).transpose()?,
            hedged,
            count: count.map(|c| c as u64),
        });
    }
    Ok(())
}

/// Reads the 7 location columns starting at `first`: place, country,
/// geonames_id, admin1, lat, lon, geo_precision.
pub(crate) fn location_from_row(
    r: &rusqlite::Row<'_>,
    first: usize,
) -> rusqlite::Result<Option<Location>> {
    let name: Option<String> = r.get(first)?;
    let country: Option<String> = r.get(first + 1)?;
    if name.is_none() && country.is_none() {
        return Ok(None);
    }
    Ok(Some(Location {
        name,
        country,
        geonames_id: r.get::<_, Option<i64>>(first + 2)?.map(|g| g as u64),
        admin1: r.get(first + 3)?,
        lat: r.get(first + 4)?,
        lon: r.get(first + 5)?,
        geo_precision: r.get::<_, Option<i64>>(first + 6)?.map(|g| g as u8),
    }))
}

/// Re-clusters one block; returns (events written, events removed).
fn recluster(
    tx: &Transaction<'_>,
    block: &str,
    now: i64,
    cache: &mut BlockCache,
) -> Result<(usize, usize), StoreError> {
    let mut loaded = cache.take(block).unwrap_or_default();
    let after = loaded.meta.last().map_or(0, |m| m.mention);
    load_block(tx, block, after, &mut loaded)?;
    let records = &loaded.records;
    let events = cluster(records);
    let mut existing: HashMap<String, String> = {
        let mut stmt =
            tx.prepare_cached("SELECT event_id, signature FROM events WHERE block = ?1")?;
        let rows = stmt.query_map([block], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<Result<_, _>>()?
    };
    let mut upsert = tx.prepare_cached(
        "INSERT OR REPLACE INTO events (event_id, block, family, kind, type, sub_type, date,
            day_lo, day_hi, place, place_folded, country, geonames_id, admin1, lat, lon,
            geo_precision, actor1, actor2, hedged, n_reports, n_documents, n_sources,
            first_report, signature, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
            ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26)",
    )?;
    let mut set_event =
        tx.prepare_cached("UPDATE mentions SET event_id = ?1 WHERE mention = ?2")?;
    let mut written = 0;
    let mut assign: Vec<(usize, String)> = Vec::new();
    for e in &events {
        let docs: HashSet<&str> = e.members.iter().map(|&i| records[i].doc.as_str()).collect();
        let sources: HashSet<&str> = e
            .members
            .iter()
            .map(|&i| loaded.meta[i].outlet_or_doc.as_str())
            .collect();
        let first_report: Option<PartialDate> = e
            .members
            .iter()
            .filter_map(|&i| records[i].report_date)
            .min_by_key(|d| chronik_merge::when::bounds(*d));
        let (day_lo, day_hi) = match e.date {
            Some(d) => {
                let (lo, hi) = chronik_merge::when::bounds(d);
                (Some(lo), Some(hi))
            }
            None => (None, None),
        };
        let loc = e.location.as_ref();
        let member_ids: Vec<String> = e
            .members
            .iter()
            .map(|&i| loaded.meta[i].mention.to_string())
            .collect();
        let date = e.date.map(|d| d.to_string());
        let fields = [
            e.kind.as_str().to_string(),
            e.sub_type.as_str().to_string(),
            date.clone().unwrap_or_default(),
            format!("{loc:?}"),
            format!("{:?}/{:?}/{}", e.actor1, e.actor2, e.hedged),
            format!("{}/{}", docs.len(), sources.len()),
            format!("{first_report:?}"),
            member_ids.join(","),
        ];
        let signature = stable_id(
            "sig",
            &fields.iter().map(String::as_str).collect::<Vec<_>>(),
        );
        if existing.remove(&e.id).as_deref() != Some(signature.as_str()) {
            upsert.execute(params![
                e.id,
                block,
                e.family.as_str(),
                e.kind.as_str(),
                e.sub_type.event_type().as_str(),
                e.sub_type.as_str(),
                date,
                day_lo,
                day_hi,
                loc.and_then(|l| l.name.as_deref()),
                loc.and_then(|l| l.name.as_deref()).map(fold),
                loc.and_then(|l| l.country.as_deref()),
                loc.and_then(|l| l.geonames_id).map(|g| g as i64),
                loc.and_then(|l| l.admin1.as_deref()),
                loc.and_then(|l| l.lat),
                loc.and_then(|l| l.lon),
                loc.and_then(|l| l.geo_precision).map(i64::from),
                e.actor1.map(|a| a.as_str()),
                e.actor2.map(|a| a.as_str()),
                e.hedged,
                e.members.len() as i64,
                docs.len() as i64,
                sources.len() as i64,
                first_report.map(|d| d.to_string()),
                signature,
                now,
            ])?;
            written += 1;
        }
        for &i in &e.members {
            if loaded.meta[i].event_id.as_deref() != Some(e.id.as_str()) {
                assign.push((i, e.id.clone()));
            }
        }
    }
    for (i, id) in assign {
        set_event.execute(params![id, loaded.meta[i].mention])?;
        loaded.meta[i].event_id = Some(id);
    }
    let removed = existing.len();
    let mut delete = tx.prepare_cached("DELETE FROM events WHERE event_id = ?1")?;
    for id in existing.keys() {
        delete.execute([id])?;
    }
    cache.put(block, loaded);
    Ok((written, removed))
}
