//! Language knowledge for temporal expressions, loaded from
//! `resources/<lang>/time.tsv` (plus the month and weekday names of
//! `dates.tsv` and the number words of `numbers.tsv`).
//!
//! `time.tsv` has `#` comment lines, one checked `# FORMAT:` line, then rows
//! `phrase<TAB>class<TAB>value[<TAB>flags]`; a row may end in a `# …`
//! comment. A phrase is one or more space-separated word patterns:
//! `word` (exact), `stem*` (prefix), `*end` (suffix), `*part*` (infix);
//! punctuation inside a pattern is its own token ("v. chr." is four
//! tokens). Values are parsed into typed [`Word`]s here, once, so matching
//! never parses strings. Errors name `file:line`.

use std::collections::HashMap;

use chronik_table::{Options, Row, TableError};

use crate::TemporalError;
use crate::expr::{DayPart, Mod, Part, RefKind, Season, Unit};
use crate::token::{Tok, TokKind, fold, tokenize};

/// The FORMAT line of `time.tsv`.
pub const TIME_FORMAT: &str = "phrase\tclass\tvalue\t[flags]";
/// The FORMAT line of `dates.tsv` (owned by the extractor; read only).
pub const DATES_FORMAT: &str = "word\ttype\tvalue";
/// The FORMAT line of `numbers.tsv` (owned by the extractor; read only).
pub const NUMBERS_FORMAT: &str = "word\tvalue\ttype";

/// A link word between two parts of an expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Link {
    /// "vom", "from", "с": opens a range.
    From,
    /// "bis", "to", "по", "–": closes a range.
    To,
    /// "und", "and", "и", "/": joins two days.
    And,
    /// "zwischen", "between", "между".
    Between,
    /// "auf", "zum", "на": the day a night ends in.
    NightTo,
    /// "des", "of", "dieses": a genitive link ("Morgen des 22. Juni").
    Of,
}

/// What a clock word says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clock {
    /// "Uhr", "o'clock", "часов".
    Hours,
    /// "a.m.".
    Am,
    /// "p.m.".
    Pm,
}

/// The typed meaning of a lexicon row.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Word {
    /// Month name, 1–12.
    Month(u8),
    /// Weekday name, 1 = Monday.
    Weekday(u8),
    /// A weekday and a part of day in one word ("Montagabend").
    WeekdayPart(u8, DayPart),
    /// A word that introduces or follows a year ("Jahr", "года", "г").
    YearMarker,
    /// A day offset from the time of writing ("gestern" = -1).
    RelDay(i32),
    /// A day offset and a part of day ("last night", "tonight").
    RelDayPart(i32, DayPart),
    /// A part of day.
    DayPart(DayPart),
    /// Start, middle or end ("Anfang", "early", "в начале").
    Part(Part),
    /// "im Laufe", "in the course of": the period that follows.
    During,
    /// A part of a unit in one word ("Jahresende").
    UnitPart(Part, Unit),
    /// A calendar unit ("Tag", "weeks", "года").
    Unit(Unit),
    /// A shifted unit in one word ("Vorjahr" = year -1).
    RelUnit(i32, Unit),
    /// A duration in one word ("jahrelang" = X years, "полгода" = 6 months).
    Duration(Option<f64>, Unit),
    /// The unit part of "achttägig", "zweiwöchig" (after a number).
    UnitAdj(Unit),
    /// A direction (-1 last, 0 this/same, +1 next/following).
    Dir(i32),
    /// A shift word after or before an amount ("später" +1, "zuvor" -1,
    /// "ago" -1, "vor" -1 before the amount).
    Shift(i32),
    /// An unspecified number ("wenige", "several", "несколько").
    Some,
    /// A number word.
    Number(f64),
    /// An ordinal number word ("ersten", "second").
    Ordinal(u32),
    /// An ordinal suffix after digits ("th", "st").
    OrdSuffix,
    /// A season.
    Season(Season),
    /// A decade word ("zwanziger" = 2).
    Decade(u8),
    /// The suffix of "1930er", "1990s", "1990-х".
    DecadeSuffix,
    /// An era marker: true for BC ("v. Chr."), false for AD.
    Era(bool),
    /// A present/past/future reference.
    Ref(RefKind),
    /// A modifier ("etwa", "mehr als").
    Mod(Mod),
    /// A holiday with its month and day.
    Holiday(u8, u8),
    /// A clock word.
    Clock(Clock),
    /// A time of day in one word ("Mitternacht" = 24:00).
    ClockTime(u8, u8),
    /// A time zone, with its UTC offset in hours when fixed.
    Zone(Option<i8>),
    /// A link word.
    Link(Link),
    /// A preposition that may introduce a time ("am", "in", "в").
    Prep,
    /// An article skipped inside expressions ("den", "the").
    Det,
    /// A word before a bare plural unit that makes it a duration ("seit").
    DurPrep,
    /// "lang", "long" after a duration.
    Lang,
    /// An adjective allowed between a number and its unit ("ganzen").
    Filler,
    /// A recurrence ("täglich" = every day).
    Set(Unit),
    /// A word before a number that makes it a count, not a year.
    CountCue,
    /// A noun after a number that makes it a count, not a year.
    CountNoun,
}

