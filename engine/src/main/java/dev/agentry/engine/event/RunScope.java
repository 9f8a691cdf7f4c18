package dev.agentry.engine.event;

import org.jspecify.annotations.Nullable;

/**
 * Which run an event belongs to: the envelope fields every event carries after {@code created_at} and {@code event},
 * in Agno's order for the run's family ({@code agentos-api.md} §3.2). One instance per run, shared by all its events;
 * a workflow's events about one step carry a copy naming that step ({@link #forStep}).
 *
 * @param kind the family: an agent's events carry {@code agent_id}, a team's {@code team_id}
 * @param componentId the agent's, team's or workflow's id
 * @param componentName its display name
 * @param parentRunId the team or workflow run this run is part of, if any
 * @param workflowId for an agent's or team's run inside a workflow step: the workflow's id
 * @param workflowRunId for an agent's or team's run inside a workflow step: the workflow's run id
 * @param stepId the workflow step: the one an agent's or team's run executes, or the one a workflow event is about
 * @param stepName for an agent's or team's run inside a workflow step: the step's name (a workflow event carries it
 *     as its own field, not in the envelope)
 * @param stepIndex for an agent's or team's run inside a workflow step: the step's index (likewise)
 * @param parentStepId for a workflow event: the step that contains {@code stepId} (a parallel, loop, condition,
 *     router or steps group, or the step that runs a nested workflow)
 * @param nestedDepth 0 for a top-level run, one more per level of nesting
 */
public record RunScope(
    ComponentKind kind,
    String componentId,
    String componentName,
    String runId,
    @Nullable String parentRunId,
    String sessionId,
    @Nullable String workflowId,
    @Nullable String workflowRunId,
    @Nullable String stepId,
    @Nullable String stepName,
    @Nullable StepIndex stepIndex,
    @Nullable String parentStepId,
    int nestedDepth) {
  /** A scope without a parent step: every agent's and team's, and a workflow's own (not about one step). */
  public RunScope(ComponentKind kind, String componentId, String componentName, String runId,
      @Nullable String parentRunId, String sessionId, @Nullable String workflowId, @Nullable String workflowRunId,
      @Nullable String stepId, @Nullable String stepName, @Nullable StepIndex stepIndex, int nestedDepth) {
    this(kind, componentId, componentName, runId, parentRunId, sessionId, workflowId, workflowRunId, stepId, stepName,
        stepIndex, null, nestedDepth);
  }

  /** The scope of a top-level agent run. */
  public static RunScope of(String agentId, String agentName, String runId, String sessionId) {
    return of(ComponentKind.AGENT, agentId, agentName, runId, sessionId);
  }

  /** The scope of a top-level run of any family. */
  public static RunScope of(ComponentKind kind, String id, String name, String runId, String sessionId) {
    return new RunScope(kind, id, name, runId, null, sessionId, null, null, null, null, null, 0);
  }

  /**
   * The scope of a run started by this one (a team's member run): in the same session and workflow step, with this
   * run as its parent, one level deeper.
   */
  public RunScope child(ComponentKind childKind, String id, String name, String childRunId) {
    return new RunScope(childKind, id, name, childRunId, runId, sessionId, workflowId, workflowRunId, stepId, stepName,
        stepIndex, nestedDepth + 1);
  }

  /**
   * The scope of a run that a step of this workflow run executes (its agent's, team's or nested workflow's): in the
   * same session, with this workflow run as its parent and workflow run, one level deeper.
   */
  public RunScope stepRun(ComponentKind childKind, String id, String name, String childRunId, String stepId,
      String stepName, StepIndex index) {
    return new RunScope(childKind, id, name, childRunId, runId, sessionId, componentId, runId, stepId, stepName,
        index, null, nestedDepth + 1);
  }

  /**
   * This workflow run's scope for the events about one of its steps ({@code StepStarted}, {@code LoopIterationStarted},
   * ...): the envelope's {@code step_id} and {@code parent_step_id} (null for a top-level step).
   */
  public RunScope forStep(String id, @Nullable String parentId) {
    return new RunScope(kind, componentId, componentName, runId, parentRunId, sessionId, workflowId, workflowRunId, id,
        stepName, stepIndex, parentId, nestedDepth);
  }
}
