#!/usr/bin/env bash
# The TypeScript client (clients/typescript) against a running host: npm ci, generate from openapi/v1.json, tsc type
# check, compile, then `node --test` with NOVAPULSE_API_URL pointing at the built WebApi on a throwaway SQLite database.
# Usage: scripts/typescript-client-tests.sh [Configuration]   (default Release; the WebApi must be built in it)
# Environment: NOVAPULSE_TS_PORT for the host (default: a free port).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

configuration=${1:-Release}
port=${NOVAPULSE_TS_PORT:-$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')}
host_dll=src/WebApi/bin/$configuration/net10.0/NovaPulse.WebApi.dll
[ -f "$host_dll" ] || { echo "$host_dll is missing: build the WebApi ($configuration) first" >&2; exit 1; }

(cd clients/typescript && npm ci --no-audit --no-fund --loglevel=error && npm run -s build && npm run -s compile)

data=$(mktemp -d)
host_pid=""
cleanup() {
  if [ -n "$host_pid" ]; then
    kill "$host_pid" 2>/dev/null || true
    wait "$host_pid" 2>/dev/null || true
  fi
  rm -rf "$data"
}
trap cleanup EXIT

ASPNETCORE_ENVIRONMENT=Testing ASPNETCORE_URLS="http://127.0.0.1:$port" DataDirectory="$data" \
  Database__Provider=Sqlite ConnectionStrings__Default="Data Source=$data/novapulse.db" \
  Jwt__SigningKey=typescript-client-tests-signing-key-0123456789abcdef Storage__Provider=LocalDisk \
  RateLimiting__AuthPermitsPerMinute=100000 RateLimiting__PermitsPerMinute=1000000 EventStream__PollInterval=00:00:00.100 \
  dotnet "$host_dll" >"$data/host.log" 2>&1 &
host_pid=$!

ready() { node -e 'fetch(process.argv[1]).then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "http://127.0.0.1:$port/health/ready"; }
for _ in $(seq 1 120); do
  if ready; then break; fi
  if ! kill -0 "$host_pid" 2>/dev/null; then cat "$data/host.log" >&2; echo "the host exited" >&2; exit 1; fi
  sleep 0.5
done
ready || { cat "$data/host.log" >&2; echo "the host did not become ready" >&2; exit 1; }

(cd clients/typescript && NOVAPULSE_API_URL="http://127.0.0.1:$port" node --test test/)
