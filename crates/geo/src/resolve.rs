//! Disambiguation: [`Gazetteer::focus_country`] and
//! [`Gazetteer::resolve`]. Each candidate gets a prior (countries, then
//! regions and towns by population) plus document evidence: the focus
//! country, other countries named, the region it lies in being named, and
//! towns named nearby. A weak winner — a small place with no evidence for
//! it — stays unresolved.

use std::collections::HashMap;

use crate::{Gazetteer, GeoContext, Level, MentionKind, Place, PlaceId, PlaceMention};

/// Bonus for a candidate in the focus country.
const FOCUS_BONUS: f64 = 3.0;
/// Bonus for a candidate in a country named elsewhere in the document.
const COUNTRY_NAMED_BONUS: f64 = 1.5;
/// Bonus for a candidate inside a region named in the document.
const REGION_NAMED_BONUS: f64 = 3.0;
/// Bonus for a town right before the region or country it lies in
/// ("Paris, Texas", "Zhanaozen, Mangystau region").
const CONTAINER_BONUS: f64 = 5.0;
/// Bonus for a town close to a town named unambiguously.
const NEARBY_BONUS: f64 = 1.5;
/// "Close": kilometres.
const NEARBY_KM: f64 = 150.0;
/// Towns smaller than this need evidence (focus country, a named region or
/// country, a nearby town) to be resolved.
const MIN_POP_UNSUPPORTED: u64 = 5_000;
/// A town at least this large wins over a region of the same name when no
/// region word says otherwise (Atyrau the city, not Atyrau Region).
const TOWN_OVER_REGION_POP: f64 = 30_000.0;

impl Gazetteer {
    /// The prior of a candidate, before document evidence.
    pub(crate) fn prior(&self, id: PlaceId) -> f64 {
        let r = self.rec(id);
        match r.level {
            Level::Country => 9.0,
            Level::Region => TOWN_OVER_REGION_POP.log10(),
            Level::Town => (r.population.max(1) as f64).log10(),
            Level::Area => 0.0,
        }
    }

    /// The country the mentions are mostly about: votes of unambiguous
    /// mentions (a country's name 3, an adjective, demonym, region or town
    /// of 10,000 inhabitants 2, a smaller town 1; ties: the first named; a name counts for the country of its most plausible place
    /// when that place is a country or ten times as populous as every other
    /// candidate). `None` without votes.
    pub fn focus_country(&self, mentions: &[PlaceMention]) -> Option<String> {
        self.focus_country_with(mentions, |_| 1, &[])
    }

    /// [`Gazetteer::focus_country`] with each mention's vote multiplied by
    /// `weight(index)` (a caller that knows which names stand after "in"
    /// can count them more), plus votes from outside the place names:
    /// `(country, votes)` pairs, such as the persons and bodies of a known
    /// country the text names. On a tie the place named first wins.
    pub fn focus_country_with(
        &self,
        mentions: &[PlaceMention],
        weight: impl Fn(usize) -> u32,
        extra: &[(&str, u32)],
    ) -> Option<String> {
        let mut votes: HashMap<&str, (u32, usize)> = HashMap::new();
        for &(c, w) in extra {
            votes.entry(c).or_insert((0, usize::MAX)).0 += w;
        }
        for (k, m) in mentions.iter().enumerate() {
            // the candidates agree on the country (Almaty the city and
            // Almaty Region), or one candidate dominates
            let same_country = m.candidates.first().is_some_and(|&f| {
                m.candidates
                    .iter()
                    .all(|&c| self.rec(c).country == self.rec(f).country)
            });
            let top = if same_country {
                m.candidates.first().copied()
            } else {
                self.dominant(m)
            };
            let Some(c) = top else {
                continue;
            };
            let r = self.rec(c);
            if r.country.is_empty() {
                continue;
            }
            let w = match (m.kind, r.level) {
                (MentionKind::Adjective | MentionKind::Demonym, _) => 2,
                (_, Level::Country) => 3,
                (_, Level::Region) => 2,
                (_, Level::Area) => 0,
                (_, Level::Town) if r.population >= 10_000 => 2,
                _ => 1,
            };
            let v = votes.entry(&r.country).or_insert((0, k));
            v.0 += w * weight(k);
            v.1 = v.1.min(k);
        }
        votes
            .into_iter()
            .filter(|(_, v)| v.0 > 0)
            .max_by(|a, b| a.1.0.cmp(&b.1.0).then(b.1.1.cmp(&a.1.1)))
            .map(|(c, _)| c.to_string())
    }

