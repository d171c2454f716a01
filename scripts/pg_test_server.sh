#!/usr/bin/env bash
# A throw-away PostgreSQL server for running the tests on PostgreSQL (DESIGN.md §7).
#
#   scripts/pg_test_server.sh start   # init (first time) and start; prints the test URL
#   scripts/pg_test_server.sh url     # prints the URL to put in SELLERDESK_TEST_PG_URL
#   scripts/pg_test_server.sh stop    # stops the server and deletes its data
#
# Idempotent: starting a running server or stopping a stopped one just says so.
# The server trusts local connections, listens on 127.0.0.1 only and runs with
# fsync off: its data is worth nothing and is deleted on stop. Run as root (the
# server then runs as the "postgres" user) or as an ordinary user.
#
# Settings: SELLERDESK_PG_DIR (default /tmp/sellerdesk-pg), SELLERDESK_PG_PORT
# (default 54329), SELLERDESK_PG_BIN (default: the newest /usr/lib/postgresql/*/bin).
#
# Usage in CI:
#   apt-get install -y postgresql
#   export SELLERDESK_TEST_PG_URL="$(scripts/pg_test_server.sh start)"
#   .venv/bin/python -m pytest -q ...
#   scripts/pg_test_server.sh stop
set -euo pipefail

DIR="${SELLERDESK_PG_DIR:-/tmp/sellerdesk-pg}"
PORT="${SELLERDESK_PG_PORT:-54329}"
BIN="${SELLERDESK_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}"
ROLE=sellerdesk
DATABASE=sellerdesk
DATA="$DIR/data"
LOG="$DIR/server.log"
URL="postgresql+psycopg://$ROLE@127.0.0.1:$PORT/$DATABASE"

if [[ -z "$BIN" || ! -x "$BIN/pg_ctl" ]]; then
  echo "PostgreSQL is not installed (no pg_ctl under /usr/lib/postgresql/*/bin);" \
    "install it with: apt-get install -y postgresql" >&2
  exit 2
fi

# The server refuses to run as root: root runs it as the "postgres" user.
as_owner() {
  if [[ "$(id -u)" == 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

running() {
  [[ -f "$DATA/postmaster.pid" ]] && as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1
}

start() {
  if running; then
    echo "PostgreSQL test server already running on port $PORT" >&2
    echo "$URL"
    return
  fi
  if [[ ! -f "$DATA/PG_VERSION" ]]; then
    mkdir -p "$DIR"
    [[ "$(id -u)" == 0 ]] && chown postgres: "$DIR"
    as_owner "$BIN/initdb" -D "$DATA" --auth=trust --username=postgres \
      --encoding=UTF8 --locale=C.UTF-8 >/dev/null
    cat >>"$DATA/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '$DIR'
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
# Tests create and drop a database per test: vacuuming them is wasted work, and a
# vacuum worker inside a database makes dropping it wait.
autovacuum = off
EOF
  fi
  as_owner "$BIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 30 start >/dev/null
  psql_admin() { as_owner "$BIN/psql" -h "$DIR" -p "$PORT" -U postgres -d postgres -qtA "$@"; }
  if [[ -z "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'")" ]]; then
    # pg_signal_backend: DROP DATABASE ... WITH (FORCE) may end a leftover session.
    psql_admin -c "CREATE ROLE $ROLE LOGIN CREATEDB IN ROLE pg_signal_backend"
  fi
  if [[ -z "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$DATABASE'")" ]]; then
    psql_admin -c "CREATE DATABASE $DATABASE OWNER $ROLE"
  fi
  echo "PostgreSQL test server started on port $PORT (log: $LOG)" >&2
  echo "$URL"
}

stop() {
  if running; then
    as_owner "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null
    echo "PostgreSQL test server stopped" >&2
  else
    echo "PostgreSQL test server was not running" >&2
  fi
  rm -rf "$DIR"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  url) echo "$URL" ;;
  *)
    echo "usage: $0 start|stop|url" >&2
    exit 2
    ;;
esac
