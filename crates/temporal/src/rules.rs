//! The recognition rules: one ordered registry ([`RULES`]) of small
//! functions, each trying to read one kind of expression starting at a
//! token. The tagger runs every rule at every interesting token and keeps
//! the longest match (the earlier rule on ties), then moves past it.
//!
//! Rules read words only through the typed readers of [`Scan`]; which
//! words exist in which language is data (`resources/<lang>/time.tsv`).
//! Extents follow the TIMEX2 convention as WikiWarsDE draws it:
//! prepositions ("am", "im", "in", "в") stay outside, parts ("Anfang"),
//! modifiers ("etwa") and year words ("Jahr 1986") inside.
//!
//! To add a rule: write `fn name(s: &Scan, i: usize) -> Option<Hit>` that
//! reads words only through [`Scan`] and looks a bounded number of tokens
//! ahead (tagging must stay linear), put it into [`RULES`] at its priority,
//! add any new word class to `lexicon.rs` and every `time.tsv`, and add a
//! row per language to the tables in `lib.rs`.

use crate::Timex;
use crate::expr::{Anchor, DateSpec, DayPart, Direction, Expr, Mod, RefKind, Unit, YearSpec};
use crate::lexicon::{Clock, Link, Word};
use crate::scan::{DayStyle, Scan};
use crate::token::TokKind;

/// A rule's match: tokens `start..end`, the meaning, the rule's name, and
/// possibly a second expression read along ("Nacht vom 16. auf den 17.
/// April" → the night and the 17th).
#[derive(Debug, Clone)]
pub struct Hit {
    /// First token.
    pub start: usize,
    /// After the last token.
    pub end: usize,
    /// The meaning.
    pub expr: Expr,
    /// The rule that matched.
    pub rule: &'static str,
    /// A second expression found by the same rule, after this one.
    pub also: Option<Box<Hit>>,
}

fn hit(start: usize, end: usize, expr: Expr, rule: &'static str) -> Option<Hit> {
    Some(Hit {
        start,
        end,
        expr,
        rule,
        also: None,
    })
}

/// A rule: reads an expression starting at a token.
pub type Rule = fn(&Scan, usize) -> Option<Hit>;

/// The rules in priority order (earlier wins on equal length).
pub const RULES: &[(&str, Rule)] = &[
    ("date_numeric", date_numeric),
    ("date_day_month", date_day_month),
    ("date_month_day", date_month_day),
    ("day_range", day_range),
    ("day_alone", day_alone),
    ("month_year", month_year),
    ("month_pair", month_pair),
    ("month", month_bare),
    ("year", year),
    ("night", night),
    ("day_part", day_part),
    ("relative_day", relative_day),
    ("weekday", weekday),
    ("part_of", part_of),
    ("during", during),
    ("season", season),
    ("century", century),
    ("decade", decade),
    ("half_year", half_year),
    ("relative_unit", relative_unit),
    ("shifted", shifted),
    ("duration", duration),
    ("clock_time", clock_time),
    ("holiday", holiday),
    ("reference", reference),
];

/// Converts token positions to a [`Timex`].
pub fn to_timex(s: &Scan, start: usize, end: usize, expr: Expr, rule: &'static str) -> Timex {
    let byte_start = s.toks.get(start).map_or(0, |t| t.byte_start);
    let byte_end = end
        .checked_sub(1)
        .and_then(|k| s.toks.get(k))
        .map_or(byte_start, |t| t.byte_end);
    Timex {
        byte_start,
        byte_end,
        expr,
        rule,
    }
}

fn date(year: Option<YearSpec>, month: Option<u8>, day: Option<u8>) -> Expr {
    Expr::Date(DateSpec { year, month, day })
}

/// After a full date: "17. Juli morgens" (part of day) or "11. November
/// 11 Uhr" / "8. Mai, 23:01 Uhr" (a clock time).
fn date_tail(s: &Scan, end: usize, expr: Expr) -> (usize, Expr) {
    if let Some((part, true, e)) = s.daypart(end) {
        return (
            e,
            Expr::PartOfDay {
                part,
                day: Box::new(expr),
            },
        );
    }
    let j = if s.punct(end, ',') && s.cont(end) {
        end + 1
    } else {
        end
    };
    if let Some(h) = clock_time(s, j)
        && let Expr::Time {
            hour, minute, zone, ..
        } = h.expr
    {
        return (
            h.end,
            Expr::Time {
                hour,
                minute,
                day: Some(Box::new(expr)),
                zone,
            },
        );
    }
    (end, expr)
}

/// "05.01.2022", "1.9.39", "2022-01-05" (optionally "г." after).
fn date_numeric(s: &Scan, i: usize) -> Option<Hit> {
    let t = s.tok(i)?;
    if t.kind != TokKind::Number {
        return None;
    }
    let num = |k: usize| {
        s.tok(k)
            .filter(|x| x.kind == TokKind::Number && !x.space_before)
    };
    let sep = |k: usize, c: char| s.punct(k, c) && s.adjacent(k);
    // ISO: 2022-01-05
    if t.lower.len() == 4 && sep(i + 1, '-') && sep(i + 3, '-') {
        let (m, d) = (num(i + 2)?, num(i + 4)?);
        if m.lower.len() == 2 && d.lower.len() == 2 && !sep(i + 5, '-') {
            let y = t.number()? as i32;
            let (m, d) = (m.number()? as u8, d.number()? as u8);
            chronik_model::PartialDate::ymd(y, m, d)?;
            let expr = date(Some(YearSpec::Full(y)), Some(m), Some(d));
            let (end, expr) = date_tail(s, i + 5, expr);
            return hit(i, end, expr, "date_numeric");
        }
        return None;
    }
    // Day.Month.Year
    if t.lower.len() <= 2 && sep(i + 1, '.') && sep(i + 3, '.') {
        let (m, y) = (num(i + 2)?, num(i + 4)?);
        if m.lower.len() > 2
            || !(y.lower.len() == 2 || y.lower.len() == 4)
            || sep(i + 5, '.') && num(i + 6).is_some()
        {
            return None;
        }
        let (d, m, yv) = (t.number()? as u8, m.number()? as u8, y.number()? as i32);
        if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
            return None;
        }
        let year = if y.lower.len() == 4 {
            chronik_model::PartialDate::ymd(yv, m, d)?;
            YearSpec::Full(yv)
        } else {
            YearSpec::TwoDigit(yv as u8)
        };
        let end = s.year_word_after(i + 5);
        let (end, expr) = date_tail(s, end, date(Some(year), Some(m), Some(d)));
        return hit(i, end, expr, "date_numeric");
    }
    None
}

/// Optional weekday (and comma) before a date: "Montag, 3. Januar".
fn weekday_prefix(s: &Scan, i: usize) -> usize {
    if let Some((_, e)) = s.weekday(i) {
        if s.punct(e, ',') && s.cont(e) {
            return e + 1;
        }
        return e;
    }
    i
}

