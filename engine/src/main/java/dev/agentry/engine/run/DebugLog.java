package dev.agentry.engine.run;

import dev.agentry.engine.event.EventJson;
import dev.agentry.engine.event.Metrics;
import dev.agentry.engine.event.ToolExecution;
import dev.agentry.engine.event.RunEvent;
import dev.agentry.engine.llm.ChatRequest;
import dev.agentry.engine.llm.ChatResponse;
import dev.agentry.engine.llm.Message;
import dev.agentry.engine.llm.ToolCall;
import dev.agentry.engine.model.DebugSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The debug log of runs ({@code debug_mode}, {@code debug_level}), as Agno's debug mode prints a run: written at INFO
 * to the logger {@value #LOGGER}, so that it shows without configuring logging, and only for the participants and
 * workflows that turn it on. Level 1 logs the system and user messages, the model's answers and tool calls, and the
 * metrics; level 2 also every message the model is sent, the tool results and the reasoning.
 */
final class DebugLog {
  /** The logger name, also set in the server's logback configuration. */
  static final String LOGGER = "dev.agentry.debug";
  private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

  private DebugLog() {}

  private static DebugSettings of(ActiveRun run) {
    return run.runtime.participant().debug();
  }

  /** The run's context as built: its system and user messages (level 2: every message, history included). */
  static void started(ActiveRun run) {
    DebugSettings debug = of(run);
    if (!debug.enabled()) {
      return;
    }
    LOG.info("{} '{}' run {} started (session {}, user {})", run.scope.kind().wireName(), run.runtime.id(),
        run.scope.runId(), run.scope.sessionId(), run.userId);
    for (RunMessage m : run.messages()) {
      Message message = m.message();
      boolean ownContext = !m.fromHistory() && switch (message.role()) {
        case SYSTEM, DEVELOPER, USER -> true;
        case ASSISTANT, TOOL -> false;
      };
      if (debug.detailed() || ownContext) {
        LOG.info("run {} {}{} message:\n{}", run.scope.runId(), m.fromHistory() ? "history " : "",
            message.role().wireName(), message.content());
      }
    }
  }

  /** A request to the model (level 2: how many messages and tools it carries). */
  static void request(ActiveRun run, ChatRequest request) {
    if (of(run).detailed()) {
      LOG.info("run {} model request {} to {}: {} messages, {} tools", run.scope.runId(), run.turns,
          run.runtime.chatModelId(), request.messages().size(), request.tools().size());
    }
  }

  /** The model's answer: its text and tool calls, with the request's metrics (level 2: its reasoning too). */
  static void response(ActiveRun run, ChatResponse response, Metrics metrics) {
    DebugSettings debug = of(run);
    if (!debug.enabled()) {
      return;
    }
    if (debug.detailed() && response.reasoningContent() != null) {
      LOG.info("run {} reasoning:\n{}", run.scope.runId(), response.reasoningContent());
    }
    if (response.content() != null && !response.content().isEmpty()) {
      LOG.info("run {} assistant message:\n{}", run.scope.runId(), response.content());
    }
    for (ToolCall call : response.toolCalls()) {
      LOG.info("run {} tool call {}: {}({})", run.scope.runId(), call.id(), call.name(), call.arguments());
    }
    LOG.info("run {} model metrics: {}", run.scope.runId(), line(metrics));
  }

  /** A tool call's ending: its summary line (level 2: its result). */
  static void toolCall(ActiveRun run, ToolExecution done, String summary) {
    DebugSettings debug = of(run);
    if (!debug.enabled()) {
      return;
    }
    LOG.info("run {} tool {}{}", run.scope.runId(), summary.strip(),
        Boolean.TRUE.equals(done.toolCallError()) ? " with an error" : "");
    if (debug.detailed()) {
      LOG.info("run {} tool result of {}:\n{}", run.scope.runId(), done.toolCallId(), done.result());
    }
  }

  /** The run's ending: its status and metrics. */
  static void ended(ActiveRun run, RunOutput output) {
    if (of(run).enabled()) {
      LOG.info("{} '{}' run {} ended {}: {}", run.scope.kind().wireName(), run.runtime.id(), run.scope.runId(),
          output.status(), line(output.metrics()));
    }
  }

  /** A workflow's event, for a workflow with {@code debug_mode}: its name and its JSON, steps' inputs and outputs. */
  static void workflow(String workflowId, RunEvent event) {
    LOG.info("workflow '{}' run {} {}: {}", workflowId, event.scope().runId(), event.name(), EventJson.write(event));
  }

  private static String line(Metrics m) {
    return "input_tokens=" + m.inputTokens() + " output_tokens=" + m.outputTokens() + " total_tokens="
        + m.totalTokens() + String.format(java.util.Locale.ROOT, " duration=%.4fs", m.duration())
        + (m.timeToFirstToken() == null ? "" : String.format(java.util.Locale.ROOT, " time_to_first_token=%.4fs",
        m.timeToFirstToken()));
  }
}
