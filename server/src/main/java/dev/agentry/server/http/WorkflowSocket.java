package dev.agentry.server.http;

import dev.agentry.engine.event.ComponentKind;
import dev.agentry.engine.event.EventJson;
import dev.agentry.engine.event.RunEvent;
import dev.agentry.engine.event.RunScope;
import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.event.StepRequirement;
import dev.agentry.engine.event.WorkflowEvent;
import dev.agentry.engine.model.WorkflowDef;
import dev.agentry.engine.run.RunHandle;
import dev.agentry.engine.run.RunOutput;
import dev.agentry.engine.run.RunRequest;
import dev.agentry.engine.run.Target;
import dev.agentry.server.AgentOs;
import dev.agentry.server.auth.AuthSettings;
import dev.agentry.server.auth.Authentication;
import dev.agentry.server.auth.Principal;
import dev.agentry.server.auth.SocketAccess;
import dev.agentry.server.sse.RunStream;
import io.javalin.config.RoutesConfig;
import io.javalin.websocket.WsContext;
import io.javalin.websocket.WsHandlerType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Agno's workflow WebSocket {@code /workflows/ws} ({@code agentos-api.md} §3.8): {@code connected} on connect, then
 * JSON messages by {@code action}: {@code authenticate} (the security key, when one is set), {@code ping},
 * {@code start-workflow} and {@code continue-workflow} (the run goes on in the background, feeding the same event
 * buffer as a background stream; its events arrive as text frames holding SSE-formatted text with
 * {@code event_index}), and {@code reconnect} (the {@code replay}/{@code catch_up}/{@code subscribed} meta messages,
 * then events as plain JSON frames). Every failure is an {@code {"event":"error","error":...}} message, never a
 * closed socket.
 */
public final class WorkflowSocket {
  /** The socket's path. */
  public static final String PATH = "/workflows/ws";
  private static final Logger LOG = LoggerFactory.getLogger(WorkflowSocket.class);
  private static final String AUTHED = "agentry.authenticated";
  private static final String PRINCIPAL = "agentry.principal";
  private static final Duration IDLE = Duration.ofSeconds(30);

  private final AgentOs os;

  private WorkflowSocket(AgentOs os) {
    this.os = os;
  }

  /** Registers the socket on a Javalin config. */
  public static void register(RoutesConfig config, AgentOs os) {
    WorkflowSocket socket = new WorkflowSocket(os);
    config.addWsHandler(WsHandlerType.WEBSOCKET, PATH, ws -> {
      ws.onConnect(socket::connected);
      ws.onMessage(ctx -> socket.message(ctx, ctx.message()));
    });
  }

  private void connected(WsContext ctx) {
    ctx.session.setIdleTimeout(Duration.ZERO); // a run may be quiet for a while; the client closes when done
    boolean open = !AuthSettings.of(os).protects();
    ctx.attribute(AUTHED, open);
    send(ctx, fields("event", "connected", "message", open ? "Connected to AgentOS."
        : "Connected to AgentOS. Please authenticate to continue.", "requires_auth", !open));
  }

  private void message(WsContext ctx, String text) {
    JsonNode message = Json.parse(text);
    if (message == null || !message.isObject()) {
      error(ctx, "Invalid JSON message");
      return;
    }
    String action = message.path("action").asString("");
    try {
      switch (action) {
        case "authenticate" -> authenticate(ctx, message.path("token").asString(""));
        case "ping" -> send(ctx, fields("event", "pong"));
        case "start-workflow", "continue-workflow", "reconnect" -> {
          if (!Boolean.TRUE.equals(ctx.attribute(AUTHED))) {
            send(ctx, fields("event", "auth_required",
                "error", "Authentication required. Send authenticate action with valid "
                + (AuthSettings.of(os).jwt() != null ? "JWT." : "bearer token.")));
          } else if (SocketAccess.refusal(os, principal(ctx), action, message) instanceof String refused) {
            error(ctx, refused);
          } else if (action.equals("start-workflow")) {
            start(ctx, message);
          } else if (action.equals("continue-workflow")) {
            continueRun(ctx, message);
          } else {
            reconnect(ctx, message);
          }
        }
        default -> error(ctx, "Unknown action: " + action);
      }
    } catch (ApiException e) {
      error(ctx, String.valueOf(e.detail()));
    } catch (RuntimeException e) {
      LOG.warn("workflow socket action {} failed: {}", action, e.toString());
      error(ctx, Routes.plain(e.getMessage(), "Error running workflow"));
    }
  }

