//! The public records: places, mentions of places in a text, and the
//! document context used to resolve them.

use chronik_model::Location;

/// A place of the gazetteer (an index; valid for the [`crate::Gazetteer`]
/// that produced it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PlaceId(pub(crate) u32);

/// What kind of place a record is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Level {
    /// A country (ISO 3166-1).
    Country,
    /// A first-level administrative region (ISO 3166-2): oblast, province,
    /// Land, state.
    Region,
    /// A populated place (GeoNames city, town or village).
    Town,
    /// A continent or other area without an event location; never returned
    /// by [`crate::Gazetteer::resolve`].
    Area,
}

/// How the text names the place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MentionKind {
    /// The place's name (`Almaty`, `в Москве`, `Kasachstans`); without
    /// candidates when only a pattern found it (`Taiskirchen`: a town the
    /// gazetteer does not know).
    Name,
    /// An adjective derived from it (`kasachische`, `Moskauer`,
    /// `алматинский`, `Kazakh`, `мангистауские`).
    Adjective,
    /// A word for its people (`Kasachen`, `казахстанцы`).
    Demonym,
    /// A region phrase (`Region Mangistau`, `Almaty region`, `Мангистауская
    /// область`, `Provinz Kurdistan`): the span includes the region word
    /// when it stands next to the name; the candidates are regions.
    Region,
    /// A continent, sea, river, mountain range, landscape or historic state
    /// (`Europa`, `Nordsee`, `Kaukasus`, `Sowjetunion`): a place mention
    /// without an event location (no candidates, or continents).
    Area,
}

/// A place named in a text, before disambiguation.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceMention {
    /// Byte offset of the first byte in the text.
    pub byte_start: usize,
    /// Byte offset after the last byte.
    pub byte_end: usize,
    /// Places the words may stand for, most plausible first (strong names
    /// before GeoNames alternate names, then countries, regions and
    /// populous towns first).
    pub candidates: Vec<PlaceId>,
    /// How the text names the place.
    pub kind: MentionKind,
    /// A nearness cue stands right before the name (`bei`, `near`,
    /// `outside`, `под`): the place is near the town rather than in it.
    pub near: bool,
    /// The name is part of an organisation's name (`FC Bayern`, `Universität
    /// Gießen`, `New York Times`, `Mainz 05`): the organisation is there, but
    /// the text may not speak of the place.
    pub in_org_name: bool,
}

/// What the resolver knows about the document beyond the mentions.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GeoContext {
    /// The country the document is about (ISO 3166-1 alpha-2), if known;
    /// when `None` it is computed from the mentions
    /// ([`crate::Gazetteer::focus_country`]).
    pub focus_country: Option<String>,
}

/// A resolved place.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// English name: the GeoNames name of a town (`Almaty`, `Zhanaozen`,
    /// `Nur-Sultan` when the text says so), the English name of a region as
    /// the gold writes it (`Mangystau`, `Atyrau Region`, `Kurdistan`), or
    /// the country's short English name.
    pub name: String,
    /// GeoNames id of a town (regions and countries: `None`).
    pub geonames_id: Option<u64>,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    /// English name of the first-level region the place lies in (a region:
    /// itself), when known.
    pub admin1: Option<String>,
    /// Latitude (WGS84). Regions: population-weighted centre of their
    /// towns; countries likewise.
    pub lat: f64,
    /// Longitude (WGS84).
    pub lon: f64,
    /// What kind of place it is.
    pub level: Level,
    /// Inhabitants (GeoNames; regions and countries: sum or GeoNames value).
    pub population: u64,
    /// ACLED geo_precision: 1 the town itself, 2 near a town, 3 a region.
    pub geo_precision: u8,
}

impl Place {
    /// The EVENTS.md location: a country gives only its code (name null), a
    /// region its English name without GeoNames id, a town everything.
    pub fn location(&self) -> Location {
        match self.level {
            Level::Country => Location::country_only(&self.country),
            Level::Area => Location {
                country: None,
                ..Location::country_only("")
            },
            Level::Region | Level::Town => Location {
                name: Some(self.name.clone()),
                country: Some(self.country.clone()),
                geonames_id: self.geonames_id,
                admin1: self.admin1.clone(),
                lat: Some(self.lat),
                lon: Some(self.lon),
                geo_precision: Some(self.geo_precision),
            },
        }
    }
}
