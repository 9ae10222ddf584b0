#!/usr/bin/env bash
# Adds a migration with the same name for every provider: scripts/add-migration.sh <Name>
# Each provider's migrations live in src/Infrastructure/Persistence/Migrations/<Provider>/ (see docs/adr/004).
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: scripts/add-migration.sh <MigrationName>}
dotnet tool restore >/dev/null
dotnet build src/Infrastructure -v q -nologo
for provider in Sqlite PostgreSql SqlServer; do
  dotnet ef migrations add "$name" --no-build \
    --project src/Infrastructure --startup-project src/Infrastructure \
    --context "${provider}AppDbContext" --output-dir "Persistence/Migrations/${provider}"
done
