#!/usr/bin/env bash
# Load test of `agentry serve` with scripts/LoadGen.java (the project's reference load, ../shared/bench/LoadGen.java,
# plus --team and --workflow): starts the server on
# the example specs and a fresh SQLite file in a temporary folder, runs LoadGen once to warm the JIT and once to
# measure, then stops the server. Extra arguments go to the measured LoadGen run, e.g.
#   scripts/bench-server.sh --workloads nonstream --concurrency 32 --duration 20
#   scripts/bench-server.sh --team bench-team --workloads nonstream,stream --concurrency 1,32
#   scripts/bench-server.sh --workflow bench-workflow --workloads nonstream,stream --concurrency 1,32
# JVM flags: the launcher's defaults (./agentry), as the README starts the server, plus AGENTRY_JAVA_OPTS if set.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
source "$here/scripts/java-home.sh"
loadgen="$here/scripts/LoadGen.java"   # ../shared/bench/LoadGen.java with --team
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
target=()   # the warm-up runs the agent or team that is measured
args=("$@")
for i in "${!args[@]}"; do
  case "${args[$i]}" in --agent|--team) target=("${args[$i]}" "${args[$((i + 1))]}") ;; esac
done
"$JAVA_HOME/bin/java" "$loadgen" --url "http://127.0.0.1:$port" --pid "$pid" --workloads nonstream,stream \
  --concurrency 8 --duration 10 --warmup 5 --quiet-wait 0 "${target[@]}" > /dev/null
"$JAVA_HOME/bin/java" "$loadgen" --url "http://127.0.0.1:$port" --pid "$pid" "$@"
