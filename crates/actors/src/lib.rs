//! chronik-actors: who acts. Named persons and organisations in German,
//! English and Russian text, resolved to canonical entities with an actor
//! role, and ACLED actor names for export.
//!
//! ```text
//! text ─▶ tokens (byte offsets, folded, Russian case endings stripped)
//!   ─▶ aliases of canonical entities (entities.tsv; leftmost-longest)
//!   ─▶ patterns for names not in the data: title and function cues
//!      (titles.tsv), first names (firstnames.tsv), initials, organisation
//!      head words (orgwords.tsv), acronyms, quoted names after "agency",
//!      "партия" …; a stoplist (stopwords.tsv) and the place table keep
//!      sentence-initial capitals, German nouns and places out of names
//!   ─▶ names found once, named again alone later in the text
//!   ─▶ Vec<EntityMention> (byte spans, kind, entity, role)
//! ```
//!
//! All knowledge is data in `resources/entities/` (embedded at compile
//! time); no name is special-cased in code. [`Entities::embedded`] loads it
//! once; [`Entities::recognize`] is then a pure, linear-time function of
//! the text, safe to call from many threads.
//!
//! ```
//! use chronik_actors::{Entities, EntityKind};
//! use chronik_model::ActorRole;
//!
//! let entities = Entities::embedded().unwrap();
//! let text = "Präsident Tokajew bat die OVKS um Hilfe.";
//! let found = entities.recognize(text, "de");
//! let tokayev = found[0].entity.map(|id| entities.get(id)).unwrap();
//! assert_eq!(tokayev.canonical, "Kassym-Jomart Tokayev");
//! assert_eq!(found[0].role, Some(ActorRole::President));
//! assert_eq!(&text[found[1].byte_start..found[1].byte_end], "OVKS");
//! assert_eq!(found[1].kind, EntityKind::Org);
//! ```
#![deny(missing_docs)]

mod acled;
mod entity;
mod phrase;
mod recognize;
mod table;
mod text;

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use chronik_model::ActorRole;
use chronik_table::TableError;

pub use crate::acled::{acled_actor, acled_country_name};
pub use crate::entity::{Entity, EntityId, EntityKind};

use crate::phrase::{PhraseIndex, parse_phrase};
use crate::table::{column_of, parse_table};
use crate::text::{tokenize, word_key};

/// A fast, non-keyed hash (FxHash) for the word tables: keys come from our
/// own data and the text's words, and lookups are the hot path.
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
pub(crate) type FastSet<K> = HashSet<K, BuildHasherDefault<FxHasher>>;

/// A data file could not be used: the file, and for a bad row its line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(transparent)]
pub struct Error(#[from] pub TableError);

/// A language with cue data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    /// German.
    De = 0,
    /// English.
    En = 1,
    /// Russian.
    Ru = 2,
}

impl Lang {
    /// The language of an ISO 639-1 code, if it has cue data.
    pub fn from_code(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "de" => Some(Lang::De),
            "en" => Some(Lang::En),
            "ru" => Some(Lang::Ru),
            _ => None,
        }
    }

    /// Every language with cue data, in table order.
    pub const ALL: [Lang; 3] = [Lang::De, Lang::En, Lang::Ru];

    fn index(self) -> usize {
        self as usize
    }

    fn bit(self) -> u8 {
        match self {
            Lang::De => 1,
            Lang::En => 2,
            Lang::Ru => 4,
        }
    }
}

/// How a mention was found (provenance, for `--explain`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Rule {
    /// An alias of a canonical entity (entities.tsv).
    Alias,
    /// A capitalised name after a title or function cue (titles.tsv).
    Title,
    /// A first name followed by a surname (firstnames.tsv).
    FirstName,
    /// Initials with a surname ("K. Tokayev", "Назарбаев Н. А.").
    Initials,
    /// A name built around an organisation head word (orgwords.tsv).
    OrgWord,
    /// A name after an organisation cue, often quoted ("агентство «X»").
    Descriptor,
    /// A word in capitals ("ФСБ", "SPD"), with the names that follow it
    /// ("FC Nürnberg").
    Acronym,
    /// A surname or organisation name found earlier in the same text,
    /// named again alone ("Ibrajew" after "Polizeichef Kanat Ibrajew").
    Repeat,
}

