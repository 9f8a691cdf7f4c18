#!/usr/bin/env bash
# JMH benchmarks of the engine's run overhead (engine/src/test/java/dev/agentry/engine/run/RunBenchmark.java):
# one agent, one tool, a scripted model (tool call, then answer), no storage; and TeamRunBenchmark.java: a
# coordinate team whose leader delegates that agent run to a member, then answers. Extra arguments go to JMH,
# e.g. scripts/bench-run.sh -f 3 -i 10
exec "$(dirname "$0")/jmh.sh" 'dev.agentry.engine.run.(Team)?RunBenchmark' -prof gc "$@"
