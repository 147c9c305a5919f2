//! Assembly: annotations of one clause become event mentions and figures.
//!
//! The recipe per clause: find triggers → drop negated and irrealis ones →
//! weak reference nouns yield to verbs of other kinds → one mention per kind,
//! the clause split between kinds → kind + context → ACLED sub-type →
//! actors, claim (hedge, source), date, place. Figures: each amount with a
//! counted noun or casualty verb next to it.

use chronik_model::{ActorRole, FigureWhat, Kind, Qualifier, SubType};

use crate::amount::{Amount, find_amounts};
use crate::lexicon::PhraseMatch;
use crate::resources::{AttrPos, Cue, Lexicon, Trigger};
use crate::segment::{Clause, Opener, Sentence};
use crate::text::Token;

/// A mention before offsets are converted (token ranges).
#[derive(Debug, Clone, PartialEq)]
pub struct RawMention {
    /// The kind.
    pub kind: Kind,
    /// ACLED sub-type.
    pub sub_type: SubType,
    /// Evidence tokens.
    pub first: usize,
    /// After the last evidence token.
    pub end: usize,
    /// Who acts.
    pub actor1: Option<ActorRole>,
    /// Whom it targets.
    pub actor2: Option<ActorRole>,
    /// Hedged claim.
    pub hedged: bool,
    /// Attributed source.
    pub source: Option<String>,
}

/// A figure before offsets are converted.
#[derive(Debug, Clone, PartialEq)]
pub struct RawFigure {
    /// What is counted.
    pub what: FigureWhat,
    /// The amount.
    pub amount: Amount,
    /// Evidence tokens.
    pub first: usize,
    /// After the last evidence token.
    pub end: usize,
    /// Hedged claim.
    pub hedged: bool,
    /// Attributed source.
    pub source: Option<String>,
}

/// What the whole sentence says that decides sub-types.
#[derive(Debug, Clone, Copy, Default)]
struct SentenceContext {
    /// Force is used (crowd control, shooting, arrests, killing).
    force: bool,
    /// People killed or gravely hurt, or grave force.
    grave: bool,
}

/// A named actor of the document (chronik-actors), over tokens, with its
/// role in the document's country.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NamedActor {
    /// First token.
    pub first: usize,
    /// After the last token.
    pub end: usize,
    /// Role in the event's country.
    pub role: ActorRole,
    /// A person (not an organisation).
    pub person: bool,
    /// A country acting as its government ("Iran cuts the internet").
    pub state: bool,
    /// A pronoun standing for an actor named before ("er", "they").
    pub pronoun: bool,
}

/// Everything the assembler needs about one document.
pub struct DocView<'a> {
    /// Original text.
    pub text: &'a str,
    /// Tokens.
    pub toks: &'a [Token],
    /// Language knowledge.
    pub lex: &'a Lexicon,
    /// Named actors (and pronouns resolved to them), sorted.
    pub names: &'a [NamedActor],
}

fn cue_matches(view: &DocView, from: usize, to: usize) -> Vec<(PhraseMatch, Cue)> {
    view.lex
        .cues
        .find(view.toks, from, to)
        .into_iter()
        .map(|m| (m, *view.lex.cues.value(&m)))
        .collect()
}

/// Is the sentence page clutter ("Read more", "Lesen Sie auch")?
pub fn is_clutter(view: &DocView, s: &Sentence) -> bool {
    let head = (s.first + 4).min(s.end);
    cue_matches(view, s.first, head)
        .iter()
        .any(|(m, c)| *c == Cue::Clutter && m.first == s.first)
}

/// The triggers of a clause that assert a happening.
fn clause_triggers(
    view: &DocView,
    c: Clause,
    cues: &[(PhraseMatch, Cue)],
) -> Vec<(PhraseMatch, Trigger)> {
    let found: Vec<(PhraseMatch, Trigger)> = view
        .lex
        .triggers
        .find(view.toks, c.first, c.end)
        .into_iter()
        .map(|m| (m, *view.lex.triggers.value(&m)))
        .filter(|(_, t)| !t.block)
        .collect();
    let kept: Vec<(PhraseMatch, Trigger)> = found
        .into_iter()
        .filter(|(m, _)| {
            !cues.iter().any(|(cm, cue)| match cue {
                // "forderten Proteste", "called for a strike", "could storm".
                Cue::Irrealis => cm.end <= m.first && m.first - cm.end <= 4,
                Cue::Negation => cm.end <= m.first && m.first - cm.end <= 2,
                _ => false,
            })
        })
        .collect();
    // A reference noun after "angesichts", "amid", "during" points back to
    // a happening rather than asserting one; in a clause that demands or
    // plans, it asserts nothing.
    let irrealis = cues.iter().any(|(_, c)| *c == Cue::Irrealis);
    // "Proteste gegen hohe Gaspreise", "protests against the reform",
    // "protests over fuel prices", "Festnahme durch die Polizei": a noun
    // with its own target, cause (a reference word right after it) or
    // agent is a happening of its own, also after "during" (not in a
    // clause that only demands it).
    let targeted = |m: &PhraseMatch, t: &Trigger| {
        cues.iter().any(|(cm, cue)| {
            cm.first == m.end
                && (*cue == Cue::Against
                    || *cue == Cue::AgentPrep
                    || (*cue == Cue::Reference
                        && matches!(
                            t.kind,
                            Kind::Demonstration | Kind::Strike | Kind::Riot | Kind::CrowdControl
                        )))
        })
    };
    let kept: Vec<(PhraseMatch, Trigger)> = kept
        .into_iter()
        .filter(|(m, t)| {
            !t.weak
                || !(irrealis
                    || (!targeted(m, t)
                        && cues.iter().any(|(cm, cue)| {
                            *cue == Cue::Reference && cm.end <= m.first && m.first - cm.end <= 2
                        })))
        })
        .collect();
    // "Injuries alone are figures, not event mentions" (EVENTS.md §6): a
    // reference noun next to an injury word names no happening of its own.
    let injury = view
        .lex
        .figures
        .find(view.toks, c.first, c.end)
        .iter()
        .any(|m| {
            matches!(
                view.lex.figures.value(m).what,
                Some(FigureWhat::Injured | FigureWhat::Hospitalized)
            ) && !view.lex.figures.value(m).noun
        });
    let kept: Vec<(PhraseMatch, Trigger)> = kept
        .into_iter()
        .filter(|(_, t)| !(t.weak && injury))
        .collect();
    // A government's resignation is one act, not also a dismissal.
    let resign = kept
        .iter()
        .any(|(_, t)| t.kind == Kind::GovernmentResignation && !t.weak);
    let kept: Vec<(PhraseMatch, Trigger)> = kept
        .into_iter()
        .filter(|(_, t)| !(resign && t.kind == Kind::Dismissal))
        .collect();
    let strong_kinds: Vec<Kind> = kept
        .iter()
        .filter(|(_, t)| !t.weak)
        .map(|(_, t)| t.kind)
        .collect();
    // "At a demonstration in Minsk, people were arrested": a noun with an
    // indefinite article introduces a happening of its own.
    let introduced = |m: &PhraseMatch| {
        m.first > c.first
            && cues
                .iter()
                .any(|(cm, cue)| *cue == Cue::Indefinite && cm.end == m.first)
    };
    kept.into_iter()
        .filter(|(m, t)| {
            !t.weak || introduced(m) || targeted(m, t) || strong_kinds.iter().all(|k| *k == t.kind)
        })
        .collect()
}

