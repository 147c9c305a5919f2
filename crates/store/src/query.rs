//! Reading the chronicle: events with their reports and claims, claims per
//! episode, one event in full.

use std::collections::{BTreeMap, HashMap};
use std::str::FromStr;

use chronik_merge::{Claim, Episode, Family, Reconciled, episodes, fold, reconcile};
use chronik_model::{
    ActorRole, CharSpan, EventType, FigureWhat, Kind, Location, PartialDate, Qualifier, SubType,
};
use rusqlite::{Connection, params_from_iter};
use serde::Serialize;

use crate::error::StoreError;
use crate::write::location_from_row;

/// Which events to return. Every field narrows; `None` means any. Equal
/// filters are equal keys (the web page caches results by filter).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Filter {
    /// Events on or after this date (undated events are left out).
    pub from: Option<PartialDate>,
    /// Events on or before this date (undated events are left out).
    pub to: Option<PartialDate>,
    /// ISO 3166-1 alpha-2 country.
    pub country: Option<String>,
    /// Place name (compared folded: case and diacritics ignored).
    pub place: Option<String>,
    /// A kind (`storming`) or a kind family (`unrest`).
    pub kind: Option<String>,
    /// An ACLED type (`riot`) or sub-type (`violent_demonstration`).
    pub event_type: Option<String>,
    /// An actor role on either side.
    pub actor: Option<String>,
    /// At least this many distinct sources (outlets, else documents).
    pub min_sources: Option<usize>,
    /// At most this many events.
    pub limit: Option<usize>,
}

/// One report of an event: the mention and where it stands.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// Document id.
    pub id: String,
    /// Evidence span in the document.
    pub span: CharSpan,
    /// Report URL.
    pub url: Option<String>,
    /// Outlet (host of the URL).
    pub outlet: Option<String>,
    /// Report (publication) date.
    pub report_date: Option<PartialDate>,
    /// Report language.
    pub lang: Option<String>,
    /// Position of the mention in the document.
    pub ordinal: u32,
    /// The mention's kind.
    pub kind: Kind,
    /// The mention's sub-type.
    pub sub_type: SubType,
    /// The words of the report.
    pub evidence: String,
    /// The mention's own date.
    pub date: Option<PartialDate>,
    /// The mention's own place.
    pub location: Option<Location>,
    /// Hedged in the report.
    pub hedged: bool,
    /// Attributed to.
    pub source: Option<String>,
}

/// One figure as a report states it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClaimRow {
    /// Document id.
    pub id: String,
    /// Report URL.
    pub url: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Report date.
    pub report_date: Option<PartialDate>,
    /// What is counted.
    pub what: FigureWhat,
    /// Lower bound.
    pub low: Option<u64>,
    /// Upper bound.
    pub high: Option<u64>,
    /// How the bounds are given.
    pub qualifier: Qualifier,
    /// Hedged in the report.
    pub hedged: bool,
    /// Attributed to.
    pub source: Option<String>,
    /// The words of the report.
    pub evidence: String,
    /// Where they stand.
    pub span: CharSpan,
    /// The event of the mention the figure counts for, if any.
    pub event_id: Option<String>,
    /// True when the figure counts for a whole episode (no mention, or a
    /// mention of an event without a named place).
    pub episode_wide: bool,
}

impl ClaimRow {
    /// As a claim for reconciliation.
    pub fn claim(&self) -> Claim {
        Claim {
            what: self.what,
            low: self.low,
            high: self.high,
            qualifier: self.qualifier,
            hedged: self.hedged,
            source: self.source.clone(),
            report_date: self.report_date,
        }
    }

    /// "at least 40", "12", "20–30", "dozens (≥12)".
    pub fn amount(&self) -> String {
        let n = |v: Option<u64>| v.map(|v| v.to_string()).unwrap_or_else(|| "?".into());
        match self.qualifier {
            Qualifier::Exact => n(self.low),
            Qualifier::AtLeast => format!("at least {}", n(self.low)),
            Qualifier::MoreThan => format!("more than {}", n(self.low)),
            Qualifier::AtMost => format!("up to {}", n(self.high)),
            Qualifier::About => format!("about {}", n(self.low)),
            Qualifier::Range => format!("{}–{}", n(self.low), n(self.high)),
            Qualifier::Vague => format!("vague (≥{})", n(self.low)),
        }
    }
}

