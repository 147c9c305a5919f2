//! `cluster`: mentions from many reports → real-world events.
//!
//! The unit is ACLED's: one kind family, one place, one day, compatible
//! actors. The recipe, per block of mentions with the same family and
//! country:
//!
//! 1. place each mention: its own place; for a street event whose clause
//!    names only the country, the one town its report is about
//!    ([`MentionRecord::effective_location`]); for an act of a state (a
//!    shutdown, a decree, an appointment) only the country
//!    ([`MentionRecord::merge_place`]);
//! 2. sort the mentions canonically: named places before country-only
//!    ones, day-precise dates before months, months before open intervals
//!    before unknown dates, then by date, report date, document and
//!    position — so the result depends on the *set* of mentions only,
//!    never on the order they arrive in;
//! 3. take each mention in turn and add it to the best compatible event
//!    made so far, or start a new one. Compatible means
//!    - the same place, or — only when both give the same day — a place
//!      inside the other (a country-only "stormed the city hall" dated 5
//!      January joins the Almaty storming of 5 January; an undated one
//!      does not guess a city);
//!    - dates that can be the same day: equal days (within
//!      [`Family::tolerance_days`] for lasting conditions), a day inside a
//!      month, intervals that overlap; a mention without date fits any —
//!      except for kind `other`, which gathers unlike acts (an order to
//!      shoot, an amnesty, a day of mourning) and merges only on the same
//!      day;
//!    - for mentions of the same kind, actors of the same side (crowd,
//!      state, foreign, armed group); mentions of different kinds in one
//!      family are the same act seen from different sides and are not
//!      checked;
//!    - not a toll and a single act: a mention counting [`MASS_COUNT`] or
//!      more dead or detained never joins one that counts nobody;
//!
//!    the best event is the one with the closest place, then the strongest
//!    date agreement, then the most reports;
//! 4. summarise each event (the commonest kind and sub-type, the date the
//!    reports agree on, the most specific place, the commonest actors) and
//!    give it a content-derived id: family, place, date and earliest
//!    report.

use std::collections::{BTreeMap, HashMap};

use chronik_model::{ActorRole, CharSpan, Kind, Location, PartialDate, SubType};

use crate::family::Family;
use crate::id::stable_id;
use crate::place::{Place, Relation};
use crate::when::{When, bounds, civil};

/// One event mention with what merging needs to know about its report.
#[derive(Debug, Clone, PartialEq)]
pub struct MentionRecord {
    /// Document id.
    pub doc: String,
    /// Position of the mention among its document's mentions.
    pub ordinal: u32,
    /// The evidence span.
    pub span: CharSpan,
    /// Kind of happening.
    pub kind: Kind,
    /// ACLED sub-event type.
    pub sub_type: SubType,
    /// Kind family ([`Family::of`] the kind and evidence).
    pub family: Family,
    /// When it happened, as the mention says.
    pub date: Option<PartialDate>,
    /// When the report was published.
    pub report_date: Option<PartialDate>,
    /// Where.
    pub location: Option<Location>,
    /// The town the report is mainly about ([`focus`] of its mentions),
    /// standing in for the place of a local happening whose clause names
    /// only the country ("Aktau, 14 March. … Police used tear gas").
    pub context: Option<Location>,
    /// Who acts.
    pub actor1: Option<ActorRole>,
    /// Whom it targets.
    pub actor2: Option<ActorRole>,
    /// The report marks the claim as uncertain.
    pub hedged: bool,
    /// How many people the report counts for it: the largest lower bound
    /// of the figures linked to it that count what its kind is about (the
    /// dead of a killing, the detained of an arrest), if any.
    pub count: Option<u64>,
}

/// From this count on, a killing is a toll and an arrest a mass arrest
/// (the vague "dozens" counts 12, "several" 3).
pub const MASS_COUNT: u64 = 10;

/// How many people a mention counts, for telling a toll from a single act.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scale {
    /// No count given.
    Uncounted,
    /// Fewer than [`MASS_COUNT`].
    Few,
    /// [`MASS_COUNT`] or more.
    Mass,
}

impl Scale {
    fn of(m: &MentionRecord) -> Scale {
        match m.count {
            None => Scale::Uncounted,
            Some(n) if n < MASS_COUNT => Scale::Few,
            Some(_) => Scale::Mass,
        }
    }
}

