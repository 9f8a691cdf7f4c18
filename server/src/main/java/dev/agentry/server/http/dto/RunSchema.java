package dev.agentry.server.http.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.agentry.engine.event.ComponentKind;
import dev.agentry.engine.event.MessageReferences;
import dev.agentry.engine.event.ReasoningSteps;
import dev.agentry.engine.event.ToolExecution;
import dev.agentry.engine.llm.Media;
import dev.agentry.engine.run.ChatMessage;
import dev.agentry.engine.run.RunMetrics;
import dev.agentry.engine.run.RunOutput;
import dev.agentry.engine.run.RunOutputResponse;
import dev.agentry.server.http.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stored run as the run listings show it (Agno's {@code RunSchema}, {@code agentos-api.md} §2.6): the input as
 * text in {@code run_input}, {@code run_response_format}, {@code created_at} as ISO-8601, and the messages, metrics,
 * tools and events in the same shapes as {@link RunOutputResponse}. Agent UI draws a stored conversation from these.
 * {@code input_media} lists the input's images, videos, audios and files. {@code session_id}, {@code metadata},
 * {@code spec_version} and {@code instance_id} (the server instance that ran it) are Agentry's own additions, and so
 * is {@code extra_data.reasoning_steps}, where Agent UI reads the reasoning steps of a stored run (Agno's own field
 * is {@code reasoning_steps}). {@code references} lists what the run's knowledge searches found (Agno's
 * {@code MessageReferences}).
 */
public record RunSchema(
    @JsonProperty("run_id") String runId,
    @JsonProperty("parent_run_id") String parentRunId,
    @JsonProperty("agent_id") @Nullable String agentId,
    @JsonProperty("team_id") @Nullable String teamId,
    @JsonProperty("user_id") String userId,
    @JsonProperty("session_id") String sessionId,
    @JsonProperty("status") String status,
    @JsonProperty("run_input") String runInput,
    @JsonProperty("content") @Nullable Object content,
    @JsonProperty("run_response_format") String runResponseFormat,
    @JsonProperty("reasoning_content") @Nullable String reasoningContent,
    @JsonProperty("reasoning_steps") @Nullable List<ReasoningSteps.Step> reasoningSteps,
    @JsonProperty("reasoning_messages") @Nullable List<ChatMessage> reasoningMessages,
    @JsonProperty("extra_data") ReasoningSteps.@Nullable ExtraData extraData,
    @JsonProperty("metrics") RunMetrics metrics,
    @JsonProperty("messages") List<ChatMessage> messages,
    @JsonProperty("tools") List<ToolExecution> tools,
    @JsonProperty("events") @Nullable List<ObjectNode> events,
    @JsonProperty("created_at") String createdAt,
    @JsonProperty("references") @Nullable List<MessageReferences> references,
    @JsonProperty("session_state") Map<String, Object> sessionState,
    @JsonProperty("metadata") @Nullable Map<String, Object> metadata,
    @JsonProperty("spec_version") String specVersion,
    @JsonProperty("instance_id") @Nullable String instanceId,
    @JsonProperty("input_media") Map<String, List<? extends Media>> inputMedia) {

  /** This run with {@code content} replaced (a run in flight shows the answer streamed so far). */
  public RunSchema withContent(@Nullable Object newContent) {
    return new RunSchema(runId, parentRunId, agentId, teamId, userId, sessionId, status, runInput, newContent,
        runResponseFormat, reasoningContent, reasoningSteps, reasoningMessages, extraData, metrics, messages, tools, events, createdAt, references, sessionState, metadata,
        specVersion, instanceId, inputMedia);
  }

  /** The stored run as Agno's {@code RunSchema} lists it, its input as text. */
  public static RunSchema of(RunOutput run) {
    Object input = run.input().inputContent();
    String inputText = input instanceof String s ? s : Json.MAPPER.writeValueAsString(input);
    boolean team = run.kind() == ComponentKind.TEAM;
    return new RunSchema(run.runId(), run.parentRunId() == null ? "" : run.parentRunId(),
        team ? null : run.componentId(), team ? run.componentId() : null, run.userId() == null ? "" : run.userId(),
        run.sessionId(),
        run.status().name(), inputText, run.content(), "str".equals(run.contentType()) ? "text" : "json",
        run.reasoningContent(), run.reasoningSteps().isEmpty() ? null : run.reasoningSteps(),
        ChatMessage.reasoningOf(run), ReasoningSteps.ExtraData.of(run.reasoningSteps(), run.references()),
        RunMetrics.of(run.metrics(), run.model(), run.modelProvider()),
        ChatMessage.listOf(run), run.tools(), RunOutputResponse.events(run.events()),
        Instant.ofEpochSecond(run.createdAt()).toString(), run.references().isEmpty() ? null : run.references(),
        run.sessionState(), run.metadata(), run.specVersion(), run.instanceId(),
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
