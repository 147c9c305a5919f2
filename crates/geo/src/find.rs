//! Recognition: [`Gazetteer::find`]. Cheap and certain rules first:
//! names (longest match, capitalised, not a common word, not a person),
//! then adjective and demonym stems on the remaining words, then region
//! words and nearness cues around the names.

use crate::index::{Entry, START, chain, word_hash};
use crate::inflect::base_forms;
use crate::tokens::{Token, tokenize};
use crate::{Gazetteer, Lang, Level, MentionKind, PlaceId, PlaceMention, Stem, Suffix, SuffixKind};

/// A mention without candidates from word `first` to word `last`: a name
/// or area the rules find but the gazetteer lacks.
pub(crate) fn bare(kind: MentionKind, first: &Token, last: &Token) -> PlaceMention {
    PlaceMention {
        byte_start: first.byte_start,
        byte_end: last.byte_end,
        candidates: Vec::new(),
        kind,
        near: false,
        in_org_name: false,
    }
}

/// Population below which a single-word town name next to another
/// capitalised word is taken for part of a person's name (en, ru).
const PERSON_RULE_MAX_POP: u64 = 100_000;

/// Particles inside landmark names (`Lido di Spina`, `Isola delle Femmine`).
const PARTICLES: &[&str] = &[
    "di", "de", "del", "della", "delle", "dei", "des", "du", "la", "le", "los", "las", "of", "the",
    "am", "an", "im", "y", "e",
];

/// Conjunctions that continue a list of places ("Aktobe, Atyrau und
/// Kyzylorda").
const LIST_WORDS: &[&str] = &["und", "and", "и", "sowie", "or", "oder", "или", "&"];

/// Folded endings of street words whose number belongs to the name
/// (`Neuendorfer Straße 90c`, `Bundesstraße 216`).
const STREET_ENDS: &[&str] = &[
    "strasse", "gasse", "allee", "chaussee", "weg", "platz", "damm", "ufer", "ring",
];

/// Folded words naming a road by its number (`Autobahn 7`, `Bundesautobahn 3`).
const ROAD_WORDS: &[&str] = &[
    "autobahn",
    "bundesautobahn",
    "bundesstrasse",
    "landesstrasse",
];

/// A house or road number: digits, then at most one letter (`90c`), at
/// most four characters.
fn house_number(t: &Token) -> bool {
    let f = t.folded.as_bytes();
    f.len() <= 4
        && f.first().is_some_and(u8::is_ascii_digit)
        && f.iter().filter(|c| !c.is_ascii_digit()).count() <= 1
        && f.last().is_some_and(|c| c.is_ascii_alphanumeric())
}

/// German roads and street numbers: `A 7`, `B 27` (a capital A or B, a
/// space, a number of one to three digits; after a lower-case word or a
/// road word, so `Gruppe B 2` is none), `A7` after a road word, `Autobahn
/// 7`, and street mentions with their number (`Neuendorfer Straße 90c`,
/// `Bundesstraße 216`): areas.
fn roads(toks: &[Token], covered: &mut [bool], out: &mut Vec<PlaceMention>) {
    let road_word = |t: &Token| {
        let f = t.folded.as_str();
        ROAD_WORDS
            .iter()
            .any(|w| f == *w || f.strip_suffix('n') == Some(w))
            || f == "autobahnen"
            || f == "bundesstrassen"
    };
    let area = |a: &Token, b: &Token| bare(MentionKind::Area, a, b);
    // numbers after street mentions
    for m in out.iter_mut().filter(|m| m.kind == MentionKind::Area) {
        let last = toks.partition_point(|t| t.byte_start < m.byte_end);
        let (Some(end), Some(next)) = (last.checked_sub(1).map(|k| &toks[k]), toks.get(last))
        else {
            continue;
        };
        if next.joined
            && house_number(next)
            && !covered[last]
            && STREET_ENDS.iter().any(|e| end.folded.ends_with(e))
        {
            m.byte_end = next.byte_end;
            covered[last] = true;
        }
    }
    for i in 0..toks.len() {
        let t = &toks[i];
        if covered[i] {
            continue;
        }
        let prev_ok = |k: usize| k == 0 || !toks[k - 1].cap || road_word(&toks[k - 1]);
        let road_no =
            |n: &Token| n.folded.len() <= 3 && n.folded.bytes().all(|c| c.is_ascii_digit());
        // a road number right after token `i`, not yet taken
        let numbered = |covered: &[bool]| {
            toks.get(i + 1)
                .is_some_and(|n| n.joined && road_no(n) && !covered[i + 1])
        };
        // `A 7`, `B 27`; `Autobahn 7`
        if ((t.cap && (t.folded == "a" || t.folded == "b") && prev_ok(i)) || road_word(t))
            && numbered(covered)
        {
            out.push(area(t, &toks[i + 1]));
            covered[i] = true;
            covered[i + 1] = true;
            continue;
        }
        // `A7` after a road word: `die Autobahnen A7 und A1`
        let f = t.folded.as_bytes();
        let joined_no = f.len() >= 2
            && f.len() <= 4
            && (f[0] == b'a' || f[0] == b'b')
            && f[1..].iter().all(u8::is_ascii_digit);
        if t.cap && joined_no && i > 0 && road_word(&toks[i - 1]) {
            out.push(area(t, t));
            covered[i] = true;
            continue;
        }
    }
}

/// What a mark is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MarkKind {
    /// A region word (`Region`, `Provinz`, `область`, `Nachbarregion`).
    Region,
    /// A nearness cue (`bei`, `near`, `под`).
    Near,
    /// A word of an area suffix pattern (`Richard-Wagner-Straße`).
    Area,
}

/// A region word, nearness cue or area word found in the text, in words.
#[derive(Debug, Clone, Copy)]
struct Mark {
    first: usize,
    end: usize,
    kind: MarkKind,
}

/// What [`Gazetteer::scan_names`] finds: names as (first word, end word,
/// entry), marks, and the words used.
struct Scan {
    names: Vec<(usize, usize, usize)>,
    marks: Vec<Mark>,
    covered: Vec<bool>,
}

/// A name match in words.
#[derive(Debug, Clone, Copy)]
struct NameMatch {
    end: usize,
    entry: usize,
    /// Every word matched as written (no base form needed).
    exact: bool,
}

