package dev.agentry.engine.knowledge.internal.lucene;

import dev.agentry.engine.knowledge.KnowledgeIndex;
import dev.agentry.engine.knowledge.KnowledgeIndexConformance;

/** The Lucene index in memory (a null folder): the conformance suite; nothing survives a restart. */
class LuceneMemoryIndexTest extends KnowledgeIndexConformance {
  @Override
  protected KnowledgeIndex open(int dimensions) {
    return LuceneIndex.open(null, dimensions);
  }
}
