//! `chronik ingest`: read → extract (worker threads) → one writer storing
//! batches in the chronicle, merging as it goes.
//!
//! A producer thread reads the inputs, skips reports the database already
//! holds (checked on a second, read-only connection, so a repeated or
//! resumed ingest does not extract them again), extracts each batch on
//! `--threads` workers and hands it over a bounded channel to the writer,
//! which stores it in one transaction. Reading and extracting the next
//! batch overlaps with writing the current one.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::mpsc::sync_channel;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use chronik_extract::Extractor;
use chronik_ingest::{Item, ReadOptions, Summary, read_paths};
use chronik_model::{DocResult, Document};
use chronik_store::{BatchStats, Prepared, Stemmers, Store, WriteOptions, WriteStage};
use indicatif::{ProgressBar, ProgressStyle};

use super::{IngestArgs, IngestOpts, is_memory};
use crate::ReadArgs;

/// What an ingest did.
#[derive(Debug, Default)]
pub struct IngestReport {
    /// Reader summary (documents read, input warnings).
    pub read: Summary,
    /// Reports skipped before extraction because the database had them.
    pub skipped_known: usize,
    /// Store statistics summed over the batches.
    pub stats: BatchStats,
    /// Batches committed.
    pub batches: usize,
    /// Wall time.
    pub elapsed: Duration,
    /// Time the writer spent storing and merging (the rest of the wall
    /// time it waited for extraction).
    pub writing: Duration,
}

impl IngestReport {
    /// Reports per second over the whole run.
    pub fn docs_per_second(&self) -> f64 {
        self.read.read as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }
}

enum Msg {
    Batch(Vec<Prepared>),
    Warning(String),
    Done(Summary, usize),
}

/// Unix seconds now, or `SOURCE_DATE_EPOCH` when set (reproducible runs).
pub fn now() -> i64 {
    if let Some(t) = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|v| v.parse().ok())
    {
        return t;
    }
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

pub fn run(args: IngestArgs) -> Result<ExitCode> {
    let mut store = args.db.open_or_create()?;
    let known = (!is_memory(&args.db.db)).then(|| args.db.db.clone());
    let report = ingest(&mut store, &args.paths, known, &args.ingest, &args.read)?;
    if !args.ingest.quiet {
        print_summary(&store, &report)?;
    }
    super::ingest::exit_code(&report, &args.read)
}

