#!/usr/bin/env bash
# Throughput and latency of the API's request path beside a bare ASP.NET Core app, all measured in one run.
#   bench/api-throughput.sh [postgres|sqlite, default postgres] [work folder, default /tmp/np-bench-api]
#   DURATION=10 (seconds per scenario)  SOAK=600 (optional: mixed load for that many seconds, RSS every 60 s)
#   HOLD=1 (set up, then keep the API, the bare app and PostgreSQL running for profiling by hand)
# Publishes the API and bench/BareApi (Release), starts a fresh PostgreSQL 15 (scripts/postgres.sh) or uses SQLite,
# starts the API in Production (production defaults: request logging, rate limiter, workers on; only the rate
# limiter's permits per minute are raised), signs up 100 companies, moves them to the Pro plan (a task limit of 100,000,
# checked on every create), seeds the first with 10,000 tasks, captures its first page of 50 tasks and serves that page from the bare app; then runs each
# scenario with wrk (bench/wrk/api.lua) and prints req/s, p50/p99 and the share of the bare app's req/s.
set -euo pipefail
cd "$(dirname "$0")/.."
provider=${1:-postgres}
work=${2:-/tmp/np-bench-api}
duration=${DURATION:-10}
soak=${SOAK:-0}
port=${PORT:-5098}
bare_port=$((port + 1))
pg_port=${PG_PORT:-25450}
api="http://127.0.0.1:$port"
bare="http://127.0.0.1:$bare_port"
lua="$PWD/bench/wrk/api.lua"
command -v wrk >/dev/null || { echo "wrk missing: apt-get install wrk" >&2; exit 1; }
rm -rf "$work/data" "$work/pg"
mkdir -p "$work"

echo "== publish (Release)"
dotnet publish src/WebApi -c Release -o "$work/app" --nologo -v q >/dev/null
dotnet publish bench/BareApi -c Release -o "$work/bare" --nologo -v q >/dev/null

pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  if [ "$provider" = postgres ]; then NOVAPULSE_PG_PORT=$pg_port NOVAPULSE_PG_DIR="$work/pg" bash scripts/postgres.sh stop >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT

export ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$api" DataDirectory="$work/data" \
  Jwt__SigningKey="bench-signing-key-0123456789abcdef0123456789" Jwt__AccessTokenLifetime="02:00:00" \
  Storage__SigningKey="bench-upload-signing-key-0123456789abcdef" Secrets__EncryptionKey="$(head -c 32 /dev/urandom | base64)" \
  RateLimiting__PermitsPerMinute=10000000 RateLimiting__AuthPermitsPerMinute=100000
if [ "$provider" = postgres ]; then
  pg=$(NOVAPULSE_PG_PORT=$pg_port NOVAPULSE_PG_DIR="$work/pg" bash scripts/postgres.sh start)
  db="${pg/Database=postgres/Database=novapulse}"
  export Database__Provider=PostgreSql ConnectionStrings__Default="$db"
  psql_() { psql -q -X -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$pg_port" -U postgres -d novapulse -At "$@"; }
fi

echo "== start API ($provider)"
# From its folder: the content root (appsettings.json) is the working directory.
(cd "$work/app" && exec dotnet NovaPulse.WebApi.dll) > "$work/api.log" 2>&1 &
api_pid=$!
pids+=("$api_pid")
for _ in $(seq 1 300); do curl -sf "$api/health/ready" >/dev/null && break; sleep 0.2; done
curl -sf "$api/health/ready" >/dev/null || { echo "API did not start:" >&2; tail -20 "$work/api.log" >&2; exit 1; }

echo "== sign up 100 companies"
: > "$work/jwt-all.txt"
for i in $(seq 1 100); do
  curl -sf -H 'Content-Type: application/json' "$api/api/v1/auth/register" \
    -d "{\"companyName\":\"Bench $i\",\"name\":\"Owner $i\",\"email\":\"owner-$i-$RANDOM@example.test\",\"password\":\"correct-horse-9\"}" > "$work/register.json"
  python3 -c 'import json,sys; print("Authorization: Bearer " + json.load(open(sys.argv[1]))["accessToken"])' "$work/register.json" >> "$work/jwt-all.txt"
  if [ "$i" = 1 ]; then cp "$work/register.json" "$work/first.json"; fi
done
head -1 "$work/jwt-all.txt" > "$work/jwt.txt"
company=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["company"]["id"])' "$work/first.json")
jwt=$(cat "$work/jwt.txt")
curl -sf -H "$jwt" -H 'Content-Type: application/json' "$api/api/v1/api-keys" -d '{"name":"bench"}' \
  | python3 -c 'import json,sys; print("X-Api-Key: " + json.load(sys.stdin)["key"])' > "$work/apikey.txt"