/// A merged event with its reports and claims.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventRow {
    /// Content-derived id.
    pub event_id: String,
    /// Kind family.
    pub family: String,
    /// Kind.
    pub kind: Kind,
    /// ACLED type.
    #[serde(rename = "type")]
    pub event_type: EventType,
    /// ACLED sub-type.
    pub sub_type: SubType,
    /// Date at the precision the reports allow.
    pub date: Option<PartialDate>,
    /// Place.
    pub location: Option<Location>,
    /// Who acts.
    pub actor1: Option<ActorRole>,
    /// Whom it targets.
    pub actor2: Option<ActorRole>,
    /// Every report hedges it.
    pub hedged: bool,
    /// Mentions merged.
    pub n_reports: usize,
    /// Distinct documents.
    pub n_documents: usize,
    /// Distinct sources (outlets, else documents).
    pub n_sources: usize,
    /// Earliest report date.
    pub first_report: Option<PartialDate>,
    /// Unix seconds when the event last changed.
    pub updated_at: i64,
    /// Every report, earliest first.
    pub reports: Vec<Report>,
    /// Every figure counting for it.
    pub claims: Vec<ClaimRow>,
}

impl EventRow {
    /// Who against whom, as the terminal and the web page show it:
    /// "protesters vs police", "police", "against journalists".
    pub fn actors(&self) -> Option<String> {
        match (self.actor1, self.actor2) {
            (Some(a), Some(b)) => Some(format!("{a} vs {b}")),
            (Some(a), None) => Some(a.to_string()),
            (None, Some(b)) => Some(format!("against {b}")),
            (None, None) => None,
        }
    }

    /// The figures of one kind, reconciled.
    pub fn reconciled(&self, what: FigureWhat) -> Reconciled {
        let claims: Vec<Claim> = self
            .claims
            .iter()
            .filter(|c| c.what == what)
            .map(ClaimRow::claim)
            .collect();
        reconcile(&claims.iter().collect::<Vec<_>>())
    }

    /// "killed 26 (claims 26–225)" for each count with a number, as the
    /// terminal and the web page show them.
    pub fn figure_labels(&self) -> Vec<String> {
        let mut out = Vec::new();
        for w in [
            FigureWhat::Killed,
            FigureWhat::Injured,
            FigureWhat::Arrested,
            FigureWhat::Participants,
        ] {
            let r = self.reconciled(w);
            let Some(n) = r.acled else { continue };
            let mut s = format!("{w} {n}");
            if r.conflicting {
                s.push_str(&format!(
                    " (claims {}–{})",
                    r.low.unwrap_or(n),
                    r.high.unwrap_or(n)
                ));
            }
            if r.hedged_only {
                s.push_str(" (unconfirmed)");
            }
            out.push(s);
        }
        out
    }

    /// ACLED fatalities: the lowest credible number killed, else 0.
    pub fn fatalities(&self) -> u64 {
        self.reconciled(FigureWhat::Killed).acled.unwrap_or(0)
    }

    /// Distinct outlets (else document ids), in report order.
    pub fn sources(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for r in &self.reports {
            let s = r.outlet.clone().unwrap_or_else(|| r.id.clone());
            if !out.contains(&s) {
                out.push(s);
            }
        }
        out
    }
}

/// Claims of one `what` in one episode.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WhatClaims {
    /// What is counted.
    pub what: FigureWhat,
    /// Every claim, by report date (undated last).
    pub claims: Vec<ClaimRow>,
    /// The episode-wide claims reconciled.
    #[serde(serialize_with = "ser_reconciled")]
    pub episode: Reconciled,
    /// Per event with claims: (event id, reconciled).
    #[serde(serialize_with = "ser_per_event")]
    pub per_event: Vec<(String, Reconciled)>,
}

/// Claims of an episode.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EpisodeClaims {
    /// Episode id.
    pub id: String,
    /// Country.
    pub country: String,
    /// First day of its dated events.
    pub from: Option<PartialDate>,
    /// Last day of its dated events.
    pub to: Option<PartialDate>,
    /// Events in it.
    pub n_events: usize,
    /// Claims per `what`.
    pub whats: Vec<WhatClaims>,
}

