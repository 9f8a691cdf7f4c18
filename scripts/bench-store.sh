#!/usr/bin/env bash
# JMH benchmark of storage per backend (engine/src/test/java/dev/agentry/engine/store/StoreBenchmark.java):
# the store writes of one run with 1 and 1,000 earlier runs in its session, and sustained run writes per second.
# SQLite on a temp file, PostgreSQL on embedded binaries, MongoDB on mongo-java-server. Extra arguments go to JMH,
# e.g. scripts/bench-store.sh -p backend=postgres
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-home.sh
./mvnw -q -B install -DskipTests
./mvnw -q -B -pl engine dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.cp
exec "$JAVA_HOME/bin/java" -cp "engine/target/test-classes:engine/target/classes:$(cat engine/target/bench.cp)" \
  org.openjdk.jmh.Main 'dev.agentry.engine.store.StoreBenchmark' "$@"
