#!/usr/bin/env bash
# JMH benchmarks of tool calls: what a call costs beyond the tool's own work (a no-op tool each), median time and
# bytes allocated (-prof gc), and the time to open a toolkit.
#   McpToolBenchmark (engine/src/test/java/dev/agentry/engine/tool/mcp/): an MCP tool over stdio and over
#   streamable HTTP, and opening a stdio MCP toolkit (a JVM server: its start-up dominates).
# To add a benchmark, append its class name (a regex JMH matches against benchmark names) to BENCHMARKS.
# Extra arguments go to JMH, e.g. scripts/bench-tools.sh -f 3 -i 10
set -euo pipefail
BENCHMARKS=(
  'dev.agentry.engine.tool.mcp.McpToolBenchmark'
)
pattern=$(IFS='|'; echo "${BENCHMARKS[*]}")
exec "$(dirname "$0")/jmh.sh" "($pattern)" -prof gc "$@"
