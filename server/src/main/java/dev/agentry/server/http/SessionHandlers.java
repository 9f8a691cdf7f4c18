package dev.agentry.server.http;

import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.event.Metrics;
import dev.agentry.engine.event.ComponentKind;
import dev.agentry.engine.run.RunOutput;
import dev.agentry.engine.store.Page;
import dev.agentry.engine.store.RunQuery;
import dev.agentry.engine.store.Session;
import dev.agentry.engine.store.SessionQuery;
import dev.agentry.engine.store.SessionType;
import dev.agentry.engine.store.SessionStore;
import dev.agentry.server.AgentOs;
import dev.agentry.server.auth.Isolation;
import dev.agentry.server.auth.Principal;
import dev.agentry.server.http.dto.CreateSessionRequest;
import dev.agentry.server.http.dto.DeleteSessionsRequest;
import dev.agentry.server.http.dto.Paginated;
import dev.agentry.server.http.dto.RenameSessionRequest;
import dev.agentry.server.http.dto.RunSchema;
import dev.agentry.server.http.dto.SessionDetail;
import dev.agentry.server.http.dto.SessionSchema;
import dev.agentry.server.http.dto.UpdateSessionRequest;
import dev.agentry.server.http.dto.WorkflowRunSchema;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The session routes ({@code agentos-api.md} §2.6): list, create, get, update, rename, delete, and the runs of a
 * session. Changes go through {@code SessionStore.updateSession}, so a rename never loses a run's concurrent update
 * of the session state.
 */
final class SessionHandlers {
  private final AgentOs os;

  SessionHandlers(AgentOs os) {
    this.os = os;
  }

  void list(Context ctx) {
    long started = System.nanoTime();
    SessionStore store = Queries.store(os, ctx, true);
    SessionQuery query = new SessionQuery(Queries.sessionType(ctx), Queries.text(ctx, "component_id"),
        Isolation.userId(ctx, Queries.text(ctx, "user_id")), Queries.text(ctx, "session_name"),
        Queries.page(ctx, "created_at", SessionQuery.SORTABLE));
    Page<Session> page = store.listSessions(query);
    ctx.json(Paginated.of(page, s -> SessionSchema.of(s, runsNaming(store, s)), started));
  }

  void create(Context ctx) {
    SessionStore store = Queries.store(os, ctx, false);
    SessionType type = Objects.requireNonNullElse(Queries.sessionType(ctx), SessionType.AGENT);
    CreateSessionRequest body = Objects.requireNonNullElse(Queries.body(ctx, CreateSessionRequest.class, false),
        CreateSessionRequest.EMPTY);
    String id = body.sessionId() == null || body.sessionId().isEmpty() ? UUID.randomUUID().toString()
        : body.sessionId();
    String owner = switch (type) {
      case AGENT -> body.agentId();
      case TEAM -> body.teamId();
      case WORKFLOW -> body.workflowId();
    };
    long now = now();
    // a JWT caller's session is theirs whatever the body says, as Agno's create_session
    String userId = Isolation.userId(ctx, Principal.of(ctx).orElse(Principal.NOBODY).runUserId(body.userId()));
    Session session = new Session(id, type, owner == null ? "" : owner, userId,
        body.sessionName(),
        body.sessionState() == null ? Map.of() : body.sessionState(), body.metadata(), null, Metrics.ZERO,
        os.catalog().version(), now, now);
    if (!store.createSession(session)) {
      throw ApiException.conflict("Session with id '" + id + "' already exists. Use PATCH /sessions/" + id
          + " to update it.");
    }
    ctx.status(201).json(detail(store, session));
  }

  void get(Context ctx) {
    SessionStore store = Queries.store(os, ctx, false);
    ctx.json(detail(store, find(store, ctx)));
  }

  void update(Context ctx) {
    SessionStore store = Queries.store(os, ctx, false);
    UpdateSessionRequest body = Objects.requireNonNull(Queries.body(ctx, UpdateSessionRequest.class, true));
    find(store, ctx);
    long now = now();
    change(store, ctx, s -> new Session(s.sessionId(), s.sessionType(), s.componentId(), s.userId(),
        body.sessionName() != null ? body.sessionName() : s.sessionName(),
        body.sessionState() != null ? body.sessionState() : s.sessionState(),
        body.metadata() != null ? body.metadata() : s.metadata(),
        body.summary() != null ? body.summary() : s.summary(),
        s.metrics(), s.specVersion(), s.createdAt(), now));
  }

  void rename(Context ctx) {
    SessionStore store = Queries.store(os, ctx, false);
    RenameSessionRequest body = Objects.requireNonNull(Queries.body(ctx, RenameSessionRequest.class, true));
    if (body.sessionName() == null) {
      throw ApiException.missing("body", "session_name");
    }
    find(store, ctx);
    long now = now();
    change(store, ctx, s -> s.withName(body.sessionName(), now));
  }

  void delete(Context ctx) {
    SessionStore store = Queries.store(os, ctx, false);
    deleteOwned(store, ctx.pathParam("session_id"), Isolation.userId(ctx, Queries.text(ctx, "user_id")));
    ctx.status(204);
  }

