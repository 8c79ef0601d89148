#!/usr/bin/env bash
# Builds the browser bundle with Trunk into target/site and precompresses it, so the server
# can send brotli or gzip. Rebuilds only what changed.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh

# The wasm build keeps its own target folder: another compiler, and build-std, would otherwise
# invalidate the server's artifacts.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}/wasm"
stamp=target/site/.built
if unchanged_since "$stamp" "${WASM_INPUTS[@]}" index.html forms.html Trunk.toml "$0"; then
  echo "build-client: target/site is up to date"
  exit 0
fi
started=$(mktemp) # stamped with the time the build read its inputs
fetch_for_wasm
# Size levers measured one by one (README "Performance"): panic messages keep no file and line,
# and `{:?}` prints nothing (no shopper ever sees a Debug format). Unstable flags: the Debian
# toolchain runs with RUSTC_BOOTSTRAP (scripts/env.sh).
if [ "$(vitrine_wasm_path)" = debian ]; then
  export RUSTFLAGS="${VITRINE_WASM_RUSTFLAGS--Zlocation-detail=none -Zfmt-debug=none}"
fi
with_wasm_toolchain trunk build --release --offline
# The second bundle (every island, for the form pages): its own dist, then under /pkg/forms.
with_wasm_toolchain trunk build --release --offline --dist target/forms forms.html
mkdir -p target/site/pkg/forms
cp target/forms/pkg/vitrine.js target/forms/pkg/vitrine_bg.wasm target/site/pkg/forms/

# One pair of bundles per other language (features locale-*): each carries its own words only.
# Trunk reads the crate from the manifest beside its HTML file, so the generated entries name
# the project's Cargo.toml.
mkdir -p target/locales
for lang in zh fa ru; do
  for entry in index forms; do
    html=target/locales/$entry-$lang.html
    sed -e "s/data-cargo-features=\"\([a-z,]*\)\"/data-cargo-features=\"\1,locale-$lang\"/" \
        -e 's|rel="rust"|rel="rust" href="../../Cargo.toml"|' "$entry.html" > "$html"
    grep -q "locale-$lang" "$html" || { echo "build-client: could not make $html" >&2; exit 1; }
    with_wasm_toolchain trunk build --release --offline --dist "target/locales/$entry-$lang" "$html"
    to=target/site/pkg/$lang
    [ "$entry" = forms ] && to=$to/forms
    mkdir -p "$to"
    cp "target/locales/$entry-$lang/pkg/vitrine.js" "target/locales/$entry-$lang/pkg/vitrine_bg.wasm" "$to/"
  done
done

for f in target/site/pkg/*.wasm target/site/pkg/*.js target/site/pkg/*/*.wasm target/site/pkg/*/*.js target/site/pkg/*/forms/*.wasm target/site/pkg/*/forms/*.js target/site/*.css; do
  [ -f "$f" ] || continue
  if [ ! -f "$f.br" ] || [ "$f" -nt "$f.br" ]; then
    brotli -f -q 11 -o "$f.br" "$f"
    gzip -kf -9 "$f"
  fi
done
mv "$started" "$stamp"
