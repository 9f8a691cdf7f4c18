package dev.agentry.server.http;

import dev.agentry.engine.event.ComponentKind;
import dev.agentry.engine.event.RunEvent;
import dev.agentry.engine.event.RunScope;
import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.event.ToolExecution;
import dev.agentry.engine.event.WorkflowEvent;
import dev.agentry.engine.llm.Media;
import dev.agentry.engine.model.Catalog;
import dev.agentry.engine.model.Participant;
import dev.agentry.engine.event.StepRequirement;
import dev.agentry.engine.run.InvalidAnswerException;
import dev.agentry.engine.run.InvalidInputException;
import dev.agentry.engine.run.RunHandle;
import dev.agentry.engine.run.RunOutput;
import dev.agentry.engine.run.RunOutputResponse;
import dev.agentry.engine.run.RunRequest;
import dev.agentry.engine.run.Target;
import dev.agentry.engine.store.InstanceLease;
import dev.agentry.engine.store.RunQuery;
import dev.agentry.engine.store.SessionStore;
import dev.agentry.server.AgentOs;
import dev.agentry.server.auth.Isolation;
import dev.agentry.server.auth.Principal;
import dev.agentry.server.http.dto.RunSchema;
import dev.agentry.server.http.dto.WorkflowRunOutput;
import dev.agentry.server.http.dto.WorkflowRunSchema;
import org.jspecify.annotations.Nullable;
import dev.agentry.server.sse.Resume;
import dev.agentry.server.sse.RunStream;
import dev.agentry.server.sse.SseWriter;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * The run routes of an agent, a team or a workflow ({@code agentos-api.md} §2.2-§2.5): create (SSE, JSON or
 * background), list, get, cancel, continue (human in the loop) and resume. Runs execute in the engine on their own
 * virtual threads; these handlers only translate HTTP to run requests and copy events out at the client's pace. One
 * instance serves one kind: the routes differ only in the path parameter, the 404 text, how a continue sends its
 * answers (a workflow's as {@code step_requirements}) and the run dict (a workflow's is {@link WorkflowRunOutput}).
 */
final class RunHandlers {
  private final AgentOs os;
  private final ComponentKind kind;

  RunHandlers(AgentOs os, ComponentKind kind) {
    this.os = os;
    this.kind = kind;
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
    Owner target = owner(ctx);
    List<Media> media = new ArrayList<>(Uploads.of(form.files()));
    media.addAll(MediaFields.of(form));
    JsonNode structured = target.inputSchema() != null ? Json.parse(message) : null;
    if (structured != null) {
      InputText.check(structured, List.of("body", "message"));
    }
    String runId = UUID.randomUUID().toString();
    Principal who = Principal.of(ctx).orElse(Principal.NOBODY);
    String sessionId = who.runSessionId(form.optional("session_id"));
    RunRequest request = RunRequest.create(r -> {
      if (structured != null && structured.isObject()) {
        r.input(structured);
      } else {
        r.input(message);
      }
      r.runId(runId).sessionId(sessionId)
          .userId(Isolation.userId(ctx, who.runUserId(form.optional("user_id"))))
          .sessionState(who.runSessionState(state))
          .dependencies(who.runDependencies(dependencies)).metadata(metadata).outputSchema(outputSchema).stream(stream)
          .streamEvents(streamEvents == null && stream ? Boolean.TRUE : streamEvents).media(media);
    });
    Isolation.requireOwnSession(ctx, os.storeOf(kind, target.id()), sessionId, "Session not found");
    os.checkAccepting();
    Target what = new Target(kind, target.id());
    try {
      if (!stream && !background) {
        AtomicReference<RunEvent.@Nullable RunError> refused = new AtomicReference<>();
        RunOutput output = os.engine().run(what, request, event -> {
          if (event instanceof RunEvent.RunError e && e.scope().parentRunId() == null && isCheck(e.errorType())) {
            refused.set(e);
          }
        });
        if (refused.get() != null) { // a guardrail refused the input or output: Agno answers 400 with its message
          throw ApiException.badRequest(refused.get().content());
        }
        ctx.json(response(output));
        return;
      }
      RunStream events = os.streams().open(runId, background);
      RunHandle handle = start(events, target, sink -> background
          ? os.engine().startBackground(what, request, sink) : os.engine().start(what, request, sink));
      if (!stream) {
        accepted(ctx, handle, RunStatus.PENDING);
        return;
      }
      stream(ctx, events, 0, handle, background);
    } catch (InvalidInputException e) {
      String fallback = "Input does not match the workflow's input_schema";
      throw ApiException.of(422, Routes.plain(e.getMessage(), fallback).equals(fallback) ? fallback
          : e.getMessage().strip());
    }
  }

