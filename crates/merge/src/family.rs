//! Kind families: the kinds that can report one real-world act from
//! different angles (EVENTS.md §7).
//!
//! Only mentions of the same family are ever merged. The families follow
//! the contract's examples: riot, clash and crowd_control at one place in
//! one night are one act seen from both sides; a dismissal and the
//! appointment it makes are one decision; a shooting and the killings it
//! causes are one act. A request for foreign troops is a different act
//! from their deployment, so `foreign_intervention` splits by the words of
//! its evidence ([`Family::of`]). Storming and the arson that follows stay
//! apart (the contract says so), as do protests and riots at one place.

use std::fmt;
use std::str::FromStr;
use std::sync::OnceLock;

use chronik_model::Kind;

/// A group of kinds that may describe one act.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Family {
    /// demonstration.
    Protest,
    /// strike.
    Strike,
    /// riot, clash, crowd_control.
    Unrest,
    /// storming.
    Storming,
    /// arson.
    Arson,
    /// looting.
    Looting,
    /// shooting, killing.
    Violence,
    /// arrest.
    Arrest,
    /// internet_shutdown.
    InternetShutdown,
    /// state_of_emergency, curfew.
    Emergency,
    /// government_resignation.
    GovernmentResignation,
    /// appointment, dismissal.
    Personnel,
    /// troop_deployment (own forces).
    TroopDeployment,
    /// foreign_intervention asked for.
    ForeignRequest,
    /// foreign_intervention sent, arriving, acting.
    ForeignIntervention,
    /// troop_withdrawal.
    TroopWithdrawal,
    /// concession.
    Concession,
    /// other.
    Other,
}

impl Family {
    /// Every family, in declaration order.
    pub const ALL: &'static [Family] = &[
        Family::Protest,
        Family::Strike,
        Family::Unrest,
        Family::Storming,
        Family::Arson,
        Family::Looting,
        Family::Violence,
        Family::Arrest,
        Family::InternetShutdown,
        Family::Emergency,
        Family::GovernmentResignation,
        Family::Personnel,
        Family::TroopDeployment,
        Family::ForeignRequest,
        Family::ForeignIntervention,
        Family::TroopWithdrawal,
        Family::Concession,
        Family::Other,
    ];

    /// The family of a mention of `kind` whose evidence is `evidence`.
    pub fn of(kind: Kind, evidence: &str) -> Family {
        match kind {
            Kind::Demonstration => Family::Protest,
            Kind::Strike => Family::Strike,
            Kind::Riot | Kind::Clash | Kind::CrowdControl => Family::Unrest,
            Kind::Storming => Family::Storming,
            Kind::Arson => Family::Arson,
            Kind::Looting => Family::Looting,
            Kind::Shooting | Kind::Killing => Family::Violence,
            Kind::Arrest => Family::Arrest,
            Kind::InternetShutdown => Family::InternetShutdown,
            Kind::StateOfEmergency | Kind::Curfew => Family::Emergency,
            Kind::GovernmentResignation => Family::GovernmentResignation,
            Kind::Appointment | Kind::Dismissal => Family::Personnel,
            Kind::TroopDeployment => Family::TroopDeployment,
            Kind::ForeignIntervention if is_request(evidence) => Family::ForeignRequest,
            Kind::ForeignIntervention => Family::ForeignIntervention,
            Kind::TroopWithdrawal => Family::TroopWithdrawal,
            Kind::Concession => Family::Concession,
            Kind::Other => Family::Other,
        }
    }

    /// Days two reported dates of one act may lie apart. Point events
    /// (a march, a storming) happen on one day, as ACLED codes them;
    /// conditions (a shutdown, a state of emergency, troops in the country)
    /// last, and reports dated a few days apart describe the same one.
    pub fn tolerance_days(self) -> i64 {
        match self {
            Family::InternetShutdown
            | Family::Emergency
            | Family::ForeignIntervention
            | Family::TroopDeployment => 3,
            _ => 0,
        }
    }

    /// True for happenings in one place (street events, shootings,
    /// arrests): they merge only within one town. False for acts of a
    /// state (a shutdown, a decree, an appointment, troops sent), which
    /// merge per country: the town a clause names is where such an act
    /// was announced or felt, not where it happened.
    pub fn is_local(self) -> bool {
        matches!(
            self,
            Family::Protest
                | Family::Strike
                | Family::Unrest
                | Family::Storming
                | Family::Arson
                | Family::Looting
                | Family::Violence
                | Family::Arrest
        )
    }

    /// True for street events, whose clause often names no town while the
    /// report is about one ("Aktau, 14 March. … Police used tear gas"):
    /// such a mention is placed in the report's focus town. Killings and
    /// arrests are not: reports give nationwide tolls ("225 killed", "more
    /// than 10,000 detained") in the same breath as the local story.
    pub fn takes_report_focus(self) -> bool {
        matches!(
            self,
            Family::Protest
                | Family::Strike
                | Family::Unrest
                | Family::Storming
                | Family::Arson
                | Family::Looting
        )
    }

    /// The wire name (snake_case).
    pub fn as_str(self) -> &'static str {
        match self {
            Family::Protest => "protest",
            Family::Strike => "strike",
            Family::Unrest => "unrest",
            Family::Storming => "storming",
            Family::Arson => "arson",
            Family::Looting => "looting",
            Family::Violence => "violence",
            Family::Arrest => "arrest",
            Family::InternetShutdown => "internet_shutdown",
            Family::Emergency => "emergency",
            Family::GovernmentResignation => "government_resignation",
            Family::Personnel => "personnel",
            Family::TroopDeployment => "troop_deployment",
            Family::ForeignRequest => "foreign_request",
            Family::ForeignIntervention => "foreign_intervention",
            Family::TroopWithdrawal => "troop_withdrawal",
            Family::Concession => "concession",
            Family::Other => "other",
        }
    }

    /// Tie-break between the kinds of one event when they are equally
    /// frequent: the kind listed first names the event.
    pub fn kind_priority(kind: Kind) -> u8 {
        match kind {
            Kind::Riot => 0,
            Kind::Clash => 1,
            Kind::CrowdControl => 2,
            Kind::Killing => 0,
            Kind::Shooting => 1,
            Kind::Dismissal => 0,
            Kind::Appointment => 1,
            Kind::StateOfEmergency => 0,
            Kind::Curfew => 1,
            _ => 0,
        }
    }
}

