package dev.agentry.engine.bench;

import dev.agentry.engine.knowledge.KnowledgeIndex;

/**
 * Opens the indexes {@link KnowledgeBenchmark} measures ({@code --index=NAME}). {@code lucene} (on disk) and
 * {@code memory} are built in; any other NAME loads the class {@code dev.agentry.engine.bench.<Name>BenchIndexes}
 * (e.g. {@code PgvectorBenchIndexes} for {@code --index=pgvector}) through its public no-argument constructor.
 */
public interface BenchIndexes extends AutoCloseable {
  /** A new, empty index named {@code name} for embeddings of {@code dimensions} floats (0: keyword only). */
  KnowledgeIndex open(String name, int dimensions);

  /** Releases what the factory started (a database, a folder). */
  @Override
  default void close() throws Exception {}
}
