//! The chronicle commands: `ingest`, `run`, `events`, `timeline`,
//! `claims`, `search`, `show` and `eval-merge`, over the SQLite store
//! (`chronik-store`) and the merger (`chronik-merge`).

pub mod claims;
pub mod eval_merge;
pub mod events;
pub mod ingest;
pub mod run;
pub mod search;
pub mod show;
pub mod timeline;

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use chronik_model::PartialDate;
use chronik_store::{Filter, Store};

/// The database file used when `--db` is not given.
pub const DEFAULT_DB: &str = "chronik.db";

/// Which database.
#[derive(clap::Args, Clone)]
pub struct DbArgs {
    /// The chronicle database (SQLite; `:memory:` for a throw-away one).
    #[arg(long, default_value = DEFAULT_DB)]
    pub db: PathBuf,
}

impl DbArgs {
    /// Opens an existing database for reading.
    pub fn open_existing(&self) -> Result<Store> {
        Store::open_existing(&self.db).with_context(|| format!("opening {}", self.db.display()))
    }

    /// Opens or creates the database for writing.
    pub fn open_or_create(&self) -> Result<Store> {
        if is_memory(&self.db) {
            return Store::in_memory().context("creating an in-memory database");
        }
        Store::open(&self.db).with_context(|| format!("opening {}", self.db.display()))
    }
}

/// True for `:memory:`.
pub fn is_memory(path: &Path) -> bool {
    path.as_os_str() == ":memory:"
}

/// Event filters shared by `events`, `timeline` and `run`.
#[derive(clap::Args, Clone, Default)]
pub struct FilterArgs {
    /// Events on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    pub from: Option<PartialDate>,
    /// Events on or before this date.
    #[arg(long, value_parser = parse_date)]
    pub to: Option<PartialDate>,
    /// Country (ISO 3166-1 alpha-2, e.g. KZ).
    #[arg(long)]
    pub country: Option<String>,
    /// Place name (case and accents ignored).
    #[arg(long)]
    pub place: Option<String>,
    /// Kind (storming) or kind family (unrest: riot, clash, crowd_control).
    #[arg(long)]
    pub kind: Option<String>,
    /// ACLED type (riot) or sub-type (violent_demonstration).
    #[arg(long = "type")]
    pub event_type: Option<String>,
    /// Actor role on either side (protesters, police, ...).
    #[arg(long)]
    pub actor: Option<String>,
    /// At least this many distinct sources (outlets, else reports).
    #[arg(long)]
    pub min_sources: Option<usize>,
    /// At most this many events.
    #[arg(long)]
    pub limit: Option<usize>,
}

impl FilterArgs {
    /// The store filter.
    pub fn filter(&self) -> Filter {
        Filter {
            from: self.from,
            to: self.to,
            country: self.country.clone(),
            place: self.place.clone(),
            kind: self.kind.clone(),
            event_type: self.event_type.clone(),
            actor: self.actor.clone(),
            min_sources: self.min_sources,
            limit: self.limit,
        }
    }
}

fn parse_date(s: &str) -> Result<PartialDate, String> {
    PartialDate::parse(s).map_err(|e| e.to_string())
}

/// `chronik ingest`.
#[derive(clap::Args)]
pub struct IngestArgs {
    /// Files or directories (.jsonl, .txt, seed text, .gz) or - for standard input.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub db: DbArgs,
    #[command(flatten)]
    pub ingest: IngestOpts,
    #[command(flatten)]
    pub read: crate::ReadArgs,
}

/// Options of an ingest.
#[derive(clap::Args, Clone)]
pub struct IngestOpts {
    /// Reports per batch (one transaction each).
    #[arg(long, default_value_t = 512)]
    pub batch_size: usize,
    /// No progress bar and no summary.
    #[arg(long)]
    pub quiet: bool,
    /// Test hook: end the process abruptly in the middle of the batch
    /// after this many committed batches, as a crash would.
    #[arg(long, hide = true)]
    pub abort_after_batches: Option<usize>,
}

/// `chronik run`.
#[derive(clap::Args)]
pub struct RunArgs {
    /// Files or directories (.jsonl, .txt, seed text, .gz) or - for standard input.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub db: DbArgs,
    /// Write the timeline as Markdown.
    #[arg(long)]
    pub markdown: bool,
    #[command(flatten)]
    pub filter: FilterArgs,
    #[command(flatten)]
    pub ingest: IngestOpts,
    #[command(flatten)]
    pub read: crate::ReadArgs,
}

/// Output formats of `chronik events`.
#[derive(clap::ValueEnum, Clone, Copy, PartialEq, Eq)]
pub enum EventsFormat {
    /// An aligned table for the terminal.
    Table,
    /// One JSON array with reports and claims.
    Json,
    /// One EVENTS.md §7 line per event.
    Jsonl,
    /// A plain CSV.
    Csv,
    /// ACLED's 31-column CSV.
    Acled,
    /// A GeoJSON FeatureCollection.
    Geojson,
}

/// `chronik events`.
#[derive(clap::Args)]
pub struct EventsArgs {
    #[command(flatten)]
    pub db: DbArgs,
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = EventsFormat::Table)]
    pub format: EventsFormat,
}

/// `chronik timeline`.
#[derive(clap::Args)]
pub struct TimelineArgs {
    #[command(flatten)]
    pub db: DbArgs,
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Write Markdown (headings per day, links to the reports).
    #[arg(long)]
    pub markdown: bool,
}

/// `chronik claims`.
#[derive(clap::Args)]
pub struct ClaimsArgs {
    #[command(flatten)]
    pub db: DbArgs,
    /// Only figures of this kind: killed, injured, hospitalized, arrested,
    /// participants, other.
    #[arg(long)]
    pub what: Option<chronik_model::FigureWhat>,
    /// Only episodes in this country (ISO 3166-1 alpha-2).
    #[arg(long)]
    pub country: Option<String>,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// `chronik search`.
#[derive(clap::Args)]
pub struct SearchArgs {
    /// Words to find (stemmed for German, English, Russian); "quoted
    /// words" as a phrase.
    #[arg(required = true)]
    pub query: Vec<String>,
    #[command(flatten)]
    pub db: DbArgs,
    /// At most this many reports.
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
    /// Print JSON lines.
    #[arg(long)]
    pub json: bool,
}

/// `chronik show`.
#[derive(clap::Args)]
pub struct ShowArgs {
    /// Event id (ev-…), a unique prefix of it, or its ACLED event_id_cnty.
    pub event_id: String,
    #[command(flatten)]
    pub db: DbArgs,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// `chronik eval-merge`.
#[derive(clap::Args)]
pub struct EvalMergeArgs {
    /// The corpus (JSON Lines, EVENTS.md §1).
    #[arg(long)]
    pub corpus: PathBuf,
    /// Gold happenings (EVENTS.md §7: one line per happening with its
    /// mentions).
    #[arg(long)]
    pub gold_events: PathBuf,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
    /// Print a Markdown report.
    #[arg(long)]
    pub markdown: bool,
    #[command(flatten)]
    pub read: crate::ReadArgs,
}

/// One line, at most `max` chars, with an ellipsis when cut.
pub fn clip(s: &str, max: usize) -> String {
    let flat: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        return flat;
    }
    let mut out: String = flat.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}
