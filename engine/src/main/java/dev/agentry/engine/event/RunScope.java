package dev.agentry.engine.event;

import org.jspecify.annotations.Nullable;

/**
 * Which run an event belongs to: the envelope fields every agent event carries after {@code created_at} and
 * {@code event}, in Agno's order ({@code agentos-api.md} §3.2). One instance per run, shared by all its events.
 *
 * @param parentRunId the team or workflow run this run is part of, if any
 * @param nestedDepth 0 for a top-level run, one more per level of nesting
 */
public record RunScope(
    String agentId,
    String agentName,
    String runId,
    @Nullable String parentRunId,
    String sessionId,
    @Nullable String workflowId,
    @Nullable String workflowRunId,
    @Nullable String stepId,
    @Nullable String stepName,
    @Nullable Integer stepIndex,
    int nestedDepth) {
  /** The scope of a top-level run. */
  public static RunScope of(String agentId, String agentName, String runId, String sessionId) {
    return new RunScope(agentId, agentName, runId, null, sessionId, null, null, null, null, null, 0);
  }
}