impl MentionRecord {
    /// Where merging places the mention: its own location, or — for a
    /// street event ([`Family::takes_report_focus`]) placed only in a
    /// country — the report's focus town in that country.
    pub fn effective_location(&self) -> Option<&Location> {
        let own = self.location.as_ref();
        if !self.family.takes_report_focus() || own.is_some_and(|l| l.name.is_some()) {
            return own;
        }
        match (&self.context, own.and_then(|l| l.country.as_deref())) {
            (Some(ctx), Some(country))
                if ctx.name.is_some() && ctx.country.as_deref() == Some(country) =>
            {
                Some(ctx)
            }
            _ => own,
        }
    }
}

impl MentionRecord {
    /// The place merging compares: the effective location of a local
    /// happening; only the country for an act of a state (a shutdown, a
    /// decree, an appointment is the act of a national government, and the
    /// town its clause names is where it was announced or felt).
    pub fn merge_place(&self) -> Place {
        let place = Place::of(self.effective_location());
        if self.family.is_local() {
            return place;
        }
        match place.country() {
            Some(c) => Place::Country(c.to_string()),
            None => Place::Unknown,
        }
    }
}

/// The town a report is about: the one town (not a region) its mentions
/// name, if they name exactly one.
pub fn focus<'a>(locations: impl IntoIterator<Item = Option<&'a Location>>) -> Option<Location> {
    let mut counts: Vec<(String, usize, &Location)> = Vec::new();
    for loc in locations.into_iter().flatten() {
        let place = Place::of(Some(loc));
        let (Some(key), Place::Named { region: false, .. }) = (place.key(), &place) else {
            continue;
        };
        match counts.iter_mut().find(|(k, _, _)| *k == key) {
            Some(entry) => entry.1 += 1,
            None => counts.push((key, 1, loc)),
        }
    }
    // Only an unambiguous focus: a report naming two towns may tell of
    // either in a clause that names neither.
    match counts.as_slice() {
        [(_, _, loc)] => Some((*loc).clone()),
        _ => None,
    }
}

/// A merged real-world event.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// Content-derived id, `ev-` and 16 hex digits.
    pub id: String,
    /// Kind family of all its mentions.
    pub family: Family,
    /// The commonest kind among its mentions.
    pub kind: Kind,
    /// The commonest sub-type among the mentions of that kind.
    pub sub_type: SubType,
    /// The date the mentions agree on, at the precision they allow.
    pub date: Option<PartialDate>,
    /// The most specific place.
    pub location: Option<Location>,
    /// The commonest actor1.
    pub actor1: Option<ActorRole>,
    /// The commonest actor2.
    pub actor2: Option<ActorRole>,
    /// Every report hedges it.
    pub hedged: bool,
    /// Indices of its mentions in the input slice, earliest report first.
    pub members: Vec<usize>,
}

/// Clusters `mentions` into events. Deterministic: the same set of
/// mentions, in any order, gives the same events with the same ids; events
/// come sorted by date (undated last), then id.
pub fn cluster(mentions: &[MentionRecord]) -> Vec<Event> {
    let mut blocks: BTreeMap<(Family, String), Vec<usize>> = BTreeMap::new();
    for (i, m) in mentions.iter().enumerate() {
        let country = m.merge_place().country().unwrap_or("").to_string();
        blocks.entry((m.family, country)).or_default().push(i);
    }
    let mut events: Vec<Event> = Vec::new();
    for ((family, _), members) in blocks {
        for group in cluster_block(mentions, family, members) {
            events.push(summarise(mentions, family, group));
        }
    }
    events.sort_by(|a, b| {
        (a.date.is_none(), a.date.map(|d| bounds(d).0), &a.id).cmp(&(
            b.date.is_none(),
            b.date.map(|d| bounds(d).0),
            &b.id,
        ))
    });
    events
}

/// The block key the store uses to find the mentions that may merge with a
/// new one: family and country.
pub fn block_key(family: Family, location: Option<&Location>) -> String {
    format!(
        "{}|{}",
        family.as_str(),
        Place::of(location).country().unwrap_or("")
    )
}

/// A prepared mention.
struct Item {
    index: usize,
    place: Place,
    when: When,
    side: Option<Side>,
    scale: Scale,
}

/// The side an actor is on, for telling apart two acts of one kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Side {
    Crowd,
    State,
    Foreign,
    Armed,
}

fn side(role: Option<ActorRole>) -> Option<Side> {
    use ActorRole::*;
    match role? {
        Protesters | Rioters | Workers | Civilians | Journalists | Opposition => Some(Side::Crowd),
        Police | Military | SecurityForces | Government | President => Some(Side::State),
        ForeignMilitary | ForeignGovernment => Some(Side::Foreign),
        ArmedGroup => Some(Side::Armed),
        Other => None,
    }
}