/// Towns smaller than this outside the language's home countries need a
/// cue (see [`Gazetteer::with_cues`]).
const WEAK_FOREIGN_POP: u64 = 100_000;
/// Towns smaller than this in the language's home countries need a cue.
const WEAK_HOME_POP: u64 = 10_000;

/// German words inflected to a place name must stand for a country, region,
/// area or a town this large (`Deutschlands`, `Berlins`; not `Sandes`).
const DE_INFLECTED_MIN_POP: u64 = 50_000;

impl Gazetteer {
    /// Place mentions in `text` (language `lang`: "de", "en", "ru"; other
    /// codes apply the rules of all three), in text order, without
    /// disambiguation. Never fails; an empty text gives no mentions.
    ///
    /// German text goes through the place tagger too when the gazetteer
    /// has one ([`Gazetteer::embedded`] loads it; see [`crate::Tagger`]):
    /// it drops rule mentions it is sure are no places and adds names the
    /// rules miss, as mentions without candidates.
    pub fn find(&self, lang: &str, text: &str) -> Vec<PlaceMention> {
        let lang = Lang::parse(lang);
        let toks = tokenize(text);
        let ids = self.word_ids(lang, &toks);
        let rules = self.find_rules_in(lang, text, &toks, &ids);
        match &self.tagger {
            Some(t) if lang == Lang::De => t.combine(self, lang, text, &toks, &ids, rules),
            _ => rules,
        }
    }

    /// Place mentions by the rules alone (no tagger), as [`Gazetteer::find`]
    /// otherwise.
    pub fn find_rules(&self, lang: &str, text: &str) -> Vec<PlaceMention> {
        let lang = Lang::parse(lang);
        let toks = tokenize(text);
        let ids = self.word_ids(lang, &toks);
        self.find_rules_in(lang, text, &toks, &ids)
    }

    /// The rules over words already split and looked up.
    pub(crate) fn find_rules_in(
        &self,
        lang: Lang,
        text: &str,
        toks: &[Token],
        ids: &[Vec<(u64, bool)>],
    ) -> Vec<PlaceMention> {
        let Scan {
            mut names,
            mut marks,
            mut covered,
        } = self.scan_names(lang, toks, ids);
        let mut named = vec![false; toks.len()];
        for &(a, b, _) in &names {
            named[a..b].iter_mut().for_each(|x| *x = true);
        }
        let (landmarks, absorbed) = self.landmarks(lang, toks, &named, &mut covered);
        names.retain(|&(a, b, _)| !absorbed[a..b].iter().any(|x| *x));
        let compounds = self.compounds(lang, toks, &mut covered);
        let towns = self.suffix_words(lang, toks, &mut covered, &mut marks);
        let names = self.with_cues(lang, text, toks, names, &marks);
        let mut out = self.name_mentions(lang, text, toks, &names, &marks);
        out.extend(towns);
        out.extend(compounds);
        out.extend(landmarks);
        out.extend(self.prefix_areas(lang, toks, &mut covered));
        out.extend(self.stem_mentions(lang, toks, &covered));
        if lang == Lang::De {
            roads(toks, &mut covered, &mut out);
        }
        self.broken_hyphens(text, toks, &mut out);
        if !self.place_types.is_empty() {
            self.type_heads(lang, toks, ids, &mut out);
        }
        if lang == Lang::De {
            self.list_members(text, toks, &mut out);
        }
        out.sort_by_key(|p| (p.byte_start, p.byte_end));
        out
    }

    /// The longest gazetteer name at each word, left to right, minus common
    /// words, persons' names and titles' names; region words and nearness
    /// cues become marks. Returns the names, the marks and the words used
    /// (names, blockers).
    fn scan_names(&self, lang: Lang, toks: &[Token], ids: &[Vec<(u64, bool)>]) -> Scan {
        let m = lang.mask();
        let n = toks.len();
        let mut covered = vec![false; n];
        let mut marks: Vec<Mark> = Vec::new();
        // (first word, end word, entry)
        let mut names: Vec<(usize, usize, usize)> = Vec::new();
        // word index after the last given name (a surname follows) and after
        // the last title (a name follows; "Präsident Kasachstans" is none)
        let mut person_until = usize::MAX;
        let mut title_until = usize::MAX;
        let mut i = 0;
        while i < n {
            let Some(nm) = self.longest(ids, i, m) else {
                i += 1;
                continue;
            };
            let e = &self.index.entries[nm.entry];
            let span = i..nm.end;
            if e.stop & m != 0 {
                covered[span].iter_mut().for_each(|c| *c = true);
                i = nm.end;
                continue;
            }
            if e.title & m != 0 {
                title_until = nm.end;
                i = nm.end;
                continue;
            }
            if e.region_word & m != 0 || e.near & m != 0 {
                let kind = if e.region_word & m != 0 {
                    MarkKind::Region
                } else {
                    MarkKind::Near
                };
                marks.push(Mark {
                    first: i,
                    end: nm.end,
                    kind,
                });
                i = nm.end;
                continue;
            }
            let t = &toks[i];
            let is_area = e.area & m != 0;
            if (e.cands.is_empty() && !is_area) || !t.cap || t.numeric {
                if e.person & m != 0 {
                    person_until = nm.end;
                }
                i += 1;
                continue;
            }
            let single = nm.end == i + 1;
            // "Kazakh" is the adjective, not the Azerbaijani town Gazakh;
            // "Московский" the adjective, not a village
            if single && e.curated & m == 0 && !self.important(e) && self.stem_at(lang, t).is_some()
            {
                i += 1;
                continue;
            }
            let blocked = (single && e.curated & m == 0 && self.is_stop(lang, t))
                || (person_until == i && t.joined)
                || (single && t.joined && !self.important(e) && self.after_given_name(toks, i))
                || (title_until == i && t.joined && !self.important(e))
                || (lang == Lang::De && single && !nm.exact && !self.important(e))
                || (single && self.noun_after_article(lang, toks, i, e))
                || self.is_person(lang, toks, ids, i, nm, e);
            if e.person & m != 0 {
                person_until = nm.end;
            }
            covered[span].iter_mut().for_each(|c| *c = true);
            if !blocked {
                names.push((i, nm.end, nm.entry));
            }
            i = nm.end;
        }
        Scan {
            names,
            marks,
            covered,
        }
    }

