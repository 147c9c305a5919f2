//! Loading the resource texts into a [`Gazetteer`]: FORMAT lines checked,
//! every malformed row or unknown place reported with `file:line`.

use std::collections::hash_map::Entry as MapEntry;

use crate::fold::{fold, fold_char};
use crate::tokens::is_word_char;
use std::collections::HashMap;

use chronik_table::{Options, Row, TableError};

use crate::index::{Add, Builder as IndexBuilder, word_hash};
use crate::words::{WordClasses, class_bit};
use crate::{
    Gazetteer, GeoError, Lang, Level, MentionKind, MultiStem, Record, Sources, Stem, Suffix,
    SuffixKind,
};

const PLACES_FILE: &str = "resources/gazetteer/places.tsv";
const ADJ_FILE: &str = "resources/gazetteer/adjectives.tsv";
const STOP_FILE: &str = "resources/gazetteer/stop.tsv";
const NOUNS_FILE: &str = "resources/gazetteer/de-nouns.tsv";
const NOUNS_FORMAT: &str = "word\tclass";
const PLACES_FORMAT: &str =
    "key\tlevel\tname\tcountry\tadmin1\tpopulation\tlat\tlon\taliases\tvariants";
const ADJ_FORMAT: &str = "stem\tkind\tplace\tlang";
const STOP_FORMAT: &str = "word\tlang";
const ALIAS_FORMAT: &str = "phrase\tkind\tplace";
/// Gazetteer names hold in every language.
const ALL_LANGS: u8 = 7;

/// Data rows of a TSV resource (see [`chronik_table`]): checks the
/// `# FORMAT:` line and the column count; a row may end in `<TAB># …`.
fn rows(file: &str, content: &str, format: &str) -> Result<Vec<Row>, GeoError> {
    let options = Options {
        plain_count: true,
        ..Options::default()
    };
    chronik_table::parse_with(file, content, format, options).map_err(Into::into)
}

/// Checks the FORMAT line of the generated `places.tsv`.
fn check_places_format(content: &str) -> Result<(), GeoError> {
    let ok = content.lines().take_while(|l| l.starts_with('#')).any(|l| {
        l.strip_prefix("# FORMAT:")
            .is_some_and(|f| f.trim() == PLACES_FORMAT)
    });
    if ok {
        Ok(())
    } else {
        Err(TableError::format(PLACES_FILE, PLACES_FORMAT).into())
    }
}

/// The columns of a `places.tsv` data row (a fast path of [`rows`]: no
/// trimming, no trailing comments).
fn place_cols(line: usize, l: &str) -> Result<[&str; 10], GeoError> {
    let mut cols = [""; 10];
    let mut n = 0;
    for c in l.split('\t') {
        if n < 10 {
            cols[n] = c;
        }
        n += 1;
    }
    if n != 10 || cols[0].is_empty() {
        return Err(row_err(
            PLACES_FILE,
            line,
            format!("expected 10 columns: {PLACES_FORMAT}"),
        ));
    }
    Ok(cols)
}

fn row_err(file: &str, line: usize, message: impl Into<String>) -> GeoError {
    TableError::row(file, line, message).into()
}

/// Folded words of a name, split like text ([`crate::tokens::tokenize`]:
/// runs of letters and digits, a hyphen or apostrophe between two of them
/// joins), written into one buffer. Written out here because loading
/// splits 200,000 names.
#[derive(Default)]
struct Words {
    buf: String,
    ends: Vec<usize>,
}

impl Words {
    fn split(&mut self, name: &str) {
        self.buf.clear();
        self.ends.clear();
        if name.is_ascii() {
            return self.split_ascii(name.as_bytes());
        }
        let mut chars = name.chars().peekable();
        let mut prev_alnum = false;
        let mut start = 0;
        while let Some(c) = chars.next() {
            let alnum = is_word_char(c);
            if alnum {
                fold_char(c, &mut self.buf);
            } else {
                let joins = matches!(c, '-' | '\u{2010}' | '\u{2011}' | '\'' | '\u{2019}')
                    && prev_alnum
                    && chars.peek().is_some_and(|n| n.is_alphanumeric());
                if joins {
                    if matches!(c, '-' | '\u{2010}' | '\u{2011}') {
                        self.buf.push('-');
                    }
                } else if self.buf.len() > start {
                    self.ends.push(self.buf.len());
                    start = self.buf.len();
                }
            }
            prev_alnum = alnum;
        }
        if self.buf.len() > start {
            self.ends.push(self.buf.len());
        }
    }

