#!/usr/bin/env bash
# Regenerates the committed evaluation reports from the shared gold.
# Usage: eval/run.sh [SHARED_DIR]   (default ../shared)
# Raising the CI baseline is a separate, deliberate step:
#   cp eval/reports/dev.json eval/baseline.json   (commit it on its own)
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${1:-../shared}"
cargo build --release --quiet
bin=./target/release/chronik
$bin eval --corpus "$shared/corpus/dev.jsonl" --gold "$shared/gold/dev.jsonl" \
  --title "chronik on the dev gold (100 documents, de/en/ru)" \
  --markdown eval/reports/dev.md --write-json eval/reports/dev.json
$bin eval --corpus "$shared/corpus/seeds.jsonl" --gold "$shared/gold/seeds.jsonl" \
  --title "chronik on the two seed reports" \
  --markdown eval/reports/seeds.md --write-json eval/reports/seeds.json
