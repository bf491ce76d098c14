#!/usr/bin/env bash
# Runs the command center on the embedded default (SQLite file data/commandcenter.db,
# created, migrated and filled with the demo street on first start) and prints its URL.
set -euo pipefail
cd "$(dirname "$0")/.."
url=${URL:-http://localhost:5199}
echo "Starting the command center at $url (first start builds and seeds the demo data) ..."
echo "Sign in as admin, leader, dispatcher, community, grid, liaison, property or microgrid; password CunTan-2026 (see README)."
export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
# An absolute path: dotnet run starts the app in the project's folder, not here.
export Database__ConnectionString=${Database__ConnectionString:-"Data Source=$PWD/data/commandcenter.db"}
exec dotnet run --project src/CommandCenter.Web -c Release --no-launch-profile -- --urls "$url" --contentRoot "$PWD/src/CommandCenter.Web"
