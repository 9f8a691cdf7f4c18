package dev.agentry.engine.run;

import dev.agentry.engine.event.Metrics;
import dev.agentry.engine.event.RunEvent;
import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.event.ToolExecution;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The result of a run, with Agno's {@code RunOutput} fields ({@code agentos-api.md} §2.5.2).
 *
 * @param content the answer: text, or a JSON value for structured output; the error message when status is ERROR
 * @param contentType "str" for text, the output schema's title (or "json") for structured output
 * @param messages the whole conversation sent to and received from the model, history included
 * @param tools every tool call of the run, with its result
 * @param input the user's input as given
 * @param events the run's events, when the agent sets {@code store_events}
 * @param specVersion the catalog version the run ran on
 */
public record RunOutput(
    String runId,
    String agentId,
    String agentName,
    String sessionId,
    @Nullable String userId,
    @Nullable Object content,
    String contentType,
    @Nullable String reasoningContent,
    String model,
    String modelProvider,
    Map<String, Object> sessionState,
    long createdAt,
    RunStatus status,
    Metrics metrics,
    List<RunMessage> messages,
    List<ToolExecution> tools,
    RunInput input,
    @Nullable List<RunEvent> events,
    @Nullable Map<String, Object> metadata,
    String specVersion) {
  /** The content of a run that a crash or shutdown cut short. */
  public static final String INTERRUPTED = "interrupted";

  public RunOutput {
    messages = List.copyOf(messages);
    tools = List.copyOf(tools);
  }

  /** The user's input of a run ({@code input.input_content}). */
  public record RunInput(Object inputContent) {}

  /** This run with its stored events replaced. */
  public RunOutput withEvents(@Nullable List<RunEvent> newEvents) {
    return new RunOutput(runId, agentId, agentName, sessionId, userId, content, contentType, reasoningContent, model,
        modelProvider, sessionState, createdAt, status, metrics, messages, tools, input, newEvents, metadata,
        specVersion);
  }

  /** This run, found RUNNING after a crash, ended as ERROR with the content "interrupted". */
  public RunOutput interrupted() {
    return new RunOutput(runId, agentId, agentName, sessionId, userId, INTERRUPTED, "str", reasoningContent, model,
        modelProvider, sessionState, createdAt, RunStatus.ERROR, metrics, messages, tools, input, events, metadata,
        specVersion);
  }

  /** The content as text: the string itself, or the JSON text of structured content; empty when there is none. */
  public String contentText() {
    return content == null ? "" : content.toString();
  }
}