/// An event being built.
struct Draft {
    place: Place,
    /// First and last day-precise date of its mentions.
    days: Option<(i64, i64)>,
    /// Intersection of its mentions' coarser date intervals.
    window: (i64, i64),
    /// Sides of actor1 per kind.
    sides: Vec<(Kind, Side)>,
    /// A member counts [`MASS_COUNT`] or more.
    mass: bool,
    /// A member counts nobody.
    uncounted: bool,
    members: Vec<usize>,
}

const OPEN: (i64, i64) = (i64::MIN / 4, i64::MAX / 4);

fn cluster_block(
    mentions: &[MentionRecord],
    family: Family,
    members: Vec<usize>,
) -> Vec<Vec<usize>> {
    let tolerance = family.tolerance_days();
    let mut items: Vec<Item> = members
        .into_iter()
        .map(|index| {
            let m = &mentions[index];
            Item {
                index,
                place: m.merge_place(),
                when: When::of(m.date, m.report_date),
                side: side(m.actor1),
                scale: Scale::of(m),
            }
        })
        .collect();
    items.sort_by(|a, b| canonical(mentions, a).cmp(&canonical(mentions, b)));

    let mut drafts: Vec<Draft> = Vec::new();
    // Drafts by exact place key; by place key and day (so that a dated
    // mention looks only at drafts of its days and at undated ones); named
    // drafts by day (for country-only mentions that give a day); regions.
    let mut by_place: HashMap<String, Vec<usize>> = HashMap::new();
    let mut by_place_day: HashMap<(String, i64), Vec<usize>> = HashMap::new();
    let mut by_place_open: HashMap<String, Vec<usize>> = HashMap::new();
    let mut named_by_day: HashMap<i64, Vec<usize>> = HashMap::new();
    let mut regions: Vec<usize> = Vec::new();
    let day_only = family == Family::Other;
    for item in &items {
        let m = &mentions[item.index];
        let Some(key) = item.place.key() else {
            // No place at all: never merged.
            drafts.push(new_draft(item, m.kind));
            continue;
        };
        let mut candidates: Vec<usize> = Vec::new();
        match item.when {
            When::Day(d) => {
                for day in d - tolerance..=d + tolerance {
                    if let Some(ds) = by_place_day.get(&(key.clone(), day)) {
                        candidates.extend(ds);
                    }
                    if !item.place.is_named()
                        && let Some(ds) = named_by_day.get(&day)
                    {
                        candidates.extend(ds);
                    }
                }
                if let Some(ds) = by_place_open.get(&key) {
                    candidates.extend(ds);
                }
                if item.place.is_named() {
                    candidates.extend(&regions);
                }
            }
            _ if day_only => {}
            _ => candidates.extend(by_place.get(&key).into_iter().flatten()),
        }
        candidates.sort_unstable();
        candidates.dedup();
        let best = candidates
            .into_iter()
            .filter_map(|c| fit(&drafts[c], item, m.kind, family).map(|score| (score, c)))
            .max_by(|(sa, ca), (sb, cb)| {
                (sa, drafts[*ca].members.len(), std::cmp::Reverse(*ca)).cmp(&(
                    sb,
                    drafts[*cb].members.len(),
                    std::cmp::Reverse(*cb),
                ))
            })
            .map(|(_, c)| c);
        let target = match best {
            Some(c) => {
                add(&mut drafts[c], item, m.kind);
                c
            }
            None => {
                drafts.push(new_draft(item, m.kind));
                let c = drafts.len() - 1;
                by_place.entry(key.clone()).or_default().push(c);
                if !matches!(item.when, When::Day(_)) {
                    by_place_open.entry(key.clone()).or_default().push(c);
                }
                if let Place::Named { region: true, .. } = item.place {
                    regions.push(c);
                }
                c
            }
        };
        if let When::Day(d) = item.when {
            let list = by_place_day.entry((key, d)).or_default();
            if !list.contains(&target) {
                list.push(target);
            }
            if drafts[target].place.is_named() {
                let list = named_by_day.entry(d).or_default();
                if !list.contains(&target) {
                    list.push(target);
                }
            }
        }
    }
    drafts.into_iter().map(|d| d.members).collect()
}

/// Place rank, date rank, first day, report date unknown, report date
/// bounds, document, position.
type CanonicalKey<'a> = (u8, u8, i64, bool, Option<(i64, i64)>, &'a str, u32);

