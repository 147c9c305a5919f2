//! `chronik bench`: extraction throughput on one thread and on all, with
//! peak memory. Prints documents/s, MB/s of article text and peak RSS.

use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result};
use chronik_extract::Extractor;
use chronik_ingest::{Item, ReadOptions, read_paths};
use chronik_model::Document;

use crate::BenchArgs;

pub fn run(args: BenchArgs) -> Result<ExitCode> {
    let load = Instant::now();
    let extractor = Extractor::new().context("loading the built-in resources")?;
    let load_ms = load.elapsed().as_secs_f64() * 1000.0;
    let opts = ReadOptions {
        max_line_bytes: args.read.max_line_bytes,
    };
    let docs: Vec<Document> = read_paths(&args.paths, opts)
        .filter_map(|i| match i {
            Item::Doc(_, d) => Some(d),
            Item::Warning(w) => {
                eprintln!("chronik: warning: {w}");
                None
            }
        })
        .collect();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let mentions: usize = docs.iter().map(|d| extractor.extract(d).events.len()).sum();
    println!(
        "corpus: {} documents, {:.2} MB of text, {} event mentions; resources loaded in {:.1} ms",
        docs.len(),
        bytes as f64 / 1e6,
        mentions,
        load_ms
    );
    let all = args
        .read
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    for threads in if all > 1 { vec![1, all] } else { vec![1] } {
        let mut best = f64::INFINITY;
        for _ in 0..args.repeat.max(1) {
            let t = Instant::now();
            let results = crate::extract::extract_batch(&extractor, &docs, threads);
            let n: usize = results.iter().map(|r| r.events.len()).sum();
            anyhow::ensure!(
                n == mentions,
                "results differ between runs ({n} vs {mentions} mentions)"
            );
            best = best.min(t.elapsed().as_secs_f64());
        }
        println!(
            "threads {threads}: {:.0} documents/s, {:.2} MB/s (best of {})",
            docs.len() as f64 / best,
            bytes as f64 / 1e6 / best,
            args.repeat.max(1)
        );
    }
    match peak_rss_mb() {
        Some(mb) => println!("peak memory: {mb:.1} MB (VmHWM)"),
        None => println!("peak memory: not available on this system"),
    }
    Ok(ExitCode::SUCCESS)
}

/// Peak resident set size of this process, from /proc/self/status.
fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}
