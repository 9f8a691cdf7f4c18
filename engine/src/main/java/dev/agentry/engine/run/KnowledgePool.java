package dev.agentry.engine.run;

import dev.agentry.engine.knowledge.KnowledgeBase;
import dev.agentry.engine.knowledge.KnowledgeOpener;
import dev.agentry.engine.knowledge.internal.base.DefaultKnowledgeBase;
import dev.agentry.engine.model.Catalog;
import dev.agentry.engine.model.KnowledgeDef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open Knowledge resources of an engine, one per id, shared by the catalogs that declare it (STYLE §28, as
 * {@link ToolkitPool} shares toolkits). A reload whose def is unchanged keeps the open one; a changed def is handed to
 * the built-in runtime, which re-syncs only what changed (or opened again by a custom opener); one no catalog
 * declares any more is closed when the last catalog holding it lets go. One that fails to open is kept as failed,
 * with the reason: what uses it fails, the rest runs, and it is opened again at the next reload.
 */
final class KnowledgePool {
  private static final Logger LOG = LoggerFactory.getLogger(KnowledgePool.class);

  private final KnowledgeOpener opener;
  private final Map<String, Handle> handles = new HashMap<>();

  KnowledgePool(KnowledgeOpener opener) {
    this.opener = opener;
  }

  /** One Knowledge: open (or failed), and how many catalogs hold it. */
  static final class Handle {
    private final String id;
    private volatile @Nullable KnowledgeDef def;
    private volatile @Nullable KnowledgeBase base;
    private volatile @Nullable String failure;
    private int refs;

    Handle(String id) {
      this.id = id;
    }

    /** The open Knowledge, or null when it failed to open. */
    @Nullable KnowledgeBase base() {
      return failure == null ? base : null;
    }

    KnowledgeStatus status() {
      KnowledgeDef d = def;
      return new KnowledgeStatus(id, d == null ? "" : d.index().type().name().toLowerCase(java.util.Locale.ROOT),
          failure);
    }
  }

  /**
   * Takes a reference to each Knowledge of {@code catalog}, opening those not open yet (in parallel) and bringing
   * those whose def changed up to date; returns when each is open or has failed.
   */
  Map<String, Handle> acquire(Catalog catalog) {
    return acquire(catalog, true);
  }

  /**
   * As {@link #acquire(Catalog)}; with {@code update} false (a catalog a reload has just replaced, described once
   * more) the open Knowledge are only referenced, never reconfigured back to an older def nor synced.
   */
  Map<String, Handle> acquire(Catalog catalog, boolean update) {
    Map<String, Handle> taken = new LinkedHashMap<>();
    synchronized (handles) {
      for (KnowledgeDef def : catalog.knowledge().values()) {
        Handle handle = handles.computeIfAbsent(def.id(), Handle::new);
        handle.refs++;
        taken.put(def.id(), handle);
      }
    }
    if (!update) {
      return taken;
    }
    List<CompletableFuture<Void>> opening = new ArrayList<>();
    for (KnowledgeDef def : catalog.knowledge().values()) {
      Handle handle = taken.get(def.id());
      opening.add(CompletableFuture.runAsync(() -> bringUpToDate(handle, def),
          command -> Thread.ofVirtual().start(command)));
    }
    opening.forEach(CompletableFuture::join);
    return taken;
  }

  private void bringUpToDate(Handle handle, KnowledgeDef def) {
    synchronized (handle) {
      KnowledgeBase base = handle.base;
      if (base != null && handle.failure == null && def.equals(handle.def)) {
        if (base instanceof DefaultKnowledgeBase built) {
          built.resync(); // the files of its sources may have changed
        }
        return;
      }
      try {
        if (base instanceof DefaultKnowledgeBase built) {
          built.reconfigure(def);
        } else {
          if (base != null) {
            base.close();
            handle.base = null;
          }
          handle.base = opener.open(def);
        }
        handle.def = def;
        handle.failure = null;
      } catch (RuntimeException e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        LOG.error("knowledge '{}' could not be opened: {}", def.id(), reason);
        handle.def = def;
        handle.failure = reason;
        if (handle.base != null && !(handle.base instanceof DefaultKnowledgeBase)) {
          handle.base.close();
          handle.base = null;
        }
      }
    }
  }

  /** Lets go of a catalog's references; a Knowledge no catalog holds any more is closed. */
  void release(Collection<Handle> released) {
    List<Handle> unused = new ArrayList<>();
    synchronized (handles) {
      for (Handle handle : released) {
        if (--handle.refs == 0) {
          handles.remove(handle.id);
          unused.add(handle);
        }
      }
    }
    unused.forEach(KnowledgePool::close);
  }

  /** Closes every Knowledge (the engine closes). */
  void closeAll() {
    List<Handle> all;
    synchronized (handles) {
      all = List.copyOf(handles.values());
      handles.clear();
    }
    all.forEach(KnowledgePool::close);
  }

  private static void close(Handle handle) {
    synchronized (handle) {
      KnowledgeBase base = handle.base;
      handle.base = null;
      if (base != null) {
        try {
          base.close();
        } catch (RuntimeException e) {
          LOG.warn("closing knowledge '{}' failed: {}", handle.id, e.getMessage());
        }
      }
    }
  }
}