/// "16. Dezember 2011", "5 января 2022 года", "3rd of January", "8. Mai
/// desselben Jahres", with an optional weekday before.
fn date_day_month(s: &Scan, i: usize) -> Option<Hit> {
    let j = weekday_prefix(s, i);
    let (d, e, _) = s.day(j)?;
    let e = s.link(e, Link::Of).unwrap_or(e);
    let (m, e, _) = s.month(e)?;
    let (year, end) = match s.year_ref(e) {
        Some((y, e2)) => (Some(y), e2),
        None => (None, e),
    };
    let (end, expr) = date_tail(s, end, date(year, Some(m), Some(d)));
    hit(i, end, expr, "date_day_month")
}

/// "January 5, 2022", "Jan. 5", "Monday, January 3".
fn date_month_day(s: &Scan, i: usize) -> Option<Hit> {
    let j = weekday_prefix(s, i);
    let (m, e, ctx) = s.month(j)?;
    // "they march 3 km": ambiguous names need their capital.
    if ctx && s.tok(j).is_some_and(|t| !t.cap) {
        return None;
    }
    let (d, e, style) = s.day(e)?;
    if style == DayStyle::Dot {
        return None;
    }
    // "January 2 to 5", "Jan. 2-5, 2022": a range in one month.
    let dash = (s.punct(e, '-') || s.punct(e, '–')) && s.cont(e);
    if let Some(k) = s.link(e, Link::To).or(dash.then_some(e + 1))
        && let Some((d2, e2, st2)) = s.day(k)
        && d2 > d
        && st2 != DayStyle::Dot
    {
        let k2 = if s.punct(e2, ',') && s.cont(e2) {
            e2 + 1
        } else {
            e2
        };
        let (year, end) = match s.year_full(k2) {
            Some((y, e3)) => (Some(y), e3),
            None => (None, e2),
        };
        let a = to_timex(s, i, e, date(year, Some(m), Some(d)), "date_month_day");
        let b = to_timex(s, k, end, date(year, Some(m), Some(d2)), "date_month_day");
        return hit(
            i,
            end,
            Expr::Range(Box::new(a), Box::new(b)),
            "date_month_day",
        );
    }
    let k = if s.punct(e, ',') && s.cont(e) {
        e + 1
    } else {
        e
    };
    let (year, end) = match s.year_full(k) {
        Some((y, e2)) => (Some(y), e2),
        None => {
            // "Mai 12 Panzer": a number before a noun is a count.
            if s.tok(e).is_some_and(|t| t.kind == TokKind::Word && t.cap) && s.unknown(e) {
                return None;
            }
            (None, e)
        }
    };
    let (end, expr) = date_tail(s, end, date(year, Some(m), Some(d)));
    hit(i, end, expr, "date_month_day")
}

fn date_spec(e: &Expr) -> Option<DateSpec> {
    match e {
        Expr::Date(d) => Some(*d),
        Expr::PartOfDay { day, .. } => date_spec(day),
        Expr::Time { day: Some(d), .. } => date_spec(d),
        _ => None,
    }
}

/// "vom 2. bis 5. Januar", "27./28. September", "am 8. und 9. Mai",
/// "5-7 January", "с 5 по 7 января": the first day takes month and year
/// from the second.
fn day_range(s: &Scan, i: usize) -> Option<Hit> {
    let (d, e, style) = s.day(i)?;
    // "27./28.", "5-7 January", "2. bis 5.", "8. und 9.", "2 по 5"
    let k = if (s.punct(e, '/') || s.punct(e, '-') || s.punct(e, '–')) && s.cont(e) {
        e + 1
    } else {
        s.word(e, |w, _| {
            matches!(w, Word::Link(Link::To | Link::And)).then_some(())
        })?
        .1
    };
    let k = s.skip_article(k);
    if style == DayStyle::Plain
        && s.tok(e).is_some_and(|t| t.space_before)
        && !s.has(e, |w, _| matches!(w, Word::Link(_)))
    {
        return None;
    }
    let second = date_day_month(s, k)?;
    let spec = date_spec(&second.expr)?;
    spec.month?;
    let first = date(spec.year, spec.month, Some(d));
    let a = to_timex(s, i, e, first, "day_range");
    let b = to_timex(s, k, second.end, second.expr, second.rule);
    hit(
        i,
        second.end,
        Expr::Range(Box::new(a), Box::new(b)),
        "day_range",
    )
}

/// A day of the month alone after a preposition: "am 24.", "on the 24th".
fn day_alone(s: &Scan, i: usize) -> Option<Hit> {
    let (d, e, style) = s.day(i)?;
    if style == DayStyle::Plain
        || !s.prev_has(i, |w, _| {
            matches!(w, Word::Prep | Word::Link(Link::From | Link::To))
        })
    {
        return None;
    }
    // "vom 1. Kavalleriekorps", "am 3. und 4. …": an ordinal before a noun
    // or in a list.
    let noun = s.tok(e).is_some_and(|t| t.kind == TokKind::Word && t.cap) && s.unknown(e);
    if noun || s.has(e, |w, _| matches!(w, Word::Link(Link::And | Link::To))) || s.punct(e, '/') {
        return None;
    }
    // "am 24. Tag", "on the 3rd floor": a noun follows.
    if s.tok(e).is_some_and(|t| t.kind == TokKind::Number)
        || s.unit(e).is_some()
        || s.has(e, |w, _| w == Word::CountNoun)
    {
        return None;
    }
    if style == DayStyle::Suffix
        && s.tok(e).is_some_and(|t| t.kind == TokKind::Word)
        && s.unknown(e)
    {
        return None;
    }
    hit(i, e, date(None, None, Some(d)), "day_alone")
}

/// "Dezember 2011", "April des Jahres 1918", "Juni desselben Jahres",
/// "März des folgenden Jahres", "января 2022 года".
fn month_year(s: &Scan, i: usize) -> Option<Hit> {
    let (m, e, _) = s.month(i)?;
    let (y, end) = s.year_ref(e)?;
    hit(i, end, date(Some(y), Some(m), None), "month_year")
}

/// Two months sharing a year: "Mai/Juni 1940", "März und April 1865",
/// "January–February 2022".
fn month_pair(s: &Scan, i: usize) -> Option<Hit> {
    let (m1, e, _) = s.month(i)?;
    let k = if (s.punct(e, '/') || s.punct(e, '–') || s.punct(e, '-')) && s.cont(e) {
        e + 1
    } else {
        s.word(e, |w, _| {
            matches!(w, Word::Link(Link::To | Link::And)).then_some(())
        })?
        .1
    };
    let second = month_year(s, k)?;
    let Expr::Date(spec) = &second.expr else {
        return None;
    };
    let a = to_timex(s, i, e, date(spec.year, Some(m1), None), "month_pair");
    let b = to_timex(s, k, second.end, second.expr.clone(), "month_pair");
    hit(
        i,
        second.end,
        Expr::Range(Box::new(a), Box::new(b)),
        "month_pair",
    )
}

