//! ACLED actor names and inter codes for export.
//!
//! ACLED names actors by type and country and codes each with an "inter"
//! number (ACLED Codebook, actor types):
//!
//! | inter | actor type | names used here |
//! |--:|---|---|
//! | 1 | State forces | `Government of X`, `Police Forces of X`, `Military Forces of X` |
//! | 2 | Rebel groups | (no role maps here) |
//! | 3 | Political militias | `Unidentified Armed Group (X)` |
//! | 4 | Identity militias | (no role maps here) |
//! | 5 | Rioters | `Rioters (X)` |
//! | 6 | Protesters | `Protesters (X)` |
//! | 7 | Civilians | `Civilians (X)` |
//! | 8 | External/Other forces | international organisations (`CSTO: Collective Security Treaty Organization`), state forces acting outside their own country (`Military Forces of Russia` in Kazakhstan), other actors |
//!
//! Conventions followed: state forces keep inter 1 only in their own
//! country; the head of state acts as the `Government of X`; workers and
//! the opposition protesting are `Protesters (X)` (ACLED records the group
//! as an associated actor); journalists are `Civilians (X)`; unidentified
//! armed groups are political militias (3). ACLED appends the ruling
//! period to state forces ("Police Forces of Kazakhstan (2019-)"); it
//! depends on who governed when, which the text does not settle, so it is
//! left out. `security_forces` (unspecified or mixed) map to `Police
//! Forces of X`, as crowd control is police work; `other` without an
//! entity is `Other (X)`, not an ACLED name (inter 8).

use std::collections::HashMap;
use std::sync::OnceLock;

use chronik_model::ActorRole;

use crate::entity::Entity;
use crate::table::parse_table;

const COUNTRIES: &str = include_str!("../../../resources/entities/countries.tsv");
const COUNTRIES_FORMAT: &str = "country\tname";

fn countries() -> &'static HashMap<String, String> {
    static TABLE: OnceLock<HashMap<String, String>> = OnceLock::new();
    TABLE.get_or_init(|| {
        // The embedded table is checked by a unit test; a broken one
        // degrades to codes instead of names.
        parse_table("countries.tsv", COUNTRIES, COUNTRIES_FORMAT)
            .unwrap_or_default()
            .into_iter()
            .map(|r| (r.cols[0].to_ascii_uppercase(), r.cols[1].clone()))
            .collect()
    })
}

/// The country name ACLED uses for an ISO 3166-1 alpha-2 code.
pub fn acled_country_name(iso2: &str) -> Option<&'static str> {
    countries()
        .get(&iso2.trim().to_ascii_uppercase())
        .map(String::as_str)
}

fn country_label(iso2: &str) -> String {
    acled_country_name(iso2).map_or_else(
        || {
            if iso2.trim().is_empty() {
                "Unknown".to_string()
            } else {
                iso2.trim().to_ascii_uppercase()
            }
        },
        str::to_string,
    )
}

