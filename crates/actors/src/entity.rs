//! Canonical entities: who or what a name refers to, whatever the
//! language or transliteration it is written in.

use chronik_model::ActorRole;

/// Index of an entity in [`crate::Entities`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EntityId(pub u32);

/// What kind of thing a name names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EntityKind {
    /// A person.
    Person,
    /// An organisation, institution, outlet or state body.
    Org,
    /// Anything else.
    Other,
}

impl EntityKind {
    /// The name used in data files and reports.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Org => "org",
            EntityKind::Other => "other",
        }
    }
}

/// A canonical entity (one row of `resources/entities/entities.tsv`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    /// Stable key ("tokayev", "csto").
    pub id: String,
    /// Person, organisation or other.
    pub kind: EntityKind,
    /// The canonical English name ("Kassym-Jomart Tokayev").
    pub canonical: String,
    /// ISO 3166-1 alpha-2 of the state it belongs to; `None` when it
    /// belongs to the event's country ("interior ministry") or to none.
    pub country: Option<String>,
    /// The actor role in its own country, if it has one.
    pub role: Option<ActorRole>,
    /// Surface forms as written in the data file.
    pub aliases: Vec<String>,
    /// A news outlet or agency (it reports; it is a source, not an actor).
    pub outlet: bool,
    /// Named by a common noun ("government", "Regierung", "акимат"): an
    /// institution, but not a proper name.
    pub generic: bool,
    /// The ACLED actor name when it is not derived from role and country.
    pub acled: Option<String>,
    /// Line in `entities.tsv` (provenance).
    pub line: usize,
}

impl Entity {
    /// The entity's actor role in an event that took place in
    /// `event_country`: state roles of another country's entity become
    /// `foreign_government` (president, government) or `foreign_military`
    /// (police, military, security forces). Without an event country, or
    /// for entities of no particular country, the role is the data's.
    ///
    /// ```
    /// # use chronik_actors::Entities;
    /// # use chronik_model::ActorRole;
    /// let e = Entities::embedded().unwrap();
    /// let putin = e.get(e.by_key("putin").unwrap());
    /// assert_eq!(putin.role_in(Some("KZ")), Some(ActorRole::ForeignGovernment));
    /// assert_eq!(putin.role_in(Some("RU")), Some(ActorRole::President));
    /// ```
    pub fn role_in(&self, event_country: Option<&str>) -> Option<ActorRole> {
        let role = self.role?;
        if !self.is_foreign_in(event_country) {
            return Some(role);
        }
        Some(match role {
            ActorRole::President | ActorRole::Government => ActorRole::ForeignGovernment,
            ActorRole::Police | ActorRole::Military | ActorRole::SecurityForces => {
                ActorRole::ForeignMilitary
            }
            r => r,
        })
    }

    /// True when the entity belongs to a state other than `event_country`.
    pub fn is_foreign_in(&self, event_country: Option<&str>) -> bool {
        match (self.country.as_deref(), event_country) {
            (Some(home), Some(event)) => !home.eq_ignore_ascii_case(event),
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entity(country: Option<&str>, role: ActorRole) -> Entity {
        Entity {
            id: "x".into(),
            kind: EntityKind::Org,
            canonical: "X".into(),
            country: country.map(str::to_string),
            role: Some(role),
            aliases: vec![],
            outlet: false,
            generic: false,
            acled: None,
            line: 1,
        }
    }

    #[test]
    fn entity_role_in_table() {
        use ActorRole::*;
        let cases = [
            (Some("RU"), Military, Some("KZ"), ForeignMilitary),
            (Some("RU"), Police, Some("KZ"), ForeignMilitary),
            (Some("RU"), President, Some("KZ"), ForeignGovernment),
            (Some("RU"), Government, Some("kz"), ForeignGovernment),
            (Some("KZ"), President, Some("KZ"), President),
            (Some("RU"), President, None, President),
            (None, Police, Some("KZ"), Police),
            (None, ForeignMilitary, Some("KZ"), ForeignMilitary),
            (Some("AM"), Opposition, Some("KZ"), Opposition),
        ];
        for (home, role, event, want) in cases {
            assert_eq!(
                entity(home, role).role_in(event),
                Some(want),
                "{home:?} {role} in {event:?}"
            );
        }
    }
}
