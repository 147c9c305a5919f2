//! The per-language resource registry: which files exist, their FORMAT, and
//! how their rows become lookup structures.
//!
//! Every language folder `resources/<lang>/` has the same file set
//! ([`FILES`]). Adding a language means adding a folder and a line to
//! [`EMBEDDED`].

use std::collections::{HashMap, HashSet};

use chronik_model::{ActorRole, FigureWhat, Kind, Qualifier, SubType};

use crate::amount::{NumWord, NumberLexicon, Quant};
use crate::lexicon::{LexiconError, PhraseSet, Row, parse_table};
use crate::segment::Opener;

/// The resource files of one language with their FORMAT lines.
pub const FILES: &[(&str, &str)] = &[
    ("triggers.tsv", "phrase\tkind\t[flags]"),
    ("actors.tsv", "phrase\trole"),
    ("figures.tsv", "phrase\twhat\tpos"),
    ("numbers.tsv", "word\tvalue\ttype"),
    ("quantifiers.tsv", "phrase\tqualifier"),
    ("hedges.tsv", "phrase\ttype"),
    ("attribution.tsv", "phrase\tposition"),
    ("dates.tsv", "word\ttype\tvalue"),
    ("abbreviations.tsv", "abbreviation"),
    ("cues.tsv", "phrase\tcue"),
];

/// Embedded resources: (language, file name, content).
macro_rules! embed {
    ($($lang:literal),+) => {
        &[$(
            ($lang, "triggers.tsv", include_str!(concat!("../../../resources/", $lang, "/triggers.tsv"))),
            ($lang, "actors.tsv", include_str!(concat!("../../../resources/", $lang, "/actors.tsv"))),
            ($lang, "figures.tsv", include_str!(concat!("../../../resources/", $lang, "/figures.tsv"))),
            ($lang, "numbers.tsv", include_str!(concat!("../../../resources/", $lang, "/numbers.tsv"))),
            ($lang, "quantifiers.tsv", include_str!(concat!("../../../resources/", $lang, "/quantifiers.tsv"))),
            ($lang, "hedges.tsv", include_str!(concat!("../../../resources/", $lang, "/hedges.tsv"))),
            ($lang, "attribution.tsv", include_str!(concat!("../../../resources/", $lang, "/attribution.tsv"))),
            ($lang, "dates.tsv", include_str!(concat!("../../../resources/", $lang, "/dates.tsv"))),
            ($lang, "abbreviations.tsv", include_str!(concat!("../../../resources/", $lang, "/abbreviations.tsv"))),
            ($lang, "cues.tsv", include_str!(concat!("../../../resources/", $lang, "/cues.tsv"))),
        )+]
    };
}

/// All embedded language files.
pub const EMBEDDED: &[(&str, &str, &str)] = embed!("de", "en", "ru");

/// The languages with resources.
pub const LANGUAGES: &[&str] = &["de", "en", "ru"];

/// What a trigger phrase says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Trigger {
    /// The kind of happening.
    pub kind: Kind,
    /// A reference noun ("Proteste", "unrest"): yields to a verb of another
    /// kind in the same clause.
    pub weak: bool,
    /// A blocker: the phrase names no happening (kind column `-`).
    pub block: bool,
    /// A sub-type that overrides the usual mapping (torture → attack).
    pub sub_type: Option<SubType>,
    /// The actor the word itself implies ("Proteste" → protesters).
    pub actor: Option<ActorRole>,
    /// Its subject is the one who dies ("starben", "died", "погибли"):
    /// a person named is the victim, not the actor.
    pub victim: bool,
    /// Its subject leaves office of their own accord ("trat zurück",
    /// "resigned", "подал в отставку"): the person named before it acts.
    pub resign: bool,
}

/// What a figure word says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FigureWord {
    /// What it counts; `None` for a plain person noun ("Menschen", "people").
    pub what: Option<FigureWhat>,
    /// A noun that can follow a number directly ("Tote", "protesters").
    pub noun: bool,
}

/// Where an attribution cue stands relative to its source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttrPos {
    /// "laut X", "according to X", "по данным X".
    Before,
    /// "X zufolge".
    After,
    /// "X said", "said X", "сообщил X".
    Verb,
}

/// Hedge kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hedge {
    /// A lexical hedge ("offenbar", "reportedly").
    Lexical,
    /// A reported-speech verb form (German Konjunktiv I/II: "seien", "hätten").
    Reported,
}

