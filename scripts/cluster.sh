#!/usr/bin/env bash
# Several servers on this machine, as production runs them (README "Several servers"): one PostgreSQL,
# one redis-server, two published command center servers on them (clustered Quartz, Redis event stream and
# SignalR backplane) and the sticky reverse proxy (tools/CommandCenter.Proxy, YARP) in front. Prints the
# proxy's URL. Everything listens on loopback and keeps its state in one folder.
#
#   scripts/cluster.sh          start (installs postgresql and redis-server with apt-get if missing)
#   scripts/cluster.sh stop     stop everything it started; the state folder stays (start again reuses it)
#
# Settings (environment): CC_CLUSTER_DIR (default /tmp/cc-cluster), CC_PROXY_PORT (5200), CC_SERVER_PORTS
# ("5201 5202"), CC_POSTGRES_PORT (5433), CC_REDIS_PORT (6390), ASPNETCORE_ENVIRONMENT (Production),
# CC_SKIP_PUBLISH=1 to start what an earlier start published.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
state=${CC_CLUSTER_DIR:-/tmp/cc-cluster}
proxy_port=${CC_PROXY_PORT:-5200}
read -r -a server_ports <<< "${CC_SERVER_PORTS:-5201 5202}"
pg_port=${CC_POSTGRES_PORT:-5433}
redis_port=${CC_REDIS_PORT:-6390}
pg_bin=/usr/lib/postgresql/15/bin
# PostgreSQL refuses to run as root: under root it runs as the package's postgres user.
as_pg=()
[ "$(id -u)" = 0 ] && as_pg=(setpriv --reuid postgres --regid postgres --init-groups --)

stop_pid() { # name: kills the process recorded in $state/name.pid, and waits for it
  local file=$state/$1.pid
  [ -f "$file" ] || return 0
  local pid; pid=$(cat "$file")
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$file"
}

if [ "${1:-start}" = stop ]; then
  stop_pid proxy
  for i in "${!server_ports[@]}"; do stop_pid "server$((i + 1))"; done
  stop_pid redis
  [ -f "$state/pg/data/postmaster.pid" ] && "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$state/pg/data" -m fast -w stop >/dev/null
  echo "Cluster stopped (state kept in $state)."
  exit 0
fi

need=()
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
[ -x "$pg_bin/postgres" ] || need+=(postgresql)
if ((${#need[@]})); then
  echo "Installing ${need[*]} ..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need[@]}" >/dev/null
fi
mkdir -p "$state/logs"

if [ "${CC_SKIP_PUBLISH:-0}" != 1 ]; then
  echo "Publishing the web app and the proxy ..."
  dotnet publish src/CommandCenter.Web -c Release -nologo -clp:ErrorsOnly -o "$state/web" >/dev/null
  dotnet publish tools/CommandCenter.Proxy -c Release -nologo -clp:ErrorsOnly -o "$state/proxy" >/dev/null
fi

# PostgreSQL: its own data folder, loopback only; the database and the Quartz schema made once.
if [ ! -f "$state/pg/data/PG_VERSION" ]; then
  mkdir -p "$state/pg"
  [ "$(id -u)" = 0 ] && chown postgres "$state/pg"
  # C.UTF-8: the trigram index takes Chinese characters for letters, as the search needs.
  "${as_pg[@]}" "$pg_bin/initdb" -D "$state/pg/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
fi
if [ ! -f "$state/pg/data/postmaster.pid" ]; then
  "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$state/pg/data" -l "$state/pg/postgres.log" -w start \
    -o "-p $pg_port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$state/pg -c max_connections=300 -c shared_buffers=1GB -c max_parallel_workers_per_gather=0" >/dev/null
fi
psql_=(psql -h 127.0.0.1 -p "$pg_port" -U postgres -v ON_ERROR_STOP=1 -q)
if [ -z "$("${psql_[@]}" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='commandcenter'")" ]; then
  "${psql_[@]}" -d postgres -c "CREATE DATABASE commandcenter"
fi
"${psql_[@]}" -d commandcenter -f src/CommandCenter.Infrastructure/Deadlines/quartz-postgres.sql >/dev/null

# Redis: the event stream and the SignalR backplane; nothing kept on disk.
if ! { [ -f "$state/redis.pid" ] && kill -0 "$(cat "$state/redis.pid")" 2>/dev/null; }; then
  redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no \
    --daemonize yes --pidfile "$state/redis.pid" --logfile "$state/logs/redis.log"
  for _ in $(seq 50); do [ -f "$state/redis.pid" ] && break; sleep 0.1; done
fi

export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Production}
export Database__Provider=PostgreSql
export Database__ConnectionString="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=commandcenter"
export Events__Provider=Redis
export Events__RedisConnectionString="127.0.0.1:$redis_port"

wait_ready() { # url pid: until /health/ready answers 200 (first start migrates and seeds: minutes on a busy machine)
  for _ in $(seq 600); do
    kill -0 "$2" 2>/dev/null || { echo "The server at $1 stopped; see $state/logs." >&2; exit 1; }
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$1/health/ready")" = 200 ] && return 0
    sleep 0.5
  done
  echo "The server at $1 did not become ready; see $state/logs." >&2
  exit 1
}

# One after the other: the first migrates the empty database and seeds the demo street; the next finds it there.
backends=()
for i in "${!server_ports[@]}"; do
  n=$((i + 1)); url="http://127.0.0.1:${server_ports[$i]}"
  backends+=("$url")
  if [ -f "$state/server$n.pid" ] && kill -0 "$(cat "$state/server$n.pid")" 2>/dev/null; then continue; fi
  (cd "$state/web" && exec setsid dotnet CommandCenter.Web.dll --urls "$url" --contentRoot "$state/web" \
    >>"$state/logs/server$n.log" 2>&1 </dev/null) &
  echo $! > "$state/server$n.pid"
  echo "Server $n starting at $url ..."
  wait_ready "$url" "$!"
done

proxy_url="http://127.0.0.1:$proxy_port"
if ! { [ -f "$state/proxy.pid" ] && kill -0 "$(cat "$state/proxy.pid")" 2>/dev/null; }; then
  (cd "$state/proxy" && exec setsid dotnet CommandCenter.Proxy.dll --urls "$proxy_url" --Backends "$(IFS=,; echo "${backends[*]}")" \
    >>"$state/logs/proxy.log" 2>&1 </dev/null) &
  echo $! > "$state/proxy.pid"
  for _ in $(seq 100); do curl -s -o /dev/null "$proxy_url/health/live" && break; sleep 0.2; done
fi
echo "Cluster ready: $proxy_url (servers ${backends[*]}; PostgreSQL 127.0.0.1:$pg_port; Redis 127.0.0.1:$redis_port; logs in $state/logs)"
echo "Sign in as admin, leader, dispatcher, … with password CunTan-2026 (demo street). Stop with: scripts/cluster.sh stop"
