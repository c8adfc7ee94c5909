#!/usr/bin/env bash
# Runs every test of the solution on a fresh machine: installs what the tests need, builds, tests, and prints
# one plain summary line "N passed, M failed[, K skipped]". The fast tests (all but the browser tests) run twice:
# once as they are, once with the machine's clock moved 400 days on (libfaketime), so that a test depending on the
# day it runs (a time bomb) fails here rather than on some later day.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# The build fetches browser libraries (ApexCharts) from npm: fail now, clearly, rather than in the middle of it.
if ! command -v npm >/dev/null 2>&1; then
  echo "npm not found: the build needs Node.js and npm to fetch apexcharts (apt-get install -y nodejs npm)." >&2
  exit 1
fi

# Browser tests drive Debian's Chromium through Playwright; Chinese pages need CJK fonts to render.
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || need+=(fonts-noto-cjk)
command -v faketime >/dev/null 2>&1 || need+=(faketime)
# The Redis live bus tests run a real redis-server on a free loopback port; the several-instances browser test runs it,
# two app processes and nginx (from deploy/nginx/kashiinvest.conf) in front of them.
command -v redis-server >/dev/null 2>&1 || [ -x /usr/bin/redis-server ] || need+=(redis-server)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need+=(nginx)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing ${need[*]} ..."
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${need[@]}" >/dev/null
fi
export KASHI_CHROMIUM="${KASHI_CHROMIUM:-$(command -v chromium)}"

dotnet tool restore >/dev/null
dotnet build KashiInvest.sln -c Debug -nologo -v q

results="artifacts/test-results"
rm -rf "$results"
status=0
clock=() # a command prefix that moves the clock, for the second pass
run_tests() { # project, trx name, extra arguments
  local project=$1 name=$2; shift 2
  ${clock[@]+"${clock[@]}"} dotnet test "$project" -c Debug --no-build -nologo --results-directory "$results" \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" "$@" || status=1
}
for project in tests/*/*.Tests.csproj; do
  name=$(basename "$project" .csproj)
  if [ -d "$(dirname "$project")/Browser" ]; then
    # Browser tests run on their own, after the rest: on a two-core machine the app server, Chromium and a parallel
    # test class seeding its database compete for the CPU, and a page's round trip can stall behind them.
    run_tests "$project" "$name" --filter "FullyQualifiedName!~.Browser."
    run_tests "$project" "$name.Browser" --filter "FullyQualifiedName~.Browser."
  else
    run_tests "$project" "$name"
  fi
done

# The fast tests again, 400 days later by the machine's clock (the tests run on their own clock and must not care).
clock=(faketime -f '+400d')
for project in tests/*/*.Tests.csproj; do
  name=$(basename "$project" .csproj)
  # Two whole app instances on Redis (TwoInstancesOnRedis) read no date and are not yet proven under libfaketime:
  # left out of this pass for now. The Redis bus tests (RedisLiveBusTests) run in it.
  run_tests "$project" "$name.Plus400d" --filter "FullyQualifiedName!~.Browser.&FullyQualifiedName!~TwoInstancesOnRedis"
done
clock=()

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(echo "$counters" | sed -n 's/.* passed="\([0-9]*\)".*/\1/p'); passed=$((passed + ${p:-0}))
  f=$(echo "$counters" | sed -n 's/.* failed="\([0-9]*\)".*/\1/p'); failed=$((failed + ${f:-0}))
  n=$(echo "$counters" | sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p'); skipped=$((skipped + ${n:-0}))
done
if [ "$passed" -eq 0 ] && [ "$status" -eq 0 ]; then echo "no tests ran"; status=1; fi
if [ "$skipped" -gt 0 ]; then echo "$passed passed, $failed failed, $skipped skipped"; else echo "$passed passed, $failed failed"; fi
exit $status
