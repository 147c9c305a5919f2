//! `chronik eval-merge`: pairwise merge precision, recall and F1 against
//! gold happenings (EVENTS.md §7, last paragraph).
//!
//! The corpus is ingested into an in-memory store exactly as `chronik
//! ingest` does (extraction, storing, merging per batch). Gold mentions are
//! matched to the reported mentions of the same document one to one by
//! span overlap, largest overlap first (as EVENTS.md §5 matches mentions;
//! the vague `"event": null` mentions take part in the matching but are
//! not scored). Over every pair of matched, scored gold mentions from
//! different documents: a pair is *merged* when both reported mentions
//! landed in the same event, *grouped* when gold puts both in the same
//! happening. Precision = merged ∧ grouped / merged; recall = merged ∧
//! grouped / grouped.

use std::collections::{BTreeMap, HashMap};
use std::io::{BufRead, BufReader};
use std::process::ExitCode;

use anyhow::{Context, Result};
use chronik_model::CharSpan;
use chronik_store::{MergeChecks, Store};
use serde::{Deserialize, Serialize};

use super::{EvalMergeArgs, IngestOpts};

#[derive(Deserialize)]
struct GoldLine {
    event: Option<String>,
    #[serde(default)]
    mentions: Vec<GoldMention>,
}

#[derive(Deserialize)]
struct GoldMention {
    id: String,
    span: Option<[usize; 2]>,
}

/// The scores.
#[derive(Debug, Serialize)]
pub struct MergeScores {
    /// Pairwise precision.
    pub precision: f64,
    /// Pairwise recall.
    pub recall: f64,
    /// Pairwise F1.
    pub f1: f64,
    /// Pairs merged and grouped.
    pub true_pairs: usize,
    /// Pairs merged.
    pub merged_pairs: usize,
    /// Pairs grouped by gold (both matched).
    pub gold_pairs: usize,
    /// Gold-grouped pairs of different documents before matching.
    pub gold_pairs_all: usize,
    /// Scored gold mentions.
    pub gold_mentions: usize,
    /// Of which matched by a reported mention.
    pub matched_mentions: usize,
    /// Reported mentions in the whole corpus.
    pub corpus_mentions: usize,
    /// Events in the whole corpus.
    pub corpus_events: usize,
    /// Events per mention over the whole corpus.
    pub events_per_mention: f64,
    /// Sanity counts (cross-family and cross-place merges must be 0).
    pub checks: MergeChecks,
    /// Per gold happening: (slug, grouped pairs, merged of them).
    pub per_event: Vec<(String, usize, usize)>,
    /// Merged pairs gold does not group, by (gold happening a, gold happening b).
    pub false_merges: Vec<(String, String, usize)>,
}

pub fn run(args: EvalMergeArgs) -> Result<ExitCode> {
    let mut store = Store::in_memory()?;
    let opts = IngestOpts {
        batch_size: 512,
        quiet: true,
        abort_after_batches: None,
    };
    let report = super::ingest::ingest(
        &mut store,
        std::slice::from_ref(&args.corpus),
        None,
        &opts,
        &args.read,
    )?;
    let scores = score(&store, &args.gold_events)?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&scores)?);
    } else if args.markdown {
        print!("{}", markdown(&scores, report.read.read));
    } else {
        print!("{}", text(&scores));
    }
    Ok(ExitCode::SUCCESS)
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// Scores the merged events in `store` against the gold happenings file.
pub fn score(store: &Store, gold_path: &std::path::Path) -> Result<MergeScores> {
    let file = std::fs::File::open(gold_path)
        .with_context(|| format!("reading {}", gold_path.display()))?;
    // Gold mentions per document: (span, happening or None).
    let mut gold: BTreeMap<String, Vec<(CharSpan, Option<String>)>> = BTreeMap::new();
    for (n, line) in BufReader::new(file).lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let g: GoldLine = serde_json::from_str(&line)
            .with_context(|| format!("{}:{}", gold_path.display(), n + 1))?;
        for m in g.mentions {
            if let Some([a, b]) = m.span {
                gold.entry(m.id)
                    .or_default()
                    .push((CharSpan::new(a, b), g.event.clone()));
            }
        }
    }
    // Match per document; collect (doc, gold happening, predicted event).
    let mut scored: Vec<(String, String, Option<String>)> = Vec::new();
    let mut gold_mentions = 0;
    for (doc, gms) in &gold {
        let pred = store.document_mentions(doc)?;
        let mut cands: Vec<(usize, usize, usize)> = Vec::new();
        for (gi, (gs, _)) in gms.iter().enumerate() {
            for (pi, (ps, _, _)) in pred.iter().enumerate() {
                let o = gs.overlap(*ps);
                if o > 0 {
                    cands.push((o, gi, pi));
                }
            }
        }
        cands.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        let mut g_used = vec![false; gms.len()];
        let mut p_used = vec![false; pred.len()];
        let mut matched: Vec<Option<usize>> = vec![None; gms.len()];
        for (_, gi, pi) in cands {
            if !g_used[gi] && !p_used[pi] {
                g_used[gi] = true;
                p_used[pi] = true;
                matched[gi] = Some(pi);
            }
        }
        for (gi, (_, happening)) in gms.iter().enumerate() {
            let Some(h) = happening else { continue };
            gold_mentions += 1;
            let event = matched[gi].and_then(|pi| pred[pi].2.clone());
            if matched[gi].is_some() {
                scored.push((doc.clone(), h.clone(), event));
            }
        }
    }
    // All gold pairs of different documents, matched or not.
    let all: Vec<(&String, &String)> = gold
        .iter()
        .flat_map(|(d, ms)| {
            ms.iter()
                .filter_map(move |(_, h)| h.as_ref().map(|h| (d, h)))
        })
        .collect();
    let mut gold_pairs_all = 0;
    for i in 0..all.len() {
        for j in i + 1..all.len() {
            if all[i].0 != all[j].0 && all[i].1 == all[j].1 {
                gold_pairs_all += 1;
            }
        }
    }
    let (mut tp, mut merged, mut grouped) = (0, 0, 0);
    let mut per_event: HashMap<&str, (usize, usize)> = HashMap::new();
    let mut false_merges: BTreeMap<(String, String), usize> = BTreeMap::new();
    for i in 0..scored.len() {
        for j in i + 1..scored.len() {
            let (a, b) = (&scored[i], &scored[j]);
            if a.0 == b.0 {
                continue;
            }
            let same_gold = a.1 == b.1;
            let same_pred = a.2.is_some() && a.2 == b.2;
            if same_gold {
                grouped += 1;
                let entry = per_event.entry(a.1.as_str()).or_default();
                entry.0 += 1;
                if same_pred {
                    entry.1 += 1;
                }
            }
            if same_pred {
                merged += 1;
                if same_gold {
                    tp += 1;
                } else {
                    let key = if a.1 <= b.1 {
                        (a.1.clone(), b.1.clone())
                    } else {
                        (b.1.clone(), a.1.clone())
                    };
                    *false_merges.entry(key).or_default() += 1;
                }
            }
        }
    }
    let precision = ratio(tp, merged);
    let recall = ratio(tp, grouped);
    let counts = store.counts()?;
    let mut per_event: Vec<(String, usize, usize)> = per_event
        .into_iter()
        .map(|(k, (g, m))| (k.to_string(), g, m))
        .collect();
    per_event.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut false_merges: Vec<(String, String, usize)> = false_merges
        .into_iter()
        .map(|((a, b), n)| (a, b, n))
        .collect();
    false_merges.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)).then(a.1.cmp(&b.1)));
    Ok(MergeScores {
        precision,
        recall,
        f1: f1(precision, recall),
        true_pairs: tp,
        merged_pairs: merged,
        gold_pairs: grouped,
        gold_pairs_all,
        gold_mentions,
        matched_mentions: scored.len(),
        corpus_mentions: counts.mentions,
        corpus_events: counts.events,
        events_per_mention: ratio(counts.events, counts.mentions),
        checks: store.merge_checks()?,
        per_event,
        false_merges,
    })
}

