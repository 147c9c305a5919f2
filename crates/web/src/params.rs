//! Query parameters → a validated [`View`]: the event filter of
//! `chronik events` (the same fields, the same meaning), the sort of the
//! table, and the page-specific choices. Raw strings stop here; pages see
//! typed values only. Empty form fields mean "any".

use std::fmt::Write;

use chronik_model::{FigureWhat, PartialDate};
use chronik_store::Filter;
use serde::Deserialize;

use crate::html::enc;

/// The query string as sent (every value optional and unchecked).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct RawQuery {
    from: Option<String>,
    to: Option<String>,
    country: Option<String>,
    place: Option<String>,
    kind: Option<String>,
    #[serde(rename = "type")]
    event_type: Option<String>,
    actor: Option<String>,
    min_sources: Option<String>,
    limit: Option<String>,
    sort: Option<String>,
    dir: Option<String>,
    page: Option<String>,
    what: Option<String>,
    q: Option<String>,
}

/// The event filter, normalised when read from the query string (country
/// upper case, kind lower case…), so that equal filters are equal cache keys.
pub type FilterKey = Filter;

/// What the pages need of a filter beyond the store's fields.
pub trait FilterExt {
    /// The same filter over all dates (the timeline's overview).
    fn without_dates(&self) -> FilterKey;
    /// True when nothing narrows.
    fn is_empty(&self) -> bool;
    /// The filter as a URL query (encoded, no leading `?`), in a fixed order.
    fn query(&self) -> String;
}

impl FilterExt for FilterKey {
    fn without_dates(&self) -> FilterKey {
        FilterKey {
            from: None,
            to: None,
            ..self.clone()
        }
    }

    fn is_empty(&self) -> bool {
        *self == FilterKey::default()
    }

    fn query(&self) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        let mut push = |k: &'static str, v: Option<String>| {
            if let Some(v) = v {
                pairs.push((k, v));
            }
        };
        push("from", self.from.map(|d| d.to_string()));
        push("to", self.to.map(|d| d.to_string()));
        push("country", self.country.clone());
        push("place", self.place.clone());
        push("kind", self.kind.clone());
        push("type", self.event_type.clone());
        push("actor", self.actor.clone());
        push("min_sources", self.min_sources.map(|n| n.to_string()));
        push("limit", self.limit.map(|n| n.to_string()));
        join_query(&pairs)
    }
}

/// `k=v&k=v`, values percent-encoded.
pub fn join_query(pairs: &[(&str, String)]) -> String {
    let mut out = String::new();
    for (k, v) in pairs {
        if !out.is_empty() {
            out.push('&');
        }
        let _ = write!(out, "{k}={}", enc(v));
    }
    out
}

/// Columns the events table sorts by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    /// Date (the store's order: by first possible day, undated last).
    Date,
    /// Place name.
    Place,
    /// Country code.
    Country,
    /// Kind.
    Kind,
    /// ACLED sub-type.
    Type,
    /// Mentions merged.
    Reports,
    /// Distinct sources.
    Sources,
    /// ACLED fatalities.
    Killed,
    /// Event id.
    Id,
}

impl SortKey {
    /// Every key with its URL name and column heading.
    pub const ALL: [(SortKey, &'static str, &'static str); 9] = [
        (SortKey::Date, "date", "Date"),
        (SortKey::Place, "place", "Place"),
        (SortKey::Country, "country", "Country"),
        (SortKey::Kind, "kind", "Kind"),
        (SortKey::Type, "type", "ACLED type / sub-type"),
        (SortKey::Reports, "reports", "Reports"),
        (SortKey::Sources, "sources", "Sources"),
        (SortKey::Killed, "killed", "Killed (ACLED)"),
        (SortKey::Id, "id", "Event"),
    ];

    /// The URL name.
    pub fn name(self) -> &'static str {
        SortKey::ALL
            .iter()
            .find(|(k, _, _)| *k == self)
            .map(|(_, n, _)| *n)
            .unwrap_or("date")
    }

    fn parse(s: &str) -> Option<SortKey> {
        SortKey::ALL
            .iter()
            .find(|(_, n, _)| *n == s)
            .map(|(k, _, _)| *k)
    }
}

/// Everything a page needs to know about the request.
#[derive(Debug, Clone)]
pub struct View {
    /// The event filter.
    pub filter: FilterKey,
    /// Table sort column.
    pub sort: SortKey,
    /// Descending.
    pub desc: bool,
    /// Table page (0-based).
    pub page: usize,
    /// Claims page: one kind of figure.
    pub what: Option<FigureWhat>,
    /// Search words.
    pub q: String,
    /// Why some parameters were ignored (shown on the page, status 400).
    pub errors: Vec<String>,
}

