//! Explicit dates in a token range, publication lines inside the text, and
//! the small calendar arithmetic they need.
//!
//! Step 1 of the date work: explicit dates ("16. Dezember 2011", "January 3",
//! "5 января 2022 года", "05.01.2022", "im Jahr 1986") resolved against the
//! document date's year, weekdays and "yesterday" only against a day-precise
//! document date, and nothing resolved when there is no year to be had
//! (fail safe: unresolved beats wrong).

use chronik_model::PartialDate;

use crate::resources::Lexicon;
use crate::text::Token;

/// A date expression found in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateMention {
    /// First token.
    pub first: usize,
    /// After the last token.
    pub end: usize,
    /// The resolved date, `None` when it cannot be resolved.
    pub date: Option<PartialDate>,
    /// The expression gave its own year (a full or historical date).
    pub has_year: bool,
}

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

/// ISO weekday (1 = Monday) of a day number.
pub fn weekday(days: i64) -> u8 {
    ((days + 3).rem_euclid(7) + 1) as u8
}

fn year_of(tok: &Token) -> Option<i32> {
    (tok.lower.len() == 4 && tok.lower.bytes().all(|b| b.is_ascii_digit()))
        .then(|| tok.lower.parse::<i32>().ok())
        .flatten()
        .filter(|y| (1800..=2100).contains(y))
}

fn day_of(tok: &Token) -> Option<u8> {
    (tok.lower.len() <= 2 && tok.lower.bytes().all(|b| b.is_ascii_digit()))
        .then(|| tok.lower.parse::<u8>().ok())
        .flatten()
        .filter(|d| (1..=31).contains(d))
}

/// A year for a day and month without one: the document's year, or the
/// year before when the month lies well after the document's month.
fn infer_year(month: u8, doc: Option<PartialDate>) -> Option<i32> {
    let doc = doc?;
    match doc.month() {
        Some(dm) if month > dm + 1 => Some(doc.year() - 1),
        _ => Some(doc.year()),
    }
}

/// Finds explicit date expressions in `toks[from..to]`.
pub fn find_dates(
    text: &str,
    toks: &[Token],
    from: usize,
    to: usize,
    lex: &Lexicon,
    doc: Option<PartialDate>,
) -> Vec<DateMention> {
    let mut out = Vec::new();
    let mut i = from;
    let month = |k: usize| -> Option<u8> {
        (k < to)
            .then(|| lex.months.get(&toks[k].lower).copied())
            .flatten()
    };
    let year = |k: usize| -> Option<i32> { (k < to).then(|| year_of(&toks[k])).flatten() };
    while i < to {
        let t = &toks[i];
        // Numeric forms: 05.01.2022, 2022-01-05.
        if t.numeric
            && let Some(d) = numeric_date(&t.lower)
        {
            out.push(DateMention {
                first: i,
                end: i + 1,
                date: Some(d),
                has_year: true,
            });
            i += 1;
            continue;
        }
        // Day Month [Year] — "5. Januar 2022", "5 January", "5 января 2022 года".
        if let (Some(d), Some(m)) = (day_of(t), month(i + 1)) {
            let (y, end) = match year(i + 2) {
                Some(y) => (Some(y), i + 3),
                None => (infer_year(m, doc), i + 2),
            };
            let end = if y.is_some() && end < to && lex.year_words.contains(&toks[end].lower) {
                end + 1
            } else {
                end
            };
            let has_year = year(i + 2).is_some();
            let date = y.and_then(|y| PartialDate::ymd(y, m, d));
            out.push(DateMention {
                first: i,
                end,
                date,
                has_year,
            });
            i = end;
            continue;
        }
        // Month Day[,] [Year] — "January 3, 2022", "Jan. 5".
        if let Some(m) = month(i) {
            if let Some(d) = (i + 1 < to).then(|| day_of(&toks[i + 1])).flatten() {
                let (y, end) = match year(i + 2) {
                    Some(y) => (Some(y), i + 3),
                    None => (infer_year(m, doc), i + 2),
                };
                let has_year = year(i + 2).is_some();
                out.push(DateMention {
                    first: i,
                    end,
                    date: y.and_then(|y| PartialDate::ymd(y, m, d)),
                    has_year,
                });
                i = end;
                continue;
            }
            // Month Year — "Dezember 2011", "January 2022", "января 2022 года".
            if let Some(y) = year(i + 1) {
                let end = if i + 2 < to && lex.year_words.contains(&toks[i + 2].lower) {
                    i + 3
                } else {
                    i + 2
                };
                out.push(DateMention {
                    first: i,
                    end,
                    date: PartialDate::ym(y, m),
                    has_year: true,
                });
                i = end;
                continue;
            }
        }
        // Year with a year word — "im Jahr 1986", "in 2011", "в 2011 году".
        if let Some(y) = year(i) {
            let before = i > from
                && (lex.year_words.contains(&toks[i - 1].lower)
                    || matches!(
                        toks[i - 1].lower.as_str(),
                        "in" | "im" | "seit" | "since" | "в" | "von" | "bis" | "until"
                    ));
            let after = i + 1 < to && lex.year_words.contains(&toks[i + 1].lower);
            if before || after {
                let end = if after { i + 2 } else { i + 1 };
                out.push(DateMention {
                    first: i,
                    end,
                    date: Some(PartialDate::Year(y)),
                    has_year: true,
                });
                i = end;
                continue;
            }
        }
        i += 1;
    }
    let _ = text;
    out
}

