//! chronik-temporal: temporal expressions in German, English and Russian.
//!
//! ```text
//! text ──Tagger::tag──▶ [Timex { byte span, Expr, rule }]
//!      ──resolve(expr, Reference::Document(date))──▶ Resolved { TIMEX2 value, interval, precision, ACLED code }
//!      ──resolve_narrative(timexes, dct)──▶ one Resolved per Timex, anchored on the last mentioned date
//! ```
//!
//! Recognition ([`Tagger::tag`]) is token-based and linear in the length
//! of the text: one tokenization, one lexicon lookup per token, then a
//! fixed list of small rules (`src/rules.rs`) each reading a few tokens ahead;
//! the longest match wins. The words are data
//! (`resources/<lang>/time.tsv`, plus month and weekday names from
//! `dates.tsv` and number words from `numbers.tsv`), embedded at compile
//! time. The result is an [`Expr`]: what the words say, never a guess.
//!
//! Resolution ([`resolve()`]) turns an expression and a reference date at its
//! own precision into a TIMEX2 value and an interval. It fails safe:
//! unresolved beats wrong. Nothing here reads the clock, the file system
//! or the environment, and no input panics.
//!
//! ```
//! use chronik_model::PartialDate;
//! use chronik_temporal::{Reference, Tagger, resolve};
//!
//! let tagger = Tagger::new().unwrap();
//! let text = "Am gestrigen Mittwoch protestierten Tausende.";
//! let timexes = tagger.tag("de", text);
//! let r = resolve(&timexes[0].expr, Reference::Document(PartialDate::Day(2022, 1, 6))).unwrap();
//! assert_eq!(&text[timexes[0].byte_start..timexes[0].byte_end], "gestrigen Mittwoch");
//! assert_eq!(r.value, "2022-01-05");
//! ```
#![deny(missing_docs)]

pub mod calendar;
pub mod expr;
mod lexicon;
pub mod resolve;
mod rules;
mod scan;
mod token;

pub use expr::{
    Anchor, DateSpec, DayPart, Direction, Expr, Mod, Part, RefKind, Season, Unit, YearSpec,
};
pub use resolve::{Precision, Reference, Resolved, resolve, resolve_narrative};

use lexicon::Lexicon;
use scan::Scan;

/// Why the built-in resources could not be loaded: the file, and for a bad
/// row its line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(transparent)]
pub struct TemporalError(#[from] pub chronik_table::TableError);

/// A temporal expression found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Timex {
    /// Byte offset of the first byte in the text.
    pub byte_start: usize,
    /// Byte offset after the last byte.
    pub byte_end: usize,
    /// What the expression says.
    pub expr: Expr,
    /// The rule that matched (for explanations).
    pub rule: &'static str,
}

/// Byte ranges of URLs ("https://…", "www.…") up to the next whitespace.
fn url_spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for marker in ["://", "www."] {
        let mut from = 0;
        while let Some(p) = text[from..].find(marker) {
            let at = from + p;
            let start = text[..at]
                .rfind(|c: char| c.is_whitespace() || c == '(' || c == '[')
                .map_or(0, |k| k + 1);
            let end = text[at..]
                .find(|c: char| c.is_whitespace())
                .map_or(text.len(), |k| at + k);
            out.push((start, end));
            from = end.max(at + marker.len());
        }
    }
    out
}

/// Embedded resources per language: (language, time.tsv, dates.tsv, numbers.tsv).
macro_rules! embed {
    ($($lang:literal),+) => {
        &[$((
            $lang,
            (concat!("resources/", $lang, "/time.tsv"), include_str!(concat!("../../../resources/", $lang, "/time.tsv"))),
            (concat!("resources/", $lang, "/dates.tsv"), include_str!(concat!("../../../resources/", $lang, "/dates.tsv"))),
            (concat!("resources/", $lang, "/numbers.tsv"), include_str!(concat!("../../../resources/", $lang, "/numbers.tsv"))),
        )),+]
    };
}

