#!/usr/bin/env bash
# Builds the embeddable widget with Trunk into target/widget (served under /widget/) and
# precompresses it. Rebuilds only what changed.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh

# The same wasm target folder as the store's bundle (see build-client.sh).
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}/wasm"
stamp=target/widget/.built
if unchanged_since "$stamp" "${WASM_INPUTS[@]}" widget.html Trunk.widget.toml "$0"; then
  echo "build-widget: target/widget is up to date"
  exit 0
fi
started=$(mktemp) # stamped with the time the build read its inputs
fetch_for_wasm
with_wasm_toolchain trunk build --release --offline --config Trunk.widget.toml

for f in target/widget/vitrine.js target/widget/pkg/*.wasm target/widget/pkg/*.js; do
  [ -f "$f" ] || continue
  if [ ! -f "$f.br" ] || [ "$f" -nt "$f.br" ]; then
    brotli -f -q 11 -o "$f.br" "$f"
    gzip -kf -9 "$f"
  fi
done
mv "$started" "$stamp"
