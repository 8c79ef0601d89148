#!/usr/bin/env bash
# `make design`: the component gallery rendered in the browser from fixtures, rebuilt and
# reloaded on every change to src/ or style/ (http://127.0.0.1:3001). `scripts/design.sh
# build` builds it once into target/design (what the preview journey loads).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh

# The wasm builds share their own target folder (see build-client.sh).
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}/wasm"
if [ "${1:-}" = build ]; then
  stamp=target/design/.built
  if unchanged_since "$stamp" "${WASM_INPUTS[@]}" design.html Trunk.design.toml "$0"; then
    echo "design: target/design is up to date"
    exit 0
  fi
  started=$(mktemp) # stamped with the time the build read its inputs
  fetch_for_wasm
  with_wasm_toolchain trunk build --config Trunk.design.toml --offline
  mv "$started" "$stamp"
else
  fetch_for_wasm
  with_wasm_toolchain trunk serve --config Trunk.design.toml --offline
fi
