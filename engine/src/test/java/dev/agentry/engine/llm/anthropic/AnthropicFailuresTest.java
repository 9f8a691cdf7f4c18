package dev.agentry.engine.llm.anthropic;

import static dev.agentry.engine.llm.StubProvider.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.agentry.engine.llm.Cancellation;
import dev.agentry.engine.llm.ChatModel;
import dev.agentry.engine.llm.ChatRequest;
import dev.agentry.engine.llm.Message;
import dev.agentry.engine.llm.ModelException;
import dev.agentry.engine.llm.RecordingListener;
import dev.agentry.engine.llm.StreamListener;
import dev.agentry.engine.llm.StubProvider;
import dev.agentry.engine.llm.StubProvider.Reply;
import dev.agentry.engine.llm.TestModels;
import dev.agentry.engine.model.ModelDef;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Fails, retries and cancels Anthropic calls with messages that name the provider and the setting to fix. */
class AnthropicFailuresTest {
  private static final String KEY = "sk-ant-api03-secret-wxyz";

  private final StubProvider stub = StubProvider.start();

  @AfterEach
  void stop() {
    stub.close();
  }

  private ChatModel model(TestModels settings) {
    return AnthropicChatModel.create(settings.resource("claude", "anthropic", "claude-sonnet-4-5"), TestModels.HTTP,
        name -> null);
  }

  private ChatModel inline() {
    ModelDef atStub = new ModelDef(null, "anthropic", "claude-sonnet-4-5",
        TestModels.at(stub, null).resource("x", "anthropic", "claude-sonnet-4-5").spec());
    return AnthropicChatModel.create(atStub, TestModels.HTTP, name -> name.equals("ANTHROPIC_API_KEY") ? KEY : null);
  }

  private static ChatRequest request(boolean stream, Cancellation cancellation) {
    return new ChatRequest(List.of(Message.user("Hello")), List.of(), null, null, stream, cancellation);
  }

  private static ModelException failure(ChatModel model, boolean stream) {
    return catchThrowableOfType(ModelException.class,
        () -> model.chat(request(stream, Cancellation.NONE), StreamListener.NONE));
  }

  private static String events(String fixture, int count) {
    return String.join("", List.of(fixture(fixture).split("(?<=\n\n)")).subList(0, count));
  }

  @Test
  void rejected_key_names_the_variable_and_never_the_key() {
    stub.reply(Reply.json(401, fixture("llm/anthropic/error-401.json")));

    ModelException e = failure(inline(), false);

    assertThat(e).hasMessage("invalid API key for provider anthropic: set ANTHROPIC_API_KEY");
    assertThat(stub.lastRequest().header("x-api-key")).isEqualTo(KEY);
  }

  @Test
  void missing_key_fails_before_any_request_and_never_shows_a_key() {
    ModelException inlineMissing = failure(AnthropicChatModel.create(
        new ModelDef(null, "anthropic", "claude-sonnet-4-5", null), TestModels.HTTP, name -> null), false);
    ModelException resourceMissing = failure(model(TestModels.at(stub, null)), false);

    assertThat(inlineMissing).hasMessage("missing API key for provider anthropic: set ANTHROPIC_API_KEY");
    assertThat(resourceMissing)
        .hasMessage("missing API key for provider anthropic: set api_key in Model resource claude");
    assertThat(stub.requests()).isEmpty();
  }

  @Test
  void bad_request_quotes_the_provider_message_without_the_key() {
    stub.reply(Reply.json(400, fixture("llm/anthropic/error-400.json")));

    ModelException e = failure(model(TestModels.at(stub, KEY)), true);

    assertThat(e).hasMessage("provider anthropic rejected the request (HTTP 400): messages.1.content.0.tool_result: "
        + "tool_use ids were found without tool_result blocks immediately after");
    assertThat(e.getMessage()).doesNotContain(KEY);
  }

  @Test
  void retries_a_rate_limit_after_the_wait_the_provider_asks_for() {
    stub.reply(Reply.json(429, fixture("llm/anthropic/error-429.json")).header("retry-after", "1"),
        Reply.json(fixture("llm/anthropic/text.json")));
    long started = System.nanoTime();

    String content = model(TestModels.at(stub, KEY)).chat(request(false, Cancellation.NONE), StreamListener.NONE)
        .content();

    assertThat(content).isEqualTo("Hi! My name is Claude.");
    assertThat(stub.requests()).hasSize(2);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
  }

