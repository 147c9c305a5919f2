//! `chronik places-train`: trains the German place tagger
//! (`chronik_geo::Tagger`) on a GermEval 2014 file and writes the model;
//! `--folds K` first prints K-fold cross-validated LOC precision, recall
//! and F1 of rules + tagger on that file (scored as `places-eval`'s LOC
//! row, with the same `Gazetteer::find`).

use std::fmt::Write as _;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result, bail};
use chronik_geo::{Gazetteer, MentionKind, Policy, Sources, TrainOptions, TrainText, train};

use crate::PlacesTrainArgs;
use crate::ner_data::sentence_text;
use crate::ner_data::{Counts, Sentence, read_germeval};
use crate::places_eval::{loc_counts, loc_gold_bytes};

fn train_text(s: &Sentence) -> TrainText {
    let (text, bounds) = sentence_text(s);
    let spans = loc_gold_bytes(s, &bounds);
    TrainText { text, spans }
}

pub fn run(args: PlacesTrainArgs) -> Result<ExitCode> {
    let mut sentences = Vec::new();
    for p in &args.germeval {
        sentences.extend(read_germeval(p)?);
    }
    if sentences.is_empty() {
        bail!("no sentences in the --germeval files");
    }
    // the rules alone: the tagger is what is trained
    let mut gaz = Gazetteer::from_sources(&Sources::embedded()).context("loading the gazetteer")?;
    let opts = TrainOptions {
        epochs: args.epochs,
        seed: args.seed,
        prune: args.prune,
    };
    let policy = Policy {
        reject_margin: args.reject_margin,
        add_spans: !args.no_add,
        judge_org: args.judge_org,
        protect_pop: args.protect_pop,
    };
    let data: Vec<TrainText> = sentences.iter().map(train_text).collect();
    if args.folds > 1 {
        let k = args.folds;
        let (mut rules, mut tagged) = (Counts::default(), Counts::default());
        let mut alone = Counts::default();
        let mut out = String::new();
        let _ = writeln!(
            out,
            "| fold | sentences | rules P | R | F1 | rules+tagger P | R | F1 |"
        );
        let _ = writeln!(out, "|--:|--:|--:|--:|--:|--:|--:|--:|");
        for fold in 0..k {
            let train_part: Vec<TrainText> = data
                .iter()
                .enumerate()
                .filter(|(i, _)| i % k != fold)
                .map(|(_, d)| d.clone())
                .collect();
            let mut tagger = train(&gaz, &train_part, &opts);
            tagger.set_policy(policy);
            let (mut r, mut t) = (Counts::default(), Counts::default());
            let held: Vec<&Sentence> = sentences
                .iter()
                .enumerate()
                .filter(|(i, _)| i % k == fold)
                .map(|(_, s)| s)
                .collect();
            gaz.set_tagger(None);
            for s in &held {
                r.add(loc_counts(&gaz, s));
            }
            for s in &held {
                let (text, bounds) = sentence_text(s);
                let gold = loc_gold_bytes(s, &bounds);
                let pred = tagger.spans(&gaz, &text);
                let tp = pred.iter().filter(|p| gold.contains(p)).count();
                alone.add(Counts {
                    tp,
                    fp: pred.len() - tp,
                    fn_: gold.len() - tp,
                });
                if args.errors {
                    for p in pred.iter().filter(|p| !gold.contains(p)) {
                        eprintln!("FP {:?} | {text}", &text[p.0..p.1]);
                    }
                    for g in gold.iter().filter(|g| !pred.contains(g)) {
                        eprintln!("FN {:?} | {text}", &text[g.0..g.1]);
                    }
                }
            }
            gaz.set_tagger(Some(tagger));
            for s in &held {
                t.add(loc_counts(&gaz, s));
                if args.errors {
                    let (text, bounds) = sentence_text(s);
                    let gold = loc_gold_bytes(s, &bounds);
                    let pred: Vec<(usize, usize)> = gaz
                        .find("de", &text)
                        .iter()
                        .filter(|m| !m.in_org_name)
                        .filter(|m| {
                            !matches!(m.kind, MentionKind::Adjective | MentionKind::Demonym)
                        })
                        .map(|m| (m.byte_start, m.byte_end))
                        .collect();
                    for p in pred.iter().filter(|p| !gold.contains(p)) {
                        eprintln!("CFP {:?} | {text}", &text[p.0..p.1]);
                    }
                    for g in gold.iter().filter(|g| !pred.contains(g)) {
                        eprintln!("CFN {:?} | {text}", &text[g.0..g.1]);
                    }
                }
            }
            gaz.set_tagger(None);
            let (rp, rr, rf) = r.prf();
            let (tp, tr, tf) = t.prf();
            let _ = writeln!(
                out,
                "| {fold} | {} | {rp:.3} | {rr:.3} | {rf:.3} | {tp:.3} | {tr:.3} | {tf:.3} |",
                held.len()
            );
            rules.add(r);
            tagged.add(t);
        }
        let (rp, rr, rf) = rules.prf();
        let (tp, tr, tf) = tagged.prf();
        let _ = writeln!(
            out,
            "| all | {} | {rp:.3} | {rr:.3} | {rf:.3} | **{tp:.3}** | **{tr:.3}** | **{tf:.3}** |",
            sentences.len()
        );
        let (ap, ar, af) = alone.prf();
        let _ = writeln!(
            out,
            "\nTagger alone (byte spans): P {ap:.3} R {ar:.3} F1 {af:.3}"
        );
        print!("{out}");
    }
    if let Some(path) = &args.out {
        let t = Instant::now();
        let tagger = train(&gaz, &data, &opts);
        let names: Vec<String> = args
            .germeval
            .iter()
            .map(|p| {
                p.file_name()
                    .map_or(String::new(), |n| n.to_string_lossy().into_owned())
            })
            .collect();
        let source = format!(
            "trained by `chronik places-train` (epochs {}, seed {}, prune {}) on GermEval 2014 {} ({} sentences; CC BY 4.0, Benikova et al. 2014) with the rules of resources/gazetteer and resources/de/places.tsv and the word classes of resources/gazetteer/de-nouns.tsv (German Wiktionary via german-nouns 1.2.5, CC BY-SA 4.0) as features",
            opts.epochs,
            opts.seed,
            opts.prune,
            names.join(", "),
            sentences.len()
        );
        std::fs::write(path, tagger.to_model_text(&source))
            .with_context(|| format!("writing {}", path.display()))?;
        eprintln!(
            "chronik: wrote {} ({} features) in {:.1} s",
            path.display(),
            tagger.features(),
            t.elapsed().as_secs_f64()
        );
    }
    Ok(ExitCode::SUCCESS)
}