    /// For each word: hashes of its folded form and of its base forms that
    /// occur in some name, with "is the word as written".
    pub(crate) fn word_ids(&self, lang: Lang, toks: &[Token]) -> Vec<Vec<(u64, bool)>> {
        let mut forms = Vec::new();
        toks.iter()
            .map(|t| {
                let mut v = Vec::new();
                let h = word_hash(&t.folded);
                if self.index.has_word(h) {
                    v.push((h, true));
                }
                forms.clear();
                base_forms(lang, t, &mut forms);
                for f in &forms {
                    let h = word_hash(f);
                    if self.index.has_word(h) && !v.iter().any(|x| x.0 == h) {
                        v.push((h, false));
                    }
                }
                v
            })
            .collect()
    }

    /// The longest name starting at word `i` that means something in the
    /// language of mask `m` (on equal length, one matched as written).
    fn longest(&self, ids: &[Vec<(u64, bool)>], i: usize, m: u8) -> Option<NameMatch> {
        let mut frontier: Vec<(u64, bool)> = vec![(START, true)];
        let mut next: Vec<(u64, bool)> = Vec::new();
        let mut best = None;
        let mut j = i;
        while j < ids.len() && j - i < self.index.max_words && !frontier.is_empty() {
            next.clear();
            let mut found: Option<(usize, bool)> = None;
            for &(h, ex) in &frontier {
                for &(w, wex) in &ids[j] {
                    let c = chain(h, w);
                    let exact = ex && wex;
                    if found.is_none_or(|f| exact && !f.1)
                        && let Some(e) = self.index.entry(c)
                    {
                        let en = &self.index.entries[e];
                        let flags =
                            en.stop | en.person | en.title | en.region_word | en.near | en.area;
                        if !en.cands.is_empty() || flags & m != 0 {
                            found = Some((e, exact));
                        }
                    }
                    if self.index.is_prefix(c) && !next.iter().any(|x| x.0 == c) {
                        next.push((c, exact));
                    }
                }
            }
            j += 1;
            if let Some((e, exact)) = found {
                best = Some(NameMatch {
                    end: j,
                    entry: e,
                    exact,
                });
            }
            std::mem::swap(&mut frontier, &mut next);
        }
        best
    }

    /// True when the word (as written or a base form) is a one-word entry
    /// with the property `f`.
    fn word_has(&self, lang: Lang, t: &Token, f: impl Fn(&Entry) -> bool) -> bool {
        let mut forms = vec![t.folded.clone()];
        base_forms(lang, t, &mut forms);
        forms.iter().any(|w| {
            self.index
                .entry(chain(START, word_hash(w)))
                .is_some_and(|e| f(&self.index.entries[e]))
        })
    }

    /// A name that stands for a country, region or area, or a town of at
    /// least [`DE_INFLECTED_MIN_POP`].
    pub(crate) fn important(&self, e: &Entry) -> bool {
        e.area != 0
            || e.cands.iter().any(|c| {
                let r = &self.records[c.place as usize];
                r.level != Level::Town || r.population >= DE_INFLECTED_MIN_POP
            })
    }

    /// A single-word name that is a common word of the language (the word
    /// itself or one of its base forms is in `stop.tsv`).
    fn is_stop(&self, lang: Lang, t: &Token) -> bool {
        let m = lang.mask();
        if self
            .stops
            .get(t.folded.as_str())
            .is_some_and(|s| s & m != 0)
        {
            return true;
        }
        let mut forms = Vec::new();
        base_forms(lang, t, &mut forms);
        forms
            .iter()
            .any(|f| self.stops.get(f.as_str()).is_some_and(|s| s & m != 0))
    }

    /// A name that is part of a person's name: a listed given name before a
    /// capitalised word (`Nursultan Nasarbajew`), or — in English and
    /// Russian, where common nouns are lower case — a small town's
    /// one-word name next to another capitalised word that is no place
    /// (`Victoria Nuland`, `Tabor Smith`).
    fn is_person(
        &self,
        lang: Lang,
        toks: &[Token],
        ids: &[Vec<(u64, bool)>],
        i: usize,
        nm: NameMatch,
        e: &Entry,
    ) -> bool {
        let next_cap = toks
            .get(nm.end)
            .is_some_and(|t| t.cap && t.joined && !t.numeric);
        if e.person & lang.mask() != 0 && next_cap {
            return true;
        }
        let minor = e.curated & lang.mask() == 0
            && e.area & lang.mask() == 0
            && e.cands.iter().all(|c| {
                let r = &self.records[c.place as usize];
                r.level != Level::Country
                    && (r.level != Level::Town || r.population < PERSON_RULE_MAX_POP)
            });
        if lang == Lang::De && nm.end == i + 1 && next_cap && minor {
            // `Wayne Rooney`: a given name of the word classes (no common
            // noun) before a capitalised word that is no common noun
            use crate::words::class::{GIVEN, NOUN};
            let c = self.classes.get(word_hash(&toks[i].folded));
            let next = &toks[nm.end];
            let nc = self.classes.get(word_hash(&next.folded));
            return c & GIVEN != 0
                && c & NOUN == 0
                && nc & NOUN == 0
                && !self.noun_compound(lang, next);
        }
        if lang == Lang::De || nm.end != i + 1 {
            return false;
        }
        let small_towns = !e.cands.is_empty()
            && e.cands.iter().all(|c| {
                let r = &self.records[c.place as usize];
                r.level == Level::Town && r.population < PERSON_RULE_MAX_POP
            });
        if !small_towns {
            return false;
        }
        let next_is_place = next_cap && self.longest(ids, nm.end, lang.mask()).is_some();
        let prev_cap = i > 0 && toks[i].joined && !toks[i - 1].sent_start && toks[i - 1].cap;
        (next_cap && !next_is_place) || prev_cap
    }

    /// German: a town (or region) name that is a common noun, right after
    /// an article (`in den Zug`, `die Halle`, `beim Essen`), is the noun:
    /// town names take no article (countries do: `die Schweiz`).
    fn noun_after_article(&self, lang: Lang, toks: &[Token], i: usize, e: &Entry) -> bool {
        use crate::words::class::NOUN;
        lang == Lang::De
            && i > 0
            && toks[i].joined
            && self
                .articles
                .get(toks[i - 1].folded.as_str())
                .is_some_and(|m| m & lang.mask() != 0)
            && !e.cands.is_empty()
            && e.cands.iter().all(|c| {
                matches!(
                    self.records[c.place as usize].level,
                    Level::Town | Level::Region
                )
            })
            && self.classes.get(word_hash(&toks[i].folded)) & NOUN != 0
    }