impl Rule {
    /// The name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Rule::Alias => "alias",
            Rule::Title => "title",
            Rule::FirstName => "first_name",
            Rule::Initials => "initials",
            Rule::OrgWord => "org_word",
            Rule::Descriptor => "descriptor",
            Rule::Acronym => "acronym",
            Rule::Repeat => "repeat",
        }
    }
}

/// A name found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityMention {
    /// Byte offset of the first byte of the name.
    pub byte_start: usize,
    /// Byte offset after the name.
    pub byte_end: usize,
    /// Person, organisation or other.
    pub kind: EntityKind,
    /// The canonical entity, when the name is an alias of one.
    pub entity: Option<EntityId>,
    /// The actor role: the entity's role from the data (as in its own
    /// country; see [`Entity::role_in`]), else the role of the title or
    /// organisation word that found the name ("Innenminister X" →
    /// government, "former security chief X" → other).
    pub role: Option<ActorRole>,
    /// How it was found.
    pub rule: Rule,
}

/// What a title cue says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CueKind {
    /// A person's title or function.
    Person,
    /// An organisation descriptor.
    Org,
    /// The following office is no longer held.
    Former,
}

/// One row of titles.tsv.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Title {
    pub lang: Lang,
    pub kind: CueKind,
    pub role: Option<ActorRole>,
}

/// Where an organisation word stands in a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum OrgPos {
    /// Ends a capitalised run.
    Last = 0,
    /// A compound ending.
    Suffix = 1,
    /// Begins a name.
    First = 2,
}

/// One row of orgwords.tsv.
#[derive(Debug, Clone, Copy)]
pub(crate) struct OrgWord {
    pub lang: Lang,
    pub pos: OrgPos,
    pub role: Option<ActorRole>,
}

/// The text of every data file, for [`Entities::from_sources`].
#[derive(Debug, Clone, Copy)]
pub struct Sources<'a> {
    /// entities.tsv
    pub entities: &'a str,
    /// titles.tsv
    pub titles: &'a str,
    /// orgwords.tsv
    pub orgwords: &'a str,
    /// firstnames.tsv
    pub firstnames: &'a str,
    /// stopwords.tsv
    pub stopwords: &'a str,
    /// The place table (`resources/places/places.tsv`): its single-word
    /// names and aliases never count as a person's name after a title
    /// ("президент Казахстана"). Read by its FORMAT line; empty is allowed.
    pub places: &'a str,
}

impl Sources<'static> {
    /// The data embedded in the binary.
    pub const EMBEDDED: Sources<'static> = Sources {
        entities: include_str!("../../../resources/entities/entities.tsv"),
        titles: include_str!("../../../resources/entities/titles.tsv"),
        orgwords: include_str!("../../../resources/entities/orgwords.tsv"),
        firstnames: include_str!("../../../resources/entities/firstnames.tsv"),
        stopwords: include_str!("../../../resources/entities/stopwords.tsv"),
        places: include_str!("../../../resources/places/places.tsv"),
    };
}

/// The canonical entities with everything needed to find names in text.
#[derive(Debug, Clone)]
pub struct Entities {
    entities: Vec<Entity>,
    by_key: FastMap<String, EntityId>,
    /// Alias phrases → entity.
    pub(crate) aliases: PhraseIndex<EntityId>,
    /// Title cues per language ([`Lang::index`]).
    pub(crate) titles: [PhraseIndex<Title>; 3],
    /// Organisation words per language.
    pub(crate) orgwords: [PhraseIndex<OrgWord>; 3],
    /// First names by match key.
    pub(crate) firstnames: FastSet<String>,
    /// Stopwords by match key → bit set of languages (all bits: any).
    pub(crate) stopwords: FastMap<String, u8>,
    /// Stopword endings (`*ung`) with their language bits.
    pub(crate) stop_endings: Vec<(String, u8)>,
    /// Single-word place names by match key.
    pub(crate) places: FastSet<String>,
}