/// Sort key making the clustering independent of input order.
fn canonical<'a>(mentions: &'a [MentionRecord], item: &Item) -> CanonicalKey<'a> {
    let m = &mentions[item.index];
    let place_rank = match &item.place {
        Place::Named { region: false, .. } => 0,
        Place::Named { region: true, .. } => 1,
        Place::Country(_) => 2,
        Place::Unknown => 3,
    };
    (
        place_rank,
        item.when.rank(),
        item.when.interval().0,
        m.report_date.is_none(),
        m.report_date.map(bounds),
        m.doc.as_str(),
        m.ordinal,
    )
}

fn new_draft(item: &Item, kind: Kind) -> Draft {
    let mut d = Draft {
        place: item.place.clone(),
        days: None,
        window: OPEN,
        sides: Vec::new(),
        mass: false,
        uncounted: false,
        members: Vec::new(),
    };
    add(&mut d, item, kind);
    d
}

fn add(d: &mut Draft, item: &Item, kind: Kind) {
    match item.when {
        When::Day(day) => {
            d.days = Some(match d.days {
                Some((lo, hi)) => (lo.min(day), hi.max(day)),
                None => (day, day),
            })
        }
        When::Within(lo, hi) => d.window = (d.window.0.max(lo), d.window.1.min(hi)),
        When::Unknown => {}
    }
    if let Some(s) = item.side
        && !d.sides.contains(&(kind, s))
    {
        d.sides.push((kind, s));
    }
    d.mass |= item.scale == Scale::Mass;
    d.uncounted |= item.scale == Scale::Uncounted;
    d.members.push(item.index);
}

/// How well `item` fits `draft`, or None when it must not join it. Higher
/// is better: (place closeness, date agreement).
fn fit(d: &Draft, item: &Item, kind: Kind, family: Family) -> Option<(u8, u8)> {
    let tolerance = family.tolerance_days();
    if family == Family::Other && !(matches!(item.when, When::Day(_)) && d.days.is_some()) {
        // `other` gathers unlike acts (an order to shoot, an amnesty, a day
        // of mourning): only the same day says two of them are one.
        return None;
    }
    let relation = d.place.relation(&item.place);
    let date_score = match item.when {
        When::Day(day) => {
            let (wlo, whi) = d.window;
            if day < wlo.saturating_sub(tolerance) || day > whi.saturating_add(tolerance) {
                return None;
            }
            match d.days {
                Some((lo, hi)) if hi.max(day) - lo.min(day) <= tolerance => 2,
                Some(_) => return None,
                None => 1,
            }
        }
        When::Within(lo, hi) => {
            let (wlo, whi) = (d.window.0.max(lo), d.window.1.min(hi));
            if wlo > whi {
                return None;
            }
            if let Some((dlo, dhi)) = d.days
                && (dhi < wlo - tolerance || dlo > whi + tolerance)
            {
                return None;
            }
            1
        }
        When::Unknown => 0,
    };
    let place_score = match relation {
        Relation::Same => 2,
        // A place inside another only on the same day (see the module doc).
        Relation::Contains if date_score == 2 => 1,
        _ => return None,
    };
    // A toll is not a single act: "at least 225 killed during the unrest"
    // and "the former security chief was shot", "nearly 10,000 detained"
    // and "the former KNB chairman was arrested" are different happenings
    // — unless both give the same day ("police opened fire" and "12 were
    // killed" that day). Counts that differ ("8 killed", "12 killed") are
    // claims about one.
    if date_score < 2
        && ((item.scale == Scale::Mass && d.uncounted)
            || (item.scale == Scale::Uncounted && d.mass))
    {
        return None;
    }
    if let Some(s) = item.side {
        let mut same_kind = d.sides.iter().filter(|(k, _)| *k == kind).peekable();
        if same_kind.peek().is_some() && !same_kind.any(|(_, ds)| *ds == s) {
            return None;
        }
    }
    Some((place_score, date_score))
}

/// Sub-types ranked by the force they report, for ties.
fn severity(s: SubType) -> u8 {
    match s {
        SubType::ExcessiveForceAgainstProtesters | SubType::Attack => 3,
        SubType::ProtestWithIntervention | SubType::ViolentDemonstration | SubType::MobViolence => {
            2
        }
        _ => 1,
    }
}

