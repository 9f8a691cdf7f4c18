#!/usr/bin/env bash
# JMH benchmark of the engine's run overhead (engine/src/test/java/dev/agentry/engine/run/RunBenchmark.java):
# one agent, one tool, a scripted model (tool call, then answer), no storage. Extra arguments go to JMH,
# e.g. scripts/bench-run.sh -f 3 -i 10
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-home.sh
./mvnw -q -B install -DskipTests
./mvnw -q -B -pl engine dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.cp
exec "$JAVA_HOME/bin/java" -cp "engine/target/test-classes:engine/target/classes:$(cat engine/target/bench.cp)" \
  org.openjdk.jmh.Main 'dev.agentry.engine.run.RunBenchmark' -prof gc "$@"