/// Maps a kind and its context to the ACLED sub-type (EVENTS.md §2.2, §6).
pub fn sub_type_of(
    kind: Kind,
    ctx_force: bool,
    ctx_grave: bool,
    victim: Option<ActorRole>,
) -> SubType {
    use Kind::*;
    match kind {
        Demonstration | Strike => {
            if ctx_grave {
                SubType::ExcessiveForceAgainstProtesters
            } else if ctx_force {
                SubType::ProtestWithIntervention
            } else {
                SubType::PeacefulProtest
            }
        }
        CrowdControl => {
            if ctx_grave {
                SubType::ExcessiveForceAgainstProtesters
            } else {
                SubType::ProtestWithIntervention
            }
        }
        Shooting | Killing => match victim {
            Some(ActorRole::Police | ActorRole::SecurityForces | ActorRole::Military) => {
                SubType::ViolentDemonstration
            }
            Some(ActorRole::Journalists | ActorRole::Civilians) => SubType::Attack,
            _ => SubType::ExcessiveForceAgainstProtesters,
        },
        Riot | Storming | Arson | Clash => SubType::ViolentDemonstration,
        Looting => SubType::LootingPropertyDestruction,
        Arrest => SubType::Arrests,
        InternetShutdown
        | StateOfEmergency
        | Curfew
        | GovernmentResignation
        | Appointment
        | Dismissal
        | TroopDeployment
        | ForeignIntervention
        | TroopWithdrawal
        | Concession
        | Other => SubType::Other,
    }
}

fn sentence_context(view: &DocView, s: &Sentence) -> SentenceContext {
    let mut ctx = SentenceContext::default();
    for c in &s.clauses {
        let cues = cue_matches(view, c.first, c.end);
        for (_, t) in clause_triggers(view, *c, &cues) {
            match t.kind {
                Kind::CrowdControl | Kind::Shooting | Kind::Arrest => ctx.force = true,
                Kind::Killing => {
                    ctx.force = true;
                    ctx.grave = true;
                }
                _ => {}
            }
        }
        if cues.iter().any(|(_, c)| *c == Cue::Severe) {
            ctx.grave = true;
        }
    }
    ctx
}

/// An actor named in a clause, with the preposition before it.
#[derive(Debug, Clone, Copy)]
struct ActorHit {
    pos: usize,
    /// After its last token.
    end: usize,
    role: ActorRole,
    prep: Option<Cue>,
    /// A named private person: what happens is done to them, not by them.
    private: bool,
    /// A named person.
    named: bool,
    /// A country acting as its government.
    state: bool,
    /// A pronoun standing for an actor named before.
    pronoun: bool,
    /// A plain crowd noun ("people", "Menschenmengen").
    crowd: bool,
}

