package dev.agentry.engine.tool.builtin;

import dev.agentry.engine.llm.Cancellation;
import dev.agentry.engine.tool.ToolResult;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * One {@code fetch_url} call: the request, its redirects (followed by hand so every hop is checked by the
 * {@link HostPolicy}), and the body read up to {@code maxBytes}.
 *
 * <p>Thread-safe: the {@link HttpClient} is shared and each call keeps its state on the stack.
 */
final class HttpFetch {
  static final int MAX_REDIRECTS = 5;
  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
  private static final String USER_AGENT = "Agentry-http_fetch/1";

  private final HttpClient client;
  private final HostPolicy policy;
  private final long maxBytes;
  private final Duration timeout;

  HttpFetch(HostPolicy policy, long maxBytes, Duration timeout) {
    this.policy = policy;
    this.maxBytes = maxBytes;
    this.timeout = timeout;
    // Redirect.NEVER: the client would follow a redirect to any host; we follow them ourselves after a check.
    this.client = HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(timeout)
        .build();
  }

  ToolResult fetch(String url, String method, @Nullable String body, Map<String, String> headers, Cancellation cancel) {
    URI uri = parse(url);
    @Nullable String firstHost = null;
    String currentMethod = method;
    @Nullable String currentBody = body;
    for (int hop = 0; ; hop++) {
      String host = policy.check(uri);
      firstHost = firstHost == null ? host : firstHost;
      // Headers the model set (tokens, cookies) go only to the host it named.
      boolean sameHost = host.equals(firstHost);
      HttpResponse<InputStream> response = send(request(uri, currentMethod, currentBody,
          sameHost ? headers : Map.of()), cancel);
      int status = response.statusCode();
      @Nullable String location = response.headers().firstValue("Location").orElse(null);
      if (!REDIRECTS.contains(status) || location == null) {
        return result(uri, response, cancel);
      }
      closeQuietly(response.body());
      if (hop == MAX_REDIRECTS) {
        return ToolResult.error("stopped after " + MAX_REDIRECTS + " redirects; the last pointed to " + location);
      }
      try {
        uri = uri.resolve(location.strip());
      } catch (IllegalArgumentException e) {
        return ToolResult.error("the server redirected to an invalid URL: " + location);
      }
      // As browsers do: 303, and 301/302 after a POST, turn into a GET without a body; 307/308 repeat the request.
      if (status == 303 || ((status == 301 || status == 302) && !currentMethod.equals("GET"))) {
        currentMethod = "GET";
        currentBody = null;
      }
    }
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

  private HttpRequest request(URI uri, String method, @Nullable String body, Map<String, String> headers) {
    HttpRequest.Builder builder;
    try {
      builder = HttpRequest.newBuilder(uri).timeout(timeout).header("User-Agent", USER_AGENT);
    } catch (IllegalArgumentException e) {
      throw new ToolFailure("this URL cannot be requested: " + uri);
    }
    boolean hasContentType = false;
    for (Map.Entry<String, String> header : headers.entrySet()) {
      try {
        builder.setHeader(header.getKey(), header.getValue());
      } catch (IllegalArgumentException e) {
        throw new ToolFailure("header '" + header.getKey() + "' cannot be set");
      }
      hasContentType |= header.getKey().equalsIgnoreCase("Content-Type");
    }
    if (body == null) {
      return builder.method(method, HttpRequest.BodyPublishers.noBody()).build();
    }
    if (!hasContentType) {
      String start = body.stripLeading();
      builder.header("Content-Type", start.startsWith("{") || start.startsWith("[")
          ? "application/json" : "text/plain; charset=utf-8");
    }
    return builder.method(method, HttpRequest.BodyPublishers.ofString(body)).build();
  }

  private HttpResponse<InputStream> send(HttpRequest request, Cancellation cancel) {
    CompletableFuture<HttpResponse<InputStream>> future =
        client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
    Cancellation.Registration registration = cancel.onCancel(() -> future.cancel(true));
    try {
      return future.get();
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new ToolFailure("the request was cancelled");
    } catch (CancellationException e) {
      throw new ToolFailure("the request was cancelled");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof HttpTimeoutException) {
        throw new ToolFailure("no response from " + request.uri().getHost() + " within " + timeout.toSeconds() + "s");
      }
      if (cause instanceof ConnectException) {
        throw new ToolFailure("could not connect to " + request.uri().getHost());
      }
      throw new ToolFailure("the request to " + request.uri().getHost() + " failed: " + describe(cause));
    } finally {
      registration.close();
    }
  }

  private ToolResult result(URI uri, HttpResponse<InputStream> response, Cancellation cancel) {
    String contentType = response.headers().firstValue("Content-Type").orElse("");
    StringBuilder text = new StringBuilder()
        .append("status: ").append(response.statusCode()).append('\n')
        .append("content_type: ").append(contentType).append('\n')
        .append("url: ").append(uri).append("\n\n");
    InputStream in = response.body();
    if (!BoundedBody.isText(contentType)) {
      closeQuietly(in);
      text.append("[the body is not text (").append(contentType).append(") and is not shown]");
    } else {
      BoundedBody body = readBody(in, cancel);
      text.append(body.text(contentType));
      if (body.truncated()) {
        text.append("\n[truncated: the body is longer than ").append(maxBytes).append(" bytes; only the first ")
            .append(maxBytes).append(" are shown]");
      }
    }
    return response.statusCode() >= 400 ? ToolResult.error(text.toString()) : ToolResult.of(text.toString());
  }

  /** Reads the body under the timeout too: a server dripping bytes must not hold the call forever. */
  private BoundedBody readBody(InputStream in, Cancellation cancel) {
    AtomicBoolean timedOut = new AtomicBoolean();
    CompletableFuture<Void> deadline = CompletableFuture.runAsync(() -> {
      timedOut.set(true);
      closeQuietly(in);
    }, CompletableFuture.delayedExecutor(timeout.toMillis(), TimeUnit.MILLISECONDS));
    Cancellation.Registration registration = cancel.onCancel(() -> closeQuietly(in));
    try (in) {
      return BoundedBody.read(in, maxBytes);
    } catch (IOException e) {
      if (timedOut.get()) {
        throw new ToolFailure("the body did not arrive within " + timeout.toSeconds() + "s");
      }
      throw new ToolFailure(
          cancel.isCancelled() ? "the request was cancelled" : "reading the body failed: " + describe(e));
    } finally {
      registration.close();
      deadline.cancel(false);
    }
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException e) {
      // Nothing to do: the stream is being abandoned.
    }
  }

  private static String describe(Throwable error) {
    return error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
  }
}
