#!/usr/bin/env bash
# A throwaway NovaPulse cluster on this machine (not for production): PostgreSQL, Redis when scripts/redis.sh exists,
# three published hosts and Debian's nginx round-robin in front of them, all on loopback.
#
#   scripts/cluster.sh start    publish (Release) when no host runs, start what is not running; prints the proxy URL
#   scripts/cluster.sh stop     stop the hosts, nginx, Redis and PostgreSQL; the folder (database, logs) stays
#   scripts/cluster.sh status   one line per part; exit 0 and print the proxy URL when all run, exit 3 when not
#   scripts/cluster.sh restart N  one step of a rolling restart: SIGTERM to host N, wait until its /health/ready fails
#                               (draining) and it exits, start it again on the same binaries, wait until it is ready
#
# Hosts 1 and 2 run the background workers (Workers:Enabled), host 3 is API-only. nginx adds X-Served-By (the
# upstream's address) to every response and forwards X-Forwarded-For/-Proto/-Host; the hosts trust 127.0.0.1 as proxy.
# A refused connection or a timeout passes the request to the next host (nginx's default `error timeout`, named here):
# every method when nothing was sent yet, only idempotent ones after; clients retry the rest (docs/DEPLOYMENT.md).
# Host 1 starts first and applies the migrations; 2 and 3 start once it is ready.
#
# Environment:
#   NOVAPULSE_CLUSTER_DIR (/tmp/novapulse-cluster)  folder: app/ (published), host<N>/ (data, log), nginx/, pg/, redis/
#   NOVAPULSE_CLUSTER_PORT (5190)                   proxy port; hosts listen on the next three
#   NOVAPULSE_PG_PORT (25442), NOVAPULSE_REDIS_PORT (26389)
#   NOVAPULSE_CLUSTER_NO_BUILD (unset)              1: publish the existing Release build (dotnet publish --no-build)
#   NOVAPULSE_CLUSTER_SETTINGS (empty)              extra KEY=value environment settings for every host, space-separated
#   NOVAPULSE_CLUSTER_REDIS (1)                     0: no Redis (each host keeps its own in-memory rate limits)
#   NOVAPULSE_CLUSTER_HOSTS (3)                     how many hosts (1-9) behind the proxy, for bench/cluster-throughput.sh
#   NOVAPULSE_CLUSTER_WORKER_HOSTS ("1 2")          which hosts run the workers, for bench/cluster-deliveries.sh
# Delete the folder to start from scratch (new database, new keys).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

DIR=${NOVAPULSE_CLUSTER_DIR:-/tmp/novapulse-cluster}
PROXY_PORT=${NOVAPULSE_CLUSTER_PORT:-5190}
PG_PORT=${NOVAPULSE_PG_PORT:-25442}
REDIS_PORT=${NOVAPULSE_REDIS_PORT:-26389}
HOSTS=($(seq 1 "${NOVAPULSE_CLUSTER_HOSTS:-3}"))
WORKER_HOSTS=" ${NOVAPULSE_CLUSTER_WORKER_HOSTS:-1 2} "
DATABASE=novapulse

log() { echo "cluster.sh: $*" >&2; }
die() { log "$*"; exit 1; }

host_port() { echo $((PROXY_PORT + $1)); }
proxy_url() { echo "http://127.0.0.1:$PROXY_PORT"; }
has_redis() { [ "${NOVAPULSE_CLUSTER_REDIS:-1}" = 1 ] && [ -f scripts/redis.sh ]; }

postgres() { NOVAPULSE_PG_PORT=$PG_PORT NOVAPULSE_PG_DIR=$DIR/pg bash scripts/postgres.sh "$@"; }
redis() { NOVAPULSE_REDIS_PORT=$REDIS_PORT NOVAPULSE_REDIS_DIR=$DIR/redis bash scripts/redis.sh "$@"; }

pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }
host_running() { pid_alive "$DIR/host$1/pid"; }
nginx_running() { pid_alive "$DIR/nginx/nginx.pid"; }

# The three secrets every host must share (tokens issued by one are checked by the others), generated once.
ensure_secrets() {
  local file=$DIR/secrets.env
  [ -f "$file" ] && return 0
  umask 077
  {
    echo "Jwt__SigningKey=$(openssl rand -base64 48)"
    echo "Storage__SigningKey=$(openssl rand -base64 48)"
    echo "Secrets__EncryptionKey=$(openssl rand -base64 32)"
  } >"$file"
}