/// A month alone: "im Mai"; ambiguous names ("may", "march") need a
/// preposition before.
fn month_bare(s: &Scan, i: usize) -> Option<Hit> {
    let (m, e, ctx) = s.month(i)?;
    if ctx && !(s.context_before(i) && s.tok(i).is_some_and(|t| t.cap)) {
        return None;
    }
    // "August Bebel": a first name before a surname.
    if !s.context_before(i)
        && s.tok(e).is_some_and(|t| t.kind == TokKind::Word && t.cap)
        && s.unknown(e)
    {
        return None;
    }
    // "Juli-Krise": part of a compound name.
    if s.punct(e, '-') && s.adjacent(e) && s.adjacent(e + 1) {
        return None;
    }
    // "Jan" as a name: abbreviations need a number or context.
    if s.tok(i)
        .is_some_and(|t| t.lower.chars().count() <= 3 && t.lower != "mai" && t.lower != "май")
        && !s.context_before(i)
    {
        return None;
    }
    hit(i, e, date(None, Some(m), None), "month")
}

/// True when the number at `i` reads as a count, not a year: "1500
/// Panzern", "rund 1600 Loyalisten", "2000 people".
fn is_count(s: &Scan, i: usize, e: usize) -> bool {
    if s.has(e, |w, _| w == Word::CountNoun) && s.cont(e) {
        return true;
    }
    // "mehr als 2000", "über 1400": more or less than a year is a count.
    if s.phrase_before(i, |w, _| matches!(w, Word::Mod(m) if m != Mod::Approx)) {
        return true;
    }
    let cue = s.prev_has(i, |w, _| w == Word::CountCue);
    let noun_after = s
        .tok(e)
        .is_some_and(|t| t.kind == TokKind::Word && t.cap && !t.newline_before)
        && s.unknown(e);
    cue && noun_after
}

/// A year: "1986", "im Jahr 1986" (with "Jahr"), "490 v. Chr.", "2011
/// года", and year pairs "1912/13", "1926–28", "264–260 v. Chr.".
fn year(s: &Scan, i: usize) -> Option<Hit> {
    // "Jahr 1986", "Kriegsjahr 1984", "das Jahr 256 v. Chr."
    let (j, lead) = match s.unit(i) {
        Some((Unit::Year, _, e)) if s.tok(e).is_some_and(|t| t.kind == TokKind::Number) => {
            (e, true)
        }
        _ => (i, false),
    };
    let (y, e) = match s.year_full(j) {
        Some(r) => r,
        None => return bc_pair(s, i, j),
    };
    // "1920x1080", "img_2019": glued to letters or underscores.
    let glued = |k: usize| {
        s.tok(k)
            .is_some_and(|t| t.kind == TokKind::Word || t.is_punct('_'))
    };
    if !lead
        && ((j > 0 && s.adjacent(j) && glued(j - 1))
            || (s.adjacent(j + 1) && glued(j + 1) && e == j + 1))
    {
        return None;
    }
    if !lead
        && s.year4(j).is_some()
        && matches!(y, YearSpec::Full(v) if v > 0)
        && e == j + 1
        && is_count(s, j, e)
    {
        return None;
    }
    let YearSpec::Full(yv) = y else { return None };
    // A year pair: "/" or a dash without spaces.
    if (s.punct(e, '/') || s.punct(e, '–') || s.punct(e, '-')) && s.adjacent(e) && s.adjacent(e + 1)
    {
        let t2 = s.tok(e + 1)?;
        if t2.kind == TokKind::Number {
            let second = if t2.lower.len() == 2 && yv > 0 {
                let v = t2.number()? as i32;
                let mut full = yv - yv.rem_euclid(100) + v;
                if full <= yv {
                    full += 100;
                }
                Some((YearSpec::Full(full), e + 2))
            } else {
                s.year_full(e + 1)
            };
            if let Some((YearSpec::Full(y2), e2)) = second {
                // "264–260 v. Chr.": the era written once covers both.
                let (y1, y2) = match (yv > 0, y2 <= 0, s.era(e2)) {
                    (true, false, Some((true, _))) => (1 - yv, 1 - y2),
                    (true, true, _) if e2 > e + 2 => (1 - yv, y2),
                    _ => (yv, y2),
                };
                let a = to_timex(s, i, e, date(Some(YearSpec::Full(y1)), None, None), "year");
                let b = to_timex(
                    s,
                    e + 1,
                    e2,
                    date(Some(YearSpec::Full(y2)), None, None),
                    "year",
                );
                if y1 < y2 {
                    return hit(i, e2, Expr::Range(Box::new(a), Box::new(b)), "year_pair");
                }
            }
        }
    }
    hit(i, e, date(Some(y), None, None), "year")
}

/// "264–260 v. Chr.", "478/477 v. Chr.": a pair whose era is written
/// once, after the second year.
fn bc_pair(s: &Scan, i: usize, j: usize) -> Option<Hit> {
    let (v1, e) = s.digits(j)?;
    if !((s.punct(e, '/') || s.punct(e, '–') || s.punct(e, '-'))
        && s.adjacent(e)
        && s.adjacent(e + 1))
    {
        return None;
    }
    let (YearSpec::Full(y2), e2) = s.year_full(e + 1)? else {
        return None;
    };
    if y2 > 0 || v1 == 0 {
        return None;
    }
    let y1 = 1 - v1 as i32;
    if y1 >= y2 {
        return None;
    }
    let a = to_timex(s, i, e, date(Some(YearSpec::Full(y1)), None, None), "year");
    let b = to_timex(
        s,
        e + 1,
        e2,
        date(Some(YearSpec::Full(y2)), None, None),
        "year",
    );
    hit(i, e2, Expr::Range(Box::new(a), Box::new(b)), "year_pair")
}

/// The day a part of day belongs to, read after "des", "of", "auf":
/// a date, a weekday, "desselben Tages", "dieses Tages".
fn day_after_link(s: &Scan, k: usize) -> Option<(Expr, usize)> {
    for rule in [date_numeric as Rule, date_day_month, date_month_day] {
        if let Some(h) = rule(s, k) {
            return Some((h.expr, h.end));
        }
    }
    if let Some((wd, e)) = s.weekday(k) {
        return Some((
            Expr::Weekday {
                weekday: wd,
                direction: Direction::Unmarked,
                anchor: Anchor::Speech,
            },
            e,
        ));
    }
    // "desselben Tages", "dieses Tages", "того же дня"
    let j = s.skip_det(k);
    let (off, j) = match s.dir(j) {
        Some((d, _, e)) => (d, e),
        None => (0, j),
    };
    if let Some((Unit::Day, false, e)) = s.unit(j)
        && (j > k)
    {
        return Some((
            Expr::RelativeDay {
                offset: off,
                weekday: None,
                anchor: Anchor::Narrative,
            },
            e,
        ));
    }
    None
}

