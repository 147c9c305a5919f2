//! `PartialDate`: a calendar date known to the year, the month or the day.
//!
//! The precision is part of the value, so a month-precision publication date
//! ("2022-01") never silently becomes the first of the month.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A date at year, month or day precision. Serialised as `YYYY`, `YYYY-MM`
/// or `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PartialDate {
    /// Only the year is known.
    Year(i32),
    /// Year and month (1–12).
    Month(i32, u8),
    /// Year, month (1–12) and day (1–31, valid for the month).
    Day(i32, u8, u8),
}

/// Why a string is not a date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a date (expected YYYY, YYYY-MM, YYYY-MM-DD or an RFC 3339 timestamp): {0:?}")]
pub struct DateError(pub String);

impl PartialDate {
    /// The year.
    pub fn year(self) -> i32 {
        match self {
            PartialDate::Year(y) | PartialDate::Month(y, _) | PartialDate::Day(y, _, _) => y,
        }
    }

    /// The month, when known.
    pub fn month(self) -> Option<u8> {
        match self {
            PartialDate::Year(_) => None,
            PartialDate::Month(_, m) | PartialDate::Day(_, m, _) => Some(m),
        }
    }

    /// The day of the month, when known.
    pub fn day(self) -> Option<u8> {
        match self {
            PartialDate::Day(_, _, d) => Some(d),
            _ => None,
        }
    }

    /// Builds a day date, checking that the day exists in that month.
    pub fn ymd(year: i32, month: u8, day: u8) -> Option<PartialDate> {
        if (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month) {
            Some(PartialDate::Day(year, month, day))
        } else {
            None
        }
    }

    /// Builds a month date, checking the month.
    pub fn ym(year: i32, month: u8) -> Option<PartialDate> {
        (1..=12)
            .contains(&month)
            .then_some(PartialDate::Month(year, month))
    }

    /// True when `self` is `other` or a more precise date inside it
    /// (`2022-01-05` refines `2022-01` and `2022`).
    pub fn refines(self, other: PartialDate) -> bool {
        match other {
            PartialDate::Year(y) => self.year() == y,
            PartialDate::Month(y, m) => self.year() == y && self.month() == Some(m),
            PartialDate::Day(..) => self == other,
        }
    }

    /// Parses `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or an RFC 3339 timestamp
    /// (`2022-01-05T10:15:00Z`, `2022-01-05 10:15:00+06:00`); a timestamp
    /// keeps its calendar day as written.
    pub fn parse(s: &str) -> Result<PartialDate, DateError> {
        let err = || DateError(s.to_string());
        let t = s.trim();
        // A timestamp: take the date part before 'T', 't' or ' '.
        let date_part = match t.find(['T', 't', ' ']) {
            Some(i) if i == 10 => {
                let rest = &t[i + 1..];
                if !looks_like_time(rest) {
                    return Err(err());
                }
                &t[..i]
            }
            Some(_) => return Err(err()),
            None => t,
        };
        let parts: Vec<&str> = date_part.split('-').collect();
        let num = |p: &str, len: usize| -> Option<u32> {
            (p.len() == len && p.bytes().all(|b| b.is_ascii_digit())).then(|| p.parse().ok())?
        };
        match parts.as_slice() {
            [y] => num(y, 4)
                .map(|y| PartialDate::Year(y as i32))
                .ok_or_else(err),
            [y, m] => {
                let (y, m) = (num(y, 4).ok_or_else(err)?, num(m, 2).ok_or_else(err)?);
                PartialDate::ym(y as i32, m as u8).ok_or_else(err)
            }
            [y, m, d] => {
                let y = num(y, 4).ok_or_else(err)?;
                let m = num(m, 2).ok_or_else(err)?;
                let d = num(d, 2).ok_or_else(err)?;
                PartialDate::ymd(y as i32, m as u8, d as u8).ok_or_else(err)
            }
            _ => Err(err()),
        }
    }
}

/// `HH:MM` at least, then anything (seconds, fraction, zone).
fn looks_like_time(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 5
        && b[0].is_ascii_digit()
        && b[1].is_ascii_digit()
        && b[2] == b':'
        && b[3].is_ascii_digit()
        && b[4].is_ascii_digit()
}

/// Days in a month of the proleptic Gregorian calendar.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            PartialDate::Year(y) => write!(f, "{y:04}"),
            PartialDate::Month(y, m) => write!(f, "{y:04}-{m:02}"),
            PartialDate::Day(y, m, d) => write!(f, "{y:04}-{m:02}-{d:02}"),
        }
    }
}

impl FromStr for PartialDate {
    type Err = DateError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        PartialDate::parse(s)
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        PartialDate::parse(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_parse_table() {
        let cases: &[(&str, Option<PartialDate>)] = &[
            ("2022", Some(PartialDate::Year(2022))),
            ("2022-01", Some(PartialDate::Month(2022, 1))),
            ("2022-01-05", Some(PartialDate::Day(2022, 1, 5))),
            ("2022-01-05T10:15:00Z", Some(PartialDate::Day(2022, 1, 5))),
            (
                "2022-01-05T10:15:00+06:00",
                Some(PartialDate::Day(2022, 1, 5)),
            ),
            ("2022-01-05 10:15", Some(PartialDate::Day(2022, 1, 5))),
            (" 2024-02-29 ", Some(PartialDate::Day(2024, 2, 29))),
            ("2023-02-29", None),
            ("2022-13", None),
            ("22-01-05", None),
            ("2022-1-5", None),
            ("2022-01-05Tnoon", None),
            ("", None),
            ("January 2022", None),
        ];
        for (input, want) in cases {
            assert_eq!(PartialDate::parse(input).ok(), *want, "input {input:?}");
        }
    }

    #[test]
    fn date_display_round_trips() {
        for s in ["0999", "2022-01", "2022-12-31"] {
            assert_eq!(PartialDate::parse(s).unwrap().to_string(), s);
        }
    }

    #[test]
    fn date_refines() {
        let day = PartialDate::Day(2022, 1, 5);
        assert!(day.refines(PartialDate::Month(2022, 1)));
        assert!(day.refines(PartialDate::Year(2022)));
        assert!(!day.refines(PartialDate::Month(2022, 2)));
        assert!(!PartialDate::Month(2022, 1).refines(day));
    }
}
