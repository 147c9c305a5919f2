//! `chronik run`: ingest the reports, then print the chronicle.

use std::io::{BufWriter, Write};
use std::process::ExitCode;

use anyhow::Result;

use super::{RunArgs, is_memory};

pub fn run(args: RunArgs) -> Result<ExitCode> {
    let mut store = args.db.open_or_create()?;
    let known = (!is_memory(&args.db.db)).then(|| args.db.db.clone());
    let report = super::ingest::ingest(&mut store, &args.paths, known, &args.ingest, &args.read)?;
    if !args.ingest.quiet {
        super::ingest::print_summary(&store, &report)?;
    }
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    super::timeline::write_timeline(&store, &args.filter.filter(), args.markdown, &mut out)?;
    out.flush()?;
    super::ingest::exit_code(&report, &args.read)
}
