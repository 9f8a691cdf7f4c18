package dev.agentry.engine.knowledge.internal.pgvector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentry.engine.knowledge.Chunk;
import dev.agentry.engine.knowledge.KnowledgeException;
import dev.agentry.engine.knowledge.SearchHit;
import dev.agentry.engine.knowledge.SearchQuery;
import dev.agentry.engine.knowledge.SearchType;
import dev.agentry.engine.knowledge.StubVectors;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What pgvector adds to the conformance suite: the table and its indexes, SQL filters, Agno's tables, errors. */
class PgVectorTableTest {
  private static final int DIMS = 32;
  private final List<String> tables = new ArrayList<>();
  private final List<PgVectorIndex> indexes = new ArrayList<>();
  private String url = "";

  @BeforeEach
  void database() {
    url = PgVectorDatabase.url();
  }

  @AfterEach
  void cleanUp() {
    indexes.forEach(PgVectorIndex::close);
    tables.forEach(PgVectorDatabase::drop);
  }

  private PgVectorIndex open(String table, int dimensions) {
    tables.add(table);
    PgVectorIndex index = PgVectorIndex.open(url, table, dimensions);
    indexes.add(index);
    return index;
  }

  private static Chunk chunk(String contentId, String text, Map<String, Object> metadata) {
    return new Chunk(contentId + "_0", contentId, contentId + ".md", text, metadata, 0, StubVectors.embed(text, DIMS));
  }