fn actor_hits(
    view: &DocView,
    c: Clause,
    cues: &[(PhraseMatch, Cue)],
    attr: Option<&Attribution>,
) -> Vec<ActorHit> {
    let outside_attr =
        |first: usize, end: usize| attr.is_none_or(|a| end <= a.first || first >= a.end);
    let prep_before = |first: usize| {
        cues.iter()
            .filter(|(cm, cue)| {
                matches!(cue, Cue::AgentPrep | Cue::TargetPrep | Cue::Against)
                    && cm.end <= first
                    && first - cm.end <= 2
                    // "On Monday the authorities": an article after the
                    // preposition's own noun opens another phrase.
                    && !cues
                        .iter()
                        .any(|(am, c)| *c == Cue::Article && am.first > cm.end && am.end <= first)
                    // "gegen die die Polizei vorgeht": the preposition
                    // opens a relative clause, its noun is the pronoun.
                    && !(cm.first == c.first
                        && view
                            .lex
                            .clause_openers
                            .find(view.toks, cm.first, first)
                            .first()
                            .is_some_and(|o| o.first == cm.first && o.end > cm.end))
            })
            .map(|(_, cue)| match cue {
                Cue::Against => Cue::TargetPrep,
                other => *other,
            })
            .next_back()
    };
    let names: Vec<&NamedActor> = view
        .names
        .iter()
        .filter(|n| n.first >= c.first && n.end <= c.end && outside_attr(n.first, n.end))
        .collect();
    let mut hits: Vec<ActorHit> = view
        .lex
        .actors
        .find(view.toks, c.first, c.end)
        .into_iter()
        .filter(|m| outside_attr(m.first, m.end))
        // A named actor decides over the nouns it overlaps ("Präsident Tokajew").
        .filter(|m| !names.iter().any(|n| n.first < m.end && m.first < n.end))
        .filter_map(|m| {
            Some(ActorHit {
                pos: m.first,
                end: m.end,
                role: (*view.lex.actors.value(&m))?,
                prep: prep_before(m.first),
                private: false,
                named: false,
                state: false,
                pronoun: false,
                crowd: view.lex.crowd.any(view.toks, m.first, m.end),
            })
        })
        .collect();
    for n in names {
        hits.push(ActorHit {
            pos: n.first,
            end: n.end,
            role: n.role,
            prep: prep_before(n.first),
            named: n.person,
            state: n.state,
            pronoun: n.pronoun,
            crowd: false,
            private: n.person
                && matches!(
                    n.role,
                    ActorRole::Civilians
                        | ActorRole::Journalists
                        | ActorRole::Other
                        | ActorRole::Opposition
                        | ActorRole::Protesters
                ),
        });
    }
    hits.sort_by_key(|h| h.pos);
    // "bewaffnete Uniformierte", "armed police": of two actors named side by side the
    // second is the head, the first only says whose.
    let heads: Vec<bool> = (0..hits.len())
        .map(|i| {
            hits.get(i + 1).is_none_or(|n| {
                n.pos != hits[i].end
                    || view.text[view.toks[n.pos - 1].byte_end..view.toks[n.pos].byte_start]
                        .contains(|ch: char| !ch.is_whitespace())
            })
        })
        .collect();
    let mut keep = heads.into_iter();
    hits.retain(|_| keep.next().unwrap_or(true));
    hits
}

/// Only the state arrests, disperses crowds, cuts the internet or declares
/// emergencies: crowds, civilians and journalists named there are its
/// targets ("200 people at the rally, 40 arrested").
fn state_target(kind: Kind, role: ActorRole) -> bool {
    matches!(
        kind,
        Kind::Arrest
            | Kind::CrowdControl
            | Kind::InternetShutdown
            | Kind::StateOfEmergency
            | Kind::Curfew
    ) && (civil_role(role) || role == ActorRole::Journalists)
}

/// Crowds and civilians: they protest, riot and strike.
fn civil_role(r: ActorRole) -> bool {
    matches!(
        r,
        ActorRole::Protesters
            | ActorRole::Workers
            | ActorRole::Civilians
            | ActorRole::Opposition
            | ActorRole::Rioters
    )
}

/// The actor implied by the kind when the clause names none.
fn default_actor1(kind: Kind) -> Option<ActorRole> {
    match kind {
        Kind::Demonstration => Some(ActorRole::Protesters),
        Kind::Strike => Some(ActorRole::Workers),
        Kind::Clash | Kind::Storming | Kind::Arson => Some(ActorRole::Protesters),
        Kind::Riot => Some(ActorRole::Rioters),
        Kind::ForeignIntervention | Kind::TroopWithdrawal => Some(ActorRole::ForeignMilitary),
        _ => None,
    }
}

fn default_actor2(kind: Kind) -> Option<ActorRole> {
    match kind {
        Kind::CrowdControl => Some(ActorRole::Protesters),
        Kind::Clash => Some(ActorRole::Police),
        _ => None,
    }
}

