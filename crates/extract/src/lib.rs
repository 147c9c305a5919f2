//! chronik-extract: one document in, its event mentions and figures out.
//!
//! ```text
//! Document ─▶ language ─▶ tokens ─▶ sentences/clauses ─▶ annotate
//!   (triggers, actors, amounts, hedges, attribution, dates, places)
//!   ─▶ assemble per clause ─▶ DocResult (char offsets into the original text)
//! ```
//!
//! [`Extractor::new`] loads all resources once (they are embedded in the
//! binary); [`Extractor::extract`] is then a pure function of the document,
//! safe to call from many threads.
#![deny(missing_docs)]

pub mod amount;
pub mod assemble;
pub mod langid;
pub mod lexicon;
pub mod resources;
pub mod segment;
pub mod text;
pub mod when;

use std::collections::HashMap;

use chronik_model::{
    ActorRole, CharSpan, DocResult, Document, EventMention, Figure, Location, PartialDate,
};

use crate::assemble::{
    DocView, NamedActor, RawMention, is_clutter, sentence_figures, sentence_mentions,
};
use crate::lexicon::LexiconError;
use crate::resources::{Cue, LANGUAGES, Lexicon};
use crate::segment::{SegmentRules, Sentence, segment};
use crate::text::{CharIndex, Token, tokenize};
use crate::when::When;

