//! `chronik timex`: the temporal tagger on its own.
//!
//! `--wikiwars DIR` scores it against WikiWarsDE (TIMEX2 inline keys,
//! `DIR/keyinline/*.key.xml`): tags are stripped to recover the text, gold
//! extents and values are kept, the tagger runs in narrative mode from the
//! document creation time, and extraction (lenient = overlap, strict =
//! exact extent) and value accuracy (over lenient matches) are reported per
//! file and overall next to HeidelTime 1.8's published numbers, with the
//! commonest value errors and misses to guide work. `--text` tags one
//! text against a document date and explains each expression.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use chronik_model::PartialDate;
use chronik_temporal::{Expr, Reference, Tagger, Timex, resolve, resolve_narrative};
use serde::Serialize;

use crate::TimexArgs;

/// HeidelTime 1.8 on WikiWarsDE (Strötgen & Gertz): lenient F1, strict F1,
/// value accuracy, in percent.
const HEIDELTIME: (f64, f64, f64) = (93.3, 87.7, 88.5);

pub fn run(args: TimexArgs) -> Result<ExitCode> {
    let tagger = Tagger::new().context("loading the built-in temporal resources")?;
    if let Some(text) = &args.text {
        explain(&tagger, &args.lang, text, args.reference.as_deref())?;
        return Ok(ExitCode::SUCCESS);
    }
    let Some(dir) = &args.wikiwars else {
        bail!("give --wikiwars DIR or --text TEXT");
    };
    let report = wikiwars(&tagger, dir, args.errors)?;
    let md = markdown(&report, dir, true);
    if let Some(path) = &args.markdown {
        // The file keeps numbers only: the corpus text (CC BY-SA) stays out
        // of the repository.
        let numbers = markdown(&report, dir, false);
        std::fs::write(path, numbers).with_context(|| format!("writing {}", path.display()))?;
    }
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print!("{md}");
    }
    Ok(ExitCode::SUCCESS)
}

fn explain(tagger: &Tagger, lang: &str, text: &str, reference: Option<&str>) -> Result<()> {
    let reference = match reference {
        Some(r) => {
            Reference::Document(PartialDate::parse(r).with_context(|| format!("--reference {r}"))?)
        }
        None => Reference::None,
    };
    for t in tagger.tag(lang, text) {
        let span = &text[t.byte_start..t.byte_end];
        match resolve(&t.expr, reference) {
            Some(r) => println!(
                "{span:?} [{}] → {}{} ({:?}, ACLED {}) — {}",
                t.rule,
                r.value,
                r.modifier
                    .map_or(String::new(), |m| format!(" mod={}", m.code())),
                r.precision,
                r.acled_time_precision
                    .map_or("-".to_string(), |c| c.to_string()),
                r.reasoning
            ),
            None => println!("{span:?} [{}] → unresolved ({:?})", t.rule, t.expr),
        }
    }
    Ok(())
}

/// One gold TIMEX2: byte extent in the stripped text, value.
#[derive(Debug, Clone)]
struct Gold {
    start: usize,
    end: usize,
    val: Option<String>,
}

/// A document of the corpus: stripped text, gold, document creation time.
struct Doc {
    name: String,
    text: String,
    gold: Vec<Gold>,
    dct: Option<PartialDate>,
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let key = format!("{name}=\"");
    let start = tag.find(&key)? + key.len();
    let len = tag[start..].find('"')?;
    Some(tag[start..start + len].to_string())
}

fn decode_entity(s: &str) -> Option<(char, usize)> {
    for (e, c) in [
        ("&amp;", '&'),
        ("&lt;", '<'),
        ("&gt;", '>'),
        ("&quot;", '"'),
        ("&apos;", '\''),
    ] {
        if s.starts_with(e) {
            return Some((c, e.len()));
        }
    }
    None
}