/// Actor roles of a mention: (actor1, actor2, victim for killings).
fn actors(
    kind: Kind,
    trig: &[(PhraseMatch, Trigger)],
    hits: &[ActorHit],
    passive: bool,
) -> (Option<ActorRole>, Option<ActorRole>) {
    let trig_pos = trig.first().map_or(0, |(m, _)| m.first);
    // A gapped trigger ends at its first word: what stands in its gap is
    // no agent right after it ("Hilfe von einem Militärblock anzufordern").
    let trig_end = trig
        .last()
        .map_or(0, |(m, _)| if m.gapped() { m.first + 1 } else { m.end });
    // A named private person is acted upon (arrested, killed, appointed),
    // except when they resign; the head of state appoints and dismisses.
    let own: Vec<ActorHit> = hits
        .iter()
        .filter(|h| {
            if kind == Kind::Appointment {
                // The appointee is named, or is the office the trigger
                // names ("einen neuen Regierungschef", "нового
                // премьер-министра"); the appointer is the president.
                let appointee = h.named && h.role != ActorRole::President;
                let office = trig.iter().any(|(m, _)| m.own_word(h.pos));
                !appointee && !office
            } else if h.state {
                // Crowds act in a country, not the country itself.
                !matches!(
                    kind,
                    Kind::Demonstration
                        | Kind::Strike
                        | Kind::Riot
                        | Kind::Storming
                        | Kind::Arson
                        | Kind::Clash
                        | Kind::Looting
                )
            } else {
                !h.private || kind == Kind::Dismissal
            }
        })
        .copied()
        // An actor inside the trigger's own word is its agent whatever
        // preposition governs the word ("über Polizeigewalt").
        .map(|mut h| {
            if trig.iter().any(|(m, _)| m.own_word(h.pos)) {
                h.prep = None;
            }
            h
        })
        .collect();
    let hits: &[ActorHit] = &own;
    // "Тимур Кулибаев подал в отставку": who resigns acts, whoever is
    // named around them.
    let resign = trig.iter().any(|(_, t)| t.resign);
    // "lost their posts": who is named lost it, nobody named dismissed them.
    let undergoes = trig.iter().any(|(_, t)| t.victim);
    if matches!(kind, Kind::Appointment | Kind::Dismissal)
        && !resign
        && !undergoes
        && let Some(p) = hits.iter().find(|h| {
            h.role == ActorRole::President
                && (h.pos <= trig_pos || h.prep == Some(Cue::AgentPrep))
                && h.prep != Some(Cue::TargetPrep)
        })
    {
        let actor2 = hits
            .iter()
            .find(|h| h.pos != p.pos)
            .map(|h| h.role)
            .filter(|r| *r != p.role);
        return (Some(p.role), actor2);
    }
    let implied = trig.iter().find_map(|(_, t)| t.actor);
    // An agent phrase belongs to a verb near it ("von der Polizei …
    // festgenommen"); see also `sentence_mentions`.
    let agent = hits.iter().find(|h| {
        h.prep == Some(Cue::AgentPrep) && h.pos + 8 >= trig_pos && !state_target(kind, h.role)
    });
    let free: Vec<&ActorHit> = hits
        .iter()
        .filter(|h| h.prep.is_none())
        .filter(|h| !state_target(kind, h.role))
        .collect();
    // A name before the verb outranks a pronoun before it.
    let named_before = free.iter().any(|h| !h.pronoun && h.pos <= trig_pos);
    let free: Vec<&ActorHit> = free
        .into_iter()
        .filter(|h| !(h.pronoun && named_before))
        .collect();
    let target = hits.iter().find(|h| h.prep == Some(Cue::TargetPrep));
    // Protests, strikes and riots are carried out by civilians of some
    // kind; a police or government noun in the clause is their target or
    // context ("Tokajew reagierte auf die Unruhen").
    // In a clash the crowd is the first actor, whichever side is named
    // first ("Gefechte zwischen Polizisten und Studenten").
    let protest_kind = matches!(
        kind,
        Kind::Demonstration | Kind::Strike | Kind::Clash | Kind::Riot
    );
    let actor1_hit: Option<&ActorHit> = if protest_kind {
        hits.iter()
            .find(|h| civil_role(h.role) && h.prep != Some(Cue::TargetPrep))
    } else if agent.is_some_and(|a| {
        passive
            || !free.iter().any(|h| h.pos <= trig_pos)
            || (a.pos > trig_pos && a.pos <= trig_end + 3)
    }) {
        // An agent phrase names the actor of a passive, or right after a
        // participle ("students shot by soldiers"); in an active
        // clause the subject before the verb does ("Der Präsident befahl,
        // die Angriffe von Randalierern abzuwehren").
        agent
    } else if passive || undergoes {
        // "Dutzende Zivilisten kamen um": who dies is no actor.
        None
    } else if matches!(kind, Kind::Storming | Kind::Arson | Kind::Looting) {
        // What a crowd storms or burns is named after the verb ("stormed
        // Parliament"); its actor is a crowd, or whoever stands before.
        free.iter()
            .find(|h| civil_role(h.role))
            .or_else(|| free.iter().find(|h| h.pos <= trig_pos))
            .copied()
    } else if resign {
        free.iter()
            .rfind(|h| h.pos <= trig_pos)
            .or_else(|| free.first())
            .copied()
    } else {
        free.iter()
            .find(|h| h.pos <= trig_pos)
            .or_else(|| free.first())
            .copied()
    };
    // "Several people killed": plain people are who dies, not who kills.
    let actor1_hit = actor1_hit.filter(|h| !(h.crowd && kind == Kind::Killing));
    let mut actor1 = actor1_hit.map(|h| h.role);
    // A plain crowd that riots or storms is rioters ("crowds stormed",
    // "people throwing stones"); named protesters stay protesters.
    if matches!(kind, Kind::Riot | Kind::Storming | Kind::Looting)
        && actor1_hit.is_some_and(|h| h.crowd)
    {
        actor1 = Some(ActorRole::Rioters);
    }
    // Troops sent in from abroad are a foreign military ("sent troops into
    // Kazakhstan").
    if matches!(kind, Kind::ForeignIntervention | Kind::TroopWithdrawal)
        && actor1 == Some(ActorRole::Military)
    {
        actor1 = Some(ActorRole::ForeignMilitary);
    }
    // Citizens who demonstrate are protesters (ACLED codes the crowd of a
    // demonstration as protesters whoever they are).
    if kind == Kind::Demonstration && actor1 == Some(ActorRole::Civilians) {
        actor1 = Some(ActorRole::Protesters);
    }
    // Crowd acts imply their crowd even in the passive ("das Rathaus wurde
    // gestürmt"); other passives without an agent keep actor1 empty, also a
    // fire ("cars were set on fire": who set it is not said).
    let crowd_act = matches!(
        kind,
        Kind::Demonstration | Kind::Strike | Kind::Storming | Kind::Clash
    );
    if actor1.is_none() && (!passive || crowd_act) {
        actor1 = implied.or_else(|| default_actor1(kind));
    }
    let actor2 = target
        .map(|h| h.role)
        .or_else(|| {
            hits.iter()
                .filter(|h| h.prep != Some(Cue::AgentPrep))
                .find(|h| actor1_hit.is_none_or(|a| a.pos != h.pos) && Some(h.role) != actor1)
                .map(|h| h.role)
        })
        .or_else(|| default_actor2(kind))
        .filter(|r| Some(*r) != actor1);
    (actor1, actor2)
}

/// A claim's attribution: the source as written and the tokens of the
/// attributing phrase (cue and source), which name no actor of the event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    /// The source as written ("Innenministerium", "Tokayev").
    pub source: String,
    /// First token of the phrase.
    pub first: usize,
    /// After the last token of the phrase.
    pub end: usize,
}

