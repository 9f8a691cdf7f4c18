package dev.agentry.server.http;

import dev.agentry.engine.event.RunEvent;
import dev.agentry.engine.event.RunScope;
import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.event.ToolExecution;
import dev.agentry.engine.llm.Media;
import dev.agentry.engine.model.AgentDef;
import dev.agentry.engine.run.InvalidAnswerException;
import dev.agentry.engine.run.RunHandle;
import dev.agentry.engine.run.RunOutput;
import dev.agentry.engine.run.RunOutputResponse;
import dev.agentry.engine.run.RunRequest;
import dev.agentry.server.AgentOs;
import dev.agentry.server.http.dto.RunSchema;
import dev.agentry.server.sse.Resume;
import dev.agentry.server.sse.RunStream;
import dev.agentry.server.sse.SseWriter;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The run routes of an agent ({@code agentos-api.md} §2.2, §2.5): create (SSE, JSON or background), list, get,
 * cancel, continue (human in the loop) and resume. Runs execute in the engine on their own virtual threads; these
 * handlers only translate HTTP to run requests and copy events out at the client's pace.
 */
final class RunHandlers {
  private final AgentOs os;

  RunHandlers(AgentOs os) {
    this.os = os;
  }

  void create(Context ctx) {
    Forms form = Forms.of(ctx, os.settings().maxRequestBytes());
    String message = form.required("message");
    boolean stream = form.bool("stream", true);
    boolean background = form.bool("background", false);
    Boolean streamEvents = form.optionalBool("stream_events");
    Map<String, Object> state = form.object("session_state");
    Map<String, Object> dependencies = form.object("dependencies");
    Map<String, Object> metadata = form.object("metadata");
    JsonNode outputSchema = form.json("output_schema");
    if (outputSchema != null && !outputSchema.isObject()) {
      throw ApiException.badRequest("Invalid JSON in output_schema field: expected a JSON Schema object");
    }
    AgentDef agent = AgentHandlers.agent(os, ctx.pathParam("agent_id"));
    List<Media> media = new ArrayList<>(Uploads.of(form.files()));
    media.addAll(MediaFields.of(form));
    JsonNode structured = agent.inputSchema() != null ? Json.parse(message) : null;
    if (structured != null) {
      InputText.check(structured, List.of("body", "message"));
    }
    String runId = UUID.randomUUID().toString();
    RunRequest request = RunRequest.create(r -> {
      if (structured != null && structured.isObject()) {
        r.input(structured);
      } else {
        r.input(message);
      }
      r.runId(runId).sessionId(form.optional("session_id")).userId(form.optional("user_id")).sessionState(state)
          .dependencies(dependencies).metadata(metadata).outputSchema(outputSchema).stream(stream)
          .streamEvents(streamEvents == null && stream ? Boolean.TRUE : streamEvents).media(media);
    });
    os.checkAccepting();
    if (!stream && !background) {
      ctx.json(RunOutputResponse.of(os.engine().run(agent.id(), request)));
      return;
    }
    RunStream events = os.streams().open(runId, background);
    RunHandle handle = start(events, agent.id(), sink -> background
        ? os.engine().startBackground(agent.id(), request, sink) : os.engine().start(agent.id(), request, sink));
    if (!stream) {
      accepted(ctx, handle, RunStatus.PENDING);
      return;
    }
    stream(ctx, events, 0, handle, background);
  }

  void list(Context ctx) {
    String agentId = AgentHandlers.agent(os, ctx.pathParam("agent_id")).id();
    String sessionId = Queries.required(ctx, "session_id");
    String status = ctx.queryParam("status");
    os.store().findSession(sessionId).orElseThrow(() -> ApiException.notFound("Session not found"));
    ctx.json(os.store().listRuns(sessionId).stream()
        .filter(r -> r.componentId().equals(agentId))
        .filter(r -> status == null || status.isEmpty() || r.status().name().equalsIgnoreCase(status))
        .map(RunSchema::of).toList());
  }

  void get(Context ctx) {
    String agentId = AgentHandlers.agent(os, ctx.pathParam("agent_id")).id();
    String runId = ctx.pathParam("run_id");
    Queries.required(ctx, "session_id");
    RunOutput run = os.store().findRun(runId).filter(r -> r.componentId().equals(agentId)).orElse(null);
    if (run != null) {
      ctx.json(RunOutputResponse.of(run));
      return;
    }
    RunStream live = os.streams().find(runId).orElseThrow(() -> ApiException.notFound("Run not found"));
    Map<String, Object> pending = new LinkedHashMap<>();
    pending.put("run_id", runId);
    pending.put("agent_id", agentId);
    pending.put("session_id", ctx.queryParam("session_id"));
    pending.put("status", live.endStatus() == null ? "RUNNING" : live.endStatus().name());
    ctx.json(pending);
  }

  void cancel(Context ctx) {
    AgentHandlers.agent(os, ctx.pathParam("agent_id"));
    os.engine().cancel(ctx.pathParam("run_id"));
    ctx.json(Map.of());
  }

