package dev.agentry.engine.tool.http;

import dev.agentry.engine.tool.ToolDefinition;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * One HTTP endpoint as a function: how its arguments become a request. Built from an {@code http:} endpoint or an
 * OpenAPI operation.
 *
 * @param definition the name, description and argument schema the model sees
 * @param method the HTTP method, upper case
 * @param url the URL template; its placeholders are filled from the arguments of the same name
 * @param query the arguments sent as query parameters (those given; an array repeats the parameter)
 * @param headerArguments argument name to request header, for arguments sent as headers (OpenAPI header parameters)
 * @param headers fixed headers of this endpoint, on top of the toolkit's
 * @param body how the body is sent
 * @param bodyArgument the argument whose value is the body; null when the body is every argument not used by the URL,
 *     the query or a header
 * @param authenticated whether the toolkit's auth is sent (false for an OpenAPI operation whose security is empty)
 */
public record Endpoint(ToolDefinition definition, String method, UrlTemplate url, List<String> query,
    Map<String, String> headerArguments, Map<String, String> headers, BodyMode body, @Nullable String bodyArgument,
    boolean authenticated) {

  /** How an endpoint sends its body. */
  public enum BodyMode {
    /** A JSON document, {@code application/json}. */
    JSON,
    /** A form, {@code application/x-www-form-urlencoded}. */
    FORM,
    /** No body. */
    NONE;

    /** The default of a method: JSON for POST, PUT and PATCH, none otherwise. */
    public static BodyMode defaultFor(String method) {
      return method.equals("POST") || method.equals("PUT") || method.equals("PATCH") ? JSON : NONE;
    }
  }

  public Endpoint {
    query = List.copyOf(query);
    headerArguments = Map.copyOf(headerArguments);
    headers = Map.copyOf(headers);
  }

  public String name() {
    return definition.name();
  }

  /** The argument schema. */
  public ObjectNode parameters() {
    return (ObjectNode) definition.parameters();
  }

  @Override
  public String toString() {
    return "Endpoint[" + definition.name() + " " + method + " " + url.template() + "]";
  }
}
