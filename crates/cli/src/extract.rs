//! `chronik extract`: read reports, extract in parallel, write results in
//! input order.

use std::io::{BufWriter, Write};
use std::process::ExitCode;

use anyhow::{Context, Result};
use chronik_extract::Extractor;
use chronik_ingest::{Item, ReadOptions, Summary, read_paths};
use chronik_model::{DocResult, Document};

use crate::{ExtractArgs, ReadArgs};

/// Documents extracted per batch: large enough to keep all threads busy,
/// small enough to bound memory on any corpus size.
const BATCH: usize = 256;

pub fn run(args: ExtractArgs) -> Result<ExitCode> {
    let extractor = Extractor::new().context("loading the built-in resources")?;
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let color = args.pretty && std::io::IsTerminal::is_terminal(&std::io::stdout());
    let summary = for_each_result(&extractor, &args.paths, &args.read, |doc, result| {
        if args.pretty {
            // The human view also says which words dated each event.
            let (result, notes) = extractor.extract_with_notes(doc);
            crate::pretty::write_doc(&mut out, doc, &result, &notes, color)?;
        } else {
            serde_json::to_writer(&mut out, result)?;
            out.write_all(b"\n")?;
        }
        Ok(())
    })?;
    out.flush().context("writing to standard output")?;
    finish(&summary, &args.read)
}

/// Prints the summary and decides the exit code.
pub fn finish(summary: &Summary, read: &ReadArgs) -> Result<ExitCode> {
    eprintln!("chronik: {summary}");
    if read.strict && summary.warnings > 0 {
        eprintln!("chronik: --strict: {} input warning(s)", summary.warnings);
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// Reads `paths`, extracts every document on `threads` workers and hands
/// each (document, result) to `sink` in input order. Warnings go to stderr.
pub fn for_each_result(
    extractor: &Extractor,
    paths: &[std::path::PathBuf],
    read: &ReadArgs,
    mut sink: impl FnMut(&Document, &DocResult) -> Result<()>,
) -> Result<Summary> {
    let threads = read
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1);
    let mut summary = Summary::default();
    let mut batch: Vec<Document> = Vec::with_capacity(BATCH);
    let opts = ReadOptions {
        max_line_bytes: read.max_line_bytes,
    };
    let flush = |batch: &mut Vec<Document>,
                 sink: &mut dyn FnMut(&Document, &DocResult) -> Result<()>|
     -> Result<()> {
        let results = extract_batch(extractor, batch, threads);
        for (doc, result) in batch.iter().zip(&results) {
            sink(doc, result)?;
        }
        batch.clear();
        Ok(())
    };
    for item in read_paths(paths, opts) {
        summary.record(&item);
        match item {
            Item::Doc(_, doc) => {
                batch.push(doc);
                if batch.len() == BATCH {
                    flush(&mut batch, &mut sink)?;
                }
            }
            Item::Warning(w) => eprintln!("chronik: warning: {w}"),
        }
    }
    flush(&mut batch, &mut sink)?;
    Ok(summary)
}

/// Extracts a batch on `threads` scoped threads, keeping the order.
pub fn extract_batch(extractor: &Extractor, docs: &[Document], threads: usize) -> Vec<DocResult> {
    if threads <= 1 || docs.len() < 2 {
        return docs.iter().map(|d| guarded(extractor, d)).collect();
    }
    let chunk = docs.len().div_ceil(threads);
    std::thread::scope(|s| {
        let handles: Vec<_> = docs
            .chunks(chunk)
            .map(|c| s.spawn(move || c.iter().map(|d| guarded(extractor, d)).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .zip(docs.chunks(chunk))
            .flat_map(|(h, c)| h.join().unwrap_or_else(|_| c.iter().map(empty).collect()))
            .collect()
    })
}

/// Extraction never panics on input by design; should a bug make it panic,
/// the document is reported with no events instead of ending the run.
fn guarded(extractor: &Extractor, doc: &Document) -> DocResult {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| extractor.extract(doc)))
        .unwrap_or_else(|_| {
            eprintln!(
                "chronik: error: internal error while extracting {:?}; reported with no events",
                doc.id
            );
            empty(doc)
        })
}

fn empty(doc: &Document) -> DocResult {
    DocResult {
        id: doc.id.clone(),
        lang: doc.lang.clone(),
        relevant: false,
        events: Vec::new(),
        figures: Vec::new(),
    }
}
