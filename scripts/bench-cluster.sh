#!/usr/bin/env bash
# Load test of several `agentry serve` instances on one PostgreSQL database, with scripts/LoadGen.java spreading the
# requests round-robin over them. Uses scripts/pgvector.sh's throwaway cluster (127.0.0.1:54329; started if needed),
# in a fresh database dropped at the end; starts AGENTRY_BENCH_INSTANCES instances (default 2) of the server on the
# example specs from port AGENTRY_BENCH_PORT (default 7801) on, runs LoadGen once to warm the JIT and once to
# measure, and reports beside the servers' CPU the database's (the postmaster and its backends: the store's share).
# Extra arguments go to the measured LoadGen run, e.g.
#   scripts/bench-cluster.sh --workloads nonstream,stream --concurrency 32 --duration 15
#   AGENTRY_BENCH_INSTANCES=1 scripts/bench-cluster.sh --workloads nonstream,stream --concurrency 32 --duration 15
# JVM flags: the launcher's defaults (./agentry), as the README starts the server, plus AGENTRY_JAVA_OPTS if set.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
source "$here/scripts/java-home.sh"
source "$here/scripts/pgvector.sh" >/dev/null || { echo "bench-cluster.sh: no PostgreSQL (scripts/pgvector.sh)" >&2; exit 1; }
loadgen="$here/scripts/LoadGen.java"
instances=${AGENTRY_BENCH_INSTANCES:-2}
first_port=${AGENTRY_BENCH_PORT:-7801}
export AGENTRY_JAVA_OPTS=${AGENTRY_JAVA_OPTS:-}
db="agentry_bench_$$"
pgv_psql -d postgres -c "create database $db owner agentry"
url="postgresql://agentry:agentry@127.0.0.1:$pgv_port/$db"
postmaster=$(head -1 "$pgv_home/data/postmaster.pid")
work=$(mktemp -d)
cd "$work"
launchers=()
cleanup() {
  cd "$here"
  for l in "${launchers[@]}"; do kill "$l" 2>/dev/null || true; done
  for l in "${launchers[@]}"; do wait "$l" 2>/dev/null || true; done
  pgv_psql -d postgres -c "drop database if exists $db with (force)" || true
  rm -rf "$work"
}
trap cleanup EXIT
urls=() pids=()
for ((i = 0; i < instances; i++)); do
  port=$((first_port + i))
  "$here/agentry" serve --specs "$here/specs" --port "$port" --no-watch --db "$url" > "server-$i.log" 2>&1 &
  launchers+=("$!")
  until curl -s -o /dev/null "http://127.0.0.1:$port/health"; do sleep 0.1; done
  pid=$(pgrep -f -- "--port $port" | while read -r p; do [ -r "/proc/$p/exe" ] && readlink "/proc/$p/exe" | grep -q java && echo "$p"; done | head -1)
  urls+=("http://127.0.0.1:$port") pids+=("$pid")
done
url_list=$(IFS=,; echo "${urls[*]}")
pid_list=$(IFS=,; echo "${pids[*]}")
echo "instances: $url_list (pids $pid_list), PostgreSQL postmaster pid $postmaster, database $db" >&2
curl -s "${urls[0]}/specs/status" | grep -o '"instances":\[[^]]*\]' >&2 || true
"$JAVA_HOME/bin/java" "$loadgen" --url "$url_list" --pid "$pid_list" --store-pid "$postmaster" \
  --workloads nonstream,stream --concurrency 8 --duration 10 --warmup 5 --quiet-wait 0 > /dev/null
"$JAVA_HOME/bin/java" "$loadgen" --url "$url_list" --pid "$pid_list" --store-pid "$postmaster" \
  --label "$instances instance(s) on one PostgreSQL" "$@"
