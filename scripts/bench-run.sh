#!/usr/bin/env bash
# JMH benchmark of the engine's run overhead (engine/src/test/java/dev/agentry/engine/run/RunBenchmark.java):
# one agent, one tool, a scripted model (tool call, then answer), no storage. Extra arguments go to JMH,
# e.g. scripts/bench-run.sh -f 3 -i 10
exec "$(dirname "$0")/jmh.sh" 'dev.agentry.engine.run.RunBenchmark' -prof gc "$@"