/// Other cue words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    /// Opens a clause after a comma ("als", "which").
    ClauseOpener,
    /// Passive auxiliary ("wurden", "were").
    PassiveAux,
    /// A passive verb form of its own (Russian short participles:
    /// "задержаны", "введен"): passive is the part of the clause it stands in.
    PassiveForm,
    /// Introduces the agent of a passive ("von", "by", "durch").
    AgentPrep,
    /// Introduces the target ("auf", "at", "on").
    TargetPrep,
    /// Introduces what a protest opposes, and is a target marker too
    /// ("gegen", "against", "против"): "Proteste gegen …" is a happening of
    /// its own.
    Against,
    /// Makes the clause not assert a happening ("forderten", "calls for", "could").
    Irrealis,
    /// Negation ("nicht", "not", "не").
    Negation,
    /// Marks grave force ("brutal", "blutig", "tödlich", "live ammunition").
    Severe,
    /// Marks violent protest ("gewaltsam", "violent").
    Violent,
    /// A line that is page clutter ("Read more", "Lesen Sie auch").
    Clutter,
    /// A word that may stand between a number and its casualty verb
    /// ("have", "bereits", "insgesamt").
    Filler,
    /// A unit after a number that counts no people ("years", "Tage").
    Unit,
    /// Before a reference noun, points back to a known happening
    /// ("angesichts der Proteste", "amid the unrest").
    Reference,
    /// Puts what follows in a place ("in", "across", "в"): a foreign
    /// country after it is where something happened, not who acted.
    PlaceIn,
    /// Where someone comes from ("a native of", "gebürtig aus", "родом
    /// из"): the place after it is no place of a happening.
    Origin,
    /// A seat of power before its "in" ("die Regierung in", "the government
    /// in", "правительство в"): the place after it names who acts (the
    /// government in Moscow), it puts nothing in place.
    Seat,
    /// The whole country or other towns ("landesweit", "in other cities",
    /// "по всей стране"): no town of the context applies.
    Nationwide,
    /// An article ("der", "the"): may stand before a country that acts.
    Article,
    /// A past participle ("detained", "shot"): after a passive auxiliary
    /// the clause is passive (English).
    Participle,
    /// Refers back to the town last named ("the city", "der Stadt").
    CityRef,
    /// "wo", "where", "где" opening a clause: the place named right before.
    PlaceRel,
    /// "dort", "там": the place of the last sentence that named one.
    ThereRef,
    /// An indefinite article ("a", "eine"): the noun after it introduces a
    /// happening of its own.
    Indefinite,
    /// "the whole region", "die gesamte Region": the region last named,
    /// else the country.
    RegionRef,
    /// Marks an infinitive ("zu", "auszurufen"): a clause ending in one
    /// acts through the actor named last before it.
    Infinitive,
}

impl Cue {
    /// A preposition: agent, target, "against" or place.
    pub fn is_preposition(self) -> bool {
        matches!(
            self,
            Cue::AgentPrep | Cue::TargetPrep | Cue::Against | Cue::PlaceIn | Cue::Seat
        )
    }
}

/// The loaded knowledge of one language.
pub struct Lexicon {
    /// ISO 639-1 code.
    pub lang: &'static str,
    /// Event triggers.
    pub triggers: PhraseSet<Trigger>,
    /// Actor nouns and names.
    pub actors: PhraseSet<Option<ActorRole>>,
    /// The plain crowd nouns of `actors` (role `crowd`).
    pub crowd: PhraseSet<()>,
    /// Casualty and person words for figures.
    pub figures: PhraseSet<FigureWord>,
    /// Numbers and quantifiers.
    pub numbers: NumberLexicon,
    /// Hedge cues.
    pub hedges: PhraseSet<Hedge>,
    /// Attribution cues.
    pub attribution: PhraseSet<AttrPos>,
    /// Month names → 1..=12.
    pub months: HashMap<String, u8>,
    /// Month names as a set (for the segmenter).
    pub month_set: HashSet<String>,
    /// Weekday names → 1 (Monday) ..= 7.
    pub weekdays: HashMap<String, u8>,
    /// Words like "Jahr", "year", "году" that introduce or follow a year.
    pub year_words: HashSet<String>,
    /// Abbreviations that do not end a sentence.
    pub abbreviations: HashSet<String>,
    /// Subject pronouns for a person ("er", "he", "он"): the `pronoun` cues.
    pub pronouns: HashSet<String>,
    /// Subject pronouns for a group ("sie", "they", "они"): the
    /// `group_pronoun` cues.
    pub group_pronouns: HashSet<String>,
    /// Cue phrases.
    pub cues: PhraseSet<Cue>,
    /// The `nationwide` and `city_ref` cues, matched on their own so that
    /// other cues do not hide them ("of the" before "the country").
    pub scope: PhraseSet<Cue>,
    /// The language lists `participle` cues: its passive is an auxiliary
    /// right before a participle.
    pub has_participles: bool,
    /// Clause openers (the `clause_opener` and `conjunction` cues), for the
    /// segmenter.
    pub clause_openers: PhraseSet<Opener>,
}

