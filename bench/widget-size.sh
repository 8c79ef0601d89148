#!/usr/bin/env bash
# What a page downloads to show the widget (its script, the bindings and the wasm), raw, gzip
# -9 and brotli -q 11, against the budget: 60 KB brotli for wasm + js (issue 6). Exits non-zero
# over budget. Run after `make build-widget` (or as `make bench-size`).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib/sizes.sh
BUDGET=$((60 * 1024))
# Each language's bundle (/widget/pkg/{lang}/) is held to the same budget.
for lang in en zh fa ru; do
  pkg=target/widget/pkg
  [ "$lang" = en ] || pkg=$pkg/$lang
  sizes target/ target/widget/vitrine.js "$pkg/vitrine.js" "$pkg/vitrine_bg.wasm"
  if [ "$total_br" -gt "$BUDGET" ]; then
    echo "widget ($lang): $total_br B brotli is over its budget of $BUDGET B" >&2
    exit 1
  fi
  echo "widget ($lang): $total_br B brotli, within its budget of $BUDGET B"
done
