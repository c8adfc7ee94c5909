#!/usr/bin/env bash
# Runs the benchmark series of benchmarks/README.md and writes benchmarks/results/*.json.
# The build machine is shared: before each run it waits (up to KASHI_BENCH_WAIT seconds, default 900) for the
# one-minute load average to fall below KASHI_BENCH_MAX_LOAD (default 1.5). A run whose load average during the
# measurement went above twice that is kept as *.busy-K.json and repeated (at most 3 attempts), so that no result
# is thrown away and the table can say which runs had the machine to themselves.
set -euo pipefail
cd "$(dirname "$0")/.."
out=benchmarks/results
max_load=${KASHI_BENCH_MAX_LOAD:-1.5}
mkdir -p "$out"
dotnet build tests/KashiInvest.Benchmarks -c Release -nologo -v q

wait_quiet() {
  local load
  for _ in $(seq 1 "${KASHI_BENCH_WAIT:-900}"); do
    load=$(cut -d' ' -f1 /proc/loadavg)
    if awk "BEGIN { exit !($load < $max_load) }"; then return 0; fi
    sleep 1
  done
  echo "the machine is still busy (load $load): running anyway" >&2
}

busy() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if max(d['load_average']) > 2*float(sys.argv[2]) else 1)" "$1" "$max_load"; }

run() { # name, then the benchmark's arguments
  local name=$1; shift
  for attempt in 1 2 3; do
    wait_quiet
    dotnet run -c Release --no-build --project tests/KashiInvest.Benchmarks -- "$@" --out "$out/$name.json" >/dev/null
    if ! busy "$out/$name.json" || [ "$attempt" = 3 ]; then return 0; fi
    mv "$out/$name.json" "$out/$name.busy-$attempt.json"
  done
}

for n in ${KASHI_BENCH_SUBSCRIBERS:-100 500 1000 2000}; do
  run "live-$n" live --subscribers "$n" --seconds 20
done
run circuits-40 circuits --pages 40
python3 benchmarks/table.py "$out"
