package dev.agentry.server.http;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The form fields of a run request ({@code multipart/form-data} or {@code application/x-www-form-urlencoded},
 * {@code agentos-api.md} §1.3, §2.5.1), read once, with the contract's parsing of booleans, integers and JSON fields.
 */
public final class Forms {
  /** The most bytes of a too-large body read and dropped before its 413 is sent. */
  private static final long MAX_DISCARD = 16L * 1024 * 1024;

  private final Map<String, List<String>> fields;
  private final List<Multipart.Upload> files;

  private Forms(Map<String, List<String>> fields, List<Multipart.Upload> files) {
    InputText.check(fields);
    this.fields = fields;
    this.files = files;
  }

  /**
   * The form of a request; a 400 when the body is not a well-formed form, a 413 when it is longer than
   * {@code maxBytes} (ServerSettings.maxRequestBytes).
   */
  public static Forms of(Context ctx, long maxBytes) {
    if (!ctx.isMultipartFormData() && !ctx.isFormUrlencoded()) {
      String type = ctx.contentType();
      if (type != null && !type.isBlank() && ctx.contentLength() != 0) {
        throw ApiException.invalidValue("model_attributes_type", "body", "",
            "Input should be a valid form (multipart/form-data or application/x-www-form-urlencoded)", type);
      }
      return new Forms(Map.of(), List.of());
    }
    try {
      if (ctx.isMultipartFormData()) {
        if (ctx.contentLength() > maxBytes) {
          throw new Multipart.TooLargeException();
        }
        Multipart multipart = Multipart.read(ctx.req().getInputStream(), ctx.contentType(), maxBytes,
            ctx.contentLength());
        return new Forms(multipart.fields(), multipart.files());
      }
      return new Forms(ctx.formParamMap(), List.of());
    } catch (Multipart.MalformedException e) {
      ctx.header("Connection", "close"); // the rest of the body is unread
      throw ApiException.badRequest("Malformed form data: " + e.getMessage());
    } catch (Multipart.TooLargeException e) {
      ctx.header("Connection", "close");
      discardBody(ctx);
      throw ApiException.of(413, Routes.TOO_LARGE);
    } catch (ApiException e) {
      throw e;
    } catch (Exception e) { // Javalin (Kotlin) rethrows the servlet layer's checked ServletException/IOException
      // the unread rest of a malformed body cannot be skipped safely: the client must not reuse this connection
      ctx.header("Connection", "close");
      if (tooLarge(e)) {
        discardBody(ctx);
        throw ApiException.of(413, Routes.TOO_LARGE);
      }
      throw ApiException.badRequest("Malformed form data: " + rootReason(e));
    }
  }

  /**
   * Reads and drops what is left of a body refused as too large (up to {@value #MAX_DISCARD} bytes), so that closing
   * the connection does not reset it before the client has read the 413 (a "lingering close").
   */
  private static void discardBody(Context ctx) {
    try {
      ctx.req().getInputStream().skipNBytes(Math.min(MAX_DISCARD, Math.max(0, ctx.contentLength())));
    } catch (java.io.IOException | RuntimeException e) {
      // the client stopped sending: nothing left to drop
    }
  }

  /** Whether the form failed because the body is over the size limit (Javalin's 413 on reading the body). */
  private static boolean tooLarge(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof HttpResponseException r && r.getStatus() == 413) {
        return true;
      }
    }
    return false;
  }

  /** The innermost message: Jetty wraps the useful one ("unexpected EOF in CONTENT") in "bad multipart". */
  private static String rootReason(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return Routes.reason(root);
  }

  /** Every text field with its values, in order (to send the same form on, e.g. a forwarded {@code /resume}). */
  Map<String, List<String>> fields() {
    return fields;
  }

  /** The uploaded files (multipart parts with a filename), in order. */
  List<Multipart.Upload> files() {
    return files;
  }

  /** The field's last value, or null when absent. */
  public @Nullable String text(String name) {
    List<String> values = fields.get(name);
    return values == null || values.isEmpty() ? null : values.getLast();
  }

  /** The field's value; null when absent or empty (Agno treats an empty session_id as absent). */
  public @Nullable String optional(String name) {
    String value = text(name);
    return value == null || value.isEmpty() ? null : value;
  }

  /** A required field; a 422 when it is missing. */
  public String required(String name) {
    String value = text(name);
    if (value == null) {
      throw ApiException.missing("body", name);
    }
    return value;
  }

  /** A boolean field as FastAPI parses it (true/false, 1/0, yes/no, on/off); a 422 otherwise. */
  public boolean bool(String name, boolean absent) {
    Boolean value = optionalBool(name);
    return value == null ? absent : value;
  }

  /** A boolean field, or null when absent. */
  public @Nullable Boolean optionalBool(String name) {
    String value = optional(name);
    if (value == null) {
      return null;
    }
    return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "true", "1", "yes", "on", "t", "y" -> true;
      case "false", "0", "no", "off", "f", "n" -> false;
      default -> throw ApiException.invalidValue("bool_parsing", "body", name,
          "Input should be a valid boolean, unable to interpret input", value);
    };
  }

  /** An integer field, or null when absent; a 422 when it is not an integer. */
  public @Nullable Integer integer(String name) {
    String value = optional(name);
    if (value == null) {
      return null;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw ApiException.invalidValue("int_parsing", "body", name,
          "Input should be a valid integer, unable to parse string as an integer", value);
    }
  }

  /** A field holding JSON, or null when absent; a 400 {@code "Invalid JSON in <name> field"} when it is not JSON. */
  public @Nullable JsonNode json(String name) {
    String value = optional(name);
    if (value == null) {
      return null;
    }
    JsonNode node = Json.parse(value);
    if (node == null) {
      throw ApiException.badRequest("Invalid JSON in " + name + " field");
    }
    InputText.check(node, List.of("body", name));
    return node;
  }

  /** A field holding a JSON object, or null when absent; a 400 when it is not a JSON object. */
  public @Nullable Map<String, Object> object(String name) {
    JsonNode node = json(name);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isObject()) {
      throw ApiException.badRequest("Invalid JSON in " + name + " field: expected a JSON object");
    }
    return Json.MAPPER.convertValue(node, Json.MAPPER.getTypeFactory().constructMapType(
        java.util.LinkedHashMap.class, String.class, Object.class));
  }
}