/// Strips the inline tags of the `<TEXT>` part, keeping TIMEX2 extents.
fn parse_doc(name: &str, raw: &str) -> Result<Doc> {
    let dct = raw
        .find("<DATETIME>")
        .and_then(|p| attr(&raw[p..], "val"))
        .and_then(|v| PartialDate::parse(v.get(..10).unwrap_or(&v)).ok());
    let body_start = raw
        .find("<TEXT>")
        .with_context(|| format!("{name}: no <TEXT>"))?
        + "<TEXT>".len();
    let body_end = raw
        .rfind("</TEXT>")
        .with_context(|| format!("{name}: no </TEXT>"))?;
    let body = &raw[body_start..body_end];
    let mut text = String::with_capacity(body.len());
    let mut gold = Vec::new();
    let mut open: Vec<(usize, Option<String>)> = Vec::new();
    let mut i = 0;
    while i < body.len() {
        let rest = &body[i..];
        if rest.starts_with('<') {
            let close = rest
                .find('>')
                .with_context(|| format!("{name}: unclosed tag"))?;
            let tag = &rest[..=close];
            if tag.starts_with("<TIMEX2") {
                open.push((text.len(), attr(tag, "val")));
            } else if tag.starts_with("</TIMEX2") {
                let (start, val) = open
                    .pop()
                    .with_context(|| format!("{name}: </TIMEX2> without <TIMEX2>"))?;
                // Extents are compared without surrounding whitespace.
                let span = &text[start..];
                let lead = span.len() - span.trim_start().len();
                let trail = span.len() - span.trim_end().len();
                gold.push(Gold {
                    start: start + lead,
                    end: text.len() - trail,
                    val,
                });
            }
            i += close + 1;
        } else if let Some((c, n)) = decode_entity(rest) {
            text.push(c);
            i += n;
        } else {
            let c = rest.chars().next().unwrap_or(' ');
            text.push(c);
            i += c.len_utf8();
        }
    }
    gold.sort_by_key(|g| (g.start, g.end));
    Ok(Doc {
        name: name.to_string(),
        text,
        gold,
        dct,
    })
}

fn read_corpus(dir: &Path) -> Result<Vec<Doc>> {
    let sub = dir.join("keyinline");
    let dir = if sub.is_dir() { sub } else { dir.to_path_buf() };
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".key.xml"))
        .collect();
    files.sort();
    if files.is_empty() {
        bail!("{}: no *.key.xml files", dir.display());
    }
    files
        .iter()
        .map(|p| {
            let raw =
                std::fs::read_to_string(p).with_context(|| format!("reading {}", p.display()))?;
            let name = p.file_name().map_or(String::new(), |n| {
                n.to_string_lossy().replace(".key.xml", "")
            });
            parse_doc(&name, &raw)
        })
        .collect()
}

/// Ranges count as their parts (the gold annotates "vom 2." and "5. Januar"
/// separately).
fn flatten(timexes: Vec<Timex>) -> Vec<Timex> {
    let mut out = Vec::with_capacity(timexes.len());
    for t in timexes {
        match t.expr {
            Expr::Range(a, b) => {
                out.extend(flatten(vec![*a]));
                out.extend(flatten(vec![*b]));
            }
            _ => out.push(t),
        }
    }
    out
}

#[derive(Debug, Clone, Default, Serialize)]
struct Counts {
    gold: usize,
    predicted: usize,
    lenient_matches: usize,
    strict_matches: usize,
    value_correct: usize,
}

impl Counts {
    fn add(&mut self, o: &Counts) {
        self.gold += o.gold;
        self.predicted += o.predicted;
        self.lenient_matches += o.lenient_matches;
        self.strict_matches += o.strict_matches;
        self.value_correct += o.value_correct;
    }

    fn prf(&self, matches: usize) -> (f64, f64, f64) {
        let p = ratio(matches, self.predicted);
        let r = ratio(matches, self.gold);
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    }

