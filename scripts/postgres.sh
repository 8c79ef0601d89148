#!/usr/bin/env bash
# A PostgreSQL for the tests, `make vendure` and trying several instances: Debian's server,
# run as an ordinary user on 127.0.0.1 only, its data in a folder of its own.
#   scripts/postgres.sh start   initialise (first time) and start it; prints its URL
#   scripts/postgres.sh stop
#   scripts/postgres.sh url     the URL of the `vitrine` database (postgres://...)
# The cluster trusts local connections: it is a test server that listens on loopback only.
# VITRINE_PG_PORT and VITRINE_PG_ROOT run another one beside it (the restart test does).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh

PORT="${VITRINE_PG_PORT:-55432}"
BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$BIN" ]; then
  echo "postgres: Debian's PostgreSQL is missing; run: bash scripts/setup.sh --tests" >&2
  exit 1
fi
# PostgreSQL refuses to run as root: there it runs as Debian's `postgres` user, whose data
# cannot live under root's home (mode 700), so it lives under /var/tmp instead.
if [ "$(id -u)" -eq 0 ]; then
  AS=(runuser -u postgres --)
  ROOT="${VITRINE_PG_ROOT:-/var/tmp/vitrine-postgres}"
else
  AS=()
  ROOT="${VITRINE_PG_ROOT:-$VITRINE_TOOLS/postgres}"
fi
DATA="$ROOT/data"
RUN="$ROOT/run"
URL="postgres://vitrine@127.0.0.1:$PORT/vitrine"

running() { "${AS[@]}" "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; }

case "${1:-}" in
  start)
    if [ ! -f "$DATA/PG_VERSION" ]; then
      mkdir -p "$ROOT"
      [ "$(id -u)" -eq 0 ] && chown postgres: "$ROOT"
      "${AS[@]}" "$BIN/initdb" -D "$DATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    "${AS[@]}" mkdir -p "$RUN"
    if ! running; then
      # fsync off: a crash of a test machine loses test data only, and starts are faster.
      "${AS[@]}" "$BIN/pg_ctl" -D "$DATA" -l "$ROOT/server.log" -w -t 30 start \
        -o "-c listen_addresses=127.0.0.1 -p $PORT -k $RUN -c fsync=off -c max_connections=200" >/dev/null
    fi
    psql=("$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -qtA)
    if [ "$("${psql[@]}" -c "SELECT 1 FROM pg_roles WHERE rolname = 'vitrine'")" != 1 ]; then
      "${psql[@]}" -c "CREATE ROLE vitrine LOGIN CREATEDB" >/dev/null
    fi
    if [ "$("${psql[@]}" -c "SELECT 1 FROM pg_database WHERE datname = 'vitrine'")" != 1 ]; then
      "${psql[@]}" -c "CREATE DATABASE vitrine OWNER vitrine" >/dev/null
    fi
    echo "$URL"
    ;;
  stop)
    if running; then "${AS[@]}" "$BIN/pg_ctl" -D "$DATA" -w stop -m fast >/dev/null; fi
    ;;
  url) echo "$URL" ;;
  *)
    echo "usage: scripts/postgres.sh start|stop|url" >&2
    exit 2
    ;;
esac
