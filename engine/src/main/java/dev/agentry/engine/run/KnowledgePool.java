package dev.agentry.engine.run;

import dev.agentry.engine.knowledge.KnowledgeBase;
import dev.agentry.engine.knowledge.KnowledgeOpener;
import dev.agentry.engine.model.Catalog;
import dev.agentry.engine.model.KnowledgeDef;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The open Knowledge resources of an engine, by id. MINIMAL VERSION (issue 16 skeleton): opens each one with the
 * configured opener and keeps it while its def is unchanged; the built-in runtime, syncing and closing come with the
 * knowledge runtime.
 */
final class KnowledgePool {
  private final @Nullable KnowledgeOpener opener;
  private final Map<String, KnowledgeBase> open = new HashMap<>();

  KnowledgePool(@Nullable KnowledgeOpener opener) {
    this.opener = opener;
  }

  /** The knowledge of {@code catalog}, opened (or kept) for it. */
  synchronized Map<String, KnowledgeBase> acquire(Catalog catalog) {
    Map<String, KnowledgeBase> taken = new HashMap<>();
    if (opener == null) {
      return taken;
    }
    for (KnowledgeDef def : catalog.knowledge().values()) {
      KnowledgeBase base = open.get(def.id());
      if (base == null || !base.def().equals(def)) {
        base = opener.open(def);
        open.put(def.id(), base);
      }
      taken.put(def.id(), base);
    }
    return Map.copyOf(taken);
  }
}