fn reconciled_json(r: &Reconciled) -> serde_json::Value {
    serde_json::json!({
        "acled": r.acled, "latest": r.latest, "low": r.low, "high": r.high,
        "hedged_only": r.hedged_only, "conflicting": r.conflicting, "claims": r.claims,
    })
}

fn ser_reconciled<S: serde::Serializer>(r: &Reconciled, s: S) -> Result<S::Ok, S::Error> {
    reconciled_json(r).serialize(s)
}

fn ser_per_event<S: serde::Serializer>(
    v: &[(String, Reconciled)],
    s: S,
) -> Result<S::Ok, S::Error> {
    let list: Vec<serde_json::Value> = v
        .iter()
        .map(|(id, r)| {
            let mut j = reconciled_json(r);
            j["event_id"] = serde_json::Value::String(id.clone());
            j
        })
        .collect();
    list.serialize(s)
}

/// Parses a stored enum name.
pub(crate) fn parse_enum<T: FromStr>(s: &str) -> Result<T, StoreError> {
    s.parse()
        .map_err(|_| StoreError::Corrupt(format!("unknown name {s:?}")))
}

/// Parses a stored date.
pub(crate) fn parse_date(s: Option<&str>) -> Result<Option<PartialDate>, StoreError> {
    s.map(|s| PartialDate::parse(s).map_err(|e| StoreError::Corrupt(e.to_string())))
        .transpose()
}

const EVENT_COLUMNS: &str = "e.event_id, e.family, e.kind, e.sub_type, e.date, e.place, e.country,
    e.geonames_id, e.admin1, e.lat, e.lon, e.geo_precision, e.actor1, e.actor2, e.hedged,
    e.n_reports, e.n_documents, e.n_sources, e.first_report, e.updated_at";

fn event_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<RawEvent> {
    Ok(RawEvent {
        id: r.get(0)?,
        family: r.get(1)?,
        kind: r.get(2)?,
        sub_type: r.get(3)?,
        date: r.get(4)?,
        location: location_from_row(r, 5)?,
        actor1: r.get(12)?,
        actor2: r.get(13)?,
        hedged: r.get(14)?,
        n_reports: r.get(15)?,
        n_documents: r.get(16)?,
        n_sources: r.get(17)?,
        first_report: r.get(18)?,
        updated_at: r.get(19)?,
    })
}

struct RawEvent {
    id: String,
    family: String,
    kind: String,
    sub_type: String,
    date: Option<String>,
    location: Option<Location>,
    actor1: Option<String>,
    actor2: Option<String>,
    hedged: bool,
    n_reports: i64,
    n_documents: i64,
    n_sources: i64,
    first_report: Option<String>,
    updated_at: i64,
}

impl RawEvent {
    fn into_row(self) -> Result<EventRow, StoreError> {
        let sub_type: SubType = parse_enum(&self.sub_type)?;
        Ok(EventRow {
            event_id: self.id,
            family: self.family,
            kind: parse_enum(&self.kind)?,
            event_type: sub_type.event_type(),
            sub_type,
            date: parse_date(self.date.as_deref())?,
            location: self.location,
            actor1: self.actor1.as_deref().map(parse_enum).transpose()?,
            actor2: self.actor2.as_deref().map(parse_enum).transpose()?,
            hedged: self.hedged,
            n_reports: self.n_reports as usize,
            n_documents: self.n_documents as usize,
            n_sources: self.n_sources as usize,
            first_report: parse_date(self.first_report.as_deref())?,
            updated_at: self.updated_at,
            reports: Vec::new(),
            claims: Vec::new(),
        })
    }
}

