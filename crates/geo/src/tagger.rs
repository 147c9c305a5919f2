//! The place tagger: a small statistical sequence tagger for German place
//! names (BIO over GermEval's `LOC`), used together with the rules of
//! [`Gazetteer::find`](crate::Gazetteer::find).
//!
//! An averaged perceptron (Collins 2002) tags the words of
//! [`crate::tokens`] greedily left to right. Its features are hashed to 64
//! bits: the word and its neighbours (folded), prefixes and suffixes, word
//! shapes, the punctuation around the word, the gazetteer's knowledge of
//! each word (a place name? a stop word, given name, title, locative,
//! region or organisation word?), the two previous tags, and — the point of
//! the design — what the rules made of the word: inside a rule mention, of
//! which kind, in an organisation's name, with candidates or not, of which
//! level and population. So the tagger learns when to trust the rules.
//!
//! The combination ([`Tagger::combine`]): a rule mention of a name, region
//! or area that the tagger tags `O` with a margin of at least
//! [`Policy::reject_margin`] is dropped; a tagger span that overlaps no rule
//! mention is added as a name mention without candidates (unresolved:
//! reported and skipped by the caller, like the alias-file patterns).
//! Adjectives, demonyms and mentions in organisation names are left to the
//! rules (GermEval does not tag them `LOC`).
//!
//! The model (`resources/gazetteer/de-tagger.tsv`) is trained by `chronik
//! places-train` ([`train`]) on GermEval 2014 and embedded at compile time.

use crate::find::bare;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use chronik_table::TableError;

use crate::index::{START, chain, word_hash};
use crate::tokens::Token;
use crate::words::class;
use crate::{Gazetteer, GeoError, Lang, Level, MentionKind, PlaceMention};

/// The embedded model's file name (for messages).
pub const MODEL_FILE: &str = "resources/gazetteer/de-tagger.tsv";

/// The first word of the model's header; the feature set's version follows.
const MAGIC: &str = "# chronik-place-tagger";

/// Version of the feature templates: a model trained with other templates
/// does not load.
const FEATURES_VERSION: u32 = 2;

/// Tags: outside, begin, inside.
const O: usize = 0;
const B: usize = 1;
const I: usize = 2;
const TAGS: usize = 3;

/// Weights of a feature, one per tag.
type Weights = [f32; TAGS];

/// Feature hashes are already mixed: the map uses them as they are.
#[derive(Default, Clone, Copy)]
struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type FeatMap<V> = HashMap<u64, V, BuildHasherDefault<IdHasher>>;

/// The margin [`Policy::reject_margin`] by default: chosen by 5- and
/// 10-fold cross-validation on GermEval 2014 dev (0 to 8 tried; F1 moved
/// by less than 0.01, higher margins keep recall).
pub const DEFAULT_REJECT_MARGIN: f32 = 5.0;

/// [`Policy::protect_pop`] by default: 150,000 and 200,000 cross-validate
/// alike on GermEval 2014 dev (10 folds, four seeds: F1 0.743 both; 50,000
/// 0.739); 200,000, the value chosen before the word classes, is kept.
pub const DEFAULT_PROTECT_POP: u64 = 200_000;

/// How tagger and rules are combined.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Policy {
    /// A rule mention (name, region, area) whose words the tagger all tags
    /// `O`, each with at least this margin over the best place tag, is
    /// dropped. `f32::INFINITY`: the tagger never drops.
    pub reject_margin: f32,
    /// Tagger spans that overlap no rule mention are added.
    pub add_spans: bool,
    /// Mentions whose first candidate is a country, or a town of at least
    /// this many inhabitants, and region phrases are never dropped: an
    /// event report rarely names them but as places (`Polizei Aachen` is
    /// an organisation in GermEval, and the place of the event).
    pub protect_pop: u64,
    /// A mention the rules put in an organisation's name (`Amtsgericht
    /// Stockholm`) that the tagger tags as a name exactly is a place.
    pub judge_org: bool,
}

impl Default for Policy {
    fn default() -> Policy {
        Policy {
            reject_margin: DEFAULT_REJECT_MARGIN,
            add_spans: true,
            judge_org: false,
            protect_pop: DEFAULT_PROTECT_POP,
        }
    }
}

/// A trained tagger (averaged weights, pruned).
#[derive(Debug, Clone)]
pub struct Tagger {
    weights: FeatMap<Weights>,
    policy: Policy,
}

