//! Store round trips on hand-made reports: merging across reports,
//! idempotence, batching and order independence, interrupted batches,
//! exports that parse back, search with stemming, claims.
//!
//! The reports are written for these tests (fictional, in the style of
//! news); their extraction results are written by hand so the store is
//! tested apart from the extractor.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;

use chronik_model::{
    ActorRole, CharSpan, DocResult, Document, EventMention, Figure, FigureWhat, Kind, Location,
    PartialDate, Qualifier, SubType,
};
use chronik_store::{ACLED_COLUMNS, Filter, Format, Store, WriteOptions, WriteStage};

/// A mention whose evidence is the first occurrence of `evidence` in `text`.
fn mention(
    text: &str,
    evidence: &str,
    kind: Kind,
    date: &str,
    place: Option<&str>,
) -> EventMention {
    let start = text.find(evidence).expect("evidence in text");
    let cs = text[..start].chars().count();
    EventMention {
        kind,
        sub_type: match kind {
            Kind::Storming | Kind::Riot | Kind::Clash | Kind::Arson => {
                SubType::ViolentDemonstration
            }
            Kind::CrowdControl => SubType::ProtestWithIntervention,
            Kind::Killing | Kind::Shooting => SubType::ExcessiveForceAgainstProtesters,
            Kind::Demonstration => SubType::PeacefulProtest,
            Kind::Arrest => SubType::Arrests,
            _ => SubType::Other,
        },
        evidence: evidence.to_string(),
        span: CharSpan::new(cs, cs + evidence.chars().count()),
        date: PartialDate::parse(date).ok(),
        location: Some(Location {
            name: place.map(str::to_string),
            country: Some("KZ".into()),
            geonames_id: match place {
                Some("Almaty") => Some(1_526_384),
                Some("Astana") => Some(1_526_273),
                _ => None,
            },
            admin1: None,
            lat: None,
            lon: None,
            geo_precision: None,
        }),
        actor1: Some(ActorRole::Protesters),
        actor2: None,
        hedged: false,
        source: None,
    }
}

fn figure(
    text: &str,
    evidence: &str,
    what: FigureWhat,
    low: u64,
    q: Qualifier,
    source: Option<&str>,
) -> Figure {
    let start = text.find(evidence).expect("figure in text");
    let cs = text[..start].chars().count();
    Figure {
        what,
        low: Some(low),
        high: (q == Qualifier::Exact).then_some(low),
        qualifier: q,
        evidence: evidence.to_string(),
        span: CharSpan::new(cs, cs + evidence.chars().count()),
        hedged: false,
        source: source.map(str::to_string),
    }
}

fn doc(id: &str, url: &str, date: &str, lang: &str, text: &str) -> Document {
    Document {
        id: id.into(),
        url: Some(url.into()),
        date: PartialDate::parse(date).ok(),
        lang: Some(lang.into()),
        text: text.into(),
    }
}

