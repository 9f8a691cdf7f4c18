package dev.agentry.engine.compile;

import dev.agentry.engine.Builtins;
import dev.agentry.engine.spec.Draft;
import dev.agentry.engine.spec.Kind;
import dev.agentry.engine.store.StoreSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks that every URL a spec gives has a scheme the engine speaks there: http or https for a model's
 * {@code base_url}, an MCP server and a knowledge source; a store backend's scheme for a {@code Database} url (asked
 * of {@link Builtins}, which opens the stores, so the two can never disagree). An empty http(s) URL (such as
 * {@code ${env:BASE_URL:-}} when the variable is unset) means the default.
 */
final class UrlChecks {
  /** A field holding an http(s) URL, with an example for the hint. */
  private record HttpField(String path, String example) {}

  private static final Map<Kind, List<HttpField>> HTTP_FIELDS = Map.of(
      Kind.MODEL, List.of(new HttpField("/spec/base_url", "https://api.openai.com/v1")),
      Kind.TOOLKIT, List.of(new HttpField("/spec/mcp/url", "https://mcp.example.com/mcp"),
          new HttpField("/spec/http/base_url", "https://api.example.com/v1")),
      Kind.KNOWLEDGE, List.of(new HttpField("/spec/sources/*/url", "https://example.com/docs/guide.md")),
      Kind.AGENT_OS, List.of(new HttpField("/spec/authorization_config/jwks_url",
          "https://idp.example.com/.well-known/jwks.json")));

  private UrlChecks() {}

  static void check(Draft resource, Problems problems) {
    for (HttpField field : HTTP_FIELDS.getOrDefault(resource.kind(), List.of())) {
      for (TreePaths.Found found : TreePaths.find(resource.tree(), field.path())) {
        if (found.value().isString() && !found.value().asString().isBlank()) {
          checkHttp(resource, found.pointer(), found.value().asString(), field.example(), problems);
        }
      }
    }
    if (resource.kind() == Kind.DATABASE && resource.tree().at("/spec/url").isString()) {
      checkDatabase(resource, resource.tree().at("/spec/url").asString(), problems);
    }
  }

  private static void checkHttp(Draft resource, String pointer, String url, String example, Problems problems) {
    boolean secret = resource.secretPointers().contains(pointer);
    String shown = secret ? "the interpolated URL" : "'" + url + "'";
    String hint = "write an absolute http or https URL, such as " + example;
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      problems.at(resource, pointer, "bad-url", shown + " is not a valid URL"
          + (secret ? "" : ": " + e.getReason() + " at index " + e.getIndex()), hint);
      return;
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      problems.at(resource, pointer, "bad-url", shown + (scheme.isEmpty() || secret ? " has no http or https scheme"
          : " has the scheme '" + scheme + "', but only http and https are supported here"), hint);
    } else if (uri.getHost() == null || uri.getHost().isEmpty()) {
      problems.at(resource, pointer, "bad-url", shown + " has no host", hint);
    }
  }

  private static void checkDatabase(Draft resource, String url, Problems problems) {
    String scheme = StoreSettings.of(url).scheme();
    if (Builtins.isStoreScheme(scheme)) {
      return;
    }
    String pointer = "/spec/url";
    boolean secret = resource.secretPointers().contains(pointer);
    String message = secret ? "the interpolated database URL has no scheme a store supports"
        : scheme.isEmpty() ? "database URL '" + StoreSettings.mask(url) + "' has no scheme"
        : "database URL scheme '" + scheme + "' is not supported";
    problems.at(resource, pointer, "bad-url", message, "use " + Builtins.STORE_URLS);
  }
}
