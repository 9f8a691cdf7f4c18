package dev.agentry.engine.run;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.agentry.engine.event.Metrics;
import dev.agentry.engine.event.ToolExecution;
import dev.agentry.engine.llm.Media;
import dev.agentry.engine.llm.Message;
import dev.agentry.engine.llm.Role;
import dev.agentry.engine.llm.ToolCall;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One message of a run as Agno's {@code Message.to_dict()} writes it: flat, lower-case {@code role}, OpenAI-shaped
 * {@code tool_calls}, {@code tool_call_error} on tool results, a compressed tool result's {@code compressed_content}, a user message's {@code images}, {@code audio},
 * {@code videos} and {@code files}, {@code created_at} in epoch seconds; null fields, empty media and empty metrics
 * left out. The only message serializer of the API: {@code RunOutput.messages}, {@code RunSchema.messages}
 * and a session's {@code chat_history} all use it.
 *
 * @param id stable for a given run and position: Agno's messages carry a UUID, and a stored message read back twice
 *     must keep it
 */
public record ChatMessage(
    @JsonProperty("id") String id,
    @JsonProperty("content") @Nullable String content,
    @JsonProperty("compressed_content") @Nullable String compressedContent,
    @JsonProperty("reasoning_content") @Nullable String reasoningContent,
    @JsonProperty("from_history") boolean fromHistory,
    @JsonProperty("stop_after_tool_call") boolean stopAfterToolCall,
    @JsonProperty("role") String role,
    @JsonProperty("tool_call_id") @Nullable String toolCallId,
    @JsonProperty("tool_name") @Nullable String toolName,
    @JsonProperty("tool_args") @Nullable JsonNode toolArgs,
    @JsonProperty("tool_call_error") @Nullable Boolean toolCallError,
    @JsonProperty("tool_calls") @Nullable List<Call> toolCalls,
    @JsonProperty("metrics") @Nullable Metrics metrics,
    @JsonProperty("images") @Nullable List<Media.Image> images,
    @JsonProperty("audio") @Nullable List<Media.Audio> audio,
    @JsonProperty("videos") @Nullable List<Media.Video> videos,
    @JsonProperty("files") @Nullable List<Media.File> files,
    @JsonProperty("created_at") long createdAt) {

  /** The messages of {@code run}, in order, history included. */
  public static List<ChatMessage> listOf(RunOutput run) {
    return listOf(run.runId(), run.messages(), run.tools());
  }

  /** The reasoning model's messages of {@code run} ({@code reasoning_messages}); null when it has none. */
  public static @Nullable List<ChatMessage> reasoningOf(RunOutput run) {
    return run.reasoningMessages().isEmpty() ? null
        : listOf(run.runId() + "/reasoning", run.reasoningMessages(), List.of());
  }

  /** {@code messages} in order; {@code key} and the position make each message's id. */
  static List<ChatMessage> listOf(String key, List<RunMessage> messages, List<ToolExecution> tools) {
    Map<String, ToolExecution> calls = new HashMap<>();
    tools.forEach(t -> calls.put(t.toolCallId(), t));
    List<ChatMessage> out = new ArrayList<>(messages.size());
    for (int i = 0; i < messages.size(); i++) {
      out.add(of(key, i, messages.get(i), calls));
    }
    return List.copyOf(out);
  }

  /** A message; a tool result also carries its call's arguments and stop flag, as Agno's tool messages do. */
  private static ChatMessage of(String runId, int index, RunMessage stored, Map<String, ToolExecution> calls) {
    Message m = stored.message();
    List<Call> toolCalls = m.toolCalls().isEmpty() ? null : m.toolCalls().stream().map(Call::of).toList();
    Metrics metrics = stored.metrics() == null || stored.metrics().equals(Metrics.ZERO) ? null : stored.metrics();
    String id = UUID.nameUUIDFromBytes((runId + "/" + index).getBytes(StandardCharsets.UTF_8)).toString();
    boolean result = m.role() == Role.TOOL;
    ToolExecution call = result && m.toolCallId() != null ? calls.get(m.toolCallId()) : null;
    return new ChatMessage(id, m.content(), stored.compressedContent(), m.reasoningContent(), stored.fromHistory(),
        call != null && call.stopAfterToolCall(), m.role().wireName(), m.toolCallId(), m.toolName(),
        call == null ? null : call.toolArgs(), result ? m.toolError() : null, toolCalls, metrics,
        orNull(m.images()), orNull(m.audio()), orNull(m.videos()), orNull(m.files()), stored.createdAt());
  }

  /** Agno writes a message's media lists only when they are not empty. */
  private static <T> @Nullable List<T> orNull(List<T> media) {
    return media.isEmpty() ? null : media;
  }

  /** A tool call in OpenAI's shape: {@code {"id", "type": "function", "function": {"name", "arguments"}}}. */
  public record Call(
      @JsonProperty("id") String id,
      @JsonProperty("type") String type,
      @JsonProperty("function") Function function) {
    static Call of(ToolCall call) {
      return new Call(call.id(), "function", new Function(call.name(), call.arguments()));
    }
  }

  /** The function a tool call names, with its arguments as JSON text. */
  public record Function(@JsonProperty("name") String name, @JsonProperty("arguments") String arguments) {}
}
