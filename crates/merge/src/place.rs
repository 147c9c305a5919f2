//! Places for merging: the same place, a place inside another, or
//! different places.

use chronik_model::Location;

/// How specific a mention's place is.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Place {
    /// A named place (a city, else a region): its key is the GeoNames id
    /// when known, else the folded name. `admin1` is the region it lies in,
    /// folded, when known.
    Named {
        /// Country, ISO 3166-1 alpha-2.
        country: String,
        /// `gn:<id>` or `name:<folded name>`.
        key: String,
        /// Folded first-level division, when known.
        admin1: Option<String>,
        /// Folded name (to recognise a region named by another mention's
        /// `admin1`).
        name: String,
        /// True when the place is a region rather than a town (ACLED
        /// geo_precision 3).
        region: bool,
    },
    /// Only the country is known.
    Country(String),
    /// Nothing is known.
    Unknown,
}

/// How two places relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Relation {
    /// The same place.
    Same,
    /// One lies inside the other (a city in its country or region).
    Contains,
    /// Different places, or nothing known.
    Different,
}

impl Place {
    /// From a mention's location.
    pub fn of(location: Option<&Location>) -> Place {
        let Some(loc) = location else {
            return Place::Unknown;
        };
        let Some(country) = loc.country.as_deref().filter(|c| !c.is_empty()) else {
            return Place::Unknown;
        };
        let country = country.to_ascii_uppercase();
        match loc.name.as_deref().map(fold).filter(|n| !n.is_empty()) {
            Some(name) => Place::Named {
                key: match loc.geonames_id {
                    Some(id) => format!("gn:{id}"),
                    None => format!("name:{name}"),
                },
                admin1: loc.admin1.as_deref().map(fold).filter(|a| !a.is_empty()),
                region: loc.geo_precision == Some(3),
                name,
                country,
            },
            None => Place::Country(country),
        }
    }

    /// The country, when known.
    pub fn country(&self) -> Option<&str> {
        match self {
            Place::Named { country, .. } | Place::Country(country) => Some(country),
            Place::Unknown => None,
        }
    }

    /// A key naming the place exactly (`KZ`, `KZ/gn:1526384`), or None.
    pub fn key(&self) -> Option<String> {
        match self {
            Place::Named { country, key, .. } => Some(format!("{country}/{key}")),
            Place::Country(c) => Some(c.clone()),
            Place::Unknown => None,
        }
    }

    /// True for a named place.
    pub fn is_named(&self) -> bool {
        matches!(self, Place::Named { .. })
    }

    /// How `self` relates to `other`.
    pub fn relation(&self, other: &Place) -> Relation {
        match (self, other) {
            (Place::Unknown, _) | (_, Place::Unknown) => Relation::Different,
            (Place::Country(a), Place::Country(b)) => {
                if a == b {
                    Relation::Same
                } else {
                    Relation::Different
                }
            }
            (Place::Country(c), Place::Named { country, .. })
            | (Place::Named { country, .. }, Place::Country(c)) => {
                if c == country {
                    Relation::Contains
                } else {
                    Relation::Different
                }
            }
            (
                Place::Named {
                    country: ca,
                    key: ka,
                    admin1: aa,
                    name: na,
                    region: ra,
                },
                Place::Named {
                    country: cb,
                    key: kb,
                    admin1: ab,
                    name: nb,
                    region: rb,
                },
            ) => {
                if ca != cb {
                    Relation::Different
                } else if ka == kb || na == nb {
                    Relation::Same
                } else if (*ra && ab.as_deref() == Some(na.as_str()))
                    || (*rb && aa.as_deref() == Some(nb.as_str()))
                {
                    Relation::Contains
                } else {
                    Relation::Different
                }
            }
        }
    }
}

/// Lower case without diacritics and without non-alphanumerics, for
/// comparing place names across spellings ("Almaty", "ALMATY", "Almatý").
pub fn fold(name: &str) -> String {
    name.chars()
        .flat_map(char::to_lowercase)
        .filter_map(|c| match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => Some('a'),
            'ç' | 'č' | 'ć' => Some('c'),
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' => Some('e'),
            'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' => Some('i'),
            'ñ' | 'ń' | 'ň' => Some('n'),
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' => Some('o'),
            'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' => Some('u'),
            'ý' | 'ÿ' => Some('y'),
            'š' | 'ś' | 'ş' => Some('s'),
            'ž' | 'ź' | 'ż' => Some('z'),
            'ř' => Some('r'),
            'ğ' => Some('g'),
            'ł' => Some('l'),
            c if c.is_alphanumeric() => Some(c),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loc(name: Option<&str>, country: &str, id: Option<u64>) -> Location {
        Location {
            name: name.map(str::to_string),
            country: Some(country.to_string()),
            geonames_id: id,
            admin1: None,
            lat: None,
            lon: None,
            geo_precision: None,
        }
    }

    #[test]
    fn place_relation_table() {
        let almaty = Place::of(Some(&loc(Some("Almaty"), "KZ", Some(1526384))));
        let almaty_by_name = Place::of(Some(&loc(Some("ALMATY"), "KZ", None)));
        let astana = Place::of(Some(&loc(Some("Astana"), "KZ", Some(1526273))));
        let kz = Place::of(Some(&loc(None, "KZ", None)));
        let fr = Place::of(Some(&loc(None, "FR", None)));
        let mut zhanaozen = loc(Some("Zhanaozen"), "KZ", None);
        zhanaozen.admin1 = Some("Mangystau".into());
        let zhanaozen = Place::of(Some(&zhanaozen));
        let mut mangystau = loc(Some("Mangystau"), "KZ", None);
        mangystau.geo_precision = Some(3);
        let mangystau = Place::of(Some(&mangystau));
        let cases = [
            (&almaty, &almaty_by_name, Relation::Same),
            (&almaty, &astana, Relation::Different),
            (&almaty, &kz, Relation::Contains),
            (&kz, &almaty, Relation::Contains),
            (&kz, &kz, Relation::Same),
            (&kz, &fr, Relation::Different),
            (&zhanaozen, &mangystau, Relation::Contains),
            (&mangystau, &almaty, Relation::Different),
            (&Place::Unknown, &Place::Unknown, Relation::Different),
        ];
        for (a, b, want) in cases {
            assert_eq!(a.relation(b), want, "{a:?} vs {b:?}");
        }
    }

    #[test]
    fn place_fold() {
        assert_eq!(fold("Saint-Étienne"), "saintetienne");
        assert_eq!(fold("Алматы"), "алматы");
    }
}
