package dev.agentry.engine.knowledge;

import dev.agentry.engine.model.KnowledgeDef;

/**
 * Opens the Knowledge resources of an engine's catalogs. The default one runs the embedded Lucene index or pgvector
 * with the engine's databases; an embedding application (or a test) may plug in its own.
 */
@FunctionalInterface
public interface KnowledgeOpener {
  /** Opens the knowledge {@code def} declares; called once per id and again when a reload changes it. */
  KnowledgeBase open(KnowledgeDef def);
}
