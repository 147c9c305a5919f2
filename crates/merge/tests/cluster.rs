//! Merge decisions on small hand-made mention sets (EVENTS.md §7).

use chronik_merge::{Family, MentionRecord, cluster};
use chronik_model::{ActorRole, CharSpan, Kind, Location, PartialDate, SubType};

/// A mention: document, kind, date, place ("Almaty", or "" for the country
/// only), evidence for the family.
fn m(doc: &str, ordinal: u32, kind: Kind, date: &str, place: &str) -> MentionRecord {
    mention(doc, ordinal, kind, date, place, "", None)
}

fn mention(
    doc: &str,
    ordinal: u32,
    kind: Kind,
    date: &str,
    place: &str,
    evidence: &str,
    actor1: Option<ActorRole>,
) -> MentionRecord {
    let (name, id) = match place {
        "" => (None, None),
        "Almaty" => (Some("Almaty"), Some(1_526_384)),
        "Astana" => (Some("Astana"), Some(1_526_273)),
        other => (Some(other), None),
    };
    MentionRecord {
        doc: doc.to_string(),
        ordinal,
        span: CharSpan::new(ordinal as usize * 10, ordinal as usize * 10 + 5),
        kind,
        sub_type: match kind {
            Kind::Demonstration => SubType::PeacefulProtest,
            Kind::CrowdControl => SubType::ProtestWithIntervention,
            Kind::Riot | Kind::Clash | Kind::Storming | Kind::Arson => {
                SubType::ViolentDemonstration
            }
            Kind::Killing | Kind::Shooting => SubType::ExcessiveForceAgainstProtesters,
            Kind::Arrest => SubType::Arrests,
            _ => SubType::Other,
        },
        family: Family::of(kind, evidence),
        date: PartialDate::parse(date).ok(),
        report_date: None,
        location: Some(Location {
            name: name.map(str::to_string),
            country: Some("KZ".to_string()),
            geonames_id: id,
            admin1: None,
            lat: None,
            lon: None,
            geo_precision: None,
        }),
        context: None,
        actor1,
        actor2: None,
        hedged: false,
        count: None,
    }
}

/// The events as sorted lists of "doc#ordinal".
fn groups(ms: &[MentionRecord]) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = cluster(ms)
        .into_iter()
        .map(|e| {
            let mut g: Vec<String> = e
                .members
                .iter()
                .map(|&i| format!("{}#{}", ms[i].doc, ms[i].ordinal))
                .collect();
            g.sort();
            g
        })
        .collect();
    out.sort();
    out
}

fn names(gs: &[&[&str]]) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = gs
        .iter()
        .map(|g| {
            let mut v: Vec<String> = g.iter().map(|s| s.to_string()).collect();
            v.sort();
            v
        })
        .collect();
    out.sort();
    out
}

