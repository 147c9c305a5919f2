//! Exports of merged events: JSON Lines (EVENTS.md §7), JSON, a plain CSV,
//! ACLED's CSV and GeoJSON.

use std::io::Write;

use chronik_model::{ActorRole, EventType, FigureWhat, Kind, PartialDate, SubType};
use serde_json::{Value, json};

use crate::countries::{Country, country};
use crate::error::StoreError;
use crate::query::EventRow;

/// ACLED's 31 columns, in order.
///
/// Source of truth: the event record of the ACLED API as wrapped by the
/// PyPI package `acled` 1.0.2 (`acled/models/data_models.py`,
/// `AcledEvent`), whose fields are exactly these, in this order, with
/// `inter1`, `inter2`, `interaction` and `time_precision` integers and
/// `iso` the ISO 3166-1 numeric code. The same package lists the inter
/// codes (`acled/models/enums.py`, `Actor`: 1 state forces, 2 rebel
/// groups, 3 political militias, 4 identity militias, 5 rioters,
/// 6 protesters, 7 civilians, 8 external/other forces) and time precision
/// (1 exact day, 2 approximate, 3 estimated — ACLED uses 3 when only the
/// month is known).
pub const ACLED_COLUMNS: [&str; 31] = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
];

/// Output formats of `chronik events`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One EVENTS.md §7 line per event.
    Jsonl,
    /// One JSON array with everything.
    Json,
    /// A plain CSV, one row per event.
    Csv,
    /// ACLED's 31-column CSV.
    Acled,
    /// A GeoJSON FeatureCollection.
    Geojson,
}

/// Writes `events` in `format`.
pub fn write(format: Format, events: &[EventRow], out: &mut dyn Write) -> Result<(), StoreError> {
    match format {
        Format::Jsonl => {
            for e in events {
                serde_json::to_writer(&mut *out, &jsonl_line(e))?;
                out.write_all(b"\n")?;
            }
        }
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, events)?;
            out.write_all(b"\n")?;
        }
        Format::Csv => write_csv(events, out)?,
        Format::Acled => write_acled(events, out)?,
        Format::Geojson => {
            serde_json::to_writer(&mut *out, &geojson(events))?;
            out.write_all(b"\n")?;
        }
    }
    out.flush()?;
    Ok(())
}

/// The EVENTS.md §7 line of an event, with a few more fields.
pub fn jsonl_line(e: &EventRow) -> Value {
    let killed = e.reconciled(FigureWhat::Killed);
    json!({
        "event_id": e.event_id,
        "kind": e.kind,
        "type": e.event_type,
        "sub_type": e.sub_type,
        "family": e.family,
        "date": e.date,
        "location": e.location,
        "actor1": e.actor1,
        "actor2": e.actor2,
        "hedged": e.hedged,
        "n_sources": e.n_sources,
        "fatalities": killed.acled,
        "reports": e.reports.iter().map(|r| json!({
            "id": r.id,
            "span": r.span,
            "kind": r.kind,
            "outlet": r.outlet,
            "report_date": r.report_date,
        })).collect::<Vec<_>>(),
    })
}

fn write_csv(events: &[EventRow], out: &mut dyn Write) -> Result<(), StoreError> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record([
        "event_id",
        "date",
        "country",
        "place",
        "kind",
        "type",
        "sub_type",
        "actor1",
        "actor2",
        "reports",
        "sources",
        "fatalities",
        "outlets",
    ])?;
    for e in events {
        let loc = e.location.as_ref();
        w.write_record([
            e.event_id.clone(),
            opt(e.date),
            loc.and_then(|l| l.country.clone()).unwrap_or_default(),
            loc.and_then(|l| l.name.clone()).unwrap_or_default(),
            e.kind.to_string(),
            e.event_type.to_string(),
            e.sub_type.to_string(),
            opt(e.actor1),
            opt(e.actor2),
            e.n_reports.to_string(),
            e.n_sources.to_string(),
            e.fatalities().to_string(),
            e.sources().join("; "),
        ])?;
    }
    w.flush()?;
    Ok(())
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