const ENTITIES_FORMAT: &str = "id\ttype\tcanonical\tcountry\trole\taliases\t[acled]";
const TITLES_FORMAT: &str = "lang\tphrase\tkind\trole";
const ORGWORDS_FORMAT: &str = "lang\tword\tposition\trole";
const FIRSTNAMES_FORMAT: &str = "name";
const STOPWORDS_FORMAT: &str = "lang\tword";

fn row_error(file: &str, line: usize, message: String) -> Error {
    TableError::row(file, line, message).into()
}

fn parse_lang(file: &str, line: usize, s: &str) -> Result<Lang, Error> {
    Lang::from_code(s).ok_or_else(|| row_error(file, line, format!("unknown language {s:?}")))
}

fn parse_role(file: &str, line: usize, s: &str) -> Result<Option<ActorRole>, Error> {
    if s == "-" {
        return Ok(None);
    }
    s.parse()
        .map(Some)
        .map_err(|e: chronik_model::UnknownName| row_error(file, line, e.to_string()))
}

impl Entities {
    /// Loads the data embedded in the binary.
    pub fn embedded() -> Result<Entities, Error> {
        Entities::from_sources(&Sources::EMBEDDED)
    }

    /// Loads entities and cues from the given file contents.
    pub fn from_sources(src: &Sources) -> Result<Entities, Error> {
        let mut e = Entities {
            entities: Vec::new(),
            by_key: FastMap::default(),
            aliases: PhraseIndex::default(),
            titles: Default::default(),
            orgwords: Default::default(),
            firstnames: FastSet::default(),
            stopwords: FastMap::default(),
            stop_endings: Vec::new(),
            places: FastSet::default(),
        };
        e.load_entities(src.entities)?;
        e.load_titles(src.titles)?;
        e.load_orgwords(src.orgwords)?;
        for row in parse_table("firstnames.tsv", src.firstnames, FIRSTNAMES_FORMAT)? {
            e.firstnames.insert(word_key(&row.cols[0]));
        }
        const FILE: &str = "stopwords.tsv";
        for row in parse_table(FILE, src.stopwords, STOPWORDS_FORMAT)? {
            let bits = match row.cols[0].as_str() {
                "*" => 7,
                l => parse_lang(FILE, row.line, l)?.bit(),
            };
            match row.cols[1].strip_prefix('*') {
                Some(end) if !end.is_empty() => e.stop_endings.push((text::fold(end), bits)),
                _ => *e.stopwords.entry(word_key(&row.cols[1])).or_default() |= bits,
            }
        }
        e.load_places(src.places);
        Ok(e)
    }

    fn load_entities(&mut self, content: &str) -> Result<(), Error> {
        const FILE: &str = "entities.tsv";
        for row in parse_table(FILE, content, ENTITIES_FORMAT)? {
            let c = &row.cols;
            let (kind, outlet, generic) = match c[1].as_str() {
                "person" => (EntityKind::Person, false, false),
                "org" => (EntityKind::Org, false, false),
                "outlet" => (EntityKind::Org, true, false),
                "body" => (EntityKind::Org, false, true),
                "other" => (EntityKind::Other, false, false),
                t => return Err(row_error(FILE, row.line, format!("unknown type {t:?}"))),
            };
            let country = match c[3].as_str() {
                "-" => None,
                cc if cc.len() == 2 && cc.chars().all(|ch| ch.is_ascii_uppercase()) => {
                    Some(cc.to_string())
                }
                cc => return Err(row_error(FILE, row.line, format!("bad country {cc:?}"))),
            };
            let id = EntityId(self.entities.len() as u32);
            if self.by_key.insert(c[0].clone(), id).is_some() {
                return Err(row_error(
                    FILE,
                    row.line,
                    format!("duplicate id {:?}", c[0]),
                ));
            }
            let aliases: Vec<String> = c[5]
                .split('|')
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .map(str::to_string)
                .collect();
            if aliases.is_empty() {
                return Err(row_error(FILE, row.line, "no aliases".into()));
            }
            for a in &aliases {
                self.aliases.push(parse_phrase(a, true), id);
            }
            self.entities.push(Entity {
                id: c[0].clone(),
                kind,
                canonical: c[2].clone(),
                country,
                role: parse_role(FILE, row.line, &c[4])?,
                aliases,
                outlet,
                generic,
                acled: c.get(6).filter(|a| !a.is_empty()).cloned(),
                line: row.line,
            });
        }
        Ok(())
    }