/// One training text: the text and the byte spans of its place names.
#[derive(Debug, Clone)]
pub struct TrainText {
    /// The text.
    pub text: String,
    /// Byte spans `[start, end)` of the gold place names.
    pub spans: Vec<(usize, usize)>,
}

/// Training settings.
#[derive(Debug, Clone, Copy)]
pub struct TrainOptions {
    /// Passes over the data.
    pub epochs: usize,
    /// Seed of the shuffling (training is deterministic for a seed).
    pub seed: u64,
    /// Averaged weights below this (absolute, for all tags) are dropped.
    pub prune: f32,
}

impl Default for TrainOptions {
    fn default() -> TrainOptions {
        TrainOptions {
            epochs: 8,
            seed: 2014,
            prune: 0.01,
        }
    }
}

// --- features ----------------------------------------------------------------

/// A feature hash under construction: a template id, then values.
#[derive(Clone, Copy)]
struct F(u64);

impl F {
    fn new(template: u64) -> F {
        F(chain(START, template))
    }

    fn add(self, v: u64) -> F {
        F(chain(self.0, v))
    }
}

/// Bits of what the gazetteer knows of a word ([`Gazetteer::lex_bits`]).
mod lex {
    pub const CANDS: u32 = 1;
    pub const STOP: u32 = 1 << 1;
    pub const PERSON: u32 = 1 << 2;
    pub const TITLE: u32 = 1 << 3;
    pub const REGION_WORD: u32 = 1 << 4;
    pub const NEAR: u32 = 1 << 5;
    pub const ORG_WORD: u32 = 1 << 6;
    pub const LANDMARK: u32 = 1 << 7;
    pub const AREA_HEAD: u32 = 1 << 8;
    pub const AREA_TAIL: u32 = 1 << 9;
    pub const DISTRICT: u32 = 1 << 10;
    pub const AREA: u32 = 1 << 11;
    pub const CURATED: u32 = 1 << 12;
    pub const LOCATIVE: u32 = 1 << 13;
    pub const STEM: u32 = 1 << 14;
    pub const NAME_START: u32 = 1 << 15;
    pub const COUNT: u32 = 16;
}

/// Word flags of [`Info::flags`].
const CAP: u8 = 1;
const ALL_CAPS: u8 = 2;
const SENT_START: u8 = 4;
const NUMERIC: u8 = 8;
const JOINED: u8 = 16;

/// What the features need of one word, computed once per text.
#[derive(Debug, Clone, Copy, Default)]
struct Info {
    word: u64,
    shape: u64,
    flags: u8,
    /// Hash of the rule mention's full description at this word (0: none).
    rule: u64,
    /// Position (B/I) and kind of the rule mention only (0: none).
    rule_coarse: u64,
    lex: u32,
    /// German word classes of the word ([`crate::words::class`]).
    class: u8,
    /// Level (0 none, 1 country, 2 region, 3 town, 4 area) and population
    /// bucket of the word's best one-word gazetteer candidate.
    level: u8,
    pop: u8,
    /// Punctuation between the previous word and this one (0: none).
    gap: u64,
    /// The word may continue a name begun before it: only spaces or
    /// name-internal punctuation (`.`, `-`, `/`, `'`, `&`) lie between.
    link: bool,
}

/// A text prepared for tagging: words, their infos, the rule mentions.
pub(crate) struct Prepared {
    infos: Vec<Info>,
    /// Static features per word.
    feats: Vec<Vec<u64>>,
}

fn shape_hash(word: &str) -> u64 {
    let mut h = F::new(900);
    let mut last = 0u8;
    let mut n = 0;
    for c in word.chars() {
        let k = if c.is_uppercase() {
            b'X'
        } else if c.is_lowercase() {
            b'x'
        } else if c.is_ascii_digit() {
            b'd'
        } else if c == '-' {
            b'-'
        } else {
            b'o'
        };
        if k != last {
            h = h.add(u64::from(k));
            last = k;
            n += 1;
            if n >= 6 {
                break;
            }
        }
    }
    h.0
}

fn pop_bucket(pop: u64) -> u8 {
    match pop {
        0 => 0,
        1..1_000 => 1,
        1_000..10_000 => 2,
        10_000..100_000 => 3,
        100_000..1_000_000 => 4,
        _ => 5,
    }
}

fn level_code(l: Level) -> u8 {
    match l {
        Level::Country => 1,
        Level::Region => 2,
        Level::Town => 3,
        Level::Area => 4,
    }
}

