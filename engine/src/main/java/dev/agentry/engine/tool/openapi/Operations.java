package dev.agentry.engine.tool.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentry.engine.internal.Json;
import dev.agentry.engine.tool.ToolDefinition;
import dev.agentry.engine.tool.ToolkitException;
import dev.agentry.engine.tool.http.Endpoint;
import dev.agentry.engine.tool.http.Fields;
import dev.agentry.engine.tool.http.UrlTemplate;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.servers.ServerVariable;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The operations of a document as {@link Endpoint}s: each named by its {@code operationId} (sanitized to
 * {@code ^[a-zA-Z0-9_-]{1,64}$}; without one, by method and path such as {@code delete_pets_petId}), described by its
 * summary and description, its arguments the path, query and header parameters by name, and the request body (JSON
 * or form) as one argument named {@code body}. Cookie parameters are not sent. The toolkit's auth is sent with every
 * operation but those whose security is an empty list (public on purpose).
 */
final class Operations {
  private static final int MAX_NAME = 64;

  private Operations() {}

  /**
   * The endpoints of {@code document}'s operations named by {@code operations} (operationIds or function names; all
   * when empty) and tagged with one of {@code tags} (any when empty).
   */
  static List<Endpoint> endpoints(OpenApiDocument document, Fields settings, @Nullable String serverUrl,
      List<String> operations, List<String> tags) {
    OpenAPI api = document.api();
    String server = server(document, settings, serverUrl);
    ObjectMapper mapper = api.getSpecVersion() == SpecVersion.V31 ? Json31.mapper()
        : io.swagger.v3.core.util.Json.mapper();
    List<Endpoint> endpoints = new ArrayList<>();
    Set<String> names = new HashSet<>();
    Set<String> known = new HashSet<>();
    List<String> all = new ArrayList<>();
    for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
      for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().readOperationsMap().entrySet()) {
        Operation operation = entry.getValue();
        String method = entry.getKey().name();
        String name = unique(name(operation, method, path.getKey()), names);
        all.add(name);
        known.add(name);
        if (operation.getOperationId() != null) {
          known.add(operation.getOperationId());
        }
        boolean named = operations.isEmpty() || operations.contains(name)
            || (operation.getOperationId() != null && operations.contains(operation.getOperationId()));
        boolean tagged = tags.isEmpty() || (operation.getTags() != null
            && operation.getTags().stream().anyMatch(tags::contains));
        if (named && tagged) {
          endpoints.add(endpoint(api, name, method, server + path.getKey(), path.getValue(), operation, mapper));
        }
      }
    }
    for (String wanted : operations) {
      if (!known.contains(wanted)) {
        throw settings.fail("operations", "names '" + wanted + "', which the document has no operation for; its"
            + " operations are " + String.join(", ", all));
      }
    }
    return List.copyOf(endpoints);
  }

  /** The base URL: server_url, else the document's first server with its variables' defaults. */
  private static String server(OpenApiDocument document, Fields settings, @Nullable String serverUrl) {
    if (serverUrl != null) {
      if (!isHttp(serverUrl)) {
        throw settings.fail("server_url", "'" + serverUrl + "' is not an http or https URL");
      }
      return stripEnd(serverUrl);
    }
    List<Server> servers = document.api().getServers();
    Server first = servers == null || servers.isEmpty() ? null : servers.get(0);
    String url = first == null || first.getUrl() == null ? "/" : first.getUrl();
    if (first != null && first.getVariables() != null) {
      for (Map.Entry<String, ServerVariable> variable : first.getVariables().entrySet()) {
        if (variable.getValue().getDefault() != null) {
          url = url.replace("{" + variable.getKey() + "}", variable.getValue().getDefault());
        }
      }
    }
    if (isHttp(url)) {
      return stripEnd(url);
    }
    if (document.location() == null) {
      throw settings.fail("server_url", "is required: the document's server '" + url + "' is not an absolute http"
          + " or https URL");
    }
    return stripEnd(document.location().resolve(URI.create(url)).toString());
  }

  private static boolean isHttp(String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    return lower.startsWith("http://") || lower.startsWith("https://");
  }

  private static String stripEnd(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** An operation whose security (its own, else the document's) is an empty list: it takes no credentials. */
  private static boolean publicOperation(OpenAPI api, Operation operation) {
    List<SecurityRequirement> security = operation.getSecurity() != null ? operation.getSecurity() : api.getSecurity();
    return security != null && security.isEmpty();
  }

  private static Endpoint endpoint(OpenAPI api, String name, String method, String url, PathItem path,
      Operation operation, ObjectMapper mapper) {
    UrlTemplate template;
    try {
      template = UrlTemplate.of(url);
    } catch (IllegalArgumentException e) {
      throw new ToolkitException("operation " + name + ": the URL " + e.getMessage());
    }
    ObjectNode schema = Json.MAPPER.createObjectNode().put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    ArrayNode required = schema.putArray("required");
    List<String> query = new ArrayList<>();
    Map<String, String> headers = new LinkedHashMap<>();
    for (Parameter parameter : parameters(path, operation)) {
      String in = String.valueOf(parameter.getIn()).toLowerCase(Locale.ROOT);
      String argument = parameter.getName();
      if (argument == null || properties.has(argument) || !Set.of("path", "query", "header").contains(in)) {
        continue;
      }
      properties.set(argument, parameterSchema(parameter, mapper));
      if (in.equals("path") || Boolean.TRUE.equals(parameter.getRequired())) {
        required.add(argument);
      }
      if (in.equals("query")) {
        query.add(argument);
      } else if (in.equals("header")) {
        headers.put(argument, argument);
      }
    }
    for (String placeholder : template.placeholders()) {
      if (!properties.has(placeholder)) { // a path parameter the document forgot to declare
        properties.putObject(placeholder).put("type", "string");
        required.add(placeholder);
      }
    }
    Endpoint.BodyMode body = Endpoint.BodyMode.NONE;
    String bodyArgument = null;
    String unsent = null;
    RequestBody requestBody = operation.getRequestBody();
    if (requestBody != null && requestBody.getContent() != null && !requestBody.getContent().isEmpty()) {
      Map.Entry<String, MediaType> media = media(requestBody);
      if (media == null) {
        unsent = String.join(", ", requestBody.getContent().keySet());
      } else {
        body = media.getKey().toLowerCase(Locale.ROOT).contains("json") ? Endpoint.BodyMode.JSON
            : Endpoint.BodyMode.FORM;
        bodyArgument = properties.has("body") ? "request_body" : "body";
        ObjectNode bodySchema = media.getValue().getSchema() == null ? Json.MAPPER.createObjectNode()
            : toJson(media.getValue().getSchema(), mapper);
        if (requestBody.getDescription() != null && !bodySchema.has("description")) {
          bodySchema.put("description", requestBody.getDescription());
        }
        properties.set(bodyArgument, bodySchema);
        if (Boolean.TRUE.equals(requestBody.getRequired())) {
          required.add(bodyArgument);
        }
      }
    }
    if (required.isEmpty()) {
      schema.remove("required");
    }
    ComponentRefs.inline(schema, api, component -> toJson(component, mapper));
    String description = description(method, path, operation, url)
        + (unsent == null ? "" : " (Its request body, " + unsent + ", cannot be sent by this toolkit.)");
    return new Endpoint(new ToolDefinition(name, description, schema), method, template, query, headers, Map.of(),
        body, bodyArgument, !publicOperation(api, operation));
  }

  /** The path item's parameters with the operation's on top (same name and location). */
  private static List<Parameter> parameters(PathItem path, Operation operation) {
    Map<String, Parameter> merged = new LinkedHashMap<>();
    for (List<Parameter> list : Arrays.asList(path.getParameters(), operation.getParameters())) {
      if (list != null) {
        for (Parameter parameter : list) {
          merged.put(parameter.getIn() + " " + parameter.getName(), parameter);
        }
      }
    }
    return List.copyOf(merged.values());
  }

  /** The JSON media type of a body, else a form; null when it has neither. */
  private static Map.@Nullable Entry<String, MediaType> media(RequestBody body) {
    Map.Entry<String, MediaType> form = null;
    for (Map.Entry<String, MediaType> entry : body.getContent().entrySet()) {
      String type = entry.getKey().toLowerCase(Locale.ROOT);
      if (type.contains("json")) {
        return entry;
      }
      if (type.startsWith("application/x-www-form-urlencoded") && form == null) {
        form = entry;
      }
    }
    return form;
  }

  private static ObjectNode parameterSchema(Parameter parameter, ObjectMapper mapper) {
    Schema<?> schema = parameter.getSchema();
    if (schema == null && parameter.getContent() != null && !parameter.getContent().isEmpty()) {
      schema = parameter.getContent().values().iterator().next().getSchema();
    }
    ObjectNode json = schema == null ? Json.MAPPER.createObjectNode().put("type", "string") : toJson(schema, mapper);
    if (parameter.getDescription() != null && !json.has("description")) {
      json.put("description", parameter.getDescription());
    }
    return json;
  }

  private static ObjectNode toJson(Schema<?> schema, ObjectMapper mapper) {
    try {
      JsonNode node = Json.MAPPER.readTree(mapper.writeValueAsString(schema));
      return node.isObject() ? (ObjectNode) node : Json.MAPPER.createObjectNode();
    } catch (JsonProcessingException e) {
      throw new ToolkitException("a schema of the document cannot be read: " + e.getOriginalMessage());
    }
  }

  private static String description(String method, PathItem path, Operation operation, String url) {
    List<String> parts = new ArrayList<>();
    for (String text : new String[] {operation.getSummary(), operation.getDescription(), path.getSummary()}) {
      if (text != null && !text.isBlank() && !parts.contains(text.strip())) {
        parts.add(text.strip());
      }
    }
    return parts.isEmpty() ? method + " " + url : String.join("\n\n", parts);
  }

  /** The function name of an operation: its operationId, else method and path, sanitized. */
  static String name(Operation operation, String method, String path) {
    String raw = operation.getOperationId() != null && !operation.getOperationId().isBlank()
        ? operation.getOperationId()
        : method.toLowerCase(Locale.ROOT) + "_" + path.replaceAll("[{}]", "");
    String name = raw.replaceAll("[^a-zA-Z0-9_-]+", "_").replaceAll("_+", "_").replaceAll("^_|_$", "");
    if (name.isEmpty()) {
      name = method.toLowerCase(Locale.ROOT);
    }
    return name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
  }

  private static String unique(String name, Set<String> taken) {
    String candidate = name;
    for (int n = 2; !taken.add(candidate); n++) {
      String suffix = "_" + n;
      candidate = (name.length() + suffix.length() > MAX_NAME ? name.substring(0, MAX_NAME - suffix.length())
          : name) + suffix;
    }
    return candidate;
  }
}
