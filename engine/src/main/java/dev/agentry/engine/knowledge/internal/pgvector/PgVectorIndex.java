package dev.agentry.engine.knowledge.internal.pgvector;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.agentry.engine.internal.Json;
import dev.agentry.engine.knowledge.Chunk;
import dev.agentry.engine.knowledge.KnowledgeException;
import dev.agentry.engine.knowledge.KnowledgeIndex;
import dev.agentry.engine.knowledge.SearchHit;
import dev.agentry.engine.knowledge.SearchQuery;
import dev.agentry.engine.knowledge.SearchType;
import dev.agentry.engine.store.StoreException;
import dev.agentry.engine.store.StoreSettings;
import dev.agentry.engine.store.postgres.PostgresUrl;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;

/**
 * The index on PostgreSQL with pgvector: one table in Agno's shape (see {@link PgVectorSchema}), reached through a
 * small HikariCP pool. Vector search by cosine distance on an HNSW index (score: the cosine similarity), keyword
 * search by PostgreSQL full text (score: {@code ts_rank_cd}), hybrid by reciprocal rank fusion of both (see
 * {@link PgSearchSql}), metadata filters in SQL. With 0 dimensions the table has no embedding column and only keyword
 * search is offered. Failures are {@link KnowledgeException}s naming the table and the driver's reason, never the
 * password.
 */
public final class PgVectorIndex implements KnowledgeIndex {
  private static final int POOL_SIZE = 8;
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final PgTableName table;
  private final int dimensions;
  private final HikariDataSource pool;
  private final @Nullable String password;
  private final PgSearchSql searches;

  private PgVectorIndex(PgTableName table, int dimensions, HikariDataSource pool, @Nullable String password) {
    this.table = table;
    this.dimensions = dimensions;
    this.pool = pool;
    this.password = password;
    this.searches = new PgSearchSql(table, dimensions);
  }

