package dev.agentry.engine.store;

import dev.agentry.engine.model.Catalog;
import dev.agentry.engine.model.NotFoundException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stores of the databases a spec set serves, by Database id ({@link Catalog#servedDbs()}): each opened (and
 * migrated) when a catalog is loaded, before any run uses it.
 *
 * <p>A reload opens the databases the new catalog adds, and a database whose settings changed is opened again. A store
 * the new catalog no longer serves (removed, or replaced by its new settings) is not closed then, since runs in flight
 * still write to the store they started with: it is closed with the others by {@link #close()}, when the server stops.
 *
 * <p>{@link #of(SessionStore)} is one store for every id: an engine embedded without databases, and tests.
 */
public final class Databases implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Databases.class);

  private record Open(StoreSettings settings, SessionStore store) {}

  private final Map<String, Open> open = new ConcurrentHashMap<>();
  private final List<SessionStore> retired = new ArrayList<>();
  private final @Nullable SessionStore only;
  private final @Nullable String url;
  private final StoreFactory factory;

  private Databases(@Nullable SessionStore only, @Nullable String url, StoreFactory factory) {
    this.only = only;
    this.url = url;
    this.factory = factory;
  }

  /** One store for every database id. */
  public static Databases of(SessionStore store) {
    return new Databases(store, null, settings -> store);
  }

  /**
   * Opens every database {@code catalog} serves with {@code factory}, the default first; closes those it opened when
   * one fails.
   *
   * @param url replaces the url of every database when given (a command-line flag or environment variable); each keeps
   *     its table prefix, which keeps them apart in one database
   * @throws StoreException when a database cannot be opened or migrated
   */
  public static Databases open(Catalog catalog, @Nullable String url, StoreFactory factory) {
    Databases databases = new Databases(null, url, factory);
    try {
      databases.load(catalog);
    } catch (RuntimeException e) {
      databases.close();
      throw e;
    }
    return databases;
  }

  /**
   * Opens the databases {@code next} serves that are not open with the same settings yet; those it no longer serves
   * stay open until {@link #close()} (runs in flight may still use them) but are no longer found.
   *
   * @throws StoreException when a database cannot be opened; the ones served before stay as they were
   */
  public synchronized void load(Catalog next) {
    if (only != null) {
      return;
    }
    Map<String, Open> opened = new LinkedHashMap<>();
    try {
      for (String id : next.servedDbs()) {
        StoreSettings settings = StoreSettings.of(next, id, url);
        Open current = open.get(id);
        if (current == null || !current.settings().equals(settings)) {
          opened.put(id, new Open(settings, factory.open(settings)));
        }
      }
    } catch (RuntimeException e) {
      opened.values().forEach(o -> o.store().close());
      throw e;
    }
    Set<String> served = Set.copyOf(next.servedDbs());
    for (String id : List.copyOf(open.keySet())) {
      if (!served.contains(id) || opened.containsKey(id)) {
        retired.add(open.remove(id).store());
      }
    }
    open.putAll(opened);
  }

  /** The store of database {@code id}, if it is served. */
  public Optional<SessionStore> find(String id) {
    if (only != null) {
      return Optional.of(only);
    }
    Open o = open.get(id);
    return o == null ? Optional.empty() : Optional.of(o.store());
  }

  /**
   * The store of database {@code id}.
   *
   * @throws NotFoundException when no database of that id is served
   */
  public SessionStore get(String id) {
    return find(id).orElseThrow(() -> new NotFoundException("No database found with id '" + id + "'"));
  }

  /** Every store served, each once (ids sharing one store give it once). */
  public List<SessionStore> list() {
    if (only != null) {
      return List.of(only);
    }
    Map<SessionStore, Boolean> distinct = new IdentityHashMap<>();
    open.values().forEach(o -> distinct.put(o.store(), true));
    return List.copyOf(distinct.keySet());
  }

  /** The ids of the databases served. */
  public Set<String> ids() {
    return Set.copyOf(open.keySet());
  }

  /** Closes every store opened here (those no longer served too); an {@link #of} store is its owner's to close. */
  @Override
  public synchronized void close() {
    List<SessionStore> all = new ArrayList<>(retired);
    open.values().forEach(o -> all.add(o.store()));
    open.clear();
    retired.clear();
    for (SessionStore store : all) {
      try {
        store.close();
      } catch (RuntimeException e) {
        LOG.warn("closing a database failed: {}", e.toString());
      }
    }
  }
}
