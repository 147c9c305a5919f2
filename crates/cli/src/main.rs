//! The `chronik` command: glue between the reader, the extractor and the
//! scorer. Parsing → run → exit code; errors are printed with context.

mod actors_eval;
mod bench;
mod chronicle;
mod eval;
mod extract;
mod ner_data;
mod places_eval;
mod places_train;
mod pretty;
mod serve;
mod timex;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// chronik turns dated news reports into a sourced chronicle of events.
#[derive(Parser)]
#[command(name = "chronik", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract event mentions and figures: one EVENTS.md §4 JSON line per document.
    Extract(ExtractArgs),
    /// Score extraction against gold exactly as EVENTS.md §5.
    Eval(EvalArgs),
    /// Measure extraction speed (documents/s, MB/s) and peak memory.
    Bench(BenchArgs),
    /// The temporal tagger: score it on WikiWarsDE, or explain one text.
    Timex(TimexArgs),
    /// Store reports in the chronicle database, merging their mentions into events.
    Ingest(chronicle::IngestArgs),
    /// Ingest reports, then print the chronicle (ingest + merge + timeline).
    Run(chronicle::RunArgs),
    /// List merged events (table, json, jsonl, csv, acled, geojson).
    Events(chronicle::EventsArgs),
    /// A day-by-day chronicle with the sources of each event.
    Timeline(chronicle::TimelineArgs),
    /// How each figure developed over time and who claimed what.
    Claims(chronicle::ClaimsArgs),
    /// Full-text search over the stored reports (stemmed de/en/ru).
    Search(chronicle::SearchArgs),
    /// Every report and piece of evidence behind one event.
    Show(chronicle::ShowArgs),
    /// Score merging pairwise against gold happenings (EVENTS.md §7).
    EvalMerge(chronicle::EvalMergeArgs),
    /// Score person and organisation names on GermEval 2014 and FactRuEval 2016.
    ActorsEval(ActorsEvalArgs),
    /// Score the place recogniser on GermEval 2014 LOC and FactRuEval 2016 Location.
    PlacesEval(PlacesEvalArgs),
    /// Train the German place tagger on GermEval 2014 (and cross-validate it).
    PlacesTrain(PlacesTrainArgs),
    /// Serve the chronicle as a local web page (timeline, map, events, claims, search).
    Serve(serve::ServeArgs),
}

/// Options shared by commands that read reports.
#[derive(clap::Args, Clone)]
struct ReadArgs {
    /// Turn input warnings into a non-zero exit status.
    #[arg(long)]
    strict: bool,
    /// Longest JSON line (and text file) accepted, in bytes.
    #[arg(long, default_value_t = chronik_ingest::DEFAULT_MAX_LINE_BYTES)]
    max_line_bytes: usize,
    /// Worker threads (default: all cores).
    #[arg(long)]
    threads: Option<usize>,
}

#[derive(clap::Args)]
struct ExtractArgs {
    /// Files or directories (.jsonl, .txt, seed text, .gz) or - for standard input.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// A human view: each event with its evidence highlighted.
    #[arg(long)]
    pretty: bool,
    #[command(flatten)]
    read: ReadArgs,
}

#[derive(clap::Args)]
struct EvalArgs {
    /// The corpus the gold was made on (JSON Lines, EVENTS.md §1).
    #[arg(long)]
    corpus: PathBuf,
    /// Gold (JSON Lines, EVENTS.md §4).
    #[arg(long)]
    gold: PathBuf,
    /// Score these predictions instead of running the extractor.
    #[arg(long)]
    pred: Option<PathBuf>,
    /// Print the report as JSON.
    #[arg(long)]
    json: bool,
    /// Print only the compact headline table (default: the full report:
    /// per language and per kind, attribute accuracies, kind confusions).
    #[arg(long)]
    brief: bool,
    /// Also write the report as Markdown to this file.
    #[arg(long)]
    markdown: Option<PathBuf>,
    /// Title of the Markdown report.
    #[arg(long, default_value = "chronik evaluation")]
    title: String,
    /// Also write the JSON report to this file (a new baseline).
    #[arg(long)]
    write_json: Option<PathBuf>,
    /// Fail when a headline F1 falls more than --tolerance below this baseline.
    #[arg(long)]
    baseline: Option<PathBuf>,
    /// Allowed drop below the baseline.
    #[arg(long, default_value_t = 0.02)]
    tolerance: f64,
    #[command(flatten)]
    read: ReadArgs,
}

#[derive(clap::Args)]
struct BenchArgs {
    /// Corpus files or directories.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Passes over the corpus.
    #[arg(long, default_value_t = 3)]
    repeat: usize,
    #[command(flatten)]
    read: ReadArgs,
}