/// The ACLED actor name and inter code of an actor with `role` in an event
/// in `country_iso2`, named as `entity` when known.
///
/// ```
/// use chronik_actors::{Entities, acled_actor};
/// use chronik_model::ActorRole;
///
/// assert_eq!(acled_actor(ActorRole::Protesters, "KZ", None), ("Protesters (Kazakhstan)".into(), 6));
/// assert_eq!(acled_actor(ActorRole::Police, "KZ", None), ("Police Forces of Kazakhstan".into(), 1));
/// let e = Entities::embedded().unwrap();
/// let vdv = e.get(e.by_key("vdv").unwrap());
/// assert_eq!(
///     acled_actor(ActorRole::ForeignMilitary, "KZ", Some(vdv)),
///     ("Military Forces of Russia".into(), 8)
/// );
/// ```
pub fn acled_actor(role: ActorRole, country_iso2: &str, entity: Option<&Entity>) -> (String, u8) {
    if let Some(name) = entity.and_then(|e| e.acled.as_ref()) {
        let inter = match role {
            ActorRole::Protesters | ActorRole::Workers | ActorRole::Opposition => 6,
            ActorRole::Rioters => 5,
            ActorRole::Civilians | ActorRole::Journalists => 7,
            ActorRole::ArmedGroup => 3,
            _ => 8,
        };
        return (name.clone(), inter);
    }
    let event = country_label(country_iso2);
    let home = entity.and_then(|e| e.country.as_deref());
    let foreign = entity.is_some_and(|e| e.is_foreign_in(Some(country_iso2)));
    // State actors are named after their own state; inter 8 abroad.
    let state = |prefix: &str| -> (String, u8) {
        match home {
            Some(h) if foreign => (format!("{prefix} {}", country_label(h)), 8),
            _ => (format!("{prefix} {event}"), 1),
        }
    };
    let foreign_state = |prefix: &str| -> (String, u8) {
        match home {
            Some(h) if !h.eq_ignore_ascii_case(country_iso2) => {
                (format!("{prefix} {}", country_label(h)), 8)
            }
            _ => (format!("{prefix} Unidentified Country"), 8),
        }
    };
    match role {
        ActorRole::Protesters | ActorRole::Workers | ActorRole::Opposition => {
            (format!("Protesters ({event})"), 6)
        }
        ActorRole::Rioters => (format!("Rioters ({event})"), 5),
        ActorRole::Civilians | ActorRole::Journalists => (format!("Civilians ({event})"), 7),
        ActorRole::ArmedGroup => (format!("Unidentified Armed Group ({event})"), 3),
        ActorRole::Police | ActorRole::SecurityForces => state("Police Forces of"),
        ActorRole::Military => state("Military Forces of"),
        ActorRole::Government | ActorRole::President => state("Government of"),
        ActorRole::ForeignMilitary => foreign_state("Military Forces of"),
        ActorRole::ForeignGovernment => foreign_state("Government of"),
        ActorRole::Other => (format!("Other ({event})"), 8),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Entities;

    #[test]
    fn acled_countries_table_parses() {
        parse_table("countries.tsv", COUNTRIES, COUNTRIES_FORMAT).unwrap();
        assert_eq!(acled_country_name("kz"), Some("Kazakhstan"));
        assert_eq!(acled_country_name("RU"), Some("Russia"));
        assert_eq!(
            acled_country_name("CD"),
            Some("Democratic Republic of Congo")
        );
        assert!(countries().len() >= 249);
    }

    #[test]
    fn acled_actor_table() {
        use ActorRole::*;
        let e = Entities::embedded().unwrap();
        let ent = |k: &str| e.get(e.by_key(k).unwrap());
        let cases: Vec<(ActorRole, &str, Option<&Entity>, &str, u8)> = vec![
            (Protesters, "KZ", None, "Protesters (Kazakhstan)", 6),
            (Workers, "KZ", None, "Protesters (Kazakhstan)", 6),
            (Rioters, "KZ", None, "Rioters (Kazakhstan)", 5),
            (Civilians, "IR", None, "Civilians (Iran)", 7),
            (Journalists, "KZ", None, "Civilians (Kazakhstan)", 7),
            (Police, "KZ", None, "Police Forces of Kazakhstan", 1),
            (
                SecurityForces,
                "KZ",
                Some(ent("knb")),
                "Police Forces of Kazakhstan",
                1,
            ),
            (Military, "KZ", None, "Military Forces of Kazakhstan", 1),
            (Government, "KZ", None, "Government of Kazakhstan", 1),
            (
                President,
                "KZ",
                Some(ent("tokayev")),
                "Government of Kazakhstan",
                1,
            ),
            (
                Police,
                "KZ",
                Some(ent("mvd")),
                "Police Forces of Kazakhstan",
                1,
            ),
            (
                ForeignMilitary,
                "KZ",
                Some(ent("vdv")),
                "Military Forces of Russia",
                8,
            ),
            (
                Military,
                "KZ",
                Some(ent("vdv")),
                "Military Forces of Russia",
                8,
            ),
            (
                ForeignGovernment,
                "KZ",
                Some(ent("putin")),
                "Government of Russia",
                8,
            ),
            (
                President,
                "KZ",
                Some(ent("putin")),
                "Government of Russia",
                8,
            ),
            (
                President,
                "RU",
                Some(ent("putin")),
                "Government of Russia",
                1,
            ),
            (
                ForeignMilitary,
                "KZ",
                Some(ent("csto")),
                "CSTO: Collective Security Treaty Organization",
                8,
            ),
            (
                ForeignMilitary,
                "KZ",
                None,
                "Military Forces of Unidentified Country",
                8,
            ),
            (
                ArmedGroup,
                "KZ",
                None,
                "Unidentified Armed Group (Kazakhstan)",
                3,
            ),
            (
                Opposition,
                "BY",
                Some(ent("tsikhanouskaya")),
                "Protesters (Belarus)",
                6,
            ),
            (Other, "KZ", None, "Other (Kazakhstan)", 8),
            (Protesters, "", None, "Protesters (Unknown)", 6),
            (Protesters, "QQ", None, "Protesters (QQ)", 6),
        ];
        for (role, cc, entity, name, inter) in cases {
            assert_eq!(
                acled_actor(role, cc, entity),
                (name.to_string(), inter),
                "{role} in {cc:?} as {:?}",
                entity.map(|e| &e.id)
            );
        }
    }
}
