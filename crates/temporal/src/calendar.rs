//! Calendar arithmetic on civil days: day numbers, weekdays, ISO weeks.
//!
//! Days are counted from 1970-01-01 (proleptic Gregorian calendar,
//! astronomical years: 1 BC is year 0). All functions are total: no input
//! panics, out-of-range values are clamped or rejected by the callers.

use chronik_model::date::days_in_month;

/// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
pub fn days_from_civil(y: i32, m: u8, d: u8) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

/// The civil date of a day number.
pub fn civil_from_days(z: i64) -> (i32, u8, u8) {
    let z = z + 719468;
    let era = if z >= 0 { z } else { z - 146096 } / 146097;
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    ((y + i64::from(m <= 2)) as i32, m, d)
}

/// ISO weekday (1 = Monday … 7 = Sunday) of a day number.
pub fn weekday(days: i64) -> u8 {
    ((days + 3).rem_euclid(7) + 1) as u8
}

/// The Monday of the ISO week containing `days`.
pub fn monday_of(days: i64) -> i64 {
    days - i64::from(weekday(days)) + 1
}

/// ISO week-numbering year and week (1–53) of a day number.
pub fn iso_week(days: i64) -> (i32, u8) {
    // The Thursday of the same week decides the year.
    let thursday = monday_of(days) + 3;
    let (y, _, _) = civil_from_days(thursday);
    let jan1 = days_from_civil(y, 1, 1);
    (y, ((thursday - jan1) / 7 + 1) as u8)
}

/// Last day of a month as a day number.
pub fn last_of_month(y: i32, m: u8) -> i64 {
    days_from_civil(y, m, days_in_month(y, m))
}

/// Adds months to a (year, month), with the year carried.
pub fn add_months(y: i32, m: u8, delta: i64) -> Option<(i32, u8)> {
    let idx = i64::from(y).checked_mul(12)? + i64::from(m) - 1 + delta;
    let y = i32::try_from(idx.div_euclid(12)).ok()?;
    Some((y, (idx.rem_euclid(12) + 1) as u8))
}

/// True when a year lies in the range this crate reasons about (the
/// day-number arithmetic is exact far beyond it).
pub fn sane_year(y: i64) -> bool {
    (-9999..=9999).contains(&y)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_round_trip_and_weekdays() {
        for (y, m, d) in [
            (1970, 1, 1),
            (2022, 1, 5),
            (2000, 2, 29),
            (-489, 9, 12),
            (1, 1, 1),
        ] {
            assert_eq!(civil_from_days(days_from_civil(y, m, d)), (y, m, d));
        }
        assert_eq!(weekday(days_from_civil(2022, 1, 5)), 3, "a Wednesday");
        assert_eq!(weekday(days_from_civil(1970, 1, 1)), 4, "a Thursday");
    }

    #[test]
    fn calendar_iso_weeks() {
        assert_eq!(iso_week(days_from_civil(2022, 1, 5)), (2022, 1));
        assert_eq!(iso_week(days_from_civil(2022, 1, 2)), (2021, 52));
        assert_eq!(iso_week(days_from_civil(2020, 12, 31)), (2020, 53));
        assert_eq!(iso_week(days_from_civil(2019, 12, 30)), (2020, 1));
    }

    #[test]
    fn calendar_add_months() {
        assert_eq!(add_months(2022, 1, -1), Some((2021, 12)));
        assert_eq!(add_months(2022, 11, 3), Some((2023, 2)));
        assert_eq!(add_months(2022, 3, -27), Some((2019, 12)));
    }
}
