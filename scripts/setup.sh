#!/usr/bin/env bash
# Installs whatever this project needs and is missing, and says which path it took. Safe to run
# again: it checks versions first and installs nothing that is already there.
#   scripts/setup.sh           tools to build and run the store
#   scripts/setup.sh --tests   also the browser and test dependencies
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh

want_tests=false
[ "${1:-}" = "--tests" ] && want_tests=true
mkdir -p "$VITRINE_TOOLS/bin"

say() { printf 'setup: %s\n' "$*"; }

apt_updated=false
apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    say "please install with apt: ${missing[*]}"
    exit 1
  fi
  if ! $apt_updated; then
    apt-get update -qq
    apt_updated=true
  fi
  say "installing ${missing[*]} (apt)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${APT_RELEASE[@]}" "${missing[@]}" >/dev/null
}

# 1. A Rust toolchain that can build wasm32.
if [ "$(vitrine_wasm_path)" = rustup ]; then
  say "wasm toolchain: rustup target wasm32-unknown-unknown"
else
  say "wasm toolchain: Debian rustc-web + build-std (no rustup wasm32 target here)"
  APT_RELEASE=(-t bookworm-security)
  apt_install rustc-web cargo-web rust-web-src lld-22
fi
APT_RELEASE=()
apt_install brotli

# 2. wasm-bindgen-cli, exactly the wasm-bindgen version Cargo.lock uses.
if ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION\$"; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 3 minutes)"
  # Not --locked: its lock names a crate version the registry no longer serves.
  cargo install --quiet --force --root "$VITRINE_TOOLS" "wasm-bindgen-cli@$WASM_BINDGEN_VERSION"
else
  say "wasm-bindgen $WASM_BINDGEN_VERSION: present"
fi

# 3. Trunk (0.22 needs a newer rustc than these machines have).
if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION\$"; then
  say "installing trunk $TRUNK_VERSION (10-15 minutes on 2 cores)"
  cargo install --quiet --locked --force --root "$VITRINE_TOOLS" "trunk@$TRUNK_VERSION"
else
  say "trunk $TRUNK_VERSION: present"
fi

# 4. wasm-opt from npm's binaryen (Debian's is too old for current wasm-bindgen output).
if ! wasm-opt --version 2>/dev/null | grep -q "version $BINARYEN_VERSION"; then
  say "installing binaryen $BINARYEN_VERSION (npm)"
  npm install --silent --no-audit --no-fund --prefix "$VITRINE_TOOLS" "binaryen@$BINARYEN_VERSION"
else
  say "wasm-opt $BINARYEN_VERSION: present"
fi

if $want_tests; then
  # 5. A real browser, and the test driver; PostgreSQL for what several instances share
  # (scripts/postgres.sh runs it), and openssl for its test certificates.
  apt_install chromium postgresql openssl
  if [ ! -d tests/journeys/node_modules/playwright-core ] ||
    [ tests/journeys/package-lock.json -nt tests/journeys/node_modules/.package-lock.json ]; then
    say "installing journey test dependencies (npm ci)"
    npm ci --silent --no-audit --no-fund --prefix tests/journeys
  else
    say "journey test dependencies: present"
  fi
  # 6. A real Vendure for the adapter's contract tests, with its sample catalogue.
  say "Vendure: $(bash scripts/vendure.sh install)"
  # The same on PostgreSQL, for the contract suite's run there (its import logs go to a file).
  if ! VENDURE_DB=postgres bash scripts/vendure.sh install >/dev/null 2>"$VITRINE_TOOLS/vendure-pg.log"; then
    say "Vendure on PostgreSQL failed; see $VITRINE_TOOLS/vendure-pg.log"
    exit 1
  fi
  say "Vendure on PostgreSQL: present"
fi