  void deleteMany(Context ctx) {
    SessionStore store = Queries.store(os, ctx, false);
    DeleteSessionsRequest body = Objects.requireNonNull(Queries.body(ctx, DeleteSessionsRequest.class, true));
    if (body.sessionIds() == null) {
      throw ApiException.missing("body", "session_ids");
    }
    if (body.sessionTypes() == null) {
      throw ApiException.missing("body", "session_types");
    }
    for (int i = 0; i < body.sessionTypes().size(); i++) {
      String type = body.sessionTypes().get(i);
      if (type == null || SessionType.fromWireName(type).isEmpty()) {
        throw Queries.invalidAt("body", "enum", "session_types", "Input should be 'agent', 'team' or 'workflow'",
            type, Map.of("expected", "'agent', 'team' or 'workflow'"));
      }
    }
    if (body.sessionIds().size() != body.sessionTypes().size()) {
      throw ApiException.badRequest("Session IDs and session types must have the same length");
    }
    String userId = Isolation.userId(ctx, Queries.text(ctx, "user_id"));
    body.sessionIds().stream().filter(Objects::nonNull).forEach(id -> deleteOwned(store, id, userId));
    ctx.status(204);
  }

  void runs(Context ctx) {
    SessionStore store = Queries.store(os, ctx, false);
    String id = ctx.pathParam("session_id");
    SessionType type = Queries.sessionType(ctx);
    String userId = Isolation.userId(ctx, Queries.text(ctx, "user_id"));
    Long after = Queries.longValue(ctx, "created_after");
    Long before = Queries.longValue(ctx, "created_before");
    store.findSession(id).filter(s -> matches(s, type, userId))
        .orElseThrow(() -> ApiException.notFound("Session with ID " + id + " not found"));
    // top-level runs only: a team run holds its members' runs (member_responses), and Agent UI shows one turn per run
    List<RunOutput> runs = store.listRuns(new RunQuery(id, null, null, after, before, 0).topLevel());
    ctx.json(runs.stream().map(this::schema).toList());
  }

  /**
   * A run as listed; a run in flight shows the answer streamed so far, so that Agent UI, which fetches a new
   * session's runs while its first run streams, keeps showing the answer.
   */
  private Object schema(RunOutput run) {
    if (run.kind() == ComponentKind.WORKFLOW) {
      return WorkflowRunSchema.of(run); // Agno's WorkflowRunSchema; its content arrives with its last step
    }
    RunSchema schema = RunSchema.of(run);
    if (run.status() != RunStatus.RUNNING) {
      return schema;
    }
    return os.streams().find(run.runId()).map(s -> schema.withContent(s.contentSoFar())).orElse(schema);
  }

  void run(Context ctx) {
    SessionStore store = Queries.store(os, ctx, false);
    String id = ctx.pathParam("session_id");
    String runId = ctx.pathParam("run_id");
    SessionType type = Queries.sessionType(ctx);
    String userId = Isolation.userId(ctx, Queries.text(ctx, "user_id"));
    store.findSession(id).filter(s -> matches(s, type, userId))
        .orElseThrow(() -> ApiException.notFound("Session with ID " + id + " not found"));
    List<RunOutput> runs = store.listRuns(id);
    if (runs.isEmpty()) {
      throw ApiException.notFound("Session with ID " + id + " has no runs");
    }
    RunOutput run = runs.stream().filter(r -> r.runId().equals(runId)).findFirst()
        .orElseThrow(() -> ApiException.notFound("Run with ID " + runId + " not found in session " + id));
    ctx.json(run.kind() == ComponentKind.WORKFLOW ? WorkflowRunSchema.of(run) : RunSchema.of(run));
  }

  /**
   * The session the path names, filtered by the optional {@code type} and {@code user_id}; the contract's 404 ("Agent
   * Session with id ..." when a type was asked for) otherwise.
   */
  private static Session find(SessionStore store, Context ctx) {
    String id = ctx.pathParam("session_id");
    SessionType type = Queries.sessionType(ctx);
    String userId = Isolation.userId(ctx, Queries.text(ctx, "user_id"));
    return store.findSession(id).filter(s -> matches(s, type, userId))
        .orElseThrow(() -> notFound(id, type));
  }

  /** Applies {@code change} atomically and answers with the stored result. */
  private void change(SessionStore store, Context ctx, UnaryOperator<Session> change) {
    String id = ctx.pathParam("session_id");
    Session changed = store.updateSession(id, change)
        .orElseThrow(() -> notFound(id, Queries.sessionType(ctx)));
    ctx.json(detail(store, changed));
  }

  private static void deleteOwned(SessionStore store, String id, @Nullable String userId) {
    if (userId == null || store.findSession(id).filter(s -> userId.equals(s.userId())).isPresent()) {
      store.deleteSession(id);
    }
  }

  private SessionDetail detail(SessionStore store, Session session) {
    return SessionDetail.of(session, store.listRuns(session.sessionId()), os.catalog());
  }

  /** The runs of a session, read only when they are needed to name it. */
  private static List<RunOutput> runsNaming(SessionStore store, Session session) {
    return SessionSchema.needsRuns(session) ? store.listRuns(session.sessionId()) : List.of();
  }

  private static boolean matches(Session session, @Nullable SessionType type, @Nullable String userId) {
    return (type == null || session.sessionType() == type) && (userId == null || userId.equals(session.userId()));
  }

  private static ApiException notFound(String id, @Nullable SessionType type) {
    String prefix = type == null ? "" : Character.toUpperCase(type.wireName().charAt(0)) + type.wireName().substring(1)
        + " ";
    return ApiException.notFound(prefix + "Session with id '" + id + "' not found");
  }

  private static long now() {
    return Instant.now().getEpochSecond();
  }
}