/// "05.01.2022", "5.1.2022", "2022-01-05".
fn numeric_date(s: &str) -> Option<PartialDate> {
    if let Some((y, rest)) = s.split_once('-') {
        let (m, d) = rest.split_once('-')?;
        if y.len() == 4 && m.len() == 2 && d.len() == 2 {
            return PartialDate::ymd(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
        }
        return None;
    }
    let parts: Vec<&str> = s.split('.').collect();
    if parts.len() == 3 && parts[2].len() == 4 && parts[0].len() <= 2 && parts[1].len() <= 2 {
        return PartialDate::ymd(
            parts[2].parse().ok()?,
            parts[1].parse().ok()?,
            parts[0].parse().ok()?,
        );
    }
    None
}

/// A publication date written in the first lines of the text ("Published
/// on Monday, 03 January 2022", "Saturday, January 8, 2022",
/// "06.01.2022, 10:15 Uhr"): the first full date with a year in the first
/// 300 characters.
pub fn dateline(text: &str, toks: &[Token], lex: &Lexicon) -> Option<PartialDate> {
    let end = toks
        .iter()
        .position(|t| t.byte_start > 300)
        .unwrap_or(toks.len());
    find_dates(text, toks, 0, end, lex, None)
        .into_iter()
        .find(|d| d.has_year && matches!(d.date, Some(PartialDate::Day(..))))
        .and_then(|d| d.date)
}

/// Relative day words and weekdays, resolved against a day-precise date.
pub fn relative_day(
    toks: &[Token],
    from: usize,
    to: usize,
    lex: &Lexicon,
    doc: Option<PartialDate>,
) -> Option<(usize, PartialDate)> {
    let Some(PartialDate::Day(y, m, d)) = doc else {
        return None;
    };
    let today = days_from_civil(y, m, d);
    for (k, t) in toks.iter().enumerate().take(to).skip(from) {
        let shift = match t.lower.as_str() {
            "heute" | "today" | "сегодня" => Some(0),
            "gestern" | "gestrigen" | "yesterday" | "вчера" | "накануне" => Some(1),
            "vorgestern" | "позавчера" => Some(2),
            _ => None,
        };
        let shift = shift.or_else(|| {
            let wd = *lex.weekdays.get(&t.lower)?;
            let today_wd = weekday(today);
            Some(i64::from((today_wd + 7 - wd) % 7))
        });
        if let Some(s) = shift {
            let (yy, mm, dd) = civil_from_days(today - s);
            return Some((k, PartialDate::Day(yy, mm, dd)));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    #[test]
    fn calendar_round_trip() {
        for (y, m, d) in [
            (1970, 1, 1),
            (2022, 1, 5),
            (2000, 2, 29),
            (2011, 12, 16),
            (1986, 12, 31),
        ] {
            assert_eq!(civil_from_days(days_from_civil(y, m, d)), (y, m, d));
        }
        assert_eq!(
            weekday(days_from_civil(2022, 1, 5)),
            3,
            "5 Jan 2022 was a Wednesday"
        );
        assert_eq!(weekday(days_from_civil(1970, 1, 1)), 4, "a Thursday");
    }

    fn dates(lang: &str, text: &str, doc: Option<PartialDate>) -> Vec<Option<String>> {
        let lex = Lexicon::embedded(lang).unwrap().unwrap();
        let toks = tokenize(text);
        find_dates(text, &toks, 0, toks.len(), &lex, doc)
            .iter()
            .map(|d| d.date.map(|d| d.to_string()))
            .collect()
    }

    #[test]
    fn explicit_dates_table() {
        let jan = Some(PartialDate::Month(2022, 1));
        type Case<'a> = (&'a str, &'a str, Option<PartialDate>, &'a [Option<&'a str>]);
        let cases: &[Case] = &[
            (
                "de",
                "am 16. Dezember 2011 in der Stadt",
                None,
                &[Some("2011-12-16")],
            ),
            (
                "de",
                "bis mindestens 19. Januar erklärt",
                jan,
                &[Some("2022-01-19")],
            ),
            ("de", "am 19. Januar", None, &[None]),
            ("de", "im Dezember gab es Streiks", jan, &[]),
            ("de", "seit dem Jahr 1986", None, &[Some("1986")]),
            ("de", "Stand: 05.01.2022", None, &[Some("2022-01-05")]),
            ("de", "im November 2019", None, &[Some("2019-11")]),
            ("de", "am 28. Dezember", jan, &[Some("2021-12-28")]),
            (
                "en",
                "on January 3, 2022 in Aktau",
                None,
                &[Some("2022-01-03")],
            ),
            ("en", "on 3 January", jan, &[Some("2022-01-03")]),
            ("en", "in 2011 police fired", None, &[Some("2011")]),
            ("en", "2,000 people", None, &[]),
            ("ru", "5 января 2022 года", None, &[Some("2022-01-05")]),
            ("ru", "в 2011 году", None, &[Some("2011")]),
        ];
        for (lang, text, doc, want) in cases {
            let want: Vec<Option<String>> = want.iter().map(|w| w.map(str::to_string)).collect();
            assert_eq!(dates(lang, text, *doc), want, "{lang}: {text:?}");
        }
    }

    #[test]
    fn dateline_and_relative_days() {
        let lex = Lexicon::embedded("en").unwrap().unwrap();
        let text = "Politics | Posted Tuesday, 04 January 2022 09:10\nCrowds gathered yesterday.";
        let toks = tokenize(text);
        let d = dateline(text, &toks, &lex);
        assert_eq!(d, Some(PartialDate::Day(2022, 1, 4)));
        let (_, r) = relative_day(&toks, 8, toks.len(), &lex, d).unwrap();
        assert_eq!(r, PartialDate::Day(2022, 1, 3));
        let lex = Lexicon::embedded("de").unwrap().unwrap();
        let text = "Am Mittwoch stürmten sie";
        let toks = tokenize(text);
        let (_, r) = relative_day(
            &toks,
            0,
            toks.len(),
            &lex,
            Some(PartialDate::Day(2022, 1, 7)),
        )
        .unwrap();
        assert_eq!(r, PartialDate::Day(2022, 1, 5));
        assert!(
            relative_day(
                &toks,
                0,
                toks.len(),
                &lex,
                Some(PartialDate::Month(2022, 1))
            )
            .is_none()
        );
    }
}