  void list(Context ctx) {
    String id = owner(ctx).id();
    String sessionId = Queries.required(ctx, "session_id");
    String status = ctx.queryParam("status");
    SessionStore store = os.storeOf(kind, id);
    store.findSession(sessionId).filter(s -> Isolation.owns(ctx, s.userId()))
        .orElseThrow(() -> ApiException.notFound("Session not found"));
    ctx.json(store.listRuns(RunQuery.ofSession(sessionId).ofComponent(kind, id)).stream()
        .filter(r -> status == null || status.isEmpty() || r.status().name().equalsIgnoreCase(status))
        .map(r -> kind == ComponentKind.WORKFLOW ? (Object) WorkflowRunSchema.of(r) : RunSchema.of(r)).toList());
  }

  void get(Context ctx) {
    String id = owner(ctx).id();
    String runId = ctx.pathParam("run_id");
    String sessionId = Queries.required(ctx, "session_id");
    Isolation.requireOwnRun(ctx, os.storeOf(kind, id), sessionId, runId);
    RunOutput run = os.storeOf(kind, id).findRun(runId).orElse(null);
    if (run != null) {
      if (!ofThis(run, id)) {
        throw ApiException.notFound("Run not found"); // another component's run, a team's member runs included
      }
      ctx.json(response(run));
      return;
    }
    RunStream live = os.streams().find(runId).orElseThrow(() -> ApiException.notFound("Run not found"));
    Map<String, Object> pending = new LinkedHashMap<>();
    pending.put("run_id", runId);
    pending.put(kind.wireName() + "_id", id);
    pending.put("session_id", ctx.queryParam("session_id"));
    pending.put("status", live.endStatus() == null ? "RUNNING" : live.endStatus().name());
    ctx.json(pending);
  }

  void cancel(Context ctx) {
    String id = owner(ctx).id();
    Isolation.requireOwnRun(ctx, os.storeOf(kind, id), ctx.queryParam("session_id"), ctx.pathParam("run_id"));
    os.engine().cancel(ctx.pathParam("run_id"));
    ctx.json(Map.of());
  }

