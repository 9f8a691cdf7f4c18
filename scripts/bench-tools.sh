#!/usr/bin/env bash
# JMH benchmarks of tool calls: what a call costs beyond the tool's own work, median time and bytes allocated
# (-prof gc, gc.alloc.rate.norm), and the time to open a toolkit.
#   ToolCallBenchmark (engine/src/test/java/dev/agentry/engine/run/): the path every call of a run takes (function
#   lookup, JSON arguments parsed and checked against the schema, the call, failures caught, timing) for a builtin
#   (calculator.add), a plugin's no-op function, the same with one tool hook, and with cache_results.
#   McpToolBenchmark (engine/src/test/java/dev/agentry/engine/tool/mcp/): a no-op MCP tool over stdio and over
#   streamable HTTP, and opening a stdio MCP toolkit (a JVM server: its start-up dominates).
# To add a benchmark, append its class name (a regex JMH matches against benchmark names) to BENCHMARKS.
# Extra arguments go to JMH, e.g. scripts/bench-tools.sh -f 3 -i 10
set -euo pipefail
BENCHMARKS=(
  'dev.agentry.engine.run.ToolCallBenchmark'
  'dev.agentry.engine.tool.mcp.McpToolBenchmark'
)
pattern=$(IFS='|'; echo "${BENCHMARKS[*]}")
exec "$(dirname "$0")/jmh.sh" "($pattern)" -prof gc "$@"