    /// The word before word `i` is a capitalised given name of the word
    /// classes that is no common noun (`Gerry Xberg`, `Donna Leon`): a
    /// name at `i` is a surname.
    fn after_given_name(&self, toks: &[Token], i: usize) -> bool {
        use crate::words::class::{GIVEN, NOUN};
        if i == 0 || !toks[i - 1].cap {
            return false;
        }
        let c = self.classes.get(word_hash(&toks[i - 1].folded));
        c & GIVEN != 0 && c & NOUN == 0
    }

    /// Drops names that are plausible only with a cue and have none: a
    /// town of fewer than [`WEAK_FOREIGN_POP`] inhabitants outside the
    /// language's home countries, or of fewer than [`WEAK_HOME_POP`] inside
    /// them (`Holm`, `Dietz`, `Tabor` are mostly surnames). Cues: a
    /// locative word right before (`in`, `nach`, `aus`, `Stadt`, `village`,
    /// `в`, `село`), a region word or nearness cue, or a list whose first
    /// name has a cue (`in Aktau und Schanaosen`).
    fn with_cues(
        &self,
        lang: Lang,
        text: &str,
        toks: &[Token],
        names: Vec<(usize, usize, usize)>,
        marks: &[Mark],
    ) -> Vec<(usize, usize, usize)> {
        let m = lang.mask();
        // countries the document names (a country's name or adjective):
        // their towns count as home towns ("kasachische ... Schanaosen")
        let mut doc_countries: Vec<&str> = Vec::new();
        for &(_, _, entry) in &names {
            for c in self.index.entries[entry].cands.iter() {
                let r = &self.records[c.place as usize];
                if r.level == Level::Country && !doc_countries.contains(&&*r.country) {
                    doc_countries.push(&r.country);
                }
            }
        }
        for t in toks {
            if let Some(st) = self.stem_at(lang, t) {
                let r = &self.records[st.place as usize];
                if !doc_countries.contains(&&*r.country) {
                    doc_countries.push(&r.country);
                }
            }
        }
        let mut out: Vec<(usize, usize, usize)> = Vec::with_capacity(names.len());
        let mut prev_ok: Option<usize> = None; // end word of the last accepted name
        let is_locative = |k: usize| {
            self.locatives
                .get(toks[k].folded.as_str())
                .is_some_and(|l| l & m != 0)
        };
        for (first, end, entry) in names {
            let e = &self.index.entries[entry];
            // "in X", "im sicheren X", "im englischen X", "die kasachische Stadt X"
            let before = |k: usize| first >= k;
            let locative = (before(1) && is_locative(first - 1))
                || (before(2)
                    && is_locative(first - 2)
                    && !toks[first - 1].cap
                    && !toks[first - 1].numeric)
                || (before(1) && self.stem_at(lang, &toks[first - 1]).is_some());
            let marked = marks.iter().any(|k| k.end == first || k.first == end);
            let listed = prev_ok.is_some_and(|pe| {
                let gap = &text[toks[pe - 1].byte_end..toks[first].byte_start];
                let g = gap.trim_matches(|c: char| {
                    c.is_whitespace() || matches!(c, ',' | '-' | '–' | '—' | '−' | '/')
                });
                g.is_empty() || LIST_WORDS.contains(&g.to_lowercase().as_str())
            });
            let cued = locative || marked || listed;
            let weak = e.curated & m == 0
                && e.area & m == 0
                && !e.cands.is_empty()
                && e.cands.iter().all(|c| {
                    let r = &self.records[c.place as usize];
                    let home = self.homes.get(&*r.country).is_some_and(|h| h & m != 0)
                        || doc_countries.contains(&&*r.country);
                    let min = if home {
                        WEAK_HOME_POP
                    } else {
                        WEAK_FOREIGN_POP
                    };
                    r.level == Level::Town && r.population < min
                });
            if !weak || cued {
                prev_ok = Some(end);
                out.push((first, end, entry));
            }
        }
        out
    }

    /// Words ending in a suffix pattern of the alias files: streets and the
    /// like (`*straße`: areas), compound region words (`Nachbarregion`) and
    /// town-name endings (`*hausen`, `*ingen`; `*heim` only after a locative
    /// word): towns the gazetteer does not know, as name mentions without
    /// candidates.
    fn suffix_words(
        &self,
        lang: Lang,
        toks: &[Token],
        covered: &mut [bool],
        marks: &mut Vec<Mark>,
    ) -> Vec<PlaceMention> {
        let m = lang.mask();
        let mut towns = Vec::new();
        for (i, t) in toks.iter().enumerate() {
            if covered[i] || t.numeric {
                continue;
            }
            let cued = i > 0
                && self
                    .locatives
                    .get(toks[i - 1].folded.as_str())
                    .is_some_and(|l| l & m != 0);
            let long_enough = |s: &Suffix| t.folded.chars().count() >= s.end.chars().count() + 3;
            // `Laura Osswald`, `Gerry Streberg`: a surname
            let after_given_name =
                i > 0 && t.joined && toks[i - 1].cap && !toks[i - 1].sent_start && {
                    let p = &toks[i - 1];
                    self.classes.get(word_hash(&p.folded)) & crate::words::class::GIVEN != 0
                        || self.word_has(lang, p, |e| e.person & m != 0)
                };
            if self.suffixes.iter().any(|s| {
                s.kind == SuffixKind::Stop && s.langs & m != 0 && t.folded.ends_with(&*s.end)
            }) {
                continue;
            }
            let hit = self.suffixes.iter().find(|s| {
                s.langs & m != 0
                    && t.folded.ends_with(s.end.as_str())
                    && match s.kind {
                        SuffixKind::RegionWord => true,
                        SuffixKind::Area => t.cap && long_enough(s),
                        SuffixKind::Town => t.cap && long_enough(s) && !self.is_stop(lang, t),
                        SuffixKind::TownCued => {
                            t.cap && cued && long_enough(s) && !self.is_stop(lang, t)
                        }
                        SuffixKind::Landscape => {
                            t.cap
                                && long_enough(s)
                                && !self.is_stop(lang, t)
                                && !after_given_name
                                && self.landscape_word(&t.folded, &s.end)
                        }
                        SuffixKind::Stop => false,
                    }
            });
            let Some(s) = hit else {
                continue;
            };
            covered[i] = true;
            match s.kind {
                SuffixKind::Stop => {}
                SuffixKind::RegionWord | SuffixKind::Area | SuffixKind::Landscape => {
                    marks.push(Mark {
                        first: i,
                        end: i + 1,
                        kind: if matches!(s.kind, SuffixKind::Area | SuffixKind::Landscape) {
                            MarkKind::Area
                        } else {
                            MarkKind::Region
                        },
                    })
                }
                SuffixKind::Town | SuffixKind::TownCued => {
                    towns.push(bare(MentionKind::Name, t, t))
                }
            }
        }
        towns
    }