/// ACLED's label of an event type.
pub fn acled_event_type(t: EventType) -> &'static str {
    match t {
        EventType::Protest => "Protests",
        EventType::Riot => "Riots",
        EventType::ViolenceAgainstCivilians => "Violence against civilians",
        EventType::Battle => "Battles",
        EventType::ExplosionRemoteViolence => "Explosions/Remote violence",
        EventType::StrategicDevelopment => "Strategic developments",
    }
}

/// ACLED's label of a sub-event type.
pub fn acled_sub_event_type(s: SubType) -> &'static str {
    use SubType::*;
    match s {
        PeacefulProtest => "Peaceful protest",
        ProtestWithIntervention => "Protest with intervention",
        ExcessiveForceAgainstProtesters => "Excessive force against protesters",
        ViolentDemonstration => "Violent demonstration",
        MobViolence => "Mob violence",
        Attack => "Attack",
        AbductionForcedDisappearance => "Abduction/forced disappearance",
        SexualViolence => "Sexual violence",
        ArmedClash => "Armed clash",
        GovernmentRegainsTerritory => "Government regains territory",
        NonStateActorOvertakesTerritory => "Non-state actor overtakes territory",
        AirDroneStrike => "Air/drone strike",
        ShellingArtilleryMissileAttack => "Shelling/artillery/missile attack",
        RemoteExplosiveLandmineIed => "Remote explosive/landmine/IED",
        Grenade => "Grenade",
        SuicideBomb => "Suicide bomb",
        ChemicalWeapon => "Chemical weapon",
        Agreement => "Agreement",
        Arrests => "Arrests",
        ChangeToGroupActivity => "Change to group/activity",
        DisruptedWeaponsUse => "Disrupted weapons use",
        HeadquartersOrBaseEstablished => "Headquarters or base established",
        LootingPropertyDestruction => "Looting/property destruction",
        NonViolentTransferOfTerritory => "Non-violent transfer of territory",
        Other => "Other",
    }
}

/// ACLED's disorder type: protests and riots are demonstrations, force
/// against protesters is both political violence and a demonstration, mob
/// violence and the other violent types are political violence.
pub fn disorder_type(s: SubType) -> &'static str {
    match s {
        SubType::ExcessiveForceAgainstProtesters => "Political violence; Demonstrations",
        SubType::MobViolence => "Political violence",
        s => match s.event_type() {
            EventType::Protest | EventType::Riot => "Demonstrations",
            EventType::StrategicDevelopment => "Strategic developments",
            _ => "Political violence",
        },
    }
}

/// The actor ACLED would name when the reports name none.
fn default_actor1(e: &EventRow) -> Option<ActorRole> {
    use Kind::*;
    Some(match e.kind {
        Demonstration | Strike => ActorRole::Protesters,
        Riot | Storming | Arson | Looting | Clash => ActorRole::Rioters,
        CrowdControl | Arrest => ActorRole::Police,
        Shooting | Killing if e.sub_type == SubType::ExcessiveForceAgainstProtesters => {
            ActorRole::Police
        }
        Shooting | Killing => return None,
        ForeignIntervention => ActorRole::ForeignMilitary,
        TroopDeployment | TroopWithdrawal => ActorRole::Military,
        _ => ActorRole::Government,
    })
}

/// ACLED's associated actor for a role, where it names one (the actor
/// itself and its inter code come from `chronik_actors::acled_actor`).
fn assoc_actor(role: ActorRole, c: Option<&Country>) -> String {
    let name = c.map(|c| c.name.as_str()).unwrap_or("Unknown country");
    match role {
        ActorRole::Workers => format!("Labor Group ({name})"),
        ActorRole::Opposition => format!("Opposition ({name})"),
        ActorRole::Journalists => format!("Journalists ({name})"),
        _ => String::new(),
    }
}

/// ACLED event date, year and time precision (1 day, 3 month or longer);
/// an undated event takes its first report's date at precision 3.
fn acled_date(e: &EventRow) -> (String, String, u8) {
    let (date, precision) = match e.date {
        Some(d @ PartialDate::Day(..)) => (Some(d), 1),
        Some(PartialDate::Month(y, m)) => (PartialDate::ymd(y, m, 1), 3),
        Some(PartialDate::Year(y)) => (PartialDate::ymd(y, 1, 1), 3),
        None => (
            e.first_report.and_then(|r| match r {
                PartialDate::Day(..) => Some(r),
                PartialDate::Month(y, m) => PartialDate::ymd(y, m, 1),
                PartialDate::Year(y) => PartialDate::ymd(y, 1, 1),
            }),
            3,
        ),
    };
    (
        opt(date),
        date.map(|d| d.year().to_string()).unwrap_or_default(),
        precision,
    )
}

