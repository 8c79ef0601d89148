#!/usr/bin/env bash
# Why the widget draws with web-sys rather than Leptos: the smallest Leptos app there is (a
# counter, leptos in Cargo.lock's version, csr), built the way the widget is (Trunk, opt-level
# z, wasm-opt -Oz), measured like the widget (bench/widget-size.sh). Builds in a scratch folder
# (about 3 minutes on 2 cores); not part of `make test`.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
. bench/lib/sizes.sh
version=$(awk '/^name = "leptos"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
scratch="${CARGO_TARGET_DIR:-$PWD/target}/leptos-floor"
mkdir -p "$scratch/src"
cp Cargo.lock "$scratch/" # the same versions, all in the local registry already
cat > "$scratch/Cargo.toml" <<TOML
[package]
name = "floor"
version = "0.1.0"
edition = "2021"

[dependencies]
leptos = { version = "=$version", features = ["csr"] }

[profile.release]
opt-level = "z"
lto = true
codegen-units = 1
panic = "abort"

[workspace]
TOML
cat > "$scratch/src/main.rs" <<'RS'
use leptos::prelude::*;

fn main() {
    leptos::mount::mount_to_body(|| {
        let (n, set_n) = signal(0);
        view! { <button on:click=move |_| set_n.update(|n| *n += 1)>{n}</button> }
    })
}
RS
cat > "$scratch/index.html" <<'HTML'
<!doctype html><html><head><link data-trunk rel="rust" data-wasm-opt="z"
  data-wasm-opt-params="--enable-bulk-memory --enable-nontrapping-float-to-int"></head></html>
HTML
sed -e 's|^target = .*|target = "index.html"|' -e 's|^dist = .*|dist = "dist"|' \
  Trunk.widget.toml > "$scratch/Trunk.toml"
cd "$scratch"
export CARGO_TARGET_DIR="$scratch/target"
fetch_for_wasm
with_wasm_toolchain trunk build --release --offline --config Trunk.toml >/dev/null
echo "Leptos $version, a counter and nothing else:"
sizes dist/ dist/floor.js dist/floor_bg.wasm