fn row_err(file: &str, row: &Row, message: impl Into<String>) -> LexiconError {
    LexiconError::row(file, row.line, message)
}

impl Lexicon {
    /// The embedded lexicon of `lang`, if there is one.
    pub fn embedded(lang: &str) -> Option<Result<Lexicon, LexiconError>> {
        let code = *LANGUAGES.iter().find(|l| **l == lang)?;
        let files: Vec<(&str, &str)> = EMBEDDED
            .iter()
            .filter(|(l, _, _)| *l == code)
            .map(|(_, f, c)| (*f, *c))
            .collect();
        Some(Lexicon::from_sources(code, &files))
    }

    /// Builds a lexicon from `(file name, content)` pairs (all of [`FILES`]).
    pub fn from_sources(
        lang: &'static str,
        files: &[(&str, &str)],
    ) -> Result<Lexicon, LexiconError> {
        let table = |name: &str| -> Result<(String, Vec<Row>), LexiconError> {
            let format = FILES
                .iter()
                .find(|(f, _)| *f == name)
                .map(|(_, fmt)| *fmt)
                .unwrap_or("");
            let path = format!("resources/{lang}/{name}");
            let content = files
                .iter()
                .find(|(f, _)| *f == name)
                .map(|(_, c)| *c)
                .ok_or_else(|| LexiconError::format(path.clone(), format))?;
            Ok((path.clone(), parse_table(&path, content, format)?))
        };

        let (f, rows) = table("triggers.tsv")?;
        let mut trig = Vec::new();
        for r in &rows {
            // "-" marks a blocker: a phrase that contains a trigger word but
            // names no happening ("riot police", "death toll").
            let block = r.cols[1] == "-";
            let kind: Kind = if block {
                Kind::Other
            } else {
                r.cols[1]
                    .parse()
                    .map_err(|e: chronik_model::UnknownName| row_err(&f, r, e.to_string()))?
            };
            let mut t = Trigger {
                kind,
                weak: false,
                block,
                sub_type: None,
                actor: None,
                victim: false,
                resign: false,
            };
            for flag in r
                .cols
                .get(2)
                .map(|s| s.as_str())
                .unwrap_or("")
                .split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
            {
                if flag == "weak" {
                    t.weak = true;
                } else if flag == "victim" {
                    t.victim = true;
                } else if flag == "resign" {
                    t.resign = true;
                } else if let Some(s) = flag.strip_prefix("sub=") {
                    t.sub_type =
                        Some(s.parse().map_err(|e: chronik_model::UnknownName| {
                            row_err(&f, r, e.to_string())
                        })?);
                } else if let Some(s) = flag.strip_prefix("actor=") {
                    t.actor =
                        Some(s.parse().map_err(|e: chronik_model::UnknownName| {
                            row_err(&f, r, e.to_string())
                        })?);
                } else {
                    return Err(row_err(
                        &f,
                        r,
                        format!("unknown flag {flag:?} (weak, victim, resign, sub=…, actor=…)"),
                    ));
                }
            }
            trig.push((r.cols[0].clone(), t, r.line));
        }

        let (f, rows) = table("actors.tsv")?;
        let mut actors = Vec::new();
        let mut crowd = Vec::new();
        for r in &rows {
            // "-" marks a blocker: a phrase that contains an actor word but
            // names a thing ("police car", "Polizeiwagen").
            // "crowd": a plain crowd noun ("people", "Menschenmenge"):
            // protesters, but rioters when the crowd riots or storms.
            if r.cols[1] == "crowd" {
                crowd.push((r.cols[0].clone(), (), r.line));
                actors.push((r.cols[0].clone(), Some(ActorRole::Protesters), r.line));
                continue;
            }
            let role: Option<ActorRole> = match r.cols[1].as_str() {
                "-" => None,
                w => Some(
                    w.parse()
                        .map_err(|e: chronik_model::UnknownName| row_err(&f, r, e.to_string()))?,
                ),
            };
            actors.push((r.cols[0].clone(), role, r.line));
        }

        let (f, rows) = table("figures.tsv")?;
        let mut figs = Vec::new();
        for r in &rows {
            let what = match r.cols[1].as_str() {
                "person" => None,
                w => Some(
                    w.parse::<FigureWhat>()
                        .map_err(|e| row_err(&f, r, e.to_string()))?,
                ),
            };
            let noun = match r.cols[2].as_str() {
                "noun" => true,
                "verb" => false,
                other => {
                    return Err(row_err(
                        &f,
                        r,
                        format!("pos must be noun or verb, not {other:?}"),
                    ));
                }
            };
            figs.push((r.cols[0].clone(), FigureWord { what, noun }, r.line));
        }

        let (f, rows) = table("numbers.tsv")?;
        let mut words = HashMap::new();
        for r in &rows {
            let v: u64 = r.cols[1]
                .parse()
                .map_err(|_| row_err(&f, r, "value must be a whole number"))?;
            let w = match r.cols[2].as_str() {
                "num" => NumWord::Num(v),
                "weak" => NumWord::WeakNum(v),
                "mult" => NumWord::Mult(v),
                "vague" => NumWord::Vague(v),
                other => {
                    return Err(row_err(
                        &f,
                        r,
                        format!("type must be num, weak, mult or vague, not {other:?}"),
                    ));
                }
            };
            words.insert(r.cols[0].to_lowercase(), w);
        }

        let (f, rows) = table("quantifiers.tsv")?;
        let mut quants = Vec::new();
        for r in &rows {
            let q = match r.cols[1].as_str() {
                "range_start" => Quant::RangeStart,
                "range_join" => Quant::RangeJoin,
                q => Quant::Qualifier(
                    q.parse::<Qualifier>()
                        .map_err(|e| row_err(&f, r, e.to_string()))?,
                ),
            };
            quants.push((r.cols[0].clone(), q, r.line));
        }

        let (f, rows) = table("hedges.tsv")?;
        let mut hedges = Vec::new();
        for r in &rows {
            let h = match r.cols[1].as_str() {
                "lexical" => Hedge::Lexical,
                "reported" => Hedge::Reported,
                other => {
                    return Err(row_err(
                        &f,
                        r,
                        format!("type must be lexical or reported, not {other:?}"),
                    ));
                }
            };
            hedges.push((r.cols[0].clone(), h, r.line));
        }

        let (f, rows) = table("attribution.tsv")?;
        let mut attr = Vec::new();
        for r in &rows {
            let p = match r.cols[1].as_str() {
                "before" => AttrPos::Before,
                "after" => AttrPos::After,
                "verb" => AttrPos::Verb,
                other => {
                    return Err(row_err(
                        &f,
                        r,
                        format!("position must be before, after or verb, not {other:?}"),
                    ));
                }
            };
            attr.push((r.cols[0].clone(), p, r.line));
        }

        let (f, rows) = table("dates.tsv")?;
        let mut months = HashMap::new();
        let mut weekdays = HashMap::new();
        let mut year_words = HashSet::new();
        for r in &rows {
            let v: u8 = r.cols[2]
                .parse()
                .map_err(|_| row_err(&f, r, "value must be a small number"))?;
            let w = r.cols[0].to_lowercase();
            match r.cols[1].as_str() {
                "month" => {
                    months.insert(w, v);
                }
                "weekday" => {
                    weekdays.insert(w, v);
                }
                "year" => {
                    year_words.insert(w);
                }
                other => {
                    return Err(row_err(
                        &f,
                        r,
                        format!("type must be month, weekday or year, not {other:?}"),
                    ));
                }
            }
        }
        let month_set = months.keys().cloned().collect();

        let (_, rows) = table("abbreviations.tsv")?;
        let abbreviations = rows
            .iter()
            .map(|r| r.cols[0].trim_end_matches('.').to_lowercase())
            .collect();

        let (f, rows) = table("cues.tsv")?;
        let mut cues = Vec::new();
        let mut openers = Vec::new();
        let mut scope = Vec::new();
        let mut pronouns = HashSet::new();
        let mut group_pronouns = HashSet::new();
        for r in &rows {
            match r.cols[1].as_str() {
                "pronoun" => {
                    pronouns.insert(r.cols[0].to_lowercase());
                    continue;
                }
                "group_pronoun" => {
                    group_pronouns.insert(r.cols[0].to_lowercase());
                    continue;
                }
                _ => {}
            }
            let c = match r.cols[1].as_str() {
                "clause_opener" | "conjunction" => Cue::ClauseOpener,
                "passive_aux" => Cue::PassiveAux,
                "passive_form" => Cue::PassiveForm,
                "agent_prep" => Cue::AgentPrep,
                "target_prep" => Cue::TargetPrep,
                "against" => Cue::Against,
                "irrealis" => Cue::Irrealis,
                "negation" => Cue::Negation,
                "severe" => Cue::Severe,
                "violent" => Cue::Violent,
                "clutter" => Cue::Clutter,
                "filler" => Cue::Filler,
                "unit" => Cue::Unit,
                "reference" => Cue::Reference,
                "place_in" => Cue::PlaceIn,
                "seat" => Cue::Seat,
                "origin" => Cue::Origin,
                "nationwide" => Cue::Nationwide,
                "article" => Cue::Article,
                "participle" => Cue::Participle,
                "city_ref" => Cue::CityRef,
                "place_rel" => Cue::PlaceRel,
                "there_ref" => Cue::ThereRef,
                "indefinite" => Cue::Indefinite,
                "region_ref" => Cue::RegionRef,
                "infinitive" => Cue::Infinitive,
                other => return Err(row_err(&f, r, format!("unknown cue {other:?}"))),
            };
            if c == Cue::ClauseOpener {
                let kind = if r.cols[1] == "conjunction" {
                    Opener::Conjunction
                } else {
                    Opener::Subordinate
                };
                openers.push((r.cols[0].clone(), kind, r.line));
            } else if matches!(
                c,
                Cue::Nationwide | Cue::CityRef | Cue::PlaceRel | Cue::ThereRef | Cue::RegionRef
            ) {
                scope.push((r.cols[0].clone(), c, r.line));
            } else {
                cues.push((r.cols[0].clone(), c, r.line));
            }
        }

        Ok(Lexicon {
            lang,
            triggers: PhraseSet::new(trig),
            actors: PhraseSet::new(actors),
            crowd: PhraseSet::new(crowd),
            figures: PhraseSet::new(figs),
            numbers: NumberLexicon {
                words,
                quants: PhraseSet::new(quants),
                compounds: lang == "de",
            },
            hedges: PhraseSet::new(hedges),
            attribution: PhraseSet::new(attr),
            months,
            month_set,
            weekdays,
            year_words,
            abbreviations,
            pronouns,
            group_pronouns,
            has_participles: cues.iter().any(|(_, c, _)| *c == Cue::Participle),
            cues: PhraseSet::new(cues),
            scope: PhraseSet::new(scope),
            clause_openers: PhraseSet::new(openers),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_loads() {
        for lang in LANGUAGES {
            let lex = Lexicon::embedded(lang)
                .expect("registered")
                .unwrap_or_else(|e| panic!("{lang}: {e}"));
            assert!(!lex.triggers.values().is_empty(), "{lang}: no triggers");
            assert!(lex.months.len() >= 12, "{lang}: months");
        }
        assert!(Lexicon::embedded("fr").is_none());
    }

    #[test]
    fn bad_rows_name_file_and_line() {
        let mut files: Vec<(&str, &str)> = EMBEDDED
            .iter()
            .filter(|(l, _, _)| *l == "en")
            .map(|(_, f, c)| (*f, *c))
            .collect();
        let bad = "# FORMAT: phrase\tkind\t[flags]\nriot\triots\n";
        files.retain(|(f, _)| *f != "triggers.tsv");
        files.push(("triggers.tsv", bad));
        let err = Lexicon::from_sources("en", &files)
            .err()
            .expect("must fail");
        assert_eq!(
            err.to_string(),
            "resources/en/triggers.tsv:2: unknown kind \"riots\""
        );
    }
}
