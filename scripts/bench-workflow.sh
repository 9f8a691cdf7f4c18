#!/usr/bin/env bash
# JMH benchmark of a workflow's overhead (engine/src/test/java/dev/agentry/engine/run/WorkflowRunBenchmark.java):
# a 5-step workflow (agent, condition, parallel of two agents, loop of 2 iterations, router) that makes 7 agent runs,
# against the same 7 agent runs made directly; scripted models, no storage. Extra arguments go to JMH.
exec "$(dirname "$0")/jmh.sh" 'dev.agentry.engine.run.WorkflowRunBenchmark' -prof gc "$@"
