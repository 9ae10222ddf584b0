#!/usr/bin/env bash
# The whole test suite, exactly as CI runs it (.ci/run ends here):
#   tool restore -> Release build (warnings are errors) -> format check -> every test project under tests/,
#   the integration and Infrastructure tests twice: on SQLite, then on a throwaway PostgreSQL (scripts/postgres.sh).
# Stops at the first failing step; always stops the PostgreSQL it started; prints timings per step.
# Results (console + one .trx per run) go to artifacts/test-results/.
#
# Environment: NOVAPULSE_PG_PORT (25432) is passed on to scripts/postgres.sh;
#              TEST_HANG_TIMEOUT (15m) aborts a test run that stops making progress.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# No lingering MSBuild nodes holding the CI log pipe open after the script ends.
export MSBUILDDISABLENODEREUSE=1

SOLUTION=NovaPulse.sln
RESULTS=artifacts/test-results
INTEGRATION=tests/WebApi.IntegrationTests
INFRASTRUCTURE=tests/Infrastructure.Tests
PG_PORT=${NOVAPULSE_PG_PORT:-25432}
PG_CONNECTION="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"
HANG_TIMEOUT=${TEST_HANG_TIMEOUT:-15m}

step_names=()
step_results=()
step_seconds=()
started_postgres=false
current_step=""
current_start=0

now_ms() { date +%s%3N; }

if [ -t 1 ]; then bold=$'\e[1m' red=$'\e[31m' green=$'\e[32m' plain=$'\e[0m'; else bold="" red="" green="" plain=""; fi

begin() {
  current_step=$1
  current_start=$(now_ms)
  printf '\n%s==> %s%s\n' "$bold" "$current_step" "$plain"
}

finish() {
  local elapsed=$(( $(now_ms) - current_start ))
  step_names+=("$current_step")
  step_results+=("$1")
  step_seconds+=("$(printf '%d.%d' $((elapsed / 1000)) $((elapsed % 1000 / 100)))")
  current_step=""
}

# Runs one step: a name, then the command. The first failure ends the script (the EXIT trap reports it).
step() {
  begin "$1"
  shift
  local rc=0
  "$@" || rc=$?
  if [ "$rc" -ne 0 ]; then
    finish "FAILED ($rc)"
    exit "$rc"
  fi
  finish ok
}