  @Test
  void retries_an_overloaded_server_then_succeeds() {
    stub.reply(Reply.json(529, fixture("llm/anthropic/error-529.json")).header("retry-after", "0"),
        Reply.json(500, "{\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"Internal server error\"}}")
            .header("retry-after", "0"),
        Reply.sse(fixture("llm/anthropic/text.sse")));

    String content = model(TestModels.at(stub, KEY)).chat(request(true, Cancellation.NONE), StreamListener.NONE)
        .content();

    assertThat(content).isEqualTo("Hello! How can I help?");
    assertThat(stub.requests()).hasSize(3);
  }

  @Test
  void gives_up_on_a_server_error_after_max_retries() {
    stub.reply(Reply.json(529, fixture("llm/anthropic/error-529.json")).header("retry-after", "0"),
        Reply.json(529, fixture("llm/anthropic/error-529.json")).header("retry-after", "0"));

    ModelException e = failure(model(TestModels.at(stub, KEY).maxRetries(1)), false);

    assertThat(e).hasMessage("provider anthropic failed with HTTP 529: Overloaded; gave up after 1 retry "
        + "(raise max_retries of Model resource claude)");
    assertThat(e.retryable()).isTrue();
  }

  @Test
  void an_overloaded_error_event_before_any_delta_is_retried() {
    stub.reply(Reply.sse(fixture("llm/anthropic/overloaded.sse")), Reply.sse(fixture("llm/anthropic/text.sse")));

    String content = model(TestModels.at(stub, KEY)).chat(request(true, Cancellation.NONE), StreamListener.NONE)
        .content();

    assertThat(content).isEqualTo("Hello! How can I help?");
    assertThat(stub.requests()).hasSize(2);
  }

  @Test
  void an_error_event_after_deltas_is_thrown_with_its_message() {
    String errorEvent = "event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\","
        + "\"message\":\"Overloaded\"}}\n\n";
    stub.reply(Reply.sse(events("llm/anthropic/text.sse", 4) + errorEvent));
    RecordingListener listener = new RecordingListener();

    ModelException e = catchThrowableOfType(ModelException.class,
        () -> model(TestModels.at(stub, KEY)).chat(request(true, Cancellation.NONE), listener));

    assertThat(e).hasMessage("provider anthropic reported overloaded_error: Overloaded");
    assertThat(e.retryable()).isTrue();
    assertThat(listener.content()).containsExactly("Hello");
    assertThat(stub.requests()).hasSize(1);
  }

  @Test
  void malformed_json_is_a_clear_permanent_error() {
    stub.reply(Reply.json("{\"content\": [{\"type\": \"text\", "),
        Reply.sse("event: message_start\ndata: {\"type\": \"message_start\", \"message\": {\n\n"));

    ModelException whole = failure(model(TestModels.at(stub, KEY)), false);
    ModelException streamed = failure(model(TestModels.at(stub, KEY)), true);

    assertThat(whole.getMessage()).startsWith("provider anthropic returned an unreadable answer: ");
    assertThat(streamed.getMessage()).startsWith("provider anthropic returned an unreadable answer: ");
    assertThat(streamed.retryable()).isFalse();
    assertThat(stub.requests()).hasSize(2);
  }

  @Test
  void connection_dropped_mid_stream_is_a_clear_error_and_not_replayed() {
    stub.reply(Reply.dropAfter(events("llm/anthropic/text.sse", 5)), Reply.sse(fixture("llm/anthropic/text.sse")));
    RecordingListener listener = new RecordingListener();

    ModelException e = catchThrowableOfType(ModelException.class,
        () -> model(TestModels.at(stub, KEY)).chat(request(true, Cancellation.NONE), listener));

    assertThat(e.getMessage()).startsWith("connection to provider anthropic closed mid-answer");
    assertThat(e.retryable()).isTrue();
    assertThat(listener.content()).containsExactly("Hello", "!");
    assertThat(stub.requests()).hasSize(1);
  }

  @Test
  void cancellation_mid_stream_ends_the_call_at_once() throws Exception {
    stub.reply(Reply.hangAfter(events("llm/anthropic/text.sse", 4)));
    Cancellation cancellation = Cancellation.create();
    RecordingListener listener = new RecordingListener();
    Thread canceller = Thread.ofVirtual().start(() -> {
      try {
        if (listener.firstDelta().await(5, TimeUnit.SECONDS)) {
          cancellation.cancel();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    long started = System.nanoTime();

    ModelException e = catchThrowableOfType(ModelException.class,
        () -> model(TestModels.at(stub, KEY)).chat(request(true, cancellation), listener));

    canceller.join();
    assertThat(e.cancelled()).isTrue();
    assertThat(e).hasMessage("the request to provider anthropic was cancelled");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
  }
}