#[test]
fn merge_decision_table() {
    use Kind::*;
    let police = Some(ActorRole::Police);
    let rioters = Some(ActorRole::Rioters);
    type Case = (
        &'static str,
        Vec<MentionRecord>,
        &'static [&'static [&'static str]],
    );
    let cases: Vec<Case> = vec![
        (
            "one storming told by three outlets (one without the city) is one event",
            vec![
                m("de", 0, Storming, "2022-01-05", "Almaty"),
                m("en", 0, Storming, "2022-01-05", "Almaty"),
                m("ru", 0, Storming, "2022-01-05", ""),
            ],
            &[&["de#0", "en#0", "ru#0"]],
        ),
        (
            "storming and the arson that follows are two events",
            vec![
                m("de", 0, Storming, "2022-01-05", "Almaty"),
                m("de", 1, Arson, "2022-01-05", "Almaty"),
                m("en", 0, Arson, "2022-01-05", "Almaty"),
            ],
            &[&["de#0"], &["de#1", "en#0"]],
        ),
        (
            "the same kind in different cities never merges",
            vec![
                m("de", 0, Demonstration, "2022-01-05", "Almaty"),
                m("en", 0, Demonstration, "2022-01-05", "Astana"),
            ],
            &[&["de#0"], &["en#0"]],
        ),
        (
            "riot, clash and crowd control at one place on one day are one event",
            vec![
                m("de", 0, Riot, "2022-01-05", "Almaty"),
                m("en", 0, Clash, "2022-01-05", "Almaty"),
                m("ru", 0, CrowdControl, "2022-01-05", "Almaty"),
            ],
            &[&["de#0", "en#0", "ru#0"]],
        ),
        (
            "the next day is another event",
            vec![
                m("de", 0, Riot, "2022-01-04", "Almaty"),
                m("en", 0, Riot, "2022-01-05", "Almaty"),
            ],
            &[&["de#0"], &["en#0"]],
        ),
        (
            "a dismissal and the appointment it makes are one event",
            vec![
                m("de", 0, Dismissal, "2022-01-05", ""),
                m("en", 0, Appointment, "2022-01-05", ""),
            ],
            &[&["de#0", "en#0"]],
        ),
        (
            "a request for foreign troops is not their deployment",
            vec![
                mention(
                    "de",
                    0,
                    ForeignIntervention,
                    "",
                    "",
                    "bat das Bündnis um Hilfe",
                    None,
                ),
                mention(
                    "en",
                    0,
                    ForeignIntervention,
                    "",
                    "",
                    "asked the alliance for help",
                    None,
                ),
                mention("en", 1, ForeignIntervention, "", "", "troops landed", None),
                mention(
                    "ru",
                    0,
                    ForeignIntervention,
                    "",
                    "",
                    "войска прибыли по просьбе",
                    None,
                ),
            ],
            &[&["de#0", "en#0"], &["en#1", "ru#0"]],
        ),
        (
            "a month-precise mention joins the day event; the open one joins the city event",
            vec![
                m("de", 0, Demonstration, "2022-01-05", "Almaty"),
                m("en", 0, Demonstration, "2022-01", "Almaty"),
                m("ru", 0, Demonstration, "", "Almaty"),
            ],
            &[&["de#0", "en#0", "ru#0"]],
        ),
        (
            "undated country-wide tolls merge with each other, not with a city's day",
            vec![
                m("de", 0, Killing, "", ""),
                m("en", 0, Killing, "", ""),
                m("ru", 0, Killing, "2022-01", ""),
                m("ru", 1, Killing, "2022-01-06", "Almaty"),
            ],
            &[&["de#0", "en#0", "ru#0"], &["ru#1"]],
        ),
        (
            "killings by opposite sides are two events",
            vec![
                mention("de", 0, Killing, "2022-01-06", "Almaty", "", police),
                mention("en", 0, Killing, "2022-01-06", "Almaty", "", rioters),
                mention("ru", 0, Killing, "2022-01-06", "Almaty", "", police),
            ],
            &[&["de#0", "ru#0"], &["en#0"]],
        ),
        (
            "a shutdown reported on consecutive days is one shutdown",
            vec![
                m("de", 0, InternetShutdown, "2022-01-04", ""),
                m("en", 0, InternetShutdown, "2022-01-05", ""),
                m("ru", 0, InternetShutdown, "2022-01-20", ""),
            ],
            &[&["de#0", "en#0"], &["ru#0"]],
        ),
        (
            "an act of a state merges per country, whatever town its clause names",
            vec![
                m("de", 0, StateOfEmergency, "2022-01-05", "Almaty"),
                m("en", 0, StateOfEmergency, "2022-01-05", "Astana"),
                m("ru", 0, Curfew, "2022-01-05", ""),
            ],
            &[&["de#0", "en#0", "ru#0"]],
        ),
        (
            "a toll is not a single act; differing counts are claims about one",
            {
                let counted = |doc: &str, n: Option<u64>| {
                    let mut x = m(doc, 0, Killing, "", "");
                    x.count = n;
                    x
                };
                vec![
                    counted("a", Some(225)),
                    counted("b", Some(26)),
                    counted("c", Some(8)),
                    counted("d", None),
                    counted("e", None),
                ]
            },
            &[&["a#0", "b#0", "c#0"], &["d#0", "e#0"]],
        ),
        (
            "acts of kind other merge only on the same day",
            vec![
                m("de", 0, Other, "2022-01-07", ""),
                m("en", 0, Other, "2022-01-07", ""),
                m("ru", 0, Other, "", ""),
                m("ru", 1, Other, "", ""),
                m("fr", 0, Other, "2022-01", ""),
            ],
            &[&["de#0", "en#0"], &["ru#0"], &["ru#1"], &["fr#0"]],
        ),
        (
            "repeated mentions inside one article merge",
            vec![
                m("de", 0, Arrest, "2022-01-06", "Almaty"),
                m("de", 3, Arrest, "2022-01-06", "Almaty"),
            ],
            &[&["de#0", "de#3"]],
        ),
    ];
    for (what, ms, want) in cases {
        assert_eq!(groups(&ms), names(want), "{what}");
    }
}

#[test]
fn merge_without_place_never_merges() {
    let mut a = m("de", 0, Kind::Riot, "2022-01-05", "");
    let mut b = m("en", 0, Kind::Riot, "2022-01-05", "");
    a.location = None;
    b.location = None;
    assert_eq!(cluster(&[a, b]).len(), 2);
}

#[test]
fn merge_is_independent_of_input_order() {
    use Kind::*;
    let mut ms = vec![
        m("a", 0, Riot, "2022-01-05", "Almaty"),
        m("b", 0, CrowdControl, "2022-01-05", ""),
        m("c", 0, Riot, "2022-01", "Almaty"),
        m("d", 0, Riot, "", ""),
        m("e", 0, Riot, "2022-01-06", "Almaty"),
        m("f", 0, Clash, "", "Almaty"),
        m("g", 0, Demonstration, "2022-01-05", "Almaty"),
        m("h", 0, Killing, "", ""),
        m("i", 0, Killing, "2022-01", ""),
    ];
    let summary = |ms: &[MentionRecord]| {
        let mut v: Vec<(String, Vec<String>)> = cluster(ms)
            .into_iter()
            .map(|e| {
                let mut g: Vec<String> = e.members.iter().map(|&i| ms[i].doc.clone()).collect();
                g.sort();
                (e.id, g)
            })
            .collect();
        v.sort();
        v
    };
    let want = summary(&ms);
    for _ in 0..ms.len() {
        ms.rotate_left(1);
        assert_eq!(summary(&ms), want);
    }
    ms.reverse();
    assert_eq!(summary(&ms), want);
}

#[test]
fn merge_event_summary() {
    use Kind::*;
    let ms = vec![
        m("a", 0, CrowdControl, "2022-01-05", "Almaty"),
        m("b", 0, Riot, "2022-01-05", "Almaty"),
        m("c", 0, Riot, "", "Almaty"),
        m("d", 0, Clash, "2022-01-05", ""),
    ];
    let events = cluster(&ms);
    assert_eq!(events.len(), 1);
    let e = &events[0];
    assert_eq!(e.kind, Riot);
    assert_eq!(e.family, Family::Unrest);
    assert_eq!(e.sub_type, SubType::ViolentDemonstration);
    assert_eq!(e.date, PartialDate::parse("2022-01-05").ok());
    assert_eq!(
        e.location.as_ref().and_then(|l| l.name.as_deref()),
        Some("Almaty")
    );
    assert!(e.id.starts_with("ev-") && e.id.len() == 19);
    // Earliest report first: no report dates, so by document.
    assert_eq!(e.members, vec![0, 1, 2, 3]);
}