/// The source a sentence attributes its claims to.
pub fn attribution(view: &DocView, s: &Sentence) -> Option<Attribution> {
    let toks = view.toks;
    let text = view.text;
    for m in view.lex.attribution.find(toks, s.first, s.end) {
        let pos = *view.lex.attribution.value(&m);
        let (a, b) = match pos {
            AttrPos::Before => source_after(text, toks, m.end, s.end),
            AttrPos::After => source_before(view, m.first, s.first),
            AttrPos::Verb => {
                let after = source_after(text, toks, m.end, s.end);
                if after.1 > after.0 && toks[after.0].capitalized {
                    after
                } else {
                    source_before(view, m.first, s.first)
                }
            }
        };
        if b > a {
            return Some(Attribution {
                source: text[toks[a].byte_start..toks[b - 1].byte_end].to_string(),
                first: a.min(m.first),
                end: b.max(m.end),
            });
        }
    }
    None
}

const ARTICLES: &[&str] = &[
    "der", "die", "das", "des", "dem", "den", "ein", "eine", "einem", "einer", "eines", "the", "a",
    "an", "von", "of",
];
/// Words that end a source phrase: relative pronouns and conjunctions.
const SOURCE_STOPS: &[&str] = &[
    "that",
    "which",
    "who",
    "and",
    "und",
    "der",
    "die",
    "das",
    "который",
    "которая",
    "которые",
    "и",
];
const PRONOUNS: &[&str] = &[
    "er", "sie", "he", "she", "they", "we", "wir", "он", "она", "они",
];

fn punct_between(text: &str, toks: &[Token], k: usize) -> bool {
    text[toks[k - 1].byte_end..toks[k].byte_start]
        .contains([',', '.', ';', ':', '(', '"', '“', '”', '«', '»', '„'])
}

/// Up to four tokens after `from` up to punctuation, articles skipped.
fn source_after(text: &str, toks: &[Token], from: usize, limit: usize) -> (usize, usize) {
    let mut a = from;
    while a < limit && ARTICLES.contains(&toks[a].lower.as_str()) {
        a += 1;
    }
    let mut b = a;
    while b < limit && b < a + 4 {
        if b > a && (punct_between(text, toks, b) || SOURCE_STOPS.contains(&toks[b].lower.as_str()))
        {
            break;
        }
        b += 1;
        // Stop after the first capitalised noun run.
        if toks[b - 1].capitalized
            && b < limit
            && !toks[b].capitalized
            && !ARTICLES.contains(&toks[b].lower.as_str())
        {
            break;
        }
    }
    (a, b)
}

/// The subject right before a saying verb or "zufolge": a capitalised run
/// of up to four tokens, or a personal pronoun; leading articles dropped.
fn source_before(view: &DocView, to: usize, limit: usize) -> (usize, usize) {
    let (text, toks) = (view.text, view.toks);
    // A pronoun or a lower-case actor noun ("officials said", "police said").
    if to > limit
        && !toks[to - 1].capitalized
        && (PRONOUNS.contains(&toks[to - 1].lower.as_str())
            || view
                .lex
                .actors
                .find(toks, to - 1, to)
                .iter()
                .any(|m| view.lex.actors.value(m).is_some()))
    {
        return (to - 1, to);
    }
    let mut a = to;
    while a > limit && a + 4 > to {
        let t = &toks[a - 1];
        if a < to && punct_between(text, toks, a) {
            break;
        }
        if !(t.capitalized || (a < to && ARTICLES.contains(&t.lower.as_str()))) {
            break;
        }
        a -= 1;
    }
    while a < to && ARTICLES.contains(&toks[a].lower.as_str()) {
        a += 1;
    }
    (a, to)
}

/// Is the clause hedged (lexical hedge or reported-speech form)?
fn hedged(view: &DocView, from: usize, to: usize) -> bool {
    view.lex.hedges.any(view.toks, from, to)
}