/// Three outlets, two languages, one storming in Almaty with different
/// death tolls; plus a storming in Astana the same day, an arson in Almaty,
/// and an arrest report.
fn fixtures() -> Vec<(Document, DocResult)> {
    let t1 = "Almaty, 5. Januar 2022. Demonstranten stürmten am Mittwoch das Rathaus von Almaty. \
              Dabei wurden mindestens 8 Menschen getötet, teilte das Innenministerium mit.";
    let t2 = "Protesters stormed the city hall in Almaty on Wednesday. Twelve people were killed, \
              according to a hospital source. Later the building was set on fire.";
    let t3 =
        "Crowds stormed the mayor's office in Almaty on January 5. At least 10 people were killed.";
    let t4 = "In Astana, protesters stormed the regional administration on January 5.";
    let t5 = "Police detained more than 200 people in Almaty on January 6.";
    let mut out = Vec::new();
    let mut r1 = DocResult {
        id: "de-1".into(),
        lang: Some("de".into()),
        relevant: true,
        events: vec![
            mention(
                t1,
                "Demonstranten stürmten am Mittwoch das Rathaus von Almaty",
                Kind::Storming,
                "2022-01-05",
                Some("Almaty"),
            ),
            mention(
                t1,
                "mindestens 8 Menschen getötet",
                Kind::Killing,
                "2022-01-05",
                Some("Almaty"),
            ),
        ],
        figures: vec![figure(
            t1,
            "mindestens 8 Menschen getötet",
            FigureWhat::Killed,
            8,
            Qualifier::AtLeast,
            Some("Innenministerium"),
        )],
    };
    r1.events[1].actor1 = None;
    out.push((
        doc(
            "de-1",
            "https://www.zeitung.example.de/almaty",
            "2022-01-05",
            "de",
            t1,
        ),
        r1,
    ));
    let mut r2 = DocResult {
        id: "en-1".into(),
        lang: Some("en".into()),
        relevant: true,
        events: vec![
            mention(
                t2,
                "Protesters stormed the city hall in Almaty on Wednesday",
                Kind::Storming,
                "2022-01-05",
                Some("Almaty"),
            ),
            mention(
                t2,
                "Twelve people were killed",
                Kind::Killing,
                "2022-01-05",
                None,
            ),
            mention(
                t2,
                "the building was set on fire",
                Kind::Arson,
                "2022-01-05",
                Some("Almaty"),
            ),
        ],
        figures: vec![figure(
            t2,
            "Twelve people were killed",
            FigureWhat::Killed,
            12,
            Qualifier::Exact,
            Some("hospital source"),
        )],
    };
    r2.events[1].actor1 = None;
    out.push((
        doc(
            "en-1",
            "https://news.example.com/kz/storm",
            "2022-01-06",
            "en",
            t2,
        ),
        r2,
    ));
    let mut r3 = DocResult {
        id: "en-2".into(),
        lang: Some("en".into()),
        relevant: true,
        events: vec![
            mention(
                t3,
                "Crowds stormed the mayor's office in Almaty on January 5",
                Kind::Storming,
                "2022-01-05",
                Some("Almaty"),
            ),
            mention(
                t3,
                "At least 10 people were killed",
                Kind::Killing,
                "2022-01-05",
                None,
            ),
        ],
        figures: vec![figure(
            t3,
            "At least 10 people were killed",
            FigureWhat::Killed,
            10,
            Qualifier::AtLeast,
            None,
        )],
    };
    r3.events[1].actor1 = None;
    out.push((
        doc("en-2", "https://wire.example.kz/a", "2022-01-07", "en", t3),
        r3,
    ));
    out.push((
        doc(
            "en-3",
            "https://news.example.com/kz/astana",
            "2022-01-06",
            "en",
            t4,
        ),
        DocResult {
            id: "en-3".into(),
            lang: Some("en".into()),
            relevant: true,
            events: vec![mention(
                t4,
                "protesters stormed the regional administration on January 5",
                Kind::Storming,
                "2022-01-05",
                Some("Astana"),
            )],
            figures: vec![],
        },
    ));
    let mut arrest = mention(
        t5,
        "Police detained more than 200 people in Almaty on January 6",
        Kind::Arrest,
        "2022-01-06",
        Some("Almaty"),
    );
    arrest.actor1 = Some(ActorRole::Police);
    out.push((
        doc(
            "en-4",
            "https://news.example.com/kz/arrests",
            "2022-01-07",
            "en",
            t5,
        ),
        DocResult {
            id: "en-4".into(),
            lang: Some("en".into()),
            relevant: true,
            events: vec![arrest],
            figures: vec![figure(
                t5,
                "more than 200 people",
                FigureWhat::Arrested,
                200,
                Qualifier::MoreThan,
                None,
            )],
        },
    ));
    out
}

fn write_all(store: &mut Store, batch: &[(Document, DocResult)]) {
    store
        .write_batch(
            batch,
            &WriteOptions {
                now: 1_700_000_000,
                hook: None,
            },
        )
        .unwrap();
}

