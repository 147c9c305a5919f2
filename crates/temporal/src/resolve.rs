//! Resolution: an [`Expr`] and a reference date become a TIMEX2 value, an
//! interval of civil days, a precision and the ACLED time_precision code.
//!
//! The reference keeps its precision. A day reference gives day
//! arithmetic; with a month reference ("2022-01"), expressions that need a
//! day ("gestern", "am Mittwoch", "letzte Woche") keep the month: the
//! answer is the reference interval moved by the offset, and a few days of
//! spill into the neighbouring month are ignored (said in `reasoning`).
//! Expressions that count from a time mentioned earlier in the text ("am
//! Tag darauf", "im selben Jahr", "two days later") resolve only in
//! narrative mode; against a document date they stay unresolved. Fail
//! safe: unresolved beats wrong. All functions are total: no input panics.

use chronik_model::PartialDate;
use chronik_model::date::days_in_month;

use crate::Timex;
use crate::calendar::{
    add_months, civil_from_days, days_from_civil, iso_week, last_of_month, monday_of, sane_year,
    weekday,
};
use crate::expr::{
    Anchor, DateSpec, DayPart, Direction, Expr, Mod, Part, RefKind, Season, Unit, YearSpec,
};

/// What relative expressions are resolved against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reference {
    /// News: the publication date at its precision. Speech-anchored
    /// expressions ("gestern") resolve against it; narrative-anchored ones
    /// ("am Tag darauf") do not.
    Document(PartialDate),
    /// Narratives (history texts): the most recently mentioned date, at its
    /// precision; every relative expression counts from it (HeidelTime's
    /// NARRATIVES mode).
    Narrative(PartialDate),
    /// No reference: only explicit dates, durations and references resolve.
    None,
}

/// How precisely a resolved expression pins down its time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Precision {
    /// One civil day.
    Day,
    /// A week or a few days.
    Week,
    /// A month (or part of one: "Anfang Januar").
    Month,
    /// A year (or a season, a half, a part of one).
    Year,
    /// A decade.
    Decade,
    /// A century.
    Century,
    /// Not a point in time (durations, sets, present/past/future references).
    None,
}

/// A resolved temporal expression.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    /// The TIMEX2 `val`: "2022-01-05", "2022-01", "2022-W01",
    /// "2022-01-05TNI", "P3D", "PXY", "PRESENT_REF", "BC0490", "19".
    pub value: String,
    /// The TIMEX2 `mod` ("START" for "Anfang Januar", "APPROX" for "etwa").
    pub modifier: Option<Mod>,
    /// The date to record for an event at this time, at its precision: the
    /// finest `YYYY`, `YYYY-MM` or `YYYY-MM-DD` that contains the whole
    /// named period ("Anfang Januar" → 2022-01; "in der Nacht auf
    /// Donnerstag" → the Thursday). Astronomical years (1 BC = 0). `None`
    /// for durations and references and for periods longer than a year.
    pub date: Option<PartialDate>,
    /// First and last civil day (inclusive, `PartialDate::Day`) the
    /// expression can mean: "Anfang Januar" → 1–10 January; "in der Nacht
    /// auf Donnerstag" → Wednesday–Thursday. `None` for non-points.
    pub interval: Option<(PartialDate, PartialDate)>,
    /// How precise the time is.
    pub precision: Precision,
    /// ACLED `time_precision`: 1 = day, 2 = a week or a few days, 3 = a
    /// month (or a season or half-year); `None` for a year or coarser and
    /// for non-points (ACLED does not code those).
    pub acled_time_precision: Option<u8>,
    /// False for durations, sets and present/past/future references.
    pub is_point: bool,
    /// One line on how the value was reached, e.g. "gestern = 2022-01-05 −
    /// 1 day" or "Mittwoch in 2022-01 (month reference) → month".
    pub reasoning: String,
}

/// A calendar value before formatting.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Cal {
    Day(i64),
    Week(i64),
    Weekend(i64),
    Month(i32, u8),
    Season(i32, Season),
    HalfYear(i32, u8),
    Year(i32),
    Decade(i32, bool),
    Century(i32, bool),
    Span(i64, i64),
}

#[derive(Debug, Clone)]
struct Point {
    cal: Cal,
    suffix: String,
    modifier: Option<Mod>,
    part: Option<Part>,
    night_before: bool,
    value: Option<String>,
    reason: String,
}

fn point(cal: Cal, reason: impl Into<String>) -> Option<Point> {
    cal_ok(cal).then(|| Point {
        cal,
        suffix: String::new(),
        modifier: None,
        part: None,
        night_before: false,
        value: None,
        reason: reason.into(),
    })
}

