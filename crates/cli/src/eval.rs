//! `chronik eval`: run the extractor over a corpus (or read predictions) and
//! score against gold; optionally check the CI ratchet against a baseline.

use std::process::ExitCode;

use anyhow::{Context, Result};
use chronik_eval::{CorpusDoc, GoldDoc, Report, load_gold, parse_predictions, ratchet, score};
use chronik_extract::Extractor;

use crate::EvalArgs;

pub fn run(args: EvalArgs) -> Result<ExitCode> {
    let gold =
        load_gold(&args.gold).with_context(|| format!("reading gold {}", args.gold.display()))?;
    let mut corpus: Vec<CorpusDoc> = Vec::new();
    let mut predicted: Vec<GoldDoc> = Vec::new();
    let wanted: std::collections::HashSet<&str> = gold.iter().map(|g| g.id.as_str()).collect();
    let extractor = match args.pred {
        Some(_) => None,
        None => Some(Extractor::new().context("loading the built-in resources")?),
    };
    let summary = match &extractor {
        Some(ex) => crate::extract::for_each_result(
            ex,
            std::slice::from_ref(&args.corpus),
            &args.read,
            |doc, result| {
                corpus.push(CorpusDoc {
                    id: doc.id.clone(),
                    lang: doc.lang.clone().or(result.lang.clone()),
                    text: doc.text.clone(),
                });
                if wanted.contains(doc.id.as_str()) {
                    predicted.push(GoldDoc::from(result));
                }
                Ok(())
            },
        )?,
        None => {
            let mut summary = chronik_ingest::Summary::default();
            let opts = chronik_ingest::ReadOptions {
                max_line_bytes: args.read.max_line_bytes,
            };
            for item in chronik_ingest::read_paths(std::slice::from_ref(&args.corpus), opts) {
                summary.record(&item);
                match item {
                    chronik_ingest::Item::Doc(_, doc) => corpus.push(CorpusDoc {
                        id: doc.id,
                        lang: doc.lang,
                        text: doc.text,
                    }),
                    chronik_ingest::Item::Warning(w) => eprintln!("chronik: warning: {w}"),
                }
            }
            summary
        }
    };
    if let Some(p) = &args.pred {
        let text = std::fs::read_to_string(p)
            .with_context(|| format!("reading predictions {}", p.display()))?;
        predicted = parse_predictions(&text)
            .with_context(|| format!("parsing predictions {}", p.display()))?;
    }
    let report = score(&corpus, &gold, &predicted);
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else if args.brief {
        print!("{}", report.to_text());
    } else {
        print!("{}", report.to_markdown(&args.title));
    }
    if let Some(md) = &args.markdown {
        std::fs::write(md, report.to_markdown(&args.title))
            .with_context(|| format!("writing {}", md.display()))?;
    }
    if let Some(out) = &args.write_json {
        std::fs::write(out, serde_json::to_string_pretty(&report)? + "\n")
            .with_context(|| format!("writing {}", out.display()))?;
    }
    let code = crate::extract::finish(&summary, &args.read)?;
    if let Some(b) = &args.baseline {
        let text = std::fs::read_to_string(b)
            .with_context(|| format!("reading baseline {}", b.display()))?;
        let baseline: Report = serde_json::from_str(&text)
            .with_context(|| format!("parsing baseline {}", b.display()))?;
        let regressions = ratchet(&report, &baseline, args.tolerance);
        if !regressions.is_empty() {
            for r in &regressions {
                eprintln!(
                    "chronik: ratchet: {} {} fell to {:.3} (baseline {:.3}, tolerance {:.3})",
                    r.group, r.metric, r.now, r.baseline, args.tolerance
                );
            }
            return Ok(ExitCode::from(1));
        }
        eprintln!(
            "chronik: ratchet: no headline F1 fell more than {:.3} below {}",
            args.tolerance,
            b.display()
        );
    }
    Ok(code)
}