/// The extractor could not be built.
#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    /// A resource file is malformed.
    #[error("resource error: {0}")]
    Lexicon(#[from] LexiconError),
    /// A gazetteer file is malformed.
    #[error("gazetteer error: {0}")]
    Geo(#[from] chronik_geo::GeoError),
    /// A temporal resource file is malformed.
    #[error("temporal resource error: {0}")]
    Temporal(#[from] chronik_temporal::TemporalError),
    /// An entity resource file is malformed.
    #[error("entity resource error: {0}")]
    Entities(#[from] chronik_actors::Error),
}

/// Holds the loaded resources; `extract` runs per document.
pub struct Extractor {
    lexicons: HashMap<&'static str, Lexicon>,
    gazetteer: chronik_geo::Gazetteer,
    tagger: chronik_temporal::Tagger,
    entities: chronik_actors::Entities,
}

impl Extractor {
    /// Loads the embedded resources of every supported language.
    pub fn new() -> Result<Extractor, ExtractError> {
        let mut lexicons = HashMap::new();
        for lang in LANGUAGES {
            if let Some(lex) = Lexicon::embedded(lang) {
                lexicons.insert(*lang, lex?);
            }
        }
        Ok(Extractor {
            lexicons,
            gazetteer: chronik_geo::Gazetteer::embedded()?,
            tagger: chronik_temporal::Tagger::new()?,
            entities: chronik_actors::Entities::embedded()?,
        })
    }

    /// The language a document is processed as: its `lang` field, else the
    /// identified language of its text.
    pub fn language(&self, doc: &Document) -> String {
        match &doc.lang {
            Some(l) if !l.trim().is_empty() => l.trim().to_lowercase(),
            _ => langid::identify(&doc.text),
        }
    }

    /// Extracts the event mentions and figures of one document.
    pub fn extract(&self, doc: &Document) -> DocResult {
        self.extract_with_notes(doc).0
    }

    /// Like [`Extractor::extract`], with one note per event mention saying
    /// which words dated it and how (for `chronik extract --pretty`).
    pub fn extract_with_notes(&self, doc: &Document) -> (DocResult, Vec<when::DateChoice>) {
        let mut notes = Vec::new();
        let lang = self.language(doc);
        let mut result = DocResult {
            id: doc.id.clone(),
            lang: Some(lang.clone()),
            relevant: false,
            events: Vec::new(),
            figures: Vec::new(),
        };
        let Some(lex) = self.lexicons.get(lang.as_str()) else {
            return (result, notes);
        };
        let text = doc.text.as_str();
        let toks = tokenize(text);
        let rules = SegmentRules {
            abbreviations: &lex.abbreviations,
            months: &lex.month_set,
            clause_openers: &lex.clause_openers,
        };
        let sentences = segment(text, &toks, &rules);

        let index = CharIndex::new(text);

        let when = When::new(&self.tagger, &lang, text, &toks, doc.date);
        let entity_mentions = self.entities.recognize(text, lex.lang);
        // Persons and bodies of a known country vote for the report's
        // country too ("Tokajew" for Kazakhstan); outlets only report.
        let entity_votes: Vec<(&str, u32)> = entity_mentions
            .iter()
            .filter_map(|m| {
                let e = self.entities.get(m.entity?);
                if e.outlet || e.generic {
                    return None;
                }
                Some((e.country.as_deref()?, ENTITY_VOTE))
            })
            .collect();
        let (mut places, foreign, focus) = self.places(lex, text, &toks, &entity_votes);
        // A report that names one town only is about that town; one that
        // names none but its dateline's is about that.
        let is_town =
            |p: &&DocPlace| p.location.name.is_some() && p.location.geo_precision != Some(3);
        let towns: Vec<&Location> = places
            .iter()
            .filter(|p| !p.dateline)
            .filter(is_town)
            .map(|p| &p.location)
            .collect();
        let datelined = |t: &Location| {
            places
                .iter()
                .any(|p| p.dateline && same_place(&p.location, t))
        };
        let focus_town = match towns.first() {
            Some(t) => (towns.iter().all(|o| same_place(o, t))
                && (towns.len() >= 2 || datelined(t)))
            .then(|| (*t).clone()),
            None => places
                .iter()
                .filter(|p| p.dateline)
                .find(is_town)
                .filter(|p| focus.is_none() || focus == p.location.country)
                .map(|p| p.location.clone()),
        };
        // Towns in text order, datelines included: what "the city" points to.
        let towns_seen: Vec<DocPlace> = places
            .iter()
            .filter(|p| {
                p.placed && p.location.name.is_some() && p.location.geo_precision == Some(1)
            })
            .cloned()
            .collect();
        let regions_seen: Vec<DocPlace> = places
            .iter()
            .filter(|p| p.placed && p.location.geo_precision == Some(3))
            .cloned()
            .collect();
        places.retain(|p| !p.dateline);
        let mut names =
            self.named_actors(lex, &toks, &sentences, entity_mentions, focus.as_deref());
        names.extend(state_agents(
            lex,
            text,
            &toks,
            &sentences,
            places.iter().chain(&foreign),
            focus.as_deref(),
        ));
        names.sort_by_key(|n| n.first);
        let view = DocView {
            text,
            toks: &toks,
            lex,
            names: &names,
        };

        // The report's country as a location: the fallback of every rule.
        let focus_loc = focus.as_deref().map(Location::country_only);
        let mut prev_place: Option<(usize, Location)> = None;
        let mut scene: Option<(usize, PartialDate)> = None;
        for s in &sentences {
            if is_clutter(&view, s) {
                continue;
            }
            let mentions = sentence_mentions(&view, s);
            // The scope cues of the sentence, found once: (first, end, cue).
            let scope: Vec<(usize, usize, Cue)> = lex
                .scope
                .find(&toks, s.first, s.end)
                .iter()
                .map(|c| (c.first, c.end, *lex.scope.value(c)))
                .collect();
            let has = |cue: Cue, from: usize, to: usize| {
                scope
                    .iter()
                    .any(|&(a, b, c)| c == cue && a >= from && b <= to)
            };
            // The town last named before `before`.
            let last_town = |before: usize| {
                towns_seen
                    .iter()
                    .rev()
                    .find(|p| p.first < before)
                    .map(|p| p.location.clone())
            };
            let sentence_place = within(
                self.place_in(&places, s.first, s.end, false),
                has(Cue::CityRef, s.first, s.end)
                    .then(|| last_town(s.end))
                    .flatten(),
            );
            for m in &mentions {
                let here = scene.filter(|(p, _)| *p == s.paragraph).map(|(_, d)| d);
                let choice = when.for_mention(text, s, m.first, m.end, here);
                let date = choice.date;
                notes.push(choice);
                let own = within(
                    self.place_in(&places, m.first, m.end, true),
                    has(Cue::CityRef, m.first, m.end)
                        .then(|| last_town(m.first))
                        .flatten(),
                );
                // In the mention, or in its sentence when that names no place.
                let (from, to) = match sentence_place {
                    None => (s.first, s.end),
                    Some(_) => (m.first, m.end),
                };
                let nationwide = own.is_none() && has(Cue::Nationwide, from, to);
                // Words that point back: "die gesamte Region" to the region
                // last named (else the country), "the city hall" to the town
                // last named, "Auch dort …" to the town of the last sentence
                // that named one.
                let back = || {
                    let region = || {
                        regions_seen
                            .iter()
                            .rev()
                            .find(|p| p.first < m.first)
                            .map(|p| p.location.clone())
                            .or_else(|| focus_loc.clone())
                    };
                    let there = || {
                        prev_place
                            .as_ref()
                            .map(|(_, l)| l.clone())
                            .filter(|l| l.name.is_some())
                            .or_else(|| last_town(m.first))
                    };
                    has(Cue::RegionRef, from, to)
                        .then(region)
                        .flatten()
                        .or_else(|| {
                            has(Cue::CityRef, from, to)
                                .then(|| last_town(m.first))
                                .flatten()
                        })
                        .or_else(|| has(Cue::ThereRef, from, to).then(there).flatten())
                };
                // "…on to Gyumri, where riots began": the place named
                // right before the clause's "where".
                let own = own.or_else(|| {
                    has(
                        Cue::PlaceRel,
                        m.first.saturating_sub(1),
                        m.end.min(m.first + 2),
                    )
                    .then(|| {
                        places
                            .iter()
                            .rev()
                            .find(|p| p.placed && p.first >= s.first && p.end <= m.first)
                            .map(|p| p.location.clone())
                    })
                    .flatten()
                });
                let location = own
                    .or_else(|| nationwide.then(|| focus_loc.clone())?)
                    .or_else(back)
                    .or_else(|| {
                        m.kind.national().then(|| {
                            sentence_place
                                .as_ref()
                                .and_then(|l| l.country.as_deref())
                                .map(Location::country_only)
                                .or_else(|| focus_loc.clone())
                        })?
                    })
                    .or_else(|| sentence_place.clone())
                    .or_else(|| {
                        prev_place
                            .as_ref()
                            .filter(|(p, _)| *p == s.paragraph)
                            .map(|(_, l)| l.clone())
                    })
                    .or_else(|| focus_town.clone())
                    .or_else(|| focus_loc.clone());
                result
                    .events
                    .push(to_mention(text, &toks, &index, m, date, location));
            }
            // A sentence that names three towns or more scatters: the next
            // ones are not placed in its first town.
            let mut towns_here: Vec<&Location> = Vec::new();
            for p in places
                .iter()
                .filter(|p| p.first >= s.first && p.end <= s.end)
            {
                if p.location.name.is_some()
                    && !towns_here.iter().any(|t| same_place(t, &p.location))
                {
                    towns_here.push(&p.location);
                }
            }
            if towns_here.len() >= 3 {
                prev_place = focus_loc.clone().map(|l| (s.paragraph, l));
            } else if let Some(p) = sentence_place {
                prev_place = Some((s.paragraph, p));
            }
            if let Some(d) = when.scene_of(s) {
                scene = Some((s.paragraph, d));
            }
            let demo = mentions.iter().any(|m| {
                matches!(
                    m.kind,
                    chronik_model::Kind::Demonstration
                        | chronik_model::Kind::Strike
                        | chronik_model::Kind::Riot
                        | chronik_model::Kind::Clash
                        | chronik_model::Kind::Storming
                )
            });
            for f in sentence_figures(&view, s, demo) {
                let (start, end) = char_span(&toks, &index, f.first, f.end);
                result.figures.push(Figure {
                    what: f.what,
                    low: f.amount.low,
                    high: f.amount.high,
                    qualifier: f.amount.qualifier,
                    evidence: text[toks[f.first].byte_start..toks[f.end - 1].byte_end].to_string(),
                    span: CharSpan::new(start, end),
                    hedged: f.hedged,
                    source: f.source,
                });
            }
        }
        result.relevant = !result.events.is_empty();
        (result, notes)
    }

    /// Named actors with their role in the document's country, and the
    /// subject pronouns that refer back to the last named person.
    fn named_actors(
        &self,
        lex: &Lexicon,
        toks: &[Token],
        sentences: &[Sentence],
        entity_mentions: Vec<chronik_actors::EntityMention>,
        focus: Option<&str>,
    ) -> Vec<NamedActor> {
        let tok_at = |byte: usize| toks.partition_point(|t| t.byte_end <= byte);
        let mut out: Vec<NamedActor> = Vec::new();
        // Persons named so far: (sentence, first token, role), in text order.
        let mut persons: Vec<(usize, usize, ActorRole)> = Vec::new();
        let sentence_of = |i: usize| sentences.partition_point(|s| s.end <= i);
        let groups: Vec<(usize, ActorRole)> = lex
            .actors
            .find(toks, 0, toks.len())
            .iter()
            .filter_map(|m| Some((m.first, (*lex.actors.value(m))?)))
            .collect();
        let heads: Vec<usize> = groups
            .iter()
            .filter(|(_, r)| *r == ActorRole::President)
            .map(|(p, _)| *p)
            .collect();
        let mut mentions = entity_mentions.into_iter().peekable();
        for (i, t) in toks.iter().enumerate() {
            while let Some(m) = mentions.peek() {
                if m.byte_start > t.byte_start {
                    break;
                }
                let m = mentions.next().expect("peeked");
                let entity = m.entity.map(|id| self.entities.get(id));
                if entity.is_some_and(|e| e.outlet || e.generic) {
                    continue;
                }
                let role = match entity {
                    Some(e) => e.role_in(focus),
                    None if m.kind == chronik_actors::EntityKind::Person => {
                        Some(m.role.unwrap_or(ActorRole::Other))
                    }
                    None => m.role,
                };
                let Some(role) = role else { continue };
                let (first, end) = (tok_at(m.byte_start), tok_at(m.byte_end - 1) + 1);
                if first < end && end <= toks.len() {
                    let person = m.kind == chronik_actors::EntityKind::Person;
                    out.push(NamedActor {
                        first,
                        end,
                        role,
                        person,
                        state: false,
                        pronoun: false,
                    });
                    if person {
                        persons.push((sentence_of(first), first, role));
                    }
                }
            }
            // "The president said he had given orders": the head of state
            // named by office is a person a pronoun can point back to.
            // The office decides over the name's role where both are
            // found ("Präsident Tokajew").
            if heads.binary_search(&i).is_ok() {
                persons.retain(|(_, first, _)| *first != i);
                persons.push((sentence_of(i), i, ActorRole::President));
            }
            // "they", "sie", "они" after the state's forces were named last,
            // not far back: those forces ("sie lösten die Kundgebungen auf").
            // A crowd named last is left alone: "sie" is also "she".
            if lex.group_pronouns.contains(&t.lower)
                && let Some((_, role)) =
                    groups
                        .iter()
                        .take_while(|(p, _)| *p < i)
                        .last()
                        .filter(|(p, r)| {
                            i - p <= 60
                                && matches!(
                                    r,
                                    ActorRole::Police
                                        | ActorRole::Military
                                        | ActorRole::SecurityForces
                                        | ActorRole::Government
                                )
                        })
            {
                out.push(NamedActor {
                    first: i,
                    end: i + 1,
                    role: *role,
                    person: false,
                    state: false,
                    pronoun: true,
                });
            }
            // "he" refers to the last person named in its sentence, else to
            // the first (the subject) of the last sentence that named one.
            let person = || match persons.last() {
                Some((k, _, role)) if *k == sentence_of(i) => Some(*role),
                Some((k, _, _)) => persons
                    .iter()
                    .find(|(j, _, _)| j == k)
                    .map(|(_, _, role)| *role),
                None => None,
            };
            if lex.pronouns.contains(&t.lower)
                && let Some(role) = person()
            {
                out.push(NamedActor {
                    first: i,
                    end: i + 1,
                    role,
                    person: true,
                    state: false,
                    pronoun: true,
                });
            }
        }
        out
    }

    /// The places named in the text (names and region phrases, resolved
    /// against the document's focus country), over tokens, and that country.
    fn places(
        &self,
        lex: &Lexicon,
        text: &str,
        toks: &[Token],
        entity_votes: &[(&str, u32)],
    ) -> (Vec<DocPlace>, Vec<DocPlace>, Option<String>) {
        use chronik_geo::{GeoContext, Level, MentionKind};
        let lang = lex.lang;
        let mentions = self.gazetteer.find(lang, text);
        // A name put in place by a preposition ("in Kasachstan") says what
        // the report is about more than one that acts ("Moskau hat …").
        let focus = self.gazetteer.focus_country_with(
            &mentions,
            |k| {
                let first = toks.partition_point(|t| t.byte_end <= mentions[k].byte_start);
                if first < toks.len() && place_cue_before(lex, text, toks, first) {
                    2
                } else {
                    1
                }
            },
            entity_votes,
        );
        let ctx = GeoContext {
            focus_country: focus.clone(),
        };
        let resolved = self.gazetteer.resolve(&mentions, &ctx);
        let mut places: Vec<DocPlace> = mentions
            .iter()
            .zip(resolved)
            .filter(|(m, _)| {
                matches!(m.kind, MentionKind::Name | MentionKind::Region) && !m.in_org_name
            })
            .filter_map(|(m, p)| {
                let p = p.filter(|p| p.level != Level::Area)?;
                let first = toks.partition_point(|t| t.byte_end <= m.byte_start);
                let end = toks.partition_point(|t| t.byte_start < m.byte_end);
                let word = toks
                    .get(end.saturating_sub(1))
                    .map_or("", |t| t.lower.as_str());
                let genitive = word.ends_with("'s") || (lang == "de" && word.ends_with('s'));
                let location = p.location();
                let cued = place_cue_before(lex, text, toks, first);
                (first < end).then(|| DocPlace {
                    first,
                    end,
                    genitive,
                    cued,
                    placed: true,
                    // A dateline ("NUR-SULTAN -- …", "ALMATY, Jan 5
                    // (Reuters)") names where the outlet writes from, not
                    // where it happened.
                    dateline: is_dateline(text, m.byte_start, m.byte_end),
                    origin: origin_cue_around(lex, toks, first, end),
                    location,
                })
            })
            .collect();
        // A foreign country or town not put in place by a preposition acts
        // or sends ("Russia flew in soldiers", "mit Unterstützung Russlands",
        // "hat Moskau … verkündet"): it places no happening. A town still
        // counts among the document's towns.
        for p in &mut places {
            p.placed = p.cued || focus.is_none() || p.location.country == focus;
        }
        let (places, states): (Vec<DocPlace>, Vec<DocPlace>) = places
            .into_iter()
            .partition(|p| p.placed || p.location.name.is_some());
        (places, states, focus)
    }

    /// The first place named in `toks[from..to]` ("several places in one
    /// clause: the first one named", EVENTS.md §6).
    fn place_in(
        &self,
        places: &[DocPlace],
        from: usize,
        to: usize,
        clause: bool,
    ) -> Option<Location> {
        // "Kazakhstan's biggest city, Almaty", "in Kasachstans größter Stadt
        // Almaty": a country in the genitive introduces the town after it.
        let inside: Vec<&DocPlace> = places
            .iter()
            .filter(|p| p.first >= from && p.end <= to && p.placed && !p.origin)
            .collect();
        if let [a, b, ..] = inside.as_slice()
            && a.location.name.is_none()
            && b.location.name.is_some()
            && a.genitive
            && b.first <= a.end + 4
        {
            return Some(b.location.clone());
        }
        // "unrest in Armenia started in Gyumri": the town inside the
        // country first named is the more specific place.
        let first = inside.first()?;
        if clause
            && first.location.name.is_none()
            && let Some(town) = inside.iter().skip(1).find(|p| {
                p.location.name.is_some()
                    && p.location.country == first.location.country
                    && p.cued
                    && p.first <= first.end + 10
            })
        {
            return Some(town.location.clone());
        }
        Some(first.location.clone())
    }
}

/// Countries that open a clause ("Armenia blocks mobile internet",
/// "Der Sudan hat … verhaftet") act as their government.
fn state_agents<'p>(
    lex: &Lexicon,
    text: &str,
    toks: &[Token],
    sentences: &[Sentence],
    places: impl Iterator<Item = &'p DocPlace>,
    focus: Option<&str>,
) -> Vec<NamedActor> {
    let starts: std::collections::HashSet<usize> = sentences
        .iter()
        .flat_map(|s| s.clauses.iter().map(|c| c.first))
        .collect();
    places
        .filter(|p| p.location.name.is_none() && !p.genitive && !p.cued && !p.dateline)
        // "Kasachstan: Proteste …" is a headline's topic.
        .filter(|p| {
            !text[toks[p.end - 1].byte_end..]
                .trim_start()
                .starts_with(':')
        })
        .filter(|p| {
            let mut k = p.first;
            while k > 0
                && (lex
                    .cues
                    .find(toks, k - 1, k)
                    .iter()
                    .any(|m| *lex.cues.value(m) == Cue::Article)
                    || lex.clause_openers.any(toks, k - 1, k))
            {
                k -= 1;
            }
            starts.contains(&k)
                || k == p.first.saturating_sub(1) && lex.clause_openers.any(toks, k, k + 1)
                || (k > 0 && text[toks[k - 1].byte_end..toks[k].byte_start].contains(','))
        })
        .map(|p| NamedActor {
            first: p.first,
            end: p.end,
            role: if p.location.country.as_deref() == focus || focus.is_none() {
                ActorRole::Government
            } else {
                ActorRole::ForeignGovernment
            },
            person: false,
            state: true,
            pronoun: false,
        })
        .collect()
}

/// The focus-country votes of one mention of a person or body of a known
/// country (a country's name has 3, an adjective 2, a small town 1).
const ENTITY_VOTE: u32 = 1;

/// "the village in Shirak Province": a region named with a
/// reference to a town in it is that town.
fn within(place: Option<Location>, town: Option<Location>) -> Option<Location> {
    match (place, town) {
        (Some(p), Some(t))
            if p.geo_precision == Some(3) && p.country == t.country && p.admin1 == t.admin1 =>
        {
            Some(t)
        }
        (p, _) => p,
    }
}

/// A `place_in` cue ("in", "across", "в") ends at most two words before
/// `first` ("in ganz Russland", "in the US", "по всей России").
fn place_cue_before(lex: &Lexicon, text: &str, toks: &[Token], first: usize) -> bool {
    lex.cues
        .find(toks, first.saturating_sub(4), first)
        .iter()
        .any(|m| {
            *lex.cues.value(m) == Cue::PlaceIn
                && m.end + 2 >= first
                && text[toks[m.end - 1].byte_end..toks[first].byte_start]
                    .chars()
                    .all(|c| c.is_alphabetic() || c.is_whitespace())
        })
}

/// An `origin` cue ends at most two words before the name ("a native of
/// Kurdistan", "родом из Гюмри") or spans it ("aus Gjumri stammende").
fn origin_cue_around(lex: &Lexicon, toks: &[Token], first: usize, end: usize) -> bool {
    lex.cues
        .find(toks, first.saturating_sub(4), (end + 2).min(toks.len()))
        .iter()
        .any(|m| {
            *lex.cues.value(m) == Cue::Origin
                && ((m.end <= first && m.end + 2 >= first) || (m.first < first && m.end >= end))
        })
}

/// The same place: equal GeoNames ids, or equal names and countries.
fn same_place(a: &Location, b: &Location) -> bool {
    match (a.geonames_id, b.geonames_id) {
        (Some(x), Some(y)) => x == y,
        _ => a.name == b.name && a.country == b.country,
    }
}

/// A place name in capitals at the start of a line: a dateline.
fn is_dateline(text: &str, start: usize, end: usize) -> bool {
    let name = &text[start..end];
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    // "ZHANAOZEN/NUR-SULTAN/ALMATY --": every name of a capitals run
    // opening the line belongs to the dateline.
    let before = &text[line_start..start];
    let caps_before = before.len() <= 120
        && !before
            .chars()
            .any(|c| c.is_lowercase() || c.is_ascii_digit());
    // "GYUMRI, Armenia — …", "ALMATY, Kazakhstan (Reuters) -": the country
    // after a capitals town, before the dash, belongs to it.
    let after = text[end..].trim_start();
    let country_of_dateline = caps_before
        && before.trim_end().ends_with(',')
        && before.chars().any(char::is_alphabetic)
        && after.starts_with(['—', '–', '-', '(']);
    country_of_dateline
        || (name.chars().filter(|c| c.is_alphabetic()).count() >= 3
            && !name.chars().any(char::is_lowercase)
            && caps_before
            && (before.trim().is_empty() || before.trim_end().ends_with(['/', ','])))
}

/// A place named in the document, over tokens.
#[derive(Clone)]
struct DocPlace {
    first: usize,
    end: usize,
    /// The name stands in the genitive ("Kazakhstan's", "Kasachstans").
    genitive: bool,
    /// A `place_in` cue stands before the name ("in Almaty").
    cued: bool,
    /// Cued, or of the focus country: it can place a happening.
    placed: bool,
    /// The name opens a line in capitals: a dateline.
    dateline: bool,
    /// Where someone comes from ("a native of Kurdistan", "aus Gjumri
    /// stammende"), not where anything happened.
    origin: bool,
    location: Location,
}

fn char_span(toks: &[Token], index: &CharIndex, first: usize, end: usize) -> (usize, usize) {
    (
        index.char_of(toks[first].byte_start),
        index.char_of(toks[end - 1].byte_end),
    )
}

fn to_mention(
    text: &str,
    toks: &[Token],
    index: &CharIndex,
    m: &RawMention,
    date: Option<PartialDate>,
    location: Option<Location>,
) -> EventMention {
    let (start, end) = char_span(toks, index, m.first, m.end);
    EventMention {
        kind: m.kind,
        sub_type: m.sub_type,
        evidence: text[toks[m.first].byte_start..toks[m.end - 1].byte_end].to_string(),
        span: CharSpan::new(start, end),
        date,
        location,
        actor1: m.actor1,
        actor2: m.actor2,
        hedged: m.hedged,
        source: m.source.clone(),
    }
}

/// Sentences of a text with the rules of `lang` (for tools and tests).
pub fn sentences_of(lex: &Lexicon, text: &str) -> (Vec<Token>, Vec<Sentence>) {
    let toks = tokenize(text);
    let rules = SegmentRules {
        abbreviations: &lex.abbreviations,
        months: &lex.month_set,
        clause_openers: &lex.clause_openers,
    };
    let s = segment(text, &toks, &rules);
    (toks, s)
}
