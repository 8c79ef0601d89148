# Sourced by the other scripts: where the project's tools live and how to build for wasm32.
# Picks the rustup wasm32 target when it is installed (an ordinary laptop), else the offline
# Debian toolchain with build-std (these machines); see ../shared/WASM-TOOLCHAIN.md.

VITRINE_TOOLS="${VITRINE_TOOLS:-$HOME/.local/share/vitrine/tools}"
export VITRINE_TOOLS
export PATH="$VITRINE_TOOLS/bin:$VITRINE_TOOLS/node_modules/.bin:$PATH"

# Pinned versions; Cargo.toml pins wasm-bindgen to the same.
WASM_BINDGEN_VERSION="0.2.130"
TRUNK_VERSION="0.21.14"
BINARYEN_VERSION="132"

vitrine_wasm_path() {
  if command -v rustup >/dev/null 2>&1 &&
    rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    echo rustup
  else
    echo debian
  fi
}

# Runs "$@" with the environment for building the wasm32 bundle.
with_wasm_toolchain() {
  if [ "$(vitrine_wasm_path)" = rustup ]; then
    "$@"
  else
    # Debian's rustc ships std's source, not a wasm32 std: build std from it.
    PATH="/usr/bin:$PATH" RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort "$@"
  fi
}

# Trunk runs cargo offline, so everything its build reads must be downloaded first: std's own
# dependencies (built from source), fetched for the wasm target, and the crate graph for every
# platform, because cargo's offline wasm build still asks for some host-only crates (a fresh
# machine failed on `parking` and `cpufeatures` with the wasm fetch alone).
fetch_for_wasm() {
  with_wasm_toolchain cargo fetch --quiet
  with_wasm_toolchain cargo fetch --target wasm32-unknown-unknown --quiet
}

# Whether the build output stamped by `$1` is newer than every file under the other arguments:
# then Trunk (whose wasm-bindgen, wasm-opt and compression take a minute or more even when
# cargo has nothing to do) need not run again.
unchanged_since() {
  local stamp=$1
  shift
  [ -f "$stamp" ] && [ -z "$(find "$@" -newer "$stamp" -print -quit 2>/dev/null)" ]
}

# What every browser build reads, besides its own Trunk config and HTML page.
WASM_INPUTS=(src style public Cargo.toml Cargo.lock scripts/env.sh scripts/bundle-assets.sh)