/// Assembles the mentions of one sentence.
pub fn sentence_mentions(view: &DocView, s: &Sentence) -> Vec<RawMention> {
    let ctx = sentence_context(view, s);
    let attr = attribution(view, s);
    let source = attr.as_ref().map(|a| a.source.clone());
    let mut out = Vec::new();
    // The actor named for the sentence's last mention: a later verb
    // without a subject shares it ("Der Präsident entließ den Minister und
    // rief den Notstand aus").
    let mut named_actor1: Option<ActorRole> = None;
    // "Die Behörden haben X, den Leiter …, und zwei Stellvertreter
    // inhaftiert": the subject of the sentence's first clause, when it has
    // no trigger, acts for a verb that comes later without its own (looked
    // up only once a later clause has a trigger).
    let mut lead: Option<(Clause, Vec<(PhraseMatch, Cue)>)> = None;
    for c in &s.clauses {
        let cues = cue_matches(view, c.first, c.end);
        let trig = clause_triggers(view, *c, &cues);
        if trig.is_empty() {
            if c.first == s.first {
                lead = Some((*c, cues));
            }
            continue;
        }
        if let Some((lc, lcues)) = lead.take() {
            named_actor1 = actor_hits(view, lc, &lcues, attr.as_ref())
                .iter()
                .find(|h| h.prep.is_none() && !h.private)
                .map(|h| h.role);
        }
        // Where the language has `participle` cues (English), the passive
        // is an auxiliary right before a participle ("were detained", "were
        // also fired"; not "had been working", "is responding"): those
        // participles. German and Russian put the auxiliary anywhere in the
        // clause.
        let passive_participles: Vec<usize> = cues
            .iter()
            .filter(|(_, c)| *c == Cue::PassiveAux)
            .filter_map(|(a, _)| {
                cues.iter().find_map(|(p, c)| {
                    (*c == Cue::Participle && a.end <= p.first && p.first - a.end <= 2)
                        .then_some(p.first)
                })
            })
            .collect();
        // Group by kind in order of first appearance.
        let mut groups: Vec<(Kind, Vec<(PhraseMatch, Trigger)>)> = Vec::new();
        for (m, t) in trig {
            match groups.iter_mut().find(|(k, _)| *k == t.kind) {
                Some((_, v)) => v.push((m, t)),
                None => groups.push((t.kind, vec![(m, t)])),
            }
        }
        groups.sort_by_key(|(_, v)| v[0].0.first);
        let bounds = split_bounds(view, *c, &cues, &groups);
        let violent = cues.iter().any(|(_, c)| *c == Cue::Violent);
        let hedge = hedged(view, c.first, c.end);
        for (gi, (kind, tr)) in groups.iter().enumerate() {
            let (first, end) = bounds[gi];
            let seg = Clause { first, end };
            let seg_cues: Vec<(PhraseMatch, Cue)> = cues
                .iter()
                .filter(|(m, _)| m.first >= first && m.end <= end)
                .cloned()
                .collect();
            let mut hits = actor_hits(view, seg, &seg_cues, attr.as_ref());
            // A relative clause ("…, die Fenster zerschlugen", "…, who
            // stormed") acts through the actor named right before it.
            // The clause, or the kind's part of it ("at the police who
            // replied with tear gas").
            let trig_at = tr.first().map_or(first, |(m, _)| m.first);
            let opened = if gi == 0 { c.first } else { first };
            if opened > s.first
                && !hits.iter().any(|h| h.prep.is_none() && h.pos <= trig_at)
                && tr.iter().all(|(_, t)| t.actor.is_none_or(civil_role))
            {
                let opens = view
                    .lex
                    .clause_openers
                    .find(view.toks, opened, (opened + 1).min(end));
                if opens.first().is_some_and(|m| {
                    m.first == opened && *view.lex.clause_openers.value(m) == Opener::Subordinate
                }) {
                    let before = Clause {
                        first: opened.saturating_sub(8).max(s.first),
                        end: opened,
                    };
                    // A verb that implies a crowd ("aufstanden") takes only
                    // a crowd as its antecedent ("die Ölarbeiter, die …").
                    let implied = tr.iter().find_map(|(_, t)| t.actor);
                    if let Some(h) = actor_hits(view, before, &[], attr.as_ref())
                        .last()
                        .filter(|h| implied.is_none() || civil_role(h.role))
                    {
                        hits.insert(
                            0,
                            ActorHit {
                                pos: first,
                                prep: None,
                                ..*h
                            },
                        );
                    }
                }
            }
            // "…veranlassten Präsident Tokajew, den Notstand auszurufen und
            // Hilfe anzufordern": an infinitive clause acts through the
            // actor named last before it in the sentence.
            if first > s.first
                && !hits.iter().any(|h| h.prep.is_none() && h.pos <= trig_at)
                && seg_cues
                    .iter()
                    .any(|(m, cue)| *cue == Cue::Infinitive && m.end + 1 >= end)
                && let Some(h) = actor_hits(
                    view,
                    Clause {
                        first: s.first,
                        end: first,
                    },
                    &cue_matches(view, s.first, first),
                    attr.as_ref(),
                )
                .iter()
                .rfind(|h| h.prep.is_none() && !h.private)
            {
                hits.insert(0, ActorHit { pos: first, ..*h });
            }
            let mut kind = *kind;
            if violent && kind == Kind::Demonstration {
                kind = Kind::Riot;
            }
            // An agent phrase after the verb belongs to it up to the next
            // punctuation ("were detained … by police"; not "arrested, many
            // of them armed by militias").
            let verb_end = tr.iter().map(|(m, _)| m.end).max().unwrap_or(first);
            hits.retain(|h| {
                h.prep != Some(Cue::AgentPrep)
                    || h.pos <= verb_end
                    || !(verb_end.max(1)..=h.pos).any(|k| {
                        view.text[view.toks[k - 1].byte_end..view.toks[k].byte_start]
                            .contains([',', ';', '.', ':'])
                    })
            });
            // A passive belongs to the trigger when no clause opener stands
            // between them ("was alarmed as the police cracked down" is
            // active).
            let at = tr.first().map_or(first, |(m, _)| m.first);
            let passive = if view.lex.has_participles {
                passive_participles.iter().any(|&p| {
                    !(p.min(at) + 1..p.max(at))
                        .any(|k| view.lex.clause_openers.any(view.toks, k, k + 1))
                })
            } else {
                // German and Russian: an auxiliary anywhere in the clause
                // ("wurden … getötet und … in Brand gesteckt", "getötet, …
                // verletzt und festgenommen worden"); a passive verb form
                // in the kind's own part ("Правительство ушло в отставку, в
                // стране введен режим ЧП" is active, then passive).
                cues.iter().any(|(_, c)| *c == Cue::PassiveAux)
                    || seg_cues.iter().any(|(_, c)| *c == Cue::PassiveForm)
            };
            let (mut actor1, actor2) = actors(kind, tr, &hits, passive);
            // Before what the kind implies: "crowds stormed and torched …"
            // are the same crowd.
            let carried = (hits.is_empty()
                || (actor1.is_none()
                    && !hits.iter().any(|h| h.prep.is_none() && h.pos <= trig_at)))
                && !passive
                && !tr.iter().any(|(_, t)| t.victim || t.actor.is_some());
            if carried && let Some(r) = named_actor1.filter(|r| !state_target(kind, *r)) {
                actor1 = Some(r);
            }
            // The carried actor goes on to the next verb ("…, plünderten und
            // stürmten").
            if !carried {
                named_actor1 = actor1.filter(|a| {
                    hits.iter().any(|h| {
                        h.prep != Some(Cue::TargetPrep)
                            && (h.role == *a || (h.crowd && *a == ActorRole::Rioters))
                    })
                });
            }
            // "Die Proteste eskalierten": protests that turn violent are
            // still carried by their protesters.
            if kind == Kind::Riot
                && matches!(actor1, None | Some(ActorRole::Rioters))
                && !hits.iter().any(|h| h.prep.is_none())
                && view
                    .lex
                    .triggers
                    .find(view.toks, first, end)
                    .iter()
                    .any(|m| {
                        view.lex.triggers.value(m).kind == Kind::Demonstration
                            && tr.first().is_some_and(|(t, _)| m.first < t.first)
                    })
            {
                actor1 = Some(ActorRole::Protesters);
            }
            let victim = if matches!(kind, Kind::Killing | Kind::Shooting) {
                actor2
            } else {
                None
            };
            let sub_type = tr
                .iter()
                .find_map(|(_, t)| t.sub_type)
                .unwrap_or_else(|| sub_type_of(kind, ctx.force, ctx.grave, victim));
            out.push(RawMention {
                kind,
                sub_type,
                first,
                end,
                actor1,
                actor2,
                hedged: hedge,
                source: source.clone(),
            });
        }
    }
    out
}

