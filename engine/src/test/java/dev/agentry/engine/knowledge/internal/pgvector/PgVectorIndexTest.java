package dev.agentry.engine.knowledge.internal.pgvector;

import dev.agentry.engine.knowledge.KnowledgeIndex;
import dev.agentry.engine.knowledge.KnowledgeIndexConformance;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The conformance suite on pgvector: each test on a new table of the database scripts/pgvector.sh starts. */
class PgVectorIndexTest extends KnowledgeIndexConformance {
  private final List<String> tables = new ArrayList<>();
  private String url = "";

  @BeforeEach
  void database() {
    url = PgVectorDatabase.url();
  }

  @AfterEach
  void dropTables() {
    tables.forEach(PgVectorDatabase::drop);
  }

  @Override
  protected KnowledgeIndex open(int dimensions) {
    String table = PgVectorDatabase.newTable();
    tables.add(table);
    return PgVectorIndex.open(url, table, dimensions);
  }

  @Override
  protected @Nullable KnowledgeIndex reopen(KnowledgeIndex closed, int dimensions) {
    return PgVectorIndex.open(url, ((PgVectorIndex) closed).table(), dimensions);
  }
}
