//! End-to-end tests of the chronicle commands: `run`, `ingest` (twice, and
//! killed in the middle and resumed), `events` in every format, `timeline`,
//! `claims`, `search`, `show`.
//!
//! Fixtures: `tests/fixtures/chronicle/reports.jsonl`, fictional reports
//! written for these tests — one storming of the Karaganda city hall on
//! 9 May 2023 told by three outlets in German and English with different
//! death tolls (at least 4, 7, at least 6), police tear gas the same day,
//! and a strike and a storming in Pavlodar the same day, which must not
//! merge with Karaganda's.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

use chronik_store::{ACLED_COLUMNS, Store};
use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_chronik");

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/chronicle")
}

/// A fresh directory, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> TempDir {
        static N: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "chronik-chronicle-test-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::SeqCst)
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    fn db(&self, name: &str) -> String {
        self.0.join(name).to_string_lossy().into_owned()
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn chronik(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .env("SOURCE_DATE_EPOCH", "1700000000")
        .output()
        .expect("run chronik")
}

fn ok(o: Output) -> String {
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        o.status.success(),
        "chronik failed ({:?}):\n{err}",
        o.status
    );
    assert!(!err.contains("panicked"), "{err}");
    String::from_utf8(o.stdout).unwrap()
}

fn jsonl(s: &str) -> Vec<Value> {
    s.lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn place(e: &Value) -> &str {
    e["location"]["name"].as_str().unwrap_or("")
}

#[test]
fn chronicle_run_merges_reports_into_events() {
    let tmp = TempDir::new();
    let db = tmp.db("c.db");
    let fx = fixtures();
    let timeline = ok(chronik(&["run", "--db", &db, fx.to_str().unwrap()]));
    assert!(timeline.starts_with("2023-05-09\n"), "{timeline}");
    let storm_line = timeline
        .lines()
        .find(|l| l.contains("Karagandy") && l.contains("storming"))
        .expect("a Karaganda storming line");
    assert!(storm_line.contains("3 reports"), "{storm_line}");
    assert!(
        storm_line.contains("tageszeitung.example.de:fx-de-1"),
        "{storm_line}"
    );

    let events = jsonl(&ok(chronik(&["events", "--db", &db, "--format", "jsonl"])));
    let stormings: Vec<&Value> = events.iter().filter(|e| e["kind"] == "storming").collect();
    assert_eq!(stormings.len(), 2, "Karaganda and Pavlodar stay apart");
    let karaganda = stormings.iter().find(|e| place(e) == "Karagandy").unwrap();
    let mut ids: Vec<&str> = karaganda["reports"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    ids.sort();
    assert_eq!(ids, ["fx-de-1", "fx-en-1", "fx-en-2"]);
    assert_eq!(karaganda["date"], "2023-05-09");
    assert_eq!(karaganda["type"], "riot");
    // Different kinds never merge.
    for e in &events {
        let kinds: std::collections::BTreeSet<&str> = e["reports"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["kind"].as_str().unwrap())
            .collect();
        assert_eq!(kinds.len(), 1, "{e}");
    }
    // One killing with three claims; ACLED takes the lowest credible.
    let killing = events.iter().find(|e| e["kind"] == "killing").unwrap();
    assert_eq!(killing["reports"].as_array().unwrap().len(), 3);
    assert_eq!(killing["fatalities"], 4);

    let claims: Value = serde_json::from_str(&ok(chronik(&[
        "claims", "--db", &db, "--what", "killed", "--json",
    ])))
    .unwrap();
    let killed = &claims[0]["whats"][0];
    assert_eq!(killed["what"], "killed");
    let mut lows: Vec<u64> = killed["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["low"].as_u64().unwrap())
        .collect();
    lows.sort();
    assert_eq!(lows, [4, 6, 7]);
    let text_claims = ok(chronik(&["claims", "--db", &db]));
    assert!(text_claims.contains("Innenministeriums"), "{text_claims}");

    // Filters.
    let pavlodar = jsonl(&ok(chronik(&[
        "events", "--db", &db, "--format", "jsonl", "--place", "pavlodar",
    ])));
    assert_eq!(pavlodar.len(), 2);
    let multi = jsonl(&ok(chronik(&[
        "events",
        "--db",
        &db,
        "--format",
        "jsonl",
        "--min-sources",
        "3",
    ])));
    assert_eq!(multi.len(), 2, "the storming and the killing in Karaganda");
    let none = jsonl(&ok(chronik(&[
        "events",
        "--db",
        &db,
        "--format",
        "jsonl",
        "--from",
        "2023-05-10",
    ])));
    assert!(none.is_empty());
    let riots = jsonl(&ok(chronik(&[
        "events",
        "--db",
        &db,
        "--format",
        "jsonl",
        "--type",
        "riot",
        "--country",
        "kz",
    ])));
    assert_eq!(riots.len(), 2);

    // ACLED CSV with ACLED's header.
    let acled = ok(chronik(&["events", "--db", &db, "--format", "acled"]));
    let mut reader = csv::Reader::from_reader(acled.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    assert_eq!(header, ACLED_COLUMNS);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), events.len());
    let fat = ACLED_COLUMNS
        .iter()
        .position(|c| *c == "fatalities")
        .unwrap();
    assert!(rows.iter().any(|r| &r[fat] == "4"));

    let geo: Value = serde_json::from_str(&ok(chronik(&[
        "events", "--db", &db, "--format", "geojson",
    ])))
    .unwrap();
    assert_eq!(geo["features"].as_array().unwrap().len(), events.len());
    let table = ok(chronik(&["events", "--db", &db]));
    assert!(
        table.contains(&format!("{} events", events.len())),
        "{table}"
    );

    // Markdown timeline with links to the reports.
    let md = ok(chronik(&["timeline", "--db", &db, "--markdown"]));
    assert!(md.contains("## 2023-05-09"), "{md}");
    assert!(
        md.contains("(https://news.example.com/world/karaganda-city-hall)"),
        "{md}"
    );

    // Search with stemming: "Demonstrant" finds "Demonstranten", "storm"
    // finds "stormed".
    let hits = ok(chronik(&["search", "--db", &db, "Demonstrant"]));
    assert!(hits.starts_with("fx-de-1"), "{hits}");
    let hits = ok(chronik(&["search", "--db", &db, "storm", "Pavlodar"]));
    assert!(hits.starts_with("fx-en-3"), "{hits}");
    assert!(hits.contains("«Pavlodar»"), "{hits}");

    // Show: every report with its evidence in context.
    let id = karaganda["event_id"].as_str().unwrap();
    let show = ok(chronik(&["show", "--db", &db, id]));
    assert!(
        show.contains("«Hundreds of protesters stormed the city hall in Karaganda on Tuesday»"),
        "{show}"
    );
    assert!(show.contains("fx-en-2"), "{show}");
    let show_prefix = ok(chronik(&["show", "--db", &db, &id[..10]]));
    assert_eq!(show, show_prefix);
    assert!(
        !chronik(&["show", "--db", &db, "ev-0000000000000000"])
            .status
            .success()
    );
}

#[test]
fn chronicle_ingest_twice_changes_nothing() {
    let tmp = TempDir::new();
    let db = tmp.db("twice.db");
    let fx = fixtures();
    ok(chronik(&["ingest", "--db", &db, fx.to_str().unwrap()]));
    let dump = Store::open_existing(Path::new(&db))
        .unwrap()
        .dump()
        .unwrap();
    let events = ok(chronik(&["events", "--db", &db, "--format", "jsonl"]));
    let second = chronik(&["ingest", "--db", &db, fx.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&second.stderr).into_owned();
    ok(second);
    assert!(err.contains("0 new, 4 already stored"), "{err}");
    let store = Store::open_existing(Path::new(&db)).unwrap();
    assert_eq!(store.dump().unwrap(), dump);
    assert_eq!(store.integrity_check().unwrap(), "ok");
    assert_eq!(
        ok(chronik(&["events", "--db", &db, "--format", "jsonl"])),
        events
    );
}

/// Writes `n` distinct reports (the fixtures with ids and a marker line
/// changed) to `path`.
fn many_reports(path: &Path, n: usize) {
    let base: Vec<Value> =
        jsonl(&std::fs::read_to_string(fixtures().join("reports.jsonl")).unwrap());
    let mut out = String::new();
    for k in 0..n {
        let mut r = base[k % base.len()].clone();
        r["id"] = Value::String(format!("{}-{k}", r["id"].as_str().unwrap()));
        let text = format!("{}\nCopy {k}.", r["text"].as_str().unwrap());
        r["text"] = Value::String(text);
        out.push_str(&serde_json::to_string(&r).unwrap());
        out.push('\n');
    }
    std::fs::write(path, out).unwrap();
}

#[test]
fn chronicle_killed_ingest_keeps_whole_batches_and_resumes() {
    let tmp = TempDir::new();
    let corpus = tmp.0.join("corpus.jsonl");
    many_reports(&corpus, 40);
    let corpus = corpus.to_str().unwrap();

    // A clean run for comparison.
    let clean = tmp.db("clean.db");
    ok(chronik(&[
        "ingest",
        "--db",
        &clean,
        "--batch-size",
        "10",
        corpus,
    ]));

    // Killed in the middle of the third batch: after its rows are written,
    // before its commit, with no chance to clean up (abort, no unwinding).
    let db = tmp.db("killed.db");
    let killed = chronik(&[
        "ingest",
        "--db",
        &db,
        "--batch-size",
        "10",
        "--abort-after-batches",
        "2",
        corpus,
    ]);
    assert!(!killed.status.success(), "the hook ends the process");
    {
        let store = Store::open_existing(Path::new(&db)).unwrap();
        assert_eq!(store.integrity_check().unwrap(), "ok");
        let counts = store.counts().unwrap();
        assert_eq!(
            counts.documents, 20,
            "two whole batches, nothing of the third"
        );
        assert!(counts.events > 0);
    }
    // The same ingest again completes it, as if never interrupted.
    let resumed = chronik(&["ingest", "--db", &db, "--batch-size", "10", corpus]);
    let err = String::from_utf8_lossy(&resumed.stderr).into_owned();
    ok(resumed);
    assert!(err.contains("20 new, 20 already stored"), "{err}");
    let a = Store::open_existing(Path::new(&db)).unwrap();
    let b = Store::open_existing(Path::new(&clean)).unwrap();
    assert_eq!(a.integrity_check().unwrap(), "ok");
    assert_eq!(a.dump().unwrap(), b.dump().unwrap());
}

#[test]
fn chronicle_queries_need_a_database() {
    let tmp = TempDir::new();
    let missing = tmp.db("missing.db");
    let o = chronik(&["events", "--db", &missing]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("no database"));
    assert!(
        !Path::new(&missing).exists(),
        "queries never create a database"
    );
}