/// Coordinates and ACLED geo precision: the place's own, else the
/// country's centroid at precision 3.
pub fn coordinates(e: &EventRow) -> Option<(f64, f64, u8)> {
    let loc = e.location.as_ref()?;
    if let (Some(lat), Some(lon)) = (loc.lat, loc.lon) {
        let p = loc
            .geo_precision
            .unwrap_or(if loc.name.is_some() { 1 } else { 3 });
        return Some((lat, lon, p));
    }
    if loc.name.is_some() {
        return None;
    }
    let (lat, lon) = country(loc.country.as_deref()?)?.centroid?;
    Some((lat, lon, 3))
}

/// National when every outlet has the country's top-level domain,
/// international when none has, both when mixed.
fn source_scale(e: &EventRow, c: Option<&Country>) -> &'static str {
    let outlets: Vec<&str> = e
        .reports
        .iter()
        .filter_map(|r| r.outlet.as_deref())
        .collect();
    let Some(c) = c.filter(|c| !c.tld.is_empty()) else {
        return "";
    };
    if outlets.is_empty() {
        return "";
    }
    let national = outlets.iter().filter(|o| o.ends_with(&c.tld)).count();
    match national {
        0 => "International",
        n if n == outlets.len() => "National",
        _ => "National-International",
    }
}

/// The notes: what happened (the first report's words), how many reports,
/// and every conflicting figure with its source.
pub fn notes(e: &EventRow) -> String {
    let mut s = String::new();
    if let Some(r) = e.reports.first() {
        let evidence: String = r.evidence.chars().take(240).collect();
        s.push_str(evidence.trim());
        if !s.ends_with('.') {
            s.push('.');
        }
    }
    let sources = e.sources();
    s.push_str(&format!(
        " [{} report{} from {} source{}]",
        e.n_reports,
        if e.n_reports == 1 { "" } else { "s" },
        sources.len(),
        if sources.len() == 1 { "" } else { "s" },
    ));
    for what in [
        FigureWhat::Killed,
        FigureWhat::Injured,
        FigureWhat::Arrested,
    ] {
        let r = e.reconciled(what);
        if !r.conflicting {
            continue;
        }
        let claims: Vec<String> = e
            .claims
            .iter()
            .filter(|c| c.what == what)
            .map(|c| {
                let mut who = vec![c.outlet.clone().unwrap_or_else(|| c.id.clone())];
                if let Some(src) = &c.source {
                    who.insert(0, src.clone());
                }
                if let Some(d) = c.report_date {
                    who.push(d.to_string());
                }
                format!(
                    "{}{} ({})",
                    c.amount(),
                    if c.hedged { ", hedged" } else { "" },
                    who.join(", ")
                )
            })
            .collect();
        s.push_str(&format!(
            " Conflicting {what} figures: {}; lowest credible {}.",
            claims.join("; "),
            opt(r.acled)
        ));
    }
    s
}

/// ACLED tags: the crowd size when a report gives one.
fn tags(e: &EventRow) -> String {
    let r = e.reconciled(FigureWhat::Participants);
    match r.acled {
        Some(n) => format!("crowd size={n}"),
        None => String::new(),
    }
}