    /// The candidate a mention stands for without context, if it is clear.
    fn dominant(&self, m: &PlaceMention) -> Option<PlaceId> {
        let first = *m.candidates.first()?;
        if m.candidates.len() == 1 || self.rec(first).level == Level::Country {
            return Some(first);
        }
        let pop = |c: PlaceId| self.rec(c).population.max(1) as f64;
        let top = m
            .candidates
            .iter()
            .copied()
            .max_by(|a, b| pop(*a).total_cmp(&pop(*b)))?;
        let clear = m
            .candidates
            .iter()
            .all(|&c| c == top || pop(top) >= 10.0 * pop(c));
        clear.then_some(top)
    }

    /// One place (or `None`) per mention, in order. Areas and mentions
    /// without a plausible candidate give `None`.
    pub fn resolve(&self, mentions: &[PlaceMention], ctx: &GeoContext) -> Vec<Option<Place>> {
        let focus = ctx
            .focus_country
            .clone()
            .or_else(|| self.focus_country(mentions));
        // Evidence from clear mentions.
        let mut countries: Vec<&str> = Vec::new();
        let mut regions: Vec<PlaceId> = Vec::new();
        let mut anchors: Vec<(f64, f64)> = Vec::new();
        for m in mentions {
            if m.kind == MentionKind::Area {
                continue;
            }
            let Some(c) = self.dominant(m) else {
                continue;
            };
            let r = self.rec(c);
            match r.level {
                Level::Country => countries.push(&r.country),
                Level::Region => regions.push(c),
                Level::Town => {
                    if m.candidates.len() == 1 {
                        anchors.push((r.lat, r.lon));
                    }
                }
                Level::Area => {}
            }
        }
        mentions
            .iter()
            .enumerate()
            .map(|(k, m)| {
                if m.kind == MentionKind::Area {
                    return None;
                }
                // the next mention, when only ", " or a space separates them
                let container = mentions
                    .get(k + 1)
                    .filter(|n| n.byte_start >= m.byte_end && n.byte_start - m.byte_end <= 3);
                let mut best: Option<(f64, bool, PlaceId)> = None;
                for (rank, &c) in m.candidates.iter().enumerate() {
                    let r = self.rec(c);
                    if r.level == Level::Area {
                        continue;
                    }
                    let mut evidence = 0.0;
                    if focus.as_deref() == Some(&*r.country) {
                        evidence += FOCUS_BONUS;
                    } else if countries.contains(&&*r.country) {
                        evidence += COUNTRY_NAMED_BONUS;
                    }
                    if r.admin1
                        .is_some_and(|a| r.level == Level::Town && regions.contains(&PlaceId(a)))
                    {
                        evidence += REGION_NAMED_BONUS;
                    }
                    if container.is_some_and(|n| {
                        n.candidates.iter().any(|&p| {
                            let pr = self.rec(p);
                            (pr.level == Level::Region && r.admin1 == Some(p.0))
                                || (pr.level == Level::Country && pr.country == r.country)
                        })
                    }) {
                        evidence += CONTAINER_BONUS;
                    }
                    if r.level == Level::Town
                        && m.candidates.len() > 1
                        && anchors
                            .iter()
                            .any(|&(la, lo)| km(la, lo, r.lat, r.lon) < NEARBY_KM)
                    {
                        evidence += NEARBY_BONUS;
                    }
                    // earlier candidates have stronger names
                    let score = self.prior(c) + evidence - 0.01 * rank as f64;
                    let supported = evidence > 0.0
                        || r.level != Level::Town
                        || r.population >= MIN_POP_UNSUPPORTED;
                    if best.is_none_or(|b| score > b.0) {
                        best = Some((score, supported, c));
                    }
                }
                let (_, supported, c) = best?;
                if !supported {
                    return None;
                }
                let mut p = self.place(c);
                if p.level == Level::Town && m.near {
                    p.geo_precision = 2;
                }
                Some(p)
            })
            .collect()
    }
}

/// Great-circle distance in km.
fn km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    6371.0 * 2.0 * a.sqrt().asin()
}
