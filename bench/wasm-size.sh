#!/usr/bin/env bash
# Sizes of what a browser downloads to hydrate a page: raw, gzip -9 and brotli -q 11.
# Run after `make build-client` (or as `make bench-size`).
set -euo pipefail
cd "$(dirname "$0")/.."
printf '%-28s %10s %10s %10s\n' file raw gzip brotli
total_raw=0 total_gz=0 total_br=0
for f in target/site/pkg/vitrine_bg.wasm target/site/pkg/vitrine.js target/site/vitrine.css; do
  raw=$(stat -c %s "$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  br=$(brotli -q 11 -c "$f" | wc -c)
  printf '%-28s %10d %10d %10d\n' "${f#target/site/}" "$raw" "$gz" "$br"
  total_raw=$((total_raw + raw)) total_gz=$((total_gz + gz)) total_br=$((total_br + br))
done
printf '%-28s %10d %10d %10d\n' total "$total_raw" "$total_gz" "$total_br"
