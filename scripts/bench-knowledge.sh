#!/usr/bin/env bash
# Benchmark of issue 16 (engine/src/test/java/dev/agentry/engine/bench/KnowledgeBenchmark.java): ingest of 10,000
# generated Markdown documents (~50 MB, ~100,000 chunks) keyword-only and with 256-dimension stub embeddings
# (documents/second, peak heap), then keyword, vector and hybrid query latency p50/p99 at concurrency 1 and 8.
# Extra arguments go to the benchmark, e.g. --index=memory, --index=pgvector (a PgvectorBenchIndexes class),
# --docs=1000, --rounds=1. JVM heap: BENCH_HEAP (default 1g). BENCH_JAVA_OPTS adds JVM options (the launcher runs
# Lucene without the incubating Vector API; "--add-modules jdk.incubator.vector" measures with it).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-home.sh
./mvnw -B -q -o test-compile -pl engine
./mvnw -B -q -o -pl engine dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
  -Dmdep.includeScope=test
cp=engine/target/test-classes:engine/target/classes:$(cat engine/target/bench.classpath)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
java -Xmx"${BENCH_HEAP:-1g}" ${BENCH_JAVA_OPTS:-} -cp "$cp" \
  dev.agentry.engine.bench.KnowledgeBenchmark --dir="$work/docs" --index-dir="$work/index" "$@" 2>&1 | grep -v -e '^WARNING: Using incubator' -e 'VectorizationProvider'
# The same corpus through the whole runtime (reader, Markdown chunker, SQLite contents, Lucene, embeddings over HTTP):
# what a server's start costs (engine/src/test/java/dev/agentry/engine/bench/KnowledgePipelineBenchmark.java).
java -Xmx"${BENCH_HEAP:-1g}" ${BENCH_JAVA_OPTS:-} -cp "$cp" dev.agentry.engine.bench.KnowledgePipelineBenchmark \
  2>&1 | grep -v -e '^WARNING: Using incubator' -e 'VectorizationProvider' -e ' INFO '