fn cal_ok(cal: Cal) -> bool {
    let day_ok = |n: i64| n.abs() < 4_000_000;
    match cal {
        Cal::Day(n) | Cal::Week(n) | Cal::Weekend(n) => day_ok(n),
        Cal::Span(a, b) => day_ok(a) && day_ok(b) && a <= b,
        Cal::Month(y, m) => sane_year(y.into()) && (1..=12).contains(&m),
        Cal::Season(y, _) | Cal::Year(y) => sane_year(y.into()),
        Cal::HalfYear(y, h) => sane_year(y.into()) && (1..=2).contains(&h),
        Cal::Decade(d, _) => (0..1000).contains(&d),
        Cal::Century(c, _) => (0..100).contains(&c),
    }
}

fn fmt_year(y: i32) -> String {
    if y <= 0 {
        format!("BC{:04}", 1 - i64::from(y))
    } else {
        format!("{y:04}")
    }
}

fn fmt_day(n: i64) -> String {
    let (y, m, d) = civil_from_days(n);
    format!("{}-{m:02}-{d:02}", fmt_year(y))
}

fn day_date(n: i64) -> PartialDate {
    let (y, m, d) = civil_from_days(n);
    PartialDate::Day(y, m, d)
}

impl Cal {
    fn value(self) -> String {
        match self {
            Cal::Day(n) => fmt_day(n),
            Cal::Week(n) => {
                let (y, w) = iso_week(n);
                format!("{}-W{w:02}", fmt_year(y))
            }
            Cal::Weekend(n) => {
                let (y, w) = iso_week(n);
                format!("{}-W{w:02}-WE", fmt_year(y))
            }
            Cal::Month(y, m) => format!("{}-{m:02}", fmt_year(y)),
            Cal::Season(y, s) => format!("{}-{}", fmt_year(y), s.code()),
            Cal::HalfYear(y, h) => format!("{}-H{h}", fmt_year(y)),
            Cal::Year(y) => fmt_year(y),
            Cal::Decade(d, bc) => format!("{}{d:03}", if bc { "BC" } else { "" }),
            Cal::Century(c, bc) => format!("{}{c:02}", if bc { "BC" } else { "" }),
            Cal::Span(a, b) => format!("{}/{}", fmt_day(a), fmt_day(b)),
        }
    }

    /// First and last day number.
    fn days(self) -> (i64, i64) {
        let year = |y: i32| (days_from_civil(y, 1, 1), days_from_civil(y, 12, 31));
        match self {
            Cal::Day(n) => (n, n),
            Cal::Week(n) => (n, n + 6),
            Cal::Weekend(n) => (n, n + 1),
            Cal::Month(y, m) => (days_from_civil(y, m, 1), last_of_month(y, m)),
            Cal::Season(y, s) => match s {
                Season::Spring => (days_from_civil(y, 3, 1), days_from_civil(y, 5, 31)),
                Season::Summer => (days_from_civil(y, 6, 1), days_from_civil(y, 8, 31)),
                Season::Autumn => (days_from_civil(y, 9, 1), days_from_civil(y, 11, 30)),
                Season::Winter => (days_from_civil(y, 12, 1), last_of_month(y + 1, 2)),
            },
            Cal::HalfYear(y, 1) => (days_from_civil(y, 1, 1), days_from_civil(y, 6, 30)),
            Cal::HalfYear(y, _) => (days_from_civil(y, 7, 1), days_from_civil(y, 12, 31)),
            Cal::Year(y) => year(y),
            Cal::Decade(d, bc) => {
                let (a, b) = (d * 10, d * 10 + 9);
                if bc {
                    (year(1 - b).0, year(1 - a).1)
                } else {
                    (year(a).0, year(b).1)
                }
            }
            Cal::Century(c, bc) => {
                let (a, b) = (c * 100, c * 100 + 99);
                if bc {
                    (year(1 - b - 1).0, year(-a).1)
                } else {
                    (year(a).0, year(b).1)
                }
            }
            Cal::Span(a, b) => (a, b),
        }
    }