    /// [`Words::split`] for ASCII names, byte by byte.
    fn split_ascii(&mut self, name: &[u8]) {
        let mut start = 0;
        for (i, &c) in name.iter().enumerate() {
            if c.is_ascii_alphanumeric() {
                self.buf.push(char::from(c.to_ascii_lowercase()));
                continue;
            }
            let joins = (c == b'-' || c == b'\'')
                && i > 0
                && name[i - 1].is_ascii_alphanumeric()
                && name.get(i + 1).is_some_and(u8::is_ascii_alphanumeric);
            if joins {
                if c == b'-' {
                    self.buf.push('-');
                }
            } else if self.buf.len() > start {
                self.ends.push(self.buf.len());
                start = self.buf.len();
            }
        }
        if self.buf.len() > start {
            self.ends.push(self.buf.len());
        }
    }

    fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    fn iter(&self) -> impl Iterator<Item = &str> {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts.zip(self.ends.iter()).map(|(a, &b)| &self.buf[a..b])
    }
}

struct Builder<'a> {
    records: Vec<Record>,
    index: IndexBuilder,
    /// ISO code of a country or region → its record.
    by_key: HashMap<&'a str, u32>,
    /// (GeoNames id, record) of towns and areas, sorted (first record of an
    /// id first).
    by_id: Vec<(u64, u32)>,
    /// New places of alias files by (name, country).
    new_places: HashMap<(String, String), u32>,
    names: usize,
    words: Words,
}

impl Builder<'_> {
    fn add_name(&mut self, surface: &str, place: u32, rank: u8) {
        self.words.split(surface);
        if self.words.is_empty() {
            return;
        }
        self.names += 1;
        self.index
            .add(self.words.iter(), Add::Place { place, rank }, ALL_LANGS);
    }
}

pub(crate) fn load(src: &Sources<'_>) -> Result<Gazetteer, GeoError> {
    // the German word classes are independent of the rest: read on a
    // second thread when one can be had
    std::thread::scope(|s| {
        let nouns = std::thread::Builder::new()
            .name("chronik-geo-nouns".into())
            .spawn_scoped(s, || load_nouns(src.nouns));
        let g = load_places_aliases(src);
        let classes = match nouns {
            Ok(h) => h.join().unwrap_or_else(|_| {
                Err(row_err(NOUNS_FILE, 0, "reading the word classes failed"))
            })?,
            Err(_) => load_nouns(src.nouns)?,
        };
        let mut g = g?;
        g.classes = classes;
        Ok(g)
    })
}

