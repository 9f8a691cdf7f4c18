package dev.agentry.engine.knowledge.internal.base;

import dev.agentry.engine.knowledge.Embedder;
import dev.agentry.engine.knowledge.KnowledgeIndex;
import dev.agentry.engine.model.KnowledgeDef;
import org.jspecify.annotations.Nullable;

/** The index and embedder a Knowledge runs on; replaced together when a reload changes either. */
record Parts(KnowledgeIndex index, @Nullable Embedder embedder) {
  /** Opens the parts a def declares. */
  @FunctionalInterface
  interface Opener {
    Parts open(KnowledgeDef def);
  }

  /** Whether going from {@code before} to {@code after} needs a fresh index (every content indexed again). */
  static boolean changed(KnowledgeDef before, KnowledgeDef after) {
    KnowledgeDef.IndexDef a = before.index();
    KnowledgeDef.IndexDef b = after.index();
    boolean index = a.type() != b.type() || !java.util.Objects.equals(a.url(), b.url())
        || !a.tableName().equals(b.tableName());
    return index || !java.util.Objects.equals(before.embedder(), after.embedder())
        || !before.chunking().equals(after.chunking());
  }
}