  void continueRun(Context ctx) {
    Forms form = Forms.of(ctx, os.settings().maxRequestBytes());
    String agentId = AgentHandlers.agent(os, ctx.pathParam("agent_id")).id();
    String runId = ctx.pathParam("run_id");
    List<ToolExecution> answers = tools(form);
    if (form.optional("session_id") == null) {
      throw ApiException.badRequest("session_id is required for this action");
    }
    boolean stream = form.bool("stream", true);
    boolean background = form.bool("background", false);
    RunOutput paused = os.store().findRun(runId).filter(r -> r.componentId().equals(agentId))
        .orElseThrow(() -> ApiException.notFound("Run not found"));
    if (paused.status() != RunStatus.PAUSED) {
      throw ApiException.conflict(notPaused(paused.status()));
    }
    os.checkAccepting();
    // one continuation at a time: a live buffer means another continue runs the run, and is left alone
    RunStream events = os.streams().reopen(runId, background)
        .orElseThrow(() -> ApiException.conflict(notPaused(RunStatus.RUNNING)));
    long first = events.count(); // the continuation numbers its events on from the paused part's
    RunHandle handle;
    try {
      handle = start(events, agentId, sink -> os.engine().continueRun(runId, answers, sink));
    } catch (InvalidAnswerException e) {
      throw ApiException.badRequest("Invalid structure or content for tools: "
          + Routes.plain(e.getMessage(), "an answer the run waits for is missing"));
    }
    if (stream) {
      stream(ctx, events, first, handle, background);
    } else if (background) {
      accepted(ctx, handle, RunStatus.RUNNING); // not stored as PENDING first: the paused run is taken up at once
    } else {
      ctx.json(RunOutputResponse.of(handle.await()));
    }
  }

  void resume(Context ctx) {
    Forms form = Forms.of(ctx, os.settings().maxRequestBytes());
    AgentHandlers.agent(os, ctx.pathParam("agent_id"));
    String runId = ctx.pathParam("run_id");
    Integer last = form.integer("last_event_index");
    long from = last == null ? 0 : last + 1L;
    String sessionId = form.optional("session_id");
    RunStream live = os.streams().find(runId).orElse(null);
    try {
      SseWriter out = SseWriter.open(ctx, true);
      if (live != null) {
        Resume.fromBuffer(out, live, runId, from, last);
      } else {
        RunOutput stored = sessionId == null ? null : os.store().findRun(runId).orElse(null);
        Resume.fromStore(out, stored, runId);
      }
    } catch (java.io.IOException e) {
      // the client went away; nothing to cancel, a resumed stream does not own its run
    }
  }

  /** Starts a run feeding {@code events}, and marks the buffer ended when the run ends however it ends. */
  private RunHandle start(RunStream events, String agentId, Function<RunStream, RunHandle> starter) {
    RunHandle handle;
    try {
      handle = starter.apply(events);
    } catch (RuntimeException e) {
      os.streams().abandon(events); // ended and dropped, background or not: no /resume may wait on it
      throw e;
    }
    handle.future().whenComplete((output, error) -> {
      if (error != null) {
        events.accept(new RunEvent.RunError(RunScope.of(agentId, agentId, handle.runId(), handle.sessionId()),
            System.currentTimeMillis() / 1000, "Internal error: " + Routes.reason(error), "InternalError", null,
            null));
      }
      events.end(output == null ? RunStatus.ERROR : output.status());
      if (!events.background()) {
        os.streams().close(events);
      }
    });
    return handle;
  }

  /** Answers 202 with the run's ids, for a background run the client polls ({@code agentos-api.md} §2.5.4). */
  private static void accepted(Context ctx, RunHandle handle, RunStatus status) {
    ctx.status(202).json(Map.of("run_id", handle.runId(), "session_id", handle.sessionId(), "status", status.name()));
  }

  /**
   * Streams a run's events from index {@code first} to the client; a foreground run whose client goes away is
   * cancelled, as in Agno.
   */
  private static void stream(Context ctx, RunStream events, long first, RunHandle handle, boolean background) {
    boolean complete;
    try {
      complete = SseWriter.open(ctx, background).copy(events, first, false);
    } catch (java.io.IOException e) {
      complete = false; // the client went away before the headers were sent
    }
    if (!complete && !background) {
      handle.cancel();
    }
  }

  private static List<ToolExecution> tools(Forms form) {
    String text = form.text("tools");
    if (text == null || text.isBlank()) {
      return List.of();
    }
    JsonNode node = Json.parse(text);
    if (node == null) {
      throw ApiException.badRequest("Invalid JSON in tools field");
    }
    InputText.check(node, List.of("body", "tools"));
    try {
      if (!node.isArray()) {
        throw ApiException.badRequest("Invalid structure or content for tools: expected a list of tool executions");
      }
      return Json.MAPPER.convertValue(node, Json.MAPPER.getTypeFactory()
          .constructCollectionType(List.class, ToolExecution.class));
    } catch (JacksonException | IllegalArgumentException e) {
      throw ApiException.badRequest("Invalid structure or content for tools: "
          + (e instanceof JacksonException j ? JsonErrors.describe(j) : "not a list of tool executions"));
    }
  }

  /** The contract's 409 detail for a continue of a run in {@code status} ({@code agentos-api.md} §2.4). */
  static String notPaused(RunStatus status) {
    return switch (status) {
      case COMPLETED -> "run is already completed";
      case RUNNING, PENDING -> "run is already running";
      case ERROR -> "run has errored";
      case CANCELLED -> "run is already cancelled";
      case PAUSED -> "run is paused";
    };
  }
}
