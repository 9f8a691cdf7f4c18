package dev.agentry.engine.run;

import dev.agentry.engine.EngineException;
import dev.agentry.engine.knowledge.KnowledgeBase;
import dev.agentry.engine.model.AgentDef;
import dev.agentry.engine.model.Catalog;
import dev.agentry.engine.model.TeamDef;
import dev.agentry.engine.model.ToolUse;
import dev.agentry.engine.model.ToolkitDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A catalog as the engine runs it: the toolkits it holds open, and the participants prepared for it so far (keyed
 * by kind and id). The engine holds the current one; each run holds the one it started on, so that a reload lets go
 * of the old catalog's toolkits only once its last run has ended.
 */
final class LoadedCatalog implements OpenToolkits {
  private final Catalog catalog;
  private final Map<Target, ParticipantRuntime> runtimes = new ConcurrentHashMap<>();
  private final Map<String, JsonSchemaCheck> inputChecks = new ConcurrentHashMap<>();
  private final ToolkitPool pool;
  private final Map<ToolkitDef.Key, ToolkitPool.Handle> toolkits;
  private final KnowledgePool knowledgePool;
  private final Map<String, KnowledgePool.Handle> knowledge;
  /** The engine's hold (1 while current) plus the runs in flight on it; the toolkits are let go at 0. */
  private final AtomicInteger holders = new AtomicInteger(1);

  private LoadedCatalog(Catalog catalog, ToolkitPool pool, Map<ToolkitDef.Key, ToolkitPool.Handle> toolkits,
      KnowledgePool knowledgePool, Map<String, KnowledgePool.Handle> knowledge) {
    this.catalog = catalog;
    this.pool = pool;
    this.toolkits = toolkits;
    this.knowledgePool = knowledgePool;
    this.knowledge = knowledge;
  }

  /**
   * Opens the toolkits {@code catalog} uses (those open for the catalog before are shared, not opened again) and its
   * knowledge.
   */
  static LoadedCatalog open(Catalog catalog, ToolkitPool pool, KnowledgePool knowledge) {
    return open(catalog, pool, knowledge, true);
  }

  /**
   * As {@link #open(Catalog, ToolkitPool, KnowledgePool)}; {@code current} false for a catalog a reload has replaced,
   * whose Knowledge are referenced as they are (not brought back to its defs).
   */
  static LoadedCatalog open(Catalog catalog, ToolkitPool pool, KnowledgePool knowledge, boolean current) {
    return new LoadedCatalog(catalog, pool, pool.acquire(used(catalog)), knowledge,
        knowledge.acquire(catalog, current));
  }

  /** The open Knowledge of this id, if the catalog declares it and it could be opened. */
  Optional<KnowledgeBase> knowledge(String id) {
    KnowledgePool.Handle handle = knowledge.get(id);
    return Optional.ofNullable(handle == null ? null : handle.base());
  }

  /** Every open Knowledge of the catalog (those that failed to open are left out). */
  List<KnowledgeBase> knowledgeBases() {
    return knowledge.values().stream().map(KnowledgePool.Handle::base).filter(java.util.Objects::nonNull).toList();
  }

  /** How each Knowledge of the catalog is doing. */
  List<KnowledgeStatus> knowledgeStatus() {
    return knowledge.values().stream().map(KnowledgePool.Handle::status).toList();
  }

  /** The toolkits the agents and teams of {@code catalog} use. */
  private static List<ToolkitDef> used(Catalog catalog) {
    List<ToolkitDef> used = new ArrayList<>();
    for (AgentDef agent : catalog.agents().values()) {
      agent.participant().tools().stream().map(ToolUse::toolkit).forEach(used::add);
    }
    for (TeamDef team : catalog.teams().values()) {
      team.leader().tools().stream().map(ToolUse::toolkit).forEach(used::add);
    }
    return used;
  }

  Catalog catalog() {
    return catalog;
  }

  Map<Target, ParticipantRuntime> runtimes() {
    return runtimes;
  }

  Map<String, JsonSchemaCheck> inputChecks() {
    return inputChecks;
  }

  @Override
  public ToolkitPool.Handle open(ToolkitDef def) {
    ToolkitPool.Handle handle = toolkits.get(def.key());
    if (handle == null) {
      throw new EngineException("toolkit '" + def.name() + "' is not open for this catalog");
    }
    handle.ensureOpen();
    if (!handle.isOpen()) {
      throw new EngineException("toolkit '" + def.name() + "' could not be opened: " + handle.failure());
    }
    return handle;
  }

  /** The toolkits this catalog holds. */
  List<ToolkitPool.Handle> toolkits() {
    return List.copyOf(toolkits.values());
  }

  /** Takes a hold for a run; false when the catalog has already let go of its toolkits. */
  boolean enter() {
    while (true) {
      int now = holders.get();
      if (now == 0) {
        return false;
      }
      if (holders.compareAndSet(now, now + 1)) {
        return true;
      }
    }
  }

  /** Lets go of a hold; the last one releases the toolkits. */
  void exit() {
    if (holders.decrementAndGet() == 0) {
      pool.release(toolkits.values());
      knowledgePool.release(knowledge.values());
    }
  }
}
