package dev.agentry.engine.tool.builtin;

import dev.agentry.engine.internal.http.HostPolicy;
import dev.agentry.engine.llm.Cancellation;
import dev.agentry.engine.tool.Tool;
import dev.agentry.engine.tool.ToolResult;
import dev.agentry.engine.tool.ToolkitException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code http_fetch} builtin toolkit: one function, {@code fetch_url}, that fetches a URL on an allowed host and
 * returns its status, content type and body text.
 *
 * <p>Options ({@code schemas/toolkit.schema.json#/properties/spec/properties/options}):
 * <ul>
 *   <li>{@code allowed_hosts} (required): host names, or {@code *.example.com} for any subdomain of example.com;
 *   <li>{@code allowed_methods}: default {@code [GET]}; {@code POST} may be added;
 *   <li>{@code max_bytes}: body bytes returned, default 1 MiB, the rest cut with a note;
 *   <li>{@code timeout_seconds}: default 10, for the response and again for reading the body;
 *   <li>{@code allow_private_addresses}: default false; true lets allowed hosts resolve to loopback or private
 *       addresses (a service on the same machine or network).
 * </ul>
 * POST is opt-in because the schema describes http_fetch as reading pages: a model that can POST can change things.
 */
public final class HttpFetchTools {
  private static final long DEFAULT_MAX_BYTES = 1024 * 1024;
  private static final long DEFAULT_TIMEOUT_SECONDS = 10;
  private static final List<String> METHODS = List.of("GET", "POST");
  private static final HostPolicy.Advice ADVICE = new HostPolicy.Advice(
      "add it to the http_fetch option allowed_hosts to fetch it",
      "set the http_fetch option allow_private_addresses to true to allow it");

  private HttpFetchTools() {}

  /** Creates {@code fetch_url}; matches {@link dev.agentry.engine.tool.ToolFactory}. */
  public static List<Tool> create(Map<String, Object> options, Path baseDir) {
    return create(options, InetAddress::getAllByName);
  }

  /** Creates {@code fetch_url} resolving host names with {@code resolver} (tests use a fixed table). */
  static List<Tool> create(Map<String, Object> options, HostPolicy.Resolver resolver) {
    ToolOptions opts = ToolOptions.of("http_fetch", options,
        Set.of("allowed_hosts", "allowed_methods", "max_bytes", "timeout_seconds", "allow_private_addresses"));
    HostPolicy policy = new HostPolicy(allowedHosts(opts), opts.bool("allow_private_addresses", false), resolver,
        ADVICE);
    List<String> methods = allowedMethods(opts);
    long maxBytes = opts.positiveLong("max_bytes", DEFAULT_MAX_BYTES);
    Duration timeout = Duration.ofSeconds(opts.positiveLong("timeout_seconds", DEFAULT_TIMEOUT_SECONDS));
    HttpFetch fetch = new HttpFetch(policy, maxBytes, timeout);
    String defaultMethod = methods.contains("GET") ? "GET" : methods.get(0);
    return List.of(FunctionTool.of("fetch_url", description(policy, methods), parameters(methods, defaultMethod),
        (args, context) -> call(fetch, methods, defaultMethod, args, context.cancellation())));
  }

  private static ToolResult call(
      HttpFetch fetch, List<String> methods, String defaultMethod, Arguments args, Cancellation cancellation) {
    String method = args.optionalString("method");
    method = method == null ? defaultMethod : method.strip().toUpperCase(Locale.ROOT);
    if (!methods.contains(method)) {
      return ToolResult.error("method " + method + " is not allowed; allowed: " + String.join(", ", methods));
    }
    String body = methods.contains("POST") ? args.optionalString("body") : null;
    if (body != null && method.equals("GET")) {
      return ToolResult.error("a GET request cannot carry a body; use method POST");
    }
    return fetch.fetch(args.string("url"), method, body, args.stringMap("headers"), cancellation);
  }

  private static String description(HostPolicy policy, List<String> methods) {
    return "Fetch a web page or API response by URL (" + String.join(" or ", methods) + ") and return its status,"
        + " content type and body text (cut after a size limit). Only these hosts can be fetched: "
        + String.join(", ", policy.allowedHosts()) + ". Redirects are followed up to " + HttpFetch.MAX_REDIRECTS
        + " times.";
  }

  private static ObjectNode parameters(List<String> methods, String defaultMethod) {
    ParameterSchema schema = ParameterSchema.object()
        .required("url", "string", "The absolute http or https URL to fetch.");
    if (methods.size() > 1) {
      schema.optional("method", ParameterSchema.choice(methods, "The HTTP method; default " + defaultMethod + "."));
    }
    if (methods.contains("POST")) {
      schema.optional("body", "string", "The request body, for POST only; JSON is sent as application/json.");
    }
    ObjectNode headers = ParameterSchema.property("object", "Extra request headers, name to value.");
    headers.putObject("additionalProperties").put("type", "string");
    return schema.optional("headers", headers).build();
  }

  private static List<String> allowedHosts(ToolOptions opts) {
    List<String> hosts = opts.stringList("allowed_hosts");
    if (hosts == null || hosts.isEmpty()) {
      throw opts.fail("allowed_hosts", "is required: list the hosts the model may fetch, such as en.wikipedia.org"
          + " or *.example.com");
    }
    List<String> normalized = new ArrayList<>(hosts.size());
    for (String host : hosts) {
      boolean wildcard = host.startsWith("*.");
      String name = wildcard ? host.substring(2) : host;
      if (name.isEmpty() || name.contains("*") || name.contains("/") || name.contains("@")) {
        throw opts.fail("allowed_hosts", "has '" + host + "': write a host name such as example.com, or"
            + " *.example.com for its subdomains (no scheme, path or other wildcard)");
      }
      try {
        normalized.add((wildcard ? "*." : "") + HostPolicy.normalize(name));
      } catch (IllegalArgumentException e) {
        throw opts.fail("allowed_hosts", "has '" + host + "', which is not a valid host name");
      }
    }
    return List.copyOf(normalized);
  }

  private static List<String> allowedMethods(ToolOptions opts) {
    List<String> methods = opts.stringList("allowed_methods");
    if (methods == null) {
      return List.of("GET");
    }
    List<String> result = new ArrayList<>();
    for (String method : methods) {
      String upper = method.toUpperCase(Locale.ROOT);
      if (!METHODS.contains(upper)) {
        throw opts.fail("allowed_methods", "has '" + method + "'; supported methods are " + METHODS);
      }
      if (!result.contains(upper)) {
        result.add(upper);
      }
    }
    if (result.isEmpty()) {
      throw new ToolkitException("http_fetch: option 'allowed_methods' must list at least one method");
    }
    return List.copyOf(result);
  }
}
