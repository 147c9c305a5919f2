//! Kinds of happenings (EVENTS.md §2.1), ACLED types and sub-types (§2.2),
//! actor roles (§2.3). All are snake_case on the wire.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// Why a name is not one of the enumerated values.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {what} {name:?}")]
pub struct UnknownName {
    /// Which enumeration was asked ("kind", "actor role", ...).
    pub what: &'static str,
    /// The name that was given.
    pub name: String,
}

/// Declares a snake_case enum with `as_str`, `ALL`, `Display` and `FromStr`.
macro_rules! named_enum {
    ($(#[$meta:meta])* $name:ident, $what:literal, { $($(#[$vmeta:meta])* $variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($(#[$vmeta])* $variant),+ }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The wire name.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = UnknownName;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $($text => Ok($name::$variant),)+
                    _ => Err(UnknownName { what: $what, name: s.to_string() }),
                }
            }
        }
    };
}

named_enum!(
    /// The fine-grained happening of an event mention (EVENTS.md §2.1).
    Kind, "kind", {
    /// People protested, marched, rallied.
    Demonstration => "demonstration",
    /// Workers stopped work.
    Strike => "strike",
    /// Violent unrest, riots.
    Riot => "riot",
    /// A building or place stormed or occupied by force.
    Storming => "storming",
    /// Something set on fire.
    Arson => "arson",
    /// Looting, weapons shops raided.
    Looting => "looting",
    /// Crowds fighting security forces or each other.
    Clash => "clash",
    /// Tear gas, stun grenades, water cannon, rubber bullets, baton charges.
    CrowdControl => "crowd_control",
    /// Live fire.
    Shooting => "shooting",
    /// People killed.
    Killing => "killing",
    /// People arrested or detained.
    Arrest => "arrest",
    /// Internet, messengers or news sites blocked or cut.
    InternetShutdown => "internet_shutdown",
    /// A state of emergency declared.
    StateOfEmergency => "state_of_emergency",
    /// A curfew imposed.
    Curfew => "curfew",
    /// A government resigned or was dismissed as a whole.
    GovernmentResignation => "government_resignation",
    /// Someone appointed.
    Appointment => "appointment",
    /// Someone dismissed.
    Dismissal => "dismissal",
    /// Own troops deployed.
    TroopDeployment => "troop_deployment",
    /// Foreign troops sent or requested.
    ForeignIntervention => "foreign_intervention",
    /// Troops withdrawn.
    TroopWithdrawal => "troop_withdrawal",
    /// Price cut, policy reversal, release.
    Concession => "concession",
    /// A concrete act without a kind of its own.
    Other => "other",
});

impl Kind {
    /// Acts of the state as a whole (a government resigning, an official
    /// appointed or dismissed): they happen in the country, not in the town
    /// a report last named. Only a place named in or pointed to by the
    /// mention itself ("dort") places them more precisely.
    pub fn national(self) -> bool {
        matches!(
            self,
            Kind::GovernmentResignation | Kind::Appointment | Kind::Dismissal
        )
    }
}

named_enum!(
    /// The ACLED event type (EVENTS.md §2.2).
    EventType, "event type", {
    /// Protests.
    Protest => "protest",
    /// Riots.
    Riot => "riot",
    /// Violence against civilians.
    ViolenceAgainstCivilians => "violence_against_civilians",
    /// Battles.
    Battle => "battle",
    /// Explosions / remote violence.
    ExplosionRemoteViolence => "explosion_remote_violence",
    /// Strategic developments.
    StrategicDevelopment => "strategic_development",
});

named_enum!(
    /// The ACLED sub-event type (EVENTS.md §2.2); it implies its [`EventType`].
    SubType, "sub_type", {
    /// protest: peaceful.
    PeacefulProtest => "peaceful_protest",
    /// protest: force used on it.
    ProtestWithIntervention => "protest_with_intervention",
    /// protest: protesters killed or gravely hurt.
    ExcessiveForceAgainstProtesters => "excessive_force_against_protesters",
    /// riot: violent demonstration.
    ViolentDemonstration => "violent_demonstration",
    /// riot: mob violence.
    MobViolence => "mob_violence",
    /// violence against civilians: attack.
    Attack => "attack",
    /// violence against civilians: abduction.
    AbductionForcedDisappearance => "abduction_forced_disappearance",
    /// violence against civilians: sexual violence.
    SexualViolence => "sexual_violence",
    /// battle: armed clash.
    ArmedClash => "armed_clash",
    /// battle: government regains territory.
    GovernmentRegainsTerritory => "government_regains_territory",
    /// battle: non-state actor overtakes territory.
    NonStateActorOvertakesTerritory => "non_state_actor_overtakes_territory",
    /// remote violence: air or drone strike.
    AirDroneStrike => "air_drone_strike",
    /// remote violence: shelling.
    ShellingArtilleryMissileAttack => "shelling_artillery_missile_attack",
    /// remote violence: explosive, landmine, IED.
    RemoteExplosiveLandmineIed => "remote_explosive_landmine_ied",
    /// remote violence: grenade.
    Grenade => "grenade",
    /// remote violence: suicide bomb.
    SuicideBomb => "suicide_bomb",
    /// remote violence: chemical weapon.
    ChemicalWeapon => "chemical_weapon",
    /// strategic development: agreement.
    Agreement => "agreement",
    /// strategic development: arrests.
    Arrests => "arrests",
    /// strategic development: change to group activity.
    ChangeToGroupActivity => "change_to_group_activity",
    /// strategic development: disrupted weapons use.
    DisruptedWeaponsUse => "disrupted_weapons_use",
    /// strategic development: headquarters or base established.
    HeadquartersOrBaseEstablished => "headquarters_or_base_established",
    /// strategic development: looting, property destruction.
    LootingPropertyDestruction => "looting_property_destruction",
    /// strategic development: non-violent transfer of territory.
    NonViolentTransferOfTerritory => "non_violent_transfer_of_territory",
    /// strategic development: other.
    Other => "other",
});

