package dev.agentry.server.http;

import dev.agentry.engine.store.PageRequest;
import dev.agentry.engine.store.SessionStore;
import dev.agentry.engine.store.SessionType;
import dev.agentry.engine.store.SortOrder;
import dev.agentry.server.AgentOs;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The reader of query parameters and JSON bodies for the session, memory and metrics routes, which parses them as
 * FastAPI does: a value of the wrong type is a 422 in FastAPI's list shape ({@code agentos-api.md} §1.2), never a 500.
 */
final class Queries {
  private Queries() {}

  /** The parameter's value; null when absent or empty (FastAPI treats {@code ?x=} as absent for optional strings). */
  static @Nullable String text(Context ctx, String name) {
    String value = ctx.queryParam(name);
    return value == null || value.isEmpty() ? null : value;
  }

  /** A required parameter; FastAPI's 422 {@code missing} when it is absent or empty. */
  static String required(Context ctx, String name) {
    String value = text(ctx, name);
    if (value == null) {
      throw ApiException.missing("query", name);
    }
    return value;
  }

  /** An integer parameter, {@code absent} when not given; a 422 when it is not an integer or is below {@code min}. */
  static int integer(Context ctx, String name, int absent, int min) {
    Long value = longValue(ctx, name);
    if (value == null) {
      return absent;
    }
    if (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE) {
      throw invalid("int_parsing", name, "Input should be a valid integer, unable to parse string as an integer",
          ctx.queryParam(name), null);
    }
    if (value < min) {
      throw invalid("greater_than_equal", name, "Input should be greater than or equal to " + min,
          ctx.queryParam(name), Map.of("ge", min));
    }
    return value.intValue();
  }

  /** An integer parameter (epoch seconds, for instance), or null when absent; a 422 when it is not an integer. */
  static @Nullable Long longValue(Context ctx, String name) {
    String value = text(ctx, name);
    if (value == null) {
      return null;
    }
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw invalid("int_parsing", name, "Input should be a valid integer, unable to parse string as an integer",
          value, null);
    }
  }

  /** A boolean parameter as FastAPI reads it (true/false, 1/0, yes/no, on/off); a 422 otherwise. */
  static boolean bool(Context ctx, String name, boolean absent) {
    String value = text(ctx, name);
    if (value == null) {
      return absent;
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes", "on", "t", "y" -> true;
      case "false", "0", "no", "off", "f", "n" -> false;
      default -> throw invalid("bool_parsing", name, "Input should be a valid boolean, unable to interpret input",
          value, null);
    };
  }

  /** A {@code YYYY-MM-DD} parameter, or null when absent; a 422 when it is not a date. */
  static @Nullable LocalDate date(Context ctx, String name) {
    String value = text(ctx, name);
    if (value == null) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw invalid("date_from_datetime_parsing", name, "Input should be a valid date or datetime, invalid date format",
          value, Map.of("error", "invalid date format"));
    }
  }

  /** The {@code type} parameter (agent, team or workflow), or null when absent; a 422 for any other value. */
  static @Nullable SessionType sessionType(Context ctx) {
    String value = text(ctx, "type");
    if (value == null) {
      return null;
    }
    return SessionType.fromWireName(value).orElseThrow(() -> invalid("enum", "type",
        "Input should be 'agent', 'team' or 'workflow'", value, Map.of("expected", "'agent', 'team' or 'workflow'")));
  }

  /**
   * The page of a listing from {@code page} (1, at least 0), {@code limit} (20, at least 1), {@code sort_by}
   * ({@code sortBy} by default; one of {@code sortable}, else a 400 naming the choices) and {@code sort_order}
   * ("desc" by default).
   */
  static PageRequest page(Context ctx, String sortBy, Set<String> sortable) {
    int limit = integer(ctx, "limit", 20, 1);
    int page = integer(ctx, "page", 1, 0);
    String field = text(ctx, "sort_by");
    if (field != null && !sortable.contains(field)) {
      throw ApiException.badRequest("Invalid sort_by '" + field + "': use one of "
          + String.join(", ", sortable.stream().sorted().toList()));
    }
    return PageRequest.of(page, limit, field == null ? sortBy : field, sortOrder(ctx));
  }

  private static SortOrder sortOrder(Context ctx) {
    String value = text(ctx, "sort_order");
    if (value == null) {
      return SortOrder.DESC;
    }
    return switch (value) {
      case "asc" -> SortOrder.ASC;
      case "desc" -> SortOrder.DESC;
      default -> throw invalid("enum", "sort_order", "Input should be 'asc' or 'desc'", value,
          Map.of("expected", "'asc' or 'desc'"));
    };
  }

  /**
   * The store the request's {@code db_id} and {@code table} name ({@code agentos-api.md} §1.3, {@link AgentOs#store}):
   * a table without a db_id is a 400, an unknown db_id or a table the database does not have a 404, no db_id while
   * several databases are served a 400; resolution errors are 404s where the route wraps them, as sessions do.
   */
  static SessionStore store(AgentOs os, Context ctx, boolean resolutionIs404) {
    String dbId = text(ctx, "db_id");
    String table = text(ctx, "table");
    try {
      if (dbId == null && table != null) {
        throw ApiException.badRequest("The db_id query parameter is required when passing a table");
      }
      SessionStore store = os.store(dbId);
      if (table != null && !os.tables(dbId).contains(table)) {
        throw ApiException.notFound("No database with id '" + dbId + "' has table '" + table + "'");
      }
      return store;
    } catch (ApiException e) {
      throw resolutionIs404 && e.status() != 404 ? ApiException.notFound(String.valueOf(e.detail())) : e;
    }
  }

  /**
   * The JSON body as {@code type}; null when there is none and it is optional, FastAPI's 422 {@code missing} at
   * {@code ["body"]} when it is required, and a 422 when it is not JSON of that shape.
   */
  static <T> @Nullable T body(Context ctx, Class<T> type, boolean required) {
    byte[] body = ctx.bodyAsBytes();
    T value = isBlank(body) ? null : Json.read(body, type);
    if (value == null && required) {
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("type", "missing");
      error.put("loc", List.of("body"));
      error.put("msg", "Field required");
      error.put("input", null);
      throw ApiException.invalid(List.of(error));
    }
    return value;
  }

  private static boolean isBlank(byte[] body) {
    for (byte b : body) {
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        return false;
      }
    }
    return true;
  }

  /** A 422 for one query parameter, with FastAPI's {@code ctx} when it has one. */
  static ApiException invalid(String type, String name, String message, @Nullable Object input,
      @Nullable Map<String, Object> context) {
    return invalidAt("query", type, name, message, input, context);
  }

  /** A 422 for one field of {@code where} ("query" or "body"), with FastAPI's {@code ctx} when it has one. */
  static ApiException invalidAt(String where, String type, String name, String message, @Nullable Object input,
      @Nullable Map<String, Object> context) {
    Map<String, Object> error = new LinkedHashMap<>(ApiException.error(type, where, name, message, input));
    if (context != null) {
      error.put("ctx", context);
    }
    return ApiException.invalid(List.of(error));
  }
}