/// Nights: "in der Nacht auf Donnerstag", "в ночь на четверг" (the night
/// ending on the named day), "Nacht vom 16. auf den 17. April" (the night
/// starting on the 16th, and the 17th as a second expression), "в ночь
/// с 5 на 6 января".
fn night(s: &Scan, i: usize) -> Option<Hit> {
    let (DayPart::Night, false, e) = s.daypart(i)? else {
        return None;
    };
    if let Some(k) = s.link(e, Link::NightTo) {
        let k = s.skip_article(k);
        let (day, end) = day_after_link(s, k)?;
        return hit(
            i,
            end,
            Expr::PartOfDay {
                part: DayPart::NightBefore,
                day: Box::new(day),
            },
            "night",
        );
    }
    let k = s.link(e, Link::From)?;
    let k = s.skip_article(k);
    // "Nacht vom 8. Februar auf den 9. Februar": a full first date.
    let (first, fend) = match date_day_month(s, k) {
        Some(h) => (date_spec(&h.expr)?, h.end),
        None => {
            let (d, fe, _) = s.day(k)?;
            (
                DateSpec {
                    year: None,
                    month: None,
                    day: Some(d),
                },
                fe,
            )
        }
    };
    let mut first = first;
    let mut also = None;
    let slash = (s.punct(fend, '/') && s.cont(fend)).then_some(fend + 1);
    if let Some(j) = s
        .link(fend, Link::NightTo)
        .or_else(|| s.link(fend, Link::To))
        .or(slash)
    {
        let j = s.skip_article(j);
        if let Some(h2) = date_day_month(s, j) {
            if let Some(spec2) = date_spec(&h2.expr) {
                if first.month.is_none() {
                    first.month = spec2.month;
                }
                if first.year.is_none() {
                    first.year = spec2.year;
                }
            }
            also = Some(Box::new(Hit {
                start: j,
                end: h2.end,
                expr: h2.expr,
                rule: "night",
                also: None,
            }));
        }
    }
    let expr = Expr::PartOfDay {
        part: DayPart::Night,
        day: Box::new(Expr::Date(first)),
    };
    Some(Hit {
        start: i,
        end: fend,
        expr,
        rule: "night",
        also,
    })
}

/// Parts of days: "Morgen des 22. Juni 1941", "Abend desselben Tages",
/// "am Morgen darauf", "am nächsten Morgen", "frühen Morgen des 6. Juni",
/// "am Abend", "nachts", "утром 5 января".
fn day_part(s: &Scan, i: usize) -> Option<Hit> {
    // Optional part adjective ("frühen", "späten", "early").
    let (part_mod, j) = match s.part(i) {
        Some((p, e)) if s.daypart(e).is_some() => (Some(p), e),
        _ => (None, i),
    };
    // Optional direction: "nächsten Morgen", "selben Abend", "last night".
    let (dir, j) = match s.dir(j) {
        Some((d, ana, e)) if s.daypart(e).is_some() => (Some((d, ana)), e),
        _ => (None, j),
    };
    let (part, adverb, e) = s.daypart(j)?;
    let wrap = |expr: Expr| match part_mod {
        Some(p) => Expr::Modified {
            modifier: Mod::from(p),
            expr: Box::new(expr),
        },
        None => expr,
    };
    let same_day = |offset: i32| Expr::RelativeDay {
        offset,
        weekday: None,
        anchor: Anchor::Narrative,
    };
    if let Some((d, ana)) = dir {
        // "last night", "letzte Nacht", "this morning" count from the time of
        // writing; "am nächsten Morgen", "am selben Abend" from the story.
        let anchor = if d == -1 || (d == 0 && !ana) {
            Anchor::Speech
        } else {
            Anchor::Narrative
        };
        let day = Expr::RelativeDay {
            offset: d,
            weekday: None,
            anchor,
        };
        return hit(
            i,
            e,
            wrap(Expr::PartOfDay {
                part,
                day: Box::new(day),
            }),
            "day_part",
        );
    }
    // "Abend desselben Tages", "Morgen dieses Tages", "утра 5 января".
    if let Some((day @ (Expr::RelativeDay { .. } | Expr::Date(_)), end)) = day_after_link(s, e) {
        return hit(
            i,
            end,
            wrap(Expr::PartOfDay {
                part,
                day: Box::new(day),
            }),
            "day_part",
        );
    }
    // "Morgen des 22. Juni", "morning of January 5", "утром 5 января".
    let k = s.skip_det(e);
    if (k > e || adverb)
        && let Some((day, end)) = day_after_link(s, k)
    {
        return hit(
            i,
            end,
            wrap(Expr::PartOfDay {
                part,
                day: Box::new(day),
            }),
            "day_part",
        );
    }
    // "Morgen darauf", "Abend zuvor".
    if let Some((sign, e2)) = s.word(e, |w, f| match w {
        Word::Shift(x) if !f.pre && !f.ago => Some(x),
        _ => None,
    }) {
        return hit(
            i,
            e2,
            wrap(Expr::PartOfDay {
                part,
                day: Box::new(same_day(sign)),
            }),
            "day_part",
        );
    }
    // "am Abend", "gegen Abend", "nachts": the day in view.
    let first = part_mod.map_or(j, |_| i);
    if adverb || s.context_before(first) {
        if part == DayPart::Night && !adverb && s.link(e, Link::NightTo).is_some() {
            return None;
        }
        return hit(
            i,
            e,
            wrap(Expr::PartOfDay {
                part,
                day: Box::new(same_day(0)),
            }),
            "day_part",
        );
    }
    None
}

/// "gestern", "heute Mittag", "gestern Abend", "am gestrigen Mittwoch",
/// "am heutigen Tag", "yesterday morning", "вчера вечером", "last night".
fn relative_day(s: &Scan, i: usize) -> Option<Hit> {
    if let Some(((off, part), e)) = s.word(i, |w, _| match w {
        Word::RelDayPart(o, p) => Some((o, p)),
        _ => None,
    }) {
        let day = Expr::RelativeDay {
            offset: off,
            weekday: None,
            anchor: Anchor::Speech,
        };
        return hit(
            i,
            e,
            Expr::PartOfDay {
                part,
                day: Box::new(day),
            },
            "relative_day",
        );
    }
    let ((off, adj), e) = s.word(i, |w, f| match w {
        Word::RelDay(o) => Some((o, f.adj)),
        _ => None,
    })?;
    let mut expr = Expr::RelativeDay {
        offset: off,
        weekday: None,
        anchor: Anchor::Speech,
    };
    let mut end = e;
    if let Some((wd, e2)) = s.weekday(e) {
        expr = Expr::RelativeDay {
            offset: off,
            weekday: Some(wd),
            anchor: Anchor::Speech,
        };
        end = e2;
    } else if adj {
        match s.unit(e) {
            Some((Unit::Day, false, e2)) => end = e2,
            _ => return None,
        }
    }
    if let Some((part, _, e3)) = s.daypart(end) {
        // "heute Nacht", "вчера вечером"; not "gestern Nacht auf …" parts.
        expr = Expr::PartOfDay {
            part,
            day: Box::new(expr),
        };
        end = e3;
    }
    hit(i, end, expr, "relative_day")
}

/// "Mittwoch", "am vergangenen Mittwoch", "last Tuesday", "Monday night",
/// "Montagabend", "в прошлую среду".
fn weekday(s: &Scan, i: usize) -> Option<Hit> {
    if let Some(((wd, part), e)) = s.word(i, |w, _| match w {
        Word::WeekdayPart(d, p) => Some((d, p)),
        _ => None,
    }) {
        let day = Expr::Weekday {
            weekday: wd,
            direction: Direction::Unmarked,
            anchor: Anchor::Speech,
        };
        return hit(
            i,
            e,
            Expr::PartOfDay {
                part,
                day: Box::new(day),
            },
            "weekday",
        );
    }
    let (direction, anchor, j) = match s.dir(i) {
        Some((-1, ana, e)) => (Direction::Last, ana, e),
        Some((1, ana, e)) => (Direction::Next, ana, e),
        Some((0, ana, e)) => (Direction::Unmarked, ana, e),
        _ => (Direction::Unmarked, false, i),
    };
    let (wd, e) = s.weekday(j)?;
    let anchor = if anchor {
        Anchor::Narrative
    } else {
        Anchor::Speech
    };
    let mut expr = Expr::Weekday {
        weekday: wd,
        direction,
        anchor,
    };
    let mut end = e;
    if let Some((part, _, e2)) = s.daypart(e)
        && !s
            .link(e2, Link::NightTo)
            .is_some_and(|_| part == DayPart::Night)
    {
        expr = Expr::PartOfDay {
            part,
            day: Box::new(expr),
        };
        end = e2;
    }
    hit(i, end, expr, "weekday")
}