    /// A word ending in `end` (a landscape suffix: `tal`, `berg`, `hütte`)
    /// that is a name, not a compound common noun: neither the word, nor a
    /// longer noun it ends in (`Eigen|kapital`), nor the part before the
    /// ending (also without a linking `s`, `n`, `en`, `e`, `er`: `Wein|berg`,
    /// `Sternen|brunnen`) is a common noun of `de-nouns.tsv`. Without the
    /// word classes (not loaded) nothing is a landscape.
    fn landscape_word(&self, folded: &str, end: &str) -> bool {
        use crate::words::class::NOUN;
        if self.classes.len() == 0 {
            return false;
        }
        let noun = |w: &str| w.len() >= 3 && self.classes.get(word_hash(w)) & NOUN != 0;
        if noun(folded) {
            return false;
        }
        let cut = folded.len() - end.len();
        // a longer noun at the end: `Eigenkapital`, `Stausee` is `Stau|see`
        // (caught below), `Urlaubsberg`…
        let longer = folded
            .char_indices()
            .any(|(k, _)| k >= 3 && k < cut && noun(&folded[k..]));
        if longer {
            return false;
        }
        let head = &folded[..cut];
        let heads = [
            Some(head),
            head.strip_suffix('s'),
            head.strip_suffix('n'),
            head.strip_suffix("en"),
            head.strip_suffix('e'),
            head.strip_suffix("er"),
        ];
        !heads.into_iter().flatten().any(noun)
    }

    /// Names after a place-type noun (`die Gemeinde Pflückuff`, `im Kanton
    /// Baselland`, `am Berg Lusen`, `die Station North York Centre`; the
    /// nouns are `place_type` rows of the alias files): a gazetteer name
    /// (`die Stadt Halle`, whatever its cue or common-word status), else up
    /// to three capitalised words inside the sentence that are no common
    /// noun, given name, surname, title, organisation word or cue
    /// ([`Gazetteer::head_name_word`]). Words already in a mention are left
    /// alone. A name mention with the gazetteer's candidates, if any.
    fn type_heads(
        &self,
        lang: Lang,
        toks: &[Token],
        ids: &[Vec<(u64, bool)>],
        out: &mut Vec<PlaceMention>,
    ) {
        let m = lang.mask();
        let n = toks.len();
        let mut used = vec![false; n];
        for p in out.iter() {
            let a = toks.partition_point(|t| t.byte_end <= p.byte_start);
            let b = toks.partition_point(|t| t.byte_start < p.byte_end);
            used[a..b.max(a)].iter_mut().for_each(|u| *u = true);
        }
        let free = |used: &[bool], k: usize| {
            toks.get(k)
                .is_some_and(|x| !used[k] && x.cap && x.joined && !x.numeric && !x.sent_start)
        };
        let org_word = |t: &Token| self.word_has(lang, t, |e| e.org_word & m != 0);
        let mut i = 0;
        while i + 1 < n {
            let t = &toks[i];
            let head = t.cap
                && !used[i]
                && self
                    .place_types
                    .get(t.folded.as_str())
                    .is_some_and(|x| x & m != 0);
            let j = i + 1;
            if !head || !free(&used, j) {
                i += 1;
                continue;
            }
            // a gazetteer name right after the head
            let named = self.longest(ids, j, m).and_then(|nm| {
                let e = &self.index.entries[nm.entry];
                let ok = !e.cands.is_empty()
                    && (e.stop | e.person | e.title) & m == 0
                    && (j..nm.end).all(|k| free(&used, k));
                ok.then_some((nm.end, nm.entry))
            });
            let (end, cands) = match named {
                Some((end, entry)) => {
                    let mut cands: Vec<PlaceId> = self.index.entries[entry]
                        .cands
                        .iter()
                        .map(|c| PlaceId(c.place))
                        .collect();
                    cands.sort_by(|x, y| self.prior(*y).total_cmp(&self.prior(*x)).then(x.cmp(y)));
                    (end, cands)
                }
                None => {
                    let mut k = j;
                    while k < n
                        && k < j + 3
                        && free(&used, k)
                        && self.head_name_word(lang, &toks[k])
                    {
                        k += 1;
                    }
                    (k, Vec::new())
                }
            };
            if end == j {
                i += 1;
                continue;
            }
            let kind =
                if !cands.is_empty() && cands.iter().all(|&c| self.rec(c).level == Level::Region) {
                    MentionKind::Region
                } else {
                    MentionKind::Name
                };
            let in_org_name = toks
                .get(end)
                .is_some_and(|x| x.joined && (org_word(x) || (x.numeric && x.folded.len() == 2)));
            used[j..end].iter_mut().for_each(|u| *u = true);
            out.push(PlaceMention {
                byte_start: toks[j].byte_start,
                byte_end: toks[end - 1].byte_end,
                candidates: cands,
                kind,
                near: false,
                in_org_name,
            });
            i = end;
        }
    }

