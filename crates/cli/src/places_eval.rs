//! `chronik places-eval`: checks of the place recogniser (`chronik-geo`,
//! `Gazetteer::find`) on public gold data — GermEval 2014 LOC (German) and
//! FactRuEval 2016 Location (Russian). Prints precision, recall and F1 as
//! Markdown; writes nothing.
//!
//! GermEval: outer labels; a gold span is a `B-LOC`/`I-LOC` run (tokens).
//! Two views: **LOC** (names only: the recogniser's adjectives and
//! demonyms are not predicted, `LOCderiv`/`LOCpart` count as O) and
//! **LOC+deriv** (`LOCderiv` spans are gold too, adjectives and demonyms
//! are predicted). `LOCpart` (a place inside a compound, "EU-Länder") never
//! counts: the recogniser matches whole words. A prediction covers the
//! GermEval tokens it overlaps (two mentions inside one token such as
//! `München/Hamburg` count once, for that token).
//! Mentions flagged `in_org_name` (`FC Bayern`, `Universität Gießen`) are
//! not predicted: GermEval's outer label there is ORG.
//!
//! FactRuEval: a gold mention is a `Location` object (or `LocOrg`: a place
//! named as an actor, "Россия заявила") of `.objects`; its span runs from
//! the first to the last char of its `loc_name` spans (descriptor words
//! such as "площади", "город" are not part of the name), or of all its
//! spans when it has no `loc_name` span. Predictions are all name, region
//! and area mentions (no adjectives), also those inside organisation names
//! (FactRuEval annotates places nested in organisations). Exact match on
//! chars, and overlap.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use crate::ner_data::{
    Counts, Sentence, char_offsets, factrueval_books, read_germeval, sentence_text,
};
use anyhow::{Context, Result, bail};
use chronik_geo::{Gazetteer, MentionKind, PlaceMention};

use crate::PlacesEvalArgs;

/// A span `[start, end)` in tokens or chars.
type Span = (usize, usize);

/// Exact matching; returns the counts and the unmatched predictions and
/// gold spans.
fn score_exact(gold: &[Span], pred: &[Span]) -> (Counts, Vec<Span>, Vec<Span>) {
    let mut left = gold.to_vec();
    let mut c = Counts::default();
    let mut fps = Vec::new();
    for p in pred {
        match left.iter().position(|g| g == p) {
            Some(i) => {
                left.swap_remove(i);
                c.tp += 1;
            }
            None => {
                c.fp += 1;
                fps.push(*p);
            }
        }
    }
    c.fn_ = left.len();
    (c, fps, left)
}

/// Overlap matching: one-to-one, largest overlap first.
fn score_overlap(gold: &[Span], pred: &[Span]) -> Counts {
    let mut pairs: Vec<(usize, usize, usize)> = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        for (pi, p) in pred.iter().enumerate() {
            let ov = g.1.min(p.1).saturating_sub(g.0.max(p.0));
            if ov > 0 {
                pairs.push((ov, gi, pi));
            }
        }
    }
    pairs.sort_by_key(|p| std::cmp::Reverse(p.0));
    let (mut gu, mut pu) = (vec![false; gold.len()], vec![false; pred.len()]);
    let mut c = Counts::default();
    for (_, gi, pi) in pairs {
        if !gu[gi] && !pu[pi] {
            gu[gi] = true;
            pu[pi] = true;
            c.tp += 1;
        }
    }
    c.fn_ = gu.iter().filter(|u| !**u).count();
    c.fp = pu.iter().filter(|u| !**u).count();
    c
}

/// One table row.
struct Line {
    dataset: String,
    view: &'static str,
    counts: Counts,
}

