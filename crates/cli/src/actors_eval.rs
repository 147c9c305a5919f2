//! `chronik actors-eval`: named-entity checks of chronik-actors on public
//! gold data — persons and organisations of GermEval 2014 (German, PER and
//! ORG, outer labels) and FactRuEval 2016 (Russian, Person and Org
//! mentions). Prints precision, recall and F1 per type as Markdown.
//!
//! Matching is exact: a predicted name counts when its type and its token
//! span (GermEval) or character span (FactRuEval) equal a gold one. For
//! FactRuEval, whose Org mentions include descriptor words ("движения
//! «Солидарность»"), overlapping spans of the same type are also reported.
//! GermEval `*deriv`/`*part` labels (derived adjectives, names inside
//! compounds) are not names of the type and count as O; a prediction that
//! covers only part of a GermEval token (the name inside a compound) is
//! left out of the count and reported. Institutions named by a common noun
//! ("Regierung", "правительство": entities of type `body`) are not names
//! and are not predicted here.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use crate::ner_data::{Counts, char_offsets, factrueval_books, read_germeval, sentence_text};
use anyhow::{Context, Result, bail};
use chronik_actors::{Entities, EntityKind, EntityMention, Rule};

use crate::ActorsEvalArgs;

/// Entity types scored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Ty {
    Per,
    Org,
}

impl Ty {
    fn name(self, factrueval: bool) -> &'static str {
        match (self, factrueval) {
            (Ty::Per, false) => "PER",
            (Ty::Org, false) => "ORG",
            (Ty::Per, true) => "Person",
            (Ty::Org, true) => "Org",
        }
    }
}

/// A typed span: (type, start, end) in tokens or chars.
type Span = (Ty, usize, usize);

/// The type a mention is scored as, if any.
fn mention_type(entities: &Entities, m: &EntityMention) -> Option<Ty> {
    if m.entity.is_some_and(|id| entities.get(id).generic) {
        return None;
    }
    match m.kind {
        EntityKind::Person => Some(Ty::Per),
        EntityKind::Org => Some(Ty::Org),
        EntityKind::Other => None,
    }
}

/// Exact matching: counts per type, plus the unmatched spans.
fn score_exact(gold: &[Span], pred: &[Span]) -> (HashMap<Ty, Counts>, Vec<Span>, Vec<Span>) {
    let mut counts: HashMap<Ty, Counts> = HashMap::new();
    let mut gold_left: Vec<Span> = gold.to_vec();
    let mut fps = Vec::new();
    for p in pred {
        match gold_left.iter().position(|g| g == p) {
            Some(i) => {
                gold_left.swap_remove(i);
                counts.entry(p.0).or_default().tp += 1;
            }
            None => {
                counts.entry(p.0).or_default().fp += 1;
                fps.push(*p);
            }
        }
    }
    for g in &gold_left {
        counts.entry(g.0).or_default().fn_ += 1;
    }
    (counts, fps, gold_left)
}

/// Overlap matching: same type, at least one shared unit, one-to-one,
/// largest overlap first.
fn score_overlap(gold: &[Span], pred: &[Span]) -> HashMap<Ty, Counts> {
    let mut pairs: Vec<(usize, usize, usize)> = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        for (pi, p) in pred.iter().enumerate() {
            let ov = g.2.min(p.2).saturating_sub(g.1.max(p.1));
            if g.0 == p.0 && ov > 0 {
                pairs.push((ov, gi, pi));
            }
        }
    }
    pairs.sort_by_key(|p| std::cmp::Reverse(p.0));
    let (mut gu, mut pu) = (vec![false; gold.len()], vec![false; pred.len()]);
    let mut counts: HashMap<Ty, Counts> = HashMap::new();
    for (_, gi, pi) in pairs {
        if !gu[gi] && !pu[pi] {
            gu[gi] = true;
            pu[pi] = true;
            counts.entry(gold[gi].0).or_default().tp += 1;
        }
    }
    for (gi, g) in gold.iter().enumerate() {
        if !gu[gi] {
            counts.entry(g.0).or_default().fn_ += 1;
        }
    }
    for (pi, p) in pred.iter().enumerate() {
        if !pu[pi] {
            counts.entry(p.0).or_default().fp += 1;
        }
    }
    counts
}

