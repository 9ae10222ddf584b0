#!/usr/bin/env bash
# A throwaway Redis for the tests and local multi-host runs (not for production).
#
#   scripts/redis.sh start    start (installs Debian's redis-server when missing); prints the Redis:Configuration value on stdout
#   scripts/redis.sh stop     stop it (no save); the folder stays
#   scripts/redis.sh status   exit 0 and print the configuration value when running, exit 3 when not
#
# Environment: NOVAPULSE_REDIS_PORT (26379), NOVAPULSE_REDIS_DIR (/tmp/novapulse-redis).
# Listens on 127.0.0.1 only, no persistence (rate-limit windows are a minute long: nothing worth keeping).
set -euo pipefail

PORT=${NOVAPULSE_REDIS_PORT:-26379}
DIR=${NOVAPULSE_REDIS_DIR:-/tmp/novapulse-redis}

log() { echo "redis.sh: $*" >&2; }
die() { log "$*"; exit 1; }

configuration() { echo "127.0.0.1:$1"; }

ensure_binaries() {
  command -v redis-server >/dev/null && command -v redis-cli >/dev/null && return 0
  log "redis-server missing; installing the Debian package"
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || die "not root and no sudo: install redis-server (apt-get install redis-server) first"
    sudo=(sudo)
  fi
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update >&2
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y redis-server >&2
  command -v redis-server >/dev/null || die "installed redis-server but it is still not on PATH"
}

pid() { cat "$DIR/redis.pid" 2>/dev/null || true; }

is_running() {
  local p
  p=$(pid)
  [ -n "$p" ] && kill -0 "$p" 2>/dev/null
}

start() {
  ensure_binaries
  if is_running; then
    log "already running in $DIR (pid $(pid))"
    configuration "$(cat "$DIR/port")"
    return 0
  fi
  mkdir -p "$DIR"
  echo "$PORT" >"$DIR/port"
  log "starting on 127.0.0.1:$PORT"
  redis-server --bind 127.0.0.1 --port "$PORT" --dir "$DIR" --daemonize yes --pidfile "$DIR/redis.pid" \
    --logfile "$DIR/redis.log" --save "" --appendonly no --protected-mode yes >/dev/null
  for _ in $(seq 1 100); do
    if redis-cli -h 127.0.0.1 -p "$PORT" ping 2>/dev/null | grep -q PONG; then
      configuration "$PORT"
      return 0
    fi
    sleep 0.1
  done
  tail -n 20 "$DIR/redis.log" >&2 || true
  die "could not start Redis (is port $PORT taken?)"
}

stop() {
  if ! is_running; then
    log "not running"
    return 0
  fi
  local p
  p=$(pid)
  kill "$p"
  for _ in $(seq 1 100); do
    kill -0 "$p" 2>/dev/null || { rm -f "$DIR/redis.pid"; log "stopped"; return 0; }
    sleep 0.1
  done
  die "Redis (pid $p) did not stop"
}

status() {
  if is_running; then
    log "running in $DIR (pid $(pid))"
    configuration "$(cat "$DIR/port")"
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