pub fn run(args: PlacesEvalArgs) -> Result<ExitCode> {
    let t = std::time::Instant::now();
    let mut gaz = Gazetteer::embedded().context("loading the gazetteer")?;
    let load_ms = t.elapsed().as_secs_f64() * 1000.0;
    if args.rules_only {
        gaz.set_tagger(None);
    }
    if let Some(text) = &args.text {
        print!("{}", explain(&gaz, &args.lang, text));
        return Ok(ExitCode::SUCCESS);
    }
    if args.germeval.is_empty() && args.factrueval.is_empty() {
        bail!("give --germeval FILE and/or --factrueval DIR (or --text)");
    }
    let mut lines = Vec::new();
    let mut notes = Vec::new();
    for path in &args.germeval {
        let (l, n) = germeval(&gaz, path, args.errors)?;
        lines.extend(l);
        notes.extend(n);
    }
    for dir in &args.factrueval {
        let (l, n) = factrueval(&gaz, dir, args.errors)?;
        lines.extend(l);
        notes.extend(n);
    }
    let mut s = String::new();
    let _ = writeln!(s, "| dataset | view | gold | predicted | P | R | F1 |");
    let _ = writeln!(s, "|---|---|--:|--:|--:|--:|--:|");
    for l in &lines {
        let (p, r, f) = l.counts.prf();
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} | {p:.3} | {r:.3} | {f:.3} |",
            l.dataset,
            l.view,
            l.counts.tp + l.counts.fn_,
            l.counts.tp + l.counts.fp
        );
    }
    s.push('\n');
    for n in notes {
        let _ = writeln!(s, "{n}");
    }
    let st = gaz.stats();
    let _ = writeln!(
        s,
        "\nGazetteer: {} places, {} names, loaded in {load_ms:.0} ms.",
        st.places, st.names
    );
    print!("{s}");
    Ok(ExitCode::SUCCESS)
}

/// One line per mention: words, kind, flags, candidates, resolved place.
fn explain(gaz: &Gazetteer, lang: &str, text: &str) -> String {
    let mentions = gaz.find(lang, text);
    let focus = gaz.focus_country(&mentions);
    let places = gaz.resolve(&mentions, &chronik_geo::GeoContext::default());
    let mut s = format!("focus country: {}\n", focus.as_deref().unwrap_or("-"));
    for (m, p) in mentions.iter().zip(&places) {
        let cands: Vec<String> = m
            .candidates
            .iter()
            .take(5)
            .map(|&c| {
                let p = gaz.place(c);
                format!("{}/{}/{}", p.name, p.country, p.population)
            })
            .collect();
        let _ = writeln!(
            s,
            "{:?} {:?}{}{} [{}{}] -> {}",
            &text[m.byte_start..m.byte_end],
            m.kind,
            if m.near { " near" } else { "" },
            if m.in_org_name { " in_org_name" } else { "" },
            cands.join(", "),
            if m.candidates.len() > 5 { ", …" } else { "" },
            match p {
                Some(p) => serde_json::to_string(&p.location()).unwrap_or_default(),
                None => "unresolved".into(),
            }
        );
    }
    s
}

// --- GermEval 2014 ---------------------------------------------------------

/// Gold spans (tokens) of the outer labels in `types` ("LOC", "LOCderiv").
fn bio_spans(labels: &[String], types: &[&str]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut open: Option<(usize, String)> = None;
    for (i, l) in labels.iter().enumerate() {
        let (tag, name) = l.split_once('-').unwrap_or((l.as_str(), ""));
        if tag == "I" && open.as_ref().is_some_and(|(_, n)| n == name) {
            continue;
        }
        if let Some((start, _)) = open.take() {
            out.push((start, i));
        }
        if (tag == "B" || tag == "I") && types.contains(&name) {
            open = Some((i, name.to_string()));
        }
    }
    if let Some((start, _)) = open {
        out.push((start, labels.len()));
    }
    out
}

/// The GermEval tokens a mention lies in ("München/Hamburg" is one token,
/// two mentions); `(MAX, MAX)` when it does not align.
fn to_tokens(bounds: &[Span], m: &PlaceMention) -> Span {
    let a = bounds
        .iter()
        .position(|b| b.0 <= m.byte_start && m.byte_start < b.1);
    let b = bounds
        .iter()
        .position(|b| b.0 < m.byte_end && m.byte_end <= b.1);
    match (a, b) {
        (Some(a), Some(b)) if b >= a => (a, b + 1),
        _ => (usize::MAX, usize::MAX),
    }
}

