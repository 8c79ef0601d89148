#!/usr/bin/env bash
# A local Vendure (the headless commerce server the Vendure adapter is tested against).
#   scripts/vendure.sh install              install it from npm into a folder it owns (about
#                                           40 s) and import the sample catalogue once into
#                                           its pristine copy (about 25 s); prints the folder
#   scripts/vendure.sh [DATA_DIR] [PORT]    start it on 127.0.0.1 (defaults: data/vendure 3100)
#                                           and print its Shop API URL; a new DATA_DIR starts
#                                           from the pristine copy
# With VENDURE_DB=postgres both keep the store in PostgreSQL instead of sql.js (scripts/
# postgres.sh starts it): the pristine store is the database vendure_pristine, and a data
# folder gets a copy of it of its own (CREATE DATABASE … TEMPLATE, a second or two).
# Safe to run again; later runs start in seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh

home="$VITRINE_TOOLS/vendure"
mkdir -p "$home"
if ! cmp -s scripts/vendure/package.json "$home/package.json" || [ ! -d "$home/node_modules/@vendure/core" ]; then
  echo "vendure: installing @vendure/core 3.7.3 into $home" >&2
  cp scripts/vendure/package.json "$home/package.json"
  # bcrypt and sharp ship prebuilt binaries; their install scripts would try the network.
  (cd "$home" && npm install --ignore-scripts --no-audit --no-fund --loglevel=error)
  rm -rf "$home/pristine"
fi
# The pristine stores are remade whenever server.js (which seeds them) changes.
if ! cmp -s scripts/vendure/server.js "$home/server.js"; then
  rm -rf "$home/pristine" "$home/pristine-pg"
fi
cp scripts/vendure/server.js scripts/vendure/schema.js "$home/"

if [ "${VENDURE_DB:-sqljs}" = postgres ]; then
  pg=$(bash scripts/postgres.sh start)
  pg_base=${pg%/*}
  sql() { psql "$pg" -qtAX -v ON_ERROR_STOP=1 -c "$1"; }
  if [ ! -f "$home/pristine-pg/vendure.postgres" ]; then
    rm -rf "$home/pristine-pg"
    sql "DROP DATABASE IF EXISTS vendure_pristine" >/dev/null
    sql "CREATE DATABASE vendure_pristine" >/dev/null
    VITRINE_VENDURE_POSTGRES="$pg_base/vendure_pristine" \
      node "$home/server.js" "$home/pristine-pg" 0 --populate-only >&2
  fi
  if [ "${1:-}" = install ]; then
    echo "$home"
    exit 0
  fi
  data_dir="$(realpath -m "${1:-data/vendure}")"
  port="${2:-3100}"
  # One database per data folder, named for its path.
  db="vendure_$(printf '%s' "$data_dir" | sha256sum | cut -c1-12)"
  if [ ! -f "$data_dir/vendure.postgres" ]; then
    mkdir -p "$data_dir"
    sql "DROP DATABASE IF EXISTS $db" >/dev/null
    sql "CREATE DATABASE $db TEMPLATE vendure_pristine" >/dev/null
    cp -r "$home/pristine-pg/." "$data_dir/"
  fi
  VITRINE_VENDURE_POSTGRES="$pg_base/$db" exec node "$home/server.js" "$data_dir" "$port"
fi

if [ ! -f "$home/pristine/vendure.sqlite" ]; then
  rm -rf "$home/pristine.tmp"
  node "$home/server.js" "$home/pristine.tmp" 0 --populate-only >&2
  mv "$home/pristine.tmp" "$home/pristine"
fi

if [ "${1:-}" = install ]; then
  echo "$home"
  exit 0
fi
data_dir="$(realpath -m "${1:-data/vendure}")"
port="${2:-3100}"
if [ ! -f "$data_dir/vendure.sqlite" ]; then
  mkdir -p "$data_dir"
  cp -r "$home/pristine/." "$data_dir/"
fi
exec node "$home/server.js" "$data_dir" "$port"
