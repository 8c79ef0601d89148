#!/usr/bin/env bash
# Sizes of what a browser downloads to hydrate a page: raw, gzip -9 and brotli -q 11.
# Run after `make build-client` (or as `make bench-size`).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib/sizes.sh
sizes target/site/ target/site/pkg/vitrine_bg.wasm target/site/pkg/vitrine.js target/site/vitrine.css