fn given(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

impl View {
    /// Validates a query. Invalid values are dropped and named in
    /// `errors`; the rest applies.
    pub fn parse(raw: &RawQuery) -> View {
        let mut errors = Vec::new();
        let mut date = |name: &str, v: &Option<String>| -> Option<PartialDate> {
            let s = given(v)?;
            match PartialDate::parse(s) {
                Ok(d) => Some(d),
                Err(_) => {
                    errors.push(format!(
                        "{name}: {s:?} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"
                    ));
                    None
                }
            }
        };
        let from = date("from", &raw.from);
        let to = date("to", &raw.to);
        let mut number = |name: &str, v: &Option<String>| -> Option<usize> {
            let s = given(v)?;
            match s.parse::<usize>() {
                Ok(n) => Some(n),
                Err(_) => {
                    errors.push(format!("{name}: {s:?} is not a whole number"));
                    None
                }
            }
        };
        let min_sources = number("min_sources", &raw.min_sources);
        let limit = number("limit", &raw.limit);
        let page = number("page", &raw.page).unwrap_or(1).max(1) - 1;
        let country = given(&raw.country).and_then(|c| {
            if c.len() == 2 && c.chars().all(|ch| ch.is_ascii_alphabetic()) {
                Some(c.to_ascii_uppercase())
            } else {
                errors.push(format!(
                    "country: {c:?} is not an ISO 3166-1 alpha-2 code (KZ)"
                ));
                None
            }
        });
        let sort = match given(&raw.sort) {
            None => SortKey::Date,
            Some(s) => SortKey::parse(s).unwrap_or_else(|| {
                errors.push(format!("sort: unknown column {s:?}"));
                SortKey::Date
            }),
        };
        let what = given(&raw.what).and_then(|w| match w.parse::<FigureWhat>() {
            Ok(w) => Some(w),
            Err(_) => {
                errors.push(format!("what: {w:?} is not a kind of figure"));
                None
            }
        });
        let lower = |v: &Option<String>| given(v).map(str::to_ascii_lowercase);
        View {
            filter: FilterKey {
                from,
                to,
                country,
                place: given(&raw.place).map(str::to_string),
                kind: lower(&raw.kind),
                event_type: lower(&raw.event_type),
                actor: lower(&raw.actor),
                min_sources,
                limit,
            },
            sort,
            desc: given(&raw.dir) == Some("desc"),
            page,
            what,
            q: given(&raw.q).unwrap_or_default().to_string(),
            errors,
        }
    }

    /// The filter plus the table sort, as a URL query.
    pub fn table_query(&self) -> String {
        let mut q = self.filter.query();
        if self.sort != SortKey::Date || self.desc {
            if !q.is_empty() {
                q.push('&');
            }
            let _ = write!(
                q,
                "sort={}&dir={}",
                self.sort.name(),
                if self.desc { "desc" } else { "asc" }
            );
        }
        q
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(pairs: &[(&str, &str)]) -> RawQuery {
        let mut r = RawQuery::default();
        for (k, v) in pairs {
            let v = Some(v.to_string());
            match *k {
                "from" => r.from = v,
                "to" => r.to = v,
                "country" => r.country = v,
                "place" => r.place = v,
                "kind" => r.kind = v,
                "type" => r.event_type = v,
                "min_sources" => r.min_sources = v,
                "sort" => r.sort = v,
                "dir" => r.dir = v,
                "what" => r.what = v,
                _ => panic!("{k}"),
            }
        }
        r
    }

    #[test]
    fn params_valid_values_normalised() {
        let v = View::parse(&raw(&[
            ("from", "2022-01"),
            ("to", " 2022-01-10 "),
            ("country", "kz"),
            ("kind", "Unrest"),
            ("place", ""),
            ("sort", "killed"),
            ("dir", "desc"),
            ("what", "killed"),
        ]));
        assert!(v.errors.is_empty(), "{:?}", v.errors);
        assert_eq!(v.filter.from, Some(PartialDate::Month(2022, 1)));
        assert_eq!(v.filter.country.as_deref(), Some("KZ"));
        assert_eq!(v.filter.kind.as_deref(), Some("unrest"));
        assert_eq!(v.filter.place, None);
        assert_eq!((v.sort, v.desc), (SortKey::Killed, true));
        assert_eq!(v.what, Some(FigureWhat::Killed));
        assert_eq!(
            v.table_query(),
            "from=2022-01&to=2022-01-10&country=KZ&kind=unrest&sort=killed&dir=desc"
        );
    }

    #[test]
    fn params_invalid_values_dropped_and_named() {
        let v = View::parse(&raw(&[
            ("from", "yesterday"),
            ("country", "<script>"),
            ("min_sources", "-1"),
            ("sort", "evil"),
            ("what", "souls"),
        ]));
        assert_eq!(v.errors.len(), 5, "{:?}", v.errors);
        assert!(v.filter.is_empty());
        assert_eq!(v.sort, SortKey::Date);
    }

    #[test]
    fn params_query_round_trips_encoded() {
        let v = View::parse(&raw(&[("place", "Almaty & <Co>"), ("type", "riot")]));
        assert_eq!(v.filter.query(), "place=Almaty%20%26%20%3CCo%3E&type=riot");
    }
}