/// What a part word applies to: a month, a year, a decade, a century,
/// a week, a month or year in view.
fn part_target(s: &Scan, k: usize) -> Option<(Expr, usize)> {
    // "mid-January"
    let k = if s.punct(k, '-') && s.adjacent(k) {
        k + 1
    } else {
        k
    };
    let j = s.skip_det(k);
    for start in [k, j] {
        if let Some((m, e, _)) = s.month(start) {
            let (year, end) = match s.year_ref(e) {
                Some((y, e2)) => (Some(y), e2),
                None => (None, e),
            };
            return Some((date(year, Some(m), None), end));
        }
        if let Some(h) = century(s, start).or_else(|| decade(s, start)) {
            return Some((h.expr, h.end));
        }
    }
    if let Some((y, e)) = s.year_full(k) {
        return Some((date(Some(y), None, None), e));
    }
    // "des Jahres [1939]", "des vorangegangenen Jahres", "der Woche",
    // "this week", "des Monats", "des Tages".
    let (dir, j2) = match s.dir(j) {
        Some((d, ana, e)) => (Some((d, ana)), e),
        None => (None, j),
    };
    let (unit, false, e) = s.unit(j2)? else {
        return None;
    };
    if j2 == k && dir.is_none() {
        // A bare unit needs its article: "Ende des Jahres", not "Ende Jahr".
        return None;
    }
    if unit == Unit::Year
        && let Some((y, e2)) = s.year_full(e)
    {
        return Some((date(Some(y), None, None), e2));
    }
    let (offset, ana) = dir.unwrap_or((0, false));
    let anchor = if ana || unit == Unit::Day {
        Anchor::Narrative
    } else {
        Anchor::Speech
    };
    match unit {
        Unit::Day => Some((
            Expr::RelativeDay {
                offset,
                weekday: None,
                anchor,
            },
            e,
        )),
        Unit::Week | Unit::Month | Unit::Year | Unit::Weekend => Some((
            Expr::Relative {
                unit,
                offset,
                anchor,
            },
            e,
        )),
        _ => None,
    }
}

/// "Anfang Januar", "Ende 1978", "Mitte des Jahres", "Ende des 19.
/// Jahrhunderts", "early January", "mid-2021", "в начале января",
/// "Jahresende 1980".
fn part_of(s: &Scan, i: usize) -> Option<Hit> {
    if let Some(((part, unit), e)) = s.word(i, |w, _| match w {
        Word::UnitPart(p, u) => Some((p, u)),
        _ => None,
    }) {
        let (of, end) = match (unit, s.year_full(e)) {
            (Unit::Year, Some((y, e2))) => (date(Some(y), None, None), e2),
            _ => (
                Expr::Relative {
                    unit,
                    offset: 0,
                    anchor: Anchor::Speech,
                },
                e,
            ),
        };
        return hit(
            i,
            end,
            Expr::PartOf {
                part,
                of: Box::new(of),
            },
            "part_of",
        );
    }
    let (part, e) = s.part(i)?;
    let (of, end) = part_target(s, e)?;
    hit(
        i,
        end,
        Expr::PartOf {
            part,
            of: Box::new(of),
        },
        "part_of",
    )
}

/// "im Laufe des Jahres", "im Verlauf des 18. August", "im Laufe der
/// Jahre" (a duration), "in the course of 2021": the period itself.
fn during(s: &Scan, i: usize) -> Option<Hit> {
    let (_, e) = s.word(i, |w, _| (w == Word::During).then_some(()))?;
    if let Some((expr, end)) = part_target(s, e).or_else(|| day_after_link(s, s.skip_det(e))) {
        return hit(i, end, expr, "during");
    }
    // "im Laufe der Jahre", "im Laufe der folgenden Tage"
    let j = s.skip_det(e);
    let j = s.dir(j).map_or(j, |(_, _, x)| x);
    let (unit, true, end) = s.unit(j)? else {
        return None;
    };
    hit(i, end, Expr::Duration { amount: None, unit }, "during")
}

/// "Frühjahr 1776", "im Sommer", "Herbst des Jahres 1972", "späten
/// Frühjahr 1861", "Winter 1777/78", "letzten Sommer", "весной 2022 года".
fn season(s: &Scan, i: usize) -> Option<Hit> {
    let (adj, j) = match s.part(i) {
        Some((p, e)) if s.season(e).is_some() => (Some(p), e),
        _ => (None, i),
    };
    let (dir, j) = match s.dir(j) {
        Some((d, ana, e)) if d != 0 && s.season(e).is_some() => (Some((d, ana)), e),
        _ => (None, j),
    };
    let (season, word_part, ctx, e) = s.season(j)?;
    let (year, end) = match s.year_ref(e) {
        Some((y, e2)) => (Some(y), e2),
        None => (None, e),
    };
    // "fall", "spring" alone are verbs and nouns far more often.
    if ctx && year.is_none() && dir.is_none() {
        return None;
    }
    let year = match (year, dir) {
        (Some(y), _) => Some(y),
        (None, Some((d, ana))) => Some(YearSpec::Relative {
            offset: d,
            anchor: if ana {
                Anchor::Narrative
            } else {
                Anchor::Speech
            },
        }),
        (None, None) => None,
    };
    let mut expr = Expr::Season { season, year };
    if let Some(p) = adj.or(word_part) {
        expr = Expr::Modified {
            modifier: Mod::from(p),
            expr: Box::new(expr),
        };
    }
    // "Winter 1777/78"
    if let Some(YearSpec::Full(y1)) = year
        && s.punct(end, '/')
        && s.adjacent(end)
        && s.adjacent(end + 1)
        && let Some(t2) = s.tok(end + 1)
        && t2.kind == TokKind::Number
        && (t2.lower.len() == 2 || t2.lower.len() == 4)
    {
        let v = t2.number()? as i32;
        let y2 = if t2.lower.len() == 2 {
            y1 - y1.rem_euclid(100) + v
        } else {
            v
        };
        if y2 == y1 + 1 || (t2.lower.len() == 2 && y2 + 100 == y1 + 1) {
            let y2 = if y2 < y1 { y2 + 100 } else { y2 };
            let a = to_timex(s, i, end, expr, "season");
            let b = to_timex(
                s,
                end + 1,
                end + 2,
                Expr::Season {
                    season,
                    year: Some(YearSpec::Full(y2)),
                },
                "season",
            );
            return hit(i, end + 2, Expr::Range(Box::new(a), Box::new(b)), "season");
        }
    }
    hit(i, end, expr, "season")
}

