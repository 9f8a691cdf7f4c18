package dev.agentry.engine.llm.http;

import dev.agentry.engine.llm.ModelException;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Turns a provider's HTTP error answer into a {@link ModelException} whose message names the provider and the
 * setting that fixes it; the one place where statuses get their meaning.
 */
final class HttpFailures {
  private HttpFailures() {}

  /** True for the statuses worth sending again: timeouts, rate limits and server errors. */
  static boolean retryable(int status) {
    return status == 408 || status == 429 || status >= 500 && status <= 599;
  }

  static ModelException of(Endpoint endpoint, int status, HttpHeaders headers, String body) {
    String provider = endpoint.provider();
    String detail = detail(endpoint, body);
    String said = detail == null ? "" : ": " + detail;
    Duration wait = RetryAfter.of(headers, Instant.now());
    String message = switch (status) {
      case 401, 403 -> "invalid API key for provider " + provider + ": " + endpoint.keyHint()
          + (status == 403 && detail != null ? " (HTTP 403" + said + ")" : "");
      case 404 -> "model '" + endpoint.modelId() + "' not found at provider " + provider + " (base_url "
          + endpoint.baseUrl() + "): check " + (endpoint.resource() == null
              ? "the model id in '" + provider + ":" + endpoint.modelId() + "'"
              : "id and base_url of Model resource " + endpoint.resource()) + said;
      case 429 -> "provider " + provider + " rate limited the request (HTTP 429)" + said;
      default -> status >= 500
          ? "provider " + provider + " failed with HTTP " + status + said
          : "provider " + provider + " rejected the request (HTTP " + status + ")" + said;
    };
    return new ModelException(endpoint.redact(message), retryable(status), status, wait, null);
  }

  /** The provider's message from a JSON error body, else a snippet of the body; null for an empty body. */
  private static @Nullable String detail(Endpoint endpoint, String body) {
    if (body.isBlank()) {
      return null;
    }
    String message = null;
    try {
      JsonNode json = WireJson.parse(endpoint.provider(), body);
      message = WireJson.errorMessage(json);
    } catch (ModelException notJson) {
      // An HTML page from a proxy or a plain-text error: quote its start instead.
    }
    // Provider messages can be long and precise (which schema keyword failed); keep them, but not a whole page.
    return WireJson.snippet(message != null ? message : body, message != null ? 600 : 200);
  }
}
