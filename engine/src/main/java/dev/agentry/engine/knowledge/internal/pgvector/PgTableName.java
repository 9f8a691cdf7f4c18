package dev.agentry.engine.knowledge.internal.pgvector;

import dev.agentry.engine.knowledge.KnowledgeException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A validated table name, {@code name} or {@code schema.name}: letters, digits and '_' (not first), at most 63 each,
 * as PostgreSQL keeps them without truncation. Every use is quoted, so the case written is the case stored.
 *
 * @param schema the schema, or null for the connection's search path (normally {@code public})
 * @param name the table's name within it
 */
record PgTableName(@Nullable String schema, String name) {
  private static final Pattern PART = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

  static PgTableName of(String table) {
    String[] parts = table.split("\\.", -1);
    boolean valid = parts.length <= 2;
    for (String part : parts) {
      valid &= PART.matcher(part).matches();
    }
    if (!valid) {
      throw new KnowledgeException("pgvector table name '" + table + "' must be NAME or SCHEMA.NAME, each letters, "
          + "digits and '_' (up to 63, not starting with a digit)");
    }
    return parts.length == 2 ? new PgTableName(parts[0], parts[1]) : new PgTableName(null, parts[0]);
  }

  /** The quoted, qualified name for SQL: {@code "schema"."name"} or {@code "name"}. */
  String sql() {
    return schema == null ? quote(name) : quote(schema) + "." + quote(name);
  }

  /**
   * The quoted name of one of this table's indexes: {@code "<table>_<suffix>"}, with the table part shortened and
   * made unique by a hash when the whole would pass PostgreSQL's 63 characters (which it would silently truncate).
   */
  String index(String suffix) {
    String full = name + "_" + suffix;
    if (full.length() <= 63) {
      return quote(full);
    }
    String hash = sha1(toString()).substring(0, 8);
    return quote(name.substring(0, 63 - suffix.length() - hash.length() - 2) + "_" + hash + "_" + suffix);
  }

  static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  private static String sha1(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return schema == null ? name : schema + "." + name;
  }
}