fn storming_events(store: &Store) -> Vec<chronik_store::EventRow> {
    store
        .events(&Filter {
            kind: Some("storming".into()),
            ..Filter::default()
        })
        .unwrap()
}

#[test]
fn store_merges_one_event_from_three_outlets() {
    let mut store = Store::in_memory().unwrap();
    write_all(&mut store, &fixtures());
    let storming = storming_events(&store);
    assert_eq!(storming.len(), 2, "Almaty and Astana are two stormings");
    let almaty = storming
        .iter()
        .find(|e| e.location.as_ref().and_then(|l| l.name.as_deref()) == Some("Almaty"))
        .unwrap();
    assert_eq!(almaty.n_documents, 3);
    assert_eq!(almaty.n_sources, 3);
    assert_eq!(almaty.date, PartialDate::parse("2022-01-05").ok());
    let mut ids: Vec<&str> = almaty.reports.iter().map(|r| r.id.as_str()).collect();
    ids.sort();
    assert_eq!(ids, ["de-1", "en-1", "en-2"]);
    // The killings are a separate event (another family) with three claims.
    let killing = store
        .events(&Filter {
            kind: Some("killing".into()),
            ..Filter::default()
        })
        .unwrap();
    assert_eq!(killing.len(), 1);
    assert_eq!(killing[0].claims.len(), 3);
    let r = killing[0].reconciled(FigureWhat::Killed);
    assert_eq!((r.acled, r.low, r.high), (Some(8), Some(8), Some(12)));
    assert!(r.conflicting);
    assert_eq!(killing[0].fatalities(), 8);
    assert_eq!(killing[0].figure_labels(), ["killed 8 (claims 8–12)"]);
    // The arson after the storming is its own event.
    let arson = store
        .events(&Filter {
            kind: Some("arson".into()),
            ..Filter::default()
        })
        .unwrap();
    assert_eq!(arson.len(), 1);
    assert_ne!(arson[0].event_id, almaty.event_id);
    let checks = store.merge_checks().unwrap();
    assert_eq!((checks.cross_family, checks.cross_place), (0, 0));
}

#[test]
fn store_ingest_twice_is_idempotent() {
    let mut store = Store::in_memory().unwrap();
    write_all(&mut store, &fixtures());
    let first = store.dump().unwrap();
    let counts = store.counts().unwrap();
    let stats = store
        .write_batch(
            &fixtures(),
            &WriteOptions {
                now: 1_800_000_000,
                hook: None,
            },
        )
        .unwrap();
    assert_eq!((stats.new, stats.known), (0, 5));
    assert_eq!(store.dump().unwrap(), first);
    assert_eq!(store.counts().unwrap(), counts);
}

#[test]
fn store_result_is_independent_of_batches_and_order() {
    let mut one = Store::in_memory().unwrap();
    write_all(&mut one, &fixtures());
    let mut split = Store::in_memory().unwrap();
    let mut reports = fixtures();
    reports.reverse();
    for r in reports.chunks(2) {
        write_all(&mut split, r);
    }
    // Row ids differ with the order; the dump uses natural keys.
    assert_eq!(one.dump().unwrap(), split.dump().unwrap());
    let ids = |s: &Store| {
        let mut v: Vec<String> = s
            .events(&Filter::default())
            .unwrap()
            .into_iter()
            .map(|e| e.event_id)
            .collect();
        v.sort();
        v
    };
    assert_eq!(ids(&one), ids(&split));
}

