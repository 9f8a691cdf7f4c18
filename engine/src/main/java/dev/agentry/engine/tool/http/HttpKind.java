package dev.agentry.engine.tool.http;

import dev.agentry.engine.internal.Json;
import dev.agentry.engine.tool.ToolDefinition;
import dev.agentry.engine.tool.Toolkit;
import dev.agentry.engine.tool.ToolkitKind;
import dev.agentry.engine.tool.ToolkitSettings;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code http:}: declared endpoints as functions ({@code schemas/toolkit.schema.json#/$defs/http}). Each endpoint's URL
 * (absolute, or appended to {@code base_url}) is a template whose {@code {name}} placeholders are filled from the
 * arguments; the toolkit reaches only the hosts of those URLs, never a private address unless
 * {@code allow_private_addresses}, and follows redirects only to those hosts.
 *
 * <p>The argument schema is the endpoint's {@code parameters} when declared (it must have a property for each
 * placeholder and query name); else it is derived: each placeholder a required string, each query name an optional
 * string, and for an endpoint with a body any other property, sent as the body.
 */
public final class HttpKind implements ToolkitKind {
  private static final Pattern NAME = Pattern.compile("^[a-zA-Z0-9_-]{1,64}$");
  private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD");

  @Override
  public String key() {
    return "http";
  }

  @Override
  public List<ToolDefinition> describe(ToolkitSettings settings) {
    Fields fields = Fields.of(settings.value(), "http");
    connection(fields);
    return endpoints(fields).stream().map(Endpoint::definition).toList();
  }

  @Override
  public Toolkit open(ToolkitSettings settings) {
    Fields fields = Fields.of(settings.value(), "http");
    return EndpointToolkit.open(endpoints(fields), connection(fields), "http");
  }

  private static Connection connection(Fields fields) {
    Connection connection = Connection.read(fields);
    if (connection.auth() != null) {
      connection.auth().check("auth");
    }
    return connection;
  }

  private static List<Endpoint> endpoints(Fields settings) {
    String base = settings.string("base_url");
    if (base != null) {
      try {
        UrlTemplate template = UrlTemplate.of(base);
        if (!template.placeholders().isEmpty()) {
          throw settings.fail("base_url", "cannot have placeholders");
        }
      } catch (IllegalArgumentException e) {
        throw settings.fail("base_url", e.getMessage());
      }
    }
    JsonNode list = settings.node().get("endpoints");
    if (list == null || !list.isArray() || list.isEmpty()) {
      throw settings.fail("endpoints", "must list at least one endpoint");
    }
    List<Endpoint> endpoints = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      Endpoint endpoint = endpoint(settings.item("endpoints", i), base);
      if (!names.add(endpoint.name())) {
        throw settings.fail("endpoints[" + i + "].name", "'" + endpoint.name() + "' is used by another endpoint");
      }
      endpoints.add(endpoint);
    }
    return List.copyOf(endpoints);
  }

  private static Endpoint endpoint(Fields fields, @Nullable String base) {
    String name = fields.requiredString("name");
    if (!NAME.matcher(name).matches()) {
      throw fields.fail("name", "'" + name + "' must be 1 to 64 letters, digits, _ or -");
    }
    String method = fields.string("method") == null ? "GET" : fields.requiredString("method").toUpperCase(Locale.ROOT);
    if (!METHODS.contains(method)) {
      throw fields.fail("method", "must be one of GET, POST, PUT, PATCH, DELETE or HEAD, not '" + method + "'");
    }
    UrlTemplate url = url(fields, base);
    List<String> query = fields.strings("query");
    Endpoint.BodyMode body = bodyMode(fields, method);
    ObjectNode parameters = parameters(fields, url, query, body);
    String description = fields.string("description");
    if (description == null || description.isBlank()) {
      description = method + " " + url.template();
    }
    return new Endpoint(new ToolDefinition(name, description, parameters), method, url, query, Map.of(),
        fields.stringMap("headers"), body, null, true);
  }

  private static UrlTemplate url(Fields fields, @Nullable String base) {
    String written = fields.requiredString("url");
    String lower = written.toLowerCase(Locale.ROOT);
    boolean absolute = lower.startsWith("http://") || lower.startsWith("https://");
    if (!absolute && written.contains("://")) {
      throw fields.fail("url", "'" + written + "' is not an http or https URL");
    }
    if (!absolute && base == null) {
      throw fields.fail("url", "'" + written + "' is relative, and the toolkit has no base_url");
    }
    String full = absolute ? written
        : stripEnd(base) + (written.isEmpty() || written.startsWith("?") ? "" : "/") + stripStart(written);
    try {
      return UrlTemplate.of(full);
    } catch (IllegalArgumentException e) {
      throw fields.fail("url", e.getMessage());
    }
  }

  private static String stripEnd(String base) {
    return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  private static String stripStart(String path) {
    return path.startsWith("/") ? path.substring(1) : path;
  }

  private static Endpoint.BodyMode bodyMode(Fields fields, String method) {
    String body = fields.string("body");
    if (body == null) {
      return Endpoint.BodyMode.defaultFor(method);
    }
    return switch (body.toLowerCase(Locale.ROOT)) {
      case "json" -> Endpoint.BodyMode.JSON;
      case "form" -> Endpoint.BodyMode.FORM;
      case "none" -> Endpoint.BodyMode.NONE;
      default -> throw fields.fail("body", "must be json, form or none, not '" + body + "'");
    };
  }

  private static ObjectNode parameters(Fields fields, UrlTemplate url, List<String> query, Endpoint.BodyMode body) {
    Fields declared = fields.object("parameters");
    if (declared != null) {
      ObjectNode schema = ((ObjectNode) declared.node()).deepCopy();
      JsonNode type = schema.get("type");
      if (type != null && !(type.isString() && type.asString().equals("object"))) {
        throw fields.fail("parameters", "must be an object schema (type: object)");
      }
      JsonNode properties = schema.get("properties");
      for (String placeholder : url.placeholders()) {
        if (properties == null || !properties.has(placeholder)) {
          throw fields.fail("url", "has the placeholder {" + placeholder + "}, which parameters has no property"
              + " '" + placeholder + "' for");
        }
      }
      for (String name : query) {
        if (properties == null || !properties.has(name)) {
          throw fields.fail("query", "names '" + name + "', which parameters has no property for");
        }
      }
      schema.put("type", "object");
      return schema;
    }
    ObjectNode schema = Json.MAPPER.createObjectNode().put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    ArrayNode required = schema.putArray("required");
    for (String placeholder : url.placeholders()) {
      properties.putObject(placeholder).put("type", "string").put("description", "Fills {" + placeholder
          + "} in the URL.");
      required.add(placeholder);
    }
    for (String name : query) {
      if (!properties.has(name)) {
        properties.putObject(name).put("type", "string").put("description", "Query parameter " + name + ".");
      }
    }
    if (body == Endpoint.BodyMode.NONE) {
      schema.put("additionalProperties", false);
    } else {
      schema.put("description", "Arguments other than the URL placeholders and the query are sent as the "
          + (body == Endpoint.BodyMode.JSON ? "JSON" : "form") + " body.");
    }
    return schema;
  }
}
