package dev.agentry.engine.event;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a paused run waits for, one per tool call, as Agno's {@code RunRequirement} ({@code agentos-api.md} §3.5).
 *
 * @param createdAt ISO-8601 time, as Agno writes it
 * @param memberAgentId when a team's member waits: the member (the innermost one, in nested teams)
 * @param memberRunId the member's paused run, which a team's continue resumes
 */
public record RunRequirement(
    String id,
    String createdAt,
    @Nullable Boolean confirmation,
    @Nullable String memberAgentId,
    @Nullable String memberAgentName,
    @Nullable String memberRunId,
    ToolExecution toolExecution,
    @Nullable List<ToolExecution.UserInputField> userInputSchema) {

  /**
   * What a run paused with these tool calls waits for: one requirement per call not run yet that needs a
   * confirmation, user input or the client's result, identified by its call id.
   */
  public static List<RunRequirement> waitingIn(List<ToolExecution> tools) {
    return tools.stream()
        .filter(t -> t.result() == null)
        .filter(t -> t.requiresConfirmation() || t.requiresUserInput() || t.externalExecutionRequired())
        .map(t -> new RunRequirement(t.toolCallId(), Instant.ofEpochSecond(t.createdAt()).toString(), null, null,
            null, null, t, t.userInputSchema()))
        .toList();
  }

  /** This requirement as a team run reports it: that of its member {@code id}, unless a deeper member's already. */
  public RunRequirement ofMember(String id, String name, String runId) {
    return memberRunId != null ? this : new RunRequirement(this.id, createdAt, confirmation, id, name, runId,
        toolExecution, userInputSchema);
  }
}