#[test]
fn store_duplicate_text_and_id_conflict() {
    let mut store = Store::in_memory().unwrap();
    let reports = fixtures();
    write_all(&mut store, &reports[..1]);
    let (mut copy, mut result) = reports[0].clone();
    copy.id = "de-1-syndicated".into();
    copy.url = Some("https://other.example.de/x".into());
    result.id = copy.id.clone();
    let (mut changed, changed_result) = reports[0].clone();
    changed.text.push_str(" Update.");
    let stats = store
        .write_batch(
            &[(copy, result), (changed, changed_result)],
            &WriteOptions::default(),
        )
        .unwrap();
    assert_eq!(stats.duplicates, 1);
    assert_eq!(stats.conflicts, vec!["de-1".to_string()]);
    let counts = store.counts().unwrap();
    assert_eq!((counts.documents, counts.duplicates), (1, 1));
    assert!(store.contains_document("de-1-syndicated").unwrap());
}

#[test]
fn store_interrupted_batch_leaves_nothing_and_resumes() {
    let mut clean = Store::in_memory().unwrap();
    write_all(&mut clean, &fixtures());

    let mut store = Store::in_memory().unwrap();
    let reports = fixtures();
    write_all(&mut store, &reports[..2]);
    let after_first = store.dump().unwrap();
    for stage in [WriteStage::ReportsWritten, WriteStage::EventsWritten] {
        let hook = move |s: WriteStage| {
            if s == stage {
                panic!("simulated crash at {s:?}");
            }
        };
        let crashed = catch_unwind(AssertUnwindSafe(|| {
            store.write_batch(
                &reports[2..],
                &WriteOptions {
                    now: 1,
                    hook: Some(&hook),
                },
            )
        }));
        assert!(crashed.is_err());
        assert_eq!(
            store.dump().unwrap(),
            after_first,
            "nothing of the batch is kept"
        );
    }
    // The same ingest again completes it.
    write_all(&mut store, &reports);
    assert_eq!(store.dump().unwrap(), clean.dump().unwrap());
}

fn temp_db(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("chronik-store-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir.join("chronik.db")
}

#[test]
fn store_file_is_wal_versioned_and_sound() {
    let path = temp_db("file");
    {
        let mut store = Store::open(&path).unwrap();
        write_all(&mut store, &fixtures());
        assert_eq!(
            store.schema_version().unwrap(),
            chronik_store::schema::current_version()
        );
    }
    let store = Store::open_existing(&path).unwrap();
    assert_eq!(store.integrity_check().unwrap(), "ok");
    assert_eq!(store.counts().unwrap().documents, 5);
    assert!(Store::open_existing(&path.with_file_name("missing.db")).is_err());
    let _ = std::fs::remove_dir_all(path.parent().unwrap());
}

#[test]
fn store_exports_parse_back() {
    let mut store = Store::in_memory().unwrap();
    write_all(&mut store, &fixtures());
    let events = store.events(&Filter::default()).unwrap();

    let mut acled = Vec::new();
    chronik_store::export::write(Format::Acled, &events, &mut acled).unwrap();
    let mut reader = csv::Reader::from_reader(acled.as_slice());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    assert_eq!(header, ACLED_COLUMNS);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), events.len());
    let col = |name: &str| ACLED_COLUMNS.iter().position(|c| *c == name).unwrap();
    let killing = rows
        .iter()
        .find(|r| r[col("sub_event_type")] == *"Excessive force against protesters")
        .unwrap();
    assert_eq!(&killing[col("fatalities")], "8");
    assert_eq!(&killing[col("iso")], "398");
    assert_eq!(&killing[col("country")], "Kazakhstan");
    assert_eq!(&killing[col("region")], "Caucasus and Central Asia");
    assert_eq!(&killing[col("time_precision")], "1");
    assert!(
        killing[col("notes")].contains("Conflicting killed figures"),
        "{}",
        &killing[col("notes")]
    );
    assert!(killing[col("notes")].contains("Innenministerium"));
    assert!(killing[col("event_id_cnty")].starts_with("KAZ"));
    let storming = rows
        .iter()
        .find(|r| r[col("location")] == *"Almaty" && r[col("notes")].contains("stürmten"))
        .unwrap();
    assert_eq!(&storming[col("interaction")], "50");
    assert_eq!(&storming[col("disorder_type")], "Demonstrations");
    assert_eq!(&storming[col("source_scale")], "National-International");
    // The ACLED id leads back to the event.
    assert!(
        store
            .event(&storming[col("event_id_cnty")])
            .unwrap()
            .is_some()
    );

    let mut jsonl = Vec::new();
    chronik_store::export::write(Format::Jsonl, &events, &mut jsonl).unwrap();
    let lines: Vec<serde_json::Value> = String::from_utf8(jsonl)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), events.len());
    for l in &lines {
        assert!(l["event_id"].as_str().unwrap().starts_with("ev-"));
        assert!(l["kind"].is_string() && l["type"].is_string());
        assert!(!l["reports"].as_array().unwrap().is_empty());
        assert!(l["reports"][0]["span"].is_array());
    }

    let mut geo = Vec::new();
    chronik_store::export::write(Format::Geojson, &events, &mut geo).unwrap();
    let geo: serde_json::Value = serde_json::from_slice(&geo).unwrap();
    assert_eq!(geo["type"], "FeatureCollection");
    assert_eq!(geo["features"].as_array().unwrap().len(), events.len());

    let mut csv_out = Vec::new();
    chronik_store::export::write(Format::Csv, &events, &mut csv_out).unwrap();
    assert_eq!(
        csv::Reader::from_reader(csv_out.as_slice())
            .records()
            .count(),
        events.len()
    );
}

