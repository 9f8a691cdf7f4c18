package dev.agentry.engine.run;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.agentry.engine.event.ComponentKind;
import dev.agentry.engine.event.EventJson;
import dev.agentry.engine.event.MessageReferences;
import dev.agentry.engine.event.ReasoningSteps;
import dev.agentry.engine.event.RunEvent;
import dev.agentry.engine.event.RunRequirement;
import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.event.ToolExecution;
import dev.agentry.engine.llm.Media;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * A run as the run routes answer it (a non-streamed run, a continued run, a polled run), and as a team's output and
 * {@code TeamRunCompleted} carry its members' runs: Agno's
 * {@code RunOutput.to_dict()} ({@code agentos-api.md} §2.5.2), which the Python client reads back with
 * {@code RunOutput.from_dict}. Null fields are left out; {@code spec_version} is Agentry's own addition (the client
 * drops fields it does not know).
 *
 * @param events the stored events in their wire form, as the event stream carried them (with {@code store_events})
 * @param reasoningSteps the steps of step-by-step reasoning; also in {@code extra_data.reasoning_steps}, where Agent
 *     UI reads them
 * @param references what the run's knowledge searches found (Agno's {@code MessageReferences}); null when none
 * @param requirements what a paused run waits for, as its {@code RunPaused} event listed it; null otherwise
 */
public record RunOutputResponse(
    @JsonProperty("run_id") String runId,
    @JsonProperty("agent_id") @Nullable String agentId,
    @JsonProperty("agent_name") @Nullable String agentName,
    @JsonProperty("team_id") @Nullable String teamId,
    @JsonProperty("team_name") @Nullable String teamName,
    @JsonProperty("parent_run_id") @Nullable String parentRunId,
    @JsonProperty("session_id") String sessionId,
    @JsonProperty("user_id") @Nullable String userId,
    @JsonProperty("content") @Nullable Object content,
    @JsonProperty("content_type") String contentType,
    @JsonProperty("reasoning_content") @Nullable String reasoningContent,
    @JsonProperty("reasoning_steps") @Nullable List<ReasoningSteps.Step> reasoningSteps,
    @JsonProperty("reasoning_messages") @Nullable List<ChatMessage> reasoningMessages,
    @JsonProperty("references") @Nullable List<MessageReferences> references,
    @JsonProperty("extra_data") ReasoningSteps.@Nullable ExtraData extraData,
    @JsonProperty("model") String model,
    @JsonProperty("model_provider") String modelProvider,
    @JsonProperty("session_state") Map<String, Object> sessionState,
    @JsonProperty("created_at") long createdAt,
    @JsonProperty("status") String status,
    @JsonProperty("metrics") RunMetrics metrics,
    @JsonProperty("events") @Nullable List<ObjectNode> events,
    @JsonProperty("messages") List<ChatMessage> messages,
    @JsonProperty("metadata") @Nullable Map<String, Object> metadata,
    @JsonProperty("tools") List<ToolExecution> tools,
    @JsonProperty("requirements") @Nullable List<RunRequirement> requirements,
    @JsonProperty("input") Input input,
    @JsonProperty("member_responses") @Nullable List<RunOutputResponse> memberResponses,
    @JsonProperty("spec_version") String specVersion) {

  /** The run as Agno's {@code RunOutput.to_dict()} writes it. */
  public static RunOutputResponse of(RunOutput run) {
    boolean team = run.kind() == ComponentKind.TEAM;
    return new RunOutputResponse(run.runId(), team ? null : run.componentId(), team ? null : run.componentName(),
        team ? run.componentId() : null, team ? run.componentName() : null, run.parentRunId(), run.sessionId(),
        run.userId(),
        run.content(), run.contentType(), run.reasoningContent(),
        run.reasoningSteps().isEmpty() ? null : run.reasoningSteps(), ChatMessage.reasoningOf(run),
        run.references().isEmpty() ? null : run.references(),
        ReasoningSteps.ExtraData.of(run.reasoningSteps(), run.references()), run.model(), run.modelProvider(),
        run.sessionState(), run.createdAt(), run.status().name(),
        RunMetrics.of(run.metrics(), run.model(), run.modelProvider()), events(run.events()),
        ChatMessage.listOf(run), run.metadata(), run.tools(),
        run.status() == RunStatus.PAUSED ? run.requirements() : null,
        Input.of(run.input()), run.memberResponses().isEmpty() ? null // as TeamRunOutput.to_dict: only when some
            : run.memberResponses().stream().map(RunOutputResponse::of).toList(),
        run.specVersion());
  }

  /** Events in their wire form ({@code created_at}, {@code event}, the run's scope, then their own fields). */
  public static @Nullable List<ObjectNode> events(@Nullable List<RunEvent> events) {
    return events == null ? null : events.stream().map(EventJson::toTree).toList();
  }

  /**
   * The user's input as given, with the media sent with it: Agno's {@code RunInput.to_dict()}, whose media lists are
   * left out when empty (null here, so not written).
   */
  public record Input(
      @JsonProperty("input_content") Object inputContent,
      @JsonProperty("images") @Nullable List<Media.Image> images,
      @JsonProperty("videos") @Nullable List<Media.Video> videos,
      @JsonProperty("audios") @Nullable List<Media.Audio> audios,
      @JsonProperty("files") @Nullable List<Media.File> files) {

    static Input of(RunOutput.RunInput input) {
      return new Input(input.inputContent(), input.images(), input.videos(), input.audios(), input.files());
    }
  }
}
