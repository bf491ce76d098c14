#!/usr/bin/env bash
# The whole test suite on a fresh machine: installs what the tests need (Chromium and
# CJK fonts for the browser tests, redis-server for the multi-server event stream, postgresql for
# the server database; the tests start their own Redis and PostgreSQL on loopback), builds, runs
# every test project (tests/CommandCenter.Cluster.Tests starts two servers and the proxy as processes on its own
# PostgreSQL and Redis, as scripts/cluster.sh does), prints a summary.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || need+=(fonts-noto-cjk)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
[ -x /usr/lib/postgresql/15/bin/postgres ] || need+=(postgresql)
if ((${#need[@]})); then
  echo "Installing ${need[*]} ..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need[@]}" >/dev/null
fi

dotnet tool restore >/dev/null
dotnet build CommandCenter.sln -c Release -nologo -clp:ErrorsOnly

log=$(mktemp)
status=0
dotnet test CommandCenter.sln -c Release --no-build -nologo 2>&1 | tee "$log" || status=$?

# One plain closing line for whoever reads the end of the run.
passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -Eo 'Skipped: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
echo "Tests: $passed passed, $failed failed, $skipped skipped"
exit "$status"
