#!/usr/bin/env bash
# Regenerates the German place tagger (resources/gazetteer/de-tagger.tsv)
# from GermEval 2014 dev, and prints its 5-fold cross-validated LOC scores.
# Usage: scripts/train_place_tagger.sh [SHARED_DIR]   (default ../shared)
# Same data, code and options => byte-identical model.
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${1:-../shared}"
dev="$shared/datasets/germeval2014-ner/NER-de-dev.tsv"
if [ ! -f "$dev" ]; then
  echo "train_place_tagger: $dev not found" >&2
  exit 1
fi
cargo build --release --quiet
./target/release/chronik places-train --germeval "$dev" --folds 5 \
  --out resources/gazetteer/de-tagger.tsv