    fn precision(self) -> Precision {
        match self {
            Cal::Day(_) => Precision::Day,
            Cal::Week(_) | Cal::Weekend(_) => Precision::Week,
            Cal::Month(..) => Precision::Month,
            Cal::Season(..) | Cal::HalfYear(..) | Cal::Year(_) => Precision::Year,
            Cal::Decade(..) => Precision::Decade,
            Cal::Century(..) => Precision::Century,
            Cal::Span(a, b) => {
                let ((ya, ma, _), (yb, mb, _)) = (civil_from_days(a), civil_from_days(b));
                if a == b {
                    Precision::Day
                } else if b - a < 7 {
                    Precision::Week
                } else if (ya, ma) == (yb, mb) {
                    Precision::Month
                } else if ya == yb {
                    Precision::Year
                } else {
                    Precision::Decade
                }
            }
        }
    }

    fn acled(self) -> Option<u8> {
        match self.precision() {
            Precision::Day => Some(1),
            Precision::Week => Some(2),
            Precision::Month => Some(3),
            Precision::Year if matches!(self, Cal::Season(..) | Cal::HalfYear(..)) => Some(3),
            _ => None,
        }
    }
}

/// The finest partial date containing days `a..=b`.
fn covering(a: i64, b: i64) -> Option<PartialDate> {
    let ((ya, ma, da), (yb, mb, _)) = (civil_from_days(a), civil_from_days(b));
    if a == b {
        Some(PartialDate::Day(ya, ma, da))
    } else if (ya, ma) == (yb, mb) {
        Some(PartialDate::Month(ya, ma))
    } else if ya == yb {
        Some(PartialDate::Year(ya))
    } else {
        None
    }
}