  private void authenticate(WsContext ctx, String token) {
    AuthSettings settings = AuthSettings.of(os);
    if (!settings.protects()) {
      ctx.attribute(AUTHED, true);
      send(ctx, fields("event", "authenticated", "message", "Authentication successful."));
      return;
    }
    if (token.isBlank()) {
      send(ctx, fields("event", "auth_error", "error", "Token is required"));
      return;
    }
    Principal principal;
    try {
      principal = Authentication.authenticate(settings, token.strip());
    } catch (ApiException e) {
      String detail = String.valueOf(e.detail());
      if (settings.jwt() == null) {
        send(ctx, fields("event", "auth_error", "error", detail, "error_type", "auth"));
      } else {
        String error = detail.startsWith("Invalid token: ") ? detail.substring(15) : detail;
        send(ctx, fields("event", "auth_error", "error", error, "error_type",
            error.toLowerCase(java.util.Locale.ROOT).contains("expired") ? "expired" : "invalid_token"));
      }
      return;
    }
    ctx.attribute(AUTHED, true);
    ctx.attribute(PRINCIPAL, principal);
    if (settings.jwt() != null && principal.userId() != null) {
      send(ctx, fields("event", "authenticated", "message", "JWT authentication successful.", "user_id",
          principal.userId()));
    } else {
      send(ctx, fields("event", "authenticated", "message", "Authentication successful."));
    }
  }

  /** Who authenticated on this socket; nobody on an open API. */
  private static Principal principal(WsContext ctx) {
    Principal principal = ctx.attribute(PRINCIPAL);
    return principal == null ? Principal.NOBODY : principal;
  }

  private void start(WsContext ctx, JsonNode message) {
    WorkflowDef workflow = workflow(message.path("workflow_id").asString(""));
    String input = message.path("message").asString("");
    JsonNode structured = workflow.inputSchema() != null ? Json.parse(input) : null;
    String runId = UUID.randomUUID().toString();
    RunRequest request = RunRequest.create(r -> {
      if (structured != null && structured.isObject()) {
        r.input(structured);
      } else {
        r.input(input);
      }
      Principal who = principal(ctx);
      r.runId(runId).sessionId(who.runSessionId(text(message, "session_id")))
          .userId(who.runUserId(text(message, "user_id"))).sessionState(who.runSessionState(null))
          .dependencies(who.runDependencies(null)).stream(true)
          .streamEvents(true);
    });
    os.checkAccepting();
    RunStream events = os.streams().open(runId, true);
    launch(ctx, workflow, events, 0, sink -> os.engine().startBackground(Target.workflow(workflow.id()), request,
        sink));
  }

  private void continueRun(WsContext ctx, JsonNode message) {
    WorkflowDef workflow = workflow(message.path("workflow_id").asString(""));
    String runId = message.path("run_id").asString("");
    JsonNode list = message.path("step_requirements");
    if (list.isString()) {
      list = Json.parse(list.asString());
    }
    if (list == null || !list.isArray()) {
      throw ApiException.badRequest("Invalid JSON in step_requirements field");
    }
    List<StepRequirement> answers = new ArrayList<>();
    for (JsonNode item : list) {
      answers.add(Json.MAPPER.convertValue(item, StepRequirement.class));
    }
    RunOutput paused = os.storeOf(ComponentKind.WORKFLOW, workflow.id()).findRun(runId)
        .filter(r -> r.kind() == ComponentKind.WORKFLOW && r.componentId().equals(workflow.id()))
        .orElseThrow(() -> ApiException.notFound("Run not found"));
    if (paused.status() != RunStatus.PAUSED) {
      throw ApiException.conflict(RunHandlers.notPaused(paused.status()));
    }
    os.checkAccepting();
    RunStream events = os.streams().reopen(runId, true)
        .orElseThrow(() -> ApiException.conflict(RunHandlers.notPaused(RunStatus.RUNNING)));
    long first = events.count();
    launch(ctx, workflow, events, first, sink -> os.engine().continueWorkflow(runId, answers, sink));
  }