/// Everything but the word classes.
fn load_places_aliases(src: &Sources<'_>) -> Result<Gazetteer, GeoError> {
    let mut b = Builder {
        records: Vec::new(),
        index: IndexBuilder::default(),
        by_key: HashMap::new(),
        by_id: Vec::new(),
        new_places: HashMap::new(),
        names: 0,
        words: Words::default(),
    };
    load_places(&mut b, src.places)?;
    let mut stems: HashMap<Box<str>, Vec<Stem>> = HashMap::new();
    let mut multi_stems = Vec::new();
    let mut suffixes = Vec::new();
    let mut area_prefixes = Vec::new();
    let mut locatives: HashMap<Box<str>, u8> = HashMap::new();
    let mut articles: HashMap<Box<str>, u8> = HashMap::new();
    let mut place_types: HashMap<Box<str>, u8> = HashMap::new();
    let mut homes: HashMap<Box<str>, u8> = HashMap::new();
    for Row { line, cols: c } in rows(ADJ_FILE, src.adjectives, ADJ_FORMAT)? {
        let place = place_ref(&mut b, ADJ_FILE, line, &c[2])?
            .ok_or_else(|| row_err(ADJ_FILE, line, "an adjective needs a place"))?;
        let kind = stem_kind(ADJ_FILE, line, &c[1])?;
        add_stem(
            &mut stems,
            &mut multi_stems,
            &c[0],
            Stem {
                place,
                kind,
                langs: Lang::parse(&c[3]).mask(),
            },
            false,
        );
    }
    let mut stops: HashMap<Box<str>, u8> = HashMap::new();
    for Row { cols: c, .. } in rows(STOP_FILE, src.stop, STOP_FORMAT)? {
        *stops.entry(fold(&c[0]).into()).or_default() |= Lang::parse(&c[1]).mask();
    }
    for (lang, file, content) in src.aliases {
        let mask = Lang::parse(lang).mask();
        for Row { line, cols: c } in rows(file, content, ALIAS_FORMAT)? {
            let (phrase, kind) = (c[0].as_str(), c[1].as_str());
            let place = place_ref(&mut b, file, line, &c[2])?;
            if kind == "locative" {
                *locatives.entry(fold(phrase).into()).or_default() |= mask;
                continue;
            }
            if kind == "article" {
                *articles.entry(fold(phrase).into()).or_default() |= mask;
                continue;
            }
            if kind == "place_type" {
                // a place-type noun is a locative cue too ("Gemeinde X")
                *locatives.entry(fold(phrase).into()).or_default() |= mask;
                *place_types.entry(fold(phrase).into()).or_default() |= mask;
                continue;
            }
            if kind == "home" {
                let Some(p) = place else {
                    return Err(row_err(file, line, "home needs a country"));
                };
                *homes
                    .entry(b.records[p as usize].country.clone())
                    .or_default() |= mask;
                continue;
            }
            if kind == "area_prefix" {
                let p = phrase
                    .strip_suffix('*')
                    .ok_or_else(|| row_err(file, line, "an area_prefix is written as `prefix*`"))?;
                area_prefixes.push((fold(p), mask));
                continue;
            }
            if let Some(end) = phrase.strip_prefix('*') {
                let kind = match kind {
                    "region_word" => SuffixKind::RegionWord,
                    "area" => SuffixKind::Area,
                    "town_suffix" => SuffixKind::Town,
                    "town_suffix_cued" => SuffixKind::TownCued,
                    "landscape_suffix" => SuffixKind::Landscape,
                    "suffix_stop" => SuffixKind::Stop,
                    _ => {
                        return Err(row_err(
                            file,
                            line,
                            "*suffix: region_word, area, town_suffix, town_suffix_cued, landscape_suffix or suffix_stop",
                        ));
                    }
                };
                suffixes.push(Suffix {
                    end: fold(end),
                    langs: mask,
                    kind,
                });
                continue;
            }
            if matches!(kind, "adjective" | "demonym") {
                let place =
                    place.ok_or_else(|| row_err(file, line, "an adjective needs a place"))?;
                let kind = stem_kind(file, line, kind)?;
                add_stem(
                    &mut stems,
                    &mut multi_stems,
                    phrase,
                    Stem {
                        place,
                        kind,
                        langs: mask,
                    },
                    true,
                );
                continue;
            }
            let mut words = Words::default();
            words.split(phrase);
            if words.is_empty() {
                return Err(row_err(file, line, "empty phrase"));
            }
            let adds: &[Add] = match kind {
                "name" => {
                    let place = place.ok_or_else(|| row_err(file, line, "a name needs a place"))?;
                    b.add_name(phrase, place, 2);
                    &[Add::Curated]
                }
                "area" => &[Add::Area, Add::Curated],
                "region_word" => &[Add::RegionWord],
                "near" => &[Add::Near],
                "stop" => &[Add::Stop],
                "person" => &[Add::Person],
                "title" => &[Add::Title],
                "org_word" => &[Add::OrgWord],
                "landmark" => &[Add::Landmark],
                "area_head" => &[Add::AreaHead],
                "area_tail" => &[Add::AreaTail],
                "district" => &[Add::District],
                _ => return Err(row_err(file, line, format!("unknown kind '{kind}'"))),
            };
            for &add in adds {
                b.index.add(words.iter(), add, mask);
            }
        }
    }
    Ok(Gazetteer {
        records: b.records,
        index: b.index.build(),
        stems,
        multi_stems,
        suffixes,
        area_prefixes,
        stops,
        locatives,
        articles,
        place_types,
        homes,
        names: b.names,
        tagger: None,
        classes: WordClasses::default(),
    })
}

