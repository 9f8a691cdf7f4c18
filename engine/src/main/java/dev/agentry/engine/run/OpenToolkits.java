package dev.agentry.engine.run;

import dev.agentry.engine.EngineException;
import dev.agentry.engine.knowledge.KnowledgeBase;
import dev.agentry.engine.model.ToolkitDef;
import java.util.Optional;

/** The toolkits (and Knowledge) a catalog holds open, for binding the tools of its agents and teams. */
interface OpenToolkits {
  /**
   * The open toolkit of {@code def}; one that failed to open is tried again first.
   *
   * @throws EngineException when it still cannot be opened, with the reason
   */
  ToolkitPool.Handle open(ToolkitDef def);

  /** The open Knowledge of this id, if the catalog declares it and it could be opened; none by default. */
  default Optional<KnowledgeBase> knowledge(String id) {
    return Optional.empty();
  }
}