fn kind_code(k: MentionKind) -> u64 {
    match k {
        MentionKind::Name => 1,
        MentionKind::Adjective => 2,
        MentionKind::Demonym => 3,
        MentionKind::Region => 4,
        MentionKind::Area => 5,
    }
}

/// Up to `n` chars at the end (`true`) or start of `s`, when `s` is longer.
fn affix(s: &str, n: usize, end: bool) -> Option<&str> {
    let count = s.chars().count();
    if count <= n {
        return None;
    }
    if end {
        let (b, _) = s.char_indices().nth(count - n)?;
        Some(&s[b..])
    } else {
        let (b, _) = s.char_indices().nth(n)?;
        Some(&s[..b])
    }
}

impl Gazetteer {
    /// What the gazetteer knows of a word: bits of [`lex`], and level and
    /// population bucket of its best one-word candidate.
    fn lex_bits(&self, lang: Lang, t: &Token, ids: &[(u64, bool)]) -> (u32, u8, u8) {
        let m = lang.mask();
        let mut bits = 0u32;
        let (mut level, mut pop) = (0u8, 0u64);
        for &(h, exact) in ids {
            if self.index.is_prefix(chain(START, h)) {
                bits |= lex::NAME_START;
            }
            let Some(e) = self.index.entry(chain(START, h)) else {
                continue;
            };
            let e = &self.index.entries[e];
            let flag = |x: u8, b: u32| if x & m != 0 { b } else { 0 };
            bits |= flag(e.stop, lex::STOP)
                | flag(e.person, lex::PERSON)
                | flag(e.title, lex::TITLE)
                | flag(e.region_word, lex::REGION_WORD)
                | flag(e.near, lex::NEAR)
                | flag(e.org_word, lex::ORG_WORD)
                | flag(e.landmark, lex::LANDMARK)
                | flag(e.area_head, lex::AREA_HEAD)
                | flag(e.area_tail, lex::AREA_TAIL)
                | flag(e.district, lex::DISTRICT)
                | flag(e.area, lex::AREA)
                | flag(e.curated, lex::CURATED);
            if !e.cands.is_empty() && (exact || self.important(e)) {
                bits |= lex::CANDS;
                for c in e.cands.iter() {
                    let r = &self.records[c.place as usize];
                    let l = level_code(r.level);
                    if level == 0 || l < level {
                        level = l;
                    }
                    pop = pop.max(r.population);
                }
            }
        }
        if self
            .stops
            .get(t.folded.as_str())
            .is_some_and(|s| s & m != 0)
        {
            bits |= lex::STOP;
        }
        if self
            .locatives
            .get(t.folded.as_str())
            .is_some_and(|l| l & m != 0)
        {
            bits |= lex::LOCATIVE;
        }
        if self.stem_at(lang, t).is_some() {
            bits |= lex::STEM;
        }
        (bits, level, pop_bucket(pop))
    }

    /// German word classes of a word ([`class`]): the noun list's, else
    /// [`class::COMPOUND`] for a capitalised compound ending in a common
    /// noun.
    fn word_class(&self, t: &Token) -> u8 {
        let c = self.classes.get(word_hash(&t.folded));
        if c == 0 && t.cap && t.folded.len() >= 7 && self.classes.compound_noun(&t.folded) {
            class::COMPOUND
        } else {
            c
        }
    }