/// "20. Jahrhundert", "4. Jh. v. Chr.", "20th century", "XX века".
fn century(s: &Scan, i: usize) -> Option<Hit> {
    let (n, e) = s.ordinal(i)?;
    let (Unit::Century, false, e) = s.unit(e)? else {
        return None;
    };
    if n == 0 || n > 40 {
        return None;
    }
    let (bc, end) = match s.era(e) {
        Some((bc, e2)) => (bc, e2),
        None => (false, e),
    };
    hit(
        i,
        end,
        Expr::Century {
            number: n as u16,
            bc,
        },
        "century",
    )
}

/// "1930er", "den 1990er Jahren", "zwanziger Jahre", "460er Jahre v.
/// Chr.", "the 1990s", "1990-х годов", "в девяностые".
fn decade(s: &Scan, i: usize) -> Option<Hit> {
    let j = s.skip_article(i);
    let years_word = |k: usize| match s.unit(k) {
        Some((Unit::Year, true, e)) => e,
        _ => k,
    };
    if let Some((tens, e)) = s.word(j, |w, _| match w {
        Word::Decade(t) => Some(t),
        _ => None,
    }) {
        let end = years_word(e);
        if end == e && j == i {
            return None;
        }
        return hit(
            i,
            end,
            Expr::Decade {
                digits: None,
                tens,
                bc: false,
            },
            "decade",
        );
    }
    let t = s.tok(j)?;
    if t.kind != TokKind::Number
        || t.lower.len() < 2
        || t.lower.len() > 4
        || !t.lower.ends_with('0')
    {
        return None;
    }
    let v = t.number()?;
    let mut k = j + 1;
    if s.punct(k, '-') && s.adjacent(k) {
        k += 1;
    }
    if !s.adjacent(k) {
        return None;
    }
    let (_, e) = s.word(k, |w, _| (w == Word::DecadeSuffix).then_some(()))?;
    let e = if s.punct(e, '-') && s.adjacent(e) && s.unit(e + 1).is_some() {
        e + 1
    } else {
        e
    };
    let mut end = years_word(e);
    let mut bc = false;
    if let Some((b, e2)) = s.era(end) {
        bc = b;
        end = e2;
    }
    let expr = if t.lower.len() == 2 {
        Expr::Decade {
            digits: None,
            tens: (v / 10) as u8,
            bc,
        }
    } else {
        Expr::Decade {
            digits: Some((v / 10) as u16),
            tens: ((v / 10) % 10) as u8,
            bc,
        }
    };
    hit(i, end, expr, "decade")
}

/// "1. Halbjahr", "zweiten Jahreshälfte [1863]".
fn half_year(s: &Scan, i: usize) -> Option<Hit> {
    let (n, e) = s.ordinal(i)?;
    let (Unit::HalfYear, false, e) = s.unit(e)? else {
        return None;
    };
    if !(1..=2).contains(&n) {
        return None;
    }
    let (year, end) = match s.year_ref(e) {
        Some((y, e2)) => (Some(y), e2),
        None => (None, e),
    };
    hit(
        i,
        end,
        Expr::HalfYear {
            half: n as u8,
            year,
        },
        "half_year",
    )
}

/// "letzte Woche", "im Vorjahr", "am folgenden Tag", "im selben Monat",
/// "an diesem Tag", "am Tag darauf", "am vergangenen Wochenende", "last
/// year", "the next day", "в прошлом году", "на следующий день"; and
/// with a plural or a number, durations: "in den folgenden Tagen",
/// "in den letzten drei Jahren".
fn relative_unit(s: &Scan, i: usize) -> Option<Hit> {
    if let Some(((off, unit, ana), e)) = s.word(i, |w, f| match w {
        Word::RelUnit(o, u) => Some((o, u, f.ana)),
        _ => None,
    }) {
        let anchor = if ana || unit == Unit::Day {
            Anchor::Narrative
        } else {
            Anchor::Speech
        };
        let expr = if unit == Unit::Day {
            Expr::RelativeDay {
                offset: off,
                weekday: None,
                anchor,
            }
        } else {
            Expr::Relative {
                unit,
                offset: off,
                anchor,
            }
        };
        return hit(i, e, expr, "relative_unit");
    }
    // Article kept in the extent only for "das kommende Jahr"-style
    // accusatives is a gold quirk; articles stay outside.
    let (dir, j) = match s.dir(i) {
        Some((d, ana, e)) => (Some((d, ana)), e),
        None => (None, i),
    };
    let j = s
        .word(j, |w, _| (w == Word::Filler).then_some(()))
        .map_or(j, |(_, e)| e);
    // "letzten drei Jahren", "nächsten beiden Monaten": a duration.
    if dir.is_some()
        && let Some((amount, _, e)) = s.number(j)
        && let Some((unit, _, e2)) = s.unit(e)
    {
        return hit(
            i,
            e2,
            Expr::Duration {
                amount: Some(amount),
                unit,
            },
            "relative_unit",
        );
    }
    let (unit, plural, e) = s.unit(j)?;
    let Some((d, ana)) = dir else {
        // "am Tag darauf", "Jahr darauf", "the day before".
        if !plural
            && let Some((sign, e2)) = s.word(e, |w, f| match w {
                Word::Shift(x) if !f.pre && !f.ago => Some(x),
                _ => None,
            })
            && s.context_before(i)
        {
            let expr = match unit {
                Unit::Day => Expr::RelativeDay {
                    offset: sign,
                    weekday: None,
                    anchor: Anchor::Narrative,
                },
                Unit::Week | Unit::Month | Unit::Year => Expr::Relative {
                    unit,
                    offset: sign,
                    anchor: Anchor::Narrative,
                },
                _ => return None,
            };
            return hit(i, e2, expr, "relative_unit");
        }
        // "am Wochenende", "over the weekend", "на выходных".
        if unit == Unit::Weekend && s.context_before(i) {
            return hit(
                i,
                e,
                Expr::Relative {
                    unit,
                    offset: 0,
                    anchor: Anchor::Speech,
                },
                "relative_unit",
            );
        }
        return None;
    };
    if plural {
        // "in den folgenden Tagen", "die nächsten Monate", "последние дни"
        return hit(i, e, Expr::Duration { amount: None, unit }, "relative_unit");
    }
    let anchor = if ana || unit == Unit::Day {
        Anchor::Narrative
    } else {
        Anchor::Speech
    };
    let expr = match unit {
        Unit::Day => Expr::RelativeDay {
            offset: d,
            weekday: None,
            anchor,
        },
        Unit::Week | Unit::Weekend | Unit::Month | Unit::Year | Unit::Decade | Unit::Century => {
            Expr::Relative {
                unit,
                offset: d,
                anchor,
            }
        }
        _ => return None,
    };
    hit(i, e, expr, "relative_unit")
}

