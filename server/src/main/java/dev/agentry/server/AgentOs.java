package dev.agentry.server;

import dev.agentry.engine.event.ComponentKind;
import dev.agentry.engine.model.Catalog;
import dev.agentry.engine.model.ResourceDef;
import dev.agentry.engine.run.Engine;
import dev.agentry.engine.spec.AgentOsSpec;
import dev.agentry.engine.store.SessionStore;
import dev.agentry.engine.store.StoreSettings;
import dev.agentry.server.config.Instance;
import dev.agentry.server.config.ServerSettings;
import dev.agentry.server.http.ApiException;
import dev.agentry.server.reload.CatalogHolder;
import dev.agentry.server.sse.RunStreams;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * The running AgentOS as the HTTP handlers see it: the engine, the live spec set, the runs streaming now, and the
 * databases the API serves.
 *
 * @param engine runs the agents of the live catalog
 * @param catalogs the live spec set, its version and its reload status
 * @param streams the event buffers of runs in flight (and of finished background runs, for {@code /resume})
 * @param instantiatedAt when the server started ({@code GET /health})
 * @param settings the flags the server was started with
 * @param accepting false once shutdown has begun and new runs are refused
 * @param instance this instance among those sharing the database: its id, the URL it advertises, when it started
 */
public record AgentOs(
    Engine engine,
    CatalogHolder catalogs,
    RunStreams streams,
    Instant instantiatedAt,
    ServerSettings settings,
    AtomicBoolean accepting,
    Instance instance) {

  /** Refuses new runs once shutdown has begun: a 503 the client can retry on another instance. */
  public void checkAccepting() {
    if (!accepting.get()) {
      throw ApiException.unavailable("Server is shutting down; retry on another instance");
    }
  }

  /** The id AgentOS reports when the spec set declares no {@code AgentOS} resource. */
  public static final String DEFAULT_ID = "agentry";

  public Catalog catalog() {
    return catalogs.current();
  }

  /** The store of the default database. */
  public SessionStore store() {
    return engine.store();
  }

  /** The id of the default database ({@link Catalog#defaultDb()}): the AgentOS {@code db}, else the only one. */
  public String dbId() {
    return catalog().defaultDb();
  }

  /**
   * The settings of database {@code dbId} as the spec set declares it (its table names, for the {@code table}
   * parameter and {@code GET /config}).
   */
  public StoreSettings dbSettings(String dbId) {
    return StoreSettings.of(catalog(), dbId, null);
  }

  /** The tables database {@code dbId} has. */
  public List<String> tables(String dbId) {
    return dbSettings(dbId).tables();
  }

  /** The store of the database the runs of component {@code id} are kept in ({@link Catalog#dbOf}). */
  public SessionStore storeOf(ComponentKind kind, String id) {
    return engine.databases().get(catalog().dbOf(kind, id));
  }

  /**
   * The store a request's {@code db_id} names, as Agno's {@code get_db} ({@code agentos-api.md} §1.3): the contract's
   * 404 for an id not served; without one, the only database served, or a 400 when several are.
   */
  public SessionStore store(@Nullable String requested) {
    List<String> served = catalog().servedDbs();
    if (requested == null || requested.isEmpty()) {
      if (served.size() > 1) {
        throw ApiException.badRequest("The db_id query parameter is required when using multiple databases");
      }
      return store();
    }
    if (!served.contains(requested)) {
      throw ApiException.notFound("No database found with id '" + requested + "'");
    }
    return engine.databases().find(requested)
        .orElseThrow(() -> ApiException.notFound("No database found with id '" + requested + "'"));
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

}
