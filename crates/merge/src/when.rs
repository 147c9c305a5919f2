//! Dates as intervals of days, so that a day, a month, a year and "some
//! time before the report" can be compared.

use chronik_model::PartialDate;
use chronik_model::date::days_in_month;

/// Days since 1970-01-01 of a civil date (proleptic Gregorian).
pub fn day_number(year: i32, month: u8, day: u8) -> i64 {
    // Howard Hinnant's days_from_civil.
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day number (inverse of [`day_number`]).
pub fn civil(days: i64) -> PartialDate {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let y = (yoe + era * 400 + i64::from(m <= 2)) as i32;
    PartialDate::Day(y, m, d)
}

/// The first and last day a date may stand for.
pub fn bounds(date: PartialDate) -> (i64, i64) {
    match date {
        PartialDate::Day(y, m, d) => {
            let n = day_number(y, m, d);
            (n, n)
        }
        PartialDate::Month(y, m) => (
            day_number(y, m, 1),
            day_number(y, m, days_in_month(y, m).max(1)),
        ),
        PartialDate::Year(y) => (day_number(y, 1, 1), day_number(y, 12, 31)),
    }
}

/// When a mention may have happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// On this day.
    Day(i64),
    /// Some day in `[lo, hi]` (a month, a year, or up to the report date).
    Within(i64, i64),
    /// Unknown.
    Unknown,
}

impl When {
    /// From a mention's date, bounded above by its report's date (a report
    /// cannot tell of what happens after it is published).
    pub fn of(date: Option<PartialDate>, report_date: Option<PartialDate>) -> When {
        match date {
            Some(d @ PartialDate::Day(..)) => When::Day(bounds(d).0),
            Some(d) => {
                let (lo, hi) = bounds(d);
                When::Within(lo, hi)
            }
            None => match report_date {
                Some(r) => When::Within(i64::MIN / 4, bounds(r).1),
                None => When::Unknown,
            },
        }
    }

    /// The interval; `Unknown` is everything.
    pub fn interval(self) -> (i64, i64) {
        match self {
            When::Day(d) => (d, d),
            When::Within(lo, hi) => (lo, hi),
            When::Unknown => (i64::MIN / 4, i64::MAX / 4),
        }
    }

    /// 0 for a day, 1 for a month or shorter window, 2 for longer, 3 unknown:
    /// more precise mentions are clustered first.
    pub fn rank(self) -> u8 {
        match self {
            When::Day(_) => 0,
            When::Within(lo, hi) if hi - lo <= 31 => 1,
            When::Within(..) => 2,
            When::Unknown => 3,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn when_day_numbers_round_trip() {
        for (y, m, d) in [(1970, 1, 1), (2022, 1, 5), (2024, 2, 29), (1999, 12, 31)] {
            assert_eq!(civil(day_number(y, m, d)), PartialDate::Day(y, m, d));
        }
        assert_eq!(day_number(1970, 1, 1), 0);
        assert_eq!(day_number(2022, 1, 6) - day_number(2022, 1, 5), 1);
    }

    #[test]
    fn when_bounds_of_partial_dates() {
        let jan = bounds(PartialDate::Month(2022, 1));
        assert_eq!(jan.1 - jan.0, 30);
        assert_eq!(
            When::of(None, Some(PartialDate::Day(2022, 1, 5)))
                .interval()
                .1,
            day_number(2022, 1, 5)
        );
        assert_eq!(When::of(None, None), When::Unknown);
        assert_eq!(
            When::of(Some(PartialDate::Day(2022, 1, 5)), None),
            When::Day(day_number(2022, 1, 5))
        );
    }
}