    /// Words, infos and static features of a text, given its rule mentions.
    pub(crate) fn prepare(
        &self,
        lang: Lang,
        text: &str,
        toks: &[Token],
        ids: &[Vec<(u64, bool)>],
        rules: &[PlaceMention],
    ) -> Prepared {
        let n = toks.len();
        let mut infos = vec![Info::default(); n];
        for (i, t) in toks.iter().enumerate() {
            let (lex, level, pop) = self.lex_bits(lang, t, &ids[i]);
            let (gap, link) = if i == 0 {
                (0, false)
            } else {
                let g = text[toks[i - 1].byte_end..t.byte_start].trim();
                let link = g
                    .chars()
                    .all(|c| c.is_whitespace() || matches!(c, '.' | '-' | '/' | '\'' | '’' | '&'));
                if g.is_empty() {
                    (0, link)
                } else {
                    let g = affix(g, 3, false).unwrap_or(g);
                    (word_hash(g), link)
                }
            };
            infos[i] = Info {
                word: word_hash(&t.folded),
                shape: shape_hash(&text[t.byte_start..t.byte_end]),
                flags: (if t.cap { CAP } else { 0 })
                    | (if t.all_caps { ALL_CAPS } else { 0 })
                    | (if t.sent_start { SENT_START } else { 0 })
                    | (if t.numeric { NUMERIC } else { 0 })
                    | (if t.joined { JOINED } else { 0 }),
                rule: 0,
                rule_coarse: 0,
                lex,
                class: if lang == Lang::De {
                    self.word_class(t)
                } else {
                    0
                },
                level,
                pop,
                gap,
                link,
            };
        }
        for m in rules {
            let first = toks.partition_point(|t| t.byte_end <= m.byte_start);
            let end = toks.partition_point(|t| t.byte_start < m.byte_end);
            let (level, pop) = m.candidates.first().map_or((0, 0), |&c| {
                let r = self.rec(c);
                (level_code(r.level), pop_bucket(r.population))
            });
            for (k, info) in infos.iter_mut().enumerate().take(end).skip(first) {
                if info.rule != 0 {
                    continue;
                }
                let pos = if k == first { 1 } else { 2 };
                let coarse = F::new(800).add(pos).add(kind_code(m.kind));
                info.rule_coarse = coarse.0;
                info.rule = coarse
                    .add(u64::from(m.in_org_name))
                    .add(u64::from(m.near))
                    .add(m.candidates.len().min(3) as u64)
                    .add(u64::from(level))
                    .add(u64::from(pop))
                    .0;
            }
        }
        let mut feats = Vec::with_capacity(n);
        for i in 0..n {
            let mut v = Vec::with_capacity(48);
            static_features(toks, &infos, i, &mut v);
            feats.push(v);
        }
        Prepared { infos, feats }
    }
}

/// Sentinel word hashes before the first and after the last word.
const BEFORE: u64 = 1;
const AFTER: u64 = 2;

/// The features that do not depend on earlier tags.
fn static_features(toks: &[Token], infos: &[Info], i: usize, out: &mut Vec<u64>) {
    let t = &toks[i];
    let f = &infos[i];
    let at = |k: isize| -> Option<&Info> {
        let j = i as isize + k;
        if j < 0 { None } else { infos.get(j as usize) }
    };
    let word_at = |k: isize| at(k).map_or(if k < 0 { BEFORE } else { AFTER }, |x| x.word);
    out.push(F::new(1).0);
    out.push(F::new(2).add(f.word).0);
    out.push(F::new(3).add(word_at(-1)).0);
    out.push(F::new(4).add(word_at(1)).0);
    out.push(F::new(5).add(word_at(-2)).0);
    out.push(F::new(6).add(word_at(2)).0);
    out.push(F::new(7).add(f.shape).0);
    out.push(F::new(8).add(at(-1).map_or(BEFORE, |x| x.shape)).0);
    out.push(F::new(9).add(at(1).map_or(AFTER, |x| x.shape)).0);
    let w = t.folded.as_str();
    for n in 2..=5 {
        if let Some(s) = affix(w, n, true) {
            out.push(F::new(10).add(n as u64).add(word_hash(s)).0);
        }
    }
    for n in 2..=4 {
        if let Some(s) = affix(w, n, false) {
            out.push(F::new(11).add(n as u64).add(word_hash(s)).0);
        }
    }
    out.push(F::new(12).add(u64::from(f.flags)).0);
    out.push(F::new(13).add(f.gap).0);
    out.push(F::new(14).add(at(1).map_or(AFTER, |x| x.gap)).0);
    if f.rule != 0 {
        out.push(F::new(15).add(f.rule).0);
        out.push(F::new(16).add(f.rule_coarse).0);
        out.push(F::new(17).add(f.rule_coarse).add(u64::from(f.flags)).0);
    }
    out.push(F::new(18).add(at(-1).map_or(BEFORE, |x| x.rule_coarse)).0);
    out.push(F::new(19).add(at(1).map_or(AFTER, |x| x.rule_coarse)).0);
    for b in 0..lex::COUNT {
        if f.lex & (1 << b) != 0 {
            out.push(F::new(20).add(u64::from(b)).0);
            out.push(
                F::new(29)
                    .add(u64::from(b))
                    .add(u64::from(f.flags & (CAP | SENT_START)))
                    .0,
            );
        }
        if at(-1).is_some_and(|x| x.lex & (1 << b) != 0) {
            out.push(F::new(22).add(u64::from(b)).0);
        }
        if at(1).is_some_and(|x| x.lex & (1 << b) != 0) {
            out.push(F::new(23).add(u64::from(b)).0);
        }
    }
    if f.lex & lex::CANDS != 0 {
        out.push(F::new(21).add(u64::from(f.level)).add(u64::from(f.pop)).0);
    }
    out.push(F::new(24).add(word_at(-1)).add(f.shape).0);
    if let Some((first, last)) = w.split_once('-').map(|(a, _)| (a, w.rsplit('-').next())) {
        let last = last.unwrap_or(first);
        out.push(F::new(25).add(word_hash(last)).0);
        if let Some(s) = affix(last, 3, true) {
            out.push(F::new(26).add(word_hash(s)).0);
        }
        out.push(F::new(27).add(word_hash(first)).0);
    }
    out.push(
        F::new(28)
            .add(f.word)
            .add(u64::from(f.flags & SENT_START))
            .0,
    );
    // what the German Wiktionary says of the word and its neighbours
    // (`de-nouns.tsv`): German capitalises every noun, so a capitalised
    // word is a name candidate when it is no common noun
    let cs = u64::from(f.flags & (CAP | SENT_START));
    for b in 0..class::COUNT {
        if f.class & (1 << b) != 0 {
            out.push(F::new(30).add(u64::from(b)).add(cs).0);
        }
        if at(-1).is_some_and(|x| x.class & (1 << b) != 0) {
            out.push(F::new(31).add(u64::from(b)).0);
        }
        if at(1).is_some_and(|x| x.class & (1 << b) != 0) {
            out.push(F::new(32).add(u64::from(b)).0);
        }
    }
    // a capitalised word no list knows
    if f.class == 0 && f.lex == 0 {
        out.push(F::new(33).add(cs).0);
    }
    // the licence: a locative word, then a capitalised word inside the
    // sentence that is no common noun and no person's name
    let name_like = f.flags & CAP != 0
        && f.flags & (SENT_START | NUMERIC) == 0
        && f.class & (class::NOUN | class::GIVEN | class::SURNAME) == 0
        && f.lex & (lex::STOP | lex::PERSON | lex::TITLE | lex::ORG_WORD) == 0;
    if name_like {
        let prev_loc = at(-1).is_some_and(|x| x.lex & lex::LOCATIVE != 0);
        out.push(F::new(34).add(u64::from(prev_loc)).0);
        out.push(
            F::new(35)
                .add(u64::from(prev_loc))
                .add(u64::from(f.lex & lex::CANDS != 0))
                .0,
        );
    }
}