/// One dataset's result.
struct Outcome {
    title: String,
    units: String,
    exact: HashMap<Ty, Counts>,
    overlap: Option<HashMap<Ty, Counts>>,
    notes: Vec<String>,
    factrueval: bool,
    /// Per rule: (exact matches, predictions).
    rules: HashMap<&'static str, (usize, usize)>,
}

/// Counts, per rule, the predictions that match a gold span exactly.
fn tally_rules(
    rules: &mut HashMap<&'static str, (usize, usize)>,
    gold: &[Span],
    pred: &[(Span, Rule)],
) {
    let mut left: Vec<Span> = gold.to_vec();
    for (p, rule) in pred {
        let e = rules.entry(rule.as_str()).or_default();
        e.1 += 1;
        if let Some(i) = left.iter().position(|g| g == p) {
            left.swap_remove(i);
            e.0 += 1;
        }
    }
}

pub fn run(args: ActorsEvalArgs) -> Result<ExitCode> {
    if args.germeval.is_none() && args.factrueval.is_none() {
        bail!("give --germeval FILE and/or --factrueval DIR");
    }
    let entities = Entities::embedded().context("loading resources/entities")?;
    let mut outcomes = Vec::new();
    if let Some(path) = &args.germeval {
        outcomes.push(germeval(&entities, path, args.errors)?);
    }
    if let Some(dir) = &args.factrueval {
        outcomes.push(factrueval(&entities, dir, args.errors)?);
    }
    print!("{}", markdown(&outcomes));
    Ok(ExitCode::SUCCESS)
}

fn markdown(outcomes: &[Outcome]) -> String {
    let mut s = String::new();
    for o in outcomes {
        let _ = writeln!(s, "### {}\n", o.title);
        let _ = writeln!(s, "| type | match | gold | predicted | P | R | F1 |");
        let _ = writeln!(s, "|---|---|--:|--:|--:|--:|--:|");
        let mut tables = vec![("exact", &o.exact)];
        if let Some(ov) = &o.overlap {
            tables.push(("overlap", ov));
        }
        for (how, counts) in tables {
            let mut all = Counts::default();
            for ty in [Ty::Per, Ty::Org] {
                let c = counts.get(&ty).copied().unwrap_or_default();
                all.add(c);
                row(&mut s, ty.name(o.factrueval), how, c);
            }
            row(&mut s, "both", how, all);
        }
        let _ = writeln!(s, "\nUnits: {}.", o.units);
        let mut rules: Vec<_> = o.rules.iter().collect();
        rules.sort_by_key(|r| (std::cmp::Reverse(r.1.1), *r.0));
        let by_rule: Vec<String> = rules
            .iter()
            .map(|(r, (ok, all))| format!("{r} {ok}/{all}"))
            .collect();
        let _ = writeln!(
            s,
            "Exact matches / predictions by rule: {}.",
            by_rule.join(", ")
        );
        for n in &o.notes {
            let _ = writeln!(s, "{n}");
        }
        s.push('\n');
    }
    s
}

fn row(s: &mut String, name: &str, how: &str, c: Counts) {
    let (p, r, f) = c.prf();
    let _ = writeln!(
        s,
        "| {name} | {how} | {} | {} | {p:.3} | {r:.3} | {f:.3} |",
        c.tp + c.fn_,
        c.tp + c.fp
    );
}

// --- GermEval 2014 ---------------------------------------------------------

/// Gold spans of plain PER and ORG (outer BIO labels) in token positions.
fn bio_spans(labels: &[String]) -> Vec<Span> {
    let ty_of = |l: &str| match l {
        "PER" => Some(Ty::Per),
        "ORG" => Some(Ty::Org),
        _ => None,
    };
    let mut out = Vec::new();
    let mut open: Option<(Ty, usize, String)> = None;
    for (i, l) in labels.iter().enumerate() {
        let (tag, name) = l.split_once('-').unwrap_or((l.as_str(), ""));
        let continues = tag == "I" && open.as_ref().is_some_and(|(_, _, n)| n == name);
        if continues {
            continue;
        }
        if let Some((ty, start, _)) = open.take() {
            out.push((ty, start, i));
        }
        if let (true, Some(ty)) = (tag == "B" || tag == "I", ty_of(name)) {
            open = Some((ty, i, name.to_string()));
        } else if tag == "B" || tag == "I" {
            // Other labels (LOC, OTH, *deriv, *part) close the span and are
            // not scored.
            open = None;
        }
    }
    if let Some((ty, start, _)) = open {
        out.push((ty, start, labels.len()));
    }
    out
}

