package dev.agentry.engine.llm.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.agentry.engine.internal.Json;
import dev.agentry.engine.llm.Cancellation;
import dev.agentry.engine.llm.ModelException;
import dev.agentry.engine.llm.RecordingListener;
import dev.agentry.engine.llm.StreamListener;
import dev.agentry.engine.llm.StubProvider;
import dev.agentry.engine.llm.StubProvider.Reply;
import dev.agentry.engine.llm.TestModels;
import dev.agentry.engine.spec.Secret;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Sends provider requests with the model's timeout, retries and cancellation, whatever the wire format. */
class ProviderHttpTest {
  private final StubProvider stub = StubProvider.start();

  @AfterEach
  void stop() {
    stub.close();
  }

  private static ProviderHttp http(String baseUrl, int timeoutSeconds, int maxRetries) {
    Endpoint endpoint = new Endpoint("openai", "gpt-4o-mini", "fast", baseUrl, Secret.of("sk-secret"),
        "OPENAI_API_KEY", Duration.ofSeconds(timeoutSeconds), maxRetries, Map.of());
    return ProviderHttp.create(TestModels.HTTP, endpoint, Duration.ofMillis(5));
  }

  private static HttpRequest post(ProviderHttp http, boolean stream) {
    return http.post(http.endpoint().baseUrl() + "/chat", Json.MAPPER.createObjectNode(), stream, Map.of());
  }

  /** Passes every data line on as content; "[DONE]" ends. */
  private static final class Lines implements SseParser<List<String>> {
    private final List<String> lines = new ArrayList<>();

    @Override
    public boolean onEvent(SseEvent event, StreamListener listener) {
      if (event.data().equals("[DONE]")) {
        return true;
      }
      lines.add(event.data());
      listener.onContent(event.data());
      return false;
    }

    @Override
    public List<String> result() {
      return lines;
    }
  }

  @Test
  void retries_server_errors_with_exponential_backoff_up_to_max_retries() {
    Reply failing = Reply.json(502, "<html>Bad gateway</html>");
    stub.reply(failing, failing, failing, Reply.json("{\"ok\": true}"));
    ProviderHttp http = http(stub.baseUrl(), 5, 3);

    assertThat(http.send(post(http, false), Cancellation.NONE).path("ok").asBoolean()).isTrue();
    assertThat(stub.requests()).hasSize(4);
  }

  @Test
  void quotes_a_non_json_error_body() {
    stub.reply(Reply.json(502, "<html>Bad gateway</html>"));
    ProviderHttp http = http(stub.baseUrl(), 5, 0);

    assertThat(catchThrowableOfType(ModelException.class, () -> http.send(post(http, false), Cancellation.NONE)))
        .hasMessage("provider openai failed with HTTP 502: <html>Bad gateway</html>");
  }

  @Test
  void retries_a_refused_connection_then_names_the_base_url() {
    String closedUrl = stub.baseUrl();
    stub.close();
    ProviderHttp http = http(closedUrl, 5, 1);

    ModelException e = catchThrowableOfType(ModelException.class,
        () -> http.send(post(http, false), Cancellation.NONE));

    assertThat(e.getMessage()).startsWith("cannot reach provider openai at " + closedUrl + ": ")
        .contains("check base_url of Model resource fast")
        .endsWith("; gave up after 1 retry (raise max_retries of Model resource fast)");
    assertThat(e.retryable()).isTrue();
  }

  @Test
  void a_stalled_stream_times_out_after_timeout_seconds() {
    stub.reply(Reply.hangAfter("data: first\n\n"));
    ProviderHttp http = http(stub.baseUrl(), 1, 3);
    RecordingListener listener = new RecordingListener();

    ModelException e = catchThrowableOfType(ModelException.class,
        () -> http.stream(post(http, true), Cancellation.NONE, listener, Lines::new));

    assertThat(e).hasMessage("provider openai did not answer within 1 s: raise timeout_seconds of Model resource fast");
    assertThat(e.retryable()).isTrue();
    assertThat(listener.content()).containsExactly("first");
    assertThat(stub.requests()).as("not replayed after a delta").hasSize(1);
  }

  @Test
  void cancelling_during_a_retry_wait_ends_at_once() throws Exception {
    stub.reply(Reply.json(429, "{}").header("Retry-After", "30"));
    ProviderHttp http = http(stub.baseUrl(), 5, 2);
    Cancellation cancellation = Cancellation.create();
    Thread canceller = Thread.ofVirtual().start(() -> {
      try {
        if (stub.awaitRequests(1)) {
          cancellation.cancel();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    long started = System.nanoTime();

    ModelException e = catchThrowableOfType(ModelException.class, () -> http.send(post(http, false), cancellation));

    canceller.join();
    assertThat(e.cancelled()).isTrue();
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void interrupting_the_calling_thread_cancels_a_blocked_stream() throws Exception {
    stub.reply(Reply.hangAfter("data: first\n\n"));
    ProviderHttp http = http(stub.baseUrl(), 30, 0);
    RecordingListener listener = new RecordingListener();
    AtomicReference<ModelException> failure = new AtomicReference<>();
    AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
    Thread caller = Thread.ofVirtual().start(() -> {
      try {
        http.stream(post(http, true), Cancellation.NONE, listener, Lines::new);
      } catch (ModelException e) {
        failure.set(e);
        stillInterrupted.set(Thread.currentThread().isInterrupted());
      }
    });

    assertThat(listener.firstDelta().await(5, TimeUnit.SECONDS)).isTrue();
    caller.interrupt();
    caller.join(Duration.ofSeconds(5));

    assertThat(caller.isAlive()).isFalse();
    assertThat(failure.get().cancelled()).isTrue();
    assertThat(stillInterrupted.get()).isTrue();
  }

  @Test
  void a_json_answer_to_a_streamed_request_is_reported_as_such() {
    stub.reply(Reply.json("{\"error\": {\"message\": \"streaming is not supported\"}}"));
    ProviderHttp http = http(stub.baseUrl(), 5, 0);

    assertThat(catchThrowableOfType(ModelException.class,
        () -> http.stream(post(http, true), Cancellation.NONE, StreamListener.NONE, Lines::new)))
        .hasMessage("provider openai answered a streamed request with JSON instead of events: streaming is not "
            + "supported");
  }

  @Test
  void a_header_the_client_cannot_set_is_a_clear_error() {
    Endpoint endpoint = new Endpoint("openai", "gpt-4o-mini", "fast", stub.baseUrl(), null, null,
        Duration.ofSeconds(5), 0, Map.of("Host", "example.com"));
    ProviderHttp http = ProviderHttp.create(TestModels.HTTP, endpoint);

    assertThat(catchThrowableOfType(ModelException.class, () -> post(http, false)))
        .hasMessage("header 'Host' cannot be set on requests to provider openai: remove it from headers of Model "
            + "resource fast");
  }
}