/// The features of the previous tags (`p1` the last, `p2` the one before).
fn tag_features(info: &Info, p1: usize, p2: usize) -> [u64; 5] {
    let (p1, p2) = (p1 as u64, p2 as u64);
    [
        F::new(40).add(p1).0,
        F::new(41).add(p1).add(info.word).0,
        F::new(42).add(p1).add(info.shape).0,
        F::new(43).add(p1).add(info.rule_coarse).0,
        F::new(44).add(p1).add(p2).0,
    ]
}

/// The best allowed tag (`I` only after `B` or `I` and with `link`) and
/// the margin of `O` over the best place tag.
fn best(scores: &Weights, prev: usize, link: bool) -> (usize, f32) {
    let allow_i = prev != O && link;
    let mut tag = O;
    for t in [B, I] {
        if (t != I || allow_i) && scores[t] > scores[tag] {
            tag = t;
        }
    }
    let place = if allow_i {
        scores[B].max(scores[I])
    } else {
        scores[B]
    };
    (tag, scores[O] - place)
}

fn score_into(weights: &FeatMap<Weights>, feats: &[u64], extra: &[u64], s: &mut Weights) {
    *s = [0.0; TAGS];
    for f in feats.iter().chain(extra) {
        if let Some(w) = weights.get(f) {
            for k in 0..TAGS {
                s[k] += w[k];
            }
        }
    }
}

/// Greedy decoding: tags and the margins of `O`.
fn decode(weights: &FeatMap<Weights>, p: &Prepared) -> (Vec<usize>, Vec<f32>) {
    let n = p.infos.len();
    let (mut tags, mut margins) = (Vec::with_capacity(n), Vec::with_capacity(n));
    let (mut p1, mut p2) = (O, O);
    let mut s = [0.0; TAGS];
    for i in 0..n {
        let extra = tag_features(&p.infos[i], p1, p2);
        score_into(weights, &p.feats[i], &extra, &mut s);
        let (t, m) = best(&s, p1, p.infos[i].link);
        tags.push(t);
        margins.push(m);
        p2 = p1;
        p1 = t;
    }
    (tags, margins)
}

