//! Table tests of the gazetteer per language: sentences written for these
//! tests, the places they name and how those resolve. A failing row names
//! the text; fix `resources/<lang>/places.tsv` (aliases, cues, stops) or
//! the generator's supplements (`scripts/build_gazetteer.py`).

use std::sync::OnceLock;

use chronik_geo::{Gazetteer, GeoContext, Level, MentionKind, Place};

fn gaz() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| Gazetteer::embedded().expect("the embedded gazetteer loads"))
}

/// The German rules alone (no tagger) find exactly these mention texts.
fn check_rules_de(rows: &[(&str, &[&str])]) {
    for (text, want) in rows {
        let got: Vec<&str> = gaz()
            .find_rules("de", text)
            .iter()
            .map(|m| &text[m.byte_start..m.byte_end])
            .collect();
        assert_eq!(&got, want, "{text:?}");
    }
}

/// (mention text, kind, resolved name or "-" for a country / unresolved,
/// country or "-")
type Want<'a> = (&'a str, MentionKind, &'a str, &'a str);

fn check(lang: &str, text: &str, want: &[Want<'_>]) {
    let g = gaz();
    let mentions = g.find(lang, text);
    let places = g.resolve(&mentions, &GeoContext::default());
    let got: Vec<(String, MentionKind, String, String)> = mentions
        .iter()
        .zip(&places)
        .map(|(m, p)| {
            let (name, country) = match p {
                Some(p) if p.level == Level::Country => ("-".to_string(), p.country.clone()),
                Some(p) => (p.name.clone(), p.country.clone()),
                None => ("-".to_string(), "-".to_string()),
            };
            (
                text[m.byte_start..m.byte_end].to_string(),
                m.kind,
                name,
                country,
            )
        })
        .collect();
    let want: Vec<(String, MentionKind, String, String)> = want
        .iter()
        .map(|w| (w.0.to_string(), w.1, w.2.to_string(), w.3.to_string()))
        .collect();
    assert_eq!(
        got, want,
        "\n{lang}: {text:?}\nhelp: see resources/{lang}/places.tsv and scripts/build_gazetteer.py"
    );
}

use MentionKind::{Adjective, Area, Demonym, Name, Region};

#[test]
fn geo_german_table() {
    let rows: &[(&str, &[Want<'_>])] = &[
        (
            "In der kasachischen Stadt Schanaosen streikten Ölarbeiter.",
            &[
                ("kasachischen", Adjective, "-", "KZ"),
                ("Schanaosen", Name, "Zhanaozen", "KZ"),
            ],
        ),
        (
            "Die Polizei ging auch in Almatys Zentrum gegen Demonstranten vor.",
            &[("Almatys", Name, "Almaty", "KZ")],
        ),
        (
            "Kasachstans Präsident sprach von Terroristen.",
            &[("Kasachstans", Name, "-", "KZ")],
        ),
        (
            "Die Moskauer Polizei und Almatiner Aktivisten.",
            &[
                ("Moskauer", Adjective, "Moscow", "RU"),
                ("Almatiner", Adjective, "Almaty", "KZ"),
            ],
        ),
        (
            "Am 3. Januar streikte die gesamte Region Mangistau.",
            &[("Mangistau", Region, "Mangystau", "KZ")],
        ),
        (
            "Abends schlossen sich Busfahrer aus den Regionen Kyzylorda, Aktobe und Westkasachstan an.",
            &[
                ("Kyzylorda", Region, "Kyzylorda Region", "KZ"),
                ("Aktobe", Region, "Aktobe Region", "KZ"),
                ("Westkasachstan", Region, "West Kazakhstan Region", "KZ"),
            ],
        ),
        (
            "Der Streik griff auf die Nachbarregion Atyrau über.",
            &[("Atyrau", Region, "Atyrau Region", "KZ")],
        ),
        (
            "In der Provinz Kurdistan wurden 400 Menschen verhaftet, auch in Sanandadsch.",
            &[
                ("Kurdistan", Region, "Kurdistan", "IR"),
                ("Sanandadsch", Name, "Sanandaj", "IR"),
            ],
        ),
        (
            "Nursultan Nasarbajew trat zurück; in der Hauptstadt Nur-Sultan blieben Kundgebungen verboten.",
            &[("Nur-Sultan", Name, "Nur-Sultan", "KZ")],
        ),
        (
            "Tausende demonstrierten im benachbarten Keyenberg und in Lützerath.",
            &[
                ("Keyenberg", Name, "Keyenberg", "DE"),
                ("Lützerath", Name, "Lützerath", "DE"),
            ],
        ),
        // function words and common nouns are never places
        ("Von Auch bis Die: Wahl, Recht und Freiheit.", &[]),
        ("Die Kosten im März waren hoch.", &[]),
        (
            "Schiffe im Mittelmeer und in der Nordsee.",
            &[("Mittelmeer", Area, "-", "-"), ("Nordsee", Area, "-", "-")],
        ),
        // landscapes by their ending, when no common noun (invented names)
        (
            "Die Wanderung führte durch das Ferbtal hinauf zum Gromkogel und weiter zur Zelmhütte.",
            &[
                ("Ferbtal", Area, "-", "-"),
                ("Gromkogel", Area, "-", "-"),
                ("Zelmhütte", Area, "-", "-"),
            ],
        ),
        (
            "Der Weinberg und der Stausee liegen im Tal, das Eigenkapital ist knapp.",
            &[],
        ),
        ("Sie sang mit Laura Osswald.", &[]),
        // celestial bodies are areas (GermEval's convention)
        (
            "Die Sonde umkreist den Mond und schickt Bilder zur Erde.",
            &[("Mond", Area, "-", "-"), ("Erde", Area, "-", "-")],
        ),
        // roads and street numbers
        (
            "Der Stau auf der A 7 reichte bis zur Ausfahrt, auch die B 27 war dicht.",
            &[("A 7", Area, "-", "-"), ("B 27", Area, "-", "-")],
        ),
        ("In der Gruppe B 2 Spiele, Klasse A 3.", &[]),
        // a name broken after its hyphen
        (
            "Die Fähre fährt nach Mecklenburg- Vorpommern, nicht in Nord- und Südkorea.",
            &[
                (
                    "Mecklenburg- Vorpommern",
                    Region,
                    "Mecklenburg-Vorpommern",
                    "DE",
                ),
                ("Südkorea", Name, "-", "KR"),
            ],
        ),
        (
            "Das Büro liegt in der Kastanienallee 12b in Leipzig.",
            &[
                ("Kastanienallee 12b", Area, "-", "-"),
                ("Leipzig", Name, "Leipzig", "DE"),
            ],
        ),
    ];
    for (text, want) in rows {
        check("de", text, want);
    }
}

/// Rules alone (the tagger may overrule them): roads named by a road word
/// and a number.
#[test]
fn geo_german_road_rules_table() {
    let rows: &[(&str, &[&str])] = &[
        ("Die Autobahn 3 war dicht.", &["Autobahn 3"]),
        (
            "Auf den Autobahnen A2 und A 39 staute es sich.",
            &["A2", "A 39"],
        ),
        ("Das Modell A1 kam 1990.", &[]),
    ];
    check_rules_de(rows);
}

/// Rules alone: the name after a place-type noun (`resources/de/places.tsv`,
/// `place_type`) and members of a list that names a place (invented names).
#[test]
fn geo_german_head_and_list_rules_table() {
    let rows: &[(&str, &[&str])] = &[
        (
            "Im Jahr 1950 wurde die Gemeinde Kolbenwiesach eingegliedert.",
            &["Kolbenwiesach"],
        ),
        ("Sie stiegen zum Berg Zarnkogl hinauf.", &["Zarnkogl"]),
        (
            "Seit Mai hält er an den Stationen Brelling und Zuffert nicht mehr.",
            &["Brelling", "Zuffert"],
        ),
        ("Im Kanton Obwalden stiegen die Prämien.", &["Obwalden"]),
        // common nouns and given names after the noun are no places
        (
            "Die Stadt Verwaltung plant, die Gemeinde Peter lädt ein.",
            &[],
        ),
        (
            "Zwischen Dortmund und Krabbow staute sich der Verkehr.",
            &["Dortmund", "Krabbow"],
        ),
        (
            "Die Dörfer Quellnitz, Wittlich, Tromsdorf und Pelkum liegen weit auseinander.",
            &["Quellnitz", "Wittlich", "Tromsdorf", "Pelkum"],
        ),
        // a given name (US Census first names in de-nouns.tsv) before a
        // capitalised word: a person, not the town of that name
        ("Den Ball spielte Wayne Rooney zu.", &[]),
        ("Er zog nach Wayne in New Jersey.", &["Wayne", "New Jersey"]),
        // after a comma only inside a list; common nouns never
        ("Aus Bremen, sagte Trallert, kamen Hilfen.", &["Bremen"]),
        (
            "In Hamburg und Uranzonen, Bergbau und Berlin.",
            &["Hamburg", "Berlin"],
        ),
    ];
    check_rules_de(rows);
}

#[test]
fn geo_english_table() {
    let rows: &[(&str, &[Want<'_>])] = &[
        (
            "Rallies were held in Chechnya, in Bashkiria and in the Sverdlovsk region.",
            &[
                ("Chechnya", Region, "Chechnya", "RU"),
                ("Bashkiria", Region, "Bashkortostan", "RU"),
                ("Sverdlovsk", Region, "Sverdlovsk Oblast", "RU"),
            ],
        ),
        (
            "Taxi drivers blocked roads in Zhanaozen and later marched through Aktau.",
            &[
                ("Zhanaozen", Name, "Zhanaozen", "KZ"),
                ("Aktau", Name, "Aktau", "KZ"),
            ],
        ),
        (
            "Police also detained protesters in Kazakhstan's capital, Nur-Sultan.",
            &[
                ("Kazakhstan's", Name, "-", "KZ"),
                ("Nur-Sultan", Name, "Nur-Sultan", "KZ"),
            ],
        ),
        (
            "Oil workers across the Kazakh region of Mangystau stayed away from their rigs.",
            &[
                ("Kazakh", Adjective, "-", "KZ"),
                ("Mangystau", Region, "Mangystau", "KZ"),
            ],
        ),
        (
            "Fuel traders in the Mangistau region cut their margins on Monday.",
            &[("Mangistau", Region, "Mangystau", "KZ")],
        ),
        (
            "A vigil took place in Aqtobe, and farmers met in Almaty region.",
            &[
                ("Aqtobe", Name, "Aktobe", "KZ"),
                ("Almaty", Region, "Almaty Region", "KZ"),
            ],
        ),
        (
            "Vladimir Putin spoke with Victoria Nuland; flights to ALA were cancelled.",
            &[],
        ),
        ("Nursultan Nazarbayev left the Security Council.", &[]),
        (
            "Shopkeepers went on strike across Sistan-Baluchestan province.",
            &[("Sistan-Baluchestan", Region, "Sistan and Baluchestan", "IR")],
        ),
    ];
    for (text, want) in rows {
        check("en", text, want);
    }
}

#[test]
fn geo_russian_table() {
    let rows: &[(&str, &[Want<'_>])] = &[
        (
            "В Казахстане водители грузовиков собрались у акимата в Жанаозен Мангистауской области.",
            &[
                ("Казахстане", Name, "-", "KZ"),
                ("Жанаозен", Name, "Zhanaozen", "KZ"),
                ("Мангистауской", Region, "Mangystau", "KZ"),
            ],
        ),
        (
            "Митинги прошли в Москве, в Алма-Ате и в Алматы.",
            &[
                ("Москве", Name, "Moscow", "RU"),
                ("Алма-Ате", Name, "Almaty", "KZ"),
                ("Алматы", Name, "Almaty", "KZ"),
            ],
        ),
        (
            "Московский суд и алматинский акимат.",
            &[
                ("Московский", Adjective, "Moscow", "RU"),
                ("алматинский", Adjective, "Almaty", "KZ"),
            ],
        ),
        (
            "Владимир Путин и Нурсултан Назарбаев провели переговоры.",
            &[],
        ),
        (
            "Казахстанцы вышли на улицы Нур-Султана.",
            &[
                ("Казахстанцы", Demonym, "-", "KZ"),
                ("Нур-Султана", Name, "Nur-Sultan", "KZ"),
            ],
        ),
        // A common word the matcher could read as a case form of a small
        // place ("Оба" as Обь) is no place.
        (
            "Оба политика приехали в Москву.",
            &[("Москву", Name, "Moscow", "RU")],
        ),
        // Federal subjects by their short names and as adjective + "край".
        (
            "Акции прошли в Чечне, в Башкирии, в Кузбассе и в Хабаровском крае.",
            &[
                ("Чечне", Region, "Chechnya", "RU"),
                ("Башкирии", Region, "Bashkortostan", "RU"),
                ("Кузбассе", Region, "Kemerovo Oblast", "RU"),
                ("Хабаровском", Region, "Khabarovsk Krai", "RU"),
            ],
        ),
        (
            "Жители Свердловской области и Приморья.",
            &[
                ("Свердловской", Region, "Sverdlovsk Oblast", "RU"),
                ("Приморья", Region, "Primorsky Krai", "RU"),
            ],
        ),
    ];
    for (text, want) in rows {
        check("ru", text, want);
    }
}

#[test]
fn geo_resolve_uses_context() {
    let g = gaz();
    // admin containment: Paris in Texas, not in France
    let text = "A tornado hit Paris, Texas.";
    let m = g.find("en", text);
    let p = g.resolve(&m, &GeoContext::default());
    let paris = p[0].as_ref().expect("Paris resolves");
    assert_eq!(
        (paris.name.as_str(), paris.country.as_str()),
        ("Paris", "US")
    );
    // focus country: without context the larger place wins
    let m = g.find("en", "Protesters gathered in Aksu.");
    let kz = GeoContext {
        focus_country: Some("KZ".into()),
    };
    let p = g.resolve(&m, &kz);
    assert_eq!(p[0].as_ref().map(|p| p.country.as_str()), Some("KZ"));
    // nearness gives geo_precision 2
    let m = g.find("de", "Schüsse bei Almaty.");
    let p = g.resolve(&m, &GeoContext::default());
    let loc = p[0].as_ref().expect("Almaty").location();
    assert_eq!(loc.geo_precision, Some(2));
    assert_eq!(loc.geonames_id, Some(1526384));
}

#[test]
fn geo_location_follows_events_md() {
    let g = gaz();
    let text = "Unruhen in Kasachstan, in der Region Mangistau und in Almaty.";
    let m = g.find("de", text);
    let p: Vec<Place> = g
        .resolve(&m, &GeoContext::default())
        .into_iter()
        .flatten()
        .collect();
    let country = p[0].location();
    assert_eq!(
        (
            country.name,
            country.country.as_deref(),
            country.geonames_id
        ),
        (None, Some("KZ"), None)
    );
    let region = p[1].location();
    assert_eq!(region.name.as_deref(), Some("Mangystau"));
    assert_eq!(region.geonames_id, None);
    assert_eq!(region.geo_precision, Some(3));
    let town = p[2].location();
    assert_eq!(town.name.as_deref(), Some("Almaty"));
    assert_eq!(town.geonames_id, Some(1526384));
    assert_eq!(town.admin1.as_deref(), Some("Almaty"));
    assert_eq!(town.geo_precision, Some(1));
    assert_eq!(g.focus_country(&m).as_deref(), Some("KZ"));
}

#[test]
fn geo_unknown_language_and_empty_text() {
    let g = gaz();
    assert!(g.find("de", "").is_empty());
    assert!(g.resolve(&[], &GeoContext::default()).is_empty());
    assert_eq!(g.focus_country(&[]), None);
    // other languages apply all rules and never panic
    let m = g.find("kk", "Алматы қаласында");
    assert_eq!(m.len(), 1);
}
