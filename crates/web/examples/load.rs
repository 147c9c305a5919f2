//! A bounded load test for `chronik serve`: N requests, C at a time, over
//! loopback only, each on its own connection (HTTP/1.1, `Connection:
//! close`), with a deadline for the whole run. Prints latency percentiles,
//! status counts and errors (results in `eval/reports/web.md`).
//!
//! ```sh
//! chronik serve --db chronik.db --port 8080 &
//! cargo run --release -p chronik-web --example load -- \
//!     --url http://127.0.0.1:8080/events --requests 200 --concurrency 200 --rounds 5
//! ```
//!
//! A round starts `concurrency` workers at once that share `requests`
//! tickets; rounds run one after another. Latency is measured from before
//! the connect to the last byte of the response. Exit status 1 when any
//! request failed or did not answer 200.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

struct Args {
    addr: SocketAddr,
    path: String,
    requests: usize,
    concurrency: usize,
    rounds: usize,
    timeout: Duration,
}

fn usage() -> ! {
    eprintln!(
        "usage: load --url http://127.0.0.1:PORT/PATH [--requests 200] [--concurrency 200] \
         [--rounds 1] [--timeout-secs 60]"
    );
    std::process::exit(2)
}

fn parse_args() -> Args {
    let mut url = None;
    let (mut requests, mut concurrency, mut rounds, mut timeout) = (200, 200, 1, 60);
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut val = || it.next().unwrap_or_else(|| usage());
        match a.as_str() {
            "--url" => url = Some(val()),
            "--requests" => requests = val().parse().unwrap_or_else(|_| usage()),
            "--concurrency" => concurrency = val().parse().unwrap_or_else(|_| usage()),
            "--rounds" => rounds = val().parse().unwrap_or_else(|_| usage()),
            "--timeout-secs" => timeout = val().parse().unwrap_or_else(|_| usage()),
            _ => usage(),
        }
    }
    let url = url.unwrap_or_else(|| usage());
    let rest = url.strip_prefix("http://").unwrap_or_else(|| usage());
    let (host, path) = match rest.find('/') {
        Some(i) => (&rest[..i], rest[i..].to_string()),
        None => (rest, "/".to_string()),
    };
    let addr: SocketAddr = host.parse().unwrap_or_else(|_| usage());
    if !addr.ip().is_loopback() {
        eprintln!("load: only loopback addresses are allowed ({addr})");
        std::process::exit(2);
    }
    Args {
        addr,
        path,
        requests: requests.clamp(1, 100_000),
        concurrency: concurrency.clamp(1, 1_000),
        rounds: rounds.clamp(1, 100),
        timeout: Duration::from_secs(timeout.clamp(1, 600)),
    }
}

/// One request: (status, bytes, latency).
async fn fetch(addr: SocketAddr, path: &str) -> Result<(u16, usize, Duration), String> {
    let t = Instant::now();
    let mut s = TcpStream::connect(addr)
        .await
        .map_err(|e| format!("connect: {e}"))?;
    let req = format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
    s.write_all(req.as_bytes())
        .await
        .map_err(|e| format!("write: {e}"))?;
    let mut buf = Vec::with_capacity(256 * 1024);
    s.read_to_end(&mut buf)
        .await
        .map_err(|e| format!("read: {e}"))?;
    let elapsed = t.elapsed();
    let head = std::str::from_utf8(&buf[..buf.len().min(64)]).unwrap_or("");
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .ok_or_else(|| format!("no status line: {head:?}"))?;
    Ok((status, buf.len(), elapsed))
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    // Nearest rank.
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

#[tokio::main]
async fn main() {
    let args = parse_args();
    let path: Arc<str> = args.path.clone().into();
    let cold = fetch(args.addr, &path).await;
    match &cold {
        Ok((status, bytes, t)) => println!(
            "first request (not counted): status {status}, {bytes} bytes, {:.1} ms",
            ms(*t)
        ),
        Err(e) => {
            eprintln!("load: {e}");
            std::process::exit(1);
        }
    }
    let started = Instant::now();
    let mut latencies: Vec<Duration> = Vec::new();
    let mut statuses: BTreeMap<u16, usize> = BTreeMap::new();
    let mut errors: Vec<String> = Vec::new();
    let mut bytes = 0usize;
    let mut worst_round_p99 = Duration::ZERO;
    for round in 1..=args.rounds {
        let tickets = Arc::new(AtomicUsize::new(args.requests));
        let round_start = Instant::now();
        let mut workers = Vec::new();
        for _ in 0..args.concurrency.min(args.requests) {
            let tickets = Arc::clone(&tickets);
            let path = Arc::clone(&path);
            let addr = args.addr;
            workers.push(tokio::spawn(async move {
                let mut out = Vec::new();
                while tickets
                    .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1))
                    .is_ok()
                {
                    out.push(fetch(addr, &path).await);
                }
                out
            }));
        }
        let all = tokio::time::timeout(args.timeout, async {
            let mut results = Vec::new();
            for w in workers {
                results.extend(w.await.unwrap_or_default());
            }
            results
        })
        .await;
        let Ok(results) = all else {
            eprintln!(
                "load: round {round} did not finish within {:?}",
                args.timeout
            );
            std::process::exit(1);
        };
        let mut round_lat = Vec::new();
        for r in results {
            match r {
                Ok((status, n, t)) => {
                    *statuses.entry(status).or_default() += 1;
                    bytes += n;
                    round_lat.push(t);
                }
                Err(e) => errors.push(e),
            }
        }
        round_lat.sort();
        let p99 = percentile(&round_lat, 99.0);
        worst_round_p99 = worst_round_p99.max(p99);
        println!(
            "round {round}: {} responses in {:.0} ms, p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
            round_lat.len(),
            ms(round_start.elapsed()),
            ms(percentile(&round_lat, 50.0)),
            ms(p99),
            ms(round_lat.last().copied().unwrap_or_default()),
        );
        latencies.extend(round_lat);
    }
    latencies.sort();
    let n = latencies.len();
    let total = started.elapsed();
    println!(
        "url http://{}{} · {} rounds × {} requests, {} at a time",
        args.addr, args.path, args.rounds, args.requests, args.concurrency
    );
    println!(
        "responses {n}, errors {}, statuses {:?}, {:.0} KB per response",
        errors.len(),
        statuses,
        bytes as f64 / n.max(1) as f64 / 1024.0
    );
    println!(
        "latency ms: p50 {:.1}, p90 {:.1}, p99 {:.1}, max {:.1}; worst round p99 {:.1}",
        ms(percentile(&latencies, 50.0)),
        ms(percentile(&latencies, 90.0)),
        ms(percentile(&latencies, 99.0)),
        ms(latencies.last().copied().unwrap_or_default()),
        ms(worst_round_p99),
    );
    println!(
        "throughput {:.0} requests/s",
        n as f64 / total.as_secs_f64()
    );
    for e in errors.iter().take(5) {
        eprintln!("error: {e}");
    }
    let bad = statuses.iter().any(|(s, _)| *s != 200);
    if !errors.is_empty() || bad {
        std::process::exit(1);
    }
}
