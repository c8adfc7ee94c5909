#!/usr/bin/env bash
# Runs the app on its embedded default: SQLite in KashiInvest.Web/App_Data (or $KASHI_DATA_DIR), demo data,
# demo accounts printed, at http://127.0.0.1:5080.
set -euo pipefail
cd "$(dirname "$0")/.."
exec dotnet run --project KashiInvest.Web --launch-profile http "$@"
