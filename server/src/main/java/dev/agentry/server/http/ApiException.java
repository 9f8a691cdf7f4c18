package dev.agentry.server.http;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A request the API refuses, with the status and the {@code detail} of the contract's error body
 * ({@code agentos-api.md} §1.2). Handlers throw it; {@link Routes} alone turns it into a response.
 *
 * @param status the HTTP status
 * @param detail a message, or the list of validation errors of a 422
 */
public final class ApiException extends RuntimeException {
  private final int status;
  private final Object detail;

  private ApiException(int status, Object detail) {
    super(detail.toString(), null, false, false);
    this.status = status;
    this.detail = detail;
  }

  public int status() {
    return status;
  }

  public Object detail() {
    return detail;
  }

  public static ApiException of(int status, String detail) {
    return new ApiException(status, detail);
  }

  public static ApiException badRequest(String detail) {
    return new ApiException(400, detail);
  }

  public static ApiException notFound(String detail) {
    return new ApiException(404, detail);
  }

  public static ApiException conflict(String detail) {
    return new ApiException(409, detail);
  }

  public static ApiException notImplemented(String detail) {
    return new ApiException(501, detail);
  }

  public static ApiException unavailable(String detail) {
    return new ApiException(503, detail);
  }

  /** A 422 for a required field that is missing, in FastAPI's shape. */
  public static ApiException missing(String where, String field) {
    return invalid(List.of(error("missing", where, field, "Field required", null)));
  }

  /** A 422 for a value that does not have the expected type, in FastAPI's shape. */
  public static ApiException invalidValue(String type, String where, String field, String message,
      @Nullable Object input) {
    return invalid(List.of(error(type, where, field, message, input)));
  }

  /** A 422 listing the given validation errors. */
  public static ApiException invalid(List<Map<String, Object>> errors) {
    return new ApiException(422, List.copyOf(errors));
  }

  /** One validation error: {@code {"type","loc":[where, field],"msg","input"}}. */
  public static Map<String, Object> error(String type, String where, String field, String message,
      @Nullable Object input) {
    java.util.LinkedHashMap<String, Object> error = new java.util.LinkedHashMap<>();
    error.put("type", type);
    error.put("loc", List.of(where, field));
    error.put("msg", message);
    error.put("input", input);
    return error;
  }
}