impl fmt::Display for Family {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Family {
    type Err = String;
    fn from_str(s: &str) -> Result<Family, String> {
        Family::ALL
            .iter()
            .copied()
            .find(|f| f.as_str() == s)
            .ok_or_else(|| format!("unknown kind family {s:?}"))
    }
}

/// The request cues, loaded once from `data/request_cues.tsv`.
struct Cues {
    cues: Vec<String>,
    blockers: Vec<String>,
}

fn cues() -> &'static Cues {
    static CUES: OnceLock<Cues> = OnceLock::new();
    CUES.get_or_init(|| {
        let mut c = Cues {
            cues: Vec::new(),
            blockers: Vec::new(),
        };
        for line in include_str!("../data/request_cues.tsv").lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let mut cols = line.split('\t');
            let (Some(phrase), Some(role)) = (cols.next(), cols.next()) else {
                continue;
            };
            match role.trim() {
                "blocker" => c.blockers.push(phrase.to_lowercase()),
                _ => c.cues.push(phrase.to_lowercase()),
            }
        }
        c
    })
}

/// True when a `foreign_intervention` evidence asks for troops rather than
/// reporting them sent.
pub fn is_request(evidence: &str) -> bool {
    let text = evidence.to_lowercase();
    let c = cues();
    !c.blockers.iter().any(|b| text.contains(b.as_str()))
        && c.cues.iter().any(|cue| text.contains(cue.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn family_table() {
        let cases: &[(Kind, &str, Family)] = &[
            (Kind::Riot, "", Family::Unrest),
            (Kind::CrowdControl, "", Family::Unrest),
            (Kind::Clash, "", Family::Unrest),
            (Kind::Dismissal, "", Family::Personnel),
            (Kind::Appointment, "", Family::Personnel),
            (Kind::Storming, "", Family::Storming),
            (Kind::Arson, "", Family::Arson),
            (Kind::Curfew, "", Family::Emergency),
            (
                Kind::ForeignIntervention,
                "Der Präsident bat das Militärbündnis um Hilfe",
                Family::ForeignRequest,
            ),
            (
                Kind::ForeignIntervention,
                "the president asked the alliance for troops",
                Family::ForeignRequest,
            ),
            (
                Kind::ForeignIntervention,
                "президент обратился к союзникам",
                Family::ForeignRequest,
            ),
            (
                Kind::ForeignIntervention,
                "Die Truppen halfen auf Bitten der Regierung",
                Family::ForeignIntervention,
            ),
            (
                Kind::ForeignIntervention,
                "troops arrived at the government's request",
                Family::ForeignIntervention,
            ),
            (
                Kind::ForeignIntervention,
                "Fallschirmjäger landeten in der Stadt",
                Family::ForeignIntervention,
            ),
        ];
        for (kind, evidence, want) in cases {
            assert_eq!(Family::of(*kind, evidence), *want, "{kind} {evidence:?}");
        }
    }

    #[test]
    fn family_names_round_trip() {
        for f in Family::ALL {
            assert_eq!(f.as_str().parse::<Family>().unwrap(), *f);
        }
    }

    #[test]
    fn family_covers_every_kind() {
        for kind in Kind::ALL {
            let _ = Family::of(*kind, "");
        }
    }
}