/// Row flags (fourth column).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Flags {
    /// `adj`: an adjective that needs its noun ("gestrigen Mittwoch").
    pub adj: bool,
    /// `adv`: usable alone ("nachts", "abends").
    pub adv: bool,
    /// `lower`: only written in lower case ("morgen" = tomorrow).
    pub lower: bool,
    /// `cap`: only written capitalised ("Morgen" = morning).
    pub cap: bool,
    /// `ctx`: ambiguous alone; needs a preposition or a year ("may", "fall").
    pub ctx: bool,
    /// `ana`: counts from the narrative, not from the time of writing.
    pub ana: bool,
    /// `ago`: counts from the time of writing ("ago", "назад").
    pub ago: bool,
    /// `pre`: stands before the amount ("vor drei Tagen").
    pub pre: bool,
    /// `pl`: a plural form.
    pub pl: bool,
    /// `weak`: a number only in an amount ("ein", "a").
    pub weak: bool,
    /// `frac`: a fraction added to the number before it ("halbes").
    pub frac: bool,
    /// `dur`: a modifier only before durations ("über").
    pub dur: bool,
    /// `time`: a modifier only before clock times and parts of days ("gegen").
    pub time: bool,
    /// `mod=…`: a part carried by a season word ("Frühsommer").
    pub part: Option<Part>,
}

/// One row: its meaning and flags.
#[derive(Debug, Clone)]
pub struct Entry {
    /// What the phrase means.
    pub word: Word,
    /// Row flags.
    pub flags: Flags,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PatKind {
    Exact,
    Prefix,
    Suffix,
    Infix,
}

#[derive(Debug, Clone)]
struct Pat {
    text: String,
    kind: PatKind,
}

impl Pat {
    fn matches(&self, tok: &str) -> bool {
        match self.kind {
            PatKind::Exact => tok == self.text,
            PatKind::Prefix => tok.starts_with(self.text.as_str()),
            PatKind::Suffix => tok.len() > self.text.len() && tok.ends_with(self.text.as_str()),
            PatKind::Infix => tok.len() > self.text.len() && tok.contains(self.text.as_str()),
        }
    }
}

/// A phrase match at a token: which entry, and the token after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ann {
    /// Index into [`Lexicon::entries`].
    pub entry: u32,
    /// Index of the token after the phrase.
    pub end: u32,
}

/// The phrase matches of a text, grouped by first token.
#[derive(Debug, Clone, Default)]
pub struct Anns {
    starts: Vec<u32>,
    items: Vec<Ann>,
}

impl Anns {
    /// The matches starting at token `i` (empty past the end).
    pub fn at(&self, i: usize) -> &[Ann] {
        match (self.starts.get(i), self.starts.get(i + 1)) {
            (Some(&a), Some(&b)) => &self.items[a as usize..b as usize],
            _ => &[],
        }
    }
}