    /// Lists of places (`Alfter , Xberg und Wachtberg`, `zwischen Mittweida
    /// und Yfeld`): a member of a list whose neighbour member is a place
    /// name or region mention (not in an organisation's name) is a place
    /// too, when its words (at most three, inside the sentence) are
    /// capitalised names ([`Gazetteer::head_name_word`]) in no mention yet.
    /// Members are separated by a comma or a conjunction (`und`, `oder`,
    /// `sowie`). Name mentions without candidates; new members extend the
    /// list further.
    fn list_members(&self, text: &str, toks: &[Token], out: &mut Vec<PlaceMention>) {
        let lang = Lang::De;
        let n = toks.len();
        let mut used = vec![false; n];
        let mut anchors: Vec<(usize, usize)> = Vec::new();
        for p in out.iter() {
            let a = toks.partition_point(|t| t.byte_end <= p.byte_start);
            let b = toks.partition_point(|t| t.byte_start < p.byte_end).max(a);
            used[a..b].iter_mut().for_each(|u| *u = true);
            if a < b && matches!(p.kind, MentionKind::Name | MentionKind::Region) && !p.in_org_name
            {
                anchors.push((a, b));
            }
        }
        // a list separator between words `a` and `b` (a < b)
        let sep = |a: usize, b: usize| {
            let g = text[toks[a].byte_end..toks[b].byte_start].trim();
            let w = g.trim_start_matches(',').trim();
            g == "," || LIST_WORDS.contains(&w.to_lowercase().as_str())
        };
        let word_ok = |used: &[bool], k: usize| {
            let t = &toks[k];
            !used[k]
                && t.cap
                && !t.numeric
                && !t.sent_start
                && self.head_name_word(lang, t)
                && !self.noun_compound(lang, t)
        };
        let conj = |k: usize| {
            toks.get(k)
                .is_some_and(|t| LIST_WORDS.contains(&t.folded.as_str()))
        };
        // a comma or conjunction right after word `e - 1` (before word `e`)
        let sep_after = |e: usize| {
            e < n && (conj(e) || text[toks[e - 1].byte_end..toks[e].byte_start].trim() == ",")
        };
        let mut k = 0;
        while k < anchors.len() {
            let (a, b) = anchors[k];
            k += 1;
            // right: separator (a conjunction is a word, a comma is none), member
            let first = if conj(b) { b + 1 } else { b };
            if first < n && b > 0 && sep(b - 1, first) && word_ok(&used, first) {
                let mut e = first + 1;
                while e < n && e < first + 3 && toks[e].joined && word_ok(&used, e) {
                    e += 1;
                }
                // after a comma only inside a list: `A , B und C`, not `A , Name sagte`
                if first > b || sep_after(e) {
                    used[first..e].iter_mut().for_each(|u| *u = true);
                    anchors.push((first, e));
                }
            }
            // left: member, separator
            let last = if a >= 2 && conj(a - 1) {
                a - 2
            } else if a >= 1 {
                a - 1
            } else {
                continue;
            };
            if sep(last, a) && word_ok(&used, last) {
                let mut s = last;
                while s > 0 && s + 3 > last + 1 && toks[s].joined && word_ok(&used, s - 1) {
                    s -= 1;
                }
                let inside = s > 0 && (conj(s - 1) || sep_after(s));
                if last + 1 < a || inside {
                    used[s..=last].iter_mut().for_each(|u| *u = true);
                    anchors.push((s, last + 1));
                }
            }
        }
        for &(a, b) in &anchors {
            if out.iter().any(|p| p.byte_start == toks[a].byte_start) {
                continue;
            }
            out.push(bare(MentionKind::Name, &toks[a], &toks[b - 1]));
        }
    }

    /// A capitalised compound common noun the list lacks (`Uranzonen`,
    /// `Buche-Tanne`): it ends in a listed common noun, or every part of
    /// its hyphenated form is one — unless it has a town ending of the
    /// alias files (`Tromsdorf`, `Xberg`).
    fn noun_compound(&self, lang: Lang, t: &Token) -> bool {
        use crate::words::class::NOUN;
        let m = lang.mask();
        let noun = |w: &str| self.classes.get(word_hash(w)) & NOUN != 0;
        let ends = |kinds: &[SuffixKind]| {
            self.suffixes
                .iter()
                .any(|s| s.langs & m != 0 && kinds.contains(&s.kind) && t.folded.ends_with(&*s.end))
        };
        let town = ends(&[SuffixKind::Town, SuffixKind::TownCued]) && !ends(&[SuffixKind::Stop]);
        !town
            && ((t.folded.len() >= 7 && self.classes.compound_noun(&t.folded))
                || (t.folded.contains('-') && t.folded.split('-').all(noun)))
    }

    /// A capitalised word that may be a name after a place-type noun: no
    /// common noun (a toponym that is one too is fine), given name,
    /// surname, title, organisation word, cue or stop phrase. Without the
    /// word classes (not loaded) no word is one.
    fn head_name_word(&self, lang: Lang, t: &Token) -> bool {
        use crate::words::class::{GIVEN, NOUN, SURNAME, TOPONYM};
        let m = lang.mask();
        if self.classes.len() == 0 {
            return false;
        }
        let c = self.classes.get(word_hash(&t.folded));
        if c & TOPONYM == 0 && c & (NOUN | GIVEN | SURNAME) != 0 {
            return false;
        }
        let cue = self
            .locatives
            .get(t.folded.as_str())
            .is_some_and(|l| l & m != 0);
        let flagged = self.word_has(lang, t, |e| {
            (e.person | e.title | e.org_word | e.region_word | e.near | e.stop) & m != 0
        });
        !cue && !flagged
    }

    /// Hyphenated names broken after the hyphen (`Mecklenburg- Vorpommern`,
    /// a line break's trace): when the two words joined by the hyphen are a
    /// gazetteer name with places, one mention of that name replaces the
    /// mentions of its halves.
    fn broken_hyphens(&self, text: &str, toks: &[Token], out: &mut Vec<PlaceMention>) {
        for w in toks.windows(2) {
            let (a, b) = (&w[0], &w[1]);
            let gap = &text[a.byte_end..b.byte_start];
            if !b.cap || b.numeric || a.numeric || !gap.starts_with('-') || gap.len() < 2 {
                continue;
            }
            if !gap[1..].chars().all(char::is_whitespace) {
                continue;
            }
            let joined = format!("{}-{}", a.folded, b.folded);
            let Some(e) = self.index.entry(chain(START, word_hash(&joined))) else {
                continue;
            };
            let e = &self.index.entries[e];
            if e.cands.is_empty() {
                continue;
            }
            let mut cands: Vec<PlaceId> = e.cands.iter().map(|c| PlaceId(c.place)).collect();
            cands.sort_by(|x, y| self.prior(*y).total_cmp(&self.prior(*x)).then(x.cmp(y)));
            let kind = if cands.iter().all(|&c| self.rec(c).level == Level::Region) {
                MentionKind::Region
            } else {
                MentionKind::Name
            };
            out.retain(|m| m.byte_end <= a.byte_start || m.byte_start >= b.byte_end);
            out.push(PlaceMention {
                byte_start: a.byte_start,
                byte_end: b.byte_end,
                candidates: cands,
                kind,
                near: false,
                in_org_name: false,
            });
        }
    }

