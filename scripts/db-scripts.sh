#!/usr/bin/env bash
# Regenerates db/sqlserver/migrate.sql (idempotent) from the SQL Server migrations, and the SQLite context's compiled
# model (Persistence/CompiledModels/Sqlite: the app starts without building its model). Needs no SQL Server; needs
# dotnet-ef (dotnet tool install -g dotnet-ef --version 10.0.15). Tests fail when either is stale.
# Run after adding migrations (or any other change to the model):
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
dotnet ef dbcontext optimize --project KashiInvest.Infrastructure --context SqliteKashiDbContext \
  --output-dir Persistence/CompiledModels/Sqlite --namespace KashiInvest.Infrastructure.Persistence.CompiledModels.Sqlite
echo "wrote KashiInvest.Infrastructure/Persistence/CompiledModels/Sqlite"