fn germeval(entities: &Entities, path: &Path, errors: usize) -> Result<Outcome> {
    let sentences = read_germeval(path)?;
    let mut exact: HashMap<Ty, Counts> = HashMap::new();
    let mut rules = HashMap::new();
    let (mut partial, mut on_deriv_part) = (0, 0);
    let mut shown = (0, 0);
    for s in &sentences {
        let (text, bounds) = sentence_text(s);
        let gold = bio_spans(&s.labels);
        let mut pred = Vec::new();
        let mut pred_rules = Vec::new();
        for m in entities.recognize(&text, "de") {
            let Some(ty) = mention_type(entities, &m) else {
                continue;
            };
            let first = bounds.iter().position(|b| b.0 == m.byte_start);
            let last = bounds.iter().position(|b| b.1 == m.byte_end);
            match (first, last) {
                (Some(a), Some(b)) if b >= a => {
                    pred.push((ty, a, b + 1));
                    pred_rules.push(((ty, a, b + 1), m.rule));
                }
                _ => partial += 1,
            }
        }
        let (counts, fps, fns) = score_exact(&gold, &pred);
        for (ty, c) in counts {
            exact.entry(ty).or_default().add(c);
        }
        tally_rules(&mut rules, &gold, &pred_rules);
        for fp in &fps {
            if s.labels[fp.1..fp.2]
                .iter()
                .any(|l| l.ends_with("deriv") || l.ends_with("part"))
            {
                on_deriv_part += 1;
            }
        }
        let show = |sp: &Span| s.tokens[sp.1..sp.2].join(" ");
        for fp in fps.iter().take(errors.saturating_sub(shown.0)) {
            eprintln!("germeval FP {:?} {:?} | {}", fp.0, show(fp), text);
            shown.0 += 1;
        }
        for f in fns.iter().take(errors.saturating_sub(shown.1)) {
            eprintln!("germeval FN {:?} {:?} | {}", f.0, show(f), text);
            shown.1 += 1;
        }
    }
    Ok(Outcome {
        title: format!(
            "GermEval 2014, {} ({} sentences)",
            path.file_name()
                .map_or(String::new(), |n| n.to_string_lossy().into_owned()),
            sentences.len()
        ),
        units: "GermEval tokens; outer labels, plain PER/ORG (`*deriv`, `*part` count as O)".into(),
        exact,
        overlap: None,
        notes: vec![format!(
            "Predictions inside a token (names in compounds), not counted: {partial}. \
             False positives on `*deriv`/`*part` tokens: {on_deriv_part}."
        )],
        factrueval: false,
        rules,
    })
}

// --- FactRuEval 2016 -------------------------------------------------------

/// Gold Person and Org mentions of one document, in chars.
fn factrueval_gold(base: &Path) -> Result<Vec<Span>> {
    let read = |ext: &str| -> Result<String> {
        let p = base.with_extension(ext);
        std::fs::read_to_string(&p).with_context(|| format!("reading {}", p.display()))
    };
    let mut spans: HashMap<String, (usize, usize)> = HashMap::new();
    for line in read("spans")?.lines() {
        let data = line.split('#').next().unwrap_or("");
        let c: Vec<&str> = data.split_whitespace().collect();
        if c.len() < 4 {
            continue;
        }
        let (Ok(start), Ok(len)) = (c[2].parse::<usize>(), c[3].parse::<usize>()) else {
            continue;
        };
        spans.insert(c[0].to_string(), (start, start + len));
    }
    let mut out = Vec::new();
    for line in read("objects")?.lines() {
        let data = line.split('#').next().unwrap_or("");
        let c: Vec<&str> = data.split_whitespace().collect();
        let ty = match c.get(1) {
            Some(&"Person") => Ty::Per,
            Some(&"Org") => Ty::Org,
            _ => continue,
        };
        let parts: Vec<(usize, usize)> = c[2..]
            .iter()
            .filter_map(|id| spans.get(*id))
            .copied()
            .collect();
        if let (Some(a), Some(b)) = (
            parts.iter().map(|p| p.0).min(),
            parts.iter().map(|p| p.1).max(),
        ) {
            out.push((ty, a, b));
        }
    }
    Ok(out)
}

