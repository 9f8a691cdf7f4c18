package dev.agentry.engine.knowledge.internal.pgvector;

import dev.agentry.engine.knowledge.KnowledgeException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Creates what a pgvector index needs, idempotently and under an advisory lock (two processes may open one table at
 * once): the {@code vector} extension, the table in Agno's shape (id, name, meta_data, filters, content, embedding,
 * usage, created_at, updated_at, content_hash, content_id) plus {@code position} and a generated {@code content_tsv}
 * for full-text search, an HNSW index on the embedding for cosine distance, GIN indexes on {@code content_tsv} and
 * {@code meta_data}, and a B-tree on {@code content_id}. A table Agno made gets the missing columns added.
 */
final class PgVectorSchema {
  /** The text search configuration, as Agno's default {@code content_language}. */
  static final String LANGUAGE = "english";

  private PgVectorSchema() {}

  static void ensure(Connection connection, PgTableName table, int dimensions) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try (Statement sql = connection.createStatement()) {
      try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
        lock.setString(1, "agentry-pgvector:" + table);
        lock.execute();
      }
      ensureExtension(sql, dimensions);
      if (table.schema() != null) {
        sql.execute("CREATE SCHEMA IF NOT EXISTS " + PgTableName.quote(table.schema()));
      }
      String t = table.sql();
      sql.execute("CREATE TABLE IF NOT EXISTS " + t + " (id varchar PRIMARY KEY, name varchar, "
          + "meta_data jsonb NOT NULL DEFAULT '{}'::jsonb, filters jsonb DEFAULT '{}'::jsonb, content text, "
          + "usage jsonb, created_at timestamptz DEFAULT now(), updated_at timestamptz, content_hash varchar, "
          + "content_id varchar)");
      sql.execute("ALTER TABLE " + t + " ADD COLUMN IF NOT EXISTS position integer NOT NULL DEFAULT 0");
      sql.execute("ALTER TABLE " + t + " ADD COLUMN IF NOT EXISTS content_tsv tsvector GENERATED ALWAYS AS "
          + "(to_tsvector('" + LANGUAGE + "', coalesce(content, ''))) STORED");
      if (dimensions > 0) {
        ensureEmbedding(connection, sql, table, dimensions);
        sql.execute("CREATE INDEX IF NOT EXISTS " + table.index("embedding_hnsw") + " ON " + t
            + " USING hnsw (embedding vector_cosine_ops)");
      }
      sql.execute("CREATE INDEX IF NOT EXISTS " + table.index("content_tsv_gin") + " ON " + t
          + " USING gin (content_tsv)");
      sql.execute("CREATE INDEX IF NOT EXISTS " + table.index("meta_data_gin") + " ON " + t
          + " USING gin (meta_data jsonb_path_ops)");
      sql.execute("CREATE INDEX IF NOT EXISTS " + table.index("content_id") + " ON " + t + " (content_id)");
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  private static void ensureExtension(Statement sql, int dimensions) throws SQLException {
    try (ResultSet rs = sql.executeQuery("SELECT 1 FROM pg_extension WHERE extname = 'vector'")) {
      if (rs.next() || dimensions == 0) {
        return;
      }
    }
    try {
      sql.execute("CREATE EXTENSION IF NOT EXISTS vector");
    } catch (SQLException e) {
      throw new KnowledgeException("the database has no pgvector extension and this user cannot create it ("
          + e.getMessage() + "): install pgvector on the server and run CREATE EXTENSION vector as a superuser",
          e);
    }
  }

  /** Adds the embedding column, or checks that the one there has {@code dimensions}. */
  private static void ensureEmbedding(Connection connection, Statement sql, PgTableName table, int dimensions)
      throws SQLException {
    try (PreparedStatement column = connection.prepareStatement("SELECT format_type(atttypid, atttypmod), atttypmod "
        + "FROM pg_attribute WHERE attrelid = ?::regclass AND attname = 'embedding' AND NOT attisdropped")) {
      column.setString(1, table.sql());
      try (ResultSet rs = column.executeQuery()) {
        if (!rs.next()) {
          sql.execute("ALTER TABLE " + table.sql() + " ADD COLUMN embedding vector(" + dimensions + ")");
        } else if (rs.getInt(2) != dimensions) {
          throw new KnowledgeException("its embedding column is " + rs.getString(1) + ", but the embedder makes "
              + dimensions + " dimensions: use another table, or drop this one to re-index");
        }
      }
    }
  }
}