publish() {
  local args=(-c Release -o "$DIR/app" --nologo -v quiet)
  [ "${NOVAPULSE_CLUSTER_NO_BUILD:-}" = 1 ] && args+=(--no-build)
  log "publishing src/WebApi (Release) to $DIR/app"
  rm -rf "$DIR/app"
  dotnet publish src/WebApi/NovaPulse.WebApi.csproj "${args[@]}" >"$DIR/publish.log" 2>&1 \
    || { tail -n 30 "$DIR/publish.log" >&2; die "dotnet publish failed"; }
}

ensure_database() {
  local psql=(/usr/lib/postgresql/15/bin/psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -qtA)
  if [ "$("${psql[@]}" -c "SELECT 1 FROM pg_database WHERE datname = '$DATABASE'")" != 1 ]; then
    "${psql[@]}" -c "CREATE DATABASE $DATABASE" >/dev/null
  fi
}

wait_ready() {
  local n=$1 port
  port=$(host_port "$n")
  for _ in $(seq 1 120); do
    curl -fsS -o /dev/null "http://127.0.0.1:$port/health/ready" 2>/dev/null && return 0
    host_running "$n" || { tail -n 30 "$DIR/host$n/log" >&2; die "host $n exited while starting (log: $DIR/host$n/log)"; }
    sleep 0.5
  done
  die "host $n not ready after 60 s (log: $DIR/host$n/log)"
}

start_host() {
  local n=$1 folder=$DIR/host$1 workers=false migrate=false settings=()
  host_running "$n" && return 0
  case "$WORKER_HOSTS" in *" $n "*) workers=true ;; esac
  [ "$n" = 1 ] && migrate=true
  mkdir -p "$folder"
  mapfile -t settings <"$DIR/secrets.env"
  if has_redis; then settings+=("Redis__Configuration=$REDIS_CONFIGURATION"); fi
  # shellcheck disable=SC2206 # space-separated on purpose
  settings+=(${NOVAPULSE_CLUSTER_SETTINGS:-})
  log "starting host $n on 127.0.0.1:$(host_port "$n") (workers: $workers)"
  # Appended, not replaced: when a restarted host fails, the log of the run before it is still there to compare.
  echo "== cluster.sh: host $n starting at $(date -u +%FT%T.%3NZ)" >>"$folder/log"
  (
    cd "$DIR/app"
    exec setsid env \
      ASPNETCORE_ENVIRONMENT=Production \
      ASPNETCORE_URLS="http://127.0.0.1:$(host_port "$n")" \
      DOTNET_gcServer=0 \
      DataDirectory="$folder/data" \
      Database__Provider=PostgreSql \
      Database__MigrateOnStartup=$migrate \
      ConnectionStrings__Default="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=$DATABASE;Maximum Pool Size=40" \
      Storage__LocalPath="$DIR/uploads" \
      ForwardedHeaders__KnownProxies__0=127.0.0.1 \
      Workers__Enabled=$workers \
      Webhooks__AllowPrivateTargets=true \
      FrontendUrl="$(proxy_url)" \
      "${settings[@]}" \
      dotnet NovaPulse.WebApi.dll
  ) >>"$folder/log" 2>&1 </dev/null &
  echo $! >"$folder/pid"
}

write_nginx_conf() {
  local conf=$DIR/nginx/nginx.conf n
  mkdir -p "$DIR/nginx/temp"
  {
    echo "worker_processes 1;"
    echo "pid $DIR/nginx/nginx.pid;"
    echo "error_log $DIR/nginx/error.log warn;"
    echo "events { worker_connections 1024; }"
    echo "http {"
    echo "  access_log $DIR/nginx/access.log;"
    for t in client_body proxy fastcgi uwsgi scgi; do echo "  ${t}_temp_path $DIR/nginx/temp/$t;"; done
    echo "  upstream novapulse {"
    for n in "${HOSTS[@]}"; do echo "    server 127.0.0.1:$(host_port "$n") max_fails=1 fail_timeout=5s;"; done
    echo "    keepalive 32;"
    echo "  }"
    echo "  server {"
    echo "    listen 127.0.0.1:$PROXY_PORT;"
    echo "    client_max_body_size 600m;"
    echo "    location / {"
    echo "      proxy_pass http://novapulse;"
    echo "      proxy_http_version 1.1;"
    echo "      proxy_set_header Connection \"\";"
    echo "      proxy_set_header Host \$http_host;"
    echo "      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;"
    echo "      proxy_set_header X-Forwarded-Proto \$scheme;"
    echo "      proxy_set_header X-Forwarded-Host \$http_host;"
    echo "      # Server-sent events and streamed uploads pass through as they come."
    echo "      proxy_buffering off;"
    echo "      proxy_request_buffering off;"
    echo "      proxy_read_timeout 1h;"
    echo "      # A host that is restarting refuses connections: try the next one (POST only if nothing was sent yet)."
    echo "      proxy_next_upstream error timeout;"
    echo "      proxy_next_upstream_tries 3;"
    echo "      add_header X-Served-By \$upstream_addr always;"
    echo "    }"
    echo "  }"
    echo "}"
  } >"$conf"
  [ "$(id -u)" -eq 0 ] && chown -R nobody "$DIR/nginx/temp"
  return 0
}