fn factrueval(entities: &Entities, dir: &Path, errors: usize) -> Result<Outcome> {
    let books = factrueval_books(dir)?;
    let mut exact: HashMap<Ty, Counts> = HashMap::new();
    let mut overlap: HashMap<Ty, Counts> = HashMap::new();
    let mut rules = HashMap::new();
    let mut shown = (0, 0);
    for book in &books {
        let text =
            std::fs::read_to_string(book).with_context(|| format!("reading {}", book.display()))?;
        let gold = factrueval_gold(book)?;
        let char_of = char_offsets(&text);
        let pred_rules: Vec<(Span, Rule)> = entities
            .recognize(&text, "ru")
            .iter()
            .filter_map(|m| {
                mention_type(entities, m)
                    .map(|ty| ((ty, char_of[m.byte_start], char_of[m.byte_end]), m.rule))
            })
            .collect();
        let pred: Vec<Span> = pred_rules.iter().map(|(s, _)| *s).collect();
        tally_rules(&mut rules, &gold, &pred_rules);
        let (counts, fps, fns) = score_exact(&gold, &pred);
        for (ty, c) in counts {
            exact.entry(ty).or_default().add(c);
        }
        for (ty, c) in score_overlap(&gold, &pred) {
            overlap.entry(ty).or_default().add(c);
        }
        let chars: Vec<char> = text.chars().collect();
        let show = |sp: &Span| {
            chars[sp.1..sp.2.min(chars.len())]
                .iter()
                .collect::<String>()
        };
        for fp in fps.iter().take(errors.saturating_sub(shown.0)) {
            eprintln!("factrueval FP {:?} {:?}", fp.0, show(fp));
            shown.0 += 1;
        }
        for f in fns.iter().take(errors.saturating_sub(shown.1)) {
            eprintln!("factrueval FN {:?} {:?}", f.0, show(f));
            shown.1 += 1;
        }
    }
    Ok(Outcome {
        title: format!(
            "FactRuEval 2016, {} ({} documents)",
            dir.file_name()
                .map_or(String::new(), |n| n.to_string_lossy().into_owned()),
            books.len()
        ),
        units: "characters of `.txt`; a gold mention spans its `.spans` (first to last char)"
            .into(),
        exact,
        overlap: Some(overlap),
        notes: Vec::new(),
        factrueval: true,
        rules,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actors_eval_bio_spans_table() {
        let l = |s: &str| s.split(' ').map(str::to_string).collect::<Vec<_>>();
        let cases: &[(&str, &[Span])] = &[
            ("B-PER I-PER O B-ORG", &[(Ty::Per, 0, 2), (Ty::Org, 3, 4)]),
            ("B-PERderiv O B-LOC I-LOC", &[]),
            ("B-ORG B-ORG I-ORG", &[(Ty::Org, 0, 1), (Ty::Org, 1, 3)]),
            ("O I-PER I-PER", &[(Ty::Per, 1, 3)]),
            ("B-ORGpart B-PER", &[(Ty::Per, 1, 2)]),
        ];
        for (labels, want) in cases {
            assert_eq!(bio_spans(&l(labels)), *want, "{labels}");
        }
    }

    #[test]
    fn actors_eval_scores_exact_and_overlap() {
        let gold = [(Ty::Per, 0, 5), (Ty::Org, 10, 20)];
        let pred = [(Ty::Per, 0, 5), (Ty::Org, 12, 20), (Ty::Org, 30, 31)];
        let (c, fps, fns) = score_exact(&gold, &pred);
        assert_eq!((c[&Ty::Per].tp, c[&Ty::Org].tp, c[&Ty::Org].fp), (1, 0, 2));
        assert_eq!((fps.len(), fns.len()), (2, 1));
        let o = score_overlap(&gold, &pred);
        assert_eq!((o[&Ty::Org].tp, o[&Ty::Org].fp, o[&Ty::Org].fn_), (1, 1, 0));
    }
}