# The names of failed tests, from the .trx files, so the end of a CI log says which ones failed.
report_failed_tests() {
  local trx failed
  for trx in "$RESULTS"/*.trx; do
    [ -f "$trx" ] || continue
    failed=$(grep -o '<UnitTestResult [^>]*outcome="Failed"' "$trx" | grep -o 'testName="[^"]*"' | cut -d'"' -f2 || true)
    [ -n "$failed" ] || continue
    printf '%sFailed in %s:%s\n' "$red" "$(basename "$trx")" "$plain"
    sed 's/^/  /' <<<"$failed"
  done
}

on_exit() {
  local rc=$?
  if [ -n "$current_step" ]; then
    finish "INTERRUPTED"
  fi
  if $started_postgres; then
    begin "postgres stop"
    if NOVAPULSE_PG_PORT=$PG_PORT bash scripts/postgres.sh stop; then finish ok; else finish FAILED; fi
  fi
  # The hang detector leaves an empty folder per run when nothing hung.
  find "$RESULTS" -mindepth 1 -type d -empty -delete 2>/dev/null || true
  printf '\n%sSummary%s\n' "$bold" "$plain"
  local i
  for i in "${!step_names[@]}"; do
    printf '  %-48s %-14s %8ss\n' "${step_names[$i]}" "${step_results[$i]}" "${step_seconds[$i]}"
  done
  report_failed_tests
  if [ "$rc" -eq 0 ]; then
    printf '%sAll steps passed.%s Results: %s/\n' "$green" "$plain" "$RESULTS"
  else
    printf '%sFailed (exit %s).%s Results: %s/\n' "$red" "$rc" "$plain" "$RESULTS"
  fi
  exit "$rc"
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

check_format() {
  local output rc=0
  output=$(dotnet format "$SOLUTION" --verify-no-changes --no-restore 2>&1) || rc=$?
  if [ "$rc" -ne 0 ]; then
    printf '%s\n' "$output"
    echo "dotnet format found issues (exit $rc). Fix them with: dotnet format $SOLUTION" >&2
    return "$rc"
  fi
  echo "No formatting or style issues."
}

# Every test project must be part of the solution, or the --no-build runs below would test stale or no binaries.
check_projects_in_solution() {
  local listed missing=0 project
  listed=$(dotnet sln "$SOLUTION" list) || return
  listed=$(tr '\\' '/' <<<"$listed")
  for project in "${test_projects[@]}"; do
    if ! grep -qxF "$project" <<<"$listed"; then
      echo "$project is not in $SOLUTION (add it: dotnet sln $SOLUTION add $project)" >&2
      missing=1
    fi
  done
  return "$missing"
}

start_postgres() {
  # Leave alone a server that was already running (a developer's); stop only the one started here.
  if ! NOVAPULSE_PG_PORT=$PG_PORT bash scripts/postgres.sh status >/dev/null 2>&1; then
    started_postgres=true
  fi
  NOVAPULSE_PG_PORT=$PG_PORT bash scripts/postgres.sh start
}

# dotnet test for one project; $2 names the run (the .trx file), further arguments are VAR=value pairs.
run_tests() {
  local project=$1 run=$2
  shift 2
  env "$@" dotnet test "$project" -c Release --no-build \
    --logger "console;verbosity=normal" \
    --logger "trx;LogFileName=$run.trx" \
    --results-directory "$RESULTS" \
    --blame-hang-timeout "$HANG_TIMEOUT" --blame-hang-dump-type none
}

mapfile -t test_projects < <(find tests -name '*.csproj' -not -path '*/bin/*' -not -path '*/obj/*' | sort)
[ "${#test_projects[@]}" -gt 0 ] || { echo "no test projects under tests/" >&2; exit 1; }

rm -rf "$RESULTS"
mkdir -p "$RESULTS"

step "dotnet tool restore" dotnet tool restore
step "build ($SOLUTION, Release)" dotnet build "$SOLUTION" -c Release
step "test projects are in $SOLUTION" check_projects_in_solution
step "format check" check_format

# The contract: no unannounced breaking change against the previous committed openapi/v1.json, Spectral-clean, and the
# TypeScript client generated from it type-checks and works against a running host.
check_openapi_breaking_changes() {
  dotnet test "$INTEGRATION" -c Release --no-build --filter "FullyQualifiedName~OpenApiBreakingChangeTests" --logger "console;verbosity=minimal"
}
lint_openapi() {
  (cd tools/spectral && npm ci --no-audit --no-fund --loglevel=error && npm run -s lint)
}
step "OpenAPI breaking-change check" check_openapi_breaking_changes
step "OpenAPI lint (Spectral, spectral:oas)" lint_openapi
step "TypeScript client (tsc, node --test)" bash scripts/typescript-client-tests.sh Release

# Fast projects first, then the integration tests on each database, browser (E2E) tests last.
ordered=()
for project in "${test_projects[@]}"; do
  case "$project" in
    "$INTEGRATION"/* | *E2ETests*) ;;
    *) ordered+=("$project") ;;
  esac
done
for project in "${test_projects[@]}"; do
  case "$project" in "$INTEGRATION"/*) ordered+=("$project") ;; esac
done
for project in "${test_projects[@]}"; do
  case "$project" in "$INTEGRATION"/*) ;; *E2ETests*) ordered+=("$project") ;; esac
done

# Browser tests: the journeys' screenshots (one per journey, under the test output) are copied into
# artifacts/screenshots/, which CI keeps with its logs, whether the journeys passed or not.
run_e2e_tests() {
  local rc=0
  rm -rf artifacts/screenshots
  find tests -path '*/bin/Release/*/screenshots' -type d -prune -exec rm -rf {} +
  run_tests "$@" || rc=$?
  mkdir -p artifacts/screenshots
  find tests -path '*/bin/Release/*/screenshots/*.png' -exec cp {} artifacts/screenshots/ \;
  return "$rc"
}

# The suites that talk to a database run on each one.
runs_on_both_databases() { [[ "$1" == "$INTEGRATION"/* || "$1" == "$INFRASTRUCTURE"/* ]]; }

for project in "${ordered[@]}"; do
  name=$(basename "$(dirname "$project")")
  if runs_on_both_databases "$project"; then
    step "test $name (SQLite)" run_tests "$project" "$name.sqlite" NOVAPULSE_TEST_DB=sqlite
    $started_postgres || step "postgres start" start_postgres
    step "test $name (PostgreSQL)" run_tests "$project" "$name.postgres" \
      NOVAPULSE_TEST_DB=postgres "NOVAPULSE_TEST_PG=$PG_CONNECTION"
  elif [[ "$project" == *E2ETests* ]]; then
    step "test $name" run_e2e_tests "$project" "$name"
  else
    step "test $name" run_tests "$project" "$name"
  fi
done
