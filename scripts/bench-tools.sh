#!/usr/bin/env bash
# JMH benchmarks of the per-call overhead of tools, beyond the tool's own work
# (engine/src/test/java/dev/agentry/engine/run/ToolCallBenchmark.java): the path every call of a run takes (function
# lookup, JSON arguments parsed and checked against the schema, the call, failures caught, timing) for a builtin
# (calculator.add), a plugin's no-op function, the same with one tool hook, and with cache_results. Sample mode gives
# the median (p0.50) per call; -prof gc the bytes allocated per call (gc.alloc.rate.norm).
# Extra arguments go to JMH, e.g. scripts/bench-tools.sh -f 3 -i 10
exec "$(dirname "$0")/jmh.sh" 'dev.agentry.engine.run.ToolCallBenchmark' -prof gc "$@"
