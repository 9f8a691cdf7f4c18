#!/usr/bin/env bash
# Runs the JMH benchmarks whose names match $1 from the engine's test classes; further arguments go to JMH.
# Used by bench-run.sh and bench-store.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-home.sh
./mvnw -q -B install -DskipTests
./mvnw -q -B -pl engine dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.cp
exec "$JAVA_HOME/bin/java" -cp "engine/target/test-classes:engine/target/classes:$(cat engine/target/bench.cp)" \
  org.openjdk.jmh.Main "$@"
