#!/usr/bin/env bash
# A PostgreSQL for the tests, `make vendure` and trying several instances: Debian's server,
# run as an ordinary user on 127.0.0.1 only, its data in a folder of its own.
#   scripts/postgres.sh start   initialise (first time) and start it; prints its URL
#   scripts/postgres.sh stop
#   scripts/postgres.sh url     the URL of the `vitrine` database (postgres://...)
#   scripts/postgres.sh ca      the certificate authority its TLS certificate is signed by
# The cluster trusts local connections: it is a test server that listens on loopback only.
# It also speaks TLS (a CA and a certificate for 127.0.0.1 made once, with openssl), so the
# storefront's `sslmode=verify-full` is tested against a real server.
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

TLS="$ROOT/tls"

running() { "${AS[@]}" "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; }

# A test CA and a server certificate it signed, for 127.0.0.1 and localhost.
certificates() {
  [ -f "$TLS/server.crt" ] && return
  mkdir -p "$TLS"
  openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=vitrine test CA" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -keyout "$TLS/ca.key" -out "$TLS/ca.crt" 2>/dev/null
  openssl req -newkey rsa:2048 -nodes -subj "/CN=127.0.0.1" \
    -keyout "$TLS/server.key" -out "$TLS/server.csr" 2>/dev/null
  printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n' > "$TLS/server.ext"
  openssl x509 -req -in "$TLS/server.csr" -CA "$TLS/ca.crt" -CAkey "$TLS/ca.key" \
    -CAcreateserial -days 3650 -extfile "$TLS/server.ext" -out "$TLS/server.crt" 2>/dev/null
  chmod 600 "$TLS/server.key" "$TLS/ca.key"
  [ "$(id -u)" -eq 0 ] && chown -R postgres: "$TLS"
  return 0
}

case "${1:-}" in
  start)
    if [ ! -f "$DATA/PG_VERSION" ]; then
      mkdir -p "$ROOT"
      [ "$(id -u)" -eq 0 ] && chown postgres: "$ROOT"
      "${AS[@]}" "$BIN/initdb" -D "$DATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    "${AS[@]}" mkdir -p "$RUN"
    certificates
    psql=("$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -qtA)
    # One started before it spoke TLS is started again with it.
    if running && [ "$("${psql[@]}" -c "SHOW ssl" 2>/dev/null)" != on ]; then
      "${AS[@]}" "$BIN/pg_ctl" -D "$DATA" -w stop -m fast >/dev/null
    fi
    if ! running; then
      # fsync off: a crash of a test machine loses test data only, and starts are faster.
      "${AS[@]}" "$BIN/pg_ctl" -D "$DATA" -l "$ROOT/server.log" -w -t 30 start \
        -o "-c listen_addresses=127.0.0.1 -p $PORT -k $RUN -c fsync=off -c max_connections=200 \
            -c ssl=on -c ssl_cert_file=$TLS/server.crt -c ssl_key_file=$TLS/server.key" >/dev/null
    fi
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
  ca) echo "$TLS/ca.crt" ;;
  *)
    echo "usage: scripts/postgres.sh start|stop|url|ca" >&2
    exit 2
    ;;
esac
