package dev.agentry.engine.store;

import dev.agentry.engine.event.ComponentKind;
import dev.agentry.engine.event.Metrics;
import dev.agentry.engine.event.RunEvent;
import dev.agentry.engine.event.RunScope;
import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.event.ToolExecution;
import dev.agentry.engine.internal.Json;
import dev.agentry.engine.llm.Media;
import dev.agentry.engine.llm.Message;
import dev.agentry.engine.llm.ToolCall;
import dev.agentry.engine.run.RunMessage;
import dev.agentry.engine.run.RunOutput;
import dev.agentry.engine.store.internal.StoreJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/** Realistic records for store tests and benchmarks: a run with messages, a tool call, metrics and events. */
public final class StoreFixtures {
  private StoreFixtures() {}

  /** A session of agent {@code componentId} for {@code userId}, created at {@code createdAt}. */
  public static Session session(String sessionId, SessionType type, String componentId, @Nullable String userId,
      long createdAt) {
    return Session.of(sessionId, type, componentId, userId, "v1", createdAt);
  }

  /** A completed run answering {@code content}, with one tool call and its events. */
  public static RunOutput run(String sessionId, String runId, RunStatus status, long createdAt, Object content) {
    return run(sessionId, runId, status, createdAt, content, "user-1");
  }

  public static RunOutput run(String sessionId, String runId, RunStatus status, long createdAt, Object content,
      @Nullable String userId) {
    RunScope scope = RunScope.of("agent-1", "Agent One", runId, sessionId);
    ToolCall call = new ToolCall("call-1", "add", "{\"a\":2,\"b\":3}");
    ToolExecution tool = ToolExecution.pending("call-1", "add", Json.MAPPER.readTree("{\"a\":2,\"b\":3}"), createdAt)
        .withResult("5", false, new ToolExecution.ToolMetrics(createdAt, createdAt + 0.5, 0.5), false);
    Metrics metrics = new Metrics(120, 30, 150, 0, 0, 0, 1.25, 0.2);
    List<RunMessage> messages = List.of(
        RunMessage.of(Message.system("You add numbers."), createdAt),
        RunMessage.of(Message.user("what is 2 + 3?"), createdAt),
        new RunMessage(Message.assistant(null, null, List.of(call)), createdAt, false, metrics),
        RunMessage.of(Message.tool(call, "5", false), createdAt),
        new RunMessage(Message.assistant(content.toString(), null, List.of()), createdAt, false, metrics));
    List<RunEvent> events = List.of(
        new RunEvent.RunStarted(scope, createdAt, "scripted-model", "scripted"),
        new RunEvent.ToolCallCompleted(scope, createdAt, tool, "5"),
        new RunEvent.RunCompleted(scope, createdAt, content, "str", null, null, metrics, Map.of("count", 1), null));
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("count", 1);
    return new RunOutput(runId, ComponentKind.AGENT, "agent-1", "Agent One", null, sessionId, userId, content, "str",
        null, "scripted-model", "scripted", state, createdAt, status, metrics, messages, List.of(tool),
        new RunOutput.RunInput("what is 2 + 3?"), events, Map.of("source", "test"), List.of(), List.of(), List.of(), "v1");
  }

  /**
   * A run of {@code kind} {@code componentId} made from {@link #run}: a member run when {@code parentRunId} is set,
   * with {@code members} as its member runs and their tokens added to its own (as a team run's metrics are).
   */
  public static RunOutput runOf(ComponentKind kind, String componentId, @Nullable String parentRunId,
      String sessionId, String runId, RunStatus status, long createdAt, List<RunOutput> members) {
    RunOutput base = run(sessionId, runId, status, createdAt, "answer of " + runId);
    Metrics metrics = base.metrics();
    for (RunOutput member : members) {
      metrics = metrics.plusTokens(member.metrics());
    }
    RunScope scope = new RunScope(kind, componentId, componentId + " name", runId, parentRunId, sessionId, null,
        null, null, null, null, parentRunId == null ? 0 : 1);
    List<RunEvent> events = List.of(new RunEvent.RunStarted(scope, createdAt, "scripted-model", "scripted"),
        new RunEvent.RunCompleted(scope, createdAt, base.content(), "str", null, null, metrics, Map.of(), null));
    return new RunOutput(runId, kind, componentId, componentId + " name", parentRunId, sessionId, base.userId(),
        base.content(), base.contentType(), null, base.model(), base.modelProvider(), base.sessionState(), createdAt,
        status, metrics, base.messages(), base.tools(), base.input(), events, null, members, List.of(),
        List.of(), base.specVersion());
  }