type Source = (&'static str, &'static str);

/// All embedded languages.
const EMBEDDED: &[(&str, Source, Source, Source)] = embed!("de", "en", "ru");

/// The languages the tagger knows.
pub const LANGUAGES: &[&str] = &["de", "en", "ru"];

/// Finds temporal expressions; holds the loaded lexicons. `Sync`: build
/// once, share across threads.
#[derive(Debug, Clone)]
pub struct Tagger {
    lexicons: Vec<(&'static str, Lexicon)>,
}

impl Tagger {
    /// Loads the embedded resources of all languages.
    pub fn new() -> Result<Tagger, TemporalError> {
        let mut lexicons = Vec::with_capacity(EMBEDDED.len());
        for (lang, time, dates, numbers) in EMBEDDED {
            lexicons.push((*lang, Lexicon::from_sources(*time, *dates, *numbers)?));
        }
        Ok(Tagger { lexicons })
    }

    /// The temporal expressions of `text` in language `lang` ("de", "en",
    /// "ru"), in text order, not overlapping; empty for other languages.
    pub fn tag(&self, lang: &str, text: &str) -> Vec<Timex> {
        let Some((_, lex)) = self.lexicons.iter().find(|(l, _)| *l == lang) else {
            return Vec::new();
        };
        let toks = token::tokenize(text);
        let anns = lex.annotate(&toks);
        let scan = Scan {
            toks: &toks,
            anns: &anns,
            lex,
        };
        let mut hits = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            if !rules::interesting(&scan, i) {
                i += 1;
                continue;
            }
            match rules::best_at(&scan, i) {
                Some(h) => {
                    i = h.also.as_ref().map_or(h.end, |a| a.end).max(i + 1);
                    hits.push(h);
                }
                None => i += 1,
            }
        }
        let hits = rules::join_ranges(&scan, hits);
        // URLs never count (EVENTS.md §6): drop hits inside one.
        let urls = url_spans(text);
        let in_url = |t: &token::Tok| {
            urls.iter()
                .any(|&(a, b)| t.byte_start >= a && t.byte_start < b)
        };
        let hits: Vec<rules::Hit> = hits
            .into_iter()
            .filter(|h| toks.get(h.start).is_none_or(|t| !in_url(t)))
            .collect();
        let mut out = Vec::with_capacity(hits.len());
        for h in hits {
            let also = h.also;
            out.push(rules::to_timex(&scan, h.start, h.end, h.expr, h.rule));
            if let Some(a) = also {
                out.push(rules::to_timex(&scan, a.start, a.end, a.expr, a.rule));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chronik_model::PartialDate;

    /// (span in the text, TIMEX2 value or `None` when unresolved, precision)
    type Want<'a> = (&'a str, Option<&'a str>, Precision);

    fn day(y: i32, m: u8, d: u8) -> Reference {
        Reference::Document(PartialDate::Day(y, m, d))
    }

    fn month(y: i32, m: u8) -> Reference {
        Reference::Document(PartialDate::Month(y, m))
    }

    /// 2022-01-06, a Thursday.
    const THU: Reference = Reference::Document(PartialDate::Day(2022, 1, 6));
    const NONE: Reference = Reference::None;

    fn check(tagger: &Tagger, lang: &str, reference: Reference, text: &str, want: &[Want]) {
        let got: Vec<(String, Option<String>, Precision)> = tagger
            .tag(lang, text)
            .iter()
            .map(|t| {
                let r = resolve(&t.expr, reference);
                (
                    text[t.byte_start..t.byte_end].to_string(),
                    r.as_ref().map(|r| r.value.clone()),
                    r.map_or(Precision::None, |r| r.precision),
                )
            })
            .collect();
        let want: Vec<(String, Option<String>, Precision)> = want
            .iter()
            .map(|(s, v, p)| (s.to_string(), v.map(str::to_string), *p))
            .collect();
        assert_eq!(
            got, want,
            "\n{lang}: {text:?} against {reference:?}\n\
             help: words are in resources/{lang}/time.tsv, recognition in src/rules.rs, values in src/resolve.rs"
        );
    }

    /// One test per language: rows of (reference, text, expected expressions).
    macro_rules! timex_table {
        ($name:ident, $lang:literal, [$(($reference:expr, $text:literal, [$(($span:literal, $value:expr, $precision:ident)),* $(,)?])),* $(,)?]) => {
            #[test]
            fn $name() {
                let tagger = Tagger::new().unwrap();
                $(check(&tagger, $lang, $reference, $text, &[$(($span, $value, Precision::$precision)),*]);)*
            }
        };
    }

    timex_table!(
        tag_german_news,
        "de",
        [
            (
                THU,
                "Am gestrigen Mittwoch stürmten Demonstranten das Rathaus.",
                [("gestrigen Mittwoch", Some("2022-01-05"), Day)]
            ),
            (
                month(2022, 1),
                "Am gestrigen Mittwoch stürmten Demonstranten das Rathaus.",
                [("gestrigen Mittwoch", Some("2022-01"), Month)]
            ),
            // Yesterday was a Wednesday: the text's Tuesday disagrees, keep the week.
            (
                THU,
                "Am gestrigen Dienstag blieb es ruhig.",
                [("gestrigen Dienstag", Some("2022-W01"), Week)]
            ),
            // Weekday arithmetic across a month end.
            (
                day(2022, 3, 2),
                "Am Montag protestierten Hunderte vor dem Parlament.",
                [("Montag", Some("2022-02-28"), Day)]
            ),
            // Year boundary with a month-precision reference.
            (
                month(2022, 1),
                "Am 28. Dezember hatte die Regierung die Gaspreise verdoppelt.",
                [("28. Dezember", Some("2021-12-28"), Day)]
            ),
            (
                THU,
                "Schon Anfang Januar gingen die ersten Menschen auf die Straße.",
                [("Anfang Januar", Some("2022-01"), Month)]
            ),
            (
                THU,
                "Vom 2. bis 5. Januar streikten die Ölarbeiter.",
                [("2. bis 5. Januar", Some("2022-01-02/2022-01-05"), Week)]
            ),
            (
                day(2022, 1, 7),
                "In der Nacht auf Donnerstag fielen in Almaty Schüsse.",
                [("Nacht auf Donnerstag", Some("2022-01-06TNI"), Day)]
            ),
            // Durations are not points.
            (
                THU,
                "Die Blockade der Fernstraße dauerte drei Tage lang.",
                [("drei Tage lang", Some("P3D"), None)]
            ),
            (
                THU,
                "Seit Tagen ist das Internet abgeschaltet.",
                [("Tagen", Some("PXD"), None)]
            ),
            (
                day(2022, 1, 5),
                "Heute Mittag trat die Regierung zurück.",
                [("Heute Mittag", Some("2022-01-05TMI"), Day)]
            ),
            (
                day(2022, 1, 5),
                "Am vergangenen Wochenende demonstrierten Tausende in Aktau.",
                [("vergangenen Wochenende", Some("2021-W52-WE"), Week)]
            ),
            (
                NONE,
                "Am 16. Dezember 2011 schossen Polizisten in Schanaosen auf streikende Arbeiter.",
                [("16. Dezember 2011", Some("2011-12-16"), Day)]
            ),
            (
                NONE,
                "Im Jahr 1986 kam es in Almaty zu Unruhen.",
                [("Jahr 1986", Some("1986"), Year)]
            ),
            (
                NONE,
                "Die Kundgebung am 05.01.2022 wurde aufgelöst, jene vom 2022-01-04 nicht.",
                [
                    ("05.01.2022", Some("2022-01-05"), Day),
                    ("2022-01-04", Some("2022-01-04"), Day),
                ]
            ),
            (
                day(2022, 2, 10),
                "Ende 2021 stiegen die Preise, Mitte Januar kehrte Ruhe ein.",
                [
                    ("Ende 2021", Some("2021"), Year),
                    ("Mitte Januar", Some("2022-01"), Month),
                ]
            ),
            (
                month(2022, 1),
                "Am Mittwoch gab es Festnahmen, letzte Woche Streiks.",
                [
                    ("Mittwoch", Some("2022-01"), Month),
                    ("letzte Woche", Some("2022-01"), Month),
                ]
            ),
            // No reference and no year: unresolved.
            (
                NONE,
                "Der Notstand gilt bis zum 19. Januar.",
                [("19. Januar", None, None)]
            ),
            // Counted from an earlier event: unresolved against a document date.
            (
                THU,
                "Zwei Tage später wurde die Armee eingesetzt, wenige Tage später zog sie ab.",
                [
                    ("Zwei Tage später", None, None),
                    ("wenige Tage später", Some("FUTURE_REF"), None),
                ]
            ),
            (
                THU,
                "Vorgestern wurden 20 Journalisten festgenommen, etwa 3000 Menschen protestierten.",
                [("Vorgestern", Some("2022-01-04"), Day)]
            ),
            (
                THU,
                "Letzte Woche blieben die Schulen geschlossen.",
                [("Letzte Woche", Some("2021-W52"), Week)]
            ),
            (
                NONE,
                "Im 20. Jahrhundert und in den 1990er Jahren wuchs die Stadt.",
                [
                    ("20. Jahrhundert", Some("19"), Century),
                    ("den 1990er Jahren", Some("199"), Decade),
                ]
            ),
            (THU, "Mehr als 2000 Polizisten waren im Einsatz.", []),
            (
                THU,
                "Die Proteste dauern seit dem 2. Januar an; am Tag darauf eskalierte die Lage.",
                [
                    ("2. Januar", Some("2022-01-02"), Day),
                    ("Tag darauf", None, None),
                ]
            ),
        ]
    );

    timex_table!(
        tag_english_news,
        "en",
        [
            (
                THU,
                "Protesters stormed the mayor's office yesterday.",
                [("yesterday", Some("2022-01-05"), Day)]
            ),
            (
                THU,
                "Police fired tear gas earlier this week.",
                [("earlier this week", Some("2022-W01"), Week)]
            ),
            (
                THU,
                "Shots were heard in Almaty last night.",
                [("last night", Some("2022-01-05TNI"), Day)]
            ),
            (
                THU,
                "The strike lasted for three days.",
                [("three days", Some("P3D"), None)]
            ),
            (
                day(2022, 1, 20),
                "In early January fuel prices doubled.",
                [("early January", Some("2022-01"), Month)]
            ),
            (
                THU,
                "On Jan. 5 a state of emergency was declared.",
                [("Jan. 5", Some("2022-01-05"), Day)]
            ),
            (
                NONE,
                "On 16 December 2011 police killed 14 oil workers.",
                [("16 December 2011", Some("2011-12-16"), Day)]
            ),
            (
                THU,
                "Rallies were held from January 2 to 5.",
                [("January 2 to 5", Some("2022-01-02/2022-01-05"), Week)]
            ),
            (
                THU,
                "On Tuesday crowds gathered outside the akimat.",
                [("Tuesday", Some("2022-01-04"), Day)]
            ),
            (
                day(2022, 1, 5),
                "Last weekend thousands marched.",
                [("Last weekend", Some("2021-W52-WE"), Week)]
            ),
            (
                THU,
                "Three days ago the cabinet resigned.",
                [("Three days ago", Some("2022-01-03"), Day)]
            ),
            (
                THU,
                "Two days later the troops arrived.",
                [("Two days later", None, None)]
            ),
            (
                NONE,
                "In 2011 the oil workers went on strike.",
                [("2011", Some("2011"), Year)]
            ),
            (
                NONE,
                "The unrest of the 1990s returned.",
                [("the 1990s", Some("199"), Decade)]
            ),
            (
                day(2022, 3, 2),
                "On Monday, police detained 2000 people.",
                [("Monday", Some("2022-02-28"), Day)]
            ),
            (
                month(2022, 1),
                "Prices have risen since May. You may leave.",
                [("May", Some("2021-05"), Month)]
            ),
            (
                month(2022, 1),
                "On Wednesday the president spoke.",
                [("Wednesday", Some("2022-01"), Month)]
            ),
        ]
    );

    timex_table!(
        tag_russian_news,
        "ru",
        [
            (
                THU,
                "Вчера протестующие захватили здание акимата.",
                [("Вчера", Some("2022-01-05"), Day)]
            ),
            (
                day(2022, 1, 7),
                "В ночь на четверг в Алматы были слышны выстрелы.",
                [("ночь на четверг", Some("2022-01-06TNI"), Day)]
            ),
            (
                THU,
                "Накануне полиция применила слезоточивый газ.",
                [("Накануне", Some("2022-01-05"), Day)]
            ),
            (
                NONE,
                "5 января 2022 года был введён режим чрезвычайного положения.",
                [("5 января 2022 года", Some("2022-01-05"), Day)]
            ),
            (
                day(2022, 1, 10),
                "В начале января цены на газ выросли вдвое.",
                [("начале января", Some("2022-01"), Month)]
            ),
            (
                NONE,
                "В 2011 году в Жанаозене погибли 14 человек.",
                [("2011 году", Some("2011"), Year)]
            ),
            (
                THU,
                "Забастовка продолжалась три дня.",
                [("три дня", Some("P3D"), None)]
            ),
            (
                THU,
                "На прошлой неделе прошли забастовки.",
                [("прошлой неделе", Some("2021-W52"), Week)]
            ),
            (
                month(2022, 1),
                "В среду задержали журналиста.",
                [("среду", Some("2022-01"), Month)]
            ),
            (
                THU,
                "С 2 по 5 января шли митинги.",
                [("2 по 5 января", Some("2022-01-02/2022-01-05"), Week)]
            ),
            (
                THU,
                "Три дня назад правительство ушло в отставку.",
                [("Три дня назад", Some("2022-01-03"), Day)]
            ),
        ]
    );

    fn first(lang: &str, text: &str, reference: Reference) -> Resolved {
        let tagger = Tagger::new().unwrap();
        let t = tagger.tag(lang, text);
        resolve(&t[0].expr, reference).unwrap()
    }

    #[test]
    fn resolve_intervals_dates_and_acled_codes() {
        let r = first("de", "Anfang Januar begann es.", THU);
        assert_eq!(r.date, Some(PartialDate::Month(2022, 1)));
        assert_eq!(
            r.interval,
            Some((PartialDate::Day(2022, 1, 1), PartialDate::Day(2022, 1, 10)))
        );
        assert_eq!(
            (r.acled_time_precision, r.modifier),
            (Some(3), Some(Mod::Start))
        );
        // The night ending on Thursday: dated Thursday, spanning Wednesday evening.
        let r = first(
            "de",
            "In der Nacht auf Donnerstag fielen Schüsse.",
            day(2022, 1, 7),
        );
        assert_eq!(r.date, Some(PartialDate::Day(2022, 1, 6)));
        assert_eq!(
            r.interval,
            Some((PartialDate::Day(2022, 1, 5), PartialDate::Day(2022, 1, 6)))
        );
        assert_eq!(r.acled_time_precision, Some(1));
        let r = first("de", "Vom 2. bis 5. Januar streikten sie.", THU);
        assert_eq!(
            (r.date, r.acled_time_precision),
            (Some(PartialDate::Month(2022, 1)), Some(2))
        );
        let r = first("de", "Die Blockade dauerte drei Tage lang.", THU);
        assert!(!r.is_point && r.interval.is_none() && r.date.is_none());
        let r = first(
            "de",
            "Am gestrigen Mittwoch fielen Schüsse.",
            month(2022, 1),
        );
        assert!(r.reasoning.contains("month reference"), "{}", r.reasoning);
        let r = first("de", "Im Jahr 1986 gab es Unruhen.", NONE);
        assert_eq!(
            (r.precision, r.acled_time_precision),
            (Precision::Year, None)
        );
    }

    #[test]
    fn resolve_narrative_follows_the_story() {
        let tagger = Tagger::new().unwrap();
        let text = "Am 10. Mai 1940 begann der Angriff. Am folgenden Tag fiel die Festung. \
                    Im Juni kapitulierte Frankreich. Noch im selben Jahr endete die Schlacht, \
                    an die heute ein Denkmal erinnert. 490 v. Chr. siegten die Athener; im \
                    gleichen Jahr starb der König.";
        let t = tagger.tag("de", text);
        let values: Vec<String> = resolve_narrative(&t, Some(PartialDate::Day(2011, 2, 16)))
            .into_iter()
            .map(|r| r.map_or("-".to_string(), |r| r.value))
            .collect();
        assert_eq!(
            values,
            [
                "1940-05-10",
                "1940-05-11",
                "1940-06",
                "1940",
                "PRESENT_REF",
                "BC0490",
                "BC0490"
            ]
        );
    }

    #[test]
    fn lexicon_errors_name_file_and_line() {
        let dates = ("dates.tsv", "# FORMAT: word\ttype\tvalue\nmai\tmonth\t5\n");
        let numbers = ("numbers.tsv", "# FORMAT: word\tvalue\ttype\n");
        let bad_format =
            Lexicon::from_sources(("time.tsv", "# FORMAT: word\n"), dates, numbers).unwrap_err();
        assert!(
            bad_format
                .to_string()
                .starts_with("time.tsv: expected header"),
            "{bad_format}"
        );
        let bad_row = Lexicon::from_sources(
            (
                "time.tsv",
                "# x\n# FORMAT: phrase\tclass\tvalue\t[flags]\nheute\trelday\tzero\n",
            ),
            dates,
            numbers,
        )
        .unwrap_err();
        assert!(bad_row.to_string().starts_with("time.tsv:3:"), "{bad_row}");
    }

    #[test]
    fn tag_unknown_language_and_urls() {
        let tagger = Tagger::new().unwrap();
        assert!(tagger.tag("fr", "le 5 janvier 2022").is_empty());
        let t = tagger.tag(
            "en",
            "See https://example.org/2022/01/05/img_1920x1080.jpg on January 5, 2022.",
        );
        assert_eq!(t.len(), 1);
    }

    /// A small deterministic generator (no dependency needed).
    struct Lcg(u64);

    impl Lcg {
        fn next(&mut self) -> u64 {
            self.0 = self
                .0
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            self.0 >> 33
        }
    }

    #[test]
    fn tag_never_panics_on_random_input() {
        let tagger = Tagger::new().unwrap();
        let pieces = [
            "am",
            "16.",
            "Dezember",
            "2011",
            "gestern",
            "Nacht",
            "auf",
            "Donnerstag",
            "vom",
            "2.",
            "bis",
            "5.",
            "Januar",
            "v. Chr.",
            "Anfang",
            "Ende",
            "des",
            "Jahres",
            "drei",
            "Tage",
            "später",
            "vor",
            "/",
            "–",
            "-",
            ".",
            ",",
            ":",
            "4:45",
            "Uhr",
            "1.9.39",
            "2022-01-05",
            "05.01.2022",
            "ночь",
            "на",
            "четверг",
            "в",
            "начале",
            "января",
            "early",
            "last",
            "night",
            "week",
            "ago",
            "1930er",
            "XX",
            "века",
            "Mitternacht",
            "Frühjahr",
            "77/78",
            "264–260",
            "𝔘",
            "\u{301}",
            "ß",
            "İ",
            "\n",
            "  ",
            "999999999999",
            "0.",
            "31.",
        ];
        let refs = [
            THU,
            month(2022, 1),
            Reference::Document(PartialDate::Year(2022)),
            Reference::Narrative(PartialDate::Day(-400, 3, 1)),
            Reference::Narrative(PartialDate::Year(9999)),
            Reference::Document(PartialDate::Day(i32::MAX, 12, 31)),
            Reference::Document(PartialDate::Year(i32::MIN)),
            NONE,
        ];
        let mut rng = Lcg(7);
        for round in 0..600 {
            let n = (rng.next() % 40) as usize;
            let mut text = String::new();
            for _ in 0..n {
                if round % 3 == 0 {
                    // Arbitrary chars, including multi-byte ones.
                    let c = char::from_u32((rng.next() % 0x3000) as u32).unwrap_or('x');
                    text.push(c);
                } else {
                    text.push_str(pieces[(rng.next() as usize) % pieces.len()]);
                    text.push(if rng.next().is_multiple_of(4) {
                        '\u{a0}'
                    } else {
                        ' '
                    });
                }
            }
            for lang in LANGUAGES {
                let t = tagger.tag(lang, &text);
                for x in &t {
                    assert!(x.byte_start <= x.byte_end && text.is_char_boundary(x.byte_start));
                    for r in refs {
                        let _ = resolve(&x.expr, r);
                    }
                }
                let _ = resolve_narrative(&t, Some(PartialDate::Day(2011, 2, 16)));
                let _ = resolve_narrative(&t, Some(PartialDate::Day(i32::MAX, 1, 1)));
                let _ = resolve_narrative(&t, Some(PartialDate::Year(i32::MIN)));
            }
        }
    }

    #[test]
    fn resolve_never_panics_on_extreme_expressions() {
        let exprs = [
            Expr::RelativeDay {
                offset: i32::MAX,
                weekday: Some(9),
                anchor: Anchor::Speech,
            },
            Expr::Relative {
                unit: Unit::Month,
                offset: i32::MIN,
                anchor: Anchor::Speech,
            },
            Expr::Relative {
                unit: Unit::Year,
                offset: i32::MAX,
                anchor: Anchor::Speech,
            },
            Expr::Relative {
                unit: Unit::Weekend,
                offset: 5,
                anchor: Anchor::Speech,
            },
            Expr::Date(DateSpec {
                year: Some(YearSpec::Full(i32::MIN)),
                month: Some(13),
                day: Some(0),
            }),
            Expr::Date(DateSpec {
                year: Some(YearSpec::TwoDigit(99)),
                month: Some(2),
                day: Some(29),
            }),
            Expr::Century {
                number: u16::MAX,
                bc: true,
            },
            Expr::Decade {
                digits: None,
                tens: 9,
                bc: false,
            },
            Expr::Time {
                hour: 99,
                minute: 99,
                day: None,
                zone: Some(i8::MIN),
            },
            Expr::Duration {
                amount: Some(f64::NAN),
                unit: Unit::Year,
            },
            Expr::Duration {
                amount: Some(1e300),
                unit: Unit::Hour,
            },
            Expr::Season {
                season: Season::Winter,
                year: Some(YearSpec::Relative {
                    offset: -1,
                    anchor: Anchor::Speech,
                }),
            },
        ];
        let refs = [
            THU,
            Reference::Document(PartialDate::Day(i32::MAX, 12, 31)),
            Reference::Narrative(PartialDate::Year(i32::MIN)),
            Reference::Document(PartialDate::Month(-5, 1)),
            NONE,
        ];
        for e in &exprs {
            for r in refs {
                let _ = resolve(e, r);
            }
        }
    }
}
