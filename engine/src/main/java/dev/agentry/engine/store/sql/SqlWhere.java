package dev.agentry.engine.store.sql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jspecify.annotations.Nullable;

/**
 * The WHERE clause of a listing, made of the filters that are set (a null filter matches everything), with its bound
 * values; the same clause serves the page query and its count.
 */
final class SqlWhere {
  private final SqlDialect dialect;
  private final List<String> conditions = new ArrayList<>();
  private final Map<String, Object> values = new LinkedHashMap<>();

  private SqlWhere(SqlDialect dialect) {
    this.dialect = dialect;
  }

  static SqlWhere create(SqlDialect dialect) {
    return new SqlWhere(dialect);
  }

  /** {@code column = value}, unless value is null. */
  SqlWhere equal(String column, @Nullable Object value) {
    return value == null ? this : condition(column + " = " + parameter(value));
  }

  /** {@code column >= value}, unless value is null. */
  SqlWhere atLeast(String column, @Nullable Object value) {
    return value == null ? this : condition(column + " >= " + parameter(value));
  }

  /** {@code column <= value}, unless value is null. */
  SqlWhere atMost(String column, @Nullable Object value) {
    return value == null ? this : condition(column + " <= " + parameter(value));
  }

  /** {@code column} contains {@code text}, ignoring case, unless text is null. */
  SqlWhere contains(String column, @Nullable String text) {
    return text == null ? this : condition(dialect.containsIgnoringCase(column, parameter(likePattern(text))));
  }

  /** A condition on a list of bound values, given their parameters ({@code :w1, :w2}); none when empty. */
  SqlWhere anyOf(List<?> list, Function<String, String> condition) {
    if (list.isEmpty()) {
      return this;
    }
    List<String> parameters = list.stream().map(this::parameter).toList();
    return condition(condition.apply(String.join(", ", parameters)));
  }

  /** A condition without values. */
  SqlWhere condition(String sql) {
    conditions.add(sql);
    return this;
  }

  /** " WHERE a AND b", or "" when nothing is filtered. */
  String sql() {
    return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
  }

  <S extends SqlStatement<S>> S bind(S statement) {
    return statement.bindMap(values);
  }

  private String parameter(Object value) {
    String name = "w" + values.size();
    values.put(name, value);
    return ":" + name;
  }

  /** {@code %text%} in lower case, its own '%', '_' and '\' escaped with '\'. */
  static String likePattern(String text) {
    String escaped = text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    return "%" + escaped + "%";
  }
}
