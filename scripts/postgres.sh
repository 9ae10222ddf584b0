#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for the tests and local runs (not for production).
#
#   scripts/postgres.sh start    initialise (first time) and start; prints the connection string on stdout
#   scripts/postgres.sh stop     stop it (fast shutdown); the data folder stays for the next start
#   scripts/postgres.sh status   exit 0 and print the connection string when running, exit 3 when not
#
# Environment: NOVAPULSE_PG_PORT (25432), NOVAPULSE_PG_DIR (/tmp/novapulse-pg),
#              NOVAPULSE_PG_BIN (/usr/lib/postgresql/15/bin).
# Trust authentication, listening on 127.0.0.1 only, fsync off: fast and disposable. Delete the data folder to
# start from scratch. initdb and pg_ctl refuse to run as root, so as root they run as the `postgres` user.
# The default ports of the project's servers (25432 here, 26379 Redis, 25442/26442 the cluster suite) lie below Linux's
# ephemeral range (32768-60999): a port in it can be held for a moment by any outgoing loopback connection, and a CI
# run once met "could not bind 127.0.0.1:55442: Address already in use" that way.
set -euo pipefail

PORT=${NOVAPULSE_PG_PORT:-25432}
DATA=${NOVAPULSE_PG_DIR:-/tmp/novapulse-pg}
BIN=${NOVAPULSE_PG_BIN:-/usr/lib/postgresql/15/bin}
# Tests create a database per test host and pool connections to each: allow plenty.
SERVER_OPTIONS="-k $DATA -h 127.0.0.1 -p $PORT -F -c max_connections=300 -c synchronous_commit=off -c full_page_writes=off"

log() { echo "postgres.sh: $*" >&2; }
die() { log "$*"; exit 1; }

connection_string() { echo "Host=127.0.0.1;Port=$1;Username=postgres;Database=postgres"; }

is_root() { [ "$(id -u)" -eq 0 ]; }

# Runs a PostgreSQL tool as the cluster's owner, from a folder that owner can read.
as_owner() {
  if is_root; then
    (cd / && runuser -u postgres -- "$@")
  else
    (cd / && "$@")
  fi
}

ensure_binaries() {
  [ -x "$BIN/postgres" ] && [ -x "$BIN/initdb" ] && [ -x "$BIN/pg_ctl" ] && return 0
  if [ "$BIN" != /usr/lib/postgresql/15/bin ]; then
    die "no PostgreSQL binaries in NOVAPULSE_PG_BIN=$BIN"
  fi
  log "PostgreSQL 15 binaries missing; installing the Debian package"
  local sudo=()
  if ! is_root; then
    command -v sudo >/dev/null || die "not root and no sudo: install PostgreSQL 15 (apt-get install postgresql) first"
    sudo=(sudo)
  fi
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update >&2
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql >&2
  [ -x "$BIN/postgres" ] || die "installed the postgresql package but $BIN/postgres is still missing (not PostgreSQL 15?)"
}

is_running() {
  [ -f "$DATA/PG_VERSION" ] && as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1
}

# The port of the running server (line 4 of postmaster.pid), in case it was started with another one.
running_port() {
  sed -n 4p "$DATA/postmaster.pid" 2>/dev/null || echo "$PORT"
}

prepare_data_dir() {
  mkdir -p "$DATA"
  if is_root; then
    id postgres >/dev/null 2>&1 || die "running as root but there is no 'postgres' user to own the cluster"
    chown postgres:postgres "$DATA"
  fi
  chmod 700 "$DATA"
  if [ ! -f "$DATA/PG_VERSION" ]; then
    [ -z "$(ls -A "$DATA")" ] || die "$DATA exists, is not empty and holds no cluster; remove it or set NOVAPULSE_PG_DIR"
    log "initialising a cluster in $DATA"
    as_owner "$BIN/initdb" -D "$DATA" -U postgres --auth=trust -E UTF8 --locale=C --no-sync >"$DATA.initdb.log" 2>&1 \
      || { cat "$DATA.initdb.log" >&2; die "initdb failed"; }
    rm -f "$DATA.initdb.log"
  fi
}

start() {
  ensure_binaries
  if is_running; then
    local port
    port=$(running_port)
    log "already running in $DATA on port $port"
    [ "$port" = "$PORT" ] || log "warning: it listens on $port, not on the requested $PORT"
    connection_string "$port"
    return 0
  fi
  prepare_data_dir
  log "starting on 127.0.0.1:$PORT"
  if ! as_owner "$BIN/pg_ctl" -D "$DATA" -l "$DATA/log" -w -t 60 -o "$SERVER_OPTIONS" start >/dev/null; then
    tail -n 20 "$DATA/log" >&2 || true
    die "could not start PostgreSQL (is port $PORT taken by another server?)"
  fi
  connection_string "$PORT"
}

stop() {
  if ! is_running; then
    log "not running"
    return 0
  fi
  as_owner "$BIN/pg_ctl" -D "$DATA" -m fast -w -t 60 stop >/dev/null
  log "stopped"
}

status() {
  if [ -x "$BIN/pg_ctl" ] && is_running; then
    log "running in $DATA"
    connection_string "$(running_port)"
  else
    log "not running"
    return 3
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