/// The temporal lexicon of one language.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    /// All rows.
    pub entries: Vec<Entry>,
    pats: Vec<Vec<Pat>>,
    exact: HashMap<String, Vec<u32>>,
    prefix: HashMap<String, Vec<u32>>,
    prefix_lens: Vec<usize>,
    suffix: Vec<(String, u32)>,
    infix: Vec<(String, u32)>,
}

fn row_err(file: &str, line: usize, message: impl Into<String>) -> TemporalError {
    TableError::row(file, line, message).into()
}

/// Splits a resource into rows, checking the FORMAT line and the column
/// count (columns in `[brackets]` are optional; empty trailing columns do
/// not count).
fn parse_rows(file: &str, content: &str, format: &str) -> Result<Vec<Row>, TemporalError> {
    let options = Options {
        drop_trailing_empty: true,
        ..Options::default()
    };
    chronik_table::parse_with(file, content, format, options).map_err(Into::into)
}

fn parse_unit(s: &str) -> Option<Unit> {
    Some(match s {
        "MIN" => Unit::Minute,
        "H" => Unit::Hour,
        "D" => Unit::Day,
        "NI" => Unit::Night,
        "W" => Unit::Week,
        "WE" => Unit::Weekend,
        "M" => Unit::Month,
        "HY" => Unit::HalfYear,
        "Y" => Unit::Year,
        "DE" => Unit::Decade,
        "CE" => Unit::Century,
        _ => return None,
    })
}

fn parse_daypart(s: &str) -> Option<DayPart> {
    Some(match s {
        "MO" => DayPart::Morning,
        "MI" => DayPart::Midday,
        "AF" => DayPart::Afternoon,
        "EV" => DayPart::Evening,
        "NI" => DayPart::Night,
        _ => return None,
    })
}

fn parse_part(s: &str) -> Option<Part> {
    Some(match s {
        "START" => Part::Start,
        "MID" => Part::Mid,
        "END" => Part::End,
        _ => return None,
    })
}

fn parse_int(s: &str) -> Option<i32> {
    s.strip_prefix('+').unwrap_or(s).parse().ok()
}