/// Events matching `filter`, by date (undated last), with reports and
/// claims.
pub(crate) fn events(conn: &Connection, filter: &Filter) -> Result<Vec<EventRow>, StoreError> {
    let mut sql = format!("SELECT {EVENT_COLUMNS} FROM events e WHERE 1 = 1");
    let mut args: Vec<rusqlite::types::Value> = Vec::new();
    let mut arg = |sql: &mut String, clause: &str, v: rusqlite::types::Value| {
        args.push(v);
        sql.push_str(&clause.replace('?', &format!("?{}", args.len())));
    };
    if let Some(from) = filter.from {
        let (lo, _) = chronik_merge::when::bounds(from);
        arg(&mut sql, " AND e.day_hi >= ?", lo.into());
    }
    if let Some(to) = filter.to {
        let (_, hi) = chronik_merge::when::bounds(to);
        arg(&mut sql, " AND e.day_lo <= ?", hi.into());
    }
    if let Some(c) = &filter.country {
        arg(
            &mut sql,
            " AND e.country = ?",
            c.to_ascii_uppercase().into(),
        );
    }
    if let Some(p) = &filter.place {
        arg(&mut sql, " AND e.place_folded = ?", fold(p).into());
    }
    if let Some(k) = &filter.kind {
        let k = k.to_ascii_lowercase();
        let family = if Family::from_str(&k).is_ok() {
            k.clone()
        } else {
            String::new()
        };
        // An event whose own kind matches, or that merges a mention of it.
        arg(
            &mut sql,
            " AND (e.kind = ? OR e.family = ",
            k.clone().into(),
        );
        arg(
            &mut sql,
            "? OR EXISTS (SELECT 1 FROM mentions m WHERE m.event_id = e.event_id AND m.kind = ",
            family.into(),
        );
        arg(&mut sql, "?))", k.into());
    }
    if let Some(t) = &filter.event_type {
        let t = t.to_ascii_lowercase();
        arg(&mut sql, " AND (e.type = ?", t.clone().into());
        arg(&mut sql, " OR e.sub_type = ?)", t.into());
    }
    if let Some(a) = &filter.actor {
        let a = a.to_ascii_lowercase();
        arg(&mut sql, " AND (e.actor1 = ?", a.clone().into());
        arg(&mut sql, " OR e.actor2 = ?)", a.into());
    }
    if let Some(n) = filter.min_sources {
        arg(&mut sql, " AND e.n_sources >= ?", (n as i64).into());
    }
    sql.push_str(
        " ORDER BY e.day_lo IS NULL, e.day_lo, e.day_hi, e.country, e.place_folded, e.event_id",
    );
    if let Some(limit) = filter.limit {
        arg(&mut sql, " LIMIT ?", (limit as i64).into());
    }
    let mut stmt = conn.prepare(&sql)?;
    let raw: Vec<RawEvent> = stmt
        .query_map(params_from_iter(args.iter()), event_from_row)?
        .collect::<Result<_, _>>()?;
    let mut out = Vec::with_capacity(raw.len());
    for r in raw {
        let mut row = r.into_row()?;
        row.reports = reports(conn, &row.event_id)?;
        row.claims = event_claims(conn, &row.event_id)?;
        out.push(row);
    }
    Ok(out)
}

/// One event by id (a unique prefix of at least 6 characters also works).
pub(crate) fn event(conn: &Connection, id: &str) -> Result<Option<EventRow>, StoreError> {
    let sql = format!(
        "SELECT {EVENT_COLUMNS} FROM events e WHERE e.event_id = ?1 OR
            (length(?1) >= 6 AND e.event_id LIKE ?1 || '%') LIMIT 2"
    );
    let mut stmt = conn.prepare(&sql)?;
    let mut raw: Vec<RawEvent> = stmt
        .query_map([id], event_from_row)?
        .collect::<Result<_, _>>()?;
    if raw.len() != 1 {
        if let Some(pos) = raw.iter().position(|r| r.id == id) {
            raw = vec![raw.swap_remove(pos)];
        } else {
            return Ok(None);
        }
    }
    let mut row = raw.pop().map(RawEvent::into_row).transpose()?;
    if let Some(row) = row.as_mut() {
        row.reports = reports(conn, &row.event_id)?;
        row.claims = event_claims(conn, &row.event_id)?;
    }
    Ok(row)
}