    /// Hyphenated names of places and their parts (`Berlin-Mitte`,
    /// `Düsseldorf-Gerresheim`, `Eutingen-Weitingen`): the first part is a
    /// place name, every later part is capitalised and a place name, a
    /// district word (`Mitte`, `Nord`) or has a town ending. A name mention
    /// with the first part's places as candidates. (`Kasachstan-Krise` is
    /// not one: `Krise` is no place.)
    fn compounds(&self, lang: Lang, toks: &[Token], covered: &mut [bool]) -> Vec<PlaceMention> {
        let m = lang.mask();
        let mut out = Vec::new();
        for (i, t) in toks.iter().enumerate() {
            if covered[i] || !t.cap || t.numeric || !t.folded.contains('-') {
                continue;
            }
            let parts: Vec<&str> = t.folded.split('-').collect();
            let entry_of = |w: &str| self.index.entry(chain(START, word_hash(w)));
            let Some(first) = entry_of(parts[0]) else {
                continue;
            };
            let fe = &self.index.entries[first];
            if fe.cands.is_empty() || self.stops.get(parts[0]).is_some_and(|s| s & m != 0) {
                continue;
            }
            let caps = &t.parts_cap;
            let rest_ok = parts[1..].iter().enumerate().all(|(k, p)| {
                caps.get(k + 1).copied().unwrap_or(false)
                    && (entry_of(p).is_some_and(|e| {
                        let e = &self.index.entries[e];
                        !e.cands.is_empty() || e.district & m != 0
                    }) || self.suffixes.iter().any(|s| {
                        s.langs & m != 0
                            && matches!(s.kind, SuffixKind::Town | SuffixKind::TownCued)
                            && p.ends_with(s.end.as_str())
                    }))
            });
            if !rest_ok {
                continue;
            }
            covered[i] = true;
            let mut cands: Vec<PlaceId> = fe.cands.iter().map(|c| PlaceId(c.place)).collect();
            cands.sort_by(|a, b| self.prior(*b).total_cmp(&self.prior(*a)).then(a.cmp(b)));
            out.push(PlaceMention {
                byte_start: t.byte_start,
                byte_end: t.byte_end,
                candidates: cands,
                kind: MentionKind::Name,
                near: false,
                in_org_name: false,
            });
        }
        out
    }

    /// Landmarks: a landmark word after a capitalised adjective (`Schwabacher
    /// Straße`, `Tegeler See`), an area tail after a capitalised word or name
    /// (`Hudson River`, `Westminster Hall`), an area head before one
    /// (`Lido di Spina`, `Cerro Amarillo`, `St. Nikolauskapelle`): areas.
    /// Returns them and the words they took from name matches.
    fn landmarks(
        &self,
        lang: Lang,
        toks: &[Token],
        named: &[bool],
        covered: &mut [bool],
    ) -> (Vec<PlaceMention>, Vec<bool>) {
        let m = lang.mask();
        let mut out = Vec::new();
        let mut absorbed = vec![false; toks.len()];
        let area = |a: usize, b: usize| bare(MentionKind::Area, &toks[a], &toks[b - 1]);
        let mut i = 0;
        while i < toks.len() {
            let t = &toks[i];
            if !t.cap || t.numeric {
                i += 1;
                continue;
            }
            let prev_ok = i > 0 && toks[i - 1].cap && !toks[i - 1].numeric && t.joined;
            if prev_ok
                && !named[i]
                && ((!named[i - 1]
                    && toks[i - 1].folded.ends_with("er")
                    && self.word_has(lang, t, |e| e.landmark & m != 0))
                    || self.word_has(lang, t, |e| e.area_tail & m != 0))
            {
                for k in [i - 1, i] {
                    absorbed[k] |= named[k];
                    covered[k] = true;
                }
                out.push(area(i - 1, i + 1));
                i += 1;
                continue;
            }
            if self.word_has(lang, t, |e| e.area_head & m != 0) {
                // head, optional particle, capitalised word
                let mut j = i + 1;
                if toks
                    .get(j)
                    .is_some_and(|x| !x.cap && PARTICLES.contains(&x.folded.as_str()))
                {
                    j += 1;
                }
                if toks.get(j).is_some_and(|x| x.cap && !x.numeric) {
                    for k in i..=j {
                        absorbed[k] |= named[k];
                        covered[k] = true;
                    }
                    out.push(area(i, j + 1));
                    i = j + 1;
                    continue;
                }
            }
            i += 1;
        }
        (out, absorbed)
    }

