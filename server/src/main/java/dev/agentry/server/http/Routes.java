package dev.agentry.server.http;

import static dev.agentry.server.auth.Access.PUBLIC;
import static dev.agentry.server.auth.Access.resource;
import static dev.agentry.server.auth.Access.scope;

import dev.agentry.engine.EngineException;
import dev.agentry.engine.event.ComponentKind;
import dev.agentry.engine.model.NotFoundException;
import dev.agentry.engine.run.RunNotPausedException;
import dev.agentry.engine.store.StoreException;
import dev.agentry.server.AgentOs;
import dev.agentry.server.auth.Access;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.router.EndpointNotFound;
import io.javalin.security.RouteRole;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single route table of the API ({@code agentos-api.md} §2, plus Agentry's {@code /specs}), and the one place
 * where failures become the contract's error body {@code {"detail": ...}} (STYLE §19).
 */
public final class Routes {
  private static final Logger LOG = LoggerFactory.getLogger(Routes.class);

  /** The detail of a 413: the body is over {@code ServerSettings.maxRequestBytes}. */
  static final String TOO_LARGE = "Request body too large";

  /** What gives a Java type away in a message: a package-qualified name, or an exception's class name. */
  private static final java.util.regex.Pattern JAVA_NAMES = java.util.regex.Pattern.compile(
      "\\b(dev\\.agentry|java[x]?\\.|jakarta\\.|tools\\.jackson|com\\.fasterxml|org\\.eclipse|io\\.javalin|kotlin\\.)"
          + "|[A-Za-z]+(Exception|Error)\\b|`");

  /**
   * One route: method, Javalin path, handler, the words the API document shows for it, and what it requires of its
   * caller ({@link Access#PUBLIC}, or its scopes and resource checks, {@code agentos-api.md} §5.4), registered as its
   * Javalin route roles.
   */
  public record Route(HandlerType method, String path, Handler handler, String tag, String summary,
      List<Access> access) {
    public Route {
      access = List.copyOf(access);
    }
  }

  private Routes() {}

  /** Every route of the API, in the contract's order. */
  public static List<Route> table(AgentOs os) {
    OsHandlers home = new OsHandlers(os);
    AgentHandlers agents = new AgentHandlers(os);
    RunHandlers runs = new RunHandlers(os, ComponentKind.AGENT);
    RunHandlers teamRuns = new RunHandlers(os, ComponentKind.TEAM);
    RunHandlers workflowRuns = new RunHandlers(os, ComponentKind.WORKFLOW);
    ComponentHandlers components = new ComponentHandlers(os);
    SessionHandlers sessions = new SessionHandlers(os);
    MemoryHandlers memories = new MemoryHandlers(os);
    MetricsHandlers metrics = new MetricsHandlers(os);
    KnowledgeHandlers knowledge = new KnowledgeHandlers(os);
    SpecHandlers specs = new SpecHandlers(os);
    DocsHandlers docs = new DocsHandlers(os);
    return List.of(
        get("/", home::root, "Core", "API name, id and version", PUBLIC),
        get("/health", home::health, "Core", "Health check", PUBLIC),
        get("/info", home::info, "Core", "AgentOS id, counts and auth mode", PUBLIC),
        get("/config", home::config, "Core", "AgentOS configuration", scope("config:read")),
        get("/models", home::models, "Core", "Models in use", scope("config:read")),

        get("/agents", agents::list, "Agents", "List agents", scope("agents:read")),
        get("/agents/{agent_id}", agents::get, "Agents", "Get an agent",
            scope("agents:read"), resource("agents", "read")),
        post("/agents/{agent_id}/runs", runs::create, "Agents", "Run an agent (form data; SSE when stream=true)",
            scope("agents:run"), resource("agents", "run")),
        get("/agents/{agent_id}/runs", runs::list, "Agents", "Runs of an agent in a session",
            scope("agents:read"), resource("agents", "run")),
        get("/agents/{agent_id}/runs/{run_id}", runs::get, "Agents", "Get a run",
            scope("agents:read"), resource("agents", "run")),
        post("/agents/{agent_id}/runs/{run_id}/cancel", runs::cancel, "Agents", "Cancel a run",
            scope("agents:run"), resource("agents", "run")),
        post("/agents/{agent_id}/runs/{run_id}/continue", runs::continueRun, "Agents",
            "Continue a paused run (human in the loop)", scope("agents:run"), resource("agents", "run")),
        post("/agents/{agent_id}/runs/{run_id}/resume", runs::resume, "Agents",
            "Resume a run's event stream from an event index", resource("agents", "run")),

        get("/teams", components::listTeams, "Teams", "List teams", scope("teams:read")),
        get("/teams/{team_id}", components::getTeam, "Teams", "Get a team",
            scope("teams:read"), resource("teams", "read")),
        post("/teams/{team_id}/runs", teamRuns::create, "Teams", "Run a team (form data; SSE when stream=true)",
            scope("teams:run"), resource("teams", "run")),
        get("/teams/{team_id}/runs", teamRuns::list, "Teams", "Runs of a team in a session",
            scope("teams:read"), resource("teams", "run")),
        get("/teams/{team_id}/runs/{run_id}", teamRuns::get, "Teams", "Get a team run",
            scope("teams:read"), resource("teams", "run")),
        post("/teams/{team_id}/runs/{run_id}/cancel", teamRuns::cancel, "Teams", "Cancel a team run and its members",
            scope("teams:run"), resource("teams", "run")),
        post("/teams/{team_id}/runs/{run_id}/continue", teamRuns::continueRun, "Teams",
            "Continue a paused team run (human in the loop, also in a member)",
            scope("teams:run"), resource("teams", "run")),
        post("/teams/{team_id}/runs/{run_id}/resume", teamRuns::resume, "Teams",
            "Resume a team run's event stream from an event index", resource("teams", "run")),
        get("/workflows", components::listWorkflows, "Workflows", "List workflows", scope("workflows:read")),
        get("/workflows/{workflow_id}", components::getWorkflow, "Workflows", "Get a workflow",
            scope("workflows:read"), resource("workflows", "read")),
        post("/workflows/{workflow_id}/runs", workflowRuns::create, "Workflows",
            "Run a workflow (form data; SSE when stream=true)", scope("workflows:run"), resource("workflows", "run")),
        get("/workflows/{workflow_id}/runs", workflowRuns::list, "Workflows", "Runs of a workflow in a session",
            scope("workflows:read"), resource("workflows", "run")),
        get("/workflows/{workflow_id}/runs/{run_id}", workflowRuns::get, "Workflows", "Get a workflow run",
            scope("workflows:read"), resource("workflows", "run")),
        post("/workflows/{workflow_id}/runs/{run_id}/cancel", workflowRuns::cancel, "Workflows",
            "Cancel a workflow run and its running steps", scope("workflows:run"), resource("workflows", "run")),
        post("/workflows/{workflow_id}/runs/{run_id}/continue", workflowRuns::continueRun, "Workflows",
            "Continue a paused workflow run with its step_requirements answered",
            scope("workflows:run"), resource("workflows", "run")),
        post("/workflows/{workflow_id}/runs/{run_id}/resume", workflowRuns::resume, "Workflows",
            "Resume a workflow run's event stream from an event index", resource("workflows", "run")),

        get("/sessions", sessions::list, "Sessions", "List sessions", scope("sessions:read")),
        post("/sessions", sessions::create, "Sessions", "Create a session", scope("sessions:write")),
        delete("/sessions", sessions::deleteMany, "Sessions", "Delete sessions", scope("sessions:delete")),
        get("/sessions/{session_id}", sessions::get, "Sessions", "Get a session", scope("sessions:read")),
        patch("/sessions/{session_id}", sessions::update, "Sessions", "Update a session", scope("sessions:write")),
        delete("/sessions/{session_id}", sessions::delete, "Sessions", "Delete a session", scope("sessions:delete")),
        post("/sessions/{session_id}/rename", sessions::rename, "Sessions", "Rename a session",
            scope("sessions:write")),
        get("/sessions/{session_id}/runs", sessions::runs, "Sessions", "Runs of a session", scope("sessions:read")),
        get("/sessions/{session_id}/runs/{run_id}", sessions::run, "Sessions", "One run of a session",
            scope("sessions:read")),

        post("/memories", memories::create, "Memory", "Create a memory", scope("memories:write")),
        get("/memories", memories::list, "Memory", "List memories", scope("memories:read")),
        delete("/memories", memories::deleteMany, "Memory", "Delete memories", scope("memories:delete")),
        get("/memories/{memory_id}", memories::get, "Memory", "Get a memory", scope("memories:read")),
        patch("/memories/{memory_id}", memories::update, "Memory", "Update a memory", scope("memories:write")),
        delete("/memories/{memory_id}", memories::delete, "Memory", "Delete a memory", scope("memories:delete")),
        get("/memory_topics", memories::topics, "Memory", "Memory topics", scope("memories:read")),
        get("/user_memory_stats", memories::userStats, "Memory", "Memory counts per user", scope("memories:read")),
        post("/optimize-memories", memories::optimize, "Memory", "Optimize a user's memories", scope("memories:write")),

        get("/metrics", metrics::list, "Metrics", "Daily metrics", scope("metrics:read")),
        post("/metrics/refresh", metrics::refresh, "Metrics", "Recompute daily metrics", scope("metrics:write")),
        get("/metrics/refresh/status", metrics::refreshStatus, "Metrics", "State of the latest metrics refresh",
            scope("metrics:read")),

        post("/knowledge/content", knowledge::upload, "Knowledge",
            "Upload content: a file, a url or text (202; read and indexed in the background)",
            scope("knowledge:write")),
        post("/knowledge/remote-content", knowledge::uploadRemote, "Knowledge",
            "Upload content from a remote source (none is configured)", scope("knowledge:write")),
        get("/knowledge/content", knowledge::list, "Knowledge", "List contents", scope("knowledge:read")),
        delete("/knowledge/content", knowledge::deleteAll, "Knowledge", "Delete every content",
            scope("knowledge:delete")),
        get("/knowledge/content/{content_id}", knowledge::get, "Knowledge", "Get a content", scope("knowledge:read")),
        patch("/knowledge/content/{content_id}", knowledge::update, "Knowledge",
            "Update a content's name, description or metadata", scope("knowledge:write")),
        delete("/knowledge/content/{content_id}", knowledge::delete, "Knowledge", "Delete a content",
            scope("knowledge:delete")),
        get("/knowledge/content/{content_id}/status", knowledge::status, "Knowledge", "A content's processing status",
            scope("knowledge:read")),
        post("/knowledge/search", knowledge::search, "Knowledge", "Search a knowledge base", scope("knowledge:read")),
        get("/knowledge/config", knowledge::config, "Knowledge", "Readers, chunkers, filters and vector databases",
            scope("knowledge:read")),
        get("/knowledge/{knowledge_id}/sources", knowledge::sources, "Knowledge", "Remote content sources",
            scope("knowledge:read")),
        get("/knowledge/{knowledge_id}/sources/{source_id}/files", knowledge::sourceFiles, "Knowledge",
            "Files of a remote content source", scope("knowledge:read")),

        get("/specs/status", specs::status, "Specs", "Live spec version, last reload and per-resource status",
            scope("config:read")),
        post("/specs/reload", specs::reload, "Specs", "Reload the specs now", scope("config:write")),

        get("/openapi.json", docs::openApi, "Docs", "This API as an OpenAPI 3.1 document", PUBLIC),
        get("/docs", docs::swaggerUi, "Docs", "Interactive API documentation (Swagger UI)", PUBLIC));
  }

  /** Registers the routes and the error mapping on a Javalin config. */
  public static void register(RoutesConfig config, List<Route> routes) {
    for (Route route : routes) {
      config.addHttpHandler(route.method(), route.path(), route.handler(), route.access().toArray(RouteRole[]::new));
    }
    config.beforeMatched(InputText::check); // every route's query and path parameters, before its handler
    config.exception(ApiException.class, (e, ctx) -> detail(ctx, e.status(), e.detail()));
    config.exception(dev.agentry.server.reload.ReloadFailedException.class,
        (e, ctx) -> ctx.status(e.status()).json(SpecHandlers.failure(e)));
    config.exception(NotFoundException.class, (e, ctx) -> detail(ctx, 404, plain(e.getMessage(), "Not Found")));
    config.exception(StoreException.class, (e, ctx) -> {
      // the detail (with the URL's password masked) is for the operator; a client learns no host, port or user
      LOG.warn("store failure on {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
      detail(ctx, e.retryable() ? 503 : 500, e.retryable() ? "Database unavailable" : "Database error");
    });
    config.exception(RunNotPausedException.class, (e, ctx) -> detail(ctx, 409, RunHandlers.notPaused(e.status())));
    // a provider's, a limit's or a toolkit's message may quote a library's: sanitized as every other error body
    config.exception(EngineException.class, (e, ctx) -> detail(ctx, 400, plain(e.getMessage(), "Invalid request")));
    config.exception(EndpointNotFound.class, (e, ctx) -> detail(ctx, 404, "Not Found"));
    config.exception(HttpResponseException.class, (e, ctx) ->
        detail(ctx, e.getStatus(), e.getStatus() == 413 ? TOO_LARGE : e.getMessage()));
    config.exception(Exception.class, (e, ctx) -> {
      if (isClientError(e)) {
        ctx.header("Connection", "close"); // the rest of the body may be unread: do not reuse the connection
        detail(ctx, 400, "Malformed request: " + reason(e));
        return;
      }
      LOG.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
      detail(ctx, 500, "Internal server error");
    });
    config.error(405, ctx -> {
      if (emptyBody(ctx)) {
        detail(ctx, 405, "Method Not Allowed");
      }
    });
  }

  /** Writes {@code {"detail": ...}} with {@code status}. */
  public static void detail(Context ctx, int status, Object detail) {
    ctx.status(status).json(Map.of("detail", detail));
  }

  /** The first line of an exception's message, safe to show a client ({@link #plain}). */
  static String reason(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getMessage() == null) {
      cause = cause.getCause();
    }
    return plain(cause.getMessage(), "the request could not be read");
  }

  /**
   * The first line of {@code message}, or {@code fallback} when there is none or it names a Java type or package (a
   * library's message about our classes, a wrapped exception's {@code toString}): error bodies never do.
   */
  static String plain(@org.jspecify.annotations.Nullable String message, String fallback) {
    if (message == null || message.isBlank()) {
      return fallback;
    }
    String line = message.lines().findFirst().orElse(message).strip();
    int source = line.indexOf(" at [Source");
    if (source >= 0) {
      line = line.substring(0, source).strip();
    }
    return line.isEmpty() || JAVA_NAMES.matcher(line).find() ? fallback : line;
  }

  /** Malformed input that Jetty or the servlet layer rejects while we read it. */
  private static boolean isClientError(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof org.eclipse.jetty.http.BadMessageException || t instanceof jakarta.servlet.ServletException
          || t instanceof java.io.IOException) {
        return true;
      }
    }
    return false;
  }

  /** True unless a handler already wrote the contract's error body (Javalin's own 404/405 texts are replaced). */
  private static boolean emptyBody(Context ctx) {
    String result = ctx.result();
    return result == null || !result.startsWith("{\"detail\"");
  }

  private static Route get(String path, Handler handler, String tag, String summary, Access... access) {
    return new Route(HandlerType.GET, path, handler, tag, summary, List.of(access));
  }

  private static Route post(String path, Handler handler, String tag, String summary, Access... access) {
    return new Route(HandlerType.POST, path, handler, tag, summary, List.of(access));
  }

  private static Route patch(String path, Handler handler, String tag, String summary, Access... access) {
    return new Route(HandlerType.PATCH, path, handler, tag, summary, List.of(access));
  }

  private static Route delete(String path, Handler handler, String tag, String summary, Access... access) {
    return new Route(HandlerType.DELETE, path, handler, tag, summary, List.of(access));
  }
}