  /** A completed run of team {@code teamId} whose leader delegated to {@code members}. */
  public static RunOutput teamRun(String teamId, String sessionId, String runId, long createdAt,
      List<RunOutput> members) {
    return runOf(ComponentKind.TEAM, teamId, null, sessionId, runId, RunStatus.COMPLETED, createdAt, members);
  }

  /** A completed member run of agent {@code agentId}, part of team run {@code parentRunId}. */
  public static RunOutput memberRun(String agentId, String parentRunId, String sessionId, String runId,
      long createdAt) {
    return runOf(ComponentKind.AGENT, agentId, parentRunId, sessionId, runId, RunStatus.COMPLETED, createdAt,
        List.of());
  }

  /**
   * A completed agent run as schema version 1 stored it, before teams ran: the JSON of {@link #run} with
   * {@code agent_id} and {@code agent_name}, and no {@code kind}, parent or member runs.
   */
  public static ObjectNode versionOneRunJson(String sessionId, String runId, long createdAt) {
    ObjectNode tree = StoreJson.runTree(run(sessionId, runId, RunStatus.COMPLETED, createdAt, "stored by v1"));
    ObjectNode old = tree.objectNode();
    tree.properties().forEach(e -> {
      switch (e.getKey()) {
        case "kind", "parent_run_id", "member_responses" -> { }
        case "component_id" -> old.set("agent_id", e.getValue());
        case "component_name" -> old.set("agent_name", e.getValue());
        default -> old.set(e.getKey(), e.getValue());
      }
    });
    return old;
  }

  /** The media of {@link #runWithMedia}: one of each kind, by URL and as content, a text file kept as text. */
  public static final List<Media> MEDIA = List.of(
      Media.Image.ofUrl("https://example.com/cat.png"),
      new Media.Image("img-2", null, "iVBORw0KGgo=", "image/png", "png", "high"),
      Media.Audio.of(new byte[] {1, 2, 3}, "audio/wav", "wav"),
      new Media.Video("vid-1", "https://example.com/clip.mp4", null, "video/mp4", "mp4"),
      Media.File.of("%PDF-1.4".getBytes(java.nio.charset.StandardCharsets.US_ASCII), "application/pdf", "a.pdf"),
      Media.File.of("notes: é ✓".getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/plain", "notes.txt"));

  /** A completed run whose input and user message carry {@link #MEDIA}. */
  public static RunOutput runWithMedia(String sessionId, String runId) {
    RunOutput base = run(sessionId, runId, RunStatus.COMPLETED, 100, "I see a cat.");
    List<RunMessage> messages = List.of(RunMessage.of(Message.user("what is this?", MEDIA), 100),
        base.messages().getLast());
    return new RunOutput(runId, base.kind(), base.componentId(), base.componentName(), null, sessionId,
        base.userId(), base.content(), base.contentType(), null, base.model(), base.modelProvider(),
        base.sessionState(), base.createdAt(), base.status(), base.metrics(), messages, List.of(),
        RunOutput.RunInput.of("what is this?", MEDIA), null, null, List.of(), List.of(), List.of(), base.specVersion());
  }

  /** A memory of {@code userId}. */
  public static UserMemory memory(String memoryId, String text, List<String> topics, @Nullable String userId,
      @Nullable String agentId, long updatedAt) {
    return new UserMemory(memoryId, text, topics, "I said: " + text, userId, agentId, null, updatedAt - 10,
        updatedAt);
  }
}