    fn value_accuracy(&self) -> f64 {
        ratio(self.value_correct, self.lenient_matches)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

#[derive(Debug, Clone, Serialize)]
struct ErrorClass {
    gold_shape: String,
    predicted_shape: String,
    count: usize,
    examples: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
struct Miss {
    text: String,
    count: usize,
}

#[derive(Debug, Serialize)]
struct Report {
    files: Vec<(String, Counts)>,
    overall: Counts,
    lenient: (f64, f64, f64),
    strict: (f64, f64, f64),
    value_accuracy: f64,
    heideltime: (f64, f64, f64),
    value_errors: Vec<ErrorClass>,
    missed: Vec<Miss>,
    spurious: Vec<Miss>,
    extent_errors: Vec<Miss>,
}

/// A value's shape for grouping errors: digits → 9.
fn shape(v: &str) -> String {
    v.chars()
        .map(|c| if c.is_ascii_digit() { '9' } else { c })
        .collect()
}

fn top(map: BTreeMap<String, usize>, n: usize) -> Vec<Miss> {
    let mut v: Vec<Miss> = map
        .into_iter()
        .map(|(text, count)| Miss { text, count })
        .collect();
    v.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.text.cmp(&b.text)));
    v.truncate(n);
    v
}

fn wikiwars(tagger: &Tagger, dir: &Path, n_errors: usize) -> Result<Report> {
    let docs = read_corpus(dir)?;
    let mut files = Vec::new();
    let mut overall = Counts::default();
    let mut errors: BTreeMap<(String, String), (usize, Vec<String>)> = BTreeMap::new();
    let mut missed: BTreeMap<String, usize> = BTreeMap::new();
    let mut spurious: BTreeMap<String, usize> = BTreeMap::new();
    let mut extents: BTreeMap<String, usize> = BTreeMap::new();
    for doc in &docs {
        let pred = flatten(tagger.tag("de", &doc.text));
        let values = resolve_narrative(&pred, doc.dct);
        let mut c = Counts {
            gold: doc.gold.len(),
            predicted: pred.len(),
            ..Counts::default()
        };
        let mut used = vec![false; pred.len()];
        let mut strict_used = vec![false; pred.len()];
        let mut gold_hit = vec![false; doc.gold.len()];
        for (gi, g) in doc.gold.iter().enumerate() {
            if let Some(k) = pred.iter().enumerate().position(|(k, p)| {
                !strict_used[k] && p.byte_start == g.start && p.byte_end == g.end
            }) {
                strict_used[k] = true;
                c.strict_matches += 1;
            }
            // Lenient: the unused prediction with the largest overlap.
            let best = pred
                .iter()
                .enumerate()
                .filter(|(k, p)| !used[*k] && p.byte_start < g.end && g.start < p.byte_end)
                .max_by_key(|(_, p)| p.byte_end.min(g.end) - p.byte_start.max(g.start))
                .map(|(k, _)| k);
            let Some(k) = best else {
                *missed
                    .entry(doc.text[g.start..g.end].to_lowercase())
                    .or_default() += 1;
                continue;
            };
            used[k] = true;
            gold_hit[gi] = true;
            c.lenient_matches += 1;
            let p = &pred[k];
            if (p.byte_start, p.byte_end) != (g.start, g.end) {
                let key = format!(
                    "{} ≠ {}",
                    &doc.text[g.start..g.end],
                    &doc.text[p.byte_start..p.byte_end]
                );
                *extents.entry(key).or_default() += 1;
            }
            let pv = values[k].as_ref().map(|r| r.value.clone());
            if pv == g.val {
                c.value_correct += 1;
            } else {
                let gs = g.val.as_deref().map_or("none".to_string(), shape);
                let ps = pv.as_deref().map_or("unresolved".to_string(), shape);
                let e = errors.entry((gs, ps)).or_insert((0, Vec::new()));
                e.0 += 1;
                if e.1.len() < 3 {
                    e.1.push(format!(
                        "{}: {:?} gold {} → {} [{}]",
                        doc.name,
                        &doc.text[p.byte_start..p.byte_end],
                        g.val.as_deref().unwrap_or("none"),
                        pv.as_deref().unwrap_or("unresolved"),
                        p.rule
                    ));
                }
            }
        }
        for (k, p) in pred.iter().enumerate() {
            if !used[k] {
                *spurious
                    .entry(doc.text[p.byte_start..p.byte_end].to_lowercase())
                    .or_default() += 1;
            }
        }
        overall.add(&c);
        files.push((doc.name.clone(), c));
    }
    let mut value_errors: Vec<ErrorClass> = errors
        .into_iter()
        .map(|((g, p), (count, examples))| ErrorClass {
            gold_shape: g,
            predicted_shape: p,
            count,
            examples,
        })
        .collect();
    value_errors.sort_by_key(|e| std::cmp::Reverse(e.count));
    value_errors.truncate(n_errors);
    Ok(Report {
        lenient: overall.prf(overall.lenient_matches),
        strict: overall.prf(overall.strict_matches),
        value_accuracy: overall.value_accuracy(),
        heideltime: HEIDELTIME,
        files,
        overall,
        value_errors,
        missed: top(missed, n_errors),
        spurious: top(spurious, n_errors),
        extent_errors: top(extents, n_errors),
    })
}

fn pct(x: f64) -> String {
    format!("{:.1}", 100.0 * x)
}

/// The report; `examples` adds the error lists, which quote the corpus.
fn markdown(r: &Report, dir: &Path, examples: bool) -> String {
    let mut s = String::new();
    s.push_str("# WikiWarsDE: chronik-temporal\n\n");
    s.push_str(
        "WikiWarsDE (Strötgen & Gertz 2011; German Wikipedia, CC BY-SA 3.0) is read by path at run \
         time and is not part of this repository.\n\n",
    );
    s.push_str(&format!(
        "Reproduce: `cargo run --release -- timex --wikiwars {} --markdown eval/reports/wikiwarsde.md`\n\n",
        dir.display()
    ));
    s.push_str(&format!(
        "{} documents, {} gold TIMEX2 in the texts (the document creation times are not scored), {} predicted. \
         Narrative mode: relative expressions resolve against the last mentioned date, starting from the \
         document creation time. Ranges count as their two parts.\n\n",
        r.files.len(),
        r.overall.gold,
        r.overall.predicted
    ));
    s.push_str("| | lenient P | lenient R | lenient F1 | strict P | strict R | strict F1 | value accuracy |\n");
    s.push_str("|---|--:|--:|--:|--:|--:|--:|--:|\n");
    s.push_str(&format!(
        "| chronik-temporal | {} | {} | **{}** | {} | {} | **{}** | **{}** |\n",
        pct(r.lenient.0),
        pct(r.lenient.1),
        pct(r.lenient.2),
        pct(r.strict.0),
        pct(r.strict.1),
        pct(r.strict.2),
        pct(r.value_accuracy)
    ));
    s.push_str(&format!(
        "| HeidelTime 1.8 (published) | | | {:.1} | | | {:.1} | {:.1} |\n\n",
        r.heideltime.0, r.heideltime.1, r.heideltime.2
    ));
    s.push_str("Value accuracy is over lenient matches (values equal, `mod` not compared).\n\n");
    s.push_str(
        "Notes on the comparison:\n\n\
         - Matching is one-to-one: lenient pairs each gold expression with the unused prediction that \
         overlaps it most; strict needs the same extent (gold trimmed of surrounding whitespace). \
         HeidelTime's numbers are as published (ACE TERN scorer); the scorers differ in detail.\n\
         - There is no held-out part: the rules were developed while looking at this corpus (the error \
         lists the command prints). They are general rules (narrative anchoring, extents, vocabulary), but the \
         numbers are in-sample. Discourse words the gold rarely marks (\"nun\", \"später\" alone, \
         \"vorher\", \"zu dieser Zeit\") are not tagged.\n\
         - Narrative anchoring: a written year that the text leaves again at once, a bare year shortly \
         before the story time and look-backs (\"im Vorjahr\") do not move the anchor \
         (`resolve_narrative`). Sections that restart at an earlier date without writing its year \
         (03_AmCivWar) remain the largest source of value errors.\n\n",
    );
    s.push_str("## Per file\n\n| file | gold | predicted | lenient F1 | strict F1 | value accuracy |\n|---|--:|--:|--:|--:|--:|\n");
    for (name, c) in &r.files {
        s.push_str(&format!(
            "| {name} | {} | {} | {} | {} | {} |\n",
            c.gold,
            c.predicted,
            pct(c.prf(c.lenient_matches).2),
            pct(c.prf(c.strict_matches).2),
            pct(c.value_accuracy())
        ));
    }
    if !examples {
        s.push_str(
            "\nThe error lists (value errors by shape, misses, spurious expressions, extent \
             differences) quote the corpus and are printed by the command only.\n",
        );
        return s;
    }
    s.push_str("\n## Commonest value errors (gold shape → predicted shape)\n\n| count | gold | predicted | examples |\n|--:|---|---|---|\n");
    for e in &r.value_errors {
        s.push_str(&format!(
            "| {} | `{}` | `{}` | {} |\n",
            e.count,
            e.gold_shape,
            e.predicted_shape,
            e.examples.join("; ").replace('|', "\\|")
        ));
    }
    for (title, list) in [
        ("Commonest misses (gold not found)", &r.missed),
        ("Commonest spurious expressions", &r.spurious),
        (
            "Commonest extent differences (gold ≠ predicted)",
            &r.extent_errors,
        ),
    ] {
        s.push_str(&format!("\n## {title}\n\n"));
        let items: Vec<String> = list
            .iter()
            .map(|m| format!("{} ×{}", m.text.replace('\n', " "), m.count))
            .collect();
        s.push_str(&items.join(" · "));
        s.push('\n');
    }
    s
}