/// Spans `[first, end)` of words of B/I runs.
fn spans_of(tags: &[usize]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, &t) in tags.iter().enumerate() {
        if t == I && open.is_some() {
            continue;
        }
        if let Some(a) = open.take() {
            out.push((a, i));
        }
        if t == B || t == I {
            open = Some(i);
        }
    }
    if let Some(a) = open {
        out.push((a, tags.len()));
    }
    out
}

impl Tagger {
    /// The embedded German model.
    pub fn embedded() -> Result<Tagger, GeoError> {
        Tagger::parse(
            MODEL_FILE,
            include_str!("../../../resources/gazetteer/de-tagger.tsv"),
        )
    }

    /// Reads a model file (`file` names it in errors). Header: `#
    /// chronik-place-tagger v<N> …`; then `#` comment lines; then rows
    /// `hash<TAB>w_O<TAB>w_B<TAB>w_I` (hash: 16 hex digits).
    pub fn parse(file: &str, content: &str) -> Result<Tagger, GeoError> {
        let mut lines = content.lines().enumerate();
        let want = format!("{MAGIC} v{FEATURES_VERSION}");
        match lines.next() {
            Some((_, h))
                if h.strip_prefix(want.as_str())
                    .is_some_and(|r| !r.starts_with(|c: char| c.is_ascii_digit())) => {}
            _ => return Err(TableError::format(file, want).into()),
        }
        let mut weights = FeatMap::default();
        for (i, line) in lines {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let bad = |msg: &str| GeoError::from(TableError::row(file, i + 1, msg));
            let mut cols = line.split('\t');
            let h = cols
                .next()
                .and_then(|h| u64::from_str_radix(h, 16).ok())
                .ok_or_else(|| bad("expected a feature hash (16 hex digits)"))?;
            let mut w = [0.0f32; TAGS];
            for x in &mut w {
                *x = cols
                    .next()
                    .and_then(|v| v.parse::<f32>().ok())
                    .filter(|v| v.is_finite())
                    .ok_or_else(|| bad("expected three weights"))?;
            }
            if cols.next().is_some() {
                return Err(bad("expected four columns"));
            }
            weights.insert(h, w);
        }
        Ok(Tagger {
            weights,
            policy: Policy::default(),
        })
    }

    /// The model as a file: the header (with `source`, one line) and the
    /// weights, sorted by hash (byte-identical for the same weights).
    pub fn to_model_text(&self, source: &str) -> String {
        use std::fmt::Write as _;
        let mut rows: Vec<(&u64, &Weights)> = self.weights.iter().collect();
        rows.sort_by_key(|r| *r.0);
        let mut s = String::with_capacity(rows.len() * 32 + 512);
        let _ = writeln!(
            s,
            "{MAGIC} v{FEATURES_VERSION}: averaged perceptron, BIO tags over German place names (GermEval LOC); rows: feature-hash<TAB>w_O<TAB>w_B<TAB>w_I"
        );
        let _ = writeln!(s, "# {}", source.replace('\n', " "));
        for (h, w) in rows {
            let _ = writeln!(
                s,
                "{h:016x}\t{}\t{}\t{}",
                fmt_w(w[0]),
                fmt_w(w[1]),
                fmt_w(w[2])
            );
        }
        s
    }

    /// Number of features with weights.
    pub fn features(&self) -> usize {
        self.weights.len()
    }

    /// How the tagger is combined with the rules.
    pub fn policy(&self) -> Policy {
        self.policy
    }

    /// Sets how the tagger is combined with the rules.
    pub fn set_policy(&mut self, p: Policy) {
        self.policy = p;
    }

    /// Place spans (bytes) the tagger alone finds in `text` (German),
    /// given the rule mentions of `gaz` as features.
    pub fn spans(&self, gaz: &Gazetteer, text: &str) -> Vec<(usize, usize)> {
        let toks = crate::tokens::tokenize(text);
        let ids = gaz.word_ids(Lang::De, &toks);
        let rules = gaz.find_rules_in(Lang::De, text, &toks, &ids);
        let p = gaz.prepare(Lang::De, text, &toks, &ids, &rules);
        let (tags, _) = decode(&self.weights, &p);
        spans_of(&tags)
            .into_iter()
            .map(|(a, b)| (toks[a].byte_start, toks[b - 1].byte_end))
            .collect()
    }