#[test]
fn store_search_stems_de_en_ru() {
    let mut store = Store::in_memory().unwrap();
    let mut reports = fixtures();
    let ru = "В Алматы задержали более 200 протестующих.";
    reports.push((
        doc("ru-1", "https://example.ru/a", "2022-01-06", "ru", ru),
        DocResult {
            id: "ru-1".into(),
            lang: Some("ru".into()),
            relevant: false,
            events: vec![],
            figures: vec![],
        },
    ));
    write_all(&mut store, &reports);
    let ids = |q: &str| -> Vec<String> {
        let mut v: Vec<String> = store
            .search(q, 10)
            .unwrap()
            .into_iter()
            .map(|h| h.id)
            .collect();
        v.sort();
        v
    };
    assert_eq!(ids("Demonstrant"), ["de-1"]); // Demonstranten
    assert_eq!(ids("storming"), ["en-1", "en-2", "en-3"]); // stormed
    assert_eq!(ids("задержаны"), ["ru-1"]); // задержали
    assert_eq!(ids("\"city hall\""), ["en-1"]);
    assert!(ids("nothinglikethis").is_empty());
    let hit = &store.search("Rathaus", 1).unwrap()[0];
    assert!(hit.snippet.contains("«Rathaus»"), "{}", hit.snippet);
    assert!(!hit.events.is_empty());
}

#[test]
fn store_claims_per_episode() {
    let mut store = Store::in_memory().unwrap();
    write_all(&mut store, &fixtures());
    let eps = store.claims(Some(FigureWhat::Killed), None).unwrap();
    assert_eq!(eps.len(), 1);
    let killed = &eps[0].whats[0];
    assert_eq!(killed.what, FigureWhat::Killed);
    assert_eq!(killed.claims.len(), 3);
    // By report date: 5, 6, 7 January.
    let order: Vec<&str> = killed.claims.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(order, ["de-1", "en-1", "en-2"]);
    assert_eq!(killed.per_event.len(), 1);
    assert_eq!(killed.per_event[0].1.acled, Some(8));
    assert_eq!(killed.per_event[0].1.latest, Some(10));
}

#[test]
fn store_refuses_a_newer_schema() {
    let path = temp_db("newer");
    Store::open(&path).unwrap();
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
    }
    let err = Store::open(&path).err().expect("a newer schema is refused");
    assert!(err.to_string().contains("newer"), "{err}");
    let _ = std::fs::remove_dir_all(path.parent().unwrap());
}
