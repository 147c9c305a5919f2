//! The underspecified meaning of a temporal expression, before resolution.
//!
//! An [`Expr`] records what the words say ("the day before the reference",
//! "a Wednesday", "December 16 of an unknown year"), never a guess. Turning
//! it into a calendar value is [`crate::resolve()`]'s job.

use crate::Timex;

/// What a relative expression counts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Anchor {
    /// The time of writing ("gestern", "last week", "три дня назад"):
    /// resolved against the document date in news.
    Speech,
    /// A time the text mentioned before ("am Tag darauf", "im selben Jahr",
    /// "two days later"): resolved only in narrative mode; unresolved
    /// against a document date (fail safe).
    Narrative,
}

/// A year as the text gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum YearSpec {
    /// A full year, astronomical numbering (1 BC = 0, 490 BC = -489).
    Full(i32),
    /// A two-digit year ("1.9.39", "1884/85"): the century comes from the
    /// reference.
    TwoDigit(u8),
    /// A year counted from an anchor ("desselben Jahres" = 0, "des
    /// folgenden Jahres" = +1, "letzten Jahres" = -1).
    Relative {
        /// Years after (positive) or before the anchor year.
        offset: i32,
        /// Counted from the time of writing or from the narrative.
        anchor: Anchor,
    },
}

/// A calendar date with some parts known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct DateSpec {
    /// The year, when the text gives one.
    pub year: Option<YearSpec>,
    /// The month (1–12).
    pub month: Option<u8>,
    /// The day of the month (1–31).
    pub day: Option<u8>,
}

/// A direction relative to the anchor, for weekdays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    /// No direction word: the most recent one (news) or the next one
    /// (narrative).
    Unmarked,
    /// "vergangenen", "last", "прошлый": strictly before.
    Last,
    /// "kommenden", "next", "следующий": strictly after.
    Next,
}

/// A calendar unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    /// Minute.
    Minute,
    /// Hour.
    Hour,
    /// Day.
    Day,
    /// Night (durations only: "zwei Nächte").
    Night,
    /// ISO week (Monday–Sunday).
    Week,
    /// Saturday and Sunday.
    Weekend,
    /// Calendar month.
    Month,
    /// Half a year.
    HalfYear,
    /// Calendar year.
    Year,
    /// Decade.
    Decade,
    /// Century.
    Century,
}

impl Unit {
    /// The TIMEX2 duration letter(s) of the unit.
    pub fn code(self) -> &'static str {
        match self {
            Unit::Minute => "M",
            Unit::Hour => "H",
            Unit::Day => "D",
            Unit::Night => "NI",
            Unit::Week | Unit::Weekend => "W",
            Unit::Month => "M",
            Unit::HalfYear => "M",
            Unit::Year => "Y",
            Unit::Decade => "DE",
            Unit::Century => "CE",
        }
    }
}

/// A part of a day (TIMEX2 codes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DayPart {
    /// Morning, `MO`.
    Morning,
    /// Midday, `MI`.
    Midday,
    /// Afternoon, `AF`.
    Afternoon,
    /// Evening, `EV`.
    Evening,
    /// The night starting on the day, `NI` ("Nacht vom 16.", "last night"
    /// = the night of yesterday).
    Night,
    /// The night ending on the day ("in der Nacht auf Donnerstag", "в ночь
    /// на четверг"): value and date are the named day, the interval starts
    /// the evening before.
    NightBefore,
}

impl DayPart {
    /// The TIMEX2 code.
    pub fn code(self) -> &'static str {
        match self {
            DayPart::Morning => "MO",
            DayPart::Midday => "MI",
            DayPart::Afternoon => "AF",
            DayPart::Evening => "EV",
            DayPart::Night | DayPart::NightBefore => "NI",
        }
    }
}

/// Start, middle or end of a period ("Anfang", "Mitte", "Ende").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Part {
    /// "Anfang", "early", "в начале": TIMEX2 mod `START`.
    Start,
    /// "Mitte", "mid", "в середине": `MID`.
    Mid,
    /// "Ende", "late", "в конце": `END`.
    End,
}

/// A season (TIMEX2 codes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Season {
    /// Spring, `SP` (March–May).
    Spring,
    /// Summer, `SU` (June–August).
    Summer,
    /// Autumn, `FA` (September–November).
    Autumn,
    /// Winter, `WI` (December–February of the next year).
    Winter,
}

impl Season {
    /// The TIMEX2 code.
    pub fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Autumn => "FA",
            Season::Winter => "WI",
        }
    }
}

/// Present, past or future reference ("derzeit", "damals", "künftig").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RefKind {
    /// `PRESENT_REF`.
    Present,
    /// `PAST_REF`.
    Past,
    /// `FUTURE_REF`.
    Future,
}

impl RefKind {
    /// The TIMEX2 value.
    pub fn value(self) -> &'static str {
        match self {
            RefKind::Present => "PRESENT_REF",
            RefKind::Past => "PAST_REF",
            RefKind::Future => "FUTURE_REF",
        }
    }
}

/// A TIMEX2 `mod`: a part of a period or a vagueness of the amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mod {
    /// `START`.
    Start,
    /// `MID`.
    Mid,
    /// `END`.
    End,
    /// `APPROX` ("etwa", "about", "около").
    Approx,
    /// `MORE_THAN` ("mehr als", "over").
    MoreThan,
    /// `LESS_THAN` ("weniger als", "under").
    LessThan,
    /// `EQUAL_OR_MORE` ("mindestens", "at least").
    EqualOrMore,
    /// `EQUAL_OR_LESS` ("höchstens", "at most").
    EqualOrLess,
}

