#!/usr/bin/env bash
# Benchmarks (not tests): builds Release and runs them on this machine.
#   scripts/bench.sh            intake and queues
#   scripts/bench.sh intake     32 clients post intake to the running app for 60 s
#   scripts/bench.sh queues     queue queries over 1,000,000 cases (the first run loads them
#                               into /tmp/cc-bench-queues-1000000.db, ~11 min; later runs reuse it)
# Options: --clients N --seconds N --cases N --db FILE
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/CommandCenter.Web -c Release -nologo -clp:ErrorsOnly
dotnet build bench/CommandCenter.Benchmarks -c Release -nologo -clp:ErrorsOnly
exec dotnet bench/CommandCenter.Benchmarks/bin/Release/net10.0/CommandCenter.Benchmarks.dll "${@:-all}"