/// Parses the value column of a `time.tsv` row for its class.
fn parse_word(class: &str, value: &str, unit_flag: Option<Unit>) -> Result<Word, String> {
    let bad = || format!("bad value {value:?} for class {class}");
    let w = match class {
        "month" => Word::Month(
            value
                .parse()
                .ok()
                .filter(|m| (1..=12).contains(m))
                .ok_or_else(bad)?,
        ),
        "weekday" => Word::Weekday(
            value
                .parse()
                .ok()
                .filter(|d| (1..=7).contains(d))
                .ok_or_else(bad)?,
        ),
        "relday" => Word::RelDay(parse_int(value).ok_or_else(bad)?),
        "reldaypart" => {
            let (o, p) = value.split_once(':').ok_or_else(bad)?;
            Word::RelDayPart(
                parse_int(o).ok_or_else(bad)?,
                parse_daypart(p).ok_or_else(bad)?,
            )
        }
        "daypart" => Word::DayPart(parse_daypart(value).ok_or_else(bad)?),
        "part" => Word::Part(parse_part(value).ok_or_else(bad)?),
        "during" => Word::During,
        "unitpart" => Word::UnitPart(
            parse_part(value).ok_or_else(bad)?,
            unit_flag.ok_or("class unitpart needs a unit=… flag")?,
        ),
        "unit" => Word::Unit(parse_unit(value).ok_or_else(bad)?),
        "relunit" => Word::RelUnit(
            parse_int(value).ok_or_else(bad)?,
            unit_flag.ok_or("class relunit needs a unit=… flag")?,
        ),
        "durword" => {
            let split = value
                .find(|c: char| c.is_ascii_uppercase() && c != 'X')
                .ok_or_else(bad)?;
            let (amount, unit) = value.split_at(split);
            let amount = match amount {
                "X" => None,
                a => Some(a.parse::<f64>().map_err(|_| bad())?),
            };
            Word::Duration(amount, parse_unit(unit).ok_or_else(bad)?)
        }
        "unitadj" => Word::UnitAdj(parse_unit(value).ok_or_else(bad)?),
        "dir" => Word::Dir(
            parse_int(value)
                .filter(|d| (-1..=1).contains(d))
                .ok_or_else(bad)?,
        ),
        "shift" => Word::Shift(
            parse_int(value)
                .filter(|d| *d == 1 || *d == -1)
                .ok_or_else(bad)?,
        ),
        "some" => Word::Some,
        "number" => Word::Number(value.parse().map_err(|_| bad())?),
        "ordinal" => Word::Ordinal(value.parse().map_err(|_| bad())?),
        "ordsuffix" => Word::OrdSuffix,
        "season" => Word::Season(match value {
            "SP" => Season::Spring,
            "SU" => Season::Summer,
            "FA" => Season::Autumn,
            "WI" => Season::Winter,
            _ => return Err(bad()),
        }),
        "decade" => Word::Decade(value.parse().ok().filter(|d| *d <= 9).ok_or_else(bad)?),
        "decadesuffix" => Word::DecadeSuffix,
        "era" => Word::Era(match value {
            "BC" => true,
            "AD" => false,
            _ => return Err(bad()),
        }),
        "ref" => Word::Ref(match value {
            "PRESENT" => RefKind::Present,
            "PAST" => RefKind::Past,
            "FUTURE" => RefKind::Future,
            _ => return Err(bad()),
        }),
        "mod" => Word::Mod(match value {
            "APPROX" => Mod::Approx,
            "MORE_THAN" => Mod::MoreThan,
            "LESS_THAN" => Mod::LessThan,
            "EQUAL_OR_MORE" => Mod::EqualOrMore,
            "EQUAL_OR_LESS" => Mod::EqualOrLess,
            _ => return Err(bad()),
        }),
        "holiday" => {
            let (m, d) = value.split_once('-').ok_or_else(bad)?;
            let (m, d): (u8, u8) = (m.parse().map_err(|_| bad())?, d.parse().map_err(|_| bad())?);
            if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
                return Err(bad());
            }
            Word::Holiday(m, d)
        }
        "clock" => Word::Clock(match value {
            "h" => Clock::Hours,
            "am" => Clock::Am,
            "pm" => Clock::Pm,
            _ => return Err(bad()),
        }),
        "clocktime" => {
            let (h, m) = value.split_once(':').ok_or_else(bad)?;
            let (h, m): (u8, u8) = (h.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?);
            if h > 24 || m > 59 {
                return Err(bad());
            }
            Word::ClockTime(h, m)
        }
        "zone" => Word::Zone(match value {
            "-" => None,
            v => Some(
                parse_int(v)
                    .and_then(|o| i8::try_from(o).ok())
                    .ok_or_else(bad)?,
            ),
        }),
        "link" => Word::Link(match value {
            "from" => Link::From,
            "to" => Link::To,
            "and" => Link::And,
            "between" => Link::Between,
            "nightto" => Link::NightTo,
            "of" => Link::Of,
            _ => return Err(bad()),
        }),
        "prep" => Word::Prep,
        "det" => Word::Det,
        "durprep" => Word::DurPrep,
        "lang" => Word::Lang,
        "filler" => Word::Filler,
        "set" => Word::Set(parse_unit(value).ok_or_else(bad)?),
        "countcue" => Word::CountCue,
        "countnoun" => Word::CountNoun,
        _ => return Err(format!("unknown class {class:?}")),
    };
    Ok(w)
}

fn parse_flags(s: &str) -> Result<(Flags, Option<Unit>), String> {
    let mut f = Flags::default();
    let mut unit = None;
    for flag in s.split([',', ' ']).filter(|x| !x.is_empty()) {
        match flag {
            "adj" => f.adj = true,
            "adv" => f.adv = true,
            "lower" => f.lower = true,
            "cap" => f.cap = true,
            "ctx" => f.ctx = true,
            "ana" => f.ana = true,
            "ago" => f.ago = true,
            "pre" => f.pre = true,
            "pl" => f.pl = true,
            "weak" => f.weak = true,
            "frac" => f.frac = true,
            "dur" => f.dur = true,
            "time" => f.time = true,
            _ => {
                if let Some(u) = flag.strip_prefix("unit=") {
                    unit = Some(parse_unit(u).ok_or_else(|| format!("bad unit in flag {flag:?}"))?);
                } else if let Some(p) = flag.strip_prefix("mod=") {
                    f.part =
                        Some(parse_part(p).ok_or_else(|| format!("bad part in flag {flag:?}"))?);
                } else {
                    return Err(format!("unknown flag {flag:?}"));
                }
            }
        }
    }
    Ok((f, unit))
}