start_nginx() {
  nginx_running && return 0
  command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || die "nginx missing: apt-get install nginx (.ci/run installs it)"
  write_nginx_conf
  log "starting nginx on 127.0.0.1:$PROXY_PORT"
  PATH=$PATH:/usr/sbin nginx -p "$DIR/nginx" -c "$DIR/nginx/nginx.conf" -e "$DIR/nginx/error.log" \
    || die "nginx did not start (log: $DIR/nginx/error.log)"
}

start() {
  mkdir -p "$DIR"
  postgres start >/dev/null
  ensure_database
  REDIS_CONFIGURATION=""
  if has_redis; then REDIS_CONFIGURATION=$(redis start); fi
  ensure_secrets
  local any=false n
  for n in "${HOSTS[@]}"; do host_running "$n" && any=true; done
  # Never overwrite the binaries under running hosts (restarting one after a kill reuses them).
  if ! $any || [ ! -f "$DIR/app/NovaPulse.WebApi.dll" ]; then publish; fi
  start_host 1
  wait_ready 1
  for n in "${HOSTS[@]:1}"; do start_host "$n"; done
  for n in "${HOSTS[@]:1}"; do wait_ready "$n"; done
  start_nginx
  proxy_url
}

stop_host() {
  local n=$1 pid
  host_running "$n" || { rm -f "$DIR/host$n/pid"; return 0; }
  pid=$(cat "$DIR/host$n/pid")
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
  kill -KILL "$pid" 2>/dev/null || true
  rm -f "$DIR/host$n/pid"
  log "host $n stopped"
}

# Waits for a host to exit after SIGTERM: Shutdown:DrainDelay (5 s) of serving, then in-flight requests finish.
wait_exit() {
  local pid=$1
  for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.25; done
  return 1
}

restart_host() {
  local n=$1 pid ready
  [[ "$n" =~ ^[1-9]$ ]] && [ "$n" -le "${#HOSTS[@]}" ] || die "restart: no host $n (1-${#HOSTS[@]})"
  ready="http://127.0.0.1:$(host_port "$n")/health/ready"
  if host_running "$n"; then
    pid=$(cat "$DIR/host$n/pid")
    log "host $n: SIGTERM"
    kill -TERM "$pid"
    for _ in $(seq 1 40); do curl -fsS -o /dev/null "$ready" 2>/dev/null || break; sleep 0.25; done
    log "host $n: draining (/health/ready no longer 200)"
    wait_exit "$pid" || { log "host $n did not exit within 30 s: SIGKILL"; kill -KILL "$pid" 2>/dev/null || true; }
    rm -f "$DIR/host$n/pid"
  fi
  REDIS_CONFIGURATION=""
  if has_redis; then REDIS_CONFIGURATION=$(redis start 2>/dev/null); fi
  start_host "$n"
  wait_ready "$n"
  log "host $n: ready"
}

stop() {
  if nginx_running; then
    kill -QUIT "$(cat "$DIR/nginx/nginx.pid")"
    log "nginx stopped"
  fi
  local n
  for n in "${HOSTS[@]}"; do stop_host "$n"; done
  if has_redis; then redis stop || true; fi
  postgres stop
}

status() {
  local all=0 n
  postgres status >/dev/null 2>&1 && log "postgres: running on 127.0.0.1:$PG_PORT" || { log "postgres: not running"; all=3; }
  if has_redis; then
    redis status >/dev/null 2>&1 && log "redis: running on 127.0.0.1:$REDIS_PORT" || { log "redis: not running"; all=3; }
  fi
  for n in "${HOSTS[@]}"; do
    if host_running "$n"; then
      log "host $n: running (pid $(cat "$DIR/host$n/pid")) on 127.0.0.1:$(host_port "$n")"
    else
      log "host $n: not running"
      all=3
    fi
  done
  nginx_running && log "nginx: running on $(proxy_url)" || { log "nginx: not running"; all=3; }
  [ "$all" -eq 0 ] && proxy_url
  return "$all"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  restart) restart_host "${2:-}" ;;
  *) echo "usage: $0 start|stop|status|restart N" >&2; exit 2 ;;
esac
