//! End-to-end tests of the `chronik` binary: the bundled examples, every
//! input form, bad input, `--pretty`, `eval` and `bench`.
//!
//! All texts are the project's own (examples/ and the strings below).

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_chronik");

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples")
}

fn articles() -> PathBuf {
    examples().join("articles.jsonl")
}

/// A file in its own fresh directory under the system temp dir (pid +
/// counter, no tempfile crate); the directory is removed on drop.
struct TempFile {
    dir: PathBuf,
    path: PathBuf,
}

impl TempFile {
    fn to_str(&self) -> Option<&str> {
        self.path.to_str()
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn temp_file(name: &str, content: &[u8]) -> TempFile {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let n = COUNTER.fetch_add(1, Ordering::SeqCst);
    let dir = std::env::temp_dir().join(format!("chronik-cli-test-{}-{n}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("create temp dir");
    let path = dir.join(name);
    std::fs::write(&path, content).expect("write temp file");
    TempFile { dir, path }
}

fn chronik(args: &[&str]) -> Output {
    Command::new(BIN).args(args).output().expect("run chronik")
}

fn chronik_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run chronik");
    let mut stdin = child.stdin.take().expect("stdin");
    let input = input.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let out = child.wait_with_output().expect("wait for chronik");
    writer.join().expect("writer thread").expect("write stdin");
    out
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn assert_ok(o: &Output) {
    assert!(
        o.status.success(),
        "chronik failed ({:?}):\n{}",
        o.status,
        stderr(o)
    );
    assert!(
        !stderr(o).contains("panicked"),
        "chronik panicked:\n{}",
        stderr(o)
    );
    assert!(
        !stderr(o).contains("internal error"),
        "extraction panicked:\n{}",
        stderr(o)
    );
}

fn json_lines(o: &Output) -> Vec<Value> {
    stdout(o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

/// The input documents of a JSON Lines file: (id, lang, text).
fn input_docs(path: &Path) -> Vec<(String, String, String)> {
    std::fs::read_to_string(path)
        .expect("read input")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: Value = serde_json::from_str(l).expect("input line is JSON");
            (
                v["id"].as_str().unwrap().to_string(),
                v["lang"].as_str().unwrap().to_string(),
                v["text"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// EVENTS.md §2.2: the ACLED type of each sub-type.
fn type_of(sub_type: &str) -> Option<&'static str> {
    Some(match sub_type {
        "peaceful_protest" | "protest_with_intervention" | "excessive_force_against_protesters" => {
            "protest"
        }
        "violent_demonstration" | "mob_violence" => "riot",
        "attack" | "abduction_forced_disappearance" | "sexual_violence" => {
            "violence_against_civilians"
        }
        "armed_clash" | "government_regains_territory" | "non_state_actor_overtakes_territory" => {
            "battle"
        }
        "air_drone_strike"
        | "shelling_artillery_missile_attack"
        | "remote_explosive_landmine_ied"
        | "grenade"
        | "suicide_bomb"
        | "chemical_weapon" => "explosion_remote_violence",
        "agreement"
        | "arrests"
        | "change_to_group_activity"
        | "disrupted_weapons_use"
        | "headquarters_or_base_established"
        | "looting_property_destruction"
        | "non_violent_transfer_of_territory"
        | "other" => "strategic_development",
        _ => return None,
    })
}

const KINDS: &[&str] = &[
    "demonstration",
    "strike",
    "riot",
    "storming",
    "arson",
    "looting",
    "clash",
    "crowd_control",
    "shooting",
    "killing",
    "arrest",
    "internet_shutdown",
    "state_of_emergency",
    "curfew",
    "government_resignation",
    "appointment",
    "dismissal",
    "troop_deployment",
    "foreign_intervention",
    "troop_withdrawal",
    "concession",
    "other",
];

/// Checks one output line against its document text: shape, spans, types.
fn check_result(r: &Value, text: &str) {
    let id = r["id"].as_str().expect("id");
    assert!(r["relevant"].is_boolean(), "{id}: relevant");
    let events = r["events"].as_array().expect("events");
    let figures = r["figures"].as_array().expect("figures");
    assert_eq!(
        r["relevant"].as_bool().unwrap(),
        !events.is_empty(),
        "{id}: relevant iff events"
    );
    let chars: Vec<char> = text.chars().collect();
    let slice = |item: &Value| -> String {
        let span = item["span"].as_array().expect("span");
        let (a, b) = (
            span[0].as_u64().unwrap() as usize,
            span[1].as_u64().unwrap() as usize,
        );
        assert!(
            a <= b && b <= chars.len(),
            "{id}: span [{a}, {b}) outside {} chars",
            chars.len()
        );
        chars[a..b].iter().collect()
    };
    for e in events {
        assert_eq!(
            slice(e),
            e["evidence"].as_str().unwrap(),
            "{id}: evidence is not text[span] (char offsets)"
        );
        let kind = e["kind"].as_str().unwrap();
        assert!(KINDS.contains(&kind), "{id}: unknown kind {kind}");
        let sub = e["sub_type"].as_str().unwrap();
        assert_eq!(
            type_of(sub),
            e["type"].as_str(),
            "{id}: type {} does not fit sub_type {sub}",
            e["type"]
        );
        assert!(e["hedged"].is_boolean(), "{id}: hedged");
        for field in ["date", "location", "actor1", "actor2", "source"] {
            assert!(e.get(field).is_some(), "{id}: event without {field}");
        }
    }
    for f in figures {
        assert_eq!(
            slice(f),
            f["evidence"].as_str().unwrap(),
            "{id}: figure evidence is not text[span]"
        );
        let what = f["what"].as_str().unwrap();
        assert!(
            [
                "killed",
                "injured",
                "hospitalized",
                "arrested",
                "participants",
                "other"
            ]
            .contains(&what),
            "{id}: what {what}"
        );
        let q = f["qualifier"].as_str().unwrap();
        assert!(
            [
                "exact",
                "at_least",
                "more_than",
                "at_most",
                "about",
                "range",
                "vague"
            ]
            .contains(&q),
            "{id}: qualifier {q}"
        );
        assert!(
            f["low"].is_u64() || f["high"].is_u64(),
            "{id}: a figure without bounds"
        );
    }
}

fn kinds_of(r: &Value) -> Vec<String> {
    r["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap().to_string())
        .collect()
}

fn has_figure(r: &Value, what: &str, low: Option<u64>, high: Option<u64>, qualifier: &str) -> bool {
    r["figures"].as_array().unwrap().iter().any(|f| {
        f["what"] == what
            && f["low"].as_u64() == low
            && f["high"].as_u64() == high
            && f["qualifier"] == qualifier
    })
}

// --- the bundled examples ---------------------------------------------------

#[test]
fn examples_extract_in_order_with_valid_spans() {
    let docs = input_docs(&articles());
    assert_eq!(docs.len(), 9);
    let out = chronik(&["extract", "--strict", articles().to_str().unwrap()]);
    assert_ok(&out);
    assert!(
        stderr(&out).contains("read 9 documents, skipped 0"),
        "{}",
        stderr(&out)
    );
    let results = json_lines(&out);
    assert_eq!(results.len(), docs.len(), "one output line per document");
    for ((id, lang, text), r) in docs.iter().zip(&results) {
        assert_eq!(r["id"].as_str(), Some(id.as_str()), "input order");
        check_result(r, text);
        if lang == "de" || lang == "en" {
            assert!(!kinds_of(r).is_empty(), "{id}: no event found");
        }
    }
    let found: BTreeSet<String> = results.iter().flat_map(kinds_of).collect();
    let key = [
        "demonstration",
        "strike",
        "crowd_control",
        "arrest",
        "killing",
        "shooting",
        "storming",
        "looting",
        "clash",
        "arson",
        "internet_shutdown",
        "state_of_emergency",
        "curfew",
        "government_resignation",
        "appointment",
        "dismissal",
        "troop_deployment",
        "troop_withdrawal",
        "concession",
        "other",
    ];
    let missing: Vec<&str> = key
        .iter()
        .copied()
        .filter(|k| !found.contains(*k))
        .collect();
    assert!(
        missing.is_empty(),
        "kinds no longer found in examples/: {missing:?}"
    );

    // Claims and figures the examples were written to show.
    let events: Vec<&Value> = results
        .iter()
        .flat_map(|r| r["events"].as_array().unwrap())
        .collect();
    assert!(events.iter().any(|e| e["hedged"] == true), "a hedged event");
    assert!(
        events.iter().any(|e| e["source"].is_string()),
        "an attributed event"
    );
    assert!(
        events.iter().any(|e| e["date"] == "2023-03-15"),
        "an explicit day date"
    );
    let by_id = |id: &str| results.iter().find(|r| r["id"] == id).unwrap();
    assert!(has_figure(
        by_id("ex-de-1"),
        "arrested",
        Some(200),
        None,
        "more_than"
    ));
    assert!(has_figure(
        by_id("ex-de-2"),
        "killed",
        Some(12),
        None,
        "at_least"
    ));
    assert!(has_figure(
        by_id("ex-de-2"),
        "injured",
        Some(300),
        Some(400),
        "range"
    ));
    assert!(has_figure(
        by_id("ex-en-1"),
        "killed",
        Some(12),
        None,
        "at_least"
    ));
    assert!(has_figure(
        by_id("ex-en-1"),
        "participants",
        Some(3000),
        Some(3000),
        "about"
    ));
    assert!(has_figure(
        by_id("ex-en-2"),
        "arrested",
        Some(457),
        Some(457),
        "exact"
    ));
    assert!(has_figure(
        by_id("ex-ru-1"),
        "participants",
        Some(2000),
        Some(2000),
        "about"
    ));
    assert!(kinds_of(by_id("ex-ru-1")).contains(&"arrest".to_string()));
    assert!(kinds_of(by_id("ex-ru-2")).contains(&"state_of_emergency".to_string()));
}

#[test]
fn examples_extraction_is_deterministic_across_threads() {
    let one = chronik(&["extract", "--threads", "1", articles().to_str().unwrap()]);
    let many = chronik(&["extract", "--threads", "4", articles().to_str().unwrap()]);
    assert_ok(&one);
    assert_ok(&many);
    assert_eq!(stdout(&one), stdout(&many));
}

#[test]
fn seed_files_and_directories() {
    let seed = examples().join("seed");
    let de = seed.join("seed-de-schanaozen.txt");
    let en = seed.join("seed-en-minsk.txt");
    let out = chronik(&["extract", de.to_str().unwrap(), en.to_str().unwrap()]);
    assert_ok(&out);
    let results = json_lines(&out);
    let ids: Vec<&str> = results.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["seed-de-schanaozen", "seed-en-minsk"]);
    for (path, r) in [&de, &en].iter().zip(&results) {
        // Seed form: " date 2023-03 <text>"; offsets count from the text.
        let raw = std::fs::read_to_string(path).unwrap();
        let text = raw
            .trim_start()
            .strip_prefix("date")
            .unwrap()
            .trim_start()
            .strip_prefix("2023-03")
            .unwrap();
        let text = text.strip_prefix(' ').unwrap();
        check_result(r, text);
        assert!(r["relevant"] == true);
        // The month-precision document date carries into the events.
        assert!(
            r["events"]
                .as_array()
                .unwrap()
                .iter()
                .all(|e| e["date"].as_str().is_some_and(|d| d.starts_with("2023-03")))
        );
    }

    // The seed directory: same documents, sorted path order.
    let dir = chronik(&["extract", seed.to_str().unwrap()]);
    assert_ok(&dir);
    assert_eq!(stdout(&dir), stdout(&out));

    // The whole examples directory: articles.jsonl, then seed/*; README.md is
    // not an input format and is reported, not read.
    let all = chronik(&["extract", examples().to_str().unwrap()]);
    assert_ok(&all);
    let ids: Vec<String> = json_lines(&all)
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids.len(), 11, "{ids:?}");
    assert_eq!(ids[0], "ex-de-1");
    assert_eq!(&ids[9..], ["seed-de-schanaozen", "seed-en-minsk"]);
    assert!(stderr(&all).contains("README.md"), "{}", stderr(&all));
}

#[test]
fn gzip_and_stdin_give_the_same_output() {
    let plain_bytes = std::fs::read(articles()).unwrap();
    let plain = chronik(&["extract", articles().to_str().unwrap()]);
    assert_ok(&plain);

    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(&plain_bytes).unwrap();
    let gz_bytes = gz.finish().unwrap();
    let gz_path = temp_file("articles.jsonl.gz", &gz_bytes);
    let from_gz = chronik(&["extract", gz_path.to_str().unwrap()]);
    assert_ok(&from_gz);
    assert_eq!(stdout(&from_gz), stdout(&plain), ".gz");

    let from_stdin = chronik_stdin(&["extract", "-"], &plain_bytes);
    assert_ok(&from_stdin);
    assert_eq!(stdout(&from_stdin), stdout(&plain), "stdin");

    let gz_stdin = chronik_stdin(&["extract", "-"], &gz_bytes);
    assert_ok(&gz_stdin);
    assert_eq!(stdout(&gz_stdin), stdout(&plain), "gzip on stdin");

    // A seed text on stdin is one document called "stdin".
    let seed = std::fs::read(examples().join("seed/seed-en-minsk.txt")).unwrap();
    let seed_stdin = chronik_stdin(&["extract", "-"], &seed);
    assert_ok(&seed_stdin);
    let r = json_lines(&seed_stdin);
    assert_eq!(r.len(), 1);
    assert_eq!(r[0]["id"], "stdin");
    assert!(r[0]["relevant"] == true);
}

// --- bad input ----------------------------------------------------------------

fn bad_jsonl() -> TempFile {
    let mut content = Vec::new();
    content.extend_from_slice(br#"{"id":"good-1","date":"2023-03","lang":"en","text":"Police detained 14 journalists in Minsk."}"#);
    content.extend_from_slice(b"\n{\"id\":\"broken\",\"text\":\"unterminated\n");
    content.extend_from_slice(
        b"{\"id\":\"bad-utf8\",\"lang\":\"de\",\"text\":\"Stra\xdfe \xff\xfe gesperrt\"}\n",
    );
    content.extend_from_slice(br#"{"id":"no-text","date":"2023-03","lang":"de"}"#);
    content.extend_from_slice(b"\n");
    content.extend_from_slice(r#"{"id":"good-2","date":"2023-03-14","lang":"de","text":"Laut Innenministerium wurden mehr als 200 Menschen festgenommen."}"#.as_bytes());
    content.extend_from_slice(b"\n");
    temp_file("bad-lines.jsonl", &content)
}

#[test]
fn bad_lines_are_skipped_with_warnings() {
    let path = bad_jsonl();
    let out = chronik(&["extract", path.to_str().unwrap()]);
    assert_ok(&out);
    let results = json_lines(&out);
    let ids: Vec<&str> = results.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["good-1", "good-2"]);
    let err = stderr(&out);
    for line in [2, 3, 4] {
        assert!(
            err.contains(&format!("bad-lines.jsonl:{line}:")),
            "stderr names file and line {line}:\n{err}"
        );
    }
    assert!(
        !err.contains("bad-lines.jsonl:1:") && !err.contains("bad-lines.jsonl:5:"),
        "good lines warned:\n{err}"
    );
    assert!(err.contains("skipped 3"), "summary:\n{err}");
    assert!(err.contains("read 2 documents"), "summary:\n{err}");
}

#[test]
fn strict_turns_warnings_into_failure() {
    let path = bad_jsonl();
    let out = chronik(&["extract", "--strict", path.to_str().unwrap()]);
    assert!(!out.status.success(), "--strict with bad lines must fail");
    assert!(!stderr(&out).contains("panicked"));
    // Clean input passes --strict: see examples_extract_in_order_with_valid_spans.
}

#[test]
fn empty_and_binary_files_warn_without_failing() {
    let empty = temp_file("empty.jsonl", b"");
    let mut bin = b"\x7fELF\x02\x01\x01\x00\x00\x00\x00".to_vec();
    bin.extend((0u8..=255).cycle().take(4096));
    let binary = temp_file("blob.txt", &bin);
    let out = chronik(&[
        "extract",
        empty.to_str().unwrap(),
        binary.to_str().unwrap(),
        articles().to_str().unwrap(),
    ]);
    assert_ok(&out);
    assert_eq!(json_lines(&out).len(), 9, "the good file is still read");
    let err = stderr(&out);
    assert!(err.contains("empty.jsonl"), "{err}");
    assert!(err.contains("blob.txt"), "{err}");
    assert!(err.contains("warning"), "{err}");
}

#[test]
fn missing_path_is_reported() {
    let out = chronik(&[
        "extract",
        "/nonexistent/chronik/input.jsonl",
        articles().to_str().unwrap(),
    ]);
    assert!(!stderr(&out).contains("panicked"));
    assert!(
        stderr(&out).contains("/nonexistent/chronik/input.jsonl"),
        "{}",
        stderr(&out)
    );
    assert_eq!(json_lines(&out).len(), 9);
}

// --- languages ----------------------------------------------------------------

#[test]
fn unsupported_and_minimal_languages() {
    let fr = "La police a dispersé les manifestants avec des gaz lacrymogènes dans le centre de Paris mardi soir. \
              Selon le ministère de l'Intérieur, plus de deux cents personnes ont été interpellées pendant la nuit.";
    let ru = "По данным МВД, более 100 человек задержаны в Алматы.";
    let input = format!(
        "{}\n{}\n",
        serde_json::json!({"id": "fr-1", "date": "2023-03", "text": fr}),
        serde_json::json!({"id": "ru-1", "date": "2023-03", "lang": "ru", "text": ru}),
    );
    let path = temp_file("langs.jsonl", input.as_bytes());
    let out = chronik(&["extract", "--strict", path.to_str().unwrap()]);
    assert_ok(&out);
    let results = json_lines(&out);
    assert_eq!(results.len(), 2);
    assert_eq!(results[0]["lang"], "fr");
    assert_eq!(results[0]["relevant"], false);
    assert!(results[0]["events"].as_array().unwrap().is_empty());
    assert!(results[0]["figures"].as_array().unwrap().is_empty());
    check_result(&results[1], ru);
    assert_eq!(results[1]["id"], "ru-1");
}

// --- views and other commands ---------------------------------------------------

#[test]
fn pretty_shows_ids_and_kinds() {
    let out = chronik(&["extract", "--pretty", articles().to_str().unwrap()]);
    assert_ok(&out);
    let text = stdout(&out);
    assert!(!text.contains('\x1b'), "no colour when not on a terminal");
    for id in ["ex-de-1", "ex-de-2", "ex-en-1", "ex-ru-3"] {
        assert!(text.contains(id), "pretty output lacks {id}");
    }
    for kind in ["arrest", "crowd_control", "state_of_emergency", "storming"] {
        assert!(text.contains(kind), "pretty output lacks {kind}");
    }
    assert!(text.contains("figure"), "pretty output lists figures");
}

#[test]
fn eval_scores_a_tiny_corpus() {
    let corpus = format!(
        "{}\n{}\n",
        serde_json::json!({"id": "t-de", "date": "2023-03", "lang": "de",
            "text": "Laut Innenministerium wurden mehr als 200 Menschen festgenommen. Die Polizei setzte Tränengas ein."}),
        serde_json::json!({"id": "t-en", "date": "2023-03", "lang": "en",
            "text": "Police detained 14 journalists. The weather was mild."}),
    );
    // Gold written by hand for the two documents above (EVENTS.md §4).
    let gold = format!(
        "{}\n{}\n",
        serde_json::json!({"id": "t-de", "relevant": true,
            "events": [
                {"kind": "arrest", "type": "strategic_development", "sub_type": "arrests",
                 "evidence": "wurden mehr als 200 Menschen festgenommen", "date": "2023-03", "location": null,
                 "actor1": null, "hedged": false, "source": "Innenministerium"},
                {"kind": "crowd_control", "type": "protest", "sub_type": "protest_with_intervention",
                 "evidence": "Die Polizei setzte Tränengas ein", "date": "2023-03", "location": null,
                 "actor1": "police", "hedged": false, "source": null}],
            "figures": [{"what": "arrested", "low": 200, "high": null, "qualifier": "more_than",
                 "evidence": "mehr als 200 Menschen festgenommen", "hedged": false, "source": "Innenministerium"}]}),
        serde_json::json!({"id": "t-en", "relevant": true,
            "events": [{"kind": "arrest", "type": "strategic_development", "sub_type": "arrests",
                 "evidence": "Police detained 14 journalists", "date": "2023-03", "location": null,
                 "actor1": "police", "hedged": false, "source": null}],
            "figures": [{"what": "arrested", "low": 14, "high": 14, "qualifier": "exact",
                 "evidence": "detained 14 journalists", "hedged": false, "source": null}]}),
    );
    let corpus_path = temp_file("corpus.jsonl", corpus.as_bytes());
    let gold_path = temp_file("gold.jsonl", gold.as_bytes());
    let (c, g) = (corpus_path.to_str().unwrap(), gold_path.to_str().unwrap());

    let table = chronik(&["eval", "--corpus", c, "--gold", g]);
    assert_ok(&table);
    let text = stdout(&table);
    assert!(text.contains("de+en") || text.contains("all"), "{text}");

    let json = chronik(&["eval", "--corpus", c, "--gold", g, "--json"]);
    assert_ok(&json);
    let report: Value = serde_json::from_str(&stdout(&json)).expect("--json output is JSON");
    let f1 = report["groups"]["all"]["events"]["f1"]
        .as_f64()
        .expect("groups.all.events.f1");
    assert!((0.0..=1.0).contains(&f1));
    assert!(
        f1 > 0.0,
        "the three gold mentions are plain; at least one must match"
    );
}

#[test]
fn bench_reports_throughput_and_memory() {
    let out = chronik(&["bench", articles().to_str().unwrap(), "--repeat", "1"]);
    assert_ok(&out);
    let text = stdout(&out);
    for needle in ["documents/s", "MB/s", "peak memory"] {
        assert!(
            text.contains(needle),
            "bench output lacks {needle:?}:\n{text}"
        );
    }
}