/// Turns a phrase into token patterns ("v. chr." → v . chr .; "stem*").
fn parse_phrase(phrase: &str) -> Vec<Pat> {
    let mut out = Vec::new();
    for w in phrase.split_whitespace() {
        let (star_start, star_end) = (
            w.starts_with('*') && w.len() > 1,
            w.ends_with('*') && w.len() > 1,
        );
        let core = w.trim_matches('*');
        let toks = tokenize(core);
        let n = toks.len();
        for (k, t) in toks.into_iter().enumerate() {
            let (s, e) = (star_start && k == 0, star_end && k + 1 == n);
            let kind = match (s, e) {
                (true, true) => PatKind::Infix,
                (true, false) => PatKind::Suffix,
                (false, true) => PatKind::Prefix,
                (false, false) => PatKind::Exact,
            };
            out.push(Pat {
                text: t.lower,
                kind,
            });
        }
    }
    out
}

impl Lexicon {
    fn add(&mut self, pats: Vec<Pat>, entry: Entry) {
        if pats.is_empty() {
            return;
        }
        let id = self.entries.len() as u32;
        match pats[0].kind {
            PatKind::Exact => self.exact.entry(pats[0].text.clone()).or_default().push(id),
            PatKind::Prefix => {
                let len = pats[0].text.len();
                if !self.prefix_lens.contains(&len) {
                    self.prefix_lens.push(len);
                    self.prefix_lens.sort_unstable();
                }
                self.prefix
                    .entry(pats[0].text.clone())
                    .or_default()
                    .push(id);
            }
            PatKind::Suffix => self.suffix.push((pats[0].text.clone(), id)),
            PatKind::Infix => self.infix.push((pats[0].text.clone(), id)),
        }
        self.entries.push(entry);
        self.pats.push(pats);
    }

