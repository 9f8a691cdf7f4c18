package dev.agentry.engine.llm.http;

import dev.agentry.engine.internal.Json;
import dev.agentry.engine.llm.Cancellation;
import dev.agentry.engine.llm.ModelException;
import dev.agentry.engine.llm.StreamListener;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * The HTTP client of one model endpoint: sends a provider request and reads its answer, with the model's timeout,
 * retries and the run's cancellation; every failure leaves as a {@link ModelException} naming the provider.
 *
 * <p>Retries 408, 429, 5xx, timeouts and connection failures up to {@link Endpoint#maxRetries()} times, waiting as
 * long as {@code Retry-After} asks (capped at 60 s) or else an exponential backoff from 0.5 s. A streamed answer is
 * never retried once a delta reached the listener, since the caller has already shown it. Cancelling the request's
 * {@link Cancellation} (or interrupting the calling thread) aborts the send, closes the body so that a blocked read
 * ends at once, and throws {@link ModelException#cancelled(String)}. Thread-safe.
 */
public final class ProviderHttp {
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(8);
  private static final int MAX_ERROR_BODY = 64 * 1024;

  private final HttpClient http;
  private final Endpoint endpoint;
  private final Duration firstBackoff;

  private ProviderHttp(HttpClient http, Endpoint endpoint, Duration firstBackoff) {
    this.http = http;
    this.endpoint = endpoint;
    this.firstBackoff = firstBackoff;
  }

  public static ProviderHttp create(HttpClient http, Endpoint endpoint) {
    return new ProviderHttp(http, endpoint, FIRST_BACKOFF);
  }

  /** For tests of the backoff, which should not wait half a second. */
  static ProviderHttp create(HttpClient http, Endpoint endpoint, Duration firstBackoff) {
    return new ProviderHttp(http, endpoint, firstBackoff);
  }

  public Endpoint endpoint() {
    return endpoint;
  }

  /**
   * A JSON POST to {@code url} with the model's timeout: the provider's {@code auth} headers first, then the
   * model's own {@code headers}, which win so that a proxy setup can replace anything.
   */
  public HttpRequest post(String url, JsonNode body, boolean stream, Map<String, String> auth) {
    HttpRequest.Builder builder;
    try {
      builder = HttpRequest.newBuilder(URI.create(url));
    } catch (IllegalArgumentException e) {
      throw ModelException.permanent("invalid URL '" + url + "' for provider " + endpoint.provider()
          + ": check " + endpoint.setting("base_url"));
    }
    builder.timeout(endpoint.timeout())
        .header("Content-Type", "application/json")
        .header("Accept", stream ? "text/event-stream" : "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(body), StandardCharsets.UTF_8));
    auth.forEach(builder::setHeader);
    endpoint.headers().forEach((name, value) -> {
      try {
        builder.setHeader(name, value);
      } catch (IllegalArgumentException e) {
        throw ModelException.permanent("header '" + name + "' cannot be set on requests to provider "
            + endpoint.provider() + ": remove it from " + endpoint.setting("headers"));
      }
    });
    return builder.build();
  }

  /** Sends a non-streamed request and returns its JSON answer. */
  public JsonNode send(HttpRequest request, Cancellation cancellation) {
    return execute(request, cancellation, new Delivery(StreamListener.NONE), (body, response) ->
        WireJson.parse(endpoint.provider(), new String(body.readAllBytes(), StandardCharsets.UTF_8)));
  }

  /**
   * Sends a streamed request and feeds its events to a parser from {@code parsers} (a fresh one per attempt), which
   * passes deltas to {@code listener} and assembles the answer.
   */
  public <T> T stream(HttpRequest request, Cancellation cancellation, StreamListener listener,
      Supplier<? extends SseParser<T>> parsers) {
    Delivery delivery = new Delivery(listener);
    return execute(request, cancellation, delivery, (body, response) -> {
      if (response.headers().firstValue("content-type").orElse("").startsWith("application/json")) {
        String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
        String said = WireJson.errorMessage(WireJson.parse(endpoint.provider(), text));
        throw ModelException.permanent("provider " + endpoint.provider() + " answered a streamed request with "
            + "JSON instead of events: " + WireJson.snippet(said != null ? said : text));
      }
      SseParser<T> parser = parsers.get();
      SseReader events = new SseReader(body);
      for (SseEvent event = events.next(); event != null; event = events.next()) {
        if (parser.onEvent(event, delivery)) {
          return parser.result();
        }
      }
      if (parser.completeWithoutEnd()) {
        return parser.result();
      }
      throw new IOException("the stream ended before the answer was complete");
    });
  }

  /** Reads a successful answer's body. */
  private interface BodyReader<T> {
    T read(InputStream body, HttpResponse<InputStream> response) throws IOException;
  }

  private <T> T execute(HttpRequest request, Cancellation cancellation, Delivery delivery, BodyReader<T> reader) {
    int retries = 0;
    while (true) {
      try {
        return attempt(request, cancellation, reader);
      } catch (ModelException e) {
        if (e.cancelled() || !e.retryable() || retries >= endpoint.maxRetries() || delivery.delivered) {
          throw retries == 0 ? redacted(e, "") : redacted(e, "; gave up after " + retries
              + (retries == 1 ? " retry" : " retries") + " (raise " + endpoint.setting("max_retries") + ")");
        }
        pause(delay(e, retries), cancellation);
        retries++;
      }
    }
  }

  private <T> T attempt(HttpRequest request, Cancellation cancellation, BodyReader<T> reader) {
    InFlight flight = new InFlight();
    Cancellation.Registration registration = cancellation.onCancel(flight::cancel);
    try {
      if (flight.cancelled() || Thread.currentThread().isInterrupted()) {
        throw ModelException.cancelled(endpoint.provider());
      }
      HttpResponse<InputStream> response = await(flight, http.sendAsync(request,
          HttpResponse.BodyHandlers.ofInputStream()));
      try (InputStream body = flight.attach(response.body(), endpoint.timeout())) {
        int status = response.statusCode();
        if (status < 200 || status > 299) {
          throw HttpFailures.of(endpoint, status, response.headers(),
              new String(body.readNBytes(MAX_ERROR_BODY), StandardCharsets.UTF_8));
        }
        return reader.read(body, response);
      } catch (IOException | UncheckedIOException e) {
        throw readFailure(flight, e);
      }
    } finally {
      registration.close();
      flight.close();
    }
  }

  private HttpResponse<InputStream> await(InFlight flight, CompletableFuture<HttpResponse<InputStream>> pending) {
    flight.attach(pending);
    try {
      return pending.get();
    } catch (InterruptedException e) {
      pending.cancel(true);
      Thread.currentThread().interrupt();
      throw ModelException.cancelled(endpoint.provider());
    } catch (CancellationException e) {
      throw ModelException.cancelled(endpoint.provider());
    } catch (ExecutionException e) {
      if (flight.cancelled()) {
        throw ModelException.cancelled(endpoint.provider());
      }
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof HttpTimeoutException) {
        throw timeout(cause);
      }
      if (cause instanceof IOException) {
        throw new ModelException("cannot reach provider " + endpoint.provider() + " at " + endpoint.baseUrl()
            + ": " + describe(cause) + "; check " + endpoint.setting("base_url"), true, 0, null, cause);
      }
      throw new ModelException("request to provider " + endpoint.provider() + " failed: " + describe(cause),
          false, 0, null, cause);
    }
  }

  private ModelException readFailure(InFlight flight, Exception e) {
    if (flight.cancelled() || Thread.currentThread().isInterrupted()) {
      return ModelException.cancelled(endpoint.provider());
    }
    if (flight.timedOut()) {
      return timeout(e);
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return new ModelException("connection to provider " + endpoint.provider() + " closed mid-answer ("
        + describe(root) + ")", true, 0, null, e);
  }

  private ModelException timeout(Throwable cause) {
    return new ModelException("provider " + endpoint.provider() + " did not answer within "
        + endpoint.timeout().toSeconds() + " s: raise " + endpoint.setting("timeout_seconds"), true, 0, null, cause);
  }

  private Duration delay(ModelException e, int retries) {
    if (e.retryAfter() != null) {
      return e.retryAfter();
    }
    Duration backoff = firstBackoff.multipliedBy(1L << Math.min(retries, 16));
    Duration capped = backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff;
    // Up to a quarter less, so that many runs hit by the same outage do not all come back at the same instant.
    return Duration.ofNanos((long) (capped.toNanos() * (1 - ThreadLocalRandom.current().nextDouble(0.25))));
  }

  private void pause(Duration wait, Cancellation cancellation) {
    if (cancellation.await(wait)) {
      throw ModelException.cancelled(endpoint.provider());
    }
  }


  private ModelException redacted(ModelException e, String suffix) {
    String message = String.valueOf(e.getMessage());
    String safe = endpoint.redact(message + suffix);
    if (e.cancelled() || safe.equals(message)) {
      return e;
    }
    // Chain the original only when its message holds no key; a stack trace is printed as readily as a message.
    boolean leaked = !safe.equals(message + suffix);
    return new ModelException(safe, e.retryable(), e.status(), e.retryAfter(), leaked ? e.getCause() : e);
  }

  private String describe(Throwable cause) {
    String message = cause.getMessage();
    return endpoint.redact(message == null || message.isBlank() ? cause.getClass().getSimpleName() : message);
  }

  /** Passes deltas on and remembers that one went out, after which a failed stream must not be replayed. */
  private static final class Delivery implements StreamListener {
    private final StreamListener target;
    private boolean delivered;

    Delivery(StreamListener target) {
      this.target = target;
    }

    @Override
    public void onContent(String delta) {
      delivered = true;
      target.onContent(delta);
    }

    @Override
    public void onReasoning(String delta) {
      delivered = true;
      target.onReasoning(delta);
    }
  }
}
