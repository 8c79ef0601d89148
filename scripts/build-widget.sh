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
# The widget in each other language (features locale-*), under /widget/pkg/{lang}/; the loader
# picks one by the host page's language.
mkdir -p target/locales
for lang in zh fa ru; do
  html=target/locales/widget-$lang.html
  sed -e "s/data-cargo-features=\"widget\"/data-cargo-features=\"widget,locale-$lang\"/" \
      -e 's|rel="rust"|rel="rust" href="../../Cargo.toml"|' \
      -e '/rel="copy-file"/d' widget.html > "$html"
  grep -q "locale-$lang" "$html" || { echo "build-widget: could not make $html" >&2; exit 1; }
  with_wasm_toolchain trunk build --release --offline --config Trunk.widget.toml \
    --dist "target/locales/widget-$lang" "$html"
  mkdir -p "target/widget/pkg/$lang"
  cp "target/locales/widget-$lang/pkg/vitrine.js" "target/locales/widget-$lang/pkg/vitrine_bg.wasm" \
    "target/widget/pkg/$lang/"
done

for f in target/widget/vitrine.js target/widget/pkg/*.wasm target/widget/pkg/*.js target/widget/pkg/*/*.wasm target/widget/pkg/*/*.js; do
  [ -f "$f" ] || continue
  if [ ! -f "$f.br" ] || [ "$f" -nt "$f.br" ]; then
    brotli -f -q 11 -o "$f.br" "$f"
    gzip -kf -9 "$f"
  fi
done
mv "$started" "$stamp"