fn text(s: &MergeScores) -> String {
    format!(
        "pairwise merge  P {:.3}  R {:.3}  F1 {:.3}   ({} of {} merged pairs right; {} of {} gold pairs found)\n\
         gold mentions matched {}/{}; gold pairs with both mentions matched {}/{}\n\
         corpus: {} mentions → {} events ({:.3} events per mention); events merging \
         several kind families {}, several named places {}, several kinds {}, several reports {}\n",
        s.precision,
        s.recall,
        s.f1,
        s.true_pairs,
        s.merged_pairs,
        s.true_pairs,
        s.gold_pairs,
        s.matched_mentions,
        s.gold_mentions,
        s.gold_pairs,
        s.gold_pairs_all,
        s.corpus_mentions,
        s.corpus_events,
        s.events_per_mention,
        s.checks.cross_family,
        s.checks.cross_place,
        s.checks.cross_kind,
        s.checks.multi_document,
    )
}

fn markdown(s: &MergeScores, documents: usize) -> String {
    let mut out = String::new();
    out.push_str("| pairwise merge | precision | recall | F1 |\n|---|--:|--:|--:|\n");
    out.push_str(&format!(
        "| chronik | {:.3} | {:.3} | {:.3} |\n\n",
        s.precision, s.recall, s.f1
    ));
    out.push_str(&format!(
        "- merged pairs {} (right {}); gold pairs with both mentions matched {} (of {} gold pairs)\n\
         - gold mentions matched by a reported mention: {} of {}\n\
         - corpus: {documents} reports, {} mentions → {} events = **{:.3} events per mention**\n\
         - events merging several kind families: {}; several named places: {}; several kinds \
         (within a family): {}; told by several reports: {}\n\n",
        s.merged_pairs,
        s.true_pairs,
        s.gold_pairs,
        s.gold_pairs_all,
        s.matched_mentions,
        s.gold_mentions,
        s.corpus_mentions,
        s.corpus_events,
        s.events_per_mention,
        s.checks.cross_family,
        s.checks.cross_place,
        s.checks.cross_kind,
        s.checks.multi_document,
    ));
    out.push_str("Gold happenings with the most pairs (pairs found / gold pairs):\n\n| happening | found | pairs |\n|---|--:|--:|\n");
    for (slug, g, m) in s.per_event.iter().take(15) {
        out.push_str(&format!("| {slug} | {m} | {g} |\n"));
    }
    out.push_str("\nCommonest wrong merges (pairs of gold happenings merged):\n\n| happening a | happening b | pairs |\n|---|---|--:|\n");
    for (a, b, n) in s.false_merges.iter().take(10) {
        out.push_str(&format!("| {a} | {b} | {n} |\n"));
    }
    out
}
