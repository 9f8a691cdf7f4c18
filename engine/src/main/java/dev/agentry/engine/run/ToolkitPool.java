package dev.agentry.engine.run;

import dev.agentry.engine.EngineException;
import dev.agentry.engine.model.ToolkitDef;
import dev.agentry.engine.tool.Tool;
import dev.agentry.engine.tool.Toolkit;
import dev.agentry.engine.tool.ToolkitKind;
import dev.agentry.engine.tool.ToolkitSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open toolkits of an engine, shared by key ({@link ToolkitDef.Key}): between the agents and teams of a catalog,
 * and between catalogs across reloads while a toolkit's resolved settings stay the same. Each catalog holds a
 * reference to the toolkits it uses; a toolkit is closed when the last catalog holding it lets go (STYLE §28).
 *
 * <p>Toolkits are opened outside any lock, each on a virtual thread of its own, in parallel, within
 * the engine's open timeout (or an MCP toolkit's {@code timeout_seconds}). One that fails is kept as failed, with the
 * reason: the agents using it cannot run, the others can, and it is opened again at the next reload or run.
 */
final class ToolkitPool {
  private static final Logger LOG = LoggerFactory.getLogger(ToolkitPool.class);

  private final ToolkitSettings.Services services;
  /** How long opening a toolkit may take, unless its settings say otherwise. */
  private final Duration openTimeout;
  private final Map<ToolkitDef.Key, Handle> handles = new HashMap<>();

  ToolkitPool(ToolkitSettings.Services services, Duration openTimeout) {
    this.services = services;
    this.openTimeout = openTimeout;
  }

  /**
   * Takes a reference to the toolkit of each of {@code defs} for a new catalog, opening those not open yet (and those
   * that failed before) in parallel; returns when each is open or has failed.
   */
  Map<ToolkitDef.Key, Handle> acquire(Collection<ToolkitDef> defs) {
    Map<ToolkitDef.Key, Handle> taken = new LinkedHashMap<>();
    synchronized (handles) {
      for (ToolkitDef def : defs) {
        taken.computeIfAbsent(def.key(), key -> {
          Handle handle = handles.computeIfAbsent(key, k -> new Handle(def));
          handle.refs++;
          return handle;
        });
      }
    }
    List<CompletableFuture<Void>> opening = new ArrayList<>();
    for (Handle handle : taken.values()) {
      if (!handle.isOpen()) {
        opening.add(CompletableFuture.runAsync(handle::ensureOpen, command -> Thread.ofVirtual().start(command)));
      }
    }
    opening.forEach(CompletableFuture::join);
    return taken;
  }

  /** Lets go of a catalog's references; a toolkit no catalog holds any more is closed. */
  void release(Collection<Handle> released) {
    List<Handle> unused = new ArrayList<>();
    synchronized (handles) {
      for (Handle handle : released) {
        if (--handle.refs == 0) {
          handles.remove(handle.def.key());
          unused.add(handle);
        }
      }
    }
    unused.forEach(Handle::close);
  }

  /** Closes every toolkit now, for an engine that stops. */
  void closeAll() {
    List<Handle> all;
    synchronized (handles) {
      all = List.copyOf(handles.values());
      handles.clear();
    }
    all.forEach(Handle::close);
  }

  /** The toolkits held now, for status pages. */
  List<Handle> handles() {
    synchronized (handles) {
      return List.copyOf(handles.values());
    }
  }

  /** One open (or failed) toolkit and the catalogs holding it. */
  final class Handle {
    final ToolkitDef def;
    /** Catalogs holding it; guarded by the pool's map. */
    private int refs;
    private final ReentrantLock opening = new ReentrantLock();
    /** Bumped when the toolkit opens and when its functions change: prepared agents bound to an older one rebind. */
    private final AtomicLong generation = new AtomicLong();
    private volatile @Nullable Toolkit toolkit;
    private volatile @Nullable String failure = "not opened yet";
    private volatile boolean closed;
    /** The results kept for {@code cache_results}, for as long as the toolkit is open. */
    private final ToolCache cache = new ToolCache();

    private Handle(ToolkitDef def) {
      this.def = def;
    }

    /** The results of its calls kept for {@code cache_results}. */
    ToolCache cache() {
      return cache;
    }

    boolean isOpen() {
      return toolkit != null;
    }

