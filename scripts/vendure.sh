#!/usr/bin/env bash
# Starts a local Vendure (the headless commerce server the Vendure adapter is tested against)
# on 127.0.0.1 and prints its Shop API URL. Installs it from npm into a folder it owns on the
# first run (about 40 s) and imports the sample catalogue into DATA_DIR (about 20 s); later
# runs start in seconds. Safe to run again.
#   scripts/vendure.sh [DATA_DIR] [PORT]      (defaults: data/vendure 3100)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh

data_dir="${1:-data/vendure}"
port="${2:-3100}"
home="$VITRINE_TOOLS/vendure"
mkdir -p "$home"
if ! cmp -s scripts/vendure/package.json "$home/package.json" || [ ! -d "$home/node_modules/@vendure/core" ]; then
  echo "vendure: installing @vendure/core 3.7.3 into $home"
  cp scripts/vendure/package.json "$home/package.json"
  # bcrypt and sharp ship prebuilt binaries; their install scripts would try the network.
  (cd "$home" && npm install --ignore-scripts --no-audit --no-fund --loglevel=error)
fi
cp scripts/vendure/server.js "$home/server.js"
exec node "$home/server.js" "$(realpath -m "$data_dir")" "$port"
