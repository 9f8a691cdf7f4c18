package dev.agentry.engine.run;

import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.llm.Role;
import dev.agentry.engine.llm.ToolCall;
import dev.agentry.engine.model.StorageSettings;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The messages a run is stored with, as Agno scrubs them before saving: without the tool calls and their results
 * ({@code store_tool_messages: false}; the run's {@code tools} keep them) and without the history replayed to the model
 * ({@code store_history_messages: false}). A paused run keeps all of them: continuing it replays its conversation.
 */
final class StoredMessages {
  private StoredMessages() {}

  /** {@code output} with its messages left out as {@code storage} says. */
  static RunOutput of(StorageSettings storage, RunOutput output) {
    if (storage.storeToolMessages() && storage.storeHistoryMessages() || output.status() == RunStatus.PAUSED) {
      return output;
    }
    List<RunMessage> messages = output.messages();
    if (!storage.storeHistoryMessages()) {
      messages = messages.stream().filter(m -> !m.fromHistory()).toList();
    }
    if (!storage.storeToolMessages()) {
      messages = withoutToolMessages(messages);
    }
    return messages.size() == output.messages().size() ? output : output.withMessages(messages);
  }

  /** Agno's {@code scrub_tool_results_from_run_output}: the results, and the assistant messages that made the calls. */
  private static List<RunMessage> withoutToolMessages(List<RunMessage> messages) {
    Set<String> answered = new HashSet<>();
    for (RunMessage m : messages) {
      if (m.message().role() == Role.TOOL && m.message().toolCallId() != null) {
        answered.add(m.message().toolCallId());
      }
    }
    return messages.stream().filter(m -> m.message().role() != Role.TOOL
        && m.message().toolCalls().stream().map(ToolCall::id).noneMatch(answered::contains)).toList();
  }
}
