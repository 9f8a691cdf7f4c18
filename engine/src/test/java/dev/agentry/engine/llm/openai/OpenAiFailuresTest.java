package dev.agentry.engine.llm.openai;

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

/** Fails, retries and cancels OpenAI calls with messages that name the provider and the setting to fix. */
class OpenAiFailuresTest {
  private static final String KEY = "sk-test-secret-wxyz";

  private final StubProvider stub = StubProvider.start();

  @AfterEach
  void stop() {
    stub.close();
  }

  private ChatModel model(TestModels settings) {
    return OpenAiChatModel.create(settings.resource("fast", "openai", "gpt-4o-mini"), TestModels.HTTP, name -> null);
  }

  private static ChatRequest request(boolean stream, Cancellation cancellation) {
    return new ChatRequest(List.of(Message.user("Hello")), List.of(), null, null, stream, cancellation);
  }

  private static ModelException failure(ChatModel model, boolean stream) {
    return catchThrowableOfType(ModelException.class,
        () -> model.chat(request(stream, Cancellation.NONE), StreamListener.NONE));
  }

  @Test
  void rejected_key_of_an_inline_model_names_the_variable_and_never_the_key() {
    ModelDef inline = new ModelDef(null, "openai", "gpt-4o-mini",
        TestModels.at(stub, null).resource("x", "openai", "gpt-4o-mini").spec());
    stub.reply(Reply.json(401, fixture("llm/openai/error-401.json")));

    ModelException e = failure(OpenAiChatModel.create(inline, TestModels.HTTP, name -> KEY), false);

    assertThat(e).hasMessage("invalid API key for provider openai: set OPENAI_API_KEY");
    assertThat(e.retryable()).isFalse();
    assertThat(e.status()).isEqualTo(401);
    assertThat(stub.requests()).hasSize(1);
  }

  @Test
  void rejected_key_of_a_model_resource_names_the_resource() {
    stub.reply(Reply.json(401, fixture("llm/openai/error-401.json")));

    assertThat(failure(model(TestModels.at(stub, KEY)), true))
        .hasMessage("invalid API key for provider openai: set api_key in Model resource fast");
  }

  @Test
  void missing_key_fails_before_any_request_and_says_where_to_set_it() {
    ModelDef inline = new ModelDef(null, "openai", "gpt-4o-mini", null);

    ModelException e = failure(OpenAiChatModel.create(inline, TestModels.HTTP, name -> null), false);

    assertThat(e).hasMessage("missing API key for provider openai: set OPENAI_API_KEY");
    assertThat(e.retryable()).isFalse();
  }

  @Test
  void error_messages_never_contain_the_key_even_when_the_provider_echoes_it() {
    stub.reply(Reply.json(403, "{\"error\":{\"message\":\"key " + KEY + " lacks scope model.request\"}}"),
        Reply.json(400, "{\"error\":{\"message\":\"bad key " + KEY + "\"}}"));

    ModelException forbidden = failure(model(TestModels.at(stub, KEY)), false);
    ModelException rejected = failure(model(TestModels.at(stub, KEY)), false);

    assertThat(forbidden.getMessage()).doesNotContain(KEY).contains("invalid API key for provider openai")
        .contains("lacks scope model.request");
    assertThat(rejected.getMessage()).doesNotContain(KEY).contains("bad key ******");
    assertThat(String.valueOf(rejected.getCause())).doesNotContain(KEY);
  }

  @Test
  void bad_request_quotes_the_provider_message() {
    stub.reply(Reply.json(400, fixture("llm/openai/error-400.json")));

    ModelException e = failure(model(TestModels.at(stub, KEY)), false);

    assertThat(e).hasMessage("provider openai rejected the request (HTTP 400): Invalid parameter: messages with role "
        + "'tool' must be a response to a preceeding message with 'tool_calls'.");
    assertThat(e.retryable()).isFalse();
  }

  @Test
  void unknown_model_names_the_model_id_and_base_url() {
    stub.reply(Reply.json(404, fixture("llm/openai/error-404.json")));

    ModelException e = failure(model(TestModels.at(stub, KEY)), false);

    assertThat(e.getMessage()).startsWith("model 'gpt-4o-mini' not found at provider openai (base_url "
        + stub.baseUrl() + "): check id and base_url of Model resource fast");
  }

  @Test
  void retries_a_rate_limit_after_the_wait_the_provider_asks_for() {
    stub.reply(Reply.json(429, fixture("llm/openai/error-429.json")).header("Retry-After", "0"),
        Reply.json(fixture("llm/openai/text.json")));

    String content = model(TestModels.at(stub, KEY)).chat(request(false, Cancellation.NONE), StreamListener.NONE)
        .content();

    assertThat(content).isEqualTo("Hello! How can I assist you today?");
    assertThat(stub.requests()).hasSize(2);
  }