/// The LOC view's predictions: name, region and area mentions (no
/// adjectives or demonyms) outside organisation names, as token spans.
fn loc_predictions(bounds: &[Span], mentions: &[&PlaceMention]) -> Vec<Span> {
    let mut v: Vec<Span> = mentions
        .iter()
        .filter(|m| !m.in_org_name)
        .filter(|m| !matches!(m.kind, MentionKind::Adjective | MentionKind::Demonym))
        .map(|m| to_tokens(bounds, m))
        .collect();
    v.dedup();
    v
}

/// Exact LOC counts of one sentence for the mentions `gaz.find` gives
/// (the **LOC** row of the table).
pub fn loc_counts(gaz: &Gazetteer, s: &Sentence) -> Counts {
    let (text, bounds) = sentence_text(s);
    let mentions = gaz.find("de", &text);
    let refs: Vec<&PlaceMention> = mentions.iter().collect();
    score_exact(
        &bio_spans(&s.labels, &["LOC"]),
        &loc_predictions(&bounds, &refs),
    )
    .0
}

/// Byte spans of the gold LOC names of a sentence in its text.
pub fn loc_gold_bytes(s: &Sentence, bounds: &[Span]) -> Vec<Span> {
    bio_spans(&s.labels, &["LOC"])
        .into_iter()
        .map(|(a, b)| (bounds[a].0, bounds[b - 1].1))
        .collect()
}

fn germeval(gaz: &Gazetteer, path: &Path, errors: usize) -> Result<(Vec<Line>, Vec<String>)> {
    let sentences = read_germeval(path)?;
    let name = path
        .file_name()
        .map_or(String::new(), |n| n.to_string_lossy().into_owned());
    let actors = chronik_actors::Entities::embedded().context("loading resources/entities")?;
    let (mut loc, mut deriv, mut loc_actors) =
        (Counts::default(), Counts::default(), Counts::default());
    let mut by_kind: HashMap<&'static str, (usize, usize)> = HashMap::new();
    let mut shown = 0;
    for s in &sentences {
        let (text, bounds) = sentence_text(s);
        let mentions = gaz.find("de", &text);
        let to_tokens = |m: &PlaceMention| to_tokens(&bounds, m);
        let dedup = |mut v: Vec<Span>| {
            v.dedup();
            v
        };
        // outer labels: a place inside an organisation's name is ORG
        let mentions: Vec<&PlaceMention> = mentions.iter().filter(|m| !m.in_org_name).collect();
        let names = loc_predictions(&bounds, &mentions);
        let all: Vec<Span> = dedup(mentions.iter().map(|m| to_tokens(m)).collect());
        let gold_loc = bio_spans(&s.labels, &["LOC"]);
        let gold_all = bio_spans(&s.labels, &["LOC", "LOCderiv"]);
        let (c, fps, fns) = score_exact(&gold_loc, &names);
        loc.add(c);
        // as the extractor combines them: names that chronik-actors takes for
        // a person's or an organisation's are no places
        let people: Vec<(usize, usize)> = actors
            .recognize(&text, "de")
            .iter()
            .filter(|a| a.kind != chronik_actors::EntityKind::Other)
            .map(|a| (a.byte_start, a.byte_end))
            .collect();
        let kept: Vec<Span> = mentions
            .iter()
            .filter(|m| !matches!(m.kind, MentionKind::Adjective | MentionKind::Demonym))
            .filter(|m| {
                !people
                    .iter()
                    .any(|&(a, b)| a < m.byte_end && m.byte_start < b)
            })
            .map(|m| to_tokens(m))
            .collect();
        loc_actors.add(score_exact(&gold_loc, &dedup(kept)).0);
        let (c2, _, _) = score_exact(&gold_all, &all);
        deriv.add(c2);
        for m in &mentions {
            let k = kind_name(m.kind);
            let e = by_kind.entry(k).or_default();
            e.1 += 1;
            if gold_all.contains(&to_tokens(m)) {
                e.0 += 1;
            }
        }
        let show = |sp: &Span| {
            if sp.0 == usize::MAX {
                "(inside a token)".to_string()
            } else {
                s.tokens[sp.0..sp.1].join(" ")
            }
        };
        for fp in &fps {
            if shown < errors {
                let gold_label = if fp.0 == usize::MAX {
                    "-"
                } else {
                    s.labels[fp.0].as_str()
                };
                eprintln!("germeval FP {:?} [{gold_label}] | {text}", show(fp));
                shown += 1;
            }
        }
        for f in &fns {
            if shown < errors {
                eprintln!("germeval FN {:?} | {text}", show(f));
                shown += 1;
            }
        }
    }
    let mut kinds: Vec<_> = by_kind.into_iter().collect();
    kinds.sort();
    let kinds: Vec<String> = kinds
        .iter()
        .map(|(k, (ok, all))| format!("{k} {ok}/{all}"))
        .collect();
    Ok((
        vec![
            Line {
                dataset: format!("GermEval 2014 {name} ({} sentences)", sentences.len()),
                view: "LOC",
                counts: loc,
            },
            Line {
                dataset: format!("GermEval 2014 {name}"),
                view: "LOC+LOCderiv",
                counts: deriv,
            },
            Line {
                dataset: format!("GermEval 2014 {name}"),
                view: "LOC, chronik-actors names removed",
                counts: loc_actors,
            },
        ],
        vec![format!(
            "GermEval {name}: predictions matching a LOC or LOCderiv span exactly, by mention kind: {}.",
            kinds.join(", ")
        )],
    ))
}

