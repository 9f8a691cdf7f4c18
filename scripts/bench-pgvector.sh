#!/usr/bin/env bash
# Query latency of the pgvector index at 100,000 chunks against an ILIKE scan and an unindexed tsvector scan
# (engine/src/test/java/dev/agentry/engine/knowledge/internal/pgvector/PgVectorBenchmark.java). Starts PostgreSQL
# with pgvector through scripts/pgvector.sh. Arguments: [chunks] [queries], default 100000 and 200. The first run
# fills the table (minutes); later runs with the same number of chunks reuse it.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-home.sh
source scripts/pgvector.sh
./mvnw -q -B -o test-compile -pl engine
./mvnw -q -B -o -pl engine dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.cp
exec "$JAVA_HOME/bin/java" -cp "engine/target/test-classes:engine/target/classes:$(cat engine/target/bench.cp)" \
  dev.agentry.engine.knowledge.internal.pgvector.PgVectorBenchmark "$@"