    /// Mentions of the names, with region words and nearness cues applied.
    fn name_mentions(
        &self,
        lang: Lang,
        text: &str,
        toks: &[Token],
        names: &[(usize, usize, usize)],
        marks: &[Mark],
    ) -> Vec<PlaceMention> {
        let m = lang.mask();
        let region_before = |first: usize| {
            marks
                .iter()
                .find(|k| k.kind == MarkKind::Region && k.end == first)
        };
        let region_after = |end: usize| {
            marks
                .iter()
                .find(|k| k.kind == MarkKind::Region && k.first == end)
        };
        let near_before = |first: usize| {
            marks
                .iter()
                .any(|k| k.kind == MarkKind::Near && k.end == first)
        };
        // lists: names separated only by commas and conjunctions share a
        // region word before the first or after the last one
        let chained = |k: usize| {
            let (a, b) = (names[k].1 - 1, names[k + 1].0);
            let gap = &text[toks[a].byte_end..toks[b].byte_start];
            let g = gap.trim_matches(|c: char| c.is_whitespace() || c == ',');
            g.is_empty() || LIST_WORDS.contains(&g.to_lowercase().as_str())
        };
        let n = names.len();
        let mut from_left = vec![false; n];
        let mut from_right = vec![false; n];
        for k in 0..n {
            from_left[k] = region_before(names[k].0).is_some()
                || (k > 0 && chained(k - 1) && from_left[k - 1]);
        }
        for k in (0..n).rev() {
            from_right[k] = region_after(names[k].1).is_some()
                || (k + 1 < n && chained(k) && from_right[k + 1]);
        }
        let region_ctx: Vec<bool> = (0..n).map(|k| from_left[k] || from_right[k]).collect();
        let mut out = Vec::with_capacity(names.len());
        for (k, &(first, end, entry)) in names.iter().enumerate() {
            let e = &self.index.entries[entry];
            let mut cands: Vec<(PlaceId, u8)> =
                e.cands.iter().map(|c| (PlaceId(c.place), c.rank)).collect();
            cands.sort_by(|a, b| {
                b.1.cmp(&a.1)
                    .then(self.prior(b.0).total_cmp(&self.prior(a.0)))
                    .then(a.0.cmp(&b.0))
            });
            // a name of an alias file overrides the gazetteer; a country
            // its namesake towns (Kazakhstan, a village of 3,000)
            if cands.first().is_some_and(|c| c.1 == 2) {
                cands.retain(|c| c.1 == 2);
            }
            if cands.iter().any(|c| self.rec(c.0).level == Level::Country) {
                cands.retain(|c| self.rec(c.0).level != Level::Town);
            }
            let mut cands: Vec<PlaceId> = cands.into_iter().map(|c| c.0).collect();
            let all_areas = cands.iter().all(|&c| self.rec(c).level == Level::Area);
            let mut kind = if all_areas || (e.area & m != 0 && cands.is_empty()) {
                MentionKind::Area
            } else {
                MentionKind::Name
            };
            let regions: Vec<PlaceId> = cands
                .iter()
                .copied()
                .filter(|&c| self.rec(c).level == Level::Region)
                .collect();
            let (mut a, mut b) = (first, end);
            if !regions.is_empty() && (region_ctx[k] || regions.len() == cands.len()) {
                kind = MentionKind::Region;
                cands = regions;
                // the span is the name: region words inside the matched
                // name stay outside (Мангистауская [область], [Provinz] X)
                if b - a > 1 && self.word_has(lang, &toks[a], |e| e.region_word & m != 0) {
                    a += 1;
                }
                if b - a > 1 && self.word_has(lang, &toks[b - 1], |e| e.region_word & m != 0) {
                    b -= 1;
                }
            }
            let org_word = |t: &Token| self.word_has(lang, t, |e| e.org_word & m != 0);
            let in_org_name = (first > 0 && toks[first].joined && org_word(&toks[first - 1]))
                || toks.get(end).is_some_and(|t| {
                    t.joined && (org_word(t) || (t.numeric && t.folded.len() == 2))
                });
            out.push(PlaceMention {
                byte_start: toks[a].byte_start,
                byte_end: toks[b - 1].byte_end,
                candidates: cands,
                kind,
                near: near_before(first),
                in_org_name,
            });
        }
        // area words of suffix patterns (streets ...)
        for k in marks {
            if k.kind == MarkKind::Area {
                out.push(bare(MentionKind::Area, &toks[k.first], &toks[k.end - 1]));
            }
        }
        out
    }

    /// Compass and similar compounds of a country, region or area name
    /// (`Ostdeutschland`, `Nordhessen`, `Süditaliens`): areas.
    fn prefix_areas(&self, lang: Lang, toks: &[Token], covered: &mut [bool]) -> Vec<PlaceMention> {
        let m = lang.mask();
        let mut out = Vec::new();
        for (i, t) in toks.iter().enumerate() {
            if covered[i] || !t.cap || t.numeric {
                continue;
            }
            let hit = self.area_prefixes.iter().any(|(p, mask)| {
                let Some(rest) = t.folded.strip_prefix(p.as_str()) else {
                    return false;
                };
                let rest = rest.trim_start_matches('-');
                if *mask & m == 0 || rest.chars().count() < 4 {
                    return false;
                }
                let bare = rest.strip_suffix('s');
                [Some(rest), bare].into_iter().flatten().any(|w| {
                    self.index
                        .entry(chain(START, word_hash(w)))
                        .is_some_and(|e| {
                            let e = &self.index.entries[e];
                            e.area & m != 0
                                || e.cands
                                    .iter()
                                    .any(|c| self.records[c.place as usize].level != Level::Town)
                        })
                })
            });
            if hit {
                covered[i] = true;
                out.push(bare(MentionKind::Area, t, t));
            }
        }
        out
    }

    /// The longest adjective or demonym stem the word starts with.
    pub(crate) fn stem_at(&self, lang: Lang, t: &Token) -> Option<Stem> {
        let m = lang.mask();
        if lang == Lang::En && !t.cap {
            return None;
        }
        let f = t.folded.as_str();
        for (b, c) in f.char_indices().rev() {
            let end = b + c.len_utf8();
            if f[..end].chars().count() < 3 {
                break;
            }
            if let Some(v) = self.stems.get(&f[..end])
                && let Some(s) = v.iter().find(|s| s.langs & m != 0)
            {
                return Some(*s);
            }
        }
        None
    }

    /// Adjectives and demonyms among the words not covered by names.
    fn stem_mentions(&self, lang: Lang, toks: &[Token], covered: &[bool]) -> Vec<PlaceMention> {
        let m = lang.mask();
        let mut out = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            let t = &toks[i];
            if covered[i] || t.numeric || (lang == Lang::En && !t.cap) {
                i += 1;
                continue;
            }
            if let Some(ms) = self.multi_stems.iter().find(|ms| {
                ms.stem.langs & m != 0
                    && ms.words.len() <= toks.len() - i
                    && ms.words.iter().enumerate().all(|(k, w)| {
                        let f = &toks[i + k].folded;
                        !covered[i + k]
                            && if k + 1 == ms.words.len() {
                                f.starts_with(w.as_str())
                            } else {
                                f == w
                            }
                    })
            }) {
                let end = i + ms.words.len();
                out.push(PlaceMention {
                    byte_start: t.byte_start,
                    byte_end: toks[end - 1].byte_end,
                    candidates: vec![PlaceId(ms.stem.place)],
                    kind: ms.stem.kind,
                    near: false,
                    in_org_name: false,
                });
                i = end;
                continue;
            }
            if let Some(s) = self.stem_at(lang, t) {
                out.push(PlaceMention {
                    byte_start: t.byte_start,
                    byte_end: t.byte_end,
                    candidates: vec![PlaceId(s.place)],
                    kind: s.kind,
                    near: false,
                    in_org_name: false,
                });
            }
            i += 1;
        }
        out
    }
}