fn kind_name(k: MentionKind) -> &'static str {
    match k {
        MentionKind::Name => "name",
        MentionKind::Adjective => "adjective",
        MentionKind::Demonym => "demonym",
        MentionKind::Region => "region",
        MentionKind::Area => "area",
    }
}

// --- FactRuEval 2016 -------------------------------------------------------

/// Gold mentions of one document (chars): (span, is LocOrg).
fn factrueval_gold(base: &Path) -> Result<Vec<(Span, bool)>> {
    let read = |ext: &str| -> Result<String> {
        let p = base.with_extension(ext);
        std::fs::read_to_string(&p).with_context(|| format!("reading {}", p.display()))
    };
    // span id -> (type, start, end)
    let mut spans: HashMap<String, (String, usize, usize)> = HashMap::new();
    for line in read("spans")?.lines() {
        let data = line.split('#').next().unwrap_or("");
        let c: Vec<&str> = data.split_whitespace().collect();
        if c.len() < 4 {
            continue;
        }
        let (Ok(start), Ok(len)) = (c[2].parse::<usize>(), c[3].parse::<usize>()) else {
            continue;
        };
        spans.insert(c[0].to_string(), (c[1].to_string(), start, start + len));
    }
    let mut out = Vec::new();
    for line in read("objects")?.lines() {
        let data = line.split('#').next().unwrap_or("");
        let c: Vec<&str> = data.split_whitespace().collect();
        let locorg = match c.get(1) {
            Some(&"Location") => false,
            Some(&"LocOrg") => true,
            _ => continue,
        };
        let parts: Vec<&(String, usize, usize)> =
            c[2..].iter().filter_map(|id| spans.get(*id)).collect();
        let names: Vec<&&(String, usize, usize)> =
            parts.iter().filter(|p| p.0 == "loc_name").collect();
        let use_parts: Vec<(usize, usize)> = if names.is_empty() {
            parts.iter().map(|p| (p.1, p.2)).collect()
        } else {
            names.iter().map(|p| (p.1, p.2)).collect()
        };
        if let (Some(a), Some(b)) = (
            use_parts.iter().map(|p| p.0).min(),
            use_parts.iter().map(|p| p.1).max(),
        ) {
            out.push(((a, b), locorg));
        }
    }
    Ok(out)
}

