#!/usr/bin/env bash
# Adds a migration with the same name to every provider's migration set.
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: scripts/add-migration.sh MigrationName}
dotnet tool restore >/dev/null
for provider in Sqlite SqlServer PostgreSql; do
  dotnet ef migrations add "$name" \
    --project src/CommandCenter.Infrastructure \
    --startup-project src/CommandCenter.Infrastructure \
    --context "${provider}CommandCenterDbContext" \
    --output-dir "Persistence/Migrations/$provider"
done