    fn load_titles(&mut self, content: &str) -> Result<(), Error> {
        const FILE: &str = "titles.tsv";
        for row in parse_table(FILE, content, TITLES_FORMAT)? {
            let c = &row.cols;
            let kind = match c[2].as_str() {
                "person" => CueKind::Person,
                "org" => CueKind::Org,
                "former" => CueKind::Former,
                k => return Err(row_error(FILE, row.line, format!("unknown kind {k:?}"))),
            };
            let title = Title {
                lang: parse_lang(FILE, row.line, &c[0])?,
                kind,
                role: parse_role(FILE, row.line, &c[3])?,
            };
            self.titles[title.lang.index()].push(parse_phrase(&c[1], false), title);
        }
        Ok(())
    }

    fn load_orgwords(&mut self, content: &str) -> Result<(), Error> {
        const FILE: &str = "orgwords.tsv";
        for row in parse_table(FILE, content, ORGWORDS_FORMAT)? {
            let c = &row.cols;
            let pos = match c[2].as_str() {
                "last" => OrgPos::Last,
                "suffix" => OrgPos::Suffix,
                "first" => OrgPos::First,
                p => return Err(row_error(FILE, row.line, format!("unknown position {p:?}"))),
            };
            let word = if pos == OrgPos::Suffix && !c[1].starts_with('*') {
                format!("*{}", c[1])
            } else {
                c[1].clone()
            };
            let value = OrgWord {
                lang: parse_lang(FILE, row.line, &c[0])?,
                pos,
                role: parse_role(FILE, row.line, &c[3])?,
            };
            self.orgwords[value.lang.index()].push(parse_phrase(&word, false), value);
        }
        Ok(())
    }

    /// Single-word names and aliases of the place table; a table without
    /// the expected columns contributes nothing.
    fn load_places(&mut self, content: &str) {
        let name_col = column_of(content, "name");
        let alias_col = column_of(content, "aliases");
        for line in content.lines().filter(|l| !l.starts_with('#')) {
            let cols: Vec<&str> = line.split('\t').collect();
            let name = name_col.and_then(|i| cols.get(i)).into_iter();
            let aliases = alias_col
                .and_then(|i| cols.get(i))
                .into_iter()
                .flat_map(|a| a.split('|'));
            for form in name.copied().chain(aliases) {
                let toks = tokenize(form);
                if toks.len() == 1 {
                    self.places.insert(toks[0].key.clone());
                }
            }
        }
    }

    /// The entity with this id.
    ///
    /// # Panics
    ///
    /// When `id` does not come from this set of entities.
    pub fn get(&self, id: EntityId) -> &Entity {
        &self.entities[id.0 as usize]
    }

    /// The entity with this data key ("tokayev", "csto").
    pub fn by_key(&self, key: &str) -> Option<EntityId> {
        self.by_key.get(key).copied()
    }

    /// All entities, in data order.
    pub fn iter(&self) -> impl Iterator<Item = (EntityId, &Entity)> {
        self.entities
            .iter()
            .enumerate()
            .map(|(i, e)| (EntityId(i as u32), e))
    }

    /// Number of entities.
    pub fn len(&self) -> usize {
        self.entities.len()
    }

    /// True when there are no entities.
    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }

    /// The entity a whole name refers to, if the name is one of its
    /// aliases in any case form ("Tokajews", "Токаевым", "the KNB" → not
    /// whole; "KNB" → the KNB). Useful for attribution sources.
    pub fn resolve(&self, name: &str) -> Option<EntityId> {
        let toks = tokenize(name);
        let (end, id) = self.aliases.longest_at(&toks, 0, |_| true)?;
        (end == toks.len()).then_some(*id)
    }

    /// Finds the persons and organisations named in `text` (language
    /// `lang`, an ISO 639-1 code; other codes use the cues of every
    /// language). Mentions are sorted and do not overlap.
    pub fn recognize(&self, text: &str, lang: &str) -> Vec<EntityMention> {
        recognize::recognize(self, text, Lang::from_code(lang))
    }
}

#[cfg(test)]
mod tests;