impl Point {
    fn into_resolved(self) -> Resolved {
        let (a, b) = self.cal.days();
        let date = covering(a, b);
        let (mut first, mut last) = (a, b);
        // A part narrows the interval: thirds of a month or of a year.
        if let Some(part) = self.part {
            let thirds = |a: i64, b: i64| -> (i64, i64) {
                let len = b - a + 1;
                match part {
                    Part::Start => (a, a + len / 3 - 1),
                    Part::Mid => (a + len / 3, a + 2 * len / 3 - 1),
                    Part::End => (a + 2 * len / 3, b),
                }
            };
            match self.cal {
                Cal::Month(y, m) => {
                    let last_day = i64::from(days_in_month(y, m));
                    let (s, e) = match part {
                        Part::Start => (1, 10),
                        Part::Mid => (11, 20),
                        Part::End => (21, last_day),
                    };
                    (first, last) = (a + s - 1, a + e - 1);
                }
                Cal::Year(y) => {
                    let (sm, em) = match part {
                        Part::Start => (1, 4),
                        Part::Mid => (5, 8),
                        Part::End => (9, 12),
                    };
                    (first, last) = (days_from_civil(y, sm, 1), last_of_month(y, em));
                }
                Cal::Season(..) | Cal::HalfYear(..) | Cal::Decade(..) | Cal::Century(..) => {
                    (first, last) = thirds(a, b);
                }
                _ => {}
            }
        }
        if self.night_before {
            first -= 1;
        }
        let value = self.value.unwrap_or_else(|| self.cal.value()) + &self.suffix;
        Resolved {
            value,
            modifier: self.modifier,
            date,
            interval: Some((day_date(first), day_date(last))),
            precision: self.cal.precision(),
            acled_time_precision: self.cal.acled(),
            is_point: true,
            reasoning: self.reason,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Document,
    Narrative,
    None,
}

#[derive(Debug, Clone, Copy)]
struct Ctx {
    mode: Mode,
    base: Option<PartialDate>,
}

impl Ctx {
    fn base_year(&self) -> Option<i32> {
        self.base.map(PartialDate::year)
    }

    /// Narrative-anchored expressions resolve only in narrative mode.
    fn allows(&self, anchor: Anchor) -> bool {
        anchor == Anchor::Speech || self.mode == Mode::Narrative
    }

    fn base_cal(&self) -> Option<Cal> {
        Some(match self.base? {
            PartialDate::Day(y, m, d) => Cal::Day(days_from_civil(y, m, d)),
            PartialDate::Month(y, m) => Cal::Month(y, m),
            PartialDate::Year(y) => Cal::Year(y),
        })
    }

    fn base_text(&self) -> String {
        self.base
            .map_or_else(|| "none".to_string(), |b| b.to_string())
    }

    fn kind(&self) -> &'static str {
        match self.mode {
            Mode::Document => "document",
            Mode::Narrative => "narrative",
            Mode::None => "no",
        }
    }
}

fn two_digit_year(yy: u8, base: i32) -> i32 {
    let c = base.div_euclid(100) * 100;
    [c - 100, c, c + 100]
        .into_iter()
        .map(|c| c + i32::from(yy))
        .min_by_key(|y| (y - base).abs())
        .unwrap_or(c + i32::from(yy))
}

fn year_of(spec: YearSpec, ctx: &Ctx) -> Option<i32> {
    match spec {
        YearSpec::Full(y) => Some(y),
        YearSpec::TwoDigit(yy) => Some(two_digit_year(yy, ctx.base_year()?)),
        YearSpec::Relative { offset, anchor } => {
            if !ctx.allows(anchor) {
                return None;
            }
            ctx.base_year()?.checked_add(offset)
        }
    }
}

fn eval_date(spec: &DateSpec, ctx: &Ctx) -> Option<Point> {
    let given = spec.year.map(|y| year_of(y, ctx));
    if let Some(None) = given {
        return None;
    }
    let year = given.flatten();
    match (year, spec.month, spec.day) {
        (Some(y), Some(m), Some(d)) => {
            PartialDate::ymd(y, m, d)?;
            point(Cal::Day(days_from_civil(y, m, d)), "explicit date")
        }
        (Some(y), Some(m), None) => point(Cal::Month(y, m), "explicit month"),
        (Some(y), None, None) => point(Cal::Year(y), "explicit year"),
        (Some(_), None, Some(_)) => None,
        (None, Some(m), day) => {
            if ctx.mode == Mode::None {
                return None;
            }
            let base = ctx.base?;
            let mut y = base.year();
            let mut why = format!("year of the {} reference {}", ctx.kind(), base);
            if ctx.mode == Mode::Document
                && let Some(bm) = base.month()
                && m > bm + 1
            {
                y -= 1;
                why = format!("month {m} lies after the reference {base}: the year before");
            }
            match day {
                Some(d) => {
                    PartialDate::ymd(y, m, d)?;
                    point(Cal::Day(days_from_civil(y, m, d)), why)
                }
                None => point(Cal::Month(y, m), why),
            }
        }
        (None, None, Some(d)) => {
            let base = ctx.base?;
            let (y, m) = match base {
                PartialDate::Day(y, m, bd) if ctx.mode == Mode::Document && d > bd => {
                    add_months(y, m, -1)?
                }
                PartialDate::Day(y, m, _) | PartialDate::Month(y, m) => (y, m),
                PartialDate::Year(_) => return None,
            };
            PartialDate::ymd(y, m, d)?;
            point(
                Cal::Day(days_from_civil(y, m, d)),
                format!("day {d} in the month of the reference {base}"),
            )
        }
        (None, None, None) => None,
    }
}

fn eval_weekday(wd: u8, dir: Direction, anchor: Anchor, ctx: &Ctx, name: &str) -> Option<Point> {
    if !ctx.allows(anchor) {
        return None;
    }
    match ctx.base_cal()? {
        Cal::Day(n) => {
            let bw = i64::from(weekday(n));
            let wd = i64::from(wd);
            let back = (bw - wd).rem_euclid(7);
            let ahead = (wd - bw).rem_euclid(7);
            let day = match (dir, ctx.mode) {
                (Direction::Last, _) => n - if back == 0 { 7 } else { back },
                (Direction::Next, _) => n + if ahead == 0 { 7 } else { ahead },
                (Direction::Unmarked, Mode::Narrative) => n + ahead,
                (Direction::Unmarked, _) => n - back,
            };
            point(
                Cal::Day(day),
                format!("{name} relative to {} = {}", ctx.base_text(), fmt_day(day)),
            )
        }
        Cal::Month(y, m) => point(
            Cal::Month(y, m),
            format!("{name} in {} (month reference) → month", ctx.base_text()),
        ),
        Cal::Year(y) => point(
            Cal::Year(y),
            format!("{name} in {} (year reference) → year", ctx.base_text()),
        ),
        _ => None,
    }
}

fn eval_day_offset(offset: i32, wd: Option<u8>, anchor: Anchor, ctx: &Ctx) -> Option<Point> {
    if !ctx.allows(anchor) {
        return None;
    }
    let off = i64::from(offset);
    match ctx.base_cal()? {
        Cal::Day(n) => {
            let day = n + off;
            let why = format!(
                "{} {} {} day(s) = {}",
                ctx.base_text(),
                if off < 0 { "−" } else { "+" },
                off.abs(),
                fmt_day(day)
            );
            match wd {
                Some(w) if weekday(day) != w => {
                    // The text's weekday disagrees with the day count: keep
                    // what both readings share (fail safe).
                    let back = (i64::from(weekday(n)) - i64::from(w)).rem_euclid(7);
                    let alt = n - back;
                    let ((ya, ma, _), (yb, mb, _)) = (civil_from_days(day), civil_from_days(alt));
                    if iso_week(alt) == iso_week(day) {
                        point(
                            Cal::Week(monday_of(day)),
                            format!("{why}, but the weekday named is not that day → the week"),
                        )
                    } else if (ya, ma) == (yb, mb) {
                        point(
                            Cal::Month(ya, ma),
                            format!("{why}, but the weekday named is not that day → the month"),
                        )
                    } else {
                        None
                    }
                }
                _ => point(Cal::Day(day), why),
            }
        }
        Cal::Month(y, m) => point(
            Cal::Month(y, m),
            format!(
                "day offset {offset} in {} (month reference) → month",
                ctx.base_text()
            ),
        ),
        Cal::Year(y) => point(
            Cal::Year(y),
            format!(
                "day offset {offset} in {} (year reference) → year",
                ctx.base_text()
            ),
        ),
        _ => None,
    }
}

fn eval_relative(unit: Unit, offset: i32, anchor: Anchor, ctx: &Ctx) -> Option<Point> {
    if unit == Unit::Day {
        return eval_day_offset(offset, None, anchor, ctx);
    }
    if !ctx.allows(anchor) {
        return None;
    }
    let base = ctx.base_cal()?;
    let off = i64::from(offset);
    let bt = ctx.base_text();
    let coarse = |why: &str| match base {
        Cal::Month(y, m) => point(
            Cal::Month(y, m),
            format!("{why} in {bt} (month reference) → month"),
        ),
        Cal::Year(y) => point(
            Cal::Year(y),
            format!("{why} in {bt} (year reference) → year"),
        ),
        _ => None,
    };
    match unit {
        Unit::Week => match base {
            Cal::Day(n) => point(
                Cal::Week(monday_of(n) + 7 * off),
                format!("week {offset:+} from {bt}"),
            ),
            _ => coarse("week"),
        },
        Unit::Weekend => match base {
            Cal::Day(n) => {
                let (mon, bw) = (monday_of(n), weekday(n));
                let sat = match offset {
                    -1 => mon - 2,
                    0 if bw >= 6 => mon + 5,
                    0 if bw <= 3 => mon - 2,
                    0 => return None,
                    1 if bw >= 6 => mon + 12,
                    1 => mon + 5,
                    _ => return None,
                };
                point(Cal::Weekend(sat), format!("weekend {offset:+} from {bt}"))
            }
            _ => coarse("weekend"),
        },
        Unit::Month => {
            let (y, m) = match base {
                Cal::Day(n) => {
                    let (y, m, _) = civil_from_days(n);
                    (y, m)
                }
                Cal::Month(y, m) => (y, m),
                _ => return coarse("month"),
            };
            let (y, m) = add_months(y, m, off)?;
            point(Cal::Month(y, m), format!("month {offset:+} from {bt}"))
        }
        Unit::Year => {
            let y = year_of_cal(base)?.checked_add(offset)?;
            point(Cal::Year(y), format!("year {offset:+} from {bt}"))
        }
        Unit::Decade => {
            let d = year_of_cal(base)?.div_euclid(10).checked_add(offset)?;
            point(
                Cal::Decade(d, false),
                format!("decade {offset:+} from {bt}"),
            )
        }
        Unit::Century => {
            let c = year_of_cal(base)?.div_euclid(100).checked_add(offset)?;
            point(
                Cal::Century(c, false),
                format!("century {offset:+} from {bt}"),
            )
        }
        _ => None,
    }
}

fn year_of_cal(c: Cal) -> Option<i32> {
    match c {
        Cal::Day(n) => Some(civil_from_days(n).0),
        Cal::Month(y, _) | Cal::Year(y) => Some(y),
        _ => None,
    }
}

/// The year of a season or half-year without one: the reference's; "last
/// summer" is the most recent summer that ended before a month reference.
fn period_year(year: Option<YearSpec>, season: Option<Season>, ctx: &Ctx) -> Option<i32> {
    match year {
        Some(YearSpec::Relative {
            offset: -1,
            anchor: Anchor::Speech,
        }) if ctx.mode == Mode::Document => {
            let base = ctx.base?;
            let (by, bm) = (base.year(), base.month()?);
            Some(match season {
                Some(Season::Winter) => by - if bm >= 3 { 1 } else { 2 },
                Some(s) => {
                    let end = match s {
                        Season::Spring => 5,
                        Season::Summer => 8,
                        _ => 11,
                    };
                    if end < bm { by } else { by - 1 }
                }
                None => by - 1,
            })
        }
        Some(spec) => year_of(spec, ctx),
        None if ctx.mode == Mode::None => None,
        None => ctx.base_year(),
    }
}

fn eval(expr: &Expr, ctx: &Ctx) -> Option<Point> {
    match expr {
        Expr::Date(spec) => eval_date(spec, ctx),
        Expr::Weekday {
            weekday,
            direction,
            anchor,
        } => eval_weekday(*weekday, *direction, *anchor, ctx, "weekday"),
        Expr::RelativeDay {
            offset,
            weekday,
            anchor,
        } => eval_day_offset(*offset, *weekday, *anchor, ctx),
        Expr::Relative {
            unit,
            offset,
            anchor,
        } => eval_relative(*unit, *offset, *anchor, ctx),
        Expr::PartOfDay { part, day } => {
            let mut p = eval(day, ctx)?;
            if let Cal::Day(_) = p.cal {
                p.suffix = format!("T{}", part.code());
                p.night_before = *part == DayPart::NightBefore;
                p.reason = match part {
                    DayPart::NightBefore => format!("{}; the night ending that day (NI)", p.reason),
                    _ => format!("{}; {}", p.reason, part.code()),
                };
            }
            Some(p)
        }
        Expr::PartOf { part, of } => {
            let mut p = eval(of, ctx)?;
            p.part = Some(*part);
            p.modifier = Some(Mod::from(*part));
            Some(p)
        }
        Expr::Season { season, year } => {
            let y = period_year(*year, Some(*season), ctx)?;
            point(
                Cal::Season(y, *season),
                format!("season of {}", fmt_year(y)),
            )
        }
        Expr::HalfYear { half, year } => {
            let y = period_year(*year, None, ctx)?;
            point(
                Cal::HalfYear(y, *half),
                format!("half-year of {}", fmt_year(y)),
            )
        }
        Expr::Century { number, bc } => {
            let c = i32::from(*number) - 1;
            point(Cal::Century(c, *bc), "explicit century")
        }
        Expr::Decade { digits, tens, bc } => match digits {
            // "Anfang der 460er Jahre" in a passage before Christ.
            Some(d) => {
                let bc =
                    *bc || (ctx.mode == Mode::Narrative && ctx.base_year().is_some_and(|y| y <= 0));
                point(Cal::Decade(i32::from(*d), bc), "explicit decade")
            }
            None => {
                if ctx.mode == Mode::None {
                    return None;
                }
                let y = ctx.base_year()?;
                let mut d = y.div_euclid(100) * 10 + i32::from(*tens);
                if d * 10 > y {
                    d -= 10;
                }
                point(
                    Cal::Decade(d, false),
                    format!("decade in the century of {}", ctx.base_text()),
                )
            }
        },
        Expr::Time {
            hour,
            minute,
            day,
            zone,
        } => {
            let mut p = match day {
                Some(d) => eval(d, ctx)?,
                None => {
                    if ctx.mode != Mode::Narrative {
                        return None;
                    }
                    eval_day_offset(0, None, Anchor::Narrative, ctx)?
                }
            };
            if let Cal::Day(_) = p.cal {
                let z = zone.map_or(String::new(), |z| {
                    format!("{}{:02}", if z < 0 { '-' } else { '+' }, z.unsigned_abs())
                });
                p.suffix = format!("T{hour:02}:{minute:02}{z}");
            } else if day.is_none() {
                return None;
            }
            Some(p)
        }
        Expr::Modified { modifier, expr } => {
            let mut p = eval(expr, ctx)?;
            if p.modifier.is_none() {
                p.modifier = Some(*modifier);
            }
            if p.part.is_none()
                && let Some(part) = match modifier {
                    Mod::Start => Some(Part::Start),
                    Mod::Mid => Some(Part::Mid),
                    Mod::End => Some(Part::End),
                    _ => None,
                }
            {
                p.part = Some(part);
            }
            Some(p)
        }
        Expr::Range(a, b) => {
            let (pa, pb) = (eval(&a.expr, ctx)?, eval(&b.expr, ctx)?);
            let (first, last) = (pa.cal.days().0, pb.cal.days().1);
            if first > last {
                return None;
            }
            let value = format!("{}/{}", pa.cal.value(), pb.cal.value());
            let mut p = point(
                Cal::Span(first, last),
                format!("range: {}; {}", pa.reason, pb.reason),
            )?;
            p.value = Some(value);
            Some(p)
        }
        Expr::Duration { .. } | Expr::Set { .. } | Expr::Ref(_) => None,
    }
}

fn fmt_num(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e9 {
        format!("{}", x as i64)
    } else {
        let s = format!("{x:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// The TIMEX2 value of a duration: "P3D", "PT2H", "PXY", "P1Y6M".
pub fn duration_value(amount: Option<f64>, unit: Unit) -> String {
    let Some(a) = amount.filter(|a| a.is_finite() && *a >= 0.0 && *a < 1e7) else {
        return match unit {
            Unit::Hour | Unit::Minute => format!("PTX{}", unit.code()),
            Unit::Weekend => "PXWE".to_string(),
            _ => format!("PX{}", unit.code()),
        };
    };
    let whole = a.fract() == 0.0;
    let split = |a: f64, per: f64| -> (i64, i64) {
        let total = (a * per).round() as i64;
        (total / per as i64, total % per as i64)
    };
    match unit {
        Unit::Minute => format!("PT{}M", fmt_num(a)),
        Unit::Hour if whole && a >= 24.0 && a % 24.0 == 0.0 => format!("P{}D", fmt_num(a / 24.0)),
        Unit::Hour => {
            let (h, m) = split(a, 60.0);
            match (h, m) {
                (h, 0) => format!("PT{h}H"),
                (0, m) => format!("PT{m}M"),
                (h, m) => format!("PT{h}H{m}M"),
            }
        }
        Unit::Day if !whole => {
            let (d, h) = split(a, 24.0);
            if d == 0 {
                format!("PT{h}H")
            } else {
                format!("P{d}DT{h}H")
            }
        }
        Unit::Week if !whole => format!("P{}D", (a * 7.0).round() as i64),
        Unit::Year if !whole => {
            let (y, m) = split(a, 12.0);
            match (y, m) {
                (0, m) => format!("P{m}M"),
                (y, 0) => format!("P{y}Y"),
                (y, m) => format!("P{y}Y{m}M"),
            }
        }
        Unit::HalfYear => format!("P{}M", fmt_num(a * 6.0)),
        Unit::Decade if !whole => format!("P{}Y", fmt_num(a * 10.0)),
        Unit::Century if !whole => format!("P{}DE", fmt_num(a * 10.0)),
        Unit::Weekend => format!("P{}WE", fmt_num(a)),
        _ => format!("P{}{}", fmt_num(a), unit.code()),
    }
}

fn not_point(value: String, modifier: Option<Mod>, reasoning: String) -> Resolved {
    Resolved {
        value,
        modifier,
        date: None,
        interval: None,
        precision: Precision::None,
        acled_time_precision: None,
        is_point: false,
        reasoning,
    }
}

/// Resolves one expression against a reference. Deterministic and total:
/// `None` when the expression cannot be resolved safely.
pub fn resolve(expr: &Expr, reference: Reference) -> Option<Resolved> {
    match expr {
        Expr::Duration { amount, unit } => {
            let v = duration_value(*amount, *unit);
            return Some(not_point(
                v.clone(),
                None,
                format!("duration {v}, not a point in time"),
            ));
        }
        Expr::Set { unit } => {
            let v = duration_value(Some(1.0), *unit);
            return Some(not_point(
                v.clone(),
                None,
                format!("recurring every {v}, not a point in time"),
            ));
        }
        Expr::Ref(k) => {
            return Some(not_point(
                k.value().to_string(),
                None,
                "present/past/future reference".to_string(),
            ));
        }
        Expr::Modified {
            modifier,
            expr: inner,
        } if !inner.is_point() => {
            let mut r = resolve(inner, reference)?;
            r.modifier = Some(*modifier);
            return Some(r);
        }
        Expr::RelativeDay {
            offset: 0,
            weekday: None,
            anchor: Anchor::Speech,
        } if matches!(reference, Reference::Narrative(_)) => {
            return Some(not_point(
                RefKind::Present.value().to_string(),
                None,
                "\"today\" in a narrative: the time of writing, not a story date".to_string(),
            ));
        }
        _ => {}
    }
    // A reference outside years -9999..=9999 is not usable (and would
    // overflow the year arithmetic).
    let usable = |d: PartialDate| sane_year(d.year().into()).then_some(d);
    let ctx = match reference {
        Reference::Document(d) => Ctx {
            mode: Mode::Document,
            base: usable(d),
        },
        Reference::Narrative(d) => Ctx {
            mode: Mode::Narrative,
            base: usable(d),
        },
        Reference::None => Ctx {
            mode: Mode::None,
            base: None,
        },
    };
    eval(expr, &ctx).map(Point::into_resolved)
}

/// The anchor after a new date is mentioned: the new date, unless it
/// merely contains the current anchor ("1940" after "10. Mai 1940") or is
/// a bare year before it — a look back ("die ab 1941 ausgearbeiteten
/// Pläne" in a passage on June 1944) that does not move the story.
fn next_anchor(anchor: Option<PartialDate>, new: PartialDate) -> PartialDate {
    match anchor {
        Some(old) if old.refines(new) => old,
        Some(old)
            if matches!(new, PartialDate::Year(_))
                && !matches!(old, PartialDate::Year(_))
                && new.year() < old.year()
                && i64::from(old.year()) - i64::from(new.year()) <= 100 =>
        {
            old
        }
        _ => new,
    }
}

/// The year an expression writes out ("16. Dezember 1911", "Ende 1978",
/// "Frühjahr 1776"), if any.
fn explicit_year(e: &Expr) -> Option<i32> {
    match e {
        Expr::Date(DateSpec {
            year: Some(YearSpec::Full(y)),
            ..
        })
        | Expr::Season {
            year: Some(YearSpec::Full(y)),
            ..
        }
        | Expr::HalfYear {
            year: Some(YearSpec::Full(y)),
            ..
        } => Some(*y),
        Expr::PartOfDay { day, .. } | Expr::Time { day: Some(day), .. } => explicit_year(day),
        Expr::PartOf { of: inner, .. } | Expr::Modified { expr: inner, .. } => explicit_year(inner),
        Expr::Range(a, _) => explicit_year(&a.expr),
        _ => None,
    }
}

/// Resolves the expressions of one narrative text in order, each against
/// the most recently mentioned date (HeidelTime's NARRATIVES mode),
/// starting from the document creation time, which the first mentioned
/// date replaces. A resolved point becomes the new anchor, except when
/// - it merely contains the anchor ("1940" after "10. Mai 1940" keeps the
///   day);
/// - it is a bare year up to a century before the anchor (a look back:
///   "die ab 1941 ausgearbeiteten Pläne" in a passage on June 1944);
/// - it writes out a year and the text's next written year is closer to the
///   anchor than to it (a passing mention: "beginning with 15 July 1863"
///   in a passage on 1862);
/// - it looks back months or years from the anchor ("im Vorjahr", "vor drei
///   Jahren").
///
/// Ranges anchor at their end.
pub fn resolve_narrative(timexes: &[Timex], dct: Option<PartialDate>) -> Vec<Option<Resolved>> {
    let mut anchor = dct;
    // The creation time is no story date: the first mention replaces it.
    let mut mentioned = false;
    let mut out = Vec::with_capacity(timexes.len());
    // The next written year after each expression, for telling a passing
    // mention ("… beginning with 15 July 1863", in a passage on 1862) from
    // a move of the story: a mention is passing when the text's next
    // written year is closer to the current anchor than to it.
    let years: Vec<Option<i32>> = timexes.iter().map(|t| explicit_year(&t.expr)).collect();
    let mut next_year = vec![None; timexes.len()];
    let mut seen = None;
    for k in (0..timexes.len()).rev() {
        next_year[k] = seen;
        if years[k].is_some() {
            seen = years[k];
        }
    }
    for (k, t) in timexes.iter().enumerate() {
        let reference = anchor.map_or(Reference::None, Reference::Narrative);
        let r = resolve(&t.expr, reference);
        // A range anchors at its end.
        let anchor_expr = match &t.expr {
            Expr::Range(_, b) => &b.expr,
            e => e,
        };
        let new = match &t.expr {
            Expr::Range(..) => resolve(anchor_expr, reference).and_then(|r| r.date),
            _ => r.as_ref().filter(|r| r.is_point).and_then(|r| r.date),
        };
        let passing = match (years[k], next_year[k], anchor) {
            (Some(x), Some(y), Some(a)) if mentioned && (x != a.year()) => {
                let (x, y, a) = (i64::from(x), i64::from(y), i64::from(a.year()));
                (y - a).abs() < (y - x).abs()
            }
            _ => false,
        };
        // Looking back months or years ("im Vorjahr", "vor drei Jahren")
        // does not move the story.
        let look_back = matches!(t.expr, Expr::Relative { offset, unit, .. } if offset < 0 && unit != Unit::Week && unit != Unit::Weekend);
        if let Some(d) = new.filter(|_| !passing && !look_back) {
            anchor = Some(if mentioned { next_anchor(anchor, d) } else { d });
            mentioned = true;
        }
        out.push(r);
    }
    out
}