    /// Rules and tagger together (see the module doc).
    pub(crate) fn combine(
        &self,
        gaz: &Gazetteer,
        lang: Lang,
        text: &str,
        toks: &[Token],
        ids: &[Vec<(u64, bool)>],
        rules: Vec<PlaceMention>,
    ) -> Vec<PlaceMention> {
        let p = gaz.prepare(lang, text, toks, ids, &rules);
        let (tags, margins) = decode(&self.weights, &p);
        let words = |m: &PlaceMention| {
            let first = toks.partition_point(|t| t.byte_end <= m.byte_start);
            let end = toks.partition_point(|t| t.byte_start < m.byte_end);
            (first, end.max(first))
        };
        let mut out: Vec<PlaceMention> = Vec::with_capacity(rules.len());
        let mut taken = vec![false; toks.len()];
        for mut m in rules {
            let (a, b) = words(&m);
            taken[a..b].iter_mut().for_each(|x| *x = true);
            if m.in_org_name
                && self.policy.judge_org
                && a < b
                && matches!(m.kind, MentionKind::Name | MentionKind::Region)
                && tags[a] == B
                && (a + 1..b).all(|k| tags[k] == I)
                && tags.get(b) != Some(&I)
            {
                m.in_org_name = false;
            }
            let protected = m.kind == MentionKind::Region
                || m.candidates.first().is_some_and(|&c| {
                    let r = gaz.rec(c);
                    r.level == Level::Country
                        || (r.level == Level::Town && r.population >= self.policy.protect_pop)
                });
            let judged = matches!(m.kind, MentionKind::Name | MentionKind::Area)
                && !m.in_org_name
                && !protected
                && a < b;
            if judged && (a..b).all(|k| tags[k] == O && margins[k] >= self.policy.reject_margin) {
                continue;
            }
            out.push(m);
        }
        if self.policy.add_spans {
            for (a, b) in spans_of(&tags) {
                if taken[a..b].iter().any(|x| *x) {
                    continue;
                }
                out.push(bare(MentionKind::Name, &toks[a], &toks[b - 1]));
            }
            out.sort_by_key(|p| (p.byte_start, p.byte_end));
        }
        out
    }
}

/// A weight with few digits (the model file stays small).
fn fmt_w(w: f32) -> String {
    if w == 0.0 {
        "0".to_string()
    } else {
        let s = format!("{w:.3}");
        let s = s.trim_end_matches('0').trim_end_matches('.');
        if s == "-0" {
            "0".to_string()
        } else {
            s.to_string()
        }
    }
}

// --- training ------------------------------------------------------------------

/// Weights with the sums for averaging (Daumé's trick: `w - u / c`).
struct Learner {
    w: FeatMap<Weights>,
    /// Sum of the update step numbers times the updates.
    u: FeatMap<Weights>,
    step: f32,
}

impl Learner {
    fn update(&mut self, feats: &[u64], extra: &[u64], gold: usize, pred: usize) {
        for f in feats.iter().chain(extra) {
            let w = self.w.entry(*f).or_default();
            w[gold] += 1.0;
            w[pred] -= 1.0;
            let u = self.u.entry(*f).or_default();
            u[gold] += self.step;
            u[pred] -= self.step;
        }
    }
}

/// A small deterministic generator for the shuffling (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
}

