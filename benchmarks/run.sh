#!/usr/bin/env bash
# Runs the benchmark series of benchmarks/README.md and writes benchmarks/results/*.json.
# The build machine is shared: before each run it waits (up to KASHI_BENCH_WAIT seconds, default 900) for the
# one-minute load average to fall below KASHI_BENCH_MAX_LOAD (default 1.5). A run whose load average during the
# measurement went above twice that is kept as *.busy-K.json and repeated (at most 3 attempts), so that no result
# is thrown away and the table can say which runs had the machine to themselves.
# Demo databases are seeded once per scale into KASHI_BENCH_DATA (default /tmp/kashi-bench-data/scale-N) and used
# again by the runs that follow (seeding scale 10 takes minutes on a busy machine). KASHI_BENCH_BIG_SCALE (default
# 100 = 15,000 projects) is the large render run; KASHI_BENCH_SCREENS the screens of the circuits runs.
set -euo pipefail
cd "$(dirname "$0")/.."
out=benchmarks/results
data=${KASHI_BENCH_DATA:-/tmp/kashi-bench-data}
big=${KASHI_BENCH_BIG_SCALE:-100}
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

for n in ${KASHI_BENCH_SUBSCRIBERS:-100 500 1000 2000 5000}; do
  run "live-$n" live --subscribers "$n" --seconds 20
done
# one instance, then two on one SQLite file with the Redis bus (redis-server started and stopped by the run)
for n in ${KASHI_BENCH_SUBSCRIBERS_2X:-1000 2000}; do
  run "live-2x-$n" live --instances 2 --subscribers "$n" --seconds 20
done
# memory per open page, for every long-lived screen (40 real Chromium pages each), sampled after the open pages have
# been idle for 90 s (pages stay open for hours: the runtime's buffer pools have by then trimmed what the loads borrowed)
for screen in ${KASHI_BENCH_SCREENS:-project battlemap wall kiosk ledger meeting-screen}; do
  run "circuits-$screen" circuits --pages 40 --settle 90 --path "$screen" --scale 10 --data "$data/scale-10"
done
# request to first complete render of every main screen, with its SQL commands, at demo scale 1 and large
run render-1 render --scale 1 --samples 30 --data "$data/scale-1"
run "render-$big" render --scale "$big" --samples 30 --data "$data/scale-$big"
# cold start (Release, Production) to the sign-in page on an existing database
run coldstart coldstart --scale 1 --samples 5 --data "$data/scale-1"
# the register import at size: 5,000 new projects previewed then imported, three times
run import-5000 import --rows 5000 --samples 3
python3 benchmarks/table.py "$out"