/// `de-nouns.tsv`: one folded word form and its class letters per row
/// (a fast path like [`place_cols`]: the file has 257,000 rows; only hashes
/// are kept).
fn load_nouns(content: &str) -> Result<WordClasses, GeoError> {
    let ok = content.lines().take_while(|l| l.starts_with('#')).any(|l| {
        l.strip_prefix("# FORMAT:")
            .is_some_and(|f| f.trim() == NOUNS_FORMAT)
    });
    if !ok {
        return Err(TableError::format(NOUNS_FILE, NOUNS_FORMAT).into());
    }
    let mut pairs: Vec<(u64, u8)> = Vec::with_capacity(content.len() / 14);
    for (i, l) in content.split('\n').enumerate() {
        let l = l.strip_suffix('\r').unwrap_or(l);
        if l.is_empty() || l.starts_with('#') {
            continue;
        }
        let b = l.as_bytes();
        let tab = b.iter().position(|&c| c == b'\t');
        let (word, cls) = match tab {
            Some(t) if t > 0 && t + 1 < b.len() => (&l[..t], &b[t + 1..]),
            _ => {
                return Err(row_err(
                    NOUNS_FILE,
                    i + 1,
                    "expected 2 columns: word<TAB>class",
                ));
            }
        };
        let mut bits = 0u8;
        for &c in cls {
            bits |= class_bit(char::from(c))
                .ok_or_else(|| row_err(NOUNS_FILE, i + 1, "class letters: n, g, s, p, t"))?;
        }
        if word.bytes().any(|c| c.is_ascii_whitespace()) {
            return Err(row_err(
                NOUNS_FILE,
                i + 1,
                "expected one word and its class letters",
            ));
        }
        pairs.push((word_hash(word), bits));
    }
    Ok(WordClasses::new(pairs))
}

fn stem_kind(file: &str, line: usize, kind: &str) -> Result<MentionKind, GeoError> {
    match kind {
        "adjective" => Ok(MentionKind::Adjective),
        "demonym" => Ok(MentionKind::Demonym),
        _ => Err(row_err(file, line, "kind must be adjective or demonym")),
    }
}

/// Adds a stem; stems of the alias files (`front`) go before the generated
/// ones, so they win a shared stem (ru `алматинск*`: the city, not the
/// region).
fn add_stem(
    stems: &mut HashMap<Box<str>, Vec<Stem>>,
    multi: &mut Vec<MultiStem>,
    phrase: &str,
    stem: Stem,
    front: bool,
) {
    let p = fold(phrase.trim_end_matches('*'));
    let words: Vec<String> = p.split_whitespace().map(str::to_string).collect();
    if words.len() > 1 {
        multi.push(MultiStem { words, stem });
    } else if let Some(w) = words.into_iter().next() {
        let v = stems.entry(w.into()).or_default();
        if front {
            v.insert(0, stem);
        } else {
            v.push(stem);
        }
    }
}

