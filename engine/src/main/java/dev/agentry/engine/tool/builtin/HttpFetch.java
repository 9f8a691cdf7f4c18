package dev.agentry.engine.tool.builtin;

import dev.agentry.engine.internal.http.GuardedHttp;
import dev.agentry.engine.internal.http.HostPolicy;
import dev.agentry.engine.llm.Cancellation;
import dev.agentry.engine.tool.ToolResult;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One {@code fetch_url} call: the request through {@link GuardedHttp} (every redirect hop checked by the
 * {@link HostPolicy}, the body read up to {@code maxBytes}) and the result text the model reads.
 *
 * <p>Thread-safe: the client is shared and each call keeps its state on the stack.
 */
final class HttpFetch {
  static final int MAX_REDIRECTS = GuardedHttp.MAX_REDIRECTS;
  private static final String USER_AGENT = "Agentry-http_fetch/1";

  private final GuardedHttp http;

  HttpFetch(HostPolicy policy, long maxBytes, Duration timeout) {
    this.http = new GuardedHttp(policy, maxBytes, timeout, USER_AGENT);
  }

  ToolResult fetch(String url, String method, @Nullable String body, Map<String, String> headers, Cancellation cancel) {
    GuardedHttp.Response response = http.exchange(parse(url), method, body == null ? null : body(body), headers,
        cancel);
    StringBuilder text = new StringBuilder()
        .append("status: ").append(response.status()).append('\n')
        .append("content_type: ").append(response.contentType()).append('\n')
        .append("url: ").append(response.uri()).append("\n\n");
    if (response.body() == null) {
      text.append("[the body is not text (").append(response.contentType()).append(") and is not shown]");
    } else {
      text.append(response.text());
      if (response.truncated()) {
        text.append('\n').append(response.truncationNote());
      }
    }
    return response.status() >= 400 ? ToolResult.error(text.toString()) : ToolResult.of(text.toString());
  }

  /** The body with a guessed Content-Type: JSON when it looks like JSON, plain text otherwise. */
  private static GuardedHttp.Body body(String body) {
    String start = body.stripLeading();
    return new GuardedHttp.Body(body.getBytes(StandardCharsets.UTF_8),
        start.startsWith("{") || start.startsWith("[") ? "application/json" : "text/plain; charset=utf-8");
  }

  private static URI parse(String url) {
    try {
      URI uri = new URI(url.strip());
      if (!uri.isAbsolute()) {
        throw new ToolFailure("the URL must be absolute, such as https://example.com/page: " + url);
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new ToolFailure("not a valid URL: " + url);
    }
  }
}