  private void reconnect(WsContext ctx, JsonNode message) {
    String runId = message.path("run_id").asString("");
    JsonNode lastNode = message.path("last_event_index");
    long from = lastNode.isNumber() ? lastNode.asLong() + 1 : 0;
    RunStream live = os.streams().find(runId).orElse(null);
    if (live == null) {
      RunOutput stored = os.engine().findRun(runId).filter(r -> r.kind() == ComponentKind.WORKFLOW).orElse(null);
      if (stored == null) {
        send(ctx, fields("event", "error", "error", "Run " + runId + " not found in buffer or database"));
        return;
      }
      List<RunEvent> all = stored.events() == null ? List.of() : stored.events();
      send(ctx, fields("event", "replay", "run_id", runId, "status", stored.status().name(), "total_events",
          all.size(), "message", "Run completed. Replaying all events from database."));
      for (int i = 0; i < all.size(); i++) {
        ctx.send(indexed(all.get(i), i));
      }
      return;
    }
    Thread.ofVirtual().name("ws-reconnect-" + runId).start(() -> follow(ctx, live, runId, from));
  }

  /** Catches a reconnecting client up on the buffer, then follows the run, events as plain JSON frames. */
  private static void follow(WsContext ctx, RunStream live, String runId, long from) {
    try {
      RunStream.Batch missed = live.await(from, Duration.ZERO);
      long total = from + missed.events().size();
      if (missed.ended() != null) {
        send(ctx, fields("event", "replay", "run_id", runId, "status", missed.ended().name(), "total_events",
            missed.events().size(), "message", "Run " + missed.ended().name() + ". Replaying "
                + missed.events().size() + " missed events."));
      } else {
        send(ctx, fields("event", "catch_up", "run_id", runId, "status", "running", "missed_events",
            missed.events().size(), "current_event_count", total, "message", "Catching up on "
                + missed.events().size() + " missed events."));
      }
      long cursor = from;
      for (RunEvent event : missed.events()) {
        ctx.send(indexed(event, cursor++));
      }
      if (missed.ended() != null) {
        return;
      }
      send(ctx, fields("event", "subscribed", "run_id", runId, "status", "running", "current_event_count", total,
          "message", "Subscribed to workflow run. Receiving live events."));
      copy(ctx, live, cursor, false);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.debug("workflow socket closed while following {}: {}", runId, e.toString());
    }
  }

  /** Starts a run feeding {@code events} and copies them to the socket, as SSE text, on a virtual thread. */
  private void launch(WsContext ctx, WorkflowDef workflow, RunStream events, long first,
      Function<RunStream, RunHandle> starter) {
    RunHandle handle;
    try {
      handle = starter.apply(events);
    } catch (RuntimeException e) {
      os.streams().abandon(events);
      throw e;
    }
    handle.future().whenComplete((output, error) -> {
      if (error != null) {
        events.accept(new WorkflowEvent.WorkflowError(RunScope.of(ComponentKind.WORKFLOW, workflow.id(),
            workflow.name(), handle.runId(), handle.sessionId()), System.currentTimeMillis() / 1000,
            "Internal error: " + Routes.reason(error), "InternalError", null, null));
      }
      events.end(output == null ? RunStatus.ERROR : output.status());
    });
    Thread.ofVirtual().name("ws-run-" + handle.runId()).start(() -> {
      try {
        copy(ctx, events, first, true);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        LOG.debug("workflow socket closed during {}: {}", handle.runId(), e.toString()); // the run goes on
      }
    });
  }

  /** Sends the buffer's events from {@code from} until the run ends or the socket closes. */
  private static void copy(WsContext ctx, RunStream events, long from, boolean sse) throws InterruptedException {
    long cursor = from;
    while (ctx.session.isOpen()) {
      RunStream.Batch batch = events.await(cursor, IDLE);
      if (batch.gap()) {
        return;
      }
      for (RunEvent event : batch.events()) {
        String json = indexed(event, cursor++);
        ctx.send(sse ? "event: " + event.name() + "\ndata: " + json + "\n\n" : json);
      }
      if (batch.events().isEmpty() && batch.ended() != null) {
        return;
      }
    }
  }

  private static String indexed(RunEvent event, long index) {
    String json = EventJson.write(event);
    return json.substring(0, json.length() - 1) + ",\"event_index\":" + index + "}";
  }

  private WorkflowDef workflow(String id) {
    return Served.workflow(os.catalog(), id).orElseThrow(() -> ApiException.notFound("Workflow not found"));
  }

  private static @Nullable String text(JsonNode message, String field) {
    JsonNode node = message.path(field);
    return node.isString() && !node.asString().isBlank() ? node.asString() : null;
  }

  private static void error(WsContext ctx, String error) {
    send(ctx, fields("event", "error", "error", error));
  }

  private static void send(WsContext ctx, Map<String, Object> message) {
    ctx.send(Json.MAPPER.writeValueAsString(message));
  }

  private static Map<String, Object> fields(Object... pairs) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }
}