/// An amount of time: a number or "wenige" with a unit, allowing one
/// filler adjective and a hyphen ("90-Tage"). Returns (amount, unit, end).
fn amount_unit(s: &Scan, i: usize) -> Option<(Option<f64>, Unit, usize)> {
    let (amount, e) = match s.number(i) {
        Some((v, _, e)) => (Some(v), e),
        None => {
            let (_, e) = s.word(i, |w, _| (w == Word::Some).then_some(()))?;
            (None, e)
        }
    };
    let mut k = e;
    if s.punct(k, '-') && s.adjacent(k) && s.adjacent(k + 1) {
        k += 1;
    }
    for _ in 0..2 {
        match s.word(k, |w, _| (w == Word::Filler).then_some(())) {
            Some((_, f)) => k = f,
            None => break,
        }
    }
    let (unit, _, end) = s.unit(k)?;
    Some((amount, unit, end))
}

/// Shifted by an amount: "zwei Tage später", "Einen Monat später", "ein
/// Jahr früher", "vor drei Tagen", "three days ago", "два дня спустя",
/// "через три дня", "wenige Tage später" (a future reference).
fn shifted(s: &Scan, i: usize) -> Option<Hit> {
    // Before the amount: "vor drei Tagen", "через три дня".
    let pre = s.word(i, |w, f| match w {
        Word::Shift(x) if f.pre => Some((x, f.ago)),
        _ => None,
    });
    let (sign, ago, amount, unit, end) = if let Some(((sign, ago), e)) = pre {
        let (amount, unit, end) = amount_unit(s, e)?;
        (sign, ago, amount, unit, end)
    } else {
        let (amount, unit, e) = amount_unit(s, i)?;
        let ((sign, ago), end) = s.word(e, |w, f| match w {
            Word::Shift(x) if !f.pre => Some((x, f.ago)),
            _ => None,
        })?;
        (sign, ago, amount, unit, end)
    };
    let anchor = if ago {
        Anchor::Speech
    } else {
        Anchor::Narrative
    };
    let Some(n) = amount else {
        let kind = if sign > 0 {
            RefKind::Future
        } else {
            RefKind::Past
        };
        return hit(i, end, Expr::Ref(kind), "shifted");
    };
    let whole = |x: f64| (x.fract() == 0.0 && x.abs() < 10000.0).then_some(x as i32);
    let expr = match unit {
        Unit::Day => Expr::RelativeDay {
            offset: sign * whole(n)?,
            weekday: None,
            anchor,
        },
        Unit::Week => Expr::RelativeDay {
            offset: sign * whole(n * 7.0)?,
            weekday: None,
            anchor,
        },
        Unit::Month => Expr::Relative {
            unit: Unit::Month,
            offset: sign * whole(n)?,
            anchor,
        },
        Unit::HalfYear => Expr::Relative {
            unit: Unit::Month,
            offset: sign * whole(n * 6.0)?,
            anchor,
        },
        Unit::Year => match whole(n) {
            Some(y) => Expr::Relative {
                unit: Unit::Year,
                offset: sign * y,
                anchor,
            },
            None => Expr::Relative {
                unit: Unit::Month,
                offset: sign * whole(n * 12.0)?,
                anchor,
            },
        },
        Unit::Decade => Expr::Relative {
            unit: Unit::Year,
            offset: sign * whole(n * 10.0)?,
            anchor,
        },
        Unit::Night => Expr::PartOfDay {
            part: DayPart::Night,
            day: Box::new(Expr::RelativeDay {
                offset: sign * whole(n)?,
                weekday: None,
                anchor,
            }),
        },
        _ => return None,
    };
    hit(i, end, expr, "shifted")
}

/// Durations: "drei Tage (lang)", "48 Stunden", "anderthalb Jahre",
/// "wenige Tage", "seit Tagen", "Jahre lang", "jahrelang", "achttägiger",
/// "154-tägiger", "den ersten Wochen", "for three days", "несколько дней".
fn duration(s: &Scan, i: usize) -> Option<Hit> {
    if let Some(((amount, unit), e)) = s.word(i, |w, _| match w {
        Word::Duration(a, u) => Some((a, u)),
        _ => None,
    }) {
        return hit(i, e, Expr::Duration { amount, unit }, "duration");
    }
    if let Some((unit, e)) = s.word(i, |w, _| match w {
        Word::Set(u) => Some(u),
        _ => None,
    }) {
        return hit(i, e, Expr::Set { unit }, "duration");
    }
    if let Some(h) = unit_adjective(s, i) {
        return Some(h);
    }
    let lang = |k: usize| {
        s.word(k, |w, _| (w == Word::Lang).then_some(()))
            .map_or(k, |(_, e)| e)
    };
    if let Some((amount, unit, e)) = amount_unit(s, i) {
        if matches!(unit, Unit::Decade | Unit::Century) && amount.is_some_and(|a| a >= 100.0) {
            return None;
        }
        return hit(i, lang(e), Expr::Duration { amount, unit }, "duration");
    }
    // "ersten Wochen", "первые дни": an unspecified number.
    if let Some((_, e)) = s.ordinal(i)
        && let Some((unit, true, e2)) = s.unit(e)
    {
        return hit(i, e2, Expr::Duration { amount: None, unit }, "duration");
    }
    // "seit Tagen", "for days", "Jahre lang", "über Jahre hinweg".
    let (unit, true, e) = s.unit(i)? else {
        return None;
    };
    let end = lang(e);
    if end > e || s.prev_has(i, |w, _| w == Word::DurPrep) {
        return hit(i, end, Expr::Duration { amount: None, unit }, "duration");
    }
    None
}

/// "achttägiger", "zweiwöchigen", "154-tägiger", "anderthalbstündigem".
fn unit_adjective(s: &Scan, i: usize) -> Option<Hit> {
    let t = s.tok(i)?;
    // "154-tägiger": digits, hyphen, adjective.
    if t.kind == TokKind::Number && s.punct(i + 1, '-') && s.adjacent(i + 1) && s.adjacent(i + 2) {
        let (unit, e) = s.word(i + 2, |w, _| match w {
            Word::UnitAdj(u) => Some(u),
            _ => None,
        })?;
        let n = f64::from(t.number()?);
        return hit(
            i,
            e,
            Expr::Duration {
                amount: Some(n),
                unit,
            },
            "duration",
        );
    }
    let (unit, e) = s.word(i, |w, _| match w {
        Word::UnitAdj(u) => Some(u),
        _ => None,
    })?;
    // The number word before the unit part: "acht|tägig".
    let stem = ["tägig", "wöchig", "monatig", "jährig", "stündig", "-day"]
        .iter()
        .find_map(|k| t.lower.find(k))?;
    let head = &t.lower[..stem];
    let value = s.lex.number_word(head)?;
    hit(
        i,
        e,
        Expr::Duration {
            amount: Some(value),
            unit,
        },
        "duration",
    )
}

