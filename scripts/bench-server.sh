#!/usr/bin/env bash
# Load test of `agentry serve` with ../shared/bench/LoadGen.java (the project's reference load): starts the server on
# the example specs and a fresh SQLite file in a temporary folder, runs LoadGen once to warm the JIT and once to
# measure, then stops the server. Extra arguments go to the measured LoadGen run, e.g.
#   scripts/bench-server.sh --workloads nonstream --concurrency 32 --duration 20
# JVM flags: the launcher's defaults (./agentry), as the README starts the server, plus AGENTRY_JAVA_OPTS if set.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
source "$here/scripts/java-home.sh"
loadgen="$here/../shared/bench/LoadGen.java"
port=${AGENTRY_BENCH_PORT:-7799}
export AGENTRY_JAVA_OPTS=${AGENTRY_JAVA_OPTS:-}
work=$(mktemp -d)
cd "$work"
"$here/agentry" serve --specs "$here/specs" --port "$port" --no-watch > server.log 2>&1 &
launcher=$!
trap 'kill $launcher 2>/dev/null || true; wait $launcher 2>/dev/null || true; rm -rf "$work"' EXIT
until curl -s -o /dev/null "http://127.0.0.1:$port/health"; do sleep 0.1; done
pid=$(pgrep -f -- "--port $port" | while read -r p; do [ -r "/proc/$p/exe" ] && readlink "/proc/$p/exe" | grep -q java && echo "$p"; done | head -1)
echo "server pid $pid, JVM flags: $(tr '\0' ' ' < "/proc/$pid/cmdline")" >&2
"$JAVA_HOME/bin/java" "$loadgen" --url "http://127.0.0.1:$port" --pid "$pid" --workloads nonstream,stream \
  --concurrency 8 --duration 10 --warmup 5 --quiet-wait 0 > /dev/null
"$JAVA_HOME/bin/java" "$loadgen" --url "http://127.0.0.1:$port" --pid "$pid" "$@"
