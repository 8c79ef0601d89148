#!/usr/bin/env bash
# What a page downloads to show the widget (its script, the bindings and the wasm), raw, gzip
# -9 and brotli -q 11, against the budget: 60 KB brotli for wasm + js (issue 6). Exits non-zero
# over budget. Run after `make build-widget` (or as `make bench-size`).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib/sizes.sh
BUDGET=$((60 * 1024))
sizes target/ target/widget/vitrine.js target/widget/pkg/vitrine.js target/widget/pkg/vitrine_bg.wasm
if [ "$total_br" -gt "$BUDGET" ]; then
  echo "widget: $total_br B brotli is over its budget of $BUDGET B" >&2
  exit 1
fi
echo "widget: $total_br B brotli, within its budget of $BUDGET B"