/// One ACLED row (see [`ACLED_COLUMNS`]).
pub fn acled_row(e: &EventRow) -> [String; 31] {
    let c = e
        .location
        .as_ref()
        .and_then(|l| l.country.as_deref())
        .and_then(country);
    let (event_date, year, time_precision) = acled_date(e);
    // ACLED codes the crowd of a riot as rioters.
    let as_rioters = |a: ActorRole| match a {
        ActorRole::Protesters | ActorRole::Workers | ActorRole::Opposition
            if e.event_type == EventType::Riot =>
        {
            ActorRole::Rioters
        }
        a => a,
    };
    let actor1 = e.actor1.or_else(|| default_actor1(e)).map(as_rioters);
    let actor2 = e.actor2.map(as_rioters).filter(|a| Some(*a) != actor1);
    let iso2 = e
        .location
        .as_ref()
        .and_then(|l| l.country.as_deref())
        .unwrap_or("");
    let named = |a: ActorRole| chronik_actors::acled_actor(a, iso2, None);
    let (a1, inter1) = actor1.map(named).unzip();
    let (a2, inter2) = actor2.map(named).unzip();
    let (a1, a2) = (a1.unwrap_or_default(), a2.unwrap_or_default());
    let assoc1 = actor1.map(|a| assoc_actor(a, c)).unwrap_or_default();
    let assoc2 = actor2.map(|a| assoc_actor(a, c)).unwrap_or_default();
    let interaction = match (inter1, inter2) {
        (Some(a), Some(b)) => format!("{}{}", a.min(b), a.max(b)),
        (Some(a), None) | (None, Some(a)) => format!("{a}0"),
        (None, None) => String::new(),
    };
    let civilian_targeting = if e.event_type == EventType::ViolenceAgainstCivilians
        || (inter2 == Some(7) && e.event_type != EventType::StrategicDevelopment)
    {
        "Civilian targeting"
    } else {
        ""
    };
    let loc = e.location.as_ref();
    let coords = coordinates(e);
    let id_tail = e.event_id.trim_start_matches("ev-");
    [
        format!("{}{}", c.map(|c| c.iso3.as_str()).unwrap_or("XXX"), id_tail),
        event_date,
        year,
        time_precision.to_string(),
        disorder_type(e.sub_type).to_string(),
        acled_event_type(e.event_type).to_string(),
        acled_sub_event_type(e.sub_type).to_string(),
        a1,
        assoc1,
        opt(inter1),
        a2,
        assoc2,
        opt(inter2),
        interaction,
        civilian_targeting.to_string(),
        c.map(|c| c.numeric.to_string()).unwrap_or_default(),
        c.map(|c| c.region.clone()).unwrap_or_default(),
        c.map(|c| c.name.clone()).unwrap_or_default(),
        loc.and_then(|l| l.admin1.clone()).unwrap_or_default(),
        String::new(),
        String::new(),
        loc.and_then(|l| l.name.clone())
            .or_else(|| c.map(|c| c.name.clone()))
            .unwrap_or_default(),
        coords
            .map(|(lat, _, _)| format!("{lat:.4}"))
            .unwrap_or_default(),
        coords
            .map(|(_, lon, _)| format!("{lon:.4}"))
            .unwrap_or_default(),
        coords.map(|(_, _, p)| p.to_string()).unwrap_or_else(|| {
            if loc.and_then(|l| l.name.as_ref()).is_some() {
                "1"
            } else {
                "3"
            }
            .to_string()
        }),
        e.sources().join("; "),
        source_scale(e, c).to_string(),
        notes(e),
        e.fatalities().to_string(),
        tags(e),
        e.updated_at.to_string(),
    ]
}

fn write_acled(events: &[EventRow], out: &mut dyn Write) -> Result<(), StoreError> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(ACLED_COLUMNS)?;
    for e in events {
        w.write_record(acled_row(e))?;
    }
    w.flush()?;
    Ok(())
}

/// A GeoJSON FeatureCollection; events without coordinates have a null
/// geometry (allowed by RFC 7946).
pub fn geojson(events: &[EventRow]) -> Value {
    let features: Vec<Value> = events
        .iter()
        .map(|e| {
            let coords = coordinates(e);
            json!({
                "type": "Feature",
                "id": e.event_id,
                "geometry": coords.map(|(lat, lon, _)| json!({
                    "type": "Point", "coordinates": [lon, lat]
                })),
                "properties": {
                    "event_id": e.event_id,
                    "kind": e.kind,
                    "type": e.event_type,
                    "sub_type": e.sub_type,
                    "date": e.date,
                    "place": e.location.as_ref().and_then(|l| l.name.clone()),
                    "country": e.location.as_ref().and_then(|l| l.country.clone()),
                    "geo_precision": coords.map(|(_, _, p)| p),
                    "actor1": e.actor1,
                    "actor2": e.actor2,
                    "reports": e.n_reports,
                    "sources": e.sources(),
                    "fatalities": e.fatalities(),
                },
            })
        })
        .collect();
    json!({"type": "FeatureCollection", "features": features})
}
