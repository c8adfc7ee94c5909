#!/usr/bin/env bash
# Regenerates db/sqlserver/migrate.sql (idempotent) from the SQL Server migrations. Needs no SQL Server.
# Run after adding migrations:
#   dotnet ef migrations add NAME --project KashiInvest.Infrastructure --context SqliteKashiDbContext \
#     --output-dir Persistence/Migrations/Sqlite --namespace KashiInvest.Infrastructure.Persistence.Migrations.Sqlite
#   dotnet ef migrations add NAME --project KashiInvest.Infrastructure --context SqlServerKashiDbContext \
#     --output-dir Persistence/Migrations/SqlServer --namespace KashiInvest.Infrastructure.Persistence.Migrations.SqlServer
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
dotnet ef migrations script --idempotent --project KashiInvest.Infrastructure --context SqlServerKashiDbContext \
  --output db/sqlserver/migrate.sql
echo "wrote db/sqlserver/migrate.sql"