fn reports(conn: &Connection, event_id: &str) -> Result<Vec<Report>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT d.id, d.url, d.outlet, d.date, d.lang, m.ordinal, m.span_start, m.span_end,
                m.kind, m.sub_type, m.evidence, m.date, m.place, m.country, m.geonames_id,
                m.admin1, m.lat, m.lon, m.geo_precision, m.hedged, m.source
         FROM mentions m JOIN documents d ON d.doc = m.doc
         WHERE m.event_id = ?1
         ORDER BY d.date IS NULL, d.date, d.id, m.ordinal",
    )?;
    let rows = stmt.query_map([event_id], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, Option<String>>(1)?,
            r.get::<_, Option<String>>(2)?,
            r.get::<_, Option<String>>(3)?,
            r.get::<_, Option<String>>(4)?,
            r.get::<_, i64>(5)?,
            r.get::<_, i64>(6)?,
            r.get::<_, i64>(7)?,
            r.get::<_, String>(8)?,
            r.get::<_, String>(9)?,
            r.get::<_, String>(10)?,
            r.get::<_, Option<String>>(11)?,
            location_from_row(r, 12)?,
            r.get::<_, bool>(19)?,
            r.get::<_, Option<String>>(20)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, url, outlet, rdate, lang, ordinal, s, e, kind, sub, evidence, date, loc, h, src) =
            row?;
        out.push(Report {
            id,
            span: CharSpan::new(s as usize, e as usize),
            url,
            outlet,
            report_date: parse_date(rdate.as_deref())?,
            lang,
            ordinal: ordinal as u32,
            kind: parse_enum(&kind)?,
            sub_type: parse_enum(&sub)?,
            evidence,
            date: parse_date(date.as_deref())?,
            location: loc,
            hedged: h,
            source: src,
        });
    }
    Ok(out)
}

const CLAIM_SELECT: &str = "SELECT d.id, d.url, d.outlet, d.date, f.what, f.low, f.high,
        f.qualifier, f.hedged, f.source, f.evidence, f.span_start, f.span_end, m.event_id,
        e.place
    FROM figures f JOIN documents d ON d.doc = f.doc
    LEFT JOIN mentions m ON m.doc = f.doc AND m.ordinal = f.mention_ordinal
    LEFT JOIN events e ON e.event_id = m.event_id";

fn claim_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<RawClaim> {
    Ok(RawClaim {
        id: r.get(0)?,
        url: r.get(1)?,
        outlet: r.get(2)?,
        report_date: r.get(3)?,
        what: r.get(4)?,
        low: r.get(5)?,
        high: r.get(6)?,
        qualifier: r.get(7)?,
        hedged: r.get(8)?,
        source: r.get(9)?,
        evidence: r.get(10)?,
        start: r.get(11)?,
        end: r.get(12)?,
        event_id: r.get(13)?,
        event_place: r.get(14)?,
    })
}

struct RawClaim {
    id: String,
    url: Option<String>,
    outlet: Option<String>,
    report_date: Option<String>,
    what: String,
    low: Option<i64>,
    high: Option<i64>,
    qualifier: String,
    hedged: bool,
    source: Option<String>,
    evidence: String,
    start: i64,
    end: i64,
    event_id: Option<String>,
    event_place: Option<String>,
}

impl RawClaim {
    fn into_row(self) -> Result<ClaimRow, StoreError> {
        Ok(ClaimRow {
            episode_wide: self.event_id.is_none() || self.event_place.is_none(),
            id: self.id,
            url: self.url,
            outlet: self.outlet,
            report_date: parse_date(self.report_date.as_deref())?,
            what: parse_enum(&self.what)?,
            low: self.low.map(|v| v as u64),
            high: self.high.map(|v| v as u64),
            qualifier: parse_enum(&self.qualifier)?,
            hedged: self.hedged,
            source: self.source,
            evidence: self.evidence,
            span: CharSpan::new(self.start as usize, self.end as usize),
            event_id: self.event_id,
        })
    }
}

fn sort_claims(claims: &mut [ClaimRow]) {
    claims.sort_by(|a, b| {
        (
            a.report_date.is_none(),
            a.report_date.map(chronik_merge::when::bounds),
            &a.id,
            a.span,
        )
            .cmp(&(
                b.report_date.is_none(),
                b.report_date.map(chronik_merge::when::bounds),
                &b.id,
                b.span,
            ))
    });
}

fn event_claims(conn: &Connection, event_id: &str) -> Result<Vec<ClaimRow>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!("{CLAIM_SELECT} WHERE m.event_id = ?1"))?;
    let raw: Vec<RawClaim> = stmt
        .query_map([event_id], claim_from_row)?
        .collect::<Result<_, _>>()?;
    let mut out = raw
        .into_iter()
        .map(RawClaim::into_row)
        .collect::<Result<Vec<_>, _>>()?;
    sort_claims(&mut out);
    Ok(out)
}

