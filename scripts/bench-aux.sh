#!/usr/bin/env bash
# JMH benchmark of what memories, session summaries and the input guardrails add to a run, beside a plain run, with
# scripted auxiliary models (engine/src/test/java/dev/agentry/engine/run/AuxiliaryRunBenchmark.java), and of both
# guardrails on a 10 KB input. Extra arguments go to JMH.
exec "$(dirname "$0")/jmh.sh" 'dev.agentry.engine.run.AuxiliaryRunBenchmark' -prof gc "$@"
