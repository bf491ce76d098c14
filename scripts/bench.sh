#!/usr/bin/env bash
# Benchmarks (not tests): builds Release and runs them on this machine. Each first measures the
# machine itself for ~7 s (single-row SQLite commits beside the benchmark database, with the app's
# WAL and sync settings, and SHA-256 on one core) and prints its results beside that yardstick and
# as ratios of it: compare machines by the ratios. Run them on a quiet machine.
#   scripts/bench.sh            intake, queues and timers
#   scripts/bench.sh intake     32 clients post intake with a staff bearer token to the running app for 60 s after a 30-s warm-up (--warm-up)
#   scripts/bench.sh cluster-intake  not part of "all": the intake load through the sticky proxy to --servers (2) servers on one
#                               PostgreSQL and one Redis, all started on loopback for the run as scripts/cluster.sh starts them
#                               (PostgreSQL initdb'd into a temporary folder; everything stopped and deleted afterwards, on
#                               Ctrl-C too): cases/s, p50/p95/p99/max, errors, each server's share, CPU per case of every
#                               process (servers, proxy, PostgreSQL, Redis, load generator); --servers 1 for the comparison
#   scripts/bench.sh queues     queue queries over 1,000,000 cases (the first run loads them into
#                               /tmp/cc-bench-queues-1000000.db, ~11 min; later runs reuse it; an
#                               interrupted load, even kill -9, resumes where it stopped; a file made
#                               for another --cases is loaded afresh)
#   scripts/bench.sh queues --provider postgresql   the same cases and queries on PostgreSQL, started for the run on a free
#                               loopback port over the data folder /tmp/cc-bench-queues-pg-N (--db FOLDER), which is kept for
#                               the next run and resumes an interrupted load like the SQLite file; the server is stopped afterwards
#   scripts/bench.sh assessment not part of "all": the unit assessment table for the loaded year and its last whole month
#                               (p50/p95/max, and the SQL commands a run issues) over the queues database and loader
#                               (--cases, --db), then a tenth of the cases exported as CSV and .xlsx through the app
#                               (time, app peak working set)
#   scripts/bench.sh timers     100,000 open cases whose deadlines fall within a minute (10,000 in
#                               one second) against the real Quartz scheduler; loads first, then places
#                               the deadlines a few seconds ahead, so it suits any speed of machine; ~3-6 min
#   scripts/bench.sh cluster-timers  not part of "all": the same deadlines against --servers (2) app hosts, each with the app's
#                               clustered Quartz scheduler, on one PostgreSQL started for the run (temporary folder, deleted
#                               afterwards): lateness p50/p99/max, every escalation exactly once (duplicates and misses counted
#                               in the database), each host's share, CPU per escalation of the hosts and of PostgreSQL;
#                               --kill (after the mode): hosts as processes, the one running the sweep killed with SIGKILL
#                               midway; takeover time and lateness before / during / after it, counted from the database
#   scripts/bench.sh sweep      not part of the above: the timer sweep alone over --timer-cases cases all due at once, no
#                               scheduler or worker beside it: wall time and CPU time per case (compares changes to the
#                               write path fairly on a busy machine; ~1-2 min for 20,000)
#   scripts/bench.sh live       not part of the above: 1,000 API changes at 20/s, latency to 500 hub clients
#                               and into the DOM of a /wall page in Chromium; then server memory per wall
#                               circuit with 200 walls open (needs Debian's chromium and ~10 GB free; ~5 min)
#   scripts/bench.sh notices    not part of the above: 40,000 notices queued at once and handed by the app's worker
#                               to an HTTP gateway on loopback (goal ≤ 60 s), then 40,000 more with the app killed
#                               halfway and restarted: counted at the gateway by idempotency key (~2-4 min)
#   scripts/bench.sh archive    not part of the above: an owner list of --homes units (50,000) with owners read, previewed and
#                               accepted (goal ≤ 60 s), then --residents (100,000) residents; the courtyard page's query (goal
#                               ≤ 200 ms) and the street-wide tag search (goal p95 ≤ 100 ms): p50/p95/p99/max and memory
# Options: --servers N --provider sqlite|postgresql --clients N --seconds N --cases N --db FILE --timer-cases N --hub-clients N --changes N --circuits N --notices N --homes N --residents N
# Smoke runs: intake --seconds 10; cluster-intake --seconds 10 (and --servers 1); cluster-timers --timer-cases 10000 (and --kill); assessment --cases 20000 --db /tmp/y.db; notices --notices 2000; timers --timer-cases 10000; queues --cases 20000 --db /tmp/x.db; queues --provider postgresql --cases 20000 --db /tmp/x-pg; archive --homes 5000 --residents 10000
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/CommandCenter.Web -c Release -nologo -clp:ErrorsOnly
dotnet build tools/CommandCenter.Proxy -c Release -nologo -clp:ErrorsOnly
dotnet build bench/CommandCenter.Benchmarks -c Release -nologo -clp:ErrorsOnly
exec dotnet bench/CommandCenter.Benchmarks/bin/Release/net10.0/CommandCenter.Benchmarks.dll "${@:-all}"
