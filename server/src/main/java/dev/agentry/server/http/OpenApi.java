package dev.agentry.server.http;

import dev.agentry.engine.spec.AgentOsSpec;
import dev.agentry.server.AgentOs;
import dev.agentry.server.auth.Access;
import dev.agentry.server.auth.AuthSettings;
import dev.agentry.server.auth.Authentication;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The API's OpenAPI 3.1 document ({@code GET /openapi.json}), built from the route table so that it cannot miss a
 * route: one operation per {@link Routes.Route}, its path parameters from the {@code {...}} segments, the form fields
 * of the run routes, and the contract's {@code {"detail": ...}} error bodies ({@code agentos-api.md} §1.2, §2).
 */
public final class OpenApi {
  /** Javalin's path parameters, {@code {name}} or {@code <name>}. */
  private static final Pattern PATH_PARAM = Pattern.compile("[{<]([^}>]+)[}>]");
  /** The bearer scheme the protected routes declare (the excluded routes of {@link Authentication} declare none). */
  private static final String BEARER = "HTTPBearer";

  private OpenApi() {}

  /** The document for {@code routes}, titled after the live {@code AgentOS} resource. */
  public static Map<String, Object> document(AgentOs os, List<Routes.Route> routes) {
    AgentOsSpec spec = os.osSpec();
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("title", title(spec));
    info.put("version", spec == null || spec.version() == null ? "1.0.0" : spec.version());
    if (spec != null && spec.description() != null) {
      info.put("description", spec.description());
    }
    boolean secured = AuthSettings.of(os).protects();
    boolean scoped = AuthSettings.of(os).authorization();
    Map<String, Map<String, Object>> paths = new LinkedHashMap<>();
    Set<String> tags = new LinkedHashSet<>();
    for (Routes.Route route : routes) {
      paths.computeIfAbsent(openApiPath(route.path()), p -> new LinkedHashMap<>())
          .put(route.method().name().toLowerCase(Locale.ROOT), operation(route, secured, scoped));
      tags.add(route.tag());
    }
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("openapi", "3.1.0");
    document.put("info", info);
    document.put("tags", tags.stream().map(t -> obj("name", t)).toList());
    document.put("paths", paths);
    document.put("components", components());
    return document;
  }

  /** The document's title: the AgentOS name, else {@code "Agentry AgentOS"}. */
  static String title(@Nullable AgentOsSpec spec) {
    return spec == null || spec.name() == null || spec.name().isBlank() ? "Agentry AgentOS" : spec.name();
  }

  /** The path as OpenAPI writes it: {@code <name>} becomes {@code {name}}. */
  static String openApiPath(String javalinPath) {
    return PATH_PARAM.matcher(javalinPath).replaceAll("{$1}");
  }

  /** A stable, unique id: the method and the path's words, e.g. {@code post_agents_agent_id_runs}. */
  static String operationId(Routes.Route route) {
    String words = route.path().replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_|_$", "");
    return route.method().name().toLowerCase(Locale.ROOT) + "_" + (words.isEmpty() ? "root" : words);
  }

  private static Map<String, Object> operation(Routes.Route route, boolean secured, boolean scoped) {
    Map<String, Object> operation = new LinkedHashMap<>();
    operation.put("tags", List.of(route.tag()));
    operation.put("summary", route.summary());
    operation.put("operationId", operationId(route));
    List<Map<String, Object>> parameters = new ArrayList<>();
    Matcher names = PATH_PARAM.matcher(route.path());
    while (names.find()) {
      parameters.add(obj("name", names.group(1), "in", "path", "required", true,
          "schema", obj("type", "string")));
    }
    parameters.addAll(OpenApiInputs.query(route));
    if (!parameters.isEmpty()) {
      operation.put("parameters", parameters);
    }
    Map<String, Object> form = OpenApiInputs.form(route);
    if (form != null) {
      operation.put("requestBody", obj("required", true, "content", formContent(form)));
    }
    operation.put("responses", responses(route));
    if (secured && !Authentication.isExcluded(route.path())) {
      // with authorization on, the route's scopes (role names, as OpenAPI 3.1 allows for an http scheme)
      operation.put("security", List.of(obj(BEARER, scoped ? Access.scopes(route.access()) : List.of())));
    }
    return operation;
  }