impl Mod {
    /// The TIMEX2 attribute value.
    pub fn code(self) -> &'static str {
        match self {
            Mod::Start => "START",
            Mod::Mid => "MID",
            Mod::End => "END",
            Mod::Approx => "APPROX",
            Mod::MoreThan => "MORE_THAN",
            Mod::LessThan => "LESS_THAN",
            Mod::EqualOrMore => "EQUAL_OR_MORE",
            Mod::EqualOrLess => "EQUAL_OR_LESS",
        }
    }
}

impl From<Part> for Mod {
    fn from(p: Part) -> Mod {
        match p {
            Part::Start => Mod::Start,
            Part::Mid => Mod::Mid,
            Part::End => Mod::End,
        }
    }
}

/// The meaning of a temporal expression, as far as the words go.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    /// A calendar date, full or partial: "16. Dezember 2011", "5. Januar",
    /// "im Mai", "1986", "Juni desselben Jahres".
    Date(DateSpec),
    /// A weekday counted from the anchor: "am Mittwoch", "last Tuesday".
    Weekday {
        /// ISO weekday, 1 = Monday.
        weekday: u8,
        /// Before or after the anchor.
        direction: Direction,
        /// Counted from the time of writing, or from the narrative ("am
        /// folgenden Montag").
        anchor: Anchor,
    },
    /// A day offset: "gestern" (-1, speech), "am Tag darauf" (+1,
    /// narrative); with the weekday the text also names, to be checked
    /// ("am gestrigen Mittwoch").
    RelativeDay {
        /// Days after (positive) or before the anchor.
        offset: i32,
        /// A weekday the day must fall on.
        weekday: Option<u8>,
        /// Counted from the time of writing or from the narrative.
        anchor: Anchor,
    },
    /// A unit-sized period shifted from the anchor's: "letzte Woche"
    /// (week -1), "im Vorjahr" (year -1), "im selben Monat" (month 0),
    /// "drei Monate später" (month +3), "am vergangenen Wochenende".
    Relative {
        /// The calendar unit.
        unit: Unit,
        /// Units after (positive) or before the anchor.
        offset: i32,
        /// Counted from the time of writing or from the narrative.
        anchor: Anchor,
    },
    /// A part of a day: "Morgen des 22. Juni", "gestern Abend", "in der
    /// Nacht auf Donnerstag".
    PartOfDay {
        /// Which part.
        part: DayPart,
        /// The day.
        day: Box<Expr>,
    },
    /// The start, middle or end of a period: "Anfang Januar", "Ende 1978",
    /// "early January", "в конце 2011 года".
    PartOf {
        /// Which part.
        part: Part,
        /// The period.
        of: Box<Expr>,
    },
    /// A season: "Frühjahr 1776", "im Sommer", "last winter".
    Season {
        /// Which season.
        season: Season,
        /// Its year, when given.
        year: Option<YearSpec>,
    },
    /// A half of a year: "1. Halbjahr", "zweite Jahreshälfte".
    HalfYear {
        /// 1 or 2.
        half: u8,
        /// Its year, when given.
        year: Option<YearSpec>,
    },
    /// A century: "20. Jahrhundert" (20), "4. Jh. v. Chr." (4, BC).
    Century {
        /// The ordinal number of the century.
        number: u16,
        /// Counted before Christ.
        bc: bool,
    },
    /// A decade: "1930er" (Some(193)), "zwanziger Jahre" (None, tens 2).
    Decade {
        /// The first three digits of the decade's years, when written.
        digits: Option<u16>,
        /// The tens digit (0–9).
        tens: u8,
        /// Counted before Christ ("460er Jahre v. Chr.").
        bc: bool,
    },
    /// A clock time, on a given day or on the anchor's day: "4:45 Uhr",
    /// "11. November 11 Uhr".
    Time {
        /// Hour, 0–24.
        hour: u8,
        /// Minute, 0–59.
        minute: u8,
        /// The day, when the expression names it.
        day: Option<Box<Expr>>,
        /// A UTC offset in hours, when named ("mitteleuropäischer Zeit").
        zone: Option<i8>,
    },
    /// A length of time, not a point: "drei Tage lang" (3 days), "seit
    /// Tagen" (unspecified number of days), "for three days".
    Duration {
        /// The number of units; `None` for an unspecified number ("PXD").
        amount: Option<f64>,
        /// The unit.
        unit: Unit,
    },
    /// A recurring time ("täglich", "pro Tag"): a set, not a point.
    Set {
        /// The period of recurrence.
        unit: Unit,
    },
    /// "derzeit", "damals", "künftig" (and "heute" in narratives).
    Ref(RefKind),
    /// A vague amount or a TIMEX2 mod on another expression: "etwa 1945",
    /// "mehr als drei Wochen".
    Modified {
        /// The modifier.
        modifier: Mod,
        /// The modified expression.
        expr: Box<Expr>,
    },
    /// A range of two expressions: "vom 2. bis 5. Januar", "1912/13".
    Range(Box<Timex>, Box<Timex>),
}

impl Expr {
    /// True for expressions that name a time (a date, a day, a period),
    /// false for durations, sets and present/past/future references.
    pub fn is_point(&self) -> bool {
        match self {
            Expr::Duration { .. } | Expr::Set { .. } | Expr::Ref(_) => false,
            Expr::Modified { expr, .. } => expr.is_point(),
            _ => true,
        }
    }
}