  /**
   * Connects and creates the extension, table and indexes if needed.
   *
   * @param url a PostgreSQL URL as Database resources take it ({@code postgresql://user:pw@host/db} or JDBC)
   * @param table the table: {@code name} or {@code schema.name}, letters, digits and '_'
   * @param dimensions the embeddings' size, or 0 for keyword search only
   * @throws KnowledgeException when the URL or table name is invalid, the server cannot be reached, the extension is
   *     missing, or the table's embeddings have another size
   */
  public static PgVectorIndex open(String url, String table, int dimensions) {
    if (dimensions < 0 || dimensions > 16_000) {
      throw new KnowledgeException("pgvector dimensions must be 0 (keyword only) to 16000, got " + dimensions);
    }
    PgTableName name = PgTableName.of(table);
    String masked = StoreSettings.mask(url);
    PostgresUrl parsed;
    try {
      parsed = PostgresUrl.parse(url);
    } catch (StoreException | IllegalArgumentException e) {
      throw new KnowledgeException("pgvector table " + name + ": " + e.getMessage());
    }
    HikariConfig config = new HikariConfig();
    config.setPoolName("agentry-pgvector-" + name);
    config.setJdbcUrl(parsed.jdbcUrl());
    if (parsed.user() != null) {
      config.setUsername(parsed.user());
    }
    if (parsed.password() != null) {
      config.setPassword(parsed.password());
    }
    config.setMaximumPoolSize(POOL_SIZE);
    config.setMinimumIdle(1);
    config.setConnectionTimeout(5_000);
    config.setInitializationFailTimeout(2_000); // a server that is down fails open() after this long
    config.addDataSourceProperty("connectTimeout", "5");
    config.addDataSourceProperty("ApplicationName", "agentry");
    if (dimensions > 0) {
      // pgvector 0.8: a filtered HNSW scan goes on until it has enough rows (else it stops at hnsw.ef_search)
      config.setConnectionInitSql("SET hnsw.iterative_scan = strict_order");
    }
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new KnowledgeException("pgvector table " + name + ": cannot connect to " + masked + ": "
          + reason(e, parsed.password()), e);
    }
    PgVectorIndex index = new PgVectorIndex(name, dimensions, pool, parsed.password());
    try (Connection connection = pool.getConnection()) {
      PgVectorSchema.ensure(connection, name, dimensions);
    } catch (SQLException | RuntimeException e) {
      pool.close();
      throw e instanceof KnowledgeException k && k.getCause() == null
          ? new KnowledgeException("pgvector table " + name + ": " + k.getMessage())
          : index.failure("cannot create its table", e);
    }
    return index;
  }

  @Override
  public Set<SearchType> searchTypes() {
    return dimensions > 0 ? EnumSet.allOf(SearchType.class) : EnumSet.of(SearchType.KEYWORD);
  }

  @Override
  public void replace(String contentId, List<Chunk> chunks) {
    for (Chunk chunk : chunks) {
      float[] embedding = chunk.embedding();
      if (dimensions > 0 && (embedding == null || embedding.length != dimensions)) {
        throw new KnowledgeException("pgvector table " + table + ": chunk " + chunk.id() + " has "
            + (embedding == null ? "no embedding" : "an embedding of " + embedding.length + " dimensions")
            + ", the table takes " + dimensions);
      }
    }
    String insert = "INSERT INTO " + table.sql() + " (id, name, meta_data, content, content_id, position"
        + (dimensions > 0 ? ", embedding" : "") + ") VALUES (?, ?, ?::jsonb, ?, ?, ?" + (dimensions > 0 ? ", ?::vector"
        : "") + ") ON CONFLICT (id) DO UPDATE SET name = excluded.name, meta_data = excluded.meta_data, "
        + "content = excluded.content, content_id = excluded.content_id, position = excluded.position, "
        + "updated_at = now()" + (dimensions > 0 ? ", embedding = excluded.embedding" : "");
    try (Connection connection = pool.getConnection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement delete = connection.prepareStatement(deleteSql());
          PreparedStatement add = connection.prepareStatement(insert)) {
        delete.setString(1, contentId);
        delete.executeUpdate();
        for (Chunk chunk : chunks) {
          add.setString(1, chunk.id());
          add.setString(2, chunk.name());
          add.setString(3, Json.MAPPER.writeValueAsString(chunk.metadata()));
          add.setString(4, chunk.content());
          add.setString(5, contentId);
          add.setInt(6, chunk.position());
          if (dimensions > 0) {
            add.setString(7, PgVectors.text(java.util.Objects.requireNonNull(chunk.embedding())));
          }
          add.addBatch();
        }
        add.executeBatch();
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException | RuntimeException e) {
      throw failure("cannot replace the chunks of content " + contentId, e);
    }
  }

  @Override
  public boolean delete(String contentId) {
    try (Connection connection = pool.getConnection();
        PreparedStatement delete = connection.prepareStatement(deleteSql())) {
      delete.setString(1, contentId);
      return delete.executeUpdate() > 0;
    } catch (SQLException | RuntimeException e) {
      throw failure("cannot delete content " + contentId, e);
    }
  }

  @Override
  public void deleteAll() {
    try (Connection connection = pool.getConnection();
        PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table.sql())) {
      delete.executeUpdate();
    } catch (SQLException | RuntimeException e) {
      throw failure("cannot delete all chunks", e);
    }
  }

  @Override
  public List<SearchHit> search(SearchQuery query) {
    if (!searchTypes().contains(query.type())) {
      throw new KnowledgeException("pgvector table " + table + " has no embeddings (dimensions 0): "
          + query.type().key() + " search needs an embedder; keyword search works");
    }
    if (query.vector() != null && query.type() != SearchType.KEYWORD && query.vector().length != dimensions) {
      throw new KnowledgeException("pgvector table " + table + ": the query's embedding has "
          + query.vector().length + " dimensions, the table takes " + dimensions);
    }
    PgFilters filters = PgFilters.of(query.filters());
    String words = PgSearchSql.anyWord(query.text());
    PgSearchSql.Statement statement = switch (query.type()) {
      case KEYWORD -> words.isEmpty() ? null : searches.keyword(words, filters, query.limit());
      case VECTOR -> searches.vector(PgVectors.text(query.vector()), filters, query.limit());
      case HYBRID -> searches.hybrid(words, PgVectors.text(query.vector()), filters, query.limit());
    };
    if (statement == null) {
      return List.of();
    }
    try (Connection connection = pool.getConnection();
        PreparedStatement select = connection.prepareStatement(statement.sql())) {
      for (int i = 0; i < statement.params().size(); i++) {
        select.setObject(i + 1, statement.params().get(i));
      }
      List<SearchHit> hits = new ArrayList<>();
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          hits.add(new SearchHit(chunk(rs), rs.getDouble("score")));
        }
      }
      return hits;
    } catch (SQLException | RuntimeException e) {
      throw failure(query.type().key() + " search failed", e);
    }
  }

  @Override
  public boolean holds(String contentId) {
    try (Connection connection = pool.getConnection();
        PreparedStatement holds = connection.prepareStatement(
            "SELECT 1 FROM " + table.sql() + " WHERE content_id = ? LIMIT 1")) {
      holds.setString(1, contentId);
      try (ResultSet rs = holds.executeQuery()) {
        return rs.next();
      }
    } catch (SQLException | RuntimeException e) {
      throw failure("cannot look up content " + contentId, e);
    }
  }

  @Override
  public long count() {
    try (Connection connection = pool.getConnection();
        PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM " + table.sql());
        ResultSet rs = count.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException | RuntimeException e) {
      throw failure("cannot count its chunks", e);
    }
  }

  @Override
  public void close() {
    try {
      pool.close();
    } catch (RuntimeException ignored) {
      // closing never throws
    }
  }

  /** The table this index is on, as given (for messages and tests). */
  public String table() {
    return table.toString();
  }

  private String deleteSql() {
    return "DELETE FROM " + table.sql() + " WHERE content_id = ?";
  }

  private Chunk chunk(ResultSet rs) throws SQLException {
    Map<String, Object> metadata = new LinkedHashMap<>();
    String meta = rs.getString("meta_data");
    if (meta != null) {
      Json.MAPPER.readValue(meta, MAP).forEach((k, v) -> {
        if (v != null) {
          metadata.put(k, v);
        }
      });
    }
    return new Chunk(rs.getString("id"), orEmpty(rs.getString("content_id")), orEmpty(rs.getString("name")),
        orEmpty(rs.getString("content")), metadata, rs.getInt("position"),
        dimensions > 0 ? PgVectors.parse(rs.getString("embedding")) : null);
  }

  private static String orEmpty(@Nullable String text) {
    return text == null ? "" : text;
  }

  private KnowledgeException failure(String what, Throwable e) {
    return new KnowledgeException("pgvector table " + table + ": " + what + ": " + reason(e, password), e);
  }

  /** The innermost message (the most precise one), any password in it masked. */
  private static String reason(Throwable e, @Nullable String password) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    if (e instanceof SQLException && root != e && e.getMessage() != null) {
      message = e.getMessage();
    }
    return password == null || password.isEmpty() ? message : message.replace(password, "****");
  }
}
