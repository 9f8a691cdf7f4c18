package dev.agentry.engine.internal.http;

import dev.agentry.engine.llm.Cancellation;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
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
 * HTTP requests made for a model: each URL and each redirect hop checked by a {@link HostPolicy} (redirects are
 * followed here, never by the client), the headers sent only to the host first asked, the response awaited and its
 * body read within the timeout, and the body read up to {@code maxBytes}.
 *
 * <p>Thread-safe: the {@link HttpClient} is shared and each call keeps its state on the stack. Failures are thrown as
 * {@link HttpFailure}, with messages that name hosts but never header values.
 */
public final class GuardedHttp implements AutoCloseable {
  /** Redirects followed before giving up. */
  public static final int MAX_REDIRECTS = 5;
  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

  private final HttpClient client;
  private final HostPolicy policy;
  private final long maxBytes;
  private final Duration timeout;
  private final String userAgent;
  /** Whether bodies that are not text are read too (knowledge URLs: PDF, DOCX); otherwise they are skipped. */
  private final boolean anyBody;

  /**
   * A request body.
   *
   * @param bytes the body
   * @param contentType its Content-Type, unless the headers set one
   */
  public record Body(byte[] bytes, String contentType) {}

  /**
   * A response whose body has been read (or skipped, when it is not text).
   *
   * @param uri the URL that answered, after redirects
   * @param status the HTTP status
   * @param contentType the Content-Type, empty when absent
   * @param body the body up to the limit, or null when it is not text and was not read
   * @param maxBytes the limit the body was read up to
   */
  public record Response(URI uri, int status, String contentType, @Nullable BoundedBody body, long maxBytes) {
    /** The body as text in its charset, empty when it was not read. */
    public String text() {
      return body == null ? "" : body.text(contentType);
    }

    /** Whether the body was longer than the limit and cut. */
    public boolean truncated() {
      return body != null && body.truncated();
    }

    /** The note that says a body was cut, for the model. */
    public String truncationNote() {
      return "[truncated: the body is longer than " + maxBytes + " bytes; only the first " + maxBytes
          + " are shown]";
    }
  }

  public GuardedHttp(HostPolicy policy, long maxBytes, Duration timeout, String userAgent) {
    this(policy, maxBytes, timeout, userAgent, false);
  }

  /** As the other constructor; {@code anyBody} reads bodies of every type, not only text, up to {@code maxBytes}. */
  public GuardedHttp(HostPolicy policy, long maxBytes, Duration timeout, String userAgent, boolean anyBody) {
    this.anyBody = anyBody;
    this.policy = policy;
    this.maxBytes = maxBytes;
    this.timeout = timeout;
    this.userAgent = userAgent;
    // Redirect.NEVER: the client would follow a redirect to any host; we follow them ourselves after a check.
    this.client = HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(timeout)
        .build();
  }

  public HostPolicy policy() {
    return policy;
  }

  public Duration timeout() {
    return timeout;
  }

  /**
   * Sends {@code method} to {@code uri} and follows redirects to allowed hosts (at most {@link #MAX_REDIRECTS}).
   *
   * @throws HttpFailure when a URL is refused, the server cannot be reached, or the time runs out
   */
  public Response exchange(URI uri, String method, @Nullable Body body, Map<String, String> headers,
      Cancellation cancel) {
    @Nullable String firstHost = null;
    String currentMethod = method;
    @Nullable Body currentBody = body;
    for (int hop = 0; ; hop++) {
      String host = policy.check(uri);
      firstHost = firstHost == null ? host : firstHost;
      // Headers (tokens, cookies) go only to the host first asked.
      boolean sameHost = host.equals(firstHost);
      HttpResponse<InputStream> response = send(request(uri, currentMethod, currentBody,
          sameHost ? headers : Map.of()), cancel);
      int status = response.statusCode();
      @Nullable String location = response.headers().firstValue("Location").orElse(null);
      if (!REDIRECTS.contains(status) || location == null) {
        return read(uri, response, cancel);
      }
      closeQuietly(response.body());
      if (hop == MAX_REDIRECTS) {
        throw new HttpFailure("stopped after " + MAX_REDIRECTS + " redirects; the last pointed to " + location);
      }
      try {
        uri = uri.resolve(location.strip());
      } catch (IllegalArgumentException e) {
        throw new HttpFailure("the server redirected to an invalid URL: " + location);
      }
      // As browsers do: 303, and 301/302 after a POST, turn into a GET without a body; 307/308 repeat the request.
      if (status == 303 || ((status == 301 || status == 302) && !currentMethod.equals("GET"))) {
        currentMethod = "GET";
        currentBody = null;
      }
    }
  }

  private HttpRequest request(URI uri, String method, @Nullable Body body, Map<String, String> headers) {
    HttpRequest.Builder builder;
    try {
      builder = HttpRequest.newBuilder(uri).timeout(timeout).header("User-Agent", userAgent);
    } catch (IllegalArgumentException e) {
      // The URL is not shown: its query may carry an API key.
      throw new HttpFailure("this URL on " + uri.getHost() + " cannot be requested");
    }
    boolean hasContentType = false;
    for (Map.Entry<String, String> header : headers.entrySet()) {
      try {
        builder.setHeader(header.getKey(), header.getValue());
      } catch (IllegalArgumentException e) {
        throw new HttpFailure("header '" + header.getKey() + "' cannot be set");
      }
      hasContentType |= header.getKey().equalsIgnoreCase("Content-Type");
    }
    if (body == null) {
      return builder.method(method, HttpRequest.BodyPublishers.noBody()).build();
    }
    if (!hasContentType) {
      builder.header("Content-Type", body.contentType());
    }
    return builder.method(method, HttpRequest.BodyPublishers.ofByteArray(body.bytes())).build();
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
      throw new HttpFailure("the request was cancelled");
    } catch (CancellationException e) {
      throw new HttpFailure("the request was cancelled");
    } catch (ExecutionException e) {
      if (cancel.isCancelled()) { // the client fails a cancelled exchange with an IOException
        throw new HttpFailure("the request was cancelled");
      }
      Throwable cause = e.getCause();
      if (cause instanceof HttpTimeoutException) {
        throw new HttpFailure("no response from " + request.uri().getHost() + " within " + seconds() + "s");
      }
      if (cause instanceof ConnectException) {
        throw new HttpFailure("could not connect to " + request.uri().getHost());
      }
      throw new HttpFailure("the request to " + request.uri().getHost() + " failed: " + describe(cause));
    } finally {
      registration.close();
    }
  }

  private Response read(URI uri, HttpResponse<InputStream> response, Cancellation cancel) {
    String contentType = response.headers().firstValue("Content-Type").orElse("");
    InputStream in = response.body();
    if (!anyBody && !BoundedBody.isText(contentType)) {
      closeQuietly(in);
      return new Response(uri, response.statusCode(), contentType, null, maxBytes);
    }
    return new Response(uri, response.statusCode(), contentType, readBody(in, cancel), maxBytes);
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
        throw new HttpFailure("the body did not arrive within " + seconds() + "s");
      }
      throw new HttpFailure(
          cancel.isCancelled() ? "the request was cancelled" : "reading the body failed: " + describe(e));
    } finally {
      registration.close();
      deadline.cancel(false);
    }
  }

  private String seconds() {
    long millis = timeout.toMillis();
    return millis % 1000 == 0 ? Long.toString(millis / 1000) : Double.toString(millis / 1000.0);
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

  @Override
  public void close() {
    client.close();
  }
}