echo "== seed 10,000 tasks in the first company"
template=$(curl -sf -H "$jwt" -H 'Content-Type: application/json' "$api/api/v1/tasks" \
  -d '{"title":"Bench task 0","description":"Seeded by the api-throughput benchmark: a task with a description of a realistic length, two tags and a priority.","priority":"high","tags":["bench","seed"]}' \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
if [ "$provider" = postgres ]; then
  # Copies of the task through the API, with their own ids and creation times a second apart; the counter follows.
  psql_ -c "INSERT INTO tasks (\"Id\",\"CompanyId\",\"Title\",\"Description\",\"Status\",\"Priority\",\"AssigneeId\",\"DueDate\",\"Tags\",\"CreatedBy\",\"CreatedAt\",\"UpdatedAt\",\"CompletedAt\",\"Version\")
    SELECT gen_random_uuid(), \"CompanyId\", 'Bench task ' || i, \"Description\", i % 3, i % 4, \"AssigneeId\", \"DueDate\", \"Tags\", \"CreatedBy\",
           \"CreatedAt\" - make_interval(secs => i), \"UpdatedAt\" - make_interval(secs => i), \"CompletedAt\", 1
    FROM tasks, generate_series(1, 9999) AS i WHERE \"Id\" = '$template';
    UPDATE companies SET \"TaskCount\" = 10000 WHERE \"Id\" = '$company'; UPDATE companies SET \"PlanId\" = 'pro'; ANALYZE tasks;"
  psql_ -c "SELECT \"Id\" FROM tasks WHERE \"CompanyId\" = '$company' ORDER BY random() LIMIT 2000" > "$work/ids.txt"
  psql_ -c 'SELECT "Id" FROM companies' > "$work/companies.txt"
else
  python3 bench/seed-sqlite.py "$work/data/novapulse.db" "$template" "$company" 9999 "$work/ids.txt"
fi

echo "== capture the first page; start the bare app"
curl -sf -H "$jwt" "$api/api/v1/tasks?limit=50" > "$work/page.json"
floor_db=""
if [ "$provider" = postgres ]; then floor_db="$db"; fi
ASPNETCORE_ENVIRONMENT=Production PAGE_FILE="$work/page.json" FLOOR_DB="$floor_db" FLOOR_COMPANY="$company" FLOOR_COMPANIES="$work/companies.txt" \
  ASPNETCORE_URLS="$bare" dotnet "$work/bare/NovaPulse.Bench.BareApi.dll" > "$work/bare.log" 2>&1 &
pids+=("$!")
for _ in $(seq 1 100); do curl -sf "$bare/page" >/dev/null && break; sleep 0.2; done

if [ -n "${HOLD:-}" ]; then
  # For profiling by hand: everything stays up until the script is stopped.
  echo "== holding: API $api (pid $api_pid), bare app $bare, auth files and ids in $work"
  sleep infinity
fi

# run <label> <connections> <seconds> <url> [env...]: one wrk run; prints and records "label req/s p50 p99 non2xx errors".
run() {
  local label=$1 connections=$2 seconds=$3 url=$4 out
  shift 4
  out=$(env "$@" wrk -t1 -c"$connections" -d"${seconds}s" --latency -s "$lua" "$url" | awk '/^RESULT/ { print $2, $3, $4, $5, $6 }')
  echo "$label $out" >> "$work/results.txt"
  echo "$label $out"
}

# settle: waits until the outbox has caught up with the writes of the previous scenario (at most 120 s), so a scenario
# measures its own load, not the backlog the workers are still processing from the one before.
pending_outbox() {
  if [ "$provider" = postgres ]; then
    psql_ -c 'SELECT count(*) FROM outbox_messages WHERE "ProcessedAt" IS NULL'
  else
    python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM outbox_messages WHERE ProcessedAt IS NULL").fetchone()[0])' "$work/data/novapulse.db"
  fi
}
settle() {
  for _ in $(seq 1 240); do [ "$(pending_outbox)" = 0 ] && break; sleep 0.5; done
  sleep 2
}

echo "== warm up (JIT tiers, EF Core model and query caches, connection pools)"
: > "$work/results.txt"
run warm-bare 64 5 "$bare" SCENARIO=page WRK_PATH=/page > /dev/null
if [ -n "$floor_db" ]; then
  run warm-floor 64 5 "$bare" SCENARIO=page WRK_PATH=/floor > /dev/null
  run warm-floor-post 32 5 "$bare" SCENARIO=page-post WRK_PATH=/floor > /dev/null
fi
run warm-list 64 10 "$api" SCENARIO=list AUTH="$work/jwt.txt" > /dev/null
run warm-key 64 5 "$api" SCENARIO=list AUTH="$work/apikey.txt" > /dev/null
run warm-get 64 5 "$api" SCENARIO=get AUTH="$work/jwt.txt" IDS="$work/ids.txt" > /dev/null
run warm-post 32 5 "$api" SCENARIO=post AUTH="$work/jwt-all.txt" > /dev/null
: > "$work/results.txt"

echo "== scenarios, $duration s each: label req/s p50-ms p99-ms non-2xx socket-errors"
settle
run bare 64 "$duration" "$bare" SCENARIO=page WRK_PATH=/page
if [ -n "$floor_db" ]; then run floor 64 "$duration" "$bare" SCENARIO=page WRK_PATH=/floor; fi
run list-jwt 64 "$duration" "$api" SCENARIO=list AUTH="$work/jwt.txt"
run list-key 64 "$duration" "$api" SCENARIO=list AUTH="$work/apikey.txt"
run get-jwt 64 "$duration" "$api" SCENARIO=get AUTH="$work/jwt.txt" IDS="$work/ids.txt"
settle
run post-one 32 "$duration" "$api" SCENARIO=post AUTH="$work/jwt.txt"
if [ -n "$floor_db" ]; then settle; run floor-post 32 "$duration" "$bare" SCENARIO=page-post WRK_PATH=/floor; fi
settle
run post-100 32 "$duration" "$api" SCENARIO=post AUTH="$work/jwt-all.txt"
if [ -n "$floor_db" ]; then settle; run floor-post-100 32 "$duration" "$bare" SCENARIO=page-post WRK_PATH='/floor?spread=true'; fi
settle
run mixed 64 "$duration" "$api" SCENARIO=mixed AUTH="$work/jwt.txt" IDS="$work/ids.txt"

# Half load: 16 connections, each pausing so that together they offer half the saturating rate.
half_delay() { awk -v r="$(awk -v l="$1" '$1 == l { print $2 }' "$work/results.txt")" 'BEGIN { d = 16 * 1000 / (r / 2) - 1; printf "%d", (d < 1 ? 1 : d) }'; }
settle
run list-half 16 "$duration" "$api" SCENARIO=list AUTH="$work/jwt.txt" DELAY_MS="$(half_delay list-jwt)"
settle
run post-half 16 "$duration" "$api" SCENARIO=post AUTH="$work/jwt.txt" DELAY_MS="$(half_delay post-one)"
settle
run bare-again 64 "$duration" "$bare" SCENARIO=page WRK_PATH=/page

rss_mib() { awk '$1 == "VmRSS:" { printf "%d", $2 / 1024 }' "/proc/$api_pid/status"; }
rss_after=$(rss_mib)
if [ "$soak" -gt 0 ]; then
  echo "== soak: mixed load for $soak s, RSS every 60 s"
  for _ in $(seq 1 $((soak / 60))); do
    run soak 64 60 "$api" SCENARIO=mixed AUTH="$work/jwt.txt" IDS="$work/ids.txt" > /dev/null
    echo "soak RSS $(rss_mib) MiB, $(awk '$1 == "soak" { r = $2 } END { print r }' "$work/results.txt") req/s"
  done
fi

# Lock errors or 5xx under load are failures whatever the throughput.
server_errors=$(grep -c -E '"StatusCode": ?5|HTTP [^"]* responded 5|database is locked' "$work/api.log" || true)
bare_rps=$(awk '$1 == "bare" || $1 == "bare-again" { s += $2; n++ } END { printf "%d", s / n }' "$work/results.txt")
printf '\n%s, %s, load average %s, bare app %s req/s (mean of the first and last run)\n' \
  "$provider" "$(date -u +%F)" "$(cut -d' ' -f1-3 /proc/loadavg)" "$bare_rps"
printf '| scenario | connections | req/s | share of bare | p50 ms | p99 ms | non-2xx |\n|---|---|---|---|---|---|---|\n'
awk -v b="$bare_rps" '{
  c = ($1 ~ /half/) ? 16 : ($1 ~ /post/) ? 32 : 64
  printf "| %s | %d | %d | %.1f %% | %s | %s | %s |\n", $1, c, $2, 100 * $2 / b, $3, $4, $5 + $6
}' "$work/results.txt" | grep -v '| soak |'
echo "host RSS after the load: $rss_after MiB; server errors or lock errors in the API log: $server_errors"