/// Trains a tagger on `data` with the rules of `gaz` as features.
/// Deterministic for the same data, gazetteer and options.
pub fn train(gaz: &Gazetteer, data: &[TrainText], opts: &TrainOptions) -> Tagger {
    let lang = Lang::De;
    let mut prepared: Vec<(Prepared, Vec<usize>)> = Vec::with_capacity(data.len());
    for d in data {
        let toks = crate::tokens::tokenize(&d.text);
        let ids = gaz.word_ids(lang, &toks);
        let rules = gaz.find_rules_in(lang, &d.text, &toks, &ids);
        let p = gaz.prepare(lang, &d.text, &toks, &ids, &rules);
        let mut gold = vec![O; toks.len()];
        for &(s, e) in &d.spans {
            let mut first = true;
            for (k, t) in toks.iter().enumerate() {
                if t.byte_start >= s && t.byte_end <= e {
                    // a name the decoder cannot continue is split
                    gold[k] = if first || !p.infos[k].link { B } else { I };
                    first = false;
                }
            }
        }
        prepared.push((p, gold));
    }
    let mut l = Learner {
        w: FeatMap::default(),
        u: FeatMap::default(),
        step: 1.0,
    };
    let mut order: Vec<usize> = (0..prepared.len()).collect();
    let mut rng = Rng(opts.seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
    let mut s = [0.0; TAGS];
    for _ in 0..opts.epochs {
        for k in (1..order.len()).rev() {
            let j = (rng.next() % (k as u64 + 1)) as usize;
            order.swap(k, j);
        }
        for &si in &order {
            let (p, gold) = &prepared[si];
            let (mut p1, mut p2) = (O, O);
            for (i, &g) in gold.iter().enumerate() {
                let extra = tag_features(&p.infos[i], p1, p2);
                score_into(&l.w, &p.feats[i], &extra, &mut s);
                let (pred, _) = best(&s, p1, p.infos[i].link);
                if pred != g {
                    l.update(&p.feats[i], &extra, g, pred);
                }
                l.step += 1.0;
                p2 = p1;
                p1 = pred;
            }
        }
    }
    let mut weights = FeatMap::default();
    for (f, w) in &l.w {
        let u = l.u.get(f).copied().unwrap_or_default();
        let mut avg = [0.0f32; TAGS];
        for k in 0..TAGS {
            avg[k] = w[k] - u[k] / l.step;
        }
        // the model file keeps three decimals
        let avg = avg.map(|x| (x * 1000.0).round() / 1000.0);
        if avg.iter().any(|x| x.abs() >= opts.prune) {
            weights.insert(*f, avg);
        }
    }
    Tagger {
        weights,
        policy: Policy::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (tags, the spans they make)
    type SpansCase<'a> = (&'a [usize], &'a [(usize, usize)]);

    #[test]
    fn tagger_spans_of_bio_table() {
        let cases: &[SpansCase<'_>] = &[
            (&[O, B, I, O, B], &[(1, 3), (4, 5)]),
            (&[B, B, I], &[(0, 1), (1, 3)]),
            (&[O, I, I], &[(1, 3)]),
            (&[], &[]),
        ];
        for (tags, want) in cases {
            assert_eq!(spans_of(tags), *want, "{tags:?}");
        }
    }

    #[test]
    fn tagger_german_word_classes_table() {
        let gaz = Gazetteer::from_sources(&crate::Sources::embedded()).expect("gazetteer loads");
        // (word as written, bits it must have, bits it must not have)
        let cases = [
            ("Weiler", class::NOUN, class::COMPOUND),
            ("Häusern", class::NOUN, class::COMPOUND),
            ("Abgeordneter", class::NOUN, 0),
            ("Peter", class::GIVEN | class::SURNAME, class::NOUN),
            ("Schmidt", class::SURNAME, class::NOUN),
            ("Aachen", class::TOPONYM, class::NOUN),
            // compounds of listed nouns are derived, not listed
            ("Straßenbahnhaltestellen", class::COMPOUND, class::NOUN),
            ("Wasserwerfereinsätze", class::COMPOUND, class::NOUN),
            // place names end in nouns too (Bach): a feature, not a verdict
            ("Oberkrummbach", class::COMPOUND, class::NOUN | class::GIVEN),
            ("Zaporivka", 0, class::NOUN | class::COMPOUND),
        ];
        for (w, has, not) in cases {
            let toks = crate::tokens::tokenize(w);
            let c = gaz.word_class(&toks[0]);
            assert_eq!(c & has, has, "{w}: {c:#b}");
            assert_eq!(c & not, 0, "{w}: {c:#b}");
        }
    }

    #[test]
    fn tagger_affixes_count_chars() {
        assert_eq!(affix("müller", 3, true), Some("ler"));
        assert_eq!(affix("müller", 2, false), Some("mü"));
        assert_eq!(affix("ab", 2, true), None);
    }

    #[test]
    fn tagger_model_rejects_bad_files() {
        let bad = [
            "",
            "# something else v1\n",
            "# chronik-place-tagger v0\n",
            "# chronik-place-tagger v1\n",
            "# chronik-place-tagger v2\nzz\t1\t2\t3\n",
            "# chronik-place-tagger v2\n00000000000000ff\t1\t2\n",
            "# chronik-place-tagger v2\n00000000000000ff\t1\tNaN\t3\n",
            "# chronik-place-tagger v2\n00000000000000ff\t1\t2\t3\t4\n",
        ];
        for b in bad {
            assert!(Tagger::parse("t.tsv", b).is_err(), "{b:?}");
        }
        let ok = Tagger::parse(
            "t.tsv",
            "# chronik-place-tagger v2 x\n# c\n00000000000000ff\t1\t-2.5\t0\n",
        )
        .expect("a small model loads");
        assert_eq!(ok.features(), 1);
        let round = Tagger::parse("t.tsv", &ok.to_model_text("test")).expect("round trip");
        assert_eq!(round.weights.get(&0xff), Some(&[1.0, -2.5, 0.0]));
    }
}