/// Token bounds for each kind group of a clause: the clause split between
/// consecutive groups at a conjunction or comma, else in the middle.
fn split_bounds(
    view: &DocView,
    c: Clause,
    cues: &[(PhraseMatch, Cue)],
    groups: &[(Kind, Vec<(PhraseMatch, Trigger)>)],
) -> Vec<(usize, usize)> {
    let mut cuts = vec![c.first];
    for w in groups.windows(2) {
        let left_end = w[0].1.iter().map(|(m, _)| m.end).max().unwrap_or(c.first);
        let right_start = w[1].1[0].0.first;
        let lo = left_end.min(right_start);
        let mut cut = None;
        let mut aux = None;
        for k in lo..right_start.max(lo) {
            let gap = if k > 0 {
                &view.text[view.toks[k - 1].byte_end..view.toks[k].byte_start]
            } else {
                ""
            };
            // "gegen die Regierung": after a preposition "die" is an
            // article, not a relative pronoun.
            let after_prep = cues
                .iter()
                .any(|(m, cue)| m.end == k && cue.is_preposition());
            if gap.contains(',')
                || (!after_prep && view.lex.clause_openers.any(view.toks, k, k + 1))
            {
                cut = Some(k);
            }
            // "Bei Protesten gegen die Regierung | wurden zwölf Menschen
            // festgenommen": the right verb's auxiliary starts its part.
            if aux.is_none()
                && k > lo
                && cues
                    .iter()
                    .any(|(m, cue)| *cue == Cue::PassiveAux && m.first == k)
            {
                aux = Some(k);
            }
        }
        // "detained dozens of people | at protests against …": a
        // preposition right before the right trigger starts its part.
        let prep = cues
            .iter()
            .filter(|(m, cue)| {
                (cue.is_preposition() || *cue == Cue::Reference)
                    && m.first > lo
                    && m.end <= right_start
                    && m.end + 2 >= right_start
            })
            .map(|(m, _)| m.first)
            .next_back();
        let cut = cut
            .or(aux)
            .or(prep)
            .unwrap_or((lo + right_start).div_ceil(2))
            .max(*cuts.last().unwrap_or(&c.first) + 1)
            .min(right_start);
        cuts.push(cut);
    }
    cuts.push(c.end);
    cuts.windows(2)
        .map(|w| (w[0], w[1].max(w[0] + 1)))
        .collect()
}