fn commonest<T: Copy + Ord>(
    values: impl Iterator<Item = T>,
    better_tie: impl Fn(T) -> i32,
) -> Option<T> {
    let mut counts: BTreeMap<T, usize> = BTreeMap::new();
    for v in values {
        *counts.entry(v).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by(|(a, ca), (b, cb)| {
            (ca, better_tie(*a), std::cmp::Reverse(*a)).cmp(&(
                cb,
                better_tie(*b),
                std::cmp::Reverse(*b),
            ))
        })
        .map(|(v, _)| v)
}

fn summarise(mentions: &[MentionRecord], family: Family, mut members: Vec<usize>) -> Event {
    // Earliest report first: known report dates before unknown, then by
    // document and position.
    members.sort_by(|&a, &b| {
        let (ma, mb) = (&mentions[a], &mentions[b]);
        (
            ma.report_date.is_none(),
            ma.report_date.map(bounds),
            &ma.doc,
            ma.ordinal,
        )
            .cmp(&(
                mb.report_date.is_none(),
                mb.report_date.map(bounds),
                &mb.doc,
                mb.ordinal,
            ))
    });
    let ms = || members.iter().map(|&i| &mentions[i]);
    let kind = commonest(ms().map(|m| m.kind), |k| {
        -i32::from(Family::kind_priority(k))
    })
    .unwrap_or(Kind::Other);
    let of_kind = || ms().filter(move |m| m.kind == kind);
    let sub_type = commonest(of_kind().map(|m| m.sub_type), |s| i32::from(severity(s)))
        .unwrap_or(SubType::Other);
    let actor1 = commonest(of_kind().filter_map(|m| m.actor1), |_| 0)
        .or_else(|| commonest(ms().filter_map(|m| m.actor1), |_| 0));
    let other = |a: &ActorRole| Some(*a) != actor1;
    let actor2 = commonest(of_kind().filter_map(|m| m.actor2).filter(other), |_| 0)
        .or_else(|| commonest(ms().filter_map(|m| m.actor2).filter(other), |_| 0));
    let hedged = ms().all(|m| m.hedged);

    // Date: the commonest day; else the narrowest month or year all
    // coarser dates share.
    let whens: Vec<When> = ms().map(|m| When::of(m.date, m.report_date)).collect();
    let day = commonest(
        whens.iter().filter_map(|w| match w {
            When::Day(d) => Some(*d),
            _ => None,
        }),
        |_| 0,
    );
    let date = match day {
        Some(d) => {
            // Ties go to the earliest day: `commonest` prefers the smaller
            // value on equal counts.
            Some(civil(d))
        }
        None => {
            let (lo, hi) = whens
                .iter()
                .filter_map(|w| match w {
                    When::Within(lo, hi) => Some((*lo, *hi)),
                    _ => None,
                })
                .fold(OPEN, |(a, b), (lo, hi)| (a.max(lo), b.min(hi)));
            coarse_date(lo, hi)
        }
    };

    // Place: the commonest named place, else the country.
    let places: Vec<(Place, usize)> = members
        .iter()
        .map(|&i| (mentions[i].merge_place(), i))
        .collect();
    let named = commonest(
        places.iter().filter(|(p, _)| p.is_named()).map(|(p, _)| p),
        |_| 0,
    );
    let location = match named {
        Some(p) => places
            .iter()
            .find(|(q, _)| q == p)
            .and_then(|(_, i)| mentions[*i].effective_location().cloned()),
        None => places
            .iter()
            .find_map(|(p, _)| p.country().map(Location::country_only)),
    };

    let anchor = &mentions[members[0]];
    let place_key = Place::of(location.as_ref()).key().unwrap_or_default();
    let id = stable_id(
        "ev",
        &[
            family.as_str(),
            &place_key,
            &date.map(|d| d.to_string()).unwrap_or_default(),
            &anchor.doc,
            &anchor.ordinal.to_string(),
        ],
    );
    Event {
        id,
        family,
        kind,
        sub_type,
        date,
        location,
        actor1,
        actor2,
        hedged,
        members,
    }
}

/// The partial date naming exactly `[lo, hi]` as a month or year, if any.
fn coarse_date(lo: i64, hi: i64) -> Option<PartialDate> {
    if lo <= OPEN.0 || hi >= OPEN.1 || lo > hi {
        return None;
    }
    let (a, b) = (civil(lo), civil(hi));
    if a.year() != b.year() {
        return None;
    }
    let month = PartialDate::Month(a.year(), a.month().unwrap_or(1));
    if bounds(month) == (lo, hi) {
        return Some(month);
    }
    let year = PartialDate::Year(a.year());
    (bounds(year) == (lo, hi)).then_some(year)
}