fn factrueval(gaz: &Gazetteer, dir: &Path, errors: usize) -> Result<(Vec<Line>, Vec<String>)> {
    let books = factrueval_books(dir)?;
    let name = dir
        .file_name()
        .map_or(String::new(), |n| n.to_string_lossy().into_owned());
    let (mut loc_ex, mut loc_ov, mut all_ex, mut all_ov) = Default::default();
    let mut shown = 0;
    for book in &books {
        let text =
            std::fs::read_to_string(book).with_context(|| format!("reading {}", book.display()))?;
        let gold = factrueval_gold(book)?;
        let char_of = char_offsets(&text);
        let pred: Vec<Span> = gaz
            .find("ru", &text)
            .iter()
            .filter(|m| !matches!(m.kind, MentionKind::Adjective | MentionKind::Demonym))
            .map(|m| (char_of[m.byte_start], char_of[m.byte_end]))
            .collect();
        let gold_loc: Vec<Span> = gold.iter().filter(|g| !g.1).map(|g| g.0).collect();
        let gold_all: Vec<Span> = gold.iter().map(|g| g.0).collect();
        let (c, _, _) = score_exact(&gold_loc, &pred);
        add(&mut loc_ex, c);
        add(&mut loc_ov, score_overlap(&gold_loc, &pred));
        let (c, fps, fns) = score_exact(&gold_all, &pred);
        add(&mut all_ex, c);
        add(&mut all_ov, score_overlap(&gold_all, &pred));
        let chars: Vec<char> = text.chars().collect();
        let show = |sp: &Span| {
            chars[sp.0..sp.1.min(chars.len())]
                .iter()
                .collect::<String>()
        };
        for fp in &fps {
            if shown < errors {
                eprintln!("factrueval FP {:?}", show(fp));
                shown += 1;
            }
        }
        for f in &fns {
            if shown < errors {
                eprintln!("factrueval FN {:?}", show(f));
                shown += 1;
            }
        }
    }
    let ds = |v: &str| format!("FactRuEval 2016 {name} ({} documents){v}", books.len());
    Ok((
        vec![
            Line {
                dataset: ds(""),
                view: "Location, exact",
                counts: loc_ex,
            },
            Line {
                dataset: ds(""),
                view: "Location, overlap",
                counts: loc_ov,
            },
            Line {
                dataset: ds(""),
                view: "Location+LocOrg, exact",
                counts: all_ex,
            },
            Line {
                dataset: ds(""),
                view: "Location+LocOrg, overlap",
                counts: all_ov,
            },
        ],
        Vec::new(),
    ))
}

fn add(c: &mut Counts, o: Counts) {
    c.add(o);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_eval_bio_spans_table() {
        let l = |s: &str| s.split(' ').map(str::to_string).collect::<Vec<_>>();
        let cases: &[(&str, &[&str], &[Span])] = &[
            ("B-LOC I-LOC O B-LOC", &["LOC"], &[(0, 2), (3, 4)]),
            ("B-LOCderiv O B-LOC", &["LOC"], &[(2, 3)]),
            (
                "B-LOCderiv O B-LOC",
                &["LOC", "LOCderiv"],
                &[(0, 1), (2, 3)],
            ),
            ("B-LOCpart B-ORG I-ORG", &["LOC", "LOCderiv"], &[]),
            ("B-LOC B-LOC I-LOC", &["LOC"], &[(0, 1), (1, 3)]),
        ];
        for (labels, types, want) in cases {
            assert_eq!(bio_spans(&l(labels), types), *want, "{labels}");
        }
    }

    #[test]
    fn places_eval_scores_exact_and_overlap() {
        let gold = [(0, 5), (10, 20)];
        let pred = [(0, 5), (12, 20), (30, 31)];
        let (c, fps, fns) = score_exact(&gold, &pred);
        assert_eq!((c.tp, c.fp, c.fn_), (1, 2, 1));
        assert_eq!((fps.len(), fns.len()), (2, 1));
        let o = score_overlap(&gold, &pred);
        assert_eq!((o.tp, o.fp, o.fn_), (2, 1, 0));
    }
}