  /** The same fields as multipart (files allowed) and urlencoded (files left out), as the run routes accept both. */
  private static Map<String, Object> formContent(Map<String, Object> form) {
    Map<String, Object> urlencoded = new LinkedHashMap<>(form);
    @SuppressWarnings("unchecked")
    Map<String, Object> properties = new LinkedHashMap<>((Map<String, Object>) form.get("properties"));
    properties.remove("files");
    urlencoded.put("properties", properties);
    Map<String, Object> content = new LinkedHashMap<>();
    content.put("multipart/form-data", obj("schema", form));
    content.put("application/x-www-form-urlencoded", obj("schema", urlencoded));
    return content;
  }

  private static Map<String, Object> responses(Routes.Route route) {
    Map<String, Object> responses = new LinkedHashMap<>();
    Map<String, Object> json = obj("schema", obj());
    Map<String, Object> sse = obj("schema", obj("type", "string",
        "description", "Server-sent events: an 'event: <RunEvent name>' line, one 'data: <event JSON>' line and a"
            + " blank line per event (agentos-api.md §3)"));
    switch (OpenApiInputs.answer(route)) {
      case JSON -> responses.put("200", ok(obj("application/json", json)));
      case HTML -> responses.put("200", ok(obj("text/html", obj("schema", obj("type", "string")))));
      case JSON_OR_SSE -> {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("application/json", json);
        content.put("text/event-stream", sse);
        responses.put("200", ok(content));
        if (route.path().endsWith("/runs")) {
          responses.put("202", obj("description", "Background run accepted: {run_id, session_id, status}",
              "content", obj("application/json", json)));
        }
      }
      case SSE -> responses.put("200", ok(obj("text/event-stream", sse)));
    }
    if (!Authentication.isExcluded(route.path())) {
      for (String status : List.of("400", "401", "404", "422", "500")) {
        responses.put(status, obj("$ref", "#/components/responses/" + status));
      }
    }
    return responses;
  }

  /** An ordered JSON object from name/value pairs, so that the document reads the same on every start. */
  static Map<String, Object> obj(Object... pairs) {
    Map<String, Object> object = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      object.put((String) pairs[i], pairs[i + 1]);
    }
    return object;
  }

  private static Map<String, Object> ok(Map<String, Object> content) {
    return obj("description", "Successful Response", "content", content);
  }

  /** The error bodies every protected operation refers to, and the bearer scheme of the security key (§5). */
  private static Map<String, Object> components() {
    Map<String, Object> detail = obj("type", "object", "required", List.of("detail"),
        "properties", obj("detail", obj("type", "string")));
    Map<String, Object> validationError = obj("type", "object", "required", List.of("type", "loc", "msg"),
        "properties", obj(
            "type", obj("type", "string"),
            "loc", obj("type", "array", "items", obj("anyOf", List.of(obj("type", "string"),
                obj("type", "integer")))),
            "msg", obj("type", "string"),
            "input", obj()));
    Map<String, Object> validation = obj("type", "object", "required", List.of("detail"),
        "properties", obj("detail", obj("anyOf", List.of(
            obj("type", "array", "items", obj("$ref", "#/components/schemas/ValidationError")),
            obj("type", "string")))));
    Map<String, Object> schemas = new LinkedHashMap<>();
    schemas.put("ErrorResponse", detail);
    schemas.put("ValidationError", validationError);
    schemas.put("ValidationErrorResponse", validation);
    Map<String, Object> responses = new LinkedHashMap<>();
    responses.put("400", error("Bad Request", "ErrorResponse"));
    responses.put("401", error("Unauthenticated: no Authorization header, or an invalid, expired or foreign token",
        "ErrorResponse"));
    responses.put("404", error("Not Found", "ErrorResponse"));
    responses.put("422", error("Validation Error", "ValidationErrorResponse"));
    responses.put("500", error("Internal Server Error", "ErrorResponse"));
    Map<String, Object> components = new LinkedHashMap<>();
    components.put("schemas", schemas);
    components.put("responses", responses);
    components.put("securitySchemes", obj(BEARER, obj("type", "http", "scheme", "bearer",
        "description", "A JWT from the identity provider (when authorization is on), or the AgentOS security_key (or OS_SECURITY_KEY)")));
    return components;
  }

  private static Map<String, Object> error(String description, String schema) {
    return obj("description", description,
        "content", obj("application/json", obj("schema", obj("$ref", "#/components/schemas/" + schema))));
  }
}