/// Claims per episode (see [`chronik_merge::episodes`]); `what` narrows to
/// one kind of count, `country` to one country.
pub(crate) fn claims(
    conn: &Connection,
    what: Option<FigureWhat>,
    country: Option<&str>,
) -> Result<Vec<EpisodeClaims>, StoreError> {
    // Episodes over all events.
    let mut stmt = conn.prepare("SELECT event_id, country, date FROM events ORDER BY event_id")?;
    let evs: Vec<(String, Option<String>, Option<String>)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<Result<_, _>>()?;
    let dates: Vec<Option<PartialDate>> = evs
        .iter()
        .map(|(_, _, d)| parse_date(d.as_deref()))
        .collect::<Result<_, _>>()?;
    let inputs: Vec<(Option<&str>, Option<PartialDate>)> = evs
        .iter()
        .zip(&dates)
        .map(|((_, c, _), d)| (c.as_deref(), *d))
        .collect();
    let eps: Vec<Episode> = episodes(&inputs);
    let mut episode_of_event: HashMap<&str, usize> = HashMap::new();
    for (k, ep) in eps.iter().enumerate() {
        for &i in &ep.events {
            episode_of_event.insert(evs[i].0.as_str(), k);
        }
    }
    // A document's episode: the commonest among its mentions' events.
    let mut stmt = conn.prepare(
        "SELECT d.id, m.event_id FROM mentions m JOIN documents d ON d.doc = m.doc
         WHERE m.event_id IS NOT NULL",
    )?;
    let mut votes: HashMap<String, BTreeMap<usize, usize>> = HashMap::new();
    for row in stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))? {
        let (doc, ev) = row?;
        if let Some(&k) = episode_of_event.get(ev.as_str()) {
            *votes.entry(doc).or_default().entry(k).or_default() += 1;
        }
    }
    let doc_episode = |doc: &str| -> Option<usize> {
        votes
            .get(doc)?
            .iter()
            .max_by_key(|(k, n)| (**n, std::cmp::Reverse(**k)))
            .map(|(k, _)| *k)
    };

    let mut sql = CLAIM_SELECT.to_string();
    let mut args: Vec<String> = Vec::new();
    if let Some(w) = what {
        sql.push_str(" WHERE f.what = ?1");
        args.push(w.as_str().to_string());
    }
    let mut stmt = conn.prepare(&sql)?;
    let raw: Vec<RawClaim> = stmt
        .query_map(params_from_iter(args.iter()), claim_from_row)?
        .collect::<Result<_, _>>()?;
    let mut per_episode: BTreeMap<usize, BTreeMap<FigureWhat, Vec<ClaimRow>>> = BTreeMap::new();
    for r in raw {
        let row = r.into_row()?;
        let k = row
            .event_id
            .as_deref()
            .and_then(|e| episode_of_event.get(e).copied())
            .or_else(|| doc_episode(&row.id));
        let Some(k) = k else { continue };
        per_episode
            .entry(k)
            .or_default()
            .entry(row.what)
            .or_default()
            .push(row);
    }
    let mut out = Vec::new();
    for (k, by_what) in per_episode {
        let ep = &eps[k];
        if country.is_some_and(|c| !c.eq_ignore_ascii_case(&ep.country)) {
            continue;
        }
        let mut whats = Vec::new();
        for (what, mut claims) in by_what {
            sort_claims(&mut claims);
            let wide: Vec<Claim> = claims
                .iter()
                .filter(|c| c.episode_wide)
                .map(ClaimRow::claim)
                .collect();
            let mut by_event: BTreeMap<&str, Vec<Claim>> = BTreeMap::new();
            for c in claims.iter().filter(|c| !c.episode_wide) {
                if let Some(e) = c.event_id.as_deref() {
                    by_event.entry(e).or_default().push(c.claim());
                }
            }
            let per_event = by_event
                .into_iter()
                .map(|(e, cs)| (e.to_string(), reconcile(&cs.iter().collect::<Vec<_>>())))
                .collect();
            whats.push(WhatClaims {
                what,
                episode: reconcile(&wide.iter().collect::<Vec<_>>()),
                per_event,
                claims,
            });
        }
        out.push(EpisodeClaims {
            id: ep.id.clone(),
            country: ep.country.clone(),
            from: ep.from,
            to: ep.to,
            n_events: ep.events.len(),
            whats,
        });
    }
    Ok(out)
}
