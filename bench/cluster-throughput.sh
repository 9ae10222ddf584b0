#!/usr/bin/env bash
# GET /api/v1/tasks?limit=50 through the cluster's nginx with 1, 2 and 3 hosts, Redis on and off (issue #17), beside the
# bare app of bench/BareApi serving the same page, all in one run on this machine:
#   bench/cluster-throughput.sh [work folder, default /tmp/np-bench-cluster]     DURATION=10 (seconds per run)
# One company with 1,000 tasks; the rate limits are raised out of the way (only their bookkeeping, in memory or in
# Redis, is measured). On a 2-core box more hosts share the same cores: the figures show the overhead of sharing
# (proxy hop, Redis round trip per request), not scaling.
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-/tmp/np-bench-cluster}
duration=${DURATION:-10}
port=5490
bare_port=5499
lua="$PWD/bench/wrk/api.lua"
command -v wrk >/dev/null || { echo "wrk missing: apt-get install wrk" >&2; exit 1; }
rm -rf "$work"
mkdir -p "$work"
# Publish the existing Release build when there is one (dotnet build NovaPulse.sln -c Release).
[ -f src/WebApi/bin/Release/net10.0/NovaPulse.WebApi.dll ] && export NOVAPULSE_CLUSTER_NO_BUILD=1
export NOVAPULSE_CLUSTER_DIR="$work/cluster" NOVAPULSE_CLUSTER_PORT=$port NOVAPULSE_PG_PORT=25490 NOVAPULSE_REDIS_PORT=26490
export NOVAPULSE_CLUSTER_SETTINGS="RateLimiting__PermitsPerMinute=10000000 RateLimiting__AuthPermitsPerMinute=100000 Serilog__MinimumLevel__Default=Warning"
proxy="http://127.0.0.1:$port"

bare_pid=""
cleanup() {
  [ -n "$bare_pid" ] && kill "$bare_pid" 2>/dev/null || true
  bash scripts/cluster.sh stop >/dev/null 2>&1 || true
}
trap cleanup EXIT

dotnet publish bench/BareApi -c Release -o "$work/bare" --nologo -v q >/dev/null

# run <label>: one wrk run against the proxy; prints "label req/s p50 p99 non-2xx errors".
run() {
  local label=$1 url=$2 out
  shift 2
  out=$(env "$@" wrk -t1 -c64 -d"${duration}s" --latency -s "$lua" "$url" | awk '/^RESULT/ { print $2, $3, $4, $5, $6 }')
  echo "$label $out" | tee -a "$work/results.txt"
}

: > "$work/results.txt"
first=true
for redis in 1 0; do
  for hosts in 3 2 1; do
    bash scripts/cluster.sh stop >/dev/null 2>&1 || true
    NOVAPULSE_CLUSTER_REDIS=$redis NOVAPULSE_CLUSTER_HOSTS=$hosts bash scripts/cluster.sh start >/dev/null
    if $first; then
      curl -sf -H 'Content-Type: application/json' "$proxy/api/v1/auth/register" \
        -d '{"companyName":"Bench","name":"Owner","email":"owner@bench.test","password":"correct-horse-9"}' \
        | python3 -c 'import json,sys; print("Authorization: Bearer " + json.load(sys.stdin)["accessToken"])' > "$work/jwt.txt"
      for i in $(seq 1 1000); do
        curl -sf -o /dev/null -H "$(cat "$work/jwt.txt")" -H 'Content-Type: application/json' "$proxy/api/v1/tasks" -d "{\"title\":\"Bench task $i\"}"
      done
      curl -sf -H "$(cat "$work/jwt.txt")" "$proxy/api/v1/tasks?limit=50" > "$work/page.json"
      ASPNETCORE_ENVIRONMENT=Production PAGE_FILE="$work/page.json" ASPNETCORE_URLS="http://127.0.0.1:$bare_port" \
        dotnet "$work/bare/NovaPulse.Bench.BareApi.dll" > "$work/bare.log" 2>&1 &
      bare_pid=$!
      for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$bare_port/page" >/dev/null && break; sleep 0.2; done
      run bare "http://127.0.0.1:$bare_port" SCENARIO=page WRK_PATH=/page
      first=false
    fi
    run "warm-$hosts-$redis" "$proxy" SCENARIO=list AUTH="$work/jwt.txt" > /dev/null
    run "list, $hosts host(s), redis $([ $redis = 1 ] && echo on || echo off)" "$proxy" SCENARIO=list AUTH="$work/jwt.txt"
  done
done

bare_rps=$(awk '$1 == "bare" { print $2 }' "$work/results.txt")
printf '\ncluster, %s, load average %s, bare app %s req/s\n' "$(date -u +%F)" "$(cut -d' ' -f1-3 /proc/loadavg)" "$bare_rps"
printf '| scenario | req/s | share of bare | p50 ms | p99 ms | non-2xx |\n|---|---|---|---|---|---|\n'
grep -v '^warm-\|^bare ' "$work/results.txt" | awk -v b="$bare_rps" '{
  n = NF; printf "| %s", $1; for (i = 2; i <= n - 5; i++) printf " %s", $i
  printf " | %d | %.1f %% | %s | %s | %s |\n", $(n-4), 100 * $(n-4) / b, $(n-3), $(n-2), $(n-1) + $n
}'