#[derive(clap::Args)]
struct ActorsEvalArgs {
    /// GermEval 2014 NER file (token-per-line TSV): score PER and ORG.
    #[arg(long)]
    germeval: Option<PathBuf>,
    /// FactRuEval 2016 folder (book_N.txt, .spans, .objects): score Person and Org.
    #[arg(long)]
    factrueval: Option<PathBuf>,
    /// Print up to this many false positives and misses per dataset to stderr.
    #[arg(long, default_value_t = 0)]
    errors: usize,
}

#[derive(clap::Args)]
struct PlacesEvalArgs {
    /// GermEval 2014 NER file (token-per-line TSV): score LOC (repeatable).
    #[arg(long)]
    germeval: Vec<PathBuf>,
    /// FactRuEval 2016 folder (book_N.txt, .spans, .objects): score Location (repeatable).
    #[arg(long)]
    factrueval: Vec<PathBuf>,
    /// Print up to this many false positives and misses per dataset to stderr.
    #[arg(long, default_value_t = 0)]
    errors: usize,
    /// Score the rules alone (without the German place tagger).
    #[arg(long)]
    rules_only: bool,
    /// Explain one text instead: its place mentions and how they resolve.
    #[arg(long)]
    text: Option<String>,
    /// Language of --text (de, en, ru).
    #[arg(long, default_value = "de")]
    lang: String,
}

#[derive(clap::Args)]
struct PlacesTrainArgs {
    /// GermEval 2014 NER file(s) to train on (repeatable).
    #[arg(long, required = true)]
    germeval: Vec<PathBuf>,
    /// Write the model here (e.g. resources/gazetteer/de-tagger.tsv).
    #[arg(long)]
    out: Option<PathBuf>,
    /// Print K-fold cross-validated LOC P/R/F1 on the training data first.
    #[arg(long, default_value_t = 0)]
    folds: usize,
    /// Passes over the data.
    #[arg(long, default_value_t = chronik_geo::TrainOptions::default().epochs)]
    epochs: usize,
    /// Seed of the shuffling.
    #[arg(long, default_value_t = chronik_geo::TrainOptions::default().seed)]
    seed: u64,
    /// Drop features whose averaged weights are all below this.
    #[arg(long, default_value_t = chronik_geo::TrainOptions::default().prune)]
    prune: f32,
    /// Cross-validation only: margin of O needed to drop a rule mention.
    #[arg(long, default_value_t = chronik_geo::Policy::default().reject_margin)]
    reject_margin: f32,
    /// Cross-validation only: do not add tagger spans the rules lack.
    #[arg(long)]
    no_add: bool,
    /// Cross-validation only: never drop countries, region phrases and towns this large.
    #[arg(long, default_value_t = chronik_geo::DEFAULT_PROTECT_POP)]
    protect_pop: u64,
    /// Cross-validation only: let the tagger take mentions in organisation names for places.
    #[arg(long)]
    judge_org: bool,
    /// Cross-validation only: print the tagger's errors on the held-out folds to stderr.
    #[arg(long)]
    errors: bool,
}

#[derive(clap::Args)]
struct TimexArgs {
    /// WikiWarsDE folder (with keyinline/*.key.xml): score tagging and normalisation.
    #[arg(long)]
    wikiwars: Option<PathBuf>,
    /// Print the WikiWarsDE report as JSON.
    #[arg(long)]
    json: bool,
    /// Also write the WikiWarsDE report as Markdown to this file.
    #[arg(long)]
    markdown: Option<PathBuf>,
    /// How many error classes, misses and spurious expressions to list.
    #[arg(long, default_value_t = 20)]
    errors: usize,
    /// Tag this text instead and explain every expression.
    #[arg(long)]
    text: Option<String>,
    /// Language of --text (de, en, ru).
    #[arg(long, default_value = "de")]
    lang: String,
    /// Document date for --text (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long)]
    reference: Option<String>,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(a) => extract::run(a),
        Command::Eval(a) => eval::run(a),
        Command::Bench(a) => bench::run(a),
        Command::Timex(a) => timex::run(a),
        Command::Ingest(a) => chronicle::ingest::run(a),
        Command::Run(a) => chronicle::run::run(a),
        Command::Events(a) => chronicle::events::run(a),
        Command::Timeline(a) => chronicle::timeline::run(a),
        Command::Claims(a) => chronicle::claims::run(a),
        Command::Search(a) => chronicle::search::run(a),
        Command::Show(a) => chronicle::show::run(a),
        Command::EvalMerge(a) => chronicle::eval_merge::run(a),
        Command::ActorsEval(a) => actors_eval::run(a),
        Command::PlacesEval(a) => places_eval::run(a),
        Command::PlacesTrain(a) => places_train::run(a),
        Command::Serve(a) => serve::run(a),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            if is_broken_pipe(&e) {
                return ExitCode::SUCCESS;
            }
            eprintln!("chronik: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// A closed pipe (`chronik extract … | head`) is a normal end.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