  @Test
  void gives_up_on_a_rate_limit_after_max_retries() {
    Reply limited = Reply.json(429, fixture("llm/openai/error-429.json")).header("Retry-After", "0");
    stub.reply(limited, limited, limited);

    ModelException e = failure(model(TestModels.at(stub, KEY).maxRetries(1)), true);

    assertThat(e.getMessage()).startsWith("provider openai rate limited the request (HTTP 429): Rate limit reached")
        .endsWith("; gave up after 1 retry (raise max_retries of Model resource fast)");
    assertThat(e.retryable()).isTrue();
    assertThat(e.retryAfter()).isEqualTo(Duration.ZERO);
    assertThat(stub.requests()).hasSize(2);
  }

  @Test
  void retries_a_server_error_with_backoff_then_succeeds() {
    stub.reply(Reply.json(500, fixture("llm/openai/error-500.json")), Reply.sse(fixture("llm/openai/text.sse")));

    String content = model(TestModels.at(stub, KEY)).chat(request(true, Cancellation.NONE), StreamListener.NONE)
        .content();

    assertThat(content).isEqualTo("Hello! How can I help you today?");
    assertThat(stub.requests()).hasSize(2);
  }

  @Test
  void server_error_without_retries_names_the_status() {
    stub.reply(Reply.json(503, fixture("llm/openai/error-500.json")));

    ModelException e = failure(model(TestModels.at(stub, KEY).maxRetries(0)), false);

    assertThat(e).hasMessage("provider openai failed with HTTP 503: The server had an error while processing your "
        + "request. Sorry about that!");
    assertThat(e.retryable()).isTrue();
  }

  @Test
  void malformed_json_is_a_clear_permanent_error() {
    stub.reply(Reply.json("{\"choices\": [{\"message\": "), Reply.sse("data: {\"choices\": [\n\n"));

    ModelException whole = failure(model(TestModels.at(stub, KEY)), false);
    ModelException streamed = failure(model(TestModels.at(stub, KEY)), true);

    assertThat(whole.getMessage()).startsWith("provider openai returned an unreadable answer: ");
    assertThat(streamed.getMessage()).startsWith("provider openai returned an unreadable answer: ");
    assertThat(whole.retryable()).isFalse();
    assertThat(stub.requests()).hasSize(2);
  }

  @Test
  void connection_dropped_mid_stream_is_not_replayed_once_deltas_were_shown() {
    String partial = fixture("llm/openai/text.sse").split("(?<=\n\n)", 3)[0]
        + fixture("llm/openai/text.sse").split("(?<=\n\n)", 3)[1];
    stub.reply(Reply.dropAfter(partial), Reply.sse(fixture("llm/openai/text.sse")));
    RecordingListener listener = new RecordingListener();

    ModelException e = catchThrowableOfType(ModelException.class,
        () -> model(TestModels.at(stub, KEY)).chat(request(true, Cancellation.NONE), listener));

    assertThat(e.getMessage()).startsWith("connection to provider openai closed mid-answer");
    assertThat(e.retryable()).isTrue();
    assertThat(listener.deltas()).containsExactly("content:Hello");
    assertThat(stub.requests()).hasSize(1);
  }

  @Test
  void connection_dropped_before_any_delta_is_retried() {
    String start = fixture("llm/openai/text.sse").split("(?<=\n\n)", 2)[0];
    stub.reply(Reply.dropAfter(start), Reply.sse(fixture("llm/openai/text.sse")));

    String content = model(TestModels.at(stub, KEY)).chat(request(true, Cancellation.NONE), StreamListener.NONE)
        .content();

    assertThat(content).isEqualTo("Hello! How can I help you today?");
    assertThat(stub.requests()).hasSize(2);
  }

  @Test
  void cancellation_mid_stream_ends_the_call_at_once() throws Exception {
    String start = String.join("", List.of(fixture("llm/openai/text.sse").split("(?<=\n\n)")).subList(0, 2));
    stub.reply(Reply.hangAfter(start));
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
    assertThat(e).hasMessage("the request to provider openai was cancelled");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    assertThat(stub.requests()).hasSize(1);
  }

  @Test
  void a_cancelled_run_sends_nothing() {
    Cancellation cancellation = Cancellation.create();
    cancellation.cancel();

    ModelException e = catchThrowableOfType(ModelException.class,
        () -> model(TestModels.at(stub, KEY)).chat(request(false, cancellation), StreamListener.NONE));

    assertThat(e.cancelled()).isTrue();
    assertThat(stub.requests()).isEmpty();
  }
}