/// Figures of one sentence.
///
/// For each amount: a counted noun right after it ("225 Tote", "4.400
/// Festnahmen") decides what is counted; a person or participant noun
/// ("26 Demonstranten", "92 people") takes the casualty verb that follows
/// in the clause ("… getötet"); a bare number takes a casualty verb right
/// after it, with only auxiliaries between ("10,000 have been arrested"),
/// or right before it ("arrested nearly 1,200"); a person noun in a
/// sentence about a protest counts participants.
pub fn sentence_figures(view: &DocView, s: &Sentence, demo_in_sentence: bool) -> Vec<RawFigure> {
    let source = attribution(view, s).map(|a| a.source);
    let mut out = Vec::new();
    for c in &s.clauses {
        let amounts = find_amounts(view.text, view.toks, c.first, c.end, &view.lex.numbers);
        if amounts.is_empty() {
            continue;
        }
        let words = view.lex.figures.find(view.toks, c.first, c.end);
        let cues = cue_matches(view, c.first, c.end);
        let filler = |k: usize| {
            cues.iter().any(|(m, cue)| {
                matches!(cue, Cue::Filler | Cue::PassiveAux | Cue::PassiveForm)
                    && m.first <= k
                    && k < m.end
            }) || view.lex.hedges.any(view.toks, k, k + 1)
        };
        let unit = |k: usize| {
            cues.iter()
                .any(|(m, cue)| *cue == Cue::Unit && m.first == k)
        };
        let hedge = hedged(view, c.first, c.end);
        for a in amounts {
            if not_a_count(view, &a, *c) || (a.end < c.end && unit(a.end)) {
                continue;
            }
            let what_of = |m: &PhraseMatch| view.lex.figures.value(m).what;
            // A counted noun right after the number (adjectives may stand between).
            let noun = words.iter().find(|m| {
                view.lex.figures.value(m).noun
                    && m.first >= a.end
                    && m.first <= a.end + 2
                    && !(a.end..m.first)
                        .any(|k| view.toks[k].numeric || amount_word(view, k) || unit(k))
                    && !(a.end..m.first).any(|k| comma_before(view, k))
                    && !if comma_before(view, m.first) {
                        m.first > a.end
                    } else {
                        false
                    }
            });
            // German capitalises nouns: "mehrere Genossen verhaftet" counts
            // people even when the noun is not in the lexicon.
            let bare_noun_end = (noun.is_none()
                && view.lex.lang == "de"
                && a.end < c.end
                && view.toks[a.end].capitalized
                && !comma_before(view, a.end)
                && !unit(a.end)
                && !view.lex.months.contains_key(&view.toks[a.end].lower))
            .then_some(a.end + 1);
            let casualty =
                |m: &&PhraseMatch| what_of(m).is_some_and(|w| w != FigureWhat::Participants);
            let what = match noun.and_then(what_of) {
                Some(w) if w != FigureWhat::Participants => {
                    Some((w, noun.map_or(a.end, |m| m.end), a.first))
                }
                noun_what => {
                    let noun_end = noun.map(|n| n.end).or(bare_noun_end);
                    let verb_after = match noun_end {
                        // "26 Demonstranten wurden … getötet": the clause's casualty verb.
                        Some(ne) => words
                            .iter()
                            .filter(|m| !view.lex.figures.value(m).noun)
                            .find(|m| m.first >= ne && casualty(m)),
                        // "10,000 have been arrested": auxiliaries only between.
                        None => words
                            .iter()
                            .filter(|m| !view.lex.figures.value(m).noun)
                            .find(|m| {
                                m.first >= a.end
                                    && m.first <= a.end + 4
                                    && casualty(m)
                                    && (a.end..m.first).all(|k| filler(k) && !comma_before(view, k))
                                    && !comma_before(view, m.first)
                            }),
                    };
                    let verb_before = words.iter().rev().find(|m| {
                        // "arrested nearly 1,200": no punctuation between verb and number.
                        m.end <= a.first
                            && a.first - m.end <= 2
                            && casualty(m)
                            && !(m.end..=a.first).any(|k| comma_before(view, k))
                    });
                    let nearer_before = match (verb_before, verb_after) {
                        (Some(b), Some(f)) => {
                            a.first - b.end < f.first.saturating_sub(a.end) && noun.is_none()
                        }
                        (Some(_), None) => true,
                        _ => false,
                    };
                    if nearer_before {
                        verb_before.and_then(|m| {
                            what_of(m).map(|w| (w, noun.map_or(a.end, |n| n.end), m.first))
                        })
                    } else if let Some(v) = verb_after {
                        what_of(v).map(|w| (w, v.end, a.first))
                    } else if noun_what == Some(FigureWhat::Participants) {
                        noun.map(|n| (FigureWhat::Participants, n.end, a.first))
                    } else if let Some(n) = noun.filter(|_| demo_in_sentence) {
                        Some((FigureWhat::Participants, n.end, a.first))
                    } else {
                        words
                            .iter()
                            .find(|m| {
                                !view.lex.figures.value(m).noun
                                    && what_of(m) == Some(FigureWhat::Participants)
                                    && m.first >= a.end
                                    && m.first <= a.end + 4
                            })
                            .filter(|_| noun.is_some())
                            .map(|m| (FigureWhat::Participants, m.end, a.first))
                    }
                }
            };
            let Some((what, end, first)) = what else {
                continue;
            };
            out.push(RawFigure {
                what,
                amount: a,
                first: first.min(a.first),
                end: end.max(a.end),
                hedged: hedge,
                source: source.clone(),
            });
        }
    }
    out
}

/// Is there a comma (or other clause punctuation) right before token `k`?
fn comma_before(view: &DocView, k: usize) -> bool {
    k > 0
        && k < view.toks.len()
        && view.text[view.toks[k - 1].byte_end..view.toks[k].byte_start]
            .contains([',', ';', ':', '(', ')'])
}

/// A token that is part of a number word ("hundred", "тысяч").
fn amount_word(view: &DocView, k: usize) -> bool {
    view.lex.numbers.words.contains_key(&view.toks[k].lower)
}

/// Numbers that count no people: dates, years, percentages, times, ages.
fn not_a_count(view: &DocView, a: &Amount, c: Clause) -> bool {
    let toks = view.toks;
    let next = toks.get(a.end).filter(|_| a.end < c.end);
    let prev = (a.number_first > c.first).then(|| &toks[a.number_first - 1]);
    let gap_after = next.map_or("", |n| &view.text[toks[a.end - 1].byte_end..n.byte_start]);
    // "13:00" (a time) on either side of the colon; nobody counts zero people.
    let gap_before = if a.number_first > 0 {
        &view.text[toks[a.number_first - 1].byte_end..toks[a.number_first].byte_start]
    } else {
        ""
    };
    let time_after = gap_before == ":" && prev.is_some_and(|p| p.numeric);
    if gap_after.contains('%')
        || gap_after.starts_with(':')
        || time_after
        || a.low == Some(0)
        || a.high == Some(0)
    {
        return true;
    }
    if next.is_some_and(|n| view.lex.months.contains_key(&n.lower))
        || prev.is_some_and(|p| view.lex.months.contains_key(&p.lower))
    {
        return true;
    }
    if a.qualifier == Qualifier::Exact && a.end == a.number_first + 1 {
        let t = &toks[a.number_first];
        let year_like = t.lower.len() == 4
            && t.lower
                .parse::<u32>()
                .is_ok_and(|y| (1900..=2100).contains(&y));
        if year_like
            && prev.is_some_and(|p| {
                matches!(
                    p.lower.as_str(),
                    "in" | "im" | "seit" | "since" | "von" | "bis" | "jahr" | "year" | "в" | "году"
                )
            })
        {
            return true;
        }
    }
    false
}