    long generation() {
      return generation.get();
    }

    /** Its state now, for status pages. */
    ToolkitStatus status() {
      Toolkit open = toolkit;
      String why = failure;
      List<String> functions = open == null ? List.of()
          : open.tools().stream().map(t -> t.definition().name()).toList();
      return new ToolkitStatus(def.name(), def.kind(), open == null ? (why == null ? "closed" : why) : null,
          functions, open == null ? List.of() : unknownNames(def.policy(), functions));
    }

    /** Why it is not open; null when it is. */
    @Nullable String failure() {
      return failure;
    }

    /** The functions of the open toolkit. */
    List<Tool> tools() {
      Toolkit open = toolkit;
      if (open == null) {
        throw new EngineException("toolkit '" + def.name() + "' is not available: " + failure);
      }
      return open.tools();
    }

    /**
     * Opens the toolkit if it is not open, at most once at a time (callers arriving meanwhile wait for that attempt);
     * records why when it cannot be opened.
     */
    void ensureOpen() {
      if (toolkit != null || closed) {
        return;
      }
      opening.lock();
      try {
        if (toolkit != null || closed) {
          return;
        }
        Toolkit opened = open();
        opened.onToolsChanged(() -> {
          generation.incrementAndGet();
          LOG.info("toolkit '{}' changed its functions", def.name());
        });
        toolkit = opened;
        failure = null;
        generation.incrementAndGet();
        if (closed) { // released while it was opening
          close();
        }
      } catch (RuntimeException e) {
        failure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        LOG.warn("toolkit '{}' ({}) could not be opened: {}", def.name(), def.kind(), failure);
      } finally {
        opening.unlock();
      }
    }

    private Toolkit open() {
      ToolkitKind kind = services.extensions().kind(def.kind());
      if (kind == null) {
        throw new EngineException("no toolkit kind '" + def.kind() + "' is registered");
      }
      ToolkitSettings settings = new ToolkitSettings(def.name(), def.value(), def.options(), services);
      CompletableFuture<Toolkit> future = new CompletableFuture<>();
      Thread thread = Thread.ofVirtual().name("toolkit-" + def.name()).start(() -> {
        try {
          future.complete(kind.open(settings));
        } catch (Throwable e) {
          future.completeExceptionally(e);
        }
      });
      Duration timeout = timeout(def);
      try {
        return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        thread.interrupt();
        future.thenAccept(Toolkit::close); // opened too late: nobody will use it
        throw new EngineException("opening took longer than " + timeout.toSeconds() + " s");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        thread.interrupt();
        throw new EngineException("interrupted while opening");
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        throw cause instanceof RuntimeException r ? r : new EngineException(String.valueOf(cause));
      }
    }

    private void close() {
      closed = true;
      Toolkit open = toolkit;
      toolkit = null;
      if (open != null) {
        try {
          open.close();
        } catch (RuntimeException e) {
          LOG.warn("toolkit '{}' failed to close", def.name(), e);
        }
      }
    }
  }

  /** The names the toolkit's lists use that none of its functions has, one warning each. */
  private static List<String> unknownNames(ToolkitDef.Policy policy, List<String> functions) {
    Map<String, java.util.Collection<String>> lists = new LinkedHashMap<>();
    lists.put("include_tools", policy.include() == null ? List.of() : policy.include());
    lists.put("exclude_tools", policy.exclude());
    lists.put("requires_confirmation_tools", policy.requiresConfirmation());
    lists.put("external_execution_required_tools", policy.externalExecution());
    lists.put("stop_after_tool_call_tools", policy.stopAfterToolCall());
    lists.put("show_result_tools", policy.showResult());
    List<String> warnings = new ArrayList<>();
    lists.forEach((list, names) -> names.stream().filter(n -> !functions.contains(n)).sorted().forEach(n ->
        warnings.add(list + " names '" + n + "', which the toolkit does not have (its functions: "
            + String.join(", ", functions) + ")")));
    return List.copyOf(warnings);
  }

  /** The open timeout of a toolkit: its {@code timeout_seconds} when it has one (MCP), else the engine's. */
  private Duration timeout(ToolkitDef def) {
    var seconds = def.value().path("timeout_seconds");
    return seconds.isNumber() ? Duration.ofMillis(Math.round(seconds.asDouble() * 1000)) : openTimeout;
  }
}