impl SubType {
    /// The ACLED event type this sub-type belongs to.
    pub fn event_type(self) -> EventType {
        use SubType::*;
        match self {
            PeacefulProtest | ProtestWithIntervention | ExcessiveForceAgainstProtesters => {
                EventType::Protest
            }
            ViolentDemonstration | MobViolence => EventType::Riot,
            Attack | AbductionForcedDisappearance | SexualViolence => {
                EventType::ViolenceAgainstCivilians
            }
            ArmedClash | GovernmentRegainsTerritory | NonStateActorOvertakesTerritory => {
                EventType::Battle
            }
            AirDroneStrike
            | ShellingArtilleryMissileAttack
            | RemoteExplosiveLandmineIed
            | Grenade
            | SuicideBomb
            | ChemicalWeapon => EventType::ExplosionRemoteViolence,
            Agreement
            | Arrests
            | ChangeToGroupActivity
            | DisruptedWeaponsUse
            | HeadquartersOrBaseEstablished
            | LootingPropertyDestruction
            | NonViolentTransferOfTerritory
            | Other => EventType::StrategicDevelopment,
        }
    }
}

named_enum!(
    /// Who acts or is targeted (EVENTS.md §2.3).
    ActorRole, "actor role", {
    /// Protesters, demonstrators.
    Protesters => "protesters",
    /// Rioters, looters, "bandits".
    Rioters => "rioters",
    /// Workers, strikers.
    Workers => "workers",
    /// Civilians, bystanders.
    Civilians => "civilians",
    /// Journalists.
    Journalists => "journalists",
    /// Police.
    Police => "police",
    /// Own military.
    Military => "military",
    /// Security forces, unspecified or mixed.
    SecurityForces => "security_forces",
    /// Government, authorities.
    Government => "government",
    /// The head of state.
    President => "president",
    /// Foreign troops.
    ForeignMilitary => "foreign_military",
    /// A foreign government.
    ForeignGovernment => "foreign_government",
    /// The political opposition.
    Opposition => "opposition",
    /// Armed groups, militants.
    ArmedGroup => "armed_group",
    /// Anyone else.
    Other => "other",
});

named_enum!(
    /// What a figure counts (EVENTS.md §3).
    FigureWhat, "figure kind", {
    /// People killed.
    Killed => "killed",
    /// People injured.
    Injured => "injured",
    /// People taken to hospital.
    Hospitalized => "hospitalized",
    /// People arrested or detained.
    Arrested => "arrested",
    /// People taking part.
    Participants => "participants",
    /// Anything else counted about people in the events.
    Other => "other",
});

named_enum!(
    /// How the bounds of a figure are given (EVENTS.md §3).
    Qualifier, "qualifier", {
    /// "14".
    Exact => "exact",
    /// "at least 400".
    AtLeast => "at_least",
    /// "more than 1000".
    MoreThan => "more_than",
    /// "up to 50", "fewer than 50".
    AtMost => "at_most",
    /// "about 200", "almost 10,000".
    About => "about",
    /// "between 20 and 30".
    Range => "range",
    /// "dozens", "hundreds".
    Vague => "vague",
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_names_round_trip() {
        for k in Kind::ALL {
            assert_eq!(k.as_str().parse::<Kind>().unwrap(), *k);
            assert_eq!(
                serde_json::to_string(k).unwrap(),
                format!("\"{}\"", k.as_str())
            );
        }
        assert!("riots".parse::<Kind>().is_err());
    }

    #[test]
    fn sub_type_implies_type() {
        let cases = [
            (SubType::PeacefulProtest, EventType::Protest),
            (SubType::ExcessiveForceAgainstProtesters, EventType::Protest),
            (SubType::ViolentDemonstration, EventType::Riot),
            (SubType::Attack, EventType::ViolenceAgainstCivilians),
            (SubType::Arrests, EventType::StrategicDevelopment),
            (
                SubType::LootingPropertyDestruction,
                EventType::StrategicDevelopment,
            ),
            (SubType::Grenade, EventType::ExplosionRemoteViolence),
        ];
        for (s, t) in cases {
            assert_eq!(s.event_type(), t, "{s}");
        }
    }
}
