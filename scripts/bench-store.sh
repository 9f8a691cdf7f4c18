#!/usr/bin/env bash
# JMH benchmark of storage per backend (engine/src/test/java/dev/agentry/engine/store/StoreBenchmark.java):
# the store writes of one run with 1 and 1,000 earlier runs in its session, and sustained run writes per second.
# SQLite on a temp file, PostgreSQL on embedded binaries, MongoDB on mongo-java-server. Extra arguments go to JMH,
# e.g. scripts/bench-store.sh -p backend=postgres
exec "$(dirname "$0")/jmh.sh" 'dev.agentry.engine.store.StoreBenchmark' "$@"
