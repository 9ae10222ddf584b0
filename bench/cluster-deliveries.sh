#!/usr/bin/env bash
# Webhook deliveries per second with 1, 2 and 3 hosts (every one running the workers), Redis on and off (issue #17):
#   bench/cluster-deliveries.sh [work folder, default /tmp/np-bench-deliveries]     EVENTS=3000 per run
# One company subscribed to task.created at a local receiver (bench/deliveries.py). Each run first fills the backlog:
# EVENTS tasks created through nginx (16 connections) with every host API-only; then all hosts are restarted at once
# with the workers on (scripts/cluster.sh restart N, in parallel) and the rate is counted from the first delivery to
# the last, once the receiver has every webhook-id. Redis holds only the API's rate limits, so with the backlog filled
# beforehand it should not change the delivery rate. On a 2-core box more hosts share the same cores with nginx,
# PostgreSQL and the receiver: the figures show the overhead of sharing (claims competing for the same rows, more
# processes starting and warming up), not scaling.
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-/tmp/np-bench-deliveries}
events=${EVENTS:-3000}
port=5580
receiver_port=5589
rm -rf "$work"
mkdir -p "$work"
# Publish the existing Release build when there is one (dotnet build NovaPulse.sln -c Release).
[ -f src/WebApi/bin/Release/net10.0/NovaPulse.WebApi.dll ] && export NOVAPULSE_CLUSTER_NO_BUILD=1
export NOVAPULSE_CLUSTER_DIR="$work/cluster" NOVAPULSE_CLUSTER_PORT=$port NOVAPULSE_PG_PORT=25580 NOVAPULSE_REDIS_PORT=26580
export NOVAPULSE_CLUSTER_SETTINGS="RateLimiting__PermitsPerMinute=10000000 RateLimiting__AuthPermitsPerMinute=100000 Billing__Plans__0__Limits__Tasks=10000000 Serilog__MinimumLevel__Default=Warning"
proxy="http://127.0.0.1:$port"
receiver="http://127.0.0.1:$receiver_port"

receiver_pid=""
cleanup() {
  [ -n "$receiver_pid" ] && kill "$receiver_pid" 2>/dev/null || true
  NOVAPULSE_CLUSTER_HOSTS=3 bash scripts/cluster.sh stop >/dev/null 2>&1 || true
}
trap cleanup EXIT

python3 bench/deliveries.py receive $receiver_port &
receiver_pid=$!

: > "$work/results.txt"
first=true
for redis in 1 0; do
  for hosts in 1 2 3; do
    cluster() { NOVAPULSE_CLUSTER_REDIS=$redis NOVAPULSE_CLUSTER_HOSTS=$hosts bash scripts/cluster.sh "$@" >/dev/null; }
    # Stop all three: a host left from a larger run would keep claiming deliveries beside this run's hosts.
    NOVAPULSE_CLUSTER_HOSTS=3 bash scripts/cluster.sh stop >/dev/null 2>&1 || true
    NOVAPULSE_CLUSTER_WORKER_HOSTS=" " cluster start
    if $first; then
      curl -sf -H 'Content-Type: application/json' "$proxy/api/v1/auth/register" \
        -d '{"companyName":"Bench","name":"Owner","email":"owner@bench.test","password":"correct-horse-9"}' \
        | python3 -c 'import json,sys; print("Authorization: Bearer " + json.load(sys.stdin)["accessToken"])' > "$work/jwt.txt"
      curl -sf -o /dev/null -H "$(cat "$work/jwt.txt")" -H 'Content-Type: application/json' "$proxy/api/v1/webhooks" \
        -d "{\"url\":\"$receiver/hook\",\"events\":[\"task.created\"]}"
      first=false
    fi
    curl -sf -o /dev/null -X POST "$receiver/reset"
    read -r start enqueued < <(python3 bench/deliveries.py enqueue "$proxy" "$work/jwt.txt" "$events")
    restarts=()
    for n in $(seq 1 "$hosts"); do
      NOVAPULSE_CLUSTER_WORKER_HOSTS="$(seq -s' ' 1 "$hosts")" cluster restart "$n" 2>/dev/null &
      restarts+=($!)
    done
    wait "${restarts[@]}"
    for _ in $(seq 1 600); do
      read -r distinct total first_at last_at < <(curl -sf "$receiver/count")
      [ "$distinct" -ge "$events" ] && break
      sleep 0.5
    done
    [ "$distinct" -ge "$events" ] || { echo "only $distinct of $events delivered after 5 min" >&2; exit 1; }
    sleep 1 # a second copy still on its way would show in the total
    read -r distinct total first_at last_at < <(curl -sf "$receiver/count")
    awk -v h="$hosts" -v r="$([ $redis = 1 ] && echo on || echo off)" -v n="$events" -v s="$start" -v e="$enqueued" \
      -v f="$first_at" -v l="$last_at" -v t="$total" -v d="$distinct" 'BEGIN {
        printf "| %s | %s | %d | %.1f | %d | %d |\n", h, r, n / (e - s), l - f, n / (l - f), t - d }' \
      | tee -a "$work/results.txt"
  done
done

printf '\ndeliveries, %s, %s events per run, load average %s\n' "$(date -u +%F)" "$events" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '| hosts | Redis | tasks created/s (API only) | s first to last delivery | deliveries/s | duplicates |\n'
printf '|---|---|---|---|---|---|\n'
cat "$work/results.txt"