  private static List<String> rows(String sql, String... params) throws SQLException {
    try (Connection connection = PgVectorDatabase.connect();
        PreparedStatement select = connection.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        select.setString(i + 1, params[i]);
      }
      List<String> rows = new ArrayList<>();
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          rows.add(rs.getString(1));
        }
      }
      return rows;
    }
  }

  @Test
  void opensAgnosTableWithAnHnswCosineIndexAndGinIndexesForTextAndMetadata() throws SQLException {
    String table = PgVectorDatabase.newTable();
    open(table, DIMS);

    assertThat(rows("SELECT column_name FROM information_schema.columns WHERE table_name = ?", table))
        .contains("id", "name", "meta_data", "filters", "content", "embedding", "usage", "created_at", "updated_at",
            "content_hash", "content_id", "content_tsv");
    assertThat(rows("SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = ?::regclass "
        + "AND attname = 'embedding'", table)).containsExactly("vector(" + DIMS + ")");
    List<String> indexes = rows("SELECT indexdef FROM pg_indexes WHERE tablename = ?", table);
    assertThat(indexes).anySatisfy(d -> assertThat(d).contains("USING hnsw (embedding vector_cosine_ops)"));
    assertThat(indexes).anySatisfy(d -> assertThat(d).contains("USING gin (content_tsv)"));
    assertThat(indexes).anySatisfy(d -> assertThat(d).contains("USING gin (meta_data jsonb_path_ops)"));
  }

  @Test
  void vectorAndKeywordSearchesUseTheIndexes() throws SQLException {
    String table = PgVectorDatabase.newTable();
    PgVectorIndex index = open(table, DIMS);
    for (int i = 0; i < 50; i++) {
      index.replace("c" + i, List.of(chunk("c" + i, "text number " + i, Map.of("n", i))));
    }
    PgSearchSql sql = new PgSearchSql(PgTableName.of(table), DIMS);
    String vector = PgVectors.text(StubVectors.embed("text number 7", DIMS));

    String vectorPlan = plan(sql.vector(vector, PgFilters.of(Map.of()), 5));
    String keywordPlan = plan(sql.keyword(PgSearchSql.anyWord("number seven"), PgFilters.of(Map.of()), 5));

    assertThat(vectorPlan).contains(table + "_embedding_hnsw");
    assertThat(keywordPlan).contains(table + "_content_tsv_gin");
  }

  private static String plan(PgSearchSql.Statement statement) throws SQLException {
    try (Connection connection = PgVectorDatabase.connect()) {
      try (Statement set = connection.createStatement()) {
        set.execute("SET enable_seqscan = off"); // 50 rows: the planner would rather scan them all
      }
      try (PreparedStatement explain = connection.prepareStatement("EXPLAIN " + statement.sql())) {
        for (int i = 0; i < statement.params().size(); i++) {
          explain.setObject(i + 1, statement.params().get(i));
        }
        StringBuilder plan = new StringBuilder();
        try (ResultSet rs = explain.executeQuery()) {
          while (rs.next()) {
            plan.append(rs.getString(1)).append('\n');
          }
        }
        return plan.toString();
      }
    }
  }

  @Test
  void filtersAreSqlOnMetadataValuesOfAnyJsonTypeAndKeysOfAnyText() {
    PgVectorIndex index = open(PgVectorDatabase.newTable(), DIMS);
    index.replace("a", List.of(chunk("a", "shared text", Map.of("year", 2024, "draft", true, "it's \"odd\"", "x",
        "tags", List.of("red", "blue"), "author", Map.of("name", "Ann", "team", "docs")))));
    index.replace("b", List.of(chunk("b", "shared text", Map.of("year", 2023, "draft", false, "it's \"odd\"", "y",
        "tags", List.of("green"), "author", Map.of("name", "Bob")))));

    for (SearchType type : SearchType.values()) {
      assertThat(ids(index, type, Map.of("year", 2024))).as(type.key()).containsExactly("a");
      assertThat(ids(index, type, Map.of("draft", false))).as(type.key()).containsExactly("b");
      assertThat(ids(index, type, Map.of("it's \"odd\"", "y"))).as(type.key()).containsExactly("b");
      assertThat(ids(index, type, Map.of("author", Map.of("name", "Ann")))).as(type.key()).containsExactly("a");
      assertThat(ids(index, type, Map.of("tags", List.of("green", "purple")))).as(type.key()).isEmpty();
      assertThat(ids(index, type, Map.of("tags", List.of(List.of("green"))))).as(type.key()).containsExactly("b");
      assertThat(ids(index, type, Map.of("year", List.of(2023, 2024)))).as(type.key())
          .containsExactlyInAnyOrder("a", "b");
      assertThat(ids(index, type, Map.of("year", List.of()))).as(type.key()).isEmpty();
    }
  }

  private static List<String> ids(PgVectorIndex index, SearchType type, Map<String, Object> filters) {
    float[] vector = type == SearchType.KEYWORD ? null : StubVectors.embed("shared text", DIMS);
    return index.search(new SearchQuery("shared text", vector, type, filters, 10)).stream()
        .map(h -> h.chunk().contentId()).toList();
  }

  @Test
  void aTableAgnoMadeGetsTheMissingColumnsAndItsRowsAreSearchable() throws SQLException {
    String table = PgVectorDatabase.newTable();
    tables.add(table);
    try (Connection connection = PgVectorDatabase.connect(); Statement sql = connection.createStatement()) {
      sql.execute("CREATE TABLE " + table + " (id varchar PRIMARY KEY, name varchar, meta_data jsonb DEFAULT "
          + "'{}'::jsonb, filters jsonb DEFAULT '{}'::jsonb, content text, embedding vector(" + DIMS + "), usage "
          + "jsonb, created_at timestamptz DEFAULT now(), updated_at timestamptz, content_hash varchar, "
          + "content_id varchar)");
      sql.execute("INSERT INTO " + table + " (id, name, meta_data, content, content_id, embedding) VALUES ('agno1', "
          + "'guide', '{\"topic\": \"setup\", \"note\": null}', 'Install the package with pip', 'c1', '"
          + PgVectors.text(StubVectors.embed("Install the package with pip", DIMS)) + "')");
    }

    PgVectorIndex index = open(table, DIMS);

    List<SearchHit> hits = index.search(new SearchQuery("how to install", null, SearchType.KEYWORD,
        Map.of("topic", "setup"), 5));
    assertThat(hits).hasSize(1);
    Chunk found = hits.getFirst().chunk();
    assertThat(found.id()).isEqualTo("agno1");
    assertThat(found.contentId()).isEqualTo("c1");
    assertThat(found.metadata()).isEqualTo(Map.of("topic", "setup"));
    assertThat(found.embedding()).containsExactly(StubVectors.embed("Install the package with pip", DIMS));
  }

  @Test
  void reopeningWithOtherDimensionsFailsNamingTheTableAndBothSizes() {
    String table = PgVectorDatabase.newTable();
    open(table, DIMS).close();

    assertThatThrownBy(() -> open(table, DIMS * 2)).isInstanceOf(KnowledgeException.class)
        .hasMessageContaining(table).hasMessageContaining("vector(" + DIMS + ")")
        .hasMessageContaining(String.valueOf(DIMS * 2));
  }

  @Test
  void keywordOnlyTableHasNoEmbeddingColumnAndGainsOneWhenAnEmbedderComes() throws SQLException {
    String table = PgVectorDatabase.newTable();
    PgVectorIndex keywordOnly = open(table, 0);
    keywordOnly.replace("a", List.of(new Chunk("a_0", "a", "a", "tokens of text", Map.of(), 0, null)));
    assertThat(rows("SELECT column_name FROM information_schema.columns WHERE table_name = ?", table))
        .doesNotContain("embedding");

    PgVectorIndex withVectors = open(table, DIMS);

    assertThat(rows("SELECT column_name FROM information_schema.columns WHERE table_name = ?", table))
        .contains("embedding");
    assertThat(withVectors.count()).isEqualTo(1);
  }

  @Test
  void schemaQualifiedTablesWorkAndBadNamesAreRefusedBeforeAnySql() {
    String schema = PgVectorDatabase.newTable();
    PgVectorIndex index = open(schema + ".chunks", DIMS);
    index.replace("a", List.of(chunk("a", "in a schema", Map.of())));
    assertThat(index.count()).isEqualTo(1);
    try (Connection connection = PgVectorDatabase.connect(); Statement sql = connection.createStatement()) {
      sql.execute("DROP SCHEMA " + schema + " CASCADE");
      tables.remove(schema + ".chunks");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }

    for (String bad : List.of("x; DROP TABLE y", "1abc", "a.b.c", "", "quo\"te", "a".repeat(64))) {
      assertThatThrownBy(() -> PgVectorIndex.open(url, bad, DIMS)).as(bad).isInstanceOf(KnowledgeException.class)
          .hasMessageContaining("letters, digits and '_'");
    }
  }

  @Test
  void aJdbcUrlWorksToo() {
    String jdbc = "jdbc:" + url.replaceFirst("^postgresql://([^:]+):([^@]+)@(.*)$", "postgresql://$3?user=$1&password=$2");
    String table = PgVectorDatabase.newTable();
    tables.add(table);
    try (PgVectorIndex index = PgVectorIndex.open(jdbc, table, 0)) {
      assertThat(index.count()).isZero();
    }
  }

  @Test
  void connectionFailuresNameTheTableAndServerButNeverThePassword() {
    String secret = "s3cret-Passw0rd";
    assertThatThrownBy(() -> PgVectorIndex.open("postgresql://agentry:" + secret + "@127.0.0.1:1/agentry", "kt_x",
        DIMS)).isInstanceOf(KnowledgeException.class).hasMessageContaining("kt_x")
        .hasMessageContaining("127.0.0.1:1").hasMessageNotContaining(secret);

    String wrongPassword = url.replaceFirst(":[^:@/]+@", ":" + secret + "@");
    assertThatThrownBy(() -> PgVectorIndex.open(wrongPassword, "kt_x", DIMS)).isInstanceOf(KnowledgeException.class)
        .hasMessageContaining("kt_x").hasMessageContaining("password authentication failed")
        .hasMessageNotContaining(secret);

    assertThatThrownBy(() -> PgVectorIndex.open("mysql://h/db", "kt_x", DIMS)).isInstanceOf(KnowledgeException.class)
        .hasMessageContaining("not a PostgreSQL URL");
  }
}