/// Clock times: "4:45 Uhr", "7:30", "14.00 Uhr", "4 Uhr 45", "5 Uhr
/// früh", "10 a.m.", "в 10 часов", "Mitternacht" (after a preposition).
fn clock_time(s: &Scan, i: usize) -> Option<Hit> {
    if let Some(((h, m), e)) = s.word(i, |w, _| match w {
        Word::ClockTime(h, m) => Some((h, m)),
        _ => None,
    }) {
        if !s.context_before(i) {
            return None;
        }
        return hit(
            i,
            e,
            Expr::Time {
                hour: h,
                minute: m,
                day: None,
                zone: None,
            },
            "clock_time",
        );
    }
    let t = s.tok(i)?;
    if t.kind != TokKind::Number
        || t.lower.len() > 2
        || (i > 0
            && s.adjacent(i)
            && s.tok(i - 1)
                .is_some_and(|p| p.kind == TokKind::Number || p.is_punct('.') || p.is_punct(':')))
    {
        return None;
    }
    let hour = t.number()?;
    let (minute, mut end, colon) =
        if (s.punct(i + 1, ':') || s.punct(i + 1, '.')) && s.adjacent(i + 1) && s.adjacent(i + 2) {
            let mt = s.tok(i + 2)?;
            if mt.kind != TokKind::Number
                || mt.lower.len() != 2
                || (s.adjacent(i + 3)
                    && s.tok(i + 3)
                        .is_some_and(|x| x.is_punct(':') || x.is_punct('.'))
                    && s.adjacent(i + 4)
                    && s.tok(i + 4).is_some_and(|x| x.kind == TokKind::Number))
            {
                return None;
            }
            (mt.number()?, i + 3, s.punct(i + 1, ':'))
        } else {
            (0, i + 1, false)
        };
    let mut hour = hour;
    let mut ok = colon;
    if let Some((c, e)) = s.clock(end) {
        ok = true;
        end = e;
        match c {
            Clock::Pm if hour < 12 => hour += 12,
            Clock::Am if hour == 12 => hour = 0,
            _ => {}
        }
        // "4 Uhr 45"
        if c == Clock::Hours
            && minute == 0
            && let Some(mt) = s.tok(end)
            && mt.kind == TokKind::Number
            && mt.lower.len() == 2
            && s.cont(end)
        {
            let mv = mt.number()?;
            if mv < 60 && !s.adjacent(end + 1) {
                end += 1;
                return finish_time(s, i, end, hour, mv);
            }
        }
    }
    if !ok || hour > 24 || minute > 59 {
        return None;
    }
    finish_time(s, i, end, hour, minute)
}

fn finish_time(s: &Scan, i: usize, mut end: usize, hour: u32, minute: u32) -> Option<Hit> {
    // "5 Uhr früh", "8 Uhr morgens": keep the clock value.
    if let Some((_, true, e)) = s.daypart(end) {
        end = e;
    }
    let mut zone = None;
    if let Some((z, e)) = s.word(end, |w, _| match w {
        Word::Zone(z) => Some(z),
        _ => None,
    }) {
        zone = z;
        end = e;
    }
    if hour > 24 || minute > 59 {
        return None;
    }
    hit(
        i,
        end,
        Expr::Time {
            hour: hour as u8,
            minute: minute as u8,
            day: None,
            zone,
        },
        "clock_time",
    )
}

/// "Weihnachten 1966", "Neujahrstag 1863", "Ersten Weihnachtstag 1776",
/// "Christmas Day".
fn holiday(s: &Scan, i: usize) -> Option<Hit> {
    let ((m, d), e) = s.word(i, |w, _| match w {
        Word::Holiday(m, d) => Some((m, d)),
        _ => None,
    })?;
    let (year, end) = match s.year_ref(e) {
        Some((y, e2)) => (Some(y), e2),
        None => (None, e),
    };
    hit(i, end, date(year, Some(m), Some(d)), "holiday")
}

/// "derzeit", "damals", "künftig", "wenig später", "in der Folgezeit".
fn reference(s: &Scan, i: usize) -> Option<Hit> {
    let (k, e) = s.word(i, |w, _| match w {
        Word::Ref(k) => Some(k),
        _ => None,
    })?;
    hit(i, e, Expr::Ref(k), "reference")
}

/// True when some rule could start at token `i` (a cheap filter).
pub fn interesting(s: &Scan, i: usize) -> bool {
    let Some(t) = s.tok(i) else { return false };
    t.kind == TokKind::Number
        || !s.unknown(i)
        || (t.kind == TokKind::Word && t.cap && t.lower.len() <= 6)
}

/// The best hit at `i`: the longest over all rules (earlier rule on
/// ties), also after a modifier word ("etwa", "mehr als").
pub fn best_at(s: &Scan, i: usize) -> Option<Hit> {
    let mut best = best_at_plain(s, i);
    if let Some(((m, dur, time), e)) = s.word(i, |w, f| match w {
        Word::Mod(m) => Some((m, f.dur, f.time)),
        _ => None,
    }) && s.cont(e)
        && let Some(inner) = best_at_plain(s, e)
    {
        let fits = match &inner.expr {
            Expr::Duration { .. } => !time,
            Expr::Time { .. } | Expr::PartOfDay { .. } | Expr::PartOf { .. } => !dur,
            Expr::Ref(_) | Expr::Set { .. } | Expr::Range(..) => false,
            // "mehr als 2000 wurden verletzt": more or less than a year is a count.
            Expr::Date(DateSpec { month: None, .. }) if m != Mod::Approx => false,
            _ => !dur && !time,
        };
        if fits && best.as_ref().is_none_or(|b| inner.end > b.end) {
            best = Some(Hit {
                start: i,
                end: inner.end,
                expr: Expr::Modified {
                    modifier: m,
                    expr: Box::new(inner.expr),
                },
                rule: inner.rule,
                also: inner.also,
            });
        }
    }
    best
}

fn best_at_plain(s: &Scan, i: usize) -> Option<Hit> {
    let mut best: Option<Hit> = None;
    for (_, rule) in RULES {
        if let Some(h) = rule(s, i)
            && h.end > i
            && within_line(s, h.start, h.also.as_ref().map_or(h.end, |a| a.end))
            && best.as_ref().is_none_or(|b| h.end > b.end)
        {
            best = Some(h);
        }
    }
    best
}

/// No line break inside tokens `start..end` (headings stay apart).
fn within_line(s: &Scan, start: usize, end: usize) -> bool {
    (start + 1..end).all(|k| s.cont(k))
}

/// Joins "vom X bis Y", "from X to Y", "с X по Y", "zwischen X und Y"
/// when both are dates into one range.
pub fn join_ranges(s: &Scan, hits: Vec<Hit>) -> Vec<Hit> {
    let mut out: Vec<Hit> = Vec::with_capacity(hits.len());
    let mut it = hits.into_iter().peekable();
    while let Some(h) = it.next() {
        let opened = h.start > 0
            && s.prev_has(h.start, |w, _| {
                matches!(w, Word::Link(Link::From | Link::Between))
            });
        let joins = opened
            && is_dateish(&h.expr)
            && it.peek().is_some_and(|next| {
                is_dateish(&next.expr)
                    && s.link(h.end, Link::To)
                        .or_else(|| s.link(h.end, Link::And))
                        .is_some_and(|k| s.skip_article(k) == next.start)
            });
        if joins && let Some(next) = it.next() {
            let a = to_timex(s, h.start, h.end, h.expr, h.rule);
            let b = to_timex(s, next.start, next.end, next.expr, next.rule);
            out.push(Hit {
                start: h.start,
                end: next.end,
                expr: Expr::Range(Box::new(a), Box::new(b)),
                rule: "range",
                also: None,
            });
            continue;
        }
        out.push(h);
    }
    out
}

fn is_dateish(e: &Expr) -> bool {
    matches!(e, Expr::Date(_) | Expr::PartOf { .. } | Expr::Season { .. })
}
