#!/usr/bin/env bash
# Adds a migration with the same name for every provider: scripts/add-migration.sh <Name>
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: scripts/add-migration.sh <MigrationName>}
dotnet tool restore >/dev/null
for provider in Sqlite PostgreSql SqlServer; do
  dotnet ef migrations add "$name" \
    --project src/Infrastructure --startup-project src/Infrastructure \
    --context "${provider}AppDbContext" --output-dir "Persistence/Migrations/${provider}" --namespace "NovaPulse.Infrastructure.Persistence.Migrations.${provider}"
done
