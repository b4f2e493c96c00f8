#!/usr/bin/env bash
# Regenerates the initial migration of each provider from the current model. Until the first production release the
# schema is one migration per provider; after it, add migrations instead (dotnet ef migrations add NAME --context ...).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
rm -rf Data/Migrations
dotnet build ComplaintConsole.csproj -v q -nologo >/dev/null
for p in Sqlite:SqliteComplaintsDbContext SqlServer:SqlServerComplaintsDbContext PostgreSQL:PostgresComplaintsDbContext; do
  dotnet ef migrations add Initial --no-build --project . --context "${p#*:}" \
    --output-dir "Data/Migrations/${p%%:*}"
done
