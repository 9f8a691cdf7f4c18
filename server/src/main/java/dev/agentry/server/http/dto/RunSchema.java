package dev.agentry.server.http.dto;

import dev.agentry.engine.event.Metrics;
import dev.agentry.engine.event.RunEvent;
import dev.agentry.engine.event.ToolExecution;
import dev.agentry.engine.llm.Media;
import dev.agentry.engine.run.RunMessage;
import dev.agentry.engine.run.RunOutput;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A stored run as the run listings show it ({@code RunSchema}, {@code agentos-api.md} §2.6): the input as text in
 * {@code run_input}, {@code run_response_format}, {@code created_at} as ISO-8601, and {@code input_media} (the
 * input's images, videos, audios and files). Agent UI draws a stored
 * conversation from these.
 */
public record RunSchema(
    String runId,
    String parentRunId,
    String agentId,
    String userId,
    String sessionId,
    String status,
    String runInput,
    @Nullable Object content,
    String runResponseFormat,
    @Nullable String reasoningContent,
    Metrics metrics,
    List<RunMessage> messages,
    List<ToolExecution> tools,
    @Nullable List<RunEvent> events,
    String createdAt,
    Map<String, Object> sessionState,
    @Nullable Map<String, Object> metadata,
    String specVersion,
    Map<String, List<? extends Media>> inputMedia) {

  /** This run with {@code content} replaced (a run in flight shows the answer streamed so far). */
  public RunSchema withContent(@Nullable Object newContent) {
    return new RunSchema(runId, parentRunId, agentId, userId, sessionId, status, runInput, newContent,
        runResponseFormat, reasoningContent, metrics, messages, tools, events, createdAt, sessionState, metadata,
        specVersion, inputMedia);
  }

  public static RunSchema of(RunOutput run) {
    Object input = run.input().inputContent();
    String inputText = input instanceof String s ? s : dev.agentry.server.http.Json.MAPPER.writeValueAsString(input);
    return new RunSchema(run.runId(), "", run.agentId(), run.userId() == null ? "" : run.userId(), run.sessionId(),
        run.status().name(), inputText, run.content(), "str".equals(run.contentType()) ? "text" : "json",
        run.reasoningContent(), run.metrics(), run.messages(), run.tools(), run.events(),
        Instant.ofEpochSecond(run.createdAt()).toString(), run.sessionState(), run.metadata(), run.specVersion(),
        inputMedia(run.input()));
  }

  /** Agno's {@code input_media}: the input's media by kind, every list present (empty when none). */
  private static Map<String, List<? extends Media>> inputMedia(RunOutput.RunInput input) {
    Map<String, List<? extends Media>> media = new LinkedHashMap<>();
    media.put("images", input.images() == null ? List.of() : input.images());
    media.put("videos", input.videos() == null ? List.of() : input.videos());
    media.put("audios", input.audios() == null ? List.of() : input.audios());
    media.put("files", input.files() == null ? List.of() : input.files());
    return media;
  }
}
