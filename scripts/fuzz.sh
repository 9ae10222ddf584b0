#!/usr/bin/env bash
# The long version of the fuzz suite: many cases per operation, a fresh seed each run (printed, to replay a finding).
#   scripts/fuzz.sh [cases-per-operation] [seed]      e.g. scripts/fuzz.sh 500 42
# Set NOVAPULSE_TEST_DB=postgres (after scripts/postgres.sh start) to fuzz against PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
export NOVAPULSE_FUZZ_CASES=${1:-500}
export NOVAPULSE_FUZZ_SEED=${2:-$RANDOM$RANDOM}
echo "fuzz: ${NOVAPULSE_FUZZ_CASES} cases per operation, seed ${NOVAPULSE_FUZZ_SEED}, database ${NOVAPULSE_TEST_DB:-sqlite}"
dotnet test tests/WebApi.IntegrationTests --filter "FullyQualifiedName~Reliability.FuzzTests" --logger "console;verbosity=detailed" \
  | grep -E "fuzz:|\]: |Passed!|Failed!"