  void continueRun(Context ctx) {
    Forms form = Forms.of(ctx, os.settings().maxRequestBytes());
    Owner target = owner(ctx);
    String runId = ctx.pathParam("run_id");
    Isolation.requireOwnRun(ctx, os.storeOf(kind, target.id()), form.optional("session_id"), runId);
    List<ToolExecution> answers = switch (kind) {
      case AGENT -> ContinueAnswers.ofTools(form);
      case TEAM -> ContinueAnswers.ofRequirements(form);
      case WORKFLOW -> List.of();
    };
    List<StepRequirement> steps = kind == ComponentKind.WORKFLOW ? ContinueAnswers.ofStepRequirements(form)
        : List.of();
    if (form.optional("session_id") == null) {
      throw ApiException.badRequest("session_id is required for this action");
    }
    boolean stream = form.bool("stream", true);
    boolean background = form.bool("background", false);
    RunOutput paused = os.storeOf(kind, target.id()).findRun(runId).filter(r -> ofThis(r, target.id()))
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
      handle = start(events, target, sink -> kind == ComponentKind.WORKFLOW
          ? os.engine().continueWorkflow(runId, steps, streamEvents(form, stream), sink)
          : os.engine().continueRun(runId, answers, sink));
    } catch (InvalidAnswerException e) {
      throw ApiException.badRequest("Invalid structure or content for "
          + (kind == ComponentKind.WORKFLOW ? "step_requirements" : "tools") + ": "
          + Routes.plain(e.getMessage(), "an answer the run waits for is missing"));
    }
    if (stream) {
      stream(ctx, events, first, handle, background);
    } else if (background) {
      accepted(ctx, handle, RunStatus.RUNNING); // not stored as PENDING first: the paused run is taken up at once
    } else {
      ctx.json(response(handle.await()));
    }
  }

  /**
   * Replays and follows a run's events ({@code agentos-api.md} §3.7): from this instance's buffer when it runs (or
   * recently ran) the run; forwarded to the instance that runs it when that is another live one on the same database
   * ({@link ResumeForward}); else from the store.
   */
  void resume(Context ctx) {
    Forms form = Forms.of(ctx, os.settings().maxRequestBytes());
    String id = owner(ctx).id();
    String runId = ctx.pathParam("run_id");
    Integer last = form.integer("last_event_index");
    long from = last == null ? 0 : last + 1L;
    String sessionId = form.optional("session_id");
    Isolation.requireOwnRun(ctx, os.storeOf(kind, id), sessionId, runId);
    // every run is stored from its start: one of another agent or team (a team's member run too) is not found here
    SessionStore store = os.storeOf(kind, id);
    RunOutput stored = store.findRun(runId).orElse(null);
    boolean ours = stored == null || ofThis(stored, id);
    RunStream live = ours ? os.streams().find(runId).orElse(null) : null;
    if (live == null && ours && stored != null && !ResumeForward.forwarded(ctx)) {
      String owner = otherOwnerUrl(store, stored);
      if (owner != null && ResumeForward.forward(ctx, owner, form.fields(), os.instance().id())) {
        return; // another instance runs it: its live stream, streamed through
      }
    }
    try {
      SseWriter out = SseWriter.open(ctx, true);
      if (live != null) {
        Resume.fromBuffer(out, live, runId, from, last, kind.wireName());
      } else {
        Resume.fromStore(out, ours && sessionId != null ? stored : null, runId);
      }
    } catch (java.io.IOException e) {
      // the client went away; nothing to cancel, a resumed stream does not own its run
    }
  }

  /**
   * The URL of the instance running {@code run} when that is another live instance (one whose lease has not ended)
   * that advertises one; null when the run is not in flight, is this instance's, or its owner is gone.
   */
  private @Nullable String otherOwnerUrl(SessionStore store, RunOutput run) {
    String owner = run.instanceId();
    if ((run.status() != RunStatus.RUNNING && run.status() != RunStatus.PENDING) || owner == null
        || owner.equals(os.instance().id())) {
      return null;
    }
    return store.liveInstances(java.time.Instant.now()).stream().filter(lease -> lease.instanceId().equals(owner))
        .map(InstanceLease::url).filter(java.util.Objects::nonNull).findFirst().orElse(null);
  }

  /** Starts a run feeding {@code events}, and marks the buffer ended when the run ends however it ends. */
  private RunHandle start(RunStream events, Owner target, Function<RunStream, RunHandle> starter) {
    RunHandle handle;
    try {
      handle = starter.apply(events);
    } catch (RuntimeException e) {
      os.streams().abandon(events); // ended and dropped, background or not: no /resume may wait on it
      throw e;
    }
    handle.future().whenComplete((output, error) -> {
      if (error != null) {
        RunScope scope = RunScope.of(kind, target.id(), target.name(), handle.runId(), handle.sessionId());
        long now = System.currentTimeMillis() / 1000;
        String text = "Internal error: " + Routes.reason(error);
        events.accept(kind == ComponentKind.WORKFLOW // Agno's workflows end such a stream with WorkflowError
            ? new WorkflowEvent.WorkflowError(scope, now, text, "InternalError", null, null)
            : new RunEvent.RunError(scope, now, text, "InternalError", null, null));
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
  private void stream(Context ctx, RunStream events, long first, RunHandle handle, boolean background) {
    boolean complete;
    try {
      SseWriter out = SseWriter.open(ctx, background);
      complete = out.copy(events, first, false);
      if (complete && kind == ComponentKind.WORKFLOW) {
        pausedRunDict(out, handle);
      }
    } catch (java.io.IOException e) {
      complete = false; // the client went away before the headers were sent
    }
    if (!complete && !background) {
      handle.cancel();
    }
  }

  /**
   * After a paused workflow's stream, Agno appends a legacy {@code event: WorkflowRunOutput} whose data is the whole
   * run dict ({@code agentos-api.md} §3.4); a run that ended otherwise gets nothing more.
   */
  private static void pausedRunDict(SseWriter out, RunHandle handle) throws java.io.IOException {
    RunOutput run = handle.future().getNow(null);
    if (run != null && run.status() == RunStatus.PAUSED) {
      out.data("WorkflowRunOutput", Json.MAPPER.writeValueAsString(WorkflowRunOutput.of(run)));
    }
  }

  /** A run as its kind's run routes answer it: an agent's or team's run dict, or a workflow's. */
  private Object response(RunOutput run) {
    return kind == ComponentKind.WORKFLOW ? WorkflowRunOutput.of(run) : RunOutputResponse.of(run);
  }

  /** What a run route needs of the agent, team or workflow it names. */
  private record Owner(String id, String name, @Nullable JsonNode inputSchema) {
    static Owner of(Participant participant) {
      return new Owner(participant.id(), participant.name(), participant.inputSchema());
    }
  }

  /** The agent, team or workflow the path names, in the live catalog; the contract's 404 when there is none. */
  private Owner owner(Context ctx) {
    Catalog catalog = os.catalog();
    return switch (kind) {
      case AGENT -> Served.agent(catalog, ctx.pathParam("agent_id")).map(a -> Owner.of(a.participant()))
          .orElseThrow(() -> ApiException.notFound("Agent not found"));
      case TEAM -> Served.team(catalog, ctx.pathParam("team_id")).map(t -> Owner.of(t.leader()))
          .orElseThrow(() -> ApiException.notFound("Team not found"));
      case WORKFLOW -> Served.workflow(catalog, ctx.pathParam("workflow_id"))
          .map(w -> new Owner(w.id(), w.name(), w.inputSchema()))
          .orElseThrow(() -> ApiException.notFound("Workflow not found"));
    };
  }

  /** True when {@code run} is a run of this route's agent or team (not a member run of the same id). */
  private boolean ofThis(RunOutput run, String id) {
    return run.kind() == kind && run.componentId().equals(id);
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

  /** The {@code stream_events} form field; as Agno's, true by default on a streamed request. */
  private static @Nullable Boolean streamEvents(Forms form, boolean stream) {
    Boolean given = form.optionalBool("stream_events");
    return given == null && stream ? Boolean.TRUE : given;
  }

  /** Agno's guardrail refusals ({@code InputCheckError}, {@code OutputCheckError}). */
  private static boolean isCheck(String errorType) {
    return "input_check_error".equals(errorType) || "output_check_error".equals(errorType);
  }
}