/// 1 under `--strict` when the input had warnings, else success.
pub fn exit_code(report: &IngestReport, read: &ReadArgs) -> Result<ExitCode> {
    if read.strict && report.read.warnings > 0 {
        eprintln!(
            "chronik: --strict: {} input warning(s)",
            report.read.warnings
        );
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// Prints the run summary to stderr.
pub fn print_summary(store: &Store, report: &IngestReport) -> Result<()> {
    let counts = store.counts()?;
    let s = &report.stats;
    eprintln!(
        "chronik: {} in {:.2} s ({:.0} reports/s, writing and merging {:.2} s): {} new, \
         {} already stored, {} duplicate texts{}; {} mentions, {} figures; database now holds \
         {} reports, {} events",
        report.read,
        report.elapsed.as_secs_f64(),
        report.docs_per_second(),
        report.writing.as_secs_f64(),
        s.new,
        s.known + report.skipped_known,
        s.duplicates,
        if s.conflicts.is_empty() {
            String::new()
        } else {
            format!(", {} id conflicts", s.conflicts.len())
        },
        s.mentions,
        s.figures,
        counts.documents,
        counts.events,
    );
    Ok(())
}

/// Ingests `paths` into `store`. `known_db` is the database file, opened a
/// second time read-only to skip stored reports before extraction.
pub fn ingest(
    store: &mut Store,
    paths: &[PathBuf],
    known_db: Option<PathBuf>,
    opts: &IngestOpts,
    read: &ReadArgs,
) -> Result<IngestReport> {
    let start = Instant::now();
    let extractor = Extractor::new().context("loading the built-in resources")?;
    let threads = read
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1);
    let batch_size = opts.batch_size.max(1);
    let read_opts = ReadOptions {
        max_line_bytes: read.max_line_bytes,
    };
    let progress = (!opts.quiet && std::io::stderr().is_terminal()).then(|| {
        let pb = ProgressBar::new_spinner();
        pb.set_style(
            ProgressStyle::with_template("{spinner} {elapsed} {pos} reports ({per_sec}) {msg}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
        pb.enable_steady_tick(Duration::from_millis(200));
        pb
    });
    let mut report = IngestReport::default();
    let (tx, rx) = sync_channel::<Msg>(2);
    std::thread::scope(|scope| -> Result<()> {
        let extractor = &extractor;
        let producer = scope.spawn(move || -> Result<()> {
            let known = match &known_db {
                Some(p) if p.exists() => Some(Store::open_read_only(p)?),
                _ => None,
            };
            let mut summary = Summary::default();
            let mut skipped = 0;
            let mut batch: Vec<Document> = Vec::with_capacity(batch_size);
            let send = |batch: &mut Vec<Document>| -> bool {
                let docs = std::mem::take(batch);
                let results = crate::extract::extract_batch(extractor, &docs, threads);
                tx.send(Msg::Batch(prepare(docs, results, threads))).is_ok()
            };
            for item in read_paths(paths, read_opts) {
                summary.record(&item);
                match item {
                    Item::Doc(_, doc) => {
                        if let Some(k) = &known
                            && k.contains_document(&doc.id).unwrap_or(false)
                        {
                            skipped += 1;
                            continue;
                        }
                        batch.push(doc);
                        if batch.len() == batch_size && !send(&mut batch) {
                            return Ok(());
                        }
                    }
                    Item::Warning(w) => {
                        if tx.send(Msg::Warning(w.to_string())).is_err() {
                            return Ok(());
                        }
                    }
                }
            }
            if !batch.is_empty() && !send(&mut batch) {
                return Ok(());
            }
            let _ = tx.send(Msg::Done(summary, skipped));
            Ok(())
        });
        let now = now();
        for msg in rx {
            match msg {
                Msg::Warning(w) => match &progress {
                    Some(pb) => pb.suspend(|| eprintln!("chronik: warning: {w}")),
                    None => eprintln!("chronik: warning: {w}"),
                },
                Msg::Batch(prepared) => {
                    let n = prepared.len();
                    let abort_now = opts.abort_after_batches == Some(report.batches);
                    let abort_hook = |stage: WriteStage| {
                        if stage == WriteStage::EventsWritten {
                            // Simulated crash: no unwinding, no rollback, no commit.
                            std::process::abort();
                        }
                    };
                    let write_opts = WriteOptions {
                        now,
                        hook: if abort_now { Some(&abort_hook) } else { None },
                    };
                    let started = Instant::now();
                    let stats = store
                        .write_prepared(&prepared, &write_opts)
                        .context("writing a batch to the database")?;
                    report.writing += started.elapsed();
                    for id in &stats.conflicts {
                        let msg = format!(
                            "chronik: warning: report id {id:?} is already stored with a different text; kept the first"
                        );
                        match &progress {
                            Some(pb) => pb.suspend(|| eprintln!("{msg}")),
                            None => eprintln!("{msg}"),
                        }
                    }
                    report.stats.add(&stats);
                    report.batches += 1;
                    if let Some(pb) = &progress {
                        pb.inc(n as u64);
                        pb.set_message(format!(
                            "{} mentions, {} new reports",
                            report.stats.mentions, report.stats.new
                        ));
                    }
                }
                Msg::Done(summary, skipped) => {
                    report.read = summary;
                    report.skipped_known = skipped;
                }
            }
        }
        producer
            .join()
            .map_err(|_| anyhow::anyhow!("the reader thread panicked"))??;
        Ok(())
    })?;
    if let Some(pb) = progress {
        pb.finish_and_clear();
    }
    report.elapsed = start.elapsed();
    Ok(report)
}

/// Prepares extracted reports for the store (hashes, stemmed text, figure
/// links) on `threads` scoped threads, keeping the order.
fn prepare(docs: Vec<Document>, results: Vec<DocResult>, threads: usize) -> Vec<Prepared> {
    let stemmers = Stemmers::default();
    let mut pairs: Vec<(Document, DocResult)> = docs.into_iter().zip(results).collect();
    if threads <= 1 || pairs.len() < 2 {
        return pairs
            .into_iter()
            .map(|(d, r)| Prepared::new(d, r, &stemmers))
            .collect();
    }
    let chunk = pairs.len().div_ceil(threads);
    let mut chunks: Vec<Vec<(Document, DocResult)>> = Vec::new();
    while pairs.len() > chunk {
        let rest = pairs.split_off(chunk);
        chunks.push(std::mem::replace(&mut pairs, rest));
    }
    chunks.push(pairs);
    std::thread::scope(|s| {
        let handles: Vec<_> = chunks
            .into_iter()
            .map(|c| {
                s.spawn(move || {
                    c.into_iter()
                        .map(|(d, r)| Prepared::new(d, r, &stemmers))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}