fn load_places<'a>(b: &mut Builder<'a>, content: &'a str) -> Result<(), GeoError> {
    let mut admin1_codes: Vec<(u32, &str, usize)> = Vec::new();
    let lines = content.lines().count();
    b.records.reserve(lines);
    b.by_id.reserve(lines);
    b.index.reserve(lines * 3);
    check_places_format(content)?;
    for (i, l) in content.lines().enumerate() {
        if l.is_empty() || l.starts_with('#') {
            continue;
        }
        let line = i + 1;
        let c = place_cols(line, l)?;
        let level = match c[1] {
            "country" => Level::Country,
            "region" | "admin" => Level::Region,
            "town" => Level::Town,
            "area" => Level::Area,
            l => return Err(row_err(PLACES_FILE, line, format!("unknown level '{l}'"))),
        };
        let num = |s: &str, what: &str| -> Result<f64, GeoError> {
            s.parse::<f64>()
                .map_err(|_| row_err(PLACES_FILE, line, format!("{what} must be a number")))
        };
        let id = b.records.len() as u32;
        let geonames_id =
            match level {
                Level::Town | Level::Area => Some(c[0].parse::<u64>().map_err(|_| {
                    row_err(PLACES_FILE, line, "key of a town must be a GeoNames id")
                })?),
                _ => None,
            };
        b.records.push(Record {
            name: c[2].into(),
            geonames_id,
            country: if c[3] == "-" { "" } else { c[3] }.into(),
            admin1: None,
            population: num(c[5], "population")? as u64,
            lat: num(c[6], "lat")?,
            lon: num(c[7], "lon")?,
            level,
        });
        if c[4] != "-" {
            admin1_codes.push((id, c[4], line));
        }
        match geonames_id {
            Some(g) => b.by_id.push((g, id)),
            None => {
                if let MapEntry::Vacant(v) = b.by_key.entry(c[0]) {
                    v.insert(id);
                }
            }
        }
        if c[1] == "admin" {
            continue; // the admin1 of its towns only, never matched by name
        }
        b.add_name(c[2], id, 1);
        for (col, rank) in [(8, 1), (9, 0)] {
            if c[col] != "-" {
                for a in c[col].split('|') {
                    b.add_name(a, id, rank);
                }
            }
        }
    }
    b.by_id.sort_unstable();
    for (id, code, line) in admin1_codes {
        let r =
            b.by_key.get(code).copied().ok_or_else(|| {
                row_err(PLACES_FILE, line, format!("unknown admin1 region '{code}'"))
            })?;
        b.records[id as usize].admin1 = Some(r);
    }
    Ok(())
}

/// A place reference of an alias or adjective file: `-`, a key of
/// `places.tsv` (ISO 3166-1 or 3166-2 code, GeoNames id) or a new place
/// `Name;CC;admin1;lat;lon[;population]`.
fn place_ref(
    b: &mut Builder<'_>,
    file: &str,
    line: usize,
    s: &str,
) -> Result<Option<u32>, GeoError> {
    if s == "-" {
        return Ok(None);
    }
    if s.contains(';') {
        let f: Vec<&str> = s.split(';').map(str::trim).collect();
        if f.len() != 5 && f.len() != 6 {
            return Err(row_err(
                file,
                line,
                "new place: Name;CC;admin1;lat;lon[;population]",
            ));
        }
        let key = (f[0].to_string(), f[1].to_string());
        if let Some(&id) = b.new_places.get(&key) {
            return Ok(Some(id));
        }
        let num = |x: &str| {
            x.parse::<f64>()
                .map_err(|_| row_err(file, line, "lat/lon must be numbers"))
        };
        let admin1 =
            match f[2] {
                "-" | "" => None,
                code => Some(b.by_key.get(code).copied().ok_or_else(|| {
                    row_err(file, line, format!("unknown admin1 region '{code}'"))
                })?),
            };
        let id = b.records.len() as u32;
        b.records.push(Record {
            name: f[0].into(),
            geonames_id: None,
            country: f[1].into(),
            admin1,
            population: match f.get(5) {
                Some(p) => p
                    .parse()
                    .map_err(|_| row_err(file, line, "bad population"))?,
                None => 0,
            },
            lat: num(f[3])?,
            lon: num(f[4])?,
            level: Level::Town,
        });
        b.new_places.insert(key, id);
        return Ok(Some(id));
    }
    let found = match s.parse::<u64>() {
        Ok(g) => {
            let i = b.by_id.partition_point(|&(k, _)| k < g);
            b.by_id.get(i).filter(|&&(k, _)| k == g).map(|&(_, r)| r)
        }
        Err(_) => b.by_key.get(s).copied(),
    };
    found
        .map(Some)
        .ok_or_else(|| row_err(file, line, format!("unknown place '{s}'")))
}
