package dev.agentry.engine.tool.http;

import dev.agentry.engine.internal.Json;
import dev.agentry.engine.internal.http.GuardedHttp;
import dev.agentry.engine.internal.http.HttpFailure;
import dev.agentry.engine.tool.Tool;
import dev.agentry.engine.tool.ToolContext;
import dev.agentry.engine.tool.ToolDefinition;
import dev.agentry.engine.tool.ToolResult;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One endpoint's function: fills the URL, the query, the headers and the body from the arguments, sends the request
 * through the toolkit's {@link GuardedHttp}, and returns {@code status: N} and the body (JSON pretty-printed). A
 * status other than 2xx is an error result with the status and the start of the body.
 */
final class EndpointTool implements Tool {
  /** The characters of an error body the model sees. */
  static final int ERROR_EXCERPT = 2000;

  private final Endpoint endpoint;
  private final Connection connection;
  private final GuardedHttp http;

  EndpointTool(Endpoint endpoint, Connection connection, GuardedHttp http) {
    this.endpoint = endpoint;
    this.connection = connection;
    this.http = http;
  }

  @Override
  public ToolDefinition definition() {
    return endpoint.definition();
  }

  @Override
  public ToolResult invoke(JsonNode arguments, ToolContext context) {
    try {
      return call(arguments.isObject() ? (ObjectNode) arguments : Json.MAPPER.createObjectNode(), context);
    } catch (HttpFailure e) {
      return ToolResult.error(e.getMessage());
    }
  }

  private ToolResult call(ObjectNode arguments, ToolContext context) {
    Set<String> used = new HashSet<>();
    Map<String, List<String>> query = new LinkedHashMap<>();
    for (String name : endpoint.query()) {
      JsonNode value = arguments.get(name);
      used.add(name);
      if (value != null && !value.isNull()) {
        List<String> values = new ArrayList<>();
        if (value.isArray()) {
          value.forEach(item -> values.add(text(item)));
        } else {
          values.add(text(value));
        }
        query.put(name, values);
      }
    }
    Map<String, String> headers = new LinkedHashMap<>(connection.headers());
    headers.putAll(endpoint.headers());
    endpoint.headerArguments().forEach((argument, header) -> {
      used.add(argument);
      JsonNode value = arguments.get(argument);
      if (value != null && !value.isNull()) {
        headers.put(header, text(value));
      }
    });
    if (connection.auth() != null && endpoint.authenticated()) {
      Map<String, String> authQuery = new LinkedHashMap<>();
      connection.auth().apply(headers, authQuery);
      authQuery.forEach((name, value) -> query.put(name, List.of(value)));
    }
    used.addAll(endpoint.url().placeholders());
    URI uri = endpoint.url().fill(name -> {
      JsonNode value = arguments.get(name);
      if (value == null || value.isNull() || text(value).isEmpty()) {
        throw new HttpFailure("the argument '" + name + "' is required: it fills {" + name + "} in the URL");
      }
      return text(value);
    }, query);
    GuardedHttp.Response response = http.exchange(uri, endpoint.method(), body(arguments, used), headers,
        context.cancellation());
    return result(response);
  }

  private GuardedHttp.@Nullable Body body(ObjectNode arguments, Set<String> used) {
    if (endpoint.body() == Endpoint.BodyMode.NONE) {
      return null;
    }
    JsonNode content;
    if (endpoint.bodyArgument() != null) {
      content = arguments.get(endpoint.bodyArgument());
      if (content == null || content.isNull()) {
        return null;
      }
    } else {
      ObjectNode rest = Json.MAPPER.createObjectNode();
      arguments.properties().forEach(entry -> {
        if (!used.contains(entry.getKey())) {
          rest.set(entry.getKey(), entry.getValue());
        }
      });
      content = rest;
    }
    if (endpoint.body() == Endpoint.BodyMode.JSON) {
      return new GuardedHttp.Body(Json.MAPPER.writeValueAsBytes(content), "application/json");
    }
    if (!content.isObject()) {
      throw new HttpFailure("the body of a form must be an object of fields");
    }
    StringBuilder form = new StringBuilder();
    content.properties().forEach(entry -> {
      List<JsonNode> values = new ArrayList<>();
      if (entry.getValue().isArray()) {
        entry.getValue().forEach(values::add);
      } else {
        values.add(entry.getValue());
      }
      for (JsonNode value : values) {
        if (value.isNull()) {
          continue;
        }
        form.append(form.isEmpty() ? "" : "&").append(UrlTemplate.encode(entry.getKey())).append('=')
            .append(UrlTemplate.encode(text(value)));
      }
    });
    return new GuardedHttp.Body(form.toString().getBytes(StandardCharsets.UTF_8),
        "application/x-www-form-urlencoded");
  }

  private static ToolResult result(GuardedHttp.Response response) {
    String status = "status: " + response.status();
    if (response.body() == null) {
      String text = status + "\n\n[the body is not text (" + response.contentType() + ") and is not shown]";
      return ok(response.status()) ? ToolResult.of(text) : ToolResult.error(text);
    }
    String body = response.text();
    if (!ok(response.status())) {
      boolean cut = body.length() > ERROR_EXCERPT;
      return ToolResult.error(status + " (the request failed)\n\n" + (cut ? body.substring(0, ERROR_EXCERPT)
          + "\n[the body goes on; only its start is shown]" : body));
    }
    if (response.truncated()) {
      return ToolResult.of(status + "\n\n" + body + "\n" + response.truncationNote());
    }
    return ToolResult.of(status + (body.isEmpty() ? "" : "\n\n" + pretty(body, response.contentType())));
  }

  private static boolean ok(int status) {
    return status >= 200 && status < 300;
  }

  /** JSON pretty-printed, anything else as it came. */
  private static String pretty(String body, String contentType) {
    if (!contentType.toLowerCase(Locale.ROOT).contains("json")) {
      return body;
    }
    try {
      return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(Json.MAPPER.readTree(body));
    } catch (JacksonException e) {
      return body;
    }
  }

  /** An argument as text: a string as it is, anything else as JSON. */
  private static String text(JsonNode value) {
    return value.isString() ? value.asString() : value.toString();
  }
}
