//! Episodes: runs of events in one country without a long pause ("the
//! January 2022 unrest in Kazakhstan"), for claims about a whole episode
//! ("225 killed during the unrest").
//!
//! Per country, dated events sorted by date form one episode while each
//! starts at most [`EPISODE_GAP_DAYS`] after the latest end so far.
//! Undated events belong to the country's largest episode (ties: the
//! earliest): an undated report about a country is most likely about its
//! best-covered episode. A country with only undated events has one
//! undated episode.

use std::collections::BTreeMap;

use chronik_model::PartialDate;

use crate::id::stable_id;
use crate::when::{bounds, civil};

/// A pause longer than this many days starts a new episode.
pub const EPISODE_GAP_DAYS: i64 = 30;

/// A run of events in one country.
#[derive(Debug, Clone, PartialEq)]
pub struct Episode {
    /// `ep-` and 16 hex digits of the country and first day.
    pub id: String,
    /// ISO 3166-1 alpha-2, or empty when unknown.
    pub country: String,
    /// First day of its dated events.
    pub from: Option<PartialDate>,
    /// Last day of its dated events.
    pub to: Option<PartialDate>,
    /// Indices of its events in the input slice.
    pub events: Vec<usize>,
}

/// Groups events, given as (country, date), into episodes, sorted by
/// country and start.
pub fn episodes(events: &[(Option<&str>, Option<PartialDate>)]) -> Vec<Episode> {
    let mut by_country: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, (country, _)) in events.iter().enumerate() {
        by_country.entry(country.unwrap_or("")).or_default().push(i);
    }
    let mut out = Vec::new();
    for (country, members) in by_country {
        let mut dated: Vec<(i64, i64, usize)> = Vec::new();
        let mut undated: Vec<usize> = Vec::new();
        for i in members {
            match events[i].1 {
                Some(d) => {
                    let (lo, hi) = bounds(d);
                    dated.push((lo, hi, i));
                }
                None => undated.push(i),
            }
        }
        dated.sort_unstable();
        let mut runs: Vec<(i64, i64, Vec<usize>)> = Vec::new();
        for (lo, hi, i) in dated {
            match runs.last_mut() {
                Some(run) if lo <= run.1 + EPISODE_GAP_DAYS => {
                    run.1 = run.1.max(hi);
                    run.2.push(i);
                }
                _ => runs.push((lo, hi, vec![i])),
            }
        }
        if !undated.is_empty() {
            match runs
                .iter_mut()
                .enumerate()
                .max_by_key(|(k, r)| (r.2.len(), std::cmp::Reverse(*k)))
            {
                Some((_, run)) => run.2.extend(undated),
                None => runs.push((i64::MIN, i64::MIN, undated)),
            }
        }
        for (lo, hi, mut members) in runs {
            members.sort_unstable();
            let (from, to) = if lo == i64::MIN {
                (None, None)
            } else {
                (Some(civil(lo)), Some(civil(hi)))
            };
            out.push(Episode {
                id: stable_id(
                    "ep",
                    &[country, &from.map(|d| d.to_string()).unwrap_or_default()],
                ),
                country: country.to_string(),
                from,
                to,
                events: members,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn episode_runs_and_undated() {
        let d = |s: &str| PartialDate::parse(s).ok();
        let events = [
            (Some("KZ"), d("2022-01-02")),
            (Some("KZ"), d("2022-01-19")),
            (Some("KZ"), None),
            (Some("KZ"), d("2022-09-01")),
            (Some("FR"), None),
            (Some("KZ"), d("2022-01")),
        ];
        let eps = episodes(&events);
        assert_eq!(eps.len(), 3);
        assert_eq!(eps[0].country, "FR");
        assert_eq!(eps[0].from, None);
        assert_eq!(eps[1].events, vec![0, 1, 2, 5]);
        assert_eq!(eps[1].from, d("2022-01-01"));
        assert_eq!(eps[1].to, d("2022-01-31"));
        assert_eq!(eps[2].events, vec![3]);
    }
}