    /// Builds the lexicon of one language from the three files' contents.
    pub fn from_sources(
        time: (&'static str, &str),
        dates: (&'static str, &str),
        numbers: (&'static str, &str),
    ) -> Result<Lexicon, TemporalError> {
        let mut lex = Lexicon::default();
        let mut weekdays: Vec<(String, u8)> = Vec::new();
        let mut dayparts: Vec<(String, DayPart)> = Vec::new();
        // dates.tsv: months, weekdays, year words.
        for row in parse_rows(dates.0, dates.1, DATES_FORMAT)? {
            let word = match row.cols[1].as_str() {
                "month" => Word::Month(
                    row.cols[2]
                        .parse()
                        .ok()
                        .filter(|m| (1..=12).contains(m))
                        .ok_or_else(|| row_err(dates.0, row.line, "bad month"))?,
                ),
                "weekday" => {
                    let d = row.cols[2]
                        .parse()
                        .ok()
                        .filter(|d| (1..=7).contains(d))
                        .ok_or_else(|| row_err(dates.0, row.line, "bad weekday"))?;
                    weekdays.push((fold(&row.cols[0]), d));
                    Word::Weekday(d)
                }
                "year" => Word::YearMarker,
                other => {
                    return Err(row_err(
                        dates.0,
                        row.line,
                        format!("unknown type {other:?}"),
                    ));
                }
            };
            let entry = Entry {
                word,
                flags: Flags::default(),
            };
            lex.add(parse_phrase(&row.cols[0]), entry);
        }
        // numbers.tsv: plain and weak number words.
        for row in parse_rows(numbers.0, numbers.1, NUMBERS_FORMAT)? {
            let weak = match row.cols[2].as_str() {
                "num" => false,
                "weak" => true,
                _ => continue,
            };
            let value: f64 = row.cols[1]
                .parse()
                .map_err(|_| row_err(numbers.0, row.line, "bad number"))?;
            let flags = Flags {
                weak,
                ..Flags::default()
            };
            let entry = Entry {
                word: Word::Number(value),
                flags,
            };
            lex.add(parse_phrase(&row.cols[0]), entry);
        }
        // time.tsv.
        for row in parse_rows(time.0, time.1, TIME_FORMAT)? {
            let (flags, unit) = parse_flags(row.cols.get(3).map_or("", String::as_str))
                .map_err(|m| row_err(time.0, row.line, m))?;
            let word = parse_word(&row.cols[1], &row.cols[2], unit)
                .map_err(|m| row_err(time.0, row.line, m))?;
            let pats = parse_phrase(&row.cols[0]);
            if pats.is_empty() {
                return Err(row_err(time.0, row.line, "empty phrase"));
            }
            if let Word::DayPart(p) = word
                && !flags.adv
                && pats.len() == 1
                && pats[0].kind == PatKind::Exact
            {
                dayparts.push((pats[0].text.clone(), p));
            }
            lex.add(pats, Entry { word, flags });
        }
        // German-style compounds "Montagabend", "Freitagnacht": generated,
        // so the data lists each word once.
        for (wd, d) in &weekdays {
            for (dp, p) in &dayparts {
                let entry = Entry {
                    word: Word::WeekdayPart(*d, *p),
                    flags: Flags::default(),
                };
                let text = format!("{wd}{dp}");
                lex.add(
                    vec![Pat {
                        text,
                        kind: PatKind::Exact,
                    }],
                    entry,
                );
            }
        }
        Ok(lex)
    }

    /// The value of a single number word ("acht", "anderthalb", "ein"),
    /// for compounds like "achttägig".
    pub fn number_word(&self, word: &str) -> Option<f64> {
        self.exact
            .get(word)?
            .iter()
            .find_map(|&id| match self.entries[id as usize].word {
                Word::Number(v)
                    if !self.entries[id as usize].flags.frac
                        && self.pats[id as usize].len() == 1 =>
                {
                    Some(v)
                }
                _ => None,
            })
    }

    /// All phrase matches in `toks`, grouped by first token. Linear in the
    /// number of tokens (each token is looked up in hash maps by its
    /// prefixes of listed lengths, plus a short suffix/infix list).
    pub fn annotate(&self, toks: &[Tok]) -> Anns {
        let mut anns = Anns {
            starts: Vec::with_capacity(toks.len() + 1),
            items: Vec::new(),
        };
        let mut cands: Vec<u32> = Vec::new();
        for (i, t) in toks.iter().enumerate() {
            anns.starts.push(anns.items.len() as u32);
            cands.clear();
            if let Some(ids) = self.exact.get(t.lower.as_str()) {
                cands.extend_from_slice(ids);
            }
            if t.kind == TokKind::Word {
                for &len in &self.prefix_lens {
                    if len > t.lower.len() {
                        break;
                    }
                    if t.lower.is_char_boundary(len)
                        && let Some(ids) = self.prefix.get(&t.lower[..len])
                    {
                        cands.extend_from_slice(ids);
                    }
                }
                for (s, id) in self.suffix.iter().chain(self.infix.iter()) {
                    if t.lower.len() > s.len() && t.lower.contains(s.as_str()) {
                        cands.push(*id);
                    }
                }
            }
            for &id in &cands {
                let entry = &self.entries[id as usize];
                if (entry.flags.lower && t.cap) || (entry.flags.cap && !t.cap) {
                    continue;
                }
                let pats = &self.pats[id as usize];
                if !pats[0].matches(&t.lower) {
                    continue;
                }
                let mut j = i + 1;
                let mut ok = true;
                for p in &pats[1..] {
                    match toks.get(j) {
                        Some(n) if p.matches(&n.lower) && !n.newline_before => j += 1,
                        _ => {
                            ok = false;
                            break;
                        }
                    }
                }
                if ok {
                    anns.items.push(Ann {
                        entry: id,
                        end: j as u32,
                    });
                }
            }
        }
        anns.starts.push(anns.items.len() as u32);
        anns
    }
}
