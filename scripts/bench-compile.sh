#!/usr/bin/env bash
# Benchmark of issue 2: validate + compile 1,000 agents, 100 teams, 100 workflows.
# Warm: median in one JVM pinned to one core. Cold: the whole `agentry validate` command, 5 runs.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-home.sh
./mvnw -B -q -DskipTests package
./mvnw -B -q -pl engine dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
set_dir=$(mktemp -d)
cp=engine/target/test-classes:engine/target/classes:$(cat engine/target/bench.classpath)
taskset -c 0 java -cp "$cp" dev.agentry.engine.bench.CompileBenchmark "$set_dir" 30
echo "cold CLI (agentry validate on the same set, 5 runs, ms):"
for i in 1 2 3 4 5; do
  start=$(date +%s%N)
  java -jar server/target/agentry.jar validate "$set_dir" > /dev/null
  echo "  $(( ($(date +%s%N) - start) / 1000000 ))"
done
rm -rf "$set_dir"
