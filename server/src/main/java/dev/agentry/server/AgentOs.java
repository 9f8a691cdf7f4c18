package dev.agentry.server;

import dev.agentry.engine.model.Catalog;
import dev.agentry.engine.model.ResourceDef;
import dev.agentry.engine.run.Engine;
import dev.agentry.engine.spec.AgentOsSpec;
import dev.agentry.engine.store.SessionStore;
import dev.agentry.server.config.ServerSettings;
import dev.agentry.server.reload.CatalogHolder;
import dev.agentry.server.sse.RunStreams;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * The running AgentOS as the HTTP handlers see it: the engine, the live spec set, the runs streaming now, and the
 * database the API serves.
 *
 * @param engine runs the agents of the live catalog
 * @param catalogs the live spec set, its version and its reload status
 * @param streams the event buffers of runs in flight (and of finished background runs, for {@code /resume})
 * @param dbId the id the API gives the one database ({@code db_id} on agents, sessions, config)
 * @param instantiatedAt when the server started ({@code GET /health})
 * @param settings the flags the server was started with
 * @param accepting false once shutdown has begun and new runs are refused
 */
public record AgentOs(
    Engine engine,
    CatalogHolder catalogs,
    RunStreams streams,
    String dbId,
    Instant instantiatedAt,
    ServerSettings settings,
    AtomicBoolean accepting) {

  /** Refuses new runs once shutdown has begun: a 503 the client can retry on another instance. */
  public void checkAccepting() {
    if (!accepting.get()) {
      throw dev.agentry.server.http.ApiException.unavailable("Server is shutting down; retry on another instance");
    }
  }

  /** The id AgentOS reports when the spec set declares no {@code AgentOS} resource. */
  public static final String DEFAULT_ID = "agentry";

  public Catalog catalog() {
    return catalogs.current();
  }

  public SessionStore store() {
    return engine.store();
  }

  /** The {@code AgentOS} resource of the live catalog, if it declares one. */
  public @Nullable AgentOsSpec osSpec() {
    ResourceDef<AgentOsSpec> os = catalog().os();
    return os == null ? null : os.spec();
  }

  /** The AgentOS id: the {@code AgentOS} resource's name, else {@value #DEFAULT_ID}. */
  public String osId() {
    ResourceDef<AgentOsSpec> os = catalog().os();
    return os == null ? DEFAULT_ID : os.id();
  }

  /**
   * Checks a request's {@code db_id} against the one database served: null or equal is fine, anything else is the
   * contract's 404.
   */
  public void checkDb(@Nullable String requested) {
    if (requested != null && !requested.isEmpty() && !requested.equals(dbId)) {
      throw dev.agentry.server.http.ApiException.notFound("No database found with id '" + requested + "'");
    }
  }
}
